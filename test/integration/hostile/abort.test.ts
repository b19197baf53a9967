/**
 * `AbortSignal` wherever a call can wait, against peers that never finish: a server that accepts the
 * TCP connection and never says a word (so a TLS handshake, an OpenFlow hello, a _Server check or a
 * monitor reply never comes). Each case asserts the typed error, the signal's reason as `cause`, and
 * that nothing is left open: the hostile side sees its connection closed, no other remote is tried,
 * and a monitor answered after the abort is cancelled.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { run, startHostilePeer, type HostileConnection, type HostilePeer } from '../../../src/testing/index.js';
import { connect } from '../../../src/transport/index.js';
import { OvsdbClient, OvsdbSession } from '../../../src/ovsdb/index.js';
import { ReplicaCache } from '../../../src/ovsdb/cache/index.js';
import { connectSwitch } from '../../../src/openflow/index.js';

let dir: string;
let ca: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'abort-'));
  ca = join(dir, 'ca.pem');
  await run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '2',
    '-subj',
    '/CN=abort-ca',
    '-keyout',
    join(dir, 'ca.key'),
    '-out',
    ca,
  ]);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const peers: HostilePeer[] = [];
afterEach(async () => {
  for (const p of peers.splice(0)) await p.close();
});

/** A peer that accepts connections and stays silent; `accepted` resolves with the first connection. */
async function silentPeer(json = false): Promise<{ peer: HostilePeer; accepted: Promise<HostileConnection> }> {
  let first!: (c: HostileConnection) => void;
  const accepted = new Promise<HostileConnection>((r) => (first = r));
  const peer = await startHostilePeer((c) => first(c), { json });
  peers.push(peer);
  return { peer, accepted };
}

const ssl = (remote: string) => remote.replace(/^tcp:/, 'ssl:');

async function rejection(p: Promise<unknown>): Promise<{ code?: string; cause?: unknown; message: string }> {
  try {
    await p;
  } catch (e) {
    return e as { code?: string; cause?: unknown; message: string };
  }
  throw new Error('expected a rejection');
}

