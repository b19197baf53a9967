/**
 * Underlay VLAN subnet on a real data plane (issue #18 item 2): the kube model's NB rows (Kube-OVN
 * v1.12 reconcileVlan → localnet port `localnet.<subnet>` with network_name and tag) bound by
 * ovn-controller on a node whose Open_vSwitch maps the provider network to a bridge
 * (`ovn-bridge-mappings=provider1:br-provider1`, as Kube-OVN's daemon configures a ProviderNetwork).
 * A pod on the VLAN subnet reaches a host on the "physical" network: a namespace whose own (userspace) OVS
 * switch takes the veth as a trunk and gives the host address only to an access port of VLAN 100 (the
 * kernel here has no 802.1Q module), so a reply proves the frames left tagged with the Vlan's id.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { OvsdbClient } from '../../../src/ovsdb/index.js';
import { startTopology, startVswitchd, waitFor, type Topology, type Vswitchd } from '../../../src/testing/index.js';
import { addBridge, addPort, setOpenvSwitchExternalIds } from '../../../src/vswitch/index.js';
import { reconcile, withDefaultSubnets, type KubeDesiredState } from '../../../src/kube/index.js';

const desired: KubeDesiredState = {
  subnets: withDefaultSubnets([
    { name: 'vlan-net', cidrBlock: '172.17.0.0/24', gateway: '172.17.0.1', vlan: 'vlan100', namespaces: ['under'] },
  ]),
  pods: [{ name: 'u1', namespace: 'under', node: 'node1' }],
  nodes: ['node1'],
  vlans: [{ name: 'vlan100', id: 100, provider: 'provider1' }],
};

let topo: Topology;
let nb: OvsdbClient;
let phys: Vswitchd;

beforeAll(async () => {
  topo = await startTopology({ nodes: ['node1'] });
  nb = await OvsdbClient.connect(topo.central.nb.unix);
  const node = topo.node('node1');
  // The physical network: its own namespace and OVS switch, joined to node1 by a veth (trunk), the host
  // address on an internal access port of VLAN 100.
  phys = await startVswitchd({ netns: true, prefix: 'kphys-' });
  await node.exec('ip', ['link', 'add', 'pn0', 'type', 'veth', 'peer', 'name', 'eth0', 'netns', phys.netns!]);
  await node.exec('ip', ['link', 'set', 'pn0', 'up']);
  await phys.exec('ip', ['link', 'set', 'eth0', 'up']);
  await phys.vsctl('add-br', 'br-phys', '--', 'set', 'Bridge', 'br-phys', 'datapath_type=netdev');
  await phys.vsctl('add-port', 'br-phys', 'eth0');
  await phys.vsctl('add-port', 'br-phys', 'host100', 'tag=100', '--', 'set', 'Interface', 'host100', 'type=internal');
  await waitFor('host100', () => phys.exec('ip', ['link', 'show', 'host100']).then(() => true), 10_000, 50);
  await phys.exec('ip', ['addr', 'add', '172.17.0.1/24', 'dev', 'host100']);
  await phys.exec('ip', ['link', 'set', 'host100', 'up']);
  // The ProviderNetwork on the node: bridge mapping and the provider bridge with the physical port.
  await node.ovs.transact('Open_vSwitch', [
    ...addBridge({ name: 'br-provider1', datapathType: 'netdev' }),
    ...addPort('br-provider1', { name: 'pn0' }),
    ...setOpenvSwitchExternalIds({ 'ovn-bridge-mappings': 'provider1:br-provider1' }),
  ]);
}, 120_000);

afterAll(async () => {
  await nb?.close();
  await phys?.stop();
  await topo?.stop();
});

describe('underlay VLAN data plane', () => {
  test('a pod on the VLAN subnet reaches the physical host through the localnet port, tagged 100', async () => {
    const r = await reconcile(nb, desired, { macSeed: 8 });
    const u1 = r.ipam.records.find((x) => x.name === 'u1.under')!;
    expect(u1.ip).toBe('172.17.0.2');
    const pod = await topo.addPod({
      name: 'u1',
      node: 'node1',
      lsp: 'u1.under',
      mac: u1.mac.toLowerCase(),
      cidr: '172.17.0.2/24',
      gateway: '172.17.0.1',
    });
    // ovn-controller binds the pod port and patches br-int to br-provider1 for the localnet port.
    const reached = await waitFor(
      'ping 172.17.0.1 from u1',
      async () =>
        pod
          .exec('ping', ['-c', '1', '-W', '1', '172.17.0.1'])
          .then(() => true)
          .catch(() => undefined),
      30_000,
      500,
    );
    expect(reached).toBe(true);
    const out = await pod.exec('ping', ['-c', '3', '-i', '0.2', '-W', '2', '172.17.0.1']);
    expect(out).toMatch(/3 received/);
    // The host's access port carried them (live OpenFlow port counters): only VLAN 100 frames reach it.
    const ports = await phys.ofctl('dump-ports', 'br-phys', 'host100');
    const [, toHost] = /tx pkts=(\d+)/.exec(ports)!;
    const [, fromHost] = /rx pkts=(\d+)/.exec(ports)!;
    expect(Number(toHost)).toBeGreaterThanOrEqual(3);
    expect(Number(fromHost)).toBeGreaterThanOrEqual(3);
  }, 60_000);
});
