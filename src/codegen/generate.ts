/**
 * Schema → TypeScript model generator (the library behind `ovsdb-codegen`).
 *
 * One `<database>.gen.ts` per schema: for every table a read shape (`…Row`), an insert shape
 * (`…Insert`), an update shape without immutable columns (`…Update`), the allowed conditions
 * (`…Condition`) and mutations (`…Mutation`) as unions of tuples restricted by column kind, a
 * `…Tables` interface tying them together, the parsed schema embedded `as const`, and a
 * `…Model` constant for `transaction()`. The generator does the type-level work (it spells every
 * union out) so that the compiler only checks plain interfaces and unions.
 *
 * Output is a pure function of the parsed schema: tables and columns sorted by name, a fixed key
 * order everywhere, no dates or paths.
 */
import type { BaseType, ColumnSchema, ColumnType, DatabaseSchema, TableSchema } from '../ovsdb/schema.js';
import { columnKind, parseSchema } from '../ovsdb/schema.js';
import { requiredOnInsert } from '../ovsdb/defaults.js';
import { CodegenNameCollisionError, CodegenUnrepresentableError } from './errors.js';
import { camelCase, kebabCase, pascalCase, propertyKey, quote } from './names.js';

/** Options of {@link generateModel}. */
export interface GenerateOptions {
  /**
   * Module the generated file imports its types (`Uuid`, `Ref`, `DatabaseModel`, `DatabaseSchema`)
   * from. Default `'ovn-sdk/ovsdb/typed'`.
   */
  readonly runtimeImport?: string;
}

/** One generated file. */
export interface GeneratedModel {
  /** File name, e.g. `ovn-northbound.gen.ts`. */
  readonly fileName: string;
  readonly source: string;
  /** The exported names, for callers that generate an index. */
  readonly exports: { readonly tables: string; readonly schema: string; readonly model: string };
  readonly schema: DatabaseSchema;
}

/** Module the generated code imports its runtime helpers from, unless `runtimeImport` says otherwise. */
export const DEFAULT_RUNTIME_IMPORT = 'ovn-sdk/ovsdb/typed';
const WIDTH = 120;

/**
 * Generates the TypeScript model of one database from a schema document.
 * @param schemaJson an `.ovsschema` document (or a `get_schema` reply), already JSON-parsed.
 * @throws {OvsdbSchemaError} `OVSDB_SCHEMA_INVALID` when the document is not a valid schema.
 * @throws {CodegenNameCollisionError} `CODEGEN_NAME_COLLISION` when two tables map to the same TypeScript name.
 * @example
 * const { fileName, source } = generateFromSchemaJson(JSON.parse(readFileSync('ovn-nb.ovsschema', 'utf8')));
 */
export function generateFromSchemaJson(schemaJson: unknown, options: GenerateOptions = {}): GeneratedModel {
  return generateModel(parseSchema(schemaJson), options);
}

/**
 * Generates the TypeScript model of one parsed database schema (see {@link generateFromSchemaJson}).
 * @throws {CodegenNameCollisionError} `CODEGEN_NAME_COLLISION`; {CodegenUnrepresentableError} `CODEGEN_UNREPRESENTABLE`
 */
