/**
 * A typed transaction builder over a generated model. It only builds: `operations()` returns the
 * plain RFC 7047 operations the client sends unchanged, and `decodeResults(raw)` turns the
 * client's raw results into typed values per operation. Every operation is validated against the
 * schema as it is added, so nothing invalid reaches the server.
 */
import type { DatabaseSchema, TableSchema } from '../schema.js';
import { columnKind } from '../schema.js';
import type { WireRow, WireValue } from '../notation.js';
import { ID_RE, isNamedUuid } from '../notation.js';
import type { Condition, Mutation, Operation } from '../operations.js';
import { OvsdbArgumentError, OvsdbValueError } from '../errors.js';
import type { DatabaseModel, NamedRef, TableTypes, Uuid } from './types.js';
import { atomToWire, datumToWire, mapKeyToWire, mapToWire, setToWire } from './convert.js';
import type { NamedUuidScope } from '../validate.js';
import { columnOf, tableOf, validateOperation } from '../validate.js';
import { NamedUuidDuplicateError, NamedUuidUndefinedError, NamedUuidWrongTableError } from './errors.js';
import { decodeResults, type TransactionResults } from './results.js';

declare const resultBrand: unique symbol;

/** The handle of one operation of a transaction; `results.get(step)` returns its typed result `R`. */
export interface Step<R> {
  /** Position of the operation in `operations()`. */
  readonly index: number;
  /** Phantom: the result type, for the compiler only. */
  readonly [resultBrand]?: R;
}

/**
 * What `insert` returns: a reference to the new row, usable as a value in any reference column of
 * the same transaction (it becomes `["named-uuid", name]`), and the step whose result is the UUID.
 */
export type InsertStep<T extends string> = NamedRef<T> & Step<Uuid<T>> & { readonly table: T };

/** Table shapes of a model. */
export type TablesOf<M> = M extends DatabaseModel<infer Tb> ? Tb : never;

/** Options of {@link Transaction.insert}. */
export interface InsertOptions<T extends string> {
  /** Insert the row a `tx.ref(table)` referred to before (so it can be referenced before its insert). */
  readonly ref?: NamedRef<T>;
  /** Open vSwitch extension: choose the new row's UUID. */
  readonly uuid?: string;
}

interface RefState {
  readonly table: string;
  inserted: boolean;
}

/**
 * Builds a typed transaction on one database.
 *
 * @example
 * const tx = transaction(ovnNorthboundModel);
 * const port = tx.insert('Logical_Switch_Port', { name: 'p0', addresses: ['00:00:00:00:00:01'] });
 * tx.mutate('Logical_Switch', [['name', '==', 'sw0']], [['ports', 'insert', [port]]]);
 * const sel = tx.select('Logical_Switch', [['name', '==', 'sw0']], ['name', 'ports']);
 * const raw = await client.transact(tx.database, tx.operations());
 * const results = tx.decodeResults(raw);
 * results.get(port); // Uuid<'Logical_Switch_Port'>
 * results.get(sel);  // readonly { name: string; ports: readonly Uuid<'Logical_Switch_Port'>[] }[]
 */
export function transaction<Tb extends { readonly [K in keyof Tb]: TableTypes }>(
  model: DatabaseModel<Tb>,
): Transaction<Tb> {
  return new Transaction<Tb>(model.schema);
}

/**
 * See {@link transaction}. Methods throw, at the call that adds the bad operation:
 * `OVSDB_UNKNOWN_TABLE`, `OVSDB_UNKNOWN_COLUMN`, `OVSDB_INVALID_VALUE`, `OVSDB_IMMUTABLE_COLUMN`,
 * `OVSDB_CONDITION_NOT_ALLOWED`, `OVSDB_MUTATOR_NOT_ALLOWED`, `OVSDB_NAMED_UUID_DUPLICATE`,
 * `OVSDB_NAMED_UUID_WRONG_TABLE`; `operations()` throws `OVSDB_NAMED_UUID_UNDEFINED` for a reference
 * whose row was never inserted.
 */
