/** Every RFC 7047 / ovsdb-server(7) method against a real ovsdb-server started for this file. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startOvsdb, type OvsdbServer, type EmbeddedOvsdb } from '../../../src/testing/index.js';
import {
  OvsdbClient,
  op,
  cond,
  mutation,
  namedUuid,
  type MonitorEvent,
  ZERO_TXN_ID,
} from '../../../src/ovsdb/index.js';

const NB = 'OVN_Northbound';
// Backend: ovsdb-server, or the embedded server with OVN_SDK_BACKEND=embedded.
let server: OvsdbServer | EmbeddedOvsdb;
let client: OvsdbClient;

beforeAll(async () => {
  server = await startOvsdb({ schema: 'nb' });
  client = await OvsdbClient.connect(server.unix);
});
afterAll(async () => {
  await client?.close();
  await server?.stop();
});

function nextEvent(events: MonitorEvent[], n = 1): Promise<void> {
  return new Promise((resolve) => {
    const t = setInterval(() => {
      if (events.length >= n) {
        clearInterval(t);
        resolve();
      }
    }, 2);
  });
}

describe('methods', () => {
  test('list_dbs names the database and _Server', async () => {
    expect((await client.listDbs()).sort()).toEqual(['OVN_Northbound', '_Server']);
  });

  test('get_schema returns the parsed schema with constraints', async () => {
    const s = await client.getSchema(NB);
    expect(s.name).toBe(NB);
    expect(s.version).toMatch(/^\d+\.\d+\.\d+$/);
    const acl = s.tables.ACL!;
    expect(acl.columns.priority!.type.key).toMatchObject({ type: 'integer', minInteger: 0, maxInteger: 32767 });
    expect(acl.columns.direction!.type.key.enum).toEqual(['from-lport', 'to-lport']);
    expect(s.tables.Logical_Switch!.isRoot).toBe(true);
    expect(s.tables.Logical_Switch_Port!.isRoot).toBe(false);
    expect(s.tables.Logical_Switch_Port!.indexes).toEqual([['name']]);
    expect(s.tables.Logical_Switch!.columns.ports!.type.key).toMatchObject({
      refTable: 'Logical_Switch_Port',
      refType: 'strong',
    });
  });

  test('transact: insert with uuid-name referenced before its insert, select, update, mutate, delete', async () => {
    const ops = [
      op.insert('Logical_Switch', { name: 'sw-a', ports: ['set', [namedUuid('p1')]] }, 'sw'),
      op.insert('Logical_Switch_Port', { name: 'sw-a-p1', addresses: '00:00:00:aa:0d:31 10.16.0.8' }, 'p1'),
    ] as const;
    const [sw, p1] = await client.transact(NB, ops);
    expect(sw.uuid[0]).toBe('uuid');
    const [sel] = await client.transact(NB, [
      op.select('Logical_Switch_Port', [cond('_uuid', '==', ['uuid', p1.uuid[1]])], ['name', 'addresses']),
    ]);
    expect(sel.rows).toEqual([{ name: 'sw-a-p1', addresses: '00:00:00:aa:0d:31 10.16.0.8' }]);
    const [upd] = await client.transact(NB, [
      op.update('Logical_Switch', [cond('name', '==', 'sw-a')], { external_ids: ['map', [['k', 'v']]] }),
    ]);
    expect(upd.count).toBe(1);
    const [mut] = await client.transact(NB, [
      op.mutate(
        'Logical_Switch',
        [cond('name', '==', 'sw-a')],
        [mutation('external_ids', 'insert', ['map', [['k2', 'v2']]])],
      ),
    ]);
    expect(mut.count).toBe(1);
    const [s2] = await client.transact(NB, [
      op.select('Logical_Switch', [cond('name', '==', 'sw-a')], ['external_ids']),
    ]);
    expect(s2.rows[0]!.external_ids).toEqual([
      'map',
      [
        ['k', 'v'],
        ['k2', 'v2'],
      ],
    ]);
    const [del] = await client.transact(NB, [op.delete('Logical_Switch', [cond('name', '==', 'sw-a')])]);
    expect(del.count).toBe(1);
    // The port was referenced only by the switch: garbage-collected with it.
    const [gone] = await client.transact(NB, [op.select('Logical_Switch_Port', [cond('name', '==', 'sw-a-p1')])]);
    expect(gone.rows).toEqual([]);
  });

  test('insert with a caller-chosen uuid', async () => {
    const u = '5a2b3c4d-1111-4222-8333-444455556666';
    const [r] = await client.transact(NB, [op.insert('Address_Set', { name: 'as-chosen' }, undefined, u)]);
    expect(r.uuid).toEqual(['uuid', u]);
    await client.transact(NB, [op.delete('Address_Set', [cond('_uuid', '==', ['uuid', u])])]);
  });

  test('wait, comment, commit durable, and assert without the lock', async () => {
    await client.transact(NB, [op.insert('Address_Set', { name: 'as-wait' })]);
    const r = await client.transact(NB, [
      op.wait('Address_Set', [cond('name', '==', 'as-wait')], ['name'], '==', [{ name: 'as-wait' }], 0),
      op.comment('from the test'),
      op.commit(true),
    ]);
    expect(r).toEqual([{}, {}, {}]);
    await expect(client.transact(NB, [op.assert('no_such_lock')])).rejects.toMatchObject({
      code: 'OVSDB_NOT_OWNER',
      opIndex: 0,
    });
    await client.transact(NB, [op.delete('Address_Set', [cond('name', '==', 'as-wait')])]);
  });

  test('echo, get_server_id, set_db_change_aware', async () => {
    expect(await client.echo(['a', 1, { b: [] }])).toEqual(['a', 1, { b: [] }]);
    expect(await client.getServerId()).toMatch(/^[0-9a-f-]{36}$/);
    await client.setDbChangeAware(true);
  });

  test('monitor: initial rows then update notifications (insert, modify, delete)', async () => {
    const events: MonitorEvent[] = [];
    await client.transact(NB, [op.insert('Address_Set', { name: 'mon-a', addresses: ['set', ['10.0.0.1']] })]);
    const initial = await client.monitor(NB, 'm1', { Address_Set: { columns: ['name', 'addresses'] } }, (e) =>
      events.push(e),
    );
    const rows = Object.values(initial.Address_Set ?? {}).map((r) => r.new);
    expect(rows).toContainEqual({ name: 'mon-a', addresses: '10.0.0.1' });
    await client.transact(NB, [
      op.mutate('Address_Set', [cond('name', '==', 'mon-a')], [mutation('addresses', 'insert', ['set', ['10.0.0.2']])]),
    ]);
    await nextEvent(events);
    const e = events[0]!;
    expect(e.method).toBe('update');
    const ru = Object.values((e as Extract<MonitorEvent, { method: 'update' }>).updates.Address_Set!)[0]!;
    expect(ru.old).toEqual({ addresses: '10.0.0.1' });
    expect(ru.new).toEqual({ name: 'mon-a', addresses: ['set', ['10.0.0.1', '10.0.0.2']] });
    await client.monitorCancel('m1');
    await client.transact(NB, [op.delete('Address_Set', [cond('name', '==', 'mon-a')])]);
  });

  test('monitor_cond: update2 carries diffs; monitor_cond_change narrows and widens', async () => {
    await client.transact(NB, [
      op.insert('Address_Set', { name: 'c1' }),
      op.insert('Address_Set', { name: 'c2' }),
      op.insert('Address_Set', { name: 'c3' }),
    ]);
    const events: MonitorEvent[] = [];
    const initial = await client.monitorCond(
      NB,
      ['cond', 1],
      { Address_Set: { columns: ['name', 'addresses'], where: [['name', '==', 'c1']] } },
      (e) => events.push(e),
    );
    expect(Object.values(initial.Address_Set!).map((r) => r.initial?.name)).toEqual(['c1']);
    // Widen: c1 or c2.
    await client.monitorCondChange(['cond', 1], ['cond', 1], {
      Address_Set: [
        {
          where: [
            ['name', '==', 'c1'],
            ['name', '==', 'c2'],
          ],
        },
      ],
    });
    await nextEvent(events);
    const widened = events.shift() as Extract<MonitorEvent, { method: 'update2' }>;
    expect(widened.method).toBe('update2');
    expect(Object.values(widened.updates.Address_Set!).map((r) => r.insert?.name)).toEqual(['c2']);
    // Narrow: only c2; c1 leaves as a delete.
    await client.monitorCondChange(['cond', 1], ['cond', 2], { Address_Set: [{ where: [['name', '==', 'c2']] }] });
    await nextEvent(events);
    const narrowed = events.shift() as Extract<MonitorEvent, { method: 'update2' }>;
    expect(Object.values(narrowed.updates.Address_Set!)).toEqual([{ delete: null }]);
    // A modify of c2 arrives under the new id as a diff.
    await client.transact(NB, [
      op.mutate('Address_Set', [cond('name', '==', 'c2')], [mutation('addresses', 'insert', ['set', ['10.1.1.1']])]),
    ]);
    await nextEvent(events);
    const mod = events.shift() as Extract<MonitorEvent, { method: 'update2' }>;
    expect(Object.values(mod.updates.Address_Set!)).toEqual([{ modify: { addresses: '10.1.1.1' } }]);
    await client.monitorCancel(['cond', 2]);
    await client.transact(NB, [
      op.delete('Address_Set', [cond('name', '==', 'c1')]),
      op.delete('Address_Set', [cond('name', '==', 'c2')]),
      op.delete('Address_Set', [cond('name', '==', 'c3')]),
    ]);
  });

  test('monitor_cond_since on a standalone server: found=false with a zero txn id, then update3', async () => {
    const events: MonitorEvent[] = [];
    const r = await client.monitorCondSince(NB, 'since', { Address_Set: { columns: ['name'] } }, null, (e) =>
      events.push(e),
    );
    expect(r.found).toBe(false);
    expect(r.lastTxnId).toBe(ZERO_TXN_ID);
    await client.transact(NB, [op.insert('Address_Set', { name: 'since-1' })]);
    await nextEvent(events);
    expect(events[0]!.method).toBe('update3');
    await client.monitorCancel('since');
    await client.transact(NB, [op.delete('Address_Set', [cond('name', '==', 'since-1')])]);
  });

  test('a reused monitor id is refused before sending; an unknown one by the server', async () => {
    await client.monitor(NB, 'dup', { NB_Global: {} }, () => {});
    await expect(client.monitor(NB, 'dup', { NB_Global: {} }, () => {})).rejects.toMatchObject({
      code: 'OVSDB_INVALID_ARGUMENT',
    });
    await client.monitorCancel('dup');
    await expect(client.monitorCancel('never')).rejects.toMatchObject({ code: 'OVSDB_UNKNOWN_MONITOR' });
  });

  test('unknown database', async () => {
    await expect(client.getSchema('Nope')).rejects.toMatchObject({ code: 'OVSDB_UNKNOWN_DATABASE' });
  });
});
