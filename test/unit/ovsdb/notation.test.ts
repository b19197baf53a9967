import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { OvsdbValueError, type ColumnType, type Datum } from '../../../src/ovsdb/index.js';
import { datumToWire, datumFromWire, checkDatum } from '../../../src/ovsdb/notation.js';

const t = (key: ColumnType['key'], min = 1, max: number | 'unlimited' = 1, value?: ColumnType['key']): ColumnType =>
  value ? { key, value, min, max } : { key, min, max };
const U = '550e8400-e29b-41d4-a716-446655440000';

describe('notation both ways', () => {
  test.each<[string, ColumnType, Datum, unknown]>([
    ['integer atom', t({ type: 'integer' }), 5, 5],
    ['string atom', t({ type: 'string' }), 'x', 'x'],
    ['uuid atom', t({ type: 'uuid' }), U, ['uuid', U]],
    ['named uuid', t({ type: 'uuid' }), { namedUuid: 'row1' }, ['named-uuid', 'row1']],
    ['optional present', t({ type: 'integer' }, 0, 1), 7, 7],
    ['optional absent', t({ type: 'integer' }, 0, 1), undefined, ['set', []]],
    ['set', t({ type: 'string' }, 0, 'unlimited'), ['a', 'b'], ['set', ['a', 'b']]],
    ['set of uuids', t({ type: 'uuid' }, 0, 'unlimited'), [U], ['set', [['uuid', U]]]],
    ['map', t({ type: 'string' }, 0, 'unlimited', { type: 'string' }), { a: '1' }, ['map', [['a', '1']]]],
    [
      'integer-keyed map',
      t({ type: 'integer' }, 0, 'unlimited', { type: 'uuid' }),
      { 10: U },
      ['map', [[10, ['uuid', U]]]],
    ],
  ])('%s', (_n, type, js, wire) => {
    expect(datumToWire(type, js)).toEqual(wire);
    expect(datumFromWire(type, wire as never)).toEqual(js);
  });

  test('one-element set shorthand and empty optional as the server sends them', () => {
    expect(datumFromWire(t({ type: 'string' }, 0, 'unlimited'), 'only')).toEqual(['only']);
    expect(datumFromWire(t({ type: 'string' }, 0, 1), ['set', []])).toBeUndefined();
  });

  test('constraints refuse bad values with the column named', () => {
    const where = { database: 'OVN_Northbound', table: 'ACL', column: 'priority' };
    const prio = t({ type: 'integer', minInteger: 0, maxInteger: 32767 });
    expect(() => datumToWire(prio, 32768, where)).toThrow(
      /OVN_Northbound\.ACL\.priority: 32768 is above the maximum 32767/,
    );
    expect(() => datumToWire(prio, 1.5, where)).toThrow(OvsdbValueError);
    expect(() => datumToWire(t({ type: 'string', enum: ['a', 'b'] }), 'c')).toThrow(/not one of/);
    expect(() => datumToWire(t({ type: 'string', maxLength: 3 }), 'abcd')).toThrow(/longer than 3/);
    expect(() => datumToWire(t({ type: 'string', minLength: 2 }), 'ü')).toThrow(/shorter than 2/);
    expect(() => datumToWire(t({ type: 'real', minReal: 0 }), -0.5)).toThrow(/below the minimum/);
    expect(() => datumToWire(t({ type: 'string' }, 1, 2), ['a', 'b', 'c'])).toThrow(/allowed 1..2/);
    expect(() => datumToWire(t({ type: 'string' }, 0, 'unlimited'), ['a', 'a'])).toThrow(/duplicate/);
    expect(() => datumToWire(t({ type: 'string' }, 0, 'unlimited', { type: 'integer' }), { k: 'v' as never })).toThrow(
      OvsdbValueError,
    );
    expect(() => datumToWire(t({ type: 'string' }), { namedUuid: 'x' })).toThrow(/only valid in a uuid column/);
    expect(() => checkDatum(t({ type: 'uuid' }), ['uuid', 'nope'], {})).toThrow(/malformed uuid/);
    expect(() => checkDatum(t({ type: 'integer' }, 0, 'unlimited', { type: 'string' }), ['set', []], {})).toThrow(
      /expected \["map"/,
    );
  });

  test('random values in range round-trip through the wire form', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1000, max: 1000 }), { maxLength: 20 }).map((xs) => [...new Set(xs)]),
        fc.dictionary(fc.string(), fc.string(), { maxKeys: 10 }),
        (ints, map) => {
          const setT = t({ type: 'integer', minInteger: -1000, maxInteger: 1000 }, 0, 'unlimited');
          expect(datumFromWire(setT, datumToWire(setT, ints))).toEqual(ints);
          const mapT = t({ type: 'string' }, 0, 'unlimited', { type: 'string' });
          expect(datumFromWire(mapT, datumToWire(mapT, map))).toEqual(map);
        },
      ),
      { numRuns: 200 },
    );
  });
});
