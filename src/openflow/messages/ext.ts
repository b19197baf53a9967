/**
 * Dispatch for the extension messages of ext-types.ts: decode (called by decode.ts for types,
 * experimenter ids and multipart types it does not handle itself), encode (called by encode.ts)
 * and ofp-print text (called by format.ts). The bodies live in flow-monitor.ts, ct-flush.ts,
 * nicira-msgs.ts and nicira-stats.ts.
 */
import { decodeGroupMod, readGroupDescs, writeGroupDescs, writeGroupModBody } from './group.js';
import type { ByteReader, ByteWriter } from '../../wire/index.js';
import type { OfVersion } from '../version.js';
import { EXPERIMENTER_ID, NXT, OFPMP, OFPT } from './constants.js';
import { OfMessageError } from './errors.js';
import { decodeMessage, } from './decode.js';
import { encodeMessage, } from './encode.js';
import { flowStatsLine, formatFlowModBody, formatMessage } from './format.js';
import { head, hexDump, portName } from './text-helpers.js';
import { validateMessage } from './validate.js';
import { formatMatchRaw } from '../match/index.js';
import { OfValidationError } from './errors.js';
import { decodeCtFlush, formatCtFlushBody, writeCtFlush } from './ct-flush.js';
import { formatFlowUpdates, formatMonitorRequests, readFlowUpdates, readMonitorRequests, monitorRequestError, writeFlowUpdates, writeMonitorRequests } from './flow-monitor.js';
import {
  decodeNxFlowMod, decodeNxFlowRemoved, decodeNxPacketIn, decodeQueueConfigReply, decodeQueueConfigRequest, decodeRoleStatus,
  formatQueues, formatRoleStatusBody, readQueueDescs, writeNxFlowMod, writeNxFlowRemoved, writeNxPacketIn,
  writeQueueConfigReply, writeQueueConfigRequest, writeQueueDescs, writeRoleStatus,
} from './nicira-msgs.js';
import {
  formatIpfix, formatNxFlowRequest, readIpfix, readNxAggregate, readNxFlowStats, readNxFlowStatsRequest, writeIpfix,
  writeNxFlowStats, writeNxFlowStatsRequest,
} from './nicira-stats.js';
import type { ExtFlavor, ExtMessage, ExtMultipartReplyBody, ExtMultipartRequestBody, RequestForward } from './ext-types.js';
import type { MultipartReplyBody, MultipartRequestBody, OfMessage } from './types.js';

/** Nicira message subtypes beyond {@link NXT} (nicira-ext.h, lib/ofp-msgs.c). */
export const NXT_EXT = { GROUP_MOD: 31, REQUESTFORWARD: 132 } as const;
/** ONF extension message types used by OVS in OpenFlow 1.3 (lib/ofp-msgs.c). */
export const ONFT = { FLOW_MONITOR_CANCEL: 1870, FLOW_MONITOR_PAUSED: 1871, FLOW_MONITOR_RESUMED: 1872, ROLE_STATUS: 1911, REQUESTFORWARD: 2350 } as const;
/** ONF multipart extension (ONFST_*). */
export const ONFST = { FLOW_MONITOR: 1870 } as const;
/** Nicira statistics subtypes (NXST_*, nicira-ext.h). */
export const NXST = { FLOW: 0, AGGREGATE: 1, FLOW_MONITOR: 2, IPFIX_BRIDGE: 3, IPFIX_FLOW: 4, GROUP: 7, GROUP_DESC: 8, GROUP_FEATURES: 9 } as const;

type H = { version: OfVersion; xid: number };

const EXT_KINDS = new Set<string>(['nxFlow', 'nxAggregate', 'flowMonitor', 'queueDesc', 'ipfixBridge', 'ipfixFlow', 'nxGroup', 'nxGroupDesc', 'nxGroupFeatures']);

