/**
 * One subnet's address allocator: the CIDR(s) of a single- or dual-stack subnet, its gateway and exclude
 * list, the addresses handed out per owner, and the MACs that go with them. Free addresses are kept as
 * runs (see run-set.ts), never one by one, so a /64 with a million allocations stays small.
 *
 * It hands addresses out as Kube-OVN v1.12's IPAM does (pkg/ipam/subnet.go):
 * - never-used addresses first, lowest first; a released address goes to a *released* list that is only
 *   drawn from once the never-used ones are gone (`getV4RandomAddress`: `V4Free` empty → `V4Released`);
 * - a static request may name an excluded address and gets it (`GetStaticAddress`: `V4Reserved`); such an
 *   owner is not counted as used (`calcSubnetStatusIP`), and its address is not put on the released list
 *   when it goes (`releaseAddr`);
 * - a static MAC is unique within the subnet only (`MacToPod` per subnet) and is kept as written.
 */
import {
  type Cidr,
  type IpFamily,
  cidrContains,
  formatAddress,
  formatRange,
  kubeAddressCount,
  parseAddress,
  parseCidrBlock,
  parseIpRange,
} from './address.js';
import {
  AddressExcludedError,
  AddressOutsideCidrError,
  AddressTakenError,
  ExcludeOutsideCidrError,
  GatewayReservedError,
  InvalidAddressError,
  OwnerConflictError,
  SubnetExhaustedError,
} from './errors.js';
import { MacRegistry, formatMac, parseMac } from './mac.js';
import { AddressIsGatewayError, MacTakenError } from './errors.js';
import { RunSet, mergeRuns, subtractRuns } from './run-set.js';

/** What defines a subnet for the IPAM, in Kube-OVN's spelling. */
export interface SubnetSpec {
  /** One CIDR, or an IPv4 and an IPv6 CIDR joined by a comma: `10.16.0.0/16,fd00:10:16::/64`. */
  readonly cidr: string;
  /**
   * Gateway per family, comma-joined like the CIDR. Families left out get the first usable address of
   * their CIDR. The gateway is never handed out: it is added to the exclude list if not already in it.
   */
  readonly gateway?: string;
  /** Addresses never handed out: single addresses and inclusive ranges `a..b`, each inside the CIDR of its family. */
  readonly excludeIps?: readonly string[];
  /**
   * What to do with an exclude entry that is not wholly inside the CIDR of its family: `'error'`
   * (default, ExcludeOutsideCidrError) or `'clip'` — keep the part inside the usable addresses and drop
   * the rest, as Kube-OVN's `util.ExpandExcludeIPs` does.
   */
  readonly excludeOutside?: 'error' | 'clip';
}

/** Options of a {@link SubnetAllocator}. */
export interface SubnetAllocatorOptions {
  /** MAC registry shared with other allocators (an {@link Ipam} passes its own). Default: a private one. */
  readonly macs?: MacRegistry;
  /** Seed of the private MAC registry (ignored when `macs` is given). */
  readonly macSeed?: number;
  /** Generate a MAC for owners that do not ask for one. Default true. */
  readonly generateMacs?: boolean;
  /** Grant a static request for an excluded address (Kube-OVN does). Default true. */
  readonly grantExcluded?: boolean;
  /**
   * Which free address a dynamic request gets: `'fresh-first'` (default) — never-used addresses before
   * released ones, as Kube-OVN v1.12; `'lowest'` — the lowest free address, released or not, as
   * ovn-northd's own IPAM does.
   */
  readonly reuse?: 'fresh-first' | 'lowest';
}

/** A static request: addresses (`a` or `a,b`, one per family) and/or a MAC. */
export interface AllocationRequest {
  readonly ip?: string | undefined;
  readonly mac?: string | undefined;
}

