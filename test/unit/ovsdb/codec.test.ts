/** update2 diff application and wire decoding per column kind, on hand-made cases. */
import { describe, expect, test } from 'vitest';
import { columnCodec } from '../../../src/ovsdb/codec.js';
import type { ColumnType } from '../../../src/ovsdb/index.js';

const strSet: ColumnType = { key: { type: 'string' }, min: 0, max: 'unlimited' };
const uuidSet: ColumnType = { key: { type: 'uuid', refTable: 'X' }, min: 0, max: 'unlimited' };
const intSet3: ColumnType = { key: { type: 'integer' }, min: 1, max: 3 };
const strMap: ColumnType = { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' };
const intUuidMap: ColumnType = {
  key: { type: 'integer' },
  value: { type: 'uuid', refTable: 'X' },
  min: 0,
  max: 'unlimited',
};
const optInt: ColumnType = { key: { type: 'integer' }, min: 0, max: 1 };
const optUuid: ColumnType = { key: { type: 'uuid', refTable: 'X' }, min: 0, max: 1 };
const str: ColumnType = { key: { type: 'string' }, min: 1, max: 1 };
const bool: ColumnType = { key: { type: 'boolean' }, min: 1, max: 1 };
const U1 = '11111111-1111-1111-1111-111111111111';
const U2 = '22222222-2222-2222-2222-222222222222';

describe('decode', () => {
  test('sets: full form, one-element shorthand, empty', () => {
    const c = columnCodec(strSet);
    expect(c.decode(['set', ['a', 'b']])).toEqual(['a', 'b']);
    expect(c.decode('a')).toEqual(['a']);
    expect(c.decode(['set', []])).toEqual([]);
    expect(columnCodec(uuidSet).decode(['uuid', U1])).toEqual([U1]);
    expect(
      columnCodec(uuidSet).decode([
        'set',
        [
          ['uuid', U1],
          ['uuid', U2],
        ],
      ]),
    ).toEqual([U1, U2]);
  });
  test('maps: string keys, integer keys as their text, uuid values as strings, __proto__ as a plain key', () => {
    expect(columnCodec(strMap).decode(['map', [['k', 'v']]])).toEqual({ k: 'v' });
    expect(columnCodec(intUuidMap).decode(['map', [[7, ['uuid', U1]]]])).toEqual({ '7': U1 });
    const m = columnCodec(strMap).decode(['map', [['__proto__', 'x']]]) as Record<string, string>;
    expect(Object.getPrototypeOf(m)).toBe(Object.prototype);
    expect(Object.keys(m)).toEqual(['__proto__']);
    expect(m['__proto__']).toBe('x');
  });
  test('optional: empty set is undefined, bare atom or one-element set is the atom', () => {
    const c = columnCodec(optInt);
    expect(c.decode(['set', []])).toBeUndefined();
    expect(c.decode(5)).toBe(5);
    expect(c.decode(['set', [5]])).toBe(5);
    expect(() => c.decode(['set', [1, 2]])).toThrowError(expect.objectContaining({ code: 'OVSDB_INVALID_VALUE' }));
  });
  test('atoms, and wrong types are typed errors', () => {
    expect(columnCodec(str).decode('x')).toBe('x');
    expect(columnCodec(bool).decode(true)).toBe(true);
    expect(() => columnCodec(str).decode(5)).toThrowError(expect.objectContaining({ code: 'OVSDB_INVALID_VALUE' }));
    expect(() => columnCodec(uuidSet).decode(['set', ['not-a-uuid-atom']])).toThrowError(
      expect.objectContaining({ code: 'OVSDB_INVALID_VALUE' }),
    );
    expect(() => columnCodec(strMap).decode(['set', []])).toThrowError(
      expect.objectContaining({ code: 'OVSDB_INVALID_VALUE' }),
    );
    expect(() => columnCodec(strMap).decode(['map', [['a']]] as never)).toThrowError(
      expect.objectContaining({ code: 'OVSDB_INVALID_VALUE' }),
    );
  });
  test('defaults of omitted columns are the server defaults (also "" for an enum)', () => {
    expect(columnCodec(strSet).empty).toEqual([]);
    expect(columnCodec(strMap).empty).toEqual({});
    expect(columnCodec(optInt).empty).toBeUndefined();
    expect(columnCodec({ key: { type: 'string', enum: ['b', 'a'] }, min: 1, max: 1 }).empty).toBe('');
    expect(columnCodec({ key: { type: 'integer' }, min: 1, max: 1 }).empty).toBe(0);
    expect(columnCodec({ key: { type: 'uuid' }, min: 1, max: 1 }).empty).toBe('00000000-0000-0000-0000-000000000000');
    expect(columnCodec(intSet3).empty).toEqual([0]);
  });
});

describe('update2 modify diffs', () => {
  test('set: the diff is the symmetric difference, each element toggled', () => {
    const c = columnCodec(strSet);
    expect(c.applyDiff(['a', 'b'], ['set', ['b', 'c']])).toEqual(['a', 'c']);
    expect(c.applyDiff([], 'x')).toEqual(['x']);
    expect(c.applyDiff(['x'], 'x')).toEqual([]);
    expect(c.applyDiff(['a'], ['set', []])).toEqual(['a']);
    expect(
      columnCodec(uuidSet).applyDiff(
        [U1],
        [
          'set',
          [
            ['uuid', U1],
            ['uuid', U2],
          ],
        ],
      ),
    ).toEqual([U2]);
  });
  test('set with max 3 is composite too', () => {
    const c = columnCodec(intSet3);
    expect(c.composite).toBe(true);
    expect(c.applyDiff([1, 2], ['set', [2, 3]])).toEqual([1, 3]);
  });
  test('map: added key, removed key (sent with its old value), changed value (sent with the new one)', () => {
    const c = columnCodec(strMap);
    expect(c.applyDiff({ a: '1', b: '2' }, ['map', [['c', '3']]])).toEqual({ a: '1', b: '2', c: '3' });
    expect(c.applyDiff({ a: '1', b: '2' }, ['map', [['a', '1']]])).toEqual({ b: '2' });
    expect(c.applyDiff({ a: '1', b: '2' }, ['map', [['a', '9']]])).toEqual({ a: '9', b: '2' });
    expect(
      c.applyDiff({ a: '1' }, [
        'map',
        [
          ['a', '1'],
          ['b', '2'],
          ['c', '3'],
        ],
      ]),
    ).toEqual({ b: '2', c: '3' });
    expect(columnCodec(intUuidMap).applyDiff({ '1': U1 }, ['map', [[1, ['uuid', U2]]]])).toEqual({ '1': U2 });
  });
  test('optional and atom columns: the diff is the new value', () => {
    const c = columnCodec(optInt);
    expect(c.composite).toBe(false);
    expect(c.applyDiff(undefined, 5)).toBe(5);
    expect(c.applyDiff(5, 7)).toBe(7);
    expect(c.applyDiff(5, ['set', []])).toBeUndefined();
    expect(columnCodec(optUuid).applyDiff(U1, ['uuid', U2])).toBe(U2);
    expect(columnCodec(str).applyDiff('a', 'b')).toBe('b');
  });
  test('never mutates the old value', () => {
    const old = ['a', 'b'];
    const oldMap = { a: '1' };
    columnCodec(strSet).applyDiff(old, ['set', ['a', 'z']]);
    columnCodec(strMap).applyDiff(oldMap, [
      'map',
      [
        ['a', '1'],
        ['q', 'w'],
      ],
    ]);
    expect(old).toEqual(['a', 'b']);
    expect(oldMap).toEqual({ a: '1' });
  });
});

test('a map diff keeps "__proto__" a plain key (no prototype change)', () => {
  const c = columnCodec({ key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' });
  const m1 = c.decode(['map', [['__proto__', 'x']]]);
  const m2 = c.applyDiff(m1, ['map', [['a', '1']]]) as Record<string, string>;
  expect(Object.getPrototypeOf(m2)).toBe(Object.prototype);
  expect(Object.keys(m2).sort()).toEqual(['__proto__', 'a']);
  const m3 = c.applyDiff(m2, ['map', [['__proto__', 'x']]]) as Record<string, string>;
  expect(Object.keys(m3)).toEqual(['a']);
  expect(c.applyDiff({ a: '1' }, ['map', [['a', '1']]])).toEqual({});
});

describe('numbers from the wire are checked against the column type (issue #14)', () => {
  const int = { key: { type: 'integer' as const }, min: 1, max: 1 };
  const optInt = { key: { type: 'integer' as const }, min: 0, max: 1 };
  const real = { key: { type: 'real' as const }, min: 1, max: 1 };
  const intMap = {
    key: { type: 'string' as const },
    value: { type: 'integer' as const },
    min: 0,
    max: 'unlimited' as const,
  };
  test('an integer column refuses fractions, Infinity (1e400) and values outside int64, with OVSDB_INVALID_VALUE', () => {
    for (const bad of [1.5, JSON.parse('1e400') as number, -Infinity, 1.2e29, -1.2e29, NaN]) {
      expect(() => columnCodec(int).decode(bad)).toThrowError(expect.objectContaining({ code: 'OVSDB_INVALID_VALUE' }));
      expect(() => columnCodec(optInt).decode(['set', [bad]])).toThrowError(
        expect.objectContaining({ code: 'OVSDB_INVALID_VALUE' }),
      );
      expect(() => columnCodec(intMap).decode(['map', [['k', bad]]])).toThrowError(
        expect.objectContaining({ code: 'OVSDB_INVALID_VALUE' }),
      );
    }
  });
  test('the int64 bounds as JSON.parse gives them are accepted', () => {
    expect(columnCodec(int).decode(JSON.parse('-9223372036854775808') as number)).toBe(-(2 ** 63));
    expect(columnCodec(int).decode(JSON.parse('9223372036854775807') as number)).toBe(2 ** 63);
    expect(columnCodec(int).decode(-1)).toBe(-1);
  });
  test('a real column refuses Infinity', () => {
    expect(() => columnCodec(real).decode(JSON.parse('1e400') as number)).toThrowError(
      expect.objectContaining({ code: 'OVSDB_INVALID_VALUE' }),
    );
    expect(columnCodec(real).decode(1.5)).toBe(1.5);
  });
});

describe('constraints of the column type are checked on every decode (issue #14)', () => {
  const invalid = expect.objectContaining({ code: 'OVSDB_INVALID_VALUE' });
  // Logical_Switch_Port.tag_request: integer 0..4095, optional.
  const tagRequest: ColumnType = { key: { type: 'integer', minInteger: 0, maxInteger: 4095 }, min: 0, max: 1 };
  const ratio: ColumnType = { key: { type: 'real', minReal: 0, maxReal: 1 }, min: 1, max: 1 };
  const action: ColumnType = { key: { type: 'string', enum: ['allow', 'drop'] }, min: 1, max: 1 };
  const shortName: ColumnType = { key: { type: 'string', minLength: 2, maxLength: 4 }, min: 0, max: 'unlimited' };
  const prio: ColumnType = { key: { type: 'integer', minInteger: 1, maxInteger: 10 }, min: 1, max: 1 };
  const enumMap: ColumnType = {
    key: { type: 'string', enum: ['a', 'b'] },
    value: { type: 'integer', minInteger: 0, maxInteger: 9 },
    min: 0,
    max: 'unlimited',
  };
  const twoMax: ColumnType = { key: { type: 'string' }, min: 0, max: 2 };
  const twoMaxMap: ColumnType = { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 2 };
  const oneOrMore: ColumnType = { key: { type: 'string' }, min: 1, max: 'unlimited' };

  test('integer min/max: 4096 and -1 refused, 0 and 4095 accepted', () => {
    const c = columnCodec(tagRequest, { table: 'Logical_Switch_Port', column: 'tag_request' });
    expect(c.decode(0)).toBe(0);
    expect(c.decode(['set', [4095]])).toBe(4095);
    expect(() => c.decode(4096)).toThrowError(invalid);
    expect(() => c.decode(['set', [-1]])).toThrowError(/Logical_Switch_Port\.tag_request: -1 is below the minimum 0/);
  });
  test('real min/max, string enum and lengths', () => {
    expect(columnCodec(ratio).decode(0.5)).toBe(0.5);
    expect(() => columnCodec(ratio).decode(1.5)).toThrowError(/above the maximum 1/);
    expect(columnCodec(action).decode('drop')).toBe('drop');
    expect(() => columnCodec(action).decode('reject')).toThrowError(/"reject" is not one of \["allow","drop"\]/);
    expect(columnCodec(shortName).decode(['set', ['ab', 'abcd', 'ñññ']])).toEqual(['ab', 'abcd', 'ñññ']);
    expect(() => columnCodec(shortName).decode('a')).toThrowError(/shorter than 2/);
    expect(() => columnCodec(shortName).decode('abcde')).toThrowError(/longer than 4/);
  });
  test('map keys and values are checked too', () => {
    expect(columnCodec(enumMap).decode(['map', [['a', 9]]])).toEqual({ a: 9 });
    expect(() => columnCodec(enumMap).decode(['map', [['c', 1]]])).toThrowError(/"c" is not one of/);
    expect(() => columnCodec(enumMap).decode(['map', [['b', 10]]])).toThrowError(/above the maximum 9/);
  });
  test('set and map sizes: full values and diffs that leave too many or too few', () => {
    expect(() => columnCodec(twoMax).decode(['set', ['a', 'b', 'c']])).toThrowError(/set has 3 elements, allowed 0..2/);
    expect(() => columnCodec(twoMax).applyDiff(['a', 'b'], 'c')).toThrowError(/set has 3 elements/);
    expect(() =>
      columnCodec(twoMaxMap).decode([
        'map',
        [
          ['a', '1'],
          ['b', '2'],
          ['c', '3'],
        ],
      ]),
    ).toThrowError(/map has 3 pairs, allowed 0..2/);
    expect(() => columnCodec(twoMaxMap).applyDiff({ a: '1', b: '2' }, ['map', [['c', '3']]])).toThrowError(
      /map has 3 pairs/,
    );
    expect(() => columnCodec(oneOrMore).decode(['set', []])).toThrowError(/set has 0 elements, allowed 1..unlimited/);
    expect(() => columnCodec(oneOrMore).applyDiff(['a'], 'a')).toThrowError(/set has 0 elements/);
  });
  test("the type's default is accepted even outside the constraints (the server fills omitted columns with it)", () => {
    expect(columnCodec(prio).decode(0)).toBe(0);
    expect(() => columnCodec(prio).decode(11)).toThrowError(invalid);
    expect(columnCodec(action).decode('')).toBe('');
  });
});
