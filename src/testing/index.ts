/**
 * testing/: an exported harness that starts real Open vSwitch / OVN daemons for tests — standalone
 * ovsdb-server for any schema, ovn-northd between NB and SB, RAFT clusters — and stops them leaving
 * no process, socket or temp dir behind.
 */
export { SdkError } from '../errors.js';
export {
  startOvsdbServer,
  startNorthd,
  startOvnCentral,
  startOvsdbCluster,
  setElectionTimer,
  freePort,
  daemonEnv,
  SCHEMAS,
} from './ovsdb-server.js';
export { parseClusterStatus } from './ovsdb-server.js';
export type {
  OvsdbServer,
  StartOvsdbOptions,
  Northd,
  OvnCentral,
  OvsdbCluster,
  ClusterMember,
  ClusterStatus,
  MemberPlacement,
  StartClusterOptions,
  SchemaName,
} from './ovsdb-server.js';
export {
  waitMemberReady,
  restartMember,
  removeMember,
  rejoinMember,
  addMember,
  transferLeadership,
  makeLeader,
  pauseMember,
  electionTimer,
  createVethNamespace,
  startPartitionableCluster,
} from './cluster-ops.js';
export type { TransferMethod, VethNamespace, PartitionableCluster } from './cluster-ops.js';
export { HarnessError, HarnessCommandError, run, alive, terminate, waitFor } from './process.js';
export { startFaultProxy, startFakePeer, isEchoRequest } from './fault-proxy.js';
export { startHostilePeer, connectHostile } from './hostile-peer.js';
export type { HostilePeer, HostileConnection, HostilePeerOptions } from './hostile-peer.js';
export { seededRandom, xorshift32 } from './random.js';
export type {
  FaultProxy,
  ChunkingPolicy,
  FakePeer,
  FakeScript,
  ProxyDirection,
  FaultProxyOptions,
  MessageFilter,
} from './fault-proxy.js';
export { startOvsdbRelay } from './relay.js';
export type { OvsdbRelay, StartRelayOptions } from './relay.js';
export { startTopology } from './topology.js';
export type { Topology, TopologyOptions, TopoNode, TopoPod, PodSpec } from './topology.js';
export { startVswitchd, createNetns, deleteNetns } from './vswitchd.js';
export type { Vswitchd, VswitchdOptions } from './vswitchd.js';
export { startE2eScenario, SCENARIO, E2eStepError, E2eHelperError } from './e2e-scenario.js';
export type { E2eScenario, E2eScenarioOptions, ScenarioPod } from './e2e-scenario.js';
export { explainTunnelCapture, renderTunnelLines } from './e2e-explain.js';
export type { TunnelLine } from './e2e-explain.js';
export { openBrInt } from './e2e-openflow.js';
export type { BrIntSession } from './e2e-openflow.js';
export {
  ContainerEngineError,
  ContainerImageError,
  ContainerNameClashError,
  DEFAULT_CENTRAL_IMAGE,
  DEFAULT_NODE_IMAGE,
  resolveRuntime,
} from './containers/index.js';
export type { HarnessRuntime, RuntimeOptions, ContainerCluster, ContainerTopologyOptions } from './containers/index.js';
export { startEmbeddedOvsdb, startOvsdb, startEmbeddedCentral } from './embedded.js';
export type { EmbeddedOvsdb, StartEmbeddedOptions, OvsdbBackend, EmbeddedCentral } from './embedded.js';
