/**
 * Large whole-message fuzz run for the OpenFlow codec (outside `npm test`):
 *   npx tsx fuzz/openflow-msg.ts [count=1000000] [seed=1]
 * Random framed messages and mutated / truncated real messages (Ryu corpus). Passes when every input
 * either decodes (and then prints and re-encodes stably) or throws a typed SdkError, and no single input takes
 * longer than 1 s (a hang guard; the machine is shared, so GC and scheduling pauses of ~100 ms happen). Prints counts and exits non-zero on the first failure.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SdkError } from '../src/errors.js';
import { decodeMessage, encodeMessage, formatMessage } from '../src/openflow/messages/index.js';
import { xorshift32 } from '../src/testing/random.js';

const count = Number(process.argv[2] ?? 1_000_000);
const seed = Number(process.argv[3] ?? 1) >>> 0;
const rnd = xorshift32(seed);

const ROOT = join(import.meta.dirname, '../../shared/vectors/openflow/ryu-packet_data');
const seeds: Buffer[] = [];
for (const d of ['of10', 'of13', 'of14', 'of15']) {
  for (const n of readdirSync(join(ROOT, d))) if (n.endsWith('.packet')) seeds.push(readFileSync(join(ROOT, d, n)));
}

const versions = [1, 4, 5, 6];
let decoded = 0;
let typed = 0;
let slowest = 0;
const t0 = performance.now();
for (let i = 0; i < count; i++) {
  let b: Buffer;
  if (i % 2 === 0) {
    const len = 8 + (rnd() % 200);
    b = Buffer.allocUnsafe(len);
    for (let j = 0; j < len; j++) b[j] = rnd() & 0xff;
    b[0] = versions[rnd() % 4]!;
    b[1] = rnd() % 37;
  } else {
    const s = seeds[rnd() % seeds.length]!;
    b = Buffer.from(s);
    const flips = 1 + (rnd() % 4);
    for (let k = 0; k < flips && b.length > 8; k++) b[8 + (rnd() % (b.length - 8))] = rnd() & 0xff;
    if (rnd() % 4 === 0 && b.length > 8) b = b.subarray(0, 8 + (rnd() % (b.length - 8)));
  }
  b.writeUInt16BE(b.length, 2);
  const s0 = performance.now();
  try {
    const m = decodeMessage(b);
    decoded++;
    try {
      formatMessage(m);
    } catch (e) {
      if (!(e instanceof SdkError)) throw e;
    }
    try {
      const again = encodeMessage(m);
      const second = encodeMessage(decodeMessage(again));
      if (Buffer.compare(Buffer.from(again), Buffer.from(second)) !== 0) {
        console.error(`unstable re-encoding for input ${b.toString('hex')}`);
        process.exit(1);
      }
    } catch (e) {
      if (!(e instanceof SdkError)) throw e;
    }
  } catch (e) {
    if (!(e instanceof SdkError)) {
      console.error(`built-in exception for input ${b.toString('hex')}:`, e);
      process.exit(1);
    }
    typed++;
  }
  const dt = performance.now() - s0;
  if (dt > slowest) slowest = dt;
  if (dt > 1000) {
    console.error(`input took ${dt.toFixed(1)} ms: ${b.toString('hex')}`);
    process.exit(1);
  }
}
const secs = (performance.now() - t0) / 1000;
console.log(
  JSON.stringify({
    inputs: count,
    decoded,
    typedErrors: typed,
    builtinErrors: 0,
    slowestMs: +slowest.toFixed(2),
    seconds: +secs.toFixed(1),
  }),
);
