/**
 * Monitors (RFC 7047 §4.1.5, ovsdb-server(7) monitor_cond / monitor_cond_since): parsing monitor
 * requests with the server's errors, and composing `<table-updates>` (v1) and `<table-updates2>`
 * (v2, v3) from a commit's row changes or from the whole database (initial contents).
 */
import { datumDiff, datumEquals, datumToJson, isDefault } from './datum.js';
import type { Database } from './database.js';
import { OvsdbError, syntaxError } from './errors.js';
import type { Clause } from './condition.js';
import { evaluateClause, parseCondition } from './condition.js';
import { MemberParser } from './execute.js';
import type { Column, Row, Table } from './table.js';
import { field } from './table.js';
import type { RowChange } from './txn.js';

export const SEL_INITIAL = 1;
export const SEL_INSERT = 2;
export const SEL_DELETE = 4;
export const SEL_MODIFY = 8;

export type MonitorVersion = 1 | 2 | 3;

interface MonitorColumn {
  readonly col: Column;
  readonly select: number;
}

export interface MonitorTable {
  readonly table: Table;
  readonly columns: MonitorColumn[];
  select: number;
  /** v2/v3 condition (undefined = every row). */
  cond: Clause[] | undefined;
}

export interface Monitor {
  id: unknown;
  readonly version: MonitorVersion;
  readonly db: Database;
  readonly tables: Map<string, MonitorTable>;
}

type Json = Record<string, unknown>;

function parseRequest(mt: MonitorTable, req: unknown, cond: boolean): void {
  const t = mt.table;
  const p = new MemberParser(req, `table ${t.name}`);
  const where = cond ? p.member('where', 'array', true) : undefined;
  const columns = p.member('columns', 'array', true);
  const selectJson = p.member('select', 'object', true);
  const err = p.finish();
  if (err) throw err;
  let select = SEL_INITIAL | SEL_INSERT | SEL_DELETE | SEL_MODIFY;
  if (selectJson !== undefined) {
    select = 0;
    const sp = new MemberParser(selectJson, `table ${t.name} select`);
    const b = (n: string) => {
      const v = sp.member(n, 'boolean', true);
      return v === undefined ? true : (v as boolean);
    };
    if (b('initial')) select |= SEL_INITIAL;
    if (b('insert')) select |= SEL_INSERT;
    if (b('delete')) select |= SEL_DELETE;
    if (b('modify')) select |= SEL_MODIFY;
    const e2 = sp.finish();
    if (e2) throw e2;
  }
  mt.select |= select;
  const add = (c: Column) => {
    if (mt.columns.some((m) => m.col === c))
      throw syntaxError(columns ?? null, null, `column ${c.name} mentioned more than once`);
    mt.columns.push({ col: c, select });
  };
  if (columns !== undefined) {
    for (const n of columns as unknown[]) {
      if (typeof n !== 'string') throw syntaxError(columns, null, 'array of column names expected');
      const c = t.byName.get(n);
      if (!c) throw syntaxError(columns, null, `${n} is not a valid column name`);
      add(c);
    }
  } else {
    add(t.versionColumn);
    for (const c of t.columns) add(c);
  }
  if (where !== undefined) mt.cond = parseCondition(t, where, undefined);
}

/** Parses `<monitor-requests>`; throws an {@link OvsdbError} for the reply. */
export function parseMonitorRequests(db: Database, id: unknown, requests: unknown, version: MonitorVersion): Monitor {
  if (typeof requests !== 'object' || requests === null || Array.isArray(requests)) {
    throw syntaxError(requests, null, 'monitor-requests must be object');
  }
  const m: Monitor = { id, version, db, tables: new Map() };
  for (const [name, v] of Object.entries(requests as Json)) {
    const t = db.tables.get(name);
    if (!t) throw new OvsdbError('syntax error', `no table named ${name}`);
    let mt = m.tables.get(name);
    if (!mt) {
      mt = { table: t, columns: [], select: 0, cond: undefined };
      m.tables.set(name, mt);
    }
    if (Array.isArray(v)) for (const r of v) parseRequest(mt, r, version > 1);
    else parseRequest(mt, v, version > 1);
  }
  return m;
}

