/**
 * The default VPC's routing as Kube-OVN v1.12 installs it for ovn-cluster, on real OVN (NB + SB + ovn-northd
 * + ovn-trace), issue #18: pkg/controller/node.go addNodeGwStaticRoute (`0.0.0.0/0` via the join gateway
 * when the VPC has no static routes of its own) and handleAddNode (30000 `ip4.dst == <node IP>` reroute to
 * the node's join address), pkg/controller/subnet.go reconcileDistributedSubnetRouteInDefaultVpc (port group
 * `<subnet>.<node>` of the subnet's pods on the node, 29000 `ip4.src == $<pg>_ip4` reroute to the node's
 * join address). Traces: a pod's traffic to the outside leaves through its own node's join port; traffic
 * to another node's InternalIP goes to that node.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { OvsdbClient } from '../../../src/ovsdb/index.js';
import { run, startOvnCentral, type OvnCentral } from '../../../src/testing/index.js';
import {
  reconcile,
  withDefaultSubnets,
  type IpRecord,
  type KubeDesiredState,
  type SubnetInput,
} from '../../../src/kube/index.js';

const desired = (o: Partial<KubeDesiredState> = {}, extra: SubnetInput[] = []): KubeDesiredState => ({
  subnets: withDefaultSubnets(extra),
  pods: [
    { name: 'p1', namespace: 'default', node: 'node1' },
    { name: 'p2', namespace: 'default', node: 'node2' },
  ],
  nodes: ['node1', 'node2'],
  nodeAddresses: { node1: ['192.168.0.11'], node2: ['192.168.0.12'] },
  defaultVpcRoutes: true,
  ...o,
});

let central: OvnCentral;
let nb: OvsdbClient;
let records: readonly IpRecord[] = [];
const rec = (n: string) => records.find((r) => r.name === n)!;
async function trace(datapath: string, flow: string): Promise<string> {
  await central.nbctl('--wait=sb', 'sync');
  return (await run('ovn-trace', [`--db=${central.sb.unix}`, datapath, flow])).stdout;
}
/** The ports the packet is output to, in order (router ports on the way, then the final switch port). */
const outputs = (out: string) => [...out.matchAll(/output to "([^"]+)"/g)].map((m) => m[1]);
const squash = (t: string) => t.replace(/\s+/g, ' ');

beforeAll(async () => {
  central = await startOvnCentral();
  nb = await OvsdbClient.connect(central.nb.unix);
});
afterAll(async () => {
  await nb?.close();
  await central?.stop();
});

describe('default VPC routing (ovn-cluster)', () => {
  test('default route via the join gateway, node policies (30000), distributed gateway policies (29000) and port groups', async () => {
    const r = await reconcile(nb, desired(), { macSeed: 5 });
    records = r.ipam.records;
    expect(rec('node-node1').ip).toBe('100.64.0.2');
    expect(rec('node-node2').ip).toBe('100.64.0.3');
    expect(squash(await central.nbctl('lr-route-list', 'ovn-cluster'))).toContain('0.0.0.0/0 100.64.0.1 dst-ip');
    const policies = squash(await central.nbctl('lr-policy-list', 'ovn-cluster'));
    expect(policies).toContain('31000 ip4.dst == 10.16.0.0/16 allow');
    expect(policies).toContain('30000 ip4.dst == 192.168.0.11 reroute 100.64.0.2');
    expect(policies).toContain('30000 ip4.dst == 192.168.0.12 reroute 100.64.0.3');
    expect(policies).toContain('29000 ip4.src == $ovn.default.node1_ip4 reroute 100.64.0.2');
    expect(policies).toContain('29000 ip4.src == $ovn.default.node2_ip4 reroute 100.64.0.3');
    expect(policies).not.toContain('$join.'); // the join subnet gets none
    const pgPorts = (
      await central.nbctl('--bare', '--columns=ports', 'find', 'Port_Group', 'name=ovn.default.node1')
    ).trim();
    const p1Uuid = (
      await central.nbctl('--bare', '--columns=_uuid', 'find', 'Logical_Switch_Port', 'name=p1.default')
    ).trim();
    expect(pgPorts).toBe(p1Uuid);
    expect((await central.nbctl('get', 'Port_Group', 'ovn.default.node1', 'external_ids:np')).trim()).toBe(
      '"ovn-default/node1"',
    );
    expect((await reconcile(nb, desired())).transactions).toBe(0);
  });

  test('ovn-trace: each pod leaves for the outside through its own node; a node IP goes to that node', async () => {
    const gwMac = JSON.parse(
      (await central.nbctl('get', 'Logical_Router_Port', 'ovn-cluster-ovn-default', 'mac')).trim(),
    );
    const flow = (p: IpRecord, dst: string) =>
      `inport == "${p.name}" && eth.src == ${p.mac} && eth.dst == ${gwMac} && ip4.src == ${p.ip} && ip4.dst == ${dst} && ip.ttl == 64 && icmp4`;
    const a = await trace('ovn-default', flow(rec('p1.default'), '8.8.8.8'));
    expect(a).toMatch(/lr_in_policy .*priority 29000/);
    expect(outputs(a)).toEqual(['ovn-default-ovn-cluster', 'ovn-cluster-join', 'node-node1']);
    const b = await trace('ovn-default', flow(rec('p2.default'), '8.8.8.8'));
    expect(outputs(b)).toEqual(['ovn-default-ovn-cluster', 'ovn-cluster-join', 'node-node2']);
    const c = await trace('ovn-default', flow(rec('p1.default'), '192.168.0.12'));
    expect(c).toMatch(/lr_in_policy .*priority 30000/);
    expect(outputs(c)).toEqual(['ovn-default-ovn-cluster', 'ovn-cluster-join', 'node-node2']);
  });

  test('a VPC with its own static routes gets no default route; turning the routing off removes it all', async () => {
    await reconcile(
      nb,
      desired({ vpcs: [{ name: 'ovn-cluster', staticRoutes: [{ cidr: '10.0.0.0/8', nextHopIP: '100.64.0.1' }] }] }),
    );
    const routes = squash(await central.nbctl('lr-route-list', 'ovn-cluster'));
    expect(routes).not.toContain('0.0.0.0/0');
    expect(routes).toContain('10.0.0.0/8 100.64.0.1 dst-ip');
    await reconcile(nb, desired({ defaultVpcRoutes: false }));
    expect(squash(await central.nbctl('lr-route-list', 'ovn-cluster'))).not.toContain('0.0.0.0/0');
    const policies = squash(await central.nbctl('lr-policy-list', 'ovn-cluster'));
    expect(policies).not.toContain('30000');
    expect(policies).not.toContain('29000');
    expect((await central.nbctl('--bare', '--columns=name', 'find', 'Port_Group')).trim()).toBe('');
  });
});
