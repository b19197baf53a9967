/**
 * A set of addresses kept as sorted, disjoint, non-adjacent inclusive runs `[start, end]`. The IPAM keeps
 * the *free* addresses of a CIDR this way, so a fresh /64 costs one run, and N sequential allocations
 * cost nothing extra. Runs live in blocks of at most {@link BLOCK_MAX} (a flat B-tree of height 2), so a
 * set fragmented into a million runs still inserts and removes in a short splice: lookups are two
 * binary searches, taking the lowest member is O(1) amortised.
 */
export const BLOCK_MAX = 256;

interface Block {
  s: bigint[];
  e: bigint[];
}

export class RunSet {
  private readonly blocks: Block[] = [];
  private count = 0n;
  private runTotal = 0;
  private readonly blockMax: number;

  /** @param blockMax runs per block before it splits (≥ 2; small values are for tests). */
  constructor(blockMax: number = BLOCK_MAX) {
    this.blockMax = Math.max(2, Math.floor(blockMax));
  }

  /** Build from sorted, disjoint, non-adjacent runs (checked). */
  static fromSortedRuns(runs: Iterable<readonly [bigint, bigint]>, blockMax: number = BLOCK_MAX): RunSet {
    const set = new RunSet(blockMax);
    let prevEnd: bigint | undefined;
    let block: Block | undefined;
    for (const [a, b] of runs) {
      if (a > b) throw new RangeError('run start after end');
      if (prevEnd !== undefined && a <= prevEnd + 1n)
        throw new RangeError('runs not sorted, disjoint and non-adjacent');
      if (block === undefined || block.s.length >= Math.max(1, set.blockMax >>> 1)) {
        block = { s: [], e: [] };
        set.blocks.push(block);
      }
      block.s.push(a);
      block.e.push(b);
      set.count += b - a + 1n;
      set.runTotal++;
      prevEnd = b;
    }
    return set;
  }

  /** Number of addresses in the set. */
  get size(): bigint {
    return this.count;
  }

  /** Number of runs (a measure of fragmentation and of memory). */
  get runCount(): number {
    return this.runTotal;
  }

  /** Index of the last block whose first start ≤ x, or −1. */
  private blockFloor(x: bigint): number {
    const blocks = this.blocks;
    let lo = 0;
    let hi = blocks.length - 1;
    let ans = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (blocks[mid]!.s[0]! <= x) {
        ans = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return ans;
  }

  /** Index within a block of the last run whose start ≤ x (the block's first start is ≤ x). */
  private static runFloor(starts: readonly bigint[], x: bigint): number {
    let lo = 0;
    let hi = starts.length - 1;
    let ans = 0;
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

  private insertAt(bi: number, j: number, start: bigint, end: bigint): void {
    if (this.blocks.length === 0) {
      this.blocks.push({ s: [start], e: [end] });
    } else {
      const b = this.blocks[bi]!;
      b.s.splice(j, 0, start);
      b.e.splice(j, 0, end);
      if (b.s.length > this.blockMax) {
        const half = b.s.length >>> 1;
        this.blocks.splice(bi + 1, 0, { s: b.s.splice(half), e: b.e.splice(half) });
      }
    }
    this.runTotal++;
  }

  private removeAt(bi: number, j: number): void {
    const b = this.blocks[bi]!;
    if (b.s.length === 1) {
      this.blocks.splice(bi, 1);
    } else if (j === 0) {
      b.s.shift();
      b.e.shift();
    } else {
      b.s.splice(j, 1);
      b.e.splice(j, 1);
    }
    this.runTotal--;
  }

  has(x: bigint): boolean {
    const bi = this.blockFloor(x);
    if (bi < 0) return false;
    const b = this.blocks[bi]!;
    return b.e[RunSet.runFloor(b.s, x)]! >= x;
  }

  /** The smallest member, or undefined when empty. */
  lowest(): bigint | undefined {
    return this.blocks[0]?.s[0];
  }

  /** Remove and return the smallest member. */
  takeLowest(): bigint | undefined {
    const b = this.blocks[0];
    if (b === undefined) return undefined;
    const x = b.s[0]!;
    if (x === b.e[0]!) {
      this.removeAt(0, 0);
    } else {
      b.s[0] = x + 1n;
    }
    this.count -= 1n;
    return x;
  }

  /** Remove x; false when it was not a member. */
  delete(x: bigint): boolean {
    const bi = this.blockFloor(x);
    if (bi < 0) return false;
    const b = this.blocks[bi]!;
    const j = RunSet.runFloor(b.s, x);
    const s = b.s[j]!;
    const e = b.e[j]!;
    if (e < x) return false;
    if (s === e) {
      this.removeAt(bi, j);
    } else if (x === s) {
      b.s[j] = x + 1n;
    } else if (x === e) {
      b.e[j] = x - 1n;
    } else {
      b.e[j] = x - 1n;
      this.insertAt(bi, j + 1, x + 1n, e);
    }
    this.count -= 1n;
    return true;
  }

  /** Add x; false when it was already a member. */
  add(x: bigint): boolean {
    const blocks = this.blocks;
    const bi = this.blockFloor(x);
    // floor run (last run with start <= x), if any
    let fb = -1;
    let fj = -1;
    if (bi >= 0) {
      fb = bi;
      fj = RunSet.runFloor(blocks[bi]!.s, x);
      if (blocks[fb]!.e[fj]! >= x) return false;
    }
    // successor run (first run with start > x), if any
    let nb = -1;
    let nj = -1;
    if (fb < 0) {
      if (blocks.length > 0) {
        nb = 0;
        nj = 0;
      }
    } else if (fj + 1 < blocks[fb]!.s.length) {
      nb = fb;
      nj = fj + 1;
    } else if (fb + 1 < blocks.length) {
      nb = fb + 1;
      nj = 0;
    }
    const joinLeft = fb >= 0 && blocks[fb]!.e[fj]! + 1n === x;
    const joinRight = nb >= 0 && blocks[nb]!.s[nj]! - 1n === x;
    if (joinLeft && joinRight) {
      blocks[fb]!.e[fj] = blocks[nb]!.e[nj]!;
      this.removeAt(nb, nj);
    } else if (joinLeft) {
      blocks[fb]!.e[fj] = x;
    } else if (joinRight) {
      blocks[nb]!.s[nj] = x;
    } else if (fb >= 0) {
      this.insertAt(fb, fj + 1, x, x);
    } else {
      this.insertAt(0, 0, x, x);
    }
    this.count += 1n;
    return true;
  }

  /** Number of members within [a, b]. */
  countWithin(a: bigint, b: bigint): bigint {
    let n = 0n;
    for (const [s, e] of this.runs()) {
      if (s > b) break;
      const lo = s > a ? s : a;
      const hi = e < b ? e : b;
      if (lo <= hi) n += hi - lo + 1n;
    }
    return n;
  }

  /** The runs, ascending. */
  *runs(): IterableIterator<readonly [bigint, bigint]> {
    for (const b of this.blocks) {
      for (let i = 0; i < b.s.length; i++) yield [b.s[i]!, b.e[i]!];
    }
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
