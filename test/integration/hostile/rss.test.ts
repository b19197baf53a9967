/**
 * Floods against a client in a child process (rss-child.ts), measuring its peak RSS growth: a server
 * that floods echo requests and never reads, a huge unfinished message, and an OpenFlow switch flooding
 * echo requests without reading. The bounds are the documented limits plus the runtime's overhead per
 * queued write (Node keeps each queued chunk as an object: ~2–3× the bytes).
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, test } from 'vitest';
import {
  connectHostile,
  startHostilePeer,
  type HostileConnection,
  type HostilePeer,
} from '../../../src/testing/index.js';
import { encodeMessage, OfFramer, decodeMessage } from '../../../src/openflow/index.js';

const MiB = 1024 * 1024;
const child = fileURLToPath(new URL('./rss-child.ts', import.meta.url));

interface ChildResult {
  base: number;
  peak: number;
  growth: number;
  closeCode: string;
  calls: string[];
  uncaught: string[];
  fatal?: string;
}

function runChild(
  target: 'ovsdb' | 'openflow' | 'controller',
  remote: string,
  options: Record<string, unknown> = {},
  onAddress?: (a: string) => void,
  noCall = false,
): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const p = spawn(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', child, JSON.stringify({ target, remote, options, noCall })],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    let told = false;
    p.stdout.on('data', (b) => {
      out += b;
      const first = out.split('\n')[0]!;
      if (!told && onAddress && out.includes('\n') && first.includes('"address"')) {
        told = true;
        onAddress((JSON.parse(first) as { address: string }).address);
      }
    });
    p.stderr.on('data', (b) => (err += b));
    p.on('error', reject);
    p.on('close', () => {
      try {
        resolve(JSON.parse(out.trim().split('\n').pop()!) as ChildResult);
      } catch {
        reject(new Error(`child printed no result; stderr: ${err}`));
      }
    });
  });
}

let peer: HostilePeer | undefined;
afterEach(async () => {
  await peer?.close();
  peer = undefined;
});

const echoFlood = (i: number) => `{"id":${i},"method":"echo","params":["${'p'.repeat(200)}"]}`;

test('OVSDB client, server floods echo requests and never reads, default limit (16 MiB): dropped, growth < 96 MiB', async () => {
  peer = await startHostilePeer(
    async (h) => {
      await h.nextMessage();
      h.stopReading();
      await h.flood(echoFlood, 10_000_000);
    },
    { json: true },
  );
  const r = await runChild('ovsdb', peer.remote);
  expect(r.fatal).toBeUndefined();
  expect(r.uncaught).toEqual([]);
  expect(r.closeCode).toBe('TRANSPORT_WRITE_QUEUE_FULL');
  expect(r.calls).toEqual(['TRANSPORT_WRITE_QUEUE_FULL']);
  console.log(`echo flood, default limit: peak RSS growth ${(r.growth / MiB).toFixed(1)} MiB`);
  expect(r.growth).toBeLessThan(96 * MiB);
}, 120_000);

test('OVSDB client, same flood with maxWriteQueueBytes 1 MiB: growth < 32 MiB', async () => {
  peer = await startHostilePeer(
    async (h) => {
      await h.nextMessage();
      h.stopReading();
      await h.flood(echoFlood, 10_000_000);
    },
    { json: true },
  );
  const r = await runChild('ovsdb', peer.remote, { maxWriteQueueBytes: MiB });
  expect(r.uncaught).toEqual([]);
  expect(r.closeCode).toBe('TRANSPORT_WRITE_QUEUE_FULL');
  console.log(`echo flood, 1 MiB limit: peak RSS growth ${(r.growth / MiB).toFixed(1)} MiB`);
  expect(r.growth).toBeLessThan(32 * MiB);
}, 120_000);

test('OVSDB client, a huge unfinished message with maxMessageBytes 8 MiB: JSONRPC_MESSAGE_TOO_LARGE, growth < 48 MiB', async () => {
  peer = await startHostilePeer(
    async (h) => {
      await h.nextMessage();
      h.write('{"id":1,"result":["');
      await h.flood(() => 'a'.repeat(64 * 1024), 100_000);
    },
    { json: true },
  );
  const r = await runChild('ovsdb', peer.remote, { maxMessageBytes: 8 * MiB });
  expect(r.uncaught).toEqual([]);
  expect(r.closeCode).toBe('JSONRPC_MESSAGE_TOO_LARGE');
  console.log(`unfinished message, 8 MiB limit: peak RSS growth ${(r.growth / MiB).toFixed(1)} MiB`);
  expect(r.growth).toBeLessThan(48 * MiB);
}, 120_000);

/** A bad switch: hello (OF1.3), wait for the other side's hello, stop reading, flood echo requests. */
async function floodingSwitch(h: HostileConnection): Promise<void> {
  const framer = new OfFramer();
  let hello = false;
  const helloSeen = new Promise<void>((resolve) =>
    h.stream.onData((c) => {
      for (const b of framer.push(c))
        if (decodeMessage(b).type === 'hello' && !hello) {
          hello = true;
          resolve();
        }
    }),
  );
  h.write(encodeMessage({ type: 'hello', version: 4, xid: 1, elements: [] }));
  await helloSeen;
  h.stopReading();
  const data = new Uint8Array(200);
  await h.flood((i) => encodeMessage({ type: 'echoRequest', version: 4, xid: i + 1, data }), 10_000_000);
}

