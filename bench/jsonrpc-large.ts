/**
 * Large monitor replies without blocking the event loop (issue 7 point 6): the W3 initial sync
 * (../shared/BENCH-WORKLOADS.md: 56,003 rows, a 9.6 MB `monitor_cond_since` reply with explicit column
 * lists) and a 10× version (~96 MB reply), from a real ovsdb-server.
 *
 * For each size:
 *  1. offline, on the reply bytes captured from the server: one `parseMessage` (TextDecoder +
 *     JSON.parse, the whole stall) against `parseMessageSliced` (total time, longest stall);
 *  2. end to end: a fresh server from the template per run, `OvsdbClient.connect` + `getSchema` +
 *     `monitorCondSince` with every column of the 30 tables, with the sliced parse off
 *     (`largeMessageBytes: Infinity`, the behaviour before) and on (the default), alternated.
 * The stall is measured two ways: the longest gap between ticks of a 1 ms `setInterval` (as in
 * bench/ovsdb-w) and the maximum of `perf_hooks.monitorEventLoopDelay` (resolution 1 ms).
 *
 *   npx tsx bench/jsonrpc-large.ts [runs=5] [--only 1x|10x] [--json FILE] [--templates DIR]
 *
 * `--templates DIR` keeps the compacted templates in DIR and reuses them (the 10× one takes minutes).
 *
 * The 10× template: NB_Global + 10 switches sw0..sw9, each with 50,000 LSPs and 5,000 ACLs of its own
 * (LSP i and ACL j numbered across switches: lsp50000…, `lsp%05d` printing 6 digits past 99,999),
 * and 10,000 Address_Sets; made by 10 transactions (one per switch) then `ovsdb-tool compact`.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect as netConnect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { startOvsdbServer, run, terminate, daemonEnv } from '../src/testing/index.js';
import { OvsdbClient } from '../src/ovsdb/index.js';
import { JsonSplitter, parseMessage } from '../src/jsonrpc/splitter.js';
import { indexSync, parseMessageSliced } from '../src/jsonrpc/sliced-parse.js';
import { DB, aclRow, addressSetRow, lspRow } from './ovsdb-w/rows.js';

const args = process.argv.slice(2);
const runs = Number(args.find((a) => /^\d+$/.test(a)) ?? 5);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : undefined;
const keepDir = args.includes('--templates') ? args[args.indexOf('--templates') + 1] : undefined;

/**
 * A standalone ovsdb-server from a copy of `template` (the harness's startOvsdbServer allows 30 s for
 * `--detach`, which a 100 MB database can exceed on a loaded machine).
 */
const servers = new Set<number>();
// A benchmark stopped half-way leaves no server behind.
process.on('exit', () => {
  for (const pid of servers) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
});
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => process.exit(130));

async function serve(template: string): Promise<{ unix: string; stop(): Promise<void> }> {
  const d = mkdtempSync(join(tmpdir(), `jsonrpc-large-srv-${process.pid}-`));
  const db = join(d, 'db.db');
  copyFileSync(template, db);
  const env = daemonEnv(d);
  await run(
    'ovsdb-server',
    [
      '--detach',
      '--no-chdir',
      `--pidfile=${join(d, 'db.pid')}`,
      `--unixctl=${join(d, 'db.ctl')}`,
      `--log-file=${join(d, 'db.log')}`,
      `--remote=punix:${join(d, 'db.sock')}`,
      db,
    ],
    { env, timeoutMs: 600_000 },
  );
  const pid = Number(readFileSync(join(d, 'db.pid'), 'utf8').trim());
  servers.add(pid);
  return {
    unix: `unix:${join(d, 'db.sock')}`,
    async stop() {
      await terminate(pid);
      servers.delete(pid);
      rmSync(d, { recursive: true, force: true });
    },
  };
}

