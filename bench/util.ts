/** Small helpers shared by the benchmarks. */

/** Runs `fn` repeatedly for about `ms` milliseconds after a warm-up; returns per-run times in ms. */
export function sample(fn: () => void, runs = 15, warmup = 3): number[] {
  for (let i = 0; i < warmup; i++) fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    out.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return out;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function fmt(n: number, digits = 2): string {
  return n.toFixed(digits);
}
