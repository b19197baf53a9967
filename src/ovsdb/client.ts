/**
 * The OVSDB client: one connection to ovsdb-server speaking every RFC 7047 method and the Open vSwitch
 * extensions (ovsdb-server(7)): list_dbs, get_schema, transact, cancel, monitor, monitor_cond,
 * monitor_cond_change, monitor_cond_since, monitor_cancel, lock, steal, unlock, echo,
 * set_db_change_aware, get_server_id, and the update / update2 / update3 / locked / stolen notifications.
 */
import {
  JsonRpcPeer,
  JsonRpcErrorResponse,
  JsonRpcAbortedError,
  JsonRpcTimeoutError,
  JsonRpcConnectionClosedError,
  deeperThan,
  describeValue,
} from '../jsonrpc/index.js';
import type { Logger, Notification } from '../jsonrpc/index.js';
import type { SdkError } from '../errors.js';
import { connect as connectStream } from '../transport/index.js';
import type { ByteStream, TlsOptions } from '../transport/index.js';
import { parseRemotes } from '../transport/index.js';
import { parseSchema } from './schema.js';
import type { DatabaseSchema } from './schema.js';
import type { Operation, ResultsOf } from './operations.js';
import { validateOperations } from './validate.js';
import { checkTransactResults } from './results.js';
import {
  OvsdbClientClosedError,
  OvsdbConnectError,
  OvsdbOutcomeUnknownError,
  OvsdbRpcError,
  OvsdbTransactionError,
  OvsdbArgumentError,
  OvsdbConnectAbortedError,
  RPC_ERROR_CODES,
  transactionErrorCode,
} from './errors.js';

export interface ClientOptions {
  /** TLS material for `ssl:` remotes. */
  tls?: TlsOptions;
  /** pino-compatible logger; the client is silent without one. */
  logger?: Logger;
  /** Our inactivity probe, ms (default 5000; 0 = off). */
  inactivityProbeMs?: number;
  /**
   * Default timeout for every request, ms (default 60000, {@link DEFAULT_REQUEST_TIMEOUT_MS}; 0 = none).
   * A call's own `timeoutMs` overrides it. A timed-out request fails with `JSONRPC_TIMEOUT` naming the
   * remote and the method (a transaction with `OVSDB_OUTCOME_UNKNOWN`, the timeout as its cause).
   */
  requestTimeoutMs?: number;
  /**
   * A message from the server that has begun must be complete within this many ms (default 60000; 0 =
   * no bound), else the connection closes with `JSONRPC_MESSAGE_TIMEOUT`: a server trickling bytes inside
   * an unfinished reply does not keep calls pending.
   */
  maxMessageMs?: number;
  /** Largest message accepted from the server (default 256 MiB). */
  maxMessageBytes?: number;
  /** Messages from this size on (bytes) are parsed in slices without blocking the event loop (default 1 MiB; `Infinity` = never). */
  largeMessageBytes?: number;
  connectTimeoutMs?: number;
  /**
   * Bytes that may wait to be sent to a server that does not read (answers to its echo requests
   * included) before the connection is dropped with `TRANSPORT_WRITE_QUEUE_FULL` (default 16 MiB).
   */
  maxWriteQueueBytes?: number;
  /**
   * BigInt mode (default false): integer values beyond 2⁵³ (±9007199254740992) from the server are read
   * exactly, as `bigint`s, instead of rounded to the nearest double; smaller ones stay numbers. Row types
   * still say `number` for integer columns: code that reads columns which can hold such values (64-bit
   * counters, cookies, tunnel keys) must expect `number | bigint`. What the client sends is always exact:
   * `bigint`s are accepted in integer columns and written as integers, −2⁶³ as `-9223372036854775808`.
   */
  bigint?: boolean;
  /** Try the remotes of a list in random order (default false: in the given order). */
  shuffle?: boolean;
  /**
   * Open the byte stream yourself (a test's fault-injecting peer, a custom transport). `signal` is the
   * connect's own (see {@link ClientOptions.signal}); a stream that resolves after it fired is closed.
   */
  openStream?: (remote: string, o: { readonly signal?: AbortSignal }) => Promise<ByteStream>;
  /**
   * Aborts {@link OvsdbClient.connect} (only the connecting, not the client it returns): the attempt in
   * progress is cancelled, no other remote is tried, nothing is left open, and `connect` rejects with
   * `OVSDB_CONNECT_ABORTED` (the signal's reason as `cause`).
   */
  signal?: AbortSignal;
}

