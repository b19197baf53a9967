/**
 * Multipart (stats) bodies (rank 1): the standard request and reply bodies by multipart type, read
 * and written side by side. Extension bodies (Nicira, ONF) are in ext.ts; the multipart header is
 * read by decode.ts and written by encode.ts. OpenFlow 1.5.1 §7.3.5.
 */
import { type ByteReader, type ByteWriter } from '../../wire/index.js';
import { writeActions } from '../actions/list.js';
import { writeInstructions } from '../actions/instructions.js';
import { readProgramLenient } from '../actions/lenient.js';
import { readMatch, readMatch10, writeMatch, writeMatch10 } from '../match/codec.js';
import { readMatch11, writeMatch11 } from '../match/match11.js';
import type { OfVersion } from '../version.js';
import { OFPMP } from './constants.js';
import { OfMessageError } from './errors.js';
import { of10Actions, readOxsStats, writeOxsStats } from './flow-mod.js';
import {
  readGroupDescs,
  readGroupFeatures,
  readGroupStats,
  writeGroupDescs,
  writeGroupFeatures,
  writeGroupStats,
} from './group.js';
import { need } from './header.js';
import { readBands, writeBands } from './meter.js';
import { readPort, readPortStats, readQueueStats, writePort, writePortStats, writeQueueStats } from './port.js';
import { expectBody, readFixedString, readRawProps, subByLength, writeFixedString, writeRawProps } from './props.js';
import type {
  FlowStatsEntry,
  FlowStatsRequestBody,
  MultipartReplyBody,
  MultipartRequestBody,
  TableFeatures,
  TableStatsEntry,
} from './types.js';

// ---- multipart -----------------------------------------------------------------------------------

export function readFlowStatsRequest(r: ByteReader, v: OfVersion): FlowStatsRequestBody {
  if (v === 1) {
    const match = readMatch10(r);
    expectBody(r, 4, 'flow stats request');
    const tableId = r.u8();
    r.skip(1);
    const outPort = r.u16();
    return { tableId, outPort, outGroup: 0xffffffff, cookie: 0n, cookieMask: 0n, match };
  }
  expectBody(r, 32, 'flow stats request');
  const tableId = r.u8();
  r.skip(3);
  const outPort = r.u32();
  const outGroup = r.u32();
  r.skip(4);
  const cookie = r.u64();
  const cookieMask = r.u64();
  const match = v === 2 ? readMatch11(r) : readMatch(r, v);
  return { tableId, outPort, outGroup, cookie, cookieMask, match };
}

export function readTableFeaturesList(r: ByteReader, v: OfVersion): TableFeatures[] {
  const out: TableFeatures[] = [];
  while (r.remaining) {
    const tr = subByLength(r, r.peekU16(0), 64, 'table features');
    tr.skip(2);
    const tableId = tr.u8();
    const command = tr.u8();
    const features = tr.u32();
    const name = readFixedString(tr, 32);
    const metadataMatch = tr.u64();
    const metadataWrite = tr.u64();
    const capabilities = tr.u32();
    const maxEntries = tr.u32();
    const properties = readRawProps(tr);
    const t: TableFeatures = { tableId, name, metadataMatch, metadataWrite, capabilities, maxEntries, properties };
    out.push(v >= 6 ? { ...t, command, features } : t);
  }
  return out;
}

