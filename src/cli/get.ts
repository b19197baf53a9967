/**
 * `get`: the kubectl views of what the live Northbound holds — the tables as `kubectl get` prints them
 * for Kube-OVN v1.12, or Kubernetes objects (`-o json|yaml`) with spec and status.
 */
import { stringify as toYaml } from 'yaml';
import type { OvsdbClient } from '../ovsdb/client.js';
import {
  planReconcile,
  renderIpPoolTable,
  renderIpTable,
  renderSubnetTable,
  renderTable,
  validateIpPools,
  type CheckedIpPool,
  type IpRecord,
  type Subnet,
} from '../kube/index.js';
import type { SubnetUsage } from '../ipam/index.js';
import { SDK_KEYS, KUBE_VENDOR } from '../kube/index.js';
import { CliUsageError, NotFoundError } from './errors.js';
import type { IpPoolSpec, IpSpec, VipSpec } from './manifests.js';
import { poolRanges, type PoolRanges } from './pools.js';
import { desiredFrom, readState, type AppliedState } from './state.js';

export type OutputFormat = 'table' | 'wide' | 'json' | 'yaml';

/** Resource type names `get` and `delete` accept, kubectl style (singular, plural, short, with group). */
const TYPES: Record<string, 'subnet' | 'ip' | 'vpc' | 'ippool' | 'vip'> = {};
for (const [canon, names] of Object.entries({
  subnet: ['subnet', 'subnets', 'subnet.kubeovn.io', 'subnets.kubeovn.io'],
  ip: ['ip', 'ips', 'ip.kubeovn.io', 'ips.kubeovn.io'],
  vpc: ['vpc', 'vpcs', 'vpc.kubeovn.io', 'vpcs.kubeovn.io'],
  ippool: ['ippool', 'ippools', 'ippool.kubeovn.io', 'ippools.kubeovn.io'],
  vip: ['vip', 'vips', 'vip.kubeovn.io', 'vips.kubeovn.io'],
} as const)) {
  for (const n of names) TYPES[n] = canon as 'subnet';
}

/** The canonical type for a name the user typed. @throws CliUsageError for an unknown one. */
export function resourceTypeOf(text: string): 'subnet' | 'ip' | 'vpc' | 'ippool' | 'vip' {
  const t = TYPES[text.toLowerCase()];
  if (t === undefined)
    throw new CliUsageError(`the server doesn't have a resource type "${text}" (known: subnet, ip, vpc, ippool, vip)`);
  return t;
}

/** Columns of `kubectl get vpc` (Kube-OVN v1.12's printer columns). */
export const VPC_COLUMNS = ['NAME', 'ENABLEEXTERNAL', 'ENABLEBFD', 'STANDBY', 'SUBNETS', 'NAMESPACES'] as const;

/** Columns of `kubectl get vip` (Kube-OVN v1.12's printer columns, dist/images/install.sh). */
export const VIP_COLUMNS = ['NAME', 'V4IP', 'V6IP', 'MAC', 'PMAC', 'SUBNET', 'READY', 'TYPE'] as const;

const ZERO_USAGE: SubnetUsage = { v4Used: 0n, v4Available: 0n, v6Used: 0n, v6Available: 0n };
const NO_RANGES: PoolRanges = { v4Using: '', v4Available: '', v6Using: '', v6Available: '' };

interface View {
  readonly subnets: readonly Subnet[];
  readonly usage: ReadonlyMap<string, SubnetUsage>;
  readonly records: readonly IpRecord[];
  /** The Vips' reservations, named `vip:<name>`. */
  readonly vipRecords: readonly IpRecord[];
  readonly vpcs: readonly string[];
  readonly state: AppliedState;
  /** Pod name by port name (for the IP objects). */
  readonly podOf: ReadonlyMap<string, { name: string; namespace: string }>;
  /** Vips whose ports NB holds. */
  readonly vipPorts: ReadonlySet<string>;
  /** The MAC of each switch_lb_vip's port (its subnet's router-port MAC), by Vip. */
  readonly vipPortMacs: ReadonlyMap<string, string>;
  /** The applied IPPools as the model checked them, by name. */
  readonly pools: ReadonlyMap<string, CheckedIpPool>;
  /** Each IPPool's counts, as the model computes them. */
  readonly poolUsage: ReadonlyMap<string, SubnetUsage>;
  /** The addresses the model holds (pods, IPs, Vips, u2o), by subnet. */
  readonly held: ReadonlyMap<string, readonly string[]>;
}

