/**
 * The views are checked two ways: the seed's figures cell by cell, and the layout against Go's own
 * text/tabwriter configured as kubectl configures it (minwidth 6, tabwidth 4, padding 3, ' '), run
 * with the real Go toolchain as the oracle.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSubnets, defineSubnet, planIpam, type IpRecord } from '../../../src/kube/subnet-model.js';
import {
  IP_COLUMNS,
  SUBNET_COLUMNS,
  ipRow,
  renderIpTable,
  renderSubnetTable,
  renderTable,
  subnetRow,
} from '../../../src/kube/views.js';

const GO_PROGRAM = `package main

import (
	"bufio"
	"fmt"
	"os"
	"text/tabwriter"
)

func main() {
	w := tabwriter.NewWriter(os.Stdout, 6, 4, 3, ' ', 0)
	s := bufio.NewScanner(os.Stdin)
	s.Buffer(make([]byte, 1<<20), 1<<20)
	for s.Scan() {
		fmt.Fprintln(w, s.Text())
	}
	w.Flush()
}
`;

let dir: string;
let binary: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), `kube-views-${process.pid}-`));
  writeFileSync(join(dir, 'main.go'), GO_PROGRAM);
  binary = join(dir, 'tw');
  execFileSync('go', ['build', '-o', binary, 'main.go'], {
    cwd: dir,
    env: { ...process.env, GOCACHE: join(dir, 'cache'), GOPATH: join(dir, 'gopath'), GO111MODULE: 'off' },
    stdio: 'pipe',
  });
}, 60_000);

afterAll(() => {
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
});

function tabwriter(rows: readonly (readonly string[])[]): string {
  return execFileSync(binary, [], { input: rows.map((r) => r.join('\t')).join('\n') + '\n' }).toString();
}

const subnet1 = defineSubnet({
  name: 'subnet1',
  cidrBlock: '10.66.0.0/16',
  gateway: '10.66.0.1',
  excludeIps: ['10.66.0.1..10.66.0.10'],
  natOutgoing: true,
  namespaces: ['ns1'],
});

describe('subnet table', () => {
  it('shows the seed figures: join 2/65531, ovn-default 6/65527, fresh subnet1 0/65524', () => {
    const pods = Array.from({ length: 6 }, (_, i) => ({ name: `pod${i}`, namespace: 'default', node: 'node1' }));
    const plan = planIpam({ subnets: [...defaultSubnets(), subnet1], pods, nodes: ['node1', 'node2'], macSeed: 3 });
    const rows = plan.subnets.map((s) => subnetRow(s, plan.usage.get(s.name)));
    expect(rows).toEqual([
      [
        'join',
        'ovn',
        'ovn-cluster',
        'IPv4',
        '100.64.0.0/16',
        'false',
        'false',
        'false',
        'distributed',
        '2',
        '65531',
        '0',
        '0',
        '["100.64.0.1"]',
        '',
      ],
      [
        'ovn-default',
        'ovn',
        'ovn-cluster',
        'IPv4',
        '10.16.0.0/16',
        'false',
        'true',
        'true',
        'distributed',
        '6',
        '65527',
        '0',
        '0',
        '["10.16.0.1"]',
        '',
      ],
      [
        'subnet1',
        'ovn',
        'ovn-cluster',
        'IPv4',
        '10.66.0.0/16',
        'false',
        'true',
        'false',
        'distributed',
        '0',
        '65524',
        '0',
        '0',
        '["10.66.0.1..10.66.0.10"]',
        '',
      ],
    ]);
    const text = renderSubnetTable(plan.subnets, plan.usage);
    expect(text).toBe(tabwriter([SUBNET_COLUMNS, ...rows]));
    const lines = text.split('\n');
    expect(lines[0]).toMatch(
      /^NAME +PROVIDER +VPC +PROTOCOL +CIDR +PRIVATE +NAT +DEFAULT +GATEWAYTYPE +V4USED +V4AVAILABLE +V6USED +V6AVAILABLE +EXCLUDEIPS +U2OINTERCONNECTIONIP$/,
    );
    expect(lines[1]).toMatch(/^join .* 2 +65531 +0 +0 +\["100\.64\.0\.1"\]/);
    expect(lines[2]).toMatch(/^ovn-default .* 6 +65527 +0 +0 +\["10\.16\.0\.1"\]/);
  });

  it('prints dual-stack counts exactly and the U2O address', () => {
    // The column is Kube-OVN's status.u2oInterconnectionIP: the address an underlay subnet with u2o holds.
    const s = defineSubnet({
      name: 'd',
      cidrBlock: '10.20.0.0/24,fd00:20::/120',
      vlan: 'vlan1',
      u2oInterconnection: true,
      u2oInterconnectionIP: '10.20.0.200',
    });
    const plan = planIpam({ subnets: [s], pods: [{ name: 'p', namespace: 'x', node: 'n', subnet: 'd' }], macSeed: 1 });
    const row = subnetRow(plan.subnets[0]!, plan.usage.get('d'));
    // The u2o address is counted (its IP CR is one of the subnet's), one per family as for a pod.
    expect(plan.u2o.map((r) => r.ip)).toEqual(['10.20.0.200,fd00:20::2']);
    expect(row.slice(9)).toEqual(['2', '251', '2', '251', '["10.20.0.1","fd00:20::1"]', '10.20.0.200,fd00:20::2']);
    expect(renderSubnetTable(plan.subnets, plan.usage)).toBe(tabwriter([SUBNET_COLUMNS, row]));
  });
});

describe('IP table', () => {
  it('prints the seed example row', () => {
    const rec: IpRecord = {
      name: 'ovn-default-node1-pod1.default',
      ip: '10.16.0.8',
      mac: '00:00:00:AA:0D:31',
      node: 'node1',
      subnet: 'ovn-default',
    };
    // Kube-OVN v1.12 dist/images/install.sh, ips.kubeovn.io additionalPrinterColumns: V4IP V6IP Mac Node Subnet.
    expect(IP_COLUMNS).toEqual(['NAME', 'V4IP', 'V6IP', 'MAC', 'NODE', 'SUBNET']);
    expect(ipRow(rec)).toEqual([
      'ovn-default-node1-pod1.default',
      '10.16.0.8',
      '',
      '00:00:00:AA:0D:31',
      'node1',
      'ovn-default',
    ]);
    const text = renderIpTable([rec]);
    expect(text).toBe(tabwriter([IP_COLUMNS, ipRow(rec)]));
    expect(text.split('\n')[1]).toBe(
      'ovn-default-node1-pod1.default   10.16.0.8          00:00:00:AA:0D:31   node1   ovn-default',
    );
    expect(ipRow({ ...rec, ip: '10.16.0.8,fd00:10:16::8' }).slice(1, 3)).toEqual(['10.16.0.8', 'fd00:10:16::8']);
    expect(ipRow({ ...rec, ip: 'fd00:10:16::8' }).slice(1, 3)).toEqual(['', 'fd00:10:16::8']);
  });

  it('lays out a planned scenario like kubectl', () => {
    const plan = planIpam({
      subnets: [...defaultSubnets(), subnet1],
      nodes: ['node1', 'node2'],
      pods: [
        { name: 'ovn-default-node1-pod1', namespace: 'default', node: 'node1' },
        { name: 'ovn-default-node2-pod3', namespace: 'default', node: 'node2' },
        { name: 'subnet1-node1-pod1', namespace: 'ns1', node: 'node1' },
      ],
      macSeed: 5,
    });
    expect(renderIpTable(plan.records)).toBe(tabwriter([IP_COLUMNS, ...plan.records.map(ipRow)]));
  });
});

describe('renderTable', () => {
  it('matches tabwriter on short, empty and wide cells', () => {
    const rows = [
      ['A', '', 'xyz'],
      ['', 'b', ''],
      ['a-very-long-cell-value', 'c', 'd'],
    ];
    expect(renderTable(['H1', 'H2', 'H3'], rows)).toBe(tabwriter([['H1', 'H2', 'H3'], ...rows]));
  });
});
