/**
 * The builders against ovn-nbctl: the same configuration is made on two fresh NB servers, one with
 * ovn-nbctl commands and one with the builders in one transaction; `ovn-nbctl show` and `list` of every
 * table touched must be the same once UUIDs are normalized. Then: re-running the builders on a fresh
 * snapshot yields no operations, and deletes match ovn-nbctl's deletes.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { OvsdbClient } from '../../../src/ovsdb/index.js';
import { startOvsdb, startOvsdbServer, type EmbeddedOvsdb, type OvsdbServer } from '../../../src/testing/index.js';
import { list as listTables, nbctl, show } from './normalize.js';
import {
  NB_DATABASE,
  NbTxn,
  aclAdd,
  aclDel,
  addressSetAdd,
  dhcpOptionsAdd,
  lbAdd,
  lrAdd,
  lrLbAdd,
  lrNatAdd,
  lrNatDel,
  lrPolicyAdd,
  lrRouteAdd,
  lrRouteDel,
  lrpAdd,
  lsAdd,
  lsLbAdd,
  lspAdd,
  lspDel,
  lspSetDhcpv4Options,
  portGroupAdd,
  readNbSnapshot,
  NB_BUILDER_TABLES,
} from '../../../src/ovn-nb/index.js';

/** The tables compared: every table the builders write. */
const TABLES: readonly string[] = NB_BUILDER_TABLES;

let a: OvsdbServer; // ovn-nbctl
let b: OvsdbServer | EmbeddedOvsdb; // builders (on the embedded server too: see test/projects.ts)
let client: OvsdbClient;

beforeAll(async () => {
  a = await startOvsdbServer({ schema: 'nb' });
  b = await startOvsdb({ schema: 'nb' });
  client = await OvsdbClient.connect(b.unix);
});
afterAll(async () => {
  await client?.close();
  await a?.stop();
  await b?.stop();
});

