import { describe, expect, it } from 'vitest';
import {
  AddressExcludedError,
  AddressIsGatewayError,
  AddressOutsideCidrError,
  AddressTakenError,
  InvalidMacError,
  MacTakenError,
  SubnetExhaustedError,
} from '../../../src/ipam/index.js';
import {
  DuplicatePodError,
  DuplicateSubnetNameError,
  GatewayOutsideSubnetError,
  GatewayReservedAddressError,
  type KubeModelError,
  MultipleDefaultSubnetsError,
  NoSubnetForNamespaceError,
  PodFieldError,
  SubnetCidrError,
  SubnetExcludeError,
  SubnetFieldError,
  SubnetGatewayError,
  SubnetInUseError,
  SubnetsOverlapError,
  U2oAddressError,
  UnknownSubnetNameError,
  UnknownVpcError,
} from '../../../src/kube/model-errors.js';
import {
  DEFAULT_SUBNET,
  DEFAULT_VPC,
  JOIN_SUBNET,
  type Pod,
  type SubnetInput,
  defaultSubnets,
  defaultVpc,
  defineSubnet,
  nodePortName,
  planIpam,
  podPortName,
  selectSubnet,
  validateSubnets,
} from '../../../src/kube/subnet-model.js';
import { expectSdkError } from '../../helpers/errors.js';

const subnet1: SubnetInput = {
  name: 'subnet1',
  cidrBlock: '10.66.0.0/16',
  gateway: '10.66.0.1',
  excludeIps: ['10.66.0.1..10.66.0.10'],
  gatewayType: 'distributed',
  natOutgoing: true,
  namespaces: ['ns1'],
};

const seedPods: Pod[] = [
  { name: 'ovn-default-node1-pod1', namespace: 'default', node: 'node1' },
  { name: 'ovn-default-node1-pod2', namespace: 'default', node: 'node1' },
  { name: 'ovn-default-node2-pod3', namespace: 'default', node: 'node2' },
  { name: 'subnet1-node1-pod1', namespace: 'ns1', node: 'node1' },
];

describe('defaults', () => {
  it('match Kube-OVN after install', () => {
    expect(defaultVpc()).toEqual({ name: 'ovn-cluster' });
    expect(defaultSubnets()).toEqual([
      {
        name: 'join',
        vpc: 'ovn-cluster',
        cidrBlock: '100.64.0.0/16',
        gateway: '100.64.0.1',
        excludeIps: ['100.64.0.1'],
        gatewayType: 'distributed',
        natOutgoing: false,
        private: false,
        default: false,
        provider: 'ovn',
        protocol: 'IPv4',
        namespaces: [],
      },
      {
        name: 'ovn-default',
        vpc: 'ovn-cluster',
        cidrBlock: '10.16.0.0/16',
        gateway: '10.16.0.1',
        excludeIps: ['10.16.0.1'],
        gatewayType: 'distributed',
        natOutgoing: true,
        private: false,
        default: true,
        provider: 'ovn',
        protocol: 'IPv4',
        namespaces: [],
      },
    ]);
    expect([DEFAULT_VPC, JOIN_SUBNET, DEFAULT_SUBNET]).toEqual(['ovn-cluster', 'join', 'ovn-default']);
  });

  it('defineSubnet fills the rest as Kube-OVN formats a Subnet', () => {
    expect(defineSubnet({ name: 'v6', cidrBlock: 'fd00:20::/64' })).toEqual({
      name: 'v6',
      vpc: 'ovn-cluster',
      cidrBlock: 'fd00:20::/64',
      gateway: 'fd00:20::1',
      excludeIps: ['fd00:20::1'],
      gatewayType: 'distributed',
      natOutgoing: false,
      private: false,
      default: false,
      provider: 'ovn',
      protocol: 'IPv6',
      namespaces: [],
    });
    const d = defineSubnet({
      name: 'dual',
      cidrBlock: '10.20.0.0/16,fd00:20::/64',
      protocol: 'Dual',
      u2oInterconnection: true,
      u2oInterconnectionIP: '10.20.0.254',
    });
    expect(d).toMatchObject({
      protocol: 'Dual',
      gateway: '10.20.0.1,fd00:20::1',
      excludeIps: ['10.20.0.1', 'fd00:20::1'],
      u2oInterconnectionIP: '10.20.0.254',
    });
    // Kube-OVN formatSubnet (pkg/controller/subnet.go:327): the address is dropped when u2oInterconnection is off.
    expect(
      defineSubnet({ name: 'dual', cidrBlock: '10.20.0.0/16', u2oInterconnectionIP: '10.20.0.254' })
        .u2oInterconnectionIP,
    ).toBeUndefined();
  });

  it('accepts a gateway inside an excluded range (the seed subnet1 does exactly that)', () => {
    expect(defineSubnet(subnet1).excludeIps).toEqual(['10.66.0.1..10.66.0.10']);
  });

  it('pod port and node port names', () => {
    expect(podPortName('ovn-default-node1-pod1', 'default')).toBe('ovn-default-node1-pod1.default');
    expect(nodePortName('node1')).toBe('node-node1');
  });
});

