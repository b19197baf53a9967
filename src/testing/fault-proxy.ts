/**
 * Fault injection for tests: a proxy in front of a real server that re-chunks the byte stream
 * (1-byte or random-size pieces), delays it, or cuts it; and a scripted fake peer that answers with
 * whatever bytes a test wants (garbage, half a message, a reply to an unknown id). The fake peer only
 * injects faults: real behaviour is always tested against the real server.
 */
import { connect, listen } from '../transport/stream.js';
import type { ByteStream, Listener } from '../transport/stream.js';
import { JsonSplitter, parseMessage } from '../jsonrpc/splitter.js';

export interface ChunkingPolicy {
  /** Size of each forwarded piece: a number, or a function drawing one (e.g. random). */
  pieceSize: number | (() => number);
  /** Delay between pieces, ms (default 0: pieces are written back to back in one tick each). */
  delayMs?: number;
}

export interface FaultProxy {
  /** Where clients connect: `tcp:127.0.0.1:PORT`. */
  readonly remote: string;
  /** Bytes forwarded server → client so far. */
  readonly bytesToClient: number;
  /** Cuts every open connection (both sides). */
  cutAll(): void;
  /** Stop forwarding server → client (the client sees silence, e.g. unanswered echo). */
  freeze(frozen: boolean): void;
  close(): Promise<void>;
}

/** A seeded PRNG (mulberry32) so random chunking is reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Starts a proxy to `target` (any active remote) that forwards both directions re-chunked by `policy`
 * (applied to both directions).
 */
export async function startFaultProxy(target: string, policy: ChunkingPolicy): Promise<FaultProxy> {
  const pairs = new Set<[ByteStream, ByteStream]>();
  let toClient = 0;
  let frozen = false;
  const size = () => Math.max(1, Math.floor(typeof policy.pieceSize === 'number' ? policy.pieceSize : policy.pieceSize()));
  const pipe = (from: ByteStream, to: ByteStream, count: boolean) => {
    let queue = Promise.resolve();
    from.onData((chunk) => {
      if (count && frozen) return;
      queue = queue.then(async () => {
        for (let o = 0; o < chunk.length; ) {
          const n = size();
          to.write(chunk.subarray(o, o + n));
          if (count) toClient += Math.min(n, chunk.length - o);
          o += n;
          if (policy.delayMs) await new Promise((r) => setTimeout(r, policy.delayMs));
        }
      });
    });
  };
  const listener: Listener = await listen('ptcp:0:127.0.0.1', (client) => {
    connect(target)
      .then((server) => {
        const pair: [ByteStream, ByteStream] = [client, server];
        pairs.add(pair);
        pipe(client, server, false);
        pipe(server, client, true);
        const end = () => {
          pairs.delete(pair);
          client.close();
          server.close();
        };
        client.onClose(end);
        server.onClose(end);
      })
      .catch(() => client.close());
  });
  const cutAll = () => {
    for (const [c, s] of pairs) {
      c.close();
      s.close();
    }
  };
  return {
    remote: listener.address,
    get bytesToClient() {
      return toClient;
    },
    cutAll,
    freeze(f: boolean) {
      frozen = f;
    },
    async close() {
      cutAll();
      await listener.close();
    },
  };
}

/** What the fake peer does with each message it receives: the bytes to send back (or nothing). */
export type FakeScript = (message: { id?: unknown; method?: string; params?: unknown[] }, stream: ByteStream) => void;

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
      for (const m of sp.feed(c)) {
        const msg = parseMessage(m) as { id?: unknown; method?: string; params?: unknown[] };
        received.push(msg);
        script(msg, s);
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
