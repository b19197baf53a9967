/**
 * Ephemeral ovsdb-server processes for tests (this project's and users'): a standalone server for
 * any schema, ovn-northd between an NB and an SB server, and RAFT clusters. Each lives in a fresh
 * temp dir with its own unix socket and a TCP port on 127.0.0.1, and `stop()` leaves nothing behind.
 */
import { mkdtempSync, readFileSync, rmSync, existsSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listen } from '../transport/stream.js';
import { HarnessError, alive, readPid, run, terminate, track, untrack, waitFor } from './process.js';

export const SCHEMAS = {
  nb: '/usr/share/ovn/ovn-nb.ovsschema',
  sb: '/usr/share/ovn/ovn-sb.ovsschema',
  vswitch: '/usr/share/openvswitch/vswitch.ovsschema',
} as const;

export type SchemaName = keyof typeof SCHEMAS;

function schemaPath(s: string): string {
  return (SCHEMAS as Record<string, string>)[s] ?? s;
}

/** Environment that keeps every OVS/OVN tool inside `dir`. */
export function daemonEnv(dir: string): NodeJS.ProcessEnv {
  return { ...process.env, OVS_RUNDIR: dir, OVS_DBDIR: dir, OVS_LOGDIR: dir, OVN_RUNDIR: dir, OVN_DBDIR: dir, OVN_LOGDIR: dir };
}

/** A free TCP port on 127.0.0.1 (bound then released). */
export async function freePort(): Promise<number> {
  const l = await listen('ptcp:0:127.0.0.1', (s) => s.close());
  const p = l.port!;
  await l.close();
  return p;
}

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

export interface StartOvsdbOptions {
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

async function startServerProcess(dir: string, name: string, dbFile: string, fixedPort: number | undefined, extraRemotes: string[], extraArgs: string[]) {
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
      `--remote=ptcp:${tcpPort}:127.0.0.1`,
      ...extraRemotes.map((r) => `--remote=${r}`),
      ...extraArgs,
      dbFile,
    ],
    { env: daemonEnv(dir) },
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
  const own = !opts.dir;
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'ovsdb-'));
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
      client: async (cmd, ...args) => (await run('ovsdb-client', [cmd, `unix:${p.sock}`, ...args], { env: daemonEnv(dir) })).stdout,
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

export interface Northd {
  readonly pid: number;
  readonly dir: string;
  stop(): Promise<void>;
}