export interface CallOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
}

export interface TransactOptions extends CallOptions {
  /** Check operations against the schema before sending (default true). */
  validate?: boolean;
}

import type {
  MonitorRequest,
  MonitorRequests,
  TableUpdates,
  TableUpdates2,
  MonitorEvent,
  MonitorCondSinceResult,
} from './protocol.js';
export type {
  MonitorSelect,
  MonitorRequest,
  MonitorRequests,
  RowUpdate,
  RowUpdate2,
  TableUpdates,
  TableUpdates2,
  MonitorEvent,
  MonitorCondSinceResult,
} from './protocol.js';

export type LockEvent = { readonly type: 'locked' | 'stolen'; readonly lock: string };

/** The client's default per-request timeout, ms. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;

export const ZERO_TXN_ID = '00000000-0000-0000-0000-000000000000';

function monitorKey(id: unknown): string {
  // JSON.stringify recurses: a monitor id nested absurdly deep (from a hostile server's notification,
  // or a caller) must not overflow the stack.
  if (deeperThan(id, 64)) throw new OvsdbArgumentError('a monitor id may not be nested deeper than 64 levels');
  return JSON.stringify(id);
}

/** A reply whose result does not have the shape its method defines (OVSDB_RPC_FAILED, the result described). */
function badResult(method: string, want: string, got: unknown): OvsdbRpcError {
  return new OvsdbRpcError('OVSDB_RPC_FAILED', method, `result is not ${want}: ${describeValue(got, 200)}`, undefined);
}

function lockResult(method: string, r: unknown): { locked: boolean } {
  if (typeof r !== 'object' || r === null || typeof (r as { locked?: unknown }).locked !== 'boolean')
    throw badResult(method, '{"locked": <boolean>}', r);
  return { locked: (r as { locked: boolean }).locked };
}

function mapRpcError(e: unknown): unknown {
  if (e instanceof JsonRpcErrorResponse) {
    const err = e.error as { error?: unknown; details?: unknown } | string;
    const s = typeof err === 'string' ? err : typeof err?.error === 'string' ? err.error : describeValue(err);
    const details = typeof err === 'object' && err ? err.details : undefined;
    return new OvsdbRpcError(
      (RPC_ERROR_CODES as Record<string, string>)[s] ?? 'OVSDB_RPC_FAILED',
      e.method,
      s,
      details,
    );
  }
  if (e instanceof JsonRpcConnectionClosedError) return new OvsdbClientClosedError(e.message, { cause: e });
  return e;
}

/**
 * A connection to one ovsdb-server.
 * @example
 *   const c = await OvsdbClient.connect('unix:/var/run/ovn/ovnnb_db.sock');
 *   const [r] = await c.transact('OVN_Northbound', [op.select('Logical_Switch', [], ['name'])]);
 *   await c.close();
 */
export class OvsdbClient {
  private readonly peer: JsonRpcPeer;
  private readonly schemas = new Map<string, Promise<DatabaseSchema>>();
  private readonly monitors = new Map<string, (ev: MonitorEvent) => void>();
  private readonly lockHandlers = new Set<(ev: LockEvent) => void>();
  private readonly closeHandlers = new Set<(err: SdkError) => void>();
  private readonly log: Logger | undefined;