export function generateModel(db: DatabaseSchema, options: GenerateOptions = {}): GeneratedModel {
  const runtime = options.runtimeImport ?? DEFAULT_RUNTIME_IMPORT;
  const dbPascal = pascalCase(db.name);
  const names = {
    tables: `${dbPascal}Tables`,
    schema: `${camelCase(db.name)}Schema`,
    model: `${camelCase(db.name)}Model`,
  };
  const tables = Object.keys(db.tables).sort();
  const typeNames = new Map<string, string>();
  const taken = new Map<string, string>([[names.tables, '(database)']]);
  for (const t of tables) {
    const base = pascalCase(t);
    for (const suffix of ['Row', 'Insert', 'Update', 'Condition', 'Mutation']) {
      const n = base + suffix;
      const other = taken.get(n);
      if (other !== undefined)
        throw new CodegenNameCollisionError(`tables "${other}" and "${t}" both generate the type name ${n}`, [
          other,
          t,
        ]);
      taken.set(n, t);
    }
    typeNames.set(t, base);
  }

  const out: string[] = [];
  out.push(
    `// generated — do not edit. Produced by ovsdb-codegen from the ${db.name} schema, version ${db.version}${db.cksum ? ` (cksum ${db.cksum})` : ''}.`,
    '// Regenerate with `ovsdb-codegen <schema.ovsschema> -o <dir>`.',
    '/* eslint-disable */',
    `import type { DatabaseModel, DatabaseSchema, Ref, Uuid } from ${quote(runtime)};`,
    '',
  );
  for (const t of tables) emitTable(out, db.tables[t]!, typeNames.get(t)!);

  out.push(`/** Every table of ${db.name} with its shapes; the type parameter of {@link ${names.model}}. */`);
  out.push(`export interface ${names.tables} {`);
  for (const t of tables) {
    const b = typeNames.get(t)!;
    out.push(`  readonly ${propertyKey(t)}: {`);
    out.push(`    readonly row: ${b}Row;`);
    out.push(`    readonly insert: ${b}Insert;`);
    out.push(`    readonly update: ${b}Update;`);
    out.push(`    readonly condition: ${b}Condition;`);
    out.push(`    readonly mutation: ${b}Mutation;`);
    out.push('  };');
  }
  out.push('}', '');
  out.push(`/** The ${db.name} schema (version ${db.version}) as \`parseSchema\` returns it, for runtime checks. */`);
  const head = `export const ${names.schema} = `;
  out.push(`${head}${formatValue(schemaValue(db), 0, head.length)} as const satisfies DatabaseSchema;`, '');
  out.push(`/** The ${db.name} model: pass it to \`transaction()\` for typed operations. */`);
  out.push(`export const ${names.model}: DatabaseModel<${names.tables}> = { schema: ${names.schema} };`);
  out.push('');
  return { fileName: `${kebabCase(db.name)}.gen.ts`, source: out.join('\n'), exports: names, schema: db };
}

// ---- row shapes ---------------------------------------------------------------------------------

function atomType(b: BaseType, input: boolean): string {
  if (b.enum && b.enum.length > 0 && b.type !== 'uuid') return b.enum.map(literal).join(' | ');
  switch (b.type) {
    case 'integer':
    case 'real':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'string':
      return 'string';
    case 'uuid':
      if (!b.refTable) return 'string';
      return input ? `Ref<${quote(b.refTable)}>` : `Uuid<${quote(b.refTable)}>`;
  }
}

function literal(a: string | number | boolean): string {
  return typeof a === 'string' ? quote(a) : String(a);
}

const paren = (t: string) => (t.includes(' | ') ? `(${t})` : t);

/** The JS key type of a map column: `string`, `number` or an enum union. */
function mapKeyType(b: BaseType): { type: string; partial: boolean } {
  if (b.enum && b.enum.length > 0 && b.type === 'string')
    return { type: b.enum.map(literal).join(' | '), partial: true };
  if (b.type === 'integer' || b.type === 'real') return { type: 'number', partial: false };
  return { type: 'string', partial: false };
}

function datumType(t: ColumnType, input: boolean): string {
  const kind = columnKind(t);
  const key = atomType(t.key, input);
  switch (kind) {
    case 'atom':
      return key;
    case 'optional':
      return `${key} | undefined`;
    case 'set':
      return `readonly ${paren(key)}[]`;
    case 'map': {
      const k = mapKeyType(t.key);
      const v = atomType(t.value!, input);
      return k.partial ? `Readonly<Partial<Record<${k.type}, ${v}>>>` : `Readonly<Record<${k.type}, ${v}>>`;
    }
  }
}

function describeBase(b: BaseType): string {
  const parts: string[] = [];
  if (b.refTable) parts.push(`${b.refType === 'weak' ? 'weak' : 'strong'} reference to ${b.refTable}`);
  else parts.push(b.type);
  if (b.minInteger !== undefined || b.maxInteger !== undefined)
    parts.push(`${b.minInteger ?? '-∞'}..${b.maxInteger ?? '∞'}`);
  if (b.minReal !== undefined || b.maxReal !== undefined) parts.push(`${b.minReal ?? '-∞'}..${b.maxReal ?? '∞'}`);
  if (b.minLength !== undefined || b.maxLength !== undefined)
    parts.push(`length ${b.minLength ?? 0}..${b.maxLength ?? '∞'}`);
  return parts.join(' ');
}

function describeColumn(c: ColumnSchema): string {
  const t = c.type;
  const kind = columnKind(t);
  let s: string;
  if (kind === 'map') s = `map ${describeBase(t.key)} → ${describeBase(t.value!)}`;
  else if (kind === 'atom') s = describeBase(t.key);
  else if (kind === 'optional') s = `optional ${describeBase(t.key)}`;
  else s = `set of ${t.min}..${t.max === 'unlimited' ? '∞' : t.max} ${describeBase(t.key)}`;
  if (kind === 'map' && (t.min !== 0 || t.max !== 'unlimited'))
    s += ` (${t.min}..${t.max === 'unlimited' ? '∞' : t.max} pairs)`;
  const flags = [c.mutable ? '' : 'immutable', c.ephemeral ? 'ephemeral' : ''].filter(Boolean);
  return flags.length ? `${s}; ${flags.join(', ')}` : s;
}

