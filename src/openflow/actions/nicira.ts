/**
 * The Nicira extension actions (OVS include/openflow/nicira-ext.h, lib/ofp-actions.c NXAST_RAW_*):
 * resubmit, reg_load / reg_move, ct, nat, learn, controller, clone, … — sized, written and read side
 * by side. Also the standard actions OpenFlow 1.0 can only send as Nicira (set_queue, group, MPLS,
 * dec_ttl, set_field as NXAST_REG_LOAD2). ct and clone nest a list: the list codec comes in as
 * `nested` (list.ts), so this file never imports it.
 */
import type { ByteReader, ByteWriter } from '../../wire/index.js';
import { oxmFieldLength, writeOxmField } from '../match/codec.js';
import { formatIpv6, port10To11, port11To10 } from '../match/text-values.js';
import type { MatchField } from '../match/types.js';
import type { OfVersion } from '../version.js';
import { ipBytes } from './addresses.js';
import { atLeast, bad, isZeroRange, need, pad, pad8, readOxmFieldsWrapped } from './bytes.js';
import {
  NX_CT_F,
  NX_CT_RECIRC_NONE,
  NX_LEARN_F,
  NX_NAT_F,
  NX_NAT_RANGE,
  NX_VENDOR_ID,
  NXAC2PT,
  NXAST,
  OFPAT,
} from './constants.js';
import { ActionError } from './errors.js';
import { checkSlice, fieldFromHeader, fieldHeader, ofsNbits, sliceFromOfsNbits } from './slices.js';
import type { Action, FieldSlice, LearnSpec } from './types.js';

/** OFPP_NONE as NXAST_SAMPLE2/3 carry it (a 16-bit port). */
const OFPP_NONE_16 = 0xffff;

/** The action list codec, as list.ts passes it in for the lists that ct and clone nest. */
export interface NestedActions {
  length(list: readonly Action[], version: OfVersion): number;
  write(w: ByteWriter, list: readonly Action[], version: OfVersion): void;
  read(r: ByteReader, byteLength: number, version: OfVersion): Action[];
}

/** 2^n for n = 0..64: a value fits n bits when below POW2[n] (no BigInt shift per load). */
const POW2: readonly bigint[] = Array.from({ length: 65 }, (_, n) => 1n << BigInt(n));

/**
 * Length of a Nicira action (or of a standard one OpenFlow 1.0 sends as Nicira), -1 for a type
 * with no Nicira encoding.
 */
export function nxLen(a: Action, version: OfVersion, nested: NestedActions): number {
  switch (a.type) {
    case 'resubmit':
      return 16;
    case 'regLoad':
    case 'regMove':
    case 'outputReg':
    case 'stackPush':
    case 'stackPop':
    case 'setTunnel':
      return a.type === 'setTunnel' ? (a.wide ? 24 : 16) : 24;
    case 'regLoad2':
    case 'setField': // OpenFlow 1.0 (1.1+ has OFPAT_SET_FIELD)
      return pad8(10 + oxmFieldLength(a.field, 0x01));
    case 'note':
      return pad8(10 + a.data.length);
    case 'ct':
      return 24 + nested.length(a.actions, version);
    case 'nat':
      return pad8(16 + natRangeBytes(a));
    case 'ctClear':
    case 'exit':
    case 'popQueue':
    case 'decNshTtl':
      return 16;
    case 'conjunction':
      return 16;
    case 'learn':
      return pad8((a.limit !== undefined || a.resultDst ? 40 : 32) + (a.resultDst ? 4 : 0) + learnSpecsBytes(a.specs));
    case 'decTtl':
      return a.ids ? pad8(16 + 2 * a.ids.length) : 16;
    case 'controller':
      return 16;
    case 'controller2':
      return 16 + controller2PropsBytes(a);
    case 'clone':
      return 16 + nested.length(a.actions, version);
    case 'checkPktLarger':
      return 24;
    case 'sample':
      return (a.samplingPort ?? OFPP_NONE_16) === OFPP_NONE_16 && a.direction === undefined ? 24 : 32;
    case 'finTimeout':
      return 16;
    case 'multipath':
      return 32;
    case 'bundle':
      return pad8(32 + 2 * a.members.length);
    case 'deleteField':
      return 24;
    case 'setMplsLabel':
    case 'setMplsTc':
    case 'outputTrunc':
      return 16;
    // standard in OpenFlow 1.1+, Nicira in OpenFlow 1.0 (stdLength11 sizes them for 1.1+)
    case 'setQueue':
    case 'group':
    case 'pushMpls':
    case 'popMpls':
    case 'setMplsTtl':
    case 'decMplsTtl':
    case 'decNwTtl':
      return 16;
    case 'experimenter':
      return 8 + a.data.length;
    default:
      return -1;
  }
}

function natRangeBytes(a: { ipMin?: string; ipMax?: string; protoMin?: number; protoMax?: number }): number {
  let n = 0;
  const v6 = a.ipMin !== undefined && a.ipMin.includes(':');
  if (a.ipMin !== undefined) n += v6 ? 16 : 4;
  if (a.ipMax !== undefined) n += v6 ? 16 : 4;
  if (a.protoMin !== undefined) n += 2;
  if (a.protoMax !== undefined) n += 2;
  return n;
}

function learnSpecsBytes(specs: readonly LearnSpec[]): number {
  let n = 0;
  for (const s of specs) {
    n += 2;
    if (s.src instanceof Uint8Array) n += s.src.length;
    else n += 6;
    if (s.kind !== 'output') n += 6;
  }
  return n;
}