async function view(client: Pick<OvsdbClient, 'transact'>): Promise<View> {
  const { state, snapshot } = await readState(client);
  const desired = desiredFrom(state);
  const plan = planReconcile(desired, snapshot);
  const podOf = new Map(
    [...state.pods.values()].map((p) => [`${p.name}.${p.namespace}`, { name: p.name, namespace: p.namespace }]),
  );
  for (const [name, ip] of state.ips) podOf.set(name, { name: ip.podName, namespace: ip.namespace });
  const vipPorts = new Set<string>();
  const vipPortMacs = new Map<string, string>();
  for (const p of snapshot.Logical_Switch_Port?.values() ?? []) {
    const vip = p.external_ids[SDK_KEYS.vip];
    if (p.external_ids.vendor !== KUBE_VENDOR || vip === undefined) continue;
    vipPorts.add(vip);
    // A switch_lb_vip's port answers with its subnet's router-port MAC, the MAC v1.12 writes to its status.
    const mac = p.type === 'virtual' ? undefined : p.addresses[0]?.split(' ')[0];
    if (mac) vipPortMacs.set(vip, mac);
  }
  const held = new Map<string, string[]>();
  for (const r of [...plan.ipam.records, ...plan.ipam.vips, ...plan.ipam.u2o]) {
    const list = held.get(r.subnet) ?? [];
    list.push(r.ip);
    held.set(r.subnet, list);
  }
  return {
    subnets: plan.ipam.subnets,
    usage: plan.ipam.usage,
    records: plan.ipam.records,
    vipRecords: plan.ipam.vips,
    vpcs: (desired.vpcs ?? []).map((v) => v.name),
    state,
    podOf,
    vipPorts,
    vipPortMacs,
    pools: new Map(validateIpPools(desired.ippools ?? [], plan.ipam.subnets).map((p) => [p.name, p])),
    poolUsage: plan.ipam.ippools,
    held,
  };
}

/**
 * `get TYPE [NAME] [-o …]` → the text to print; an empty table is `''` (kubectl then says "No resources
 * found" on stderr and prints no header).
 */
export async function getView(
  client: Pick<OvsdbClient, 'transact'>,
  typeText: string,
  name: string | undefined,
  format: OutputFormat,
): Promise<string> {
  const text = await render(client, typeText, name, format);
  if (format !== 'json' && format !== 'yaml' && text.indexOf('\n') === text.length - 1) return '';
  return text;
}

