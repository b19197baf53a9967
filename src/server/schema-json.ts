/**
 * A parsed schema written back as an `.ovsschema` document (the short forms ovsdb-server's
 * get_schema uses): for serving a database whose schema came from generated code rather than a file.
 */
import type { BaseType, ColumnType, DatabaseSchema } from '../ovsdb/schema.js';

function baseToJson(b: BaseType): unknown {
  const o: Record<string, unknown> = { type: b.type };
  if (b.enum)
    o.enum =
      b.enum.length === 1
        ? b.type === 'uuid'
          ? ['uuid', b.enum[0]]
          : b.enum[0]
        : ['set', b.enum.map((e) => (b.type === 'uuid' ? ['uuid', e] : e))];
  for (const k of ['minInteger', 'maxInteger', 'minReal', 'maxReal', 'minLength', 'maxLength', 'refTable'] as const)
    if (b[k] !== undefined) o[k] = b[k];
  if (b.refTable && b.refType === 'weak') o.refType = 'weak';
  return Object.keys(o).length === 1 ? b.type : o;
}

function typeToJson(t: ColumnType): unknown {
  if (!t.value && t.min === 1 && t.max === 1) {
    const k = baseToJson(t.key);
    return typeof k === 'string' ? k : { key: k };
  }
  const o: Record<string, unknown> = { key: baseToJson(t.key) };
  if (t.value) o.value = baseToJson(t.value);
  if (t.min !== 1) o.min = t.min;
  if (t.max !== 1) o.max = t.max;
  return o;
}

export function schemaToJson(s: DatabaseSchema): Record<string, unknown> {
  const tables: Record<string, unknown> = {};
  for (const t of Object.values(s.tables)) {
    const columns: Record<string, unknown> = {};
    for (const c of Object.values(t.columns)) {
      const cj: Record<string, unknown> = { type: typeToJson(c.type) };
      if (c.ephemeral) cj.ephemeral = true;
      if (!c.mutable) cj.mutable = false;
      columns[c.name] = cj;
    }
    const tj: Record<string, unknown> = { columns };
    if (t.maxRows !== undefined) tj.maxRows = t.maxRows;
    if (t.isRoot) tj.isRoot = true;
    if (t.indexes.length) tj.indexes = t.indexes;
    tables[t.name] = tj;
  }
  return { name: s.name, version: s.version, ...(s.cksum ? { cksum: s.cksum } : {}), tables };
}
