/**
 * Membership changes on a real 3-member RAFT cluster while a leader-only session with a replica cache
 * follows it and a writer streams idempotent inserts through the session: a follower restarted, a
 * member removed (`cluster/leave`) and re-added at a new address (also with a second session, accepting
 * followers, on that very member), leadership transferred
 * (`cluster/failure-test transfer-leadership`, then `cluster/leave` on the leader), the election timer
 * raised and lowered. After each: the session is live on the leader, the cache was kept (row objects
 * kept, only the writer's inserts as events), the cache equals the server, and writes continue.
 * The steps run in order on one cluster (each builds on the state the previous one left).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  startOvsdbCluster,
  restartMember,
  removeMember,
  rejoinMember,
  transferLeadership,
  setElectionTimer,
  electionTimer,
  waitFor,
  type OvsdbCluster,
} from '../../../../src/testing/index.js';
import { op } from '../../../../src/ovsdb/index.js';
import {
  Writer,
  seedForHistory,
  expectCacheEqualsServer,
  expectCacheKept,
  outagesSince,
  startFollower,
  type Follower,
} from './helpers.js';

let cluster: OvsdbCluster | undefined;
let f: Follower | undefined;
let writer: Writer | undefined;
let sentinel: { readonly _uuid: string } | undefined;
/** Per step: the session's outage and the writer's longest gap between two commits. */
const figures: { step: string; reconnects: number; outageMs: number[]; writeGapMs: number; resumes: string[] }[] = [];

beforeAll(async () => {
  cluster = await startOvsdbCluster({ schema: 'nb' });
  await seedForHistory(cluster.members[await cluster.leader()]!.tcp, [
    op.insert('Address_Set', { name: 'sentinel', addresses: ['set', ['10.0.0.1']] }),
  ]);
  f = await startFollower(cluster.remotes);
  sentinel = f.cache.table('Address_Set').filter((r) => r.name === 'sentinel')[0];
  expect(sentinel).toBeDefined();
  writer = new Writer(f.session, `m${process.pid}`);
  await writer.more(5);
}, 60_000);

afterAll(async () => {
  await writer?.stop().catch(() => undefined);
  await f?.close().catch(() => undefined);
  await cluster?.stop();
  if (figures.length)
    console.info(
      `cluster membership figures (ms):\n${figures.map((x) => `  ${x.step}: reconnects=${x.reconnects} session outage=${JSON.stringify(x.outageMs)} longest write gap=${x.writeGapMs} resumes=${JSON.stringify(x.resumes)}`).join('\n')}`,
    );
}, 60_000);

/** Runs `fault`, then checks what must hold after any membership change. */
async function step(name: string, fault: () => Promise<void>, expectMove: boolean): Promise<void> {
  const c = cluster!;
  const fo = f!;
  const w = writer!;
  const t0 = Date.now();
  const reconnectsBefore = fo.metrics.filter((m) => m.type === 'reconnect').length;
  const resumesBefore = fo.resumes.length;
  const remoteBefore = fo.session.remote;
  await fault();
  const leader = c.members[await c.leader()]!;
  // The session is live on the (possibly new) leader.
  await waitFor(
    `session live on the leader ${leader.tcp}`,
    () => fo.session.state === 'live' && fo.session.remote === leader.tcp,
    30_000,
    10,
  );
  // Writes continue through the session.
  await w.more(10);
  await expectCacheEqualsServer(fo, w, leader.tcp);
  expectCacheKept(fo, sentinel!);
  const reconnects = fo.metrics.filter((m) => m.type === 'reconnect').length - reconnectsBefore;
  const resumes = fo.resumes.slice(resumesBefore);
  if (expectMove) {
    expect(fo.session.remote).not.toBe(remoteBefore);
    expect(reconnects).toBeGreaterThanOrEqual(1);
    // Each reconnect resumed the same cache (before the session was live again), and each resumed
    // incrementally: monitor_cond_since found the cache's last txn id in the new leader's history
    // (every member keeps the history of the transactions it applied; the bulk in beforeAll keeps it
    // from being trimmed), so only the changes since were sent — no full contents.
    expect(resumes.length).toBe(reconnects);
    expect(resumes.map((r) => r.found)).toEqual(resumes.map(() => true));
  } else {
    // Nothing happened to the leader: the session stayed where it was.
    expect(fo.session.remote).toBe(remoteBefore);
    expect(reconnects).toBe(0);
  }
  figures.push({
    step: name,
    reconnects,
    outageMs: outagesSince(fo, t0),
    writeGapMs: w.longestGapSince(t0),
    resumes: resumes.map((r) => `found=${r.found}`),
  });
}

const follower = async (): Promise<number> => {
  const l = await cluster!.leader();
  return cluster!.members.findIndex((m) => m.index !== l && m.running);
};

