/**
 * RAFT on containers: a 3-member OVN_Northbound cluster, one container per member on its own network.
 * (1) The leader-kill scenario of test/integration/ovsdb/cluster/leader-kill.test.ts (bench/reliability.ts),
 * shortened to 2,000 transactions: the leader's ovsdb-server is SIGKILLed three times inside its
 * container and restarted while an OvsdbSession streams idempotent transactions and a ReplicaCache
 * follows it; nothing lost or duplicated, cache == server, resumed with found=true.
 * (2) A partition: the leader's container is disconnected from the network; the other two elect a new
 * leader and keep committing through the session; reconnected, the old leader rejoins as a follower and
 * the cache still equals the server.
 */
import { describe, expect, test } from 'vitest';
import { runLeaderKillScenario, formatFigures } from '../../bench/reliability.js';
import { startOvsdbCluster, waitFor } from '../../src/testing/index.js';
import type { ContainerCluster } from '../../src/testing/containers/index.js';
import { OvsdbClient } from '../../src/ovsdb/index.js';
import { Writer, expectCacheEqualsServer, startFollower } from '../integration/ovsdb/cluster/helpers.js';
import { harnessContainers, harnessNetworks } from './helpers.js';

describe('RAFT cluster in containers', () => {
  test('leader SIGKILLed 3× during 2,000 idempotent transactions: nothing lost or duplicated, cache == server, resumed', async () => {
    const f = await runLeaderKillScenario({ txns: 2_000, kills: 3, inFlight: 16 });
    console.log(`leader-kill figures (containers):\n${formatFigures(f)}`);
    expect(f.problems).toEqual({ lost: [], duplicated: [], failed: [] });
    expect(f.committed).toBe(2_000);
    expect(f.lost).toBe(0);
    expect(f.duplicated).toBe(0);
    expect(f.unexpected).toBe(0);
    expect(f.unknownFinal).toBe(0);
    expect(f.failed).toBe(0);
    expect(f.serverRows).toBe(2_000);
    expect(f.retried).toBeGreaterThan(0);
    expect(f.retriedPresentOnce).toBe(f.retried);
    expect(f.committedOnRetry + f.committedEarlier).toBe(f.retried);
    expect(f.outagesMs).toHaveLength(3);
    expect(f.reconnects).toBeGreaterThanOrEqual(3);
    expect(f.cacheEqualsServer).toBe(true);
    expect(f.resumeHits).toBeGreaterThanOrEqual(1);
    expect(f.resumeHits + f.resumeMisses).toBe(f.reconnects);
    expect(await harnessContainers()).toEqual([]);
  }, 600_000);

  test('partition: the leader disconnected from the network loses leadership; writes go on; it rejoins as a follower', async () => {
    const cluster = (await startOvsdbCluster({ schema: 'nb', runtime: 'container' })) as ContainerCluster;
    const network = cluster.network;
    let follower: Awaited<ReturnType<typeof startFollower>> | undefined;
    let writer: Writer | undefined;
    try {
      expect(cluster.containers).toHaveLength(3);
      expect(await harnessNetworks()).toContain(network);
      const old = await cluster.leader();
      const oldTerm = (await cluster.members[old]!.status()).term;
      follower = await startFollower(cluster.remotes);
      writer = new Writer(follower.session, 'p');
      await writer.more(20);

      await cluster.disconnect(old);
      // The two connected members elect a new leader in a higher term.
      const seen = new Map<number, string>();
      const next = await waitFor(
        'a new leader among the connected members',
        async () => {
          for (const m of cluster.members) {
            if (m.index === old) continue;
            const s = await m.status();
            seen.set(m.index, `${s.role} term ${s.term} leader ${s.leader} (${s.membership})`);
            if (s.role === 'leader' && s.term > oldTerm) return m.index;
          }
          return undefined;
        },
        30_000,
        100,
      ).catch((e: unknown) => {
        throw new Error(
          `no new leader after disconnecting m${old} (term ${oldTerm}); last seen: ${[...seen].map(([i, s]) => `m${i} ${s}`).join('; ')}`,
          { cause: e },
        );
      });
      expect(next).not.toBe(old);
      await writer.more(50, 60_000);

      await cluster.reconnect(old);
      await waitFor(
        'the old leader back as a follower',
        async () => {
          const s = await cluster.members[old]!.status();
          return s.role === 'follower' && s.leader !== 'unknown' && /cluster member/.test(s.membership)
            ? true
            : undefined;
        },
        60_000,
        100,
      );
      await writer.more(20);
      // Every committed row is on the rejoined member too (read through its own client port).
      await writer.pause();
      const names = new Set(writer.committed.map((c) => c.name));
      const direct = await OvsdbClient.connect(cluster.members[old]!.tcp);
      try {
        await waitFor(
          'the rejoined member to hold every committed row',
          async () => {
            const [r] = (await direct.transact('OVN_Northbound', [
              { op: 'select', table: 'Address_Set', where: [], columns: ['name'] },
            ])) as [{ rows: { name: string }[] }];
            const have = new Set(r.rows.map((x) => x.name));
            for (const n of names) if (!have.has(n)) return undefined;
            return true;
          },
          30_000,
          100,
        );
      } finally {
        await direct.close();
        writer.resume();
      }
      await expectCacheEqualsServer(follower, writer, cluster.members[next]!.tcp);
    } finally {
      await writer?.stop();
      await follower?.close();
      await cluster.stop();
    }
    expect(await harnessContainers()).toEqual([]);
    expect(await harnessNetworks()).not.toContain(network);
  }, 300_000);
});
