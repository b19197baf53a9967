/**
 * encodeMessage: a typed message to wire bytes. Every length field is computed here, never copied
 * from the object. OF1.3 / OF1.4 / OF1.5 for every message type; OF1.0 for the symmetric messages.
 */
import { ByteWriter, WireError } from '../../wire/index.js';
import { writeMatch, writeMatch10, writeOxmFields } from '../match/index.js';
import { defaultCodePoint, fieldByName } from '../match/fields.js';
import { writeMatch11 } from '../match/match11.js';
import { writeActions, writeInstructions } from '../actions/index.js';
import type { Action } from '../actions/index.js';
import type { OfVersion } from '../version.js';
import { EXPERIMENTER_ID, NXPINT, NXT, OFPMP, OFPT } from './constants.js';
import { OfMessageError } from './errors.js';
import { extInnerBytes, isExtMpKind, writeExtMessage, writeExtMpReply, writeExtMpRequest } from './ext.js';
import type { ExtMessage, ExtMultipartReplyBody, ExtMultipartRequestBody } from './ext-types.js';
import { pad8, writeFixedString, writeRawProps } from './props.js';
import type {
  Bucket,
  GroupDescEntry,
  GroupMod,
  FlowStatValues,
  FlowStatsRequestBody,
  MeterBand,
  MultipartReplyBody,
  MultipartRequestBody,
  NxPacketIn2Fields,
  OfMessage,
  Port,
  PortStatsEntry,
  QueueStatsEntry,
  SelectionMethod,
  TableFeatures,
  TlvMap,
} from './types.js';

/** OF1.1+ type numbers back to OF1.0 numbers (index = OF1.1+ number). */
const TO_OF10: Readonly<Record<number, number>> = { 16: 15, 18: 16, 19: 17, 20: 18, 21: 19, 22: 20, 23: 21 };

/** OpenFlow messages are bounded by the 16-bit length, so one scratch buffer of that size suffices. */
const MAX_LEN = 0xffff;
let scratch = Buffer.allocUnsafe(MAX_LEN);

/**
 * Encodes a message. Returns a fresh buffer of exactly the message length.
 *
 * The message is written once into a reusable 64 KiB scratch buffer (OpenFlow's length field caps
 * every message at 65535 bytes) and then copied out: one allocation per message, no size pass.
 *
 * @example
 * const bytes = encodeMessage({ type: 'barrierRequest', version: 0x06, xid: 7 });
 * @throws OfMessageError `OF_MSG_TOO_LONG` (over 65535 bytes), `OF_MSG_UNSUPPORTED` (message not
 *   defined for that version), `OF_MSG_BAD_VALUE` (a field out of range); MatchError / ActionError
 *   from the match and action encoders.
 */
export function encodeMessage(msg: OfMessage): Uint8Array {
  // Nested messages (bundle add) are encoded first, since they use the same scratch buffer.
  const inner = msg.type === 'bundleAdd' ? encodeMessage(msg.message) : extInnerBytes(msg);
  const buf = scratch;
  const w = new ByteWriter(buf, 0, MAX_LEN);
  try {
    writeMessage(w, msg, inner);
  } catch (e) {
    if (e instanceof WireError) {
      if (w.offset + 64 >= MAX_LEN || /past the end/.test(e.message)) {
        throw new OfMessageError('OF_MSG_TOO_LONG', `${msg.type} message does not fit in 65535 bytes`, 0, { cause: e });
      }
      throw new OfMessageError('OF_MSG_BAD_VALUE', `${msg.type}: ${e.message}`, e.offset, { cause: e });
    }
    throw e;
  }
  const len = w.offset;
  buf[2] = len >>> 8;
  buf[3] = len & 0xff;
  const out = Buffer.allocUnsafe(len);
  buf.copy(out, 0, 0, len);
  if (scratch !== buf) scratch = buf;
  return out;
}

function typeByte(v: number, t: number, what: string): number {
  if (v !== 1) return t;
  if (t <= 14) return t;
  const m = TO_OF10[t];
  if (m === undefined) throw new OfMessageError('OF_MSG_UNSUPPORTED', `${what} does not exist in OpenFlow 1.0`);
  return m;
}

function header(w: ByteWriter, version: number, t: number, xid: number, what: string): void {
  w.u8(version).u8(typeByte(version, t, what)).u16(0).u32(xid);
}

function need(v: number, min: number, what: string): void {
  if (v < min) throw new OfMessageError('OF_MSG_UNSUPPORTED', `${what} is not encoded for OpenFlow version 0x${v.toString(16)}`);
}

function nxHeader(w: ByteWriter, v: number, xid: number, subtype: number): void {
  header(w, v, OFPT.EXPERIMENTER, xid, 'experimenter');
  w.u32(EXPERIMENTER_ID.NX).u32(subtype);
}

