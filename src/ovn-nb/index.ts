/**
 * ovn-nb/: the generated OVN_Northbound model and builders that return operations — switches and
 * ports, routers, router ports and gateway chassis, static routes, policies, NAT, ACLs, address sets,
 * port groups, load balancers, DHCP options. Builders are pure functions of (desired, snapshot) on an
 * {@link NbTxn}; only the client does I/O (`client.transact(NB_DATABASE, tx.operations())`).
 */
export { SdkError } from '../errors.js';
export { NB_DATABASE, NB_BUILDER_TABLES, NbTxn, readNbSnapshot, snapshotFromResults, snapshotSelects, refAtom, refCondition, sameValue, wireRow } from './txn.js';
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
  lrpAdd,
  lrpDel,
  lrpDelGatewayChassis,
  lrpSetGatewayChassis,
} from './router.js';
export type { LogicalRouterPortSpec, LogicalRouterSpec, NatSpec, NatType, RoutingPolicySpec, StaticRouteSpec } from './router.js';
export { aclAdd, aclDel, addressSetAdd, addressSetDel, portGroupAdd, portGroupDel } from './security.js';
export type { AclSpec, AclTarget } from './security.js';
export { dhcpOptionsAdd, dhcpOptionsDel, lbAdd, lbDel, lrLbAdd, lsLbAdd, lspSetDhcpv4Options } from './lb.js';
export type { DhcpOptionsSpec, LoadBalancerSpec } from './lb.js';
export { renderNbShow } from './show.js';
export { NbBuilderError, NbDuplicateNameError, NbInvalidArgumentError, NbParentNotFoundError, NbRowExistsError, NbRowNotFoundError, NbWrongParentError } from './errors.js';
export { ovnNorthboundModel, ovnNorthboundSchema } from './model.js';
