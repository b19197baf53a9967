/** The one reader and the one writer (src/wire): golden bytes, mirrors, full-range values, typed errors. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteReader, ByteWriter, fromHex, toHex } from '../../../src/wire/index.js';
import { expectSdkError } from '../../helpers/errors.js';
import { testCodecFixtures } from '../../helpers/codec-fixture.js';

/** A record of every field kind, read and written in one order: the codec the fixtures exercise. */
interface Fields {
  readonly u8: number;
  readonly u16: number;
  readonly u24: number;
  readonly u32: number;
  readonly u64: bigint;
  readonly u16Le: number;
  readonly u32Le: number;
  readonly tail: string;
}
const SIZE = 1 + 2 + 3 + 4 + 8 + 2 + 4 + 2;
const fieldsCodec = {
  decode(b: Uint8Array): Fields {
    const r = new ByteReader(b);
    const v = {
      u8: r.u8(),
      u16: r.u16(),
      u24: r.u24(),
      u32: r.u32(),
      u64: r.u64(),
      u16Le: r.u16Le(),
      u32Le: r.u32Le(),
      tail: toHex(r.bytes(2)),
    };
    expect(r.remaining).toBe(0);
    return v;
  },
  encode(v: Fields): Uint8Array {
    const w = ByteWriter.alloc(SIZE);
    w.u8(v.u8).u16(v.u16).u24(v.u24).u32(v.u32).u64(v.u64).u16Le(v.u16Le).u32Le(v.u32Le).bytes(fromHex(v.tail));
    expect(w.offset).toBe(SIZE);
    return w.written();
  },
};

testCodecFixtures('ByteReader / ByteWriter field order and endianness', fieldsCodec, [
  {
    name: 'zeros',
    hex: '00 0000 000000 00000000 0000000000000000 0000 00000000 0000',
    value: { u8: 0, u16: 0, u24: 0, u32: 0, u64: 0n, u16Le: 0, u32Le: 0, tail: '0000' },
  },
  {
    name: 'all ones (top bits set: no sign extension)',
    hex: 'ff ffff ffffff ffffffff ffffffffffffffff ffff ffffffff ffff',
    value: {
      u8: 0xff,
      u16: 0xffff,
      u24: 0xffffff,
      u32: 0xffffffff,
      u64: 0xffffffffffffffffn,
      u16Le: 0xffff,
      u32Le: 0xffffffff,
      tail: 'ffff',
    },
  },
  {
    name: 'distinct bytes (big-endian, and little-endian where named)',
    hex: '01 0203 040506 0708090a 0b0c0d0e0f101112 1314 15161718 191a',
    value: {
      u8: 1,
      u16: 0x0203,
      u24: 0x040506,
      u32: 0x0708090a,
      u64: 0x0b0c0d0e0f101112n,
      u16Le: 0x1413,
      u32Le: 0x18171615,
      tail: '191a',
    },
  },
]);

describe('full-range values round-trip', () => {
  it('every field over its whole range', () => {
    const arb = fc.record({
      u8: fc.integer({ min: 0, max: 0xff }),
      u16: fc.integer({ min: 0, max: 0xffff }),
      u24: fc.integer({ min: 0, max: 0xffffff }),
      u32: fc.integer({ min: 0, max: 0xffffffff }),
      u64: fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }),
      u16Le: fc.integer({ min: 0, max: 0xffff }),
      u32Le: fc.integer({ min: 0, max: 0xffffffff }),
      tail: fc.uint8Array({ minLength: 2, maxLength: 2 }).map(toHex),
    });
    fc.assert(
      fc.property(arb, (v) => {
        expect(fieldsCodec.decode(fieldsCodec.encode(v))).toEqual(v);
      }),
      { numRuns: 500 },
    );
  });
});