/** Ops for one switch `sw<s>` with LSPs/ACLs/Address_Sets numbered from s × (50,000 / 5,000 / 1,000). */
function switchOps(s: number, withGlobal: boolean): unknown[] {
  const ops: unknown[] = [];
  if (withGlobal) ops.push({ op: 'insert', table: 'NB_Global', row: {} });
  const ports: unknown[] = [];
  const acls: unknown[] = [];
  const rows: unknown[] = [];
  for (let i = s * 50_000; i < (s + 1) * 50_000; i++) {
    rows.push({ op: 'insert', table: 'Logical_Switch_Port', row: lspRow(i), 'uuid-name': `p${i}` });
    ports.push(['named-uuid', `p${i}`]);
  }
  for (let j = s * 5000; j < (s + 1) * 5000; j++) {
    rows.push({ op: 'insert', table: 'ACL', row: aclRow(j), 'uuid-name': `a${j}` });
    acls.push(['named-uuid', `a${j}`]);
  }
  for (let k = s * 1000; k < (s + 1) * 1000; k++)
    rows.push({ op: 'insert', table: 'Address_Set', row: addressSetRow(k) });
  ops.push(
    { op: 'insert', table: 'Logical_Switch', row: { name: `sw${s}`, ports: ['set', ports], acls: ['set', acls] } },
    ...rows,
  );
  return ops;
}

async function makeTemplate(dir: string, switches: number): Promise<string> {
  const name = `t${switches}`;
  const s = await startOvsdbServer({ schema: 'nb', dir, name });
  try {
    const c = await OvsdbClient.connect(s.unix, { inactivityProbeMs: 0 });
    for (let k = 0; k < switches; k++) {
      const r = await c.transact(DB, switchOps(k, k === 0) as never, { validate: false });
      for (const x of r as { error?: string }[])
        if (x && 'error' in x && x.error) throw new Error(`template: ${JSON.stringify(x)}`);
    }
    await c.close();
  } finally {
    await s.stop();
  }
  await run('ovsdb-tool', ['compact', join(dir, `${name}.db`)]);
  return join(dir, `${name}.db`);
}

/** The monitor request of W3: every table, explicit column lists. */
async function monitorRequest(c: OvsdbClient): Promise<Record<string, { columns: string[] }>> {
  const schema = await c.getSchema(DB);
  return Object.fromEntries(Object.entries(schema.tables).map(([n, t]) => [n, { columns: Object.keys(t.columns) }]));
}

/** The reply bytes exactly as the server sends them, over a plain socket. */
async function captureReply(template: string): Promise<Buffer> {
  const s = await serve(template);
  try {
    const c = await OvsdbClient.connect(s.unix, { inactivityProbeMs: 0 });
    const req = await monitorRequest(c);
    await c.close();
    const sock = netConnect(s.unix.slice('unix:'.length));
    const sp = new JsonSplitter();
    return await new Promise<Buffer>((resolve, reject) => {
      sock.on('error', reject);
      sock.on('data', (chunk: Buffer) => {
        for (const m of sp.feed(chunk)) {
          const head = m.subarray(0, 40).toString();
          if (head.includes('"id":1')) {
            sock.destroy();
            resolve(Buffer.from(m));
          } else if (head.includes('"echo"')) {
            const e = parseMessage(m) as { id: unknown; params: unknown };
            sock.write(JSON.stringify({ id: e.id, result: e.params, error: null }));
          }
        }
      });
      sock.write(
        JSON.stringify({
          id: 1,
          method: 'monitor_cond_since',
          params: [DB, 'm', req, '00000000-0000-0000-0000-000000000000'],
        }),
      );
    });
  } finally {
    await s.stop();
  }
}

interface Stalls {
  /** Longest gap between 1 ms interval ticks, ms. */
  interval: number;
  /**
   * Process CPU time (all threads) spent during that longest gap, ms: on a loaded machine a gap can be
   * the process waiting for a CPU rather than the event loop being busy; this tells them apart.
   */
  intervalCpu: number;
  /** monitorEventLoopDelay max, ms. */
  eld: number;
}