/** Whether a multipart body kind is one of the extension kinds handled here. */
export function isExtMpKind(kind: string): boolean {
  return EXT_KINDS.has(kind);
}

const EXT_TYPES = new Set<string>([
  'flowMonitorCancel', 'flowMonitorPaused', 'flowMonitorResumed', 'roleStatus', 'requestForward', 'nxGroupMod', 'nxFlowMod',
  'nxPacketIn', 'nxFlowRemoved', 'nxCtFlush', 'queueGetConfigRequest', 'queueGetConfigReply',
]);

/** Whether a message is one of the extension messages handled here. */
export function isExtMessage(m: OfMessage): m is ExtMessage {
  return EXT_TYPES.has(m.type);
}

// ---- decode --------------------------------------------------------------------------------------

/** Standard OFPT types decode.ts leaves to this module (role status, requestforward, queue config). */
export function decodeExtType(r: ByteReader, h: H, type: number): OfMessage | null {
  const v = h.version;
  if (type === OFPT.ROLE_STATUS && v >= 5) return decodeRoleStatus(r, h);
  if (type === OFPT.REQUESTFORWARD && v >= 5) return decodeRequestForward(r, h, 'of');
  if (type === OFPT.QUEUE_GET_CONFIG_REQUEST && v <= 4) return decodeQueueConfigRequest(r, h);
  if (type === OFPT.QUEUE_GET_CONFIG_REPLY && v <= 4) return decodeQueueConfigReply(r, h);
  return null;
}

/** Nicira / ONF experimenter messages this module knows; null leaves the message raw. */
export function decodeExtExperimenter(r: ByteReader, h: H, experimenter: number, expType: number): OfMessage | null {
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
        return empty(r, { type: expType === NXT.FLOW_MONITOR_PAUSED ? 'flowMonitorPaused' : 'flowMonitorResumed', ...h, flavor: 'nx' });
      case NXT.CT_FLUSH:
        return decodeCtFlush(r, h);
      case NXT_EXT.GROUP_MOD: {
        const gm = decodeGroupMod(r, h, 6);
        return gm.type === 'groupMod' ? { ...gm, type: 'nxGroupMod' } : null;
      }
      case NXT_EXT.REQUESTFORWARD:
        return decodeRequestForward(r, h, 'nx');
    }
  } else if (experimenter === EXPERIMENTER_ID.ONF) {
    switch (expType) {
      case ONFT.FLOW_MONITOR_CANCEL:
        return monitorCancel(r, h, 'onf');
      case ONFT.FLOW_MONITOR_PAUSED:
      case ONFT.FLOW_MONITOR_RESUMED:
        return empty(r, { type: expType === ONFT.FLOW_MONITOR_PAUSED ? 'flowMonitorPaused' : 'flowMonitorResumed', ...h, flavor: 'onf' });
      case ONFT.ROLE_STATUS:
        return decodeRoleStatus(r, h);
      case ONFT.REQUESTFORWARD:
        return decodeRequestForward(r, h, 'onf');
    }
  }
  return null;
}

function empty<T>(r: ByteReader, m: T): T {
  if (r.remaining) throw new OfMessageError('OF_MSG_BAD_LENGTH', `${r.remaining} unexpected bytes after message body`, r.offset);
  return m;
}

function monitorCancel(r: ByteReader, h: H, flavor: 'nx' | 'onf'): OfMessage {
  if (r.remaining < 4) throw new OfMessageError('OF_MSG_BAD_LENGTH', `flow monitor cancel needs 4 bytes, message has ${r.remaining}`, r.offset);
  return empty(r, { type: 'flowMonitorCancel', ...h, flavor, id: r.u32() });
}

