/**
 * Fail-fast start, against a real ovsdb-server: a wrong database name ends OvsdbSession.start after one
 * attempt with OVSDB_UNKNOWN_DATABASE naming the remote once (no backoff, although the policy would
 * retry for ever); an unreachable remote is retried until `timeoutMs` and then named with its reason;
 * `signal` aborts a start; a bad remote fails before connecting; ReplicaCache.follow takes the same
 * `timeoutMs` and `signal`.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startOvsdb, type EmbeddedOvsdb, type OvsdbServer } from '../../../src/testing/index.js';
import {
  OvsdbRemoteRejectedError,
  OvsdbSession,
  OvsdbSessionNotReadyError,
  type SessionEvent,
} from '../../../src/ovsdb/index.js';
import { ReplicaCache } from '../../../src/ovsdb/cache/index.js';
import { exponentialBackoff } from '../../../src/ovsdb/backoff.js';

let server: OvsdbServer | EmbeddedOvsdb;
beforeAll(async () => {
  server = await startOvsdb({ schema: 'nb' });
});
afterAll(async () => {
  await server?.stop();
});

const occurrences = (text: string, part: string) => text.split(part).length - 1;
const missing = 'unix:/nonexistent/ovn-sdk-test/nb.sock';

describe('OvsdbSession.start fails fast', () => {
  test('a wrong database name: OVSDB_UNKNOWN_DATABASE after one attempt, naming the remote once', async () => {
    const events: SessionEvent[] = [];
    const e = await OvsdbSession.start(server.unix, {
      database: 'OVN_Nortbound',
      timeoutMs: 600_000,
      backoff: exponentialBackoff({ initialMs: 60_000 }), // a retry would outlive the test
      onEvent: (x) => events.push(x),
    }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(OvsdbRemoteRejectedError);
    const r = e as OvsdbRemoteRejectedError;
    expect(r.code).toBe('OVSDB_UNKNOWN_DATABASE');
    expect(r.remote).toBe(server.unix);
    expect(occurrences(r.message, server.unix)).toBe(1);
    expect(r.message).toContain('OVN_Nortbound');
    expect(events.filter((x) => x.type === 'rejected')).toHaveLength(1);
    expect(events.some((x) => x.type === 'state' && x.state === 'backoff')).toBe(false);
    expect(events.at(-1)).toMatchObject({ type: 'state', state: 'failed' });
  });

  test('an unreachable remote is retried until timeoutMs, then OVSDB_SESSION_NOT_READY names it and its reason once', async () => {
    const events: SessionEvent[] = [];
    const e = await OvsdbSession.start(missing, {
      database: 'OVN_Northbound',
      timeoutMs: 400,
      backoff: exponentialBackoff({ initialMs: 20, maxMs: 50 }),
      onEvent: (x) => events.push(x),
    }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(OvsdbSessionNotReadyError);
    const n = e as OvsdbSessionNotReadyError;
    expect(n.timeoutMs).toBe(400);
    expect(n.failures.map((f) => f.remote)).toEqual([missing]);
    expect(n.failures[0]!.error.code).toBe('OVSDB_CONNECT_FAILED');
    expect(occurrences(n.message, missing)).toBe(1);
    expect(events.filter((x) => x.type === 'rejected').length).toBeGreaterThan(1); // transient: retried
    expect(events.at(-1)).toMatchObject({ type: 'state', state: 'closed' });
  });

  test('a wrong database on one remote and a good one on another: the good one is used', async () => {
    const other = await startOvsdb({ schema: 'vswitch' });
    try {
      const s = await OvsdbSession.start([other.unix, server.unix], {
        database: 'OVN_Northbound',
        shuffle: false,
        timeoutMs: 10_000,
      });
      expect(s.remote).toBe(server.unix);
      await s.close();
    } finally {
      await other.stop();
    }
  });

  test('signal aborts a start: OVSDB_SESSION_CLOSED with the reason as cause', async () => {
    const ac = new AbortController();
    const stopUnbounded = new AbortController();
    const pending = OvsdbSession.start(missing, {
      database: 'OVN_Northbound',
      timeoutMs: Infinity,
      signal: stopUnbounded.signal,
      backoff: exponentialBackoff({ initialMs: 20, maxMs: 50 }),
    }).catch((x: unknown) => x);
    const late = OvsdbSession.start(missing, {
      database: 'OVN_Northbound',
      signal: ac.signal,
      backoff: exponentialBackoff({ initialMs: 20, maxMs: 50 }),
    }).catch((x: unknown) => x);
    setTimeout(() => ac.abort(new Error('operator said stop')), 100);
    const e = (await late) as { code: string; cause: Error };
    expect(e.code).toBe('OVSDB_SESSION_CLOSED');
    expect(e.cause.message).toBe('operator said stop');
    const already = await OvsdbSession.start(server.unix, {
      database: 'OVN_Northbound',
      signal: AbortSignal.abort('x'),
    }).catch((x: unknown) => x);
    expect(already).toMatchObject({ code: 'OVSDB_SESSION_CLOSED' });
    // The one without a limit is still trying: it only ends when the policy says so. Bound it here.
    const bounded = await Promise.race([pending, new Promise((r) => setTimeout(() => r('still trying'), 200))]);
    expect(bounded).toBe('still trying');
    stopUnbounded.abort();
    expect(await pending).toMatchObject({ code: 'OVSDB_SESSION_CLOSED' });
  });

  test('a bad remote fails before connecting with TRANSPORT_BAD_REMOTE', async () => {
    await expect(OvsdbSession.start('tpc:127.0.0.1:6641', { database: 'OVN_Northbound' })).rejects.toMatchObject({
      code: 'TRANSPORT_BAD_REMOTE',
    });
  });
});

describe('ReplicaCache.follow: timeoutMs and signal', () => {
  test('follows a live session; times out and aborts with typed errors', async () => {
    const s = await OvsdbSession.start(server.unix, { database: 'OVN_Northbound', timeoutMs: 10_000 });
    const c = await ReplicaCache.follow(s, { tables: ['Logical_Switch'], timeoutMs: 10_000 });
    expect(c.table('Logical_Switch').size).toBe(0);
    await c.close();
    await expect(
      ReplicaCache.follow(s, { tables: ['Logical_Switch'], signal: AbortSignal.abort(new Error('no')) }),
    ).rejects.toMatchObject({ code: 'CACHE_CLOSED' });
    await s.close();
    await expect(ReplicaCache.follow(s, { tables: ['Logical_Switch'], timeoutMs: 100 })).rejects.toMatchObject({
      code: 'OVSDB_SESSION_CLOSED',
    });
  });
});