function stallMeter(): { stop(): Stalls } {
  let last = performance.now();
  let lastCpu = process.cpuUsage();
  let max = 0;
  let maxCpu = 0;
  const tick = () => {
    const now = performance.now();
    const cpu = process.cpuUsage();
    if (now - last > max) {
      max = now - last;
      maxCpu = (cpu.user - lastCpu.user + cpu.system - lastCpu.system) / 1000;
    }
    last = now;
    lastCpu = cpu;
  };
  const t = setInterval(tick, 1);
  const h = monitorEventLoopDelay({ resolution: 1 });
  h.enable();
  return {
    stop() {
      clearInterval(t);
      h.disable();
      tick();
      return { interval: max, intervalCpu: maxCpu, eld: h.max / 1e6 };
    },
  };
}

const gc = (globalThis as { gc?: () => void }).gc;
const settle = async () => {
  gc?.();
  await new Promise((r) => setTimeout(r, 50));
};

const cpuMs = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1000;

async function offline(bytes: Buffer): Promise<{
  wholeMs: number;
  wholeCpu: number;
  slicedMs: number;
  slicedCpu: number;
  indexCpu: number;
  maxTurn: number;
  slicedStall: Stalls;
}> {
  await settle();
  let c = process.cpuUsage();
  const t0 = performance.now();
  parseMessage(bytes);
  const wholeMs = performance.now() - t0;
  const wholeCpu = cpuMs(process.cpuUsage(c));
  await settle();
  c = process.cpuUsage();
  indexSync(bytes);
  const indexCpu = cpuMs(process.cpuUsage(c));
  await settle();
  let maxTurn = 0;
  const m = stallMeter();
  c = process.cpuUsage();
  const t1 = performance.now();
  await parseMessageSliced(bytes, { onTurn: (ms) => (maxTurn = Math.max(maxTurn, ms)) });
  const slicedMs = performance.now() - t1;
  const slicedCpu = cpuMs(process.cpuUsage(c));
  return { wholeMs, wholeCpu, slicedMs, slicedCpu, indexCpu, maxTurn, slicedStall: m.stop() };
}