function decodeRequestForward(r: ByteReader, h: H, flavor: ExtFlavor): RequestForward | null {
  if (r.remaining < 8) throw new OfMessageError('OF_MSG_BAD_LENGTH', `requestforward needs an inner message, ${r.remaining} bytes left`, r.offset);
  const len = r.peekU16(2);
  if (len < 8 || len > r.remaining) throw new OfMessageError('OF_MSG_BAD_LENGTH', `requestforward inner length ${len} invalid (${r.remaining} bytes left)`, r.offset);
  if (r.peekU8(0) !== h.version) throw new OfMessageError('OF_MSG_BAD_VERSION', `requestforward inner version 0x${r.peekU8(0).toString(16)} differs from the outer one`, r.offset);
  const at = r.offset;
  const request = decodeMessage(r.bytes(len));
  if (r.remaining) throw new OfMessageError('OF_MSG_BAD_LENGTH', `${r.remaining} bytes after the forwarded request`, r.offset);
  if (request.type !== 'groupMod' && request.type !== 'meterMod' && request.type !== 'nxGroupMod') {
    if (flavor !== 'of') {
      r.offset = at; // e.g. an NXT_GROUP_MOD inside, which is kept raw
      return null;
    }
    throw new OfMessageError('OF_MSG_BAD_VALUE', `requestforward carries ${request.type}, want a group_mod or meter_mod (OFPBFC_MSG_UNSUP)`, at);
  }
  return { type: 'requestForward', ...h, flavor, request };
}

/** Reads the experimenter / extension multipart request bodies; `r` is just past the multipart header. */
export function decodeExtMpRequest(r: ByteReader, v: OfVersion, mpType: number): MultipartRequestBody | null {
  if (mpType === OFPMP.FLOW_MONITOR && v >= 5) return { kind: 'flowMonitor', flavor: 'of', monitors: readMonitorRequests(r, v, 'of') };
  if (mpType === OFPMP.QUEUE_DESC && v >= 5) {
    if (r.remaining !== 8) throw new OfMessageError('OF_MSG_BAD_LENGTH', `queue desc request of ${r.remaining} bytes, want 8`, r.offset);
    return { kind: 'queueDesc', portNo: r.u32(), queueId: r.u32() };
  }
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
      if (r.remaining !== 8) throw new OfMessageError('OF_MSG_BAD_LENGTH', `NXST_GROUP request of ${r.remaining} bytes, want 8`, r.offset);
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
  if (mpType === OFPMP.FLOW_MONITOR && v >= 5) return { kind: 'flowMonitor', flavor: 'of', updates: readFlowUpdates(r, v, 'of') };
  if (mpType === OFPMP.QUEUE_DESC && v >= 5) return { kind: 'queueDesc', queues: readQueueDescs(r) };
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
    case 'nx:7': {
      // OF1.3 ofp_group_stats entries: read as the OF1.3 reply they are.
      const b = stdMpBody(r, 4, OFPMP.GROUP_STATS);
      if (b.kind === 'group') return { kind: 'nxGroup', groups: b.groups };
      break;
    }
    case 'nx:8':
      return { kind: 'nxGroupDesc', groups: readGroupDescs(r, 6, v) };
    case 'nx:9': {
      const b = stdMpBody(r, 4, OFPMP.GROUP_FEATURES);
      if (b.kind === 'groupFeatures') return { ...b, kind: 'nxGroupFeatures' };
      break;
    }
  }
  r.offset = start;
  return null;
}

/** Decodes the rest of `r` as the body of a standard multipart reply of version `v` and type `mpType`. */
function stdMpBody(r: ByteReader, v: OfVersion, mpType: number): MultipartReplyBody {
  const body = r.bytes(r.remaining);
  const len = 16 + body.length;
  if (len > 0xffff) throw new OfMessageError('OF_MSG_BAD_LENGTH', 'multipart body too long', r.offset);
  const synth = new Uint8Array(len);
  synth.set([v, OFPT.MULTIPART_REPLY, len >> 8, len & 0xff, 0, 0, 0, 0, mpType >> 8, mpType & 0xff]);
  synth.set(body, 16);
  const m = decodeMessage(synth);
  if (m.type !== 'multipartReply') throw new OfMessageError('OF_MSG_BAD_VALUE', 'multipart body did not decode', r.offset);
  return m.body;
}

