/**
 * The standard OpenFlow actions, per version: OpenFlow 1.0 (OpenFlow 1.0.0 §5.2.4), the OpenFlow
 * 1.1 set-type actions, and OpenFlow 1.1+ (OpenFlow 1.5.1 §7.2.5) with set_field as OXM and
 * copy_field (also as the ONF extension for OpenFlow 1.3). Sizes, writes and reads side by side.
 * Nicira actions are nicira.ts'; the choice between the two is list.ts'.
 */
import { ByteReader, type ByteWriter } from '../../wire/index.js';
import { oxmFieldLength, writeOxmField } from '../match/codec.js';
import { fieldByName } from '../match/fields.js';
import { bigIntToBytes, port10To11, port11To10 } from '../match/text-values.js';
import type { MatchField } from '../match/types.js';
import type { OfVersion } from '../version.js';
import { bad, isZeroRange, need, pad, pad8, readOxmFieldsWrapped } from './bytes.js';
import { OFPAT, OFPAT10, OFPAT11, ONF_ET_COPY_FIELD, ONF_VENDOR_ID } from './constants.js';
import { ActionError } from './errors.js';
import { checkSlice, fieldFromHeader, fieldHeaderFor } from './slices.js';
import type { Action } from './types.js';

/** OF1.5 has no NXAST_REG_LOAD (OVS drops it): a load is sent as a masked OFPAT_SET_FIELD. */
function regLoadAsSetField(a: Extract<Action, { type: 'regLoad' }>): Action {
  const def = fieldByName(a.dst.field);
  if (!def) throw new ActionError('OF_ACTION_BAD_ARGUMENT', `unknown field ${a.dst.field}`);
  const n = def.bytes;
  const whole = a.dst.ofs === 0 && a.dst.nBits === n * 8;
  const m = ((1n << BigInt(a.dst.nBits)) - 1n) << BigInt(a.dst.ofs);
  return {
    type: 'setField',
    field: {
      field: def.name,
      value: bigIntToBytes(a.value << BigInt(a.dst.ofs), n),
      ...(whole ? {} : { mask: bigIntToBytes(m, n) }),
    },
  };
}

/**
 * The action as OpenFlow 1.5 carries it: OF1.5 has no NXAST_REG_MOVE either, so a move is sent as
 * OFPAT_COPY_FIELD (and a load as set_field, above); any other action unchanged.
 */
export function for15(a: Action): Action {
  if (a.type === 'regLoad') return regLoadAsSetField(a);
  if (a.type === 'regMove') return { type: 'copyField', nBits: a.src.nBits, src: a.src, dst: a.dst };
  return a;
}

/**
 * Length of a standard OpenFlow 1.0 action, -1 for any other type (OF1.0 carries set_queue,
 * group, the MPLS actions, dec_ttl and set_field as Nicira actions: nicira.ts sizes those).
 */
export function stdLength10(a: Action): number {
  switch (a.type) {
    case 'output':
      return 8;
    case 'setVlanVid':
    case 'setVlanPcp':
    case 'stripVlan':
    case 'setNwSrc':
    case 'setNwDst':
    case 'setNwTos':
    case 'setTpSrc':
    case 'setTpDst':
      return 8;
    case 'setDlSrc':
    case 'setDlDst':
    case 'enqueue':
      return 16;
    default:
      return -1;
  }
}

/**
 * Length of a standard OpenFlow 1.1+ action, -1 for any other type. The types it sizes are
 * exactly the ones writeStd writes for OpenFlow 1.1+ (so writeActions can skip writeStd's switch
 * for Nicira actions).
 */
