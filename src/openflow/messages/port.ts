/**
 * Port family bodies (rank 1): ofp_port (OF1.0, OF1.1–1.3, OF1.4+ with properties), port stats and
 * queue stats, read and written side by side. OpenFlow 1.5.1 §7.2.1, §7.3.5.7, §7.3.5.8.
 */
import { ByteReader, type ByteWriter } from '../../wire/index.js';
import type { OfVersion } from '../version.js';
import { mac } from './header.js';
import { expectBody, readFixedString, readRawProps, subByLength, writeFixedString, writeRawProps } from './props.js';
import type { Port, PortStatsEntry, QueueStatsEntry, RawProperty } from './types.js';

/** ofp_port (OF1.1–1.3: 64 bytes; OF1.4+: with length and properties) / OF1.0 ofp_phy_port (48). */
export function readPort(r: ByteReader, v: OfVersion): Port {
  if (v === 1) {
    expectBody(r, 48, 'ofp_phy_port');
    const portNo = r.u16();
    const hwAddr = r.bytes(6);
    const name = readFixedString(r, 16);
    const [config, state, curr, advertised, supported, peer] = [r.u32(), r.u32(), r.u32(), r.u32(), r.u32(), r.u32()];
    return { portNo, hwAddr, name, config, state, curr, advertised, supported, peer, currSpeed: 0, maxSpeed: 0 };
  }
  if (v <= 4) {
    expectBody(r, 64, 'ofp_port');
    const portNo = r.u32();
    r.skip(4);
    const hwAddr = r.bytes(6);
    r.skip(2);
    const name = readFixedString(r, 16);
    const [config, state, curr, advertised, supported, peer, currSpeed, maxSpeed] = [
      r.u32(),
      r.u32(),
      r.u32(),
      r.u32(),
      r.u32(),
      r.u32(),
      r.u32(),
      r.u32(),
    ];
    return { portNo, hwAddr, name, config, state, curr, advertised, supported, peer, currSpeed, maxSpeed };
  }
  expectBody(r, 40, 'ofp_port');
  const portNo = r.u32();
  const len = r.u16();
  const pr = subByLength(r, len - 6, 34, 'ofp_port');
  pr.skip(2);
  const hwAddr = pr.bytes(6);
  pr.skip(2);
  const name = readFixedString(pr, 16);
  const config = pr.u32();
  const state = pr.u32();
  let curr = 0,
    advertised = 0,
    supported = 0,
    peer = 0,
    currSpeed = 0,
    maxSpeed = 0;
  const other: RawProperty[] = [];
  for (const p of readRawProps(pr)) {
    if (p.propType === 0 && p.data.length === 28) {
      const er = new ByteReader(p.data);
      er.skip(4);
      [curr, advertised, supported, peer, currSpeed, maxSpeed] = [
        er.u32(),
        er.u32(),
        er.u32(),
        er.u32(),
        er.u32(),
        er.u32(),
      ];
    } else other.push(p);
  }
  const port: Port = { portNo, hwAddr, name, config, state, curr, advertised, supported, peer, currSpeed, maxSpeed };
  return other.length ? { ...port, otherProperties: other } : port;
}

export function readPortStats(r: ByteReader, v: OfVersion): PortStatsEntry[] {
  const out: PortStatsEntry[] = [];
  while (r.remaining) {
    if (v >= 5) {
      const pr = subByLength(r, r.peekU16(0), 80, 'port stats entry');
      pr.skip(4);
      const portNo = pr.u32();
      const durationSec = pr.u32();
      const durationNsec = pr.u32();
      const c = [pr.u64(), pr.u64(), pr.u64(), pr.u64(), pr.u64(), pr.u64(), pr.u64(), pr.u64()] as const;
      let rxFrameErr = 0n,
        rxOverErr = 0n,
        rxCrcErr = 0n,
        collisions = 0n;
      const other: RawProperty[] = [];
      for (const p of readRawProps(pr)) {
        if (p.propType === 0 && p.data.length === 36) {
          const er = new ByteReader(p.data);
          er.skip(4);
          [rxFrameErr, rxOverErr, rxCrcErr, collisions] = [er.u64(), er.u64(), er.u64(), er.u64()];
        } else other.push(p);
      }
      const e: PortStatsEntry = {
        portNo,
        rxPackets: c[0],
        txPackets: c[1],
        rxBytes: c[2],
        txBytes: c[3],
        rxDropped: c[4],
        txDropped: c[5],
        rxErrors: c[6],
        txErrors: c[7],
        rxFrameErr,
        rxOverErr,
        rxCrcErr,
        collisions,
        durationSec,
        durationNsec,
      };
      out.push(other.length ? { ...e, otherProperties: other } : e);
      continue;
    }
    let portNo: number;
    if (v === 1) {
      expectBody(r, 104, 'port stats entry');
      portNo = r.u16();
      r.skip(6);
    } else {
      // OF1.1 / OF1.2 ofp_port_stats has no duration (104 bytes); OF1.3 adds it (112).
      expectBody(r, v < 4 ? 104 : 112, 'port stats entry');
      portNo = r.u32();
      r.skip(4);
    }
    const c = Array.from({ length: 12 }, () => r.u64());
    const durationSec = v < 4 ? 0 : r.u32();
    const durationNsec = v < 4 ? 0 : r.u32();
    out.push({
      portNo,
      rxPackets: c[0]!,
      txPackets: c[1]!,
      rxBytes: c[2]!,
      txBytes: c[3]!,
      rxDropped: c[4]!,
      txDropped: c[5]!,
      rxErrors: c[6]!,
      txErrors: c[7]!,
      rxFrameErr: c[8]!,
      rxOverErr: c[9]!,
      rxCrcErr: c[10]!,
      collisions: c[11]!,
      durationSec,
      durationNsec,
    });
  }
  return out;
}

