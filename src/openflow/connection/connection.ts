/**
 * openflow/connection: an OpenFlow channel over a transport ByteStream — as a controller that
 * switches connect to (`ovs-vsctl set-controller br0 tcp:127.0.0.1:PORT`), or as a client of a
 * switch's passive listener (`ptcp:` / `punix:`, as ovs-ofctl does). Hello negotiation, echo
 * keepalive both ways, xid matching, barriers, multipart streams, bundles, clean close.
 *
 * All socket work is in src/transport; this module only frames, decodes and matches.
 *
 * Against a bad switch: nothing it sends throws out of the data handler (a failure closes the channel
 * with a typed error and settles every request; a throwing handler of ours is logged and skipped);
 * every request has a timeout (default 10 s) and may take an AbortSignal; a message that has begun must
 * end within `maxMessageMs`; and what we write to a switch that does not read is bounded by the
 * stream's write-queue limit (`maxWriteQueueBytes`, default 16 MiB, then `TRANSPORT_WRITE_QUEUE_FULL`).
 */
import { connect as transportConnect, listen as transportListen } from '../../transport/index.js';
import type { ByteStream, ConnectOptions, Listener, StreamOptions } from '../../transport/index.js';
import { OfFramer } from '../framer.js';
import { decodeMessage } from '../messages/decode.js';
import { encodeMessage } from '../messages/encode.js';
import { MultipartAssembler } from '../messages/multipart.js';
import { helloFor, negotiateVersion } from '../messages/negotiation.js';
import { OFPBCT, OFPBF, OFPMPF_MORE } from '../messages/constants.js';
import type {
  ErrorMsg,
  FeaturesReply,
  MultipartReply,
  MultipartReplyBody,
  MultipartRequestBody,
  OfMessage,
} from '../messages/types.js';
import { OFP_VERSION } from '../version.js';
import type { OfVersion } from '../version.js';
import { SdkError } from '../../errors.js';
import { OfConnectionError, OfRemoteError } from './errors.js';

/** The part of a pino-compatible logger the connection uses. Silent without one. */
export interface OfLogger {
  warn(obj: object, msg?: string): void;
}

/** Per-request options. */
export interface OfRequestOptions {
  /** Overrides the connection's `requestTimeoutMs` for this request. */
  readonly timeoutMs?: number;
  /** Rejects with `OF_CONN_ABORTED` when it fires; a reply arriving later is dropped. */
  readonly signal?: AbortSignal;
}

/**
 * A message to send: any message; `xid` is allocated when absent or 0 (0 is what switches use for
 * unsolicited messages, so replies could not be matched), and `version` is always the negotiated
 * one (a `version` on the object, e.g. from flowModFromSpec, is ignored).
 */
export type Outgoing = OfMessage extends infer M
  ? M extends OfMessage
    ? Omit<M, 'version' | 'xid'> & { xid?: number; version?: number }
    : never
  : never;

/** Options for a connection. */
export interface OfConnectionOptions {
  /** Versions we offer in hello (default OF1.3 and OF1.5). */
  readonly versions?: readonly OfVersion[];
  /** Send an echo request after this long without traffic from the peer (default 5000 ms; 0 = never). */
  readonly echoIntervalMs?: number;
  /** Close the connection if an echo is not answered within this long (default 5000 ms). */
  readonly echoTimeoutMs?: number;
  /** Reject a request that gets no reply within this long (default 10000 ms). */
  readonly requestTimeoutMs?: number;
  /**
   * A message that has begun must be complete within this long (default 10000 ms; 0 = no bound), else
   * the channel closes with `OF_CONN_MESSAGE_TIMEOUT`: bytes trickling inside one message do not count
   * as liveness for ever.
   */
  readonly maxMessageMs?: number;
  /**
   * While more than this many bytes we wrote wait to be taken by the peer, and no request of ours awaits
   * a reply, stop reading from it (default 1 MiB, {@link DEFAULT_READ_PAUSE_BYTES}; `Infinity` = never): a
   * switch that floods us (echo requests) and does not read gets no more answers queued; its bytes wait
   * in the kernel, on its side. Reading resumes when the queue drains or a request is made. The transport's `maxWriteQueueBytes` still drops a peer past that
   * limit. Needs a stream with pause/resume/onDrain (sockets have them).
   */
  readonly readPauseBytes?: number;
  /** Where a throwing message/close/decode-error handler is reported (pino-compatible; silent without one). */
  readonly logger?: OfLogger;
  /** Ask for features after hello (default true). */
  readonly fetchFeatures?: boolean;
}

