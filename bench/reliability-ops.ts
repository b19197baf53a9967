/**
 * How long a leader-following session (with a replica cache following it and a writer streaming
 * idempotent inserts through it) takes to follow cluster operations on a real 3-member RAFT cluster:
 * a follower restarted, a follower removed and re-added, leadership transferred (failure-test and
 * cluster/leave), the election timer changed, and a network partition of one member (behind a veth
 * pair in a namespace) with sessions that start on the minority member. The same scenarios are the
 * integration tests test/integration/ovsdb/cluster/{membership,partition}.test.ts, which assert on them.
 *
 *   npx tsx bench/reliability-ops.ts [rounds=5]
 *
 * Figures per operation (median and max over the rounds):
 * - session outage: the session's `outage` metric (old connection ended → live on the next server);
 * - write gap: the writer's longest gap between two commits from the operation's start;
 * - partition: cut → session live on a majority member, and heal → the member a full member again.
 * Afterwards every committed name is checked on the server: lost and duplicated must be 0.
 */
import { fileURLToPath } from 'node:url';
import {
  startOvsdbCluster,
  startPartitionableCluster,
  restartMember,
  removeMember,
  rejoinMember,
  transferLeadership,
  makeLeader,
  setElectionTimer,
  waitMemberReady,
  waitFor,
} from '../src/testing/index.js';
import { op } from '../src/ovsdb/index.js';
import {
  NB,
  Writer,
  connect,
  outagesSince,
  seedForHistory,
  startFollower,
  type Follower,
} from '../test/integration/ovsdb/cluster/workload.js';
import { median } from './util.js';

interface Sample {
  readonly outageMs: number;
  readonly writeGapMs: number;
  readonly moved: boolean;
  readonly detectMs?: number;
  readonly healMs?: number;
  readonly found?: boolean;
}

export interface OpsReport {
  readonly rounds: number;
  readonly samples: Readonly<Record<string, readonly Sample[]>>;
  readonly committed: number;
  readonly lost: number;
  readonly duplicated: number;
  readonly resumeHits: number;
  readonly resumeMisses: number;
}

/** Every committed name exactly once on the server. */
async function audit(
  remote: string,
  writers: readonly Writer[],
): Promise<{ committed: number; lost: number; duplicated: number }> {
  const c = await connect(remote);
  try {
    const [r] = await c.transact(NB, [op.select('Address_Set', [], ['name'])]);
    const counts = new Map<string, number>();
    for (const row of r.rows) counts.set(String(row.name), (counts.get(String(row.name)) ?? 0) + 1);
    let committed = 0;
    let lost = 0;
    let duplicated = 0;
    for (const w of writers) {
      for (const { name } of w.committed) {
        committed++;
        const n = counts.get(name) ?? 0;
        if (n === 0) lost++;
        if (n > 1) duplicated++;
      }
    }
    return { committed, lost, duplicated };
  } finally {
    await c.close();
  }
}

async function measure(
  f: Follower,
  w: Writer,
  leaderTcp: () => Promise<string>,
  fault: () => Promise<void>,
): Promise<Sample> {
  const t0 = Date.now();
  const before = f.resumes.length;
  const remote = f.session.remote;
  await fault();
  const tcp = await leaderTcp();
  await waitFor('session live on the leader', () => f.session.state === 'live' && f.session.remote === tcp, 30_000, 10);
  await w.more(10);
  const outages = outagesSince(f, t0);
  const r = f.resumes.slice(before);
  return {
    outageMs: outages.reduce((a, b) => a + b, 0),
    writeGapMs: w.longestGapSince(t0),
    moved: f.session.remote !== remote,
    ...(r.length ? { found: r.every((x) => x.found) } : {}),
  };
}

