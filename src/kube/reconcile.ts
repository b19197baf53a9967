/**
 * The Kube-OVN reconciler: desired VPCs, subnets, nodes and pods → Northbound, idempotently.
 *
 * - a VPC is a logical router;
 * - a subnet is a logical switch (`other_config` subnet / exclude_ips / gateway for ovn-northd), a
 *   router port `<vpc>-<subnet>` on its VPC's router carrying the gateway address, and the matching
 *   router-type switch port `<subnet>-<vpc>`; in the default VPC a `ip4.dst == <cidr>` allow policy (31000);
 * - an underlay subnet (`vlan`) gets the localnet port `localnet.<subnet>`; with a physical gateway (no
 *   `logicalGateway`) no router port, unless `u2oInterconnection` gives it one carrying the u2o address,
 *   with Kube-OVN's u2o policies and exclude address sets;
 * - a node gets `node-<node>` in the join subnet, a pod gets `<pod>.<namespace>` in the subnet its
 *   namespace selects, with `addresses` `"MAC IP"` from the IPAM plan; `port_security` stays empty
 *   unless the pod asks for it (`portSecurity`, Kube-OVN's `ovn.kubernetes.io/port_security` annotation);
 * - `external_ids` as Kube-OVN v1.12 writes them (pkg/ovs): switches `{vendor}`, switch ports
 *   `{vendor, ls}` plus `pod` = `<namespace>/<name>` for pods, router ports `{vendor, lr}`, routers
 *   `{vendor}`; keys of this SDK's own carry the `ovn-sdk/` prefix ({@link SDK_KEYS});
 * - a router port's MAC is `00:00:00:XX:XX:XX` (v1.12 draws it with util.GenerateMac when it creates the
 *   port; here it is derived from the port name, so plans are deterministic) and kept once it exists;
 * - ports whose pod is gone are removed (their IP is free again); a subnet no longer desired is
 *   removed, unless desired pods are still in it (`KUBE_SUBNET_IN_USE`).
 *
 * The reconciler keeps no state of its own: IP records are read back from NB on every run (switch ports
 * with `external_ids:vendor=kube-ovn`), and so is each subnet's released-address list
 * (`ovn-sdk/released` on its switch), so after a restart IPAM is rebuilt from what NB holds and hands
 * addresses out in the same order. Planning is
 * pure ({@link planReconcile}: desired state + NB snapshot → operations); every check happens before
 * anything is sent, and all changes go in one transaction, so bad input never half-writes.
 */
import type { OvsdbClient } from '../ovsdb/client.js';
import type { Operation } from '../ovsdb/operations.js';
import { parseAddress, parseCidrBlock } from '../ipam/index.js';
import { NB_DATABASE, NbTxn, readNbSnapshot, type NbColumns, type NbSnapshot, type NbTable } from '../ovn-nb/txn.js';
import { lsAdd, lsDel, lspAdd, lspDel, lspAddresses } from '../ovn-nb/switch.js';
import {
  lrAdd,
  lrPolicyAdd,
  lrPolicyDel,
  lrPolicyDelWhere,
  lrRouteAdd,
  lrRouteDel,
  lrpAdd,
  lrpDel,
} from '../ovn-nb/router.js';
import { addressSetAdd, addressSetDel, portGroupAdd, portGroupDel } from '../ovn-nb/security.js';
import {
  DEFAULT_VPC,
  JOIN_SUBNET,
  defaultSubnets,
  defaultVpc,
  hasPhysicalGateway,
  logicalSwitchOtherConfig,
  nodePortName,
  u2oOwnerName,
  validateVlans,
  planIpam,
  type IpRecord,
  type IpamPlan,
  type KubeVip,
  type KubeVlan,
  type Pod,
  type Subnet,
  type SubnetInput,
  type Vpc,
} from './subnet-model.js';
import type { KubeIpPool } from './ip-pools.js';
import { KubeNbRecordError } from './reconcile-errors.js';
import { SubnetGatewayInUseError, UnknownVlanError, VipFieldError } from './model-errors.js';

/** `external_ids:vendor` on every row the reconciler owns. */
export const KUBE_VENDOR = 'kube-ovn';

/**
 * The `external_ids` keys this SDK adds to Kube-OVN's own (documented in docs/kube-ovn-comparison.md):
 * a port's node, a switch's VPC, and a switch's released-address list (space-separated `a` / `a..b`).
 * The legacy unprefixed `node` / `vpc` keys of earlier versions are still read.
 */
export const SDK_KEYS = {
  node: 'ovn-sdk/node',
  vpc: 'ovn-sdk/vpc',
  released: 'ovn-sdk/released',
  /** On a Vip's virtual port: the Vip's name, and the MAC its reservation holds. */
  vip: 'ovn-sdk/vip',
  vipMac: 'ovn-sdk/vip-mac',
  /** On a u2o subnet's router port: the subnet (its networks are the u2o address, read back by IPAM). */
  u2o: 'ovn-sdk/u2o',
} as const;

/** Desired state. */
export interface KubeDesiredState {
  /** VPCs (logical routers). Default: `[ovn-cluster]`. */
  readonly vpcs?: readonly Vpc[];
  /** Every subnet that should exist, `join` and `ovn-default` included (see {@link withDefaultSubnets}). */
  readonly subnets: readonly (Subnet | SubnetInput)[];
  readonly pods: readonly Pod[];
  /** Nodes; each gets a `node-<name>` port in the join subnet. */
  readonly nodes?: readonly string[];
  /** Vips: reserved addresses, attached as `virtual` switch ports `<subnet>-vip-<ip>`. */
  readonly vips?: readonly KubeVip[];
  /** Named IP pools (Kube-OVN IPPools): addresses kept for the pods of their namespaces (see `planIpam`). */
  readonly ippools?: readonly KubeIpPool[];
  /** Vlans that underlay subnets (`vlan`) name. */
  readonly vlans?: readonly KubeVlan[];
  /**
   * Nodes' InternalIP addresses by node name: the u2o exclude address sets hold them (Kube-OVN
   * addPolicyRouteForU2OInterconn), and with `defaultVpcRoutes` the node policies (30000) reroute them. Default none.
   */
  readonly nodeAddresses?: Readonly<Record<string, readonly string[]>>;
  /**
   * Write the default VPC's routing as Kube-OVN v1.12 installs it for `ovn-cluster` (see
   * {@link defaultVpcRouting}): the default routes via the join gateway, the node policies (30000) and the
   * distributed gateway policies (29000) with their per-node port groups. Default false (opt-in; the
   * incremental KubeController writes the same rows with its `defaultVpcRoutes` option).
   */
  readonly defaultVpcRoutes?: boolean;
}

