/**
 * ovsdb/cache: a replica of an OVSDB database kept current by a monitor (an IDL): typed tables,
 * schema and client-defined indexes, row events with back-pressure, live conditions, and
 * transactions that verify what they read and retry on conflict.
 */
export { SdkError } from '../../errors.js';
export { ReplicaCache, DEFAULT_FOLLOW_TIMEOUT_MS } from './cache.js';
export type { ReplicaCacheOptions, FollowOptions, MonitorMethod, RowOf } from './cache.js';
export type { RejectedRow, TablePlan, PlanOptions, ModelCheck } from './plan.js';
export { planTables } from './plan.js';
export type { ApplyTarget } from './apply.js';
export { applyUpdates1, applyUpdates2, applyMonitorEvent, applyResync } from './apply.js';
export type {
  ReadRecord,
  VerifyingReader,
  VerifiedTransactOptions,
  TransactOutcome,
  TransactFn,
  VerifyRead,
} from './verify.js';
export { verifyOps } from './verify.js';
export { CacheTable, CacheIndex } from './table.js';
export type { CacheRow, IndexSpec } from './table.js';
export { EventStream } from './events.js';
export type { RowEvent, SubscribeOptions } from './events.js';
export {
  CacheClosedError,
  CacheAbortedError,
  CacheUnknownTableError,
  CacheIndexError,
  CacheOptionError,
  CacheEventOverflowError,
  CacheProtocolError,
  CacheRetryExhaustedError,
} from './errors.js';
export type { AttemptRecord } from './errors.js';
// Thrown while following a session (see ReplicaCache.follow).
export { OvsdbSessionClosedError, OvsdbSessionGaveUpError, OvsdbSessionNotReadyError } from '../session.js';
