/**
 * Load balancers and their attachment to switches and routers, and DHCP options (ovn-nbctl `lb-add`,
 * `lb-del`, `ls-lb-add`, `lr-lb-add`, `dhcp-options-create`, `lsp-set-dhcpv4-options`).
 */
import type { Operation } from '../ovsdb/operations.js';
import { cond } from '../ovsdb/operations.js';
import {
  ensureNamedRoot,
  findNamed,
  removeNamedRoot,
  requireParent,
  type ExistOptions,
  type RemoveOptions,
} from './common.js';
import { NbInvalidArgumentError } from './errors.js';
import { sameValue, type JsRow, type NbTxn, type RowRef } from './txn.js';

/** A load balancer. */
export interface LoadBalancerSpec {
  readonly name: string;
  /** VIP → backends, e.g. `{ '10.96.0.10:53': '10.16.0.5:53,10.16.0.6:53' }` or `{ '10.96.0.1': '10.16.0.2' }`. */
  readonly vips: Readonly<Record<string, string>>;
  /** Default `tcp` (ovn-nbctl writes it even for VIPs without a port). */
  readonly protocol?: 'tcp' | 'udp' | 'sctp';
  readonly options?: Readonly<Record<string, string>>;
  readonly externalIds?: Readonly<Record<string, string>>;
}

const VIP_RE = /^(\d{1,3}(\.\d{1,3}){3}|\[[0-9a-fA-F:]+\]|[0-9a-fA-F:]+)(:\d{1,5})?$/;

/**
 * Ensures a load balancer with exactly these VIPs (`ovn-nbctl --may-exist lb-add` for each VIP, as one
 * map). Load_Balancer has no name index: the insert is guarded by a `wait`.
 * @throws NbRowExistsError `NB_ROW_EXISTS`, NbDuplicateNameError `NB_DUPLICATE_NAME`, NbInvalidArgumentError `NB_INVALID_ARGUMENT`
 * @example lbAdd(tx, { name: 'dns', vips: { '10.96.0.10:53': '10.16.0.5:53' }, protocol: 'udp' })
 */
export function lbAdd(tx: NbTxn, spec: LoadBalancerSpec, o: ExistOptions = {}): Operation[] {
  const T = 'Load_Balancer';
  if (typeof spec.name !== 'string' || spec.name.length === 0)
    throw new NbInvalidArgumentError(T, String(spec.name), 'name', String(spec.name), 'a non-empty string');
  const hasPort = (a: string): boolean =>
    /^\d{1,3}(\.\d{1,3}){3}:\d{1,5}$/.test(a) || /^\[[0-9a-fA-F:]+\]:\d{1,5}$/.test(a);
  for (const [vip, backends] of Object.entries(spec.vips)) {
    if (!VIP_RE.test(vip)) throw new NbInvalidArgumentError(T, spec.name, 'vip', vip, 'IP or IP:port');
    for (const b of backends.split(',')) {
      if (b === '') continue;
      if (!VIP_RE.test(b)) throw new NbInvalidArgumentError(T, spec.name, 'backend', b, 'IP or IP:port');
      if (hasPort(b) !== hasPort(vip))
        throw new NbInvalidArgumentError(
          T,
          spec.name,
          'backend',
          b,
          hasPort(vip) ? 'IP:port (the VIP has a port)' : 'an IP without port (the VIP has none)',
        );
    }
  }
  const want: Record<string, JsRow[string]> = { vips: spec.vips };
  want.protocol = spec.protocol ?? 'tcp'; // ovn-nbctl lb-add always writes it
  if (spec.options !== undefined) want.options = spec.options;
  if (spec.externalIds !== undefined) want.external_ids = spec.externalIds;
  return ensureNamedRoot(tx, T, spec.name, want, o);
}

/** Deletes a load balancer (`ovn-nbctl --if-exists lb-del`); OVSDB drops it from switches and routers. */
export function lbDel(tx: NbTxn, name: string, o: RemoveOptions = {}): Operation[] {
  return removeNamedRoot(tx, 'Load_Balancer', name, o);
}

function attach(tx: NbTxn, parentTable: 'Logical_Switch' | 'Logical_Router', parent: string, lb: string): Operation[] {
  const p = requireParent(tx, 'Load_Balancer', lb, parentTable, parent);
  const l = requireParent(tx, parentTable, parent, 'Load_Balancer', lb);
  if (p.row && 'uuid' in l.ref && ((p.row.load_balancer as readonly string[]) ?? []).includes(l.ref.uuid)) return [];
  return tx.push(tx.setMutation(parentTable, p.ref, 'load_balancer', 'insert', [l.ref]));
}

