import type { ByteReader, ByteWriter } from '../../wire/index.js';
import type { OfVersion } from '../version.js';
import type { Match, MatchField } from './types.js';
import { MatchError } from './errors.js';
import {
  defaultCodePoint,
  FIELD_INDEX,
  FIELDS,
  fieldByCode,
  fieldByCodePointName,
  fieldByName,
  OFPXMC,
  type CodePoint,
  type CodePointHit,
  type FieldDef,
  type Prereq,
} from './fields.js';

/** ofp_match_type (OpenFlow 1.5.1 §7.2.3.1). */
export const OFPMT = {
  STANDARD: 0, // OF1.1 fixed match (deprecated)
  OXM: 1,
} as const;

/** Header bytes of one TLV: 4, plus 4 for an experimenter id. */
function tlvHeaderBytes(cls: number): number {
  return cls === OFPXMC.EXPERIMENTER ? 8 : 4;
}

interface Resolved {
  readonly cls: number;
  readonly field: number;
  readonly experimenter: number | undefined;
  readonly def: FieldDef | undefined;
  readonly variable: boolean;
  /** Bytes of the TLV header: 4, or 8 with an experimenter id. */
  readonly hdr: number;
  /** FIELD_INDEX of the name the match field used (-1 for aliases and unknown fields). */
  readonly index: number;
  /** FIELD_INDEX of that field's prerequisite fields. */
  readonly prereqs: readonly number[];
}

/** Resolutions by code point name + field name, and by field name per OpenFlow version (no allocation per field). */
const byCpName = new Map<string, Resolved>();
const byVersion: Map<string, Resolved>[] = [];
const NO_PREREQS: readonly number[] = [];

function resolved(
  cls: number,
  field: number,
  experimenter: number | undefined,
  def: FieldDef | undefined,
  name: string,
): Resolved {
  const index = FIELD_INDEX.get(name) ?? -1;
  return {
    cls,
    field,
    experimenter,
    def,
    variable: def === undefined || def.name.startsWith('tun_metadata'),
    hdr: tlvHeaderBytes(cls),
    index,
    prereqs: index >= 0 ? PREREQ_INDEX[index]! : NO_PREREQS,
  };
}

function resolve(f: MatchField, version: number): Resolved {
  if (f.field === 'unknown') {
    if (!f.header) throw new MatchError('OF_MATCH_BAD_FIELD', "field 'unknown' needs a header");
    return resolved(f.header.cls, f.header.field, f.header.experimenter, undefined, 'unknown');
  }
  if (f.codePoint !== undefined) {
    // keyed by code point and field name: the pair is checked once, then found in one lookup
    const key = `${f.codePoint} ${f.field}`;
    let hit = byCpName.get(key);
    if (hit === undefined) {
      const x = fieldByCodePointName(f.codePoint);
      if (!x) throw new MatchError('OF_MATCH_BAD_FIELD', `unknown code point ${f.codePoint}`);
      if (x.def.name !== f.field && fieldByName(f.field) !== x.def) {
        throw new MatchError('OF_MATCH_BAD_FIELD', `code point ${f.codePoint} is not a code point of ${f.field}`);
      }
      hit = resolved(x.cp.cls, x.cp.field, x.cp.experimenter, x.def, f.field);
      if (byCpName.size > 4096) byCpName.clear();
      byCpName.set(key, hit);
    }
    return hit;
  }
  const cache = (byVersion[version] ??= new Map());
  let hit = cache.get(f.field);
  if (hit === undefined) {
    const def = fieldByName(f.field);
    if (!def) throw new MatchError('OF_MATCH_UNKNOWN_FIELD', `unknown match field ${JSON.stringify(f.field)}`);
    const cp: CodePoint | undefined = defaultCodePoint(def, version);
    if (!cp) throw new MatchError('OF_MATCH_BAD_FIELD', `field ${f.field} has no NXM/OXM code point`);
    hit = resolved(cp.cls, cp.field, cp.experimenter, def, f.field);
    cache.set(f.field, hit);
  }
  return hit;
}

