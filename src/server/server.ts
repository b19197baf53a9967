/**
 * The embedded OVSDB server: databases for any schemas plus `_Server`, sessions over in-memory
 * streams or the passive remotes `punix:`, `ptcp:` and `pssl:`, and the server-wide lock table.
 */
import { readFileSync } from 'node:fs';
import type { Logger } from '../jsonrpc/peer.js';
import { parseSchema, type DatabaseSchema } from '../ovsdb/schema.js';
import { schemaToJson } from './schema-json.js';
import serverSchemaJson from './server-schema.js';
import type { Listener, ByteStream, TlsOptions } from '../transport/stream.js';
import { listen } from '../transport/stream.js';
import { Database, type DatabaseOptions } from './database.js';
import { newUuid } from './datum.js';
import { ServerConfigError, ServerStateError } from './errors.js';
import { executeTransact } from './execute.js';
import { memoryStreamPair } from './memory-stream.js';
import { Session, type SessionHost, type SessionOptions } from './session.js';

export interface EmbeddedServerOptions extends SessionOptions, DatabaseOptions {
  /** Schemas: `.ovsschema` documents, paths of such files, or schemas as parseSchema returns them. */
  schemas?: readonly (object | string)[];
  logger?: Logger;
  /** Key and certificate for `pssl:` remotes. */
  tls?: TlsOptions;
}

/** A schema as parseSchema returns it (tables with parsed columns) rather than a document. */
function isParsedSchema(s: object): s is DatabaseSchema {
  const t = Object.values((s as { tables?: Record<string, unknown> }).tables ?? {})[0] as
    { name?: unknown; isRoot?: unknown; indexes?: unknown } | undefined;
  return t !== undefined && typeof t.name === 'string' && typeof t.isRoot === 'boolean' && Array.isArray(t.indexes);
}

interface LockState {
  /** Waiters in order; the first is the owner. */
  readonly waiters: Session[];
  /** Sessions whose waiter was created by "steal". */
  readonly stealers: Set<Session>;
}

/**
 * An OVSDB server in this process.
 *
 * @example
 * ```ts
 * const server = new EmbeddedOvsdbServer({ schemas: ['/usr/share/ovn/ovn-nb.ovsschema'] });
 * const remote = await server.listen('punix:/tmp/nb.sock');   // or 'ptcp:0:127.0.0.1'
 * const client = await OvsdbClient.connect('unix:embedded', { openStream: () => server.connectInMemory() });
 * ```
 */
export class EmbeddedOvsdbServer {
  readonly serverId = newUuid();
  private readonly dbs = new Map<string, Database>();
  private readonly serverDb: Database;
  private readonly sessions = new Set<Session>();
  private readonly listeners: Listener[] = [];
  private readonly locks = new Map<string, LockState>();
  private stopped = false;
  private readonly host: SessionHost;

  constructor(private readonly opts: EmbeddedServerOptions = {}) {
    this.serverDb = new Database(parseSchema(serverSchemaJson), serverSchemaJson, { txnHistory: false });
    for (const s of opts.schemas ?? []) this.addDatabase(s);
    this.host = {
      serverId: this.serverId,
      logger: opts.logger,
      database: (n) => (n === '_Server' ? this.serverDb : this.dbs.get(n)),
      databaseNames: () => ['_Server', ...this.dbs.keys()].sort(),
      lock: (s, n, steal) => this.lock(s, n, steal),
      unlock: (s, n) => this.unlock(s, n),
      isLockOwner: (s, n) => this.locks.get(n)?.waiters[0] === s,
      sessionClosed: (s) => {
        for (const n of [...s.locks]) this.unlock(s, n);
        this.sessions.delete(s);
      },
    };
  }

  /**
   * Adds a database for a schema (a parsed document or a file path); returns it.
   * @throws {OvsdbSchemaError} `OVSDB_SCHEMA_INVALID`
   * @throws {ServerConfigError} `SERVER_BAD_CONFIG` when a database of that name exists
   */
  addDatabase(schema: object | string, dbOpts: DatabaseOptions = {}): Database {
    let raw: object;
    if (typeof schema === 'object' && isParsedSchema(schema)) schema = schemaToJson(schema);
    if (typeof schema === 'string') {
      try {
        raw = JSON.parse(readFileSync(schema, 'utf8')) as object;
      } catch (e) {
        throw new ServerConfigError(`cannot read schema ${schema}: ${(e as Error).message}`, { cause: e });
      }
    } else raw = schema;
    const parsed = parseSchema(raw);
    if (this.dbs.has(parsed.name) || parsed.name === '_Server')
      throw new ServerConfigError(`database ${parsed.name} already exists`);
    const db = new Database(parsed, raw, {
      txnHistory: dbOpts.txnHistory ?? this.opts.txnHistory,
      historyLength: dbOpts.historyLength ?? this.opts.historyLength,
    });
    this.dbs.set(parsed.name, db);
    this.refreshServerDb();
    return db;
  }

