/**
 * Planner benchmark: plan IP records for N pods across the seed's subnets (fresh), then re-plan from
 * those records (the restart / idempotent re-run path), then with 10 % of pods replaced.
 * Run: `npx tsx bench/ipam-planner.ts [N]` (default 10000).
 */
import { type Pod, defaultSubnets, planIpam } from '../src/kube/subnet-model.js';

const N = Number(process.argv[2] ?? 10_000);
const subnets = [
  ...defaultSubnets(),
  {
    name: 'subnet1',
    cidrBlock: '10.66.0.0/16',
    gateway: '10.66.0.1',
    excludeIps: ['10.66.0.1..10.66.0.10'],
    natOutgoing: true,
    namespaces: ['ns1'],
  },
];
const nodes = Array.from({ length: 50 }, (_, i) => `node${i}`);
const pods: Pod[] = Array.from({ length: N }, (_, i) => ({
  name: `pod${i}`,
  namespace: i % 4 === 0 ? 'ns1' : 'default',
  node: nodes[i % nodes.length]!,
}));

/** Wall time and process CPU time (user + system) in ms. */
function time<T>(fn: () => T): [T, number, number] {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const r = fn();
  const c = process.cpuUsage(c0);
  return [r, Number(process.hrtime.bigint() - t0) / 1e6, (c.user + c.system) / 1000];
}

// warm-up on a small input
planIpam({ subnets, pods: pods.slice(0, 500), nodes, macSeed: 1 });

const [fresh, freshMs, freshCpu] = time(() => planIpam({ subnets, pods, nodes, macSeed: 1 }));
const [again, againMs, againCpu] = time(() => planIpam({ subnets, pods, nodes, records: fresh.records, macSeed: 2 }));
const churned = pods.map((p, i) => (i % 10 === 0 ? { ...p, name: `${p.name}-new` } : p));
const [churn, churnMs, churnCpu] = time(() =>
  planIpam({ subnets, pods: churned, nodes, records: fresh.records, macSeed: 3 }),
);

console.log(`| plan | pods | wall | CPU | CPU per pod | allocated | released |`);
console.log(`|---|---:|---:|---:|---:|---:|---:|`);
const row = (
  name: string,
  ms: number,
  cms: number,
  p: { allocated: readonly unknown[]; released: readonly unknown[] },
) =>
  console.log(
    `| ${name} | ${N.toLocaleString('en-US')} | ${ms.toFixed(0)} ms | ${cms.toFixed(0)} ms | ${((cms * 1000) / N).toFixed(1)} µs | ${p.allocated.length} | ${p.released.length} |`,
  );
row('fresh (no records)', freshMs, freshCpu, fresh);
row('re-plan from own records (no change)', againMs, againCpu, again);
row('10 % of pods replaced', churnMs, churnCpu, churn);
console.log(
  `load average: ${(await import('node:os'))
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`,
);
console.log(`\nnode ${process.version}; ${nodes.length} nodes, 3 subnets (join, ovn-default, subnet1).`);
