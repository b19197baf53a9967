/**
 * Generic "ensure" and "remove" steps the table-specific builders are made of: named root rows
 * (switches, routers, load balancers, address sets, port groups), named children (switch and router
 * ports, gateway chassis) and unnamed children identified by some columns (ACLs, NATs, routes,
 * policies).
 */
import { cond, type Condition, type Operation } from '../ovsdb/operations.js';
import {
  NbDuplicateNameError,
  NbParentNotFoundError,
  NbRowExistsError,
  NbRowNotFoundError,
  NbWrongParentError,
} from './errors.js';
import { type JsRow, type NbTable, type NbTxn, type RowRef, sameValue, wireRow } from './txn.js';

/** may-exist / if-exists switches, as ovn-nbctl's `--may-exist` and `--if-exists`. */
export interface ExistOptions {
  /**
   * When the row already exists: `true` (default) makes the builder idempotent — columns given that
   * differ are updated, nothing is emitted when none do; `false` throws `NB_ROW_EXISTS`.
   */
  readonly mayExist?: boolean;
}
/** Options of the builders that delete a row (`lsDel`, `lspDel`, …). */
export interface RemoveOptions {
  /** When the row does not exist: `true` (default) emits nothing; `false` throws `NB_ROW_NOT_FOUND`. */
  readonly ifExists?: boolean;
}

/** A located row: its reference, and its current content when it is in the snapshot. */
export interface Found {
  readonly ref: RowRef;
  readonly row: Readonly<Record<string, unknown>> | undefined;
}

/** Finds the one row of `table` named `name` (this transaction's inserts first). */
export function findNamed(tx: NbTxn, table: NbTable, name: string): Found | undefined {
  const c = tx.created(table, name);
  if (c) return { ref: c.ref, row: undefined };
  const rows = tx.findAll(table, 'name', name) as unknown as readonly Record<string, unknown>[];
  if (rows.length > 1)
    throw new NbDuplicateNameError(
      table,
      name,
      rows.map((r) => r._uuid as string),
    );
  const r = rows[0];
  return r ? { ref: { uuid: r._uuid as string }, row: r } : undefined;
}

/** Like {@link findNamed} but the row must exist (as a parent). */
export function requireParent(tx: NbTxn, table: NbTable, key: string, parentTable: NbTable, parent: string): Found {
  const f = findNamed(tx, parentTable, parent);
  if (!f) throw new NbParentNotFoundError(table, key, parentTable, parent);
  // The plan writes into (or beside) this row: it must still exist when the transaction commits.
  if ('uuid' in f.ref) tx.dependOn(parentTable, f.ref.uuid);
  return f;
}

/** The columns of `want` that differ from `have`. */
export function changedColumns(table: NbTable, want: JsRow, have: Readonly<Record<string, unknown>>): JsRow {
  const out: Record<string, JsRow[string]> = {};
  for (const [k, v] of Object.entries(want)) if (!sameValue(table, k, v, have[k])) out[k] = v;
  return out;
}

function updateIfChanged(tx: NbTxn, table: NbTable, f: Found, want: JsRow): Operation[] {
  if (!f.row) return []; // inserted by this transaction with its columns already
  // The comparison below read these columns: they must still hold those values at commit.
  if ('uuid' in f.ref) tx.dependOn(table, f.ref.uuid, Object.keys(want));
  const diff = changedColumns(table, want, f.row);
  return Object.keys(diff).length ? tx.push(tx.update(table, f.ref, diff)) : [];
}

/**
 * Ensures a root row named `name` with the columns `want`. A new row's insert is guarded by a `wait`
 * that no row of that name exists (root tables here have no name index in OVN's schema, or it is
 * the guard that makes the failure clean).
 */
export function ensureNamedRoot(
  tx: NbTxn,
  table: NbTable,
  name: string,
  want: JsRow,
  o: ExistOptions = {},
): Operation[] {
  const f = findNamed(tx, table, name);
  if (f) {
    if (o.mayExist === false) throw new NbRowExistsError(table, name);
    return updateIfChanged(tx, table, f, want);
  }
  const guard = tx.guard(table, [cond('name', '==', name)], []);
  const { op } = tx.insert(table, { ...want, name }, name);
  return tx.push(guard, op);
}

/** Deletes every root row named `name`. */
export function removeNamedRoot(tx: NbTxn, table: NbTable, name: string, o: RemoveOptions = {}): Operation[] {
  const rows = tx.findAll(table, 'name', name) as unknown as readonly Record<string, unknown>[];
  if (rows.length === 0) {
    if (o.ifExists === false) throw new NbRowNotFoundError(table, name);
    return [];
  }
  return tx.push(...rows.map((r) => tx.delete(table, r._uuid as string)));
}

/** Where a child row hangs: the parent table, the parent's name and the reference column. */
export interface ParentSpec {
  readonly table: NbTable;
  readonly name: string;
  readonly column: string;
}

/**
 * Ensures a named child row (name-indexed tables: Logical_Switch_Port, Logical_Router_Port,
 * Gateway_Chassis) under its parent, inserting and wiring it into the parent in the same transaction.
 * @throws NbParentNotFoundError, NbWrongParentError, NbRowExistsError
 */
