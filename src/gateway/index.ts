/**
 * gateway/: a JSON-RPC 2.0 server over WebSocket and a topology page on one port, backed by replicas
 * of the Northbound (and Southbound) — the kubectl views, the topology, live row events, traces,
 * explained GENEVE captures and manifest apply/delete for browsers and any JSON-RPC 2.0 client.
 * See docs/gateway.md for the methods and the error codes.
 */
export { SdkError } from '../errors.js';
export { startGateway, parseListen, originAllowed } from './server.js';
export type { Gateway, GatewayOptions, GatewayStats } from './server.js';
export { DEFAULT_LIMITS, TokenBucket } from './limits.js';
export type { GatewayLimits } from './limits.js';
export { topologyFrom } from './topology.js';
export type {
  Topology,
  TopologyNode,
  TopologyPod,
  TopologyPort,
  TopologyRouter,
  TopologySwitch,
  SubnetUsageCount,
} from './topology.js';
export { tracePath, WRITE_METHODS } from './methods.js';
export type { ExplainedLine } from './methods.js';
export { GATEWAY_PAGE_HTML } from './page.js';
export {
  GATEWAY_RPC_CODES,
  GATEWAY_CLOSE_CODES,
  GatewayRpcError,
  GatewayInvalidParamsError,
  GatewayUnauthorizedError,
  GatewayRateLimitError,
  GatewayTooLargeError,
  GatewayNoSouthboundError,
  GatewayUnknownSubscriptionError,
  GatewayOptionError,
  GatewaySlowConsumerError,
} from './errors.js';