/** A static route the reconciler writes on a VPC router. @internal */
export interface RouterRoute {
  readonly prefix: string;
  readonly nexthop: string;
  readonly policy: 'dst-ip' | 'src-ip';
}

/** Kube-OVN's per-node port group of a distributed subnet: `<subnet>.<node>` with `-` → `.` (getOverlaySubnetsPortGroupName). */
export function subnetNodePortGroup(subnet: string, node: string): string {
  return `${subnet}.${node}`.replaceAll('-', '.');
}

/** The default VPC's routing rows (see {@link defaultVpcRouting}). */
export interface DefaultVpcRouting {
  readonly routes: readonly RouterRoute[];
  readonly policies: readonly RouterPolicy[];
  /** Port groups `<subnet>.<node>` with the subnet's pod ports on that node, external_ids `np` = `<subnet>/<node>`. */
  readonly portGroups: readonly { readonly name: string; readonly ports: readonly string[]; readonly np: string }[];
}

/**
 * The routing Kube-OVN v1.12 installs on the default VPC `ovn-cluster` (pkg/controller/node.go
 * handleAddNode / addNodeGwStaticRoute, pkg/controller/subnet.go reconcileDistributedSubnetRouteInDefaultVpc /
 * addPolicyRouteForDistributedSubnet / createPortGroupForDistributedSubnet):
 * - `0.0.0.0/0` (and `::/0`) via the join subnet's gateway, dst-ip, main table — only when the VPC lists no
 *   static routes of its own;
 * - per node and family with an InternalIP: 30000 `ip4.dst == <node IP>` reroute to the node's join address,
 *   external_ids `{vendor, node, address-family}`;
 * - per distributed default-VPC subnet (not the join subnet, not behind a physical gateway) and node: the port
 *   group `<subnet>.<node>` holding the subnet's pods on that node, and 29000 `ip4.src == $<pg>_ip4` reroute
 *   to the node's join address, external_ids `{vendor, subnet, node}`.
 * Centralized gateways (gatewayNode) are not modelled.
 */
export function defaultVpcRouting(
  vpc: Vpc,
  subnets: readonly Subnet[],
  records: readonly IpRecord[],
  nodeAddresses: Readonly<Record<string, readonly string[]>>,
): DefaultVpcRouting {
  const join = subnets.find((s) => s.name === JOIN_SUBNET && s.vpc === DEFAULT_VPC);
  const routes: RouterRoute[] = [];
  if (join !== undefined && vpc.staticRoutes === undefined) {
    for (const gw of join.gateway.split(','))
      routes.push({ prefix: gw.includes(':') ? '::/0' : '0.0.0.0/0', nexthop: gw, policy: 'dst-ip' });
  }
  const joinIp = new Map<string, Map<4 | 6, string>>();
  for (const r of records) {
    if (r.subnet !== JOIN_SUBNET || !r.name.startsWith('node-')) continue;
    joinIp.set(r.node, new Map(r.ip.split(',').map((a) => [a.includes(':') ? 6 : 4, a] as const)));
  }
  const policies: RouterPolicy[] = [];
  for (const [node, ips] of joinIp) {
    for (const addr of nodeAddresses[node] ?? []) {
      const af = addr.includes(':') ? 6 : 4;
      const hop = ips.get(af);
      if (hop === undefined) continue;
      policies.push({
        priority: NODE_ROUTER_POLICY_PRIORITY,
        match: `ip${af}.dst == ${addr}`,
        action: 'reroute',
        nextHopIP: hop,
        externalIds: { vendor: KUBE_VENDOR, node, 'address-family': String(af) },
      });
    }
  }
  const portGroups: DefaultVpcRouting['portGroups'][number][] = [];
  for (const s of subnets) {
    if (s.vpc !== DEFAULT_VPC || s.name === JOIN_SUBNET || hasPhysicalGateway(s) || s.gatewayType !== 'distributed')
      continue;
    for (const [node, ips] of joinIp) {
      const pg = subnetNodePortGroup(s.name, node);
      const ports = records.filter((r) => r.subnet === s.name && r.node === node).map((r) => r.name);
      portGroups.push({ name: pg, ports, np: `${s.name}/${node}` });
      for (const c of parseCidrBlock(s.cidrBlock)) {
        const hop = ips.get(c.family);
        if (hop === undefined) continue;
        policies.push({
          priority: U2O_POLICY_PRIORITIES.gatewayRouter,
          match: `ip${c.family}.src == $${pg}_ip${c.family}`,
          action: 'reroute',
          nextHopIP: hop,
          externalIds: { vendor: KUBE_VENDOR, subnet: s.name, node },
        });
      }
    }
  }
  return { routes, policies, portGroups };
}

/** Kube-OVN util.NodeRouterPolicyPriority: a node's InternalIP rerouted to its join address. */
export const NODE_ROUTER_POLICY_PRIORITY = 30000;

/** A subnet's localnet port: `localnet.<subnet>` (Kube-OVN ovs.GetLocalnetName). */
export function localnetPortName(subnet: string): string {
  return `localnet.${subnet}`;
}

/** Kube-OVN's policy priorities (pkg/util/const.go) the reconciler writes: subnet (31000), u2o subnet (29400), gateway (29000). */
export const U2O_POLICY_PRIORITIES = { subnet: 31000, u2oSubnet: 29400, gatewayRouter: 29000 } as const;

