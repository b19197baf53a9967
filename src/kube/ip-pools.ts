/**
 * Named IP pools (Kube-OVN v1.12's `ippools.kubeovn.io`): a pool holds a set of a subnet's addresses for
 * the pods of its namespaces (or pods whose `ovn.kubernetes.io/ip_pool` annotation names it). Kube-OVN
 * v1.12 (pkg/ipam/subnet.go AddOrUpdateIPPool, getV4RandomAddress) keeps one address pool per IPPool and a
 * default pool `""` holding the rest of the subnet: a pod's dynamic address comes from its pool, a pod with
 * no pool draws from `""`, so it never gets a pool's address. Static addresses are not checked against
 * pools (GetStaticAddress takes any address of the subnet). Pools of one subnet may not overlap
 * ("ippool %s has conflict IPs with ippool %s").
 *
 * Pure helpers used by the planner (subnet-model.ts): validation, the address pick (never-used addresses
 * before released ones, lowest first, inside or outside the pools' ranges) and the pool counts shown in
 * `kubectl get ippool`.
 */
import {
  type IpFamily,
  type SubnetAllocator,
  type SubnetUsage,
  SubnetExhaustedError,
  formatAddress,
  mergeRuns,
  parseAddress,
  parseIpRange,
} from '../ipam/index.js';
import { checkKubeName } from './names.js';
import { IpPoolFieldError, IpPoolOverlapError, UnknownSubnetNameError } from './model-errors.js';

/**
 * An IPPool (Kube-OVN `ippools.kubeovn.io`, v1.12): `ips` are addresses, ranges `a..b` or CIDRs of
 * `subnet`; pods of `namespaces` (or naming the pool in their `ipPool` annotation) take their dynamic
 * address from it, and no other pod is handed one of its addresses.
 */
export interface KubeIpPool {
  readonly name: string;
  readonly subnet: string;
  readonly ips: readonly string[];
  readonly namespaces?: readonly string[];
}

/** A validated pool: its ranges per family, merged and sorted (entries of a family the subnet lacks dropped). */
export interface CheckedIpPool extends KubeIpPool {
  readonly ranges: ReadonlyMap<IpFamily, readonly (readonly [bigint, bigint])[]>;
}

/** One `ips` entry as an inclusive range (Kube-OVN NewIPRangeListFrom: `a..b`, a CIDR with host bits allowed, or an address). */
function entryRange(pool: string, index: number, text: unknown): { family: IpFamily; start: bigint; end: bigint } {
  if (typeof text !== 'string' || text === '')
    throw new IpPoolFieldError(pool, `ips[${index}]`, String(text), 'not an address, range or CIDR');
  try {
    if (text.includes('..')) return parseIpRange(text);
    const slash = text.indexOf('/');
    if (slash >= 0) {
      const a = parseAddress(text.slice(0, slash));
      const len = text.slice(slash + 1);
      const bits = a.family === 4 ? 32 : 128;
      if (!/^(0|[1-9][0-9]{0,2})$/.test(len) || Number(len) > bits) throw new Error('bad prefix length');
      const size = 1n << BigInt(bits - Number(len));
      const start = a.value - (a.value % size);
      return { family: a.family, start, end: start + size - 1n };
    }
    const a = parseAddress(text);
    return { family: a.family, start: a.value, end: a.value };
  } catch (e) {
    throw new IpPoolFieldError(pool, `ips[${index}]`, text, e instanceof Error ? e.message : 'does not parse');
  }
}

/**
 * Check IPPools as Kube-OVN's CRD schema and IPAM do: names are RFC 1123 subdomains, `subnet` a known
 * subnet, `ips` one or more addresses / `a..b` ranges / CIDRs, namespaces RFC 1123 labels, and no two pools of
 * one subnet sharing an address. Entries of a family the subnet does not have are ignored, as Kube-OVN's
 * AddOrUpdateIPPool ignores them; entries outside the CIDR hold no usable address.
 * @throws KubeNameError `KUBE_INVALID_NAME`, UnknownSubnetNameError `KUBE_UNKNOWN_SUBNET`,
 *   IpPoolFieldError `KUBE_IP_POOL_INVALID_FIELD`, IpPoolOverlapError `KUBE_IP_POOL_OVERLAP`
 */
