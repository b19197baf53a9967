/**
 * What the command line has applied, kept in the Northbound database itself so that any machine with
 * `--db` sees the same objects (there is no Kubernetes API server behind it):
 *
 * - Subnet, Vpc and Namespace objects: `NB_Global.external_ids` keys `ovn-sdk/subnet/<name>` (the spec
 *   as applied, JSON), `ovn-sdk/vpc/<name>` and `ovn-sdk/namespace/<name>` (empty values);
 * - IP, IPPool and Vip objects: `ovn-sdk/ip/<name>`, `ovn-sdk/ippool/<name>`, `ovn-sdk/vip/<name>` (the
 *   spec as applied, JSON). An IP's reservation is the switch port `<podName>.<namespace>` (like a pod's);
 *   a Vip's are the reconciler's ports (`ovn-sdk/vip=<name>`: one `virtual` port per address, or a
 *   switch_lb_vip's port `<name>.<namespace>`), whose addresses and MAC `get` reads;
 * - Pods and Nodes: read back from the reconciler's own switch ports (`external_ids` `vendor=kube-ovn`,
 *   `pod=<ns>/<name>`, `node`, `ls`), with their current IP and MAC — less the ports of IP objects.
 *
 * A subnet written by the SDK without the command line (no stored spec) is read back from its switch's
 * `external_ids` (vpc, cidr, gateway, exclude_ips, nat_outgoing), so `get` works on any NB the
 * reconciler wrote. Documented in docs/cli.md.
 */
import { NB_DATABASE, readNbSnapshot, type NbSnapshot } from '../ovn-nb/txn.js';
import { op, type Operation } from '../ovsdb/operations.js';
import type { OvsdbClient } from '../ovsdb/client.js';
import {
  DEFAULT_SUBNET,
  SDK_KEYS,
  JOIN_SUBNET,
  KUBE_NB_COLUMNS,
  KUBE_NB_TABLES,
  KUBE_VENDOR,
  defaultSubnets,
  recordsFromSnapshot,
  type KubeDesiredState,
  type KubeIpPool,
  type Pod,
  type SubnetInput,
  type VipType,
} from '../kube/index.js';
import { StoredStateError } from './errors.js';
import type { IpPoolSpec, IpSpec, VipSpec } from './manifests.js';

/** Key prefix of everything the command line keeps in `NB_Global.external_ids`. */
export const CLI_KEY_PREFIX = 'ovn-sdk/';

/** The objects NB holds, as the command line sees them. */
export interface AppliedState {
  readonly subnets: Map<string, SubnetInput>;
  /** Subnets whose spec was stored by the command line (others were read back from their switch). */
  readonly storedSubnets: Set<string>;
  readonly vpcs: Set<string>;
  readonly namespaces: Set<string>;
  readonly nodes: Set<string>;
  /** By `<namespace>/<name>`: pods applied as Pods (an IP object's port is in {@link ips}). */
  readonly pods: Map<string, Pod>;
  /** IP objects applied on their own, by name (`<podName>.<namespace>`). */
  readonly ips: Map<string, IpSpec>;
  readonly ippools: Map<string, IpPoolSpec>;
  readonly vips: Map<string, VipSpec>;
  /** Vips whose spec was stored by the command line (others were read back from their virtual port). */
  readonly storedVips: Set<string>;
}

/** A consistent read: the applied state and the NB snapshot it came from (for planning). */
export interface StateRead {
  readonly state: AppliedState;
  readonly snapshot: NbSnapshot;
  /** `NB_Global`'s uuid, or undefined when NB has no NB_Global row yet. */
  readonly nbGlobal: string | undefined;
}

export function podKey(namespace: string, name: string): string {
  return `${namespace}/${name}`;
}