/** Default {@link OfConnectionOptions.readPauseBytes}: 1 MiB. */
export const DEFAULT_READ_PAUSE_BYTES = 1024 * 1024;

interface Pending {
  readonly resolve: (m: OfMessage) => void;
  readonly reject: (e: Error) => void;
  readonly timer: NodeJS.Timeout;
  /** Multipart requests gather parts until the last one. */
  readonly multipart: boolean;
  /** Removes the abort listener. */
  readonly cleanup: () => void;
}

type Listener1<T> = (v: T) => void;

/**
 * One OpenFlow channel. Create with {@link connectSwitch} (client) or get one per switch from
 * {@link listenController} (controller).
 *
 * @example
 * const conn = await connectSwitch('tcp:127.0.0.1:6653');
 * await conn.send({ type: 'flowMod', ...flowModFromSpec(parseFlow('priority=10,ip actions=drop', 6), 6, 0) });
 * await conn.barrier();
 * const flows = await conn.multipart({ kind: 'flow', tableId: 0xff, outPort: 0xffffffff, outGroup: 0xffffffff, cookie: 0n, cookieMask: 0n, match: [] });
 * conn.close();
 */
export class OfConnection {
  /** Negotiated version. */
  version: OfVersion = OFP_VERSION.OF13;
  /** The switch's features reply (when fetched). */
  features: FeaturesReply | undefined;

  private readonly framer = new OfFramer();
  private readonly pending = new Map<number, Pending>();
  private readonly assembler = new MultipartAssembler();
  private readonly messageHandlers: Listener1<OfMessage>[] = [];
  private readonly closeHandlers: Listener1<Error | undefined>[] = [];
  private readonly decodeErrorHandlers: Listener1<Error>[] = [];
  /** xids of fire-and-forget messages whose error replies a caller wants to see. */
  private readonly watchErrors = new Map<number, (e: ErrorMsg) => void>();
  private nextXid = 1;
  private closed = false;
  private closeError: Error | undefined;
  private echoTimer: NodeJS.Timeout | undefined;
  private echoDeadline: NodeJS.Timeout | undefined;
  private helloWaiter: { resolve: (m: OfMessage) => void; reject: (e: Error) => void } | undefined;
  private readonly opts: Required<Omit<OfConnectionOptions, 'logger'>>;
  private readonly log: OfLogger | undefined;
  /** When the message now being received began (undefined between messages). */
  private partialSince: number | undefined;
  private messageTimer: NodeJS.Timeout | undefined;
  /** Reading is paused because the peer does not take what we write (readPauseBytes). */
  private readPaused = false;

  private constructor(
    readonly stream: ByteStream,
    opts: OfConnectionOptions,
  ) {
    this.opts = {
      versions: opts.versions ?? [OFP_VERSION.OF13, OFP_VERSION.OF15],
      echoIntervalMs: opts.echoIntervalMs ?? 5000,
      echoTimeoutMs: opts.echoTimeoutMs ?? 5000,
      requestTimeoutMs: opts.requestTimeoutMs ?? 10000,
      maxMessageMs: opts.maxMessageMs ?? 10000,
      readPauseBytes: opts.readPauseBytes ?? DEFAULT_READ_PAUSE_BYTES,
      fetchFeatures: opts.fetchFeatures ?? true,
    };
    this.log = opts.logger;
    stream.onData((chunk) => this.onData(chunk));
    stream.onDrain?.(() => this.resumeReading());
    stream.onClose((err) =>
      this.shutdown(err ?? new OfConnectionError('OF_CONN_CLOSED', `connection to ${stream.remote} closed by peer`)),
    );
  }

  /**
   * Runs the handshake on an already connected stream: hello both ways, version negotiation, then
   * (by default) a features request.
   * `opts.signal` aborts the handshake: the stream is closed and `open` rejects with `OF_CONN_ABORTED`
   * (the signal's reason as `cause`); it has no effect once `open` has resolved.
   * @throws OfConnectionError `OF_CONN_CLOSED` / `OF_CONN_TIMEOUT` / `OF_CONN_ABORTED`; OfNegotiationError
   */
  static async open(
    stream: ByteStream,
    opts: OfConnectionOptions & { readonly signal?: AbortSignal } = {},
  ): Promise<OfConnection> {
    const { signal } = opts;
    if (signal?.aborted) {
      stream.close();
      throw handshakeAborted(stream.remote, signal);
    }
    const c = new OfConnection(stream, opts);
    const onAbort = () => c.fail(handshakeAborted(stream.remote, signal!));
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      await c.handshake();
    } catch (e) {
      c.close();
      throw signal?.aborted ? handshakeAborted(stream.remote, signal) : e;
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
    return c;
  }

