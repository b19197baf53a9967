/**
 * Fault injection for tests: a proxy in front of a real server that re-chunks the byte stream
 * (1-byte or random-size pieces), delays it per direction, drops JSON-RPC echo requests, injects
 * bytes, or cuts it (now, or after a given number of bytes, mid-message); and a scripted fake peer
 * that answers with whatever bytes a test wants (garbage, half a message, a reply to an unknown id).
 * The fake peer only injects faults: real behaviour is always tested against the real server.
 */
import { connect, listen } from '../transport/stream.js';
import type { ByteStream, Listener } from '../transport/stream.js';
import { JsonSplitter, parseMessage } from '../jsonrpc/splitter.js';
import { HarnessError } from './process.js';

/** How the fault proxy re-cuts the byte stream it forwards: piece size and the delay between pieces. */
export interface ChunkingPolicy {
  /** Size of each forwarded piece: a number, or a function drawing one (e.g. random). */
  pieceSize: number | (() => number);
  /** Delay between pieces, ms (default 0: pieces are written back to back in one tick each). */
  delayMs?: number;
}

/** A direction through the proxy: client → server or server → client. */
export type ProxyDirection = 'toServer' | 'toClient';

/** Options of `startFaultProxy`: the upstream remote, whole-message mode, chunking and delays per direction. */
export interface FaultProxyOptions {
  /**
   * Forward whole JSON values (messages) instead of raw chunks: each direction runs a splitter and a
   * message is forwarded (re-chunked by the policy) once it is complete. Needed for message filters
   * ({@link FaultProxy.dropEcho}, {@link FaultProxy.setFilter}). A direction whose bytes stop being
   * JSON (e.g. a peer sending garbage) falls back to raw forwarding for the rest of that connection.
   * Default false.
   */
  frames?: boolean;
}

/** Decides per message (framed mode): return false to drop it. */
export type MessageFilter = (message: unknown) => boolean;

/** A TCP proxy between a client and a real server that cuts, delays, drops and injects traffic on command. */
export interface FaultProxy {
  /** Where clients connect: `tcp:127.0.0.1:PORT`. */
  readonly remote: string;
  /** Bytes forwarded server → client so far. */
  readonly bytesToClient: number;
  /** Bytes forwarded client → server so far. */
  readonly bytesToServer: number;
  /** Connections accepted so far. */
  readonly accepted: number;
  /** Connections open now. */
  readonly open: number;
  /** Messages dropped by filters so far (framed mode). */
  readonly dropped: number;
  /** Cuts every open connection (both sides). */
  cutAll(): void;
  /** Stop forwarding server → client (the client sees silence, e.g. unanswered echo). Data arriving meanwhile is discarded. */
  freeze(frozen: boolean): void;
  /**
   * Holds everything arriving in `direction` for `ms` before forwarding it (order kept; 0 = no delay).
   * Applies to data arriving from now on, on every connection.
   * @example proxy.delay('toClient', 800) // replies arrive 800 ms late
   */
  delay(direction: ProxyDirection, ms: number): void;
  /**
   * Drops JSON-RPC echo requests (`{"method":"echo","id":…}`, any non-null id) travelling in
   * `direction`, so the side that sent them never gets an answer and its inactivity probe fires.
   * Needs the proxy started with `frames: true`.
   * @throws {HarnessError} `HARNESS_FAILED` when the proxy is not framed
   */
  dropEcho(direction: ProxyDirection, on: boolean): void;
  /**
   * Any message filter for `direction` (undefined removes it). Needs `frames: true`.
   * @throws {HarnessError} `HARNESS_FAILED` when the proxy is not framed
   */
  setFilter(direction: ProxyDirection, filter: MessageFilter | undefined): void;
  /**
   * On every open connection, forwards exactly `bytes` more bytes in `direction` (counted from now,
   * so usually in the middle of a message) and then cuts the connection (both sides). Actions armed on
   * one connection and direction run in the order they were armed, each counted from the previous one.
   * @returns the number of connections armed (0 when none is open)
   */
  cutAfter(direction: ProxyDirection, bytes: number): number;
  /**
   * Arms the next connection to be accepted (each call the one after the previous call's): it is cut
   * after `bytes` bytes in `direction`, counted from its start, e.g. in the middle of a reconnect's
   * handshake. Arms still unused when the proxy closes are dropped.
   */
  cutNextAfter(direction: ProxyDirection, bytes: number): void;
  /**
   * On every open connection, writes `data` into the `direction` stream after `afterBytes` more bytes
   * were forwarded (0: at the next point the stream is written, between two forwarded pieces).
   * @returns the number of connections armed
   */
  injectAfter(direction: ProxyDirection, afterBytes: number, data: Uint8Array | string): number;
  close(): Promise<void>;
}

