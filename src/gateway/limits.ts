/**
 * The gateway's bounds, with their defaults, and the per-connection token bucket. Pure.
 */

/** Bounds a gateway enforces; every one has a default ({@link DEFAULT_LIMITS}). */
export interface GatewayLimits {
  /** Largest WebSocket message accepted, bytes (ws closes the connection with 1009 beyond). */
  readonly maxPayload: number;
  /** Largest capture `explain` accepts, bytes after base64 decoding. */
  readonly maxCaptureBytes: number;
  /** Largest manifest text `apply` / `delete` accept, bytes. */
  readonly maxManifestBytes: number;
  /** Requests per second per connection (token bucket refill). */
  readonly ratePerSecond: number;
  /** Requests a connection may send at once (token bucket size). */
  readonly rateBurst: number;
  /**
   * Bytes waiting in a connection's send buffer beyond which it is dropped as a slow consumer. Row
   * events pause at half of it until the client has read down below half again.
   */
  readonly maxBufferedBytes: number;
  /** How long row events wait for a client to read its send buffer down before it is dropped, ms. */
  readonly drainTimeoutMs: number;
  /** Most row events in one `rowEvents` notification. */
  readonly maxBatchEvents: number;
  /** How long row events are gathered before a notification is sent, ms. */
  readonly batchMs: number;
  /** Subscriptions per connection. */
  readonly maxSubscriptions: number;
  /** Open WebSocket connections; an upgrade beyond is refused with HTTP 503. */
  readonly maxConnections: number;
}

/** The defaults: 8 MiB messages, 4 MiB captures, 1 MiB manifests, 50 requests/s in bursts of 100, 4 MiB send buffer (10 s to drain), 500 events or 50 ms per batch, 8 subscriptions, 64 connections. */
export const DEFAULT_LIMITS: GatewayLimits = {
  maxPayload: 8 << 20,
  maxCaptureBytes: 4 << 20,
  maxManifestBytes: 1 << 20,
  ratePerSecond: 50,
  rateBurst: 100,
  maxBufferedBytes: 4 << 20,
  drainTimeoutMs: 10_000,
  maxBatchEvents: 500,
  batchMs: 50,
  maxSubscriptions: 8,
  maxConnections: 64,
};

/** A token bucket: `take(n)` is true while the connection is within its rate. */
export class TokenBucket {
  private tokens: number;
  private last: number;
  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = burst;
    this.last = now();
  }

  take(n = 1): boolean {
    const t = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((t - this.last) / 1000) * this.perSecond);
    this.last = t;
    if (this.tokens < n) return false;
    this.tokens -= n;
    return true;
  }
}
