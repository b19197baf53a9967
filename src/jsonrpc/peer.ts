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
 * side's inactivity probe is answered while a large message is being parsed. What is queued behind a large
 * message is bounded: past {@link PeerOptions.maxQueuedBytes} the peer asks the sink to pause reading.
 *
 * Nothing a peer sends can throw out of `receive()`: values we would serialize again (ids, echo params)
 * or describe (a reply's `error`) are bounded in depth and size first (limits.ts), and any other failure
 * while handling a message closes the connection with a typed error, settling every pending request.
 * A message that has begun must end within {@link PeerOptions.maxMessageMs}: bytes trickling inside one
 * message keep neither the connection nor its requests alive for ever.
 */
import { JsonSplitter, parseMessage } from './splitter.js';
import { parseMessageSliced } from './sliced-parse.js';
import { hasLongDigits, stringifyExact } from './exact-int.js';
import type { SlicedParseOptions } from './sliced-parse.js';
import {
  JsonRpcAbortedError,
  JsonRpcConnectionClosedError,
  JsonRpcDispatchError,
  JsonRpcErrorResponse,
  JsonRpcInactivityError,
  JsonRpcMessageTimeoutError,
  JsonRpcProtocolError,
  JsonRpcTimeoutError,
  JsonRpcValueLimitError,
} from './errors.js';
import { deeperThan, describeValue } from './limits.js';
import { SdkError } from '../errors.js';

/** Where the peer writes serialized messages (a socket, a test buffer…). */
export interface FrameSink {
  /** Writes one message. A sink with a bounded write queue closes the stream itself when it overflows. */
  write(text: string): void;
  /** Ends the underlying stream; the owner must then call `peer.closed()`. */
  close(): void;
  /** Stop delivering received bytes until {@link resume} (optional: a sink without it is never paused). */
  pause?(): void;
  resume?(): void;
  /** Bytes written and not yet taken by the other side (with {@link onDrain}: enables readPauseBytes). */
  readonly writableBytes?: number;
  /** Calls `h` when the write queue has drained after the other side did not keep up. */
  onDrain?(h: () => void): void;
}

/** Defaults of {@link PeerOptions} (documented there). */
export const PEER_DEFAULTS = {
  maxMessageBytes: 256 * 1024 * 1024,
  inactivityProbeMs: 5000,
  largeMessageBytes: 1024 * 1024,
  maxMessageMs: 60_000,
  maxValueDepth: 64,
  maxIdBytes: 1024,
  maxQueuedBytes: 64 * 1024 * 1024,
  readPauseBytes: 1024 * 1024,
} as const;

/** Minimal logger shape (pino's Logger satisfies it). The library is silent unless given one. */
export interface Logger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface PeerOptions {
  /** The remote, named (once) in this peer's errors. */
  remote?: string;
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
  /**
   * A message that has begun must be complete within this many ms, or the connection is closed with
   * `JSONRPC_MESSAGE_TIMEOUT` (default 60000; 0 = no bound). Bytes inside an unfinished message do not
   * count as liveness beyond it.
   */
  maxMessageMs?: number;
  /**
   * Deepest nesting accepted in a value we serialize again or describe — a request's id, an echo's
   * params, a reply's `error` (default 64). Deeper closes the connection with `JSONRPC_VALUE_LIMIT`.
   */
  maxValueDepth?: number;
  /** Longest request id (as JSON) we answer to, bytes (default 1024); longer: `JSONRPC_VALUE_LIMIT`. */
  maxIdBytes?: number;
  /**
   * Bytes received and queued behind a large message being parsed before the peer asks the sink to
   * pause reading (default 64 MiB); reading resumes once the queue is worked through.
   */
  maxQueuedBytes?: number;
  /**
   * Integer literals beyond 2⁵³ in received messages become `bigint`s instead of rounded numbers
   * (default false). A large message holding such a literal is then parsed in one synchronous step.
   * (What we send always writes integers exactly, `bigint`s included.)
   */
  bigint?: boolean;
  /**
   * While more than this many bytes we wrote (answers to the other side's echo requests included) wait to
   * be taken, and no request of ours awaits a reply, stop reading (default 1 MiB; `Infinity` = never): a
   * peer that floods requests and does not read gets no more answers queued. Reading resumes when the
   * queue drains or a request is made. Never while a request is in flight: ovsdb-server stops reading
   * while its own replies to us are unread, so pausing then would deadlock both sides. Needs a sink with
   * pause/resume, `writableBytes` and `onDrain`.
   */
  readPauseBytes?: number;
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
  | { readonly kind: 'message'; readonly msg: unknown; readonly size: number }
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
  /** When the message now being received began (undefined between messages). */
  private partialSince: number | undefined;
  private messageTimer: NodeJS.Timeout | undefined;
  private readonly maxMessageMs: number;
  private readonly maxDepth: number;
  private readonly maxIdBytes: number;
  private readonly maxQueued: number;
  private queuedBytes = 0;
  private paused = false;
  /** Reading is paused because the other side does not take what we write (readPauseBytes). */
  private backlogPaused = false;
  /** Whether the sink is paused now (for either reason). */
  private sinkPaused = false;
  private readonly readPauseBytes: number;
  private readonly remote: string | undefined;
  state: PeerState = 'open';

  constructor(
    private readonly sink: FrameSink,
    private readonly opts: PeerOptions = {},
  ) {
    this.splitter = new JsonSplitter({ maxMessageBytes: opts.maxMessageBytes ?? PEER_DEFAULTS.maxMessageBytes });
    this.probeMs = opts.inactivityProbeMs ?? PEER_DEFAULTS.inactivityProbeMs;
    this.largeBytes = opts.largeMessageBytes ?? PEER_DEFAULTS.largeMessageBytes;
    this.maxMessageMs = opts.maxMessageMs ?? PEER_DEFAULTS.maxMessageMs;
    this.maxDepth = opts.maxValueDepth ?? PEER_DEFAULTS.maxValueDepth;
    this.maxIdBytes = opts.maxIdBytes ?? PEER_DEFAULTS.maxIdBytes;
    this.maxQueued = opts.maxQueuedBytes ?? PEER_DEFAULTS.maxQueuedBytes;
    this.readPauseBytes = opts.readPauseBytes ?? PEER_DEFAULTS.readPauseBytes;
    sink.onDrain?.(() => {
      if (!this.backlogPaused) return;
      this.backlogPaused = false;
      this.applyPause();
    });
    this.remote = opts.remote;
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
        this.safeOnAbandon(ro, id);
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
      // A reply is awaited: read (see pauseIfBacklogged).
      if (this.backlogPaused) {
        this.backlogPaused = false;
        this.applyPause();
      }
      if (timeoutMs !== undefined && timeoutMs > 0) {
        timer = setTimeout(() => {
          this.abandon(id);
          this.safeOnAbandon(ro, id);
          reject(new JsonRpcTimeoutError(method, timeoutMs, this.remote));
        }, timeoutMs);
      }
      ro.signal?.addEventListener('abort', onAbort, { once: true });
      try {
        this.send({ id, method, params: params ?? [] });
      } catch (e) {
        // Not sent (params that cannot be serialized): nothing will ever answer it.
        this.pending.delete(id);
        p.cleanup();
        reject(e as Error);
      }
    });
  }

  private safeOnAbandon(ro: RequestOptions, id: number): void {
    try {
      ro.onAbandon?.(id);
    } catch (e) {
      this.log?.warn({ err: e }, 'jsonrpc: onAbandon threw');
    }
  }

  /** Sends a notification (`id: null`). */
  notify(method: string, params: readonly unknown[]): void {
    if (this.state === 'closed') throw this.closedError();
    this.send({ id: null, method, params: params ?? [] });
  }

  /** Feeds bytes received from the transport. Never throws: whatever goes wrong closes the connection. */
  receive(chunk: Buffer): void {
    try {
      this.receiveUnguarded(chunk);
    } catch (e) {
      if (this.state !== 'closed') this.fail(this.typed(e));
    }
  }

  /** A typed error for anything thrown while handling received data. */
  private typed(e: unknown): SdkError {
    return e instanceof SdkError ? e : new JsonRpcDispatchError(this.remote, { cause: e });
  }

  private receiveUnguarded(chunk: Buffer): void {
    if (this.state === 'closed') return;
    this.lastRx = Date.now();
    let frames: Buffer[];
    try {
      frames = this.splitter.feed(chunk);
    } catch (e) {
      this.failInOrder(this.typed(e));
      return;
    }
    this.trackPartial(frames.length > 0);
    // Our probe is answered by a whole message, not by bytes: a stream whose framing was thrown off
    // (stray quotes or brackets inside a message) never completes one, and the other side's answers to
    // our echoes would otherwise keep such a connection open forever.
    if (frames.length > 0) this.probeSent = false;
    for (const f of frames) {
      if (this.draining || this.sliced(f)) {
        this.enqueue(f);
        continue;
      }
      let msg: unknown;
      try {
        msg = parseMessage(f, this.opts.bigint === true);
      } catch (e) {
        this.fail(this.typed(e));
        return;
      }
      this.dispatch(msg);
      if ((this.state as PeerState) === 'closed') return;
    }
    this.pauseIfBacklogged();
  }

  /** Starts, restarts or stops the clock of the message being received (maxMessageMs). */
  private trackPartial(finishedOne: boolean): void {
    if (this.maxMessageMs <= 0) return;
    const pending = this.splitter.pending;
    if (!pending) this.partialSince = undefined;
    else if (finishedOne || this.partialSince === undefined) this.partialSince = Date.now();
    if (this.partialSince !== undefined && !this.messageTimer) this.armMessageTimer(this.maxMessageMs);
  }

  private armMessageTimer(ms: number): void {
    this.messageTimer = setTimeout(() => {
      this.messageTimer = undefined;
      if (this.state === 'closed' || this.partialSince === undefined) return;
      // Paused by us (write backlog): the other side cannot finish the message; its clock restarts.
      if (this.backlogPaused) {
        this.partialSince = Date.now();
        this.armMessageTimer(this.maxMessageMs);
        return;
      }
      const left = this.partialSince + this.maxMessageMs - Date.now();
      if (left > 0) this.armMessageTimer(left);
      else this.fail(new JsonRpcMessageTimeoutError(this.maxMessageMs, this.remote));
    }, ms);
    this.messageTimer.unref();
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
    // A typed reason from the transport (e.g. TRANSPORT_WRITE_QUEUE_FULL) is the reason.
    if (cause instanceof SdkError) {
      this.finish(cause);
      return;
    }
    const err = new JsonRpcConnectionClosedError(
      partial
        ? 'connection closed in the middle of a message'
        : cause
          ? `connection lost: ${(cause as Error).message ?? cause}`
          : 'connection closed by peer',
      { cause },
    );
    this.finish(err);
  }

  /** A frame that arrived while a large message is parsed, or a large one: queued behind it. */
  /** Whether `f` is parsed in slices (large, and not holding integers the BigInt mode must read exactly). */
  private sliced(f: Buffer): boolean {
    return f.length >= this.largeBytes && !(this.opts.bigint && hasLongDigits(f));
  }

  private enqueue(f: Buffer): void {
    if (this.sliced(f)) {
      // A message that lay wholly in one chunk is a view of it; the caller may reuse that chunk once
      // receive() returns, and this one is parsed later, so it gets its own copy.
      const own = f.byteOffset === 0 && f.buffer.byteLength === f.length ? f : Buffer.from(f);
      this.queue.push({ kind: 'large', bytes: own });
      this.addQueued(f.length);
    } else {
      let msg: unknown;
      try {
        msg = parseMessage(f, this.opts.bigint === true);
      } catch (e) {
        this.queue.push({ kind: 'error', err: this.typed(e) });
        return;
      }
      const m = msg as { id?: unknown; method?: unknown } | null;
      // The other side's echo (its inactivity probe) is answered now, ahead of what is queued.
      if (m !== null && typeof m === 'object' && m.method === 'echo' && m.id !== null && m.id !== undefined)
        this.dispatch(msg);
      else {
        this.queue.push({ kind: 'message', msg, size: f.length });
        this.addQueued(f.length);
      }
    }
    if (!this.draining) void this.drain();
  }

  private addQueued(n: number): void {
    this.queuedBytes += n;
    if (!this.paused && this.queuedBytes > this.maxQueued && this.sink.pause) {
      this.paused = true;
      this.applyPause();
    }
  }

  private releaseQueued(n: number): void {
    this.queuedBytes -= n;
    if (this.paused && this.queuedBytes <= this.maxQueued / 2) {
      this.paused = false;
      this.applyPause();
    }
  }

  /** Pauses or resumes the sink: paused while either reason holds (a parse backlog, a write backlog). */
  private applyPause(): void {
    const want = this.paused || this.backlogPaused;
    if (want === this.sinkPaused) return;
    this.sinkPaused = want;
    if (want) this.sink.pause?.();
    else this.sink.resume?.();
  }

  /** Stops reading while what we wrote piles up unread and no reply is awaited (readPauseBytes). */
  private pauseIfBacklogged(): void {
    if (this.backlogPaused || this.pending.size > 0 || !this.sink.pause || !this.sink.onDrain) return;
    const queued = this.sink.writableBytes ?? 0;
    if (queued <= this.readPauseBytes) return;
    this.backlogPaused = true;
    this.applyPause();
    this.log?.warn(
      { remote: this.remote, queued, limit: this.readPauseBytes },
      'jsonrpc: the peer is not reading; reading from it is paused',
    );
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
            if ((this.state as PeerState) !== 'closed') this.fail(this.typed(e));
            return;
          }
          this.releaseQueued(item.bytes.length);
          if ((this.state as PeerState) === 'closed') return;
          this.guardedDispatch(msg);
        } else if (item.kind === 'message') {
          this.releaseQueued(item.size);
          this.guardedDispatch(item.msg);
        } else if (item.kind === 'error') {
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
      this.queuedBytes = 0;
      if (this.paused) {
        this.paused = false;
        if (this.state === 'open') this.sink.resume?.();
      }
    }
  }

  private guardedDispatch(msg: unknown): void {
    try {
      this.dispatch(msg);
    } catch (e) {
      if (this.state !== 'closed') this.fail(this.typed(e));
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
    if (this.messageTimer) clearTimeout(this.messageTimer);
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
      // Integers exactly (−2⁶³ as -9223372036854775808, bigints as integers): see exact-int.ts.
      text = stringifyExact(msg);
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
      // A request from the other side. ovsdb-server only ever sends echo. Its id (and an echo's params)
      // will be serialized again: bound them first.
      if (!this.checkValue('a request id', m.id, this.maxIdBytes)) return;
      if (m.method === 'echo') {
        if (!this.checkValue('the params of an echo request', params)) return;
        this.send({ id: m.id, result: params, error: null });
        this.log?.debug({ id: m.id }, 'jsonrpc: answered echo');
      } else this.send({ id: m.id, result: null, error: { error: 'unknown method', details: m.method.slice(0, 256) } });
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
      this.fail(
        new JsonRpcProtocolError(
          `${this.remote ? `${this.remote}: ` : ''}response to unknown id ${describeValue(m.id, 200, this.maxDepth)}`,
          msg,
        ),
      );
      return;
    }
    // The error is described in the rejection's message: bound it before the call leaves the table, so
    // that a refusal settles it together with every other pending call.
    if (
      m.error !== null &&
      m.error !== undefined &&
      !this.checkValue(`the error of the reply to "${p.method}"`, m.error)
    )
      return;
    this.pending.delete(id);
    p.cleanup();
    if (m.error !== null && m.error !== undefined) p.reject(new JsonRpcErrorResponse(p.method, m.error));
    else p.resolve(m.result);
  }

  /**
   * True when `v` may be serialized again: nested at most maxValueDepth levels and, with `maxBytes`, at
   * most that long as JSON. Otherwise closes the connection with JSONRPC_VALUE_LIMIT and returns false.
   */
  private checkValue(what: string, v: unknown, maxBytes?: number): boolean {
    let reason: string | undefined;
    if (deeperThan(v, this.maxDepth)) reason = `is nested deeper than ${this.maxDepth} levels`;
    else if (maxBytes !== undefined) {
      const len = stringifyExact(v)?.length ?? 0;
      if (len > maxBytes) reason = `is ${len} bytes long as JSON, over the limit of ${maxBytes}`;
    }
    if (reason === undefined) return true;
    this.fail(new JsonRpcValueLimitError(what, reason, this.remote));
    return false;
  }

  private armProbe(): void {
    if (this.probeMs <= 0) return;
    const tick = () => {
      if (this.state === 'closed') return;
      const idle = Date.now() - this.lastRx;
      if (idle >= this.probeMs) {
        if (this.probeSent) {
          this.fail(new JsonRpcInactivityError(idle, this.remote));
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
