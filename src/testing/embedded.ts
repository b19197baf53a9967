/**
 * The embedded backend of the harness: an in-process OVSDB server (src/server) with the same handle
 * shape as {@link startOvsdbServer}'s, for tests and demos on machines without Open vSwitch, and
 * {@link startOvsdb} to pick a backend. The schema names `nb`, `sb` and `vswitch` fall back to the
 * SDK's generated schemas when the OVS/OVN packages (and their `.ovsschema` files) are absent.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedOvsdbServer } from '../server/server.js';
import type { Database } from '../server/database.js';
import { openDbFile } from '../server/file.js';
import type { ByteStream } from '../transport/stream.js';
import { ovnNorthboundSchema } from '../ovn-nb/generated/ovn-northbound.gen.js';
import { ovnSouthboundSchema } from '../ovn-sb/generated/ovn-southbound.gen.js';
import { openVSwitchSchema } from '../vswitch/generated/open-vswitch.gen.js';
import { SCHEMAS, daemonEnv, freePort, startNorthd, startOvsdbServer } from './ovsdb-server.js';
import type { Northd, OvsdbServer, StartOvsdbOptions } from './ovsdb-server.js';
import { run } from './process.js';

const GENERATED: Record<string, object> = {
  nb: ovnNorthboundSchema,
  sb: ovnSouthboundSchema,
  vswitch: openVSwitchSchema,
};

/** An embedded OVSDB server started by the harness: the same handle shape as a real server's (remotes, `stop()`). */
export interface EmbeddedOvsdb {
  readonly backend: 'embedded';
  readonly dir: string;
  /** Database name from the schema (e.g. `OVN_Northbound`). */
  readonly database: string;
  /** `unix:/…/db.sock` */
  readonly unix: string;
  /** `tcp:127.0.0.1:PORT` */
  readonly tcp: string;
  readonly tcpPort: number;
  /** The server itself (in this process). */
  readonly server: EmbeddedOvsdbServer;
  readonly db: Database;
  /** A new in-memory connection, for `OvsdbClient.connect(remote, { openStream })`. */
  openStream(): Promise<ByteStream>;
  /** Runs `ovsdb-client <cmd> <unix remote> …` (needs Open vSwitch installed). */
  client(cmd: string, ...args: string[]): Promise<string>;
  stop(): Promise<void>;
}

/** Options of `startEmbeddedOvsdb`: the schema, a database file to start from, the socket name and TCP port. */
export interface StartEmbeddedOptions {
  /** A path to a `.ovsschema`, or `nb` / `sb` / `vswitch`. */
  schema: string;
  /** Load this standalone database file instead of starting empty (it is not modified). */
  fromDb?: string;
  dir?: string;
  /** Basename of the socket (default `db`). */
  name?: string;
  /** Fixed TCP port (default: a free one). */
  tcpPort?: number;
  /** Keep a transaction history for monitor_cond_since resume (default true). */
  txnHistory?: boolean;
}

/**
 * Starts an embedded OVSDB server listening on a unix socket and a TCP port of 127.0.0.1.
 * @example
 *   const nb = await startEmbeddedOvsdb({ schema: 'nb' });
 *   const client = await OvsdbClient.connect(nb.unix);
 *   …
 *   await nb.stop();
 */
export async function startEmbeddedOvsdb(opts: StartEmbeddedOptions): Promise<EmbeddedOvsdb> {
  const own = !opts.dir;
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'ovsdb-emb-'));
  const name = opts.name ?? 'db';
  const server = new EmbeddedOvsdbServer({ ...(opts.txnHistory !== undefined ? { txnHistory: opts.txnHistory } : {}) });
  try {
    let db: Database;
    if (opts.fromDb) db = openDbFile(server, opts.fromDb);
    else {
      const path = (SCHEMAS as Record<string, string>)[opts.schema] ?? opts.schema;
      db = server.addDatabase(existsSync(path) || !GENERATED[opts.schema] ? path : GENERATED[opts.schema]!);
    }
    const sock = join(dir, `${name}.sock`);
    const unix = await server.listen(`punix:${sock}`);
    const port = opts.tcpPort ?? (await freePort());
    const tcp = await server.listen(`ptcp:${port}:127.0.0.1`);
    let stopped = false;
    return {
      backend: 'embedded',
      dir,
      database: db.name,
      unix,
      tcp,
      tcpPort: port,
      server,
      db,
      openStream: () => server.connectInMemory(),
      client: async (cmd, ...args) => (await run('ovsdb-client', [cmd, unix, ...args], { env: daemonEnv(dir) })).stdout,
      stop: async () => {
        if (stopped) return;
        stopped = true;
        await server.stop();
        if (own) rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    await server.stop();
    if (own) rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}

/** Which OVSDB server a harness function starts: the real `ovsdb-server` or this package's embedded server. */
export type OvsdbBackend = 'ovsdb-server' | 'embedded';

/**
 * Starts a database on the chosen backend: `ovsdb-server` (the real daemon, the default) or
 * `embedded` (then like a standalone ovsdb-server 3.1: no monitor_cond_since history).
 * `OVN_SDK_BACKEND=embedded` in the environment changes the default.
 */
export async function startOvsdb(
  opts: StartOvsdbOptions & { backend?: OvsdbBackend },
): Promise<OvsdbServer | EmbeddedOvsdb> {
  const backend = opts.backend ?? (process.env.OVN_SDK_BACKEND === 'embedded' ? 'embedded' : 'ovsdb-server');
  if (backend === 'embedded') {
    // As a stand-in for a standalone ovsdb-server: no resumable history (all-zero txn ids), as 3.1 has.
    return startEmbeddedOvsdb({
      txnHistory: false,
      schema: opts.schema,
      ...(opts.fromDb ? { fromDb: opts.fromDb } : {}),
      ...(opts.dir ? { dir: opts.dir } : {}),
      ...(opts.name ? { name: opts.name } : {}),
      ...(opts.tcpPort ? { tcpPort: opts.tcpPort } : {}),
    });
  }
  return startOvsdbServer(opts);
}

/** The Northbound and Southbound of OVN central on embedded servers (no `ovn-northd`): the same remotes as {@link OvnCentral}. */
export interface EmbeddedCentral {
  readonly nb: EmbeddedOvsdb;
  readonly sb: EmbeddedOvsdb;
  /** The real ovn-northd between them (needs OVN installed). */
  readonly northd: Northd;
  nbctl(...args: string[]): Promise<string>;
  sbctl(...args: string[]): Promise<string>;
  stop(): Promise<void>;
}

/** NB and SB on embedded servers with the real `ovn-northd` between them (it takes the SB lock). */
export async function startEmbeddedCentral(): Promise<EmbeddedCentral> {
  const dir = mkdtempSync(join(tmpdir(), 'ovn-emb-'));
  const started: { stop(): Promise<void> }[] = [];
  try {
    const nb = await startEmbeddedOvsdb({ schema: 'nb', dir, name: 'nb' });
    started.push(nb);
    const sb = await startEmbeddedOvsdb({ schema: 'sb', dir, name: 'sb' });
    started.push(sb);
    const northd = await startNorthd(nb.unix, sb.unix, { dir });
    started.push(northd);
    const env = daemonEnv(dir);
    return {
      nb,
      sb,
      northd,
      nbctl: async (...args) =>
        (await run('ovn-nbctl', [`--db=${nb.unix}`, '--no-leader-only', ...args], { env })).stdout,
      sbctl: async (...args) =>
        (await run('ovn-sbctl', [`--db=${sb.unix}`, '--no-leader-only', ...args], { env })).stdout,
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