describe('connecting', () => {
  test('transport connect: a TLS handshake that never comes, aborted: TRANSPORT_CONNECT_ABORTED, socket closed', async () => {
    const { peer, accepted } = await silentPeer();
    const ac = new AbortController();
    const p = connect(ssl(peer.remote), { tls: { ca }, signal: ac.signal });
    const h = await accepted;
    ac.abort(new Error('stop'));
    const e = await rejection(p);
    expect(e.code).toBe('TRANSPORT_CONNECT_ABORTED');
    expect((e.cause as Error).message).toBe('stop');
    await h.closed;
    expect(h.isClosed).toBe(true);
  });

  test('OvsdbClient.connect aborted during the handshake: OVSDB_CONNECT_ABORTED, the next remote is never tried', async () => {
    const a = await silentPeer();
    const b = await silentPeer();
    const ac = new AbortController();
    const p = OvsdbClient.connect([ssl(a.peer.remote), ssl(b.peer.remote)], {
      tls: { ca },
      signal: ac.signal,
    });
    const h = await a.accepted;
    ac.abort('enough');
    const e = await rejection(p);
    expect(e.code).toBe('OVSDB_CONNECT_ABORTED');
    expect(e.cause).toBe('enough');
    expect(e.message).toBe(`connecting to ${ssl(a.peer.remote)} was aborted`);
    await h.closed;
    expect(b.peer.connections).toHaveLength(0);
  });

  test('OvsdbClient.connect with a signal already aborted connects to nothing', async () => {
    const a = await silentPeer();
    const e = await rejection(OvsdbClient.connect(a.peer.remote, { signal: AbortSignal.abort('no') }));
    expect(e.code).toBe('OVSDB_CONNECT_ABORTED');
    // Give a stray connection time to show up: none may.
    await new Promise((r) => setTimeout(r, 50));
    expect(a.peer.connections).toHaveLength(0);
  });

  test('OvsdbClient.connect: a custom openStream gets the signal', async () => {
    const a = await silentPeer();
    const ac = new AbortController();
    let seen: AbortSignal | undefined;
    const p = OvsdbClient.connect(ssl(a.peer.remote), {
      signal: ac.signal,
      openStream: (r, o) => {
        seen = o.signal;
        return connect(r, { tls: { ca }, ...(o.signal ? { signal: o.signal } : {}) });
      },
    });
    const h = await a.accepted;
    ac.abort();
    expect((await rejection(p)).code).toBe('OVSDB_CONNECT_ABORTED');
    expect(seen).toBe(ac.signal);
    await h.closed;
  });

  test('OvsdbSession.start aborted while the TLS handshake hangs: OVSDB_SESSION_CLOSED, the socket is closed at once', async () => {
    const a = await silentPeer();
    const ac = new AbortController();
    const p = OvsdbSession.start(ssl(a.peer.remote), {
      database: 'OVN_Northbound',
      client: { tls: { ca }, connectTimeoutMs: 600_000 },
      signal: ac.signal,
    });
    const h = await a.accepted;
    ac.abort('bye');
    const e = await rejection(p);
    expect(e.code).toBe('OVSDB_SESSION_CLOSED');
    expect(e.cause).toBe('bye');
    // Closed by the abort, not by the (10-minute) connect timeout.
    await h.closed;
  });

  test('OvsdbSession.start aborted while the server never answers the _Server check: the connection is closed', async () => {
    const a = await silentPeer(true);
    const ac = new AbortController();
    const p = OvsdbSession.start(a.peer.remote, {
      database: 'OVN_Northbound',
      client: { inactivityProbeMs: 0, requestTimeoutMs: 0 },
      signal: ac.signal,
    });
    const h = await a.accepted;
    const m = (await h.nextMessage()) as { method: string };
    expect(m.method).toBe('monitor_cond');
    ac.abort();
    expect((await rejection(p)).code).toBe('OVSDB_SESSION_CLOSED');
    await h.closed;
    expect(a.peer.connections).toHaveLength(1);
  });

  test('connectSwitch aborted while the switch never sends hello: OF_CONN_ABORTED, the socket is closed', async () => {
    const a = await silentPeer();
    const ac = new AbortController();
    const p = connectSwitch(a.peer.remote, { requestTimeoutMs: 600_000, signal: ac.signal });
    const h = await a.accepted;
    ac.abort('halt');
    const e = await rejection(p);
    expect(e.code).toBe('OF_CONN_ABORTED');
    expect(e.cause).toBe('halt');
    await h.closed;
  });

  test('connectSwitch aborted during the TLS handshake: OF_CONN_ABORTED', async () => {
    const a = await silentPeer();
    const ac = new AbortController();
    const p = connectSwitch(ssl(a.peer.remote), { tls: { ca }, signal: ac.signal });
    const h = await a.accepted;
    ac.abort('halt');
    const e = await rejection(p);
    expect(e.code).toBe('OF_CONN_ABORTED');
    expect(e.cause).toBe('halt');
    await h.closed;
  });
});

/** A minimal database with one table, for a fake server that answers get_schema. */
const SCHEMA = {
  name: 'T',
  version: '1.0.0',
  tables: { A: { columns: { n: { type: 'integer' } }, isRoot: true } },
};

/**
 * A fake server for the cache: answers get_schema, and holds the monitor request until `release()`
 * (then answers it with an empty database). Records every method it receives.
 */
async function slowMonitorServer() {
  const methods: string[] = [];
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  const peer = await startHostilePeer(
    async (h) => {
      for (;;) {
        const m = (await h.nextMessage()) as { id: unknown; method: string };
        methods.push(m.method);
        const reply = (result: unknown) => h.write(JSON.stringify({ id: m.id, result, error: null }));
        if (m.method === 'get_schema') reply(SCHEMA);
        else if (m.method === 'monitor_cond_since') {
          void released.then(() => reply([false, '00000000-0000-0000-0000-000000000000', {}]));
        } else if (m.method === 'monitor_cancel') reply({});
        else if (m.method === 'echo') h.write(JSON.stringify({ id: m.id, result: [], error: null }));
      }
    },
    { json: true },
  );
  peers.push(peer);
  return { peer, methods, release };
}

