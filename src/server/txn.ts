/**
 * A transaction's working set and its commit checks, in ovsdb/transaction.c's order: drop rows that
 * did not change, count strong references (referential integrity), collect unreferenced non-root rows,
 * check maxRows, drop weak references to missing rows (and refuse if that empties a column that may not
 * be empty), check unique indexes, and give modified rows a new `_version`.
 */
import type { Datum } from './datum.js';
import {
  cloneDatum,
  compareAtoms,
  compareDatums,
  datumEquals,
  datumAddedRemoved,
  datumToString,
  newUuid,
  ZERO_UUID,
} from './datum.js';
import { OvsdbError } from './errors.js';
import type { Column, Row, Table } from './table.js';
import { field, indexKey } from './table.js';

export interface TxnRow {
  readonly table: Table;
  readonly uuid: string;
  readonly old: Row | null;
  new: Row | null;
  nRefs: number;
  /** Changed by the operations (determined before reference clean-up), or by weak-reference removal. */
  changed?: boolean;
}

/** One row changed by a committed transaction (old and new are committed, immutable rows). */
export interface RowChange {
  readonly table: Table;
  readonly uuid: string;
  readonly old: Row | null;
  readonly new: Row | null;
}

export interface DbView {
  readonly tables: ReadonlyMap<string, Table>;
}

export class Txn {
  /** Touched rows per table, tables in the order first touched. */
  readonly rows = new Map<Table, Map<string, TxnRow>>();
  readonly comments: string[] = [];

  constructor(readonly db: DbView) {}

  private tableRows(t: Table): Map<string, TxnRow> {
    let m = this.rows.get(t);
    if (!m) {
      m = new Map();
      this.rows.set(t, m);
    }
    return m;
  }

  txnRow(t: Table, uuid: string): TxnRow | undefined {
    return this.rows.get(t)?.get(uuid);
  }

  /** The row as this transaction sees it. */
  get(t: Table, uuid: string): Row | undefined {
    const tr = this.rows.get(t)?.get(uuid);
    if (tr) return tr.new ?? undefined;
    return t.rows.get(uuid);
  }

  /** Every row of a table as this transaction sees it. */
  *scan(t: Table): Generator<Row> {
    const m = this.rows.get(t);
    if (!m || m.size === 0) {
      yield* t.rows.values();
      return;
    }
    for (const [u, r] of t.rows) {
      const tr = m.get(u);
      if (!tr) yield r;
      else if (tr.new) yield tr.new;
    }
    for (const tr of m.values()) if (!tr.old && tr.new) yield tr.new;
  }

  /** `ovsdb_txn_may_create_row`. */
  mayCreate(t: Table, uuid: string): boolean {
    return !t.rows.has(uuid) && !this.rows.get(t)?.has(uuid);
  }

  insert(t: Table, row: Row): void {
    this.tableRows(t).set(row.uuid, { table: t, uuid: row.uuid, old: null, new: row, nRefs: 0 });
  }

  /** Returns the transaction's own, modifiable copy of a row. */
  modify(t: Table, row: Row): Row {
    const m = this.tableRows(t);
    const tr = m.get(row.uuid);
    if (tr) return tr.new!;
    const copy: Row = { uuid: row.uuid, version: row.version, fields: row.fields.slice(), nRefs: row.nRefs };
    m.set(row.uuid, { table: t, uuid: row.uuid, old: row, new: copy, nRefs: row.nRefs });
    return copy;
  }

  /** `find_or_make_txn_row`. */
  private findOrMake(t: Table, uuid: string): TxnRow | undefined {
    const tr = this.rows.get(t)?.get(uuid);
    if (tr) return tr;
    const row = t.rows.get(uuid);
    if (!row) return undefined;
    this.modify(t, row);
    return this.rows.get(t)!.get(uuid);
  }

  delete(t: Table, row: Row): void {
    const m = this.tableRows(t);
    const tr = m.get(row.uuid);
    if (tr && !tr.old) m.delete(row.uuid);
    else if (tr) tr.new = null;
    else m.set(row.uuid, { table: t, uuid: row.uuid, old: row, new: null, nRefs: row.nRefs });
  }

  private *allRows(): Generator<TxnRow> {
    // Rows added while iterating (pulled in by reference counting) are visited too.
    for (const m of this.rows.values()) for (const tr of m.values()) yield tr;
  }

  /** Runs the commit checks; throws the first violation as an {@link OvsdbError}. */
  precommit(): void {
    // determine_changes
    for (const [t, m] of this.rows) {
      for (const [u, tr] of m) {
        if (tr.old && tr.new && rowFieldsEqual(t, tr.old, tr.new)) m.delete(u);
        else tr.changed = true;
      }
      if (m.size === 0) this.rows.delete(t);
    }
    if (this.rows.size === 0) return;
    this.updateRefCounts();
    // collect_garbage
    for (const tr of [...this.allRows()]) if (tr.new && tr.nRefs === 0) this.deleteGarbage(tr);
    this.checkMaxRows();
    this.assessWeakRefs();
    this.checkIndexes();
  }

