/**
 * Underlay VLAN subnets and u2o interconnection on real OVN (NB + SB + ovn-northd + ovn-trace), issue #18
 * item 2. Kube-OVN v1.12.9:
 * - pkg/controller/subnet.go reconcileVlan → pkg/ovs CreateLocalnetLogicalSwitchPort: `localnet.<subnet>`,
 *   type localnet, addresses unknown, options:network_name = the Vlan's provider, tag = the Vlan id;
 * - handleAddOrUpdateSubnet: needRouter = vlan == "" || logicalGateway || u2o; reconcileOvnDefaultVpcRoute
 *   deletes `<subnet>-ovn-cluster` / `ovn-cluster-<subnet>` of an underlay subnet without u2o;
 * - reconcileU2OInterconnectionIP: the u2o address (`u2o-interconnection.<vpc>.<subnet>`) is the one written
 *   or the next free one; the router port carries it; addPolicyRouteForU2OInterconn: policies 29400 / 31000
 *   / 29000 and the `<subnet>.u2o_exclude_ip.ip4` address set of node addresses.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { OvsdbClient } from '../../../src/ovsdb/index.js';
import { run, startOvnCentral, type OvnCentral } from '../../../src/testing/index.js';
import {
  reconcile,
  renderSubnetTable,
  withDefaultSubnets,
  type IpRecord,
  type KubeDesiredState,
  type SubnetInput,
} from '../../../src/kube/index.js';

const VLAN = { name: 'vlan10', id: 10, provider: 'provider1' };
const underlay = (extra: Partial<SubnetInput> = {}): SubnetInput => ({
  name: 'vlan-net',
  cidrBlock: '172.17.0.0/24',
  gateway: '172.17.0.1',
  vlan: 'vlan10',
  namespaces: ['under'],
  ...extra,
});
const desired = (extra: Partial<SubnetInput> = {}, vlans = [VLAN]): KubeDesiredState => ({
  subnets: withDefaultSubnets([underlay(extra)]),
  pods: [
    { name: 'u1', namespace: 'under', node: 'node1' },
    { name: 'o1', namespace: 'default', node: 'node1' },
  ],
  nodes: ['node1'],
  vlans,
  nodeAddresses: { node1: ['192.168.0.11'] },
});

let central: OvnCentral;
let nb: OvsdbClient;
let records: IpRecord[] = [];
const rec = (name: string) => records.find((r) => r.name === name)!;
const get = async (...args: string[]) => (await central.nbctl('get', ...args)).trim();
const nbFind = async (table: string, ...conds: string[]) =>
  (await central.nbctl('--bare', '--columns=_uuid', 'find', table, ...conds)).trim().split('\n').filter(Boolean);
async function trace(datapath: string, flow: string): Promise<string> {
  await central.nbctl('--wait=sb', 'sync');
  return (await run('ovn-trace', [`--db=${central.sb.unix}`, datapath, flow])).stdout;
}
const datapaths = (out: string) => [
  ...new Set([...out.matchAll(/^(?:ingress|egress)\(dp="([^"]+)"/gm)].map((m) => m[1])),
];

beforeAll(async () => {
  central = await startOvnCentral();
  nb = await OvsdbClient.connect(central.nb.unix);
});
afterAll(async () => {
  await nb?.close();
  await central?.stop();
});

describe('underlay VLAN subnet', () => {
  test('localnet port with the provider network and tag; no VPC router port', async () => {
    const r = await reconcile(nb, desired(), { macSeed: 3 });
    records = [...r.ipam.records];
    expect(rec('u1.under').ip).toBe('172.17.0.2');
    expect(await get('Logical_Switch_Port', 'localnet.vlan-net', 'type')).toBe('localnet');
    expect(await get('Logical_Switch_Port', 'localnet.vlan-net', 'addresses')).toBe('[unknown]');
    expect(await get('Logical_Switch_Port', 'localnet.vlan-net', 'options:network_name')).toBe('provider1');
    expect(await get('Logical_Switch_Port', 'localnet.vlan-net', 'tag')).toBe('10');
    expect(await get('Logical_Switch_Port', 'localnet.vlan-net', 'external_ids')).toBe(
      '{ls=vlan-net, vendor=kube-ovn}',
    );
    expect(await nbFind('Logical_Router_Port', 'name=ovn-cluster-vlan-net')).toEqual([]);
    expect(await nbFind('Logical_Switch_Port', 'name=vlan-net-ovn-cluster')).toEqual([]);
    expect(r.ipam.u2o).toEqual([]);
    const table = renderSubnetTable(r.ipam.subnets, r.ipam.usage);
    expect(
      table
        .split('\n')
        .find((l) => l.startsWith('vlan-net '))!
        .trimEnd(),
    ).toMatch(/\["172\.17\.0\.1"\]$/);
    // A second reconcile changes nothing (tag read back).
    expect((await reconcile(nb, desired(), { macSeed: 9 })).transactions).toBe(0);
  });

  test('ovn-trace: a pod on the VLAN subnet sending to the physical gateway leaves through the localnet port', async () => {
    const u1 = rec('u1.under');
    const flow = `inport == "u1.under" && eth.src == ${u1.mac} && eth.dst == 00:00:5e:00:01:01 && ip4.src == ${u1.ip} && ip4.dst == 8.8.8.8 && ip.ttl == 64 && icmp4`;
    const out = await trace('vlan-net', flow);
    expect(datapaths(out)).toEqual(['vlan-net']);
    expect(out).toContain('output to "localnet.vlan-net"');
  });

  test('ovn-trace: an overlay pod has no route to the underlay subnet without u2o', async () => {
    const o1 = rec('o1.default');
    const gwMac = (await get('Logical_Router_Port', 'ovn-cluster-ovn-default', 'mac')).replace(/"/g, '');
    const flow = `inport == "o1.default" && eth.src == ${o1.mac} && eth.dst == ${gwMac} && ip4.src == ${o1.ip} && ip4.dst == 172.17.0.2 && ip.ttl == 64 && icmp4`;
    const out = await trace('ovn-default', flow);
    expect(datapaths(out)).not.toContain('vlan-net');
    expect(out).not.toContain('output to "u1.under"');
  });

  test('the Vlan id changes the tag in place; unknown Vlan and bad id are typed errors, NB unchanged', async () => {
    await reconcile(nb, desired({}, [{ ...VLAN, id: 20 }]));
    expect(await get('Logical_Switch_Port', 'localnet.vlan-net', 'tag')).toBe('20');
    await reconcile(nb, desired({}, [{ ...VLAN, id: 0 }]));
    expect(await get('Logical_Switch_Port', 'localnet.vlan-net', 'tag')).toBe('[]');
    await reconcile(nb, desired());
    const before = await central.nbctl('show');
    await expect(reconcile(nb, desired({}, []))).rejects.toMatchObject({ code: 'KUBE_UNKNOWN_VLAN', value: 'vlan10' });
    await expect(reconcile(nb, desired({}, [{ ...VLAN, id: 4096 }]))).rejects.toMatchObject({
      code: 'KUBE_VLAN_INVALID',
      field: 'id',
    });
    expect(await central.nbctl('show')).toBe(before);
  });
});

describe('u2o interconnection', () => {
  test('the next free address is allocated, shown in U2OINTERCONNECTIONIP, counted, and carried by the router port', async () => {
    const r = await reconcile(nb, desired({ u2oInterconnection: true }), { macSeed: 4 });
    records = [...r.ipam.records];
    expect(r.ipam.u2o.map((x) => [x.name, x.ip])).toEqual([['u2o-interconnection.ovn-cluster.vlan-net', '172.17.0.3']]);
    const s = r.ipam.subnets.find((x) => x.name === 'vlan-net')!;
    expect(s.u2oInterconnectionIP).toBe('172.17.0.3');
    const row = renderSubnetTable(r.ipam.subnets, r.ipam.usage)
      .split('\n')
      .find((l) => l.startsWith('vlan-net '))!;
    expect(row.trimEnd().endsWith('172.17.0.3')).toBe(true);
    expect(r.ipam.usage.get('vlan-net')).toMatchObject({ v4Used: 2n }); // u1 and the u2o address
    expect(await get('Logical_Router_Port', 'ovn-cluster-vlan-net', 'networks')).toBe('["172.17.0.3/24"]');
    expect((await get('Logical_Router_Port', 'ovn-cluster-vlan-net', 'mac')).replace(/"/g, '')).toBe(
      r.ipam.u2o[0]!.mac.toLowerCase(),
    );
    expect(await get('Logical_Switch_Port', 'vlan-net-ovn-cluster', 'type')).toBe('router');
    expect(await get('Address_Set', 'vlan.net.u2o_exclude_ip.ip4', 'addresses')).toBe('["192.168.0.11"]');
    const policies = (await central.nbctl('lr-policy-list', 'ovn-cluster')).replace(/\s+/g, ' ');
    expect(policies).toContain(
      '31000 ip4.dst == $vlan.net.u2o_exclude_ip.ip4 && ip4.src == 172.17.0.0/24 reroute 172.17.0.1',
    );
    expect(policies).toContain('29400 ip4.dst == 172.17.0.0/24 allow');
    expect(policies).toContain('29000 ip4.src == 172.17.0.0/24 reroute 172.17.0.1');
    // Restart: the address is read back from the router port; nothing changes.
    const c2 = await OvsdbClient.connect(central.nb.unix);
    try {
      const again = await reconcile(c2, desired({ u2oInterconnection: true }), { macSeed: 77 });
      expect(again.transactions).toBe(0);
      expect(again.ipam.u2o[0]!.ip).toBe('172.17.0.3');
    } finally {
      await c2.close();
    }
  });

  test('ovn-trace: an overlay pod reaches the underlay pod through ovn-cluster and the u2o router port', async () => {
    const o1 = rec('o1.default');
    const gwMac = (await get('Logical_Router_Port', 'ovn-cluster-ovn-default', 'mac')).replace(/"/g, '');
    const flow = `inport == "o1.default" && eth.src == ${o1.mac} && eth.dst == ${gwMac} && ip4.src == ${o1.ip} && ip4.dst == 172.17.0.2 && ip.ttl == 64 && icmp4`;
    const out = await trace('ovn-default', flow);
    expect(datapaths(out)).toEqual(['ovn-default', 'ovn-cluster', 'vlan-net']);
    expect(out).toContain('output to "u1.under"');
    // The 29400 allow policy is what lets it through (before the 29000 reroute of underlay sources).
    expect(out).toMatch(/lr_in_policy .*ip4\.dst == 172\.17\.0\.0\/24, priority 29400/);
  });

  test('ovn-trace: the underlay pod reaches the overlay pod back through the u2o router port (31000 allow before the 29000 reroute)', async () => {
    const u1 = rec('u1.under');
    const o1 = rec('o1.default');
    const lrpMac = (await get('Logical_Router_Port', 'ovn-cluster-vlan-net', 'mac')).replace(/"/g, '');
    const flow = `inport == "u1.under" && eth.src == ${u1.mac} && eth.dst == ${lrpMac} && ip4.src == ${u1.ip} && ip4.dst == ${o1.ip} && ip.ttl == 64 && icmp4`;
    const out = await trace('vlan-net', flow);
    expect(datapaths(out)).toEqual(['vlan-net', 'ovn-cluster', 'ovn-default']);
    expect(out).toContain('output to "o1.default"');
    expect(out).toMatch(/lr_in_policy .*ip4\.dst == 10\.16\.0\.0\/16, priority 31000/);
  });

  test('a static u2oInterconnectionIP moves the address; turning u2o off removes router port, policies and sets', async () => {
    const r = await reconcile(nb, desired({ u2oInterconnection: true, u2oInterconnectionIP: '172.17.0.250' }));
    expect(r.ipam.u2o[0]!.ip).toBe('172.17.0.250');
    expect(await get('Logical_Router_Port', 'ovn-cluster-vlan-net', 'networks')).toBe('["172.17.0.250/24"]');
    const off = await reconcile(nb, desired());
    expect(off.ipam.u2o).toEqual([]);
    expect(off.ipam.subnets.find((x) => x.name === 'vlan-net')!.u2oInterconnectionIP).toBeUndefined();
    expect(off.ipam.usage.get('vlan-net')).toMatchObject({ v4Used: 1n });
    expect(await nbFind('Logical_Router_Port', 'name=ovn-cluster-vlan-net')).toEqual([]);
    expect(await nbFind('Address_Set', 'name="vlan.net.u2o_exclude_ip.ip4"')).toEqual([]);
    expect(await central.nbctl('lr-policy-list', 'ovn-cluster')).not.toContain('172.17.0.0/24');
    // logicalGateway: an ordinary router port with the gateway, and the localnet port stays.
    await reconcile(nb, desired({ logicalGateway: true }));
    expect(await get('Logical_Router_Port', 'ovn-cluster-vlan-net', 'networks')).toBe('["172.17.0.1/24"]');
    expect(await get('Logical_Switch_Port', 'localnet.vlan-net', 'type')).toBe('localnet');
  });
});
