/**
 * Hostile JSON-RPC streams against the OVSDB client (the real OvsdbClient and JsonRpcPeer over an
 * in-memory ByteStream, so a million connections take minutes, not hours):
 *   npx tsx fuzz/jsonrpc-streams.ts [count=1000000] [seed=1]
 *
 * Each stream: the client connects and sends four calls (list_dbs, echo, transact, get_server_id); the
 * "server" answers with 1–8 items drawn from replies (right, duplicate, unknown id), echo requests,
 * notifications, unknown methods, random JSON, values nested up to 7,000 deep in any position, garbage
 * bytes, invalid UTF-8, truncated messages and byte flips, delivered in random chunks; then the stream
 * ends (cleanly, with an error, or not at all — the client is then closed). Passes when nothing throws
 * out of the data handler, no uncaught exception or unhandled rejection occurs, every call settles,
 * and every rejection is an SdkError with a stable code. Prints the count, time and outcome histogram;
 * exits non-zero on the first failure. A fixed-seed slice runs in test/unit/jsonrpc/hostile-streams.test.ts.
 */
import { pathToFileURL } from 'node:url';
import { SdkError } from '../src/errors.js';
import { OvsdbClient } from '../src/ovsdb/client.js';
import type { ByteStream } from '../src/transport/index.js';
import { xorshift32 } from '../src/testing/random.js';

export interface FuzzResult {
  readonly streams: number;
  readonly ms: number;
  /** Outcome code (or `resolved`) → count, over every call. */
  readonly outcomes: Readonly<Record<string, number>>;
  /** Error code that closed the connection → count. */
  readonly closes: Readonly<Record<string, number>>;
  readonly failures: readonly string[];
}

/** An in-memory stream: the client writes into a counter; the fuzzer delivers bytes and the end. */
class MemStream implements ByteStream {
  readonly remote = 'tcp:127.0.0.1:6641';
  written = 0;
  paused = false;
  private data: ((b: Buffer) => void) | undefined;
  private closeHs: ((e?: Error) => void)[] = [];
  private ended = false;
  write(d: Uint8Array | string): boolean {
    this.written += d.length;
    return true;
  }
  close(): void {
    this.end(undefined);
  }
  onData(h: (b: Buffer) => void): void {
    this.data = h;
  }
  onClose(h: (e?: Error) => void): void {
    this.closeHs.push(h);
  }
  pause(): void {
    this.paused = true;
  }
  resume(): void {
    this.paused = false;
  }
  deliver(b: Buffer): void {
    if (!this.ended) this.data?.(b);
  }
  end(e: Error | undefined): void {
    if (this.ended) return;
    this.ended = true;
    for (const h of this.closeHs) h(e);
  }
}

type Rnd = () => number;

function pick<T>(r: Rnd, xs: readonly T[]): T {
  return xs[r() % xs.length]!;
}

const nest = (n: number, inner: string, open = '[', close = ']') => open.repeat(n) + inner + close.repeat(n);

/** A random JSON text: scalars, arrays, objects, occasionally nested very deep. */
function value(r: Rnd, depth = 0): string {
  const k = r() % 100;
  if (k < 2) return nest(pick(r, [65, 500, 3000, 7000]), value(r, 9));
  if (k < 3) return nest(pick(r, [65, 2000, 7000]), '{"a":1}', '{"k":', '}');
  if (depth > 3 || k < 45) {
    return pick(r, [
      '0',
      '-1',
      '1e400',
      '-1e400',
      '9223372036854775808',
      '1.5',
      'true',
      'false',
      'null',
      '""',
      '"x"',
      '"\\u0000"',
      '"\\ud800"',
      `"${'s'.repeat(r() % 300)}"`,
      String(r()),
    ]);
  }
  if (k < 75) {
    const n = r() % 4;
    return `[${Array.from({ length: n }, () => value(r, depth + 1)).join(',')}]`;
  }
  const n = r() % 4;
  return `{${Array.from({ length: n }, (_, i) => `"${pick(r, ['id', 'method', 'params', 'result', 'error', 'k' + i])}":${value(r, depth + 1)}`).join(',')}}`;
}

const ID = (r: Rnd) => (r() % 4 === 0 ? value(r) : String(1 + (r() % 6)));

/** One server → client item. */
function item(r: Rnd): Buffer {
  switch (r() % 12) {
    case 0:
    case 1:
      return Buffer.from(`{"id":${1 + (r() % 5)},"result":${value(r)},"error":null}`);
    case 2:
      return Buffer.from(
        `{"id":${ID(r)},"result":null,"error":${r() % 2 ? `{"error":"${pick(r, ['not leader', 'unknown database', 'x'])}","details":${value(r)}}` : value(r)}}`,
      );
    case 3:
      return Buffer.from(`{"id":${ID(r)},"method":"echo","params":${value(r)}}`);
    case 4:
      return Buffer.from(
        `{"id":null,"method":"${pick(r, ['update', 'update2', 'update3', 'locked', 'stolen', 'other'])}","params":[${value(r)},${value(r)},${value(r)}]}`,
      );
    case 5:
      return Buffer.from(`{"id":${ID(r)},"method":${r() % 2 ? '"nope"' : value(r)},"params":${value(r)}}`);
    case 6:
      return Buffer.from(value(r));
    case 7: {
      const n = 1 + (r() % 40);
      return Buffer.from(Array.from({ length: n }, () => r() & 0xff));
    }
    case 8:
      // Invalid UTF-8 inside a string.
      return Buffer.concat([
        Buffer.from(`{"id":${1 + (r() % 5)},"result":["`),
        Buffer.from([pick(r, [0xc3, 0xed, 0xf4, 0xff, 0x80]), pick(r, [0x28, 0xa0, 0x90, 0xff])]),
        Buffer.from('"],"error":null}'),
      ]);
    case 9: {
      const whole = `{"id":${1 + (r() % 5)},"result":${value(r)},"error":null}`;
      return Buffer.from(whole.slice(0, r() % whole.length));
    }
    case 10:
      return Buffer.from(
        `{"id":${1 + (r() % 5)},"result":{"count":${pick(r, ['1e400', '-1', '1.5', '"x"'])}},"error":null}`,
      );
    default:
      return Buffer.from(`{"id":"probe","result":[],"error":null}`);
  }
}

