/**
 * Compile-time guarantees of the generated models and the typed transaction API: every
 * `@ts-expect-error` line must fail to compile (tsc reports an unused directive otherwise).
 */
import { describe, expectTypeOf, it } from 'vitest';
import { asUuid, transaction, type NamedRef, type Ref, type Step, type Uuid } from '../../src/ovsdb/typed/index.js';
import {
  ovnNorthboundModel,
  type LogicalSwitchPortRow,
  type LogicalSwitchRow,
  type ACLInsert,
} from '../../src/ovn-nb/generated/ovn-northbound.gen.js';
import { ovnSouthboundModel, type PortBindingInsert } from '../../src/ovn-sb/generated/ovn-southbound.gen.js';
import { openVSwitchModel, type BridgeRow, type BridgeUpdate } from '../../src/vswitch/generated/open-vswitch.gen.js';
import { serverModel, type DatabaseRow } from '../../src/ovsdb/generated/server.gen.js';

declare const lspUuid: Uuid<'Logical_Switch_Port'>;
declare const aclUuid: Uuid<'ACL'>;

describe('generated row shapes', () => {
  it('read shapes: branded refs, enums as literal unions, optional as T | undefined, sets as readonly arrays, maps as readonly records', () => {
    expectTypeOf<LogicalSwitchRow['_uuid']>().toEqualTypeOf<Uuid<'Logical_Switch'>>();
    expectTypeOf<LogicalSwitchRow['ports']>().toEqualTypeOf<readonly Uuid<'Logical_Switch_Port'>[]>();
    expectTypeOf<LogicalSwitchRow['external_ids']>().toEqualTypeOf<Readonly<Record<string, string>>>();
    expectTypeOf<LogicalSwitchPortRow['tag_request']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<LogicalSwitchPortRow['enabled']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<BridgeRow['fail_mode']>().toEqualTypeOf<'secure' | 'standalone' | undefined>();
    expectTypeOf<DatabaseRow['model']>().toEqualTypeOf<'clustered' | 'relay' | 'standalone'>();
    expectTypeOf<BridgeRow['ports']>().toEqualTypeOf<readonly Uuid<'Port'>[]>();
  });

  it('insert shapes: refs accept named references, required columns are required', () => {
    expectTypeOf<ACLInsert['action']>().toEqualTypeOf<
      'allow' | 'allow-related' | 'allow-stateless' | 'drop' | 'reject'
    >();
    expectTypeOf<PortBindingInsert['datapath']>().toEqualTypeOf<Ref<'Datapath_Binding'>>();
    // @ts-expect-error — ACL needs action and direction (their defaults are not allowed values).
    const acl: ACLInsert = { priority: 1 };
    void acl;
  });

  it('update shapes have no immutable columns', () => {
    expectTypeOf<BridgeUpdate>().not.toHaveProperty('name');
    expectTypeOf<BridgeUpdate>().toHaveProperty('ports');
  });

  it('uuids of different tables do not mix', () => {
    expectTypeOf(lspUuid).not.toMatchTypeOf<Uuid<'ACL'>>();
    expectTypeOf(asUuid('ACL', '00000000-0000-0000-0000-000000000000')).toEqualTypeOf<Uuid<'ACL'>>();
    // @ts-expect-error — a plain string is not a Uuid.
    const u: Uuid<'ACL'> = 'x';
    void u;
  });
});

