/**
 * The controller's write path: builders planned on a {@link ReplicaCache} of the builder tables (no
 * `select` per transaction), guarded, retried on conflict, with read-your-writes and ovn-nbctl's
 * `--wait=sb|hv`.
 *
 * How one {@link NbReplica.transact} goes:
 * 1. plan: the caller's function runs the builders on an {@link NbTxn} whose rows come from the replica
 *    (indexes for names; nothing is read from the server);
 * 2. guard: every row the plan relied on becomes a `wait` (exists / same values of the columns it
 *    compared / parent still holds the child) — O(1) each, never a whole reference set — next to the
 *    builders' own insert guards (no row of that name / identity exists);
 * 3. commit: one `transact`. A failed `wait`, or a commit-time constraint violation after the replica
 *    moved, is a conflict with a concurrent writer: wait for the update that caused it, re-plan from the
 *    updated replica, retry (bounded); in the end {@link NbConflictError}. A builder error on re-plan
 *    (e.g. the switch was deleted meanwhile → `NB_PARENT_NOT_FOUND`) is thrown as is. Nothing is ever
 *    half-written: every attempt is one OVSDB transaction;
 * 4. read-your-writes: `transact` resolves once the monitor update carrying the transaction's effect
 *    (one of its inserted / deleted / updated rows) has been applied to the replica — one notification
 *    carries a whole transaction, so one witness row suffices; no polling;
 * 5. with `wait: 'sb' | 'hv'`: NB_Global.nb_cfg is incremented in the same transaction (its new value
 *    read back by a `select`), and `transact` also waits until sb_cfg / hv_cfg reach it, as the replica
 *    sees NB_Global change.
 */
import type { OvsdbClient } from '../ovsdb/client.js';
import type { OvsdbSession } from '../ovsdb/session.js';
import { OvsdbTransactionError } from '../ovsdb/errors.js';
import { ReplicaCache, type RowEvent } from '../ovsdb/cache/index.js';
import { mutation, op, type Condition, type Operation, type OperationResult } from '../ovsdb/operations.js';
import { ovnNorthboundModel } from './model.js';
import type { OVNNorthboundTables } from './generated/ovn-northbound.gen.js';
import { NB_BUILDER_TABLES, NB_DATABASE, NbTxn, type NbRow, type NbSource, type NbTable } from './txn.js';
import {
  NbConflictError,
  NbNoChassisError,
  NbReplicaLagError,
  NbReplicaNotSyncedError,
  NbWaitTimeoutError,
  type NbConflict,
} from './errors.js';

/** ovn-nbctl's `--wait`: `sb` — ovn-northd has processed the change; `hv` — every chassis has applied it. */
export type NbWaitTarget = 'sb' | 'hv';

/** Options of `NbReplica.transact`: re-plan bound on conflicts, `wait: "sb" | "hv"` and its timeout. */
export interface NbTransactOptions {
  /** Attempts in all, including the first (default 5). */
  readonly maxAttempts?: number;
  /** After a conflict, wait at most this long (ms) for the update that caused it (default 2,000). */
  readonly conflictWaitMs?: number;
  /** Per-request timeout of the `transact` call (ms). */
  readonly timeoutMs?: number;
  /** How long to wait (ms) for the transaction's own update to reach the replica (default 10,000). */
  readonly syncTimeoutMs?: number;
  /** Also wait until ovn-northd (`sb`) or every chassis (`hv`) has caught up with the change. */
  readonly wait?: NbWaitTarget;
  /** Bound on `wait` (ms, default 30,000). */
  readonly waitTimeoutMs?: number;
}

