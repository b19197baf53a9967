/**
 * Verified transactions over the replica: every row a transaction function reads becomes a `wait`
 * (until `==`, timeout 0) put before its operations, so the transaction commits only if what it read
 * is still what the server has; on a conflict the function runs again once the cache caught up.
 * The plans say which columns the server has; the host (the cache) provides the connection.
 */
import type { Logger } from '../../jsonrpc/index.js';
import type { OvsdbClient } from '../client.js';
import type { Condition, Operation, OperationResult, WaitOp, WireValue } from '../protocol.js';
import { datumToWire } from '../notation.js';
import { OvsdbTransactionError } from '../errors.js';
import type { CacheRow } from './table.js';
import type { TablePlan } from './plan.js';
import { CacheAbortedError, CacheRetryExhaustedError, CacheUnknownTableError, type AttemptRecord } from './errors.js';

/** What a verified transaction records about one read. */
export interface ReadRecord {
  readonly table: string;
  readonly uuid: string;
  readonly columns: readonly string[];
}

/** The handle a {@link ReplicaCache.transact} function reads through: every read becomes a `wait`. */
export interface VerifyingReader {
  /** Reads a row and records `columns` (default: all columns the server has) for verification. */
  read<R extends { readonly _uuid: string } = CacheRow>(
    table: string,
    uuid: string,
    columns?: readonly string[],
  ): R | undefined;
  /** Records a row obtained otherwise (an index lookup, a scan) for verification. */
  verify(table: string, row: { readonly _uuid: string }, columns?: readonly string[]): void;
  /** The attempt number, 1-based. */
  readonly attempt: number;
}

export interface VerifiedTransactOptions {
  /** Attempts in all, including the first (default 5). */
  readonly maxAttempts?: number;
  /** After a conflict, wait at most this long (ms) for the update that caused it before retrying (default 2000). */
  readonly conflictWaitMs?: number;
  readonly timeoutMs?: number;
  /**
   * Aborts the transaction: while it is in flight its outcome becomes unknown (`OVSDB_OUTCOME_UNKNOWN`);
   * before an attempt is sent, or while waiting after a conflict, it rejects with `CACHE_ABORTED`.
   */
  readonly signal?: AbortSignal;
  /**
   * A cache following a session ({@link ReplicaCache.follow}) that is between connections waits for the
   * session to be live again (and the cache re-established) for at most this long (default 30,000 ms)
   * instead of failing at once with `CACHE_CLOSED`.
   */
  readonly readyTimeoutMs?: number;
}

export interface TransactOutcome<T> {
  /** Results of the caller's operations (the added `wait`s removed). */
  readonly results: readonly OperationResult[];
  /** What the caller's function returned as `value`. */
  readonly value: T | undefined;
  /** The attempts that conflicted before the one that committed (empty when the first one did). */
  readonly attempts: readonly AttemptRecord[];
}

/** What a transaction function returns: the operations, or the operations and a value. */
export type TransactFn<T> = (
  reader: VerifyingReader,
) =>
  | readonly Operation[]
  | { readonly operations: readonly Operation[]; readonly value?: T }
  | Promise<readonly Operation[] | { readonly operations: readonly Operation[]; readonly value?: T }>;

/** One read to verify: the row as read (undefined: read as absent) and the columns that matter. */
export interface VerifyRead {
  readonly table: string;
  readonly row: { readonly _uuid: string } | undefined;
  readonly uuid?: string;
  readonly columns?: readonly string[];
}

/**
 * `wait` operations asserting that the given rows still have, on the server, the values of `columns`
 * the plans' tables hold now. Columns the server lacks (filled in from the model) are left out.
 * @throws {CacheUnknownTableError} `CACHE_UNKNOWN_TABLE`
 */
export function verifyOps(plans: ReadonlyMap<string, TablePlan>, reads: readonly VerifyRead[]): WaitOp[] {
  const out: WaitOp[] = [];
  for (const r of reads) {
    const p = plans.get(r.table);
    if (!p) throw new CacheUnknownTableError(r.table);
    const uuid = r.row?._uuid ?? r.uuid;
    if (uuid === undefined) continue;
    const cols = (r.columns ?? p.wireColumns).filter((c) => p.wireColumns.includes(c));
    const where: Condition[] = [['_uuid', '==', ['uuid', uuid]]];
    if (!r.row) {
      // The row was read as absent: assert it still is.
      out.push({ op: 'wait', table: r.table, where, columns: ['_uuid'], until: '==', rows: [], timeout: 0 });
      continue;
    }
    const wr: Record<string, WireValue> = {};
    for (const c of cols)
      wr[c] = datumToWire(p.serverTable.columns[c]!.type, (r.row as CacheRow)[c], { table: r.table, column: c });
    out.push({
      op: 'wait',
      table: r.table,
      where,
      columns: cols.length ? cols : ['_uuid'],
      until: '==',
      rows: [cols.length ? wr : { _uuid: ['uuid', uuid] }],
      timeout: 0,
    });
  }
  return out;
}

