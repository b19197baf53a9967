/**
 * ovn-sdk: the common entry points in one import. Everything here is also exported from its own
 * subpath (`ovn-sdk/ovsdb`, `ovn-sdk/ovsdb/cache`, `ovn-sdk/ovsdb/typed`, `ovn-sdk/ovn-nb`, …), which
 * stays the place to look for the rest of an area.
 *
 * @example
 * ```ts
 * import { OvsdbSession, ReplicaCache, NbTxn, NB_DATABASE, lsAdd, lspAdd } from 'ovn-sdk';
 * const session = await OvsdbSession.start('unix:/var/run/ovn/ovnnb_db.sock', { database: NB_DATABASE, timeoutMs: 5000 });
 * const cache = await ReplicaCache.follow(session, { tables: ['Logical_Switch', 'Logical_Switch_Port'] });
 * ```
 * @packageDocumentation
 */
export { SdkError } from './errors.js';
export { OvsdbClient, OvsdbSession, op, namedUuid, uuid, OvsdbTransactionError } from './ovsdb/index.js';
export type { ClientOptions, SessionOptions, Operation } from './ovsdb/index.js';
export { ReplicaCache } from './ovsdb/cache/index.js';
export type { ReplicaCacheOptions, FollowOptions } from './ovsdb/cache/index.js';
export { transaction } from './ovsdb/typed/index.js';
export {
  NB_DATABASE,
  NbTxn,
  readNbSnapshot,
  lsAdd,
  lsDel,
  lspAdd,
  lspDel,
  lrAdd,
  lrDel,
  lrpAdd,
  lrpDel,
  ovnNorthboundModel,
} from './ovn-nb/index.js';
export { SB_DATABASE, readSbView, ovnSouthboundModel } from './ovn-sb/index.js';
