/**
 * `wait: 'hv'` on the 2-node data plane (src/testing startTopology): the transaction bumps nb_cfg and
 * resolves once every chassis' ovn-controller has applied it (NB_Global.hv_cfg); with one
 * ovn-controller paused it fails with NB_WAIT_TIMEOUT naming the hypervisors as what lags. Also
 * `wait: 'sb'` with ovn-northd paused.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { OvsdbClient } from '../../../src/ovsdb/index.js';
import { startTopology, type Topology } from '../../../src/testing/topology.js';
import { NbReplica, lsAdd, lspAdd } from '../../../src/ovn-nb/index.js';

let topo: Topology;
let client: OvsdbClient;
let nb: NbReplica;
beforeAll(async () => {
  topo = await startTopology();
  client = await OvsdbClient.connect(topo.central.nb.unix);
  nb = await NbReplica.start(client);
}, 90_000);
afterAll(async () => {
  await nb?.close();
  await client?.close();
  await topo?.stop();
}, 60_000);

const chassisCfg = async (): Promise<number[]> =>
  (await topo.central.sbctl('--bare', '--columns=nb_cfg', 'list', 'Chassis_Private'))
    .split('\n')
    .filter(Boolean)
    .map(Number);

test('wait: "hv" resolves when every chassis has applied the change', async () => {
  const c = await nb.transact(
    (tx) => {
      lsAdd(tx, { name: 'sw0' });
      lspAdd(tx, { switch: 'sw0', name: 'pod1.default', addresses: ['00:00:00:aa:0d:31 10.16.0.8'] });
    },
    { wait: 'hv', waitTimeoutMs: 30_000 },
  );
  expect(c.nbCfg).toBeGreaterThan(0);
  expect(nb.cfg()!.hv).toBeGreaterThanOrEqual(c.nbCfg!);
  const per = await chassisCfg();
  expect(per).toHaveLength(2);
  for (const v of per) expect(v).toBeGreaterThanOrEqual(c.nbCfg!);
}, 60_000);

test('one ovn-controller paused: NB_WAIT_TIMEOUT names the hypervisors; the write itself committed', async () => {
  const pid = Number(readFileSync(join(topo.node('node2').vswitch.dir, 'ovn-controller.pid'), 'utf8').trim());
  process.kill(pid, 'SIGSTOP');
  try {
    const err = await nb
      .transact((tx) => lspAdd(tx, { switch: 'sw0', name: 'pod2.default' }), { wait: 'hv', waitTimeoutMs: 1500 })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'NB_WAIT_TIMEOUT', lagging: 'hv' });
    expect((err as { current: number; target: number }).current).toBeLessThan((err as { target: number }).target);
    expect(nb.cache.table('Logical_Switch_Port').index('name').get('pod2.default')).toBeDefined();
  } finally {
    process.kill(pid, 'SIGCONT');
  }
  // Once resumed it catches up: waitFor on the current nb_cfg resolves.
  await nb.waitFor('hv', undefined, 30_000);
}, 60_000);

test('ovn-northd paused: wait "sb" fails with NB_WAIT_TIMEOUT lagging "sb"', async () => {
  const pid = topo.central.northd.pid;
  process.kill(pid, 'SIGSTOP');
  try {
    await expect(
      nb.transact((tx) => lspAdd(tx, { switch: 'sw0', name: 'pod3.default' }), { wait: 'sb', waitTimeoutMs: 1000 }),
    ).rejects.toMatchObject({ code: 'NB_WAIT_TIMEOUT', lagging: 'sb' });
  } finally {
    process.kill(pid, 'SIGCONT');
  }
  await nb.waitFor('sb', undefined, 30_000);
}, 60_000);
