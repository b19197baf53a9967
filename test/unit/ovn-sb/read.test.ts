import { describe, expect, test } from 'vitest';
import { logicalNamesFromSb, sbViewFromResults } from '../../../src/ovn-sb/index.js';

const U = (n: number): string => `00000000-0000-0000-0000-${n.toString().padStart(12, '0')}`;

const results = [
  { rows: [{ _uuid: ['uuid', U(1)], name: 'node1', hostname: 'node1', encaps: ['uuid', U(2)] }] },
  { rows: [{ _uuid: ['uuid', U(2)], type: 'geneve', ip: '172.18.0.2', options: ['map', [['csum', 'true']]] }] },
  {
    rows: [
      {
        _uuid: ['uuid', U(10)],
        tunnel_key: 3,
        external_ids: [
          'map',
          [
            ['logical-switch', U(99)],
            ['name', 'ovn-default'],
          ],
        ],
      },
      {
        _uuid: ['uuid', U(11)],
        tunnel_key: 1,
        external_ids: [
          'map',
          [
            ['logical-router', U(98)],
            ['name', 'ovn-cluster'],
          ],
        ],
      },
    ],
  },
  {
    rows: [
      {
        _uuid: ['uuid', U(20)],
        logical_port: 'pod1.default',
        tunnel_key: 2,
        datapath: ['uuid', U(10)],
        chassis: ['uuid', U(1)],
        type: '',
        mac: '00:00:00:aa:0d:31 10.16.0.8',
      },
      {
        _uuid: ['uuid', U(21)],
        logical_port: 'ovn-cluster-ovn-default',
        tunnel_key: 2,
        datapath: ['uuid', U(11)],
        chassis: ['set', []],
        type: 'patch',
        mac: ['set', []],
      },
    ],
  },
  { rows: [{ _uuid: ['uuid', U(30)], name: '_MC_flood', tunnel_key: 32768, datapath: ['uuid', U(10)] }] },
];

describe('SB view', () => {
  const view = sbViewFromResults(results);
  test('chassis with encaps; datapaths by key and name; ports by name and key; chassis binding', () => {
    expect(view.chassis).toEqual([
      {
        uuid: U(1),
        name: 'node1',
        hostname: 'node1',
        encaps: [{ type: 'geneve', ip: '172.18.0.2', options: { csum: 'true' } }],
      },
    ]);
    expect(view.datapathByKey(3)).toMatchObject({ name: 'ovn-default', kind: 'switch' });
    expect(view.datapathByName('ovn-cluster')).toMatchObject({ tunnelKey: 1, kind: 'router' });
    expect(view.port('pod1.default')).toMatchObject({
      tunnelKey: 2,
      chassis: 'node1',
      datapath: { name: 'ovn-default' },
    });
    expect(view.portByKey(1, 2)?.logicalPort).toBe('ovn-cluster-ovn-default');
    expect(view.portByKey(3, 2)?.logicalPort).toBe('pod1.default');
    expect(view.portsOnChassis('node1').map((p) => p.logicalPort)).toEqual(['pod1.default']);
    expect(view.datapathByKey(77)).toBeUndefined();
  });
  test('LogicalNames: VNI → datapath, (VNI, key) → port or multicast group', () => {
    const names = logicalNamesFromSb(view);
    expect(names.datapath(3)).toBe('ovn-default');
    expect(names.port(3, 2)).toBe('pod1.default');
    expect(names.port(3, 32768)).toBe('_MC_flood');
    expect(names.port(3, 9)).toBeUndefined();
  });
});