/** What a verified transaction needs from the cache that runs it. */
export interface VerifyHost {
  readonly database: string;
  readonly plans: ReadonlyMap<string, TablePlan>;
  readonly logger: Logger | undefined;
  /** Notifications applied so far. */
  readonly seq: number;
  /** The client to send on, once the cache is connected. @throws {CacheClosedError} `CACHE_CLOSED` */
  connectedClient(readyTimeoutMs: number): Promise<OvsdbClient>;
  /** Resolves when `target` notifications are applied, the cache closes, or `timeoutMs` passes. */
  waitForSeq(target: number, timeoutMs?: number, signal?: AbortSignal): Promise<boolean>;
}

/**
 * Runs `fn` and commits what it returns guarded by a `wait` per read, retrying on conflict
 * (see {@link ReplicaCache.transact}).
 * @throws {CacheRetryExhaustedError} `CACHE_RETRY_EXHAUSTED` with every attempt's cause
 * @throws {CacheClosedError} `CACHE_CLOSED` when the cache or its client is closed
 * @throws {CacheAbortedError} `CACHE_ABORTED` when `opts.signal` fires between attempts
 * @throws {OvsdbTransactionError} any other failure of the transaction, unchanged
 */
export async function verifiedTransact<T>(
  host: VerifyHost,
  fn: TransactFn<T>,
  opts: VerifiedTransactOptions = {},
): Promise<TransactOutcome<T>> {
  const maxAttempts = opts.maxAttempts ?? 5;
  const attempts: AttemptRecord[] = [];
  const aborted = () => new CacheAbortedError('verified transaction', { cause: opts.signal?.reason });
  for (let attempt = 1; ; attempt++) {
    if (opts.signal?.aborted) throw aborted();
    const client = await host.connectedClient(opts.readyTimeoutMs ?? 30_000);
    if (opts.signal?.aborted) throw aborted();
    const reads: { table: string; row: CacheRow | undefined; uuid: string; columns?: readonly string[] }[] = [];
    const seqAtRead = host.seq;
    const reader: VerifyingReader = {
      attempt,
      read: <R extends { readonly _uuid: string }>(table: string, uuid: string, columns?: readonly string[]) => {
        const p = host.plans.get(table);
        if (!p) throw new CacheUnknownTableError(table);
        const row = p.table.get(uuid);
        reads.push({ table, row, uuid, ...(columns ? { columns } : {}) });
        return row as unknown as R | undefined;
      },
      verify: (table, row, columns) => {
        reads.push({ table, row: row as CacheRow, uuid: row._uuid, ...(columns ? { columns } : {}) });
      },
    };
    const got = await fn(reader);
    const ops = Array.isArray(got)
      ? (got as readonly Operation[])
      : (got as { operations: readonly Operation[] }).operations;
    const value = Array.isArray(got) ? undefined : (got as { value?: T }).value;
    const waits = verifyOps(host.plans, reads);
    try {
      const results = await client.transact(host.database, [...waits, ...ops], {
        ...(opts.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {}),
        ...(opts.signal ? { signal: opts.signal } : {}),
      });
      return { results: (results as OperationResult[]).slice(waits.length), value, attempts };
    } catch (e) {
      if (!(e instanceof OvsdbTransactionError) || e.error !== 'timed out' || e.opIndex >= waits.length) throw e;
      const w = waits[e.opIndex]!;
      const uuidCond = (w.where[0] as Condition)[2] as readonly [string, string];
      attempts.push({ attempt, error: e, conflict: { table: w.table, uuid: uuidCond[1], columns: w.columns } });
      host.logger?.info(
        { attempt, table: w.table, uuid: uuidCond[1], columns: w.columns },
        'ovsdb cache: verified read changed, retrying',
      );
      if (attempt >= maxAttempts) throw new CacheRetryExhaustedError(attempts);
      // The change that broke the wait is on its way to the cache: let it arrive before re-reading.
      await host.waitForSeq(seqAtRead + 1, opts.conflictWaitMs ?? 2000, opts.signal);
    }
  }
}
