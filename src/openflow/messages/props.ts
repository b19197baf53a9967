/**
 * Shared helpers for OpenFlow sub-structures: TLV properties padded to 8 bytes
 * (OpenFlow 1.5.1 §7.2.7 "ofp_prop_header"), fixed-width strings, MAC addresses, length checks.
 */
import type { ByteReader, ByteWriter } from '../../wire/index.js';
import { oxmFieldsLength, readOxmFields, writeOxmFields } from '../match/codec.js';
import type { Match } from '../match/index.js';
import type { OfVersion } from '../version.js';
import { OfMessageError } from './errors.js';
import type { RawProperty } from './types.js';

/** Rounds up to a multiple of 8. */
export function pad8(n: number): number {
  return (n + 7) & ~7;
}

/** An NXM match of `len` bytes and its padding to 8 (a short final pad is tolerated, as OVS does). */
export function readNxm(r: ByteReader, len: number): Match {
  const m = readOxmFields(r, len);
  r.skip(Math.min(pad8(len) - len, r.remaining));
  return m;
}

/** Writes an NXM match padded to 8 and returns its unpadded length (pass `len` when it is known already). */
export function writeNxm(w: ByteWriter, m: Match, v: OfVersion, len: number = oxmFieldsLength(m, v)): number {
  writeOxmFields(w, m, v);
  w.zeros(pad8(len) - len);
  return len;
}

/** Reads TLV properties until the reader is exhausted. Padding after each is skipped. */
export function readRawProps(r: ByteReader): RawProperty[] {
  const out: RawProperty[] = [];
  while (r.remaining > 0) {
    const start = r.offset;
    const propType = r.u16();
    const len = r.u16();
    if (len < 4 || len - 4 > r.remaining) {
      throw new OfMessageError(
        'OF_MSG_BAD_LENGTH',
        `property length ${len} invalid (${r.remaining + 4} bytes left)`,
        start,
      );
    }
    const data = r.bytes(len - 4);
    const pad = Math.min(pad8(len) - len, r.remaining);
    r.skip(pad);
    out.push({ propType, data });
  }
  return out;
}

export function rawPropsLength(props: readonly RawProperty[] | undefined): number {
  let n = 0;
  if (props) for (const p of props) n += pad8(4 + p.data.length);
  return n;
}

export function writeRawProps(w: ByteWriter, props: readonly RawProperty[] | undefined): void {
  if (!props) return;
  for (const p of props) {
    const len = 4 + p.data.length;
    w.u16(p.propType)
      .u16(len)
      .bytes(p.data)
      .zeros(pad8(len) - len);
  }
}

/** A NUL-padded fixed-width text field (port names, descriptions, table names), UTF-8. */
export function readFixedString(r: ByteReader, n: number): string {
  const b = r.bytes(n);
  let end = b.indexOf(0);
  if (end < 0) end = n;
  return Buffer.from(b.buffer, b.byteOffset, end).toString('utf8');
}

/** Writes UTF-8 text NUL-padded to `n` bytes (cut at a character boundary if too long). */
export function writeFixedString(w: ByteWriter, s: string, n: number): void {
  let bytes = Buffer.from(s, 'utf8');
  if (bytes.length > n) {
    let cut = n;
    while (cut > 0 && (bytes[cut]! & 0xc0) === 0x80) cut--; // do not split a multi-byte character
    bytes = bytes.subarray(0, cut);
  }
  w.bytes(bytes).zeros(n - bytes.length);
}

/** Reads a u16 length at the current position and returns a sub-reader over exactly that many bytes. */
export function subByLength(r: ByteReader, len: number, min: number, what: string): ByteReader {
  if (len < min || len > r.remaining) {
    throw new OfMessageError(
      'OF_MSG_BAD_LENGTH',
      `${what} length ${len} invalid (min ${min}, ${r.remaining} bytes left)`,
      r.offset,
    );
  }
  return r.sub(len, what);
}

export function expectBody(r: ByteReader, n: number, what: string): void {
  if (r.remaining < n) {
    throw new OfMessageError('OF_MSG_BAD_LENGTH', `${what} needs ${n} bytes, message has ${r.remaining}`, r.offset);
  }
}

export { formatMac } from '../../wire/address.js';
