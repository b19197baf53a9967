/**
 * Open vSwitch's own test-ovsdb cases (tests/ovsdb-*.at, extracted into ovs-at/cases.json) as data:
 * every type, column, table and schema they parse, every atom and datum, every condition and every
 * mutation goes through ovsdb-tool (the oracle: `create` for schemas, `transact` with `[op, abort]` for
 * the rest) and through the SDK (parseSchema, validateOperations). The SDK must decide as the tool
 * does. Operations are written as the SDK writes them (integers exactly: 2^63, JSON.parse's reading of
 * INT64_MAX, as 9223372036854775807). (test-ovsdb's own expectations are not used: it parses pieces alone, without a database, and
 * some of its positives — a refTable to a table that does not exist — are no valid database.)
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { HarnessCommandError, run } from '../../../src/testing/index.js';
import { parseSchema, validateOperations, type DatabaseSchema, type Operation } from '../../../src/ovsdb/index.js';
import { stringifyExact } from '../../../src/jsonrpc/exact-int.js';

interface AtCase {
  readonly file: string;
  readonly title: string;
  readonly command: string;
  readonly args: readonly unknown[];
}
const { cases } = JSON.parse(readFileSync(new URL('./ovs-at/cases.json', import.meta.url), 'utf8')) as {
  cases: AtCase[];
};

/** test-ovsdb reads a one-element array as its element (unbox_json). */
const unbox = (j: unknown) => (Array.isArray(j) && j.length === 1 ? j[0] : j);
const db = (tables: object) => ({ name: 'X', version: '1.0.0', tables });
const oneColumn = (type: unknown) => db({ T: { columns: { c: { type } } } });

interface Judgment {
  readonly title: string;
  readonly schema: unknown;
  /** Operations on table T, each judged alone; none: the schema is the case. */
  readonly ops: readonly object[];
}

function judgment(c: AtCase): Judgment | undefined {
  const a = c.args;
  const title = `${c.file}: ${c.title}`;
  const select = (where: unknown) => ({ op: 'select', table: 'T', where });
  const mutate = (mutations: unknown) => ({ op: 'mutate', table: 'T', where: [], mutations });
  const insert = (row: unknown) => ({ op: 'insert', table: 'T', row });
  switch (c.command) {
    case 'parse-atomic-type':
    case 'parse-type':
      return { title, schema: oneColumn(unbox(a[0])), ops: [] };
    case 'parse-base-type':
      return { title, schema: oneColumn({ key: unbox(a[0]) }), ops: [] };
    case 'parse-column':
      return { title, schema: db({ T: { columns: { c: a[0] } } }), ops: [] };
    case 'parse-table':
      return { title, schema: db({ T: a[0] }), ops: [] };
    case 'parse-schema':
      return { title, schema: a[0], ops: [] };
    case 'parse-atoms':
      return { title, schema: oneColumn({ key: unbox(a[0]) }), ops: a.slice(1).map((x) => insert({ c: unbox(x) })) };
    case 'parse-data':
      return { title, schema: oneColumn(unbox(a[0])), ops: a.slice(1).map((x) => insert({ c: unbox(x) })) };
    case 'parse-conditions':
      return { title, schema: db({ T: a[0] }), ops: a.slice(1).map(select) };
    case 'compare-conditions':
      return { title, schema: db({ T: a[0] }), ops: (a[1] as unknown[]).map(select) };
    case 'evaluate-conditions':
    case 'evaluate-conditions-any':
      return {
        title,
        schema: db({ T: a[0] }),
        ops: [...(a[1] as unknown[]).map(select), ...(a[2] as unknown[]).map(insert)],
      };
    case 'parse-mutations':
      return { title, schema: db({ T: a[0] }), ops: a.slice(1).map(mutate) };
    case 'execute-mutations':
      return {
        title,
        schema: db({ T: a[0] }),
        ops: [...(a[1] as unknown[]).map(mutate), ...(a[2] as unknown[]).map(insert)],
      };
    default:
      return undefined;
  }
}

const dir = mkdtempSync(join(tmpdir(), 'ovs-at-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const errorOf = (e: unknown) => (e as { code?: string }).code ?? String(e);

interface Outcome {
  readonly what: string;
  readonly tool: string;
  readonly sdk: string;
}

async function judge(j: Judgment, i: number): Promise<Outcome[]> {
  const file = join(dir, `s${i}.ovsschema`);
  const dbFile = join(dir, `s${i}.db`);
  writeFileSync(file, JSON.stringify(j.schema));
  let tool = 'accepted';
  try {
    await run('ovsdb-tool', ['create', dbFile, file]);
  } catch (e) {
    if (!(e instanceof HarnessCommandError)) throw e;
    tool = 'refused';
  }
  let schema: DatabaseSchema | undefined;
  let sdk = 'accepted';
  try {
    schema = parseSchema(j.schema);
  } catch (e) {
    sdk = `refused (${errorOf(e)})`;
  }
  const out: Outcome[] = [{ what: `${j.title}: schema`, tool, sdk: sdk.startsWith('refused') ? 'refused' : sdk }];
  if (tool !== 'accepted' || !schema) return out;
  for (const op of j.ops) {
    const res = JSON.parse(
      (await run('ovsdb-tool', ['transact', dbFile, stringifyExact(['X', op, { op: 'abort' }])])).stdout,
    ) as ({ error?: string } | null)[];
    const err = res[0]?.error;
    let mine = 'accepted';
    try {
      validateOperations(schema, [op as Operation]);
    } catch (e) {
      mine = 'refused';
      // A refusal must be typed (an OVSDB_* code), never a TypeError from deep inside.
      if (!errorOf(e).startsWith('OVSDB_')) mine = `untyped: ${String(e)}`;
    }
    out.push({ what: `${j.title}: ${JSON.stringify(op)}`, tool: err ? `refused` : 'accepted', sdk: mine });
  }
  return out;
}

test(
  `Open vSwitch's test-ovsdb cases (${cases.length}): the SDK decides as ovsdb-tool`,
  { timeout: 240_000 },
  async () => {
    const judgments = cases.map(judgment).filter((j): j is Judgment => j !== undefined);
    const outcomes: Outcome[] = [];
    // Two at a time: this machine has two cores.
    for (let i = 0; i < judgments.length; i += 2) {
      const batch = await Promise.all(judgments.slice(i, i + 2).map((j, k) => judge(j, i + k)));
      for (const b of batch) outcomes.push(...b);
    }
    const disagreements = outcomes.filter((o) => o.tool !== o.sdk);
    expect(disagreements).toEqual([]);
    // The data covers both decisions.
    expect(outcomes.length).toBeGreaterThan(500);
    expect(outcomes.filter((o) => o.tool === 'refused').length).toBeGreaterThan(50);
  },
);
