/**
 * Numbers and values from a hostile server, checked against the column types (issue #14): a fake OVSDB
 * server (src/testing/hostile-peer.ts) answers with raw JSON text — `1e400` (Infinity), `1.2e29` in an
 * integer column, fractions, a tag outside 0..4095, an enum value the schema does not have, too many set
 * elements, a malformed uuid, invalid UTF-8. Raw `transact` results fail with `OVSDB_MALFORMED_RESULT`
 * (the value error as `cause`); typed results with `OVSDB_INVALID_VALUE` / `OVSDB_RESULT_MISMATCH`; the
 * replica cache sets bad rows aside in `rejected()` with a typed error per problem and keeps the rest.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { startHostilePeer, type HostileConnection, type HostilePeer } from '../../../src/testing/index.js';
import { OvsdbClient, OvsdbValueError, op, type Operation } from '../../../src/ovsdb/index.js';
import { ReplicaCache } from '../../../src/ovsdb/cache/index.js';
import { decodeResults } from '../../../src/ovsdb/typed/index.js';
import { parseSchema } from '../../../src/ovsdb/schema.js';

/** One table with a column of each constrained kind. */
const SCHEMA = {
  name: 'H',
  version: '1.0.0',
  tables: {
    T: {
      isRoot: true,
      columns: {
        n: { type: 'integer' },
        tag: { type: { key: { type: 'integer', minInteger: 0, maxInteger: 4095 }, min: 0, max: 1 } },
        act: { type: { key: { type: 'string', enum: ['set', ['allow', 'drop']] } } },
        r: { type: 'real' },
        names: { type: { key: 'string', min: 0, max: 2 } },
        label: { type: { key: { type: 'string', maxLength: 3 } } },
      },
    },
  },
};
const U = (i: number) => `${String(i).padStart(8, '0')}-0000-4000-8000-000000000000`;
const ZERO = '00000000-0000-0000-0000-000000000000';

/** Answers get_schema and echo; every other method goes to `on` with a reply function taking raw JSON text. */
type Handler = (m: { id: unknown; method: string; params: unknown[] }, reply: (resultText: string) => void) => void;

let peer: HostilePeer | undefined;
let client: OvsdbClient | undefined;
let conn: HostileConnection | undefined;
afterEach(async () => {
  await client?.close();
  await peer?.close();
  client = undefined;
  peer = undefined;
  conn = undefined;
});

async function fakeServer(on: Handler): Promise<OvsdbClient> {
  peer = await startHostilePeer(
    async (h) => {
      conn = h;
      for (;;) {
        const m = (await h.nextMessage()) as { id: unknown; method: string; params: unknown[] };
        const reply = (text: string) => h.write(`{"id":${JSON.stringify(m.id)},"result":${text},"error":null}`);
        if (m.method === 'get_schema') reply(JSON.stringify(SCHEMA));
        else if (m.method === 'echo') reply('[]');
        else on(m, reply);
      }
    },
    { json: true },
  );
  client = await OvsdbClient.connect(peer.remote, { inactivityProbeMs: 0 });
  return client;
}

async function codeOf(p: Promise<unknown>): Promise<{ code: string; message: string; cause?: unknown }> {
  try {
    await p;
  } catch (e) {
    const err = e as { code: string; message: string; cause?: unknown };
    expect(err.code, `untyped rejection: ${String(e)}`).toMatch(/^[A-Z][A-Z0-9_]+$/);
    return err;
  }
  throw new Error('expected a rejection');
}

