/**
 * The seed's Kube-OVN scenario built through the SDK on real OVN (ovsdb-server NB + SB, ovn-northd),
 * proven by northd's SB rows, by ovn-trace, and by a second reconcile that changes nothing.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { OvsdbClient } from '../../../src/ovsdb/index.js';
import { run, startOvnCentral, type OvnCentral } from '../../../src/testing/index.js';
import {
  KUBE_NB_TABLES,
  planReconcile,
  reconcile,
  withDefaultSubnets,
  type KubeDesiredState,
} from '../../../src/kube/reconcile.js';
import { renderSubnetTable } from '../../../src/kube/views.js';
import { readNbSnapshot } from '../../../src/ovn-nb/txn.js';
import { logicalNamesFromSb, readSbView } from '../../../src/ovn-sb/index.js';
import type { IpRecord, Pod, SubnetInput } from '../../../src/kube/subnet-model.js';

const SUBNET1: SubnetInput = {
  name: 'subnet1',
  cidrBlock: '10.66.0.0/16',
  excludeIps: ['10.66.0.1..10.66.0.10'],
  gateway: '10.66.0.1',
  gatewayType: 'distributed',
  natOutgoing: true,
  namespaces: ['ns1'],
};
const PODS: Pod[] = [
  { name: 'ovn-default-node1-pod1', namespace: 'default', node: 'node1' },
  { name: 'ovn-default-node1-pod2', namespace: 'default', node: 'node1' },
  { name: 'ovn-default-node2-pod3', namespace: 'default', node: 'node2' },
  { name: 'subnet1-node1-pod1', namespace: 'ns1', node: 'node1' },
];
const DESIRED: KubeDesiredState = { subnets: withDefaultSubnets([SUBNET1]), nodes: ['node1', 'node2'], pods: PODS };

let central: OvnCentral;
let nb: OvsdbClient;
let records: readonly IpRecord[];

const rec = (name: string): IpRecord => records.find((r) => r.name === name)!;
const dump = async (): Promise<string> =>
  (await central.nb.client('dump', 'OVN_Northbound')).replace(/_version\s+\S+/g, '');

beforeAll(async () => {
  central = await startOvnCentral();
  nb = await OvsdbClient.connect(central.nb.unix);
});
afterAll(async () => {
  await nb?.close();
  await central?.stop();
});

describe('Kube-OVN scenario on real OVN', () => {
  test('reconcile builds ovn-cluster, join, ovn-default, subnet1 and the pods; the subnet view shows the seed figures', async () => {
    const r = await reconcile(nb, DESIRED, { macSeed: 7 });
    expect(r.transactions).toBe(1);
    records = r.ipam.records;
    const table = renderSubnetTable(r.ipam.subnets, r.ipam.usage);
    const rows = table
      .trim()
      .split('\n')
      .map((l) => l.split(/\s+/));
    const byName = new Map(rows.slice(1).map((c) => [c[0], c]));
    // V4USED V4AVAILABLE V6USED V6AVAILABLE EXCLUDEIPS are columns 9..13.
    expect(byName.get('join')!.slice(9, 14)).toEqual(['2', '65531', '0', '0', '["100.64.0.1"]']);
    expect(byName.get('ovn-default')!.slice(9, 14)).toEqual(['3', '65530', '0', '0', '["10.16.0.1"]']);
    expect(byName.get('subnet1')!.slice(9, 14)).toEqual(['1', '65523', '0', '0', '["10.66.0.1..10.66.0.10"]']);
    expect(rec('subnet1-node1-pod1.ns1').ip).toBe('10.66.0.11');
    expect(rec('subnet1-node1-pod1.ns1').subnet).toBe('subnet1');
    expect(rec('ovn-default-node1-pod1.default').subnet).toBe('ovn-default');
    for (const r of records) expect(r.mac).toMatch(/^00:00:00:[0-9A-F]{2}:[0-9A-F]{2}:[0-9A-F]{2}$/);

    // What ovn-nbctl sees.
    const show = await central.nbctl('show');
    expect(show).toMatch(/router \S+ \(ovn-cluster\)/);
    for (const s of ['join', 'ovn-default', 'subnet1']) {
      expect(show).toMatch(new RegExp(`switch \\S+ \\(${s}\\)`));
      expect(show).toContain(`port ovn-cluster-${s}`);
      expect(show).toContain(`router-port: ovn-cluster-${s}`);
    }
    const p1 = rec('ovn-default-node1-pod1.default');
    expect(show).toContain(`addresses: ["${p1.mac} ${p1.ip}"]`);
    expect((await central.nbctl('get', 'Logical_Router_Port', 'ovn-cluster-subnet1', 'networks')).trim()).toBe(
      '["10.66.0.1/16"]',
    );
    expect((await central.nbctl('get', 'Logical_Switch', 'subnet1', 'other_config:exclude_ips')).trim()).toBe(
      '"10.66.0.1..10.66.0.10"',
    );
  });

  test('ovn-northd created a Datapath_Binding for every switch and router and a Port_Binding for every port', async () => {
    await central.nbctl('--wait=sb', 'sync');
    const snap = await readNbSnapshot(nb, KUBE_NB_TABLES);
    const sbClient = await OvsdbClient.connect(central.sb.unix);
    try {
      const sb = await readSbView(sbClient);
      const names = logicalNamesFromSb(sb);
      for (const ls of snap.Logical_Switch!.values()) {
        const dp = sb.datapathByName(ls.name);
        expect(dp?.kind, ls.name).toBe('switch');
        expect(names.datapath(dp!.tunnelKey)).toBe(ls.name);
      }
      const lr = [...snap.Logical_Router!.values()];
      expect(lr.map((r) => r.name)).toEqual(['ovn-cluster']);
      expect(sb.datapathByName('ovn-cluster')?.kind).toBe('router');
      const ports = [...snap.Logical_Switch_Port!.values(), ...snap.Logical_Router_Port!.values()].map((p) => p.name);
      expect(ports).toHaveLength(6 + 3 + 3);
      for (const p of ports) {
        const pb = sb.port(p);
        expect(pb, p).toBeDefined();
        expect(names.port(pb!.datapath.tunnelKey, pb!.tunnelKey)).toBe(p);
      }
      expect(sb.port('subnet1-node1-pod1.ns1')!.datapath.name).toBe('subnet1');
      expect(sb.port('ovn-cluster-subnet1')!.datapath.name).toBe('ovn-cluster');
    } finally {
      await sbClient.close();
    }
  });

  const trace = async (
    datapath: string,
    from: IpRecord,
    dstMac: string,
    to: IpRecord,
    minimal: boolean,
  ): Promise<string> => {
    const flow = `inport == "${from.name}" && eth.src == ${from.mac.toLowerCase()} && eth.dst == ${dstMac} && ip4.src == ${from.ip} && ip4.dst == ${to.ip} && ip.ttl == 64 && icmp4`;
    return (await run('ovn-trace', [`--db=${central.sb.unix}`, ...(minimal ? ['--minimal'] : []), datapath, flow]))
      .stdout;
  };

  test('ovn-trace: pod1 → pod2 is delivered to pod2’s port', async () => {
    const [p1, p2] = [rec('ovn-default-node1-pod1.default'), rec('ovn-default-node1-pod2.default')];
    const out = await trace('ovn-default', p1, p2.mac.toLowerCase(), p2, true);
    const outputs = [...out.matchAll(/output\("([^"]+)"\)/g)].map((m) => m[1]);
    expect(outputs).toEqual([p2.name]);
  });

  test('ovn-trace: pod1 → pod3 (other node) is delivered to pod3’s port', async () => {
    const [p1, p3] = [rec('ovn-default-node1-pod1.default'), rec('ovn-default-node2-pod3.default')];
    const out = await trace('ovn-default', p1, p3.mac.toLowerCase(), p3, true);
    expect([...out.matchAll(/output\("([^"]+)"\)/g)].map((m) => m[1])).toEqual([p3.name]);
  });

  test('ovn-trace: a subnet1 pod → an ovn-default pod is routed through ovn-cluster', async () => {
    const [s1, p2] = [rec('subnet1-node1-pod1.ns1'), rec('ovn-default-node1-pod2.default')];
    const gwMac = (await central.nbctl('get', 'Logical_Router_Port', 'ovn-cluster-subnet1', 'mac'))
      .trim()
      .replace(/"/g, '');
    const out = await trace('subnet1', s1, gwMac, p2, false);
    const hops = [...out.matchAll(/^(ingress|egress)\(dp="([^"]+)", inport="([^"]+)"(?:, outport="([^"]+)")?\)/gm)].map(
      (m) => `${m[1]} ${m[2]} ${m[3]}${m[4] ? ` → ${m[4]}` : ''}`,
    );
    expect(hops).toEqual([
      `ingress subnet1 ${s1.name}`,
      `egress subnet1 ${s1.name} → subnet1-ovn-cluster`,
      'ingress ovn-cluster ovn-cluster-subnet1',
      'egress ovn-cluster ovn-cluster-subnet1 → ovn-cluster-ovn-default',
      'ingress ovn-default ovn-default-ovn-cluster',
      `egress ovn-default ovn-default-ovn-cluster → ${p2.name}`,
    ]);
    expect(out).toMatch(/lr_in_ip_routing .*ip4\.dst == 10\.16\.0\.0\/16/);
    expect(out).toContain('ip.ttl--;');
    expect(out).toContain(`/* output to "${p2.name}", type "" */`);
    const minimal = await trace('subnet1', s1, gwMac, p2, true);
    expect([...minimal.matchAll(/output\("([^"]+)"\)/g)].map((m) => m[1])).toEqual([p2.name]);
    expect(minimal).toContain('ip.ttl--;');
  });

  test('a second run of the same reconcile changes nothing', async () => {
    const before = await dump();
    const plan = planReconcile(DESIRED, await readNbSnapshot(nb, KUBE_NB_TABLES), { macSeed: 7 });
    expect(plan.operations).toEqual([]);
    const again = await reconcile(nb, DESIRED, { macSeed: 99 }); // another MAC seed: existing records keep theirs
    expect(again.transactions).toBe(0);
    expect(again.ipam.records).toEqual(records);
    expect(await dump()).toBe(before);
  });

  test('after a restart IPAM is rebuilt from NB: pods keep their addresses, a new pod gets the lowest free one', async () => {
    // A fresh connection and no state carried over: everything is read back from NB.
    const c2 = await OvsdbClient.connect(central.nb.unix);
    try {
      const pods = [
        ...PODS,
        { name: 'late', namespace: 'default', node: 'node2' },
        { name: 'late', namespace: 'ns1', node: 'node2' },
      ];
      const r = await reconcile(c2, { ...DESIRED, pods }, { macSeed: 12345 });
      for (const old of records) expect(r.ipam.records.find((x) => x.name === old.name)).toEqual(old);
      expect(r.ipam.records.find((x) => x.name === 'late.default')!.ip).toBe('10.16.0.5');
      expect(r.ipam.records.find((x) => x.name === 'late.ns1')!.ip).toBe('10.66.0.12');
      expect((await central.nbctl('get', 'Logical_Switch_Port', 'late.ns1', 'addresses')).trim()).toMatch(
        /^\["00:00:00:[0-9A-F:]+ 10\.66\.0\.12"\]$/,
      );
    } finally {
      await c2.close();
    }
  });

  // Kube-OVN pkg/ipam/subnet.go releaseAddr puts the address on V4Released; getV4RandomAddress hands out
  // V4Free (never used) first. The released list is kept on the switch, so a fresh reconciler agrees.
  test('deleting a pod removes its port; its IP is reused only after the never-used ones', async () => {
    const pods = [
      ...PODS.filter((p) => p.name !== 'ovn-default-node1-pod2'),
      { name: 'late', namespace: 'default', node: 'node2' },
      { name: 'late', namespace: 'ns1', node: 'node2' },
    ];
    const r = await reconcile(nb, { ...DESIRED, pods });
    expect(r.ipam.released.map((x) => x.name)).toEqual(['ovn-default-node1-pod2.default']);
    await expect(
      central.nbctl('get', 'Logical_Switch_Port', 'ovn-default-node1-pod2.default', 'addresses'),
    ).rejects.toThrow(/no row/);
    expect(
      (await central.nbctl('get', 'Logical_Switch', 'ovn-default', 'external_ids:"ovn-sdk/released"')).trim(),
    ).toBe('"10.16.0.3"');
    const c2 = await OvsdbClient.connect(central.nb.unix); // a restarted reconciler reads the list back
    try {
      const r2 = await reconcile(c2, {
        ...DESIRED,
        pods: [...pods, { name: 'newer', namespace: 'default', node: 'node1' }],
      });
      expect(r2.ipam.records.find((x) => x.name === 'newer.default')!.ip).toBe('10.16.0.6');
      expect(r2.ipam.usage.get('ovn-default')!.v4Used).toBe(4n);
    } finally {
      await c2.close();
    }
  });

  test('deleting a subnet that still has pods is refused, and nothing is written', async () => {
    const before = await dump();
    const desired = {
      ...DESIRED,
      subnets: withDefaultSubnets(),
      pods: [...PODS, { name: 'late', namespace: 'ns1', node: 'node2' }],
    };
    await expect(reconcile(nb, desired)).rejects.toMatchObject({ code: 'KUBE_SUBNET_IN_USE', value: 'subnet1' });
    expect(await dump()).toBe(before);
  });

  test('bad input: typed error with the offending value, nothing half-written', async () => {
    const before = await dump();
    const cases: [KubeDesiredState, Record<string, unknown>][] = [
      [
        { ...DESIRED, subnets: withDefaultSubnets([{ ...SUBNET1, cidrBlock: '10.66.0.0/33' }]) },
        { code: 'KUBE_SUBNET_INVALID_CIDR', value: '10.66.0.0/33' },
      ],
      [
        {
          ...DESIRED,
          subnets: withDefaultSubnets([
            { ...SUBNET1, cidrBlock: '169.254.0.0/16', excludeIps: [], gateway: '169.254.0.1' },
          ]),
        },
        { code: 'KUBE_SUBNET_RESERVED_CIDR', value: '169.254.0.0/16' },
      ],
      [
        { ...DESIRED, subnets: withDefaultSubnets([{ ...SUBNET1, name: 'ovn-cluster' }]) },
        { code: 'KUBE_SUBNET_NAMED_LIKE_VPC', value: 'ovn-cluster' },
      ],
      [
        { ...DESIRED, subnets: withDefaultSubnets([{ ...SUBNET1, u2oInterconnectionIP: '10.66.0.1' }]) },
        { code: 'KUBE_SUBNET_INVALID_U2O_IP', value: '10.66.0.1' },
      ],
      [
        { ...DESIRED, pods: [...PODS, { name: 'Bad_Name', namespace: 'ns1', node: 'node1' }] },
        { code: 'KUBE_INVALID_NAME', value: 'Bad_Name', field: 'pod.name' },
      ],
      [
        { ...DESIRED, subnets: withDefaultSubnets([{ ...SUBNET1, gateway: '10.99.0.1' }]) },
        { code: 'KUBE_SUBNET_GATEWAY_OUTSIDE_CIDR', value: '10.99.0.1' },
      ],
      [
        {
          ...DESIRED,
          subnets: withDefaultSubnets([
            { ...SUBNET1, cidrBlock: '10.16.128.0/17', excludeIps: [], gateway: '10.16.128.1' },
          ]),
        },
        { code: 'KUBE_SUBNET_OVERLAP' },
      ],
      [
        { ...DESIRED, subnets: withDefaultSubnets([{ ...SUBNET1, namespaces: ['ns1', 'ns"1'] }]) },
        { code: 'KUBE_INVALID_NAME', value: 'ns"1', field: 'subnet.namespaces' },
      ],
      [
        { ...DESIRED, pods: [...PODS, { name: 'static', namespace: 'ns1', node: 'node1', ip: '10.66.0.11' }] },
        { code: 'IPAM_ADDRESS_TAKEN' },
      ],
      [
        { ...DESIRED, pods: [...PODS, { name: 'static', namespace: 'ns1', node: 'node1', ip: '10.66.0.1' }] },
        { code: 'IPAM_ADDRESS_IS_GATEWAY' },
      ],
      [
        { ...DESIRED, pods: [...PODS, { name: 'static', namespace: 'ns1', node: 'node1', ip: '10.66.0.0' }] },
        { code: 'IPAM_ADDRESS_EXCLUDED' },
      ],
    ];
    for (const [desired, err] of cases) {
      await expect(reconcile(nb, desired), JSON.stringify(err)).rejects.toMatchObject(err);
    }
    expect(await dump()).toBe(before);
  });

  test('a subnet whose pods are gone is removed with its router port; northd drops its datapath', async () => {
    const pods = PODS.filter((p) => p.namespace !== 'ns1');
    const r = await reconcile(nb, { ...DESIRED, subnets: withDefaultSubnets(), pods });
    expect(r.removedSubnets).toEqual(['subnet1']);
    expect(
      r.ipam.released
        .filter((x) => x.subnet === 'subnet1')
        .map((x) => x.name)
        .sort(),
    ).toEqual(['late.ns1', 'subnet1-node1-pod1.ns1']);
    const show = await central.nbctl('show');
    expect(show).not.toContain('subnet1');
    expect(show).toContain('port ovn-cluster-ovn-default');
    await central.nbctl('--wait=sb', 'sync');
    const sbClient = await OvsdbClient.connect(central.sb.unix);
    try {
      const sb = await readSbView(sbClient);
      expect(sb.datapathByName('subnet1')).toBeUndefined();
      expect(sb.port('ovn-cluster-subnet1')).toBeUndefined();
      expect(sb.datapathByName('ovn-default')).toBeDefined();
    } finally {
      await sbClient.close();
    }
    expect((await reconcile(nb, { ...DESIRED, subnets: withDefaultSubnets(), pods })).transactions).toBe(0);
  });
});
