/**
 * The session's reconnect policy, exponentialBackoff: pure, so checked over the whole option range
 * with fast-check (bounded runs): every delay lies in [d·(1−jitter), d] with d = min(maxMs,
 * initialMs·factor^(attempt−1)); maxAttempts gives up exactly after that many; a seeded random
 * source makes it reproducible.
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { exponentialBackoff } from '../../../src/ovsdb/backoff.js';

describe('exponentialBackoff', () => {
  test('delays stay within the jitter band of the capped exponential', () => {
    fc.assert(
      fc.property(
        fc.record({
          initialMs: fc.integer({ min: 0, max: 10_000 }),
          maxMs: fc.integer({ min: 0, max: 120_000 }),
          factor: fc.double({ min: 1, max: 4, noNaN: true }),
          jitter: fc.double({ min: -1, max: 2, noNaN: true }),
        }),
        fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        (o, draws, skip) => {
          let i = 0;
          const policy = exponentialBackoff({ ...o, random: () => draws[i++ % draws.length]! });
          const j = Math.min(1, Math.max(0, o.jitter));
          // A run of attempts starting anywhere, up to a million (a very long outage: factor^n overflows).
          for (let attempt = skip + 1; attempt <= skip + draws.length; attempt++) {
            const d = o.initialMs === 0 ? 0 : Math.min(o.maxMs, o.initialMs * o.factor ** (attempt - 1));
            const got = policy(attempt)!;
            expect(Number.isInteger(got)).toBe(true);
            expect(got).toBeGreaterThanOrEqual(Math.floor(d * (1 - j)));
            expect(got).toBeLessThanOrEqual(Math.ceil(d));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  test('gives up exactly after maxAttempts, never before', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50 }), (max) => {
        const policy = exponentialBackoff({ maxAttempts: max, random: () => 0.5 });
        for (let a = 1; a <= max; a++) expect(policy(a)).toBeTypeOf('number');
        expect(policy(max + 1)).toBeUndefined();
        expect(policy(max + 7)).toBeUndefined();
      }),
      { numRuns: 100 },
    );
  });

  test('defaults: 100 ms doubling to 8 s, full jitter, never gives up; same seed, same delays', () => {
    const top = exponentialBackoff({ random: () => 0 });
    expect([1, 2, 3, 7, 8, 30, 1000].map(top)).toEqual([100, 200, 400, 6400, 8000, 8000, 8000]);
    expect(exponentialBackoff({ random: () => 0.999999 })(3)).toBe(0);
    const seq = (seed: number) => {
      let a = seed;
      const rnd = () => (a = (a * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
      const p = exponentialBackoff({ random: rnd });
      return Array.from({ length: 12 }, (_, i) => p(i + 1));
    };
    expect(seq(42)).toEqual(seq(42));
    expect(seq(42)).not.toEqual(seq(43));
  });
});
