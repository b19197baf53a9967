/**
 * Validation of plain operations against a schema, before anything is sent: unknown tables and
 * columns, notation, enum membership, integer/real ranges, string lengths, set and map sizes, map
 * key/value types, immutable columns in update/mutate, conditions and mutators allowed by column
 * kind (the rules ovsdb-server applies in ovsdb/condition.c and ovsdb/mutation.c), and named-uuid
 * references (defined by an insert of the same transaction, of the referenced table).
 *
 * Works on the wire form, so it checks what the typed builder produces and what any other builder
 * (or hand-written JSON) would send.
 */
import type { BaseType, ColumnSchema, ColumnType, DatabaseSchema, TableSchema } from './schema.js';
import { columnKind, getColumn } from './schema.js';
import { BAD_STRING_RE, checkDatum, isWireNamedUuid, ID_RE, UUID_RE } from './notation.js';
import type { Mutation, Operation, WhereClause } from './operations.js';
import { OvsdbArgumentError, OvsdbValueError } from './errors.js';
import { requiredOnInsert } from './defaults.js';
import {
  ConditionNotAllowedError,
  ImmutableColumnError,
  MutatorNotAllowedError,
  NamedUuidDuplicateError,
  NamedUuidUndefinedError,
  NamedUuidWrongTableError,
  UnknownColumnError,
  UnknownTableError,
} from './schema-errors.js';

type Where = { database: string; table: string; column: string };

/**
 * How named-uuids are resolved while validating. `symbols` maps a uuid-name to the table its
 * insert creates; `unresolved` is called for a name not (yet) in `symbols` — by default an error.
 */
export interface NamedUuidScope {
  readonly symbols: ReadonlyMap<string, string>;
  unresolved?(name: string, refTable: string | undefined, where: Where): void;
}

const ORDERING = new Set(['<', '<=', '>', '>=']);
const CONDITION_FNS = new Set(['<', '<=', '==', '!=', '>=', '>', 'includes', 'excludes']);
const ARITH = new Set(['+=', '-=', '*=', '/=', '%=']);

/** Looks a table up. @throws {UnknownTableError} `OVSDB_UNKNOWN_TABLE` */
export function tableOf(schema: DatabaseSchema, table: string): TableSchema {
  const t = Object.prototype.hasOwnProperty.call(schema.tables, table) ? schema.tables[table] : undefined;
  if (!t) throw new UnknownTableError({ database: schema.name, table });
  return t;
}

/** Looks a column up, `_uuid` and `_version` included. @throws {UnknownColumnError} `OVSDB_UNKNOWN_COLUMN` */
export function columnOf(schema: DatabaseSchema, table: TableSchema, column: string): ColumnSchema {
  const c = typeof column === 'string' ? getColumn(table, column) : undefined;
  if (!c) throw new UnknownColumnError({ database: schema.name, table: table.name, column: String(column) });
  return c;
}

const isImplicit = (c: string) => c === '_uuid' || c === '_version';

/**
 * One atom of a checked datum: a named-uuid in a strong reference must resolve (to a row of the
 * referenced table). Only there: ovsdb-server gives a named-uuid no insert defines a fresh uuid, so in
 * a plain uuid column or a condition it is accepted, and a weak reference to a missing row is dropped;
 * a strong reference to one fails the transaction at commit ("referential integrity violation").
 */
function checkNamedAtom(base: BaseType | undefined, a: unknown, where: Where, scope: NamedUuidScope): void {
  // Numbers and strings were checked by checkDatum (notation.ts), the server's limits included.
  if (!base || base.type !== 'uuid' || !isWireNamedUuid(a)) return;
  if (base.refTable === undefined || base.refType === 'weak') return;
  const name = a[1];
  const table = scope.symbols.get(name);
  if (table === undefined) {
    if (scope.unresolved) scope.unresolved(name, base.refTable, where);
    else throw new NamedUuidUndefinedError(where, name);
    return;
  }
  if (base.refTable !== undefined && table !== base.refTable)
    throw new NamedUuidWrongTableError(where, name, table, base.refTable);
}

/** Walks the atoms of a checked wire datum (only uuid columns can hold named-uuids). */
function checkAtoms(type: ColumnType, v: unknown, where: Where, scope: NamedUuidScope): void {
  if (type.key.type !== 'uuid' && type.value?.type !== 'uuid') return;
  if (Array.isArray(v) && v[0] === 'map' && Array.isArray(v[1])) {
    for (const p of v[1] as unknown[][]) {
      checkNamedAtom(type.key, p[0], where, scope);
      checkNamedAtom(type.value, p[1], where, scope);
    }
  } else if (Array.isArray(v) && v[0] === 'set' && Array.isArray(v[1])) {
    for (const a of v[1] as unknown[]) checkNamedAtom(type.key, a, where, scope);
  } else checkNamedAtom(type.key, v, where, scope);
}

