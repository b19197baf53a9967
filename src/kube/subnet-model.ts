/**
 * The desired-state model of Kube-OVN's VPCs, subnets and pods, without any database: types, defaults
 * as Kube-OVN installs them, validation of a whole set of subnets, namespace → subnet selection, and a
 * pure IPAM planner that turns subnets + pods + existing IP records into the IP records to keep.
 * The NB reconciler (elsewhere) turns the result into logical switches, router ports and switch ports.
 */
import {
  AddressOutsideCidrError,
  type Cidr,
  ExcludeOutsideCidrError,
  GatewayReservedError,
  InvalidAddressError,
  InvalidCidrError,
  InvalidRangeError,
  Ipam,
  IpamError,
  SubnetAllocator,
  type SubnetUsage,
  cidrContains,
  cidrsOverlap,
  formatAddress,
  formatRange,
  parseAddress,
  parseCidrBlock,
  parseIpRange,
  parseMac,
} from '../ipam/index.js';
import { checkKubeName } from './names.js';
import {
  type CheckedIpPool,
  type KubeIpPool,
  ipPoolUsage,
  isIpPoolName,
  pickOutsidePools,
  pickPoolAddresses,
  validateIpPools,
} from './ip-pools.js';
import {
  DuplicatePodError,
  DuplicateSubnetNameError,
  IpPoolExhaustedError,
  IpPoolSubnetError,
  UnknownIpPoolError,
  VipFieldError,
  ExcludeOutsideSubnetError,
  GatewayOutsideSubnetError,
  GatewayReservedAddressError,
  MultipleDefaultSubnetsError,
  NamespaceOfCustomVpcError,
  NamespaceOutsideVpcError,
  NoSubnetForNamespaceError,
  VpcRouteError,
  PodFieldError,
  SubnetCidrError,
  SubnetExcludeError,
  SubnetFieldError,
  SubnetGatewayError,
  SubnetInUseError,
  SubnetNamedLikeVpcError,
  SubnetReservedCidrError,
  SubnetUppercaseAddressError,
  SubnetsOverlapError,
  U2oAddressError,
  NatPolicyRuleError,
  VlanFieldError,
  UnknownSubnetNameError,
  UnknownVpcError,
} from './model-errors.js';

/** The VPC (logical router) Kube-OVN creates at install. */
export const DEFAULT_VPC = 'ovn-cluster';
/** The node (join) subnet Kube-OVN creates at install. */
export const JOIN_SUBNET = 'join';
/** The default pod subnet Kube-OVN creates at install. */
export const DEFAULT_SUBNET = 'ovn-default';
/** The only provider this model handles (overlay subnets on OVN). */
export const OVN_PROVIDER = 'ovn';

/** Subnet address families, as Kube-OVN spells them. */
export const PROTOCOLS = ['IPv4', 'IPv6', 'Dual'] as const;
/** A subnet's address family as Kube-OVN spells it (`spec.protocol`): one of {@link PROTOCOLS}. */
export type Protocol = (typeof PROTOCOLS)[number];
/** Where traffic leaving the cluster exits: every node (`distributed`) or gateway nodes (`centralized`). */
export const GATEWAY_TYPES = ['distributed', 'centralized'] as const;
/** A subnet's `spec.gatewayType`: one of {@link GATEWAY_TYPES}. */
export type GatewayType = (typeof GATEWAY_TYPES)[number];

/** A static route of a VPC's router (Kube-OVN `spec.staticRoutes`). */
export interface VpcStaticRoute {
  readonly cidr: string;
  readonly nextHopIP: string;
  /** `dst-ip` (default) or `src-ip`. */
  readonly policy?: 'dst-ip' | 'src-ip';
}

/** A policy route of a VPC's router (Kube-OVN `spec.policyRoutes`). */
export interface VpcPolicyRoute {
  readonly priority: number;
  readonly match: string;
  readonly action: 'allow' | 'drop' | 'reroute';
  readonly nextHopIP?: string;
}

/** A VPC: one logical router. */
export interface Vpc {
  readonly name: string;
  /** Namespaces whose pods may use the VPC's subnets (custom VPCs; `kubectl get vpc` NAMESPACES). */
  readonly namespaces?: readonly string[];
  readonly staticRoutes?: readonly VpcStaticRoute[];
  readonly policyRoutes?: readonly VpcPolicyRoute[];
  /** Shown in `kubectl get vpc`; no external gateway is built by this model. */
  readonly enableExternal?: boolean;
  /** Shown in `kubectl get vpc`; BFD is not configured by this model. */
  readonly enableBfd?: boolean;
}

/** A subnet with every field filled in (see {@link defineSubnet} for the defaults). */
export interface Subnet {
  readonly name: string;
  readonly vpc: string;
  /** `10.16.0.0/16`, or dual stack `10.16.0.0/16,fd00:10:16::/64` (canonical, IPv4 first). */
  readonly cidrBlock: string;
  /** One per family, comma-joined, IPv4 first. */
  readonly gateway: string;
  /**
   * As Kube-OVN's controller rewrites `spec.excludeIps` (checkAndUpdateExcludeIPs): overlapping entries
   * merged (adjacent ones kept apart), sorted as strings, each gateway appended when no entry covers it;
   * the gateway alone when none were given. Entries outside the CIDR stay listed here but are clipped
   * for allocation (util.ExpandExcludeIPs).
   */
  readonly excludeIps: readonly string[];
  readonly gatewayType: GatewayType;
  readonly natOutgoing: boolean;
  readonly private: boolean;
  readonly default: boolean;
  readonly provider: typeof OVN_PROVIDER;
  readonly protocol: Protocol;
  readonly namespaces: readonly string[];
  /**
   * The underlay-to-overlay interconnection address: as written (`spec.u2oInterconnectionIP`) after
   * {@link defineSubnet}, cleared when `u2oInterconnection` is off (Kube-OVN formatSubnet); after
   * {@link planIpam}, the address allocated (Kube-OVN `status.u2oInterconnectionIP`, the
   * U2OINTERCONNECTIONIP column) — only underlay subnets (`vlan`, no `logicalGateway`) get one.
   */
  readonly u2oInterconnectionIP?: string | undefined;
  /** Kube-OVN `spec.u2oInterconnection`: connect an underlay subnet to its VPC router (through the u2o address). */
  readonly u2oInterconnection?: boolean | undefined;
  /** Kube-OVN `spec.natOutgoingPolicyRules`, as written (applied by the node only when `natOutgoing`). */
  readonly natOutgoingPolicyRules?: readonly NatOutgoingPolicyRule[] | undefined;
  /** Kube-OVN `spec.vlan`: the Vlan (and so the provider network) of an underlay subnet. */
  readonly vlan?: string | undefined;
  /** Kube-OVN `spec.logicalGateway`: an underlay subnet still routed by the VPC router. */
  readonly logicalGateway?: boolean | undefined;
}

/**
 * One `spec.natOutgoingPolicyRules` entry of a natOutgoing subnet (Kube-OVN ≥ v1.12): traffic from the
 * subnet to outside the cluster's subnets that matches `srcIPs` / `dstIPs` (comma-separated addresses or
 * CIDRs of one family) is masqueraded (`nat`) or sent without NAT (`forward`); the first matching rule wins,
 * unmatched traffic falls through to the subnet's default (masquerade).
 */
export interface NatOutgoingPolicyRule {
  readonly match: { readonly srcIPs?: string; readonly dstIPs?: string };
  readonly action: 'nat' | 'forward';
}

/** What a user writes: name and cidrBlock, the rest optional. */
export interface SubnetInput {
  readonly name: string;
  readonly cidrBlock: string;
  readonly vpc?: string;
  readonly gateway?: string;
  readonly excludeIps?: readonly string[];
  readonly gatewayType?: GatewayType;
  readonly natOutgoing?: boolean;
  readonly private?: boolean;
  readonly default?: boolean;
  readonly provider?: typeof OVN_PROVIDER;
  readonly protocol?: Protocol;
  readonly namespaces?: readonly string[];
  readonly u2oInterconnectionIP?: string;
  readonly u2oInterconnection?: boolean;
  readonly natOutgoingPolicyRules?: readonly NatOutgoingPolicyRule[];
  readonly vlan?: string;
  readonly logicalGateway?: boolean;
}

