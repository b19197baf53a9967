/**
 * The model against Kube-OVN v1.12's rules (issue #18 item 1), one test per behaviour, each citing the
 * Kube-OVN source it follows (read at tag v1.12.9: pkg/ipam/subnet.go, pkg/util/net.go,
 * pkg/util/validator.go, pkg/controller/subnet.go, pkg/controller/pod.go, pkg/webhook/subnet.go).
 * Where this SDK deliberately differs, the test says so and docs/kube-ovn-comparison.md gives the reason.
 * Pure: no OVS binary.
 */
import { describe, expect, it } from 'vitest';
import {
  DNS1123_LABEL_MAX,
  KubeNameError,
  RESERVED_CIDRS,
  defaultSubnets,
  defineSubnet,
  isDns1123Label,
  isDns1123Subdomain,
  planIpam,
  renderVpcTable,
  selectSubnets,
  subnetRow,
  validateSubnets,
  type Pod,
  type SubnetInput,
} from '../../../src/kube/index.js';

function thrown(fn: () => unknown): Record<string, unknown> {
  try {
    fn();
  } catch (e) {
    return e as Record<string, unknown>;
  }
  throw new Error('expected a throw');
}

const subnet1: SubnetInput = {
  name: 'subnet1',
  cidrBlock: '10.66.0.0/16',
  excludeIps: ['10.66.0.1..10.66.0.10'],
  natOutgoing: true,
  namespaces: ['ns1'],
};
const pod = (name: string, extra: Partial<Pod> = {}): Pod => ({ name, namespace: 'ns1', node: 'node1', ...extra });

describe('static IPs', () => {
  // pkg/ipam/subnet.go Subnet.GetStaticAddress: `if pool.V4Reserved.Contains(ip)` → granted, isAllocated.
  // pkg/controller/subnet.go calcSubnetStatusIP: an IP inside excludeIps is not counted in usingIPs.
  it('a static IP inside excludeIps is granted and not counted as used', () => {
    const plan = planIpam({
      subnets: [...defaultSubnets(), subnet1],
      pods: [pod('s', { ip: '10.66.0.5' })],
      macSeed: 1,
    });
    expect(plan.records[0]).toMatchObject({ ip: '10.66.0.5', subnet: 'subnet1' });
    expect(plan.usage.get('subnet1')).toMatchObject({ v4Used: 0n, v4Available: 65524n });
  });

  // pkg/ipam/subnet.go GetStaticAddress: with no MAC given, `s.NicToMac[nicName]` (the pod's MAC) is reused.
  it('a pod moving to a new static IP keeps its MAC; its old IP goes to the released list', () => {
    const subnets = [...defaultSubnets(), subnet1];
    const first = planIpam({ subnets, pods: [pod('p', { ip: '10.66.0.20' })], macSeed: 1 });
    const moved = planIpam({
      subnets,
      pods: [pod('p', { ip: '10.66.0.30' })],
      records: first.records,
      releasedIps: first.releasedIps,
      macSeed: 2,
    });
    expect(moved.records[0]).toMatchObject({ ip: '10.66.0.30', mac: first.records[0]!.mac });
    expect(moved.releasedIps.get('subnet1')).toEqual(['10.66.0.20']);
    expect(moved.allocated).toEqual([]);
  });

  // pkg/ipam/subnet.go GetStaticAddress: `V4IPToPod[ip]` held by another pod → ErrConflict.
  it('an IP held by another pod is a conflict naming the holder', () => {
    const subnets = [...defaultSubnets(), subnet1];
    const first = planIpam({ subnets, pods: [pod('a')], macSeed: 1 });
    const e = thrown(() =>
      planIpam({ subnets, pods: [pod('a'), pod('b', { ip: '10.66.0.11' })], records: first.records }),
    );
    expect(e).toMatchObject({ code: 'IPAM_ADDRESS_TAKEN', value: '10.66.0.11', owner: 'a.ns1', requester: 'b.ns1' });
  });
});

