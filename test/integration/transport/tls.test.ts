/**
 * The TLS matrix, with a CA made by openssl in the test: the right certificate, one from another CA,
 * an expired one, one for another host, and a client without a certificate — against our own pssl:
 * listener and against ovsdb-server's (--private-key/--certificate/--ca-cert).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { connect, listen, type ByteStream, type Listener, type TlsOptions } from '../../../src/transport/index.js';
import { freePort, run, startOvsdbServer, type OvsdbServer } from '../../../src/testing/index.js';
import { OvsdbClient } from '../../../src/ovsdb/index.js';

let dir: string;
const f = (n: string) => join(dir, n);

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
    f(`${name}.key`),
    '-out',
    f(`${name}.pem`),
  ]);
}
/** A certificate signed by `ca`, naming `san` (subjectAltName), valid `days` from now (negative: already expired). */
async function makeCert(name: string, ca: string, san: string, days = 2): Promise<void> {
  writeFileSync(f(`${name}.ext`), `subjectAltName=${san}\n`);
  await run('openssl', [
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-subj',
    `/CN=${name}`,
    '-keyout',
    f(`${name}.key`),
    '-out',
    f(`${name}.csr`),
  ]);
  await run('openssl', [
    'x509',
    '-req',
    '-in',
    f(`${name}.csr`),
    '-CA',
    f(`${ca}.pem`),
    '-CAkey',
    f(`${ca}.key`),
    '-CAcreateserial',
    '-days',
    String(days),
    '-extfile',
    f(`${name}.ext`),
    '-out',
    f(`${name}.pem`),
  ]);
}
const pair = (name: string) => ({ cert: f(`${name}.pem`), key: f(`${name}.key`) });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tls-matrix-'));
  await makeCa('ca');
  await makeCa('other-ca');
  await makeCert('server', 'ca', 'IP:127.0.0.1,DNS:localhost');
  await makeCert('foreign', 'other-ca', 'IP:127.0.0.1,DNS:localhost');
  await makeCert('expired', 'ca', 'IP:127.0.0.1,DNS:localhost', -1);
  await makeCert('elsewhere', 'ca', 'DNS:db.example.net');
  await makeCert('client', 'ca', 'DNS:client');
  await makeCert('client-other', 'other-ca', 'DNS:client');
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A pssl: listener that answers every chunk with "ok"; `accepted` counts streams handed over. */
async function echoServer(tls: TlsOptions): Promise<{ l: Listener; accepted: () => number }> {
  let n = 0;
  const l = await listen(
    'pssl:0:127.0.0.1',
    (s) => {
      n++;
      s.onData(() => s.write('ok'));
    },
    { tls },
  );
  return { l, accepted: () => n };
}

/** Connects, writes, and resolves with what came back or the error (connect failure or close). */
async function talk(remote: string, tls: TlsOptions): Promise<{ reply?: string; error?: Error & { code?: string } }> {
  let s: ByteStream;
  try {
    s = await connect(remote, { tls });
  } catch (e) {
    return { error: e as Error };
  }
  return new Promise((resolve) => {
    s.onData((b) => {
      resolve({ reply: b.toString() });
      s.close();
    });
    s.onClose((err) => resolve({ error: err ?? new Error('closed without a reply') }));
    s.write('hi');
  });
}