export async function runReliabilityOps(rounds = 5, log: (s: string) => void = () => {}): Promise<OpsReport> {
  const samples: Record<string, Sample[]> = {};
  const add = (k: string, s: Sample) => (samples[k] ??= []).push(s);
  let hits = 0;
  let misses = 0;
  let committed = 0;
  let lost = 0;
  let duplicated = 0;

  // Membership operations.
  const cluster = await startOvsdbCluster({ schema: 'nb' });
  try {
    await seedForHistory(cluster.members[await cluster.leader()]!.tcp);
    const f = await startFollower(cluster.remotes);
    const w = new Writer(f.session, `ops${process.pid}`);
    const leaderTcp = async () => cluster.members[await cluster.leader()]!.tcp;
    const follower = async () => {
      const l = await cluster.leader();
      return cluster.members.findIndex((m) => m.index !== l && m.running);
    };
    try {
      await w.more(5);
      for (let r = 0; r < rounds; r++) {
        add(
          'restart follower (SIGKILL)',
          await measure(
            f,
            w,
            leaderTcp,
            async () => void (await restartMember(cluster, await follower(), { signal: 'SIGKILL' })),
          ),
        );
        add(
          'remove + re-add follower (new address)',
          await measure(f, w, leaderTcp, async () => {
            const i = await follower();
            await removeMember(cluster, i);
            await rejoinMember(cluster, i, { newAddress: true });
          }),
        );
        add(
          'transfer (failure-test transfer-leadership)',
          await measure(
            f,
            w,
            leaderTcp,
            async () => void (await transferLeadership(cluster, { method: 'failure-test' })),
          ),
        );
        let from = -1;
        add(
          'transfer (cluster/leave on the leader)',
          await measure(
            f,
            w,
            leaderTcp,
            async () => void (from = (await transferLeadership(cluster, { method: 'leave' })).from),
          ),
        );
        await rejoinMember(cluster, from);
        add(
          'election timer 1000→4000→1000',
          await measure(f, w, leaderTcp, async () => {
            await setElectionTimer(cluster, 4000);
            await setElectionTimer(cluster, 1000);
          }),
        );
        log(`membership round ${r + 1}/${rounds} done`);
      }
    } finally {
      await w.stop();
      const a = await audit(await leaderTcp(), [w]);
      committed += a.committed;
      lost += a.lost;
      duplicated += a.duplicated;
      hits += f.resumes.filter((x) => x.found).length;
      misses += f.resumes.filter((x) => !x.found).length;
      await f.close();
    }
  } finally {
    await cluster.stop();
  }

  // Partition of one member.
  const p = await startPartitionableCluster({ schema: 'nb', isolated: 0 });
  try {
    const { cluster: c, link, isolated } = p;
    await seedForHistory(c.members[await c.leader()]!.tcp);
    const iso = c.members[isolated]!;
    const majority = c.members.filter((m) => m.index !== isolated);
    const writers: Writer[] = [];
    const cases: [string, () => string, Parameters<typeof startFollower>[1]][] = [
      ['partition: leader-only session on the minority leader', () => iso.unix, {}],
      ['partition: leaderOnly:false session on the minority follower', () => iso.unix, { leaderOnly: false }],
      [
        'partition: session over the cut link (probe 1000 ms)',
        () => iso.tcp,
        { leaderOnly: false, client: { inactivityProbeMs: 1000, connectTimeoutMs: 1000 } },
      ],
    ];
    for (let r = 0; r < rounds; r++) {
      for (const [name, first, opts] of cases) {
        const wantLeader = name.includes('minority leader');
        if (wantLeader) await makeLeader(c, isolated);
        else if ((await c.leader()) === isolated) await transferLeadership(c);
        const f = await startFollower([first(), ...majority.map((m) => m.tcp)].join(','), { shuffle: false, ...opts });
        if (f.session.remote !== first())
          throw new Error(`${name}: the session started on ${f.session.remote}, not on the minority member`);
        const w = new Writer(f.session, `p${r}${name.length}${process.pid}`);
        writers.push(w);
        try {
          await w.more(5);
          const t0 = Date.now();
          await link.cut();
          await waitFor(
            'session on the majority',
            () => f.session.state === 'live' && majority.some((m) => m.tcp === f.session.remote),
            30_000,
            10,
          );
          const detectMs = Date.now() - t0;
          await w.more(10);
          const tHeal = Date.now();
          await link.heal();
          await waitMemberReady(c, isolated, 30_000);
          const healMs = Date.now() - tHeal;
          const res = f.resumes;
          add(name, {
            outageMs: outagesSince(f, t0).reduce((a, b) => a + b, 0),
            writeGapMs: w.longestGapSince(t0),
            moved: true,
            detectMs,
            healMs,
            ...(res.length ? { found: res.every((x) => x.found) } : {}),
          });
          hits += res.filter((x) => x.found).length;
          misses += res.filter((x) => !x.found).length;
        } finally {
          if (link.isCut) await link.heal();
          await w.stop();
          await f.close();
        }
      }
      log(`partition round ${r + 1}/${rounds} done`);
    }
    const a = await audit(c.members[await c.leader()]!.tcp, writers);
    committed += a.committed;
    lost += a.lost;
    duplicated += a.duplicated;
  } finally {
    await p.stop();
  }
  return { rounds, samples, committed, lost, duplicated, resumeHits: hits, resumeMisses: misses };
}

export function renderOps(r: OpsReport): string {
  const lines = [
    `| operation | session moved | session outage ms (median / max) | longest write gap ms (median / max) | cut → live on majority ms (median / max) | heal → member ready ms (median / max) | resumes found |`,
    `|---|---|---|---|---|---|---|`,
  ];
  const mm = (xs: number[]) => (xs.length ? `${Math.round(median(xs))} / ${Math.max(...xs)}` : '–');
  for (const [name, ss] of Object.entries(r.samples)) {
    const found = ss.filter((s) => s.found !== undefined);
    lines.push(
      `| ${name} | ${ss.filter((s) => s.moved).length}/${ss.length} | ${mm(ss.map((s) => s.outageMs))} | ${mm(ss.map((s) => s.writeGapMs))} | ${mm(ss.flatMap((s) => (s.detectMs === undefined ? [] : [s.detectMs])))} | ${mm(ss.flatMap((s) => (s.healMs === undefined ? [] : [s.healMs])))} | ${found.length ? `${found.filter((s) => s.found).length}/${found.length}` : '–'} |`,
    );
  }
  lines.push(
    '',
    `rounds ${r.rounds}; committed ${r.committed}, lost ${r.lost}, duplicated ${r.duplicated}; resume hits ${r.resumeHits}, misses ${r.resumeMisses}`,
  );
  return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const rounds = Number(process.argv[2] ?? 5);
  const t0 = Date.now();
  const report = await runReliabilityOps(rounds, (s) => console.error(s));
  console.log(renderOps(report));
  console.log(`\n(${((Date.now() - t0) / 1000).toFixed(0)} s)`);
}