  private adjustRefs(tr: TxnRow, row: Row, col: Column, d: Datum, delta: number): void {
    for (const [base, atoms] of [
      [col.type.key, d.keys],
      [col.type.value, d.values],
    ] as const) {
      if (!base || !atoms || !base.refTable || base.refType !== 'strong') continue;
      const target = this.db.tables.get(base.refTable)!;
      for (const a of atoms) {
        const u = a as string;
        if (u === row.uuid) continue;
        const dst = this.findOrMake(target, u);
        if (!dst) {
          throw new OvsdbError(
            'referential integrity violation',
            `Table ${tr.table.name} column ${col.name} row ${row.uuid} references nonexistent row ${u} in table ${target.name}.`,
          );
        }
        dst.nRefs += delta;
      }
    }
  }

  private updateRefCounts(): void {
    for (const tr of [...this.allRows()]) {
      for (const col of tr.table.columns) {
        if (!col.strongRef) continue;
        const i = col.index;
        if (tr.old && !tr.new) this.adjustRefs(tr, tr.old, col, tr.old.fields[i]!, -1);
        else if (!tr.old && tr.new) this.adjustRefs(tr, tr.new, col, tr.new.fields[i]!, 1);
        else if (tr.old && tr.new) {
          const o = tr.old.fields[i]!;
          const n = tr.new.fields[i]!;
          if (o === n) continue;
          const { added, removed } = datumAddedRemoved(o, n, col.type);
          this.adjustRefs(tr, tr.old, col, removed, -1);
          this.adjustRefs(tr, tr.new, col, added, 1);
        }
      }
    }
    for (const tr of this.allRows()) {
      if (!tr.new && tr.nRefs > 0) {
        throw new OvsdbError(
          'referential integrity violation',
          `cannot delete ${tr.table.name} row ${tr.uuid} because of ${tr.nRefs} remaining reference(s)`,
        );
      }
    }
  }

  private deleteGarbage(tr: TxnRow): void {
    if (tr.table.isRoot) return;
    const row = tr.new!;
    tr.new = null;
    for (const col of tr.table.columns) {
      if (!col.strongRef) continue;
      const d = row.fields[col.index]!;
      for (const [base, atoms] of [
        [col.type.key, d.keys],
        [col.type.value, d.values],
      ] as const) {
        if (!base || !atoms || !base.refTable || base.refType !== 'strong') continue;
        const target = this.db.tables.get(base.refTable)!;
        for (const a of atoms) {
          if (a === row.uuid) continue;
          const dst = this.findOrMake(target, a as string);
          if (!dst || !dst.new) continue;
          if (--dst.nRefs === 0) this.deleteGarbage(dst);
        }
      }
    }
  }

  private checkMaxRows(): void {
    for (const [t, m] of this.rows) {
      if (t.maxRows === undefined) continue;
      let n = t.rows.size;
      for (const tr of m.values()) {
        if (!tr.old && tr.new) n++;
        else if (tr.old && !tr.new) n--;
      }
      if (n > t.maxRows) {
        throw new OvsdbError(
          'constraint violation',
          `transaction causes "${t.name}" table to contain ${n} rows, greater than the schema-defined limit of ${t.maxRows} row(s)`,
        );
      }
    }
  }

  private exists(tableName: string, uuid: string): boolean {
    const t = this.db.tables.get(tableName)!;
    return this.get(t, uuid) !== undefined;
  }

  private assessWeakRefs(): void {
    // Rows holding weak references to deleted rows are reassessed.
    for (const tr of [...this.allRows()]) {
      if (tr.old && !tr.new && tr.old.weakIn) {
        for (const key of tr.old.weakIn.keys()) {
          const sp = key.indexOf(' ');
          const src = this.db.tables.get(key.slice(0, sp))!;
          const su = key.slice(sp + 1);
          const srcTr = this.rows.get(src)?.get(su);
          if (srcTr) continue;
          const r = src.rows.get(su);
          if (r) this.modify(src, r);
        }
      }
    }
    for (const tr of this.allRows()) {
      const row = tr.new;
      if (!row) continue;
      for (const col of tr.table.columns) {
        if (!col.weakRef) continue;
        const d = row.fields[col.index]!;
        const kRef = col.type.key.refType === 'weak' ? col.type.key.refTable : undefined;
        const vRef = col.type.value?.refType === 'weak' ? col.type.value.refTable : undefined;
        let keep: boolean[] | undefined;
        let zero = false;
        for (let i = 0; i < d.keys.length; i++) {
          const bad =
            (kRef !== undefined && !this.exists(kRef, d.keys[i] as string)) ||
            (vRef !== undefined && !this.exists(vRef, d.values![i] as string));
          if (bad) {
            keep ??= d.keys.map(() => true);
            keep[i] = false;
            if ((kRef !== undefined && d.keys[i] === ZERO_UUID) || (vRef !== undefined && d.values![i] === ZERO_UUID))
              zero = true;
          }
        }
        if (!keep) continue;
        const nd: Datum = { keys: d.keys.filter((_, i) => keep![i]) };
        if (d.values) nd.values = d.values.filter((_, i) => keep![i]);
        row.fields[col.index] = nd;
        tr.changed = true;
        if (nd.keys.length < col.type.min) {
          if (zero && !tr.old) {
            throw new OvsdbError(
              'constraint violation',
              `Weak reference column "${col.name}" in "${tr.table.name}" row ${row.uuid} (inserted within this transaction) contained all-zeros UUID (probably as the default value for this column) but deleting this value caused a constraint volation because this column is not allowed to be empty.`,
            );
          }
          throw new OvsdbError(
            'constraint violation',
            `Deletion of ${d.keys.length - nd.keys.length} weak reference(s) to deleted (or never-existing) rows from column "${col.name}" in "${tr.table.name}" row ${row.uuid} ${tr.old ? '' : '(inserted within this transaction) '}caused this column to become empty, but constraints on this column disallow an empty column.`,
          );
        }
      }
    }
  }

