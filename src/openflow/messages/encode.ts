/**
 * encodeMessage: a typed message to wire bytes. Every length field is computed here, never copied
 * from the object. OF1.3 / OF1.4 / OF1.5 for every message type; OF1.0 for the symmetric messages.
 *
 * Rank 2 of messages/: a dispatcher over the family bodies of rank 1.
 */
import { ByteWriter, WireError } from '../../wire/index.js';
import { writeActions } from '../actions/list.js';
import { writeInstructions } from '../actions/instructions.js';
import { writeMatch, writeMatch10 } from '../match/codec.js';
import { writeMatch11 } from '../match/match11.js';
import type { OfVersion } from '../version.js';
import { EXPERIMENTER_ID, NXT, OFPT } from './constants.js';
import { OfMessageError } from './errors.js';
import type { ExtMessage, ExtMultipartReplyBody, ExtMultipartRequestBody } from './ext-types.js';
import { isExtMpKind, writeExtMessage, writeExtMpReply, writeExtMpRequest } from './ext.js';
import { of10Actions, writeOxsStats } from './flow-mod.js';
import { writeGroupModBody } from './group.js';
import { header, mac, need, nxHeader } from './header.js';
import { writeBands } from './meter.js';
import { writePacketIn2Props, writeTlvMaps } from './packet.js';
import { writePort } from './port.js';
import { pad8, writeRawProps } from './props.js';
import { mpTypeOf, writeMpReplyBody, writeMpRequestBody } from './stats.js';
import type { OfMessage } from './types.js';

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
  // Nested messages (bundle add, requestforward) are encoded first, since they use the same scratch buffer.
  const inner =
    msg.type === 'bundleAdd'
      ? encodeMessage(msg.message)
      : msg.type === 'requestForward'
        ? encodeMessage(msg.request)
        : null;
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
          w.u16(e.elemType)
            .u16(len)
            .bytes(e.data)
            .zeros(pad8(len) - len);
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
      w.u64(m.datapathId)
        .u32(m.nBuffers)
        .u8(m.nTables)
        .u8(v >= 4 ? m.auxiliaryId : 0)
        .u16(0);
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
        w.u32(m.bufferId)
          .u16(m.totalLen)
          .u16(m.inPort ?? 0)
          .u8(m.reason)
          .u8(0)
          .bytes(m.data);
        return;
      }
      if (v === 2) {
        w.u32(m.bufferId)
          .u32(m.inPort ?? 0)
          .u32(m.inPhyPort ?? m.inPort ?? 0)
          .u16(m.totalLen)
          .u8(m.reason)
          .u8(m.tableId)
          .bytes(m.data);
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
        w.u64(m.cookie)
          .u16(m.priority)
          .u8(m.reason)
          .u8(0)
          .u32(m.stats.durationSec ?? 0)
          .u32(m.stats.durationNsec ?? 0);
        w.u16(m.idleTimeout)
          .zeros(2)
          .u64(m.stats.packetCount ?? 0n)
          .u64(m.stats.byteCount ?? 0n);
        return;
      }
      if (v >= 6) {
        w.u8(m.tableId).u8(m.reason).u16(m.priority).u16(m.idleTimeout).u16(m.hardTimeout).u64(m.cookie);
        writeMatch(w, m.match, v);
        writeOxsStats(w, m.stats);
      } else {
        // OpenFlow 1.1 §A.4.2: a pad where OF1.2+ has hard_timeout, and the 88-byte match
        w.u64(m.cookie).u16(m.priority).u8(m.reason).u8(m.tableId);
        w.u32(m.stats.durationSec ?? 0)
          .u32(m.stats.durationNsec ?? 0)
          .u16(m.idleTimeout)
          .u16(v === 2 ? 0 : m.hardTimeout);
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
        w.u64(m.cookie)
          .u16(((m.tableId & 0xff) << 8) | m.command)
          .u16(m.idleTimeout)
          .u16(m.hardTimeout)
          .u16(m.priority);
        w.u32(m.bufferId).u16(m.outPort).u16(m.flags);
        writeActions(w, of10Actions(m.instructions), v);
        return;
      }
      w.u64(m.cookie).u64(m.cookieMask).u8(m.tableId).u8(m.command).u16(m.idleTimeout).u16(m.hardTimeout);
      w.u16(m.priority)
        .u32(m.bufferId)
        .u32(m.outPort)
        .u32(m.outGroup)
        .u16(m.flags)
        .u16(v >= 5 ? m.importance : 0);
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
        w.u16(m.portNo)
          .bytes(mac(m.hwAddr))
          .u32(m.config)
          .u32(m.mask)
          .u32(m.advertise ?? 0)
          .zeros(4);
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
      w.u32(m.role)
        .u16(v >= 6 ? (m.shortId ?? 0) : 0)
        .zeros(2)
        .u64(m.generationId);
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
      writeMpHeader(
        w,
        v,
        OFPT.MULTIPART_REQUEST,
        m.xid,
        m.flags,
        m.body.kind === 'unknown' ? m.body.mpType : mpTypeOf(m.body.kind, v),
      );
      writeMpRequestBody(w, m.body, v);
      return;
    case 'multipartReply':
      if (isExtMpKind(m.body.kind)) return writeExtMpReply(w, v, m.xid, m.flags, m.body as ExtMultipartReplyBody);
      writeMpHeader(
        w,
        v,
        OFPT.MULTIPART_REPLY,
        m.xid,
        m.flags,
        m.body.kind === 'unknown' ? m.body.mpType : mpTypeOf(m.body.kind, v),
      );
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
      w.u32(k.packetIn[0])
        .u32(k.packetIn[1])
        .u32(k.portStatus[0])
        .u32(k.portStatus[1])
        .u32(k.flowRemoved[0])
        .u32(k.flowRemoved[1]);
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

function inPortField(port: number): { field: string; value: Uint8Array } {
  return {
    field: 'in_port_oxm',
    value: Uint8Array.of(port >>> 24, (port >>> 16) & 0xff, (port >>> 8) & 0xff, port & 0xff),
  };
}

function writeMpHeader(w: ByteWriter, v: OfVersion, t: number, xid: number, flags: number, mpType: number): void {
  header(w, v, t, xid, 'multipart');
  w.u16(mpType).u16(flags);
  if (v !== 1) w.zeros(4);
}
