import { WireError } from './errors.js';

/**
 * A cursor over a Buffer. All multi-byte reads are big-endian (network order) unless named `Le`.
 * Every read checks bounds first and throws a {@link WireError} (`WIRE_TRUNCATED`) naming the offset,
 * so decoders built on it never see a RangeError from Node.
 *
 * `bytes()` returns a view (`subarray`) that aliases the input: copy it if the input will be reused.
 */
export class ByteReader {
  /** Current absolute offset into `buf`. */
  offset: number;
  /** Absolute end (exclusive) of the readable window. */
  readonly end: number;

  constructor(
    readonly buf: Uint8Array,
    start = 0,
    end = buf.length,
  ) {
    if (start < 0 || end > buf.length || start > end) {
      throw new WireError('WIRE_RANGE', `bad reader window ${start}..${end} over ${buf.length} bytes`, start);
    }
    this.offset = start;
    this.end = end;
  }

  /** Bytes left in the window. */
  get remaining(): number {
    return this.end - this.offset;
  }

  /** Throws `WIRE_TRUNCATED` unless `n` more bytes are available. */
  need(n: number, what = 'field'): void {
    if (n < 0 || this.offset + n > this.end) {
      throw new WireError(
        'WIRE_TRUNCATED',
        `truncated ${what}: need ${n} bytes, have ${this.end - this.offset}`,
        this.offset,
      );
    }
  }

  u8(): number {
    if (this.offset + 1 > this.end) this.need(1);
    return this.buf[this.offset++]!;
  }

  u16(): number {
    if (this.offset + 2 > this.end) this.need(2);
    const b = this.buf;
    const o = this.offset;
    this.offset = o + 2;
    return (b[o]! << 8) | b[o + 1]!;
  }

  u24(): number {
    if (this.offset + 3 > this.end) this.need(3);
    const b = this.buf;
    const o = this.offset;
    this.offset = o + 3;
    return (b[o]! << 16) | (b[o + 1]! << 8) | b[o + 2]!;
  }

  u32(): number {
    if (this.offset + 4 > this.end) this.need(4);
    const b = this.buf;
    const o = this.offset;
    this.offset = o + 4;
    return (b[o]! * 0x1000000 + ((b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!)) >>> 0;
  }

  u64(): bigint {
    const hi = this.u32();
    const lo = this.u32();
    // hi 0 (cookies, small values): one BigInt instead of three
    return hi === 0 ? BigInt(lo) : (BigInt(hi) << 32n) | BigInt(lo);
  }

  u16Le(): number {
    this.need(2);
    const b = this.buf;
    const o = this.offset;
    this.offset = o + 2;
    return b[o]! | (b[o + 1]! << 8);
  }

  u32Le(): number {
    this.need(4);
    const b = this.buf;
    const o = this.offset;
    this.offset = o + 4;
    return (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16)) + b[o + 3]! * 0x1000000;
  }

  /** A view of the next `n` bytes (aliases the input). */
  bytes(n: number, what = 'bytes'): Uint8Array {
    this.need(n, what);
    const v = this.buf.subarray(this.offset, this.offset + n);
    this.offset += n;
    return v;
  }

  skip(n: number, what = 'padding'): void {
    this.need(n, what);
    this.offset += n;
  }

  /** A reader over the next `n` bytes; this reader moves past them. */
  sub(n: number, what = 'sub-structure'): ByteReader {
    this.need(n, what);
    const r = new ByteReader(this.buf, this.offset, this.offset + n);
    this.offset += n;
    return r;
  }

  /** Peeks without moving. */
  peekU8(at = 0): number {
    this.need(at + 1);
    return this.buf[this.offset + at]!;
  }

  peekU16(at = 0): number {
    this.need(at + 2);
    const o = this.offset + at;
    return (this.buf[o]! << 8) | this.buf[o + 1]!;
  }
}
