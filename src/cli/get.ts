/**
 * `get`: the kubectl views of what the live Northbound holds — the tables as `kubectl get` prints them
 * for Kube-OVN v1.12, or Kubernetes objects (`-o json|yaml`) with spec and status.
 */
import { stringify as toYaml } from 'yaml';
import type { OvsdbClient } from '../ovsdb/client.js';
import {
  planReconcile,
  renderIpTable,
  renderSubnetTable,
  renderTable,
  type IpRecord,
  type Subnet,
} from '../kube/index.js';
import type { SubnetUsage } from '../ipam/index.js';
import { CliUsageError, NotFoundError, UnsupportedResourceError } from './errors.js';
import { desiredFrom, readState } from './state.js';

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

interface View {
  readonly subnets: readonly Subnet[];
  readonly usage: ReadonlyMap<string, SubnetUsage>;
  readonly records: readonly IpRecord[];
  readonly vpcs: readonly string[];
  /** Pod name by port name (for the IP objects). */
  readonly podOf: ReadonlyMap<string, { name: string; namespace: string }>;
}

async function view(client: Pick<OvsdbClient, 'transact'>): Promise<View> {
  const { state, snapshot } = await readState(client);
  const desired = desiredFrom(state);
  const plan = planReconcile(desired, snapshot);
  const podOf = new Map(
    [...state.pods.values()].map((p) => [`${p.name}.${p.namespace}`, { name: p.name, namespace: p.namespace }]),
  );
  return {
    subnets: plan.ipam.subnets,
    usage: plan.ipam.usage,
    records: plan.ipam.records,
    vpcs: (desired.vpcs ?? []).map((v) => v.name),
    podOf,
  };
}

/** `get TYPE [NAME] [-o …]` → the text to print. */
export async function getView(
  client: Pick<OvsdbClient, 'transact'>,
  typeText: string,
  name: string | undefined,
  format: OutputFormat,
): Promise<string> {
  const type = resourceTypeOf(typeText);
  if (type === 'ippool' || type === 'vip') {
    throw new UnsupportedResourceError(
      { file: '<command line>', line: 1, col: 1 },
      `get ${type}`,
      'the IP pool / VIP model is not in this version',
    );
  }
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
        records.map((r) => ipObject(r, v.podOf.get(r.name))),
        name !== undefined,
        format,
      );
    return renderIpTable(records);
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

/** An IP object (Kube-OVN's `ips.kubeovn.io`): named `<pod>.<namespace>`, or `node-<name>` for a node. */
export function ipObject(r: IpRecord, pod: { name: string; namespace: string } | undefined): object {
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
      podType: pod ? '' : 'node',
      attachSubnets: [],
      attachIps: [],
      attachMacs: [],
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
