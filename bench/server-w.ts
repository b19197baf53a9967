/**
 * W1–W4 (/work/shared/BENCH-WORKLOADS.md) against ovsdb-server and the embedded server in the same
 * run, with the raw JSON-RPC peer as the client: over a unix socket (both) and in process over an
 * in-memory stream (embedded). The embedded server shares the client's process and event loop.
 * `node --expose-gc --import tsx bench/server-w.ts [runs]` (without --expose-gc the embedded RSS
 * figure includes uncollected garbage).
 *
 * Besides wall time, each workload reports the CPU it cost in total: ovsdb-server's utime+stime
 * (/proc/PID/stat, 10 ms ticks) plus this process's (the client); for the embedded server, this
 * process's (server and client together). On a loaded machine CPU is the steadier figure.
 * W4: the monitor and the writer are two connections of this process (the spec's writer is a separate
 * process); the rate is end to end, from the first write to the 5,000th update counted.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JsonRpcPeer } from '../src/jsonrpc/index.js';
import { connect, type ByteStream } from '../src/transport/index.js';
import { startEmbeddedOvsdb, startOvsdbServer } from '../src/testing/index.js';
import { buildOps, DB, lspRow, w4Ops } from './ovsdb-w/rows.js';
import { cpuTicks, TICK_S } from './ovsdb-w/measure.js';
import { median } from './util.js';

const RUNS = Number(process.argv[2] ?? 3);
const CLI = fileURLToPath(new URL('../src/server/cli.ts', import.meta.url));

interface Backend {
  name: string;
  open(): Promise<Srv>;
}

interface Srv {
  stream: () => Promise<ByteStream>;
  rssKiB: () => number;
  /** Server CPU seconds so far, when the server is another process (else 0: it is in this process's). */
  serverCpuS: () => number;
  stop(): Promise<void>;
}

/**
 * In this process RSS growth says little (V8 returns or keeps pages from earlier workloads as it
 * pleases, so the growth even comes out negative): the data's size is the growth of the JS heap and
 * external memory, after a full collection (run with --expose-gc).
 */
const heapKiB = () => {
  const m = process.memoryUsage();
  return (m.heapUsed + m.external) / 1024;
};

const selfCpuS = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

/** Total CPU (server + this process) spent while `f` runs. */
async function withCpu<T>(srv: Srv, f: () => Promise<T>): Promise<[T, number]> {
  const s0 = srv.serverCpuS();
  const c0 = selfCpuS();
  const r = await f();
  return [r, srv.serverCpuS() - s0 + selfCpuS() - c0];
}

const vmRss = (pid: number | 'self') =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);

