/**
 * The replica cache (an IDL), its lifecycle: start, follow a session, resume, monitor fallback
 * (monitor_cond_since → monitor_cond → monitor), event streams and reads. The pure steps live
 * beside it: plan.ts (schema + model + options → table plans), apply.ts (plans + updates → row
 * events) and verify.ts (transactions that verify what they read).
 */
import type { OvsdbClient } from '../client.js';
import type { Logger } from '../../jsonrpc/index.js';
import type { DatabaseSchema } from '../schema.js';
import type { Condition, MonitorEvent, MonitorRequest, WaitOp } from '../protocol.js';
import type { SdkError } from '../../errors.js';
import type { OvsdbSession, ConnectHook } from '../session.js';
import { OvsdbClientClosedError, OvsdbOutcomeUnknownError } from '../errors.js';
import type { DatabaseModel } from '../typed/types.js';
import type { CacheRow, CacheTable, IndexSpec } from './table.js';
import { EventStream, type RowEvent, type SubscribeOptions } from './events.js';
import { planTables, type RejectedRow, type TablePlan } from './plan.js';
import {
  applyMonitorEvent,
  applyResync,
  applyUpdates1,
  applyUpdates2,
  pickUpdate1,
  pickUpdate2,
  type ApplyTarget,
} from './apply.js';
import {
  verifiedTransact,
  verifyOps,
  type TransactFn,
  type TransactOutcome,
  type VerifiedTransactOptions,
  type VerifyHost,
  type VerifyRead,
} from './verify.js';
import { CacheAbortedError, CacheClosedError, CacheOptionError, CacheUnknownTableError } from './errors.js';

export type { RejectedRow } from './plan.js';
export type { ReadRecord, VerifyingReader, VerifiedTransactOptions, TransactOutcome } from './verify.js';

/** Which OVSDB method carries the monitor. */
export type MonitorMethod = 'monitor_cond_since' | 'monitor_cond' | 'monitor';

export interface ReplicaCacheOptions {
  /**
   * What to monitor: a list of tables (all their columns), or table → column list. Default: every
   * table of the model if one is given, else of the server's schema. Columns are always sent as an
   * explicit list, so the server does not add `_version`.
   */
  readonly tables?: readonly string[] | Readonly<Record<string, readonly string[] | true>>;
  /** Conditions per table (monitor_cond / monitor_cond_since); change them later with {@link ReplicaCache.setConditions}. */
  readonly where?: Readonly<Record<string, readonly (Condition | boolean)[]>>;
  /**
   * A generated model (e.g. `ovnNorthboundModel`). The cache then follows the model: tables and columns
   * the server has but the model lacks are skipped; optional columns the model has but the server
   * lacks read as their default; rows whose values the model does not accept (an enum value from a
   * newer server, another type) are set aside in {@link ReplicaCache.rejected}. Each skip is logged once.
   */
  readonly model?: DatabaseModel<never> | { readonly schema: DatabaseSchema };
  /** pino-compatible logger; silent by default. */
  readonly logger?: Logger;
  /** Client-defined indexes: table → index name → spec (see {@link IndexSpec}). */
  readonly indexes?: Readonly<Record<string, Readonly<Record<string, IndexSpec>>>>;
  /** Force one method instead of trying monitor_cond_since, then monitor_cond, then monitor. */
  readonly method?: MonitorMethod;
  /** The monitor id on the connection (default a fresh unique string). */
  readonly monitorId?: string;
  /**
   * Survive the end of the connection: instead of closing, the cache goes `connected: false`
   * (reads keep the last state, event streams stay open, `transact` fails with `CACHE_CLOSED`)
   * until {@link ReplicaCache.resume} attaches it to a new client. Default false.
   */
  readonly resumable?: boolean;
}

/** Options of {@link ReplicaCache.follow}: those of a cache (always resumable), and how long to wait for the session. */
export interface FollowOptions extends Omit<ReplicaCacheOptions, 'resumable'> {
  /**
   * Give up the first sync if the session is not live within this many ms: `follow` rejects with
   * `OVSDB_SESSION_NOT_READY`. Default {@link DEFAULT_FOLLOW_TIMEOUT_MS} (30 s); `Infinity` waits as long
   * as the session tries.
   */
  readonly timeoutMs?: number;
  /** The former name of `timeoutMs` (used when `timeoutMs` is not given). */
  readonly readyTimeoutMs?: number;
  /** Aborts the first sync: `follow` rejects with `CACHE_CLOSED` (the signal's reason as `cause`) and leaves no monitor behind. */
  readonly signal?: AbortSignal;
}

