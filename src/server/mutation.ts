/**
 * `<mutation>`s (RFC 7047 §5.1, ovsdb/mutation.c): parsing with the server's type rules and errors,
 * and applying them to a row, integer arithmetic checked for 64-bit overflow as the server does.
 */
import type { Atom, Datum, DType, SymbolTable } from './datum.js';
import {
  checkAtomConstraints,
  datumFromJson,
  datumSubtract,
  datumUnion,
  isMap,
  isScalar,
  isSet,
  sortDatum,
  typeToEnglish,
  UINT_MAX,
} from './datum.js';
import { OvsdbError, syntaxError } from './errors.js';
import type { Column, Row, Table } from './table.js';

export type Mutator = '+=' | '-=' | '*=' | '/=' | '%=' | 'insert' | 'delete';
const MUTATORS: readonly string[] = ['+=', '-=', '*=', '/=', '%=', 'insert', 'delete'];

export interface Mutation {
  readonly column: Column;
  readonly mutator: Mutator;
  readonly arg: Datum;
  readonly argType: DType;
}

function typeMismatch(m: string, col: Column, json: unknown): OvsdbError {
  return syntaxError(
    json,
    null,
    `Type mismatch: "${m}" operator may not be applied to column ${col.name} of type ${typeToEnglish(col.type)}.`,
  );
}

export function parseMutation(table: Table, json: unknown, symtab: SymbolTable | undefined): Mutation {
  if (!Array.isArray(json) || json.length !== 3 || typeof json[0] !== 'string' || typeof json[1] !== 'string') {
    throw syntaxError(json, null, 'Parse error in mutation.');
  }
  const column = table.byName.get(json[0]);
  if (!column) throw syntaxError(json, 'unknown column', `No column ${json[0]} in table ${table.name}.`);
  if (!column.mutable || column.index < 0)
    throw syntaxError(
      json,
      'constraint violation',
      `Cannot mutate immutable column ${json[0]} in table ${table.name}.`,
    );
  const m = json[1];
  if (!MUTATORS.includes(m)) throw syntaxError(undefined, 'unknown mutator', `No mutator named ${m}.`);
  const t = column.type;
  let argType: DType;
  let arg: Datum;
  switch (m) {
    case '+=':
    case '-=':
    case '*=':
    case '/=':
    case '%=':
      if (
        (!isScalar(t) && !isSet(t)) ||
        (t.key.type !== 'integer' && t.key.type !== 'real') ||
        (m === '%=' && t.key.type === 'real')
      ) {
        throw typeMismatch(m, column, json);
      }
      argType = { key: { type: t.key.type }, min: 1, max: 1 };
      arg = datumFromJson(argType, json[2], symtab);
      break;
    default: {
      if (!isSet(t) && !isMap(t)) throw typeMismatch(m, column, json);
      argType = { ...t, min: 0, max: m === 'delete' ? UINT_MAX : t.max };
      try {
        arg = datumFromJson(argType, json[2], symtab);
      } catch (e) {
        if (!(isMap(t) && m === 'delete')) throw e;
        // "delete" on a map also takes a set of keys.
        argType = { key: t.key, min: 0, max: UINT_MAX };
        arg = datumFromJson(argType, json[2], symtab);
      }
    }
  }
  return { column, mutator: m as Mutator, arg, argType };
}

const I64_MAX = 2 ** 63 - 1;
const I64_MIN = -(2 ** 63);

function mutateInt(x: number, y: number, m: Mutator): number | 'dom' | 'range' {
  let r: number;
  switch (m) {
    case '+=':
      r = x + y;
      break;
    case '-=':
      r = x - y;
      break;
    case '*=':
      r = x * y;
      break;
    case '/=':
      if (y === 0) return 'dom';
      r = Math.trunc(x / y);
      break;
    default:
      if (y === 0) return 'dom';
      r = x % y;
      if (Object.is(r, -0)) r = 0;
  }
  if (r > I64_MAX || r < I64_MIN) return 'range';
  return r;
}

function mutateReal(x: number, y: number, m: Mutator): number | 'dom' | 'range' {
  let r: number;
  switch (m) {
    case '+=':
      r = x + y;
      break;
    case '-=':
      r = x - y;
      break;
    case '*=':
      r = x * y;
      break;
    default:
      if (y === 0) return 'dom';
      r = x / y;
  }
  if (!(r >= -Number.MAX_VALUE && r <= Number.MAX_VALUE)) return 'range';
  return r;
}

/** Applies mutations to a transaction's copy of a row (`ovsdb_mutation_set_execute`). */
export function applyMutations(row: Row, muts: readonly Mutation[]): void {
  for (const mu of muts) {
    const t = mu.column.type;
    const i = mu.column.index;
    const dst = row.fields[i]!;
    switch (mu.mutator) {
      case 'insert':
      case 'delete': {
        const nd = mu.mutator === 'insert' ? datumUnion(dst, mu.arg, t) : datumSubtract(dst, t, mu.arg, mu.argType);
        if (nd.keys.length < t.min || nd.keys.length > t.max) {
          throw new OvsdbError(
            'constraint violation',
            `Attempted to store ${nd.keys.length} elements in ${typeToEnglish(t)}.`,
          );
        }
        row.fields[i] = nd;
        break;
      }
      default: {
        const y = mu.arg.keys[0] as number;
        const keys: Atom[] = [];
        for (const x of dst.keys) {
          const r =
            t.key.type === 'integer' ? mutateInt(x as number, y, mu.mutator) : mutateReal(x as number, y, mu.mutator);
          if (r === 'dom') throw new OvsdbError('domain error', 'Division by zero.');
          if (r === 'range')
            throw new OvsdbError('range error', `Result of "${mu.mutator}" operation is out of range.`);
          keys.push(r);
        }
        for (const k of keys) checkAtomConstraints(k, t.key);
        const nd: Datum = { keys };
        try {
          sortDatum(nd, t);
        } catch {
          throw new OvsdbError('constraint violation', `Result of "${mu.mutator}" operation contains duplicates.`);
        }
        row.fields[i] = nd;
      }
    }
  }
}
