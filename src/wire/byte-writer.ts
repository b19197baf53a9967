import { WireError } from './errors.js';

/**
 * Writes big-endian fields into a buffer that was sized beforehand (the encoder computes the length
 * first, then allocates once, or writes into a caller's buffer at an offset). Bytes are assigned,
 * never OR-ed, so an `allocUnsafe` buffer is safe: every byte in the written range is set.
 */
export class ByteWriter {
  offset: number;
  readonly end: number;

  constructor(
    readonly buf: Uint8Array,
    start = 0,
    end = buf.length,
  ) {
    if (start < 0 || end > buf.length || start > end) {
      throw new WireError('WIRE_RANGE', `bad writer window ${start}..${end} over ${buf.length} bytes`, start);
    }
    this.offset = start;
    this.end = end;
  }

  /** Allocates exactly `size` bytes (uninitialised; every byte must then be written). */
  static alloc(size: number): ByteWriter {
    return new ByteWriter(Buffer.allocUnsafe(size));
  }

  private room(n: number): void {
    if (this.offset + n > this.end) {
      throw new WireError('WIRE_RANGE', `write of ${n} bytes past the end of the buffer`, this.offset);
    }
  }

  private check(v: number, max: number, what: string): void {
    if (!Number.isInteger(v) || v < 0 || v > max) {
      throw new WireError('WIRE_RANGE', `${what} value ${v} out of range 0..${max}`, this.offset);
    }
  }

  // The range checks below are bit tests: `(v & 0xff) === v` holds exactly for the integers
  // 0..0xff (a fraction, NaN, a negative number, anything above the range or not a number
  // fails it), as `(v >>> 0) === v` does for 0..0xffffffff; on failure `check` throws the error.
  // The typeof test keeps a bigint or symbol argument from throwing a TypeError there.

  u8(v: number): this {
    if (typeof v !== 'number' || (v & 0xff) !== v) this.check(v, 0xff, 'u8');
    this.room(1);
    this.buf[this.offset++] = v;
    return this;
  }

  u16(v: number): this {
    if (typeof v !== 'number' || (v & 0xffff) !== v) this.check(v, 0xffff, 'u16');
    this.room(2);
    const o = this.offset;
    this.buf[o] = v >>> 8;
    this.buf[o + 1] = v & 0xff;
    this.offset = o + 2;
    return this;
  }

  u24(v: number): this {
    if (typeof v !== 'number' || (v & 0xffffff) !== v) this.check(v, 0xffffff, 'u24');
    this.room(3);
    const o = this.offset;
    this.buf[o] = v >>> 16;
    this.buf[o + 1] = (v >>> 8) & 0xff;
    this.buf[o + 2] = v & 0xff;
    this.offset = o + 3;
    return this;
  }

  u32(v: number): this {
    if (typeof v !== 'number' || v >>> 0 !== v) this.check(v, 0xffffffff, 'u32');
    this.room(4);
    const o = this.offset;
    this.buf[o] = v >>> 24;
    this.buf[o + 1] = (v >>> 16) & 0xff;
    this.buf[o + 2] = (v >>> 8) & 0xff;
    this.buf[o + 3] = v & 0xff;
    this.offset = o + 4;
    return this;
  }

  u64(v: bigint): this {
    if (typeof v === 'bigint' && v >= 0n && v <= 0xffffffffn && this.offset + 8 <= this.end) {
      // common case (cookies, small loads): no BigInt shift / mask allocations
      const b = this.buf;
      const o = this.offset;
      const lo = Number(v);
      b[o] = 0;
      b[o + 1] = 0;
      b[o + 2] = 0;
      b[o + 3] = 0;
      b[o + 4] = lo >>> 24;
      b[o + 5] = (lo >>> 16) & 0xff;
      b[o + 6] = (lo >>> 8) & 0xff;
      b[o + 7] = lo & 0xff;
      this.offset = o + 8;
      return this;
    }
    if (v < 0n || v > 0xffffffffffffffffn) {
      throw new WireError('WIRE_RANGE', `u64 value ${v} out of range`, this.offset);
    }
    this.u32(Number(v >> 32n));
    return this.u32(Number(v & 0xffffffffn));
  }

  u16Le(v: number): this {
    this.check(v, 0xffff, 'u16');
    this.room(2);
    this.buf[this.offset] = v & 0xff;
    this.buf[this.offset + 1] = v >>> 8;
    this.offset += 2;
    return this;
  }

  u32Le(v: number): this {
    this.check(v, 0xffffffff, 'u32');
    this.room(4);
    const o = this.offset;
    this.buf[o] = v & 0xff;
    this.buf[o + 1] = (v >>> 8) & 0xff;
    this.buf[o + 2] = (v >>> 16) & 0xff;
    this.buf[o + 3] = v >>> 24;
    this.offset = o + 4;
    return this;
  }

  bytes(src: Uint8Array): this {
    const n = src.length;
    this.room(n);
    if (n <= 16) {
      // a byte loop beats TypedArray#set for the short values of match fields and addresses
      const b = this.buf;
      let o = this.offset;
      for (let i = 0; i < n; i++) b[o++] = src[i]!;
      this.offset = o;
      return this;
    }
    this.buf.set(src, this.offset);
    this.offset += n;
    return this;
  }

  /** Writes `n` zero bytes. */
  zeros(n: number): this {
    this.room(n);
    this.buf.fill(0, this.offset, this.offset + n);
    this.offset += n;
    return this;
  }

  /** Overwrites a u16 at an absolute offset (e.g. a length or checksum filled in afterwards). */
  patchU16(at: number, v: number): this {
    this.check(v, 0xffff, 'u16');
    if (at < 0 || at + 2 > this.end) throw new WireError('WIRE_RANGE', 'patch outside the buffer', at);
    this.buf[at] = v >>> 8;
    this.buf[at + 1] = v & 0xff;
    return this;
  }

  /** The bytes written so far from `start`. */
  written(start = 0): Uint8Array {
    return this.buf.subarray(start, this.offset);
  }
}
