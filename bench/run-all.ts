/**
 * `npm run bench`: runs every benchmark in turn, each in its own process (so one's memory and JIT state
 * do not colour the next), printing its output. Each writes its own figures; BENCHMARKS.md is assembled
 * from bench/RESULTS-*.md by `npm run docs`. Pass names to run a subset: `npm run bench -- geneve ipam`.
 * The long fuzz runs are not part of this (run them by hand: fuzz/geneve.ts, fuzz/openflow-flow.ts).
 */
import { spawnSync } from 'node:child_process';

const all: [name: string, cmd: string, args: string[]][] = [
  ['jsonrpc', 'npx', ['tsx', 'bench/jsonrpc-splitter.ts']],
  ['jsonrpc-large', 'npx', ['tsx', 'bench/jsonrpc-large.ts']],
  ['harness', 'npx', ['tsx', 'bench/harness-startup.ts']],
  ['ovsdb-w', 'npx', ['tsx', 'bench/ovsdb-w/run.ts']],
  ['cache', 'npx', ['tsx', 'bench/cache-w3.ts']],
  ['cache-updates', 'npx', ['tsx', 'bench/cache-updates.ts']],
  ['reliability', 'npx', ['tsx', 'bench/reliability.ts']],
  ['reliability-ops', 'npx', ['tsx', 'bench/reliability-ops.ts']],
  ['reliability-faults', 'npx', ['tsx', 'bench/reliability-faults.ts']],
  ['typecheck', 'node', ['bench/typecheck-cost.mjs']],
  ['ipam', 'npx', ['tsx', 'bench/ipam.ts']],
  ['ipam-planner', 'npx', ['tsx', 'bench/ipam-planner.ts']],
  ['kube', 'npx', ['tsx', 'bench/kube.ts']],
  ['geneve', 'npx', ['tsx', 'bench/geneve.ts']],
  ['openflow-flow', 'npx', ['tsx', 'bench/openflow-flowmod.ts']],
  ['openflow-msg', 'npx', ['tsx', 'bench/openflow-msg.ts']],
];

const wanted = process.argv.slice(2);
let failed = 0;
for (const [name, cmd, args] of all) {
  if (wanted.length && !wanted.includes(name)) continue;
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) {
    failed++;
    console.log(`=== ${name} exited with ${r.status}`);
  }
}
process.exitCode = failed ? 1 : 0;
