/**
 * Southbound chassis registration helpers against ovsdb-server + ovn-northd: the chassis shows in
 * `ovn-sbctl show` with its encap; a duplicate is refused whole; and a registered chassis with no
 * ovn-controller behind it makes NB `wait: 'hv'` fail with NB_WAIT_TIMEOUT (lagging hv) instead of NB_NO_CHASSIS.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { OvsdbClient } from '../../../src/ovsdb/index.js';
import { startOvnCentral, type OvnCentral } from '../../../src/testing/index.js';
import { SB_DATABASE, chassisAdd, chassisDel } from '../../../src/ovn-sb/index.js';
import { NbReplica, lsAdd } from '../../../src/ovn-nb/index.js';

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

test('chassisAdd registers a chassis with its encap; a duplicate is refused; chassisDel removes it', async () => {
  await sb.transact(
    SB_DATABASE,
    chassisAdd({ name: 'hv1', hostname: 'host1', encaps: [{ type: 'geneve', ip: '192.168.0.11' }] }),
  );
  const show = await central.sbctl('show');
  expect(show).toMatch(/Chassis hv1/);
  expect(show).toMatch(/Encap geneve\s+ip: "192\.168\.0\.11"/);
  await expect(
    sb.transact(SB_DATABASE, chassisAdd({ name: 'hv1', encaps: [{ type: 'vxlan', ip: '192.168.0.12' }] })),
  ).rejects.toMatchObject({ code: 'OVSDB_CONSTRAINT_VIOLATION' });
  expect((await central.sbctl('--bare', '--columns=ip', 'list', 'Encap')).trim()).toBe('192.168.0.11');
  expect(() => chassisAdd({ name: 'hv2', encaps: [] })).toThrow(
    expect.objectContaining({ code: 'SB_INVALID_ARGUMENT' }),
  );
});

test('a chassis nobody runs: wait "hv" times out naming the hypervisors', async () => {
  const c = await OvsdbClient.connect(central.nb.unix);
  const nb = await NbReplica.start(c);
  try {
    await nb.waitFor('sb', undefined, 10_000);
    await expect(
      nb.transact((tx) => lsAdd(tx, { name: 'sw-hv' }), { wait: 'hv', waitTimeoutMs: 1500 }),
    ).rejects.toMatchObject({ code: 'NB_WAIT_TIMEOUT', lagging: 'hv' });
  } finally {
    await nb.close();
    await c.close();
  }
  await sb.transact(SB_DATABASE, chassisDel('hv1'));
  expect((await central.sbctl('--bare', '--columns=name', 'list', 'Chassis')).trim()).toBe('');
});
