/**
 * Errors of the gateway (`src/gateway`). Each failure is one class with a stable `code`
 * (docs/errors/gateway.md) and the JSON-RPC 2.0 error code a client receives for it
 * ({@link GATEWAY_RPC_CODES}); an error response carries the `code` string in `error.data.code`.
 */
import { SdkError } from '../errors.js';

/**
 * JSON-RPC 2.0 error codes the gateway answers with. The first five are the specification's
 * (JSON-RPC 2.0 §5.1); the rest are in its "server error" range −32000…−32099.
 */
export const GATEWAY_RPC_CODES = {
  /** The message is not JSON. */
  parseError: -32700,
  /** JSON, but not a JSON-RPC 2.0 request object (or an empty batch). */
  invalidRequest: -32600,
  methodNotFound: -32601,
  /** The method's params are missing or of the wrong type. */
  invalidParams: -32602,
  /** An unexpected failure inside the gateway. */
  internalError: -32603,
  /** The SDK raised a typed error (OVSDB, reconciler, manifest …): `data.code` names it. */
  sdkError: -32000,
  /** A write method (`apply`, `delete`) without the token the server was started with. */
  unauthorized: -32001,
  /** More requests than the per-connection rate allows. */
  rateLimited: -32002,
  /** An upload (`explain`'s capture, `apply`'s manifest) over the server's bound. */
  tooLarge: -32003,
  /** A named object (pod, subnet, subscription) that does not exist. */
  notFound: -32004,
  /** The method needs a Southbound (`trace`, `explain`) and the server was started without one. */
  noSouthbound: -32005,
} as const;

/** WebSocket close codes the gateway uses (RFC 6455 §7.4: 4000–4999 are for applications). */
export const GATEWAY_CLOSE_CODES = {
  /** The client did not read its notifications: its send buffer went over the bound. */
  slowConsumer: 4000,
  /** The server is shutting down. */
  shuttingDown: 1001,
  /** A message over `maxPayload` (ws closes with this itself). */
  tooBig: 1009,
} as const;

/** Base of the errors a JSON-RPC method throws; `rpcCode` is what the client sees. */
export abstract class GatewayRpcError extends SdkError {
  abstract readonly rpcCode: number;
}

/** Params missing, of the wrong type, or naming nothing sensible. */
export class GatewayInvalidParamsError extends GatewayRpcError {
  readonly rpcCode = GATEWAY_RPC_CODES.invalidParams;
  constructor(method: string, detail: string) {
    super('GATEWAY_INVALID_PARAMS', `${method}: ${detail}`);
  }
}

/** A write method called without the server's token (or with another one). */
export class GatewayUnauthorizedError extends GatewayRpcError {
  readonly rpcCode = GATEWAY_RPC_CODES.unauthorized;
  constructor(method: string, configured: boolean) {
    super(
      'GATEWAY_UNAUTHORIZED',
      configured
        ? `${method} needs the token the server was started with (params.token)`
        : `${method} is disabled: the server was started without a token`,
    );
  }
}

/** The connection sent more requests than its rate allows. */
export class GatewayRateLimitError extends GatewayRpcError {
  readonly rpcCode = GATEWAY_RPC_CODES.rateLimited;
  constructor(perSecond: number, burst: number) {
    super('GATEWAY_RATE_LIMITED', `too many requests: at most ${perSecond}/s (bursts of ${burst}) per connection`);
  }
}

/** An uploaded capture or manifest over the bound. */
export class GatewayTooLargeError extends GatewayRpcError {
  readonly rpcCode = GATEWAY_RPC_CODES.tooLarge;
  constructor(what: string, size: number, limit: number) {
    super('GATEWAY_TOO_LARGE', `${what} is ${size} bytes; the limit is ${limit}`);
  }
}

/** `trace` / `explain` on a server started without `--sb`. */
export class GatewayNoSouthboundError extends GatewayRpcError {
  readonly rpcCode = GATEWAY_RPC_CODES.noSouthbound;
  constructor(method: string) {
    super('GATEWAY_NO_SOUTHBOUND', `${method} needs a Southbound database: start the server with --sb`);
  }
}

/** `unsubscribe` of a subscription this connection does not have. */
export class GatewayUnknownSubscriptionError extends GatewayRpcError {
  readonly rpcCode = GATEWAY_RPC_CODES.notFound;
  constructor(id: string) {
    super('GATEWAY_UNKNOWN_SUBSCRIPTION', `no subscription "${id}" on this connection`);
  }
}

/** Options the gateway cannot start with (a listen address that does not parse, a bad bound). */
export class GatewayOptionError extends SdkError {
  constructor(detail: string) {
    super('GATEWAY_INVALID_OPTION', detail);
  }
}

/** Why a client was dropped for not reading (logged, and the close reason the client gets). */
export class GatewaySlowConsumerError extends SdkError {
  constructor(buffered: number, limit: number) {
    super('GATEWAY_SLOW_CONSUMER', `client not reading: ${buffered} bytes waiting to be sent, the limit is ${limit}`);
  }
}
