/**
 * fast-check arbitraries for values of any column of any schema, over the full range its
 * constraints allow (JS shapes of the generated models). References are drawn from a pool the
 * caller supplies.
 */
import fc from 'fast-check';
import type { BaseType, ColumnSchema, ColumnType } from '../../../../src/ovsdb/schema.js';
import { columnKind } from '../../../../src/ovsdb/schema.js';

export type RefPool = (table: string) => readonly unknown[];

// The oracle here is `ovsdb-client transact`, which prints reals again before sending them: near DBL_MIN and
// DBL_MAX its text reads back out of range and the server drops it, so the draw stays inside what it can send
// (the SDK itself sends every normal double: validator-parity.test.ts).
const REAL_ABS_MIN = 1e-307;
const REAL_ABS_MAX = 1e308;

/** Integers over the whole 64-bit range that a JS number can hold. */
const INT_MIN = -(2 ** 63) + 1024; // the smallest double above -2^63
const INT_MAX = 2 ** 63 - 1024; // the largest double below 2^63

/**
 * Any Unicode scalar value except NUL (ovsdb-server's JSON parser refuses NUL; lone surrogates
 * cannot be encoded): ASCII weighted up so that short strings are readable.
 */
const CODE_POINT = fc
  .oneof(
    { weight: 3, arbitrary: fc.integer({ min: 0x20, max: 0x7e }) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 0xd7ff }) },
    { weight: 1, arbitrary: fc.integer({ min: 0xe000, max: 0x10ffff }) },
  )
  .map((cp) => String.fromCodePoint(cp));

/** Strings whose length in code points is within [min, max]. */
function stringArb(b: BaseType): fc.Arbitrary<string> {
  const minLength = b.minLength ?? 0;
  const maxLength = Math.min(b.maxLength ?? minLength + 12, minLength + 12);
  return fc.string({ unit: CODE_POINT, minLength, maxLength });
}

export function atomArb(b: BaseType, refs: RefPool): fc.Arbitrary<unknown> {
  if (b.enum && b.enum.length && b.type !== 'uuid') return fc.constantFrom(...b.enum);
  switch (b.type) {
    case 'integer':
      return fc
        .bigInt({
          min: BigInt(Math.max(b.minInteger ?? INT_MIN, INT_MIN)),
          max: BigInt(Math.min(b.maxInteger ?? INT_MAX, INT_MAX)),
        })
        .map(Number)
        .filter((n) => n >= (b.minInteger ?? INT_MIN) && n <= (b.maxInteger ?? INT_MAX) && Math.abs(n) < 2 ** 63);
    case 'real':
      return fc
        .double({
          min: b.minReal ?? -REAL_ABS_MAX,
          max: b.maxReal ?? REAL_ABS_MAX,
          noNaN: true,
          noDefaultInfinity: true,
        })
        .filter((x) => x === 0 || Math.abs(x) >= REAL_ABS_MIN)
        .map((x) => (Object.is(x, -0) ? 0 : x));
    case 'boolean':
      return fc.boolean();
    case 'string':
      return stringArb(b);
    case 'uuid': {
      if (!b.refTable) return fc.uuid();
      const pool = refs(b.refTable);
      return pool.length ? fc.constantFrom(...pool) : fc.constant(undefined);
    }
  }
}

const keyOf = (v: unknown) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : `${typeof v}:${String(v)}`);

/** A JS datum of the column's type; `sizeRoom` caps the number of elements of sets and maps. */
export function datumArb(t: ColumnType, refs: RefPool, sizeRoom = Infinity): fc.Arbitrary<unknown> {
  const kind = columnKind(t);
  const max = Math.min(t.max === 'unlimited' ? 5 : t.max, 5, sizeRoom);
  if (kind === 'atom') return atomArb(t.key, refs);
  if (kind === 'optional') return fc.option(atomArb(t.key, refs), { nil: undefined });
  if (kind === 'set') {
    const isRef = t.key.type === 'uuid' && t.key.refTable !== undefined;
    const poolSize = isRef ? refs(t.key.refTable!).length : Infinity;
    return fc.uniqueArray(atomArb(t.key, refs), {
      minLength: Math.min(t.min, max),
      maxLength: Math.min(max, poolSize),
      selector: keyOf,
    });
  }
  // Map: keys are JS object keys (strings); integer keys as their decimal text.
  const keyArb = atomArb(t.key, refs).map((k) => String(k));
  return fc
    .uniqueArray(fc.tuple(keyArb, atomArb(t.value!, refs)), {
      minLength: Math.min(t.min, max),
      maxLength: max,
      selector: ([k]) => k,
    })
    .map((pairs) => Object.fromEntries(pairs));
}

/** Whether a column can take a value here (a reference column needs a pool of its table). */
export function canFill(c: ColumnSchema, refs: RefPool): boolean {
  const need = (b: BaseType | undefined) => !b || b.type !== 'uuid' || !b.refTable || refs(b.refTable).length > 0;
  return need(c.type.key) && need(c.type.value);
}
