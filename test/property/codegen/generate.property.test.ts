/**
 * The generator over random schemas: deterministic, independent of the input's key order, the
 * embedded schema evaluates back to what parseSchema returns, and the output is valid TypeScript.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import ts from 'typescript';
import { generateFromSchemaJson } from '../../../src/codegen/index.js';
import { CodegenNameCollisionError } from '../../../src/codegen/errors.js';
import { parseSchema } from '../../../src/ovsdb/schema.js';

const ident = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,10}$/);
const str = fc.string({ maxLength: 6 });

function baseArb(tables: readonly string[]): fc.Arbitrary<unknown> {
  const options: fc.Arbitrary<unknown>[] = [
    fc.constantFrom('integer', 'real', 'boolean', 'string', 'uuid'),
    fc.record(
      {
        type: fc.constant('integer'),
        minInteger: fc.integer({ min: -1000, max: 0 }),
        maxInteger: fc.integer({ min: 0, max: 2 ** 40 }),
      },
      { requiredKeys: ['type'] },
    ),
    fc.record(
      {
        type: fc.constant('real'),
        minReal: fc.double({ min: -1e6, max: 0, noNaN: true }),
        maxReal: fc.double({ min: 0, max: 1e6, noNaN: true }),
      },
      { requiredKeys: ['type'] },
    ),
    fc.record(
      {
        type: fc.constant('string'),
        minLength: fc.integer({ min: 0, max: 3 }),
        maxLength: fc.integer({ min: 3, max: 64 }),
      },
      { requiredKeys: ['type'] },
    ),
    fc.record({
      type: fc.constant('string'),
      enum: fc.uniqueArray(str, { minLength: 1, maxLength: 4 }).map((xs) => ['set', xs]),
    }),
    fc.record({
      type: fc.constant('integer'),
      enum: fc.uniqueArray(fc.integer({ min: -5, max: 5 }), { minLength: 1, maxLength: 4 }).map((xs) => ['set', xs]),
    }),
  ];
  if (tables.length)
    options.push(
      fc.record(
        { type: fc.constant('uuid'), refTable: fc.constantFrom(...tables), refType: fc.constantFrom('strong', 'weak') },
        { requiredKeys: ['type', 'refTable'] },
      ),
    );
  return fc.oneof(...options);
}

const typeArb = (tables: readonly string[]) =>
  fc.oneof(
    fc.constantFrom('integer', 'real', 'boolean', 'string', 'uuid'),
    baseArb(tables).map((key) => ({ key })),
    fc
      .record({
        key: baseArb(tables),
        value: fc.option(baseArb(tables), { nil: undefined }),
        min: fc.constantFrom(0, 1),
        max: fc.oneof(fc.constant('unlimited'), fc.integer({ min: 1, max: 9 })),
      })
      .map(({ value, ...t }) => (value === undefined ? t : { ...t, value })),
  );

const schemaArb = fc
  .uniqueArray(ident, { minLength: 1, maxLength: 4, selector: (s) => s.toLowerCase() })
  .chain((tables) =>
    fc.record({
      name: ident,
      version: fc.tuple(fc.nat(20), fc.nat(20), fc.nat(20)).map((v) => v.join('.')),
      tables: fc
        .tuple(
          ...tables.map((t) =>
            fc
              .record({
                columns: fc.dictionary(
                  ident,
                  fc.record({ type: typeArb(tables), mutable: fc.boolean(), ephemeral: fc.boolean() }),
                  { minKeys: 1, maxKeys: 6 },
                ),
                isRoot: fc.boolean(),
                maxRows: fc.option(fc.integer({ min: 1, max: 100 }), { nil: undefined }),
              })
              .map((tv) => [t, Object.fromEntries(Object.entries(tv).filter(([, v]) => v !== undefined))] as const),
          ),
        )
        .map((entries) => Object.fromEntries(entries)),
    }),
  );

/** Rebuilds every object with its keys in a random order. */
const shuffleKeys = (v: unknown, rnd: () => number): unknown => {
  if (Array.isArray(v)) return v.map((x) => shuffleKeys(x, rnd));
  if (v && typeof v === 'object') {
    const entries = Object.entries(v).map(([k, x]) => [k, shuffleKeys(x, rnd)] as const);
    for (let i = entries.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [entries[i], entries[j]] = [entries[j]!, entries[i]!];
    }
    return Object.fromEntries(entries);
  }
  return v;
};

