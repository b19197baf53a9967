/**
 * Cache planning, pure: the server's schema, an optional generated model and the cache options →
 * one plan per monitored table (which columns to ask for, the compiled codec of each, columns to
 * fill from the model, columns to check against the model, the table with its indexes). No I/O;
 * `apply.ts` applies updates through these plans, `cache.ts` asks the server for what they name.
 */
import type { Logger } from '../../jsonrpc/index.js';
import {
  CONSTRAINT_MEMBERS,
  type BaseType,
  type ColumnType,
  type DatabaseSchema,
  type TableSchema,
} from '../schema.js';
import type { Datum, WireRow } from '../protocol.js';
import { columnCodec, type ColumnCodec } from '../codec.js';
import { CacheTable, type CacheRow, type IndexSpec } from './table.js';
import { SdkError } from '../../errors.js';
import { CacheOptionError, CacheProtocolError, CacheUnknownTableError } from './errors.js';

/** A row the model does not accept, kept apart so the typed view is never corrupted. */
export interface RejectedRow {
  /** The row decoded with the server's own column types. */
  readonly row: CacheRow;
  /** Why, in words (one per problem; the messages of `errors`). */
  readonly reasons: readonly string[];
  /**
   * Why, typed (parallel to `reasons`): `OVSDB_INVALID_VALUE` ({@link OvsdbValueError}, with the table,
   * column and offending value) for a value that does not fit its column's type — not an integer, outside
   * int64, not in the enum, out of range, too long, too many elements — or that the model does not
   * accept; `CACHE_PROTOCOL_ERROR` for an update the cache cannot apply.
   */
  readonly errors: readonly SdkError[];
}

/** A column whose model type differs from the server's: every row is checked against the model. */
export interface ModelCheck {
  readonly column: string;
  readonly serverType: ColumnType;
  readonly modelType: ColumnType;
  readonly modelCodec: ColumnCodec;
}

/** How one table is monitored, decoded and held. */
export interface TablePlan {
  readonly name: string;
  readonly table: CacheTable;
  /** Columns requested from the server, in order. */
  readonly wireColumns: readonly string[];
  readonly codecs: readonly ColumnCodec[];
  /** Columns the model has but the server lacks: name and the value rows carry. */
  readonly filled: readonly (readonly [string, Datum])[];
  readonly checks: readonly ModelCheck[];
  /** Rows set aside (undecodable, or not accepted by the model): uuid → row and reasons. */
  readonly rejected: Map<string, RejectedRow>;
  readonly serverTable: TableSchema;
  /** Column name → position in `wireColumns` / `codecs`. */
  readonly columnIndex: ReadonlyMap<string, number>;
  /** Builds a row from a full wire row (see {@link rowFactory}). Throws OvsdbValueError on bad notation. */
  readonly build: (uuid: string, w: WireRow) => CacheRow;
}

/** What the plan is made from (the subset of the cache options that shapes tables). */
export interface PlanOptions {
  /** The database name (for log lines and messages). */
  readonly database: string;
  /** Tables (all columns) or table → columns; default every table of the model, else of the server. */
  readonly tables?: readonly string[] | Readonly<Record<string, readonly string[] | true>>;
  readonly model?: { readonly schema: DatabaseSchema };
  readonly indexes?: Readonly<Record<string, Readonly<Record<string, IndexSpec>>>>;
  /** Tables conditions are given for: each must be planned. */
  readonly conditionTables?: readonly string[];
  readonly logger?: Logger;
  /** Called once per distinct skip (key) with a log line; default: `logger.warn`. */
  readonly note?: (key: string, obj: object, msg: string) => void;
}

/**
 * A row constructor for one table: an object literal with every column in a fixed order, so all
 * rows of a table share one hidden class and are built in one allocation (the initial sync of a
 * large database is dominated by this). Column names are schema identifiers, quoted with
 * JSON.stringify; values come from the codecs, never from generated code.
 */
