/**
 * Database schemas (RFC 7047 §3.2), parsed with every constraint so that values can be checked
 * before they are sent and so that code generation has everything it needs.
 */
import { OvsdbSchemaError } from './errors.js';

export type AtomicType = 'integer' | 'real' | 'boolean' | 'string' | 'uuid';
const ATOMIC_TYPES: readonly AtomicType[] = ['integer', 'real', 'boolean', 'string', 'uuid'];

/** An atom as it appears in a schema's `enum` (uuids as their string). */
export type SchemaAtom = number | boolean | string;

/** `<base-type>`, RFC 7047 §3.2. */
export interface BaseType {
  readonly type: AtomicType;
  /** Allowed values (the `enum` member, with the one-element-set shorthand expanded). */
  readonly enum?: readonly SchemaAtom[];
  readonly minInteger?: number;
  readonly maxInteger?: number;
  readonly minReal?: number;
  readonly maxReal?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly refTable?: string;
  /** Only meaningful with `refTable`; defaults to `strong`. */
  readonly refType?: 'strong' | 'weak';
}

/** `<type>`, RFC 7047 §3.2. `max` is a number or `'unlimited'`. */
export interface ColumnType {
  readonly key: BaseType;
  readonly value?: BaseType;
  readonly min: number;
  readonly max: number | 'unlimited';
}

export interface ColumnSchema {
  readonly name: string;
  readonly type: ColumnType;
  readonly ephemeral: boolean;
  readonly mutable: boolean;
}

export interface TableSchema {
  readonly name: string;
  readonly columns: Readonly<Record<string, ColumnSchema>>;
  readonly maxRows?: number;
  readonly isRoot: boolean;
  readonly indexes: readonly (readonly string[])[];
}

export interface DatabaseSchema {
  readonly name: string;
  readonly version: string;
  readonly cksum?: string;
  readonly tables: Readonly<Record<string, TableSchema>>;
}

/** What kind of datum a column holds, derived from its type. */
export type ColumnKind = 'atom' | 'optional' | 'set' | 'map';

export function columnKind(t: ColumnType): ColumnKind {
  if (t.value) return 'map';
  if (t.min === 1 && t.max === 1) return 'atom';
  if (t.min === 0 && t.max === 1) return 'optional';
  return 'set';
}

/** The implicit columns every table has (RFC 7047 §3.2 `<table-schema>`). */
export const UUID_COLUMN: ColumnSchema = {
  name: '_uuid',
  type: { key: { type: 'uuid' }, min: 1, max: 1 },
  ephemeral: false,
  mutable: false,
};
export const VERSION_COLUMN: ColumnSchema = { ...UUID_COLUMN, name: '_version' };

/** Looks up a column including `_uuid` and `_version`. */
export function getColumn(table: TableSchema, name: string): ColumnSchema | undefined {
  if (Object.prototype.hasOwnProperty.call(table.columns, name)) return table.columns[name];
  if (name === '_uuid') return UUID_COLUMN;
  if (name === '_version') return VERSION_COLUMN;
  return undefined;
}

/** The base-type members an `enum` excludes (ovsdb_base_type_from_json parses them only without one). */
export const CONSTRAINT_MEMBERS = [
  'minInteger',
  'maxInteger',
  'minReal',
  'maxReal',
  'minLength',
  'maxLength',
  'refTable',
  'refType',
] as const;
const INT64_MIN = -(2 ** 63);
const INT64_MAX = 2 ** 63;
const UINT_MAX = 4294967295;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const ID_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;
const UUID_RE = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

