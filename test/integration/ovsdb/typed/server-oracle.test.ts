/**
 * ovsdb-server as the oracle for the typed layer (run with `ovsdb-client transact`):
 *  - random valid rows, updates, conditions and mutations for EVERY table of NB, SB and
 *    Open_vSwitch, drawn over the full range of each column's constraints, are accepted;
 *  - every kind of operation the validator refuses is refused by the server too;
 *  - a transaction with a reference placed before its insert commits, and its results decode
 *    into the model's shapes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { transaction, validateOperations, type Transaction } from '../../../../src/ovsdb/typed/index.js';
import type { TableTypes } from '../../../../src/ovsdb/typed/index.js';
import type { DatabaseSchema, TableSchema } from '../../../../src/ovsdb/schema.js';
import { columnKind, parseSchema } from '../../../../src/ovsdb/schema.js';
import type { Operation } from '../../../../src/ovsdb/operations.js';
import { requiredOnInsert } from '../../../../src/ovsdb/defaults.js';
import { ovnNorthboundModel } from '../../../../src/ovn-nb/generated/ovn-northbound.gen.js';
import { ovnSouthboundModel } from '../../../../src/ovn-sb/generated/ovn-southbound.gen.js';
import { openVSwitchModel } from '../../../../src/vswitch/generated/open-vswitch.gen.js';
import { atomArb, datumArb, type RefPool } from './arbitrary.js';
import { SCHEMAS, startServer, type TestServer } from './servers.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

type AnyTx = Transaction<Record<string, TableTypes>>;
// The random tests drive the builder with runtime table/column names, so they use it untyped.
const untyped = (m: { schema: DatabaseSchema }) => transaction(m as never) as unknown as AnyTx;

/** A small schema for what the installed ones lack (real columns, an immutable number). */
const TEST_SCHEMA_JSON = {
  name: 'Typed_Test',
  version: '1.0.0',
  tables: {
    T: {
      isRoot: true,
      columns: {
        weight: { type: { key: { type: 'real', minReal: -1, maxReal: 1 } } },
        fixed: { type: 'real', mutable: false },
        maybe: { type: { key: 'integer', min: 0, max: 1 } },
        few: { type: { key: 'integer', min: 0, max: 3 } },
      },
    },
  },
};
const TEST_SCHEMA = parseSchema(TEST_SCHEMA_JSON);
const TEST_MODEL = { schema: TEST_SCHEMA };

let server: TestServer;
let schemaDir: string;
beforeAll(async () => {
  schemaDir = mkdtempSync(join(tmpdir(), `typed-schema-${process.pid}-`));
  writeFileSync(join(schemaDir, 'test.ovsschema'), JSON.stringify(TEST_SCHEMA_JSON));
  server = await startServer([...Object.values(SCHEMAS), join(schemaDir, 'test.ovsschema')]);
});
afterAll(async () => {
  await server?.stop();
  rmSync(schemaDir, { recursive: true, force: true });
});

/** A deterministic valid value for a required column (first enum value, smallest in range…). */
function minimalAtom(
  tx: AnyTx,
  schema: DatabaseSchema,
  b: TableSchema['columns'][string]['type']['key'],
  depth: number,
): unknown {
  if (b.enum && b.enum.length) return b.enum[0];
  switch (b.type) {
    case 'integer':
      return Math.min(Math.max(0, b.minInteger ?? 0), b.maxInteger ?? Infinity);
    case 'real':
      return Math.min(Math.max(0, b.minReal ?? 0), b.maxReal ?? Infinity);
    case 'boolean':
      return false;
    case 'string':
      return 'x'.repeat(b.minLength ?? 0);
    case 'uuid':
      return b.refTable ? insertMinimal(tx, schema, b.refTable, depth + 1) : '00000000-0000-0000-0000-000000000001';
  }
}