function controller2PropsBytes(a: Extract<Action, { type: 'controller2' }>): number {
  let n = 0;
  if (a.maxLen !== undefined) n += 8;
  if (a.id !== undefined) n += 8;
  if (a.reason !== undefined) n += 8;
  if (a.userdata !== undefined) n += pad8(4 + a.userdata.length);
  if (a.pause) n += 8;
  if (a.meterId !== undefined) n += 8;
  return n;
}

function nxHeader(w: ByteWriter, len: number, subtype: number): void {
  w.u16(OFPAT.EXPERIMENTER).u16(len).u32(NX_VENDOR_ID).u16(subtype);
}

function writeBytesPadded(w: ByteWriter, start: number, len: number): void {
  const used = w.offset - start;
  if (used > len) throw new ActionError('OF_ACTION_BAD_LEN', `internal: action wrote ${used} of ${len} bytes`);
  pad(w, len - used);
}

type ActionOf<T extends Action['type']> = Extract<Action, { type: T }>;

// The hot OVN actions have their own small functions, so V8 inlines the writer calls in each
// (one big switch exhausts its inlining budget).

function writeResubmit(w: ByteWriter, a: ActionOf<'resubmit'>): void {
  if (a.table === undefined && !a.ct) {
    nxHeader(w, 16, NXAST.RESUBMIT);
    w.u16(a.inPort ?? 0xfff8);
  } else {
    nxHeader(w, 16, a.ct ? NXAST.RESUBMIT_TABLE_CT : NXAST.RESUBMIT_TABLE);
    w.u16(a.inPort ?? 0xfff8).u8(a.table ?? 0xff);
  }
}

function writeRegMove(w: ByteWriter, a: ActionOf<'regMove'>): void {
  checkSlice(a.src);
  checkSlice(a.dst);
  if (a.src.nBits !== a.dst.nBits)
    throw new ActionError('OF_ACTION_BAD_ARGUMENT', 'move: source and destination widths differ');
  nxHeader(w, 24, NXAST.REG_MOVE);
  w.u16(a.src.nBits).u16(a.src.ofs).u16(a.dst.ofs).u32(fieldHeader(a.src.field)).u32(fieldHeader(a.dst.field));
}

function writeRegLoad(w: ByteWriter, a: ActionOf<'regLoad'>): void {
  checkSlice(a.dst);
  if (a.dst.nBits > 64 || (a.dst.nBits < 64 && a.value >= POW2[a.dst.nBits]!) || a.value < 0n) {
    throw new ActionError(
      'OF_ACTION_BAD_ARGUMENT',
      `load: value 0x${a.value.toString(16)} does not fit ${a.dst.nBits} bits`,
    );
  }
  nxHeader(w, 24, NXAST.REG_LOAD);
  w.u16(ofsNbits(a.dst)).u32(fieldHeader(a.dst.field)).u64(a.value);
}

/** NXAST_CT and its nested list; `len` goes into the header (list.ts patches it when 0). */
export function writeCt(
  w: ByteWriter,
  a: ActionOf<'ct'>,
  version: OfVersion,
  len: number,
  nested: NestedActions,
): void {
  nxHeader(w, len, NXAST.CT);
  w.u16((a.commit ? NX_CT_F.COMMIT : 0) | (a.force ? NX_CT_F.FORCE : 0));
  if (a.zoneSrc) {
    checkSlice(a.zoneSrc);
    w.u32(fieldHeader(a.zoneSrc.field)).u16(ofsNbits(a.zoneSrc));
  } else {
    w.u32(0).u16(a.zone ?? 0);
  }
  w.u8(a.table ?? NX_CT_RECIRC_NONE)
    .u8(0)
    .u16(0)
    .u16(a.alg ?? 0);
  nested.write(w, a.actions, version);
}

/** NXAST_CLONE and its nested list; `len` as for writeCt. */
export function writeClone(
  w: ByteWriter,
  a: ActionOf<'clone'>,
  version: OfVersion,
  len: number,
  nested: NestedActions,
): void {
  nxHeader(w, len, NXAST.CLONE);
  pad(w, 6);
  nested.write(w, a.actions, version);
}

function writeNat(w: ByteWriter, a: ActionOf<'nat'>, len: number): void {
  nxHeader(w, len, NXAST.NAT);
  let flags = a.kind === 'src' ? NX_NAT_F.SRC : a.kind === 'dst' ? NX_NAT_F.DST : 0;
  if (a.flags.includes('persistent')) flags |= NX_NAT_F.PERSISTENT;
  if (a.flags.includes('hash')) flags |= NX_NAT_F.PROTO_HASH;
  if (a.flags.includes('random')) flags |= NX_NAT_F.PROTO_RANDOM;
  const v6 = a.ipMin !== undefined && a.ipMin.includes(':');
  let present = 0;
  if (a.ipMin !== undefined) present |= v6 ? NX_NAT_RANGE.IPV6_MIN : NX_NAT_RANGE.IPV4_MIN;
  if (a.ipMax !== undefined) present |= v6 ? NX_NAT_RANGE.IPV6_MAX : NX_NAT_RANGE.IPV4_MAX;
  if (a.protoMin !== undefined) present |= NX_NAT_RANGE.PROTO_MIN;
  if (a.protoMax !== undefined) present |= NX_NAT_RANGE.PROTO_MAX;
  pad(w, 2).u16(flags).u16(present);
  if (a.ipMin !== undefined) w.bytes(ipBytes(a.ipMin));
  if (a.ipMax !== undefined) w.bytes(ipBytes(a.ipMax));
  if (a.protoMin !== undefined) w.u16(a.protoMin);
  if (a.protoMax !== undefined) w.u16(a.protoMax);
}

