/**
 * Rows and tables of one database as committed. A committed {@link Row} is never changed in place: a
 * transaction works on copies, so monitors and the history may keep references to old rows.
 */
import type { ColumnSchema, DatabaseSchema, TableSchema } from '../ovsdb/schema.js';
import type { Datum, DType } from './datum.js';
import { defaultDatum, dtype } from './datum.js';

export interface Column {
  readonly name: string;
  /** Index into `Row.fields`; -1 for `_uuid`, -2 for `_version`. */
  readonly index: number;
  readonly type: DType;
  readonly mutable: boolean;
  readonly ephemeral: boolean;
  /** The column holds strong references (key or value). */
  readonly strongRef: boolean;
  /** The column holds weak references (key or value). */
  readonly weakRef: boolean;
}

export interface Row {
  readonly uuid: string;
  version: string;
  fields: Datum[];
  /** Strong references to this row from other rows (self-references excluded). */
  nRefs: number;
  /** Rows holding weak references to this one: key `table uuid`, value count. */
  weakIn?: Map<string, number>;
}

const UUID_TYPE: DType = { key: { type: 'uuid' }, min: 1, max: 1 };

export class Table {
  readonly name: string;
  readonly columns: readonly Column[];
  readonly byName: ReadonlyMap<string, Column>;
  readonly rows = new Map<string, Row>();
  readonly isRoot: boolean;
  readonly maxRows: number | undefined;
  /** Unique indexes: column lists and, per index, key text → row uuid of committed rows. */
  readonly indexes: readonly (readonly Column[])[];
  readonly indexMaps: Map<string, string>[];
  readonly uuidColumn: Column;
  readonly versionColumn: Column;

  constructor(readonly schema: TableSchema) {
    this.name = schema.name;
    const cols: Column[] = [];
    const byName = new Map<string, Column>();
    Object.values(schema.columns).forEach((c: ColumnSchema, i) => {
      const t = dtype(c.type);
      const col: Column = {
        name: c.name,
        index: i,
        type: t,
        mutable: c.mutable,
        ephemeral: c.ephemeral,
        strongRef: isRef(t, 'strong'),
        weakRef: isRef(t, 'weak'),
      };
      cols.push(col);
      byName.set(c.name, col);
    });
    this.uuidColumn = {
      name: '_uuid',
      index: -1,
      type: UUID_TYPE,
      mutable: false,
      ephemeral: false,
      strongRef: false,
      weakRef: false,
    };
    this.versionColumn = {
      name: '_version',
      index: -2,
      type: UUID_TYPE,
      mutable: false,
      ephemeral: false,
      strongRef: false,
      weakRef: false,
    };
    byName.set('_uuid', this.uuidColumn);
    byName.set('_version', this.versionColumn);
    this.columns = cols;
    this.byName = byName;
    this.isRoot = schema.isRoot;
    this.maxRows = schema.maxRows;
    this.indexes = schema.indexes.map((ix) => ix.map((n) => byName.get(n)!));
    this.indexMaps = this.indexes.map(() => new Map());
  }

  /** A new row with every column at its default. */
  newRow(uuid: string, version: string): Row {
    return { uuid, version, fields: this.columns.map((c) => defaultDatum(c.type)), nRefs: 0 };
  }
}

function isRef(t: DType, kind: 'strong' | 'weak'): boolean {
  return (
    (t.key.refTable !== undefined && t.key.refType === kind) ||
    (t.value?.refTable !== undefined && t.value.refType === kind)
  );
}

/** The datum of a column of a row, including the implicit `_uuid` and `_version`. */
export function field(row: Row, col: Column): Datum {
  if (col.index >= 0) return row.fields[col.index]!;
  return { keys: [col.index === -1 ? row.uuid : row.version] };
}

/** Text identifying the values of `cols` of a row (for unique indexes). */
export function indexKey(row: Row, cols: readonly Column[]): string {
  let s = '';
  for (const c of cols) {
    const d = field(row, c);
    s += JSON.stringify(d.keys) + (d.values ? JSON.stringify(d.values) : '') + '\u0001';
  }
  return s;
}

export function makeTables(schema: DatabaseSchema): Map<string, Table> {
  const m = new Map<string, Table>();
  for (const t of Object.values(schema.tables)) m.set(t.name, new Table(t));
  return m;
}