/** A pod that needs a port: optional static IP (`a` or `a,b`) and MAC, optional explicit subnet. */
export interface Pod {
  readonly name: string;
  readonly namespace: string;
  readonly node: string;
  /** Static address(es), Kube-OVN's `ovn.kubernetes.io/ip_address` annotation. */
  readonly ip?: string;
  /** Static MAC, `ovn.kubernetes.io/mac_address`; kept as written. */
  readonly mac?: string;
  /** Explicit subnet (Kube-OVN's `ovn.kubernetes.io/logical_switch` annotation); else by namespace. */
  readonly subnet?: string;
  /**
   * `ovn.kubernetes.io/port_security: "true"`: the port's `port_security` is set to its addresses.
   * Default false: Kube-OVN leaves `port_security` empty.
   */
  readonly portSecurity?: boolean;
  /**
   * Kube-OVN's `ovn.kubernetes.io/ip_pool` annotation: addresses separated by `,` (or by `;` when each entry
   * is a dual-stack `v4,v6` pair). A pod takes the first one no other pod holds; a StatefulSet pod takes
   * the entry at its ordinal (the number after the last `-` of its name). Named IPPool resources are not
   * modelled.
   */
  readonly ipPool?: string;
  /** The pod belongs to a StatefulSet (Kube-OVN's isStsPod): `ipPool` is indexed by the pod's ordinal. */
  readonly statefulSet?: boolean;
}

/**
 * Split an `ip_pool` annotation as Kube-OVN does (pkg/controller/pod.go getNameByPod/acquireAddress): by `;`
 * if present, else by `,` — except that two addresses of different families form one dual-stack entry.
 */
export function parseIpPool(text: string): string[] {
  let entries: string[];
  if (text.includes(';')) entries = text.split(';');
  else {
    entries = text.split(',');
    if (entries.length === 2 && entries[0]!.includes(':') !== entries[1]!.includes(':')) entries = [text];
  }
  return entries.map((e) => e.trim());
}

/** Vip types this model builds: the default (`''`, a `virtual` port per address) and `switch_lb_vip` (Kube-OVN util.SwitchLBRuleVip). */
export const VIP_TYPES = ['', 'switch_lb_vip'] as const;
/** A Vip `spec.type` this model builds (see {@link VIP_TYPES}). */
export type VipType = (typeof VIP_TYPES)[number];

/**
 * A Vip (Kube-OVN's `vips.kubeovn.io`): addresses reserved in a subnet — one per family of the subnet,
 * counted in V4USED / V6USED, never handed to a pod. The default type is attached as one `virtual` switch
 * port `<subnet>-vip-<ip>` per address; `switch_lb_vip` (Kube-OVN v1.12 handleAddVirtualIP) as a switch
 * port `<name>.<namespace>` with the subnet's router-port MAC and `options:arp_proxy=true`, so the address
 * answers ARP / ND with the gateway's MAC (for switch load-balancer rules).
 */
export interface KubeVip {
  readonly name: string;
  readonly subnet: string;
  /** Static IPv4 address (`spec.v4ip`); else the next one the subnet hands out. */
  readonly ip?: string;
  /** Static IPv6 address (`spec.v6ip`, Kube-OVN ≥ v1.14; v1.12 ignores it); else the next one. */
  readonly v6ip?: string;
  /** Static MAC (`spec.macAddress`, Kube-OVN ≥ v1.14; v1.12 overwrites it with a random one), unique in the subnet. */
  readonly macAddress?: string;
  /** `spec.type`: `''` (default) or `switch_lb_vip`. */
  readonly type?: VipType;
  /** `spec.namespace`: names the `switch_lb_vip` port `<name>.<namespace>`. */
  readonly namespace?: string;
}

/**
 * Check one Vip's own fields (Kube-OVN acquireStaticIPAddress: addresses that parse; the type one v1.12
 * knows; later Kube-OVN's checks of `v6ip` / `macAddress`).
 * @throws KubeNameError `KUBE_INVALID_NAME`, VipFieldError `KUBE_VIP_INVALID_FIELD`
 */
export function checkVip(v: KubeVip): { ip: string | undefined; mac: string | undefined } {
  checkKubeName('vip.name', v.name, 'dns1123-subdomain');
  const family = (field: string, text: string | undefined, want: 4 | 6): string | undefined => {
    if (text === undefined || text === '') return undefined;
    let a;
    try {
      a = parseAddress(text);
    } catch (e) {
      throw new VipFieldError(v.name, field, String(text), e instanceof Error ? e.message : 'does not parse');
    }
    if (a.family !== want) throw new VipFieldError(v.name, field, text, `not an IPv${want} address`);
    if (/[A-Z]/.test(text)) throw new VipFieldError(v.name, field, text, 'must be lower case');
    return formatAddress(a.family, a.value);
  };
  const ips = [family('ip', v.ip, 4), family('v6ip', v.v6ip, 6)].filter((x): x is string => x !== undefined);
  if (v.type !== undefined && !(VIP_TYPES as readonly string[]).includes(v.type))
    throw new VipFieldError(
      v.name,
      'type',
      String(v.type),
      `not one of ${VIP_TYPES.map((t) => JSON.stringify(t)).join(', ')}`,
    );
  if (v.namespace !== undefined && v.namespace !== '')
    checkKubeName('vip.namespace', v.namespace, 'dns1123-label', `vip ${v.name}`);
  let mac: string | undefined;
  if (v.macAddress !== undefined && v.macAddress !== '') {
    try {
      parseMac(v.macAddress);
    } catch (e) {
      throw new VipFieldError(
        v.name,
        'macAddress',
        String(v.macAddress),
        e instanceof Error ? e.message : 'does not parse',
      );
    }
    mac = v.macAddress;
  }
  return { ip: ips.length === 0 ? undefined : ips.join(','), mac };
}

/**
 * A Vlan (Kube-OVN's `vlans.kubeovn.io`): a VLAN id on a provider network. Subnets naming it (`vlan`) are
 * underlay subnets: their switch gets a localnet port `localnet.<subnet>` with `network_name` = the
 * provider network and `tag` = the id (none for 0).
 */
export interface KubeVlan {
  readonly name: string;
  /** 0..4095 (0: untagged). */
  readonly id: number;
  /** The ProviderNetwork's name (the bridge mapping name on the nodes). */
  readonly provider: string;
}

/**
 * Check Vlans as Kube-OVN's validator does (pkg/util/validator.go ValidateVlan: id 0..4095, a provider).
 * @throws KubeNameError `KUBE_INVALID_NAME`, VlanFieldError `KUBE_VLAN_INVALID`
 */
export function validateVlans(vlans: readonly KubeVlan[]): KubeVlan[] {
  const seen = new Set<string>();
  return vlans.map((v) => {
    checkKubeName('vlan.name', v.name, 'dns1123-subdomain');
    if (seen.has(v.name)) throw new VlanFieldError(v.name, 'name', v.name, 'listed twice');
    seen.add(v.name);
    if (!Number.isInteger(v.id) || v.id < 0 || v.id > 4095)
      throw new VlanFieldError(v.name, 'id', String(v.id), 'not an integer 0..4095');
    if (typeof v.provider !== 'string' || v.provider === '')
      throw new VlanFieldError(v.name, 'provider', String(v.provider), 'empty');
    checkKubeName('vlan.provider', v.provider, 'dns1123-subdomain', `vlan ${v.name}`);
    return { name: v.name, id: v.id, provider: v.provider };
  });
}

/**
 * An underlay subnet whose gateway is the physical router (`vlan` set, no `logicalGateway`): no VPC router
 * port unless u2o interconnection gives it one.
 */
export function hasPhysicalGateway(s: Pick<Subnet, 'vlan' | 'logicalGateway'>): boolean {
  return s.vlan !== undefined && s.vlan !== '' && s.logicalGateway !== true;
}

/** IPAM owner (and Kube-OVN IP CR) name of a subnet's u2o address: `u2o-interconnection.<vpc>.<subnet>`. */
export function u2oOwnerName(vpc: string, subnet: string): string {
  return `u2o-interconnection.${vpc}.${subnet}`;
}

/** IPAM owner name of a Vip: `vip:<name>` (cannot clash with a pod's `<pod>.<namespace>`). */
export function vipOwnerName(vip: string): string {
  return `vip:${vip}`;
}

/** An IP record as `kubectl get ips` lists it. `name` is the logical switch port name. */
export interface IpRecord {
  readonly name: string;
  /** `a` or `a,b` (IPv4 first). */
  readonly ip: string;
  readonly mac: string;
  readonly node: string;
  readonly subnet: string;
}