  /** The peer's remote address. */
  get remote(): string {
    return this.stream.remote;
  }

  /** True once closed (by either side). */
  get isClosed(): boolean {
    return this.closed;
  }

  /**
   * Registers a handler for every message that is not a reply to one of our requests (packet-in,
   * port status, flow removed, …). Returns a function that removes the handler.
   */
  onMessage(h: Listener1<OfMessage>): () => void {
    this.messageHandlers.push(h);
    return () => remove(this.messageHandlers, h);
  }

  /**
   * Registers a handler for messages from the peer that could not be decoded (the channel stays
   * up). Returns a function that removes the handler.
   */
  onDecodeError(h: Listener1<Error>): () => void {
    this.decodeErrorHandlers.push(h);
    return () => remove(this.decodeErrorHandlers, h);
  }

  /** Registers a handler called once when the connection ends (with the error, if it failed). */
  onClose(h: Listener1<Error | undefined>): void {
    if (this.closed) h(this.closeError);
    else this.closeHandlers.push(h);
  }

  /** Calls a user handler; one that throws is logged, never allowed out of the data handler. */
  private callHandler<T>(kind: string, h: Listener1<T>, v: T): void {
    try {
      h(v);
    } catch (e) {
      this.log?.warn({ err: e, remote: this.remote }, `openflow: ${kind} handler threw`);
    }
  }

  /** Allocates an xid. */
  xid(): number {
    const x = this.nextXid;
    this.nextXid = (this.nextXid + 1) >>> 0 || 1;
    return x;
  }

  /**
   * Sends a message without waiting for any reply. Fills in version and xid; returns the xid.
   * @throws OfConnectionError `OF_CONN_CLOSED`; OfMessageError from the encoder
   */
  send(msg: Outgoing): number {
    if (this.closed)
      throw new OfConnectionError('OF_CONN_CLOSED', `connection to ${this.remote} is closed`, {
        cause: this.closeError,
      });
    const xid = msg.xid || this.xid();
    const full = { ...msg, version: this.version, xid } as OfMessage;
    this.stream.write(encodeMessage(full));
    return xid;
  }

  /**
   * Sends a request and resolves with the reply carrying the same xid. An OFPT_ERROR with that xid
   * rejects with {@link OfRemoteError}.
   * @throws OfConnectionError `OF_CONN_CLOSED` / `OF_CONN_TIMEOUT`; OfRemoteError `OF_REMOTE_ERROR`
   */
  request(msg: Outgoing, o: OfRequestOptions = {}): Promise<OfMessage> {
    return this.track(msg, false, o);
  }

  /**
   * Sends a multipart request and resolves with the whole reply body, all MORE parts joined.
   * @throws as {@link request}
   */
  async multipart(body: MultipartRequestBody, o: OfRequestOptions = {}): Promise<MultipartReplyBody> {
    const reply = await this.track({ type: 'multipartRequest', flags: 0, body }, true, o);
    return (reply as MultipartReply).body;
  }

  /**
   * Sends messages that have no reply on success (flow_mod, group_mod, meter_mod, TLV table mod, …)
   * followed by a barrier, and resolves once the barrier reply arrives. The switch processes in
   * order, so an error for any of them arrives before the barrier reply and rejects with
   * {@link OfRemoteError}.
   * @throws OfRemoteError `OF_REMOTE_ERROR`, OfConnectionError
   */
  async sendChecked(...msgs: Outgoing[]): Promise<void> {
    const errs: OfRemoteError[] = [];
    const xids = new Set<number>();
    for (const m of msgs) {
      const xid = m.xid || this.xid();
      xids.add(xid);
      this.watchErrors.set(xid, (e) => errs.push(new OfRemoteError(e, this.remote)));
      try {
        this.send({ ...m, xid } as Outgoing);
      } catch (e) {
        for (const x of xids) this.watchErrors.delete(x);
        throw e;
      }
    }
    try {
      await this.barrier();
    } finally {
      for (const x of xids) this.watchErrors.delete(x);
    }
    if (errs.length) throw errs[0]!;
  }

