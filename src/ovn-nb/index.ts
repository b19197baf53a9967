/**
 * ovn-nb/: the generated OVN_Northbound model and builders that return operations — switches and
 * ports, routers, router ports and gateway chassis, static routes, policies, NAT, ACLs, address sets,
 * port groups, load balancers, DHCP options, HA chassis groups, meters, QoS, DNS — and readers
 * (list.ts). Builders are pure functions of (desired, source) on an {@link NbTxn}. The write path for
 * controllers is `NbReplica.transact` (replica.ts: planned on a ReplicaCache, guarded, re-planned on
 * conflict, read-your-writes, `wait: 'sb' | 'hv'`); one-shot scripts use `readNbSnapshot` +
 * `client.transact(NB_DATABASE, tx.operations())`. See docs/write-path.md.
 */
export { SdkError } from '../errors.js';
export {
  NB_DATABASE,
  NB_BUILDER_TABLES,
  NbTxn,
  readNbSnapshot,
  snapshotFromResults,
  snapshotSelects,
  refAtom,
  refCondition,
  sameValue,
  wireRow,
} from './txn.js';
export type { NbColumns, NbSnapshot, NbRow, NbTable, RowRef, JsRow, ColumnValue } from './txn.js';
export type { ExistOptions, RemoveOptions } from './common.js';
export { LSP_TYPES, lsAdd, lsDel, lspAdd, lspAddresses, lspDel, switchOtherConfig } from './switch.js';
export type { LogicalSwitchPortSpec, LogicalSwitchSpec, LspType } from './switch.js';
export {
  NAT_TYPES,
  lrAdd,
  lrDel,
  lrNatAdd,
  lrNatDel,
  lrPolicyAdd,
  lrPolicyDel,
  lrRouteAdd,
  lrRouteDel,
  lrRouteDelWhere,
  lrPolicyDelWhere,
  lrNatDelWhere,
  lrpAdd,
  lrpDel,
  lrpDelGatewayChassis,
  lrpSetGatewayChassis,
} from './router.js';
export type {
  LogicalRouterPortSpec,
  LogicalRouterSpec,
  NatSpec,
  NatType,
  RoutingPolicySpec,
  StaticRouteSpec,
} from './router.js';
export { aclAdd, aclDel, addressSetAdd, addressSetDel, portGroupAdd, portGroupDel } from './security.js';
export type { AclSpec, AclTarget } from './security.js';
export { dhcpOptionsAdd, dhcpOptionsDel, lbAdd, lbDel, lrLbAdd, lsLbAdd, lspSetDhcpv4Options } from './lb.js';
export type { DhcpOptionsSpec, LoadBalancerSpec } from './lb.js';
export { renderNbShow } from './show.js';
export {
  NbBuilderError,
  NbDuplicateNameError,
  NbInvalidArgumentError,
  NbParentNotFoundError,
  NbRowExistsError,
  NbRowNotFoundError,
  NbWrongParentError,
} from './errors.js';
export { ovnNorthboundModel, ovnNorthboundSchema } from './model.js';
export { NbReplica, NB_REPLICA_TABLES, replicaSource } from './replica.js';
export type { NbCommit, NbTransactOptions, NbWaitTarget } from './replica.js';
export { snapshotSource } from './txn.js';
export type { NbSource } from './txn.js';
export {
  NbConflictError,
  NbNoChassisError,
  NbReplicaLagError,
  NbReplicaNotSyncedError,
  NbWaitTimeoutError,
} from './errors.js';
export type { NbConflict } from './errors.js';
export { lspSet, pgAddPorts, pgDelPorts } from './port-settings.js';
export type { LspSettings } from './port-settings.js';
export {
  haChassisGroupAdd,
  haChassisGroupAddChassis,
  haChassisGroupDel,
  haChassisGroupDelChassis,
  lsDnsClear,
  lsDnsSet,
  meterAdd,
  meterDel,
  qosAdd,
  qosDel,
} from './services.js';
export type { MeterSpec, QosSpec } from './services.js';
export {
  aclList,
  addressSetList,
  dhcpOptionsList,
  haChassisGroupGet,
  lbList,
  lrGet,
  lrList,
  lrNatList,
  lrPolicyList,
  lrRouteList,
  lrpGet,
  lrpList,
  lsDnsList,
  lsGet,
  lsList,
  lspGet,
  lspList,
  meterList,
  pgGet,
  qosList,
} from './list.js';
