/**
 * Executes a `transact` request (ovsdb/execution.c): each operation parsed with the server's member
 * rules and errors, run against the transaction's view, results collected; the first error stops the
 * transaction and aborts it, a passing one is committed and a commit error appended. A `wait` that is
 * not yet satisfied reports {@link WaitPending} so the caller can block it until a commit or timeout.
 */
import type { SymbolTable } from './datum.js';
import { checkAtomConstraints, datumFromJson, datumToJson, newUuid, symbolInsert } from './datum.js';
import type { Database } from './database.js';
import { OvsdbError, syntaxError } from './errors.js';
import type { Clause } from './condition.js';
import { evaluate, parseCondition, uuidLookup } from './condition.js';
import { applyMutations, parseMutation } from './mutation.js';
import type { Column, Row, Table } from './table.js';
import { field } from './table.js';
import type { Txn } from './txn.js';
import { UUID_RE, ID_RE } from '../ovsdb/notation.js';

/** What an executor needs from the session: lock ownership for `assert`. */
export interface ExecContext {
  ownsLock(name: string): boolean;
  /** ms since the request arrived (for `wait` timeouts). */
  readonly elapsedMs: number;
  /** The database is read-only to this client (`_Server`). */
  readonly readOnly?: boolean;
}

/** A `wait` is not satisfied yet; retry after the next commit or when `timeoutMs` has passed. */
export class WaitPending extends Error {
  constructor(readonly timeoutMs: number) {
    super('wait pending');
  }
}

type JsonObj = Record<string, unknown>;
const isObject = (v: unknown): v is JsonObj => typeof v === 'object' && v !== null && !Array.isArray(v);

const OP_TYPES = {
  id: (v: unknown) => typeof v === 'string' && ID_RE.test(v),
  string: (v: unknown) => typeof v === 'string',
  array: (v: unknown) => Array.isArray(v),
  object: isObject,
  integer: (v: unknown) => typeof v === 'number' && Number.isInteger(v),
  boolean: (v: unknown) => typeof v === 'boolean',
} as const;
type OpType = keyof typeof OP_TYPES;

/** `struct ovsdb_parser`: member lookups that record the first error and the members used. */
export class MemberParser {
  error: OvsdbError | undefined;
  readonly used = new Set<string>();
  readonly obj: JsonObj | undefined;

  constructor(
    json: unknown,
    readonly name: string,
  ) {
    this.obj = isObject(json) ? json : undefined;
    if (!this.obj) this.raise('Object expected.');
  }

  raise(msg: string): void {
    if (!this.error) this.error = syntaxError(this.obj, null, `Parsing ${this.name} failed: ${msg}`);
  }

  member(name: string, type: OpType, optional = false): unknown {
    if (!this.obj) return undefined;
    if (!Object.prototype.hasOwnProperty.call(this.obj, name)) {
      if (!optional) this.raise(`Required '${name}' member is missing.`);
      return undefined;
    }
    const v = this.obj[name];
    if (OP_TYPES[type](v)) {
      this.used.add(name);
      return v;
    }
    this.raise(`Type mismatch for member '${name}'.`);
    return undefined;
  }

  /** `ovsdb_parser_finish`: members present but not used. */
  finish(): OvsdbError | undefined {
    if (!this.error && this.obj) {
      const unused = Object.keys(this.obj).filter((k) => !this.used.has(k));
      if (unused.length > 1)
        this.raise(
          `Member '${unused[0]}' and ${unused.length - 1} other member${unused.length > 2 ? 's' : ''} are present but not allowed here.`,
        );
      else if (unused.length === 1) this.raise(`Member '${unused[0]}' is present but not allowed here.`);
    }
    return this.error;
  }
}

interface Exec {
  readonly db: Database;
  readonly txn: Txn;
  readonly symtab: SymbolTable;
  readonly ctx: ExecContext;
  durable: boolean;
  timeoutMs: number;
}

function parseTable(x: Exec, p: MemberParser, member = 'table'): Table | undefined {
  const name = p.member(member, 'id') as string | undefined;
  if (name === undefined) return undefined;
  const t = x.db.tables.get(name);
  if (!t) p.raise(`No table named ${name}.`);
  return t;
}

