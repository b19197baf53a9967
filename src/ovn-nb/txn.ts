/**
 * The core the Northbound builders share: where they read rows ({@link NbSource}: a snapshot from
 * {@link readNbSnapshot}, or a replica — see replica.ts), and {@link NbTxn}, which collects one
 * transaction's operations on top of it. Builders are pure functions of (desired state, source): they
 * look the rows they need up (plus what earlier builders of the same `NbTxn` created or deleted) and
 * return the operations that make the database match — nothing when it already does. Every insert of a
 * row whose existence the builder decided from what it read carries a `wait` guard (`_uuid`s of the rows
 * with that key, as read), so a concurrent writer makes the transaction fail with `timed out` instead of
 * creating a duplicate. Builders also record what else they relied on ({@link NbTxn.dependOn}), which
 * {@link NbTxn.verifications} turns into O(1) `wait`s; `NbReplica.transact` sends those and re-plans on
 * conflict. The snapshot path (one-shot scripts) sends `operations()` only: re-read and re-run on error.
 */
import type { OvsdbClient } from '../ovsdb/client.js';
import {
  byUuid,
  cond,
  mutation,
  op,
  type Condition,
  type WhereClause,
  type Mutation,
  type Operation,
  type SelectResult,
} from '../ovsdb/operations.js';
import { datumToWire, type Datum, type WireAtom, type WireRow, type WireValue } from '../ovsdb/notation.js';
import { columnKind, type ColumnType, type TableSchema } from '../ovsdb/schema.js';
import { decodeRow } from '../ovsdb/typed/index.js';
import { ovnNorthboundSchema, type OVNNorthboundTables } from './generated/ovn-northbound.gen.js';

/** The Northbound database name. */
export const NB_DATABASE = 'OVN_Northbound';

/** The name of an OVN_Northbound table. */
export type NbTable = keyof OVNNorthboundTables & string;
/** A row of `T` as read (generated shape: sets are arrays, maps records, UUIDs strings). */
export type NbRow<T extends NbTable> = OVNNorthboundTables[T]['row'];

/** Rows by `_uuid`, per table. Tables a snapshot does not hold are treated as empty. */
export type NbSnapshot = { readonly [T in NbTable]?: ReadonlyMap<string, NbRow<T>> };

/** The tables the builders read. */
export const NB_BUILDER_TABLES = [
  'Logical_Switch',
  'Logical_Switch_Port',
  'Logical_Router',
  'Logical_Router_Port',
  'Logical_Router_Static_Route',
  'Logical_Router_Policy',
  'Gateway_Chassis',
  'NAT',
  'ACL',
  'Address_Set',
  'Port_Group',
  'Load_Balancer',
  'DHCP_Options',
  'HA_Chassis_Group',
  'HA_Chassis',
  'Meter',
  'Meter_Band',
  'QoS',
  'DNS',
] as const satisfies readonly NbTable[];

function tableSchema(t: string): TableSchema {
  return (ovnNorthboundSchema.tables as Record<string, TableSchema>)[t]!;
}

/** Columns to read per table (`_uuid` and `_version` are always read); tables not listed are read whole. */
export type NbColumns = { readonly [T in NbTable]?: readonly string[] };

/**
 * One `select` per table: what {@link snapshotFromResults} decodes. With `columns`, only those columns
 * (plus `_uuid`, `_version`) are read — then only builders that set no other column of those tables
 * may run on the snapshot, or they would see the unread columns as empty.
 */
export function snapshotSelects(tables: readonly NbTable[] = NB_BUILDER_TABLES, columns: NbColumns = {}): Operation[] {
  return tables.map((t) => {
    const c = columns[t];
    return c ? op.select(t, [], ['_uuid', '_version', ...c]) : op.select(t, []);
  });
}

/** Decodes the results of {@link snapshotSelects} into a snapshot. */
export function snapshotFromResults(tables: readonly NbTable[], results: readonly unknown[]): NbSnapshot {
  const out: Record<string, Map<string, unknown>> = {};
  tables.forEach((t, i) => {
    const m = new Map<string, unknown>();
    const ts = tableSchema(t);
    for (const raw of (results[i] as SelectResult).rows) {
      const row = decodeRow(ovnNorthboundSchema, ts, raw);
      m.set(row._uuid as string, row);
    }
    out[t] = m;
  });
  return out as NbSnapshot;
}

/**
 * Reads a snapshot of `tables` in one transaction (so it is consistent).
 * @example const snap = await readNbSnapshot(client); const ops = lsAdd(new NbTxn(snap), { name: 'sw0' });
 */
