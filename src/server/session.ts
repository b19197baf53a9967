/**
 * One client connection (ovsdb/jsonrpc-server.c's session): JSON-RPC framing with the SDK's splitter,
 * message validation as lib/jsonrpc.c does it (an invalid message ends the connection), the methods,
 * blocked transactions (triggers) woken by commits, monitors, locks and the inactivity probe.
 */
import { JsonSplitter, parseMessage } from '../jsonrpc/splitter.js';
import { JsonStreamCheck } from './json-check.js';
import type { Logger } from '../jsonrpc/peer.js';
import type { ByteStream } from '../transport/stream.js';
import type { Database } from './database.js';
import { OvsdbError, syntaxError } from './errors.js';
import { executeTransact, WaitPending } from './execute.js';
import type { Monitor, MonitorVersion } from './monitor.js';
import {
  applyCondChange,
  composeChanges,
  composeCondChange,
  composeInitial,
  mergeChanges,
  parseMonitorRequests,
} from './monitor.js';
import { ovsJsonText } from './json-text.js';
import { UUID_RE } from '../ovsdb/notation.js';
import type { Commit } from './database.js';

/** What a session needs from its server. */
export interface SessionHost {
  database(name: string): Database | undefined;
  databaseNames(): string[];
  readonly serverId: string;
  lock(s: Session, name: string, steal: boolean): boolean;
  unlock(s: Session, name: string): void;
  isLockOwner(s: Session, name: string): boolean;
  sessionClosed(s: Session): void;
  readonly logger?: Logger | undefined;
}

export interface SessionOptions {
  /** Largest message accepted (bytes); a larger one ends the connection. Default 256 MiB. */
  maxMessageBytes?: number;
  /** Echo after this many ms idle, disconnect after as long again (default 5000; 0 = off). */
  inactivityProbeMs?: number;
}

interface Trigger {
  readonly id: unknown;
  readonly key: string;
  readonly db: Database;
  readonly params: unknown;
  readonly start: number;
  timer?: NodeJS.Timeout;
  unsub?: () => void;
}

interface ActiveMonitor {
  readonly m: Monitor;
  unsub: () => void;
}

type Msg = { method?: unknown; params?: unknown; result?: unknown; error?: unknown; id?: unknown };

const nonNull = (v: unknown) => v !== null && v !== undefined;

/** lib/jsonrpc.c's validation; returns the reason a message is invalid, or undefined. */
export function invalidMessage(raw: unknown): string | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return 'message is not a JSON object';
  const m = raw as Msg;
  if (m.method !== undefined && typeof m.method !== 'string') return 'method is not a JSON string';
  for (const k of Object.keys(m)) {
    if (k !== 'method' && k !== 'params' && k !== 'result' && k !== 'error' && k !== 'id')
      return `message has unexpected member "${k}"`;
  }
  const has = {
    method: m.method !== undefined,
    params: nonNull(m.params),
    result: nonNull(m.result),
    error: nonNull(m.error),
    id: nonNull(m.id),
  };
  const type = has.result ? 'reply' : has.error ? 'error' : has.id ? 'request' : 'notification';
  if (has.params && !Array.isArray(m.params)) return '"params" must be JSON array';
  const pattern = {
    request: [1, 1, 0, 0, 1],
    notification: [1, 1, 0, 0, 0],
    reply: [0, 0, 1, 0, 1],
    error: [0, 0, 0, 1, 1],
  }[type];
  const names = ['method', 'params', 'result', 'error', 'id'] as const;
  for (let i = 0; i < 5; i++) {
    if (has[names[i]!] !== (pattern[i] === 1)) return `${type} must${pattern[i] ? '' : ' not'} have "${names[i]}"`;
  }
  return undefined;
}

export class Session {
  private readonly splitter: JsonSplitter;
  private readonly check = new JsonStreamCheck();
  private readonly triggers = new Map<string, Trigger>();
  private readonly monitors = new Map<string, ActiveMonitor>();
  readonly locks = new Set<string>();
  private closed = false;
  private lastRx = Date.now();
  private probeSent = false;
  private probeTimer: NodeJS.Timeout | undefined;
  private readonly probeMs: number;
  dbChangeAware = false;

