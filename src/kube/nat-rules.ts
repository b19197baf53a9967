/**
 * The node-side ipsets and iptables rules Kube-OVN v1.12's daemon installs (pkg/daemon/gateway_linux.go
 * setIPSet, setIptables, reconcileNatOutgoingPolicyIptablesChain; pkg/daemon/gateway.go for which subnets
 * go into which set), rendered as data and as the `ipset` / `iptables` / `ip6tables` argument lists a
 * fresh node would run. No I/O here.
 *
 * Per family of the node (`ovn40…` sets and `iptables` for IPv4, `ovn60…` and `ip6tables` for IPv6):
 * - ipsets `services`, `subnets`, `local-pod-ip-nat` (hash:ip), `subnets-nat`, `subnets-distributed-gw`,
 *   `other-node`, one `natpr-<ruleID>-src|dst` per natOutgoingPolicyRules list, `subnets-nat-policy`;
 * - nat: `OVN-PREROUTING` (jumped to from PREROUTING), `OVN-MASQUERADE`, `OVN-POSTROUTING` (from
 *   POSTROUTING), `OVN-NAT-POLICY` and one `OVN-NAT-PSUBNET-<uid>` chain per subnet with policy rules;
 * - mangle: `OVN-POSTROUTING` (drop invalid RST from pods);
 * - filter: ACCEPT for subnets / services in INPUT and FORWARD, the GENEVE unmark in OUTPUT, one pair of
 *   `ovn-subnet-gateway,<subnet>` counting rules per subnet in FORWARD.
 * The daemon owns the OVN-* chains (their contents are exactly its list, in order) and inserts its
 * rules into built-in chains at position 1 when missing; {@link natOutgoingCommands} does the same.
 */
import { createHash } from 'node:crypto';
import { parseCidrBlock } from '../ipam/index.js';
import { DEFAULT_VPC, type NatOutgoingPolicyRule, type Subnet } from './subnet-model.js';

/** The two sets the seed's NAT rule uses, by family (Kube-OVN: prefix `ovn`, `40`/`60` for IPv4/IPv6). */
export const NAT_IPSETS = {
  4: { subnets: 'ovn40subnets', nat: 'ovn40subnets-nat' },
  6: { subnets: 'ovn60subnets', nat: 'ovn60subnets-nat' },
} as const;

/** Set ids, prefixed with `ovn40` / `ovn60` (gateway_linux.go constants ServiceSet … NatOutGoingPolicyRuleSet). */
export const IPSET_IDS = {
  services: 'services',
  subnets: 'subnets',
  localPod: 'local-pod-ip-nat',
  subnetsNat: 'subnets-nat',
  distributedGw: 'subnets-distributed-gw',
  otherNode: 'other-node',
  natPolicySubnets: 'subnets-nat-policy',
  natPolicyRulePrefix: 'natpr-',
} as const;

/** Kube-OVN's chains (pkg/util/const.go). */
export const NAT_CHAINS = {
  prerouting: 'OVN-PREROUTING',
  postrouting: 'OVN-POSTROUTING',
  masquerade: 'OVN-MASQUERADE',
  natPolicy: 'OVN-NAT-POLICY',
  natPolicySubnetPrefix: 'OVN-NAT-PSUBNET-',
} as const;

/** Marks of a natOutgoingPolicyRules match (gateway_linux.go OnOutGoingNatMark / OnOutGoingForwardMark). */
export const NAT_POLICY_MARKS = { nat: '0x90001/0x90001', forward: '0x90002/0x90002' } as const;

/** Comment on the POSTROUTING → OVN-POSTROUTING jump (`kube-ovn <parent> rules`). */
export const POSTROUTING_COMMENT = 'kube-ovn postrouting rules';

/** The comment prefix of the per-subnet FORWARD counting rules (util.OvnSubnetGatewayIptables). */
export const SUBNET_GATEWAY_COMMENT = 'ovn-subnet-gateway';

/** The node's internal port (util.NodeNic in v1.12's rules). */
export const NODE_NIC = 'ovn0';

/** `maxelem` of every set the daemon creates. */
export const IPSET_MAXELEM = 1048576;

/** One ipset. */
export interface IpsetSpec {
  readonly name: string;
  readonly type: 'hash:net' | 'hash:ip';
  readonly family: 'inet' | 'inet6';
  /** Members, in the order the daemon lists them. */
  readonly members: readonly string[];
}

