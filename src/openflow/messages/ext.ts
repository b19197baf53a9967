/**
 * The extension messages of ext-types.ts, read and written (rank 1): decode (called by decode.ts
 * for types, experimenter ids and multipart types it does not handle itself) and encode (called by
 * encode.ts). The bodies live in flow-monitor.ts, ct-flush.ts, nicira-msgs.ts, nicira-stats.ts and
 * group.ts; their ofp-print text is in ext-format.ts.
 *
 * A requestforward carries a whole message: the dispatcher passes itself in (`decodeInner`, and the
 * inner bytes on encode), so this file never imports decode.ts / encode.ts.
 */
import type { ByteReader, ByteWriter } from '../../wire/index.js';
import type { OfVersion } from '../version.js';
import { EXPERIMENTER_ID, NXT, OFPMP, OFPT } from './constants.js';
import { decodeCtFlush, writeCtFlush } from './ct-flush.js';
import { OfMessageError } from './errors.js';
import type {
  ExtFlavor,
  ExtMessage,
  ExtMultipartReplyBody,
  ExtMultipartRequestBody,
  RequestForward,
} from './ext-types.js';
import { readFlowUpdates, readMonitorRequests, writeFlowUpdates, writeMonitorRequests } from './flow-monitor.js';
import {
  decodeGroupMod,
  readGroupDescs,
  readGroupFeatures,
  readGroupStats,
  writeGroupDescs,
  writeGroupFeatures,
  writeGroupModBody,
  writeGroupStats,
} from './group.js';
import {
  decodeNxFlowMod,
  decodeNxFlowRemoved,
  decodeNxPacketIn,
  decodeQueueConfigReply,
  decodeQueueConfigRequest,
  decodeRoleStatus,
  readQueueDescs,
  writeNxFlowMod,
  writeNxFlowRemoved,
  writeNxPacketIn,
  writeQueueConfigReply,
  writeQueueConfigRequest,
  writeQueueDescs,
  writeRoleStatus,
} from './nicira-msgs.js';
import {
  readIpfix,
  readNxAggregate,
  readNxFlowStats,
  readNxFlowStatsRequest,
  writeIpfix,
  writeNxFlowStats,
  writeNxFlowStatsRequest,
} from './nicira-stats.js';
import {
  decodeTableStatus,
  readBundleFeaturesReply,
  readBundleFeaturesRequest,
  readControllerStatus,
  readControllerStatuses,
  readTableDescs,
  writeBundleFeaturesReply,
  writeBundleFeaturesRequest,
  writeControllerStatus,
  writeControllerStatuses,
  writeTableDescs,
  writeTableStatusBody,
} from './status.js';
import type { MultipartReplyBody, MultipartRequestBody, OfMessage } from './types.js';

/** Nicira message subtypes beyond {@link NXT} (nicira-ext.h, lib/ofp-msgs.c). */
export const NXT_EXT = { GROUP_MOD: 31, REQUESTFORWARD: 132 } as const;
/** ONF extension message types used by OVS in OpenFlow 1.3 (lib/ofp-msgs.c). */
export const ONFT = {
  FLOW_MONITOR_CANCEL: 1870,
  FLOW_MONITOR_PAUSED: 1871,
  FLOW_MONITOR_RESUMED: 1872,
  ROLE_STATUS: 1911,
  REQUESTFORWARD: 2350,
} as const;
/** ONF multipart extension (ONFST_*). */
export const ONFST = { FLOW_MONITOR: 1870 } as const;
/** Nicira statistics subtypes (NXST_*, nicira-ext.h). */
export const NXST = {
  FLOW: 0,
  AGGREGATE: 1,
  FLOW_MONITOR: 2,
  IPFIX_BRIDGE: 3,
  IPFIX_FLOW: 4,
  GROUP: 7,
  GROUP_DESC: 8,
  GROUP_FEATURES: 9,
} as const;

type H = { version: OfVersion; xid: number };

const EXT_KINDS = new Set<string>([
  'nxFlow',
  'nxAggregate',
  'flowMonitor',
  'queueDesc',
  'ipfixBridge',
  'ipfixFlow',
  'nxGroup',
  'nxGroupDesc',
  'nxGroupFeatures',
  'tableDesc',
  'controllerStatus',
  'bundleFeatures',
]);

/** Whether a multipart body kind is one of the extension kinds handled here. */
export function isExtMpKind(kind: string): boolean {
  return EXT_KINDS.has(kind);
}