/** Reads NB once: the reconciler's tables and NB_Global. */
export async function readState(client: Pick<OvsdbClient, 'transact'>): Promise<StateRead> {
  const snapshot = await readNbSnapshot(client, KUBE_NB_TABLES, KUBE_NB_COLUMNS);
  const [g] = await client.transact(NB_DATABASE, [op.select('NB_Global', [], ['_uuid', 'external_ids'])]);
  const rows = (g as { rows: { _uuid: ['uuid', string]; external_ids: ['map', [string, string][]] }[] }).rows;
  const global = rows[0];
  const ext = new Map(global?.external_ids[1] ?? []);
  return { state: stateFrom(snapshot, ext), snapshot, nbGlobal: global?._uuid[1] };
}

function stateFrom(snapshot: NbSnapshot, ext: ReadonlyMap<string, string>): AppliedState {
  const subnets = new Map<string, SubnetInput>();
  const storedSubnets = new Set<string>();
  const vpcs = new Set<string>();
  const namespaces = new Set<string>();
  const ips = new Map<string, IpSpec>();
  const ippools = new Map<string, IpPoolSpec>();
  const vips = new Map<string, VipSpec>();
  const storedVips = new Set<string>();
  const json = (k: string, v: string, ok: (x: Record<string, unknown>) => boolean, what: string): unknown => {
    let x: unknown;
    try {
      x = JSON.parse(v);
    } catch (cause) {
      throw new StoredStateError(`NB_Global external_ids:${k}`, `not JSON (${(cause as Error).message})`);
    }
    if (typeof x !== 'object' || x === null || !ok(x as Record<string, unknown>))
      throw new StoredStateError(`NB_Global external_ids:${k}`, `not ${what}`);
    return x;
  };
  const isStr = (x: unknown): boolean => typeof x === 'string' && x !== '';
  for (const [k, v] of ext) {
    if (!k.startsWith(CLI_KEY_PREFIX)) continue;
    const [kind, ...rest] = k.slice(CLI_KEY_PREFIX.length).split('/');
    const name = rest.join('/');
    if (kind === 'ip') {
      const spec = json(
        k,
        v,
        (x) => ['podName', 'namespace', 'subnet', 'nodeName', 'ipAddress'].every((f) => isStr(x[f])),
        'an IP spec with podName, namespace, subnet, nodeName and ipAddress',
      ) as IpSpec;
      ips.set(name, spec);
    } else if (kind === 'ippool') {
      const spec = json(
        k,
        v,
        (x) => isStr(x.subnet) && Array.isArray(x.ips) && x.ips.every(isStr),
        'an IPPool spec with subnet and ips',
      ) as IpPoolSpec;
      ippools.set(name, spec);
    } else if (kind === 'vip') {
      vips.set(name, json(k, v, (x) => isStr(x.subnet), 'a Vip spec with a subnet') as VipSpec);
      storedVips.add(name);
    } else if (kind === 'subnet') {
      let spec: unknown;
      try {
        spec = JSON.parse(v);
      } catch (cause) {
        throw new StoredStateError(`NB_Global external_ids:${k}`, `not JSON (${(cause as Error).message})`);
      }
      if (
        typeof spec !== 'object' ||
        spec === null ||
        (spec as { name?: unknown }).name !== name ||
        typeof (spec as { cidrBlock?: unknown }).cidrBlock !== 'string'
      ) {
        throw new StoredStateError(`NB_Global external_ids:${k}`, 'not a subnet spec with this name and a cidrBlock');
      }
      subnets.set(name, spec as SubnetInput);
      storedSubnets.add(name);
    } else if (kind === 'vpc') vpcs.add(name);
    else if (kind === 'namespace') namespaces.add(name);
  }
  // Kube-OVN switches the command line did not write: read back what their external_ids say.
  for (const ls of snapshot.Logical_Switch?.values() ?? []) {
    const e = ls.external_ids;
    if (e.vendor !== KUBE_VENDOR || subnets.has(ls.name) || e.cidr === undefined) continue;
    const spec: { -readonly [K in keyof SubnetInput]: SubnetInput[K] } = { name: ls.name, cidrBlock: e.cidr };
    if (e.vpc) spec.vpc = e.vpc;
    if (e.gateway) spec.gateway = e.gateway;
    if (e.exclude_ips) spec.excludeIps = e.exclude_ips.split(',');
    if (e.nat_outgoing) spec.natOutgoing = e.nat_outgoing === 'true';
    const def = defaultSubnets().find((d) => d.name === ls.name);
    if (def) {
      spec.default = def.default;
      spec.namespaces = def.namespaces;
    }
    subnets.set(ls.name, spec);
  }
  // Vips the reconciler wrote without the command line: read back from their virtual ports.
  for (const p of snapshot.Logical_Switch_Port?.values() ?? []) {
    const name = p.external_ids[SDK_KEYS.vip];
    if (p.external_ids.vendor !== KUBE_VENDOR || name === undefined || vips.has(name)) continue;
    const subnet = p.external_ids.ls;
    if (subnet === undefined) continue;
    // A switch_lb_vip's port is a plain one `<name>.<namespace>` (external_ids:pod `<namespace>/<name>`).
    const ns = p.type === 'virtual' ? undefined : p.external_ids.pod?.split('/')[0];
    vips.set(
      name,
      p.type === 'virtual' ? { subnet } : { subnet, type: 'switch_lb_vip', ...(ns ? { namespace: ns } : {}) },
    );
  }
  const nodes = new Set<string>();
  const pods = new Map<string, Pod>();
  const portByName = new Map([...(snapshot.Logical_Switch_Port?.values() ?? [])].map((p) => [p.name, p]));
  for (const r of recordsFromSnapshot(snapshot)) {
    const podRef = portByName.get(r.name)?.external_ids.pod;
    if (podRef === undefined) {
      if (r.name.startsWith('node-')) nodes.add(r.node);
      continue;
    }
    if (ips.has(r.name)) continue; // an IP object's reservation
    const [namespace, name] = podRef.split('/') as [string, string];
    pods.set(podKey(namespace, name), { name, namespace, node: r.node, ip: r.ip, mac: r.mac, subnet: r.subnet });
  }
  return { subnets, storedSubnets, vpcs, namespaces, nodes, pods, ips, ippools, vips, storedVips };
}