export function readFlowStatsEntries(r: ByteReader, v: OfVersion): MultipartReplyBody {
  const flows: FlowStatsEntry[] = [];
  while (r.remaining) {
    const fr = subByLength(r, r.peekU16(0), v === 1 ? 88 : 48, 'flow stats entry');
    fr.skip(2);
    if (v === 1) {
      const tableId = fr.u8();
      fr.skip(1);
      const match = readMatch10(fr);
      const durationSec = fr.u32();
      const durationNsec = fr.u32();
      const priority = fr.u16();
      const idleTimeout = fr.u16();
      const hardTimeout = fr.u16();
      fr.skip(6);
      const cookie = fr.u64();
      const packetCount = fr.u64();
      const byteCount = fr.u64();
      const prog = readProgramLenient(fr, fr.remaining, v);
      flows.push({
        tableId,
        priority,
        idleTimeout,
        hardTimeout,
        flags: 0,
        importance: 0,
        cookie,
        match,
        stats: { durationSec, durationNsec, packetCount, byteCount },
        instructions: prog.instructions,
        ...(prog.error ? { actionsError: prog.error, rawInstructions: prog.raw } : {}),
      });
    } else if (v >= 6) {
      fr.skip(2);
      const tableId = fr.u8();
      fr.skip(1);
      const priority = fr.u16();
      const idleTimeout = fr.u16();
      const hardTimeout = fr.u16();
      const flags = fr.u16();
      const importance = fr.u16();
      const cookie = fr.u64();
      const match = readMatch(fr, v);
      const stats = readOxsStats(fr);
      const prog = readProgramLenient(fr, fr.remaining, v);
      const instructions = prog.instructions;
      flows.push({
        tableId,
        priority,
        idleTimeout,
        hardTimeout,
        flags,
        importance,
        cookie,
        match,
        stats,
        instructions,
        ...(prog.error ? { actionsError: prog.error, rawInstructions: prog.raw } : {}),
      });
    } else {
      const tableId = fr.u8();
      fr.skip(1);
      const durationSec = fr.u32();
      const durationNsec = fr.u32();
      const priority = fr.u16();
      const idleTimeout = fr.u16();
      const hardTimeout = fr.u16();
      const flags = fr.u16();
      const importance = fr.u16();
      fr.skip(2);
      const cookie = fr.u64();
      const packetCount = fr.u64();
      const byteCount = fr.u64();
      const match = v === 2 ? readMatch11(fr) : readMatch(fr, v);
      const prog = readProgramLenient(fr, fr.remaining, v);
      const instructions = prog.instructions;
      flows.push({
        tableId,
        priority,
        idleTimeout,
        hardTimeout,
        flags,
        importance: v >= 5 ? importance : 0,
        cookie,
        match,
        stats: { durationSec, durationNsec, packetCount, byteCount },
        instructions,
        ...(prog.error ? { actionsError: prog.error, rawInstructions: prog.raw } : {}),
      });
    }
  }
  return { kind: 'flow', flows };
}

// ---- multipart ----------------------------------------------------------------------------------

export function mpTypeOf(kind: Exclude<MultipartRequestBody['kind'], 'unknown'>, _v: number): number {
  switch (kind) {
    case 'desc':
      return OFPMP.DESC;
    case 'flow':
      return OFPMP.FLOW_DESC;
    case 'flowStats':
      return OFPMP.FLOW_STATS;
    case 'aggregate':
      return OFPMP.AGGREGATE_STATS;
    case 'table':
      return OFPMP.TABLE_STATS;
    case 'portStats':
      return OFPMP.PORT_STATS;
    case 'queue':
      return OFPMP.QUEUE_STATS;
    case 'group':
      return OFPMP.GROUP_STATS;
    case 'groupDesc':
      return OFPMP.GROUP_DESC;
    case 'groupFeatures':
      return OFPMP.GROUP_FEATURES;
    case 'meter':
      return OFPMP.METER_STATS;
    case 'meterConfig':
      return OFPMP.METER_DESC;
    case 'meterFeatures':
      return OFPMP.METER_FEATURES;
    case 'tableFeatures':
      return OFPMP.TABLE_FEATURES;
    case 'portDesc':
      return OFPMP.PORT_DESC;
    case 'experimenter':
      return OFPMP.EXPERIMENTER;
    default:
      throw new OfMessageError('OF_MSG_UNSUPPORTED', `multipart ${kind} is written by ext.ts`);
  }
}