async function render(
  client: Pick<OvsdbClient, 'transact'>,
  typeText: string,
  name: string | undefined,
  format: OutputFormat,
): Promise<string> {
  const type = resourceTypeOf(typeText);
  const v = await view(client);
  if (type === 'subnet') {
    const subnets = pick(v.subnets, (s) => s.name, name, 'subnets.kubeovn.io');
    if (format === 'json' || format === 'yaml')
      return objects(
        subnets.map((s) => subnetObject(s, v.usage.get(s.name))),
        name !== undefined,
        format,
      );
    return renderSubnetTable(subnets, v.usage);
  }
  if (type === 'ip') {
    const records = pick(v.records, (r) => r.name, name, 'ips.kubeovn.io');
    if (format === 'json' || format === 'yaml')
      return objects(
        records.map((r) => ipObject(r, v.podOf.get(r.name), v.state.ips.get(r.name))),
        name !== undefined,
        format,
      );
    return renderIpTable(records);
  }
  if (type === 'vip') {
    const vips = pick(
      [...v.state.vips].sort(([a], [b]) => a.localeCompare(b)),
      ([n]) => n,
      name,
      'vips.kubeovn.io',
    );
    const found = (n: string) => v.vipRecords.find((r) => r.name === `vip:${n}`);
    const rec = (n: string): IpRecord | undefined => {
      const r = found(n);
      const mac = v.vipPortMacs.get(n);
      return r && mac !== undefined ? { ...r, mac } : r;
    };
    if (format === 'json' || format === 'yaml')
      return objects(
        vips.map(([n, spec]) => vipObject(n, spec, rec(n), v.vipPorts.has(n))),
        name !== undefined,
        format,
      );
    return renderTable(
      VIP_COLUMNS,
      vips.map(([n, spec]) => {
        const r = rec(n);
        const ips = r?.ip.split(',') ?? [];
        return [
          n,
          ips.find((x) => !x.includes(':')) ?? '',
          ips.find((x) => x.includes(':')) ?? '',
          r?.mac ?? '',
          '',
          spec.subnet,
          String(v.vipPorts.has(n)),
          spec.type ?? '',
        ];
      }),
    );
  }
  if (type === 'ippool') {
    const pools = pick(
      [...v.state.ippools].sort(([a], [b]) => a.localeCompare(b)),
      ([n]) => n,
      name,
      'ippools.kubeovn.io',
    );
    const usage = (n: string): SubnetUsage => v.poolUsage.get(n) ?? ZERO_USAGE;
    const ranges = (n: string, spec: IpPoolSpec): PoolRanges => {
      const pool = v.pools.get(n);
      const subnet = v.subnets.find((x) => x.name === spec.subnet);
      if (pool === undefined || subnet === undefined) return NO_RANGES;
      return poolRanges(pool, subnet, v.held.get(spec.subnet) ?? []);
    };
    if (format === 'json' || format === 'yaml')
      return objects(
        pools.map(([n, spec]) => ipPoolObject(n, spec, usage(n), ranges(n, spec))),
        name !== undefined,
        format,
      );
    return renderIpPoolTable(
      pools.map(([n, spec]) => ({ name: n, ...spec })),
      v.poolUsage,
    );
  }
  const vpcs = pick(v.vpcs, (x) => x, name, 'vpcs.kubeovn.io');
  const subnetsOf = (vpc: string) => v.subnets.filter((s) => s.vpc === vpc).map((s) => s.name);
  if (format === 'json' || format === 'yaml')
    return objects(
      vpcs.map((x) => vpcObject(x, subnetsOf(x))),
      name !== undefined,
      format,
    );
  return renderTable(
    VPC_COLUMNS,
    vpcs.map((x) => [x, 'false', 'false', 'true', JSON.stringify(subnetsOf(x)), '']),
  );
}

function pick<T>(all: readonly T[], nameOf: (t: T) => string, name: string | undefined, kind: string): T[] {
  if (name === undefined) return [...all];
  const found = all.filter((t) => nameOf(t) === name);
  if (found.length === 0) throw new NotFoundError(kind, name);
  return found;
}

function objects(items: readonly object[], single: boolean, format: 'json' | 'yaml'): string {
  const doc = single ? items[0]! : { apiVersion: 'v1', kind: 'List', items, metadata: { resourceVersion: '' } };
  return format === 'json' ? `${JSON.stringify(doc, null, 4)}\n` : toYaml(doc);
}

/** A Subnet as `kubectl get subnet NAME -o json` shows it (spec + the status counters). */
export function subnetObject(s: Subnet, u: SubnetUsage | undefined): object {
  const spec: Record<string, unknown> = {
    cidrBlock: s.cidrBlock,
    default: s.default,
    excludeIps: s.excludeIps,
    gateway: s.gateway,
    gatewayType: s.gatewayType,
    natOutgoing: s.natOutgoing,
    private: s.private,
    protocol: s.protocol,
    provider: s.provider,
    vpc: s.vpc,
  };
  if (s.namespaces.length) spec.namespaces = s.namespaces;
  if (s.u2oInterconnectionIP) spec.u2oInterconnectionIP = s.u2oInterconnectionIP;
  return {
    apiVersion: 'kubeovn.io/v1',
    kind: 'Subnet',
    metadata: { name: s.name },
    spec,
    status: {
      v4availableIPs: Number(u?.v4Available ?? 0n),
      v4usingIPs: Number(u?.v4Used ?? 0n),
      v6availableIPs: Number(u?.v6Available ?? 0n),
      v6usingIPs: Number(u?.v6Used ?? 0n),
    },
  };
}