export class Transaction<Tb extends { readonly [K in keyof Tb]: TableTypes }> {
  /** The database name, the first parameter of `transact`. */
  readonly database: string;
  readonly #schema: DatabaseSchema;
  readonly #ops: Operation[] = [];
  readonly #refs = new Map<string, RefState>();
  /** Named uuids used but unknown when used (plain `{ namedUuid }` objects): checked in `operations()`. */
  readonly #pending: {
    name: string;
    refTable: string | undefined;
    where: { database: string; table: string; column: string };
  }[] = [];
  readonly #scope: NamedUuidScope;
  #counter = 0;

  constructor(schema: DatabaseSchema) {
    this.#schema = schema;
    this.database = schema.name;
    const symbols = new Map<string, string>();
    this.#scope = {
      symbols,
      unresolved: (name, refTable, where) => {
        this.#pending.push({ name, refTable, where });
      },
    };
  }

  get #symbols(): Map<string, string> {
    return this.#scope.symbols as Map<string, string>;
  }

  #where(table: string, column = ''): { database: string; table: string; column: string } {
    return { database: this.database, table, column };
  }

  #push<R>(op: Operation): Step<R> {
    validateOperation(this.#schema, op, this.#scope);
    this.#ops.push(op);
    return { index: this.#ops.length - 1 };
  }

  #newName(table: string, name?: string): string {
    if (name !== undefined) {
      if (!ID_RE.test(name))
        throw new OvsdbValueError(
          `uuid-name must be an identifier, got ${JSON.stringify(name)}`,
          { database: this.database, table },
          name,
        );
      if (this.#refs.has(name)) throw new NamedUuidDuplicateError({ database: this.database, table }, name);
      return name;
    }
    let n: string;
    do n = `${table}_${++this.#counter}`;
    while (this.#refs.has(n));
    return n;
  }

  /**
   * A reference to a row of `table` that a later `insert(table, row, { ref })` creates: lets an
   * operation refer to a row before its insert.
   * @param name the uuid-name to use (an identifier); generated when omitted.
   */
  ref<T extends keyof Tb & string>(table: T, name?: string): NamedRef<T> {
    tableOf(this.#schema, table);
    const n = this.#newName(table, name);
    this.#refs.set(n, { table, inserted: false });
    this.#symbols.set(n, table);
    return { namedUuid: n } as NamedRef<T>;
  }

  #row(t: TableSchema, row: unknown): WireRow {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      throw new OvsdbArgumentError(`${this.database}.${t.name}: a row must be an object, got ${JSON.stringify(row)}`);
    }
    const out: Record<string, WireValue> = {};
    for (const name of Object.keys(row)) {
      const v = (row as Record<string, unknown>)[name];
      const col = columnOf(this.#schema, t, name);
      // `undefined` means "not given", except on an optional column where it means "empty".
      if (v === undefined && columnKind(col.type) !== 'optional') continue;
      out[name] = datumToWire(col.type, v, this.#where(t.name, name));
    }
    return out;
  }

  #conditions(t: TableSchema, where: readonly (readonly [string, string, unknown])[] | undefined): Condition[] {
    if (where === undefined) return [];
    if (!Array.isArray(where))
      throw new OvsdbArgumentError(`${this.database}.${t.name}: "where" must be an array of conditions`);
    return where.map((c) => {
      if (!Array.isArray(c) || c.length !== 3)
        throw new OvsdbArgumentError(
          `${this.database}.${t.name}: a condition is [column, function, value], got ${JSON.stringify(c)}`,
        );
      const [name, fn, value] = c;
      const col = columnOf(this.#schema, t, name);
      const w = this.#where(t.name, name);
      let wire: WireValue;
      if ((fn === 'includes' || fn === 'excludes') && columnKind(col.type) === 'optional') {
        wire =
          value === undefined
            ? ['set', []]
            : Array.isArray(value)
              ? setToWire(col.type.key, value, w)
              : atomToWire(col.type.key, value, w);
      } else wire = datumToWire(col.type, value, w);
      return [name, fn, wire] as unknown as Condition;
    });
  }

  #mutations(t: TableSchema, mutations: readonly (readonly [string, string, unknown])[]): Mutation[] {
    if (!Array.isArray(mutations))
      throw new OvsdbArgumentError(`${this.database}.${t.name}: "mutations" must be an array`);
    return mutations.map((m) => {
      if (!Array.isArray(m) || m.length !== 3)
        throw new OvsdbArgumentError(
          `${this.database}.${t.name}: a mutation is [column, mutator, value], got ${JSON.stringify(m)}`,
        );
      const [name, mutator, value] = m;
      const col = columnOf(this.#schema, t, name);
      const w = this.#where(t.name, name);
      const kind = columnKind(col.type);
      let wire: WireValue;
      if (mutator === 'insert' || mutator === 'delete') {
        if (kind === 'map') {
          wire = Array.isArray(value)
            ? [
                'set',
                value.map((k) =>
                  typeof k === 'string' ? mapKeyToWire(col.type.key, k, w) : atomToWire(col.type.key, k, w),
                ),
              ]
            : mapToWire(col.type, value, w);
        } else if (Array.isArray(value)) wire = setToWire(col.type.key, value, w);
        else wire = atomToWire(col.type.key, value, w);
      } else wire = atomToWire(col.type.key, value, w);
      return [name, mutator, wire] as unknown as Mutation;
    });
  }

  /**
   * Inserts a row; omitted columns take their defaults. Returns a reference to the new row (use it
   * as a value in other operations of this transaction) whose result is the new UUID.
   */
  insert<T extends keyof Tb & string>(
    table: T,
    row: Tb[T]['insert'],
    options: InsertOptions<NoInfer<T>> = {},
  ): InsertStep<T> {
    const t = tableOf(this.#schema, table);
    let name: string;
    if (options.ref !== undefined) {
      if (!isNamedUuid(options.ref))
        throw new OvsdbArgumentError(`${this.database}.${table}: options.ref must come from tx.ref()`);
      name = options.ref.namedUuid;
      const st = this.#refs.get(name);
      if (!st) throw new NamedUuidUndefinedError(this.#where(table), name);
      if (st.table !== table) throw new NamedUuidWrongTableError(this.#where(table), name, st.table, table);
      if (st.inserted) throw new NamedUuidDuplicateError(this.#where(table), name);
    } else {
      name = this.#newName(table);
    }
    const op: Operation = {
      op: 'insert',
      table,
      row: this.#row(t, row),
      'uuid-name': name,
      ...(options.uuid !== undefined ? { uuid: options.uuid } : {}),
    };
    const step = this.#push<Uuid<T>>(op);
    // Registered only once the insert is accepted, so a refused insert leaves nothing behind.
    this.#refs.set(name, { table, inserted: true });
    this.#symbols.set(name, table);
    return { namedUuid: name, index: step.index, table } as InsertStep<T>;
  }

  /** Sets columns of the rows matching `where`; result: the number of rows matched. */
  update<T extends keyof Tb & string>(
    table: T,
    where: readonly Tb[T]['condition'][],
    row: Tb[T]['update'],
  ): Step<number> {
    const t = tableOf(this.#schema, table);
    return this.#push({ op: 'update', table, where: this.#conditions(t, where), row: this.#row(t, row) });
  }

  /** Applies mutations to the rows matching `where`; result: the number of rows matched. */
  mutate<T extends keyof Tb & string>(
    table: T,
    where: readonly Tb[T]['condition'][],
    mutations: readonly Tb[T]['mutation'][],
  ): Step<number> {
    const t = tableOf(this.#schema, table);
    return this.#push({
      op: 'mutate',
      table,
      where: this.#conditions(t, where),
      mutations: this.#mutations(t, mutations),
    });
  }

  /** Deletes the rows matching `where`; result: the number of rows deleted. */
  delete<T extends keyof Tb & string>(table: T, where: readonly Tb[T]['condition'][]): Step<number> {
    const t = tableOf(this.#schema, table);
    return this.#push({ op: 'delete', table, where: this.#conditions(t, where) });
  }

  /** Selects the rows matching `where` (all rows when omitted), every column. */
  select<T extends keyof Tb & string>(table: T, where?: readonly Tb[T]['condition'][]): Step<readonly Tb[T]['row'][]>;
  /** Selects the listed columns of the rows matching `where`. */
  select<T extends keyof Tb & string, const C extends keyof Tb[T]['row'] & string>(
    table: T,
    where: readonly Tb[T]['condition'][],
    columns: readonly C[],
  ): Step<readonly Pick<Tb[T]['row'], C>[]>;
  select(
    table: string,
    where?: readonly (readonly [string, string, unknown])[],
    columns?: readonly string[],
  ): Step<unknown> {
    const t = tableOf(this.#schema, table);
    return this.#push({
      op: 'select',
      table,
      where: this.#conditions(t, where),
      ...(columns !== undefined ? { columns: [...columns] } : {}),
    });
  }

  /**
   * Waits until (`until: '=='`) or while not (`'!='`) the `columns` of the rows matching `where`
   * equal `rows` (RFC 7047 §5.2.6); `timeout` in ms (0 = check once; omitted = wait forever).
   * With `until: '=='` and `timeout: 0` this is how a transaction verifies what it read.
   */
  wait<T extends keyof Tb & string, const C extends keyof Tb[T]['insert'] & string>(
    table: T,
    where: readonly Tb[T]['condition'][],
    columns: readonly C[],
    until: '==' | '!=',
    rows: readonly Pick<Tb[T]['insert'], C>[],
    timeout?: number,
  ): Step<void> {
    const t = tableOf(this.#schema, table);
    return this.#push({
      op: 'wait',
      table,
      where: this.#conditions(t, where),
      columns: [...columns],
      until,
      rows: rows.map((r) => this.#row(t, r)),
      ...(timeout !== undefined ? { timeout } : {}),
    });
  }

  /** Adds a comment to the server's log of this transaction. */
  comment(text: string): Step<void> {
    return this.#push({ op: 'comment', comment: text });
  }

  /** Fails the transaction unless this client holds `lock`. */
  assert(lock: string): Step<void> {
    return this.#push({ op: 'assert', lock });
  }

  /** Asks for a durable (`true`) commit. */
  commit(durable: boolean): Step<void> {
    return this.#push({ op: 'commit', durable });
  }

  /** Aborts the transaction (useful to test what a transaction would do). */
  abort(): Step<void> {
    return this.#push({ op: 'abort' });
  }

  /** Number of operations so far. */
  get size(): number {
    return this.#ops.length;
  }

  /**
   * The plain operations, in order, for `client.transact(tx.database, tx.operations())`.
   * @throws {NamedUuidUndefinedError} `OVSDB_NAMED_UUID_UNDEFINED` for a reference never inserted.
   * @throws {NamedUuidWrongTableError} `OVSDB_NAMED_UUID_WRONG_TABLE`
   */
  operations(): Operation[] {
    for (const [name, st] of this.#refs) {
      if (!st.inserted) throw new NamedUuidUndefinedError(this.#where(st.table), name);
    }
    for (const p of this.#pending) {
      const table = this.#symbols.get(p.name);
      if (table === undefined) throw new NamedUuidUndefinedError(p.where, p.name);
      if (p.refTable !== undefined && p.refTable !== table)
        throw new NamedUuidWrongTableError(p.where, p.name, table, p.refTable);
    }
    return [...this.#ops];
  }

  /**
   * Decodes the raw `transact` results of `operations()` into typed results per step.
   * @throws {TransactionOperationError} `OVSDB_TRANSACTION_OP_FAILED` when an operation or the commit failed.
   * @throws {ResultMismatchError} `OVSDB_RESULT_MISMATCH` when the results do not fit the operations.
   */
  decodeResults(raw: unknown): TransactionResults {
    return decodeResults(this.#schema, this.#ops, raw);
  }
}