function emitTable(out: string[], table: TableSchema, base: string): void {
  const cols = Object.keys(table.columns)
    .sort()
    .map((c) => table.columns[c]!);
  const self = quote(table.name);
  const facts = [
    table.isRoot ? 'root table' : 'non-root table (garbage-collected when unreferenced)',
    table.maxRows !== undefined ? `at most ${table.maxRows} rows` : '',
    table.indexes.length ? `indexes: ${table.indexes.map((ix) => `(${ix.join(', ')})`).join(', ')}` : '',
  ].filter(Boolean);
  out.push(`// ---- ${table.name} ${'-'.repeat(Math.max(4, 96 - table.name.length))}`, '');
  out.push(`/** A row of \`${table.name}\` as read from the server; ${facts.join('; ')}. */`);
  out.push(`export interface ${base}Row {`);
  out.push(`  readonly _uuid: Uuid<${self}>;`);
  out.push('  readonly _version: string;');
  for (const c of cols) {
    out.push(`  /** ${describeColumn(c)} */`);
    out.push(`  readonly ${propertyKey(c.name)}: ${datumType(c.type, false)};`);
  }
  out.push('}', '');
  out.push(
    `/** Columns of a new \`${table.name}\` row; an omitted column takes its default (required: columns whose default the server would refuse). */`,
  );
  out.push(`export interface ${base}Insert {`);
  for (const c of cols)
    out.push(`  readonly ${propertyKey(c.name)}${requiredOnInsert(c) ? '' : '?'}: ${datumType(c.type, true)};`);
  out.push('}', '');
  const mutableCols = cols.filter((c) => c.mutable);
  out.push(`/** Columns an \`update\` of \`${table.name}\` may set (immutable columns are not here). */`);
  if (mutableCols.length === 0) out.push(`export interface ${base}Update {}`);
  else {
    out.push(`export interface ${base}Update {`);
    for (const c of mutableCols) out.push(`  readonly ${propertyKey(c.name)}?: ${datumType(c.type, true)};`);
    out.push('}');
  }
  out.push('');

  // RFC 7047 §5.1 conditions; ordering only on single or optional integer/real columns, includes/excludes
  // only on sets (including optional columns) and maps — the same rules ovsdb-server applies.
  const conds: string[] = [
    `readonly ['_uuid', '==' | '!=', Ref<${self}>]`,
    `readonly ['_version', '==' | '!=', string]`,
  ];
  for (const c of cols) {
    const kind = columnKind(c.type);
    const fns = ["'=='", "'!='"];
    const numeric = c.type.key.type === 'integer' || c.type.key.type === 'real';
    if (kind === 'atom' && numeric) fns.push("'<'", "'<='", "'>'", "'>='");
    if (kind !== 'atom') fns.push("'includes'", "'excludes'");
    conds.push(`readonly [${quote(c.name)}, ${fns.join(' | ')}, ${datumType(c.type, true)}]`);
    // An optional number is ordered against one number (as ovsdb-server allows).
    if (kind === 'optional' && numeric)
      conds.push(`readonly [${quote(c.name)}, '<' | '<=' | '>' | '>=', ${atomType(c.type.key, true)}]`);
  }
  out.push(`/** Conditions on \`${table.name}\` (RFC 7047 §5.1), restricted by column kind. */`);
  out.push(`export type ${base}Condition =`);
  conds.forEach((c, i) => out.push(`  | ${c}${i === conds.length - 1 ? ';' : ''}`));
  out.push('');

  // RFC 7047 §5.1 mutators: arithmetic on integer/real atoms and sets (`%=` on integers only),
  // insert/delete on sets and maps; never on immutable columns.
  const muts: string[] = [];
  for (const c of mutableCols) {
    const kind = columnKind(c.type);
    const k = c.type.key.type;
    if (kind !== 'map' && (k === 'integer' || k === 'real')) {
      muts.push(`readonly [${quote(c.name)}, '+=' | '-=' | '*=' | '/='${k === 'integer' ? " | '%='" : ''}, number]`);
    }
    if (kind === 'set' || kind === 'optional') {
      muts.push(`readonly [${quote(c.name)}, 'insert' | 'delete', readonly ${paren(atomType(c.type.key, true))}[]]`);
    } else if (kind === 'map') {
      const m = datumType(c.type, true);
      muts.push(`readonly [${quote(c.name)}, 'insert', ${m}]`);
      muts.push(`readonly [${quote(c.name)}, 'delete', ${m} | readonly ${paren(mapKeyType(c.type.key).type)}[]]`);
    }
  }
  out.push(
    `/** Mutations of \`${table.name}\` (RFC 7047 §5.1), restricted by column kind; immutable columns excluded. */`,
  );
  if (muts.length === 0) out.push(`export type ${base}Mutation = never;`);
  else {
    out.push(`export type ${base}Mutation =`);
    muts.forEach((m, i) => out.push(`  | ${m}${i === muts.length - 1 ? ';' : ''}`));
  }
  out.push('');
}

