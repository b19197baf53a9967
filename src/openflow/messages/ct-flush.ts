/**
 * NXT_CT_FLUSH (OVS nicira-ext.h struct nx_ct_flush, lib/ofp-ct.c): flush conntrack entries by
 * IP protocol, original / reply tuple and zone.
 *
 *   nx_ct_flush:   ip_proto(8) pad(56), then properties (ofp_prop_header, padded to 8):
 *     NXT_CT_ORIG_TUPLE 0 / NXT_CT_REPLY_TUPLE 1: 4 pad bytes, then nested properties
 *       NXT_CT_TUPLE_SRC 0 / DST 1 (16-byte address), SRC_PORT 2 / DST_PORT 3 / ICMP_ID 4
 *       (16 bits + 16 pad), ICMP_TYPE 5 / ICMP_CODE 6 (8 bits)
 *     NXT_CT_ZONE_ID 2: zone(16) pad(16)
 *   Other property types are ignored by OVS 3.1 and kept raw here.
 */
import { ByteReader, type ByteWriter } from '../../wire/index.js';
import { formatIpv6 } from '../match/text-values.js';
import { OfMessageError } from './errors.js';
import { pad8, readRawProps } from './props.js';
import type { CtFlushProperty, CtTupleField, NxCtFlush } from './ext-types.js';

/** nx_ct_flush_tlv_type / nx_ct_flush_tuple_tlv_type (nicira-ext.h). */
export const NXT_CT = { ORIG_TUPLE: 0, REPLY_TUPLE: 1, ZONE_ID: 2 } as const;
export const NXT_CT_TUPLE = {
  SRC: 0,
  DST: 1,
  SRC_PORT: 2,
  DST_PORT: 3,
  ICMP_ID: 4,
  ICMP_TYPE: 5,
  ICMP_CODE: 6,
} as const;

type H = { version: NxCtFlush['version']; xid: number };

/** A 16-bit property body: OVS writes value + 2 pad bytes (length 8) and accepts the bare value. */
function u16Prop(data: Uint8Array, what: string, at: number): number {
  if (data.length !== 2 && data.length !== 4)
    throw new OfMessageError('OF_MSG_BAD_LENGTH', `${what} property has ${data.length} bytes, want 2`, at);
  return (data[0]! << 8) | data[1]!;
}

function readTuple(data: Uint8Array, at: number): CtTupleField[] {
  if (data.length < 4)
    throw new OfMessageError('OF_MSG_BAD_LENGTH', `conntrack tuple property of ${data.length} bytes`, at);
  const fields: CtTupleField[] = [];
  for (const p of readRawProps(new ByteReader(data.subarray(4)))) {
    switch (p.propType) {
      case NXT_CT_TUPLE.SRC:
      case NXT_CT_TUPLE.DST:
        if (p.data.length !== 16)
          throw new OfMessageError(
            'OF_MSG_BAD_LENGTH',
            `conntrack tuple address of ${p.data.length} bytes, want 16`,
            at,
          );
        fields.push({ field: p.propType === NXT_CT_TUPLE.SRC ? 'src' : 'dst', addr: p.data });
        break;
      case NXT_CT_TUPLE.SRC_PORT:
      case NXT_CT_TUPLE.DST_PORT:
      case NXT_CT_TUPLE.ICMP_ID: {
        const field =
          p.propType === NXT_CT_TUPLE.SRC_PORT
            ? 'srcPort'
            : p.propType === NXT_CT_TUPLE.DST_PORT
              ? 'dstPort'
              : 'icmpId';
        fields.push({ field, value: u16Prop(p.data, field, at) });
        break;
      }
      case NXT_CT_TUPLE.ICMP_TYPE:
      case NXT_CT_TUPLE.ICMP_CODE:
        if (p.data.length !== 1)
          throw new OfMessageError(
            'OF_MSG_BAD_LENGTH',
            `conntrack ICMP type/code of ${p.data.length} bytes, want 1`,
            at,
          );
        fields.push({ field: p.propType === NXT_CT_TUPLE.ICMP_TYPE ? 'icmpType' : 'icmpCode', value: p.data[0]! });
        break;
      default:
        fields.push({ field: 'unknown', propType: p.propType, data: p.data });
    }
  }
  return fields;
}

/** Decodes the body after the Nicira header. */
export function decodeCtFlush(r: ByteReader, h: H): NxCtFlush {
  if (r.remaining < 8)
    throw new OfMessageError('OF_MSG_BAD_LENGTH', `NXT_CT_FLUSH needs 8 bytes, message has ${r.remaining}`, r.offset);
  const ipProto = r.u8();
  r.skip(7);
  const properties: CtFlushProperty[] = [];
  for (const p of readRawProps(r)) {
    const at = r.offset;
    if (p.propType === NXT_CT.ORIG_TUPLE || p.propType === NXT_CT.REPLY_TUPLE) {
      properties.push({
        prop: p.propType === NXT_CT.ORIG_TUPLE ? 'origTuple' : 'replyTuple',
        fields: readTuple(p.data, at),
      });
    } else if (p.propType === NXT_CT.ZONE_ID) {
      properties.push({ prop: 'zone', zoneId: u16Prop(p.data, 'zone', at) });
    } else {
      properties.push({ prop: 'unknown', propType: p.propType, data: p.data });
    }
  }
  return { type: 'nxCtFlush', ...h, ipProto, properties };
}

function prop(w: ByteWriter, type: number, body: (w: ByteWriter) => void): void {
  const start = w.offset;
  w.u16(type).u16(0);
  body(w);
  const len = w.offset - start;
  w.patchU16(start + 2, len);
  w.zeros(pad8(len) - len);
}