/** How long {@link ReplicaCache.follow} waits for its session to be live by default. */
export const DEFAULT_FOLLOW_TIMEOUT_MS = 30_000;

/** The row type a model gives a table, as the cache holds it (no `_version`). */
export type RowOf<T> = T extends { readonly row: infer R }
  ? Omit<R, '_version'> & { readonly _uuid: string }
  : CacheRow;

type AnyTables = Readonly<Record<string, { readonly row: CacheRow }>>;

let monitorSeq = 0;

/** The connection ended under a call (as opposed to the server refusing it). */
const isConnectionLoss = (e: unknown): boolean =>
  e instanceof OvsdbClientClosedError ||
  e instanceof OvsdbOutcomeUnknownError ||
  (e as { code?: string })?.code === 'JSONRPC_TIMEOUT';

/**
 * A replica of (part of) one database, kept current by a monitor on one client.
 *
 * Reads are synchronous and consistent: each server notification is applied in one synchronous
 * step, so a read between two awaits never sees half a transaction. Rows are immutable snapshots
 * (a change replaces the row object). The initial contents are decoded row by row on first read,
 * so a large database is queryable as soon as the reply arrives; a row of the initial contents
 * that turns out malformed when decoded leaves the table then (and `size` with it) and shows up in
 * {@link ReplicaCache.rejected}. Event streams end with `CACHE_CLOSED` when the connection ends;
 * the last state stays readable.
 *
 * On one connection, start it with {@link ReplicaCache.start}; to survive reconnects and leader changes,
 * start it with {@link ReplicaCache.follow} on an `OvsdbSession`, which re-establishes the monitor after
 * every reconnect by itself (or call {@link ReplicaCache.resume} yourself on a `resumable` cache).
 *
 * @example
 *   const cache = await ReplicaCache.start(client, 'OVN_Northbound', { tables: ['Logical_Switch', 'Logical_Switch_Port'] });
 *   const lsp = cache.table('Logical_Switch_Port').index('name').get('pod-a');
 *   for await (const ev of cache.events({ tables: ['Logical_Switch_Port'] })) console.log(ev.type, ev.uuid);
 *   await cache.close();
 */
export class ReplicaCache<Tb = AnyTables> {
  private readonly plans = new Map<string, TablePlan>();
  /** The plans, the logger and the once-only log, as apply.ts takes them. */
  private readonly applyTarget: ApplyTarget;
  private readonly streams = new Set<EventStream>();
  private readonly logged = new Set<string>();
  private readonly log: Logger | undefined;
  private pending: MonitorEvent[] | null = [];
  private seq = 0;
  private seqWaiters: { seq: number; resolve: () => void }[] = [];
  private _closed = false;
  private _lastTxnId: string | undefined;
  private _method: MonitorMethod = 'monitor_cond_since';
  private where: Record<string, readonly (Condition | boolean)[]>;
  private offClose: (() => void) | undefined;
  /** The monitor id used on the connection. */
  readonly monitorId: string;

  private _client: OvsdbClient;
  private _connected = true;
  /** Set by {@link ReplicaCache.follow}: the session whose connections the cache follows, and its hook. */
  private session: OvsdbSession | undefined;
  private sessionHook: ConnectHook | undefined;
  private _resumes = { hits: 0, misses: 0 };
  private connecting: Promise<void> = Promise.resolve();
  private offSessionEnd: (() => void) | undefined;

  private constructor(
    client: OvsdbClient,
    /** The database name. */
    readonly database: string,
    /** The server's schema. */
    readonly schema: DatabaseSchema,
    private readonly opts: ReplicaCacheOptions,
  ) {
    this._client = client;
    this.log = opts.logger;
    this.monitorId = opts.monitorId ?? `cache-${process.pid}-${++monitorSeq}`;
    this.where = { ...(opts.where ?? {}) };
    this.applyTarget = { plans: this.plans, logger: this.log, note: (key, obj, msg) => this.logOnce(key, obj, msg) };
  }

