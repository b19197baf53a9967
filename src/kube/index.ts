/**
 * kube/: the Kube-OVN model — VPCs, subnets, pods, IPAM planning, views, node NAT rules — and the
 * reconciler that writes it to OVN Northbound.
 */
export { SdkError } from '../errors.js';
export { DEFAULT_VPC, JOIN_SUBNET, DEFAULT_SUBNET, OVN_PROVIDER, PROTOCOLS, GATEWAY_TYPES, podPortName, nodePortName, defaultVpc, defaultSubnets, defineSubnet, validateSubnets, selectSubnet, planIpam, portAddresses, routerPortNetworks, logicalSwitchOtherConfig } from './subnet-model.js';
export type { Protocol, GatewayType, Vpc, Subnet, SubnetInput, Pod, IpRecord, ValidateOptions, PlanInput, IpamPlan } from './subnet-model.js';
export { SUBNET_COLUMNS, IP_COLUMNS, renderTable, subnetRow, renderSubnetTable, ipRow, renderIpTable } from './views.js';
export { NAT_IPSETS, NAT_CHAINS, POSTROUTING_COMMENT, renderNatOutgoing, natOutgoingCommands, natOutgoingCheckCommands, natOutgoingRuleLines } from './nat-rules.js';
export type { IpsetSpec, IptablesRule, IptablesChain, NatOutgoingPlan, NatOutgoingOptions } from './nat-rules.js';
export { KubeModelError, SubnetCidrError, SubnetExcludeError, ExcludeOutsideSubnetError, SubnetGatewayError, GatewayOutsideSubnetError, GatewayReservedAddressError, U2oAddressError, ProtocolMismatchError, SubnetFieldError, DuplicateSubnetNameError, UnknownVpcError, SubnetsOverlapError, NamespaceConflictError, MultipleDefaultSubnetsError, NoSubnetForNamespaceError, UnknownSubnetNameError, SubnetInUseError, DuplicatePodError, PodFieldError } from './model-errors.js';
export {
  KUBE_NB_COLUMNS,
  KUBE_NB_TABLES,
  KUBE_VENDOR,
  gatewayMac,
  planReconcile,
  reconcile,
  recordsFromSnapshot,
  routerPortName,
  switchRouterPortName,
  withDefaultSubnets,
} from './reconcile.js';
export type { KubeDesiredState, ReconcileOptions, ReconcilePlan, ReconcileResult } from './reconcile.js';
export { KubeNbRecordError } from './reconcile-errors.js';