  private checkIndexes(): void {
    for (const [t, m] of this.rows) {
      if (t.indexes.length === 0) continue;
      const temp = t.indexes.map(() => new Map<string, TxnRow>());
      for (const tr of m.values()) {
        const row = tr.new;
        if (!row) continue;
        t.indexes.forEach((cols, i) => {
          const key = indexKey(row, cols);
          const other = temp[i]!.get(key);
          if (other) throw duplicateIndexRow(t, cols, other.new!, other, row, tr);
          const committed = t.indexMaps[i]!.get(key);
          if (committed !== undefined && !m.has(committed)) {
            throw duplicateIndexRow(t, cols, t.rows.get(committed)!, undefined, row, tr);
          }
          temp[i]!.set(key, tr);
        });
      }
    }
  }

  /** Gives changed rows a new `_version` and returns the changes to commit. */
  finish(): RowChange[] {
    const out: RowChange[] = [];
    for (const [t, m] of this.rows) {
      for (const tr of m.values()) {
        if (!tr.old && !tr.new) continue;
        if (tr.old && tr.new) {
          tr.new.nRefs = tr.nRefs;
          if (!tr.changed && rowFieldsEqual(t, tr.old, tr.new)) {
            // Only its reference count changed: no change for clients, but the count is committed.
            tr.old.nRefs = tr.nRefs;
            continue;
          }
          tr.new.version = newUuid();
        } else if (tr.new) tr.new.nRefs = tr.nRefs;
        out.push({ table: t, uuid: tr.uuid, old: tr.old, new: tr.new });
      }
    }
    return out;
  }
}

export function rowFieldsEqual(t: Table, a: Row, b: Row): boolean {
  for (const c of t.columns) {
    const x = a.fields[c.index]!;
    const y = b.fields[c.index]!;
    if (x !== y && !datumEquals(x, y, c.type)) return false;
  }
  return true;
}

function listDelimiter(i: number, n: number): string {
  return i === 0 ? '' : n === 2 ? ' and ' : i === n - 1 ? ', and ' : ', ';
}

function columnsToString(row: Row, cols: readonly Column[]): string {
  return cols.map((c, i) => listDelimiter(i, cols.length) + datumToString(field(row, c), c.type)).join('');
}

function compareRowsAll(t: Table, a: Row, b: Row): number {
  const c = compareAtoms(a.uuid, b.uuid, 'uuid');
  if (c) return c;
  for (const col of t.columns) {
    const x = compareDatums(a.fields[col.index]!, b.fields[col.index]!, col.type);
    if (x) return x;
  }
  return 0;
}

function describeIndexRow(t: Table, cols: readonly Column[], row: Row, tr: TxnRow | undefined, title: string): string {
  let s = `${title} row, with UUID ${row.uuid}, `;
  if (!tr || (tr.old && tr.new && rowFieldsEqual(t, tr.old, tr.new))) {
    s += 'existed in the database before this transaction and was not modified by the transaction.';
  } else if (!tr.old) s += 'was inserted by this transaction.';
  else if (cols.every((c) => datumEquals(field(tr.old!, c), field(tr.new!, c), c.type))) {
    s +=
      "existed in the database before this transaction, which modified some of the row's columns but not any columns in this index.";
  } else s += `had the following index values before the transaction: ${columnsToString(tr.old, cols)}.`;
  return s;
}

function duplicateIndexRow(
  t: Table,
  cols: readonly Column[],
  a: Row,
  atr: TxnRow | undefined,
  b: Row,
  btr: TxnRow | undefined,
): OvsdbError {
  if (compareRowsAll(t, a, b) < 0) {
    [a, b] = [b, a];
    [atr, btr] = [btr, atr];
  }
  const names =
    cols.length === 0
      ? 'no columns'
      : `column${cols.length > 1 ? 's' : ''} ` +
        cols.map((c, i) => `${listDelimiter(i, cols.length)}"${c.name}"`).join('');
  return new OvsdbError(
    'constraint violation',
    `Transaction causes multiple rows in "${t.name}" table to have identical values (${columnsToString(a, cols)}) for index on ${names}.  ` +
      describeIndexRow(t, cols, a, atr, 'First') +
      '  ' +
      describeIndexRow(t, cols, b, btr, 'Second'),
  );
}

export { cloneDatum };
