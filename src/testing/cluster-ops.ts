/**
 * Operations on a RAFT cluster started by {@link startOvsdbCluster}, for fault tests: restart a member,
 * remove one (`cluster/leave`) and re-add it from a fresh database file (`ovsdb-tool join-cluster`, at
 * the same or a new RAFT address), add a new member, hand leadership over (`cluster/failure-test
 * transfer-leadership`, which OVS 3.1 has, or `cluster/leave` on the leader), and a cluster whose one
 * member runs in a network namespace behind a veth pair whose link can be cut and healed.
 *
 * Every wait is bounded and fails with {@link HarnessError} (`HARNESS_FAILED`); tool failures are
 * {@link HarnessCommandError} (`HARNESS_COMMAND_FAILED`).
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import {
  clusterInternals,
  freePort,
  startOvsdbCluster,
  type ClusterInternals,
  type ClusterMember,
  type ClusterStatus,
  type OvsdbCluster,
  type StartClusterOptions,
} from './ovsdb-server.js';
import { HarnessError, run, waitFor } from './process.js';
import { createNetns, deleteNetns } from './vswitchd.js';

function internals(cluster: OvsdbCluster): ClusterInternals {
  const i = clusterInternals.get(cluster);
  if (!i) throw new HarnessError('not a cluster started by startOvsdbCluster');
  return i;
}

function member(cluster: OvsdbCluster, index: number): ClusterMember {
  const m = cluster.members[index];
  if (!m) throw new HarnessError(`the cluster has no member ${index}`);
  return m;
}

async function statusOrUndefined(m: ClusterMember): Promise<ClusterStatus | undefined> {
  if (!m.running) return undefined;
  try {
    return await m.status();
  } catch {
    return undefined;
  }
}

/**
 * Waits until member `index` is a full member again: its `cluster/status` says `cluster member` and
 * knows a leader, and the leader lists it among its servers.
 * @throws {HarnessError} `HARNESS_FAILED` after `timeoutMs`
 */
export async function waitMemberReady(
  cluster: OvsdbCluster,
  index: number,
  timeoutMs = 15_000,
): Promise<ClusterStatus> {
  const m = member(cluster, index);
  return waitFor(
    `member ${index} to be a connected cluster member`,
    async () => {
      const st = await statusOrUndefined(m);
      if (!st || st.membership !== 'cluster member' || st.leader === 'unknown') return undefined;
      const leader = cluster.members[await cluster.leader(timeoutMs)]!;
      const lst = await leader.status();
      return lst.servers.some((s) => s.sid === st.sid) ? st : undefined;
    },
    timeoutMs,
    20,
  );
}

/**
 * Stops member `index` (SIGTERM by default, or `signal`) and starts it again with the same files and
 * addresses; resolves once it is a connected member again ({@link waitMemberReady}).
 */
export async function restartMember(
  cluster: OvsdbCluster,
  index: number,
  opts: { signal?: NodeJS.Signals; timeoutMs?: number } = {},
): Promise<ClusterStatus> {
  const m = member(cluster, index);
  await m.kill(opts.signal ?? 'SIGTERM');
  await m.start();
  return waitMemberReady(cluster, index, opts.timeoutMs);
}

/**
 * Removes member `index` from the cluster: `cluster/leave` on it, then waits until every other running
 * member has dropped its server id from its server list, and stops its process (a member that has
 * left keeps running without the database). Leaving from the leader hands leadership over first
 * (about one election timer). Resolves with the removed server id.
 */
export async function removeMember(
  cluster: OvsdbCluster,
  index: number,
  opts: { timeoutMs?: number } = {},
): Promise<string> {
  const m = member(cluster, index);
  const sid = (await m.status()).sid;
  await m.appctl('cluster/leave', cluster.database);
  const timeoutMs = opts.timeoutMs ?? 15_000;
  await waitFor(
    `member ${index} (${sid}) to leave`,
    async () => {
      for (const o of cluster.members) {
        if (o === m || !o.running) continue;
        const st = await statusOrUndefined(o);
        if (!st || st.servers.some((s) => s.sid === sid)) return undefined;
      }
      // the member itself no longer serves the database once it has left
      const own = await statusOrUndefined(m);
      return own === undefined ? true : undefined;
    },
    timeoutMs,
    20,
  );
  await m.kill('SIGTERM');
  return sid;
}