function stream(r: Rnd): Buffer {
  const parts: Buffer[] = [];
  const n = 1 + (r() % 8);
  for (let i = 0; i < n; i++) parts.push(item(r));
  const b = Buffer.concat(parts);
  if (r() % 5 === 0 && b.length > 0) {
    // Byte flips.
    const flips = 1 + (r() % 4);
    for (let i = 0; i < flips; i++) b[r() % b.length] = r() & 0xff;
  }
  return b;
}

const inc = (m: Record<string, number>, k: string) => void (m[k] = (m[k] ?? 0) + 1);

/** Runs `count` hostile streams from `seed`. */
export async function fuzzStreams(count: number, seed = 1, onProgress?: (done: number) => void): Promise<FuzzResult> {
  const r = xorshift32(seed);
  const outcomes: Record<string, number> = {};
  const closes: Record<string, number> = {};
  const failures: string[] = [];
  const escaped: unknown[] = [];
  const onUncaught = (e: unknown) => escaped.push(e);
  process.on('uncaughtException', onUncaught);
  process.on('unhandledRejection', onUncaught);
  const t0 = performance.now();
  let i = 0;
  try {
    for (; i < count && failures.length === 0; i++) {
      const s = new MemStream();
      const sliced = r() % 8 === 0;
      const c = await OvsdbClient.connect(s.remote, {
        openStream: async () => s,
        inactivityProbeMs: 0,
        requestTimeoutMs: 0,
        maxMessageBytes: 64 * 1024,
        maxMessageMs: 0,
        // Some streams go through the sliced parse of large messages and the queue behind it.
        largeMessageBytes: sliced ? 64 : Infinity,
        ...(sliced ? { maxQueuedBytes: 256 } : {}),
      } as Parameters<typeof OvsdbClient.connect>[1]);
      let closeCode: string | undefined;
      c.onClose((e) => (closeCode = e.code));
      const calls = [
        c.listDbs(),
        c.echo(['x']),
        c.transact('DB', [{ op: 'comment', comment: 'c' }], { validate: false }),
        c.getServerId(),
      ];
      const bytes = stream(r);
      let off = 0;
      try {
        while (off < bytes.length) {
          const n = 1 + (r() % Math.max(1, Math.min(bytes.length - off, pick(r, [1, 7, 64, 4096, 1 << 20]))));
          s.deliver(bytes.subarray(off, off + n));
          off += n;
        }
      } catch (e) {
        failures.push(`stream ${i}: the data handler threw ${String((e as Error)?.stack ?? e)}`);
        break;
      }
      const how = r() % 3;
      if (how === 0) s.end(undefined);
      else if (how === 1) s.end(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }));
      else await c.close();
      let guard: NodeJS.Timeout | undefined;
      const settled = await Promise.race([
        Promise.allSettled(calls),
        new Promise<'hang'>((res) => (guard = setTimeout(() => res('hang'), 5000))),
      ]);
      clearTimeout(guard);
      if (settled === 'hang') {
        failures.push(`stream ${i}: a call did not settle after the connection ended`);
        break;
      }
      for (const o of settled) {
        if (o.status === 'fulfilled') inc(outcomes, 'resolved');
        else if (o.reason instanceof SdkError && /^[A-Z][A-Z0-9_]+$/.test(o.reason.code)) inc(outcomes, o.reason.code);
        else failures.push(`stream ${i}: untyped rejection ${String((o.reason as Error)?.stack ?? o.reason)}`);
      }
      inc(closes, closeCode ?? 'none');
      if (escaped.length > 0)
        failures.push(`stream ${i}: escaped ${String((escaped[0] as Error)?.stack ?? escaped[0])}`);
      if (onProgress && (i + 1) % 50_000 === 0) onProgress(i + 1);
    }
  } finally {
    process.off('uncaughtException', onUncaught);
    process.off('unhandledRejection', onUncaught);
  }
  return { streams: i, ms: performance.now() - t0, outcomes, closes, failures };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const count = Number(process.argv[2] ?? 1_000_000);
  const seed = Number(process.argv[3] ?? 1) >>> 0;
  const res = await fuzzStreams(count, seed, (n) =>
    process.stderr.write(`${n} streams, ${(performance.now() / 1000) | 0} s\n`),
  );
  console.log(
    JSON.stringify(
      { seed, streams: res.streams, seconds: +(res.ms / 1000).toFixed(1), outcomes: res.outcomes, closes: res.closes },
      null,
      1,
    ),
  );
  if (res.failures.length > 0) {
    console.error(res.failures.join('\n'));
    process.exit(1);
  }
}