const EXT_TYPES = new Set<string>([
  'flowMonitorCancel',
  'flowMonitorPaused',
  'flowMonitorResumed',
  'roleStatus',
  'requestForward',
  'nxGroupMod',
  'nxFlowMod',
  'nxPacketIn',
  'nxFlowRemoved',
  'nxCtFlush',
  'queueGetConfigRequest',
  'queueGetConfigReply',
  'tableStatus',
  'controllerStatus',
]);

/** Whether a message is one of the extension messages handled here. */
export function isExtMessage(m: OfMessage): m is ExtMessage {
  return EXT_TYPES.has(m.type);
}

// ---- decode --------------------------------------------------------------------------------------

/** Standard OFPT types decode.ts leaves to this module (role status, requestforward, queue config). */
export function decodeExtType(
  r: ByteReader,
  h: H,
  type: number,
  decodeInner: (b: Uint8Array) => OfMessage,
): OfMessage | null {
  const v = h.version;
  if (type === OFPT.ROLE_STATUS && v >= 5) return decodeRoleStatus(r, h);
  if (type === OFPT.REQUESTFORWARD && v >= 5) return decodeRequestForward(r, h, 'of', decodeInner);
  if (type === OFPT.QUEUE_GET_CONFIG_REQUEST && v <= 4) return decodeQueueConfigRequest(r, h);
  if (type === OFPT.QUEUE_GET_CONFIG_REPLY && v <= 4) return decodeQueueConfigReply(r, h);
  if (type === OFPT.TABLE_STATUS && v >= 5) return decodeTableStatus(r, h);
  if (type === OFPT.CONTROLLER_STATUS && v >= 6) {
    const status = readControllerStatus(r);
    return empty(r, { type: 'controllerStatus', ...h, status });
  }
  return null;
}

/** Nicira / ONF experimenter messages this module knows; null leaves the message raw. */
export function decodeExtExperimenter(
  r: ByteReader,
  h: H,
  experimenter: number,
  expType: number,
  decodeInner: (b: Uint8Array) => OfMessage,
): OfMessage | null {
  if (experimenter === EXPERIMENTER_ID.NX) {
    switch (expType) {
      case NXT.FLOW_MOD:
        return decodeNxFlowMod(r, h);
      case NXT.FLOW_REMOVED:
        return decodeNxFlowRemoved(r, h);
      case NXT.PACKET_IN:
        return decodeNxPacketIn(r, h);
      case NXT.FLOW_MONITOR_CANCEL:
        return monitorCancel(r, h, 'nx');
      case NXT.FLOW_MONITOR_PAUSED:
      case NXT.FLOW_MONITOR_RESUMED:
        return empty(r, {
          type: expType === NXT.FLOW_MONITOR_PAUSED ? 'flowMonitorPaused' : 'flowMonitorResumed',
          ...h,
          flavor: 'nx',
        });
      case NXT.CT_FLUSH:
        return decodeCtFlush(r, h);
      case NXT_EXT.GROUP_MOD: {
        const gm = decodeGroupMod(r, h, 6);
        return gm.type === 'groupMod' ? { ...gm, type: 'nxGroupMod' } : null;
      }
      case NXT_EXT.REQUESTFORWARD:
        return decodeRequestForward(r, h, 'nx', decodeInner);
    }
  } else if (experimenter === EXPERIMENTER_ID.ONF) {
    switch (expType) {
      case ONFT.FLOW_MONITOR_CANCEL:
        return monitorCancel(r, h, 'onf');
      case ONFT.FLOW_MONITOR_PAUSED:
      case ONFT.FLOW_MONITOR_RESUMED:
        return empty(r, {
          type: expType === ONFT.FLOW_MONITOR_PAUSED ? 'flowMonitorPaused' : 'flowMonitorResumed',
          ...h,
          flavor: 'onf',
        });
      case ONFT.ROLE_STATUS:
        return decodeRoleStatus(r, h);
      case ONFT.REQUESTFORWARD:
        return decodeRequestForward(r, h, 'onf', decodeInner);
    }
  }
  return null;
}

function empty<T>(r: ByteReader, m: T): T {
  if (r.remaining)
    throw new OfMessageError('OF_MSG_BAD_LENGTH', `${r.remaining} unexpected bytes after message body`, r.offset);
  return m;
}

function monitorCancel(r: ByteReader, h: H, flavor: 'nx' | 'onf'): OfMessage {
  if (r.remaining < 4)
    throw new OfMessageError(
      'OF_MSG_BAD_LENGTH',
      `flow monitor cancel needs 4 bytes, message has ${r.remaining}`,
      r.offset,
    );
  return empty(r, { type: 'flowMonitorCancel', ...h, flavor, id: r.u32() });
}