  /** Sends a barrier and waits for its reply: every earlier message has then been processed. */
  async barrier(o: OfRequestOptions = {}): Promise<void> {
    await this.request({ type: 'barrierRequest' }, o);
  }

  /** Sends an echo request and waits for the reply; resolves with the round-trip time in ms. */
  async echo(data: Uint8Array = new Uint8Array(0), o: OfRequestOptions = {}): Promise<number> {
    const t0 = performance.now();
    await this.request({ type: 'echoRequest', data }, o);
    return performance.now() - t0;
  }

  /**
   * Applies `messages` as one bundle (OpenFlow 1.4+ bundles; OF1.3 via the ONF extension OVS
   * supports): open, add each, commit. If anything fails the bundle is discarded and the error
   * rethrown, so either all messages take effect or none.
   * @throws OfRemoteError (the switch refused a message or the commit), OfConnectionError
   */
  async bundle(messages: readonly Outgoing[], opts: { bundleId?: number; flags?: number } = {}): Promise<void> {
    const bundleId = opts.bundleId ?? this.xid() & 0x7fffffff;
    const flags = opts.flags ?? OFPBF.ATOMIC;
    const open = await this.request({ type: 'bundleControl', bundleId, ctrlType: OFPBCT.OPEN_REQUEST, flags });
    expectCtrl(open, OFPBCT.OPEN_REPLY);
    const errs: OfRemoteError[] = [];
    const xids: number[] = [];
    try {
      for (const m of messages) {
        const xid = this.xid();
        xids.push(xid);
        this.watchErrors.set(xid, (e) => errs.push(new OfRemoteError(e, this.remote)));
        const inner = { ...m, version: this.version, xid } as OfMessage;
        this.send({ type: 'bundleAdd', xid, bundleId, flags, message: inner });
      }
      // A refused add is answered with an error carrying its xid, and is simply left out of the
      // bundle; a barrier flushes those errors out before we decide to commit.
      await this.barrier();
      if (errs.length) throw errs[0]!;
      const commit = await this.request({ type: 'bundleControl', bundleId, ctrlType: OFPBCT.COMMIT_REQUEST, flags });
      expectCtrl(commit, OFPBCT.COMMIT_REPLY);
    } catch (e) {
      if (!this.closed) {
        await this.request({ type: 'bundleControl', bundleId, ctrlType: OFPBCT.DISCARD_REQUEST, flags }).catch(
          () => undefined,
        );
      }
      throw e;
    } finally {
      for (const x of xids) this.watchErrors.delete(x);
    }
  }

  /** Closes the channel; pending requests reject with `OF_CONN_CLOSED`. Idempotent. */
  close(): void {
    if (this.closed) return;
    this.shutdown(undefined);
    this.stream.close();
  }

  // ---- internals --------------------------------------------------------------------------------

  private async handshake(): Promise<void> {
    const helloSeen = new Promise<OfMessage>((resolve, reject) => {
      this.helloWaiter = { resolve, reject };
    });
    this.stream.write(encodeMessage(helloFor(this.opts.versions, this.xid())));
    const timer = setTimeout(
      () =>
        this.helloWaiter?.reject(
          new OfConnectionError(
            'OF_CONN_TIMEOUT',
            `no hello from ${this.remote} within ${this.opts.requestTimeoutMs} ms`,
          ),
        ),
      this.opts.requestTimeoutMs,
    );
    let hello: OfMessage;
    try {
      hello = await helloSeen;
    } finally {
      clearTimeout(timer);
      this.helloWaiter = undefined;
    }
    if (hello.type !== 'hello')
      throw new OfConnectionError('OF_CONN_PROTOCOL', `expected hello from ${this.remote}, got ${hello.type}`);
    try {
      this.version = negotiateVersion(this.opts.versions, hello);
    } catch (e) {
      // OpenFlow 1.5.1 §6.3.1: tell the peer, then close.
      this.stream.write(
        encodeMessage({
          type: 'error',
          version: hello.version as OfVersion,
          xid: hello.xid,
          errType: 0,
          code: 0,
          data: new TextEncoder().encode('no common version'),
        }),
      );
      throw e;
    }
    this.armEcho();
    if (this.opts.fetchFeatures) {
      const f = await this.request({ type: 'featuresRequest' });
      if (f.type !== 'featuresReply')
        throw new OfConnectionError('OF_CONN_PROTOCOL', `expected features reply, got ${f.type}`);
      this.features = f;
    }
  }

