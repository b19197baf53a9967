/**
 * Custom VPCs on real OVN (ovsdb-server NB + SB, ovn-northd, ovn-trace), issue #18 item 2: each VPC is its
 * own router with its own subnets, static and policy routes and namespaces (Kube-OVN
 * pkg/controller/vpc.go handleAddOrUpdateVpc, pkg/webhook/subnet.go namespace range); two VPCs with the
 * same CIDR are isolated — ovn-trace finds no path from one to the other.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { OvsdbClient } from '../../../src/ovsdb/index.js';
import { run, startOvnCentral, type OvnCentral } from '../../../src/testing/index.js';
import {
  reconcile,
  renderVpcTable,
  withDefaultSubnets,
  type IpRecord,
  type KubeDesiredState,
  type Subnet,
  type Vpc,
} from '../../../src/kube/index.js';

const VPCS: Vpc[] = [
  { name: 'ovn-cluster' },
  {
    name: 'vpc1',
    namespaces: ['ns-a'],
    staticRoutes: [{ cidr: '0.0.0.0/0', nextHopIP: '10.100.0.254' }],
    policyRoutes: [{ priority: 1000, match: 'ip4.src == 10.100.0.0/24 && ip4.dst == 192.0.2.0/24', action: 'drop' }],
  },
  { name: 'vpc2', namespaces: ['ns-b'] },
];
const DESIRED: KubeDesiredState = {
  vpcs: VPCS,
  subnets: withDefaultSubnets([
    { name: 'net-a', vpc: 'vpc1', cidrBlock: '10.100.0.0/24', namespaces: ['ns-a'] },
    { name: 'net-a2', vpc: 'vpc1', cidrBlock: '10.101.0.0/24', namespaces: ['ns-a'] },
    { name: 'net-b', vpc: 'vpc2', cidrBlock: '10.100.0.0/24', namespaces: ['ns-b'] },
  ]),
  nodes: ['node1'],
  pods: [
    { name: 'a1', namespace: 'ns-a', node: 'node1' },
    { name: 'a2', namespace: 'ns-a', node: 'node1', subnet: 'net-a2' },
    { name: 'b1', namespace: 'ns-b', node: 'node1' },
    { name: 'b2', namespace: 'ns-b', node: 'node1' },
  ],
};

let central: OvnCentral;
let nb: OvsdbClient;
let records: readonly IpRecord[];
let subnets: readonly Subnet[];
const rec = (name: string): IpRecord => records.find((r) => r.name === name)!;
const dump = async (): Promise<string> =>
  (await central.nb.client('dump', 'OVN_Northbound')).replace(/_version\s+\S+/g, '');
const lrpMac = async (name: string): Promise<string> =>
  (await central.nbctl('get', 'Logical_Router_Port', name, 'mac')).trim().replace(/"/g, '');

async function trace(datapath: string, from: IpRecord, dstMac: string, dstIp: string): Promise<string> {
  const flow = `inport == "${from.name}" && eth.src == ${from.mac} && eth.dst == ${dstMac} && ip4.src == ${from.ip} && ip4.dst == ${dstIp} && ip.ttl == 64 && icmp4`;
  return (await run('ovn-trace', [`--db=${central.sb.unix}`, datapath, flow])).stdout;
}
const datapathsOf = (out: string): string[] => [
  ...new Set([...out.matchAll(/^(?:ingress|egress)\(dp="([^"]+)"/gm)].map((m) => m[1]!)),
];
const outputsOf = (out: string): string[] => [...out.matchAll(/\/\* output to "([^"]+)"/g)].map((m) => m[1]!);

beforeAll(async () => {
  central = await startOvnCentral();
  nb = await OvsdbClient.connect(central.nb.unix);
  const r = await reconcile(nb, DESIRED, { macSeed: 3 });
  records = r.ipam.records;
  subnets = r.ipam.subnets;
  await central.nbctl('--wait=sb', 'sync');
});
afterAll(async () => {
  await nb?.close();
  await central?.stop();
});

describe('custom VPCs on real OVN', () => {
  test('each VPC is a router with its subnets; the same CIDR in two VPCs gets the same addresses independently', async () => {
    const show = await central.nbctl('show');
    for (const v of ['ovn-cluster', 'vpc1', 'vpc2']) expect(show).toMatch(new RegExp(`router \\S+ \\(${v}\\)`));
    expect(show).toContain('port vpc1-net-a');
    expect(show).toContain('port vpc2-net-b');
    expect(rec('a1.ns-a')).toMatchObject({ subnet: 'net-a', ip: '10.100.0.2' });
    expect(rec('b1.ns-b')).toMatchObject({ subnet: 'net-b', ip: '10.100.0.2' });
    expect(rec('b2.ns-b')).toMatchObject({ subnet: 'net-b', ip: '10.100.0.3' });
    expect(rec('a2.ns-a')).toMatchObject({ subnet: 'net-a2', ip: '10.101.0.2' });
    const routes = await central.nbctl('lr-route-list', 'vpc1');
    expect(routes).toMatch(/0\.0\.0\.0\/0\s+10\.100\.0\.254 dst-ip/);
    expect(await central.nbctl('lr-policy-list', 'vpc1')).toMatch(
      /1000\s+ip4\.src == 10\.100\.0\.0\/24 && ip4\.dst == 192\.0\.2\.0\/24\s+drop/,
    );
    expect((await central.nbctl('lr-route-list', 'vpc2')).trim()).toBe('');
  });

  test('kubectl get vpc lists each VPC with its subnets and namespaces', () => {
    const lines = renderVpcTable(VPCS, subnets).trim().split('\n');
    expect(lines[0]!.split(/\s+/)).toEqual(['NAME', 'ENABLEEXTERNAL', 'ENABLEBFD', 'STANDBY', 'SUBNETS', 'NAMESPACES']);
    expect(lines[2]!.split(/\s+/)).toEqual(['vpc1', 'false', 'false', 'true', '["net-a","net-a2"]', '["ns-a"]']);
    expect(lines[3]!.split(/\s+/)).toEqual(['vpc2', 'false', 'false', 'true', '["net-b"]', '["ns-b"]']);
  });

  test('ovn-trace: inside vpc1, net-a → net-a2 is routed by vpc1', async () => {
    const out = await trace('net-a', rec('a1.ns-a'), await lrpMac('vpc1-net-a'), rec('a2.ns-a').ip);
    expect(datapathsOf(out)).toEqual(['net-a', 'vpc1', 'net-a2']);
    expect(outputsOf(out).at(-1)).toBe('a2.ns-a');
  });

  test('ovn-trace: vpc1 cannot reach vpc2 — b2’s address from a1 stays in vpc1 and never reaches vpc2', async () => {
    const b2 = rec('b2.ns-b');
    // Through the router: 10.100.0.3 is on vpc1's own net-a, where nothing holds it.
    const viaRouter = await trace('net-a', rec('a1.ns-a'), await lrpMac('vpc1-net-a'), b2.ip);
    expect(datapathsOf(viaRouter)).not.toContain('vpc2');
    expect(datapathsOf(viaRouter)).not.toContain('net-b');
    expect(outputsOf(viaRouter)).not.toContain(b2.name);
    // Straight at b2's MAC on the switch: net-a has no such port; dropped there.
    const direct = await trace('net-a', rec('a1.ns-a'), b2.mac, b2.ip);
    expect(datapathsOf(direct)).toEqual(['net-a']);
    expect(outputsOf(direct)).not.toContain(b2.name);
  });

  test('ovn-trace: the static route sends off-subnet traffic to its next hop; the policy drops 192.0.2.0/24', async () => {
    const routed = await trace('net-a', rec('a1.ns-a'), await lrpMac('vpc1-net-a'), '198.51.100.7');
    expect(routed).toMatch(/lr_in_ip_routing.*ip4\.dst == 0\.0\.0\.0\/0/);
    expect(routed).toContain('reg0 = 10.100.0.254');
    const dropped = await trace('net-a', rec('a1.ns-a'), await lrpMac('vpc1-net-a'), '192.0.2.9');
    expect(dropped).toMatch(/lr_in_policy.*priority 1000/);
    expect(dropped).toMatch(/drop;/);
  });

  test('a second reconcile changes nothing; removing a route removes only that route', async () => {
    expect((await reconcile(nb, DESIRED)).transactions).toBe(0);
    const vpcs = VPCS.map((v) => (v.name === 'vpc1' ? { ...v, staticRoutes: [] } : v));
    await reconcile(nb, { ...DESIRED, vpcs });
    expect((await central.nbctl('lr-route-list', 'vpc1')).trim()).toBe('');
    expect(await central.nbctl('lr-policy-list', 'vpc1')).toContain('192.0.2.0/24');
    expect((await reconcile(nb, { ...DESIRED, vpcs })).transactions).toBe(0);
  });

  test('bad input: typed error naming the field, NB unchanged', async () => {
    const before = await dump();
    const bad: [KubeDesiredState, Record<string, unknown>][] = [
      [
        {
          ...DESIRED,
          vpcs: VPCS.map((v) =>
            v.name === 'vpc1' ? { ...v, staticRoutes: [{ cidr: '10.9.0.0/24', nextHopIP: 'fd00::1' }] } : v,
          ),
        },
        { code: 'KUBE_VPC_INVALID_ROUTE', field: 'staticRoutes.nextHopIP' },
      ],
      [
        {
          ...DESIRED,
          vpcs: VPCS.map((v) =>
            v.name === 'vpc1'
              ? { ...v, policyRoutes: [{ priority: 40000, match: 'ip4', action: 'drop' as const }] }
              : v,
          ),
        },
        { code: 'KUBE_VPC_INVALID_ROUTE', field: 'policyRoutes.priority' },
      ],
      [
        {
          ...DESIRED,
          subnets: withDefaultSubnets([
            { name: 'net-x', vpc: 'vpc2', cidrBlock: '10.102.0.0/24', namespaces: ['ns-a'] },
          ]),
        },
        { code: 'KUBE_NAMESPACE_OUTSIDE_VPC', value: 'ns-a', vpc: 'vpc2' },
      ],
      [
        {
          ...DESIRED,
          subnets: withDefaultSubnets([{ name: 'net-y', cidrBlock: '10.103.0.0/24', namespaces: ['ns-a'] }]),
        },
        { code: 'KUBE_NAMESPACE_OF_CUSTOM_VPC', value: 'ns-a', vpc: 'vpc1' },
      ],
      [
        { ...DESIRED, vpcs: [...VPCS, { name: 'Vpc3' }] },
        { code: 'KUBE_INVALID_NAME', field: 'vpc.name' },
      ],
    ];
    for (const [desired, err] of bad)
      await expect(reconcile(nb, desired), JSON.stringify(err)).rejects.toMatchObject(err);
    expect(await dump()).toBe(before);
  });
});
