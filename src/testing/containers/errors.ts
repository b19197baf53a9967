/**
 * The container backend's own failures, each with a stable code (docs/errors/containers.md). Commands
 * that fail inside a container raise the harness' `HarnessCommandError` (`HARNESS_COMMAND_FAILED`).
 */
import { SdkError } from '../../errors.js';

/** No container engine answered (none installed or running, or `DOCKER_HOST` points nowhere). */
export class ContainerEngineError extends SdkError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('CONTAINER_ENGINE_UNAVAILABLE', message, options);
  }
}

/** An image lacks a program the harness needs (e.g. `ovsdb-server`), or does not exist. */
export class ContainerImageError extends SdkError {
  constructor(
    /** The image reference. */
    readonly image: string,
    /** Programs (or files) the image lacks. */
    readonly missing: readonly string[],
    message: string,
    options?: { cause?: unknown },
  ) {
    super('CONTAINER_IMAGE_INCOMPLETE', message, options);
  }
}

/** A container of the requested name already exists (a leftover of an earlier run, or another test's). */
export class ContainerNameClashError extends SdkError {
  constructor(
    /** The container name asked for. */
    readonly containerName: string,
    /** The id of the container that has it. */
    readonly existingId: string,
    options?: { cause?: unknown },
  ) {
    super(
      'CONTAINER_NAME_CLASH',
      `a container named ${containerName} already exists (${existingId.slice(0, 12)}): remove it (docker rm -f ${containerName}) or choose another name`,
      options,
    );
  }
}