/**
 * Writes `a` as a Nicira action of `len` bytes (from nxLen), padded.
 * @throws ActionError OF_ACTION_BAD_FOR_VERSION for a type with no Nicira encoding, OF_ACTION_BAD_ARGUMENT
 */
export function writeNx(w: ByteWriter, a: Action, version: OfVersion, len: number, nested: NestedActions): void {
  const start = w.offset;
  switch (a.type) {
    case 'resubmit':
      writeResubmit(w, a);
      break;
    case 'setTunnel':
      if (a.wide) {
        nxHeader(w, 24, NXAST.SET_TUNNEL64);
        pad(w, 6).u64(a.tunId);
      } else {
        nxHeader(w, 16, NXAST.SET_TUNNEL);
        pad(w, 2).u32(Number(a.tunId));
      }
      break;
    case 'setQueue':
      nxHeader(w, 16, NXAST.SET_QUEUE);
      pad(w, 2).u32(a.queueId);
      break;
    case 'popQueue':
      nxHeader(w, 16, NXAST.POP_QUEUE);
      break;
    case 'regMove':
      writeRegMove(w, a);
      break;
    case 'stackPush':
    case 'stackPop':
      // nx_action_stack: offset(2) field header(4) n_bits(2) pad(6)
      checkSlice(a.slice);
      nxHeader(w, 24, a.type === 'stackPush' ? NXAST.STACK_PUSH : NXAST.STACK_POP);
      w.u16(a.slice.ofs).u32(fieldHeader(a.slice.field)).u16(a.slice.nBits).zeros(6);
      break;
    case 'regLoad':
      writeRegLoad(w, a);
      break;
    case 'regLoad2':
    case 'setField':
      nxHeader(w, len, NXAST.REG_LOAD2);
      writeOxmField(w, a.field, 0x01);
      break;
    case 'note':
      nxHeader(w, len, NXAST.NOTE);
      w.bytes(a.data);
      break;
    case 'outputReg':
      checkSlice(a.src);
      if (a.v2) {
        nxHeader(w, 24, NXAST.OUTPUT_REG2);
        w.u16(ofsNbits(a.src)).u16(a.maxLen).u32(fieldHeader(a.src.field));
      } else {
        nxHeader(w, 24, NXAST.OUTPUT_REG);
        w.u16(ofsNbits(a.src)).u32(fieldHeader(a.src.field)).u16(a.maxLen);
      }
      break;
    case 'ct':
      writeCt(w, a, version, len, nested);
      break;
    case 'nat':
      writeNat(w, a, len);
      break;
    case 'ctClear':
      nxHeader(w, 16, NXAST.CT_CLEAR);
      break;
    case 'exit':
      nxHeader(w, 16, NXAST.EXIT);
      break;
    case 'decNshTtl':
      nxHeader(w, 16, NXAST.DEC_NSH_TTL);
      break;
    case 'conjunction':
      if (a.nClauses < 2 || a.nClauses > 64 || a.clause < 1 || a.clause > a.nClauses) {
        throw new ActionError('OF_ACTION_BAD_ARGUMENT', `conjunction(${a.id},${a.clause}/${a.nClauses}) is invalid`);
      }
      nxHeader(w, 16, NXAST.CONJUNCTION);
      w.u8(a.clause - 1)
        .u8(a.nClauses)
        .u32(a.id);
      break;
    case 'learn': {
      const v2 = a.limit !== undefined || a.resultDst !== undefined;
      nxHeader(w, len, v2 ? NXAST.LEARN2 : NXAST.LEARN);
      const flags = a.flags | (a.resultDst ? NX_LEARN_F.WRITE_RESULT : 0);
      w.u16(a.idleTimeout)
        .u16(a.hardTimeout)
        .u16(a.priority)
        .u64(a.cookie)
        .u16(flags)
        .u8(a.table)
        .u8(0)
        .u16(a.finIdleTimeout)
        .u16(a.finHardTimeout);
      if (v2) {
        w.u32(a.limit ?? 0)
          .u16(a.resultDst ? a.resultDst.ofs : 0)
          .u16(0);
        if (a.resultDst) w.u32(fieldHeader(a.resultDst.field));
      }
      for (const s of a.specs) writeLearnSpec(w, s);
      break;
    }
    case 'decTtl':
      if (!a.ids) {
        nxHeader(w, 16, NXAST.DEC_TTL);
      } else {
        nxHeader(w, len, NXAST.DEC_TTL_CNT_IDS);
        w.u16(a.ids.length).u32(0);
        for (const id of a.ids) w.u16(id);
      }
      break;
    case 'controller':
      nxHeader(w, 16, NXAST.CONTROLLER);
      w.u16(a.maxLen).u16(a.id).u8(a.reason).u8(0);
      break;
    case 'controller2': {
      nxHeader(w, len, NXAST.CONTROLLER2);
      pad(w, 6);
      const prop = (type: number, body: (w: ByteWriter) => void, bodyLen: number): void => {
        const s = w.offset;
        w.u16(type).u16(4 + bodyLen);
        body(w);
        pad(w, pad8(w.offset - s) - (w.offset - s));
      };
      if (a.maxLen !== undefined) prop(NXAC2PT.MAX_LEN, (x) => x.u16(a.maxLen!).u16(0), 4);
      if (a.id !== undefined) prop(NXAC2PT.CONTROLLER_ID, (x) => x.u16(a.id!).u16(0), 4);
      if (a.reason !== undefined) prop(NXAC2PT.REASON, (x) => x.u8(a.reason!), 1);
      if (a.userdata !== undefined) prop(NXAC2PT.USERDATA, (x) => x.bytes(a.userdata!), a.userdata.length);
      if (a.pause) prop(NXAC2PT.PAUSE, () => {}, 0);
      if (a.meterId !== undefined) prop(NXAC2PT.METER_ID, (x) => x.u32(a.meterId!), 4);
      break;
    }
    case 'clone':
      writeClone(w, a, version, len, nested);
      break;
    case 'checkPktLarger':
      checkSlice(a.dst);
      nxHeader(w, 24, NXAST.CHECK_PKT_LARGER);
      w.u16(a.pktLen).u16(a.dst.ofs).u32(fieldHeader(a.dst.field));
      break;
    case 'sample': {
      // OVS encode_SAMPLE: no sampling port is OFPP_NONE, and then plain NXAST_SAMPLE unless a direction is set
      const port = a.samplingPort ?? OFPP_NONE_16;
      const v = a.direction !== undefined ? NXAST.SAMPLE3 : port !== OFPP_NONE_16 ? NXAST.SAMPLE2 : NXAST.SAMPLE;
      nxHeader(w, len, v);
      w.u16(a.probability).u32(a.collectorSetId).u32(a.obsDomainId).u32(a.obsPointId);
      if (v !== NXAST.SAMPLE) {
        w.u16(port);
        w.u8(a.direction === 'ingress' ? 1 : a.direction === 'egress' ? 2 : 0);
      }
      break;
    }
    case 'finTimeout':
      nxHeader(w, 16, NXAST.FIN_TIMEOUT);
      w.u16(a.idleTimeout).u16(a.hardTimeout);
      break;
    case 'multipath':
      checkSlice(a.dst);
      nxHeader(w, 32, NXAST.MULTIPATH);
      w.u16(a.fields)
        .u16(a.basis)
        .u16(0)
        .u16(a.algorithm)
        .u16(a.maxLink)
        .u32(a.arg)
        .u16(0)
        .u16(ofsNbits(a.dst))
        .u32(fieldHeader(a.dst.field));
      break;
    case 'bundle':
      nxHeader(w, len, a.dst ? NXAST.BUNDLE_LOAD : NXAST.BUNDLE);
      w.u16(a.algorithm).u16(a.fields).u16(a.basis).u32(a.slaveType).u16(a.members.length);
      if (a.dst) w.u16(ofsNbits(a.dst)).u32(fieldHeader(a.dst.field));
      else w.u16(0).u32(0);
      pad(w, 4);
      for (const m of a.members) w.u16(m);
      break;
    case 'deleteField':
      nxHeader(w, 24, NXAST.DELETE_FIELD);
      w.u32(fieldHeader(a.field));
      break;
    case 'setMplsLabel':
      nxHeader(w, 16, NXAST.SET_MPLS_LABEL);
      pad(w, 2).u32(a.label);
      break;
    case 'setMplsTc':
      nxHeader(w, 16, NXAST.SET_MPLS_TC);
      w.u8(a.tc);
      break;
    case 'pushMpls':
      nxHeader(w, 16, NXAST.PUSH_MPLS);
      w.u16(a.ethertype);
      break;
    case 'popMpls':
      nxHeader(w, 16, NXAST.POP_MPLS);
      w.u16(a.ethertype);
      break;
    case 'setMplsTtl':
      nxHeader(w, 16, NXAST.SET_MPLS_TTL);
      w.u8(a.ttl);
      break;
    case 'decMplsTtl':
      nxHeader(w, 16, NXAST.DEC_MPLS_TTL);
      break;
    case 'decNwTtl':
      nxHeader(w, 16, NXAST.DEC_TTL);
      break;
    case 'outputTrunc':
      nxHeader(w, 16, NXAST.OUTPUT_TRUNC);
      w.u16(port11To10(a.port) & 0xffff).u32(a.maxLen);
      break;
    case 'group':
      nxHeader(w, 16, NXAST.GROUP);
      pad(w, 2).u32(a.groupId);
      break;
    case 'experimenter':
      w.u16(OFPAT.EXPERIMENTER).u16(len).u32(a.experimenter).bytes(a.data);
      break;
    default:
      throw new ActionError(
        'OF_ACTION_BAD_FOR_VERSION',
        `action ${a.type} cannot be encoded for OpenFlow version 0x0${version}`,
      );
  }
  writeBytesPadded(w, start, len);
}