/** Monitor conditions are disjunctions: a row is sent if any clause matches (none = every row). */
const matches = (mt: MonitorTable, r: Row | null): boolean =>
  r !== null && (mt.cond === undefined || mt.cond.length === 0 || mt.cond.some((c) => evaluateClause(c, r)));

/** Columns whose change makes a modify worth sending: the monitored ones and those in the condition. */
function changed(mt: MonitorTable, old: Row, nu: Row): Set<Column> | undefined {
  let out: Set<Column> | undefined;
  for (const { col } of mt.columns) {
    if (!datumEquals(field(old, col), field(nu, col), col.type)) (out ??= new Set()).add(col);
  }
  if (mt.cond) {
    for (const c of mt.cond) {
      if (!('column' in c)) continue;
      if (!datumEquals(field(old, c.column), field(nu, c.column), c.column.type)) (out ??= new Set()).add(c.column);
    }
  }
  return out;
}

function rowUpdate1(mt: MonitorTable, old: Row | null, nu: Row | null, initial: boolean): Json | undefined {
  const type = initial ? SEL_INITIAL : !old ? SEL_INSERT : !nu ? SEL_DELETE : SEL_MODIFY;
  if (!(mt.select & type)) return undefined;
  let ch: Set<Column> | undefined;
  if (type === SEL_MODIFY) {
    ch = changed(mt, old!, nu!);
    if (!ch) return undefined;
  }
  const out: Json = {};
  const oj: Json | undefined = type & (SEL_DELETE | SEL_MODIFY) ? ((out.old = {}) as Json) : undefined;
  const nj: Json | undefined = type & (SEL_INITIAL | SEL_INSERT | SEL_MODIFY) ? ((out.new = {}) as Json) : undefined;
  for (const { col, select } of mt.columns) {
    if (!(type & select)) continue;
    if ((type === SEL_MODIFY && ch!.has(col)) || type === SEL_DELETE)
      oj![col.name] = datumToJson(field(old!, col), col.type);
    if (nj) nj[col.name] = datumToJson(field(nu!, col), col.type);
  }
  return out;
}

function rowUpdate2(mt: MonitorTable, old: Row | null, nu: Row | null, initial: boolean): Json | undefined {
  let type: number;
  if (initial) {
    if (!matches(mt, nu)) return undefined;
    type = SEL_INITIAL;
  } else {
    const o = matches(mt, old);
    const n = matches(mt, nu);
    if (!o && !n) return undefined;
    type = !o ? SEL_INSERT : !n ? SEL_DELETE : SEL_MODIFY;
  }
  if (!(mt.select & type)) return undefined;
  let ch: Set<Column> | undefined;
  if (type === SEL_MODIFY) {
    ch = changed(mt, old!, nu!);
    if (!ch) return undefined;
  }
  if (type === SEL_DELETE) return { delete: null };
  const diff: Json = {};
  const src = (type === SEL_INSERT && !nu ? old : nu)!;
  for (const { col, select } of mt.columns) {
    if (!(type & select)) continue;
    if (type === SEL_MODIFY) {
      if (!ch!.has(col)) continue;
      diff[col.name] = datumToJson(datumDiff(field(old!, col), field(nu!, col), col.type), col.type);
    } else {
      const d = field(src, col);
      if (!isDefault(d, col.type)) diff[col.name] = datumToJson(d, col.type);
    }
  }
  return { [type === SEL_INITIAL ? 'initial' : type === SEL_MODIFY ? 'modify' : 'insert']: diff };
}

function put(out: Json, table: string, uuid: string, ru: Json): void {
  ((out[table] ??= {}) as Json)[uuid] = ru;
}

/** The initial contents for a monitor (its reply's table updates). */
export function composeInitial(m: Monitor): Json {
  const out: Json = {};
  for (const [name, mt] of m.tables) {
    for (const r of mt.table.rows.values()) {
      const ru = m.version === 1 ? rowUpdate1(mt, null, r, true) : rowUpdate2(mt, null, r, true);
      if (ru) put(out, name, r.uuid, ru);
    }
  }
  return out;
}