export async function readNbSnapshot(
  client: Pick<OvsdbClient, 'transact'>,
  tables: readonly NbTable[] = NB_BUILDER_TABLES,
  columns: NbColumns = {},
): Promise<NbSnapshot> {
  const res = await client.transact(NB_DATABASE, snapshotSelects(tables, columns));
  return snapshotFromResults(tables, res as readonly unknown[]);
}

/** A reference to a row: an existing row's UUID, or the `uuid-name` of a row this transaction inserts. */
export type RowRef = { readonly uuid: string } | { readonly named: string };

/** The wire atom for a {@link RowRef}: `["uuid", u]` for an existing row, `["named-uuid", n]` for one inserted in this transaction. */
export function refAtom(r: RowRef): WireAtom {
  return 'uuid' in r ? ['uuid', r.uuid] : ['named-uuid', r.named];
}
/** A `_uuid ==` condition selecting the row a {@link RowRef} names. */
export function refCondition(r: RowRef): Condition {
  return 'uuid' in r ? byUuid(r.uuid) : cond('_uuid', '==', ['named-uuid', r.named]);
}
const refDatum = (r: RowRef): Datum => ('uuid' in r ? r.uuid : { namedUuid: r.named });

/** JS values builders pass for columns: plain atoms, arrays for sets, records for maps, {@link RowRef} for references. */
export type ColumnValue =
  | string
  | number
  | boolean
  | undefined
  | RowRef
  | readonly (string | number | boolean | RowRef)[]
  | Readonly<Record<string, string | number | boolean>>;
/** A row as the builders read it: column name → decoded value (sets as arrays, maps as `Map`s, refs as uuid strings). */
export type JsRow = Readonly<Record<string, ColumnValue>>;

function isRef(v: unknown): v is RowRef {
  return (
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    (('uuid' in v && Object.keys(v).length === 1) || ('named' in v && Object.keys(v).length === 1))
  );
}

function toDatum(v: ColumnValue): Datum {
  if (isRef(v)) return refDatum(v);
  if (Array.isArray(v)) return v.map((a) => (isRef(a) ? refDatum(a) : a)) as Datum;
  return v as Datum;
}

/** Encodes JS column values to the wire with the NB schema's column types (checked). */
export function wireRow(table: NbTable, row: JsRow): WireRow {
  const ts = tableSchema(table);
  const out: Record<string, WireValue> = {};
  for (const [k, v] of Object.entries(row)) {
    const col = ts.columns[k];
    if (col === undefined) throw new Error(`internal: ${table} has no column ${k}`);
    out[k] = datumToWire(col.type, toDatum(v), { database: NB_DATABASE, table, column: k });
  }
  return out;
}

function columnType(table: NbTable, column: string): ColumnType {
  return tableSchema(table).columns[column]!.type;
}

/** Order-insensitive comparison of a desired JS value with a row's value (sets and maps compare as such). */
export function sameValue(table: NbTable, column: string, want: ColumnValue, have: unknown): boolean {
  const kind = columnKind(columnType(table, column));
  const norm = (v: unknown): string => {
    if (isRef(v)) return 'uuid' in v ? v.uuid : `#${v.named}`;
    if (kind === 'set') {
      const arr = Array.isArray(v) ? v : v === undefined ? [] : [v];
      return JSON.stringify(
        arr
          .map((a) => (isRef(a) ? norm(a) : a))
          .map((a) => JSON.stringify(a))
          .sort(),
      );
    }
    if (kind === 'map') {
      const rec = (v ?? {}) as Record<string, unknown>;
      return JSON.stringify(
        Object.keys(rec)
          .sort()
          .map((k) => [k, rec[k]]),
      );
    }
    return JSON.stringify(v ?? null);
  };
  return norm(want) === norm(have);
}

/**
 * Where an {@link NbTxn} reads rows from: a snapshot ({@link snapshotSource}) or a replica
 * (`NbReplica`'s source, which answers from a `ReplicaCache` and its indexes, no select).
 * Lookups are synchronous; a source must not change while a transaction is being built on it.
 */
export interface NbSource {
  /** The row `uuid` of `table`, if present. */
  get<T extends NbTable>(table: T, uuid: string): NbRow<T> | undefined;
  /** Every row of `table`. */
  rows<T extends NbTable>(table: T): Iterable<NbRow<T>>;
  /** UUIDs of the rows of `table` whose `name` column is `name`. */
  named(table: NbTable, name: string): readonly string[];
  /** The row of `parentTable` whose reference set `column` holds `child`. */
  parentOf(parentTable: NbTable, column: string, child: string): string | undefined;
}

