/**
 * A long-lived, leader-aware connection to a (possibly clustered) database: one explicit state machine
 *
 *   connecting → checking (_Server) → monitoring (resume hooks) → live → backoff → connecting …  → closed | failed
 *
 * with typed state events and metrics hooks. Remotes are tried in shuffled order; by default only the
 * cluster leader is accepted (decided from `_Server.Database`: `leader`, `connected`, `model`, `index`, `cid`),
 * and that row stays monitored so a leadership loss moves the session. A server whose `index` is older
 * than data already seen is refused (no going back in time). Schema conversions are followed by
 * reconnecting: the session does not declare itself change-aware, so the server closes the connection
 * on a conversion and everything is fetched anew on the next one. Whatever owns monitors registers a connect hook and re-establishes them
 * there, before the session is `live` again: `ReplicaCache.follow(session)` does so for a replica cache
 * (monitor_cond_since with its own last transaction id). Transactions cut in flight fail with
 * `OVSDB_OUTCOME_UNKNOWN`, or are sent again when marked idempotent; when the backoff policy gives up,
 * everything waiting fails with `OVSDB_SESSION_GAVE_UP` naming each remote's last reason.
 */
import { OvsdbClient } from './client.js';
import type { ClientOptions, MonitorEvent, TableUpdates2 } from './client.js';
import type { Logger } from '../jsonrpc/index.js';
import { SdkError } from '../errors.js';
import { OvsdbOutcomeUnknownError, OvsdbClientClosedError, OvsdbRpcError } from './errors.js';
import type { Operation, ResultsOf } from './operations.js';
import type { TransactOptions } from './client.js';
import type { BackoffPolicy } from './backoff.js';
import { exponentialBackoff } from './backoff.js';
import { parseRemotes } from '../transport/index.js';

export type SessionState = 'connecting' | 'checking' | 'monitoring' | 'live' | 'backoff' | 'closed' | 'failed';

export type SessionEvent =
  | { readonly type: 'state'; readonly state: SessionState; readonly remote?: string; readonly reason?: string }
  | { readonly type: 'rejected'; readonly remote: string; readonly error: SdkError };

/**
 * What the session (and the caches that follow it) report through `onMetric`:
 * - `reconnect`: live again on `remote` after a connection ended;
 * - `txnLatencyMs`: one committed transaction's round trip;
 * - `outage`: time from the end of a connection to the session being live again;
 * - `txnRetry`: an idempotent transaction whose outcome was unknown is sent again (`attempt` ≥ 2);
 * - `resume`: a following cache re-established its monitor after a reconnect — `found` true is a hit
 *   (monitor_cond_since resumed from the last transaction id), false a miss (full contents compared);
 * - `update`: a following cache applied one notification of `rows` row changes.
 */
export type SessionMetric =
  | { readonly type: 'reconnect'; readonly remote: string }
  | { readonly type: 'txnLatencyMs'; readonly value: number }
  | { readonly type: 'outage'; readonly ms: number }
  | { readonly type: 'txnRetry'; readonly attempt: number; readonly code: string }
  | {
      readonly type: 'resume';
      readonly remote: string;
      readonly monitorId: string;
      readonly found: boolean;
      readonly method: 'monitor_cond_since' | 'monitor_cond' | 'monitor';
      readonly ms: number;
    }
  | { readonly type: 'update'; readonly monitorId: string; readonly rows: number };

/** Why a remote was not accepted (logged, and the session tries the next one). */
export class OvsdbRemoteRejectedError extends SdkError {
  constructor(
    code:
      | 'OVSDB_NOT_LEADER'
      | 'OVSDB_STALE_SERVER'
      | 'OVSDB_UNKNOWN_DATABASE'
      | 'OVSDB_SCHEMA_MISMATCH'
      | 'OVSDB_NOT_CONNECTED'
      | 'OVSDB_WRONG_CLUSTER',
    readonly remote: string,
    message: string,
  ) {
    super(code, `${remote}: ${message}`);
  }
}