/** What `NbReplica.transact` resolves with once the transaction committed and the replica reflects it. */
export interface NbCommit<T> {
  /** What the plan function returned (from the attempt that committed). */
  readonly value: T;
  /** Results of the builders' operations (guards and the nb_cfg bump removed); empty when nothing had to change. */
  readonly results: readonly OperationResult[];
  /** Conflicts that were re-planned before the commit (empty when the first attempt committed). */
  readonly conflicts: readonly NbConflict[];
  /** The operations sent (the committed attempt's), guards included. */
  readonly operations: readonly Operation[];
  /** With `wait`: the nb_cfg value this transaction set. */
  readonly nbCfg?: number;
}

/** The tables an NbReplica monitors: the builder tables and NB_Global (for `wait`). */
export const NB_REPLICA_TABLES = [...NB_BUILDER_TABLES, 'NB_Global'] as const;

type AnyRow = Readonly<Record<string, unknown>> & { readonly _uuid: string };

/** A pending read-your-writes check: the event uuids seen while the transaction was in flight. */
interface Inflight {
  readonly seen: Set<string>;
  witness: Set<string> | undefined;
  resolve: (() => void) | undefined;
}

/**
 * Northbound writes from a replica. Start it on a client ({@link NbReplica.start}), a session
 * ({@link NbReplica.follow}, survives reconnects and leader changes) or an existing cache that
 * monitors {@link NB_REPLICA_TABLES} with all their columns ({@link NbReplica.on}).
 *
 * @example
 * const nb = await NbReplica.start(client);
 * const { value } = await nb.transact((tx) => {
 *   lspAdd(tx, { switch: 'sw0', name: 'p1', addresses: ['0a:00:00:00:00:01 10.0.0.2'] });
 *   return 'p1';
 * }, { wait: 'sb' });
 * nb.cache.table('Logical_Switch_Port').index('name').get('p1'); // already there (read-your-writes)
 */
export class NbReplica {
  readonly #inflight = new Set<Inflight>();
  readonly #cfgWaiters = new Set<() => void>();
  readonly #sub: { readonly done: Promise<void>; stop(): void };
  readonly #source: NbSource;
  readonly #owned: boolean;
  #closed = false;

  private constructor(
    /** The replica: read anything from it; it reflects every transaction once `transact` resolved. */
    readonly cache: ReplicaCache<OVNNorthboundTables>,
    owned: boolean,
  ) {
    this.#owned = owned;
    const have = new Set(cache.tableNames());
    const missing = NB_REPLICA_TABLES.filter((t) => !have.has(t));
    if (cache.database !== NB_DATABASE || missing.length)
      throw new NbReplicaNotSyncedError(
        cache.database !== NB_DATABASE
          ? `the cache is of ${cache.database}, not ${NB_DATABASE}`
          : `the cache does not monitor ${missing.join(', ')}`,
      );
    this.#source = replicaSource(cache as unknown as ReplicaCache);
    // Every event passes here right after the cache applied its notification (the handler is
    // synchronous, so this subscriber never falls behind): witnesses of in-flight transactions, and
    // NB_Global changes for `wait`.
    this.#sub = cache.subscribe((ev) => this.#onEvent(ev), { tables: [...NB_REPLICA_TABLES], maxBuffered: 10_000_000 });
    this.#sub.done.catch(() => {});
  }

  /** Starts a replica of the builder tables and NB_Global on `client`. */
  static async start(client: OvsdbClient): Promise<NbReplica> {
    const cache = await ReplicaCache.start(client, NB_DATABASE, {
      model: ovnNorthboundModel,
      tables: [...NB_REPLICA_TABLES],
    });
    return new NbReplica(cache as unknown as ReplicaCache<OVNNorthboundTables>, true);
  }

  /** Starts a replica that follows a session across reconnects (see `ReplicaCache.follow`). */
  static async follow(session: OvsdbSession): Promise<NbReplica> {
    const cache = await ReplicaCache.follow(session, { model: ovnNorthboundModel, tables: [...NB_REPLICA_TABLES] });
    return new NbReplica(cache as unknown as ReplicaCache<OVNNorthboundTables>, true);
  }