function parseEnum(raw: unknown, type: AtomicType, path: string): SchemaAtom[] {
  // The enum is an OVSDB <set> of atoms: ["set", [...]] or a single bare atom.
  let items: unknown[];
  if (Array.isArray(raw) && raw[0] === 'set' && Array.isArray(raw[1])) items = raw[1];
  else items = [raw];
  return items.map((a, i) => {
    const p = `${path}[${i}]`;
    if (type === 'uuid') {
      if (Array.isArray(a) && a[0] === 'uuid' && typeof a[1] === 'string' && UUID_RE.test(a[1]))
        return a[1].toLowerCase(); // compared with wire uuids, which ovsdb-server writes in lower case
      throw new OvsdbSchemaError('enum uuid must be ["uuid", "..."]', p);
    }
    if (!atomMatches(type, a)) throw new OvsdbSchemaError(`enum value ${JSON.stringify(a)} is not a ${type}`, p);
    return a as SchemaAtom;
  });
}

function atomMatches(type: AtomicType, a: unknown): boolean {
  switch (type) {
    case 'integer':
      return typeof a === 'number' && Number.isInteger(a);
    case 'real':
      return typeof a === 'number';
    case 'boolean':
      return typeof a === 'boolean';
    case 'string':
      return typeof a === 'string';
    case 'uuid':
      return false;
  }
}

function num(raw: Record<string, unknown>, k: string, path: string, integer: boolean): number | undefined {
  const v = raw[k];
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || (integer && !Number.isInteger(v))) {
    throw new OvsdbSchemaError(`${k} must be ${integer ? 'an integer' : 'a number'}`, `${path}.${k}`);
  }
  return v;
}

function parseBaseType(raw: unknown, path: string): BaseType {
  if (typeof raw === 'string') {
    if (!ATOMIC_TYPES.includes(raw as AtomicType)) throw new OvsdbSchemaError(`unknown atomic type "${raw}"`, path);
    return { type: raw as AtomicType };
  }
  if (!isObj(raw)) throw new OvsdbSchemaError('base type must be a string or an object', path);
  const type = raw.type;
  if (typeof type !== 'string' || !ATOMIC_TYPES.includes(type as AtomicType)) {
    throw new OvsdbSchemaError(`unknown atomic type ${JSON.stringify(type)}`, `${path}.type`);
  }
  const t = type as AtomicType;
  const out: { -readonly [K in keyof BaseType]: BaseType[K] } = { type: t };
  if (raw.enum !== undefined) {
    out.enum = parseEnum(raw.enum, t, `${path}.enum`);
    // ovsdb_base_type_from_json: an enum replaces the other constraints, which are then refused as
    // members "present but not allowed here"; the enum is a non-empty set (1 to UINT_MAX atoms).
    if (out.enum.length === 0) throw new OvsdbSchemaError('enum must have at least one member', `${path}.enum`);
    for (const k of CONSTRAINT_MEMBERS)
      if (raw[k] !== undefined) throw new OvsdbSchemaError(`${k} is not allowed with enum`, `${path}.${k}`);
  }
  const check = (k: string, allowed: AtomicType) => {
    if (raw[k] !== undefined && t !== allowed)
      throw new OvsdbSchemaError(`${k} is only allowed on ${allowed}`, `${path}.${k}`);
  };
  check('minInteger', 'integer');
  check('maxInteger', 'integer');
  check('minReal', 'real');
  check('maxReal', 'real');
  check('minLength', 'string');
  check('maxLength', 'string');
  check('refTable', 'uuid');
  check('refType', 'uuid');
  const v = {
    minInteger: num(raw, 'minInteger', path, true),
    maxInteger: num(raw, 'maxInteger', path, true),
    minReal: num(raw, 'minReal', path, false),
    maxReal: num(raw, 'maxReal', path, false),
    minLength: num(raw, 'minLength', path, true),
    maxLength: num(raw, 'maxLength', path, true),
  };
  for (const [k, x] of Object.entries(v)) if (x !== undefined) (out as Record<string, unknown>)[k] = x;
  // ovsdb-types.c: integer bounds are 64-bit, lengths 0..UINT_MAX, and a minimum may not exceed its maximum.
  for (const k of ['minInteger', 'maxInteger'] as const) {
    const x = v[k];
    if (x !== undefined && (x < INT64_MIN || x > INT64_MAX))
      throw new OvsdbSchemaError(`${k} is outside the 64-bit integer range`, `${path}.${k}`);
  }
  for (const k of ['minLength', 'maxLength'] as const) {
    const x = v[k];
    if (x !== undefined && (x < 0 || x > UINT_MAX))
      throw new OvsdbSchemaError(`${k} out of valid range 0 to ${UINT_MAX}`, `${path}.${k}`);
  }
  const pairs = [
    ['minInteger', 'maxInteger'],
    ['minReal', 'maxReal'],
    ['minLength', 'maxLength'],
  ] as const;
  for (const [lo, hi] of pairs) {
    const a = v[lo];
    const b = v[hi];
    if (a !== undefined && b !== undefined && a > b) throw new OvsdbSchemaError(`${lo} exceeds ${hi}`, `${path}.${lo}`);
  }
  if (raw.refTable !== undefined) {
    if (typeof raw.refTable !== 'string' || !ID_RE.test(raw.refTable))
      throw new OvsdbSchemaError('refTable must be a table name', `${path}.refTable`);
    out.refTable = raw.refTable;
    const rt = raw.refType ?? 'strong';
    if (rt !== 'strong' && rt !== 'weak')
      throw new OvsdbSchemaError('refType must be "strong" or "weak"', `${path}.refType`);
    out.refType = rt;
  } else if (raw.refType !== undefined) {
    throw new OvsdbSchemaError('refType without refTable', `${path}.refType`);
  }
  return out;
}

