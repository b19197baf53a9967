/** ssl: remotes against ovsdb-server's pssl listener, with a CA made for the test; the server certificate is verified. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { freePort, run, startOvsdbServer, type OvsdbServer } from '../../../src/testing/index.js';
import { OvsdbClient } from '../../../src/ovsdb/index.js';

let dir: string;
let server: OvsdbServer;
let sslRemote: string;

async function makeCa(name: string): Promise<void> {
  await run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '2',
    '-subj',
    `/CN=${name}`,
    '-keyout',
    join(dir, `${name}.key`),
    '-out',
    join(dir, `${name}.pem`),
  ]);
}
async function makeCert(name: string, ca: string): Promise<void> {
  await run('openssl', [
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-subj',
    `/CN=${name}`,
    '-keyout',
    join(dir, `${name}.key`),
    '-out',
    join(dir, `${name}.csr`),
  ]);
  // The server certificate names the host clients connect to (127.0.0.1): ssl: checks it by default.
  writeFileSync(join(dir, `${name}.ext`), 'subjectAltName=IP:127.0.0.1\n');
  await run('openssl', [
    'x509',
    '-req',
    '-in',
    join(dir, `${name}.csr`),
    '-CA',
    join(dir, `${ca}.pem`),
    '-CAkey',
    join(dir, `${ca}.key`),
    '-CAcreateserial',
    '-days',
    '2',
    '-extfile',
    join(dir, `${name}.ext`),
    '-out',
    join(dir, `${name}.pem`),
  ]);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ovsdb-ssl-'));
  await makeCa('ca');
  await makeCa('other-ca');
  await makeCert('server', 'ca');
  await makeCert('client', 'ca');
  const sslPort = await freePort();
  sslRemote = `ssl:127.0.0.1:${sslPort}`;
  server = await startOvsdbServer({
    schema: 'nb',
    extraRemotes: [`pssl:${sslPort}:127.0.0.1`],
    extraArgs: [
      `--private-key=${join(dir, 'server.key')}`,
      `--certificate=${join(dir, 'server.pem')}`,
      `--ca-cert=${join(dir, 'ca.pem')}`,
    ],
  });
});
afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('connects over ssl: with CA, certificate and key, and talks', async () => {
  const c = await OvsdbClient.connect(sslRemote, {
    tls: { ca: join(dir, 'ca.pem'), cert: join(dir, 'client.pem'), key: join(dir, 'client.key') },
  });
  expect(await c.listDbs()).toContain('OVN_Northbound');
  await c.close();
});

test('a server certificate from another CA is refused', async () => {
  const e = await OvsdbClient.connect(sslRemote, {
    tls: { ca: join(dir, 'other-ca.pem'), cert: join(dir, 'client.pem'), key: join(dir, 'client.key') },
  }).catch((x) => x);
  expect(e.code).toBe('OVSDB_CONNECT_FAILED');
  expect(e.attempts[0].error.code).toBe('TRANSPORT_CONNECT_FAILED');
  expect(e.message).toMatch(/self[- ]signed|unable to verify|certificate/i);
});

test('ssl: without a CA is refused before connecting', async () => {
  const e = await OvsdbClient.connect(sslRemote).catch((x) => x);
  expect(e.attempts[0].error.code).toBe('TRANSPORT_TLS');
});