  /**
   * Writes from a cache you already run (it must monitor {@link NB_REPLICA_TABLES}, all columns).
   * @throws {NbReplicaNotSyncedError} `NB_REPLICA_NOT_SYNCED` when it lacks a table
   */
  static on(cache: ReplicaCache<OVNNorthboundTables> | ReplicaCache): NbReplica {
    return new NbReplica(cache as unknown as ReplicaCache<OVNNorthboundTables>, false);
  }

  /** The replica as an {@link NbSource}, e.g. for a hand-made `new NbTxn(nb.source)`. */
  get source(): NbSource {
    return this.#source;
  }

  /** NB_Global's nb_cfg / sb_cfg / hv_cfg as the replica holds them. */
  cfg(): { readonly nb: number; readonly sb: number; readonly hv: number; readonly hvTimestamp: number } | undefined {
    const g = this.cache.table('NB_Global').values().next().value as unknown as AnyRow | undefined;
    if (!g) return undefined;
    return {
      nb: Number(g.nb_cfg),
      sb: Number(g.sb_cfg),
      hv: Number(g.hv_cfg),
      hvTimestamp: Number(g.hv_cfg_timestamp ?? 0),
    };
  }

  #onEvent(ev: RowEvent): void {
    for (const f of this.#inflight) {
      f.seen.add(ev.uuid);
      if (f.witness?.has(ev.uuid)) f.resolve?.();
    }
    if (ev.table === 'NB_Global') for (const w of [...this.#cfgWaiters]) w();
  }

  #check(): void {
    if (this.#closed || this.cache.closed) throw new NbReplicaNotSyncedError('the replica is closed');
    if (!this.cache.connected) throw new NbReplicaNotSyncedError('the replica is between connections (resyncing)');
  }

  /**
   * Plans with `plan` on the replica, commits, and resolves once the replica reflects the transaction
   * (and, with `wait`, once northd / the chassis caught up). `plan` may run more than once (once per
   * attempt): it must only call builders on the `NbTxn` it is given. When the plan changes nothing,
   * nothing is sent.
   * @throws {NbConflictError} `NB_CONFLICT` — every attempt met a concurrent change (nothing written)
   * @throws {NbReplicaNotSyncedError} `NB_REPLICA_NOT_SYNCED` — replica closed or resyncing (nothing written)
   * @throws {NbReplicaLagError} `NB_REPLICA_LAG` — committed, but the update did not reach the replica in time
   * @throws {NbWaitTimeoutError} `NB_WAIT_TIMEOUT` — committed, northd (`sb`) or a chassis (`hv`) lags
   * @throws {NbNoChassisError} `NB_NO_CHASSIS` — committed, `wait: 'hv'` with no chassis registered
   * @throws the builders' errors (`NB_PARENT_NOT_FOUND`, `NB_ROW_EXISTS`, …) and other `OvsdbTransactionError`s unchanged
   */
  async transact<T>(plan: (tx: NbTxn) => T, o: NbTransactOptions = {}): Promise<NbCommit<T>> {
    const maxAttempts = o.maxAttempts ?? 5;
    const conflicts: NbConflict[] = [];
    for (let attempt = 1; ; attempt++) {
      this.#check();
      const tx = new NbTxn(this.#source);
      const value = plan(tx);
      const body = tx.operations();
      if (body.length === 0 && !o.wait) return { value, results: [], conflicts, operations: [] };
      const deps = body.length ? tx.verifications() : [];
      const tail: Operation[] = [];
      if (o.wait) {
        const g = this.cache.table('NB_Global').values().next().value as unknown as AnyRow | undefined;
        if (!g) throw new NbReplicaNotSyncedError('NB_Global has no row (run `ovn-nbctl init` or start northd first)');
        tail.push(op.mutate('NB_Global', [], [mutation('nb_cfg', '+=', 1)]), op.select('NB_Global', [], ['nb_cfg']));
      }
      const ops = [...deps, ...body, ...tail];
      const seq0 = this.cache.updateCount;
      const flight: Inflight = { seen: new Set(), witness: undefined, resolve: undefined };
      this.#inflight.add(flight);
      let results: readonly OperationResult[];
      try {
        results = (await this.cache.client.transact(
          NB_DATABASE,
          ops,
          o.timeoutMs !== undefined ? { timeoutMs: o.timeoutMs } : {},
        )) as readonly OperationResult[];
      } catch (e) {
        this.#inflight.delete(flight);
        const c = conflictOf(e, attempt, deps.length, ops, tx);
        if (!c) throw e;
        // The change that broke the plan is on its way to the replica: let it arrive, then re-plan.
        const moved = this.cache.updateCount > seq0 || (await this.cache.waitForUpdates(1, o.conflictWaitMs ?? 2000));
        // A constraint violation with no concurrent change in sight is the plan's own fault: report it.
        if (!moved && c.what.startsWith('constraint')) throw e;
        conflicts.push(c);
        if (attempt >= maxAttempts) throw new NbConflictError(conflicts, { cause: e });
        continue;
      }
      try {
        await this.#readYourWrites(flight, ops, results, o.syncTimeoutMs ?? 10_000);
      } finally {
        this.#inflight.delete(flight);
      }
      const own = results.slice(deps.length, deps.length + body.length);
      if (!o.wait) return { value, results: own, conflicts, operations: ops };
      const sel = results[results.length - 1] as { rows?: readonly { nb_cfg?: number }[] } | undefined;
      const nbCfg = Number(sel?.rows?.[0]?.nb_cfg);
      await this.waitFor(o.wait, nbCfg, o.waitTimeoutMs ?? 30_000);
      return { value, results: own, conflicts, operations: ops, nbCfg };
    }
  }

  /** Resolves once an event of one of the rows the transaction changed has been applied (or at once if it changed none). */
  #readYourWrites(
    flight: Inflight,
    ops: readonly Operation[],
    results: readonly OperationResult[],
    timeoutMs: number,
  ): Promise<void> {
    const witness = new Set<string>();
    ops.forEach((o, i) => {
      const r = results[i] as { uuid?: readonly [string, string]; count?: number } | undefined;
      if (o.op === 'insert' && r?.uuid) witness.add(r.uuid[1]);
      else if ((o.op === 'update' || o.op === 'mutate' || o.op === 'delete') && (r?.count ?? 0) > 0) {
        const w = o.where.find((c): c is Condition => typeof c !== 'boolean' && c[0] === '_uuid' && c[1] === '==');
        const v = w?.[2] as readonly [string, string] | undefined;
        if (v?.[0] === 'uuid') witness.add(v[1]);
        else if (o.table === 'NB_Global') for (const g of this.cache.table('NB_Global').values()) witness.add(g._uuid);
      }
    });
    if (witness.size === 0) return Promise.resolve();
    for (const u of witness) if (flight.seen.has(u)) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new NbReplicaLagError(timeoutMs)), timeoutMs);
      flight.witness = witness;
      flight.resolve = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  /**
   * ovn-nbctl's `--wait`: resolves when NB_Global.sb_cfg (`sb`: ovn-northd processed it) or hv_cfg
   * (`hv`: every chassis applied it) reaches `nbCfg` — by default the current nb_cfg. Event-driven (the
   * replica monitors NB_Global). `transact(…, { wait })` bumps nb_cfg and calls this.
   * @throws {NbWaitTimeoutError} `NB_WAIT_TIMEOUT` naming what lags
   * @throws {NbNoChassisError} `NB_NO_CHASSIS` for `hv` when northd reports it vacuously (no chassis: hv_cfg_timestamp 0)
   */
  waitFor(target: NbWaitTarget, nbCfg?: number, timeoutMs = 30_000): Promise<void> {
    const want = nbCfg ?? this.cfg()?.nb ?? 0;
    const state = (): 'done' | 'none' | 'wait' => {
      const c = this.cfg();
      if (!c) return 'wait';
      const v = target === 'sb' ? c.sb : c.hv;
      if (v < want) return 'wait';
      // ovn-northd sets hv_cfg = nb_cfg with a zero timestamp when no chassis exists.
      return target === 'hv' && c.hvTimestamp === 0 ? 'none' : 'done';
    };
    const now = state();
    if (now === 'done') return Promise.resolve();
    if (now === 'none') return Promise.reject(new NbNoChassisError());
    return new Promise<void>((resolve, reject) => {
      const finish = (err?: Error): void => {
        clearTimeout(timer);
        this.#cfgWaiters.delete(check);
        if (err) reject(err);
        else resolve();
      };
      const check = (): void => {
        const s = state();
        if (s === 'done') finish();
        else if (s === 'none') finish(new NbNoChassisError());
      };
      const timer = setTimeout(() => {
        const c = this.cfg();
        finish(new NbWaitTimeoutError(target, want, (target === 'sb' ? c?.sb : c?.hv) ?? 0, timeoutMs));
      }, timeoutMs);
      this.#cfgWaiters.add(check);
    });
  }

