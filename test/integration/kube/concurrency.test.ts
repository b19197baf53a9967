/**
 * Two reconcilers racing on one NB: the wait guards (root inserts, each kube-ovn switch's `_version`)
 * make the loser's transaction fail and re-plan, so nothing is duplicated and no address is handed out
 * twice.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { OvsdbClient } from '../../../src/ovsdb/index.js';
import { startOvnCentral, type OvnCentral } from '../../../src/testing/index.js';
import {
  KUBE_NB_TABLES,
  planReconcile,
  reconcile,
  recordsFromSnapshot,
  withDefaultSubnets,
  type KubeDesiredState,
} from '../../../src/kube/index.js';
import { NB_DATABASE, lspAdd, NbTxn, readNbSnapshot } from '../../../src/ovn-nb/index.js';

let central: OvnCentral;
let c1: OvsdbClient;
let c2: OvsdbClient;

beforeAll(async () => {
  central = await startOvnCentral();
  [c1, c2] = [await OvsdbClient.connect(central.nb.unix), await OvsdbClient.connect(central.nb.unix)];
});
afterAll(async () => {
  await c1?.close();
  await c2?.close();
  await central?.stop();
});

const count = async (table: string, cond: string): Promise<number> =>
  (await central.nbctl('--bare', '--columns=_uuid', 'find', table, cond)).trim().split('\n').filter(Boolean).length;

test('two reconcilers of the same desired state at once: one router, one switch each, every port once', async () => {
  const pods = Array.from({ length: 20 }, (_, i) => ({ name: `p${i}`, namespace: 'default', node: 'node1' }));
  const desired: KubeDesiredState = { subnets: withDefaultSubnets(), nodes: ['node1'], pods };
  const [a, b] = await Promise.all([reconcile(c1, desired), reconcile(c2, desired)]);
  expect(a.transactions + b.transactions).toBeGreaterThanOrEqual(1);
  expect(await count('Logical_Router', 'name=ovn-cluster')).toBe(1);
  expect(await count('Logical_Switch', 'name=ovn-default')).toBe(1);
  expect(await count('Logical_Switch', 'name=join')).toBe(1);
  const recs = recordsFromSnapshot(await readNbSnapshot(c1, KUBE_NB_TABLES));
  expect(recs).toHaveLength(21);
  expect(new Set(recs.map((r) => r.ip)).size).toBe(21);
});

test('a port added behind a plan’s back makes that plan’s transaction fail; re-planning gives a fresh address', async () => {
  const desired: KubeDesiredState = {
    subnets: withDefaultSubnets(),
    nodes: ['node1'],
    pods: [
      ...Array.from({ length: 20 }, (_, i) => ({ name: `p${i}`, namespace: 'default', node: 'node1' })),
      { name: 'new', namespace: 'default', node: 'node1' },
    ],
  };
  const stale = planReconcile(desired, await readNbSnapshot(c1, KUBE_NB_TABLES));
  const planned = stale.ipam.records.find((r) => r.name === 'new.default')!;
  // Another writer takes that very address meanwhile.
  const tx = new NbTxn(await readNbSnapshot(c2));
  lspAdd(tx, {
    switch: 'ovn-default',
    name: 'intruder.default',
    addresses: [`00:00:00:00:00:99 ${planned.ip}`],
    externalIds: { vendor: 'kube-ovn', node: 'node1', ls: 'ovn-default' },
  });
  await c2.transact(NB_DATABASE, tx.operations());
  await expect(c1.transact(NB_DATABASE, stale.operations)).rejects.toMatchObject({ code: 'OVSDB_TIMED_OUT' });
  expect(await count('Logical_Switch_Port', 'name=new.default')).toBe(0);
  // Re-planned on what NB holds now (the intruder is a pod of the desired state too): the intruder keeps
  // its address and "new" gets the next free one.
  const r = await reconcile(c1, {
    ...desired,
    pods: [...desired.pods, { name: 'intruder', namespace: 'default', node: 'node1' }],
  });
  const got = r.ipam.records.find((x) => x.name === 'new.default')!;
  expect(r.ipam.records.find((x) => x.name === 'intruder.default')!.ip).toBe(planned.ip);
  expect(got.ip).not.toBe(planned.ip);
  const recs = recordsFromSnapshot(await readNbSnapshot(c1, KUBE_NB_TABLES));
  expect(recs).toHaveLength(23);
  expect(new Set(recs.map((x) => x.ip)).size).toBe(23);
});
