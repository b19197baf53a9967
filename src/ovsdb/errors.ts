import { SdkError } from '../errors.js';
import type { Operation } from './operations.js';
import { describeValue } from '../jsonrpc/limits.js';

/**
 * A value in an error message: bounded in length and depth (a peer may nest it 10,000 deep), a bigint as
 * `123n`. Shared by the codec, the notation checks and the result checks.
 */
export const showValue = (v: unknown): string => (typeof v === 'bigint' ? `${v}n` : describeValue(v, 200));

/** A schema document that does not follow RFC 7047 §3.2. `path` names the offending member. */
export class OvsdbSchemaError extends SdkError {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super('OVSDB_SCHEMA_INVALID', `${path}: ${message}`);
  }
}

/**
 * A value that does not fit its column (RFC 7047 §5.1 notation or the column's constraints), refused
 * before anything is sent. Names database, table and column where known.
 */
export class OvsdbValueError extends SdkError {
  constructor(
    message: string,
    readonly where: { readonly database?: string; readonly table?: string; readonly column?: string },
    readonly value?: unknown,
  ) {
    const at = [where.database, where.table, where.column].filter(Boolean).join('.');
    super('OVSDB_INVALID_VALUE', at ? `${at}: ${message}` : message);
  }
}

/** An argument to a client call that cannot be sent (unknown table, bad condition, wrong mutator…). */
export class OvsdbArgumentError extends SdkError {
  constructor(message: string) {
    super('OVSDB_INVALID_ARGUMENT', message);
  }
}

/**
 * An operation of a transaction failed (RFC 7047 §4.1.3 / §5.2, and ovsdb-server's own error strings).
 * `opIndex` is the failing operation's position; `operation` is that operation (undefined for an
 * error the server reports after the last operation, i.e. at commit). `results` are the raw results.
 */
export class OvsdbTransactionError extends SdkError {
  constructor(
    code: string,
    /** The RFC 7047 error string, e.g. `constraint violation`. */
    readonly error: string,
    readonly details: string | undefined,
    readonly opIndex: number,
    readonly operation: Operation | undefined,
    readonly results: readonly unknown[],
  ) {
    super(
      code,
      `transaction failed at operation ${opIndex}${operation ? ` (${operation.op}${'table' in operation ? ` ${operation.table}` : ''})` : ' (commit)'}: ${error}${details ? `: ${details}` : ''}`,
    );
  }
}

/** Error strings ovsdb-server returns in transaction results, and the code each maps to. */
export const TRANSACTION_ERROR_CODES = {
  'referential integrity violation': 'OVSDB_REFERENTIAL_INTEGRITY_VIOLATION',
  'constraint violation': 'OVSDB_CONSTRAINT_VIOLATION',
  'resources exhausted': 'OVSDB_RESOURCES_EXHAUSTED',
  'I/O error': 'OVSDB_IO_ERROR',
  'duplicate uuid-name': 'OVSDB_DUPLICATE_UUID_NAME',
  'domain error': 'OVSDB_DOMAIN_ERROR',
  'range error': 'OVSDB_RANGE_ERROR',
  'timed out': 'OVSDB_TIMED_OUT',
  'not supported': 'OVSDB_NOT_SUPPORTED',
  aborted: 'OVSDB_ABORTED',
  'not owner': 'OVSDB_NOT_OWNER',
  'syntax error': 'OVSDB_SYNTAX_ERROR',
  'unknown column': 'OVSDB_UNKNOWN_COLUMN',
  'unknown table': 'OVSDB_UNKNOWN_TABLE',
  'unknown database': 'OVSDB_UNKNOWN_DATABASE',
  'permission error': 'OVSDB_PERMISSION_ERROR',
  'not allowed': 'OVSDB_NOT_ALLOWED',
  canceled: 'OVSDB_CANCELED',
} as const satisfies Record<string, string>;

export function transactionErrorCode(error: string): string {
  return (TRANSACTION_ERROR_CODES as Record<string, string>)[error] ?? 'OVSDB_TRANSACTION_FAILED';
}

