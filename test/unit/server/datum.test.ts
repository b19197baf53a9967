/** Pure tests of the server's value layer and OVS-compatible JSON text. */
import { describe, expect, test } from 'vitest';
import {
  datumFromJson,
  datumDiff,
  datumToJson,
  dtype,
  typeToEnglish,
  atomToString,
  UINT_MAX,
  compareAtoms,
  datumAddedRemoved,
  datumSubtract,
  datumUnion,
  type Atom,
  type Datum,
} from '../../../src/server/datum.js';
import { xorshift32 } from '../../../src/testing/random.js';
import { formatG15, ovsJsonText, compareStrings } from '../../../src/server/json-text.js';
import { OvsdbError } from '../../../src/server/errors.js';
import type { ColumnType } from '../../../src/ovsdb/schema.js';

const set = (key: ColumnType['key'], min = 0, max: number | 'unlimited' = 'unlimited'): ColumnType => ({
  key,
  min,
  max,
});
const pick = <T>(r: () => number, xs: readonly T[]): T => xs[r() % xs.length]!;
const err = (f: () => unknown): Record<string, string> => {
  try {
    f();
  } catch (e) {
    if (e instanceof OvsdbError) return e.toJson();
    throw e;
  }
  throw new Error('no error');
};

describe('json-text (lib/json.c)', () => {
  test('%.15g', () => {
    expect(formatG15(1.5)).toBe('1.5');
    expect(formatG15(0.1 + 0.2)).toBe('0.3');
    expect(formatG15(1e20)).toBe('1e+20');
    expect(formatG15(1.25e-7)).toBe('1.25e-07');
    expect(formatG15(1.2345678901234568e17)).toBe('1.23456789012346e+17');
    expect(formatG15(-0.0001)).toBe('-0.0001');
  });
  test('sorted keys, OVS escapes, integers vs reals', () => {
    expect(ovsJsonText({ b: 1, a: [true, null, 'x"\\\n\u0001é'], c: 2.5 })).toBe(
      '{"a":[true,null,"x\\"\\\\\\n\\u0001é"],"b":1,"c":2.5}',
    );
  });
  test('strings compare in UTF-8 byte order', () => {
    expect(compareStrings('\uffff', '\u{10000}')).toBeLessThan(0);
    expect(compareStrings('a', 'b')).toBeLessThan(0);
  });
});

