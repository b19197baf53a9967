/**
 * The workload of the cluster fault tests and of bench/reliability-ops.ts (no test-runner imports):
 * a leader-following session with a replica cache on it, and a writer that streams idempotent
 * inserts through the session.
 */
import {
  OvsdbSession,
  OvsdbClient,
  exponentialBackoff,
  op,
  cond,
  type Operation,
  type SessionEvent,
  type SessionMetric,
  type SessionOptions,
} from '../../../../src/ovsdb/index.js';
import { ReplicaCache, type RowEvent } from '../../../../src/ovsdb/cache/index.js';
import { waitFor } from '../../../../src/testing/index.js';

export const NB = 'OVN_Northbound';
export const TABLES = ['Address_Set'] as const;

/** One resume of the following cache after a reconnect (from the session's `resume` metric). */
export interface ResumeRecord {
  readonly remote: string;
  readonly found: boolean;
  readonly at: number;
}

/** A session, a resumable cache following it, and everything observed on them. */
export interface Follower {
  readonly session: OvsdbSession;
  readonly cache: ReplicaCache;
  readonly events: RowEvent[];
  readonly sessionEvents: (SessionEvent & { at: number })[];
  readonly metrics: (SessionMetric & { at: number })[];
  readonly resumes: ResumeRecord[];
  close(): Promise<void>;
}

/**
 * Starts a session on `remotes` and a cache following it (`ReplicaCache.follow`): on every reconnect
 * the cache re-establishes its monitor with monitor_cond_since from its last txn id, before the
 * session is live again; each such resume is reported as a `resume` metric (found = hit).
 */
export async function startFollower(remotes: string, opts: Partial<SessionOptions> = {}): Promise<Follower> {
  const sessionEvents: (SessionEvent & { at: number })[] = [];
  const metrics: (SessionMetric & { at: number })[] = [];
  const resumes: ResumeRecord[] = [];
  const session = await OvsdbSession.start(remotes, {
    database: NB,
    backoff: exponentialBackoff({ initialMs: 50, maxMs: 400 }),
    ...opts,
    onEvent: (e) => sessionEvents.push({ ...e, at: Date.now() }),
    onMetric: (m) => {
      if (m.type === 'txnLatencyMs' || m.type === 'update') return;
      metrics.push({ ...m, at: Date.now() });
      if (m.type === 'resume') resumes.push({ remote: m.remote, found: m.found, at: Date.now() });
    },
  });
  const cache = await ReplicaCache.follow(session, { tables: [...TABLES] });
  const events: RowEvent[] = [];
  const sub = cache.subscribe((ev) => {
    events.push(ev);
  });
  const c = cache;
  return {
    session,
    cache: c,
    events,
    sessionEvents,
    metrics,
    resumes,
    async close() {
      sub.stop();
      await c.close();
      await session.close();
    },
  };
}

/** Streams idempotent inserts (`wait` for the name to be absent, then insert) through a session. */
export class Writer {
  /** Names the session reported committed, in order, with the commit time. */
  readonly committed: { name: string; at: number }[] = [];
  /** Errors seen (each was retried with the same, idempotent transaction). */
  readonly errors: string[] = [];
  private stopped = false;
  private paused: (() => void) | undefined;
  private pauseWaiter: Promise<void> | undefined;
  private idle: (() => void) | undefined;
  private n = 0;
  readonly done: Promise<void>;

  constructor(
    private readonly session: OvsdbSession,
    private readonly prefix: string,
    private readonly gapMs = 10,
  ) {
    this.done = this.loop();
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      if (this.pauseWaiter) {
        this.idle?.();
        await this.pauseWaiter;
        continue;
      }
      const name = `${this.prefix}-${this.n}`;
      const ops = [
        op.wait('Address_Set', [cond('name', '==', name)], ['name'], '==', [], 0),
        op.insert('Address_Set', { name }),
      ] as const;
      try {
        await this.session.transact(ops, { idempotent: true, readyTimeoutMs: 30_000, timeoutMs: 10_000 });
        this.committed.push({ name, at: Date.now() });
        this.n++;
      } catch (e) {
        const code = (e as { code?: string }).code ?? 'UNKNOWN';
        // The wait guard makes a retry safe. An attempt whose outcome was unknown may have committed:
        // then the retry's wait fails (the name exists) — and the name being there proves the commit.
        if (await this.present(name)) {
          this.committed.push({ name, at: Date.now() });
          this.n++;
          this.errors.push(`${code} (committed)`);
          continue;
        }
        this.errors.push(code);
        if (this.session.state === 'closed') return;
        await new Promise((r) => setTimeout(r, 50));
        continue;
      }
      if (this.gapMs) await new Promise((r) => setTimeout(r, this.gapMs));
    }
    this.idle?.();
  }

  private async present(name: string): Promise<boolean> {
    try {
      const [r] = await this.session.transact([op.select('Address_Set', [cond('name', '==', name)], ['name'])], {
        readyTimeoutMs: 30_000,
        timeoutMs: 10_000,
      });
      return r.rows.length === 1;
    } catch {
      return false;
    }
  }

  /** Stops between two transactions and resolves once no transaction is in flight. */
  async pause(): Promise<void> {
    if (this.pauseWaiter) return;
    const idle = new Promise<void>((r) => (this.idle = r));
    this.pauseWaiter = new Promise<void>((r) => (this.paused = r));
    await idle;
  }

  resume(): void {
    const p = this.paused;
    this.pauseWaiter = undefined;
    this.paused = undefined;
    p?.();
  }

  /** Resolves once `k` more transactions committed after the call. */
  async more(k: number, timeoutMs = 30_000): Promise<void> {
    const target = this.committed.length + k;
    await waitFor(`${k} more committed writes`, () => this.committed.length >= target, timeoutMs, 10);
  }

  /** The longest gap (ms) between two commits whose later one is at or after `since`. */
  longestGapSince(since: number): number {
    let max = 0;
    for (let i = 1; i < this.committed.length; i++) {
      const c = this.committed[i]!;
      if (c.at < since) continue;
      max = Math.max(max, c.at - this.committed[i - 1]!.at);
    }
    return max;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.resume();
    await this.done;
  }
}

/**
 * Writes 200 Logical_Switch rows (plus `extra` operations) through a plain client on `remote`:
 * ovsdb-server keeps transaction history — what monitor_cond_since resumes from — only while it holds
 * fewer atoms than the database, so this bulk keeps the writer's transactions in the history.
 */
export async function seedForHistory(remote: string, extra: readonly Operation[] = []): Promise<void> {
  const c = await OvsdbClient.connect(remote);
  try {
    await c.transact(
      NB,
      Array.from({ length: 200 }, (_, i) =>
        op.insert('Logical_Switch', { name: `bulk${i}`, external_ids: ['map', [['k', String(i)]]] }),
      ),
    );
    if (extra.length) await c.transact(NB, extra);
  } finally {
    await c.close();
  }
}

/** A plain client on `remote` (caller closes it). */
export function connect(remote: string): Promise<OvsdbClient> {
  return OvsdbClient.connect(remote);
}

/** The session's outage metrics (ms) reported at or after `since`. */
export function outagesSince(f: Follower, since: number): number[] {
  return f.metrics.filter((m) => m.type === 'outage' && m.at >= since).map((m) => (m as { ms: number }).ms);
}