  /**
   * Fetches the schema, starts the monitor (monitor_cond_since → monitor_cond → monitor on
   * "unknown method") and resolves once the initial contents are applied.
   * @throws {CacheOptionError} `CACHE_INVALID_OPTION` for a table/column neither the server nor the model has, or conditions the server cannot take
   * @throws {OvsdbClientClosedError} `OVSDB_CLIENT_CLOSED` and the client's other errors
   * @throws {CacheAbortedError} `CACHE_ABORTED` when `opts.signal` fires before the initial contents are applied
   *   (a monitor the server sets up after that is cancelled as soon as its reply arrives)
   */
  static async start<M extends { readonly schema: DatabaseSchema } | undefined = undefined>(
    client: OvsdbClient,
    database: string,
    opts: ReplicaCacheOptions & { readonly model?: M; readonly signal?: AbortSignal } = {},
  ): Promise<ReplicaCache<M extends DatabaseModel<infer T> ? T : AnyTables>> {
    const { signal, ...cacheOpts } = opts;
    const aborted = () => new CacheAbortedError('ReplicaCache.start', { cause: signal?.reason });
    if (signal?.aborted) throw aborted();
    const run = (async () => {
      const schema = await client.getSchema(database, signal ? { signal } : undefined);
      const cache = new ReplicaCache<M extends DatabaseModel<infer T> ? T : AnyTables>(
        client,
        database,
        schema,
        cacheOpts,
      );
      cache.plan();
      await cache.startMonitor();
      return cache;
    })();
    if (!signal) return run;
    try {
      return await abortable(run, signal, aborted);
    } catch (e) {
      if (!signal.aborted) throw e;
      // The monitor request may still be answered: cancel the monitor then (nothing stays behind).
      run.then(
        (c) => c.close(),
        () => {},
      );
      throw aborted();
    }
  }

  /**
   * Starts a cache that follows an {@link OvsdbSession}: it runs on the session's live connection and,
   * after every reconnect (to the same server or another cluster member), before the session is live
   * again, re-establishes its monitor with monitor_cond_since and its own last transaction id. When
   * the server still has that id (`found`, RAFT clusters) only the changes since are applied; when not,
   * the full contents are compared with the cache row by row and only the real differences are applied.
   * Either way event streams stay open and receive exactly the changes made meanwhile (no delete and
   * re-insert of unchanged rows). Falls back to monitor_cond, then monitor, on "unknown method".
   * Several caches may follow one session; each is its own monitor with its own transaction id.
   * Resume hits/misses and update counts are reported through the session's `onMetric`.
   *
   * A resume that fails because the connection dropped again makes the session try another remote;
   * any other failure closes the cache with that error (its event streams end with it).
   * @example
   *   const session = await OvsdbSession.start('tcp:10.0.0.1:6641,tcp:10.0.0.2:6641,tcp:10.0.0.3:6641', { database: 'OVN_Northbound' });
   *   const cache = await ReplicaCache.follow(session, { model: ovnNorthboundModel, tables: ['Logical_Switch'] });
   *   // … leader changes come and go; the cache stays current …
   *   await cache.close();
   *   await session.close();
   * @throws {CacheOptionError} `CACHE_INVALID_OPTION` as {@link ReplicaCache.start}
   * @throws {OvsdbSessionGaveUpError} `OVSDB_SESSION_GAVE_UP` / `OVSDB_SESSION_CLOSED` when the session never becomes live
   * @throws {OvsdbSessionNotReadyError} `OVSDB_SESSION_NOT_READY` when the session is not live within `timeoutMs`
   * @throws {CacheClosedError} `CACHE_CLOSED` when `signal` aborts the first sync
   */
  static async follow<M extends { readonly schema: DatabaseSchema } | undefined = undefined>(
    session: OvsdbSession,
    opts: FollowOptions & { readonly model?: M } = {},
  ): Promise<ReplicaCache<M extends DatabaseModel<infer T> ? T : AnyTables>> {
    const { readyTimeoutMs, timeoutMs = readyTimeoutMs ?? DEFAULT_FOLLOW_TIMEOUT_MS, signal, ...cacheOpts } = opts;
    const o: ReplicaCacheOptions = { ...cacheOpts, resumable: true };
    const deadline = Date.now() + timeoutMs;
    const aborted = () => new CacheClosedError('ReplicaCache.follow aborted', { cause: signal?.reason });
    for (;;) {
      if (signal?.aborted) throw aborted();
      const client = await abortable(
        session.ready(Number.isFinite(timeoutMs) ? Math.max(0, deadline - Date.now()) : undefined),
        signal,
        aborted,
      );
      let cache: ReplicaCache<M extends DatabaseModel<infer T> ? T : AnyTables> | undefined;
      try {
        const schema = await client.getSchema(session.database);
        cache = new ReplicaCache<M extends DatabaseModel<infer T> ? T : AnyTables>(client, session.database, schema, o);
        cache.plan();
        await cache.startMonitor();
      } catch (e) {
        // The connection ended under us: the session reconnects, start again on the next one.
        if (isConnectionLoss(e) || client.closed) {
          opts.logger?.info(
            { remote: client.remote, err: (e as Error).message },
            'ovsdb cache: connection lost during the first sync, starting again',
          );
          continue;
        }
        throw e;
      }
      if (signal?.aborted) {
        await cache.close();
        throw aborted();
      }
      await cache.attach(session);
      return cache;
    }
  }

