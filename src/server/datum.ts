/**
 * Values as the server holds them (lib/ovsdb-data.c's model): a datum is a sorted, duplicate-free
 * array of keys and, for maps, a parallel array of values. Atoms are JS primitives; a uuid atom is
 * its lowercase string (its kind comes from the column type). Parsing from JSON follows
 * `ovsdb_datum_from_json()` step by step so that errors carry ovsdb-server's exact strings.
 */
import { randomUUID } from 'node:crypto';
import type { AtomicType, BaseType, ColumnType } from '../ovsdb/schema.js';
import { ID_RE, UUID_RE } from '../ovsdb/notation.js';
import { OvsdbError, syntaxError } from './errors.js';
import { compareStrings, formatG15, ovsJsonText } from './json-text.js';

export type Atom = number | boolean | string;
export interface Datum {
  keys: Atom[];
  values?: Atom[];
}

/** C's UINT_MAX: ovsdb-server's `n_max` for "unlimited". */
export const UINT_MAX = 4294967295;
const INT64_MAX = 2 ** 63;
export const ZERO_UUID = '00000000-0000-0000-0000-000000000000';

/** A column type with numeric bounds, as the server relaxes them for conditions and mutations. */
export interface DType {
  readonly key: BaseType;
  readonly value?: BaseType | undefined;
  readonly min: number;
  readonly max: number;
}

export function dtype(t: ColumnType): DType {
  return { key: t.key, value: t.value, min: t.min, max: t.max === 'unlimited' ? UINT_MAX : t.max };
}

export const isScalar = (t: DType): boolean => !t.value && t.min === 1 && t.max === 1;
export const isOptionalScalar = (t: DType): boolean => !t.value && t.min === 0 && t.max === 1;
export const isSet = (t: DType): boolean => !t.value && !(t.min === 1 && t.max === 1);
export const isMap = (t: DType): boolean => t.value !== undefined;
export const isComposite = (t: DType): boolean => t.max > 1;

export const newUuid = (): string => randomUUID();

export function compareAtoms(a: Atom, b: Atom, type: AtomicType): number {
  switch (type) {
    case 'integer':
    case 'real':
      return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
    case 'boolean':
      return a === b ? 0 : a ? 1 : -1;
    case 'string':
      return compareStrings(a as string, b as string);
    case 'uuid':
      return a === b ? 0 : (a as string) < (b as string) ? -1 : 1;
  }
}

/** `ovsdb_atomic_type_to_string`, `ovsdb_type_to_english`. */
export function typeToEnglish(t: DType): string {
  if (isScalar(t)) return t.key.type;
  let s = isSet(t) ? 'set' : 'map';
  if (t.max === UINT_MAX) s += t.min ? ` of ${t.min} or more` : ' of';
  else if (t.min) s += ` of ${t.min} to ${t.max}`;
  else s += ` of up to ${t.max}`;
  return isSet(t) ? `${s} ${t.key.type}s` : `${s} (${t.key.type}, ${t.value!.type}) pairs`;
}

function stringNeedsQuotes(s: string): boolean {
  if (!/^[A-Za-z_]/.test(s)) return true;
  if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(s)) return true;
  if (s === 'true' || s === 'false') return true;
  return UUID_RE.test(s);
}

/** `ovsdb_atom_to_string`. */
export function atomToString(a: Atom, type: AtomicType): string {
  switch (type) {
    case 'integer':
      return String(a);
    case 'real':
      return formatG15(a as number);
    case 'boolean':
      return a ? 'true' : 'false';
    case 'string':
      return stringNeedsQuotes(a as string) ? ovsJsonText(a) : (a as string);
    case 'uuid':
      return a as string;
  }
}

/** A named-uuid of the transaction being executed (`struct ovsdb_symbol`). */
export interface UuidSymbol {
  uuid: string;
  created: boolean;
  strongRef: boolean;
  weakRef: boolean;
}
export type SymbolTable = Map<string, UuidSymbol>;

export function symbolInsert(symtab: SymbolTable, name: string): UuidSymbol {
  let s = symtab.get(name);
  if (!s) {
    s = { uuid: newUuid(), created: false, strongRef: false, weakRef: false };
    symtab.set(name, s);
  }
  return s;
}

function unwrap(json: unknown, name: string, valueType: 'string' | 'array'): unknown {
  if (
    Array.isArray(json) &&
    json.length === 2 &&
    typeof json[0] === 'string' &&
    json[0] === name &&
    (valueType === 'string' ? typeof json[1] === 'string' : Array.isArray(json[1]))
  ) {
    return json[1];
  }
  throw syntaxError(json, null, `expected ["${name}", <${valueType}>]`);
}