/** The u2o exclude address set of a subnet and family: `<subnet>.u2o_exclude_ip.ip4`, `-` → `.` (util.U2OExcludeIPAg). */
export function u2oExcludeAddressSet(subnet: string, family: 4 | 6): string {
  return `${subnet}.u2o_exclude_ip.ip${family}`.replaceAll('-', '.');
}

/** The virtual switch port of a Vip: `<subnet>-vip-<ip>` (Kube-OVN's CreateVirtualLogicalSwitchPorts). */
export function vipPortName(subnet: string, ip: string): string {
  return `${subnet}-vip-${ip}`;
}

/** `defaultSubnets()` (join, ovn-default) followed by `extra`. */
export function withDefaultSubnets(extra: readonly (Subnet | SubnetInput)[] = []): (Subnet | SubnetInput)[] {
  return [...defaultSubnets(), ...extra];
}

/** The tables the reconciler reads. */
export const KUBE_NB_TABLES = [
  'Logical_Switch',
  'Logical_Switch_Port',
  'Logical_Router',
  'Logical_Router_Port',
  'Logical_Router_Static_Route',
  'Logical_Router_Policy',
  'Address_Set',
  'Port_Group',
] as const satisfies readonly NbTable[];

/**
 * The columns of {@link KUBE_NB_TABLES} the reconciler's builders set or follow — all it reads
 * (a restart with 10,000 ports reads far less than every column).
 */
export const KUBE_NB_COLUMNS = {
  Logical_Switch: ['name', 'ports', 'other_config', 'external_ids'],
  Logical_Switch_Port: ['name', 'addresses', 'port_security', 'type', 'options', 'tag', 'external_ids'],
  Logical_Router: ['name', 'ports', 'static_routes', 'policies', 'external_ids'],
  Logical_Router_Port: ['name', 'mac', 'networks', 'external_ids'],
  Logical_Router_Static_Route: ['ip_prefix', 'nexthop', 'policy', 'route_table', 'output_port', 'external_ids'],
  Logical_Router_Policy: ['priority', 'match', 'action', 'nexthops', 'options', 'external_ids'],
  Address_Set: ['name', 'addresses', 'external_ids'],
  Port_Group: ['name', 'ports', 'external_ids'],
} as const satisfies NbColumns;

/** Router port of a subnet on its VPC router: `<vpc>-<subnet>` (Kube-OVN's name). */
export function routerPortName(vpc: string, subnet: string): string {
  return `${vpc}-${subnet}`;
}
/** Router-type switch port of a subnet: `<subnet>-<vpc>`. */
export function switchRouterPortName(subnet: string, vpc: string): string {
  return `${subnet}-${vpc}`;
}

/**
 * An ovn-kubernetes style gateway MAC: `0a:58` + the IPv4 gateway's four bytes, or for IPv6-only subnets
 * `0a:58` + the gateway's last four bytes. No longer used by the reconciler (Kube-OVN v1.12 gives
 * router ports `00:00:00:XX:XX:XX`, see {@link routerPortMac}); kept for callers that want it.
 */
export function gatewayMac(gateway: string): string {
  const first = gateway.split(',')[0]!;
  let bytes: number[];
  if (first.includes(':')) {
    const b = parseAddress(first).value;
    bytes = [24, 16, 8, 0].map((s) => Number((b >> BigInt(s)) & 0xffn));
  } else bytes = first.split('.').map(Number);
  return ['0a', '58', ...bytes.map((x) => x.toString(16).padStart(2, '0'))].join(':');
}

/**
 * A router port's MAC as Kube-OVN v1.12 shapes it (`util.GenerateMac`: `00:00:00` + three bytes), the
 * bytes taken from an FNV-1a hash of the port name (and `salt`, to step past a clash) instead of a random
 * draw, so that plans are deterministic.
 */
export function routerPortMac(portName: string, salt = 0): string {
  let h = 0x811c9dc5;
  for (const ch of `${portName}#${salt}`) {
    h ^= ch.charCodeAt(0);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  const v = h & 0xffffff || 1;
  return ['00', '00', '00', (v >> 16) & 255, (v >> 8) & 255, v & 255]
    .map((x) => (typeof x === 'string' ? x : x.toString(16).toUpperCase().padStart(2, '0')))
    .join(':');
}

/** The IP records NB holds: kube-ovn switch ports with their addresses, node and subnet. */
export function recordsFromSnapshot(snapshot: NbSnapshot): IpRecord[] {
  const out: IpRecord[] = [];
  const switchOf = new Map<string, string>();
  for (const ls of snapshot.Logical_Switch?.values() ?? []) for (const p of ls.ports) switchOf.set(p, ls.name);
  // A Vip's ports: one `virtual` port per address (default type) or one switch_lb_vip port with all of them.
  const vips = new Map<string, { ips: string[]; mac: string; subnet: string }>();
  for (const p of snapshot.Logical_Switch_Port?.values() ?? []) {
    const ext = p.external_ids;
    const vip = ext[SDK_KEYS.vip];
    if (ext.vendor === KUBE_VENDOR && vip !== undefined) {
      const subnet = switchOf.get(p._uuid) ?? ext.ls;
      const ips = p.type === 'virtual' ? [p.options['virtual-ip']] : (p.addresses[0]?.split(' ').slice(1) ?? []);
      if (subnet === undefined) continue;
      const v = vips.get(vip) ?? { ips: [], mac: ext[SDK_KEYS.vipMac] ?? '', subnet };
      for (const ip of ips) if (ip !== undefined && ip !== '' && !v.ips.includes(ip)) v.ips.push(ip);
      vips.set(vip, v);
      continue;
    }
    const node = ext[SDK_KEYS.node] ?? ext.node;
    if (ext.vendor !== KUBE_VENDOR || node === undefined) continue;
    const addr = p.addresses[0];
    const parts = addr?.split(' ') ?? [];
    if (parts.length < 2) throw new KubeNbRecordError(p.name, addr ?? '');
    const subnet = switchOf.get(p._uuid) ?? ext.ls;
    if (subnet === undefined) continue; // an orphan row; OVSDB collects it
    // The MAC as NB holds it (a static MAC keeps the case it was written in).
    out.push({ name: p.name, mac: parts[0]!, ip: parts.slice(1).join(','), node, subnet });
  }
  for (const [name, v] of vips) {
    const ip = [...v.ips.filter((x) => !x.includes(':')), ...v.ips.filter((x) => x.includes(':'))].join(',');
    if (ip !== '') out.push({ name: `vip:${name}`, ip, mac: v.mac, node: '', subnet: v.subnet });
  }
  // u2o addresses live on their subnet's router port (networks, MAC).
  for (const p of snapshot.Logical_Router_Port?.values() ?? []) {
    const subnet = p.external_ids[SDK_KEYS.u2o];
    const vpc = p.external_ids.lr;
    if (p.external_ids.vendor !== KUBE_VENDOR || subnet === undefined || vpc === undefined) continue;
    const ip = p.networks.map((n) => n.slice(0, n.indexOf('/'))).join(',');
    out.push({ name: u2oOwnerName(vpc, subnet), ip, mac: p.mac, node: '', subnet });
  }
  return out;
}

/** Each kube-ovn switch's released-address list, as the previous reconcile stored it. */
export function releasedFromSnapshot(snapshot: NbSnapshot): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const ls of snapshot.Logical_Switch?.values() ?? []) {
    const text = ls.external_ids[SDK_KEYS.released];
    if (ls.external_ids.vendor !== KUBE_VENDOR || text === undefined || text === '') continue;
    out.set(ls.name, text.split(' '));
  }
  return out;
}