export function readQueueStats(r: ByteReader, v: OfVersion): QueueStatsEntry[] {
  const out: QueueStatsEntry[] = [];
  while (r.remaining) {
    if (v >= 5) {
      const qr = subByLength(r, r.peekU16(0), 48, 'queue stats entry');
      qr.skip(8);
      const portNo = qr.u32();
      const queueId = qr.u32();
      const txBytes = qr.u64();
      const txPackets = qr.u64();
      const txErrors = qr.u64();
      const durationSec = qr.u32();
      const durationNsec = qr.u32();
      const props = readRawProps(qr);
      const e = { portNo, queueId, txBytes, txPackets, txErrors, durationSec, durationNsec };
      out.push(props.length ? { ...e, otherProperties: props } : e);
      continue;
    }
    let portNo: number;
    if (v === 1) {
      expectBody(r, 32, 'queue stats entry');
      portNo = r.u16();
      r.skip(2);
    } else {
      // OF1.1 / OF1.2 ofp_queue_stats has no duration (32 bytes); OF1.3 adds it (40).
      expectBody(r, v < 4 ? 32 : 40, 'queue stats entry');
      portNo = r.u32();
    }
    const queueId = r.u32();
    const txBytes = r.u64();
    const txPackets = r.u64();
    const txErrors = r.u64();
    const durationSec = v < 4 ? 0 : r.u32();
    const durationNsec = v < 4 ? 0 : r.u32();
    out.push({ portNo, queueId, txBytes, txPackets, txErrors, durationSec, durationNsec });
  }
  return out;
}

export function writePort(w: ByteWriter, p: Port, v: OfVersion): void {
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

export function writePortStats(w: ByteWriter, p: PortStatsEntry, v: OfVersion): void {
  if (v === 1) {
    w.u16(p.portNo).zeros(6);
    for (const c of [
      p.rxPackets,
      p.txPackets,
      p.rxBytes,
      p.txBytes,
      p.rxDropped,
      p.txDropped,
      p.rxErrors,
      p.txErrors,
      p.rxFrameErr,
      p.rxOverErr,
      p.rxCrcErr,
      p.collisions,
    ])
      w.u64(c);
    return;
  }
  if (v >= 5) {
    const start = w.offset;
    w.u16(0).zeros(2).u32(p.portNo).u32(p.durationSec).u32(p.durationNsec);
    for (const c of [p.rxPackets, p.txPackets, p.rxBytes, p.txBytes, p.rxDropped, p.txDropped, p.rxErrors, p.txErrors])
      w.u64(c);
    w.u16(0).u16(40).zeros(4).u64(p.rxFrameErr).u64(p.rxOverErr).u64(p.rxCrcErr).u64(p.collisions);
    writeRawProps(w, p.otherProperties);
    w.patchU16(start, w.offset - start);
    return;
  }
  w.u32(p.portNo).zeros(4);
  for (const c of [
    p.rxPackets,
    p.txPackets,
    p.rxBytes,
    p.txBytes,
    p.rxDropped,
    p.txDropped,
    p.rxErrors,
    p.txErrors,
    p.rxFrameErr,
    p.rxOverErr,
    p.rxCrcErr,
    p.collisions,
  ])
    w.u64(c);
  if (v >= 4) w.u32(p.durationSec).u32(p.durationNsec);
}

export function writeQueueStats(w: ByteWriter, q: QueueStatsEntry, v: OfVersion): void {
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
