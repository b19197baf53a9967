/** Errors of the code generator (see docs/errors/codegen.md). */
import { SdkError } from '../errors.js';

/** Two tables of one schema map to the same TypeScript type name (e.g. `Foo_Bar` and `FooBar`). */
export class CodegenNameCollisionError extends SdkError {
  constructor(
    message: string,
    readonly tables: readonly [string, string],
  ) {
    super('CODEGEN_NAME_COLLISION', message);
  }
}

/** A schema value cannot be written as a TypeScript literal (a non-finite number). */
export class CodegenUnrepresentableError extends SdkError {
  constructor(
    message: string,
    readonly value: unknown,
  ) {
    super('CODEGEN_UNREPRESENTABLE', message);
  }
}

/** The `ovsdb-codegen` command line is wrong. */
export class CodegenUsageError extends SdkError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('CODEGEN_USAGE', message, options);
  }
}

/** A schema file cannot be read or parsed as JSON, or an output file cannot be written. */
export class CodegenIoError extends SdkError {
  constructor(
    message: string,
    readonly path: string,
    options?: { cause?: unknown },
  ) {
    super('CODEGEN_IO', message, options);
  }
}