/**
 * Attaches a load balancer to a switch (`ovn-nbctl --may-exist ls-lb-add`); nothing when attached.
 * @throws NbParentNotFoundError `NB_PARENT_NOT_FOUND`
 */
export function lsLbAdd(tx: NbTxn, switchName: string, lb: string): Operation[] {
  return attach(tx, 'Logical_Switch', switchName, lb);
}
/**
 * Attaches a load balancer to a router (`ovn-nbctl --may-exist lr-lb-add`); nothing when attached.
 * @throws NbParentNotFoundError `NB_PARENT_NOT_FOUND`
 */
export function lrLbAdd(tx: NbTxn, router: string, lb: string): Operation[] {
  return attach(tx, 'Logical_Router', router, lb);
}

/** DHCP options for one CIDR; identified by (cidr, external_ids) since the table has no name. */
export interface DhcpOptionsSpec {
  readonly cidr: string;
  /** e.g. `{ server_id: '10.16.0.1', server_mac: '0a:58:0a:10:00:01', lease_time: '3600', router: '10.16.0.1' }` */
  readonly options: Readonly<Record<string, string>>;
  readonly externalIds?: Readonly<Record<string, string>>;
}

/**
 * Ensures a DHCP_Options row (`ovn-nbctl dhcp-options-create CIDR [KEY=VALUE…]` then
 * `dhcp-options-set-options`), identified by (cidr, external_ids); returns the operations and the
 * row's reference for {@link lspSetDhcpv4Options}. A new row's insert is guarded by a `wait`.
 * @throws NbInvalidArgumentError `NB_INVALID_ARGUMENT`
 * @example const { ref } = dhcpOptionsAdd(tx, { cidr: '10.16.0.0/16', options: { lease_time: '3600', router: '10.16.0.1', server_id: '10.16.0.1', server_mac: '0a:58:0a:10:00:01' }, externalIds: { subnet: 'ovn-default' } });
 */
export function dhcpOptionsAdd(tx: NbTxn, spec: DhcpOptionsSpec): { operations: Operation[]; ref: RowRef } {
  const T = 'DHCP_Options';
  if (!/^[0-9a-fA-F.:]+\/\d{1,3}$/.test(spec.cidr))
    throw new NbInvalidArgumentError(T, spec.cidr, 'cidr', spec.cidr, 'a CIDR');
  const ext = spec.externalIds ?? {};
  const key = `${spec.cidr} ${JSON.stringify(ext)}`;
  const c = tx.created(T, key);
  if (c) return { operations: [], ref: c.ref };
  for (const r of tx.rows(T)) {
    if (r.cidr === spec.cidr && sameValue(T, 'external_ids', ext, r.external_ids)) {
      const ops = sameValue(T, 'options', spec.options, r.options)
        ? []
        : tx.push(tx.update(T, { uuid: r._uuid }, { options: spec.options }));
      return { operations: ops, ref: { uuid: r._uuid } };
    }
  }
  const same = [...tx.rows(T)]
    .filter((r) => r.cidr === spec.cidr && sameValue(T, 'external_ids', ext, r.external_ids))
    .map((r) => r._uuid as string);
  const guard = tx.guard(
    T,
    [cond('cidr', '==', spec.cidr), cond('external_ids', '==', ['map', Object.entries(ext)])],
    same,
  );
  const { op, ref } = tx.insert(T, { cidr: spec.cidr, options: spec.options, external_ids: ext }, key);
  return { operations: tx.push(guard, op), ref };
}

/** Deletes DHCP_Options rows of (cidr, external_ids) (`ovn-nbctl dhcp-options-del`). */
export function dhcpOptionsDel(
  tx: NbTxn,
  cidr: string,
  externalIds: Readonly<Record<string, string>> = {},
): Operation[] {
  const rows = [...tx.rows('DHCP_Options')].filter(
    (r) => r.cidr === cidr && sameValue('DHCP_Options', 'external_ids', externalIds, r.external_ids),
  );
  return tx.push(...rows.map((r) => tx.delete('DHCP_Options', r._uuid)));
}

/**
 * Points a switch port's `dhcpv4_options` at a DHCP_Options row (`ovn-nbctl lsp-set-dhcpv4-options`).
 * @throws NbParentNotFoundError `NB_PARENT_NOT_FOUND`
 */
export function lspSetDhcpv4Options(tx: NbTxn, port: string, dhcp: RowRef): Operation[] {
  const p =
    findNamed(tx, 'Logical_Switch_Port', port) ??
    requireParent(tx, 'Logical_Switch_Port', port, 'Logical_Switch_Port', port);
  if (p.row && 'uuid' in dhcp && p.row.dhcpv4_options === dhcp.uuid) return [];
  return tx.push(tx.update('Logical_Switch_Port', p.ref, { dhcpv4_options: dhcp }));
}