/** True for a JSON-RPC request whose method is `echo` (a probe or a user echo; not a notification). */
export function isEchoRequest(message: unknown): boolean {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as { method?: unknown; id?: unknown };
  return m.method === 'echo' && m.id !== null && m.id !== undefined;
}

interface Action {
  remaining: number;
  readonly what: 'cut' | Buffer;
}

interface Pipe {
  readonly dir: ProxyDirection;
  readonly to: ByteStream;
  queue: Promise<void>;
  splitter: JsonSplitter | undefined;
  readonly actions: Action[];
}

interface Pair {
  readonly client: ByteStream;
  readonly server: ByteStream;
  readonly pipes: Record<ProxyDirection, Pipe>;
  ended: boolean;
  end(): void;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Starts a proxy to `target` (any active remote) that forwards both directions re-chunked by `policy`
 * (applied to both directions), and injects the faults asked for through the returned handle.
 * @example
 *   const proxy = await startFaultProxy(server.tcp, { pieceSize: 65536 }, { frames: true });
 *   const client = await OvsdbClient.connect(proxy.remote);
 *   proxy.cutAfter('toClient', 123); // the next reply is cut after 123 bytes
 * @throws {TransportConnectError} `TRANSPORT_CONNECT_FAILED` when the listening socket cannot be opened
 */
export async function startFaultProxy(
  target: string,
  policy: ChunkingPolicy,
  options: FaultProxyOptions = {},
): Promise<FaultProxy> {
  const pairs = new Set<Pair>();
  const bytes: Record<ProxyDirection, number> = { toServer: 0, toClient: 0 };
  const delays: Record<ProxyDirection, number> = { toServer: 0, toClient: 0 };
  const filters: Record<ProxyDirection, MessageFilter | undefined> = { toServer: undefined, toClient: undefined };
  const nextCuts: { direction: ProxyDirection; bytes: number }[] = [];
  let frozen = false;
  let accepted = 0;
  let dropped = 0;
  const framed = options.frames === true;
  const size = () =>
    Math.max(1, Math.floor(typeof policy.pieceSize === 'number' ? policy.pieceSize : policy.pieceSize()));

  /** Writes `data` in policy-sized pieces, running armed actions at their byte offset. */
  const emit = async (pair: Pair, pipe: Pipe, data: Buffer): Promise<void> => {
    for (let o = 0; o < data.length;) {
      if (pair.ended) return;
      let n = Math.min(size(), data.length - o);
      const act = pipe.actions[0];
      if (act && act.remaining < n) n = act.remaining;
      if (n > 0) {
        pipe.to.write(data.subarray(o, o + n));
        bytes[pipe.dir] += n;
        o += n;
        if (act) act.remaining -= n;
      }
      if (act && act.remaining === 0) {
        pipe.actions.shift();
        if (act.what === 'cut') {
          pair.end();
          return;
        }
        pipe.to.write(act.what);
      }
      if (policy.delayMs && o < data.length) await sleep(policy.delayMs);
    }
  };

  /** Splits a chunk into the units to forward (whole messages in framed mode, minus filtered ones). */
  const units = (pipe: Pipe, chunk: Buffer): Buffer[] => {
    if (!pipe.splitter) return [chunk];
    let frames: Buffer[];
    try {
      frames = pipe.splitter.feed(chunk);
    } catch {
      // Not JSON any more: forward raw from here on (what the splitter held is lost with the garbage).
      pipe.splitter = undefined;
      return [chunk];
    }
    const filter = filters[pipe.dir];
    if (!filter) return frames;
    return frames.filter((f) => {
      let msg: unknown;
      try {
        msg = parseMessage(f);
      } catch {
        return true;
      }
      if (filter(msg)) return true;
      dropped++;
      return false;
    });
  };

  const pipe = (pair: Pair, from: ByteStream, p: Pipe) => {
    from.onData((chunk) => {
      const out = units(p, chunk); // framed: the splitter sees every byte, so it stays in step through a freeze
      if (p.dir === 'toClient' && frozen) return;
      const due = Date.now() + delays[p.dir];
      p.queue = p.queue
        .then(async () => {
          const wait = due - Date.now();
          if (wait > 0) await sleep(wait);
          for (const u of out) await emit(pair, p, u);
        })
        .catch(() => pair.end()); // a write that throws ends the connection, never an unhandled rejection
    });
  };

  const listener: Listener = await listen('ptcp:0:127.0.0.1', (client) => {
    accepted++;
    connect(target)
      .then((server) => {
        const mk = (dir: ProxyDirection, to: ByteStream): Pipe => ({
          dir,
          to,
          queue: Promise.resolve(),
          splitter: framed ? new JsonSplitter() : undefined,
          actions: [],
        });
        const pair: Pair = {
          client,
          server,
          pipes: { toServer: mk('toServer', server), toClient: mk('toClient', client) },
          ended: false,
          end() {
            if (pair.ended) return;
            pair.ended = true;
            pairs.delete(pair);
            client.close();
            server.close();
          },
        };
        pairs.add(pair);
        const armed = nextCuts.shift();
        if (armed)
          pair.pipes[armed.direction].actions.push({ remaining: Math.max(1, Math.floor(armed.bytes)), what: 'cut' });
        pipe(pair, client, pair.pipes.toServer);
        pipe(pair, server, pair.pipes.toClient);
        client.onClose(() => pair.end());
        server.onClose(() => pair.end());
      })
      .catch(() => client.close());
  });

  const cutAll = () => {
    for (const p of [...pairs]) p.end();
  };
  const needFrames = (what: string) => {
    if (!framed) throw new HarnessError(`fault proxy: ${what} needs a proxy started with { frames: true }`);
  };
  const arm = (direction: ProxyDirection, after: number, what: 'cut' | Buffer): number => {
    let n = 0;
    for (const pair of pairs) {
      const p = pair.pipes[direction];
      p.actions.push({ remaining: Math.max(0, Math.floor(after)), what });
      // An action due now runs at the next point the stream is written, in order with queued data.
      if (after <= 0) p.queue = p.queue.then(() => flushDue(pair, p)).catch(() => pair.end());
      n++;
    }
    return n;
  };
  const flushDue = (pair: Pair, p: Pipe) => {
    while (!pair.ended && p.actions[0]?.remaining === 0) {
      const act = p.actions.shift()!;
      if (act.what === 'cut') pair.end();
      else p.to.write(act.what);
    }
  };
  return {
    remote: listener.address,
    get bytesToClient() {
      return bytes.toClient;
    },
    get bytesToServer() {
      return bytes.toServer;
    },
    get accepted() {
      return accepted;
    },
    get open() {
      return pairs.size;
    },
    get dropped() {
      return dropped;
    },
    cutAll,
    freeze(f: boolean) {
      frozen = f;
    },
    delay(direction, ms) {
      delays[direction] = Math.max(0, ms);
    },
    dropEcho(direction, on) {
      needFrames('dropEcho');
      filters[direction] = on ? (m) => !isEchoRequest(m) : undefined;
    },
    setFilter(direction, filter) {
      needFrames('setFilter');
      filters[direction] = filter;
    },
    cutAfter(direction, n) {
      return arm(direction, n, 'cut');
    },
    cutNextAfter(direction, n) {
      nextCuts.push({ direction, bytes: n });
    },
    injectAfter(direction, after, data) {
      return arm(direction, after, Buffer.from(data));
    },
    async close() {
      cutAll();
      await listener.close();
    },
  };
}

/** What the fake peer does with each message it receives: the bytes to send back (or nothing). */
export type FakeScript = (message: { id?: unknown; method?: string; params?: unknown[] }, stream: ByteStream) => void;

/** A scripted JSON-RPC peer for fault tests: clients connect to `remote`; every message received is kept and answered by the script. */
export interface FakePeer {
  readonly remote: string;
  readonly received: unknown[];
  close(): Promise<void>;
}

/**
 * A scripted fake server for fault injection: incoming messages are split with the project's own
 * splitter and `script` decides what bytes to answer with.
 */
export async function startFakePeer(script: FakeScript): Promise<FakePeer> {
  const received: unknown[] = [];
  const streams = new Set<ByteStream>();
  const l = await listen('ptcp:0:127.0.0.1', (s) => {
    streams.add(s);
    const sp = new JsonSplitter();
    s.onData((c) => {
      // Whatever the client sends (or the script does), nothing may throw out of this handler.
      try {
        for (const m of sp.feed(c)) {
          const msg = parseMessage(m) as { id?: unknown; method?: string; params?: unknown[] };
          received.push(msg);
          script(msg, s);
        }
      } catch (e) {
        received.push({ error: (e as Error).message });
        s.close();
      }
    });
    s.onClose(() => streams.delete(s));
  });
  return {
    remote: l.address,
    received,
    async close() {
      for (const s of streams) s.close();
      await l.close();
    },
  };
}
