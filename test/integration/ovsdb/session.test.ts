/** The leader-aware session on a real 3-member RAFT cluster and on standalone servers. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startOvsdbCluster, startOvsdbServer, waitFor, type OvsdbCluster } from '../../../src/testing/index.js';
import {
  OvsdbSession,
  OvsdbRemoteRejectedError,
  exponentialBackoff,
  op,
  cond,
  type SessionEvent,
  type SessionMetric,
} from '../../../src/ovsdb/index.js';

const NB = 'OVN_Northbound';
let cluster: OvsdbCluster;
beforeAll(async () => {
  cluster = await startOvsdbCluster({ schema: 'nb' });
});
afterAll(async () => {
  await cluster?.stop();
});

describe('OvsdbSession on a cluster', () => {
  test('connects to the leader only, and follows a new leader after the old one is killed', async () => {
    const events: SessionEvent[] = [];
    const metrics: SessionMetric[] = [];
    const session = await OvsdbSession.start(cluster.remotes, {
      database: NB,
      backoff: exponentialBackoff({ initialMs: 50, maxMs: 500 }),
      onEvent: (e) => events.push(e),
      onMetric: (m) => metrics.push(m),
    });
    try {
      const leader = await cluster.leader();
      expect(session.remote).toBe(cluster.members[leader]!.tcp);
      // Followers, if tried first, were rejected as not the leader.
      for (const r of events.filter((e) => e.type === 'rejected'))
        expect(['OVSDB_NOT_LEADER', 'OVSDB_NOT_CONNECTED']).toContain(
          (r as Extract<SessionEvent, { type: 'rejected' }>).error.code,
        );

      await session.transact([op.insert('Address_Set', { name: 'sess-1' })]);
      await cluster.members[leader]!.kill('SIGKILL');
      // An idempotent transaction (guarded by a wait) sent while the leader is gone lands exactly once.
      const ops = [
        op.wait('Address_Set', [cond('name', '==', 'sess-2')], ['name'], '==', [], 0),
        op.insert('Address_Set', { name: 'sess-2' }),
      ] as const;
      await session.transact(ops, { idempotent: true, readyTimeoutMs: 15_000 });
      const newLeader = await cluster.leader();
      expect(newLeader).not.toBe(leader);
      await waitFor(
        'session on the new leader',
        () => session.state === 'live' && session.remote === cluster.members[newLeader]!.tcp,
        15_000,
      );
      const [rows] = await session.transact([op.select('Address_Set', [], ['name'])]);
      const names = rows.rows.map((r) => r.name).filter((n) => String(n).startsWith('sess-'));
      expect(names.sort()).toEqual(['sess-1', 'sess-2']);
      expect(metrics.some((m) => m.type === 'reconnect')).toBe(true);
      expect(
        metrics.find((m) => m.type === 'outage'),
        JSON.stringify(metrics.filter((m) => m.type !== 'txnLatencyMs')),
      ).toBeDefined();
      const states = events.filter((e) => e.type === 'state').map((e) => (e as { state: string }).state);
      expect(states).toContain('checking');
      expect(states).toContain('live');
      await cluster.members[leader]!.start();
    } finally {
      await session.close();
    }
    expect(session.state).toBe('closed');
  }, 60_000);

  test('a follower is accepted when leaderOnly is false', async () => {
    const leader = await cluster.leader();
    const follower = cluster.members[(leader + 1) % 3]!;
    const s = await OvsdbSession.start(follower.tcp, { database: NB, leaderOnly: false });
    expect(s.remote).toBe(follower.tcp);
    await s.close();
  });
});

describe('OvsdbSession: bad remotes and give-up', () => {
  test('a wrong database name ends start at once with OVSDB_UNKNOWN_DATABASE naming the remote (no retry)', async () => {
    const server = await startOvsdbServer({ schema: 'nb' });
    const events: SessionEvent[] = [];
    try {
      const e = await OvsdbSession.start(server.unix, {
        database: 'No_Such_DB',
        backoff: exponentialBackoff({ initialMs: 10, maxAttempts: 2 }),
        onEvent: (x) => events.push(x),
      }).catch((x) => x);
      expect(e).toBeInstanceOf(OvsdbRemoteRejectedError);
      expect(e.code).toBe('OVSDB_UNKNOWN_DATABASE');
      expect(e.remote).toBe(server.unix);
      expect(e.message.split(server.unix).length - 1).toBe(1); // named once
      const rejected = events.filter((x) => x.type === 'rejected') as Extract<SessionEvent, { type: 'rejected' }>[];
      expect(rejected.length).toBe(1);
      expect(rejected[0]!.error.code).toBe('OVSDB_UNKNOWN_DATABASE');
      expect(rejected[0]!.remote).toBe(server.unix);
      expect(events.at(-1)).toMatchObject({ type: 'state', state: 'failed' });
    } finally {
      await server.stop();
    }
  });

  test('an unreachable member in the list is skipped; a standalone server is accepted', async () => {
    const server = await startOvsdbServer({ schema: 'nb' });
    try {
      const s = await OvsdbSession.start(`unix:/nonexistent/x.sock,${server.tcp}`, { database: NB });
      expect(s.remote).toBe(server.tcp);
      await s.close();
    } finally {
      await server.stop();
    }
  });

  test('an incompatible schema version is refused', async () => {
    const server = await startOvsdbServer({ schema: 'nb' });
    try {
      const events: SessionEvent[] = [];
      const e = await OvsdbSession.start(server.unix, {
        database: NB,
        schemaVersion: '99.0.0',
        onEvent: (x) => events.push(x),
      }).catch((x) => x);
      expect(e.code).toBe('OVSDB_SCHEMA_MISMATCH');
      expect(
        (events.find((x) => x.type === 'rejected') as Extract<SessionEvent, { type: 'rejected' }>).error.code,
      ).toBe('OVSDB_SCHEMA_MISMATCH');
    } finally {
      await server.stop();
    }
  });
});

describe('OvsdbSession: an outcome once unknown stays unknown', () => {
  test('an idempotent transaction cut in flight whose re-send cannot be made fails OUTCOME_UNKNOWN (cause: not ready), never as failed', async () => {
    const server = await startOvsdbServer({ schema: 'nb' });
    try {
      const retries: string[] = [];
      const s = await OvsdbSession.start(server.tcp, {
        database: NB,
        backoff: exponentialBackoff({ initialMs: 20, maxMs: 50 }),
      });
      await s.transact([op.insert('Address_Set', { name: 'warm' })]); // schema fetched, so the next one goes out at once
      process.kill(server.pid, 'SIGSTOP'); // the server takes the request but never answers
      const pending = s
        .transact([op.insert('Address_Set', { name: 'cut' })], {
          idempotent: true,
          readyTimeoutMs: 300,
          onRetry: (n, e) => retries.push(`${n}:${e.code}`),
        })
        .catch((x: unknown) => x);
      await new Promise((r) => setTimeout(r, 100));
      process.kill(server.pid, 'SIGKILL'); // the connection drops with the request in flight
      const e = (await pending) as { code: string; cause: { code: string } };
      expect(retries).toEqual(['2:OVSDB_OUTCOME_UNKNOWN']);
      expect(e.code).toBe('OVSDB_OUTCOME_UNKNOWN');
      expect(e.cause.code).toBe('OVSDB_SESSION_NOT_READY');
      // Without an unknown outcome, a ready timeout is just that.
      await expect(s.transact([op.insert('Address_Set', { name: 'x' })], { readyTimeoutMs: 50 })).rejects.toMatchObject(
        { code: 'OVSDB_SESSION_NOT_READY' },
      );
      await s.close();
    } finally {
      await server.stop();
    }
  });
});
