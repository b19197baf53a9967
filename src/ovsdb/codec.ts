/**
 * The column codec: one decoder compiled per column type, used by every reader of wire data —
 * notation's `datumFromWire`, typed transaction results (typed/results.ts) and the replica cache
 * (cache/plan.ts). It turns a wire datum into the JS datum (see notation.ts for the shapes), gives
 * the value a column has when an update omits it, and applies an update2 `modify` diff
 * (ovsdb-server(7) "update2 notification"). Pure functions: no I/O, no state.
 *
 * Map keys are defined as own properties ({@link setOwn}), so a key `__proto__` (any string is a
 * valid OVSDB map key) stays a plain key; this is the one place that guard lives.
 *
 * The diff rules, as ovsdb-server computes them (`ovsdb_datum_diff`), depend on whether the column
 * type is composite (max > 1):
 * - not composite (atoms and optional columns, min 0 max 1): the diff is the new value itself;
 * - a set: the symmetric difference of old and new — each element of the diff is toggled;
 * - a map: each key only in old is sent with its old value (remove it), each key only in new with
 *   its value (add it), each key in both with a different value with the new value (replace it).
 *   So for a key already present: same value → remove, other value → replace.
 */
import type { BaseType, ColumnType } from './schema.js';
import { columnKind } from './schema.js';
import type { Atom, Datum, WireValue } from './protocol.js';
import { OvsdbValueError, showValue } from './errors.js';

const EMPTY_SET: readonly Atom[] = Object.freeze([]) as readonly Atom[];
const EMPTY_MAP: Readonly<Record<string, Atom>> = Object.freeze({});

type Where = { readonly database?: string; readonly table?: string; readonly column?: string };

/** Options of {@link columnCodec}. */
export interface ColumnCodecOptions {
  /**
   * Accept `["named-uuid", name]` in uuid columns and decode it to `{ namedUuid }` (values the SDK
   * built itself, before the server saw them). Never set for what a server sends. Default false.
   */
  readonly named?: boolean;
}

/** The server fills an omitted column with its type's default, even when that is outside an enum or range. */
export function defaultAtom(b: BaseType): Atom {
  switch (b.type) {
    case 'integer':
      return 0;
    case 'real':
      return 0;
    case 'boolean':
      return false;
    case 'string':
      return '';
    case 'uuid':
      return '00000000-0000-0000-0000-000000000000';
  }
}

/** The JS form of a map key atom (object keys are strings; see notation.ts). */
function mapKeyString(a: Atom): string {
  return typeof a === 'object' ? a.namedUuid : String(a);
}

/**
 * The default of a map column with min 1: one pair of the key and value types' defaults, as
 * `ovsdb_datum_init_default` makes it (a row inserted without the column holds `{"": 0}` for a
 * string → integer map).
 */
export function defaultMap(type: ColumnType): Readonly<Record<string, Atom>> {
  const out: Record<string, Atom> = {};
  setOwn(out, mapKeyString(defaultAtom(type.key)), defaultAtom(type.value!));
  return Object.freeze(out);
}

/** The decoding and diffing of one column type. */
export interface ColumnCodec {
  readonly kind: 'atom' | 'optional' | 'set' | 'map';
  /** max > 1: modify diffs are partial (toggle / per-key), otherwise the diff is the new value. */
  readonly composite: boolean;
  /** The value of a column an insert/initial row omits (the type's default, as the server has it). */
  readonly empty: Datum;
  /** Wire datum → JS datum. @throws {OvsdbValueError} when the notation does not fit the type. */
  decode(w: WireValue): Datum;
  /** Applies an update2 `modify` diff to the current JS value. Never mutates `old`. */
  applyDiff(old: Datum, diff: WireValue): Datum;
}

const JS_TYPEOF: Readonly<Record<BaseType['type'], string>> = {
  integer: 'number',
  real: 'number',
  boolean: 'boolean',
  string: 'string',
  uuid: 'object',
};

