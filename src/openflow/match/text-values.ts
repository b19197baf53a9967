/**
 * Value formatting shared by match, action and flow text: numbers, addresses, ports and flag sets
 * the way ovs-ofctl prints them.
 */

/** Big-endian bytes → bigint. */
export function bytesToBigInt(b: Uint8Array): bigint {
  let v = 0n;
  for (const x of b) v = (v << 8n) | BigInt(x);
  return v;
}

/** bigint → big-endian bytes of length n (truncating high bits). */
export function bigIntToBytes(v: bigint, n: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = n - 1; i >= 0; i--) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return out;
}

/** Big-endian bytes (≤ 6) → number. */
export function bytesToNum(b: Uint8Array): number {
  let v = 0;
  for (const x of b) v = v * 256 + x;
  return v;
}

export function isAllOnes(b: Uint8Array): boolean {
  for (const x of b) if (x !== 0xff) return false;
  return true;
}

export function isZero(b: Uint8Array): boolean {
  for (const x of b) if (x !== 0) return false;
  return true;
}

/** C `%#x`: `0` for zero, else `0x…`. */
export function hexAlt(v: bigint | number): string {
  return v === 0 || v === 0n ? '0' : `0x${v.toString(16)}`;
}

// Addresses print through the one address codec (inet_ntop's forms, as ovs-ofctl prints them).
export { formatIpv4, formatIpv6, formatMac } from '../../wire/address.js';

/** Prefix length if the mask is a CIDR mask, else -1. */
export function cidrLength(mask: Uint8Array): number {
  let n = 0;
  let i = 0;
  for (; i < mask.length && mask[i] === 0xff; i++) n += 8;
  if (i < mask.length) {
    const x = mask[i]!;
    let bits = 0;
    while (bits < 8 && (x & (0x80 >> bits)) !== 0) bits++;
    if (((0xff00 >> bits) & 0xff) !== x) return -1;
    n += bits;
    for (i++; i < mask.length; i++) if (mask[i] !== 0) return -1;
  }
  return n;
}

/** OpenFlow 1.0 reserved port numbers (OpenFlow 1.0 §5.2.1) and their ovs-ofctl names. */
export const OFPP10_NAMES: ReadonlyMap<number, string> = new Map([
  [0xfff8, 'IN_PORT'],
  [0xfff9, 'TABLE'],
  [0xfffa, 'NORMAL'],
  [0xfffb, 'FLOOD'],
  [0xfffc, 'ALL'],
  [0xfffd, 'CONTROLLER'],
  [0xfffe, 'LOCAL'],
  [0xffff, 'ANY'],
]);

/** OpenFlow 1.1+ port → the 16-bit port OVS uses internally (ofputil_port_from_ofp11). */
export function port11To10(p: number): number {
  if (p < 0xff00) return p;
  if (p >= 0xffffff00) return p - 0xffff0000;
  return p; // out of range: shown raw
}

/** 16-bit port → OpenFlow 1.1+ port. */
export function port10To11(p: number): number {
  return p >= 0xff00 ? p + 0xffff0000 : p;
}

/** A 16-bit (OVS-internal) port number as ovs-ofctl prints it. */
export function formatPort10(p: number): string {
  return OFPP10_NAMES.get(p) ?? String(p);
}

/** An OpenFlow 1.1+ 32-bit port number as ovs-ofctl prints it. */
export function formatPort11(p: number): string {
  if (p >= 0xff00 && p < 0xffffff00) return String(p);
  return formatPort10(port11To10(p));
}

/** Flag set text: `+a-b` for a masked match, `a|b` for an exact one. */
export function formatFlagsMasked(
  value: number,
  mask: number,
  names: readonly (string | undefined)[],
  allMask: number,
): string {
  if ((mask & allMask) >>> 0 === allMask >>> 0 && allMask !== 0) {
    const on: string[] = [];
    for (let i = 0; i < 32; i++) {
      const bit = 2 ** i;
      if (value & bit) on.push(names[i] ?? `[${bit.toString(16)}]`);
    }
    return on.length ? on.join('|') : '0';
  }
  let s = '';
  for (let i = 0; i < 32; i++) {
    const bit = 2 ** i;
    if (!(mask & bit)) continue;
    s += (value & bit ? '+' : '-') + (names[i] ?? `[${bit.toString(16)}]`);
  }
  return s || '0';
}

export const CT_STATE_NAMES = ['new', 'est', 'rel', 'rpl', 'inv', 'trk', 'snat', 'dnat'] as const;
export const TCP_FLAG_NAMES = ['fin', 'syn', 'rst', 'psh', 'ack', 'urg', 'ece', 'cwr', 'ns'] as const;
export const TUN_FLAG_NAMES = ['oam'] as const;