/**
 * A custom VPC's `staticRoutes` and `policyRoutes` on its router (Kube-OVN pkg/controller/vpc.go
 * handleAddOrUpdateVpc: static routes by (policy, cidr, next hop), policies by (priority, match)); routes
 * and policies with `vendor=kube-ovn` on a desired router that are no longer listed are removed.
 */
/** A policy the reconciler writes on a VPC router. @internal */
export interface RouterPolicy {
  readonly priority: number;
  readonly match: string;
  readonly action: 'allow' | 'drop' | 'reroute';
  readonly nextHopIP?: string;
  readonly externalIds?: Readonly<Record<string, string>>;
}

/**
 * Kube-OVN addCommonRoutesForSubnet (reconcileOvnDefaultVpcRoute): every default-VPC subnet the router
 * routes (not an underlay subnet with a physical gateway) gets `ip4.dst == <cidr>` allow at 31000, per
 * CIDR, external_ids `{vendor, subnet}` — ahead of any reroute policy.
 * @internal
 */
export function subnetPolicies(s: Subnet): RouterPolicy[] {
  if (s.vpc !== DEFAULT_VPC || hasPhysicalGateway(s)) return [];
  const externalIds = { vendor: KUBE_VENDOR, subnet: s.name };
  return parseCidrBlock(s.cidrBlock).map((c) => ({
    priority: U2O_POLICY_PRIORITIES.subnet,
    match: `ip${c.family}.dst == ${c.text}`,
    action: 'allow' as const,
    externalIds,
  }));
}

function reconcileVpcRoutes(
  tx: NbTxn,
  snapshot: NbSnapshot,
  vpcs: readonly Vpc[],
  extra: ReadonlyMap<string, readonly RouterPolicy[]>,
  keep: ReadonlySet<string>,
  extraRoutes: ReadonlyMap<string, readonly RouterRoute[]> = new Map(),
): void {
  const ext = { vendor: KUBE_VENDOR };
  const routers = new Map([...(snapshot.Logical_Router?.values() ?? [])].map((r) => [r.name, r]));
  for (const v of vpcs) {
    const routes: RouterRoute[] = [
      ...(v.staticRoutes ?? []).map((r) => ({
        prefix: r.cidr,
        nexthop: r.nextHopIP,
        policy: r.policy ?? ('dst-ip' as const),
      })),
      ...(extraRoutes.get(v.name) ?? []),
    ];
    const policies: RouterPolicy[] = [...(v.policyRoutes ?? []), ...(extra.get(v.name) ?? [])];
    for (const r of routes) lrRouteAdd(tx, { router: v.name, ...r, externalIds: ext });
    for (const p of policies) {
      lrPolicyAdd(tx, {
        router: v.name,
        priority: p.priority,
        match: p.match,
        action: p.action,
        ...(p.action === 'reroute' ? { nexthops: [p.nextHopIP!] } : {}),
        externalIds: p.externalIds ?? ext,
      });
    }
    const lr = routers.get(v.name);
    if (lr === undefined) continue;
    for (const id of lr.static_routes) {
      const row = snapshot.Logical_Router_Static_Route?.get(id);
      if (row === undefined || row.external_ids.vendor !== KUBE_VENDOR) continue;
      const policy = row.policy ?? 'dst-ip';
      if (routes.some((r) => r.prefix === row.ip_prefix && r.nexthop === row.nexthop && r.policy === policy)) continue;
      lrRouteDel(tx, {
        router: v.name,
        prefix: row.ip_prefix,
        nexthop: row.nexthop,
        ...(row.policy === undefined ? {} : { policy: row.policy }),
        ...(row.route_table ? { routeTable: row.route_table } : {}),
      });
    }
    for (const id of lr.policies) {
      const row = snapshot.Logical_Router_Policy?.get(id);
      if (row === undefined || row.external_ids.vendor !== KUBE_VENDOR) continue;
      if (policies.some((p) => p.priority === row.priority && p.match === row.match)) continue;
      if (keep.has(`${v.name} ${row.priority} ${row.match}`)) continue;
      lrPolicyDel(tx, v.name, row.priority, row.match);
    }
  }
}