/**
 * The pods the model places: applied Pods as they are (an `ovn.kubernetes.io/ip_pool` naming an IPPool, or
 * a namespace a pool lists, is the model's business: see {@link desiredFrom}'s `ippools`), then the IP
 * objects as static reservations.
 */
function desiredPods(s: AppliedState): Pod[] {
  const out: Pod[] = [...s.pods.values()];
  for (const ip of s.ips.values()) {
    out.push({
      name: ip.podName,
      namespace: ip.namespace,
      node: ip.nodeName,
      ip: ip.ipAddress,
      subnet: ip.subnet,
      ...(ip.macAddress ? { mac: ip.macAddress } : {}),
    });
  }
  return out;
}

/**
 * The applied IPPools as the model takes them, by name (the model gives a pod of several pools' namespace
 * the first one listing it, as Kube-OVN's namespace controller does).
 */
function desiredPools(s: AppliedState): KubeIpPool[] {
  return [...s.ippools]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, p]) => ({
      name,
      subnet: p.subnet,
      ips: p.ips,
      ...(p.namespaces ? { namespaces: p.namespaces } : {}),
    }));
}

/** The reconciler's desired state for an applied state: Kube-OVN's defaults, then what was applied. */
export function desiredFrom(s: AppliedState): KubeDesiredState {
  const subnets: SubnetInput[] = [];
  for (const d of defaultSubnets()) if (!s.subnets.has(d.name)) subnets.push(d);
  for (const name of [JOIN_SUBNET, DEFAULT_SUBNET]) {
    const x = s.subnets.get(name);
    if (x) subnets.push(x);
  }
  for (const [name, x] of s.subnets) if (name !== JOIN_SUBNET && name !== DEFAULT_SUBNET) subnets.push(x);
  return {
    vpcs: [{ name: 'ovn-cluster' }, ...[...s.vpcs].filter((v) => v !== 'ovn-cluster').map((name) => ({ name }))],
    subnets,
    nodes: [...s.nodes],
    pods: desiredPods(s),
    ippools: desiredPools(s),
    vips: [...s.vips].map(([name, v]) => ({
      name,
      subnet: v.subnet,
      ...(v.v4ip ? { ip: v.v4ip } : {}),
      ...(v.v6ip ? { v6ip: v.v6ip } : {}),
      ...(v.macAddress ? { macAddress: v.macAddress } : {}),
      ...(v.type ? { type: v.type as VipType } : {}),
      ...(v.namespace ? { namespace: v.namespace } : {}),
    })),
  };
}