describe('our pssl: listener and ssl: connect', () => {
  let client: TlsOptions;
  beforeAll(() => {
    client = { ca: f('ca.pem'), ...pair('client') };
  });

  test('the right certificate, with the host checked (IP and DNS name)', async () => {
    const { l, accepted } = await echoServer({ ca: f('ca.pem'), ...pair('server') });
    expect(await talk(l.address, client)).toEqual({ reply: 'ok' });
    const port = l.port!;
    expect(await talk(`ssl:localhost:${port}`, client)).toEqual({ reply: 'ok' });
    expect(accepted()).toBe(2);
    await l.close();
  });

  test('a server certificate from another CA is refused', async () => {
    const { l } = await echoServer({ ca: f('ca.pem'), ...pair('foreign') });
    const r = await talk(l.address, client);
    expect(r.error).toMatchObject({ code: 'TRANSPORT_CONNECT_FAILED' });
    expect(r.error!.message).toMatch(
      new RegExp(`^${l.address}: .*(unable to verify|self[- ]signed|unable to get local issuer)`, 'i'),
    );
    await l.close();
  });

  test('an expired server certificate is refused', async () => {
    const { l } = await echoServer({ ca: f('ca.pem'), ...pair('expired') });
    const r = await talk(l.address, client);
    expect(r.error).toMatchObject({ code: 'TRANSPORT_CONNECT_FAILED' });
    expect(r.error!.message).toMatch(/expired/i);
    await l.close();
  });

  test('a certificate for another host is refused by default; servername or verifyHostname:false accept it', async () => {
    const { l } = await echoServer({ ca: f('ca.pem'), ...pair('elsewhere') });
    const r = await talk(l.address, client);
    expect(r.error).toMatchObject({ code: 'TRANSPORT_CONNECT_FAILED' });
    expect(r.error!.message).toMatch(/IP: 127\.0\.0\.1 is not in the cert's list|does not match/i);
    expect(await talk(l.address, { ...client, servername: 'db.example.net' })).toEqual({ reply: 'ok' });
    expect(await talk(l.address, { ...client, verifyHostname: false })).toEqual({ reply: 'ok' });
    await l.close();
  });

  test('a client without a certificate, or with one from another CA, is refused by default', async () => {
    const { l, accepted } = await echoServer({ ca: f('ca.pem'), ...pair('server') });
    const none = await talk(l.address, { ca: f('ca.pem') });
    expect(none.reply).toBeUndefined();
    expect(none.error).toBeInstanceOf(Error);
    const other = await talk(l.address, { ca: f('ca.pem'), ...pair('client-other') });
    expect(other.reply).toBeUndefined();
    expect(accepted()).toBe(0);
    await l.close();
  });

  test('pssl: without a CA is refused unless requireClientCert is false', async () => {
    await expect(listen('pssl:0:127.0.0.1', () => undefined, { tls: pair('server') })).rejects.toMatchObject({
      code: 'TRANSPORT_TLS',
      message: expect.stringContaining('requireClientCert'),
    });
    const l = await listen('pssl:0:127.0.0.1', (s) => s.onData(() => s.write('ok')), {
      tls: { ...pair('server'), requireClientCert: false },
    });
    expect(await talk(l.address, { ca: f('ca.pem') })).toEqual({ reply: 'ok' });
    await l.close();
  });
});

describe('against ovsdb-server', () => {
  let server: OvsdbServer;
  let remote: string;
  beforeAll(async () => {
    const port = await freePort();
    remote = `ssl:127.0.0.1:${port}`;
    server = await startOvsdbServer({
      schema: 'nb',
      extraRemotes: [`pssl:${port}:127.0.0.1`],
      extraArgs: [
        `--private-key=${f('elsewhere.key')}`,
        `--certificate=${f('elsewhere.pem')}`,
        `--ca-cert=${f('ca.pem')}`,
      ],
    });
  }, 60_000);
  afterAll(async () => server?.stop());

  const opts = (tls: TlsOptions) => ({ tls, inactivityProbeMs: 0 });

  test('the server certificate names another host: refused by default, accepted with its servername', async () => {
    const e = await OvsdbClient.connect(remote, opts({ ca: f('ca.pem'), ...pair('client') })).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'OVSDB_CONNECT_FAILED' });
    expect((e as { attempts: { error: { code: string } }[] }).attempts[0]!.error.code).toBe('TRANSPORT_CONNECT_FAILED');
    const c = await OvsdbClient.connect(
      remote,
      opts({ ca: f('ca.pem'), ...pair('client'), servername: 'db.example.net' }),
    );
    expect(await c.listDbs()).toContain('OVN_Northbound');
    await c.close();
  });

  test('a CA that did not sign the server is refused', async () => {
    const e = await OvsdbClient.connect(
      remote,
      opts({ ca: f('other-ca.pem'), ...pair('client'), servername: 'db.example.net' }),
    ).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'OVSDB_CONNECT_FAILED' });
  });

  test('ovsdb-server refuses a client without a certificate: no call succeeds', async () => {
    const r = await OvsdbClient.connect(remote, opts({ ca: f('ca.pem'), servername: 'db.example.net' })).then(
      (c) =>
        c.listDbs({ timeoutMs: 20_000 }).then(
          (v) => ({ v }),
          (err: Error & { code?: string }) => ({ err }),
        ),
      (err: Error & { code?: string }) => ({ err }),
    );
    expect('v' in r).toBe(false);
    expect((r as { err: { code?: string } }).err.code).toMatch(/^(OVSDB_CONNECT_FAILED|OVSDB_CLIENT_CLOSED)$/);
  });
});
