/**
 * NXAST_ENCAP / NXAST_DECAP (OVS nicira-ext.h, lib/ofp-ed-props.c): generic encapsulation and
 * decapsulation of a packet header, with the NSH properties OVS defines (MD type, MD2 TLVs).
 *
 * On the wire both are Nicira experimenter actions; the action codec carries them as
 * `{ type: 'experimenter', experimenter: 0x2320, data }` (subtype first in `data`). This module
 * gives their typed view, builds them, and prints the ovs-ofctl text (parsed by openflow/text):
 * `encap(ethernet)`, `encap(mpls)`, `encap(mpls_mc)`, `encap(nsh(md_type=2,tlv(0x1000,10,0x12)))`,
 * `decap()`, `decap(packet_type(ns=1,type=0x894f))`.
 */
import { ByteReader, ByteWriter } from '../../wire/index.js';
import { bytesToBigInt } from '../match/text-values.js';
import { ActionError } from './errors.js';
import type { Action } from './types.js';

/** Nicira vendor id and the two subtypes (OVS include/openflow/nicira-ext.h). */
export const NXAST_ENCAP = 46;
export const NXAST_DECAP = 47;
const NX_VENDOR_ID = 0x00002320;

/** Encap property class and types (OVS lib/ofp-ed-props.h: OFPPPC_NSH, OFPPPT_PROP_NSH_*). */
const OFPPPC_NSH = 4;
const OFPPPT_NSH_MDTYPE = 1;
const OFPPPT_NSH_TLV = 2;

/** The header types encap() accepts, as packet types (namespace << 16 | type). */
export const ENCAP_HEADERS = {
  ethernet: 0x00000000,
  nsh: 0x0001894f,
  mpls: 0x00018847,
  mpls_mc: 0x00018848,
} as const;
export type EncapHeader = keyof typeof ENCAP_HEADERS;

/** decap()'s default packet type: "use the next protocol field" (OVS PT_USE_NEXT_PROTO). */
const PT_USE_NEXT_PROTO = 0x0000fffe;

/** One NSH MD type 2 TLV: class, type and value bytes (1..255 bytes). */
export interface NshTlv {
  readonly tlvClass: number;
  readonly tlvType: number;
  readonly value: Uint8Array;
}

/** encap(): the header to push; NSH may carry its MD type and MD2 TLVs. */
export interface EncapSpec {
  readonly kind: 'encap';
  readonly header: EncapHeader;
  /** nx_action_encap.hdr_size; 0 (unspecified) unless a peer sent otherwise. */
  readonly hdrSize?: number;
  /** NSH: MD type (1 or 2 from text; any byte when decoded). */
  readonly mdType?: number;
  /** NSH: MD type 2 TLVs, in order. */
  readonly tlvs?: readonly NshTlv[];
}

/** decap(): `packetType` absent means "from the next-protocol field" (what OVS prints as decap()). */
export interface DecapSpec {
  readonly kind: 'decap';
  readonly packetType?: { readonly ns: number; readonly type: number };
}

const bad = (msg: string): never => {
  throw new ActionError('OF_ACTION_BAD_ARGUMENT', msg);
};

/**
 * The typed view of an encap / decap action, or undefined when `a` is not one.
 * @throws ActionError OF_ACTION_BAD_ARGUMENT / OF_ACTION_BAD_LEN where OVS rejects the bytes
 *   (unknown header type, property of another class, malformed property)
 */
export function encapFromAction(a: Action): EncapSpec | DecapSpec | undefined {
  if (a.type !== 'experimenter' || a.experimenter !== NX_VENDOR_ID || a.data.length < 8) return undefined;
  const r = new ByteReader(a.data);
  const subtype = r.u16();
  if (subtype === NXAST_DECAP) {
    if (a.data.length !== 8) throw new ActionError('OF_ACTION_BAD_LEN', `decap: ${a.data.length + 8} bytes, want 16`);
    r.skip(2);
    const pt = r.u32();
    return pt === PT_USE_NEXT_PROTO
      ? { kind: 'decap' }
      : { kind: 'decap', packetType: { ns: pt >>> 16, type: pt & 0xffff } };
  }
  if (subtype !== NXAST_ENCAP) return undefined;
  const hdrSize = r.u16();
  const pt = r.u32();
  const header = (Object.keys(ENCAP_HEADERS) as EncapHeader[]).find((k) => ENCAP_HEADERS[k] === pt);
  if (!header) return bad(`encap: header type 0x${pt.toString(16)} not supported (NXBAC_BAD_HEADER_TYPE)`);
  let mdType: number | undefined;
  const tlvs: NshTlv[] = [];
  while (r.remaining) {
    if (r.remaining < 4) throw new ActionError('OF_ACTION_BAD_LEN', 'encap: truncated property header');
    const cls = r.u16();
    const type = r.u8();
    const len = r.u8();
    const padded = (len + 7) & ~7;
    if (len < 4 || padded - 4 > r.remaining)
      throw new ActionError('OF_ACTION_BAD_LEN', `encap: property length ${len}`);
    // OVS decodes the NSH properties whatever the header (only its text parser ties them to nsh)
    if (cls !== OFPPPC_NSH) bad(`encap(${header}): property class ${cls} not supported`);
    const body = r.sub(padded - 4);
    if (type === OFPPPT_NSH_MDTYPE) {
      if (len > 8) throw new ActionError('OF_ACTION_BAD_LEN', `encap: md_type property length ${len}`);
      mdType = body.u8();
    } else if (type === OFPPPT_NSH_TLV) {
      if (len < 8) throw new ActionError('OF_ACTION_BAD_LEN', `encap: tlv property length ${len}`);
      const tlvClass = body.u16();
      const tlvType = body.u8();
      const tlvLen = body.u8();
      if (8 + tlvLen > padded)
        throw new ActionError('OF_ACTION_BAD_LEN', `encap: tlv length ${tlvLen} overruns its property`);
      tlvs.push({ tlvClass, tlvType, value: body.bytes(tlvLen) });
    } else {
      bad(`encap(nsh): property type ${type} not supported`);
    }
  }
  const spec: { -readonly [K in keyof EncapSpec]: EncapSpec[K] } = { kind: 'encap', header };
  if (hdrSize) spec.hdrSize = hdrSize;
  if (mdType !== undefined) spec.mdType = mdType;
  if (tlvs.length) spec.tlvs = tlvs;
  return spec;
}

