/**
 * Errors of the typed transaction layer's results (see docs/errors/codegen.md). The validation
 * errors the typed layer also raises live in the core (../schema-errors.ts) and are re-exported here.
 */
import { OvsdbTypedError, type SchemaLocation } from '../schema-errors.js';

export * from '../schema-errors.js';

/** The raw `transact` results do not fit the operations (too few, wrong shape). */
export class ResultMismatchError extends OvsdbTypedError {
  constructor(
    where: SchemaLocation,
    readonly index: number,
    value: unknown,
    why: string,
  ) {
    super('OVSDB_RESULT_MISMATCH', `result ${index}: ${why}`, where, value);
  }
}

/**
 * The server refused an operation (its result is an RFC 7047 `<error>`), or the commit
 * (an extra error element after the operations' results). `index` is the operation's position,
 * or the number of operations for a commit-time error; `operation` is undefined then.
 */
export class TransactionOperationError extends OvsdbTypedError {
  constructor(
    where: SchemaLocation,
    readonly index: number,
    readonly operation: unknown,
    readonly error: string,
    readonly details: string | undefined,
  ) {
    super(
      'OVSDB_TRANSACTION_OP_FAILED',
      `operation ${index} failed: ${error}${details ? ` (${details})` : ''}`,
      where,
      operation,
    );
  }
}
