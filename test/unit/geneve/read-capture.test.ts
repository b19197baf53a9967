/**
 * readCapture as an async iterator: the same records as the push parser at any chunking, records that
 * are plain Uint8Array views of the input, and the source closed when the loop ends early or the
 * capture is bad — as an async generator would.
 */
import { describe, expect, it } from 'vitest';
import { CaptureParser, CaptureWriter, PcapTruncatedError, readCapture } from '../../../src/geneve/index.js';
import type { SdkError } from '../../../src/errors.js';

function capture(n: number): Uint8Array {
  const w = new CaptureWriter();
  const parts = [w.header()];
  for (let i = 0; i < n; i++) {
    const frame = Uint8Array.from({ length: 60 + (i % 40) }, (_, k) => (i * 7 + k) & 0xff);
    parts.push(w.record(frame, { sec: 1_700_000_000 + i, nsec: i * 1000 }));
  }
  return Buffer.concat(parts);
}

function chunked(bytes: Uint8Array, size: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let o = 0; o < bytes.length; o += size) out.push(bytes.subarray(o, o + size));
  return out;
}

/** An async source that records whether it was closed (its iterator's return() ran). */
function tracked(chunks: Uint8Array[]): { source: AsyncIterable<Uint8Array>; closed: () => boolean } {
  let closed = false;
  async function* gen(): AsyncGenerator<Uint8Array> {
    try {
      for (const c of chunks) yield c;
    } finally {
      closed = true;
    }
  }
  return { source: gen(), closed: () => closed };
}

describe('readCapture', () => {
  const bytes = capture(500);
  const expected: string[] = [];
  {
    const p = new CaptureParser();
    p.push(bytes);
    for (let r = p.next(); r; r = p.next())
      expected.push(`${r.tsSec}.${r.tsNsec} ${Buffer.from(r.data).toString('hex')}`);
    p.finish();
  }

  it.each([1, 7, 64, 4096, bytes.length])(
    'gives every record at chunk size %i, sync and async sources',
    async (size) => {
      for (const source of [chunked(bytes, size), tracked(chunked(bytes, size)).source]) {
        const got: string[] = [];
        for await (const r of readCapture(source))
          got.push(`${r.tsSec}.${r.tsNsec} ${Buffer.from(r.data).toString('hex')}`);
        expect(got).toEqual(expected);
      }
    },
  );

  it('hands out plain Uint8Array views of the input (no copy)', async () => {
    const buf = Buffer.from(bytes);
    const it = readCapture([buf]);
    const first = await it.next();
    expect(first.done).toBe(false);
    const data = first.value!.data;
    expect(Object.getPrototypeOf(data)).toBe(Uint8Array.prototype);
    expect(data.buffer).toBe(buf.buffer);
    await it.return!();
  });

  it('closes the source when the loop breaks early', async () => {
    const t = tracked(chunked(bytes, 100));
    let n = 0;
    for await (const _ of readCapture(t.source)) if (++n === 3) break;
    expect(n).toBe(3);
    expect(t.closed()).toBe(true);
  });

  it('a truncated capture ends with PcapTruncatedError after the complete records, and the source is done', async () => {
    const t = tracked(chunked(bytes.subarray(0, bytes.length - 5), 333));
    let n = 0;
    let caught: unknown;
    try {
      for await (const _ of readCapture(t.source)) n++;
    } catch (e) {
      caught = e;
    }
    expect(n).toBe(499);
    expect(caught).toBeInstanceOf(PcapTruncatedError);
    expect((caught as SdkError).code).toBe('PCAP_TRUNCATED');
    expect(t.closed()).toBe(true);
  });

  it('a bad header fails typed on the first next() and closes the source', async () => {
    const t = tracked([Uint8Array.from({ length: 64 }, () => 0x42)]);
    const it = readCapture(t.source);
    await expect(it.next()).rejects.toMatchObject({ code: 'PCAP_BAD_FORMAT' });
    expect(t.closed()).toBe(true);
    expect(await it.next()).toEqual({ value: undefined, done: true });
  });
});