/** Checks a wire datum against a type, then its named-uuids. */
function checkValue(type: ColumnType, v: unknown, where: Where, scope: NamedUuidScope): void {
  checkDatum(type, v, where);
  checkAtoms(type, v, where, scope);
}

const requiredByTable = new WeakMap<TableSchema, readonly ColumnSchema[]>();
/** The columns an insert into `table` must set, computed once per table. */
function requiredColumns(table: TableSchema): readonly ColumnSchema[] {
  let r = requiredByTable.get(table);
  if (!r) {
    r = Object.values(table.columns).filter(requiredOnInsert);
    requiredByTable.set(table, r);
  }
  return r;
}

function checkRow(
  schema: DatabaseSchema,
  table: TableSchema,
  row: unknown,
  op: 'insert' | 'update' | 'wait',
  scope: NamedUuidScope,
): void {
  if (typeof row !== 'object' || row === null || Array.isArray(row)) {
    throw new OvsdbArgumentError(
      `${schema.name}.${table.name}: ${op} row must be an object, got ${JSON.stringify(row)}`,
    );
  }
  if (op === 'insert') {
    for (const col of requiredColumns(table)) {
      if (!Object.prototype.hasOwnProperty.call(row, col.name)) {
        throw new OvsdbValueError(
          `column is required: the server's default for an omitted ${col.type.key.type} does not satisfy the column's type`,
          { database: schema.name, table: table.name, column: col.name },
          undefined,
        );
      }
    }
  }
  for (const [name, v] of Object.entries(row)) {
    const col = columnOf(schema, table, name);
    const where = { database: schema.name, table: table.name, column: name };
    // ovsdb-server 3.1 takes (and ignores) _uuid and _version in an insert's row; an update may not set them.
    if (op === 'update' && (isImplicit(name) || !col.mutable)) throw new ImmutableColumnError(where, v, op);
    // A wait's rows are only compared with the table's, as conditions are: a named-uuid there makes no reference.
    if (op === 'wait') checkDatum(col.type, v, where);
    else checkValue(col.type, v, where, scope);
  }
}

/**
 * Checks one `[column, function, value]` condition (RFC 7047 §5.1) the way ovsdb-server does:
 * ordering only on single or optional integer/real columns (with one number); `includes`/`excludes` on
 * any column (on a set or map the value may have fewer elements, or with `excludes` any number); the
 * value otherwise a datum of the column's type. The boolean clauses `true` and `false` (ovsdb-server(7)
 * §5.1) are accepted as they are.
 */
export function checkCondition(
  schema: DatabaseSchema,
  table: TableSchema,
  c: WhereClause,
  // Kept for callers: conditions resolve no named-uuid (see below).
  _scope?: NamedUuidScope,
): void {
  if (c === true || c === false) return;
  if (!Array.isArray(c) || c.length !== 3)
    throw new OvsdbArgumentError(
      `${schema.name}.${table.name}: a condition is [column, function, value], got ${JSON.stringify(c)}`,
    );
  const [name, fn, value] = c;
  const col = columnOf(schema, table, name);
  const where = { database: schema.name, table: table.name, column: name };
  if (!CONDITION_FNS.has(fn))
    throw new ConditionNotAllowedError(where, String(fn), value, 'is not an RFC 7047 condition function');
  const kind = columnKind(col.type);
  let type: ColumnType = col.type;
  if (ORDERING.has(fn)) {
    // ovsdb-server accepts ordering on a scalar or optional integer/real column, compared with one number.
    if ((kind !== 'atom' && kind !== 'optional') || (col.type.key.type !== 'integer' && col.type.key.type !== 'real')) {
      throw new ConditionNotAllowedError(
        where,
        fn,
        value,
        `applies only to a single (or optional) integer or real column, not a ${kind} of ${col.type.key.type}`,
      );
    }
    type = { key: col.type.key, min: 1, max: 1 };
  } else if ((fn === 'includes' || fn === 'excludes') && kind !== 'atom') {
    // ovsdb/condition.c: on a set or map the value may be smaller (includes) or of any size (excludes);
    // on a scalar column both take a datum of the column's own type, like == and !=.
    type = { ...col.type, min: 0, max: fn === 'excludes' ? 'unlimited' : col.type.max };
  }
  // A named-uuid in a condition needs no insert: the server compares with a fresh uuid (no row matches).
  checkDatum(type, value, where);
}