function parseColumnType(raw: unknown, path: string): ColumnType {
  if (typeof raw === 'string') return { key: parseBaseType(raw, path), min: 1, max: 1 };
  if (!isObj(raw)) throw new OvsdbSchemaError('column type must be a string or an object', path);
  const key = parseBaseType(raw.key, `${path}.key`);
  const value = raw.value === undefined ? undefined : parseBaseType(raw.value, `${path}.value`);
  const min = raw.min ?? 1;
  if (typeof min !== 'number' || !Number.isInteger(min) || min < 0 || min > 1) {
    throw new OvsdbSchemaError('min must be 0 or 1', `${path}.min`);
  }
  const max = raw.max ?? 1;
  if (max !== 'unlimited' && (typeof max !== 'number' || !Number.isInteger(max) || max < 1 || max < min)) {
    throw new OvsdbSchemaError('max must be a positive integer ≥ min or "unlimited"', `${path}.max`);
  }
  return value ? { key, value, min, max } : { key, min, max };
}

/**
 * Parses a schema document (an `.ovsschema` file or a `get_schema` reply).
 * @throws {OvsdbSchemaError} `OVSDB_SCHEMA_INVALID`, naming the JSON path of the problem.
 */
export function parseSchema(raw: unknown): DatabaseSchema {
  if (!isObj(raw)) throw new OvsdbSchemaError('schema must be a JSON object', '$');
  if (typeof raw.name !== 'string' || !ID_RE.test(raw.name))
    throw new OvsdbSchemaError('name must be an identifier', '$.name');
  const version = raw.version ?? '0.0.0';
  if (typeof version !== 'string' || !/^\d+\.\d+\.\d+$/.test(version))
    throw new OvsdbSchemaError('version must be x.y.z', '$.version');
  if (raw.cksum !== undefined && typeof raw.cksum !== 'string')
    throw new OvsdbSchemaError('cksum must be a string', '$.cksum');
  if (!isObj(raw.tables)) throw new OvsdbSchemaError('tables must be an object', '$.tables');
  const tables: Record<string, TableSchema> = {};
  for (const [tname, traw] of Object.entries(raw.tables)) {
    const tp = `$.tables.${tname}`;
    if (!ID_RE.test(tname) || tname.startsWith('_')) throw new OvsdbSchemaError('bad table name', tp);
    if (!isObj(traw)) throw new OvsdbSchemaError('table must be an object', tp);
    if (!isObj(traw.columns)) throw new OvsdbSchemaError('columns must be an object', `${tp}.columns`);
    const columns: Record<string, ColumnSchema> = {};
    for (const [cname, craw] of Object.entries(traw.columns)) {
      const cp = `${tp}.columns.${cname}`;
      if (!ID_RE.test(cname) || cname.startsWith('_')) throw new OvsdbSchemaError('bad column name', cp);
      if (!isObj(craw)) throw new OvsdbSchemaError('column must be an object', cp);
      for (const k of ['ephemeral', 'mutable'] as const) {
        if (craw[k] !== undefined && typeof craw[k] !== 'boolean')
          throw new OvsdbSchemaError(`${k} must be a boolean`, `${cp}.${k}`);
      }
      const type = parseColumnType(craw.type, `${cp}.type`);
      columns[cname] = {
        name: cname,
        type,
        ephemeral: craw.ephemeral === true,
        // ovsdb/table.c: a weak reference is always mutable (deleting the referenced row changes it).
        mutable: craw.mutable !== false || type.key.refType === 'weak' || type.value?.refType === 'weak',
      };
    }
    if (Object.keys(columns).length === 0)
      throw new OvsdbSchemaError('table must have at least one column', `${tp}.columns`);
    const maxRows = traw.maxRows;
    if (maxRows !== undefined && (typeof maxRows !== 'number' || !Number.isInteger(maxRows) || maxRows < 1)) {
      throw new OvsdbSchemaError('maxRows must be a positive integer', `${tp}.maxRows`);
    }
    if (traw.isRoot !== undefined && typeof traw.isRoot !== 'boolean')
      throw new OvsdbSchemaError('isRoot must be a boolean', `${tp}.isRoot`);
    const indexes: string[][] = [];
    if (traw.indexes !== undefined) {
      if (!Array.isArray(traw.indexes)) throw new OvsdbSchemaError('indexes must be an array', `${tp}.indexes`);
      traw.indexes.forEach((ix, i) => {
        if (!Array.isArray(ix) || ix.length === 0 || !ix.every((c) => typeof c === 'string')) {
          throw new OvsdbSchemaError('an index is a non-empty array of column names', `${tp}.indexes[${i}]`);
        }
        if (new Set(ix).size !== ix.length)
          throw new OvsdbSchemaError('an index names distinct columns', `${tp}.indexes[${i}]`);
        for (const c of ix as string[]) {
          const known = Object.prototype.hasOwnProperty.call(columns, c);
          if (!known && c !== '_uuid' && c !== '_version')
            throw new OvsdbSchemaError(`index names unknown column "${c}"`, `${tp}.indexes[${i}]`);
          // ovsdb/table.c: ephemeral columns (and _version, which changes with every write) may not be indexed.
          if (c === '_version' || (known && columns[c]!.ephemeral))
            throw new OvsdbSchemaError(`ephemeral column "${c}" may not be indexed`, `${tp}.indexes[${i}]`);
        }
        indexes.push([...(ix as string[])]);
      });
    }
    tables[tname] = {
      name: tname,
      columns,
      ...(maxRows !== undefined ? { maxRows } : {}),
      // RFC 7047: a schema without any isRoot makes every table a root (the old behaviour).
      isRoot: traw.isRoot === true,
      indexes,
    };
  }
  // Backward compatibility (ovsdb/ovsdb.c, root_set_size): when no table is a root — isRoot absent or
  // false everywhere — every table is a root.
  const anyRoot = Object.values(tables).some((t) => t.isRoot);
  if (!anyRoot) for (const t of Object.values(tables)) (t as { isRoot: boolean }).isRoot = true;
  for (const t of Object.values(tables)) {
    for (const c of Object.values(t.columns)) {
      for (const b of [c.type.key, c.type.value]) {
        if (b?.refTable && !Object.prototype.hasOwnProperty.call(tables, b.refTable)) {
          throw new OvsdbSchemaError(
            `refTable "${b.refTable}" is not a table of this schema`,
            `$.tables.${t.name}.columns.${c.name}`,
          );
        }
      }
    }
  }
  return { name: raw.name, version, ...(typeof raw.cksum === 'string' ? { cksum: raw.cksum } : {}), tables };
}
