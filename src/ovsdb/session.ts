/**
 * A long-lived, leader-aware connection to a (possibly clustered) database: one explicit state machine
 *
 *   connecting → checking (_Server) → monitoring (resume hooks) → live → backoff → connecting …  → closed | failed
 *
 * with typed state events and metrics hooks. Remotes are tried in shuffled order; by default only the
 * cluster leader is accepted (decided from `_Server.Database`: `leader`, `connected`, `model`, `index`),
 * and that row stays monitored so a leadership loss moves the session. A server whose `index` is older
 * than data already seen is refused (no going back in time). `set_db_change_aware` is enabled so schema
 * conversions are followed. Whatever owns monitors (the replica cache) registers an `onConnect` hook and
 * re-establishes them there, before the session is `live`.
 */
import { OvsdbClient } from './client.js';
import type { ClientOptions, MonitorEvent, TableUpdates2 } from './client.js';
import type { Logger } from '../jsonrpc/index.js';
import { SdkError } from '../errors.js';
import { OvsdbOutcomeUnknownError, OvsdbClientClosedError } from './errors.js';
import type { Operation, ResultsOf } from './operations.js';
import type { TransactOptions } from './client.js';
import type { BackoffPolicy } from './backoff.js';
import { exponentialBackoff } from './backoff.js';
import { parseRemotes } from '../transport/index.js';

export type SessionState = 'connecting' | 'checking' | 'monitoring' | 'live' | 'backoff' | 'closed' | 'failed';

export type SessionEvent =
  | { readonly type: 'state'; readonly state: SessionState; readonly remote?: string; readonly reason?: string }
  | { readonly type: 'rejected'; readonly remote: string; readonly error: SdkError };

export type SessionMetric =
  | { readonly type: 'reconnect'; readonly remote: string }
  | { readonly type: 'txnLatencyMs'; readonly value: number }
  | { readonly type: 'outage'; readonly ms: number };

/** Why a remote was not accepted (logged, and the session tries the next one). */
export class OvsdbRemoteRejectedError extends SdkError {
  constructor(
    code: 'OVSDB_NOT_LEADER' | 'OVSDB_STALE_SERVER' | 'OVSDB_UNKNOWN_DATABASE' | 'OVSDB_SCHEMA_MISMATCH' | 'OVSDB_NOT_CONNECTED',
    readonly remote: string,
    message: string,
  ) {
    super(code, `${remote}: ${message}`);
  }
}

/** The session gave up reconnecting (the backoff policy returned undefined), or was closed. */
export class OvsdbSessionClosedError extends SdkError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('OVSDB_SESSION_CLOSED', message, options);
  }
}

export interface SessionOptions {
  /** Database this session is for (e.g. `OVN_Northbound`). */
  database: string;
  /** Accept only the cluster leader (default true). Standalone servers are always accepted. */
  leaderOnly?: boolean;
  /** Try remotes in random order (default true). */
  shuffle?: boolean;
  /** Reconnect policy (default exponentialBackoff()). */
  backoff?: BackoffPolicy;
  /** Refuse a server whose schema version differs in its major number from this (e.g. the generated model's). */
  schemaVersion?: string;
  /** Options for each underlying client. */
  client?: ClientOptions;
  logger?: Logger;
  onEvent?: (e: SessionEvent) => void;
  onMetric?: (m: SessionMetric) => void;
}

/** Called on every new connection, after the server was accepted and before the session is live. */
export type ConnectHook = (client: OvsdbClient, info: { readonly remote: string; readonly reconnect: boolean }) => Promise<void>;

interface ServerDbRow {
  name?: string;
  model?: string;
  connected?: boolean;
  leader?: boolean;
  index?: number;
  schema?: string;
}

const one = (v: unknown): unknown => (Array.isArray(v) && v[0] === 'set' ? (v[1] as unknown[])[0] : Array.isArray(v) && v[0] === 'uuid' ? v[1] : v);

export class OvsdbSession {
  private current: OvsdbClient | undefined;
  private readonly remotes: string[];
  private readonly hooks: ConnectHook[] = [];
  private readonly waiters: { resolve: (c: OvsdbClient) => void; reject: (e: Error) => void }[] = [];
  private stateValue: SessionState = 'connecting';
  private stopped = false;
  private maxIndex = 0;
  private connections = 0;
  private downSince: number | undefined;
  private readonly log: Logger | undefined;
  private readonly opts: SessionOptions;

  private constructor(remotes: string | readonly string[], opts: SessionOptions) {
    this.remotes = parseRemotes(remotes).map((r) => r.text);
    this.opts = opts;
    this.log = opts.logger;
  }

  /**
   * Starts the session and resolves once it is live (or rejects when the backoff policy gives up).
   * @throws {RemoteSyntaxError} `TRANSPORT_BAD_REMOTE` for a bad remote list, before connecting
   * @throws {OvsdbSessionClosedError} `OVSDB_SESSION_CLOSED` when the policy gives up before the first connection
   */
  static async start(remotes: string | readonly string[], opts: SessionOptions, hooks: ConnectHook[] = []): Promise<OvsdbSession> {
    const s = new OvsdbSession(remotes, opts);
    s.hooks.push(...hooks);
    void s.loop();
    await s.ready();
    return s;
  }