/**
 * Re-adds a removed (stopped) member: a fresh database file made with `ovsdb-tool join-cluster` naming
 * the running members, then started and waited for. With `newAddress` it joins at a new RAFT port
 * (a new server, as after a host replacement); its client addresses stay the same.
 * @throws {HarnessError} `HARNESS_FAILED` when the member is still running
 */
export async function rejoinMember(
  cluster: OvsdbCluster,
  index: number,
  opts: { newAddress?: boolean; timeoutMs?: number } = {},
): Promise<ClusterStatus> {
  const ints = internals(cluster);
  const m = ints.members[index];
  if (!m) throw new HarnessError(`the cluster has no member ${index}`);
  if (m.running) throw new HarnessError(`member ${index} is still running: remove it first`);
  rmSync(m.dbFile, { force: true });
  if (opts.newAddress) m.raftPort = await freePort();
  const others = ints.members.filter((o) => o !== m && o.running).map((o) => o.raft);
  if (others.length === 0) throw new HarnessError('no running member to join');
  await run('ovsdb-tool', ['join-cluster', m.dbFile, cluster.database, m.raft, ...others], { env: ints.env });
  await m.start();
  return waitMemberReady(cluster, index, opts.timeoutMs);
}

/**
 * Adds a new member (index `cluster.members.length`) on 127.0.0.1, or as `placement` says, and waits
 * until it has joined. It is stopped with the cluster.
 */
export async function addMember(
  cluster: OvsdbCluster,
  opts: { host?: string; netns?: string; timeoutMs?: number } = {},
): Promise<ClusterMember> {
  const ints = internals(cluster);
  const index = ints.members.length;
  const m = ints.makeMember(
    index,
    { host: opts.host ?? '127.0.0.1', ...(opts.netns ? { netns: opts.netns } : {}) },
    await freePort(),
    await freePort(),
  );
  ints.members.push(m);
  await rejoinMember(cluster, index, opts.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {});
  return m;
}

/** How {@link transferLeadership} moves the leader. */
export type TransferMethod =
  /** `cluster/failure-test transfer-leadership` on the leader: it hands over and stays a member (OVS ≥ 3.1). */
  | 'failure-test'
  /** `cluster/leave` on the leader: it hands over and leaves; re-add it with {@link rejoinMember}. */
  | 'leave';

/**
 * Moves leadership away from the current leader; resolves with the old and the new leader's index
 * once another member is leader.
 */
export async function transferLeadership(
  cluster: OvsdbCluster,
  opts: { method?: TransferMethod; timeoutMs?: number } = {},
): Promise<{ readonly from: number; readonly to: number }> {
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const from = await cluster.leader(timeoutMs);
  const old = cluster.members[from]!;
  if ((opts.method ?? 'failure-test') === 'leave') {
    await removeMember(cluster, from, { timeoutMs });
  } else {
    const term = (await old.status()).term;
    await old.appctl('cluster/failure-test', 'transfer-leadership');
    try {
      await waitFor(
        'leadership to move',
        async () => {
          const st = await old.status();
          return st.term > term && st.role !== 'leader' ? true : undefined;
        },
        timeoutMs,
        10,
      );
    } finally {
      await old.appctl('cluster/failure-test', 'clear').catch(() => undefined);
    }
  }
  const to = await waitFor(
    'a new leader',
    async () => {
      const i = await cluster.leader(timeoutMs);
      return i !== from ? i : undefined;
    },
    timeoutMs,
    20,
  );
  return { from, to };
}

/**
 * Freezes member `index` with SIGSTOP (a hung server: its connections stay open, nothing answers);
 * resolves with a function that lets it run again (SIGCONT).
 */
export async function pauseMember(cluster: OvsdbCluster, index: number): Promise<() => void> {
  const pid = member(cluster, index).pid;
  if (pid === undefined) throw new HarnessError(`member ${index} is not running`);
  process.kill(pid, 'SIGSTOP');
  let resumed = false;
  return () => {
    if (resumed) return;
    resumed = true;
    try {
      process.kill(pid, 'SIGCONT');
    } catch {
      /* gone */
    }
  };
}

