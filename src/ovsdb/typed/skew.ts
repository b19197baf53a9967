/**
 * Schema skew between a generated model and the server it talks to (issue 3 item 6). A newer
 * server (extra tables or columns) and an older one (a model column it lacks) both keep working:
 * reads skip what the model does not know (`decodeRow` already does), writes drop model columns
 * the server lacks when their absence is harmless, and everything skipped is reported once so the
 * client can log it.
 */
import type { BaseType, ColumnSchema, ColumnType, DatabaseSchema } from '../schema.js';
import { columnKind } from '../schema.js';
import type { Operation } from '../operations.js';
import type { WireRow } from '../notation.js';
import { SdkError } from '../../errors.js';

/** A column named by table and column. */
export interface ColumnRef {
  readonly table: string;
  readonly column: string;
}

/** A model column the server lacks. `optional`: its kind has an empty default (optional, set with min 0, map). */
export interface MissingColumn extends ColumnRef {
  readonly optional: boolean;
}

/** A column both have with different types. `compatible`: same kind and atomic types, only constraints differ. */
export interface ChangedColumn extends ColumnRef {
  readonly compatible: boolean;
  readonly reason: string;
}

/** What differs between a model's schema and a server's. */
export interface SchemaSkew {
  readonly database: string;
  readonly modelVersion: string;
  readonly serverVersion: string;
  /** Tables the server has and the model does not (ignored by the client). */
  readonly extraTables: readonly string[];
  /** Tables the model has and the server does not (operations on them cannot be sent). */
  readonly missingTables: readonly string[];
  /** Columns the server has and the model does not (skipped when reading). */
  readonly extraColumns: readonly ColumnRef[];
  /** Columns the model has and the server does not. */
  readonly missingColumns: readonly MissingColumn[];
  readonly changedColumns: readonly ChangedColumn[];
  /** True when nothing differs. */
  readonly identical: boolean;
  /**
   * True when the model can be used with this server: no missing tables, no missing column that
   * is not optional, no column whose kind or atomic type changed.
   */
  readonly compatible: boolean;
}

const sorted = <T>(xs: T[], key: (x: T) => string) =>
  xs.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

function describeBase(b: BaseType): string {
  return JSON.stringify({ ...b, ...(b.enum ? { enum: [...b.enum].sort() } : {}) });
}

function compareTypes(m: ColumnType, s: ColumnType): ChangedColumn['reason'] | undefined {
  const diffs: string[] = [];
  if (columnKind(m) !== columnKind(s)) diffs.push(`kind ${columnKind(m)} → ${columnKind(s)}`);
  if (m.key.type !== s.key.type) diffs.push(`key type ${m.key.type} → ${s.key.type}`);
  if ((m.value?.type ?? '') !== (s.value?.type ?? ''))
    diffs.push(`value type ${m.value?.type ?? 'none'} → ${s.value?.type ?? 'none'}`);
  if (diffs.length) return diffs.join(', ');
  if (describeBase(m.key) !== describeBase(s.key))
    diffs.push(`key constraints ${describeBase(m.key)} → ${describeBase(s.key)}`);
  if (m.value && s.value && describeBase(m.value) !== describeBase(s.value))
    diffs.push(`value constraints ${describeBase(m.value)} → ${describeBase(s.value)}`);
  if (m.min !== s.min || m.max !== s.max) diffs.push(`size ${m.min}..${m.max} → ${s.min}..${s.max}`);
  return diffs.length ? diffs.join(', ') : undefined;
}

const isOptional = (c: ColumnSchema) => columnKind(c.type) !== 'atom' && c.type.min === 0;

/**
 * Compares a generated model's schema with the schema a server reports (`get_schema`).
 * @example
 * const skew = compareSchemas(ovnNorthboundSchema, parseSchema(await client.getSchema('OVN_Northbound')));
 * for (const line of describeSkew(skew)) log.warn(line);
 */
export function compareSchemas(model: DatabaseSchema, server: DatabaseSchema): SchemaSkew {
  const extraTables: string[] = [];
  const missingTables: string[] = [];
  const extraColumns: ColumnRef[] = [];
  const missingColumns: MissingColumn[] = [];
  const changedColumns: ChangedColumn[] = [];
  for (const t of Object.keys(server.tables)) if (!(t in model.tables)) extraTables.push(t);
  for (const [tn, mt] of Object.entries(model.tables)) {
    const st = server.tables[tn];
    if (!st) {
      missingTables.push(tn);
      continue;
    }
    for (const c of Object.keys(st.columns)) if (!(c in mt.columns)) extraColumns.push({ table: tn, column: c });
    for (const [cn, mc] of Object.entries(mt.columns)) {
      const sc = st.columns[cn];
      if (!sc) {
        missingColumns.push({ table: tn, column: cn, optional: isOptional(mc) });
        continue;
      }
      const reason = compareTypes(mc.type, sc.type);
      if (reason !== undefined) {
        const compatible =
          columnKind(mc.type) === columnKind(sc.type) &&
          mc.type.key.type === sc.type.key.type &&
          (mc.type.value?.type ?? '') === (sc.type.value?.type ?? '');
        changedColumns.push({ table: tn, column: cn, compatible, reason });
      }
    }
  }
  const key = (c: ColumnRef) => `${c.table}\u0000${c.column}`;
  const identical =
    extraTables.length + missingTables.length + extraColumns.length + missingColumns.length + changedColumns.length ===
    0;
  return {
    database: model.name,
    modelVersion: model.version,
    serverVersion: server.version,
    extraTables: extraTables.sort(),
    missingTables: missingTables.sort(),
    extraColumns: sorted(extraColumns, key),
    missingColumns: sorted(missingColumns, key),
    changedColumns: sorted(changedColumns, key),
    identical,
    compatible:
      missingTables.length === 0 &&
      missingColumns.every((c) => c.optional) &&
      changedColumns.every((c) => c.compatible),
  };
}