  /** Stops listening; closes the cache too when this replica started it. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#sub.stop();
    if (this.#owned) await this.cache.close();
  }
}

/** A failed transaction that is a conflict with a concurrent writer (re-plan and retry), or undefined. */
function conflictOf(
  e: unknown,
  attempt: number,
  nDeps: number,
  ops: readonly Operation[],
  tx: NbTxn,
): NbConflict | undefined {
  if (!(e instanceof OvsdbTransactionError)) return undefined;
  if (e.error === 'timed out') {
    const failed = ops[e.opIndex];
    if (!failed || failed.op !== 'wait') return undefined;
    if (e.opIndex < nDeps) {
      const d = tx.describeVerification(e.opIndex);
      return {
        attempt,
        table: d?.table,
        uuid: d?.uuid,
        what: `changed: the plan relied on it (${d?.what ?? 'exists'})`,
      };
    }
    return {
      attempt,
      table: failed.table,
      uuid: undefined,
      what: `a row matching ${JSON.stringify(failed.where)} appeared or went away (insert guard)`,
    };
  }
  // A commit-time constraint violation (e.g. a duplicate port name): another writer may have created
  // the same thing; the re-plan sees it once its update arrived.
  if (e.error === 'constraint violation' && e.opIndex >= ops.length)
    return { attempt, table: undefined, uuid: undefined, what: `constraint violation: ${e.details ?? ''}` };
  return undefined;
}

/** An {@link NbSource} answering from a replica: schema `name` indexes, or one defined on first use. */
export function replicaSource(cache: ReplicaCache): NbSource {
  const nameIndex = new Map<string, string>();
  const indexFor = (table: string): string => {
    let n = nameIndex.get(table);
    if (n) return n;
    const t = cache.table(table);
    const names = t.indexNames();
    if (names.includes('name')) n = 'name';
    else {
      n = 'nb-builder:name';
      if (!names.includes(n)) t.defineIndex(n, { columns: ['name'] });
    }
    nameIndex.set(table, n);
    return n;
  };
  return {
    get: <T extends NbTable>(table: T, uuid: string) => cache.table(table).get(uuid) as unknown as NbRow<T> | undefined,
    rows: <T extends NbTable>(table: T) => cache.table(table).values() as unknown as Iterable<NbRow<T>>,
    named: (table, name) =>
      cache
        .table(table)
        .index(indexFor(table))
        .find(name)
        .map((r) => r._uuid),
    parentOf(parentTable, column, child) {
      // A scan of the parents' reference sets (no reverse index to keep): only deletes and moves ask.
      for (const r of cache.table(parentTable).values()) {
        const v = (r as unknown as AnyRow)[column];
        if (Array.isArray(v) ? v.includes(child) : v === child) return r._uuid;
      }
      return undefined;
    },
  };
}
