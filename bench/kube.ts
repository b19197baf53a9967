/**
 * Kube model → NB at scale: one reconcile creating 10,000 pod ports (plus the default install:
 * ovn-cluster, join, ovn-default, their router ports, one node port) against a real ovsdb-server,
 * from an empty NB. Timed: connect + snapshot read + planning (IPAM + builders) + the one transaction,
 * with the pure phases timed separately; then the idempotent second run (read + plan, zero operations).
 *
 * In the same run, for scale: W1's floor (/work/shared/BENCH-WORKLOADS.md) — raw JSON-RPC over the
 * unix socket, pre-serialized, inserting sw0 + 10,000 LSPs (name, addresses) in one transaction — on
 * its own fresh server. The ratio is reconcile time / floor time; the reconcile writes more per port
 * (port_security, external_ids) and 3 switches, 3 router ports and a router besides.
 *
 *   npx tsx bench/kube.ts [--pods N] [--runs R]
 */
import { OvsdbClient } from '../src/ovsdb/index.js';
import { startOvsdbServer } from '../src/testing/index.js';
import {
  KUBE_NB_COLUMNS,
  KUBE_NB_TABLES,
  planReconcile,
  withDefaultSubnets,
  type KubeDesiredState,
} from '../src/kube/index.js';
import { NB_DATABASE, readNbSnapshot } from '../src/ovn-nb/index.js';
import { planIpam } from '../src/kube/index.js';
import { RawConn, rawCall } from './ovsdb-w/raw.js';
import { buildOps, DB } from './ovsdb-w/rows.js';
import { fmt, median } from './util.js';

const arg = (name: string, def: number): number => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : def;
};
const PODS = arg('--pods', 10_000);
const RUNS = arg('--runs', 5);

function desired(n: number): KubeDesiredState {
  const pods = [];
  for (let i = 0; i < n; i++)
    pods.push({ name: `pod${String(i).padStart(5, '0')}`, namespace: 'default', node: `node${i % 2}` });
  return { subnets: withDefaultSubnets(), nodes: ['node0'], pods };
}

async function reconcileRun(d: KubeDesiredState) {
  const srv = await startOvsdbServer({ schema: 'nb' });
  try {
    const t0 = performance.now();
    const nb = await OvsdbClient.connect(srv.unix);
    const snap = await readNbSnapshot(nb, KUBE_NB_TABLES, KUBE_NB_COLUMNS);
    const t1 = performance.now();
    const plan = planReconcile(d, snap, { macSeed: 1 });
    const t2 = performance.now();
    await nb.transact(NB_DATABASE, plan.operations, { validate: false }); // as reconcile() sends it
    const t3 = performance.now();
    // Second run: read back, plan, nothing to send.
    const snap2 = await readNbSnapshot(nb, KUBE_NB_TABLES, KUBE_NB_COLUMNS);
    const t4 = performance.now();
    const again = planReconcile(d, snap2, { macSeed: 1 });
    const t5 = performance.now();
    if (again.operations.length !== 0) throw new Error(`second run planned ${again.operations.length} operations`);
    const check = (
      await srv.client(
        'transact',
        JSON.stringify([NB_DATABASE, { op: 'select', table: 'Logical_Switch_Port', where: [], columns: ['name'] }]),
      )
    ).length;
    await nb.close();
    return {
      total: t3 - t0,
      read: t1 - t0,
      plan: t2 - t1,
      transact: t3 - t2,
      ops: plan.operations.length,
      reread: t4 - t3,
      replan: t5 - t4,
      check,
    };
  } finally {
    await srv.stop();
  }
}

async function floorRun(n: number): Promise<number> {
  const srv = await startOvsdbServer({ schema: 'nb' });
  try {
    const text = JSON.stringify({
      id: 1,
      method: 'transact',
      params: [DB, ...buildOps({ nbGlobal: false, sw0: true, nLsp: n, nAcl: 0, nAs: 0 })],
    });
    const t0 = performance.now();
    const conn = await RawConn.connect(srv.unix);
    await rawCall(conn, JSON.stringify({ id: 0, method: 'get_schema', params: [DB] }));
    const r = await rawCall(conn, text);
    const t = performance.now() - t0;
    if (r.error) throw new Error(JSON.stringify(r.error));
    conn.close();
    return t;
  } finally {
    await srv.stop();
  }
}

async function main(): Promise<void> {
  const d = desired(PODS);
  // Pure IPAM planning alone, for the breakdown.
  const ipamTimes: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    planIpam({ subnets: d.subnets, pods: d.pods, nodes: d.nodes!, macSeed: 1 });
    ipamTimes.push(performance.now() - t0);
  }
  const rows: Awaited<ReturnType<typeof reconcileRun>>[] = [];
  const floors: number[] = [];
  await floorRun(PODS); // warm-up
  await reconcileRun(d);
  for (let i = 0; i < RUNS; i++) {
    // Alternate the order each run (shared, noisy machine).
    if (i % 2) {
      floors.push(await floorRun(PODS));
      rows.push(await reconcileRun(d));
    } else {
      rows.push(await reconcileRun(d));
      floors.push(await floorRun(PODS));
    }
  }
  const m = (f: (r: (typeof rows)[number]) => number): string =>
    `${fmt(median(rows.map(f)), 1)} [${fmt(Math.min(...rows.map(f)), 1)}–${fmt(Math.max(...rows.map(f)), 1)}]`;
  const ratios = rows.map((r, i) => r.total / floors[i]!);
  console.log(`kube reconcile, ${PODS} pods + default install, ${RUNS} runs (median [min–max], ms)`);
  console.log(`  operations in the one transaction: ${rows[0]!.ops}`);
  console.log(`  total (connect + read + plan + transact): ${m((r) => r.total)}`);
  console.log(`    connect + snapshot read (empty NB):   ${m((r) => r.read)}`);
  console.log(`    planReconcile (IPAM + builders):      ${m((r) => r.plan)}`);
  console.log(`      of which planIpam alone:            ${fmt(median(ipamTimes), 1)}`);
  console.log(`    transact (send + server commit + reply): ${m((r) => r.transact)}`);
  console.log(`  second run: snapshot read ${m((r) => r.reread)}, plan ${m((r) => r.replan)}, 0 operations`);
  console.log(
    `  W1 floor (raw JSON-RPC, sw0 + ${PODS} LSPs, one transaction): ${fmt(median(floors), 1)} [${fmt(Math.min(...floors), 1)}–${fmt(Math.max(...floors), 1)}]`,
  );
  console.log(
    `  ratio reconcile / floor (same run, paired): ${fmt(median(ratios), 2)} [${fmt(Math.min(...ratios), 2)}–${fmt(Math.max(...ratios), 2)}]`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