export function validateIpPools(
  pools: readonly KubeIpPool[],
  subnets: readonly { readonly name: string; readonly cidrBlock: string }[],
): CheckedIpPool[] {
  const byName = new Map(subnets.map((s) => [s.name, s]));
  const seen = new Set<string>();
  const out: CheckedIpPool[] = [];
  for (const p of pools) {
    checkKubeName('ippool.name', p.name, 'dns1123-subdomain');
    if (seen.has(p.name)) throw new IpPoolFieldError(p.name, 'name', p.name, 'listed twice');
    seen.add(p.name);
    const subnet = byName.get(p.subnet);
    if (subnet === undefined) throw new UnknownSubnetNameError(String(p.subnet), `ippool ${p.name}`);
    if (!Array.isArray(p.ips) || p.ips.length === 0)
      throw new IpPoolFieldError(p.name, 'ips', JSON.stringify(p.ips), 'needs at least one entry');
    for (const ns of p.namespaces ?? []) checkKubeName('ippool.namespaces', ns, 'dns1123-label', `ippool ${p.name}`);
    const families = new Set(subnet.cidrBlock.split(',').map((c) => (c.includes(':') ? 6 : 4)));
    const raw = new Map<IpFamily, [bigint, bigint][]>();
    p.ips.forEach((text, i) => {
      const r = entryRange(p.name, i, text);
      if (!families.has(r.family)) return;
      const list = raw.get(r.family) ?? [];
      list.push([r.start, r.end]);
      raw.set(r.family, list);
    });
    const ranges = new Map<IpFamily, (readonly [bigint, bigint])[]>();
    for (const [f, list] of raw) ranges.set(f, mergeRuns(list.sort((a, b) => (a[0] < b[0] ? -1 : 1))));
    for (const other of out) {
      if (other.subnet !== p.subnet) continue;
      for (const [f, list] of ranges) {
        for (const [a, b] of list) {
          const hit = (other.ranges.get(f) ?? []).find(([c, d]) => a <= d && c <= b);
          if (hit !== undefined) {
            const lo = a > hit[0] ? a : hit[0];
            throw new IpPoolOverlapError(p.name, other.name, p.subnet, formatAddress(f, lo));
          }
        }
      }
    }
    out.push({
      name: p.name,
      subnet: p.subnet,
      ips: [...p.ips],
      ...(p.namespaces === undefined ? {} : { namespaces: [...p.namespaces] }),
      ranges,
    });
  }
  return out;
}

/** Whether an `ip_pool` annotation names a pool (Kube-OVN pod.go: one entry, no comma, not an address). */
export function isIpPoolName(text: string): boolean {
  const t = text.trim();
  if (t === '' || t.includes(';') || t.includes(',')) return false;
  try {
    parseAddress(t);
    return false;
  } catch {
    return true;
  }
}

function inRuns(runs: readonly (readonly [bigint, bigint])[], v: bigint): readonly [bigint, bigint] | undefined {
  return runs.find(([a, b]) => a <= v && v <= b);
}

/**
 * The address of one family a dynamic request gets: within `within` (a pool's ranges; the whole usable
 * CIDR when undefined), skipping `avoid` (the other pools' ranges), a never-used address first, else a
 * released one — lowest first, as Kube-OVN's per-pool free and released lists hand them out.
 */
function pickFamily(
  a: SubnetAllocator,
  family: IpFamily,
  within: readonly (readonly [bigint, bigint])[] | undefined,
  avoid: readonly (readonly [bigint, bigint])[],
): string | undefined {
  const cidr = a.cidrs.find((c) => c.family === family)!;
  const clip = (within ?? [[cidr.firstUsable, cidr.lastUsable] as const])
    .map(([s, e]) => [s < cidr.firstUsable ? cidr.firstUsable : s, e > cidr.lastUsable ? cidr.lastUsable : e] as const)
    .filter(([s, e]) => s <= e);
  for (const released of [false, true]) {
    for (const [s, e] of clip) {
      for (let v = s; v <= e; v++) {
        const skip = inRuns(avoid, v);
        if (skip !== undefined) {
          v = skip[1];
          continue;
        }
        const text = formatAddress(family, v);
        if (released ? a.isReleased(text) : a.isFree(text) && !a.isReleased(text)) return text;
      }
    }
  }
  return undefined;
}