/** Inserts a row of `table` with only its required columns; returns the reference. */
function insertMinimal(tx: AnyTx, schema: DatabaseSchema, table: string, depth = 0): unknown {
  if (depth > 4) throw new Error(`reference chain too deep at ${table}`);
  const row: Record<string, unknown> = {};
  for (const c of Object.values(schema.tables[table]!.columns)) {
    if (!requiredOnInsert(c)) continue;
    const a = minimalAtom(tx, schema, c.type.key, depth);
    const kind = columnKind(c.type);
    if (kind === 'map') row[c.name] = { [String(a)]: minimalAtom(tx, schema, c.type.value!, depth) };
    else row[c.name] = kind === 'set' ? [a] : a;
  }
  return tx.insert(table, row);
}

function expectAccepted(results: unknown[], ops: readonly Operation[]): void {
  const failures = results.flatMap((r, i) =>
    r && typeof r === 'object' && 'error' in r && i < ops.length - 1 ? [{ i, r, op: ops[i] }] : [],
  );
  expect(failures, JSON.stringify(failures.slice(0, 2))).toEqual([]);
  expect(results[ops.length - 1]).toMatchObject({ error: 'aborted' });
}

for (const model of [ovnNorthboundModel, ovnSouthboundModel, openVSwitchModel, TEST_MODEL]) {
  const schema = model.schema;
  describe(`${schema.name}: random valid operations on every table are accepted by ovsdb-server`, () => {
    for (const table of Object.keys(schema.tables).sort()) {
      it(table, async () => {
        const t = schema.tables[table]!;
        const tx = untyped(model);
        // One row of every referenced table, to draw references from.
        const pool = new Map<string, unknown>();
        for (const c of Object.values(t.columns)) {
          for (const b of [c.type.key, c.type.value]) {
            if (b?.refTable && !pool.has(b.refTable)) pool.set(b.refTable, insertMinimal(tx, schema, b.refTable));
          }
        }
        const refs: RefPool = (rt) => (pool.has(rt) ? [pool.get(rt)] : []);
        const base = insertMinimal(tx, schema, table);
        const seed = [...`${schema.name}.${table}`].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) | 0, 7);

        // Inserts with every column drawn over its full range.
        const cols = Object.values(t.columns);
        const rowArb = fc.record(Object.fromEntries(cols.map((c) => [c.name, datumArb(c.type, refs)])), {
          requiredKeys: cols.filter((c) => requiredOnInsert(c)).map((c) => c.name),
        });
        for (const row of fc.sample(rowArb, { numRuns: 8, seed })) tx.insert(table, row);

        // Safe mutations of the base row (it holds only required columns, so sets have `min` elements).
        const mutations: unknown[] = [];
        const mutArbs = cols
          .filter((c) => c.mutable)
          .map((c) => {
            const kind = columnKind(c.type);
            const k = c.type.key.type;
            const options: fc.Arbitrary<unknown>[] = [];
            if (kind !== 'map' && (k === 'integer' || k === 'real')) {
              options.push(fc.constantFrom(['+=', 0], ['-=', 0], ['*=', 1], ['/=', 1]).map(([m, v]) => [c.name, m, v]));
            }
            if (kind !== 'atom') {
              const room = (c.type.max === 'unlimited' ? Infinity : c.type.max) - c.type.min;
              if (room > 0)
                options.push(
                  datumArb({ ...c.type, min: 0 }, refs, room).map((v) => [
                    c.name,
                    'insert',
                    kind === 'optional' ? (v === undefined ? [] : [v]) : v,
                  ]),
                );
              if (c.type.min === 0) {
                options.push(
                  datumArb({ ...c.type, min: 0 }, refs).map((v) => [
                    c.name,
                    'delete',
                    kind === 'optional' ? (v === undefined ? [] : [v]) : v,
                  ]),
                );
                if (kind === 'map')
                  options.push(
                    fc
                      .uniqueArray(atomArb(c.type.key, refs).map(String), { maxLength: 3 })
                      .map((ks) => [c.name, 'delete', ks]),
                  );
              }
            }
            return options.length ? fc.oneof(...options) : undefined;
          })
          .filter((a) => a !== undefined);
        if (mutArbs.length) {
          for (const a of mutArbs) mutations.push(fc.sample(a, { numRuns: 1, seed })[0]);
          tx.mutate(table, [['_uuid', '==', base]], mutations as never);
        }

        // Updates of the base row with every mutable column drawn over its full range.
        const mutableCols = cols.filter((c) => c.mutable);
        if (mutableCols.length) {
          const updArb = fc.record(Object.fromEntries(mutableCols.map((c) => [c.name, datumArb(c.type, refs)])), {
            requiredKeys: [],
          });
          for (const row of fc.sample(updArb, { numRuns: 4, seed })) tx.update(table, [['_uuid', '==', base]], row);
        }

        tx.wait(table, [['_uuid', '==', base]], [], '==', [{}], 0);

        // Selects and deletes with random conditions allowed for each column kind.
        const condArb = fc.oneof(
          ...cols.map((c) => {
            const kind = columnKind(c.type);
            const arbs: fc.Arbitrary<unknown>[] = [
              fc.tuple(fc.constant(c.name), fc.constantFrom('==', '!='), datumArb(c.type, refs)),
            ];
            if (
              (kind === 'atom' || kind === 'optional') &&
              (c.type.key.type === 'integer' || c.type.key.type === 'real')
            ) {
              arbs.push(
                fc.tuple(fc.constant(c.name), fc.constantFrom('<', '<=', '>', '>='), atomArb(c.type.key, refs)),
              );
            }
            if (kind !== 'atom')
              arbs.push(
                fc.tuple(
                  fc.constant(c.name),
                  fc.constantFrom('includes', 'excludes'),
                  datumArb({ ...c.type, min: 0 }, refs),
                ),
              );
            return fc.oneof(...arbs);
          }),
        );
        for (const where of fc.sample(fc.array(condArb, { maxLength: 3 }), { numRuns: 6, seed })) {
          tx.select(table, where as never);
          tx.delete(table, where as never);
        }
        tx.abort();

        const ops = tx.operations();
        expect(() => validateOperations(schema, ops)).not.toThrow();
        expectAccepted(await server.transact(schema.name, ops), ops);
      });
    }
  });
}

