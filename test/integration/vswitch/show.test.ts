/** renderVswitchShow against `ovs-vsctl show` on the same database: byte for byte. */
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OvsdbClient } from '../../../src/ovsdb/index.js';
import { startOvsdbServer, type OvsdbServer } from '../../../src/testing/index.js';
import { readVswitchShow, renderVswitchShow } from '../../../src/vswitch/show.js';

let server: OvsdbServer;
let client: OvsdbClient;
const vsctl = (...a: string[]): string =>
  execFileSync('ovs-vsctl', [`--db=${server.unix}`, '--no-wait', ...a], { encoding: 'utf8' });

beforeAll(async () => {
  server = await startOvsdbServer({ schema: 'vswitch' });
  client = await OvsdbClient.connect(server.unix);
  vsctl('init');
});
afterAll(async () => {
  await client?.close();
  await server?.stop();
});

describe('ovs-vsctl show', () => {
  it('an empty switch', async () => {
    expect(renderVswitchShow(await readVswitchShow(client))).toBe(vsctl('show'));
  });
  it('bridges, controllers, managers, bonds, tags, trunks, tunnel options, quoted strings', async () => {
    vsctl(
      'add-br',
      'br-int',
      '--',
      'set',
      'bridge',
      'br-int',
      'datapath_type=netdev',
      'fail-mode=secure',
      '--',
      'set-controller',
      'br-int',
      'tcp:127.0.0.1:6653',
      'unix:/tmp/x.sock',
      '--',
      'set-manager',
      'ptcp:6640:127.0.0.1',
    );
    vsctl('add-port', 'br-int', 'veth1', '--', 'set', 'interface', 'veth1', 'external_ids:iface-id=pod1');
    vsctl(
      'add-port',
      'br-int',
      'ovn-node2-0',
      '--',
      'set',
      'interface',
      'ovn-node2-0',
      'type=geneve',
      'options:remote_ip=192.168.0.2',
      'options:key=flow',
      'options:csum=true',
    );
    vsctl('add-br', 'br0');
    vsctl('add-bond', 'br0', 'bond0', 'a', 'b', 'c');
    vsctl('set', 'port', 'veth1', 'tag=5', 'trunks=1,2,3');
    vsctl('add-br', 'true');
    vsctl('set', 'interface', 'a', 'error="could not open network device a (No such device)"');
    vsctl('set', 'open', '.', 'ovs_version=3.1.0');
    expect(renderVswitchShow(await readVswitchShow(client))).toBe(vsctl('show'));
  });
});
