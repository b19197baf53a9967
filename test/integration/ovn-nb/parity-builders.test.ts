/**
 * The gap-closing builders and list helpers on an NbReplica against the real ovsdb-server, checked
 * with ovn-nbctl's own view: lsp-set-*, port-group ports, HA chassis groups, meters, QoS, switch DNS,
 * and the *-list readers.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { OvsdbClient } from '../../../src/ovsdb/index.js';
import { startOvnCentral, type OvnCentral } from '../../../src/testing/index.js';
import {
  NbReplica,
  aclAdd,
  aclList,
  haChassisGroupAdd,
  haChassisGroupAddChassis,
  haChassisGroupDelChassis,
  haChassisGroupGet,
  lbAdd,
  lbList,
  lrAdd,
  lrNatAdd,
  lrNatList,
  lrRouteAdd,
  lrRouteDelWhere,
  lrNatDelWhere,
  lrPolicyDelWhere,
  lrRouteList,
  lsAdd,
  lsDnsList,
  lsDnsSet,
  lsLbAdd,
  lspAdd,
  lspList,
  lspSet,
  meterAdd,
  meterDel,
  meterList,
  pgAddPorts,
  pgDelPorts,
  pgGet,
  portGroupAdd,
  qosAdd,
  qosDel,
  qosList,
} from '../../../src/ovn-nb/index.js';

let central: OvnCentral;
let client: OvsdbClient;
let nb: NbReplica;
beforeAll(async () => {
  central = await startOvnCentral();
  client = await OvsdbClient.connect(central.nb.unix);
  nb = await NbReplica.start(client);
  await nb.transact((tx) => {
    lsAdd(tx, { name: 'sw0' });
    for (const p of ['a', 'b', 'c']) lspAdd(tx, { switch: 'sw0', name: p });
    lrAdd(tx, { name: 'lr0' });
  });
});
afterAll(async () => {
  await nb?.close();
  await client?.close();
  await central?.stop();
});

const get = async (...a: string[]): Promise<string> => (await central.nbctl('get', ...a)).trim();

test('lspSet: the lsp-set-* family on an existing port, without naming the switch; unknown port is typed', async () => {
  await nb.transact((tx) =>
    lspSet(tx, 'a', {
      addresses: ['0a:00:00:00:00:0a 10.0.0.10'],
      portSecurity: ['0a:00:00:00:00:0a 10.0.0.10'],
      enabled: false,
      options: { requested_chassis: 'hv1' },
    }),
  );
  expect(await get('Logical_Switch_Port', 'a', 'addresses')).toBe('["0a:00:00:00:00:0a 10.0.0.10"]');
  expect(await get('Logical_Switch_Port', 'a', 'enabled')).toBe('false');
  expect(await get('Logical_Switch_Port', 'a', 'options')).toBe('{requested_chassis=hv1}');
  const again = await nb.transact((tx) => lspSet(tx, 'a', { enabled: false }));
  expect(again.operations).toEqual([]);
  await expect(nb.transact((tx) => lspSet(tx, 'ghost', { enabled: true }))).rejects.toMatchObject({
    code: 'NB_ROW_NOT_FOUND',
  });
  expect(
    lspList(nb.source, 'sw0')
      .map((p) => p.name)
      .sort(),
  ).toEqual(['a', 'b', 'c']);
});

test('port group ports: add and remove incrementally', async () => {
  await nb.transact((tx) => portGroupAdd(tx, { name: 'pg1', ports: ['a'] }));
  await nb.transact((tx) => pgAddPorts(tx, 'pg1', ['b', 'c']));
  expect(
    (await central.nbctl('--bare', '--columns=ports', 'list', 'Port_Group', 'pg1')).trim().split(/\s+/),
  ).toHaveLength(3);
  await nb.transact((tx) => pgDelPorts(tx, 'pg1', ['a']));
  expect(pgGet(nb.source, 'pg1')!.ports).toHaveLength(2);
  await expect(nb.transact((tx) => pgDelPorts(tx, 'pg1', ['a'], { ifExists: false }))).rejects.toMatchObject({
    code: 'NB_ROW_NOT_FOUND',
  });
});

test('HA chassis group with chassis priorities, as ovn-nbctl lists it', async () => {
  await nb.transact((tx) => {
    haChassisGroupAdd(tx, 'hagrp');
    haChassisGroupAddChassis(tx, 'hagrp', 'ch1', 20);
    haChassisGroupAddChassis(tx, 'hagrp', 'ch2', 10);
  });
  await nb.transact((tx) => haChassisGroupAddChassis(tx, 'hagrp', 'ch2', 30));
  expect(haChassisGroupGet(nb.source, 'hagrp')!.chassis.map((c) => `${c.chassis_name}:${c.priority}`)).toEqual([
    'ch2:30',
    'ch1:20',
  ]);
  // ovn-nbctl ha-chassis-group-list prints each chassis with its priority on the line after its UUID.
  const out = (await central.nbctl('ha-chassis-group-list')).replace(/\s+/g, ' ');
  expect(out).toMatch(/\(ch2\).*priority 30|ch2.{0,60}30/);
  expect(out).toMatch(/\(ch1\).*priority 20|ch1.{0,60}20/);
  await nb.transact((tx) => haChassisGroupDelChassis(tx, 'hagrp', 'ch1'));
  expect(await central.nbctl('ha-chassis-group-list')).not.toMatch(/ch1/);
});

test('meters, QoS and DNS, checked with ovn-nbctl meter-list / qos-list', async () => {
  await nb.transact((tx) => meterAdd(tx, { name: 'm1', unit: 'pktps', rate: 100, burstSize: 10 }));
  expect(await central.nbctl('meter-list')).toMatch(/m1: bands:\s+drop: 100 pktps, 10 packet burst/);
  await expect(
    nb.transact((tx) => meterAdd(tx, { name: 'm1', unit: 'kbps', rate: 1 }, { mayExist: false })),
  ).rejects.toMatchObject({ code: 'NB_ROW_EXISTS' });
  expect(meterList(nb.source).map((m) => m.name)).toEqual(['m1']);
  await nb.transact((tx) => meterDel(tx, 'm1'));
  expect((await central.nbctl('meter-list')).trim()).toBe('');

  await nb.transact((tx) =>
    qosAdd(tx, {
      switch: 'sw0',
      direction: 'from-lport',
      priority: 100,
      match: 'inport == "a"',
      rate: 1000,
      burst: 100,
    }),
  );
  expect(await central.nbctl('qos-list', 'sw0')).toMatch(/from-lport\s+100 \(inport == "a"\) rate=1000 burst=100/);
  expect(qosList(nb.source, 'sw0')).toHaveLength(1);
  await nb.transact((tx) => qosDel(tx, 'sw0', { direction: 'from-lport' }));
  expect((await central.nbctl('qos-list', 'sw0')).trim()).toBe('');
  await expect(
    nb.transact((tx) => qosAdd(tx, { switch: 'sw0', direction: 'to-lport', priority: 1, match: 'ip' })),
  ).rejects.toMatchObject({ code: 'NB_INVALID_ARGUMENT' });

  await nb.transact((tx) => lsDnsSet(tx, 'sw0', { 'vm1.ovn.test': '10.0.0.10' }));
  await nb.transact((tx) => lsDnsSet(tx, 'sw0', { 'vm1.ovn.test': '10.0.0.11', 'vm2.ovn.test': '10.0.0.12' }));
  expect(lsDnsList(nb.source, 'sw0')).toHaveLength(1);
  expect(await central.nbctl('--bare', '--columns=records', 'list', 'DNS')).toMatch(/vm2\.ovn\.test/);
});

test('list helpers: routes, NAT, ACLs, load balancers; route delete by prefix', async () => {
  await nb.transact((tx) => {
    lrRouteAdd(tx, { router: 'lr0', prefix: '10.1.0.0/16', nexthop: '192.168.0.1' });
    lrRouteAdd(tx, { router: 'lr0', prefix: '10.2.0.0/16', nexthop: '192.168.0.1' });
    lrNatAdd(tx, { router: 'lr0', type: 'snat', externalIp: '172.16.0.1', logicalIp: '10.0.0.0/24' });
    aclAdd(tx, { on: { switch: 'sw0' }, direction: 'to-lport', priority: 1001, match: 'ip4', action: 'allow' });
    lbAdd(tx, { name: 'lb0', vips: { '10.96.0.1:80': '10.0.0.10:8080' } });
    lsLbAdd(tx, 'sw0', 'lb0');
  });
  expect(
    lrRouteList(nb.source, 'lr0')
      .map((r) => r.ip_prefix)
      .sort(),
  ).toEqual(['10.1.0.0/16', '10.2.0.0/16']);
  expect(lrNatList(nb.source, 'lr0').map((n) => `${n.type} ${n.external_ip} ${n.logical_ip}`)).toEqual([
    'snat 172.16.0.1 10.0.0.0/24',
  ]);
  expect(aclList(nb.source, { switch: 'sw0' }).map((a) => a.match)).toEqual(['ip4']);
  expect(lbList(nb.source, { switch: 'sw0' }).map((l) => l.name)).toEqual(['lb0']);
  await nb.transact((tx) => lrRouteDelWhere(tx, 'lr0', { prefix: '10.1.0.0/16' }));
  expect(await central.nbctl('lr-route-list', 'lr0')).not.toMatch(/10\.1\.0\.0/);
  expect(await central.nbctl('lr-route-list', 'lr0')).toMatch(/10\.2\.0\.0/);
  await nb.transact((tx) => {
    lrNatDelWhere(tx, 'lr0', { type: 'snat', ip: '10.0.0.0/24' });
    lrPolicyDelWhere(tx, 'lr0');
  });
  expect(lrNatList(nb.source, 'lr0')).toEqual([]);
});
