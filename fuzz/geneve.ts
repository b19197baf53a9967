/**
 * Fuzz run outside the test suite: random garbage and mutated valid frames through every GENEVE
 * decoder (object, view, outer packet, inner summary, pcap parser). Only typed errors (SdkError with
 * an UPPER_SNAKE code) may come out; anything else is printed and the run fails. Deterministic.
 *
 *   npx tsx fuzz/geneve.ts [iterations=1000000] [seed=6081]
 */
import fc from 'fast-check';
import { SdkError } from '../src/errors.js';
import {
  CaptureParser,
  CaptureWriter,
  decapsulate,
  decodeGeneve,
  encodeGeneve,
  Encapsulator,
  GeneveView,
  summarizeGeneve,
  summarizeInner,
} from '../src/geneve/index.js';
import { innerArb, tunnelArb } from '../test/fixtures/geneve/arbitraries.js';
import { xorshift32 } from '../src/testing/random.js';

const N = Number(process.argv[2] ?? '1000000');
const seed = Number(process.argv[3] ?? '6081');

// xorshift32: cheap, deterministic mutations
const rnd = xorshift32(seed);

// A pool of valid frames drawn over the full range, plus a pcap and a pcapng of them.
const pool = fc
  .sample(fc.tuple(tunnelArb, innerArb), { numRuns: 512, seed })
  .map(([t, inner]) => new Encapsulator({ ...t, geneve: { ...t.geneve, version: 0 } }).encapsulate(inner));
const caps = (['pcap', 'pcapng'] as const).map((format) => {
  const w = new CaptureWriter({ format });
  return Buffer.concat([w.header(), ...pool.slice(0, 8).map((f, i) => w.record(f, { sec: i }))]);
});

const codes = new Map<string, number>();
let ok = 0;
let bad = 0;
const view = new GeneveView();

function guard(f: () => void, input: Uint8Array): void {
  try {
    f();
    ok++;
  } catch (e) {
    if (e instanceof SdkError && /^[A-Z0-9_]+$/.test(e.code)) {
      codes.set(e.code, (codes.get(e.code) ?? 0) + 1);
      return;
    }
    bad++;
    if (bad <= 5) console.error('UNTYPED', e, Buffer.from(input).toString('hex'));
  }
}

const t0 = performance.now();
for (let i = 0; i < N; i++) {
  const kind = rnd() % 4;
  let input: Uint8Array;
  if (kind === 0) {
    input = new Uint8Array(rnd() % 200);
    for (let j = 0; j < input.length; j++) input[j] = rnd() & 0xff;
  } else if (kind === 3) {
    const c = caps[rnd() & 1]!;
    input = Buffer.from(c.subarray(0, c.length - (rnd() % 64)));
    for (let k = rnd() % 4; k > 0; k--) input[rnd() % input.length] = rnd() & 0xff;
    guard(() => {
      const p = new CaptureParser();
      p.push(input.subarray(0, input.length >> 1));
      while (p.advance());
      p.push(input.subarray(input.length >> 1));
      while (p.advance());
      p.finish();
    }, input);
    continue;
  } else {
    const src = pool[rnd() % pool.length]!;
    input = Buffer.from(src.subarray(0, src.length - (rnd() % 3 === 0 ? rnd() % 16 : 0)));
    for (let k = 1 + (rnd() % 4); k > 0; k--) input[rnd() % input.length] = rnd() & 0xff;
  }
  const strict = (rnd() & 1) === 1;
  guard(() => {
    const f = decapsulate(input, { strict, linkType: kind === 0 ? [1, 101, 113][rnd() % 3] : 1 });
    summarizeGeneve(f.geneve);
    const again = encodeGeneve(f.geneve, f.geneve.payload);
    if (Buffer.compare(again, input.subarray(f.geneveOffset, f.geneveOffset + again.length)) !== 0)
      throw new Error('re-encode differs');
  }, input);
  const off = input.length > 42 ? 42 : 0;
  guard(() => decodeGeneve(input, off, input.length, { strict }), input);
  guard(() => view.decode(input, off, input.length, { strict }), input);
  guard(() => void summarizeInner(input.subarray(off)), input);
}
const secs = (performance.now() - t0) / 1000;
console.log(
  `${N} inputs (seed ${seed}) in ${secs.toFixed(1)} s: ${ok} decoded, ${[...codes.values()].reduce((a, b) => a + b, 0)} typed errors, ${bad} untyped`,
);
console.log(
  [...codes.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([c, n]) => `  ${c}: ${n}`)
    .join('\n'),
);
if (bad > 0) process.exit(1);
