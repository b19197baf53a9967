import { describe, expect, it } from 'vitest';
import { OfFramer } from '../../../src/openflow/framer.js';
import { OfFramingError } from '../../../src/openflow/framer.js';
import { fromHex } from '../../../src/wire/index.js';

// Three real messages (OVS test vectors): hello with bitmap, echo request with payload, barrier.
const MSGS = [
  fromHex('010000100000000000010008000000f0'),
  fromHex('0102000d000000012553541a9d'),
  fromHex('0414000800000001'),
  fromHex('04140008000000ff'),
];
const STREAM = Buffer.concat(MSGS);

function collect(chunks: Uint8Array[]): Uint8Array[] {
  const f = new OfFramer();
  const out: Uint8Array[] = [];
  for (const c of chunks) out.push(...f.push(c).map((m) => Uint8Array.from(m)));
  expect(f.buffered).toBe(0);
  return out;
}

describe('OfFramer', () => {
  it('splits a whole stream in one chunk', () => {
    expect(collect([STREAM]).map((m) => Buffer.from(m).toString('hex'))).toEqual(MSGS.map((m) => m.toString('hex')));
  });

  it('yields the same messages when fed one byte at a time', () => {
    const chunks = [...STREAM].map((b) => Uint8Array.of(b));
    expect(collect(chunks).map((m) => Buffer.from(m).toString('hex'))).toEqual(MSGS.map((m) => m.toString('hex')));
  });

  it('yields the same messages for every single split point and every pair of split points', () => {
    const want = MSGS.map((m) => m.toString('hex'));
    for (let i = 0; i <= STREAM.length; i++) {
      expect(collect([STREAM.subarray(0, i), STREAM.subarray(i)]).map((m) => Buffer.from(m).toString('hex'))).toEqual(
        want,
      );
      for (let j = i; j <= STREAM.length; j += 3) {
        const got = collect([STREAM.subarray(0, i), STREAM.subarray(i, j), STREAM.subarray(j)]);
        expect(got.map((m) => Buffer.from(m).toString('hex'))).toEqual(want);
      }
    }
  });

  it('returned messages stay valid after later pushes', () => {
    const f = new OfFramer();
    const first = f.push(STREAM.subarray(0, 20));
    const copy = Buffer.from(first[0]!).toString('hex');
    f.push(STREAM.subarray(20));
    expect(Buffer.from(first[0]!).toString('hex')).toBe(copy);
  });

  it('holds a partial message and reports it as buffered', () => {
    const f = new OfFramer();
    expect(f.push(STREAM.subarray(0, 3))).toEqual([]);
    expect(f.buffered).toBe(3);
    expect(f.push(STREAM.subarray(3, 16))).toHaveLength(1);
    expect(f.buffered).toBe(0);
  });

  it('fails with OF_FRAME_BAD_LENGTH on a header length below 8, and stays failed', () => {
    const f = new OfFramer();
    f.push(MSGS[0]!);
    let err: unknown;
    try {
      f.push(fromHex('0400000400000000'));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(OfFramingError);
    expect((err as OfFramingError).code).toBe('OF_FRAME_BAD_LENGTH');
    expect((err as OfFramingError).offset).toBe(16 + 2);
    expect(() => f.push(MSGS[1]!)).toThrow(OfFramingError);
  });
});
