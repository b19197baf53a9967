/**
 * The incremental KubeController with underlay (VLAN) subnets and u2o interconnection on real OVN (NB + SB +
 * ovn-northd + ovn-trace), issue #18: the same rows the whole-state reconciler writes (Kube-OVN v1.12
 * pkg/controller/subnet.go handleAddOrUpdateSubnet: localnet port `localnet.<subnet>` with the Vlan's tag;
 * no router port behind a physical gateway; reconcileU2OInterconnectionIP + addPolicyRouteForU2OInterconn
 * for u2o), proven by traces: out through the localnet port, and overlay ↔ underlay through the u2o
 * router port. Bad input is typed and writes nothing.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { OvsdbClient } from '../../../src/ovsdb/index.js';
import { run, startOvnCentral, type OvnCentral } from '../../../src/testing/index.js';
import { NbReplica, readNbSnapshot } from '../../../src/ovn-nb/index.js';
import {
  KUBE_NB_COLUMNS,
  KUBE_NB_TABLES,
  KubeController,
  planReconcile,
  withDefaultSubnets,
  type KubeVlan,
  type SubnetInput,
} from '../../../src/kube/index.js';

const VLANS: KubeVlan[] = [{ name: 'vlan10', id: 10, provider: 'provider1' }];
const NODES = { node1: ['192.168.0.11'] };
const under = (o: Partial<SubnetInput> = {}): SubnetInput => ({
  name: 'vlan-net',
  cidrBlock: '172.17.0.0/24',
  vlan: 'vlan10',
  namespaces: ['under'],
  ...o,
});

let central: OvnCentral;
let client: OvsdbClient;
let nb: NbReplica;
let ctl: KubeController;
const get = async (...args: string[]) => (await central.nbctl('get', ...args)).trim();
async function trace(datapath: string, flow: string): Promise<string> {
  await central.nbctl('--wait=sb', 'sync');
  return (await run('ovn-trace', [`--db=${central.sb.unix}`, datapath, flow])).stdout;
}
const datapaths = (out: string) => [
  ...new Set([...out.matchAll(/^(?:ingress|egress)\(dp="([^"]+)"/gm)].map((m) => m[1])),
];
/** The whole-state reconciler plans nothing for what the controller wrote. */
async function fixedPoint(subnet: SubnetInput): Promise<void> {
  const pods = ctl.pods;
  const snap = await readNbSnapshot(client, KUBE_NB_TABLES, KUBE_NB_COLUMNS);
  const plan = planReconcile(
    { subnets: withDefaultSubnets([subnet]), pods, nodes: ['node1'], vlans: VLANS, nodeAddresses: NODES },
    snap,
  );
  expect(plan.operations).toEqual([]);
}

beforeAll(async () => {
  central = await startOvnCentral();
  client = await OvsdbClient.connect(central.nb.unix);
  nb = await NbReplica.start(client);
  ctl = await KubeController.start(nb, {
    subnets: withDefaultSubnets(),
    vlans: VLANS,
    nodeAddresses: NODES,
    macSeed: 3,
  });
  await ctl.addNode('node1');
});
afterAll(async () => {
  await nb?.close();
  await client?.close();
  await central?.stop();
});

