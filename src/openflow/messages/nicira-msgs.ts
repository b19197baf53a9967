/**
 * Bodies of the extension messages (after their OpenFlow / experimenter header):
 *
 *   NXT_FLOW_MOD (nx_flow_mod): cookie(64) command(16) idle(16) hard(16) priority(16)
 *     buffer_id(32) out_port(16) flags(16) match_len(16) pad(48), NXM match padded to 8, actions
 *   NXT_FLOW_REMOVED (nx_flow_removed): cookie(64) priority(16) reason(8) table_id(8)
 *     duration_sec(32) duration_nsec(32) idle(16) match_len(16) packets(64) bytes(64), NXM match
 *   NXT_PACKET_IN (nx_packet_in): buffer_id(32) total_len(16) reason(8) table_id(8) cookie(64)
 *     match_len(16) pad(48), NXM match padded to 8, pad(16), packet
 *   OFPT_ROLE_STATUS (OpenFlow 1.4.1 §7.4.4) / ONFT_ROLE_STATUS: role(32) reason(8) pad(24)
 *     generation_id(64), properties
 *   OFPT_REQUESTFORWARD (OpenFlow 1.4.1 §7.4.6) and its ONF / Nicira forms: one whole message
 *   OFPT_QUEUE_GET_CONFIG_REQUEST / REPLY (OpenFlow 1.0.0 §5.3.4, 1.3.5 §7.3.6) and
 *   OFPMP_QUEUE_DESC (OpenFlow 1.4.1 §7.3.5.14)
 */
import { readFlowRemovedFixed } from './flow-mod.js';
import { ByteReader, type ByteWriter } from '../../wire/index.js';
import { readActions, writeActions } from '../actions/list.js';
import type { Action } from '../actions/index.js';
import type { OfVersion } from '../version.js';
import { OfMessageError } from './errors.js';
import { expectBody, readNxm, writeNxm } from './props.js';
import type { NxFlowMod, NxFlowRemoved, NxPacketIn, QueueDesc, QueueProperty, RoleStatus } from './ext-types.js';
import type { RawProperty } from './types.js';
import { readRawProps, writeRawProps } from './props.js';

type H = { version: OfVersion; xid: number };

// ---- NXT_FLOW_MOD --------------------------------------------------------------------------------

export function decodeNxFlowMod(r: ByteReader, h: H): NxFlowMod {
  expectBody(r, 32, 'NXT_FLOW_MOD');
  const cookie = r.u64();
  const cmd = r.u16();
  const idleTimeout = r.u16();
  const hardTimeout = r.u16();
  const priority = r.u16();
  const bufferId = r.u32();
  const outPort = r.u16();
  const flags = r.u16();
  const matchLen = r.u16();
  r.skip(6);
  const match = readNxm(r, matchLen);
  const actions = readActions(r, r.remaining, h.version);
  return {
    type: 'nxFlowMod',
    ...h,
    cookie,
    cookieMask: 0n,
    tableId: cmd >> 8,
    command: cmd & 0xff,
    idleTimeout,
    hardTimeout,
    priority,
    bufferId,
    outPort,
    outGroup: 0xffffffff,
    flags,
    importance: 0,
    match,
    instructions: [{ type: 'applyActions', actions }],
  };
}

/** The actions of a Nicira message or entry that carries an action list only (apply_actions instructions). */
export function onlyActions(m: { instructions: NxFlowMod['instructions'] }, what: string): readonly Action[] {
  const out: Action[] = [];
  for (const i of m.instructions) {
    if (i.type !== 'applyActions')
      throw new OfMessageError('OF_MSG_BAD_VALUE', `${what} carries only actions, not ${i.type}`);
    out.push(...i.actions);
  }
  return out;
}

export function writeNxFlowMod(w: ByteWriter, m: NxFlowMod): void {
  const v = m.version;
  w.u64(m.cookie)
    .u16(((m.tableId & 0xff) << 8) | (m.command & 0xff))
    .u16(m.idleTimeout)
    .u16(m.hardTimeout)
    .u16(m.priority);
  w.u32(m.bufferId).u16(m.outPort).u16(m.flags);
  const at = w.offset;
  w.u16(0).zeros(6);
  w.patchU16(at, writeNxm(w, m.match, v));
  writeActions(w, onlyActions(m, 'NXT_FLOW_MOD'), v);
}

// ---- NXT_FLOW_REMOVED ----------------------------------------------------------------------------

