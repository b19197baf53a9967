import { SdkError } from '../errors.js';

/** The byte stream is not a sequence of JSON objects (bad framing or bad JSON). The connection is closed. */
export class JsonRpcFramingError extends SdkError {
  constructor(message: string, readonly offset?: number, options?: { cause?: unknown }) {
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
  constructor(message: string, readonly received?: unknown) {
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
  constructor(readonly method: string, readonly timeoutMs: number) {
    super('JSONRPC_TIMEOUT', `no reply to "${method}" within ${timeoutMs} ms`);
  }
}

/** The caller's AbortSignal fired before the reply arrived. */
export class JsonRpcAbortedError extends SdkError {
  constructor(readonly method: string, options?: { cause?: unknown }) {
    super('JSONRPC_ABORTED', `request "${method}" was aborted`, options);
  }
}

/** The peer did not answer our inactivity probe (echo) in time. The connection is closed. */
export class JsonRpcInactivityError extends SdkError {
  constructor(readonly idleMs: number) {
    super('JSONRPC_INACTIVITY_TIMEOUT', `peer did not answer the inactivity probe (idle ${idleMs} ms)`);
  }
}

/** The peer answered a request with a non-null `error` member. */
export class JsonRpcErrorResponse extends SdkError {
  constructor(readonly method: string, readonly error: unknown) {
    super('JSONRPC_ERROR_RESPONSE', `"${method}" failed: ${describeRpcError(error)}`);
  }
}

export function describeRpcError(error: unknown): string {
  if (typeof error === 'string') return error;
  if (error && typeof error === 'object') {
    const e = error as { error?: unknown; details?: unknown };
    if (typeof e.error === 'string') return typeof e.details === 'string' ? `${e.error} (${e.details})` : e.error;
  }
  return JSON.stringify(error);
}
