/**
 * Typed OVSDB transactions over generated models: operations built from typed rows, conditions
 * and mutations restricted by column kind, named-uuid references across operations, validation
 * against the schema before anything is sent, and typed per-operation results.
 */
export type { DatabaseSchema } from '../schema.js';
export type { DatabaseModel, NamedRef, Ref, TableTypes, Uuid } from './types.js';