/**
 * Checks one `[column, mutator, value]` mutation (RFC 7047 §5.1): never on immutable columns;
 * arithmetic on integer/real atoms and sets (`%=` integers only; the argument is an atom of the
 * key type without its range, as the range applies to the result; a zero divisor is the server's to refuse);
 * `insert`/`delete` on sets and maps (a map `delete` takes a map or a set of keys).
 */
export function checkMutation(schema: DatabaseSchema, table: TableSchema, m: Mutation, scope: NamedUuidScope): void {
  if (!Array.isArray(m) || m.length !== 3)
    throw new OvsdbArgumentError(
      `${schema.name}.${table.name}: a mutation is [column, mutator, value], got ${JSON.stringify(m)}`,
    );
  const [name, mutator, value] = m;
  const col = columnOf(schema, table, name);
  const where = { database: schema.name, table: table.name, column: name };
  if (isImplicit(name) || !col.mutable) throw new ImmutableColumnError(where, value, 'mutate');
  const kind = columnKind(col.type);
  const key = col.type.key;
  if (ARITH.has(mutator)) {
    if (kind === 'map' || (key.type !== 'integer' && key.type !== 'real')) {
      throw new MutatorNotAllowedError(
        where,
        mutator,
        value,
        `applies only to integer or real columns, not a ${kind} of ${key.type}`,
      );
    }
    if (mutator === '%=' && key.type !== 'integer')
      throw new MutatorNotAllowedError(where, mutator, value, 'applies only to integer columns');
    // A zero divisor is no error of the request: ovsdb-server fails with "domain error" only when a row
    // matches (ovsdb/mutation.c), so that is left to it.
    checkDatum({ key: { type: key.type }, min: 1, max: 1 }, value, where);
    return;
  }
  if (mutator !== 'insert' && mutator !== 'delete')
    throw new MutatorNotAllowedError(where, String(mutator), value, 'is not an RFC 7047 mutator');
  if (kind === 'atom') throw new MutatorNotAllowedError(where, mutator, value, 'applies only to sets and maps');
  if (mutator === 'insert') {
    checkValue({ ...col.type, min: 0 }, value, where, scope);
    return;
  }
  if (kind === 'map') {
    // ovsdb/mutation.c: a map delete takes a map, and failing that a set of keys (a bare key included).
    try {
      checkValue({ ...col.type, min: 0, max: 'unlimited' }, value, where, scope);
    } catch (e) {
      if (!(e instanceof OvsdbValueError)) throw e;
      checkValue({ key: col.type.key, min: 0, max: 'unlimited' }, value, where, scope);
    }
    return;
  }
  checkValue({ ...col.type, min: 0, max: 'unlimited' }, value, where, scope);
}

function checkWhere(schema: DatabaseSchema, table: TableSchema, where: unknown, scope: NamedUuidScope): void {
  if (!Array.isArray(where))
    throw new OvsdbArgumentError(`${schema.name}.${table.name}: "where" must be an array of conditions`);
  for (const c of where) checkCondition(schema, table, c as WhereClause, scope);
}

function checkColumns(schema: DatabaseSchema, table: TableSchema, columns: unknown): void {
  if (!Array.isArray(columns))
    throw new OvsdbArgumentError(`${schema.name}.${table.name}: "columns" must be an array of column names`);
  for (const c of columns) columnOf(schema, table, c as string);
}

/**
 * Checks one operation. `scope` resolves named-uuids (see {@link validateOperations} for a whole
 * transaction).
 * @throws {OvsdbValueError} `OVSDB_INVALID_VALUE`, {OvsdbArgumentError} `OVSDB_INVALID_ARGUMENT`, and the
 *   typed-layer errors `OVSDB_UNKNOWN_TABLE`, `OVSDB_UNKNOWN_COLUMN`, `OVSDB_IMMUTABLE_COLUMN`,
 *   `OVSDB_CONDITION_NOT_ALLOWED`, `OVSDB_MUTATOR_NOT_ALLOWED`, `OVSDB_NAMED_UUID_*`.
 */