/** Name of a pod's logical switch port and IP record: `<pod>.<namespace>`. */
export function podPortName(pod: string, namespace: string): string {
  return `${pod}.${namespace}`;
}

/** Name of a node's port (and IP record) in the join subnet: `node-<node>`. */
export function nodePortName(node: string): string {
  return `node-${node}`;
}

/** The VPC Kube-OVN creates at install. */
export function defaultVpc(): Vpc {
  return { name: DEFAULT_VPC };
}

/**
 * The two subnets Kube-OVN creates at install: `join` (100.64.0.0/16, no NAT) and `ovn-default`
 * (10.16.0.0/16, natOutgoing, default), both distributed, provider ovn, IPv4, on `ovn-cluster`.
 */
export function defaultSubnets(): Subnet[] {
  return [
    defineSubnet({
      name: JOIN_SUBNET,
      cidrBlock: '100.64.0.0/16',
      gateway: '100.64.0.1',
      excludeIps: ['100.64.0.1'],
      natOutgoing: false,
    }),
    defineSubnet({
      name: DEFAULT_SUBNET,
      cidrBlock: '10.16.0.0/16',
      gateway: '10.16.0.1',
      excludeIps: ['10.16.0.1'],
      natOutgoing: true,
      default: true,
    }),
  ];
}

/** Build the subnet's allocator, turning IPAM errors into this model's errors for the field at fault. */
function allocatorFor(
  s: Pick<SubnetInput, 'name' | 'cidrBlock' | 'gateway' | 'excludeIps' | 'vpc'>,
  options: { macSeed?: number; ipam?: Ipam } = {},
): SubnetAllocator {
  const spec = {
    cidr: s.cidrBlock,
    ...(s.gateway === undefined || s.gateway === '' ? {} : { gateway: s.gateway }),
    excludeIps: s.excludeIps ?? [],
    excludeOutside: 'clip' as const,
  };
  try {
    if (options.ipam !== undefined) return options.ipam.addSubnet(s.name, { ...spec, scope: s.vpc ?? DEFAULT_VPC });
    return new SubnetAllocator(spec, { generateMacs: false });
  } catch (e) {
    if (e instanceof InvalidCidrError) throw new SubnetCidrError(s.name, s.cidrBlock, e);
    if (e instanceof InvalidRangeError) throw new SubnetExcludeError(s.name, e.value, e);
    if (e instanceof ExcludeOutsideCidrError) throw new ExcludeOutsideSubnetError(s.name, e.value, e.cidr);
    if (e instanceof AddressOutsideCidrError) throw new GatewayOutsideSubnetError(s.name, e.value, e.cidr);
    if (e instanceof GatewayReservedError) throw new GatewayReservedAddressError(s.name, e.value, e);
    if (e instanceof InvalidAddressError) throw new SubnetGatewayError(s.name, s.gateway ?? '', e);
    throw e;
  }
}

function checkName(subnet: string, field: string, value: unknown): void {
  if (typeof value !== 'string' || value.length === 0) {
    throw new SubnetFieldError(subnet, field, String(value), 'a non-empty name');
  }
}

/**
 * The ranges Kube-OVN's `util.CIDRGlobalUnicast` refuses a subnet to overlap (pkg/util/net.go constants),
 * with what it calls them.
 */
export const RESERVED_CIDRS: readonly { readonly cidr: string; readonly what: string }[] = [
  { cidr: '255.255.255.255/32', what: 'IPv4 broadcast' },
  { cidr: '224.0.0.0/4', what: 'IPv4 multicast' },
  { cidr: '127.0.0.0/8', what: 'IPv4 loopback' },
  { cidr: '0.0.0.0/32', what: 'IPv4 unspecified' },
  { cidr: '169.254.0.0/16', what: 'IPv4 link-local' },
  { cidr: '::/128', what: 'IPv6 unspecified' },
  { cidr: '::1/128', what: 'IPv6 loopback' },
  { cidr: 'ff00::/8', what: 'IPv6 multicast' },
  { cidr: 'fe80::/10', what: 'IPv6 link-local' },
];

/** Parse a /32 or /128 "CIDR" too (the reserved list has some); only for overlap tests. */
function rangeOfCidr(text: string): Cidr {
  const [addr, prefix] = text.split('/') as [string, string];
  const a = parseAddress(addr);
  const bits = a.family === 4 ? 32 : 128;
  const size = 1n << BigInt(bits - Number(prefix));
  return {
    family: a.family,
    prefix: Number(prefix),
    network: a.value,
    last: a.value + size - 1n,
    firstUsable: a.value,
    lastUsable: a.value,
    text,
  };
}
const RESERVED_RANGES = RESERVED_CIDRS.map((r) => ({ ...r, range: rangeOfCidr(r.cidr) }));

/**
 * The CIDR block with host bits cleared, as Kube-OVN's controller rewrites it (checkAndUpdateCIDR keeps
 * `net.ParseCIDR`'s network), and checked against the reserved ranges (ValidateSubnet → CIDRGlobalUnicast).
 */
function normalizeCidrBlock(subnet: string, text: unknown): readonly Cidr[] {
  if (typeof text !== 'string') throw new SubnetCidrError(subnet, String(text), new Error('not a string'));
  const parts = text.split(',').map((part) => {
    const slash = part.indexOf('/');
    if (slash < 0 || !/^(0|[1-9][0-9]{0,2})$/.test(part.slice(slash + 1))) return part; // parseCidrBlock reports it
    let a;
    try {
      a = parseAddress(part.slice(0, slash));
    } catch {
      return part;
    }
    const bits = a.family === 4 ? 32 : 128;
    const prefix = Number(part.slice(slash + 1));
    if (prefix > bits) return part;
    const mask = ((1n << BigInt(bits)) - 1n) ^ ((1n << BigInt(bits - prefix)) - 1n);
    return `${formatAddress(a.family, a.value & mask)}/${prefix}`;
  });
  let cidrs: readonly Cidr[];
  try {
    cidrs = parseCidrBlock(parts.join(','));
  } catch (e) {
    throw new SubnetCidrError(subnet, text, e);
  }
  for (const c of cidrs) {
    for (const r of RESERVED_RANGES) {
      if (cidrsOverlap(c, r.range)) throw new SubnetReservedCidrError(subnet, c.text, r.cidr, r.what);
    }
  }
  return cidrs;
}

/**
 * `spec.excludeIps` as Kube-OVN's controller rewrites it (pkg/controller/subnet.go checkAndUpdateExcludeIPs,
 * checkAndFormatsExcludeIPs, filterRepeatIPRange): none given → the gateways; else overlapping entries
 * merged (adjacent ones are not), canonical text, sorted as strings, and each gateway not covered by an
 * entry appended, sorted again.
 */
function kubeExcludeList(subnet: string, entries: readonly string[], gateways: readonly string[]): string[] {
  if (entries.length === 0) return [...gateways].sort();
  const ranges: { family: 4 | 6; start: bigint; end: bigint }[] = [];
  for (const entry of entries) {
    if (typeof entry !== 'string') throw new SubnetExcludeError(subnet, String(entry), new Error('not a string'));
    let r;
    try {
      r = parseIpRange(entry);
    } catch (e) {
      throw new SubnetExcludeError(subnet, entry, e);
    }
    ranges.push({ ...r });
  }
  // Merge overlapping ranges of one family until nothing changes (adjacent ranges stay apart).
  let merged = true;
  while (merged) {
    merged = false;
    outer: for (let i = 0; i < ranges.length; i++) {
      for (let j = i + 1; j < ranges.length; j++) {
        const a = ranges[i]!;
        const b = ranges[j]!;
        if (a.family !== b.family || b.end < a.start || b.start > a.end) continue;
        ranges[i] = {
          family: a.family,
          start: a.start < b.start ? a.start : b.start,
          end: a.end > b.end ? a.end : b.end,
        };
        ranges.splice(j, 1);
        merged = true;
        break outer;
      }
    }
  }
  const out = [...new Set(ranges.map((r) => formatRange(r.family, r.start, r.end)))].sort();
  for (const g of gateways) {
    const a = parseAddress(g);
    if (!ranges.some((r) => r.family === a.family && r.start <= a.value && a.value <= r.end)) out.push(g);
  }
  return out.sort();
}

function checkLowerCase(subnet: string, field: string, value: unknown): void {
  if (typeof value === 'string' && /[A-Z]/.test(value)) throw new SubnetUppercaseAddressError(subnet, field, value);
}