/** What an owner holds. */
export interface Allocation {
  readonly owner: string;
  readonly ipv4?: string;
  readonly ipv6?: string;
  /** The owner's addresses joined by a comma, IPv4 first (Kube-OVN's `ip_address` form). */
  readonly ip: string;
  /** A generated MAC in `00:00:00:XX:XX:XX` form, or a requested one exactly as written. */
  readonly mac?: string;
}

/** An existing record to re-load after a restart. */
export interface ExistingRecord {
  readonly name: string;
  /** `a` or `a,b`. */
  readonly ip: string;
  readonly mac?: string | undefined;
}

/**
 * Counts as Kube-OVN reports them in the Subnet status: used = owners holding an address of the
 * family, available = 2^(bits − prefix) − 2 − excluded − used, never below 0 (how Kube-OVN counts is
 * summarised in the header of src/ipam/index.ts). Families the subnet does not have read 0.
 */
export interface SubnetUsage {
  readonly v4Used: bigint;
  readonly v4Available: bigint;
  readonly v6Used: bigint;
  readonly v6Available: bigint;
}

interface FamilyPool {
  readonly cidr: Cidr;
  readonly gateway: bigint;
  /** Merged exclude runs (may include the network/last address). */
  readonly excluded: RunSet;
  /** Excluded addresses that would otherwise be usable. */
  readonly excludedUsable: bigint;
  /** Never-used addresses (handed out first). */
  free: RunSet;
  /** Addresses given back (handed out once `free` is empty). */
  released: RunSet;
  /** Owners holding a non-excluded address of this family. */
  used: number;
}

interface Held {
  v4: bigint | undefined;
  v6: bigint | undefined;
  /** 48-bit MAC value. */
  mac: number | undefined;
  /** The MAC as the owner wrote it (static), or undefined for a generated one. */
  macText: string | undefined;
}

const NO_REQUEST: ReadonlyMap<IpFamily, bigint> = new Map();
const COLON_MAC = /^[0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){5}$/;

function poolIndex(family: IpFamily): 0 | 1 {
  return family === 4 ? 0 : 1;
}

/**
 * Allocator for one single- or dual-stack subnet.
 *
 * - `allocate(owner)` hands out the lowest free address of each family (and a MAC);
 *   `allocate(owner, { ip, mac })` takes the requested ones.
 * - `release(owner)` gives them back; `restore(records)` re-loads what existed before a restart.
 * - `usage()` gives Kube-OVN's V4USED / V4AVAILABLE / V6USED / V6AVAILABLE.
 *
 * @example
 * const a = new SubnetAllocator({ cidr: '10.66.0.0/16', excludeIps: ['10.66.0.1..10.66.0.10'] }, { macSeed: 1 });
 * a.allocate('pod1.ns1').ip;    // '10.66.0.11'
 * a.usage().v4Available;        // 65523n
 *
 * @throws (constructor) InvalidCidrError, InvalidAddressError, InvalidRangeError, AddressOutsideCidrError
 *   (gateway), GatewayReservedError, ExcludeOutsideCidrError
 */
export class SubnetAllocator {
  /** Canonical CIDR block, IPv4 first: `10.16.0.0/16,fd00:10:16::/64`. */
  readonly cidrBlock: string;
  readonly cidrs: readonly Cidr[];
  readonly protocol: 'IPv4' | 'IPv6' | 'Dual';
  /** Gateway per family, comma-joined, IPv4 first. */
  readonly gateway: string;
  /**
   * The exclude list as Kube-OVN stores it after formatting: overlapping and adjacent entries merged,
   * the gateway added when no entry covered it; ascending, IPv4 first.
   */
  readonly excludeIps: readonly string[];
  readonly macs: MacRegistry;

  private readonly pools: [FamilyPool | undefined, FamilyPool | undefined] = [undefined, undefined];
  private readonly held = new Map<string, Held>();
  /** Per-subnet MAC ownership (Kube-OVN's `MacToPod`). */
  private readonly macOwners = new Map<number, string>();
  private readonly generateMacs: boolean;
  private readonly grantExcluded: boolean;
  private readonly reuseLowest: boolean;

