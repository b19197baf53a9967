/**
 * The base of every error this SDK throws. Each failure has its own subclass and a stable `code`
 * (listed in docs/errors.md); `cause` carries the underlying error where there is one.
 */
export class SdkError extends Error {
  /** Stable, documented code, e.g. `OVSDB_CONSTRAINT_VIOLATION`. */
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = new.target.name;
  }
}