  /** Registers the reconnect hook on the session (which runs it at once if it is live on another connection already). */
  private async attach(session: OvsdbSession): Promise<void> {
    this.session = session;
    const hook: ConnectHook = (client, info) => this.onSessionConnect(client, info.remote);
    this.sessionHook = hook;
    // The session closed or gave up: no connection will come back, so the cache ends with it.
    this.offSessionEnd = session.onEnded((err) => {
      this.log?.warn(
        { database: this.database, monitorId: this.monitorId, err: err.message },
        'ovsdb cache: the session ended; cache closed',
      );
      this.detachSession();
      this.shutdown(new CacheClosedError(`the session ended: ${err.message}`, { cause: err }));
    });
    try {
      await session.addConnectHook(hook);
    } catch (e) {
      // Lost again meanwhile: the session reconnects and runs the hook then.
      if (!isConnectionLoss(e)) throw e;
    }
  }

  /** The session's connect hook: re-establish the monitor on `client` (see {@link follow}); one at a time. */
  private onSessionConnect(client: OvsdbClient, remote: string): Promise<void> {
    const run = this.connecting.then(() => this.reattach(client, remote));
    this.connecting = run.catch(() => {});
    return run;
  }

  private async reattach(client: OvsdbClient, remote: string): Promise<void> {
    if (this._closed || client.closed) {
      if (client.closed) throw new OvsdbClientClosedError('connection lost before the monitor was re-established');
      return;
    }
    if (client === this._client && this._connected) return;
    if (this._connected) {
      // The session moved to another server while the old connection still looked open.
      this.offClose?.();
      this._connected = false;
      if (!this._client.closed) void this._client.monitorCancel(this.monitorId, { timeoutMs: 1000 }).catch(() => {});
    }
    const t0 = performance.now();
    try {
      const { found } = await this.resume(client);
      if (found) this._resumes.hits++;
      else this._resumes.misses++;
      this.log?.info(
        { remote, monitorId: this.monitorId, found, method: this._method },
        'ovsdb cache: monitor re-established',
      );
      this.session?.reportMetric({
        type: 'resume',
        remote,
        monitorId: this.monitorId,
        found,
        method: this._method,
        ms: performance.now() - t0,
      });
    } catch (e) {
      // Lost again: let the session try another remote. Anything else is this cache's end.
      if (isConnectionLoss(e) || client.closed) throw e;
      this.log?.error(
        { remote, monitorId: this.monitorId, err: (e as Error).message },
        'ovsdb cache: could not re-establish the monitor; cache closed',
      );
      this.detachSession();
      this.shutdown(
        new CacheClosedError(`could not re-establish the monitor on ${remote}: ${(e as Error).message}`, { cause: e }),
      );
    }
  }

