/**
 * W4-style apply cost of the replica cache, in-process and without a socket: 5,000 `update3`
 * notifications as ovsdb-server sends them for `update Logical_Switch_Port set external_ids = {"w4": k}`
 * over a 5,000-row table, each JSON-parsed and applied (row copy, map diff, index upkeep, one
 * event to one subscriber). Reports CPU µs per update, with and without a subscriber. Drives the
 * cache's pure steps directly — planTables (plan.ts) and applyMonitorEvent (apply.ts) — with the
 * initial contents taken from a real ovsdb-server's monitor_cond reply.
 *
 *   npx tsx bench/cache-updates.ts [rounds=5]
 */
import { startOvsdbServer } from '../src/testing/index.js';
import { OvsdbClient, op, namedUuid } from '../src/ovsdb/index.js';
import { EventStream, applyMonitorEvent, applyUpdates2, planTables, type RowEvent } from '../src/ovsdb/cache/index.js';

const NB = 'OVN_Northbound';
const rounds = Number(process.argv[2] ?? 5);
const N = 5000;
const server = await startOvsdbServer({ schema: 'nb' });
const client = await OvsdbClient.connect(server.unix);
try {
  const ops = [];
  for (let i = 0; i < N; i++)
    ops.push(
      op.insert(
        'Logical_Switch_Port',
        { name: `lsp${String(i).padStart(5, '0')}`, addresses: `00:00:00:00:00:01 10.0.0.1` },
        `p${i}`,
      ),
    );
  await client.transact(
    NB,
    [op.insert('Logical_Switch', { name: 'sw0', ports: ['set', ops.map((_, i) => namedUuid(`p${i}`))] }), ...ops],
    { validate: false },
  );
  const results: string[] = [];
  for (const withSubscriber of [false, true]) {
    const per: number[] = [];
    const wall: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const schema = await client.getSchema(NB);
      const monitorId = `bench-${r}-${withSubscriber}`;
      const plans = planTables(schema, { database: NB, tables: ['Logical_Switch_Port'] });
      const initial = await client.monitorCond(
        NB,
        monitorId,
        { Logical_Switch_Port: { columns: plans.get('Logical_Switch_Port')!.wireColumns } },
        () => {},
      );
      await client.monitorCancel(monitorId);
      const target = { plans };
      applyUpdates2(target, initial, true, null);
      const table = plans.get('Logical_Switch_Port')!.table;
      const uuids = table.all().map((x) => x._uuid);
      table.index('name').get('lsp00000'); // build the schema index so it is maintained
      const texts = uuids.map((u, k) =>
        JSON.stringify({
          id: null,
          method: 'update3',
          params: [
            monitorId,
            `00000000-0000-0000-0000-${String(k).padStart(12, '0')}`,
            { Logical_Switch_Port: { [u]: { modify: { external_ids: ['map', [['w4', String(k + r * N)]]] } } } },
          ],
        }),
      );
      let seen = 0;
      // One subscriber, as ReplicaCache.subscribe runs it: its own queue, read by an awaiting loop.
      const stream = withSubscriber ? new EventStream({}, () => {}) : undefined;
      const done = stream
        ? (async () => {
            for await (const ev of stream)
              await (ev.type === 'update' && 'w4' in (ev.new.external_ids as object) && seen++);
          })()
        : undefined;
      const apply = (ev: { method: 'update3'; lastTxnId: string; updates: never }) => {
        const events: RowEvent[] | null = stream ? [] : null;
        applyMonitorEvent(target, ev, events);
        if (events) for (const e of events) stream!.push(e);
      };
      const c0 = process.cpuUsage();
      const w0 = performance.now();
      for (const t of texts) {
        const m = JSON.parse(t) as { params: [unknown, string, unknown] };
        apply({ method: 'update3', lastTxnId: m.params[1], updates: m.params[2] as never });
      }
      if (stream) while (seen < N) await new Promise((res) => setImmediate(res));
      const d = process.cpuUsage(c0);
      wall.push(((performance.now() - w0) * 1000) / N);
      per.push((d.user + d.system) / N);
      stream?.close();
      await done;
    }
    per.sort((a, b) => a - b);
    wall.sort((a, b) => a - b);
    const f = (xs: number[]) =>
      `median ${xs[Math.floor(xs.length / 2)]!.toFixed(2)} [${xs[0]!.toFixed(2)}–${xs[xs.length - 1]!.toFixed(2)}]`;
    results.push(
      `${withSubscriber ? 'with an awaited subscriber' : 'no subscriber'}: process CPU ${f(per)} µs/update; main-thread wall ${f(wall)} µs/update (JSON.parse of each notification included; goal ≤ 10 µs CPU)`,
    );
  }
  console.log(results.join('\n'));
} finally {
  await client.close();
  await server.stop();
}
