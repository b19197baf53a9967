import { expect, test } from 'vitest';
import fc from 'fast-check';
import { JsonSplitter, parseMessage } from '../../../src/jsonrpc/splitter.js';

const value = fc.jsonValue({ maxDepth: 4 });
const message = fc.oneof(fc.dictionary(fc.string({ unit: 'binary' }), value), fc.array(value));

test('any sequence of JSON messages, chunked anywhere, comes back whole and in order', () => {
  fc.assert(
    fc.property(
      fc.array(message, { minLength: 1, maxLength: 6 }),
      fc.array(fc.nat(), { maxLength: 8 }),
      fc.constantFrom('', ' ', '\n', '\r\n\t'),
      (ms, cuts, ws) => {
        const bytes = Buffer.from(ms.map((m) => JSON.stringify(m)).join(ws), 'utf8');
        const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
        const s = new JsonSplitter();
        const out: unknown[] = [];
        let prev = 0;
        for (const p of [...points, bytes.length]) {
          for (const m of s.feed(bytes.subarray(prev, p))) out.push(parseMessage(m));
          prev = p;
        }
        expect(out).toEqual(JSON.parse(JSON.stringify(ms)));
        expect(s.pending).toBe(false);
      },
    ),
    { numRuns: 300 },
  );
});

test('garbage never escapes as a built-in exception', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 200 }), (b) => {
      const s = new JsonSplitter({ maxMessageBytes: 100 });
      try {
        for (const m of s.feed(Buffer.from(b))) {
          try {
            parseMessage(m);
          } catch (e) {
            expect((e as { code?: string }).code).toBe('JSONRPC_MALFORMED');
          }
        }
      } catch (e) {
        expect(['JSONRPC_MALFORMED', 'JSONRPC_MESSAGE_TOO_LARGE']).toContain((e as { code?: string }).code);
      }
    }),
    { numRuns: 500 },
  );
});
