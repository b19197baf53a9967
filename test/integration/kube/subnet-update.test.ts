/**
 * Subnet updates in place on real OVN (NB + SB + ovn-northd), with Kube-OVN's guards (issue #18 item 2):
 * pkg/webhook/subnet.go SubnetUpdateHook refuses a gateway change while IPs are in use; growing excludeIps
 * over a used IP keeps that pod (pkg/ipam/subnet.go GetStaticAddress grants reserved addresses, and
 * calcSubnetStatusIP no longer counts it); with no IPs in use the gateway moves and northd follows.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { OvsdbClient } from '../../../src/ovsdb/index.js';
import { startOvnCentral, type OvnCentral } from '../../../src/testing/index.js';
import {
  reconcile,
  subnetRow,
  withDefaultSubnets,
  type KubeDesiredState,
  type SubnetInput,
} from '../../../src/kube/index.js';
import { readSbView } from '../../../src/ovn-sb/index.js';

const NET: SubnetInput = { name: 'net1', cidrBlock: '10.90.0.0/24', namespaces: ['ns1'] };
const desired = (net: SubnetInput, pods = ['p1', 'p2', 'p3']): KubeDesiredState => ({
  subnets: withDefaultSubnets([net]),
  pods: pods.map((name) => ({ name, namespace: 'ns1', node: 'node1' })),
});

let central: OvnCentral;
let nb: OvsdbClient;
const dump = async (): Promise<string> =>
  (await central.nb.client('dump', 'OVN_Northbound')).replace(/_version\s+\S+/g, '');

beforeAll(async () => {
  central = await startOvnCentral();
  nb = await OvsdbClient.connect(central.nb.unix);
});
afterAll(async () => {
  await nb?.close();
  await central?.stop();
});

describe('subnet updates in place', () => {
  test('pods get .2 .3 .4; a gateway change while they are there is refused and NB is unchanged', async () => {
    const r = await reconcile(nb, desired(NET), { macSeed: 4 });
    expect(r.ipam.records.map((x) => x.ip)).toEqual(['10.90.0.2', '10.90.0.3', '10.90.0.4']);
    const before = await dump();
    await expect(reconcile(nb, desired({ ...NET, gateway: '10.90.0.254' }))).rejects.toMatchObject({
      code: 'KUBE_SUBNET_GATEWAY_IN_USE',
      subnet: 'net1',
      value: '10.90.0.254',
      current: '10.90.0.1',
      ports: ['p1.ns1', 'p2.ns1', 'p3.ns1'],
    });
    expect(await dump()).toBe(before);
  });

  test('growing excludeIps over a used IP keeps that pod; it is no longer counted as used', async () => {
    const grown = { ...NET, excludeIps: ['10.90.0.1..10.90.0.3'] };
    const r = await reconcile(nb, desired(grown));
    expect(r.ipam.records.map((x) => x.ip)).toEqual(['10.90.0.2', '10.90.0.3', '10.90.0.4']);
    const s = r.ipam.subnets.find((x) => x.name === 'net1')!;
    expect(subnetRow(s, r.ipam.usage.get('net1')).slice(9, 14)).toEqual([
      '1',
      String(254 - 3 - 1),
      '0',
      '0',
      '["10.90.0.1..10.90.0.3"]',
    ]);
    expect((await central.nbctl('get', 'Logical_Switch', 'net1', 'other_config:exclude_ips')).trim()).toBe(
      '"10.90.0.1..10.90.0.3"',
    );
    // A new pod skips the excluded range and the used .4.
    const more = await reconcile(nb, desired(grown, ['p1', 'p2', 'p3', 'p4']));
    expect(more.ipam.records.find((x) => x.name === 'p4.ns1')!.ip).toBe('10.90.0.5');
  });

  test('with no IPs in use the gateway moves; the router port and northd follow', async () => {
    await reconcile(nb, desired(NET, []));
    const r = await reconcile(nb, desired({ ...NET, gateway: '10.90.0.254' }, []));
    expect(r.transactions).toBe(1);
    expect((await central.nbctl('get', 'Logical_Router_Port', 'ovn-cluster-net1', 'networks')).trim()).toBe(
      '["10.90.0.254/24"]',
    );
    await central.nbctl('--wait=sb', 'sync');
    const sb = await OvsdbClient.connect(central.sb.unix);
    try {
      const view = await readSbView(sb);
      const pb = view.port('ovn-cluster-net1');
      expect(pb).toBeDefined();
    } finally {
      await sb.close();
    }
    const lflows = await central.sbctl('lflow-list', 'ovn-cluster');
    expect(lflows).toContain('10.90.0.254');
  });
});
