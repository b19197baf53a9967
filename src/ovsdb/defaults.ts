/**
 * Which columns an insert must set: ovsdb-server fills an omitted column with its type's default
 * (RFC 7047 §5.1: the empty set or map, otherwise 0, 0.0, false, "" or the all-zero UUID — for
 * enumerations too) and then checks the row, so a column whose default breaks its own constraints
 * (an enum without "", a range without 0, a minimum length, a strong or weak reference) must be given.
 */
import type { BaseType, ColumnSchema } from './schema.js';
import { atomToWire, checkAtom, defaultAtom } from './notation.js';
import type { WireAtom } from './notation.js';

/** The atom ovsdb-server uses for an omitted column of this base type (wire form). */
export function serverDefaultAtom(base: BaseType): WireAtom {
  return atomToWire(base, defaultAtom(base));
}

function defaultFits(base: BaseType): boolean {
  // The all-zero uuid is no row (a reference to it fails at commit), and may be outside an enum.
  if (base.type === 'uuid' && base.refTable !== undefined) return false;
  try {
    checkAtom(base, serverDefaultAtom(base), {});
    return true;
  } catch {
    return false;
  }
}

// Per column, computed once: the check throws for most constrained columns, and inserts ask for every column.
const requiredCache = new WeakMap<ColumnSchema, boolean>();

/** True when an insert that omits this column is refused by the server. */
export function requiredOnInsert(col: ColumnSchema): boolean {
  let r = requiredCache.get(col);
  if (r === undefined) {
    r =
      col.type.min !== 0 &&
      ((col.type.value !== undefined && !defaultFits(col.type.value)) || !defaultFits(col.type.key));
    requiredCache.set(col, r);
  }
  return r;
}