  constructor(spec: SubnetSpec, options: SubnetAllocatorOptions = {}) {
    this.cidrs = parseCidrBlock(spec.cidr);
    this.cidrBlock = this.cidrs.map((c) => c.text).join(',');
    this.protocol = this.cidrs.length === 2 ? 'Dual' : this.cidrs[0]!.family === 4 ? 'IPv4' : 'IPv6';
    this.macs = options.macs ?? new MacRegistry(options.macSeed === undefined ? {} : { seed: options.macSeed });
    this.generateMacs = options.generateMacs ?? true;
    this.grantExcluded = options.grantExcluded ?? true;
    this.reuseLowest = options.reuse === 'lowest';

    // Gateways: at most one per family, inside its CIDR, not the network address, nor the IPv4 broadcast
    // address (an IPv6 all-ones gateway is allowed, as Kube-OVN allows it: IPv6 has no broadcast).
    const gateways = new Map<IpFamily, bigint>();
    if (spec.gateway !== undefined && spec.gateway !== '') {
      for (const g of spec.gateway.split(',')) {
        const a = parseAddress(g);
        const cidr = this.cidrOf(a.family);
        if (cidr === undefined || !cidrContains(cidr, a.value))
          throw new AddressOutsideCidrError(g, this.cidrBlock, 'gateway');
        if (gateways.has(a.family)) throw new InvalidAddressError(spec.gateway, `two IPv${a.family} gateways`);
        if (a.value < cidr.firstUsable) throw new GatewayReservedError(g, cidr.text, 'network');
        if (a.value > cidr.lastUsable && cidr.family === 4) throw new GatewayReservedError(g, cidr.text, 'broadcast');
        gateways.set(a.family, a.value);
      }
    }

    // Exclude entries: each wholly inside the CIDR of its family.
    const raw: [Array<readonly [bigint, bigint]>, Array<readonly [bigint, bigint]>] = [[], []];
    for (const entry of spec.excludeIps ?? []) {
      const r = parseIpRange(entry);
      const cidr = this.cidrOf(r.family);
      if (cidr === undefined || r.start < cidr.network || r.end > cidr.last) {
        if (spec.excludeOutside !== 'clip') throw new ExcludeOutsideCidrError(entry, this.cidrBlock);
        if (cidr === undefined) continue;
        const start = r.start < cidr.firstUsable ? cidr.firstUsable : r.start;
        const end = r.end > cidr.lastUsable ? cidr.lastUsable : r.end;
        if (start <= end) raw[poolIndex(r.family)].push([start, end]);
        continue;
      }
      raw[poolIndex(r.family)].push([r.start, r.end]);
    }

    const gwTexts: string[] = [];
    const excludeTexts: string[] = [];
    for (const cidr of this.cidrs) {
      const i = poolIndex(cidr.family);
      const gw = gateways.get(cidr.family) ?? cidr.firstUsable;
      gwTexts.push(formatAddress(cidr.family, gw));
      const merged = mergeRuns([...raw[i], [gw, gw]]);
      const excluded = RunSet.fromSortedRuns(merged);
      const freeRuns = subtractRuns(cidr.firstUsable, cidr.lastUsable, merged);
      const free = RunSet.fromSortedRuns(freeRuns);
      const usable = cidr.lastUsable - cidr.firstUsable + 1n;
      this.pools[i] = {
        cidr,
        gateway: gw,
        excluded,
        excludedUsable: usable - free.size,
        free,
        released: new RunSet(),
        used: 0,
      };
      for (const [a, b] of merged) excludeTexts.push(formatRange(cidr.family, a, b));
    }
    this.gateway = gwTexts.join(',');
    this.excludeIps = excludeTexts;
  }

  private cidrOf(family: IpFamily): Cidr | undefined {
    return this.cidrs.find((c) => c.family === family);
  }