/** An {@link NbSource} over a snapshot; its name and parent indexes are built on first use. */
export function snapshotSource(snapshot: NbSnapshot): NbSource {
  const names = new Map<string, Map<string, string[]>>();
  const parents = new Map<string, Map<string, string>>();
  const tableOf = (t: NbTable): ReadonlyMap<string, Record<string, unknown>> | undefined =>
    snapshot[t] as ReadonlyMap<string, Record<string, unknown>> | undefined;
  return {
    get: (table, uuid) => (snapshot[table] as ReadonlyMap<string, never> | undefined)?.get(uuid),
    rows: (table) => (snapshot[table] as ReadonlyMap<string, never> | undefined)?.values() ?? [],
    named(table, name) {
      let idx = names.get(table);
      if (!idx) {
        idx = new Map();
        for (const [u, r] of tableOf(table) ?? []) {
          const n = r.name;
          if (typeof n !== 'string') continue;
          const l = idx.get(n);
          if (l) l.push(u);
          else idx.set(n, [u]);
        }
        names.set(table, idx);
      }
      return idx.get(name) ?? [];
    },
    parentOf(parentTable, column, child) {
      const k = `${parentTable}.${column}`;
      let m = parents.get(k);
      if (!m) {
        m = new Map();
        for (const [u, r] of tableOf(parentTable) ?? []) {
          const v = r[column];
          for (const c of Array.isArray(v) ? v : v === undefined ? [] : [v]) m.set(c as string, u);
        }
        parents.set(k, m);
      }
      return m.get(child);
    },
  };
}

function isSource(x: NbSnapshot | NbSource): x is NbSource {
  return typeof (x as NbSource).get === 'function' && typeof (x as NbSource).parentOf === 'function';
}

/**
 * What a plan read and relies on, turned into `wait` operations by {@link NbTxn.verifications}: a row
 * still exists (with the same values of `columns`), or a parent still holds a child.
 */
type Dependency =
  | { readonly kind: 'row'; readonly table: NbTable; readonly uuid: string; readonly columns: Set<string> }
  | {
      readonly kind: 'member';
      readonly table: NbTable;
      readonly uuid: string;
      readonly column: string;
      readonly child: string;
    };

interface Created {
  readonly ref: { readonly named: string };
  readonly row: JsRow;
}

/**
 * One Northbound transaction being built on a snapshot. Builders (`lsAdd`, `lspAdd`, …) append their
 * operations here and also return them; later builders see what earlier ones created or deleted, so a
 * switch and its ports can be created in one transaction. `operations()` gives the whole list for
 * `client.transact(NB_DATABASE, …)`.
 *
 * @example
 * const tx = new NbTxn(await readNbSnapshot(client));
 * lsAdd(tx, { name: 'sw0' });
 * lspAdd(tx, { switch: 'sw0', name: 'p1', addresses: ['00:00:00:00:00:01 10.0.0.2'] });
 * if (tx.size) await client.transact(NB_DATABASE, tx.operations()); // on OVSDB_TIMED_OUT: re-read, re-run
 */
export class NbTxn {
  /** Where this transaction reads rows from. */
  readonly source: NbSource;
  readonly #ops: Operation[] = [];
  readonly #created = new Map<string, Map<string, Created>>();
  readonly #deleted = new Set<string>();
  readonly #deps = new Map<string, Dependency>();
  #n = 0;

  /** On a snapshot ({@link readNbSnapshot}) or any {@link NbSource} (e.g. `NbReplica`'s). */
  constructor(source: NbSnapshot | NbSource) {
    this.source = isSource(source) ? source : snapshotSource(source);
  }