describe('waiting on the cache', () => {
  test('ReplicaCache.start aborted while the monitor is unanswered: CACHE_ABORTED; the late monitor is cancelled', async () => {
    const s = await slowMonitorServer();
    const client = await OvsdbClient.connect(s.peer.remote, { inactivityProbeMs: 0 });
    try {
      const ac = new AbortController();
      const p = ReplicaCache.start(client, 'T', { signal: ac.signal });
      while (!s.methods.includes('monitor_cond_since')) await new Promise((r) => setTimeout(r, 5));
      ac.abort('late');
      const e = await rejection(p);
      expect(e.code).toBe('CACHE_ABORTED');
      expect(e.cause).toBe('late');
      s.release();
      while (!s.methods.includes('monitor_cancel')) await new Promise((r) => setTimeout(r, 5));
      expect(s.methods.filter((x) => x === 'monitor_cancel')).toHaveLength(1);
    } finally {
      await client.close();
    }
  });

  test('waitForUpdates, events() and a verified transact honour their signal with CACHE_ABORTED', async () => {
    const s = await slowMonitorServer();
    s.release();
    const client = await OvsdbClient.connect(s.peer.remote, { inactivityProbeMs: 0 });
    const cache = await ReplicaCache.start(client, 'T');
    try {
      const ac = new AbortController();
      const waited = cache.waitForUpdates(1, undefined, ac.signal);
      const stream = cache.events({ signal: ac.signal });
      const next = stream.next();
      ac.abort('now');
      const [w, n] = await Promise.all([rejection(waited), rejection(next)]);
      expect(w.code).toBe('CACHE_ABORTED');
      expect(w.cause).toBe('now');
      expect(n.code).toBe('CACHE_ABORTED');
      // The stream has ended: no more events, and the wait is gone (a later close resolves nothing twice).
      expect(await stream.next()).toEqual({ value: undefined, done: true });
      expect((await rejection(cache.waitForUpdates(1, undefined, ac.signal))).code).toBe('CACHE_ABORTED');
      const t = await rejection(cache.transact(() => [], { signal: ac.signal }));
      expect(t.code).toBe('CACHE_ABORTED');
      // Without a signal, a bounded wait still ends false.
      expect(await cache.waitForUpdates(1, 10)).toBe(false);
    } finally {
      await cache.close();
      await client.close();
    }
  });
});

describe('waiting on a session', () => {
  test('ready() and a session transact waiting for a reconnect honour their signal: OVSDB_SESSION_ABORTED', async () => {
    // A server that accepts the session once (a standalone _Server row), then goes away for good.
    const peer = await startHostilePeer(
      async (h) => {
        for (;;) {
          const m = (await h.nextMessage()) as { id: unknown; method: string };
          if (m.method === 'monitor_cond') {
            const row = { name: 'OVN_Northbound', model: 'standalone', connected: true, leader: true };
            h.write(
              JSON.stringify({
                id: m.id,
                result: { Database: { '11111111-1111-4111-8111-111111111111': { initial: row } } },
                error: null,
              }),
            );
          }
        }
      },
      { json: true },
    );
    peers.push(peer);
    const s = await OvsdbSession.start(peer.remote, {
      database: 'OVN_Northbound',
      client: { inactivityProbeMs: 0 },
      backoff: () => 60_000,
    });
    try {
      expect(s.state).toBe('live');
      await peer.close();
      while (s.state === 'live') await new Promise((r) => setTimeout(r, 5));
      const ac = new AbortController();
      const waiting = s.ready(undefined, ac.signal);
      const txn = s.transact([{ op: 'comment', comment: 'x' }], { validate: false, signal: ac.signal });
      ac.abort('give up');
      const [a, b] = await Promise.all([rejection(waiting), rejection(txn)]);
      expect(a.code).toBe('OVSDB_SESSION_ABORTED');
      expect(a.cause).toBe('give up');
      // Never sent: the transaction failed plainly, its outcome is not unknown.
      expect(b.code).toBe('OVSDB_SESSION_ABORTED');
      expect((await rejection(s.ready(undefined, ac.signal))).code).toBe('OVSDB_SESSION_ABORTED');
    } finally {
      await s.close();
    }
  });
});