export function decodeNxFlowRemoved(r: ByteReader, h: H): NxFlowRemoved {
  const f = readFlowRemovedFixed(r, 'NXT_FLOW_REMOVED'); // f.word is match_len
  const match = readNxm(r, f.word);
  if (r.remaining)
    throw new OfMessageError('OF_MSG_BAD_LENGTH', `${r.remaining} bytes after NXT_FLOW_REMOVED match`, r.offset);
  return {
    type: 'nxFlowRemoved',
    ...h,
    cookie: f.cookie,
    priority: f.priority,
    reason: f.reason,
    tableId: f.tableId,
    durationSec: f.durationSec,
    durationNsec: f.durationNsec,
    idleTimeout: f.idleTimeout,
    packetCount: f.packetCount,
    byteCount: f.byteCount,
    match,
  };
}

export function writeNxFlowRemoved(w: ByteWriter, m: NxFlowRemoved): void {
  w.u64(m.cookie).u16(m.priority).u8(m.reason).u8(m.tableId).u32(m.durationSec).u32(m.durationNsec).u16(m.idleTimeout);
  const at = w.offset;
  w.u16(0).u64(m.packetCount).u64(m.byteCount);
  w.patchU16(at, writeNxm(w, m.match, m.version));
}

// ---- NXT_PACKET_IN -------------------------------------------------------------------------------

export function decodeNxPacketIn(r: ByteReader, h: H): NxPacketIn {
  expectBody(r, 24, 'NXT_PACKET_IN');
  const bufferId = r.u32();
  const totalLen = r.u16();
  const reason = r.u8();
  const tableId = r.u8();
  const cookie = r.u64();
  const matchLen = r.u16();
  r.skip(6);
  const match = readNxm(r, matchLen);
  expectBody(r, 2, 'NXT_PACKET_IN padding');
  r.skip(2);
  return { type: 'nxPacketIn', ...h, bufferId, totalLen, reason, tableId, cookie, match, data: r.bytes(r.remaining) };
}

export function writeNxPacketIn(w: ByteWriter, m: NxPacketIn): void {
  w.u32(m.bufferId).u16(m.totalLen).u8(m.reason).u8(m.tableId).u64(m.cookie);
  const at = w.offset;
  w.u16(0).zeros(6);
  w.patchU16(at, writeNxm(w, m.match, m.version));
  w.zeros(2).bytes(m.data);
}

// ---- role status ---------------------------------------------------------------------------------

export function decodeRoleStatus(r: ByteReader, h: H): RoleStatus {
  expectBody(r, 16, 'role status');
  const role = r.u32();
  const reason = r.u8();
  r.skip(3);
  const generationId = r.u64();
  const props: RawProperty[] = readRawProps(r);
  const m: RoleStatus = { type: 'roleStatus', ...h, role, reason, generationId };
  return props.length ? { ...m, properties: props } : m;
}

export function writeRoleStatus(w: ByteWriter, m: RoleStatus): void {
  w.u32(m.role).u8(m.reason).zeros(3).u64(m.generationId);
  writeRawProps(w, m.properties);
}

// ---- queue configuration -------------------------------------------------------------------------

/** ofp_queue_prop_header: property(16) len(16) pad(32), then the body; min/max rate: rate(16) pad(48). */
function readQueueProps10(r: ByteReader): QueueProperty[] {
  const out: QueueProperty[] = [];
  while (r.remaining) {
    expectBody(r, 8, 'queue property');
    const propType = r.peekU16(0);
    const len = r.peekU16(2);
    if (len < 8 || len > r.remaining)
      throw new OfMessageError('OF_MSG_BAD_LENGTH', `queue property length ${len}`, r.offset);
    const pr = r.sub(len);
    pr.skip(8);
    if ((propType === 1 || propType === 2) && len === 16) {
      out.push({ prop: propType === 1 ? 'minRate' : 'maxRate', rate: pr.u16() });
    } else {
      out.push({ prop: 'unknown', propType, data: pr.bytes(pr.remaining) });
    }
  }
  return out;
}

function writeQueueProps10(w: ByteWriter, props: readonly QueueProperty[]): void {
  for (const p of props) {
    if (p.prop === 'unknown')
      w.u16(p.propType)
        .u16(8 + p.data.length)
        .zeros(4)
        .bytes(p.data);
    else
      w.u16(p.prop === 'minRate' ? 1 : 2)
        .u16(16)
        .zeros(4)
        .u16(p.rate)
        .zeros(6);
  }
}

