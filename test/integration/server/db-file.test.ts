/**
 * Standalone database files: one written by `ovsdb-tool create` and ovsdb-server (after inserts,
 * modifications and deletes) loads into the embedded server with the same contents; the embedded
 * server appends its own commits so that ovsdb-server, started on the file again, reads them back.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { run, startOvsdbServer, daemonEnv, SCHEMAS } from '../../../src/testing/index.js';
import { EmbeddedOvsdbServer, openDbFile } from '../../../src/server/index.js';

const dir = mkdtempSync(join(tmpdir(), 'dbfile-'));
/** Everything started, stopped even when the test fails half way (stop() is idempotent). */
const stops: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const s of stops.reverse()) await s();
  rmSync(dir, { recursive: true, force: true });
});

/** `ovsdb-client dump` of the whole database (rows by uuid; no _version). */
const dumpOf = async (remote: string) =>
  (await run('ovsdb-client', ['dump', remote, 'OVN_Northbound'], { env: daemonEnv(dir) })).stdout;

test('a file written by ovsdb-server loads, and commits appended by the embedded server read back in ovsdb-server', async () => {
  const db = join(dir, 'nb.db');
  await run('ovsdb-tool', ['create', db, SCHEMAS.nb]);
  const real = await startOvsdbServer({ schema: 'nb', fromDb: db, dir, name: 'real' });
  stops.push(() => real.stop());
  const nbctl = (...a: string[]) => run('ovn-nbctl', [`--db=${real.unix}`, ...a], { env: daemonEnv(dir) });
  await nbctl(
    'ls-add',
    'sw0',
    '--',
    'ls-add',
    'sw1',
    '--',
    'set',
    'Logical_Switch',
    'sw0',
    'external_ids:a=b',
    'other_config:x=y',
  );
  await nbctl(
    'lsp-add',
    'sw0',
    'p1',
    '--',
    'lsp-set-addresses',
    'p1',
    '00:00:00:00:00:01 10.0.0.2',
    '--',
    'lsp-add',
    'sw0',
    'p2',
  );
  await nbctl('acl-add', 'sw0', 'to-lport', '100', 'ip4', 'allow');
  await nbctl('create', 'Address_Set', 'name=as1', 'addresses=10.0.0.1,10.0.0.2');
  await nbctl(
    'remove',
    'Address_Set',
    'as1',
    'addresses',
    '10.0.0.1',
    '--',
    'add',
    'Address_Set',
    'as1',
    'addresses',
    '10.0.0.9',
  );
  await nbctl('lsp-del', 'p2', '--', 'ls-del', 'sw1', '--', 'remove', 'Logical_Switch', 'sw0', 'external_ids', 'a');
  const before = await dumpOf(real.unix);
  await real.stop();
  copyFileSync(real.dbFile, db);

  const server = new EmbeddedOvsdbServer();
  stops.push(() => server.stop());
  openDbFile(server, db, { append: true });
  const remote = await server.listen(`punix:${join(dir, 'emb.sock')}`);
  expect(await dumpOf(remote)).toEqual(before);

  const embctl = (...a: string[]) => run('ovn-nbctl', [`--db=${remote}`, ...a], { env: daemonEnv(dir) });
  await embctl('lsp-add', 'sw0', 'p3', '--', 'set', 'Logical_Switch', 'sw0', 'external_ids:c=d');
  await embctl('remove', 'Address_Set', 'as1', 'addresses', '10.0.0.2', '--', 'ls-add', 'sw9');
  await embctl('lsp-del', 'p1');
  const after = await dumpOf(remote);
  await server.stop();

  const again = await startOvsdbServer({ schema: 'nb', fromDb: db, dir, name: 'again' });
  stops.push(() => again.stop());
  try {
    expect(await dumpOf(again.unix)).toEqual(after);
    expect(after).toContain('p3');
    expect(after).not.toContain('"p1"');
  } finally {
    await again.stop();
  }
}, 60_000);
