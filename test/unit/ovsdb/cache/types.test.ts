/** The cache's types follow the generated model: checked by tsc (`npm test` typechecks first). */
import { expectTypeOf, test } from 'vitest';
import type { ReplicaCache, CacheTable, RowEvent } from '../../../../src/ovsdb/cache/index.js';
import type { OVNNorthboundTables } from '../../../../src/ovn-nb/generated/ovn-northbound.gen.js';
import type { Uuid } from '../../../../src/ovsdb/typed/index.js';

type NbCache = ReplicaCache<OVNNorthboundTables>;
type Lsp = NonNullable<ReturnType<ReturnType<NbCache['table']>['get']>>;

test('typed tables: row shapes from the model, without _version; unknown tables do not compile', () => {
  type LspTable = ReturnType<typeof _lspTable>;
  const _lspTable = (c: NbCache) => c.table('Logical_Switch_Port');
  type Row = NonNullable<ReturnType<LspTable['get']>>;
  expectTypeOf<Row['name']>().toEqualTypeOf<string>();
  expectTypeOf<Row['tag_request']>().toEqualTypeOf<number | undefined>();
  expectTypeOf<Row['addresses']>().toEqualTypeOf<readonly string[]>();
  expectTypeOf<Row['external_ids']>().toEqualTypeOf<Readonly<Record<string, string>>>();
  expectTypeOf<Row['_uuid']>().toMatchTypeOf<Uuid<'Logical_Switch_Port'>>();
  expectTypeOf<Row>().not.toHaveProperty('_version');
  expectTypeOf<LspTable>().toMatchTypeOf<CacheTable<Row>>();
  const bad = (c: NbCache) =>
    // @ts-expect-error not a table of OVN_Northbound
    c.table('Logical_Flow');
  expectTypeOf(bad).toBeFunction();
  expectTypeOf<Lsp>().toHaveProperty('_uuid');
});

test('untyped cache: any table name, rows are datum records', () => {
  const t = (c: ReplicaCache) => c.table('Anything').get('u');
  expectTypeOf(t).returns.toMatchTypeOf<{ readonly _uuid: string } | undefined>();
  expectTypeOf<RowEvent['type']>().toEqualTypeOf<'insert' | 'update' | 'delete'>();
});
