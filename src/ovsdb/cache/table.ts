/**
 * One table of the replica: rows by UUID, and indexes kept up to date on every change.
 * Rows are immutable snapshots: a change replaces the row object (copy on write), so a row a
 * caller holds — or an event's `old` — never changes under it.
 */
import type { Atom, Datum } from '../notation.js';
import { CacheIndexError } from './errors.js';

/** A row as the cache holds it: `_uuid` plus every monitored column in its JS shape. */
export type CacheRow = { readonly _uuid: string } & { readonly [column: string]: Datum };

/**
 * How a client-defined index computes the key of a row:
 * - `columns`: a tuple of columns (one column: look up by its value; several: by the values in order);
 * - `externalId`: the value of one key of the `external_ids` map (rows without that key are not indexed);
 * - `key`: any function of the row (return `undefined` to leave the row out).
 */
export type IndexSpec =
  | { readonly columns: readonly string[] }
  | { readonly externalId: string; readonly column?: string }
  | { readonly key: (row: CacheRow) => unknown };

/** A bigint (integers beyond 2^53 in BigInt mode) as JSON: an object, which no atom is, so keys stay injective. */
const bigReplacer = (_k: string, x: unknown): unknown => (typeof x === 'bigint' ? { big: x.toString() } : x);

/** Canonical, injective index key for a JS datum (sets are unordered, maps compared as sorted pairs). */
function canon(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return 'S' + JSON.stringify([...(v as Atom[])].sort(cmp), bigReplacer);
  const keys = Object.keys(v).sort();
  return (
    'M' +
    JSON.stringify(
      keys.map((k) => [k, (v as Record<string, unknown>)[k]]),
      bigReplacer,
    )
  );
}
function cmp(a: unknown, b: unknown): number {
  const ta = typeof a;
  const tb = typeof b;
  if (ta !== tb) return ta < tb ? -1 : 1;
  return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
}
function tupleKey(values: readonly unknown[]): unknown {
  if (values.length === 1) return canon(values[0]);
  return (
    'T' +
    JSON.stringify(
      values.map((x) => (x === undefined ? null : canon(x))),
      bigReplacer,
    )
  );
}

/** A lookup structure over one table. Built on first use, then maintained on every change. */
export class CacheIndex<R extends { readonly _uuid: string } = CacheRow> {
  /** key → one uuid, or a Set of uuids when several rows share the key. */
  private readonly map = new Map<unknown, string | Set<string>>();
  private built = false;

  constructor(
    readonly name: string,
    private readonly keyOf: (row: CacheRow) => unknown,
    private readonly toKey: (values: readonly unknown[]) => unknown,
    private readonly table: CacheTable,
  ) {}

  private ensure(): void {
    if (this.built) return;
    this.built = true;
    for (const r of this.table.values()) this.add(r);
  }

  /** @internal */
  get isBuilt(): boolean {
    return this.built;
  }

  /** @internal called by the table on every change once built. */
  add(row: CacheRow): void {
    if (!this.built) return;
    const k = this.keyOf(row);
    if (k === undefined) return;
    const cur = this.map.get(k);
    if (cur === undefined) this.map.set(k, row._uuid);
    else if (typeof cur === 'string') {
      if (cur !== row._uuid) this.map.set(k, new Set([cur, row._uuid]));
    } else cur.add(row._uuid);
  }

  /** @internal */
  remove(row: CacheRow): void {
    if (!this.built) return;
    const k = this.keyOf(row);
    if (k === undefined) return;
    const cur = this.map.get(k);
    if (cur === undefined) return;
    if (typeof cur === 'string') {
      if (cur === row._uuid) this.map.delete(k);
    } else {
      cur.delete(row._uuid);
      if (cur.size === 1) this.map.set(k, cur.values().next().value as string);
    }
  }

  /** @internal */
  change(oldRow: CacheRow, newRow: CacheRow): void {
    if (!this.built) return;
    const a = this.keyOf(oldRow);
    const b = this.keyOf(newRow);
    if (a === b) return;
    this.remove(oldRow);
    this.add(newRow);
  }

