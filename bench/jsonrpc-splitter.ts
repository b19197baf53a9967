/**
 * Splitter cost against JSON.parse on the same bytes: a ~10 MB monitor-reply-like stream fed in
 * 64 KiB chunks. Goal (issue 2): the splitter costs at most 10 % of JSON.parse.
 *   npx tsx bench/jsonrpc-splitter.ts
 */
import { JsonSplitter } from '../src/jsonrpc/splitter.js';
import { fmt, median, sample } from './util.js';

function uuidOf(i: number): string {
  const h = (i * 2654435761 >>> 0).toString(16).padStart(8, '0');
  return `${h}-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
}

/** One monitor reply per 1,000 rows, as ovsdb-server would send for Logical_Switch_Port. */
function makeStream(targetBytes: number): Buffer {
  const msgs: string[] = [];
  let size = 0;
  let i = 0;
  let id = 0;
  while (size < targetBytes) {
    const rows: Record<string, unknown> = {};
    for (let k = 0; k < 1000; k++, i++) {
      rows[uuidOf(i)] = {
        initial: {
          name: `lsp${String(i).padStart(5, '0')}`,
          addresses: `00:00:00:${((i >> 16) & 255).toString(16).padStart(2, '0')}:${((i >> 8) & 255).toString(16).padStart(2, '0')}:${(i & 255).toString(16).padStart(2, '0')} 10.16.${(i >> 8) & 255}.${i & 255}`,
          external_ids: ['map', [['pod', 'true'], ['ls', 'ovn-default'], ['note', 'quote \\" brace { } ü']]],
          port_security: ['set', []],
          up: true,
          tag: ['set', []],
          options: ['map', []],
        },
      };
    }
    const m = JSON.stringify({ id: id++, result: { Logical_Switch_Port: rows }, error: null });
    msgs.push(m);
    size += Buffer.byteLength(m);
  }
  return Buffer.from(msgs.join(''));
}

const stream = makeStream(10 * 1024 * 1024);
const CHUNK = 64 * 1024;
let messages = 0;
const splitTimes = sample(() => {
  const s = new JsonSplitter();
  messages = 0;
  for (let o = 0; o < stream.length; o += CHUNK) messages += s.feed(stream.subarray(o, o + CHUNK)).length;
});
// JSON.parse over the same bytes, message by message (what the client does after splitting).
const texts: string[] = [];
{
  const s = new JsonSplitter();
  for (let o = 0; o < stream.length; o += CHUNK) for (const m of s.feed(stream.subarray(o, o + CHUNK))) texts.push(m.toString('utf8'));
}
const parseTimes = sample(() => {
  for (const t of texts) JSON.parse(t);
});
const split = median(splitTimes);
const parse = median(parseTimes);
console.log(`stream: ${fmt(stream.length / 1048576)} MiB, ${messages} messages, 64 KiB chunks`);
console.log(`splitter: median ${fmt(split)} ms [${fmt(Math.min(...splitTimes))}–${fmt(Math.max(...splitTimes))}]`);
console.log(`JSON.parse: median ${fmt(parse)} ms [${fmt(Math.min(...parseTimes))}–${fmt(Math.max(...parseTimes))}]`);
console.log(`ratio splitter / JSON.parse: ${fmt((split / parse) * 100, 1)} % (goal ≤ 10 %)`);
