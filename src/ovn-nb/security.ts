/**
 * ACLs on switches and port groups, address sets and port groups (ovn-nbctl `acl-add`, `acl-del`,
 * `address-set` via `create`, `pg-add`, `pg-set-ports`, `pg-del`).
 */
import type { Operation } from '../ovsdb/operations.js';
import {
  ensureNamedRoot,
  ensureUnnamedChild,
  findNamed,
  removeNamedRoot,
  removeUnnamedChildren,
  requireParent,
  type ExistOptions,
  type RemoveOptions,
} from './common.js';
import { NbInvalidArgumentError, NbParentNotFoundError } from './errors.js';
import type { JsRow, NbTxn, RowRef } from './txn.js';

/** Where an ACL hangs: a logical switch or a port group. */
export type AclTarget = { readonly switch: string } | { readonly portGroup: string };

/** An ACL; identified on its switch/port group by (direction, priority, match), as ovn-nbctl does. */
export interface AclSpec {
  readonly on: AclTarget;
  readonly direction: 'from-lport' | 'to-lport';
  /** 0..32767 */
  readonly priority: number;
  readonly match: string;
  readonly action: 'allow' | 'allow-related' | 'allow-stateless' | 'drop' | 'reject';
  readonly log?: boolean;
  readonly name?: string;
  readonly severity?: 'alert' | 'warning' | 'notice' | 'info' | 'debug';
  readonly options?: Readonly<Record<string, string>>;
  readonly externalIds?: Readonly<Record<string, string>>;
}

function target(on: AclTarget): { table: 'Logical_Switch' | 'Port_Group'; name: string } {
  return 'switch' in on ? { table: 'Logical_Switch', name: on.switch } : { table: 'Port_Group', name: on.portGroup };
}

/**
 * Ensures an ACL (`ovn-nbctl --may-exist acl-add SWITCH|PORT_GROUP DIRECTION PRIORITY MATCH ACTION`). A
 * new ACL is inserted, added to the parent's `acls` and guarded by a `wait` on the ACLs with that
 * (direction, priority, match); an existing one gets the other fields updated.
 * @throws NbParentNotFoundError `NB_PARENT_NOT_FOUND`, NbRowExistsError `NB_ROW_EXISTS`, NbInvalidArgumentError `NB_INVALID_ARGUMENT`
 * @example aclAdd(tx, { on: { portGroup: 'pg_web' }, direction: 'to-lport', priority: 1001, match: 'outport == @pg_web && tcp.dst == 80', action: 'allow-related' })
 */
export function aclAdd(tx: NbTxn, spec: AclSpec, o: ExistOptions = {}): Operation[] {
  const T = 'ACL';
  const t = target(spec.on);
  const key = `${t.name} ${spec.direction} ${spec.priority} ${spec.match}`;
  if (spec.direction !== 'from-lport' && spec.direction !== 'to-lport')
    throw new NbInvalidArgumentError(T, key, 'direction', spec.direction, 'from-lport or to-lport');
  if (!Number.isInteger(spec.priority) || spec.priority < 0 || spec.priority > 32767)
    throw new NbInvalidArgumentError(T, key, 'priority', String(spec.priority), 'an integer 0..32767');
  if (!['allow', 'allow-related', 'allow-stateless', 'drop', 'reject'].includes(spec.action))
    throw new NbInvalidArgumentError(
      T,
      key,
      'action',
      spec.action,
      'allow, allow-related, allow-stateless, drop or reject',
    );
  if (typeof spec.match !== 'string' || spec.match.length === 0)
    throw new NbInvalidArgumentError(T, key, 'match', String(spec.match), 'a non-empty match');
  const p = requireParent(tx, T, key, t.table, t.name);
  const rest: Record<string, JsRow[string]> = { action: spec.action };
  if (spec.log !== undefined) rest.log = spec.log;
  if (spec.name !== undefined) rest.name = spec.name;
  if (spec.severity !== undefined) rest.severity = spec.severity;
  if (spec.options !== undefined) rest.options = spec.options;
  if (spec.externalIds !== undefined) rest.external_ids = spec.externalIds;
  return ensureUnnamedChild(
    tx,
    T,
    key,
    t.table,
    p,
    'acls',
    { direction: spec.direction, priority: spec.priority, match: spec.match },
    rest,
    o,
  );
}