/**
 * A method call (not a transaction operation) was answered with an error: `unknown database`,
 * `unknown monitor`, `not leader`, `unknown method`, … `error` holds the server's string.
 */
export class OvsdbRpcError extends SdkError {
  constructor(
    code: string,
    readonly method: string,
    readonly error: string,
    readonly details: unknown,
  ) {
    super(code, `${method}: ${error}${typeof details === 'string' ? ` (${details})` : ''}`);
  }
}

export const RPC_ERROR_CODES = {
  'unknown database': 'OVSDB_UNKNOWN_DATABASE',
  'unknown monitor': 'OVSDB_UNKNOWN_MONITOR',
  'duplicate monitor ID': 'OVSDB_DUPLICATE_MONITOR',
  'not leader': 'OVSDB_NOT_LEADER',
  'unknown method': 'OVSDB_UNKNOWN_METHOD',
  'syntax error': 'OVSDB_SYNTAX_ERROR',
  canceled: 'OVSDB_CANCELED',
  'not owner': 'OVSDB_NOT_OWNER',
} as const satisfies Record<string, string>;

/** The client is closed: nothing can be sent. */
export class OvsdbClientClosedError extends SdkError {
  constructor(reason = 'client is closed', options?: { cause?: unknown }) {
    super('OVSDB_CLIENT_CLOSED', reason, options);
  }
}

/**
 * The connection dropped while a transaction was in flight: it may or may not have committed.
 * Never reported as failed. Retry only if the transaction is idempotent.
 */
export class OvsdbOutcomeUnknownError extends SdkError {
  constructor(
    readonly operations: readonly Operation[],
    options?: { cause?: unknown },
  ) {
    super(
      'OVSDB_OUTCOME_UNKNOWN',
      'the connection was lost while the transaction was in flight; it may or may not have committed',
      options,
    );
  }
}

/** No remote of the list could be connected to. `attempts` holds each remote's error. */
export class OvsdbConnectError extends SdkError {
  constructor(readonly attempts: readonly { remote: string; error: Error }[]) {
    // Each remote once: the transport's own message may already start with it.
    const one = (a: { remote: string; error: Error }) =>
      `${a.remote}: ${a.error.message.startsWith(`${a.remote}: `) ? a.error.message.slice(a.remote.length + 2) : a.error.message}`;
    const text =
      attempts.length === 1 ? one(attempts[0]!) : `could not connect to any remote: ${attempts.map(one).join('; ')}`;
    super('OVSDB_CONNECT_FAILED', text, {
      cause: attempts[attempts.length - 1]?.error,
    });
  }
}

/** The caller's `AbortSignal` fired while {@link OvsdbClient.connect} was connecting; nothing is left open. `cause` is the signal's reason. */
export class OvsdbConnectAbortedError extends SdkError {
  constructor(
    /** The remote being tried when the signal fired. */
    readonly remote: string,
    options?: { cause?: unknown },
  ) {
    super('OVSDB_CONNECT_ABORTED', `connecting to ${remote} was aborted`, options);
  }
}

/**
 * The server's reply to `transact` does not fit the operations sent (RFC 7047 §5.2): a count that is not a
 * non-negative integer (`1e400` parses to `Infinity`), an insert without `["uuid", …]`, a select row whose
 * value does not fit its column's type, too few results. The transaction may have been committed: only
 * the reply is unusable. `opIndex` / `operation` name the result, `results` are the raw results, and
 * `cause` is the value error when there is one.
 */
export class OvsdbMalformedResultError extends SdkError {
  constructor(
    readonly reason: string,
    readonly opIndex: number,
    readonly operation: Operation | undefined,
    readonly results: unknown,
    options?: { cause?: unknown },
  ) {
    super(
      'OVSDB_MALFORMED_RESULT',
      `malformed transact result ${opIndex}${operation ? ` (${operation.op}${'table' in operation ? ` ${operation.table}` : ''})` : ''}: ${reason}`,
      options,
    );
  }
}
