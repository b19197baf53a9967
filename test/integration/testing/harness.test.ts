/** The harness starts real daemons fast and leaves nothing behind. */
import { existsSync } from 'node:fs';
import { expect, test } from 'vitest';
import { startOvsdbServer, startOvnCentral, alive } from '../../../src/testing/index.js';
import { OvsdbClient } from '../../../src/ovsdb/index.js';

test('a standalone server for each schema: unix and tcp remotes work; stop removes process and dir', async () => {
  for (const schema of ['nb', 'sb', 'vswitch']) {
    const s = await startOvsdbServer({ schema });
    expect(alive(s.pid)).toBe(true);
    for (const r of [s.unix, s.tcp]) {
      const c = await OvsdbClient.connect(r);
      expect(await c.listDbs()).toContain(s.database);
      await c.close();
    }
    await s.stop();
    expect(alive(s.pid)).toBe(false);
    expect(existsSync(s.dir)).toBe(false);
  }
});

test('NB + SB + northd: northd writes SB from NB; stop leaves nothing', async () => {
  const o = await startOvnCentral();
  await o.nbctl('ls-add', 'sw0');
  await o.nbctl('--wait=sb', 'sync');
  expect(await o.sbctl('--bare', '--columns=external_ids', 'list', 'Datapath_Binding')).toContain('name=sw0');
  await o.stop();
  for (const pid of [o.nb.pid, o.sb.pid, o.northd.pid]) expect(alive(pid)).toBe(false);
  expect(existsSync(o.nb.dir)).toBe(false);
});
