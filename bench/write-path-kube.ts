/**
 * Issue #13 (c): one pod add through the incremental KubeController at 10,000 existing pods, against
 * the whole-state reconcile() the same add costs otherwise (read NB, re-plan everything, one transaction).
 *
 *   npx tsx bench/write-path-kube.ts [--pods 10000] [--adds 200]
 */
import { OvsdbClient } from '../src/ovsdb/index.js';
import { startOvsdbServer } from '../src/testing/index.js';
import { NbReplica } from '../src/ovn-nb/index.js';
import { KubeController, reconcile, withDefaultSubnets, type Pod } from '../src/kube/index.js';

const arg = (k: string, d: number): number => {
  const i = process.argv.indexOf(k);
  return i > 0 ? Number(process.argv[i + 1]) : d;
};
const PODS = arg('--pods', 10_000);
const ADDS = arg('--adds', 200);
const pct = (xs: readonly number[], p: number): number =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;

const srv = await startOvsdbServer({ schema: 'nb' });
const c = await OvsdbClient.connect(srv.unix, { inactivityProbeMs: 0 });
try {
  const pods: Pod[] = Array.from({ length: PODS }, (_, i) => ({
    name: `pod${i}`,
    namespace: 'default',
    node: `node${i % 10}`,
  }));
  const nodes = Array.from({ length: 10 }, (_, i) => `node${i}`);
  const t0 = performance.now();
  await reconcile(c, { subnets: withDefaultSubnets(), pods, nodes });
  console.log(`populated ${PODS} pods with reconcile(): ${(performance.now() - t0).toFixed(0)} ms`);

  const t1 = performance.now();
  const nb = await NbReplica.start(c);
  const ctl = await KubeController.start(nb, { subnets: withDefaultSubnets() });
  console.log(`NbReplica + KubeController.start (IPAM rebuilt from NB): ${(performance.now() - t1).toFixed(0)} ms`);
  for (let i = 0; i < 10; i++) await ctl.addPod({ name: `warm${i}`, namespace: 'default', node: 'node0' });
  const lat: number[] = [];
  const w0 = performance.now();
  for (let i = 0; i < ADDS; i++) {
    const s = performance.now();
    await ctl.addPod({ name: `new${i}`, namespace: 'default', node: 'node1' });
    lat.push(performance.now() - s);
  }
  const secs = (performance.now() - w0) / 1000;
  console.log(
    `KubeController.addPod at ${PODS} pods: n=${ADDS} p50 ${pct(lat, 50).toFixed(2)} ms p99 ${pct(lat, 99).toFixed(2)} ms ${(ADDS / secs).toFixed(0)}/s`,
  );
  await nb.close();

  // The whole-state path for the same event: reconcile() with one more pod.
  const all = [
    ...pods,
    ...Array.from({ length: 10 }, (_, i) => ({ name: `warm${i}`, namespace: 'default', node: 'node0' })),
    ...Array.from({ length: ADDS }, (_, i) => ({ name: `new${i}`, namespace: 'default', node: 'node1' })),
  ];
  const rl: number[] = [];
  for (let i = 0; i < 3; i++) {
    all.push({ name: `rec${i}`, namespace: 'default', node: 'node2' });
    const s = performance.now();
    await reconcile(c, { subnets: withDefaultSubnets(), pods: all, nodes });
    rl.push(performance.now() - s);
  }
  console.log(`reconcile() for one more pod at ${all.length} pods: n=3 p50 ${pct(rl, 50).toFixed(0)} ms`);
} finally {
  await c.close();
  await srv.stop();
}
