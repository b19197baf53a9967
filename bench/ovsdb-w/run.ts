/**
 * W1–W4 OVSDB benchmark against the reference clients (/work/shared/BENCH-WORKLOADS.md).
 *
 *   npx tsx bench/ovsdb-w/run.ts [--runs N] [--only W1,W3] [--quick] [--out FILE.md] [--clients sdk,python]
 *
 * (`--clients` keeps the floor and the clients whose label contains one of the words.)
 *
 * Builds the template databases, then for each workload and run (client order rotated each run)
 * starts a fresh ovsdb-server from a copy of the compacted template for every client, runs the
 * client in its own process (the raw floor, this SDK, Python ovs.db.idl, ovsdbapp, ovn-nbctl,
 * ovsdb-client), checks the database afterwards, and prints medians, min–max and ratios to the floor.
 * Node clients are bundled with esbuild first so that they run on plain `node` (no loader in their RSS).
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { startOvsdbServer } from '../../src/testing/index.js';
import type { OvsdbServer } from '../../src/testing/index.js';
import { buildTemplates } from './templates.js';
import type { TemplateName, Templates } from './templates.js';
import { FULL_SIZES, QUICK_SIZES, lspAddress, lspName } from './rows.js';
import type { Sizes } from './rows.js';
import { cpuTicks, TICK_S } from './measure.js';
import type { ClientResult } from './measure.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const PY = '/usr/bin/python3';
const CLIENT_TIMEOUT_MS = 180_000;

type Workload = 'W1' | 'W2' | 'W3' | 'W4';
const WORKLOADS: readonly Workload[] = ['W1', 'W2', 'W3', 'W4'];

interface Spec {
  readonly wl: Workload;
  readonly label: string;
  readonly floor?: boolean;
  readonly template: TemplateName;
  run(srv: OvsdbServer): Promise<ClientResult>;
}

// ---------- command line ----------
function parseArgs(argv: string[]) {
  let runs = 5;
  let only: Workload[] = [...WORKLOADS];
  let quick = false;
  let out: string | undefined;
  let clients: string[] | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--runs') runs = Number(argv[++i]);
    else if (a === '--only') only = argv[++i]!.split(',').map((s) => s.trim().toUpperCase() as Workload);
    else if (a === '--quick') quick = true;
    else if (a === '--out') out = argv[++i];
    else if (a === '--clients') clients = argv[++i]!.split(',').map((x) => x.trim().toLowerCase());
    else throw new Error(`unknown argument ${a}`);
  }
  if (quick && !argv.includes('--runs')) runs = 1;
  for (const w of only) if (!WORKLOADS.includes(w)) throw new Error(`unknown workload ${w}`);
  return { runs, only, quick, out, clients };
}

// ---------- child processes ----------
const children = new Set<ChildProcess>();
process.once('exit', () => {
  for (const c of children)
    if (c.exitCode === null && c.pid) {
      try {
        process.kill(c.pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
});

interface Proc {
  child: ChildProcess;
  /** Resolves with the next stdout line satisfying `pred`. */
  waitLine(pred: (l: string) => boolean): Promise<string>;
  /** Calls `h` with every later stdout line. */
  onLine(h: (l: string) => void): void;
  exited: Promise<{ code: number | null; stdout: string; stderr: string }>;
}

