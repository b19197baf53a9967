/**
 * The splitter on a real ovsdb-server's byte stream (OVN Northbound): a large monitor reply, an update
 * notification and transact replies, as the socket delivers them, with row names full of quotes,
 * backslashes, brackets and multi-byte UTF-8 (ovsdb-server sends UTF-8 raw). Oracles: the server's own
 * `ovsdb-client dump --format=json`, and the JavaScript reference scanner on the same chunks.
 */
import { createConnection, type Socket } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { JsonSplitter, parseMessage } from '../../../src/jsonrpc/splitter.js';
import { startOvsdbServer, seededRandom, type OvsdbServer } from '../../../src/testing/index.js';

const N = 1500;
const nameOf = (i: number): string =>
  `lsp-${i} "q" ${'\\'.repeat(i % 7)}{[}] ü 日本 🚀 ${'\\"'.repeat(i % 5)}${'x'.repeat(i % 90)}`;

let server: OvsdbServer | undefined;
let sock: Socket | undefined;
const chunks: Buffer[] = [];
const wasmSplitter = new JsonSplitter({ scanner: 'wasm' });
const jsSplitter = new JsonSplitter({ scanner: 'js' });
const fromWasm: Buffer[] = [];
const fromJs: Buffer[] = [];
const waiting = new Map<unknown, (m: unknown) => void>();
let notified: (m: unknown) => void = () => {};
const notification = new Promise<unknown>((resolve) => (notified = resolve));

function call(id: number, method: string, params: unknown[]): Promise<{ result: unknown; error: unknown }> {
  return new Promise((resolve) => {
    waiting.set(id, resolve as (m: unknown) => void);
    sock!.write(JSON.stringify({ id, method, params }));
  });
}

beforeAll(async () => {
  server = await startOvsdbServer({ schema: 'nb' });
  const path = server.unix.slice('unix:'.length);
  sock = createConnection(path);
  await new Promise<void>((resolve, reject) => sock!.once('connect', resolve).once('error', reject));
  sock.on('data', (chunk: Buffer) => {
    const copy = Buffer.from(chunk);
    chunks.push(copy);
    fromJs.push(...jsSplitter.feed(copy));
    for (const bytes of wasmSplitter.feed(copy)) {
      fromWasm.push(bytes);
      const m = parseMessage(bytes) as { id?: unknown; method?: string };
      if (m.method === 'update') notified(m);
      else waiting.get(m.id)?.(m);
    }
  });
});

afterAll(async () => {
  sock?.destroy();
  await server?.stop();
});

test('a real monitor reply, update and transact replies split exactly as the server sent them', async () => {
  const ops: unknown[] = [
    {
      op: 'insert',
      table: 'Logical_Switch',
      row: { name: 'ls0', ports: ['set', Array.from({ length: N }, (_, i) => ['named-uuid', `p${i}`])] },
    },
  ];
  for (let i = 0; i < N; i++)
    ops.push({
      op: 'insert',
      table: 'Logical_Switch_Port',
      'uuid-name': `p${i}`,
      row: { name: nameOf(i), external_ids: ['map', [['k', `{"v":${i}}`]]] },
    });
  const inserted = await call(1, 'transact', ['OVN_Northbound', ...ops]);
  expect(inserted.error).toBeNull();
  expect((inserted.result as unknown[]).length).toBe(N + 1);

  const monitor = await call(2, 'monitor', [
    'OVN_Northbound',
    'm',
    { Logical_Switch_Port: { columns: ['name', 'external_ids'] } },
  ]);
  const rows = Object.values(
    (monitor.result as { Logical_Switch_Port: Record<string, { new: { name: string } }> }).Logical_Switch_Port,
  );
  expect(rows.map((r) => r.new.name).sort()).toEqual(Array.from({ length: N }, (_, i) => nameOf(i)).sort());

  // An update notification and a transact reply, back to back.
  const update = await call(3, 'transact', [
    'OVN_Northbound',
    { op: 'update', table: 'Logical_Switch_Port', where: [], row: { external_ids: ['map', [['k', '}]"\\']]] } },
  ]);
  expect(update.error).toBeNull();
  const note = (await notification) as {
    params: [string, { Logical_Switch_Port: Record<string, { new: { external_ids: unknown } }> }];
  };
  const changed = Object.values(note.params[1].Logical_Switch_Port);
  expect(changed.length).toBe(N);
  expect(changed.every((r) => JSON.stringify(r.new.external_ids) === JSON.stringify(['map', [['k', '}]"\\']]]))).toBe(
    true,
  );

  // The server's own view of the table agrees with what came through the splitter.
  const dump = JSON.parse(
    await server!.client('dump', '--format=json', 'OVN_Northbound', 'Logical_Switch_Port', 'name'),
  ) as { data: [string][] };
  expect(dump.data.map((r) => r[0]).sort()).toEqual(rows.map((r) => r.new.name).sort());

  // The stream came in many chunks, and both scanners cut it identically.
  expect(chunks.length).toBeGreaterThan(3);
  expect(fromWasm.length).toBe(4);
  expect(fromWasm.map((b) => b.toString('hex'))).toEqual(fromJs.map((b) => b.toString('hex')));
  expect(Buffer.concat(fromWasm).equals(Buffer.concat(chunks))).toBe(true); // ovsdb-server sends no whitespace

  // Re-split the captured bytes (about 1 MB) at seeded random points: chunks up to 150 KB, 5 KB, 70 B.
  const all = Buffer.concat(chunks);
  expect(all.length).toBeGreaterThan(500_000);
  const rnd = seededRandom(20261126);
  for (const max of [150_000, 5000, 70]) {
    const s = new JsonSplitter();
    const out: Buffer[] = [];
    for (let o = 0; o < all.length;) {
      const n = 1 + Math.floor(rnd() * max);
      out.push(...s.feed(all.subarray(o, o + n)));
      o += n;
    }
    expect(out.map((b) => b.toString('hex'))).toEqual(fromWasm.map((b) => b.toString('hex')));
    expect(s.pending).toBe(false);
  }
});