/**
 * Makes member `index` the leader. `transfer-leadership` picks its target itself (in OVS 3.1 always
 * the same one from a given leader), so this first tries transfers, then elections: the leader is
 * frozen ({@link pauseMember}) until the others elect one of themselves, which is `index` about half
 * of the time; repeated up to `attempts` times.
 * @throws {HarnessError} `HARNESS_FAILED` when `index` did not win within `attempts`
 */
export async function makeLeader(
  cluster: OvsdbCluster,
  index: number,
  opts: { attempts?: number; timeoutMs?: number } = {},
): Promise<void> {
  const timeoutMs = opts.timeoutMs ?? 15_000;
  member(cluster, index);
  for (let i = 0; i < 2; i++) {
    if ((await cluster.leader(timeoutMs)) === index) return;
    await transferLeadership(cluster, { timeoutMs });
  }
  for (let i = 0; i < (opts.attempts ?? 10); i++) {
    const from = await cluster.leader(timeoutMs);
    if (from === index) return;
    const resume = await pauseMember(cluster, from);
    try {
      await waitFor(
        'a leader among the others',
        async () => {
          for (const m of cluster.members) {
            if (m.index === from || !m.running) continue;
            const st = await statusOrUndefined(m);
            if (st?.role === 'leader') return true;
          }
          return undefined;
        },
        timeoutMs,
        20,
      );
    } finally {
      resume();
    }
    // the old leader learns the new term and steps down
    await waitFor(
      `member ${from} to step down`,
      async () => ((await statusOrUndefined(member(cluster, from)))?.role === 'follower' ? true : undefined),
      timeoutMs,
      20,
    );
  }
  if ((await cluster.leader(timeoutMs)) !== index)
    throw new HarnessError(`member ${index} did not become the leader in ${opts.attempts ?? 10} elections`);
}

/** The election timer (ms) the leader reports. */
export async function electionTimer(cluster: OvsdbCluster): Promise<number> {
  return (await cluster.members[await cluster.leader()]!.status()).electionTimerMs;
}

/** A network namespace joined to the host by a veth pair, with a link that can be cut. */
export interface VethNamespace {
  readonly netns: string;
  /** The host end of the veth pair. */
  readonly hostIf: string;
  /** The namespace end (`eth0`). */
  readonly nsIf: string;
  /** The host end's address (a /30 from 10.128.0.0/10 chosen per process). */
  readonly hostIp: string;
  /** The namespace end's address. */
  readonly nsIp: string;
  /** True between {@link cut} and {@link heal}. */
  readonly isCut: boolean;
  /** Takes the namespace end down: no packet passes either way; open TCP connections stall (no reset). */
  cut(): Promise<void>;
  /** Brings the namespace end up again. */
  heal(): Promise<void>;
  /** Runs a command inside the namespace. */
  exec(cmd: string, args: readonly string[]): Promise<string>;
  /** Deletes the namespace (and with it the veth pair). */
  stop(): Promise<void>;
}

let vethSeq = 0;

// Namespaces created here and not yet deleted: deleted on exit as a last resort (a crashed test).
const liveNetns = new Set<string>();
let exitHooked = false;
function trackNetns(name: string): void {
  liveNetns.add(name);
  if (exitHooked) return;
  exitHooked = true;
  process.once('exit', () => {
    for (const n of liveNetns) {
      try {
        execFileSync('ip', ['netns', 'del', n], { stdio: 'ignore' });
      } catch {
        /* already gone */
      }
    }
  });
}

/** A /30 not yet used on this host: 10.(128+(pid>>8)%64).(pid%256).(4k). */
async function freeSubnet(): Promise<{ hostIp: string; nsIp: string; n: number }> {
  const used = (await run('ip', ['-o', '-4', 'addr', 'show'])).stdout;
  const b = 128 + ((process.pid >> 8) % 64);
  const c = process.pid % 256;
  for (let tries = 0; tries < 64; tries++) {
    const n = vethSeq++;
    const k = (n % 64) * 4;
    const prefix = `10.${b}.${c}.`;
    const hostIp = `${prefix}${k + 1}`;
    const nsIp = `${prefix}${k + 2}`;
    if (!used.includes(` ${hostIp}/`) && !used.includes(` ${nsIp}/`)) return { hostIp, nsIp, n };
  }
  throw new HarnessError('no free /30 for a veth pair');
}