describe('typed transactions', () => {
  it('checks table names, column names and value types', () => {
    const tx = transaction(ovnNorthboundModel);
    tx.insert('Logical_Switch', { name: 'sw0', external_ids: { k: 'v' } });
    // @ts-expect-error — no such table.
    tx.insert('Logical_Swich', { name: 'sw0' });
    // @ts-expect-error — no such column.
    tx.insert('Logical_Switch', { nam: 'sw0' });
    // @ts-expect-error — wrong value type.
    tx.insert('Logical_Switch', { name: 5 });
    // @ts-expect-error — not an enum member.
    tx.insert('ACL', { action: 'explode', direction: 'to-lport' });
    // @ts-expect-error — a set column takes an array.
    tx.insert('Logical_Switch_Port', { name: 'p', addresses: 'x' });
    // @ts-expect-error — map values are strings.
    tx.insert('Logical_Switch', { external_ids: { k: 1 } });
    // @ts-expect-error — _uuid is not insertable.
    tx.insert('Logical_Switch', { _uuid: lspUuid });
    // @ts-expect-error — wrong database's table.
    tx.insert('Bridge', { name: 'br0' });
    transaction(openVSwitchModel).insert('Bridge', { name: 'br0' });
    transaction(serverModel).select('Database', [['model', '==', 'clustered']]);
  });

  it('references: a row inserted or ref()-ed in the transaction, or a uuid of the right table', () => {
    const tx = transaction(ovnNorthboundModel);
    const early = tx.ref('Logical_Switch_Port');
    expectTypeOf(early).toEqualTypeOf<NamedRef<'Logical_Switch_Port'>>();
    const acl = tx.insert('ACL', { action: 'drop', direction: 'to-lport' });
    tx.insert('Logical_Switch', { ports: [early, lspUuid], acls: [acl, aclUuid] });
    tx.insert('Logical_Switch_Port', { name: 'p' }, { ref: early });
    // @ts-expect-error — an ACL reference in a port column.
    tx.insert('Logical_Switch', { ports: [acl] });
    // @ts-expect-error — an ACL uuid in a port column.
    tx.insert('Logical_Switch', { ports: [aclUuid] });
    // @ts-expect-error — a ref of another table cannot be inserted as this table.
    tx.insert('Logical_Switch', {}, { ref: early });
  });

  it('conditions are restricted by column kind', () => {
    const tx = transaction(ovnNorthboundModel);
    tx.select('ACL', [
      ['priority', '>=', 100],
      ['name', '==', undefined],
      ['external_ids', 'includes', { k: 'v' }],
    ]);
    tx.select('Logical_Switch_Port', [['tag_request', '<', 5]]);
    tx.delete('Logical_Switch', [
      ['ports', 'includes', [lspUuid]],
      ['_uuid', '!=', asUuid('Logical_Switch', '00000000-0000-0000-0000-000000000000')],
    ]);
    // @ts-expect-error — ordering on a string.
    tx.select('Logical_Switch', [['name', '<', 'a']]);
    // @ts-expect-error — includes on a single-valued column.
    tx.select('Logical_Switch', [['name', 'includes', 'a']]);
    // @ts-expect-error — ordering on a set.
    tx.select('Logical_Switch', [['ports', '>', 1]]);
    // @ts-expect-error — value of the wrong type.
    tx.select('ACL', [['priority', '==', 'high']]);
    // @ts-expect-error — unknown column.
    tx.select('ACL', [['prio', '==', 1]]);
    // @ts-expect-error — uuid of another table.
    tx.select('Logical_Switch', [['_uuid', '==', aclUuid]]);
  });

  it('mutators are restricted by column kind', () => {
    const tx = transaction(ovnNorthboundModel);
    tx.mutate(
      'ACL',
      [],
      [
        ['priority', '+=', 1],
        ['priority', '%=', 3],
        ['external_ids', 'insert', { a: 'b' }],
        ['external_ids', 'delete', ['a']],
      ],
    );
    tx.mutate(
      'Logical_Switch',
      [],
      [
        ['ports', 'insert', [lspUuid]],
        ['ports', 'delete', [lspUuid]],
      ],
    );
    // @ts-expect-error — arithmetic on a string.
    tx.mutate('ACL', [], [['match', '+=', 1]]);
    // @ts-expect-error — insert on a single-valued column.
    tx.mutate('ACL', [], [['priority', 'insert', [1]]]);
    // @ts-expect-error — arithmetic on a map.
    tx.mutate('ACL', [], [['external_ids', '+=', 1]]);
    // @ts-expect-error — set insert takes an array of the element type.
    tx.mutate('Logical_Switch', [], [['ports', 'insert', [aclUuid]]]);
    // @ts-expect-error — immutable column (Bridge.name) cannot be mutated or updated.
    transaction(openVSwitchModel).update('Bridge', [], { name: 'x' });
  });

  it('results are typed per operation', () => {
    const tx = transaction(ovnNorthboundModel);
    const ins = tx.insert('Logical_Switch', {});
    const all = tx.select('Logical_Switch');
    const some = tx.select('Logical_Switch_Port', [], ['name', 'tag_request']);
    const n = tx.delete('ACL', []);
    const w = tx.wait('Logical_Switch', [], ['name'], '==', [{ name: 'a' }]);
    const r = tx.decodeResults([]);
    expectTypeOf(r.get(ins)).toEqualTypeOf<Uuid<'Logical_Switch'>>();
    expectTypeOf(r.get(all)).toEqualTypeOf<readonly LogicalSwitchRow[]>();
    expectTypeOf(r.get(some)).toEqualTypeOf<readonly Pick<LogicalSwitchPortRow, 'name' | 'tag_request'>[]>();
    expectTypeOf(r.get(n)).toEqualTypeOf<number>();
    expectTypeOf(w).toEqualTypeOf<Step<void>>();
    // @ts-expect-error — select of an unknown column.
    tx.select('Logical_Switch', [], ['nope']);
    // @ts-expect-error — wait rows must only carry the waited columns.
    tx.wait('Logical_Switch', [], ['name'], '==', [{ ports: [] }]);
  });

  it('works on the Southbound model', () => {
    const tx = transaction(ovnSouthboundModel);
    const dp = tx.insert('Datapath_Binding', { tunnel_key: 1 });
    tx.insert('Port_Binding', { datapath: dp, logical_port: 'lp', tunnel_key: 1 });
    // @ts-expect-error — Port_Binding needs its datapath.
    tx.insert('Port_Binding', { logical_port: 'lp', tunnel_key: 1 });
  });
});