function checkWidths(f: MatchField, r: Resolved): void {
  if (f.mask && f.mask.length !== f.value.length) {
    throw new MatchError('OF_MATCH_BAD_MASK', `${f.field}: mask is ${f.mask.length} bytes, value ${f.value.length}`);
  }
  const def = r.def;
  if (!def) return;
  if (r.variable ? f.value.length > def.bytes : f.value.length !== def.bytes) {
    throw new MatchError('OF_MATCH_BAD_WIDTH', `${f.field} is ${def.bytes} bytes wide, got ${f.value.length}`);
  }
  if (f.mask && !def.maskable) throw new MatchError('OF_MATCH_BAD_MASK', `${f.field} cannot be masked`);
}

function payloadBytes(f: MatchField): number {
  return f.value.length * (f.mask ? 2 : 1);
}

const PREREQ_FIELDS: Readonly<Record<Prereq, readonly string[]>> = {
  none: [],
  ct: [],
  vlan: ['vlan_vid', 'vlan_tci'],
  ipv4: ['eth_type'],
  ipv6: ['eth_type'],
  ip: ['eth_type'],
  arp: ['eth_type'],
  mpls: ['eth_type'],
  nsh: ['eth_type'],
  tcp: ['eth_type', 'nw_proto'],
  udp: ['eth_type', 'nw_proto'],
  sctp: ['eth_type', 'nw_proto'],
  icmp: ['eth_type', 'nw_proto'],
  icmpv6: ['eth_type', 'nw_proto'],
  nd: ['eth_type', 'nw_proto', 'icmpv6_type', 'icmpv6_code'],
  ndSolicit: ['eth_type', 'nw_proto', 'icmpv6_type', 'icmpv6_code'],
  ndAdvert: ['eth_type', 'nw_proto', 'icmpv6_type', 'icmpv6_code'],
};

const seenStamp = new Int32Array(FIELDS.length);
let stampGen = 0;
/** A fresh generation number for `seenStamp` (restarting before Int32 overflow). */
function nextStamp(): number {
  if (stampGen >= 0x7ffffff0) {
    seenStamp.fill(0);
    stampGen = 0;
  }
  return ++stampGen;
}
/** For each field (by FIELD_INDEX), the indices of the fields that are its prerequisites. */
const PREREQ_INDEX: readonly (readonly number[])[] = FIELDS.map((f) => PREREQ_FIELDS_OF(f.prereq));
function PREREQ_FIELDS_OF(p: Prereq): number[] {
  return PREREQ_FIELDS[p].map((n) => FIELD_INDEX.get(n)!).filter((x) => x !== undefined);
}
function presentIn(m: Match, idx: number, from: number): boolean {
  const name = FIELDS[idx]!.name;
  for (let j = from; j < m.length; j++) if (m[j]!.field === name) return true;
  return false;
}
/** Whether one of `m[i]`'s prerequisites (`pre`), not yet seen in generation `g`, comes after it. */
function prereqComesLater(m: Match, i: number, pre: readonly number[], g: number): boolean {
  for (let k = 0; k < pre.length; k++) {
    const p = pre[k]!;
    if (seenStamp[p] !== g && presentIn(m, p, i + 1)) return true;
  }
  return false;
}

/**
 * OXM requires a field's prerequisites to come before it (OpenFlow 1.5.1 §7.2.3.6; OVS rejects
 * the match otherwise with OFPBMC_BAD_PREREQ). Returns `m` itself when already in a valid order,
 * else a copy where each prerequisite field is moved just before its first dependent.
 */
export function orderForPrereqs(m: Match): Match {
  // fast path: one pass with a generation stamp per field, no allocation
  const g = nextStamp();
  let ok = true;
  for (let i = 0; i < m.length && ok; i++) {
    const idx = FIELD_INDEX.get(m[i]!.field);
    if (idx === undefined) continue;
    if (prereqComesLater(m, i, PREREQ_INDEX[idx]!, g)) ok = false;
    seenStamp[idx] = g;
  }
  if (ok) return m;
  const out: MatchField[] = [];
  const done = new Set<MatchField>();
  void FIELDS;
  const place = (f: MatchField): void => {
    if (done.has(f)) return;
    done.add(f);
    const def = fieldByName(f.field);
    for (const p of def ? PREREQ_FIELDS[def.prereq] : []) {
      const dep = m.find((x) => x.field === p);
      if (dep) place(dep);
    }
    out.push(f);
  };
  for (const f of m) place(f);
  return out;
}