/**
 * Fill in a subnet's defaults the way Kube-OVN's controller formats a Subnet (pkg/controller/subnet.go
 * formatSubnet), and check it on its own as its validator does (pkg/util/validator.go ValidateSubnet):
 *
 * - names are RFC 1123 subdomains (the subnet's and its VPC's), namespaces RFC 1123 labels;
 * - vpc `ovn-cluster`; gatewayType `distributed`; natOutgoing/private false; provider `ovn`;
 * - host bits in `cidrBlock` are cleared; `protocol` is always the CIDR block's (a value that disagrees
 *   is overwritten, as Kube-OVN does); a block overlapping a reserved range (loopback, link-local,
 *   multicast, broadcast, unspecified — v4 and v6) is refused;
 * - gateway = first usable address of each family not given; an IPv6 all-ones gateway is allowed;
 * - excludeIps formatted as Kube-OVN stores them (see {@link Subnet.excludeIps}); entries outside the
 *   CIDR are clipped for allocation, not refused;
 * - `default: true` is kept only for `ovn-default` when `vpc` is left out (Kube-OVN clears it otherwise);
 * - u2oInterconnectionIP inside the CIDR and not the gateway;
 * - natOutgoingPolicyRules: addresses / CIDRs of one family per rule, action `nat` or `forward`;
 * - address fields in upper case are refused (Kube-OVN ≥ v1.13 refuses upper-case IPv6 text).
 *
 * @throws SubnetFieldError `KUBE_SUBNET_INVALID_FIELD`, KubeNameError `KUBE_INVALID_NAME`,
 *   SubnetCidrError `KUBE_SUBNET_INVALID_CIDR`, SubnetReservedCidrError `KUBE_SUBNET_RESERVED_CIDR`,
 *   SubnetUppercaseAddressError `KUBE_SUBNET_UPPERCASE_ADDRESS`, SubnetExcludeError `KUBE_SUBNET_INVALID_EXCLUDE`,
 *   SubnetGatewayError `KUBE_SUBNET_INVALID_GATEWAY`, GatewayOutsideSubnetError `KUBE_SUBNET_GATEWAY_OUTSIDE_CIDR`,
 *   GatewayReservedAddressError `KUBE_SUBNET_GATEWAY_RESERVED`, U2oAddressError `KUBE_SUBNET_INVALID_U2O_IP`,
 *   NatPolicyRuleError `KUBE_SUBNET_INVALID_NAT_POLICY_RULE`
 *
 * @example
 * defineSubnet({ name: 'subnet1', cidrBlock: '10.66.0.0/16', excludeIps: ['10.66.0.1..10.66.0.10'], natOutgoing: true, namespaces: ['ns1'] })
 */
export function defineSubnet(input: SubnetInput): Subnet {
  checkName(String(input.name), 'name', input.name);
  const name = checkKubeName('subnet.name', input.name, 'dns1123-subdomain');
  const vpc = input.vpc ?? DEFAULT_VPC;
  checkName(name, 'vpc', vpc);
  checkKubeName('subnet.vpc', vpc, 'dns1123-subdomain', `subnet ${name}`);
  checkLowerCase(name, 'cidrBlock', input.cidrBlock);
  checkLowerCase(name, 'gateway', input.gateway);
  for (const e of input.excludeIps ?? []) checkLowerCase(name, 'excludeIps', e);
  checkLowerCase(name, 'u2oInterconnectionIP', input.u2oInterconnectionIP);
  const cidrs = normalizeCidrBlock(name, input.cidrBlock);
  const cidrBlock = cidrs.map((c) => c.text).join(',');
  const gatewayType = input.gatewayType ?? 'distributed';
  if (!(GATEWAY_TYPES as readonly string[]).includes(gatewayType)) {
    throw new SubnetFieldError(name, 'gatewayType', String(gatewayType), GATEWAY_TYPES.join(' or '));
  }
  const provider = input.provider ?? OVN_PROVIDER;
  if (provider !== OVN_PROVIDER) throw new SubnetFieldError(name, 'provider', String(provider), OVN_PROVIDER);
  for (const ns of input.namespaces ?? []) {
    checkName(name, 'namespaces', ns);
    checkKubeName('subnet.namespaces', ns, 'dns1123-label', `subnet ${name}`);
  }

  // The gateway(s) first, then the exclude list as Kube-OVN formats it, then the allocator over both.
  const gw = allocatorFor({
    name,
    cidrBlock,
    ...(input.gateway === undefined ? {} : { gateway: input.gateway }),
  }).gateway;
  const excludeIps = kubeExcludeList(name, input.excludeIps ?? [], gw.split(','));
  const a = allocatorFor({ name, cidrBlock, gateway: gw, excludeIps });
  let u2o: string | undefined;
  if (input.u2oInterconnectionIP !== undefined && input.u2oInterconnectionIP !== '') {
    let parsed;
    try {
      parsed = parseAddress(input.u2oInterconnectionIP);
    } catch (e) {
      throw new U2oAddressError(name, input.u2oInterconnectionIP, e instanceof Error ? e.message : 'does not parse');
    }
    const cidr = a.cidrs.find((c) => c.family === parsed.family);
    if (cidr === undefined || !cidrContains(cidr, parsed.value)) {
      throw new U2oAddressError(name, input.u2oInterconnectionIP, `outside ${a.cidrBlock}`);
    }
    // Compared as addresses, so `fd00::0:1` equals the gateway `fd00::1`.
    if (
      gw.split(',').some((g) => {
        const x = parseAddress(g);
        return x.family === parsed.family && x.value === parsed.value;
      })
    ) {
      throw new U2oAddressError(name, input.u2oInterconnectionIP, `is the gateway ${gw}`);
    }
    u2o = formatAddress(parsed.family, parsed.value);
  }
  return {
    name,
    vpc,
    cidrBlock: a.cidrBlock,
    gateway: a.gateway,
    excludeIps,
    gatewayType,
    natOutgoing: input.natOutgoing ?? false,
    private: input.private ?? false,
    default: (input.default ?? false) && (input.vpc !== undefined || name === DEFAULT_SUBNET),
    provider: OVN_PROVIDER,
    protocol: a.protocol,
    namespaces: [...(input.namespaces ?? [])],
    // Kube-OVN formatSubnet: the address is dropped when u2oInterconnection is off (after validation).
    ...(u2o === undefined || input.u2oInterconnection !== true ? {} : { u2oInterconnectionIP: u2o }),
    ...(input.u2oInterconnection === true ? { u2oInterconnection: true } : {}),
    ...(input.natOutgoingPolicyRules === undefined || input.natOutgoingPolicyRules.length === 0
      ? {}
      : { natOutgoingPolicyRules: checkNatPolicyRules(name, input.natOutgoingPolicyRules) }),
    ...(input.vlan === undefined || input.vlan === '' ? {} : { vlan: input.vlan }),
    ...(input.logicalGateway === true ? { logicalGateway: true } : {}),
  };
}

/**
 * The family of one `srcIPs` / `dstIPs` list, checked as Kube-OVN's validator does
 * (pkg/util/validator.go validateNatOutGoingPolicyRuleIPs): every comma-separated item an address or a
 * CIDR (host bits allowed, as `net.ParseCIDR`), all of one family.
 */
function natPolicyIpsFamily(subnet: string, index: number, field: string, text: unknown): 4 | 6 {
  if (typeof text !== 'string' || text === '')
    throw new NatPolicyRuleError(subnet, index, field, String(text), 'not a non-empty string');
  let family: 4 | 6 | undefined;
  for (const item of text.split(',')) {
    let f: 4 | 6;
    try {
      const slash = item.indexOf('/');
      f = parseAddress(slash < 0 ? item : item.slice(0, slash)).family;
      if (slash >= 0) {
        const len = item.slice(slash + 1);
        if (!/^(0|[1-9][0-9]{0,2})$/.test(len) || Number(len) > (f === 4 ? 32 : 128)) throw new Error('bad prefix');
      }
    } catch {
      throw new NatPolicyRuleError(subnet, index, field, text, `${JSON.stringify(item)} is not an address or CIDR`);
    }
    if (family !== undefined && f !== family)
      throw new NatPolicyRuleError(subnet, index, field, text, 'mixes IPv4 and IPv6');
    family = f;
  }
  return family!;
}

