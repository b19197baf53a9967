/** The container backend's entry points, loaded on demand by the harness (runtime.ts). */
export { startOvsdbServerContainer, startOvnCentralContainer } from './central.js';
export { startOvsdbClusterContainer } from './cluster.js';
export { startTopologyContainer } from './topology.js';