/** OFPT_QUEUE_GET_CONFIG_REQUEST body: OF1.0 port(16) pad(16); OF1.1–1.3 port(32) pad(32). */
export function decodeQueueConfigRequest(r: ByteReader, h: H) {
  const portNo =
    h.version === 1
      ? (expectBody(r, 4, 'queue_get_config_request'), r.u16())
      : (expectBody(r, 8, 'queue_get_config_request'), r.u32());
  r.skip(h.version === 1 ? 2 : 4);
  if (r.remaining)
    throw new OfMessageError('OF_MSG_BAD_LENGTH', `${r.remaining} bytes after queue_get_config_request`, r.offset);
  return { type: 'queueGetConfigRequest' as const, ...h, portNo };
}

export function decodeQueueConfigReply(r: ByteReader, h: H) {
  const v = h.version;
  expectBody(r, 8, 'queue_get_config_reply');
  const portNo = v === 1 ? r.u16() : r.u32();
  r.skip(v === 1 ? 6 : 4);
  const queues: QueueDesc[] = [];
  while (r.remaining) {
    // OF1.0 / OF1.1: queue_id(32) len(16) pad(16); OF1.2+: queue_id(32) port(32) len(16) pad(48).
    const hdr = v <= 2 ? 8 : 16;
    expectBody(r, hdr, 'ofp_packet_queue');
    const queueId = r.u32();
    const qPort = v <= 2 ? portNo : r.u32();
    const len = r.u16();
    r.skip(v <= 2 ? 2 : 6);
    if (len < hdr || len - hdr > r.remaining)
      throw new OfMessageError('OF_MSG_BAD_LENGTH', `ofp_packet_queue length ${len}`, r.offset);
    queues.push({ queueId, portNo: qPort, properties: readQueueProps10(r.sub(len - hdr)) });
  }
  return { type: 'queueGetConfigReply' as const, ...h, portNo, queues };
}

export function writeQueueConfigRequest(w: ByteWriter, v: OfVersion, portNo: number): void {
  if (v === 1) w.u16(portNo).zeros(2);
  else w.u32(portNo).zeros(4);
}

export function writeQueueConfigReply(w: ByteWriter, v: OfVersion, portNo: number, queues: readonly QueueDesc[]): void {
  if (v === 1) w.u16(portNo).zeros(6);
  else w.u32(portNo).zeros(4);
  for (const q of queues) {
    const start = w.offset;
    w.u32(q.queueId);
    if (v > 2) w.u32(q.portNo);
    const at = w.offset;
    w.u16(0).zeros(v <= 2 ? 2 : 6);
    writeQueueProps10(w, q.properties);
    w.patchU16(at, w.offset - start);
  }
}

/** ofp14_queue_desc list (OFPMP_QUEUE_DESC reply): port(32) queue(32) len(16) pad(48), properties. */
export function readQueueDescs(r: ByteReader): QueueDesc[] {
  const out: QueueDesc[] = [];
  while (r.remaining) {
    expectBody(r, 16, 'queue desc');
    const portNo = r.u32();
    const queueId = r.u32();
    const len = r.u16();
    r.skip(6);
    if (len < 16 || len - 16 > r.remaining)
      throw new OfMessageError('OF_MSG_BAD_LENGTH', `queue desc length ${len}`, r.offset);
    const props: QueueProperty[] = [];
    for (const p of readRawProps(r.sub(len - 16))) {
      if ((p.propType === 1 || p.propType === 2) && p.data.length === 4) {
        props.push({ prop: p.propType === 1 ? 'minRate' : 'maxRate', rate: new ByteReader(p.data).u16() });
      } else props.push({ prop: 'unknown', propType: p.propType, data: p.data });
    }
    out.push({ portNo, queueId, properties: props });
  }
  return out;
}

export function writeQueueDescs(w: ByteWriter, queues: readonly QueueDesc[]): void {
  for (const q of queues) {
    const start = w.offset;
    w.u32(q.portNo).u32(q.queueId).u16(0).zeros(6);
    writeRawProps(
      w,
      q.properties.map((p) =>
        p.prop === 'unknown'
          ? { propType: p.propType, data: p.data }
          : { propType: p.prop === 'minRate' ? 1 : 2, data: Uint8Array.of(p.rate >> 8, p.rate & 0xff, 0, 0) },
      ),
    );
    w.patchU16(start + 8, w.offset - start);
  }
}
