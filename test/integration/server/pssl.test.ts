/** `pssl:`: ovsdb-client over SSL (a throwaway self-signed certificate) lists the embedded server's databases. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { EmbeddedOvsdbServer } from '../../../src/server/index.js';
import { run } from '../../../src/testing/index.js';

const dir = mkdtempSync(join(tmpdir(), 'pssl-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('ovsdb-client over ssl: lists the databases', async () => {
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  // pssl: verifies client certificates by default (as ovsdb-server does): the self-signed cert is also the CA.
  const server = new EmbeddedOvsdbServer({
    schemas: ['/usr/share/ovn/ovn-nb.ovsschema'],
    tls: { key, cert, ca: cert },
  });
  try {
    const remote = await server.listen('pssl:0:127.0.0.1');
    expect(remote).toMatch(/^ssl:127\.0\.0\.1:\d+$/);
    const out = await run('ovsdb-client', ['-p', key, '-c', cert, '-C', cert, 'list-dbs', remote]);
    expect(out.stdout.split('\n').filter(Boolean)).toEqual(['OVN_Northbound', '_Server']);
  } finally {
    await server.stop();
  }
});
