import { type FieldDef } from '../match/fields.js';
import {
  bigIntToBytes,
  CT_STATE_NAMES,
  OFPP10_NAMES,
  port10To11,
  TCP_FLAG_NAMES,
  TUN_FLAG_NAMES,
} from '../match/text-values.js';
import { ipv6Bytes } from '../actions/addresses.js';
import { ipv4FromText, macFromText } from '../../wire/address.js';
import { ActionError } from '../actions/errors.js';
import { FlowParseError } from './errors.js';

/** Parses a decimal or 0x-hex unsigned integer of at most `bits` bits. */
export function parseUint(text: string, bits: number, pos: number, what = 'value'): bigint {
  const t = text.trim();
  let v: bigint;
  if (/^0x[0-9a-fA-F]+$/.test(t)) v = BigInt(t);
  else if (/^[0-9]+$/.test(t)) v = BigInt(t);
  else throw new FlowParseError('OF_TEXT_BAD_VALUE', `${what}: ${JSON.stringify(text)} is not a number`, pos);
  if (bits < 1024 && v >> BigInt(bits) !== 0n) {
    throw new FlowParseError('OF_TEXT_BAD_WIDTH', `${what}: ${text} does not fit in ${bits} bits`, pos);
  }
  return v;
}

export function parseNum(text: string, bits: number, pos: number, what = 'value'): number {
  return Number(parseUint(text, bits, pos, what));
}

export function parseMac(text: string, pos: number): Uint8Array {
  const b = macFromText(text);
  if (b === undefined)
    throw new FlowParseError('OF_TEXT_BAD_VALUE', `${JSON.stringify(text)} is not an Ethernet address`, pos);
  return b;
}

export function parseIpv4(text: string, pos: number): Uint8Array {
  const b = ipv4FromText(text);
  if (b === undefined)
    throw new FlowParseError('OF_TEXT_BAD_VALUE', `${JSON.stringify(text)} is not an IPv4 address`, pos);
  return b;
}

export function parseIpv6(text: string, pos: number): Uint8Array {
  try {
    return ipv6Bytes(text);
  } catch (e) {
    if (e instanceof ActionError)
      throw new FlowParseError('OF_TEXT_BAD_VALUE', `${JSON.stringify(text)} is not an IPv6 address`, pos, {
        cause: e,
      });
    throw e;
  }
}

function prefixMask(bits: number, bytes: number, pos: number): Uint8Array {
  if (bits < 0 || bits > bytes * 8)
    throw new FlowParseError('OF_TEXT_BAD_VALUE', `prefix length ${bits} out of range`, pos);
  const m = new Uint8Array(bytes);
  for (let i = 0; i < bytes; i++) {
    const b = Math.max(0, Math.min(8, bits - 8 * i));
    m[i] = (0xff00 >> b) & 0xff;
  }
  return m;
}

/** Port names ovs-ofctl accepts (case-insensitive) → 16-bit numbers. */
export function parsePort16(text: string, pos: number): number {
  const up = text.toUpperCase();
  for (const [n, name] of OFPP10_NAMES) if (name === up) return n;
  if (up === 'NONE') return 0xffff;
  return parseNum(text, 32, pos, 'port');
}

/** A port as an OpenFlow 1.1+ 32-bit number. */
export function parsePort32(text: string, pos: number): number {
  const up = text.toUpperCase();
  for (const [n, name] of OFPP10_NAMES) if (name === up) return port10To11(n);
  if (up === 'NONE') return 0xffffffff;
  const v = parseNum(text, 32, pos, 'port');
  return v >= 0xff00 && v <= 0xffff ? port10To11(v) : v;
}

/** A flag word, or `[hex]` for a bit without a name (as ovs-ofctl prints it). */
function flagBit(w: string, names: readonly string[]): number {
  const i = names.indexOf(w);
  if (i >= 0) return 2 ** i;
  const m = /^\[([0-9a-fA-F]+)\]$/.exec(w);
  if (!m) return -1;
  const b = parseInt(m[1]!, 16);
  return b > 0 && (b & (b - 1)) === 0 && b <= 0x80000000 ? b : -1;
}

function parseFlags(text: string, names: readonly string[], pos: number, what: string): { v: number; m: number } {
  if (/^[0-9]/.test(text)) {
    const [a, b] = text.split('/');
    const v = parseNum(a!, 32, pos, what);
    return { v, m: b === undefined ? -1 : parseNum(b, 32, pos, what) };
  }
  let v = 0;
  let m = 0;
  if (text.includes('|') || !/^[+-]/.test(text)) {
    for (const w of text.split('|')) {
      const bit = flagBit(w, names);
      if (bit < 0) throw new FlowParseError('OF_TEXT_BAD_VALUE', `${what}: unknown flag ${JSON.stringify(w)}`, pos);
      v |= bit;
    }
    return { v, m: -1 };
  }
  const re = /([+-])([a-z_]+|\[[0-9a-fA-F]+\])/gy;
  let match: RegExpExecArray | null;
  let consumed = 0;
  while ((match = re.exec(text))) {
    const bit = flagBit(match[2]!, names);
    if (bit < 0)
      throw new FlowParseError(
        'OF_TEXT_BAD_VALUE',
        `${what}: unknown flag ${JSON.stringify(match[2])}`,
        pos + match.index,
      );
    if (match[1] === '+') v |= bit;
    m |= bit;
    consumed = re.lastIndex;
  }
  if (consumed !== text.length)
    throw new FlowParseError('OF_TEXT_BAD_VALUE', `${what}: cannot parse ${JSON.stringify(text)}`, pos + consumed);
  return { v, m };
}

