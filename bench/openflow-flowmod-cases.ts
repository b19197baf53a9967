/**
 * The flow_mod cases of bench/openflow-flowmod.ts and bench/openflow-ab.ts: the match fields, the
 * OVN-like action list and flow text line, and the worker that measures this library's side.
 */
import type { MatchField } from '../src/openflow/match/index.js';
import type { Action } from '../src/openflow/actions/index.js';

const u16 = (n: number): Uint8Array => Uint8Array.of(n >> 8, n & 0xff);
const u32 = (n: number): Uint8Array => Uint8Array.of(n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff);
const u64 = (n: number): Uint8Array => Uint8Array.of(0, 0, 0, 0, ...u32(n));

/** 32 fields os-ken knows too, in prerequisite order; the first N are used. */
export const ALL_FIELDS: MatchField[] = [
  { field: 'in_port_oxm', value: u32(7) },
  { field: 'metadata', value: u64(0x5) },
  { field: 'eth_type', value: u16(0x0800) },
  { field: 'nw_proto', value: Uint8Array.of(6) },
  { field: 'ip_src', value: Uint8Array.of(10, 244, 0, 5) },
  { field: 'ip_dst', value: Uint8Array.of(10, 96, 0, 0), mask: Uint8Array.of(255, 255, 0, 0) },
  { field: 'tcp_dst', value: u16(443) },
  { field: 'reg0', value: u32(0x10), mask: u32(0x10) },
  { field: 'tun_id', value: u64(0x2a) },
  { field: 'eth_src', value: Uint8Array.of(0x0a, 0x58, 0x0a, 0xf4, 0, 5) },
  { field: 'eth_dst', value: Uint8Array.of(0x0a, 0x58, 0x0a, 0xf4, 0, 1) },
  { field: 'tcp_src', value: u16(0x8000), mask: u16(0x8000) },
  { field: 'ip_dscp', value: Uint8Array.of(10) },
  { field: 'ct_state', value: u32(0x22), mask: u32(0x2f) },
  { field: 'ct_zone', value: u16(5) },
  { field: 'ct_mark', value: u32(1), mask: u32(1) },
  { field: 'pkt_mark', value: u32(0x100) },
  ...Array.from({ length: 15 }, (_, i): MatchField => ({ field: `reg${i + 1}`, value: u32(i * 0x1111) })),
];

/** An OVN-like action list: register writes, ct with zone from a register and nat, resubmit, output. */
export const ACTIONS: Action[] = [
  { type: 'setField', field: { field: 'reg0', value: u32(3) } },
  { type: 'regLoad', dst: { field: 'reg10', ofs: 6, nBits: 1 }, value: 1n },
  { type: 'regMove', src: { field: 'reg14', ofs: 0, nBits: 16 }, dst: { field: 'reg15', ofs: 0, nBits: 16 } },
  {
    type: 'ct',
    commit: true,
    force: false,
    zoneSrc: { field: 'reg13', ofs: 0, nBits: 16 },
    table: 12,
    actions: [{ type: 'nat', kind: 'dst', ipMin: '10.244.0.9', protoMin: 6443, flags: [] }],
  },
  { type: 'resubmit', inPort: 0xfff8, table: 37 },
  { type: 'output', port: 3, maxLen: 0 },
];

export const TEXT =
  'table=14,priority=120,ct_state=+new+trk,tcp,reg0=0x10/0x10,metadata=0x5,nw_dst=10.96.0.1,tp_dst=443 ' +
  'actions=set_field:0x3->reg0,load:0x1->NXM_NX_REG10[6],move:NXM_NX_REG14[0..15]->NXM_NX_REG15[0..15],' +
  'ct(commit,table=12,zone=NXM_NX_REG13[0..15],nat(dst=10.244.0.9:6443)),resubmit(,37),output:3';

/** The flow_mod specs (table 14, priority 120, the first n fields of ALL_FIELDS, ACTIONS) for each size. */
export function specsFor(sizes: readonly number[]) {
  return sizes.map((n) => ({
    table: 14,
    priority: 120,
    match: ALL_FIELDS.slice(0, n),
    instructions: [{ type: 'applyActions', actions: ACTIONS }],
  }));
}

/**
 * Our side, as plain JavaScript for the worker: builds each flow_mod with the public
 * flowModFromSpec, then answers { i, kind, secs } with the rate of encodeMessage(flowMod) or
 * decodeMessage(bytes) (or parseFlow of the text line) over that many seconds.
 */
export const WORKER = `
import { parentPort, workerData } from 'node:worker_threads';
const { base, ts, specs, text } = workerData;
// From src/ the worker loads the .ts files through tsx's API: a worker does not inherit the tsx
// loader of the main thread, so a plain import of src/*.js fails there.
const tsx = ts ? await import('tsx/esm/api') : undefined;
const load = (p) => (tsx ? tsx.tsImport(base + p.replace(/[.]js$/, '.ts'), base) : import(base + p));
const { decodeMessage, encodeMessage, flowModFromSpec } = await load('openflow/messages/index.js');
const { parseFlow } = await load('openflow/text/index.js');
let sink = 0;
const fns = specs.map((spec) => {
  const fm = flowModFromSpec(spec, 0x04);
  const bytes = encodeMessage(fm);
  return { bytes, encode: () => { sink += encodeMessage(fm).length; }, decode: () => { sink += decodeMessage(bytes).priority; } };
});
fns.push({ bytes: new Uint8Array(0), text: () => { if (parseFlow(text, 0x04) === null) sink++; } });
for (const f of fns) for (let w = 0; w < 20000; w++) { f.encode?.(); f.decode?.(); }
for (let w = 0; w < 2000; w++) fns[fns.length - 1].text();
function rateFor(fn, secs) {
  let n = 0;
  const t0 = performance.now();
  let t = t0;
  while (t - t0 < secs * 1000) {
    for (let i = 0; i < 200; i++) fn();
    n += 200;
    t = performance.now();
  }
  return (n * 1000) / (t - t0);
}
parentPort.on('message', ({ i, kind, secs }) => parentPort.postMessage(rateFor(fns[i][kind], secs)));
parentPort.postMessage(fns.map((f) => Buffer.from(f.bytes).toString('hex')));
if (sink === -1) console.log(sink);
`;