function parseUuid(json: unknown, symtab: SymbolTable | undefined, base: BaseType): string {
  const isPair = (name: string) =>
    Array.isArray(json) && json.length === 2 && json[0] === name && typeof json[1] === 'string';
  if (isPair('uuid')) {
    const s = (json as string[])[1]!;
    if (!UUID_RE.test(s)) throw syntaxError(json, null, `"${s}" is not a valid UUID`);
    return s.toLowerCase();
  }
  if (!symtab || !isPair('named-uuid')) throw syntaxError(json, null, 'expected ["uuid", <string>]');
  const name = (json as string[])[1]!;
  if (!ID_RE.test(name)) throw syntaxError(json, null, 'named-uuid string is not a valid <id>');
  const sym = symbolInsert(symtab, name);
  if (base.refTable) {
    if (base.refType === 'weak') sym.weakRef = true;
    else sym.strongRef = true;
  }
  return sym.uuid;
}

function atomFromJsonRaw(base: BaseType, json: unknown, symtab: SymbolTable | undefined): Atom {
  switch (base.type) {
    case 'integer':
      if (typeof json === 'number' && Number.isInteger(json) && Math.abs(json) < INT64_MAX) return json;
      break;
    case 'real':
      if (typeof json === 'number') return json;
      break;
    case 'boolean':
      if (typeof json === 'boolean') return json;
      break;
    case 'string':
      if (typeof json === 'string') return json;
      break;
    case 'uuid':
      return parseUuid(json, symtab, base);
  }
  throw syntaxError(json, null, `expected ${base.type}`);
}

/** `ovsdb_atom_check_constraints` (uuid references are checked at commit). */
export function checkAtomConstraints(a: Atom, base: BaseType): void {
  if (
    base.enum &&
    !base.enum.some((e) => compareAtoms(base.type === 'uuid' ? String(e).toLowerCase() : e, a, base.type) === 0)
  ) {
    const sorted = [...base.enum].sort((x, y) => compareAtoms(x, y, base.type));
    throw new OvsdbError(
      'constraint violation',
      `${atomToString(a, base.type)} is not one of the allowed values ([${sorted.map((e) => atomToString(e, base.type)).join(', ')}])`,
    );
  }
  switch (base.type) {
    case 'integer': {
      const n = a as number;
      const min = base.minInteger;
      const max = base.maxInteger;
      if ((min === undefined || n >= min) && (max === undefined || n <= max)) return;
      if (min !== undefined) {
        if (max !== undefined)
          throw new OvsdbError('constraint violation', `${n} is not in the valid range ${min} to ${max} (inclusive)`);
        throw new OvsdbError('constraint violation', `${n} is less than minimum allowed value ${min}`);
      }
      throw new OvsdbError('constraint violation', `${n} is greater than maximum allowed value ${max}`);
    }
    case 'real': {
      const n = a as number;
      const min = base.minReal;
      const max = base.maxReal;
      if ((min === undefined || n >= min) && (max === undefined || n <= max)) return;
      if (min !== undefined) {
        if (max !== undefined) {
          throw new OvsdbError(
            'constraint violation',
            `${formatG15(n)} is not in the valid range ${formatG15(min)} to ${formatG15(max)} (inclusive)`,
          );
        }
        throw new OvsdbError(
          'constraint violation',
          `${formatG15(n)} is less than minimum allowed value ${formatG15(min)}`,
        );
      }
      throw new OvsdbError(
        'constraint violation',
        `${formatG15(n)} is greater than maximum allowed value ${formatG15(max!)}`,
      );
    }
    case 'string': {
      const s = a as string;
      if (base.minLength === undefined && base.maxLength === undefined) return;
      let n = 0;
      for (const _ of s) n++;
      if (base.minLength !== undefined && n < base.minLength) {
        throw new OvsdbError(
          'constraint violation',
          `"${s}" length ${n} is less than minimum allowed length ${base.minLength}`,
        );
      }
      if (base.maxLength !== undefined && n > base.maxLength) {
        throw new OvsdbError(
          'constraint violation',
          `"${s}" length ${n} is greater than maximum allowed length ${base.maxLength}`,
        );
      }
      return;
    }
    default:
      return;
  }
}

