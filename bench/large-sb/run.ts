/**
 * Large Southbound: initial sync of a Southbound the size of a large deployment (≥ 500k Logical_Flow
 * rows, see generate.ts) by this SDK's ReplicaCache, the C IDL (ovn-sbctl, every table) and the
 * Python IDL (ovs.db.idl, register_all), against one ovsdb-server, in the same run.
 *
 *   npx tsx bench/large-sb/run.ts [--scale 1] [--runs 3] [--clients sdk,c,python]
 *
 * Each run rotates the client order. Every client runs in its own process: the SDK client is bundled
 * with esbuild and runs on plain node; the C IDL is timed as a whole with /usr/bin/time (its time
 * includes process start and printing nothing); the SDK and Python clients time themselves from
 * connect to a complete replica and report their peak RSS (VmHWM). The SDK and Python replicas are
 * checked to hold every generated row. Prints a markdown table; everything it creates is removed.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { startOvsdbServer } from '../../src/testing/index.js';
import type { OvsdbServer } from '../../src/testing/index.js';
import type { ClientResult } from '../ovsdb-w/measure.js';
import { cpuTicks, TICK_S } from '../ovsdb-w/measure.js';
import { expectedRows, generateSb, scaled, SB_SCHEMA } from './generate.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const TIMEOUT_MS = 900_000;

function args(argv: string[]): { scale: number; runs: number; clients: string[] } {
  let scale = 1;
  let runs = 3;
  let clients = ['sdk', 'c', 'python'];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--scale') scale = Number(argv[++i]);
    else if (a === '--runs') runs = Number(argv[++i]);
    else if (a === '--clients') clients = argv[++i]!.split(',');
    else throw new Error(`unknown argument ${a}`);
  }
  return { scale, runs, clients };
}

function run(cmd: string, argv: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      if (stdout.length < 1 << 20) stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      if (stderr.length < 1 << 16) stderr += d;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

function result(what: string, e: { code: number | null; stdout: string; stderr: string }): ClientResult {
  const line = e.stdout.split('\n').find((l) => l.startsWith('RESULT '));
  if (e.code !== 0 || !line)
    throw new Error(`${what} failed (exit ${e.code}): ${e.stderr.trim().split('\n').slice(-4).join(' | ')}`);
  return JSON.parse(line.slice(7)) as ClientResult;
}

function checkRows(what: string, got: Record<string, number> | undefined, want: Record<string, number>): void {
  for (const [t, n] of Object.entries(want))
    if (got?.[t] !== n) throw new Error(`${what}: ${t} has ${got?.[t]} rows, want ${n}`);
}

/**
 * ovn-sbctl with a `find` on an absent external_ids key (prints nothing) or a `list` per table, so that its
 * C IDL monitors every column of every table.
 */
