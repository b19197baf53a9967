/**
 * A JSON-RPC 1.0 peer as ovsdb-server speaks it: requests `{id, method, params}`, responses
 * `{id, result, error}` with `error: null` beside `result`, notifications with `id: null`. No
 * `jsonrpc` member. The peer is sans-I/O: the transport hands it bytes with `receive()` and tells it
 * about the end of the stream with `closed()`; it writes through the {@link FrameSink} it was given.
 *
 * It answers the other side's `echo`, runs our own inactivity probe, times out and aborts requests,
 * and fails every pending request with a typed error when the connection ends for any reason.
 *
 * A message of {@link PeerOptions.largeMessageBytes} or more (a big monitor reply) is parsed in slices
 * that yield to the event loop (sliced-parse.ts). Meanwhile messages are still received and kept in
 * order behind it — responses, notifications, errors and the end of the stream are handled only after
 * it — except `echo` requests, which are answered at once (a JSON-RPC reply is matched by its id, so
 * answering out of order is allowed; RFC 7047 §4.1.11 uses echo only for liveness). That way the other
 * side's inactivity probe is answered while a large message is being parsed.
 */
import { JsonSplitter, parseMessage } from './splitter.js';
import { parseMessageSliced } from './sliced-parse.js';
import type { SlicedParseOptions } from './sliced-parse.js';
import {
  JsonRpcAbortedError,
  JsonRpcConnectionClosedError,
  JsonRpcErrorResponse,
  JsonRpcInactivityError,
  JsonRpcProtocolError,
  JsonRpcTimeoutError,
} from './errors.js';
import type { SdkError } from '../errors.js';

/** Where the peer writes serialized messages (a socket, a test buffer…). */
export interface FrameSink {
  write(text: string): void;
  /** Ends the underlying stream; the owner must then call `peer.closed()`. */
  close(): void;
}

/** Minimal logger shape (pino's Logger satisfies it). The library is silent unless given one. */
export interface Logger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface PeerOptions {
  /** Largest incoming message, bytes (default 256 MiB). */
  maxMessageBytes?: number;
  /** Send an echo after this many ms without receiving anything; close if, after as long again without receiving anything, no whole message has arrived since. 0 = off (default 5000). */
  inactivityProbeMs?: number;
  /** Default per-request timeout in ms (default: none). */
  requestTimeoutMs?: number;
  /**
   * Messages at least this long, in bytes, are parsed in slices without blocking the event loop (default
   * 1 MiB; `Infinity` parses every message with one synchronous `JSON.parse`).
   */
  largeMessageBytes?: number;
  /** Piece size and time budget of the sliced parse (tests and benchmarks). @internal */
  slicedParse?: Pick<SlicedParseOptions, 'pieceBytes' | 'budgetMs'>;
  logger?: Logger;
}

export interface RequestOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Called when the request is abandoned by timeout or abort, with its id (used to send `cancel`). */
  onAbandon?: (id: number) => void;
}

export interface Notification {
  readonly method: string;
  readonly params: readonly unknown[];
}

interface Pending {
  readonly method: string;
  resolve(v: unknown): void;
  reject(e: Error): void;
  cleanup(): void;
}

export type PeerState = 'open' | 'closed';

/** Something received while a large message was being parsed, handled in arrival order after it. */
type Queued =
  | { readonly kind: 'large'; readonly bytes: Buffer }
  | { readonly kind: 'message'; readonly msg: unknown }
  | { readonly kind: 'error'; readonly err: SdkError }
  | { readonly kind: 'end'; readonly cause: unknown; readonly partial: boolean };

