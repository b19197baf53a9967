/**
 * Differential test of the validator against ovsdb-server: random values (valid ones drawn from
 * each column's type, and arbitrary JSON atoms, sets and maps) are put into inserts, updates and
 * conditions and mutations on random columns of NB, SB and Open_vSwitch; the validator must accept
 * exactly what the server accepts (for mutations: except failures that depend on the row's value —
 * a result out of range or too large —, which only the server can see). Each case runs in its own transaction ending in `abort`, so commit-time
 * checks (referential integrity, indexes) are out of scope — they are not schema validation.
 *
 * Deliberate differences, excluded from the comparison: `includes`/`excludes` on a single-valued
 * column (the server treats it as `==`; the typed layer refuses it as meaningless).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  transaction,
  validateOperations,
  type TableTypes,
  type Transaction,
} from '../../../../src/ovsdb/typed/index.js';
import type { ColumnSchema, DatabaseSchema } from '../../../../src/ovsdb/schema.js';
import { columnKind } from '../../../../src/ovsdb/schema.js';
import type { Operation } from '../../../../src/ovsdb/operations.js';
import { datumToWire } from '../../../../src/ovsdb/typed/convert.js';
import { requiredOnInsert } from '../../../../src/ovsdb/defaults.js';
import { ovnNorthboundModel } from '../../../../src/ovn-nb/generated/ovn-northbound.gen.js';
import { ovnSouthboundModel } from '../../../../src/ovn-sb/generated/ovn-southbound.gen.js';
import { openVSwitchModel } from '../../../../src/vswitch/generated/open-vswitch.gen.js';
import { datumArb } from './arbitrary.js';
import { startServer, type TestServer } from './servers.js';

type AnyTx = Transaction<Record<string, TableTypes>>;
const SCHEMAS = [ovnNorthboundModel.schema, ovnSouthboundModel.schema, openVSwitchModel.schema];

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.stop());

/** Minimal valid rows for `table` and everything it needs, built with the typed API. */
function minimalOps(
  schema: DatabaseSchema,
  table: string,
): { ops: Operation[]; row: Record<string, unknown>; pool: Map<string, string> } {
  const tx = transaction({ schema } as never) as unknown as AnyTx;
  const pool = new Map<string, string>();
  const fill = (t: string, depth: number): Record<string, unknown> => {
    const row: Record<string, unknown> = {};
    for (const c of Object.values(schema.tables[t]!.columns)) {
      if (!requiredOnInsert(c)) continue;
      const atom = (b: ColumnSchema['type']['key']): unknown => {
        if (b.enum?.length) return b.enum[0];
        if (b.type === 'uuid') {
          if (!b.refTable) return '00000000-0000-0000-0000-000000000001';
          if (depth > 4) throw new Error('too deep');
          return tx.insert(b.refTable, fill(b.refTable, depth + 1));
        }
        if (b.type === 'string') return 'x'.repeat(b.minLength ?? 0);
        if (b.type === 'boolean') return false;
        return Math.max(0, b.type === 'integer' ? (b.minInteger ?? 0) : (b.minReal ?? 0));
      };
      const kind = columnKind(c.type);
      row[c.name] =
        kind === 'map'
          ? { [String(atom(c.type.key))]: atom(c.type.value!) }
          : kind === 'set'
            ? [atom(c.type.key)]
            : atom(c.type.key);
    }
    return row;
  };
  // One row of every table this one references, for valid references.
  for (const c of Object.values(schema.tables[table]!.columns)) {
    for (const b of [c.type.key, c.type.value]) {
      if (b?.refTable && !pool.has(b.refTable))
        pool.set(b.refTable, tx.insert(b.refTable, fill(b.refTable, 1)).namedUuid);
    }
  }
  const row = fill(table, 0);
  return { ops: tx.operations(), row, pool };
}

const wireAtom = fc.oneof(
  fc.integer(),
  fc.constantFrom(2 ** 53, -(2 ** 62), 4096, 65536, 32768, -1, 0),
  // ovsdb-client (the oracle's transport) re-prints reals with 15 significant digits, which can
  // turn 9999999999.999996 into the integer 10000000000: draw reals it passes through unchanged.
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e10, max: 1e10 }).map((x) => Number(x.toPrecision(15))),
  fc.boolean(),
  fc.string({ maxLength: 70 }),
  fc.constantFrom('', 'drop', 'allow', 'to-lport', 'geneve', 'ingress', 'secure'),
  fc.uuid().map((u) => ['uuid', u]),
  fc.constantFrom(['uuid', 'not-a-uuid'], ['frob', 1], null, { a: 1 }),
);
const wireValue = fc.oneof(
  { weight: 3, arbitrary: wireAtom },
  { weight: 2, arbitrary: fc.array(wireAtom, { maxLength: 4 }).map((xs) => ['set', xs]) },
  { weight: 2, arbitrary: fc.array(fc.tuple(wireAtom, wireAtom), { maxLength: 3 }).map((ps) => ['map', ps]) },
  { weight: 1, arbitrary: fc.constantFrom(['set'], ['map', 5], ['set', [1], 2], []) },
);

interface Case {
  schema: DatabaseSchema;
  table: string;
  column: string;
  kind: 'insert' | 'update' | 'condition' | 'mutate';
  fn: string;
  value: unknown;
}