/** The session was closed (by `close()`): nothing more can be sent through it. */
export class OvsdbSessionClosedError extends SdkError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('OVSDB_SESSION_CLOSED', message, options);
  }
}

/**
 * The caller's `AbortSignal` fired while waiting for the session to be live ({@link OvsdbSession.ready},
 * or a session transaction before it was sent). `cause` is the signal's reason.
 */
export class OvsdbSessionAbortedError extends SdkError {
  constructor(options?: { cause?: unknown }) {
    super('OVSDB_SESSION_ABORTED', 'waiting for the session to be live was aborted', options);
  }
}

/**
 * {@link OvsdbSession.ready} (or a transaction's `readyTimeoutMs`, or `start`'s `timeoutMs`) ran out
 * before the session was live. From `start`, `failures` names each remote tried and its last reason.
 */
export class OvsdbSessionNotReadyError extends SdkError {
  constructor(
    readonly timeoutMs: number,
    readonly state: SessionState,
    readonly failures: readonly RemoteFailure[] = [],
  ) {
    const why = failures
      .map((f) => `${f.remote}: [${f.error.code}] ${stripRemote(f.error.message, f.remote)}`)
      .join('; ');
    super(
      'OVSDB_SESSION_NOT_READY',
      `the session was not live within ${timeoutMs} ms (state ${state})${why ? `: ${why}` : ''}`,
      {
        cause: failures[failures.length - 1]?.error,
      },
    );
  }
}

/** Why one remote was not used in the last round before the session gave up. */
export interface RemoteFailure {
  readonly remote: string;
  /** The connect error, the {@link OvsdbRemoteRejectedError}, or the error of a connect hook. */
  readonly error: SdkError;
}

/**
 * The backoff policy gave up: no remote was usable. `failures` names each remote tried and its last
 * reason (unreachable, not the leader, unknown database, schema mismatch…); `start()`, `ready()` and
 * waiting transactions reject with it, and the session ends in state `failed`.
 */
export class OvsdbSessionGaveUpError extends SdkError {
  constructor(
    readonly failures: readonly RemoteFailure[],
    readonly rounds: number,
  ) {
    const why = failures
      .map((f) => `${f.remote}: [${f.error.code}] ${stripRemote(f.error.message, f.remote)}`)
      .join('; ');
    super('OVSDB_SESSION_GAVE_UP', `gave up after ${rounds} round(s) of connection attempts: ${why || 'no remote'}`, {
      cause: failures[failures.length - 1]?.error,
    });
  }
}

const stripRemote = (m: string, remote: string): string =>
  m.startsWith(`${remote}: `) ? m.slice(remote.length + 2) : m;

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
  /**
   * Bounds {@link OvsdbSession.start}: when no remote is usable within this many ms, `start` closes the
   * session and rejects with `OVSDB_SESSION_NOT_READY` naming each remote's last reason. Default
   * {@link DEFAULT_START_TIMEOUT_MS} (30 s); `Infinity` waits until the backoff policy gives up. Only the
   * start is bounded: once live, the session reconnects for as long as its backoff policy allows.
   */
  timeoutMs?: number;
  /** Aborts {@link OvsdbSession.start}: the session is closed and `start` rejects with `OVSDB_SESSION_CLOSED` (the signal's reason as `cause`). */
  signal?: AbortSignal;
}

/** How long {@link OvsdbSession.start} tries by default before it fails with `OVSDB_SESSION_NOT_READY`. */
export const DEFAULT_START_TIMEOUT_MS = 30_000;

/**
 * Rejections that no retry can cure while starting: the server answered, and what it said is about
 * the caller's configuration (the database name, the schema version). `start` ends at once with them.
 */
const PERMANENT_AT_START: ReadonlySet<string> = new Set([
  'OVSDB_UNKNOWN_DATABASE',
  'OVSDB_SCHEMA_MISMATCH',
  'OVSDB_WRONG_CLUSTER',
]);