export function validateOperation(schema: DatabaseSchema, op: Operation, scope: NamedUuidScope): void {
  const o = op as Operation & Record<string, unknown>;
  switch (o.op) {
    case 'insert': {
      const t = tableOf(schema, o.table);
      checkRow(schema, t, o.row, 'insert', scope);
      const name = o['uuid-name'];
      if (name !== undefined && (typeof name !== 'string' || !ID_RE.test(name))) {
        throw new OvsdbValueError(
          `uuid-name must be an identifier, got ${JSON.stringify(name)}`,
          { database: schema.name, table: t.name },
          name,
        );
      }
      if (o.uuid !== undefined && (typeof o.uuid !== 'string' || !UUID_RE.test(o.uuid))) {
        throw new OvsdbValueError(
          `uuid must be a UUID, got ${JSON.stringify(o.uuid)}`,
          { database: schema.name, table: t.name },
          o.uuid,
        );
      }
      return;
    }
    case 'select': {
      const t = tableOf(schema, o.table);
      checkWhere(schema, t, o.where, scope);
      if (o.columns !== undefined) checkColumns(schema, t, o.columns);
      return;
    }
    case 'update': {
      const t = tableOf(schema, o.table);
      checkWhere(schema, t, o.where, scope);
      checkRow(schema, t, o.row, 'update', scope);
      return;
    }
    case 'mutate': {
      const t = tableOf(schema, o.table);
      checkWhere(schema, t, o.where, scope);
      if (!Array.isArray(o.mutations))
        throw new OvsdbArgumentError(`${schema.name}.${t.name}: "mutations" must be an array`);
      for (const m of o.mutations) checkMutation(schema, t, m, scope);
      return;
    }
    case 'delete': {
      const t = tableOf(schema, o.table);
      checkWhere(schema, t, o.where, scope);
      return;
    }
    case 'wait': {
      const t = tableOf(schema, o.table);
      checkWhere(schema, t, o.where, scope);
      checkColumns(schema, t, o.columns);
      if (o.until !== '==' && o.until !== '!=')
        throw new OvsdbArgumentError(
          `${schema.name}.${t.name}: wait "until" must be "==" or "!=", got ${JSON.stringify(o.until)}`,
        );
      if (!Array.isArray(o.rows))
        throw new OvsdbArgumentError(`${schema.name}.${t.name}: wait "rows" must be an array`);
      const cols = new Set(o.columns);
      for (const r of o.rows) {
        checkRow(schema, t, r, 'wait', scope);
        for (const c of Object.keys(r as object)) {
          if (!cols.has(c))
            throw new OvsdbArgumentError(
              `${schema.name}.${t.name}: wait row has column "${c}" that is not in "columns"`,
            );
        }
      }
      if (o.timeout !== undefined && (typeof o.timeout !== 'number' || !Number.isInteger(o.timeout) || o.timeout < 0)) {
        throw new OvsdbArgumentError(`${schema.name}.${t.name}: wait timeout must be a non-negative integer (ms)`);
      }
      return;
    }
    case 'commit':
      if (typeof o.durable !== 'boolean')
        throw new OvsdbArgumentError(`${schema.name}: commit "durable" must be a boolean`);
      return;
    case 'abort':
      return;
    case 'comment':
      if (typeof o.comment !== 'string') throw new OvsdbArgumentError(`${schema.name}: comment must be a string`);
      if (BAD_STRING_RE.test(o.comment))
        throw new OvsdbValueError(
          'comment contains a NUL character or an unpaired surrogate',
          { database: schema.name },
          o.comment,
        );
      return;
    case 'assert':
      if (typeof o.lock !== 'string' || !ID_RE.test(o.lock))
        throw new OvsdbArgumentError(
          `${schema.name}: assert "lock" must be an identifier, got ${JSON.stringify(o.lock)}`,
        );
      return;
    default:
      throw new OvsdbArgumentError(`${schema.name}: unknown operation ${JSON.stringify((op as { op?: unknown }).op)}`);
  }
}

/**
 * Checks a whole transaction against the schema: every operation (see {@link validateOperation}),
 * uuid-names unique, and every `["named-uuid", n]` defined by an insert of the transaction (before
 * or after its use, as ovsdb-server allows) whose table is the one the column references.
 * @example validateOperations(ovnNorthboundSchema, ops); // throws before anything is sent
 */
export function validateOperations(schema: DatabaseSchema, ops: readonly Operation[]): void {
  const symbols = new Map<string, string>();
  for (const o of ops) {
    if (o.op !== 'insert' || o['uuid-name'] === undefined) continue;
    const name = o['uuid-name'];
    if (symbols.has(name)) throw new NamedUuidDuplicateError({ database: schema.name, table: o.table }, name);
    symbols.set(name, o.table);
  }
  const scope: NamedUuidScope = { symbols };
  for (const o of ops) validateOperation(schema, o, scope);
}
