/**
 * Helpers shared by the `ovs-ofctl ofp-parse` oracle tests in this folder: one ovs-ofctl run checks
 * a whole batch of messages written back to back into one file.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';

/** One message of a batch: its encoded bytes, the text formatMessage gives for it, and a label for failures. */
export interface OracleCase {
  readonly bytes: Uint8Array;
  readonly text: string;
  readonly label: string;
}

/**
 * Writes the batch into one file (in a temp dir of its own, removed afterwards, also on failure), runs
 * `ovs-ofctl ofp-parse` once, and expects its output to be exactly the cases' texts in order; fails at
 * the first message whose text differs, naming the first differing line.
 */
export function expectOfpParse(batch: readonly OracleCase[]): void {
  const dir = mkdtempSync(join(tmpdir(), `ofp-parse-${process.pid}-`));
  try {
    const file = join(dir, 'batch.bin');
    writeFileSync(file, Buffer.concat(batch.map((c) => c.bytes)));
    let rest = execFileSync('ovs-ofctl', ['ofp-parse', file], {
      encoding: 'utf8',
      maxBuffer: 1 << 26,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    for (const c of batch) {
      const theirs = rest.slice(0, c.text.length);
      if (theirs !== c.text) {
        const a = theirs.split('\n');
        const b = c.text.split('\n');
        const k = a.findIndex((l, j) => l !== b[j]);
        expect.fail(
          `${c.label} differs at line ${k}:\n ovs:  ${a[k]}\n ours: ${b[k]}\n${Buffer.from(c.bytes).toString('hex')}`,
        );
      }
      rest = rest.slice(c.text.length);
    }
    expect(rest).toBe('');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Byte arrays as plain arrays, bigints as strings, keys sorted; the match codec's informational `codePoint` dropped. */
export function plain(v: unknown): unknown {
  if (v instanceof Uint8Array) return [...v];
  if (typeof v === 'bigint') return `${v}n`;
  if (Array.isArray(v)) return v.map(plain);
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.entries(v)
        .filter(([k]) => k !== 'codePoint')
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, x]) => [k, plain(x)]),
    );
  return v;
}