export function rowFactory(
  cols: readonly string[],
  codecs: readonly ColumnCodec[],
  filled: readonly (readonly [string, Datum])[],
): (uuid: string, w: WireRow) => CacheRow {
  const dec = codecs.map((c) => c.decode);
  const emp = codecs.map((c) => c.empty);
  const fill = filled.map((f) => f[1]);
  const parts = ['_uuid: u'];
  cols.forEach((c, i) => {
    const k = JSON.stringify(c);
    parts.push(`${k}: (v = w[${k}]) === undefined ? e[${i}] : d[${i}](v)`);
  });
  filled.forEach((f, i) => parts.push(`${JSON.stringify(f[0])}: f[${i}]`));
  try {
    const make = new Function('d', 'e', 'f', `return function (u, w) { let v; return { ${parts.join(', ')} }; };`) as (
      d: unknown,
      e: unknown,
      f: unknown,
    ) => (uuid: string, w: WireRow) => CacheRow;
    return make(dec, emp, fill);
  } catch {
    // Code generation disallowed (e.g. --disallow-code-generation-from-strings): the generic loop.
    return (uuid, w) => {
      const row: Record<string, Datum> = { _uuid: uuid };
      for (let i = 0; i < cols.length; i++) {
        const v = w[cols[i]!];
        row[cols[i]!] = v === undefined ? emp[i] : dec[i]!(v);
      }
      for (let i = 0; i < filled.length; i++) row[filled[i]![0]] = filled[i]![1];
      return row as CacheRow;
    };
  }
}

/** `e` as an SdkError: decoders throw OvsdbValueError; anything else (a bug) is wrapped as a protocol error. */
export function asSdkError(e: unknown): SdkError {
  return e instanceof SdkError ? e : new CacheProtocolError((e as Error)?.message ?? String(e), e);
}

/** Every member of a base type: its type and the constraints (schema.ts CONSTRAINT_MEMBERS). */
const BASE_KEYS = ['type', ...CONSTRAINT_MEMBERS] as const;

function sameBase(a: BaseType | undefined, b: BaseType | undefined): boolean {
  if (!a || !b) return a === b;
  for (const k of BASE_KEYS) if (a[k] !== b[k]) return false;
  if (!a.enum || !b.enum) return a.enum === b.enum;
  // Enumerations compare as sets: the server may list them in another order.
  return a.enum.length === b.enum.length && a.enum.every((x) => b.enum!.includes(x));
}

/** True when the two column types accept exactly the same values. */
export function sameType(a: ColumnType, b: ColumnType): boolean {
  return a.min === b.min && a.max === b.max && sameBase(a.key, b.key) && sameBase(a.value, b.value);
}

/**
 * Plans every monitored table.
 * @throws {CacheOptionError} `CACHE_INVALID_OPTION` for a table/column neither the server nor the model has
 * @throws {CacheUnknownTableError} `CACHE_UNKNOWN_TABLE` for indexes or conditions on a table not planned
 */
