/**
 * Reliability on a real 3-member RAFT cluster: a writer streams N idempotent transactions through an
 * {@link OvsdbSession} (a few in flight at once) while the cluster leader is SIGKILLed K times and
 * restarted; a {@link ReplicaCache} follows the session. Afterwards the server is read independently
 * and every outcome the client reported is checked against it. The same scenario is the integration
 * test test/integration/ovsdb/cluster/leader-kill.test.ts (which asserts on these figures).
 *
 *   npx tsx bench/reliability.ts [txns=10000] [kills=3] [inFlight=16] [electionTimerMs=1000]
 *
 * Each transaction inserts one Logical_Switch (a table with no name index: the server itself would
 * not stop a duplicate) named by a unique key, guarded by `wait` (until == [] on that name), so that a
 * re-send after an unknown outcome cannot insert it twice: when the first attempt had committed, the
 * re-send's guard fails ("timed out"), which the writer records as "committed by an earlier attempt".
 */
import { startOvsdbCluster, setElectionTimer, waitFor, type OvsdbCluster } from '../src/testing/index.js';
import { OvsdbClient, op, cond, exponentialBackoff, OvsdbTransactionError } from '../src/ovsdb/index.js';
import { OvsdbSession, type SessionMetric } from '../src/ovsdb/session.js';
import { ReplicaCache } from '../src/ovsdb/cache/index.js';
import type { SdkError } from '../src/errors.js';

const NB = 'OVN_Northbound';
const TABLE = 'Logical_Switch';

export interface ReliabilityOptions {
  /** Transactions to write (default 10,000). */
  readonly txns?: number;
  /** Leader kills (default 3), spread evenly over the run. */
  readonly kills?: number;
  /** Transactions in flight at once (default 16). */
  readonly inFlight?: number;
  /** RAFT election timer, ms (default 1000, the server's default). */
  readonly electionTimerMs?: number;
  /** Progress lines (default: none). */
  readonly log?: (line: string) => void;
}

/** How the client reported one transaction. */
export type Outcome =
  /** committed at the first attempt */
  | 'committed'
  /** outcome unknown, re-sent, and the re-send committed */
  | 'committed-on-retry'
  /** outcome unknown, re-sent, and the re-send's guard found the row: an earlier attempt had committed */
  | 'committed-earlier'
  /** still unknown after every re-send */
  | 'unknown'
  /** failed for another reason */
  | 'failed';

export interface ReliabilityFigures {
  readonly txns: number;
  readonly kills: number;
  readonly inFlight: number;
  readonly electionTimerMs: number;
  readonly durationMs: number;
  /** Transactions the client reported as committed (all three committed outcomes). */
  readonly committed: number;
  /** Of those, how many had an unknown outcome first and were re-sent. */
  readonly retried: number;
  readonly committedOnRetry: number;
  readonly committedEarlier: number;
  readonly unknownFinal: number;
  readonly failed: number;
  /** Reported committed but absent from the server. Must be 0. */
  readonly lost: number;
  /** Keys present more than once on the server. Must be 0. */
  readonly duplicated: number;
  /** Re-sent transactions present exactly once (should equal `retried`). */
  readonly retriedPresentOnce: number;
  /** Rows on the server that no transaction of the writer accounts for. Must be 0. */
  readonly unexpected: number;
  /** Longest time with no transaction completing, ms (the write outage a kill causes). */
  readonly longestOutageMs: number;
  /** Per kill: from the SIGKILL to the first commit after the session is live on the new leader, ms. */
  readonly outagesMs: readonly number[];
  /** Per kill: from the SIGKILL until `cluster/status` of a surviving member says it is the leader, ms (polled every 20 ms). */
  readonly electedMs: readonly number[];
  readonly resumeHits: number;
  readonly resumeMisses: number;
  readonly reconnects: number;
  /** Remotes the session tried and refused, by reason (followers while the cluster elects, members behind…). */
  readonly rejected: Readonly<Record<string, number>>;
  /** Cache rows vs server rows (uuid and name of each) equal after the run. */
  readonly cacheEqualsServer: boolean;
  readonly serverRows: number;
  readonly cacheRows: number;
  /** Committed transactions per second over the whole run (kills included). */
  readonly txnPerSec: number;
  /** Keys behind a non-zero `lost`/`duplicated`/`failed`, for diagnosis (first 20 of each). */
  readonly problems: {
    readonly lost: readonly string[];
    readonly duplicated: readonly string[];
    readonly failed: readonly string[];
  };
}

