/**
 * The address ranges of an IPPool's status (`kubectl get ippool NAME -o json|yaml`: v4UsingIPRange,
 * v4AvailableIPRange, …) for a pool the kube model checked. Which pod takes which pool address, and the
 * pool's counts, are the model's (planIpam's `ippools`); these ranges follow the same rule as its counts
 * (kube/ip-pools.ts ipPoolUsage): the pool's ranges inside the subnet's usable addresses, less the
 * subnet's excludeIps; used = held there, available = the rest.
 *
 * Pure: runs of addresses in, text out; a pool is never expanded address by address.
 */
import { formatAddress, mergeRuns, parseAddress, parseCidr, parseIpRange, type IpFamily } from '../ipam/index.js';
import type { CheckedIpPool, Subnet } from '../kube/index.js';

type Runs = readonly (readonly [bigint, bigint])[];

/** A pool's status ranges, as Kube-OVN's IPRangeList prints them (`a`, `a-b`, joined by commas). */
export interface PoolRanges {
  readonly v4Using: string;
  readonly v4Available: string;
  readonly v6Using: string;
  readonly v6Available: string;
}

/** `runs` less `cut` (both sorted and merged). */
function subtract(runs: Runs, cut: Runs): [bigint, bigint][] {
  const out: [bigint, bigint][] = [];
  for (const [s, e] of runs) {
    let from = s;
    for (const [x, y] of cut) {
      if (y < from || x > e) continue;
      if (x > from) out.push([from, x - 1n]);
      from = y + 1n;
      if (from > e) break;
    }
    if (from <= e) out.push([from, e]);
  }
  return out;
}

function text(family: IpFamily, runs: Runs): string {
  return runs
    .map(([s, e]) => (s === e ? formatAddress(family, s) : `${formatAddress(family, s)}-${formatAddress(family, e)}`))
    .join(',');
}

/**
 * The using and available ranges of `pool` in `subnet`, given the addresses held in the subnet (`a` or
 * `a,b` per record: pods, IPs, Vips).
 */
export function poolRanges(pool: CheckedIpPool, subnet: Subnet, held: readonly string[]): PoolRanges {
  const per = (family: IpFamily): [string, string] => {
    const cidr = subnet.cidrBlock
      .split(',')
      .map((c) => parseCidr(c))
      .find((c) => c.family === family);
    if (cidr === undefined) return ['', ''];
    const clipped = (pool.ranges.get(family) ?? [])
      .map(
        ([s, e]) => [s < cidr.firstUsable ? cidr.firstUsable : s, e > cidr.lastUsable ? cidr.lastUsable : e] as const,
      )
      .filter(([s, e]) => s <= e);
    const excluded = mergeRuns(
      subnet.excludeIps
        .map((x) => parseIpRange(x))
        .filter((r) => r.family === family)
        .map((r) => [r.start, r.end] as const),
    );
    const usable = subtract(mergeRuns(clipped), excluded);
    const heldRuns = mergeRuns(
      held
        .flatMap((ip) => ip.split(','))
        .map((ip) => parseAddress(ip))
        .filter((a) => a.family === family)
        .map((a) => [a.value, a.value] as const),
    );
    const available = subtract(usable, heldRuns);
    return [text(family, subtract(usable, available)), text(family, available)];
  };
  const [v4Using, v4Available] = per(4);
  const [v6Using, v6Available] = per(6);
  return { v4Using, v4Available, v6Using, v6Available };
}