/** Bytes of the raw OXM/NXM TLVs (no ofp_match header, no padding). */
export function oxmFieldsLength(m: Match, version: number = 0x01): number {
  let n = 0;
  for (let i = 0; i < m.length; i++) {
    const f = m[i]!;
    n += resolve(f, version).hdr + payloadBytes(f);
  }
  return n;
}

/** Bytes of one raw OXM/NXM TLV (as set_field and NXAST_REG_LOAD2 carry it). */
export function oxmFieldLength(f: MatchField, version: number = 0x01): number {
  return resolve(f, version).hdr + payloadBytes(f);
}

/**
 * Writes the raw OXM/NXM TLVs of a match (as NXT_* messages and set_field carry them).
 * Without `version`, fields that have both code points use NXM.
 * @throws MatchError OF_MATCH_UNKNOWN_FIELD, OF_MATCH_BAD_WIDTH, OF_MATCH_BAD_MASK, OF_MATCH_BAD_FIELD
 */
export function writeOxmFields(w: ByteWriter, m: Match, version: number = 0x01): void {
  // One pass that writes while checking prerequisite order (a generation stamp per field seen);
  // a field whose prerequisite only comes later makes it start over with orderForPrereqs' order.
  const start = w.offset;
  const g = nextStamp();
  for (let i = 0; i < m.length; i++) {
    const f = m[i]!;
    const r = resolve(f, version);
    if (prereqComesLater(m, i, r.prereqs, g)) {
      w.offset = start;
      const ordered = orderForPrereqs(m);
      for (let j = 0; j < ordered.length; j++) writeTlv(w, ordered[j]!, version);
      return;
    }
    if (r.index >= 0) seenStamp[r.index] = g;
    writeResolvedTlv(w, f, r);
  }
}

/** Writes one raw OXM/NXM TLV. @throws MatchError as {@link writeOxmFields} */
export function writeOxmField(w: ByteWriter, f: MatchField, version: number = 0x01): void {
  writeTlv(w, f, version);
}

function writeTlv(w: ByteWriter, f: MatchField, version: number): void {
  writeResolvedTlv(w, f, resolve(f, version));
}

function writeResolvedTlv(w: ByteWriter, f: MatchField, r: Resolved): void {
  checkWidths(f, r);
  const value = f.value;
  const mask = f.mask;
  const vlen = value.length;
  const len = (mask ? 2 * vlen : vlen) + r.hdr - 4;
  if (len > 0xff) throw new MatchError('OF_MATCH_BAD_WIDTH', `${f.field}: TLV payload ${len} exceeds 255 bytes`);
  let o = w.offset;
  if (r.def === undefined || o + 4 + len > w.end) {
    // a caller-given header (range-checked by the writer), or does not fit: the writer reports it
    w.u16(r.cls)
      .u8((r.field << 1) | (mask ? 1 : 0))
      .u8(len);
    if (r.cls === OFPXMC.EXPERIMENTER) w.u32(r.experimenter ?? 0);
    w.bytes(value);
    if (mask) w.bytes(mask);
    return;
  }
  // OpenFlow 1.5.1 §7.2.3.2: class(16) | field(7) | hasmask(1) | length(8)
  const b = w.buf;
  const cls = r.cls;
  b[o] = cls >>> 8;
  b[o + 1] = cls & 0xff;
  b[o + 2] = ((r.field << 1) | (mask ? 1 : 0)) & 0xff;
  b[o + 3] = len;
  o += 4;
  if (cls === OFPXMC.EXPERIMENTER) {
    const x = (r.experimenter ?? 0) >>> 0;
    b[o] = x >>> 24;
    b[o + 1] = (x >>> 16) & 0xff;
    b[o + 2] = (x >>> 8) & 0xff;
    b[o + 3] = x & 0xff;
    o += 4;
  }
  for (let i = 0; i < vlen; i++) b[o++] = value[i]!;
  if (mask) for (let i = 0; i < vlen; i++) b[o++] = mask[i]!;
  w.offset = o;
}