  get state(): SessionState {
    return this.stateValue;
  }

  /** The remote of the live connection. */
  get remote(): string | undefined {
    return this.current?.remote;
  }

  /** Registers a hook run on every (re)connection before the session is live; runs it now if live. */
  async addConnectHook(h: ConnectHook): Promise<void> {
    this.hooks.push(h);
    if (this.current && this.stateValue === 'live') await h(this.current, { remote: this.current.remote, reconnect: false });
  }

  /** Resolves with the live client (waits through reconnects). */
  ready(timeoutMs?: number): Promise<OvsdbClient> {
    if (this.stateValue === 'live' && this.current && !this.current.closed) return Promise.resolve(this.current);
    if (this.stateValue === 'closed' || this.stateValue === 'failed') return Promise.reject(new OvsdbSessionClosedError(`session is ${this.stateValue}`));
    return new Promise((resolve, reject) => {
      const w = { resolve, reject };
      this.waiters.push(w);
      if (timeoutMs !== undefined) {
        setTimeout(() => {
          const i = this.waiters.indexOf(w);
          if (i >= 0) {
            this.waiters.splice(i, 1);
            reject(new OvsdbSessionClosedError(`not live within ${timeoutMs} ms (state ${this.stateValue})`));
          }
        }, timeoutMs).unref();
      }
    });
  }

  /**
   * A transaction on the live connection. With `idempotent: true`, a transaction whose outcome is unknown
   * (the connection dropped in flight) is sent again after the reconnect, up to `retries` times (default 5):
   * safe only for transactions that change nothing when applied twice (the SDK's builders guard their
   * inserts with `wait`, so theirs are).
   * @throws {OvsdbOutcomeUnknownError} `OVSDB_OUTCOME_UNKNOWN` when not idempotent (or retries ran out)
   */
  async transact<const Ops extends readonly Operation[]>(ops: Ops, o: TransactOptions & { idempotent?: boolean; retries?: number; readyTimeoutMs?: number } = {}): Promise<ResultsOf<Ops>> {
    const retries = o.idempotent ? (o.retries ?? 5) : 0;
    for (let attempt = 0; ; attempt++) {
      const c = await this.ready(o.readyTimeoutMs);
      const t0 = performance.now();
      try {
        const r = await c.transact(this.opts.database, ops, o);
        this.opts.onMetric?.({ type: 'txnLatencyMs', value: performance.now() - t0 });
        return r;
      } catch (e) {
        const retryable = e instanceof OvsdbOutcomeUnknownError || e instanceof OvsdbClientClosedError;
        if (!retryable || attempt >= retries) throw e;
        this.log?.info({ attempt: attempt + 1, err: (e as Error).message }, 'ovsdb session: retrying idempotent transaction');
      }
    }
  }

  /** Closes the session and its connection for good. */
  async close(): Promise<void> {
    this.stopped = true;
    this.setState('closed');
    const c = this.current;
    this.current = undefined;
    await c?.close();
    this.rejectWaiters(new OvsdbSessionClosedError('session closed'));
  }

  private setState(state: SessionState, remote?: string, reason?: string): void {
    if (this.stateValue === state && state !== 'connecting') return;
    this.stateValue = state;
    this.opts.onEvent?.({ type: 'state', state, ...(remote ? { remote } : {}), ...(reason ? { reason } : {}) });
    this.log?.debug({ state, remote, reason }, 'ovsdb session: state');
  }

  private rejectWaiters(e: Error): void {
    for (const w of this.waiters.splice(0)) w.reject(e);
  }

  private order(): string[] {
    const list = [...this.remotes];
    if (this.opts.shuffle !== false) {
      for (let i = list.length - 1; i > 0; i--) {
        const j = Math.floor(Math.random() * (i + 1));
        [list[i], list[j]] = [list[j]!, list[i]!];
      }
    }
    return list;
  }

  private async loop(): Promise<void> {
    const backoff = this.opts.backoff ?? exponentialBackoff();
    let failures = 0;
    while (!this.stopped) {
      let connected = false;
      for (const remote of this.order()) {
        if (this.stopped) return;
        const conn = await this.tryRemote(remote);
        if (conn) {
          connected = true;
          failures = 0;
          await conn.ended;
          if (this.stopped) return;
          this.downSince = Date.now();
          break;
        }
      }
      if (this.stopped) return;
      if (!connected) {
        failures++;
        const delay = backoff(failures);
        if (delay === undefined) {
          this.setState('failed', undefined, `gave up after ${failures - 1} rounds of reconnect attempts`);
          this.rejectWaiters(new OvsdbSessionClosedError(`gave up connecting to ${this.remotes.join(',')}`));
          this.stopped = true;
          return;
        }
        this.setState('backoff', undefined, `retrying in ${delay} ms`);
        await new Promise((r) => setTimeout(r, delay));
      }
    }
  }

