/**
 * The SDK's OVSDB validator against ovsdb-server 3.1's own decisions, one regression per item of
 * issue 15 (item 2). The oracle is `ovsdb-tool` (create: the schema parser; transact: the same
 * operation code as ovsdb-server) on a fresh database file; each case asserts the SDK and the tool
 * agree, and each failed on the code before the fix.
 */
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { run, HarnessCommandError, startOvsdbServer } from '../../../src/testing/index.js';
import { OvsdbClient } from '../../../src/ovsdb/index.js';
import { ReplicaCache } from '../../../src/ovsdb/cache/index.js';
import { parseSchema, OvsdbSchemaError, validateOperations } from '../../../src/ovsdb/index.js';
import type { Operation } from '../../../src/ovsdb/index.js';
import { OvsdbValueError } from '../../../src/ovsdb/errors.js';
import { columnCodec } from '../../../src/ovsdb/codec.js';
import { defaultDatum } from '../../../src/ovsdb/notation.js';
import { composeLogRecord, EmbeddedOvsdbServer, openDbFile, ServerDbFileError } from '../../../src/server/index.js';

const dir = mkdtempSync(join(tmpdir(), 'vparity-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
/** `ovsdb-tool create` on a schema document: the database file, or the tool's refusal. */
async function create(schema: unknown): Promise<{ db: string } | { refused: string }> {
  const i = n++;
  const s = join(dir, `s${i}.ovsschema`);
  const db = join(dir, `d${i}.db`);
  writeFileSync(s, JSON.stringify(schema));
  try {
    await run('ovsdb-tool', ['create', db, s]);
    return { db };
  } catch (e) {
    if (e instanceof HarnessCommandError) return { refused: e.stderr };
    throw e;
  }
}

/** `ovsdb-tool transact`: the raw results. */
async function transact(db: string, name: string, ops: readonly unknown[]): Promise<unknown[]> {
  return JSON.parse((await run('ovsdb-tool', ['transact', db, JSON.stringify([name, ...ops])])).stdout) as unknown[];
}

/** The SDK's decision on a transaction: undefined when it accepts, else the error. */
function sdk(schema: ReturnType<typeof parseSchema>, ops: readonly unknown[]): Error | undefined {
  try {
    validateOperations(schema, ops as Operation[]);
    return undefined;
  } catch (e) {
    return e as Error;
  }
}

const errorOf = (results: unknown[]) =>
  results.find((r) => typeof r === 'object' && r !== null && 'error' in r) as { error: string } | undefined;

const U1 = '11111111-1111-1111-1111-111111111111';
const U2 = '22222222-2222-2222-2222-222222222222';
const U3 = '33333333-3333-3333-3333-333333333333';
const SCHEMA = {
  name: 'P',
  version: '1.0.0',
  tables: {
    A: {
      isRoot: true,
      columns: {
        i: { type: 'integer' },
        s: { type: 'string' },
        r: { type: { key: 'real', min: 0, max: 1 } },
        u: {
          type: {
            key: {
              type: 'uuid',
              enum: [
                'set',
                [
                  ['uuid', U1],
                  ['uuid', U2],
                ],
              ],
            },
          },
        },
        m: { type: { key: 'string', value: 'integer', min: 1, max: 'unlimited' } },
        w: {
          type: { key: { type: 'uuid', refTable: 'A', refType: 'weak' }, min: 0, max: 'unlimited' },
          mutable: false,
        },
        few: { type: { key: 'integer', min: 0, max: 2 } },
      },
    },
  },
};
const parsed = parseSchema(SCHEMA);
let dbFile: string | undefined;
async function db(): Promise<string> {
  if (!dbFile) {
    const c = await create(SCHEMA);
    if (!('db' in c)) throw new Error(`the test schema is refused: ${c.refused}`);
    dbFile = c.db;
  }
  return dbFile;
}

/** Both sides on one transaction: the server's error string (or undefined) and the SDK's error. */
async function both(ops: readonly unknown[]) {
  const results = await transact(await db(), 'P', [...ops, { op: 'abort' }]);
  const err = errorOf(results);
  return { server: err?.error === 'aborted' ? undefined : err?.error, sdk: sdk(parsed, ops) };
}

describe('includes / excludes on scalar columns', () => {
  test.each([
    [['i', 'includes', 0]],
    [['i', 'excludes', 7]],
    [['s', 'includes', 'x']],
    [['u', 'excludes', ['uuid', U1]]],
  ])('%j is accepted by both', async (c) => {
    const r = await both([{ op: 'select', table: 'A', where: [c] }]);
    expect(r.server).toBeUndefined();
    expect(r.sdk).toBeUndefined();
  });
  test('a scalar takes one atom of its type: a two-element set is refused by both', async () => {
    const r = await both([{ op: 'select', table: 'A', where: [['i', 'includes', ['set', [0, 1]]]] }]);
    expect(r.server).toBe('syntax error');
    expect(r.sdk).toBeInstanceOf(OvsdbValueError);
  });
});

describe('uuid atoms are checked against the enum', () => {
  test.each([
    ['insert', { op: 'insert', table: 'A', row: { u: ['uuid', U3] } }],
    ['condition', { op: 'select', table: 'A', where: [['u', '==', ['uuid', U3]]] }],
    ['update', { op: 'update', table: 'A', where: [], row: { u: ['uuid', U3] } }],
  ])('a uuid outside the enum (%s) is refused by both', async (_n, op) => {
    const r = await both([op]);
    expect(r.server).toBe('constraint violation');
    expect(r.sdk).toBeInstanceOf(OvsdbValueError);
  });
  test('a uuid of the enum (any case) is accepted by both', async () => {
    const r = await both([{ op: 'insert', table: 'A', row: { u: ['uuid', U2.toUpperCase()] } }]);
    expect(r.server).toBeUndefined();
    expect(r.sdk).toBeUndefined();
  });
});

test('a map column with min 1 defaults to one pair of the key and value defaults', async () => {
  const file = await create(SCHEMA);
  if (!('db' in file)) throw new Error(file.refused);
  const [ins] = (await transact(file.db, 'P', [{ op: 'insert', table: 'A', row: { u: ['uuid', U1] } }])) as [
    { uuid: [string, string] },
  ];
  const [sel] = (await transact(file.db, 'P', [
    { op: 'select', table: 'A', where: [['_uuid', '==', ins.uuid]], columns: ['m'] },
  ])) as [{ rows: [{ m: unknown }] }];
  const type = parsed.tables.A!.columns.m!.type;
  const fromServer = columnCodec(type).decode(sel.rows[0].m as never);
  expect(fromServer).toEqual({ '': 0 });
  // The value the cache gives a column an update omits, and the documented default, are the server's.
  expect(columnCodec(type).empty).toEqual(fromServer);
  expect(defaultDatum(type)).toEqual(fromServer);
});

describe('a weak reference is always mutable', () => {
  test('parseSchema makes it mutable', () => {
    expect(parsed.tables.A!.columns.w!.mutable).toBe(true);
  });
  test.each([
    ['update', { op: 'update', table: 'A', where: [false], row: { w: ['set', []] } }],
    ['mutate', { op: 'mutate', table: 'A', where: [false], mutations: [['w', 'insert', ['set', []]]] }],
  ])('%s of an immutable-declared weak reference is accepted by both', async (_n, op) => {
    const r = await both([op]);
    expect(r.server).toBeUndefined();
    expect(r.sdk).toBeUndefined();
  });
});

describe('schema parsing refuses what ovsdb-tool refuses', () => {
  const col = (type: unknown, extra: object = {}) => ({
    name: 'S',
    version: '1.0.0',
    tables: { A: { columns: { c: { type, ...extra } }, ...(extra as { table?: object }).table } },
  });
  test.each([
    ['minInteger > maxInteger', col({ key: { type: 'integer', minInteger: 5, maxInteger: 3 } })],
    ['minReal > maxReal', col({ key: { type: 'real', minReal: 5, maxReal: 3 } })],
    ['minLength > maxLength', col({ key: { type: 'string', minLength: 5, maxLength: 3 } })],
    ['negative maxLength', col({ key: { type: 'string', maxLength: -1 } })],
    ['negative minLength', col({ key: { type: 'string', minLength: -1 } })],
    ['maxLength beyond UINT_MAX', col({ key: { type: 'string', maxLength: 4294967296 } })],
    ['enum with a range', col({ key: { type: 'integer', enum: ['set', [1, 2]], minInteger: 1 } })],
    ['empty enum', col({ key: { type: 'integer', enum: ['set', []] } })],
    [
      'index on an ephemeral column',
      { name: 'S', tables: { A: { columns: { c: { type: 'integer', ephemeral: true } }, indexes: [['c']] } } },
    ],
    [
      'index on _version',
      { name: 'S', tables: { A: { columns: { c: { type: 'integer' } }, indexes: [['_version']] } } },
    ],
    [
      'index naming a column twice',
      { name: 'S', tables: { A: { columns: { c: { type: 'integer' } }, indexes: [['c', 'c']] } } },
    ],
    ['a table without columns', { name: 'S', tables: { A: { columns: {} } } }],
  ])('%s', async (_n, schema) => {
    const tool = await create(schema);
    expect(tool).toHaveProperty('refused');
    expect(() => parseSchema(schema)).toThrow(OvsdbSchemaError);
  });
  test.each([
    ['minInteger = maxInteger', col({ key: { type: 'integer', minInteger: 5, maxInteger: 5 } })],
    ['maxLength 0', col({ key: { type: 'string', maxLength: 0 } })],
    ['index on _uuid', { name: 'S', tables: { A: { columns: { c: { type: 'integer' } }, indexes: [['_uuid']] } } }],
  ])('%s is accepted by both', async (_n, schema) => {
    expect(await create(schema)).toHaveProperty('db');
    expect(() => parseSchema(schema)).not.toThrow();
  });
});

test('isRoot: when no table is a root (isRoot false everywhere), every table is one', async () => {
  const schema = {
    name: 'R',
    version: '1.0.0',
    tables: { A: { isRoot: false, columns: { c: { type: 'integer' } } }, B: { columns: { c: { type: 'integer' } } } },
  };
  const file = await create(schema);
  if (!('db' in file)) throw new Error(file.refused);
  // A row of a non-root table that nothing references is garbage-collected at commit; here it stays.
  await transact(file.db, 'R', [{ op: 'insert', table: 'A', row: { c: 1 } }]);
  const [sel] = (await transact(file.db, 'R', [{ op: 'select', table: 'A', where: [] }])) as [{ rows: unknown[] }];
  expect(sel.rows).toHaveLength(1);
  const s = parseSchema(schema);
  expect(s.tables.A!.isRoot).toBe(true);
  expect(s.tables.B!.isRoot).toBe(true);
});

describe('/= and %= by zero are left to the server', () => {
  test.each([
    ['i', '/='],
    ['i', '%='],
  ])('%s %s 0 with no matching row: accepted by both', async (c, m) => {
    const r = await both([{ op: 'mutate', table: 'A', where: [false], mutations: [[c, m, 0]] }]);
    expect(r.server).toBeUndefined();
    expect(r.sdk).toBeUndefined();
  });
  test('with a matching row the server refuses it (domain error); the SDK sends it', async () => {
    const r = await both([
      { op: 'insert', table: 'A', row: { u: ['uuid', U1] } },
      { op: 'mutate', table: 'A', where: [], mutations: [['i', '/=', 0]] },
    ]);
    expect(r.server).toBe('domain error');
    expect(r.sdk).toBeUndefined();
  });
});

describe('boolean conditions true / false (ovsdb-server(7) §5.1)', () => {
  test.each([
    [{ op: 'select', table: 'A', where: [true] }],
    [{ op: 'select', table: 'A', where: [false, ['i', '==', 0]] }],
    [{ op: 'delete', table: 'A', where: [false] }],
    [{ op: 'update', table: 'A', where: [true, false], row: { i: 1 } }],
    [{ op: 'wait', table: 'A', where: [false], columns: ['i'], until: '==', rows: [], timeout: 0 }],
  ])('%j is accepted by both', async (op) => {
    const r = await both([op]);
    expect(r.server).toBeUndefined();
    expect(r.sdk).toBeUndefined();
  });
});

describe('applying a diff checks set and map sizes', () => {
  test('the codec refuses a diff that makes a set too large or a min-1 map empty', () => {
    const few = columnCodec(parsed.tables.A!.columns.few!.type);
    expect(() => few.applyDiff([1, 2], ['set', [3]])).toThrow(OvsdbValueError);
    const m = columnCodec(parsed.tables.A!.columns.m!.type);
    expect(() => m.applyDiff({ a: 1 }, ['map', [['a', 1]]])).toThrow(OvsdbValueError);
  });
  test('a database file whose diff record breaks a size: ovsdb-tool and the embedded server refuse it', async () => {
    const file = await create(SCHEMA);
    if (!('db' in file)) throw new Error(file.refused);
    const [ins] = (await transact(file.db, 'P', [
      { op: 'insert', table: 'A', row: { u: ['uuid', U1], few: ['set', [1, 2]] } },
    ])) as [{ uuid: [string, string] }];
    // Adds a third element to a column of at most two.
    appendFileSync(file.db, composeLogRecord({ _is_diff: true, A: { [ins.uuid[1]]: { few: ['set', [3]] } } }));
    await expect(transact(file.db, 'P', [{ op: 'select', table: 'A', where: [] }])).rejects.toThrow(/size error/);
    expect(() => openDbFile(new EmbeddedOvsdbServer(), file.db)).toThrow(ServerDbFileError);
  });
});

// Found by the differential (validator-diff.test.ts): each failed before its fix.
describe('named-uuids, implicit columns and map deletes as ovsdb-server 3.1 takes them', () => {
  const REFS = {
    name: 'N',
    version: '1.0.0',
    tables: {
      A: {
        isRoot: true,
        columns: {
          plain: { type: { key: 'uuid', min: 0, max: 1 } },
          weak: { type: { key: { type: 'uuid', refTable: 'A', refType: 'weak' }, min: 0, max: 1 } },
          strong: { type: { key: { type: 'uuid', refTable: 'A' }, min: 0, max: 1 } },
          en: { type: { key: { type: 'uuid', enum: ['set', [['uuid', U1]]] }, min: 0, max: 1 } },
          m: { type: { key: 'integer', value: 'string', min: 0, max: 'unlimited' } },
        },
      },
    },
  };
  const s = parseSchema(REFS);
  /** Committed (no abort): the strong reference's refusal comes at commit. */
  async function decide(ops: readonly unknown[]) {
    const file = await create(REFS);
    if (!('db' in file)) throw new Error(file.refused);
    return { server: errorOf(await transact(file.db, 'N', ops))?.error, sdk: sdk(s, ops) };
  }
  test.each([
    ['a plain uuid column', { op: 'insert', table: 'A', row: { plain: ['named-uuid', 'nobody'] } }],
    ['a weak reference', { op: 'insert', table: 'A', row: { weak: ['named-uuid', 'nobody'] } }],
    ['a condition', { op: 'select', table: 'A', where: [['strong', 'includes', ['named-uuid', 'nobody']]] }],
    [
      "a wait's rows",
      {
        op: 'wait',
        table: 'A',
        where: [],
        columns: ['strong'],
        until: '!=',
        rows: [{ strong: ['named-uuid', 'nobody'] }],
        timeout: 0,
      },
    ],
  ])('an undefined named-uuid in %s is accepted by both', async (_n, op) => {
    const r = await decide([op]);
    expect(r.server).toBeUndefined();
    expect(r.sdk).toBeUndefined();
  });
  test('an undefined named-uuid in a strong reference is refused by both (the server at commit)', async () => {
    const r = await decide([{ op: 'insert', table: 'A', row: { strong: ['named-uuid', 'nobody'] } }]);
    expect(r.server).toBe('referential integrity violation');
    expect(r.sdk).toMatchObject({ code: 'OVSDB_NAMED_UUID_UNDEFINED' });
  });
  test('a named-uuid in a uuid enum column is refused by both (a new row is never in the enum)', async () => {
    const r = await decide([
      { op: 'insert', table: 'A', row: {}, 'uuid-name': 'x' },
      { op: 'insert', table: 'A', row: { en: ['named-uuid', 'x'] } },
    ]);
    expect(r.server).toBe('constraint violation');
    expect(r.sdk).toBeInstanceOf(OvsdbValueError);
  });
  test('_uuid and _version in an insert row are accepted (and ignored) by both', async () => {
    const r = await decide([{ op: 'insert', table: 'A', row: { _uuid: ['uuid', U1], _version: ['uuid', U2] } }]);
    expect(r.server).toBeUndefined();
    expect(r.sdk).toBeUndefined();
  });
  test.each([[7], [['set', [7, 8]]], [['map', [[7, 'x']]]]])(
    'a map delete with %j (a bare key, a set of keys, a map) is accepted by both',
    async (v) => {
      const r = await decide([{ op: 'mutate', table: 'A', where: [], mutations: [['m', 'delete', v]] }]);
      expect(r.server).toBeUndefined();
      expect(r.sdk).toBeUndefined();
    },
  );
  test('an insert omitting a uuid enum column whose zero default is outside the enum: refused by both', async () => {
    const schema = {
      name: 'E',
      version: '1.0.0',
      tables: { A: { columns: { en: { type: { key: { type: 'uuid', enum: ['uuid', U1] } } } } } },
    };
    const file = await create(schema);
    if (!('db' in file)) throw new Error(file.refused);
    const ops = [{ op: 'insert', table: 'A', row: {} }];
    expect(errorOf(await transact(file.db, 'E', ops))?.error).toBe('constraint violation');
    expect(sdk(parseSchema(schema), ops)).toBeInstanceOf(OvsdbValueError);
  });
});

describe('reals: every normal double is taken, subnormals are not', () => {
  /** ovsdb-tool reads the text JavaScript writes (as the SDK sends it); a number its strtod calls out of range fails the whole request. */
  async function tool(v: number): Promise<string | undefined> {
    try {
      const r = await transact(await db(), 'P', [{ op: 'select', table: 'A', where: [['r', '==', v]] }]);
      return errorOf(r)?.error;
    } catch (e) {
      if (e instanceof HarnessCommandError) return 'refused by the JSON parser';
      throw e;
    }
  }
  test.each([[Number.MAX_VALUE], [-Number.MAX_VALUE], [2.2250738585072014e-308], [1.5e308]])(
    '%d is accepted by both',
    async (v) => {
      expect(await tool(v)).toBeUndefined();
      expect(sdk(parsed, [{ op: 'select', table: 'A', where: [['r', '==', v]] }])).toBeUndefined();
    },
  );
  test.each([[2.225073858507201e-308], [5e-324], [-1e-310]])('%d (subnormal) is refused by both', async (v) => {
    expect(await tool(v)).toBe('refused by the JSON parser');
    expect(sdk(parsed, [{ op: 'select', table: 'A', where: [['r', '==', v]] }])).toBeInstanceOf(OvsdbValueError);
  });
});

test('boolean clauses through the client (transact) and the replica cache (monitor_cond) on ovsdb-server', async () => {
  const file = join(dir, 'bool.ovsschema');
  writeFileSync(file, JSON.stringify(SCHEMA));
  const server = await startOvsdbServer({ schema: file });
  const client = await OvsdbClient.connect(server.unix);
  try {
    await client.transact('P', [{ op: 'insert', table: 'A', row: { u: ['uuid', U1] } }]);
    const [all, none] = await client.transact('P', [
      { op: 'select', table: 'A', where: [true] },
      { op: 'select', table: 'A', where: [false] },
    ]);
    expect((all as { rows: unknown[] }).rows).toHaveLength(1);
    expect((none as { rows: unknown[] }).rows).toHaveLength(0);
    const cache = await ReplicaCache.start(client, 'P', { tables: ['A'], where: { A: [false] } });
    expect(cache.table('A').all()).toHaveLength(0);
    await cache.setConditions({ A: [true] });
    expect(cache.table('A').all()).toHaveLength(1);
    await cache.close();
  } finally {
    client.close();
    await server.stop();
  }
});