export class JsonRpcPeer {
  private readonly splitter: JsonSplitter;
  private readonly pending = new Map<number, Pending>();
  /** Ids we gave up on (timeout/abort); a late reply to one of them is expected, not a protocol error. */
  private readonly abandoned = new Set<number>();
  private nextId = 1;
  private lastRx = Date.now();
  private probeTimer: NodeJS.Timeout | undefined;
  private probeSent = false;
  private closeError: SdkError | undefined;
  private readonly notificationHandlers = new Set<(n: Notification) => void>();
  private readonly closeHandlers = new Set<(err: SdkError) => void>();
  private readonly probeMs: number;
  private readonly log: Logger | undefined;
  private readonly largeBytes: number;
  /** Received items waiting for the large message being parsed (from index queueHead on). */
  private queue: Queued[] = [];
  private queueHead = 0;
  /** True while the queue is being worked through (a large message is being parsed). */
  private draining = false;
  private readonly parseAbort = new AbortController();
  state: PeerState = 'open';

  constructor(
    private readonly sink: FrameSink,
    private readonly opts: PeerOptions = {},
  ) {
    this.splitter = new JsonSplitter({ maxMessageBytes: opts.maxMessageBytes ?? 256 * 1024 * 1024 });
    this.probeMs = opts.inactivityProbeMs ?? 5000;
    this.largeBytes = opts.largeMessageBytes ?? 1024 * 1024;
    this.log = opts.logger;
    this.armProbe();
  }

  /** Subscribe to notifications (messages with `id: null`). Returns an unsubscribe function. */
  onNotification(h: (n: Notification) => void): () => void {
    this.notificationHandlers.add(h);
    return () => this.notificationHandlers.delete(h);
  }

  /** Called once when the peer closes, with the reason. */
  onClose(h: (err: SdkError) => void): () => void {
    this.closeHandlers.add(h);
    return () => this.closeHandlers.delete(h);
  }

  /** Number of requests awaiting a reply. */
  get inFlight(): number {
    return this.pending.size;
  }

