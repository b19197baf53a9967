/**
 * Seeded random transactions on a real Open_vSwitch ovsdb-server through the typed API: Bridges
 * under the root Open_vSwitch row, Ports under Bridges, Interfaces under Ports — all non-root, so
 * dropping a reference garbage-collects the whole subtree. Then cache = independent select, and
 * replayed events = cache.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startOvsdb, type EmbeddedOvsdb, type OvsdbServer } from '../../../../src/testing/index.js';
import { OvsdbClient, OvsdbTransactionError } from '../../../../src/ovsdb/index.js';
import { transaction } from '../../../../src/ovsdb/typed/index.js';
import { openVSwitchModel } from '../../../../src/vswitch/generated/open-vswitch.gen.js';
import { ReplicaCache } from '../../../../src/ovsdb/cache/index.js';
import { Replayer, cacheSnapshot, expectSnapshotsEqual, rng, serverSnapshot } from './helpers.js';

const DB = 'Open_vSwitch';
const TABLES = ['Open_vSwitch', 'Bridge', 'Port', 'Interface', 'QoS', 'Queue'] as const;
const COUNT = Number(process.env.CACHE_RANDOM_TXNS_VSWITCH ?? 2000);
let server: OvsdbServer | EmbeddedOvsdb;
let client: OvsdbClient;

beforeAll(async () => {
  server = await startOvsdb({ schema: 'vswitch' });
  client = await OvsdbClient.connect(server.unix);
});
afterAll(async () => {
  await client?.close();
  await server?.stop();
});

test(`Open_vSwitch: ${COUNT} random transactions; cache = server; replayed events = cache`, async () => {
  const cache = await ReplicaCache.start(client, DB, { model: openVSwitchModel, tables: [...TABLES] });
  const replay = new Replayer(cache.events({ initial: true }));
  {
    const tx = transaction(openVSwitchModel);
    tx.insert('Open_vSwitch', { external_ids: { 'system-id': 'test' } });
    await client.transact(DB, tx.operations());
  }
  const root = cache.table('Open_vSwitch').all()[0]!;
  const r = rng(0x5eed_0003);
  let n = 0;
  let failed = 0;
  const kinds = new Set<string>();
  for (let i = 0; i < COUNT; i++) {
    const tx = transaction(openVSwitchModel);
    const br = r.pick(cache.table('Bridge').all());
    const port = r.pick(cache.table('Port').all());
    const iface = r.pick(cache.table('Interface').all());
    const qos = r.pick(cache.table('QoS').all());
    const queue = r.pick(cache.table('Queue').all());
    const choice = r.int(0, 12);
    let kind: string;
    const newPort = () => {
      const ifs = Array.from({ length: r.int(1, 2) }, () =>
        tx.insert('Interface', { name: `if${n++}`, type: r.pick(['', 'internal', 'geneve'])!, options: r.map(2) }),
      );
      return tx.insert('Port', {
        name: `p${n++}`,
        interfaces: ifs,
        ...(r.bool() ? { tag: r.int(0, 4095) } : {}),
        trunks: [...new Set(Array.from({ length: r.int(0, 4) }, () => r.int(0, 4095)))],
      });
    };
    if (choice === 0 || !br) {
      kind = 'add bridge';
      const b = tx.insert('Bridge', {
        name: `br${n++}`,
        other_config: r.map(),
        external_ids: r.map(),
        ports: r.bool() ? [newPort()] : [],
      });
      tx.mutate('Open_vSwitch', [['_uuid', '==', root._uuid]], [['bridges', 'insert', [b]]]);
    } else if (choice <= 2) {
      kind = 'add port';
      tx.mutate('Bridge', [['_uuid', '==', br._uuid]], [['ports', 'insert', [newPort()]]]);
    } else if (choice === 3 && br.ports.length) {
      kind = 'remove ports (GC of ports and interfaces)';
      tx.mutate('Bridge', [['_uuid', '==', br._uuid]], [['ports', 'delete', br.ports.filter(() => r.bool())]]);
    } else if (choice === 4 && r.next() < 0.3) {
      kind = 'remove bridge (GC of the subtree)';
      tx.mutate('Open_vSwitch', [['_uuid', '==', root._uuid]], [['bridges', 'delete', [br._uuid]]]);
    } else if (choice === 5 && iface) {
      kind = 'update interface';
      tx.update('Interface', [['_uuid', '==', iface._uuid]], {
        options: r.map(3),
        external_ids: r.map(2),
        mtu_request: r.bool() ? r.int(1, 9000) : undefined,
      });
    } else if (choice === 6 && port) {
      kind = 'mutate port trunks/tag/maps';
      tx.mutate(
        'Port',
        [['_uuid', '==', port._uuid]],
        [
          ['trunks', 'insert', [r.int(0, 4095), r.int(0, 4095)]],
          ['trunks', 'delete', port.trunks.filter(() => r.bool())],
          ['other_config', 'insert', r.map(2)],
        ],
      );
      tx.update('Port', [['_uuid', '==', port._uuid]], { tag: r.bool() ? r.int(0, 4095) : undefined });
    } else if (choice === 7) {
      kind = 'mutate bridge maps';
      tx.mutate(
        'Bridge',
        [['_uuid', '==', br._uuid]],
        [
          ['other_config', 'insert', r.map(2)],
          ['external_ids', 'delete', Object.keys(br.external_ids).filter(() => r.bool())],
        ],
      );
    } else if (choice === 8 && port && iface) {
      kind = 'port gains an interface';
      tx.mutate(
        'Port',
        [['_uuid', '==', port._uuid]],
        [['interfaces', 'insert', [tx.insert('Interface', { name: `if${n++}` })]]],
      );
    } else if (choice === 10) {
      kind = 'QoS with an integer-keyed map of Queue references';
      const queues: Record<number, ReturnType<typeof tx.insert<'Queue'>>> = {};
      for (let q = r.int(0, 3); q > 0; q--)
        queues[r.int(0, 2 ** 32 - 1)] = tx.insert('Queue', {
          ...(r.bool() ? { dscp: r.int(0, 63) } : {}),
          other_config: r.map(2),
        });
      tx.insert('QoS', { type: r.pick(['linux-htb', 'linux-hfsc'])!, queues });
    } else if (choice === 11 && qos) {
      kind = 'mutate QoS queues (insert/delete integer keys)';
      const keys = Object.keys(qos.queues).map(Number);
      tx.mutate(
        'QoS',
        [['_uuid', '==', qos._uuid]],
        [
          ['queues', 'delete', keys.filter(() => r.bool())],
          ['queues', 'insert', { [r.int(0, 2 ** 32 - 1)]: tx.insert('Queue', { dscp: r.int(0, 63) }) }],
        ],
      );
    } else if (choice === 12 && (queue || iface)) {
      kind = 'update Queue dscp / Interface statistics (string → integer map)';
      if (queue) tx.update('Queue', [['_uuid', '==', queue._uuid]], { dscp: r.bool() ? r.int(0, 63) : undefined });
      if (iface)
        tx.update('Interface', [['_uuid', '==', iface._uuid]], {
          statistics: { rx_packets: r.int(0, 2 ** 52), tx_bytes: r.int(-5, 5) },
        });
    } else {
      kind = 'mutate root maps';
      tx.mutate(
        'Open_vSwitch',
        [['_uuid', '==', root._uuid]],
        [
          ['external_ids', 'insert', r.map(2)],
          ['other_config', 'delete', Object.keys(cache.table('Open_vSwitch').get(root._uuid)!.other_config)],
        ],
      );
      tx.mutate('Open_vSwitch', [['_uuid', '==', root._uuid]], [['other_config', 'insert', r.map(2)]]);
    }
    kinds.add(kind);
    try {
      await client.transact(DB, tx.operations());
    } catch (e) {
      if (!(e instanceof OvsdbTransactionError)) throw e;
      failed++;
    }
  }
  const oracle = await serverSnapshot(
    server.unix,
    DB,
    TABLES,
    (t) => cache.table(t as (typeof TABLES)[number]).columns,
  );
  const mine = cacheSnapshot(cache as unknown as ReplicaCache, TABLES);
  expectSnapshotsEqual(mine, oracle);
  expect(Object.keys(oracle.Interface!).length).toBeGreaterThan(10);
  expect(failed).toBeLessThan(COUNT / 20);
  expect(kinds.size).toBe(12);
  expect(Object.keys(oracle.QoS!).length).toBeGreaterThan(5);
  await cache.close();
  await replay.done;
  expect(replay.error).toBeUndefined();
  expect(replay.problems).toEqual([]);
  expectSnapshotsEqual(replay.snapshot(TABLES), mine);
}, 60_000);