describe('address reuse', () => {
  // pkg/ipam/subnet.go getV4RandomAddress: V4Free first; `if pool.V4Free.Len() == 0 { pool.V4Free = pool.V4Released }`.
  it('pods took .1 and .2, .1 is released: the next pod gets .3 (across plans, via releasedIps)', () => {
    const subnets = [{ name: 'net', cidrBlock: '10.0.0.0/24', gateway: '10.0.0.254', namespaces: ['ns1'] }];
    const a = planIpam({ subnets, pods: [pod('p1'), pod('p2')], macSeed: 1 });
    expect(a.records.map((r) => r.ip)).toEqual(['10.0.0.1', '10.0.0.2']);
    const b = planIpam({ subnets, pods: [pod('p2')], records: a.records, releasedIps: a.releasedIps, macSeed: 1 });
    expect(b.releasedIps.get('net')).toEqual(['10.0.0.1']);
    const c = planIpam({
      subnets,
      pods: [pod('p2'), pod('p3')],
      records: b.records,
      releasedIps: b.releasedIps,
      macSeed: 1,
    });
    expect(c.records.find((r) => r.name === 'p3.ns1')!.ip).toBe('10.0.0.3');
  });
});

describe('validation Kube-OVN does', () => {
  // pkg/util/validator.go ValidateSubnet → pkg/util/net.go CIDRGlobalUnicast (IPv4Broadcast, IPv4Multicast,
  // IPv4Loopback, IPv4Zero, IPv4LinkLocalUnicast, IPv6Unspecified, IPv6Loopback, IPv6Multicast, IPv6LinkLocalUnicast).
  it.each([
    ['127.0.0.0/8', '127.0.0.0/8'],
    ['127.1.0.0/16', '127.0.0.0/8'],
    ['169.254.1.0/24', '169.254.0.0/16'],
    ['224.1.0.0/16', '224.0.0.0/4'],
    ['239.0.0.0/8', '224.0.0.0/4'],
    ['255.255.255.0/24', '255.255.255.255/32'],
    ['0.0.0.0/24', '0.0.0.0/32'],
    ['::/64', '::/128'],
    ['fe80::/64', 'fe80::/10'],
    ['ff02::/16', 'ff00::/8'],
    ['10.0.0.0/24,fe80::/64', 'fe80::/10'],
  ])('refuses %s (overlaps %s)', (cidrBlock, reserved) => {
    const e = thrown(() => defineSubnet({ name: 'bad', cidrBlock }));
    expect(e).toMatchObject({ code: 'KUBE_SUBNET_RESERVED_CIDR', subnet: 'bad', reserved });
  });

  it('accepts ordinary private and ULA ranges; the reserved list is the one Kube-OVN has', () => {
    expect(RESERVED_CIDRS.map((r) => r.cidr)).toEqual([
      '255.255.255.255/32',
      '224.0.0.0/4',
      '127.0.0.0/8',
      '0.0.0.0/32',
      '169.254.0.0/16',
      '::/128',
      '::1/128',
      'ff00::/8',
      'fe80::/10',
    ]);
    for (const cidrBlock of [
      '10.0.0.0/8',
      '192.168.0.0/24',
      '100.64.0.0/16',
      'fd00::/64',
      '2001:db8::/64',
      '1.0.0.0/24',
    ])
      expect(defineSubnet({ name: 'ok', cidrBlock }).cidrBlock).toBe(cidrBlock);
  });

  // Kube-OVN ≥ v1.13 pkg/util/validator.go: "v6 ip address can not use upper case" (not yet in v1.12).
  it.each([
    ['cidrBlock', { cidrBlock: 'FD00:20::/64' }],
    ['gateway', { cidrBlock: 'fd00:20::/64', gateway: 'FD00:20::1' }],
    ['excludeIps', { cidrBlock: 'fd00:20::/64', excludeIps: ['fd00:20::A'] }],
    ['u2oInterconnectionIP', { cidrBlock: 'fd00:20::/64', u2oInterconnectionIP: 'FD00:20::9' }],
  ])('refuses upper-case IPv6 text in %s', (field, extra) => {
    const e = thrown(() => defineSubnet({ name: 'up', ...(extra as { cidrBlock: string }) }));
    expect(e).toMatchObject({ code: 'KUBE_SUBNET_UPPERCASE_ADDRESS', field, subnet: 'up' });
  });

  // pkg/webhook/subnet.go SubnetCreateHook: "vpc and subnet cannot have the same name".
  it('refuses a subnet named like any VPC', () => {
    expect(
      thrown(() => validateSubnets([...defaultSubnets(), { name: 'ovn-cluster', cidrBlock: '10.70.0.0/16' }])),
    ).toMatchObject({ code: 'KUBE_SUBNET_NAMED_LIKE_VPC', value: 'ovn-cluster' });
    const vpcs = [{ name: 'ovn-cluster' }, { name: 'vpc1' }];
    expect(
      thrown(() => validateSubnets([...defaultSubnets(), { name: 'vpc1', cidrBlock: '10.70.0.0/16' }], { vpcs })),
    ).toMatchObject({ code: 'KUBE_SUBNET_NAMED_LIKE_VPC', value: 'vpc1' });
    expect(
      thrown(() =>
        validateSubnets([
          { name: 'vpc2', cidrBlock: '10.70.0.0/16' },
          { name: 'x', vpc: 'vpc2', cidrBlock: '10.71.0.0/16' },
        ]),
      ),
    ).toMatchObject({ code: 'KUBE_SUBNET_NAMED_LIKE_VPC', value: 'vpc2' });
  });

  // Kube-OVN ≥ v1.13 pkg/util/validator.go: "u2oInterconnectionIP %s conflicts with subnet gateway" (net.IP.Equal).
  it('refuses a u2oInterconnectionIP equal to the gateway, also in non-canonical IPv6 form', () => {
    expect(
      thrown(() => defineSubnet({ name: 'u', cidrBlock: '10.80.0.0/16', u2oInterconnectionIP: '10.80.0.1' })),
    ).toMatchObject({ code: 'KUBE_SUBNET_INVALID_U2O_IP', value: '10.80.0.1' });
    expect(
      thrown(() => defineSubnet({ name: 'u', cidrBlock: 'fd00:80::/64', u2oInterconnectionIP: 'fd00:80:0:0::0:1' })),
    ).toMatchObject({ code: 'KUBE_SUBNET_INVALID_U2O_IP', value: 'fd00:80:0:0::0:1' });
    expect(
      thrown(() =>
        defineSubnet({
          name: 'u',
          cidrBlock: '10.80.0.0/16,fd00:80::/64',
          gateway: '10.80.0.1,fd00:80::fe',
          u2oInterconnectionIP: 'fd00:80::00fe',
        }),
      ),
    ).toMatchObject({ code: 'KUBE_SUBNET_INVALID_U2O_IP' });
    expect(
      defineSubnet({
        name: 'u',
        cidrBlock: 'fd00:80::/64',
        u2oInterconnection: true,
        u2oInterconnectionIP: 'fd00:80:0::2',
      }).u2oInterconnectionIP,
    ).toBe('fd00:80::2');
  });
});

