/**
 * Node-side egress NAT for `natOutgoing` subnets, as Kube-OVN's daemon sets it up (pkg/daemon
 * gateway_linux.go): an ipset of every overlay subnet CIDR of the default VPC, an ipset of the
 * natOutgoing ones, and in the nat table a jump from POSTROUTING to OVN-POSTROUTING, whose rule sends
 * traffic from a natOutgoing subnet to anything outside the subnets to OVN-MASQUERADE. Rendered as data
 * and as the `ipset` / `iptables` / `ip6tables` argument lists a node would run. No I/O here.
 */
import { parseCidrBlock } from '../ipam/index.js';
import { DEFAULT_VPC, type Subnet } from './subnet-model.js';

/** Set names, by family (Kube-OVN: prefix `ovn`, `40`/`60` for IPv4/IPv6). */
export const NAT_IPSETS = {
  4: { subnets: 'ovn40subnets', nat: 'ovn40subnets-nat' },
  6: { subnets: 'ovn60subnets', nat: 'ovn60subnets-nat' },
} as const;

/** Chains in the nat table. */
export const NAT_CHAINS = {
  postrouting: 'OVN-POSTROUTING',
  masquerade: 'OVN-MASQUERADE',
} as const;

/** Comment on the POSTROUTING → OVN-POSTROUTING jump. */
export const POSTROUTING_COMMENT = 'kube-ovn postrouting rules';

/** One ipset: `hash:net` of CIDRs. */
export interface IpsetSpec {
  readonly name: string;
  readonly type: 'hash:net';
  readonly family: 'inet' | 'inet6';
  /** Canonical CIDRs, in subnet order. */
  readonly members: readonly string[];
}

/** One rule: `-A <chain> <spec…>` in `table`, for `iptables` (4) or `ip6tables` (6). */
export interface IptablesRule {
  readonly family: 4 | 6;
  readonly table: 'nat';
  readonly chain: string;
  readonly spec: readonly string[];
}

/** Chains to create (`-N`) before the rules. */
export interface IptablesChain {
  readonly family: 4 | 6;
  readonly table: 'nat';
  readonly name: string;
}

/**
 * Everything a node needs for egress NAT. As Kube-OVN's daemon (setIPSet), both sets of a family are
 * created for every family the node has, even when no subnet of it has natOutgoing (the `-nat` set is
 * then empty); chains and rules only for families with natOutgoing subnets.
 */
export interface NatOutgoingPlan {
  readonly ipsets: readonly IpsetSpec[];
  readonly chains: readonly IptablesChain[];
  readonly rules: readonly IptablesRule[];
}

/** Options of {@link renderNatOutgoing}. */
export interface NatOutgoingOptions {
  /** Only subnets of this VPC take part (Kube-OVN: the cluster router). Default `ovn-cluster`. */
  readonly vpc?: string;
  /**
   * The node's address families (Kube-OVN's `c.protocol`): the sets are created for these. Default: every
   * family some subnet of the VPC has.
   */
  readonly protocol?: 'IPv4' | 'IPv6' | 'Dual';
}

/**
 * Render the ipsets and rules for a set of subnets.
 *
 * @example
 * renderNatOutgoing(defaultSubnets()).ipsets
 * // [{ name: 'ovn40subnets', members: ['100.64.0.0/16', '10.16.0.0/16'], … },
 * //  { name: 'ovn40subnets-nat', members: ['10.16.0.0/16'], … }]
 * @throws InvalidCidrError `IPAM_INVALID_CIDR` for a subnet whose cidrBlock does not parse
 */
