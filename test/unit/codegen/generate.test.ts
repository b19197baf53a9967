import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { generateFromSchemaJson, generateModel } from '../../../src/codegen/index.js';
import { formatValue, schemaValue } from '../../../src/codegen/generate.js';
import { camelCase, kebabCase, pascalCase, quote } from '../../../src/codegen/names.js';
import { main, parseArgs } from '../../../src/codegen/cli.js';
import { parseSchema } from '../../../src/ovsdb/schema.js';

/** A schema with one column of every shape the generator distinguishes. */
const SAMPLE = {
  name: 'Test_DB',
  version: '1.2.3',
  cksum: '123 456',
  tables: {
    Zeta: {
      columns: {
        parent: { type: { key: { type: 'uuid', refTable: 'Alpha_Beta', refType: 'weak' }, min: 0, max: 1 } },
      },
    },
    Alpha_Beta: {
      isRoot: true,
      maxRows: 10,
      indexes: [['name']],
      columns: {
        name: { type: { key: { type: 'string', minLength: 1, maxLength: 8 } } },
        mode: { type: { key: { type: 'string', enum: ['set', ['on', "it's"]] } } },
        prio: { type: { key: { type: 'integer', minInteger: 0, maxInteger: 4095 } } },
        weight: { type: { key: { type: 'real', minReal: 0.5 }, min: 0, max: 1 } },
        flag: { type: 'boolean' },
        tags: { type: { key: 'integer', min: 0, max: 'unlimited' } },
        kids: { type: { key: { type: 'uuid', refTable: 'Zeta' }, min: 1, max: 3 } },
        ids: { type: { key: 'string', value: 'string', min: 0, max: 'unlimited' } },
        limits: {
          type: {
            key: { type: 'string', enum: ['set', ['rate', 'burst']] },
            value: 'integer',
            min: 0,
            max: 'unlimited',
          },
        },
        by_num: {
          type: {
            key: { type: 'integer', minInteger: 0, maxInteger: 7 },
            value: { type: 'uuid', refTable: 'Zeta' },
            min: 0,
            max: 'unlimited',
          },
        },
        fixed: { type: 'string', mutable: false },
        eph: { type: { key: 'integer', min: 0, max: 1 }, ephemeral: true },
      },
    },
  },
};

describe('names', () => {
  it('maps OVSDB names to TypeScript names', () => {
    expect(pascalCase('Logical_Switch_Port')).toBe('LogicalSwitchPort');
    expect(pascalCase('sFlow')).toBe('SFlow');
    expect(pascalCase('_Server')).toBe('Server');
    expect(pascalCase('ACL')).toBe('ACL');
    expect(pascalCase('_')).toBe('Database');
    expect(camelCase('OVN_Northbound')).toBe('ovnNorthbound');
    expect(camelCase('Open_vSwitch')).toBe('openVSwitch');
    expect(camelCase('_Server')).toBe('server');
    expect(camelCase('ACL')).toBe('acl');
    expect(camelCase('lower_case')).toBe('lowerCase');
    expect(kebabCase('OVN_Southbound')).toBe('ovn-southbound');
    expect(kebabCase('Open_vSwitch')).toBe('open-vswitch');
    expect(kebabCase('_Server')).toBe('server');
  });
  it('quotes strings as valid single-quoted literals', () => {
    for (const s of ["it's", 'a"b', 'back\\slash', 'new\nline', '\u2028', 'é']) {
      expect(new Function(`return ${quote(s)};`)()).toBe(s);
    }
  });
});