function writeMessage(w: ByteWriter, m: OfMessage, inner: Uint8Array | null): void {
  const v = m.version as OfVersion;
  switch (m.type) {
    case 'hello': {
      header(w, v, OFPT.HELLO, m.xid, 'hello');
      for (const e of m.elements) {
        if (e.type === 'versionBitmap') {
          const words = Math.max(1, Math.ceil((Math.max(-1, ...e.versions) + 1) / 32));
          const start = w.offset;
          w.u16(1).u16(4 + 4 * words);
          for (let i = 0; i < words; i++) {
            let bits = 0;
            for (const x of e.versions) if (x >= i * 32 && x < i * 32 + 32) bits |= 1 << (x - i * 32);
            w.u32(bits >>> 0);
          }
          w.zeros(pad8(w.offset - start) - (w.offset - start));
        } else {
          const len = 4 + e.data.length;
          w.u16(e.elemType).u16(len).bytes(e.data).zeros(pad8(len) - len);
        }
      }
      if (m.trailing) w.bytes(m.trailing);
      return;
    }
    case 'error':
      header(w, v, OFPT.ERROR, m.xid, 'error');
      w.u16(m.errType).u16(m.code);
      if (m.experimenter !== undefined) w.u32(m.experimenter);
      if (m.nxVendor) w.u32(m.nxVendor.vendor).u16(m.nxVendor.type).u16(m.nxVendor.code);
      w.bytes(m.data);
      return;
    case 'echoRequest':
    case 'echoReply':
      header(w, v, m.type === 'echoRequest' ? OFPT.ECHO_REQUEST : OFPT.ECHO_REPLY, m.xid, m.type);
      w.bytes(m.data);
      return;
    case 'experimenter':
      header(w, v, OFPT.EXPERIMENTER, m.xid, 'experimenter');
      w.u32(m.experimenter);
      if (m.expType !== undefined) w.u32(m.expType);
      w.bytes(m.data);
      return;
    case 'featuresRequest':
      header(w, v, OFPT.FEATURES_REQUEST, m.xid, m.type);
      return;
    case 'featuresReply':
      header(w, v, OFPT.FEATURES_REPLY, m.xid, m.type);
      w.u64(m.datapathId).u32(m.nBuffers).u8(m.nTables).u8(v >= 4 ? m.auxiliaryId : 0).u16(0);
      w.u32(m.capabilities).u32(m.reserved);
      if (v < 4) for (const p of m.ports) writePort(w, p, v);
      return;
    case 'getConfigRequest':
      header(w, v, OFPT.GET_CONFIG_REQUEST, m.xid, m.type);
      return;
    case 'getConfigReply':
    case 'setConfig':
      header(w, v, m.type === 'setConfig' ? OFPT.SET_CONFIG : OFPT.GET_CONFIG_REPLY, m.xid, m.type);
      w.u16(m.flags).u16(m.missSendLen);
      return;
    case 'barrierRequest':
    case 'barrierReply':
      header(w, v, m.type === 'barrierRequest' ? OFPT.BARRIER_REQUEST : OFPT.BARRIER_REPLY, m.xid, m.type);
      return;
    case 'portStatus':
      header(w, v, OFPT.PORT_STATUS, m.xid, m.type);
      w.u8(m.reason).zeros(7);
      writePort(w, m.port, v);
      return;
    case 'packetIn':
      header(w, v, OFPT.PACKET_IN, m.xid, m.type);
      if (v === 1) {
        w.u32(m.bufferId).u16(m.totalLen).u16(m.inPort ?? 0).u8(m.reason).u8(0).bytes(m.data);
        return;
      }
      if (v === 2) {
        w.u32(m.bufferId).u32(m.inPort ?? 0).u32(m.inPhyPort ?? m.inPort ?? 0).u16(m.totalLen).u8(m.reason).u8(m.tableId).bytes(m.data);
        return;
      }
      w.u32(m.bufferId).u16(m.totalLen).u8(m.reason).u8(m.tableId);
      if (v >= 4) w.u64(m.cookie);
      writeMatch(w, m.match, v);
      w.zeros(2).bytes(m.data);
      return;
    case 'flowRemoved':
      header(w, v, OFPT.FLOW_REMOVED, m.xid, m.type);
      if (v === 1) {
        writeMatch10(w, m.match);
        w.u64(m.cookie).u16(m.priority).u8(m.reason).u8(0).u32(m.stats.durationSec ?? 0).u32(m.stats.durationNsec ?? 0);
        w.u16(m.idleTimeout).zeros(2).u64(m.stats.packetCount ?? 0n).u64(m.stats.byteCount ?? 0n);
        return;
      }
      if (v >= 6) {
        w.u8(m.tableId).u8(m.reason).u16(m.priority).u16(m.idleTimeout).u16(m.hardTimeout).u64(m.cookie);
        writeMatch(w, m.match, v);
        writeOxsStats(w, m.stats);
      } else {
        // OpenFlow 1.1 §A.4.2: a pad where OF1.2+ has hard_timeout, and the 88-byte match
        w.u64(m.cookie).u16(m.priority).u8(m.reason).u8(m.tableId);
        w.u32(m.stats.durationSec ?? 0).u32(m.stats.durationNsec ?? 0).u16(m.idleTimeout).u16(v === 2 ? 0 : m.hardTimeout);
        w.u64(m.stats.packetCount ?? 0n).u64(m.stats.byteCount ?? 0n);
        if (v === 2) writeMatch11(w, m.match);
        else writeMatch(w, m.match, v);
      }
      return;
    case 'packetOut': {
      header(w, v, OFPT.PACKET_OUT, m.xid, m.type);
      if (v === 1) {
        w.u32(m.bufferId).u16(m.inPort).u16(0);
        const a0 = w.offset;
        writeActions(w, m.actions, v);
        w.patchU16(a0 - 2, w.offset - a0);
        w.bytes(m.data);
        return;
      }
      w.u32(m.bufferId);
      const lenAt = v >= 6 ? w.offset : w.offset + 4;
      if (v >= 6) {
        w.u16(0).u16(0);
        writeMatch(w, m.match ?? [inPortField(m.inPort)], v);
      } else {
        w.u32(m.inPort).u16(0).zeros(6);
      }
      const a0 = w.offset;
      writeActions(w, m.actions, v);
      w.patchU16(lenAt, w.offset - a0);
      w.bytes(m.data);
      return;
    }
    case 'flowMod':
      header(w, v, OFPT.FLOW_MOD, m.xid, m.type);
      if (v === 1) {
        writeMatch10(w, m.match);
        w.u64(m.cookie).u16(((m.tableId & 0xff) << 8) | m.command).u16(m.idleTimeout).u16(m.hardTimeout).u16(m.priority);
        w.u32(m.bufferId).u16(m.outPort).u16(m.flags);
        writeActions(w, of10Actions(m.instructions), v);
        return;
      }
      w.u64(m.cookie).u64(m.cookieMask).u8(m.tableId).u8(m.command).u16(m.idleTimeout).u16(m.hardTimeout);
      w.u16(m.priority).u32(m.bufferId).u32(m.outPort).u32(m.outGroup).u16(m.flags).u16(v >= 5 ? m.importance : 0);
      if (v === 2) writeMatch11(w, m.match);
      else writeMatch(w, m.match, v);
      writeInstructions(w, m.instructions, v);
      return;
    case 'groupMod':
      need(v, 2, m.type);
      header(w, v, OFPT.GROUP_MOD, m.xid, m.type);
      writeGroupModBody(w, m, v);
      return;
    case 'portMod':
      header(w, v, OFPT.PORT_MOD, m.xid, m.type);
      if (v === 1) {
        w.u16(m.portNo).bytes(mac(m.hwAddr)).u32(m.config).u32(m.mask).u32(m.advertise ?? 0).zeros(4);
        return;
      }
      w.u32(m.portNo).zeros(4).bytes(mac(m.hwAddr)).zeros(2).u32(m.config).u32(m.mask);
      if (v <= 4) w.u32(m.advertise ?? 0).zeros(4);
      else {
        if (m.advertise !== undefined) w.u16(0).u16(8).u32(m.advertise);
        writeRawProps(w, m.otherProperties);
      }
      return;
    case 'tableMod':
      need(v, 2, m.type);
      header(w, v, OFPT.TABLE_MOD, m.xid, m.type);
      w.u8(m.tableId).zeros(3).u32(m.config);
      if (v >= 5) writeRawProps(w, m.properties);
      return;
    case 'roleRequest':
    case 'roleReply':
      need(v, 3, m.type);
      header(w, v, m.type === 'roleRequest' ? OFPT.ROLE_REQUEST : OFPT.ROLE_REPLY, m.xid, m.type);
      w.u32(m.role).u16(v >= 6 ? (m.shortId ?? 0) : 0).zeros(2).u64(m.generationId);
      return;
    case 'getAsyncRequest':
      need(v, 4, m.type);
      header(w, v, OFPT.GET_ASYNC_REQUEST, m.xid, m.type);
      return;
    case 'getAsyncReply':
    case 'setAsync':
      need(v, 4, m.type);
      header(w, v, m.type === 'setAsync' ? OFPT.SET_ASYNC : OFPT.GET_ASYNC_REPLY, m.xid, m.type);
      if (v === 4) {
        const k = m.masks ?? { packetIn: [0, 0], portStatus: [0, 0], flowRemoved: [0, 0] };
        w.u32(k.packetIn[0]).u32(k.packetIn[1]).u32(k.portStatus[0]).u32(k.portStatus[1]);
        w.u32(k.flowRemoved[0]).u32(k.flowRemoved[1]);
      } else {
        for (const p of m.properties ?? []) {
          if ('mask' in p) w.u16(p.propType).u16(8).u32(p.mask);
          else writeRawProps(w, [p]);
        }
      }
      return;
    case 'meterMod':
      need(v, 4, m.type);
      header(w, v, OFPT.METER_MOD, m.xid, m.type);
      w.u16(m.command).u16(m.flags).u32(m.meterId);
      writeBands(w, m.bands);
      return;
    case 'bundleControl':
      need(v, 4, m.type);
      writeBundleHeader(w, v, OFPT.BUNDLE_CONTROL, m.xid, 'BUNDLE_CONTROL');
      w.u32(m.bundleId).u16(m.ctrlType).u16(m.flags);
      writeRawProps(w, m.properties);
      return;
    case 'bundleAdd':
      need(v, 4, m.type);
      writeBundleHeader(w, v, OFPT.BUNDLE_ADD_MESSAGE, m.xid, 'BUNDLE_ADD_MESSAGE');
      w.u32(m.bundleId).u16(0).u16(m.flags).bytes(inner!);
      if (m.trailing) w.bytes(m.trailing);
      else if (m.properties && m.properties.length) {
        w.zeros(pad8(inner!.length) - inner!.length);
        writeRawProps(w, m.properties);
      }
      return;
    case 'multipartRequest':
      if (isExtMpKind(m.body.kind)) return writeExtMpRequest(w, v, m.xid, m.flags, m.body as ExtMultipartRequestBody);
      writeMpHeader(w, v, OFPT.MULTIPART_REQUEST, m.xid, m.flags, m.body.kind === 'unknown' ? m.body.mpType : mpTypeOf(m.body.kind, v));
      writeMpRequestBody(w, m.body, v);
      return;
    case 'multipartReply':
      if (isExtMpKind(m.body.kind)) return writeExtMpReply(w, v, m.xid, m.flags, m.body as ExtMultipartReplyBody, inner);
      writeMpHeader(w, v, OFPT.MULTIPART_REPLY, m.xid, m.flags, m.body.kind === 'unknown' ? m.body.mpType : mpTypeOf(m.body.kind, v));
      writeMpReplyBody(w, m.body, v);
      return;
    case 'nxSetFlowFormat':
      // OVS accepts NXT_SET_FLOW_FORMAT only in OpenFlow 1.0 (flow formats are an OF1.0 notion).
      if (v !== 1) throw new OfMessageError('OF_MSG_UNSUPPORTED', 'NXT_SET_FLOW_FORMAT exists only in OpenFlow 1.0');
      nxHeader(w, v, m.xid, NXT.SET_FLOW_FORMAT);
      w.u32(m.format);
      return;
    case 'nxSetPacketInFormat':
      nxHeader(w, v, m.xid, NXT.SET_PACKET_IN_FORMAT);
      w.u32(m.format);
      return;
    case 'nxSetControllerId':
      nxHeader(w, v, m.xid, NXT.SET_CONTROLLER_ID);
      w.zeros(6).u16(m.controllerId);
      return;
    case 'nxCtFlushZone':
      nxHeader(w, v, m.xid, NXT.CT_FLUSH_ZONE);
      w.zeros(6).u16(m.zoneId);
      return;
    case 'nxTlvTableMod':
      nxHeader(w, v, m.xid, NXT.TLV_TABLE_MOD);
      w.u16(m.command).zeros(6);
      writeTlvMaps(w, m.mappings);
      return;
    case 'nxTlvTableRequest':
      nxHeader(w, v, m.xid, NXT.TLV_TABLE_REQUEST);
      return;
    case 'nxRoleRequest':
    case 'nxRoleReply':
      nxHeader(w, v, m.xid, m.type === 'nxRoleRequest' ? NXT.ROLE_REQUEST : NXT.ROLE_REPLY);
      w.u32(m.role);
      return;
    case 'nxSetAsyncConfig': {
      nxHeader(w, v, m.xid, NXT.SET_ASYNC_CONFIG);
      const k = m.masks;
      w.u32(k.packetIn[0]).u32(k.packetIn[1]).u32(k.portStatus[0]).u32(k.portStatus[1]).u32(k.flowRemoved[0]).u32(k.flowRemoved[1]);
      return;
    }
    case 'nxFlowModTableId':
      nxHeader(w, v, m.xid, NXT.FLOW_MOD_TABLE_ID);
      w.u8(m.enable ? 1 : 0).zeros(7);
      return;
    case 'nxTlvTableReply':
      nxHeader(w, v, m.xid, NXT.TLV_TABLE_REPLY);
      w.u32(m.maxOptionSpace).u16(m.maxFields).zeros(10);
      writeTlvMaps(w, m.mappings);
      return;
    case 'nxPacketIn2':
    case 'nxResume':
      nxHeader(w, v, m.xid, m.type === 'nxPacketIn2' ? NXT.PACKET_IN2 : NXT.RESUME);
      writePacketIn2Props(w, m, v);
      return;
    case 'unknown':
      w.u8(v).u8(m.msgType).u16(0).u32(m.xid).bytes(m.body);
      return;
    default:
      writeExtMessage(w, m as ExtMessage, inner);
  }
}