function writeLearnSpec(w: ByteWriter, s: LearnSpec): void {
  const dstType = s.kind === 'match' ? 0 : s.kind === 'load' ? 1 : 2;
  const imm = s.src instanceof Uint8Array;
  let nBits: number;
  if (s.kind === 'output') nBits = s.src.nBits;
  else nBits = s.dst.nBits;
  if (!imm && (s.src as FieldSlice).nBits !== nBits)
    throw new ActionError('OF_ACTION_BAD_ARGUMENT', 'learn: source and destination widths differ');
  w.u16(((imm ? 1 : 0) << 13) | (dstType << 11) | nBits);
  if (imm) {
    const b = s.src as Uint8Array;
    if (b.length !== 2 * Math.ceil(nBits / 16))
      throw new ActionError('OF_ACTION_BAD_ARGUMENT', `learn: immediate of ${b.length} bytes for ${nBits} bits`);
    w.bytes(b);
  } else {
    const src = s.src as FieldSlice;
    w.u32(fieldHeader(src.field)).u16(src.ofs);
  }
  if (s.kind !== 'output') w.u32(fieldHeader(s.dst.field)).u16(s.dst.ofs);
}

// Hot OVN actions decoded in their own small functions (see the writers above).

function readResubmitTable(r: ByteReader, len: number, at: number, ct: boolean): Action {
  need(len, 16, at);
  const inPort = r.u16();
  const table = r.u8();
  if (r.u24() !== 0) bad('OF_ACTION_BAD_ARGUMENT', 'resubmit: nonzero padding', at);
  return ct ? { type: 'resubmit', inPort, table, ct: true } : { type: 'resubmit', inPort, table };
}