/**
 * Kube-OVN's update guard (pkg/webhook/subnet.go SubnetUpdateHook): a subnet's gateway may not change while
 * any of its IPs is in use. The current gateway is read from the subnet's router port networks.
 */
function checkGatewayUpdates(snapshot: NbSnapshot, ipam: IpamPlan, existing: readonly IpRecord[]): void {
  const lrps = new Map([...(snapshot.Logical_Router_Port?.values() ?? [])].map((p) => [p.name, p]));
  for (const s of ipam.subnets) {
    const lrp = lrps.get(routerPortName(s.vpc, s.name));
    if (lrp === undefined || hasPhysicalGateway(s)) continue; // an underlay router port carries the u2o address
    const current = lrp.networks.map((n) => n.slice(0, n.indexOf('/'))).sort();
    const wanted = s.gateway.split(',').sort();
    if (current.join(',') === wanted.join(',')) continue;
    const users = existing
      .filter((r) => r.subnet === s.name && ipam.records.some((k) => k.name === r.name))
      .map((r) => r.name);
    if (users.length > 0) throw new SubnetGatewayInUseError(s.name, s.gateway, current.join(','), users);
  }
}

/** Result of {@link planReconcile}. */
export interface ReconcilePlan {
  /** The operations to send (empty when NB already matches). */
  readonly operations: readonly Operation[];
  /** The IPAM plan: subnets with defaults, records, allocated/released, usage per subnet. */
  readonly ipam: IpamPlan;
  /** Switch names removed. */
  readonly removedSubnets: readonly string[];
}

/** Options of {@link planReconcile} and {@link reconcile}. */
export interface ReconcileOptions {
  /** Seed for generated MACs (deterministic plans). */
  readonly macSeed?: number;
}

function podExternalIds(rec: IpRecord, pod: Pod | undefined): Record<string, string> {
  // Kube-OVN's buildLogicalSwitchPort: pod, ls, vendor; plus this SDK's node key.
  const ext: Record<string, string> = { vendor: KUBE_VENDOR, ls: rec.subnet, [SDK_KEYS.node]: rec.node };
  if (pod) ext.pod = `${pod.namespace}/${pod.name}`;
  return ext;
}

/**
 * The rows of one subnet as the reconciler writes them: the switch (other_config for ovn-northd, the
 * released list), the router port `<vpc>-<subnet>` with the gateway networks (its MAC kept once it exists,
 * else derived as v1.12 does), and the router-type switch port. Shared with the incremental
 * KubeController so both write the same rows. Returns the router port's MAC (undefined when the subnet has
 * no router port).
 * @internal
 */
export function planSubnetRows(
  tx: NbTxn,
  s: Subnet,
  o: {
    readonly records: readonly IpRecord[];
    readonly released: readonly string[];
    readonly lrpMac?: string | undefined;
    /** The subnet's Vlan, when it names one: a localnet port is written. */
    readonly vlan?: KubeVlan | undefined;
    /** The u2o address of an underlay subnet with u2oInterconnection: its router port carries it. */
    readonly u2o?: IpRecord | undefined;
  },
): string | undefined {
  const ext = { vendor: KUBE_VENDOR };
  const block = parseCidrBlock(s.cidrBlock);
  // For ovn-northd's IPAM: subnet / exclude_ips / gateway (IPv4), ipv6_prefix (IPv6), see logicalSwitchOtherConfig.
  const v4Gw = s.gateway.split(',').find((g) => !g.includes(':'));
  const otherConfig = logicalSwitchOtherConfig(s);
  if (otherConfig.subnet !== undefined && v4Gw !== undefined) otherConfig.gateway = v4Gw;
  const lsExt: Record<string, string> = { ...ext, [SDK_KEYS.vpc]: s.vpc };
  if (o.released.length > 0) lsExt[SDK_KEYS.released] = o.released.join(' ');
  lsAdd(tx, { name: s.name, otherConfig, externalIds: lsExt });
  if (o.vlan !== undefined) planLocalnetPort(tx, s.name, o.vlan);
  else lspDel(tx, localnetPortName(s.name), { ifExists: true }); // no longer an underlay subnet
  const lrp = routerPortName(s.vpc, s.name);
  // Kube-OVN handleAddOrUpdateSubnet: needRouter = overlay || logicalGateway || u2o; an underlay subnet's
  // router port carries the u2o address instead of the gateway (the physical router owns that).
  if (hasPhysicalGateway(s) && o.u2o === undefined) {
    lspDel(tx, switchRouterPortName(s.name, s.vpc), { ifExists: true });
    lrpDel(tx, lrp, { ifExists: true });
    return undefined;
  }
  const addressText = o.u2o !== undefined ? o.u2o.ip : s.gateway;
  const networks = addressText.split(',').map((g) => {
    const c = block.find((x) => x.family === (g.includes(':') ? 6 : 4))!;
    return `${g}/${c.prefix}`;
  });
  let mac = o.u2o?.mac ?? o.lrpMac;
  if (mac === undefined) {
    const taken = new Set(o.records.filter((r) => r.subnet === s.name).map((r) => r.mac.toUpperCase()));
    for (let salt = 0; mac === undefined || taken.has(mac); salt++) mac = routerPortMac(lrp, salt);
  }
  const lrpExt: Record<string, string> = { ...ext, lr: s.vpc };
  if (o.u2o !== undefined) lrpExt[SDK_KEYS.u2o] = s.name;
  lrpAdd(tx, { router: s.vpc, name: lrp, mac, networks, externalIds: lrpExt });
  for (const p of subnetPolicies(s))
    lrPolicyAdd(tx, {
      router: s.vpc,
      priority: p.priority,
      match: p.match,
      action: p.action,
      externalIds: p.externalIds!,
    });
  lspAdd(tx, {
    switch: s.name,
    name: switchRouterPortName(s.name, s.vpc),
    type: 'router',
    addresses: ['router'],
    options: { 'router-port': lrp },
    externalIds: { ...ext, ls: s.name },
  });
  return mac;
}

