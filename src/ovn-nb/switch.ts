/**
 * Logical switches and their ports (ovn-nbctl `ls-add`, `ls-del`, `lsp-add`, `lsp-del`,
 * `lsp-set-addresses`, `lsp-set-port-security`, `lsp-set-type`, `lsp-set-options`).
 */
import type { Operation } from '../ovsdb/operations.js';
import {
  ensureNamedChild,
  ensureNamedRoot,
  removeNamedChild,
  removeNamedRoot,
  type ExistOptions,
  type RemoveOptions,
} from './common.js';
import { NbInvalidArgumentError } from './errors.js';
import type { JsRow, NbTxn } from './txn.js';

/** A logical switch. Omitted fields are left as they are on an existing switch (empty on a new one). */
export interface LogicalSwitchSpec {
  readonly name: string;
  /** `other_config`, e.g. `{ subnet: '10.16.0.0/16', exclude_ips: '10.16.0.1', gateway: '10.16.0.1' }` (whole map). */
  readonly otherConfig?: Readonly<Record<string, string>>;
  readonly externalIds?: Readonly<Record<string, string>>;
}

/** Builds the `other_config` ovn-northd's IPAM reads: `subnet`, `exclude_ips` (space separated, `a..b` ranges), and `gateway` as Kube-OVN keeps it. */
export function switchOtherConfig(o: {
  subnet?: string;
  excludeIps?: readonly string[];
  ipv6Prefix?: string;
  gateway?: string;
}): Record<string, string> {
  const out: Record<string, string> = {};
  if (o.subnet !== undefined) out.subnet = o.subnet;
  if (o.excludeIps !== undefined && o.excludeIps.length) out.exclude_ips = o.excludeIps.join(' ');
  if (o.ipv6Prefix !== undefined) out.ipv6_prefix = o.ipv6Prefix;
  if (o.gateway !== undefined) out.gateway = o.gateway;
  return out;
}

function checkName(table: string, name: unknown): asserts name is string {
  if (typeof name !== 'string' || name.length === 0)
    throw new NbInvalidArgumentError(table, String(name), 'name', String(name), 'a non-empty string');
}

/**
 * Ensures a logical switch (`ovn-nbctl --may-exist ls-add`, then setting the given columns). Pure
 * function of (spec, snapshot); a new switch's insert is guarded by a `wait` that no switch of that
 * name exists (Logical_Switch has no name index).
 * @throws NbRowExistsError `NB_ROW_EXISTS` (mayExist false), NbDuplicateNameError `NB_DUPLICATE_NAME`, NbInvalidArgumentError `NB_INVALID_ARGUMENT`
 * @example
 * const tx = new NbTxn(await readNbSnapshot(client));
 * lsAdd(tx, { name: 'ovn-default', otherConfig: switchOtherConfig({ subnet: '10.16.0.0/16', excludeIps: ['10.16.0.1'] }) });
 * await client.transact(NB_DATABASE, tx.operations());
 */
export function lsAdd(tx: NbTxn, spec: LogicalSwitchSpec, o: ExistOptions = {}): Operation[] {
  checkName('Logical_Switch', spec.name);
  const want: Record<string, JsRow[string]> = {};
  if (spec.otherConfig !== undefined) want.other_config = spec.otherConfig;
  if (spec.externalIds !== undefined) want.external_ids = spec.externalIds;
  return ensureNamedRoot(tx, 'Logical_Switch', spec.name, want, o);
}

/**
 * Deletes a logical switch (its ports go with it) — `ovn-nbctl --if-exists ls-del`.
 * @throws NbRowNotFoundError `NB_ROW_NOT_FOUND` (ifExists false)
 */
export function lsDel(tx: NbTxn, name: string, o: RemoveOptions = {}): Operation[] {
  return removeNamedRoot(tx, 'Logical_Switch', name, o);
}

/** Port types (ovn-nb(5) Logical_Switch_Port `type`); `''` is a VIF. */
export const LSP_TYPES = [
  '',
  'router',
  'localnet',
  'localport',
  'l2gateway',
  'vtep',
  'external',
  'virtual',
  'remote',
] as const;
/** A Logical_Switch_Port `type` the builders accept (`''` for a VIF, `router`, `localnet`, `virtual`, …). */
export type LspType = (typeof LSP_TYPES)[number];

