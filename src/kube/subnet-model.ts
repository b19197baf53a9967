/**
 * The desired-state model of Kube-OVN's VPCs, subnets and pods, without any database: types, defaults
 * as Kube-OVN installs them, validation of a whole set of subnets, namespace → subnet selection, and a
 * pure IPAM planner that turns subnets + pods + existing IP records into the IP records to keep.
 * The NB reconciler (elsewhere) turns the result into logical switches, router ports and switch ports.
 */
import {
  AddressOutsideCidrError,
  ExcludeOutsideCidrError,
  GatewayReservedError,
  InvalidAddressError,
  InvalidCidrError,
  InvalidRangeError,
  Ipam,
  SubnetAllocator,
  type SubnetUsage,
  cidrContains,
  cidrsOverlap,
  parseAddress,
} from '../ipam/index.js';
import {
  DuplicatePodError,
  DuplicateSubnetNameError,
  ExcludeOutsideSubnetError,
  GatewayOutsideSubnetError,
  GatewayReservedAddressError,
  MultipleDefaultSubnetsError,
  NamespaceConflictError,
  NoSubnetForNamespaceError,
  PodFieldError,
  ProtocolMismatchError,
  SubnetCidrError,
  SubnetExcludeError,
  SubnetFieldError,
  SubnetGatewayError,
  SubnetInUseError,
  SubnetsOverlapError,
  U2oAddressError,
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
export type Protocol = (typeof PROTOCOLS)[number];
/** Where traffic leaving the cluster exits: every node (`distributed`) or gateway nodes (`centralized`). */
export const GATEWAY_TYPES = ['distributed', 'centralized'] as const;
export type GatewayType = (typeof GATEWAY_TYPES)[number];

/** A VPC: one logical router. */
export interface Vpc {
  readonly name: string;
}

/** A subnet with every field filled in (see {@link defineSubnet} for the defaults). */
export interface Subnet {
  readonly name: string;
  readonly vpc: string;
  /** `10.16.0.0/16`, or dual stack `10.16.0.0/16,fd00:10:16::/64` (canonical, IPv4 first). */
  readonly cidrBlock: string;
  /** One per family, comma-joined, IPv4 first. */
  readonly gateway: string;
  /** As Kube-OVN stores them: merged, sorted, and always covering the gateway. */
  readonly excludeIps: readonly string[];
  readonly gatewayType: GatewayType;
  readonly natOutgoing: boolean;
  readonly private: boolean;
  readonly default: boolean;
  readonly provider: typeof OVN_PROVIDER;
  readonly protocol: Protocol;
  readonly namespaces: readonly string[];
  readonly u2oInterconnectionIP?: string | undefined;
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
}

/** A pod that needs a port: optional static IP (`a` or `a,b`) and MAC, optional explicit subnet. */
export interface Pod {
  readonly name: string;
  readonly namespace: string;
  readonly node: string;
  readonly ip?: string;
  readonly mac?: string;
  /** Explicit subnet (Kube-OVN's `ovn.kubernetes.io/logical_switch` annotation); else by namespace. */
  readonly subnet?: string;
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
    defineSubnet({ name: JOIN_SUBNET, cidrBlock: '100.64.0.0/16', gateway: '100.64.0.1', excludeIps: ['100.64.0.1'], natOutgoing: false }),
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
function allocatorFor(s: Subnet | SubnetInput, options: { macSeed?: number; ipam?: Ipam } = {}): SubnetAllocator {
  const spec = {
    cidr: s.cidrBlock,
    ...(s.gateway === undefined || s.gateway === '' ? {} : { gateway: s.gateway }),
    excludeIps: s.excludeIps ?? [],
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
 * Fill in a subnet's defaults the way Kube-OVN formats a Subnet, and check it on its own:
 * vpc `ovn-cluster`, gateway = first usable address of each CIDR, excludeIps merged and covering the
 * gateway, gatewayType `distributed`, natOutgoing/private/default false, provider `ovn`, protocol from
 * the CIDR block, no namespaces.
 *
 * Unlike Kube-OVN, a `protocol` that disagrees with the CIDR block is refused rather than overwritten.
 * A gateway inside an exclude entry is normal (Kube-OVN puts the gateway there itself).
 *
 * @throws SubnetFieldError `KUBE_SUBNET_INVALID_FIELD`, SubnetCidrError `KUBE_SUBNET_INVALID_CIDR`,
 *   SubnetExcludeError `KUBE_SUBNET_INVALID_EXCLUDE`, ExcludeOutsideSubnetError `KUBE_SUBNET_EXCLUDE_OUTSIDE_CIDR`,
 *   SubnetGatewayError `KUBE_SUBNET_INVALID_GATEWAY`, GatewayOutsideSubnetError `KUBE_SUBNET_GATEWAY_OUTSIDE_CIDR`,
 *   GatewayReservedAddressError `KUBE_SUBNET_GATEWAY_RESERVED`, ProtocolMismatchError `KUBE_SUBNET_PROTOCOL_MISMATCH`,
 *   U2oAddressError `KUBE_SUBNET_INVALID_U2O_IP`
 *
 * @example
 * defineSubnet({ name: 'subnet1', cidrBlock: '10.66.0.0/16', excludeIps: ['10.66.0.1..10.66.0.10'], natOutgoing: true, namespaces: ['ns1'] })
 */
export function defineSubnet(input: SubnetInput): Subnet {
  checkName(String(input.name), 'name', input.name);
  const name = input.name;
  const vpc = input.vpc ?? DEFAULT_VPC;
  checkName(name, 'vpc', vpc);
  if (typeof input.cidrBlock !== 'string') throw new SubnetCidrError(name, String(input.cidrBlock), new Error('not a string'));
  const gatewayType = input.gatewayType ?? 'distributed';
  if (!(GATEWAY_TYPES as readonly string[]).includes(gatewayType)) {
    throw new SubnetFieldError(name, 'gatewayType', String(gatewayType), GATEWAY_TYPES.join(' or '));
  }
  const provider = input.provider ?? OVN_PROVIDER;
  if (provider !== OVN_PROVIDER) throw new SubnetFieldError(name, 'provider', String(provider), OVN_PROVIDER);
  if (input.protocol !== undefined && !(PROTOCOLS as readonly string[]).includes(input.protocol)) {
    throw new SubnetFieldError(name, 'protocol', String(input.protocol), PROTOCOLS.join(', '));
  }
  for (const ns of input.namespaces ?? []) checkName(name, 'namespaces', ns);

  const a = allocatorFor(input);
  if (input.protocol !== undefined && input.protocol !== a.protocol) {
    throw new ProtocolMismatchError(name, input.protocol, a.protocol);
  }
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
    u2o = input.u2oInterconnectionIP;
  }
  return {
    name,
    vpc,
    cidrBlock: a.cidrBlock,
    gateway: a.gateway,
    excludeIps: a.excludeIps,
    gatewayType,
    natOutgoing: input.natOutgoing ?? false,
    private: input.private ?? false,
    default: input.default ?? false,
    provider: OVN_PROVIDER,
    protocol: a.protocol,
    namespaces: [...(input.namespaces ?? [])],
    ...(u2o === undefined ? {} : { u2oInterconnectionIP: u2o }),
  };
}

/** Options of {@link validateSubnets}. */
export interface ValidateOptions {
  /** The VPCs that exist; when given, every subnet's `vpc` must be one of them. */
  readonly vpcs?: readonly Vpc[];
}

/**
 * Check a whole set of subnets and return them with defaults filled in ({@link defineSubnet}): each on
 * its own, then across the set — unique names, known VPCs, no overlapping CIDRs within one VPC, no
 * namespace listed by two subnets, at most one default subnet. Throws the first problem found.
 *
 * @throws every error of {@link defineSubnet}, and DuplicateSubnetNameError `KUBE_DUPLICATE_SUBNET`,
 *   UnknownVpcError `KUBE_UNKNOWN_VPC`, SubnetsOverlapError `KUBE_SUBNET_OVERLAP`,
 *   NamespaceConflictError `KUBE_NAMESPACE_CONFLICT`, MultipleDefaultSubnetsError `KUBE_MULTIPLE_DEFAULT_SUBNETS`
 */
export function validateSubnets(subnets: readonly (Subnet | SubnetInput)[], options: ValidateOptions = {}): Subnet[] {
  const out: Subnet[] = [];
  const byName = new Map<string, Subnet>();
  const vpcNames = options.vpcs === undefined ? undefined : new Set(options.vpcs.map((v) => v.name));
  const nsOwner = new Map<string, string>();
  let defaultName: string | undefined;
  const allocators: SubnetAllocator[] = [];
  for (const input of subnets) {
    const s = defineSubnet(input);
    if (byName.has(s.name)) throw new DuplicateSubnetNameError(s.name);
    if (vpcNames !== undefined && !vpcNames.has(s.vpc)) throw new UnknownVpcError(s.name, s.vpc);
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
    for (const ns of s.namespaces) {
      const prev = nsOwner.get(ns);
      if (prev !== undefined && prev !== s.name) throw new NamespaceConflictError(ns, s.name, prev);
      nsOwner.set(ns, s.name);
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
 * The subnet a pod in `namespace` lands in: the subnet listing the namespace, else the default subnet.
 * @throws NoSubnetForNamespaceError `KUBE_NO_SUBNET_FOR_NAMESPACE`
 */
export function selectSubnet(subnets: readonly Subnet[], namespace: string): Subnet {
  let fallback: Subnet | undefined;
  for (const s of subnets) {
    if (s.namespaces.includes(namespace)) return s;
    if (s.default && fallback === undefined) fallback = s;
  }
  if (fallback === undefined) throw new NoSubnetForNamespaceError(namespace);
  return fallback;
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
  /** Seed of the MAC generator, for deterministic plans. */
  readonly macSeed?: number;
}

/** Result of {@link planIpam}. */
export interface IpamPlan {
  /** The subnets, defaults filled in. */
  readonly subnets: readonly Subnet[];
  /** Every record that should exist: nodes first, then pods, in input order. */
  readonly records: readonly IpRecord[];
  /** Records that did not exist before. */
  readonly allocated: readonly IpRecord[];
  /** Existing records whose pod or node is gone (their addresses are free again). */
  readonly released: readonly IpRecord[];
  /** Kube-OVN's counts per subnet name, after the plan. */
  readonly usage: ReadonlyMap<string, SubnetUsage>;
}

interface Want {
  readonly name: string;
  readonly subnet: string;
  readonly node: string;
  readonly ip: string | undefined;
  readonly mac: string | undefined;
}

/**
 * Plan IP addresses and MACs: keep existing records, release those whose pod (or node) is gone,
 * allocate for new pods and nodes — static requests first, then lowest free. Pure: the same input
 * (and `macSeed`) gives the same plan. Nothing is half-done: it returns a plan or throws.
 *
 * Refuses to drop a subnet that existing records of still-present pods are in. A pod keeps its
 * recorded subnet and address even when its namespace now maps to another subnet (as in Kube-OVN,
 * the pod has to be recreated to move).
 *
 * @throws every error of {@link validateSubnets}, and SubnetInUseError `KUBE_SUBNET_IN_USE`,
 *   UnknownSubnetNameError `KUBE_UNKNOWN_SUBNET`, NoSubnetForNamespaceError `KUBE_NO_SUBNET_FOR_NAMESPACE`,
 *   DuplicatePodError `KUBE_DUPLICATE_POD`, PodFieldError `KUBE_POD_INVALID_FIELD`, and the IPAM's
 *   `IPAM_ADDRESS_TAKEN`, `IPAM_ADDRESS_EXCLUDED`, `IPAM_ADDRESS_OUTSIDE_CIDR`, `IPAM_INVALID_ADDRESS`,
 *   `IPAM_INVALID_MAC`, `IPAM_MAC_TAKEN`, `IPAM_SUBNET_EXHAUSTED`, `IPAM_OWNER_CONFLICT`
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
  const subnets = validateSubnets(input.subnets, input.vpcs === undefined ? {} : { vpcs: input.vpcs });
  const byName = new Map(subnets.map((s) => [s.name, s]));
  const joinName = input.joinSubnet ?? JOIN_SUBNET;

  // Who should hold an address, and where.
  const wants: Want[] = [];
  const wantByName = new Map<string, Want>();
  const add = (w: Want): void => {
    if (wantByName.has(w.name)) throw new DuplicatePodError(w.name);
    wantByName.set(w.name, w);
    wants.push(w);
  };
  const recorded = new Map((input.records ?? []).map((r) => [r.name, r]));
  for (const node of input.nodes ?? []) {
    if (typeof node !== 'string' || node.length === 0) throw new PodFieldError('node', String(node), nodePortName(String(node)));
    if (!byName.has(joinName)) throw new UnknownSubnetNameError(joinName, `node ${node}`);
    add({ name: nodePortName(node), subnet: joinName, node, ip: undefined, mac: undefined });
  }
  for (const pod of input.pods) {
    for (const field of ['name', 'namespace', 'node'] as const) {
      const v = pod[field];
      if (typeof v !== 'string' || v.length === 0) throw new PodFieldError(field, String(v), `${String(pod.name)}.${String(pod.namespace)}`);
    }
    const name = podPortName(pod.name, pod.namespace);
    let subnet: string;
    const existing = recorded.get(name);
    if (existing !== undefined) {
      subnet = existing.subnet; // checked below: refusing to drop a subnet in use
    } else if (pod.subnet !== undefined) {
      if (!byName.has(pod.subnet)) throw new UnknownSubnetNameError(pod.subnet, `pod ${name}`);
      subnet = pod.subnet;
    } else {
      subnet = selectSubnet(subnets, pod.namespace).name;
    }
    add({ name, subnet, node: pod.node, ip: pod.ip, mac: pod.mac });
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
  for (const r of kept) ipam.subnet(r.subnet).allocate(r.name, { ip: r.ip, mac: r.mac });

  const fresh = new Set<string>();
  const allocateOne = (w: Want): void => {
    const a = ipam.subnet(w.subnet);
    if (!a.has(w.name)) fresh.add(w.name);
    a.allocate(w.name, { ip: w.ip, mac: w.mac });
  };
  for (const w of wants) if (w.ip !== undefined && w.ip !== '') allocateOne(w);
  for (const w of wants) if (w.ip === undefined || w.ip === '') allocateOne(w);

  const records: IpRecord[] = [];
  const allocated: IpRecord[] = [];
  for (const w of wants) {
    const a = ipam.subnet(w.subnet).get(w.name)!;
    const rec: IpRecord = { name: w.name, ip: a.ip, mac: a.mac!, node: w.node, subnet: w.subnet };
    records.push(rec);
    if (fresh.has(w.name)) allocated.push(rec);
  }
  const usage = new Map<string, SubnetUsage>();
  for (const s of subnets) usage.set(s.name, ipam.subnet(s.name).usage());
  return { subnets, records, allocated, released, usage };
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
  const prefixes = new Map(subnet.cidrBlock.split(',').map((c) => [c.includes(':') ? 6 : 4, c.slice(c.indexOf('/'))] as const));
  return subnet.gateway.split(',').map((g) => `${g}${prefixes.get(g.includes(':') ? 6 : 4) ?? ''}`);
}

/**
 * The logical switch's `other_config` for OVN's own IPAM hints, as Kube-OVN writes it: `subnet` and
 * `exclude_ips` (IPv4 only in OVN; entries space-separated, ranges `a..b`), `ipv6_prefix` for an IPv6
 * CIDR (the address part only, as OVN expects).
 */
export function logicalSwitchOtherConfig(subnet: Pick<Subnet, 'cidrBlock' | 'excludeIps'>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of subnet.cidrBlock.split(',')) {
    if (c.includes(':')) out['ipv6_prefix'] = c.slice(0, c.indexOf('/'));
    else out['subnet'] = c;
  }
  const v4 = subnet.excludeIps.filter((e) => !e.includes(':'));
  if (out['subnet'] !== undefined && v4.length > 0) out['exclude_ips'] = v4.join(' ');
  return out;
}
