/**
 * Random OVSDB transactions for the differential test: every operation, valid and invalid, with
 * conditions, mutations, waits and references (existing rows, named-uuids, missing rows). Operations
 * are symbolic where a server-chosen uuid is needed (`{ $row: token }`), so the same transaction can be
 * sent to several servers, each with its own uuids.
 */
import {
  parseSchema,
  type BaseType,
  type ColumnType,
  type DatabaseSchema,
  type TableSchema,
} from '../../../src/ovsdb/schema.js';
import { seededRandom } from '../../../src/testing/random.js';

/** A reference to a row by the token the differential test gave it (from an insert reply). */
export interface RowRef {
  readonly $row: number;
}

export interface GenState {
  /** Tokens of rows inserted per table (some may since have been deleted). */
  readonly rows: Map<string, number[]>;
}

const STRINGS = ['', 'a', 'b', 'abc', 'x y', 'sw0', 'p1', '10.0.0.1', 'é', '"q"', 'back\\slash', 'k1', 'k2', 'k3'];
const REALS = [0, 1.5, -2.25, 100, 0.125];
/** uuids the generator makes up (never a server's): recognisable so normalisation keeps them. */
export const FAKE_UUID_RE = /^aaaaaaaa-0000-4000-8000-0000000000\d\d$/;
const fakeUuid = (n: number) => `aaaaaaaa-0000-4000-8000-0000000000${String(n % 100).padStart(2, '0')}`;

export class TxnGenerator {
  private readonly rnd: () => number;
  readonly schema: DatabaseSchema;
  private readonly tableNames: string[];
  private named: { name: string; table: string }[] = [];
  private nameSeq = 0;
  private badRefUsed = false;

  constructor(
    raw: object,
    seed: number,
    readonly state: GenState = { rows: new Map() },
    /** Tables to work on (default: all). */
    tables?: readonly string[],
  ) {
    this.schema = parseSchema(raw);
    this.rnd = seededRandom(seed);
    this.tableNames = tables ? [...tables] : Object.keys(this.schema.tables);
  }

  private int(n: number): number {
    return Math.floor(this.rnd() * n);
  }
  private pick<T>(a: readonly T[]): T {
    return a[this.int(a.length)]!;
  }
  private chance(p: number): boolean {
    return this.rnd() < p;
  }

  private atom(b: BaseType, valid: boolean): unknown {
    if (!valid && this.chance(0.5)) {
      // A wrong JSON type or an out-of-constraint value.
      return this.pick([1.5, 'str', true, ['uuid', 'not-a-uuid'], ['named-uuid', '1bad'], null, { x: 1 }]);
    }
    if (b.enum && (valid || this.chance(0.5)))
      return b.type === 'uuid' ? ['uuid', this.pick(b.enum)] : this.pick(b.enum);
    switch (b.type) {
      case 'integer': {
        const lo = b.minInteger ?? -5;
        const hi = Math.min(b.maxInteger ?? lo + 25, lo + 25);
        if (!valid) return this.chance(0.5) ? lo - 1 : (b.maxInteger ?? 100) + 1;
        return lo + this.int(hi - lo + 1);
      }
      case 'real':
        return valid ? this.pick(REALS) : (b.maxReal ?? 1e6) + 1;
      case 'boolean':
        return this.chance(0.5);
      case 'string': {
        let s = this.pick(STRINGS);
        if (b.maxLength !== undefined && [...s].length > b.maxLength) s = valid ? s.slice(0, b.maxLength) : s;
        if (!valid && b.maxLength !== undefined) s = 'x'.repeat(b.maxLength + 1);
        if (b.minLength !== undefined && [...s].length < b.minLength) s = valid ? 'x'.repeat(b.minLength) : s;
        return s;
      }
      case 'uuid': {
        if (!b.refTable) return ['uuid', fakeUuid(this.int(5))];
        const named = this.named.filter((n) => n.table === b.refTable);
        if (named.length && this.chance(0.4)) return ['named-uuid', this.pick(named).name];
        const rows = this.state.rows.get(b.refTable) ?? [];
        if ((rows.length && this.chance(0.9)) || this.badRefUsed) {
          if (rows.length) return { $row: this.pick(rows.slice(-12)) } satisfies RowRef;
          return undefined;
        }
        // At most one reference to a missing row per transaction: with several, which one ovsdb-server
        // reports depends on its hash order of columns.
        this.badRefUsed = true;
        return this.chance(0.5) ? ['uuid', fakeUuid(this.int(5))] : ['named-uuid', 'never_inserted'];
      }
    }
  }