/** Options of {@link OvsdbSession.transact}. */
export interface SessionTransactOptions extends TransactOptions {
  /**
   * The transaction changes nothing when applied twice (its inserts are guarded by `wait`, as the SDK's
   * builders do): when its outcome is unknown (the connection dropped in flight) it is sent again after
   * the reconnect. Default false: the `OVSDB_OUTCOME_UNKNOWN` error is thrown.
   */
  idempotent?: boolean;
  /** Most re-sends of an idempotent transaction (default 5). */
  retries?: number;
  /** How long to wait for the session to be live before each attempt (default: as long as it takes). */
  readyTimeoutMs?: number;
  /**
   * Called before each re-send with the attempt about to be made (2, 3, …) and the error of the
   * previous one. A re-sent transaction whose `wait` guard now fails found the first attempt's work
   * committed: that failure is the caller's to interpret (the guard is the caller's).
   */
  onRetry?: (attempt: number, error: SdkError) => void;
}

/** Called on every new connection, after the server was accepted and before the session is live. */
export type ConnectHook = (
  client: OvsdbClient,
  info: { readonly remote: string; readonly reconnect: boolean },
) => Promise<void>;

interface ServerDbRow {
  name?: string;
  model?: string;
  connected?: boolean;
  leader?: boolean;
  index?: number;
  schema?: string;
  cid?: string;
}

/** How often a transaction that could not be sent (the connection had just closed) is tried on the next one. */
const UNSENT_RETRIES = 5;

/** A `_Server` column value as a plain JS value: a one-element set as its element, a uuid as its string. */
const one = (v: unknown): unknown => {
  const x = Array.isArray(v) && v[0] === 'set' ? (v[1] as unknown[])[0] : v;
  return Array.isArray(x) && x[0] === 'uuid' ? x[1] : x;
};

export class OvsdbSession {
  private current: OvsdbClient | undefined;
  private readonly remotes: string[];
  private readonly hooks: ConnectHook[] = [];
  private readonly waiters: { resolve: (c: OvsdbClient) => void; reject: (e: Error) => void }[] = [];
  private stateValue: SessionState = 'connecting';
  private stopped = false;
  private maxIndex = 0;
  /** `_Server.Database.cid` of the cluster followed (set by the first clustered server accepted). */
  private clusterId: string | undefined;
  private connections = 0;
  private downSince: number | undefined;
  private readonly log: Logger | undefined;
  private readonly opts: SessionOptions;
  /** The last reason each remote was not used, in the current round of attempts. */
  private roundFailures = new Map<string, SdkError>();
  private previousFailures = new Map<string, SdkError>();
  /** True while {@link start} waits: permanent rejections end it at once. */
  private starting = false;
  /** Cuts the backoff sleep short (on close). */
  private wake: (() => void) | undefined;
  /** Aborted by shutdown: cancels a connect in progress. */
  private readonly stopSignal = new AbortController();
  /** The client being checked (not yet live); shutdown closes it. */
  private candidate: OvsdbClient | undefined;
  private failure: SdkError | undefined;
  private readonly endHandlers = new Set<(err: SdkError) => void>();

  private constructor(remotes: string | readonly string[], opts: SessionOptions) {
    this.remotes = parseRemotes(remotes).map((r) => r.text);
    this.opts = opts;
    this.log = opts.logger;
  }

