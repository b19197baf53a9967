/**
 * Text views of the model, laid out as `kubectl get` prints them (Go tabwriter: minimum cell width 6,
 * padding 3, the last column unpadded): the Subnet, IP and VPC tables, with Kube-OVN v1.12's printer
 * columns (dist/images/install.sh CRDs).
 */
import type { SubnetUsage } from '../ipam/index.js';
import type { KubeIpPool } from './ip-pools.js';
import type { IpRecord, Subnet, Vpc } from './subnet-model.js';

/** Columns of `kubectl get subnet` (Kube-OVN's additionalPrinterColumns). */
export const SUBNET_COLUMNS = [
  'NAME',
  'PROVIDER',
  'VPC',
  'PROTOCOL',
  'CIDR',
  'PRIVATE',
  'NAT',
  'DEFAULT',
  'GATEWAYTYPE',
  'V4USED',
  'V4AVAILABLE',
  'V6USED',
  'V6AVAILABLE',
  'EXCLUDEIPS',
  'U2OINTERCONNECTIONIP',
] as const;

/** Columns of `kubectl get ips` in Kube-OVN v1.12 (the IP CRD's printer columns). */
export const IP_COLUMNS = ['NAME', 'V4IP', 'V6IP', 'MAC', 'NODE', 'SUBNET'] as const;

/** Columns of `kubectl get vpc` in Kube-OVN v1.12. */
export const VPC_COLUMNS = ['NAME', 'ENABLEEXTERNAL', 'ENABLEBFD', 'STANDBY', 'SUBNETS', 'NAMESPACES'] as const;

/** Columns of `kubectl get ippool` in Kube-OVN v1.12 (the IPPool CRD's printer columns). */
export const IPPOOL_COLUMNS = ['NAME', 'SUBNET', 'IPS', 'V4USED', 'V4AVAILABLE', 'V6USED', 'V6AVAILABLE'] as const;

const ZERO_USAGE: SubnetUsage = { v4Used: 0n, v4Available: 0n, v6Used: 0n, v6Available: 0n };

/**
 * Lay out rows as kubectl does: each column but the last is padded to max(6, widest cell + 3).
 * Lines end with `\n`.
 */
export function renderTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(6, ...all.map((r) => (r[i] ?? '').length + 3)));
  return all
    .map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!))).join('') + '\n')
    .join('');
}

/**
 * The cells of one `kubectl get subnet` row. EXCLUDEIPS is printed as a JSON array, as kubectl prints
 * an array column; counts print exactly (Kube-OVN stores them as float64, which kubectl would print in
 * exponent form above 2^53, e.g. for a /64).
 */
export function subnetRow(subnet: Subnet, usage: SubnetUsage = ZERO_USAGE): string[] {
  return [
    subnet.name,
    subnet.provider,
    subnet.vpc,
    subnet.protocol,
    subnet.cidrBlock,
    String(subnet.private),
    String(subnet.natOutgoing),
    String(subnet.default),
    subnet.gatewayType,
    usage.v4Used.toString(),
    usage.v4Available.toString(),
    usage.v6Used.toString(),
    usage.v6Available.toString(),
    JSON.stringify(subnet.excludeIps),
    subnet.u2oInterconnectionIP ?? '',
  ];
}

/**
 * Render the `kubectl get subnet` table.
 *
 * @example
 * const plan = planIpam({ subnets: defaultSubnets(), pods, nodes });
 * process.stdout.write(renderSubnetTable(plan.subnets, plan.usage));
 */
export function renderSubnetTable(subnets: readonly Subnet[], usage: ReadonlyMap<string, SubnetUsage>): string {
  return renderTable(
    SUBNET_COLUMNS,
    subnets.map((s) => subnetRow(s, usage.get(s.name))),
  );
}

/** The cells of one IP-table row: the record's IPv4 and IPv6 address in their own columns. */
export function ipRow(record: IpRecord): string[] {
  const parts = record.ip.split(',');
  const v4 = parts.find((p) => !p.includes(':')) ?? '';
  const v6 = parts.find((p) => p.includes(':')) ?? '';
  return [record.name, v4, v6, record.mac, record.node, record.subnet];
}

/**
 * Render the IP table (NAME V4IP V6IP MAC NODE SUBNET), e.g.
 * `ovn-default-node1-pod1.default   10.16.0.8            00:00:00:AA:0D:31   node1   ovn-default`.
 */
export function renderIpTable(records: readonly IpRecord[]): string {
  return renderTable(IP_COLUMNS, records.map(ipRow));
}

/**
 * The cells of one `kubectl get vpc` row. SUBNETS and NAMESPACES are arrays, printed as kubectl prints an
 * array column (JSON); SUBNETS lists the subnets of the VPC in the order given; STANDBY is true once the
 * router exists (always, for a planned VPC).
 */
export function vpcRow(vpc: Vpc, subnets: readonly Subnet[]): string[] {
  return [
    vpc.name,
    String(vpc.enableExternal ?? false),
    String(vpc.enableBfd ?? false),
    'true',
    JSON.stringify(subnets.filter((s) => s.vpc === vpc.name).map((s) => s.name)),
    JSON.stringify(vpc.namespaces ?? []),
  ];
}

/** Render the `kubectl get vpc` table. */
export function renderVpcTable(vpcs: readonly Vpc[], subnets: readonly Subnet[]): string {
  return renderTable(
    VPC_COLUMNS,
    vpcs.map((v) => vpcRow(v, subnets)),
  );
}

/**
 * Render the `kubectl get ippool` table (Kube-OVN v1.12 printer columns: `.spec.subnet`, `.spec.ips` as a
 * JSON array, the status counters), e.g. from `IpamPlan.ippools`.
 * @example
 * renderIpPoolTable(pools, plan.ippools);
 */
export function renderIpPoolTable(pools: readonly KubeIpPool[], usage: ReadonlyMap<string, SubnetUsage>): string {
  return renderTable(
    IPPOOL_COLUMNS,
    pools.map((p) => {
      const u = usage.get(p.name) ?? ZERO_USAGE;
      return [
        p.name,
        p.subnet,
        JSON.stringify(p.ips),
        u.v4Used.toString(),
        u.v4Available.toString(),
        u.v6Used.toString(),
        u.v6Available.toString(),
      ];
    }),
  );
}