/** OF1.4 has bundles as standard messages; OVS also accepts them in OF1.3 as ONF extension 2300. */
function writeBundleHeader(w: ByteWriter, v: number, t: number, xid: number, what: string): void {
  if (v === 4) {
    header(w, v, OFPT.EXPERIMENTER, xid, what);
    w.u32(EXPERIMENTER_ID.ONF).u32(t === OFPT.BUNDLE_CONTROL ? 2300 : 2301);
    return;
  }
  header(w, v, t, xid, what);
}

/** OF1.0 has no instructions: a flow_mod carries one action list (one apply_actions, or none). */
function of10Actions(ins: readonly { type: string }[]): readonly Action[] {
  if (ins.length === 0) return [];
  const only = ins[0] as { type: string; actions?: readonly Action[] };
  if (ins.length > 1 || only.type !== 'applyActions' || !only.actions) {
    throw new OfMessageError('OF_MSG_UNSUPPORTED', 'OpenFlow 1.0 flow_mod takes one apply_actions list only');
  }
  return only.actions;
}

function inPortField(port: number): { field: string; value: Uint8Array } {
  return { field: 'in_port_oxm', value: Uint8Array.of(port >>> 24, (port >>> 16) & 0xff, (port >>> 8) & 0xff, port & 0xff) };
}

