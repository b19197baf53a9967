/**
 * Group family bodies (rank 1): group_mod, buckets (OF1.1 and OF1.5 layouts), group desc, group
 * stats and group features, read and written side by side. OpenFlow 1.5.1 §7.3.4.3, §7.3.5.9–11.
 */
import { ByteReader, type ByteWriter } from '../../wire/index.js';
import { readActions, writeActions } from '../actions/list.js';
import { readOxmFields } from '../match/codec.js';
import { defaultCodePoint, fieldByName } from '../match/fields.js';
import type { OfVersion } from '../version.js';
import { OfMessageError } from './errors.js';
import type { H } from './header.js';
import {
  expectBody,
  pad8,
  readFixedString,
  readRawProps,
  subByLength,
  writeFixedString,
  writeRawProps,
} from './props.js';
import type {
  Bucket,
  GroupDescEntry,
  GroupFeatures,
  GroupStatsEntry,
  OfMessage,
  RawProperty,
  SelectionMethod,
} from './types.js';
import { type GroupMod } from './types.js';

/** Buckets laid out as in version `v`, holding actions of version `av` (NXT_GROUP_MOD: OF1.5 layout, OF1.0 actions). */
export function readBuckets(r: ByteReader, v: OfVersion, av: OfVersion = v): Bucket[] {
  const out: Bucket[] = [];
  while (r.remaining) {
    const len = r.peekU16(0);
    const br = subByLength(r, len, v >= 6 ? 8 : 16, 'bucket'); // ofp15_bucket is 8 bytes, ofp11_bucket 16
    br.skip(2);
    if (v >= 6) {
      const actLen = br.u16();
      const bucketId = br.u32();
      if (actLen > br.remaining)
        throw new OfMessageError('OF_MSG_BAD_LENGTH', `bucket action_array_len ${actLen} too long`, br.offset);
      const actions = readActions(br, actLen, av);
      const b: { -readonly [K in keyof Bucket]: Bucket[K] } = { bucketId, actions };
      for (const p of readRawProps(br)) {
        const pr = new ByteReader(p.data);
        if (p.propType === 0 && p.data.length === 4) b.weight = pr.u16();
        else if (p.propType === 1 && p.data.length === 4) b.watchPort = pr.u32();
        else if (p.propType === 2 && p.data.length === 4) b.watchGroup = pr.u32();
        else
          throw new OfMessageError(
            'OF_MSG_BAD_VALUE',
            `bucket property ${p.propType} (${p.data.length} bytes) not supported`,
            br.offset,
          );
      }
      out.push(b);
    } else {
      const weight = br.u16();
      const watchPort = br.u32();
      const watchGroup = br.u32();
      br.skip(4);
      out.push({ weight, watchPort, watchGroup, actions: readActions(br, br.remaining, av) });
    }
  }
  return out;
}

/** Group desc entries laid out as in version `layout`, with actions of version `av` (NXST_GROUP_DESC: 6 and 1). */
export function readGroupDescs(r: ByteReader, layout: OfVersion, av: OfVersion = layout): GroupDescEntry[] {
  const groups: GroupDescEntry[] = [];
  while (r.remaining) {
    const gr = subByLength(r, r.peekU16(0), 8, 'group desc entry');
    gr.skip(2);
    const groupType = gr.u8();
    gr.skip(1);
    const groupId = gr.u32();
    if (layout >= 6) {
      const bl = gr.u16();
      gr.skip(6);
      const buckets = readBuckets(subByLength(gr, bl, 0, 'bucket array'), layout, av);
      groups.push({ groupType, groupId, buckets, ...groupProps(readRawProps(gr)) });
    } else {
      groups.push({ groupType, groupId, buckets: readBuckets(gr, layout, av) });
    }
  }
  return groups;
}