describe('where Kube-OVN is lenient', () => {
  // pkg/controller/subnet.go checkAndUpdateCIDR: the CIDR is rewritten to net.ParseCIDR's network.
  it('host bits in a CIDR are cleared', () => {
    expect(defineSubnet({ name: 'h', cidrBlock: '10.66.3.7/16,fd00:1::9/64' })).toMatchObject({
      cidrBlock: '10.66.0.0/16,fd00:1::/64',
      gateway: '10.66.0.1,fd00:1::1',
    });
  });

  // pkg/controller/subnet.go formatSubnet: `subnet.Spec.Protocol = util.CheckProtocol(subnet.Spec.CIDRBlock)`.
  it('a protocol that disagrees with the CIDR is overwritten', () => {
    expect(defineSubnet({ name: 'p', cidrBlock: '10.66.0.0/16', protocol: 'IPv6' }).protocol).toBe('IPv4');
    expect(defineSubnet({ name: 'p', cidrBlock: '10.66.0.0/16,fd00::/64', protocol: 'IPv4' }).protocol).toBe('Dual');
  });

  // pkg/util/net.go ExpandExcludeIPs: ranges clipped to FirstIP..LastIP, single IPs outside dropped; the
  // stored spec.excludeIps keeps the entry (checkAndFormatsExcludeIPs does not clip).
  it('excludeIps outside the CIDR are clipped for allocation and kept in the view', () => {
    const s = defineSubnet({
      name: 'c',
      cidrBlock: '10.66.0.0/24',
      excludeIps: ['10.65.255.250..10.66.0.9', '10.67.0.1', 'fd00::1'],
    });
    expect(s.excludeIps).toEqual(['10.65.255.250..10.66.0.9', '10.67.0.1', 'fd00::1']);
    const plan = planIpam({ subnets: [s], pods: [{ name: 'p', namespace: 'x', node: 'n', subnet: 'c' }], macSeed: 1 });
    expect(plan.records[0]!.ip).toBe('10.66.0.10');
    expect(plan.usage.get('c')).toMatchObject({ v4Used: 1n, v4Available: 254n - 9n - 1n });
  });

  // pkg/util/validator.go only checks CIDRContainIP for the gateway; IPv6 has no broadcast address.
  it('an IPv6 all-ones gateway is allowed', () => {
    const s = defineSubnet({ name: 'g', cidrBlock: 'fd00:9::/120', gateway: 'fd00:9::ff' });
    expect(s).toMatchObject({ gateway: 'fd00:9::ff', excludeIps: ['fd00:9::ff'] });
    const plan = planIpam({ subnets: [s], pods: [{ name: 'p', namespace: 'x', node: 'n', subnet: 'g' }], macSeed: 1 });
    expect(plan.records[0]!.ip).toBe('fd00:9::1');
    expect(plan.usage.get('g')).toMatchObject({ v6Used: 1n, v6Available: 254n - 1n });
  });

  // pkg/controller/pod.go getPodDefaultSubnet: the namespace's subnets in turn, skipping one with no available IPs.
  it('one namespace in several subnets: the first with room is used, then the next when it is full', () => {
    const subnets = [
      ...defaultSubnets(),
      { name: 'tiny', cidrBlock: '10.77.0.0/30', namespaces: ['ns1'] },
      { name: 'big', cidrBlock: '10.78.0.0/24', namespaces: ['ns1'] },
    ];
    expect(selectSubnets(validateSubnets(subnets), 'ns1').map((s) => s.name)).toEqual(['tiny', 'big']);
    const plan = planIpam({ subnets, pods: [pod('a'), pod('b'), pod('c')], macSeed: 1 });
    expect(plan.records.map((r) => [r.name, r.subnet, r.ip])).toEqual([
      ['a.ns1', 'tiny', '10.77.0.2'],
      ['b.ns1', 'big', '10.78.0.2'],
      ['c.ns1', 'big', '10.78.0.3'],
    ]);
  });

  // pkg/ipam/subnet.go GetStaticMac: MacToPod is per subnet; the annotation's MAC is used as written.
  it('a static MAC is unique per subnet and kept as written', () => {
    const subnets = [...defaultSubnets(), subnet1];
    const plan = planIpam({
      subnets,
      pods: [
        pod('a', { mac: '00:00:00:aa:bb:01' }),
        { name: 'b', namespace: 'default', node: 'n', mac: '00:00:00:AA:BB:01' },
      ],
      macSeed: 1,
    });
    expect(plan.records.map((r) => [r.subnet, r.mac])).toEqual([
      ['subnet1', '00:00:00:aa:bb:01'],
      ['ovn-default', '00:00:00:AA:BB:01'],
    ]);
    expect(
      thrown(() =>
        planIpam({ subnets, pods: [pod('a', { mac: '00:00:00:aa:bb:01' }), pod('b', { mac: '00:00:00:AA:BB:01' })] }),
      ),
    ).toMatchObject({ code: 'IPAM_MAC_TAKEN', owner: 'a.ns1' });
  });
});