function mac(b: Uint8Array): Uint8Array {
  if (b.length !== 6) throw new OfMessageError('OF_MSG_BAD_VALUE', `hardware address must be 6 bytes, got ${b.length}`);
  return b;
}

function writePort(w: ByteWriter, p: Port, v: OfVersion): void {
  if (v === 1) {
    w.u16(p.portNo).bytes(mac(p.hwAddr));
    writeFixedString(w, p.name, 16);
    w.u32(p.config).u32(p.state).u32(p.curr).u32(p.advertised).u32(p.supported).u32(p.peer);
    return;
  }
  if (v <= 4) {
    w.u32(p.portNo).zeros(4).bytes(mac(p.hwAddr)).zeros(2);
    writeFixedString(w, p.name, 16);
    w.u32(p.config).u32(p.state).u32(p.curr).u32(p.advertised).u32(p.supported).u32(p.peer);
    w.u32(p.currSpeed).u32(p.maxSpeed);
    return;
  }
  const start = w.offset;
  w.u32(p.portNo).u16(0).zeros(2).bytes(mac(p.hwAddr)).zeros(2);
  writeFixedString(w, p.name, 16);
  w.u32(p.config).u32(p.state);
  w.u16(0).u16(32).zeros(4).u32(p.curr).u32(p.advertised).u32(p.supported).u32(p.peer).u32(p.currSpeed).u32(p.maxSpeed);
  writeRawProps(w, p.otherProperties);
  w.patchU16(start + 4, w.offset - start);
}