  private constructor(
    private readonly stream: ByteStream,
    /** The remote this client is connected to. */
    readonly remote: string,
    opts: ClientOptions,
  ) {
    this.log = opts.logger;
    this.peer = new JsonRpcPeer(
      {
        write: (t) => stream.write(t),
        close: () => stream.close(),
        // The peer pauses reading while a large message is parsed and much is queued behind it.
        pause: () => stream.pause?.(),
        resume: () => stream.resume?.(),
        // With these the peer stops reading from a server that floods it and does not read (readPauseBytes).
        get writableBytes() {
          return stream.writableBytes;
        },
        ...(stream.onDrain ? { onDrain: (h: () => void) => stream.onDrain!(h) } : {}),
      },
      {
        remote,
        ...(opts.inactivityProbeMs !== undefined ? { inactivityProbeMs: opts.inactivityProbeMs } : {}),
        requestTimeoutMs: opts.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
        ...(opts.maxMessageMs !== undefined ? { maxMessageMs: opts.maxMessageMs } : {}),
        ...(opts.maxMessageBytes !== undefined ? { maxMessageBytes: opts.maxMessageBytes } : {}),
        ...(opts.largeMessageBytes !== undefined ? { largeMessageBytes: opts.largeMessageBytes } : {}),
        ...(opts.logger ? { logger: opts.logger } : {}),
        ...(opts.bigint ? { bigint: true } : {}),
      },
    );
    stream.onData((c) => this.peer.receive(c));
    stream.onClose((err) => this.peer.closed(err));
    this.peer.onNotification((n) => this.onNotification(n));
    this.peer.onClose((err) => {
      this.log?.info({ remote, err: err.message }, 'ovsdb: connection closed');
      for (const h of this.closeHandlers) h(err);
    });
  }

  /**
   * Connects to the first reachable remote of a list (`tcp:h:p,ssl:h:p,unix:path` or an array).
   * @throws {RemoteSyntaxError} `TRANSPORT_BAD_REMOTE` before any connection is tried
   * @throws {OvsdbConnectError} `OVSDB_CONNECT_FAILED` naming every remote and its error
   * @throws {OvsdbConnectAbortedError} `OVSDB_CONNECT_ABORTED` when `opts.signal` aborts the connect
   */
  static async connect(remotes: string | readonly string[], opts: ClientOptions = {}): Promise<OvsdbClient> {
    const list = parseRemotes(remotes).map((r) => r.text);
    if (opts.shuffle) {
      for (let i = list.length - 1; i > 0; i--) {
        const j = Math.floor(Math.random() * (i + 1));
        [list[i], list[j]] = [list[j]!, list[i]!];
      }
    }
    const attempts: { remote: string; error: Error }[] = [];
    const { signal } = opts;
    const aborted = (r: string) => new OvsdbConnectAbortedError(r, { cause: signal?.reason });
    for (const r of list) {
      if (signal?.aborted) throw aborted(r);
      let stream: ByteStream;
      try {
        stream = opts.openStream
          ? await opts.openStream(r, signal ? { signal } : {})
          : await connectStream(r, {
              ...(opts.tls ? { tls: opts.tls } : {}),
              ...(opts.connectTimeoutMs ? { timeoutMs: opts.connectTimeoutMs } : {}),
              ...(opts.maxWriteQueueBytes !== undefined ? { maxWriteQueueBytes: opts.maxWriteQueueBytes } : {}),
              ...(signal ? { signal } : {}),
            });
      } catch (e) {
        if (signal?.aborted) throw aborted(r);
        opts.logger?.warn({ remote: r, err: (e as Error).message }, 'ovsdb: connect failed');
        attempts.push({ remote: r, error: e as Error });
        continue;
      }
      // A stream opened by a custom openStream that ignored the signal: do not leave it open.
      if (signal?.aborted) {
        stream.close();
        throw aborted(r);
      }
      opts.logger?.info({ remote: r }, 'ovsdb: connected');
      return new OvsdbClient(stream, r, opts);
    }
    throw new OvsdbConnectError(attempts);
  }

  /** True once the connection has ended. */
  get closed(): boolean {
    return this.peer.state === 'closed';
  }

  /** Called once when the connection ends, with the reason. */
  onClose(h: (err: SdkError) => void): () => void {
    this.closeHandlers.add(h);
    return () => this.closeHandlers.delete(h);
  }

  /** Closes the connection; pending calls fail with `OVSDB_CLIENT_CLOSED`. */
  async close(): Promise<void> {
    this.peer.close(new OvsdbClientClosedError('client closed'));
  }

