/**
 * Flow family bodies (rank 1), read and written side by side: ofp_flow_mod (OF1.0 and OF1.1+),
 * ofp_flow_removed with the OF1.5 OXS stats, and the OF1.0 action list of a flow.
 * OpenFlow 1.5.1 §7.3.4.2 (flow mod), §7.4.2 (flow removed), §7.2.4 (OXS).
 */
import { type ByteReader, type ByteWriter } from '../../wire/index.js';
import { readActions } from '../actions/list.js';
import { readInstructions } from '../actions/instructions.js';
import { readMatch, readMatch10 } from '../match/codec.js';
import { readMatch11 } from '../match/match11.js';
import { OfMessageError } from './errors.js';
import type { H } from './header.js';
import { expectBody, pad8, subByLength } from './props.js';
import type { FlowStatValues, OfMessage } from './types.js';

/** OF1.5 ofp_stats (OXS, OpenFlow 1.5.1 §7.2.4): reserved, length, OXS TLVs, padded to 8. */
export function readOxsStats(r: ByteReader): FlowStatValues {
  const start = r.offset;
  r.skip(2);
  const len = r.u16();
  if (len < 4) throw new OfMessageError('OF_MSG_BAD_LENGTH', `ofp_stats length ${len} below 4`, start);
  const sr = subByLength(r, len - 4, 0, 'ofp_stats');
  r.skip(Math.min(((len + 7) & ~7) - len, r.remaining));
  const s: { -readonly [K in keyof FlowStatValues]: FlowStatValues[K] } = {};
  while (sr.remaining) {
    const at = sr.offset;
    const cls = sr.u16();
    const fb = sr.u8();
    const flen = sr.u8();
    const field = fb >> 1;
    const body = sr.sub(flen, 'OXS field');
    if (cls !== 0x8002) throw new OfMessageError('OF_MSG_BAD_VALUE', `OXS class 0x${cls.toString(16)} unknown`, at);
    const want = (n: number): void => {
      if (flen !== n) throw new OfMessageError('OF_MSG_BAD_LENGTH', `OXS field ${field} length ${flen}, want ${n}`, at);
    };
    switch (field) {
      case 0:
        want(8);
        s.durationSec = body.u32();
        s.durationNsec = body.u32();
        break;
      case 1:
        want(8);
        s.idleTimeSec = body.u32();
        s.idleTimeNsec = body.u32();
        break;
      case 3:
        want(4);
        s.flowCount = body.u32();
        break;
      case 4:
        want(8);
        s.packetCount = body.u64();
        break;
      case 5:
        want(8);
        s.byteCount = body.u64();
        break;
      default:
        throw new OfMessageError('OF_MSG_BAD_VALUE', `OXS field ${field} unknown`, at);
    }
  }
  return s;
}

export function decodeFlowRemoved(r: ByteReader, h: H): OfMessage {
  if (h.version === 1) {
    const match = readMatch10(r);
    expectBody(r, 40, 'flow_removed');
    const cookie = r.u64();
    const priority = r.u16();
    const reason = r.u8();
    r.skip(1);
    const durationSec = r.u32();
    const durationNsec = r.u32();
    const idleTimeout = r.u16();
    r.skip(2);
    const packetCount = r.u64();
    const byteCount = r.u64();
    return {
      type: 'flowRemoved',
      ...h,
      cookie,
      priority,
      reason,
      tableId: 0,
      idleTimeout,
      hardTimeout: 0,
      match,
      stats: { durationSec, durationNsec, packetCount, byteCount },
    };
  }
  if (h.version >= 6) {
    // OpenFlow 1.5.1 §7.4.2: table_id, reason, priority, idle, hard, cookie, match, stats.
    expectBody(r, 16, 'flow_removed');
    const tableId = r.u8();
    const reason = r.u8();
    const priority = r.u16();
    const idleTimeout = r.u16();
    const hardTimeout = r.u16();
    const cookie = r.u64();
    const match = readMatch(r, h.version);
    const stats = readOxsStats(r);
    return { type: 'flowRemoved', ...h, cookie, priority, reason, tableId, idleTimeout, hardTimeout, match, stats };
  }
  const f = readFlowRemovedFixed(r, 'flow_removed');
  // OpenFlow 1.1 §A.4.2: a pad where OF1.2+ has hard_timeout, and the 88-byte match
  const match = h.version === 2 ? readMatch11(r) : readMatch(r, h.version);
  return {
    type: 'flowRemoved',
    ...h,
    cookie: f.cookie,
    priority: f.priority,
    reason: f.reason,
    tableId: f.tableId,
    idleTimeout: f.idleTimeout,
    hardTimeout: h.version === 2 ? 0 : f.word,
    match,
    stats: {
      durationSec: f.durationSec,
      durationNsec: f.durationNsec,
      packetCount: f.packetCount,
      byteCount: f.byteCount,
    },
  };
}

