/**
 * Row events and their delivery: each subscriber has its own bounded queue, read as an async
 * iterator. Events are queued in commit order when a notification has been applied to the cache
 * as a whole. Nothing is dropped silently: a subscriber that falls more than `maxBuffered` events
 * behind gets every event that was queued and then a {@link CacheEventOverflowError}.
 */
import type { CacheRow } from './table.js';
import { CacheAbortedError, CacheEventOverflowError } from './errors.js';

/** A change to one row, in the commit order of the server. Rows are immutable snapshots. */
export type RowEvent<R extends { readonly _uuid: string } = CacheRow> =
  | { readonly type: 'insert'; readonly table: string; readonly uuid: string; readonly new: R }
  | { readonly type: 'update'; readonly table: string; readonly uuid: string; readonly old: R; readonly new: R }
  | { readonly type: 'delete'; readonly table: string; readonly uuid: string; readonly old: R };

export interface SubscribeOptions {
  /** Only events of these tables (default: all). */
  readonly tables?: readonly string[];
  /** Start with an `insert` for every row the cache holds now (a consistent snapshot). Default false. */
  readonly initial?: boolean;
  /** Most events queued for this subscriber before it is ended with `CACHE_EVENT_OVERFLOW` (default 100,000). */
  readonly maxBuffered?: number;
  /**
   * Ends the stream when it fires: events not yet read are dropped and a waiting or later `next()`
   * rejects with `CACHE_ABORTED` (the signal's reason as `cause`).
   */
  readonly signal?: AbortSignal;
}

/**
 * One subscriber's stream of row events.
 * @example
 *   for await (const ev of cache.events({ tables: ['Logical_Switch_Port'] })) {
 *     if (ev.type === 'update') console.log(ev.old.name, '→', ev.new.name);
 *   }
 */
export class EventStream implements AsyncIterableIterator<RowEvent> {
  private queue: RowEvent[] = [];
  private head = 0;
  private waiter: { resolve: (r: IteratorResult<RowEvent>) => void; reject: (e: unknown) => void } | undefined;
  private ended = false;
  private failure: unknown;
  private offAbort: (() => void) | undefined;
  private readonly tables: ReadonlySet<string> | undefined;
  readonly maxBuffered: number;

  /** @internal */
  constructor(
    opts: SubscribeOptions,
    private readonly onEnd: (s: EventStream) => void,
  ) {
    this.tables = opts.tables ? new Set(opts.tables) : undefined;
    this.maxBuffered = opts.maxBuffered ?? 100_000;
    const { signal } = opts;
    if (signal) {
      const onAbort = () => {
        this.queue = [];
        this.head = 0;
        this.end(new CacheAbortedError('reading cache events', { cause: signal.reason }));
      };
      if (signal.aborted) onAbort();
      else {
        signal.addEventListener('abort', onAbort, { once: true });
        this.offAbort = () => signal.removeEventListener('abort', onAbort);
      }
    }
  }

  /** @internal true if this stream wants events of `table`. */
  wants(table: string): boolean {
    return !this.ended && (this.tables === undefined || this.tables.has(table));
  }

  /** Events waiting to be read. */
  get buffered(): number {
    return this.queue.length - this.head;
  }

  /** @internal */
  push(ev: RowEvent): void {
    if (this.ended) return;
    if (this.waiter) {
      const w = this.waiter;
      this.waiter = undefined;
      w.resolve({ value: ev, done: false });
      return;
    }
    if (this.buffered >= this.maxBuffered) {
      this.end(new CacheEventOverflowError(this.maxBuffered));
      return;
    }
    this.queue.push(ev);
  }

  /** @internal ends the stream; queued events are still delivered, then `err` (if any) or the end. */
  end(err?: unknown): void {
    if (this.ended) return;
    this.ended = true;
    this.failure = err;
    this.offAbort?.();
    this.onEnd(this);
    if (this.waiter) {
      const w = this.waiter;
      this.waiter = undefined;
      // The waiting reader gets the error; later reads see the end (the error is delivered once).
      this.failure = undefined;
      if (err !== undefined) w.reject(err);
      else w.resolve({ value: undefined, done: true });
    }
  }

  next(): Promise<IteratorResult<RowEvent>> {
    if (this.head < this.queue.length) {
      const ev = this.queue[this.head++]!;
      if (this.head > 1024 && this.head * 2 > this.queue.length) {
        this.queue = this.queue.slice(this.head);
        this.head = 0;
      }
      return Promise.resolve({ value: ev, done: false });
    }
    if (this.ended) {
      if (this.failure !== undefined) {
        const e = this.failure;
        this.failure = undefined;
        return Promise.reject(e);
      }
      return Promise.resolve({ value: undefined, done: true });
    }
    return new Promise((resolve, reject) => {
      this.waiter = { resolve, reject };
    });
  }

  /** Stops the stream (also what `break` in a `for await` does). */
  return(): Promise<IteratorResult<RowEvent>> {
    this.queue = [];
    this.head = 0;
    this.failure = undefined;
    this.end();
    return Promise.resolve({ value: undefined, done: true });
  }

  /** Stops the stream. */
  close(): void {
    void this.return();
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}