/**
 * Check `natOutgoingPolicyRules` as Kube-OVN's validator does (validateNatOutgoingPolicyRules: each list
 * one family, src and dst of one family) and, unlike v1.12, also the action (`nat` or `forward`) and that
 * a rule matches something — v1.12 accepts both and then installs a broken or no rule.
 */
function checkNatPolicyRules(subnet: string, rules: readonly NatOutgoingPolicyRule[]): NatOutgoingPolicyRule[] {
  return rules.map((r, i) => {
    if (typeof r !== 'object' || r === null || typeof r.match !== 'object' || r.match === null)
      throw new NatPolicyRuleError(subnet, i, 'match', JSON.stringify(r), 'no match object');
    if (r.action !== 'nat' && r.action !== 'forward')
      throw new NatPolicyRuleError(subnet, i, 'action', String(r.action), 'not nat or forward');
    const { srcIPs, dstIPs } = r.match;
    const hasSrc = srcIPs !== undefined && srcIPs !== '';
    const hasDst = dstIPs !== undefined && dstIPs !== '';
    if (!hasSrc && !hasDst) throw new NatPolicyRuleError(subnet, i, 'match', '{}', 'neither srcIPs nor dstIPs');
    const sf = hasSrc ? natPolicyIpsFamily(subnet, i, 'match.srcIPs', srcIPs) : undefined;
    const df = hasDst ? natPolicyIpsFamily(subnet, i, 'match.dstIPs', dstIPs) : undefined;
    if (sf !== undefined && df !== undefined && sf !== df)
      throw new NatPolicyRuleError(subnet, i, 'match.dstIPs', String(dstIPs), 'not of the family of srcIPs');
    return {
      match: { ...(hasSrc ? { srcIPs: srcIPs } : {}), ...(hasDst ? { dstIPs: dstIPs } : {}) },
      action: r.action,
    };
  });
}

/**
 * The exclude list the allocator uses for a subnet: {@link Subnet.excludeIps} clipped to the CIDR and
 * merged — what `other_config:exclude_ips` gets for ovn-northd.
 */
export function allocatorExcludeIps(
  subnet: Pick<Subnet, 'name' | 'cidrBlock' | 'gateway' | 'excludeIps'>,
): readonly string[] {
  return allocatorFor(subnet).excludeIps;
}

/**
 * Check VPCs on their own: names (RFC 1123 subdomains), namespaces (labels), static routes (`cidr` a CIDR
 * or address, `nextHopIP` an address of the same family) and policy routes (priority 0..32767, a match,
 * reroute with a next hop).
 * @throws KubeNameError `KUBE_INVALID_NAME`, VpcRouteError `KUBE_VPC_INVALID_ROUTE`
 */
export function validateVpcs(vpcs: readonly Vpc[]): Vpc[] {
  for (const v of vpcs) {
    checkKubeName('vpc.name', v.name, 'dns1123-subdomain');
    for (const ns of v.namespaces ?? []) checkKubeName('vpc.namespaces', ns, 'dns1123-label', `vpc ${v.name}`);
    for (const r of v.staticRoutes ?? []) {
      let fam: 4 | 6;
      try {
        const c = typeof r.cidr === 'string' && r.cidr.includes('/') ? r.cidr.split('/') : [r.cidr, undefined];
        fam = parseAddress(String(c[0])).family;
        if (c[1] !== undefined && !(/^\d{1,3}$/.test(c[1]) && Number(c[1]) <= (fam === 4 ? 32 : 128)))
          throw new Error('bad prefix length');
      } catch (e) {
        throw new VpcRouteError(
          v.name,
          'staticRoutes.cidr',
          String(r.cidr),
          e instanceof Error ? e.message : 'does not parse',
        );
      }
      let hop;
      try {
        hop = parseAddress(r.nextHopIP);
      } catch (e) {
        throw new VpcRouteError(
          v.name,
          'staticRoutes.nextHopIP',
          String(r.nextHopIP),
          e instanceof Error ? e.message : 'does not parse',
        );
      }
      if (hop.family !== fam)
        throw new VpcRouteError(v.name, 'staticRoutes.nextHopIP', r.nextHopIP, `not of the family of ${r.cidr}`);
      if (r.policy !== undefined && r.policy !== 'dst-ip' && r.policy !== 'src-ip')
        throw new VpcRouteError(v.name, 'staticRoutes.policy', String(r.policy), 'not dst-ip or src-ip');
    }
    for (const p of v.policyRoutes ?? []) {
      if (!Number.isInteger(p.priority) || p.priority < 0 || p.priority > 32767)
        throw new VpcRouteError(v.name, 'policyRoutes.priority', String(p.priority), 'not an integer 0..32767');
      if (typeof p.match !== 'string' || p.match.trim() === '')
        throw new VpcRouteError(v.name, 'policyRoutes.match', String(p.match), 'empty');
      if (!['allow', 'drop', 'reroute'].includes(p.action))
        throw new VpcRouteError(v.name, 'policyRoutes.action', String(p.action), 'not allow, drop or reroute');
      if (p.action === 'reroute') {
        try {
          parseAddress(String(p.nextHopIP));
        } catch (e) {
          throw new VpcRouteError(
            v.name,
            'policyRoutes.nextHopIP',
            String(p.nextHopIP),
            e instanceof Error ? e.message : 'reroute needs a next hop',
          );
        }
      }
    }
  }
  return [...vpcs];
}

/** Options of {@link validateSubnets}. */
export interface ValidateOptions {
  /**
   * The VPCs that exist; when given, every subnet's `vpc` must be one of them. No subnet may be named
   * like one of them (or like `ovn-cluster`, or like any subnet's `vpc`).
   */
  readonly vpcs?: readonly Vpc[];
}

/**
 * Check a whole set of subnets and return them with defaults filled in ({@link defineSubnet}): each on
 * its own, then across the set — unique names, known VPCs, no subnet named like a VPC, no overlapping
 * CIDRs within one VPC, at most one default subnet. A namespace may be listed by several subnets (Kube-OVN
 * tries them in turn, see {@link selectSubnets}). Throws the first problem found.
 *
 * @throws every error of {@link defineSubnet}, and DuplicateSubnetNameError `KUBE_DUPLICATE_SUBNET`,
 *   UnknownVpcError `KUBE_UNKNOWN_VPC`, SubnetNamedLikeVpcError `KUBE_SUBNET_NAMED_LIKE_VPC`,
 *   SubnetsOverlapError `KUBE_SUBNET_OVERLAP`, MultipleDefaultSubnetsError `KUBE_MULTIPLE_DEFAULT_SUBNETS`
 */
export function validateSubnets(subnets: readonly (Subnet | SubnetInput)[], options: ValidateOptions = {}): Subnet[] {
  const out: Subnet[] = [];
  const byName = new Map<string, Subnet>();
  const vpcNames = options.vpcs === undefined ? undefined : new Set(options.vpcs.map((v) => v.name));
  const vpcLike = new Set([DEFAULT_VPC, ...(options.vpcs ?? []).map((v) => v.name)]);
  let defaultName: string | undefined;
  const allocators: SubnetAllocator[] = [];
  const defined = subnets.map((input) => defineSubnet(input));
  for (const s of defined) vpcLike.add(s.vpc);
  const vpcByName = new Map((options.vpcs ?? []).map((v) => [v.name, v]));
  for (const s of defined) {
    if (byName.has(s.name)) throw new DuplicateSubnetNameError(s.name);
    if (vpcNames !== undefined && !vpcNames.has(s.vpc)) throw new UnknownVpcError(s.name, s.vpc);
    if (vpcLike.has(s.name)) throw new SubnetNamedLikeVpcError(s.name);
    // A custom VPC confines its subnets to its namespaces (Kube-OVN validateVpcBySubnet).
    const vpc = vpcByName.get(s.vpc);
    if (vpc !== undefined && s.vpc !== DEFAULT_VPC) {
      for (const ns of s.namespaces)
        if (!(vpc.namespaces ?? []).includes(ns)) throw new NamespaceOutsideVpcError(s.name, ns, s.vpc);
    }
    // …and a default-VPC subnet may not list a namespace a custom VPC lists (the same function's else branch).
    if (s.vpc === DEFAULT_VPC) {
      for (const v of options.vpcs ?? []) {
        if (v.name === DEFAULT_VPC) continue;
        const ns = s.namespaces.find((n) => (v.namespaces ?? []).includes(n));
        if (ns !== undefined) throw new NamespaceOfCustomVpcError(s.name, ns, v.name);
      }
    }
    const a = allocatorFor(s);
    for (let i = 0; i < out.length; i++) {
      const other = out[i]!;
      if (other.vpc !== s.vpc) continue;
      for (const c of a.cidrs) {
        for (const o of allocators[i]!.cidrs) {
          if (cidrsOverlap(c, o)) throw new SubnetsOverlapError(s.name, c.text, other.name, o.text, s.vpc);
        }
      }
    }
    if (s.default) {
      if (defaultName !== undefined) throw new MultipleDefaultSubnetsError(s.name, defaultName);
      defaultName = s.name;
    }
    byName.set(s.name, s);
    out.push(s);
    allocators.push(a);
  }
  return out;
}

