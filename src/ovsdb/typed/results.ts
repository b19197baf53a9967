/**
 * Raw `transact` results → typed values per operation (RFC 7047 §5.2): an insert gives the new
 * UUID, a select its rows decoded into the read shape (columns the model does not know — a newer
 * server — are left out), update / mutate / delete their count, the others nothing.
 */
import type { ColumnType, DatabaseSchema, TableSchema } from '../schema.js';
import { columnKind, getColumn } from '../schema.js';
import { checkDatum } from '../notation.js';
import type { WireValue } from '../protocol.js';
import { codecFor } from '../codec.js';
import type { Operation } from '../operations.js';
import { OvsdbArgumentError, OvsdbValueError } from '../errors.js';
import { ResultMismatchError, TransactionOperationError } from './errors.js';
import type { Step } from './transaction.js';

/** Typed results of a transaction; `get(step)` returns the result of the operation `step` added. */
export class TransactionResults {
  readonly #values: readonly unknown[];
  constructor(values: readonly unknown[]) {
    this.#values = values;
  }
  /**
   * The result of one operation, typed by the step that added it.
   * @throws {OvsdbArgumentError} `OVSDB_INVALID_ARGUMENT` for a step this transaction does not have.
   */
  get<R>(step: Step<R>): R {
    if (!Number.isInteger(step.index) || step.index < 0 || step.index >= this.#values.length) {
      throw new OvsdbArgumentError(`no operation ${step.index} in this transaction (a step of another transaction?)`);
    }
    return this.#values[step.index] as R;
  }
  /** Number of operations. */
  get length(): number {
    return this.#values.length;
  }
}

const relaxedCache = new WeakMap<ColumnType, ColumnType>();
function relaxed(t: ColumnType): ColumnType {
  let r = relaxedCache.get(t);
  if (!r) {
    r = { key: { type: t.key.type }, ...(t.value ? { value: { type: t.value.type } } : {}), min: 0, max: 'unlimited' };
    relaxedCache.set(t, r);
  }
  return r;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Decodes a row of `table` from the wire into the JS read shape. Unknown columns are skipped; every
 * value is checked against its column's type: atom types, integer-ness and the int64 range, enums,
 * ranges, string lengths and set sizes (a value outside them — a newer server's wider enum included —
 * is refused rather than returned under a type that excludes it; the type's default is always accepted,
 * as the server fills omitted columns with it). Columns listed in
 * `expected` but absent (an older server) are filled with their empty default when they have one.
 * @throws {OvsdbValueError} `OVSDB_INVALID_VALUE` when a column's value does not fit its type.
 */
export function decodeRow(
  schema: DatabaseSchema,
  table: TableSchema,
  row: unknown,
  expected?: readonly string[],
): Record<string, unknown> {
  if (!isObj(row))
    throw new OvsdbValueError(
      `a row must be an object, got ${JSON.stringify(row)}`,
      { database: schema.name, table: table.name },
      row,
    );
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(row)) {
    const col = getColumn(table, name);
    if (!col) continue;
    const where = { database: schema.name, table: table.name, column: name };
    const w = row[name] as WireValue;
    // The column's compiled codec (map keys such as `__proto__` stay own properties).
    out[name] = codecFor(col.type, where).decode(w);
    // The codec checked types and constraints; this adds the notation checks (uuid syntax, strings the
    // server would refuse, duplicate set elements and map keys).
    checkDatum(relaxed(col.type), w, where, false);
  }
  // Schema skew: a column the model has and an older server lacks is absent from the row. When it
  // has an empty default (optional, set, map), fill that in so the row keeps its read shape.
  if (expected) {
    for (const name of expected) {
      if (Object.prototype.hasOwnProperty.call(out, name)) continue;
      const col = getColumn(table, name);
      if (!col) continue;
      const kind = columnKind(col.type);
      if (kind === 'map') out[name] = {};
      else if (kind === 'set') out[name] = [];
      else if (kind === 'optional') out[name] = undefined;
    }
  }
  return out;
}

/**
 * Decodes the raw results of `ops`.
 * @throws {TransactionOperationError} `OVSDB_TRANSACTION_OP_FAILED`
 * @throws {ResultMismatchError} `OVSDB_RESULT_MISMATCH`
 */
export function decodeResults(schema: DatabaseSchema, ops: readonly Operation[], raw: unknown): TransactionResults {
  const where = { database: schema.name };
  if (!Array.isArray(raw)) throw new ResultMismatchError(where, 0, raw, 'transact results must be an array');
  // A failed operation yields an <error> and the following ones null; a failed commit adds an
  // <error> after the operations' results (RFC 7047 §4.1.3).
  for (let i = 0; i < raw.length; i++) {
    const r: unknown = raw[i];
    if (isObj(r) && typeof r.error === 'string') {
      const op = ops[i];
      const table = op && 'table' in op ? op.table : undefined;
      throw new TransactionOperationError(
        table !== undefined ? { ...where, table } : where,
        i,
        op,
        r.error,
        typeof r.details === 'string' ? r.details : undefined,
      );
    }
  }
  if (raw.length < ops.length)
    throw new ResultMismatchError(where, raw.length, raw, `expected ${ops.length} results, got ${raw.length}`);
  const values = ops.map((op, i) => {
    const r: unknown = raw[i];
    const fail = (why: string): never => {
      throw new ResultMismatchError('table' in op ? { ...where, table: op.table } : where, i, r, why);
    };
    if (!isObj(r)) return fail(`expected an object for ${op.op}, got ${JSON.stringify(r)}`);
    switch (op.op) {
      case 'insert': {
        const u = r.uuid;
        if (!Array.isArray(u) || u[0] !== 'uuid' || typeof u[1] !== 'string')
          return fail('insert result has no ["uuid", …]');
        return u[1];
      }
      case 'select': {
        if (!Array.isArray(r.rows)) return fail('select result has no rows');
        const t = schema.tables[op.table]!;
        const expected = op.columns ?? Object.keys(t.columns);
        return r.rows.map((row) => decodeRow(schema, t, row, expected));
      }
      case 'update':
      case 'mutate':
      case 'delete':
        // A count is a row count: a non-negative integer (1e400 parses to Infinity, issue #14).
        if (typeof r.count !== 'number' || !Number.isSafeInteger(r.count) || r.count < 0)
          return fail(`${op.op} result has no valid count (${JSON.stringify(r.count)})`);
        return r.count;
      default:
        return undefined;
    }
  });
  return new TransactionResults(values);
}