/**
 * Operations that make NB_Global's `ovn-sdk/…` keys say `after` where they said `before` (only the
 * keys that change; NB_Global is created when NB has none yet).
 */
export function stateOperations(before: AppliedState, after: AppliedState, nbGlobal: string | undefined): Operation[] {
  const set: [string, string][] = [];
  const del: string[] = [];
  const keyed = (kind: string, names: Iterable<string>) =>
    new Set([...names].map((n) => `${CLI_KEY_PREFIX}${kind}/${n}`));
  const b = new Map<string, string>();
  const a = new Map<string, string>();
  for (const n of before.storedSubnets) b.set(`${CLI_KEY_PREFIX}subnet/${n}`, JSON.stringify(before.subnets.get(n)));
  for (const n of after.storedSubnets) a.set(`${CLI_KEY_PREFIX}subnet/${n}`, JSON.stringify(after.subnets.get(n)));
  for (const k of keyed('vpc', before.vpcs)) b.set(k, '');
  for (const k of keyed('vpc', after.vpcs)) a.set(k, '');
  for (const k of keyed('namespace', before.namespaces)) b.set(k, '');
  for (const k of keyed('namespace', after.namespaces)) a.set(k, '');
  for (const [kind, b1, a1] of [
    ['ip', before.ips, after.ips],
    ['ippool', before.ippools, after.ippools],
  ] as const) {
    for (const [n, x] of b1) b.set(`${CLI_KEY_PREFIX}${kind}/${n}`, JSON.stringify(x));
    for (const [n, x] of a1) a.set(`${CLI_KEY_PREFIX}${kind}/${n}`, JSON.stringify(x));
  }
  for (const n of before.storedVips) b.set(`${CLI_KEY_PREFIX}vip/${n}`, JSON.stringify(before.vips.get(n)));
  for (const n of after.storedVips) a.set(`${CLI_KEY_PREFIX}vip/${n}`, JSON.stringify(after.vips.get(n)));
  for (const [k, v] of a) if (b.get(k) !== v) set.push([k, v]);
  for (const k of b.keys()) if (!a.has(k)) del.push(k);
  if (set.length === 0 && del.length === 0) return [];
  if (nbGlobal === undefined) {
    return [op.wait('NB_Global', [], ['_uuid'], '==', [], 0), op.insert('NB_Global', { external_ids: ['map', set] })];
  }
  const where: [['_uuid', '==', ['uuid', string]]] = [['_uuid', '==', ['uuid', nbGlobal]]];
  const ops: Operation[] = [];
  // A map `insert` keeps an existing key's value, so changed keys are deleted first.
  const changed = [...del, ...set.map(([k]) => k).filter((k) => b.has(k))];
  if (changed.length) ops.push(op.mutate('NB_Global', where, [['external_ids', 'delete', ['set', changed]]]));
  if (set.length) ops.push(op.mutate('NB_Global', where, [['external_ids', 'insert', ['map', set]]]));
  return ops;
}
