/**
 * A cache that follows an OvsdbSession (ReplicaCache.follow): after each reconnect the monitor is
 * re-established by itself, before the session is live again.
 * - RAFT cluster, leader SIGKILLed: the session moves to the new leader and each of two caches
 *   (two monitors, each with its own last transaction id) resumes with monitor_cond_since found=true;
 *   changes made during the outage arrive as events, nothing else.
 * - Standalone server restarted on the same port after its file was changed offline (ovsdb-tool
 *   transact): found=false, the full contents are compared with the cache and only the real
 *   difference is delivered — no delete+insert of the many unchanged rows.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import {
  startOvsdbCluster,
  startOvsdbServer,
  startFakePeer,
  waitFor,
  SCHEMAS,
  type OvsdbCluster,
  type OvsdbServer,
} from '../../../../src/testing/index.js';
import type { ByteStream } from '../../../../src/transport/index.js';
import { OvsdbClient, op, cond, exponentialBackoff } from '../../../../src/ovsdb/index.js';
import { OvsdbSession, type SessionMetric } from '../../../../src/ovsdb/session.js';
import { ReplicaCache, type RowEvent } from '../../../../src/ovsdb/cache/index.js';
import { cacheSnapshot, expectSnapshotsEqual, serverSnapshot } from './helpers.js';

const NB = 'OVN_Northbound';
const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

function describeEvent(ev: RowEvent): string {
  const name = (r: { readonly [k: string]: unknown }) => String(r.name);
  if (ev.type === 'insert') return `${ev.table} insert ${name(ev.new)}`;
  if (ev.type === 'delete') return `${ev.table} delete ${name(ev.old)}`;
  return `${ev.table} update ${name(ev.new)}`;
}

/** Collects a cache's events as text, until the cache closes. */
function collect(cache: ReplicaCache): string[] {
  const out: string[] = [];
  void (async () => {
    for await (const ev of cache.events()) out.push(describeEvent(ev));
  })().catch(() => {});
  return out;
}