/** The updates for a set of row changes; undefined when nothing is to be sent. */
export function composeChanges(m: Monitor, changes: Iterable<RowChange>): Json | undefined {
  let out: Json | undefined;
  for (const ch of changes) {
    const mt = m.tables.get(ch.table.name);
    if (!mt) continue;
    const ru = m.version === 1 ? rowUpdate1(mt, ch.old, ch.new, false) : rowUpdate2(mt, ch.old, ch.new, false);
    if (ru) put((out ??= {}), ch.table.name, ch.uuid, ru);
  }
  return out;
}

/** Several commits' changes merged per row (first old, last new), as a resumed monitor receives them. */
export function mergeChanges(lists: readonly (readonly RowChange[])[]): RowChange[] {
  const byRow = new Map<string, RowChange>();
  for (const l of lists) {
    for (const ch of l) {
      const k = `${ch.table.name} ${ch.uuid}`;
      const prev = byRow.get(k);
      byRow.set(k, prev ? { table: ch.table, uuid: ch.uuid, old: prev.old, new: ch.new } : ch);
    }
  }
  return [...byRow.values()].filter((c) => c.old || c.new);
}

/** The update a condition change causes (rows entering or leaving the condition). */
export function composeCondChange(m: Monitor, oldConds: Map<string, Clause[] | undefined>): Json | undefined {
  let out: Json | undefined;
  for (const [name, mt] of m.tables) {
    if (!oldConds.has(name)) continue;
    const before: MonitorTable = { ...mt, cond: oldConds.get(name) };
    for (const r of mt.table.rows.values()) {
      const o = matches(before, r);
      const n = matches(mt, r);
      if (o === n) continue;
      let ru: Json | undefined;
      if (o && !n) ru = mt.select & SEL_DELETE ? { delete: null } : undefined;
      else if (mt.select & SEL_INSERT) {
        const diff: Json = {};
        for (const { col, select } of mt.columns) {
          if (!(select & SEL_INSERT)) continue;
          const d = field(r, col);
          if (!isDefault(d, col.type)) diff[col.name] = datumToJson(d, col.type);
        }
        ru = { insert: diff };
      }
      if (ru) put((out ??= {}), name, r.uuid, ru);
    }
  }
  return out;
}

/** Parses a monitor_cond_change request's table conditions and applies them to `m`. */
export function applyCondChange(m: Monitor, reqs: unknown): Map<string, Clause[] | undefined> {
  if (typeof reqs !== 'object' || reqs === null || Array.isArray(reqs)) {
    throw new OvsdbError('syntax error', 'monitor-cond-change-requests must be object');
  }
  const olds = new Map<string, Clause[] | undefined>();
  const updates: [MonitorTable, Clause[] | undefined][] = [];
  for (const [name, v] of Object.entries(reqs as Json)) {
    const t = m.db.tables.get(name);
    if (!t) throw new OvsdbError('syntax error', `no table named ${name}`);
    const mt = m.tables.get(name);
    if (!mt) throw new OvsdbError('syntax error', `no table named ${name} in monitor session`);
    if (!Array.isArray(v)) throw new OvsdbError('syntax error', `table ${name} no monitor-cond-change JSON array`);
    let cond = mt.cond;
    for (const req of v) {
      const p = new MemberParser(req, `table ${name}`);
      const columns = p.member('columns', 'array', true);
      const where = p.member('where', 'array', true);
      const err = p.finish();
      if (err) throw err;
      if (columns !== undefined) throw syntaxError(req, null, 'changing columns is unsupported');
      cond = where === undefined ? undefined : parseCondition(t, where, undefined);
    }
    updates.push([mt, cond]);
  }
  for (const [mt, cond] of updates) {
    if (!olds.has(mt.table.name)) olds.set(mt.table.name, mt.cond);
    mt.cond = cond;
  }
  return olds;
}
