/**
 * JS values of the generated shapes → wire notation, for the typed builder: the notation converters
 * (src/ovsdb/notation.ts) without the per-value constraint check, which `validate.ts` runs once on
 * the operation as it will be sent.
 */
import type { ColumnType } from '../schema.js';
import type { WireValue } from '../notation.js';
import { datumToWire as toWire } from '../notation.js';

export { atomToWire, mapKeyToWire, mapToWire, setToWire } from '../notation.js';

type Where = { database: string; table: string; column: string };

/**
 * A JS datum of a column (atom; `T | undefined`; readonly array; record) → wire datum (shape only).
 * @throws {OvsdbValueError} `OVSDB_INVALID_VALUE` when the shape does not fit the column kind.
 */
export function datumToWire(type: ColumnType, v: unknown, where: Where): WireValue {
  return toWire(type, v, where, false);
}