  /** A datum for a column type (`relax` loosens the size as conditions and mutations do). */
  datum(t: ColumnType, valid = true, relax = false): unknown {
    const max = t.max === 'unlimited' ? 3 : Math.min(t.max, 3);
    let n = relax ? this.int(3) : t.min + this.int(max - t.min + 1);
    if (!valid && this.chance(0.3)) n = t.max === 'unlimited' ? 0 : t.max + 1;
    const bad = () => !valid && this.chance(0.5);
    if (t.value) {
      const pairs: unknown[] = [];
      const seen = new Set<string>();
      for (let i = 0; i < n; i++) {
        const k = this.atom(t.key, !bad());
        if (valid && k === undefined) return undefined;
        const v = this.atom(t.value, !bad());
        if (k === undefined || v === undefined) continue;
        const ks = JSON.stringify(k);
        if (seen.has(ks) && valid) continue;
        seen.add(ks);
        pairs.push([k, v]);
      }
      if (!valid && this.chance(0.2)) return ['set', pairs];
      return ['map', pairs];
    }
    const atoms: unknown[] = [];
    const seen = new Set<string>();
    for (let i = 0; i < n; i++) {
      const a = this.atom(t.key, !bad());
      if (a === undefined) continue;
      const s = JSON.stringify(a);
      if (seen.has(s) && valid) continue;
      seen.add(s);
      atoms.push(a);
    }
    if (valid && atoms.length < t.min) return undefined;
    if (atoms.length === 1 && this.chance(0.6)) return atoms[0];
    if (atoms.length === 0 && t.min === 1 && t.max === 1 && !t.value) return undefined;
    return ['set', atoms];
  }

  private table(): TableSchema {
    return this.schema.tables[this.pick(this.tableNames)]!;
  }

  private columns(t: TableSchema): string[] {
    return Object.keys(t.columns);
  }

  private row(t: TableSchema, valid: boolean, mutableOnly = false): Record<string, unknown> {
    // At most one invalid member: ovsdb-server reports the first in its hash order of member names.
    const cols = Object.values(t.columns).filter((c) => !mutableOnly || c.mutable);
    const badCol = valid ? -1 : this.int(cols.length + 1);
    const row: Record<string, unknown> = {};
    // A required reference left out defaults to the all-zero uuid, a reference to a missing row.
    const required = (c: (typeof cols)[number]) =>
      !mutableOnly && c.type.min >= 1 && (c.type.key.refTable !== undefined || c.type.value?.refTable !== undefined);
    if (cols.some((c) => required(c) && !this.state.rows.get(c.type.key.refTable ?? c.type.value!.refTable!)?.length))
      this.badRefUsed = true;
    cols.forEach((c, i) => {
      if (i === badCol || required(c) || this.chance(0.35)) {
        const d = this.datum(c.type, i !== badCol);
        if (d !== undefined) row[c.name] = d;
      }
    });
    if (badCol === cols.length) row.no_such_column = 1;
    return row;
  }

  condition(t: TableSchema, allowNamed = true, valid = false): unknown[] {
    const out: unknown[] = [];
    const n = valid ? 1 + this.int(2) : this.int(3);
    for (let i = 0; i < n; i++) {
      if (!valid && this.chance(0.05)) {
        out.push(this.chance(0.5));
        continue;
      }
      const cname = this.chance(0.1) ? '_uuid' : this.pick(this.columns(t));
      const c: { type: ColumnType } =
        cname === '_uuid' ? { type: { key: { type: 'uuid' }, min: 1, max: 1 } } : t.columns[cname]!;
      const ty = c.type;
      const numeric = (ty.key.type === 'integer' || ty.key.type === 'real') && !ty.value && ty.max === 1;
      const fns = numeric
        ? ['<', '<=', '==', '!=', '>=', '>', 'includes', 'excludes']
        : ['==', '!=', 'includes', 'excludes'];
      let fn = this.pick(fns);
      if (!valid && this.chance(0.03)) fn = this.pick(['<', 'like', '>']);
      const relax = fn === 'includes' || fn === 'excludes';
      let arg: unknown;
      if (cname === '_uuid') {
        const rows = this.state.rows.get(t.name) ?? [];
        arg = rows.length ? { $row: this.pick(rows.slice(-12)) } : ['uuid', fakeUuid(1)];
      } else arg = this.datum(ty, valid || this.chance(0.95), relax);
      if (arg === undefined) continue;
      if (!allowNamed && JSON.stringify(arg).includes('named-uuid')) arg = ty.value ? ['map', []] : ['set', []];
      out.push(!valid && this.chance(0.02) ? [cname, fn] : [cname, fn, arg]);
    }
    return out;
  }