function readRegMove(r: ByteReader, len: number, at: number): Action {
  need(len, 24, at);
  const nBits = r.u16();
  const srcOfs = r.u16();
  const dstOfs = r.u16();
  const src = fieldFromHeader(r.u32(), at).name;
  const dst = fieldFromHeader(r.u32(), at).name;
  const s = { field: src, ofs: srcOfs, nBits };
  const d = { field: dst, ofs: dstOfs, nBits };
  checkSlice(s, at);
  checkSlice(d, at);
  return { type: 'regMove', src: s, dst: d };
}

function readRegLoad(r: ByteReader, len: number, at: number): Action {
  need(len, 24, at);
  const on = r.u16();
  const dst = sliceFromOfsNbits(on, r.u32(), at);
  const value = r.u64();
  if (dst.nBits < 64 && value >= POW2[dst.nBits]!)
    bad('OF_ACTION_BAD_ARGUMENT', `load: value does not fit ${dst.nBits} bits`, at);
  return { type: 'regLoad', dst, value };
}

function readCt(r: ByteReader, len: number, at: number, version: OfVersion, nested: NestedActions): Action {
  atLeast(len, 24, at);
  const end = at + len;
  const flags = r.u16();
  const zoneSrcH = r.u32();
  const zoneV = r.u16();
  const table = r.u8();
  r.skip(3);
  const alg = r.u16();
  if (flags & ~(NX_CT_F.COMMIT | NX_CT_F.FORCE))
    bad('OF_ACTION_BAD_ARGUMENT', `ct: unknown flags 0x${flags.toString(16)}`, at);
  if (flags & NX_CT_F.FORCE && !(flags & NX_CT_F.COMMIT)) bad('OF_ACTION_BAD_ARGUMENT', 'ct: force without commit', at);
  let zoneSrc: FieldSlice | undefined;
  if (zoneSrcH !== 0) {
    zoneSrc = sliceFromOfsNbits(zoneV, zoneSrcH, at);
    if (zoneSrc.nBits !== 16) bad('OF_ACTION_BAD_SET_ARGUMENT', `ct: zone n_bits ${zoneSrc.nBits} is not 16`, at);
  }
  const actions = nested.read(r, end - r.offset, version);
  // built field by field: object spread is slow on this hot path
  const ct: { -readonly [K in keyof Extract<Action, { type: 'ct' }>]: Extract<Action, { type: 'ct' }>[K] } = {
    type: 'ct',
    commit: (flags & NX_CT_F.COMMIT) !== 0,
    force: (flags & NX_CT_F.FORCE) !== 0,
    actions,
  };
  if (zoneSrc) ct.zoneSrc = zoneSrc;
  else if (zoneV !== 0) ct.zone = zoneV;
  if (table !== NX_CT_RECIRC_NONE) ct.table = table;
  if (alg !== 0) ct.alg = alg;
  return ct;
}

function readNat(r: ByteReader, len: number, at: number): Action {
  atLeast(len, 16, at);
  const end = at + len;
  r.skip(2);
  const flags = r.u16();
  const present = r.u16();
  const kind = flags & NX_NAT_F.SRC ? 'src' : flags & NX_NAT_F.DST ? 'dst' : undefined;
  if (flags & NX_NAT_F.SRC && flags & NX_NAT_F.DST) bad('OF_ACTION_BAD_ARGUMENT', 'nat: both src and dst', at);
  const fl: ('persistent' | 'hash' | 'random')[] = [];
  if (flags & NX_NAT_F.PERSISTENT) fl.push('persistent');
  if (flags & NX_NAT_F.PROTO_HASH) fl.push('hash');
  if (flags & NX_NAT_F.PROTO_RANDOM) fl.push('random');
  // built field by field, in the order the ranges come (no intermediate object)
  const nat: { -readonly [K in keyof Extract<Action, { type: 'nat' }>]: Extract<Action, { type: 'nat' }>[K] } = {
    type: 'nat',
    flags: fl,
  };
  if (kind) nat.kind = kind;
  if (present & NX_NAT_RANGE.IPV4_MIN) nat.ipMin = readIpv4Text(r);
  if (present & NX_NAT_RANGE.IPV4_MAX) nat.ipMax = readIpv4Text(r);
  if (present & NX_NAT_RANGE.IPV6_MIN) nat.ipMin = fmt6(r.bytes(16));
  if (present & NX_NAT_RANGE.IPV6_MAX) nat.ipMax = fmt6(r.bytes(16));
  if (present & NX_NAT_RANGE.PROTO_MIN) nat.protoMin = r.u16();
  if (present & NX_NAT_RANGE.PROTO_MAX) nat.protoMax = r.u16();
  if (r.offset > end) bad('OF_ACTION_BAD_LEN', 'nat: ranges overrun the action', at);
  return nat;
}