describe('builders produce what ovn-nbctl produces', () => {
  test('switches, ports of every type, routers, gateway chassis, routes, policies, NAT, ACLs, sets, groups, LBs, DHCP', async () => {
    // ovn-nbctl, command by command.
    const cmds: string[][] = [
      ['ls-add', 'sw0'],
      [
        'set',
        'Logical_Switch',
        'sw0',
        'other_config:subnet=10.0.0.0/24',
        'other_config:exclude_ips=10.0.0.1..10.0.0.5',
        'external_ids:owner=test',
      ],
      ['lsp-add', 'sw0', 'p1'],
      ['lsp-set-addresses', 'p1', '00:00:00:00:00:01 10.0.0.11'],
      ['lsp-set-port-security', 'p1', '00:00:00:00:00:01 10.0.0.11'],
      ['lsp-add', 'sw0', 'p1c', 'p1', '10'],
      ['lsp-add', 'sw0', 'p2'],
      ['lsp-set-addresses', 'p2', 'dynamic'],
      ['lsp-add', 'sw0', 'ln'],
      ['lsp-set-type', 'ln', 'localnet'],
      ['lsp-set-options', 'ln', 'network_name=physnet'],
      ['lsp-set-addresses', 'ln', 'unknown'],
      ['lsp-add', 'sw0', 'lp'],
      ['lsp-set-type', 'lp', 'localport'],
      ['lsp-add', 'sw0', 'vip'],
      ['lsp-set-type', 'vip', 'virtual'],
      ['lsp-set-options', 'vip', 'virtual-ip=10.0.0.100', 'virtual-parents=p1'],
      ['lr-add', 'lr0'],
      ['lrp-add', 'lr0', 'lr0-sw0', '00:00:00:00:ff:01', '10.0.0.1/24'],
      ['lsp-add', 'sw0', 'sw0-lr0'],
      ['lsp-set-type', 'sw0-lr0', 'router'],
      ['lsp-set-addresses', 'sw0-lr0', 'router'],
      ['lsp-set-options', 'sw0-lr0', 'router-port=lr0-sw0'],
      ['lrp-add', 'lr0', 'lr0-ext', '00:00:00:00:ff:02', '172.16.0.1/24', 'fd00::1/64'],
      ['lrp-set-gateway-chassis', 'lr0-ext', 'chassis-1', '20'],
      ['lrp-set-gateway-chassis', 'lr0-ext', 'chassis-2', '10'],
      ['lr-route-add', 'lr0', '0.0.0.0/0', '172.16.0.254'],
      ['--policy=src-ip', 'lr-route-add', 'lr0', '10.0.0.0/24', '172.16.0.253'],
      ['lr-route-add', 'lr0', '192.168.0.0/16', '172.16.0.252', 'lr0-ext'],
      ['lr-policy-add', 'lr0', '100', 'ip4.src == 10.0.0.0/24', 'allow'],
      ['lr-policy-add', 'lr0', '200', 'ip4.dst == 8.8.8.8', 'reroute', '172.16.0.200'],
      ['lr-nat-add', 'lr0', 'snat', '172.16.0.10', '10.0.0.0/24'],
      ['lr-nat-add', 'lr0', 'dnat', '172.16.0.11', '10.0.0.11'],
      ['lr-nat-add', 'lr0', 'dnat_and_snat', '172.16.0.12', '10.0.0.12', 'p1', '00:00:00:00:ee:01'],
      ['pg-add', 'pg1', 'p1', 'p2'],
      ['acl-add', 'sw0', 'to-lport', '1000', 'ip4.src == 10.0.0.0/24', 'allow-related'],
      ['acl-add', 'pg1', 'from-lport', '1001', 'inport == @pg1 && ip4', 'drop'],
      ['create', 'Address_Set', 'name=as1', 'addresses="10.0.0.11","10.0.0.12"'],
      ['lb-add', 'lb0', '10.96.0.1:80', '10.0.0.11:8080,10.0.0.12:8080', 'tcp'],
      ['lb-add', 'lb1', '10.96.0.2', '10.0.0.11'],
      ['ls-lb-add', 'sw0', 'lb0'],
      ['lr-lb-add', 'lr0', 'lb0'],
      ['lr-lb-add', 'lr0', 'lb1'],
    ];
    for (const c of cmds) await nbctl(a, ...c);
    const dhcp =
      (await nbctl(a, 'dhcp-options-create', '10.0.0.0/24', 'subnet=sw0')).trim() ||
      (await nbctl(a, '--bare', '--columns=_uuid', 'find', 'DHCP_Options', 'cidr="10.0.0.0/24"')).trim();
    await nbctl(
      a,
      'dhcp-options-set-options',
      dhcp,
      'lease_time=3600',
      'router=10.0.0.1',
      'server_id=10.0.0.1',
      'server_mac=00:00:00:00:ff:01',
    );
    await nbctl(a, 'lsp-set-dhcpv4-options', 'p1', dhcp);

    // The builders, all in one transaction.
    const tx = new NbTxn(await readNbSnapshot(client));
    lsAdd(tx, {
      name: 'sw0',
      otherConfig: { subnet: '10.0.0.0/24', exclude_ips: '10.0.0.1..10.0.0.5' },
      externalIds: { owner: 'test' },
    });
    lspAdd(tx, {
      switch: 'sw0',
      name: 'p1',
      addresses: ['00:00:00:00:00:01 10.0.0.11'],
      portSecurity: ['00:00:00:00:00:01 10.0.0.11'],
    });
    lspAdd(tx, { switch: 'sw0', name: 'p1c', parent: { name: 'p1', tag: 10 } });
    lspAdd(tx, { switch: 'sw0', name: 'p2', addresses: ['dynamic'] });
    lspAdd(tx, {
      switch: 'sw0',
      name: 'ln',
      type: 'localnet',
      options: { network_name: 'physnet' },
      addresses: ['unknown'],
    });
    lspAdd(tx, { switch: 'sw0', name: 'lp', type: 'localport' });
    lspAdd(tx, {
      switch: 'sw0',
      name: 'vip',
      type: 'virtual',
      options: { 'virtual-ip': '10.0.0.100', 'virtual-parents': 'p1' },
    });
    lrAdd(tx, { name: 'lr0' });
    lrpAdd(tx, { router: 'lr0', name: 'lr0-sw0', mac: '00:00:00:00:ff:01', networks: ['10.0.0.1/24'] });
    lspAdd(tx, {
      switch: 'sw0',
      name: 'sw0-lr0',
      type: 'router',
      addresses: ['router'],
      options: { 'router-port': 'lr0-sw0' },
    });
    lrpAdd(tx, {
      router: 'lr0',
      name: 'lr0-ext',
      mac: '00:00:00:00:ff:02',
      networks: ['172.16.0.1/24', 'fd00::1/64'],
      gatewayChassis: [
        { chassis: 'chassis-1', priority: 20 },
        { chassis: 'chassis-2', priority: 10 },
      ],
    });
    lrRouteAdd(tx, { router: 'lr0', prefix: '0.0.0.0/0', nexthop: '172.16.0.254' });
    lrRouteAdd(tx, { router: 'lr0', prefix: '10.0.0.0/24', nexthop: '172.16.0.253', policy: 'src-ip' });
    lrRouteAdd(tx, { router: 'lr0', prefix: '192.168.0.0/16', nexthop: '172.16.0.252', outputPort: 'lr0-ext' });
    lrPolicyAdd(tx, { router: 'lr0', priority: 100, match: 'ip4.src == 10.0.0.0/24', action: 'allow' });
    lrPolicyAdd(tx, {
      router: 'lr0',
      priority: 200,
      match: 'ip4.dst == 8.8.8.8',
      action: 'reroute',
      nexthops: ['172.16.0.200'],
    });
    lrNatAdd(tx, { router: 'lr0', type: 'snat', externalIp: '172.16.0.10', logicalIp: '10.0.0.0/24' });
    lrNatAdd(tx, { router: 'lr0', type: 'dnat', externalIp: '172.16.0.11', logicalIp: '10.0.0.11' });
    lrNatAdd(tx, {
      router: 'lr0',
      type: 'dnat_and_snat',
      externalIp: '172.16.0.12',
      logicalIp: '10.0.0.12',
      logicalPort: 'p1',
      externalMac: '00:00:00:00:ee:01',
    });
    portGroupAdd(tx, { name: 'pg1', ports: ['p1', 'p2'] });
    aclAdd(tx, {
      on: { switch: 'sw0' },
      direction: 'to-lport',
      priority: 1000,
      match: 'ip4.src == 10.0.0.0/24',
      action: 'allow-related',
    });
    aclAdd(tx, {
      on: { portGroup: 'pg1' },
      direction: 'from-lport',
      priority: 1001,
      match: 'inport == @pg1 && ip4',
      action: 'drop',
    });
    addressSetAdd(tx, { name: 'as1', addresses: ['10.0.0.11', '10.0.0.12'] });
    lbAdd(tx, { name: 'lb0', vips: { '10.96.0.1:80': '10.0.0.11:8080,10.0.0.12:8080' }, protocol: 'tcp' });
    lbAdd(tx, { name: 'lb1', vips: { '10.96.0.2': '10.0.0.11' } });
    lsLbAdd(tx, 'sw0', 'lb0');
    lrLbAdd(tx, 'lr0', 'lb0');
    lrLbAdd(tx, 'lr0', 'lb1');
    const d = dhcpOptionsAdd(tx, {
      cidr: '10.0.0.0/24',
      options: { lease_time: '3600', router: '10.0.0.1', server_id: '10.0.0.1', server_mac: '00:00:00:00:ff:01' },
      externalIds: { subnet: 'sw0' },
    });
    lspSetDhcpv4Options(tx, 'p1', d.ref);
    await client.transact(NB_DATABASE, tx.operations());

    expect(await show(b)).toBe(await show(a));
    const [la, lb] = [await listTables(a, TABLES), await listTables(b, TABLES)];
    for (const t of TABLES) expect(lb[t], t).toEqual(la[t]);
    expect(la.ACL).toHaveLength(2);
    expect(la.NAT).toHaveLength(3);
    expect(la.Logical_Switch_Port).toHaveLength(7);
  });

  test('re-running the builders on a fresh snapshot emits nothing; ovn-nbctl --may-exist changes nothing either', async () => {
    const tx = new NbTxn(await readNbSnapshot(client));
    lsAdd(tx, {
      name: 'sw0',
      otherConfig: { subnet: '10.0.0.0/24', exclude_ips: '10.0.0.1..10.0.0.5' },
      externalIds: { owner: 'test' },
    });
    lspAdd(tx, {
      switch: 'sw0',
      name: 'p1',
      addresses: ['00:00:00:00:00:01 10.0.0.11'],
      portSecurity: ['00:00:00:00:00:01 10.0.0.11'],
    });
    lspAdd(tx, { switch: 'sw0', name: 'p1c', parent: { name: 'p1', tag: 10 } });
    lrAdd(tx, { name: 'lr0' });
    lrpAdd(tx, {
      router: 'lr0',
      name: 'lr0-ext',
      mac: '00:00:00:00:ff:02',
      networks: ['172.16.0.1/24', 'fd00::1/64'],
      gatewayChassis: [{ chassis: 'chassis-1', priority: 20 }],
    });
    lrRouteAdd(tx, { router: 'lr0', prefix: '0.0.0.0/0', nexthop: '172.16.0.254' });
    lrPolicyAdd(tx, {
      router: 'lr0',
      priority: 200,
      match: 'ip4.dst == 8.8.8.8',
      action: 'reroute',
      nexthops: ['172.16.0.200'],
    });
    lrNatAdd(tx, {
      router: 'lr0',
      type: 'dnat_and_snat',
      externalIp: '172.16.0.12',
      logicalIp: '10.0.0.12',
      logicalPort: 'p1',
      externalMac: '00:00:00:00:ee:01',
    });
    portGroupAdd(tx, { name: 'pg1', ports: ['p2', 'p1'] });
    aclAdd(tx, {
      on: { portGroup: 'pg1' },
      direction: 'from-lport',
      priority: 1001,
      match: 'inport == @pg1 && ip4',
      action: 'drop',
    });
    addressSetAdd(tx, { name: 'as1', addresses: ['10.0.0.12', '10.0.0.11'] });
    lbAdd(tx, { name: 'lb0', vips: { '10.96.0.1:80': '10.0.0.11:8080,10.0.0.12:8080' }, protocol: 'tcp' });
    lsLbAdd(tx, 'sw0', 'lb0');
    const d = dhcpOptionsAdd(tx, {
      cidr: '10.0.0.0/24',
      options: { lease_time: '3600', router: '10.0.0.1', server_id: '10.0.0.1', server_mac: '00:00:00:00:ff:01' },
      externalIds: { subnet: 'sw0' },
    });
    lspSetDhcpv4Options(tx, 'p1', d.ref);
    expect(tx.operations()).toEqual([]);

    const before = await listTables(a, TABLES);
    await nbctl(a, '--may-exist', 'ls-add', 'sw0');
    await nbctl(a, '--may-exist', 'lsp-add', 'sw0', 'p1');
    await nbctl(a, '--may-exist', 'lr-route-add', 'lr0', '0.0.0.0/0', '172.16.0.254');
    await nbctl(a, '--may-exist', 'acl-add', 'pg1', 'from-lport', '1001', 'inport == @pg1 && ip4', 'drop');
    expect(await listTables(a, TABLES)).toEqual(before);
  });

  test('changes and deletes match ovn-nbctl', async () => {
    for (const c of [
      ['lsp-set-addresses', 'p1', '00:00:00:00:00:01 10.0.0.21'],
      ['lsp-del', 'p2'],
      ['lr-route-del', 'lr0', '0.0.0.0/0', '172.16.0.254'],
      ['lr-nat-del', 'lr0', 'dnat', '172.16.0.11'],
      ['acl-del', 'sw0', 'to-lport', '1000', 'ip4.src == 10.0.0.0/24'],
    ]) {
      await nbctl(a, ...c);
    }
    const tx = new NbTxn(await readNbSnapshot(client));
    lspAdd(tx, { switch: 'sw0', name: 'p1', addresses: ['00:00:00:00:00:01 10.0.0.21'] });
    lspDel(tx, 'p2');
    lrRouteDel(tx, { router: 'lr0', prefix: '0.0.0.0/0', nexthop: '172.16.0.254' });
    lrNatDel(tx, { router: 'lr0', type: 'dnat', externalIp: '172.16.0.11', logicalIp: '10.0.0.11' });
    aclDel(tx, { switch: 'sw0' }, 'to-lport', 1000, 'ip4.src == 10.0.0.0/24');
    await client.transact(NB_DATABASE, tx.operations());
    expect(await show(b)).toBe(await show(a));
    const [la, lb] = [await listTables(a, TABLES), await listTables(b, TABLES)];
    for (const t of TABLES) expect(lb[t], t).toEqual(la[t]);
  });
});