  /**
   * Sends a request and resolves with its `result`.
   * @throws {JsonRpcErrorResponse} `JSONRPC_ERROR_RESPONSE` when the reply's `error` is not null
   * @throws {JsonRpcTimeoutError} `JSONRPC_TIMEOUT`
   * @throws {JsonRpcAbortedError} `JSONRPC_ABORTED`
   * @throws {JsonRpcConnectionClosedError} `JSONRPC_CONNECTION_CLOSED` (or the error that closed the connection)
   */
  request(method: string, params: readonly unknown[], ro: RequestOptions = {}): Promise<unknown> {
    if (this.state === 'closed') return Promise.reject(this.closedError());
    if (ro.signal?.aborted) return Promise.reject(new JsonRpcAbortedError(method, { cause: ro.signal.reason }));
    const id = this.nextId++;
    return new Promise<unknown>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const timeoutMs = ro.timeoutMs ?? this.opts.requestTimeoutMs;
      const onAbort = () => {
        this.abandon(id);
        ro.onAbandon?.(id);
        reject(new JsonRpcAbortedError(method, { cause: ro.signal?.reason }));
      };
      const p: Pending = {
        method,
        resolve,
        reject,
        cleanup: () => {
          if (timer) clearTimeout(timer);
          ro.signal?.removeEventListener('abort', onAbort);
        },
      };
      this.pending.set(id, p);
      if (timeoutMs !== undefined && timeoutMs > 0) {
        timer = setTimeout(() => {
          this.abandon(id);
          ro.onAbandon?.(id);
          reject(new JsonRpcTimeoutError(method, timeoutMs));
        }, timeoutMs);
      }
      ro.signal?.addEventListener('abort', onAbort, { once: true });
      this.send({ id, method, params: params ?? [] });
    });
  }

  /** Sends a notification (`id: null`). */
  notify(method: string, params: readonly unknown[]): void {
    if (this.state === 'closed') throw this.closedError();
    this.send({ id: null, method, params: params ?? [] });
  }

  /** Feeds bytes received from the transport. */
  receive(chunk: Buffer): void {
    if (this.state === 'closed') return;
    this.lastRx = Date.now();
    let frames: Buffer[];
    try {
      frames = this.splitter.feed(chunk);
    } catch (e) {
      this.failInOrder(e as SdkError);
      return;
    }
    // Our probe is answered by a whole message, not by bytes: a stream whose framing was thrown off
    // (stray quotes or brackets inside a message) never completes one, and the other side's answers to
    // our echoes would otherwise keep such a connection open forever.
    if (frames.length > 0) this.probeSent = false;
    for (const f of frames) {
      if (this.draining || f.length >= this.largeBytes) {
        this.enqueue(f);
        continue;
      }
      let msg: unknown;
      try {
        msg = parseMessage(f);
      } catch (e) {
        this.fail(e as SdkError);
        return;
      }
      this.dispatch(msg);
      if ((this.state as PeerState) === 'closed') return;
    }
  }

  /** The transport reports the end of the stream (with the error, if any). */
  closed(cause?: unknown): void {
    if (this.state === 'closed') return;
    const partial = this.splitter.pending;
    if (this.draining) {
      // Messages received before the end are still delivered.
      this.queue.push({ kind: 'end', cause, partial });
      return;
    }
    this.finishClosed(cause, partial);
  }

  private finishClosed(cause: unknown, partial: boolean): void {
    const err = new JsonRpcConnectionClosedError(
      partial ? 'connection closed in the middle of a message' : cause ? `connection lost: ${(cause as Error).message ?? cause}` : 'connection closed by peer',
      { cause },
    );
    this.finish(err);
  }

  /** A frame that arrived while a large message is parsed, or a large one: queued behind it. */
  private enqueue(f: Buffer): void {
    if (f.length >= this.largeBytes) {
      // A message that lay wholly in one chunk is a view of it; the caller may reuse that chunk once
      // receive() returns, and this one is parsed later, so it gets its own copy.
      const own = f.byteOffset === 0 && f.buffer.byteLength === f.length ? f : Buffer.from(f);
      this.queue.push({ kind: 'large', bytes: own });
    }
    else {
      let msg: unknown;
      try {
        msg = parseMessage(f);
      } catch (e) {
        this.queue.push({ kind: 'error', err: e as SdkError });
        return;
      }
      const m = msg as { id?: unknown; method?: unknown } | null;
      // The other side's echo (its inactivity probe) is answered now, ahead of what is queued.
      if (m !== null && typeof m === 'object' && m.method === 'echo' && m.id !== null && m.id !== undefined) this.dispatch(msg);
      else this.queue.push({ kind: 'message', msg });
    }
    if (!this.draining) void this.drain();
  }

  private failInOrder(err: SdkError): void {
    if (this.draining) this.queue.push({ kind: 'error', err });
    else this.fail(err);
  }

  /** Works through the queue in order; large messages are parsed in slices. */
  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.queueHead < this.queue.length) {
        if ((this.state as PeerState) === 'closed') return;
        const item = this.queue[this.queueHead++]!;
        if (item.kind === 'large') {
          let msg: unknown;
          try {
            msg = await parseMessageSliced(item.bytes, { ...this.opts.slicedParse, signal: this.parseAbort.signal });
          } catch (e) {
            if ((this.state as PeerState) !== 'closed') this.fail(e as SdkError);
            return;
          }
          if ((this.state as PeerState) === 'closed') return;
          this.dispatch(msg);
        } else if (item.kind === 'message') this.dispatch(item.msg);
        else if (item.kind === 'error') {
          this.fail(item.err);
          return;
        } else {
          this.finishClosed(item.cause, item.partial);
          return;
        }
      }
    } finally {
      this.queue = [];
      this.queueHead = 0;
      this.draining = false;
    }
  }

  /** Closes the connection; pending requests fail with `err` (default: connection closed). */
  close(err?: SdkError): void {
    if (this.state === 'closed') return;
    this.finish(err ?? new JsonRpcConnectionClosedError('connection closed by client'));
    try {
      this.sink.close();
    } catch {
      /* already closed */
    }
  }

  private fail(err: SdkError): void {
    this.log?.warn({ err }, 'jsonrpc: closing connection');
    this.close(err);
  }

  private finish(err: SdkError): void {
    this.state = 'closed';
    this.closeError = err;
    this.parseAbort.abort(err);
    if (this.probeTimer) clearTimeout(this.probeTimer);
    const pend = [...this.pending.values()];
    this.pending.clear();
    for (const p of pend) {
      p.cleanup();
      p.reject(err);
    }
    for (const h of this.closeHandlers) {
      try {
        h(err);
      } catch (e) {
        this.log?.error({ err: e }, 'jsonrpc: close handler threw');
      }
    }
  }

  private closedError(): SdkError {
    return this.closeError ?? new JsonRpcConnectionClosedError();
  }

  private abandon(id: number): void {
    const p = this.pending.get(id);
    if (!p) return;
    p.cleanup();
    this.pending.delete(id);
    this.abandoned.add(id);
  }

  private send(msg: object): void {
    let text: string;
    try {
      text = JSON.stringify(msg);
    } catch (e) {
      throw new JsonRpcProtocolError(`cannot serialize message: ${(e as Error).message}`);
    }
    this.sink.write(text);
  }

  private dispatch(msg: unknown): void {
    if (typeof msg !== 'object' || msg === null || Array.isArray(msg)) {
      this.fail(new JsonRpcProtocolError('message is not a JSON object', msg));
      return;
    }
    const m = msg as { id?: unknown; method?: unknown; params?: unknown; result?: unknown; error?: unknown };
    if (typeof m.method === 'string') {
      const params = Array.isArray(m.params) ? m.params : [];
      if (m.id === null || m.id === undefined) {
        for (const h of this.notificationHandlers) {
          try {
            h({ method: m.method, params });
          } catch (e) {
            this.log?.error({ err: e, method: m.method }, 'jsonrpc: notification handler threw');
          }
        }
        return;
      }
      // A request from the other side. ovsdb-server only ever sends echo.
      if (m.method === 'echo') {
        this.send({ id: m.id, result: params, error: null });
        this.log?.debug({ id: m.id }, 'jsonrpc: answered echo');
      }
      else this.send({ id: m.id, result: null, error: { error: 'unknown method', details: m.method } });
      return;
    }
    if (!('result' in m) && !('error' in m)) {
      this.fail(new JsonRpcProtocolError('message is neither a request, a notification nor a response', msg));
      return;
    }
    if (m.id === 'probe') return; // answer to our inactivity probe; receiving it already counted.
    const id = typeof m.id === 'number' ? m.id : NaN;
    const p = this.pending.get(id);
    if (!p) {
      if (this.abandoned.delete(id)) return;
      this.fail(new JsonRpcProtocolError(`response to unknown id ${JSON.stringify(m.id)}`, msg));
      return;
    }
    this.pending.delete(id);
    p.cleanup();
    if (m.error !== null && m.error !== undefined) p.reject(new JsonRpcErrorResponse(p.method, m.error));
    else p.resolve(m.result);
  }

  private armProbe(): void {
    if (this.probeMs <= 0) return;
    const tick = () => {
      if (this.state === 'closed') return;
      const idle = Date.now() - this.lastRx;
      if (idle >= this.probeMs) {
        if (this.probeSent) {
          this.fail(new JsonRpcInactivityError(idle));
          return;
        }
        this.probeSent = true;
        this.lastRx = Date.now();
        this.send({ id: 'probe', method: 'echo', params: [] });
      }
      this.probeTimer = setTimeout(tick, Math.max(10, this.probeMs - (Date.now() - this.lastRx)));
      this.probeTimer.unref();
    };
    this.probeTimer = setTimeout(tick, this.probeMs);
    this.probeTimer.unref();
  }
}
