/**
 * OVSDB JSON notation (RFC 7047 §5.1) both ways.
 *
 * The wire form is kept as plain JSON (`WireAtom`, `WireValue`); operations carry it verbatim. The
 * JS form used by typed models is: an atom column → the atom; an optional column → atom or
 * `undefined`; a set → `readonly` array; a map → `Readonly<Record<string, V>>` (non-string keys
 * are written in their JSON text form). UUIDs are plain strings in JS; a reference to a row inserted
 * in the same transaction is a {@link NamedUuid}.
 */
import type { BaseType, ColumnType } from './schema.js';
import { columnKind } from './schema.js';
import { OvsdbValueError, showValue } from './errors.js';
import { codecFor, defaultAtom, defaultMap } from './codec.js';

export { defaultAtom };

import type {
  WireUuid,
  WireNamedUuid,
  WireAtom,
  WireSet,
  WireMap,
  WireValue,
  NamedUuid,
  Atom,
  Datum,
} from './protocol.js';

export type {
  WireUuid,
  WireNamedUuid,
  WireAtom,
  WireSet,
  WireMap,
  WireValue,
  WireRow,
  NamedUuid,
  Atom,
  Datum,
} from './protocol.js';

export const UUID_RE = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
export const ID_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;

export const uuid = (u: string): WireUuid => ['uuid', u];
export const namedUuid = (name: string): WireNamedUuid => ['named-uuid', name];
export const wireSet = (atoms: readonly WireAtom[]): WireSet => ['set', atoms];
export const wireMap = (pairs: readonly (readonly [WireAtom, WireAtom])[]): WireMap => ['map', pairs];

export function isWireUuid(v: unknown): v is WireUuid {
  return Array.isArray(v) && v.length === 2 && v[0] === 'uuid' && typeof v[1] === 'string';
}
export function isWireNamedUuid(v: unknown): v is WireNamedUuid {
  return Array.isArray(v) && v.length === 2 && v[0] === 'named-uuid' && typeof v[1] === 'string';
}
export function isNamedUuid(v: unknown): v is NamedUuid {
  return typeof v === 'object' && v !== null && typeof (v as NamedUuid).namedUuid === 'string';
}

type Where = { database?: string; table?: string; column?: string };

/**
 * OVSDB integers are 64-bit signed (RFC 7047 §3.1). Integers are written exactly (jsonrpc/exact-int.ts):
 * −2⁶³ as `-9223372036854775808`, and the number 2⁶³ — what `JSON.parse` makes of INT64_MAX — as
 * `9223372036854775807`, so for numbers both ends are inclusive. A `bigint` must lie in
 * [{@link INT64_MIN_BIG}, {@link INT64_MAX_BIG}].
 */
export const INT64_MIN = -(2 ** 63);
const INT64_LIMIT = 2 ** 63;
/** −2⁶³ as a bigint. */
export const INT64_MIN_BIG = -(2n ** 63n);
/** 2⁶³ − 1 as a bigint. */
export const INT64_MAX_BIG = 2n ** 63n - 1n;
/**
 * Magnitudes of reals ovsdb-server 3.1 parses: it refuses (and drops the connection on) numbers its
 * `strtod` reports as out of range — the subnormals, below DBL_MIN. Every finite double from DBL_MIN
 * to DBL_MAX, written as JavaScript writes it (the shortest text that reads back exactly), is taken
 * over JSON-RPC (test/integration/ovsdb/validator-parity.test.ts; `ovsdb-client transact`, which
 * prints the numbers again itself, cannot send DBL_MIN or DBL_MAX).
 */