  private async call(
    method: string,
    params: readonly unknown[],
    o: CallOptions = {},
    onAbandon?: (id: number) => void,
  ): Promise<unknown> {
    if (this.closed) throw new OvsdbClientClosedError();
    try {
      return await this.peer.request(method, params, {
        ...(o.timeoutMs !== undefined ? { timeoutMs: o.timeoutMs } : {}),
        ...(o.signal ? { signal: o.signal } : {}),
        ...(onAbandon ? { onAbandon } : {}),
      });
    } catch (e) {
      throw mapRpcError(e);
    }
  }

  /** `list_dbs` (RFC 7047 §4.1.1). */
  async listDbs(o?: CallOptions): Promise<string[]> {
    const r = await this.call('list_dbs', [], o);
    if (!Array.isArray(r) || !r.every((x) => typeof x === 'string'))
      throw badResult('list_dbs', 'an array of strings', r);
    return r as string[];
  }

  /** `get_schema` (RFC 7047 §4.1.2), parsed, cached per database. */
  getSchema(db: string, o?: CallOptions): Promise<DatabaseSchema> {
    let p = this.schemas.get(db);
    if (!p) {
      p = this.getSchemaRaw(db, o).then(parseSchema);
      this.schemas.set(db, p);
      p.catch(() => this.schemas.delete(db));
    }
    return p;
  }

  /** `get_schema`, the JSON as the server sent it. */
  async getSchemaRaw(db: string, o?: CallOptions): Promise<unknown> {
    return this.call('get_schema', [db], o);
  }

  /** Forget cached schemas (after a schema conversion). */
  invalidateSchema(db?: string): void {
    if (db) this.schemas.delete(db);
    else this.schemas.clear();
  }

  /**
   * `transact` (RFC 7047 §4.1.3). Operations are validated against the schema first (fetched once).
   * Aborting the signal sends `cancel` for the request.
   * @returns one result per operation
   * @throws {OvsdbTransactionError} the failing operation's error (code per error string, e.g. `OVSDB_CONSTRAINT_VIOLATION`)
   * @throws {OvsdbValueError} `OVSDB_INVALID_VALUE` / {@link OvsdbArgumentError} `OVSDB_INVALID_ARGUMENT` before sending
   * @throws {OvsdbOutcomeUnknownError} `OVSDB_OUTCOME_UNKNOWN` when the connection dropped for any reason (cut, malformed bytes, unanswered probe), or the call was aborted or timed out, while in flight
   * @throws {OvsdbClientClosedError} `OVSDB_CLIENT_CLOSED` when the client was already closed, or the connection ended before the transaction was sent
   * @throws {OvsdbMalformedResultError} `OVSDB_MALFORMED_RESULT` when the reply does not fit the operations (a count that is
   *   not a row count, an insert without a uuid, a select row value outside its column's type); the transaction may have committed
   */
  async transact<const Ops extends readonly Operation[]>(
    db: string,
    ops: Ops,
    o: TransactOptions = {},
  ): Promise<ResultsOf<Ops>> {
    if (this.closed) throw new OvsdbClientClosedError();
    if (!Array.isArray(ops)) throw new OvsdbArgumentError('operations must be an array');
    let schema: DatabaseSchema | undefined;
    if (o.validate !== false) {
      try {
        schema = await this.getSchema(db, o);
      } catch (e) {
        // The connection ended (for whatever reason: cut, malformed bytes, unanswered probe) before the
        // transaction was sent: it is certainly not applied.
        if (this.closed && !(e instanceof OvsdbClientClosedError) && !(e instanceof OvsdbRpcError)) {
          throw new OvsdbClientClosedError(`connection lost before the transaction was sent: ${(e as Error).message}`, {
            cause: e,
          });
        }
        throw e;
      }
      validateOperations(schema, ops);
    }
    let results: unknown;
    try {
      results = await this.call('transact', [db, ...ops], o, (id) => {
        // RFC 7047 §4.1.4: ask the server to give up on it.
        if (!this.closed) this.peer.notify('cancel', [id]);
      });
    } catch (e) {
      if (e instanceof OvsdbRpcError) throw e; // the server answered
      // No answer: it timed out or was aborted, or the connection ended under it — closed or cut, but also
      // closed by the peer for malformed bytes, an oversized message or an unanswered probe
      // (JSONRPC_MALFORMED, JSONRPC_MESSAGE_TOO_LARGE, JSONRPC_PROTOCOL, JSONRPC_INACTIVITY_TIMEOUT).
      if (
        e instanceof OvsdbClientClosedError ||
        e instanceof JsonRpcAbortedError ||
        e instanceof JsonRpcTimeoutError ||
        this.closed
      ) {
        throw new OvsdbOutcomeUnknownError(ops, { cause: e });
      }
      throw e;
    }
    if (!Array.isArray(results))
      throw new OvsdbRpcError('OVSDB_RPC_FAILED', 'transact', 'result is not an array', results);
    for (let i = 0; i < results.length; i++) {
      const r = results[i] as { error?: unknown; details?: unknown } | null;
      if (r && typeof r.error === 'string') {
        throw new OvsdbTransactionError(
          transactionErrorCode(r.error),
          r.error,
          typeof r.details === 'string' ? r.details : undefined,
          i,
          ops[i],
          results,
        );
      }
    }
    // Numbers and values from the wire are checked before they are returned (the schema, when the
    // operations were validated against it, checks select rows too).
    checkTransactResults(results, ops, db, schema);
    return results as ResultsOf<Ops>;
  }

