/**
 * Errors of the replica cache. Every one extends {@link SdkError} with a stable code
 * (listed in docs/errors/cache.md).
 */
import { SdkError } from '../../errors.js';
import type { OvsdbTransactionError } from '../errors.js';

/** The cache was closed (by `close()` or because its connection ended): nothing more can be read from the server. */
export class CacheClosedError extends SdkError {
  constructor(reason = 'the replica cache is closed', options?: { cause?: unknown }) {
    super('CACHE_CLOSED', reason, options);
  }
}

/** The caller's `AbortSignal` fired while waiting on the cache (start, an update, an event). `cause` is the signal's reason. */
export class CacheAbortedError extends SdkError {
  constructor(what: string, options?: { cause?: unknown }) {
    super('CACHE_ABORTED', `${what} was aborted`, options);
  }
}

/** A table that is not in the cache (not monitored, not in the schema, or skipped for schema skew). */
export class CacheUnknownTableError extends SdkError {
  constructor(readonly table: string) {
    super('CACHE_UNKNOWN_TABLE', `table ${JSON.stringify(table)} is not in this cache`);
  }
}

/** An index name that was never defined on the table, or a definition that cannot be built. */
export class CacheIndexError extends SdkError {
  constructor(
    readonly table: string,
    readonly index: string,
    message: string,
  ) {
    super('CACHE_INDEX_INVALID', `${table}: index ${JSON.stringify(index)}: ${message}`);
  }
}

/** A cache option that cannot be honoured (unknown column in `tables`, conditions on a server that only knows `monitor`…). */
export class CacheOptionError extends SdkError {
  constructor(message: string) {
    super('CACHE_INVALID_OPTION', message);
  }
}

/**
 * An event subscriber fell more than `maxBuffered` events behind. Events are never dropped
 * silently: the subscriber first receives every event that was buffered, then this error.
 */
export class CacheEventOverflowError extends SdkError {
  constructor(readonly maxBuffered: number) {
    super(
      'CACHE_EVENT_OVERFLOW',
      `event subscriber fell more than ${maxBuffered} events behind; it was ended (no event was dropped before this error)`,
    );
  }
}

/** The server sent an update the cache cannot apply (modify/delete of a row it does not have, a malformed notification). */
export class CacheProtocolError extends SdkError {
  constructor(
    message: string,
    readonly detail?: unknown,
  ) {
    super('CACHE_PROTOCOL_ERROR', message);
  }
}

/** One failed attempt of {@link ReplicaCache.transact}: why it was retried. */
export interface AttemptRecord {
  /** 1-based. */
  readonly attempt: number;
  /** The error the attempt ended with (an `OVSDB_TIMED_OUT` wait failure for a conflict). */
  readonly error: OvsdbTransactionError;
  /** The read that no longer held: the wait operation's table, row and columns. */
  readonly conflict?: {
    readonly table: string;
    readonly uuid: string | undefined;
    readonly columns: readonly string[];
  };
}

/** Every attempt of a verified transaction hit a conflict. `attempts` says what changed each time. */
export class CacheRetryExhaustedError extends SdkError {
  constructor(readonly attempts: readonly AttemptRecord[]) {
    const why = attempts.map(
      (a) =>
        `#${a.attempt}: ${a.conflict ? `${a.conflict.table} ${a.conflict.uuid ?? '?'} [${a.conflict.columns.join(',')}] changed` : a.error.message}`,
    );
    super('CACHE_RETRY_EXHAUSTED', `transaction conflicted ${attempts.length} times: ${why.join('; ')}`, {
      cause: attempts[attempts.length - 1]?.error,
    });
  }
}