  /** Number of owners holding an allocation. */
  get size(): number {
    return this.held.size;
  }

  /** Whether `owner` holds an allocation. */
  has(owner: string): boolean {
    return this.held.has(owner);
  }

  /** What `owner` holds, if anything. */
  get(owner: string): Allocation | undefined {
    const h = this.held.get(owner);
    return h === undefined ? undefined : this.view(owner, h);
  }

  /** Every allocation, in insertion order. */
  *allocations(): IterableIterator<Allocation> {
    for (const [owner, h] of this.held) yield this.view(owner, h);
  }

  private view(owner: string, h: Held): Allocation {
    const out: { owner: string; ip: string; ipv4?: string; ipv6?: string; mac?: string } = { owner, ip: '' };
    if (h.v4 !== undefined) out.ipv4 = formatAddress(4, h.v4);
    if (h.v6 !== undefined) out.ipv6 = formatAddress(6, h.v6);
    out.ip = out.ipv4 === undefined ? (out.ipv6 ?? '') : out.ipv6 === undefined ? out.ipv4 : `${out.ipv4},${out.ipv6}`;
    if (h.mac !== undefined) out.mac = h.macText ?? formatMac(h.mac);
    return out;
  }

  /** Whether the address (any spelling) lies in one of the subnet's CIDRs. @throws InvalidAddressError */
  contains(ip: string): boolean {
    const a = parseAddress(ip);
    const cidr = this.cidrOf(a.family);
    return cidr !== undefined && cidrContains(cidr, a.value);
  }

  /** Whether the address is in the exclude list (the gateway always is). @throws InvalidAddressError */
  isExcluded(ip: string): boolean {
    const a = parseAddress(ip);
    const pool = this.pools[poolIndex(a.family)];
    return pool !== undefined && pool.excluded.has(a.value);
  }

  /** Whether the address could be handed out now (never used, or released). @throws InvalidAddressError */
  isFree(ip: string): boolean {
    const a = parseAddress(ip);
    const pool = this.pools[poolIndex(a.family)];
    return pool !== undefined && (pool.free.has(a.value) || pool.released.has(a.value));
  }

  /** Whether the address was handed out and given back (it is handed out again only after the never-used ones). */
  isReleased(ip: string): boolean {
    const a = parseAddress(ip);
    const pool = this.pools[poolIndex(a.family)];
    return pool !== undefined && pool.released.has(a.value);
  }

  /**
   * The released list, as ranges (`a` or `a..b`), IPv4 first — what to persist so that a restarted
   * planner hands addresses out in the same order (see {@link markReleased}).
   */
  releasedRanges(): string[] {
    const out: string[] = [];
    for (const pool of this.pools) {
      if (pool === undefined) continue;
      for (const [a, b] of pool.released.runs()) out.push(formatRange(pool.cidr.family, a, b));
    }
    return out;
  }

  /**
   * Put addresses on the released list (e.g. read back from a previous run): each entry (`a` or `a..b`)
   * moves the never-used addresses it covers to the released list; others (held, excluded, outside) are
   * ignored. Linear in the number of addresses covered.
   * @throws InvalidRangeError for an entry that does not parse
   */
  markReleased(entries: Iterable<string>): void {
    for (const entry of entries) {
      const r = parseIpRange(entry);
      const pool = this.pools[poolIndex(r.family)];
      if (pool === undefined) continue;
      const lo = r.start < pool.cidr.firstUsable ? pool.cidr.firstUsable : r.start;
      const hi = r.end > pool.cidr.lastUsable ? pool.cidr.lastUsable : r.end;
      for (let v = lo; v <= hi; v++) if (pool.free.delete(v)) pool.released.add(v);
    }
  }

  /** Who holds the address, if anyone (linear in the number of owners). @throws InvalidAddressError */
  ownerOf(ip: string): string | undefined {
    const a = parseAddress(ip);
    return this.ownerOfValue(a.family, a.value);
  }

