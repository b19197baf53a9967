import { SdkError } from '../errors.js';

/**
 * Errors of the Northbound builders (src/ovn-nb/). Each names the table and the row key (a name, or
 * the identifying columns of an unnamed row) it is about; docs/errors/ovn.md lists the codes.
 */
export abstract class NbBuilderError extends SdkError {
  /** Table the failure is about, e.g. `Logical_Switch_Port`. */
  readonly table: string;
  /** The row key: a name, or e.g. `to-lport 1001 ip4`. */
  readonly key: string;
  constructor(code: string, message: string, table: string, key: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.table = table;
    this.key = key;
  }
}

/** A row already exists and the caller asked for `mayExist: false` (ovn-nbctl without `--may-exist`). */
export class NbRowExistsError extends NbBuilderError {
  constructor(table: string, key: string) {
    super('NB_ROW_EXISTS', `${table} ${key} already exists`, table, key);
  }
}

/** A row to change or delete does not exist and the caller asked for `ifExists: false`. */
export class NbRowNotFoundError extends NbBuilderError {
  constructor(table: string, key: string) {
    super('NB_ROW_NOT_FOUND', `${table} ${key} does not exist`, table, key);
  }
}

/** The parent row (switch, router, port group, port…) a builder needs does not exist. */
export class NbParentNotFoundError extends NbBuilderError {
  readonly parentTable: string;
  readonly parent: string;
  constructor(table: string, key: string, parentTable: string, parent: string) {
    super('NB_PARENT_NOT_FOUND', `${table} ${key}: ${parentTable} ${parent} does not exist`, table, key);
    this.parentTable = parentTable;
    this.parent = parent;
  }
}

/** A port exists but on another switch/router than the one named (ovn-nbctl refuses this too). */
export class NbWrongParentError extends NbBuilderError {
  readonly parent: string;
  readonly actualParent: string;
  constructor(table: string, key: string, parent: string, actualParent: string) {
    super('NB_WRONG_PARENT', `${table} ${key} belongs to ${actualParent}, not ${parent}`, table, key);
    this.parent = parent;
    this.actualParent = actualParent;
  }
}

/** Two rows of a table without a name index share the name, so a name does not say which one is meant. */
export class NbDuplicateNameError extends NbBuilderError {
  readonly uuids: readonly string[];
  constructor(table: string, key: string, uuids: readonly string[]) {
    super('NB_DUPLICATE_NAME', `${table} ${key}: ${uuids.length} rows have this name (${uuids.join(', ')})`, table, key);
    this.uuids = uuids;
  }
}

/** A builder argument is malformed (e.g. an empty name, a bad MAC, a bad prefix, a bad priority). */
export class NbInvalidArgumentError extends NbBuilderError {
  readonly field: string;
  readonly value: string;
  constructor(table: string, key: string, field: string, value: string, expected: string) {
    super('NB_INVALID_ARGUMENT', `${table} ${key}: ${field} ${JSON.stringify(value)} is not ${expected}`, table, key);
    this.field = field;
    this.value = value;
  }
}