async function cIdl(dir: string, srv: OvsdbServer): Promise<ClientResult> {
  const schema = JSON.parse(readFileSync(SB_SCHEMA, 'utf8')) as {
    tables: Record<string, { columns: Record<string, unknown> }>;
  };
  const argv = [`--db=${srv.unix}`];
  for (const [t, ts] of Object.entries(schema.tables)) {
    if (argv.length > 1) argv.push('--');
    if ('external_ids' in ts.columns) argv.push('find', t, 'external_ids:bench-none=x');
    else argv.push('list', t);
  }
  const timeFile = join(dir, 'time.txt');
  const c0 = cpuTicks(srv.pid);
  const t0 = performance.now();
  const e = await run('/usr/bin/time', ['-f', '%M %U %S', '-o', timeFile, 'ovn-sbctl', ...argv]);
  const t1 = performance.now();
  const c1 = cpuTicks(srv.pid);
  if (e.code !== 0)
    throw new Error(`ovn-sbctl failed (exit ${e.code}): ${e.stderr.trim().split('\n').slice(-3).join(' | ')}`);
  const [kib, u, s] = readFileSync(timeFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
  return { seconds: (t1 - t0) / 1000, serverCpuS: (c1 - c0) * TICK_S, clientCpuS: u! + s!, rssMiB: kib! / 1024 };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function main(): Promise<void> {
  const o = args(process.argv.slice(2));
  const dir = mkdtempSync(join(tmpdir(), `large-sb-${process.pid}-`));
  const t00 = Date.now();
  const log = (m: string): boolean =>
    process.stderr.write(`[${((Date.now() - t00) / 1000).toFixed(0).padStart(4)} s] ${m}\n`);
  let srv: OvsdbServer | undefined;
  try {
    await build({
      entryPoints: [join(HERE, 'sdk-client.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile: join(dir, 'sdk-client.mjs'),
      logLevel: 'error',
    });
    const sizes = scaled(o.scale);
    const want = expectedRows(sizes);
    const db = join(dir, 'sb.db');
    generateSb(db, sizes);
    log(`generated and compacted ${db} (${(statSync(db).size / 1048576).toFixed(0)} MiB): ${JSON.stringify(want)}`);
    const ts = performance.now();
    srv = await startOvsdbServer({ schema: 'sb', fromDb: db });
    log(`ovsdb-server up in ${((performance.now() - ts) / 1000).toFixed(1)} s`);
    const clients: Record<string, () => Promise<ClientResult>> = {
      sdk: async () => {
        const r = result(
          'SDK client',
          await run('node', ['--max-old-space-size=8192', join(dir, 'sdk-client.mjs'), srv!.unix, String(srv!.pid)]),
        );
        checkRows('SDK replica', r.rows, want);
        return r;
      },
      c: () => cIdl(dir, srv!),
      python: async () => {
        const r = result(
          'Python IDL',
          await run('/usr/bin/python3', [join(HERE, 'idl_client.py'), srv!.unix, String(srv!.pid)]),
        );
        checkRows('Python IDL', r.rows, want);
        return r;
      },
    };
    const order = o.clients.filter((c) => c in clients);
    const res: Record<string, ClientResult[]> = {};
    for (let r = 0; r < o.runs; r++) {
      for (let k = 0; k < order.length; k++) {
        const name = order[(k + r) % order.length]!;
        const x = await clients[name]!();
        (res[name] ??= []).push(x);
        log(
          `run ${r + 1} ${name}: ${x.seconds.toFixed(2)} s, RSS ${x.rssMiB.toFixed(0)} MiB${x.stallMs !== undefined ? `, stall ${x.stallMs.toFixed(0)} ms` : ''}`,
        );
      }
    }
    const label: Record<string, string> = {
      sdk: 'SDK ReplicaCache (all tables)',
      c: 'C IDL (ovn-sbctl, all tables)',
      python: 'Python ovs.db.idl (register_all)',
    };
    const cTime = res.c ? median(res.c.map((x) => x.seconds)) : NaN;
    const cRss = res.c ? median(res.c.map((x) => x.rssMiB)) : NaN;
    const total = Object.values(want).reduce((a, b) => a + b, 0);
    console.log(
      `node ${process.version}, ${new Date().toISOString()}, ${total} rows (${want.Logical_Flow} Logical_Flow), ${o.runs} runs, medians (min–max)`,
    );
    console.log('');
    console.log('| client | sync s | ×C time | peak RSS MiB | ×C RSS | client CPU s | server CPU s | stall ms |');
    console.log('|---|---|---|---|---|---|---|---|');
    for (const name of order) {
      const xs = res[name]!;
      const sec = xs.map((x) => x.seconds);
      const rss = median(xs.map((x) => x.rssMiB));
      const stall = xs.some((x) => x.stallMs !== undefined) ? median(xs.map((x) => x.stallMs ?? NaN)).toFixed(0) : '–';
      console.log(
        `| ${label[name]} | ${median(sec).toFixed(2)} (${Math.min(...sec).toFixed(2)}–${Math.max(...sec).toFixed(2)}) | ${(median(sec) / cTime).toFixed(2)} | ${rss.toFixed(0)} | ${(rss / cRss).toFixed(2)} | ${median(xs.map((x) => x.clientCpuS ?? NaN)).toFixed(2)} | ${median(xs.map((x) => x.serverCpuS ?? NaN)).toFixed(2)} | ${stall} |`,
      );
    }
    const notes = res.sdk?.map((x) => x.note).filter(Boolean);
    if (notes?.length) console.log(`\nSDK: ${notes[0]}`);
    if (res.sdk && res.c) {
      const st = median(res.sdk.map((x) => x.stallMs ?? NaN));
      const tm = median(res.sdk.map((x) => x.seconds)) / cTime;
      const rm = median(res.sdk.map((x) => x.rssMiB)) / cRss;
      console.log(
        `\nGoals: time ≤ C IDL: ${tm <= 1 ? 'met' : 'NOT met'} (${tm.toFixed(2)}×); RSS ≤ C IDL: ${rm <= 1 ? 'met' : 'NOT met'} (${rm.toFixed(2)}×); stall ≤ 50 ms: ${st <= 50 ? 'met' : 'NOT met'} (${st.toFixed(0)} ms)`,
      );
    }
  } finally {
    await srv?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