describe('validation: each bad input is a typed error naming the value', () => {
  const cases: Array<[string, SubnetInput, new (...a: never[]) => KubeModelError, string, string]> = [
    [
      'invalid CIDR',
      { name: 's', cidrBlock: '10.66.0.0/33' },
      SubnetCidrError,
      'KUBE_SUBNET_INVALID_CIDR',
      '10.66.0.0/33',
    ],
    [
      'two IPv4 CIDRs',
      { name: 's', cidrBlock: '10.66.0.0/16,10.67.0.0/16' },
      SubnetCidrError,
      'KUBE_SUBNET_INVALID_CIDR',
      '10.66.0.0/16,10.67.0.0/16',
    ],
    [
      'backwards exclude range',
      { name: 's', cidrBlock: '10.66.0.0/16', excludeIps: ['10.66.0.9..10.66.0.1'] },
      SubnetExcludeError,
      'KUBE_SUBNET_INVALID_EXCLUDE',
      '10.66.0.9..10.66.0.1',
    ],
    [
      'garbage exclude',
      { name: 's', cidrBlock: '10.66.0.0/16', excludeIps: ['ten'] },
      SubnetExcludeError,
      'KUBE_SUBNET_INVALID_EXCLUDE',
      'ten',
    ],
    [
      'gateway outside',
      { name: 's', cidrBlock: '10.66.0.0/16', gateway: '10.16.0.1' },
      GatewayOutsideSubnetError,
      'KUBE_SUBNET_GATEWAY_OUTSIDE_CIDR',
      '10.16.0.1',
    ],
    [
      'gateway is network address',
      { name: 's', cidrBlock: '10.66.0.0/16', gateway: '10.66.0.0' },
      GatewayReservedAddressError,
      'KUBE_SUBNET_GATEWAY_RESERVED',
      '10.66.0.0',
    ],
    [
      'gateway is broadcast',
      { name: 's', cidrBlock: '10.66.0.0/16', gateway: '10.66.255.255' },
      GatewayReservedAddressError,
      'KUBE_SUBNET_GATEWAY_RESERVED',
      '10.66.255.255',
    ],
    [
      'gateway garbage',
      { name: 's', cidrBlock: '10.66.0.0/16', gateway: 'gw' },
      SubnetGatewayError,
      'KUBE_SUBNET_INVALID_GATEWAY',
      'gw',
    ],
    [
      'bad gatewayType',
      { name: 's', cidrBlock: '10.66.0.0/16', gatewayType: 'weird' as never },
      SubnetFieldError,
      'KUBE_SUBNET_INVALID_FIELD',
      'weird',
    ],
    [
      'bad provider',
      { name: 's', cidrBlock: '10.66.0.0/16', provider: 'macvlan' as never },
      SubnetFieldError,
      'KUBE_SUBNET_INVALID_FIELD',
      'macvlan',
    ],
    ['empty name', { name: '', cidrBlock: '10.66.0.0/16' }, SubnetFieldError, 'KUBE_SUBNET_INVALID_FIELD', ''],
    [
      'u2o outside',
      { name: 's', cidrBlock: '10.66.0.0/16', u2oInterconnectionIP: '10.1.1.1' },
      U2oAddressError,
      'KUBE_SUBNET_INVALID_U2O_IP',
      '10.1.1.1',
    ],
    [
      'u2o garbage',
      { name: 's', cidrBlock: '10.66.0.0/16', u2oInterconnectionIP: 'x' },
      U2oAddressError,
      'KUBE_SUBNET_INVALID_U2O_IP',
      'x',
    ],
  ];
  it.each(cases)('%s', (_title, input, cls, code, value) => {
    const e = expectSdkError(() => validateSubnets([...defaultSubnets(), input]));
    expect(e).toBeInstanceOf(cls);
    expect(e).toMatchObject({ code, value });
    expect((e as KubeModelError).subnet).toBe(input.name);
  });

  it('overlapping subnets in one VPC name both', () => {
    const e = expectSdkError(() =>
      validateSubnets([...defaultSubnets(), { name: 'dup', cidrBlock: '10.16.128.0/17' }]),
    );
    expect(e).toBeInstanceOf(SubnetsOverlapError);
    expect(e).toMatchObject({
      code: 'KUBE_SUBNET_OVERLAP',
      value: '10.16.128.0/17',
      subnet: 'dup',
      otherSubnet: 'ovn-default',
      otherCidr: '10.16.0.0/16',
      vpc: 'ovn-cluster',
    });
  });

  it('allows the same CIDR in another VPC', () => {
    const out = validateSubnets([...defaultSubnets(), { name: 'vpc2-net', vpc: 'vpc2', cidrBlock: '10.16.0.0/16' }], {
      vpcs: [defaultVpc(), { name: 'vpc2' }],
    });
    expect(out.map((s) => s.name)).toEqual(['join', 'ovn-default', 'vpc2-net']);
  });

  // Kube-OVN: a namespace's logical_switch annotation lists several subnets (pkg/controller/namespace.go).
  it('a namespace may be listed by two subnets', () => {
    const out = validateSubnets([
      ...defaultSubnets(),
      subnet1,
      { name: 'subnet2', cidrBlock: '10.67.0.0/16', namespaces: ['ns2', 'ns1'] },
    ]);
    expect(out.filter((x) => x.namespaces.includes('ns1')).map((x) => x.name)).toEqual(['subnet1', 'subnet2']);
  });

  it('a duplicate name, an unknown VPC, two default subnets', () => {
    expect(
      expectSdkError(() => validateSubnets([...defaultSubnets(), { name: 'join', cidrBlock: '10.99.0.0/16' }])),
    ).toBeInstanceOf(DuplicateSubnetNameError);
    const u = expectSdkError(() =>
      validateSubnets([{ name: 'x', vpc: 'nope', cidrBlock: '10.99.0.0/16' }], { vpcs: [defaultVpc()] }),
    );
    expect(u).toBeInstanceOf(UnknownVpcError);
    expect(u).toMatchObject({ code: 'KUBE_UNKNOWN_VPC', value: 'nope', subnet: 'x' });
    const d = expectSdkError(() =>
      validateSubnets([
        ...defaultSubnets(),
        { name: 'd2', vpc: 'ovn-cluster', cidrBlock: '10.99.0.0/16', default: true },
      ]),
    );
    expect(d).toBeInstanceOf(MultipleDefaultSubnetsError);
    expect(d).toMatchObject({ code: 'KUBE_MULTIPLE_DEFAULT_SUBNETS', value: 'd2', otherSubnet: 'ovn-default' });
  });
});

