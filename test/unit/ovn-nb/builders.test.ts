import { describe, expect, test } from 'vitest';
import {
  NbTxn,
  aclAdd,
  lbAdd,
  lrAdd,
  lrNatAdd,
  lrPolicyAdd,
  lrRouteAdd,
  lrpAdd,
  lsAdd,
  lsDel,
  lsLbAdd,
  lspAdd,
  lspDel,
  portGroupAdd,
  snapshotFromResults,
  type NbSnapshot,
  type NbTable,
} from '../../../src/ovn-nb/index.js';
import { renderNbShow } from '../../../src/ovn-nb/index.js';

const U = (n: number): string => `00000000-0000-0000-0000-${n.toString().padStart(12, '0')}`;

/** A snapshot from wire rows, decoded as the reader decodes them. */
function snap(tables: Partial<Record<NbTable, Record<string, unknown>[]>>): NbSnapshot {
  const names = Object.keys(tables) as NbTable[];
  return snapshotFromResults(
    names,
    names.map((t) => ({ rows: tables[t] })),
  );
}

const EMPTY = snap({});
const ONE_SWITCH = snap({
  Logical_Switch: [
    {
      _uuid: ['uuid', U(1)],
      name: 'sw0',
      ports: ['set', [['uuid', U(2)]]],
      acls: ['set', []],
      other_config: ['map', [['subnet', '10.0.0.0/24']]],
      external_ids: ['map', []],
      load_balancer: ['set', []],
    },
  ],
  Logical_Switch_Port: [
    {
      _uuid: ['uuid', U(2)],
      name: 'p1',
      addresses: ['set', ['00:00:00:00:00:01 10.0.0.2']],
      external_ids: ['map', []],
      options: ['map', []],
      type: '',
      port_security: ['set', []],
    },
  ],
  Logical_Router: [
    {
      _uuid: ['uuid', U(3)],
      name: 'lr0',
      ports: ['set', []],
      nat: ['set', []],
      static_routes: ['set', []],
      policies: ['set', []],
      load_balancer: ['set', []],
    },
  ],
  ACL: [{ _uuid: ['uuid', U(9)], direction: 'to-lport', priority: 100, match: 'ip4', action: 'drop' }],
});

describe('switches', () => {
  test('a new switch: a wait guard (no row with the name) then the insert', () => {
    const tx = new NbTxn(EMPTY);
    const ops = lsAdd(tx, { name: 'sw0', otherConfig: { subnet: '10.0.0.0/24' }, externalIds: { owner: 't' } });
    expect(ops).toEqual([
      {
        op: 'wait',
        table: 'Logical_Switch',
        where: [['name', '==', 'sw0']],
        columns: ['_uuid'],
        until: '==',
        rows: [],
        timeout: 0,
      },
      {
        op: 'insert',
        table: 'Logical_Switch',
        row: {
          other_config: ['map', [['subnet', '10.0.0.0/24']]],
          external_ids: ['map', [['owner', 't']]],
          name: 'sw0',
        },
        'uuid-name': 'logical_switch_1',
      },
    ]);
    expect(tx.operations()).toEqual(ops);
  });

  test('an existing switch: nothing when equal, an update of the changed columns only, NB_ROW_EXISTS without mayExist', () => {
    expect(lsAdd(new NbTxn(ONE_SWITCH), { name: 'sw0', otherConfig: { subnet: '10.0.0.0/24' } })).toEqual([]);
    expect(
      lsAdd(new NbTxn(ONE_SWITCH), { name: 'sw0', otherConfig: { subnet: '10.0.0.0/24' }, externalIds: { a: 'b' } }),
    ).toEqual([
      {
        op: 'update',
        table: 'Logical_Switch',
        where: [['_uuid', '==', ['uuid', U(1)]]],
        row: { external_ids: ['map', [['a', 'b']]] },
      },
    ]);
    expect(() => lsAdd(new NbTxn(ONE_SWITCH), { name: 'sw0' }, { mayExist: false })).toThrow(
      expect.objectContaining({ code: 'NB_ROW_EXISTS', table: 'Logical_Switch', key: 'sw0' }),
    );
  });

  test('two switches with one name: NB_DUPLICATE_NAME lists both', () => {
    const s = snap({
      Logical_Switch: [
        { _uuid: ['uuid', U(1)], name: 'x' },
        { _uuid: ['uuid', U(2)], name: 'x' },
      ],
    });
    expect(() => lsAdd(new NbTxn(s), { name: 'x' })).toThrow(
      expect.objectContaining({ code: 'NB_DUPLICATE_NAME', uuids: [U(1), U(2)] }),
    );
  });

  test('ls-del deletes every row of the name; if-exists semantics', () => {
    expect(lsDel(new NbTxn(ONE_SWITCH), 'sw0')).toEqual([
      { op: 'delete', table: 'Logical_Switch', where: [['_uuid', '==', ['uuid', U(1)]]] },
    ]);
    expect(lsDel(new NbTxn(ONE_SWITCH), 'nope')).toEqual([]);
    expect(() => lsDel(new NbTxn(ONE_SWITCH), 'nope', { ifExists: false })).toThrow(
      expect.objectContaining({ code: 'NB_ROW_NOT_FOUND' }),
    );
  });
});

