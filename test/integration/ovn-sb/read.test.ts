/**
 * SB read helpers on a real SB filled by ovn-northd and ovn-sbctl: chassis and encaps registered with
 * `ovn-sbctl chassis-add`, a port bound with `ovn-sbctl lsp-bind`, and the keys as ovn-sbctl lists them.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { OvsdbClient } from '../../../src/ovsdb/index.js';
import { startOvnCentral, type OvnCentral } from '../../../src/testing/index.js';
import { logicalNamesFromSb, readSbView } from '../../../src/ovn-sb/index.js';

let central: OvnCentral;
let sb: OvsdbClient;

beforeAll(async () => {
  central = await startOvnCentral();
  sb = await OvsdbClient.connect(central.sb.unix);
});
afterAll(async () => {
  await sb?.close();
  await central?.stop();
});

test('chassis, encaps, datapath and port bindings match ovn-sbctl; keys resolve to names', async () => {
  await central.nbctl(
    'ls-add',
    'sw0',
    '--',
    'lsp-add',
    'sw0',
    'p1',
    '--',
    'lsp-add',
    'sw0',
    'p2',
    '--',
    'lr-add',
    'lr0',
    '--',
    'lrp-add',
    'lr0',
    'lr0-sw0',
    '00:00:00:00:ff:01',
    '10.0.0.1/24',
  );
  await central.nbctl('--wait=sb', 'sync');
  await central.sbctl('chassis-add', 'node1', 'geneve', '172.18.0.2');
  await central.sbctl('lsp-bind', 'p1', 'node1');
  const view = await readSbView(sb);

  expect(view.chassis).toEqual([
    {
      uuid: expect.any(String),
      name: 'node1',
      hostname: '',
      encaps: [{ type: 'geneve', ip: '172.18.0.2', options: { csum: 'true' } }],
    },
  ]);
  const dpKey = Number(
    (await central.sbctl('--bare', '--columns=tunnel_key', 'find', 'Datapath_Binding', 'external_ids:name=sw0')).trim(),
  );
  const lrKey = Number(
    (await central.sbctl('--bare', '--columns=tunnel_key', 'find', 'Datapath_Binding', 'external_ids:name=lr0')).trim(),
  );
  expect(view.datapathByName('sw0')).toMatchObject({ tunnelKey: dpKey, kind: 'switch' });
  expect(view.datapathByName('lr0')).toMatchObject({ tunnelKey: lrKey, kind: 'router' });
  const names = logicalNamesFromSb(view);
  for (const port of ['p1', 'p2']) {
    const key = Number(
      (await central.sbctl('--bare', '--columns=tunnel_key', 'find', 'Port_Binding', `logical_port=${port}`)).trim(),
    );
    expect(view.port(port)?.tunnelKey).toBe(key);
    expect(names.port(dpKey, key)).toBe(port);
  }
  expect(names.datapath(dpKey)).toBe('sw0');
  expect(view.port('p1')?.chassis).toBe('node1');
  expect(view.port('p2')?.chassis).toBeUndefined();
  expect(view.portsOnChassis('node1').map((p) => p.logicalPort)).toEqual(['p1']);
  expect(view.port('lr0-sw0')?.datapath.name).toBe('lr0');
  const flood = view.multicastGroups.find((g) => g.name === '_MC_flood' && g.datapath.name === 'sw0');
  expect(flood).toBeDefined();
  expect(names.port(dpKey, flood!.tunnelKey)).toBe('_MC_flood');
});