async function endToEnd(template: string, sliced: boolean, expectRows: number): Promise<{ ms: number; stall: Stalls }> {
  const s = await serve(template);
  try {
    await settle();
    const m = stallMeter();
    const t0 = performance.now();
    // Our own inactivity probe off: the server cannot answer it while it builds a 100 MB reply.
    const c = await OvsdbClient.connect(
      s.unix,
      sliced ? { inactivityProbeMs: 0 } : { inactivityProbeMs: 0, largeMessageBytes: Infinity },
    );
    const req = await monitorRequest(c);
    const r = await c.monitorCondSince(DB, 'w3', req, null, () => {});
    const ms = performance.now() - t0;
    const stall = m.stop();
    let rows = 0;
    for (const t of Object.values(r.updates)) rows += Object.keys(t).length;
    await c.close();
    if (rows !== expectRows) throw new Error(`expected ${expectRows} rows, got ${rows}`);
    return { ms, stall };
  } finally {
    await s.stop();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (xs: number[]) =>
  `${median(xs).toFixed(0)} ms [${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}]`;

const dir = mkdtempSync(join(tmpdir(), `jsonrpc-large-${process.pid}-`));
const out: Record<string, unknown> = {};
try {
  for (const [label, switches] of [
    ['1x', 1],
    ['10x', 10],
  ] as const) {
    if (only && only !== label) continue;
    const tb = performance.now();
    let template: string;
    const kept = keepDir ? join(keepDir, `w3-${label}.db`) : undefined;
    if (kept && existsSync(kept)) template = kept;
    else {
      template = await makeTemplate(dir, switches);
      console.log(`${label}: template built in ${((performance.now() - tb) / 1000).toFixed(1)} s`);
      if (kept) {
        mkdirSync(keepDir!, { recursive: true });
        copyFileSync(template, kept);
      }
    }
    const bytes = await captureReply(template);
    if (process.env.SAVE_REPLY) writeFileSync(`${process.env.SAVE_REPLY}.${label}`, bytes);
    const expectRows = 1 + switches * 56_001;
    console.log(`${label}: reply ${bytes.length.toLocaleString('en')} bytes, ${expectRows.toLocaleString('en')} rows`);
    const off = {
      whole: [] as number[],
      wholeCpu: [] as number[],
      sliced: [] as number[],
      slicedTotalCpu: [] as number[],
      indexCpu: [] as number[],
      maxTurn: [] as number[],
      slicedInterval: [] as number[],
      slicedCpu: [] as number[],
      slicedEld: [] as number[],
    };
    const e2e = {
      beforeMs: [] as number[],
      beforeInt: [] as number[],
      beforeCpu: [] as number[],
      beforeEld: [] as number[],
      afterMs: [] as number[],
      afterInt: [] as number[],
      afterCpu: [] as number[],
      afterEld: [] as number[],
    };
    for (let i = 0; i < runs; i++) {
      const o = await offline(bytes);
      off.whole.push(o.wholeMs);
      off.wholeCpu.push(o.wholeCpu);
      off.sliced.push(o.slicedMs);
      off.slicedTotalCpu.push(o.slicedCpu);
      off.indexCpu.push(o.indexCpu);
      off.maxTurn.push(o.maxTurn);
      off.slicedInterval.push(o.slicedStall.interval);
      off.slicedCpu.push(o.slicedStall.intervalCpu);
      off.slicedEld.push(o.slicedStall.eld);
      for (const sliced of i % 2 ? [true, false] : [false, true]) {
        const r = await endToEnd(template, sliced, expectRows);
        const k = sliced ? 'after' : 'before';
        e2e[`${k}Ms`].push(r.ms);
        e2e[`${k}Int`].push(r.stall.interval);
        e2e[`${k}Cpu`].push(r.stall.intervalCpu);
        e2e[`${k}Eld`].push(r.stall.eld);
      }
      console.log(`${label} run ${i + 1}/${runs} done`);
    }
    console.log(`\n== ${label}: ${(bytes.length / 1e6).toFixed(1)} MB reply, ${runs} runs, medians [min–max]`);
    console.log(
      `offline parseMessage (one JSON.parse; stall = all of it): ${fmt(off.whole)} (CPU ${fmt(off.wholeCpu)})`,
    );
    console.log(`offline index pass alone: CPU ${fmt(off.indexCpu)}`);
    console.log(
      `offline parseMessageSliced: total ${fmt(off.sliced)} (CPU ${fmt(off.slicedTotalCpu)}); longest turn of parse work ${fmt(off.maxTurn)}; longest stall interval ${fmt(off.slicedInterval)} (CPU in it ${fmt(off.slicedCpu)}), ELD max ${fmt(off.slicedEld)}`,
    );
    console.log(
      `end to end, sliced off (before): total ${fmt(e2e.beforeMs)}; longest stall interval ${fmt(e2e.beforeInt)} (CPU in it ${fmt(e2e.beforeCpu)}), ELD max ${fmt(e2e.beforeEld)}`,
    );
    console.log(
      `end to end, sliced on (after):   total ${fmt(e2e.afterMs)}; longest stall interval ${fmt(e2e.afterInt)} (CPU in it ${fmt(e2e.afterCpu)}), ELD max ${fmt(e2e.afterEld)}`,
    );
    out[label] = { bytes: bytes.length, rows: expectRows, runs, offline: off, e2e };
  }
  if (jsonOut) writeFileSync(jsonOut, JSON.stringify(out, null, 1));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
