/**
 * Ephemeral ovsdb-server processes for tests (this project's and users'): a standalone server for
 * any schema, ovn-northd between an NB and an SB server, and RAFT clusters. Each lives in a fresh
 * temp dir with its own unix socket and a TCP port on 127.0.0.1, and `stop()` leaves nothing behind.
 */
import { mkdtempSync, readFileSync, rmSync, existsSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listen } from '../transport/stream.js';
import { alive, HarnessError, readPid, run, terminate, track, trackDir, untrack, waitFor } from './process.js';
import { containerBackend, resolveRuntime, type RuntimeOptions } from './containers/runtime.js';

/** Short names of the schemas the harness knows → the `.ovsschema` files Debian installs. */
export const SCHEMAS = {
  nb: '/usr/share/ovn/ovn-nb.ovsschema',
  sb: '/usr/share/ovn/ovn-sb.ovsschema',
  vswitch: '/usr/share/openvswitch/vswitch.ovsschema',
} as const;

/** A short schema name the harness accepts: `nb`, `sb` or `vswitch`. */
export type SchemaName = keyof typeof SCHEMAS;

function schemaPath(s: string): string {
  return (SCHEMAS as Record<string, string>)[s] ?? s;
}

/** Environment that keeps every OVS/OVN tool inside `dir`. */
export function daemonEnv(dir: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    OVS_RUNDIR: dir,
    OVS_DBDIR: dir,
    OVS_LOGDIR: dir,
    OVN_RUNDIR: dir,
    OVN_DBDIR: dir,
    OVN_LOGDIR: dir,
  };
}

/** A free TCP port on 127.0.0.1 (bound then released). */
export async function freePort(): Promise<number> {
  const l = await listen('ptcp:0:127.0.0.1', (s) => s.close());
  const p = l.port!;
  await l.close();
  return p;
}

/** A running standalone `ovsdb-server`: its directory, remotes and pid, `ovsdb-client` on it, and `stop()`. */
export interface OvsdbServer {
  readonly dir: string;
  /** Database name from the schema (e.g. `OVN_Northbound`). */
  readonly database: string;
  readonly dbFile: string;
  /** `unix:/…/db.sock` */
  readonly unix: string;
  /** `tcp:127.0.0.1:PORT` */
  readonly tcp: string;
  readonly tcpPort: number;
  readonly pid: number;
  /** unixctl socket, for `ovs-appctl -t`. */
  readonly ctl: string;
  /** Runs `ovs-appctl -t <ctl> …`. */
  appctl(...args: string[]): Promise<string>;
  /** Runs `ovsdb-client <cmd> <unix remote> …`. */
  client(cmd: string, ...args: string[]): Promise<string>;
  stop(): Promise<void>;
}

/** Options of `startOvsdbServer`: the schema, a database file to start from, the directory, names and port, the runtime. */
export interface StartOvsdbOptions extends RuntimeOptions {
  /** A path to a `.ovsschema`, or `nb` / `sb` / `vswitch`. */
  schema: string;
  /** Start from a copy of this database file instead of an empty one. */
  fromDb?: string;
  /** Use this directory instead of a fresh temp dir (it is removed on stop only if we created it). */
  dir?: string;
  /** Basename of the files (default `db`). */
  name?: string;
  /** Fixed TCP port (default: one the server picks). */
  tcpPort?: number;
  /** Extra `--remote` arguments (e.g. `pssl:0:127.0.0.1`). */
  extraRemotes?: string[];
  /** Extra ovsdb-server arguments (e.g. `--private-key=…`). */
  extraArgs?: string[];
}

/** @internal Starts one ovsdb-server process (a database file, or a `relay:DB:REMOTES` source) in `dir`. */
export async function startServerProcess(
  dir: string,
  name: string,
  dbFile: string,
  fixedPort: number | undefined,
  extraRemotes: string[],
  extraArgs: string[],
  host = '127.0.0.1',
  netns?: string,
) {
  // A port chosen here rather than ptcp:0, so that extra listeners in the log cannot be mistaken for it.
  const tcpPort = fixedPort ?? (await freePort());
  const sock = join(dir, `${name}.sock`);
  const ctl = join(dir, `${name}.ctl`);
  const log = join(dir, `${name}.log`);
  const pidfile = join(dir, `${name}.pid`);
  await run(
    'ovsdb-server',
    [
      '--detach',
      '--no-chdir',
      `--pidfile=${pidfile}`,
      `--unixctl=${ctl}`,
      `--log-file=${log}`,
      `--remote=punix:${sock}`,
      `--remote=ptcp:${tcpPort}:${host}`,
      ...extraRemotes.map((r) => `--remote=${r}`),
      ...extraArgs,
      dbFile,
    ],
    { env: daemonEnv(dir), netns },
  );
  const pid = readPid(pidfile);
  track(pid);
  return { sock, ctl, log, pidfile, pid, port: tcpPort };
}

