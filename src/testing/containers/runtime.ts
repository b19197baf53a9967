/**
 * Which backend a harness call uses: `process` (local daemons, the default) or `container` (daemons in
 * containers driven through testcontainers), per call or through `OVN_SDK_RUNTIME`; and the default
 * images, overridable per call (`image`) or through `OVN_SDK_CENTRAL_IMAGE` / `OVN_SDK_NODE_IMAGE`.
 * No I/O, no testcontainers import: the process backend loads this file only.
 */
import type * as Backend from './backend.js';
import { HarnessError } from '../process.js';
import { ContainerEngineError } from './errors.js';

/** Where the harness runs daemons: local processes (default) or containers (`OVN_SDK_RUNTIME=container`). */
export type HarnessRuntime = 'process' | 'container';

/** What every container-capable harness call accepts. */
export interface RuntimeOptions {
  /** `process` (default, or `OVN_SDK_RUNTIME`) or `container`. */
  readonly runtime?: HarnessRuntime;
  /** Container runtime only: the image to run (see docs/containers.md for what it must contain). */
  readonly image?: string;
  /** Container runtime only: the name of the (first) container; a clash is `CONTAINER_NAME_CLASH`. */
  readonly containerName?: string;
}

/** The default central image (NB, SB, ovn-northd, the OVN and OVS client tools). */
export const DEFAULT_CENTRAL_IMAGE = 'ovn-sdk/ovn-central:bookworm';
/** The default node image (Open_vSwitch ovsdb-server, ovs-vswitchd, ovn-controller, ip, ping…). */
export const DEFAULT_NODE_IMAGE = 'ovn-sdk/ovn-node:bookworm';

/** The runtime a call uses: its own option, else `OVN_SDK_RUNTIME`, else `process`. */
export function resolveRuntime(opt: HarnessRuntime | undefined): HarnessRuntime {
  const r = opt ?? process.env.OVN_SDK_RUNTIME ?? 'process';
  if (r !== 'process' && r !== 'container')
    throw new HarnessError(
      `unknown harness runtime ${JSON.stringify(r)} (OVN_SDK_RUNTIME must be process or container)`,
    );
  return r;
}

export function centralImage(opt: string | undefined): string {
  return opt ?? process.env.OVN_SDK_CENTRAL_IMAGE ?? DEFAULT_CENTRAL_IMAGE;
}

export function nodeImage(opt: string | undefined): string {
  return opt ?? process.env.OVN_SDK_NODE_IMAGE ?? DEFAULT_NODE_IMAGE;
}

/**
 * Loads the container backend (and testcontainers with it) on first use.
 * @throws {ContainerEngineError} `CONTAINER_ENGINE_UNAVAILABLE` when testcontainers is not installed
 */
export async function containerBackend(): Promise<typeof Backend> {
  try {
    return await import('./backend.js');
  } catch (e) {
    if (
      (e as { code?: string }).code === 'ERR_MODULE_NOT_FOUND' &&
      String((e as Error).message).includes('testcontainers')
    ) {
      throw new ContainerEngineError(
        'the container runtime needs the testcontainers package: npm install -D testcontainers@11',
        { cause: e },
      );
    }
    throw e;
  }
}