/** The iptables tables the node rules use. */
export type IptablesTable = 'nat' | 'filter' | 'mangle';

/** One rule `<spec…>` in `chain` of `table`, for `iptables` (4) or `ip6tables` (6). */
export interface IptablesRule {
  readonly family: 4 | 6;
  readonly table: IptablesTable;
  readonly chain: string;
  readonly spec: readonly string[];
}

/**
 * A chain the daemon owns: created with `-N`, its rules exactly the plan's rules for it, in order; with
 * `parent`, a `-m comment --comment "kube-ovn <parent> rules" -j <name>` jump inserted first in `parent`.
 */
export interface IptablesChain {
  readonly family: 4 | 6;
  readonly table: IptablesTable;
  readonly name: string;
  readonly parent?: string;
}

/**
 * Everything a node installs. `chains` are in the daemon's creation order; `rules` are grouped: rules of
 * built-in chains (inserted at position 1 each, in this order) first, then each owned chain's rules.
 */
export interface NatOutgoingPlan {
  readonly ipsets: readonly IpsetSpec[];
  readonly chains: readonly IptablesChain[];
  readonly rules: readonly IptablesRule[];
}

/** Options of {@link renderNatOutgoing}: what the daemon reads from the node and the cluster. */
export interface NatOutgoingOptions {
  /** Only subnets of this VPC take part (Kube-OVN: the cluster router). Default `ovn-cluster`. */
  readonly vpc?: string;
  /**
   * The node's address families (Kube-OVN's `c.protocol`): sets and rules are made for these. Default: every
   * family some subnet of the VPC has.
   */
  readonly protocol?: 'IPv4' | 'IPv6' | 'Dual';
  /** `--service-cluster-ip-range`, split by family into `ovn40services` / `ovn60services`. Default `10.96.0.0/12`. */
  readonly serviceCidrs?: readonly string[];
  /**
   * The node's InternalIP addresses. With one of a family, the daemon SNATs service traffic to it (first
   * OVN-POSTROUTING rule) and, with kube-proxy's NODE-PORT-LOCAL sets, marks local node-port traffic.
   */
  readonly nodeIPs?: readonly string[];
  /** InternalIP addresses of the other nodes (`ovn40other-node` / `ovn60other-node`). */
  readonly otherNodeIPs?: readonly string[];
  /**
   * kube-proxy's ipsets present on the node (`KUBE-CLUSTER-IP`, `KUBE-6-CLUSTER-IP`,
   * `KUBE-NODE-PORT-LOCAL-TCP`, …): in IPVS mode they change the service mark rule and add REJECT rules.
   */
  readonly kubeProxyIpsets?: readonly string[];
  /** Centralized subnets' egress addresses on this node (getEgressNatIPByNode): CIDR → SNAT source. */
  readonly centralizedNatIPs?: Readonly<Record<string, string>>;
  /**
   * Subnet UIDs (Kubernetes `metadata.uid`) by subnet name; the last 12 characters name a subnet's
   * `OVN-NAT-PSUBNET-` chain. Default: derived from the name ({@link subnetUid}).
   */
  readonly subnetUids?: Readonly<Record<string, string>>;
  /** iptables supports `--random-fully` (any iptables ≥ 1.6.2): appended to MASQUERADE / SNAT rules. Default true. */
  readonly randomFully?: boolean;
}

/**
 * A stand-in subnet UID when none is given: a UUID-shaped SHA-256 of `subnet/<name>` (Kubernetes would
 * assign a random one).
 */