/**
 * The 40 fixed bytes shared by ofp11_flow_removed, ofp12_flow_removed (OpenFlow 1.2 §A.4.2) and OVS's
 * nx_flow_removed: cookie(64) priority(16) reason(8) table_id(8) duration_sec(32) duration_nsec(32)
 * idle(16) word(16) packets(64) bytes(64), where `word` is hard_timeout (OF1.2+), pad (OF1.1) or
 * match_len (NXT_FLOW_REMOVED).
 */
export function readFlowRemovedFixed(r: ByteReader, what: string) {
  expectBody(r, 40, what);
  return {
    cookie: r.u64(),
    priority: r.u16(),
    reason: r.u8(),
    tableId: r.u8(),
    durationSec: r.u32(),
    durationNsec: r.u32(),
    idleTimeout: r.u16(),
    word: r.u16(),
    packetCount: r.u64(),
    byteCount: r.u64(),
  };
}

/**
 * ofp_flow_mod of OF1.1+ (OpenFlow 1.1 §A.3.4.1 … 1.5.1 §7.3.4): OF1.1 has the 88-byte standard match and a pad
 * where OF1.4+ has importance.
 */
export function decodeFlowMod(r: ByteReader, h: H): OfMessage {
  expectBody(r, 40, 'flow_mod');
  const cookie = r.u64();
  const cookieMask = r.u64();
  const tableId = r.u8();
  const command = r.u8();
  const idleTimeout = r.u16();
  const hardTimeout = r.u16();
  const priority = r.u16();
  const bufferId = r.u32();
  const outPort = r.u32();
  const outGroup = r.u32();
  const flags = r.u16();
  const importance = r.u16();
  const match = h.version === 2 ? readMatch11(r) : readMatch(r, h.version);
  const instructions = readInstructions(r, r.remaining, h.version);
  // properties listed, not spread from h: object spread is slow on this hot path
  return {
    type: 'flowMod',
    version: h.version,
    xid: h.xid,
    cookie,
    cookieMask,
    tableId,
    command,
    idleTimeout,
    hardTimeout,
    priority,
    bufferId,
    outPort,
    outGroup,
    flags,
    importance: h.version >= 5 ? importance : 0,
    match,
    instructions,
  };
}

/** OF1.0 ofp_flow_mod (OpenFlow 1.0.0 §5.3.3); actions are returned as one apply_actions instruction. */
export function decodeFlowMod10(r: ByteReader, h: H): OfMessage {
  const match = readMatch10(r);
  expectBody(r, 24, 'flow_mod');
  const cookie = r.u64();
  const command = r.u16();
  const idleTimeout = r.u16();
  const hardTimeout = r.u16();
  const priority = r.u16();
  const bufferId = r.u32();
  const outPort = r.u16();
  const flags = r.u16();
  const actions = readActions(r, r.remaining, h.version);
  return {
    type: 'flowMod',
    ...h,
    cookie,
    cookieMask: 0n,
    tableId: command >> 8,
    command: command & 0xff,
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

export function writeOxsStats(w: ByteWriter, s: FlowStatValues): void {
  const start = w.offset;
  w.u16(0).u16(0);
  if (s.durationSec !== undefined || s.durationNsec !== undefined) {
    w.u16(0x8002)
      .u8(0 << 1)
      .u8(8)
      .u32(s.durationSec ?? 0)
      .u32(s.durationNsec ?? 0);
  }
  if (s.idleTimeSec !== undefined || s.idleTimeNsec !== undefined) {
    w.u16(0x8002)
      .u8(1 << 1)
      .u8(8)
      .u32(s.idleTimeSec ?? 0)
      .u32(s.idleTimeNsec ?? 0);
  }
  if (s.flowCount !== undefined)
    w.u16(0x8002)
      .u8(3 << 1)
      .u8(4)
      .u32(s.flowCount);
  if (s.packetCount !== undefined)
    w.u16(0x8002)
      .u8(4 << 1)
      .u8(8)
      .u64(s.packetCount);
  if (s.byteCount !== undefined)
    w.u16(0x8002)
      .u8(5 << 1)
      .u8(8)
      .u64(s.byteCount);
  const len = w.offset - start;
  w.patchU16(start + 2, len);
  w.zeros(pad8(len) - len);
}

export { of10Actions } from './builders.js';