export function stdLength11(a: Action, version: OfVersion): number {
  switch (a.type) {
    case 'output':
      return 16;
    case 'group':
    case 'setQueue':
    case 'pushVlan':
    case 'popVlan':
    case 'pushMpls':
    case 'popMpls':
    case 'pushPbb':
    case 'popPbb':
    case 'setMplsTtl':
    case 'decMplsTtl':
    case 'setNwTtl':
    case 'decNwTtl':
    case 'copyTtlOut':
    case 'copyTtlIn':
      return 8;
    case 'meter':
      // ofp-actions.c encode_METER writes nothing before OpenFlow 1.3
      return version >= 0x04 ? 8 : 0;
    case 'setField':
      return pad8(4 + oxmFieldLength(a.field, version));
    case 'copyField':
      return a.onf ? 32 : 24;
    case 'setVlanVid':
    case 'setVlanPcp':
    case 'setNwSrc':
    case 'setNwDst':
    case 'setNwTos':
    case 'setTpSrc':
    case 'setTpDst':
    case 'setNwEcn':
      return 8;
    case 'setDlSrc':
    case 'setDlDst':
      return 16;
    case 'stripVlan':
      return 8;
    case 'setMplsLabel':
    case 'setMplsTc':
      // OFPAT11_SET_MPLS_LABEL / _TC in OpenFlow 1.1 (ofp-actions.c encode_SET_MPLS_*); Nicira in OF1.0
      return version === 0x02 ? 8 : -1;
    default:
      return -1;
  }
}

/**
 * Writes `a` in its standard encoding for `version` when it has one (true), else writes nothing
 * (false). `len` is the action's size from stdLength10 / stdLength11.
 */
