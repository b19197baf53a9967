/** NbTxn's recorded dependencies → `wait` operations (pure; no server). */
import { expect, test } from 'vitest';
import { NbTxn, lsDel, lspAdd, lspDel, lspSet, type NbSnapshot } from '../../../src/ovn-nb/index.js';

const SW = '11111111-1111-1111-1111-111111111111';
const P1 = '22222222-2222-2222-2222-222222222222';
const snap = (): NbSnapshot =>
  ({
    Logical_Switch: new Map([
      [
        SW,
        {
          _uuid: SW,
          _version: SW,
          name: 'sw0',
          ports: [P1],
          acls: [],
          qos_rules: [],
          dns_records: [],
          load_balancer: [],
          other_config: {},
          external_ids: {},
        },
      ],
    ]),
    Logical_Switch_Port: new Map([
      [
        P1,
        {
          _uuid: P1,
          _version: P1,
          name: 'p1',
          addresses: ['0a:00:00:00:00:01 10.0.0.2'],
          port_security: [],
          options: {},
          external_ids: {},
          type: '',
        },
      ],
    ]),
  }) as unknown as NbSnapshot;

test('a new port on an existing switch relies on the switch existing: one wait on its _uuid, not its port set', () => {
  const tx = new NbTxn(snap());
  lspAdd(tx, { switch: 'sw0', name: 'p2' });
  expect(tx.verifications()).toEqual([
    {
      op: 'wait',
      table: 'Logical_Switch',
      where: [['_uuid', '==', ['uuid', SW]]],
      columns: ['_uuid'],
      until: '==',
      rows: [{ _uuid: ['uuid', SW] }],
      timeout: 0,
    },
  ]);
});

test('changing a port relies on the columns compared, with the values read', () => {
  const tx = new NbTxn(snap());
  lspSet(tx, 'p1', { addresses: ['0a:00:00:00:00:09 10.0.0.9'] });
  expect(tx.verifications()).toEqual([
    {
      op: 'wait',
      table: 'Logical_Switch_Port',
      where: [['_uuid', '==', ['uuid', P1]]],
      columns: ['addresses'],
      until: '==',
      rows: [{ addresses: ['set', ['0a:00:00:00:00:01 10.0.0.2']] }],
      timeout: 0,
    },
  ]);
  expect(tx.describeVerification(0)).toEqual({
    table: 'Logical_Switch_Port',
    uuid: P1,
    what: 'exists with the same addresses',
  });
});

test('removing a port relies on the switch still holding it (includes), and deleting a root relies on nothing', () => {
  const tx = new NbTxn(snap());
  lspDel(tx, 'p1');
  expect(tx.verifications()).toEqual([
    {
      op: 'wait',
      table: 'Logical_Switch',
      where: [
        ['_uuid', '==', ['uuid', SW]],
        ['ports', 'includes', ['set', [['uuid', P1]]]],
      ],
      columns: ['_uuid'],
      until: '==',
      rows: [{ _uuid: ['uuid', SW] }],
      timeout: 0,
    },
  ]);
  const tx2 = new NbTxn(snap());
  lsDel(tx2, 'sw0');
  expect(tx2.verifications()).toEqual([]);
});