describe('generateModel', () => {
  const g = generateFromSchemaJson(SAMPLE);
  const src = g.source;

  it('names the file and the exports after the database', () => {
    expect(g.fileName).toBe('test-db.gen.ts');
    expect(g.exports).toEqual({ tables: 'TestDBTables', schema: 'testDBSchema', model: 'testDBModel' });
    expect(src.startsWith('// generated — do not edit.')).toBe(true);
    expect(src).toContain('Test_DB schema, version 1.2.3 (cksum 123 456)');
    expect(src).toContain("import type { DatabaseModel, DatabaseSchema, Ref, Uuid } from 'ovn-sdk/ovsdb/typed';");
    expect(src).toContain('export const testDBModel: DatabaseModel<TestDBTables> = { schema: testDBSchema };');
  });

  it('writes the read shape with every column kind', () => {
    const row = src.slice(
      src.indexOf('export interface AlphaBetaRow {'),
      src.indexOf('export interface AlphaBetaInsert'),
    );
    expect(row).toContain("readonly _uuid: Uuid<'Alpha_Beta'>;");
    expect(row).toContain('readonly _version: string;');
    expect(row).toContain('readonly name: string;');
    expect(row).toContain("readonly mode: 'on' | 'it\\'s';");
    expect(row).toContain('readonly prio: number;');
    expect(row).toContain('readonly weight: number | undefined;');
    expect(row).toContain('readonly flag: boolean;');
    expect(row).toContain('readonly tags: readonly number[];');
    expect(row).toContain("readonly kids: readonly Uuid<'Zeta'>[];");
    expect(row).toContain('readonly ids: Readonly<Record<string, string>>;');
    expect(row).toContain("readonly limits: Readonly<Partial<Record<'rate' | 'burst', number>>>;");
    expect(row).toContain("readonly by_num: Readonly<Record<number, Uuid<'Zeta'>>>;");
    expect(row).toContain('/** integer 0..4095 */');
    expect(row).toContain('/** string length 1..8 */');
    expect(row).toContain('/** string; immutable */');
    expect(row).toContain('/** optional integer; ephemeral */');
    expect(row).toContain('/** set of 1..3 strong reference to Zeta */');
    expect(src).toContain('/** optional weak reference to Alpha_Beta */');
    expect(src).toContain('root table; at most 10 rows; indexes: (name)');
    expect(src).toContain('A row of `Zeta` as read from the server; non-root table');
  });

  it('writes insert (refs as Ref, required columns without ?) and update (no immutable columns) shapes', () => {
    const ins = src.slice(
      src.indexOf('export interface AlphaBetaInsert {'),
      src.indexOf('export interface AlphaBetaUpdate'),
    );
    expect(ins).toContain("readonly kids: readonly Ref<'Zeta'>[];"); // min 1 reference: required
    expect(ins).toContain("readonly mode: 'on' | 'it\\'s';"); // enum without "": required
    expect(ins).toContain('readonly name: string;'); // minLength 1: required
    expect(ins).toContain('readonly prio?: number;'); // 0 is in range
    expect(ins).toContain('readonly fixed?: string;');
    const upd = src.slice(
      src.indexOf('export interface AlphaBetaUpdate {'),
      src.indexOf('export type AlphaBetaCondition'),
    );
    expect(upd).not.toContain('fixed');
    expect(upd).toContain("readonly kids?: readonly Ref<'Zeta'>[];");
  });

  it('restricts conditions and mutations by column kind', () => {
    const cond = src.slice(src.indexOf('export type AlphaBetaCondition'), src.indexOf('export type AlphaBetaMutation'));
    expect(cond).toContain("readonly ['_uuid', '==' | '!=', Ref<'Alpha_Beta'>]");
    expect(cond).toContain("readonly ['prio', '==' | '!=' | '<' | '<=' | '>' | '>=', number]");
    expect(cond).toContain("readonly ['name', '==' | '!=', string]");
    expect(cond).toContain("readonly ['tags', '==' | '!=' | 'includes' | 'excludes', readonly number[]]");
    expect(cond).toContain("readonly ['weight', '==' | '!=' | 'includes' | 'excludes', number | undefined]");
    const mut = src.slice(src.indexOf('export type AlphaBetaMutation'), src.indexOf('// ---- Zeta'));
    expect(mut).toContain("readonly ['prio', '+=' | '-=' | '*=' | '/=' | '%=', number]");
    expect(mut).toContain("readonly ['weight', '+=' | '-=' | '*=' | '/=', number]");
    expect(mut).toContain("readonly ['tags', '+=' | '-=' | '*=' | '/=' | '%=', number]");
    expect(mut).toContain("readonly ['tags', 'insert' | 'delete', readonly number[]]");
    expect(mut).toContain(
      "readonly ['limits', 'delete', Readonly<Partial<Record<'rate' | 'burst', number>>> | readonly ('rate' | 'burst')[]]",
    );
    expect(mut).not.toContain("'fixed'");
    expect(mut).not.toContain("'name'");
    expect(mut).not.toContain("'flag'");
  });

  it('embeds the parsed schema, evaluating back to parseSchema’s result', () => {
    const start = src.indexOf('export const testDBSchema = ') + 'export const testDBSchema = '.length;
    const end = src.indexOf(' as const satisfies DatabaseSchema;');
    const value = new Function(`return ${src.slice(start, end)};`)();
    expect(value).toEqual(parseSchema(SAMPLE));
    expect(Object.keys(value.tables)).toEqual(['Alpha_Beta', 'Zeta']);
    expect(Object.keys(value.tables.Alpha_Beta.columns)).toEqual(
      [...Object.keys(SAMPLE.tables.Alpha_Beta.columns)].sort(),
    );
  });

  it('is deterministic and independent of the input key order', () => {
    const reversed = JSON.parse(
      JSON.stringify(SAMPLE, (_k, v) =>
        v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v,
      ),
    );
    expect(generateFromSchemaJson(reversed).source).toBe(src);
    expect(generateModel(parseSchema(SAMPLE)).source).toBe(src);
  });

  it('uses the runtime import given', () => {
    expect(generateFromSchemaJson(SAMPLE, { runtimeImport: '../typed/index.js' }).source).toContain(
      "from '../typed/index.js';",
    );
  });

  it('refuses two tables that map to one type name', () => {
    const col = { columns: { c: { type: 'integer' } } };
    const bad = { name: 'X', tables: { Foo_Bar: col, FooBar: col } };
    expect(() => generateFromSchemaJson(bad)).toThrow(
      expect.objectContaining({ code: 'CODEGEN_NAME_COLLISION', tables: ['FooBar', 'Foo_Bar'] }),
    );
  });

  it('refuses invalid schemas with the schema error', () => {
    expect(() => generateFromSchemaJson({ name: 'X', tables: { T: { columns: { c: { type: 'float' } } } } })).toThrow(
      expect.objectContaining({ code: 'OVSDB_SCHEMA_INVALID' }),
    );
  });

  it('writes a table without mutable columns with an empty update shape and no mutations', () => {
    const s = generateFromSchemaJson({
      name: 'X',
      tables: { T: { columns: { c: { type: 'string', mutable: false } } } },
    }).source;
    expect(s).toContain('export interface TUpdate {}');
    expect(s).toContain('export type TMutation = never;');
  });

  it('formats literals within the line width', () => {
    expect(formatValue({ a: 1, b: ['x', true] }, 0)).toBe("{ a: 1, b: ['x', true] }");
    const long = formatValue(schemaValue(parseSchema(SAMPLE)), 0);
    for (const line of long.split('\n')) expect(line.length).toBeLessThanOrEqual(121);
    expect(() => formatValue(Infinity, 0)).toThrow(expect.objectContaining({ code: 'CODEGEN_UNREPRESENTABLE' }));
  });
});

