/**
 * The cache against a real OVN_Northbound ovsdb-server: every monitor method, indexes, events with
 * back-pressure, live conditions, verified transactions with retry, closed clients.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startOvsdb, type OvsdbServer, type EmbeddedOvsdb } from '../../../../src/testing/index.js';
import { OvsdbClient, op, cond, mutation, namedUuid, byUuid } from '../../../../src/ovsdb/index.js';
import { ovnNorthboundModel } from '../../../../src/ovn-nb/generated/ovn-northbound.gen.js';
import { ReplicaCache, type RowEvent, type CacheRow } from '../../../../src/ovsdb/cache/index.js';
import { cacheSnapshot, expectSnapshotsEqual, serverSnapshot } from './helpers.js';

const NB = 'OVN_Northbound';
// Backend: ovsdb-server, or the embedded server with OVN_SDK_BACKEND=embedded.
let server: OvsdbServer | EmbeddedOvsdb;
let client: OvsdbClient;
let other: OvsdbClient;

beforeAll(async () => {
  server = await startOvsdb({ schema: 'nb' });
  client = await OvsdbClient.connect(server.unix);
  other = await OvsdbClient.connect(server.tcp);
});
afterAll(async () => {
  await client?.close();
  await other?.close();
  await server?.stop();
});

async function newSwitch(name: string, ports: string[] = [], extra: Record<string, unknown> = {}): Promise<string> {
  const ops = [
    op.insert(
      'Logical_Switch',
      { name, ports: ['set', ports.map((_, i) => namedUuid(`p${i}`))], ...extra } as never,
      'sw',
    ),
    ...ports.map((p, i) =>
      op.insert('Logical_Switch_Port', { name: p, external_ids: ['map', [['pod', `ns/${p}`]]] }, `p${i}`),
    ),
  ];
  const [r] = await other.transact(NB, ops);
  return r!.uuid[1];
}

describe.each(['monitor_cond_since', 'monitor_cond', 'monitor'] as const)('method %s', (method) => {
  test('initial contents and every kind of change equal the server', async () => {
    const [a, b] = [`${method}-a`, `${method}-b`];
    const sw = await newSwitch(`m-${method}`, [a, b]);
    const cache = await ReplicaCache.start(client, NB, { method, tables: ['Logical_Switch', 'Logical_Switch_Port'] });
    expect(cache.method).toBe(method);
    if (method === 'monitor_cond_since') expect(cache.lastTxnId).toMatch(/^[0-9a-f-]{36}$/);
    const events: RowEvent[] = [];
    const sub = cache.subscribe((ev) => void events.push(ev));
    await other.transact(NB, [
      op.mutate(
        'Logical_Switch_Port',
        [cond('name', '==', a)],
        [
          mutation('external_ids', 'insert', ['map', [['x', '1']]]),
          mutation('addresses', 'insert', ['set', ['m1', 'm2']]),
        ],
      ),
      op.update('Logical_Switch_Port', [cond('name', '==', b)], { tag_request: 7, enabled: false }),
      op.mutate('Logical_Switch', [byUuid(sw)], [mutation('other_config', 'insert', ['map', [['k', 'v']]])]),
    ]);
    await other.transact(NB, [
      op.mutate(
        'Logical_Switch_Port',
        [cond('name', '==', a)],
        [mutation('external_ids', 'delete', ['set', ['pod']]), mutation('addresses', 'delete', ['set', ['m1']])],
      ),
      op.update('Logical_Switch_Port', [cond('name', '==', b)], { tag_request: ['set', []] }),
    ]);
    await other.transact(NB, [
      op.mutate(
        'Logical_Switch',
        [byUuid(sw)],
        [
          mutation('ports', 'delete', [
            'set',
            [['uuid', cache.table('Logical_Switch_Port').index('name').get(b)!._uuid]],
          ]),
        ],
      ),
    ]);
    await cache.waitForUpdates(0);
    // `other` is another connection: wait until the cache has seen all three transactions.
    for (let i = 0; i < 2000 && cache.table('Logical_Switch_Port').index('name').get(b); i++)
      await new Promise((r) => setTimeout(r, 5));
    const lsp = cache.table('Logical_Switch_Port').index('name').get(a)!;
    expect(lsp.external_ids).toEqual({ x: '1' });
    expect(lsp.addresses).toEqual(['m2']);
    expect(cache.table('Logical_Switch_Port').index('name').get(b)).toBeUndefined();
    const tables = ['Logical_Switch', 'Logical_Switch_Port'];
    expectSnapshotsEqual(
      cacheSnapshot(cache, tables),
      await serverSnapshot(server.unix, NB, tables, (t) => cache.table(t).columns),
    );
    // Row order inside one notification is the server's; compare per kind.
    expect(events.map((e) => `${e.type} ${e.table}`).sort()).toEqual(
      [
        'update Logical_Switch_Port',
        'update Logical_Switch_Port',
        'update Logical_Switch',
        'update Logical_Switch_Port',
        'update Logical_Switch_Port',
        'update Logical_Switch',
        'delete Logical_Switch_Port',
      ].sort(),
    );
    const del = events.find((e) => e.type === 'delete')!;
    expect(del.type === 'delete' && del.old.name).toBe(b);
    const upd = events.filter(
      (e): e is Extract<RowEvent, { type: 'update' }> =>
        e.type === 'update' && e.table === 'Logical_Switch_Port' && e.new.name === b,
    );
    expect(upd.map((e) => [e.old.tag_request, e.new.tag_request])).toEqual([
      [undefined, 7],
      [7, undefined],
    ]);
    sub.stop();
    await cache.close();
  });
});

describe('indexes', () => {
  test('schema index, external_ids key and column tuple indexes, maintained on change', async () => {
    await newSwitch('ix', ['ix-a', 'ix-b', 'ix-c']);
    const cache = await ReplicaCache.start(client, NB, {
      model: ovnNorthboundModel,
      tables: ['Logical_Switch', 'Logical_Switch_Port'],
      indexes: {
        Logical_Switch_Port: { pod: { externalId: 'pod' }, nameType: { columns: ['name', 'type'] } },
        Logical_Switch: { byName: { columns: ['name'] } },
      },
    });
    const lsps = cache.table('Logical_Switch_Port');
    expect(lsps.indexNames()).toEqual(['name', 'pod', 'nameType']);
    expect(lsps.index('name').get('ix-a')!.external_ids.pod).toBe('ns/ix-a');
    expect(lsps.index('pod').get('ns/ix-b')!.name).toBe('ix-b');
    expect(lsps.index('nameType').get('ix-c', '')!.name).toBe('ix-c');
    const byTag = lsps.defineIndex('tag', { key: (r) => r.tag_request });
    await client.transact(NB, [
      op.update('Logical_Switch_Port', [cond('name', '==', 'ix-a')], {
        external_ids: ['map', [['pod', 'ns/moved']]],
        type: 'router',
        tag_request: 5,
      }),
    ]);
    expect(lsps.index('pod').get('ns/ix-a')).toBeUndefined();
    expect(lsps.index('pod').get('ns/moved')!.name).toBe('ix-a');
    expect(lsps.index('nameType').get('ix-a', '')).toBeUndefined();
    expect(lsps.index('nameType').get('ix-a', 'router')!.tag_request).toBe(5);
    expect(byTag.get(5)!.name).toBe('ix-a');
    expect(cache.table('Logical_Switch').index('byName').get('ix')!.ports).toHaveLength(3);
    await cache.close();
  });
});

describe('events', () => {
  test('a handler is awaited before the next event; events arrive in commit order', async () => {
    const cache = await ReplicaCache.start(client, NB, { tables: ['Address_Set'] });
    const seen: string[] = [];
    let inHandler = 0;
    let overlap = false;
    const sub = cache.subscribe(async (ev) => {
      if (inHandler++) overlap = true;
      await new Promise((r) => setTimeout(r, 2));
      seen.push(`${ev.type}:${ev.type === 'delete' ? ev.old.name : ev.new.name}`);
      inHandler--;
    });
    for (let i = 0; i < 10; i++) await client.transact(NB, [op.insert('Address_Set', { name: `ev${i}` })]);
    await client.transact(NB, [op.delete('Address_Set', [cond('name', '==', 'ev3')])]);
    for (let i = 0; i < 2000 && seen.length < 11; i++) await new Promise((r) => setTimeout(r, 5));
    expect(overlap).toBe(false);
    expect(seen).toEqual([...Array.from({ length: 10 }, (_, i) => `insert:ev${i}`), 'delete:ev3']);
    sub.stop();
    await sub.done;
    await cache.close();
  });

  test('a subscriber that does not keep up gets every queued event, then CACHE_EVENT_OVERFLOW', async () => {
    const cache = await ReplicaCache.start(client, NB, { tables: ['Address_Set'] });
    const s = cache.events({ maxBuffered: 5 });
    for (let i = 0; i < 8; i++) await client.transact(NB, [op.insert('Address_Set', { name: `of${i}` })]);
    const got: string[] = [];
    await expect(
      (async () => {
        for await (const ev of s) got.push(ev.type === 'delete' ? '' : String(ev.new.name));
      })(),
    ).rejects.toMatchObject({ code: 'CACHE_EVENT_OVERFLOW' });
    expect(got).toEqual(['of0', 'of1', 'of2', 'of3', 'of4']);
    expect(cache.table('Address_Set').index('name').get('of7')).toBeDefined(); // the cache itself is complete
    await cache.close();
  });

  test('initial: true replays the current rows as inserts first', async () => {
    const cache = await ReplicaCache.start(client, NB, { tables: ['Address_Set'] });
    const s = cache.events({ initial: true });
    const n = cache.table('Address_Set').size;
    expect(s.buffered).toBe(n);
    await cache.close();
    let count = 0;
    for await (const ev of s) if (ev.type === 'insert') count++;
    expect(count).toBe(n);
  });
});

describe('consistent reads', () => {
  test('when an event arrives, the whole transaction that caused it is in the cache (both sides of a reference)', async () => {
    const sw = await newSwitch('cr');
    const cache = await ReplicaCache.start(client, NB, { tables: ['Logical_Switch', 'Logical_Switch_Port'] });
    const checks: boolean[] = [];
    const sub = cache.subscribe((ev) => {
      if (ev.table === 'Logical_Switch_Port' && ev.type === 'insert')
        checks.push((cache.table('Logical_Switch').get(sw)!.ports as string[]).includes(ev.uuid));
      if (ev.table === 'Logical_Switch_Port' && ev.type === 'delete')
        checks.push(!(cache.table('Logical_Switch').get(sw)!.ports as string[]).includes(ev.uuid));
    });
    for (let i = 0; i < 20; i++) {
      await other.transact(NB, [
        op.insert('Logical_Switch_Port', { name: `cr${i}` }, 'p'),
        op.mutate('Logical_Switch', [byUuid(sw)], [mutation('ports', 'insert', ['set', [namedUuid('p')]])]),
      ]);
      // a read right after the transaction on another connection sees all of it or none of it
      const seenPort = cache.table('Logical_Switch_Port').index('name').get(`cr${i}`);
      const ports = cache.table('Logical_Switch').get(sw)!.ports as string[];
      expect(seenPort === undefined || ports.includes(seenPort._uuid)).toBe(true);
    }
    // Handlers may run after later notifications were applied (they see a later, still whole, state):
    // let the 20 inserts be handled before the transaction that removes the ports.
    for (let i = 0; i < 2000 && checks.length < 20; i++) await new Promise((r) => setTimeout(r, 5));
    await other.transact(NB, [op.update('Logical_Switch', [byUuid(sw)], { ports: ['set', []] })]);
    for (let i = 0; i < 2000 && checks.length < 40; i++) await new Promise((r) => setTimeout(r, 5));
    expect(checks).toHaveLength(40);
    expect(checks.every(Boolean)).toBe(true);
    sub.stop();
    await cache.close();
  });
});

describe('conditions', () => {
  test('changing conditions live deletes rows that leave and inserts rows that enter', async () => {
    await newSwitch('cond', ['c-1', 'c-2', 'c-3']);
    const cache = await ReplicaCache.start(client, NB, {
      tables: ['Logical_Switch_Port'],
      where: { Logical_Switch_Port: [cond('name', '==', 'c-1')] },
    });
    const lsps = cache.table('Logical_Switch_Port');
    expect(lsps.all().map((r) => r.name)).toEqual(['c-1']);
    const events: string[] = [];
    const mine = (n: unknown) => String(n).startsWith('c-');
    const sub = cache.subscribe((ev) => {
      const name = ev.type === 'delete' ? ev.old.name : ev.new.name;
      if (mine(name)) events.push(`${ev.type}:${String(name)}`);
    });
    await cache.setConditions({ Logical_Switch_Port: [cond('name', '!=', 'c-1')] });
    expect(
      lsps
        .all()
        .map((r) => r.name)
        .filter(mine)
        .sort(),
    ).toEqual(['c-2', 'c-3']);
    await cache.setConditions({
      Logical_Switch_Port: [cond('external_ids', 'includes', ['map', [['pod', 'ns/c-3']]])],
    });
    expect(lsps.all().map((r) => r.name)).toEqual(['c-3']);
    expect(lsps.index('name').get('c-2')).toBeUndefined();
    // changes outside the condition are not seen; inside they are
    await client.transact(NB, [op.update('Logical_Switch_Port', [cond('name', '==', 'c-2')], { type: 'router' })]);
    await client.transact(NB, [op.update('Logical_Switch_Port', [cond('name', '==', 'c-3')], { type: 'localnet' })]);
    expect(lsps.get(lsps.index('name').get('c-3')!._uuid)!.type).toBe('localnet');
    await cache.setConditions({ Logical_Switch_Port: [true] });
    expect(
      lsps
        .all()
        .map((r) => r.name)
        .filter(mine)
        .sort(),
    ).toEqual(['c-1', 'c-2', 'c-3']);
    await new Promise((r) => setTimeout(r, 10));
    expect(events.slice(0, 3).sort()).toEqual(['delete:c-1', 'insert:c-2', 'insert:c-3']);
    expect(events[3]).toBe('delete:c-2');
    expect(events[4]).toBe('update:c-3');
    expect(events.slice(5).sort()).toEqual(['insert:c-1', 'insert:c-2']);
    sub.stop();
    await cache.close();
  });
});

describe('verified transactions', () => {
  test('a read row changed by another client: the wait fails, the cache catches up, the function runs again', async () => {
    const sw = await newSwitch('vt', [], { other_config: ['map', [['count', '0']]] });
    const cache = await ReplicaCache.start(client, NB, { tables: ['Logical_Switch'] });
    const seenCounts: string[] = [];
    const out = await cache.transact(async (r) => {
      const row = r.read<CacheRow & { other_config: Record<string, string> }>('Logical_Switch', sw, ['other_config'])!;
      seenCounts.push(row.other_config.count!);
      if (r.attempt === 1) {
        // Someone else increments it between our read and our commit.
        await other.transact(NB, [
          op.update('Logical_Switch', [byUuid(sw)], { other_config: ['map', [['count', '10']]] }),
        ]);
      }
      const next = String(Number(row.other_config.count) + 1);
      return {
        operations: [op.update('Logical_Switch', [byUuid(sw)], { other_config: ['map', [['count', next]]] })],
        value: next,
      };
    });
    expect(seenCounts).toEqual(['0', '10']);
    expect(out.value).toBe('11');
    expect(out.results).toEqual([{ count: 1 }]);
    expect(out.attempts).toHaveLength(1);
    expect(out.attempts[0]).toMatchObject({
      attempt: 1,
      error: { code: 'OVSDB_TIMED_OUT' },
      conflict: { table: 'Logical_Switch', uuid: sw, columns: ['other_config'] },
    });
    const [sel] = await other.transact(NB, [op.select('Logical_Switch', [byUuid(sw)], ['other_config'])]);
    expect(sel.rows[0]!.other_config).toEqual(['map', [['count', '11']]]);
    await cache.close();
  });

  test('conflicting every time: CACHE_RETRY_EXHAUSTED with each attempt and its cause', async () => {
    const sw = await newSwitch('vt2');
    const cache = await ReplicaCache.start(client, NB, { tables: ['Logical_Switch'] });
    let n = 0;
    const err = await cache
      .transact(
        async (r) => {
          r.read('Logical_Switch', sw, ['external_ids']);
          await other.transact(NB, [
            op.update('Logical_Switch', [byUuid(sw)], { external_ids: ['map', [['n', String(++n)]]] }),
          ]);
          return [op.update('Logical_Switch', [byUuid(sw)], { external_ids: ['map', [['mine', 'x']]] })];
        },
        { maxAttempts: 3 },
      )
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'CACHE_RETRY_EXHAUSTED' });
    const attempts = (err as { attempts: { attempt: number; conflict: { uuid: string } }[] }).attempts;
    expect(attempts.map((a) => a.attempt)).toEqual([1, 2, 3]);
    expect(attempts.every((a) => a.conflict.uuid === sw)).toBe(true);
    expect((err as Error).message).toContain('#3');
    await cache.close();
  });

  test('a row read as absent is verified absent; other failures are not retried', async () => {
    const cache = await ReplicaCache.start(client, NB, { tables: ['Logical_Switch'] });
    const ghost = '00000000-0000-0000-0000-00000000abcd';
    const out = await cache.transact((r) => {
      expect(r.read('Logical_Switch', ghost)).toBeUndefined();
      return [op.insert('Logical_Switch', { name: 'vt3' })];
    });
    expect(out.attempts).toEqual([]);
    const waits = cache.verifyOps([{ table: 'Logical_Switch', row: undefined, uuid: ghost }]);
    expect(waits).toEqual([
      {
        op: 'wait',
        table: 'Logical_Switch',
        where: [['_uuid', '==', ['uuid', ghost]]],
        columns: ['_uuid'],
        until: '==',
        rows: [],
        timeout: 0,
      },
    ]);
    let calls = 0;
    await expect(
      cache.transact(() => {
        calls++;
        return [op.insert('Logical_Switch', { name: 'bad', ports: ['set', [['uuid', ghost]]] })];
      }),
    ).rejects.toMatchObject({ code: 'OVSDB_REFERENTIAL_INTEGRITY_VIOLATION' });
    expect(calls).toBe(1);
    await cache.close();
  });

  test('a closed client: transactions fail at once with typed errors; event streams end with CACHE_CLOSED', async () => {
    const c2 = await OvsdbClient.connect(server.unix);
    const cache = await ReplicaCache.start(c2, NB, { tables: ['Logical_Switch'] });
    const s = cache.events();
    await c2.close();
    await expect(c2.transact(NB, [op.select('Logical_Switch', [])])).rejects.toMatchObject({
      code: 'OVSDB_CLIENT_CLOSED',
    });
    let called = false;
    await expect(
      cache.transact(() => {
        called = true;
        return [];
      }),
    ).rejects.toMatchObject({ code: 'CACHE_CLOSED' });
    expect(called).toBe(false);
    expect(cache.closed).toBe(true);
    await expect(s.next()).rejects.toMatchObject({ code: 'CACHE_CLOSED' });
    expect(cache.table('Logical_Switch').size).toBeGreaterThan(0); // the last state stays readable
  });
});