describe('namespace → subnet', () => {
  const subnets = validateSubnets([...defaultSubnets(), subnet1]);
  it('picks the subnet listing the namespace, else the default', () => {
    expect(selectSubnet(subnets, 'ns1').name).toBe('subnet1');
    expect(selectSubnet(subnets, 'default').name).toBe('ovn-default');
    expect(selectSubnet(subnets, 'kube-system').name).toBe('ovn-default');
  });
  it('refuses a namespace with nowhere to go', () => {
    const e = expectSdkError(() => selectSubnet(validateSubnets([subnet1]), 'other'));
    expect(e).toBeInstanceOf(NoSubnetForNamespaceError);
    expect(e).toMatchObject({ code: 'KUBE_NO_SUBNET_FOR_NAMESPACE', value: 'other' });
  });
});

describe('planIpam', () => {
  const subnets = [...defaultSubnets(), subnet1];

  it('plans the seed scenario: subnet1 pod gets 10.66.0.11, others land in ovn-default', () => {
    const plan = planIpam({ subnets, pods: seedPods, nodes: ['node1', 'node2'], macSeed: 7 });
    expect(plan.records.map((r) => [r.name, r.ip, r.node, r.subnet])).toEqual([
      ['node-node1', '100.64.0.2', 'node1', 'join'],
      ['node-node2', '100.64.0.3', 'node2', 'join'],
      ['ovn-default-node1-pod1.default', '10.16.0.2', 'node1', 'ovn-default'],
      ['ovn-default-node1-pod2.default', '10.16.0.3', 'node1', 'ovn-default'],
      ['ovn-default-node2-pod3.default', '10.16.0.4', 'node2', 'ovn-default'],
      ['subnet1-node1-pod1.ns1', '10.66.0.11', 'node1', 'subnet1'],
    ]);
    for (const r of plan.records) expect(r.mac).toMatch(/^00:00:00(:[0-9A-F]{2}){3}$/);
    expect(new Set(plan.records.map((r) => r.mac)).size).toBe(plan.records.length);
    expect(plan.allocated).toEqual(plan.records);
    expect(plan.released).toEqual([]);
    expect(plan.usage.get('join')).toEqual({ v4Used: 2n, v4Available: 65531n, v6Used: 0n, v6Available: 0n });
    expect(plan.usage.get('ovn-default')).toEqual({ v4Used: 3n, v4Available: 65530n, v6Used: 0n, v6Available: 0n });
    expect(plan.usage.get('subnet1')).toEqual({ v4Used: 1n, v4Available: 65523n, v6Used: 0n, v6Available: 0n });
  });

  it('is deterministic and idempotent: re-planning from its own records changes nothing', () => {
    const a = planIpam({ subnets, pods: seedPods, nodes: ['node1', 'node2'], macSeed: 7 });
    const b = planIpam({ subnets, pods: seedPods, nodes: ['node1', 'node2'], macSeed: 7 });
    expect(b.records).toEqual(a.records);
    const again = planIpam({ subnets, pods: seedPods, nodes: ['node1', 'node2'], records: a.records, macSeed: 99 });
    expect(again.records).toEqual(a.records);
    expect(again.allocated).toEqual([]);
    expect(again.released).toEqual([]);
    expect(again.usage).toEqual(a.usage);
  });

  // Kube-OVN pkg/ipam/subnet.go getV4RandomAddress: a released address is reused only after the never-used ones.
  it('keeps recorded addresses after a restart; a released address waits behind the never-used ones', () => {
    const first = planIpam({ subnets, pods: seedPods, macSeed: 1 });
    const pod2 = first.records.find((r) => r.name === 'ovn-default-node1-pod2.default')!;
    const pods = [
      ...seedPods.filter((p) => p.name !== 'ovn-default-node1-pod2'),
      { name: 'new', namespace: 'default', node: 'node2' },
    ];
    const next = planIpam({ subnets, pods, records: first.records, macSeed: 1 });
    expect(next.released).toEqual([pod2]);
    expect(next.releasedIps.get('ovn-default')).toEqual([pod2.ip]);
    expect(next.records.find((r) => r.name === 'new.default')?.ip).toBe('10.16.0.5');
    expect(next.allocated.map((r) => r.name)).toEqual(['new.default']);
    expect(next.usage.get('ovn-default')?.v4Used).toBe(3n);
  });

  it('deleting a pod releases its IP', () => {
    const first = planIpam({ subnets, pods: seedPods, macSeed: 1 });
    const next = planIpam({ subnets, pods: seedPods.slice(0, 3), records: first.records, macSeed: 1 });
    expect(next.released.map((r) => r.name)).toEqual(['subnet1-node1-pod1.ns1']);
    expect(next.usage.get('subnet1')).toEqual({ v4Used: 0n, v4Available: 65524n, v6Used: 0n, v6Available: 0n });
  });

  it('refuses to delete a subnet that still has pods, naming them; allows it once they are gone', () => {
    const first = planIpam({ subnets, pods: seedPods, macSeed: 1 });
    const e = expectSdkError(() => planIpam({ subnets: defaultSubnets(), pods: seedPods, records: first.records }));
    expect(e).toBeInstanceOf(SubnetInUseError);
    expect(e).toMatchObject({ code: 'KUBE_SUBNET_IN_USE', value: 'subnet1', ports: ['subnet1-node1-pod1.ns1'] });
    const ok = planIpam({ subnets: defaultSubnets(), pods: seedPods.slice(0, 3), records: first.records });
    expect(ok.released.map((r) => r.subnet)).toEqual(['subnet1']);
  });

  it('gives static addresses first, so a dynamic pod listed earlier does not steal them', () => {
    const plan = planIpam({
      subnets,
      macSeed: 1,
      pods: [
        { name: 'dyn', namespace: 'ns1', node: 'n' },
        { name: 'static', namespace: 'ns1', node: 'n', ip: '10.66.0.11', mac: '00:00:00:aa:0d:31' },
      ],
    });
    expect(plan.records.map((r) => [r.name, r.ip, r.mac])).toEqual([
      ['dyn.ns1', '10.66.0.12', expect.stringMatching(/^00:00:00/)],
      ['static.ns1', '10.66.0.11', '00:00:00:aa:0d:31'], // kept as written, as Kube-OVN keeps the annotation
    ]);
  });

  it('honours an explicit pod subnet', () => {
    const plan = planIpam({
      subnets,
      macSeed: 1,
      pods: [{ name: 'p', namespace: 'default', node: 'n', subnet: 'subnet1' }],
    });
    expect(plan.records[0]).toMatchObject({ subnet: 'subnet1', ip: '10.66.0.11' });
  });

  it('refuses a static IP that is taken, naming the address and holder', () => {
    const e = expectSdkError(() =>
      planIpam({
        subnets,
        pods: [
          { name: 'a', namespace: 'ns1', node: 'n', ip: '10.66.0.20' },
          { name: 'b', namespace: 'ns1', node: 'n', ip: '10.66.0.20' },
        ],
      }),
    );
    expect(e).toBeInstanceOf(AddressTakenError);
    expect(e).toMatchObject({ code: 'IPAM_ADDRESS_TAKEN', value: '10.66.0.20', owner: 'a.ns1', requester: 'b.ns1' });
  });

  it('refuses a static IP already recorded for another pod', () => {
    const first = planIpam({ subnets, pods: seedPods, macSeed: 1 });
    const e = expectSdkError(() =>
      planIpam({
        subnets,
        pods: [...seedPods, { name: 'x', namespace: 'ns1', node: 'n', ip: '10.66.0.11' }],
        records: first.records,
      }),
    );
    expect(e).toMatchObject({ code: 'IPAM_ADDRESS_TAKEN', value: '10.66.0.11', owner: 'subnet1-node1-pod1.ns1' });
  });

  it.each<[string, Pod, new (...a: never[]) => Error, string]>([
    [
      'static IP is the network address',
      { name: 'a', namespace: 'ns1', node: 'n', ip: '10.66.0.0' },
      AddressExcludedError,
      '10.66.0.0',
    ],
    [
      'static IP is the gateway',
      { name: 'a', namespace: 'default', node: 'n', ip: '10.16.0.1' },
      AddressIsGatewayError,
      '10.16.0.1',
    ],
    [
      'static IP outside the subnet',
      { name: 'a', namespace: 'ns1', node: 'n', ip: '10.16.0.9' },
      AddressOutsideCidrError,
      '10.16.0.9',
    ],
    [
      'invalid static MAC',
      { name: 'a', namespace: 'ns1', node: 'n', mac: 'zz:00:00:00:00:01' },
      InvalidMacError,
      'zz:00:00:00:00:01',
    ],
    [
      'unknown explicit subnet',
      { name: 'a', namespace: 'ns1', node: 'n', subnet: 'gone' },
      UnknownSubnetNameError,
      'gone',
    ],
    ['empty node', { name: 'a', namespace: 'ns1', node: '' }, PodFieldError, ''],
  ])('refuses %s', (_t, pod, cls, value) => {
    const e = expectSdkError(() => planIpam({ subnets, pods: [pod] }));
    expect(e).toBeInstanceOf(cls);
    expect(e).toMatchObject({ value });
  });

  it('refuses a MAC taken by another pod of the subnet, a duplicate pod, an exhausted subnet', () => {
    expect(
      expectSdkError(() =>
        planIpam({
          subnets,
          pods: [
            { name: 'a', namespace: 'ns1', node: 'n', mac: '00:00:00:00:00:01' },
            { name: 'b', namespace: 'ns1', node: 'n', mac: '00:00:00:00:00:01' },
          ],
        }),
      ),
    ).toBeInstanceOf(MacTakenError);
    const dup = expectSdkError(() => planIpam({ subnets, pods: [seedPods[0]!, seedPods[0]!] }));
    expect(dup).toBeInstanceOf(DuplicatePodError);
    expect(dup).toMatchObject({ code: 'KUBE_DUPLICATE_POD', value: 'ovn-default-node1-pod1.default' });
    const tiny = [{ name: 'tiny', cidrBlock: '10.77.0.0/30', namespaces: ['t'] }, ...defaultSubnets()];
    const ex = expectSdkError(() =>
      planIpam({ subnets: tiny, pods: [1, 2].map((i) => ({ name: `p${i}`, namespace: 't', node: 'n' })) }),
    );
    expect(ex).toBeInstanceOf(SubnetExhaustedError);
    expect(ex).toMatchObject({ value: '10.77.0.0/30', requester: 'p2.t' });
  });

  it('dual-stack subnets give each pod one address per family', () => {
    const plan = planIpam({
      subnets: [
        defineSubnet({
          name: 'ovn-default',
          cidrBlock: '10.16.0.0/16,fd00:10:16::/64',
          default: true,
          natOutgoing: true,
        }),
      ],
      pods: [{ name: 'p', namespace: 'default', node: 'n' }],
      macSeed: 1,
    });
    expect(plan.records[0]?.ip).toBe('10.16.0.2,fd00:10:16::2');
    expect(plan.usage.get('ovn-default')).toEqual({
      v4Used: 1n,
      v4Available: 65532n,
      v6Used: 1n,
      v6Available: 2n ** 64n - 4n,
    });
  });

  it('refuses nodes without a join subnet', () => {
    const e = expectSdkError(() => planIpam({ subnets: [subnet1], pods: [], nodes: ['node1'] }));
    expect(e).toBeInstanceOf(UnknownSubnetNameError);
    expect(e).toMatchObject({ code: 'KUBE_UNKNOWN_SUBNET', value: 'join' });
  });
});