export function atomFromJson(base: BaseType, json: unknown, symtab: SymbolTable | undefined): Atom {
  const a = atomFromJsonRaw(base, json, symtab);
  checkAtomConstraints(a, base);
  return a;
}

/** Sorts a datum in place; reports duplicates as ovsdb_datum_sort() does. */
export function sortDatum(d: Datum, type: DType): void {
  const n = d.keys.length;
  if (n < 2) return;
  const kt = type.key.type;
  if (d.values) {
    const idx = d.keys.map((_, i) => i).sort((i, j) => compareAtoms(d.keys[i]!, d.keys[j]!, kt));
    d.keys = idx.map((i) => d.keys[i]!);
    d.values = idx.map((i) => d.values![i]!);
  } else d.keys.sort((x, y) => compareAtoms(x, y, kt));
  for (let i = 0; i < n - 1; i++) {
    if (compareAtoms(d.keys[i]!, d.keys[i + 1]!, kt) === 0) {
      throw new OvsdbError(null, d.values ? 'map contains duplicate key' : 'set contains duplicate');
    }
  }
}

/** `ovsdb_datum_from_json`. */
export function datumFromJson(type: DType, json: unknown, symtab: SymbolTable | undefined): Datum {
  const map = isMap(type);
  let d: Datum;
  if (map || (Array.isArray(json) && json.length > 0 && json[0] === 'set')) {
    const cls = map ? 'map' : 'set';
    const inner = unwrap(json, cls, 'array') as unknown[];
    const n = inner.length;
    if (n < type.min || n > type.max) {
      if (type.min === 1 && type.max === 1)
        throw syntaxError(json, null, `${cls} must have exactly one member but ${n} are present`);
      throw syntaxError(json, null, `${cls} must have ${type.min} to ${type.max} members but ${n} are present`);
    }
    const keys: Atom[] = [];
    const values: Atom[] | undefined = map ? [] : undefined;
    for (const el of inner) {
      if (map) {
        if (!Array.isArray(el) || el.length !== 2) throw syntaxError(el, null, 'expected 2-element array');
        keys.push(atomFromJson(type.key, el[0], symtab));
        values!.push(atomFromJson(type.value!, el[1], symtab));
      } else keys.push(atomFromJson(type.key, el, symtab));
    }
    d = values ? { keys, values } : { keys };
  } else {
    d = { keys: [atomFromJson(type.key, json, symtab)] };
  }
  sortDatum(d, type);
  return d;
}

function atomToJson(a: Atom, type: AtomicType): unknown {
  return type === 'uuid' ? ['uuid', a] : a;
}

/** `ovsdb_datum_to_json`. */
export function datumToJson(d: Datum, type: DType): unknown {
  const kt = type.key.type;
  if (type.value) {
    const vt = type.value.type;
    const pairs = new Array(d.keys.length);
    for (let i = 0; i < d.keys.length; i++) pairs[i] = [atomToJson(d.keys[i]!, kt), atomToJson(d.values![i]!, vt)];
    return ['map', pairs];
  }
  if (d.keys.length === 1) return atomToJson(d.keys[0]!, kt);
  return ['set', d.keys.map((a) => atomToJson(a, kt))];
}

export function defaultAtomOf(t: AtomicType): Atom {
  switch (t) {
    case 'integer':
    case 'real':
      return 0;
    case 'boolean':
      return false;
    case 'string':
      return '';
    case 'uuid':
      return ZERO_UUID;
  }
}

export function defaultDatum(type: DType): Datum {
  if (type.min === 0) return type.value ? { keys: [], values: [] } : { keys: [] };
  return type.value
    ? { keys: [defaultAtomOf(type.key.type)], values: [defaultAtomOf(type.value.type)] }
    : { keys: [defaultAtomOf(type.key.type)] };
}

export function datumEquals(a: Datum, b: Datum, type: DType): boolean {
  if (a === b) return true;
  const n = a.keys.length;
  if (n !== b.keys.length) return false;
  const kt = type.key.type;
  for (let i = 0; i < n; i++) if (compareAtoms(a.keys[i]!, b.keys[i]!, kt) !== 0) return false;
  if (type.value) {
    const vt = type.value.type;
    for (let i = 0; i < n; i++) if (compareAtoms(a.values![i]!, b.values![i]!, vt) !== 0) return false;
  }
  return true;
}

export function isDefault(d: Datum, type: DType): boolean {
  if (type.min === 0) return d.keys.length === 0;
  return datumEquals(d, defaultDatum(type), type);
}

