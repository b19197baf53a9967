import { describe, expect, it } from 'vitest';
import { asUuid, transaction, validateOperations } from '../../../../src/ovsdb/typed/index.js';
import { ovnNorthboundModel, ovnNorthboundSchema } from '../../../../src/ovn-nb/generated/ovn-northbound.gen.js';
import { openVSwitchModel } from '../../../../src/vswitch/generated/open-vswitch.gen.js';
import type { Operation } from '../../../../src/ovsdb/operations.js';

const U1 = asUuid('Logical_Switch_Port', '11111111-2222-3333-4444-555555555555');
const anyTx = () => transaction(ovnNorthboundModel) as unknown as { [k: string]: (...a: unknown[]) => unknown };

describe('typed transaction: the operations it builds', () => {
  it('insert: JS shapes become wire notation, with a uuid-name per row', () => {
    const tx = transaction(ovnNorthboundModel);
    const p = tx.insert('Logical_Switch_Port', {
      name: 'p',
      addresses: ['a', 'b'],
      tag_request: 3,
      options: { k: 'v' },
      enabled: undefined,
      type: undefined,
    });
    expect(p).toMatchObject({ namedUuid: 'Logical_Switch_Port_1', index: 0, table: 'Logical_Switch_Port' });
    expect(tx.operations()).toEqual([
      {
        op: 'insert',
        table: 'Logical_Switch_Port',
        'uuid-name': 'Logical_Switch_Port_1',
        // `undefined` on an optional column is "empty"; on an atom column it is "not given".
        row: {
          name: 'p',
          addresses: ['set', ['a', 'b']],
          tag_request: 3,
          options: ['map', [['k', 'v']]],
          enabled: ['set', []],
        },
      },
    ]);
  });

  it('insert with a caller-chosen uuid (Open vSwitch extension)', () => {
    const tx = transaction(ovnNorthboundModel);
    tx.insert('Logical_Switch', {}, { uuid: '11111111-2222-3333-4444-555555555555' });
    expect(tx.operations()[0]).toMatchObject({ uuid: '11111111-2222-3333-4444-555555555555' });
    expect(() => tx.insert('Logical_Switch', {}, { uuid: 'nope' })).toThrow(
      expect.objectContaining({ code: 'OVSDB_INVALID_VALUE' }),
    );
  });

  it('update / mutate / delete / select / wait / comment / assert / commit / abort', () => {
    const tx = transaction(ovnNorthboundModel);
    tx.update('Logical_Switch_Port', [['name', '==', 'p']], { tag_request: undefined, enabled: false });
    tx.mutate(
      'Logical_Switch',
      [['_uuid', '==', asUuid('Logical_Switch', '11111111-2222-3333-4444-555555555555')]],
      [
        ['ports', 'insert', [U1]],
        ['external_ids', 'delete', ['k']],
        ['external_ids', 'delete', { k: 'v' }],
      ],
    );
    tx.mutate('ACL', [['priority', '>', 10]], [['priority', '-=', 1]]);
    tx.delete('ACL', [['severity', 'includes', undefined]]);
    tx.select('Logical_Switch', [['ports', 'excludes', [U1]]], ['name']);
    tx.select('ACL');
    tx.wait('Logical_Switch', [['name', '==', 'sw']], ['name'], '!=', [{ name: 'sw' }], 100);
    tx.comment('hi');
    tx.assert('my_lock');
    tx.commit(true);
    tx.abort();
    expect(tx.operations()).toEqual<Operation[]>([
      {
        op: 'update',
        table: 'Logical_Switch_Port',
        where: [['name', '==', 'p']],
        row: { tag_request: ['set', []], enabled: false },
      },
      {
        op: 'mutate',
        table: 'Logical_Switch',
        where: [['_uuid', '==', ['uuid', '11111111-2222-3333-4444-555555555555']]],
        mutations: [
          ['ports', 'insert', ['set', [['uuid', U1]]]],
          ['external_ids', 'delete', ['set', ['k']]],
          ['external_ids', 'delete', ['map', [['k', 'v']]]],
        ],
      },
      { op: 'mutate', table: 'ACL', where: [['priority', '>', 10]], mutations: [['priority', '-=', 1]] },
      { op: 'delete', table: 'ACL', where: [['severity', 'includes', ['set', []]]] },
      {
        op: 'select',
        table: 'Logical_Switch',
        where: [['ports', 'excludes', ['set', [['uuid', U1]]]]],
        columns: ['name'],
      },
      { op: 'select', table: 'ACL', where: [] },
      {
        op: 'wait',
        table: 'Logical_Switch',
        where: [['name', '==', 'sw']],
        columns: ['name'],
        until: '!=',
        rows: [{ name: 'sw' }],
        timeout: 100,
      },
      { op: 'comment', comment: 'hi' },
      { op: 'assert', lock: 'my_lock' },
      { op: 'commit', durable: true },
      { op: 'abort' },
    ]);
    expect(tx.size).toBe(11);
    expect(tx.database).toBe('OVN_Northbound');
  });

  it('map columns with integer keys take number keys', () => {
    const tx = transaction(openVSwitchModel);
    tx.insert('Interface', { name: 'i', bfd: {}, lacp_current: undefined });
    tx.mutate('Flow_Sample_Collector_Set', [], [['external_ids', 'insert', { a: 'b' }]]);
    tx.insert('Bridge', {
      name: 'br',
      flow_tables: { 3: asUuid('Flow_Table', '11111111-2222-3333-4444-555555555555') },
    });
    expect(tx.operations()[2]).toMatchObject({
      row: { flow_tables: ['map', [[3, ['uuid', '11111111-2222-3333-4444-555555555555']]]] },
    });
  });
});