  private track(msg: Outgoing, multipart: boolean, o: OfRequestOptions = {}): Promise<OfMessage> {
    return new Promise<OfMessage>((resolve, reject) => {
      const signal = o.signal;
      if (signal?.aborted) {
        reject(
          new OfConnectionError('OF_CONN_ABORTED', `${msg.type} to ${this.remote} was aborted`, {
            cause: signal.reason,
          }),
        );
        return;
      }
      let xid = 0;
      const timeoutMs = o.timeoutMs ?? this.opts.requestTimeoutMs;
      const onAbort = () => {
        this.drop(xid);
        reject(
          new OfConnectionError(
            'OF_CONN_ABORTED',
            `${msg.type} (xid=0x${xid.toString(16)}) to ${this.remote} was aborted`,
            { cause: signal?.reason },
          ),
        );
      };
      try {
        xid = msg.xid || this.xid();
        const timer = setTimeout(() => {
          this.drop(xid);
          reject(
            new OfConnectionError(
              'OF_CONN_TIMEOUT',
              `no reply to ${msg.type} (xid=0x${xid.toString(16)}) from ${this.remote} within ${timeoutMs} ms`,
            ),
          );
        }, timeoutMs);
        const cleanup = () => signal?.removeEventListener('abort', onAbort);
        this.pending.set(xid, { resolve, reject, timer, multipart, cleanup });
        signal?.addEventListener('abort', onAbort, { once: true });
        this.send({ ...msg, xid } as Outgoing);
        // A reply is awaited: read (see pauseIfBacklogged).
        this.resumeReading();
      } catch (e) {
        this.drop(xid);
        reject(e as Error);
      }
    });
  }

  /** Forgets a pending request (timeout, abort, failed send). */
  private drop(xid: number): void {
    const p = this.pending.get(xid);
    if (!p) return;
    clearTimeout(p.timer);
    p.cleanup();
    this.pending.delete(xid);
    this.assembler.drop(xid);
  }

  /** Never throws: whatever a peer sends, a failure closes the channel with a typed error. */
  private onData(chunk: Uint8Array): void {
    try {
      this.onDataUnguarded(chunk);
    } catch (e) {
      this.fail(
        e instanceof SdkError
          ? e
          : new OfConnectionError(
              'OF_CONN_DISPATCH_FAILED',
              `${this.remote}: a message could not be handled: ${(e as Error)?.message ?? String(e)}`,
              { cause: e },
            ),
      );
    }
  }

  private onDataUnguarded(chunk: Uint8Array): void {
    if (this.closed) return;
    let msgs: Uint8Array[];
    try {
      msgs = this.framer.push(chunk);
    } catch (e) {
      this.fail(e as Error);
      return;
    }
    this.trackPartial(msgs.length > 0);
    this.armEcho();
    for (const bytes of msgs) {
      let m: OfMessage;
      try {
        m = decodeMessage(bytes);
      } catch (e) {
        // A message we cannot decode is reported but does not kill the channel (OVS does the same).
        for (const h of [...this.decodeErrorHandlers]) this.callHandler('decode-error', h, e as Error);
        continue;
      }
      this.dispatch(m);
      if (this.closed) return;
    }
    this.pauseIfBacklogged();
  }

  /**
   * Stops reading while what we wrote piles up unread (readPauseBytes); `drain` resumes. Never while one
   * of our requests awaits its reply: a switch may itself stop reading while its replies to us are unread
   * (ovs-vswitchd does, past OFCONN_REPLY_MAX), and pausing then would deadlock both sides.
   */
  private pauseIfBacklogged(): void {
    if (this.readPaused || !this.stream.pause || !this.stream.onDrain) return;
    if (this.pending.size > 0 || this.helloWaiter) return;
    const queued = this.stream.writableBytes ?? 0;
    if (queued <= this.opts.readPauseBytes) return;
    this.readPaused = true;
    this.stream.pause();
    this.log?.warn(
      { remote: this.remote, queued, limit: this.opts.readPauseBytes },
      'openflow: the peer is not reading; reading from it is paused',
    );
  }

  private resumeReading(): void {
    if (!this.readPaused || this.closed) return;
    this.readPaused = false;
    // Time spent paused by us does not count against a message the peer had begun.
    if (this.partialSince !== undefined) this.partialSince = Date.now();
    this.stream.resume?.();
  }