describe('OVN-facing strings', () => {
  it('port addresses, router port networks, switch other_config', async () => {
    const { portAddresses, routerPortNetworks, logicalSwitchOtherConfig } =
      await import('../../../src/kube/subnet-model.js');
    expect(portAddresses({ ip: '10.16.0.8', mac: '00:00:00:AA:0D:31' })).toBe('00:00:00:AA:0D:31 10.16.0.8');
    expect(portAddresses({ ip: '10.16.0.8,fd00:10:16::8', mac: '00:00:00:AA:0D:31' })).toBe(
      '00:00:00:AA:0D:31 10.16.0.8 fd00:10:16::8',
    );
    const dual = defineSubnet({
      name: 'd',
      cidrBlock: '10.16.0.0/16,fd00:10:16::/64',
      excludeIps: ['10.16.0.1..10.16.0.9'],
    });
    expect(routerPortNetworks(dual)).toEqual(['10.16.0.1/16', 'fd00:10:16::1/64']);
    expect(logicalSwitchOtherConfig(dual)).toEqual({
      subnet: '10.16.0.0/16',
      ipv6_prefix: 'fd00:10:16::',
      exclude_ips: '10.16.0.1..10.16.0.9',
    });
    const s1 = defineSubnet(subnet1);
    expect(routerPortNetworks(s1)).toEqual(['10.66.0.1/16']);
    expect(logicalSwitchOtherConfig(s1)).toEqual({ subnet: '10.66.0.0/16', exclude_ips: '10.66.0.1..10.66.0.10' });
  });
});
