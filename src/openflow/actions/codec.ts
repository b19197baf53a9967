import type { ByteReader, ByteWriter } from '../../wire/index.js';
import { WireError } from '../../wire/errors.js';
import type { OfVersion } from '../version.js';
import type { MatchField } from '../match/types.js';
import { oxmFieldLength, readOxmFields, writeOxmField } from '../match/codec.js';
import { MatchError } from '../match/errors.js';
import { bigIntToBytes, port10To11, port11To10 } from '../match/text-values.js';
import { fieldByName } from '../match/fields.js';
import type { Action, FieldSlice, Instruction, LearnSpec } from './types.js';
import { ActionError } from './errors.js';
import { encapFromAction } from './encap.js';
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
  OFPAT10,
  OFPAT11,
  OFPIT,
} from './constants.js';
import { READ_ONLY_FIELDS } from '../match/fields.js';
import { checkSlice, fieldFromHeader, fieldHeader, ofsNbits, sliceFromOfsNbits } from './slices.js';
import { ipBytes } from './addresses.js';

const pad8 = (n: number): number => (n + 7) & ~7;

/** 2^n for n = 0..64: a value fits n bits when below POW2[n] (no BigInt shift per load). */
const POW2: readonly bigint[] = Array.from({ length: 65 }, (_, n) => 1n << BigInt(n));

/** ONF extension copy_field for OpenFlow 1.3 (ONF_ET_COPY_FIELD, EXT-320). */
const ONF_VENDOR_ID = 0x4f4e4600;
const ONF_ET_COPY_FIELD = 3200;

/** OFPP_CONTROLLER in 16-bit and 32-bit form. */
const OFPP_CONTROLLER = 0xfffffffd;

// ---------------------------------------------------------------------------------------------
// lengths

function nxLen(a: Action, version: OfVersion): number {
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
      return pad8(10 + oxmFieldLength(a.field, 0x01));
    case 'note':
      return pad8(10 + a.data.length);
    case 'ct':
      return 24 + actionsLength(a.actions, version);
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
      return 16 + actionsLength(a.actions, version);
    case 'checkPktLarger':
      return 24;
    case 'sample':
      return a.samplingPort === undefined && a.direction === undefined ? 24 : 32;
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

/** OF1.5 has no NXAST_REG_MOVE either: a move is sent as OFPAT_COPY_FIELD. */
function for15(a: Action): Action {
  if (a.type === 'regLoad') return regLoadAsSetField(a);
  if (a.type === 'regMove') return { type: 'copyField', nBits: a.src.nBits, src: a.src, dst: a.dst };
  return a;
}

function actionLength(a: Action, version: OfVersion): number {
  if (version >= 0x06 && (a.type === 'regLoad' || a.type === 'regMove')) return actionLength(for15(a), version);
  if (version === 0x01) {
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
      case 'setQueue':
      case 'group':
        return 16; // NXAST_SET_QUEUE / NXAST_GROUP
      case 'pushMpls':
      case 'popMpls':
      case 'setMplsTtl':
      case 'decMplsTtl':
      case 'decNwTtl':
        return 16; // NXAST_*_MPLS*, NXAST_DEC_TTL
      case 'regLoad2':
      case 'setField':
        return nxLen({ type: 'regLoad2', field: a.field }, version);
      default:
        break;
    }
  } else {
    const n = stdLength11(a, version);
    if (n >= 0) return n;
  }
  return nonStdLength(a, version);
}

/**
 * Length of a standard OpenFlow 1.1+ action, -1 for any other type. The types it sizes are
 * exactly the ones writeStd writes for OpenFlow 1.1+ (so writeActions can skip writeStd's switch
 * for Nicira actions).
 */
function stdLength11(a: Action, version: OfVersion): number {
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
    case 'meter':
      return 8;
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
    default:
      return -1;
  }
}

/** Length of an unknown or Nicira action. @throws ActionError OF_ACTION_BAD_FOR_VERSION */
function nonStdLength(a: Action, version: OfVersion): number {
  if (a.type === 'unknown') return 4 + a.data.length;
  const n = nxLen(a, version);
  if (n < 0)
    throw new ActionError(
      'OF_ACTION_BAD_FOR_VERSION',
      `action ${a.type} cannot be encoded for OpenFlow version 0x0${version}`,
    );
  return n;
}