describe('views and defaults', () => {
  // pkg/controller/subnet.go checkAndUpdateExcludeIPs + checkAndFormatsExcludeIPs + filterRepeatIPRange:
  // overlapping ranges merged, adjacent kept, sort.Strings order, gateway appended when not covered.
  it('EXCLUDEIPS as Kube-OVN stores it', () => {
    const s = defineSubnet({
      name: 'e',
      cidrBlock: '10.66.0.0/16',
      excludeIps: [
        '10.66.0.20..10.66.0.30',
        '10.66.0.9',
        '10.66.0.25..10.66.0.40',
        '10.66.0.10..10.66.0.19',
        '10.66.0.100',
      ],
    });
    expect(s.excludeIps).toEqual([
      '10.66.0.1',
      '10.66.0.10..10.66.0.19',
      '10.66.0.100',
      '10.66.0.20..10.66.0.40',
      '10.66.0.9',
    ]);
    expect(subnetRow(s)[13]).toBe(
      '["10.66.0.1","10.66.0.10..10.66.0.19","10.66.0.100","10.66.0.20..10.66.0.40","10.66.0.9"]',
    );
    expect(defineSubnet({ name: 'e', cidrBlock: '10.66.0.0/16' }).excludeIps).toEqual(['10.66.0.1']);
    expect(defineSubnet(subnet1).excludeIps).toEqual(['10.66.0.1..10.66.0.10']);
  });

  // pkg/controller/subnet.go formatSubnet: `if subnet.Spec.Default && subnet.Name != c.config.DefaultLogicalSwitch { Default = false }` (vpc left empty).
  it('`default: true` is kept only for ovn-default', () => {
    expect(defineSubnet({ name: 'other', cidrBlock: '10.70.0.0/16', default: true }).default).toBe(false);
    expect(defineSubnet({ name: 'ovn-default', cidrBlock: '10.16.0.0/16', default: true }).default).toBe(true);
  });

  it('`kubectl get vpc` lists subnets and namespaces per VPC', () => {
    const subnets = validateSubnets([...defaultSubnets(), { name: 'net1', vpc: 'vpc1', cidrBlock: '10.16.0.0/24' }], {
      vpcs: [{ name: 'ovn-cluster' }, { name: 'vpc1' }],
    });
    const table = renderVpcTable([{ name: 'ovn-cluster' }, { name: 'vpc1', namespaces: ['ns9'] }], subnets);
    expect(table.split('\n').map((l) => l.split(/\s+/).filter(Boolean))).toEqual([
      ['NAME', 'ENABLEEXTERNAL', 'ENABLEBFD', 'STANDBY', 'SUBNETS', 'NAMESPACES'],
      ['ovn-cluster', 'false', 'false', 'true', '["join","ovn-default"]', '[]'],
      ['vpc1', 'false', 'false', 'true', '["net1"]', '["ns9"]'],
      [],
    ]);
  });
});

