/**
 * The relay tier (issue #21 item 2): a 3-member Southbound RAFT cluster, 2 ovsdb-server relays in front
 * of it, and many SDK sessions — each the conditional Southbound view of one chassis, as ovn-controller
 * monitors it — spread over a few processes; a writer moves ports between chassis. Then the same number
 * of C `ovsdb-client monitor-cond` processes under the same writer, as the per-client baseline.
 *
 *   npx tsx bench/relay-tier/run.ts [--sessions 200] [--procs 4] [--updates 500] [--ports-per-chassis 10]
 *
 * Reports: memory per session (RSS over the processes, and the part the sessions added), client CPU per
 * update delivered, relay and cluster CPU during the writes, fan-out latency p50/p99 (writer commit
 * stamp → new owner's cache event), and the reconnect storm after SIGKILL of one relay (time until every
 * session that was on it is live again on the other, caches resumed). Everything started is stopped.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { OvsdbClient, op } from '../../src/ovsdb/index.js';
import { startOvsdbCluster, startOvsdbRelay, type OvsdbCluster, type OvsdbRelay } from '../../src/testing/index.js';
import { cpuTicks, pct, rssKiB, TICK_S } from '../ovsdb-w/measure.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const SB = 'OVN_Southbound';

function args(argv: string[]): { sessions: number; procs: number; updates: number; ppc: number; datapaths: number } {
  const o = { sessions: 200, procs: 4, updates: 500, ppc: 10, datapaths: 20 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const v = Number(argv[++i]);
    if (!Number.isInteger(v) || v <= 0) throw new Error(`${a} needs a positive integer`);
    if (a === '--sessions') o.sessions = v;
    else if (a === '--procs') o.procs = v;
    else if (a === '--updates') o.updates = v;
    else if (a === '--ports-per-chassis') o.ppc = v;
    else if (a === '--datapaths') o.datapaths = v;
    else throw new Error(`unknown argument ${a}`);
  }
  return o;
}

const wall = (): number => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ticks = (pids: readonly number[]): number => pids.reduce((n, p) => n + cpuTicks(p), 0);
const rows = (r: unknown): Record<string, unknown>[] => (r as { rows: Record<string, unknown>[] }).rows;

/** Chassis with one Encap each, datapaths, and `ppc` ports per chassis bound round-robin. */
async function populate(
  c: OvsdbClient,
  o: ReturnType<typeof args>,
): Promise<{ chassis: { name: string; uuid: string }[]; ports: string[]; owner: number[] }> {
  for (let base = 0; base < o.sessions; base += 50) {
    const ops = [];
    for (let i = base; i < Math.min(o.sessions, base + 50); i++) {
      ops.push(
        op.insert(
          'Encap',
          { type: 'geneve', ip: `192.0.${i >> 8}.${i & 255}`, chassis_name: `chassis-${i}`, options: ['map', []] },
          `e${i}`,
        ),
        op.insert('Chassis', {
          name: `chassis-${i}`,
          hostname: `node-${i}`,
          encaps: ['set', [['named-uuid', `e${i}`]]],
        }),
      );
    }
    await c.transact(SB, ops);
  }
  const dps: string[] = [];
  {
    const ops = [];
    for (let d = 0; d < o.datapaths; d++)
      ops.push(op.insert('Datapath_Binding', { tunnel_key: d + 1, external_ids: ['map', [['name', `ls-${d}`]]] }));
    const res = await c.transact(SB, ops);
    for (const r of res) dps.push((r as { uuid: [string, string] }).uuid[1]);
  }
  const [ch] = await c.transact(SB, [op.select('Chassis', [], ['_uuid', 'name'])]);
  const byName = new Map(rows(ch).map((r) => [r.name as string, (r._uuid as [string, string])[1]]));
  const chassis = Array.from({ length: o.sessions }, (_, i) => ({
    name: `chassis-${i}`,
    uuid: byName.get(`chassis-${i}`)!,
  }));
  const total = o.sessions * o.ppc;
  const ports: string[] = [];
  const owner: number[] = [];
  for (let base = 0; base < total; base += 500) {
    const ops = [];
    for (let p = base; p < Math.min(total, base + 500); p++) {
      const d = p % o.datapaths;
      ops.push(
        op.insert('Port_Binding', {
          logical_port: `lsp-${p}`,
          datapath: ['uuid', dps[d]!],
          tunnel_key: Math.floor(p / o.datapaths) + 1,
          chassis: ['uuid', chassis[p % o.sessions]!.uuid],
          external_ids: ['map', [['ls', `ls-${d}`]]],
        }),
      );
      owner.push(p % o.sessions);
    }
    const res = await c.transact(SB, ops);
    for (const r of res) ports.push((r as { uuid: [string, string] }).uuid[1]);
  }
  return { chassis, ports, owner };
}