  /**
   * Starts the session and resolves once it is live. Fails fast: a bad remote list throws before
   * connecting; when every remote answers that it has no such database (or an incompatible schema
   * version) the start ends after that one round; unreachable remotes, followers and stale members are retried with backoff
   * until `opts.timeoutMs` (default {@link DEFAULT_START_TIMEOUT_MS}) or `opts.signal`.
   *
   * @example
   * ```ts
   * const session = await OvsdbSession.start(['tcp:10.0.0.1:6641', 'tcp:10.0.0.2:6641'], { database: 'OVN_Northbound', timeoutMs: 10_000 });
   * ```
   * @throws {RemoteSyntaxError} `TRANSPORT_BAD_REMOTE` for a bad remote list, before connecting
   * @throws {OvsdbRemoteRejectedError} `OVSDB_UNKNOWN_DATABASE` / `OVSDB_SCHEMA_MISMATCH` at once, naming the remote (one remote;
   *   with several, all refusing so: `OVSDB_SESSION_GAVE_UP` after one round, naming each)
   * @throws {OvsdbSessionNotReadyError} `OVSDB_SESSION_NOT_READY` when not live within `timeoutMs`, naming each remote's last reason
   * @throws {OvsdbSessionClosedError} `OVSDB_SESSION_CLOSED` when `signal` aborts the start
   * @throws {OvsdbSessionGaveUpError} `OVSDB_SESSION_GAVE_UP` when the backoff policy gives up first, naming each remote's reason
   */
  static async start(
    remotes: string | readonly string[],
    opts: SessionOptions,
    hooks: ConnectHook[] = [],
  ): Promise<OvsdbSession> {
    const s = new OvsdbSession(remotes, opts);
    s.hooks.push(...hooks);
    const { signal } = opts;
    if (signal?.aborted) throw new OvsdbSessionClosedError('session start aborted', { cause: signal.reason });
    s.starting = true;
    void s.loop();
    const timeoutMs = opts.timeoutMs ?? DEFAULT_START_TIMEOUT_MS;
    let timer: NodeJS.Timeout | undefined;
    let onAbort: (() => void) | undefined;
    try {
      await Promise.race([
        s.ready(),
        new Promise<never>((_, reject) => {
          if (Number.isFinite(timeoutMs)) {
            timer = setTimeout(
              () => reject(new OvsdbSessionNotReadyError(timeoutMs, s.stateValue, s.lastFailures())),
              timeoutMs,
            );
          }
          if (signal) {
            onAbort = () => reject(new OvsdbSessionClosedError('session start aborted', { cause: signal.reason }));
            signal.addEventListener('abort', onAbort, { once: true });
          }
        }),
      ]);
    } catch (e) {
      await s.shutdown(e as SdkError);
      throw e;
    } finally {
      if (timer) clearTimeout(timer);
      if (onAbort) signal?.removeEventListener('abort', onAbort);
      s.starting = false;
    }
    return s;
  }

  /** Each remote's last reason for not being used (this round's, else the previous round's). */
  private lastFailures(): RemoteFailure[] {
    const out: RemoteFailure[] = [];
    for (const remote of this.remotes) {
      const error = this.roundFailures.get(remote) ?? this.previousFailures.get(remote);
      if (error) out.push({ remote, error });
    }
    return out;
  }

  get state(): SessionState {
    return this.stateValue;
  }

  /** The remote of the live connection. */
  get remote(): string | undefined {
    return this.current?.remote;
  }

  /** The database this session is for. */
  get database(): string {
    return this.opts.database;
  }

  /** The live client, if the session is live now (else undefined; see {@link ready}). */
  get client(): OvsdbClient | undefined {
    return this.stateValue === 'live' && this.current && !this.current.closed ? this.current : undefined;
  }

  /**
   * Registers a hook run on every (re)connection before the session is live; runs it now if live.
   * A hook that throws makes the session drop that connection and try another remote.
   */
  async addConnectHook(h: ConnectHook): Promise<void> {
    this.hooks.push(h);
    if (this.current && this.stateValue === 'live')
      await h(this.current, { remote: this.current.remote, reconnect: false });
  }

  /** Unregisters a hook added with {@link addConnectHook} (no-op if it is not registered). */
  removeConnectHook(h: ConnectHook): void {
    const i = this.hooks.indexOf(h);
    if (i >= 0) this.hooks.splice(i, 1);
  }