describe('ReplicaCache.follow', () => {
  test('RAFT leader killed: two caches on one session resume with found=true and see only the changes made meanwhile', async () => {
    const cluster: OvsdbCluster = await startOvsdbCluster({ schema: 'nb', size: 3 });
    cleanups.push(() => cluster.stop());
    const metrics: SessionMetric[] = [];
    const session = await OvsdbSession.start(cluster.remotes, {
      database: NB,
      backoff: exponentialBackoff({ initialMs: 50, maxMs: 400 }),
      onMetric: (m) => metrics.push(m),
    });
    cleanups.push(() => session.close());
    // Some bulk so that the few changes below stay in the server's transaction history.
    await session.transact(
      Array.from({ length: 100 }, (_, i) =>
        op.insert('Logical_Router', { name: `bulk${i}`, external_ids: ['map', [['k', String(i)]]] }),
      ),
    );
    await session.transact([
      op.insert('Address_Set', { name: 'as-keep' }),
      op.insert('Address_Set', { name: 'as-change' }),
      op.insert('Logical_Switch', { name: 'ls-keep' }),
    ]);
    const sets = await ReplicaCache.follow(session, { tables: ['Address_Set'] });
    const switches = await ReplicaCache.follow(session, { tables: ['Logical_Switch'] });
    expect(sets.monitorId).not.toBe(switches.monitorId);
    // Live changes, so that both monitors hold a real last transaction id (each its own).
    await session.transact([op.insert('Address_Set', { name: 'as-live' })]);
    await session.transact([op.insert('Logical_Switch', { name: 'ls-live' })]);
    await waitFor(
      'caches current',
      () => sets.table('Address_Set').size === 3 && switches.table('Logical_Switch').size === 2,
      5000,
    );
    const setsEvents = collect(sets as unknown as ReplicaCache);
    const switchEvents = collect(switches as unknown as ReplicaCache);

    const leader = await cluster.leader();
    const oldRemote = session.remote;
    await cluster.members[leader]!.kill('SIGKILL');
    // Changes while the session is away, written through a surviving member (followers forward).
    const other = cluster.members[(leader + 1) % 3]!;
    const writer = await OvsdbClient.connect(other.tcp);
    cleanups.push(() => writer.close());
    await writer.transact(NB, [
      op.insert('Address_Set', { name: 'as-new' }),
      op.mutate('Address_Set', [cond('name', '==', 'as-change')], [['addresses', 'insert', ['set', ['10.0.0.1']]]]),
      op.insert('Logical_Switch', { name: 'ls-new' }),
    ]);
    await session.ready(20_000);
    expect(session.remote).not.toBe(oldRemote);
    await writer.transact(NB, [op.delete('Address_Set', [cond('name', '==', 'as-live')])]);
    await waitFor(
      'the delete reached the cache',
      () => sets.table('Address_Set').filter((r) => r.name === 'as-live').length === 0,
      10_000,
    );

    expect(sets.resumes).toEqual({ hits: 1, misses: 0 });
    expect(switches.resumes).toEqual({ hits: 1, misses: 0 });
    const resumes = metrics.filter((m): m is Extract<SessionMetric, { type: 'resume' }> => m.type === 'resume');
    expect(resumes.map((m) => [m.monitorId, m.found]).sort()).toEqual(
      [
        [sets.monitorId, true],
        [switches.monitorId, true],
      ].sort(),
    );
    expect(metrics.some((m) => m.type === 'update' && m.monitorId === sets.monitorId)).toBe(true);
    expect(setsEvents.sort()).toEqual([
      'Address_Set delete as-live',
      'Address_Set insert as-new',
      'Address_Set update as-change',
    ]);
    expect(switchEvents).toEqual(['Logical_Switch insert ls-new']);
    const leaderNow = cluster.members[await cluster.leader()]!;
    for (const [cache, t] of [
      [sets, 'Address_Set'],
      [switches, 'Logical_Switch'],
    ] as const) {
      expectSnapshotsEqual(
        cacheSnapshot(cache as unknown as ReplicaCache, [t]),
        await serverSnapshot(leaderNow.tcp, NB, [t], (x) => cache.table(x as never).columns),
      );
    }
    await sets.close();
    await switches.close();
    await cluster.members[leader]!.start();
  }, 60_000);

  test('standalone server restarted with a changed file: found=false, only the real difference is applied and delivered', async () => {
    const dir1 = mkdtempSync(join(tmpdir(), `follow-${process.pid}-a-`));
    const dir2 = mkdtempSync(join(tmpdir(), `follow-${process.pid}-b-`));
    cleanups.push(() => {
      rmSync(dir1, { recursive: true, force: true });
      rmSync(dir2, { recursive: true, force: true });
    });
    let server: OvsdbServer = await startOvsdbServer({ schema: 'nb', dir: dir1 });
    cleanups.push(() => server.stop());
    const metrics: SessionMetric[] = [];
    const session = await OvsdbSession.start(server.tcp, {
      database: NB,
      backoff: exponentialBackoff({ initialMs: 20, maxMs: 200 }),
      onMetric: (m) => metrics.push(m),
    });
    cleanups.push(() => session.close());
    await session.transact(
      Array.from({ length: 60 }, (_, i) =>
        op.insert('Address_Set', {
          name: `same${i}`,
          addresses: ['set', [`10.1.0.${i}`, `10.2.0.${i}`]],
          external_ids: ['map', [['i', String(i)]]],
        }),
      ),
    );
    await session.transact([
      op.insert('Address_Set', { name: 'change', addresses: 'a' }),
      op.insert('Address_Set', { name: 'drop' }),
    ]);
    const cache = await ReplicaCache.follow(session, { tables: ['Address_Set'] });
    expect(cache.table('Address_Set').size).toBe(62);
    const before = new Map(
      cache
        .table('Address_Set')
        .all()
        .map((r) => [r._uuid, r] as const),
    );
    const events: RowEvent[] = [];
    void (async () => {
      for await (const ev of cache.events()) events.push(ev);
    })().catch(() => {});

    const port = server.tcpPort;
    await server.stop();
    await waitFor('cache disconnected', () => !cache.connected, 5000);
    // Change the file while no server runs it.
    const txn = JSON.stringify([
      NB,
      { op: 'insert', table: 'Address_Set', row: { name: 'new' } },
      {
        op: 'mutate',
        table: 'Address_Set',
        where: [['name', '==', 'change']],
        mutations: [['addresses', 'insert', ['set', ['b']]]],
      },
      { op: 'delete', table: 'Address_Set', where: [['name', '==', 'drop']] },
    ]);
    execFileSync('ovsdb-tool', ['transact', server.dbFile, txn]);
    server = await startOvsdbServer({ schema: 'nb', dir: dir2, fromDb: server.dbFile, tcpPort: port });
    await session.ready(20_000);
    await waitFor('cache reconnected', () => cache.connected, 5000);

    expect(cache.resumes).toEqual({ hits: 0, misses: 1 });
    expect(metrics.some((m) => m.type === 'resume' && !m.found)).toBe(true);
    const seen = events.map(describeEvent).sort();
    expect(seen).toEqual(['Address_Set delete drop', 'Address_Set insert new', 'Address_Set update change']);
    // Unchanged rows are the very same objects as before (not rebuilt, not re-announced).
    for (const r of cache.table('Address_Set').values())
      if (String(r.name).startsWith('same')) expect(r).toBe(before.get(r._uuid));
    expectSnapshotsEqual(
      cacheSnapshot(cache, ['Address_Set']),
      await serverSnapshot(server.unix, NB, ['Address_Set'], (t) => cache.table(t).columns),
    );
    // Live again.
    await session.transact([op.insert('Address_Set', { name: 'after' })]);
    await waitFor('live update', () => cache.table('Address_Set').filter((r) => r.name === 'after').length === 1, 5000);
    await cache.close();
  }, 60_000);

  test('a server that only knows "monitor": the cache falls back on every reconnect and still delivers only the difference', async () => {
    const schema = JSON.parse(readFileSync(SCHEMAS.nb, 'utf8'));
    const U = (n: number) => `00000000-0000-0000-0000-${String(n).padStart(12, '0')}`;
    type Msg = { id?: unknown; method?: string; params?: unknown[] };
    const reply = (st: ByteStream, m: Msg, result: unknown) =>
      st.write(JSON.stringify({ id: m.id, result, error: null }));
    const generations = [
      { [U(1)]: { new: { name: 'a' } }, [U(2)]: { new: { name: 'b' } }, [U(3)]: { new: { name: 'c' } } },
      { [U(1)]: { new: { name: 'a' } }, [U(2)]: { new: { name: 'b2' } }, [U(4)]: { new: { name: 'd' } } },
    ];
    let gen = 0;
    const monitorStreams: ByteStream[] = [];
    const methods: string[] = [];
    const peer = await startFakePeer((m: Msg, st) => {
      if (m.method === 'monitor_cond' && m.params?.[0] === '_Server') {
        reply(st, m, {
          Database: { [U(99)]: { initial: { name: NB, model: 'standalone', connected: true, leader: true } } },
        });
      } else if (m.method === 'set_db_change_aware' || m.method === 'monitor_cancel') reply(st, m, {});
      else if (m.method === 'echo') reply(st, m, m.params ?? []);
      else if (m.method === 'get_schema') reply(st, m, schema);
      else if (m.method === 'monitor_cond_since' || m.method === 'monitor_cond') {
        methods.push(m.method);
        st.write(JSON.stringify({ id: m.id, result: null, error: 'unknown method' }));
      } else if (m.method === 'monitor') {
        methods.push(m.method);
        monitorStreams.push(st);
        reply(st, m, { Logical_Switch: generations[gen] });
      }
    });
    cleanups.push(() => peer.close());
    const metrics: SessionMetric[] = [];
    const session = await OvsdbSession.start(peer.remote, {
      database: NB,
      client: { inactivityProbeMs: 0 },
      backoff: exponentialBackoff({ initialMs: 10, maxMs: 50 }),
      onMetric: (m) => metrics.push(m),
    });
    cleanups.push(() => session.close());
    const cache = await ReplicaCache.follow(session, { tables: { Logical_Switch: ['name'] } });
    expect(cache.method).toBe('monitor');
    expect(cache.table('Logical_Switch').size).toBe(3);
    const events = collect(cache);
    gen = 1;
    monitorStreams[0]!.close();
    await waitFor('resumed on the second connection', () => cache.resumes.misses === 1, 10_000);
    await new Promise((r) => setTimeout(r, 20));
    expect(methods).toEqual([
      'monitor_cond_since',
      'monitor_cond',
      'monitor',
      'monitor_cond_since',
      'monitor_cond',
      'monitor',
    ]);
    expect(cache.method).toBe('monitor');
    expect(events.sort()).toEqual(['Logical_Switch delete c', 'Logical_Switch insert d', 'Logical_Switch update b2']);
    expect(
      cache
        .table('Logical_Switch')
        .all()
        .map((r) => r.name)
        .sort(),
    ).toEqual(['a', 'b2', 'd']);
    expect(metrics.filter((m) => m.type === 'resume')).toEqual([
      expect.objectContaining({ found: false, method: 'monitor', monitorId: cache.monitorId }),
    ]);
    await cache.close();
  });

  test('an online schema conversion (ovsdb-client convert): the session reconnects and the cache carries on, without spurious events', async () => {
    const dir = mkdtempSync(join(tmpdir(), `follow-${process.pid}-conv-`));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const server = await startOvsdbServer({ schema: 'nb' });
    cleanups.push(() => server.stop());
    const metrics: SessionMetric[] = [];
    const session = await OvsdbSession.start(server.unix, {
      database: NB,
      backoff: exponentialBackoff({ initialMs: 20, maxMs: 200 }),
      onMetric: (m) => metrics.push(m),
    });
    cleanups.push(() => session.close());
    await session.transact(Array.from({ length: 20 }, (_, i) => op.insert('Address_Set', { name: `conv${i}` })));
    const cache = await ReplicaCache.follow(session, { tables: ['Address_Set'] });
    const events = collect(cache);
    const schema = JSON.parse(readFileSync(SCHEMAS.nb, 'utf8'));
    const [major, minor] = String(schema.version).split('.').map(Number);
    schema.version = `${major}.${minor! + 1}.0`;
    schema.tables.Logical_Switch.columns.sdk_test = { type: { key: 'string', min: 0, max: 1 } };
    const path = join(dir, 'nb-converted.ovsschema');
    writeFileSync(path, JSON.stringify(schema));
    execFileSync('ovsdb-client', ['convert', server.unix, path]);
    await waitFor(
      'the cache re-established after the conversion',
      () => cache.resumes.misses + cache.resumes.hits === 1,
      10_000,
    );
    expect(metrics.some((m) => m.type === 'reconnect')).toBe(true);
    // The same rows, nothing announced.
    expect(events).toEqual([]);
    expect(cache.table('Address_Set').size).toBe(20);
    // The new schema is in use (a column only it has), and the cache follows writes again.
    await session.transact([
      op.insert('Logical_Switch', { name: 'ls-conv', sdk_test: 'yes' }),
      op.insert('Address_Set', { name: 'conv-after' }),
    ]);
    await waitFor('live after the conversion', () => cache.table('Address_Set').size === 21, 5000);
    expect(events).toEqual(['Address_Set insert conv-after']);
    await cache.close();
  });

  test('per monitor: after a leader kill the busy cache resumes (found=true) while the quiet one, whose last txn id left the history, is rebuilt by comparison (found=false)', async () => {
    const cluster: OvsdbCluster = await startOvsdbCluster({ schema: 'nb', size: 3 });
    cleanups.push(() => cluster.stop());
    const session = await OvsdbSession.start(cluster.remotes, {
      database: NB,
      backoff: exponentialBackoff({ initialMs: 50, maxMs: 400 }),
    });
    cleanups.push(() => session.close());
    await session.transact(
      Array.from({ length: 100 }, (_, i) =>
        op.insert('Logical_Router', { name: `bulk${i}`, external_ids: ['map', [['k', String(i)]]] }),
      ),
    );
    await session.transact(
      Array.from({ length: 30 }, (_, i) =>
        op.insert('Address_Set', { name: `quiet${i}`, addresses: ['set', [`10.9.0.${i}`]] }),
      ),
    );
    const quiet = await ReplicaCache.follow(session, { tables: ['Address_Set'] });
    const busy = await ReplicaCache.follow(session, { tables: ['Logical_Switch'] });
    await session.transact([
      op.mutate('Address_Set', [cond('name', '==', 'quiet0')], [['addresses', 'insert', ['set', ['10.9.1.0']]]]),
    ]);
    await waitFor(
      'quiet cache has a txn id',
      () => quiet.table('Address_Set').filter((r) => (r.addresses as string[]).length === 2).length === 1,
      5000,
    );
    const quietId = quiet.lastTxnId;
    // More than the server's 100-transaction history, none touching Address_Set.
    for (let i = 0; i < 120; i += 8) {
      await Promise.all(
        Array.from({ length: 8 }, (_, j) => session.transact([op.insert('Logical_Switch', { name: `busy${i + j}` })])),
      );
    }
    await waitFor('busy cache current', () => busy.table('Logical_Switch').size === 120, 10_000);
    expect(quiet.lastTxnId).toBe(quietId);
    expect(busy.lastTxnId).not.toBe(quietId);
    const quietEvents = collect(quiet as unknown as ReplicaCache);
    const busyEvents = collect(busy as unknown as ReplicaCache);
    const quietRows = new Map(
      quiet
        .table('Address_Set')
        .all()
        .map((r) => [r._uuid, r] as const),
    );

    const leader = await cluster.leader();
    await cluster.members[leader]!.kill('SIGKILL');
    const writer = await OvsdbClient.connect(cluster.members[(leader + 1) % 3]!.tcp);
    cleanups.push(() => writer.close());
    await writer.transact(NB, [
      op.delete('Address_Set', [cond('name', '==', 'quiet1')]),
      op.insert('Logical_Switch', { name: 'during' }),
    ]);
    await session.ready(20_000);
    await waitFor(
      'both resumed',
      () => quiet.resumes.hits + quiet.resumes.misses === 1 && busy.resumes.hits + busy.resumes.misses === 1,
      10_000,
    );
    await new Promise((r) => setTimeout(r, 20));
    expect(busy.resumes).toEqual({ hits: 1, misses: 0 });
    expect(quiet.resumes).toEqual({ hits: 0, misses: 1 });
    expect(busyEvents).toEqual(['Logical_Switch insert during']);
    expect(quietEvents).toEqual(['Address_Set delete quiet1']);
    for (const r of quiet.table('Address_Set').values()) expect(r).toBe(quietRows.get(r._uuid));
    const leaderNow = cluster.members[await cluster.leader()]!;
    expectSnapshotsEqual(
      cacheSnapshot(quiet as unknown as ReplicaCache, ['Address_Set']),
      await serverSnapshot(leaderNow.tcp, NB, ['Address_Set'], (t) => quiet.table(t as never).columns),
    );
    await quiet.close();
    await busy.close();
  }, 90_000);

  test('a verified transaction on a following cache waits through a reconnect instead of failing', async () => {
    const dir1 = mkdtempSync(join(tmpdir(), `follow-${process.pid}-v1-`));
    const dir2 = mkdtempSync(join(tmpdir(), `follow-${process.pid}-v2-`));
    cleanups.push(() => {
      rmSync(dir1, { recursive: true, force: true });
      rmSync(dir2, { recursive: true, force: true });
    });
    let server: OvsdbServer = await startOvsdbServer({ schema: 'nb', dir: dir1 });
    cleanups.push(() => server.stop());
    const session = await OvsdbSession.start(server.tcp, {
      database: NB,
      backoff: exponentialBackoff({ initialMs: 20, maxMs: 100 }),
    });
    cleanups.push(() => session.close());
    await session.transact([op.insert('Address_Set', { name: 'v' })]);
    const cache = await ReplicaCache.follow(session, { tables: ['Address_Set'] });
    const port = server.tcpPort;
    await server.stop();
    await waitFor('cache disconnected', () => !cache.connected, 5000);
    let ran = 0;
    const pending = cache.transact((r) => {
      ran++;
      const row = r.read('Address_Set', cache.table('Address_Set').all()[0]!._uuid, ['addresses'])!;
      return [
        op.update('Address_Set', [cond('_uuid', '==', ['uuid', row._uuid])], { addresses: ['set', ['10.0.0.9']] }),
      ];
    });
    await new Promise((r) => setTimeout(r, 100));
    expect(ran).toBe(0); // nothing is read from a cache that is between connections
    server = await startOvsdbServer({ schema: 'nb', dir: dir2, fromDb: join(dir1, 'db.db'), tcpPort: port });
    const out = await pending;
    expect(out.attempts).toEqual([]);
    expect(ran).toBe(1);
    await waitFor(
      'the update in the cache',
      () => cache.table('Address_Set').filter((x) => (x.addresses as string[])[0] === '10.0.0.9').length === 1,
      5000,
    );
    // Without a session to wait for (closed), it fails at once.
    await session.close();
    await expect(cache.transact(() => [])).rejects.toMatchObject({ code: 'CACHE_CLOSED' });
  });
});
