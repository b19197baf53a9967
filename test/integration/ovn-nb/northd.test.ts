/**
 * Builders with ovn-northd in the loop: dynamic addresses are assigned by northd from the switch's
 * other_config (subnet, exclude_ips), ports of every type get their SB bindings, and re-running the
 * builders does not fight with what northd writes back (dynamic_addresses).
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { OvsdbClient } from '../../../src/ovsdb/index.js';
import { startOvnCentral, type OvnCentral } from '../../../src/testing/index.js';
import {
  NB_DATABASE,
  NbTxn,
  lrAdd,
  lrpAdd,
  lsAdd,
  lspAdd,
  readNbSnapshot,
  switchOtherConfig,
} from '../../../src/ovn-nb/index.js';
import { readSbView } from '../../../src/ovn-sb/index.js';

let central: OvnCentral;
let nb: OvsdbClient;
beforeAll(async () => {
  central = await startOvnCentral();
  nb = await OvsdbClient.connect(central.nb.unix);
});
afterAll(async () => {
  await nb?.close();
  await central?.stop();
});

function build(tx: NbTxn): void {
  lsAdd(tx, {
    name: 'sw0',
    otherConfig: switchOtherConfig({ subnet: '10.0.0.0/24', excludeIps: ['10.0.0.1..10.0.0.9'] }),
  });
  lspAdd(tx, { switch: 'sw0', name: 'dyn1', addresses: ['dynamic'] });
  lspAdd(tx, { switch: 'sw0', name: 'dyn2', addresses: ['0a:00:00:00:00:02 dynamic'] });
  lspAdd(tx, {
    switch: 'sw0',
    name: 'vm1',
    addresses: ['0a:00:00:00:00:03 10.0.0.50'],
    portSecurity: ['0a:00:00:00:00:03 10.0.0.50'],
  });
  lspAdd(tx, {
    switch: 'sw0',
    name: 'ctr1',
    parent: { name: 'vm1', tag: 100 },
    addresses: ['0a:00:00:00:00:04 10.0.0.51'],
  });
  lspAdd(tx, {
    switch: 'sw0',
    name: 'ln',
    type: 'localnet',
    addresses: ['unknown'],
    options: { network_name: 'physnet1' },
  });
  lspAdd(tx, { switch: 'sw0', name: 'lp', type: 'localport', addresses: ['0a:00:00:00:00:05 10.0.0.52'] });
  lspAdd(tx, {
    switch: 'sw0',
    name: 'vip',
    type: 'virtual',
    options: { 'virtual-ip': '10.0.0.100', 'virtual-parents': 'vm1' },
  });
  lrAdd(tx, { name: 'lr0' });
  lrpAdd(tx, { router: 'lr0', name: 'lr0-sw0', mac: '0a:00:00:00:ff:01', networks: ['10.0.0.1/24'] });
  lspAdd(tx, {
    switch: 'sw0',
    name: 'sw0-lr0',
    type: 'router',
    addresses: ['router'],
    options: { 'router-port': 'lr0-sw0' },
  });
}

test('northd assigns dynamic addresses from other_config, binds every port, and a re-run changes nothing', async () => {
  const tx = new NbTxn(await readNbSnapshot(nb));
  build(tx);
  await nb.transact(NB_DATABASE, tx.operations());
  await central.nbctl('--wait=sb', 'sync');

  const dyn1 = (await central.nbctl('get', 'Logical_Switch_Port', 'dyn1', 'dynamic_addresses')).trim();
  const dyn2 = (await central.nbctl('get', 'Logical_Switch_Port', 'dyn2', 'dynamic_addresses')).trim();
  const ip = (s: string): number => Number(s.replace(/"/g, '').split(' ')[1]!.split('.')[3]);
  expect(dyn1).toMatch(/^"[0-9a-f:]{17} 10\.0\.0\.\d+"$/);
  expect(dyn2).toMatch(/^"0a:00:00:00:00:02 10\.0\.0\.\d+"$/);
  for (const d of [dyn1, dyn2]) {
    expect(ip(d)).toBeGreaterThanOrEqual(10); // 10.0.0.1..9 excluded
    expect(ip(d)).not.toBe(50);
  }

  const sb = await OvsdbClient.connect(central.sb.unix);
  try {
    const view = await readSbView(sb);
    const types = Object.fromEntries(
      ['dyn1', 'dyn2', 'vm1', 'ctr1', 'ln', 'lp', 'vip', 'sw0-lr0', 'lr0-sw0'].map((p) => [p, view.port(p)?.type]),
    );
    expect(types).toEqual({
      dyn1: '',
      dyn2: '',
      vm1: '',
      ctr1: '',
      ln: 'localnet',
      lp: 'localport',
      vip: 'virtual',
      'sw0-lr0': 'patch',
      'lr0-sw0': 'patch',
    });
    expect((await central.sbctl('get', 'Port_Binding', 'ctr1', 'parent_port')).trim()).toBe('vm1');
    expect((await central.sbctl('get', 'Port_Binding', 'ctr1', 'tag')).trim()).toBe('100');
  } finally {
    await sb.close();
  }

  const again = new NbTxn(await readNbSnapshot(nb));
  build(again);
  expect(again.operations()).toEqual([]);
});
