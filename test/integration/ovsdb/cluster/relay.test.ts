/**
 * Relays (ovsdb-server `relay:DB:REMOTES`) between the SDK and a 3-member RAFT cluster: a session over
 * two relays under the default policy reads, monitors and writes through them; with a writer streaming
 * idempotent guarded transactions, the relay in use is SIGKILLed mid-stream (the session moves to the
 * other relay), restarted, and then the cluster leader behind the relays is SIGKILLed. Afterwards,
 * read independently from the cluster: nothing reported committed is missing, nothing is duplicated,
 * and the cache equals the source. A transaction the relay canceled when its source died (it may
 * have committed) is an unknown outcome, re-sent because it is idempotent. Also: a relay of a standalone
 * server serves and forwards, and keeps serving reads while its source is gone (OVS 3.1 relays keep
 * `_Server.Database.connected` true then, so a client cannot tell from `_Server`).
 */
import { afterAll, describe, expect, test } from 'vitest';
import { OvsdbClient, cond, exponentialBackoff, op, OvsdbTransactionError } from '../../../../src/ovsdb/index.js';
import { OvsdbSession, type SessionMetric } from '../../../../src/ovsdb/session.js';
import { ReplicaCache } from '../../../../src/ovsdb/cache/index.js';
import {
  startOvsdbCluster,
  startOvsdbRelay,
  startOvsdbServer,
  waitFor,
  type OvsdbCluster,
  type OvsdbRelay,
} from '../../../../src/testing/index.js';
import type { SdkError } from '../../../../src/errors.js';

const NB = 'OVN_Northbound';
const TABLE = 'Logical_Switch';
const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const f of cleanup.reverse()) await f().catch(() => undefined);
});

async function serverNames(remote: string): Promise<string[]> {
  const c = await OvsdbClient.connect(remote);
  try {
    const [r] = await c.transact(NB, [op.select(TABLE, [], ['name'])]);
    return (r as { rows: { name: string }[] }).rows.map((x) => x.name).sort();
  } finally {
    await c.close();
  }
}

describe('relays between the session and a RAFT cluster', () => {
  test('relay killed mid-stream, restarted, source leader killed: 0 lost, 0 duplicated, cache == source', async () => {
    const cluster: OvsdbCluster = await startOvsdbCluster({ schema: 'nb', size: 3 });
    cleanup.push(() => cluster.stop());
    const relays: OvsdbRelay[] = [];
    for (let i = 0; i < 2; i++) {
      const r = await startOvsdbRelay({ database: NB, source: cluster.remotes });
      cleanup.push(() => r.stop());
      relays.push(r);
    }
    const metrics = { hits: 0, misses: 0, reconnects: 0 };
    const session = await OvsdbSession.start(
      relays.map((r) => r.tcp),
      {
        database: NB,
        backoff: exponentialBackoff({ initialMs: 50, maxMs: 500 }),
        onMetric: (m: SessionMetric) => {
          if (m.type === 'resume') m.found ? metrics.hits++ : metrics.misses++;
          else if (m.type === 'reconnect') metrics.reconnects++;
        },
      },
    );
    cleanup.push(() => session.close());
    const cache = await ReplicaCache.follow(session, { tables: { [TABLE]: ['name'] } });

    const N = 1500;
    const key = (i: number) => `rl${String(i).padStart(5, '0')}`;
    const committed = new Set<string>();
    const failed: string[] = [];
    let next = 0;
    const worker = async () => {
      for (;;) {
        const i = next++;
        if (i >= N) return;
        let retried = false;
        try {
          await session.transact(
            [op.wait(TABLE, [cond('name', '==', key(i))], ['name'], '==', [], 0), op.insert(TABLE, { name: key(i) })],
            {
              idempotent: true,
              retries: 20,
              onRetry: (_a: number, e: SdkError) => {
                if (e.code === 'OVSDB_OUTCOME_UNKNOWN') retried = true;
              },
            },
          );
          committed.add(key(i));
        } catch (e) {
          // A re-send whose first attempt had committed fails its guard: committed by the earlier attempt.
          if (retried && e instanceof OvsdbTransactionError && e.code === 'OVSDB_TIMED_OUT' && e.opIndex === 0)
            committed.add(key(i));
          else failed.push(`${key(i)}: ${(e as Error).message}`);
        }
      }
    };
    const writers = Array.from({ length: 8 }, worker);

    // 1. the relay the session is on dies mid-stream
    await waitFor('a third written', () => (committed.size >= N / 3 ? true : undefined), 120_000, 20);
    const onRelay = relays.findIndex((r) => r.tcp === session.remote);
    expect(onRelay).toBeGreaterThanOrEqual(0);
    await relays[onRelay]!.kill();
    await waitFor(
      'the session on the other relay',
      () => (session.state === 'live' && session.remote === relays[1 - onRelay]!.tcp ? true : undefined),
      30_000,
      20,
    );
    // 2. it comes back
    await relays[onRelay]!.restart();
    // 3. the cluster leader behind the relays dies
    await waitFor('two thirds written', () => (committed.size >= (2 * N) / 3 ? true : undefined), 120_000, 20);
    const leader = await cluster.leader();
    await cluster.members[leader]!.kill();
    await Promise.all(writers);
    await cluster.members[leader]!.start();

    expect(failed).toEqual([]);
    expect(committed.size).toBe(N);
    const leaderNow = cluster.members[await cluster.leader()]!;
    const onServer = await serverNames(leaderNow.tcp);
    expect(onServer.length).toBe(N); // none lost, none duplicated (Logical_Switch has no name index)
    expect(new Set(onServer).size).toBe(N);
    await waitFor('cache caught up', () => (cache.table(TABLE).size === N ? true : undefined), 30_000, 20);
    const inCache = [...cache.table(TABLE).values()].map((r) => (r as unknown as { name: string }).name).sort();
    expect(inCache).toEqual(onServer);
    expect(metrics.reconnects).toBeGreaterThanOrEqual(1);
    console.log(
      `relay test: reconnects ${metrics.reconnects}, resume found=true ${metrics.hits}, found=false ${metrics.misses}`,
    );
  }, 600_000);

  test('a relay of a standalone server serves and forwards; cut off, it still says connected (OVS 3.1)', async () => {
    const src = await startOvsdbServer({ schema: 'nb' });
    cleanup.push(() => src.stop());
    const relay = await startOvsdbRelay({ database: NB, source: src.tcp });
    cleanup.push(() => relay.stop());
    const session = await OvsdbSession.start([relay.tcp], { database: NB });
    cleanup.push(() => session.close());
    await session.transact([op.insert(TABLE, { name: 'via-relay' })]);
    expect(await serverNames(src.unix)).toEqual(['via-relay']);
    await waitFor(
      'the relay has the row',
      async () => ((await serverNames(relay.tcp)).length === 1 ? true : undefined),
      10_000,
      20,
    );
    await session.close();
    await src.stop();
    // Reads are still served from the relay's copy, and `_Server` does not say the source is gone.
    expect(await serverNames(relay.tcp)).toEqual(['via-relay']);
    expect(await relay.connected()).toBe(true);
  }, 120_000);
});
