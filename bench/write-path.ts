/**
 * The controller's write path (issue #13): one `lsp_add` at a time against a Northbound database of
 * 5,000 and 50,000 existing ports, through
 *   - this SDK's NbReplica (builders planned on a ReplicaCache, guarded, read-your-writes),
 *   - this SDK's snapshot path (readNbSnapshot + builders: a select of the 13 builder tables per write),
 *   - ovsdbapp (Debian python3-ovsdbapp, its OVN_Northbound API on the Python IDL),
 *   - ovn-nbctl in daemon mode (`ovn-nbctl --detach`, then one `ovn-nbctl lsp-add` process per port),
 * in the same run on the same ovsdb-server.
 * (a) latency p50/p99 of single-port transactions at 5k and 50k; (b) 1,000 single-port transactions in
 * sequence on the 50k database: rate. Existing ports are spread over switches of 1,000 ports; the new
 * ports go to one of them.
 *
 *   npx tsx bench/write-path.ts [--quick] [--out bench/RESULTS-write-path.md]
 */
import { spawn, execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { OvsdbClient } from '../src/ovsdb/index.js';
import { startOvsdbServer, daemonEnv, type OvsdbServer } from '../src/testing/index.js';
import { NB_DATABASE, NbReplica, NbTxn, lsAdd, lspAdd, readNbSnapshot } from '../src/ovn-nb/index.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const PY = '/usr/bin/python3';
const run = promisify(execFile);
const quick = process.argv.includes('--quick');
const outIdx = process.argv.indexOf('--out');
const OUT = outIdx > 0 ? process.argv[outIdx + 1] : undefined;

const pct = (xs: readonly number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};
const mac = (i: number): string => `0a:${((i >> 16) & 255).toString(16).padStart(2, '0')}:${((i >> 8) & 255).toString(16).padStart(2, '0')}:${(i & 255).toString(16).padStart(2, '0')}:00:02`;
const ip = (i: number): string => `10.${200 + ((i >> 16) & 31)}.${(i >> 8) & 255}.${i & 255}`;

/** A fresh NB with `n` ports in switches of 1,000. */
async function populate(n: number): Promise<OvsdbServer> {
  const srv = await startOvsdbServer({ schema: 'nb' });
  const c = await OvsdbClient.connect(srv.unix, { inactivityProbeMs: 0 });
  for (let s = 0; s * 1000 < Math.max(n, 1); s++) {
    const tx = new NbTxn({}); // one switch of 1,000 ports per transaction
    lsAdd(tx, { name: `sw${s}` });
    for (let i = s * 1000; i < Math.min(n, (s + 1) * 1000); i++) lspAdd(tx, { switch: `sw${s}`, name: `old${i}`, addresses: [`${mac(i)} ${ip(i)}`] });
    await c.transact(NB_DATABASE, tx.operations(), { timeoutMs: 600_000 });
  }
  await c.close();
  return srv;
}

interface Row {
  readonly client: string;
  readonly size: number;
  readonly n: number;
  readonly p50: number;
  readonly p99: number;
  readonly perS: number;
  readonly note?: string;
}

async function sdkReplica(srv: OvsdbServer, size: number, n: number, prefix: string): Promise<Row> {
  const c = await OvsdbClient.connect(srv.unix, { inactivityProbeMs: 0 });
  const t0 = performance.now();
  const nb = await NbReplica.start(c);
  const syncMs = performance.now() - t0;
  // Warm-up, as for ovsdbapp: the first write builds the name index and compiles the hot paths.
  for (let i = 0; i < WARM; i++) await nb.transact((tx) => lspAdd(tx, { switch: 'sw0', name: `${prefix}w${i}` }));
  const lat: number[] = [];
  const w0 = performance.now();
  for (let i = 0; i < n; i++) {
    const s = performance.now();
    await nb.transact((tx) => lspAdd(tx, { switch: 'sw0', name: `${prefix}${i}`, addresses: [`${mac(900_000 + i)} 10.251.${(i >> 8) & 255}.${i & 255}`] }));
    lat.push(performance.now() - s);
  }
  const secs = (performance.now() - w0) / 1000;
  await nb.close();
  await c.close();
  return { client: 'SDK NbReplica', size, n, p50: pct(lat, 50), p99: pct(lat, 99), perS: n / secs, note: `initial sync ${syncMs.toFixed(0)} ms` };
}

async function sdkSnapshot(srv: OvsdbServer, size: number, n: number, prefix: string): Promise<Row> {
  const c = await OvsdbClient.connect(srv.unix, { inactivityProbeMs: 0 });
  const lat: number[] = [];
  const w0 = performance.now();
  for (let i = 0; i < n; i++) {
    const s = performance.now();
    const tx = new NbTxn(await readNbSnapshot(c));
    lspAdd(tx, { switch: 'sw0', name: `${prefix}${i}`, addresses: [`${mac(800_000 + i)} 10.252.${(i >> 8) & 255}.${i & 255}`] });
    await c.transact(NB_DATABASE, tx.operations());
    lat.push(performance.now() - s);
  }
  const secs = (performance.now() - w0) / 1000;
  await c.close();
  return { client: 'SDK snapshot path', size, n, p50: pct(lat, 50), p99: pct(lat, 99), perS: n / secs };
}

async function ovsdbapp(srv: OvsdbServer, size: number, n: number, prefix: string): Promise<Row> {
  const out = await new Promise<string>((resolve, reject) => {
    const p = spawn(PY, [join(HERE, 'python', 'write_path.py'), srv.unix, 'sw0', prefix, String(n), String(WARM)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let buf = '';
    p.stdout.on('data', (d: Buffer) => (buf += d.toString()));
    p.on('error', reject);
    p.on('exit', (code) => (code === 0 ? resolve(buf) : reject(new Error(`ovsdbapp exited ${code}`))));
  });
  const r = JSON.parse(out.split('\n').find((l) => l.startsWith('RESULT '))!.slice(7)) as { syncS: number; latMs: number[]; seconds: number };
  return { client: 'ovsdbapp', size, n, p50: pct(r.latMs, 50), p99: pct(r.latMs, 99), perS: n / r.seconds, note: `initial sync ${(r.syncS * 1000).toFixed(0)} ms` };
}

async function nbctlDaemon(srv: OvsdbServer, size: number, n: number, prefix: string): Promise<Row> {
  const env = daemonEnv(srv.dir);
  const { stdout } = await run('ovn-nbctl', [`--db=${srv.unix}`, '--detach', `--pidfile=${join(srv.dir, 'nbctl.pid')}`, `--log-file=${join(srv.dir, 'nbctl.log')}`], { env });
  const sock = stdout.trim();
  const denv = { ...env, OVN_NB_DAEMON: sock };
  try {
    const lat: number[] = [];
    const w0 = performance.now();
    for (let i = 0; i < n; i++) {
      const s = performance.now();
      await run('ovn-nbctl', ['lsp-add', 'sw0', `${prefix}${i}`, '--', 'lsp-set-addresses', `${prefix}${i}`, `${mac(700_000 + i)} 10.253.${(i >> 8) & 255}.${i & 255}`], { env: denv });
      lat.push(performance.now() - s);
    }
    const secs = (performance.now() - w0) / 1000;
    return { client: 'ovn-nbctl (daemon mode)', size, n, p50: pct(lat, 50), p99: pct(lat, 99), perS: n / secs, note: 'one process spawn per command' };
  } finally {
    await run('ovs-appctl', ['-t', sock, 'exit'], { env }).catch(() => {});
  }
}

const rows: Row[] = [];
const sizes = quick ? [5000] : [5000, 50_000];
const A = quick ? 50 : 200;
const B = quick ? 200 : 1000;
const WARM = 10;
for (const size of sizes) {
  const srv = await populate(size);
  try {
    const n = size === 50_000 ? B : A;
    const show = (r: Row): void => {
      rows.push(r);
      console.log(`${r.size}\t${r.client}\tn=${r.n}\tp50 ${r.p50.toFixed(2)} ms\tp99 ${r.p99.toFixed(2)} ms\t${r.perS.toFixed(0)}/s\t${r.note ?? ''}`);
    };
    show(await sdkReplica(srv, size, n, `r${size}-`));
    show(await ovsdbapp(srv, size, n, `a${size}-`));
    show(await nbctlDaemon(srv, size, Math.min(n, quick ? 20 : 100), `c${size}-`));
    show(await sdkSnapshot(srv, size, quick ? 5 : size > 5000 ? 5 : 20, `s${size}-`));
  } finally {
    await srv.stop();
  }
}

const md = [
  '| existing ports | client | single-port txns | p50 ms | p99 ms | txn/s | note |',
  '|---:|---|---:|---:|---:|---:|---|',
  ...rows.map((r) => `| ${r.size.toLocaleString('en')} | ${r.client} | ${r.n} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} | ${r.perS.toFixed(0)} | ${r.note ?? ''} |`),
].join('\n');
console.log(md);
if (OUT) writeFileSync(OUT, md + '\n');