function start(cmd: string, args: readonly string[], opts: { stdin?: boolean; quietStdout?: boolean } = {}): Proc {
  const child = spawn(cmd, args as string[], {
    stdio: [opts.stdin ? 'pipe' : 'ignore', opts.quietStdout ? 'ignore' : 'pipe', 'pipe'],
  });
  children.add(child);
  let stdout = '';
  let stderr = '';
  let buf = '';
  const waiters: { pred: (l: string) => boolean; resolve: (l: string) => void }[] = [];
  const listeners: ((l: string) => void)[] = [];
  child.stdout?.setEncoding('utf8').on('data', (d: string) => {
    stdout += d.length < 4096 || stdout.length < 65536 ? d : '';
    buf += d;
    let nl: number;
    while ((nl = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      for (const h of listeners) h(line);
      for (let i = 0; i < waiters.length; i++) {
        if (waiters[i]!.pred(line)) {
          waiters[i]!.resolve(line);
          waiters.splice(i, 1);
          break;
        }
      }
    }
  });
  child.stderr?.setEncoding('utf8').on('data', (d: string) => {
    if (stderr.length < 65536) stderr += d;
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), CLIENT_TIMEOUT_MS);
  const exited = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    child.on('close', (code) => {
      clearTimeout(timer);
      children.delete(child);
      resolve({ code, stdout, stderr });
    });
  });
  return {
    child,
    exited,
    onLine: (h) => listeners.push(h),
    waitLine: (pred) =>
      new Promise<string>((resolve, reject) => {
        waiters.push({ pred, resolve });
        void exited.then((e) =>
          reject(
            new Error(
              `${cmd} exited (${e.code}) before the expected line: ${e.stderr.trim().split('\n').slice(-3).join(' | ')}`,
            ),
          ),
        );
      }),
  };
}

function resultOf(cmd: string, e: { code: number | null; stdout: string; stderr: string }): ClientResult {
  const line = e.stdout.split('\n').find((l) => l.startsWith('RESULT '));
  if (e.code !== 0 || !line)
    throw new Error(`${cmd} failed (exit ${e.code}): ${e.stderr.trim().split('\n').slice(-4).join(' | ')}`);
  return JSON.parse(line.slice(7)) as ClientResult;
}

/** A client that prints one RESULT line and exits. */
async function simpleClient(cmd: string, args: readonly string[]): Promise<ClientResult> {
  const p = start(cmd, args);
  return resultOf(`${cmd} ${args.slice(0, 2).join(' ')}`, await p.exited);
}

/** An external program timed as a whole by us; peak RSS from /usr/bin/time. */
async function externalClient(
  dir: string,
  srvPid: number,
  cmd: string,
  args: readonly string[],
): Promise<ClientResult> {
  const timeFile = join(dir, `time-${process.pid}.txt`);
  const c0 = cpuTicks(srvPid);
  const t0 = performance.now();
  const p = start('/usr/bin/time', ['-f', '%M', '-o', timeFile, cmd, ...args], { quietStdout: true });
  const e = await p.exited;
  const t1 = performance.now();
  const c1 = cpuTicks(srvPid);
  if (e.code !== 0)
    throw new Error(`${cmd} failed (exit ${e.code}): ${e.stderr.trim().split('\n').slice(-3).join(' | ')}`);
  const kib = Number(readFileSync(timeFile, 'utf8').trim().split('\n').pop());
  return { seconds: (t1 - t0) / 1000, serverCpuS: (c1 - c0) * TICK_S, rssMiB: kib / 1024 };
}

/** W4: writer in its own process; the monitor process says READY, then the writer goes. */
async function w4Run(
  js: string,
  srv: OvsdbServer,
  n: number,
  monitor: () => Proc,
  finish?: (m: Proc) => Promise<ClientResult>,
): Promise<ClientResult> {
  const w = start('node', [join(js, 'writer.mjs'), srv.unix, String(n)], { stdin: true });
  let m: Proc | undefined;
  try {
    await w.waitLine((l) => l === 'PREPARED');
    m = monitor();
    await m.waitLine((l) => l === 'READY');
    w.child.stdin!.write('go\n');
    const r = finish ? await finish(m) : resultOf('W4 monitor', await m.exited);
    const we = await w.exited;
    if (we.code !== 0) throw new Error(`W4 writer failed: ${we.stderr.trim().split('\n').slice(-3).join(' | ')}`);
    return r;
  } finally {
    w.child.kill('SIGKILL');
    if (m && m.child.exitCode === null) m.child.kill('SIGKILL');
  }
}

