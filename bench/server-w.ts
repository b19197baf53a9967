/**
 * W1–W3 (/work/shared/BENCH-WORKLOADS.md) against ovsdb-server and the embedded server in the same
 * run, with the raw JSON-RPC peer as the client: over a unix socket (both) and in process over an
 * in-memory stream (embedded). The embedded server shares the client's process and event loop.
 * `npx tsx bench/server-w.ts [runs]`. W4 is not measured here.
 */
import { readFileSync } from 'node:fs';
import { JsonRpcPeer } from '../src/jsonrpc/index.js';
import { connect, type ByteStream } from '../src/transport/index.js';
import { startEmbeddedOvsdb, startOvsdbServer } from '../src/testing/index.js';
import { buildOps, DB, lspRow } from './ovsdb-w/rows.js';
import { median } from './util.js';

const RUNS = Number(process.argv[2] ?? 3);

interface Backend {
  name: string;
  open(): Promise<{ stream: () => Promise<ByteStream>; rssKiB: () => number; stop(): Promise<void> }>;
}

const vmRss = (pid: number | 'self') =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);

const BACKENDS: Backend[] = [
  {
    name: 'ovsdb-server (unix)',
    open: async () => {
      const s = await startOvsdbServer({ schema: 'nb' });
      return { stream: () => connect(s.unix), rssKiB: () => vmRss(s.pid), stop: () => s.stop() };
    },
  },
  {
    name: 'embedded (unix)',
    open: async () => {
      const s = await startEmbeddedOvsdb({ schema: 'nb', txnHistory: false });
      return { stream: () => connect(s.unix), rssKiB: () => vmRss('self'), stop: () => s.stop() };
    },
  },
  {
    name: 'embedded (in process)',
    open: async () => {
      const s = await startEmbeddedOvsdb({ schema: 'nb', txnHistory: false });
      return { stream: () => s.openStream(), rssKiB: () => vmRss('self'), stop: () => s.stop() };
    },
  },
];

async function peerOn(stream: ByteStream): Promise<JsonRpcPeer> {
  const p = new JsonRpcPeer({ write: (t) => stream.write(t), close: () => stream.close() }, { inactivityProbeMs: 0 });
  stream.onData((c) => p.receive(c));
  stream.onClose((e) => p.closed(e));
  return p;
}

async function check(p: JsonRpcPeer, params: unknown[]): Promise<unknown[]> {
  const r = (await p.request('transact', params)) as unknown[];
  const bad = r.find((x) => x && typeof x === 'object' && 'error' in (x as object));
  if (bad) throw new Error(`transaction failed: ${JSON.stringify(bad)}`);
  return r;
}

async function w1(b: Backend): Promise<number> {
  const srv = await b.open();
  try {
    const setup = await peerOn(await srv.stream());
    await check(setup, [DB, { op: 'insert', table: 'NB_Global', row: {} }]);
    setup.close();
    const t0 = performance.now();
    const p = await peerOn(await srv.stream());
    await p.request('get_schema', [DB]);
    await check(p, [DB, ...buildOps({ nbGlobal: false, sw0: true, nLsp: 10_000, nAcl: 0, nAs: 0 })]);
    const ms = performance.now() - t0;
    p.close();
    return ms;
  } finally {
    await srv.stop();
  }
}

async function w2(b: Backend, pipelined: boolean): Promise<number> {
  const srv = await b.open();
  try {
    const p = await peerOn(await srv.stream());
    await check(p, [
      DB,
      { op: 'insert', table: 'NB_Global', row: {} },
      { op: 'insert', table: 'Logical_Switch', row: { name: 'sw0' } },
    ]);
    const txn = (i: number) => [
      DB,
      { op: 'insert', table: 'Logical_Switch_Port', row: lspRow(i), 'uuid-name': 'p' },
      {
        op: 'mutate',
        table: 'Logical_Switch',
        where: [['name', '==', 'sw0']],
        mutations: [['ports', 'insert', ['set', [['named-uuid', 'p']]]]],
      },
    ];
    const t0 = performance.now();
    if (pipelined) await Promise.all(Array.from({ length: 2000 }, (_, i) => check(p, txn(i))));
    else for (let i = 0; i < 2000; i++) await check(p, txn(i));
    const s = (performance.now() - t0) / 1000;
    p.close();
    return 2000 / s;
  } finally {
    await srv.stop();
  }
}

async function w3(b: Backend): Promise<{ ms: number; rssKiB: number }> {
  const srv = await b.open();
  try {
    const rss0 = srv.rssKiB();
    const setup = await peerOn(await srv.stream());
    await check(setup, [DB, ...buildOps({ nbGlobal: true, sw0: true, nLsp: 50_000, nAcl: 5_000, nAs: 1_000 })]);
    setup.close();
    (globalThis as { gc?: () => void }).gc?.();
    const rss = srv.rssKiB() - (b.name.startsWith('embedded') ? rss0 : 0);
    const schema = JSON.parse(readFileSync('/usr/share/ovn/ovn-nb.ovsschema', 'utf8')) as {
      tables: Record<string, { columns: Record<string, unknown> }>;
    };
    const reqs = Object.fromEntries(
      Object.entries(schema.tables).map(([t, d]) => [t, [{ columns: Object.keys(d.columns) }]]),
    );
    const t0 = performance.now();
    const p = await peerOn(await srv.stream());
    await p.request('get_schema', [DB]);
    const r = (await p.request('monitor_cond_since', [DB, 'w3', reqs, '00000000-0000-0000-0000-000000000000'])) as [
      boolean,
      string,
      Record<string, object>,
    ];
    const ms = performance.now() - t0;
    if (Object.keys(r[2].Logical_Switch_Port!).length !== 50_000) throw new Error('W3: wrong row count');
    p.close();
    return { ms, rssKiB: rss };
  } finally {
    await srv.stop();
  }
}

const results: Record<string, Record<string, number[]>> = {};
const put = (b: string, k: string, v: number) => ((results[b] ??= {})[k] ??= []).push(v);
for (let run = 0; run < RUNS; run++) {
  const order = BACKENDS.slice(run % BACKENDS.length).concat(BACKENDS.slice(0, run % BACKENDS.length));
  for (const b of order) {
    put(b.name, 'W1 ms', await w1(b));
    put(b.name, 'W2 txn/s', await w2(b, false));
    put(b.name, 'W2 pipelined txn/s', await w2(b, true));
    const r3 = await w3(b);
    put(b.name, 'W3 ms', r3.ms);
    put(b.name, 'W3 data RSS MiB', r3.rssKiB / 1024);
  }
}
const keys = ['W1 ms', 'W2 txn/s', 'W2 pipelined txn/s', 'W3 ms', 'W3 data RSS MiB'];
console.log(`| backend | ${keys.join(' | ')} |`);
console.log(`|---|${keys.map(() => '---').join('|')}|`);
for (const [b, m] of Object.entries(results)) {
  console.log(
    `| ${b} | ${keys.map((k) => `${median(m[k]!).toFixed(1)} [${Math.min(...m[k]!).toFixed(1)}–${Math.max(...m[k]!).toFixed(1)}]`).join(' | ')} |`,
  );
}