  private registerMonitor(id: unknown, handler: (ev: MonitorEvent) => void): string {
    const key = monitorKey(id);
    if (this.monitors.has(key)) throw new OvsdbArgumentError(`monitor id ${key} is already in use on this connection`);
    this.monitors.set(key, handler);
    return key;
  }

  private async withMonitor<T>(id: unknown, handler: (ev: MonitorEvent) => void, fn: () => Promise<T>): Promise<T> {
    const key = this.registerMonitor(id, handler);
    try {
      return await fn();
    } catch (e) {
      this.monitors.delete(key);
      throw e;
    }
  }

  /** `monitor` (RFC 7047 §4.1.5): resolves with the initial contents; later changes arrive as `update` events. */
  monitor(
    db: string,
    id: unknown,
    requests: MonitorRequests,
    onEvent: (ev: MonitorEvent) => void,
    o?: CallOptions,
  ): Promise<TableUpdates> {
    return this.withMonitor(
      id,
      onEvent,
      async () => (await this.call('monitor', [db, id, requests], o)) as TableUpdates,
    );
  }

  /** `monitor_cond` (ovsdb-server(7) §4.1.12): like monitor, with conditions; changes arrive as `update2`. */
  monitorCond(
    db: string,
    id: unknown,
    requests: MonitorRequests,
    onEvent: (ev: MonitorEvent) => void,
    o?: CallOptions,
  ): Promise<TableUpdates2> {
    return this.withMonitor(
      id,
      onEvent,
      async () => (await this.call('monitor_cond', [db, id, requests], o)) as TableUpdates2,
    );
  }

  /**
   * `monitor_cond_since` (ovsdb-server(7) §4.1.15): resumes from `lastTxnId` when the server still has it
   * (`found: true`, only the changes since), else sends everything. Changes arrive as `update3`.
   */
  monitorCondSince(
    db: string,
    id: unknown,
    requests: MonitorRequests,
    lastTxnId: string | null,
    onEvent: (ev: MonitorEvent) => void,
    o?: CallOptions,
  ): Promise<MonitorCondSinceResult> {
    return this.withMonitor(id, onEvent, async () => {
      const r = (await this.call('monitor_cond_since', [db, id, requests, lastTxnId ?? ZERO_TXN_ID], o)) as [
        boolean,
        string,
        TableUpdates2,
      ];
      return { found: r[0], lastTxnId: r[1], updates: r[2] };
    });
  }

