/**
 * Dual stack on real OVN (NB + SB + ovn-northd + ovn-trace), issue #18 item 2: a dual-stack subnet gives
 * each pod one address per family (Kube-OVN pkg/ipam/ipam.go GetRandomAddress → getDualRandomAddress), counts
 * V4 and V6 alike (calcDualSubnetStatusIP), the router port carries both gateways, and IPv6 traffic is
 * routed between two dual-stack subnets by the VPC router.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { OvsdbClient } from '../../../src/ovsdb/index.js';
import { run, startOvnCentral, type OvnCentral } from '../../../src/testing/index.js';
import {
  ipRow,
  reconcile,
  renderNatOutgoing,
  withDefaultSubnets,
  type IpRecord,
  type KubeDesiredState,
  type Subnet,
} from '../../../src/kube/index.js';

const DESIRED: KubeDesiredState = {
  subnets: withDefaultSubnets([
    { name: 'dual1', cidrBlock: '10.110.0.0/24,fd00:110::/120', namespaces: ['d1'], natOutgoing: true },
    { name: 'dual2', cidrBlock: 'fd00:111::/120,10.111.0.0/24', namespaces: ['d2'] },
  ]),
  pods: [
    { name: 'a', namespace: 'd1', node: 'node1' },
    { name: 'b', namespace: 'd2', node: 'node1' },
    { name: 's', namespace: 'd1', node: 'node1', ip: 'fd00:110::99' },
  ],
};

let central: OvnCentral;
let nb: OvsdbClient;
let records: readonly IpRecord[];
let subnets: readonly Subnet[];
const rec = (n: string): IpRecord => records.find((r) => r.name === n)!;

beforeAll(async () => {
  central = await startOvnCentral();
  nb = await OvsdbClient.connect(central.nb.unix);
  const r = await reconcile(nb, DESIRED, { macSeed: 5 });
  records = r.ipam.records;
  subnets = r.ipam.subnets;
  expect(r.ipam.usage.get('dual1')).toEqual({
    v4Used: 2n,
    v4Available: 254n - 1n - 2n,
    v6Used: 2n,
    v6Available: 254n - 1n - 2n,
  });
  await central.nbctl('--wait=sb', 'sync');
});
afterAll(async () => {
  await nb?.close();
  await central?.stop();
});

describe('dual stack', () => {
  test('one address per family, IPv4 first; a static IPv6 gets the next IPv4; router port has both gateways', async () => {
    // Static requests are planned first: s takes the first IPv4 with its IPv6 (checkAndAppendIpsForDual).
    expect(rec('s.d1').ip).toBe('10.110.0.2,fd00:110::99');
    expect(rec('a.d1').ip).toBe('10.110.0.3,fd00:110::2');
    expect(rec('b.d2').ip).toBe('10.111.0.2,fd00:111::2');
    expect(ipRow(rec('a.d1')).slice(1, 3)).toEqual(['10.110.0.3', 'fd00:110::2']);
    expect((await central.nbctl('get', 'Logical_Router_Port', 'ovn-cluster-dual2', 'networks')).trim()).toBe(
      '["10.111.0.1/24", "fd00:111::1/120"]',
    );
    expect((await central.nbctl('get', 'Logical_Switch_Port', 'a.d1', 'addresses')).trim()).toBe(
      `["${rec('a.d1').mac} 10.110.0.3 fd00:110::2"]`,
    );
  });

  test('ovn-trace: IPv6 from dual1 to dual2 is routed through ovn-cluster', async () => {
    const a = rec('a.d1');
    const gwMac = (await central.nbctl('get', 'Logical_Router_Port', 'ovn-cluster-dual1', 'mac'))
      .trim()
      .replace(/"/g, '');
    const flow = `inport == "a.d1" && eth.src == ${a.mac} && eth.dst == ${gwMac} && ip6.src == fd00:110::2 && ip6.dst == fd00:111::2 && ip.ttl == 64 && icmp6`;
    const out = (await run('ovn-trace', [`--db=${central.sb.unix}`, 'dual1', flow])).stdout;
    expect([...new Set([...out.matchAll(/^(?:ingress|egress)\(dp="([^"]+)"/gm)].map((m) => m[1]))]).toEqual([
      'dual1',
      'ovn-cluster',
      'dual2',
    ]);
    expect(out).toContain('/* output to "b.d2"');
  });

  test('other_config for ovn-northd: subnet / exclude_ips / gateway and ipv6_prefix; northd IPAM agrees', async () => {
    const oc = (await central.nbctl('get', 'Logical_Switch', 'dual1', 'other_config')).trim();
    expect(oc).toBe(
      '{exclude_ips="10.110.0.1", gateway="10.110.0.1", ipv6_prefix="fd00:110::", subnet="10.110.0.0/24"}',
    );
    expect((await central.nbctl('get', 'Logical_Switch', 'dual2', 'other_config:ipv6_prefix')).trim()).toBe(
      '"fd00:111::"',
    );
    // A `dynamic` probe port: northd hands out the next IPv4 this model would (.4: .1 gateway, .2 s, .3 a)
    // and the EUI-64 IPv6 of its MAC under ipv6_prefix (0a:… → 08:…, ff:fe in the middle).
    await central.nbctl('lsp-add', 'dual1', 'probe', '--', 'lsp-set-addresses', 'probe', '0a:00:00:00:00:01 dynamic');
    try {
      await central.nbctl('--wait=sb', 'sync');
      expect((await central.nbctl('get', 'Logical_Switch_Port', 'probe', 'dynamic_addresses')).trim()).toBe(
        '"0a:00:00:00:00:01 10.110.0.4 fd00:110::800:ff:fe00:1"',
      );
    } finally {
      await central.nbctl('lsp-del', 'probe');
    }
  });

  test('node NAT renders both families: ovn40 and ovn60 sets', () => {
    const plan = renderNatOutgoing(subnets);
    const sets = plan.ipsets.filter((x) => /subnets(-nat)?$/.test(x.name));
    expect(sets.map((x) => [x.name, x.members])).toEqual([
      ['ovn40subnets', ['100.64.0.0/16', '10.16.0.0/16', '10.110.0.0/24', '10.111.0.0/24']],
      ['ovn40subnets-nat', ['10.16.0.0/16', '10.110.0.0/24']],
      ['ovn60subnets', ['fd00:110::/120', 'fd00:111::/120']],
      ['ovn60subnets-nat', ['fd00:110::/120']],
    ]);
    expect(plan.rules.filter((r) => r.family === 6).length).toBeGreaterThan(0);
  });
});
