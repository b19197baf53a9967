import { expect, test } from 'vitest';
import fc from 'fast-check';
import { parseSlicedSync, parseMessageSliced } from '../../../src/jsonrpc/sliced-parse.js';
import { parseMessage } from '../../../src/jsonrpc/splitter.js';
import { JsonRpcFramingError } from '../../../src/jsonrpc/errors.js';

/**
 * The same value in the strictest sense: same prototypes, same own keys in the same order (so
 * duplicate keys and `__proto__` members are compared too), Object.is on primitives (-0 vs 0).
 */
function same(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return Object.is(a, b);
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b) || Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Reflect.ownKeys(a);
  const kb = Reflect.ownKeys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    if (ka[i] !== kb[i]) return false;
    const da = Object.getOwnPropertyDescriptor(a, ka[i]!)!;
    const db = Object.getOwnPropertyDescriptor(b, kb[i]!)!;
    if (da.enumerable !== db.enumerable || da.writable !== db.writable || da.configurable !== db.configurable)
      return false;
    if (!same(da.value, db.value)) return false;
  }
  return true;
}

// JSON text written directly (not by JSON.stringify), so that it has what a serializer never writes:
// whitespace everywhere, duplicate keys, `__proto__` keys, escapes of every kind, numbers in every form.
const ws = fc.constantFrom('', '', '', ' ', '\n', '\t', '\r\n', '  \n ');
const strChar = fc.oneof(
  fc.constantFrom(
    '{',
    '}',
    '[',
    ']',
    ',',
    ':',
    '\\"',
    '\\\\',
    '\\/',
    '\\b',
    '\\f',
    '\\n',
    '\\r',
    '\\t',
    '\\u0000',
    '\\u00e9',
    '\\uD83D\\uDE00',
    '\\ud800',
    'é',
    '😀',
    '\u2028',
    ' ',
    'a',
  ),
  fc.string({ unit: 'grapheme', maxLength: 2 }).map((s) => JSON.stringify(s).slice(1, -1)),
);
const str = fc.array(strChar, { maxLength: 8 }).map((cs) => `"${cs.join('')}"`);
const key = fc.oneof(
  str,
  fc.constantFrom('"a"', '"b"', '"__proto__"', '"0"', '"1"', '"10"', '"-1"', '"constructor"', '"\\u0061"'),
);
const num = fc.oneof(
  fc.constantFrom(
    '0',
    '-0',
    '1e400',
    '-1E-400',
    '0.5e+3',
    '123456789012345678901234567890',
    '1.7976931348623157e308',
    '5e-324',
  ),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => JSON.stringify(d)),
  fc.integer().map(String),
);
const lit = fc.constantFrom('true', 'false', 'null');
const { text } = fc.letrec<{ text: string; obj: string; arr: string }>((tie) => ({
  text: fc.oneof({ depthSize: 'small', withCrossShrink: true }, str, num, lit, tie('obj'), tie('arr')),
  obj: fc
    .array(fc.tuple(ws, key, ws, ws, tie('text'), ws), { maxLength: 6 })
    .chain((ms) =>
      ws.map((w) => `{${ms.length ? ms.map(([a, k, b, c, v, d]) => `${a}${k}${b}:${c}${v}${d}`).join(',') : w}}`),
    ),
  arr: fc
    .array(fc.tuple(ws, tie('text'), ws), { maxLength: 6 })
    .chain((es) => ws.map((w) => `[${es.length ? es.map(([a, v, b]) => `${a}${v}${b}`).join(',') : w}]`)),
}));
const container = fc.oneof(
  text.filter((t) => /^\s*[[{]/.test(t)),
  fc.tuple(ws, text, ws).map(([a, t, b]) => `${a}[${t}]${b}`),
);

test('valid JSON: the sliced parse (any piece size, no fallback) gives exactly what JSON.parse gives', () => {
  fc.assert(
    fc.property(container, fc.integer({ min: 1, max: 64 }), (t, pieceBytes) => {
      const bytes = Buffer.from(t, 'utf8');
      const got = parseSlicedSync(bytes, { pieceBytes, noFallback: true });
      expect(same(got, JSON.parse(t))).toBe(true);
    }),
    { numRuns: 1000 },
  );
});

// One edit of valid text: a byte deleted, inserted or replaced, mostly by structural characters.
const edit = fc.tuple(
  fc.nat(),
  fc.constantFrom('del', 'ins', 'rep'),
  fc.constantFrom(...'{}[],:"\\ 0a-.eé\u00a0\ufeff'.split(''), '\x01', '\n'),
);

test('edited (mostly malformed) JSON: rejected whenever JSON.parse rejects it, else the same value; the error is the one parseMessage gives', () => {
  fc.assert(
    fc.property(
      container,
      fc.array(edit, { minLength: 1, maxLength: 3 }),
      fc.integer({ min: 1, max: 32 }),
      (t, edits, pieceBytes) => {
        let s = t;
        for (const [at, kind, ch] of edits) {
          const p = at % (s.length + 1);
          s =
            kind === 'del'
              ? s.slice(0, p) + s.slice(p + 1)
              : kind === 'ins'
                ? s.slice(0, p) + ch + s.slice(p)
                : s.slice(0, p) + ch + s.slice(p + 1);
        }
        const bytes = Buffer.from(s, 'utf8');
        let want: { ok: true; v: unknown } | { ok: false; e: unknown };
        try {
          want = { ok: true, v: parseMessage(bytes) };
        } catch (e) {
          want = { ok: false, e };
        }
        // Without the fallback: never accepts what JSON.parse rejects, never differs on what it accepts.
        let strict: { ok: true; v: unknown } | { ok: false };
        try {
          strict = { ok: true, v: parseSlicedSync(bytes, { pieceBytes, noFallback: true }) };
        } catch {
          strict = { ok: false };
        }
        if (want.ok) {
          if (strict.ok) expect(same(strict.v, want.v)).toBe(true);
          // (the slicer may refuse text JSON.parse accepts only where the fallback then parses it whole)
          expect(same(parseSlicedSync(bytes, { pieceBytes }), want.v)).toBe(true);
        } else {
          expect(strict.ok).toBe(false);
          let err: unknown;
          try {
            parseSlicedSync(bytes, { pieceBytes });
          } catch (e) {
            err = e;
          }
          expect(err).toBeInstanceOf(JsonRpcFramingError);
          expect((err as JsonRpcFramingError).code).toBe('JSONRPC_MALFORMED');
          expect((err as Error).message).toBe((want.e as Error).message);
        }
      },
    ),
    { numRuns: 1000 },
  );
});

test('invalid UTF-8 anywhere is JSONRPC_MALFORMED, as in parseMessage', () => {
  fc.assert(
    fc.property(
      container,
      fc.nat(),
      fc.constantFrom([0xff], [0xc3], [0xed, 0xa0, 0x80], [0xe2, 0x82], [0x80]),
      fc.integer({ min: 1, max: 32 }),
      (t, at, bad, pieceBytes) => {
        const b = Buffer.from(t, 'utf8');
        const p = at % (b.length + 1);
        const bytes = Buffer.concat([b.subarray(0, p), Buffer.from(bad), b.subarray(p)]);
        expect(() => parseSlicedSync(bytes, { pieceBytes, noFallback: true })).toThrow();
        expect(() => parseSlicedSync(bytes, { pieceBytes })).toThrow(JsonRpcFramingError);
      },
    ),
    { numRuns: 200 },
  );
});

test('the asynchronous parse resolves to the same value and rejects with the same error', async () => {
  await fc.assert(
    fc.asyncProperty(container, fc.boolean(), fc.integer({ min: 1, max: 32 }), async (t, breakIt, pieceBytes) => {
      const s = breakIt ? t.trimEnd().slice(0, -1) : t;
      const bytes = Buffer.from(s, 'utf8');
      if (breakIt)
        await expect(parseMessageSliced(bytes, { pieceBytes, budgetMs: 0 })).rejects.toThrow(JsonRpcFramingError);
      else expect(same(await parseMessageSliced(bytes, { pieceBytes, budgetMs: 0 }), JSON.parse(s))).toBe(true);
    }),
    { numRuns: 60 },
  );
});
