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
} from '../../../src/server/datum.js';
import { formatG15, ovsJsonText, compareStrings } from '../../../src/server/json-text.js';
import { OvsdbError } from '../../../src/server/errors.js';
import type { ColumnType } from '../../../src/ovsdb/schema.js';

const set = (key: ColumnType['key'], min = 0, max: number | 'unlimited' = 'unlimited'): ColumnType => ({
  key,
  min,
  max,
});
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