  /** Starts, restarts or stops the clock of the message being received (maxMessageMs). */
  private trackPartial(finishedOne: boolean): void {
    if (this.opts.maxMessageMs <= 0) return;
    if (this.framer.buffered === 0) this.partialSince = undefined;
    else if (finishedOne || this.partialSince === undefined) this.partialSince = Date.now();
    if (this.partialSince !== undefined && !this.messageTimer) this.armMessageTimer(this.opts.maxMessageMs);
  }

  private armMessageTimer(ms: number): void {
    this.messageTimer = setTimeout(() => {
      this.messageTimer = undefined;
      if (this.closed || this.partialSince === undefined) return;
      // Paused by us: the peer cannot finish the message; its clock restarts on resume.
      if (this.readPaused) {
        this.armMessageTimer(this.opts.maxMessageMs);
        return;
      }
      const left = this.partialSince + this.opts.maxMessageMs - Date.now();
      if (left > 0) this.armMessageTimer(left);
      else
        this.fail(
          new OfConnectionError(
            'OF_CONN_MESSAGE_TIMEOUT',
            `${this.remote}: a message was begun but not finished within ${this.opts.maxMessageMs} ms`,
          ),
        );
    }, ms);
    this.messageTimer.unref();
  }

  private dispatch(m: OfMessage): void {
    if (this.helloWaiter) {
      this.helloWaiter.resolve(m);
      return;
    }
    if (m.type === 'echoRequest') {
      this.stream.write(encodeMessage({ type: 'echoReply', version: m.version, xid: m.xid, data: m.data }));
      return;
    }
    if (m.type === 'error') {
      const w = this.watchErrors.get(m.xid);
      if (w) {
        w(m);
        return;
      }
    }
    const p = this.pending.get(m.xid);
    if (p) {
      if (m.type === 'error') {
        this.settle(m.xid);
        this.assembler.drop(m.xid);
        p.reject(new OfRemoteError(m, this.remote));
        return;
      }
      if (p.multipart && m.type === 'multipartReply') {
        let whole: MultipartReply | null;
        try {
          whole = this.assembler.push(m);
        } catch (e) {
          this.settle(m.xid);
          p.reject(e as Error);
          return;
        }
        if (whole) {
          this.settle(m.xid);
          p.resolve(whole);
        }
        return;
      }
      if (!p.multipart && isReply(m)) {
        this.settle(m.xid);
        p.resolve(m);
        return;
      }
    }
    if (m.type === 'echoReply' && this.echoDeadline) {
      clearTimeout(this.echoDeadline);
      this.echoDeadline = undefined;
      return;
    }
    this.emit(m);
  }

  private settle(xid: number): void {
    const p = this.pending.get(xid);
    if (p) {
      clearTimeout(p.timer);
      p.cleanup();
    }
    this.pending.delete(xid);
  }

  private emit(m: OfMessage): void {
    for (const h of [...this.messageHandlers]) this.callHandler('message', h, m);
  }

  /** Restarts the idle timer: after echoIntervalMs without traffic, probe with an echo request. */
  private armEcho(): void {
    if (this.opts.echoIntervalMs <= 0 || this.closed) return;
    if (this.echoTimer) this.echoTimer.refresh();
    else {
      this.echoTimer = setTimeout(() => this.probe(), this.opts.echoIntervalMs);
      this.echoTimer.unref();
    }
  }

  private probe(): void {
    if (this.closed || this.echoDeadline) return;
    try {
      this.stream.write(
        encodeMessage({ type: 'echoRequest', version: this.version, xid: this.xid(), data: new Uint8Array(0) }),
      );
    } catch (e) {
      this.fail(e as Error);
      return;
    }
    this.echoDeadline = setTimeout(() => {
      this.fail(
        new OfConnectionError(
          'OF_CONN_ECHO_TIMEOUT',
          `${this.remote} did not answer an echo request within ${this.opts.echoTimeoutMs} ms`,
        ),
      );
    }, this.opts.echoTimeoutMs);
    this.echoDeadline.unref();
    this.echoTimer = undefined;
    this.armEcho();
  }

  private fail(e: Error): void {
    if (this.closed) return;
    this.shutdown(e);
    this.stream.close();
  }