/**
 * Reads a Nicira action of `len` bytes at `at`, its subtype next in `r`. Unknown subtypes (and
 * encap / decap, typed by encap.ts) come back as `{ type: 'experimenter' }` with their bytes.
 */
export function readNx(r: ByteReader, len: number, at: number, version: OfVersion, nested: NestedActions): Action {
  const subtype = r.u16();
  const end = at + len;
  let a: Action;
  switch (subtype) {
    case NXAST.RESUBMIT:
      need(len, 16, at);
      a = { type: 'resubmit', inPort: r.u16() };
      break;
    case NXAST.RESUBMIT_TABLE:
    case NXAST.RESUBMIT_TABLE_CT:
      a = readResubmitTable(r, len, at, subtype === NXAST.RESUBMIT_TABLE_CT);
      break;
    case NXAST.SET_TUNNEL:
      need(len, 16, at);
      r.skip(2);
      a = { type: 'setTunnel', tunId: BigInt(r.u32()), wide: false };
      break;
    case NXAST.SET_TUNNEL64:
      need(len, 24, at);
      r.skip(6);
      a = { type: 'setTunnel', tunId: r.u64(), wide: true };
      break;
    case NXAST.SET_QUEUE:
      need(len, 16, at);
      r.skip(2);
      a = { type: 'setQueue', queueId: r.u32() };
      break;
    case NXAST.POP_QUEUE:
      need(len, 16, at);
      a = { type: 'popQueue' };
      break;
    case NXAST.REG_MOVE:
      a = readRegMove(r, len, at);
      break;
    case NXAST.STACK_PUSH:
    case NXAST.STACK_POP: {
      need(len, 24, at);
      const ofs = r.u16();
      const field = fieldFromHeader(r.u32(), at).name;
      const nBits = r.u16();
      r.skip(6);
      const slice = { field, ofs, nBits };
      checkSlice(slice, at);
      a = { type: subtype === NXAST.STACK_PUSH ? 'stackPush' : 'stackPop', slice };
      break;
    }
    case NXAST.REG_LOAD:
      a = readRegLoad(r, len, at);
      break;
    case NXAST.REG_LOAD2: {
      atLeast(len, 16, at);
      const fields = readOxmFieldsOne(r, end, at);
      a = { type: 'regLoad2', field: fields };
      break;
    }
    case NXAST.NOTE:
      atLeast(len, 16, at);
      a = { type: 'note', data: r.bytes(end - r.offset) };
      break;
    case NXAST.OUTPUT_REG: {
      need(len, 24, at);
      const on = r.u16();
      const src = sliceFromOfsNbits(on, r.u32(), at);
      const maxLen = r.u16();
      if (!isZeroRange(r, end)) bad('OF_ACTION_BAD_ARGUMENT', 'output_reg: nonzero padding', at);
      a = { type: 'outputReg', src, maxLen };
      break;
    }
    case NXAST.OUTPUT_REG2: {
      need(len, 24, at);
      const on = r.u16();
      const maxLen = r.u16();
      const src = sliceFromOfsNbits(on, r.u32(), at);
      if (!isZeroRange(r, end)) bad('OF_ACTION_BAD_ARGUMENT', 'output_reg2: nonzero padding', at);
      a = { type: 'outputReg', src, maxLen, v2: true };
      break;
    }
    case NXAST.PUSH_MPLS:
      need(len, 16, at);
      a = { type: 'pushMpls', ethertype: r.u16() };
      break;
    case NXAST.POP_MPLS:
      need(len, 16, at);
      a = { type: 'popMpls', ethertype: r.u16() };
      break;
    case NXAST.SET_MPLS_TTL:
      need(len, 16, at);
      a = { type: 'setMplsTtl', ttl: r.u8() };
      break;
    case NXAST.DEC_MPLS_TTL:
      need(len, 16, at);
      a = { type: 'decMplsTtl' };
      break;
    case NXAST.CT:
      a = readCt(r, len, at, version, nested);
      break;
    case NXAST.NAT:
      a = readNat(r, len, at);
      break;
    case NXAST.CT_CLEAR:
      need(len, 16, at);
      a = { type: 'ctClear' };
      break;
    case NXAST.EXIT:
      need(len, 16, at);
      a = { type: 'exit' };
      break;
    case NXAST.DEC_TTL:
      need(len, 16, at);
      a = { type: 'decTtl' };
      break;
    case NXAST.DEC_NSH_TTL:
      need(len, 16, at);
      a = { type: 'decNshTtl' };
      break;
    case NXAST.DEC_TTL_CNT_IDS: {
      atLeast(len, 16, at);
      const n = r.u16();
      r.skip(4);
      if (16 + 2 * n > len) bad('OF_ACTION_BAD_LEN', `dec_ttl: ${n} ids overrun the action`, at);
      const ids: number[] = [];
      for (let i = 0; i < n; i++) ids.push(r.u16());
      a = { type: 'decTtl', ids };
      break;
    }
    case NXAST.CONJUNCTION: {
      need(len, 16, at);
      const clause = r.u8() + 1;
      const nClauses = r.u8();
      const id = r.u32();
      if (nClauses < 2 || nClauses > 64 || clause > nClauses)
        bad('OF_ACTION_BAD_ARGUMENT', 'conjunction: bad clause', at);
      a = { type: 'conjunction', id, clause, nClauses };
      break;
    }
    case NXAST.LEARN:
    case NXAST.LEARN2: {
      atLeast(len, subtype === NXAST.LEARN ? 32 : 40, at);
      const idleTimeout = r.u16();
      const hardTimeout = r.u16();
      const priority = r.u16();
      const cookie = r.u64();
      let flags = r.u16();
      const table = r.u8();
      r.skip(1);
      const finIdleTimeout = r.u16();
      const finHardTimeout = r.u16();
      let limit: number | undefined;
      let resultDst: FieldSlice | undefined;
      if (subtype === NXAST.LEARN2) {
        limit = r.u32();
        const rofs = r.u16();
        r.skip(2);
        if (flags & NX_LEARN_F.WRITE_RESULT) {
          const def = fieldFromHeader(r.u32(), at);
          resultDst = { field: def.name, ofs: rofs, nBits: 1 };
          checkSlice(resultDst, at);
          flags &= ~NX_LEARN_F.WRITE_RESULT;
        }
      }
      if (table === 0xff) bad('OF_ACTION_BAD_ARGUMENT', 'learn: table 255', at);
      const specs: LearnSpec[] = [];
      while (end - r.offset >= 2) {
        const h = r.u16();
        if (h === 0) break;
        const nBits = h & 0x7ff;
        const imm = (h >>> 13) & 1;
        const dstType = (h >>> 11) & 3;
        if (h >>> 14 || dstType === 3 || nBits === 0)
          bad('OF_ACTION_BAD_ARGUMENT', `learn: bad flow spec header 0x${h.toString(16)}`, at);
        let src: FieldSlice | Uint8Array;
        if (imm) {
          if (dstType === 2) bad('OF_ACTION_BAD_ARGUMENT', 'learn: output from an immediate', at);
          src = r.bytes(2 * Math.ceil(nBits / 16));
        } else {
          const def = fieldFromHeader(r.u32(), at);
          src = { field: def.name, ofs: r.u16(), nBits };
          checkSlice(src, at);
        }
        if (dstType === 2) {
          specs.push({ kind: 'output', src: src as FieldSlice });
        } else {
          const def = fieldFromHeader(r.u32(), at);
          const dst = { field: def.name, ofs: r.u16(), nBits };
          checkSlice(dst, at);
          specs.push({ kind: dstType === 0 ? 'match' : 'load', dst, src });
        }
        if (r.offset > end) bad('OF_ACTION_BAD_LEN', 'learn: spec overruns the action', at);
      }
      if (!isZeroRange(r, end)) bad('OF_ACTION_BAD_ARGUMENT', 'learn: nonzero bytes after the specs', at);
      a = {
        type: 'learn',
        idleTimeout,
        hardTimeout,
        priority,
        cookie,
        flags,
        table,
        finIdleTimeout,
        finHardTimeout,
        specs,
        ...(limit !== undefined ? { limit } : {}),
        ...(resultDst ? { resultDst } : {}),
      };
      break;
    }
    case NXAST.CONTROLLER: {
      need(len, 16, at);
      a = { type: 'controller', maxLen: r.u16(), id: r.u16(), reason: r.u8() };
      break;
    }
    case NXAST.CONTROLLER2: {
      atLeast(len, 16, at);
      r.skip(6);
      const o: {
        maxLen?: number;
        id?: number;
        reason?: number;
        userdata?: Uint8Array;
        pause?: boolean;
        meterId?: number;
      } = {};
      while (r.offset < end) {
        const pAt = r.offset;
        if (end - pAt < 4) bad('OF_ACTION_BAD_LEN', 'controller2: truncated property', pAt);
        const t = r.u16();
        const l = r.u16();
        if (l < 4 || pAt + pad8(l) > end) bad('OF_ACTION_BAD_LEN', `controller2: property length ${l}`, pAt);
        const body = r.sub(l - 4);
        switch (t) {
          case NXAC2PT.MAX_LEN:
            o.maxLen = body.u16();
            break;
          case NXAC2PT.CONTROLLER_ID:
            o.id = body.u16();
            break;
          case NXAC2PT.REASON:
            o.reason = body.u8();
            break;
          case NXAC2PT.USERDATA:
            o.userdata = body.bytes(l - 4);
            break;
          case NXAC2PT.PAUSE:
            o.pause = true;
            break;
          case NXAC2PT.METER_ID:
            o.meterId = body.u32();
            break;
          default:
            bad('OF_ACTION_BAD_ARGUMENT', `controller2: unknown property ${t}`, pAt);
        }
        r.skip(pad8(l) - l);
      }
      a = { type: 'controller2', ...o };
      break;
    }
    case NXAST.CLONE: {
      atLeast(len, 16, at);
      r.skip(6);
      a = { type: 'clone', actions: nested.read(r, end - r.offset, version) };
      break;
    }
    case NXAST.CHECK_PKT_LARGER: {
      need(len, 24, at);
      const pktLen = r.u16();
      const ofs = r.u16();
      const def = fieldFromHeader(r.u32(), at);
      const dst = { field: def.name, ofs, nBits: 1 };
      checkSlice(dst, at);
      a = { type: 'checkPktLarger', pktLen, dst };
      break;
    }
    case NXAST.SAMPLE:
    case NXAST.SAMPLE2:
    case NXAST.SAMPLE3: {
      need(len, subtype === NXAST.SAMPLE ? 24 : 32, at);
      const probability = r.u16();
      const collectorSetId = r.u32();
      const obsDomainId = r.u32();
      const obsPointId = r.u32();
      if (probability === 0) bad('OF_ACTION_BAD_ARGUMENT', 'sample: probability 0', at);
      let samplingPort: number | undefined;
      let direction: 'ingress' | 'egress' | undefined;
      if (subtype !== NXAST.SAMPLE) {
        samplingPort = r.u16();
        // OFPP_NONE: no sampling port (OVS prints nothing for it)
        if (samplingPort === OFPP_NONE_16) samplingPort = undefined;
        if (subtype === NXAST.SAMPLE3) {
          const d = r.u8();
          if (d > 2) bad('OF_ACTION_BAD_ARGUMENT', `sample: direction ${d}`, at);
          direction = d === 1 ? 'ingress' : d === 2 ? 'egress' : undefined;
        }
      }
      a = {
        type: 'sample',
        probability,
        collectorSetId,
        obsDomainId,
        obsPointId,
        ...(samplingPort !== undefined ? { samplingPort } : {}),
        ...(direction ? { direction } : {}),
      };
      break;
    }
    case NXAST.FIN_TIMEOUT:
      need(len, 16, at);
      a = { type: 'finTimeout', idleTimeout: r.u16(), hardTimeout: r.u16() };
      break;
    case NXAST.MULTIPATH: {
      need(len, 32, at);
      const fields = r.u16();
      const basis = r.u16();
      r.skip(2);
      const algorithm = r.u16();
      const maxLink = r.u16();
      const arg = r.u32();
      r.skip(2);
      const on = r.u16();
      const dst = sliceFromOfsNbits(on, r.u32(), at);
      a = { type: 'multipath', fields, basis, algorithm, maxLink, arg, dst };
      break;
    }
    case NXAST.BUNDLE:
    case NXAST.BUNDLE_LOAD: {
      atLeast(len, 32, at);
      const algorithm = r.u16();
      const fields = r.u16();
      const basis = r.u16();
      const slaveType = r.u32();
      const n = r.u16();
      const on = r.u16();
      const h = r.u32();
      r.skip(4);
      if (32 + 2 * n > len) bad('OF_ACTION_BAD_LEN', `bundle: ${n} members overrun the action`, at);
      const members: number[] = [];
      for (let i = 0; i < n; i++) members.push(r.u16());
      const dst = subtype === NXAST.BUNDLE_LOAD ? sliceFromOfsNbits(on, h, at) : undefined;
      a = { type: 'bundle', algorithm, fields, basis, slaveType, members, ...(dst ? { dst } : {}) };
      break;
    }
    case NXAST.DELETE_FIELD: {
      need(len, 24, at);
      a = { type: 'deleteField', field: fieldFromHeader(r.u32(), at).name };
      break;
    }
    case NXAST.SET_MPLS_LABEL:
      need(len, 16, at);
      r.skip(2);
      a = { type: 'setMplsLabel', label: r.u32() };
      break;
    case NXAST.SET_MPLS_TC:
      need(len, 16, at);
      a = { type: 'setMplsTc', tc: r.u8() };
      break;
    case NXAST.GROUP:
      need(len, 16, at);
      r.skip(2);
      a = { type: 'group', groupId: r.u32() };
      break;
    case NXAST.OUTPUT_TRUNC:
      need(len, 16, at);
      a = { type: 'outputTrunc', port: port10To11(r.u16()), maxLen: r.u32() };
      break;
    case NXAST.WRITE_METADATA:
      bad('OF_INSTRUCTION_UNSUP_ORDER', 'write_metadata is an instruction, not an action', at);
    // eslint-disable-next-line no-fallthrough
    default:
      r.offset = at + 4;
      return { type: 'experimenter', experimenter: r.u32(), data: r.bytes(len - 8) };
  }
  r.offset = end;
  return a;
}