/** Writes the body after the Nicira header. */
export function writeCtFlush(w: ByteWriter, m: NxCtFlush): void {
  w.u8(m.ipProto).zeros(7);
  for (const p of m.properties) {
    switch (p.prop) {
      case 'zone':
        prop(w, NXT_CT.ZONE_ID, (x) => x.u16(p.zoneId).zeros(2));
        break;
      case 'unknown':
        prop(w, p.propType, (x) => x.bytes(p.data));
        break;
      default:
        prop(w, p.prop === 'origTuple' ? NXT_CT.ORIG_TUPLE : NXT_CT.REPLY_TUPLE, (x) => {
          x.zeros(4);
          for (const f of p.fields) {
            switch (f.field) {
              case 'src':
              case 'dst':
                if (f.addr.length !== 16)
                  throw new OfMessageError('OF_MSG_BAD_VALUE', `conntrack tuple ${f.field} must be 16 bytes`);
                prop(x, f.field === 'src' ? NXT_CT_TUPLE.SRC : NXT_CT_TUPLE.DST, (y) => y.bytes(f.addr));
                break;
              case 'srcPort':
              case 'dstPort':
              case 'icmpId': {
                const t =
                  f.field === 'srcPort'
                    ? NXT_CT_TUPLE.SRC_PORT
                    : f.field === 'dstPort'
                      ? NXT_CT_TUPLE.DST_PORT
                      : NXT_CT_TUPLE.ICMP_ID;
                prop(x, t, (y) => y.u16(f.value).zeros(2));
                break;
              }
              case 'icmpType':
              case 'icmpCode':
                prop(x, f.field === 'icmpType' ? NXT_CT_TUPLE.ICMP_TYPE : NXT_CT_TUPLE.ICMP_CODE, (y) => y.u8(f.value));
                break;
              case 'unknown':
                prop(x, f.propType, (y) => y.bytes(f.data));
                break;
            }
          }
        });
    }
  }
}

interface Tuple {
  src: Uint8Array;
  dst: Uint8Array;
  srcPort: number;
  dstPort: number;
  icmpId: number;
  icmpType: number;
  icmpCode: number;
}

const ZERO16 = new Uint8Array(16);
const isZero = (b: Uint8Array) => b.every((x) => x === 0);
const isV4Mapped = (b: Uint8Array) => b.subarray(0, 10).every((x) => x === 0) && b[10] === 0xff && b[11] === 0xff;

/** `ipv6_format_mapped`: dotted quad for v4-mapped addresses, else RFC 5952 text. */
function addrText(b: Uint8Array): string {
  return isV4Mapped(b) ? `${b[12]}.${b[13]}.${b[14]}.${b[15]}` : formatIpv6(b);
}

/**
 * The text ofp-print shows after the header: `zone=N 'orig tuple,ct_nw_proto=P' 'reply tuple'`.
 * As OVS 3.1 does, the address family follows the last address property (zero: unset), and
 * later duplicates of a field win.
 */
export function formatCtFlushBody(m: NxCtFlush): string {
  let zone = 0;
  let l3: 0 | 4 | 6 = 0;
  const blank = (): Tuple => ({
    src: ZERO16,
    dst: ZERO16,
    srcPort: 0,
    dstPort: 0,
    icmpId: 0,
    icmpType: 0,
    icmpCode: 0,
  });
  const orig = blank();
  const reply = blank();
  for (const p of m.properties) {
    if (p.prop === 'zone') zone = p.zoneId;
    if (p.prop !== 'origTuple' && p.prop !== 'replyTuple') continue;
    const t = p.prop === 'origTuple' ? orig : reply;
    for (const f of p.fields) {
      if (f.field === 'src' || f.field === 'dst') {
        t[f.field] = f.addr;
        l3 = isZero(f.addr) ? 0 : isV4Mapped(f.addr) ? 4 : 6;
      } else if (f.field !== 'unknown') t[f.field] = (f as { value: number }).value;
    }
  }
  const icmp = m.ipProto === 1 || m.ipProto === 58;
  const tuple = (t: Tuple): string => {
    const nw = l3 === 4 ? 'ct_nw' : 'ct_ipv6';
    let s = `${nw}_src=${addrText(t.src)},${nw}_dst=${addrText(t.dst)}`;
    s += icmp
      ? `,icmp_id=${t.icmpId},icmp_type=${t.icmpType},icmp_code=${t.icmpCode}`
      : `,ct_tp_src=${t.srcPort},ct_tp_dst=${t.dstPort}`;
    return s;
  };
  return `zone=${zone} '${tuple(orig)},ct_nw_proto=${m.ipProto}' '${tuple(reply)}'`;
}

/**
 * Semantic checks OVS applies when decoding (ofp_ct_match_decode): the pad must be zero and the
 * addresses of both tuples must be of one family.
 * @returns the OpenFlow error name OVS answers with, or undefined if OVS accepts the message.
 */
export function ctFlushError(m: NxCtFlush): string | undefined {
  let l3: 0 | 4 | 6 = 0;
  for (const p of m.properties) {
    if (p.prop !== 'origTuple' && p.prop !== 'replyTuple') continue;
    for (const f of p.fields) {
      if (f.field !== 'src' && f.field !== 'dst') continue;
      const x = isZero(f.addr) ? 0 : isV4Mapped(f.addr) ? 4 : 6;
      if (l3 && x && l3 !== x) return 'OFPBPC_BAD_VALUE';
      l3 = x;
    }
  }
  return undefined;
}
