/**
 * A fixed-seed slice of the hostile-stream fuzz run (fuzz/jsonrpc-streams.ts, 10⁶ streams outside the
 * suite): the real OVSDB client over an in-memory stream fed hostile bytes. Every call settles, every
 * rejection is a typed SdkError, nothing escapes.
 */
import { expect, test } from 'vitest';
import { fuzzStreams } from '../../../fuzz/jsonrpc-streams.js';

test('2,000 hostile JSON-RPC streams (seed 7) end with typed errors only', async () => {
  const r = await fuzzStreams(2000, 7);
  expect(r.failures).toEqual([]);
  expect(r.streams).toBe(2000);
  // The slice reaches the hardened paths, not just the easy ones.
  for (const code of ['JSONRPC_MALFORMED', 'JSONRPC_PROTOCOL', 'JSONRPC_VALUE_LIMIT', 'OVSDB_OUTCOME_UNKNOWN'])
    expect(r.outcomes[code] ?? 0).toBeGreaterThan(0);
  expect(r.outcomes.resolved ?? 0).toBeGreaterThan(0);
}, 120_000);

// Seed 1's stream 2198 answers a transact with a malformed result nested thousands of levels deep: the
// result check's error message once stringified it unbounded (RangeError, an untyped rejection).
test('seed 1 through stream 2,200: a deeply nested malformed transact result is a typed error', async () => {
  const r = await fuzzStreams(2200, 1);
  expect(r.failures).toEqual([]);
  expect(r.outcomes.OVSDB_MALFORMED_RESULT ?? 0).toBeGreaterThan(0);
}, 120_000);