describe('switch ports', () => {
  test('a port on a switch created in the same transaction is wired in by named-uuid', () => {
    const tx = new NbTxn(EMPTY);
    lsAdd(tx, { name: 'sw0' });
    const ops = lspAdd(tx, {
      switch: 'sw0',
      name: 'p1',
      addresses: ['00:00:00:00:00:01 10.0.0.2'],
      parent: { name: 'vm1', tag: 42 },
    });
    expect(ops).toEqual([
      {
        op: 'insert',
        table: 'Logical_Switch_Port',
        row: { addresses: ['set', ['00:00:00:00:00:01 10.0.0.2']], parent_name: 'vm1', tag_request: 42, name: 'p1' },
        'uuid-name': 'logical_switch_port_2',
      },
      {
        op: 'mutate',
        table: 'Logical_Switch',
        where: [['_uuid', '==', ['named-uuid', 'logical_switch_1']]],
        mutations: [['ports', 'insert', ['set', [['named-uuid', 'logical_switch_port_2']]]]],
      },
    ]);
  });

  test('a port on an existing switch mutates it by uuid; an existing port is updated only where it differs', () => {
    const tx = new NbTxn(ONE_SWITCH);
    expect(
      lspAdd(tx, {
        switch: 'sw0',
        name: 'p2',
        type: 'router',
        options: { 'router-port': 'lrp' },
        addresses: ['router'],
      }),
    ).toEqual([
      {
        op: 'insert',
        table: 'Logical_Switch_Port',
        row: { addresses: ['set', ['router']], type: 'router', options: ['map', [['router-port', 'lrp']]], name: 'p2' },
        'uuid-name': 'logical_switch_port_1',
      },
      {
        op: 'mutate',
        table: 'Logical_Switch',
        where: [['_uuid', '==', ['uuid', U(1)]]],
        mutations: [['ports', 'insert', ['set', [['named-uuid', 'logical_switch_port_1']]]]],
      },
    ]);
    expect(
      lspAdd(new NbTxn(ONE_SWITCH), { switch: 'sw0', name: 'p1', addresses: ['00:00:00:00:00:01 10.0.0.2'] }),
    ).toEqual([]);
    expect(
      lspAdd(new NbTxn(ONE_SWITCH), { switch: 'sw0', name: 'p1', portSecurity: ['00:00:00:00:00:01 10.0.0.2'] }),
    ).toEqual([
      {
        op: 'update',
        table: 'Logical_Switch_Port',
        where: [['_uuid', '==', ['uuid', U(2)]]],
        row: { port_security: ['set', ['00:00:00:00:00:01 10.0.0.2']] },
      },
    ]);
  });

  test('parent errors: unknown switch, port on another switch', () => {
    expect(() => lspAdd(new NbTxn(ONE_SWITCH), { switch: 'nope', name: 'p9' })).toThrow(
      expect.objectContaining({ code: 'NB_PARENT_NOT_FOUND', parentTable: 'Logical_Switch', parent: 'nope' }),
    );
    const tx = new NbTxn(ONE_SWITCH);
    lsAdd(tx, { name: 'sw1' });
    expect(() => lspAdd(tx, { switch: 'sw1', name: 'p1' })).toThrow(
      expect.objectContaining({ code: 'NB_WRONG_PARENT', actualParent: 'sw0' }),
    );
  });

  test('bad arguments are NB_INVALID_ARGUMENT with the value', () => {
    expect(() => lspAdd(new NbTxn(ONE_SWITCH), { switch: 'sw0', name: '' })).toThrow(
      expect.objectContaining({ code: 'NB_INVALID_ARGUMENT', field: 'name' }),
    );
    expect(() =>
      lspAdd(new NbTxn(ONE_SWITCH), { switch: 'sw0', name: 'c', parent: { name: 'p1', tag: 4096 } }),
    ).toThrow(expect.objectContaining({ code: 'NB_INVALID_ARGUMENT', field: 'tag', value: '4096' }));
    expect(() => lspAdd(new NbTxn(ONE_SWITCH), { switch: 'sw0', name: 'c', type: 'bogus' as never })).toThrow(
      expect.objectContaining({ code: 'NB_INVALID_ARGUMENT', field: 'type' }),
    );
    expect(() =>
      lrpAdd(new NbTxn(ONE_SWITCH), { router: 'lr0', name: 'x', mac: 'zz', networks: ['10.0.0.1/24'] }),
    ).toThrow(expect.objectContaining({ code: 'NB_INVALID_ARGUMENT', field: 'mac' }));
    expect(() =>
      lrpAdd(new NbTxn(ONE_SWITCH), { router: 'lr0', name: 'x', mac: '00:00:00:00:00:01', networks: ['10.0.0.1'] }),
    ).toThrow(expect.objectContaining({ code: 'NB_INVALID_ARGUMENT', field: 'networks' }));
    expect(() =>
      lrPolicyAdd(new NbTxn(ONE_SWITCH), { router: 'lr0', priority: 40000, match: 'ip4', action: 'allow' }),
    ).toThrow(expect.objectContaining({ code: 'NB_INVALID_ARGUMENT', field: 'priority' }));
    expect(() =>
      lrPolicyAdd(new NbTxn(ONE_SWITCH), { router: 'lr0', priority: 1, match: 'ip4', action: 'reroute' }),
    ).toThrow(expect.objectContaining({ code: 'NB_INVALID_ARGUMENT', field: 'nexthops' }));
    expect(() =>
      lrNatAdd(new NbTxn(ONE_SWITCH), { router: 'lr0', type: 'dnat', externalIp: '1.2.3.4', logicalIp: '10.0.0.0/24' }),
    ).toThrow(expect.objectContaining({ code: 'NB_INVALID_ARGUMENT', field: 'logicalIp' }));
    expect(() => lbAdd(new NbTxn(ONE_SWITCH), { name: 'lb', vips: { '10.0.0.1:80': '10.0.0.2' } })).toThrow(
      expect.objectContaining({ code: 'NB_INVALID_ARGUMENT', field: 'backend' }),
    );
    expect(() =>
      aclAdd(new NbTxn(ONE_SWITCH), {
        on: { switch: 'sw0' },
        direction: 'to-lport',
        priority: -1,
        match: 'ip4',
        action: 'drop',
      }),
    ).toThrow(expect.objectContaining({ code: 'NB_INVALID_ARGUMENT', field: 'priority' }));
  });

  test('lsp-del drops the port from its switch', () => {
    expect(lspDel(new NbTxn(ONE_SWITCH), 'p1')).toEqual([
      {
        op: 'mutate',
        table: 'Logical_Switch',
        where: [['_uuid', '==', ['uuid', U(1)]]],
        mutations: [['ports', 'delete', ['set', [['uuid', U(2)]]]]],
      },
    ]);
  });
});