  /** Every row whose key equals the given values (one value per indexed column, in JS shape). */
  find(...values: readonly unknown[]): R[] {
    this.ensure();
    const cur = this.map.get(this.toKey(values));
    if (cur === undefined) return [];
    if (typeof cur === 'string') return [this.table.get(cur) as unknown as R];
    const out: R[] = [];
    for (const u of cur) out.push(this.table.get(u) as unknown as R);
    return out;
  }

  /** The one row with this key, or undefined (the first one found if, unusually, several share it). */
  get(...values: readonly unknown[]): R | undefined {
    this.ensure();
    const cur = this.map.get(this.toKey(values));
    if (cur === undefined) return undefined;
    if (typeof cur === 'string') return this.table.get(cur) as unknown as R;
    return this.table.get(cur.values().next().value as string) as unknown as R;
  }

  /** Number of distinct keys. */
  get keys(): number {
    this.ensure();
    return this.map.size;
  }
}

/**
 * The rows of one table plus its indexes. Reads are plain synchronous lookups: since the cache
 * applies each server notification in one synchronous step, a read never sees half a transaction.
 */
export class CacheTable<R extends { readonly _uuid: string } = CacheRow> {
  /** @internal decoded rows. */
  readonly rows = new Map<string, CacheRow>();
  private readonly indexes = new Map<string, CacheIndex<R>>();
  /**
   * Initial contents not decoded yet: the server's `<table-update>` object as received, uuid →
   * row update. A row moves to `rows` when first read; everything moves on the first scan.
   */
  private batch: Record<string, unknown> | undefined;
  private batchPick: (ru: unknown) => unknown = () => undefined;
  private batchSize = -1;

  constructor(
    readonly name: string,
    /** Columns the cache holds for this table (monitored ∩ known). */
    readonly columns: readonly string[],
    /**
     * @internal decodes a wire row; returns undefined (and sets the row aside) when its data is
     * malformed. Rows are immutable snapshots, so decoding late gives what decoding early would have.
     */
    private readonly decode: (uuid: string, wire: Readonly<Record<string, unknown>>) => CacheRow | undefined = () =>
      undefined,
  ) {}

  /** @internal takes the initial contents of an empty table as they are, to decode each row on first read. */
  setBatch(batch: Record<string, unknown>, pick: (ru: unknown) => unknown): void {
    this.batch = batch;
    this.batchPick = pick;
    this.batchSize = -1;
    for (const ix of this.indexes.values()) if (ix.isBuilt) return this.flush();
  }

  private fromBatch(uuid: string): CacheRow | undefined {
    const b = this.batch!;
    if (!Object.prototype.hasOwnProperty.call(b, uuid)) return undefined;
    const wire = this.batchPick(b[uuid]);
    delete b[uuid];
    if (this.batchSize > 0) this.batchSize--;
    const row = wire === undefined ? undefined : this.decode(uuid, wire as Readonly<Record<string, unknown>>);
    if (row) this.rows.set(uuid, row);
    return row;
  }

  /** @internal decodes every row still in the batch. */
  flush(): void {
    const b = this.batch;
    if (!b) return;
    this.batch = undefined;
    this.batchSize = -1;
    for (const uuid in b) {
      const wire = this.batchPick(b[uuid]);
      const row = wire === undefined ? undefined : this.decode(uuid, wire as Readonly<Record<string, unknown>>);
      if (row) this.rows.set(uuid, row);
    }
  }

  /** The row with this UUID. */
  get(uuid: string): R | undefined {
    const r = this.rows.get(uuid);
    if (r !== undefined || this.batch === undefined) return r as unknown as R | undefined;
    return this.fromBatch(uuid) as unknown as R | undefined;
  }

  has(uuid: string): boolean {
    return this.get(uuid) !== undefined;
  }

  /** A snapshot array of every row. */
  all(): R[] {
    this.flush();
    return Array.from(this.rows.values()) as unknown as R[];
  }