describe('raw transact results', () => {
  const cases: { name: string; op: Operation; result: string; match: RegExp; valueError?: boolean }[] = [
    {
      name: 'count 1e400 (Infinity)',
      op: op.update('T', [], { n: 1 }),
      result: '[{"count":1e400}]',
      match: /"count" must be a non-negative integer, got null/,
    },
    { name: 'count 1.5', op: op.delete('T', []), result: '[{"count":1.5}]', match: /got 1\.5/ },
    { name: 'count -1', op: op.mutate('T', [], [['n', '+=', 1]]), result: '[{"count":-1}]', match: /got -1/ },
    {
      name: 'an insert with a malformed uuid',
      op: op.insert('T', { n: 1, act: 'allow' }),
      result: '[{"uuid":["uuid","not-a-uuid"]}]',
      match: /an insert result needs "uuid"/,
    },
    {
      name: 'a select row with 1.2e29 in an integer column',
      op: op.select('T', []),
      result: `[{"rows":[{"_uuid":["uuid","${U(1)}"],"n":1.2e29}]}]`,
      match: /H\.T\.n: 1\.2e\+29 is outside the 64-bit integer range/,
      valueError: true,
    },
    {
      name: 'a select row with a fraction in an integer column',
      op: op.select('T', []),
      result: '[{"rows":[{"n":2.5}]}]',
      match: /H\.T\.n: expected an integer, got 2\.5/,
      valueError: true,
    },
    {
      name: 'a select row with tag 4096 (range 0..4095)',
      op: op.select('T', []),
      result: '[{"rows":[{"tag":["set",[4096]]}]}]',
      match: /H\.T\.tag: 4096 is above the maximum 4095/,
      valueError: true,
    },
    {
      name: 'a select row with an enum value the schema does not have',
      op: op.select('T', []),
      result: '[{"rows":[{"act":"reject"}]}]',
      match: /H\.T\.act: "reject" is not one of \["allow","drop"\]/,
      valueError: true,
    },
    {
      name: 'a select row with a real of 1e400',
      op: op.select('T', []),
      result: '[{"rows":[{"r":1e400}]}]',
      match: /H\.T\.r: expected a finite real/,
      valueError: true,
    },
    {
      name: 'a select row with 3 elements in a set of at most 2',
      op: op.select('T', []),
      result: '[{"rows":[{"names":["set",["a","b","c"]]}]}]',
      match: /H\.T\.names: set has 3 elements, allowed 0..2/,
      valueError: true,
    },
    {
      name: 'a select row with a string longer than maxLength',
      op: op.select('T', []),
      result: '[{"rows":[{"label":"four"}]}]',
      match: /H\.T\.label: string is longer than 3/,
      valueError: true,
    },
    { name: 'too few results', op: op.select('T', []), result: '[]', match: /expected 1 results, got 0/ },
  ];
  for (const c of cases) {
    test(`${c.name}: OVSDB_MALFORMED_RESULT`, async () => {
      const cl = await fakeServer((_m, reply) => reply(c.result));
      const e = await codeOf(cl.transact('H', [c.op]));
      expect(e.code).toBe('OVSDB_MALFORMED_RESULT');
      expect(e.message).toMatch(c.match);
      if (c.valueError) {
        expect(e.cause).toBeInstanceOf(OvsdbValueError);
        expect((e.cause as OvsdbValueError).code).toBe('OVSDB_INVALID_VALUE');
      }
      // The connection is fine: only that reply was unusable.
      expect(cl.closed).toBe(false);
    });
  }

  test('good values at the edges of their ranges are returned', async () => {
    const cl = await fakeServer((_m, reply) =>
      reply(
        `[{"rows":[{"n":-9223372036854775808,"tag":["set",[4095]],"act":"drop","r":-1.5e300,"names":["set",["a","b"]],"label":"abc"}]},{"count":0}]`,
      ),
    );
    const [sel, upd] = await cl.transact('H', [op.select('T', []), op.update('T', [], { n: 1 })]);
    expect(sel.rows).toEqual([
      { n: -(2 ** 63), tag: ['set', [4095]], act: 'drop', r: -1.5e300, names: ['set', ['a', 'b']], label: 'abc' },
    ]);
    expect(upd.count).toBe(0);
  });

  test('typed results: the same checks (OVSDB_INVALID_VALUE in a row, OVSDB_RESULT_MISMATCH for a count)', () => {
    const schema = parseSchema(SCHEMA);
    const sel = [op.select('T', [])];
    expect(() => decodeResults(schema, sel, JSON.parse('[{"rows":[{"tag":["set",[5000]]}]}]'))).toThrowError(
      expect.objectContaining({
        code: 'OVSDB_INVALID_VALUE',
        message: expect.stringMatching(/above the maximum 4095/),
      }),
    );
    expect(() => decodeResults(schema, sel, JSON.parse('[{"rows":[{"act":"reject"}]}]'))).toThrowError(
      expect.objectContaining({ code: 'OVSDB_INVALID_VALUE' }),
    );
    expect(() => decodeResults(schema, [op.delete('T', [])], JSON.parse('[{"count":1e400}]'))).toThrowError(
      expect.objectContaining({ code: 'OVSDB_RESULT_MISMATCH' }),
    );
  });

  test('invalid UTF-8 inside a select row: JSONRPC_MALFORMED, the transaction outcome is unknown', async () => {
    const cl = await fakeServer((m) =>
      conn!.write(
        Buffer.concat([
          Buffer.from(`{"id":${JSON.stringify(m.id)},"result":[{"rows":[{"label":"`),
          Buffer.from([0xc3, 0x28]),
          Buffer.from('"}]}],"error":null}'),
        ]),
      ),
    );
    const e = await codeOf(cl.transact('H', [op.select('T', [])]));
    expect(e.code).toBe('OVSDB_OUTCOME_UNKNOWN');
    expect((e.cause as { code?: string }).code).toBe('JSONRPC_MALFORMED');
  });
});

