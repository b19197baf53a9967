/**
 * Packet family bodies (rank 1): packet_in (OF1.0–1.5), packet_out, and Nicira packet_in2
 * properties with TLV maps, read and written side by side. OpenFlow 1.5.1 §7.4.1, §7.3.6.
 */
import { ByteReader, type ByteWriter } from '../../wire/index.js';
import { readActions } from '../actions/list.js';
import { readMatch, readOxmFields, writeOxmFields } from '../match/codec.js';
import type { OfVersion } from '../version.js';
import { NXPINT } from './constants.js';
import { OfMessageError } from './errors.js';
import type { H } from './header.js';
import { expectBody, pad8, readRawProps, writeRawProps } from './props.js';
import type { NxPacketIn2Fields, OfMessage, RawProperty, TlvMap } from './types.js';

export function readTlvMaps(r: ByteReader): TlvMap[] {
  const out: TlvMap[] = [];
  if (r.remaining % 8)
    throw new OfMessageError(
      'OF_MSG_BAD_LENGTH',
      `TLV map list of ${r.remaining} bytes is not a multiple of 8`,
      r.offset,
    );
  while (r.remaining) {
    const optClass = r.u16();
    const optType = r.u8();
    const optLen = r.u8();
    const index = r.u16();
    r.skip(2);
    out.push({ optClass, optType, optLen, index });
  }
  return out;
}

export function readPacketIn2Props(r: ByteReader): NxPacketIn2Fields {
  const f: {
    -readonly [K in keyof NxPacketIn2Fields]: NxPacketIn2Fields[K];
  } = {};
  const other: RawProperty[] = [];
  for (const p of readRawProps(r)) {
    const pr = new ByteReader(p.data);
    const want = (n: number): void => {
      if (p.data.length !== n) {
        throw new OfMessageError(
          'OF_MSG_BAD_LENGTH',
          `packet-in2 property ${p.propType} has ${p.data.length} bytes, want ${n}`,
          r.offset,
        );
      }
    };
    switch (p.propType) {
      case NXPINT.PACKET:
        f.packet = p.data;
        break;
      case NXPINT.FULL_LEN:
        want(4);
        f.fullLen = pr.u32();
        break;
      case NXPINT.BUFFER_ID:
        want(4);
        f.bufferId = pr.u32();
        break;
      case NXPINT.TABLE_ID:
        want(1);
        f.tableId = pr.u8();
        break;
      case NXPINT.COOKIE:
        want(12);
        pr.skip(4);
        f.cookie = pr.u64();
        break;
      case NXPINT.REASON:
        want(1);
        f.reason = pr.u8();
        break;
      case NXPINT.METADATA:
        f.metadata = readOxmFields(pr, p.data.length);
        break;
      case NXPINT.USERDATA:
        f.userdata = p.data;
        break;
      case NXPINT.CONTINUATION:
        f.continuation = p.data;
        break;
      default:
        other.push(p);
    }
  }
  if (other.length) f.otherProperties = other;
  return f;
}

export function decodePacketIn(r: ByteReader, h: H): OfMessage {
  if (h.version === 1) {
    expectBody(r, 10, 'packet_in');
    const bufferId = r.u32();
    const totalLen = r.u16();
    const inPort = r.u16();
    const reason = r.u8();
    r.skip(1);
    return {
      type: 'packetIn',
      ...h,
      bufferId,
      totalLen,
      reason,
      tableId: 0,
      cookie: 0n,
      match: [],
      inPort,
      data: r.bytes(r.remaining),
    };
  }
  if (h.version === 2) {
    // OpenFlow 1.1 §A.4.1 ofp_packet_in: buffer_id, in_port, in_phy_port, total_len, reason, table_id.
    expectBody(r, 16, 'packet_in');
    const bufferId = r.u32();
    const inPort = r.u32();
    const inPhyPort = r.u32();
    const totalLen = r.u16();
    const reason = r.u8();
    const tableId = r.u8();
    const pin = {
      type: 'packetIn' as const,
      ...h,
      bufferId,
      totalLen,
      reason,
      tableId,
      cookie: 0n,
      match: [],
      inPort,
      data: r.bytes(r.remaining),
    };
    return inPhyPort === inPort ? pin : { ...pin, inPhyPort };
  }
  if (h.version === 3) {
    // OpenFlow 1.2 §A.4.1: as OF1.3 without the cookie.
    expectBody(r, 8, 'packet_in');
    const bufferId = r.u32();
    const totalLen = r.u16();
    const reason = r.u8();
    const tableId = r.u8();
    const match = readMatch(r, h.version);
    r.skip(2);
    return {
      type: 'packetIn',
      ...h,
      bufferId,
      totalLen,
      reason,
      tableId,
      cookie: 0n,
      match,
      data: r.bytes(r.remaining),
    };
  }
  expectBody(r, 16, 'packet_in');
  const bufferId = r.u32();
  const totalLen = r.u16();
  const reason = r.u8();
  const tableId = r.u8();
  const cookie = r.u64();
  const match = readMatch(r, h.version);
  r.skip(2);
  return { type: 'packetIn', ...h, bufferId, totalLen, reason, tableId, cookie, match, data: r.bytes(r.remaining) };
}

export function decodePacketOut(r: ByteReader, h: H): OfMessage {
  if (h.version >= 6) {
    expectBody(r, 8, 'packet_out');
    const bufferId = r.u32();
    const actionsLen = r.u16();
    r.skip(2);
    // OVS reads this match loosely (oxm_pull_match_loose): TLVs naming no field are skipped
    const match = readMatch(r, h.version, { loose: true });
    expectBody(r, actionsLen, 'packet_out actions');
    const actions = readActions(r, actionsLen, h.version);
    let inPort = 0;
    for (const f of match) {
      if (f.field === 'in_port_oxm' && f.value.length === 4) inPort = new ByteReader(f.value).u32();
    }
    return { type: 'packetOut', ...h, bufferId, inPort, match, actions, data: r.bytes(r.remaining) };
  }
  expectBody(r, 16, 'packet_out');
  const bufferId = r.u32();
  const inPort = r.u32();
  const actionsLen = r.u16();
  r.skip(6);
  expectBody(r, actionsLen, 'packet_out actions');
  const actions = readActions(r, actionsLen, h.version);
  return { type: 'packetOut', ...h, bufferId, inPort, actions, data: r.bytes(r.remaining) };
}

export function writeTlvMaps(w: ByteWriter, maps: readonly TlvMap[]): void {
  for (const m of maps) w.u16(m.optClass).u8(m.optType).u8(m.optLen).u16(m.index).zeros(2);
}

export function writePacketIn2Props(w: ByteWriter, f: NxPacketIn2Fields, v: OfVersion): void {
  const bytesProp = (t: number, d: Uint8Array): void => {
    const len = 4 + d.length;
    w.u16(t)
      .u16(len)
      .bytes(d)
      .zeros(pad8(len) - len);
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