/**
 * The atom decoder with the base type's constraints (RFC 7047 §3.2 `<base-type>`: `enum`, `minInteger` /
 * `maxInteger`, `minReal` / `maxReal`, `minLength` / `maxLength`) checked. The type's default atom is
 * always accepted: the server fills omitted columns with it even where it breaks a constraint
 * (`ovsdb_datum_init_default`), and sends it so in `monitor` (v1) rows. Unconstrained types get the
 * plain decoder: no cost on the common path.
 */
function atomDecoder(b: BaseType, where: Where, named: boolean): (a: unknown) => Atom {
  const plain = plainAtomDecoder(b, where, named);
  const checks: ((a: Atom) => string | undefined)[] = [];
  if (b.enum) {
    const allowed = new Set<unknown>(b.enum);
    checks.push((a) => (allowed.has(a) ? undefined : `${showValue(a)} is not one of ${showValue(b.enum)}`));
  }
  if (b.type === 'integer') {
    const { minInteger: lo, maxInteger: hi } = b;
    if (lo !== undefined)
      checks.push((a) => ((a as number) < lo ? `${showValue(a)} is below the minimum ${lo}` : undefined));
    if (hi !== undefined)
      checks.push((a) => ((a as number) > hi ? `${showValue(a)} is above the maximum ${hi}` : undefined));
  } else if (b.type === 'real') {
    const { minReal: lo, maxReal: hi } = b;
    if (lo !== undefined)
      checks.push((a) => ((a as number) < lo ? `${showValue(a)} is below the minimum ${lo}` : undefined));
    if (hi !== undefined)
      checks.push((a) => ((a as number) > hi ? `${showValue(a)} is above the maximum ${hi}` : undefined));
  } else if (b.type === 'string' && (b.minLength !== undefined || b.maxLength !== undefined)) {
    const { minLength: lo = 0, maxLength: hi = Infinity } = b;
    checks.push((a) => {
      // Lengths count characters (code points), as ovsdb counts UTF-8 characters.
      let n = 0;
      for (const _ of a as string) n++;
      return n < lo ? `string is shorter than ${lo}` : n > hi ? `string is longer than ${hi}` : undefined;
    });
  }
  if (checks.length === 0) return plain;
  const dflt = defaultAtom(b);
  return (w) => {
    const a = plain(w);
    if (a === dflt) return a;
    for (let i = 0; i < checks.length; i++) {
      const why = checks[i]!(a);
      if (why !== undefined) throw new OvsdbValueError(why, where, w);
    }
    return a;
  };
}

function plainAtomDecoder(b: BaseType, where: Where, named: boolean): (a: unknown) => Atom {
  const want = JS_TYPEOF[b.type];
  if (b.type === 'uuid') {
    return (a) => {
      if (Array.isArray(a) && a[0] === 'uuid' && typeof a[1] === 'string') return a[1] as string;
      if (named && Array.isArray(a) && a[0] === 'named-uuid' && typeof a[1] === 'string')
        return { namedUuid: a[1] as string };
      throw new OvsdbValueError(`expected ["uuid", …], got ${showValue(a)}`, where, a);
    };
  }
  if (b.type === 'integer') {
    // RFC 7047 §3.1: 64-bit signed. JSON.parse rounds INT64_MAX to 2^63, so that bound is inclusive;
    // a fraction, 1e400 (Infinity) or 1.2e29 is no integer of the column (issue #14).
    // A bigint (the client's BigInt mode, integers beyond 2^53) is exact: INT64_MAX itself is the bound.
    return (a) => {
      if (typeof a === 'bigint') {
        if (a < INT64_MIN_BIG || a > INT64_MAX_BIG)
          throw new OvsdbValueError(`${a} is outside the 64-bit integer range`, where, a);
        return a;
      }
      if (typeof a !== 'number' || !Number.isInteger(a))
        throw new OvsdbValueError(`expected an integer, got ${showValue(a)}`, where, a);
      if (a < -INT64_BOUND || a > INT64_BOUND)
        throw new OvsdbValueError(`${a} is outside the 64-bit integer range`, where, a);
      return a;
    };
  }
  if (b.type === 'real') {
    return (a) => {
      if (typeof a !== 'number' || !Number.isFinite(a))
        throw new OvsdbValueError(`expected a finite real, got ${showValue(a)}`, where, a);
      return a;
    };
  }
  return (a) => {
    if (typeof a !== want) throw new OvsdbValueError(`expected a ${b.type}, got ${showValue(a)}`, where, a);
    return a as Atom;
  };
}