describe('ByteReader', () => {
  it('bytes() and sub() are views that alias the input; offsets are absolute', () => {
    const buf = fromHex('00 01 02 03 04 05');
    const r = new ByteReader(buf, 1, 5);
    expect(r.remaining).toBe(4);
    const v = r.bytes(2);
    buf[1] = 0xaa;
    expect(toHex(v)).toBe('aa02');
    const s = r.sub(2);
    expect(s.offset).toBe(3);
    expect(s.end).toBe(5);
    expect(r.remaining).toBe(0);
    expect(s.peekU8()).toBe(3);
    expect(s.peekU16()).toBe(0x0304);
    expect(s.offset).toBe(3);
    s.skip(2);
    expect(s.remaining).toBe(0);
  });

  it('every read past the window is WIRE_TRUNCATED at the offset where it starts', () => {
    const buf = fromHex('0102030405060708');
    const reads: [string, (r: ByteReader) => unknown][] = [
      ['u8 twice', (r) => (r.u8(), r.u8())],
      ['u16', (r) => r.u16()],
      ['u24', (r) => r.u24()],
      ['u32', (r) => r.u32()],
      ['u64', (r) => r.u64()],
      ['u16Le', (r) => r.u16Le()],
      ['u32Le', (r) => r.u32Le()],
      ['bytes', (r) => r.bytes(3)],
      ['skip', (r) => r.skip(3)],
      ['sub', (r) => r.sub(3)],
      ['peekU8', (r) => r.peekU8(2)],
      ['peekU16', (r) => r.peekU16(1)],
    ];
    for (const [name, read] of reads) {
      // (For 'u8 twice' the first read succeeds and the second fails at 8.)
      // A window of 3 bytes starting at 5, with 2 bytes consumed: 1 byte left at offset 7.
      const r = new ByteReader(buf, 5, 8);
      r.u16();
      const e = expectSdkError(() => read(r), 'WIRE_TRUNCATED', name === 'u8 twice' ? 8 : 7);
      expect(e.message, name).toContain('truncated');
    }
  });

  it('a negative length is WIRE_TRUNCATED, not a RangeError', () => {
    expectSdkError(() => new ByteReader(new Uint8Array(4)).bytes(-1), 'WIRE_TRUNCATED', 0);
  });

  it('a window outside the buffer is WIRE_RANGE', () => {
    expectSdkError(() => new ByteReader(new Uint8Array(4), 2, 5), 'WIRE_RANGE', 2);
    expectSdkError(() => new ByteReader(new Uint8Array(4), 3, 2), 'WIRE_RANGE', 3);
    expectSdkError(() => new ByteReader(new Uint8Array(4), -1), 'WIRE_RANGE', -1);
  });
});

describe('ByteWriter', () => {
  it('assigns every byte of an allocUnsafe buffer (nothing left from old memory)', () => {
    for (let i = 0; i < 20; i++) {
      const w = ByteWriter.alloc(12);
      w.u8(0).u16(0).u24(0).zeros(6);
      expect(toHex(w.written())).toBe('00'.repeat(12));
    }
  });

  it('patchU16 writes at an absolute offset without moving; written(start) is a view from start', () => {
    const w = ByteWriter.alloc(6);
    w.u16(0).u32(0xdeadbeef).patchU16(0, 6);
    expect(w.offset).toBe(6);
    expect(toHex(w.written())).toBe('0006deadbeef');
    expect(toHex(w.written(2))).toBe('deadbeef');
  });

  it('values out of range, fractions, NaN and non-numbers are WIRE_RANGE at the offset', () => {
    const cases: [string, (w: ByteWriter) => unknown][] = [
      ['u8 256', (w) => w.u8(256)],
      ['u8 -1', (w) => w.u8(-1)],
      ['u8 1.5', (w) => w.u8(1.5)],
      ['u8 NaN', (w) => w.u8(NaN)],
      ['u8 bigint', (w) => w.u8(1n as unknown as number)],
      ['u16 65536', (w) => w.u16(0x10000)],
      ['u24 2^24', (w) => w.u24(0x1000000)],
      ['u32 2^32', (w) => w.u32(2 ** 32)],
      ['u32 -1', (w) => w.u32(-1)],
      ['u64 2^64', (w) => w.u64(2n ** 64n)],
      ['u64 -1', (w) => w.u64(-1n)],
      ['u16Le 65536', (w) => w.u16Le(0x10000)],
      ['u32Le 2^32', (w) => w.u32Le(2 ** 32)],
    ];
    for (const [name, write] of cases) {
      const w = ByteWriter.alloc(16);
      w.u8(1);
      const e = expectSdkError(() => write(w), 'WIRE_RANGE', 1);
      expect(e.message, name).toMatch(/range/);
    }
  });

  it('a write past the end is WIRE_RANGE, and nothing is written', () => {
    const buf = new Uint8Array(3);
    const w = new ByteWriter(buf);
    w.u16(0x0102);
    expectSdkError(() => w.u16(0x0304), 'WIRE_RANGE', 2);
    expectSdkError(() => w.bytes(new Uint8Array(2)), 'WIRE_RANGE', 2);
    expectSdkError(() => w.zeros(2), 'WIRE_RANGE', 2);
    expect(toHex(buf)).toBe('010200');
  });
});

describe('hex', () => {
  it('fromHex ignores separators; toHex is lower case', () => {
    expect(toHex(fromHex('DE:AD be.ef\n00'))).toBe('deadbeef00');
  });
  it('odd length or non-hex is WIRE_RANGE', () => {
    expectSdkError(() => fromHex('abc'), 'WIRE_RANGE', 0);
    expectSdkError(() => fromHex('zz'), 'WIRE_RANGE', 0);
  });
  it('toHex of a view covers only the view', () => {
    expect(toHex(fromHex('00112233').subarray(1, 3))).toBe('1122');
  });
});
