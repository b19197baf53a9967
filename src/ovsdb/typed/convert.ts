/**
 * JS values of the generated shapes → wire notation, for the typed builder. Shapes only: the
 * constraints are checked afterwards, once, by `validate.ts` on the operation as it will be sent.
 */
import type { BaseType, ColumnType } from '../schema.js';
import { columnKind } from '../schema.js';
import type { WireAtom, WireValue } from '../notation.js';
import { isNamedUuid } from '../notation.js';
import { OvsdbValueError } from '../errors.js';

type Where = { database: string; table: string; column: string };

const show = (v: unknown) => {
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
};

/** A JS atom → wire atom of a base type (uuids as strings or named references). */
export function atomToWire(base: BaseType, a: unknown, where: Where): WireAtom {
  if (base.type === 'uuid') {
    if (isNamedUuid(a)) return ['named-uuid', a.namedUuid];
    if (typeof a === 'string') return ['uuid', a];
    throw new OvsdbValueError(`expected a uuid string or a named reference, got ${show(a)}`, where, a);
  }
  if (typeof a === 'string' || typeof a === 'number' || typeof a === 'boolean') return a;
  throw new OvsdbValueError(`expected a ${base.type}, got ${show(a)}`, where, a);
}

/** A JS map key (object keys are strings) → wire atom of the key type. */
export function mapKeyToWire(base: BaseType, k: string, where: Where): WireAtom {
  switch (base.type) {
    case 'integer':
    case 'real': {
      const n = Number(k);
      if (k.trim() === '' || Number.isNaN(n)) throw new OvsdbValueError(`map key ${show(k)} is not a number`, where, k);
      return n;
    }
    case 'boolean':
      if (k !== 'true' && k !== 'false') throw new OvsdbValueError(`map key ${show(k)} is not a boolean`, where, k);
      return k === 'true';
    case 'uuid':
      return ['uuid', k];
    default:
      return k;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && !isNamedUuid(v);

/** A JS map (object) → `["map", pairs]`. */
export function mapToWire(type: ColumnType, v: unknown, where: Where): WireValue {
  if (!isRecord(v)) throw new OvsdbValueError(`expected an object for a map column, got ${show(v)}`, where, v);
  const pairs: (readonly [WireAtom, WireAtom])[] = [];
  for (const k of Object.keys(v)) pairs.push([mapKeyToWire(type.key, k, where), atomToWire(type.value!, v[k], where)]);
  return ['map', pairs];
}

/** A JS array → `["set", atoms]`. */
export function setToWire(base: BaseType, v: unknown, where: Where): WireValue {
  if (!Array.isArray(v)) throw new OvsdbValueError(`expected an array for a set, got ${show(v)}`, where, v);
  return ['set', v.map((a) => atomToWire(base, a, where))];
}

/**
 * A JS datum of a column (atom; `T | undefined`; readonly array; record) → wire datum.
 * @throws {OvsdbValueError} `OVSDB_INVALID_VALUE` when the shape does not fit the column kind.
 */
export function datumToWire(type: ColumnType, v: unknown, where: Where): WireValue {
  switch (columnKind(type)) {
    case 'map':
      return mapToWire(type, v, where);
    case 'set':
      return setToWire(type.key, v, where);
    case 'optional':
      if (v === undefined || v === null) return ['set', []];
      if (Array.isArray(v)) return setToWire(type.key, v, where);
      return atomToWire(type.key, v, where);
    case 'atom':
      if (Array.isArray(v) || v === undefined || v === null) throw new OvsdbValueError(`expected a single ${type.key.type}, got ${show(v)}`, where, v);
      return atomToWire(type.key, v, where);
  }
}