  private ownerOfValue(family: IpFamily, value: bigint): string | undefined {
    for (const [owner, h] of this.held) {
      if ((family === 4 ? h.v4 : h.v6) === value) return owner;
    }
    return undefined;
  }

  /** Parse a request's `a` / `a,b` into one value per family, checking membership of the CIDRs. */
  private parseRequestIps(ip: string): Map<IpFamily, bigint> {
    const out = new Map<IpFamily, bigint>();
    for (const part of ip.split(',')) {
      const a = parseAddress(part);
      const cidr = this.cidrOf(a.family);
      if (cidr === undefined || !cidrContains(cidr, a.value)) throw new AddressOutsideCidrError(part, this.cidrBlock);
      if (out.has(a.family)) throw new InvalidAddressError(ip, `two IPv${a.family} addresses`);
      out.set(a.family, a.value);
    }
    return out;
  }

  /**
   * Give `owner` one address per family of the subnet (and a MAC): the requested ones, else the lowest
   * free ones. Calling again for an owner that holds an allocation returns it unchanged when the
   * request is empty or matches it. Nothing changes when an error is thrown.
   *
   * @throws InvalidAddressError `IPAM_INVALID_ADDRESS`, InvalidMacError `IPAM_INVALID_MAC`,
   *   AddressOutsideCidrError `IPAM_ADDRESS_OUTSIDE_CIDR`, AddressExcludedError `IPAM_ADDRESS_EXCLUDED`,
   *   AddressTakenError `IPAM_ADDRESS_TAKEN`, SubnetExhaustedError `IPAM_SUBNET_EXHAUSTED`,
   *   MacTakenError `IPAM_MAC_TAKEN`, MacExhaustedError `IPAM_MAC_EXHAUSTED`, OwnerConflictError `IPAM_OWNER_CONFLICT`
   */
  allocate(owner: string, request: AllocationRequest = {}): Allocation {
    const wanted = request.ip === undefined || request.ip === '' ? NO_REQUEST : this.parseRequestIps(request.ip);
    const wantedMacValue = request.mac === undefined || request.mac === '' ? undefined : parseMac(request.mac);
    const wantedMac = wantedMacValue === undefined ? undefined : formatMac(wantedMacValue);

    const existing = this.held.get(owner);
    if (existing !== undefined) {
      for (const [family, value] of wanted) {
        const cur = family === 4 ? existing.v4 : existing.v6;
        if (cur !== value) {
          throw new OwnerConflictError(
            formatAddress(family, value),
            owner,
            cur === undefined ? '' : formatAddress(family, cur),
          );
        }
      }
      if (wantedMac !== undefined && wantedMacValue !== existing.mac) {
        throw new OwnerConflictError(wantedMac, owner, existing.mac === undefined ? '' : formatMac(existing.mac));
      }
      return this.view(owner, existing);
    }

    // Check everything before changing anything.
    const picks: Array<[FamilyPool, bigint | undefined]> = [];
    for (const pool of this.pools) {
      if (pool === undefined) continue;
      const value = wanted.get(pool.cidr.family);
      if (value !== undefined) {
        if (!pool.free.has(value) && !pool.released.has(value)) {
          const text = formatAddress(pool.cidr.family, value);
          const holder = this.ownerOfValue(pool.cidr.family, value);
          if (holder !== undefined) throw new AddressTakenError(text, holder, owner);
          if (value === pool.gateway) throw new AddressIsGatewayError(text);
          if (value < pool.cidr.firstUsable || value > pool.cidr.lastUsable || !this.grantExcluded)
            throw new AddressExcludedError(text);
          // An excluded address: granted, as Kube-OVN grants it.
        }
      } else if (pool.free.size === 0n && pool.released.size === 0n) {
        throw new SubnetExhaustedError(pool.cidr.text, owner);
      }
      picks.push([pool, value]);
    }
    let mac: number | undefined;
    let macText: string | undefined;
    if (wantedMacValue !== undefined) {
      const holder = this.macOwners.get(wantedMacValue);
      if (holder !== undefined && holder !== owner) throw new MacTakenError(request.mac!, holder, owner);
      mac = wantedMacValue;
      // Kept as written (Kube-OVN writes the annotation's text); a dash-separated MAC, which OVN would not
      // parse in `addresses`, is written with colons instead.
      macText = COLON_MAC.test(request.mac!) ? request.mac : formatMac(wantedMacValue);
    } else if (this.generateMacs) {
      mac = this.macs.generateValue(owner);
    }
    if (wantedMacValue !== undefined) this.macs.holdValue(wantedMacValue);
    if (mac !== undefined) this.macOwners.set(mac, owner);

    const h: Held = { v4: undefined, v6: undefined, mac, macText };
    for (const [pool, value] of picks) {
      let v: bigint;
      if (value === undefined) {
        if (pool.free.size === 0n) {
          // Kube-OVN: once the never-used addresses are gone, the released ones become the free list.
          pool.free = pool.released;
          pool.released = new RunSet();
        }
        v = pool.free.takeLowest()!;
        pool.used++;
      } else {
        v = value;
        if (pool.free.delete(v) || pool.released.delete(v)) pool.used++;
      }
      if (pool.cidr.family === 4) h.v4 = v;
      else h.v6 = v;
    }
    this.held.set(owner, h);
    return this.view(owner, h);
  }