/**
 * Creates a network namespace `ovsdb-<pid>-<n>` joined to the host by a veth pair with a /30 on it.
 * Everything is removed by `stop()`, also when creation fails half way, and at process exit if
 * `stop()` was never called.
 */
export async function createVethNamespace(): Promise<VethNamespace> {
  const { hostIp, nsIp, n } = await freeSubnet();
  const netns = `ovsdb-${process.pid}-${n}`;
  const hostIf = `vo${process.pid.toString(36)}x${n.toString(36)}`.slice(0, 15);
  const nsIf = 'eth0';
  let isCut = false;
  const stop = async () => {
    await deleteNetns(netns);
    await run('ip', ['link', 'del', hostIf]).catch(() => undefined);
    liveNetns.delete(netns);
  };
  try {
    trackNetns(netns);
    await createNetns(netns);
    await run('ip', ['link', 'add', hostIf, 'type', 'veth', 'peer', 'name', nsIf, 'netns', netns]);
    await run('ip', ['addr', 'add', `${hostIp}/30`, 'dev', hostIf]);
    await run('ip', ['link', 'set', hostIf, 'up']);
    await run('ip', ['addr', 'add', `${nsIp}/30`, 'dev', nsIf], { netns });
    await run('ip', ['link', 'set', nsIf, 'up'], { netns });
    await waitFor(`${nsIp} reachable`, () => run('ping', ['-c1', '-W1', nsIp]).then(() => true), 10_000, 50);
  } catch (e) {
    await stop();
    throw e;
  }
  return {
    netns,
    hostIf,
    nsIf,
    hostIp,
    nsIp,
    get isCut() {
      return isCut;
    },
    async cut() {
      await run('ip', ['link', 'set', nsIf, 'down'], { netns });
      isCut = true;
    },
    async heal() {
      await run('ip', ['link', 'set', nsIf, 'up'], { netns });
      isCut = false;
      await waitFor(`${nsIp} reachable again`, () => run('ping', ['-c1', '-W1', nsIp]).then(() => true), 10_000, 50);
    },
    exec: async (cmd, args) => (await run(cmd, args, { netns })).stdout,
    stop,
  };
}

/** A cluster with one member in a network namespace behind a veth pair. */
export interface PartitionableCluster {
  readonly cluster: OvsdbCluster;
  readonly link: VethNamespace;
  /** Index of the member in the namespace. */
  readonly isolated: number;
  /** Stops the cluster, then deletes the namespace. */
  stop(): Promise<void>;
}

/**
 * Starts a RAFT cluster (default 3 members) whose member `isolated` (default the last) runs inside a
 * fresh network namespace, with its RAFT and TCP client addresses on the namespace end of a veth pair;
 * the other members listen on the host end's address (so that the isolated member can reach them).
 * Every member's unix socket stays reachable from the host, also while the link is cut: a client on
 * it is connected to the minority side of a partition. `link.cut()` partitions the member,
 * `link.heal()` ends the partition. Resolves once every member has joined.
 * @example
 *   const p = await startPartitionableCluster({ schema: 'nb' });
 *   try { await p.link.cut(); …; await p.link.heal(); } finally { await p.stop(); }
 */
export async function startPartitionableCluster(
  opts: Omit<StartClusterOptions, 'host' | 'placement'> & { isolated?: number },
): Promise<PartitionableCluster> {
  const size = opts.size ?? 3;
  const isolated = opts.isolated ?? size - 1;
  const link = await createVethNamespace();
  try {
    const placement = Array.from({ length: size }, (_, i) =>
      i === isolated ? { host: link.nsIp, netns: link.netns } : undefined,
    );
    const cluster = await startOvsdbCluster({ ...opts, host: link.hostIp, placement });
    try {
      // every member joined (startOvsdbCluster returns once there is a leader)
      for (const m of cluster.members) await waitMemberReady(cluster, m.index);
    } catch (e) {
      await cluster.stop();
      throw e;
    }
    return {
      cluster,
      link,
      isolated,
      async stop() {
        try {
          await cluster.stop();
        } finally {
          await link.stop();
        }
      },
    };
  } catch (e) {
    await link.stop();
    throw e;
  }
}