  constructor(
    readonly stream: ByteStream,
    private readonly host: SessionHost,
    opts: SessionOptions = {},
  ) {
    this.splitter = new JsonSplitter({ maxMessageBytes: opts.maxMessageBytes ?? 256 * 1024 * 1024 });
    this.probeMs = opts.inactivityProbeMs ?? 5000;
    stream.onData((c) => this.receive(c));
    stream.onClose(() => this.teardown());
    this.armProbe();
  }

  get remote(): string {
    return this.stream.remote;
  }

  private send(msg: object): void {
    if (this.closed) return;
    this.stream.write(JSON.stringify(msg));
  }

  notify(method: string, params: unknown[]): void {
    this.send({ id: null, method, params });
  }

  private reply(id: unknown, result: unknown): void {
    this.send({ id, result, error: null });
  }

  /** ovsdb-server's error replies carry no `result` member. */
  private replyError(id: unknown, error: unknown): void {
    this.send({ id, error });
  }

  /** Ends the connection (protocol violation, probe timeout or server stop). */
  close(reason?: string): void {
    if (this.closed) return;
    if (reason) this.host.logger?.warn({ remote: this.remote, reason }, 'ovsdb-server: closing connection');
    this.stream.close();
    this.teardown();
  }

  private teardown(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.probeTimer) clearTimeout(this.probeTimer);
    for (const t of this.triggers.values()) this.dropTrigger(t);
    this.triggers.clear();
    for (const m of this.monitors.values()) m.unsub();
    this.monitors.clear();
    this.host.sessionClosed(this);
  }

  private receive(chunk: Buffer): void {
    if (this.closed) return;
    this.lastRx = Date.now();
    let frames: Buffer[];
    try {
      this.check.feed(chunk);
      frames = this.splitter.feed(chunk);
    } catch (e) {
      this.close(`framing: ${(e as Error).message}`);
      return;
    }
    if (frames.length) this.probeSent = false;
    for (const f of frames) {
      let msg: unknown;
      try {
        msg = parseMessage(f);
      } catch (e) {
        this.close(`bad JSON: ${(e as Error).message}`);
        return;
      }
      const bad = invalidMessage(msg);
      if (bad) {
        this.close(`received bad JSON-RPC message: ${bad}`);
        return;
      }
      try {
        this.dispatch(msg as Msg);
      } catch (e) {
        this.host.logger?.error({ err: e }, 'ovsdb-server: request failed');
        this.close('internal error');
        return;
      }
      if (this.closed) return;
    }
  }

  private dispatch(m: Msg): void {
    if (typeof m.method !== 'string') {
      // A reply to our inactivity probe is expected; any other reply ends the connection, as
      // ovsdb-server does ("received unexpected reply message").
      if (m.id !== 'echo') this.close('received unexpected reply message');
      return;
    }
    const params = (m.params ?? []) as unknown[];
    if (!nonNull(m.id)) {
      if (m.method === 'cancel' && params.length === 1) {
        const t = this.triggers.get(ovsJsonText(params[0]));
        if (t) {
          this.dropTrigger(t);
          this.triggers.delete(t.key);
          this.replyError(t.id, 'canceled');
        }
      }
      return;
    }
    const id = m.id;
    switch (m.method) {
      case 'transact':
        return this.transact(id, params, m);
      case 'monitor':
      case 'monitor_cond':
      case 'monitor_cond_since':
        return this.monitor(id, params, m.method === 'monitor' ? 1 : m.method === 'monitor_cond' ? 2 : 3, m);
      case 'monitor_cond_change':
        return this.condChange(id, params);
      case 'monitor_cancel': {
        if (params.length !== 1) return this.replyError(id, 'invalid parameters');
        const key = ovsJsonText(params[0]);
        const am = this.monitors.get(key);
        if (!am) return this.replyError(id, 'unknown monitor');
        am.unsub();
        this.monitors.delete(key);
        return this.reply(id, {});
      }
      case 'get_schema': {
        const db = this.lookupDb(id, params, m.method);
        if (db) this.reply(id, db.schemaJson);
        return;
      }
      case 'list_dbs':
        return this.reply(id, this.host.databaseNames());
      case 'get_server_id':
        return this.reply(id, this.host.serverId);
      case 'lock':
      case 'steal':
        return this.lockReq(id, params, m.method);
      case 'unlock': {
        const name = this.lockName(id, params, m.method);
        if (name === undefined) return;
        if (!this.locks.has(name))
          return this.replyError(id, syntaxError(params, null, 'unlock: "unlock" without "lock" or "steal"').toJson());
        this.host.unlock(this, name);
        return this.reply(id, {});
      }
      case 'set_db_change_aware':
        if (params.length !== 1 || typeof params[0] !== 'boolean') {
          return this.replyError(
            id,
            syntaxError(params, null, 'set_db_change_aware: true or false parameter expected').toJson(),
          );
        }
        this.dbChangeAware = params[0];
        return this.reply(id, {});
      case 'echo':
        return this.reply(id, params);
      default:
        return this.replyError(id, 'unknown method');
    }
  }

  private lookupDb(id: unknown, params: unknown[], method: string): Database | undefined {
    if (params.length === 0 || typeof params[0] !== 'string') {
      this.replyError(id, syntaxError(params, null, `${method} request params must begin with <db-name>`).toJson());
      return undefined;
    }
    const db = this.host.database(params[0]);
    if (!db)
      this.replyError(
        id,
        syntaxError(params, 'unknown database', `${method} request specifies unknown database ${params[0]}`).toJson(),
      );
    return db;
  }

  // ---- transact and triggers ----

  private transact(id: unknown, params: unknown[], m: Msg): void {
    const db = this.lookupDb(id, params, 'transact');
    if (!db) return;
    const key = ovsJsonText(id);
    if (this.triggers.has(key)) {
      this.replyError(id, syntaxError(m.params, null, 'transact: duplicate request ID').toJson());
      return;
    }
    const t: Trigger = { id, key, db, params, start: Date.now() };
    if (!this.runTrigger(t, true)) {
      this.triggers.set(key, t);
      t.unsub = db.onCommit(() => queueMicrotask(() => this.retry(t)));
    }
  }

  private retry(t: Trigger): void {
    if (this.closed || this.triggers.get(t.key) !== t) return;
    if (this.runTrigger(t)) {
      this.dropTrigger(t);
      this.triggers.delete(t.key);
    }
  }

  /** Runs a transaction; true when it was answered, false when a wait blocks it. */
  private runTrigger(t: Trigger, first = false): boolean {
    // ovsdb-server runs a new transaction at once, with 0 ms elapsed.
    const elapsedMs = first ? 0 : Date.now() - t.start;
    try {
      const res = executeTransact(t.db, t.params, { elapsedMs, ownsLock: (n) => this.host.isLockOwner(this, n) });
      this.reply(t.id, res);
      return true;
    } catch (e) {
      if (!(e instanceof WaitPending)) throw e;
      if (t.timer) clearTimeout(t.timer);
      if (e.timeoutMs < Number.MAX_SAFE_INTEGER) {
        t.timer = setTimeout(() => this.retry(t), Math.max(0, t.start + e.timeoutMs - Date.now()));
      }
      return false;
    }
  }

  private dropTrigger(t: Trigger): void {
    if (t.timer) clearTimeout(t.timer);
    t.unsub?.();
  }

  // ---- monitors ----

  private monitor(id: unknown, params: unknown[], version: MonitorVersion, m: Msg): void {
    const db = this.lookupDb(id, params, m.method as string);
    if (!db) return;
    try {
      if (
        (version === 1 && params.length !== 3) ||
        (version === 2 && params.length !== 3) ||
        (version === 3 && params.length !== 4)
      ) {
        throw syntaxError(params, null, 'invalid parameters');
      }
      const monId = params[1];
      const reqs = params[2];
      if (typeof reqs !== 'object' || reqs === null || Array.isArray(reqs))
        throw syntaxError(reqs, null, 'monitor-requests must be object');
      const key = ovsJsonText(monId);
      if (this.monitors.has(key)) throw syntaxError(monId, null, 'duplicate monitor ID');
      const mon = parseMonitorRequests(db, monId, reqs, version);
      let found = false;
      let initial: Record<string, unknown> | undefined;
      if (version === 3) {
        const last = params[3];
        if (typeof last !== 'string') throw syntaxError(last, null, 'last-txn-id must be string');
        if (!UUID_RE.test(last)) throw syntaxError(last, null, 'last-txn-id must be UUID format.');
        if (!/^0{8}-0{4}-0{4}-0{4}-0{12}$/.test(last)) {
          const after = db.changesAfter(last.toLowerCase());
          if (after) {
            found = true;
            initial = composeChanges(mon, mergeChanges(after.map((c) => c.changes))) ?? {};
          }
        }
      }
      initial ??= composeInitial(mon);
      const unsub = db.onCommit((c) => this.onCommit(mon, c));
      this.monitors.set(key, { m: mon, unsub });
      this.reply(id, version === 3 ? [found, db.lastTxnId, initial] : initial);
    } catch (e) {
      if (!(e instanceof OvsdbError)) throw e;
      this.replyError(id, e.toJson());
    }
  }

  private onCommit(mon: Monitor, c: Commit): void {
    const u = composeChanges(mon, c.changes);
    if (!u) return;
    if (mon.version === 1) this.notify('update', [mon.id, u]);
    else if (mon.version === 2) this.notify('update2', [mon.id, u]);
    else this.notify('update3', [mon.id, c.txnId, u]);
  }

  private condChange(id: unknown, params: unknown[]): void {
    try {
      if (params.length !== 3) throw syntaxError(params, null, 'invalid parameters');
      const oldKey = ovsJsonText(params[0]);
      const am = this.monitors.get(oldKey);
      if (!am || am.m.version === 1) throw syntaxError(params[0], null, 'unknown monitor session');
      const newKey = ovsJsonText(params[1]);
      if (newKey !== oldKey && this.monitors.has(newKey)) throw syntaxError(params[1], null, 'duplicate monitor ID');
      const olds = applyCondChange(am.m, params[2]);
      if (newKey !== oldKey) {
        this.monitors.delete(oldKey);
        am.m.id = params[1];
        this.monitors.set(newKey, am);
      }
      const u = composeCondChange(am.m, olds);
      if (u) {
        if (am.m.version === 3) this.notify('update3', [am.m.id, am.m.db.lastTxnId, u]);
        else this.notify('update2', [am.m.id, u]);
      }
      this.reply(id, {});
    } catch (e) {
      if (!(e instanceof OvsdbError)) throw e;
      this.replyError(id, e.toJson());
    }
  }

  // ---- locks ----

  private lockName(id: unknown, params: unknown[], method: string): string | undefined {
    if (params.length !== 1 || typeof params[0] !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(params[0])) {
      this.replyError(id, syntaxError(params, null, `${method} request params must be <id>`).toJson());
      return undefined;
    }
    return params[0];
  }

  private lockReq(id: unknown, params: unknown[], method: 'lock' | 'steal'): void {
    const name = this.lockName(id, params, method);
    if (name === undefined) return;
    if (this.locks.has(name)) {
      this.replyError(id, syntaxError(params, null, `must issue "unlock" before new "${method}"`).toJson());
      return;
    }
    const locked = this.host.lock(this, name, method === 'steal');
    this.reply(id, { locked });
  }

  // ---- inactivity probe ----

  private armProbe(): void {
    if (this.probeMs <= 0) return;
    const tick = () => {
      if (this.closed) return;
      const idle = Date.now() - this.lastRx;
      if (idle >= this.probeMs) {
        if (this.probeSent) {
          this.close(`no response to inactivity probe after ${(idle / 1000).toFixed(0)} seconds, disconnecting`);
          return;
        }
        this.probeSent = true;
        this.lastRx = Date.now();
        this.send({ id: 'echo', method: 'echo', params: [] });
      }
      this.probeTimer = setTimeout(tick, Math.max(10, this.probeMs - (Date.now() - this.lastRx)));
      this.probeTimer.unref();
    };
    this.probeTimer = setTimeout(tick, this.probeMs);
    this.probeTimer.unref();
  }
}
