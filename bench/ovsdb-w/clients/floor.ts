/**
 * The raw floor: a minimal pre-serialized JSON-RPC client over a unix socket (raw.ts), no library.
 * Workloads: w1, w2seq, w2pipe, w3. Run as its own process by run.ts; prints `RESULT {json}`.
 */
import { RawConn, rawCall } from '../raw.js';
import { DB, buildOps, w2Ops } from '../rows.js';
import { cpuTicks, emit, parseClientArgs, peakRssMiB, pct, stallMeter, TICK_S } from '../measure.js';

const a = parseClientArgs(process.argv.slice(2));

type Reply = { id: unknown; result: unknown; error: unknown };

function checkTransact(r: Reply): void {
  if (r.error !== null) throw new Error(`transact failed: ${JSON.stringify(r.error)}`);
  for (const x of r.result as { error?: string; details?: string }[])
    if (x && x.error) throw new Error(`transact op failed: ${x.error} ${x.details ?? ''}`);
}

async function w1(): Promise<void> {
  const txn = JSON.stringify({
    id: 2,
    method: 'transact',
    params: [DB, ...buildOps({ nbGlobal: false, sw0: true, nLsp: a.n, nAcl: 0, nAs: 0 })],
  });
  const getSchema = JSON.stringify({ id: 1, method: 'get_schema', params: [DB] });
  const c0 = cpuTicks(a.serverPid);
  const u0 = process.cpuUsage();
  const t0 = performance.now();
  const conn = await RawConn.connect(a.remote);
  const s = await rawCall(conn, getSchema);
  if (s.error !== null) throw new Error('get_schema failed');
  checkTransact(await rawCall(conn, txn));
  const t1 = performance.now();
  const c1 = cpuTicks(a.serverPid);
  const u1 = process.cpuUsage(u0);
  conn.close();
  emit({
    seconds: (t1 - t0) / 1000,
    serverCpuS: (c1 - c0) * TICK_S,
    clientCpuS: (u1.user + u1.system) / 1e6,
    rssMiB: peakRssMiB(),
  });
}

async function w2(pipelined: boolean): Promise<void> {
  const conn = await RawConn.connect(a.remote);
  await rawCall(conn, JSON.stringify({ id: 0, method: 'get_schema', params: [DB] }));
  const reqs: string[] = [];
  for (let i = 0; i < a.n; i++) reqs.push(JSON.stringify({ id: i + 1, method: 'transact', params: [DB, ...w2Ops(i)] }));
  const lat: number[] = new Array<number>(a.n);
  const sentAt: number[] = new Array<number>(a.n);
  let done = 0;
  let next = 0;
  let resolveAll!: () => void;
  const all = new Promise<void>((r) => (resolveAll = r));
  conn.onMessage((m) => {
    const r = JSON.parse(m.toString('utf8')) as Reply & { method?: string };
    if (r.method === 'echo') return conn.send(JSON.stringify({ id: r.id, result: [], error: null }));
    checkTransact(r);
    const i = (r.id as number) - 1;
    lat[i] = performance.now() - sentAt[i]!;
    done++;
    if (done === a.n) resolveAll();
    else if (!pipelined) {
      sentAt[next] = performance.now();
      conn.send(reqs[next++]!);
    }
  });
  const c0 = cpuTicks(a.serverPid);
  const u0 = process.cpuUsage();
  const t0 = performance.now();
  if (pipelined) {
    for (let i = 0; i < a.n; i++) sentAt[i] = t0;
    conn.send(reqs.join(''));
  } else {
    sentAt[0] = performance.now();
    conn.send(reqs[next++]!);
  }
  await all;
  const t1 = performance.now();
  const c1 = cpuTicks(a.serverPid);
  const u1 = process.cpuUsage(u0);
  conn.close();
  const sorted = lat.slice().sort((x, y) => x - y);
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

async function w3(): Promise<void> {
  const stall = stallMeter();
  const c0 = cpuTicks(a.serverPid);
  const u0 = process.cpuUsage();
  const t0 = performance.now();
  const conn = await RawConn.connect(a.remote);
  const s = (await rawCall(conn, JSON.stringify({ id: 1, method: 'get_schema', params: [DB] }))).result as {
    tables: Record<string, { columns: Record<string, unknown> }>;
  };
  const requests: Record<string, { columns: string[] }> = {};
  for (const [t, ts] of Object.entries(s.tables)) requests[t] = { columns: Object.keys(ts.columns) };
  const r = await rawCall(
    conn,
    JSON.stringify({
      id: 2,
      method: 'monitor_cond_since',
      params: [DB, 'w3', requests, '00000000-0000-0000-0000-000000000000'],
    }),
  );
  const t1 = performance.now();
  const c1 = cpuTicks(a.serverPid);
  const u1 = process.cpuUsage(u0);
  const stallMs = stall.stop();
  conn.close();
  if (r.error !== null) throw new Error(`monitor failed: ${JSON.stringify(r.error)}`);
  const upd = (r.result as [boolean, string, Record<string, Record<string, unknown>>])[2];
  const rows: Record<string, number> = {};
  for (const [t, u] of Object.entries(upd)) rows[t] = Object.keys(u).length;
  emit({
    seconds: (t1 - t0) / 1000,
    serverCpuS: (c1 - c0) * TICK_S,
    clientCpuS: (u1.user + u1.system) / 1e6,
    rssMiB: peakRssMiB(),
    stallMs,
    rows,
  });
}

const main = { w1, w2seq: () => w2(false), w2pipe: () => w2(true), w3 }[a.workload];
if (!main) throw new Error(`floor: unknown workload ${a.workload}`);
await main();
