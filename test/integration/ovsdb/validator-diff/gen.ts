/**
 * Random OVSDB schemas and operations for the validator differential (validator-diff.test.ts,
 * fuzz/ovsdb-validator.ts). Pure and seeded: the same seed gives the same cases.
 *
 * Schemas draw column types over every atomic type, enums, integer/real ranges, string lengths,
 * min/max (sets, optional, maps), strong and weak references, ephemeral and immutable columns,
 * indexes and isRoot — mostly valid, with a share of the refusals ovsdb-server makes (min > max,
 * negative lengths, an enum with a range, an index on an ephemeral column, a table without columns…).
 * Operations are single inserts, selects, updates, mutates, deletes and waits with values, conditions
 * and mutations that are mostly of the column's type, sometimes not (wrong type, out of range, outside
 * the enum, too many elements, duplicates, unknown columns, immutable columns, boolean clauses).
 */
import { seededRandom } from '../../../../src/testing/random.js';

export type Rng = () => number;
export const rngOf = (seed: number): Rng => seededRandom(seed);

const int = (r: Rng, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const chance = (r: Rng, p: number) => r() < p;

const ATOMIC = ['integer', 'real', 'boolean', 'string', 'uuid'] as const;
type Atomic = (typeof ATOMIC)[number];
export const UUIDS = [
  '11111111-1111-1111-1111-111111111111',
  '22222222-2222-2222-2222-222222222222',
  '3f3f3f3f-0000-4000-8000-00000000abcd',
  '00000000-0000-0000-0000-000000000000',
] as const;
const CHARS = ['a', 'b', 'z', '0', ' ', 'é', '日', '😀'];

/** A JSON base type as a schema writes it. */
type RawBase = Record<string, unknown> & { type: Atomic };
type RawType = { key: RawBase; value?: RawBase; min?: number; max?: number | 'unlimited' };
export interface RawColumn {
  type: RawType | Atomic;
  ephemeral?: boolean;
  mutable?: boolean;
}
export interface RawTable {
  columns: Record<string, RawColumn>;
  isRoot?: boolean;
  maxRows?: number;
  indexes?: string[][];
}
export interface RawSchema {
  name: string;
  version: string;
  tables: Record<string, RawTable>;
}

function randomString(r: Rng, len: number): string {
  let s = '';
  for (let i = 0; i < len; i++) s += pick(r, CHARS);
  return s;
}

function validAtomOfType(r: Rng, t: Atomic): unknown {
  switch (t) {
    case 'integer':
      return int(r, -20, 20);
    case 'real':
      return Math.round((r() * 40 - 20) * 4) / 4;
    case 'boolean':
      return chance(r, 0.5);
    case 'string':
      return randomString(r, int(r, 0, 4));
    case 'uuid':
      return ['uuid', pick(r, UUIDS)];
  }
}

function randomBase(r: Rng, tables: readonly string[], bad: () => boolean): RawBase {
  const type = pick(r, ATOMIC);
  const b: RawBase = { type };
  if (chance(r, 0.2)) {
    const n = bad() ? 0 : int(r, 1, 3);
    const atoms: unknown[] = [];
    for (let i = 0; i < n; i++) {
      const a = validAtomOfType(r, type);
      if (!atoms.some((x) => JSON.stringify(x) === JSON.stringify(a))) atoms.push(a);
    }
    b.enum = atoms.length === 1 && chance(r, 0.5) ? atoms[0] : ['set', atoms];
    if (bad()) b[type === 'integer' ? 'minInteger' : type === 'string' ? 'maxLength' : 'minReal'] = 1;
    return b;
  }
  switch (type) {
    case 'integer':
      if (chance(r, 0.4)) b.minInteger = int(r, -10, 5);
      if (chance(r, 0.4)) b.maxInteger = int(r, -5, 10);
      if (
        !bad() &&
        b.minInteger !== undefined &&
        b.maxInteger !== undefined &&
        (b.minInteger as number) > (b.maxInteger as number)
      )
        [b.minInteger, b.maxInteger] = [b.maxInteger, b.minInteger];
      break;
    case 'real':
      if (chance(r, 0.4)) b.minReal = int(r, -10, 5) / 2;
      if (chance(r, 0.4)) b.maxReal = int(r, -5, 10) / 2;
      if (!bad() && b.minReal !== undefined && b.maxReal !== undefined && (b.minReal as number) > (b.maxReal as number))
        [b.minReal, b.maxReal] = [b.maxReal, b.minReal];
      break;
    case 'string':
      if (chance(r, 0.3)) b.minLength = bad() ? -1 : int(r, 0, 2);
      if (chance(r, 0.3)) b.maxLength = bad() ? pick(r, [-1, 4294967296]) : int(r, 0, 4);
      if (
        !bad() &&
        b.minLength !== undefined &&
        b.maxLength !== undefined &&
        (b.minLength as number) > (b.maxLength as number)
      )
        [b.minLength, b.maxLength] = [b.maxLength, b.minLength];
      break;
    case 'uuid':
      if (chance(r, 0.5)) {
        b.refTable = bad() ? 'Nowhere' : pick(r, tables);
        if (chance(r, 0.6)) b.refType = chance(r, 0.5) ? 'weak' : 'strong';
      } else if (bad()) b.refType = 'weak';
      break;
    default:
      if (bad()) b.maxLength = 3; // a constraint of another type
  }
  return b;
}

/** A random schema; `pBad` is the chance, per decision point, of a refusal ovsdb-server makes. */
export function randomSchema(r: Rng, pBad = 0.02): RawSchema {
  const bad = () => chance(r, pBad);
  const names = Array.from({ length: int(r, 1, 3) }, (_, i) => `T${i}`);
  const tables: Record<string, RawTable> = {};
  for (const name of names) {
    const columns: Record<string, RawColumn> = {};
    const nc = bad() ? 0 : int(r, 1, 6);
    for (let i = 0; i < nc; i++) {
      const key = randomBase(r, names, bad);
      const isMap = chance(r, 0.25);
      const col: RawColumn = { type: key.type };
      if (isMap || chance(r, 0.6) || Object.keys(key).length > 1) {
        const t: RawType = { key };
        if (isMap) t.value = randomBase(r, names, bad);
        const min = bad() ? 2 : pick(r, [0, 0, 1]);
        const max = bad() ? 0 : pick(r, [1, 1, 2, 3, 'unlimited'] as const);
        if (min !== 1 || chance(r, 0.5)) t.min = min;
        if (max !== 1 || chance(r, 0.5)) t.max = max;
        col.type = t;
      }
      if (chance(r, 0.15)) col.ephemeral = true;
      if (chance(r, 0.2)) col.mutable = false;
      columns[`c${i}`] = col;
    }
    const t: RawTable = { columns };
    if (chance(r, 0.5)) t.isRoot = chance(r, 0.5);
    if (chance(r, 0.1)) t.maxRows = bad() ? 0 : int(r, 1, 5);
    if (nc > 0 && chance(r, 0.3)) {
      const cols = Object.keys(columns);
      const ix: string[] = [];
      const n = int(r, 1, Math.min(2, cols.length));
      while (ix.length < n) {
        const c = pick(r, cols);
        if (!ix.includes(c)) ix.push(c);
      }
      if (bad()) ix.push(pick(r, ['_version', '_uuid', ix[0]!, 'nope']));
      t.indexes = [ix];
    }
    tables[name] = t;
  }
  return { name: 'D', version: '1.0.0', tables };
}

// ---- values, conditions, mutations, operations on a schema both sides accepted -------------------

interface Base {
  type: Atomic;
  enum?: unknown;
  minInteger?: number;
  maxInteger?: number;
  minReal?: number;
  maxReal?: number;
  minLength?: number;
  maxLength?: number;
}
interface Type {
  key: Base;
  value?: Base;
  min: number;
  max: number | 'unlimited';
}
const normBase = (b: RawBase | Atomic): Base => (typeof b === 'string' ? { type: b } : (b as Base));
function normType(t: RawType | Atomic): Type {
  if (typeof t === 'string') return { key: { type: t }, min: 1, max: 1 };
  return {
    key: normBase(t.key),
    ...(t.value ? { value: normBase(t.value) } : {}),
    min: t.min ?? 1,
    max: t.max ?? 1,
  };
}
function enumAtoms(b: Base): unknown[] | undefined {
  if (b.enum === undefined) return undefined;
  const e = b.enum as unknown[];
  return Array.isArray(e) && e[0] === 'set' ? (e[1] as unknown[]) : [e];
}

/** An atom of a base type: usually within its constraints, with probability `pBad` outside them. */
function atom(r: Rng, b: Base, pBad: number): unknown {
  const bad = chance(r, pBad);
  const en = enumAtoms(b);
  if (bad) {
    switch (int(r, 0, 2)) {
      case 0: // another type
        return validAtomOfType(
          r,
          pick(
            r,
            ATOMIC.filter((t) => t !== b.type && !(t === 'integer' && b.type === 'real')),
          ),
        );
      case 1: // outside the enum / range
        if (b.type === 'integer') return pick(r, [(b.minInteger ?? -100) - 1, (b.maxInteger ?? 100) + 1, 1.5]);
        if (b.type === 'real') return pick(r, [(b.minReal ?? -100) - 0.5, (b.maxReal ?? 100) + 0.5]);
        if (b.type === 'string')
          return randomString(r, pick(r, [(b.maxLength ?? 5) + 1, Math.max(0, (b.minLength ?? 1) - 1)]));
        if (b.type === 'uuid') return pick(r, [['uuid', 'not-a-uuid'], ['named-uuid', 'nobody'], 'x']);
        return 'x';
      default:
        return validAtomOfType(r, b.type);
    }
  }
  if (en && en.length && chance(r, 0.85)) return pick(r, en);
  switch (b.type) {
    case 'integer': {
      const lo = b.minInteger ?? -20;
      const hi = b.maxInteger ?? Math.max(lo, 20);
      return int(r, lo, Math.max(lo, hi));
    }
    case 'real': {
      const lo = b.minReal ?? -20;
      const hi = b.maxReal ?? Math.max(lo, 20);
      return Math.round((lo + r() * (hi - lo)) * 4) / 4;
    }
    case 'string': {
      const lo = b.minLength ?? 0;
      const hi = Math.min(b.maxLength ?? lo + 4, lo + 6);
      return randomString(r, int(r, lo, Math.max(lo, hi)));
    }
    default:
      return validAtomOfType(r, b.type);
  }
}

/** A datum of size `n` (may repeat atoms with probability `pBad`). */
function datumOfSize(r: Rng, t: { key: Base; value?: Base }, n: number, pBad: number): unknown {
  if (t.value) {
    const pairs: unknown[] = [];
    for (let i = 0; i < n; i++) pairs.push([atom(r, t.key, pBad), atom(r, t.value, pBad)]);
    if (pairs.length && chance(r, pBad)) pairs.push([(pairs[0] as unknown[])[0], atom(r, t.value, 0)]);
    return ['map', pairs];
  }
  const atoms: unknown[] = [];
  for (let i = 0; i < n; i++) atoms.push(atom(r, t.key, pBad));
  if (atoms.length && chance(r, pBad)) atoms.push(atoms[0]);
  if (atoms.length === 1 && chance(r, 0.5)) return atoms[0];
  return ['set', atoms];
}

/** A datum of a column type, its size mostly within min..max. */
export function datum(r: Rng, t: Type, pBad: number): unknown {
  const max = t.max === 'unlimited' ? 4 : t.max;
  let n = int(r, t.min, Math.min(max, t.min + 3));
  if (chance(r, pBad))
    n = pick(
      r,
      [t.min - 1, max + 1].filter((x) => x >= 0),
    );
  return datumOfSize(r, t, n, pBad);
}

const FUNCTIONS = ['<', '<=', '==', '!=', '>=', '>', 'includes', 'excludes'] as const;
const MUTATORS = ['+=', '-=', '*=', '/=', '%=', 'insert', 'delete'] as const;

function columnOf(r: Rng, t: RawTable, pBad: number): [string, Type] {
  const cols = Object.keys(t.columns);
  if (chance(r, pBad / 2)) return ['nope', { key: { type: 'integer' }, min: 1, max: 1 }];
  if (chance(r, 0.08)) return ['_uuid', { key: { type: 'uuid' }, min: 1, max: 1 }];
  const c = pick(r, cols);
  return [c, normType(t.columns[c]!.type)];
}

function condition(r: Rng, t: RawTable, pBad: number): unknown {
  if (chance(r, 0.08)) return chance(r, 0.5);
  const [c, type] = columnOf(r, t, pBad);
  const fn = chance(r, pBad / 3) ? 'like' : pick(r, FUNCTIONS);
  let value: unknown;
  if (['<', '<=', '>', '>='].includes(fn) && chance(r, 0.7)) value = atom(r, type.key, pBad);
  else if (fn === 'includes' || fn === 'excludes') {
    const max = type.max === 'unlimited' ? 5 : type.max;
    value = datumOfSize(r, type, int(r, 0, max + (chance(r, 0.3) ? 1 : 0)), pBad);
  } else value = datum(r, type, pBad);
  return [c, fn, value];
}

function mutation(r: Rng, t: RawTable, pBad: number): unknown {
  const [c, type] = columnOf(r, t, pBad);
  const m = chance(r, pBad / 3) ? '^=' : pick(r, MUTATORS);
  let value: unknown;
  if (m === 'insert' || m === 'delete') {
    const max = type.max === 'unlimited' ? 4 : type.max;
    if (type.value && m === 'delete' && chance(r, 0.3))
      value = datumOfSize(r, { key: type.key }, int(r, 0, max), pBad); // delete by keys
    else value = datumOfSize(r, type, int(r, 0, max + 1), pBad);
  } else if (chance(r, 0.15)) value = 0;
  else value = chance(r, 0.8) ? atom(r, type.key, pBad) : datum(r, type, pBad);
  return [c, m, value];
}

function row(r: Rng, t: RawTable, pBad: number, all: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [c, col] of Object.entries(t.columns))
    if (all ? chance(r, 0.8) : chance(r, 0.4)) out[c] = datum(r, normType(col.type), pBad);
  if (chance(r, pBad / 2)) out[pick(r, ['_uuid', 'nope', '_version'])] = ['uuid', UUIDS[0]];
  return out;
}

