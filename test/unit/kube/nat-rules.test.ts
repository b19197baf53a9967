/**
 * The node rule set of natOutgoing, as data: every expectation below is copied from Kube-OVN v1.12.9
 * pkg/daemon/gateway_linux.go (line numbers at that tag) and pkg/daemon/gateway.go. The rules are applied
 * to the real iptables in test/integration/kube/nat-rules.test.ts.
 */
import { describe, expect, it } from 'vitest';
import {
  natOutgoingCommands,
  natOutgoingRuleLines,
  natPolicyRuleId,
  natPolicyRuleIpsetName,
  renderNatOutgoing,
  subnetUid,
} from '../../../src/kube/nat-rules.js';
import { defineSubnet, validateSubnets } from '../../../src/kube/subnet-model.js';

const seed = validateSubnets([
  { name: 'join', cidrBlock: '100.64.0.0/16' },
  { name: 'ovn-default', cidrBlock: '10.16.0.0/16', natOutgoing: true, default: true },
  { name: 'subnet1', cidrBlock: '10.66.0.0/16', excludeIps: ['10.66.0.1..10.66.0.10'], natOutgoing: true },
]);
const rulesOf = (plan: ReturnType<typeof renderNatOutgoing>, table: string, chain: string) =>
  plan.rules.filter((r) => r.table === table && r.chain === chain).map((r) => r.spec.join(' '));