function readOxmFieldsOne(r: ByteReader, end: number, at: number): MatchField {
  // one OXM TLV followed by zero padding
  const first = r.offset;
  const h = r.peekU16(0);
  const l = r.peekU16(2) & 0xff;
  const tlv = (h === 0xffff ? 4 : 4) + l;
  if (first + tlv > end) bad('OF_ACTION_BAD_SET_ARGUMENT', 'set_field: OXM overruns the action', at);
  const m = readOxmFieldsWrapped(r, tlv, at);
  if (m.length !== 1) bad('OF_ACTION_BAD_SET_ARGUMENT', 'set_field: expected one OXM', at);
  if (!isZeroRange(r, end)) bad('OF_ACTION_BAD_SET_ARGUMENT', 'set_field: nonzero padding', at);
  return m[0]!;
}

/** Dotted-quad text of the next 4 bytes (no view object for them). */
function readIpv4Text(r: ByteReader): string {
  r.need(4, 'bytes');
  const b = r.buf;
  const o = r.offset;
  r.offset = o + 4;
  return `${b[o]}.${b[o + 1]}.${b[o + 2]}.${b[o + 3]}`;
}

/** IPv6 text as the match formatter writes it. */
function fmt6(b: Uint8Array): string {
  return formatIpv6(b);
}
