/**
 * `<condition>`s (RFC 7047 §5.1, ovsdb/condition.c): parsing with the server's type relaxations and
 * errors, and evaluation against a row.
 */
import type { Datum, DType, SymbolTable } from './datum.js';
import {
  compareAtoms,
  datumEquals,
  datumFromJson,
  findKey,
  isOptionalScalar,
  isScalar,
  typeToEnglish,
} from './datum.js';
import { syntaxError } from './errors.js';
import type { Column, Row, Table } from './table.js';
import { field } from './table.js';

export type CondFunction = '<' | '<=' | '==' | '!=' | '>=' | '>' | 'includes' | 'excludes';
const FUNCTIONS: readonly string[] = ['<', '<=', '==', '!=', '>=', '>', 'includes', 'excludes'];

export type Clause =
  { readonly fn: 'true' | 'false' } | { readonly fn: CondFunction; readonly column: Column; readonly arg: Datum };

export function parseClause(table: Table, json: unknown, symtab: SymbolTable | undefined): Clause {
  if (json === true || json === false) return { fn: json ? 'true' : 'false' };
  if (!Array.isArray(json) || json.length !== 3 || typeof json[0] !== 'string' || typeof json[1] !== 'string') {
    throw syntaxError(json, null, 'Parse error in condition.');
  }
  const column = table.byName.get(json[0]);
  if (!column) throw syntaxError(json, 'unknown column', `No column ${json[0]} in table ${table.name}.`);
  const fn = json[1];
  if (!FUNCTIONS.includes(fn)) throw syntaxError(undefined, 'unknown function', `No function named ${fn}.`);
  let t: DType = column.type;
  switch (fn) {
    case '<':
    case '<=':
    case '>':
    case '>=':
      if (!(isScalar(t) || isOptionalScalar(t)) || (t.key.type !== 'integer' && t.key.type !== 'real')) {
        throw syntaxError(
          json,
          null,
          `Type mismatch: "${fn}" operator may not be applied to column ${column.name} of type ${typeToEnglish(t)}.`,
        );
      }
      t = { ...t, min: 1 };
      break;
    case 'excludes':
      if (!isScalar(t)) t = { ...t, min: 0, max: 4294967295 };
      break;
    case 'includes':
      if (!isScalar(t)) t = { ...t, min: 0 };
      break;
  }
  return { fn: fn as CondFunction, column, arg: datumFromJson(t, json[2], symtab) };
}

/** `ovsdb_condition_from_json`. */
export function parseCondition(table: Table, json: unknown, symtab: SymbolTable | undefined): Clause[] {
  const arr = json as unknown[];
  return arr.map((c) => parseClause(table, c, symtab));
}

function includesAll(a: Datum, b: Datum, t: DType): boolean {
  if (a.keys.length > b.keys.length) return false;
  for (let i = 0; i < a.keys.length; i++) if (!contains(b, a, i, t)) return false;
  return true;
}

function excludesAll(a: Datum, b: Datum, t: DType): boolean {
  for (let i = 0; i < a.keys.length; i++) if (contains(b, a, i, t)) return false;
  return true;
}

/** Whether `b` holds element `i` of `a` (the pair, for maps). */
function contains(b: Datum, a: Datum, i: number, t: DType): boolean {
  const j = findKey(b, a.keys[i]!, t.key.type);
  if (j < 0) return false;
  return !t.value || compareAtoms(a.values![i]!, b.values![j]!, t.value.type) === 0;
}

export function evaluateClause(c: Clause, row: Row): boolean {
  if (!('column' in c)) return c.fn === 'true';
  const t = c.column.type;
  const f = field(row, c.column);
  const arg = c.arg;
  const scalarish = isScalar(t) || isOptionalScalar(t);
  if (isOptionalScalar(t) && f.keys.length === 0 && (c.fn === '<' || c.fn === '<=' || c.fn === '>' || c.fn === '>='))
    return false;
  if (scalarish && f.keys.length === 1 && arg.keys.length === 1) {
    const cmp = compareAtoms(f.keys[0]!, arg.keys[0]!, t.key.type);
    switch (c.fn) {
      case '<':
        return cmp < 0;
      case '<=':
        return cmp <= 0;
      case '==':
      case 'includes':
        return cmp === 0;
      case '!=':
      case 'excludes':
        return cmp !== 0;
      case '>=':
        return cmp >= 0;
      case '>':
        return cmp > 0;
    }
  }
  switch (c.fn) {
    case '==':
      return datumEquals(f, arg, t);
    case '!=':
      return !datumEquals(f, arg, t);
    case 'includes':
      return includesAll(arg, f, t);
    case 'excludes':
      return excludesAll(arg, f, t);
    default:
      return false;
  }
}

export function evaluate(cond: readonly Clause[], row: Row): boolean {
  for (const c of cond) if (!evaluateClause(c, row)) return false;
  return true;
}

/** A `["_uuid", "==", uuid]` clause lets a query look the row up instead of scanning. */
export function uuidLookup(cond: readonly Clause[]): string | undefined {
  for (const c of cond) {
    if ('column' in c && c.fn === '==' && c.column.index === -1 && c.arg.keys.length === 1)
      return c.arg.keys[0] as string;
  }
  return undefined;
}