/** `ovsdb-client monitor` (C) as the W4 monitor: CPU from /proc/PID/stat between ready and the n-th update. */
function ovsdbClientMonitor(
  srv: OvsdbServer,
  n: number,
): { proc: () => Proc; finish: (m: Proc) => Promise<ClientResult> } {
  let c0 = 0;
  let t0 = 0;
  let count = 0;
  let blank = false;
  let initial = 0;
  let doneResolve!: () => void;
  const done = new Promise<void>((r) => (doneResolve = r));
  return {
    proc: () => {
      // stdbuf: ovsdb-client's stdout is a pipe here, so make stdio flush each line.
      const p = start('stdbuf', [
        '-oL',
        'ovsdb-client',
        'monitor',
        srv.unix,
        'OVN_Northbound',
        'Logical_Switch_Port',
        '--format=csv',
      ]);
      // Ready once every initial row has been printed; then count `new` rows that carry w4.
      let readyResolve!: (l: string) => void;
      const ready = new Promise<string>((r) => (readyResolve = r));
      p.onLine((l) => {
        if (!blank) {
          if (l.includes(',initial,') && ++initial === n) {
            blank = true;
            c0 = cpuTicks(p.child.pid!);
            t0 = performance.now();
            readyResolve('READY');
          }
          return;
        }
        if (l.includes(',new,') && l.includes('w4=') && ++count === n) doneResolve();
      });
      const orig = p.waitLine;
      p.waitLine = (pred) => (pred('READY') ? Promise.race([ready, orig(() => false)]) : orig(pred));
      return p;
    },
    finish: async (m) => {
      await Promise.race([
        done,
        m.exited.then(() => Promise.reject(new Error(`ovsdb-client exited after ${count} updates`))),
      ]);
      const t1 = performance.now();
      const c1 = cpuTicks(m.child.pid!);
      const hwm = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${m.child.pid}/status`, 'utf8'))?.[1]);
      m.child.kill('SIGTERM');
      await m.exited;
      return {
        seconds: (t1 - t0) / 1000,
        rssMiB: hwm / 1024,
        cpuUsPerUpdate: ((c1 - c0) * TICK_S * 1e6) / count,
        updates: count,
        note: 'CPU from /proc/PID/stat, 10 ms ticks',
      };
    },
  };
}

// ---------- the client matrix ----------
function specs(js: string, dir: string, s: Sizes, replica: boolean): Spec[] {
  const node = (file: string, wl: string, n: number) => (srv: OvsdbServer) =>
    simpleClient('node', [join(js, file), wl, srv.unix, String(srv.pid), String(n)]);
  const py = (file: string, wl: string, n: number) => (srv: OvsdbServer) =>
    simpleClient(PY, [join(HERE, 'python', file), wl, srv.unix, String(srv.pid), String(n)]);
  const nbctlW1 = (srv: OvsdbServer) => {
    const args = [`--db=${srv.unix}`, 'ls-add', 'sw0'];
    for (let i = 0; i < s.w1Lsp; i++)
      args.push('--', 'lsp-add', 'sw0', lspName(i), '--', 'lsp-set-addresses', lspName(i), lspAddress(i));
    return externalClient(dir, srv.pid, 'ovn-nbctl', args);
  };
  const nbctlW3 = (srv: OvsdbServer) => {
    // `list`/`find` make ovn-nbctl's C IDL monitor every column of the table; `find` on an absent key prints nothing.
    const schema = JSON.parse(readFileSync('/usr/share/ovn/ovn-nb.ovsschema', 'utf8')) as {
      tables: Record<string, { columns: Record<string, unknown> }>;
    };
    const args = [`--db=${srv.unix}`];
    for (const [t, ts] of Object.entries(schema.tables)) {
      if (args.length > 1) args.push('--');
      if ('external_ids' in ts.columns) args.push('find', t, 'external_ids:w3-none=x');
      else args.push('list', t);
    }
    return externalClient(dir, srv.pid, 'ovn-nbctl', args);
  };
  const w4node = (file: string) => (srv: OvsdbServer) =>
    w4Run(js, srv, s.w4Lsp, () => start('node', [join(js, file), 'w4', srv.unix, String(srv.pid), String(s.w4Lsp)]));
  const w4py = (file: string) => (srv: OvsdbServer) =>
    w4Run(js, srv, s.w4Lsp, () =>
      start(PY, [join(HERE, 'python', file), 'w4', srv.unix, String(srv.pid), String(s.w4Lsp)]),
    );
  const w4c = (srv: OvsdbServer) => {
    const m = ovsdbClientMonitor(srv, s.w4Lsp);
    return w4Run(js, srv, s.w4Lsp, m.proc, m.finish);
  };
  const list: Spec[] = [
    {
      wl: 'W1',
      label: 'raw JSON-RPC, pre-serialized (floor)',
      floor: true,
      template: 'empty',
      run: node('floor.mjs', 'w1', s.w1Lsp),
    },
    { wl: 'W1', label: 'SDK OvsdbClient.transact', template: 'empty', run: node('sdk.mjs', 'w1', s.w1Lsp) },
    {
      wl: 'W1',
      label: 'SDK OvsdbClient.transact, validate:false (diagnostic)',
      template: 'empty',
      run: node('sdk.mjs', 'w1nv', s.w1Lsp),
    },
    { wl: 'W1', label: 'Python ovs.db.idl', template: 'empty', run: py('idl_bench.py', 'w1', s.w1Lsp) },
    { wl: 'W1', label: 'ovsdbapp', template: 'empty', run: py('ovsdbapp_bench.py', 'w1', s.w1Lsp) },
    { wl: 'W1', label: 'ovn-nbctl, chained lsp-add', template: 'empty', run: nbctlW1 },
    {
      wl: 'W2',
      label: 'raw sequential (floor)',
      floor: true,
      template: 'w2',
      run: node('floor.mjs', 'w2seq', s.w2Txns),
    },
    { wl: 'W2', label: 'raw pipelined', template: 'w2', run: node('floor.mjs', 'w2pipe', s.w2Txns) },
    { wl: 'W2', label: 'SDK OvsdbClient sequential', template: 'w2', run: node('sdk.mjs', 'w2seq', s.w2Txns) },
    {
      wl: 'W2',
      label: 'SDK OvsdbClient sequential, validate:false (diagnostic)',
      template: 'w2',
      run: node('sdk.mjs', 'w2seqnv', s.w2Txns),
    },
    { wl: 'W2', label: 'SDK OvsdbClient pipelined', template: 'w2', run: node('sdk.mjs', 'w2pipe', s.w2Txns) },
    { wl: 'W2', label: 'Python ovs.db.idl', template: 'w2', run: py('idl_bench.py', 'w2seq', s.w2Txns) },
    { wl: 'W2', label: 'ovsdbapp', template: 'w2', run: py('ovsdbapp_bench.py', 'w2seq', s.w2Txns) },
    {
      wl: 'W3',
      label: 'raw monitor, one JSON decode (floor)',
      floor: true,
      template: 'w3',
      run: node('floor.mjs', 'w3', 0),
    },
    { wl: 'W3', label: 'SDK OvsdbClient.monitorCondSince (no replica)', template: 'w3', run: node('sdk.mjs', 'w3', 0) },
    { wl: 'W3', label: 'C IDL (ovn-nbctl, all 30 tables)', template: 'w3', run: nbctlW3 },
    { wl: 'W3', label: 'Python ovs.db.idl', template: 'w3', run: py('idl_bench.py', 'w3', 0) },
    { wl: 'W3', label: 'ovsdbapp', template: 'w3', run: py('ovsdbapp_bench.py', 'w3', 0) },
    { wl: 'W4', label: 'SDK OvsdbClient monitor (raw update3)', template: 'w4', run: w4node('sdk.mjs') },
    { wl: 'W4', label: 'ovsdb-client monitor (C)', template: 'w4', run: w4c },
    { wl: 'W4', label: 'Python ovs.db.idl', template: 'w4', run: w4py('idl_bench.py') },
    { wl: 'W4', label: 'ovsdbapp row events', template: 'w4', run: w4py('ovsdbapp_bench.py') },
  ];
  if (replica) {
    const extra: Spec[] = [
      { wl: 'W1', label: 'SDK with replica cache', template: 'empty', run: node('replica.mjs', 'w1', s.w1Lsp) },
      { wl: 'W3', label: 'SDK replica cache', template: 'w3', run: node('replica.mjs', 'w3', 0) },
      { wl: 'W4', label: 'SDK replica cache', template: 'w4', run: w4node('replica.mjs') },
    ];
    // Each right after the SDK's other rows of its workload.
    for (const e of extra) {
      let at = -1;
      list.forEach((x, i) => {
        if (x.wl === e.wl && x.label.startsWith('SDK')) at = i;
      });
      list.splice(at + 1, 0, e);
    }
  }
  return list;
}

// ---------- checks (ovsdb-client as the oracle) ----------
async function query(srv: OvsdbServer, op: object): Promise<{ rows: Record<string, unknown>[] }> {
  const out = await srv.client('query', JSON.stringify(['OVN_Northbound', op]));
  return (JSON.parse(out) as { rows: Record<string, unknown>[] }[])[0]!;
}

async function portsOfSw0(srv: OvsdbServer): Promise<number> {
  const r = await query(srv, {
    op: 'select',
    table: 'Logical_Switch',
    where: [['name', '==', 'sw0']],
    columns: ['ports'],
  });
  const p = r.rows[0]?.['ports'] as [string, unknown[]] | undefined;
  if (!p) return 0;
  return p[0] === 'set' ? p[1].length : 1;
}

async function check(spec: Spec, srv: OvsdbServer, r: ClientResult, s: Sizes): Promise<void> {
  switch (spec.wl) {
    case 'W1': {
      const last = s.w1Lsp - 1;
      const q = await query(srv, {
        op: 'select',
        table: 'Logical_Switch_Port',
        where: [['name', '==', lspName(last)]],
        columns: ['addresses'],
      });
      const a = q.rows[0]?.['addresses'];
      const got = Array.isArray(a) && a[0] === 'set' ? a[1] : [a];
      if (JSON.stringify(got) !== JSON.stringify([lspAddress(last)]))
        throw new Error(`W1 check: ${lspName(last)}.addresses = ${JSON.stringify(a)}`);
      const n = await portsOfSw0(srv);
      if (n !== s.w1Lsp) throw new Error(`W1 check: sw0 has ${n} ports`);
      return;
    }
    case 'W2': {
      const n = await portsOfSw0(srv);
      if (n !== s.w2Txns) throw new Error(`W2 check: sw0 has ${n} ports`);
      return;
    }
    case 'W3': {
      if (!r.rows) return; // ovn-nbctl reports no counts
      const want = { Logical_Switch_Port: s.w3Lsp, ACL: s.w3Acl, Address_Set: s.w3As };
      for (const [t, n] of Object.entries(want))
        if (r.rows[t] !== n) throw new Error(`W3 check: ${t} has ${r.rows[t]} rows, want ${n}`);
      return;
    }
    case 'W4':
      if ((r.updates ?? 0) < s.w4Lsp) throw new Error(`W4 check: ${r.updates} updates`);
      return;
  }
}

// ---------- statistics and report ----------
function median(xs: readonly number[]): number {
  const v = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  const m = v.length >> 1;
  return v.length % 2 ? v[m]! : (v[m - 1]! + v[m]!) / 2;
}
const minOf = (xs: readonly number[]) => Math.min(...xs);
const maxOf = (xs: readonly number[]) => Math.max(...xs);

interface Row {
  spec: Spec;
  results: (ClientResult & { run: number })[];
  errors: string[];
}

/** The workload's headline figure for one result. */
function metric(wl: Workload, r: ClientResult): number {
  return wl === 'W2' ? r.txnPerS! : wl === 'W4' ? r.cpuUsPerUpdate! : r.seconds;
}

function f(n: number, d = 2): string {
  return Number.isFinite(n) ? n.toFixed(d) : '–';
}

export interface Summary {
  wl: Workload;
  label: string;
  median: number;
  min: number;
  max: number;
  xFloor: number;
  rss: number;
  serverCpu: number;
  extra: string;
  runs: number;
  errors: string[];
}

function summarize(rows: Row[]): Summary[] {
  const out: Summary[] = [];
  for (const row of rows) {
    const { wl } = row.spec;
    const ms = row.results.map((r) => metric(wl, r));
    const floorRow = rows.find((x) => x.spec.wl === wl && x.spec.floor);
    const ratios: number[] = [];
    if (floorRow && wl !== 'W4') {
      for (const r of row.results) {
        const fr = floorRow.results.find((x) => x.run === r.run);
        if (!fr) continue;
        // Slowdown relative to the floor: time ratio (W2: floor txn/s over ours).
        ratios.push(wl === 'W2' ? metric(wl, fr) / metric(wl, r) : metric(wl, r) / metric(wl, fr));
      }
    }
    let extra = '';
    const cc = row.results.map((r) => r.clientCpuS ?? NaN).filter(Number.isFinite);
    const clientCpu = cc.length ? `client CPU ${f(median(cc), 2)} s` : '';
    if (wl === 'W2')
      extra = `p50 ${f(median(row.results.map((r) => r.p50Ms!)), 2)} ms, p99 ${f(median(row.results.map((r) => r.p99Ms!)), 2)} ms`;
    if (wl === 'W3') {
      const st = row.results.map((r) => r.stallMs ?? NaN).filter(Number.isFinite);
      extra = st.length ? `stall ${f(median(st), 0)} ms (max ${f(maxOf(st), 0)})` : '';
    }
    if (wl === 'W4') extra = `${f(median(row.results.map((r) => r.updates! / r.seconds)), 0)} updates/s end to end`;
    out.push({
      wl,
      label: row.spec.label,
      median: median(ms),
      min: ms.length ? minOf(ms) : NaN,
      max: ms.length ? maxOf(ms) : NaN,
      xFloor: median(ratios),
      rss: median(row.results.map((r) => r.rssMiB)),
      serverCpu: median(row.results.map((r) => r.serverCpuS ?? NaN)),
      extra: [clientCpu, extra].filter((x) => x).join('; '),
      runs: row.results.length,
      errors: row.errors,
    });
  }
  return out;
}

function unit(wl: Workload): string {
  return wl === 'W2' ? 'txn/s' : wl === 'W4' ? 'µs CPU/update' : 's';
}

export function table(sum: Summary[]): string {
  const lines = [
    '| workload | client | median | min–max | × floor | peak RSS MiB | server CPU s | runs | notes |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const x of sum) {
    const d = x.wl === 'W2' ? 0 : x.wl === 'W4' ? 1 : 3;
    const med = `${f(x.median, d)} ${unit(x.wl)}`;
    const err = x.errors.length ? ` **${x.errors.length} failed**: ${x.errors[0]!.slice(0, 160)}` : '';
    lines.push(
      `| ${x.wl} | ${x.label} | ${med} | ${f(x.min, d)}–${f(x.max, d)} | ${f(x.xFloor, 2)} | ${f(x.rss, 0)} | ${f(x.serverCpu, 2)} | ${x.runs} | ${x.extra}${err} |`,
    );
  }
  return lines.join('\n');
}

// ---------- main ----------
async function bundle(outdir: string, replica: boolean): Promise<void> {
  const entries = ['floor', 'sdk', 'writer', ...(replica ? ['replica'] : [])].map((n) =>
    join(HERE, 'clients', `${n}.ts`),
  );
  await build({
    entryPoints: entries,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outdir,
    outExtension: { '.js': '.mjs' },
    logLevel: 'error',
  });
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  const sizes = o.quick ? QUICK_SIZES : FULL_SIZES;
  const replica =
    existsSync(join(HERE, '../../src/ovsdb/cache/index.ts')) && existsSync(join(HERE, 'clients/replica.ts'));
  const dir = mkdtempSync(join(tmpdir(), `ovsdb-w-${process.pid}-`));
  const started = Date.now();
  const log = (m: string) =>
    process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${m}\n`);
  try {
    const js = join(dir, 'js');
    mkdirSync(js);
    await bundle(js, replica);
    log(`bundled node clients${replica ? ' (with replica)' : ' (no src/ovsdb/cache yet: client-only SDK variants)'}`);
    const templates: Templates = await buildTemplates(join(dir, 'templates'), sizes);
    log('templates built and compacted');
    const all = specs(js, dir, sizes, replica);
    const rows: Row[] = all
      .filter((s) => o.only.includes(s.wl))
      .filter((s) => !o.clients || s.floor || o.clients.some((c) => s.label.toLowerCase().includes(c)))
      .sort((x, y) => WORKLOADS.indexOf(x.wl) - WORKLOADS.indexOf(y.wl))
      .map((spec) => ({ spec, results: [], errors: [] }));
    for (const wl of o.only) {
      const wlRows = rows.filter((r) => r.spec.wl === wl);
      for (let run = 0; run < o.runs; run++) {
        const order = wlRows.map((_, i) => wlRows[(i + run) % wlRows.length]!);
        for (const row of order) {
          const srv = await startOvsdbServer({ schema: 'nb', fromDb: templates[row.spec.template] });
          try {
            const r = await row.spec.run(srv);
            await check(row.spec, srv, r, sizes);
            row.results.push({ ...r, run });
            log(
              `${wl} run ${run + 1}/${o.runs} ${row.spec.label}: ${f(metric(wl, r), 4)} ${unit(wl)}, RSS ${f(r.rssMiB, 0)} MiB`,
            );
          } catch (e) {
            row.errors.push((e as Error).message.replace(/\s+/g, ' '));
            log(`${wl} run ${run + 1}/${o.runs} ${row.spec.label}: FAILED ${(e as Error).message.slice(0, 300)}`);
          } finally {
            await srv.stop();
          }
        }
      }
    }
    const sum = summarize(rows);
    const cmd = `npx tsx bench/ovsdb-w/run.ts ${process.argv.slice(2).join(' ')}`.trim();
    const sizesText = `W1 ${sizes.w1Lsp} LSPs; W2 ${sizes.w2Txns} txns; W3 ${sizes.w3Lsp} LSP + ${sizes.w3Acl} ACL + ${sizes.w3As} Address_Set; W4 ${sizes.w4Lsp} LSPs/updates`;
    const report = [
      `Command: \`${cmd}\` — ${o.runs} run(s), client order rotated each run, fresh ovsdb-server per client per run.`,
      `Sizes: ${sizesText}. Total ${((Date.now() - started) / 1000).toFixed(0)} s.`,
      '',
      table(sum),
      '',
    ].join('\n');
    process.stdout.write(report + '\n');
    if (o.out) writeFileSync(o.out, report);
    if (o.out)
      writeFileSync(
        o.out.replace(/\.md$/, '') + '.json',
        JSON.stringify(
          {
            sizes,
            runs: o.runs,
            rows: rows.map((r) => ({ wl: r.spec.wl, label: r.spec.label, results: r.results, errors: r.errors })),
          },
          null,
          1,
        ),
      );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