function writeOxsStats(w: ByteWriter, s: FlowStatValues): void {
  const start = w.offset;
  w.u16(0).u16(0);
  if (s.durationSec !== undefined || s.durationNsec !== undefined) {
    w.u16(0x8002).u8(0 << 1).u8(8).u32(s.durationSec ?? 0).u32(s.durationNsec ?? 0);
  }
  if (s.idleTimeSec !== undefined || s.idleTimeNsec !== undefined) {
    w.u16(0x8002).u8(1 << 1).u8(8).u32(s.idleTimeSec ?? 0).u32(s.idleTimeNsec ?? 0);
  }
  if (s.flowCount !== undefined) w.u16(0x8002).u8(3 << 1).u8(4).u32(s.flowCount);
  if (s.packetCount !== undefined) w.u16(0x8002).u8(4 << 1).u8(8).u64(s.packetCount);
  if (s.byteCount !== undefined) w.u16(0x8002).u8(5 << 1).u8(8).u64(s.byteCount);
  const len = w.offset - start;
  w.patchU16(start + 2, len);
  w.zeros(pad8(len) - len);
}

/** group_mod body in the layout of version `layout` (6 for NXT_GROUP_MOD), actions of the message's version. */
export function writeGroupModBody(w: ByteWriter, m: Omit<GroupMod, 'type'>, layout: OfVersion): void {
  const v = m.version as OfVersion;
  w.u16(m.command).u8(m.groupType).u8(0).u32(m.groupId);
  if (layout >= 6) {
    const at = w.offset;
    w.u16(0).u16(0).u32(m.commandBucketId ?? 0xffffffff);
    writeBuckets15(w, at, m, layout, v);
  } else {
    writeBuckets(w, m.buckets, v);
  }
}

/** Group desc entries in the layout of version `layout`, actions of version `av` (NXST_GROUP_DESC: 6 and 1). */
export function writeGroupDescs(w: ByteWriter, groups: readonly GroupDescEntry[], layout: OfVersion, av: OfVersion = layout): void {
  for (const g of groups) {
    const start = w.offset;
    w.u16(0).u8(g.groupType).u8(0).u32(g.groupId);
    if (layout >= 6) {
      const at = w.offset;
      w.u16(0).zeros(6);
      writeBuckets15(w, at, g, layout, av);
    } else {
      writeBuckets(w, g.buckets, layout, av);
    }
    w.patchU16(start, w.offset - start);
  }
}

/**
 * The OF1.5 group_mod (OpenFlow 1.5.1 §7.3.4.3) / group_desc tail: the bucket array, its length
 * patched in at `lenAt`, then the selection method and the other group properties.
 */
function writeBuckets15(w: ByteWriter, lenAt: number, g: Pick<GroupDescEntry, 'buckets' | 'selectionMethod' | 'properties'>, layout: OfVersion, av: OfVersion): void {
  const b0 = w.offset;
  writeBuckets(w, g.buckets, layout, av);
  w.patchU16(lenAt, w.offset - b0);
  writeSelectionMethod(w, g.selectionMethod);
  writeRawProps(w, g.properties);
}

function writeBuckets(w: ByteWriter, buckets: readonly Bucket[], v: OfVersion, av: OfVersion = v): void {
  for (const b of buckets) {
    const start = w.offset;
    if (v >= 6) {
      w.u16(0).u16(0).u32(b.bucketId ?? 0);
      const a0 = w.offset;
      writeActions(w, b.actions, av);
      w.patchU16(start + 2, w.offset - a0);
      if (b.weight !== undefined) w.u16(0).u16(8).u16(b.weight).u16(0);
      if (b.watchPort !== undefined) w.u16(1).u16(8).u32(b.watchPort);
      if (b.watchGroup !== undefined) w.u16(2).u16(8).u32(b.watchGroup);
    } else {
      w.u16(0).u16(b.weight ?? 0).u32(b.watchPort ?? 0xffffffff).u32(b.watchGroup ?? 0xffffffff).zeros(4);
      writeActions(w, b.actions, av);
    }
    w.patchU16(start, w.offset - start);
  }
}

/**
 * The OVS selection-method group property: experimenter 0x1540 type 1, method name (16 bytes),
 * param, then one OXM entry per hashed field whose value is the mask, in the given order.
 */
