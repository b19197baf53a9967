/**
 * A scripted hostile peer for hardening tests: a loopback listener whose connections a test drives at
 * the byte level — send anything (nested JSON, invalid UTF-8, half a message), trickle bytes, flood while
 * never reading, or stop reading. It plays a broken or malicious server or switch; it is never a model
 * of a real one (real behaviour is tested against the real daemons).
 */
import { connect, listen } from '../transport/stream.js';
import type { ByteStream, Listener } from '../transport/stream.js';
import { JsonSplitter, parseMessage } from '../jsonrpc/splitter.js';

/** One connection accepted by a {@link HostilePeer}: raw writes, trickles, floods, and what the client sent. */
export interface HostileConnection {
  readonly stream: ByteStream;
  /** JSON values received so far (when the peer was started with `json: true`; a stream that stops being JSON stops adding). */
  readonly messages: unknown[];
  /** Resolves with the next JSON message received (json mode). */
  nextMessage(): Promise<unknown>;
  write(data: string | Uint8Array): void;
  /**
   * Writes `data` `pieceBytes` at a time, one piece every `intervalMs`, until done or the connection
   * closes. Resolves with the number of bytes written.
   */
  trickle(data: string | Uint8Array, intervalMs: number, pieceBytes?: number): Promise<number>;
  /**
   * Writes `make(i)` for i = 0, 1, … as fast as the other side takes it (keeping at most ~1 MiB queued
   * on this side), until the connection closes or `max` messages were written. Resolves with the count.
   */
  flood(make: (i: number) => string | Uint8Array, max?: number): Promise<number>;
  /** Stops reading what the other side sends: its bytes pile up in the kernel, then in its write queue. */
  stopReading(): void;
  /** Resolves when the connection has closed (by either side), with the error if any. */
  readonly closed: Promise<Error | undefined>;
  readonly isClosed: boolean;
  close(): void;
}

/** A listener playing a hostile server or switch for robustness tests: every accepted connection is handed to the test to drive by hand. */
export interface HostilePeer {
  /** Where the client under test connects, e.g. `tcp:127.0.0.1:PORT`. */
  readonly remote: string;
  readonly connections: readonly HostileConnection[];
  close(): Promise<void>;
}

/** Options of `startHostilePeer`. */
export interface HostilePeerOptions {
  /** Split what the other side sends into JSON values (`messages`, `nextMessage`). Default false. */
  json?: boolean;
}

const tick = () => new Promise<void>((r) => setImmediate(r));

function wrap(stream: ByteStream, json: boolean): HostileConnection {
  const messages: unknown[] = [];
  const waiters: ((m: unknown) => void)[] = [];
  let isClosed = false;
  let splitter = json ? new JsonSplitter() : undefined;
  const closed = new Promise<Error | undefined>((resolve) =>
    stream.onClose((e) => {
      isClosed = true;
      resolve(e);
    }),
  );
  stream.onData((chunk) => {
    if (!splitter) return;
    try {
      for (const f of splitter.feed(chunk)) {
        const m = parseMessage(f);
        const w = waiters.shift();
        if (w) w(m);
        else messages.push(m);
      }
    } catch {
      splitter = undefined;
    }
  });
  const c: HostileConnection = {
    stream,
    messages,
    nextMessage: () => (messages.length > 0 ? Promise.resolve(messages.shift()) : new Promise((r) => waiters.push(r))),
    write: (d) => void stream.write(d),
    async trickle(data, intervalMs, pieceBytes = 1) {
      const bytes = typeof data === 'string' ? Buffer.from(data) : data;
      let off = 0;
      while (off < bytes.length && !isClosed) {
        stream.write(bytes.subarray(off, off + pieceBytes));
        off += pieceBytes;
        await new Promise((r) => setTimeout(r, intervalMs));
      }
      return Math.min(off, bytes.length);
    },
    async flood(make, max = Infinity) {
      let i = 0;
      while (i < max && !isClosed) {
        stream.write(make(i++));
        if (i % 256 === 0) {
          await tick();
          while (!isClosed && (stream.writableBytes ?? 0) > 1024 * 1024) await new Promise((r) => setTimeout(r, 2));
        }
      }
      return i;
    },
    stopReading: () => stream.pause?.(),
    closed,
    get isClosed() {
      return isClosed;
    },
    close: () => stream.close(),
  };
  return c;
}

/**
 * Starts a hostile peer on loopback; `onConnection` scripts each accepted connection.
 * @example
 * const peer = await startHostilePeer(async (c) => { await c.nextMessage(); c.write('{"id":1,"error":' + '['.repeat(9000)); }, { json: true });
 */
export async function startHostilePeer(
  onConnection: (c: HostileConnection) => void | Promise<void>,
  opts: HostilePeerOptions = {},
): Promise<HostilePeer> {
  const connections: HostileConnection[] = [];
  // The hostile side may queue a lot towards a slow client: its own limit is not what is tested.
  const l: Listener = await listen(
    'ptcp:0:127.0.0.1',
    (s) => {
      const c = wrap(s, opts.json ?? false);
      connections.push(c);
      void Promise.resolve()
        .then(() => onConnection(c))
        .catch(() => c.close());
    },
    { maxWriteQueueBytes: 1024 * 1024 * 1024 },
  );
  return {
    remote: l.address,
    connections,
    async close() {
      for (const c of connections) c.close();
      await l.close();
    },
  };
}

/** Connects to `remote` as a hostile client (e.g. a bad switch connecting to a controller). */
export async function connectHostile(remote: string, opts: HostilePeerOptions = {}): Promise<HostileConnection> {
  return wrap(await connect(remote, { maxWriteQueueBytes: 1024 * 1024 * 1024 }), opts.json ?? false);
}
