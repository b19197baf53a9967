import { describe, expect, test } from 'vitest';
import { JsonSplitter, parseMessage } from '../../../src/jsonrpc/splitter.js';
import { JsonRpcFramingError, JsonRpcMessageTooLargeError } from '../../../src/jsonrpc/errors.js';

const msgs = [
  { id: 1, method: 'echo', params: [] },
  { id: 'x', result: { s: 'a } ] { [ " \\ \\" end', ü: '日本語 🚀' }, error: null },
  [1, [2, [3, {}]], 'x"}'],
  { method: 'update2', params: ['mon', { T: { u: { insert: { name: 'back\\slash\\', n: -1.5e3 } } } }], id: null },
];
const text = msgs.map((m, i) => (i % 2 ? ' \n\t' : '') + JSON.stringify(m)).join('');
const bytes = Buffer.from(text, 'utf8');

function splitAll(chunks: Buffer[], s = new JsonSplitter()): unknown[] {
  return chunks.flatMap((c) => s.feed(c)).map((b) => parseMessage(b));
}

describe('JsonSplitter', () => {
  test('whole stream in one chunk', () => {
    expect(splitAll([bytes])).toEqual(msgs);
  });

  test('one byte at a time (every UTF-8 sequence split)', () => {
    const chunks = [...bytes].map((b) => Buffer.from([b]));
    expect(splitAll(chunks)).toEqual(msgs);
  });

  test('split at every boundary into two chunks', () => {
    for (let k = 0; k <= bytes.length; k++) {
      expect(splitAll([bytes.subarray(0, k), bytes.subarray(k)])).toEqual(msgs);
    }
  });

  test('split at every pair of boundaries into three chunks', () => {
    const small = Buffer.from(JSON.stringify({ a: 'x\\"}é', b: [1, { c: '{' }] }) + JSON.stringify([{}]));
    const expected = [{ a: 'x\\"}é', b: [1, { c: '{' }] }, [{}]];
    for (let i = 0; i <= small.length; i++)
      for (let j = i; j <= small.length; j++) {
        expect(splitAll([small.subarray(0, i), small.subarray(i, j), small.subarray(j)])).toEqual(expected);
      }
  });

  test('pending reflects a partial message', () => {
    const s = new JsonSplitter();
    expect(s.feed(bytes.subarray(0, 5))).toEqual([]);
    expect(s.pending).toBe(true);
    s.feed(bytes.subarray(5));
    expect(s.pending).toBe(false);
  });

  test('bytes between messages are a framing error with the offset', () => {
    const s = new JsonSplitter();
    const err = (() => {
      try {
        s.feed(Buffer.from('{"a":1} x'));
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(JsonRpcFramingError);
    expect((err as JsonRpcFramingError).code).toBe('JSONRPC_MALFORMED');
    expect((err as JsonRpcFramingError).offset).toBe(8);
  });

  test('oversized message is refused, also when it spans chunks', () => {
    const s = new JsonSplitter({ maxMessageBytes: 10 });
    expect(() => s.feed(Buffer.from('{"a":"0123456789"}'))).toThrow(JsonRpcMessageTooLargeError);
    const s2 = new JsonSplitter({ maxMessageBytes: 10 });
    s2.feed(Buffer.from('{"a":'));
    expect(() => s2.feed(Buffer.from('"0123456789'))).toThrow(JsonRpcMessageTooLargeError);
  });

  test('invalid JSON and invalid UTF-8 inside a framed message are typed errors', () => {
    expect(() => parseMessage(Buffer.from('{"a":}'))).toThrow(JsonRpcFramingError);
    expect(() => parseMessage(Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]))).toThrow(JsonRpcFramingError);
  });
});