export function ensureNamedChild(
  tx: NbTxn,
  table: NbTable,
  name: string,
  parent: ParentSpec,
  want: JsRow,
  o: ExistOptions = {},
): Operation[] {
  const p = requireParent(tx, table, name, parent.table, parent.name);
  const f = findNamed(tx, table, name);
  if (f) {
    if (o.mayExist === false) throw new NbRowExistsError(table, name);
    if ('uuid' in f.ref) {
      const holder = tx.parentOf(parent.table, parent.column, f.ref.uuid);
      if (holder !== undefined && !('uuid' in p.ref && p.ref.uuid === holder)) {
        const other = tx.row(parent.table, holder) as Record<string, unknown> | undefined;
        throw new NbWrongParentError(table, name, parent.name, String(other?.name ?? holder));
      }
    }
    return updateIfChanged(tx, table, f, want);
  }
  const { op, ref } = tx.insert(table, { ...want, name }, name);
  return tx.push(op, tx.setMutation(parent.table, p.ref, parent.column, 'insert', [ref]));
}

/** Removes a named child by dropping it from its parent's set (OVSDB then deletes the unreferenced row). */
export function removeNamedChild(
  tx: NbTxn,
  table: NbTable,
  name: string,
  parentTable: NbTable,
  column: string,
  o: RemoveOptions = {},
): Operation[] {
  const rows = tx.findAll(table, 'name', name) as unknown as readonly Record<string, unknown>[];
  const r = rows[0];
  if (!r) {
    if (o.ifExists === false) throw new NbRowNotFoundError(table, name);
    return [];
  }
  const u = r._uuid as string;
  const holder = tx.parentOf(parentTable, column, u);
  tx.forget(u);
  if (holder === undefined) return tx.push(tx.delete(table, u));
  tx.dependOnMember(parentTable, holder, column, u);
  return tx.push(tx.setMutation(parentTable, { uuid: holder }, column, 'delete', [{ uuid: u }]));
}

function identityWhere(table: NbTable, identity: JsRow): Condition[] {
  const w = wireRow(table, identity);
  return Object.entries(w).map(([k, v]) => cond(k, '==', v));
}

/** Rows under `parent.column` whose identity columns equal `identity`. */
export function findUnnamedChildren(
  tx: NbTxn,
  table: NbTable,
  parentRow: Readonly<Record<string, unknown>> | undefined,
  column: string,
  identity: JsRow,
): Record<string, unknown>[] {
  if (!parentRow) return [];
  const v = parentRow[column];
  const out: Record<string, unknown>[] = [];
  for (const u of Array.isArray(v) ? (v as string[]) : []) {
    const r = tx.row(table, u) as unknown as Record<string, unknown> | undefined;
    if (r && Object.entries(identity).every(([k, want]) => sameValue(table, k, want, r[k]))) out.push(r);
  }
  return out;
}

/**
 * Ensures an unnamed child (ACL, NAT, static route, policy) identified by `identity` under the parent:
 * updates `rest` when found; else inserts it, wires it into the parent, and guards the insert with a
 * `wait` that the rows of the table with this identity are those read.
 */
export function ensureUnnamedChild(
  tx: NbTxn,
  table: NbTable,
  key: string,
  parentTable: NbTable,
  parent: Found,
  column: string,
  identity: JsRow,
  rest: JsRow,
  o: ExistOptions = {},
): Operation[] {
  const pending = tx.created(table, key);
  if (pending) {
    if (o.mayExist === false) throw new NbRowExistsError(table, key);
    return [];
  }
  const found = findUnnamedChildren(tx, table, parent.row, column, identity);
  const first = found[0];
  if (first) {
    if (o.mayExist === false) throw new NbRowExistsError(table, key);
    return updateIfChanged(tx, table, { ref: { uuid: first._uuid as string }, row: first }, rest);
  }
  const same: string[] = [];
  const where = identityWhere(table, identity);
  for (const r of tx.rows(table)) {
    const rr = r as unknown as Record<string, unknown>;
    if (Object.entries(identity).every(([k, want]) => sameValue(table, k, want, rr[k]))) same.push(rr._uuid as string);
  }
  const guard = tx.guard(table, where, same);
  const { op, ref } = tx.insert(table, { ...identity, ...rest }, key);
  return tx.push(guard, op, tx.setMutation(parentTable, parent.ref, column, 'insert', [ref]));
}

/** Removes unnamed children matching `identity` (all of them) from the parent. */
export function removeUnnamedChildren(
  tx: NbTxn,
  table: NbTable,
  key: string,
  parentTable: NbTable,
  parent: Found,
  column: string,
  identity: JsRow,
  o: RemoveOptions = {},
): Operation[] {
  const found = findUnnamedChildren(tx, table, parent.row, column, identity);
  if (found.length === 0) {
    if (o.ifExists === false) throw new NbRowNotFoundError(table, key);
    return [];
  }
  for (const r of found) tx.forget(r._uuid as string);
  return tx.push(
    tx.setMutation(
      parentTable,
      parent.ref,
      column,
      'delete',
      found.map((r) => ({ uuid: r._uuid as string })),
    ),
  );
}