  /** Iterates the rows (do not await inside the loop if you need a consistent view). */
  values(): IterableIterator<R> {
    this.flush();
    return this.rows.values() as unknown as IterableIterator<R>;
  }

  /** Rows for which `pred` is true. */
  filter(pred: (row: R) => boolean): R[] {
    const out: R[] = [];
    for (const r of this.values()) if (pred(r)) out.push(r);
    return out;
  }

  /** Number of rows (rows of the initial contents that turn out malformed when decoded drop out). */
  get size(): number {
    if (this.batch === undefined) return this.rows.size;
    if (this.batchSize < 0) this.batchSize = Object.keys(this.batch).length;
    return this.rows.size + this.batchSize;
  }

  /**
   * A named index: one of the schema's (named by its columns joined with `,`, e.g. `name`) or one
   * defined with {@link defineIndex} / the cache's `indexes` option.
   * @throws {CacheIndexError} `CACHE_INDEX_INVALID` for an unknown name
   */
  index(name: string): CacheIndex<R> {
    const ix = this.indexes.get(name);
    if (!ix)
      throw new CacheIndexError(
        this.name,
        name,
        `no such index (known: ${[...this.indexes.keys()].join(', ') || 'none'})`,
      );
    return ix;
  }

  /** Names of the defined indexes. */
  indexNames(): string[] {
    return [...this.indexes.keys()];
  }

  /**
   * Defines an index (built lazily on its first lookup, then maintained on every change).
   * @example
   *   lsps.defineIndex('byPod', { externalId: 'pod' });
   *   lsps.index('byPod').get('default/web-0');
   * @throws {CacheIndexError} `CACHE_INDEX_INVALID` when the name is taken or a column is not in the cache
   */
  defineIndex(name: string, spec: IndexSpec): CacheIndex<R> {
    if (this.indexes.has(name)) throw new CacheIndexError(this.name, name, 'an index of that name exists');
    let keyOf: (row: CacheRow) => unknown;
    let toKey: (values: readonly unknown[]) => unknown = tupleKey;
    if ('columns' in spec) {
      const cols = [...spec.columns];
      if (cols.length === 0) throw new CacheIndexError(this.name, name, 'an index needs at least one column');
      for (const c of cols)
        if (c !== '_uuid' && !this.columns.includes(c))
          throw new CacheIndexError(this.name, name, `column ${c} is not in the cache`);
      if (cols.length === 1) {
        const c = cols[0]!;
        keyOf = (r) => canon(r[c]);
      } else keyOf = (r) => tupleKey(cols.map((c) => r[c]));
    } else if ('externalId' in spec) {
      const col = spec.column ?? 'external_ids';
      const k = spec.externalId;
      if (!this.columns.includes(col)) throw new CacheIndexError(this.name, name, `column ${col} is not in the cache`);
      keyOf = (r) => {
        const m = r[col] as Readonly<Record<string, Atom>> | undefined;
        return m && Object.prototype.hasOwnProperty.call(m, k) ? m[k] : undefined;
      };
      toKey = (v) => v[0];
    } else {
      const f = spec.key;
      keyOf = (r) => canon(f(r));
      toKey = (v) => canon(v[0]);
    }
    const ix = new CacheIndex<R>(name, keyOf, toKey, this as unknown as CacheTable);
    this.indexes.set(name, ix);
    return ix;
  }

  /** @internal */
  insertRow(row: CacheRow): void {
    this.rows.set(row._uuid, row);
    for (const ix of this.indexes.values()) ix.add(row);
  }
  /** @internal */
  replaceRow(oldRow: CacheRow, newRow: CacheRow): void {
    this.rows.set(newRow._uuid, newRow);
    for (const ix of this.indexes.values()) ix.change(oldRow, newRow);
  }
  /** @internal */
  deleteRow(row: CacheRow): void {
    this.rows.delete(row._uuid);
    for (const ix of this.indexes.values()) ix.remove(row);
  }
  /** @internal */
  clear(): void {
    for (const r of [...this.values()]) this.deleteRow(r as unknown as CacheRow);
  }
}
