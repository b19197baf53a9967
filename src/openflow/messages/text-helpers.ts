/**
 * Text helpers shared by every rank of messages/ that prints something: the ofp-print header
 * prefix, OVS's hex dump, port names and counters as ovs-ofctl shows them. Rank 0: imports only
 * constants.
 */
import { OFPP, OFPP10 } from './constants.js';

/** `0x`-prefixed lowercase hex. */
export const hex = (n: number | bigint): string => `0x${n.toString(16)}`;

/** The "OFPT_X (OF1.3) (xid=0x1):" header line prefix, as ofp-print writes it. */
export function head(name: string, version: number, xid: number): string {
  const known = version >= 1 && version <= 6;
  const v = version === 1 ? '' : known ? ` (OF1.${version - 1})` : ` (OF 0x${version.toString(16).padStart(2, '0')})`;
  return `${name}${v} (xid=${hex(xid)}):`;
}

/** OVS ovs_hex_dump format: offset, 16 bytes with a '-' after the 8th, optional ASCII column. */
export function hexDump(b: Uint8Array, ascii: boolean): string {
  let s = '';
  for (let off = 0; off < b.length; off += 16) {
    let line = off.toString(16).padStart(8, '0') + '  ';
    let chars = '';
    const n = Math.min(16, b.length - off);
    for (let i = 0; i < n; i++) {
      const c = b[off + i]!;
      line += c.toString(16).padStart(2, '0') + (i === 7 ? '-' : ' ');
      chars += c >= 32 && c < 127 ? String.fromCharCode(c) : '.';
    }
    s += (ascii ? line + '   '.repeat(16 - n) + `|${chars.padEnd(16)}|` : line.trimEnd()) + '\n';
  }
  return s;
}

export function portName(p: number, version: number): string {
  if (version === 1) {
    const names: Record<number, string> = {
      [OFPP10.IN_PORT]: 'IN_PORT',
      [OFPP10.TABLE]: 'TABLE',
      [OFPP10.NORMAL]: 'NORMAL',
      [OFPP10.FLOOD]: 'FLOOD',
      [OFPP10.ALL]: 'ALL',
      [OFPP10.CONTROLLER]: 'CONTROLLER',
      [OFPP10.LOCAL]: 'LOCAL',
      [OFPP10.NONE]: 'ANY',
      0xfff7: 'UNSET',
    };
    return names[p] ?? `${p}`;
  }
  const names: Record<number, string> = {
    [OFPP.IN_PORT]: 'IN_PORT',
    [OFPP.TABLE]: 'TABLE',
    [OFPP.NORMAL]: 'NORMAL',
    [OFPP.FLOOD]: 'FLOOD',
    [OFPP.ALL]: 'ALL',
    [OFPP.CONTROLLER]: 'CONTROLLER',
    [OFPP.LOCAL]: 'LOCAL',
    [OFPP.ANY]: 'ANY',
    [OFPP.UNSET]: 'UNSET',
  };
  return names[p] ?? `${p}`;
}

export function statsCount(v: bigint): string {
  return v === 0xffffffffffffffffn ? '?' : `${v}`;
}

/**
 * OVS's ofp_print_bit_names: the names of the set bits (bit numbers `nameOf` knows) joined by `sep`,
 * then the bits it does not know as one hex number; "0" when no bit is set.
 */
export function bitNames(v: number, nameOf: (bit: number) => string | undefined, sep: string): string {
  if (!v) return '0';
  const out: string[] = [];
  let rest = v >>> 0;
  for (let i = 0; i < 32; i++) {
    if (!((rest >>> i) & 1)) continue;
    const n = nameOf(i);
    if (n === undefined) continue;
    out.push(n);
    rest = (rest & ~(1 << i)) >>> 0;
  }
  if (rest) out.push(`0x${rest.toString(16)}`);
  return out.join(sep);
}