describe('unnamed children are guarded by the rows of the same identity', () => {
  test('an ACL whose identity exists elsewhere: the wait lists those rows', () => {
    const ops = aclAdd(new NbTxn(ONE_SWITCH), {
      on: { switch: 'sw0' },
      direction: 'to-lport',
      priority: 100,
      match: 'ip4',
      action: 'drop',
    });
    expect(ops[0]).toEqual({
      op: 'wait',
      table: 'ACL',
      where: [
        ['direction', '==', 'to-lport'],
        ['priority', '==', 100],
        ['match', '==', 'ip4'],
      ],
      columns: ['_uuid'],
      until: '==',
      rows: [{ _uuid: ['uuid', U(9)] }],
      timeout: 0,
    });
    expect(ops[1]).toMatchObject({
      op: 'insert',
      table: 'ACL',
      row: { direction: 'to-lport', priority: 100, match: 'ip4', action: 'drop' },
    });
    expect(ops[2]).toMatchObject({
      op: 'mutate',
      table: 'Logical_Switch',
      mutations: [['acls', 'insert', ['set', [['named-uuid', expect.any(String)]]]]],
    });
  });

  test('routes, policies, NATs: identity then the parent mutation; a second identical call in one transaction emits nothing', () => {
    const tx = new NbTxn(ONE_SWITCH);
    const r = lrRouteAdd(tx, { router: 'lr0', prefix: '0.0.0.0/0', nexthop: '100.64.0.1' });
    expect(r.map((o) => o.op)).toEqual(['wait', 'insert', 'mutate']);
    expect(r[1]).toMatchObject({
      row: { ip_prefix: '0.0.0.0/0', nexthop: '100.64.0.1', policy: ['set', []], route_table: '' },
    });
    const n = lrNatAdd(tx, { router: 'lr0', type: 'snat', externalIp: '172.18.0.2', logicalIp: '10.16.0.0/16' });
    expect(n[1]).toMatchObject({
      row: {
        type: 'snat',
        external_ip: '172.18.0.2',
        logical_ip: '10.16.0.0/16',
        options: ['map', [['stateless', 'false']]],
      },
    });
    const p = lrPolicyAdd(tx, { router: 'lr0', priority: 31000, match: 'ip4.dst == 10.16.0.0/16', action: 'allow' });
    expect(p[2]).toMatchObject({
      op: 'mutate',
      table: 'Logical_Router',
      mutations: [['policies', 'insert', expect.anything()]],
    });
    expect(lrRouteAdd(tx, { router: 'lr0', prefix: '0.0.0.0/0', nexthop: '100.64.0.1' })).toEqual([]);
    expect(lrNatAdd(tx, { router: 'lr0', type: 'snat', externalIp: '172.18.0.2', logicalIp: '10.16.0.0/16' })).toEqual(
      [],
    );
    expect(tx.operations()).toHaveLength(9);
  });
});

