/**
 * Errors of the embedded server. Two kinds live here:
 * - {@link OvsdbError}: an RFC 7047 `<error>` the server sends to a client (`error`, `details`,
 *   `syntax`), with ovsdb-server's exact strings. Thrown inside the server while executing a request
 *   and turned into a reply; users see it only as a reply value.
 * - Errors a user of the server API gets (bad options, unreadable database file, bad remote).
 */
import { SdkError } from '../errors.js';
import { ovsJsonText } from './json-text.js';

/** An RFC 7047 error object as ovsdb-server builds it (lib/ovsdb-error.c). */
export class OvsdbError extends SdkError {
  readonly tag: string;
  readonly details: string | undefined;
  /** ovsdb-server's sorted JSON text of the offending input (syntax errors only). */
  readonly syntax: string | undefined;

  constructor(tag: string | null, details?: string, syntax?: string) {
    super('SERVER_OVSDB_ERROR', details ? `${tag ?? 'ovsdb error'}: ${details}` : (tag ?? 'ovsdb error'));
    this.tag = tag ?? 'ovsdb error';
    this.details = details;
    this.syntax = syntax;
  }

  /** The `<error>` object sent on the wire. */
  toJson(): Record<string, string> {
    const o: Record<string, string> = { error: this.tag };
    if (this.details !== undefined) o.details = this.details;
    if (this.syntax !== undefined) o.syntax = this.syntax;
    return o;
  }
}

/** `ovsdb_syntax_error()`: tag defaults to "syntax error"; `syntax` is the JSON text of `json` when given. */
export function syntaxError(json: unknown, tag: string | null, details: string): OvsdbError {
  return new OvsdbError(tag ?? 'syntax error', details, json === undefined ? undefined : ovsJsonText(json));
}

/** The server was given options it cannot use (unknown schema name, duplicate database…). */
export class ServerConfigError extends SdkError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('SERVER_BAD_CONFIG', message, options);
  }
}

/** A database file could not be read or does not hold a standalone OVSDB database. */
export class ServerDbFileError extends SdkError {
  constructor(
    readonly file: string,
    message: string,
    readonly line?: number,
    options?: { cause?: unknown },
  ) {
    super('SERVER_DB_FILE', `${file}${line !== undefined ? `:${line}` : ''}: ${message}`, options);
  }
}

/** The server is stopped, or a listener could not be opened. */
export class ServerStateError extends SdkError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('SERVER_STATE', message, options);
  }
}
