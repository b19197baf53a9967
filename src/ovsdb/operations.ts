/**
 * Database operations (RFC 7047 §5.2) as plain JSON objects: exactly what goes on the wire inside
 * `transact`. Builders across the SDK return arrays of these; only the client sends them.
 */
import type { WireAtom, WireRow, WireValue } from './notation.js';

/** RFC 7047 §5.1 `<condition>` functions. */
export type ConditionFunction = '<' | '<=' | '==' | '!=' | '>=' | '>' | 'includes' | 'excludes';
export type Condition = readonly [column: string, fn: ConditionFunction, value: WireValue];
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
  readonly where: readonly Condition[];
  readonly columns?: readonly string[];
}
export interface UpdateOp {
  readonly op: 'update';
  readonly table: string;
  readonly where: readonly Condition[];
  readonly row: WireRow;
}
export interface MutateOp {
  readonly op: 'mutate';
  readonly table: string;
  readonly where: readonly Condition[];
  readonly mutations: readonly Mutation[];
}
export interface DeleteOp {
  readonly op: 'delete';
  readonly table: string;
  readonly where: readonly Condition[];
}
export interface WaitOp {
  readonly op: 'wait';
  readonly table: string;
  readonly where: readonly Condition[];
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

export type Operation = InsertOp | SelectOp | UpdateOp | MutateOp | DeleteOp | WaitOp | CommitOp | AbortOp | CommentOp | AssertOp;

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

export type ResultsOf<Ops extends readonly Operation[]> = { -readonly [K in keyof Ops]: Ops[K] extends Operation ? ResultOf<Ops[K]> : never };

// Small constructors, so call sites read like the RFC.
export const op = {
  insert: (table: string, row: WireRow, uuidName?: string, uuid?: string): InsertOp => ({
    op: 'insert',
    table,
    row,
    ...(uuidName !== undefined ? { 'uuid-name': uuidName } : {}),
    ...(uuid !== undefined ? { uuid } : {}),
  }),
  select: (table: string, where: readonly Condition[] = [], columns?: readonly string[]): SelectOp => ({
    op: 'select',
    table,
    where,
    ...(columns ? { columns } : {}),
  }),
  update: (table: string, where: readonly Condition[], row: WireRow): UpdateOp => ({ op: 'update', table, where, row }),
  mutate: (table: string, where: readonly Condition[], mutations: readonly Mutation[]): MutateOp => ({ op: 'mutate', table, where, mutations }),
  delete: (table: string, where: readonly Condition[]): DeleteOp => ({ op: 'delete', table, where }),
  wait: (
    table: string,
    where: readonly Condition[],
    columns: readonly string[],
    until: '==' | '!=',
    rows: readonly WireRow[],
    timeout?: number,
  ): WaitOp => ({ op: 'wait', table, where, columns, until, rows, ...(timeout !== undefined ? { timeout } : {}) }),
  commit: (durable = false): CommitOp => ({ op: 'commit', durable }),
  abort: (): AbortOp => ({ op: 'abort' }),
  comment: (comment: string): CommentOp => ({ op: 'comment', comment }),
  assert: (lock: string): AssertOp => ({ op: 'assert', lock }),
} as const;

/** A condition on one column, e.g. `cond('name', '==', 'sw0')`. */
export const cond = (column: string, fn: ConditionFunction, value: WireValue): Condition => [column, fn, value];
/** A mutation of one column, e.g. `mutation('ports', 'insert', ['set', [['named-uuid', 'p']]])`. */
export const mutation = (column: string, mutator: Mutator, value: WireValue): Mutation => [column, mutator, value];
/** `["_uuid", "==", ["uuid", u]]` */
export const byUuid = (u: string): Condition => ['_uuid', '==', ['uuid', u]];
export type { WireAtom };