describe('sets, groups, load balancers', () => {
  test('port group over existing and new ports; LB attached to a switch once', () => {
    const tx = new NbTxn(ONE_SWITCH);
    lspAdd(tx, { switch: 'sw0', name: 'p2' });
    const pg = portGroupAdd(tx, { name: 'pg1', ports: ['p1', 'p2'] });
    expect(pg[1]).toMatchObject({
      op: 'insert',
      table: 'Port_Group',
      row: {
        ports: [
          'set',
          [
            ['uuid', U(2)],
            ['named-uuid', 'logical_switch_port_1'],
          ],
        ],
        name: 'pg1',
      },
    });
    lbAdd(tx, { name: 'lb0', vips: { '10.96.0.1:80': '10.0.0.2:8080' } });
    expect(lsLbAdd(tx, 'sw0', 'lb0')).toEqual([
      {
        op: 'mutate',
        table: 'Logical_Switch',
        where: [['_uuid', '==', ['uuid', U(1)]]],
        mutations: [
          ['load_balancer', 'insert', ['set', [['named-uuid', expect.stringMatching(/^load_balancer_\d+$/)]]]],
        ],
      },
    ]);
    expect(() => portGroupAdd(tx, { name: 'pg2', ports: ['nope'] })).toThrow(
      expect.objectContaining({ code: 'NB_PARENT_NOT_FOUND' }),
    );
  });
});

