/**
 * ovsdb/: the OVSDB client (RFC 7047 + Open vSwitch extensions), the leader-aware session, JSON
 * notation, schemas, operations and typed errors. The replica cache lives in `ovn-sdk/ovsdb/cache`,
 * typed transactions over generated models in `ovn-sdk/ovsdb/typed`.
 *
 * Rule for this list: what a user writes or catches is exported by name; the notation's value
 * checkers and converters (checkAtom, datumToWire, BAD_STRING_RE, …) are codec internals and are not.
 * Every error a function of this subpath throws is exported here, including those raised by the
 * layers below it (JSON-RPC, transport) and by schema validation in `transact`.
 */
export { SdkError } from '../errors.js';
export { OvsdbClient, ZERO_TXN_ID } from './client.js';
export type {
  ClientOptions,
  CallOptions,
  TransactOptions,
  MonitorRequest,
  MonitorRequests,
  MonitorSelect,
  MonitorEvent,
  MonitorCondSinceResult,
  RowUpdate,
  RowUpdate2,
  TableUpdates,
  TableUpdates2,
  LockEvent,
} from './client.js';
export { parseSchema, columnKind, getColumn } from './schema.js';
export type {
  DatabaseSchema,
  TableSchema,
  ColumnSchema,
  ColumnType,
  BaseType,
  AtomicType,
  ColumnKind,
} from './schema.js';
export { uuid, namedUuid, wireSet, wireMap, isWireUuid, isWireNamedUuid, isNamedUuid } from './notation.js';
export type {
  WireUuid,
  WireNamedUuid,
  WireAtom,
  WireSet,
  WireMap,
  WireValue,
  WireRow,
  NamedUuid,
  Atom,
  Datum,
} from './notation.js';
export { op, cond, mutation, byUuid } from './operations.js';
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
} from './operations.js';
export {
  OvsdbSchemaError,
  OvsdbValueError,
  OvsdbArgumentError,
  OvsdbTransactionError,
  TRANSACTION_ERROR_CODES,
  transactionErrorCode,
  OvsdbRpcError,
  RPC_ERROR_CODES,
  OvsdbClientClosedError,
  OvsdbOutcomeUnknownError,
  OvsdbConnectError,
  OvsdbConnectAbortedError,
  OvsdbMalformedResultError,
} from './errors.js';
// Thrown by OvsdbClient.transact's validation against the schema (also exported by ./ovsdb/typed).
export { validateOperations } from './validate.js';
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
} from './schema-errors.js';
export type { SchemaLocation } from './schema-errors.js';
// Thrown by the client from the layers below it.
export {
  JsonRpcFramingError,
  JsonRpcMessageTooLargeError,
  JsonRpcProtocolError,
  JsonRpcConnectionClosedError,
  JsonRpcTimeoutError,
  JsonRpcAbortedError,
  JsonRpcInactivityError,
  JsonRpcErrorResponse,
  JsonRpcMessageTimeoutError,
  JsonRpcValueLimitError,
  JsonRpcDispatchError,
} from '../jsonrpc/errors.js';
export type { Logger } from '../jsonrpc/peer.js';
export {
  RemoteSyntaxError,
  TransportConnectError,
  TransportTlsError,
  TransportWriteQueueFullError,
} from '../transport/errors.js';
export type { TlsOptions } from '../transport/stream.js';
export {
  OvsdbSession,
  DEFAULT_START_TIMEOUT_MS,
  OvsdbRemoteRejectedError,
  OvsdbSessionClosedError,
  OvsdbSessionGaveUpError,
  OvsdbSessionNotReadyError,
  OvsdbSessionAbortedError,
} from './session.js';
export type {
  SessionOptions,
  SessionState,
  SessionEvent,
  SessionMetric,
  ConnectHook,
  SessionTransactOptions,
  RemoteFailure,
} from './session.js';
export { exponentialBackoff } from './backoff.js';
export type { BackoffPolicy, ExponentialBackoffOptions } from './backoff.js';
