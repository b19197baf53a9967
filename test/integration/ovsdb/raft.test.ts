/** monitor_cond_since against a 3-member RAFT cluster: after a reconnect the server resumes (found=true). */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startOvsdbCluster, waitFor, type OvsdbCluster } from '../../../src/testing/index.js';
import { OvsdbClient, op, cond, type MonitorEvent, ZERO_TXN_ID } from '../../../src/ovsdb/index.js';

const NB = 'OVN_Northbound';
let cluster: OvsdbCluster;
beforeAll(async () => {
  cluster = await startOvsdbCluster({ schema: 'nb' });
});
afterAll(async () => {
  await cluster?.stop();
});

test('monitor_cond_since resumes with found=true after a reconnect, sending only what changed', async () => {
  const leader = await cluster.leader();
  const follower = cluster.members[(leader + 1) % 3]!;
  const writer = await OvsdbClient.connect(cluster.members[leader]!.tcp);
  await writer.transact(NB, [
    op.insert('Address_Set', { name: 'before-1' }),
    op.insert('Address_Set', { name: 'before-2' }),
  ]);

  const requests = { Address_Set: { columns: ['name'] } };
  let events: MonitorEvent[] = [];
  // The leader replied once a majority stored the commit; this follower may apply it a heartbeat later.
  const probe = await OvsdbClient.connect(follower.tcp);
  await waitFor('the follower to apply the first commit', async () => {
    const [r] = await probe.transact(NB, [op.select('Address_Set', [], ['name'])]);
    return r.rows.length === 2 || undefined;
  });
  await probe.close();
  let c = await OvsdbClient.connect(follower.tcp);
  const first = await c.monitorCondSince(NB, 'resume', requests, null, (e) => events.push(e));
  expect(first.found).toBe(false);
  expect(first.lastTxnId).not.toBe(ZERO_TXN_ID);
  const names = Object.values(first.updates.Address_Set ?? {})
    .map((r) => r.initial?.name)
    .sort();
  expect(names).toEqual(['before-1', 'before-2']);

  // Another change while connected: an update3 carries the new txn id.
  await writer.transact(NB, [op.insert('Address_Set', { name: 'during' })]);
  await waitFor('update3', () => events.find((e) => e.method === 'update3'));
  const last = events.filter((e) => e.method === 'update3').at(-1)! as Extract<MonitorEvent, { method: 'update3' }>;
  await c.close();

  // Changes while disconnected.
  await writer.transact(NB, [
    op.insert('Address_Set', { name: 'while-away' }),
    op.delete('Address_Set', [cond('name', '==', 'before-1')]),
  ]);

  events = [];
  c = await OvsdbClient.connect(follower.tcp);
  const resumed = await waitFor(
    'the follower to catch up',
    async () => {
      const r = await c.monitorCondSince(NB, 'resume', requests, last.lastTxnId, (e) => events.push(e));
      return r;
    },
    5000,
  );
  expect(resumed.found).toBe(true);
  const changes = resumed.updates.Address_Set ?? {};
  // Only the difference: one insert, one delete — not the whole table.
  const kinds = Object.values(changes)
    .map((r) => Object.keys(r)[0])
    .sort();
  expect(kinds).toEqual(['delete', 'insert']);
  expect(Object.values(changes).find((r) => r.insert)?.insert?.name).toBe('while-away');
  await c.close();
  await writer.close();
});