interface Child {
  proc: ChildProcess;
  messages: Record<string, unknown>[];
}

function ask(child: Child, msg: object, reply: string, timeoutMs = 180_000): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no '${reply}' from client process in ${timeoutMs} ms`)),
      timeoutMs,
    );
    const on = (m: Record<string, unknown>) => {
      if (m.type !== reply) return;
      clearTimeout(timer);
      child.proc.off('message', on);
      resolve(m);
    };
    child.proc.on('message', on);
    if (Object.keys(msg).length) child.proc.send(msg);
  });
}

/** Moves `n` random ports to another chassis, one transaction each, stamped with the commit-send time. */
async function writer(
  c: OvsdbClient,
  n: number,
  pop: Awaited<ReturnType<typeof populate>>,
  seed: number,
): Promise<number> {
  let x = seed;
  const rnd = (m: number) => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0), x % m);
  const t0 = performance.now();
  for (let u = 0; u < n; u++) {
    const p = rnd(pop.ports.length);
    const to = (pop.owner[p]! + 1 + rnd(pop.chassis.length - 1)) % pop.chassis.length;
    pop.owner[p] = to;
    await c.transact(SB, [
      op.update('Port_Binding', [['_uuid', '==', ['uuid', pop.ports[p]!]]], {
        chassis: ['uuid', pop.chassis[to]!.uuid],
        external_ids: ['map', [['t', String(wall())]]],
      }),
    ]);
  }
  return (performance.now() - t0) / 1000;
}

async function main(): Promise<void> {
  const o = args(process.argv.slice(2));
  const dir = mkdtempSync(join(tmpdir(), 'relay-tier-'));
  const stops: (() => Promise<unknown>)[] = [];
  const children: Child[] = [];
  try {
    await build({
      entryPoints: [join(HERE, 'sdk-clients.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile: join(dir, 'sdk-clients.mjs'),
      logLevel: 'error',
    });
    const cluster: OvsdbCluster = await startOvsdbCluster({ schema: 'sb', size: 3 });
    stops.push(() => cluster.stop());
    const relays: OvsdbRelay[] = [];
    for (let i = 0; i < 2; i++) {
      const r = await startOvsdbRelay({ database: SB, source: cluster.remotes });
      stops.push(() => r.stop());
      relays.push(r);
    }
    const leader = cluster.members[await cluster.leader()]!;
    const w = await OvsdbClient.connect(leader.tcp, { inactivityProbeMs: 0 });
    stops.push(() => w.close());
    w.onClose((e) => console.error(`# writer connection ended: ${e.message}`));
    const pop = await populate(w, o);
    const remotes = relays.map((r) => r.tcp);
    console.log(
      `# ${o.sessions} chassis, ${pop.ports.length} ports on ${o.datapaths} datapaths; relays ${remotes.join(' ')}`,
    );

    // --- SDK sessions ---
    const per = Math.ceil(o.sessions / o.procs);
    const t0 = wall();
    for (let k = 0; k < o.procs; k++) {
      const chassis = pop.chassis.slice(k * per, (k + 1) * per);
      if (chassis.length === 0) break;
      const proc = spawn(process.execPath, [join(dir, 'sdk-clients.mjs'), JSON.stringify({ remotes, chassis })], {
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      children.push({ proc, messages: [] });
    }
    const ready = await Promise.all(children.map((c) => ask(c, {}, 'ready')));
    const syncS = (wall() - t0) / 1000;
    const seenPorts = ready.reduce((n, r) => n + (r.ports as number), 0);
    if (seenPorts !== pop.ports.length)
      throw new Error(`the sessions' caches hold ${seenPorts} bound ports, want ${pop.ports.length}`);
    const sdkRss = ready.reduce((n, r) => n + (r.rssKiB as number), 0);
    const sdkBase = ready.reduce((n, r) => n + (r.baseRssKiB as number), 0);

    const relayPids = () => relays.map((r) => r.pid);
    const clusterPids = () => cluster.members.map((m) => m.pid!).filter(Boolean);
    for (const c of children) c.proc.send({ type: 'measure' });
    await sleep(200);
    const r0 = ticks(relayPids());
    const k0 = ticks(clusterPids());
    const writeS = await writer(w, o.updates, pop, 7);
    // Every move reaches its new owner: wait for the last (bounded).
    const deadline = Date.now() + 60_000;
    for (;;) {
      const n = (await Promise.all(children.map((c) => ask(c, { type: 'count' }, 'count')))).reduce(
        (a, m) => a + (m.n as number),
        0,
      );
      if (n >= o.updates) break;
      if (Date.now() > deadline) throw new Error(`only ${n} of ${o.updates} moves reached their new chassis`);
      await sleep(100);
    }
    const relayCpuS = (ticks(relayPids()) - r0) * TICK_S;
    const clusterCpuS = (ticks(clusterPids()) - k0) * TICK_S;
    const stats = await Promise.all(children.map((c) => ask(c, { type: 'stats' }, 'stats')));
    const lat = stats.flatMap((s) => s.latencies as number[]).sort((a, b) => a - b);
    const sdkCpuUs = stats.reduce((n, s) => n + (s.cpuUs as number), 0);

    // --- reconnect storm: SIGKILL relay 0 ---
    const killed = relays[0]!.tcp;
    const at = wall();
    await relays[0]!.kill();
    const storms = await Promise.all(children.map((c) => ask(c, { type: 'storm', killed, at }, 'storm')));
    const affected = storms.reduce((n, s) => n + (s.affected as number), 0);
    const stormS = (Math.max(...storms.map((s) => s.lastLive as number)) - at) / 1000;
    await relays[0]!.restart();
    for (const c of children) c.proc.send({ type: 'stop' });
    await Promise.all(children.map((c) => new Promise((r) => c.proc.once('exit', r))));
    children.length = 0;

    // --- C baseline: ovsdb-client monitor-cond per chassis ---
    const cprocs: ChildProcess[] = [];
    for (let i = 0; i < o.sessions; i++) {
      const ch = pop.chassis[i]!;
      cprocs.push(
        spawn(
          'ovsdb-client',
          [
            'monitor-cond',
            remotes[i % remotes.length]!,
            SB,
            JSON.stringify([['chassis', '==', ['uuid', ch.uuid]]]),
            'Port_Binding',
          ],
          { stdio: 'ignore' },
        ),
      );
    }
    stops.push(async () => {
      for (const p of cprocs) p.kill('SIGKILL');
    });
    // Settle: every process has connected and printed its initial rows when RSS stops changing.
    let last = -1;
    for (let i = 0; i < 100; i++) {
      await sleep(300);
      const now = cprocs.reduce((n, p) => n + rssKiB(p.pid!), 0);
      if (now === last) break;
      last = now;
    }
    const cRss = cprocs.reduce((n, p) => n + rssKiB(p.pid!), 0);
    const cpids = cprocs.map((p) => p.pid!);
    const c0 = ticks(cpids);
    const cr0 = ticks(relayPids());
    // A fresh writer connection (to whichever member leads now).
    const w2 = await OvsdbClient.connect(cluster.members[await cluster.leader()]!.tcp, { inactivityProbeMs: 0 });
    stops.push(() => w2.close());
    const cWriteS = await writer(w2, o.updates, pop, 11);
    await sleep(1000);
    const cCpuS = (ticks(cpids) - c0) * TICK_S;
    const cRelayCpuS = (ticks(relayPids()) - cr0) * TICK_S;

    const n = o.sessions;
    const f = (x: number, d = 1) => x.toFixed(d);
    console.log(`
| measure | SDK sessions (${o.procs} processes) | C ovsdb-client monitor-cond (${n} processes) |
|---|---:|---:|
| clients | ${n} | ${n} |
| initial sync of all clients | ${f(syncS, 2)} s | — |
| memory per client (RSS / clients) | ${f(sdkRss / 1024 / n, 2)} MiB | ${f(cRss / 1024 / n, 2)} MiB |
| memory the sessions added, per session | ${f((sdkRss - sdkBase) / 1024 / n, 2)} MiB | — |
| client CPU per move (an insert at the new owner, a delete at the old) | ${f(sdkCpuUs / o.updates)} µs | ${f((cCpuS * 1e6) / o.updates)} µs |
| relay CPU (both relays) during ${o.updates} moves | ${f(relayCpuS, 2)} s | ${f(cRelayCpuS, 2)} s |
| cluster CPU (3 members) during the moves | ${f(clusterCpuS, 2)} s | — |
| writer: ${o.updates} moves | ${f(o.updates / writeS, 0)} txn/s | ${f(o.updates / cWriteS, 0)} txn/s |
| fan-out latency p50 / p99 (commit sent → new owner's event) | ${f(pct(lat, 50), 2)} / ${f(pct(lat, 99), 2)} ms | — |
| reconnect storm after SIGKILL of relay 0 (${affected} sessions on it) | ${f(stormS, 2)} s until all live again | — |
`);
  } finally {
    for (const c of children) c.proc.kill('SIGKILL');
    for (const s of stops.reverse()) await s().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