export function writeFlowStatsRequest(w: ByteWriter, b: FlowStatsRequestBody, v: OfVersion): void {
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
export const MP_KINDS_11: readonly string[] = [
  'desc',
  'flow',
  'aggregate',
  'table',
  'portStats',
  'queue',
  'group',
  'groupDesc',
  'experimenter',
  'unknown',
];

export function writeMpRequestBody(w: ByteWriter, b: MultipartRequestBody, v: OfVersion): void {
  const of10 = ['desc', 'unknown', 'experimenter', 'flow', 'aggregate', 'table', 'portStats', 'queue', 'portDesc'];
  if (v === 1 && !of10.includes(b.kind)) need(v, 4, `${b.kind} request`);
  if ((v === 2 || v === 3) && !MP_KINDS_11.includes(b.kind) && !(v === 3 && b.kind === 'groupFeatures'))
    need(v, 4, `${b.kind} request`);
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

export function writeTableFeatures(w: ByteWriter, tables: readonly TableFeatures[], v: OfVersion): void {
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

export function writeMpReplyBody(w: ByteWriter, b: MultipartReplyBody, v: OfVersion): void {
  const of10 = ['desc', 'unknown', 'experimenter', 'flow', 'aggregate', 'table', 'portStats', 'queue', 'portDesc'];
  const of11 =
    (v === 2 || v === 3) &&
    (MP_KINDS_11.includes(b.kind) || (v === 3 && b.kind === 'groupFeatures')) &&
    (b.kind !== 'table' || v === 3);
  if (v < 4 && !(v === 1 && of10.includes(b.kind)) && !of11 && b.kind !== 'unknown' && b.kind !== 'desc')
    need(v, 4, `${b.kind} reply`);
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
          w.u32(f.stats.durationSec ?? 0)
            .u32(f.stats.durationNsec ?? 0)
            .u16(f.priority)
            .u16(f.idleTimeout)
            .u16(f.hardTimeout)
            .zeros(6);
          w.u64(f.cookie)
            .u64(f.stats.packetCount ?? 0n)
            .u64(f.stats.byteCount ?? 0n);
          // a flow read leniently with undecodable actions goes back out as it came
          if (f.rawInstructions) w.bytes(f.rawInstructions);
          else writeActions(w, of10Actions(f.instructions), v);
          w.patchU16(start, w.offset - start);
          continue;
        }
        if (v >= 6) {
          w.u16(0).zeros(2).u8(f.tableId).u8(0).u16(f.priority).u16(f.idleTimeout).u16(f.hardTimeout);
          w.u16(f.flags).u16(f.importance).u64(f.cookie);
          writeMatch(w, f.match, v);
          writeOxsStats(w, f.stats);
        } else {
          w.u16(0)
            .u8(f.tableId)
            .u8(0)
            .u32(f.stats.durationSec ?? 0)
            .u32(f.stats.durationNsec ?? 0);
          w.u16(f.priority)
            .u16(f.idleTimeout)
            .u16(f.hardTimeout)
            .u16(f.flags)
            .u16(v >= 5 ? f.importance : 0)
            .zeros(2);
          w.u64(f.cookie)
            .u64(f.stats.packetCount ?? 0n)
            .u64(f.stats.byteCount ?? 0n);
          if (v === 2) writeMatch11(w, f.match);
          else writeMatch(w, f.match, v);
        }
        if (f.rawInstructions) w.bytes(f.rawInstructions);
        else writeInstructions(w, f.instructions, v);
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
      else
        w.u64(b.packetCount ?? 0n)
          .u64(b.byteCount ?? 0n)
          .u32(b.flowCount ?? 0)
          .zeros(4);
      return;
    case 'table':
      if (v === 3) {
        writeTableStats12(w, b.tables);
        return;
      }
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
      writeGroupStats(w, b.groups, v);
      return;
    case 'groupDesc':
      writeGroupDescs(w, b.groups, v);
      return;
    case 'groupFeatures':
      writeGroupFeatures(w, b);
      return;
    case 'meter':
      for (const m of b.meters) {
        w.u32(m.meterId)
          .u16(40 + 16 * m.bandStats.length)
          .zeros(6)
          .u32(m.flowCount)
          .u64(m.packetInCount)
          .u64(m.byteInCount);
        w.u32(m.durationSec).u32(m.durationNsec);
        for (const s of m.bandStats) w.u64(s.packetBandCount).u64(s.byteBandCount);
      }
      return;
    case 'meterConfig':
      for (const m of b.meters) {
        w.u16(8 + 16 * m.bands.length)
          .u16(m.flags)
          .u32(m.meterId);
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

/**
 * OpenFlow 1.2 ofp12_table_stats entries (OpenFlow 1.2 §A.3.5.4), 128 bytes each:
 *
 *   table_id(8) pad(56) name(32 bytes) match(64) wildcards(64) write_actions(32) apply_actions(32)
 *   write_setfields(64) apply_setfields(64) metadata_match(64) metadata_write(64) instructions(32)
 *   config(32) max_entries(32) active_count(32) lookup_count(64) matched_count(64)
 */
function readTableStats12(r: ByteReader): TableStatsEntry[] {
  const tables: TableStatsEntry[] = [];
  while (r.remaining) {
    expectBody(r, 128, 'OpenFlow 1.2 table stats entry');
    const tableId = r.u8();
    r.skip(7);
    const name = readFixedString(r, 32);
    const match = r.u64();
    const wildcards = r.u64();
    const writeActions = r.u32();
    const applyActions = r.u32();
    const writeSetfields = r.u64();
    const applySetfields = r.u64();
    const metadataMatch = r.u64();
    const metadataWrite = r.u64();
    const instructions = r.u32();
    const config = r.u32();
    const maxEntries = r.u32();
    const of12 = {
      match,
      wildcards,
      writeActions,
      applyActions,
      writeSetfields,
      applySetfields,
      metadataMatch,
      metadataWrite,
      instructions,
      config,
    };
    tables.push({ tableId, name, maxEntries, of12, activeCount: r.u32(), lookupCount: r.u64(), matchedCount: r.u64() });
  }
  return tables;
}

function writeTableStats12(w: ByteWriter, tables: readonly TableStatsEntry[]): void {
  for (const t of tables) {
    const x = t.of12;
    if (!x) throw new OfMessageError('OF_MSG_BAD_VALUE', `OpenFlow 1.2 table stats entry ${t.tableId} needs of12`);
    w.u8(t.tableId).zeros(7);
    writeFixedString(w, t.name ?? '', 32);
    w.u64(x.match).u64(x.wildcards).u32(x.writeActions).u32(x.applyActions);
    w.u64(x.writeSetfields).u64(x.applySetfields).u64(x.metadataMatch).u64(x.metadataWrite);
    w.u32(x.instructions)
      .u32(x.config)
      .u32(t.maxEntries ?? 0);
    w.u32(t.activeCount).u64(t.lookupCount).u64(t.matchedCount);
  }
}

/** Whether OpenFlow version `v` defines multipart type `mpType` (OF1.1 / 1.2 stop at group features). */
function mpDefined(v: OfVersion, mpType: number): boolean {
  if (v === 1 || v >= 4 || mpType === OFPMP.EXPERIMENTER) return true;
  return mpType <= (v === 2 ? OFPMP.GROUP_DESC : OFPMP.GROUP_FEATURES);
}

/** Reads a standard multipart request body of type `mpType`; `r` is just past the multipart header. */
export function readMpRequestBody(r: ByteReader, v: OfVersion, mpType: number): MultipartRequestBody {
  if (!mpDefined(v, mpType)) return { kind: 'unknown', mpType, data: r.bytes(r.remaining) };
  switch (mpType) {
    case OFPMP.DESC:
      return { kind: 'desc' };
    case OFPMP.FLOW_DESC:
      return { kind: 'flow', ...readFlowStatsRequest(r, v) };
    case OFPMP.AGGREGATE_STATS: {
      const sel = readFlowStatsRequest(r, v);
      if (v >= 6 && r.remaining) return { kind: 'aggregate', ...sel, statsRequest: readOxsStats(r) };
      return { kind: 'aggregate', ...sel };
    }
    case OFPMP.FLOW_STATS:
      if (v < 6) break;
      return { kind: 'flowStats', ...readFlowStatsRequest(r, v) };
    case OFPMP.TABLE_STATS:
      return { kind: 'table' };
    case OFPMP.PORT_STATS: {
      if (v === 1) {
        expectBody(r, 8, 'port stats request');
        const p = r.u16();
        r.skip(6);
        return { kind: 'portStats', portNo: p };
      }
      expectBody(r, 8, 'port stats request');
      const portNo = r.u32();
      r.skip(4);
      return { kind: 'portStats', portNo };
    }
    case OFPMP.QUEUE_STATS: {
      if (v === 1) {
        expectBody(r, 8, 'queue stats request');
        const p = r.u16();
        r.skip(2);
        return { kind: 'queue', portNo: p, queueId: r.u32() };
      }
      expectBody(r, 8, 'queue stats request');
      return { kind: 'queue', portNo: r.u32(), queueId: r.u32() };
    }
    case OFPMP.GROUP_STATS: {
      expectBody(r, 8, 'group stats request');
      const groupId = r.u32();
      r.skip(4);
      return { kind: 'group', groupId };
    }
    case OFPMP.GROUP_DESC: {
      if (v >= 6) {
        expectBody(r, 8, 'group desc request');
        const groupId = r.u32();
        r.skip(4);
        return { kind: 'groupDesc', groupId };
      }
      return { kind: 'groupDesc' };
    }
    case OFPMP.GROUP_FEATURES:
      return { kind: 'groupFeatures' };
    case OFPMP.METER_STATS:
    case OFPMP.METER_DESC: {
      expectBody(r, 8, 'meter request');
      const meterId = r.u32();
      r.skip(4);
      return { kind: mpType === OFPMP.METER_STATS ? 'meter' : 'meterConfig', meterId };
    }
    case OFPMP.METER_FEATURES:
      return { kind: 'meterFeatures' };
    case OFPMP.TABLE_FEATURES:
      return { kind: 'tableFeatures', tables: readTableFeaturesList(r, v) };
    case OFPMP.PORT_DESC: {
      if (v >= 6) {
        expectBody(r, 8, 'port desc request');
        const portNo = r.u32();
        r.skip(4);
        return { kind: 'portDesc', portNo };
      }
      return { kind: 'portDesc' };
    }
    case OFPMP.EXPERIMENTER: {
      expectBody(r, 8, 'experimenter multipart');
      const experimenter = r.u32();
      const expType = r.u32();
      return { kind: 'experimenter', experimenter, expType, data: r.bytes(r.remaining) };
    }
  }
  return { kind: 'unknown', mpType, data: r.bytes(r.remaining) };
}

/** Reads a standard multipart reply body of type `mpType`; `r` is just past the multipart header. */
export function readMpReplyBody(r: ByteReader, v: OfVersion, mpType: number): MultipartReplyBody {
  if (!mpDefined(v, mpType)) return { kind: 'unknown', mpType, data: r.bytes(r.remaining) };
  switch (mpType) {
    case OFPMP.DESC:
      expectBody(r, 1056, 'desc reply');
      return {
        kind: 'desc',
        mfrDesc: readFixedString(r, 256),
        hwDesc: readFixedString(r, 256),
        swDesc: readFixedString(r, 256),
        serialNum: readFixedString(r, 32),
        dpDesc: readFixedString(r, 256),
      };
    case OFPMP.FLOW_DESC:
      return readFlowStatsEntries(r, v);
    case OFPMP.FLOW_STATS: {
      if (v < 6) break;
      const flows = [];
      while (r.remaining) {
        const fr = subByLength(r, r.peekU16(0), 16, 'flow stats entry');
        fr.skip(4);
        const tableId = fr.u8();
        const reason = fr.u8();
        const priority = fr.u16();
        const match = readMatch(fr, v);
        const stats = readOxsStats(fr);
        if (fr.remaining)
          throw new OfMessageError('OF_MSG_BAD_LENGTH', `${fr.remaining} stray bytes in flow stats entry`, fr.offset);
        flows.push({ tableId, reason, priority, match, stats });
      }
      return { kind: 'flowStats', flows };
    }
    case OFPMP.AGGREGATE_STATS: {
      if (v >= 6) return { kind: 'aggregate', ...readOxsStats(r) };
      expectBody(r, 24, 'aggregate reply');
      const packetCount = r.u64();
      const byteCount = r.u64();
      const flowCount = r.u32();
      r.skip(4);
      return { kind: 'aggregate', packetCount, byteCount, flowCount };
    }
    case OFPMP.TABLE_STATS: {
      if (v === 1) {
        // OpenFlow 1.0.0 §5.3.5 ofp_table_stats (64 bytes).
        const tables = [];
        while (r.remaining) {
          expectBody(r, 64, 'table stats entry');
          const tableId = r.u8();
          r.skip(3);
          const name = readFixedString(r, 32);
          const wildcards = r.u32();
          const maxEntries = r.u32();
          tables.push({
            tableId,
            name,
            wildcards,
            maxEntries,
            activeCount: r.u32(),
            lookupCount: r.u64(),
            matchedCount: r.u64(),
          });
        }
        return { kind: 'table', tables };
      }
      if (v === 3) return { kind: 'table', tables: readTableStats12(r) };
      // OF1.1 table stats (ofp11_table_stats, 32-bit field bitmaps): kept as raw bytes.
      if (v < 4) return { kind: 'unknown', mpType, data: r.bytes(r.remaining) };
      const tables = [];
      while (r.remaining) {
        expectBody(r, 24, 'table stats entry');
        const tableId = r.u8();
        r.skip(3);
        tables.push({ tableId, activeCount: r.u32(), lookupCount: r.u64(), matchedCount: r.u64() });
      }
      return { kind: 'table', tables };
    }
    case OFPMP.PORT_STATS:
      return { kind: 'portStats', ports: readPortStats(r, v) };
    case OFPMP.QUEUE_STATS:
      return { kind: 'queue', queues: readQueueStats(r, v) };
    case OFPMP.GROUP_STATS:
      return { kind: 'group', groups: readGroupStats(r, v) };
    case OFPMP.GROUP_DESC:
      return { kind: 'groupDesc', groups: readGroupDescs(r, v) };
    case OFPMP.GROUP_FEATURES:
      return readGroupFeatures(r);
    case OFPMP.METER_STATS: {
      const meters = [];
      while (r.remaining) {
        expectBody(r, 40, 'meter stats entry');
        const meterId = r.u32();
        const mr = subByLength(r, r.peekU16(0) - 4, 36, 'meter stats entry');
        mr.skip(8);
        const flowCount = mr.u32();
        const packetInCount = mr.u64();
        const byteInCount = mr.u64();
        const durationSec = mr.u32();
        const durationNsec = mr.u32();
        const bandStats = [];
        if (mr.remaining % 16)
          throw new OfMessageError('OF_MSG_BAD_LENGTH', 'band counters not a multiple of 16 bytes', mr.offset);
        while (mr.remaining) bandStats.push({ packetBandCount: mr.u64(), byteBandCount: mr.u64() });
        meters.push({ meterId, flowCount, packetInCount, byteInCount, durationSec, durationNsec, bandStats });
      }
      return { kind: 'meter', meters };
    }
    case OFPMP.METER_DESC: {
      const meters = [];
      while (r.remaining) {
        const mr = subByLength(r, r.peekU16(0), 8, 'meter config entry');
        mr.skip(2);
        const flags = mr.u16();
        const meterId = mr.u32();
        meters.push({ flags, meterId, bands: readBands(mr) });
      }
      return { kind: 'meterConfig', meters };
    }
    case OFPMP.METER_FEATURES: {
      expectBody(r, 16, 'meter features');
      const maxMeter = r.u32();
      const bandTypes = r.u32();
      const capabilities = r.u32();
      const maxBands = r.u8();
      const maxColor = r.u8();
      r.skip(2);
      // OF1.5 adds `features` (24 bytes); OVS 3.1 still sends the 16-byte OF1.3 layout in OF1.5.
      if (v >= 6 && r.remaining >= 8) {
        const features = r.u32();
        r.skip(4);
        return { kind: 'meterFeatures', maxMeter, bandTypes, capabilities, maxBands, maxColor, features };
      }
      return { kind: 'meterFeatures', maxMeter, bandTypes, capabilities, maxBands, maxColor };
    }
    case OFPMP.TABLE_FEATURES:
      return { kind: 'tableFeatures', tables: readTableFeaturesList(r, v) };
    case OFPMP.PORT_DESC: {
      const ports = [];
      while (r.remaining) ports.push(readPort(r, v));
      return { kind: 'portDesc', ports };
    }
    case OFPMP.EXPERIMENTER: {
      expectBody(r, 8, 'experimenter multipart');
      const experimenter = r.u32();
      const expType = r.u32();
      return { kind: 'experimenter', experimenter, expType, data: r.bytes(r.remaining) };
    }
  }
  return { kind: 'unknown', mpType, data: r.bytes(r.remaining) };
}