  /**
   * All operations so far, in order — except that `mutate … insert` of references into one row's set
   * column are merged into the first of them (until another operation on that table intervenes), so
   * adding 10,000 ports to a switch is one mutate, not 10,000 (each of which the server would apply to
   * the whole, growing set). A reference to a row inserted later in the transaction is allowed.
   */
  operations(): Operation[] {
    const out: Operation[] = [];
    type Group = { index: number; table: string; where: readonly WhereClause[]; column: string; atoms: WireAtom[] };
    const open = new Map<string, Group>();
    const groups: Group[] = [];
    for (const o of this.#ops) {
      if (o.op === 'mutate' && o.mutations.length === 1) {
        const [column, mutator, value] = o.mutations[0]!;
        if (mutator === 'insert' && Array.isArray(value) && value[0] === 'set') {
          const key = `${o.table}\u0000${JSON.stringify(o.where)}\u0000${column}`;
          const prev = open.get(key);
          if (prev) {
            prev.atoms.push(...(value[1] as readonly WireAtom[]));
            continue;
          }
          const g: Group = {
            index: out.length,
            table: o.table,
            where: o.where,
            column,
            atoms: [...(value[1] as readonly WireAtom[])],
          };
          open.set(key, g);
          groups.push(g);
          out.push(o);
          continue;
        }
      }
      if ('table' in o) for (const [k, g] of open) if (g.table === o.table) open.delete(k);
      out.push(o);
    }
    for (const g of groups) {
      const before = out[g.index] as {
        mutations: readonly (readonly [string, string, readonly [string, readonly WireAtom[]]])[];
      };
      if (g.atoms.length !== before.mutations[0]![2][1].length)
        out[g.index] = op.mutate(g.table, g.where, [mutation(g.column, 'insert', ['set', g.atoms])]);
    }
    return out;
  }
  get size(): number {
    return this.#ops.length;
  }