export const REAL_ABS_MIN = 2.2250738585072014e-308;
export const REAL_ABS_MAX = Number.MAX_VALUE;
/** ovsdb-server's JSON parser refuses NUL characters and unpaired surrogates in strings. */
// eslint-disable-next-line no-control-regex -- NUL is exactly what the server refuses
export const BAD_STRING_RE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Checks one wire atom against a base type and its constraints. */
export function checkAtom(base: BaseType, a: unknown, where: Where, allowNamed = true): void {
  const fail = (msg: string): never => {
    throw new OvsdbValueError(msg, where, a);
  };
  switch (base.type) {
    case 'integer':
      if (typeof a === 'bigint') {
        if (a < INT64_MIN_BIG || a > INT64_MAX_BIG) fail(`${a} is outside the 64-bit integer range`);
      } else {
        if (typeof a !== 'number' || !Number.isInteger(a)) fail(`expected an integer, got ${showValue(a)}`);
        if ((a as number) < INT64_MIN || (a as number) > INT64_LIMIT) fail(`${a} is outside the 64-bit integer range`);
      }
      if (base.minInteger !== undefined && (a as number) < base.minInteger)
        fail(`${a} is below the minimum ${base.minInteger}`);
      if (base.maxInteger !== undefined && (a as number) > base.maxInteger)
        fail(`${a} is above the maximum ${base.maxInteger}`);
      break;
    case 'real':
      if (typeof a !== 'number' || !Number.isFinite(a)) fail(`expected a real, got ${showValue(a)}`);
      if (a !== 0 && (Math.abs(a as number) < REAL_ABS_MIN || Math.abs(a as number) > REAL_ABS_MAX)) {
        fail(`${a} is outside the magnitudes ovsdb-server's JSON parser accepts (${REAL_ABS_MIN}..${REAL_ABS_MAX})`);
      }
      if (base.minReal !== undefined && (a as number) < base.minReal) fail(`${a} is below the minimum ${base.minReal}`);
      if (base.maxReal !== undefined && (a as number) > base.maxReal) fail(`${a} is above the maximum ${base.maxReal}`);
      break;
    case 'boolean':
      if (typeof a !== 'boolean') fail(`expected a boolean, got ${showValue(a)}`);
      break;
    case 'string': {
      if (typeof a !== 'string') fail(`expected a string, got ${showValue(a)}`);
      const s = a as string;
      if (BAD_STRING_RE.test(s)) fail('string contains a NUL character or an unpaired surrogate');
      if (base.minLength !== undefined || base.maxLength !== undefined) {
        // Lengths count Unicode code points (ovsdb counts UTF-8 characters).
        let n = 0;
        for (const _ of s) n++;
        if (base.minLength !== undefined && n < base.minLength) fail(`string is shorter than ${base.minLength}`);
        if (base.maxLength !== undefined && n > base.maxLength) fail(`string is longer than ${base.maxLength}`);
      }
      break;
    }
    case 'uuid':
      if (isWireUuid(a)) {
        if (!UUID_RE.test(a[1])) fail(`malformed uuid ${showValue(a[1])}`);
        // ovsdb_atom_check_constraints: a uuid is checked against the enum like any atom (a named-uuid's
        // value is only known to the server, which decides).
        if (base.enum && !base.enum.includes(a[1].toLowerCase()))
          fail(`${showValue(a)} is not one of ${showValue(base.enum)}`);
      } else if (isWireNamedUuid(a)) {
        if (!allowNamed) fail('named-uuid is not allowed here');
        if (!ID_RE.test(a[1])) fail(`malformed named-uuid ${showValue(a[1])}`);
        // The server gives a named-uuid a fresh uuid (the inserted row's), then checks the enum with it.
        if (base.enum) fail(`a named-uuid is a new row's uuid, never one of ${showValue(base.enum)}`);
      } else fail(`expected ["uuid", …] or ["named-uuid", …], got ${showValue(a)}`);
      return;
  }
  if (base.enum && !base.enum.includes(a as string | number | boolean)) {
    fail(`${showValue(a)} is not one of ${showValue(base.enum)}`);
  }
}

/**
 * Identity of a checked atom for duplicate detection: primitives stand for themselves; a uuid or
 * named-uuid by its kind and value (no JSON.stringify per element: sets of 10,000 refs are common).
 */
function atomKey(a: unknown): unknown {
  return typeof a === 'object' && a !== null ? (a as readonly string[])[0]! + ' ' + (a as readonly string[])[1]! : a;
}

/**
 * Checks a wire datum against a column type: notation, set size, key/value types, constraints.
 * @throws {OvsdbValueError} `OVSDB_INVALID_VALUE`
 */
export function checkDatum(type: ColumnType, v: unknown, where: Where, allowNamed = true): void {
  const max = type.max === 'unlimited' ? Infinity : type.max;
  if (type.value) {
    if (!(Array.isArray(v) && v[0] === 'map' && Array.isArray(v[1]) && v.length === 2)) {
      throw new OvsdbValueError(`expected ["map", [...]], got ${showValue(v)}`, where, v);
    }
    const pairs = v[1] as unknown[];
    const seen = new Set<unknown>();
    for (const p of pairs) {
      if (!Array.isArray(p) || p.length !== 2) throw new OvsdbValueError('a map pair must be [key, value]', where, p);
      checkAtom(type.key, p[0], where, allowNamed);
      checkAtom(type.value, p[1], where, allowNamed);
      const k = atomKey(p[0]);
      if (seen.has(k)) throw new OvsdbValueError(`duplicate map key ${showValue(p[0])}`, where, v);
      seen.add(k);
    }
    if (pairs.length < type.min || pairs.length > max) {
      throw new OvsdbValueError(`map has ${pairs.length} pairs, allowed ${type.min}..${type.max}`, where, v);
    }
    return;
  }
  let atoms: unknown[];
  if (Array.isArray(v) && v[0] === 'set') {
    if (v.length !== 2 || !Array.isArray(v[1])) throw new OvsdbValueError('expected ["set", [...]]', where, v);
    atoms = v[1];
  } else atoms = [v];
  const seen = atoms.length > 1 ? new Set<unknown>() : undefined;
  for (const a of atoms) {
    checkAtom(type.key, a, where, allowNamed);
    if (seen) {
      const k = atomKey(a);
      if (seen.has(k)) throw new OvsdbValueError(`duplicate set element ${showValue(a)}`, where, v);
      seen.add(k);
    }
  }
  if (atoms.length < type.min || atoms.length > max) {
    throw new OvsdbValueError(`set has ${atoms.length} elements, allowed ${type.min}..${type.max}`, where, v);
  }
}