export function subnetUid(name: string): string {
  const h = createHash('sha256').update(`subnet/${name}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/**
 * The rule id Kube-OVN's controller stores in `status.natOutgoingPolicyRules[i].ruleID`
 * (pkg/controller/subnet.go updateNatOutgoingPolicyRulesStatus): the first 12 hex digits of
 * SHA-256(subnet name + index + Go's JSON of the rule, `{"match":{"srcIPs":…,"dstIPs":…},"action":…}`
 * with empty lists left out).
 */
export function natPolicyRuleId(subnet: string, index: number, rule: NatOutgoingPolicyRule): string {
  const match: Record<string, string> = {};
  if (rule.match.srcIPs !== undefined && rule.match.srcIPs !== '') match['srcIPs'] = rule.match.srcIPs;
  if (rule.match.dstIPs !== undefined && rule.match.dstIPs !== '') match['dstIPs'] = rule.match.dstIPs;
  const json = JSON.stringify({ match, action: rule.action }).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  ); // Go's json.Marshal escapes these
  return createHash('sha256').update(`${subnet}${index}${json}`).digest('hex').slice(0, 12);
}

/** Name of a policy rule's ipset: `ovn40natpr-<ruleID>-src` (getNatOutGoingPolicyRuleIPSetName). */
export function natPolicyRuleIpsetName(family: 4 | 6, ruleId: string, side: 'src' | 'dst'): string {
  return `ovn${family}0${IPSET_IDS.natPolicyRulePrefix}${ruleId}-${side}`;
}

const setName = (family: 4 | 6, id: string) => `ovn${family}0${id}`;
const fields = (text: string) => text.split(' ').filter((x) => x !== '');
const familyOf = (text: string): 4 | 6 => (text.includes(':') ? 6 : 4);

/**
 * Render the ipsets and rules a node installs for a set of subnets.
 *
 * Which subnets go where (pkg/daemon/gateway.go): `subnets` — every subnet of the VPC; `subnets-nat` —
 * those with natOutgoing; `subnets-distributed-gw` — distributed ones; `subnets-nat-policy` and the
 * policy chains — natOutgoing subnets with natOutgoingPolicyRules, chains in subnet-name order.
 *
 * @example
 * renderNatOutgoing(defaultSubnets()).ipsets.map((s) => s.name)
 * // ['ovn40services', 'ovn40subnets', 'ovn40local-pod-ip-nat', 'ovn40subnets-nat',
 * //  'ovn40subnets-distributed-gw', 'ovn40other-node', 'ovn40subnets-nat-policy']
 * @throws InvalidCidrError `IPAM_INVALID_CIDR` for a subnet whose cidrBlock does not parse
 */
export function renderNatOutgoing(subnets: readonly Subnet[], options: NatOutgoingOptions = {}): NatOutgoingPlan {
  const vpc = options.vpc ?? DEFAULT_VPC;
  const inVpc = subnets
    .filter((s) => s.vpc === vpc && isOverlayGateway(s))
    .map((s) => ({ s, cidrs: parseCidrBlock(s.cidrBlock) }));
  const families = new Set<4 | 6>(
    options.protocol === undefined
      ? ([4, 6] as const).filter((f) => inVpc.some((x) => x.cidrs.some((c) => c.family === f)))
      : options.protocol === 'Dual'
        ? [4, 6]
        : [options.protocol === 'IPv4' ? 4 : 6],
  );
  const ipsets: IpsetSpec[] = [];
  const chains: IptablesChain[] = [];
  const rules: IptablesRule[] = [];
  for (const family of [4, 6] as const) {
    if (!families.has(family)) continue;
    const plan = renderFamily(family, inVpc, options);
    ipsets.push(...plan.ipsets);
    chains.push(...plan.chains);
    rules.push(...plan.rules);
  }
  return { ipsets, chains, rules };
}

/** Kube-OVN's `subnet.Spec.Vlan == "" || subnet.Spec.LogicalGateway`: traffic leaves through the node. */
function isOverlayGateway(s: Subnet): boolean {
  return s.vlan === undefined || s.vlan === '' || s.logicalGateway === true;
}

function renderFamily(
  family: 4 | 6,
  inVpc: readonly { s: Subnet; cidrs: ReturnType<typeof parseCidrBlock> }[],
  options: NatOutgoingOptions,
): NatOutgoingPlan {
  const F = (id: string) => setName(family, id);
  const fam = family === 4 ? 'inet' : 'inet6';
  const cidrOf = (x: (typeof inVpc)[number]) => x.cidrs.find((c) => c.family === family)?.text;
  const withCidr = inVpc.filter((x) => cidrOf(x) !== undefined);
  const natSubnets = withCidr.filter((x) => x.s.natOutgoing);
  const policySubnets = natSubnets
    .filter((x) => (x.s.natOutgoingPolicyRules ?? []).length > 0)
    .sort((a, b) => (a.s.name < b.s.name ? -1 : a.s.name > b.s.name ? 1 : 0)); // sort.Strings(subnetNames)

  // ---- ipsets (setIPSet, reconcileNatOutGoingPolicyIPset) ----
  const net = (id: string, members: readonly string[]): IpsetSpec => ({
    name: F(id),
    type: 'hash:net',
    family: fam,
    members,
  });
  const ipsets: IpsetSpec[] = [
    net(
      IPSET_IDS.services,
      (options.serviceCidrs ?? ['10.96.0.0/12']).filter((c) => familyOf(c) === family),
    ),
    net(IPSET_IDS.subnets, withCidr.map(cidrOf) as string[]),
    { name: F(IPSET_IDS.localPod), type: 'hash:ip', family: fam, members: [] },
    net(IPSET_IDS.subnetsNat, natSubnets.map(cidrOf) as string[]),
    net(IPSET_IDS.distributedGw, withCidr.filter((x) => x.s.gatewayType === 'distributed').map(cidrOf) as string[]),
    net(
      IPSET_IDS.otherNode,
      (options.otherNodeIPs ?? []).filter((a) => familyOf(a) === family),
    ),
  ];
  // Policy rules of this family, with their ids; a rule's sets only in its own family (see the comparison doc).
  const policy = policySubnets.map((x) => ({
    x,
    rules: (x.s.natOutgoingPolicyRules ?? [])
      .map((r, i) => ({ r, id: natPolicyRuleId(x.s.name, i, r) }))
      .filter(({ r }) => familyOf(r.match.srcIPs || r.match.dstIPs || '') === family),
  }));
  for (const { rules } of policy) {
    for (const { r, id } of rules) {
      for (const side of ['src', 'dst'] as const) {
        const text = side === 'src' ? r.match.srcIPs : r.match.dstIPs;
        if (text === undefined || text === '') continue;
        ipsets.push({
          name: natPolicyRuleIpsetName(family, id, side),
          type: 'hash:net',
          family: fam,
          members: text.split(',').map((m) => m.trim()),
        });
      }
    }
  }
  ipsets.push(net(IPSET_IDS.natPolicySubnets, policySubnets.map(cidrOf) as string[]));

  // ---- iptables (setIptables) ----
  const subnetsSet = F(IPSET_IDS.subnets);
  const servicesSet = F(IPSET_IDS.services);
  const kubeProxy = new Set(options.kubeProxyIpsets ?? []);
  const kpFamily = family === 4 ? '' : '6-';
  const nodeIP = (options.nodeIPs ?? []).find((a) => familyOf(a) === family);
  type R = { table: IptablesTable; chain: string; spec: string[] };
  const r = (table: IptablesTable, chain: string, text: string): R => ({ table, chain, spec: fields(text) });
  const { prerouting: PRE, postrouting: POST, masquerade: MASQ, natPolicy: POLICY } = NAT_CHAINS;
  const list: R[] = [
    r(
      'nat',
      PRE,
      `-i ${NODE_NIC} -m set --match-set ${subnetsSet} src -m set --match-set ${servicesSet} dst -j MARK --set-xmark 0x4000/0x4000`,
    ), // gateway_linux.go:519
    r('nat', POST, `-m mark --mark 0x4000/0x4000 -j ${MASQ}`), // :521
    r('nat', POST, `-m set --match-set ${subnetsSet} src -m set --match-set ${subnetsSet} dst -j ${MASQ}`), // :523
    r('nat', POST, `-m mark --mark 0x80000/0x80000 -m set --match-set ${F(IPSET_IDS.distributedGw)} dst -j RETURN`), // :525
    r('nat', POST, `-m mark --mark 0x80000/0x80000 -j ${MASQ}`), // :527
    r('nat', POST, `-p tcp -m tcp --tcp-flags SYN NONE -m conntrack --ctstate NEW -j RETURN`), // :529
    r(
      'nat',
      POST,
      `-m set ! --match-set ${subnetsSet} src -m set ! --match-set ${F(IPSET_IDS.otherNode)} src -m set --match-set ${F(IPSET_IDS.subnetsNat)} dst -j RETURN`,
    ), // :531
    r(
      'nat',
      POST,
      `-m set --match-set ${F(IPSET_IDS.natPolicySubnets)} src -m set ! --match-set ${subnetsSet} dst -j ${POLICY}`,
    ), // :533
    r('nat', POST, `-m mark --mark ${NAT_POLICY_MARKS.nat} -j ${MASQ}`), // :534
    r('nat', POST, `-m mark --mark ${NAT_POLICY_MARKS.forward} -j RETURN`), // :535
    r(
      'nat',
      POST,
      `-m set --match-set ${F(IPSET_IDS.subnetsNat)} src -m set ! --match-set ${subnetsSet} dst -j ${MASQ}`,
    ), // :537
    r('nat', MASQ, `-j MARK --set-xmark 0x0/0xffffffff`), // :539
    r('nat', MASQ, `-j MASQUERADE`), // :541
    r('filter', 'INPUT', `-m set --match-set ${subnetsSet} src -j ACCEPT`), // :543-546
    r('filter', 'INPUT', `-m set --match-set ${subnetsSet} dst -j ACCEPT`),
    r('filter', 'INPUT', `-m set --match-set ${servicesSet} src -j ACCEPT`),
    r('filter', 'INPUT', `-m set --match-set ${servicesSet} dst -j ACCEPT`),
    r('filter', 'FORWARD', `-m set --match-set ${subnetsSet} src -j ACCEPT`), // :548-551
    r('filter', 'FORWARD', `-m set --match-set ${subnetsSet} dst -j ACCEPT`),
    r('filter', 'FORWARD', `-m set --match-set ${servicesSet} src -j ACCEPT`),
    r('filter', 'FORWARD', `-m set --match-set ${servicesSet} dst -j ACCEPT`),
    r('filter', 'OUTPUT', `-p udp -m udp --dport 6081 -j MARK --set-xmark 0x0`), // :553
    r(
      'mangle',
      POST,
      `-p tcp -m set --match-set ${subnetsSet} src -m tcp --tcp-flags RST RST -m state --state INVALID -j DROP`,
    ), // :555
  ];
  // IPVS kube-proxy (:624-633): mark by its cluster-IP set, reject new TCP to services that was not marked.
  const clusterIpSet = `KUBE-${kpFamily}CLUSTER-IP`;
  if (kubeProxy.has(clusterIpSet)) {
    list[0] = r(
      'nat',
      PRE,
      `-i ${NODE_NIC} -m set --match-set ${subnetsSet} src -m set --match-set ${clusterIpSet} dst,dst -j MARK --set-xmark 0x4000/0x4000`,
    );
    const reject = `-p tcp -m mark ! --mark 0x4000/0x4000 -m set --match-set ${servicesSet} dst -m conntrack --ctstate NEW -j REJECT`;
    list.push(r('filter', 'INPUT', reject), r('filter', 'OUTPUT', reject));
  }
  // With the node's address (:650-687): SNAT service traffic to it, first in OVN-POSTROUTING; node-port-local marks.
  if (nodeIP !== undefined) {
    list.splice(
      1,
      0,
      r(
        'nat',
        POST,
        `-m set --match-set ${servicesSet} src -m set --match-set ${subnetsSet} dst -m mark --mark 0x4000/0x4000 -j SNAT --to-source ${nodeIP}`,
      ),
    );
    for (const p of ['tcp', 'udp']) {
      const set = `KUBE-${kpFamily}NODE-PORT-LOCAL-${p.toUpperCase()}`;
      if (!kubeProxy.has(set)) continue;
      list.push(
        r(
          'nat',
          PRE,
          `-p ${p} -m addrtype --dst-type LOCAL -m set --match-set ${set} dst -j MARK --set-xmark 0x80000/0x80000`,
        ),
        r(
          'nat',
          PRE,
          `-p ${p} -m set --match-set ${F(IPSET_IDS.otherNode)} src -m set --match-set ${set} dst -j MARK --set-xmark 0x4000/0x4000`,
        ),
      );
    }
  }
  // Per-subnet counting rules in FORWARD (:693-696; Kube-OVN walks a Go map, here subnet order).
  for (const x of withCidr) {
    const c = cidrOf(x)!;
    list.push(
      r('filter', 'FORWARD', `-m comment --comment ${SUBNET_GATEWAY_COMMENT},${x.s.name} -s ${c}`),
      r('filter', 'FORWARD', `-m comment --comment ${SUBNET_GATEWAY_COMMENT},${x.s.name} -d ${c}`),
    );
  }
  const randomFully = options.randomFully ?? true;
  const pre: R[] = [];
  const post: R[] = [];
  const masq: R[] = [];
  const manglePost: R[] = [];
  const builtin: R[] = [];
  for (const rule of list) {
    if (rule.table === 'nat') {
      const last = rule.spec[rule.spec.length - 1];
      if (randomFully && (last === 'MASQUERADE' || rule.spec.includes('SNAT'))) rule.spec.push('--random-fully'); // :748-751
      if (rule.chain === PRE) pre.push(rule);
      else if (rule.chain === POST) post.push(rule);
      else if (rule.chain === MASQ) masq.push(rule);
      else builtin.push(rule);
    } else if (rule.table === 'mangle' && rule.chain === POST) manglePost.push(rule);
    else builtin.push(rule);
  }
  // Centralized subnets' egress SNAT, before the default nat-outgoing rule (:775-789).
  for (const [cidr, ip] of Object.entries(options.centralizedNatIPs ?? {})) {
    if (familyOf(cidr) !== family) continue;
    const spec = fields(
      `-s ${cidr} -m set ! --match-set ${subnetsSet} dst -j SNAT --to-source ${ip}${randomFully ? ' --random-fully' : ''}`,
    );
    post.splice(post.length - 1, 0, { table: 'nat', chain: POST, spec });
  }
  // natOutgoingPolicyRules chains (generateNatOutgoingPolicyChainRules, :964-1055).
  const policyChains: { name: string; rules: R[] }[] = [];
  const policyJumps: R[] = [];
  for (const { x, rules: prs } of policy) {
    const uid = options.subnetUids?.[x.s.name] ?? subnetUid(x.s.name);
    const chain = `${NAT_CHAINS.natPolicySubnetPrefix}${uid.slice(-12)}`; // util.GetTruncatedUID
    policyJumps.push(r('nat', POLICY, `-s ${cidrOf(x)!} -m comment --comment natPolicySubnet-${x.s.name} -j ${chain}`));
    policyChains.push({
      name: chain,
      rules: prs.map(({ r: pr, id }) => {
        const mark = NAT_POLICY_MARKS[pr.action];
        const src = pr.match.srcIPs ? `-m set --match-set ${natPolicyRuleIpsetName(family, id, 'src')} src ` : '';
        const dst = pr.match.dstIPs ? `-m set --match-set ${natPolicyRuleIpsetName(family, id, 'dst')} dst ` : '';
        return r('nat', chain, `${src}${dst}-j MARK --set-xmark ${mark}`);
      }),
    });
  }

  const chains: IptablesChain[] = [];
  const rules: IptablesRule[] = builtin.map((x) => ({ family, ...x }));
  const own = (table: IptablesTable, name: string, parent: string | undefined, body: readonly R[]) => {
    chains.push({ family, table, name, ...(parent === undefined ? {} : { parent }) });
    for (const x of body) rules.push({ family, table, chain: name, spec: x.spec });
  };
  for (const c of policyChains) own('nat', c.name, undefined, c.rules);
  own('nat', POLICY, undefined, policyJumps);
  own('nat', PRE, 'PREROUTING', pre);
  own('nat', MASQ, undefined, masq);
  own('nat', POST, 'POSTROUTING', post);
  own('mangle', POST, 'POSTROUTING', manglePost);
  return { ipsets, chains, rules };
}

const program = (family: 4 | 6) => (family === 4 ? 'iptables' : 'ip6tables');
const parentComment = (parent: string) => `kube-ovn ${parent.toLowerCase()} rules`;
const isOwned = (plan: NatOutgoingPlan, r: IptablesRule) =>
  plan.chains.some((c) => c.family === r.family && c.table === r.table && c.name === r.chain);

/**
 * The commands (argv arrays, program first) that apply a plan on a fresh node as the daemon would:
 * create and fill the ipsets (`-exist`, so re-running them is harmless); per family, insert each rule of
 * a built-in chain at position 1; then per owned chain `-N`, the parent jump inserted at position 1, and
 * the chain's rules appended in order.
 * Re-applying on a node that already has them fails at `-N`; an agent checks with `-C` first
 * (see {@link natOutgoingCheckCommands}).
 */
export function natOutgoingCommands(plan: NatOutgoingPlan): string[][] {
  const cmds: string[][] = [];
  for (const set of plan.ipsets) {
    cmds.push([
      'ipset',
      'create',
      set.name,
      set.type,
      'family',
      set.family,
      'maxelem',
      String(IPSET_MAXELEM),
      '-exist',
    ]);
    for (const m of set.members) cmds.push(['ipset', 'add', set.name, m, '-exist']);
  }
  for (const family of [4, 6] as const) {
    const ipt = program(family);
    for (const r of plan.rules)
      if (r.family === family && !isOwned(plan, r)) cmds.push([ipt, '-t', r.table, '-I', r.chain, '1', ...r.spec]);
    for (const c of plan.chains) {
      if (c.family !== family) continue;
      cmds.push([ipt, '-t', c.table, '-N', c.name]);
      if (c.parent !== undefined)
        cmds.push([
          ipt,
          '-t',
          c.table,
          '-I',
          c.parent,
          '1',
          '-m',
          'comment',
          '--comment',
          parentComment(c.parent),
          '-j',
          c.name,
        ]);
      for (const r of plan.rules)
        if (r.family === family && r.table === c.table && r.chain === c.name)
          cmds.push([ipt, '-t', r.table, '-A', r.chain, ...r.spec]);
    }
  }
  return cmds;
}

/** `-C` commands that exit 0 when each rule (and each parent jump) is present. */
export function natOutgoingCheckCommands(plan: NatOutgoingPlan): string[][] {
  return [
    ...plan.rules.map((r) => [program(r.family), '-t', r.table, '-C', r.chain, ...r.spec]),
    ...plan.chains
      .filter((c) => c.parent !== undefined)
      .map((c) => [
        program(c.family),
        '-t',
        c.table,
        '-C',
        c.parent!,
        '-m',
        'comment',
        '--comment',
        parentComment(c.parent!),
        '-j',
        c.name,
      ]),
  ];
}

/**
 * What `iptables -t <table> -S` prints for the plan's rules on a fresh node that applied
 * {@link natOutgoingCommands}: `-N` lines for the owned chains, then per chain its `-A` lines in the
 * order the chain holds them (rules inserted at position 1 end up last-inserted first). Printed as
 * iptables prints them: `-s` / `-d` first, comments with spaces or commas quoted, `--set-xmark 0x0` with its implied mask, a
 * bare `REJECT` with its default `--reject-with`.
 */
export function natOutgoingRuleLines(plan: NatOutgoingPlan, family: 4 | 6 = 4, table: IptablesTable = 'nat'): string[] {
  const byChain = new Map<string, string[][]>();
  const chainOf = (name: string) => byChain.get(name) ?? (byChain.set(name, []), byChain.get(name)!);
  for (const cmd of natOutgoingCommands(plan)) {
    if (cmd[0] !== program(family) || cmd[2] !== table) continue;
    if (cmd[3] === '-N') chainOf(cmd[4]!);
    else if (cmd[3] === '-A') chainOf(cmd[4]!).push(cmd.slice(5));
    else if (cmd[3] === '-I') chainOf(cmd[4]!).unshift(cmd.slice(6));
  }
  const print = (spec: readonly string[]) => {
    // iptables prints the address matches first and quotes a comment with other than [\w.-] in it.
    const addr: string[] = [];
    const rest: string[] = [];
    for (let i = 0; i < spec.length; i++) {
      const neg = spec[i] === '!' && (spec[i + 1] === '-s' || spec[i + 1] === '-d');
      if (neg || spec[i] === '-s' || spec[i] === '-d') {
        const n = neg ? 3 : 2;
        addr.push(...spec.slice(i, i + n));
        i += n - 1;
      } else rest.push(spec[i]!);
    }
    const out = [...addr, ...rest];
    const c = out.indexOf('--comment');
    if (c >= 0 && out[c + 1] !== undefined && /[^\w.-]/.test(out[c + 1]!)) out[c + 1] = `"${out[c + 1]}"`;
    const x = out.indexOf('--set-xmark');
    if (x >= 0 && out[x + 1] !== undefined && !out[x + 1]!.includes('/')) out[x + 1] = `${out[x + 1]}/0xffffffff`;
    if (out[out.length - 1] === 'REJECT')
      out.push('--reject-with', family === 4 ? 'icmp-port-unreachable' : 'icmp6-port-unreachable');
    return out.join(' ');
  };
  const owned = plan.chains.filter((c) => c.family === family && c.table === table).map((c) => c.name);
  return [
    ...[...new Set(owned)].map((c) => `-N ${c}`),
    ...[...byChain].flatMap(([chain, specs]) => specs.map((s) => `-A ${chain} ${print(s)}`)),
  ];
}