describe('every column the model makes required on insert is refused by ovsdb-server when omitted', () => {
  for (const model of [ovnNorthboundModel, ovnSouthboundModel, openVSwitchModel]) {
    const schema = model.schema;
    const required = Object.values(schema.tables).flatMap((t) =>
      Object.values(t.columns)
        .filter((c) => requiredOnInsert(c))
        .map((c) => ({ table: t.name, c })),
    );
    it(`${schema.name} (${required.length} columns)`, async () => {
      expect(required.length).toBeGreaterThan(0);
      for (const { table, c } of required) {
        const tx = untyped(model);
        const ref = insertMinimal(tx, schema, table) as { index: number };
        const ops = tx.operations().map((o) => structuredClone(o)) as Operation[];
        const target = ops[ref.index] as { row: Record<string, unknown> };
        delete target.row[c.name];
        expect(() => validateOperations(schema, ops), `${table}.${c.name}`).toThrow(
          expect.objectContaining({ code: 'OVSDB_INVALID_VALUE' }),
        );
        // A reference is only checked at commit (referential integrity): commit those, abort the rest.
        const isRef = c.type.key.refTable !== undefined || c.type.value?.refTable !== undefined;
        const results = await server.transact(schema.name, isRef ? ops : [...ops, { op: 'abort' }]);
        const errors = results.filter(
          (r) => r !== null && typeof r === 'object' && 'error' in r && (r as { error: string }).error !== 'aborted',
        );
        expect(errors.length, `${schema.name}.${table}.${c.name} omitted was accepted`).toBeGreaterThan(0);
      }
    });
  }
});