  private mutation(t: TableSchema): unknown {
    const cols = Object.values(t.columns).filter((c) => c.mutable || this.chance(0.05));
    const c = cols.length ? this.pick(cols) : this.pick(Object.values(t.columns));
    const ty = c.type;
    if (!ty.value && (ty.key.type === 'integer' || ty.key.type === 'real') && this.chance(0.6)) {
      const m = this.pick(['+=', '-=', '*=', '/=', '%=']);
      // Never "*= 0" on integers: ovsdb-server 3.1 divides by the argument in its overflow check and
      // dies of SIGFPE when the column holds a negative number (found by this test).
      const arg =
        ty.key.type === 'integer' ? this.pick(m === '*=' ? [1, 2, -3, 7] : [0, 1, 2, -3, 7]) : this.pick(REALS);
      return [c.name, m, arg];
    }
    const m = this.chance(0.03) ? 'append' : this.pick(['insert', 'delete']);
    let arg: unknown = this.datum(ty, this.chance(0.95), true) ?? ['set', []];
    if (m === 'delete' && ty.value && this.chance(0.4))
      arg = ['set', [this.atom(ty.key, true)].filter((x) => x !== undefined)];
    return [c.name, m, arg];
  }

  private op(): unknown {
    const t = this.table();
    const r = this.rnd();
    if (r < 0.3) {
      const op: Record<string, unknown> = { op: 'insert', table: t.name, row: this.row(t, this.chance(0.93)) };
      if (this.chance(0.3)) {
        const name = `n${this.nameSeq++}`;
        op['uuid-name'] = name;
        this.named.push({ name, table: t.name });
      }
      return op;
    }
    if (r < 0.45) {
      const op: Record<string, unknown> = { op: 'select', table: t.name, where: this.condition(t) };
      if (this.chance(0.5))
        op.columns = this.pick([['_uuid'], this.columns(t).slice(0, 2), ['_uuid', this.pick(this.columns(t))]]);
      return op;
    }
    if (r < 0.58)
      return {
        op: 'update',
        table: t.name,
        where: this.condition(t),
        row: this.row(t, this.chance(0.93), this.chance(0.9)),
      };
    if (r < 0.72) {
      const muts = Array.from({ length: 1 + this.int(2) }, () => this.mutation(t));
      return { op: 'mutate', table: t.name, where: this.condition(t), mutations: muts };
    }
    if (r < 0.82) return { op: 'delete', table: t.name, where: this.condition(t) };
    if (r < 0.88) {
      const cols = this.chance(0.5) ? [this.pick(this.columns(t))] : undefined;
      const op: Record<string, unknown> = {
        op: 'wait',
        table: t.name,
        where: this.condition(t),
        until: this.pick(['==', '!=']),
        rows: this.chance(0.5) ? [] : [this.row(t, true)],
        timeout: 0,
      };
      if (cols) op.columns = cols;
      return op;
    }
    if (r < 0.9) return { op: 'comment', comment: this.pick(['hello', 'x']) };
    if (r < 0.91) return { op: 'assert', lock: 'nolock' };
    if (r < 0.92) return { op: 'abort' };
    if (r < 0.93) return { op: 'commit', durable: this.chance(0.5) };
    // Malformed operations.
    return this.pick<unknown>([
      { op: 'nosuchop', table: t.name },
      { op: 'select', table: 'No_Such_Table', where: [] },
      { op: 'select', table: t.name },
      { op: 'select', table: t.name, where: [], extra: 1 },
      { op: 'insert', table: t.name, row: [] },
      { op: 'delete', table: t.name, where: 'x' },
      { op: 'update', table: t.name, where: [], row: { _uuid: ['uuid', fakeUuid(3)] } },
      { op: 'wait', table: t.name, where: [], until: '<', rows: [], timeout: 0 },
      { op: 'wait', table: t.name, where: [], until: '==', rows: [], timeout: -1 },
      'not an object',
      { table: t.name },
      { op: 'insert', table: t.name, row: {}, uuid: 'bad' },
      { op: 'select', table: t.name, where: [], columns: ['nope'] },
      { op: 'select', table: t.name, where: [], columns: ['_uuid', '_uuid'] },
    ]);
  }

  /** A transaction: `[db, op…]` (ops may hold {@link RowRef}s). */
  transaction(): unknown[] {
    this.named = [];
    this.badRefUsed = false;
    const n = 1 + this.int(4);
    const ops: unknown[] = [];
    for (let i = 0; i < n; i++) ops.push(this.op());
    return [this.schema.name, ...ops];
  }

  /** A monitor_cond_change request for some monitored tables. */
  condChange(tables: readonly string[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const t = this.schema.tables[this.pick(tables)]!;
    out[t.name] = [{ where: this.condition(t, false, this.chance(0.9)) }];
    return out;
  }
}
