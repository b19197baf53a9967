/**
 * The validator differential at a fixed seed (issue 15, item 2): random schemas through
 * `ovsdb-tool create` and parseSchema, and for each schema both accept, random operations through a
 * real ovsdb-server (one per schema, every operation pipelined as `[op, abort]`) and validateOperations.
 * The SDK must accept exactly what the server accepts, and refuse with one of its typed errors.
 * `npx tsx fuzz/ovsdb-validator.ts [schemas] [seed] [ops]` runs it at any seed and size.
 */
import { describe, expect, test } from 'vitest';
import { runValidatorDiff, type DiffStats } from './validator-diff/runner.js';

const show = (s: DiffStats) =>
  s.disagreements
    .slice(0, 5)
    .map((d) => `${d.kind}: server ${d.server} / sdk ${d.sdk}\n  ${JSON.stringify(d.op ?? d.schema)}`)
    .join('\n');

describe('validator differential against ovsdb-server 3.1', () => {
  test('operations: 60 schemas × 60 random operations', { timeout: 180_000 }, async () => {
    const s = await runValidatorDiff({ seed: 15, schemas: 60, operationsPerSchema: 60 });
    expect(s.disagreements, show(s)).toEqual([]);
    // The draw covers both outcomes in earnest.
    expect(s.schemasAccepted).toBeGreaterThan(30);
    expect(s.operations).toBeGreaterThan(1800);
    expect(s.operationsAccepted).toBeGreaterThan(s.operations / 5);
    expect(s.operations - s.operationsAccepted).toBeGreaterThan(s.operations / 5);
  });

  test('schemas: 150 random schemas, many of them refused', { timeout: 180_000 }, async () => {
    const s = await runValidatorDiff({ seed: 16, schemas: 150, operationsPerSchema: 5, pBadSchema: 0.08 });
    expect(s.disagreements, show(s)).toEqual([]);
    expect(s.schemas - s.schemasAccepted).toBeGreaterThan(50);
    expect(s.schemasAccepted).toBeGreaterThan(20);
  });
});