describe('show', () => {
  test('renders an ovn-nbctl show-like tree', () => {
    expect(renderNbShow(ONE_SWITCH, { uuids: false })).toBe(
      ['switch (sw0)', '    port p1', '        addresses: ["00:00:00:00:00:01 10.0.0.2"]', 'router (lr0)', ''].join(
        '\n',
      ),
    );
    expect(lrAdd(new NbTxn(ONE_SWITCH), { name: 'lr0' })).toEqual([]);
  });
});

describe('operations() merges reference inserts into one set', () => {
  test('many ports on one switch: one mutate listing them all, at the first one’s place; another op on the table ends the group', () => {
    const tx = new NbTxn(ONE_SWITCH);
    for (let i = 0; i < 5; i++) lspAdd(tx, { switch: 'sw0', name: `q${i}` });
    const ops = tx.operations();
    expect(ops.map((o) => `${o.op} ${(o as { table: string }).table}`)).toEqual([
      'insert Logical_Switch_Port',
      'mutate Logical_Switch',
      ...Array(4).fill('insert Logical_Switch_Port'),
    ]);
    expect(ops[1]).toEqual({
      op: 'mutate',
      table: 'Logical_Switch',
      where: [['_uuid', '==', ['uuid', U(1)]]],
      mutations: [
        ['ports', 'insert', ['set', [0, 1, 2, 3, 4].map((i) => ['named-uuid', `logical_switch_port_${i + 1}`])]],
      ],
    });
    lsAdd(tx, { name: 'sw0', externalIds: { x: 'y' } }); // an update of sw0 ends the group
    lspAdd(tx, { switch: 'sw0', name: 'q5' });
    const after = tx.operations();
    expect(after.filter((o) => o.op === 'mutate')).toHaveLength(2);
    expect(after.at(-1)).toMatchObject({
      op: 'mutate',
      mutations: [['ports', 'insert', ['set', [['named-uuid', 'logical_switch_port_6']]]]],
    });
  });
});

describe('snapshot selects', () => {
  test('whole tables by default; with columns, only those plus _uuid and _version', async () => {
    const { snapshotSelects } = await import('../../../src/ovn-nb/index.js');
    expect(snapshotSelects(['Logical_Switch', 'ACL'], { Logical_Switch: ['name', 'ports'] })).toEqual([
      { op: 'select', table: 'Logical_Switch', where: [], columns: ['_uuid', '_version', 'name', 'ports'] },
      { op: 'select', table: 'ACL', where: [] },
    ]);
  });
});

describe('deletes of unnamed children', () => {
  test('missing router: nothing, or NB_PARENT_NOT_FOUND with ifExists false; missing row likewise NB_ROW_NOT_FOUND', async () => {
    const { lrRouteDel, lrNatDel, lrPolicyDel } = await import('../../../src/ovn-nb/index.js');
    expect(lrRouteDel(new NbTxn(ONE_SWITCH), { router: 'nope', prefix: '0.0.0.0/0', nexthop: '1.1.1.1' })).toEqual([]);
    expect(() =>
      lrRouteDel(
        new NbTxn(ONE_SWITCH),
        { router: 'nope', prefix: '0.0.0.0/0', nexthop: '1.1.1.1' },
        { ifExists: false },
      ),
    ).toThrow(expect.objectContaining({ code: 'NB_PARENT_NOT_FOUND' }));
    expect(() =>
      lrNatDel(
        new NbTxn(ONE_SWITCH),
        { router: 'nope', type: 'snat', externalIp: '1.1.1.1', logicalIp: '10.0.0.0/8' },
        { ifExists: false },
      ),
    ).toThrow(expect.objectContaining({ code: 'NB_PARENT_NOT_FOUND' }));
    expect(() => lrPolicyDel(new NbTxn(ONE_SWITCH), 'lr0', 10, 'ip4', { ifExists: false })).toThrow(
      expect.objectContaining({ code: 'NB_ROW_NOT_FOUND', table: 'Logical_Router_Policy' }),
    );
  });
});
