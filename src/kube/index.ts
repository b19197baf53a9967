/**
 * kube/: the Kube-OVN model — VPCs, subnets, pods, IPAM planning, views, node NAT rules — and the
 * reconciler that writes it to OVN Northbound.
 */
export { SdkError } from '../errors.js';
export {
  DEFAULT_VPC,
  JOIN_SUBNET,
  DEFAULT_SUBNET,
  OVN_PROVIDER,
  PROTOCOLS,
  GATEWAY_TYPES,
  RESERVED_CIDRS,
  podPortName,
  nodePortName,
  vipOwnerName,
  parseIpPool,
  defaultVpc,
  defaultSubnets,
  defineSubnet,
  validateSubnets,
  validateVpcs,
  selectSubnet,
  selectSubnets,
  planIpam,
  portAddresses,
  routerPortNetworks,
  logicalSwitchOtherConfig,
} from './subnet-model.js';
export type {
  Protocol,
  GatewayType,
  Vpc,
  VpcStaticRoute,
  VpcPolicyRoute,
  Subnet,
  SubnetInput,
  Pod,
  KubeVip,
  IpRecord,
  ValidateOptions,
  PlanInput,
  IpamPlan,
} from './subnet-model.js';
export {
  SUBNET_COLUMNS,
  IP_COLUMNS,
  VPC_COLUMNS,
  renderTable,
  subnetRow,
  renderSubnetTable,
  ipRow,
  renderIpTable,
  vpcRow,
  renderVpcTable,
} from './views.js';
export {
  NAT_IPSETS,
  NAT_CHAINS,
  POSTROUTING_COMMENT,
  renderNatOutgoing,
  natOutgoingCommands,
  natOutgoingCheckCommands,
  natOutgoingRuleLines,
} from './nat-rules.js';
export type { IpsetSpec, IptablesRule, IptablesChain, NatOutgoingPlan, NatOutgoingOptions } from './nat-rules.js';
export {
  DNS1123_LABEL_MAX,
  DNS1123_SUBDOMAIN_MAX,
  isDns1123Label,
  isDns1123Subdomain,
  checkKubeName,
} from './names.js';
export type { NameRule } from './names.js';
export {
  KubeModelError,
  SubnetCidrError,
  SubnetExcludeError,
  ExcludeOutsideSubnetError,
  SubnetGatewayError,
  GatewayOutsideSubnetError,
  GatewayReservedAddressError,
  U2oAddressError,
  ProtocolMismatchError,
  SubnetFieldError,
  DuplicateSubnetNameError,
  UnknownVpcError,
  SubnetsOverlapError,
  NamespaceConflictError,
  MultipleDefaultSubnetsError,
  NoSubnetForNamespaceError,
  UnknownSubnetNameError,
  SubnetInUseError,
  DuplicatePodError,
  PodFieldError,
  KubeNameError,
  SubnetReservedCidrError,
  SubnetUppercaseAddressError,
  SubnetNamedLikeVpcError,
  NamespaceOutsideVpcError,
  VpcRouteError,
  SubnetGatewayInUseError,
  IpPoolExhaustedError,
} from './model-errors.js';
export {
  KUBE_NB_COLUMNS,
  KUBE_NB_TABLES,
  KUBE_VENDOR,
  SDK_KEYS,
  gatewayMac,
  planReconcile,
  reconcile,
  recordsFromSnapshot,
  releasedFromSnapshot,
  routerPortMac,
  routerPortName,
  switchRouterPortName,
  vipPortName,
  withDefaultSubnets,
} from './reconcile.js';
export type { KubeDesiredState, ReconcileOptions, ReconcilePlan, ReconcileResult } from './reconcile.js';
export { KubeNbRecordError } from './reconcile-errors.js';
export { KubeController } from './controller.js';
export type { KubeAllocation, KubeControllerOptions } from './controller.js';
export { KubePodNotFoundError } from './controller-errors.js';
