/** Shared by the cache integration tests: an independent read of the server, event replay, normalization. */
import { expect } from 'vitest';
import { OvsdbClient, op, type DatabaseSchema } from '../../../../src/ovsdb/index.js';
import { datumFromWire } from '../../../../src/ovsdb/notation.js';
import type { ReplicaCache, RowEvent, EventStream, CacheRow } from '../../../../src/ovsdb/cache/index.js';

/** Sets sorted, map keys sorted: a value comparable with toEqual regardless of order. */
export function norm(v: unknown): unknown {
  if (Array.isArray(v)) return [...v].map(norm).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, norm((v as Record<string, unknown>)[k])]),
    );
  return v;
}

export type Snapshot = Record<string, Record<string, unknown>>;

/** The cache's rows, normalized, table → uuid → row. */
export function cacheSnapshot(cache: ReplicaCache, tables: readonly string[]): Snapshot {
  const out: Snapshot = {};
  for (const t of tables) {
    out[t] = {};
    for (const r of cache.table(t).values()) out[t]![r._uuid] = norm(r);
  }
  return out;
}

/**
 * The server's rows read by a second connection with `select`, decoded with notation.ts'
 * `datumFromWire` (not the cache's codec): the oracle the cache is compared with.
 */
export async function serverSnapshot(
  remote: string,
  db: string,
  tables: readonly string[],
  columnsOf: (t: string) => readonly string[],
): Promise<Snapshot> {
  const c = await OvsdbClient.connect(remote);
  try {
    const schema: DatabaseSchema = await c.getSchema(db);
    const res = await c.transact(
      db,
      tables.map((t) => op.select(t, [], ['_uuid', ...columnsOf(t)])),
    );
    const out: Snapshot = {};
    tables.forEach((t, i) => {
      out[t] = {};
      for (const w of res[i]!.rows) {
        const uuid = (w._uuid as readonly [string, string])[1];
        const row: Record<string, unknown> = { _uuid: uuid };
        for (const col of columnsOf(t)) row[col] = datumFromWire(schema.tables[t]!.columns[col]!.type, w[col]!);
        out[t]![uuid] = norm(row);
      }
    });
    return out;
  } finally {
    await c.close();
  }
}

/** Consumes an event stream into tables of its own, checking each event against what it replayed so far. */
export class Replayer {
  readonly tables = new Map<string, Map<string, CacheRow>>();
  count = 0;
  problems: string[] = [];
  /** Settles when the stream ends; an error ending it is in `error`. */
  readonly done: Promise<void>;
  error: unknown;
  constructor(stream: EventStream, onEvent?: (ev: RowEvent) => void) {
    this.done = (async () => {
      for await (const ev of stream) {
        this.apply(ev);
        onEvent?.(ev);
      }
    })().catch((e) => {
      this.error = e;
    });
  }
  private apply(ev: RowEvent): void {
    this.count++;
    let t = this.tables.get(ev.table);
    if (!t) this.tables.set(ev.table, (t = new Map()));
    const cur = t.get(ev.uuid);
    if (ev.type === 'insert') {
      if (cur) this.problems.push(`insert of existing ${ev.table} ${ev.uuid}`);
      t.set(ev.uuid, ev.new);
    } else if (ev.type === 'update') {
      if (cur !== ev.old) this.problems.push(`update of ${ev.table} ${ev.uuid}: old is not the row replayed so far`);
      t.set(ev.uuid, ev.new);
    } else {
      if (cur !== ev.old) this.problems.push(`delete of ${ev.table} ${ev.uuid}: old is not the row replayed so far`);
      t.delete(ev.uuid);
    }
  }
  snapshot(tables: readonly string[]): Snapshot {
    const out: Snapshot = {};
    for (const n of tables) {
      out[n] = {};
      for (const [u, r] of this.tables.get(n) ?? []) out[n]![u] = norm(r);
    }
    return out;
  }
}

export function expectSnapshotsEqual(a: Snapshot, b: Snapshot): void {
  for (const t of Object.keys(b)) {
    expect(Object.keys(a[t] ?? {}).sort(), `${t}: row uuids`).toEqual(Object.keys(b[t]!).sort());
    for (const u of Object.keys(b[t]!)) expect(a[t]![u], `${t} ${u}`).toEqual(b[t]![u]);
  }
}

/** A seeded PRNG with helpers. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T | undefined => (xs.length ? xs[Math.floor(next() * xs.length)] : undefined);
  const ALPHA = ['a', 'b', 'z', '0', '9', ' ', '"', '\\', '{', '}', 'é', '日', '😀', ':', '/'];
  const str = (max = 8) => Array.from({ length: int(0, max) }, () => pick(ALPHA)!).join('');
  const map = (maxKeys = 4) => {
    const m: Record<string, string> = {};
    for (let i = int(0, maxKeys); i > 0; i--) m[`k${int(0, 6)}${pick(['', 'é', '"'])}`] = str();
    return m;
  };
  const set = (max = 4) => [...new Set(Array.from({ length: int(0, max) }, () => str(6)))];
  return { next, int, pick, str, map, set, bool: () => next() < 0.5 };
}