describe('renderNatOutgoing: the full v1.12 rule set', () => {
  const plan = renderNatOutgoing(seed);

  it('creates the sets setIPSet creates, in its order (gateway_linux.go:72-140)', () => {
    expect(plan.ipsets.map((s) => [s.name, s.type, s.members])).toEqual([
      ['ovn40services', 'hash:net', ['10.96.0.0/12']],
      ['ovn40subnets', 'hash:net', ['100.64.0.0/16', '10.16.0.0/16', '10.66.0.0/16']],
      ['ovn40local-pod-ip-nat', 'hash:ip', []],
      ['ovn40subnets-nat', 'hash:net', ['10.16.0.0/16', '10.66.0.0/16']],
      ['ovn40subnets-distributed-gw', 'hash:net', ['100.64.0.0/16', '10.16.0.0/16', '10.66.0.0/16']],
      ['ovn40other-node', 'hash:net', []],
      ['ovn40subnets-nat-policy', 'hash:net', []],
    ]);
  });

  it('OVN-POSTROUTING holds the ten v4Rules entries of :521-537, in order, MASQUERADE with --random-fully', () => {
    expect(rulesOf(plan, 'nat', 'OVN-POSTROUTING')).toEqual([
      '-m mark --mark 0x4000/0x4000 -j OVN-MASQUERADE',
      '-m set --match-set ovn40subnets src -m set --match-set ovn40subnets dst -j OVN-MASQUERADE',
      '-m mark --mark 0x80000/0x80000 -m set --match-set ovn40subnets-distributed-gw dst -j RETURN',
      '-m mark --mark 0x80000/0x80000 -j OVN-MASQUERADE',
      '-p tcp -m tcp --tcp-flags SYN NONE -m conntrack --ctstate NEW -j RETURN',
      '-m set ! --match-set ovn40subnets src -m set ! --match-set ovn40other-node src -m set --match-set ovn40subnets-nat dst -j RETURN',
      '-m set --match-set ovn40subnets-nat-policy src -m set ! --match-set ovn40subnets dst -j OVN-NAT-POLICY',
      '-m mark --mark 0x90001/0x90001 -j OVN-MASQUERADE',
      '-m mark --mark 0x90002/0x90002 -j RETURN',
      '-m set --match-set ovn40subnets-nat src -m set ! --match-set ovn40subnets dst -j OVN-MASQUERADE',
    ]);
    // :539-541, and :748-751 appends --random-fully to rules ending in MASQUERADE
    expect(rulesOf(plan, 'nat', 'OVN-MASQUERADE')).toEqual([
      '-j MARK --set-xmark 0x0/0xffffffff',
      '-j MASQUERADE --random-fully',
    ]);
    expect(rulesOf(plan, 'nat', 'OVN-PREROUTING')).toEqual([
      '-i ovn0 -m set --match-set ovn40subnets src -m set --match-set ovn40services dst -j MARK --set-xmark 0x4000/0x4000',
    ]);
    expect(rulesOf(plan, 'mangle', 'OVN-POSTROUTING')).toEqual([
      '-p tcp -m set --match-set ovn40subnets src -m tcp --tcp-flags RST RST -m state --state INVALID -j DROP',
    ]);
    expect(renderNatOutgoing(seed, { randomFully: false }).rules.some((r) => r.spec.includes('--random-fully'))).toBe(
      false,
    );
  });

  it('filter rules of :543-553 and one ovn-subnet-gateway pair per subnet (:693-696)', () => {
    expect(rulesOf(plan, 'filter', 'INPUT')).toEqual([
      '-m set --match-set ovn40subnets src -j ACCEPT',
      '-m set --match-set ovn40subnets dst -j ACCEPT',
      '-m set --match-set ovn40services src -j ACCEPT',
      '-m set --match-set ovn40services dst -j ACCEPT',
    ]);
    expect(rulesOf(plan, 'filter', 'OUTPUT')).toEqual(['-p udp -m udp --dport 6081 -j MARK --set-xmark 0x0']);
    expect(rulesOf(plan, 'filter', 'FORWARD').slice(4)).toEqual([
      '-m comment --comment ovn-subnet-gateway,join -s 100.64.0.0/16',
      '-m comment --comment ovn-subnet-gateway,join -d 100.64.0.0/16',
      '-m comment --comment ovn-subnet-gateway,ovn-default -s 10.16.0.0/16',
      '-m comment --comment ovn-subnet-gateway,ovn-default -d 10.16.0.0/16',
      '-m comment --comment ovn-subnet-gateway,subnet1 -s 10.66.0.0/16',
      '-m comment --comment ovn-subnet-gateway,subnet1 -d 10.66.0.0/16',
    ]);
  });

  it('chains in the order setIptables updates them, with the kube-ovn parent jumps (:428-455, :791-812)', () => {
    expect(plan.chains.map((c) => [c.table, c.name, c.parent])).toEqual([
      ['nat', 'OVN-NAT-POLICY', undefined],
      ['nat', 'OVN-PREROUTING', 'PREROUTING'],
      ['nat', 'OVN-MASQUERADE', undefined],
      ['nat', 'OVN-POSTROUTING', 'POSTROUTING'],
      ['mangle', 'OVN-POSTROUTING', 'POSTROUTING'],
    ]);
    const cmds = natOutgoingCommands(plan).map((c) => c.join(' '));
    expect(cmds).toContain(
      'iptables -t nat -I POSTROUTING 1 -m comment --comment kube-ovn postrouting rules -j OVN-POSTROUTING',
    );
    expect(cmds).toContain('iptables -t filter -I INPUT 1 -m set --match-set ovn40subnets src -j ACCEPT');
    expect(cmds).toContain('ipset create ovn40local-pod-ip-nat hash:ip family inet maxelem 1048576 -exist');
    // Owned chains are created before anything jumps to them: OVN-NAT-POLICY and OVN-MASQUERADE before OVN-POSTROUTING.
    const at = (s: string) => cmds.indexOf(s);
    expect(at('iptables -t nat -N OVN-NAT-POLICY')).toBeLessThan(at('iptables -t nat -N OVN-POSTROUTING'));
    expect(at('iptables -t nat -N OVN-MASQUERADE')).toBeLessThan(at('iptables -t nat -N OVN-POSTROUTING'));
    // Rules inserted at position 1 end up in reverse order in the built-in chain.
    expect(natOutgoingRuleLines(plan, 4, 'filter').filter((l) => l.startsWith('-A INPUT'))).toEqual([
      '-A INPUT -m set --match-set ovn40services dst -j ACCEPT',
      '-A INPUT -m set --match-set ovn40services src -j ACCEPT',
      '-A INPUT -m set --match-set ovn40subnets dst -j ACCEPT',
      '-A INPUT -m set --match-set ovn40subnets src -j ACCEPT',
    ]);
  });

  it('node address: service SNAT first in OVN-POSTROUTING; kube-proxy IPVS sets change the mark and add REJECT (:624-687)', () => {
    const p = renderNatOutgoing(seed, {
      nodeIPs: ['192.168.0.2', 'fd00::2'],
      otherNodeIPs: ['192.168.0.3', 'fd00::3'],
      kubeProxyIpsets: ['KUBE-CLUSTER-IP', 'KUBE-NODE-PORT-LOCAL-TCP'],
      serviceCidrs: ['10.96.0.0/12', 'fd00:10:96::/112'],
    });
    expect(rulesOf(p, 'nat', 'OVN-POSTROUTING')[0]).toBe(
      '-m set --match-set ovn40services src -m set --match-set ovn40subnets dst -m mark --mark 0x4000/0x4000 -j SNAT --to-source 192.168.0.2 --random-fully',
    );
    expect(rulesOf(p, 'nat', 'OVN-PREROUTING')).toEqual([
      '-i ovn0 -m set --match-set ovn40subnets src -m set --match-set KUBE-CLUSTER-IP dst,dst -j MARK --set-xmark 0x4000/0x4000',
      '-p tcp -m addrtype --dst-type LOCAL -m set --match-set KUBE-NODE-PORT-LOCAL-TCP dst -j MARK --set-xmark 0x80000/0x80000',
      '-p tcp -m set --match-set ovn40other-node src -m set --match-set KUBE-NODE-PORT-LOCAL-TCP dst -j MARK --set-xmark 0x4000/0x4000',
    ]);
    expect(rulesOf(p, 'filter', 'OUTPUT')).toContain(
      '-p tcp -m mark ! --mark 0x4000/0x4000 -m set --match-set ovn40services dst -m conntrack --ctstate NEW -j REJECT',
    );
    expect(p.ipsets.find((s) => s.name === 'ovn40other-node')?.members).toEqual(['192.168.0.3']);
    expect(p.ipsets.find((s) => s.name === 'ovn40services')?.members).toEqual(['10.96.0.0/12']);
  });

  it('a centralized subnet egress address is SNATed just before the default nat-outgoing rule (:775-789)', () => {
    const p = renderNatOutgoing(seed, { centralizedNatIPs: { '10.66.0.0/16': '192.168.0.2' } });
    const post = rulesOf(p, 'nat', 'OVN-POSTROUTING');
    expect(post.slice(-2)).toEqual([
      '-s 10.66.0.0/16 -m set ! --match-set ovn40subnets dst -j SNAT --to-source 192.168.0.2 --random-fully',
      '-m set --match-set ovn40subnets-nat src -m set ! --match-set ovn40subnets dst -j OVN-MASQUERADE',
    ]);
  });

  it('underlay subnets without logicalGateway and other VPCs stay out (gateway.go isSubnetNeedNat, getDefaultVpcSubnetsCIDR)', () => {
    const p = renderNatOutgoing([
      ...seed,
      defineSubnet({ name: 'vlan1', cidrBlock: '172.17.0.0/16', vlan: 'vlan10', natOutgoing: true }),
      defineSubnet({ name: 'vlan2', cidrBlock: '172.18.0.0/16', vlan: 'vlan10', logicalGateway: true }),
      defineSubnet({ name: 'v2', vpc: 'vpc2', cidrBlock: '10.99.0.0/16', natOutgoing: true }),
    ]);
    expect(p.ipsets.find((s) => s.name === 'ovn40subnets')?.members).toEqual([
      '100.64.0.0/16',
      '10.16.0.0/16',
      '10.66.0.0/16',
      '172.18.0.0/16',
    ]);
  });

  it('dual-stack node: the same rules with ovn60 sets for ip6tables', () => {
    const p = renderNatOutgoing(
      validateSubnets([
        { name: 'ovn-default', cidrBlock: '10.16.0.0/16,fd00:10:16::/64', natOutgoing: true, default: true },
      ]),
      { serviceCidrs: ['10.96.0.0/12', 'fd00:10:96::/112'] },
    );
    expect(p.ipsets.filter((s) => s.family === 'inet6').map((s) => [s.name, s.members])).toEqual([
      ['ovn60services', ['fd00:10:96::/112']],
      ['ovn60subnets', ['fd00:10:16::/64']],
      ['ovn60local-pod-ip-nat', []],
      ['ovn60subnets-nat', ['fd00:10:16::/64']],
      ['ovn60subnets-distributed-gw', ['fd00:10:16::/64']],
      ['ovn60other-node', []],
      ['ovn60subnets-nat-policy', []],
    ]);
    const v6 = p.rules.filter((r) => r.family === 6 && r.chain === 'OVN-POSTROUTING' && r.table === 'nat');
    expect(v6.at(-1)?.spec.join(' ')).toBe(
      '-m set --match-set ovn60subnets-nat src -m set ! --match-set ovn60subnets dst -j OVN-MASQUERADE',
    );
    expect(natOutgoingCommands(p).some((c) => c[0] === 'ip6tables')).toBe(true);
  });
});

