/**
 * The logical topology as the page draws it, computed from a Northbound snapshot (the replica's
 * tables), the subnets' address usage (the `get subnet -o json` status) and, when there is one, a
 * Southbound view (tunnel keys, chassis). Pure: rows in, a plain JSON-able value out.
 */
import type { NbSnapshot } from '../ovn-nb/txn.js';
import type { SbView } from '../ovn-sb/read.js';
import { KUBE_VENDOR, recordsFromSnapshot } from '../kube/index.js';

/** A logical router and its ports. */
export interface TopologyRouter {
  readonly name: string;
  /** The VPC it serves (`external_ids:vpc` or its own name). */
  readonly vpc: string;
  readonly tunnelKey: number | undefined;
  readonly ports: readonly {
    readonly name: string;
    readonly mac: string;
    readonly networks: readonly string[];
    /** The switch the port connects to (through a switch port of type `router`). */
    readonly switch: string | undefined;
  }[];
}

/** A logical switch: a subnet, with its address usage when the subnet view knows it. */
export interface TopologySwitch {
  readonly name: string;
  readonly cidr: string | undefined;
  readonly gateway: string | undefined;
  readonly vpc: string | undefined;
  /** Addresses in use (pods, nodes, gateway reservations) — `status.v4usingIPs + v6usingIPs`. */
  readonly used: number | undefined;
  /** Addresses still free — `status.v4availableIPs + v6availableIPs`. */
  readonly available: number | undefined;
  readonly tunnelKey: number | undefined;
  /** Routers this switch is attached to. */
  readonly routers: readonly string[];
  readonly ports: readonly TopologyPort[];
}

/** A logical switch port. */
export interface TopologyPort {
  readonly name: string;
  readonly type: string;
  readonly addresses: readonly string[];
  readonly tunnelKey: number | undefined;
  /** The chassis the port is bound to (SB `Port_Binding.chassis`). */
  readonly chassis: string | undefined;
}

/** A pod (a Kube-OVN switch port with `external_ids:pod`). */
export interface TopologyPod {
  readonly name: string;
  readonly namespace: string;
  /** Its logical switch port, `<pod>.<namespace>`. */
  readonly port: string;
  readonly switch: string;
  /** `a` or `a,b` (IPv4 first). */
  readonly ip: string;
  readonly mac: string;
  readonly node: string;
  readonly tunnelKey: number | undefined;
  readonly chassis: string | undefined;
}

/** A node (its `node-<name>` port on the join switch). */
export interface TopologyNode {
  readonly name: string;
  /** The switch of its port (Kube-OVN's `join`). */
  readonly switch: string;
  readonly ip: string;
  readonly mac: string;
}

/** What `topology` answers. */
export interface Topology {
  readonly routers: readonly TopologyRouter[];
  readonly switches: readonly TopologySwitch[];
  readonly pods: readonly TopologyPod[];
  readonly nodes: readonly TopologyNode[];
  /** SB chassis (empty without a Southbound). */
  readonly chassis: readonly { readonly name: string; readonly hostname: string; readonly ips: readonly string[] }[];
  /** True when tunnel keys and chassis come from a Southbound. */
  readonly southbound: boolean;
}

/** Address usage of one subnet. */
export interface SubnetUsageCount {
  readonly used: number;
  readonly available: number;
}

const byName = <T extends { readonly name: string }>(a: T, b: T): number =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : 0;

/**
 * Builds the topology.
 * @example const t = topologyFrom(snapshot, new Map([['ovn-default', { used: 3, available: 65530 }]]));
 */
export function topologyFrom(
  nb: NbSnapshot,
  usage: ReadonlyMap<string, SubnetUsageCount>,
  sb: SbView | undefined,
): Topology {
  const lsps = nb.Logical_Switch_Port ?? new Map();
  const lrps = nb.Logical_Router_Port ?? new Map();
  const routerOfLrp = new Map<string, string>();
  for (const r of nb.Logical_Router?.values() ?? [])
    for (const p of r.ports) {
      const lrp = lrps.get(p);
      if (lrp) routerOfLrp.set(lrp.name, r.name);
    }
  const switchOfLrp = new Map<string, string>();
  const switches: TopologySwitch[] = [];
  for (const ls of nb.Logical_Switch?.values() ?? []) {
    const ports: TopologyPort[] = [];
    const routers = new Set<string>();
    for (const u of ls.ports) {
      const p = lsps.get(u);
      if (!p) continue;
      const peer = p.type === 'router' ? p.options['router-port'] : undefined;
      if (peer !== undefined) {
        switchOfLrp.set(peer, ls.name);
        const r = routerOfLrp.get(peer);
        if (r !== undefined) routers.add(r);
      }
      const pb = sb?.port(p.name);
      ports.push({
        name: p.name,
        type: p.type,
        addresses: [...p.addresses],
        tunnelKey: pb?.tunnelKey,
        chassis: pb?.chassis,
      });
    }
    ports.sort(byName);
    const u = usage.get(ls.name);
    const ext = ls.external_ids;
    switches.push({
      name: ls.name,
      cidr: ext.cidr ?? ls.other_config.subnet ?? ls.other_config.ipv6_prefix,
      gateway: ext.gateway,
      vpc: ext.vpc,
      used: u?.used,
      available: u?.available,
      tunnelKey: sb?.datapathByName(ls.name)?.tunnelKey,
      routers: [...routers].sort(),
      ports,
    });
  }
  switches.sort(byName);

  const routers: TopologyRouter[] = [...(nb.Logical_Router?.values() ?? [])]
    .map((r) => ({
      name: r.name,
      vpc: r.external_ids.vpc ?? r.name,
      tunnelKey: sb?.datapathByName(r.name)?.tunnelKey,
      ports: r.ports
        .map((u) => lrps.get(u))
        .filter((p) => p !== undefined)
        .map((p) => ({ name: p.name, mac: p.mac, networks: [...p.networks], switch: switchOfLrp.get(p.name) }))
        .sort(byName),
    }))
    .sort(byName);

  const portByName = new Map([...lsps.values()].map((p) => [p.name, p]));
  const pods: TopologyPod[] = [];
  const nodes: TopologyNode[] = [];
  for (const r of recordsFromSnapshot(nb)) {
    const p = portByName.get(r.name);
    const podRef = p?.external_ids.pod;
    if (p === undefined || p.external_ids.vendor !== KUBE_VENDOR) continue;
    if (podRef === undefined) {
      if (r.name.startsWith('node-'))
        nodes.push({ name: r.node, switch: r.subnet, ip: r.ip, mac: r.mac.toLowerCase() });
      continue;
    }
    const [namespace = '', name = podRef] = podRef.split('/');
    const pb = sb?.port(r.name);
    pods.push({
      name,
      namespace,
      port: r.name,
      switch: r.subnet,
      ip: r.ip,
      mac: r.mac.toLowerCase(),
      node: r.node,
      tunnelKey: pb?.tunnelKey,
      chassis: pb?.chassis,
    });
  }
  pods.sort((a, b) => byName({ name: a.port }, { name: b.port }));
  nodes.sort(byName);

  return {
    routers,
    switches,
    pods,
    nodes,
    chassis: (sb?.chassis ?? [])
      .map((c) => ({ name: c.name, hostname: c.hostname, ips: c.encaps.map((e) => e.ip) }))
      .sort(byName),
    southbound: sb !== undefined,
  };
}
