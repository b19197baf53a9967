import { SdkError } from '../errors.js';

/** A schema document that does not follow RFC 7047 §3.2. `path` names the offending member. */
export class OvsdbSchemaError extends SdkError {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super('OVSDB_SCHEMA_INVALID', `${path}: ${message}`);
  }
}

/**
 * A value that does not fit its column (RFC 7047 §5.1 notation or the column's constraints), refused
 * before anything is sent. Names database, table and column where known.
 */
export class OvsdbValueError extends SdkError {
  constructor(
    message: string,
    readonly where: { readonly database?: string; readonly table?: string; readonly column?: string },
    readonly value?: unknown,
  ) {
    const at = [where.database, where.table, where.column].filter(Boolean).join('.');
    super('OVSDB_INVALID_VALUE', at ? `${at}: ${message}` : message);
  }
}

/** An argument to a client call that cannot be sent (unknown table, bad condition, wrong mutator…). */
export class OvsdbArgumentError extends SdkError {
  constructor(message: string) {
    super('OVSDB_INVALID_ARGUMENT', message);
  }
}
