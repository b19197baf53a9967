/**
 * Database operations (RFC 7047 §5.2) as plain JSON objects: exactly what goes on the wire inside
 * `transact`. Builders across the SDK return arrays of these; only the client sends them.
 */
import type {
  Condition,
  ConditionFunction,
  Mutation,
  Mutator,
  InsertOp,
  SelectOp,
  UpdateOp,
  MutateOp,
  DeleteOp,
  WaitOp,
  CommitOp,
  AbortOp,
  CommentOp,
  AssertOp,
  WireAtom,
  WireRow,
  WireValue,
  WhereClause,
} from './protocol.js';

export type {
  ConditionFunction,
  Condition,
  WhereClause,
  Mutator,
  Mutation,
  InsertOp,
  SelectOp,
  UpdateOp,
  MutateOp,
  DeleteOp,
  WaitOp,
  CommitOp,
  AbortOp,
  CommentOp,
  AssertOp,
  Operation,
  InsertResult,
  SelectResult,
  CountResult,
  EmptyResult,
  OperationResult,
  ResultOf,
  ResultsOf,
} from './protocol.js';

// Small constructors, so call sites read like the RFC.
export const op = {
  insert: (table: string, row: WireRow, uuidName?: string, uuid?: string): InsertOp => ({
    op: 'insert',
    table,
    row,
    ...(uuidName !== undefined ? { 'uuid-name': uuidName } : {}),
    ...(uuid !== undefined ? { uuid } : {}),
  }),
  select: (table: string, where: readonly WhereClause[] = [], columns?: readonly string[]): SelectOp => ({
    op: 'select',
    table,
    where,
    ...(columns ? { columns } : {}),
  }),
  update: (table: string, where: readonly WhereClause[], row: WireRow): UpdateOp => ({
    op: 'update',
    table,
    where,
    row,
  }),
  mutate: (table: string, where: readonly WhereClause[], mutations: readonly Mutation[]): MutateOp => ({
    op: 'mutate',
    table,
    where,
    mutations,
  }),
  delete: (table: string, where: readonly WhereClause[]): DeleteOp => ({ op: 'delete', table, where }),
  wait: (
    table: string,
    where: readonly WhereClause[],
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
