// generated — do not edit. Produced by ovsdb-codegen from the _Server schema, version 1.2.0 (cksum 3009684573 744).
// Regenerate with `ovsdb-codegen <schema.ovsschema> -o <dir>`.
/* eslint-disable */
import type { DatabaseModel, DatabaseSchema, Ref, Uuid } from '../typed/index.js';

// ---- Database ----------------------------------------------------------------------------------------

/** A row of `Database` as read from the server; root table. */
export interface DatabaseRow {
  readonly _uuid: Uuid<'Database'>;
  readonly _version: string;
  /** optional uuid */
  readonly cid: string | undefined;
  /** boolean */
  readonly connected: boolean;
  /** optional integer */
  readonly index: number | undefined;
  /** boolean */
  readonly leader: boolean;
  /** string */
  readonly model: 'clustered' | 'relay' | 'standalone';
  /** string */
  readonly name: string;
  /** optional string */
  readonly schema: string | undefined;
  /** optional uuid */
  readonly sid: string | undefined;
}

/** Columns of a new `Database` row; an omitted column takes its default (required: columns whose default the server would refuse). */
export interface DatabaseInsert {
  readonly cid?: string | undefined;
  readonly connected?: boolean;
  readonly index?: number | undefined;
  readonly leader?: boolean;
  readonly model: 'clustered' | 'relay' | 'standalone';
  readonly name?: string;
  readonly schema?: string | undefined;
  readonly sid?: string | undefined;
}

/** Columns an `update` of `Database` may set (immutable columns are not here). */
export interface DatabaseUpdate {
  readonly cid?: string | undefined;
  readonly connected?: boolean;
  readonly index?: number | undefined;
  readonly leader?: boolean;
  readonly model?: 'clustered' | 'relay' | 'standalone';
  readonly name?: string;
  readonly schema?: string | undefined;
  readonly sid?: string | undefined;
}

/** Conditions on `Database` (RFC 7047 §5.1), restricted by column kind. */
export type DatabaseCondition =
  | readonly ['_uuid', '==' | '!=', Ref<'Database'>]
  | readonly ['_version', '==' | '!=', string]
  | readonly ['cid', '==' | '!=' | 'includes' | 'excludes', string | undefined]
  | readonly ['connected', '==' | '!=', boolean]
  | readonly ['index', '==' | '!=' | 'includes' | 'excludes', number | undefined]
  | readonly ['index', '<' | '<=' | '>' | '>=', number]
  | readonly ['leader', '==' | '!=', boolean]
  | readonly ['model', '==' | '!=', 'clustered' | 'relay' | 'standalone']
  | readonly ['name', '==' | '!=', string]
  | readonly ['schema', '==' | '!=' | 'includes' | 'excludes', string | undefined]
  | readonly ['sid', '==' | '!=' | 'includes' | 'excludes', string | undefined];

/** Mutations of `Database` (RFC 7047 §5.1), restricted by column kind; immutable columns excluded. */
export type DatabaseMutation =
  | readonly ['cid', 'insert' | 'delete', readonly string[]]
  | readonly ['index', '+=' | '-=' | '*=' | '/=' | '%=', number]
  | readonly ['index', 'insert' | 'delete', readonly number[]]
  | readonly ['schema', 'insert' | 'delete', readonly string[]]
  | readonly ['sid', 'insert' | 'delete', readonly string[]];

/** Every table of _Server with its shapes; the type parameter of {@link serverModel}. */
export interface ServerTables {
  readonly Database: {
    readonly row: DatabaseRow;
    readonly insert: DatabaseInsert;
    readonly update: DatabaseUpdate;
    readonly condition: DatabaseCondition;
    readonly mutation: DatabaseMutation;
  };
}

/** The _Server schema (version 1.2.0) as `parseSchema` returns it, for runtime checks. */
export const serverSchema = {
  name: '_Server',
  version: '1.2.0',
  cksum: '3009684573 744',
  tables: {
    Database: {
      name: 'Database',
      columns: {
        cid: { name: 'cid', type: { key: { type: 'uuid' }, min: 0, max: 1 }, ephemeral: false, mutable: true },
        connected: {
          name: 'connected',
          type: { key: { type: 'boolean' }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        index: { name: 'index', type: { key: { type: 'integer' }, min: 0, max: 1 }, ephemeral: false, mutable: true },
        leader: { name: 'leader', type: { key: { type: 'boolean' }, min: 1, max: 1 }, ephemeral: false, mutable: true },
        model: {
          name: 'model',
          type: { key: { type: 'string', enum: ['clustered', 'relay', 'standalone'] }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        name: { name: 'name', type: { key: { type: 'string' }, min: 1, max: 1 }, ephemeral: false, mutable: true },
        schema: { name: 'schema', type: { key: { type: 'string' }, min: 0, max: 1 }, ephemeral: false, mutable: true },
        sid: { name: 'sid', type: { key: { type: 'uuid' }, min: 0, max: 1 }, ephemeral: false, mutable: true },
      },
      isRoot: true,
      indexes: [],
    },
  },
} as const satisfies DatabaseSchema;

/** The _Server model: pass it to `transaction()` for typed operations. */
export const serverModel: DatabaseModel<ServerTables> = { schema: serverSchema };
