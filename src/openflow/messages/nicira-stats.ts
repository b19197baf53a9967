/**
 * Nicira statistics bodies (OVS nicira-ext.h), after the vendor stats header:
 *
 *   NXST_FLOW / NXST_AGGREGATE request (nx_flow_stats_request / nx_aggregate_stats_request):
 *     out_port(16) match_len(16) table_id(8) pad(24), NXM match padded to 8
 *   NXST_FLOW reply entry (nx_flow_stats): length(16) table_id(8) pad(8) duration_sec(32)
 *     duration_nsec(32) priority(16) idle(16) hard(16) match_len(16) idle_age(16) hard_age(16)
 *     cookie(64) packets(64) bytes(64), NXM match padded to 8, actions
 *   NXST_AGGREGATE reply: packets(64) bytes(64) flows(32) pad(32)
 *   NXST_IPFIX_BRIDGE / NXST_IPFIX_FLOW reply (nx_ipfix_stats_reply): ten 64-bit counters,
 *     collector_set_id(32) pad(32)
 */
import type { ByteReader, ByteWriter } from '../../wire/index.js';
import { oxmFieldsLength } from '../match/codec.js';
import { readActions, writeActions } from '../actions/list.js';
import type { OfVersion } from '../version.js';
import { expectBody, readNxm, subByLength, writeNxm } from './props.js';
import type { IpfixStats, NxFlowStatsEntry, NxFlowStatsRequest } from './ext-types.js';
import { onlyActions } from './nicira-msgs.js';

export function readNxFlowStatsRequest(r: ByteReader): NxFlowStatsRequest {
  expectBody(r, 8, 'NXST_FLOW request');
  const outPort = r.u16();
  const matchLen = r.u16();
  const tableId = r.u8();
  r.skip(3);
  const match = readNxm(r, matchLen);
  return { outPort, tableId, match };
}

export function writeNxFlowStatsRequest(w: ByteWriter, b: NxFlowStatsRequest, v: OfVersion): void {
  const len = oxmFieldsLength(b.match, v);
  w.u16(b.outPort).u16(len).u8(b.tableId).zeros(3);
  writeNxm(w, b.match, v, len);
}

export function readNxFlowStats(r: ByteReader, v: OfVersion): NxFlowStatsEntry[] {
  const out: NxFlowStatsEntry[] = [];
  while (r.remaining) {
    const fr = subByLength(r, r.peekU16(0), 48, 'NXST_FLOW entry');
    fr.skip(2);
    const tableId = fr.u8();
    fr.skip(1);
    const durationSec = fr.u32();
    const durationNsec = fr.u32();
    const priority = fr.u16();
    const idleTimeout = fr.u16();
    const hardTimeout = fr.u16();
    const matchLen = fr.u16();
    const idleAge = fr.u16();
    const hardAge = fr.u16();
    const cookie = fr.u64();
    const packetCount = fr.u64();
    const byteCount = fr.u64();
    const match = readNxm(fr, matchLen);
    const actions = readActions(fr, fr.remaining, v);
    out.push({
      tableId,
      priority,
      idleTimeout,
      hardTimeout,
      flags: 0,
      importance: 0,
      cookie,
      match,
      stats: { durationSec, durationNsec, packetCount, byteCount },
      instructions: [{ type: 'applyActions', actions }],
      idleAge,
      hardAge,
    });
  }
  return out;
}

export function writeNxFlowStats(w: ByteWriter, flows: readonly NxFlowStatsEntry[], v: OfVersion): void {
  for (const f of flows) {
    const start = w.offset;
    const len = oxmFieldsLength(f.match, v);
    w.u16(0)
      .u8(f.tableId)
      .u8(0)
      .u32(f.stats.durationSec ?? 0)
      .u32(f.stats.durationNsec ?? 0);
    w.u16(f.priority).u16(f.idleTimeout).u16(f.hardTimeout).u16(len).u16(f.idleAge).u16(f.hardAge);
    w.u64(f.cookie)
      .u64(f.stats.packetCount ?? 0n)
      .u64(f.stats.byteCount ?? 0n);
    writeNxm(w, f.match, v, len);
    writeActions(w, onlyActions(f, 'NXST_FLOW entry'), v);
    w.patchU16(start, w.offset - start);
  }
}

export function readNxAggregate(r: ByteReader): { packetCount: bigint; byteCount: bigint; flowCount: number } {
  expectBody(r, 24, 'NXST_AGGREGATE reply');
  const packetCount = r.u64();
  const byteCount = r.u64();
  const flowCount = r.u32();
  r.skip(4);
  return { packetCount, byteCount, flowCount };
}

export function readIpfix(r: ByteReader): IpfixStats {
  expectBody(r, 88, 'IPFIX stats');
  const c = Array.from({ length: 10 }, () => r.u64());
  const collectorSetId = r.u32();
  r.skip(4);
  return {
    collectorSetId,
    totalFlows: c[0]!,
    currentFlows: c[1]!,
    packets: c[2]!,
    ipv4Packets: c[3]!,
    ipv6Packets: c[4]!,
    errorPackets: c[5]!,
    ipv4ErrorPackets: c[6]!,
    ipv6ErrorPackets: c[7]!,
    txPackets: c[8]!,
    txErrors: c[9]!,
  };
}

export function writeIpfix(w: ByteWriter, s: IpfixStats): void {
  for (const x of [
    s.totalFlows,
    s.currentFlows,
    s.packets,
    s.ipv4Packets,
    s.ipv6Packets,
    s.errorPackets,
    s.ipv4ErrorPackets,
    s.ipv6ErrorPackets,
    s.txPackets,
    s.txErrors,
  ])
    w.u64(x);
  w.u32(s.collectorSetId).zeros(4);
}
