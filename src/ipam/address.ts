/**
 * Address and CIDR arithmetic for the IPAM. Addresses are `bigint`s (IPv4 and IPv6 alike) so one code
 * path serves both families; parsing and IPv6 formatting go through the `ip-address` package, with the
 * extra strictness an IPAM needs (no prefix or zone on an address, no host bits on a CIDR).
 */
import { Address4, Address6 } from 'ip-address';
import { InvalidAddressError, InvalidCidrError, InvalidRangeError } from './errors.js';

/** Address family: 4 or 6. */
export type IpFamily = 4 | 6;

/** A parsed CIDR block. All addresses are absolute values. */
export interface Cidr {
  readonly family: IpFamily;
  /** Prefix length, 0..31 for IPv4, 0..127 for IPv6 (/32 and /128 have no usable address and are refused). */
  readonly prefix: number;
  /** Network (subnet number) address. */
  readonly network: bigint;
  /** Last address of the block (the IPv4 broadcast address). */
  readonly last: bigint;
  /** First address that may be handed out: network + 1, or the network itself for a point-to-point /31 or /127. */
  readonly firstUsable: bigint;
  /** Last address that may be handed out: last − 1, or `last` for /31 and /127. */
  readonly lastUsable: bigint;
  /** Canonical text, e.g. `10.16.0.0/16`, `fd00:10:16::/64`. */
  readonly text: string;
}

/** A parsed address. */
export interface ParsedAddress {
  readonly family: IpFamily;
  readonly value: bigint;
}

/** An inclusive address range of one family. */
export interface IpRange {
  readonly family: IpFamily;
  readonly start: bigint;
  readonly end: bigint;
}

/** Number of bits of an address of the family. */
export function familyBits(family: IpFamily): 32 | 128 {
  return family === 4 ? 32 : 128;
}

function familyOf(text: string): IpFamily {
  return text.includes(':') ? 6 : 4;
}

/**
 * Parse one IPv4 or IPv6 address (no prefix length, no zone). IPv6 may be any RFC 4291 text form,
 * upper or lower case.
 * @throws InvalidAddressError `IPAM_INVALID_ADDRESS`
 */
export function parseAddress(text: string, family?: IpFamily): ParsedAddress {
  if (typeof text !== 'string' || text.length === 0) throw new InvalidAddressError(String(text), 'empty');
  if (text.includes('/')) throw new InvalidAddressError(text, 'a prefix length is not allowed here');
  if (text.includes('%')) throw new InvalidAddressError(text, 'a zone is not allowed here');
  if (text.trim() !== text) throw new InvalidAddressError(text, 'surrounding whitespace');
  const f = familyOf(text);
  if (family !== undefined && f !== family) {
    throw new InvalidAddressError(text, `expected an IPv${family} address`);
  }
  try {
    const value = f === 4 ? new Address4(text).bigInt() : new Address6(text).bigInt();
    return { family: f, value };
  } catch (cause) {
    throw new InvalidAddressError(text, cause instanceof Error ? cause.message : 'does not parse', { cause });
  }
}

/**
 * Format an address: dotted quad for IPv4, RFC 5952 canonical text for IPv6 (lower case, leading zeros
 * dropped, the longest run of two or more zero groups — the first if tied — written `::`).
 *
 * IPv6 is formatted here rather than with `ip-address`'s `Address6.fromBigInt(v).correctForm()`, which
 * gives the same text (a property test checks both, and the WHATWG URL serializer, over the full
 * range) but costs ~10 µs per address, too much for an allocator's hot path.
 */
