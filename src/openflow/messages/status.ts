/**
 * Table description, table status, controller status and bundle features (rank 1), read and written
 * side by side. ext.ts dispatches to them; ext-format.ts prints them.
 *
 *   ofp14_table_desc (OpenFlow 1.4.1 §7.3.5.13), 8 bytes + properties:
 *     length(16) table_id(8) pad(8) config(32) properties
 *     eviction property: type 2, length 8, flags(32); vacancy property: type 3, length 8,
 *     vacancy_down(8) vacancy_up(8) vacancy(8) pad(8)
 *   ofp14_table_status (§7.4.5): reason(8) pad(56) ofp14_table_desc
 *   ofp_controller_status (OpenFlow 1.5.1 §7.3.5.18 / §7.4.7), 16 bytes + properties:
 *     length(16) short_id(16) role(32) reason(8) channel_status(8) pad(48) properties
 *     URI property: type 0, length 4 + n, the URI's n bytes
 *   ofp_bundle_features_request (§7.3.5.20): feature_request_flags(32) pad(32) properties
 *   ofp_bundle_features: capabilities(16) pad(48) properties
 *     time property: type 1, length 72, pad(32), four ofp_time { sec(64) nsec(32) pad(32) }
 *
 * Every property is padded to a multiple of 8 bytes (OpenFlow 1.5.1 §7.2.7).
 */
import { ByteReader, type ByteWriter } from '../../wire/index.js';
import { OfMessageError } from './errors.js';
import type {
  BundleFeaturesProperty,
  ControllerStatusEntry,
  ControllerStatusProperty,
  OfpTime,
  TableDesc,
  TableDescProperty,
  TableStatus,
} from './ext-types.js';
import type { H } from './header.js';
import { pad8, subByLength } from './props.js';

/** OFPTMPT14_* table-mod property types (OpenFlow 1.4.1 §7.3.3). */
export const OFPTMPT = { EVICTION: 2, VACANCY: 3 } as const;
/** OFPTR_* table status reasons (OpenFlow 1.4.1 §7.4.5). */
export const OFPTR = { VACANCY_DOWN: 3, VACANCY_UP: 4 } as const;
/** OFPCSPT_URI, the controller-status URI property (OpenFlow 1.5.1 §7.3.5.18). */
const OFPCSPT_URI = 0;
/** OFPTMPBF_TIME_CAPABILITY, the bundle-features time property (OpenFlow 1.5.1 §7.3.5.20). */
const OFPTMPBF_TIME_CAPABILITY = 1;

/** One property: type, body (after the 4-byte header, without padding) and where it started. */
function readProp(r: ByteReader, what: string): { propType: number; data: Uint8Array; at: number } {
  const at = r.offset;
  if (r.remaining < 4) throw new OfMessageError('OF_MSG_BAD_LENGTH', `${what} property cut short`, at);
  const propType = r.u16();
  const len = r.u16();
  if (len < 4 || len - 4 > r.remaining)
    throw new OfMessageError('OF_MSG_BAD_LENGTH', `${what} property length ${len} invalid`, at);
  const data = r.bytes(len - 4);
  r.skip(Math.min(pad8(len) - len, r.remaining));
  return { propType, data, at };
}

function writeProp(w: ByteWriter, propType: number, body: (w: ByteWriter) => void): void {
  const start = w.offset;
  w.u16(propType).u16(0);
  body(w);
  const len = w.offset - start;
  w.patchU16(start + 2, len);
  w.zeros(pad8(len) - len);
}

const u32At = (d: Uint8Array, i: number): number =>
  ((d[i]! << 24) | (d[i + 1]! << 16) | (d[i + 2]! << 8) | d[i + 3]!) >>> 0;

// ---- table desc / table status ---------------------------------------------------------------------