function writeSelectionMethod(w: ByteWriter, sm: SelectionMethod | undefined): void {
  if (!sm) return;
  const start = w.offset;
  w.u16(0xffff).u16(0).u32(0x00001540).u32(1).zeros(4);
  writeFixedString(w, sm.method, 16);
  w.u64(sm.param);
  for (const f of sm.fields) {
    const def = fieldByName(f.field);
    const cp = def && defaultCodePoint(def, 0x06);
    if (!def || !cp) throw new OfMessageError('OF_MSG_BAD_VALUE', `selection method field ${f.field} has no OXM code point`);
    const len = f.value.length + (cp.experimenter !== undefined ? 4 : 0);
    w.u16(cp.cls).u8(cp.field << 1).u8(len);
    if (cp.experimenter !== undefined) w.u32(cp.experimenter);
    w.bytes(f.value);
  }
  const len = w.offset - start;
  w.patchU16(start + 2, len);
  w.zeros(pad8(len) - len);
}

function writeBands(w: ByteWriter, bands: readonly MeterBand[]): void {
  for (const b of bands) {
    w.u16(b.bandType).u16(16).u32(b.rate).u32(b.burstSize);
    if (b.bandType === 2) w.u8(b.precLevel ?? 0).zeros(3);
    else if (b.bandType === 0xffff) w.u32(b.experimenter ?? 0);
    else w.zeros(4);
  }
}

function writeTlvMaps(w: ByteWriter, maps: readonly TlvMap[]): void {
  for (const m of maps) w.u16(m.optClass).u8(m.optType).u8(m.optLen).u16(m.index).zeros(2);
}

function writePacketIn2Props(w: ByteWriter, f: NxPacketIn2Fields, v: OfVersion): void {
  const bytesProp = (t: number, d: Uint8Array): void => {
    const len = 4 + d.length;
    w.u16(t).u16(len).bytes(d).zeros(pad8(len) - len);
  };
  if (f.packet) bytesProp(NXPINT.PACKET, f.packet);
  if (f.fullLen !== undefined) w.u16(NXPINT.FULL_LEN).u16(8).u32(f.fullLen);
  if (f.bufferId !== undefined) w.u16(NXPINT.BUFFER_ID).u16(8).u32(f.bufferId);
  if (f.tableId !== undefined) w.u16(NXPINT.TABLE_ID).u16(5).u8(f.tableId).zeros(3);
  if (f.cookie !== undefined) w.u16(NXPINT.COOKIE).u16(16).zeros(4).u64(f.cookie);
  if (f.reason !== undefined) w.u16(NXPINT.REASON).u16(5).u8(f.reason).zeros(3);
  if (f.metadata) {
    const start = w.offset;
    w.u16(NXPINT.METADATA).u16(0);
    writeOxmFields(w, f.metadata, v);
    const len = w.offset - start;
    w.patchU16(start + 2, len);
    w.zeros(pad8(len) - len);
  }
  if (f.userdata) bytesProp(NXPINT.USERDATA, f.userdata);
  if (f.continuation) bytesProp(NXPINT.CONTINUATION, f.continuation);
  writeRawProps(w, f.otherProperties);
}

// ---- multipart ----------------------------------------------------------------------------------

function mpTypeOf(kind: Exclude<MultipartRequestBody['kind'], 'unknown'>, _v: number): number {
  switch (kind) {
    case 'desc': return OFPMP.DESC;
    case 'flow': return OFPMP.FLOW_DESC;
    case 'flowStats': return OFPMP.FLOW_STATS;
    case 'aggregate': return OFPMP.AGGREGATE_STATS;
    case 'table': return OFPMP.TABLE_STATS;
    case 'portStats': return OFPMP.PORT_STATS;
    case 'queue': return OFPMP.QUEUE_STATS;
    case 'group': return OFPMP.GROUP_STATS;
    case 'groupDesc': return OFPMP.GROUP_DESC;
    case 'groupFeatures': return OFPMP.GROUP_FEATURES;
    case 'meter': return OFPMP.METER_STATS;
    case 'meterConfig': return OFPMP.METER_DESC;
    case 'meterFeatures': return OFPMP.METER_FEATURES;
    case 'tableFeatures': return OFPMP.TABLE_FEATURES;
    case 'portDesc': return OFPMP.PORT_DESC;
    case 'experimenter': return OFPMP.EXPERIMENTER;
    default: throw new OfMessageError('OF_MSG_UNSUPPORTED', `multipart ${kind} is written by ext.ts`);
  }
}

function writeMpHeader(w: ByteWriter, v: OfVersion, t: number, xid: number, flags: number, mpType: number): void {
  header(w, v, t, xid, 'multipart');
  w.u16(mpType).u16(flags);
  if (v !== 1) w.zeros(4);
}

function writeFlowStatsRequest(w: ByteWriter, b: FlowStatsRequestBody, v: OfVersion): void {
  if (v === 1) {
    writeMatch10(w, b.match);
    w.u8(b.tableId).u8(0).u16(b.outPort);
    return;
  }
  w.u8(b.tableId).zeros(3).u32(b.outPort).u32(b.outGroup).zeros(4).u64(b.cookie).u64(b.cookieMask);
  if (v === 2) writeMatch11(w, b.match);
  else writeMatch(w, b.match, v);
}

/** Multipart kinds OpenFlow 1.1 defines (OpenFlow 1.1 §A.3.5); OF1.2 adds groupFeatures. */
const MP_KINDS_11: readonly string[] = ['desc', 'flow', 'aggregate', 'table', 'portStats', 'queue', 'group', 'groupDesc', 'experimenter', 'unknown'];

