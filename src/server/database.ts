/**
 * One database: its schema, committed tables, the commit itself (applying a transaction's changes,
 * keeping reference counts, weak-reference back-links and unique indexes current), the transaction
 * history `monitor_cond_since` resumes from, and commit listeners (monitors, blocked `wait`s).
 */
import type { DatabaseSchema } from '../ovsdb/schema.js';
import type { Datum } from './datum.js';
import { newUuid, ZERO_UUID } from './datum.js';
import type { Row, Table } from './table.js';
import { indexKey, makeTables } from './table.js';
import type { RowChange } from './txn.js';
import { Txn } from './txn.js';

export interface Commit {
  readonly txnId: string;
  readonly changes: readonly RowChange[];
}

export interface DatabaseOptions {
  /**
   * Keep a transaction history and real transaction ids so that `monitor_cond_since` resumes
   * (default true). `false` behaves as a standalone ovsdb-server 3.1: all-zero ids, never found.
   */
  txnHistory?: boolean;
  /** Commits kept for resume (default 100, as ovsdb-server keeps). */
  historyLength?: number;
}

export class Database {
  readonly name: string;
  readonly tables: Map<string, Table>;
  lastTxnId = ZERO_UUID;
  readonly history: Commit[] = [];
  private readonly listeners = new Set<(c: Commit) => void>();
  private readonly keepHistory: boolean;
  private readonly historyLength: number;
  /** Called after each commit that changed something (persistence). */
  onCommitted: ((c: Commit, txn: Txn) => void) | undefined;

  constructor(
    readonly schema: DatabaseSchema,
    /** The schema document as given (sent by get_schema). */
    readonly schemaJson: unknown,
    opts: DatabaseOptions = {},
  ) {
    this.name = schema.name;
    this.tables = makeTables(schema);
    this.keepHistory = opts.txnHistory ?? true;
    this.historyLength = opts.historyLength ?? 100;
  }

  newTxn(): Txn {
    return new Txn(this);
  }

  onCommit(h: (c: Commit) => void): () => void {
    this.listeners.add(h);
    return () => this.listeners.delete(h);
  }

  /** Runs the commit checks and, when they pass, commits. Throws the first violation. */
  commit(txn: Txn): Commit | undefined {
    txn.precommit();
    const changes = txn.finish();
    if (changes.length === 0) {
      // Reference-count-only changes still need to land.
      return undefined;
    }
    for (const ch of changes) this.applyRow(ch);
    for (const ch of changes) this.applyWeak(ch);
    const commit: Commit = { txnId: this.keepHistory ? newUuid() : ZERO_UUID, changes };
    this.lastTxnId = commit.txnId;
    if (this.keepHistory) {
      this.history.push(commit);
      if (this.history.length > this.historyLength) this.history.shift();
    }
    this.onCommitted?.(commit, txn);
    for (const h of [...this.listeners]) h(commit);
    return commit;
  }

  /** Commits found after `txnId` in the history, or undefined if it is not there. */
  changesAfter(txnId: string): Commit[] | undefined {
    if (!this.keepHistory) return undefined;
    if (txnId === this.lastTxnId) return [];
    const i = this.history.findIndex((c) => c.txnId === txnId);
    if (i < 0) return undefined;
    return this.history.slice(i + 1);
  }

  private applyRow(ch: RowChange): void {
    const t = ch.table;
    const { old, new: nu } = ch;
    if (old) {
      t.indexes.forEach((cols, i) => {
        const k = indexKey(old, cols);
        if (t.indexMaps[i]!.get(k) === old.uuid) t.indexMaps[i]!.delete(k);
      });
    }
    if (nu) {
      t.indexes.forEach((cols, i) => t.indexMaps[i]!.set(indexKey(nu, cols), nu.uuid));
      if (old?.weakIn) nu.weakIn = old.weakIn;
      t.rows.set(nu.uuid, nu);
    } else t.rows.delete(ch.uuid);
  }

  /** Weak back-links: drops the old row's, adds the new row's (after every row of the commit is in place). */
  private applyWeak(ch: RowChange): void {
    const t = ch.table;
    const { old, new: nu } = ch;
    for (const col of t.columns) {
      if (!col.weakRef) continue;
      const o = old?.fields[col.index];
      const n = nu?.fields[col.index];
      if (o === n) continue;
      if (o)
        this.linkWeak(
          t,
          ch.uuid,
          col.type.key.refType === 'weak' ? col.type.key.refTable : undefined,
          col.type.value?.refType === 'weak' ? col.type.value.refTable : undefined,
          o,
          -1,
        );
      if (n)
        this.linkWeak(
          t,
          ch.uuid,
          col.type.key.refType === 'weak' ? col.type.key.refTable : undefined,
          col.type.value?.refType === 'weak' ? col.type.value.refTable : undefined,
          n,
          1,
        );
    }
  }

  private linkWeak(
    src: Table,
    srcUuid: string,
    kRef: string | undefined,
    vRef: string | undefined,
    d: Datum,
    delta: number,
  ): void {
    const key = `${src.name} ${srcUuid}`;
    const bump = (tableName: string, u: string) => {
      if (u === srcUuid) return;
      const dst: Row | undefined = this.tables.get(tableName)!.rows.get(u);
      if (!dst) return;
      const m = (dst.weakIn ??= new Map());
      const n = (m.get(key) ?? 0) + delta;
      if (n > 0) m.set(key, n);
      else m.delete(key);
    };
    if (kRef) for (const a of d.keys) bump(kRef, a as string);
    if (vRef && d.values) for (const a of d.values) bump(vRef, a as string);
  }

  /** Inserts rows directly (loading a file): no checks beyond reference counting. */
  loadRow(t: Table, row: Row): void {
    const old = t.rows.get(row.uuid) ?? null;
    this.applyRow({ table: t, uuid: row.uuid, old, new: row });
  }

  /** After loading: weak back-links and strong reference counts of every row. */
  finishLoad(): void {
    for (const t of this.tables.values()) {
      for (const r of t.rows.values()) {
        r.nRefs = 0;
        r.weakIn = undefined;
      }
    }
    for (const t of this.tables.values()) {
      for (const r of t.rows.values()) {
        this.applyWeak({ table: t, uuid: r.uuid, old: null, new: r });
        for (const col of t.columns) {
          if (!col.strongRef) continue;
          const d = r.fields[col.index]!;
          for (const [base, atoms] of [
            [col.type.key, d.keys],
            [col.type.value, d.values],
          ] as const) {
            if (!base || !atoms || base.refType !== 'strong' || !base.refTable) continue;
            const target = this.tables.get(base.refTable)!;
            for (const a of atoms) {
              const dst = a === r.uuid ? undefined : target.rows.get(a as string);
              if (dst) dst.nRefs++;
            }
          }
        }
      }
    }
  }
}
