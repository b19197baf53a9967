/**
 * Named IPPools on real OVN (NB + SB + ovn-northd + ovn-trace), issue #18 item 2. Kube-OVN v1.12
 * (pkg/ipam/subnet.go AddOrUpdateIPPool, pkg/controller/namespace.go, pod.go acquireAddress): the pods of a
 * pool's namespaces take the pool's addresses, other pods of the subnet never get one; the ports carry those
 * addresses and northd delivers between a pool pod and an outside pod. Bad pools leave NB unchanged.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { OvsdbClient } from '../../../src/ovsdb/index.js';
import { run, startOvnCentral, type OvnCentral } from '../../../src/testing/index.js';
import {
  reconcile,
  renderIpPoolTable,
  withDefaultSubnets,
  type KubeDesiredState,
  type KubeIpPool,
  type Pod,
} from '../../../src/kube/index.js';

const POOLS: KubeIpPool[] = [{ name: 'web-pool', subnet: 'apps', ips: ['10.96.5.2..10.96.5.4'], namespaces: ['web'] }];
const pod = (name: string, namespace: string): Pod => ({ name, namespace, node: 'node1' });
const desired = (pods: Pod[], ippools: KubeIpPool[] = POOLS): KubeDesiredState => ({
  subnets: withDefaultSubnets([{ name: 'apps', cidrBlock: '10.96.5.0/24', namespaces: ['web', 'db'] }]),
  pods,
  ippools,
});

let central: OvnCentral;
let nb: OvsdbClient;

beforeAll(async () => {
  central = await startOvnCentral();
  nb = await OvsdbClient.connect(central.nb.unix);
});
afterAll(async () => {
  await nb?.close();
  await central?.stop();
});

describe('IPPool resources', () => {
  test('pool pods get pool addresses, an outside pod does not; northd delivers between them', async () => {
    const r = await reconcile(nb, desired([pod('db-1', 'db'), pod('web-1', 'web'), pod('web-2', 'web')]), {
      macSeed: 4,
    });
    const rec = (n: string) => r.ipam.records.find((x) => x.name === n)!;
    expect(rec('db-1.db').ip).toBe('10.96.5.5');
    expect([rec('web-1.web').ip, rec('web-2.web').ip]).toEqual(['10.96.5.2', '10.96.5.3']);
    expect((await central.nbctl('get', 'Logical_Switch_Port', 'web-1.web', 'addresses')).trim()).toBe(
      `["${rec('web-1.web').mac} 10.96.5.2"]`,
    );
    expect(renderIpPoolTable(POOLS, r.ipam.ippools)).toContain('web-pool   apps     ["10.96.5.2..10.96.5.4"]   2 ');
    await central.nbctl('--wait=sb', 'sync');
    const w = rec('web-1.web');
    const d = rec('db-1.db');
    const flow = `inport == "web-1.web" && eth.src == ${w.mac} && eth.dst == ${d.mac} && ip4.src == ${w.ip} && ip4.dst == ${d.ip} && ip.ttl == 64 && icmp4`;
    const out = (await run('ovn-trace', [`--db=${central.sb.unix}`, '--minimal', 'apps', flow])).stdout;
    expect([...out.matchAll(/output\("([^"]+)"\)/g)].map((m) => m[1])).toEqual(['db-1.db']);
  });

  test('after a restart the pool is rebuilt from NB: nothing to write, a new outside pod still skips the pool', async () => {
    const c2 = await OvsdbClient.connect(central.nb.unix);
    try {
      const same = await reconcile(c2, desired([pod('db-1', 'db'), pod('web-1', 'web'), pod('web-2', 'web')]));
      expect(same.transactions).toBe(0);
      const more = await reconcile(
        c2,
        desired([pod('db-1', 'db'), pod('web-1', 'web'), pod('web-2', 'web'), pod('db-2', 'db'), pod('web-3', 'web')]),
      );
      expect(more.ipam.records.find((x) => x.name === 'db-2.db')!.ip).toBe('10.96.5.6');
      expect(more.ipam.records.find((x) => x.name === 'web-3.web')!.ip).toBe('10.96.5.4');
      expect(more.ipam.ippools.get('web-pool')).toMatchObject({ v4Used: 3n, v4Available: 0n });
    } finally {
      await c2.close();
    }
  });

  test('bad pools and a full pool: typed errors, NB unchanged', async () => {
    const before = await central.nb.client('dump', 'OVN_Northbound');
    const base = [pod('db-1', 'db'), pod('web-1', 'web'), pod('web-2', 'web'), pod('db-2', 'db'), pod('web-3', 'web')];
    const cases: [KubeDesiredState, Record<string, unknown>][] = [
      [desired([...base, pod('web-4', 'web')]), { code: 'KUBE_IP_POOL_EXHAUSTED', pod: 'web-4.web' }],
      [
        desired(base, [{ ...POOLS[0]!, ips: ['10.96.5.300'] }]),
        { code: 'KUBE_IP_POOL_INVALID_FIELD', field: 'ips[0]' },
      ],
      [
        desired(base, [...POOLS, { name: 'p2', subnet: 'apps', ips: ['10.96.5.0/30'] }]),
        { code: 'KUBE_IP_POOL_OVERLAP', pool: 'p2', other: 'web-pool' },
      ],
      [desired([...base, { ...pod('x', 'db'), ipPool: 'nope' }]), { code: 'KUBE_UNKNOWN_IP_POOL', field: 'ipPool' }],
    ];
    for (const [state, err] of cases)
      await expect(reconcile(nb, state), JSON.stringify(err)).rejects.toMatchObject(err);
    expect(await central.nb.client('dump', 'OVN_Northbound')).toBe(before);
  });
});