function writeMpRequestBody(w: ByteWriter, b: MultipartRequestBody, v: OfVersion): void {
  const of10 = ['desc', 'unknown', 'experimenter', 'flow', 'aggregate', 'table', 'portStats', 'queue', 'portDesc'];
  if (v === 1 && !of10.includes(b.kind)) need(v, 4, `${b.kind} request`);
  if ((v === 2 || v === 3) && !MP_KINDS_11.includes(b.kind) && !(v === 3 && b.kind === 'groupFeatures')) need(v, 4, `${b.kind} request`);
  switch (b.kind) {
    case 'desc':
    case 'table':
    case 'groupFeatures':
    case 'meterFeatures':
      return;
    case 'flow':
    case 'flowStats':
      writeFlowStatsRequest(w, b, v);
      return;
    case 'aggregate':
      writeFlowStatsRequest(w, b, v);
      if (v >= 6 && b.statsRequest) writeOxsStats(w, b.statsRequest);
      return;
    case 'portStats':
      if (v === 1) w.u16(b.portNo).zeros(6);
      else w.u32(b.portNo).zeros(4);
      return;
    case 'queue':
      if (v === 1) w.u16(b.portNo).zeros(2).u32(b.queueId);
      else w.u32(b.portNo).u32(b.queueId);
      return;
    case 'group':
      w.u32(b.groupId).zeros(4);
      return;
    case 'groupDesc':
      if (v >= 6) w.u32(b.groupId ?? 0xffffffff).zeros(4);
      return;
    case 'meter':
    case 'meterConfig':
      w.u32(b.meterId).zeros(4);
      return;
    case 'tableFeatures':
      writeTableFeatures(w, b.tables, v);
      return;
    case 'portDesc':
      if (v >= 6) w.u32(b.portNo ?? 0xffffffff).zeros(4);
      return;
    case 'experimenter':
      w.u32(b.experimenter).u32(b.expType).bytes(b.data);
      return;
    case 'unknown':
      w.bytes(b.data);
      return;
  }
}

function writeTableFeatures(w: ByteWriter, tables: readonly TableFeatures[], v: OfVersion): void {
  for (const t of tables) {
    const start = w.offset;
    w.u16(0).u8(t.tableId);
    if (v >= 6) w.u8(t.command ?? 0).u32(t.features ?? 0);
    else w.zeros(5);
    writeFixedString(w, t.name, 32);
    w.u64(t.metadataMatch).u64(t.metadataWrite).u32(t.capabilities).u32(t.maxEntries);
    writeRawProps(w, t.properties);
    w.patchU16(start, w.offset - start);
  }
}

function writePortStats(w: ByteWriter, p: PortStatsEntry, v: OfVersion): void {
  if (v === 1) {
    w.u16(p.portNo).zeros(6);
    for (const c of [
      p.rxPackets, p.txPackets, p.rxBytes, p.txBytes, p.rxDropped, p.txDropped, p.rxErrors, p.txErrors,
      p.rxFrameErr, p.rxOverErr, p.rxCrcErr, p.collisions,
    ]) w.u64(c);
    return;
  }
  if (v >= 5) {
    const start = w.offset;
    w.u16(0).zeros(2).u32(p.portNo).u32(p.durationSec).u32(p.durationNsec);
    for (const c of [p.rxPackets, p.txPackets, p.rxBytes, p.txBytes, p.rxDropped, p.txDropped, p.rxErrors, p.txErrors]) w.u64(c);
    w.u16(0).u16(40).zeros(4).u64(p.rxFrameErr).u64(p.rxOverErr).u64(p.rxCrcErr).u64(p.collisions);
    writeRawProps(w, p.otherProperties);
    w.patchU16(start, w.offset - start);
    return;
  }
  w.u32(p.portNo).zeros(4);
  for (const c of [
    p.rxPackets, p.txPackets, p.rxBytes, p.txBytes, p.rxDropped, p.txDropped, p.rxErrors, p.txErrors,
    p.rxFrameErr, p.rxOverErr, p.rxCrcErr, p.collisions,
  ]) w.u64(c);
  if (v >= 4) w.u32(p.durationSec).u32(p.durationNsec);
}

function writeQueueStats(w: ByteWriter, q: QueueStatsEntry, v: OfVersion): void {
  if (v === 1) {
    w.u16(q.portNo).zeros(2).u32(q.queueId).u64(q.txBytes).u64(q.txPackets).u64(q.txErrors);
    return;
  }
  const start = w.offset;
  if (v >= 5) w.u16(0).zeros(6);
  w.u32(q.portNo).u32(q.queueId).u64(q.txBytes).u64(q.txPackets).u64(q.txErrors);
  if (v >= 4) w.u32(q.durationSec).u32(q.durationNsec);
  if (v >= 5) {
    writeRawProps(w, q.otherProperties);
    w.patchU16(start, w.offset - start);
  }
}