function readTableDescProps(r: ByteReader): TableDescProperty[] {
  const out: TableDescProperty[] = [];
  while (r.remaining) {
    const { propType, data, at } = readProp(r, 'table desc');
    if (propType === OFPTMPT.EVICTION) {
      if (data.length !== 4)
        throw new OfMessageError('OF_MSG_BAD_LENGTH', `eviction property of ${data.length + 4} bytes, want 8`, at);
      out.push({ prop: 'eviction', flags: u32At(data, 0) });
    } else if (propType === OFPTMPT.VACANCY) {
      if (data.length !== 4)
        throw new OfMessageError('OF_MSG_BAD_LENGTH', `vacancy property of ${data.length + 4} bytes, want 8`, at);
      out.push({ prop: 'vacancy', vacancyDown: data[0]!, vacancyUp: data[1]!, vacancy: data[2]! });
    } else out.push({ prop: 'unknown', propType, data });
  }
  return out;
}

/** Reads one ofp14_table_desc. */
export function readTableDesc(r: ByteReader): TableDesc {
  const tr = subByLength(r, r.remaining >= 2 ? r.peekU16(0) : 0, 8, 'table desc');
  tr.skip(2);
  const tableId = tr.u8();
  tr.skip(1);
  const config = tr.u32();
  return { tableId, config, properties: readTableDescProps(tr) };
}

export function readTableDescs(r: ByteReader): TableDesc[] {
  const out: TableDesc[] = [];
  while (r.remaining) out.push(readTableDesc(r));
  return out;
}

export function writeTableDesc(w: ByteWriter, t: TableDesc): void {
  const start = w.offset;
  w.u16(0).u8(t.tableId).u8(0).u32(t.config);
  for (const p of t.properties) {
    if (p.prop === 'eviction') writeProp(w, OFPTMPT.EVICTION, (x) => x.u32(p.flags));
    else if (p.prop === 'vacancy')
      writeProp(w, OFPTMPT.VACANCY, (x) => x.u8(p.vacancyDown).u8(p.vacancyUp).u8(p.vacancy).u8(0));
    else writeProp(w, p.propType, (x) => x.bytes(p.data));
  }
  w.patchU16(start, w.offset - start);
}

export function writeTableDescs(w: ByteWriter, list: readonly TableDesc[]): void {
  for (const t of list) writeTableDesc(w, t);
}

/** OFPT_TABLE_STATUS body: reason, 7 pad bytes, one table desc. */
export function decodeTableStatus(r: ByteReader, h: H): TableStatus {
  if (r.remaining < 16)
    throw new OfMessageError('OF_MSG_BAD_LENGTH', `table status needs 16 bytes, message has ${r.remaining}`, r.offset);
  const reason = r.u8();
  r.skip(7);
  const table = readTableDesc(r);
  if (r.remaining)
    throw new OfMessageError('OF_MSG_BAD_LENGTH', `${r.remaining} bytes after the table status`, r.offset);
  return { type: 'tableStatus', ...h, reason, table };
}

export function writeTableStatusBody(w: ByteWriter, m: TableStatus): void {
  w.u8(m.reason).zeros(7);
  writeTableDesc(w, m.table);
}

// ---- controller status -------------------------------------------------------------------------------

/** Reads one ofp_controller_status. */
export function readControllerStatus(r: ByteReader): ControllerStatusEntry {
  const cr = subByLength(r, r.remaining >= 2 ? r.peekU16(0) : 0, 16, 'controller status');
  cr.skip(2);
  const shortId = cr.u16();
  const role = cr.u32();
  const reason = cr.u8();
  const channelStatus = cr.u8();
  cr.skip(6);
  const properties: ControllerStatusProperty[] = [];
  while (cr.remaining) {
    const { propType, data } = readProp(cr, 'controller status');
    properties.push(
      propType === OFPCSPT_URI
        ? { prop: 'uri', uri: Buffer.from(data.buffer, data.byteOffset, data.length).toString('utf8') }
        : { prop: 'unknown', propType, data },
    );
  }
  return { shortId, role, reason, channelStatus, properties };
}

