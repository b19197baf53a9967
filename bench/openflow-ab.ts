/**
 * Before / after of the flow_mod hot paths on a loaded machine: two compiled builds of the library
 * (e.g. main and a branch) measured in one process, one worker each (the worker of
 * openflow-flowmod.ts, no tsx loader), in short alternating slices (A B, then B A, …), so that load
 * drift hits both alike. Prints per case the median rate of each build and the median (and range)
 * of the paired after/before ratios; checks first that both builds encode the same bytes.
 *
 *   npx tsc -p tsconfig.build.json --outDir /tmp/of-before   (on the old tree)
 *   npx tsc -p tsconfig.build.json --outDir /tmp/of-after    (on the new tree)
 *   OF_AB_BEFORE=/tmp/of-before OF_AB_AFTER=/tmp/of-after npx tsx bench/openflow-ab.ts
 *
 * OF_AB_ROUNDS (default 9) pairs per case, OF_AB_SLICE (default 0.25) seconds per slice.
 */
import { Worker } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import { loadavg } from 'node:os';
import { specsFor, TEXT, WORKER } from './openflow-flowmod-cases.js';

const before = process.env.OF_AB_BEFORE;
const after = process.env.OF_AB_AFTER;
if (!before || !after) {
  console.error('set OF_AB_BEFORE and OF_AB_AFTER to two compiled builds (tsc -p tsconfig.build.json --outDir …)');
  process.exit(2);
}
const ROUNDS = Number(process.env.OF_AB_ROUNDS ?? 9);
const SLICE = Number(process.env.OF_AB_SLICE ?? 0.25);
const sizes = [1, 8, 32];
const specs = specsFor(sizes);

interface Side {
  readonly worker: Worker;
  readonly hex: Promise<unknown>;
  rate(i: number, kind: string): Promise<number>;
}

function side(dist: string): Side {
  const worker = new Worker(WORKER, {
    eval: true,
    execArgv: [],
    workerData: { base: pathToFileURL(`${dist}/`).href, ts: false, specs, text: TEXT },
  });
  const replies: ((v: unknown) => void)[] = [];
  worker.on('message', (v: unknown) => replies.shift()?.(v));
  worker.on('error', (e) => {
    console.error(e);
    process.exit(1);
  });
  const hex = new Promise((r) => replies.push(r));
  const rate = (i: number, kind: string): Promise<number> =>
    new Promise((r) => {
      replies.push(r as (v: unknown) => void);
      worker.postMessage({ i, kind, secs: SLICE });
    });
  return { worker, hex, rate };
}

const median = (xs: readonly number[]): number => [...xs].sort((p, q) => p - q)[xs.length >> 1]!;
const k = (n: number): string => `${(n / 1000).toFixed(1)} k`;

const a = side(before);
const b = side(after);
const [ha, hb] = await Promise.all([a.hex, b.hex]);
if (JSON.stringify(ha) !== JSON.stringify(hb)) {
  console.error('the two builds encode different flow_mod bytes');
  process.exit(1);
}
console.log(
  `node ${process.version}, ${new Date().toISOString()}, 1-min load ${loadavg()[0]!.toFixed(1)} on the machine`,
);
console.log(`before ${before}, after ${after}: same flow_mod bytes; ${ROUNDS} pairs of ${SLICE} s slices per case`);
console.log('| case | before | after | after / before (median of pairs) | pairs min..max |');
console.log('|---|---|---|---|---|');
const cases: [number, string][] = [
  [0, 'encode'],
  [0, 'decode'],
  [1, 'encode'],
  [1, 'decode'],
  [2, 'encode'],
  [2, 'decode'],
  [3, 'text'],
];
for (const [i, kind] of cases) {
  const ra: number[] = [];
  const rb: number[] = [];
  const pairs: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    let x: number;
    let y: number;
    if (r % 2 === 0) {
      x = await a.rate(i, kind);
      y = await b.rate(i, kind);
    } else {
      y = await b.rate(i, kind);
      x = await a.rate(i, kind);
    }
    ra.push(x);
    rb.push(y);
    pairs.push(y / x);
  }
  const name =
    kind === 'text' ? 'parseFlow (text line)' : `${kind} flow_mod, ${sizes[i]} field${sizes[i] === 1 ? '' : 's'}`;
  console.log(
    `| ${name} | ${k(median(ra))}/s | ${k(median(rb))}/s | ${median(pairs).toFixed(2)} | ` +
      `${Math.min(...pairs).toFixed(2)}..${Math.max(...pairs).toFixed(2)} |`,
  );
}
console.log(`1-min load at the end ${loadavg()[0]!.toFixed(1)}`);
await Promise.all([a.worker.terminate(), b.worker.terminate()]);
