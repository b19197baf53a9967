/**
 * Checks operations against a schema before they are sent: tables, columns, value notation and
 * constraints, condition functions and mutators allowed for each column kind.
 */
import type { DatabaseSchema, TableSchema, ColumnSchema } from './schema.js';
import { columnKind, getColumn } from './schema.js';
import { checkDatum, checkAtom } from './notation.js';
import type { Operation, Condition, Mutation } from './operations.js';
import { OvsdbArgumentError, OvsdbValueError } from './errors.js';

function table(schema: DatabaseSchema, name: string, i: number): TableSchema {
  const t = Object.prototype.hasOwnProperty.call(schema.tables, name) ? schema.tables[name] : undefined;
  if (!t) throw new OvsdbArgumentError(`operation ${i}: ${schema.name} has no table "${name}"`);
  return t;
}

function column(schema: DatabaseSchema, t: TableSchema, name: string, i: number): ColumnSchema {
  const c = getColumn(t, name);
  if (!c) throw new OvsdbArgumentError(`operation ${i}: ${schema.name}.${t.name} has no column "${name}"`);
  return c;
}

function checkConditions(schema: DatabaseSchema, t: TableSchema, where: readonly Condition[], i: number): void {
  if (!Array.isArray(where)) throw new OvsdbArgumentError(`operation ${i}: "where" must be an array of conditions`);
  for (const c of where) {
    if (!Array.isArray(c) || c.length !== 3) throw new OvsdbArgumentError(`operation ${i}: a condition is [column, function, value]`);
    const [cname, fn, value] = c;
    const col = column(schema, t, cname, i);
    const kind = columnKind(col.type);
    const where = { database: schema.name, table: t.name, column: cname };
    switch (fn) {
      case '<':
      case '<=':
      case '>':
      case '>=':
        if (kind !== 'atom' && kind !== 'optional') throw new OvsdbArgumentError(`operation ${i}: "${fn}" needs a single-valued column, ${t.name}.${cname} is a ${kind}`);
        if (col.type.key.type !== 'integer' && col.type.key.type !== 'real') {
          throw new OvsdbArgumentError(`operation ${i}: "${fn}" needs an integer or real column, ${t.name}.${cname} is ${col.type.key.type}`);
        }
        checkAtom({ type: col.type.key.type }, value, where);
        break;
      case '==':
      case '!=':
      case 'includes':
      case 'excludes':
        // Compared as a datum of the column's type; sizes are not constrained in conditions.
        checkDatum({ ...col.type, min: 0, max: 'unlimited', key: { type: col.type.key.type }, ...(col.type.value ? { value: { type: col.type.value.type } } : {}) }, value, where);
        break;
      default:
        throw new OvsdbArgumentError(`operation ${i}: unknown condition function ${JSON.stringify(fn)}`);
    }
  }
}

function checkMutations(schema: DatabaseSchema, t: TableSchema, muts: readonly Mutation[], i: number): void {
  for (const m of muts) {
    if (!Array.isArray(m) || m.length !== 3) throw new OvsdbArgumentError(`operation ${i}: a mutation is [column, mutator, value]`);
    const [cname, mutator, value] = m;
    const col = column(schema, t, cname, i);
    if (!col.mutable || cname.startsWith('_')) throw new OvsdbArgumentError(`operation ${i}: ${t.name}.${cname} is not mutable`);
    const kind = columnKind(col.type);
    const where = { database: schema.name, table: t.name, column: cname };
    switch (mutator) {
      case '+=':
      case '-=':
      case '*=':
      case '/=':
      case '%=': {
        const k = col.type.key.type;
        if (kind === 'map' || (k !== 'integer' && k !== 'real')) {
          throw new OvsdbArgumentError(`operation ${i}: "${mutator}" needs an integer or real column, ${t.name}.${cname} is ${kind === 'map' ? 'a map' : k}`);
        }
        if (mutator === '%=' && k !== 'integer') throw new OvsdbArgumentError(`operation ${i}: "%=" needs an integer column`);
        checkAtom({ type: k }, value, where);
        break;
      }
      case 'insert':
      case 'delete':
        if (kind !== 'set' && kind !== 'map' && kind !== 'optional') {
          throw new OvsdbArgumentError(`operation ${i}: "${mutator}" needs a set or map column, ${t.name}.${cname} is a single ${col.type.key.type}`);
        }
        if (kind === 'map' && mutator === 'delete' && !(Array.isArray(value) && value[0] === 'map')) {
          // Deleting by keys: a set of keys.
          checkDatum({ key: col.type.key, min: 0, max: 'unlimited' }, value, where);
        } else {
          checkDatum({ ...col.type, min: 0, max: 'unlimited' }, value, where);
        }
        break;
      default:
        throw new OvsdbArgumentError(`operation ${i}: unknown mutator ${JSON.stringify(mutator)}`);
    }
  }
}

