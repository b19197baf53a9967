/**
 * The Open_vSwitch builders at ovs-vsctl's level against a real ovsdb-server (vswitch schema), checked
 * with ovs-vsctl itself (`--no-wait`: no ovs-vswitchd needed for the database side).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { OvsdbClient } from '../../../src/ovsdb/index.js';
import { ReplicaCache } from '../../../src/ovsdb/cache/index.js';
import { startOvsdbServer, type OvsdbServer } from '../../../src/testing/index.js';
import {
  addBridge,
  addPort,
  delBridge,
  delController,
  delPortByName,
  openVSwitchModel,
  removeMapKeys,
  setController,
  setFailMode,
  setManager,
  setMapKeys,
  vsFind,
} from '../../../src/vswitch/index.js';

const run = promisify(execFile);
let srv: OvsdbServer;
let client: OvsdbClient;
const vsctl = async (...a: string[]): Promise<string> =>
  (await run('ovs-vsctl', [`--db=${srv.unix}`, '--no-wait', ...a])).stdout.trim();
const tx = (ops: Parameters<OvsdbClient['transact']>[1]) => client.transact('Open_vSwitch', ops);

beforeAll(async () => {
  srv = await startOvsdbServer({ schema: 'vswitch' });
  await vsctl('init');
  client = await OvsdbClient.connect(srv.unix);
});
afterAll(async () => {
  await client?.close();
  await srv?.stop();
});

test('add-br, add-port with interface options, fail mode, controller, manager, map keys — as ovs-vsctl sees them', async () => {
  await tx([
    ...addBridge({ name: 'br0', datapathType: 'netdev', failMode: 'secure' }),
    ...addPort('br0', { name: 'gnv0', type: 'geneve', options: { remote_ip: '192.168.1.2', key: 'flow' } }),
  ]);
  expect(await vsctl('list-br')).toBe('br0');
  expect(await vsctl('list-ports', 'br0')).toBe('gnv0');
  expect(await vsctl('get', 'Interface', 'gnv0', 'options')).toBe('{key=flow, remote_ip="192.168.1.2"}');
  expect(await vsctl('get-fail-mode', 'br0')).toBe('secure');
  await tx(setFailMode('br0', 'standalone'));
  expect(await vsctl('get-fail-mode', 'br0')).toBe('standalone');
  await tx(setController('br0', ['ptcp:6653:127.0.0.1']));
  expect(await vsctl('get-controller', 'br0')).toBe('ptcp:6653:127.0.0.1');
  await tx(delController('br0'));
  expect(await vsctl('get-controller', 'br0')).toBe('');
  await tx(setManager(['ptcp:6640:127.0.0.1']));
  expect(await vsctl('get-manager')).toBe('ptcp:6640:127.0.0.1');
  await tx([
    ...setMapKeys('Bridge', 'br0', 'external_ids', { a: '1', b: '2' }),
    ...setMapKeys('Interface', 'gnv0', 'options', { remote_ip: '192.168.1.3' }),
  ]);
  expect(await vsctl('br-get-external-id', 'br0', 'a')).toBe('1');
  expect(await vsctl('get', 'Interface', 'gnv0', 'options:remote_ip')).toBe('"192.168.1.3"');
  await tx(removeMapKeys('Bridge', 'br0', 'external_ids', ['a']));
  expect(await vsctl('br-get-external-id', 'br0')).toBe('b=2');
});

test('list / find over a replica, del-port and del-br by the uuids it holds', async () => {
  const cache = await ReplicaCache.start(client, 'Open_vSwitch', {
    model: openVSwitchModel,
    tables: ['Bridge', 'Port', 'Interface'],
  });
  try {
    expect(vsFind(cache.table('Interface').values(), { type: 'geneve' }).map((i) => i.name)).toEqual(['gnv0']);
    expect(vsFind(cache.table('Bridge').values(), { external_ids: { b: '2' } }).map((b) => b.name)).toEqual(['br0']);
    const port = cache.table('Port').index('name').get('gnv0')!;
    await tx(delPortByName('br0', port._uuid));
    expect(await vsctl('list-ports', 'br0')).toBe('');
    const br = cache.table('Bridge').index('name').get('br0')!;
    await tx(delBridge(br._uuid));
    expect(await vsctl('list-br')).toBe('');
    expect(await vsctl('--bare', '--columns=name', 'list', 'Interface')).toBe('');
  } finally {
    await cache.close();
  }
});