/**
 * Builds the action (a Nicira experimenter action) for an encap / decap spec, laid out as OVS
 * encodes it: md_type property of length 5 in 8 bytes, each TLV property padded to 8.
 * @throws ActionError OF_ACTION_BAD_ARGUMENT for values out of range (md_type over 255, TLV value
 *   over 255 bytes)
 */
export function encapToAction(spec: EncapSpec | DecapSpec): Action {
  const w = ByteWriter.alloc(
    8 + 8 + 8 + (spec.kind === 'encap' ? (spec.tlvs ?? []).reduce((n, t) => n + 16 + t.value.length, 0) : 0),
  );
  if (spec.kind === 'decap') {
    const pt = spec.packetType
      ? ((spec.packetType.ns & 0xffff) * 0x10000 + (spec.packetType.type & 0xffff)) >>> 0
      : PT_USE_NEXT_PROTO;
    w.u16(NXAST_DECAP).u16(0).u32(pt);
    return { type: 'experimenter', experimenter: NX_VENDOR_ID, data: w.written() };
  }
  const pt = ENCAP_HEADERS[spec.header];
  if (pt === undefined) bad(`encap: unknown header ${String(spec.header)}`);
  w.u16(NXAST_ENCAP)
    .u16(spec.hdrSize ?? 0)
    .u32(pt);
  if (spec.mdType !== undefined) {
    if (!Number.isInteger(spec.mdType) || spec.mdType < 0 || spec.mdType > 255)
      bad(`encap: md_type ${spec.mdType} is not a byte`);
    w.u16(OFPPPC_NSH).u8(OFPPPT_NSH_MDTYPE).u8(5).u8(spec.mdType).zeros(3);
  }
  for (const t of spec.tlvs ?? []) {
    if (t.value.length > 255) bad(`encap(nsh): tlv value of ${t.value.length} bytes (at most 255)`);
    const len = (8 + t.value.length + 7) & ~7;
    w.u16(OFPPPC_NSH).u8(OFPPPT_NSH_TLV).u8(len).u16(t.tlvClass).u8(t.tlvType).u8(t.value.length).bytes(t.value);
    w.zeros(len - 8 - t.value.length);
  }
  return { type: 'experimenter', experimenter: NX_VENDOR_ID, data: w.written() };
}

/** OVS ds_put_hex: "0x" and the bytes as one number without leading zeros; "0" when all zero. */
function hexValue(b: Uint8Array): string {
  const n = bytesToBigInt(b);
  return n ? `0x${n.toString(16)}` : '0';
}

/** The ovs-ofctl text of an encap / decap spec. */
export function formatEncap(spec: EncapSpec | DecapSpec): string {
  if (spec.kind === 'decap') {
    const t = spec.packetType?.type;
    return spec.packetType
      ? `decap(packet_type(ns=${spec.packetType.ns},type=${t ? `0x${t.toString(16)}` : '0'}))`
      : 'decap()';
  }
  const props: string[] = [];
  if (spec.mdType !== undefined) props.push(`md_type=${spec.mdType}`);
  for (const t of spec.tlvs ?? [])
    props.push(`tlv(0x${t.tlvClass.toString(16).padStart(4, '0')},${t.tlvType},${hexValue(t.value)})`);
  return `encap(${spec.header}${props.length ? `(${props.join(',')})` : ''})`;
}

/** The text of an action when it is an encap / decap OVS would accept; undefined otherwise. */
export function formatEncapAction(a: Action): string | undefined {
  try {
    const spec = encapFromAction(a);
    return spec && formatEncap(spec);
  } catch {
    return undefined;
  }
}