/** The standard OF1.3 reply an NXST_GROUP / NXST_GROUP_FEATURES reply body is laid out as. */
function stdGroupReply(b: ExtMultipartReplyBody, version: OfVersion, xid: number): OfMessage | null {
  if (b.kind === 'nxGroup') return { type: 'multipartReply', version, xid, flags: 0, body: { kind: 'group', groups: b.groups } };
  if (b.kind === 'nxGroupFeatures') return { type: 'multipartReply', version, xid, flags: 0, body: { ...b, kind: 'groupFeatures' } };
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
  if (exp === EXPERIMENTER_ID.NX && (sub <= NXST.IPFIX_FLOW || (sub >= NXST.GROUP && sub <= NXST.GROUP_FEATURES))) key = `nx:${sub}`;
  if (exp === EXPERIMENTER_ID.ONF && sub === ONFST.FLOW_MONITOR) key = `onf:${sub}`;
  if (!key) return null;
  const padded = key.startsWith('nx') && v === 1;
  if (r.remaining < (padded ? 12 : 8)) return null;
  r.skip(padded ? 12 : 8);
  return key;
}

// ---- encode --------------------------------------------------------------------------------------

/** Messages that embed another message, encoded before the outer one (encode.ts shares one buffer). */
export function extInnerBytes(m: OfMessage): Uint8Array | null {
  if (m.type === 'requestForward') return encodeMessage(m.request);
  if (m.type === 'multipartReply') {
    const std = stdGroupReply(m.body as ExtMultipartReplyBody, 4, 0);
    if (std) return encodeMessage(std).subarray(16); // the OF1.3 body after the multipart header
  }
  return null;
}

function hdr(w: ByteWriter, v: number, t: number, xid: number): void {
  // OF1.0 numbers the queue-config messages 20 / 21 (OpenFlow 1.0.0 §5.1).
  const wire = v === 1 && t === OFPT.QUEUE_GET_CONFIG_REQUEST ? 20 : v === 1 && t === OFPT.QUEUE_GET_CONFIG_REPLY ? 21 : t;
  w.u8(v).u8(wire).u16(0).u32(xid);
}

function expHdr(w: ByteWriter, v: number, xid: number, experimenter: number, expType: number): void {
  hdr(w, v, OFPT.EXPERIMENTER, xid);
  w.u32(experimenter).u32(expType);
}

function need(ok: boolean, what: string): void {
  if (!ok) throw new OfMessageError('OF_MSG_UNSUPPORTED', what);
}

/** Writes a whole extension message (header included); `inner` from {@link extInnerBytes}. */
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
      if (inner![0] !== v) throw new OfMessageError('OF_MSG_BAD_VALUE', 'requestforward inner message must have the outer version');
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
  }
}

function mpHdr(w: ByteWriter, v: OfVersion, t: number, xid: number, flags: number, b: { kind: string; flavor?: ExtFlavor }): void {
  const std = b.kind === 'queueDesc' || (b.kind === 'flowMonitor' && b.flavor === 'of');
  hdr(w, v, v === 1 ? (t === OFPT.MULTIPART_REQUEST ? 16 : 17) : t, xid);
  if (std) {
    need(v >= 5, `${b.kind} multipart exists from OpenFlow 1.4 on`);
    w.u16(b.kind === 'queueDesc' ? OFPMP.QUEUE_DESC : OFPMP.FLOW_MONITOR).u16(flags).zeros(4);
    return;
  }
  w.u16(OFPMP.EXPERIMENTER).u16(flags);
  if (v !== 1) w.zeros(4);
  if (b.kind === 'flowMonitor' && b.flavor === 'onf') {
    w.u32(EXPERIMENTER_ID.ONF).u32(ONFST.FLOW_MONITOR);
    return;
  }
  const sub = {
    nxFlow: NXST.FLOW, nxAggregate: NXST.AGGREGATE, flowMonitor: NXST.FLOW_MONITOR, ipfixBridge: NXST.IPFIX_BRIDGE, ipfixFlow: NXST.IPFIX_FLOW,
    nxGroup: NXST.GROUP, nxGroupDesc: NXST.GROUP_DESC, nxGroupFeatures: NXST.GROUP_FEATURES,
  }[b.kind]!;
  w.u32(EXPERIMENTER_ID.NX).u32(sub);
  if (v === 1) w.zeros(4);
}

