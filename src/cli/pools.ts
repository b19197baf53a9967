/**
 * Named IP pools (Kube-OVN's `ippools.kubeovn.io`) on top of the model's `ipPool` list: a pool's
 * addresses are expanded into the list the kube model takes (`Pod.ipPool`, addresses separated by `;`),
 * so a pod that names the pool in `ovn.kubernetes.io/ip_pool`, or lives in a namespace the pool lists,
 * takes the first free one. The model has no named pools of its own, hence the limits here: a pool is
 * expanded address by address (at most {@link POOL_EXPAND_LIMIT}), and a pod outside the pool may still be
 * handed one of its addresses (Kube-OVN keeps a pool's addresses for its pods).
 *
 * Pure: specs and subnets in, address lists and counts out.
 */
import { formatAddress, parseAddress, parseCidr, parseIpRange, type IpFamily } from '../ipam/index.js';
import type { IpRecord, Subnet } from '../kube/index.js';
import { IpPoolError } from './errors.js';
import type { IpPoolSpec } from './manifests.js';

/** The most addresses one pool may hold (each is tried in turn when a pod is placed). */
export const POOL_EXPAND_LIMIT = 4096;

interface Range {
  readonly family: IpFamily;
  readonly start: bigint;
  readonly end: bigint;
}

function entryRange(text: string): Range {
  if (text.includes('/')) {
    const c = parseCidr(text);
    return { family: c.family, start: c.network, end: c.last };
  }
  return parseIpRange(text);
}

/**
 * The addresses a pool hands out, in order: its entries inside the subnet's CIDR, less the network and
 * broadcast addresses, the gateway and the subnet's excludeIps.
 * @throws IpPoolError `CLI_IPPOOL_INVALID` for an entry outside the subnet or a pool larger than the limit
 */
export function poolAddresses(name: string, pool: IpPoolSpec, subnet: Subnet): string[] {
  const cidrs = subnet.cidrBlock.split(',').map((c) => parseCidr(c));
  const excluded = [...subnet.excludeIps, ...subnet.gateway.split(',')].filter(Boolean).map((e) => entryRange(e));
  const out: string[] = [];
  const seen = new Set<string>();
  for (const text of pool.ips) {
    const r = entryRange(text);
    const cidr = cidrs.find((c) => c.family === r.family);
    if (cidr === undefined || r.start < cidr.network || r.end > cidr.last)
      throw new IpPoolError(name, `${text} is not inside subnet ${subnet.name} (${subnet.cidrBlock})`);
    if (r.end - r.start >= BigInt(POOL_EXPAND_LIMIT))
      throw new IpPoolError(
        name,
        `${text} holds more than ${POOL_EXPAND_LIMIT} addresses (the most one pool may hold)`,
      );
    for (let v = r.start; v <= r.end; v++) {
      if (v < cidr.firstUsable || v > cidr.lastUsable) continue;
      if (excluded.some((e) => e.family === r.family && v >= e.start && v <= e.end)) continue;
      const a = formatAddress(r.family, v);
      if (seen.has(a)) continue;
      seen.add(a);
      out.push(a);
      if (out.length > POOL_EXPAND_LIMIT)
        throw new IpPoolError(name, `more than ${POOL_EXPAND_LIMIT} addresses (the most one pool may hold)`);
    }
  }
  return out;
}

/**
 * Every pool's addresses; pools of one subnet may not share an address (Kube-OVN refuses overlapping
 * pools in a subnet).
 * @throws IpPoolError `CLI_IPPOOL_INVALID`, and for a pool whose subnet is not there
 */
export function expandPools(
  pools: ReadonlyMap<string, IpPoolSpec>,
  subnets: readonly Subnet[],
): Map<string, readonly string[]> {
  const out = new Map<string, readonly string[]>();
  const owner = new Map<string, string>();
  for (const [name, pool] of [...pools].sort(([a], [b]) => a.localeCompare(b))) {
    const subnet = subnets.find((s) => s.name === pool.subnet);
    if (subnet === undefined) throw new IpPoolError(name, `subnet ${pool.subnet} does not exist`);
    const addrs = poolAddresses(name, pool, subnet);
    for (const a of addrs) {
      const key = `${pool.subnet}/${a}`;
      const other = owner.get(key);
      if (other !== undefined) throw new IpPoolError(name, `${a} is also in ippool ${other}`);
      owner.set(key, name);
    }
    out.set(name, addrs);
  }
  return out;
}

/** A pool's status counters, as `kubectl get ippool` prints them. */
export interface PoolUsage {
  readonly v4Used: number;
  readonly v4Available: number;
  readonly v6Used: number;
  readonly v6Available: number;
  /** The addresses in use (records of pods, IPs and Vips), as `a` / `a..b` entries. */
  readonly v4UsingIPs: readonly string[];
  readonly v6UsingIPs: readonly string[];
}

/** Counts a pool's addresses held by `records` (pods, IPs, Vips) of its subnet. */
export function poolUsage(addresses: readonly string[], subnet: string, records: readonly IpRecord[]): PoolUsage {
  const held = new Set<string>();
  for (const r of records) {
    if (r.subnet !== subnet) continue;
    for (const ip of r.ip.split(',')) held.add(canonical(ip));
  }
  const v4 = addresses.filter((a) => !a.includes(':'));
  const v6 = addresses.filter((a) => a.includes(':'));
  const v4Used = v4.filter((a) => held.has(a));
  const v6Used = v6.filter((a) => held.has(a));
  return {
    v4Used: v4Used.length,
    v4Available: v4.length - v4Used.length,
    v6Used: v6Used.length,
    v6Available: v6.length - v6Used.length,
    v4UsingIPs: v4Used,
    v6UsingIPs: v6Used,
  };
}

function canonical(ip: string): string {
  try {
    const p = parseAddress(ip);
    return formatAddress(p.family, p.value);
  } catch {
    return ip;
  }
}
