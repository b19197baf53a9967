/**
 * Checking a raw `transact` reply against the operations sent (RFC 7047 §5.2), before the client returns
 * it: one result object per operation, an insert's `["uuid", …]`, a count that is a row count, and — when
 * the schema is known — every value of a select's rows against its column's type (integer-ness, int64
 * range, enums, ranges, lengths, set sizes; see codec.ts). Pure: no I/O. Errors in the results (an
 * `{"error": …}` object) are the caller's to report first; this only runs on a reply without one.
 */
import type { DatabaseSchema } from './schema.js';
import type { Operation } from './operations.js';
import type { WireValue } from './protocol.js';
import { codecFor } from './codec.js';
import { UUID_RE } from './notation.js';
import { OvsdbMalformedResultError, showValue } from './errors.js';

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Columns every row has besides the schema's (RFC 7047 §3.1 `_uuid`, `_version`). */
const UUID_TYPE = { key: { type: 'uuid' }, min: 1, max: 1 } as const;

/**
 * Throws unless `results` (which hold no `error` object) are a well-formed reply to `ops`.
 * @throws {OvsdbMalformedResultError} `OVSDB_MALFORMED_RESULT`
 */
export function checkTransactResults(
  results: readonly unknown[],
  ops: readonly Operation[],
  db: string,
  schema: DatabaseSchema | undefined,
): void {
  if (results.length < ops.length)
    throw new OvsdbMalformedResultError(
      `expected ${ops.length} results, got ${results.length}`,
      results.length,
      undefined,
      results,
    );
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i]!;
    const r = results[i];
    const fail = (why: string, cause?: unknown): never => {
      throw new OvsdbMalformedResultError(why, i, op, results, cause === undefined ? undefined : { cause });
    };
    if (!isObj(r)) fail(`expected an object, got ${showValue(r)}`);
    const o = r as Record<string, unknown>;
    switch (op.op) {
      case 'insert': {
        const u = o.uuid;
        if (!Array.isArray(u) || u.length !== 2 || u[0] !== 'uuid' || typeof u[1] !== 'string' || !UUID_RE.test(u[1]))
          fail(`an insert result needs "uuid": ["uuid", <uuid>], got ${showValue(u)}`);
        break;
      }
      case 'update':
      case 'mutate':
      case 'delete':
        // A row count: 1e400 parses to Infinity, 1.5 is no count (issue #14).
        if (typeof o.count !== 'number' || !Number.isSafeInteger(o.count) || o.count < 0)
          fail(`"count" must be a non-negative integer, got ${showValue(o.count)}`);
        break;
      case 'select': {
        if (!Array.isArray(o.rows)) fail(`a select result needs "rows": [...], got ${showValue(o.rows)}`);
        const table = schema?.tables[op.table];
        for (const row of o.rows as unknown[]) {
          if (!isObj(row)) fail(`a row must be an object, got ${showValue(row)}`);
          if (!table) continue;
          for (const c of Object.keys(row as object)) {
            const type = c === '_uuid' || c === '_version' ? UUID_TYPE : table.columns[c]?.type;
            if (!type) continue; // a column the schema we hold does not know: left to the caller
            try {
              codecFor(type, { database: db, table: op.table, column: c }).decode(
                (row as Record<string, unknown>)[c] as WireValue,
              );
            } catch (e) {
              fail((e as Error).message, e);
            }
          }
        }
        break;
      }
      default:
        break;
    }
  }
}
