import { describe, expect, test } from 'vitest';
import { gatewayMac, planReconcile, recordsFromSnapshot, withDefaultSubnets } from '../../../src/kube/reconcile.js';
import { snapshotFromResults, type NbSnapshot, type NbTable } from '../../../src/ovn-nb/index.js';
import type { Operation } from '../../../src/ovsdb/index.js';

const U = (n: number): string => `00000000-0000-0000-0000-${n.toString().padStart(12, '0')}`;
function snap(tables: Partial<Record<NbTable, Record<string, unknown>[]>>): NbSnapshot {
  const names = Object.keys(tables) as NbTable[];
  return snapshotFromResults(
    names,
    names.map((t) => ({ rows: tables[t] })),
  );
}

const inserts = (ops: readonly Operation[], table: string): string[] =>
  ops.flatMap((o) => (o.op === 'insert' && o.table === table ? [String((o.row as Record<string, unknown>).name)] : []));

describe('planReconcile (pure)', () => {
  test('the default install on an empty NB: router, two switches, their router ports, nodes and pods, in one plan', () => {
    const plan = planReconcile(
      {
        subnets: withDefaultSubnets(),
        nodes: ['node1'],
        pods: [{ name: 'pod1', namespace: 'default', node: 'node1' }],
      },
      snap({}),
      { macSeed: 1 },
    );
    const ops = plan.operations;
    expect(inserts(ops, 'Logical_Router')).toEqual(['ovn-cluster']);
    expect(inserts(ops, 'Logical_Switch')).toEqual(['join', 'ovn-default']);
    expect(inserts(ops, 'Logical_Router_Port')).toEqual(['ovn-cluster-join', 'ovn-cluster-ovn-default']);
    expect(inserts(ops, 'Logical_Switch_Port')).toEqual([
      'join-ovn-cluster',
      'ovn-default-ovn-cluster',
      'node-node1',
      'pod1.default',
    ]);
    // Every non-root insert is wired into its parent in the same transaction.
    for (const o of ops) {
      if (o.op !== 'insert' || o.table === 'Logical_Switch' || o.table === 'Logical_Router') continue;
      const name = o['uuid-name']!;
      expect(
        ops.some((m) => m.op === 'mutate' && JSON.stringify(m.mutations).includes(`["named-uuid","${name}"]`)),
        name,
      ).toBe(true);
    }
    // Root inserts are guarded.
    expect(ops.filter((o) => o.op === 'wait').map((o) => (o as { table: string }).table)).toEqual([
      'Logical_Router',
      'Logical_Switch',
      'Logical_Router_Policy',
      'Logical_Switch',
      'Logical_Router_Policy',
    ]);
    // Kube-OVN addCommonRoutesForSubnet: `ip4.dst == <cidr>` allow at 31000 per default-VPC subnet.
    expect(
      ops
        .filter((o) => o.op === 'insert' && o.table === 'Logical_Router_Policy')
        .map((o) => {
          const row = (o as { row: Record<string, unknown> }).row;
          return [row.priority, row.match, row.action];
        }),
    ).toEqual([
      [31000, 'ip4.dst == 100.64.0.0/16', 'allow'],
      [31000, 'ip4.dst == 10.16.0.0/16', 'allow'],
    ]);
    const pod = ops.find((o) => o.op === 'insert' && (o.row as Record<string, unknown>).name === 'pod1.default') as {
      row: Record<string, unknown>;
    };
    const rec = plan.ipam.records.find((r) => r.name === 'pod1.default')!;
    expect(rec.ip).toBe('10.16.0.2');
    expect(pod.row.addresses).toEqual(['set', [`${rec.mac} 10.16.0.2`]]);
    // Kube-OVN pkg/ovs/ovn-nb-logical_switch_port.go buildLogicalSwitchPort: port_security only when the
    // pod's port_security annotation asks; external_ids pod, ls, vendor (plus this SDK's prefixed node key).
    expect(pod.row.port_security).toEqual(['set', []]);
    expect(pod.row.external_ids).toEqual([
      'map',
      [
        ['vendor', 'kube-ovn'],
        ['ls', 'ovn-default'],
        ['ovn-sdk/node', 'node1'],
        ['pod', 'default/pod1'],
      ],
    ]);
    const row = (table: string, name: string) =>
      (
        ops.find((o) => o.op === 'insert' && o.table === table && (o.row as Record<string, unknown>).name === name) as {
          row: Record<string, unknown>;
        }
      ).row;
    // pkg/ovs/ovn-nb.go CreateRouterPortOp → CreateLogicalSwitchPortOp / CreateLogicalRouterPortOp.
    expect(row('Logical_Switch_Port', 'ovn-default-ovn-cluster').external_ids).toEqual([
      'map',
      [
        ['vendor', 'kube-ovn'],
        ['ls', 'ovn-default'],
      ],
    ]);
    expect(row('Logical_Router_Port', 'ovn-cluster-ovn-default').external_ids).toEqual([
      'map',
      [
        ['vendor', 'kube-ovn'],
        ['lr', 'ovn-cluster'],
      ],
    ]);
    // pkg/util/net.go GenerateMac: 00:00:00 + three bytes (the NB builder stores MACs lower-case).
    expect(row('Logical_Router_Port', 'ovn-cluster-ovn-default').mac).toMatch(/^00:00:00(:[0-9a-f]{2}){3}$/);
    // pkg/ovs/ovn-nb-logical_switch.go CreateBareLogicalSwitch: {vendor}; plus this SDK's vpc key.
    expect(row('Logical_Switch', 'ovn-default').external_ids).toEqual([
      'map',
      [
        ['vendor', 'kube-ovn'],
        ['ovn-sdk/vpc', 'ovn-cluster'],
      ],
    ]);
  });

  test('port_security is set only for a pod that asks for it (ovn.kubernetes.io/port_security: "true")', () => {
    const plan = planReconcile(
      {
        subnets: withDefaultSubnets(),
        pods: [
          { name: 'sec', namespace: 'default', node: 'n', portSecurity: true },
          { name: 'open', namespace: 'default', node: 'n' },
        ],
      },
      snap({}),
      { macSeed: 1 },
    );
    const row = (name: string) =>
      (
        plan.operations.find((o) => o.op === 'insert' && (o.row as Record<string, unknown>).name === name) as {
          row: Record<string, unknown>;
        }
      ).row;
    expect(row('sec.default').port_security).toEqual(row('sec.default').addresses);
    expect(row('open.default').port_security).toEqual(['set', []]);
  });

  test('a subnet of a custom VPC hangs on that VPC’s router; an unknown VPC is refused', () => {
    const plan = planReconcile(
      {
        vpcs: [{ name: 'ovn-cluster' }, { name: 'vpc1' }],
        subnets: withDefaultSubnets([{ name: 'net1', vpc: 'vpc1', cidrBlock: '10.16.0.0/24' }]),
        pods: [{ name: 'a', namespace: 'x', node: 'n', subnet: 'net1' }],
      },
      snap({}),
    );
    expect(inserts(plan.operations, 'Logical_Router')).toEqual(['ovn-cluster', 'vpc1']);
    expect(inserts(plan.operations, 'Logical_Router_Port')).toContain('vpc1-net1');
    const lrpIndex = plan.operations.findIndex(
      (o) => o.op === 'insert' && (o.row as Record<string, unknown>).name === 'vpc1-net1',
    );
    const lrp = plan.operations[lrpIndex] as { 'uuid-name': string };
    const vpc1 = plan.operations.find(
      (o) => o.op === 'insert' && (o.row as Record<string, unknown>).name === 'vpc1',
    ) as { 'uuid-name': string };
    const wire = plan.operations.find((o) => o.op === 'mutate' && JSON.stringify(o).includes(lrp['uuid-name']))!;
    expect(wire).toMatchObject({
      table: 'Logical_Router',
      where: [['_uuid', '==', ['named-uuid', vpc1['uuid-name']]]],
    });
    expect(plan.ipam.records.find((r) => r.name === 'a.x')!.ip).toBe('10.16.0.2'); // same CIDR as ovn-default, other VPC: allowed
    expect(() =>
      planReconcile(
        { subnets: withDefaultSubnets([{ name: 'net2', vpc: 'nope', cidrBlock: '10.99.0.0/24' }]), pods: [] },
        snap({}),
      ),
    ).toThrow(expect.objectContaining({ code: 'KUBE_UNKNOWN_VPC', value: 'nope' }));
  });

  test('bad input throws before any operation exists', () => {
    expect(() =>
      planReconcile({ subnets: withDefaultSubnets([{ name: 's', cidrBlock: '10.16.5.0/24' }]), pods: [] }, snap({})),
    ).toThrow(expect.objectContaining({ code: 'KUBE_SUBNET_OVERLAP' }));
  });

  test('records are read back from kube-ovn switch ports only', () => {
    const s = snap({
      Logical_Switch: [
        {
          _uuid: ['uuid', U(1)],
          name: 'ovn-default',
          ports: [
            'set',
            [
              ['uuid', U(2)],
              ['uuid', U(3)],
            ],
          ],
        },
      ],
      Logical_Switch_Port: [
        {
          _uuid: ['uuid', U(2)],
          name: 'a.default',
          addresses: '00:00:00:aa:bb:cc 10.16.0.9',
          external_ids: [
            'map',
            [
              ['vendor', 'kube-ovn'],
              ['node', 'n1'],
              ['ls', 'ovn-default'],
            ],
          ],
        },
        {
          _uuid: ['uuid', U(3)],
          name: 'foreign',
          addresses: '00:00:00:aa:bb:cd 10.16.0.10',
          external_ids: ['map', []],
        },
      ],
    });
    expect(recordsFromSnapshot(s)).toEqual([
      { name: 'a.default', mac: '00:00:00:aa:bb:cc', ip: '10.16.0.9', node: 'n1', subnet: 'ovn-default' },
    ]);
    const bad = snap({
      Logical_Switch: [{ _uuid: ['uuid', U(1)], name: 'ovn-default', ports: ['set', [['uuid', U(2)]]] }],
      Logical_Switch_Port: [
        {
          _uuid: ['uuid', U(2)],
          name: 'a.default',
          addresses: 'dynamic',
          external_ids: [
            'map',
            [
              ['vendor', 'kube-ovn'],
              ['node', 'n1'],
            ],
          ],
        },
      ],
    });
    expect(() => recordsFromSnapshot(bad)).toThrow(
      expect.objectContaining({ code: 'KUBE_NB_RECORD_INVALID', port: 'a.default', value: 'dynamic' }),
    );
  });

  test('gateway MACs are derived from the gateway address', () => {
    expect(gatewayMac('10.16.0.1')).toBe('0a:58:0a:10:00:01');
    expect(gatewayMac('100.64.0.1,fd00::1')).toBe('0a:58:64:40:00:01');
    expect(gatewayMac('fd00:10:16::1')).toBe('0a:58:00:00:00:01');
  });
});
