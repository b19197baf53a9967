/**
 * A set of addresses kept as sorted, disjoint, non-adjacent inclusive runs `[start, end]`. The IPAM keeps
 * the *free* addresses of a CIDR this way, so a fresh /64 costs one run, and N sequential allocations
 * cost nothing extra. Lookups are binary searches; taking the lowest member is O(1) unless a run
 * empties (array shift); adding/removing inside a run may splice.
 */
export class RunSet {
  private readonly starts: bigint[] = [];
  private readonly ends: bigint[] = [];
  private count = 0n;

  /** Build from sorted, disjoint, non-adjacent runs (checked). */
  static fromSortedRuns(runs: Iterable<readonly [bigint, bigint]>): RunSet {
    const s = new RunSet();
    for (const [a, b] of runs) {
      const n = s.starts.length;
      if (a > b) throw new RangeError('run start after end');
      if (n > 0 && a <= s.ends[n - 1]! + 1n) throw new RangeError('runs not sorted, disjoint and non-adjacent');
      s.starts.push(a);
      s.ends.push(b);
      s.count += b - a + 1n;
    }
    return s;
  }

  /** Number of addresses in the set. */
  get size(): bigint {
    return this.count;
  }

  /** Number of runs (a measure of fragmentation and of memory). */
  get runCount(): number {
    return this.starts.length;
  }

  /** Index of the last run whose start ≤ x, or −1. */
  private floor(x: bigint): number {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    let ans = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (starts[mid]! <= x) {
        ans = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return ans;
  }

  has(x: bigint): boolean {
    const i = this.floor(x);
    return i >= 0 && this.ends[i]! >= x;
  }

  /** The smallest member, or undefined when empty. */
  lowest(): bigint | undefined {
    return this.starts[0];
  }

  /** Remove and return the smallest member. */
  takeLowest(): bigint | undefined {
    if (this.starts.length === 0) return undefined;
    const x = this.starts[0]!;
    if (x === this.ends[0]!) {
      this.starts.shift();
      this.ends.shift();
    } else {
      this.starts[0] = x + 1n;
    }
    this.count -= 1n;
    return x;
  }

  /** Remove x; false when it was not a member. */
  delete(x: bigint): boolean {
    const i = this.floor(x);
    if (i < 0) return false;
    const s = this.starts[i]!;
    const e = this.ends[i]!;
    if (e < x) return false;
    if (s === e) {
      this.starts.splice(i, 1);
      this.ends.splice(i, 1);
    } else if (x === s) {
      this.starts[i] = x + 1n;
    } else if (x === e) {
      this.ends[i] = x - 1n;
    } else {
      this.ends[i] = x - 1n;
      this.starts.splice(i + 1, 0, x + 1n);
      this.ends.splice(i + 1, 0, e);
    }
    this.count -= 1n;
    return true;
  }

  /** Add x; false when it was already a member. */
  add(x: bigint): boolean {
    const i = this.floor(x);
    if (i >= 0 && this.ends[i]! >= x) return false;
    const joinLeft = i >= 0 && this.ends[i]! + 1n === x;
    const joinRight = i + 1 < this.starts.length && this.starts[i + 1]! - 1n === x;
    if (joinLeft && joinRight) {
      this.ends[i] = this.ends[i + 1]!;
      this.starts.splice(i + 1, 1);
      this.ends.splice(i + 1, 1);
    } else if (joinLeft) {
      this.ends[i] = x;
    } else if (joinRight) {
      this.starts[i + 1] = x;
    } else {
      this.starts.splice(i + 1, 0, x);
      this.ends.splice(i + 1, 0, x);
    }
    this.count += 1n;
    return true;
  }

  /** Number of members within [a, b]. */
  countWithin(a: bigint, b: bigint): bigint {
    let n = 0n;
    let i = Math.max(0, this.floor(a));
    for (; i < this.starts.length; i++) {
      const s = this.starts[i]!;
      const e = this.ends[i]!;
      if (s > b) break;
      const lo = s > a ? s : a;
      const hi = e < b ? e : b;
      if (lo <= hi) n += hi - lo + 1n;
    }
    return n;
  }

  /** The runs, ascending. */
  *runs(): IterableIterator<readonly [bigint, bigint]> {
    for (let i = 0; i < this.starts.length; i++) yield [this.starts[i]!, this.ends[i]!];
  }
}

/** Sort and merge possibly overlapping or adjacent runs into sorted, disjoint, non-adjacent runs. */
export function mergeRuns(runs: Iterable<readonly [bigint, bigint]>): Array<readonly [bigint, bigint]> {
  const sorted = [...runs].sort((p, q) => (p[0] < q[0] ? -1 : p[0] > q[0] ? 1 : 0));
  const out: Array<[bigint, bigint]> = [];
  for (const [a, b] of sorted) {
    const top = out[out.length - 1];
    if (top !== undefined && a <= top[1] + 1n) {
      if (b > top[1]) top[1] = b;
    } else {
      out.push([a, b]);
    }
  }
  return out;
}

/** [lo, hi] minus the sorted disjoint runs `holes`, as sorted runs. */
export function subtractRuns(
  lo: bigint,
  hi: bigint,
  holes: Iterable<readonly [bigint, bigint]>,
): Array<readonly [bigint, bigint]> {
  const out: Array<readonly [bigint, bigint]> = [];
  let cur = lo;
  for (const [a, b] of holes) {
    if (b < cur) continue;
    if (a > hi) break;
    if (a > cur) out.push([cur, a - 1n]);
    cur = b + 1n;
    if (cur > hi) return out;
  }
  if (cur <= hi) out.push([cur, hi]);
  return out;
}
