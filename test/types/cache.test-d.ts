/** Type tests: cache rows typed by the model, RowEvent narrowing, OVN builder specs (run by the unit project's typecheck). */
import { expectTypeOf, test } from 'vitest';
import type { ReplicaCache, RowEvent, RowOf } from '../../src/ovsdb/cache/index.js';
import type { OVNNorthboundTables } from '../../src/ovn-nb/generated/ovn-northbound.gen.js';
import type { LoadBalancerSpec } from '../../src/ovn-nb/index.js';
import type { Operation } from '../../src/ovsdb/index.js';
import { lbAdd } from '../../src/ovn-nb/index.js';

type Lsp = RowOf<OVNNorthboundTables['Logical_Switch_Port']>;

test('RowEvent narrows on type: insert has only new, delete only old, update both', () => {
  const f = (ev: RowEvent<Lsp>) => {
    switch (ev.type) {
      case 'insert':
        expectTypeOf(ev.new.name).toEqualTypeOf<string>();
        expectTypeOf(ev).not.toHaveProperty('old');
        return;
      case 'delete':
        expectTypeOf(ev.old.tag_request).toEqualTypeOf<number | undefined>();
        expectTypeOf(ev).not.toHaveProperty('new');
        return;
      case 'update':
        expectTypeOf(ev.old).toEqualTypeOf<Lsp>();
        expectTypeOf(ev.new).toEqualTypeOf<Lsp>();
        return;
      default:
        // Exhaustive: no other event type exists.
        expectTypeOf(ev).toBeNever();
    }
  };
  expectTypeOf(f).toBeFunction();
});

test('cache rows follow the model: columns verbatim, sets readonly, maps records, no _version', () => {
  expectTypeOf<Lsp['addresses']>().toEqualTypeOf<readonly string[]>();
  expectTypeOf<Lsp['options']>().toEqualTypeOf<Readonly<Record<string, string>>>();
  expectTypeOf<Lsp>().not.toHaveProperty('_version');
  const get = (c: ReplicaCache<OVNNorthboundTables>) => c.table('Logical_Switch').get('u')?.ports;
  expectTypeOf(get).returns.toMatchTypeOf<readonly string[] | undefined>();
});

test('builder specs: literal unions and readonly records, operations out', () => {
  expectTypeOf<LoadBalancerSpec['protocol']>().toEqualTypeOf<'tcp' | 'udp' | 'sctp' | undefined>();
  expectTypeOf<LoadBalancerSpec['vips']>().toEqualTypeOf<Readonly<Record<string, string>>>();
  expectTypeOf(lbAdd).returns.toEqualTypeOf<Operation[]>();
  // @ts-expect-error not a protocol OVN knows
  const bad: LoadBalancerSpec = { name: 'x', vips: {}, protocol: 'icmp' };
  expectTypeOf(bad).toMatchTypeOf<LoadBalancerSpec>();
});
