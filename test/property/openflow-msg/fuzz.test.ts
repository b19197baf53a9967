/**
 * Fuzz (bounded, in-suite): random bytes and mutated real messages must either decode or throw a
 * typed SdkError, never a built-in exception (TypeError, RangeError, …). Whatever decodes must
 * re-encode, and the re-encoding must decode to the same value. The big run (≥ 10⁶ messages) is
 * fuzz/openflow-msg.ts, outside `npm test`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SdkError } from '../../../src/errors.js';
import { decodeMessage, encodeMessage, formatMessage } from '../../../src/openflow/messages/index.js';
import { OfFramer } from '../../../src/openflow/framer.js';

const ROOT = join(import.meta.dirname, '../../../../shared/vectors/openflow/ryu-packet_data');
const SEEDS: Buffer[] = [];
for (const d of ['of10', 'of13', 'of14', 'of15']) {
  for (const n of readdirSync(join(ROOT, d))) if (n.endsWith('.packet')) SEEDS.push(readFileSync(join(ROOT, d, n)));
}

/** Decodes; if that works, prints it and re-encodes, checking the re-encoding is stable. */
function check(bytes: Uint8Array): void {
  let msg;
  try {
    msg = decodeMessage(bytes);
  } catch (e) {
    if (!(e instanceof SdkError)) throw e;
    return;
  }
  try {
    formatMessage(msg);
  } catch (e) {
    if (!(e instanceof SdkError)) throw e;
  }
  let again: Uint8Array;
  try {
    again = encodeMessage(msg);
  } catch (e) {
    // Some decodable inputs are not encodable (e.g. a length that no longer fits); must still be typed.
    if (!(e instanceof SdkError)) throw e;
    return;
  }
  const second = encodeMessage(decodeMessage(again));
  expect(Buffer.from(second).toString('hex')).toBe(Buffer.from(again).toString('hex'));
}

/** A header whose length matches the buffer, with a version and type that reach the decoders. */
const framed = fc
  .tuple(
    fc.constantFrom(1, 4, 5, 6),
    fc.integer({ min: 0, max: 36 }),
    fc.integer({ min: 0, max: 0xffffffff }),
    fc.uint8Array({ maxLength: 300 }),
  )
  .map(([v, t, xid, body]) => {
    const b = Buffer.alloc(8 + body.length);
    b[0] = v;
    b[1] = t;
    b.writeUInt16BE(b.length, 2);
    b.writeUInt32BE(xid, 4);
    b.set(body, 8);
    return b;
  });

const mutated = fc
  .tuple(
    fc.integer({ min: 0, max: SEEDS.length - 1 }),
    fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }),
    fc.option(fc.nat()),
  )
  .map(([i, flips, cut]) => {
    const b = Buffer.from(SEEDS[i]!);
    for (const [pos, val] of flips) if (b.length > 8) b[8 + (pos % (b.length - 8))] = val;
    const out = cut !== null && b.length > 8 ? b.subarray(0, 8 + (cut % (b.length - 8))) : b;
    out.writeUInt16BE(out.length, 2);
    return out;
  });

describe('whole-message fuzz (bounded)', () => {
  it('random framed messages: typed errors only, stable re-encoding', () => {
    fc.assert(
      fc.property(framed, (b) => check(b)),
      { numRuns: 1500, seed: 0x5eed },
    );
  });

  it('mutated and truncated real messages (Ryu corpus): typed errors only, stable re-encoding', () => {
    fc.assert(
      fc.property(mutated, (b) => check(b)),
      { numRuns: 2000, seed: 0xf00d },
    );
  });

  it('random bytes of any length: typed errors only', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (b) => check(b)),
      { numRuns: 2000, seed: 7 },
    );
  });

  it('the framer on random streams: typed errors only, and never returns a message of the wrong length', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 40 }), { maxLength: 10 }), (chunks) => {
        const f = new OfFramer();
        try {
          for (const c of chunks) for (const m of f.push(c)) expect(m.length).toBe((m[2]! << 8) | m[3]!);
        } catch (e) {
          if (!(e instanceof SdkError)) throw e;
        }
      }),
      { numRuns: 2000, seed: 11 },
    );
  });
});
