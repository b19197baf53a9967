import { SdkError } from '../errors.js';
import { describeValue } from './limits.js';

/** `remote: ` when the remote is known (so an error names it once), else nothing. */
function at(remote: string | undefined): string {
  return remote ? `${remote}: ` : '';
}

/** The byte stream is not a sequence of JSON objects (bad framing or bad JSON). The connection is closed. */
export class JsonRpcFramingError extends SdkError {
  constructor(
    message: string,
    readonly offset?: number,
    options?: { cause?: unknown },
  ) {
    super('JSONRPC_MALFORMED', message, options);
  }
}

/** A single message is larger than the configured maximum. The connection is closed. */
export class JsonRpcMessageTooLargeError extends SdkError {
  constructor(readonly limit: number) {
    super('JSONRPC_MESSAGE_TOO_LARGE', `message exceeds the maximum size of ${limit} bytes`);
  }
}

/** A message that parses as JSON but is not a JSON-RPC 1.0 request, notification or response. */
export class JsonRpcProtocolError extends SdkError {
  constructor(
    message: string,
    readonly received?: unknown,
  ) {
    super('JSONRPC_PROTOCOL', message);
  }
}

/** The connection closed (or was closed) while the request was pending, or before it was sent. */
export class JsonRpcConnectionClosedError extends SdkError {
  constructor(message = 'connection closed', options?: { cause?: unknown }) {
    super('JSONRPC_CONNECTION_CLOSED', message, options);
  }
}

/** No reply arrived within the request's timeout. */
export class JsonRpcTimeoutError extends SdkError {
  constructor(
    readonly method: string,
    readonly timeoutMs: number,
    readonly remote?: string,
  ) {
    super('JSONRPC_TIMEOUT', `${at(remote)}no reply to "${method}" within ${timeoutMs} ms`);
  }
}

/** The caller's AbortSignal fired before the reply arrived. */
export class JsonRpcAbortedError extends SdkError {
  constructor(
    readonly method: string,
    options?: { cause?: unknown },
  ) {
    super('JSONRPC_ABORTED', `request "${method}" was aborted`, options);
  }
}

/** The peer did not answer our inactivity probe (echo) in time. The connection is closed. */
export class JsonRpcInactivityError extends SdkError {
  constructor(
    readonly idleMs: number,
    readonly remote?: string,
  ) {
    super('JSONRPC_INACTIVITY_TIMEOUT', `${at(remote)}peer did not answer the inactivity probe (idle ${idleMs} ms)`);
  }
}

/** The peer answered a request with a non-null `error` member. */
export class JsonRpcErrorResponse extends SdkError {
  constructor(
    readonly method: string,
    readonly error: unknown,
  ) {
    super('JSONRPC_ERROR_RESPONSE', `"${method}" failed: ${describeRpcError(error)}`);
  }
}

/**
 * A message began but did not end within `maxMessageMs`: bytes trickling inside one message do not
 * count as liveness for ever. The connection is closed.
 */
export class JsonRpcMessageTimeoutError extends SdkError {
  constructor(
    readonly maxMessageMs: number,
    readonly remote?: string,
  ) {
    super('JSONRPC_MESSAGE_TIMEOUT', `${at(remote)}a message was begun but not finished within ${maxMessageMs} ms`);
  }
}

/**
 * A value we would have to serialize again or describe (a request id, a reply's `error`, the params
 * of an `echo` to answer) is nested deeper than `maxValueDepth` or, for an id, longer than `maxIdBytes`.
 * The connection is closed.
 */
export class JsonRpcValueLimitError extends SdkError {
  constructor(
    readonly what: string,
    reason: string,
    readonly remote?: string,
  ) {
    super('JSONRPC_VALUE_LIMIT', `${at(remote)}${what} ${reason}`);
  }
}

/** Handling a message failed in an unexpected way (`cause` has the error). The connection is closed. */
export class JsonRpcDispatchError extends SdkError {
  constructor(
    readonly remote: string | undefined,
    options: { cause: unknown },
  ) {
    super(
      'JSONRPC_DISPATCH_FAILED',
      `${at(remote)}a message could not be handled: ${(options.cause as Error)?.message ?? String(options.cause)}`,
      options,
    );
  }
}

/**
 * Text of a reply's `error` for a message: the OVSDB `{error, details}` shape as `error (details)`,
 * anything else as (bounded, never throwing) JSON.
 */
export function describeRpcError(error: unknown): string {
  if (typeof error === 'string') return cut(error);
  if (error && typeof error === 'object') {
    const e = error as { error?: unknown; details?: unknown };
    if (typeof e.error === 'string') return cut(typeof e.details === 'string' ? `${e.error} (${e.details})` : e.error);
  }
  return describeValue(error);
}

function cut(s: string, max = 2000): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}