const keyOf = (i: number) => `rk${String(i).padStart(6, '0')}`;

async function waitRejoined(cluster: OvsdbCluster, index: number): Promise<void> {
  const m = cluster.members[index]!;
  await waitFor(
    `member ${index} back as a follower`,
    async () => {
      const s = await m.status();
      return s.role === 'follower' && s.leader !== 'unknown' && /Status: cluster member/.test(s.raw) ? true : undefined;
    },
    30_000,
    50,
  );
}

/** Runs the scenario on a fresh cluster and stops everything it started. */
export async function runLeaderKillScenario(o: ReliabilityOptions = {}): Promise<ReliabilityFigures> {
  const txns = o.txns ?? 10_000;
  const kills = o.kills ?? 3;
  const inFlight = o.inFlight ?? 16;
  const electionTimerMs = o.electionTimerMs ?? 1000;
  const log = o.log ?? (() => {});
  const cluster = await startOvsdbCluster({ schema: 'nb', size: 3 });
  let session: OvsdbSession | undefined;
  let cache: ReplicaCache | undefined;
  try {
    if (electionTimerMs !== 1000) await setElectionTimer(cluster, electionTimerMs);
    const metrics = { hits: 0, misses: 0, reconnects: 0 };
    const reconnectTimes: number[] = [];
    const rejected: Record<string, number> = {};
    session = await OvsdbSession.start(cluster.remotes, {
      database: NB,
      backoff: exponentialBackoff({ initialMs: 50, maxMs: 500 }),
      onEvent: (e) => {
        if (e.type === 'rejected') rejected[e.error.code] = (rejected[e.error.code] ?? 0) + 1;
      },
      onMetric: (m: SessionMetric) => {
        if (m.type === 'resume') {
          if (m.found) metrics.hits++;
          else metrics.misses++;
        } else if (m.type === 'reconnect') {
          metrics.reconnects++;
          reconnectTimes.push(performance.now());
        }
      },
    });
    const s = session;
    cache = (await ReplicaCache.follow(s, { tables: { [TABLE]: ['name'] } })) as unknown as ReplicaCache;

    const outcome: (Outcome | undefined)[] = new Array(txns);
    const retriedKeys = new Set<number>();
    const failures: string[] = [];
    let done = 0;
    let lastCommit = performance.now();
    let longestGap = 0;
    const killTimes: number[] = [];
    const commitTimes: number[] = [];
    const electedMs: number[] = [];
    const t0 = performance.now();
    const completed = () => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - lastCommit);
      lastCommit = now;
      commitTimes.push(now);
      done++;
    };
    /** Kill k's outage: from the SIGKILL to the first commit after the session was live again (replies already on their way from the dying leader do not count). */
    const outageOf = (k: number): number | undefined => {
      const kill = killTimes[k]!;
      const back = reconnectTimes.find((t) => t >= kill);
      if (back === undefined) return undefined;
      const first = commitTimes.find((t) => t >= back);
      return first === undefined ? undefined : first - kill;
    };

    let next = 0;
    let writersDone = false;
    const worker = async () => {
      for (;;) {
        const i = next++;
        if (i >= txns) return;
        const key = keyOf(i);
        let retried = false;
        try {
          await s.transact(
            [
              op.wait(TABLE, [cond('name', '==', key)], ['name'], '==', [], 0),
              op.insert(TABLE, { name: key, external_ids: ['map', [['seq', String(i)]]] }),
            ],
            {
              idempotent: true,
              retries: 10,
              onRetry: (_attempt: number, err: SdkError) => {
                if (err.code === 'OVSDB_OUTCOME_UNKNOWN') {
                  retried = true;
                  retriedKeys.add(i);
                }
              },
            },
          );
          outcome[i] = retried ? 'committed-on-retry' : 'committed';
        } catch (e) {
          if (retried && e instanceof OvsdbTransactionError && e.code === 'OVSDB_TIMED_OUT' && e.opIndex === 0)
            outcome[i] = 'committed-earlier';
          else if ((e as SdkError).code === 'OVSDB_OUTCOME_UNKNOWN') outcome[i] = 'unknown';
          else {
            outcome[i] = 'failed';
            if (failures.length < 20) failures.push(`${key}: ${(e as Error).message}`);
          }
        }
        if (outcome[i] !== 'failed' && outcome[i] !== 'unknown') completed();
      }
    };

    const killer = async () => {
      for (let k = 1; k <= kills; k++) {
        const at = Math.floor((txns * k) / (kills + 1));
        while (done < at) {
          if (writersDone) return; // the writers stopped early (failures): nothing left to disturb
          await new Promise((r) => setTimeout(r, 5));
        }
        const leader = await cluster.leader();
        killTimes.push(performance.now());
        await cluster.members[leader]!.kill('SIGKILL');
        log(`kill ${k}: SIGKILL member ${leader} (the leader) after ${done} commits`);
        const newLeader = await cluster.leader(60_000);
        electedMs.push(performance.now() - killTimes[k - 1]!);
        log(`kill ${k}: member ${newLeader} elected after ${electedMs[k - 1]!.toFixed(0)} ms`);
        // Let the cluster elect and the writer move on before the member comes back.
        await waitFor(
          'a commit after the kill',
          () => outageOf(k - 1) !== undefined || writersDone || undefined,
          60_000,
          10,
        );
        await cluster.members[leader]!.start();
        await waitRejoined(cluster, leader);
        log(`kill ${k}: member ${leader} back as a follower; outage ${(outageOf(k - 1) ?? NaN).toFixed(0)} ms`);
      }
    };

    const progress = setInterval(() => log(`${done}/${txns} committed`), 5000);
    try {
      await Promise.all([
        killer(),
        Promise.all(Array.from({ length: inFlight }, worker)).finally(() => {
          writersDone = true;
        }),
      ]);
    } finally {
      clearInterval(progress);
    }
    const durationMs = performance.now() - t0;

    // Independent read of the leader.
    const leader = cluster.members[await cluster.leader()]!;
    const reader = await OvsdbClient.connect(leader.tcp);
    let server: { uuid: string; name: string }[];
    try {
      const [res] = await reader.transact(NB, [op.select(TABLE, [], ['_uuid', 'name'])]);
      server = res.rows.map((r) => ({ uuid: (r._uuid as readonly [string, string])[1], name: String(r.name) }));
    } finally {
      await reader.close();
    }
    const count = new Map<string, number>();
    for (const r of server) count.set(r.name, (count.get(r.name) ?? 0) + 1);

    let committed = 0;
    let lost = 0;
    let unknownFinal = 0;
    let failed = 0;
    let committedOnRetry = 0;
    let committedEarlier = 0;
    let retriedPresentOnce = 0;
    const lostKeys: string[] = [];
    for (let i = 0; i < txns; i++) {
      const oc = outcome[i];
      const n = count.get(keyOf(i)) ?? 0;
      if (oc === 'committed' || oc === 'committed-on-retry' || oc === 'committed-earlier') {
        committed++;
        if (n === 0) {
          lost++;
          if (lostKeys.length < 20) lostKeys.push(keyOf(i));
        }
      }
      if (oc === 'committed-on-retry') committedOnRetry++;
      if (oc === 'committed-earlier') committedEarlier++;
      if (oc === 'unknown') unknownFinal++;
      if (oc === 'failed' || oc === undefined) failed++;
      if (retriedKeys.has(i) && n === 1) retriedPresentOnce++;
    }
    const duplicatedKeys = [...count].filter(([, n]) => n > 1).map(([k]) => k);
    const expected = new Set(Array.from({ length: txns }, (_, i) => keyOf(i)));
    const unexpected = server.filter((r) => !expected.has(r.name)).length;

    // The cache must reach exactly the server's contents.
    const want = new Map(server.map((r) => [r.uuid, r.name]));
    const c = cache;
    const equal = () => {
      const t = c.table(TABLE);
      if (t.size !== want.size) return false;
      for (const r of t.values()) if (want.get(r._uuid) !== r.name) return false;
      return true;
    };
    const cacheEqualsServer = await waitFor('cache == server', () => equal() || undefined, 10_000, 20).then(
      () => true,
      () => false,
    );
    return {
      txns,
      kills,
      inFlight,
      electionTimerMs,
      durationMs,
      committed,
      retried: retriedKeys.size,
      committedOnRetry,
      committedEarlier,
      unknownFinal,
      failed,
      lost,
      duplicated: duplicatedKeys.length,
      retriedPresentOnce,
      unexpected,
      longestOutageMs: Math.max(longestGap, ...killTimes.map((_, k) => outageOf(k) ?? 0)),
      outagesMs: killTimes.map((_, k) => outageOf(k) ?? NaN),
      electedMs,
      resumeHits: metrics.hits,
      resumeMisses: metrics.misses,
      reconnects: metrics.reconnects,
      rejected,
      cacheEqualsServer,
      serverRows: server.length,
      cacheRows: c.table(TABLE).size,
      txnPerSec: committed / (durationMs / 1000),
      problems: { lost: lostKeys, duplicated: duplicatedKeys.slice(0, 20), failed: failures },
    };
  } finally {
    await cache?.close();
    await session?.close();
    await cluster.stop();
  }
}