/**
 * The localnet port of an underlay subnet as Kube-OVN writes it (pkg/ovs CreateLocalnetLogicalSwitchPort):
 * `localnet.<subnet>`, type `localnet`, addresses `unknown`, `options:network_name` = the provider network,
 * `tag` = the VLAN id when 0 < id < 4096, external_ids `{vendor, ls}`.
 */
function planLocalnetPort(tx: NbTxn, subnet: string, vlan: KubeVlan): void {
  const name = localnetPortName(subnet);
  lspAdd(tx, {
    switch: subnet,
    name,
    type: 'localnet',
    addresses: ['unknown'],
    options: { network_name: vlan.provider },
    externalIds: { vendor: KUBE_VENDOR, ls: subnet },
  });
  // The tag column (lspAdd sets tag_request, for container ports); Kube-OVN sets `tag` on localnet ports.
  const tag = vlan.id > 0 && vlan.id < 4096 ? [vlan.id] : [];
  const created = tx.created('Logical_Switch_Port', name);
  if (created !== undefined) {
    if (tag.length > 0) tx.push(tx.update('Logical_Switch_Port', created.ref, { tag }));
    return;
  }
  const row = tx.findAll('Logical_Switch_Port', 'name', name)[0];
  if (row === undefined) return;
  const current = row.tag === undefined ? [] : [row.tag];
  if (current.join() !== tag.join()) tx.push(tx.update('Logical_Switch_Port', { uuid: row._uuid }, { tag }));
}

/**
 * The policies Kube-OVN puts on an underlay subnet's VPC router for u2o interconnection
 * (pkg/controller/subnet.go addPolicyRouteForU2OInterconn), per CIDR: in the default VPC
 * `ip4.dst == <cidr>` allow (29400) and `ip4.dst == $<subnet>.u2o_exclude_ip.ip4 && ip4.src == <cidr>`
 * reroute to the gateway (31000); in every VPC `ip4.src == <cidr>` reroute to the gateway (29000).
 * @internal
 */
export function u2oPolicies(s: Subnet): RouterPolicy[] {
  const externalIds = { vendor: KUBE_VENDOR, subnet: s.name, isU2ORoutePolicy: 'true' };
  const out: RouterPolicy[] = [];
  for (const c of parseCidrBlock(s.cidrBlock)) {
    const ip = `ip${c.family}`;
    const gw = s.gateway.split(',').find((g) => g.includes(':') === (c.family === 6))!;
    if (s.vpc === DEFAULT_VPC) {
      out.push(
        { priority: U2O_POLICY_PRIORITIES.u2oSubnet, match: `${ip}.dst == ${c.text}`, action: 'allow', externalIds },
        {
          priority: U2O_POLICY_PRIORITIES.subnet,
          match: `${ip}.dst == $${u2oExcludeAddressSet(s.name, c.family)} && ${ip}.src == ${c.text}`,
          action: 'reroute',
          nextHopIP: gw,
          externalIds,
        },
      );
    }
    out.push({
      priority: U2O_POLICY_PRIORITIES.gatewayRouter,
      match: `${ip}.src == ${c.text}`,
      action: 'reroute',
      nextHopIP: gw,
      externalIds,
    });
  }
  return out;
}

/**
 * A u2o subnet's exclude address sets (node addresses) and u2o policies, as {@link planReconcile} writes
 * them; with `on` false, their removal. For the incremental KubeController.
 * @internal
 */
export function planU2oRows(tx: NbTxn, s: Subnet, on: boolean, nodeIps: readonly string[]): void {
  const externalIds = { vendor: KUBE_VENDOR, subnet: s.name, isU2ORoutePolicy: 'true' };
  for (const family of [4, 6] as const) {
    const name = u2oExcludeAddressSet(s.name, family);
    if (on)
      addressSetAdd(tx, { name, addresses: nodeIps.filter((a) => a.includes(':') === (family === 6)), externalIds });
    else addressSetDel(tx, name, { ifExists: true });
  }
  for (const p of u2oPolicies(s)) {
    if (!on) {
      lrPolicyDelWhere(tx, s.vpc, { priority: p.priority, match: p.match });
      continue;
    }
    lrPolicyAdd(tx, {
      router: s.vpc,
      priority: p.priority,
      match: p.match,
      action: p.action,
      ...(p.action === 'reroute' ? { nexthops: [p.nextHopIP!] } : {}),
      externalIds: p.externalIds!,
    });
  }
}

/**
 * The switch ports of the Vips (their reservations in `records`, named `vip:<name>`): for the default type
 * one `virtual` port `<subnet>-vip-<ip>` per address with `options:virtual-ip` (Kube-OVN
 * CreateVirtualLogicalSwitchPorts); for `switch_lb_vip` the port `<name>.<namespace>` with addresses
 * `"<router port MAC> <ip>…"` and `options:arp_proxy=true` (v1.12 handleAddVirtualIP), external_ids
 * `{vendor, ls, pod}` as CreateLogicalSwitchPort writes them. Both carry `ovn-sdk/vip` and `ovn-sdk/vip-mac`
 * (the reservation's MAC) so the stateless reconciler reads the reservation back. Returns the port names.
 * @throws VipFieldError `KUBE_VIP_INVALID_FIELD` for a switch_lb_vip in a subnet without a router port
 */
