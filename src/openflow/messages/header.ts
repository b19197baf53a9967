/**
 * The ofp_header as every message writer starts it: version, type (renumbered for OpenFlow 1.0),
 * a length patched by the encoder, xid; and the Nicira experimenter header. Rank 0.
 */
import type { ByteReader, ByteWriter } from '../../wire/index.js';
import type { OfVersion } from '../version.js';
import { EXPERIMENTER_ID, OFPT } from './constants.js';
import { OfMessageError } from './errors.js';

/** Version and xid of the message a body belongs to. */
export type H = { version: OfVersion; xid: number };

/** OF1.1+ type numbers back to OF1.0 numbers (index = OF1.1+ number). */
export const TO_OF10: Readonly<Record<number, number>> = { 16: 15, 18: 16, 19: 17, 20: 18, 21: 19, 22: 20, 23: 21 };

export function typeByte(v: number, t: number, what: string): number {
  if (v !== 1) return t;
  if (t <= 14) return t;
  const m = TO_OF10[t];
  if (m === undefined) throw new OfMessageError('OF_MSG_UNSUPPORTED', `${what} does not exist in OpenFlow 1.0`);
  return m;
}

export function header(w: ByteWriter, version: number, t: number, xid: number, what: string): void {
  w.u8(version)
    .u8(typeByte(version, t, what))
    .u16(0)
    .u32(xid);
}

export function need(v: number, min: number, what: string): void {
  if (v < min)
    throw new OfMessageError('OF_MSG_UNSUPPORTED', `${what} is not encoded for OpenFlow version 0x${v.toString(16)}`);
}

export function nxHeader(w: ByteWriter, v: number, xid: number, subtype: number): void {
  header(w, v, OFPT.EXPERIMENTER, xid, 'experimenter');
  w.u32(EXPERIMENTER_ID.NX).u32(subtype);
}

export function mac(b: Uint8Array): Uint8Array {
  if (b.length !== 6) throw new OfMessageError('OF_MSG_BAD_VALUE', `hardware address must be 6 bytes, got ${b.length}`);
  return b;
}

/** Rejects bytes left over after a fixed-size Nicira body. */
export function done<T>(r: ByteReader, m: T): T {
  if (r.remaining)
    throw new OfMessageError('OF_MSG_BAD_LENGTH', `${r.remaining} unexpected bytes after message body`, r.offset);
  return m;
}