/** Writes a whole multipart request with an extension body. */
export function writeExtMpRequest(w: ByteWriter, v: OfVersion, xid: number, flags: number, b: ExtMultipartRequestBody): void {
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
      return;
    case 'nxGroup':
    case 'nxGroupDesc':
      w.u32(b.groupId).zeros(4);
      return;
  }
}

/** Writes a whole multipart reply with an extension body. */
export function writeExtMpReply(w: ByteWriter, v: OfVersion, xid: number, flags: number, b: ExtMultipartReplyBody, inner: Uint8Array | null): void {
  mpHdr(w, v, OFPT.MULTIPART_REPLY, xid, flags, b);
  switch (b.kind) {
    case 'nxGroup':
    case 'nxGroupFeatures':
      w.bytes(inner!);
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
  }
}

// ---- text ----------------------------------------------------------------------------------------

function flavorName(flavor: ExtFlavor, base: string, stats = false): string {
  if (flavor === 'nx') return `${stats ? 'NXST' : 'NXT'}_${base}`;
  if (flavor === 'onf') return `${stats ? 'ONFST' : 'ONFT'}_${base}`;
  return `${stats ? 'OFPST' : 'OFPT'}_${base}`;
}

/** Replaces the "NAME (OFx) (xid=…):" prefix of another message's text. */
function reHead(text: string, name: string, v: number, xid: number): string {
  return head(name, v, xid) + text.slice(text.indexOf('):') + 2);
}

/** 16-bit (OF1.0 / Nicira) and 32-bit port names as ofp-print shows them. */
const port16 = (p: number) => portName(p, 1);
const port32 = (p: number) => portName(p, 4);

/** Nicira messages validateMessage may refuse, with the name ofp-print gives them. */
const NX_REFUSABLE: Partial<Record<ExtMessage['type'], string>> = {
  nxCtFlush: 'NXT_CT_FLUSH', nxFlowMod: 'NXT_FLOW_MOD', nxPacketIn: 'NXT_PACKET_IN', nxFlowRemoved: 'NXT_FLOW_REMOVED',
};

