/**
 * Typed OVSDB transactions over generated models: operations built from typed rows, conditions
 * and mutations restricted by column kind, named-uuid references across operations, validation
 * against the schema before anything is sent, typed per-operation results, and schema skew
 * between a generated model and a server.
 */
export type { DatabaseSchema } from '../schema.js';
export type { DatabaseModel, NamedRef, Ref, TableTypes, Uuid } from './types.js';
export type { InsertOptions, InsertStep, Step, TablesOf } from './transaction.js';
export { Transaction, transaction } from './transaction.js';
export { TransactionResults, decodeResults, decodeRow } from './results.js';
export type { NamedUuidScope } from '../validate.js';
export { checkCondition, checkMutation, validateOperation, validateOperations } from '../validate.js';
export { asUuid } from './uuid.js';
export { SdkError } from '../../errors.js';
export {
  OvsdbTypedError,
  UnknownTableError,
  UnknownColumnError,
  ImmutableColumnError,
  ConditionNotAllowedError,
  MutatorNotAllowedError,
  NamedUuidUndefinedError,
  NamedUuidDuplicateError,
  NamedUuidWrongTableError,
  ResultMismatchError,
  TransactionOperationError,
} from './errors.js';
export type { SchemaLocation } from './errors.js';
export type { AdaptedOperations, ChangedColumn, ColumnRef, MissingColumn, SchemaSkew } from './skew.js';
export { SchemaSkewError, adaptOperations, compareSchemas, describeSkew, sharedColumns } from './skew.js';
export { requiredOnInsert, serverDefaultAtom } from '../defaults.js';