export function planTables(schema: DatabaseSchema, opts: PlanOptions): Map<string, TablePlan> {
  const log = opts.logger;
  const db = opts.database;
  const seen = new Set<string>();
  const note =
    opts.note ??
    ((key: string, obj: object, msg: string) => {
      if (seen.has(key)) return;
      seen.add(key);
      log?.warn(obj, msg);
    });
  const plans = new Map<string, TablePlan>();
  const model = opts.model?.schema;
  const base = model ?? schema;
  let requested: Record<string, readonly string[] | true>;
  const t = opts.tables;
  if (t === undefined) requested = Object.fromEntries(Object.keys(base.tables).map((n) => [n, true]));
  else if (Array.isArray(t)) requested = Object.fromEntries((t as readonly string[]).map((n) => [n, true]));
  else requested = { ...(t as Record<string, readonly string[] | true>) };
  if (model) {
    for (const name of Object.keys(schema.tables)) {
      if (!(name in model.tables))
        note(`table:${name}`, { database: db, table: name }, 'ovsdb cache: server table not in the model, skipped');
    }
  }
  for (const [name, cols] of Object.entries(requested)) {
    const st = schema.tables[name];
    const mt = model?.tables[name];
    if (model && !mt) throw new CacheOptionError(`table ${name} is not in the model`);
    if (!st) {
      if (model) {
        note(`table:${name}`, { database: db, table: name }, 'ovsdb cache: model table not on the server, skipped');
        continue;
      }
      throw new CacheOptionError(`table ${name} is not in the server's ${db} schema`);
    }
    const known = mt ?? st;
    const wanted = cols === true ? Object.keys(known.columns) : [...cols];
    const wireColumns: string[] = [];
    const codecs: ColumnCodec[] = [];
    const filled: (readonly [string, Datum])[] = [];
    const checks: ModelCheck[] = [];
    for (const c of wanted) {
      const sc = st.columns[c];
      const mc = mt?.columns[c];
      if (mt && !mc) throw new CacheOptionError(`column ${name}.${c} is not in the model`);
      if (!sc) {
        if (mc) {
          note(
            `column:${name}.${c}`,
            { database: db, table: name, column: c },
            'ovsdb cache: model column not on the server, read as its default',
          );
          filled.push([c, columnCodec(mc.type).empty]);
          continue;
        }
        throw new CacheOptionError(`column ${name}.${c} is not in the server's schema`);
      }
      wireColumns.push(c);
      codecs.push(columnCodec(sc.type, { table: name, column: c }));
      if (mc && !sameType(mc.type, sc.type)) {
        note(
          `type:${name}.${c}`,
          { database: db, table: name, column: c },
          'ovsdb cache: column type differs between server and model; rows are checked against the model',
        );
        checks.push({
          column: c,
          serverType: sc.type,
          modelType: mc.type,
          modelCodec: columnCodec(mc.type, { table: name, column: c }),
        });
      }
    }
    if (mt) {
      for (const c of Object.keys(st.columns)) {
        if (!(c in mt.columns))
          note(
            `column:${name}.${c}`,
            { database: db, table: name, column: c },
            'ovsdb cache: server column not in the model, skipped',
          );
      }
    }
    const build = rowFactory(wireColumns, codecs, filled);
    const rejected = new Map<string, RejectedRow>();
    // Rows of the initial contents are decoded on first read; one that fails is set aside then.
    const table = new CacheTable(name, [...wireColumns, ...filled.map((f) => f[0])], (uuid, wire) => {
      try {
        return build(uuid, wire as WireRow);
      } catch (e) {
        const err = asSdkError(e);
        log?.warn({ table: name, uuid, reason: err.message }, 'ovsdb cache: row could not be decoded; row set aside');
        rejected.set(uuid, {
          row: { _uuid: uuid, ...(wire as object) } as CacheRow,
          reasons: [err.message],
          errors: [err],
        });
        return undefined;
      }
    });
    for (const ix of (mt ?? st).indexes) {
      if (ix.every((c) => c === '_uuid' || table.columns.includes(c))) table.defineIndex(ix.join(','), { columns: ix });
    }
    for (const [ixName, spec] of Object.entries(opts.indexes?.[name] ?? {})) table.defineIndex(ixName, spec);
    plans.set(name, {
      name,
      table,
      wireColumns,
      codecs,
      filled,
      checks,
      rejected,
      serverTable: st,
      build,
      columnIndex: new Map(wireColumns.map((c, i) => [c, i])),
    });
  }
  for (const name of Object.keys(opts.indexes ?? {})) if (!plans.has(name)) throw new CacheUnknownTableError(name);
  for (const name of opts.conditionTables ?? []) if (!plans.has(name)) throw new CacheUnknownTableError(name);
  return plans;
}