export function renderNatOutgoing(subnets: readonly Subnet[], options: NatOutgoingOptions = {}): NatOutgoingPlan {
  const vpc = options.vpc ?? DEFAULT_VPC;
  const all: Record<4 | 6, string[]> = { 4: [], 6: [] };
  const nat: Record<4 | 6, string[]> = { 4: [], 6: [] };
  for (const s of subnets) {
    if (s.vpc !== vpc) continue;
    for (const c of parseCidrBlock(s.cidrBlock)) {
      all[c.family].push(c.text);
      if (s.natOutgoing) nat[c.family].push(c.text);
    }
  }
  const ipsets: IpsetSpec[] = [];
  const chains: IptablesChain[] = [];
  const rules: IptablesRule[] = [];
  const families = new Set<4 | 6>(
    options.protocol === undefined
      ? ([4, 6] as const).filter((f) => all[f].length > 0)
      : options.protocol === 'Dual'
        ? [4, 6]
        : [options.protocol === 'IPv4' ? 4 : 6],
  );
  for (const family of [4, 6] as const) {
    if (!families.has(family)) continue;
    const names = NAT_IPSETS[family];
    const fam = family === 4 ? 'inet' : 'inet6';
    ipsets.push({ name: names.subnets, type: 'hash:net', family: fam, members: all[family] });
    ipsets.push({ name: names.nat, type: 'hash:net', family: fam, members: nat[family] });
    if (nat[family].length === 0) continue;
    chains.push(
      { family, table: 'nat', name: NAT_CHAINS.postrouting },
      { family, table: 'nat', name: NAT_CHAINS.masquerade },
    );
    rules.push(
      {
        family,
        table: 'nat',
        chain: 'POSTROUTING',
        spec: ['-m', 'comment', '--comment', POSTROUTING_COMMENT, '-j', NAT_CHAINS.postrouting],
      },
      {
        family,
        table: 'nat',
        chain: NAT_CHAINS.postrouting,
        spec: [
          '-m',
          'set',
          '--match-set',
          names.nat,
          'src',
          '-m',
          'set',
          '!',
          '--match-set',
          names.subnets,
          'dst',
          '-j',
          NAT_CHAINS.masquerade,
        ],
      },
      { family, table: 'nat', chain: NAT_CHAINS.masquerade, spec: ['-j', 'MARK', '--set-xmark', '0x0/0xffffffff'] },
      { family, table: 'nat', chain: NAT_CHAINS.masquerade, spec: ['-j', 'MASQUERADE'] },
    );
  }
  return { ipsets, chains, rules };
}

/**
 * The commands (argv arrays, program first) that apply a plan on a fresh node: create and fill the
 * ipsets (`-exist`, so re-running them is harmless), create the chains, append the rules.
 * Re-applying on a node that already has them would fail at `-N`; a node agent checks with `-C`
 * first (see {@link natOutgoingCheckCommands}).
 */
export function natOutgoingCommands(plan: NatOutgoingPlan): string[][] {
  const cmds: string[][] = [];
  for (const set of plan.ipsets) {
    cmds.push(['ipset', 'create', set.name, set.type, 'family', set.family, '-exist']);
    for (const m of set.members) cmds.push(['ipset', 'add', set.name, m, '-exist']);
  }
  for (const c of plan.chains) cmds.push([c.family === 4 ? 'iptables' : 'ip6tables', '-t', c.table, '-N', c.name]);
  for (const r of plan.rules)
    cmds.push([r.family === 4 ? 'iptables' : 'ip6tables', '-t', r.table, '-A', r.chain, ...r.spec]);
  return cmds;
}

/** `-C` commands that exit 0 when each rule is present (what an agent runs before `-A`). */
export function natOutgoingCheckCommands(plan: NatOutgoingPlan): string[][] {
  return plan.rules.map((r) => [r.family === 4 ? 'iptables' : 'ip6tables', '-t', r.table, '-C', r.chain, ...r.spec]);
}

/**
 * The rules as `iptables -t nat -S` prints them (`-A CHAIN …`, arguments with spaces quoted), for
 * comparing with what a node reads back. `-N` lines for the chains come first.
 */
export function natOutgoingRuleLines(plan: NatOutgoingPlan, family: 4 | 6 = 4): string[] {
  const quote = (a: string) => (/\s/.test(a) ? `"${a}"` : a);
  return [
    ...plan.chains.filter((c) => c.family === family).map((c) => `-N ${c.name}`),
    ...plan.rules.filter((r) => r.family === family).map((r) => `-A ${r.chain} ${r.spec.map(quote).join(' ')}`),
  ];
}
