/**
 * Exact 64-bit integers both ways against the real ovsdb-server (issue #14): −2⁶³ is written as
 * `-9223372036854775808` (not `-9223372036854776000`, which the server refuses) and 2⁶³−1 as
 * `9223372036854775807` — from a bigint, and from the number 2⁶³ that JSON.parse makes of it, so a value
 * read and written again round-trips. In BigInt mode both ends are read back exactly, in raw results,
 * typed decoding and the replica cache; without it, integers beyond 2⁵³ are read as the nearest double.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startOvsdbServer, type OvsdbServer } from '../../../src/testing/index.js';
import { OvsdbClient, op } from '../../../src/ovsdb/index.js';
import { ReplicaCache } from '../../../src/ovsdb/cache/index.js';

const MIN = -(2n ** 63n);
const MAX = 2n ** 63n - 1n;

let dir: string;
let server: OvsdbServer;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'int64-'));
  const schema = join(dir, 'int64.ovsschema');
  writeFileSync(
    schema,
    JSON.stringify({
      name: 'I',
      version: '1.0.0',
      tables: {
        T: {
          isRoot: true,
          columns: {
            name: { type: 'string' },
            n: { type: 'integer' },
            s: { type: { key: 'integer', min: 0, max: 'unlimited' } },
            m: { type: { key: 'string', value: 'integer', min: 0, max: 'unlimited' } },
          },
        },
      },
    }),
  );
  server = await startOvsdbServer({ schema });
}, 60_000);
afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** The server's own text of a row's `n` (ovsdb-client's JSON output, not our reader). */
async function serverText(name: string): Promise<string> {
  const out = await server.client(
    'transact',
    JSON.stringify(['I', { op: 'select', table: 'T', where: [['name', '==', name]], columns: ['n', 's', 'm'] }]),
  );
  return out;
}

describe('int64 against ovsdb-server', () => {
  test('writing: −2⁶³ as a number and 2⁶³−1 as a bigint are stored exactly', async () => {
    const c = await OvsdbClient.connect(server.unix);
    try {
      await c.transact('I', [
        op.insert('T', { name: 'min', n: -(2 ** 63), s: ['set', [-(2 ** 63), MAX]], m: ['map', [['k', MIN]]] }),
        op.insert('T', { name: 'max', n: MAX }),
      ]);
      expect(await serverText('min')).toContain('"n":-9223372036854775808');
      expect(await serverText('min')).toContain('"m":["map",[["k",-9223372036854775808]]]');
      expect(await serverText('max')).toContain('"n":9223372036854775807');
      // Default mode: read as the nearest doubles.
      const [r] = await c.transact('I', [op.select('T', [['name', '==', 'max']], ['n'])]);
      expect(r.rows[0]!.n).toBe(2 ** 63);
    } finally {
      await c.close();
    }
  });

  test('a value read in default mode and written back round-trips (2⁶³ as read means INT64_MAX)', async () => {
    const c = await OvsdbClient.connect(server.unix);
    try {
      const [r] = await c.transact('I', [op.select('T', [['name', '==', 'max']], ['n'])]);
      await c.transact('I', [op.insert('T', { name: 'copy', n: r.rows[0]!.n as number })]);
      expect(await serverText('copy')).toContain('"n":9223372036854775807');
      // Beyond int64 is refused before sending.
      await expect(c.transact('I', [op.insert('T', { name: 'x', n: MAX + 1n })])).rejects.toMatchObject({
        code: 'OVSDB_INVALID_VALUE',
      });
    } finally {
      await c.close();
    }
  });

  test('BigInt mode: both ends read back exactly in raw results and in the replica cache', async () => {
    const c = await OvsdbClient.connect(server.unix, { bigint: true });
    try {
      const [r] = await c.transact('I', [op.select('T', [['name', '==', 'min']], ['n', 's', 'm'])]);
      expect(r.rows[0]).toEqual({ n: MIN, s: ['set', expect.arrayContaining([MIN, MAX])], m: ['map', [['k', MIN]]] });
      const [r2] = await c.transact('I', [op.select('T', [['name', '==', 'max']], ['n'])]);
      expect(r2.rows[0]!.n).toBe(MAX);
      const cache = await ReplicaCache.start(c, 'I');
      try {
        const byName = new Map([...cache.table('T').values()].map((row) => [row.name, row]));
        expect(byName.get('min')!.n).toBe(MIN);
        expect(byName.get('min')!.s).toEqual(expect.arrayContaining([MIN, MAX]));
        expect(byName.get('min')!.m).toEqual({ k: MIN });
        expect(byName.get('max')!.n).toBe(MAX);
        expect(byName.get('copy')!.n).toBe(MAX);
        // Small integers stay numbers; an update to a bigint arrives as one.
        const seen = cache.waitForUpdates(1, 10_000);
        await c.transact('I', [
          op.insert('T', { name: 'small', n: 42 }),
          op.update('T', [['name', '==', 'max']], { n: MAX - 1n }),
        ]);
        expect(await seen).toBe(true);
        const after = new Map([...cache.table('T').values()].map((row) => [row.name, row]));
        expect(after.get('small')!.n).toBe(42);
        expect(after.get('max')!.n).toBe(MAX - 1n);
        expect(cache.rejected('T').size).toBe(0);
      } finally {
        await cache.close();
      }
    } finally {
      await c.close();
    }
  });
});