describe('KubeController: underlay subnets', () => {
  test('a VLAN subnet: localnet port with the tag, no router port; a pod there leaves through the localnet port', async () => {
    await ctl.upsertSubnet(under());
    const u1 = await ctl.addPod({ name: 'u1', namespace: 'under', node: 'node1' });
    expect(u1.ip).toBe('172.17.0.2');
    expect(await get('Logical_Switch_Port', 'localnet.vlan-net', 'type')).toBe('localnet');
    expect(await get('Logical_Switch_Port', 'localnet.vlan-net', 'tag')).toBe('10');
    expect(await get('Logical_Switch_Port', 'localnet.vlan-net', 'options:network_name')).toBe('provider1');
    await expect(get('Logical_Router_Port', 'ovn-cluster-vlan-net', 'networks')).rejects.toThrow(/no row/);
    await fixedPoint(under());
    const flow = `inport == "u1.under" && eth.src == ${u1.mac} && eth.dst == 00:00:5e:00:01:01 && ip4.src == ${u1.ip} && ip4.dst == 8.8.8.8 && ip.ttl == 64 && icmp4`;
    const out = await trace('vlan-net', flow);
    expect(datapaths(out)).toEqual(['vlan-net']);
    expect(out).toContain('output to "localnet.vlan-net"');
  });

  test('u2o turned on in place: address, router port, policies, sets; overlay ↔ underlay through ovn-cluster', async () => {
    await ctl.upsertSubnet(under({ u2oInterconnection: true }));
    expect(await get('Logical_Router_Port', 'ovn-cluster-vlan-net', 'networks')).toBe('["172.17.0.3/24"]');
    expect(await get('Address_Set', 'vlan.net.u2o_exclude_ip.ip4', 'addresses')).toBe('["192.168.0.11"]');
    const policies = (await central.nbctl('lr-policy-list', 'ovn-cluster')).replace(/\s+/g, ' ');
    expect(policies).toContain('29400 ip4.dst == 172.17.0.0/24 allow');
    expect(policies).toContain('29000 ip4.src == 172.17.0.0/24 reroute 172.17.0.1');
    await fixedPoint(under({ u2oInterconnection: true }));
    // The u2o address is never handed to a pod.
    const u2 = await ctl.addPod({ name: 'u2', namespace: 'under', node: 'node1' });
    expect(u2.ip).toBe('172.17.0.4');
    const o1 = await ctl.addPod({ name: 'o1', namespace: 'default', node: 'node1' });
    const gwMac = (await get('Logical_Router_Port', 'ovn-cluster-ovn-default', 'mac')).replace(/"/g, '');
    const there = await trace(
      'ovn-default',
      `inport == "o1.default" && eth.src == ${o1.mac} && eth.dst == ${gwMac} && ip4.src == ${o1.ip} && ip4.dst == 172.17.0.2 && ip.ttl == 64 && icmp4`,
    );
    expect(datapaths(there)).toEqual(['ovn-default', 'ovn-cluster', 'vlan-net']);
    expect(there).toContain('output to "u1.under"');
    const u1 = ctl.record('u1.under')!;
    const lrpMac = (await get('Logical_Router_Port', 'ovn-cluster-vlan-net', 'mac')).replace(/"/g, '');
    const back = await trace(
      'vlan-net',
      `inport == "u1.under" && eth.src == ${u1.mac} && eth.dst == ${lrpMac} && ip4.src == ${u1.ip} && ip4.dst == ${o1.ip} && ip.ttl == 64 && icmp4`,
    );
    expect(datapaths(back)).toEqual(['vlan-net', 'ovn-cluster', 'ovn-default']);
    expect(back).toContain('output to "o1.default"');
  });

  test('a restarted controller reads the u2o address back from the router port', async () => {
    const ctl2 = await KubeController.start(nb, {
      subnets: withDefaultSubnets([under({ u2oInterconnection: true })]),
      vlans: VLANS,
      nodeAddresses: NODES,
      macSeed: 99,
    });
    const next = await ctl2.addPod({ name: 'u3', namespace: 'under', node: 'node1' });
    expect(next.ip).toBe('172.17.0.5');
    await ctl2.deletePod('under', 'u3');
    expect(await get('Logical_Router_Port', 'ovn-cluster-vlan-net', 'networks')).toBe('["172.17.0.3/24"]');
  });

  test('u2o off in place; an unknown Vlan or a taken u2o address refused, nothing written', async () => {
    await ctl.upsertSubnet(under());
    await expect(get('Logical_Router_Port', 'ovn-cluster-vlan-net', 'networks')).rejects.toThrow(/no row/);
    expect((await central.nbctl('--bare', '--columns=_uuid', 'find', 'Address_Set')).trim()).toBe('');
    expect(await central.nbctl('lr-policy-list', 'ovn-cluster')).not.toContain('172.17.0.0/24');
    await fixedPoint(under());
    const before = await central.nb.client('dump', 'OVN_Northbound');
    await expect(ctl.upsertSubnet(under({ vlan: 'vlan99' }))).rejects.toMatchObject({
      code: 'KUBE_UNKNOWN_VLAN',
      value: 'vlan99',
    });
    await expect(
      ctl.upsertSubnet(under({ u2oInterconnection: true, u2oInterconnectionIP: '172.17.0.2' })),
    ).rejects.toMatchObject({ code: 'IPAM_ADDRESS_TAKEN', owner: 'u1.under' });
    expect(await central.nb.client('dump', 'OVN_Northbound')).toBe(before);
    // The controller's state is unchanged too: u2o on again takes a never-used address (.3 was released).
    await ctl.upsertSubnet(under({ u2oInterconnection: true }));
    expect(await get('Logical_Router_Port', 'ovn-cluster-vlan-net', 'networks')).toBe('["172.17.0.5/24"]');
  });
});