  /** Connects to one remote; resolves with a promise of the connection's end (wrapped, so it is not adopted), or undefined if refused. */
  private async tryRemote(remote: string): Promise<{ ended: Promise<void> } | undefined> {
    this.setState('connecting', remote);
    let client: OvsdbClient;
    try {
      client = await OvsdbClient.connect(remote, { ...this.opts.client, ...(this.opts.logger ? { logger: this.opts.logger } : {}) });
    } catch (e) {
      this.reject(remote, e as SdkError);
      return undefined;
    }
    try {
      this.setState('checking', remote);
      const ended = new Promise<void>((resolve) => client.onClose(() => resolve()));
      await this.check(client, remote);
      this.setState('monitoring', remote);
      const reconnect = this.connections++ > 0;
      for (const h of this.hooks) await h(client, { remote, reconnect });
      if (client.closed) throw new OvsdbClientClosedError('connection lost while re-establishing monitors');
      this.current = client;
      if (reconnect) this.opts.onMetric?.({ type: 'reconnect', remote });
      if (this.downSince !== undefined) {
        this.opts.onMetric?.({ type: 'outage', ms: Date.now() - this.downSince });
        this.downSince = undefined;
      }
      this.setState('live', remote);
      for (const w of this.waiters.splice(0)) w.resolve(client);
      return {
        ended: ended.then(() => {
          if (this.current === client) this.current = undefined;
          if (!this.stopped) this.setState('connecting', undefined, `lost ${remote}`);
        }),
      };
    } catch (e) {
      this.reject(remote, e as SdkError);
      await client.close();
      return undefined;
    }
  }

  private reject(remote: string, error: SdkError): void {
    this.log?.warn({ remote, code: error.code, err: error.message }, 'ovsdb session: remote not used');
    this.opts.onEvent?.({ type: 'rejected', remote, error });
  }

  /** Reads and keeps watching this database's row in `_Server.Database`; throws if the server is not acceptable. */
  private async check(client: OvsdbClient, remote: string): Promise<void> {
    const db = this.opts.database;
    const judge = (row: ServerDbRow | undefined, initial: boolean): OvsdbRemoteRejectedError | undefined => {
      if (!row) return new OvsdbRemoteRejectedError('OVSDB_UNKNOWN_DATABASE', remote, `the server has no database ${db}`);
      if (row.model === 'clustered') {
        if (!row.connected) return new OvsdbRemoteRejectedError('OVSDB_NOT_CONNECTED', remote, 'member is not connected to its cluster');
        if (this.opts.leaderOnly !== false && !row.leader) return new OvsdbRemoteRejectedError('OVSDB_NOT_LEADER', remote, 'member is not the leader');
        const index = row.index ?? 0;
        if (initial && index < this.maxIndex) {
          return new OvsdbRemoteRejectedError('OVSDB_STALE_SERVER', remote, `member is behind (index ${index} < ${this.maxIndex} already seen)`);
        }
        this.maxIndex = Math.max(this.maxIndex, index);
      }
      if (initial && this.opts.schemaVersion && row.schema) {
        try {
          const v = (JSON.parse(row.schema) as { version?: string }).version ?? '';
          if (v.split('.')[0] !== this.opts.schemaVersion.split('.')[0]) {
            return new OvsdbRemoteRejectedError('OVSDB_SCHEMA_MISMATCH', remote, `schema version ${v} is not compatible with ${this.opts.schemaVersion}`);
          }
        } catch {
          /* schema column unreadable: accept */
        }
      }
      return undefined;
    };
    let row: ServerDbRow | undefined;
    const apply = (updates: TableUpdates2 | undefined) => {
      for (const u of Object.values(updates?.Database ?? {})) {
        if (u.delete === null) row = undefined;
        else {
          const r = (u.initial ?? u.insert ?? u.modify) as Record<string, unknown> | undefined;
          const base: Record<string, unknown> = u.modify ? { ...row } : {};
          for (const [k, v] of Object.entries(r ?? {})) base[k] = one(v);
          row = base as ServerDbRow;
        }
      }
    };
    const initial = await client.monitorCond(
      '_Server',
      ['session', db],
      { Database: { columns: ['name', 'model', 'connected', 'leader', 'index', 'schema'], where: [['name', '==', db]] } },
      (ev: MonitorEvent) => {
        if (ev.method === 'update') return;
        apply(ev.updates);
        const bad = judge(row, false);
        if (bad && client === this.current) {
          this.log?.info({ remote, reason: bad.message }, 'ovsdb session: moving away from this server');
          this.reject(remote, bad);
          void client.close();
        }
      },
    );
    apply(initial);
    const bad = judge(row, true);
    if (bad) throw bad;
    await client.setDbChangeAware(true);
  }
}