// ---- embedded schema ----------------------------------------------------------------------------

type Plain = string | number | boolean | readonly Plain[] | { readonly [k: string]: Plain };

function baseValue(b: BaseType): Plain {
  const o: Record<string, Plain> = { type: b.type };
  if (b.enum) o.enum = [...b.enum];
  for (const k of ['minInteger', 'maxInteger', 'minReal', 'maxReal', 'minLength', 'maxLength'] as const) {
    const v = b[k];
    if (v !== undefined) o[k] = v;
  }
  if (b.refTable !== undefined) {
    o.refTable = b.refTable;
    o.refType = b.refType ?? 'strong';
  }
  return o;
}

/** The parsed schema as plain data with a fixed key order (tables and columns sorted). */
export function schemaValue(db: DatabaseSchema): Plain {
  const tables: Record<string, Plain> = {};
  for (const tn of Object.keys(db.tables).sort()) {
    const t = db.tables[tn]!;
    const columns: Record<string, Plain> = {};
    for (const cn of Object.keys(t.columns).sort()) {
      const c = t.columns[cn]!;
      const type: Record<string, Plain> = { key: baseValue(c.type.key) };
      if (c.type.value) type.value = baseValue(c.type.value);
      type.min = c.type.min;
      type.max = c.type.max;
      columns[cn] = { name: c.name, type, ephemeral: c.ephemeral, mutable: c.mutable };
    }
    const tv: Record<string, Plain> = { name: t.name, columns };
    if (t.maxRows !== undefined) tv.maxRows = t.maxRows;
    tv.isRoot = t.isRoot;
    tv.indexes = t.indexes.map((ix) => [...ix]);
    tables[tn] = tv;
  }
  const out: Record<string, Plain> = { name: db.name, version: db.version };
  if (db.cksum !== undefined) out.cksum = db.cksum;
  out.tables = tables;
  return out;
}

function formatScalar(v: string | number | boolean): string {
  if (typeof v === 'string') return quote(v);
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new CodegenUnrepresentableError(`cannot emit the number ${v}`, v);
    return Object.is(v, -0) ? '0' : String(v);
  }
  return String(v);
}

/**
 * Formats plain data as a TypeScript literal: on one line when it fits in the width, otherwise one
 * member per line (trailing commas), like a code formatter would.
 */
export function formatValue(v: Plain, indent: number, prefix = 0): string {
  if (typeof v !== 'object') return formatScalar(v);
  const flat = formatFlat(v);
  // +1 for the trailing comma or semicolon.
  if (indent * 2 + prefix + flat.length + 1 <= WIDTH) return flat;
  const pad = '  '.repeat(indent + 1);
  const end = '  '.repeat(indent);
  if (Array.isArray(v)) {
    const items = (v as readonly Plain[]).map((x) => `${pad}${formatValue(x, indent + 1)},`);
    return `[\n${items.join('\n')}\n${end}]`;
  }
  const entries = Object.entries(v as Record<string, Plain>).map(([k, x]) => {
    const key = `${propertyKey(k)}: `;
    return `${pad}${key}${formatValue(x, indent + 1, key.length)},`;
  });
  return `{\n${entries.join('\n')}\n${end}}`;
}

function formatFlat(v: Plain): string {
  if (typeof v !== 'object') return formatScalar(v);
  if (Array.isArray(v)) return `[${(v as readonly Plain[]).map(formatFlat).join(', ')}]`;
  const e = Object.entries(v as Record<string, Plain>);
  if (e.length === 0) return '{}';
  return `{ ${e.map(([k, x]) => `${propertyKey(k)}: ${formatFlat(x)}`).join(', ')} }`;
}
