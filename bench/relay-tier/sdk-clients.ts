/**
 * One process of bench/relay-tier's SDK clients: N sessions, each the Southbound view of one chassis
 * as ovn-controller monitors it (its own Chassis row, the Port_Bindings bound to it, the datapaths),
 * through the relays under the session's default policy. Bundled by the runner; driven over IPC:
 *
 *   parent → { type: 'start' | 'count' | 'stop', … }     child → { type: 'ready' | 'stats' | 'count' | 'storm', … }
 *
 * Latency is measured at the chassis a port moves to: the writer stamps `external_ids:t` with its wall
 * clock (performance.timeOrigin + now, same machine), the new owner's cache event carries it.
 */
import { exponentialBackoff } from '../../src/ovsdb/index.js';
import { OvsdbSession } from '../../src/ovsdb/session.js';
import { ReplicaCache } from '../../src/ovsdb/cache/index.js';
import { rssKiB } from '../ovsdb-w/measure.js';

interface Chassis {
  readonly name: string;
  readonly uuid: string;
}
type FromParent =
  | { type: 'measure' }
  | { type: 'count' }
  | { type: 'stats' }
  | { type: 'storm'; killed: string; at: number }
  | { type: 'stop' };

const send = (m: object): void => void process.send!(m);
const wall = (): number => performance.timeOrigin + performance.now();

const { remotes, chassis } = JSON.parse(process.argv[2]!) as { remotes: string[]; chassis: Chassis[] };
const baseRss = rssKiB();
let latencies: number[] = [];
let cpu0 = process.cpuUsage();
/** Per session: when and where it last became live. */
const lastLive: { remote: string; t: number }[][] = chassis.map(() => []);

const sessions: OvsdbSession[] = [];
const caches: ReplicaCache[] = [];
const t0 = wall();
await Promise.all(
  chassis.map(async (ch, i) => {
    const session = await OvsdbSession.start(remotes, {
      database: 'OVN_Southbound',
      backoff: exponentialBackoff({ initialMs: 100, maxMs: 2000 }),
      timeoutMs: 120_000,
      onEvent: (e) => {
        if (e.type === 'state' && e.state === 'live') lastLive[i]!.push({ remote: e.remote ?? '', t: wall() });
      },
    });
    sessions[i] = session;
    const cache = await ReplicaCache.follow(session, {
      tables: ['Chassis', 'Port_Binding', 'Datapath_Binding'],
      where: {
        Chassis: [['name', '==', ch.name]],
        Port_Binding: [['chassis', '==', ['uuid', ch.uuid]]],
      },
      timeoutMs: 120_000,
    });
    caches[i] = cache;
    void (async () => {
      try {
        for await (const ev of cache.events({ tables: ['Port_Binding'], maxBuffered: 1_000_000 })) {
          // A port bound to this chassis newly matches the condition: it arrives as an insert.
          if (ev.type !== 'insert') continue;
          const ext = ev.new.external_ids as Map<string, string> | Record<string, string> | undefined;
          const t = ext instanceof Map ? ext.get('t') : ext?.t;
          if (t !== undefined) latencies.push(wall() - Number(t));
        }
      } catch {
        // the stream ends with the cache at stop
      }
    })();
  }),
);
send({
  type: 'ready',
  syncMs: wall() - t0,
  rssKiB: rssKiB(),
  baseRssKiB: baseRss,
  ports: caches.reduce((n, c) => n + c.table('Port_Binding').size, 0),
});

process.on('message', (m: FromParent) => {
  switch (m.type) {
    case 'measure':
      latencies = [];
      cpu0 = process.cpuUsage();
      break;
    case 'count':
      send({ type: 'count', n: latencies.length });
      break;
    case 'stats': {
      const u = process.cpuUsage(cpu0);
      send({ type: 'stats', latencies, cpuUs: u.user + u.system, rssKiB: rssKiB(), baseRssKiB: baseRss });
      break;
    }
    case 'storm':
      void storm(m.killed, m.at);
      break;
    case 'stop':
      void Promise.all(caches.map((c) => c.close().catch(() => undefined)))
        .then(() => Promise.all(sessions.map((s) => s.close().catch(() => undefined))))
        .finally(() => process.exit(0));
      break;
  }
});

/** Waits until every session that was live on the killed relay is live again; reports the last such moment. */
async function storm(killed: string, at: number): Promise<void> {
  const affected = lastLive
    .map((l, i) => ({ i, before: l.filter((x) => x.t <= at).at(-1) }))
    .filter((x) => x.before?.remote === killed)
    .map((x) => x.i);
  const deadline = Date.now() + 120_000;
  for (;;) {
    const back = affected.map((i) => lastLive[i]!.find((x) => x.t > at));
    if (back.every((b) => b !== undefined) && affected.every((i) => sessions[i]!.state === 'live')) {
      send({ type: 'storm', affected: affected.length, lastLive: Math.max(at, ...back.map((b) => b!.t)) });
      return;
    }
    if (Date.now() > deadline) {
      send({ type: 'storm', affected: affected.length, lastLive: NaN, missing: back.filter((b) => !b).length });
      return;
    }
    await new Promise((r) => setTimeout(r, 10));
  }
}