describe('natOutgoingPolicyRules', () => {
  it('rule ids are Kube-OVN status ruleIDs: sha256(name + index + json)[:12] (pkg/controller/subnet.go:343-362)', () => {
    // Expected values computed with coreutils: printf '%s' 'subnet10{"match":…}' | sha256sum
    expect(natPolicyRuleId('subnet1', 0, { match: { dstIPs: '1.1.1.0/24' }, action: 'forward' })).toBe('c407d615a67e');
    expect(
      natPolicyRuleId('subnet1', 1, {
        match: { srcIPs: '10.66.0.0/24,10.66.1.5', dstIPs: '192.0.2.0/24' },
        action: 'nat',
      }),
    ).toBe('468a8238e189');
    expect(natPolicyRuleIpsetName(4, 'c407d615a67e', 'dst')).toBe('ovn40natpr-c407d615a67e-dst');
  });

  const subnet1 = defineSubnet({
    name: 'subnet1',
    cidrBlock: '10.66.0.0/16',
    natOutgoing: true,
    natOutgoingPolicyRules: [
      { match: { dstIPs: '1.1.1.0/24' }, action: 'forward' },
      { match: { srcIPs: '10.66.0.0/24,10.66.1.5', dstIPs: '192.0.2.0/24' }, action: 'nat' },
      { match: { dstIPs: 'fd00::/64' }, action: 'forward' },
    ],
  });

  it('per rule ipsets, OVN-NAT-POLICY jump and the subnet chain of MARK rules (:159-223, :964-1055)', () => {
    const p = renderNatOutgoing([subnet1], { subnetUids: { subnet1: '5e7cbe0a-1234-4c1e-9a6f-0123456789ab' } });
    expect(p.ipsets.slice(6).map((s) => [s.name, s.members])).toEqual([
      ['ovn40natpr-c407d615a67e-dst', ['1.1.1.0/24']],
      ['ovn40natpr-468a8238e189-src', ['10.66.0.0/24', '10.66.1.5']],
      ['ovn40natpr-468a8238e189-dst', ['192.0.2.0/24']],
      ['ovn40subnets-nat-policy', ['10.66.0.0/16']],
    ]);
    expect(rulesOf(p, 'nat', 'OVN-NAT-POLICY')).toEqual([
      '-s 10.66.0.0/16 -m comment --comment natPolicySubnet-subnet1 -j OVN-NAT-PSUBNET-0123456789ab',
    ]);
    // The IPv6 rule is left out of an IPv4 subnet's chain (getMatchProtocol != protocol).
    expect(rulesOf(p, 'nat', 'OVN-NAT-PSUBNET-0123456789ab')).toEqual([
      '-m set --match-set ovn40natpr-c407d615a67e-dst dst -j MARK --set-xmark 0x90002/0x90002',
      '-m set --match-set ovn40natpr-468a8238e189-src src -m set --match-set ovn40natpr-468a8238e189-dst dst -j MARK --set-xmark 0x90001/0x90001',
    ]);
    expect(p.chains[0]).toEqual({ family: 4, table: 'nat', name: 'OVN-NAT-PSUBNET-0123456789ab' });
    expect(subnetUid('subnet1')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('only natOutgoing subnets get policy chains (isSubnetNeedNat)', () => {
    const off = defineSubnet({ ...subnet1, natOutgoing: false });
    const p = renderNatOutgoing([off]);
    expect(p.chains.map((c) => c.name)).not.toContain(expect.stringMatching(/^OVN-NAT-PSUBNET-/));
    expect(p.ipsets.find((s) => s.name === 'ovn40subnets-nat-policy')?.members).toEqual([]);
  });

  it('validation as validateNatOutgoingPolicyRules (pkg/util/validator.go:130-187), typed errors', () => {
    const bad = (rules: unknown) => () =>
      defineSubnet({ name: 's', cidrBlock: '10.1.0.0/16', natOutgoing: true, natOutgoingPolicyRules: rules as never });
    expect(bad([{ match: { srcIPs: '10.1.0.0/24,fd00::1' }, action: 'nat' }])).toThrow(
      expect.objectContaining({ code: 'KUBE_SUBNET_INVALID_NAT_POLICY_RULE', field: 'match.srcIPs', index: 0 }),
    );
    expect(bad([{ match: { srcIPs: '10.1.0.5', dstIPs: 'fd00::/64' }, action: 'nat' }])).toThrow(
      expect.objectContaining({ code: 'KUBE_SUBNET_INVALID_NAT_POLICY_RULE', field: 'match.dstIPs' }),
    );
    expect(bad([{ match: { dstIPs: 'example.com' }, action: 'nat' }])).toThrow(
      expect.objectContaining({ code: 'KUBE_SUBNET_INVALID_NAT_POLICY_RULE', value: 'example.com' }),
    );
    expect(bad([{ match: { dstIPs: '10.0.0.0/33' }, action: 'nat' }])).toThrow(
      expect.objectContaining({ code: 'KUBE_SUBNET_INVALID_NAT_POLICY_RULE' }),
    );
    expect(bad([{ match: { dstIPs: '1.1.1.1' }, action: 'drop' }])).toThrow(
      expect.objectContaining({ code: 'KUBE_SUBNET_INVALID_NAT_POLICY_RULE', field: 'action' }),
    );
    expect(bad([{ match: {}, action: 'nat' }])).toThrow(
      expect.objectContaining({ code: 'KUBE_SUBNET_INVALID_NAT_POLICY_RULE', field: 'match' }),
    );
    // host bits in a CIDR are accepted, as net.ParseCIDR accepts them
    expect(bad([{ match: { dstIPs: '1.1.1.1/24' }, action: 'nat' }])()).toMatchObject({
      natOutgoingPolicyRules: [{ match: { dstIPs: '1.1.1.1/24' }, action: 'nat' }],
    });
  });
});
