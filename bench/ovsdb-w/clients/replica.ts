/**
 * This SDK's replica cache (src/ovsdb/cache/) on W1 (replica + transaction, rows in the replica when
 * the commit returns), W3 (initial sync into a queryable replica) and W4 (row events). Prints `RESULT {json}`.
 */
import { OvsdbClient } from '../../../src/ovsdb/index.js';
import type { Operation } from '../../../src/ovsdb/index.js';
import { ReplicaCache } from '../../../src/ovsdb/cache/index.js';
import { DB, buildOps, lspAddress, lspName } from '../rows.js';
import { cpuTicks, emit, parseClientArgs, peakRssMiB, stallMeter, TICK_S } from '../measure.js';

const a = parseClientArgs(process.argv.slice(2));
const OPTS = { inactivityProbeMs: 0 };

async function w1(): Promise<void> {
  const ops = buildOps({ nbGlobal: false, sw0: true, nLsp: a.n, nAcl: 0, nAs: 0 }) as Operation[];
  const c0 = cpuTicks(a.serverPid);
  const u0 = process.cpuUsage();
  const t0 = performance.now();
  const c = await OvsdbClient.connect(a.remote, OPTS);
  const cache = await ReplicaCache.start(c, DB);
  await cache.transact(() => ops);
  const lsp = cache.table('Logical_Switch_Port');
  while (lsp.size < a.n) if (!(await cache.waitForUpdates(1, 30_000))) throw new Error(`replica has ${lsp.size} LSPs`);
  const t1 = performance.now();
  const c1 = cpuTicks(a.serverPid);
  const u1 = process.cpuUsage(u0);
  const last = [...lsp.values()].find((r) => r['name'] === lspName(a.n - 1));
  const addrs = last?.['addresses'] as readonly string[] | undefined;
  if (addrs?.[0] !== lspAddress(a.n - 1))
    throw new Error(`replica: ${lspName(a.n - 1)}.addresses = ${JSON.stringify(addrs)}`);
  await cache.close();
  await c.close();
  emit({
    seconds: (t1 - t0) / 1000,
    serverCpuS: (c1 - c0) * TICK_S,
    clientCpuS: (u1.user + u1.system) / 1e6,
    rssMiB: peakRssMiB(),
    rows: { Logical_Switch_Port: lsp.size },
  });
}

async function w3(): Promise<void> {
  const stall = stallMeter();
  const c0 = cpuTicks(a.serverPid);
  const u0 = process.cpuUsage();
  const t0 = performance.now();
  const c = await OvsdbClient.connect(a.remote, OPTS);
  const cache = await ReplicaCache.start(c, DB);
  const t1 = performance.now();
  const c1 = cpuTicks(a.serverPid);
  const u1 = process.cpuUsage(u0);
  const stallMs = stall.stop();
  const rows: Record<string, number> = {};
  for (const t of cache.tableNames()) rows[t] = cache.table(t).size;
  const rss = peakRssMiB();
  // Not part of W3 (rows are decoded on first read): the cost of reading every row once afterwards.
  const t2 = performance.now();
  let n = 0;
  for (const t of cache.tableNames()) for (const r of cache.table(t).values()) if (r._uuid) n++;
  const readAllMs = performance.now() - t2;
  await cache.close();
  await c.close();
  emit({
    seconds: (t1 - t0) / 1000,
    serverCpuS: (c1 - c0) * TICK_S,
    clientCpuS: (u1.user + u1.system) / 1e6,
    rssMiB: rss,
    stallMs,
    rows,
    note: `reading all ${n} rows once afterwards: ${readAllMs.toFixed(0)} ms, RSS then ${peakRssMiB().toFixed(0)} MiB`,
  });
}

async function w4(): Promise<void> {
  const c = await OvsdbClient.connect(a.remote, OPTS);
  const cache = await ReplicaCache.start(c, DB, { tables: ['Logical_Switch_Port'] });
  const events = cache.events({ tables: ['Logical_Switch_Port'], maxBuffered: 1_000_000 });
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  process.stdout.write('READY\n');
  let count = 0;
  for await (const ev of events) {
    if (ev.type === 'update' && 'w4' in (ev.new['external_ids'] as Record<string, string>)) count++;
    if (count >= a.n) break;
  }
  const t1 = performance.now();
  const cpu1 = process.cpuUsage(cpu0);
  await cache.close();
  await c.close();
  emit({
    seconds: (t1 - t0) / 1000,
    rssMiB: peakRssMiB(),
    cpuUsPerUpdate: (cpu1.user + cpu1.system) / count,
    updates: count,
  });
}

const main = { w1, w3, w4 }[a.workload];
if (!main) throw new Error(`replica: unknown workload ${a.workload}`);
await main();