/**
 * An IP object (Kube-OVN's `ips.kubeovn.io`): named `<pod>.<namespace>`, or `node-<name>` for a node; an
 * IP applied on its own keeps its podType and containerID.
 */
export function ipObject(r: IpRecord, pod: { name: string; namespace: string } | undefined, applied?: IpSpec): object {
  const ips = r.ip.split(',');
  return {
    apiVersion: 'kubeovn.io/v1',
    kind: 'IP',
    metadata: { name: r.name },
    spec: {
      podName: pod?.name ?? r.name,
      namespace: pod?.namespace ?? '',
      subnet: r.subnet,
      nodeName: r.node,
      ipAddress: r.ip,
      v4IpAddress: ips.find((x) => !x.includes(':')) ?? '',
      v6IpAddress: ips.find((x) => x.includes(':')) ?? '',
      macAddress: r.mac.toLowerCase(),
      podType: applied?.podType ?? (pod ? '' : 'node'),
      ...(applied?.containerID ? { containerID: applied.containerID } : {}),
      attachSubnets: [],
      attachIps: [],
      attachMacs: [],
    },
  };
}

/** A Vip as `kubectl get vip NAME -o json` shows it: the spec as applied, the address in status. */
export function vipObject(name: string, spec: VipSpec, r: IpRecord | undefined, ready: boolean): object {
  const ips = r?.ip.split(',') ?? [];
  return {
    apiVersion: 'kubeovn.io/v1',
    kind: 'Vip',
    metadata: { name },
    spec: {
      namespace: spec.namespace ?? '',
      subnet: spec.subnet,
      type: spec.type ?? '',
      v4ip: spec.v4ip ?? '',
      v6ip: spec.v6ip ?? '',
      macAddress: spec.macAddress ?? '',
      parentV4ip: '',
      parentMac: '',
      parentV6ip: '',
    },
    status: {
      ready,
      type: spec.type ?? '',
      v4ip: ips.find((x) => !x.includes(':')) ?? '',
      v6ip: ips.find((x) => x.includes(':')) ?? '',
      mac: r?.mac ?? '',
      pv4ip: '',
      pv6ip: '',
      pmac: '',
    },
  };
}

/**
 * An IPPool as `kubectl get ippool NAME -o json` shows it: spec as applied, the model's counts and the
 * ranges they stand for.
 */
export function ipPoolObject(name: string, spec: IpPoolSpec, u: SubnetUsage, r: PoolRanges): object {
  return {
    apiVersion: 'kubeovn.io/v1',
    kind: 'IPPool',
    metadata: { name },
    spec: { subnet: spec.subnet, ips: spec.ips, ...(spec.namespaces ? { namespaces: spec.namespaces } : {}) },
    status: {
      v4AvailableIPs: Number(u.v4Available),
      v4AvailableIPRange: r.v4Available,
      v4UsingIPs: Number(u.v4Used),
      v4UsingIPRange: r.v4Using,
      v6AvailableIPs: Number(u.v6Available),
      v6AvailableIPRange: r.v6Available,
      v6UsingIPs: Number(u.v6Used),
      v6UsingIPRange: r.v6Using,
    },
  };
}

function vpcObject(name: string, subnets: readonly string[]): object {
  return {
    apiVersion: 'kubeovn.io/v1',
    kind: 'Vpc',
    metadata: { name },
    spec: {},
    status: { standby: true, default: name === 'ovn-cluster', subnets, enableExternal: false, enableBfd: false },
  };
}
