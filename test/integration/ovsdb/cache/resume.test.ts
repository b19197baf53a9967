/**
 * Resuming a cache after its connection ended: monitor_cond_since from the last transaction id on
 * a RAFT cluster (found: only the changes since are sent) and the full-contents comparison on a
 * standalone server (found=false). Either way the open event streams get exactly the changes made
 * while disconnected, and the cache equals the server afterwards.
 */
import { afterAll, describe, expect, test } from 'vitest';
import {
  startOvsdbServer,
  startOvsdbCluster,
  type OvsdbServer,
  type OvsdbCluster,
} from '../../../../src/testing/index.js';
import { OvsdbClient, op, cond } from '../../../../src/ovsdb/index.js';
import { ReplicaCache, type RowEvent } from '../../../../src/ovsdb/cache/index.js';
import { cacheSnapshot, expectSnapshotsEqual, serverSnapshot } from './helpers.js';

const NB = 'OVN_Northbound';
const clients: OvsdbClient[] = [];
let server: OvsdbServer | undefined;
let cluster: OvsdbCluster | undefined;
afterAll(async () => {
  for (const c of clients) await c.close();
  await server?.stop();
  await cluster?.stop();
});

async function connect(remote: string): Promise<OvsdbClient> {
  const c = await OvsdbClient.connect(remote);
  clients.push(c);
  return c;
}

function describeEvent(ev: RowEvent): string {
  if (ev.type === 'insert') return `insert ${String(ev.new.name)}`;
  if (ev.type === 'delete') return `delete ${String(ev.old.name)}`;
  return `update ${String(ev.new.name)} ${JSON.stringify(ev.old.addresses)}→${JSON.stringify(ev.new.addresses)}`;
}

async function resumeScenario(remote: string, oracleRemote: string, expectFound: boolean): Promise<void> {
  const writer = await connect(remote);
  // ovsdb-server keeps transaction history only while it holds fewer atoms than the database:
  // some bulk, elsewhere, so that the few changes below stay in it.
  await writer.transact(
    NB,
    Array.from({ length: 200 }, (_, i) =>
      op.insert('Logical_Switch', { name: `bulk${i}`, external_ids: ['map', [['k', String(i)]]] }),
    ),
  );
  await writer.transact(NB, [
    op.insert('Address_Set', { name: 'keep', addresses: ['set', ['1']] }),
    op.insert('Address_Set', { name: 'change', addresses: 'a' }),
    op.insert('Address_Set', { name: 'drop' }),
  ]);
  const first = await connect(remote);
  const cache = await ReplicaCache.start(first, NB, { tables: ['Address_Set'], resumable: true });
  // a change seen live, so that the last transaction id is a real one
  await first.transact(NB, [
    op.mutate('Address_Set', [cond('name', '==', 'keep')], [['addresses', 'insert', ['set', ['2']]]]),
  ]);
  const events: string[] = [];
  const stream = cache.events();
  const consumer = (async () => {
    for await (const ev of stream) events.push(describeEvent(ev));
  })();

  await first.close();
  expect(cache.connected).toBe(false);
  expect(cache.closed).toBe(false);
  expect(cache.table('Address_Set').size).toBe(3); // the last state stays readable
  await expect(cache.transact(() => [])).rejects.toMatchObject({ code: 'CACHE_CLOSED' });

  // changes while disconnected
  await writer.transact(NB, [
    op.insert('Address_Set', { name: 'new' }),
    op.mutate('Address_Set', [cond('name', '==', 'change')], [['addresses', 'insert', ['set', ['b']]]]),
    op.delete('Address_Set', [cond('name', '==', 'drop')]),
  ]);

  const second = await connect(remote);
  const { found } = await cache.resume(second);
  expect(found).toBe(expectFound);
  expect(cache.connected).toBe(true);
  await expect(cache.resume(second)).rejects.toMatchObject({ code: 'CACHE_INVALID_OPTION' });
  await new Promise((r) => setTimeout(r, 20));
  expect(events.sort()).toEqual(['delete drop', 'insert new', 'update change ["a"]→["a","b"]']);
  const tables = ['Address_Set'];
  expectSnapshotsEqual(
    cacheSnapshot(cache, tables),
    await serverSnapshot(oracleRemote, NB, tables, (t) => cache.table(t).columns),
  );

  // and it is live again
  await second.transact(NB, [op.insert('Address_Set', { name: 'after' })]);
  expect(cache.table('Address_Set').filter((r) => r.name === 'after')).toHaveLength(1);
  await cache.close();
  await consumer;
  expect(events).toContain('insert after');
}

describe('resume', () => {
  test('standalone server: full contents compared, only the differences applied and delivered', async () => {
    server = await startOvsdbServer({ schema: 'nb' });
    await resumeScenario(server.unix, server.unix, false);
  });

  test('RAFT cluster: monitor_cond_since finds the last transaction id and sends only what changed', async () => {
    cluster = await startOvsdbCluster({ schema: 'nb', size: 3 });
    const leader = cluster.members[await cluster.leader()]!;
    await resumeScenario(leader.tcp, leader.tcp, true);
  });

  test('a cache that is not resumable closes with its connection; resume() is refused', async () => {
    server ??= await startOvsdbServer({ schema: 'nb' });
    const c = await connect(server.unix);
    const cache = await ReplicaCache.start(c, NB, { tables: ['Address_Set'] });
    await c.close();
    expect(cache.closed).toBe(true);
    await expect(cache.resume(await connect(server.unix))).rejects.toMatchObject({ code: 'CACHE_CLOSED' });
  });
});