/** group_mod body; `layout` 6 reads the OF1.5 form with actions of the message's version (NXT_GROUP_MOD). */
export function decodeGroupMod(r: ByteReader, h: H, layout: OfVersion = h.version): OfMessage {
  expectBody(r, 8, 'group_mod');
  const command = r.u16();
  const groupType = r.u8();
  r.skip(1);
  const groupId = r.u32();
  if (layout >= 6) {
    expectBody(r, 8, 'group_mod');
    const bucketLen = r.u16();
    r.skip(2);
    const commandBucketId = r.u32();
    const buckets = readBuckets(subByLength(r, bucketLen, 0, 'bucket array'), layout, h.version);
    return {
      type: 'groupMod',
      ...h,
      command,
      groupType,
      groupId,
      commandBucketId,
      buckets,
      ...groupProps(readRawProps(r)),
    };
  }
  return { type: 'groupMod', ...h, command, groupType, groupId, buckets: readBuckets(r, h.version) };
}

/** NTR (OVS) experimenter id of the group selection-method property (ovs openflow-common.h). */
export const NTR_COMPAT_VENDOR_ID = 0x00001540;

/** Splits OF1.5 group properties into the selection method (decoded) and the rest (raw). */
export function groupProps(props: RawProperty[]): { selectionMethod?: SelectionMethod; properties: RawProperty[] } {
  let selectionMethod: SelectionMethod | undefined;
  const rest: RawProperty[] = [];
  for (const p of props) {
    if (!selectionMethod && p.propType === 0xffff && p.data.length >= 36) {
      const pr = new ByteReader(p.data);
      const exp = pr.u32();
      const expType = pr.u32();
      if (exp === NTR_COMPAT_VENDOR_ID && expType === 1) {
        pr.skip(4);
        const method = readFixedString(pr, 16);
        const param = pr.u64();
        const fields = readOxmFields(pr, pr.remaining);
        selectionMethod = { method, param, fields };
        continue;
      }
    }
    rest.push(p);
  }
  return selectionMethod ? { selectionMethod, properties: rest } : { properties: rest };
}

/** group_mod body in the layout of version `layout` (6 for NXT_GROUP_MOD), actions of the message's version. */
export function writeGroupModBody(w: ByteWriter, m: Omit<GroupMod, 'type'>, layout: OfVersion): void {
  const v = m.version as OfVersion;
  w.u16(m.command).u8(m.groupType).u8(0).u32(m.groupId);
  if (layout >= 6) {
    const at = w.offset;
    w.u16(0)
      .u16(0)
      .u32(m.commandBucketId ?? 0xffffffff);
    writeBuckets15(w, at, m, layout, v);
  } else {
    writeBuckets(w, m.buckets, v);
  }
}

