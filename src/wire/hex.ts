import { WireError } from './errors.js';

/** Lower-case hex of the bytes, no separators. */
export function toHex(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex');
}

/** Parses hex, ignoring whitespace, `:` and `.` separators; throws `WIRE_RANGE` on anything else. */
export function fromHex(s: string): Buffer {
  const clean = s.replace(/[\s:.]/g, '');
  if (clean.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(clean)) {
    throw new WireError('WIRE_RANGE', `not a hex string: ${JSON.stringify(s.slice(0, 40))}`, 0);
  }
  return Buffer.from(clean, 'hex');
}