/** `ovsdb_row_from_json`: the columns given, parsed into `row`. */
function parseRowInto(t: Table, json: unknown, symtab: SymbolTable, row: Row, included?: Column[]): void {
  if (!isObject(json)) throw syntaxError(json, null, 'row must be JSON object');
  for (const [name, v] of Object.entries(json)) {
    const col = t.byName.get(name);
    if (!col) throw syntaxError(json, 'unknown column', `No column ${name} in table ${t.name}.`);
    const d = datumFromJson(col.type, v, symtab);
    if (col.index >= 0) row.fields[col.index] = d;
    included?.push(col);
  }
}

function parseColumns(t: Table, json: unknown): Column[] {
  if (json === undefined) return [t.uuidColumn, t.versionColumn, ...t.columns];
  const fail = () => syntaxError(json, null, 'array of distinct column names expected');
  if (!Array.isArray(json)) throw fail();
  const out: Column[] = [];
  for (const n of json) {
    if (typeof n !== 'string') throw fail();
    const c = t.byName.get(n);
    if (!c) throw syntaxError(json, null, `${n} is not a valid column name`);
    if (out.includes(c)) throw fail();
    out.push(c);
  }
  return out;
}

function* query(x: Exec, t: Table, cond: readonly Clause[]): Generator<Row> {
  const u = uuidLookup(cond);
  if (u !== undefined) {
    const r = x.txn.get(t, u);
    if (r && evaluate(cond, r)) yield r;
    return;
  }
  // Snapshot: callers modify the transaction while iterating.
  for (const r of [...x.txn.scan(t)]) if (evaluate(cond, r)) yield r;
}

export function rowToJson(row: Row, cols: readonly Column[]): JsonObj {
  const o: JsonObj = {};
  for (const c of cols) o[c.name] = datumToJson(field(row, c), c.type);
  return o;
}

function execInsert(x: Exec, p: MemberParser, result: JsonObj): void {
  const t = parseTable(x, p);
  const uuidJson = p.member('uuid', 'string', true) as string | undefined;
  const uuidName = p.member('uuid-name', 'id', true) as string | undefined;
  const rowJson = p.member('row', 'object');
  if (p.error) throw p.error;
  let rowUuid: string | undefined;
  if (uuidJson !== undefined) {
    if (!UUID_RE.test(uuidJson)) throw syntaxError(uuidJson, null, 'bad uuid');
    rowUuid = uuidJson.toLowerCase();
    if (!x.txn.mayCreate(t!, rowUuid)) {
      throw syntaxError(
        uuidJson,
        'duplicate uuid',
        'This UUID would duplicate a UUID already present within the table or deleted within the same transaction.',
      );
    }
  }
  if (uuidName !== undefined) {
    const sym = symbolInsert(x.symtab, uuidName);
    if (sym.created)
      throw syntaxError(uuidName, 'duplicate uuid-name', 'This "uuid-name" appeared on an earlier "insert" operation.');
    if (rowUuid !== undefined) sym.uuid = rowUuid;
    else rowUuid = sym.uuid;
    sym.created = true;
  } else rowUuid ??= newUuid();
  const table = t!;
  const row = table.newRow(rowUuid, newUuid());
  parseRowInto(table, rowJson, x.symtab, row);
  // Defaults may violate constraints (an enum without "" for a string column…).
  for (const c of table.columns) {
    const d = row.fields[c.index]!;
    if (d.keys.length === 1) {
      checkAtomConstraints(d.keys[0]!, c.type.key);
      if (c.type.value) checkAtomConstraints(d.values![0]!, c.type.value);
    }
  }
  x.txn.insert(table, row);
  result.uuid = ['uuid', rowUuid];
}

function execSelect(x: Exec, p: MemberParser, result: JsonObj): void {
  const t = parseTable(x, p);
  const where = p.member('where', 'array');
  const columnsJson = p.member('columns', 'array', true);
  const sortJson = p.member('sort', 'array', true);
  if (p.error) throw p.error;
  const cond = parseCondition(t!, where, x.symtab);
  const cols = parseColumns(t!, columnsJson);
  parseColumns(t!, sortJson);
  // ovsdb_query_distinct: rows distinct in the selected columns.
  const seen = new Set<string>();
  const rows: JsonObj[] = [];
  for (const r of query(x, t!, cond)) {
    const j = rowToJson(r, cols);
    if (columnsJson !== undefined) {
      const k = JSON.stringify(cols.map((c) => j[c.name]));
      if (seen.has(k)) continue;
      seen.add(k);
    }
    rows.push(j);
  }
  result.rows = rows;
}