  /** Rows of `table` in the snapshot not deleted by this transaction. */
  *rows<T extends NbTable>(table: T): Iterable<NbRow<T>> {
    for (const r of this.source.rows(table)) if (!this.#deleted.has((r as unknown as { _uuid: string })._uuid)) yield r;
  }
  row<T extends NbTable>(table: T, uuid: string): NbRow<T> | undefined {
    if (this.#deleted.has(uuid)) return undefined;
    return this.source.get(table, uuid);
  }
  isDeleted(uuid: string): boolean {
    return this.#deleted.has(uuid);
  }

  /** Existing rows of `table` whose `column` equals `value` (e.g. every switch named `sw0`). */
  findAll<T extends NbTable>(table: T, column: string, value: unknown): NbRow<T>[] {
    if (column === 'name' && typeof value === 'string') return this.#byName(table, value);
    const out: NbRow<T>[] = [];
    for (const r of this.rows(table)) if ((r as unknown as Record<string, unknown>)[column] === value) out.push(r);
    return out;
  }

  #byName<T extends NbTable>(table: T, name: string): NbRow<T>[] {
    const out: NbRow<T>[] = [];
    for (const u of this.source.named(table, name)) {
      const r = this.row(table, u);
      if (r) out.push(r);
    }
    return out;
  }

  /** A row this transaction inserted under `key`. */
  created(table: NbTable, key: string): Created | undefined {
    return this.#created.get(table)?.get(key);
  }

  /** Appends operations; returns them. */
  push(...ops: Operation[]): Operation[] {
    this.#ops.push(...ops);
    return ops;
  }

  /** A fresh `uuid-name`. */
  newName(prefix: string): string {
    return `${prefix.replace(/[^A-Za-z0-9_]/g, '_')}_${++this.#n}`;
  }

  /** An `insert` with a fresh `uuid-name`, remembered under (`table`, `key`). */
  insert(table: NbTable, row: JsRow, key: string): { op: Operation; ref: { readonly named: string } } {
    const named = this.newName(table.toLowerCase());
    const ref = { named };
    let m = this.#created.get(table);
    if (!m) this.#created.set(table, (m = new Map()));
    m.set(key, { ref, row });
    return { op: op.insert(table, wireRow(table, row), named), ref };
  }

  /** An `update` of the columns in `row` on one row. */
  update(table: NbTable, ref: RowRef, row: JsRow): Operation {
    return op.update(table, [refCondition(ref)], wireRow(table, row));
  }

  /** A `mutate` inserting (or deleting) references/atoms into a set column of one row. */
  setMutation(
    table: NbTable,
    ref: RowRef,
    column: string,
    mutator: 'insert' | 'delete',
    values: readonly (RowRef | string | number)[],
  ): Operation {
    const type = columnType(table, column);
    const atoms: WireAtom[] = values.map((v) =>
      isRef(v) ? refAtom(v) : (datumToWire({ ...type, min: 0, max: 1 }, v, { table, column }) as WireAtom),
    );
    return op.mutate(table, [refCondition(ref)], [mutation(column, mutator, ['set', atoms])]);
  }

  /** A `mutate` on map column keys: insert pairs, or delete keys. */
  mapMutation(
    table: NbTable,
    ref: RowRef,
    column: string,
    change: { insert: Readonly<Record<string, string>> } | { deleteKeys: readonly string[] },
  ): Operation {
    const m: Mutation =
      'insert' in change
        ? mutation(column, 'insert', ['map', Object.entries(change.insert).map(([k, v]) => [k, v] as const)])
        : mutation(column, 'delete', ['set', [...change.deleteKeys]]);
    return op.mutate(table, [refCondition(ref)], [m]);
  }

  /** A `delete` of one row (root tables; non-root rows go away when unreferenced). Remembered as deleted. */
  delete(table: NbTable, uuid: string): Operation {
    this.#deleted.add(uuid);
    return op.delete(table, [byUuid(uuid)]);
  }

  /** Marks a non-root row as going away (its parent's reference is being removed). */
  forget(uuid: string): void {
    this.#deleted.add(uuid);
  }

  /**
   * A `wait` that holds only if the rows of `table` matching `where` are exactly `uuids` (as read):
   * the guard against a concurrent writer inserting the same key.
   */
  guard(table: NbTable, where: readonly Condition[], uuids: readonly string[]): Operation {
    return op.wait(
      table,
      where,
      ['_uuid'],
      '==',
      uuids.map((u) => ({ _uuid: ['uuid', u] })),
      0,
    );
  }

  /**
   * A `wait` that holds only while the row `uuid` of `table` still has `_version` `version` (as read):
   * optimistic concurrency for a plan that depends on the whole row (e.g. a switch's port set).
   */
  guardVersion(table: NbTable, uuid: string, version: string): Operation {
    return op.wait(table, [byUuid(uuid)], ['_version'], '==', [{ _version: ['uuid', version] }], 0);
  }

  /** The row of `parentTable` whose reference set `column` holds `child` (e.g. which switch holds a port). */
  parentOf(parentTable: NbTable, column: string, child: string): string | undefined {
    return this.source.parentOf(parentTable, column, child);
  }

  /**
   * Records that the plan relies on the row `uuid` of `table` existing — and, with `columns`, on those
   * columns keeping the values read. {@link verifications} turns this into `wait` operations.
   */
  dependOn(table: NbTable, uuid: string, columns: readonly string[] = []): void {
    const k = `r\u0000${uuid}`;
    const d = this.#deps.get(k);
    if (d && d.kind === 'row') for (const c of columns) d.columns.add(c);
    else this.#deps.set(k, { kind: 'row', table, uuid, columns: new Set(columns) });
  }

  /** Records that the plan relies on row `uuid` of `table` holding `child` in its set `column`. */
  dependOnMember(table: NbTable, uuid: string, column: string, child: string): void {
    this.#deps.set(`m\u0000${uuid}\u0000${column}\u0000${child}`, { kind: 'member', table, uuid, column, child });
  }

  /**
   * One `wait` per recorded dependency, asserting on the server what the plan read: put them before
   * {@link operations}. Each is O(1) in the database size (a row's existence, a few columns, or one
   * membership), never a whole reference set. A failed one means a concurrent writer changed what
   * the plan relied on: re-plan on the updated data. `NbReplica.transact` does all of this.
   */
  verifications(): Operation[] {
    const out: Operation[] = [];
    for (const d of this.#deps.values()) {
      if (d.kind === 'member') {
        out.push(
          op.wait(
            d.table,
            [byUuid(d.uuid), cond(d.column, 'includes', ['set', [['uuid', d.child]]])],
            ['_uuid'],
            '==',
            [{ _uuid: ['uuid', d.uuid] }],
            0,
          ),
        );
        continue;
      }
      const row = this.source.get(d.table, d.uuid) as Record<string, unknown> | undefined;
      const cols = [...d.columns].filter((c) => row && c in row);
      if (!row || cols.length === 0) {
        out.push(op.wait(d.table, [byUuid(d.uuid)], ['_uuid'], '==', [{ _uuid: ['uuid', d.uuid] }], 0));
        continue;
      }
      const want: Record<string, WireValue> = {};
      for (const c of cols)
        want[c] = datumToWire(columnType(d.table, c), row[c] as Datum, {
          database: NB_DATABASE,
          table: d.table,
          column: c,
        });
      out.push(op.wait(d.table, [byUuid(d.uuid)], cols, '==', [want], 0));
    }
    return out;
  }

  /** The dependencies recorded so far, for error messages: table, row and what was relied on. */
  describeVerification(
    index: number,
  ): { readonly table: string; readonly uuid: string; readonly what: string } | undefined {
    const d = [...this.#deps.values()][index];
    if (!d) return undefined;
    return d.kind === 'member'
      ? { table: d.table, uuid: d.uuid, what: `${d.column} holds ${d.child}` }
      : {
          table: d.table,
          uuid: d.uuid,
          what: d.columns.size ? `exists with the same ${[...d.columns].join(', ')}` : 'exists',
        };
  }
}
