/**
 * ovsdb-server relays (OVS ≥ 2.16): a server that serves one database by following a source — a RAFT
 * cluster or a standalone server — and forwards writes to it (`relay:DB:REMOTES`). Large OVN
 * deployments put relays between the cluster and their many clients; the harness starts them so
 * tests can kill, restart and pile clients onto them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { daemonEnv, startServerProcess } from './ovsdb-server.js';
import { run, terminate, untrack, waitFor } from './process.js';

/** A running relay: its remotes for clients, and kill / restart / stop for tests. */
export interface OvsdbRelay {
  readonly dir: string;
  readonly database: string;
  /** The source remotes it follows, comma-separated. */
  readonly source: string;
  /** `unix:/…/relay.sock` */
  readonly unix: string;
  /** `tcp:127.0.0.1:PORT` (kept across restart) */
  readonly tcp: string;
  /** Current pid (changes on restart). */
  readonly pid: number;
  /** True once the relay reports its source connected in `_Server.Database`. */
  connected(): Promise<boolean>;
  /** SIGKILLs the relay. */
  kill(): Promise<void>;
  /** Starts it again on the same socket and port (after kill or stop). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** What {@link startOvsdbRelay} relays: one database, from which source. */
export interface StartRelayOptions {
  /** Database name, e.g. `OVN_Northbound`. */
  readonly database: string;
  /** Source remotes: a cluster's `remotes` or a standalone server's `tcp` / `unix`. */
  readonly source: string;
}

/**
 * Starts a relay of `database` following `source` and waits until it is connected to it.
 * @example
 *   const cluster = await startOvsdbCluster({ schema: 'sb', size: 3 });
 *   const relay = await startOvsdbRelay({ database: 'OVN_Southbound', source: cluster.remotes });
 *   const client = await OvsdbClient.connect(relay.tcp);
 * @throws {HarnessError} `HARNESS_FAILED` when ovsdb-server fails to start or never connects
 */
export async function startOvsdbRelay(opts: StartRelayOptions): Promise<OvsdbRelay> {
  const dir = mkdtempSync(join(tmpdir(), 'ovsdb-relay-'));
  const sourceArg = `relay:${opts.database}:${opts.source}`;
  let p: Awaited<ReturnType<typeof startServerProcess>> | undefined;
  let port: number | undefined;
  let stopped = false;
  const start = async () => {
    p = await startServerProcess(dir, 'relay', sourceArg, port, [], []);
    port = p.port;
  };
  const connected = async (): Promise<boolean> => {
    if (p === undefined) return false;
    try {
      const out = (
        await run('ovsdb-client', ['dump', `unix:${p.sock}`, '_Server', 'Database', 'name', 'connected'], {
          env: daemonEnv(dir),
        })
      ).stdout;
      return new RegExp(`true\\s+${opts.database}`).test(out);
    } catch {
      return false;
    }
  };
  const down = async (signal: NodeJS.Signals) => {
    if (p === undefined) return;
    const pid = p.pid;
    p = undefined;
    await terminate(pid, signal);
    untrack(pid);
  };
  try {
    await start();
    await waitFor(
      `relay of ${opts.database} connected to ${opts.source}`,
      async () => ((await connected()) ? true : undefined),
      15_000,
      20,
    );
  } catch (e) {
    await down('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  return {
    dir,
    database: opts.database,
    source: opts.source,
    get unix() {
      return `unix:${join(dir, 'relay.sock')}`;
    },
    get tcp() {
      return `tcp:127.0.0.1:${port}`;
    },
    get pid() {
      return p?.pid ?? 0;
    },
    connected,
    kill: () => down('SIGKILL'),
    restart: async () => {
      await down('SIGTERM');
      await start();
      await waitFor(
        `relay of ${opts.database} reconnected`,
        async () => ((await connected()) ? true : undefined),
        15_000,
        20,
      );
    },
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await down('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
