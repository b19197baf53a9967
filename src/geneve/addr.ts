/**
 * Address text <-> bytes for the packet codec: MAC, IPv4, IPv6 (RFC 5952 formatting).
 */
import { EncapsulationError } from './errors.js';

/** A MAC as `aa:bb:cc:dd:ee:ff` or 6 bytes. */
export type MacInput = string | Uint8Array;
/** An IP address as text or bytes (4 for IPv4, 16 for IPv6). */
export type IpInput = string | Uint8Array;

/** Formats 6 bytes at `at` as `aa:bb:cc:dd:ee:ff`. */
export function formatMac(b: Uint8Array, at = 0): string {
  let s = '';
  for (let i = 0; i < 6; i++) s += (i ? ':' : '') + (b[at + i] ?? 0).toString(16).padStart(2, '0');
  return s;
}

/** Formats 4 bytes at `at` as dotted decimal. */
export function formatIpv4(b: Uint8Array, at = 0): string {
  return `${b[at] ?? 0}.${b[at + 1] ?? 0}.${b[at + 2] ?? 0}.${b[at + 3] ?? 0}`;
}

/** Formats 16 bytes at `at` as RFC 5952 text (lower case, longest zero run compressed). */
export function formatIpv6(b: Uint8Array, at = 0): string {
  const w: number[] = [];
  for (let i = 0; i < 8; i++) w.push(((b[at + 2 * i] ?? 0) << 8) | (b[at + 2 * i + 1] ?? 0));
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (w[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && w[j] === 0) j++;
    if (j - i > bestLen && j - i >= 2) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  // IPv4-mapped (::ffff:a.b.c.d) as tcpdump prints it.
  if (bestStart === 0 && bestLen === 5 && w[5] === 0xffff) return `::ffff:${formatIpv4(b, at + 12)}`;
  const hex = (a: number, z: number): string => w.slice(a, z).map((x) => x.toString(16)).join(':');
  if (bestStart < 0) return hex(0, 8);
  return `${hex(0, bestStart)}::${hex(bestStart + bestLen, 8)}`;
}

/**
 * Formats an address by its length: 4 bytes as IPv4, 16 as IPv6 (RFC 5952).
 * @throws EncapsulationError `GENEVE_ENCAP_INVALID` for any other length.
 */
export function formatIp(b: Uint8Array): string {
  if (b.length === 4) return formatIpv4(b);
  if (b.length === 16) return formatIpv6(b);
  throw new EncapsulationError(`an IP address is 4 or 16 bytes, got ${b.length}`);
}

/** Parses a MAC. @throws EncapsulationError `GENEVE_ENCAP_INVALID`. */
export function parseMac(m: MacInput): Uint8Array {
  if (typeof m !== 'string') {
    if (m.length !== 6) throw new EncapsulationError(`MAC must be 6 bytes, got ${m.length}`);
    return m;
  }
  const parts = m.split(/[:-]/);
  if (parts.length !== 6 || parts.some((p) => !/^[0-9a-fA-F]{1,2}$/.test(p))) throw new EncapsulationError(`bad MAC ${JSON.stringify(m)}`);
  return Uint8Array.from(parts.map((p) => Number.parseInt(p, 16)));
}

/** Parses an IPv4 address. @throws EncapsulationError `GENEVE_ENCAP_INVALID`. */
export function parseIpv4(a: IpInput): Uint8Array {
  if (typeof a !== 'string') {
    if (a.length !== 4) throw new EncapsulationError(`IPv4 address must be 4 bytes, got ${a.length}`);
    return a;
  }
  const parts = a.split('.');
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) {
    throw new EncapsulationError(`bad IPv4 address ${JSON.stringify(a)}`);
  }
  return Uint8Array.from(parts.map(Number));
}

/** Parses an IPv6 address (with `::` and an optional dotted IPv4 tail). @throws EncapsulationError `GENEVE_ENCAP_INVALID`. */
export function parseIpv6(a: IpInput): Uint8Array {
  if (typeof a !== 'string') {
    if (a.length !== 16) throw new EncapsulationError(`IPv6 address must be 16 bytes, got ${a.length}`);
    return a;
  }
  const bad = (): never => {
    throw new EncapsulationError(`bad IPv6 address ${JSON.stringify(a)}`);
  };
  let text = a;
  const tail: number[] = [];
  if (text.includes('.')) {
    const dot = text.lastIndexOf(':');
    if (dot < 0) bad();
    const v4 = parseIpv4(text.slice(dot + 1));
    tail.push((v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!);
    const prefix = text.slice(0, dot + 1);
    text = prefix.endsWith('::') ? prefix : prefix.slice(0, -1);
  }
  const halves = text.split('::');
  if (halves.length > 2) bad();
  const parse = (s: string): number[] =>
    s === '' ? [] : s.split(':').map((g) => (/^[0-9a-fA-F]{1,4}$/.test(g) ? Number.parseInt(g, 16) : bad()));
  const head = parse(halves[0]!);
  const rest = halves.length === 2 ? parse(halves[1]!) : [];
  const words = halves.length === 2 ? [...head, ...new Array<number>(8 - head.length - rest.length - tail.length).fill(0), ...rest, ...tail] : [...head, ...tail];
  if (words.length !== 8 || (halves.length === 2 && head.length + rest.length + tail.length > 7)) bad();
  const out = new Uint8Array(16);
  words.forEach((x, i) => {
    out[2 * i] = x >>> 8;
    out[2 * i + 1] = x & 0xff;
  });
  return out;
}
