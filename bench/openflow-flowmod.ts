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
import type { MatchField } from '../src/openflow/match/index.js';
import type { Action } from '../src/openflow/actions/index.js';

const dist = process.env.OF_BENCH_DIST;
const base = dist ? pathToFileURL(`${dist}/`).href : new URL('../src/', import.meta.url).href;

const here = dirname(fileURLToPath(import.meta.url));
const u16 = (n: number): Uint8Array => Uint8Array.of(n >> 8, n & 0xff);
const u32 = (n: number): Uint8Array => Uint8Array.of(n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff);
const u64 = (n: number): Uint8Array => Uint8Array.of(0, 0, 0, 0, ...u32(n));

/** 32 fields os-ken knows too, in prerequisite order; the first N are used. */
const ALL_FIELDS: MatchField[] = [
  { field: 'in_port_oxm', value: u32(7) },
  { field: 'metadata', value: u64(0x5) },
  { field: 'eth_type', value: u16(0x0800) },
  { field: 'nw_proto', value: Uint8Array.of(6) },
  { field: 'ip_src', value: Uint8Array.of(10, 244, 0, 5) },
  { field: 'ip_dst', value: Uint8Array.of(10, 96, 0, 0), mask: Uint8Array.of(255, 255, 0, 0) },
  { field: 'tcp_dst', value: u16(443) },
  { field: 'reg0', value: u32(0x10), mask: u32(0x10) },
  { field: 'tun_id', value: u64(0x2a) },
  { field: 'eth_src', value: Uint8Array.of(0x0a, 0x58, 0x0a, 0xf4, 0, 5) },
  { field: 'eth_dst', value: Uint8Array.of(0x0a, 0x58, 0x0a, 0xf4, 0, 1) },
  { field: 'tcp_src', value: u16(0x8000), mask: u16(0x8000) },
  { field: 'ip_dscp', value: Uint8Array.of(10) },
  { field: 'ct_state', value: u32(0x22), mask: u32(0x2f) },
  { field: 'ct_zone', value: u16(5) },
  { field: 'ct_mark', value: u32(1), mask: u32(1) },
  { field: 'pkt_mark', value: u32(0x100) },
  ...Array.from({ length: 15 }, (_, i): MatchField => ({ field: `reg${i + 1}`, value: u32(i * 0x1111) })),
];

/** An OVN-like action list: register writes, ct with zone from a register and nat, resubmit, output. */
const ACTIONS: Action[] = [
  { type: 'setField', field: { field: 'reg0', value: u32(3) } },
  { type: 'regLoad', dst: { field: 'reg10', ofs: 6, nBits: 1 }, value: 1n },
  { type: 'regMove', src: { field: 'reg14', ofs: 0, nBits: 16 }, dst: { field: 'reg15', ofs: 0, nBits: 16 } },
  {
    type: 'ct',
    commit: true,
    force: false,
    zoneSrc: { field: 'reg13', ofs: 0, nBits: 16 },
    table: 12,
    actions: [{ type: 'nat', kind: 'dst', ipMin: '10.244.0.9', protoMin: 6443, flags: [] }],
  },
  { type: 'resubmit', inPort: 0xfff8, table: 37 },
  { type: 'output', port: 3, maxLen: 0 },
];

const TEXT =
  'table=14,priority=120,ct_state=+new+trk,tcp,reg0=0x10/0x10,metadata=0x5,nw_dst=10.96.0.1,tp_dst=443 ' +
  'actions=set_field:0x3->reg0,load:0x1->NXM_NX_REG10[6],move:NXM_NX_REG14[0..15]->NXM_NX_REG15[0..15],' +
  'ct(commit,table=12,zone=NXM_NX_REG13[0..15],nat(dst=10.244.0.9:6443)),resubmit(,37),output:3';

const sizes = [1, 8, 32];
const SLICE = Number(process.env.OF_BENCH_SLICE ?? 0.4); // seconds per measurement slice
const ROUNDS = Number(process.env.OF_BENCH_ROUNDS ?? 5); // alternations per case
const specs = sizes.map((n) => ({
  table: 14,
  priority: 120,
  match: ALL_FIELDS.slice(0, n),
  instructions: [{ type: 'applyActions', actions: ACTIONS }],
}));

/**
 * Our side, as plain JavaScript for the worker: builds each flow_mod with the public
 * flowModFromSpec, then answers { i, kind, secs } with the rate of encodeMessage(flowMod) or
 * decodeMessage(bytes) (or parseFlow of the text line) over that many seconds.
 */
const WORKER = `
import { parentPort, workerData } from 'node:worker_threads';
const { base, ts, specs, text } = workerData;
// From src/ the worker loads the .ts files through tsx's API: a worker does not inherit the tsx
// loader of the main thread, so a plain import of src/*.js fails there.
const tsx = ts ? await import('tsx/esm/api') : undefined;
const load = (p) => (tsx ? tsx.tsImport(base + p.replace(/[.]js$/, '.ts'), base) : import(base + p));
const { decodeMessage, encodeMessage, flowModFromSpec } = await load('openflow/messages/index.js');
const { parseFlow } = await load('openflow/text/index.js');
let sink = 0;
const fns = specs.map((spec) => {
  const fm = flowModFromSpec(spec, 0x04);
  const bytes = encodeMessage(fm);
  return { bytes, encode: () => { sink += encodeMessage(fm).length; }, decode: () => { sink += decodeMessage(bytes).priority; } };
});
fns.push({ bytes: new Uint8Array(0), text: () => { if (parseFlow(text, 0x04) === null) sink++; } });
for (const f of fns) for (let w = 0; w < 20000; w++) { f.encode?.(); f.decode?.(); }
for (let w = 0; w < 2000; w++) fns[fns.length - 1].text();
function rateFor(fn, secs) {
  let n = 0;
  const t0 = performance.now();
  let t = t0;
  while (t - t0 < secs * 1000) {
    for (let i = 0; i < 200; i++) fn();
    n += 200;
    t = performance.now();
  }
  return (n * 1000) / (t - t0);
}
parentPort.on('message', ({ i, kind, secs }) => parentPort.postMessage(rateFor(fns[i][kind], secs)));
parentPort.postMessage(fns.map((f) => Buffer.from(f.bytes).toString('hex')));
if (sink === -1) console.log(sink);
`;
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
