/**
 * Bad input for OvsdbSession, on real servers: a remote list holding an unreachable member, a server
 * without the database (Open_vSwitch only), and a server whose schema has another major version. Each
 * is refused with a typed error naming the remote — logged and delivered as a `rejected` event — and
 * the session keeps trying the others; when none is usable and the policy gives up, `start()`,
 * `ready()`, waiting transactions and following caches fail with OVSDB_SESSION_GAVE_UP naming each
 * remote's reason.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  startOvsdbServer,
  startOvsdbCluster,
  startFakePeer,
  waitFor,
  freePort,
  SCHEMAS,
  type OvsdbServer,
} from '../../../src/testing/index.js';
import { op, exponentialBackoff, OvsdbRemoteRejectedError } from '../../../src/ovsdb/index.js';
import { OvsdbSession, OvsdbSessionGaveUpError, type SessionEvent } from '../../../src/ovsdb/session.js';
import { ReplicaCache } from '../../../src/ovsdb/cache/index.js';
import type { Logger } from '../../../src/jsonrpc/index.js';

const NB = 'OVN_Northbound';
const nbVersion = (JSON.parse(readFileSync(SCHEMAS.nb, 'utf8')) as { version: string }).version;
let dir: string;
let good: OvsdbServer;
let noNb: OvsdbServer;
let otherVersion: OvsdbServer;
let unreachable: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), `session-bad-${process.pid}-`));
  const schema = JSON.parse(readFileSync(SCHEMAS.nb, 'utf8')) as { version: string };
  schema.version = `${Number(nbVersion.split('.')[0]) + 1}.0.0`;
  const path = join(dir, 'nb-next.ovsschema');
  writeFileSync(path, JSON.stringify(schema));
  good = await startOvsdbServer({ schema: 'nb' });
  noNb = await startOvsdbServer({ schema: 'vswitch' });
  otherVersion = await startOvsdbServer({ schema: path });
  unreachable = `tcp:127.0.0.1:${await freePort()}`;
});
afterAll(async () => {
  await good?.stop();
  await noNb?.stop();
  await otherVersion?.stop();
  rmSync(dir, { recursive: true, force: true });
});

function recordingLogger(): Logger & { warnings: { obj: Record<string, unknown>; msg: string | undefined }[] } {
  const warnings: { obj: Record<string, unknown>; msg: string | undefined }[] = [];
  const none = () => {};
  return {
    warnings,
    debug: none,
    info: none,
    error: none,
    warn: (obj, msg) => warnings.push({ obj: obj as Record<string, unknown>, msg }),
  };
}

const rejections = (events: SessionEvent[]) =>
  events.filter((e): e is Extract<SessionEvent, { type: 'rejected' }> => e.type === 'rejected');

describe('OvsdbSession: bad remotes in the list', () => {
  test('unreachable, wrong database and other schema version are each refused by name; the good one is used', async () => {
    const events: SessionEvent[] = [];
    const logger = recordingLogger();
    const s = await OvsdbSession.start([unreachable, noNb.tcp, otherVersion.tcp, good.tcp], {
      database: NB,
      shuffle: false,
      schemaVersion: nbVersion,
      logger,
      onEvent: (e) => events.push(e),
    });
    try {
      expect(s.remote).toBe(good.tcp);
      const r = rejections(events);
      expect(r.map((x) => [x.remote, x.error.code])).toEqual([
        [unreachable, 'OVSDB_CONNECT_FAILED'],
        [noNb.tcp, 'OVSDB_UNKNOWN_DATABASE'],
        [otherVersion.tcp, 'OVSDB_SCHEMA_MISMATCH'],
      ]);
      for (const x of r) expect(x.error.message).toContain(x.remote);
      expect(r[1]!.error).toBeInstanceOf(OvsdbRemoteRejectedError);
      expect(r[2]!.error.message).toContain(`${Number(nbVersion.split('.')[0]) + 1}.0.0`);
      // Logged too, each naming the remote and the code.
      const logged = logger.warnings
        .filter((w) => w.msg === 'ovsdb session: remote not used')
        .map((w) => [w.obj.remote, w.obj.code]);
      expect(logged).toEqual(r.map((x) => [x.remote, x.error.code]));
      // And it works.
      await s.transact([op.insert('Address_Set', { name: 'bad-input-ok' })]);
    } finally {
      await s.close();
    }
  });

  test('when no remote is usable the policy gives up with every remote and its reason', async () => {
    const events: SessionEvent[] = [];
    const remotes = [unreachable, noNb.tcp, otherVersion.tcp];
    const e = await OvsdbSession.start(remotes, {
      database: NB,
      schemaVersion: nbVersion,
      backoff: exponentialBackoff({ initialMs: 10, maxAttempts: 1 }),
      onEvent: (x) => events.push(x),
    }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(OvsdbSessionGaveUpError);
    const g = e as OvsdbSessionGaveUpError;
    expect(g.code).toBe('OVSDB_SESSION_GAVE_UP');
    expect(g.rounds).toBe(2);
    expect(Object.fromEntries(g.failures.map((f) => [f.remote, f.error.code]))).toEqual({
      [unreachable]: 'OVSDB_CONNECT_FAILED',
      [noNb.tcp]: 'OVSDB_UNKNOWN_DATABASE',
      [otherVersion.tcp]: 'OVSDB_SCHEMA_MISMATCH',
    });
    for (const r of remotes) expect(g.message).toContain(r);
    // Two rounds of three remotes were tried, each refusal reported.
    expect(rejections(events)).toHaveLength(6);
    expect(events.at(-1)).toMatchObject({ type: 'state', state: 'failed' });
  });

  test('a session that loses its only server gives up: waiting transactions, ready() and a following cache get the typed error', async () => {
    const server = await startOvsdbServer({ schema: 'nb' });
    let stopped = false;
    try {
      const s = await OvsdbSession.start(server.tcp, {
        database: NB,
        backoff: exponentialBackoff({ initialMs: 10, maxMs: 20, maxAttempts: 3 }),
      });
      await s.transact([op.insert('Address_Set', { name: 'before' })]);
      const cache = await ReplicaCache.follow(s, { tables: ['Address_Set'] });
      const streamEnd = (async () => {
        for await (const _ of cache.events()) {
          /* drain */
        }
      })().catch((x: unknown) => x);
      await server.stop();
      stopped = true;
      const e = await s.transact([op.insert('Address_Set', { name: 'after' })]).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(OvsdbSessionGaveUpError);
      expect((e as OvsdbSessionGaveUpError).failures).toEqual([
        { remote: server.tcp, error: expect.objectContaining({ code: 'OVSDB_CONNECT_FAILED' }) },
      ]);
      await expect(s.ready()).rejects.toBe(e);
      expect(s.state).toBe('failed');
      // The cache ends with the session: its stream reports why, its last state stays readable.
      const end = (await streamEnd) as { code: string; cause: unknown };
      expect(end.code).toBe('CACHE_CLOSED');
      expect(end.cause).toBe(e);
      expect(cache.closed).toBe(true);
      expect(cache.table('Address_Set').filter((r) => r.name === 'before')).toHaveLength(1);
      await expect(ReplicaCache.follow(s)).rejects.toBe(e);
      await s.close();
    } finally {
      if (!stopped) await server.stop();
    }
  });

  test('a member of another cluster with the same database is refused (OVSDB_WRONG_CLUSTER) once a cluster is followed', async () => {
    const a = await startOvsdbCluster({ schema: 'nb', size: 1 });
    const b = await startOvsdbCluster({ schema: 'nb', size: 1 });
    try {
      const events: SessionEvent[] = [];
      const s = await OvsdbSession.start([a.members[0]!.tcp, b.members[0]!.tcp], {
        database: NB,
        shuffle: false,
        backoff: exponentialBackoff({ initialMs: 10, maxAttempts: 1 }),
        onEvent: (e) => events.push(e),
      });
      expect(s.remote).toBe(a.members[0]!.tcp);
      await a.members[0]!.kill('SIGKILL');
      await waitFor('the session noticed', () => s.state !== 'live' || undefined, 10_000);
      const e = await s.ready(10_000).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(OvsdbSessionGaveUpError);
      const byRemote = Object.fromEntries((e as OvsdbSessionGaveUpError).failures.map((f) => [f.remote, f.error.code]));
      expect(byRemote).toEqual({
        [a.members[0]!.tcp]: 'OVSDB_CONNECT_FAILED',
        [b.members[0]!.tcp]: 'OVSDB_WRONG_CLUSTER',
      });
      expect(
        rejections(events).some((r) => r.remote === b.members[0]!.tcp && r.error.code === 'OVSDB_WRONG_CLUSTER'),
      ).toBe(true);
      await s.close();
      // A fresh session has followed nothing yet: cluster b is fine for it.
      const fresh = await OvsdbSession.start(b.members[0]!.tcp, { database: NB });
      expect(fresh.remote).toBe(b.members[0]!.tcp);
      await fresh.close();
    } finally {
      await a.stop();
      await b.stop();
    }
  });

  test('a server without the _Server database (older than OVS 2.9) is accepted as standalone if list_dbs has the database, refused by name if not', async () => {
    const old = (dbs: string[]) =>
      startFakePeer((m, st) => {
        if (m.method === 'monitor_cond' && m.params?.[0] === '_Server')
          st.write(
            JSON.stringify({ id: m.id, result: null, error: { error: 'unknown database', details: '_Server' } }),
          );
        else if (m.method === 'list_dbs') st.write(JSON.stringify({ id: m.id, result: dbs, error: null }));
        else if (m.method === 'echo') st.write(JSON.stringify({ id: m.id, result: m.params ?? [], error: null }));
      });
    const withNb = await old([NB]);
    const without = await old(['Open_vSwitch']);
    try {
      const events: SessionEvent[] = [];
      const s = await OvsdbSession.start([without.remote, withNb.remote], {
        database: NB,
        shuffle: false,
        client: { inactivityProbeMs: 0 },
        onEvent: (e) => events.push(e),
      });
      expect(s.state).toBe('live');
      expect(s.remote).toBe(withNb.remote);
      expect(rejections(events).map((r) => [r.remote, r.error.code])).toEqual([
        [without.remote, 'OVSDB_UNKNOWN_DATABASE'],
      ]);
      await s.close();
    } finally {
      await withNb.close();
      await without.close();
    }
  });
});