export function readControllerStatuses(r: ByteReader): ControllerStatusEntry[] {
  const out: ControllerStatusEntry[] = [];
  while (r.remaining) out.push(readControllerStatus(r));
  return out;
}

export function writeControllerStatus(w: ByteWriter, c: ControllerStatusEntry): void {
  const start = w.offset;
  w.u16(0).u16(c.shortId).u32(c.role).u8(c.reason).u8(c.channelStatus).zeros(6);
  for (const p of c.properties) {
    if (p.prop === 'uri') writeProp(w, OFPCSPT_URI, (x) => x.bytes(Buffer.from(p.uri, 'utf8')));
    else writeProp(w, p.propType, (x) => x.bytes(p.data));
  }
  w.patchU16(start, w.offset - start);
}

export function writeControllerStatuses(w: ByteWriter, list: readonly ControllerStatusEntry[]): void {
  for (const c of list) writeControllerStatus(w, c);
}

// ---- bundle features ---------------------------------------------------------------------------------

function readTime(r: ByteReader): OfpTime {
  const sec = r.u64();
  const nsec = r.u32();
  r.skip(4);
  return { sec, nsec };
}

function readBundleProps(r: ByteReader): BundleFeaturesProperty[] {
  const out: BundleFeaturesProperty[] = [];
  while (r.remaining) {
    const at = r.offset;
    const { propType, data } = readProp(r, 'bundle features');
    if (propType !== OFPTMPBF_TIME_CAPABILITY) {
      out.push({ prop: 'unknown', propType, data });
      continue;
    }
    if (data.length !== 68)
      throw new OfMessageError('OF_MSG_BAD_LENGTH', `bundle time property of ${data.length + 4} bytes, want 72`, at);
    const br = new ByteReader(data);
    br.skip(4);
    out.push({
      prop: 'time',
      schedAccuracy: readTime(br),
      schedMaxFuture: readTime(br),
      schedMaxPast: readTime(br),
      timestamp: readTime(br),
    });
  }
  return out;
}

function writeBundleProps(w: ByteWriter, props: readonly BundleFeaturesProperty[]): void {
  for (const p of props) {
    if (p.prop === 'time')
      writeProp(w, OFPTMPBF_TIME_CAPABILITY, (x) => {
        x.zeros(4);
        for (const t of [p.schedAccuracy, p.schedMaxFuture, p.schedMaxPast, p.timestamp])
          x.u64(t.sec).u32(t.nsec).zeros(4);
      });
    else writeProp(w, p.propType, (x) => x.bytes(p.data));
  }
}

export function readBundleFeaturesRequest(r: ByteReader): {
  featureRequestFlags: number;
  properties: BundleFeaturesProperty[];
} {
  if (r.remaining < 8)
    throw new OfMessageError('OF_MSG_BAD_LENGTH', `bundle features request of ${r.remaining} bytes`, r.offset);
  const featureRequestFlags = r.u32();
  r.skip(4);
  return { featureRequestFlags, properties: readBundleProps(r) };
}

export function readBundleFeaturesReply(r: ByteReader): { capabilities: number; properties: BundleFeaturesProperty[] } {
  if (r.remaining < 8)
    throw new OfMessageError('OF_MSG_BAD_LENGTH', `bundle features reply of ${r.remaining} bytes`, r.offset);
  const capabilities = r.u16();
  r.skip(6);
  return { capabilities, properties: readBundleProps(r) };
}

export function writeBundleFeaturesRequest(
  w: ByteWriter,
  b: { featureRequestFlags: number; properties: readonly BundleFeaturesProperty[] },
): void {
  w.u32(b.featureRequestFlags).zeros(4);
  writeBundleProps(w, b.properties);
}

export function writeBundleFeaturesReply(
  w: ByteWriter,
  b: { capabilities: number; properties: readonly BundleFeaturesProperty[] },
): void {
  w.u16(b.capabilities).zeros(6);
  writeBundleProps(w, b.properties);
}
