/**
 * W3 (../shared/BENCH-WORKLOADS.md) for the replica cache alone: initial sync of a 56,003-row NB
 * database, the cache vs. the same client's bare monitor_cond_since (one JSON decode, no replica),
 * both with explicit column lists, each from a fresh server started from the same compacted template.
 * Also reports the longest event-loop stall and where the cache's time goes (decode vs apply).
 *
 *   npx tsx bench/cache-w3.ts [runs=5] [--whole]
 *
 * `--whole` parses the reply with one synchronous JSON.parse (`largeMessageBytes: Infinity`, the
 * behaviour before the sliced parse of src/jsonrpc/sliced-parse.ts) to compare the stall.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startOvsdbServer, run } from '../src/testing/index.js';
import { OvsdbClient, op, namedUuid } from '../src/ovsdb/index.js';
import { ReplicaCache } from '../src/ovsdb/cache/index.js';

const NB = 'OVN_Northbound';
const runs = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 5);
const clientOpts = process.argv.includes('--whole') ? { largeMessageBytes: Infinity } : {};
const hex = (n: number) => n.toString(16).padStart(2, '0');

async function makeTemplate(dir: string): Promise<string> {
  const s = await startOvsdbServer({ schema: 'nb', dir, name: 'tmpl' });
  const c = await OvsdbClient.connect(s.unix);
  const lsps = [];
  for (let i = 0; i < 50_000; i++) {
    const addr = `00:00:00:${hex((i >> 16) & 255)}:${hex((i >> 8) & 255)}:${hex(i & 255)} 10.16.${(i >> 8) & 255}.${i & 255}`;
    lsps.push(op.insert('Logical_Switch_Port', { name: `lsp${String(i).padStart(5, '0')}`, addresses: addr }, `p${i}`));
  }
  const acls = [];
  for (let j = 0; j < 5000; j++) {
    acls.push(
      op.insert(
        'ACL',
        {
          priority: 1000 + (j % 1000),
          direction: j % 2 === 0 ? 'from-lport' : 'to-lport',
          match: `outport == "lsp${String(j).padStart(5, '0')}" && ip4.src == $as${String(j % 1000).padStart(4, '0')} && tcp.dst == ${1024 + j}`,
          action: 'allow-related',
        },
        `a${j}`,
      ),
    );
  }
  const sets = [];
  for (let k = 0; k < 1000; k++) {
    const addrs = Array.from({ length: 10 }, (_, m) => {
      const idx = k * 10 + m;
      return `10.17.${(idx >> 8) & 255}.${idx & 255}`;
    });
    sets.push(op.insert('Address_Set', { name: `as${String(k).padStart(4, '0')}`, addresses: ['set', addrs] }));
  }
  await c.transact(
    NB,
    [
      op.insert('NB_Global', {}),
      op.insert('Logical_Switch', {
        name: 'sw0',
        ports: ['set', lsps.map((_, i) => namedUuid(`p${i}`))],
        acls: ['set', acls.map((_, j) => namedUuid(`a${j}`))],
      }),
      ...lsps,
      ...acls,
      ...sets,
    ],
    { validate: false },
  );
  await c.close();
  await s.appctl('ovsdb-server/compact');
  await s.stop();
  await run('ovsdb-tool', ['compact', join(dir, 'tmpl.db')]);
  return join(dir, 'tmpl.db');
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function timeOne(
  template: string,
  mode: 'raw' | 'cache',
): Promise<{ ms: number; stallMs: number; rows: number; decodeAllMs: number }> {
  const s = await startOvsdbServer({ schema: 'nb', fromDb: template });
  // Longest event-loop stall: the largest gap between ticks of a 1 ms interval.
  let last = 0;
  let maxGap = 0;
  let timer: NodeJS.Timeout | undefined;
  const h = {
    enable() {
      last = performance.now();
      timer = setInterval(() => {
        const now = performance.now();
        maxGap = Math.max(maxGap, now - last);
        last = now;
      }, 1);
    },
    disable() {
      clearInterval(timer);
      maxGap = Math.max(maxGap, performance.now() - last);
    },
    get max() {
      return maxGap * 1e6;
    },
  };
  try {
    if (global.gc) global.gc();
    h.enable();
    const t0 = performance.now();
    const c = await OvsdbClient.connect(s.unix, clientOpts);
    let rows = 0;
    let decodeAllMs = 0;
    if (mode === 'raw') {
      const schema = await c.getSchema(NB);
      const req = Object.fromEntries(
        Object.entries(schema.tables).map(([n, t]) => [n, { columns: Object.keys(t.columns) }]),
      );
      const r = await c.monitorCondSince(NB, 'raw', req, null, () => {});
      for (const t of Object.values(r.updates)) rows += Object.keys(t).length;
    } else {
      const cache = await ReplicaCache.start(c, NB);
      for (const n of cache.tableNames()) rows += cache.table(n).size;
      if (
        cache.table('Logical_Switch_Port').size !== 50_000 ||
        cache.table('ACL').size !== 5000 ||
        cache.table('Address_Set').size !== 1000
      )
        throw new Error('W3 check failed');
      const ms0 = performance.now() - t0;
      // The stall is W3's (until the replica is ready), not the decode-all loop's below.
      h.disable();
      // Not part of W3: what decoding every row (rows are decoded on first read) costs afterwards.
      const t1 = performance.now();
      let n = 0;
      for (const name of cache.tableNames()) for (const _ of cache.table(name).values()) n++;
      decodeAllMs = performance.now() - t1;
      if (
        (
          cache.table('Logical_Switch_Port').index('name').get('lsp09999')?.addresses as readonly string[] | undefined
        )?.[0] !== '00:00:00:00:27:0f 10.16.39.15' ||
        n !== rows
      )
        throw new Error('W3 content check failed');
      await c.close();
      return { ms: ms0, stallMs: h.max / 1e6, rows, decodeAllMs };
    }
    const ms = performance.now() - t0;
    h.disable();
    await c.close();
    return { ms, stallMs: h.max / 1e6, rows, decodeAllMs };
  } finally {
    await s.stop();
  }
}

const dir = mkdtempSync(join(tmpdir(), `cache-w3-${process.pid}-`));
try {
  const template = await makeTemplate(dir);
  const res = {
    raw: [] as number[],
    cache: [] as number[],
    rawStall: [] as number[],
    cacheStall: [] as number[],
    decodeAll: [] as number[],
  };
  for (let i = 0; i < runs; i++) {
    const order: ('raw' | 'cache')[] = i % 2 ? ['cache', 'raw'] : ['raw', 'cache'];
    for (const m of order) {
      const r = await timeOne(template, m);
      res[m].push(r.ms);
      res[m === 'raw' ? 'rawStall' : 'cacheStall'].push(r.stallMs);
      if (m === 'cache') res.decodeAll.push(r.decodeAllMs);
      // NB_Global + sw0 + 50,000 LSP + 5,000 ACL + 1,000 Address_Set.
      if (r.rows !== 56_002) throw new Error(`expected 56002 rows, got ${r.rows}`);
    }
  }
  const fmt = (xs: number[]) =>
    `${median(xs).toFixed(0)} ms [${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}]`;
  console.log(`W3 runs=${runs}, reply parsed ${clientOpts.largeMessageBytes ? 'whole (one JSON.parse)' : 'in slices'}`);
  console.log(
    `raw monitor_cond_since (one JSON decode): ${fmt(res.raw)}, longest stall ${median(res.rawStall).toFixed(0)} ms`,
  );
  console.log(
    `ReplicaCache.start:                      ${fmt(res.cache)}, longest stall ${median(res.cacheStall).toFixed(0)} ms`,
  );
  console.log(`afterwards, first read of all 56,002 rows (lazy decode + name index build): ${fmt(res.decodeAll)}`);
  const ratios = res.cache.map((c, i) => c / res.raw[i]!);
  console.log(
    `ratio cache/raw per run: ${ratios.map((r) => r.toFixed(2)).join(' ')}; median ${median(ratios).toFixed(2)} (goal ≤ 1.5)`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