  /**
   * Called once when the session ends for good — `close()` (`OVSDB_SESSION_CLOSED`) or the backoff
   * policy giving up (`OVSDB_SESSION_GAVE_UP`) — with that error; at once if it has ended already.
   * @returns a function that unregisters the handler
   */
  onEnded(h: (err: SdkError) => void): () => void {
    if (this.stateValue === 'closed' || this.stateValue === 'failed') {
      h(this.failure ?? new OvsdbSessionClosedError('session closed'));
      return () => {};
    }
    this.endHandlers.add(h);
    return () => this.endHandlers.delete(h);
  }

  private ended(err: SdkError): void {
    const hs = [...this.endHandlers];
    this.endHandlers.clear();
    for (const h of hs) {
      try {
        h(err);
      } catch (e) {
        this.log?.error({ err: (e as Error).message }, 'ovsdb session: end handler threw');
      }
    }
  }

  /** Reports a metric through the session's `onMetric` hook (used by the caches that follow the session). */
  reportMetric(m: SessionMetric): void {
    this.opts.onMetric?.(m);
  }

  /** True when someone listens to metrics (so reporters can skip counting work). */
  get metricsEnabled(): boolean {
    return this.opts.onMetric !== undefined;
  }

  /**
   * Resolves with the live client (waits through reconnects).
   * @throws {OvsdbSessionGaveUpError} `OVSDB_SESSION_GAVE_UP` when the backoff policy gave up
   * @throws {OvsdbSessionClosedError} `OVSDB_SESSION_CLOSED` after {@link close}
   * @throws {OvsdbSessionNotReadyError} `OVSDB_SESSION_NOT_READY` when not live within `timeoutMs`
   * @throws {OvsdbSessionAbortedError} `OVSDB_SESSION_ABORTED` when `signal` fires first (the wait is removed)
   */
  ready(timeoutMs?: number, signal?: AbortSignal): Promise<OvsdbClient> {
    if (this.stateValue === 'live' && this.current && !this.current.closed) return Promise.resolve(this.current);
    if (this.stateValue === 'failed' && this.failure) return Promise.reject(this.failure);
    if (this.stateValue === 'closed' || this.stateValue === 'failed')
      return Promise.reject(new OvsdbSessionClosedError(`session is ${this.stateValue}`));
    if (signal?.aborted) return Promise.reject(new OvsdbSessionAbortedError({ cause: signal.reason }));
    return new Promise((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const done = () => {
        if (timer) clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        const i = this.waiters.indexOf(w);
        if (i >= 0) this.waiters.splice(i, 1);
      };
      const w = {
        resolve: (c: OvsdbClient) => {
          done();
          resolve(c);
        },
        reject: (e: Error) => {
          done();
          reject(e);
        },
      };
      const onAbort = () => w.reject(new OvsdbSessionAbortedError({ cause: signal?.reason }));
      this.waiters.push(w);
      signal?.addEventListener('abort', onAbort, { once: true });
      if (timeoutMs !== undefined) {
        timer = setTimeout(() => w.reject(new OvsdbSessionNotReadyError(timeoutMs, this.stateValue)), timeoutMs);
        timer.unref();
      }
    });
  }

