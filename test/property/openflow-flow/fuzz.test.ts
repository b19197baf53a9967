/**
 * Random and mutated bytes into the match / action / instruction decoders: either a value or a
 * typed SdkError, never a built-in exception, never a hang. Bounded here; fuzz/openflow-flow.ts
 * runs ≥ 10⁶ cases outside the suite.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SdkError } from '../../../src/errors.js';
import {
  readActions,
  readInstructions,
  actionsLength,
  writeActions,
  instructionsLength,
  writeInstructions,
} from '../../../src/openflow/actions/index.js';
import { readMatch, readOxmFields, readMatch10, matchLength, writeMatch } from '../../../src/openflow/match/index.js';
import { formatActions, formatInstructions } from '../../../src/openflow/actions/index.js';
import { formatMatch } from '../../../src/openflow/match/index.js';
import { parseFlow } from '../../../src/openflow/text/index.js';
import { ByteReader, ByteWriter, fromHex } from '../../../src/wire/index.js';
import { loadActionSets } from '../../unit/openflow-flow/vectors.js';

const VERSIONS = [1, 4, 6] as const;
const SEEDS = loadActionSets()
  .flatMap((s) => s.vectors.map((v) => v.hex))
  .filter((h) => h.length % 2 === 0)
  .map((h) => fromHex(h));

/** Runs fn; a thrown error must be an SdkError. Decoded values must format and re-encode without a built-in error. */
function typedOnly(fn: () => void): void {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof SdkError)) throw e;
  }
}

const mutated = fc
  .tuple(
    fc.constantFrom(...SEEDS),
    fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }),
    fc.nat(64),
  )
  .map(([seed, flips, cut]) => {
    const b = Uint8Array.from(seed);
    for (const [i, v] of flips) if (b.length) b[i % b.length] = v;
    return b.subarray(0, Math.max(0, b.length - (cut % 9)));
  });
const bytesArb = fc.oneof(fc.uint8Array({ maxLength: 96 }), mutated);

describe('decoders on garbage', () => {
  it('actions / instructions: typed errors only, decoded values re-encode', () => {
    fc.assert(
      fc.property(bytesArb, fc.constantFrom(...VERSIONS), (b, v) => {
        typedOnly(() => {
          const list = readActions(new ByteReader(b), b.length, v);
          formatActions(list);
          const w = ByteWriter.alloc(actionsLength(list, v));
          writeActions(w, list, v);
        });
        typedOnly(() => {
          const list = readInstructions(new ByteReader(b), b.length, v);
          formatInstructions(list);
          const w = ByteWriter.alloc(instructionsLength(list, v));
          writeInstructions(w, list, v);
        });
      }),
      { numRuns: 3000, seed: 0xf1 },
    );
  });
  it('matches: typed errors only', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), fc.constantFrom(4, 6) as fc.Arbitrary<4 | 6>, (b, v) => {
        const framed = new Uint8Array(b.length + 4);
        framed.set([0, 1, (b.length + 4) >> 8, (b.length + 4) & 0xff]);
        framed.set(b, 4);
        for (const input of [b, framed]) {
          typedOnly(() => {
            const m = readMatch(new ByteReader(input), v);
            formatMatch(m);
            const w = ByteWriter.alloc(matchLength(m, v));
            writeMatch(w, m, v);
          });
          typedOnly(() => formatMatch(readOxmFields(new ByteReader(input), input.length)));
          typedOnly(() => formatMatch(readMatch10(new ByteReader(input))));
        }
      }),
      { numRuns: 3000, seed: 0xf2 },
    );
  });
  it('flow text: typed errors only', () => {
    const alphabet = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789=,:/()[]._->+ '.split(''));
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 60 }).map((a) => a.join('')),
        (t) => {
          typedOnly(() => parseFlow(t, 4));
          typedOnly(() => parseFlow(`ip,${t} actions=${t}`, 6));
        },
      ),
      { numRuns: 3000, seed: 0xf3 },
    );
  });
  it('a never-ending action length is rejected, not looped on', () => {
    expect(() => readActions(new ByteReader(Uint8Array.of(0, 0, 0, 0, 0, 0, 0, 0)), 8, 4)).toThrow(SdkError);
  });
});