/** Removes the ACLs with (direction, priority, match) from the switch/port group (`ovn-nbctl acl-del`). */
export function aclDel(
  tx: NbTxn,
  on: AclTarget,
  direction: 'from-lport' | 'to-lport',
  priority: number,
  match: string,
  o: RemoveOptions = {},
): Operation[] {
  const t = target(on);
  const key = `${t.name} ${direction} ${priority} ${match}`;
  const p = findNamed(tx, t.table, t.name);
  if (!p) {
    if (o.ifExists === false) throw new NbParentNotFoundError('ACL', key, t.table, t.name);
    return [];
  }
  return removeUnnamedChildren(tx, 'ACL', key, t.table, p, 'acls', { direction, priority, match }, o);
}

/**
 * Ensures an address set with exactly these addresses (`ovn-nbctl create Address_Set name=… addresses=…`,
 * or `set` when it exists). Address_Set has a name index; the insert is guarded by a `wait` as well.
 * @throws NbRowExistsError `NB_ROW_EXISTS`, NbInvalidArgumentError `NB_INVALID_ARGUMENT`
 * @example addressSetAdd(tx, { name: 'ovn40subnets', addresses: ['10.16.0.0/16', '10.66.0.0/16'] })
 */
export function addressSetAdd(
  tx: NbTxn,
  spec: { name: string; addresses: readonly string[]; externalIds?: Readonly<Record<string, string>> },
  o: ExistOptions = {},
): Operation[] {
  if (typeof spec.name !== 'string' || !/^[A-Za-z_.][A-Za-z0-9_.]*$/.test(spec.name)) {
    throw new NbInvalidArgumentError(
      'Address_Set',
      String(spec.name),
      'name',
      String(spec.name),
      'a name usable in a match ($name: letters, digits, _ and .)',
    );
  }
  const want: Record<string, JsRow[string]> = { addresses: spec.addresses };
  if (spec.externalIds !== undefined) want.external_ids = spec.externalIds;
  return ensureNamedRoot(tx, 'Address_Set', spec.name, want, o);
}

/** Deletes an address set (`ovn-nbctl --if-exists destroy Address_Set NAME`). */
export function addressSetDel(tx: NbTxn, name: string, o: RemoveOptions = {}): Operation[] {
  return removeNamedRoot(tx, 'Address_Set', name, o);
}

/**
 * Ensures a port group whose ports are exactly the named switch ports (`ovn-nbctl pg-add` / `pg-set-ports`).
 * The ports may be created earlier in the same transaction.
 * @throws NbParentNotFoundError `NB_PARENT_NOT_FOUND` (unknown port), NbRowExistsError `NB_ROW_EXISTS`, NbInvalidArgumentError `NB_INVALID_ARGUMENT`
 * @example portGroupAdd(tx, { name: 'pg_web', ports: ['pod1.default', 'pod2.default'] })
 */
export function portGroupAdd(
  tx: NbTxn,
  spec: { name: string; ports?: readonly string[]; externalIds?: Readonly<Record<string, string>> },
  o: ExistOptions = {},
): Operation[] {
  // OVN's lexer takes `.` in identifiers (Kube-OVN names its per-node port groups `<subnet>.<node>`).
  if (typeof spec.name !== 'string' || !/^[A-Za-z_.][A-Za-z0-9_.]*$/.test(spec.name)) {
    throw new NbInvalidArgumentError(
      'Port_Group',
      String(spec.name),
      'name',
      String(spec.name),
      'a name usable in a match (@name: letters, digits, _ and .)',
    );
  }
  const want: Record<string, JsRow[string]> = {};
  if (spec.ports !== undefined) {
    const refs: RowRef[] = spec.ports.map(
      (p) => requireParent(tx, 'Port_Group', spec.name, 'Logical_Switch_Port', p).ref,
    );
    want.ports = refs;
  }
  if (spec.externalIds !== undefined) want.external_ids = spec.externalIds;
  return ensureNamedRoot(tx, 'Port_Group', spec.name, want, o);
}

/** Deletes a port group and its ACLs (`ovn-nbctl --if-exists pg-del`). */
export function portGroupDel(tx: NbTxn, name: string, o: RemoveOptions = {}): Operation[] {
  return removeNamedRoot(tx, 'Port_Group', name, o);
}
