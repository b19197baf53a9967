/**
 * Changing existing ports and port-group membership without naming the switch: ovn-nbctl's
 * `lsp-set-addresses`, `lsp-set-port-security`, `lsp-set-type`, `lsp-set-options`, `lsp-set-enabled`
 * (one builder, {@link lspSet}), and `pg-set-ports`' incremental forms (ovsdbapp `pg_add_ports` /
 * `pg_del_ports`). Each reads only the rows it names (O(1) on a replica).
 */
import type { Operation } from '../ovsdb/operations.js';
import { changedColumns, findNamed, requireParent, type RemoveOptions } from './common.js';
import { NbInvalidArgumentError, NbRowNotFoundError } from './errors.js';
import { LSP_TYPES, type LspType } from './switch.js';
import type { JsRow, NbTxn, RowRef } from './txn.js';

/** Columns of an existing switch port to set; omitted ones stay. */
export interface LspSettings {
  readonly addresses?: readonly string[];
  readonly portSecurity?: readonly string[];
  readonly type?: LspType;
  /** The whole `options` map. */
  readonly options?: Readonly<Record<string, string>>;
  readonly enabled?: boolean;
  readonly externalIds?: Readonly<Record<string, string>>;
}

/**
 * Sets columns of an existing switch port (`ovn-nbctl lsp-set-addresses / -port-security / -type /
 * -options / -enabled`); nothing is emitted when they already hold those values.
 * @throws NbRowNotFoundError `NB_ROW_NOT_FOUND`, NbInvalidArgumentError `NB_INVALID_ARGUMENT`
 * @example lspSet(tx, 'pod1.default', { addresses: ['00:00:00:aa:0d:31 10.16.0.8'], enabled: true })
 */
export function lspSet(tx: NbTxn, port: string, s: LspSettings): Operation[] {
  const T = 'Logical_Switch_Port';
  if (s.type !== undefined && !(LSP_TYPES as readonly string[]).includes(s.type))
    throw new NbInvalidArgumentError(T, port, 'type', s.type, LSP_TYPES.join(', '));
  const f = findNamed(tx, T, port);
  if (!f) throw new NbRowNotFoundError(T, port);
  const want: Record<string, JsRow[string]> = {};
  if (s.addresses !== undefined) want.addresses = s.addresses;
  if (s.portSecurity !== undefined) want.port_security = s.portSecurity;
  if (s.type !== undefined) want.type = s.type;
  if (s.options !== undefined) want.options = s.options;
  if (s.enabled !== undefined) want.enabled = s.enabled;
  if (s.externalIds !== undefined) want.external_ids = s.externalIds;
  if (!f.row) return tx.push(tx.update(T, f.ref, want)); // inserted earlier in this transaction
  if ('uuid' in f.ref) tx.dependOn(T, f.ref.uuid, Object.keys(want));
  const diff = changedColumns(T, want, f.row);
  return Object.keys(diff).length ? tx.push(tx.update(T, f.ref, diff)) : [];
}

/**
 * Adds switch ports to a port group (ovsdbapp `pg_add_ports`): one `mutate … insert`, whatever the group's size.
 * @throws NbParentNotFoundError `NB_PARENT_NOT_FOUND` (group or port)
 */
export function pgAddPorts(tx: NbTxn, group: string, ports: readonly string[]): Operation[] {
  const g = requireParent(tx, 'Logical_Switch_Port', ports.join(','), 'Port_Group', group);
  const have = new Set((g.row?.ports as readonly string[] | undefined) ?? []);
  const refs: RowRef[] = [];
  for (const p of ports) {
    const r = requireParent(tx, 'Port_Group', group, 'Logical_Switch_Port', p).ref;
    if (!('uuid' in r) || !have.has(r.uuid)) refs.push(r);
  }
  return refs.length ? tx.push(tx.setMutation('Port_Group', g.ref, 'ports', 'insert', refs)) : [];
}

/**
 * Removes switch ports from a port group (ovsdbapp `pg_del_ports`).
 * @throws NbParentNotFoundError `NB_PARENT_NOT_FOUND` (group), NbRowNotFoundError `NB_ROW_NOT_FOUND` (a port, `ifExists: false`)
 */
export function pgDelPorts(tx: NbTxn, group: string, ports: readonly string[], o: RemoveOptions = {}): Operation[] {
  const g = requireParent(tx, 'Logical_Switch_Port', ports.join(','), 'Port_Group', group);
  const have = new Set((g.row?.ports as readonly string[] | undefined) ?? []);
  const refs: RowRef[] = [];
  for (const p of ports) {
    const f = findNamed(tx, 'Logical_Switch_Port', p);
    if (!f || !('uuid' in f.ref) || !have.has(f.ref.uuid)) {
      if (o.ifExists === false) throw new NbRowNotFoundError('Logical_Switch_Port', p);
      continue;
    }
    refs.push(f.ref);
  }
  return refs.length ? tx.push(tx.setMutation('Port_Group', g.ref, 'ports', 'delete', refs)) : [];
}