  /**
   * `monitor_cond_change` (ovsdb-server(7) §4.1.13): replaces the conditions (and, with `newId`, the id) of
   * a monitor. Rows that now match arrive as inserts, rows that no longer match as deletes.
   */
  async monitorCondChange(
    id: unknown,
    newId: unknown,
    requests: Readonly<Record<string, MonitorRequest | readonly MonitorRequest[]>>,
    o?: CallOptions,
  ): Promise<void> {
    const key = monitorKey(id);
    const h = this.monitors.get(key);
    if (!h) throw new OvsdbArgumentError(`no monitor ${key} on this connection`);
    const newKey = monitorKey(newId);
    if (newKey !== key && this.monitors.has(newKey))
      throw new OvsdbArgumentError(`monitor id ${newKey} is already in use on this connection`);
    // The server sends the resulting update under the new id before it replies: listen on both meanwhile.
    this.monitors.set(newKey, h);
    try {
      await this.call('monitor_cond_change', [id, newId, requests], o);
    } catch (e) {
      if (newKey !== key) this.monitors.delete(newKey);
      throw e;
    }
    if (newKey !== key) this.monitors.delete(key);
  }

  /** `monitor_cancel` (RFC 7047 §4.1.7). */
  async monitorCancel(id: unknown, o?: CallOptions): Promise<void> {
    await this.call('monitor_cancel', [id], o);
    this.monitors.delete(monitorKey(id));
  }

  /** Subscribe to `locked` / `stolen` notifications. */
  onLockEvent(h: (ev: LockEvent) => void): () => void {
    this.lockHandlers.add(h);
    return () => this.lockHandlers.delete(h);
  }

  /** `lock` (RFC 7047 §4.1.8): `locked` true if acquired now; otherwise a `locked` event follows when it is. */
  async lock(lock: string, o?: CallOptions): Promise<{ locked: boolean }> {
    return lockResult('lock', await this.call('lock', [lock], o));
  }

  /** `steal` (RFC 7047 §4.1.8): takes the lock; the previous owner gets `stolen`. */
  async steal(lock: string, o?: CallOptions): Promise<{ locked: boolean }> {
    return lockResult('steal', await this.call('steal', [lock], o));
  }

  /** `unlock` (RFC 7047 §4.1.8). */
  async unlock(lock: string, o?: CallOptions): Promise<void> {
    await this.call('unlock', [lock], o);
  }

  /** `echo` (RFC 7047 §4.1.11): the server returns the same parameters. */
  async echo(params: readonly unknown[] = [], o?: CallOptions): Promise<unknown[]> {
    return (await this.call('echo', params, o)) as unknown[];
  }

  /** `set_db_change_aware` (ovsdb-server(7) §4.1.16): keep the connection across schema conversions. */
  async setDbChangeAware(aware = true, o?: CallOptions): Promise<void> {
    await this.call('set_db_change_aware', [aware], o);
  }

  /** `get_server_id` (ovsdb-server(7) §4.1.17): the server's UUID, stable across restarts of one instance. */
  async getServerId(o?: CallOptions): Promise<string> {
    const r = await this.call('get_server_id', [], o);
    if (typeof r !== 'string') throw badResult('get_server_id', 'a string', r);
    return r;
  }

  private onNotification(n: Notification): void {
    const p = n.params;
    if (deeperThan(p[0], 64))
      return this.log?.warn({ method: n.method }, 'ovsdb: notification with a monitor id nested too deep ignored');
    switch (n.method) {
      case 'update':
      case 'update2': {
        const h = this.monitors.get(monitorKey(p[0]));
        if (!h) return this.log?.warn({ id: p[0] }, `ovsdb: ${n.method} for unknown monitor`);
        h(
          n.method === 'update'
            ? { method: 'update', updates: (p[1] ?? {}) as TableUpdates }
            : { method: 'update2', updates: (p[1] ?? {}) as TableUpdates2 },
        );
        return;
      }
      case 'update3': {
        const h = this.monitors.get(monitorKey(p[0]));
        if (!h) return this.log?.warn({ id: p[0] }, 'ovsdb: update3 for unknown monitor');
        h({ method: 'update3', lastTxnId: String(p[1]), updates: (p[2] ?? {}) as TableUpdates2 });
        return;
      }
      case 'locked':
      case 'stolen':
        for (const h of this.lockHandlers) h({ type: n.method, lock: String(p[0]) });
        return;
      default:
        this.log?.debug({ method: n.method }, 'ovsdb: ignoring notification');
    }
  }
}