export function writeStd(w: ByteWriter, a: Action, version: OfVersion, len: number): boolean {
  if (version === 0x01) {
    switch (a.type) {
      case 'output':
        w.u16(OFPAT10.OUTPUT)
          .u16(len)
          .u16(port11To10(a.port) & 0xffff)
          .u16(a.maxLen);
        return true;
      case 'setVlanVid':
        w.u16(OFPAT10.SET_VLAN_VID).u16(len).u16(a.vid).u16(0);
        return true;
      case 'setVlanPcp':
        w.u16(OFPAT10.SET_VLAN_PCP).u16(len).u8(a.pcp).u8(0).u16(0);
        return true;
      case 'stripVlan':
      case 'popVlan':
        w.u16(OFPAT10.STRIP_VLAN).u16(len).u32(0);
        return true;
      case 'setDlSrc':
        w.u16(OFPAT10.SET_DL_SRC).u16(len).bytes(a.mac).u16(0).u32(0);
        return true;
      case 'setDlDst':
        w.u16(OFPAT10.SET_DL_DST).u16(len).bytes(a.mac).u16(0).u32(0);
        return true;
      case 'setNwSrc':
        w.u16(OFPAT10.SET_NW_SRC).u16(len).bytes(a.addr);
        return true;
      case 'setNwDst':
        w.u16(OFPAT10.SET_NW_DST).u16(len).bytes(a.addr);
        return true;
      case 'setNwTos':
        w.u16(OFPAT10.SET_NW_TOS).u16(len).u8(a.tos).u8(0).u16(0);
        return true;
      case 'setTpSrc':
        w.u16(OFPAT10.SET_TP_SRC).u16(len).u16(a.port).u16(0);
        return true;
      case 'setTpDst':
        w.u16(OFPAT10.SET_TP_DST).u16(len).u16(a.port).u16(0);
        return true;
      case 'enqueue':
        w.u16(OFPAT10.ENQUEUE)
          .u16(len)
          .u16(port11To10(a.port) & 0xffff)
          .u16(0)
          .u32(0)
          .u32(a.queueId);
        return true;
      default:
        return false;
    }
  }
  switch (a.type) {
    case 'output':
      w.u16(OFPAT.OUTPUT).u16(len).u32(a.port).u16(a.maxLen).u16(0).u32(0);
      return true;
    case 'group':
      w.u16(OFPAT.GROUP).u16(len).u32(a.groupId);
      return true;
    case 'setQueue':
      w.u16(OFPAT.SET_QUEUE).u16(len).u32(a.queueId);
      return true;
    case 'pushVlan':
      w.u16(OFPAT.PUSH_VLAN).u16(len).u16(a.ethertype).u16(0);
      return true;
    case 'popVlan':
    case 'stripVlan':
      w.u16(OFPAT.POP_VLAN).u16(len).u32(0);
      return true;
    case 'pushMpls':
      w.u16(OFPAT.PUSH_MPLS).u16(len).u16(a.ethertype).u16(0);
      return true;
    case 'popMpls':
      w.u16(OFPAT.POP_MPLS).u16(len).u16(a.ethertype).u16(0);
      return true;
    case 'pushPbb':
      w.u16(OFPAT.PUSH_PBB).u16(len).u16(a.ethertype).u16(0);
      return true;
    case 'popPbb':
      w.u16(OFPAT.POP_PBB).u16(len).u32(0);
      return true;
    case 'setMplsTtl':
      w.u16(OFPAT.SET_MPLS_TTL).u16(len).u8(a.ttl).u8(0).u16(0);
      return true;
    case 'decMplsTtl':
      w.u16(OFPAT.DEC_MPLS_TTL).u16(len).u32(0);
      return true;
    case 'setNwTtl':
      w.u16(OFPAT.SET_NW_TTL).u16(len).u8(a.ttl).u8(0).u16(0);
      return true;
    case 'decNwTtl':
      w.u16(OFPAT.DEC_NW_TTL).u16(len).u32(0);
      return true;
    case 'copyTtlOut':
      w.u16(OFPAT.COPY_TTL_OUT).u16(len).u32(0);
      return true;
    case 'copyTtlIn':
      w.u16(OFPAT.COPY_TTL_IN).u16(len).u32(0);
      return true;
    case 'meter':
      if (version >= 0x04) w.u16(OFPAT.METER).u16(len).u32(a.meterId);
      return true;
    case 'setField': {
      const s = w.offset;
      w.u16(OFPAT.SET_FIELD).u16(len);
      writeSetFieldOxm(w, a.field, version);
      pad(w, len - (w.offset - s));
      return true;
    }
    case 'copyField':
      if (a.onf) {
        checkSlice(a.src);
        checkSlice(a.dst);
        w.u16(OFPAT.EXPERIMENTER)
          .u16(32)
          .u32(ONF_VENDOR_ID)
          .u16(ONF_ET_COPY_FIELD)
          .u16(0)
          .u16(a.nBits)
          .u16(a.src.ofs)
          .u16(a.dst.ofs)
          .u16(0)
          .u32(fieldHeaderFor(a.src.field, 0x04))
          .u32(fieldHeaderFor(a.dst.field, 0x04))
          .u32(0);
        return true;
      }
      checkSlice(a.src);
      checkSlice(a.dst);
      w.u16(OFPAT.COPY_FIELD)
        .u16(len)
        .u16(a.nBits)
        .u16(a.src.ofs)
        .u16(a.dst.ofs)
        .u16(0)
        .u32(fieldHeaderFor(a.src.field, version))
        .u32(fieldHeaderFor(a.dst.field, version))
        .u32(0);
      return true;
    // OpenFlow 1.1 set-type actions (only valid in OF1.1)
    case 'setVlanVid':
      w.u16(OFPAT11.SET_VLAN_VID).u16(len).u16(a.vid).u16(0);
      return true;
    case 'setVlanPcp':
      w.u16(OFPAT11.SET_VLAN_PCP).u16(len).u8(a.pcp).u8(0).u16(0);
      return true;
    case 'setDlSrc':
      w.u16(OFPAT11.SET_DL_SRC).u16(len).bytes(a.mac).u16(0).u32(0);
      return true;
    case 'setDlDst':
      w.u16(OFPAT11.SET_DL_DST).u16(len).bytes(a.mac).u16(0).u32(0);
      return true;
    case 'setNwSrc':
      w.u16(OFPAT11.SET_NW_SRC).u16(len).bytes(a.addr);
      return true;
    case 'setNwDst':
      w.u16(OFPAT11.SET_NW_DST).u16(len).bytes(a.addr);
      return true;
    case 'setNwTos':
      w.u16(OFPAT11.SET_NW_TOS).u16(len).u8(a.tos).u8(0).u16(0);
      return true;
    case 'setNwEcn':
      w.u16(OFPAT11.SET_NW_ECN).u16(len).u8(a.ecn).u8(0).u16(0);
      return true;
    case 'setTpSrc':
      w.u16(OFPAT11.SET_TP_SRC).u16(len).u16(a.port).u16(0);
      return true;
    case 'setTpDst':
      w.u16(OFPAT11.SET_TP_DST).u16(len).u16(a.port).u16(0);
      return true;
    case 'setMplsLabel':
      if (version !== 0x02) return false;
      w.u16(OFPAT11.SET_MPLS_LABEL).u16(len).u32(a.label);
      return true;
    case 'setMplsTc':
      if (version !== 0x02) return false;
      w.u16(OFPAT11.SET_MPLS_TC).u16(len).u8(a.tc).u8(0).u16(0);
      return true;
    default:
      return false;
  }
}

