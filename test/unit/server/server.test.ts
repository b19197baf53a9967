/**
 * The embedded server in process over in-memory streams (no daemon): schema from generated code,
 * transact and commit checks, blocking wait woken by a commit, cancel, locks with locked/stolen,
 * monitor_cond_since resuming from the history, _Server, and this SDK's client against it.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { EmbeddedOvsdbServer } from '../../../src/server/index.js';
import { JsonRpcPeer, type Notification } from '../../../src/jsonrpc/index.js';
import { OvsdbClient } from '../../../src/ovsdb/index.js';
import { ovnNorthboundSchema } from '../../../src/ovn-nb/index.js';

let server: EmbeddedOvsdbServer;
const DB = 'OVN_Northbound';

async function peer(): Promise<{ p: JsonRpcPeer; notes: Notification[] }> {
  const s = await server.connectInMemory();
  const p = new JsonRpcPeer({ write: (t) => s.write(t), close: () => s.close() }, { inactivityProbeMs: 0 });
  s.onData((c) => p.receive(c));
  s.onClose((e) => p.closed(e));
  const notes: Notification[] = [];
  p.onNotification((n) => notes.push(n));
  return { p, notes };
}
const tick = () => new Promise((r) => setTimeout(r, 5));

beforeEach(() => {
  server = new EmbeddedOvsdbServer({ schemas: [ovnNorthboundSchema] });
});
afterEach(async () => {
  await server.stop();
});

describe('embedded server in process', () => {
  test('list_dbs, get_schema, _Server Database row, echo, get_server_id', async () => {
    const { p } = await peer();
    expect(await p.request('list_dbs', [])).toEqual(['OVN_Northbound', '_Server']);
    expect((await p.request('get_schema', [DB])) as { name: string }).toMatchObject({ name: DB });
    const rows = (
      (await p.request('transact', [
        '_Server',
        { op: 'select', table: 'Database', where: [], columns: ['name', 'model', 'leader', 'connected'] },
      ])) as [{ rows: unknown[] }]
    )[0].rows;
    expect(rows).toEqual([{ name: DB, model: 'standalone', leader: true, connected: true }]);
    expect(await p.request('echo', ['x', 1])).toEqual(['x', 1]);
    expect(await p.request('get_server_id', [])).toBe(server.serverId);
    const w = (await p.request('transact', ['_Server', { op: 'delete', table: 'Database', where: [] }])) as [
      { error: string; details: string },
    ];
    expect(w[0]).toEqual({
      error: 'not allowed',
      details: 'delete operation not allowed on table in reserved database _Server',
    });
  });

  test('wait compares _uuid and _version as ovsdb-server does (the version guard clients put before a write)', async () => {
    const { p } = await peer();
    await p.request('transact', [DB, { op: 'insert', table: 'Logical_Switch', row: { name: 'sw' } }]);
    const sel = (await p.request('transact', [
      DB,
      { op: 'select', table: 'Logical_Switch', where: [], columns: ['_uuid', '_version'] },
    ])) as [{ rows: [{ _uuid: [string, string]; _version: [string, string] }] }];
    const { _uuid, _version } = sel[0].rows[0];
    const guard = (version: [string, string]) => ({
      op: 'wait',
      table: 'Logical_Switch',
      where: [['_uuid', '==', _uuid]],
      columns: ['_uuid', '_version'],
      until: '==',
      rows: [{ _uuid, _version: version }],
      timeout: 0,
    });
    expect(await p.request('transact', [DB, guard(_version)])).toEqual([{}]);
    await p.request('transact', [
      DB,
      { op: 'update', table: 'Logical_Switch', where: [['_uuid', '==', _uuid]], row: { name: 'sw2' } },
    ]);
    expect(await p.request('transact', [DB, guard(_version)])).toEqual([
      { error: 'timed out', details: '"where" clause test failed' },
    ]);
  });

  test('referential integrity, garbage collection and named-uuid before insert', async () => {
    const { p } = await peer();
    const r = (await p.request('transact', [
      DB,
      { op: 'insert', table: 'Logical_Switch', row: { name: 'sw', ports: ['named-uuid', 'lp'] } },
      { op: 'insert', table: 'Logical_Switch_Port', 'uuid-name': 'lp', row: { name: 'p1' } },
      { op: 'insert', table: 'Logical_Switch_Port', row: { name: 'orphan' } },
    ])) as { uuid?: [string, string] }[];
    expect(r).toHaveLength(3);
    const ports = (await p.request('transact', [
      DB,
      { op: 'select', table: 'Logical_Switch_Port', where: [], columns: ['name'] },
    ])) as [{ rows: unknown[] }];
    expect(ports[0].rows).toEqual([{ name: 'p1' }]); // the unreferenced one was collected
    const bad = (await p.request('transact', [
      DB,
      { op: 'insert', table: 'Logical_Switch', row: { ports: ['uuid', '11111111-2222-3333-4444-555555555555'] } },
    ])) as unknown[];
    expect(bad[1]).toMatchObject({ error: 'referential integrity violation' });
  });

  test('a blocked wait is answered after a commit makes it true, and cancel answers "canceled"', async () => {
    const a = await peer();
    const b = await peer();
    const waiting = a.p.request('transact', [
      DB,
      { op: 'wait', table: 'Address_Set', where: [['name', '==', 'x']], until: '!=', rows: [], timeout: 10_000 },
      { op: 'comment', comment: 'done' },
    ]);
    let answered = false;
    void waiting.then(() => (answered = true));
    await tick();
    expect(answered).toBe(false);
    await b.p.request('transact', [DB, { op: 'insert', table: 'Address_Set', row: { name: 'x' } }]);
    expect(await waiting).toEqual([{}, {}]);

    const s = await server.connectInMemory();
    let text = '';
    s.onData((c) => (text += c.toString()));
    s.write(
      JSON.stringify({
        id: 9,
        method: 'transact',
        params: [DB, { op: 'wait', table: 'Address_Set', where: [], until: '==', rows: [], timeout: 10_000 }],
      }),
    );
    await tick();
    s.write(JSON.stringify({ id: null, method: 'cancel', params: [9] }));
    await tick();
    expect(JSON.parse(text)).toEqual({ id: 9, error: 'canceled' });
    s.close();
  });

  test('a wait with a timeout times out', async () => {
    const { p } = await peer();
    const r = (await p.request('transact', [
      DB,
      { op: 'wait', table: 'Address_Set', where: [], until: '!=', rows: [], timeout: 30 },
    ])) as [{ error: string; details: string }];
    expect(r[0].error).toBe('timed out');
    expect(r[0].details).toMatch(/^"wait" timed out after \d+ ms$/);
  });

  test('locks: lock, queued lock, steal with stolen/locked notifications', async () => {
    const a = await peer();
    const b = await peer();
    const c = await peer();
    expect(await a.p.request('lock', ['L'])).toEqual({ locked: true });
    expect(await b.p.request('lock', ['L'])).toEqual({ locked: false });
    expect(await c.p.request('steal', ['L'])).toEqual({ locked: true });
    await tick();
    expect(a.notes).toEqual([{ method: 'stolen', params: ['L'] }]);
    const ok = (await c.p.request('transact', [DB, { op: 'assert', lock: 'L' }])) as unknown[];
    expect(ok).toEqual([{}]);
    const no = (await a.p.request('transact', [DB, { op: 'assert', lock: 'L' }])) as [{ error: string }];
    expect(no[0]).toEqual({ error: 'not owner', details: 'Asserted lock L not held.' });
    await c.p.request('unlock', ['L']);
    await tick();
    // a was stolen from but still waits (it locked with "lock"): it is the owner again.
    expect(a.notes.at(-1)).toEqual({ method: 'locked', params: ['L'] });
  });

  test('monitor_cond_since resumes from the transaction history', async () => {
    const { p, notes } = await peer();
    const req = { Address_Set: [{ columns: ['name'] }] };
    const [found0, last0] = (await p.request('monitor_cond_since', [
      DB,
      'm',
      req,
      '00000000-0000-0000-0000-000000000000',
    ])) as [boolean, string];
    expect(found0).toBe(false);
    await p.request('transact', [DB, { op: 'insert', table: 'Address_Set', row: { name: 'a1' } }]);
    await tick();
    const [, lastId] = notes[0]!.params as [unknown, string];
    expect(lastId).not.toBe(last0);
    await p.request('monitor_cancel', ['m']);
    await p.request('transact', [DB, { op: 'insert', table: 'Address_Set', row: { name: 'a2' } }]);
    const [found, , updates] = (await p.request('monitor_cond_since', [DB, 'm2', req, lastId])) as [
      boolean,
      string,
      Record<string, Record<string, unknown>>,
    ];
    expect(found).toBe(true);
    expect(Object.values(updates.Address_Set!)).toEqual([{ insert: { name: 'a2' } }]);
  });

  test("this SDK's client works against it over an in-memory stream", async () => {
    const client = await OvsdbClient.connect('unix:embedded', { openStream: () => server.connectInMemory() });
    try {
      const res = await client.transact(DB, [{ op: 'insert', table: 'Logical_Router', row: { name: 'r1' } }]);
      expect(res[0]).toHaveProperty('uuid');
      expect(await client.listDbs()).toContain(DB);
    } finally {
      await client.close();
    }
  });
});

test('inactivity probe: an idle client gets an echo, and is disconnected when it does not answer', async () => {
  const s2 = new EmbeddedOvsdbServer({ schemas: [ovnNorthboundSchema], inactivityProbeMs: 40 });
  try {
    const s = await s2.connectInMemory();
    let text = '';
    let closed = false;
    s.onData((c) => (text += c.toString()));
    s.onClose(() => (closed = true));
    for (let i = 0; i < 100 && !closed; i++) await new Promise((r) => setTimeout(r, 10));
    expect(JSON.parse(text)).toEqual({ id: 'echo', method: 'echo', params: [] });
    expect(closed).toBe(true);
    expect(s2.connections).toBe(0);
  } finally {
    await s2.stop();
  }
});