/**
 * The value (and mask) of `def` from its text, e.g. `10.0.0.0/8`, `0x5/0xff`, `+trk-new`.
 * `version` picks the width of `in_port` and port names.
 */
export function parseFieldValue(def: FieldDef, text: string, pos: number): { value: Uint8Array; mask?: Uint8Array } {
  const n = def.bytes;
  const slash = def.format === 'packetType' ? -1 : text.indexOf('/');
  const vText = slash >= 0 ? text.slice(0, slash) : text;
  const mText = slash >= 0 ? text.slice(slash + 1) : undefined;
  const noMask = (): void => {
    if (mText !== undefined && !def.maskable)
      throw new FlowParseError('OF_TEXT_BAD_VALUE', `${def.name} cannot be masked`, pos + slash);
  };
  switch (def.format) {
    case 'eth': {
      noMask();
      const value = parseMac(vText, pos);
      return mText === undefined ? { value } : { value, mask: parseMac(mText, pos + slash + 1) };
    }
    case 'ipv4':
    case 'ipv6': {
      noMask();
      const p = def.format === 'ipv4' ? parseIpv4 : parseIpv6;
      const value = p(vText, pos);
      if (mText === undefined) return { value };
      const mask = /^\d+$/.test(mText) ? prefixMask(Number(mText), n, pos + slash + 1) : p(mText, pos + slash + 1);
      return { value, mask };
    }
    case 'port10':
    case 'port': {
      noMask();
      const v = def.format === 'port10' ? parsePort16(vText, pos) : parsePort32(vText, pos);
      return { value: bigIntToBytes(BigInt(v), n) };
    }
    case 'ctState':
    case 'tcpFlags':
    case 'tunFlags': {
      const names =
        def.format === 'ctState' ? CT_STATE_NAMES : def.format === 'tcpFlags' ? TCP_FLAG_NAMES : TUN_FLAG_NAMES;
      const all = def.format === 'ctState' ? 0xff : def.format === 'tcpFlags' ? 0x0fff : 0xffff;
      const f = parseFlags(text, names, pos, def.name);
      const value = bigIntToBytes(BigInt(f.v >>> 0), n);
      if (f.m === -1)
        return def.format === 'tunFlags'
          ? { value, mask: bigIntToBytes(1n, n) }
          : def.format === 'ctState'
            ? { value, mask: bigIntToBytes(0xffn, n) }
            : { value };
      void all;
      return { value, mask: bigIntToBytes(BigInt(f.m >>> 0), n) };
    }
    case 'frag': {
      const words: Record<string, [number, number]> = {
        no: [0, 3],
        yes: [1, 1],
        first: [1, 3],
        later: [3, 3],
        not_later: [0, 2],
      };
      const w = words[text];
      if (!w) {
        if (/^[0-9]/.test(vText)) {
          const value = bigIntToBytes(parseUint(vText, 8, pos), 1);
          return mText === undefined ? { value } : { value, mask: bigIntToBytes(parseUint(mText, 8, pos), 1) };
        }
        throw new FlowParseError('OF_TEXT_BAD_VALUE', `ip_frag: unknown value ${JSON.stringify(text)}`, pos);
      }
      return { value: Uint8Array.of(w[0]), mask: Uint8Array.of(w[1]) };
    }
    case 'packetType': {
      const m = /^\(\s*(\w+)\s*,\s*(\w+)\s*\)$/.exec(text);
      if (!m)
        throw new FlowParseError(
          'OF_TEXT_BAD_VALUE',
          `packet_type: expected (ns,type), got ${JSON.stringify(text)}`,
          pos,
        );
      const ns = parseNum(m[1]!, 16, pos, 'packet_type');
      const t = parseNum(m[2]!, 16, pos, 'packet_type');
      return { value: Uint8Array.of(ns >> 8, ns & 0xff, t >> 8, t & 0xff) };
    }
    case 'dec':
    case 'hex':
    default: {
      noMask();
      const variable = def.name.startsWith('tun_metadata');
      const bits = variable ? n * 8 : def.usedBits;
      const v = parseUint(vText, bits, pos, def.name);
      const m = mText === undefined ? undefined : parseUint(mText, bits, pos + slash + 1, def.name);
      let len = n;
      if (variable) {
        const need = (x: bigint): number => (x === 0n ? 0 : Math.ceil(x.toString(16).length / 2));
        len = Math.max(need(v), m === undefined ? 0 : need(m));
      }
      const value = bigIntToBytes(m === undefined ? v : v & m, len);
      return m === undefined ? { value } : { value, mask: bigIntToBytes(m, len) };
    }
  }
}
