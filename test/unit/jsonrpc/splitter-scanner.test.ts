import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { JsonSplitter, parseMessage, type SplitterOptions } from '../../../src/jsonrpc/splitter.js';
import { JsonRpcFramingError, JsonRpcMessageTooLargeError } from '../../../src/jsonrpc/errors.js';
import { createJsScanner, SCAN_STATE, type Scanner } from '../../../src/jsonrpc/scan-js.js';
import { wasmScanner } from '../../../src/jsonrpc/scan-wasm.js';
import { SCANNER_WASM_BASE64, SCANNER_WAT_SHA256 } from '../../../src/jsonrpc/scan-wasm.gen.js';
import { assemble, haveWat2Wasm, render, sha256, WAT_PATH, GEN_PATH } from '../../../scripts/build-scanner.js';

const wasm = wasmScanner();
const js = createJsScanner();

/** Scans `bytes` in pieces of `piece` bytes with `scanner`; returns every observable result. */
function scanAll(
  scanner: Scanner,
  bytes: Uint8Array,
  piece: number,
  init: readonly [number, number, number] = [0, 0, 0],
) {
  let [depth, inString, escaped] = init;
  const events: string[] = [];
  for (let off = 0; off < bytes.length; off += piece) {
    const count = scanner.scan(bytes.subarray(off, off + piece), depth, inString, escaped);
    for (let k = 0; k < count; k++) {
      const s = scanner.pairs[2 * k]!;
      events.push(`${s < 0 ? 'cont' : off + s}-${off + scanner.pairs[2 * k + 1]!}`);
    }
    const st = scanner.state;
    if (st[SCAN_STATE.errorAt]! >= 0) {
      events.push(`error@${off + st[SCAN_STATE.errorAt]!}`);
      break;
    }
    depth = st[SCAN_STATE.depth]!;
    inString = st[SCAN_STATE.inString]!;
    escaped = st[SCAN_STATE.escaped]!;
    events.push(`open=${st[SCAN_STATE.start]! < 0 ? '-' : off + st[SCAN_STATE.start]!}`);
  }
  return { events, depth, inString, escaped };
}

describe('checked-in WebAssembly module', () => {
  test('was generated from the current scanner.wat (hash recorded in scan-wasm.gen.ts)', () => {
    expect(SCANNER_WAT_SHA256).toBe(sha256(readFileSync(WAT_PATH, 'utf8')));
  });

  test.skipIf(!haveWat2Wasm())('matches what wat2wasm assembles from scanner.wat, byte for byte', () => {
    const bytes = assemble();
    expect(Buffer.from(SCANNER_WASM_BASE64, 'base64').equals(bytes)).toBe(true);
    expect(readFileSync(GEN_PATH, 'utf8')).toBe(render(readFileSync(WAT_PATH, 'utf8'), bytes));
  });

  test('compiles with WebAssembly SIMD on this Node and is the default scanner', () => {
    expect(existsSync(GEN_PATH)).toBe(true);
    expect(wasm?.kind).toBe('wasm');
    expect(wasm?.maxPiece).toBe(65536);
  });
});