describe('typed transaction: named references', () => {
  it('a reference placed before its insert', () => {
    const tx = transaction(ovnNorthboundModel);
    const p = tx.ref('Logical_Switch_Port', 'port0');
    tx.insert('Logical_Switch', { ports: [p] });
    const ins = tx.insert('Logical_Switch_Port', { name: 'p' }, { ref: p });
    expect(ins.namedUuid).toBe('port0');
    const ops = tx.operations();
    expect(ops[0]).toMatchObject({ row: { ports: ['set', [['named-uuid', 'port0']]] } });
    expect(ops[1]).toMatchObject({ 'uuid-name': 'port0' });
    expect(() => validateOperations(ovnNorthboundSchema, ops)).not.toThrow();
  });

  it('a ref never inserted fails operations() with its name', () => {
    const tx = transaction(ovnNorthboundModel);
    const p = tx.ref('Logical_Switch_Port');
    tx.insert('Logical_Switch', { ports: [p] });
    expect(() => tx.operations()).toThrow(
      expect.objectContaining({
        code: 'OVSDB_NAMED_UUID_UNDEFINED',
        uuidName: p.namedUuid,
        table: 'Logical_Switch_Port',
      }),
    );
  });

  it('a ref of another transaction is undefined here', () => {
    const other = transaction(ovnNorthboundModel).insert('Logical_Switch_Port', {});
    const tx = transaction(ovnNorthboundModel);
    tx.insert('Logical_Switch', { ports: [other] });
    expect(() => tx.operations()).toThrow(
      expect.objectContaining({ code: 'OVSDB_NAMED_UUID_UNDEFINED', column: 'ports' }),
    );
    const tx2 = transaction(ovnNorthboundModel);
    expect(() => tx2.insert('Logical_Switch_Port', {}, { ref: other })).toThrow(
      expect.objectContaining({ code: 'OVSDB_NAMED_UUID_UNDEFINED' }),
    );
  });

  it('refuses a ref of the wrong table, a second insert of one ref, and duplicate names', () => {
    const tx = anyTx();
    const acl = tx.insert!('ACL', { action: 'drop', direction: 'to-lport' });
    expect(() => tx.insert!('Logical_Switch', { ports: [acl] })).toThrow(
      expect.objectContaining({
        code: 'OVSDB_NAMED_UUID_WRONG_TABLE',
        table: 'Logical_Switch',
        column: 'ports',
        actualTable: 'ACL',
        expectedTable: 'Logical_Switch_Port',
      }),
    );
    const r = tx.ref!('Logical_Switch_Port', 'x');
    expect(() => tx.insert!('Logical_Switch', {}, { ref: r })).toThrow(
      expect.objectContaining({ code: 'OVSDB_NAMED_UUID_WRONG_TABLE' }),
    );
    tx.insert!('Logical_Switch_Port', {}, { ref: r });
    expect(() => tx.insert!('Logical_Switch_Port', {}, { ref: r })).toThrow(
      expect.objectContaining({ code: 'OVSDB_NAMED_UUID_DUPLICATE' }),
    );
    expect(() => tx.ref!('ACL', 'x')).toThrow(expect.objectContaining({ code: 'OVSDB_NAMED_UUID_DUPLICATE' }));
    expect(() => tx.ref!('ACL', '9x')).toThrow(expect.objectContaining({ code: 'OVSDB_INVALID_VALUE' }));
    // Generated names skip names the caller took.
    const t2 = transaction(ovnNorthboundModel);
    t2.ref('ACL', 'Logical_Switch_1');
    expect(t2.insert('Logical_Switch', {}).namedUuid).toBe('Logical_Switch_2');
  });
});