/** One random operation on a table of the schema (never matching a row: the database stays empty). */
export function randomOperation(r: Rng, s: RawSchema, pBad = 0.1): Record<string, unknown> {
  const table = pick(r, Object.keys(s.tables));
  const t = s.tables[table]!;
  const where = () => Array.from({ length: int(r, 0, 2) }, () => condition(r, t, pBad));
  switch (pick(r, ['insert', 'insert', 'select', 'update', 'mutate', 'mutate', 'delete', 'wait'] as const)) {
    case 'insert':
      return { op: 'insert', table, row: row(r, t, pBad, true) };
    case 'select':
      return { op: 'select', table, where: where() };
    case 'update':
      return { op: 'update', table, where: where(), row: row(r, t, pBad, false) };
    case 'mutate':
      return {
        op: 'mutate',
        table,
        where: where(),
        mutations: Array.from({ length: int(r, 1, 2) }, () => mutation(r, t, pBad)),
      };
    case 'delete':
      return { op: 'delete', table, where: where() };
    case 'wait': {
      const cols = Object.keys(t.columns).filter(() => chance(r, 0.5));
      const until = chance(r, 0.5) ? '==' : '!=';
      // The table is empty: "==" with no rows and "!=" with one row hold at once (no timeout).
      const rows =
        until === '==' ? [] : [Object.fromEntries(cols.map((c) => [c, datum(r, normType(t.columns[c]!.type), pBad)]))];
      return { op: 'wait', table, where: where(), columns: cols, until, rows, timeout: 0 };
    }
  }
}