const INT64_BOUND = 2 ** 63;
const INT64_MIN_BIG = -(2n ** 63n);
const INT64_MAX_BIG = 2n ** 63n - 1n;

function mapKey(b: BaseType, where: Where, named: boolean): (a: unknown) => string {
  const constrained = b.enum !== undefined || b.minLength !== undefined || b.maxLength !== undefined;
  if (b.type === 'string' && !constrained) {
    return (a) => {
      if (typeof a !== 'string') throw new OvsdbValueError(`expected a string map key, got ${showValue(a)}`, where, a);
      return a;
    };
  }
  const atom = atomDecoder(b, where, named);
  return (a) => {
    return mapKeyString(atom(a));
  };
}

/** Sets `rec[k] = v`, also for the key `__proto__` (which a plain assignment would turn into a prototype change). */
export function setOwn(rec: Record<string, Atom>, k: string, v: Atom): void {
  if (k === '__proto__')
    Object.defineProperty(rec, k, { value: v, enumerable: true, writable: true, configurable: true });
  else rec[k] = v;
}

/** Elements of a wire set, accepting the one-element shorthand (a bare atom). */
function setAtoms(w: unknown, where: Where): readonly unknown[] {
  if (Array.isArray(w)) {
    if (w[0] === 'set') {
      if (!Array.isArray(w[1])) throw new OvsdbValueError('malformed ["set", …]', where, w);
      return w[1] as unknown[];
    }
    if (w[0] === 'map') throw new OvsdbValueError('expected a set or an atom, got a map', where, w);
  }
  return [w];
}

function mapPairs(w: unknown, where: Where): readonly (readonly [unknown, unknown])[] {
  if (!(Array.isArray(w) && w[0] === 'map' && Array.isArray(w[1])))
    throw new OvsdbValueError(`expected ["map", …], got ${showValue(w)}`, where, w);
  const pairs = w[1] as unknown[];
  for (const p of pairs)
    if (!Array.isArray(p) || p.length !== 2) throw new OvsdbValueError(`malformed map pair ${showValue(p)}`, where, p);
  return pairs as (readonly [unknown, unknown])[];
}

/**
 * Builds the codec of a column type.
 * @example
 *   const c = columnCodec({ key: { type: 'string' }, min: 0, max: 'unlimited' });
 *   c.applyDiff(['a', 'b'], ['set', ['b', 'c']]); // ['a', 'c']
 */