describe('the replica cache sets bad rows aside with typed reasons', () => {
  test('initial rows and later updates with out-of-range numbers, non-integers and bad enums', async () => {
    let monitorId: unknown;
    const cl = await fakeServer((m, reply) => {
      if (m.method === 'monitor_cond_since') {
        monitorId = m.params[1];
        const rows = [
          `"${U(1)}":{"initial":{"n":1,"tag":["set",[7]],"act":"allow"}}`,
          `"${U(2)}":{"initial":{"n":2,"tag":["set",[1e400]]}}`,
          `"${U(3)}":{"initial":{"n":1.2e29}}`,
          `"${U(4)}":{"initial":{"n":1.5}}`,
          `"${U(5)}":{"initial":{"act":"reject"}}`,
          `"${U(6)}":{"initial":{"names":["set",["a","b","c"]]}}`,
          `"${U(7)}":{"initial":{"n":7}}`,
        ];
        reply(`[false,"${ZERO}",{"T":{${rows.join(',')}}}]`);
      } else if (m.method === 'monitor_cancel') reply('{}');
    });
    const cache = await ReplicaCache.start(cl, 'H');
    const t = cache.table('T');
    const rejected = cache.rejected('T');
    // Rows of the initial contents are decoded on first read.
    expect([...t.values()].map((r) => r._uuid).sort()).toEqual([U(1), U(7)]);
    expect([...rejected.keys()].sort()).toEqual([U(2), U(3), U(4), U(5), U(6)]);
    const why = (u: string) => rejected.get(u)!.errors[0]!;
    for (const u of [U(2), U(3), U(4), U(5), U(6)]) {
      expect(why(u)).toBeInstanceOf(OvsdbValueError);
      expect(why(u).code).toBe('OVSDB_INVALID_VALUE');
      expect(rejected.get(u)!.reasons).toEqual([why(u).message]);
    }
    expect(why(U(2)).message).toMatch(/T\.tag: expected an integer, got null/);
    expect(why(U(3)).message).toMatch(/T\.n: 1\.2e\+29 is outside the 64-bit integer range/);
    expect(why(U(4)).message).toMatch(/T\.n: expected an integer, got 1\.5/);
    expect(why(U(5)).message).toMatch(/T\.act: "reject" is not one of/);
    expect(why(U(6)).message).toMatch(/T\.names: set has 3 elements, allowed 0\.\.2/);
    expect((why(U(2)) as OvsdbValueError).where).toEqual({ table: 'T', column: 'tag' });

    // A good row modified to a tag outside 0..4095 leaves the view for rejected(); a later good
    // modify of a rejected row is still refused (the cache does not guess the full row).
    const applied = cache.waitForUpdates(1, 10_000);
    conn!.write(
      `{"id":null,"method":"update3","params":[${JSON.stringify(monitorId)},"${U(99)}",{"T":{"${U(1)}":{"modify":{"tag":["set",[5000]]}},"${U(7)}":{"modify":{"n":9223372036854775807}}}}]}`,
    );
    expect(await applied).toBe(true);
    expect(t.get(U(1))).toBeUndefined();
    expect(why(U(1)).message).toMatch(/T\.tag: 5000 is above the maximum 4095/);
    // 2^63 - 1 as JSON.parse reads it (2^63) is the int64 maximum, accepted.
    expect(t.get(U(7))!.n).toBe(2 ** 63);
    await cache.close();
  });
});

describe('results of the other methods have their shape checked: OVSDB_RPC_FAILED', () => {
  test('list_dbs, lock, steal, get_server_id', async () => {
    const cl = await fakeServer((m, reply) => {
      if (m.method === 'list_dbs') reply('["H",1e400]');
      else if (m.method === 'lock') reply('{"locked":"yes"}');
      else if (m.method === 'steal') reply('null');
      else if (m.method === 'get_server_id') reply('[1]');
    });
    const [a, b, c, d] = await Promise.all([
      codeOf(cl.listDbs()),
      codeOf(cl.lock('l')),
      codeOf(cl.steal('l')),
      codeOf(cl.getServerId()),
    ]);
    expect(a).toMatchObject({
      code: 'OVSDB_RPC_FAILED',
      message: 'list_dbs: result is not an array of strings: ["H",null]',
    });
    expect(b.message).toBe('lock: result is not {"locked": <boolean>}: {"locked":"yes"}');
    expect(c.code).toBe('OVSDB_RPC_FAILED');
    expect(d.message).toBe('get_server_id: result is not a string: [1]');
    expect(cl.closed).toBe(false);
  });
});
