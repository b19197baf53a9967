/**
 * A fixed-seed slice of the hostile-message fuzz run (fuzz/server-messages.ts, 10⁶ messages outside the
 * suite): the embedded server in process, fed malformed, oversized and semantically hostile JSON-RPC
 * over in-memory streams. No exception escapes, no request fails inside the server, every reply is a
 * valid JSON-RPC message, no connection leaks, and the server keeps answering.
 */
import { expect, test } from 'vitest';
import { fuzzServer } from '../../../fuzz/server-messages.js';

test('20,000 hostile client messages (seed 1) get RFC 7047 errors or a logged close, never a crash', async () => {
  const r = await fuzzServer({ count: 20_000, seed: 1 });
  expect(r.failures).toEqual([]);
  expect(r.messages).toBe(20_000);
  // The slice reaches deep paths, not just the framing checks: every kind of close, committed and
  // refused transactions, errors per operation, lock notifications.
  for (const reason of ['framing', 'bad JSON', 'received bad JSON-RPC message', 'received unexpected reply message'])
    expect(r.closes[reason] ?? 0).toBeGreaterThan(0);
  for (const kind of [
    'ok',
    'error: unknown method',
    'error: unknown database',
    'error: unknown monitor',
    'op syntax error',
    'op constraint violation',
    'op referential integrity violation',
    'notify locked',
    'notify stolen',
  ])
    expect(r.replies[kind] ?? 0).toBeGreaterThan(0);
  expect(r.replies.ok).toBeGreaterThan(2000);
}, 180_000);
