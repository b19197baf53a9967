/**
 * Benchmarks for whole OpenFlow messages (run: `npx tsx bench/openflow-msg.ts`):
 * - packet_in decode (OF1.5, OVN-like pipeline match: in_port, metadata, reg0–2, tun_id) for 64 B,
 *   1.5 KiB and 9 KiB payloads — the payload is a view, so cost should not grow with its size;
 * - the stream framer splitting a 1 MiB stream of back-to-back packet_ins (64 B payloads);
 * - a full receive path: framer + decode of that stream.
 * Prints ops/s per case; each case runs ~1 s after a warm-up.
 */
import { decodeMessage, encodeMessage } from '../src/openflow/messages/index.js';
import type { PacketIn } from '../src/openflow/messages/index.js';
import { OfFramer } from '../src/openflow/framer.js';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const u32 = (n: number) => Uint8Array.of(n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff);

function packetIn(payload: number): Uint8Array {
  const data = new Uint8Array(payload).map((_, i) => i & 0xff);
  const m: PacketIn = {
    type: 'packetIn',
    version: 0x06,
    xid: 0,
    bufferId: 0xffffffff,
    totalLen: payload,
    reason: 1,
    tableId: 37,
    cookie: 0x1234n,
    match: [
      { field: 'in_port_oxm', value: u32(3) },
      { field: 'metadata', value: Uint8Array.of(0, 0, 0, 0, 0, 0, 0, 5) },
      { field: 'reg0', value: u32(0x100) },
      { field: 'reg1', value: u32(7) },
      { field: 'reg2', value: u32(0xffff) },
      { field: 'tun_id', value: Uint8Array.of(0, 0, 0, 0, 0, 0, 0, 0x2a) },
    ],
    data,
  };
  return encodeMessage(m);
}

function bench(name: string, fn: () => void, unitsPerOp = 1): { name: string; opsPerSec: number } {
  for (let i = 0; i < 30000 / unitsPerOp + 10; i++) fn();
  let n = 0;
  const t0 = performance.now();
  let t = t0;
  while (t - t0 < 1000) {
    for (let i = 0; i < 200; i++) fn();
    n += 200;
    t = performance.now();
  }
  const opsPerSec = (n * unitsPerOp * 1000) / (t - t0);
  console.log(`${name.padEnd(48)} ${Math.round(opsPerSec).toLocaleString('en-US').padStart(14)} /s`);
  return { name, opsPerSec };
}

const results = [];
let sink = 0;
const sizes = [64, 1536, 9216];
const ours: number[] = [];
for (const size of sizes) {
  const bytes = packetIn(size);
  ours.push(
    bench(`packet_in decode, ${size} B payload (${bytes.length} B msg)`, () => {
      const m = decodeMessage(bytes) as PacketIn;
      sink += m.data.length;
    }).opsPerSec,
  );
}

// The same messages parsed by os-ken (Debian python3-os-ken), in the same run.
try {
  const hexes = sizes.map((s) => Buffer.from(packetIn(s)).toString('hex'));
  const py = execFileSync('/usr/bin/python3', [join(import.meta.dirname, 'python/oskenpacketin.py'), ...hexes], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const osken = JSON.parse(py) as { bytes: number; opsPerSec: number }[];
  osken.forEach((o, i) => {
    console.log(
      `${`os-ken packet_in parse, ${sizes[i]} B payload`.padEnd(48)} ${Math.round(o.opsPerSec).toLocaleString('en-US').padStart(14)} /s   (this library: ${(ours[i]! / o.opsPerSec).toFixed(1)}x)`,
    );
  });
} catch (e) {
  console.log(`os-ken comparison skipped: ${(e as Error).message.split('\n')[0]}`);
}

const one = packetIn(64);
const count = Math.floor((1 << 20) / one.length);
const stream = new Uint8Array(count * one.length);
for (let i = 0; i < count; i++) stream.set(one, i * one.length);
const chunks: Uint8Array[] = [];
for (let o = 0; o < stream.length; o += 65536) chunks.push(stream.subarray(o, o + 65536));
results.push(
  bench(
    `framer: msgs/s from 64 KiB chunks`,
    () => {
      const f = new OfFramer();
      for (const c of chunks) sink += f.push(c).length;
    },
    count,
  ),
);
results.push(
  bench(
    `framer + decode: packet_ins/s from 64 KiB chunks`,
    () => {
      const f = new OfFramer();
      for (const c of chunks) for (const m of f.push(c)) sink += (decodeMessage(m) as PacketIn).totalLen;
    },
    count,
  ),
);
if (sink === 42) console.log('');
if (process.argv.includes('--json')) console.log(JSON.stringify(results));