/** One line per difference, for logging once when a client connects. */
export function describeSkew(s: SchemaSkew): string[] {
  const head = `${s.database}: model ${s.modelVersion}, server ${s.serverVersion}`;
  return [
    ...s.extraTables.map((t) => `${head}: server table ${t} is not in the model; ignored`),
    ...s.missingTables.map((t) => `${head}: model table ${t} is not on the server; operations on it will be refused`),
    ...s.extraColumns.map(
      (c) => `${head}: server column ${c.table}.${c.column} is not in the model; skipped when reading`,
    ),
    ...s.missingColumns.map((c) =>
      c.optional
        ? `${head}: model column ${c.table}.${c.column} is not on the server; dropped from writes, absent from reads`
        : `${head}: model column ${c.table}.${c.column} is not on the server and is not optional; operations using it will be refused`,
    ),
    ...s.changedColumns.map(
      (c) => `${head}: column ${c.table}.${c.column} differs (${c.reason})${c.compatible ? '' : '; incompatible'}`,
    ),
  ];
}

/** An operation needs a table or column the server does not have. */
export class SchemaSkewError extends SdkError {
  constructor(
    message: string,
    readonly database: string,
    readonly table: string,
    readonly column: string | undefined,
  ) {
    super('OVSDB_SCHEMA_SKEW', `${[database, table, column].filter(Boolean).join('.')}: ${message}`);
  }
}

/** Result of {@link adaptOperations}. */
export interface AdaptedOperations {
  readonly operations: Operation[];
  /** Columns removed from insert / update / wait rows, each once. */
  readonly dropped: readonly ColumnRef[];
}

/**
 * Rewrites operations built against the model for a server that lacks some of its columns: an
 * optional column missing on the server is removed from insert, update and wait rows (and from a
 * select's and a wait's column list). Anything else that needs a missing table or column is refused.
 * @throws {SchemaSkewError} `OVSDB_SCHEMA_SKEW`
 */
export function adaptOperations(skew: SchemaSkew, ops: readonly Operation[]): AdaptedOperations {
  if (skew.missingTables.length === 0 && skew.missingColumns.length === 0) return { operations: [...ops], dropped: [] };
  const missing = new Map<string, Map<string, boolean>>();
  for (const c of skew.missingColumns) {
    let m = missing.get(c.table);
    if (!m) missing.set(c.table, (m = new Map()));
    m.set(c.column, c.optional);
  }
  const missingTables = new Set(skew.missingTables);
  const dropped = new Map<string, ColumnRef>();
  const refuse = (table: string, column: string | undefined, why: string): never => {
    throw new SchemaSkewError(why, skew.database, table, column);
  };
  const out = ops.map((op): Operation => {
    if (!('table' in op)) return op;
    const table = op.table;
    if (missingTables.has(table)) return refuse(table, undefined, `table is not on the server (${skew.serverVersion})`);
    const cols = missing.get(table);
    if (!cols) return op;
    const row = (r: WireRow): WireRow => {
      let copy: Record<string, WireRow[string]> | undefined;
      for (const c of Object.keys(r)) {
        const optional = cols.get(c);
        if (optional === undefined) continue;
        if (!optional) refuse(table, c, 'column is not on the server and is not optional');
        copy ??= { ...r };
        delete copy[c];
        dropped.set(`${table}.${c}`, { table, column: c });
      }
      return copy ?? r;
    };
    const where = (w: readonly (readonly [string, ...unknown[]] | boolean)[]) => {
      for (const x of w)
        if (typeof x !== 'boolean' && cols.has(x[0]))
          refuse(table, x[0], 'condition on a column the server does not have');
    };
    const columnList = (l: readonly string[]) => l.filter((c) => !cols.has(c));
    switch (op.op) {
      case 'insert':
        return { ...op, row: row(op.row) };
      case 'update':
        where(op.where);
        return { ...op, row: row(op.row) };
      case 'mutate':
        where(op.where);
        for (const [c] of op.mutations)
          if (cols.has(c)) refuse(table, c, 'mutation of a column the server does not have');
        return op;
      case 'delete':
        where(op.where);
        return op;
      case 'select':
        where(op.where);
        return op.columns ? { ...op, columns: columnList(op.columns) } : op;
      case 'wait':
        where(op.where);
        return { ...op, columns: columnList(op.columns), rows: op.rows.map(row) };
    }
  });
  return { operations: out, dropped: [...dropped.values()] };
}

/** The model's columns of `table` that the server has: what a monitor request should ask for. */
export function sharedColumns(model: DatabaseSchema, skew: SchemaSkew, table: string): string[] {
  const t = model.tables[table];
  if (!t || skew.missingTables.includes(table)) return [];
  const missing = new Set(skew.missingColumns.filter((c) => c.table === table).map((c) => c.column));
  return Object.keys(t.columns)
    .filter((c) => !missing.has(c))
    .sort();
}