  /** Give back what `owner` holds (addresses and MAC); returns it, or undefined when it held nothing. */
  release(owner: string): Allocation | undefined {
    const h = this.held.get(owner);
    if (h === undefined) return undefined;
    this.held.delete(owner);
    const back: Array<[FamilyPool | undefined, bigint | undefined]> = [
      [this.pools[0], h.v4],
      [this.pools[1], h.v6],
    ];
    for (const [p, v] of back) {
      if (p === undefined || v === undefined) continue;
      // An address granted from the exclude list is not put back (Kube-OVN's releaseAddr).
      if (p.excluded.has(v)) continue;
      if (this.reuseLowest) p.free.add(v);
      else p.released.add(v);
      p.used--;
    }
    if (h.mac !== undefined) {
      this.macOwners.delete(h.mac);
      if (h.macText !== undefined) this.macs.unholdValue(h.mac);
      else this.macs.releaseValue(h.mac);
    }
    return this.view(owner, h);
  }

  /**
   * Re-load allocations that existed before a restart (name → ip/mac). Idempotent for records already
   * loaded. Records are applied in order; on error the ones before it stay loaded.
   * @throws the errors of {@link allocate}
   */
  restore(records: Iterable<ExistingRecord>): void {
    for (const r of records) this.allocate(r.name, { ip: r.ip, mac: r.mac });
  }

  /**
   * Kube-OVN's counts for this subnet: an owner holding an excluded address is not counted as used (its
   * address already counts as excluded), as in `calcSubnetStatusIP`.
   */
  usage(): SubnetUsage {
    const [p4, p6] = this.pools;
    const count = (p: FamilyPool | undefined): [bigint, bigint] => {
      if (p === undefined) return [0n, 0n];
      const used = BigInt(p.used);
      const avail = kubeAddressCount(p.cidr) - p.excludedUsable - used;
      return [used, avail < 0n ? 0n : avail];
    };
    const [v4Used, v4Available] = count(p4);
    const [v6Used, v6Available] = count(p6);
    return { v4Used, v4Available, v6Used, v6Available };
  }

  /** Number of free-address runs per family (memory/fragmentation measure). */
  freeRunCount(): { v4: number; v6: number } {
    return { v4: this.pools[0]?.free.runCount ?? 0, v6: this.pools[1]?.free.runCount ?? 0 };
  }
}
