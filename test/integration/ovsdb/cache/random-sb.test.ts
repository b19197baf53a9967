/**
 * Seeded random transactions on a real OVN_Southbound ovsdb-server through the typed API:
 * Chassis with their Encaps (non-root, garbage-collected when no Chassis references them),
 * Address_Sets; then cache = independent select, and replayed events = cache.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startOvsdb, type EmbeddedOvsdb, type OvsdbServer } from '../../../../src/testing/index.js';
import { OvsdbClient, OvsdbTransactionError } from '../../../../src/ovsdb/index.js';
import { transaction } from '../../../../src/ovsdb/typed/index.js';
import { ovnSouthboundModel } from '../../../../src/ovn-sb/generated/ovn-southbound.gen.js';
import { ReplicaCache } from '../../../../src/ovsdb/cache/index.js';
import { Replayer, cacheSnapshot, expectSnapshotsEqual, rng, serverSnapshot } from './helpers.js';

const SB = 'OVN_Southbound';
const TABLES = ['Chassis', 'Encap', 'Address_Set'] as const;
const COUNT = Number(process.env.CACHE_RANDOM_TXNS_SB ?? 2000);
let server: OvsdbServer | EmbeddedOvsdb;
let client: OvsdbClient;

beforeAll(async () => {
  server = await startOvsdb({ schema: 'sb' });
  client = await OvsdbClient.connect(server.unix);
});
afterAll(async () => {
  await client?.close();
  await server?.stop();
});

test(`SB: ${COUNT} random transactions; cache = server; replayed events = cache`, async () => {
  const cache = await ReplicaCache.start(client, SB, { model: ovnSouthboundModel, tables: [...TABLES] });
  const replay = new Replayer(cache.events({ initial: true }));
  const r = rng(0x5eed_0002);
  let n = 0;
  let failed = 0;
  const kinds = new Set<string>();
  const encap = (
    tx: ReturnType<typeof transaction<typeof ovnSouthboundModel extends { tables?: infer T } ? NonNullable<T> : never>>,
  ) =>
    tx.insert('Encap', {
      type: r.pick(['geneve', 'stt', 'vxlan'] as const)!,
      ip: `10.${(n >> 8) & 255}.${n++ & 255}.1`,
      options: r.map(2),
      chassis_name: r.str(4),
    });
  for (let i = 0; i < COUNT; i++) {
    const tx = transaction(ovnSouthboundModel);
    const ch = r.pick(cache.table('Chassis').all());
    const en = r.pick(cache.table('Encap').all());
    const as = r.pick(cache.table('Address_Set').all());
    const choice = r.int(0, 8);
    let kind: string;
    if (choice === 0 || !ch) {
      kind = 'insert chassis with encaps';
      const encaps = Array.from({ length: r.int(1, 2) }, () => encap(tx));
      tx.insert('Chassis', {
        name: `ch${n++}`,
        hostname: r.str(),
        encaps,
        external_ids: r.map(),
        other_config: r.map(),
      });
    } else if (choice === 1) {
      kind = 'add encap';
      tx.mutate('Chassis', [['_uuid', '==', ch._uuid]], [['encaps', 'insert', [encap(tx)]]]);
    } else if (choice === 2 && ch.encaps.length > 1) {
      kind = 'drop an encap (GC)';
      tx.mutate('Chassis', [['_uuid', '==', ch._uuid]], [['encaps', 'delete', [ch.encaps[0]!]]]);
    } else if (choice === 3) {
      kind = 'mutate chassis maps and sets';
      tx.mutate(
        'Chassis',
        [['_uuid', '==', ch._uuid]],
        [
          ['other_config', 'insert', r.map(2)],
          ['external_ids', 'delete', Object.keys(ch.external_ids).filter(() => r.bool())],
          ['transport_zones', 'insert', r.set(2)],
        ],
      );
    } else if (choice === 4) {
      kind = 'update chassis';
      tx.update('Chassis', [['_uuid', '==', ch._uuid]], {
        hostname: r.str(),
        nb_cfg: r.int(0, 2 ** 40),
        transport_zones: r.set(3),
        vtep_logical_switches: r.set(2),
      });
    } else if (choice === 5 && en) {
      kind = 'update encap options';
      tx.update('Encap', [['_uuid', '==', en._uuid]], { options: r.map(3), chassis_name: r.str(4) });
    } else if (choice === 6 && r.next() < 0.4) {
      kind = 'delete chassis (GC of encaps)';
      tx.delete('Chassis', [['_uuid', '==', ch._uuid]]);
    } else if (choice === 7 && as) {
      kind = 'mutate/update/delete address set';
      const c2 = r.int(0, 2);
      if (c2 === 0)
        tx.mutate(
          'Address_Set',
          [['_uuid', '==', as._uuid]],
          [
            ['addresses', 'insert', r.set(3)],
            ['addresses', 'delete', as.addresses.filter(() => r.bool())],
          ],
        );
      else if (c2 === 1) tx.update('Address_Set', [['_uuid', '==', as._uuid]], { addresses: r.set(5) });
      else tx.delete('Address_Set', [['_uuid', '==', as._uuid]]);
    } else {
      kind = 'insert address set';
      tx.insert('Address_Set', { name: `as${n++}`, addresses: r.set() });
    }
    kinds.add(kind);
    try {
      await client.transact(SB, tx.operations());
    } catch (e) {
      if (!(e instanceof OvsdbTransactionError)) throw e;
      failed++;
    }
  }
  const oracle = await serverSnapshot(
    server.unix,
    SB,
    TABLES,
    (t) => cache.table(t as (typeof TABLES)[number]).columns,
  );
  const mine = cacheSnapshot(cache as unknown as ReplicaCache, TABLES);
  expectSnapshotsEqual(mine, oracle);
  expect(Object.keys(oracle.Encap!).length).toBeGreaterThan(10);
  expect(failed).toBeLessThan(COUNT / 20);
  expect(kinds.size).toBe(9);
  await cache.close();
  await replay.done;
  expect(replay.error).toBeUndefined();
  expect(replay.problems).toEqual([]);
  expectSnapshotsEqual(replay.snapshot(TABLES), mine);
}, 60_000);
