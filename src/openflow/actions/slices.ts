import type { ByteReader, ByteWriter } from '../../wire/index.js';
import { defaultCodePoint, fieldByCode, fieldByName, OFPXMC, type FieldDef } from '../match/fields.js';
import { fieldNBits } from '../match/widths.js';
import type { FieldSlice } from './types.js';
import { ActionError } from './errors.js';

/**
 * NXM/OXM headers as Nicira actions carry them (a 32-bit `class:field:hasmask:length` word that
 * names a field without a value), and their text form `NXM_NX_REG0[4..31]`.
 */

/** The 32-bit header that names a field (hasmask 0, length = field width). */
const headerCache = new Map<string, number>();

export function fieldHeader(name: string): number {
  const h = headerCache.get(name);
  if (h !== undefined) return h;
  const v = computeHeader(name);
  headerCache.set(name, v);
  return v;
}

function computeHeader(name: string): number {
  const def = fieldByName(name);
  if (!def) throw new ActionError('OF_ACTION_BAD_ARGUMENT', `unknown field ${JSON.stringify(name)}`);
  const cp =
    def.codePoints.find((c) => c.since === undefined) ?? def.codePoints.find((c) => c.cls !== OFPXMC.EXPERIMENTER);
  if (!cp) throw new ActionError('OF_ACTION_BAD_ARGUMENT', `field ${name} has no 4-byte NXM/OXM header`);
  return ((cp.cls << 16) | (cp.field << 9) | def.bytes) >>> 0;
}

/**
 * The header OVS writes for a field in a given version (nx_put_mff_header(field, version)): the
 * code point that version prefers (OXM_OF_* from OpenFlow 1.2 on), as copy_field carries it in
 * OpenFlow 1.5 and the ONF copy_field in 1.3. Falls back to {@link fieldHeader} (NXM, as
 * NXAST_REG_MOVE writes with version 0) when the preferred code point is an experimenter one.
 */
export function fieldHeaderFor(name: string, version: number): number {
  const def = fieldByName(name);
  const cp = def ? defaultCodePoint(def, version) : undefined;
  if (!def || !cp || cp.cls === OFPXMC.EXPERIMENTER) return fieldHeader(name);
  return ((cp.cls << 16) | (cp.field << 9) | def.bytes) >>> 0;
}

/** The field a 32-bit header names. */
export function fieldFromHeader(h: number, at: number): FieldDef {
  const cls = h >>> 16;
  const field = (h >>> 9) & 0x7f;
  const hit = fieldByCode(cls, field);
  if (!hit || cls === OFPXMC.EXPERIMENTER) {
    throw new ActionError('OF_ACTION_BAD_ARGUMENT', `unknown field header 0x${h.toString(16).padStart(8, '0')}`, at);
  }
  return hit.def;
}

/** Width in bits that a slice may address: OVS's n_bits (ip_ecn 2, vlan_vid 12; tun_metadata: full 124 bytes). */
export function fieldBits(def: FieldDef): number {
  return fieldNBits(def);
}

/** Checks that ofs + nBits fits the field. */
export function checkSlice(s: FieldSlice, at = -1): void {
  const def = fieldByName(s.field);
  if (!def) throw new ActionError('OF_ACTION_BAD_ARGUMENT', `unknown field ${JSON.stringify(s.field)}`, at);
  if (
    !Number.isInteger(s.ofs) ||
    !Number.isInteger(s.nBits) ||
    s.ofs < 0 ||
    s.nBits < 1 ||
    s.ofs + s.nBits > fieldBits(def)
  ) {
    throw new ActionError(
      'OF_ACTION_BAD_SET_ARGUMENT',
      `${s.field}[${s.ofs}..${s.ofs + s.nBits - 1}] is outside the ${fieldBits(def)}-bit field`,
      at,
    );
  }
}

/** Reads `ofs_nbits` (ofs << 6 | n_bits - 1) and a header. */
export function sliceFromOfsNbits(ofsNbits: number, header: number, at: number): FieldSlice {
  const def = fieldFromHeader(header, at);
  const s = { field: def.name, ofs: ofsNbits >>> 6, nBits: (ofsNbits & 0x3f) + 1 };
  checkSlice(s, at);
  return s;
}

export function ofsNbits(s: FieldSlice): number {
  return (s.ofs << 6) | (s.nBits - 1);
}

export function readHeader(r: ByteReader): number {
  return r.u32();
}

export function writeHeader(w: ByteWriter, field: string): void {
  w.u32(fieldHeader(field));
}

/** The name ovs-ofctl uses for a field inside `[...]` subfield syntax: its NXM name, else OXM name. */
export function subfieldName(field: string): string {
  const def = fieldByName(field);
  if (!def) return field;
  const nxm = def.codePoints.find((c) => c.since === undefined);
  return (nxm ?? def.codePoints[0])?.name ?? def.name;
}

/** `NXM_NX_REG0[]`, `NXM_NX_REG0[5]`, `NXM_NX_REG0[4..31]`. */
export function formatSlice(s: FieldSlice): string {
  const def = fieldByName(s.field);
  const whole = def !== undefined && s.ofs === 0 && s.nBits === fieldBits(def);
  const name = subfieldName(s.field);
  if (whole) return `${name}[]`;
  if (s.nBits === 1) return `${name}[${s.ofs}]`;
  return `${name}[${s.ofs}..${s.ofs + s.nBits - 1}]`;
}