/**
 * Starts a standalone ovsdb-server (~40 ms).
 * @example
 *   const nb = await startOvsdbServer({ schema: 'nb' });
 *   const client = await OvsdbClient.connect(nb.unix);
 *   …
 *   await nb.stop();
 * @throws {HarnessError} `HARNESS_FAILED` when a tool fails (its stderr is in the message)
 */
export async function startOvsdbServer(opts: StartOvsdbOptions): Promise<OvsdbServer> {
  // The container backend is loaded only when asked for (it pulls in testcontainers).
  if (resolveRuntime(opts.runtime) === 'container') return (await containerBackend()).startOvsdbServerContainer(opts);
  const own = !opts.dir;
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'ovsdb-'));
  if (own) trackDir(dir);
  const name = opts.name ?? 'db';
  const dbFile = join(dir, `${name}.db`);
  const schema = schemaPath(opts.schema);
  try {
    if (opts.fromDb) copyFileSync(opts.fromDb, dbFile);
    else await run('ovsdb-tool', ['create', dbFile, schema], { env: daemonEnv(dir) });
    const database = JSON.parse(readFileSync(schema, 'utf8')).name as string;
    const p = await startServerProcess(dir, name, dbFile, opts.tcpPort, opts.extraRemotes ?? [], opts.extraArgs ?? []);
    let stopped = false;
    return {
      dir,
      database,
      dbFile,
      unix: `unix:${p.sock}`,
      tcp: `tcp:127.0.0.1:${p.port}`,
      tcpPort: p.port,
      pid: p.pid,
      ctl: p.ctl,
      appctl: async (...args) => (await run('ovs-appctl', ['-t', p.ctl, ...args], { env: daemonEnv(dir) })).stdout,
      client: async (cmd, ...args) =>
        (await run('ovsdb-client', [cmd, `unix:${p.sock}`, ...args], { env: daemonEnv(dir) })).stdout,
      stop: async () => {
        if (stopped) return;
        stopped = true;
        await terminate(p.pid);
        untrack(p.pid);
        if (own) rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    if (own) rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}

/** A running `ovn-northd` between a Northbound and a Southbound of the harness. */
export interface Northd {
  readonly pid: number;
  readonly dir: string;
  stop(): Promise<void>;
}

/** Starts `ovn-northd` translating `nb` into `sb` (remotes in OVSDB syntax). */
export async function startNorthd(nb: string, sb: string, opts: { dir?: string } = {}): Promise<Northd> {
  const own = !opts.dir;
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'northd-'));
  if (own) trackDir(dir);
  const pidfile = join(dir, 'northd.pid');
  await run(
    'ovn-northd',
    [
      '--detach',
      '--no-chdir',
      `--pidfile=${pidfile}`,
      `--log-file=${join(dir, 'northd.log')}`,
      `--unixctl=${join(dir, 'northd.ctl')}`,
      `--ovnnb-db=${nb}`,
      `--ovnsb-db=${sb}`,
    ],
    { env: daemonEnv(dir) },
  );
  const pid = readPid(pidfile);
  track(pid);
  let stopped = false;
  return {
    pid,
    dir,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await terminate(pid);
      untrack(pid);
      if (own) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** OVN central as the harness runs it: Northbound and Southbound servers and `ovn-northd` between them; `stop()` stops all three. */
export interface OvnCentral {
  readonly nb: OvsdbServer;
  readonly sb: OvsdbServer;
  readonly northd: Northd;
  /** Runs `ovn-nbctl --db=<nb> …`. */
  nbctl(...args: string[]): Promise<string>;
  /** Runs `ovn-sbctl --db=<sb> …`. */
  sbctl(...args: string[]): Promise<string>;
  stop(): Promise<void>;
}

/**
 * Starts NB and SB servers and ovn-northd between them, all in one temp dir (or, with
 * `runtime: 'container'`, in one container: see docs/containers.md).
 */
export async function startOvnCentral(opts: RuntimeOptions = {}): Promise<OvnCentral> {
  if (resolveRuntime(opts.runtime) === 'container') return (await containerBackend()).startOvnCentralContainer(opts);
  const dir = mkdtempSync(join(tmpdir(), 'ovn-'));
  trackDir(dir);
  const started: { stop(): Promise<void> }[] = [];
  try {
    const nb = await startOvsdbServer({ schema: 'nb', dir, name: 'nb', runtime: 'process' });
    started.push(nb);
    const sb = await startOvsdbServer({ schema: 'sb', dir, name: 'sb', runtime: 'process' });
    started.push(sb);
    const northd = await startNorthd(nb.unix, sb.unix, { dir });
    started.push(northd);
    const env = daemonEnv(dir);
    return {
      nb,
      sb,
      northd,
      nbctl: async (...args) => (await run('ovn-nbctl', [`--db=${nb.unix}`, ...args], { env })).stdout,
      sbctl: async (...args) => (await run('ovn-sbctl', [`--db=${sb.unix}`, ...args], { env })).stdout,
      stop: async () => {
        for (const s of started.reverse()) await s.stop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    for (const s of started.reverse()) await s.stop();
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}

/** One member of a harness RAFT cluster: its files, remotes and control socket, and start / kill / status. */
export interface ClusterMember {
  readonly index: number;
  readonly dbFile: string;
  /** RAFT address (`tcp:HOST:PORT`); a member re-added at a new address (cluster-ops) gets a new one. */
  readonly raft: string;
  readonly unix: string;
  readonly tcp: string;
  readonly ctl: string;
  /** The address the member listens on for RAFT and TCP clients (default 127.0.0.1). */
  readonly host: string;
  /** The network namespace the member runs in, if any (its unix sockets stay reachable from outside). */
  readonly netns: string | undefined;
  /** Current pid (changes on restart); undefined while stopped. */
  readonly pid: number | undefined;
  readonly running: boolean;
  /** Starts the member again (after `kill` or `stop`) with the same files and ports. */
  start(): Promise<void>;
  /** Sends a signal (default SIGKILL) and waits until the process is gone. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  appctl(...args: string[]): Promise<string>;
  /** `cluster/status` parsed: role, leader, term, and more (see {@link ClusterStatus}). */
  status(): Promise<ClusterStatus>;
}

/** A member's `cluster/status`, parsed. */
export interface ClusterStatus {
  /** `leader`, `follower`, `candidate`, or `unknown`. */
  readonly role: string;
  readonly term: number;
  /** `self`, a server id (4 hex digits as printed), or `unknown`. */
  readonly leader: string;
  /** The `Status:` line, e.g. `cluster member`, `joining cluster`, `leaving cluster`, `disconnected from the cluster (election timeout)`. */
  readonly membership: string;
  /** This server's id as printed (4 hex digits). */
  readonly sid: string;
  /** Server ids of the `Servers:` list as this member sees it. */
  readonly servers: readonly { readonly sid: string; readonly address: string }[];
  /** The election timer in ms. */
  readonly electionTimerMs: number;
  readonly raw: string;
}

/** Parses `ovs-appctl cluster/status DB` output. */
export function parseClusterStatus(raw: string): ClusterStatus {
  const servers: { sid: string; address: string }[] = [];
  const tail = raw.slice(raw.indexOf('Servers:'));
  for (const m of tail.matchAll(/^\s+([0-9a-f]+) \(\S+ at (\S+)\)/gm)) servers.push({ sid: m[1]!, address: m[2]! });
  return {
    role: /Role: (\w+)/.exec(raw)?.[1] ?? 'unknown',
    term: Number(/Term: (\d+)/.exec(raw)?.[1] ?? 0),
    leader: /Leader: (\S+)/.exec(raw)?.[1] ?? 'unknown',
    membership: /Status: (.+)/.exec(raw)?.[1]?.trim() ?? 'unknown',
    sid: /Server ID: ([0-9a-f]+)/.exec(raw)?.[1] ?? '',
    servers,
    electionTimerMs: Number(/Election timer: (\d+)/.exec(raw)?.[1] ?? 0),
    raw,
  };
}

/** A running RAFT cluster of the harness: its members, the comma-separated client remotes, and the current leader. */
export interface OvsdbCluster {
  readonly dir: string;
  readonly database: string;
  /** The members, including any added later (cluster-ops `addMember`). */
  readonly members: readonly ClusterMember[];
  /** All members' client remotes, comma-separated (tcp). */
  readonly remotes: string;
  /** Index of the current leader (waits until there is one). */
  leader(timeoutMs?: number): Promise<number>;
  stop(): Promise<void>;
}

/** Where one member runs: the address it listens on (RAFT and TCP clients) and its network namespace. */
export interface MemberPlacement {
  readonly host: string;
  readonly netns?: string;
}

/** Options of `startOvsdbCluster`: schema, size, election timer, addresses and namespaces per member, runtime. */
export interface StartClusterOptions extends RuntimeOptions {
  /** A path to a `.ovsschema`, or `nb` / `sb` / `vswitch`. */
  schema: string;
  /** Members (default 3). */
  size?: number;
  /** Election timer to set once the cluster has formed (changed stepwise from 1000 ms). */
  electionTimerMs?: number;
  /** Address every member listens on unless `placement` says otherwise (default 127.0.0.1). */
  host?: string;
  /** Per member index: another address and/or a network namespace (e.g. a member behind a veth pair). */
  placement?: readonly (MemberPlacement | undefined)[];
}

/** @internal A member with the handles cluster-ops.ts needs. */
export interface InternalMember extends ClusterMember {
  raftPort: number;
  readonly tcpPort: number;
  readonly name: string;
  _stop(): Promise<void>;
}

/** @internal What cluster-ops.ts needs to change a cluster's membership. */
export interface ClusterInternals {
  readonly dir: string;
  readonly env: NodeJS.ProcessEnv;
  readonly schema: string;
  readonly members: InternalMember[];
  makeMember(index: number, placement: MemberPlacement, raftPort: number, tcpPort: number): InternalMember;
}

/** @internal */
export const clusterInternals = new WeakMap<OvsdbCluster, ClusterInternals>();

/**
 * Starts a RAFT cluster of `size` members (default 3) on 127.0.0.1 (~80 ms to form), or on the
 * addresses and in the network namespaces `placement` gives.
 * @throws {HarnessError} `HARNESS_FAILED`
 */
export async function startOvsdbCluster(opts: StartClusterOptions): Promise<OvsdbCluster> {
  if (resolveRuntime(opts.runtime) === 'container') return (await containerBackend()).startOvsdbClusterContainer(opts);
  const size = opts.size ?? 3;
  const schema = schemaPath(opts.schema);
  const database = JSON.parse(readFileSync(schema, 'utf8')).name as string;
  const dir = mkdtempSync(join(tmpdir(), 'ovsdb-cluster-'));
  trackDir(dir);
  const env = daemonEnv(dir);
  const members: InternalMember[] = [];
  const placementOf = (i: number): MemberPlacement => opts.placement?.[i] ?? { host: opts.host ?? '127.0.0.1' };
  const makeMember = (i: number, place: MemberPlacement, raftPort: number, tcpPort: number): InternalMember => {
    const name = `m${i}`;
    const dbFile = join(dir, `${name}.db`);
    let pid: number | undefined;
    const ctl = join(dir, `${name}.ctl`);
    const m: InternalMember = {
      index: i,
      name,
      dbFile,
      raftPort,
      tcpPort,
      get raft() {
        return `tcp:${place.host}:${m.raftPort}`;
      },
      unix: `unix:${join(dir, `${name}.sock`)}`,
      tcp: `tcp:${place.host}:${tcpPort}`,
      ctl,
      host: place.host,
      netns: place.netns,
      get pid() {
        return pid;
      },
      get running() {
        return pid !== undefined && alive(pid);
      },
      async start() {
        if (pid !== undefined && alive(pid)) return;
        const p = await startServerProcess(dir, name, dbFile, tcpPort, [], [], place.host, place.netns);
        pid = p.pid;
      },
      async kill(signal: NodeJS.Signals = 'SIGKILL') {
        if (pid === undefined) return;
        const p = pid;
        pid = undefined;
        await terminate(p, signal);
        untrack(p);
      },
      appctl: async (...args: string[]) => (await run('ovs-appctl', ['-t', ctl, ...args], { env })).stdout,
      async status() {
        return parseClusterStatus(await m.appctl('cluster/status', database));
      },
      _stop: async () => m.kill('SIGTERM'),
    };
    return m;
  };
  try {
    const raftPorts: number[] = [];
    const tcpPorts: number[] = [];
    for (let i = 0; i < size; i++) {
      raftPorts.push(await freePort());
      tcpPorts.push(await freePort());
    }
    for (let i = 0; i < size; i++) members.push(makeMember(i, placementOf(i), raftPorts[i]!, tcpPorts[i]!));
    for (const m of members) {
      if (m.index === 0) await run('ovsdb-tool', ['create-cluster', m.dbFile, schema, m.raft], { env });
      else await run('ovsdb-tool', ['join-cluster', m.dbFile, database, m.raft, members[0]!.raft], { env });
    }
    for (const m of members) await m.start();
    const cluster: OvsdbCluster = {
      dir,
      database,
      members,
      get remotes() {
        return members.map((m) => m.tcp).join(',');
      },
      async leader(timeoutMs = 15_000) {
        return waitFor(
          'a cluster leader',
          async () => {
            for (const m of members) {
              if (!m.running) continue;
              try {
                if ((await m.status()).role === 'leader') return m.index;
              } catch {
                /* member busy, restarting or removed */
              }
            }
            return undefined;
          },
          timeoutMs,
          20,
        );
      },
      async stop() {
        for (const m of members) await m._stop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
    clusterInternals.set(cluster, { dir, env, schema, members, makeMember });
    await cluster.leader();
    await waitClusterFormed(cluster);
    if (opts.electionTimerMs) await setElectionTimer(cluster, opts.electionTimerMs);
    return cluster;
  } catch (e) {
    for (const m of members) await m._stop();
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}

/**
 * Waits until the cluster is fully formed: every member says `cluster member` and names the same
 * leader, and that leader lists every member among its servers. A leader alone is not enough: a member
 * still joining neither votes nor times out, so a partition right after start could leave the others
 * without a majority.
 * @throws {HarnessError} `HARNESS_FAILED` after `timeoutMs`
 */
export async function waitClusterFormed(cluster: OvsdbCluster, timeoutMs = 30_000): Promise<void> {
  let seen = '';
  await waitFor(
    'every member to be a cluster member under one leader',
    async () => {
      const all = await Promise.all(cluster.members.map((m) => m.status()));
      seen = all.map((s, i) => `m${i} ${s.role} term ${s.term} (${s.membership})`).join('; ');
      const li = all.findIndex((s) => s.role === 'leader');
      if (li < 0) return undefined;
      const leader = all[li]!;
      for (const s of all) {
        if (s.membership !== 'cluster member' || s.term !== leader.term) return undefined;
        if (s !== leader && s.leader !== leader.sid.slice(0, s.leader.length)) return undefined;
        if (!leader.servers.some((x) => x.sid === s.sid.slice(0, x.sid.length))) return undefined;
      }
      return true;
    },
    timeoutMs,
    20,
  ).catch((e: unknown) => {
    throw new HarnessError(`cluster ${cluster.database} did not form: ${seen}`, '', { cause: e });
  });
}

/**
 * Lowers or raises the election timer stepwise, through the leader (the server allows at most
 * doubling or halving per step), starting from the value the leader reports.
 */
export async function setElectionTimer(cluster: OvsdbCluster, ms: number): Promise<void> {
  for (;;) {
    const leader = cluster.members[await cluster.leader()]!;
    const cur = (await leader.status()).electionTimerMs;
    if (cur === ms) return;
    const next = ms < cur ? Math.max(ms, Math.ceil(cur / 2)) : Math.min(ms, cur * 2);
    await leader.appctl('cluster/change-election-timer', cluster.database, String(next));
    // The change is a log entry: wait until the leader applies it before the next step.
    await waitFor(
      `election timer ${next}`,
      async () => ((await leader.status()).electionTimerMs === next ? true : undefined),
      10_000,
      10,
    );
  }
}

export function removeDir(dir: string): void {
  if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
}