describe('membership changes on a 3-member cluster, session + cache following', () => {
  test('(a) a follower restarted (SIGKILL, then started again): the session stays on the leader', async () => {
    await step(
      'restart follower',
      async () => {
        const i = await follower();
        const st = await restartMember(cluster!, i, { signal: 'SIGKILL' });
        expect(st.membership).toBe('cluster member');
      },
      false,
    );
  }, 90_000);

  test('(b) a follower removed with cluster/leave and re-added at a new RAFT address', async () => {
    await step(
      'remove + re-add follower',
      async () => {
        const i = await follower();
        const oldRaft = cluster!.members[i]!.raft;
        const sid = await removeMember(cluster!, i);
        // the others no longer list it
        for (const m of cluster!.members) {
          if (m.index === i) continue;
          expect((await m.status()).servers.map((s) => s.sid)).not.toContain(sid);
        }
        // writes continue with two members left
        await writer!.more(5);
        const st = await rejoinMember(cluster!, i, { newAddress: true });
        expect(cluster!.members[i]!.raft).not.toBe(oldRaft);
        expect(st.sid).not.toBe(sid);
        const leaderServers = (await cluster!.members[await cluster!.leader()]!.status()).servers;
        expect(leaderServers.map((s) => s.address)).toContain(cluster!.members[i]!.raft);
        expect(leaderServers).toHaveLength(3);
      },
      false,
    );
  }, 90_000);

  test('(b2) a session accepting followers, on the member that is removed, moves to another member and keeps its cache', async () => {
    const c = cluster!;
    const i = await follower();
    const x = c.members[i]!;
    const others = c.members.filter((m) => m.index !== i);
    const g = await startFollower([x.tcp, ...others.map((m) => m.tcp)].join(','), {
      leaderOnly: false,
      shuffle: false,
    });
    try {
      expect(g.session.remote).toBe(x.tcp);
      const s = g.cache.table('Address_Set').filter((r) => r.name === 'sentinel')[0]!;
      const t0 = Date.now();
      await removeMember(c, i);
      // the member no longer serves the database: the session leaves it
      await waitFor(
        'the session off the removed member',
        () => g.session.state === 'live' && g.session.remote !== x.tcp,
        30_000,
        10,
      );
      await writer!.more(10);
      await expectCacheEqualsServer(g, writer!, c.members[await c.leader()]!.tcp);
      expectCacheKept(g, s);
      expect(g.resumes.length).toBeGreaterThanOrEqual(1);
      expect(g.resumes.map((r) => r.found)).toEqual(g.resumes.map(() => true));
      const reasons = g.sessionEvents
        .filter((e) => e.at >= t0 && e.type === 'rejected')
        .map((e) => (e as { error: { code: string } }).error.code);
      await rejoinMember(c, i); // before the assertions below, so a failure here does not cascade into later steps
      // A leaving member reports `connected: false` at once (then drops the database): the session
      // moved on that, and refused the member while it was still leaving. A retry that reaches the member
      // while it is being stopped sees its connection closed or refused instead.
      expect(reasons.length).toBeGreaterThanOrEqual(1);
      expect(['OVSDB_NOT_CONNECTED', 'OVSDB_UNKNOWN_DATABASE']).toContain(reasons[0]);
      for (const r of reasons)
        expect([
          'OVSDB_NOT_CONNECTED',
          'OVSDB_UNKNOWN_DATABASE',
          'OVSDB_CLIENT_CLOSED',
          'OVSDB_CONNECT_FAILED',
          'TRANSPORT_CONNECT_FAILED',
        ]).toContain(r);
      figures.push({
        step: 'remove the member a leaderOnly:false session is on',
        reconnects: g.resumes.length,
        outageMs: outagesSince(g, t0),
        writeGapMs: writer!.longestGapSince(t0),
        resumes: [...g.resumes.map((r) => `found=${r.found}`), ...reasons.map((r) => `rejected ${r}`)],
      });
    } finally {
      await g.close();
    }
  }, 90_000);

  test('(c1) leadership transferred with cluster/failure-test transfer-leadership: the session follows', async () => {
    await step(
      'transfer (failure-test)',
      async () => {
        const { from, to } = await transferLeadership(cluster!, { method: 'failure-test' });
        expect(to).not.toBe(from);
        // the old leader stays a member
        expect((await cluster!.members[from]!.status()).membership).toBe('cluster member');
      },
      true,
    );
  }, 90_000);

  test('(c2) the leader leaves with cluster/leave: the session follows; the old leader re-added at its address', async () => {
    let from = -1;
    await step(
      'transfer (leader cluster/leave)',
      async () => {
        const r = await transferLeadership(cluster!, { method: 'leave' });
        from = r.from;
        expect(cluster!.members[from]!.running).toBe(false);
      },
      true,
    );
    await rejoinMember(cluster!, from);
    await writer!.more(5);
    const leader = cluster!.members[await cluster!.leader()]!;
    expect((await leader.status()).servers).toHaveLength(3);
  }, 90_000);

  test('(d) the election timer raised to 4000 ms and lowered to 250 ms, stepwise through the leader', async () => {
    await step(
      'election timer 1000→4000',
      async () => {
        await setElectionTimer(cluster!, 4000);
        expect(await electionTimer(cluster!)).toBe(4000);
      },
      false,
    );
    await step(
      'election timer 4000→250',
      async () => {
        await setElectionTimer(cluster!, 250);
        expect(await electionTimer(cluster!)).toBe(250);
        // every member applied it
        for (const m of cluster!.members)
          await waitFor(
            `member ${m.index} timer`,
            async () => ((await m.status()).electionTimerMs === 250 ? true : undefined),
            10_000,
          );
      },
      false,
    );
    // With the short timer, a transfer is followed just the same.
    await step('transfer at 250 ms timer', async () => void (await transferLeadership(cluster!)), true);
  }, 120_000);

  test('afterwards: no write lost or duplicated, and the resumes are recorded', async () => {
    await expectCacheEqualsServer(f!, writer!, cluster!.members[await cluster!.leader()]!.tcp);
    expect(writer!.committed.length).toBeGreaterThan(50);
    // at least one reconnect resumed with found=true (each step checked its own)
    expect(f!.resumes.some((r) => r.found)).toBe(true);
    // the cache's own count agrees with the session's resume metrics
    expect(f!.cache.resumes).toEqual({
      hits: f!.resumes.filter((r) => r.found).length,
      misses: f!.resumes.filter((r) => !r.found).length,
    });
  }, 60_000);
});