function execUpdate(x: Exec, p: MemberParser, result: JsonObj): void {
  const t = parseTable(x, p);
  const where = p.member('where', 'array');
  const rowJson = p.member('row', 'object');
  if (p.error) throw p.error;
  const table = t!;
  const scratch = table.newRow('', '');
  const cols: Column[] = [];
  parseRowInto(table, rowJson, x.symtab, scratch, cols);
  for (const c of cols) {
    if (!c.mutable || c.index < 0) {
      throw syntaxError(
        p.obj,
        'constraint violation',
        `Cannot update immutable column ${c.name} in table ${table.name}.`,
      );
    }
  }
  const cond = parseCondition(table, where, x.symtab);
  let n = 0;
  for (const r of query(x, table, cond)) {
    n++;
    if (cols.every((c) => r.fields[c.index] === scratch.fields[c.index])) continue;
    const m = x.txn.modify(table, r);
    for (const c of cols) m.fields[c.index] = scratch.fields[c.index]!;
  }
  result.count = n;
}

function execMutate(x: Exec, p: MemberParser, result: JsonObj): void {
  const t = parseTable(x, p);
  const where = p.member('where', 'array');
  const mutsJson = p.member('mutations', 'array');
  if (p.error) throw p.error;
  const table = t!;
  const muts = (mutsJson as unknown[]).map((m) => parseMutation(table, m, x.symtab));
  const cond = parseCondition(table, where, x.symtab);
  let n = 0;
  for (const r of query(x, table, cond)) {
    n++;
    const m = x.txn.modify(table, r);
    applyMutations(m, muts);
  }
  result.count = n;
}

function execDelete(x: Exec, p: MemberParser, result: JsonObj): void {
  const where = p.member('where', 'array');
  const t = parseTable(x, p);
  if (p.error) throw p.error;
  const cond = parseCondition(t!, where, x.symtab);
  let n = 0;
  for (const r of query(x, t!, cond)) {
    n++;
    x.txn.delete(t!, r);
  }
  result.count = n;
}

function execWait(x: Exec, p: MemberParser): void {
  const timeout = p.member('timeout', 'integer', true) as number | undefined;
  const where = p.member('where', 'array');
  const columnsJson = p.member('columns', 'array', true);
  const until = p.member('until', 'string') as string | undefined;
  const rowsJson = p.member('rows', 'array') as unknown[] | undefined;
  const t = parseTable(x, p);
  if (p.error) throw p.error;
  const table = t!;
  const cond = parseCondition(table, where, x.symtab);
  const cols = parseColumns(table, columnsJson);
  let timeoutMs = Number.MAX_SAFE_INTEGER;
  if (timeout !== undefined) {
    timeoutMs = timeout;
    if (timeout < 0) throw syntaxError(timeout, null, 'timeout must be nonnegative');
    if (timeout < x.timeoutMs) x.timeoutMs = timeout;
  }
  if (until !== '==' && until !== '!=') throw syntaxError(until, null, '"until" must be "==" or "!="');
  const key = (r: Row) =>
    JSON.stringify(
      cols.map((c) => {
        const d = field(r, c);
        return [d.keys, d.values ?? null];
      }),
    );
  const expected = new Set<string>();
  for (const rj of rowsJson!) {
    const r = table.newRow('', '');
    parseRowInto(table, rj, x.symtab, r);
    // The expected rows may name `_uuid` and `_version` (a `_version` guard is how clients check that a
    // row did not change); parseRowInto checks them but keeps only real columns, so they are read here.
    const implicit = (c: Column): string => {
      const v = (rj as JsonObj)[c.name];
      return v === undefined ? '' : String(datumFromJson(c.type, v, x.symtab).keys[0]);
    };
    expected.add(key({ ...r, uuid: implicit(table.uuidColumn), version: implicit(table.versionColumn) }));
  }
  let equal = true;
  const actual = new Set<string>();
  for (const r of query(x, table, cond)) {
    const k = key(r);
    if (!expected.has(k)) {
      equal = false;
      break;
    }
    actual.add(k);
  }
  if (equal) equal = actual.size === expected.size;
  if ((until === '==') !== equal) {
    if (timeout !== undefined && x.ctx.elapsedMs >= timeoutMs) {
      if (x.ctx.elapsedMs) throw new OvsdbError('timed out', `"wait" timed out after ${x.ctx.elapsedMs} ms`);
      throw new OvsdbError('timed out', '"where" clause test failed');
    }
    throw new OvsdbError('not supported', 'triggers not supported');
  }
}

