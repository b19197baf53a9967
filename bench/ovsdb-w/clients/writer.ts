/**
 * W4 writer: its own process. Looks up the LSP uuids (untimed), pre-serializes `n` update transactions,
 * prints PREPARED, waits for a `go` line on stdin, pipelines them all and exits after the last reply.
 */
import { createInterface } from 'node:readline';
import { RawConn, rawCall } from '../raw.js';
import { DB, lspName, w4Ops } from '../rows.js';

const [remote, nArg] = process.argv.slice(2);
const n = Number(nArg);
const conn = await RawConn.connect(remote!);
const sel = await rawCall(
  conn,
  JSON.stringify({
    id: 0,
    method: 'transact',
    params: [DB, { op: 'select', table: 'Logical_Switch_Port', where: [], columns: ['_uuid', 'name'] }],
  }),
);
const byName = new Map<string, string>();
for (const r of (sel.result as { rows: { _uuid: [string, string]; name: string }[] }[])[0]!.rows)
  byName.set(r.name, r._uuid[1]);
const reqs: string[] = [];
for (let k = 0; k < n; k++) {
  const u = byName.get(lspName(k));
  if (!u) throw new Error(`writer: no ${lspName(k)}`);
  reqs.push(JSON.stringify({ id: k + 1, method: 'transact', params: [DB, ...w4Ops(u, k)] }));
}
let replies = 0;
const all = new Promise<void>((resolve) => {
  conn.onMessage((m) => {
    const r = JSON.parse(m.toString('utf8')) as {
      id: unknown;
      method?: string;
      error: unknown;
      result: { error?: string }[];
    };
    if (r.method === 'echo') return conn.send(JSON.stringify({ id: r.id, result: [], error: null }));
    if (r.error !== null || r.result[0]?.error) throw new Error(`writer: transaction failed ${JSON.stringify(r)}`);
    if (++replies === n) resolve();
  });
});
process.stdout.write('PREPARED\n');
const rl = createInterface({ input: process.stdin });
for await (const line of rl) if (line.trim() === 'go') break;
rl.close();
conn.send(reqs.join(''));
await all;
conn.close();
process.stdout.write('DONE\n');