const BACKENDS: Backend[] = [
  {
    name: 'ovsdb-server (unix)',
    open: async () => {
      const s = await startOvsdbServer({ schema: 'nb' });
      return {
        stream: () => connect(s.unix),
        rssKiB: () => vmRss(s.pid),
        serverCpuS: () => cpuTicks(s.pid) * TICK_S,
        stop: () => s.stop(),
      };
    },
  },
  {
    // The embedded server alone in a node process (src/server/cli.ts), as ovsdb-server is: its RSS and
    // CPU are measured the same way, and it does not share an event loop with the client.
    name: 'embedded (own process, unix)',
    open: async () => {
      const dir = mkdtempSync(join(tmpdir(), 'server-w-'));
      const sock = join(dir, 'db.sock');
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', CLI, `--remote=punix:${sock}`, '--no-txn-history', '/usr/share/ovn/ovn-nb.ovsschema'],
        { stdio: ['ignore', 'pipe', 'inherit'] },
      );
      const exited = new Promise<void>((res) => child.once('exit', () => res()));
      await new Promise<void>((res, rej) => {
        let out = '';
        child.stdout.on('data', (d: Buffer) => (out += d.toString()).includes('listening') && res());
        child.once('exit', (code) => rej(new Error(`embedded server exited (${code})`)));
      });
      const pid = child.pid!;
      return {
        stream: () => connect(`unix:${sock}`),
        rssKiB: () => vmRss(pid),
        serverCpuS: () => cpuTicks(pid) * TICK_S,
        stop: async () => {
          child.kill('SIGTERM');
          await exited;
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  },
  {
    name: 'embedded (unix)',
    open: async () => {
      const s = await startEmbeddedOvsdb({ schema: 'nb', txnHistory: false });
      return { stream: () => connect(s.unix), rssKiB: heapKiB, serverCpuS: () => 0, stop: () => s.stop() };
    },
  },
  {
    name: 'embedded (in process)',
    open: async () => {
      const s = await startEmbeddedOvsdb({ schema: 'nb', txnHistory: false });
      return { stream: () => s.openStream(), rssKiB: heapKiB, serverCpuS: () => 0, stop: () => s.stop() };
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

async function w1(b: Backend): Promise<[number, number]> {
  const srv = await b.open();
  try {
    const setup = await peerOn(await srv.stream());
    await check(setup, [DB, { op: 'insert', table: 'NB_Global', row: {} }]);
    setup.close();
    const ops = [DB, ...buildOps({ nbGlobal: false, sw0: true, nLsp: 10_000, nAcl: 0, nAs: 0 })];
    return await withCpu(srv, async () => {
      const t0 = performance.now();
      const p = await peerOn(await srv.stream());
      await p.request('get_schema', [DB]);
      await check(p, ops);
      const ms = performance.now() - t0;
      p.close();
      return ms;
    });
  } finally {
    await srv.stop();
  }
}

async function w2(b: Backend, pipelined: boolean): Promise<[number, number]> {
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
    const r = await withCpu(srv, async () => {
      const t0 = performance.now();
      if (pipelined) await Promise.all(Array.from({ length: 2000 }, (_, i) => check(p, txn(i))));
      else for (let i = 0; i < 2000; i++) await check(p, txn(i));
      return 2000 / ((performance.now() - t0) / 1000);
    });
    p.close();
    return r;
  } finally {
    await srv.stop();
  }
}

async function w3(b: Backend): Promise<{ ms: number; cpuS: number; rssKiB: number }> {
  const srv = await b.open();
  try {
    (globalThis as { gc?: () => void }).gc?.();
    const rss0 = srv.rssKiB();
    const setup = await peerOn(await srv.stream());
    await check(setup, [DB, ...buildOps({ nbGlobal: true, sw0: true, nLsp: 50_000, nAcl: 5_000, nAs: 1_000 })]);
    setup.close();
    (globalThis as { gc?: () => void }).gc?.();
    // In this process: the heap's growth. In a process of its own (either server): its whole RSS.
    const rss = srv.rssKiB() - (b.name.includes('own process') || !b.name.startsWith('embedded') ? 0 : rss0);
    const schema = JSON.parse(readFileSync('/usr/share/ovn/ovn-nb.ovsschema', 'utf8')) as {
      tables: Record<string, { columns: Record<string, unknown> }>;
    };
    const reqs = Object.fromEntries(
      Object.entries(schema.tables).map(([t, d]) => [t, [{ columns: Object.keys(d.columns) }]]),
    );
    const [ms, cpuS] = await withCpu(srv, async () => {
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
      return ms;
    });
    return { ms, cpuS, rssKiB: rss };
  } finally {
    await srv.stop();
  }
}

async function w4(b: Backend): Promise<{ rate: number; cpuUsPerUpdate: number }> {
  const N = 5000;
  const srv = await b.open();
  try {
    const setup = await peerOn(await srv.stream());
    await check(setup, [DB, ...buildOps({ nbGlobal: true, sw0: true, nLsp: N, nAcl: 0, nAs: 0 })]);
    const sel = (await check(setup, [
      DB,
      { op: 'select', table: 'Logical_Switch_Port', where: [], columns: ['_uuid', 'name'] },
    ])) as { rows: { _uuid: [string, string]; name: string }[] }[];
    const uuidOf = new Map(sel[0]!.rows.map((r) => [r.name, r._uuid[1]]));
    setup.close();
    const mon = await peerOn(await srv.stream());
    let count = 0;
    let done: () => void = () => {};
    const all = new Promise<void>((res) => (done = res));
    mon.onNotification((n) => {
      if (n.method !== 'update2') return;
      const rows = (n.params[1] as Record<string, Record<string, { modify?: { external_ids?: unknown } }>>)
        .Logical_Switch_Port;
      for (const r of Object.values(rows ?? {})) {
        const ext = r.modify?.external_ids as [string, [string, string][]] | undefined;
        if (ext?.[1].some((p) => p[0] === 'w4') && ++count === N) done();
      }
    });
    await mon.request('monitor_cond', [DB, 'w4', { Logical_Switch_Port: [{}] }]);
    const writer = await peerOn(await srv.stream());
    const [ms, cpuS] = await withCpu(srv, async () => {
      const t0 = performance.now();
      const replies = Array.from({ length: N }, (_, k) =>
        check(writer, [DB, ...w4Ops(uuidOf.get(`lsp${String(k).padStart(5, '0')}`)!, k)]),
      );
      await Promise.all([all, ...replies]);
      return performance.now() - t0;
    });
    mon.close();
    writer.close();
    return { rate: N / (ms / 1000), cpuUsPerUpdate: (cpuS * 1e6) / N };
  } finally {
    await srv.stop();
  }
}

const results: Record<string, Record<string, number[]>> = {};
const put = (b: string, k: string, v: number) => ((results[b] ??= {})[k] ??= []).push(v);
for (let run = 0; run < RUNS; run++) {
  const order = BACKENDS.slice(run % BACKENDS.length).concat(BACKENDS.slice(0, run % BACKENDS.length));
  for (const b of order) {
    const [ms1, cpu1] = await w1(b);
    put(b.name, 'W1 ms', ms1);
    put(b.name, 'W1 CPU s', cpu1);
    const [tps, cpu2] = await w2(b, false);
    put(b.name, 'W2 txn/s', tps);
    put(b.name, 'W2 CPU µs/txn', (cpu2 * 1e6) / 2000);
    const [ptps, pcpu2] = await w2(b, true);
    put(b.name, 'W2 pipelined txn/s', ptps);
    put(b.name, 'W2 pipelined CPU µs/txn', (pcpu2 * 1e6) / 2000);
    const r3 = await w3(b);
    put(b.name, 'W3 ms', r3.ms);
    put(b.name, 'W3 CPU s', r3.cpuS);
    put(b.name, 'W3 MiB (own process: RSS; in this process: heap growth)', r3.rssKiB / 1024);
    const r4 = await w4(b);
    put(b.name, 'W4 updates/s', r4.rate);
    put(b.name, 'W4 CPU µs/update', r4.cpuUsPerUpdate);
    process.stderr.write(`run ${run + 1}: ${b.name} done\n`);
  }
}
const keys = Object.keys(Object.values(results)[0]!);
const names = Object.keys(results);
const cell = (xs: number[]) => `${median(xs).toFixed(1)} [${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)}]`;
console.log(`| metric | ${names.join(' | ')} |`);
console.log(`|---|${names.map(() => '---').join('|')}|`);
for (const k of keys) console.log(`| ${k} | ${names.map((b) => cell(results[b]![k]!)).join(' | ')} |`);
