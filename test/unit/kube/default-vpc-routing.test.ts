/**
 * The default VPC's routing rows (defaultVpcRouting) against Kube-OVN v1.12.9: pkg/controller/node.go
 * addNodeGwStaticRoute (`0.0.0.0/0,::/0` via the join gateway of the same family, skipped when the VPC has
 * static routes) and handleAddNode (30000 `ip<af>.dst == <node IP>` reroute to the node's join address of
 * that family, external_ids vendor/node/address-family); pkg/controller/subnet.go
 * addPolicyRouteForDistributedSubnet / createPortGroupForDistributedSubnet (nothing for the join subnet,
 * other VPCs, or an underlay subnet behind a physical gateway; `-` → `.` in the port group name). Pure.
 */
import { describe, expect, it } from 'vitest';
import { defaultVpcRouting, planIpam, subnetNodePortGroup, type SubnetInput } from '../../../src/kube/index.js';

const subnets: SubnetInput[] = [
  { name: 'join', cidrBlock: '100.64.0.0/16,fd00:100:64::/112' },
  { name: 'ovn-default', cidrBlock: '10.16.0.0/16,fd00:10:16::/112', default: true },
  { name: 'central', cidrBlock: '10.17.0.0/24', gatewayType: 'centralized', namespaces: ['c'] },
  { name: 'under', cidrBlock: '10.18.0.0/24', vlan: 'v1', namespaces: ['u'] },
  { name: 'under-lgw', cidrBlock: '10.19.0.0/24', vlan: 'v1', logicalGateway: true, namespaces: ['l'] },
];
const plan = planIpam({
  subnets,
  nodes: ['node-a'],
  pods: [
    { name: 'p1', namespace: 'default', node: 'node-a' },
    { name: 'p2', namespace: 'default', node: 'other' },
  ],
});

describe('defaultVpcRouting', () => {
  const r = defaultVpcRouting({ name: 'ovn-cluster' }, plan.subnets, plan.records, {
    'node-a': ['192.168.0.11', 'fc00::11'],
  });

  it('default routes per family via the join gateway', () => {
    expect(r.routes).toEqual([
      { prefix: '0.0.0.0/0', nexthop: '100.64.0.1', policy: 'dst-ip' },
      { prefix: '::/0', nexthop: 'fd00:100:64::1', policy: 'dst-ip' },
    ]);
    const own = defaultVpcRouting({ name: 'ovn-cluster', staticRoutes: [] }, plan.subnets, plan.records, {});
    expect(own.routes).toEqual([]);
  });

  it('node policies per family, gateway policies for distributed default-VPC subnets only', () => {
    expect(r.policies.map((p) => `${p.priority} ${p.match} ${p.nextHopIP}`)).toEqual([
      '30000 ip4.dst == 192.168.0.11 100.64.0.2',
      '30000 ip6.dst == fc00::11 fd00:100:64::2',
      '29000 ip4.src == $ovn.default.node.a_ip4 100.64.0.2',
      '29000 ip6.src == $ovn.default.node.a_ip6 fd00:100:64::2',
      '29000 ip4.src == $under.lgw.node.a_ip4 100.64.0.2',
    ]);
    expect(r.policies[0]!.externalIds).toEqual({ vendor: 'kube-ovn', node: 'node-a', 'address-family': '4' });
    expect(r.policies[2]!.externalIds).toEqual({ vendor: 'kube-ovn', subnet: 'ovn-default', node: 'node-a' });
  });

  it('port groups hold the subnet pods of the node (a node without a join address gets none)', () => {
    expect(subnetNodePortGroup('ovn-default', 'node-a')).toBe('ovn.default.node.a');
    expect(r.portGroups).toEqual([
      { name: 'ovn.default.node.a', ports: ['p1.default'], np: 'ovn-default/node-a' },
      { name: 'under.lgw.node.a', ports: [], np: 'under-lgw/node-a' },
    ]);
  });
});