function planVipPorts(
  tx: NbTxn,
  records: readonly IpRecord[],
  vips: readonly KubeVip[],
  subnetMacs: ReadonlyMap<string, string | undefined>,
): Set<string> {
  const byName = new Map(vips.map((v) => [v.name, v]));
  const names = new Set<string>();
  for (const r of records) {
    const name = r.name.slice('vip:'.length);
    const spec = byName.get(name);
    const ext = { vendor: KUBE_VENDOR, ls: r.subnet, [SDK_KEYS.vip]: name, [SDK_KEYS.vipMac]: r.mac };
    if (spec?.type === 'switch_lb_vip') {
      const mac = subnetMacs.get(r.subnet);
      if (mac === undefined)
        throw new VipFieldError(
          name,
          'type',
          'switch_lb_vip',
          `subnet ${r.subnet} has no router port (no gateway MAC)`,
        );
      const ns = spec.namespace ?? '';
      const port = `${name}.${ns}`; // ovs.PodNameToPortName(vip, namespace, ovn)
      names.add(port);
      lspAdd(tx, {
        switch: r.subnet,
        name: port,
        addresses: [lspAddresses(mac, r.ip)],
        options: { arp_proxy: 'true' },
        externalIds: ns === '' ? ext : { ...ext, pod: `${ns}/${name}` },
      });
      continue;
    }
    for (const ip of r.ip.split(',')) {
      const port = vipPortName(r.subnet, ip);
      names.add(port);
      lspAdd(tx, { switch: r.subnet, name: port, type: 'virtual', options: { 'virtual-ip': ip }, externalIds: ext });
    }
  }
  return names;
}

/**
 * A pod's or node's switch port as the reconciler writes it. Kube-OVN leaves port_security empty unless
 * the pod's port_security annotation is "true" (pkg/controller/pod.go → CreateLogicalSwitchPort(…,
 * portSecurity, …)); node ports never have it.
 * @internal
 */
export function planPortRow(tx: NbTxn, rec: IpRecord, pod: Pod | undefined): void {
  const addr = lspAddresses(rec.mac, rec.ip);
  const portSecurity = pod?.portSecurity === true ? [addr] : [];
  lspAdd(tx, {
    switch: rec.subnet,
    name: rec.name,
    addresses: [addr],
    portSecurity,
    externalIds: podExternalIds(rec, pod),
  });
}

/**
 * Plans the NB changes for `desired` against `snapshot` (pure). Throws before returning anything
 * when the input is bad, so nothing is half-written.
 * @throws every error of `planIpam` (docs/errors/kube-model.md, docs/errors/ipam.md), and KubeNbRecordError `KUBE_NB_RECORD_INVALID`
 *   for a kube-ovn switch port in NB whose addresses cannot be read back
 * @example
 * const snap = await readNbSnapshot(client, KUBE_NB_TABLES, KUBE_NB_COLUMNS);
 * const plan = planReconcile({ subnets: withDefaultSubnets(), pods: [{ name: 'pod1', namespace: 'default', node: 'node1' }], nodes: ['node1'] }, snap);
 * if (plan.operations.length) await client.transact(NB_DATABASE, plan.operations);
 */