/** Reads the standard action `type` of `len` bytes; undefined when `version` has no such type. */
export function readStd(r: ByteReader, type: number, len: number, at: number, version: OfVersion): Action | undefined {
  if (version === 0x01) {
    switch (type) {
      case OFPAT10.OUTPUT: {
        need(len, 8, at);
        const port = r.u16();
        const maxLen = r.u16();
        if (port === 0xffff || port === 0) {
          if (port === 0xffff) bad('OF_ACTION_BAD_OUT_PORT', 'output to OFPP_NONE', at);
        }
        return { type: 'output', port: port10To11(port), maxLen };
      }
      case OFPAT10.SET_VLAN_VID: {
        need(len, 8, at);
        const vid = r.u16();
        if (vid & ~0xfff) bad('OF_ACTION_BAD_ARGUMENT', `vlan id ${vid}`, at);
        return { type: 'setVlanVid', vid };
      }
      case OFPAT10.SET_VLAN_PCP:
        need(len, 8, at);
        return { type: 'setVlanPcp', pcp: r.u8() };
      case OFPAT10.STRIP_VLAN:
        need(len, 8, at);
        return { type: 'stripVlan' };
      case OFPAT10.SET_DL_SRC:
        need(len, 16, at);
        return { type: 'setDlSrc', mac: r.bytes(6) };
      case OFPAT10.SET_DL_DST:
        need(len, 16, at);
        return { type: 'setDlDst', mac: r.bytes(6) };
      case OFPAT10.SET_NW_SRC:
        need(len, 8, at);
        return { type: 'setNwSrc', addr: r.bytes(4) };
      case OFPAT10.SET_NW_DST:
        need(len, 8, at);
        return { type: 'setNwDst', addr: r.bytes(4) };
      case OFPAT10.SET_NW_TOS:
        need(len, 8, at);
        return { type: 'setNwTos', tos: r.u8() };
      case OFPAT10.SET_TP_SRC:
        need(len, 8, at);
        return { type: 'setTpSrc', port: r.u16() };
      case OFPAT10.SET_TP_DST:
        need(len, 8, at);
        return { type: 'setTpDst', port: r.u16() };
      case OFPAT10.ENQUEUE: {
        need(len, 16, at);
        const port = r.u16();
        r.skip(6);
        return { type: 'enqueue', port: port10To11(port), queueId: r.u32() };
      }
      default:
        return undefined;
    }
  }
  switch (type) {
    case OFPAT.OUTPUT: {
      need(len, 16, at);
      const port = r.u32();
      const maxLen = r.u16();
      // ofputil_port_from_ofp11 + ofpact_check_output_port: port 0 is a valid (if unusual) port; ANY and
      // the OF1.0-reserved range are not
      if (port === 0xffffffff || (port >= 0xff00 && port < 0xfffffff8))
        bad('OF_ACTION_BAD_OUT_PORT', `output to port 0x${port.toString(16)}`, at);
      return { type: 'output', port, maxLen };
    }
    case OFPAT.GROUP:
      need(len, 8, at);
      return { type: 'group', groupId: r.u32() };
    case OFPAT.SET_QUEUE:
      need(len, 8, at);
      return { type: 'setQueue', queueId: r.u32() };
    case OFPAT.PUSH_VLAN:
      need(len, 8, at);
      return { type: 'pushVlan', ethertype: r.u16() };
    case OFPAT.POP_VLAN:
      need(len, 8, at);
      return { type: 'popVlan' };
    case OFPAT.PUSH_MPLS:
      need(len, 8, at);
      return { type: 'pushMpls', ethertype: r.u16() };
    case OFPAT.POP_MPLS:
      need(len, 8, at);
      return { type: 'popMpls', ethertype: r.u16() };
    case OFPAT.PUSH_PBB:
      need(len, 8, at);
      return { type: 'pushPbb', ethertype: r.u16() };
    case OFPAT.POP_PBB:
      need(len, 8, at);
      return { type: 'popPbb' };
    case OFPAT.SET_MPLS_TTL:
      need(len, 8, at);
      return { type: 'setMplsTtl', ttl: r.u8() };
    case OFPAT.DEC_MPLS_TTL:
      need(len, 8, at);
      return { type: 'decMplsTtl' };
    case OFPAT.SET_NW_TTL:
      need(len, 8, at);
      return { type: 'setNwTtl', ttl: r.u8() };
    case OFPAT.DEC_NW_TTL:
      need(len, 8, at);
      return { type: 'decNwTtl' };
    case OFPAT.COPY_TTL_OUT:
      need(len, 8, at);
      return { type: 'copyTtlOut' };
    case OFPAT.COPY_TTL_IN:
      need(len, 8, at);
      return { type: 'copyTtlIn' };
    case OFPAT.METER:
      if (version < 0x06) return undefined;
      need(len, 8, at);
      return { type: 'meter', meterId: r.u32() };
    case OFPAT.SET_FIELD: {
      if (version < 0x03) return undefined;
      if (len < 8 || len % 8) bad('OF_ACTION_BAD_LEN', `set_field length ${len}`, at);
      const fieldOfs = r.offset;
      if (r.remaining < 4) bad('OF_ACTION_BAD_LEN', 'set_field: truncated OXM header', at);
      const l = r.peekU16(2) & 0xff;
      const hasMask = (r.peekU8(2) & 1) === 1;
      if (fieldOfs + 4 + l > at + len) bad('OF_ACTION_BAD_SET_LEN', 'set_field: OXM overruns the action', at);
      if (hasMask && version < 0x06) bad('OF_ACTION_BAD_SET_MASK', 'set_field with a mask needs OpenFlow 1.5', at);
      return { type: 'setField', field: readOxmFieldsOneStd(r, at + len, at) };
    }
    case OFPAT.COPY_FIELD: {
      if (version < 0x06) return undefined;
      if (len !== 24) bad('OF_ACTION_BAD_LEN', `copy_field length ${len}`, at);
      const nBits = r.u16();
      const srcOfs = r.u16();
      const dstOfs = r.u16();
      r.skip(2);
      const src = { field: fieldFromHeader(r.u32(), at).name, ofs: srcOfs, nBits };
      const dst = { field: fieldFromHeader(r.u32(), at).name, ofs: dstOfs, nBits };
      checkSlice(src, at);
      checkSlice(dst, at);
      r.skip(4);
      return { type: 'copyField', nBits, src, dst };
    }
    default:
      break;
  }
  if (version === 0x02) {
    switch (type) {
      case OFPAT11.SET_VLAN_VID:
        need(len, 8, at);
        return { type: 'setVlanVid', vid: r.u16(), ofpat11: true };
      case OFPAT11.SET_VLAN_PCP:
        need(len, 8, at);
        return { type: 'setVlanPcp', pcp: r.u8(), ofpat11: true };
      case OFPAT11.SET_DL_SRC:
        need(len, 16, at);
        return { type: 'setDlSrc', mac: r.bytes(6) };
      case OFPAT11.SET_DL_DST:
        need(len, 16, at);
        return { type: 'setDlDst', mac: r.bytes(6) };
      case OFPAT11.SET_NW_SRC:
        need(len, 8, at);
        return { type: 'setNwSrc', addr: r.bytes(4) };
      case OFPAT11.SET_NW_DST:
        need(len, 8, at);
        return { type: 'setNwDst', addr: r.bytes(4) };
      case OFPAT11.SET_NW_TOS:
        need(len, 8, at);
        return { type: 'setNwTos', tos: r.u8() };
      case OFPAT11.SET_NW_ECN:
        need(len, 8, at);
        return { type: 'setNwEcn', ecn: r.u8() };
      case OFPAT11.SET_TP_SRC:
        need(len, 8, at);
        return { type: 'setTpSrc', port: r.u16() };
      case OFPAT11.SET_TP_DST:
        need(len, 8, at);
        return { type: 'setTpDst', port: r.u16() };
      case OFPAT11.SET_MPLS_LABEL:
        need(len, 8, at);
        return { type: 'setMplsLabel', label: r.u32() };
      case OFPAT11.SET_MPLS_TC:
        need(len, 8, at);
        return { type: 'setMplsTc', tc: r.u8() };
      default:
        break;
    }
  }
  return undefined;
}

