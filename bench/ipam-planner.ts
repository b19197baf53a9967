/**
 * Planner benchmark: plan IP records for N pods across the seed's subnets (fresh), then re-plan from
 * those records (the restart / idempotent re-run path), then with 10 % of pods replaced.
 * Run: `npx tsx bench/ipam-planner.ts [N]` (default 10000).
 */
import { type Pod, defaultSubnets, planIpam } from '../src/kube/subnet-model.js';

const N = Number(process.argv[2] ?? 10_000);
const subnets = [
  ...defaultSubnets(),
  { name: 'subnet1', cidrBlock: '10.66.0.0/16', gateway: '10.66.0.1', excludeIps: ['10.66.0.1..10.66.0.10'], natOutgoing: true, namespaces: ['ns1'] },
];
const nodes = Array.from({ length: 50 }, (_, i) => `node${i}`);
const pods: Pod[] = Array.from({ length: N }, (_, i) => ({
  name: `pod${i}`,
  namespace: i % 4 === 0 ? 'ns1' : 'default',
  node: nodes[i % nodes.length]!,
}));

function time<T>(fn: () => T): [T, number] {
  const t0 = process.hrtime.bigint();
  const r = fn();
  return [r, Number(process.hrtime.bigint() - t0) / 1e6];
}

// warm-up on a small input
planIpam({ subnets, pods: pods.slice(0, 500), nodes, macSeed: 1 });

const [fresh, freshMs] = time(() => planIpam({ subnets, pods, nodes, macSeed: 1 }));
const [again, againMs] = time(() => planIpam({ subnets, pods, nodes, records: fresh.records, macSeed: 2 }));
const churned = pods.map((p, i) => (i % 10 === 0 ? { ...p, name: `${p.name}-new` } : p));
const [churn, churnMs] = time(() => planIpam({ subnets, pods: churned, nodes, records: fresh.records, macSeed: 3 }));

console.log(`| plan | pods | time | per pod | allocated | released |`);
console.log(`|---|---:|---:|---:|---:|---:|`);
const row = (name: string, ms: number, p: { allocated: readonly unknown[]; released: readonly unknown[] }) =>
  console.log(`| ${name} | ${N.toLocaleString('en-US')} | ${ms.toFixed(0)} ms | ${((ms * 1000) / N).toFixed(1)} µs | ${p.allocated.length} | ${p.released.length} |`);
row('fresh (no records)', freshMs, fresh);
row('re-plan from own records (no change)', againMs, again);
row('10 % of pods replaced', churnMs, churn);
console.log(`\nnode ${process.version}; ${nodes.length} nodes, 3 subnets (join, ovn-default, subnet1).`);
