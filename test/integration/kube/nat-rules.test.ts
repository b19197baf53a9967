/**
 * natOutgoing rendering: the data for the seed scenario, and the rendered commands applied with the
 * real `ipset` / `iptables` inside a network namespace this test creates, read back with
 * `ipset save` / `iptables -t nat -S` / `-L`, and exercised with traffic to a second namespace.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  NAT_CHAINS,
  NAT_IPSETS,
  natOutgoingCheckCommands,
  natOutgoingCommands,
  natOutgoingRuleLines,
  renderNatOutgoing,
} from '../../../src/kube/nat-rules.js';
import { defaultSubnets, defineSubnet, validateSubnets } from '../../../src/kube/subnet-model.js';

const seedSubnets = validateSubnets([
  ...defaultSubnets(),
  {
    name: 'subnet1',
    cidrBlock: '10.66.0.0/16',
    gateway: '10.66.0.1',
    excludeIps: ['10.66.0.1..10.66.0.10'],
    natOutgoing: true,
    namespaces: ['ns1'],
  },
]);

describe('renderNatOutgoing (data)', () => {
  it('renders the seed ipsets and the MASQUERADE rule', () => {
    const plan = renderNatOutgoing(seedSubnets);
    expect(plan.ipsets).toEqual([
      {
        name: 'ovn40subnets',
        type: 'hash:net',
        family: 'inet',
        members: ['100.64.0.0/16', '10.16.0.0/16', '10.66.0.0/16'],
      },
      { name: 'ovn40subnets-nat', type: 'hash:net', family: 'inet', members: ['10.16.0.0/16', '10.66.0.0/16'] },
    ]);
    expect(plan.rules.find((r) => r.chain === NAT_CHAINS.postrouting)?.spec).toEqual([
      '-m',
      'set',
      '--match-set',
      'ovn40subnets-nat',
      'src',
      '-m',
      'set',
      '!',
      '--match-set',
      'ovn40subnets',
      'dst',
      '-j',
      'OVN-MASQUERADE',
    ]);
    expect(plan.rules.every((r) => r.family === 4)).toBe(true);
  });

  it('renders ovn60 sets for IPv6 and dual-stack subnets', () => {
    const plan = renderNatOutgoing([
      defineSubnet({
        name: 'ovn-default',
        cidrBlock: '10.16.0.0/16,fd00:10:16::/64',
        natOutgoing: true,
        default: true,
      }),
      defineSubnet({ name: 'join', cidrBlock: '100.64.0.0/16,fd00:100:64::/64' }),
    ]);
    expect(plan.ipsets.map((s) => [s.name, s.family, s.members])).toEqual([
      ['ovn40subnets', 'inet', ['10.16.0.0/16', '100.64.0.0/16']],
      ['ovn40subnets-nat', 'inet', ['10.16.0.0/16']],
      ['ovn60subnets', 'inet6', ['fd00:10:16::/64', 'fd00:100:64::/64']],
      ['ovn60subnets-nat', 'inet6', ['fd00:10:16::/64']],
    ]);
    expect(natOutgoingCommands(plan).filter((c) => c[0] === 'ip6tables')).toContainEqual([
      'ip6tables',
      '-t',
      'nat',
      '-A',
      'OVN-POSTROUTING',
      '-m',
      'set',
      '--match-set',
      'ovn60subnets-nat',
      'src',
      '-m',
      'set',
      '!',
      '--match-set',
      'ovn60subnets',
      'dst',
      '-j',
      'OVN-MASQUERADE',
    ]);
    expect(NAT_IPSETS[6]).toEqual({ subnets: 'ovn60subnets', nat: 'ovn60subnets-nat' });
  });

  // Kube-OVN pkg/daemon/gateway_linux.go setIPSet: ovn40subnets and ovn40subnets-nat exist for every
  // protocol of the node, whether or not a subnet has natOutgoing; the rules only matter with members.
  it('leaves out other VPCs; without natOutgoing subnets the sets exist (nat set empty) and no rule is rendered', () => {
    const plan = renderNatOutgoing([
      ...seedSubnets,
      defineSubnet({ name: 'v2', vpc: 'vpc2', cidrBlock: '10.99.0.0/16', natOutgoing: true }),
    ]);
    expect(plan.ipsets[0]?.members).not.toContain('10.99.0.0/16');
    const none = renderNatOutgoing([defineSubnet({ name: 'join', cidrBlock: '100.64.0.0/16' })]);
    expect(none.ipsets.map((x) => [x.name, x.members])).toEqual([
      ['ovn40subnets', ['100.64.0.0/16']],
      ['ovn40subnets-nat', []],
    ]);
    expect([none.chains, none.rules]).toEqual([[], []]);
    const dualNode = renderNatOutgoing([defineSubnet({ name: 'join', cidrBlock: '100.64.0.0/16' })], {
      protocol: 'Dual',
    });
    expect(dualNode.ipsets.map((x) => [x.name, x.family, x.members])).toEqual([
      ['ovn40subnets', 'inet', ['100.64.0.0/16']],
      ['ovn40subnets-nat', 'inet', []],
      ['ovn60subnets', 'inet6', []],
      ['ovn60subnets-nat', 'inet6', []],
    ]);
  });
});

// ---- real ipset / iptables inside throwaway namespaces ----

const NODE_NS = `kmnat-node-${process.pid}`;
const OUT_NS = `kmnat-out-${process.pid}`;
const DUAL_NS = `kmnat-dual-${process.pid}`;

function sh(ns: string, argv: readonly string[]): string {
  return execFileSync('ip', ['netns', 'exec', ns, ...argv], { stdio: 'pipe' }).toString();
}
function ok(ns: string, argv: readonly string[]): boolean {
  return spawnSync('ip', ['netns', 'exec', ns, ...argv], { stdio: 'pipe', timeout: 10_000 }).status === 0;
}

describe('rendered commands on the real ipset/iptables', () => {
  beforeAll(() => {
    execFileSync('ip', ['netns', 'add', NODE_NS]);
    execFileSync('ip', ['netns', 'add', OUT_NS]);
    const vA = `kmn${process.pid % 100000}a`;
    const vB = `kmn${process.pid % 100000}b`;
    execFileSync('ip', ['link', 'add', vA, 'netns', NODE_NS, 'type', 'veth', 'peer', 'name', vB, 'netns', OUT_NS]);
    sh(NODE_NS, ['ip', 'link', 'set', 'lo', 'up']);
    sh(NODE_NS, ['ip', 'addr', 'add', '192.0.2.1/24', 'dev', vA]);
    sh(NODE_NS, ['ip', 'link', 'set', vA, 'up']);
    // Pod-like source addresses on the node: one in a natOutgoing subnet, one in join (no NAT).
    sh(NODE_NS, ['ip', 'addr', 'add', '10.16.0.5/32', 'dev', 'lo']);
    sh(NODE_NS, ['ip', 'addr', 'add', '100.64.0.5/32', 'dev', 'lo']);
    sh(OUT_NS, ['ip', 'link', 'set', 'lo', 'up']);
    sh(OUT_NS, ['ip', 'addr', 'add', '192.0.2.2/24', 'dev', vB]);
    sh(OUT_NS, ['ip', 'link', 'set', vB, 'up']);
  });

  afterAll(() => {
    // Deleting the namespaces removes the veth pair, ipsets and rules with them.
    spawnSync('ip', ['netns', 'del', NODE_NS]);
    spawnSync('ip', ['netns', 'del', OUT_NS]);
    spawnSync('ip', ['netns', 'del', DUAL_NS]);
  });

  it('applies a dual-stack plan: ovn40 and ovn60 sets, iptables and ip6tables rules read back', () => {
    execFileSync('ip', ['netns', 'add', DUAL_NS]);
    const plan = renderNatOutgoing(
      validateSubnets([
        { name: 'join', cidrBlock: '100.64.0.0/16,fd00:100:64::/112' },
        { name: 'ovn-default', cidrBlock: '10.16.0.0/16,fd00:10:16::/64', natOutgoing: true, default: true },
      ]),
    );
    for (const cmd of natOutgoingCommands(plan)) sh(DUAL_NS, cmd);
    const saved = sh(DUAL_NS, ['ipset', 'save']).split('\n');
    for (const set of plan.ipsets) {
      expect(saved.find((l) => l.startsWith(`create ${set.name} `))).toContain(`hash:net family ${set.family} `);
      const members = saved.filter((l) => l.startsWith(`add ${set.name} `)).map((l) => l.split(' ')[2]);
      expect(members.sort()).toEqual([...set.members].sort());
    }
    expect(plan.ipsets.map((x) => x.name)).toEqual([
      'ovn40subnets',
      'ovn40subnets-nat',
      'ovn60subnets',
      'ovn60subnets-nat',
    ]);
    const v4 = sh(DUAL_NS, ['iptables', '-t', 'nat', '-S']).trim().split('\n');
    const v6 = sh(DUAL_NS, ['ip6tables', '-t', 'nat', '-S']).trim().split('\n');
    for (const line of natOutgoingRuleLines(plan, 4)) expect(v4).toContain(line);
    for (const line of natOutgoingRuleLines(plan, 6)) expect(v6).toContain(line);
    expect(v6).toContain(
      '-A OVN-POSTROUTING -m set --match-set ovn60subnets-nat src -m set ! --match-set ovn60subnets dst -j OVN-MASQUERADE',
    );
    for (const cmd of natOutgoingCheckCommands(plan)) expect(ok(DUAL_NS, cmd)).toBe(true);
  });

  it('applies, reads back identical sets and rules, and masquerades only natOutgoing sources', () => {
    const plan = renderNatOutgoing(seedSubnets);
    for (const cmd of natOutgoingCommands(plan)) sh(NODE_NS, cmd);
    // ipset commands use -exist: running them twice is harmless
    for (const cmd of natOutgoingCommands(plan).filter((c) => c[0] === 'ipset')) sh(NODE_NS, cmd);

    for (const set of plan.ipsets) {
      const saved = sh(NODE_NS, ['ipset', 'save', set.name]).split('\n');
      expect(saved[0]).toMatch(new RegExp(`^create ${set.name} hash:net family inet `));
      const members = saved.filter((l) => l.startsWith('add ')).map((l) => l.split(' ')[2]);
      expect(members.sort()).toEqual([...set.members].sort());
    }

    const readBack = sh(NODE_NS, ['iptables', '-t', 'nat', '-S']).trim().split('\n');
    for (const line of natOutgoingRuleLines(plan)) expect(readBack).toContain(line);
    for (const cmd of natOutgoingCheckCommands(plan)) expect(ok(NODE_NS, cmd)).toBe(true);

    // The seed's phrasing of the rule, as `iptables -L` lists it.
    // (Without -n: iptables 1.8.9 prints the protocol of -n listings as "0" instead of "all".)
    const listed = sh(NODE_NS, ['iptables', '-t', 'nat', '-L', 'OVN-POSTROUTING'])
      .split('\n')
      .map((l) =>
        l
          .replace(/\s+/g, ' ')
          .replace(/ anywhere/g, '')
          .trim(),
      );
    expect(listed).toContain('OVN-MASQUERADE all -- match-set ovn40subnets-nat src ! match-set ovn40subnets dst');

    // Traffic: the outside namespace has no route back to pod addresses, so only a masqueraded
    // ping gets its reply.
    expect(ok(NODE_NS, ['ping', '-c', '1', '-W', '2', '-I', '10.16.0.5', '192.0.2.2'])).toBe(true);
    expect(ok(NODE_NS, ['ping', '-c', '1', '-W', '1', '-I', '100.64.0.5', '192.0.2.2'])).toBe(false);
    const counters = sh(NODE_NS, ['iptables', '-t', 'nat', '-L', 'OVN-MASQUERADE', '-n', '-v', '-x']);
    const masq = counters.split('\n').find((l) => /\bMASQUERADE\b/.test(l) && !/^Chain/.test(l))!;
    expect(Number(masq.trim().split(/\s+/)[0])).toBeGreaterThanOrEqual(1);
  });
});