  /** A following cache between connections: waits until the session is live again and the monitor re-established. */
  private async reconnected(timeoutMs: number): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (this.session && !this._closed && (!this._connected || this._client.closed)) {
      const left = until - Date.now();
      if (left <= 0) return;
      try {
        await this.session.ready(left);
      } catch {
        return; // not live in time, or the session ended: the caller reports CACHE_CLOSED
      }
      // The hooks (this cache's resume among them) ran before the session went live.
      await this.connecting;
      if (!this._connected || this._client.closed) await new Promise((r) => setTimeout(r, 10));
    }
  }

  private detachSession(): void {
    this.offSessionEnd?.();
    this.offSessionEnd = undefined;
    if (this.session && this.sessionHook) this.session.removeConnectHook(this.sessionHook);
    this.session = undefined;
    this.sessionHook = undefined;
  }

  /** How often a following cache resumed with monitor_cond_since `found` (hits) or compared full contents (misses). */
  get resumes(): { readonly hits: number; readonly misses: number } {
    return { ...this._resumes };
  }

  private logOnce(key: string, obj: object, msg: string): void {
    if (this.logged.has(key)) return;
    this.logged.add(key);
    this.log?.warn(obj, msg);
  }

  private plan(): void {
    const plans = planTables(this.schema, {
      database: this.database,
      ...(this.opts.tables !== undefined ? { tables: this.opts.tables } : {}),
      ...(this.opts.model !== undefined ? { model: this.opts.model } : {}),
      ...(this.opts.indexes !== undefined ? { indexes: this.opts.indexes } : {}),
      conditionTables: Object.keys(this.where),
      ...(this.log ? { logger: this.log } : {}),
      note: (key, obj, msg) => this.logOnce(key, obj, msg),
    });
    for (const [name, p] of plans) this.plans.set(name, p);
  }

  private requests(withWhere: boolean): Record<string, MonitorRequest> {
    const out: Record<string, MonitorRequest> = {};
    for (const p of this.plans.values()) {
      const w = this.where[p.name];
      out[p.name] = withWhere && w ? { columns: p.wireColumns, where: w } : { columns: p.wireColumns };
    }
    return out;
  }

  private onConnectionEnd(err: SdkError): void {
    if (this._closed) return;
    if (!this.opts.resumable)
      return this.shutdown(new CacheClosedError(`the connection ended: ${err.message}`, { cause: err }));
    this._connected = false;
    this.offClose?.();
    this.log?.warn({ err: err.message }, 'ovsdb cache: connection ended; waiting for resume()');
  }

  /**
   * Starts the monitor on the current client. `resync` (after a reconnect): the reply is compared
   * with what the cache holds and only the differences are applied, as events.
   */
  private async startMonitor(resync = false): Promise<boolean> {
    const order: MonitorMethod[] = this.opts.method
      ? [this.opts.method]
      : ['monitor_cond_since', 'monitor_cond', 'monitor'];
    const onEvent = (ev: MonitorEvent) => this.onMonitorEvent(ev);
    const client = this._client;
    this.offClose = client.onClose((err) => this.onConnectionEnd(err));
    this.pending = [];
    let lastErr: unknown;
    let found = false;
    for (const m of order) {
      try {
        if (m === 'monitor_cond_since') {
          const since = resync ? (this._lastTxnId ?? null) : null;
          const r = await client.monitorCondSince(this.database, this.monitorId, this.requests(true), since, onEvent);
          this._method = m;
          found = resync && r.found;
          this._lastTxnId = r.lastTxnId;
          // found: the reply holds only what changed since our last transaction, as ordinary updates.
          if (found) this.applyUpdates2(r.updates, false);
          else if (resync) this.resync(r.updates, pickUpdate2);
          else this.applyUpdates2(r.updates, true);
        } else if (m === 'monitor_cond') {
          const r = await client.monitorCond(this.database, this.monitorId, this.requests(true), onEvent);
          this._method = m;
          if (resync) this.resync(r, pickUpdate2);
          else this.applyUpdates2(r, true);
        } else {
          if (Object.keys(this.where).length)
            throw new CacheOptionError('the server only supports "monitor", which takes no conditions');
          const r = await client.monitor(this.database, this.monitorId, this.requests(false), onEvent);
          this._method = m;
          if (resync) this.resync(r, pickUpdate1);
          else this.applyUpdates1(r, true);
        }
        lastErr = undefined;
        break;
      } catch (e) {
        lastErr = e;
        if ((e as { code?: string }).code === 'OVSDB_UNKNOWN_METHOD' && !this.opts.method) {
          this.log?.info({ method: m }, 'ovsdb cache: server does not know this monitor method, falling back');
          continue;
        }
        break;
      }
    }
    if (lastErr !== undefined) {
      this.offClose?.();
      if (!resync) this._closed = true;
      else this._connected = false;
      throw lastErr;
    }
    this._connected = true;
    const queued = this.pending ?? [];
    this.pending = null;
    for (const ev of queued) this.onMonitorEvent(ev);
    return found;
  }

  /**
   * Attaches a cache whose connection ended (started with `resumable: true`) to a new client and
   * brings it up to date: with monitor_cond_since from the last transaction id when the server
   * still has it (clustered databases: only the changes since are sent), otherwise from the full
   * contents, compared with the cache row by row. Either way only real changes are applied, and
   * each is delivered as an event to the streams that stayed open.
   * @returns `found`: whether the server resumed from the last transaction id
   * @throws {CacheClosedError} `CACHE_CLOSED` after `close()`
   * @throws {CacheOptionError} `CACHE_INVALID_OPTION` when the cache is still connected or not resumable
   */
  async resume(client: OvsdbClient): Promise<{ readonly found: boolean }> {
    if (this._closed) throw new CacheClosedError();
    if (!this.opts.resumable) throw new CacheOptionError('resume() needs a cache started with resumable: true');
    if (this._connected) throw new CacheOptionError('the cache is still connected');
    const schema = await client.getSchema(this.database);
    if (JSON.stringify(schema) !== JSON.stringify(this.schema))
      this.log?.warn(
        { database: this.database },
        'ovsdb cache: the server schema changed; the cache keeps its first plan',
      );
    this._client = client;
    return { found: await this.startMonitor(true) };
  }

  /** Full contents after a reconnect: apply only the differences with what the cache holds. */
  private resync(
    updates: Readonly<Record<string, Readonly<Record<string, unknown>>>>,
    pick: (ru: unknown) => unknown,
  ): void {
    const events = this.eventsSink();
    applyResync(this.applyTarget, updates, pick, events);
    this.commit(events);
  }

  /** The client the monitor runs on (the new one after {@link resume}). */
  get client(): OvsdbClient {
    return this._client;
  }

  /** False between the end of a resumable cache's connection and {@link resume}. */
  get connected(): boolean {
    return this._connected && !this._closed;
  }

  /** The method the monitor runs on (after fallback). */
  get method(): MonitorMethod {
    return this._method;
  }

  /** The id of the last transaction applied (monitor_cond_since / update3 only). */
  get lastTxnId(): string | undefined {
    return this._lastTxnId;
  }

  /** Number of notifications applied so far (grows by one per server transaction seen). */
  get updateCount(): number {
    return this.seq;
  }

  get closed(): boolean {
    return this._closed;
  }

  /** Names of the tables the cache holds. */
  tableNames(): string[] {
    return [...this.plans.keys()];
  }

  /**
   * One table of the replica.
   * @throws {CacheUnknownTableError} `CACHE_UNKNOWN_TABLE`
   */
  table<K extends keyof Tb & string>(name: K): CacheTable<RowOf<Tb[K]>> {
    const p = this.plans.get(name);
    if (!p) throw new CacheUnknownTableError(name);
    return p.table as unknown as CacheTable<RowOf<Tb[K]>>;
  }

  /** Rows of `table` set aside because the model does not accept them (uuid → row and reasons). */
  rejected(table: string): ReadonlyMap<string, RejectedRow> {
    const p = this.plans.get(table);
    if (!p) throw new CacheUnknownTableError(table);
    return p.rejected;
  }

  /**
   * Subscribes to row events, delivered in commit order once each notification is applied.
   * Back-pressure: events wait in this subscriber's queue until read; beyond `maxBuffered` the
   * stream ends with `CACHE_EVENT_OVERFLOW` after delivering everything queued (nothing is dropped).
   */
  events(opts: SubscribeOptions = {}): EventStream {
    const s = new EventStream(opts, (x) => this.streams.delete(x));
    if (opts.signal?.aborted) return s; // ended with CACHE_ABORTED already
    if (this._closed) {
      s.end(new CacheClosedError());
      return s;
    }
    if (opts.initial) {
      for (const p of this.plans.values()) {
        if (!s.wants(p.name)) continue;
        for (const r of p.table.values()) s.push({ type: 'insert', table: p.name, uuid: r._uuid, new: r });
      }
    }
    this.streams.add(s);
    return s;
  }

  /**
   * Calls `handler` for each event, awaiting its promise before the next one.
   * @returns `done` settles when the subscription ends (rejects with `CACHE_EVENT_OVERFLOW` / `CACHE_CLOSED` or the handler's error); `stop()` ends it.
   */
  subscribe(
    handler: (ev: RowEvent) => unknown,
    opts: SubscribeOptions = {},
  ): { readonly done: Promise<void>; stop(): void } {
    const s = this.events(opts);
    const done = (async () => {
      for await (const ev of s) await handler(ev);
    })();
    done.catch(() => {});
    return { done, stop: () => s.close() };
  }

  /**
   * Replaces the conditions of some tables live (monitor_cond_change). Rows leaving a condition are
   * deleted from the cache and rows entering it inserted, with the matching events, before this resolves.
   * `o.signal` / `o.timeoutMs` bound the wait for the server's answer (`JSONRPC_ABORTED` / `JSONRPC_TIMEOUT`).
   * @throws {CacheOptionError} `CACHE_INVALID_OPTION` when the monitor runs on plain `monitor`
   */
  async setConditions(
    where: Readonly<Record<string, readonly (Condition | boolean)[]>>,
    o?: { readonly signal?: AbortSignal; readonly timeoutMs?: number },
  ): Promise<void> {
    if (this._closed) throw new CacheClosedError();
    if (this._method === 'monitor')
      throw new CacheOptionError('the monitor runs on "monitor", which takes no conditions');
    const req: Record<string, MonitorRequest[]> = {};
    for (const [t, w] of Object.entries(where)) {
      const p = this.plans.get(t);
      if (!p) throw new CacheUnknownTableError(t);
      // ovsdb-server refuses a column list here ("changing columns is unsupported"): conditions only.
      req[t] = [{ where: w }];
    }
    if (!this._connected) throw new CacheClosedError('the cache is disconnected (waiting for resume())');
    await this._client.monitorCondChange(this.monitorId, this.monitorId, req, {
      ...(o?.signal ? { signal: o.signal } : {}),
      ...(o?.timeoutMs !== undefined ? { timeoutMs: o.timeoutMs } : {}),
    });
    Object.assign(this.where, where);
  }

  /**
   * Resolves once at least `n` more notifications are applied than now: `true`; `false` when `timeoutMs`
   * passes first or the cache closes.
   * @throws {CacheAbortedError} `CACHE_ABORTED` when `signal` fires first (the wait is removed)
   */
  waitForUpdates(n = 1, timeoutMs?: number, signal?: AbortSignal): Promise<boolean> {
    const target = this.seq + n;
    return this.waitForSeq(target, timeoutMs, signal);
  }

  private waitForSeq(target: number, timeoutMs?: number, signal?: AbortSignal): Promise<boolean> {
    if (this.seq >= target || this._closed) return Promise.resolve(this.seq >= target);
    if (signal?.aborted)
      return Promise.reject(new CacheAbortedError('waiting for cache updates', { cause: signal.reason }));
    return new Promise((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const settle = () => {
        if (timer) clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        this.seqWaiters = this.seqWaiters.filter((x) => x !== w);
      };
      const onAbort = () => {
        settle();
        reject(new CacheAbortedError('waiting for cache updates', { cause: signal?.reason }));
      };
      const w = {
        seq: target,
        resolve: () => {
          settle();
          resolve(this.seq >= target);
        },
      };
      this.seqWaiters.push(w);
      signal?.addEventListener('abort', onAbort, { once: true });
      if (timeoutMs !== undefined) {
        timer = setTimeout(() => {
          settle();
          resolve(false);
        }, timeoutMs);
      }
    });
  }

  /** Stops the monitor (monitor_cancel if the connection is up) and ends every event stream. The client stays open. */
  async close(): Promise<void> {
    if (this._closed) return;
    this.detachSession();
    const wasConnected = this._connected;
    this.shutdown(undefined);
    if (wasConnected && !this._client.closed) {
      try {
        await this._client.monitorCancel(this.monitorId, { timeoutMs: 2000 });
      } catch (e) {
        this.log?.debug({ err: (e as Error).message }, 'ovsdb cache: monitor_cancel failed');
      }
    }
  }

  private shutdown(err: unknown): void {
    if (this._closed) return;
    this._closed = true;
    this.offClose?.();
    for (const s of [...this.streams]) s.end(err);
    const ws = this.seqWaiters;
    this.seqWaiters = [];
    for (const w of ws) w.resolve();
  }

  // ---- applying notifications ----------------------------------------------------------------

  private onMonitorEvent(ev: MonitorEvent): void {
    if (this._closed) return;
    if (this.pending) {
      this.pending.push(ev);
      return;
    }
    if (this.session?.metricsEnabled) {
      let rows = 0;
      for (const t in ev.updates) for (const _u in ev.updates[t]) rows++;
      this.session.reportMetric({ type: 'update', monitorId: this.monitorId, rows });
    }
    if (ev.method === 'update3') this._lastTxnId = ev.lastTxnId;
    const events = this.eventsSink();
    try {
      applyMonitorEvent(this.applyTarget, ev, events);
      this.commit(events);
    } catch (e) {
      // A malformed notification: report it, keep what was applied consistent (see apply.ts).
      this.log?.error({ err: (e as Error).message }, 'ovsdb cache: could not apply a notification');
    }
  }

  private eventsSink(): RowEvent[] | null {
    return this.streams.size ? [] : null;
  }

  private applyUpdates2(updates: Parameters<typeof applyUpdates2>[1], initial: boolean): void {
    const events = this.eventsSink();
    applyUpdates2(this.applyTarget, updates, initial, events);
    this.commit(events);
  }

  private applyUpdates1(updates: Parameters<typeof applyUpdates1>[1], initial: boolean): void {
    const events = this.eventsSink();
    applyUpdates1(this.applyTarget, updates, initial, events);
    this.commit(events);
  }

  private commit(events: RowEvent[] | null): void {
    this.seq++;
    if (events && events.length) {
      for (const s of this.streams) {
        for (let i = 0; i < events.length; i++) {
          const ev = events[i]!;
          if (s.wants(ev.table)) s.push(ev);
        }
      }
    }
    if (this.seqWaiters.length) {
      const ready = this.seqWaiters.filter((w) => w.seq <= this.seq);
      this.seqWaiters = this.seqWaiters.filter((w) => w.seq > this.seq);
      for (const w of ready) w.resolve();
    }
  }

  // ---- verified transactions -----------------------------------------------------------------

  /**
   * `wait` operations (until `==`, timeout 0) asserting that the given rows still have, on the
   * server, the values of `columns` the cache holds now. Put them before a transaction's operations.
   * Columns the server lacks (filled in from the model) are left out.
   * @throws {CacheUnknownTableError} `CACHE_UNKNOWN_TABLE`
   */
  verifyOps(reads: readonly VerifyRead[]): WaitOp[] {
    return verifyOps(this.plans, reads);
  }

  /**
   * Runs `fn` against the cache and commits what it returns, guarded by a `wait` for every row it
   * read through the reader. When a guarded row changed meanwhile (the wait fails with "timed
   * out"), waits for the cache to catch up and runs `fn` again, up to `maxAttempts` times.
   * `fn` returns the operations, or `{ operations, value }`.
   * @example
   *   const { value } = await cache.transact((r) => {
   *     const sw = r.read('Logical_Switch', swUuid, ['ports'])!;
   *     return { operations: [op.update('Logical_Switch', [byUuid(swUuid)], { other_config: ['map', [['n', String(sw.ports.length)]]] })], value: sw.ports.length };
   *   });
   * @throws {CacheRetryExhaustedError} `CACHE_RETRY_EXHAUSTED` with every attempt's cause
   * @throws {CacheClosedError} `CACHE_CLOSED` at once when the cache or its client is closed
   * @throws {OvsdbTransactionError} any other failure of the transaction, unchanged
   */
  transact<T = undefined>(fn: TransactFn<T>, opts: VerifiedTransactOptions = {}): Promise<TransactOutcome<T>> {
    return verifiedTransact(this.verifyHost, fn, opts);
  }

  /** What verified transactions need from this cache (verify.ts). */
  private get verifyHost(): VerifyHost {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the host reads the cache's live state
    const cache = this;
    return {
      database: this.database,
      plans: this.plans,
      logger: this.log,
      get seq() {
        return cache.seq;
      },
      connectedClient: async (readyTimeoutMs) => {
        if (!this._closed && this.session && (!this._connected || this._client.closed))
          await this.reconnected(readyTimeoutMs);
        if (this._closed || !this._connected || this._client.closed)
          throw new CacheClosedError(this._closed ? undefined : 'the cache is disconnected (waiting for resume())');
        return this._client;
      },
      waitForSeq: (target, timeoutMs, signal) => this.waitForSeq(target, timeoutMs, signal),
    };
  }
}

/** `p`, or `make()` as soon as `signal` aborts (whichever comes first). */
function abortable<T>(p: Promise<T>, signal: AbortSignal | undefined, make: () => Error): Promise<T> {
  if (!signal) return p;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(make());
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}
