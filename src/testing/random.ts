/**
 * Seeded pseudo-random generators for reproducible tests, fuzz runs and benchmarks (never for anything
 * that needs unpredictability).
 */

/** mulberry32: floats in [0, 1), e.g. for random chunking in the fault proxy. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * xorshift32 (13, 17, 5): unsigned 32-bit integers, cheap enough for byte-level mutation in fuzz loops.
 * A zero seed (which would stay zero) starts from 1.
 */
export function xorshift32(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x;
  };
}