/**
 * Bytes an action list takes in `version` (each action padded to 8 as the spec requires).
 * @throws ActionError OF_ACTION_BAD_FOR_VERSION for an action the version cannot carry
 */
export function actionsLength(list: readonly Action[], version: OfVersion): number {
  let n = 0;
  for (const a of list) n += actionLength(a, version);
  return n;
}

// ---------------------------------------------------------------------------------------------
// encode

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

function writeCt(w: ByteWriter, a: ActionOf<'ct'>, version: OfVersion, len: number): void {
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
  writeActions(w, a.actions, version);
}

function writeClone(w: ByteWriter, a: ActionOf<'clone'>, version: OfVersion, len: number): void {
  nxHeader(w, len, NXAST.CLONE);
  pad(w, 6);
  writeActions(w, a.actions, version);
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

function writeNx(w: ByteWriter, a: Action, version: OfVersion, len: number): void {
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
      writeCt(w, a, version, len);
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
      writeClone(w, a, version, len);
      break;
    case 'checkPktLarger':
      checkSlice(a.dst);
      nxHeader(w, 24, NXAST.CHECK_PKT_LARGER);
      w.u16(a.pktLen).u16(a.dst.ofs).u32(fieldHeader(a.dst.field));
      break;
    case 'sample': {
      const v = a.direction !== undefined ? NXAST.SAMPLE3 : a.samplingPort !== undefined ? NXAST.SAMPLE2 : NXAST.SAMPLE;
      nxHeader(w, len, v);
      w.u16(a.probability).u32(a.collectorSetId).u32(a.obsDomainId).u32(a.obsPointId);
      if (v !== NXAST.SAMPLE) {
        w.u16(a.samplingPort ?? 0);
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

function writeStd(w: ByteWriter, a: Action, version: OfVersion, len: number): boolean {
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
      w.u16(OFPAT.METER).u16(len).u32(a.meterId);
      return true;
    case 'setField': {
      const s = w.offset;
      w.u16(OFPAT.SET_FIELD).u16(len);
      writeOxmField(w, a.field, version);
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
          .u32(fieldHeader(a.src.field))
          .u32(fieldHeader(a.dst.field))
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
        .u32(fieldHeader(a.src.field))
        .u32(fieldHeader(a.dst.field))
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
    default:
      return false;
  }
}

/**
 * Writes an action list for `version`. Standard actions use the version's own encoding (OF1.0
 * 8-byte output, OF1.1+ 16-byte output, set_field as OXM); Nicira actions use NXAST_*.
 * @throws ActionError OF_ACTION_BAD_FOR_VERSION, OF_ACTION_BAD_ARGUMENT
 */
export function writeActions(w: ByteWriter, list: readonly Action[], version: OfVersion): void {
  for (const a of list) {
    if (a.type === 'ct' || a.type === 'clone') {
      // a fixed header and the nested list, unpadded: the length is what was written, patched
      // afterwards (sizing the nested list first would walk it twice)
      const at = w.offset;
      if (a.type === 'ct') writeCt(w, a, version, 0);
      else writeClone(w, a, version, 0);
      w.patchU16(at + 2, w.offset - at);
      continue;
    }
    if (version !== 0x01 && !(version >= 0x06 && (a.type === 'regLoad' || a.type === 'regMove'))) {
      // OpenFlow 1.1+: one switch decides standard or not, and sizes the action
      const start = w.offset;
      let len = stdLength11(a, version);
      if (len >= 0) {
        writeStd(w, a, version, len);
      } else {
        len = nonStdLength(a, version);
        if (a.type === 'unknown') {
          w.u16(a.actionType).u16(len).bytes(a.data);
          continue;
        }
        writeNx(w, a, version, len);
      }
      if (w.offset - start !== len)
        throw new ActionError('OF_ACTION_BAD_LEN', `internal: ${a.type} wrote ${w.offset - start} of ${len} bytes`);
      continue;
    }
    const len = actionLength(a, version);
    if (a.type === 'unknown') {
      w.u16(a.actionType).u16(len).bytes(a.data);
      continue;
    }
    const start = w.offset;
    if (version >= 0x06 && (a.type === 'regLoad' || a.type === 'regMove')) {
      writeStd(w, for15(a), version, len);
    } else if (!writeStd(w, a, version, len)) writeNx(w, a, version, len);
    if (w.offset - start !== len)
      throw new ActionError('OF_ACTION_BAD_LEN', `internal: ${a.type} wrote ${w.offset - start} of ${len} bytes`);
  }
}

// ---------------------------------------------------------------------------------------------
// decode

/** Zero padding without Buffer#fill (slow for a few bytes). */
function pad(w: ByteWriter, n: number): ByteWriter {
  if (n <= 0) return w;
  if (w.offset + n > w.end)
    throw new ActionError('OF_ACTION_BAD_LEN', `write of ${n} padding bytes past the end of the buffer`, w.offset);
  const b = w.buf;
  let o = w.offset;
  for (let i = 0; i < n; i++) b[o++] = 0;
  w.offset = o;
  return w;
}

function bad(code: ConstructorParameters<typeof ActionError>[0], msg: string, at: number): never {
  throw new ActionError(code, msg, at);
}

function need(len: number, n: number, at: number): void {
  if (len !== n) bad('OF_ACTION_BAD_LEN', `action must be ${n} bytes, is ${len}`, at);
}

function atLeast(len: number, n: number, at: number): void {
  if (len < n) bad('OF_ACTION_BAD_LEN', `action must be at least ${n} bytes, is ${len}`, at);
}

function needIns(len: number, n: number, at: number): void {
  if (len !== n) bad('OF_INSTRUCTION_BAD_LEN', `instruction must be ${n} bytes, is ${len}`, at);
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

function readCt(r: ByteReader, len: number, at: number, version: OfVersion): Action {
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
  const actions = readActionsRaw(r, end - r.offset, version);
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

function readNx(r: ByteReader, len: number, at: number, version: OfVersion): Action {
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
      a = readCt(r, len, at, version);
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
      a = { type: 'clone', actions: readActionsRaw(r, end - r.offset, version) };
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

function readOxmFieldsWrapped(r: ByteReader, n: number, at: number): readonly MatchField[] {
  try {
    return readOxmFields(r, n);
  } catch (e) {
    if (e instanceof MatchError)
      throw new ActionError('OF_ACTION_BAD_SET_ARGUMENT', `set_field: ${e.message}`, at, { cause: e });
    throw e;
  }
}

function isZeroRange(r: ByteReader, end: number): boolean {
  while (r.offset < end) if (r.u8() !== 0) return false;
  return true;
}

/** Dotted-quad text of the next 4 bytes (no view object for them). */
function readIpv4Text(r: ByteReader): string {
  r.need(4, 'bytes');
  const b = r.buf;
  const o = r.offset;
  r.offset = o + 4;
  return `${b[o]}.${b[o + 1]}.${b[o + 2]}.${b[o + 3]}`;
}

function fmt6(b: Uint8Array): string {
  // local import avoided: same text as match formatting
  return formatIpv6Local(b);
}

import { formatIpv6 as formatIpv6Local } from '../match/text-values.js';

function readStd(r: ByteReader, type: number, len: number, at: number, version: OfVersion): Action | undefined {
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
      if (port === 0xffffffff || port === 0 || (port >= 0xff00 && port < 0xfffffff8))
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
      default:
        break;
    }
  }
  return undefined;
}

function readOxmFieldsOneStd(r: ByteReader, end: number, at: number): MatchField {
  const l = r.peekU16(2) & 0xff;
  const m = readOxmFieldsWrapped(r, 4 + l, at);
  if (m.length !== 1) bad('OF_ACTION_BAD_SET_ARGUMENT', 'set_field: expected one OXM', at);
  if (m[0]!.field === 'unknown') bad('OF_ACTION_BAD_SET_TYPE', 'set_field: unknown field', at);
  if (!isZeroRange(r, end)) bad('OF_ACTION_BAD_SET_ARGUMENT', 'set_field: nonzero padding', at);
  return m[0]!;
}

/**
 * Reads `byteLength` bytes of actions for `version`. Unknown experimenter actions come back as
 * `{ type: 'experimenter' }` with their bytes; unknown standard types as `{ type: 'unknown' }`.
 * Views alias the input.
 * @throws ActionError OF_ACTION_BAD_LEN (lengths not a multiple of 8, overruns), OF_ACTION_BAD_ARGUMENT,
 *   OF_ACTION_BAD_OUT_PORT, OF_ACTION_BAD_SET_ARGUMENT, OF_ACTION_BAD_SET_LEN, OF_ACTION_BAD_SET_MASK
 */
export function readActions(r: ByteReader, byteLength: number, version: OfVersion): Action[] {
  const at = r.offset;
  const list = readActionsRaw(r, byteLength, version);
  validateActions(list, false, at);
  return list;
}

function writtenField(a: Action): string | undefined {
  switch (a.type) {
    case 'regLoad':
      return a.dst.field;
    case 'regLoad2':
    case 'setField':
      return a.field.field;
    case 'regMove':
    case 'copyField':
      return a.dst.field;
    case 'stackPop':
      return a.slice.field;
    default:
      return undefined;
  }
}

function cmpBytes(x: Uint8Array, y: Uint8Array): number {
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return 0;
}

/**
 * The consistency rules OVS applies to a decoded list (ofpacts_verify / decode checks): actions
 * may not write read-only fields; ct_mark / ct_label are written only inside ct(exec(...));
 * ct(exec(...)) holds only those writes, after an optional leading nat; nat ranges are ordered.
 * @throws ActionError OF_ACTION_BAD_SET_ARGUMENT, OF_ACTION_BAD_ARGUMENT
 */
export function validateActions(list: readonly Action[], inCt: boolean, at = -1): void {
  for (let idx = 0; idx < list.length; idx++) {
    const a = list[idx]!;
    const f = writtenField(a);
    if (f !== undefined) {
      if (READ_ONLY_FIELDS.has(f)) bad('OF_ACTION_BAD_SET_ARGUMENT', `${a.type} writes read-only field ${f}`, at);
      const ctField = f === 'ct_mark' || f === 'ct_label';
      if (ctField && !inCt) bad('OF_ACTION_BAD_SET_ARGUMENT', `${f} may only be written inside ct(exec(...))`, at);
      if (inCt && !ctField)
        bad('OF_ACTION_BAD_ARGUMENT', `ct(exec(...)) may only write ct_mark and ct_label, not ${f}`, at);
      if (inCt && a.type === 'regMove') bad('OF_ACTION_BAD_ARGUMENT', 'ct(exec(...)) may not hold move', at);
      continue;
    }
    if (a.type === 'nat') {
      if (!inCt || idx !== 0) bad('OF_ACTION_BAD_ARGUMENT', 'nat is only valid as the first action inside ct(...)', at);
      if (a.ipMin !== undefined && a.ipMax !== undefined) {
        const x = ipBytes(a.ipMin);
        const y = ipBytes(a.ipMax);
        if (x.length !== y.length || cmpBytes(x, y) > 0)
          bad('OF_ACTION_BAD_ARGUMENT', `nat: address range ${a.ipMin}-${a.ipMax} is reversed`, at);
      }
      if (a.protoMin !== undefined && a.protoMax !== undefined && a.protoMin > a.protoMax) {
        bad('OF_ACTION_BAD_ARGUMENT', `nat: port range ${a.protoMin}-${a.protoMax} is reversed`, at);
      }
      continue;
    }
    if (inCt) bad('OF_ACTION_BAD_ARGUMENT', `ct(exec(...)) may not hold ${a.type}`, at);
    if (a.type === 'ct') validateActions(a.actions, true, at);
    if (a.type === 'clone') validateActions(a.actions, false, at);
  }
}

function readActionsRaw(r: ByteReader, byteLength: number, version: OfVersion): Action[] {
  if (byteLength < 0 || byteLength > r.remaining)
    bad('OF_ACTION_BAD_LEN', `action list of ${byteLength} bytes, ${r.remaining} left`, r.offset);
  const end = r.offset + byteLength;
  const out: Action[] = [];
  try {
    while (r.offset < end) {
      const at = r.offset;
      if (end - at < 8) bad('OF_ACTION_BAD_LEN', `${end - at} trailing bytes in action list`, at);
      const type = r.u16();
      const len = r.u16();
      if (len < 8 || len % 8 !== 0 || at + len > end) bad('OF_ACTION_BAD_LEN', `action length ${len}`, at);
      let a: Action | undefined;
      if (type === OFPAT.EXPERIMENTER) {
        const exp = r.u32();
        if (exp === NX_VENDOR_ID && len >= 10) {
          a = readNx(r, len, at, version);
          // encap / decap travel as raw Nicira actions (typed view: encapFromAction); refuse what OVS refuses
          if (a.type === 'experimenter') encapFromAction(a);
        } else if (exp === ONF_VENDOR_ID && len === 32 && r.peekU16() === ONF_ET_COPY_FIELD) {
          r.skip(4);
          const nBits = r.u16();
          const srcOfs = r.u16();
          const dstOfs = r.u16();
          r.skip(2);
          const src = { field: fieldFromHeader(r.u32(), at).name, ofs: srcOfs, nBits };
          const dst = { field: fieldFromHeader(r.u32(), at).name, ofs: dstOfs, nBits };
          checkSlice(src, at);
          checkSlice(dst, at);
          a = { type: 'copyField', nBits, src, dst, onf: true };
        } else a = { type: 'experimenter', experimenter: exp, data: r.bytes(len - 8) };
      } else {
        a = readStd(r, type, len, at, version);
        if (!a) bad('OF_ACTION_BAD_TYPE', `unknown action type ${type}`, at);
      }
      r.offset = at + len;
      out.push(a);
    }
  } catch (e) {
    if (e instanceof WireError)
      throw new ActionError('OF_ACTION_BAD_LEN', e.message.replace(/ \(at byte \d+\)$/, ''), e.offset, { cause: e });
    throw e;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// instructions

function instructionLength(i: Instruction, version: OfVersion): number {
  switch (i.type) {
    case 'gotoTable':
      return 8;
    case 'writeMetadata':
      return 24;
    case 'writeActions':
    case 'applyActions':
      return 8 + actionsLength(i.actions, version);
    case 'clearActions':
      return 8;
    case 'meter':
      return 8;
    case 'statTrigger':
      return pad8(8 + 8 * i.thresholds.length);
    case 'experimenter':
      return 8 + i.data.length;
  }
}

/** Bytes of an instruction list (OpenFlow 1.1+). */
export function instructionsLength(list: readonly Instruction[], version: OfVersion): number {
  let n = 0;
  for (const i of list) n += instructionLength(i, version);
  return n;
}

/**
 * Writes an OpenFlow 1.1+ instruction list.
 * @throws ActionError OF_INSTRUCTION_UNKNOWN for `meter` in OF1.5 (an action there) and actions errors
 */
export function writeInstructions(w: ByteWriter, list: readonly Instruction[], version: OfVersion): void {
  for (const i of list) {
    const len = i.type === 'writeActions' || i.type === 'applyActions' ? 0 : instructionLength(i, version);
    switch (i.type) {
      case 'gotoTable':
        w.u16(OFPIT.GOTO_TABLE).u16(8).u8(i.tableId).u8(0).u16(0);
        break;
      case 'writeMetadata':
        w.u16(OFPIT.WRITE_METADATA).u16(24).u32(0).u64(i.metadata).u64(i.mask);
        break;
      case 'writeActions':
      case 'applyActions': {
        // length patched afterwards: the action list is sized once, by the caller's instructionsLength
        const at = w.offset;
        w.u16(i.type === 'writeActions' ? OFPIT.WRITE_ACTIONS : OFPIT.APPLY_ACTIONS)
          .u16(0)
          .u32(0);
        writeActions(w, i.actions, version);
        w.patchU16(at + 2, w.offset - at);
        break;
      }
      case 'clearActions':
        w.u16(OFPIT.CLEAR_ACTIONS).u16(8).u32(0);
        break;
      case 'meter':
        w.u16(OFPIT.METER).u16(8).u32(i.meterId);
        break;
      case 'statTrigger': {
        const s = w.offset;
        w.u16(OFPIT.STAT_TRIGGER)
          .u16(8 + 8 * i.thresholds.length)
          .u32(i.flags);
        for (const t of i.thresholds) w.u64(t);
        pad(w, len - (w.offset - s));
        break;
      }
      case 'experimenter':
        w.u16(OFPIT.EXPERIMENTER).u16(len).u32(i.experimenter).bytes(i.data);
        break;
    }
  }
}

/**
 * Reads an OpenFlow 1.1+ instruction list. Each instruction type may appear once (OFPBIC_DUP_INST).
 * @throws ActionError OF_INSTRUCTION_UNKNOWN, OF_INSTRUCTION_BAD_LEN, OF_INSTRUCTION_DUP, and action errors
 */
export function readInstructions(r: ByteReader, byteLength: number, version: OfVersion): Instruction[] {
  if (byteLength < 0 || byteLength > r.remaining)
    bad('OF_INSTRUCTION_BAD_LEN', `instruction list of ${byteLength} bytes, ${r.remaining} left`, r.offset);
  const end = r.offset + byteLength;
  const out: Instruction[] = [];
  let seen = 0;
  try {
    while (r.offset < end) {
      const at = r.offset;
      if (end - at < 8) bad('OF_INSTRUCTION_BAD_LEN', `${end - at} trailing bytes in instruction list`, at);
      const type = r.u16();
      const len = r.u16();
      if (len < 8 || len % 8 !== 0 || at + len > end) bad('OF_INSTRUCTION_BAD_LEN', `instruction length ${len}`, at);
      let ins: Instruction;
      switch (type) {
        case OFPIT.GOTO_TABLE:
          needIns(len, 8, at);
          ins = { type: 'gotoTable', tableId: r.u8() };
          break;
        case OFPIT.WRITE_METADATA:
          needIns(len, 24, at);
          r.skip(4);
          ins = { type: 'writeMetadata', metadata: r.u64(), mask: r.u64() };
          break;
        case OFPIT.WRITE_ACTIONS:
        case OFPIT.APPLY_ACTIONS:
          r.skip(4);
          ins = {
            type: type === OFPIT.WRITE_ACTIONS ? 'writeActions' : 'applyActions',
            actions: readActions(r, len - 8, version),
          };
          break;
        case OFPIT.CLEAR_ACTIONS:
          needIns(len, 8, at);
          ins = { type: 'clearActions' };
          break;
        case OFPIT.METER:
          if (version < 0x04 || version >= 0x06)
            bad('OF_INSTRUCTION_UNKNOWN', `meter instruction in OpenFlow version 0x0${version}`, at);
          needIns(len, 8, at);
          ins = { type: 'meter', meterId: r.u32() };
          break;
        case OFPIT.STAT_TRIGGER: {
          if (version < 0x06) bad('OF_INSTRUCTION_UNKNOWN', 'stat_trigger before OpenFlow 1.5', at);
          const flags = r.u32();
          const th: bigint[] = [];
          while (r.offset + 8 <= at + len) th.push(r.u64());
          ins = { type: 'statTrigger', flags, thresholds: th };
          break;
        }
        case OFPIT.EXPERIMENTER:
          ins = { type: 'experimenter', experimenter: r.u32(), data: r.bytes(len - 8) };
          break;
        default:
          bad('OF_INSTRUCTION_UNKNOWN', `unknown instruction type ${type}`, at);
      }
      const bit = type === OFPIT.EXPERIMENTER ? 0 : 1 << type;
      if (seen & bit) bad('OF_INSTRUCTION_DUP', `instruction type ${type} appears twice`, at);
      seen |= bit;
      r.offset = at + len;
      out.push(ins);
    }
  } catch (e) {
    if (e instanceof WireError)
      throw new ActionError('OF_INSTRUCTION_BAD_LEN', e.message.replace(/ \(at byte \d+\)$/, ''), e.offset, {
        cause: e,
      });
    throw e;
  }
  return out;
}

export { OFPP_CONTROLLER };