export function planReconcile(
  desired: KubeDesiredState,
  snapshot: NbSnapshot,
  o: ReconcileOptions = {},
): ReconcilePlan {
  const vpcs = desired.vpcs ?? [defaultVpc()];
  const vlans = new Map(validateVlans(desired.vlans ?? []).map((v) => [v.name, v]));
  const records = recordsFromSnapshot(snapshot);
  const ipam = planIpam({
    subnets: desired.subnets,
    vpcs,
    pods: desired.pods,
    ...(desired.nodes ? { nodes: desired.nodes } : {}),
    ...(desired.vips ? { vips: desired.vips } : {}),
    ...(desired.ippools ? { ippools: desired.ippools } : {}),
    records,
    releasedIps: releasedFromSnapshot(snapshot),
    ...(o.macSeed === undefined ? {} : { macSeed: o.macSeed }),
  });
  for (const s of ipam.subnets)
    if (s.vlan !== undefined && !vlans.has(s.vlan)) throw new UnknownVlanError(s.name, s.vlan);
  checkGatewayUpdates(snapshot, ipam, records);
  const u2oBySubnet = new Map(ipam.u2o.map((r) => [r.subnet, r]));
  const extraPolicies = new Map<string, RouterPolicy[]>();
  const keepPolicies = new Set<string>();
  for (const s of ipam.subnets) {
    // planSubnetRows writes these; the route reconciliation must keep them.
    for (const p of subnetPolicies(s)) keepPolicies.add(`${s.vpc} ${p.priority} ${p.match}`);
    if (u2oBySubnet.has(s.name)) extraPolicies.set(s.vpc, [...(extraPolicies.get(s.vpc) ?? []), ...u2oPolicies(s)]);
  }
  const tx = new NbTxn(snapshot);
  const ext = { vendor: KUBE_VENDOR };
  const pendingPortGroups: DefaultVpcRouting['portGroups'][number][] = [];
  const lrpMacs = new Map<string, string>();
  for (const p of snapshot.Logical_Router_Port?.values() ?? []) lrpMacs.set(p.name, p.mac);

  for (const v of vpcs) lrAdd(tx, { name: v.name, externalIds: ext });
  const subnetMacs = new Map<string, string | undefined>();
  for (const s of ipam.subnets) {
    subnetMacs.set(
      s.name,
      planSubnetRows(tx, s, {
        records: ipam.records,
        released: ipam.releasedIps.get(s.name) ?? [],
        lrpMac: lrpMacs.get(routerPortName(s.vpc, s.name)),
        vlan: s.vlan === undefined ? undefined : vlans.get(s.vlan),
        u2o: u2oBySubnet.get(s.name),
      }),
    );
  }
  // u2o exclude address sets (node addresses) in the default VPC, before the policies that name them.
  const nodeIps = Object.values(desired.nodeAddresses ?? {}).flat();
  const u2oSets = new Set<string>();
  for (const s of ipam.subnets) {
    if (!u2oBySubnet.has(s.name)) continue;
    const externalIds = { vendor: KUBE_VENDOR, subnet: s.name, isU2ORoutePolicy: 'true' };
    for (const family of [4, 6] as const) {
      const name = u2oExcludeAddressSet(s.name, family);
      u2oSets.add(name);
      const addresses = nodeIps.filter((a) => a.includes(':') === (family === 6));
      addressSetAdd(tx, { name, addresses, externalIds });
    }
  }
  for (const as of snapshot.Address_Set?.values() ?? []) {
    const e = as.external_ids;
    if (e.vendor === KUBE_VENDOR && e.isU2ORoutePolicy === 'true' && !u2oSets.has(as.name)) addressSetDel(tx, as.name);
  }
  const extraRoutes = new Map<string, RouterRoute[]>();
  const portGroups = new Set<string>();
  const defaultVpc_ = vpcs.find((v) => v.name === DEFAULT_VPC);
  if (desired.defaultVpcRoutes === true && defaultVpc_ !== undefined) {
    const routing = defaultVpcRouting(defaultVpc_, ipam.subnets, ipam.records, desired.nodeAddresses ?? {});
    extraRoutes.set(DEFAULT_VPC, [...routing.routes]);
    extraPolicies.set(DEFAULT_VPC, [...(extraPolicies.get(DEFAULT_VPC) ?? []), ...routing.policies]);
    for (const pg of routing.portGroups) {
      portGroups.add(pg.name);
      pendingPortGroups.push(pg);
    }
  }
  reconcileVpcRoutes(tx, snapshot, vpcs, extraPolicies, keepPolicies, extraRoutes);
  // Per-node port groups of subnets no longer routed that way (np = `<kube-ovn switch>/<node>`).
  const kubeSwitches = new Set(
    [...(snapshot.Logical_Switch?.values() ?? [])]
      .filter((l) => l.external_ids.vendor === KUBE_VENDOR)
      .map((l) => l.name),
  );
  for (const pg of snapshot.Port_Group?.values() ?? []) {
    const np = pg.external_ids.np;
    if (np === undefined || portGroups.has(pg.name)) continue;
    if (
      kubeSwitches.has(np.slice(0, np.indexOf('/'))) &&
      pg.name === subnetNodePortGroup(np.slice(0, np.indexOf('/')), np.slice(np.indexOf('/') + 1))
    )
      portGroupDel(tx, pg.name);
  }

  const podByPort = new Map(desired.pods.map((p) => [`${p.name}.${p.namespace}`, p]));
  for (const r of ipam.released) {
    if (r.name.startsWith('u2o-interconnection.') && r.node === '') continue; // its router port goes with the subnet rows
    if (r.name.startsWith('vip:')) continue; // its ports go below, with every port no Vip wants
    lspDel(tx, r.name);
  }
  const vipPorts = planVipPorts(tx, ipam.vips, desired.vips ?? [], subnetMacs);
  for (const p of snapshot.Logical_Switch_Port?.values() ?? []) {
    const e = p.external_ids;
    if (e.vendor === KUBE_VENDOR && e[SDK_KEYS.vip] !== undefined && !vipPorts.has(p.name)) lspDel(tx, p.name);
  }
  for (const rec of ipam.records) planPortRow(tx, rec, podByPort.get(rec.name));
  for (const pg of pendingPortGroups) portGroupAdd(tx, { name: pg.name, ports: pg.ports, externalIds: { np: pg.np } });

  // Subnets (kube-ovn switches) no longer desired: planIpam already refused when desired pods are in them.
  const wanted = new Set(ipam.subnets.map((s) => s.name));
  const removed: string[] = [];
  for (const ls of snapshot.Logical_Switch?.values() ?? []) {
    if (ls.external_ids.vendor !== KUBE_VENDOR || wanted.has(ls.name)) continue;
    removed.push(ls.name);
    lsDel(tx, ls.name);
    lrpDel(tx, routerPortName(ls.external_ids[SDK_KEYS.vpc] ?? ls.external_ids.vpc ?? DEFAULT_VPC, ls.name));
  }
  // IPAM was planned from the ports NB holds: if another writer adds or removes ports on a kube-ovn
  // switch meanwhile, the transaction must fail (OVSDB_TIMED_OUT) and be re-planned, not hand out an
  // address twice. Each such switch's `_version` is therefore guarded.
  const ops = tx.operations();
  if (ops.length === 0) return { operations: [], ipam, removedSubnets: removed };
  const guards = [...(snapshot.Logical_Switch?.values() ?? [])]
    .filter((ls) => ls.external_ids.vendor === KUBE_VENDOR)
    .map((ls) => tx.guardVersion('Logical_Switch', ls._uuid, ls._version));
  return { operations: [...guards, ...ops], ipam, removedSubnets: removed };
}

/** Result of {@link reconcile}. */
export interface ReconcileResult extends ReconcilePlan {
  /** Transactions sent (0 when nothing changed; more than 1 when a concurrent writer forced a retry). */
  readonly transactions: number;
}

/**
 * Reads NB, plans ({@link planReconcile}) and applies the plan in one transaction. When a `wait` guard
 * fails because another writer changed the same rows meanwhile (`OVSDB_TIMED_OUT`), it re-reads and
 * re-plans, up to `retries` times (default 3).
 * @throws everything {@link planReconcile} throws, and the client's transaction errors
 * @example
 * await reconcile(client, { subnets: withDefaultSubnets([{ name: 'subnet1', cidrBlock: '10.66.0.0/16', namespaces: ['ns1'] }]), pods, nodes: ['node1'] });
 */
export async function reconcile(
  client: Pick<OvsdbClient, 'transact'>,
  desired: KubeDesiredState,
  o: ReconcileOptions & {
    retries?: number;
    /**
     * Have the client validate the operations against the server's schema again before sending.
     * Default false: the builders already encoded every value against the generated NB schema.
     */
    validate?: boolean;
  } = {},
): Promise<ReconcileResult> {
  let sent = 0;
  for (let attempt = 0; ; attempt++) {
    const snap = await readNbSnapshot(client, KUBE_NB_TABLES, KUBE_NB_COLUMNS);
    const plan = planReconcile(desired, snap, o);
    if (plan.operations.length === 0) return { ...plan, transactions: sent };
    try {
      sent++;
      await client.transact(NB_DATABASE, plan.operations, { validate: o.validate ?? false });
      return { ...plan, transactions: sent };
    } catch (e) {
      if ((e as { code?: string }).code === 'OVSDB_TIMED_OUT' && attempt < (o.retries ?? 3)) continue;
      throw e;
    }
  }
}

export { nodePortName };