/** Group desc entries in the layout of version `layout`, actions of version `av` (NXST_GROUP_DESC: 6 and 1). */
export function writeGroupDescs(
  w: ByteWriter,
  groups: readonly GroupDescEntry[],
  layout: OfVersion,
  av: OfVersion = layout,
): void {
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
export function writeBuckets15(
  w: ByteWriter,
  lenAt: number,
  g: Pick<GroupDescEntry, 'buckets' | 'selectionMethod' | 'properties'>,
  layout: OfVersion,
  av: OfVersion,
): void {
  const b0 = w.offset;
  writeBuckets(w, g.buckets, layout, av);
  w.patchU16(lenAt, w.offset - b0);
  writeSelectionMethod(w, g.selectionMethod);
  writeRawProps(w, g.properties);
}

export function writeBuckets(w: ByteWriter, buckets: readonly Bucket[], v: OfVersion, av: OfVersion = v): void {
  for (const b of buckets) {
    const start = w.offset;
    if (v >= 6) {
      w.u16(0)
        .u16(0)
        .u32(b.bucketId ?? 0);
      const a0 = w.offset;
      writeActions(w, b.actions, av);
      w.patchU16(start + 2, w.offset - a0);
      if (b.weight !== undefined) w.u16(0).u16(8).u16(b.weight).u16(0);
      if (b.watchPort !== undefined) w.u16(1).u16(8).u32(b.watchPort);
      if (b.watchGroup !== undefined) w.u16(2).u16(8).u32(b.watchGroup);
    } else {
      w.u16(0)
        .u16(b.weight ?? 0)
        .u32(b.watchPort ?? 0xffffffff)
        .u32(b.watchGroup ?? 0xffffffff)
        .zeros(4);
      writeActions(w, b.actions, av);
    }
    w.patchU16(start, w.offset - start);
  }
}

/**
 * The OVS selection-method group property: experimenter 0x1540 type 1, method name (16 bytes),
 * param, then one OXM entry per hashed field whose value is the mask, in the given order.
 */
export function writeSelectionMethod(w: ByteWriter, sm: SelectionMethod | undefined): void {
  if (!sm) return;
  const start = w.offset;
  w.u16(0xffff).u16(0).u32(0x00001540).u32(1).zeros(4);
  writeFixedString(w, sm.method, 16);
  w.u64(sm.param);
  for (const f of sm.fields) {
    const def = fieldByName(f.field);
    const cp = def && defaultCodePoint(def, 0x06);
    if (!def || !cp)
      throw new OfMessageError('OF_MSG_BAD_VALUE', `selection method field ${f.field} has no OXM code point`);
    const len = f.value.length + (cp.experimenter !== undefined ? 4 : 0);
    w.u16(cp.cls)
      .u8(cp.field << 1)
      .u8(len);
    if (cp.experimenter !== undefined) w.u32(cp.experimenter);
    w.bytes(f.value);
  }
  const len = w.offset - start;
  w.patchU16(start + 2, len);
  w.zeros(pad8(len) - len);
}

/** ofp_group_stats entries up to the end of `r` (OF1.1 / 1.2 without duration, OF1.3+ with). */
export function readGroupStats(r: ByteReader, v: OfVersion): GroupStatsEntry[] {
  const groups: GroupStatsEntry[] = [];
  while (r.remaining) {
    // OF1.1 / OF1.2 ofp_group_stats has no duration (32 bytes); OF1.3 adds it (40).
    const gr = subByLength(r, r.peekU16(0), v < 4 ? 32 : 40, 'group stats entry');
    gr.skip(4);
    const groupId = gr.u32();
    const refCount = gr.u32();
    gr.skip(4);
    const packetCount = gr.u64();
    const byteCount = gr.u64();
    const durationSec = v < 4 ? 0 : gr.u32();
    const durationNsec = v < 4 ? 0 : gr.u32();
    const bucketStats = [];
    if (gr.remaining % 16)
      throw new OfMessageError('OF_MSG_BAD_LENGTH', 'bucket counters not a multiple of 16 bytes', gr.offset);
    while (gr.remaining) bucketStats.push({ packetCount: gr.u64(), byteCount: gr.u64() });
    groups.push({ groupId, refCount, packetCount, byteCount, durationSec, durationNsec, bucketStats });
  }
  return groups;
}

export function writeGroupStats(w: ByteWriter, groups: readonly GroupStatsEntry[], v: OfVersion): void {
  for (const g of groups) {
    w.u16((v < 4 ? 32 : 40) + 16 * g.bucketStats.length)
      .zeros(2)
      .u32(g.groupId)
      .u32(g.refCount)
      .zeros(4);
    w.u64(g.packetCount).u64(g.byteCount);
    if (v >= 4) w.u32(g.durationSec).u32(g.durationNsec);
    for (const s of g.bucketStats) w.u64(s.packetCount).u64(s.byteCount);
  }
}

/** ofp_group_features (40 bytes). */
export function readGroupFeatures(r: ByteReader): { kind: 'groupFeatures' } & GroupFeatures {
  expectBody(r, 40, 'group features');
  const types = r.u32();
  const capabilities = r.u32();
  const maxGroups = [r.u32(), r.u32(), r.u32(), r.u32()] as const;
  const actions = [r.u32(), r.u32(), r.u32(), r.u32()] as const;
  return { kind: 'groupFeatures', types, capabilities, maxGroups, actions };
}

export function writeGroupFeatures(w: ByteWriter, b: GroupFeatures): void {
  w.u32(b.types).u32(b.capabilities);
  for (const x of b.maxGroups) w.u32(x);
  for (const x of b.actions) w.u32(x);
}
