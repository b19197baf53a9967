/**
 * A real ovsdb-server with a large database (a ≥ 10 MB initial monitor reply) and its own inactivity
 * probe set to the minimum (1 s, through the Connection table of a `db:` remote): the connection
 * survives the big initial reply and the traffic after it, and the server's echo requests are answered
 * while the reply is being parsed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { connect as netConnect, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startOvsdbServer, type OvsdbServer } from '../../../src/testing/index.js';
import { OvsdbClient, op } from '../../../src/ovsdb/index.js';
import { JsonRpcPeer, type Logger } from '../../../src/jsonrpc/index.js';

const NB = 'OVN_Northbound';
const ROWS = 2500;
let server: OvsdbServer;
let probeSock: string;

/** external_ids of ~4.4 KB: 40 entries of 100 characters, some with characters JSON escapes. */
function bigIds(i: number): ['map', [string, string][]] {
  return [
    'map',
    Array.from({ length: 40 }, (_, k) => [`k${k}`, `${i}:${k} "{[é\\` + 'x'.repeat(90)] as [string, string]),
  ];
}

beforeAll(async () => {
  server = await startOvsdbServer({ schema: 'nb', extraRemotes: [`db:${NB},NB_Global,connections`] });
  probeSock = join(server.dir, 'probe.sock');
  const c = await OvsdbClient.connect(server.unix, { inactivityProbeMs: 0 });
  try {
    // The server's inactivity probe on this remote: 1000 ms, the smallest ovsdb-server accepts.
    await c.transact(NB, [
      op.insert('Connection', { target: `punix:${probeSock}`, inactivity_probe: 1000 }, 'conn'),
      op.insert('NB_Global', { connections: ['named-uuid', 'conn'] }),
    ]);
    for (let b = 0; b < ROWS; b += 500) {
      const ops = [];
      for (let i = b; i < b + 500; i++)
        ops.push(op.insert('Logical_Switch', { name: `ls${i}`, external_ids: bigIds(i) }));
      await c.transact(NB, ops);
    }
  } finally {
    await c.close();
  }
  for (let i = 0; i < 200 && !existsSync(probeSock); i++) await new Promise((r) => setTimeout(r, 25));
  expect(existsSync(probeSock)).toBe(true);
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

/** A logger that records the echo requests the peer answered. */
function echoLog(): { logger: Logger; echoes: number[] } {
  const echoes: number[] = [];
  const none = () => {};
  return {
    echoes,
    logger: {
      debug: (_o, msg) => msg === 'jsonrpc: answered echo' && echoes.push(performance.now()),
      info: none,
      warn: none,
      error: none,
    },
  };
}

const probeFailures = () =>
  readFileSync(join(server.dir, 'db.log'), 'utf8')
    .split('\n')
    .filter((l) => l.includes('inactivity probe'));

test('the client survives a ≥ 10 MB initial reply and later traffic on a remote with a 1 s server probe', async () => {
  const { logger, echoes } = echoLog();
  const c = await OvsdbClient.connect(`unix:${probeSock}`, { inactivityProbeMs: 0, logger });
  let closedWith: unknown;
  c.onClose((e) => (closedWith = e));
  try {
    const updates: unknown[] = [];
    const r = await c.monitorCondSince(
      NB,
      'big',
      { Logical_Switch: { columns: ['name', 'external_ids'] } },
      null,
      (ev) => updates.push(ev),
    );
    expect(Object.keys(r.updates.Logical_Switch ?? {})).toHaveLength(ROWS);
    // What the server sent: ≥ 10 MB of JSON (the text of the updates alone).
    expect(JSON.stringify(r.updates).length).toBeGreaterThan(10_000_000);
    // Later traffic on the same connection: a transaction and its update.
    await c.transact(NB, [op.insert('Logical_Switch', { name: 'after' })]);
    while (updates.length === 0) await new Promise((res) => setTimeout(res, 20));
    // Idle until the server has probed us twice (it probes after 1 s without traffic from us).
    while (echoes.length < 2) await new Promise((res) => setTimeout(res, 50));
    await c.transact(NB, [op.insert('Logical_Switch', { name: 'after2' })]);
    expect(c.closed).toBe(false);
    expect(closedWith).toBeUndefined();
    expect(probeFailures()).toEqual([]);
  } finally {
    await c.close();
  }
}, 60_000);

test("the server's echo is answered while the reply is still being parsed, by a peer whose application keeps the event loop busy", async () => {
  // The parse is made to outlast the server's probe (1 s + 1 s) for certain: each event-loop turn the
  // application busies itself for 20 ms, and the parse does about one 64 KiB piece per turn, so a
  // 10 MB reply takes over 150 turns, at least 3 s. Nothing is timed: the order of events is checked.
  const { logger, echoes } = echoLog();
  const sock: Socket = netConnect(probeSock);
  await new Promise<void>((res, rej) => sock.once('connect', res).once('error', rej));
  const peer = new JsonRpcPeer(
    { write: (t) => sock.write(t), close: () => sock.end() },
    { inactivityProbeMs: 0, logger, slicedParse: { pieceBytes: 64 * 1024, budgetMs: 1 } },
  );
  sock.on('data', (b: Buffer) => peer.receive(b));
  sock.on('close', () => peer.closed());
  let closedWith: unknown;
  peer.onClose((e) => (closedWith = e));
  let busy = true;
  const work = () => {
    const until = performance.now() + 20;
    while (performance.now() < until) {
      /* the application's own work */
    }
    if (busy) setImmediate(work);
  };
  try {
    const reply = peer.request('monitor_cond_since', [
      NB,
      'big',
      { Logical_Switch: { columns: ['name', 'external_ids'] } },
      '00000000-0000-0000-0000-000000000000',
    ]);
    // Receiving the reply starts after the request is sent; the busy application starts with it.
    setImmediate(work);
    const r = (await reply) as [boolean, string, { Logical_Switch: Record<string, unknown> }];
    const replyAt = performance.now();
    busy = false;
    expect(Object.keys(r[2].Logical_Switch).length).toBeGreaterThanOrEqual(ROWS);
    // The server probed during the parse and was answered then, before the reply was delivered.
    expect(echoes.filter((t) => t < replyAt).length).toBeGreaterThanOrEqual(1);
    // The connection is still up: a request after it is answered.
    expect(await peer.request('list_dbs', [])).toContain(NB);
    expect(peer.state).toBe('open');
    expect(closedWith).toBeUndefined();
    expect(probeFailures()).toEqual([]);
  } finally {
    busy = false;
    peer.close();
    sock.destroy();
  }
}, 60_000);
