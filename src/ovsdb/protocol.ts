/**
 * The OVSDB protocol as types only (RFC 7047 and ovsdb-server(7)): wire notation, operations and their
 * results, monitor requests and table updates. No runtime code, so every layer — notation, the
 * client, the cache's plan and apply steps, builders — can share these shapes without importing
 * each other (libovsdb keeps the same split in its `ovsdb` package).
 */

// ---- notation (RFC 7047 §5.1) ---------------------------------------------------------------

export type WireUuid = readonly ['uuid', string];
export type WireNamedUuid = readonly ['named-uuid', string];
/** `bigint` only for integers beyond 2⁵³ (written exactly; read as such with the client's `bigint` option). */
export type WireAtom = string | number | bigint | boolean | WireUuid | WireNamedUuid;
export type WireSet = readonly ['set', readonly WireAtom[]];
export type WireMap = readonly ['map', readonly (readonly [WireAtom, WireAtom])[]];
export type WireValue = WireAtom | WireSet | WireMap;
export type WireRow = Readonly<Record<string, WireValue>>;

/** A reference, inside one transaction, to the row an `insert` with this `uuid-name` creates. */
export interface NamedUuid {
  readonly namedUuid: string;
}

/** JS form of an atom. */
/** `bigint` only for integers beyond 2⁵³ (see {@link WireAtom}). */
export type Atom = string | number | bigint | boolean | NamedUuid;
/** JS form of a datum. */
export type Datum = Atom | undefined | readonly Atom[] | Readonly<Record<string, Atom>>;

// ---- operations and results (RFC 7047 §5.2) ------------------------------------------------

/** RFC 7047 §5.1 `<condition>` functions. */
export type ConditionFunction = '<' | '<=' | '==' | '!=' | '>=' | '>' | 'includes' | 'excludes';
export type Condition = readonly [column: string, fn: ConditionFunction, value: WireValue];
/**
 * One clause of a `where`: a condition, or the boolean `true` (every row) / `false` (no row), which
 * ovsdb-server(7) §5.1 accepts in transact and monitor_cond conditions alike: `op.select('T', [true])`
 * selects every row. Code that reads a `where` narrows each clause (`typeof c !== 'boolean'`) before
 * indexing into it.
 */
export type WhereClause = Condition | boolean;
/** RFC 7047 §5.1 `<mutator>`s. */
export type Mutator = '+=' | '-=' | '*=' | '/=' | '%=' | 'insert' | 'delete';
export type Mutation = readonly [column: string, mutator: Mutator, value: WireValue];

export interface InsertOp {
  readonly op: 'insert';
  readonly table: string;
  readonly row: WireRow;
  /** Name other operations of the same transaction use as `["named-uuid", name]`. */
  readonly 'uuid-name'?: string;
  /** Open vSwitch extension: the caller chooses the new row's UUID (ovsdb-server(7)). */
  readonly uuid?: string;
}
export interface SelectOp {
  readonly op: 'select';
  readonly table: string;
  readonly where: readonly WhereClause[];
  readonly columns?: readonly string[];
}
export interface UpdateOp {
  readonly op: 'update';
  readonly table: string;
  readonly where: readonly WhereClause[];
  readonly row: WireRow;
}
export interface MutateOp {
  readonly op: 'mutate';
  readonly table: string;
  readonly where: readonly WhereClause[];
  readonly mutations: readonly Mutation[];
}
export interface DeleteOp {
  readonly op: 'delete';
  readonly table: string;
  readonly where: readonly WhereClause[];
}
export interface WaitOp {
  readonly op: 'wait';
  readonly table: string;
  readonly where: readonly WhereClause[];
  readonly columns: readonly string[];
  readonly until: '==' | '!=';
  readonly rows: readonly WireRow[];
  /** Milliseconds; omitted means wait forever (0 = check once). */
  readonly timeout?: number;
}
export interface CommitOp {
  readonly op: 'commit';
  readonly durable: boolean;
}
export interface AbortOp {
  readonly op: 'abort';
}
export interface CommentOp {
  readonly op: 'comment';
  readonly comment: string;
}
export interface AssertOp {
  readonly op: 'assert';
  readonly lock: string;
}

export type Operation =
  InsertOp | SelectOp | UpdateOp | MutateOp | DeleteOp | WaitOp | CommitOp | AbortOp | CommentOp | AssertOp;

/** Per-operation results (RFC 7047 §5.2). */
export interface InsertResult {
  readonly uuid: readonly ['uuid', string];
}
export interface SelectResult {
  readonly rows: readonly WireRow[];
}
export interface CountResult {
  readonly count: number;
}
export type EmptyResult = Readonly<Record<string, never>>;
export type OperationResult = InsertResult | SelectResult | CountResult | EmptyResult;

/** Maps an operation type to its result type. */
export type ResultOf<O extends Operation> = O extends InsertOp
  ? InsertResult
  : O extends SelectOp
    ? SelectResult
    : O extends UpdateOp | MutateOp | DeleteOp
      ? CountResult
      : EmptyResult;

export type ResultsOf<Ops extends readonly Operation[]> = {
  -readonly [K in keyof Ops]: Ops[K] extends Operation ? ResultOf<Ops[K]> : never;
};

// ---- monitors (RFC 7047 §4.1.5–4.1.6, ovsdb-server(7) §4.1.12–4.1.15) -------------------------

/** RFC 7047 §4.1.5 `<monitor-select>`. */
export interface MonitorSelect {
  initial?: boolean;
  insert?: boolean;
  delete?: boolean;
  modify?: boolean;
}
/** `<monitor-request>` (RFC 7047 §4.1.5) / `<monitor-cond-request>` (ovsdb-server(7) §4.1.12). */
export interface MonitorRequest {
  columns?: readonly string[];
  select?: MonitorSelect;
  /** Only for monitor_cond*: the condition rows must meet. */
  where?: readonly WhereClause[];
}
export type MonitorRequests = Readonly<Record<string, MonitorRequest | readonly MonitorRequest[]>>;

/** RFC 7047 `<row-update>` (monitor). */
export interface RowUpdate {
  readonly old?: WireRow;
  readonly new?: WireRow;
}
/** ovsdb-server(7) `<row-update2>` (monitor_cond, monitor_cond_since). */
export interface RowUpdate2 {
  readonly initial?: WireRow;
  readonly insert?: WireRow;
  readonly delete?: null;
  readonly modify?: WireRow;
}
export type TableUpdates = Readonly<Record<string, Readonly<Record<string, RowUpdate>>>>;
export type TableUpdates2 = Readonly<Record<string, Readonly<Record<string, RowUpdate2>>>>;

/** A notification for a monitor, discriminated by the method that carried it. */
export type MonitorEvent =
  | { readonly method: 'update'; readonly updates: TableUpdates }
  | { readonly method: 'update2'; readonly updates: TableUpdates2 }
  | { readonly method: 'update3'; readonly lastTxnId: string; readonly updates: TableUpdates2 };

export interface MonitorCondSinceResult {
  readonly found: boolean;
  readonly lastTxnId: string;
  readonly updates: TableUpdates2;
}
