/**
 * IPAM benchmark: allocate and release every address of a /16 with a realistic exclude list, and 1M
 * addresses of a /64. Reports allocations/s, releases/s, and heap per subnet (fresh, full, after
 * release). Run: `npx tsx bench/ipam.ts` (add `--quick` for a smaller /64 run).
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { SubnetAllocator, type SubnetSpec } from '../src/ipam/index.js';
import { xorshift32 } from '../src/testing/random.js';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

function heap(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

function now(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** Process CPU time (user + system) in ms: on a shared, loaded machine this is the fairer clock. */
function cpu(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Deterministic shuffle (xorshift) so runs are comparable. */
function shuffled<T>(xs: T[], seed = 12345): T[] {
  const a = [...xs];
  const next = xorshift32(seed);
  for (let i = a.length - 1; i > 0; i--) {
    const j = next() % (i + 1);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

const kib = (b: number) => `${(b / 1024).toFixed(1)} KiB`;
const mib = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MiB`;
const rate = (n: number, ms: number) => `${Math.round((n / ms) * 1000).toLocaleString('en-US')}/s`;

interface Row {
  case: string;
  n: number;
  allocMs: number;
  releaseMs: number;
  allocCpuMs: number;
  releaseCpuMs: number;
  freshBytes: number;
  fullBytes: number;
  afterReleaseBytes: number;
  runsFull: number;
  runsAfterRelease: number;
}

function run(
  label: string,
  spec: SubnetSpec,
  n: number | 'all',
  opts: { macs: boolean; releaseOrder: 'shuffled' | 'ascending' },
): Row {
  const h0 = heap();
  let a: SubnetAllocator | undefined = new SubnetAllocator(spec, { generateMacs: opts.macs, macSeed: 1 });
  const freshBytes = heap() - h0;

  const owners: string[] = [];
  const c0 = cpu();
  const t0 = now();
  if (n === 'all') {
    for (let i = 0; ; i++) {
      const o = `pod-${i}.default`;
      try {
        a.allocate(o);
      } catch {
        break;
      }
      owners.push(o);
    }
  } else {
    for (let i = 0; i < n; i++) {
      const o = `pod-${i}.default`;
      a.allocate(o);
      owners.push(o);
    }
  }
  const allocMs = now() - t0;
  const allocCpuMs = cpu() - c0;
  const runsFull = a.freeRunCount().v4 + a.freeRunCount().v6;
  // Heap held by the allocator alone: owner names are kept by the benchmark's own array too, so they
  // are counted once below (the allocator's map keys are the same strings).
  const fullBytes = heap() - h0;

  const order = opts.releaseOrder === 'shuffled' ? shuffled(owners) : owners;
  const c1 = cpu();
  const t1 = now();
  for (const o of order) a.release(o);
  const releaseMs = now() - t1;
  const releaseCpuMs = cpu() - c1;
  const runsAfterRelease = a.freeRunCount().v4 + a.freeRunCount().v6;
  order.length = 0;
  owners.length = 0;
  const afterReleaseBytes = heap() - h0;
  const row: Row = {
    case: label,
    n: runsFull >= 0 ? (n === 'all' ? Number(a.usage().v4Available + a.usage().v6Available) : n) : 0,
    allocMs,
    releaseMs,
    allocCpuMs,
    releaseCpuMs,
    freshBytes,
    fullBytes,
    afterReleaseBytes,
    runsFull,
    runsAfterRelease,
  };
  a = undefined;
  return row;
}

const quick = process.argv.includes('--quick');
const N64 = quick ? 100_000 : 1_000_000;

// A /16 with an exclude list like a real cluster's: gateway, a block of reserved infrastructure
// addresses, a /24 handed to something else, and the top of the range.
const SIXTEEN: SubnetSpec = {
  cidr: '10.16.0.0/16',
  gateway: '10.16.0.1',
  excludeIps: ['10.16.0.1..10.16.0.20', '10.16.100.0..10.16.100.255', '10.16.255.200..10.16.255.254', '10.16.7.7'],
};
const SIXTY_FOUR: SubnetSpec = {
  cidr: 'fd00:10:16::/64',
  excludeIps: ['fd00:10:16::1..fd00:10:16::ff', 'fd00:10:16::ffff'],
};

// Memory of a fresh subnet, averaged over many so noise cancels out.
{
  const perSubnet = (spec: SubnetSpec): number => {
    let keep: SubnetAllocator[] = [];
    for (let i = 0; i < 50; i++) keep.push(new SubnetAllocator(spec, { macSeed: i })); // warm
    keep = [];
    const h = heap();
    for (let i = 0; i < 2000; i++) keep.push(new SubnetAllocator(spec, { macSeed: i }));
    const bytes = (heap() - h) / keep.length;
    keep.length = 0;
    return bytes;
  };
  const per16 = perSubnet(SIXTEEN);
  const per64 = perSubnet(SIXTY_FOUR);
  const perDual = perSubnet({ cidr: '10.16.0.0/16,fd00:10:16::/64' });
  console.log(
    `fresh subnet heap (mean of 2000): /16 with excludes ${Math.round(per16)} B, /64 with excludes ${Math.round(per64)} B, dual /16+/64 ${Math.round(perDual)} B`,
  );
}

// Warm-up: one full /16 pass (with and without MACs, both families) so the JIT has compiled the hot
// paths before anything is measured.
run('warm-up', SIXTEEN, 'all', { macs: true, releaseOrder: 'shuffled' });
run('warm-up', SIXTY_FOUR, 50_000, { macs: false, releaseOrder: 'shuffled' });

const rows: Row[] = [];
const sixteenUsable = (() => {
  const s = new SubnetAllocator(SIXTEEN, { generateMacs: false });
  return Number(s.usage().v4Available);
})();
for (const macs of [true, false]) {
  const r = run(`/16 every address, ${macs ? 'with' : 'no'} MACs, shuffled release`, SIXTEEN, 'all', {
    macs,
    releaseOrder: 'shuffled',
  });
  rows.push({ ...r, n: sixteenUsable });
}
rows.push({
  ...run('/16 every address, with MACs, ascending release', SIXTEEN, 'all', { macs: true, releaseOrder: 'ascending' }),
  n: sixteenUsable,
});
rows.push(
  run(`/64 ${N64.toLocaleString('en-US')} addresses, with MACs, shuffled release`, SIXTY_FOUR, N64, {
    macs: true,
    releaseOrder: 'shuffled',
  }),
);
rows.push(
  run(`/64 ${N64.toLocaleString('en-US')} addresses, no MACs, ascending release`, SIXTY_FOUR, N64, {
    macs: false,
    releaseOrder: 'ascending',
  }),
);

// Restore after restart: the /16 full of records.
{
  const s = new SubnetAllocator(SIXTEEN, { macSeed: 3 });
  for (;;) {
    try {
      s.allocate(`pod-${s.size}.default`);
    } catch {
      break;
    }
  }
  const recs = shuffled([...s.allocations()].map((a) => ({ name: a.owner, ip: a.ip, mac: a.mac })));
  const c0 = cpu();
  const t0 = now();
  const r = new SubnetAllocator(SIXTEEN, { macSeed: 3 });
  r.restore(recs);
  const ms = now() - t0;
  const cms = cpu() - c0;
  console.log(
    `restore ${recs.length} records into a /16 (shuffled): wall ${ms.toFixed(0)} ms (${rate(recs.length, ms)}), CPU ${cms.toFixed(0)} ms (${rate(recs.length, cms)} per CPU-second), free runs after: ${r.freeRunCount().v4}`,
  );
}

console.log('');
console.log(
  '| case | addresses | alloc/s wall | alloc/s CPU | release/s wall | release/s CPU | heap full | per allocation | heap after release | free runs full → released |',
);
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(
    `| ${r.case} | ${r.n.toLocaleString('en-US')} | ${rate(r.n, r.allocMs)} | ${rate(r.n, r.allocCpuMs)} | ${rate(r.n, r.releaseMs)} | ${rate(r.n, r.releaseCpuMs)} | ${r.fullBytes > 8 * 1024 * 1024 ? mib(r.fullBytes) : kib(r.fullBytes)} | ${Math.round(r.fullBytes / r.n)} B | ${kib(r.afterReleaseBytes)} | ${r.runsFull} → ${r.runsAfterRelease} |`,
  );
}
console.log('');
console.log(
  `node ${process.version}, ${process.arch}; "per allocation" includes the owner-name string kept by the benchmark.`,
);
console.log(
  `load average at end: ${(await import('node:os'))
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')} (${(await import('node:os')).cpus().length} CPUs)`,
);