  /** The database of that name (not `_Server`). */
  database(name: string): Database | undefined {
    return this.dbs.get(name);
  }

  get databaseNames(): string[] {
    return [...this.dbs.keys()];
  }

  /** Rewrites the `_Server` Database table (one row per database). */
  private refreshServerDb(): void {
    const db = this.serverDb;
    const t = db.tables.get('Database')!;
    const txn = db.newTxn();
    for (const r of t.rows.values()) txn.delete(t, r);
    for (const [name, d] of this.dbs) {
      const row = t.newRow(newUuid(), newUuid());
      const set = (c: string, keys: (string | boolean | number)[]) => {
        row.fields[t.byName.get(c)!.index] = { keys };
      };
      set('name', [name]);
      set('model', ['standalone']);
      set('connected', [true]);
      set('leader', [true]);
      set('schema', [JSON.stringify(d.schemaJson)]);
      txn.insert(t, row);
    }
    db.commit(txn);
  }

  /** Runs a `transact` in process (no connection): `params` as on the wire, `[db, op…]`. */
  transact(params: unknown[]): unknown {
    const name = params[0];
    const db = typeof name === 'string' ? (name === '_Server' ? this.serverDb : this.dbs.get(name)) : undefined;
    if (!db) throw new ServerConfigError(`unknown database ${String(name)}`);
    return executeTransact(db, params, { elapsedMs: 0, ownsLock: () => false });
  }

  /** Serves one byte stream (any transport). */
  serve(stream: ByteStream): void {
    if (this.stopped) {
      stream.close();
      return;
    }
    const s = new Session(stream, this.host, this.opts);
    this.sessions.add(s);
  }

  /** A new in-memory connection; returns the client's end (for `OvsdbClient.connect(…, { openStream })`). */
  connectInMemory(): Promise<ByteStream> {
    if (this.stopped) return Promise.reject(new ServerStateError('server is stopped'));
    const [client, server] = memoryStreamPair();
    this.serve(server);
    return Promise.resolve(client);
  }

  /**
   * Listens on a passive remote (`punix:PATH`, `ptcp:PORT[:IP]`, `pssl:PORT[:IP]`); resolves with the
   * active remote a client uses (`unix:PATH`, `tcp:IP:PORT`, `ssl:IP:PORT`).
   * @throws {TransportConnectError} `TRANSPORT_CONNECT_FAILED`
   */
  async listen(remote: string): Promise<string> {
    if (this.stopped) throw new ServerStateError('server is stopped');
    const l = await listen(remote, (s) => this.serve(s), this.opts.tls ? { tls: this.opts.tls } : {});
    this.listeners.push(l);
    return l.address;
  }

  /** Number of open client connections. */
  get connections(): number {
    return this.sessions.size;
  }

  /** Closes every connection and listener. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    for (const s of [...this.sessions]) s.close();
    await Promise.all(this.listeners.map((l) => l.close()));
    this.listeners.length = 0;
  }

  // ---- locks (ovsdb/server.c) ----

  private lock(s: Session, name: string, steal: boolean): boolean {
    let l = this.locks.get(name);
    if (!l) {
      l = { waiters: [], stealers: new Set() };
      this.locks.set(name, l);
    }
    const victim = steal && l.waiters.length > 0 ? l.waiters[0]! : undefined;
    if (steal) {
      l.waiters.unshift(s);
      l.stealers.add(s);
    } else l.waiters.push(s);
    s.locks.add(name);
    if (victim && l.stealers.has(victim)) {
      // A stolen "steal" waiter leaves the queue (it keeps the name until it unlocks).
      l.waiters.splice(l.waiters.indexOf(victim, 1), 1);
      l.stealers.delete(victim);
    }
    if (victim) victim.notify('stolen', [name]);
    return l.waiters[0] === s;
  }

  private unlock(s: Session, name: string): void {
    s.locks.delete(name);
    const l = this.locks.get(name);
    if (!l) return;
    const i = l.waiters.indexOf(s);
    if (i < 0) return;
    const wasOwner = i === 0;
    l.waiters.splice(i, 1);
    l.stealers.delete(s);
    if (l.waiters.length === 0) {
      this.locks.delete(name);
      return;
    }
    if (wasOwner) l.waiters[0]!.notify('locked', [name]);
  }
}