const caseArb: fc.Arbitrary<Case> = fc
  .constantFrom(
    ...SCHEMAS.flatMap((schema) =>
      Object.values(schema.tables).flatMap((t) =>
        Object.values(t.columns).map((c) => ({ schema, table: t.name, col: c })),
      ),
    ),
  )
  .chain(({ schema, table, col }) => {
    const refs = (rt: string) => [{ namedUuid: `pool_${rt}` }];
    // Valid values come from the column's type (references to the pool rows), converted to the wire.
    const valid = datumArb(col.type, refs).map((v) => {
      try {
        return datumToWire(col.type, v, { database: schema.name, table, column: col.name });
      } catch {
        return v;
      }
    });
    return fc.record({
      schema: fc.constant(schema),
      table: fc.constant(table),
      column: fc.constant(col.name),
      kind: fc.constantFrom('insert' as const, 'update' as const, 'condition' as const, 'mutate' as const),
      fn: fc.constantFrom(
        '==',
        '!=',
        '<',
        '<=',
        '>',
        '>=',
        'includes',
        'excludes',
        '+=',
        '-=',
        '*=',
        '/=',
        '%=',
        'insert',
        'delete',
      ),
      value: fc.oneof(valid, wireValue),
    });
  });

function buildOps(c: Case): Operation[] {
  const { ops, row, pool } = minimalOps(c.schema, c.table);
  const rename = (v: unknown): unknown =>
    Array.isArray(v) && v[0] === 'named-uuid' && typeof v[1] === 'string' && v[1].startsWith('pool_')
      ? ['named-uuid', pool.get(v[1].slice(5)) ?? v[1]]
      : Array.isArray(v)
        ? v.map(rename)
        : v;
  const value = rename(c.value);
  const t = c.schema.tables[c.table]!;
  // The minimal row in wire form (required columns only), with the case's column added.
  const wireRow: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row))
    wireRow[k] = datumToWire(t.columns[k]!.type, rename(v) as never, {
      database: c.schema.name,
      table: c.table,
      column: k,
    });
  const out: Operation[] = [...ops];
  if (c.kind === 'insert')
    out.push({ op: 'insert', table: c.table, row: { ...wireRow, [c.column]: value } } as Operation);
  else if (c.kind === 'update')
    out.push(
      { op: 'insert', table: c.table, row: wireRow } as Operation,
      { op: 'update', table: c.table, where: [], row: { [c.column]: value } } as Operation,
    );
  else if (c.kind === 'mutate') {
    out.push(
      { op: 'insert', table: c.table, row: wireRow } as Operation,
      { op: 'mutate', table: c.table, where: [], mutations: [[c.column, c.fn, value]] } as Operation,
    );
  } else out.push({ op: 'select', table: c.table, where: [[c.column, c.fn, value]] } as Operation);
  out.push({ op: 'abort' });
  return out;
}

describe('validator vs ovsdb-server on random values', () => {
  it('accepts exactly what the server accepts', { timeout: 1_200_000 }, async () => {
    let compared = 0;
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        const col = c.schema.tables[c.table]!.columns[c.column]!;
        const isCond = ['==', '!=', '<', '<=', '>', '>=', 'includes', 'excludes'].includes(c.fn);
        if (c.kind === 'condition' && !isCond) return;
        if (c.kind === 'mutate' && isCond) return;
        if (c.kind === 'condition' && (c.fn === 'includes' || c.fn === 'excludes') && columnKind(col.type) === 'atom')
          return;
        const ops = buildOps(c);
        let ours: string | undefined;
        try {
          validateOperations(c.schema, ops);
        } catch (e) {
          ours = (e as { code?: string }).code ?? String(e);
        }
        let theirs: string | undefined;
        try {
          const results = await server.transact(c.schema.name, ops);
          const err = results
            .slice(0, ops.length - 1)
            .find((r) => r !== null && typeof r === 'object' && 'error' in r) as
            { error: string; details?: string } | undefined;
          if (err) theirs = `${err.error}: ${err.details ?? ''}`;
          else if (!(results[ops.length - 1] as { error?: string } | undefined)?.error) theirs = 'no abort result';
        } catch (e) {
          theirs = `ovsdb-client: ${(e as Error).message.split('\n').slice(-2).join(' ')}`;
        }
        // A mutation the validator accepts can still fail on the row's value (the result leaves the
        // column's range or size, overflows): those are not schema errors.
        if (
          c.kind === 'mutate' &&
          ours === undefined &&
          theirs !== undefined &&
          /^(constraint violation|range error|domain error):/.test(theirs)
        )
          return;
        compared++;
        if (ours === undefined && theirs === undefined) accepted++;
        expect({ validator: ours ?? 'accepted', server: theirs ?? 'accepted' }).toSatisfy(
          (v: { validator: string; server: string }) => (v.validator === 'accepted') === (v.server === 'accepted'),
          `${c.schema.name}.${c.table}.${c.column} ${c.kind} ${c.kind === 'condition' ? c.fn : ''} ${JSON.stringify(c.value)}`,
        );
      }),
      // Larger runs: TYPED_DIFF_RUNS=2000 TYPED_DIFF_SEED=$RANDOM npx vitest run test/integration/ovsdb/typed/differential.test.ts
      { numRuns: Number(process.env.TYPED_DIFF_RUNS ?? 60), seed: Number(process.env.TYPED_DIFF_SEED ?? 7047) },
    );
    // Both outcomes were exercised.
    expect(compared).toBeGreaterThan(25);
    expect(accepted).toBeGreaterThan(3);
    expect(compared - accepted).toBeGreaterThan(3);
  });
});
