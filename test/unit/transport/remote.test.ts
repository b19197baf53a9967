import { describe, expect, test } from 'vitest';
import { parseRemote, parseRemotes, RemoteSyntaxError } from '../../../src/transport/index.js';

describe('remote syntax', () => {
  test.each([
    ['tcp:127.0.0.1:6641', { kind: 'tcp', host: '127.0.0.1', port: 6641 }],
    ['tcp:[::1]:6641', { kind: 'tcp', host: '::1', port: 6641 }],
    ['tcp:ovn-central.local:6641', { kind: 'tcp', host: 'ovn-central.local', port: 6641 }],
    ['ssl:10.0.0.5:6642', { kind: 'ssl', host: '10.0.0.5', port: 6642 }],
    ['ssl:[fd00::5]:6642', { kind: 'ssl', host: 'fd00::5', port: 6642 }],
    ['unix:/var/run/ovn/ovnnb_db.sock', { kind: 'unix', path: '/var/run/ovn/ovnnb_db.sock' }],
    ['ptcp:6641', { kind: 'ptcp', port: 6641, host: '0.0.0.0' }],
    ['ptcp:0:127.0.0.1', { kind: 'ptcp', port: 0, host: '127.0.0.1' }],
    ['ptcp:6653:[::1]', { kind: 'ptcp', port: 6653, host: '::1' }],
    ['punix:/tmp/x.sock', { kind: 'punix', path: '/tmp/x.sock' }],
  ])('%s', (text, want) => {
    expect(parseRemote(text)).toMatchObject(want);
  });

  test.each([
    ['', /METHOD:ADDRESS/],
    ['tcp', /METHOD:ADDRESS/],
    ['tcp:1.2.3.4', /host:port/],
    ['tcp:1.2.3.4:0', /out of range/],
    ['tcp:1.2.3.4:65536', /out of range/],
    ['tcp:1.2.3.4:http', /not a number/],
    ['tcp:::1:6641', /brackets/],
    ['tcp:[1.2.3.4]:6641', /not an IPv6/],
    ['udp:1.2.3.4:1', /unknown connection method "udp"/],
    ['unix:', /empty socket path/],
    ['ptcp:1:not-an-ip', /not an IP address/],
  ])('%j is refused', (text, msg) => {
    let err: unknown;
    try {
      parseRemote(text);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(RemoteSyntaxError);
    expect((err as RemoteSyntaxError).code).toBe('TRANSPORT_BAD_REMOTE');
    expect((err as Error).message).toMatch(msg);
  });

  test('comma-separated lists', () => {
    expect(parseRemotes('tcp:10.0.0.1:6641, tcp:10.0.0.2:6641,ssl:[fd00::3]:6641').map((r) => r.text)).toEqual([
      'tcp:10.0.0.1:6641',
      'tcp:10.0.0.2:6641',
      'ssl:[fd00::3]:6641',
    ]);
    expect(() => parseRemotes(' , ')).toThrow(RemoteSyntaxError);
    expect(() => parseRemotes('tcp:10.0.0.1:6641,bogus')).toThrow(/bogus/);
  });
});