/** Three-way comparison of whole datums (`ovsdb_datum_compare_3way`). */
export function compareDatums(a: Datum, b: Datum, type: DType): number {
  if (a.keys.length !== b.keys.length) return a.keys.length < b.keys.length ? -1 : 1;
  const kt = type.key.type;
  for (let i = 0; i < a.keys.length; i++) {
    const c = compareAtoms(a.keys[i]!, b.keys[i]!, kt);
    if (c) return c;
  }
  if (type.value) {
    const vt = type.value.type;
    for (let i = 0; i < a.keys.length; i++) {
      const c = compareAtoms(a.values![i]!, b.values![i]!, vt);
      if (c) return c;
    }
  }
  return 0;
}

/** Binary search for a key; index or -1. */
export function findKey(d: Datum, key: Atom, kt: AtomicType): number {
  let lo = 0;
  let hi = d.keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = compareAtoms(d.keys[mid]!, key, kt);
    if (c === 0) return mid;
    if (c < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** `ovsdb_datum_diff`: for composite types the symmetric difference (changed map values from `b`). */
export function datumDiff(a: Datum, b: Datum, type: DType): Datum {
  if (!isComposite(type)) return cloneDatum(b);
  const kt = type.key.type;
  const keys: Atom[] = [];
  const values: Atom[] | undefined = type.value ? [] : undefined;
  let i = 0;
  let j = 0;
  while (i < a.keys.length && j < b.keys.length) {
    const c = compareAtoms(a.keys[i]!, b.keys[j]!, kt);
    if (c < 0) {
      keys.push(a.keys[i]!);
      values?.push(a.values![i]!);
      i++;
    } else if (c > 0) {
      keys.push(b.keys[j]!);
      values?.push(b.values![j]!);
      j++;
    } else {
      if (values && compareAtoms(a.values![i]!, b.values![j]!, type.value!.type) !== 0) {
        keys.push(b.keys[j]!);
        values.push(b.values![j]!);
      }
      i++;
      j++;
    }
  }
  for (; i < a.keys.length; i++) {
    keys.push(a.keys[i]!);
    values?.push(a.values![i]!);
  }
  for (; j < b.keys.length; j++) {
    keys.push(b.keys[j]!);
    values?.push(b.values![j]!);
  }
  return values ? { keys, values } : { keys };
}

export function cloneDatum(d: Datum): Datum {
  return d.values ? { keys: d.keys.slice(), values: d.values.slice() } : { keys: d.keys.slice() };
}

/** Index of the first key of `keys` not below `k` (binary search over a sorted datum's keys). */
function lowerBound(keys: readonly Atom[], k: Atom, kt: AtomicType): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareAtoms(keys[mid]!, k, kt) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * `b` is small next to `a`: binary searches and splices (memmove) beat a merge that compares every
 * key of `a` — the common case of a mutate adding or removing a few references to a large set.
 */
const fewInto = (a: Datum, b: Datum) => b.keys.length <= 4 && a.keys.length > 32;

/** `ovsdb_datum_union`: adds keys of `b` missing from `a` (existing map keys keep their values). */
export function datumUnion(a: Datum, b: Datum, type: DType): Datum {
  const kt = type.key.type;
  if (fewInto(a, b)) {
    const keys = a.keys.slice();
    const values = a.values?.slice();
    for (let j = 0; j < b.keys.length; j++) {
      const k = b.keys[j]!;
      const i = lowerBound(keys, k, kt);
      if (i < keys.length && compareAtoms(keys[i]!, k, kt) === 0) continue;
      keys.splice(i, 0, k);
      values?.splice(i, 0, b.values![j]!);
    }
    return values ? { keys, values } : { keys };
  }
  const keys: Atom[] = [];
  const values: Atom[] | undefined = a.values ? [] : undefined;
  let i = 0;
  let j = 0;
  while (i < a.keys.length || j < b.keys.length) {
    const c = i >= a.keys.length ? 1 : j >= b.keys.length ? -1 : compareAtoms(a.keys[i]!, b.keys[j]!, kt);
    if (c <= 0) {
      keys.push(a.keys[i]!);
      values?.push(a.values![i]!);
      i++;
      if (c === 0) j++;
    } else {
      keys.push(b.keys[j]!);
      values?.push(b.values![j]!);
      j++;
    }
  }
  return values ? { keys, values } : { keys };
}

/** `ovsdb_datum_subtract`: removes keys of `b` (pairs must match when both are maps). */
export function datumSubtract(a: Datum, type: DType, b: Datum, bType: DType): Datum {
  const kt = type.key.type;
  const pairs = bType.value !== undefined && type.value !== undefined;
  if (fewInto(a, b)) {
    const keys = a.keys.slice();
    const values = a.values?.slice();
    for (let j = 0; j < b.keys.length; j++) {
      const i = lowerBound(keys, b.keys[j]!, kt);
      if (i >= keys.length || compareAtoms(keys[i]!, b.keys[j]!, kt) !== 0) continue;
      if (pairs && compareAtoms(values![i]!, b.values![j]!, type.value!.type) !== 0) continue;
      keys.splice(i, 1);
      values?.splice(i, 1);
    }
    return values ? { keys, values } : { keys };
  }
  const keys: Atom[] = [];
  const values: Atom[] | undefined = a.values ? [] : undefined;
  let j = 0;
  for (let i = 0; i < a.keys.length; i++) {
    while (j < b.keys.length && compareAtoms(b.keys[j]!, a.keys[i]!, kt) < 0) j++;
    let remove = j < b.keys.length && compareAtoms(b.keys[j]!, a.keys[i]!, kt) === 0;
    if (remove && pairs) remove = compareAtoms(a.values![i]!, b.values![j]!, type.value!.type) === 0;
    if (!remove) {
      keys.push(a.keys[i]!);
      values?.push(a.values![i]!);
    }
  }
  return values ? { keys, values } : { keys };
}

/**
 * `ovsdb_datum_added_removed`: what `n` has that `o` lacks and the reverse (a map pair whose value
 * changed is in both), in one merge. Keys shared by the two are usually the same JS values (a
 * mutation copies them), so `===` settles most steps without a comparison.
 */
export function datumAddedRemoved(o: Datum, n: Datum, type: DType): { added: Datum; removed: Datum } {
  const kt = type.key.type;
  const vt = type.value?.type;
  const addK: Atom[] = [];
  const addV: Atom[] = [];
  const remK: Atom[] = [];
  const remV: Atom[] = [];
  // A common prefix and suffix of identical entries is neither added nor removed: skip them with `===`.
  let i = 0;
  const m = Math.min(o.keys.length, n.keys.length);
  while (i < m && o.keys[i] === n.keys[i] && (!vt || o.values![i] === n.values![i])) i++;
  let oEnd = o.keys.length;
  let nEnd = n.keys.length;
  while (
    oEnd > i &&
    nEnd > i &&
    o.keys[oEnd - 1] === n.keys[nEnd - 1] &&
    (!vt || o.values![oEnd - 1] === n.values![nEnd - 1])
  ) {
    oEnd--;
    nEnd--;
  }
  let j = i;
  while (i < oEnd && j < nEnd) {
    const a = o.keys[i]!;
    const b = n.keys[j]!;
    const c = a === b ? 0 : compareAtoms(a, b, kt);
    if (c < 0) {
      remK.push(a);
      if (vt) remV.push(o.values![i]!);
      i++;
    } else if (c > 0) {
      addK.push(b);
      if (vt) addV.push(n.values![j]!);
      j++;
    } else {
      if (vt) {
        const va = o.values![i]!;
        const vb = n.values![j]!;
        if (va !== vb && compareAtoms(va, vb, vt) !== 0) {
          remK.push(a);
          remV.push(va);
          addK.push(b);
          addV.push(vb);
        }
      }
      i++;
      j++;
    }
  }
  for (; i < oEnd; i++) {
    remK.push(o.keys[i]!);
    if (vt) remV.push(o.values![i]!);
  }
  for (; j < nEnd; j++) {
    addK.push(n.keys[j]!);
    if (vt) addV.push(n.values![j]!);
  }
  return vt
    ? { added: { keys: addK, values: addV }, removed: { keys: remK, values: remV } }
    : { added: { keys: addK }, removed: { keys: remK } };
}

/** `ovsdb_datum_to_string` of a datum (used by index-uniqueness messages). */
export function datumToString(d: Datum, type: DType): string {
  const parts: string[] = [];
  for (let i = 0; i < d.keys.length; i++) {
    let s = atomToString(d.keys[i]!, type.key.type);
    if (type.value) s += '=' + atomToString(d.values![i]!, type.value.type);
    parts.push(s);
  }
  const body = parts.join(', ');
  if (type.max > 1 || d.keys.length === 0) return type.value ? `{${body}}` : `[${body}]`;
  return body;
}
