/** lock / steal / unlock contended by two clients, with the locked and stolen notifications. */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startOvsdb, waitFor, type OvsdbServer, type EmbeddedOvsdb } from '../../../src/testing/index.js';
import { OvsdbClient, op, type LockEvent } from '../../../src/ovsdb/index.js';

// Backend: ovsdb-server, or the embedded server with OVN_SDK_BACKEND=embedded.
let server: OvsdbServer | EmbeddedOvsdb;
let a: OvsdbClient;
let b: OvsdbClient;
beforeAll(async () => {
  server = await startOvsdb({ schema: 'nb' });
  a = await OvsdbClient.connect(server.unix);
  b = await OvsdbClient.connect(server.tcp);
});
afterAll(async () => {
  await a?.close();
  await b?.close();
  await server?.stop();
});

test('two clients contend for a lock', async () => {
  const evA: LockEvent[] = [];
  const evB: LockEvent[] = [];
  a.onLockEvent((e) => evA.push(e));
  b.onLockEvent((e) => evB.push(e));

  expect(await a.lock('leader')).toEqual({ locked: true });
  // b queues behind a.
  expect(await b.lock('leader')).toEqual({ locked: false });
  // The lock guards transactions: a may assert it, b may not.
  await a.transact('OVN_Northbound', [op.assert('leader'), op.comment('a holds it')]);
  await expect(b.transact('OVN_Northbound', [op.assert('leader')])).rejects.toMatchObject({ code: 'OVSDB_NOT_OWNER' });

  // a releases: b gets "locked".
  await a.unlock('leader');
  await waitFor('b to be told it holds the lock', () => evB.find((e) => e.type === 'locked'));
  expect(evB).toEqual([{ type: 'locked', lock: 'leader' }]);
  await b.transact('OVN_Northbound', [op.assert('leader')]);

  // a steals it back: b gets "stolen", a holds it at once.
  expect(await a.steal('leader')).toEqual({ locked: true });
  await waitFor('b to be told the lock was stolen', () => evB.find((e) => e.type === 'stolen'));
  expect(evB[1]).toEqual({ type: 'stolen', lock: 'leader' });
  await expect(b.transact('OVN_Northbound', [op.assert('leader')])).rejects.toMatchObject({ code: 'OVSDB_NOT_OWNER' });
  await a.transact('OVN_Northbound', [op.assert('leader')]);
  await a.unlock('leader');
  expect(evA).toEqual([]);
});