describe('ovsdb-codegen CLI', () => {
  it('parses its arguments and refuses bad ones', () => {
    expect(parseArgs(['a.ovsschema', '-o', 'out', '--runtime-import', 'x'])).toEqual({
      kind: 'generate',
      schemas: ['a.ovsschema'],
      outDir: 'out',
      options: { runtimeImport: 'x' },
    });
    expect(parseArgs(['a.ovsschema', 'b.ovsschema', '--out=out'])).toEqual({
      kind: 'generate',
      schemas: ['a.ovsschema', 'b.ovsschema'],
      outDir: 'out',
      options: {},
    });
    expect(parseArgs(['--help'])).toEqual({ kind: 'help' });
    expect(parseArgs(['a', '-v'])).toEqual({ kind: 'version' });
    for (const bad of [[], ['a'], ['-o', 'out'], ['a', '-o'], ['a', '-o', 'x', '--frob'], ['a', '--out=']]) {
      expect(() => parseArgs(bad)).toThrow(expect.objectContaining({ code: 'CODEGEN_USAGE' }));
    }
  });

  it('writes the model file and reports errors with exit codes', () => {
    const dir = mkdtempSync(join(tmpdir(), `codegen-${process.pid}-`));
    try {
      const schema = join(dir, 'test.ovsschema');
      writeFileSync(schema, JSON.stringify(SAMPLE));
      const out: string[] = [];
      const err: string[] = [];
      expect(
        main(
          [schema, '-o', join(dir, 'out')],
          (s) => out.push(s),
          (s) => err.push(s),
        ),
      ).toBe(0);
      expect(out).toEqual([`${join(dir, 'out', 'test-db.gen.ts')}\n`]);
      expect(readFileSync(join(dir, 'out', 'test-db.gen.ts'), 'utf8')).toBe(generateFromSchemaJson(SAMPLE).source);
      expect(
        main(
          [],
          () => {},
          (s) => err.push(s),
        ),
      ).toBe(2);
      const help: string[] = [];
      expect(main(['--help'], (s) => help.push(s))).toBe(0);
      expect(help.join('')).toContain('--out=DIR');
      const version: string[] = [];
      expect(main(['--version'], (s) => version.push(s))).toBe(0);
      expect(version).toEqual([
        `${JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')).version}\n`,
      ]);
      expect(
        main(
          [join(dir, 'missing.ovsschema'), '-o', dir],
          () => {},
          (s) => err.push(s),
        ),
      ).toBe(1);
      writeFileSync(join(dir, 'bad.ovsschema'), '{ not json');
      expect(
        main(
          [join(dir, 'bad.ovsschema'), '-o', dir],
          () => {},
          (s) => err.push(s),
        ),
      ).toBe(1);
      expect(err.map((e) => e.split(':')[1]!.trim())).toEqual(['CODEGEN_USAGE', 'CODEGEN_IO', 'CODEGEN_IO']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('runs as a command (exit status 0, prints the file it wrote)', { timeout: 90_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), `codegen-cmd-${process.pid}-`));
    try {
      // A schema of the test's own (no OVS installation needed); node itself, not an OVS binary.
      writeFileSync(join(dir, 'sample.ovsschema'), JSON.stringify(SAMPLE));
      const printed = execFileSync(
        process.execPath,
        ['--import', 'tsx', 'src/codegen/cli.ts', join(dir, 'sample.ovsschema'), '-o', dir],
        { encoding: 'utf8' },
      );
      expect(printed.trim()).toBe(join(dir, 'test-db.gen.ts'));
      expect(readFileSync(join(dir, 'test-db.gen.ts'), 'utf8')).toBe(generateFromSchemaJson(SAMPLE).source);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