function decodeRequestForward(
  r: ByteReader,
  h: H,
  flavor: ExtFlavor,
  decodeInner: (b: Uint8Array) => OfMessage,
): RequestForward | null {
  if (r.remaining < 8)
    throw new OfMessageError(
      'OF_MSG_BAD_LENGTH',
      `requestforward needs an inner message, ${r.remaining} bytes left`,
      r.offset,
    );
  const len = r.peekU16(2);
  if (len < 8 || len > r.remaining)
    throw new OfMessageError(
      'OF_MSG_BAD_LENGTH',
      `requestforward inner length ${len} invalid (${r.remaining} bytes left)`,
      r.offset,
    );
  if (r.peekU8(0) !== h.version)
    throw new OfMessageError(
      'OF_MSG_BAD_VERSION',
      `requestforward inner version 0x${r.peekU8(0).toString(16)} differs from the outer one`,
      r.offset,
    );
  const at = r.offset;
  const request = decodeInner(r.bytes(len));
  if (r.remaining)
    throw new OfMessageError('OF_MSG_BAD_LENGTH', `${r.remaining} bytes after the forwarded request`, r.offset);
  if (request.type !== 'groupMod' && request.type !== 'meterMod' && request.type !== 'nxGroupMod') {
    if (flavor !== 'of') {
      r.offset = at; // e.g. an NXT_GROUP_MOD inside, which is kept raw
      return null;
    }
    throw new OfMessageError(
      'OF_MSG_BAD_VALUE',
      `requestforward carries ${request.type}, want a group_mod or meter_mod (OFPBFC_MSG_UNSUP)`,
      at,
    );
  }
  return { type: 'requestForward', ...h, flavor, request };
}

/** Reads the experimenter / extension multipart request bodies; `r` is just past the multipart header. */
export function decodeExtMpRequest(r: ByteReader, v: OfVersion, mpType: number): MultipartRequestBody | null {
  if (mpType === OFPMP.FLOW_MONITOR && v >= 5)
    return { kind: 'flowMonitor', flavor: 'of', monitors: readMonitorRequests(r, v, 'of') };
  if (mpType === OFPMP.QUEUE_DESC && v >= 5) {
    if (r.remaining !== 8)
      throw new OfMessageError('OF_MSG_BAD_LENGTH', `queue desc request of ${r.remaining} bytes, want 8`, r.offset);
    return { kind: 'queueDesc', portNo: r.u32(), queueId: r.u32() };
  }
  if (mpType === OFPMP.TABLE_DESC && v >= 5) return empty(r, { kind: 'tableDesc' });
  if (mpType === OFPMP.CONTROLLER_STATUS && v >= 6) return empty(r, { kind: 'controllerStatus' });
  if (mpType === OFPMP.BUNDLE_FEATURES && v >= 6) return { kind: 'bundleFeatures', ...readBundleFeaturesRequest(r) };
  const start = r.offset;
  const ex = expHeader(r, v, mpType);
  if (!ex) return null;
  switch (ex) {
    case 'nx:0':
      return { kind: 'nxFlow', ...readNxFlowStatsRequest(r) };
    case 'nx:1':
      return { kind: 'nxAggregate', ...readNxFlowStatsRequest(r) };
    case 'nx:2':
      return { kind: 'flowMonitor', flavor: 'nx', monitors: readMonitorRequests(r, v, 'nx') };
    case 'onf:1870':
      try {
        return { kind: 'flowMonitor', flavor: 'onf', monitors: readMonitorRequests(r, v, 'onf') };
      } catch (e) {
        // Other ONF flow-monitor layouts exist (Ryu's); OVS refuses them, this library keeps them raw.
        if (!(e instanceof Error) || !('code' in e)) throw e;
        r.offset = start;
        return null;
      }
    case 'nx:3':
      return empty(r, { kind: 'ipfixBridge' });
    case 'nx:4':
      return empty(r, { kind: 'ipfixFlow' });
    case 'nx:7':
    case 'nx:8': {
      // ofp11_group_stats_request / ofp15_group_desc_request: group_id(32) pad(32)
      if (r.remaining !== 8)
        throw new OfMessageError('OF_MSG_BAD_LENGTH', `NXST_GROUP request of ${r.remaining} bytes, want 8`, r.offset);
      const groupId = r.u32();
      r.skip(4);
      return { kind: ex === 'nx:7' ? 'nxGroup' : 'nxGroupDesc', groupId };
    }
    case 'nx:9':
      return empty(r, { kind: 'nxGroupFeatures' });
  }
  r.offset = start;
  return null;
}

