/**
 * Monitor method fallback and malformed server data, with the scripted fake peer (the real
 * ovsdb-server 3.1 knows every method and never sends bad rows, so only a fake one can).
 */
import { afterEach, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { startFakePeer, SCHEMAS, type FakePeer } from '../../../../src/testing/index.js';
import { OvsdbClient } from '../../../../src/ovsdb/index.js';
import { ReplicaCache } from '../../../../src/ovsdb/cache/index.js';
import type { ByteStream } from '../../../../src/transport/index.js';
import type { Logger } from '../../../../src/jsonrpc/index.js';

const schema = JSON.parse(readFileSync(SCHEMAS.nb, 'utf8'));
const U = (n: number) => `00000000-0000-0000-0000-${String(n).padStart(12, '0')}`;
let peer: FakePeer | undefined;
let client: OvsdbClient | undefined;
afterEach(async () => {
  await client?.close();
  await peer?.close();
});

type Msg = { id?: unknown; method?: string; params?: unknown[] };
const reply = (s: ByteStream, m: Msg, result: unknown) => s.write(JSON.stringify({ id: m.id, result, error: null }));
const fail = (s: ByteStream, m: Msg, error: string) => s.write(JSON.stringify({ id: m.id, result: null, error }));

test('monitor_cond_since, then monitor_cond answered "unknown method": falls back to monitor and applies update notifications', async () => {
  let stream: ByteStream | undefined;
  let monitorParams: unknown[] | undefined;
  peer = await startFakePeer((m, s) => {
    stream = s;
    if (m.method === 'get_schema') reply(s, m, schema);
    else if (m.method === 'monitor_cond_since' || m.method === 'monitor_cond') fail(s, m, 'unknown method');
    else if (m.method === 'monitor') {
      monitorParams = m.params;
      reply(s, m, {
        Logical_Switch: { [U(1)]: { new: { name: 'a', ports: ['set', []], other_config: ['map', [['k', 'v']]] } } },
      });
      // An update right behind the reply, in the same write: it must wait for the initial contents.
      s.write(
        JSON.stringify({
          id: null,
          method: 'update',
          params: [m.params![1], { Logical_Switch: { [U(2)]: { new: { name: 'b' } } } }],
        }),
      );
    } else if (m.method === 'monitor_cancel') reply(s, m, {});
  });
  client = await OvsdbClient.connect(peer.remote, { inactivityProbeMs: 0 });
  const cache = await ReplicaCache.start(client, 'OVN_Northbound', { tables: ['Logical_Switch'] });
  expect(cache.method).toBe('monitor');
  expect(peer.received.map((m) => (m as Msg).method)).toEqual([
    'get_schema',
    'monitor_cond_since',
    'monitor_cond',
    'monitor',
  ]);
  // explicit column lists, so that no _version is sent
  const req = (monitorParams![2] as Record<string, { columns: string[] }>).Logical_Switch!;
  expect(req.columns).toEqual(Object.keys(schema.tables.Logical_Switch.columns));
  await new Promise((r) => setTimeout(r, 20));
  const t = cache.table('Logical_Switch');
  expect(t.get(U(1))).toMatchObject({ name: 'a', other_config: { k: 'v' }, ports: [] });
  expect(t.get(U(2))).toMatchObject({ name: 'b', ports: [], acls: [] }); // omitted columns read as defaults
  // RFC 7047 modify: `old` has the changed columns, `new` all of them
  stream!.write(
    JSON.stringify({
      id: null,
      method: 'update',
      params: [
        cache.monitorId,
        { Logical_Switch: { [U(1)]: { old: { name: 'a' }, new: { name: 'a2' } }, [U(2)]: { old: { name: 'b' } } } },
      ],
    }),
  );
  await new Promise((r) => setTimeout(r, 20));
  expect(t.get(U(1))!.name).toBe('a2');
  expect(t.has(U(2))).toBe(false);
  await expect(cache.setConditions({ Logical_Switch: [true] })).rejects.toMatchObject({ code: 'CACHE_INVALID_OPTION' });
  await cache.close();
});

test('a method error other than "unknown method" is not a reason to fall back', async () => {
  peer = await startFakePeer((m, s) => {
    if (m.method === 'get_schema') reply(s, m, schema);
    else if (m.method === 'monitor_cond_since') fail(s, m, 'not leader');
  });
  client = await OvsdbClient.connect(peer.remote, { inactivityProbeMs: 0 });
  await expect(ReplicaCache.start(client, 'OVN_Northbound', { tables: ['Logical_Switch'] })).rejects.toMatchObject({
    code: 'OVSDB_NOT_LEADER',
  });
  expect(peer.received.map((m) => (m as Msg).method)).toEqual(['get_schema', 'monitor_cond_since']);
});

test('malformed rows and impossible updates: set aside or ignored with a logged reason, the rest of the cache intact', async () => {
  let stream: ByteStream | undefined;
  peer = await startFakePeer((m, s) => {
    stream = s;
    if (m.method === 'get_schema') reply(s, m, schema);
    else if (m.method === 'monitor_cond_since') {
      reply(s, m, [
        false,
        U(0),
        {
          Logical_Switch: {
            [U(1)]: { initial: { name: 'good', other_config: ['map', [['a', '1']]] } },
            [U(2)]: { initial: { name: 42 } },
            [U(3)]: { initial: { name: 'sets', ports: ['set', ['not-a-uuid']] } },
          },
        },
      ]);
    } else if (m.method === 'monitor_cancel') reply(s, m, {});
  });
  const lines: { level: string; msg?: string; obj: object }[] = [];
  const at = (level: string) => (obj: object, msg?: string) => void lines.push({ level, obj, msg });
  const logger: Logger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
  client = await OvsdbClient.connect(peer.remote, { inactivityProbeMs: 0 });
  const cache = await ReplicaCache.start(client, 'OVN_Northbound', { tables: ['Logical_Switch'], logger });
  const t = cache.table('Logical_Switch');
  expect(t.all().map((r) => r.name)).toEqual(['good']);
  expect(lines.filter((l) => l.level === 'warn' && l.msg?.includes('could not be decoded')).length).toBe(2);
  expect([...cache.rejected('Logical_Switch').keys()].sort()).toEqual([U(2), U(3)]);
  const events: string[] = [];
  const sub = cache.subscribe((ev) => void events.push(`${ev.type}:${ev.uuid}`));
  // a bad diff on a good row takes it out (delete event) instead of corrupting it; modify of an unknown row is ignored
  stream!.write(
    JSON.stringify({
      id: null,
      method: 'update3',
      params: [
        cache.monitorId,
        U(9),
        {
          Logical_Switch: {
            [U(1)]: { modify: { other_config: ['set', ['x']] } },
            [U(7)]: { modify: { name: 'ghost' } },
          },
        },
      ],
    }),
  );
  await new Promise((r) => setTimeout(r, 20));
  expect(t.size).toBe(0);
  expect(cache.rejected('Logical_Switch').get(U(1))!.row.other_config).toEqual({ a: '1' });
  expect(events).toEqual([`delete:${U(1)}`]);
  expect(cache.lastTxnId).toBe(U(9));
  expect(lines.some((l) => l.msg?.includes('could not be applied') && JSON.stringify(l.obj).includes(U(7)))).toBe(true);
  sub.stop();
  await cache.close();
});
