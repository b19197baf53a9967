/**
 * kube/: the Kube-OVN model — VPCs, subnets, pods, IPAM planning, views, node NAT rules — and the
 * reconciler that writes it to OVN Northbound.
 */
export * from './subnet-model.js';
export * from './views.js';
export * from './nat-rules.js';
export * from './model-errors.js';
export * from './names.js';
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