  private shutdown(err: Error | undefined): void {
    if (this.closed) return;
    this.closed = true;
    this.closeError = err;
    if (this.echoTimer) clearTimeout(this.echoTimer);
    if (this.echoDeadline) clearTimeout(this.echoDeadline);
    if (this.messageTimer) clearTimeout(this.messageTimer);
    const why = err ?? new OfConnectionError('OF_CONN_CLOSED', `connection to ${this.remote} closed`);
    this.helloWaiter?.reject(why);
    for (const [xid, p] of this.pending) {
      clearTimeout(p.timer);
      p.cleanup();
      p.reject(
        new OfConnectionError(
          'OF_CONN_CLOSED',
          `connection to ${this.remote} closed before the reply to xid 0x${xid.toString(16)}`,
          { cause: err },
        ),
      );
    }
    this.pending.clear();
    for (const h of this.closeHandlers.splice(0)) this.callHandler('close', h, err);
  }
}

function remove<T>(list: T[], x: T): void {
  const i = list.indexOf(x);
  if (i >= 0) list.splice(i, 1);
}

function isReply(m: OfMessage): boolean {
  switch (m.type) {
    case 'echoReply':
    case 'featuresReply':
    case 'getConfigReply':
    case 'barrierReply':
    case 'roleReply':
    case 'getAsyncReply':
    case 'multipartReply':
    case 'bundleControl':
    case 'nxTlvTableReply':
    case 'nxRoleReply':
    case 'queueGetConfigReply':
      return true;
    default:
      return false;
  }
}

function expectCtrl(m: OfMessage, ctrlType: number): void {
  if (m.type !== 'bundleControl' || m.ctrlType !== ctrlType) {
    throw new OfConnectionError('OF_CONN_PROTOCOL', `expected bundle control reply ${ctrlType}, got ${m.type}`);
  }
}

function handshakeAborted(remote: string, signal: AbortSignal): OfConnectionError {
  return new OfConnectionError('OF_CONN_ABORTED', `connecting to ${remote} was aborted`, { cause: signal.reason });
}

/**
 * Connects to a switch's passive OpenFlow listener (`tcp:HOST:PORT`, `unix:PATH`, `ssl:…`), as
 * ovs-ofctl does, and runs the handshake. `opts.signal` aborts both the connect and the handshake
 * (`OF_CONN_ABORTED`, nothing left open).
 * @throws TransportConnectError, OfConnectionError (`OF_CONN_ABORTED` when `signal` fires), OfNegotiationError
 */
export async function connectSwitch(
  remote: string,
  opts: OfConnectionOptions & ConnectOptions = {},
): Promise<OfConnection> {
  let stream: ByteStream;
  try {
    stream = await transportConnect(remote, opts);
  } catch (e) {
    if (opts.signal?.aborted) throw handshakeAborted(remote, opts.signal);
    throw e;
  }
  return OfConnection.open(stream, opts);
}

/**
 * Listens as a controller (`ptcp:PORT[:IP]`, `punix:PATH`); each switch that connects gets a
 * handshaken {@link OfConnection}. Handshake failures go to `onError` (default: ignored). As in OVS,
 * `ptcp:PORT` alone listens on every address: name loopback to stay local. An unencrypted listener on
 * a non-loopback address logs a warning once through `opts.logger`.
 * @example
 * const l = await listenController('ptcp:6653:127.0.0.1', (c) => c.onMessage((m) => console.log(m.type)));
 */
export function listenController(
  remote: string,
  onSwitch: (c: OfConnection) => void,
  opts: OfConnectionOptions & StreamOptions & { onError?: (e: Error) => void } = {},
): Promise<Listener> {
  return transportListen(
    remote,
    (stream) => {
      OfConnection.open(stream, opts).then(
        (c) => {
          try {
            onSwitch(c);
          } catch (e) {
            opts.logger?.warn({ err: e, remote: c.remote }, 'openflow: onSwitch threw');
          }
        },
        (e: Error) => {
          try {
            opts.onError?.(e);
          } catch (x) {
            opts.logger?.warn({ err: x }, 'openflow: onError threw');
          }
        },
      );
    },
    {
      ...(opts.maxWriteQueueBytes !== undefined ? { maxWriteQueueBytes: opts.maxWriteQueueBytes } : {}),
      ...(opts.logger ? { logger: opts.logger } : {}),
    },
  );
}

/** Whether a multipart reply has more parts coming (OFPMPF_REPLY_MORE). */
export function hasMore(m: MultipartReply): boolean {
  return (m.flags & OFPMPF_MORE) !== 0;
}
