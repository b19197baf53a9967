/**
 * flow_mod encode / decode rates (OF1.3, OVN-like action list) for 1, 8 and 32 match fields, and
 * ovs-ofctl flow-text parse rate; os-ken (Debian python3-os-ken, run with /usr/bin/python3) parses
 * and serializes the very same flow_mod bytes in the same run, for the ratio.
 *
 *   npx tsx bench/openflow-flowmod.ts            (through tsx, from src/)
 *   npx tsc -p tsconfig.build.json --outDir /tmp/ovn-sdk-bench && \
 *     OF_BENCH_DIST=/tmp/ovn-sdk-bench npx tsx bench/openflow-flowmod.ts   (the compiled build, as users run it)
 *
 * Our side is measured in a worker thread. With OF_BENCH_DIST the worker gets no tsx loader
 * (`execArgv: []`), so it runs the compiled ESM exactly as `node` runs it for a user: tsx's loader
 * otherwise re-transforms every .js it loads into CommonJS with getter-based imports, which halves
 * the measured rates. Without OF_BENCH_DIST the worker loads src/*.ts through tsx's `tsImport` (a
 * worker does not inherit the main thread's tsx loader). Run from the repository root.
 * Measurement slices alternate with os-ken's (a co-process), so load drift hits both alike.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { specsFor, TEXT, WORKER } from './openflow-flowmod-cases.js';

const dist = process.env.OF_BENCH_DIST;
const base = dist ? pathToFileURL(`${dist}/`).href : new URL('../src/', import.meta.url).href;

const here = dirname(fileURLToPath(import.meta.url));

const sizes = [1, 8, 32];
const SLICE = Number(process.env.OF_BENCH_SLICE ?? 0.4); // seconds per measurement slice
const ROUNDS = Number(process.env.OF_BENCH_ROUNDS ?? 5); // alternations per case
const specs = specsFor(sizes);

const worker = new Worker(WORKER, {
  eval: true,
  workerData: { base, ts: !dist, specs, text: TEXT },
  ...(dist ? { execArgv: [] } : {}),
});
const replies: ((v: unknown) => void)[] = [];
worker.on('message', (v: unknown) => replies.shift()?.(v));
worker.on('error', (e) => {
  console.error(e);
  process.exit(1);
});
const fromWorker = <T>(): Promise<T> => new Promise((res) => replies.push(res as (v: unknown) => void));
const firstReply = fromWorker<string[]>();
const hexes = (await firstReply).slice(0, sizes.length);
async function ours(i: number, kind: 'encode' | 'decode' | 'text', secs: number): Promise<number> {
  const p = fromWorker<number>();
  worker.postMessage({ i, kind, secs });
  return p;
}
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

// os-ken as a co-process: measurement slices alternate with ours, so load drift hits both alike.
// Without python3-os-ken (`node scripts/ensure-deps.mjs --bench` installs it) only our side is measured.
const hasOsken = spawnSync('/usr/bin/python3', ['-c', 'import os_ken'], { stdio: 'ignore' }).status === 0;
if (!hasOsken) console.log('python3-os-ken is not installed: measuring this library only (no ratios)');
const py = hasOsken
  ? spawn('/usr/bin/python3', [join(here, 'python/oskenbench.py'), ...hexes], { stdio: ['pipe', 'pipe', 'inherit'] })
  : undefined;
const lines = py ? createInterface({ input: py.stdout! })[Symbol.asyncIterator]() : undefined;
const next = async (): Promise<string> => {
  const r = await lines!.next();
  if (r.done) throw new Error('os-ken co-process ended');
  return r.value;
};
const oskenInfo = py ? (JSON.parse(await next()) as { bytes: number; sameBytes: boolean }[]) : [];
async function osken(i: number, kind: 'parse' | 'serialize'): Promise<number> {
  if (!py) return NaN;
  py.stdin!.write(`${i} ${kind} ${SLICE}\n`);
  return Number(await next());
}

const load0 = loadavg()[0]!;
const rows: {
  n: number;
  bytes: number;
  enc: number;
  dec: number;
  oEnc: number;
  oDec: number;
  rEnc: number;
  rDec: number;
}[] = [];
for (const [i, n] of sizes.entries()) {
  const enc: number[] = [],
    dec: number[] = [],
    oEnc: number[] = [],
    oDec: number[] = [],
    rEnc: number[] = [],
    rDec: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const a = await ours(i, 'encode', SLICE);
    const b = await osken(i, 'serialize');
    const c = await ours(i, 'decode', SLICE);
    const d = await osken(i, 'parse');
    enc.push(a);
    oEnc.push(b);
    dec.push(c);
    oDec.push(d);
    rEnc.push(a / b);
    rDec.push(c / d);
  }
  rows.push({
    n,
    bytes: hexes[i]!.length / 2,
    enc: median(enc),
    dec: median(dec),
    oEnc: median(oEnc),
    oDec: median(oDec),
    rEnc: median(rEnc),
    rDec: median(rDec),
  });
}
py?.stdin!.end();
const textRates: number[] = [];
for (let r = 0; r < 3; r++) textRates.push(await ours(sizes.length, 'text', 1));
const textRate = median(textRates);
await worker.terminate();
const load1 = loadavg()[0]!;

const k = (x: number): string => (Number.isNaN(x) ? '—' : `${(x / 1000).toFixed(1)} k`);
const ratio = (x: number): string => (Number.isNaN(x) ? '—' : `${x.toFixed(1)}×`);
console.log(
  `node ${process.version}, ${new Date().toISOString()}, code: ${dist ? `compiled build (${dist}), worker without tsx` : 'src via tsx'}, ` +
    `1-min load average ${load0.toFixed(1)} → ${load1.toFixed(1)} on ${(await import('node:os')).cpus().length} CPUs`,
);
console.log(
  '| match fields | bytes | encode/s (here) | decode/s (here) | os-ken serialize/s | os-ken parse/s | encode ratio | decode ratio | os-ken bytes identical |',
);
console.log('|---|---|---|---|---|---|---|---|---|');
rows.forEach((o, i) => {
  console.log(
    `| ${o.n} | ${o.bytes} | ${k(o.enc)} | ${k(o.dec)} | ${k(o.oEnc)} | ${k(o.oDec)} | ${ratio(o.rEnc)} | ${ratio(o.rDec)} | ${oskenInfo[i]?.sameBytes ?? '—'} |`,
  );
});
console.log(`\nratios are medians of ${ROUNDS} alternating ${SLICE} s slices (ours, os-ken, ours, os-ken ...)`);
console.log(`flow text parse (parseFlow, OVN-like line of ${TEXT.length} chars): ${k(textRate)} lines/s`);