/**
 * Addresses (one per family of the subnet, `a` or `a,b`) for a dynamic request that must come from `pool`
 * (or, with `pool` undefined, from outside every pool in `pools`), or undefined when a family has none left.
 */
export function pickPoolAddresses(
  a: SubnetAllocator,
  pool: CheckedIpPool | undefined,
  pools: readonly CheckedIpPool[],
): string | undefined {
  const out: string[] = [];
  for (const c of a.cidrs) {
    const avoid =
      pool !== undefined
        ? []
        : mergeRuns(
            pools
              .flatMap((p) => [...(p.ranges.get(c.family) ?? [])])
              .map(([s, e]) => [s, e] as [bigint, bigint])
              .sort((x, y) => (x[0] < y[0] ? -1 : 1)),
          );
    const pick = pickFamily(a, c.family, pool === undefined ? undefined : (pool.ranges.get(c.family) ?? []), avoid);
    if (pick === undefined) return undefined;
    out.push(pick);
  }
  return out.join(',');
}

/**
 * A dynamic address outside every pool of the subnet (Kube-OVN's default pool `""`).
 * @throws SubnetExhaustedError `IPAM_SUBNET_EXHAUSTED` when only pool addresses are left
 */
export function pickOutsidePools(a: SubnetAllocator, pools: readonly CheckedIpPool[], owner: string): string {
  const ip = pickPoolAddresses(a, undefined, pools);
  if (ip === undefined) throw new SubnetExhaustedError(a.cidrBlock, owner);
  return ip;
}

/**
 * A pool's counts as Kube-OVN's IPPoolStatistics reports them (`kubectl get ippool` V4USED V4AVAILABLE
 * V6USED V6AVAILABLE): used = held addresses of the pool that are not excluded; available = the pool's
 * usable addresses − excluded − used.
 */
export function ipPoolUsage(pool: CheckedIpPool, a: SubnetAllocator, held: readonly string[]): SubnetUsage {
  const excluded = new Map<IpFamily, [bigint, bigint][]>();
  for (const e of a.excludeIps) {
    const r = parseIpRange(e);
    const list = excluded.get(r.family) ?? [];
    list.push([r.start, r.end]);
    excluded.set(r.family, list);
  }
  const count = (family: IpFamily): [bigint, bigint] => {
    const cidr = a.cidrs.find((c) => c.family === family);
    if (cidr === undefined) return [0n, 0n];
    let size = 0n;
    let excl = 0n;
    const runs: [bigint, bigint][] = [];
    for (const [s0, e0] of pool.ranges.get(family) ?? []) {
      const s = s0 < cidr.firstUsable ? cidr.firstUsable : s0;
      const e = e0 > cidr.lastUsable ? cidr.lastUsable : e0;
      if (s > e) continue;
      runs.push([s, e]);
      size += e - s + 1n;
      for (const [x, y] of excluded.get(family) ?? []) {
        const lo = x > s ? x : s;
        const hi = y < e ? y : e;
        if (lo <= hi) excl += hi - lo + 1n;
      }
    }
    let used = 0n;
    for (const ip of held) {
      for (const part of ip.split(',')) {
        const v = parseAddress(part);
        if (v.family !== family || inRuns(runs, v.value) === undefined) continue;
        if (inRuns(excluded.get(family) ?? [], v.value) === undefined) used++;
      }
    }
    const avail = size - excl - used;
    return [used, avail < 0n ? 0n : avail];
  };
  const [v4Used, v4Available] = count(4);
  const [v6Used, v6Available] = count(6);
  return { v4Used, v4Available, v6Used, v6Available };
}