describe('what the validator refuses, ovsdb-server refuses too', () => {
  const nb = ovnNorthboundModel.schema;
  const sb = ovnSouthboundModel.schema;
  const vs = openVSwitchModel.schema;
  const acl = { action: 'drop', direction: 'to-lport' };
  const cases: { name: string; schema: DatabaseSchema; ops: unknown[]; code: string }[] = [
    {
      name: 'unknown table',
      schema: nb,
      ops: [{ op: 'insert', table: 'No_Such', row: {} }],
      code: 'OVSDB_UNKNOWN_TABLE',
    },
    {
      name: 'unknown column',
      schema: nb,
      ops: [{ op: 'insert', table: 'Logical_Switch', row: { frob: 1 } }],
      code: 'OVSDB_UNKNOWN_COLUMN',
    },
    {
      name: 'unknown column in select',
      schema: nb,
      ops: [{ op: 'select', table: 'Logical_Switch', where: [], columns: ['frob'] }],
      code: 'OVSDB_UNKNOWN_COLUMN',
    },
    {
      name: 'unknown column in condition',
      schema: nb,
      ops: [{ op: 'delete', table: 'Logical_Switch', where: [['frob', '==', 1]] }],
      code: 'OVSDB_UNKNOWN_COLUMN',
    },
    {
      name: 'enum value',
      schema: nb,
      ops: [{ op: 'insert', table: 'ACL', row: { ...acl, action: 'explode' } }],
      code: 'OVSDB_INVALID_VALUE',
    },
    {
      name: 'integer above range',
      schema: nb,
      ops: [{ op: 'insert', table: 'ACL', row: { ...acl, priority: 32768 } }],
      code: 'OVSDB_INVALID_VALUE',
    },
    {
      name: 'integer below range',
      schema: nb,
      ops: [{ op: 'insert', table: 'ACL', row: { ...acl, priority: -1 } }],
      code: 'OVSDB_INVALID_VALUE',
    },
    {
      name: 'optional integer out of range',
      schema: vs,
      ops: [{ op: 'insert', table: 'Queue', row: { dscp: ['set', [64]] } }],
      code: 'OVSDB_INVALID_VALUE',
    },
    {
      name: 'string too long',
      schema: nb,
      ops: [{ op: 'insert', table: 'ACL', row: { ...acl, name: 'x'.repeat(64) } }],
      code: 'OVSDB_INVALID_VALUE',
    },
    {
      name: 'string with NUL',
      schema: nb,
      ops: [{ op: 'insert', table: 'Logical_Switch', row: { name: 'a\u0000b' } }],
      code: 'OVSDB_INVALID_VALUE',
    },
    {
      name: 'optional with two values',
      schema: nb,
      ops: [{ op: 'insert', table: 'ACL', row: { ...acl, meter: ['set', ['a', 'b']] } }],
      code: 'OVSDB_INVALID_VALUE',
    },
    {
      name: 'set above max',
      schema: vs,
      ops: [
        {
          op: 'insert',
          table: 'Port',
          row: {
            name: 'p',
            interfaces: ['set', []],
            trunks: ['set', Array.from({ length: 4097 }, (_, i) => i % 4096)],
          },
        },
      ],
      code: 'OVSDB_INVALID_VALUE',
    },
    {
      name: 'wrong atom type',
      schema: nb,
      ops: [{ op: 'insert', table: 'Logical_Switch', row: { name: 5 } }],
      code: 'OVSDB_INVALID_VALUE',
    },
    {
      name: 'map value type',
      schema: nb,
      ops: [{ op: 'insert', table: 'Logical_Switch', row: { external_ids: ['map', [['a', 1]]] } }],
      code: 'OVSDB_INVALID_VALUE',
    },
    {
      name: 'map key enum',
      schema: nb,
      ops: [
        {
          op: 'insert',
          table: 'QoS',
          row: { ...{ direction: 'to-lport', match: 'x', priority: 1 }, bandwidth: ['map', [['speed', 1]]] },
        },
      ],
      code: 'OVSDB_INVALID_VALUE',
    },
    {
      name: 'malformed uuid',
      schema: nb,
      ops: [{ op: 'insert', table: 'Logical_Switch', row: { ports: ['set', [['uuid', 'nope']]] } }],
      code: 'OVSDB_INVALID_VALUE',
    },
    {
      name: 'required enum column omitted',
      schema: nb,
      ops: [{ op: 'insert', table: 'ACL', row: { direction: 'to-lport' } }],
      code: 'OVSDB_INVALID_VALUE',
    },
    {
      name: 'required range column omitted',
      schema: sb,
      ops: [{ op: 'insert', table: 'Datapath_Binding', row: {} }],
      code: 'OVSDB_INVALID_VALUE',
    },
    {
      name: 'update of an immutable column',
      schema: vs,
      ops: [{ op: 'update', table: 'Bridge', where: [], row: { name: 'br' } }],
      code: 'OVSDB_IMMUTABLE_COLUMN',
    },
    {
      name: 'update of an immutable real column',
      schema: TEST_SCHEMA,
      ops: [{ op: 'update', table: 'T', where: [], row: { fixed: 1.5 } }],
      code: 'OVSDB_IMMUTABLE_COLUMN',
    },
    {
      name: 'update of _uuid',
      schema: nb,
      ops: [
        {
          op: 'update',
          table: 'Logical_Switch',
          where: [],
          row: { _uuid: ['uuid', '00000000-0000-0000-0000-000000000001'] },
        },
      ],
      code: 'OVSDB_IMMUTABLE_COLUMN',
    },
    {
      name: 'mutate of an immutable column',
      schema: TEST_SCHEMA,
      ops: [{ op: 'mutate', table: 'T', where: [], mutations: [['fixed', '+=', 1]] }],
      code: 'OVSDB_IMMUTABLE_COLUMN',
    },
    {
      name: 'ordering on a string',
      schema: nb,
      ops: [{ op: 'select', table: 'Logical_Switch', where: [['name', '<', 'a']] }],
      code: 'OVSDB_CONDITION_NOT_ALLOWED',
    },
    {
      name: 'ordering on a set of integers',
      schema: vs,
      ops: [{ op: 'select', table: 'Port', where: [['trunks', '<', 5]] }],
      code: 'OVSDB_CONDITION_NOT_ALLOWED',
    },
    {
      name: 'unknown condition function',
      schema: nb,
      ops: [{ op: 'select', table: 'Logical_Switch', where: [['name', '~=', 'a']] }],
      code: 'OVSDB_CONDITION_NOT_ALLOWED',
    },
    {
      name: 'condition value type',
      schema: nb,
      ops: [{ op: 'select', table: 'ACL', where: [['priority', '==', 'high']] }],
      code: 'OVSDB_INVALID_VALUE',
    },
    {
      name: 'condition value out of range',
      schema: nb,
      ops: [{ op: 'select', table: 'ACL', where: [['priority', '==', 99999]] }],
      code: 'OVSDB_INVALID_VALUE',
    },
    {
      name: '+= on a string',
      schema: nb,
      ops: [{ op: 'mutate', table: 'Logical_Switch', where: [], mutations: [['name', '+=', 1]] }],
      code: 'OVSDB_MUTATOR_NOT_ALLOWED',
    },
    {
      name: '%= on a real',
      schema: TEST_SCHEMA,
      ops: [{ op: 'mutate', table: 'T', where: [], mutations: [['weight', '%=', 2]] }],
      code: 'OVSDB_MUTATOR_NOT_ALLOWED',
    },
    {
      name: 'real above range',
      schema: TEST_SCHEMA,
      ops: [{ op: 'insert', table: 'T', row: { weight: 1.5 } }],
      code: 'OVSDB_INVALID_VALUE',
    },
    {
      name: 'subnormal real',
      schema: TEST_SCHEMA,
      ops: [{ op: 'insert', table: 'T', row: { fixed: 5e-324 } }],
      code: 'OVSDB_INVALID_VALUE',
    },
    {
      name: 'subnormal real just below DBL_MIN',
      schema: TEST_SCHEMA,
      ops: [{ op: 'insert', table: 'T', row: { fixed: 2.225073858507201e-308 } }],
      code: 'OVSDB_INVALID_VALUE',
    },
    {
      name: 'integer beyond 64 bits',
      schema: TEST_SCHEMA,
      ops: [{ op: 'insert', table: 'T', row: { maybe: 2 ** 64 } }],
      code: 'OVSDB_INVALID_VALUE',
    },
    {
      // −2⁶³ itself is valid now that integers are written exactly (test/integration/ovsdb/int64.test.ts);
      // the next double beyond either end is not.
      name: 'integer just beyond -2^63 (the next double, -2^63 - 2048)',
      schema: TEST_SCHEMA,
      ops: [{ op: 'insert', table: 'T', row: { maybe: -(2 ** 63) - 2048 } }],
      code: 'OVSDB_INVALID_VALUE',
    },
    {
      name: 'ordering on a set of up to 3 integers',
      schema: TEST_SCHEMA,
      ops: [{ op: 'select', table: 'T', where: [['few', '>', 1]] }],
      code: 'OVSDB_CONDITION_NOT_ALLOWED',
    },
    {
      name: '+= on a map',
      schema: vs,
      ops: [{ op: 'mutate', table: 'Bridge', where: [], mutations: [['external_ids', '+=', 1]] }],
      code: 'OVSDB_MUTATOR_NOT_ALLOWED',
    },
    {
      name: 'insert on an atom',
      schema: nb,
      ops: [{ op: 'mutate', table: 'Logical_Switch', where: [], mutations: [['name', 'insert', ['set', ['a']]]] }],
      code: 'OVSDB_MUTATOR_NOT_ALLOWED',
    },
    {
      name: 'unknown mutator',
      schema: nb,
      ops: [{ op: 'mutate', table: 'Logical_Switch', where: [], mutations: [['ports', 'append', ['set', []]]] }],
      code: 'OVSDB_MUTATOR_NOT_ALLOWED',
    },
    // Division and modulo by zero are no longer refused by the validator: ovsdb-server fails them only
    // when a row matches (test/integration/ovsdb/validator-parity.test.ts).
    {
      name: 'mutation element out of range',
      schema: vs,
      ops: [{ op: 'mutate', table: 'Port', where: [], mutations: [['trunks', 'insert', ['set', [5000]]]] }],
      code: 'OVSDB_INVALID_VALUE',
    },
    {
      name: 'undefined named-uuid',
      schema: nb,
      ops: [{ op: 'insert', table: 'Logical_Switch', row: { ports: ['named-uuid', 'nobody'] } }],
      code: 'OVSDB_NAMED_UUID_UNDEFINED',
    },
    {
      name: 'duplicate uuid-name',
      schema: nb,
      ops: [
        { op: 'insert', table: 'Logical_Switch', row: {}, 'uuid-name': 'a' },
        { op: 'insert', table: 'Logical_Switch', row: {}, 'uuid-name': 'a' },
      ],
      code: 'OVSDB_NAMED_UUID_DUPLICATE',
    },
    {
      name: 'named-uuid of the wrong table',
      schema: nb,
      ops: [
        { op: 'insert', table: 'Logical_Switch', row: { ports: ['named-uuid', 'acl'] } },
        { op: 'insert', table: 'ACL', row: acl, 'uuid-name': 'acl' },
      ],
      code: 'OVSDB_NAMED_UUID_WRONG_TABLE',
    },
    {
      name: 'bad uuid-name',
      schema: nb,
      ops: [{ op: 'insert', table: 'Logical_Switch', row: {}, 'uuid-name': '1abc' }],
      code: 'OVSDB_INVALID_VALUE',
    },
    {
      name: 'wait without until',
      schema: nb,
      ops: [{ op: 'wait', table: 'Logical_Switch', where: [], columns: [], until: '<', rows: [] }],
      code: 'OVSDB_INVALID_ARGUMENT',
    },
    {
      name: 'assert of a non-identifier lock',
      schema: nb,
      ops: [{ op: 'assert', lock: 'no spaces' }],
      code: 'OVSDB_INVALID_ARGUMENT',
    },
    {
      name: 'unknown operation',
      schema: nb,
      ops: [{ op: 'upsert', table: 'Logical_Switch' }],
      code: 'OVSDB_INVALID_ARGUMENT',
    },
  ];

  for (const c of cases) {
    it(c.name, async () => {
      expect(() => validateOperations(c.schema, c.ops as Operation[])).toThrow(
        expect.objectContaining({ code: c.code }),
      );
      // The server refuses it: an <error> somewhere in the results, or ovsdb-client itself fails.
      let refused: boolean;
      try {
        const results = await server.transact(c.schema.name, c.ops);
        refused = results.some((r) => r !== null && typeof r === 'object' && 'error' in r);
      } catch {
        refused = true;
      }
      expect(refused).toBe(true);
    });
  }
});