/**
 * fieldByCode for the four non-experimenter classes, as an array indexed by class slot (OXM basic,
 * NXM_1, NXM_0, packet registers) and field number: one indexed load per TLV instead of a Map lookup.
 */
const BY_CLASS_FIELD: (CodePointHit | undefined)[] = Array.from({ length: 4 * 128 }, (_, i) => {
  const cls = [OFPXMC.OPENFLOW_BASIC, OFPXMC.NXM_1, OFPXMC.NXM_0, OFPXMC.PACKET_REGS][i >> 7]!;
  return fieldByCode(cls, i & 0x7f);
});

/** How a match is read. */
export interface ReadMatchOptions {
  /**
   * OVS's loose reading (nx-match.c `oxm_pull_match_loose`, used for the OpenFlow 1.5 packet-out
   * match): a TLV whose header names no field *at that length* (a known class and field number
   * with the wrong length for a fixed-width field, e.g. a trailing all-zero header, which is
   * NXM_OF_IN_PORT with length 0) is skipped by OVS instead of failing with OFPBMC_BAD_FIELD.
   * Here such a TLV is kept as `field: 'unknown'` with its header, so the message re-encodes to
   * the same bytes; everything else (truncation, duplicates, bad masks) fails as in strict mode.
   */
  readonly loose?: boolean;
}

/**
 * Reads `byteLength` bytes of OXM/NXM TLVs. Values and masks are views into the input.
 * Known fields must have their declared width (tun_metadata: 1..124 bytes) and may be masked only
 * if maskable; a field may appear once. Unknown code points are kept as `field: 'unknown'`, and
 * with `loose`, so are known code points whose length does not fit a fixed-width field.
 * @throws MatchError OF_MATCH_BAD_LEN, OF_MATCH_BAD_WIDTH, OF_MATCH_BAD_MASK, OF_MATCH_DUP_FIELD
 */