export function decodeExtMpReply(r: ByteReader, v: OfVersion, mpType: number): MultipartReplyBody | null {
  if (mpType === OFPMP.FLOW_MONITOR && v >= 5)
    return { kind: 'flowMonitor', flavor: 'of', updates: readFlowUpdates(r, v, 'of') };
  if (mpType === OFPMP.QUEUE_DESC && v >= 5) return { kind: 'queueDesc', queues: readQueueDescs(r) };
  if (mpType === OFPMP.TABLE_DESC && v >= 5) return { kind: 'tableDesc', tables: readTableDescs(r) };
  if (mpType === OFPMP.CONTROLLER_STATUS && v >= 6)
    return { kind: 'controllerStatus', controllers: readControllerStatuses(r) };
  if (mpType === OFPMP.BUNDLE_FEATURES && v >= 6) return { kind: 'bundleFeatures', ...readBundleFeaturesReply(r) };
  const start = r.offset;
  const ex = expHeader(r, v, mpType);
  if (!ex) return null;
  switch (ex) {
    case 'nx:0':
      return { kind: 'nxFlow', flows: readNxFlowStats(r, v) };
    case 'nx:1':
      return { kind: 'nxAggregate', ...readNxAggregate(r) };
    case 'nx:2':
      return { kind: 'flowMonitor', flavor: 'nx', updates: readFlowUpdates(r, v, 'nx') };
    case 'onf:1870':
      return { kind: 'flowMonitor', flavor: 'onf', updates: readFlowUpdates(r, v, 'onf') };
    case 'nx:3':
      return { kind: 'ipfixBridge', stats: readIpfix(r) };
    case 'nx:4': {
      const flows = [];
      while (r.remaining) flows.push(readIpfix(r));
      return { kind: 'ipfixFlow', flows };
    }
    case 'nx:7':
      // OF1.3 ofp_group_stats entries, read in place
      return { kind: 'nxGroup', groups: readGroupStats(r, 4) };
    case 'nx:8':
      return { kind: 'nxGroupDesc', groups: readGroupDescs(r, 6, v) };
    case 'nx:9':
      return { ...readGroupFeatures(r), kind: 'nxGroupFeatures' };
  }
  r.offset = start;
  return null;
}

/**
 * For an experimenter multipart known here, consumes its experimenter header (Nicira: vendor,
 * subtype and, in OF1.0, 4 pad bytes; ONF: experimenter, exp_type) and returns `nx:N` / `onf:N`.
 * Leaves the reader untouched otherwise.
 */
function expHeader(r: ByteReader, v: OfVersion, mpType: number): string | null {
  if (mpType !== OFPMP.EXPERIMENTER || r.remaining < 8) return null;
  const exp = ((r.peekU16(0) << 16) | r.peekU16(2)) >>> 0;
  const sub = ((r.peekU16(4) << 16) | r.peekU16(6)) >>> 0;
  let key: string | null = null;
  if (exp === EXPERIMENTER_ID.NX && (sub <= NXST.IPFIX_FLOW || (sub >= NXST.GROUP && sub <= NXST.GROUP_FEATURES)))
    key = `nx:${sub}`;
  if (exp === EXPERIMENTER_ID.ONF && sub === ONFST.FLOW_MONITOR) key = `onf:${sub}`;
  if (!key) return null;
  const padded = key.startsWith('nx') && v === 1;
  if (r.remaining < (padded ? 12 : 8)) return null;
  r.skip(padded ? 12 : 8);
  return key;
}

// ---- encode --------------------------------------------------------------------------------------

function hdr(w: ByteWriter, v: number, t: number, xid: number): void {
  // OF1.0 numbers the queue-config messages 20 / 21 (OpenFlow 1.0.0 §5.1).
  const wire =
    v === 1 && t === OFPT.QUEUE_GET_CONFIG_REQUEST ? 20 : v === 1 && t === OFPT.QUEUE_GET_CONFIG_REPLY ? 21 : t;
  w.u8(v).u8(wire).u16(0).u32(xid);
}

function expHdr(w: ByteWriter, v: number, xid: number, experimenter: number, expType: number): void {
  hdr(w, v, OFPT.EXPERIMENTER, xid);
  w.u32(experimenter).u32(expType);
}