describe('Kubernetes names (issue #14 item 6)', () => {
  // k8s.io/apimachinery validation.IsDNS1123Label / IsDNS1123Subdomain.
  it('RFC 1123 labels and subdomains with their lengths', () => {
    expect(isDns1123Label('ns-1')).toBe(true);
    expect(isDns1123Label('a'.repeat(DNS1123_LABEL_MAX))).toBe(true);
    for (const bad of ['', 'a'.repeat(64), 'Ns', '-a', 'a-', 'a.b', 'a_b', 'ns"1', 'ns\n1', 'nś', ' a'])
      expect(isDns1123Label(bad), bad).toBe(false);
    expect(isDns1123Subdomain('pod-1.web')).toBe(true);
    expect(isDns1123Subdomain(`${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}`)).toBe(true); // 253
    for (const bad of [
      `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(62)}`,
      'a..b',
      '.a',
      'a.',
      'A',
      'pod/1',
      "pod'1",
    ])
      expect(isDns1123Subdomain(bad), bad).toBe(false);
  });

  it.each<[string, () => unknown, string, string]>([
    [
      'pod name with a quote',
      () => planIpam({ subnets: defaultSubnets(), pods: [{ name: 'p"1', namespace: 'default', node: 'n' }] }),
      'pod.name',
      'p"1',
    ],
    [
      'namespace with a dot',
      () => planIpam({ subnets: defaultSubnets(), pods: [{ name: 'p', namespace: 'a.b', node: 'n' }] }),
      'pod.namespace',
      'a.b',
    ],
    [
      'node with a newline',
      () => planIpam({ subnets: defaultSubnets(), pods: [], nodes: ['node\n1'] }),
      'node',
      'node\n1',
    ],
    [
      'pod node upper case',
      () => planIpam({ subnets: defaultSubnets(), pods: [{ name: 'p', namespace: 'default', node: 'Node1' }] }),
      'pod.node',
      'Node1',
    ],
    [
      'subnet name non-ASCII',
      () => defineSubnet({ name: 'sübnet', cidrBlock: '10.70.0.0/16' }),
      'subnet.name',
      'sübnet',
    ],
    [
      'subnet namespace too long',
      () => defineSubnet({ name: 's', cidrBlock: '10.70.0.0/16', namespaces: ['n'.repeat(64)] }),
      'subnet.namespaces',
      'n'.repeat(64),
    ],
    [
      'vpc name with a space',
      () => defineSubnet({ name: 's', vpc: 'my vpc', cidrBlock: '10.70.0.0/16' }),
      'subnet.vpc',
      'my vpc',
    ],
  ])('%s is a KubeNameError naming the field', (_t, fn, field, value) => {
    const e = thrown(fn);
    expect(e).toBeInstanceOf(KubeNameError);
    expect(e).toMatchObject({ code: 'KUBE_INVALID_NAME', field, value });
  });
});
