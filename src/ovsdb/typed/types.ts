/**
 * The type vocabulary generated models are written in: branded UUIDs naming their table, named
 * references to rows inserted in the same transaction, and the per-table bundle of shapes that
 * `transaction()` reads its signatures from.
 */
import type { DatabaseSchema } from '../schema.js';
import type { NamedUuid } from '../notation.js';

declare const uuidBrand: unique symbol;
declare const refBrand: unique symbol;

/**
 * The UUID of a row of table `T` as the server reports it (`_uuid`, or a reference column).
 * At runtime a plain string; the brand only exists for the compiler, so a `Uuid<'ACL'>` cannot be
 * put where a `Uuid<'Logical_Switch_Port'>` is expected. Make one from a string with `asUuid`.
 */
export type Uuid<T extends string = string> = string & { readonly [uuidBrand]: T };

/**
 * A reference to the row of table `T` that an `insert` of the same transaction creates
 * (`["named-uuid", name]` on the wire). Obtained from `tx.insert(...)` or, to refer to a row
 * before its insert, from `tx.ref(table)`.
 */
export interface NamedRef<T extends string = string> extends NamedUuid {
  readonly [refBrand]: T;
}

/** What a reference column of table `T` accepts in a transaction: an existing row or a row inserted in it. */
export type Ref<T extends string = string> = Uuid<T> | NamedRef<T>;

/** The shapes generated for one table. */
export interface TableTypes {
  /** A row as read (`select`, the cache): every column plus `_uuid` and `_version`. */
  readonly row: object;
  /** Columns of a new row; all optional (omitted columns take their default). */
  readonly insert: object;
  /** Columns an `update` may set: the insert shape without immutable columns. */
  readonly update: object;
  /** Union of the allowed `[column, function, value]` conditions. */
  readonly condition: readonly [string, string, unknown];
  /** Union of the allowed `[column, mutator, value]` mutations (`never` when none). */
  readonly mutation: readonly [string, string, unknown];
}

/**
 * A generated database model: the runtime schema plus, for the compiler only, the table shapes.
 * `transaction(model)` infers everything from it.
 */
export interface DatabaseModel<Tables extends { readonly [K in keyof Tables]: TableTypes }> {
  readonly schema: DatabaseSchema;
  /** Phantom member carrying the table shapes; never present at runtime. */
  readonly tables?: Tables;
}
