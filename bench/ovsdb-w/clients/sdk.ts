/**
 * This SDK's OvsdbClient (src/ovsdb/client.ts) on the workloads: w1, w2seq, w2pipe, w3 (raw monitor
 * decode through the client, no replica), w4 (monitor CPU per update). Prints `RESULT {json}`.
 */
import { OvsdbClient } from '../../../src/ovsdb/index.js';
import type { Operation, MonitorEvent, MonitorRequests, TableUpdates2 } from '../../../src/ovsdb/index.js';
import { DB, buildOps, w2Ops } from '../rows.js';
import { cpuTicks, emit, parseClientArgs, peakRssMiB, pct, stallMeter, TICK_S } from '../measure.js';

const a = parseClientArgs(process.argv.slice(2));
const OPTS = { inactivityProbeMs: 0 };

async function w1(validate = true): Promise<void> {
  const ops = buildOps({ nbGlobal: false, sw0: true, nLsp: a.n, nAcl: 0, nAs: 0 }) as Operation[];
  const c0 = cpuTicks(a.serverPid);
  const u0 = process.cpuUsage();
  const t0 = performance.now();
  const c = await OvsdbClient.connect(a.remote, OPTS);
  if (!validate) await c.getSchema(DB); // the schema fetch stays in the timed section
  await c.transact(DB, ops, { validate }); // by default validates against the schema (fetched here); throws on any error
  const t1 = performance.now();
  const c1 = cpuTicks(a.serverPid);
  const u1 = process.cpuUsage(u0);
  await c.close();
  emit({
    seconds: (t1 - t0) / 1000,
    serverCpuS: (c1 - c0) * TICK_S,
    clientCpuS: (u1.user + u1.system) / 1e6,
    rssMiB: peakRssMiB(),
  });
}

async function w2(pipelined: boolean, validate = true): Promise<void> {
  const c = await OvsdbClient.connect(a.remote, OPTS);
  await c.getSchema(DB);
  const lat: number[] = [];
  const c0 = cpuTicks(a.serverPid);
  const u0 = process.cpuUsage();
  const t0 = performance.now();
  if (pipelined) {
    await Promise.all(
      Array.from({ length: a.n }, async (_, i) => {
        await c.transact(DB, w2Ops(i) as Operation[], { validate });
        lat.push(performance.now() - t0);
      }),
    );
  } else {
    for (let i = 0; i < a.n; i++) {
      const s = performance.now();
      await c.transact(DB, w2Ops(i) as Operation[], { validate });
      lat.push(performance.now() - s);
    }
  }
  const t1 = performance.now();
  const c1 = cpuTicks(a.serverPid);
  const u1 = process.cpuUsage(u0);
  await c.close();
  const sorted = lat.sort((x, y) => x - y);
  const seconds = (t1 - t0) / 1000;
  emit({
    seconds,
    serverCpuS: (c1 - c0) * TICK_S,
    clientCpuS: (u1.user + u1.system) / 1e6,
    rssMiB: peakRssMiB(),
    txnPerS: a.n / seconds,
    p50Ms: pct(sorted, 50),
    p99Ms: pct(sorted, 99),
  });
}

async function allColumns(c: OvsdbClient, only?: string): Promise<MonitorRequests> {
  const s = await c.getSchema(DB);
  const req: Record<string, { columns: string[] }> = {};
  for (const [t, ts] of Object.entries(s.tables))
    if (!only || t === only) req[t] = { columns: Object.keys(ts.columns) };
  return req;
}

async function w3(): Promise<void> {
  const stall = stallMeter();
  const c0 = cpuTicks(a.serverPid);
  const u0 = process.cpuUsage();
  const t0 = performance.now();
  const c = await OvsdbClient.connect(a.remote, OPTS);
  const r = await c.monitorCondSince(DB, 'w3', await allColumns(c), null, () => {});
  const t1 = performance.now();
  const c1 = cpuTicks(a.serverPid);
  const u1 = process.cpuUsage(u0);
  const stallMs = stall.stop();
  await c.close();
  const rows: Record<string, number> = {};
  for (const [t, u] of Object.entries(r.updates)) rows[t] = Object.keys(u).length;
  emit({
    seconds: (t1 - t0) / 1000,
    serverCpuS: (c1 - c0) * TICK_S,
    clientCpuS: (u1.user + u1.system) / 1e6,
    rssMiB: peakRssMiB(),
    stallMs,
    rows,
  });
}

function hasW4(v: unknown): boolean {
  if (!Array.isArray(v) || v[0] !== 'map') return false;
  for (const p of v[1] as unknown[][]) if (p[0] === 'w4') return true;
  return false;
}

/** Monitor side of W4: prints READY after the initial reply, then counts updates carrying key w4. */
async function w4(): Promise<void> {
  const c = await OvsdbClient.connect(a.remote, OPTS);
  let count = 0;
  let t0 = 0;
  let cpu0: NodeJS.CpuUsage = process.cpuUsage();
  let finish!: () => void;
  const done = new Promise<void>((r) => (finish = r));
  let t1 = 0;
  let cpu1: NodeJS.CpuUsage = cpu0;
  const onEvent = (ev: MonitorEvent) => {
    if (ev.method === 'update') return;
    const lsp = (ev.updates as TableUpdates2)['Logical_Switch_Port'];
    if (!lsp) return;
    for (const u in lsp) {
      const ru = lsp[u]!;
      const row = ru.modify ?? ru.insert;
      if (row && hasW4(row['external_ids'])) count++;
    }
    if (count >= a.n && t1 === 0) {
      t1 = performance.now();
      cpu1 = process.cpuUsage();
      finish();
    }
  };
  await c.monitorCondSince(DB, 'w4', await allColumns(c, 'Logical_Switch_Port'), null, onEvent);
  // Ready: the runner now tells the writer to go; the timed section starts here.
  cpu0 = process.cpuUsage();
  t0 = performance.now();
  process.stdout.write('READY\n');
  await done;
  await c.close();
  const cpuUs = cpu1.user - cpu0.user + (cpu1.system - cpu0.system);
  emit({ seconds: (t1 - t0) / 1000, rssMiB: peakRssMiB(), cpuUsPerUpdate: cpuUs / count, updates: count });
}

// `nv` variants: the same with `validate: false`, to show what pre-send validation costs.
const main = {
  w1: () => w1(),
  w1nv: () => w1(false),
  w2seq: () => w2(false),
  w2seqnv: () => w2(false, false),
  w2pipe: () => w2(true),
  w3,
  w4,
}[a.workload];
if (!main) throw new Error(`sdk: unknown workload ${a.workload}`);
await main();