function generateOrCollide(raw: unknown) {
  try {
    return generateFromSchemaJson(raw);
  } catch (e) {
    if (e instanceof CodegenNameCollisionError) return undefined;
    throw e;
  }
}

describe('generateModel on random schemas', () => {
  it('is deterministic, key-order independent, embeds the parsed schema, and emits valid TypeScript', () => {
    fc.assert(
      fc.property(schemaArb, fc.integer(), (raw, seed) => {
        const g = generateOrCollide(raw);
        if (!g) return;
        let s = seed;
        const rnd = () => ((s = (s * 1103515245 + 12345) | 0) >>> 0) / 2 ** 32;
        expect(generateFromSchemaJson(shuffleKeys(raw, rnd)).source).toBe(g.source);
        expect(generateFromSchemaJson(raw).source).toBe(g.source);

        const head = `export const ${g.exports.schema} = `;
        const start = g.source.indexOf(head) + head.length;
        const end = g.source.indexOf(' as const satisfies DatabaseSchema;');
        expect(new Function(`return ${g.source.slice(start, end)};`)()).toEqual(parseSchema(raw));

        const out = ts.transpileModule(g.source, {
          reportDiagnostics: true,
          compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
        });
        expect(out.diagnostics?.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')) ?? []).toEqual([]);
        for (const t of Object.keys(g.schema.tables)) expect(g.source).toContain(`readonly ${t}: {`);
      }),
      { numRuns: 30, seed: 20261126 },
    );
  });
});

describe('generated code type-checks', () => {
  it('for random schemas, together with uses of the typed API', { timeout: 60_000 }, () => {
    const runtime = resolve(import.meta.dirname, '../../../src/ovsdb/typed/index.js');
    const dir = mkdtempSync(join(tmpdir(), `codegen-tc-${process.pid}-`));
    try {
      const files: string[] = [];
      fc.sample(schemaArb, { numRuns: 8, seed: 4242 }).forEach((raw, i) => {
        const g = generateOrCollide({ ...raw, name: `Db${i}_${raw.name}` });
        if (!g) return;
        const model = generateFromSchemaJson({ ...raw, name: `Db${i}_${raw.name}` }, { runtimeImport: runtime });
        const file = join(dir, `m${i}.gen.ts`);
        writeFileSync(file, model.source);
        // A use of every table through the typed API, so the shapes are checked against it.
        const uses = Object.keys(model.schema.tables)
          .map((t) => `tx.select('${t}', []); tx.delete('${t}', [['_uuid', '!=', tx.ref('${t}')]]);`)
          .join('\n');
        const use = join(dir, `use${i}.ts`);
        writeFileSync(
          use,
          `import { transaction } from '${runtime}';\nimport { ${model.exports.model} } from './m${i}.gen.js';\nconst tx = transaction(${model.exports.model});\n${uses}\nexport {};\n`,
        );
        files.push(file, use);
      });
      expect(files.length).toBeGreaterThan(6);
      const program = ts.createProgram(files, {
        strict: true,
        noUncheckedIndexedAccess: true,
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.NodeNext,
        moduleResolution: ts.ModuleResolutionKind.NodeNext,
        skipLibCheck: true,
        noEmit: true,
        types: [],
        // A small lib keeps the check quick; only diagnostics in the generated files are looked at.
        lib: ['lib.es2015.d.ts'],
      });
      const diags = ts.getPreEmitDiagnostics(program).filter((d) => d.file && d.file.fileName.startsWith(dir));
      expect(diags.map((d) => `${d.file!.fileName}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`)).toEqual(
        [],
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