/** JS atom → wire atom for a base type (uuids as strings or named references). */
export function atomToWire(base: BaseType, a: unknown, where: Where = {}): WireAtom {
  if (base.type === 'uuid') {
    if (isNamedUuid(a)) return ['named-uuid', a.namedUuid];
    if (typeof a === 'string') return ['uuid', a];
    throw new OvsdbValueError(`expected a uuid string or a named reference, got ${showValue(a)}`, where, a);
  }
  if (isNamedUuid(a)) throw new OvsdbValueError('a named uuid is only valid in a uuid column', where, a);
  if (typeof a === 'string' || typeof a === 'number' || typeof a === 'boolean') return a;
  if (typeof a === 'bigint' && base.type === 'integer') return a;
  throw new OvsdbValueError(`expected a ${base.type}, got ${showValue(a)}`, where, a);
}

/** Wire atom → JS atom (uuids become their string). */
export function atomFromWire(a: WireAtom): Atom {
  if (Array.isArray(a)) {
    if (a[0] === 'named-uuid') return { namedUuid: a[1] };
    return a[1];
  }
  return a as Atom;
}

/** A JS map key (object keys are strings) → wire atom of the key type. */
export function mapKeyToWire(base: BaseType, k: string, where: Where = {}): WireAtom {
  switch (base.type) {
    case 'integer':
    case 'real': {
      const n = Number(k);
      if (k.trim() === '' || Number.isNaN(n))
        throw new OvsdbValueError(`map key ${showValue(k)} is not a number`, where, k);
      return n;
    }
    case 'boolean':
      if (k !== 'true' && k !== 'false')
        throw new OvsdbValueError(`map key ${showValue(k)} is not a boolean`, where, k);
      return k === 'true';
    case 'uuid':
      return ['uuid', k];
    default:
      return k;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !isNamedUuid(v);

/** A JS map (object) → `["map", pairs]` (shape only; constraints are {@link checkDatum}'s). */
export function mapToWire(type: ColumnType, v: unknown, where: Where = {}): WireValue {
  if (!isRecord(v)) throw new OvsdbValueError(`expected an object for a map column, got ${showValue(v)}`, where, v);
  const pairs: (readonly [WireAtom, WireAtom])[] = [];
  for (const k of Object.keys(v)) pairs.push([mapKeyToWire(type.key, k, where), atomToWire(type.value!, v[k], where)]);
  return ['map', pairs];
}

/** A JS array → `["set", atoms]` (shape only). */
export function setToWire(base: BaseType, v: unknown, where: Where = {}): WireValue {
  if (!Array.isArray(v)) throw new OvsdbValueError(`expected an array for a set, got ${showValue(v)}`, where, v);
  return ['set', v.map((a) => atomToWire(base, a, where))];
}

/**
 * JS datum → wire datum for a column type (see the module comment for the JS shapes). With `check`
 * (the default) the result is also checked with {@link checkDatum}; the typed builder turns that off
 * because it validates each operation as a whole afterwards.
 * @throws {OvsdbValueError} `OVSDB_INVALID_VALUE`
 */
export function datumToWire(type: ColumnType, v: unknown, where: Where = {}, check = true): WireValue {
  let out: WireValue;
  switch (columnKind(type)) {
    case 'map':
      out = mapToWire(type, v, where);
      break;
    case 'set':
      out = setToWire(type.key, v, where);
      break;
    case 'optional':
      if (v === undefined || v === null) out = ['set', []];
      else if (Array.isArray(v)) out = setToWire(type.key, v, where);
      else out = atomToWire(type.key, v, where);
      break;
    case 'atom':
      if (Array.isArray(v) || v === undefined || v === null)
        throw new OvsdbValueError(`expected a single ${type.key.type}, got ${showValue(v)}`, where, v);
      out = atomToWire(type.key, v, where);
      break;
  }
  if (check) checkDatum(type, out, where);
  return out;
}

/**
 * Wire datum → JS datum for a column type. Tolerates the one-element-set shorthand and
 * `["set", []]` for an empty optional column, as ovsdb-server sends them; a `["named-uuid", n]`
 * atom becomes `{ namedUuid: n }`. Decoded by the column's compiled codec (codec.ts), as the cache
 * and typed results are.
 * @throws {OvsdbValueError} `OVSDB_INVALID_VALUE` when the notation does not fit the type.
 */
export function datumFromWire(type: ColumnType, w: WireValue, where: Where = {}): Datum {
  return codecFor(type, where, NAMED).decode(w);
}
const NAMED = { named: true } as const;

/** The default value of a column as ovsdb-server fills it (the empty set/map, or 0, 0.0, false, "", the all-zero uuid; a map with min 1 holds one pair of those). */
export function defaultDatum(type: ColumnType): Datum {
  const kind = columnKind(type);
  if (kind === 'map') return type.min === 0 ? {} : { ...defaultMap(type) };
  if (kind === 'optional') return undefined;
  if (kind === 'set') return type.min === 0 ? [] : [defaultAtom(type.key)];
  return defaultAtom(type.key);
}