/** ofp-print text of an extension message. */
export function formatExtMessage(m: ExtMessage, verbosity: number): string {
  const v = m.version;
  const nxName = NX_REFUSABLE[m.type];
  if (m.type === 'requestForward' || nxName) {
    // Well-formed but refused by OVS's decoder: it prints the error and the bytes.
    try {
      validateMessage(m);
    } catch (e) {
      if (!(e instanceof OfValidationError)) throw e;
      const name = m.type === 'requestForward' ? flavorName(m.flavor, 'REQUESTFORWARD') : nxName!;
      return `${head(name, v, m.xid)} ***decode error: ${e.ofpError}***\n${hexDump(encodeMessage(m), true)}`;
    }
  }
  switch (m.type) {
    case 'flowMonitorCancel':
      return `${head(flavorName(m.flavor, 'FLOW_MONITOR_CANCEL'), v, m.xid)} id=${m.id}\n`;
    case 'flowMonitorPaused':
    case 'flowMonitorResumed':
      return `${head(flavorName(m.flavor, m.type === 'flowMonitorPaused' ? 'FLOW_MONITOR_PAUSED' : 'FLOW_MONITOR_RESUMED'), v, m.xid)}\n`;
    case 'roleStatus':
      return `${head(v >= 5 ? 'OFPT_ROLE_STATUS' : 'ONFT_ROLE_STATUS', v, m.xid)}${formatRoleStatusBody(m)}\n`;
    case 'requestForward': {
      const inner = formatMessage(m.request, verbosity);
      const reason = m.request.type === 'meterMod' ? 'meter_mod' : 'group_mod';
      return `${head(flavorName(m.flavor, 'REQUESTFORWARD'), v, m.xid)} reason=${reason}${inner.slice(inner.indexOf('):') + 2)}`;
    }
    case 'nxGroupMod':
      return reHead(formatMessage({ ...m, type: 'groupMod', version: 6 }, verbosity), 'NXT_GROUP_MOD', v, m.xid);
    case 'nxFlowMod': {
      const fm = { ...m, type: 'flowMod', version: 1 } as const;
      // OVS prints the raw NXM match at verbosity ≥ 3
      if (verbosity >= 3) return `${head('NXT_FLOW_MOD', v, m.xid)} ${formatFlowModBody(fm, formatMatchRaw(m.match))}\n`;
      return reHead(formatMessage(fm, verbosity), 'NXT_FLOW_MOD', v, m.xid);
    }
    case 'nxPacketIn':
      return reHead(formatMessage({ ...m, type: 'packetIn', version: 4 }, verbosity), 'NXT_PACKET_IN', v, m.xid);
    case 'nxFlowRemoved': {
      const fr = {
        type: 'flowRemoved' as const, version: 4 as const, xid: m.xid, cookie: m.cookie, priority: m.priority, reason: m.reason,
        tableId: m.tableId ? m.tableId - 1 : 255, idleTimeout: m.idleTimeout, hardTimeout: 0, match: m.match,
        stats: { durationSec: m.durationSec, durationNsec: m.durationNsec, packetCount: m.packetCount, byteCount: m.byteCount },
      };
      let s = reHead(formatMessage(fr, verbosity), 'NXT_FLOW_REMOVED', v, m.xid);
      if (!m.tableId) s = s.replace(' table_id=255', ''); // OVS omits an unknown table
      return s;
    }
    case 'nxCtFlush':
      return `${head('NXT_CT_FLUSH', v, m.xid)} ${formatCtFlushBody(m)}\n`;
    case 'queueGetConfigRequest':
      return `${head('OFPT_QUEUE_GET_CONFIG_REQUEST', v, m.xid)} port=${v === 1 ? port16(m.portNo) : port32(m.portNo)}\n`;
    case 'queueGetConfigReply': {
      // OVS files every queue under the reply's port (the per-queue port of OF1.2+ is not shown).
      const h = head('OFPT_QUEUE_GET_CONFIG_REPLY', v, m.xid);
      return m.queues.length ? `${h} ${formatQueues(m.queues.map((q) => ({ ...q, portNo: m.portNo })), true)}` : `${h}\n`;
    }
  }
}

function mpName(v: number, b: { kind: string; flavor?: ExtFlavor }, dir: string): string {
  const base: Record<string, [ExtFlavor, string]> = {
    nxFlow: ['nx', 'FLOW'], nxAggregate: ['nx', 'AGGREGATE'], ipfixBridge: ['nx', 'IPFIX_BRIDGE'], ipfixFlow: ['nx', 'IPFIX_FLOW'],
    queueDesc: ['of', 'QUEUE_DESC'], flowMonitor: [b.flavor ?? 'of', 'FLOW_MONITOR'],
    nxGroup: ['nx', 'GROUP'], nxGroupDesc: ['nx', 'GROUP_DESC'], nxGroupFeatures: ['nx', 'GROUP_FEATURES'],
  };
  const [flavor, name] = base[b.kind]!;
  return `${flavorName(flavor, name, true)} ${dir}`;
}