function need(ok: boolean, what: string): void {
  if (!ok) throw new OfMessageError('OF_MSG_UNSUPPORTED', what);
}

/** Writes a whole extension message (header included); `inner` is the encoded request of a requestforward. */
export function writeExtMessage(w: ByteWriter, m: ExtMessage, inner: Uint8Array | null): void {
  const v = m.version;
  const nx = (sub: number) => expHdr(w, v, m.xid, EXPERIMENTER_ID.NX, sub);
  const onf = (t: number) => expHdr(w, v, m.xid, EXPERIMENTER_ID.ONF, t);
  switch (m.type) {
    case 'flowMonitorCancel':
      if (m.flavor === 'nx') nx(NXT.FLOW_MONITOR_CANCEL);
      else onf(ONFT.FLOW_MONITOR_CANCEL);
      w.u32(m.id);
      return;
    case 'flowMonitorPaused':
    case 'flowMonitorResumed': {
      const paused = m.type === 'flowMonitorPaused';
      if (m.flavor === 'nx') nx(paused ? NXT.FLOW_MONITOR_PAUSED : NXT.FLOW_MONITOR_RESUMED);
      else onf(paused ? ONFT.FLOW_MONITOR_PAUSED : ONFT.FLOW_MONITOR_RESUMED);
      return;
    }
    case 'roleStatus':
      if (v >= 5) hdr(w, v, OFPT.ROLE_STATUS, m.xid);
      else onf(ONFT.ROLE_STATUS);
      writeRoleStatus(w, m);
      return;
    case 'requestForward':
      if (m.flavor === 'of') {
        need(v >= 5, 'OFPT_REQUESTFORWARD exists from OpenFlow 1.4 on');
        hdr(w, v, OFPT.REQUESTFORWARD, m.xid);
      } else if (m.flavor === 'onf') onf(ONFT.REQUESTFORWARD);
      else nx(NXT_EXT.REQUESTFORWARD);
      if (inner![0] !== v)
        throw new OfMessageError('OF_MSG_BAD_VALUE', 'requestforward inner message must have the outer version');
      w.bytes(inner!);
      return;
    case 'nxGroupMod':
      nx(NXT_EXT.GROUP_MOD);
      writeGroupModBody(w, m, 6);
      return;
    case 'nxFlowMod':
      nx(NXT.FLOW_MOD);
      writeNxFlowMod(w, m);
      return;
    case 'nxFlowRemoved':
      nx(NXT.FLOW_REMOVED);
      writeNxFlowRemoved(w, m);
      return;
    case 'nxPacketIn':
      nx(NXT.PACKET_IN);
      writeNxPacketIn(w, m);
      return;
    case 'nxCtFlush':
      nx(NXT.CT_FLUSH);
      writeCtFlush(w, m);
      return;
    case 'queueGetConfigRequest':
      need(v <= 4, 'OFPT_QUEUE_GET_CONFIG_REQUEST exists up to OpenFlow 1.3');
      hdr(w, v, OFPT.QUEUE_GET_CONFIG_REQUEST, m.xid);
      writeQueueConfigRequest(w, v, m.portNo);
      return;
    case 'queueGetConfigReply':
      need(v <= 4, 'OFPT_QUEUE_GET_CONFIG_REPLY exists up to OpenFlow 1.3');
      hdr(w, v, OFPT.QUEUE_GET_CONFIG_REPLY, m.xid);
      writeQueueConfigReply(w, v, m.portNo, m.queues);
      return;
    case 'tableStatus':
      need(v >= 5, 'OFPT_TABLE_STATUS exists from OpenFlow 1.4 on');
      hdr(w, v, OFPT.TABLE_STATUS, m.xid);
      writeTableStatusBody(w, m);
      return;
    case 'controllerStatus':
      need(v >= 6, 'OFPT_CONTROLLER_STATUS exists from OpenFlow 1.5 on');
      hdr(w, v, OFPT.CONTROLLER_STATUS, m.xid);
      writeControllerStatus(w, m.status);
      return;
  }
}

/** Standard (non-experimenter) multipart kinds written here: their OFPMP_* type and first version. */
const STD_MP: Readonly<Record<string, { mpType: number; since: number } | undefined>> = {
  queueDesc: { mpType: OFPMP.QUEUE_DESC, since: 5 },
  flowMonitor: { mpType: OFPMP.FLOW_MONITOR, since: 5 }, // the 'of' flavor only
  tableDesc: { mpType: OFPMP.TABLE_DESC, since: 5 },
  controllerStatus: { mpType: OFPMP.CONTROLLER_STATUS, since: 6 },
  bundleFeatures: { mpType: OFPMP.BUNDLE_FEATURES, since: 6 },
};

