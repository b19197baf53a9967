/** Integer-exact JSON both ways (src/jsonrpc/exact-int.ts): golden texts, strings left alone, full-range random round trips. */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { hasLongDigits, parseExact, stringifyExact } from '../../../src/jsonrpc/exact-int.js';

describe('stringifyExact', () => {
  test('the int64 ends and bigints are written by their exact digits', () => {
    expect(JSON.stringify(-(2 ** 63))).toBe('-9223372036854776000'); // what ovsdb-server refused
    expect(stringifyExact(-(2 ** 63))).toBe('-9223372036854775808');
    expect(stringifyExact(2 ** 63)).toBe('9223372036854775807'); // JSON.parse's reading of INT64_MAX
    expect(stringifyExact({ a: [9223372036854775807n, -1n, 2 ** 60] })).toBe(
      '{"a":[9223372036854775807,-1,1152921504606846976]}',
    );
    expect(stringifyExact(2 ** 53 + 2)).toBe('9007199254740994');
  });
  test('everything else is JSON.stringify: safe integers, reals, exponents, strings with long digit runs', () => {
    const v = { id: 3, r: 1.5e300, x: 1e21, s: '12345678901234567890', t: ['set', [0.1, -0]] };
    expect(stringifyExact(v)).toBe(JSON.stringify(v));
  });
  test('a cycle still throws', () => {
    const a: unknown[] = [];
    a.push(a);
    expect(() => stringifyExact(a)).toThrow(TypeError);
  });
});

describe('parseExact', () => {
  test('integers beyond 2^53 become bigints; the rest is JSON.parse', () => {
    expect(parseExact('[-9223372036854775808,9223372036854775807,9007199254740991,1.5,1e400]')).toEqual([
      -(2n ** 63n),
      2n ** 63n - 1n,
      9007199254740991,
      1.5,
      Infinity,
    ]);
    expect(parseExact('{"n":12345678901234567890123}')).toEqual({ n: 12345678901234567890123n });
  });
  test('digits inside strings, reals with 16+ digits and escaped quotes are left alone', () => {
    const text =
      '{"s":"9223372036854775807","e":"a\\"9223372036854775807","r":1234567890123456.5,"x":12345678901234567e2}';
    expect(parseExact(text)).toEqual(JSON.parse(text));
  });
  test('invalid JSON stays invalid (a leading zero is not turned into a bigint)', () => {
    expect(() => parseExact('[00000000000000001]')).toThrow(SyntaxError);
    expect(() => parseExact('[9223372036854775807')).toThrow(SyntaxError);
  });
  test('hasLongDigits', () => {
    expect(hasLongDigits(Buffer.from('[123456789012345]'))).toBe(false);
    expect(hasLongDigits(Buffer.from('[1234567890123456]'))).toBe(true);
  });
  test('random int64 values and nesting round-trip exactly through stringifyExact and parseExact', () => {
    const int64 = fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n });
    const norm = (b: bigint): bigint | number => (Number.isSafeInteger(Number(b)) ? Number(b) : b);
    fc.assert(
      fc.property(fc.array(fc.tuple(int64, fc.string())), (pairs) => {
        const v = { rows: pairs.map(([b, s]) => ({ n: b, s, m: ['map', [[s, b]]] })) };
        const back = parseExact(stringifyExact(v));
        expect(back).toEqual({ rows: pairs.map(([b, s]) => ({ n: norm(b), s, m: ['map', [[s, norm(b)]]] })) });
      }),
      { numRuns: 300 },
    );
  });
});