/** Starts `ovn-northd` translating `nb` into `sb` (remotes in OVSDB syntax). */
export async function startNorthd(nb: string, sb: string, opts: { dir?: string } = {}): Promise<Northd> {
  const own = !opts.dir;
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'northd-'));
  const pidfile = join(dir, 'northd.pid');
  await run(
    'ovn-northd',
    ['--detach', '--no-chdir', `--pidfile=${pidfile}`, `--log-file=${join(dir, 'northd.log')}`, `--unixctl=${join(dir, 'northd.ctl')}`, `--ovnnb-db=${nb}`, `--ovnsb-db=${sb}`],
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

/** Starts NB and SB servers and ovn-northd between them, all in one temp dir. */
export async function startOvnCentral(): Promise<OvnCentral> {
  const dir = mkdtempSync(join(tmpdir(), 'ovn-'));
  const started: { stop(): Promise<void> }[] = [];
  try {
    const nb = await startOvsdbServer({ schema: 'nb', dir, name: 'nb' });
    started.push(nb);
    const sb = await startOvsdbServer({ schema: 'sb', dir, name: 'sb' });
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

export interface ClusterMember {
  readonly index: number;
  readonly dbFile: string;
  readonly raft: string;
  readonly unix: string;
  readonly tcp: string;
  readonly ctl: string;
  /** Current pid (changes on restart); undefined while stopped. */
  readonly pid: number | undefined;
  readonly running: boolean;
  /** Starts the member again (after `kill` or `stop`) with the same files and ports. */
  start(): Promise<void>;
  /** Sends a signal (default SIGKILL) and waits until the process is gone. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  appctl(...args: string[]): Promise<string>;
  /** `cluster/status` parsed: role, leader, term. */
  status(): Promise<{ role: string; term: number; leader: string; raw: string }>;
}

export interface OvsdbCluster {
  readonly dir: string;
  readonly database: string;
  readonly members: readonly ClusterMember[];
  /** All members' client remotes, comma-separated (tcp). */
  readonly remotes: string;
  /** Index of the current leader (waits until there is one). */
  leader(timeoutMs?: number): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Starts a RAFT cluster of `size` members (default 3) on 127.0.0.1 (~80 ms to form).
 * @throws {HarnessError} `HARNESS_FAILED`
 */
export async function startOvsdbCluster(opts: { schema: string; size?: number; electionTimerMs?: number }): Promise<OvsdbCluster> {
  const size = opts.size ?? 3;
  const schema = schemaPath(opts.schema);
  const database = JSON.parse(readFileSync(schema, 'utf8')).name as string;
  const dir = mkdtempSync(join(tmpdir(), 'ovsdb-cluster-'));
  const env = daemonEnv(dir);
  const members: (ClusterMember & { _stop(): Promise<void> })[] = [];
  try {
    const raftPorts: number[] = [];
    const tcpPorts: number[] = [];
    for (let i = 0; i < size; i++) {
      raftPorts.push(await freePort());
      tcpPorts.push(await freePort());
    }
    for (let i = 0; i < size; i++) {
      const dbFile = join(dir, `m${i}.db`);
      const raft = `tcp:127.0.0.1:${raftPorts[i]}`;
      if (i === 0) await run('ovsdb-tool', ['create-cluster', dbFile, schema, raft], { env });
      else await run('ovsdb-tool', ['join-cluster', dbFile, database, raft, `tcp:127.0.0.1:${raftPorts[0]}`], { env });
    }
    for (let i = 0; i < size; i++) {
      const name = `m${i}`;
      const dbFile = join(dir, `${name}.db`);
      let pid: number | undefined;
      const ctl = join(dir, `${name}.ctl`);
      const m = {
        index: i,
        dbFile,
        raft: `tcp:127.0.0.1:${raftPorts[i]}`,
        unix: `unix:${join(dir, `${name}.sock`)}`,
        tcp: `tcp:127.0.0.1:${tcpPorts[i]}`,
        ctl,
        get pid() {
          return pid;
        },
        get running() {
          return pid !== undefined && alive(pid);
        },
        async start() {
          if (pid !== undefined && alive(pid)) return;
          const p = await startServerProcess(dir, name, dbFile, tcpPorts[i], [], []);
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
          const raw = await m.appctl('cluster/status', database);
          const role = /Role: (\w+)/.exec(raw)?.[1] ?? 'unknown';
          const term = Number(/Term: (\d+)/.exec(raw)?.[1] ?? 0);
          const leader = /Leader: (\S+)/.exec(raw)?.[1] ?? 'unknown';
          return { role, term, leader, raw };
        },
        _stop: async () => m.kill('SIGTERM'),
      };
      members.push(m);
      await m.start();
    }
    const cluster: OvsdbCluster = {
      dir,
      database,
      members,
      remotes: members.map((m) => m.tcp).join(','),
      async leader(timeoutMs = 15_000) {
        return waitFor(
          'a cluster leader',
          async () => {
            for (const m of members) {
              if (!m.running) continue;
              try {
                if ((await m.status()).role === 'leader') return m.index;
              } catch {
                /* member busy or restarting */
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
    await cluster.leader();
    if (opts.electionTimerMs) await setElectionTimer(cluster, opts.electionTimerMs);
    return cluster;
  } catch (e) {
    for (const m of members) await m._stop();
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}

/** Lowers or raises the election timer stepwise (the server allows at most doubling or halving per step). */
export async function setElectionTimer(cluster: OvsdbCluster, ms: number): Promise<void> {
  let cur = 1000;
  while (cur !== ms) {
    const next = ms < cur ? Math.max(ms, Math.ceil(cur / 2)) : Math.min(ms, cur * 2);
    const li = await cluster.leader();
    await cluster.members[li]!.appctl('cluster/change-election-timer', cluster.database, String(next));
    cur = next;
  }
}

export function removeDir(dir: string): void {
  if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
}
