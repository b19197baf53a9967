/**
 * update2 diffs over the full range: for random old/new values of set, map and optional columns,
 * a diff built the way ovsdb-server builds it (ovsdb_datum_diff) applied to old gives new.
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { columnCodec } from '../../../../src/ovsdb/codec.js';
import type { ColumnType, WireAtom, WireValue } from '../../../../src/ovsdb/index.js';

const uuidArb = fc.uuid().map((u) => u.toLowerCase());
const atomArbs = {
  integer: fc.oneof(
    fc.integer(),
    fc.maxSafeInteger(),
    fc.constantFrom(Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, 0),
  ),
  real: fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => (Object.is(d, -0) ? 0 : d)),
  boolean: fc.boolean(),
  string: fc.string({ unit: 'binary', maxLength: 12 }),
  uuid: uuidArb,
} as const;
type T = keyof typeof atomArbs;
const TYPES: T[] = ['integer', 'real', 'boolean', 'string', 'uuid'];

const toWire = (t: T, a: unknown): WireAtom => (t === 'uuid' ? ['uuid', a as string] : (a as WireAtom));
const jsKey = (t: T, a: unknown): string => String(a);

/** Builds the wire set diff the server would send: the symmetric difference. */
function setDiff<A>(oldS: readonly A[], newS: readonly A[]): A[] {
  const o = new Set(oldS);
  const n = new Set(newS);
  return [...oldS.filter((x) => !n.has(x)), ...newS.filter((x) => !o.has(x))];
}

describe('update2 diff application (property)', () => {
  for (const t of TYPES) {
    test(`set of ${t}: old ⊕ diff = new, order aside`, () => {
      const type: ColumnType = { key: { type: t }, min: 0, max: 'unlimited' };
      const c = columnCodec(type);
      const arr = fc.uniqueArray(atomArbs[t] as fc.Arbitrary<unknown>, { maxLength: 8, selector: (x) => x });
      fc.assert(
        fc.property(arr, arr, fc.boolean(), (oldS, newS, shorthand) => {
          const diffAtoms = setDiff(oldS, newS).map((a) => toWire(t, a));
          const wire: WireValue = shorthand && diffAtoms.length === 1 ? diffAtoms[0]! : ['set', diffAtoms];
          const oldJs = c.decode(['set', oldS.map((a) => toWire(t, a))]);
          const got = c.applyDiff(oldJs, wire) as unknown[];
          expect(new Set(got)).toEqual(new Set(newS));
          expect(got.length).toBe(newS.length);
        }),
        { numRuns: 150 },
      );
    });
  }

  for (const kt of TYPES) {
    const vt: T = TYPES[(TYPES.indexOf(kt) + 3) % TYPES.length]!;
    test(`map ${kt} → ${vt}: added, removed and changed keys`, () => {
      const type: ColumnType = { key: { type: kt }, value: { type: vt }, min: 0, max: 'unlimited' };
      const c = columnCodec(type);
      const entries = fc.uniqueArray(
        fc.tuple(atomArbs[kt] as fc.Arbitrary<unknown>, atomArbs[vt] as fc.Arbitrary<unknown>),
        {
          maxLength: 8,
          selector: (e) => jsKey(kt, e[0]),
        },
      );
      fc.assert(
        fc.property(entries, entries, (oldE, newE) => {
          const oldM = new Map(oldE.map(([k, v]) => [jsKey(kt, k), [k, v] as const]));
          const newM = new Map(newE.map(([k, v]) => [jsKey(kt, k), [k, v] as const]));
          const diff: [WireAtom, WireAtom][] = [];
          for (const [jk, [k, v]] of oldM) if (!newM.has(jk)) diff.push([toWire(kt, k), toWire(vt, v)]);
          for (const [jk, [k, v]] of newM) {
            const o = oldM.get(jk);
            if (!o || o[1] !== v) diff.push([toWire(kt, k), toWire(vt, v)]);
          }
          const oldJs = c.decode(['map', oldE.map(([k, v]) => [toWire(kt, k), toWire(vt, v)] as const)]);
          const newJs = c.decode(['map', newE.map(([k, v]) => [toWire(kt, k), toWire(vt, v)] as const)]);
          expect(c.applyDiff(oldJs, ['map', diff])).toEqual(newJs);
        }),
        { numRuns: 150 },
      );
    });
  }

  for (const t of TYPES) {
    test(`optional ${t}: the diff is the new value`, () => {
      const c = columnCodec({ key: { type: t }, min: 0, max: 1 });
      const opt = fc.option(atomArbs[t] as fc.Arbitrary<unknown>, { nil: undefined });
      fc.assert(
        fc.property(opt, opt, (o, n) => {
          const w = (x: unknown): WireValue => (x === undefined ? ['set', []] : toWire(t, x));
          expect(c.applyDiff(c.decode(w(o)), w(n))).toEqual(n);
        }),
        { numRuns: 100 },
      );
    });
  }

  test('applying the same set diff twice restores the old value (the diff is its own inverse)', () => {
    const c = columnCodec({ key: { type: 'string' }, min: 0, max: 'unlimited' });
    const arr = fc.uniqueArray(fc.string({ unit: 'grapheme', maxLength: 6 }), { maxLength: 10 });
    fc.assert(
      fc.property(arr, arr, (a, b) => {
        const d: WireValue = ['set', setDiff(a, b)];
        expect(new Set(c.applyDiff(c.applyDiff(a, d), d) as string[])).toEqual(new Set(a));
      }),
      { numRuns: 200 },
    );
  });
});
