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
const mac = (i: number): string =>
  `0a:${((i >> 16) & 255).toString(16).padStart(2, '0')}:${((i >> 8) & 255).toString(16).padStart(2, '0')}:${(i & 255).toString(16).padStart(2, '0')}:00:02`;
const ip = (i: number): string => `10.${200 + ((i >> 16) & 31)}.${(i >> 8) & 255}.${i & 255}`;

/** A fresh NB with `n` ports in switches of 1,000. */
async function populate(n: number): Promise<OvsdbServer> {
  const srv = await startOvsdbServer({ schema: 'nb' });
  const c = await OvsdbClient.connect(srv.unix, { inactivityProbeMs: 0 });
  for (let s = 0; s * 1000 < Math.max(n, 1); s++) {
    const tx = new NbTxn({}); // one switch of 1,000 ports per transaction
    lsAdd(tx, { name: `sw${s}` });
    for (let i = s * 1000; i < Math.min(n, (s + 1) * 1000); i++)
      lspAdd(tx, { switch: `sw${s}`, name: `old${i}`, addresses: [`${mac(i)} ${ip(i)}`] });
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

/** A persistent ovsdbapp process: `round(n, prefix)` runs n single-port lsp_adds and returns their latencies. */
async function startOvsdbapp(srv: OvsdbServer): Promise<{
  syncMs: number;
  round(n: number, prefix: string): Promise<{ lat: number[]; secs: number }>;
  stop(): void;
}> {
  const p = spawn(PY, [join(HERE, 'python', 'write_path.py'), srv.unix, 'sw0'], { stdio: ['pipe', 'pipe', 'inherit'] });
  let buf = '';
  const waiters: ((l: string) => void)[] = [];
  p.stdout.on('data', (d: Buffer) => {
    buf += d.toString();
    let k;
    while ((k = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, k);
      buf = buf.slice(k + 1);
      if (line.startsWith('RESULT ')) waiters.shift()?.(line.slice(7));
    }
  });
  const next = (): Promise<string> => new Promise((r) => waiters.push(r));
  const first = JSON.parse(await next()) as { syncS: number };
  return {
    syncMs: first.syncS * 1000,
    async round(n, prefix) {
      const got = next();
      p.stdin.write(`${n} ${prefix}\n`);
      const r = JSON.parse(await got) as { latMs: number[]; seconds: number };
      return { lat: r.latMs, secs: r.seconds };
    },
    stop: () => p.stdin.end(),
  };
}

async function nbctlDaemon(srv: OvsdbServer, size: number, n: number, prefix: string): Promise<Row> {
  const env = daemonEnv(srv.dir);
  const { stdout } = await run(
    'ovn-nbctl',
    [
      `--db=${srv.unix}`,
      '--detach',
      `--pidfile=${join(srv.dir, 'nbctl.pid')}`,
      `--log-file=${join(srv.dir, 'nbctl.log')}`,
    ],
    { env },
  );
  const sock = stdout.trim();
  const denv = { ...env, OVN_NB_DAEMON: sock };
  try {
    const lat: number[] = [];
    const w0 = performance.now();
    for (let i = 0; i < n; i++) {
      const s = performance.now();
      await run(
        'ovn-nbctl',
        [
          'lsp-add',
          'sw0',
          `${prefix}${i}`,
          '--',
          'lsp-set-addresses',
          `${prefix}${i}`,
          `${mac(700_000 + i)} 10.253.${(i >> 8) & 255}.${i & 255}`,
        ],
        { env: denv },
      );
      lat.push(performance.now() - s);
    }
    const secs = (performance.now() - w0) / 1000;
    return {
      client: 'ovn-nbctl (daemon mode)',
      size,
      n,
      p50: pct(lat, 50),
      p99: pct(lat, 99),
      perS: n / secs,
      note: 'one process spawn per command',
    };
  } finally {
    await run('ovs-appctl', ['-t', sock, 'exit'], { env }).catch(() => {});
  }
}

async function sdkSnapshot(srv: OvsdbServer, size: number, n: number, prefix: string): Promise<Row> {
  const c = await OvsdbClient.connect(srv.unix, { inactivityProbeMs: 0 });
  const lat: number[] = [];
  const w0 = performance.now();
  for (let i = 0; i < n; i++) {
    const s = performance.now();
    const tx = new NbTxn(await readNbSnapshot(c));
    lspAdd(tx, {
      switch: 'sw0',
      name: `${prefix}${i}`,
      addresses: [`${mac(800_000 + i)} 10.252.${(i >> 8) & 255}.${i & 255}`],
    });
    await c.transact(NB_DATABASE, tx.operations());
    lat.push(performance.now() - s);
  }
  const secs = (performance.now() - w0) / 1000;
  await c.close();
  return { client: 'SDK snapshot path', size, n, p50: pct(lat, 50), p99: pct(lat, 99), perS: n / secs };
}

/**
 * SDK NbReplica and ovsdbapp measured in alternating rounds (the machine is shared, its load drifts:
 * alternating gives both the same conditions). Each does WARM untimed writes first.
 */
async function sdkVsOvsdbapp(srv: OvsdbServer, size: number, n: number, rounds: number): Promise<Row[]> {
  const c = await OvsdbClient.connect(srv.unix, { inactivityProbeMs: 0 });
  const t0 = performance.now();
  const nb = await NbReplica.start(c);
  const syncMs = performance.now() - t0;
  const py = await startOvsdbapp(srv);
  let k = 0;
  const sdkRound = async (m: number, prefix: string): Promise<{ lat: number[]; secs: number }> => {
    const lat: number[] = [];
    const w0 = performance.now();
    for (let i = 0; i < m; i++) {
      const s = performance.now();
      const j = k++;
      await nb.transact((tx) =>
        lspAdd(tx, {
          switch: 'sw0',
          name: `${prefix}${i}`,
          addresses: [`${mac(900_000 + j)} 10.251.${(j >> 8) & 255}.${j & 255}`],
        }),
      );
      lat.push(performance.now() - s);
    }
    return { lat, secs: (performance.now() - w0) / 1000 };
  };
  await sdkRound(WARM, `r${size}w-`);
  await py.round(WARM, `a${size}w-`);
  const sdk = { lat: [] as number[], secs: 0 };
  const app = { lat: [] as number[], secs: 0 };
  const per = Math.ceil(n / rounds);
  for (let r = 0; r < rounds; r++) {
    const a = await sdkRound(per, `r${size}-${r}-`);
    sdk.lat.push(...a.lat);
    sdk.secs += a.secs;
    const b = await py.round(per, `a${size}-${r}-`);
    app.lat.push(...b.lat);
    app.secs += b.secs;
  }
  py.stop();
  await nb.close();
  await c.close();
  return [
    {
      client: 'SDK NbReplica',
      size,
      n: sdk.lat.length,
      p50: pct(sdk.lat, 50),
      p99: pct(sdk.lat, 99),
      perS: sdk.lat.length / sdk.secs,
      note: `initial sync ${syncMs.toFixed(0)} ms`,
    },
    {
      client: 'ovsdbapp',
      size,
      n: app.lat.length,
      p50: pct(app.lat, 50),
      p99: pct(app.lat, 99),
      perS: app.lat.length / app.secs,
      note: `initial sync ${py.syncMs.toFixed(0)} ms`,
    },
  ];
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
      console.log(
        `${r.size}\t${r.client}\tn=${r.n}\tp50 ${r.p50.toFixed(2)} ms\tp99 ${r.p99.toFixed(2)} ms\t${r.perS.toFixed(0)}/s\t${r.note ?? ''}`,
      );
    };
    for (const r of await sdkVsOvsdbapp(srv, size, n, 10)) show(r);
    show(await nbctlDaemon(srv, size, Math.min(n, quick ? 20 : 100), `c${size}-`));
    show(await sdkSnapshot(srv, size, quick ? 5 : size > 5000 ? 5 : 20, `s${size}-`));
  } finally {
    await srv.stop();
  }
}

const md = [
  '| existing ports | client | single-port txns | p50 ms | p99 ms | txn/s | note |',
  '|---:|---|---:|---:|---:|---:|---|',
  ...rows.map(
    (r) =>
      `| ${r.size.toLocaleString('en')} | ${r.client} | ${r.n} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} | ${r.perS.toFixed(0)} | ${r.note ?? ''} |`,
  ),
].join('\n');
console.log(md);
if (OUT) writeFileSync(OUT, md + '\n');