function writeMpReplyBody(w: ByteWriter, b: MultipartReplyBody, v: OfVersion): void {
  const of10 = ['desc', 'unknown', 'experimenter', 'flow', 'aggregate', 'table', 'portStats', 'queue', 'portDesc'];
  const of11 = (v === 2 || v === 3) && (MP_KINDS_11.includes(b.kind) || (v === 3 && b.kind === 'groupFeatures')) && b.kind !== 'table';
  if (v < 4 && !(v === 1 && of10.includes(b.kind)) && !of11 && b.kind !== 'unknown' && b.kind !== 'desc') need(v, 4, `${b.kind} reply`);
  switch (b.kind) {
    case 'desc':
      writeFixedString(w, b.mfrDesc, 256);
      writeFixedString(w, b.hwDesc, 256);
      writeFixedString(w, b.swDesc, 256);
      writeFixedString(w, b.serialNum, 32);
      writeFixedString(w, b.dpDesc, 256);
      return;
    case 'flow':
      for (const f of b.flows) {
        const start = w.offset;
        if (v === 1) {
          w.u16(0).u8(f.tableId).u8(0);
          writeMatch10(w, f.match);
          w.u32(f.stats.durationSec ?? 0).u32(f.stats.durationNsec ?? 0).u16(f.priority).u16(f.idleTimeout).u16(f.hardTimeout).zeros(6);
          w.u64(f.cookie).u64(f.stats.packetCount ?? 0n).u64(f.stats.byteCount ?? 0n);
          writeActions(w, of10Actions(f.instructions), v);
          w.patchU16(start, w.offset - start);
          continue;
        }
        if (v >= 6) {
          w.u16(0).zeros(2).u8(f.tableId).u8(0).u16(f.priority).u16(f.idleTimeout).u16(f.hardTimeout);
          w.u16(f.flags).u16(f.importance).u64(f.cookie);
          writeMatch(w, f.match, v);
          writeOxsStats(w, f.stats);
        } else {
          w.u16(0).u8(f.tableId).u8(0).u32(f.stats.durationSec ?? 0).u32(f.stats.durationNsec ?? 0);
          w.u16(f.priority).u16(f.idleTimeout).u16(f.hardTimeout).u16(f.flags).u16(v >= 5 ? f.importance : 0).zeros(2);
          w.u64(f.cookie).u64(f.stats.packetCount ?? 0n).u64(f.stats.byteCount ?? 0n);
          if (v === 2) writeMatch11(w, f.match);
          else writeMatch(w, f.match, v);
        }
        writeInstructions(w, f.instructions, v);
        w.patchU16(start, w.offset - start);
      }
      return;
    case 'flowStats':
      for (const f of b.flows) {
        const start = w.offset;
        w.u16(0).zeros(2).u8(f.tableId).u8(f.reason).u16(f.priority);
        writeMatch(w, f.match, v);
        writeOxsStats(w, f.stats);
        w.patchU16(start, w.offset - start);
      }
      return;
    case 'aggregate':
      if (v >= 6) writeOxsStats(w, b);
      else w.u64(b.packetCount ?? 0n).u64(b.byteCount ?? 0n).u32(b.flowCount ?? 0).zeros(4);
      return;
    case 'table':
      for (const t of b.tables) {
        w.u8(t.tableId).zeros(3);
        if (v === 1) {
          writeFixedString(w, t.name ?? '', 32);
          w.u32(t.wildcards ?? 0).u32(t.maxEntries ?? 0);
        }
        w.u32(t.activeCount).u64(t.lookupCount).u64(t.matchedCount);
      }
      return;
    case 'portStats':
      for (const p of b.ports) writePortStats(w, p, v);
      return;
    case 'queue':
      for (const q of b.queues) writeQueueStats(w, q, v);
      return;
    case 'group':
      for (const g of b.groups) {
        w.u16((v < 4 ? 32 : 40) + 16 * g.bucketStats.length).zeros(2).u32(g.groupId).u32(g.refCount).zeros(4);
        w.u64(g.packetCount).u64(g.byteCount);
        if (v >= 4) w.u32(g.durationSec).u32(g.durationNsec);
        for (const s of g.bucketStats) w.u64(s.packetCount).u64(s.byteCount);
      }
      return;
    case 'groupDesc':
      writeGroupDescs(w, b.groups, v);
      return;
    case 'groupFeatures':
      w.u32(b.types).u32(b.capabilities);
      for (const x of b.maxGroups) w.u32(x);
      for (const x of b.actions) w.u32(x);
      return;
    case 'meter':
      for (const m of b.meters) {
        w.u32(m.meterId).u16(40 + 16 * m.bandStats.length).zeros(6).u32(m.flowCount).u64(m.packetInCount).u64(m.byteInCount);
        w.u32(m.durationSec).u32(m.durationNsec);
        for (const s of m.bandStats) w.u64(s.packetBandCount).u64(s.byteBandCount);
      }
      return;
    case 'meterConfig':
      for (const m of b.meters) {
        w.u16(8 + 16 * m.bands.length).u16(m.flags).u32(m.meterId);
        writeBands(w, m.bands);
      }
      return;
    case 'meterFeatures':
      w.u32(b.maxMeter).u32(b.bandTypes).u32(b.capabilities).u8(b.maxBands).u8(b.maxColor).zeros(2);
      if (v >= 6 && b.features !== undefined) w.u32(b.features).zeros(4);
      return;
    case 'tableFeatures':
      writeTableFeatures(w, b.tables, v);
      return;
    case 'portDesc':
      for (const p of b.ports) writePort(w, p, v);
      return;
    case 'experimenter':
      w.u32(b.experimenter).u32(b.expType).bytes(b.data);
      return;
    case 'unknown':
      w.bytes(b.data);
      return;
  }
}
