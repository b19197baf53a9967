/**
 * testing/containers: the harness' container backend. The harness functions (`startOvsdbServer`,
 * `startOvnCentral`, `startOvsdbCluster`, `startTopology`) take `runtime: 'container'` (or read
 * `OVN_SDK_RUNTIME=container`) and an `image`; this folder holds the types, errors and defaults they use.
 * Only backend.ts (loaded on demand) imports testcontainers.
 */
export { ContainerEngineError, ContainerImageError, ContainerNameClashError } from './errors.js';
export { DEFAULT_CENTRAL_IMAGE, DEFAULT_NODE_IMAGE, resolveRuntime } from './runtime.js';
export type { HarnessRuntime, RuntimeOptions } from './runtime.js';
export type { ContainerCluster } from './cluster.js';
export type { ContainerTopologyOptions } from './topology.js';