describe('wasm scanner agrees with the JS reference scanner', () => {
  test('backslash runs of every length 0–70 at every position around two block boundaries, before a quote', () => {
    const mismatches: string[] = [];
    for (let run = 0; run <= 70; run++) {
      for (let pos = 0; pos < 140; pos++) {
        // The run ends right before a quote: odd runs escape it (the string goes on), even runs close it.
        const text = `{"${'a'.repeat(pos)}${'\\'.repeat(run)}"}${'x'.repeat(70)}"]}[{"q":1}]`;
        const bytes = Buffer.from(text, 'latin1');
        for (const piece of [65536, 64, 67]) {
          const a = JSON.stringify(scanAll(wasm!, bytes, piece));
          const b = JSON.stringify(scanAll(js, bytes, piece));
          if (a !== b) mismatches.push(`run ${run} pos ${pos} piece ${piece}: wasm ${a} js ${b}`);
          // Even runs leave the quote closing the string: the value ends at the brace after it, and the x after
          // that is garbage. Odd runs escape it: the string runs on to the next quote and the value ends at "]".
          const end = pos + run + (run % 2 ? 76 : 4);
          if (
            piece === 65536 &&
            b !== JSON.stringify({ events: [`0-${end}`, `error@${end}`], depth: 0, inString: 0, escaped: 0 })
          )
            mismatches.push(`run ${run} pos ${pos}: js ${b}`);
        }
      }
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
  });

  test('an escape, a string and a bracket carried into a piece or block start', () => {
    for (const init of [
      [1, 0, 0],
      [1, 1, 0],
      [1, 1, 1],
      [2, 0, 1],
      [64, 0, 0],
      [65, 1, 1],
    ] as const) {
      for (const first of ['"', '\\', '}', ']', '{', 'a', ' ']) {
        const bytes = Buffer.from(`${first}${'\\"}'.repeat(30)}"}]${'}'.repeat(70)}{}`, 'latin1');
        for (const piece of [65536, 64, 1]) {
          expect(scanAll(wasm!, bytes, piece, init), `${init} ${first} ${piece}`).toEqual(
            scanAll(js, bytes, piece, init),
          );
        }
      }
    }
  });

  test('the depth walk: a value ending at every position of a block, nested deeper than its closers', () => {
    for (let pad = 0; pad < 130; pad++) {
      const bytes = Buffer.from(`[[[{"a":[${' '.repeat(pad)}]}]]]${'[]'.repeat(40)} [${'1,'.repeat(50)}1]`);
      const a = scanAll(wasm!, bytes, 65536);
      expect(a).toEqual(scanAll(js, bytes, 65536));
      expect(a.events.length).toBe(1 + 40 + 1 + 1);
    }
  });

  test('a full piece of the smallest values ({} or []) fits the pair table', () => {
    const bytes = Buffer.from('{}[]'.repeat(16384));
    const a = scanAll(wasm!, bytes, 65536);
    expect(a.events.length).toBe(32768 + 1);
    expect(a).toEqual(scanAll(js, bytes, 65536));
  });
});

const message = {
  id: 7,
  result: { T: { u: { initial: { s: 'x\\"}{][ ü 日本 🚀', n: [1, [2, { a: [] }]] } } } },
  error: null,
};

describe.each<[string, SplitterOptions['scanner']]>([
  ['wasm', 'wasm'],
  ['js', 'js'],
])('JsonSplitter with the %s scanner', (_name, scanner) => {
  test('chunks larger than a scanner piece: messages across piece boundaries come back whole', () => {
    const one = JSON.stringify(message);
    const msgs: string[] = [];
    let size = 0;
    for (let i = 0; size < 300_000; i++) {
      const m = i % 7 === 0 ? JSON.stringify({ id: i, big: 'é'.repeat(40_000 + i) }) : one;
      msgs.push(m);
      size += Buffer.byteLength(m) + 1;
    }
    const bytes = Buffer.from(msgs.join('\n'));
    for (const chunk of [bytes.length, 65536, 65537, 100_000, 4096]) {
      const s = new JsonSplitter({ scanner });
      const out: string[] = [];
      for (let o = 0; o < bytes.length; o += chunk)
        for (const m of s.feed(bytes.subarray(o, o + chunk))) out.push(m.toString('utf8'));
      expect(out.length).toBe(msgs.length);
      expect(out).toEqual(msgs);
      expect(s.pending).toBe(false);
    }
  });

  test('a message ending exactly at the end of a piece, and one starting exactly at the next', () => {
    const filler = JSON.stringify({ f: 'z'.repeat(65536 - 9) });
    expect(Buffer.byteLength(filler)).toBe(65536 - 1);
    for (const lead of ['', ' ', '  ']) {
      const bytes = Buffer.from(`${lead}${filler}${JSON.stringify(message)}`);
      const s = new JsonSplitter({ scanner });
      expect(s.feed(bytes).map((b) => parseMessage(b))).toEqual([{ f: 'z'.repeat(65536 - 9) }, message]);
    }
  });

  test('a byte not allowed between messages deep inside a large chunk: JSONRPC_MALFORMED at its stream offset', () => {
    const first = Buffer.from('{"a":1}');
    const s = new JsonSplitter({ scanner });
    expect(s.feed(first).length).toBe(1);
    const big = Buffer.from(`${JSON.stringify({ p: 'q'.repeat(70_000) })}  \n x{}`);
    let err: unknown;
    try {
      s.feed(big);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(JsonRpcFramingError);
    expect((err as JsonRpcFramingError).code).toBe('JSONRPC_MALFORMED');
    expect((err as JsonRpcFramingError).offset).toBe(first.length + big.indexOf('x{}'));
    expect(s.pending).toBe(false);
  });

  test('a message over the limit inside one large chunk, before garbage: JSONRPC_MESSAGE_TOO_LARGE first', () => {
    const s = new JsonSplitter({ scanner, maxMessageBytes: 70_000 });
    const bytes = Buffer.from(`{"ok":1}${JSON.stringify({ p: 'q'.repeat(80_000) })}garbage`);
    expect(() => s.feed(bytes)).toThrow(JsonRpcMessageTooLargeError);
    const s2 = new JsonSplitter({ scanner, maxMessageBytes: 70_000 });
    expect(() => s2.feed(Buffer.from(`{"p":"${'q'.repeat(80_000)}`))).toThrow(JsonRpcMessageTooLargeError);
    const s3 = new JsonSplitter({ scanner, maxMessageBytes: 70_000 });
    expect(s3.feed(Buffer.from(`{"p":"${'q'.repeat(69_000)}"}`)).length).toBe(1);
  });

  test('one byte at a time and split at every boundary (escapes, UTF-8, nesting)', () => {
    const text = `${JSON.stringify(message)} \r\n\t${JSON.stringify([message, 'a\\\\', '\\'])}${JSON.stringify({ '"': '"' })}`;
    const bytes = Buffer.from(text);
    const expected = [message, [message, 'a\\\\', '\\'], { '"': '"' }];
    const byByte = new JsonSplitter({ scanner });
    expect([...bytes].flatMap((b) => byByte.feed(Buffer.from([b]))).map((m) => parseMessage(m))).toEqual(expected);
    for (let k = 0; k <= bytes.length; k++) {
      const s = new JsonSplitter({ scanner });
      expect([...s.feed(bytes.subarray(0, k)), ...s.feed(bytes.subarray(k))].map((m) => parseMessage(m))).toEqual(
        expected,
      );
    }
  });

  test('reset() forgets a partial message, an open string and a pending escape', () => {
    const s = new JsonSplitter({ scanner });
    expect(s.feed(Buffer.from('{"a":"\\'))).toEqual([]);
    expect(s.pending).toBe(true);
    s.reset();
    expect(s.pending).toBe(false);
    expect(s.feed(Buffer.from('{"b":"}\\\\"}')).map((m) => parseMessage(m))).toEqual([{ b: '}\\' }]);
  });
});

test('scanner option: "wasm" and "js" pick that scanner, the default picks wasm', () => {
  const kinds = (['wasm', 'js', 'auto', undefined] as const).map((k) => {
    const sp = new JsonSplitter(k ? { scanner: k } : {});
    return (sp as unknown as { scanner: Scanner }).scanner.kind;
  });
  expect(kinds).toEqual(['wasm', 'js', 'wasm', 'wasm']);
});