/**
 * A set_field's OXM. OpenFlow 1.5 masks a set_field on any field, also on those a match cannot mask
 * (nw_ttl, ip_dscp, in_port: `load:1->NXM_NX_IP_TTL[4..4]` is one); the match codec refuses those, so
 * the field goes through it unmasked and the mask is added here (OXM header: hasmask bit, length doubled).
 */
function writeSetFieldOxm(w: ByteWriter, f: MatchField, version: OfVersion): void {
  if (!f.mask || fieldByName(f.field)?.maskable !== false) {
    writeOxmField(w, f, version);
    return;
  }
  const s = w.offset;
  writeOxmField(w, { ...f, mask: undefined }, version);
  w.buf[s + 2]! |= 1;
  w.buf[s + 3] = w.buf[s + 3]! + f.mask.length;
  w.bytes(f.mask);
}

/** The OXM of a masked set_field on a field a match cannot mask (see writeSetFieldOxm), else undefined. */
function readUnmaskableMasked(r: ByteReader, at: number): MatchField | undefined {
  const h = ((r.peekU16(0) << 16) | r.peekU16(2)) >>> 0;
  const l = h & 0xff;
  if (!(h & 0x100) || h >>> 16 === 0xffff || l % 2 || r.remaining < 4 + l) return undefined;
  const def = fieldByCodeOrUndefined(h);
  if (def?.maskable !== false) return undefined;
  const n = l / 2;
  const tlv = new Uint8Array(4 + n);
  tlv.set(r.buf.subarray(r.offset, r.offset + 4 + n));
  tlv[2] = tlv[2]! & 0xfe;
  tlv[3] = n;
  const m = readOxmFieldsWrapped(new ByteReader(tlv), 4 + n, at);
  r.skip(4 + n);
  const mask = r.bytes(n);
  return { ...m[0]!, mask };
}