export function columnCodec(type: ColumnType, where: Where = {}, opts: ColumnCodecOptions = {}): ColumnCodec {
  const kind = columnKind(type);
  const composite = type.max === 'unlimited' || type.max > 1;
  const named = opts.named === true;
  const maxN = type.max === 'unlimited' ? Infinity : type.max;
  /** RFC 7047 §3.2: a set or map has between `min` and `max` elements. */
  const checkSize = (n: number, w: unknown): void => {
    if (n < type.min || n > maxN)
      throw new OvsdbValueError(
        `${kind === 'map' ? 'map has' : 'set has'} ${n} ${kind === 'map' ? 'pairs' : 'elements'}, allowed ${type.min}..${type.max}`,
        where,
        w,
      );
  };
  const atom = atomDecoder(type.key, where, named);
  if (kind === 'map') {
    const key = mapKey(type.key, where, named);
    const val = atomDecoder(type.value!, where, named);
    const decode = (w: WireValue): Datum => {
      const pairs = mapPairs(w, where);
      checkSize(pairs.length, w);
      if (pairs.length === 0) return EMPTY_MAP;
      const out: Record<string, Atom> = {};
      for (let i = 0; i < pairs.length; i++) {
        const p = pairs[i]!;
        setOwn(out, key(p[0]), val(p[1]));
      }
      return out;
    };
    return {
      kind,
      composite,
      empty: type.min === 0 ? EMPTY_MAP : defaultMap(type),
      decode,
      applyDiff(old, diff) {
        if (!composite) return decode(diff);
        const pairs = mapPairs(diff, where);
        if (pairs.length === 0) return old;
        // Spread copies with CreateDataProperty, so a "__proto__" key stays a plain key.
        const out: Record<string, Atom> = { ...((old ?? EMPTY_MAP) as Record<string, Atom>) };
        let removed = false;
        for (let i = 0; i < pairs.length; i++) {
          const p = pairs[i]!;
          const k = key(p[0]);
          const v = val(p[1]);
          if (Object.prototype.hasOwnProperty.call(out, k) && out[k] === v) {
            delete out[k];
            removed = true;
          } else setOwn(out, k, v);
        }
        if (type.min > 0 || maxN !== Infinity) checkSize(Object.keys(out).length, diff);
        return removed && Object.keys(out).length === 0 ? EMPTY_MAP : out;
      },
    };
  }
  if (kind === 'atom') {
    const decode = (w: WireValue): Datum => {
      // ovsdb-server may wrap even a scalar as a one-element set.
      if (Array.isArray(w) && w[0] === 'set') {
        const atoms = setAtoms(w, where);
        if (atoms.length !== 1) throw new OvsdbValueError(`expected one atom, got ${atoms.length}`, where, w);
        return atom(atoms[0]);
      }
      return atom(w);
    };
    return { kind, composite, empty: defaultAtom(type.key), decode, applyDiff: (_old, diff) => decode(diff) };
  }
  if (kind === 'optional') {
    const decode = (w: WireValue): Datum => {
      const atoms = setAtoms(w, where);
      if (atoms.length > 1) throw new OvsdbValueError(`expected at most one atom, got ${atoms.length}`, where, w);
      return atoms.length === 0 ? undefined : atom(atoms[0]);
    };
    return { kind, composite, empty: undefined, decode, applyDiff: (_old, diff) => decode(diff) };
  }
  // A set: min 0 or 1, max > 1 (composite) — or min 1 max 1 handled above as an atom.
  const decode = (w: WireValue): Datum => {
    const atoms = setAtoms(w, where);
    checkSize(atoms.length, w);
    if (atoms.length === 0) return EMPTY_SET;
    const out = new Array<Atom>(atoms.length);
    for (let i = 0; i < atoms.length; i++) out[i] = atom(atoms[i]);
    return out;
  };
  const empty: Datum = type.min === 0 ? EMPTY_SET : Object.freeze([defaultAtom(type.key)]);
  return {
    kind,
    composite,
    empty,
    decode,
    applyDiff(old, diff) {
      if (!composite) return decode(diff);
      const atoms = setAtoms(diff, where);
      if (atoms.length === 0) return old;
      const s = new Set<Atom>((old ?? EMPTY_SET) as readonly Atom[]);
      for (let i = 0; i < atoms.length; i++) {
        const a = atom(atoms[i]);
        if (!s.delete(a)) s.add(a);
      }
      checkSize(s.size, diff);
      return s.size === 0 ? EMPTY_SET : Array.from(s);
    },
  };
}

// Compiled codecs per column type and location, for decoders called per value (notation's
// datumFromWire, typed results): schema column types are long-lived objects, so this stays small.
const memo = new WeakMap<ColumnType, Map<string, ColumnCodec>>();

/** {@link columnCodec}, compiled once per column type, location and options. */
export function codecFor(type: ColumnType, where: Where = {}, opts: ColumnCodecOptions = {}): ColumnCodec {
  let byWhere = memo.get(type);
  if (!byWhere) {
    byWhere = new Map();
    memo.set(type, byWhere);
  }
  const k = `${opts.named ? 'N' : ''}\u0000${where.database ?? ''}\u0000${where.table ?? ''}\u0000${where.column ?? ''}`;
  let c = byWhere.get(k);
  if (!c) {
    c = columnCodec(type, where, opts);
    byWhere.set(k, c);
  }
  return c;
}
