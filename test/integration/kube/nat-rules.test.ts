/**
 * natOutgoing rendering: the full Kube-OVN v1.12 node rule set applied with the real `ipset` / `iptables`
 * inside network namespaces this test creates, read back with `ipset save` / `iptables -t <table> -S` /
 * `-L`, and exercised with traffic to a second namespace (masquerade, and a natOutgoingPolicyRules
 * `forward` rule that sends traffic unmasqueraded).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  IPSET_MAXELEM,
  type NatOutgoingPlan,
  natOutgoingCheckCommands,
  natOutgoingCommands,
  natOutgoingRuleLines,
  renderNatOutgoing,
} from '../../../src/kube/nat-rules.js';
import { defaultSubnets, validateSubnets } from '../../../src/kube/subnet-model.js';

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

// The rule set as data is checked line by line against Kube-OVN's source in test/unit/kube/nat-rules.test.ts.

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

/** Every set reads back with its type, family, maxelem and members; every table's rules as rendered. */
function expectApplied(ns: string, plan: NatOutgoingPlan): void {
  const saved = sh(ns, ['ipset', 'save']).split('\n');
  for (const set of plan.ipsets) {
    const create = saved.find((l) => l.startsWith(`create ${set.name} `));
    expect(create).toContain(`${set.type} family ${set.family} `);
    expect(create).toContain(`maxelem ${IPSET_MAXELEM}`);
    const members = saved.filter((l) => l.startsWith(`add ${set.name} `)).map((l) => l.split(' ')[2]);
    expect(members.sort()).toEqual([...set.members].sort());
  }
  for (const family of [4, 6] as const) {
    if (!plan.rules.some((r) => r.family === family)) continue;
    for (const table of ['nat', 'filter', 'mangle'] as const) {
      const readBack = sh(ns, [family === 4 ? 'iptables' : 'ip6tables', '-t', table, '-S'])
        .trim()
        .split('\n');
      const lines = natOutgoingRuleLines(plan, family, table);
      // Every chain's -A lines in exactly the rendered order (built-in chains hold only our rules here).
      const chainsOf = new Set(lines.map((l) => l.split(' ')[1]!));
      for (const chain of chainsOf) {
        const want = lines.filter((l) => l.startsWith(`-A ${chain} `));
        expect(readBack.filter((l) => l.startsWith(`-A ${chain} `))).toEqual(want);
      }
      for (const l of lines.filter((x) => x.startsWith('-N '))) expect(readBack).toContain(l);
    }
  }
  for (const cmd of natOutgoingCheckCommands(plan)) expect(ok(ns, cmd)).toBe(true);
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
    sh(NODE_NS, ['ip', 'addr', 'add', '10.66.0.5/32', 'dev', 'lo']);
    sh(OUT_NS, ['ip', 'link', 'set', 'lo', 'up']);
    sh(OUT_NS, ['ip', 'addr', 'add', '192.0.2.2/24', 'dev', vB]);
    sh(OUT_NS, ['ip', 'addr', 'add', '192.0.2.3/24', 'dev', vB]);
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
    expectApplied(DUAL_NS, plan);
    expect(plan.ipsets.filter((x) => x.family === 'inet6').map((x) => x.name)).toEqual([
      'ovn60services',
      'ovn60subnets',
      'ovn60local-pod-ip-nat',
      'ovn60subnets-nat',
      'ovn60subnets-distributed-gw',
      'ovn60other-node',
      'ovn60subnets-nat-policy',
    ]);
    const v6 = sh(DUAL_NS, ['ip6tables', '-t', 'nat', '-S']).trim().split('\n');
    expect(v6).toContain(
      '-A OVN-POSTROUTING -m set --match-set ovn60subnets-nat src -m set ! --match-set ovn60subnets dst -j OVN-MASQUERADE',
    );
  });

  it('applies, reads back identical sets and rules, and masquerades only natOutgoing sources', () => {
    // The seed, plus a natOutgoingPolicyRules entry on ovn-default: to 192.0.2.3, forward without NAT.
    const subnets = validateSubnets(
      seedSubnets.map((s) =>
        s.name === 'ovn-default'
          ? { ...s, natOutgoingPolicyRules: [{ match: { dstIPs: '192.0.2.3' }, action: 'forward' as const }] }
          : s,
      ),
    );
    const plan = renderNatOutgoing(subnets);
    for (const cmd of natOutgoingCommands(plan)) sh(NODE_NS, cmd);
    // ipset commands use -exist: running them twice is harmless
    for (const cmd of natOutgoingCommands(plan).filter((c) => c[0] === 'ipset')) sh(NODE_NS, cmd);

    expectApplied(NODE_NS, plan);

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
    // The policy rule: ovn-default to 192.0.2.3 is marked forward (0x90002) and leaves unmasqueraded;
    // subnet1 has no policy and is masqueraded to the same host.
    expect(ok(NODE_NS, ['ping', '-c', '1', '-W', '1', '-I', '10.16.0.5', '192.0.2.3'])).toBe(false);
    expect(ok(NODE_NS, ['ping', '-c', '1', '-W', '2', '-I', '10.66.0.5', '192.0.2.3'])).toBe(true);
    const policyChain = plan.chains.find((c) => c.name.startsWith('OVN-NAT-PSUBNET-'))!.name;
    const marked = sh(NODE_NS, ['iptables', '-t', 'nat', '-L', policyChain, '-n', '-v', '-x']);
    const markLine = marked.split('\n').find((l) => /MARK/.test(l))!;
    expect(Number(markLine.trim().split(/\s+/)[0])).toBeGreaterThanOrEqual(1);
    const counters = sh(NODE_NS, ['iptables', '-t', 'nat', '-L', 'OVN-MASQUERADE', '-n', '-v', '-x']);
    const masq = counters.split('\n').find((l) => /\bMASQUERADE\b/.test(l) && !/^Chain/.test(l))!;
    expect(Number(masq.trim().split(/\s+/)[0])).toBeGreaterThanOrEqual(1);
  });
});
