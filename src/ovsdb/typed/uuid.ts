import { UUID_RE } from '../notation.js';
import { OvsdbValueError } from '../errors.js';
import type { Uuid } from './types.js';

/**
 * Brands a UUID string as a row of `table` (checks its format only).
 * @throws {OvsdbValueError} `OVSDB_INVALID_VALUE` when `uuid` is not a UUID.
 * @example tx.update('Logical_Switch', [['_uuid', '==', asUuid('Logical_Switch', id)]], { name: 'sw1' });
 */
export function asUuid<T extends string>(table: T, uuid: string): Uuid<T> {
  if (typeof uuid !== 'string' || !UUID_RE.test(uuid))
    throw new OvsdbValueError(`not a UUID: ${JSON.stringify(uuid)}`, { table }, uuid);
  return uuid as Uuid<T>;
}