describe('typed transaction: validation errors name database, table, column and value', () => {
  const cases: { name: string; run: (tx: ReturnType<typeof anyTx>) => unknown; expected: Record<string, unknown> }[] = [
    {
      name: 'unknown table',
      run: (tx) => tx.insert!('Nope', {}),
      expected: { code: 'OVSDB_UNKNOWN_TABLE', database: 'OVN_Northbound', table: 'Nope' },
    },
    {
      name: 'unknown column',
      run: (tx) => tx.insert!('Logical_Switch', { nope: 1 }),
      expected: { code: 'OVSDB_UNKNOWN_COLUMN', table: 'Logical_Switch', column: 'nope' },
    },
    {
      name: 'unknown column in a condition',
      run: (tx) => tx.select!('Logical_Switch', [['nope', '==', 1]]),
      expected: { code: 'OVSDB_UNKNOWN_COLUMN', column: 'nope' },
    },
    {
      name: 'enum membership',
      run: (tx) => tx.insert!('ACL', { action: 'boom', direction: 'to-lport' }),
      expected: {
        code: 'OVSDB_INVALID_VALUE',
        where: { database: 'OVN_Northbound', table: 'ACL', column: 'action' },
        value: 'boom',
      },
    },
    {
      name: 'integer range',
      run: (tx) => tx.insert!('ACL', { action: 'drop', direction: 'to-lport', priority: 32768 }),
      expected: { code: 'OVSDB_INVALID_VALUE', value: 32768 },
    },
    {
      name: 'string length',
      run: (tx) => tx.insert!('ACL', { action: 'drop', direction: 'to-lport', name: 'x'.repeat(64) }),
      expected: { code: 'OVSDB_INVALID_VALUE', where: expect.objectContaining({ column: 'name' }) },
    },
    {
      name: 'map value type',
      run: (tx) => tx.insert!('Logical_Switch', { external_ids: { a: 1 } }),
      expected: { code: 'OVSDB_INVALID_VALUE', value: 1 },
    },
    {
      name: 'map key enum',
      run: (tx) => tx.insert!('QoS', { direction: 'to-lport', match: 'm', priority: 1, bandwidth: { speed: 1 } }),
      expected: { code: 'OVSDB_INVALID_VALUE', value: 'speed' },
    },
    {
      name: 'set given a scalar',
      run: (tx) => tx.insert!('Logical_Switch_Port', { addresses: 'x' }),
      expected: { code: 'OVSDB_INVALID_VALUE', value: 'x' },
    },
    {
      name: 'atom given an array',
      run: (tx) => tx.insert!('Logical_Switch', { name: ['x'] }),
      expected: { code: 'OVSDB_INVALID_VALUE' },
    },
    {
      name: 'uuid given a number',
      run: (tx) => tx.insert!('Logical_Switch', { ports: [5] }),
      expected: { code: 'OVSDB_INVALID_VALUE', value: 5 },
    },
    {
      name: 'required column missing',
      run: (tx) => tx.insert!('ACL', { direction: 'to-lport' }),
      expected: { code: 'OVSDB_INVALID_VALUE', where: expect.objectContaining({ column: 'action' }) },
    },
    {
      name: 'update of _uuid',
      run: (tx) => tx.update!('Logical_Switch', [], { _uuid: U1 }),
      expected: { code: 'OVSDB_IMMUTABLE_COLUMN', column: '_uuid' },
    },
    {
      name: 'ordering on a string',
      run: (tx) => tx.select!('Logical_Switch', [['name', '<', 'a']]),
      expected: { code: 'OVSDB_CONDITION_NOT_ALLOWED', fn: '<', column: 'name' },
    },
    {
      // ovsdb-server takes includes on a scalar column with a value of the column's type, nothing else.
      name: 'includes on an atom with a value of another type',
      run: (tx) => tx.select!('Logical_Switch', [['name', 'includes', 1]]),
      expected: { code: 'OVSDB_INVALID_VALUE', value: 1 },
    },
    {
      name: 'arithmetic on a string',
      run: (tx) => tx.mutate!('Logical_Switch', [], [['name', '+=', 1]]),
      expected: { code: 'OVSDB_MUTATOR_NOT_ALLOWED', mutator: '+=', column: 'name' },
    },
    {
      name: 'insert on an atom',
      run: (tx) => tx.mutate!('ACL', [], [['priority', 'insert', [1]]]),
      expected: { code: 'OVSDB_MUTATOR_NOT_ALLOWED', mutator: 'insert' },
    },
    {
      name: 'mutate of _uuid',
      run: (tx) => tx.mutate!('ACL', [], [['_uuid', 'insert', [U1]]]),
      expected: { code: 'OVSDB_IMMUTABLE_COLUMN', column: '_uuid' },
    },
    {
      // A zero divisor is left to the server (it fails only when a row matches); a divisor of another type is not.
      name: 'division by a string',
      run: (tx) => tx.mutate!('ACL', [], [['priority', '/=', 'x']]),
      expected: { code: 'OVSDB_INVALID_VALUE', value: 'x' },
    },
    {
      name: 'where is not an array',
      run: (tx) => tx.delete!('ACL', 'all'),
      expected: { code: 'OVSDB_INVALID_ARGUMENT' },
    },
    {
      name: 'a condition is not a triple',
      run: (tx) => tx.delete!('ACL', [['priority', '==']]),
      expected: { code: 'OVSDB_INVALID_ARGUMENT' },
    },
    {
      name: 'row is not an object',
      run: (tx) => tx.insert!('ACL', null),
      expected: { code: 'OVSDB_INVALID_ARGUMENT' },
    },
    {
      name: 'a string with NUL',
      run: (tx) => tx.insert!('Logical_Switch', { name: 'a\u0000' }),
      expected: { code: 'OVSDB_INVALID_VALUE' },
    },
    {
      name: 'a lone surrogate',
      run: (tx) => tx.insert!('Logical_Switch', { name: '\ud800' }),
      expected: { code: 'OVSDB_INVALID_VALUE' },
    },
    { name: 'a comment with NUL', run: (tx) => tx.comment!('\u0000'), expected: { code: 'OVSDB_INVALID_VALUE' } },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const tx = anyTx();
      expect(() => c.run(tx)).toThrow(expect.objectContaining(c.expected));
      // Nothing was added: the bad operation never reaches operations().
      expect(tx.operations!()).toEqual([]);
    });
  }

  it('immutable columns in updates', () => {
    const tx = transaction(openVSwitchModel) as unknown as { update: (...a: unknown[]) => unknown };
    expect(() => tx.update('Bridge', [], { name: 'x' })).toThrow(
      expect.objectContaining({
        code: 'OVSDB_IMMUTABLE_COLUMN',
        database: 'Open_vSwitch',
        table: 'Bridge',
        column: 'name',
        value: 'x',
      }),
    );
  });

  it('messages say where', () => {
    expect(() => anyTx().insert!('ACL', { action: 'drop', direction: 'to-lport', priority: -5 })).toThrow(
      'OVN_Northbound.ACL.priority: -5 is below the minimum 0',
    );
  });
});

