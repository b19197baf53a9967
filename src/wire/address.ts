/**
 * The one text <-> bytes codec for link and network addresses, shared by the GENEVE packet codec, the
 * OpenFlow flow syntax and IPAM so they accept and print exactly the same forms.
 *
 * - IPv4: dotted quad, four decimal parts 0..255 of 1–3 digits (leading zeros read as decimal, as OVS's
 *   `ip_parse` reads them).
 * - IPv6: RFC 4291 §2.2 text: eight 1–4 digit hex groups, one `::` standing for at least one zero group,
 *   an optional dotted IPv4 tail in the last 32 bits (without leading zeros, as inet_pton); no zone index. `1:2:3:4:5:6:7::8` is refused, as
 *   inet_pton, ovs-ofctl and ip-address refuse it.
 * - MAC: six 1–2 digit hex bytes separated by `:`.
 * Formatting follows glibc's inet_ntop (what ovs-ofctl and ovn-nbctl print): RFC 5952 lower case with
 * the longest run of two or more zero groups compressed, and `::a.b.c.d` / `::ffff:a.b.c.d` for the
 * IPv4-compatible and IPv4-mapped forms.
 *
 * Parsers return `undefined` for text that is not an address, so each caller raises its own typed error
 * (with its own offset or field name); none of them throws.
 */

const DEC_OCTET = /^\d{1,3}$/;
/** An IPv6 address's dotted tail is read by inet_pton's rules: no leading zeros. */
const TAIL_OCTET = /^(?:0|[1-9]\d{0,2})$/;
const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;
const HEX_BYTE = /^[0-9a-fA-F]{1,2}$/;

/** `a.b.c.d` → 4 bytes, or `undefined`. */
export function ipv4FromText(text: string): Uint8Array | undefined {
  return dotted(text, DEC_OCTET);
}

function dotted(text: string, octet: RegExp): Uint8Array | undefined {
  if (typeof text !== 'string') return undefined;
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  const out = new Uint8Array(4);
  for (let i = 0; i < 4; i++) {
    const p = parts[i]!;
    if (!octet.test(p)) return undefined;
    const v = Number(p);
    if (v > 255) return undefined;
    out[i] = v;
  }
  return out;
}

/** RFC 4291 §2.2 text → 16 bytes, or `undefined`. */
export function ipv6FromText(text: string): Uint8Array | undefined {
  if (typeof text !== 'string' || text.length < 2 || text.length > 45) return undefined;
  let body = text;
  let tail: Uint8Array | undefined;
  const lastColon = body.lastIndexOf(':');
  if (lastColon < 0) return undefined;
  if (body.indexOf('.', lastColon) >= 0) {
    tail = dotted(body.slice(lastColon + 1), TAIL_OCTET);
    if (tail === undefined) return undefined;
    // Keep a trailing "::" intact ("::1.2.3.4"); drop the single ':' before the dotted part otherwise.
    body = body.slice(0, lastColon + 1);
    body = body.endsWith('::') ? body : body.slice(0, -1);
  }
  const tailGroups = tail === undefined ? 0 : 2;
  const dbl = body.indexOf('::');
  if (dbl >= 0 && body.indexOf('::', dbl + 1) >= 0) return undefined;
  const groupsOf = (s: string): number[] | undefined => {
    if (s === '') return [];
    const out: number[] = [];
    for (const g of s.split(':')) {
      if (!HEX_GROUP.test(g)) return undefined;
      out.push(Number.parseInt(g, 16));
    }
    return out;
  };
  let words: number[];
  if (dbl < 0) {
    const all = groupsOf(body);
    if (all === undefined || all.length + tailGroups !== 8) return undefined;
    words = all;
  } else {
    const head = groupsOf(body.slice(0, dbl));
    const rest = groupsOf(body.slice(dbl + 2));
    if (head === undefined || rest === undefined) return undefined;
    const zeros = 8 - tailGroups - head.length - rest.length;
    if (zeros < 1) return undefined; // "::" stands for at least one group
    words = [...head, ...new Array<number>(zeros).fill(0), ...rest];
  }
  const out = new Uint8Array(16);
  words.forEach((w, i) => {
    out[2 * i] = w >>> 8;
    out[2 * i + 1] = w & 0xff;
  });
  if (tail !== undefined) out.set(tail, 12);
  return out;
}

/** `aa:bb:cc:dd:ee:ff` → 6 bytes, or `undefined`. */
export function macFromText(text: string): Uint8Array | undefined {
  if (typeof text !== 'string') return undefined;
  const parts = text.split(':');
  if (parts.length !== 6) return undefined;
  const out = new Uint8Array(6);
  for (let i = 0; i < 6; i++) {
    const p = parts[i]!;
    if (!HEX_BYTE.test(p)) return undefined;
    out[i] = Number.parseInt(p, 16);
  }
  return out;
}

/** IPv4 (4 bytes) or IPv6 (16 bytes) text → bytes, or `undefined`. */
export function ipFromText(text: string): Uint8Array | undefined {
  return typeof text === 'string' && text.includes(':') ? ipv6FromText(text) : ipv4FromText(text);
}

/** 6 bytes at `at` as `aa:bb:cc:dd:ee:ff`. */
export function formatMac(b: Uint8Array, at = 0): string {
  let s = '';
  for (let i = 0; i < 6; i++) s += (i === 0 ? '' : ':') + (b[at + i] ?? 0).toString(16).padStart(2, '0');
  return s;
}

/** 4 bytes at `at` as dotted decimal. */
export function formatIpv4(b: Uint8Array, at = 0): string {
  return `${b[at] ?? 0}.${b[at + 1] ?? 0}.${b[at + 2] ?? 0}.${b[at + 3] ?? 0}`;
}

/** 16 bytes at `at` as inet_ntop prints them. */
export function formatIpv6(b: Uint8Array, at = 0): string {
  const w: number[] = [];
  for (let i = 0; i < 8; i++) w.push(((b[at + 2 * i] ?? 0) << 8) | (b[at + 2 * i + 1] ?? 0));
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8;) {
    if (w[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && w[j] === 0) j++;
    if (j - i >= 2 && j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  // glibc: IPv4-compatible (six zero groups, then a non-zero 7th) and IPv4-mapped print a dotted tail.
  if (bestStart === 0 && (bestLen === 6 || (bestLen === 5 && w[5] === 0xffff))) {
    return `::${bestLen === 5 ? 'ffff:' : ''}${formatIpv4(b, at + 12)}`;
  }
  const hex = (from: number, to: number): string =>
    w
      .slice(from, to)
      .map((x) => x.toString(16))
      .join(':');
  if (bestStart < 0) return hex(0, 8);
  return `${hex(0, bestStart)}::${hex(bestStart + bestLen, 8)}`;
}

/** 4 bytes as IPv4, 16 as IPv6; `undefined` for any other length. */
export function formatIp(b: Uint8Array): string | undefined {
  if (b.length === 4) return formatIpv4(b);
  if (b.length === 16) return formatIpv6(b);
  return undefined;
}
