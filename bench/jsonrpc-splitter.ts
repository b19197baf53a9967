/**
 * Splitter cost against JSON.parse on the same bytes. Goal (issue 2): on a ~10 MB monitor-reply-like
 * stream fed in 64 KiB chunks the splitter costs at most 10 % of JSON.parse.
 *   npx tsx bench/jsonrpc-splitter.ts [runs]      (default 21 runs per figure)
 *
 * The machine is shared and noisy, so runs are interleaved — splitter, JSON.parse, splitter, … — and the
 * ratio reported is the median of the per-pair ratios (each pair saw about the same load), next to the
 * median times. Also printed: the WebAssembly scanner alone (copy into wasm memory + scan, no message
 * assembly), the JavaScript fallback scanner, other chunk sizes, and a stream of small update messages.
 */
import { JsonSplitter, type SplitterOptions } from '../src/jsonrpc/splitter.js';
import { wasmScanner } from '../src/jsonrpc/scan-wasm.js';
import { fmt, median } from './util.js';

const RUNS = Number(process.argv[2] ?? 21);

function uuidOf(i: number): string {
  const h = ((i * 2654435761) >>> 0).toString(16).padStart(8, '0');
  return `${h}-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
}

function lspRow(i: number): Record<string, unknown> {
  return {
    name: `lsp${String(i).padStart(5, '0')}`,
    addresses: `00:00:00:${((i >> 16) & 255).toString(16).padStart(2, '0')}:${((i >> 8) & 255).toString(16).padStart(2, '0')}:${(i & 255).toString(16).padStart(2, '0')} 10.16.${(i >> 8) & 255}.${i & 255}`,
    external_ids: [
      'map',
      [
        ['pod', 'true'],
        ['ls', 'ovn-default'],
        ['note', 'quote \\" brace { } ü'],
      ],
    ],
    port_security: ['set', []],
    up: true,
    tag: ['set', []],
    options: ['map', []],
  };
}

/** One monitor reply per 1,000 rows, as ovsdb-server would send for Logical_Switch_Port. */
function makeStream(targetBytes: number): Buffer {
  const msgs: string[] = [];
  let size = 0;
  let i = 0;
  let id = 0;
  while (size < targetBytes) {
    const rows: Record<string, unknown> = {};
    for (let k = 0; k < 1000; k++, i++) rows[uuidOf(i)] = { initial: lspRow(i) };
    const m = JSON.stringify({ id: id++, result: { Logical_Switch_Port: rows }, error: null });
    msgs.push(m);
    size += Buffer.byteLength(m);
  }
  return Buffer.from(msgs.join(''));
}

/** update2 notifications, one row each, separated by a newline (small messages, many per chunk). */
function makeUpdates(targetBytes: number): Buffer {
  const msgs: string[] = [];
  let size = 0;
  for (let i = 0; size < targetBytes; i++) {
    const m = JSON.stringify({
      id: null,
      method: 'update2',
      params: ['mon', { Logical_Switch_Port: { [uuidOf(i)]: { modify: lspRow(i) } } }],
    });
    msgs.push(m);
    size += Buffer.byteLength(m) + 1;
  }
  return Buffer.from(msgs.join('\n'));
}

function time(fn: () => void): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

function splitAll(stream: Buffer, chunk: number, opts: SplitterOptions): number {
  const s = new JsonSplitter(opts);
  let messages = 0;
  for (let o = 0; o < stream.length; o += chunk) messages += s.feed(stream.subarray(o, o + chunk)).length;
  if (s.pending) throw new Error('stream ended inside a message');
  return messages;
}

function textsOf(stream: Buffer): string[] {
  return new JsonSplitter().feed(stream).map((m) => m.toString('utf8'));
}

interface Pairs {
  split: number[];
  parse: number[];
  ratio: number[];
}

/** Interleaved runs of `split` and JSON.parse over `texts`; warm-up runs first. */
function paired(split: () => void, texts: readonly string[], runs = RUNS): Pairs {
  const parse = (): void => {
    for (const t of texts) JSON.parse(t);
  };
  for (let i = 0; i < 3; i++) {
    split();
    parse();
  }
  const r: Pairs = { split: [], parse: [], ratio: [] };
  for (let i = 0; i < runs; i++) {
    const a = time(split);
    const b = time(parse);
    r.split.push(a);
    r.parse.push(b);
    r.ratio.push(a / b);
  }
  return r;
}

function range(xs: readonly number[]): string {
  return `[${fmt(Math.min(...xs))}–${fmt(Math.max(...xs))}]`;
}

function report(label: string, r: Pairs): void {
  console.log(
    `${label}: splitter median ${fmt(median(r.split))} ms ${range(r.split)}, JSON.parse median ${fmt(median(r.parse))} ms ${range(r.parse)}, ` +
      `ratio median ${fmt(median(r.ratio) * 100, 1)} % [${fmt(Math.min(...r.ratio) * 100, 1)}–${fmt(Math.max(...r.ratio) * 100, 1)}]`,
  );
}

const CHUNK = 64 * 1024;
const stream = makeStream(10 * 1024 * 1024);
const texts = textsOf(stream);
const scanner = wasmScanner();
console.log(
  `node ${process.version}, ${RUNS} interleaved runs per figure, scanner: ${scanner ? 'wasm' : 'js (wasm SIMD unavailable)'}`,
);
console.log(
  `stream: ${fmt(stream.length / 1048576)} MiB, ${texts.length} monitor replies of ~${fmt(stream.length / texts.length / 1024, 0)} KiB`,
);

// The goal: default splitter, 64 KiB chunks.
const main = paired(() => void splitAll(stream, CHUNK, {}), texts);
report('GOAL 64 KiB chunks', main);
console.log(`goal ≤ 10 %: ${median(main.ratio) <= 0.1 ? 'MET' : 'NOT MET'}`);

// Where the time goes: the scanner alone (copy into wasm memory + scan, no message assembly).
if (scanner) {
  const scanOnly = paired(() => {
    let d = 0;
    let s = 0;
    let e = 0;
    for (let o = 0; o < stream.length; o += CHUNK) {
      scanner.scan(stream.subarray(o, o + CHUNK), d, s, e);
      d = scanner.state[0]!;
      s = scanner.state[1]!;
      e = scanner.state[2]!;
    }
  }, texts);
  report('wasm scanner only (no assembly)', scanOnly);
}
report(
  'JS fallback scanner, 64 KiB chunks',
  paired(() => void splitAll(stream, CHUNK, { scanner: 'js' }), texts, Math.min(RUNS, 15)),
);
for (const size of [4 * 1024, 1024 * 1024]) {
  report(
    `${size / 1024} KiB chunks`,
    paired(() => void splitAll(stream, size, {}), texts, Math.min(RUNS, 15)),
  );
}
const updates = makeUpdates(10 * 1024 * 1024);
const updateTexts = textsOf(updates);
console.log(
  `update stream: ${fmt(updates.length / 1048576)} MiB, ${updateTexts.length} update2 notifications of ~${fmt(updates.length / updateTexts.length, 0)} B`,
);
report(
  'updates, 64 KiB chunks',
  paired(() => void splitAll(updates, CHUNK, {}), updateTexts, Math.min(RUNS, 15)),
);