/**
 * The subnets a pod in `namespace` may land in, in the order they are tried: every subnet listing the
 * namespace (in the order given), else the default subnet. Kube-OVN (pkg/controller/pod.go
 * getPodDefaultSubnet) walks the namespace's subnet list and skips a subnet with no available address.
 * @throws NoSubnetForNamespaceError `KUBE_NO_SUBNET_FOR_NAMESPACE`
 */
export function selectSubnets(subnets: readonly Subnet[], namespace: string): Subnet[] {
  const listed = subnets.filter((s) => s.namespaces.includes(namespace));
  if (listed.length > 0) return listed;
  const fallback = subnets.find((s) => s.default);
  if (fallback === undefined) throw new NoSubnetForNamespaceError(namespace);
  return [fallback];
}

/**
 * The first subnet a pod in `namespace` would try ({@link selectSubnets}); the planner moves on to the next
 * one when it is full.
 * @throws NoSubnetForNamespaceError `KUBE_NO_SUBNET_FOR_NAMESPACE`
 */
export function selectSubnet(subnets: readonly Subnet[], namespace: string): Subnet {
  return selectSubnets(subnets, namespace)[0]!;
}

/** Input of {@link planIpam}. */
export interface PlanInput {
  /** Desired subnets (validated with {@link validateSubnets}). */
  readonly subnets: readonly (Subnet | SubnetInput)[];
  /** Existing VPCs; when given, subnets must name one of them. */
  readonly vpcs?: readonly Vpc[];
  /** Desired pods. */
  readonly pods: readonly Pod[];
  /** Nodes: each gets a `node-<name>` record in the join subnet, as Kube-OVN gives each node an ovn0 port. */
  readonly nodes?: readonly string[];
  /** Name of the node subnet. Default `join`. */
  readonly joinSubnet?: string;
  /** IP records that exist now (e.g. read back after a restart). They keep their addresses. */
  readonly records?: readonly IpRecord[];
  /**
   * Each subnet's released list from the previous plan ({@link IpamPlan.releasedIps}), so that addresses
   * given back are handed out again only after the never-used ones, across runs.
   */
  readonly releasedIps?: ReadonlyMap<string, readonly string[]>;
  /** Vips to reserve (after static pods, before dynamic ones). */
  readonly vips?: readonly KubeVip[];
  /**
   * Named IP pools (Kube-OVN IPPools): pods of their namespaces, or naming them in `ipPool`, take their
   * dynamic address from them; no other dynamic request gets one of their addresses.
   */
  readonly ippools?: readonly KubeIpPool[];
  /** Seed of the MAC generator, for deterministic plans. */
  readonly macSeed?: number;
}

/** Result of {@link planIpam}. */
export interface IpamPlan {
  /** The subnets, defaults filled in. */
  readonly subnets: readonly Subnet[];
  /** Every record that should exist: nodes first, then pods, in input order (Vips are in {@link vips}). */
  readonly records: readonly IpRecord[];
  /** The Vips' reservations (`name` = `vip:<name>`, `node` empty), in input order. */
  readonly vips: readonly IpRecord[];
  /** u2o interconnection addresses (`name` = {@link u2oOwnerName}, `node` empty), in subnet order. */
  readonly u2o: readonly IpRecord[];
  /** Records that did not exist before. */
  readonly allocated: readonly IpRecord[];
  /** Existing records whose pod or node is gone (their addresses are free again). */
  readonly released: readonly IpRecord[];
  /** Kube-OVN's counts per subnet name, after the plan. */
  readonly usage: ReadonlyMap<string, SubnetUsage>;
  /** Each subnet's released list after the plan (`a` / `a..b` entries), to pass to the next plan. */
  readonly releasedIps: ReadonlyMap<string, readonly string[]>;
  /** Each named IP pool's counts (`kubectl get ippool` V4USED V4AVAILABLE V6USED V6AVAILABLE), by pool name. */
  readonly ippools: ReadonlyMap<string, SubnetUsage>;
}

interface Want {
  readonly name: string;
  /** Parsed `ipPool` entries, and the pod's ordinal for a StatefulSet pod. */
  readonly pool?: { readonly text: string; readonly entries: readonly string[]; readonly ordinal: number | undefined };
  /** The named IP pool the pod's dynamic address comes from. */
  readonly named?: CheckedIpPool;
  /** Candidate subnets, tried in order (one for nodes, recorded pods and pods naming a subnet). */
  readonly subnets: readonly string[];
  readonly node: string;
  readonly ip: string | undefined;
  readonly mac: string | undefined;
}

/** `a` / `a,b` compared as address sets (any text form of IPv6: `::1` equals `0::1`). */
export function sameAddresses(a: string, b: string): boolean {
  const norm = (t: string) =>
    t
      .split(',')
      .map((x) => {
        try {
          const p = parseAddress(x);
          return formatAddress(p.family, p.value);
        } catch {
          return x;
        }
      })
      .sort()
      .join(',');
  return norm(a) === norm(b);
}

/**
 * A static request `want` (one or both families) applied to the addresses `held`: the request with the
 * held address of every family it leaves out (Kube-OVN checkAndAppendIpsForDual: a dual-stack request of
 * one family gets the other family's address the owner already holds), and whether any requested family
 * differs from what is held.
 */
function staticOverHeld(want: string, held: string): { ip: string; changed: boolean } {
  const byFamily = (t: string): Map<number, string> => {
    const m = new Map<number, string>();
    for (const x of t.split(',')) {
      if (x === '') continue;
      try {
        const p = parseAddress(x);
        m.set(p.family, formatAddress(p.family, p.value));
      } catch {
        m.set(0, x);
      }
    }
    return m;
  };
  const w = byFamily(want);
  const h = byFamily(held);
  const changed = [...w].some(([f, a]) => h.get(f) !== a);
  const ip = [...w.values(), ...[...h].filter(([f]) => !w.has(f)).map(([, a]) => a)].join(',');
  return { ip, changed };
}

/**
 * Plan IP addresses and MACs as Kube-OVN's IPAM hands them out: keep existing records, release those whose
 * pod (or node) is gone, allocate for new pods and nodes — static requests first, then never-used
 * addresses before released ones (pkg/ipam/subnet.go). Pure: the same input (and `macSeed`) gives the
 * same plan. Nothing is half-done: it returns a plan or throws.
 *
 * - A static IP inside excludeIps is granted (and not counted as used).
 * - A pod that now asks for another static IP (or MAC) than it holds moves to it and keeps its MAC.
 * - A pod without an explicit subnet tries the subnets listing its namespace in turn, skipping full ones.
 * - A pod keeps its recorded subnet even when its namespace now maps to another subnet (as in Kube-OVN,
 *   the pod has to be recreated to move). Dropping a subnet that recorded pods still use is refused.
 *
 * @throws every error of {@link validateSubnets}, and SubnetInUseError `KUBE_SUBNET_IN_USE`,
 *   UnknownSubnetNameError `KUBE_UNKNOWN_SUBNET`, NoSubnetForNamespaceError `KUBE_NO_SUBNET_FOR_NAMESPACE`,
 *   DuplicatePodError `KUBE_DUPLICATE_POD`, PodFieldError `KUBE_POD_INVALID_FIELD`, KubeNameError
 *   `KUBE_INVALID_NAME`, and the IPAM's `IPAM_ADDRESS_TAKEN`, `IPAM_ADDRESS_IS_GATEWAY`,
 *   `IPAM_ADDRESS_EXCLUDED`, `IPAM_ADDRESS_OUTSIDE_CIDR`, `IPAM_INVALID_ADDRESS`, `IPAM_INVALID_MAC`,
 *   `IPAM_MAC_TAKEN`, `IPAM_SUBNET_EXHAUSTED`
 *
 * @example
 * const plan = planIpam({
 *   subnets: [...defaultSubnets(), { name: 'subnet1', cidrBlock: '10.66.0.0/16', excludeIps: ['10.66.0.1..10.66.0.10'], namespaces: ['ns1'] }],
 *   pods: [{ name: 'subnet1-node1-pod1', namespace: 'ns1', node: 'node1' }],
 *   nodes: ['node1'],
 * });
 * plan.records; // [{ name: 'node-node1', subnet: 'join', ip: '100.64.0.2', … }, { name: 'subnet1-node1-pod1.ns1', ip: '10.66.0.11', … }]
 */