/** A logical switch port. Omitted fields are left as they are on an existing port. */
export interface LogicalSwitchPortSpec {
  readonly switch: string;
  readonly name: string;
  /**
   * `addresses` entries: `"MAC IP…"`, `"router"`, `"unknown"`, `"dynamic"`, `"MAC dynamic"`.
   * Use {@link lspAddresses} to build `"MAC IP"`.
   */
  readonly addresses?: readonly string[];
  /** `port_security` entries, e.g. `"00:00:00:aa:0d:31 10.16.0.8"`. */
  readonly portSecurity?: readonly string[];
  readonly type?: LspType;
  /** e.g. `{ 'router-port': 'ovn-cluster-ovn-default' }`, `{ network_name: 'physnet' }`, `{ 'virtual-ip': … }`. */
  readonly options?: Readonly<Record<string, string>>;
  /** Container port: the VIF it rides on and its VLAN tag (`tag_request`, as ovn-nbctl sets it). */
  readonly parent?: { readonly name: string; readonly tag: number };
  readonly externalIds?: Readonly<Record<string, string>>;
  readonly enabled?: boolean;
}

/** `"MAC IP [IP…]"`, the form `addresses` and `port_security` take. */
export function lspAddresses(mac: string, ips: string | readonly string[]): string {
  return [mac, ...(typeof ips === 'string' ? ips.split(',') : ips)].join(' ');
}

/**
 * Ensures a logical switch port on `spec.switch` (`ovn-nbctl --may-exist lsp-add SWITCH PORT [PARENT TAG]`
 * plus the `lsp-set-*` commands for the given fields). A new port is inserted and added to the
 * switch's `ports` in the same transaction; the switch may be one this transaction creates.
 * @throws NbParentNotFoundError `NB_PARENT_NOT_FOUND`, NbWrongParentError `NB_WRONG_PARENT` (port on another switch),
 *   NbRowExistsError `NB_ROW_EXISTS`, NbInvalidArgumentError `NB_INVALID_ARGUMENT`
 * @example
 * lspAdd(tx, { switch: 'ovn-default', name: 'pod1.default', addresses: [lspAddresses('00:00:00:aa:0d:31', '10.16.0.8')] });
 */
export function lspAdd(tx: NbTxn, spec: LogicalSwitchPortSpec, o: ExistOptions = {}): Operation[] {
  checkName('Logical_Switch_Port', spec.name);
  checkName('Logical_Switch', spec.switch);
  const want: Record<string, JsRow[string]> = {};
  if (spec.addresses !== undefined) want.addresses = spec.addresses;
  if (spec.portSecurity !== undefined) want.port_security = spec.portSecurity;
  if (spec.type !== undefined) {
    if (!(LSP_TYPES as readonly string[]).includes(spec.type))
      throw new NbInvalidArgumentError('Logical_Switch_Port', spec.name, 'type', spec.type, LSP_TYPES.join(', '));
    want.type = spec.type;
  }
  if (spec.options !== undefined) want.options = spec.options;
  if (spec.externalIds !== undefined) want.external_ids = spec.externalIds;
  if (spec.enabled !== undefined) want.enabled = spec.enabled;
  if (spec.parent !== undefined) {
    const t = spec.parent.tag;
    if (!Number.isInteger(t) || t < 0 || t > 4095)
      throw new NbInvalidArgumentError('Logical_Switch_Port', spec.name, 'tag', String(t), 'an integer 0..4095');
    want.parent_name = spec.parent.name;
    want.tag_request = t;
  }
  return ensureNamedChild(
    tx,
    'Logical_Switch_Port',
    spec.name,
    { table: 'Logical_Switch', name: spec.switch, column: 'ports' },
    want,
    o,
  );
}

/**
 * Removes a switch port from its switch (`ovn-nbctl --if-exists lsp-del`).
 * @throws NbRowNotFoundError `NB_ROW_NOT_FOUND` (ifExists false)
 */
export function lspDel(tx: NbTxn, name: string, o: RemoveOptions = {}): Operation[] {
  return removeNamedChild(tx, 'Logical_Switch_Port', name, 'Logical_Switch', 'ports', o);
}