describe('datum (lib/ovsdb-data.c)', () => {
  const strSet = dtype(set({ type: 'string' }, 0, 2));
  test('parses, sorts and writes back as the server does', () => {
    const d = datumFromJson(strSet, ['set', ['b', 'a']], undefined);
    expect(d.keys).toEqual(['a', 'b']);
    expect(datumToJson(d, strSet)).toEqual(['set', ['a', 'b']]);
    expect(datumToJson(datumFromJson(strSet, 'x', undefined), strSet)).toBe('x');
  });
  test('error strings', () => {
    expect(err(() => datumFromJson(strSet, ['set', ['a', 'b', 'c']], undefined))).toEqual({
      error: 'syntax error',
      details: 'set must have 0 to 2 members but 3 are present',
      syntax: '["set",["a","b","c"]]',
    });
    expect(err(() => datumFromJson(strSet, ['set', ['a', 'a']], undefined))).toEqual({
      error: 'ovsdb error',
      details: 'set contains duplicate',
    });
    const int = dtype({ key: { type: 'integer', minInteger: 1, maxInteger: 5 }, min: 1, max: 1 });
    expect(err(() => datumFromJson(int, 7, undefined)).details).toBe('7 is not in the valid range 1 to 5 (inclusive)');
    expect(err(() => datumFromJson(int, 1.5, undefined))).toEqual({
      error: 'syntax error',
      details: 'expected integer',
      syntax: '1.5',
    });
    const en = dtype({ key: { type: 'string', enum: ['to-lport', 'from-lport'] }, min: 1, max: 1 });
    expect(err(() => datumFromJson(en, 'x', undefined)).details).toBe(
      'x is not one of the allowed values ([from-lport, to-lport])',
    );
    const ref = dtype({ key: { type: 'uuid', refTable: 'T', refType: 'strong' }, min: 1, max: 1 });
    expect(err(() => datumFromJson(ref, ['uuid', 'zz'], undefined)).details).toBe('"zz" is not a valid UUID');
    expect(err(() => datumFromJson(ref, ['named-uuid', 'a'], undefined)).details).toBe('expected ["uuid", <string>]');
  });
  test('type in English and atoms as strings', () => {
    expect(typeToEnglish(dtype(set({ type: 'string' })))).toBe('set of strings');
    expect(typeToEnglish(dtype({ key: { type: 'string' }, value: { type: 'integer' }, min: 0, max: 3 }))).toBe(
      'map of up to 3 (string, integer) pairs',
    );
    expect(typeToEnglish({ key: { type: 'uuid' }, min: 1, max: UINT_MAX })).toBe('set of 1 or more uuids');
    expect(atomToString('abc', 'string')).toBe('abc');
    expect(atomToString('10.0.0.1', 'string')).toBe('"10.0.0.1"');
    expect(atomToString('true', 'string')).toBe('"true"');
  });
  test('diff: symmetric difference for sets, changed values for maps', () => {
    const m = dtype({ key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' });
    const a = datumFromJson(
      m,
      [
        'map',
        [
          ['a', '1'],
          ['b', '2'],
        ],
      ],
      undefined,
    );
    const b = datumFromJson(
      m,
      [
        'map',
        [
          ['b', '3'],
          ['c', '4'],
        ],
      ],
      undefined,
    );
    expect(datumToJson(datumDiff(a, b, m), m)).toEqual([
      'map',
      [
        ['a', '1'],
        ['b', '3'],
        ['c', '4'],
      ],
    ]);
  });
});

describe('set algebra: the binary-search paths agree with a naive model', () => {
  // Keys drawn from a small pool so that the two datums overlap; sizes on both sides of the
  // few-into-many threshold (b ≤ 4 keys, a > 32), maps with equal and different values.
  const types: [string, ColumnType][] = [
    ['uuid set', set({ type: 'uuid' })],
    ['string set', set({ type: 'string' })],
    ['integer set', set({ type: 'integer' })],
    ['string→string map', { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' }],
  ];
  const r = xorshift32(99);
  const atom = (t: string): Atom =>
    t === 'integer'
      ? (r() % 200) - 100
      : t === 'uuid'
        ? `${(r() % 200).toString(16).padStart(8, '0')}-0000-0000-0000-000000000000`
        : `k${r() % 200}é`;
  const datumOf = (t: ColumnType, n: number): Datum => {
    const m = new Map<Atom, Atom>();
    while (m.size < n) m.set(atom(t.key.type), `v${r() % 3}`);
    const keys = [...m.keys()].sort((x, y) => compareAtoms(x, y, t.key.type));
    return t.value ? { keys, values: keys.map((k) => m.get(k)!) } : { keys };
  };
  const pairs = (d: Datum) => d.keys.map((k, i) => [k, d.values?.[i]] as const);
  const sorted = (t: ColumnType, ps: (readonly [Atom, Atom | undefined])[]): Datum => {
    const s = [...ps].sort((x, y) => compareAtoms(x[0], y[0], t.key.type));
    return t.value ? { keys: s.map((p) => p[0]), values: s.map((p) => p[1]!) } : { keys: s.map((p) => p[0]) };
  };
  for (const [name, t] of types) {
    test(name, () => {
      const dt = dtype(t);
      for (let iter = 0; iter < 400; iter++) {
        const a = datumOf(t, pick(r, [0, 3, 33, 60]));
        const b = datumOf(t, pick(r, [0, 1, 4, 5, 40]));
        const has = (d: Datum, k: Atom) => d.keys.some((x) => compareAtoms(x, k, t.key.type) === 0);
        const valOf = (d: Datum, k: Atom) => d.values?.[d.keys.findIndex((x) => compareAtoms(x, k, t.key.type) === 0)];
        expect(datumUnion(a, b, dt)).toEqual(sorted(t, [...pairs(a), ...pairs(b).filter(([k]) => !has(a, k))]));
        const sub = (x: Datum, y: Datum) =>
          sorted(
            t,
            pairs(x).filter(([k, v]) => !(has(y, k) && (!t.value || valOf(y, k) === v))),
          );
        expect(datumSubtract(a, dt, b, dt)).toEqual(sub(a, b));
        // A mutation's result shares most atoms with its input: that is the `===` fast path.
        const n = r() % 2 ? datumUnion(a, b, dt) : datumSubtract(a, dt, b, dt);
        for (const [o, nn] of [
          [a, b],
          [a, n],
          [n, a],
        ] as const) {
          const { added, removed } = datumAddedRemoved(o, nn, dt);
          expect(added).toEqual(sub(nn, o));
          expect(removed).toEqual(sub(o, nn));
        }
      }
    });
  }
});