function checkRow(schema: DatabaseSchema, t: TableSchema, row: Readonly<Record<string, unknown>>, i: number, update: boolean): void {
  if (typeof row !== 'object' || row === null || Array.isArray(row)) throw new OvsdbArgumentError(`operation ${i}: "row" must be an object`);
  for (const [cname, value] of Object.entries(row)) {
    if (cname === '_uuid' || cname === '_version') throw new OvsdbArgumentError(`operation ${i}: ${cname} cannot be written`);
    const col = column(schema, t, cname, i);
    if (update && !col.mutable) throw new OvsdbValueError('column is immutable and cannot be updated', { database: schema.name, table: t.name, column: cname }, value);
    checkDatum(col.type, value, { database: schema.name, table: t.name, column: cname });
  }
}

/**
 * Validates operations against `schema`.
 * @throws {OvsdbArgumentError} `OVSDB_INVALID_ARGUMENT` (unknown table/column, wrong condition or mutator)
 * @throws {OvsdbValueError} `OVSDB_INVALID_VALUE` (a value that does not fit its column)
 */
export function validateOperations(schema: DatabaseSchema, ops: readonly Operation[]): void {
  ops.forEach((o, i) => {
    if (typeof o !== 'object' || o === null) throw new OvsdbArgumentError(`operation ${i} is not an object`);
    switch (o.op) {
      case 'insert': {
        const t = table(schema, o.table, i);
        checkRow(schema, t, o.row, i, false);
        if (o['uuid-name'] !== undefined && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(o['uuid-name'])) {
          throw new OvsdbArgumentError(`operation ${i}: uuid-name ${JSON.stringify(o['uuid-name'])} is not an identifier`);
        }
        if (o.uuid !== undefined && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(o.uuid)) {
          throw new OvsdbArgumentError(`operation ${i}: uuid ${JSON.stringify(o.uuid)} is not a UUID`);
        }
        break;
      }
      case 'select': {
        const t = table(schema, o.table, i);
        checkConditions(schema, t, o.where, i);
        for (const c of o.columns ?? []) column(schema, t, c, i);
        break;
      }
      case 'update': {
        const t = table(schema, o.table, i);
        checkConditions(schema, t, o.where, i);
        checkRow(schema, t, o.row, i, true);
        break;
      }
      case 'mutate': {
        const t = table(schema, o.table, i);
        checkConditions(schema, t, o.where, i);
        checkMutations(schema, t, o.mutations, i);
        break;
      }
      case 'delete': {
        const t = table(schema, o.table, i);
        checkConditions(schema, t, o.where, i);
        break;
      }
      case 'wait': {
        const t = table(schema, o.table, i);
        checkConditions(schema, t, o.where, i);
        for (const c of o.columns) column(schema, t, c, i);
        if (o.until !== '==' && o.until !== '!=') throw new OvsdbArgumentError(`operation ${i}: "until" must be "==" or "!="`);
        for (const r of o.rows) {
          for (const [cname, value] of Object.entries(r)) {
            const col = column(schema, t, cname, i);
            checkDatum(col.type, value, { database: schema.name, table: t.name, column: cname });
          }
        }
        break;
      }
      case 'commit':
        if (typeof o.durable !== 'boolean') throw new OvsdbArgumentError(`operation ${i}: "durable" must be a boolean`);
        break;
      case 'abort':
        break;
      case 'comment':
        if (typeof o.comment !== 'string') throw new OvsdbArgumentError(`operation ${i}: "comment" must be a string`);
        break;
      case 'assert':
        if (typeof o.lock !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(o.lock)) {
          throw new OvsdbArgumentError(`operation ${i}: lock name ${JSON.stringify(o.lock)} is not an identifier`);
        }
        break;
      default:
        throw new OvsdbArgumentError(`operation ${i}: unknown op ${JSON.stringify((o as { op?: unknown }).op)}`);
    }
  });
}
