/**
 * The SDK side of bench/large-sb: connects, builds a ReplicaCache of the whole Southbound (every
 * table, every column) and prints `RESULT {json}` with the sync time, peak RSS, CPU and the longest
 * event-loop stall seen while syncing. Bundled by the runner so that it runs on plain node.
 *
 *   node sdk-client.mjs <remote> <server-pid>
 */
import { OvsdbClient } from '../../src/ovsdb/index.js';
import { ReplicaCache } from '../../src/ovsdb/cache/index.js';
import { cpuTicks, emit, peakRssMiB, stallMeter, TICK_S } from '../ovsdb-w/measure.js';

const [remote, pid] = process.argv.slice(2);
if (!remote || !pid) throw new Error('usage: sdk-client <remote> <server-pid>');
const stall = stallMeter();
const c0 = cpuTicks(Number(pid));
const u0 = process.cpuUsage();
const t0 = performance.now();
const c = await OvsdbClient.connect(remote, { inactivityProbeMs: 0 });
const cache = await ReplicaCache.start(c, 'OVN_Southbound');
const t1 = performance.now();
const u1 = process.cpuUsage(u0);
const c1 = cpuTicks(Number(pid));
const stallMs = stall.stop();
const rows: Record<string, number> = {};
for (const t of cache.tableNames()) rows[t] = cache.table(t).size;
const rss = peakRssMiB();
// Rows are decoded on first read; what reading each once costs afterwards (not part of the sync).
const t2 = performance.now();
let n = 0;
for (const t of cache.tableNames()) for (const r of cache.table(t).values()) if (r._uuid) n++;
const readAllMs = performance.now() - t2;
emit({
  seconds: (t1 - t0) / 1000,
  serverCpuS: (c1 - c0) * TICK_S,
  clientCpuS: (u1.user + u1.system) / 1e6,
  rssMiB: rss,
  stallMs,
  rows,
  note: `reading all ${n} rows once afterwards: ${readAllMs.toFixed(0)} ms, peak RSS then ${peakRssMiB().toFixed(0)} MiB`,
});
// Tearing down 600k rows is not part of the measurement.
process.exit(0);
