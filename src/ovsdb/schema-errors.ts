/**
 * Errors of validation against a schema (see docs/errors/codegen.md): unknown tables and columns,
 * conditions and mutators a column kind does not allow, immutable columns, named-uuid references.
 * Each names the database and, where it applies, the table, the column and the offending value.
 * Values that do not fit a column raise `OvsdbValueError` (`OVSDB_INVALID_VALUE`, errors.ts);
 * malformed plain operations raise `OvsdbArgumentError` (`OVSDB_INVALID_ARGUMENT`).
 */
import { SdkError } from '../errors.js';

/** Where in a database something went wrong. */
export interface SchemaLocation {
  readonly database: string;
  readonly table?: string;
  readonly column?: string;
}

const at = (w: SchemaLocation) => [w.database, w.table, w.column].filter((x) => x !== undefined).join('.');

/** Base of the typed-layer errors: carries the location and the offending value. */
export abstract class OvsdbTypedError extends SdkError {
  readonly database: string;
  readonly table: string | undefined;
  readonly column: string | undefined;
  constructor(
    code: string,
    message: string,
    where: SchemaLocation,
    readonly value?: unknown,
    options?: { cause?: unknown },
  ) {
    super(code, `${at(where)}: ${message}`, options);
    this.database = where.database;
    this.table = where.table;
    this.column = where.column;
  }
}

/** The table is not in the schema. */
export class UnknownTableError extends OvsdbTypedError {
  constructor(where: SchemaLocation & { readonly table: string }) {
    super('OVSDB_UNKNOWN_TABLE', 'no such table', where, where.table);
  }
}

/** The column is not in the table. */
export class UnknownColumnError extends OvsdbTypedError {
  constructor(where: SchemaLocation & { readonly table: string; readonly column: string }) {
    super('OVSDB_UNKNOWN_COLUMN', 'no such column', where, where.column);
  }
}

/** An update or mutate writes an immutable column, or `_uuid` / `_version`. */
export class ImmutableColumnError extends OvsdbTypedError {
  constructor(where: SchemaLocation & { readonly table: string; readonly column: string }, value: unknown, op: string) {
    super('OVSDB_IMMUTABLE_COLUMN', `column is immutable; ${op} may not set it`, where, value);
  }
}

/** A condition function that does not apply to the column's kind (e.g. `<` on a string, `includes` on an atom). */
export class ConditionNotAllowedError extends OvsdbTypedError {
  constructor(
    where: SchemaLocation,
    readonly fn: string,
    value: unknown,
    why: string,
  ) {
    super('OVSDB_CONDITION_NOT_ALLOWED', `condition "${fn}" ${why}`, where, value);
  }
}

/** A mutator that does not apply to the column's kind (e.g. `+=` on a string, `insert` on an atom, `%=` on a real). */
export class MutatorNotAllowedError extends OvsdbTypedError {
  constructor(
    where: SchemaLocation,
    readonly mutator: string,
    value: unknown,
    why: string,
  ) {
    super('OVSDB_MUTATOR_NOT_ALLOWED', `mutator "${mutator}" ${why}`, where, value);
  }
}

/** A `["named-uuid", name]` that no insert of the transaction defines. */
export class NamedUuidUndefinedError extends OvsdbTypedError {
  constructor(
    where: SchemaLocation,
    readonly uuidName: string,
  ) {
    super(
      'OVSDB_NAMED_UUID_UNDEFINED',
      `named-uuid "${uuidName}" is not defined by any insert of the transaction`,
      where,
      uuidName,
    );
  }
}

/** Two inserts (or two `ref()` calls) of one transaction use the same uuid-name. */
export class NamedUuidDuplicateError extends OvsdbTypedError {
  constructor(
    where: SchemaLocation,
    readonly uuidName: string,
  ) {
    super('OVSDB_NAMED_UUID_DUPLICATE', `uuid-name "${uuidName}" is defined twice in the transaction`, where, uuidName);
  }
}

/** A named reference to a row of one table placed in a column that references another table. */
export class NamedUuidWrongTableError extends OvsdbTypedError {
  constructor(
    where: SchemaLocation,
    readonly uuidName: string,
    readonly actualTable: string,
    readonly expectedTable: string,
  ) {
    super(
      'OVSDB_NAMED_UUID_WRONG_TABLE',
      `named-uuid "${uuidName}" is a row of ${actualTable}, the column references ${expectedTable}`,
      where,
      uuidName,
    );
  }
}