export function planIpam(input: PlanInput): IpamPlan {
  if (input.vpcs !== undefined) validateVpcs(input.vpcs);
  const subnets = validateSubnets(input.subnets, input.vpcs === undefined ? {} : { vpcs: input.vpcs });
  const byName = new Map(subnets.map((s) => [s.name, s]));
  const joinName = input.joinSubnet ?? JOIN_SUBNET;
  const ippools = validateIpPools(input.ippools ?? [], subnets);
  const ippoolByName = new Map(ippools.map((p) => [p.name, p]));
  const poolsOf = (subnet: string): CheckedIpPool[] => ippools.filter((p) => p.subnet === subnet);

  // Who should hold an address, and where. Names are checked before anything is planned.
  const wants: Want[] = [];
  const wantByName = new Map<string, Want>();
  const add = (w: Want): void => {
    if (wantByName.has(w.name)) throw new DuplicatePodError(w.name);
    wantByName.set(w.name, w);
    wants.push(w);
  };
  const recorded = new Map((input.records ?? []).map((r) => [r.name, r]));
  for (const node of input.nodes ?? []) {
    if (typeof node !== 'string' || node.length === 0)
      throw new PodFieldError('node', String(node), nodePortName(String(node)));
    checkKubeName('node', node, 'dns1123-subdomain');
    if (!byName.has(joinName)) throw new UnknownSubnetNameError(joinName, `node ${node}`);
    add({ name: nodePortName(node), subnets: [joinName], node, ip: undefined, mac: undefined });
  }
  for (const pod of input.pods) {
    for (const field of ['name', 'namespace', 'node'] as const) {
      const v = pod[field];
      if (typeof v !== 'string' || v.length === 0)
        throw new PodFieldError(field, String(v), `${String(pod.name)}.${String(pod.namespace)}`);
    }
    const who = `pod ${pod.namespace}/${pod.name}`;
    checkKubeName('pod.namespace', pod.namespace, 'dns1123-label', who);
    checkKubeName('pod.name', pod.name, 'dns1123-subdomain', who);
    checkKubeName('pod.node', pod.node, 'dns1123-subdomain', who);
    const name = podPortName(pod.name, pod.namespace);
    let candidates: string[];
    const existing = recorded.get(name);
    if (existing !== undefined) {
      candidates = [existing.subnet]; // checked below: refusing to drop a subnet in use
    } else if (pod.subnet !== undefined) {
      if (!byName.has(pod.subnet)) throw new UnknownSubnetNameError(pod.subnet, `pod ${name}`);
      candidates = [pod.subnet];
    } else {
      candidates = selectSubnets(subnets, pod.namespace).map((s) => s.name);
    }
    let pool: Want['pool'];
    // A named IPPool: the pod's ip_pool annotation naming one, else the first pool listing its namespace
    // (Kube-OVN's namespace ip_pool annotation); a static ip wins over both.
    let named: CheckedIpPool | undefined;
    if (pod.ip === undefined || pod.ip === '') {
      if (typeof pod.ipPool === 'string' && isIpPoolName(pod.ipPool)) {
        named = ippoolByName.get(pod.ipPool.trim());
        if (named === undefined) throw new UnknownIpPoolError(name, pod.ipPool);
      } else if (pod.ipPool === undefined || pod.ipPool === '')
        named = ippools.find((p) => (p.namespaces ?? []).includes(pod.namespace));
    }
    if (named !== undefined && existing !== undefined && existing.subnet !== named.subnet) named = undefined;
    else if (named !== undefined && existing === undefined) {
      if (!candidates.includes(named.subnet)) throw new IpPoolSubnetError(name, named.name, named.subnet, candidates);
      candidates = [named.subnet];
    }
    if (
      named === undefined &&
      pod.ipPool !== undefined &&
      pod.ipPool !== '' &&
      (pod.ip === undefined || pod.ip === '')
    ) {
      if (typeof pod.ipPool !== 'string') throw new PodFieldError('ipPool', String(pod.ipPool), name);
      const entries = parseIpPool(pod.ipPool);
      for (const e of entries) {
        for (const part of e.split(',')) {
          try {
            parseAddress(part);
          } catch {
            throw new PodFieldError('ipPool', pod.ipPool, name);
          }
        }
      }
      const m = /-(\d+)$/.exec(pod.name);
      pool = { text: pod.ipPool, entries, ordinal: pod.statefulSet === true ? Number(m?.[1] ?? 0) : undefined };
    }
    add({
      name,
      subnets: candidates,
      node: pod.node,
      ip: pod.ip,
      mac: pod.mac,
      ...(pool === undefined ? {} : { pool }),
      ...(named === undefined ? {} : { named }),
    });
  }
  const vipNames = new Set<string>();
  for (const v of input.vips ?? []) {
    const checked = checkVip(v);
    if (!byName.has(v.subnet)) throw new UnknownSubnetNameError(v.subnet, `vip ${v.name}`);
    const name = vipOwnerName(v.name);
    vipNames.add(name);
    add({ name, subnets: [v.subnet], node: '', ip: checked.ip, mac: checked.mac });
  }

  // u2o interconnection (pkg/controller/subnet.go reconcileU2OInterconnectionIP): underlay subnets with
  // u2oInterconnection take an address — the one written, else the next free one — when the subnet is set up.
  const u2oNames = new Set<string>();
  for (const s of subnets) {
    if (!hasPhysicalGateway(s) || s.u2oInterconnection !== true) continue;
    const name = u2oOwnerName(s.vpc, s.name);
    u2oNames.add(name);
    add({ name, subnets: [s.name], node: '', ip: s.u2oInterconnectionIP, mac: undefined });
  }

  // Existing records: released when their owner is gone; a missing subnet with live owners is refused.
  const released: IpRecord[] = [];
  const kept: IpRecord[] = [];
  const inUse = new Map<string, string[]>();
  for (const r of input.records ?? []) {
    if (!wantByName.has(r.name)) {
      released.push(r);
    } else if (!byName.has(r.subnet)) {
      const list = inUse.get(r.subnet) ?? [];
      list.push(r.name);
      inUse.set(r.subnet, list);
    } else {
      kept.push(r);
    }
  }
  for (const [subnet, ports] of inUse) throw new SubnetInUseError(subnet, ports);

  const ipam = new Ipam(input.macSeed === undefined ? {} : { macSeed: input.macSeed });
  for (const s of subnets) allocatorFor(s, { ipam });
  // The released lists first, then every record that exists (so that addresses of records being
  // released go onto the released list), then the releases.
  for (const [subnet, list] of input.releasedIps ?? [])
    if (ipam.hasSubnet(subnet)) ipam.subnet(subnet).markReleased(list);
  for (const r of kept) ipam.subnet(r.subnet).allocate(r.name, { ip: r.ip, mac: r.mac });
  for (const r of released) {
    if (!ipam.hasSubnet(r.subnet)) continue;
    const a = ipam.subnet(r.subnet);
    try {
      a.allocate(r.name, { ip: r.ip, mac: r.mac });
      a.release(r.name);
    } catch {
      // A stale record that clashes with a kept one: nothing to give back.
    }
  }
  // A pod asking for another static IP or MAC than it holds moves, keeping its MAC unless it names one.
  // A request naming one family of a dual-stack owner keeps the other family's address (moved or not).
  const moved = new Map<string, string>();
  const movedIp = new Map<string, string>();
  for (const r of kept) {
    const w = wantByName.get(r.name)!;
    const req = w.ip !== undefined && w.ip !== '' ? staticOverHeld(w.ip, r.ip) : undefined;
    const ipChanged = req?.changed === true;
    const macChanged = w.mac !== undefined && w.mac !== '' && w.mac.toLowerCase() !== r.mac.toLowerCase();
    if (!ipChanged && !macChanged) continue;
    ipam.subnet(r.subnet).release(r.name);
    moved.set(r.name, r.mac);
    if (req !== undefined) movedIp.set(r.name, req.ip);
  }

  const fresh = new Set<string>();
  const hasRoom = (subnet: string): boolean => {
    const s = byName.get(subnet)!;
    const u = ipam.subnet(subnet).usage();
    return s.protocol === 'IPv6' ? u.v6Available > 0n : u.v4Available > 0n;
  };
  const placed = new Map<string, string>();
  const allocateOne = (w: Want): void => {
    const subnet = w.subnets.find((s) => hasRoom(s)) ?? w.subnets[w.subnets.length - 1]!;
    const a = ipam.subnet(subnet);
    if (!a.has(w.name) && !moved.has(w.name)) fresh.add(w.name);
    const mac = w.mac !== undefined && w.mac !== '' ? w.mac : moved.get(w.name);
    let ip = movedIp.get(w.name) ?? w.ip;
    // Kube-OVN's default pool "": a dynamic request never gets an address of a named pool.
    const pools = poolsOf(subnet);
    if ((ip === undefined || ip === '') && !a.has(w.name) && pools.length > 0) ip = pickOutsidePools(a, pools, w.name);
    a.allocate(w.name, { ip, mac });
    placed.set(w.name, subnet);
  };
  // A pod of a named pool (Kube-OVN GetRandomAddress with the pool's name): never-used pool addresses
  // first, then released ones; a returning pod keeps what it holds.
  const allocateNamed = (w: Want, pool: CheckedIpPool): void => {
    const a = ipam.subnet(pool.subnet);
    placed.set(w.name, pool.subnet);
    if (a.has(w.name)) return;
    const ip = pickPoolAddresses(a, pool, ippools);
    if (ip === undefined) throw new IpPoolExhaustedError(w.name, pool.name, `no free address in ippool ${pool.name}`);
    const mac = w.mac !== undefined && w.mac !== '' ? w.mac : moved.get(w.name);
    a.allocate(w.name, { ip, mac });
    if (!moved.has(w.name)) fresh.add(w.name);
  };
  // An ip_pool pod (pkg/controller/pod.go): a Deployment pod takes the first entry it can acquire, in order;
  // a StatefulSet pod takes the entry at its ordinal. A returning pod finds its address again.
  const allocatePool = (w: Want, pool: NonNullable<Want['pool']>): void => {
    for (const subnet of w.subnets) {
      if (ipam.subnet(subnet).has(w.name)) {
        placed.set(w.name, subnet);
        return;
      }
    }
    const entries =
      pool.ordinal === undefined
        ? pool.entries
        : pool.ordinal < pool.entries.length
          ? [pool.entries[pool.ordinal]!]
          : [];
    if (entries.length === 0)
      throw new IpPoolExhaustedError(
        w.name,
        pool.text,
        `ordinal ${pool.ordinal} is past the ${pool.entries.length} entries`,
      );
    const mac = w.mac !== undefined && w.mac !== '' ? w.mac : moved.get(w.name);
    let last: unknown;
    for (const entry of entries) {
      for (const subnet of w.subnets) {
        try {
          ipam.subnet(subnet).allocate(w.name, { ip: entry, mac });
        } catch (e) {
          if (!(e instanceof IpamError)) throw e;
          last = e;
          continue;
        }
        if (!moved.has(w.name)) fresh.add(w.name);
        placed.set(w.name, subnet);
        return;
      }
    }
    if (pool.ordinal !== undefined && last !== undefined) throw last;
    throw new IpPoolExhaustedError(w.name, pool.text, last instanceof Error ? last.message : 'none left');
  };
  for (const w of wants) if (w.ip !== undefined && w.ip !== '') allocateOne(w);
  for (const w of wants) if (w.pool !== undefined) allocatePool(w, w.pool);
  for (const w of wants) if ((w.ip === undefined || w.ip === '') && w.named !== undefined) allocateNamed(w, w.named);
  const reserved = (n: string) => vipNames.has(n) || u2oNames.has(n);
  for (const w of wants) if ((w.ip === undefined || w.ip === '') && u2oNames.has(w.name)) allocateOne(w);
  for (const w of wants)
    if ((w.ip === undefined || w.ip === '') && w.pool === undefined && vipNames.has(w.name)) allocateOne(w);
  for (const w of wants)
    if ((w.ip === undefined || w.ip === '') && w.pool === undefined && w.named === undefined && !reserved(w.name))
      allocateOne(w);

  const records: IpRecord[] = [];
  const vips: IpRecord[] = [];
  const u2o: IpRecord[] = [];
  const allocated: IpRecord[] = [];
  for (const w of wants) {
    const subnet = placed.get(w.name)!;
    const a = ipam.subnet(subnet).get(w.name)!;
    const rec: IpRecord = { name: w.name, ip: a.ip, mac: a.mac!, node: w.node, subnet };
    (vipNames.has(w.name) ? vips : u2oNames.has(w.name) ? u2o : records).push(rec);
    if (fresh.has(w.name)) allocated.push(rec);
  }
  const usage = new Map<string, SubnetUsage>();
  const releasedIps = new Map<string, readonly string[]>();
  for (const s of subnets) {
    usage.set(s.name, ipam.subnet(s.name).usage());
    releasedIps.set(s.name, ipam.subnet(s.name).releasedRanges());
  }
  // The subnets as Kube-OVN's status shows them: u2oInterconnectionIP is the address allocated, if any.
  const u2oBySubnet = new Map(u2o.map((r) => [r.subnet, r.ip]));
  const shown = subnets.map((s): Subnet => {
    const ip = u2oBySubnet.get(s.name);
    if (ip !== undefined) return { ...s, u2oInterconnectionIP: ip };
    if (s.u2oInterconnectionIP === undefined) return s;
    const { u2oInterconnectionIP: _dropped, ...rest } = s;
    return rest;
  });
  const poolUsage = new Map<string, SubnetUsage>();
  const held = [...records, ...vips, ...u2o];
  for (const p of ippools)
    poolUsage.set(
      p.name,
      ipPoolUsage(
        p,
        ipam.subnet(p.subnet),
        held.filter((r) => r.subnet === p.subnet).map((r) => r.ip),
      ),
    );
  return { subnets: shown, records, vips, u2o, allocated, released, usage, releasedIps, ippools: poolUsage };
}