describe('wait guards against a concurrent writer', () => {
  test('two writers planning the same switch, router, LB and ACL from one snapshot: one wins, the other fails cleanly, no duplicates', async () => {
    const snap = await readNbSnapshot(client);
    const plan = (): NbTxn => {
      const tx = new NbTxn(snap);
      lsAdd(tx, { name: 'race-sw' });
      lrAdd(tx, { name: 'race-lr' });
      lbAdd(tx, { name: 'race-lb', vips: { '10.96.9.9': '10.0.0.9' } });
      aclAdd(tx, {
        on: { switch: 'sw0' },
        direction: 'from-lport',
        priority: 7,
        match: 'ip4.dst == 10.9.9.9',
        action: 'drop',
      });
      return tx;
    };
    const [t1, t2] = [plan(), plan()];
    expect(t1.operations()).toEqual(t2.operations());
    await client.transact(NB_DATABASE, t1.operations());
    await expect(client.transact(NB_DATABASE, t2.operations())).rejects.toMatchObject({
      code: 'OVSDB_TIMED_OUT',
      opIndex: 0,
    });
    for (const [table, name] of [
      ['Logical_Switch', 'race-sw'],
      ['Logical_Router', 'race-lr'],
      ['Load_Balancer', 'race-lb'],
    ]) {
      expect(
        (await nbctl(b, '--bare', '--columns=_uuid', 'find', table!, `name=${name}`))
          .trim()
          .split('\n')
          .filter(Boolean),
        table,
      ).toHaveLength(1);
    }
    expect(
      (await nbctl(b, '--bare', '--columns=_uuid', 'find', 'ACL', 'priority=7')).trim().split('\n').filter(Boolean),
    ).toHaveLength(1);
    // The loser re-reads and re-plans: nothing left to do.
    const again = plan.call(null);
    const fresh = new NbTxn(await readNbSnapshot(client));
    lsAdd(fresh, { name: 'race-sw' });
    lrAdd(fresh, { name: 'race-lr' });
    lbAdd(fresh, { name: 'race-lb', vips: { '10.96.9.9': '10.0.0.9' } });
    aclAdd(fresh, {
      on: { switch: 'sw0' },
      direction: 'from-lport',
      priority: 7,
      match: 'ip4.dst == 10.9.9.9',
      action: 'drop',
    });
    expect(again.operations().length).toBeGreaterThan(0);
    expect(fresh.operations()).toEqual([]);
  });
});