function fieldByCodeOrUndefined(h: number): ReturnType<typeof fieldByName> {
  try {
    return fieldFromHeader(h, -1);
  } catch {
    return undefined;
  }
}

function readOxmFieldsOneStd(r: ByteReader, end: number, at: number): MatchField {
  const l = r.peekU16(2) & 0xff;
  const odd = readUnmaskableMasked(r, at);
  if (odd) {
    if (!isZeroRange(r, end)) bad('OF_ACTION_BAD_SET_ARGUMENT', 'set_field: nonzero padding', at);
    return odd;
  }
  const m = readOxmFieldsWrapped(r, 4 + l, at);
  if (m.length !== 1) bad('OF_ACTION_BAD_SET_ARGUMENT', 'set_field: expected one OXM', at);
  if (m[0]!.field === 'unknown') bad('OF_ACTION_BAD_SET_TYPE', 'set_field: unknown field', at);
  if (!isZeroRange(r, end)) bad('OF_ACTION_BAD_SET_ARGUMENT', 'set_field: nonzero padding', at);
  return m[0]!;
}

/**
 * The body of an ONF copy_field (OpenFlow 1.3 extension EXT-320) after its vendor id: the
 * caller has checked the vendor, the subtype and the 32-byte length.
 */
export function readOnfCopyField(r: ByteReader, at: number): Action {
  r.skip(4);
  const nBits = r.u16();
  const srcOfs = r.u16();
  const dstOfs = r.u16();
  r.skip(2);
  const src = { field: fieldFromHeader(r.u32(), at).name, ofs: srcOfs, nBits };
  const dst = { field: fieldFromHeader(r.u32(), at).name, ofs: dstOfs, nBits };
  checkSlice(src, at);
  checkSlice(dst, at);
  return { type: 'copyField', nBits, src, dst, onf: true };
}