describe('decodeResults', () => {
  it('decodes each operation’s result', () => {
    const tx = transaction(ovnNorthboundModel);
    const i = tx.insert('Logical_Switch', {});
    const s = tx.select('Logical_Switch_Port', [], ['name', 'tag_request', 'options']);
    const u = tx.update('Logical_Switch', [], {});
    const c = tx.comment('x');
    const r = tx.decodeResults([
      { uuid: ['uuid', '11111111-2222-3333-4444-555555555555'] },
      { rows: [{ name: 'p', tag_request: ['set', []], options: ['map', [['a', 'b']]], unknown_col: 5 }] },
      { count: 2 },
      {},
    ]);
    expect(r.get(i)).toBe('11111111-2222-3333-4444-555555555555');
    // A column the model does not know (newer server) is left out.
    expect(r.get(s)).toEqual([{ name: 'p', tag_request: undefined, options: { a: 'b' } }]);
    expect(r.get(u)).toBe(2);
    expect(r.get(c)).toBeUndefined();
    expect(r.length).toBe(4);
    expect(() => r.get({ index: 9 })).toThrow(expect.objectContaining({ code: 'OVSDB_INVALID_ARGUMENT' }));
  });

  it('fills model columns an older server lacks with their empty default', () => {
    const tx = transaction(ovnNorthboundModel);
    const all = tx.select('Logical_Switch');
    const some = tx.select('Logical_Switch', [], ['name', 'copp']);
    const r = tx.decodeResults([
      { rows: [{ _uuid: ['uuid', '11111111-2222-3333-4444-555555555555'], name: 'a' }] },
      { rows: [{ name: 'a' }] },
    ]);
    expect(r.get(all)[0]).toMatchObject({ name: 'a', acls: [], external_ids: {}, other_config: {} });
    expect(r.get(all)[0]).toHaveProperty('copp', undefined);
    expect(r.get(some)[0]).toEqual({ name: 'a', copp: undefined });
  });

  it('keeps any string as a map key, __proto__ included', () => {
    const tx = transaction(ovnNorthboundModel);
    const s = tx.select('Logical_Switch', [], ['external_ids']);
    const row = tx
      .decodeResults([
        {
          rows: [
            {
              external_ids: [
                'map',
                [
                  ['__proto__', 'x'],
                  ['constructor', 'y'],
                ],
              ],
            },
          ],
        },
      ])
      .get(s)[0]!;
    expect(Object.keys(row.external_ids)).toEqual(['__proto__', 'constructor']);
    expect(row.external_ids['__proto__']).toBe('x');
    expect(Object.getPrototypeOf(row.external_ids)).toBe(Object.prototype);
  });

  it('raises the server’s error for the failed operation or the commit', () => {
    const tx = transaction(ovnNorthboundModel);
    tx.insert('Logical_Switch', {});
    tx.delete('ACL', []);
    expect(() =>
      tx.decodeResults([
        { uuid: ['uuid', '11111111-2222-3333-4444-555555555555'] },
        { error: 'constraint violation', details: 'why' },
      ]),
    ).toThrow(
      expect.objectContaining({
        code: 'OVSDB_TRANSACTION_OP_FAILED',
        index: 1,
        error: 'constraint violation',
        details: 'why',
        table: 'ACL',
        operation: { op: 'delete', table: 'ACL', where: [] },
      }),
    );
    expect(() =>
      tx.decodeResults([
        { uuid: ['uuid', '11111111-2222-3333-4444-555555555555'] },
        { count: 0 },
        { error: 'referential integrity violation' },
      ]),
    ).toThrow(expect.objectContaining({ code: 'OVSDB_TRANSACTION_OP_FAILED', index: 2, operation: undefined }));
  });

  it('refuses results that do not fit', () => {
    const tx = transaction(ovnNorthboundModel);
    tx.insert('Logical_Switch', {});
    tx.select('Logical_Switch');
    for (const raw of [
      null,
      [],
      [{ uuid: 'x' }, { rows: [] }],
      [{ uuid: ['uuid', 'u'] }, { count: 1 }],
      [{ uuid: ['uuid', 'u'] }, null],
    ]) {
      expect(() => tx.decodeResults(raw)).toThrow(expect.objectContaining({ code: 'OVSDB_RESULT_MISMATCH' }));
    }
    expect(() => tx.decodeResults([{ uuid: ['uuid', 'u'] }, { rows: [{ name: 5 }] }])).toThrow(
      expect.objectContaining({ code: 'OVSDB_INVALID_VALUE' }),
    );
  });
});
