/**
 * Errors of the `ovn-sdk` command line. Each has a stable code (docs/errors/cli.md); the command maps
 * usage errors to exit code 2 and every other error to 1.
 */
import { SdkError } from '../errors.js';

/** Where in a manifest file a problem was found (1-based line and column). */
export interface ManifestPosition {
  readonly file: string;
  readonly line: number;
  readonly col: number;
}

/**
 * A manifest that cannot be applied as written: YAML that does not parse, an unknown kind or field, a
 * value of the wrong type. The message starts with `file:line:col` and ends with a hint when one helps.
 */
export class ManifestError extends SdkError {
  readonly position: ManifestPosition;
  readonly hint: string | undefined;
  constructor(position: ManifestPosition, message: string, hint?: string) {
    super(
      'CLI_MANIFEST_INVALID',
      `${position.file}:${position.line}:${position.col}: ${message}${hint ? `\n  hint: ${hint}` : ''}`,
    );
    this.position = position;
    this.hint = hint;
  }
}

/** A manifest path that does not exist or cannot be read. */
export class ManifestReadError extends SdkError {
  constructor(path: string, options?: { cause?: unknown }) {
    super(
      'CLI_MANIFEST_UNREADABLE',
      `cannot read ${path}: ${(options?.cause as Error | undefined)?.message ?? 'unknown error'}`,
      options,
    );
  }
}

/** A kind that the command line knows but this version cannot apply yet (the reason is in the message). */
export class UnsupportedResourceError extends SdkError {
  constructor(position: ManifestPosition, what: string, reason: string) {
    super(
      'CLI_UNSUPPORTED',
      `${position.file}:${position.line}:${position.col}: ${what} is not supported by this version: ${reason}`,
    );
  }
}

/** Bad command-line usage: unknown resource type, missing argument, both -f and a name… (exit code 2). */
export class CliUsageError extends SdkError {
  constructor(message: string) {
    super('CLI_USAGE', message);
  }
}

/** `get`/`delete` of an object that NB does not hold. */
export class NotFoundError extends SdkError {
  constructor(kind: string, name: string, hint?: string) {
    super('CLI_NOT_FOUND', `${kind} "${name}" not found${hint ? ` (${hint})` : ''}`);
  }
}

/** What NB holds under the command line's keys cannot be read back (written by something else). */
export class StoredStateError extends SdkError {
  constructor(where: string, detail: string) {
    super('CLI_STATE_INVALID', `${where}: ${detail}`);
  }
}

/** An external command the CLI runs (ovn-trace) failed or is missing. */
export class ToolError extends SdkError {
  constructor(tool: string, detail: string, options?: { cause?: unknown }) {
    super('CLI_TOOL_FAILED', `${tool}: ${detail}`, options);
  }
}

/** An IP object that is a pod's own address: it changes or goes with the pod, not on its own. */
export class IpOwnedByPodError extends SdkError {
  constructor(ip: string, pod: string, detail: string) {
    super('CLI_IP_OWNED_BY_POD', `ip ${ip} is the address of pod ${pod}: ${detail}`);
  }
}

/** A field Kube-OVN does not let change once the object exists (delete it and apply it again). */
export class ImmutableFieldError extends SdkError {
  constructor(ref: string, field: string, from: string, to: string) {
    super(
      'CLI_FIELD_IMMUTABLE',
      `${ref}: ${field} cannot change (from "${from}" to "${to}"); delete the object and apply it again`,
    );
  }
}

/** `capture --node` where no harness topology runs (or several do): the message says where it works. */
export class CaptureUnavailableError extends SdkError {
  constructor(node: string, detail: string, how: string) {
    super('CLI_CAPTURE_UNAVAILABLE', `capture --node ${node}: ${detail}\n  hint: ${how}`);
  }
}
