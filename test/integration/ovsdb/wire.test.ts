/** The wire under stress: a 5 MB transaction, re-chunked streams, and a 12-second idle connection. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  startOvsdbServer,
  startFaultProxy,
  seededRandom,
  type OvsdbServer,
  type FaultProxy,
} from '../../../src/testing/index.js';
import { connect } from '../../../src/transport/index.js';
import { OvsdbClient, op, cond, namedUuid, type MonitorEvent, type Operation } from '../../../src/ovsdb/index.js';

const NB = 'OVN_Northbound';
let server: OvsdbServer;
beforeAll(async () => {
  server = await startOvsdbServer({ schema: 'nb' });
});
afterAll(async () => {
  await server?.stop();
});

function bigTransaction(prefix: string, n: number): Operation[] {
  const ops: Operation[] = [];
  const ports: ['named-uuid', string][] = [];
  for (let i = 0; i < n; i++) {
    ports.push(namedUuid(`p${i}`) as ['named-uuid', string]);
    ops.push(
      op.insert(
        'Logical_Switch_Port',
        {
          name: `${prefix}-${i}`,
          addresses: `00:00:00:${((i >> 8) & 255).toString(16).padStart(2, '0')}:${(i & 255).toString(16).padStart(2, '0')}:01 10.16.${(i >> 8) & 255}.${i & 255}`,
          // Multi-byte UTF-8 and characters that look like JSON structure, so chunk splits land inside them.
          external_ids: [
            'map',
            [
              ['note', `ü{"}[\\] 日本 ${i}`],
              ['pad', 'x'.repeat(300)],
            ],
          ],
        },
        `p${i}`,
      ),
    );
  }
  ops.unshift(op.insert('Logical_Switch', { name: `${prefix}-sw`, ports: ['set', ports] }));
  return ops;
}

describe('large and re-chunked traffic', () => {
  test('a 5 MB transaction commits and reads back', async () => {
    const client = await OvsdbClient.connect(server.unix);
    const ops = bigTransaction('big', 12000);
    const size = Buffer.byteLength(JSON.stringify(['OVN_Northbound', ...ops]));
    expect(size).toBeGreaterThan(5 * 1024 * 1024);
    const results = await client.transact(NB, ops);
    expect(results).toHaveLength(ops.length);
    const [sel] = await client.transact(NB, [
      op.select('Logical_Switch_Port', [cond('name', '==', 'big-11999')], ['external_ids']),
    ]);
    expect(sel.rows[0]!.external_ids).toEqual([
      'map',
      [
        ['note', 'ü{"}[\\] 日本 11999'],
        ['pad', 'x'.repeat(300)],
      ],
    ]);
    // And the whole table comes back in one ~5 MB select reply.
    const [all] = await client.transact(NB, [op.select('Logical_Switch_Port', [], ['name', 'external_ids'])]);
    expect(all.rows.length).toBe(12000);
    await client.transact(NB, [op.delete('Logical_Switch', [cond('name', '==', 'big-sw')])]);
    await client.close();
  });

  for (const [label, pieceSize] of [
    ['1-byte pieces', 1],
    [
      'random pieces (seeded)',
      (() => {
        const r = seededRandom(7);
        return () => 1 + Math.floor(r() * 3000);
      })(),
    ],
  ] as const) {
    test(`the same traffic through a proxy cutting the stream into ${label}`, async () => {
      const proxy: FaultProxy = await startFaultProxy(server.tcp, { pieceSize });
      const client = await OvsdbClient.connect(proxy.remote);
      try {
        const events: MonitorEvent[] = [];
        await client.monitorCond(NB, 'm', { Logical_Switch_Port: { columns: ['name', 'external_ids'] } }, (e) =>
          events.push(e),
        );
        const n = typeof pieceSize === 'number' ? 300 : 2000;
        const ops = bigTransaction(`chunk${n}`, n);
        await client.transact(NB, ops);
        const [all] = await client.transact(NB, [
          op.select('Logical_Switch_Port', [cond('name', '==', `chunk${n}-${n - 1}`)], ['external_ids']),
        ]);
        expect(all.rows[0]!.external_ids).toEqual([
          'map',
          [
            ['note', `ü{"}[\\] 日本 ${n - 1}`],
            ['pad', 'x'.repeat(300)],
          ],
        ]);
        await expect.poll(() => events.length).toBeGreaterThan(0);
        const inserted = events.flatMap((e) =>
          e.method === 'update2' ? Object.values(e.updates.Logical_Switch_Port ?? {}) : [],
        );
        expect(inserted.filter((r) => r.insert).length).toBe(n);
        expect(proxy.bytesToClient).toBeGreaterThan(n * 300);
        await client.transact(NB, [op.delete('Logical_Switch', [cond('name', '==', `chunk${n}-sw`)])]);
      } finally {
        await client.close();
        await proxy.close();
      }
    });
  }
});

describe('idle connections', () => {
  test("the server's echo is answered across a 12-second idle wait", async () => {
    // Over TCP (ovsdb-server does not probe unix sockets). Our own probe is off so that only the
    // server's echo keeps the connection alive.
    const client = await OvsdbClient.connect(server.tcp, { inactivityProbeMs: 0 });
    let closed = false;
    client.onClose(() => (closed = true));
    await new Promise((r) => setTimeout(r, 12_000));
    expect(closed).toBe(false);
    expect(await client.echo(['still here'])).toEqual(['still here']);
    await client.close();
  }, 20_000);

  test('control: a raw connection that never answers the echo is dropped by the server', async () => {
    const stream = await connect(server.tcp);
    const got: string[] = [];
    stream.onData((c) => got.push(c.toString()));
    const closedAfter = await new Promise<number>((resolve) => {
      const t0 = Date.now();
      stream.onClose(() => resolve(Date.now() - t0));
    });
    expect(got.join('')).toContain('"method":"echo"');
    expect(closedAfter).toBeLessThan(12_000);
  }, 20_000);
});