  /**
   * A transaction on the live connection. With `idempotent: true`, a transaction whose outcome is unknown
   * (the connection dropped in flight) is sent again after the reconnect, up to `retries` times (default 5):
   * safe only for transactions that change nothing when applied twice (the SDK's builders guard their
   * inserts with `wait`, so theirs are).
   * @throws {OvsdbOutcomeUnknownError} `OVSDB_OUTCOME_UNKNOWN` when not idempotent (or retries ran out); also when
   *   an attempt's outcome was unknown and a later one could not be made (the session not live in time, gave up,
   *   was closed: that error is the `cause`) — a transaction that may have committed is never reported as failed
   * @throws {OvsdbSessionGaveUpError} `OVSDB_SESSION_GAVE_UP` / {@link OvsdbSessionClosedError} `OVSDB_SESSION_CLOSED` while waiting for a connection
   * @throws {OvsdbTransactionError} the transaction's own failure, unchanged
   */
  async transact<const Ops extends readonly Operation[]>(
    ops: Ops,
    o: SessionTransactOptions = {},
  ): Promise<ResultsOf<Ops>> {
    const retries = o.idempotent ? (o.retries ?? 5) : 0;
    const { idempotent: _i, retries: _r, readyTimeoutMs, onRetry, ...txo } = o;
    let resent = 0;
    let unsent = 0;
    // Once an attempt's outcome is unknown, whatever ends the retries later, the outcome stays unknown.
    let unknown: OvsdbOutcomeUnknownError | undefined;
    const stillUnknown = (e: unknown) => (unknown ? new OvsdbOutcomeUnknownError(ops, { cause: e }) : e);
    for (let attempt = 1; ; attempt++) {
      let c: OvsdbClient;
      try {
        c = await this.ready(readyTimeoutMs, txo.signal);
      } catch (e) {
        throw stillUnknown(e);
      }
      const t0 = performance.now();
      try {
        const r = await c.transact(this.opts.database, ops, txo);
        this.opts.onMetric?.({ type: 'txnLatencyMs', value: performance.now() - t0 });
        return r;
      } catch (e) {
        // Not sent at all (the client closed before): always safe to send on the next connection,
        // a few times. In flight (outcome unknown): only when idempotent, `retries` times.
        if (e instanceof OvsdbOutcomeUnknownError) {
          unknown = e;
          if (++resent > retries) throw e;
        } else if (e instanceof OvsdbRpcError && e.code === 'OVSDB_CANCELED') {
          // A relay (or a follower) forwarding the transaction lost its source while it was in flight and
          // canceled it: the source may or may not have committed it, exactly as for a cut connection.
          unknown = new OvsdbOutcomeUnknownError(ops, { cause: e });
          if (++resent > retries) throw unknown;
          // The connection is still live; give the server time to reach its source again.
          await new Promise((res) => setTimeout(res, this.canceledBackoff(resent)));
        } else if (e instanceof OvsdbClientClosedError) {
          if (++unsent > UNSENT_RETRIES) throw stillUnknown(e);
        } else throw e;
        // A canceled forward is reported as what it means for the caller: an unknown outcome.
        const err = e instanceof OvsdbRpcError ? unknown! : (e as SdkError);
        this.log?.info(
          { attempt: attempt + 1, code: err.code, err: err.message },
          'ovsdb session: sending the transaction again',
        );
        this.opts.onMetric?.({ type: 'txnRetry', attempt: attempt + 1, code: err.code });
        onRetry?.(attempt + 1, err);
      }
    }
  }

  /** Delay before re-sending a transaction a forwarding server canceled (the session's backoff, at least 50 ms). */
  private canceledBackoff(attempt: number): number {
    const policy = this.opts.backoff ?? exponentialBackoff();
    return Math.max(50, policy(attempt) ?? 1000);
  }

  /** Closes the session and its connection for good. */
  close(): Promise<void> {
    return this.shutdown(undefined);
  }