describe('a committed transaction through the typed API', () => {
  it('inserts with a reference placed before its insert, and decodes typed results', async () => {
    const tx = transaction(ovnNorthboundModel);
    const port = tx.ref('Logical_Switch_Port');
    const sw = tx.insert('Logical_Switch', {
      name: `sw-${process.pid}`,
      ports: [port],
      external_ids: { owner: 'test' },
    });
    const p = tx.insert(
      'Logical_Switch_Port',
      { name: `p-${process.pid}`, addresses: ['00:00:00:00:00:01 10.0.0.1'], tag_request: 7 },
      { ref: port },
    );
    const acl = tx.insert('ACL', {
      action: 'allow-related',
      direction: 'from-lport',
      priority: 1001,
      match: 'ip4',
      severity: 'info',
    });
    tx.mutate(
      'Logical_Switch',
      [['_uuid', '==', sw]],
      [
        ['acls', 'insert', [acl]],
        ['external_ids', 'insert', { extra: '1' }],
        ['external_ids', 'delete', ['owner']],
      ],
    );
    const upd = tx.update('Logical_Switch_Port', [['name', '==', `p-${process.pid}`]], {
      enabled: true,
      tag_request: undefined,
    });
    const sel = tx.select('Logical_Switch', [['name', '==', `sw-${process.pid}`]]);
    const selPorts = tx.select(
      'Logical_Switch_Port',
      [['_uuid', '==', port]],
      ['name', 'enabled', 'tag_request', 'addresses'],
    );
    const verify = tx.wait('Logical_Switch', [['_uuid', '==', sw]], ['name'], '==', [{ name: `sw-${process.pid}` }], 0);
    tx.comment('typed test');
    const ops = tx.operations();
    expect(ops[0]).toEqual({
      op: 'insert',
      table: 'Logical_Switch',
      row: {
        name: `sw-${process.pid}`,
        ports: ['set', [['named-uuid', port.namedUuid]]],
        external_ids: ['map', [['owner', 'test']]],
      },
      'uuid-name': sw.namedUuid,
    });
    const results = tx.decodeResults(await server.transact('OVN_Northbound', ops));
    const swUuid = results.get(sw);
    expect(swUuid).toMatch(/^[0-9a-f-]{36}$/);
    expect(results.get(upd)).toBe(1);
    expect(results.get(verify)).toBeUndefined();
    const [row] = results.get(sel);
    expect(row).toMatchObject({
      _uuid: swUuid,
      name: `sw-${process.pid}`,
      ports: [results.get(p)],
      acls: [results.get(acl)],
      external_ids: { extra: '1' },
      other_config: {},
    });
    expect(results.get(selPorts)).toEqual([
      { name: `p-${process.pid}`, enabled: true, tag_request: undefined, addresses: ['00:00:00:00:00:01 10.0.0.1'] },
    ]);

    // Cleanup, and the count of a delete.
    const del = transaction(ovnNorthboundModel);
    const d = del.delete('Logical_Switch', [['_uuid', '==', swUuid]]);
    expect(del.decodeResults(await server.transact('OVN_Northbound', del.operations())).get(d)).toBe(1);
  });

  it('turns a server-side failure into a typed error naming the operation', async () => {
    const tx = transaction(ovnNorthboundModel);
    tx.insert('Logical_Switch', { name: 'dup-a' });
    tx.wait('Logical_Switch', [['name', '==', 'dup-a']], ['name'], '!=', [{ name: 'dup-a' }], 0);
    const raw = await server.transact('OVN_Northbound', tx.operations());
    expect(() => tx.decodeResults(raw)).toThrow(
      expect.objectContaining({
        code: 'OVSDB_TRANSACTION_OP_FAILED',
        index: 1,
        error: 'timed out',
        table: 'Logical_Switch',
      }),
    );
  });
});