export function formatAddress(family: IpFamily, value: bigint): string {
  if (family === 4) {
    const n = Number(value);
    return `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
  }
  const w0 = Number((value >> 96n) & 0xffffffffn);
  const w1 = Number((value >> 64n) & 0xffffffffn);
  const w2 = Number((value >> 32n) & 0xffffffffn);
  const w3 = Number(value & 0xffffffffn);
  const groups = [w0 >>> 16, w0 & 0xffff, w1 >>> 16, w1 & 0xffff, w2 >>> 16, w2 & 0xffff, w3 >>> 16, w3 & 0xffff];
  return formatGroups(groups);
}

function formatGroups(g: readonly number[]): string {
  // longest run of zero groups (length >= 2), first one on ties (RFC 5952 §4.2)
  let bestStart = -1;
  let bestLen = 1;
  for (let i = 0; i < 8;) {
    if (g[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && g[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = (from: number, to: number) =>
    g
      .slice(from, to)
      .map((x) => x.toString(16))
      .join(':');
  if (bestStart < 0) return hex(0, 8);
  return `${hex(0, bestStart)}::${hex(bestStart + bestLen, 8)}`;
}

/** Canonical text of an address (`FD00::0001` → `fd00::1`). @throws InvalidAddressError */
export function canonicalAddress(text: string): string {
  const a = parseAddress(text);
  return formatAddress(a.family, a.value);
}

/**
 * Parse a CIDR block such as `10.16.0.0/16` or `fd00:10:16::/64`. Host bits must be zero, and the block
 * must leave at least one usable address (so /32 and /128 are refused, as Kube-OVN refuses them).
 * @throws InvalidCidrError `IPAM_INVALID_CIDR`
 */
export function parseCidr(text: string): Cidr {
  if (typeof text !== 'string') throw new InvalidCidrError(String(text), 'not a string');
  const slash = text.indexOf('/');
  if (slash < 0 || slash !== text.lastIndexOf('/')) throw new InvalidCidrError(text, 'expected ADDRESS/PREFIX');
  const addrText = text.slice(0, slash);
  const prefixText = text.slice(slash + 1);
  if (!/^(0|[1-9][0-9]{0,2})$/.test(prefixText))
    throw new InvalidCidrError(text, 'prefix length is not a decimal number');
  let addr: ParsedAddress;
  try {
    addr = parseAddress(addrText);
  } catch (cause) {
    throw new InvalidCidrError(text, cause instanceof Error ? cause.message : 'bad address', { cause });
  }
  const bits = familyBits(addr.family);
  const prefix = Number(prefixText);
  if (prefix > bits) throw new InvalidCidrError(text, `prefix length ${prefix} exceeds ${bits}`);
  if (prefix === bits) throw new InvalidCidrError(text, `a /${bits} has no usable address`);
  const host = BigInt(bits - prefix);
  const size = 1n << host;
  const network = addr.value;
  if ((network & (size - 1n)) !== 0n) {
    throw new InvalidCidrError(
      text,
      `host bits are set (network is ${formatAddress(addr.family, network & ~(size - 1n))}/${prefix})`,
    );
  }
  const last = network + size - 1n;
  const ptp = prefix === bits - 1;
  return {
    family: addr.family,
    prefix,
    network,
    last,
    firstUsable: ptp ? network : network + 1n,
    lastUsable: ptp ? last : last - 1n,
    text: `${formatAddress(addr.family, network)}/${prefix}`,
  };
}

/**
 * Parse a CIDR block list as Kube-OVN writes it: one CIDR, or an IPv4 and an IPv6 CIDR joined by a comma
 * (`10.16.0.0/16,fd00:10:16::/64`), in either order. Returned IPv4 first.
 * @throws InvalidCidrError `IPAM_INVALID_CIDR` (also for two CIDRs of one family or more than two)
 */
export function parseCidrBlock(text: string): readonly Cidr[] {
  if (typeof text !== 'string' || text.length === 0) throw new InvalidCidrError(String(text), 'empty');
  const parts = text.split(',');
  if (parts.length > 2) throw new InvalidCidrError(text, 'at most one IPv4 and one IPv6 CIDR');
  const cidrs = parts.map((p) => {
    try {
      return parseCidr(p);
    } catch (cause) {
      if (parts.length === 1) throw cause;
      throw new InvalidCidrError(text, cause instanceof Error ? cause.message : 'bad CIDR', { cause });
    }
  });
  if (cidrs.length === 2 && cidrs[0]!.family === cidrs[1]!.family) {
    throw new InvalidCidrError(text, 'a dual-stack block needs one IPv4 and one IPv6 CIDR');
  }
  return cidrs.sort((a, b) => a.family - b.family);
}

/**
 * Parse one exclude entry: a single address or an inclusive range `a..b` of one family with a ≤ b.
 * @throws InvalidRangeError `IPAM_INVALID_RANGE`
 */
export function parseIpRange(text: string): IpRange {
  if (typeof text !== 'string') throw new InvalidRangeError(String(text), 'not a string');
  const parts = text.split('..');
  if (parts.length > 2) throw new InvalidRangeError(text, 'more than one ".."');
  let start: ParsedAddress;
  let end: ParsedAddress;
  try {
    start = parseAddress(parts[0]!);
    end = parts.length === 2 ? parseAddress(parts[1]!) : start;
  } catch (cause) {
    throw new InvalidRangeError(text, cause instanceof Error ? cause.message : 'bad address', { cause });
  }
  if (start.family !== end.family) throw new InvalidRangeError(text, 'the two ends are of different families');
  if (start.value > end.value) throw new InvalidRangeError(text, 'start is after end');
  return { family: start.family, start: start.value, end: end.value };
}

/** Text of a range: `a` when it is one address, else `a..b`. */
export function formatRange(family: IpFamily, start: bigint, end: bigint): string {
  return start === end
    ? formatAddress(family, start)
    : `${formatAddress(family, start)}..${formatAddress(family, end)}`;
}

/** Whether the CIDR contains the address (same family assumed by the caller). */
export function cidrContains(cidr: Cidr, value: bigint): boolean {
  return value >= cidr.network && value <= cidr.last;
}

/** Whether two CIDRs of any families share an address. */
export function cidrsOverlap(a: Cidr, b: Cidr): boolean {
  return a.family === b.family && a.network <= b.last && b.network <= a.last;
}

/**
 * Kube-OVN's address count of a CIDR (`util.AddressCount`): 2^(bits − prefix) − 2, the same for IPv4 and
 * IPv6 (network and last address do not count); a point-to-point /31 or /127 counts 2.
 */
export function kubeAddressCount(cidr: Cidr): bigint {
  const host = familyBits(cidr.family) - cidr.prefix;
  if (host === 1) return 2n;
  return (1n << BigInt(host)) - 2n;
}