export function readOxmFields(r: ByteReader, byteLength: number, opts?: ReadMatchOptions): Match {
  const start = r.offset;
  if (byteLength < 0 || byteLength > r.remaining) {
    throw new MatchError('OF_MATCH_BAD_LEN', `match fields claim ${byteLength} bytes, ${r.remaining} left`, start);
  }
  const end = start + byteLength;
  const out: MatchField[] = [];
  const g = nextStamp();
  const b = r.buf;
  let o = start;
  while (o < end) {
    const at = o;
    if (end - at < 4) throw new MatchError('OF_MATCH_BAD_LEN', `${end - at} trailing bytes in match`, at);
    // OpenFlow 1.5.1 §7.2.3.2: class(16) | field(7) | hasmask(1) | length(8)
    const cls = (b[o]! << 8) | b[o + 1]!;
    const fb = b[o + 2]!;
    const len = b[o + 3]!;
    o += 4;
    const field = fb >>> 1;
    const hasMask = (fb & 1) === 1;
    if (at + 4 + len > end)
      throw new MatchError('OF_MATCH_BAD_LEN', `field TLV of ${len} bytes overruns the match`, at);
    let experimenter: number | undefined;
    let plen = len;
    if (cls === OFPXMC.EXPERIMENTER) {
      if (len < 4) throw new MatchError('OF_MATCH_BAD_LEN', `experimenter OXM with length ${len} < 4`, at);
      experimenter = (b[o]! * 0x1000000 + ((b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!)) >>> 0;
      o += 4;
      plen -= 4;
    }
    if (hasMask && plen % 2 !== 0) throw new MatchError('OF_MATCH_BAD_LEN', `masked field with odd length ${plen}`, at);
    const vlen = hasMask ? plen / 2 : plen;
    const value = new Uint8Array(b.buffer, b.byteOffset + o, vlen);
    o += vlen;
    let mask: Uint8Array | undefined;
    if (hasMask) {
      mask = new Uint8Array(b.buffer, b.byteOffset + o, vlen);
      o += vlen;
    }
    const ci =
      cls === OFPXMC.OPENFLOW_BASIC
        ? 0
        : cls === OFPXMC.NXM_1
          ? 1
          : cls === OFPXMC.NXM_0
            ? 2
            : cls === OFPXMC.PACKET_REGS
              ? 3
              : -1;
    let hit = ci >= 0 ? BY_CLASS_FIELD[(ci << 7) | field] : fieldByCode(cls, field, experimenter);
    // OVS looks fields up by header including the length: a fixed-width field at another length
    // is no field at all, which the loose reading skips (nxm_field_by_header, nx_pull_raw)
    if (hit && !hit.variable && vlen !== hit.def.bytes && opts?.loose === true) hit = undefined;
    let mf: MatchField;
    if (!hit) {
      const header = experimenter !== undefined ? { cls, field, experimenter } : { cls, field };
      mf = mask ? { field: 'unknown', value, mask, header } : { field: 'unknown', value, header };
    } else {
      const def = hit.def;
      if (hit.variable ? vlen > def.bytes : vlen !== def.bytes) {
        throw new MatchError('OF_MATCH_BAD_WIDTH', `${hit.cp.name} is ${def.bytes} bytes wide, got ${vlen}`, at);
      }
      if (hasMask && !def.maskable) throw new MatchError('OF_MATCH_BAD_MASK', `${hit.cp.name} cannot be masked`, at);
      if (seenStamp[hit.index] === g) throw new MatchError('OF_MATCH_DUP_FIELD', `${def.name} appears twice`, at);
      seenStamp[hit.index] = g;
      mf = mask
        ? { field: def.name, value, mask, codePoint: hit.cp.name }
        : { field: def.name, value, codePoint: hit.cp.name };
    }
    out.push(mf);
  }
  r.offset = end;
  return out;
}

/** Zero padding without Buffer#fill (slow for a few bytes). */
function pad(w: ByteWriter, n: number): void {
  if (n <= 0) return;
  if (w.offset + n > w.end)
    throw new MatchError('OF_MATCH_BAD_LEN', `write of ${n} padding bytes past the end of the buffer`, w.offset);
  const b = w.buf;
  let o = w.offset;
  for (let i = 0; i < n; i++) b[o++] = 0;
  w.offset = o;
}

/** Bytes of a whole ofp_match: 4-byte header, the fields, padding to a multiple of 8. */
export function matchLength(m: Match, version: OfVersion): number {
  return (4 + oxmFieldsLength(m, version) + 7) & ~7;
}

/**
 * Writes a whole OXM ofp_match (OpenFlow 1.5.1 §7.2.3.1): type, length (without padding), fields,
 * zero padding to 8.
 */
export function writeMatch(w: ByteWriter, m: Match, version: OfVersion): void {
  const start = w.offset;
  w.u16(OFPMT.OXM);
  w.u16(0); // length, patched below
  writeOxmFields(w, m, version);
  const len = w.offset - start;
  w.patchU16(start + 2, len);
  pad(w, ((len + 7) & ~7) - len);
}

/**
 * Reads a whole OXM ofp_match, consuming header, fields and padding. `opts.loose` reads it as OVS
 * reads the OpenFlow 1.5 packet-out match (see {@link ReadMatchOptions}).
 * @throws MatchError OF_MATCH_BAD_TYPE (not OFPMT_OXM), OF_MATCH_BAD_LEN, and those of {@link readOxmFields}
 */
export function readMatch(r: ByteReader, version: OfVersion, opts?: ReadMatchOptions): Match {
  void version;
  const at = r.offset;
  if (r.remaining < 4) throw new MatchError('OF_MATCH_BAD_LEN', 'truncated ofp_match header', at);
  const type = r.u16();
  const len = r.u16();
  if (type !== OFPMT.OXM) throw new MatchError('OF_MATCH_BAD_TYPE', `ofp_match type ${type} is not OFPMT_OXM`, at);
  if (len < 4) throw new MatchError('OF_MATCH_BAD_LEN', `ofp_match length ${len} < 4`, at);
  const padded = (len + 7) & ~7;
  if (padded - 4 > r.remaining)
    throw new MatchError('OF_MATCH_BAD_LEN', `ofp_match length ${len} overruns the message`, at);
  const m = readOxmFields(r, len - 4, opts);
  r.skip(padded - len);
  return m;
}

export { readMatch10, writeMatch10 } from './match10.js';
