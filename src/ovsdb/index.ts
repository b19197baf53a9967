/**
 * ovsdb/: the OVSDB client (RFC 7047 + Open vSwitch extensions), JSON notation, schemas, operations,
 * validation and typed errors.
 */
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
export type { DatabaseSchema, TableSchema, ColumnSchema, ColumnType, BaseType, AtomicType, ColumnKind } from './schema.js';
export * from './notation.js';
export * from './operations.js';
export { validateOperations } from './validate.js';
export * from './errors.js';
export { OvsdbSession, OvsdbRemoteRejectedError, OvsdbSessionClosedError, OvsdbSessionGaveUpError, OvsdbSessionNotReadyError } from './session.js';
export type { SessionOptions, SessionState, SessionEvent, SessionMetric, ConnectHook, SessionTransactOptions, RemoteFailure } from './session.js';
export { exponentialBackoff } from './backoff.js';
export type { BackoffPolicy, ExponentialBackoffOptions } from './backoff.js';
export * from './cache/index.js';