function mpMore(flags: number): string {
  return flags & 1 ? ' flags=[more]' : '';
}

export function formatExtMpRequest(v: number, xid: number, flags: number, b: ExtMultipartRequestBody): string {
  const name = head(mpName(v, b, 'request'), v, xid);
  if (b.kind === 'flowMonitor') {
    // OVS prints the entries before the one it refuses, then the error and the bytes.
    const err = monitorRequestError(b.monitors, b.flavor);
    if (err) {
      const m = { type: 'multipartRequest' as const, version: v as OfVersion, xid, flags, body: b };
      const before = err.index ? `${formatMonitorRequests(b.monitors.slice(0, err.index), b.flavor)}` : ' ';
      return `${name}${before}***decode error: ${err.ofpError}***\n${hexDump(encodeMessage(m), true)}`;
    }
  }
  const h = name + mpMore(flags);
  switch (b.kind) {
    case 'nxFlow':
    case 'nxAggregate':
      return `${h}${formatNxFlowRequest(b, port16)}\n`;
    case 'flowMonitor':
      return `${h}${formatMonitorRequests(b.monitors, b.flavor)}`;
    case 'queueDesc':
      return `${h} port=${port32(b.portNo)}${b.queueId === 0xffffffff ? '' : ` queue=${b.queueId}`}\n`; // OFPQ_ALL not shown
    case 'ipfixBridge':
    case 'ipfixFlow':
    case 'nxGroupFeatures':
      return `${h}\n`;
    case 'nxGroup':
    case 'nxGroupDesc': {
      const id = b.groupId === 0xffffffff ? 'ANY' : b.groupId === 0xfffffffc ? 'ALL' : `${b.groupId}`;
      return `${h} group_id=${id}\n`;
    }
  }
}

export function formatExtMpReply(v: number, xid: number, flags: number, b: ExtMultipartReplyBody): string {
  const h = head(mpName(v, b, 'reply'), v, xid) + mpMore(flags);
  switch (b.kind) {
    case 'nxFlow':
      return `${h}\n${b.flows
        .map((f) => {
          const idle = f.idleAge ? f.idleAge - 1 : undefined;
          const e = { ...f, stats: idle === undefined ? f.stats : { ...f.stats, idleTimeSec: idle } };
          return `${flowStatsLine(e, f.hardAge ? f.hardAge - 1 : undefined)}\n`;
        })
        .join('')}`;
    case 'nxAggregate':
      return `${h} packet_count=${b.packetCount} byte_count=${b.byteCount} flow_count=${b.flowCount}\n`;
    case 'flowMonitor':
      return `${h}${formatFlowUpdates(b.updates, b.flavor)}`;
    case 'queueDesc':
      return b.queues.length ? `${h} ${formatQueues(b.queues, true)}` : `${h}\n`;
    case 'ipfixBridge':
      return `${h}\n  bridge ipfix: ${formatIpfix(b.stats, 16)}`;
    case 'nxGroupDesc': {
      const text = formatMessage({ type: 'multipartReply', version: 6, xid, flags: 0, body: { kind: 'groupDesc', groups: b.groups } });
      return `${h}${text.slice(text.indexOf('):') + 2)}`;
    }
    case 'nxGroup':
    case 'nxGroupFeatures': {
      // OF1.3 layout; features use OF1.0 action numbers, so they print as OF1.0 (no version tag either way)
      const std = stdGroupReply(b, b.kind === 'nxGroup' ? 4 : 1, xid)!;
      const text = formatMessage(std);
      return `${h}${text.slice(text.indexOf('):') + 2)}`;
    }
    case 'ipfixFlow':
      return `${h} ${b.flows.length} ids\n${b.flows.map((s) => `  id ${String(s.collectorSetId).padStart(3)}: ${formatIpfix(s, 10)}`).join('')}`;
  }
}