/**
 * A pod port's `addresses` entry for OVN: `"MAC IP"` or `"MAC IPv4 IPv6"`, e.g.
 * `00:00:00:AA:0D:31 10.16.0.8`.
 */
export function portAddresses(record: Pick<IpRecord, 'ip' | 'mac'>): string {
  return [record.mac, ...record.ip.split(',')].join(' ');
}

/**
 * The VPC router port's `networks` for a subnet: each gateway with its CIDR's prefix length, IPv4 first,
 * e.g. `['10.16.0.1/16', 'fd00:10:16::1/64']`.
 */
export function routerPortNetworks(subnet: Pick<Subnet, 'cidrBlock' | 'gateway'>): string[] {
  const prefixes = new Map(
    subnet.cidrBlock.split(',').map((c) => [c.includes(':') ? 6 : 4, c.slice(c.indexOf('/'))] as const),
  );
  return subnet.gateway.split(',').map((g) => `${g}${prefixes.get(g.includes(':') ? 6 : 4) ?? ''}`);
}

/**
 * The logical switch's `other_config` hints for ovn-northd's own IPAM (Kube-OVN v1.12 writes none; the
 * reconciler writes these so northd agrees with this model): `subnet` and `exclude_ips` (IPv4 only in OVN;
 * the allocator's clipped, merged list, space-separated, ranges `a..b`), `ipv6_prefix` for an IPv6 CIDR
 * (the address part only, as OVN expects; northd derives EUI-64 addresses of `dynamic` ports from it).
 */
export function logicalSwitchOtherConfig(
  subnet: Pick<Subnet, 'name' | 'cidrBlock' | 'gateway' | 'excludeIps'>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of subnet.cidrBlock.split(',')) {
    if (c.includes(':')) out['ipv6_prefix'] = c.slice(0, c.indexOf('/'));
    else out['subnet'] = c;
  }
  const v4 = allocatorExcludeIps(subnet).filter((e) => !e.includes(':'));
  if (out['subnet'] !== undefined && v4.length > 0) out['exclude_ips'] = v4.join(' ');
  return out;
}