export function formatFigures(f: ReliabilityFigures): string {
  const ms = (x: number) => `${x.toFixed(0)} ms`;
  return [
    `transactions written      ${f.txns} (${f.inFlight} in flight, ${f.kills} leader SIGKILLs, election timer ${f.electionTimerMs} ms)`,
    `committed                 ${f.committed}  (${f.txnPerSec.toFixed(0)} txn/s over ${(f.durationMs / 1000).toFixed(1)} s, kills included)`,
    `outcome unknown, re-sent  ${f.retried}  (committed on re-send ${f.committedOnRetry}, found committed by the guard ${f.committedEarlier}; present exactly once: ${f.retriedPresentOnce})`,
    `still unknown / failed    ${f.unknownFinal} / ${f.failed}`,
    `lost                      ${f.lost}`,
    `duplicated                ${f.duplicated}`,
    `unexpected rows           ${f.unexpected}`,
    `longest write outage      ${ms(f.longestOutageMs)}  (per kill, SIGKILL → first commit on the new leader: ${f.outagesMs.map(ms).join(', ')})`,
    `new leader elected after  ${f.electedMs.map(ms).join(', ')}  (SIGKILL → a survivor's cluster/status says leader)`,
    `resume hits / misses      ${f.resumeHits} / ${f.resumeMisses}`,
    `reconnects                ${f.reconnects}  (remotes refused on the way: ${
      Object.entries(f.rejected)
        .map(([c, n]) => `${c} ×${n}`)
        .join(', ') || 'none'
    })`,
    `cache == server           ${f.cacheEqualsServer} (${f.cacheRows} / ${f.serverRows} rows)`,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [txns, kills, inFlight, et] = process.argv.slice(2).map(Number);
  const f = await runLeaderKillScenario({
    ...(txns ? { txns } : {}),
    ...(kills !== undefined && !Number.isNaN(kills) ? { kills } : {}),
    ...(inFlight ? { inFlight } : {}),
    ...(et ? { electionTimerMs: et } : {}),
    log: (l) => console.error(`[reliability] ${l}`),
  });
  console.log(formatFigures(f));
  if (f.problems.lost.length || f.problems.duplicated.length || f.problems.failed.length)
    console.log(JSON.stringify(f.problems, null, 2));
  process.exit(f.lost === 0 && f.duplicated === 0 && f.cacheEqualsServer && f.failed === 0 ? 0 : 1);
}