function mpHdr(
  w: ByteWriter,
  v: OfVersion,
  t: number,
  xid: number,
  flags: number,
  b: { kind: string; flavor?: ExtFlavor },
): void {
  const std = b.kind === 'flowMonitor' ? (b.flavor === 'of' ? STD_MP.flowMonitor : undefined) : STD_MP[b.kind];
  hdr(w, v, v === 1 ? (t === OFPT.MULTIPART_REQUEST ? 16 : 17) : t, xid);
  if (std) {
    need(v >= std.since, `${b.kind} multipart exists from OpenFlow 1.${std.since - 1} on`);
    w.u16(std.mpType).u16(flags).zeros(4);
    return;
  }
  w.u16(OFPMP.EXPERIMENTER).u16(flags);
  if (v !== 1) w.zeros(4);
  if (b.kind === 'flowMonitor' && b.flavor === 'onf') {
    w.u32(EXPERIMENTER_ID.ONF).u32(ONFST.FLOW_MONITOR);
    return;
  }
  const sub = {
    nxFlow: NXST.FLOW,
    nxAggregate: NXST.AGGREGATE,
    flowMonitor: NXST.FLOW_MONITOR,
    ipfixBridge: NXST.IPFIX_BRIDGE,
    ipfixFlow: NXST.IPFIX_FLOW,
    nxGroup: NXST.GROUP,
    nxGroupDesc: NXST.GROUP_DESC,
    nxGroupFeatures: NXST.GROUP_FEATURES,
  }[b.kind]!;
  w.u32(EXPERIMENTER_ID.NX).u32(sub);
  if (v === 1) w.zeros(4);
}

/** Writes a whole multipart request with an extension body. */
export function writeExtMpRequest(
  w: ByteWriter,
  v: OfVersion,
  xid: number,
  flags: number,
  b: ExtMultipartRequestBody,
): void {
  mpHdr(w, v, OFPT.MULTIPART_REQUEST, xid, flags, b);
  switch (b.kind) {
    case 'nxFlow':
    case 'nxAggregate':
      writeNxFlowStatsRequest(w, b, v);
      return;
    case 'flowMonitor':
      writeMonitorRequests(w, b.monitors, v, b.flavor);
      return;
    case 'queueDesc':
      w.u32(b.portNo).u32(b.queueId);
      return;
    case 'ipfixBridge':
    case 'ipfixFlow':
    case 'nxGroupFeatures':
    case 'tableDesc':
    case 'controllerStatus':
      return;
    case 'bundleFeatures':
      writeBundleFeaturesRequest(w, b);
      return;
    case 'nxGroup':
    case 'nxGroupDesc':
      w.u32(b.groupId).zeros(4);
      return;
  }
}

/** Writes a whole multipart reply with an extension body. */
export function writeExtMpReply(
  w: ByteWriter,
  v: OfVersion,
  xid: number,
  flags: number,
  b: ExtMultipartReplyBody,
): void {
  mpHdr(w, v, OFPT.MULTIPART_REPLY, xid, flags, b);
  switch (b.kind) {
    case 'nxGroup':
      writeGroupStats(w, b.groups, 4); // OF1.3 layout
      return;
    case 'nxGroupFeatures':
      writeGroupFeatures(w, b);
      return;
    case 'nxGroupDesc':
      writeGroupDescs(w, b.groups, 6, v);
      return;
    case 'nxFlow':
      writeNxFlowStats(w, b.flows, v);
      return;
    case 'nxAggregate':
      w.u64(b.packetCount).u64(b.byteCount).u32(b.flowCount).zeros(4);
      return;
    case 'flowMonitor':
      writeFlowUpdates(w, b.updates, v, b.flavor);
      return;
    case 'queueDesc':
      writeQueueDescs(w, b.queues);
      return;
    case 'ipfixBridge':
      writeIpfix(w, b.stats);
      return;
    case 'ipfixFlow':
      for (const s of b.flows) writeIpfix(w, s);
      return;
    case 'tableDesc':
      writeTableDescs(w, b.tables);
      return;
    case 'controllerStatus':
      writeControllerStatuses(w, b.controllers);
      return;
    case 'bundleFeatures':
      writeBundleFeaturesReply(w, b);
      return;
  }
}
