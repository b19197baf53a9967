/**
 * 2,000+ seeded random transactions on a real OVN_Northbound ovsdb-server through the typed API
 * (inserts, updates, set and map mutates, deletes, garbage collection of unreferenced
 * Logical_Switch_Port and ACL rows), then: the cache equals an independent `select` of the server
 * row by row, and the event stream replayed onto empty tables equals the cache.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startOvsdb, type EmbeddedOvsdb, type OvsdbServer } from '../../../../src/testing/index.js';
import { OvsdbClient, OvsdbTransactionError } from '../../../../src/ovsdb/index.js';
import { transaction } from '../../../../src/ovsdb/typed/index.js';
import { ovnNorthboundModel } from '../../../../src/ovn-nb/generated/ovn-northbound.gen.js';
import { ReplicaCache } from '../../../../src/ovsdb/cache/index.js';
import { Replayer, cacheSnapshot, expectSnapshotsEqual, rng, serverSnapshot } from './helpers.js';

const NB = 'OVN_Northbound';
const TABLES = ['Logical_Switch', 'Logical_Switch_Port', 'ACL', 'Address_Set'] as const;
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

test('NB: 2,000 random transactions; cache = server; replayed events = cache', async () => {
  const cache = await ReplicaCache.start(client, NB, { model: ovnNorthboundModel, tables: [...TABLES] });
  const replay = new Replayer(cache.events({ initial: true }));
  const r = rng(0x5eed_0001);
  let n = 0;
  let failed = 0;
  const kinds: Record<string, number> = {};
  const ls = () => cache.table('Logical_Switch');
  const lsp = () => cache.table('Logical_Switch_Port');
  for (let i = 0; i < 2000; i++) {
    const tx = transaction(ovnNorthboundModel);
    for (let k = r.int(1, 3); k > 0; k--) {
      const sw = r.pick(ls().all());
      const port = r.pick(lsp().all());
      const acl = r.pick(cache.table('ACL').all());
      const as = r.pick(cache.table('Address_Set').all());
      const choice = r.int(0, 13);
      let kind = '';
      if (choice === 0 || !sw) {
        kind = 'insert switch';
        tx.insert('Logical_Switch', { name: `sw${n++}`, external_ids: r.map(), other_config: r.map() });
      } else if (choice <= 3) {
        kind = 'insert ports';
        const refs = Array.from({ length: r.int(1, 3) }, () =>
          tx.insert('Logical_Switch_Port', {
            name: `lsp${n++}`,
            addresses: r.set(),
            external_ids: r.map(),
            ...(r.bool() ? { tag_request: r.int(0, 4095) } : {}),
            ...(r.bool() ? { enabled: r.bool() } : {}),
          }),
        );
        tx.mutate('Logical_Switch', [['_uuid', '==', sw._uuid]], [['ports', 'insert', refs]]);
      } else if (choice === 4 && port) {
        kind = 'update port';
        tx.update('Logical_Switch_Port', [['_uuid', '==', port._uuid]], {
          addresses: r.set(),
          options: r.map(),
          enabled: r.bool() ? r.bool() : undefined,
          tag_request: r.bool() ? r.int(0, 4095) : undefined,
        });
      } else if (choice === 5 && port) {
        kind = 'mutate port maps/sets';
        const keys = Object.keys(port.external_ids);
        tx.mutate(
          'Logical_Switch_Port',
          [['_uuid', '==', port._uuid]],
          [
            ['external_ids', 'insert', r.map(2)],
            ['external_ids', 'delete', keys.filter(() => r.bool())],
            ['addresses', 'insert', r.set(2)],
            ['addresses', 'delete', port.addresses.filter(() => r.bool())],
          ],
        );
      } else if (choice === 6 && port) {
        kind = 'map delete by key and value';
        const entries = Object.entries(port.external_ids).filter(() => r.bool());
        tx.mutate(
          'Logical_Switch_Port',
          [['_uuid', '==', port._uuid]],
          [['external_ids', 'delete', Object.fromEntries(entries.map(([k2, v]) => [k2, r.bool() ? v : 'other']))]],
        );
      } else if (choice === 7 && sw && sw.ports.length) {
        kind = 'unreference ports (GC)';
        tx.mutate(
          'Logical_Switch',
          [['_uuid', '==', sw._uuid]],
          [['ports', 'delete', sw.ports.filter(() => r.bool())]],
        );
      } else if (choice === 8 && sw && r.next() < 0.3) {
        kind = 'delete switch (GC of its ports and ACLs)';
        tx.delete('Logical_Switch', [['_uuid', '==', sw._uuid]]);
      } else if (choice === 9 && sw) {
        kind = 'insert acl';
        const a = tx.insert('ACL', {
          priority: r.int(0, 32767),
          direction: r.bool() ? 'from-lport' : 'to-lport',
          match: `ip4.src == 10.0.0.${r.int(0, 255)}`,
          action: r.pick(['allow', 'allow-related', 'drop', 'reject'] as const)!,
          ...(r.bool() ? { name: r.str(10) } : {}),
          external_ids: r.map(),
        });
        tx.mutate('Logical_Switch', [['_uuid', '==', sw._uuid]], [['acls', 'insert', [a]]]);
      } else if (choice === 10 && acl) {
        kind = 'update acl';
        tx.update('ACL', [['_uuid', '==', acl._uuid]], {
          priority: r.int(0, 32767),
          severity: r.bool() ? 'info' : undefined,
          log: r.bool(),
        });
      } else if (choice === 11) {
        kind = as && r.bool() ? 'mutate address set' : 'insert address set';
        if (as && kind === 'mutate address set') {
          tx.mutate(
            'Address_Set',
            [['_uuid', '==', as._uuid]],
            [
              ['addresses', 'insert', r.set(3)],
              ['addresses', 'delete', as.addresses.filter(() => r.bool())],
            ],
          );
        } else tx.insert('Address_Set', { name: `as${n++}`, addresses: r.set(), external_ids: r.map() });
      } else if (choice === 12 && as) {
        kind = r.bool() ? 'delete address set' : 'update address set';
        if (kind === 'delete address set') tx.delete('Address_Set', [['_uuid', '==', as._uuid]]);
        else tx.update('Address_Set', [['_uuid', '==', as._uuid]], { addresses: r.set(6) });
      } else {
        kind = 'insert unreferenced port (GC at commit)';
        tx.insert('Logical_Switch_Port', { name: `orphan${n++}` });
      }
      kinds[kind] = (kinds[kind] ?? 0) + 1;
    }
    try {
      await client.transact(NB, tx.operations());
    } catch (e) {
      if (!(e instanceof OvsdbTransactionError)) throw e;
      failed++;
    }
  }
  // Everything committed above is in the cache already: ovsdb-server sends a transaction's updates before its reply.
  const oracle = await serverSnapshot(
    server.unix,
    NB,
    TABLES,
    (t) => cache.table(t as (typeof TABLES)[number]).columns,
  );
  const mine = cacheSnapshot(cache as unknown as ReplicaCache, TABLES);
  expectSnapshotsEqual(mine, oracle);
  expect(Object.values(oracle).reduce((s, t) => s + Object.keys(t).length, 0)).toBeGreaterThan(100);
  expect(failed).toBeLessThan(100);
  expect(Object.keys(kinds).length).toBeGreaterThanOrEqual(12);
  await cache.close();
  await replay.done;
  expect(replay.error).toBeUndefined();
  expect(replay.problems).toEqual([]);
  expectSnapshotsEqual(replay.snapshot(TABLES), mine);
  // no orphan survived GC, and the cache never held one after its transaction
  expect(lsp().filter((p) => p.name.startsWith('orphan'))).toEqual([]);
}, 60_000);