/** Reading never paused (readPauseBytes far above the write-queue limit): the limit alone bounds memory. */
const NO_PAUSE = { readPauseBytes: 2 ** 50 };

test('OpenFlow controller, reading pauses (default 1 MiB): a switch that floods echo requests and never reads is held, growth < 32 MiB, closed by the keepalive', async () => {
  let sw: HostileConnection | undefined;
  // No request of ours in flight (one awaiting its reply keeps reading going: see readPauseBytes).
  const r = await runChild(
    'controller',
    '',
    { echoIntervalMs: 500, echoTimeoutMs: 500 },
    (address) => {
      void connectHostile(address).then((h) => {
        sw = h;
        return floodingSwitch(h);
      });
    },
    true,
  );
  sw?.close();
  expect(r.fatal).toBeUndefined();
  expect(r.uncaught).toEqual([]);
  // Paused, the controller reads neither the flood nor the answer to its own echo.
  expect(r.closeCode).toBe('OF_CONN_ECHO_TIMEOUT');
  expect(r.calls).toEqual([]);
  console.log(`OpenFlow controller, echo flood, reading paused: peak RSS growth ${(r.growth / MiB).toFixed(1)} MiB`);
  expect(r.growth).toBeLessThan(32 * MiB);
}, 120_000);

test('OpenFlow controller, pausing off, a switch connects, floods echo requests and never reads (default limit): dropped, growth < 96 MiB', async () => {
  let sw: HostileConnection | undefined;
  const r = await runChild('controller', '', NO_PAUSE, (address) => {
    void connectHostile(address).then((h) => {
      sw = h;
      return floodingSwitch(h);
    });
  });
  sw?.close();
  expect(r.fatal).toBeUndefined();
  expect(r.uncaught).toEqual([]);
  expect(r.closeCode).toBe('TRANSPORT_WRITE_QUEUE_FULL');
  expect(r.calls).toEqual(['OF_CONN_CLOSED']);
  console.log(`OpenFlow controller, echo flood, default limit: peak RSS growth ${(r.growth / MiB).toFixed(1)} MiB`);
  expect(r.growth).toBeLessThan(96 * MiB);
}, 120_000);

test('OpenFlow connection, pausing off, switch floods echo requests and never reads (default limit): dropped, growth < 96 MiB', async () => {
  peer = await startHostilePeer(floodingSwitch);
  const r = await runChild('openflow', peer.remote, NO_PAUSE);
  expect(r.fatal).toBeUndefined();
  expect(r.uncaught).toEqual([]);
  expect(r.closeCode).toBe('TRANSPORT_WRITE_QUEUE_FULL');
  expect(r.calls).toEqual(['OF_CONN_CLOSED']);
  console.log(`OpenFlow echo flood, default limit: peak RSS growth ${(r.growth / MiB).toFixed(1)} MiB`);
  expect(r.growth).toBeLessThan(96 * MiB);
}, 120_000);
