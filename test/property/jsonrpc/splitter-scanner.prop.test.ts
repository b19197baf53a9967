import { expect, test } from 'vitest';
import fc from 'fast-check';
import { JsonSplitter, parseMessage, type SplitterOptions } from '../../../src/jsonrpc/splitter.js';

/**
 * Runs are bounded for the suite (~1 s here); a long fuzz run scales them, e.g.
 *   SPLITTER_FUZZ_SCALE=200 npx vitest run test/property/jsonrpc/splitter-scanner.prop.test.ts
 */
const SCALE = Number(process.env['SPLITTER_FUZZ_SCALE'] ?? 1);

/** Feeds `bytes` cut at `cuts`; returns the messages (hex) and the error code/offset, if any. */
function run(bytes: Buffer, cuts: readonly number[], opts: SplitterOptions) {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const s = new JsonSplitter(opts);
  const out: string[] = [];
  let prev = 0;
  try {
    for (const p of [...points, bytes.length]) {
      for (const m of s.feed(bytes.subarray(prev, p))) out.push(m.toString('hex'));
      prev = p;
    }
  } catch (e) {
    const err = e as { code?: string; offset?: number };
    return { out, error: `${err.code} ${err.offset}`, pending: s.pending };
  }
  return { out, error: null, pending: s.pending };
}

// Strings dense in what the scanner must get right: quotes, backslashes, brackets, multi-byte UTF-8.
const tricky = fc.string({
  unit: fc.oneof(
    fc.constantFrom('"', '\\', '{', '}', '[', ']', '\\\\', '\\"', ' ', 'é', '日', '🚀', '\u0000', '\n'),
    fc.string({ unit: 'grapheme', maxLength: 1 }),
  ),
  maxLength: 90,
});
const leaf = fc.oneof(
  tricky,
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
);
const tree = fc.letrec<{ node: unknown }>((t) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(t('node'), { maxLength: 5 }),
    fc.dictionary(tricky, t('node'), { maxKeys: 4 }),
  ),
})).node;
const message = fc.oneof(fc.dictionary(tricky, tree, { maxKeys: 5 }), fc.array(tree, { maxLength: 5 }));

test('valid streams with escapes, brackets in strings and UTF-8, cut anywhere: both scanners return every message whole', () => {
  fc.assert(
    fc.property(
      fc.array(message, { minLength: 1, maxLength: 5 }),
      fc.array(fc.nat(), { maxLength: 10 }),
      fc.constantFrom('', ' ', '\n', '\r\n\t', ' '.repeat(70)),
      (ms, cuts, ws) => {
        const texts = ms.map((m) => JSON.stringify(m));
        const bytes = Buffer.from(texts.join(ws), 'utf8');
        const expected = texts.map((t) => Buffer.from(t, 'utf8').toString('hex'));
        for (const scanner of ['wasm', 'js'] as const) {
          const r = run(bytes, cuts, { scanner });
          expect(r).toEqual({ out: expected, error: null, pending: false });
        }
        expect(texts.map((t) => parseMessage(Buffer.from(t)))).toEqual(JSON.parse(`[${texts.join(',')}]`));
      },
    ),
    { numRuns: 150 * SCALE },
  );
});

// Byte soup biased to structure, starting inside a value so the block path sees it.
const soupByte = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(0x22, 0x5c, 0x7b, 0x7d, 0x5b, 0x5d, 0x20, 0x0a, 0x61) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 255 }) },
);
const soup = fc.array(
  fc.oneof(
    fc.array(soupByte, { maxLength: 40 }),
    fc.constantFrom(
      [0x5c, 0x5c],
      [0x5c, 0x22],
      [0x7b, 0x7d],
      [0x5b, 0x5d],
      [0x22, 0x22],
      [0xe6, 0x97, 0xa5],
      [0xf0, 0x9f, 0x9a, 0x80],
    ),
    fc.nat({ max: 80 }).map((k) => new Array<number>(k).fill(0x5c)),
    fc.nat({ max: 80 }).map((k) => new Array<number>(k).fill(0x61)),
  ),
  { maxLength: 30 },
);

test('any bytes, cut anywhere: the wasm scanner splits, fails and reports offsets exactly as the JS reference', () => {
  fc.assert(
    fc.property(
      fc.constantFrom('', '{', '[[', ' {"'),
      soup,
      fc.array(fc.nat(), { maxLength: 8 }),
      (lead, parts, cuts) => {
        const bytes = Buffer.concat([Buffer.from(lead), Buffer.from(parts.flat())]);
        const a = run(bytes, cuts, { scanner: 'wasm' });
        const b = run(bytes, cuts, { scanner: 'js' });
        expect(a).toEqual(b);
        // Whatever was split is parsed with typed errors only.
        for (const hex of a.out) {
          try {
            parseMessage(Buffer.from(hex, 'hex'));
          } catch (e) {
            expect((e as { code?: string }).code).toBe('JSONRPC_MALFORMED');
          }
        }
      },
    ),
    { numRuns: 400 * SCALE },
  );
});

test('garbage with a size limit: only JSONRPC_MALFORMED or JSONRPC_MESSAGE_TOO_LARGE, the same as the JS reference', () => {
  fc.assert(
    fc.property(soup, fc.array(fc.nat(), { maxLength: 6 }), fc.integer({ min: 1, max: 200 }), (parts, cuts, max) => {
      const bytes = Buffer.concat([Buffer.from('{'), Buffer.from(parts.flat())]);
      const a = run(bytes, cuts, { scanner: 'wasm', maxMessageBytes: max });
      expect(a).toEqual(run(bytes, cuts, { scanner: 'js', maxMessageBytes: max }));
      if (a.error !== null) expect(a.error).toMatch(/^JSONRPC_(MALFORMED \d+|MESSAGE_TOO_LARGE undefined)$/);
    }),
    { numRuns: 300 * SCALE },
  );
});