  /** Stops everything; `reason` (a failed start's error) is what waiters and end handlers get. */
  private async shutdown(reason: SdkError | undefined): Promise<void> {
    const already = this.stateValue === 'closed' || this.stateValue === 'failed';
    this.stopped = true;
    this.wake?.();
    // A connect in progress is cancelled, a server being checked is let go: nothing stays open.
    this.stopSignal.abort(reason ?? new OvsdbSessionClosedError('session closed'));
    const candidate = this.candidate;
    this.candidate = undefined;
    if (!already) this.setState('closed');
    const c = this.current;
    this.current = undefined;
    await Promise.all([c?.close(), candidate?.close()]);
    if (already) return;
    const err = reason ?? new OvsdbSessionClosedError('session closed');
    this.failure = reason;
    this.rejectWaiters(err);
    this.ended(err);
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
      if (this.roundFailures.size > 0) this.previousFailures = this.roundFailures;
      this.roundFailures = new Map();
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
        const permanent = this.permanentStartFailure();
        if (permanent) {
          // The servers answered, and the answer is about our configuration: no retry can help.
          this.failure = permanent;
          this.stopped = true;
          this.log?.error(
            { remotes: this.remotes, code: permanent.code, err: permanent.message },
            'ovsdb session: start failed',
          );
          this.setState('failed', undefined, permanent.message);
          this.rejectWaiters(permanent);
          this.ended(permanent);
          return;
        }
        failures++;
        const delay = backoff(failures);
        if (delay === undefined) {
          const err = new OvsdbSessionGaveUpError(
            this.remotes.map((remote) => ({
              remote,
              error: this.roundFailures.get(remote) ?? new OvsdbSessionClosedError('not tried'),
            })),
            failures,
          );
          this.failure = err;
          this.log?.error({ remotes: this.remotes, code: err.code, err: err.message }, 'ovsdb session: giving up');
          this.stopped = true;
          this.setState('failed', undefined, err.message);
          this.rejectWaiters(err);
          this.ended(err);
          return;
        }
        this.setState('backoff', undefined, `retrying in ${delay} ms`);
        await new Promise<void>((r) => {
          const t = setTimeout(r, delay);
          this.wake = () => {
            clearTimeout(t);
            r();
          };
        });
        this.wake = undefined;
      }
    }
  }

  /** Connects to one remote; resolves with a promise of the connection's end (wrapped, so it is not adopted), or undefined if refused. */
  private async tryRemote(remote: string): Promise<{ ended: Promise<void> } | undefined> {
    this.setState('connecting', remote);
    let client: OvsdbClient;
    try {
      client = await OvsdbClient.connect(remote, {
        ...this.opts.client,
        ...(this.opts.logger ? { logger: this.opts.logger } : {}),
        signal: this.stopSignal.signal,
      });
    } catch (e) {
      if (!this.stopped) this.reject(remote, e as SdkError);
      return undefined;
    }
    if (this.stopped) {
      await client.close();
      return undefined;
    }
    this.candidate = client;
    try {
      this.setState('checking', remote);
      const ended = new Promise<void>((resolve) => client.onClose(() => resolve()));
      await this.check(client, remote);
      this.setState('monitoring', remote);
      const reconnect = this.connections++ > 0;
      for (const h of [...this.hooks]) await h(client, { remote, reconnect });
      if (client.closed) throw new OvsdbClientClosedError('connection lost while re-establishing monitors');
      this.candidate = undefined;
      if (this.stopped) {
        await client.close();
        return undefined;
      }
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
      this.candidate = undefined;
      if (!this.stopped) this.reject(remote, e as SdkError);
      await client.close();
      return undefined;
    }
  }

  private reject(remote: string, error: SdkError): void {
    this.roundFailures.set(remote, error);
    this.log?.warn({ remote, code: error.code, err: error.message }, 'ovsdb session: remote not used');
    this.opts.onEvent?.({ type: 'rejected', remote, error });
  }

  /**
   * While starting, a round in which every remote answered with a permanent rejection ends the start:
   * with that rejection for a single remote, else with `OVSDB_SESSION_GAVE_UP` listing each.
   */
  private permanentStartFailure(): SdkError | undefined {
    if (!this.starting || this.connections > 0) return undefined;
    const fs = this.remotes.map((remote) => ({ remote, error: this.roundFailures.get(remote) }));
    if (!fs.every((f) => f.error && PERMANENT_AT_START.has(f.error.code))) return undefined;
    if (fs.length === 1) return fs[0]!.error;
    return new OvsdbSessionGaveUpError(fs as RemoteFailure[], 1);
  }

  /** Reads and keeps watching this database's row in `_Server.Database`; throws if the server is not acceptable. */
  private async check(client: OvsdbClient, remote: string): Promise<void> {
    const db = this.opts.database;
    const judge = (row: ServerDbRow | undefined, initial: boolean): OvsdbRemoteRejectedError | undefined => {
      if (!row)
        return new OvsdbRemoteRejectedError('OVSDB_UNKNOWN_DATABASE', remote, `the server has no database ${db}`);
      const clustered = row.model === 'clustered';
      const index = row.index ?? 0;
      // A relay (ovsdb-server relay:DB:REMOTES) serves reads and forwards writes while it follows its
      // source; cut off from it, it serves stale data and cannot commit.
      if (row.model === 'relay' && row.connected === false) {
        return new OvsdbRemoteRejectedError('OVSDB_NOT_CONNECTED', remote, 'relay is not connected to its source');
      }
      if (clustered) {
        if (!row.connected)
          return new OvsdbRemoteRejectedError('OVSDB_NOT_CONNECTED', remote, 'member is not connected to its cluster');
        if (this.opts.leaderOnly !== false && !row.leader)
          return new OvsdbRemoteRejectedError('OVSDB_NOT_LEADER', remote, 'member is not the leader');
        // Indexes compare only within one cluster: a member of another cluster (same database name,
        // another cid) is refused outright.
        if (initial && row.cid !== undefined && this.clusterId !== undefined && row.cid !== this.clusterId) {
          return new OvsdbRemoteRejectedError(
            'OVSDB_WRONG_CLUSTER',
            remote,
            `member of cluster ${row.cid}, not of cluster ${this.clusterId} followed so far`,
          );
        }
        if (initial && index < this.maxIndex) {
          return new OvsdbRemoteRejectedError(
            'OVSDB_STALE_SERVER',
            remote,
            `member is behind (index ${index} < ${this.maxIndex} already seen)`,
          );
        }
      }
      if (initial && this.opts.schemaVersion && row.schema) {
        let v: string | undefined;
        try {
          v = (JSON.parse(row.schema) as { version?: string }).version ?? '';
        } catch {
          /* schema column unreadable: accept */
        }
        if (v !== undefined && v.split('.')[0] !== this.opts.schemaVersion.split('.')[0]) {
          return new OvsdbRemoteRejectedError(
            'OVSDB_SCHEMA_MISMATCH',
            remote,
            `schema version ${v} is not compatible with ${this.opts.schemaVersion}`,
          );
        }
      }
      // Accepted: remember what was seen.
      if (clustered) {
        if (row.cid !== undefined) this.clusterId ??= row.cid;
        this.maxIndex = Math.max(this.maxIndex, index);
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
    let initial: TableUpdates2;
    try {
      initial = await client.monitorCond(
        '_Server',
        ['session', db],
        {
          Database: {
            columns: ['name', 'model', 'connected', 'leader', 'index', 'schema', 'cid'],
            where: [['name', '==', db]],
          },
        },
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
    } catch (e) {
      // A server older than the _Server database (before OVS 2.9) has no clustering to judge: check
      // that it has the database (list_dbs) and accept it as a standalone server.
      if ((e as SdkError).code !== 'OVSDB_UNKNOWN_DATABASE') throw e;
      if (!(await client.listDbs()).includes(db))
        throw new OvsdbRemoteRejectedError('OVSDB_UNKNOWN_DATABASE', remote, `the server has no database ${db}`);
      this.log?.info({ remote }, 'ovsdb session: the server has no _Server database; accepted as a standalone server');
      return;
    }
    apply(initial);
    const bad = judge(row, true);
    if (bad) throw bad;
    // Deliberately not `set_db_change_aware`: a client that is not change-aware is disconnected by the
    // server when the database is converted to another schema, so the session reconnects and schema
    // and monitors are fetched anew (following caches resume, found=false). A change-aware client would
    // instead get `monitor_canceled` notifications, which the client layer does not surface.
  }
}