function execComment(x: Exec, p: MemberParser): void {
  const c = p.member('comment', 'string') as string | undefined;
  if (c !== undefined) x.txn.comments.push(c);
}

function execAssert(x: Exec, p: MemberParser): void {
  const lock = p.member('lock', 'id') as string | undefined;
  if (lock === undefined) return;
  if (x.ctx.ownsLock(lock)) return;
  throw new OvsdbError('not owner', `Asserted lock ${lock} not held.`);
}

const EXECUTORS: Record<string, { ro: boolean; run: (x: Exec, p: MemberParser, r: JsonObj) => void }> = {
  insert: { ro: false, run: execInsert },
  select: { ro: true, run: execSelect },
  update: { ro: false, run: execUpdate },
  mutate: { ro: false, run: execMutate },
  delete: { ro: false, run: execDelete },
  wait: { ro: true, run: execWait },
  commit: {
    ro: false,
    run: (x, p) => {
      const d = p.member('durable', 'boolean');
      if (d === true) x.durable = true;
    },
  },
  abort: {
    ro: true,
    run: () => {
      throw new OvsdbError('aborted', 'aborted by request');
    },
  },
  comment: { ro: true, run: execComment },
  assert: { ro: true, run: execAssert },
};

/**
 * Executes the params of a `transact` request against `db`; returns the result array (committed
 * when it holds no error). Throws {@link WaitPending} when a `wait` must block.
 */
export function executeTransact(db: Database, params: unknown, ctx: ExecContext): unknown {
  if (!Array.isArray(params) || params.length === 0 || typeof params[0] !== 'string' || params[0] !== db.name) {
    if (!Array.isArray(params)) return syntaxError(params, null, 'array expected').toJson();
    return syntaxError(params, null, 'database name expected as first parameter').toJson();
  }
  const x: Exec = { db, txn: db.newTxn(), symtab: new Map(), ctx, durable: false, timeoutMs: Number.MAX_SAFE_INTEGER };
  const n = params.length - 1;
  const results: unknown[] = [];
  let failed = false;
  for (let i = 1; i <= n; i++) {
    const p = new MemberParser(params[i], `ovsdb operation ${i} of ${n}`);
    const opName = p.member('op', 'id') as string | undefined;
    const result: JsonObj = {};
    let error: OvsdbError | undefined;
    let ro = false;
    if (opName !== undefined) {
      const ex = EXECUTORS[opName];
      if (ex) {
        ro = ex.ro;
        try {
          ex.run(x, p, result);
        } catch (e) {
          if (!(e instanceof OvsdbError)) throw e;
          error = e;
        }
      } else p.raise(`No operation "${opName}"`);
    }
    const parseError = p.finish();
    if (parseError) error = parseError;
    if (!ro && !error) {
      if (db.name.startsWith('_'))
        error = new OvsdbError(
          'not allowed',
          `${opName} operation not allowed on table in reserved database ${db.name}`,
        );
      else if (ctx.readOnly)
        error = new OvsdbError(
          'not allowed',
          `${opName} operation not allowed when database server is in read only mode`,
        );
    }
    if (error) {
      if (error.tag === 'not supported') throw new WaitPending(x.timeoutMs);
      results.push(error.toJson());
      failed = true;
      break;
    }
    results.push(result);
  }
  while (results.length < n) results.push(null);
  if (failed) return results;
  try {
    db.commit(x.txn);
  } catch (e) {
    if (!(e instanceof OvsdbError)) throw e;
    results.push(e.toJson());
  }
  return results;
}
