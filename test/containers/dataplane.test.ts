/**
 * The seed's data-plane checks (test/integration/e2e/scenario.test.ts) on a two-node *container*
 * topology: central in one container, node1 and node2 privileged containers each running its own
 * Open_vSwitch ovsdb-server, ovs-vswitchd (netdev) and ovn-controller, GENEVE between the containers
 * over their network. The kube model's SCENARIO (src/testing/e2e-scenario.ts) is reconciled into NB,
 * pods are namespaces inside their node container, node1 is the egress node with the rendered
 * ipset/iptables NAT, and an "outside" namespace inside node1 plays the external host.
 * Checks: same node ping; across nodes over GENEVE, with node1's underlay capture decoded and explained
 * by the SDK (VNI = datapath, option = ingress/egress port keys); egress NAT (natOutgoing subnet leaves
 * as node1, ovn-default does not). Pings are bounded; everything is removed in afterAll.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { OvsdbClient } from '../../src/ovsdb/index.js';
import { addPort } from '../../src/vswitch/index.js';
import { NB_DATABASE, NbTxn, lrRouteAdd, readNbSnapshot } from '../../src/ovn-nb/index.js';
import { logicalNamesFromSb, readSbView } from '../../src/ovn-sb/index.js';
import {
  natOutgoingCommands,
  natOutgoingRuleLines,
  nodePortName,
  reconcile,
  renderNatOutgoing,
  type IpRecord,
  type NatOutgoingPlan,
  type Subnet,
} from '../../src/kube/index.js';
import { parseCidrBlock } from '../../src/ipam/index.js';
import { OUTSIDE, SCENARIO } from '../../src/testing/e2e-scenario.js';
import { explainTunnelCapture } from '../../src/testing/e2e-explain.js';
import { startTopology, waitFor, type Topology, type TopoNode, type TopoPod } from '../../src/testing/index.js';
import { harnessContainers, harnessNetworks } from './helpers.js';

let topo: Topology;
let nb: OvsdbClient;
let sb: OvsdbClient;
let records: readonly IpRecord[];
let natPlan: NatOutgoingPlan;
const pods = new Map<string, TopoPod>();
const execFileP = promisify(execFile);
const P1 = 'ovn-default-node1-pod1';
const P2 = 'ovn-default-node1-pod2';
const P3 = 'ovn-default-node2-pod3';
const Q1 = 'subnet1-node1-pod1';
const pod = (n: string) => pods.get(n)!;

function prefixOf(subnets: readonly Subnet[], name: string): { prefix: number; gateway: string } {
  const s = subnets.find((x) => x.name === name)!;
  const c = parseCidrBlock(s.cidrBlock).find((x) => x.family === 4)!;
  return { prefix: c.prefix, gateway: s.gateway.split(',')[0]! };
}

/** `ping -c count` inside a pod (or `outside`); the received count, never throws on loss. */
async function ping(
  exec: (cmd: string, args: readonly string[]) => Promise<string>,
  to: string,
  count = 3,
): Promise<number> {
  const out = await exec('sh', ['-c', `ping -c ${count} -i 0.2 -W 2 ${to} || true`]);
  return Number(/(\d+) received/.exec(out)?.[1] ?? 0);
}
const inOutside = (cmd: string, args: readonly string[]) =>
  topo.node('node1').exec('ip', ['netns', 'exec', 'outside', cmd, ...args]);

/** Starts tcpdump in the background inside a node (optionally in a namespace there); returns a stopper. */
async function tcpdump(
  node: TopoNode,
  args: string,
  file: string,
  netns?: string,
): Promise<{ stop(): Promise<string> }> {
  const ns = netns ? `ip netns exec ${netns} ` : '';
  const pid = (
    await node.exec('sh', [
      '-c',
      `nohup ${ns}tcpdump -n -U --immediate-mode ${args} >${file}.out 2>${file}.err & echo $!`,
    ])
  ).trim();
  await waitFor(
    `tcpdump listening in ${node.name}`,
    async () => ((await node.exec('cat', [`${file}.err`])).includes('listening on') ? true : undefined),
    15_000,
    50,
  );
  return {
    async stop() {
      await node.exec('sh', [
        '-c',
        `sleep 0.3; kill -INT ${pid} 2>/dev/null; i=0; while kill -0 ${pid} 2>/dev/null && [ $i -lt 200 ]; do sleep 0.05; i=$((i+1)); done`,
      ]);
      console.log(`tcpdump in ${node.name}: ${(await node.exec('cat', [`${file}.err`])).trim().replace(/\n/g, ' | ')}`);
      return node.exec('cat', [`${file}.out`]);
    },
  };
}

beforeAll(async () => {
  topo = await startTopology({ runtime: 'container', nodes: ['node1', 'node2'] });
  nb = await OvsdbClient.connect(topo.central.nb.tcp);
  sb = await OvsdbClient.connect(topo.central.sb.tcp);
  const reconciled = await reconcile(nb, SCENARIO, { macSeed: 8 });
  const subnets = reconciled.ipam.subnets;
  records = reconciled.ipam.records;
  const joinIp = (n: string) => records.find((x) => x.name === nodePortName(n))!.ip;
  {
    const tx = new NbTxn(await readNbSnapshot(nb));
    lrRouteAdd(tx, { router: 'ovn-cluster', prefix: '0.0.0.0/0', nexthop: joinIp('node1') });
    await nb.transact(NB_DATABASE, tx.operations());
  }
  for (const p of SCENARIO.pods) {
    const lsp = `${p.name}.${p.namespace}`;
    const r = records.find((x) => x.name === lsp)!;
    const { prefix, gateway } = prefixOf(subnets, r.subnet);
    pods.set(
      p.name,
      await topo.addPod({
        name: p.name,
        node: p.node,
        lsp,
        mac: r.mac.toLowerCase(),
        cidr: `${r.ip}/${prefix}`,
        gateway,
      }),
    );
  }
  // Each node's ovn0 on join (Kube-OVN's management port), with routes to the pod subnets.
  const join = prefixOf(subnets, 'join');
  const podCidrs = subnets
    .filter((s) => s.name !== 'join')
    .flatMap((s) =>
      parseCidrBlock(s.cidrBlock)
        .filter((c) => c.family === 4)
        .map((c) => c.text),
    );
  for (const node of topo.nodes) {
    const rec = records.find((x) => x.name === nodePortName(node.name))!;
    await node.ovs.transact(
      'Open_vSwitch',
      addPort('br-int', { name: 'ovn0', type: 'internal', externalIds: { 'iface-id': rec.name } }),
    );
    await waitFor(`ovn0 in ${node.name}`, () => node.exec('ip', ['link', 'show', 'ovn0']).then(() => true), 20_000, 50);
    await node.exec('sh', [
      '-c',
      [
        `ip link set ovn0 address ${rec.mac.toLowerCase()} mtu 1400 up`,
        `ip addr add ${rec.ip}/${join.prefix} dev ovn0`,
        ...podCidrs.map((c) => `ip route add ${c} via ${join.gateway} dev ovn0`),
      ].join(' && '),
    ]);
  }
  // The outside host: a namespace inside node1, joined to it by a veth.
  const n1 = topo.node('node1');
  await n1.exec('sh', [
    '-c',
    [
      'ip netns add outside',
      'ip netns exec outside ip link set lo up',
      `ip link add ${OUTSIDE.nodeIf} type veth peer name ${OUTSIDE.hostIf} netns outside`,
      `ip addr add ${OUTSIDE.nodeIp}/${OUTSIDE.prefix} dev ${OUTSIDE.nodeIf}`,
      `ip link set ${OUTSIDE.nodeIf} up`,
      'sysctl -qw net.ipv4.ip_forward=1',
      `ip netns exec outside ip addr add ${OUTSIDE.hostIp}/${OUTSIDE.prefix} dev ${OUTSIDE.hostIf}`,
      `ip netns exec outside ip link set ${OUTSIDE.hostIf} up`,
      `ip netns exec outside ip route add 10.0.0.0/8 via ${OUTSIDE.nodeIp}`,
    ].join(' && '),
  ]);
  natPlan = renderNatOutgoing(subnets);
  for (const argv of natOutgoingCommands(natPlan)) await n1.exec(argv[0]!, argv.slice(1));
  await waitFor(
    'every pod and node port bound in SB',
    async () => {
      const v = await readSbView(sb);
      return records.every((r) => v.port(r.name)?.chassis !== undefined) ? true : undefined;
    },
    60_000,
    200,
  );
}, 300_000);

afterAll(async () => {
  await nb?.close();
  await sb?.close();
  await topo?.stop();
}, 120_000);

test('the topology: two chassis with geneve encaps at the node containers’ addresses', async () => {
  const out = await topo.central.sbctl('--bare', '--columns=type,ip', 'list', 'Encap');
  for (const n of topo.nodes) expect(out).toContain(n.underlayIp);
  expect(out).toContain('geneve');
  // br-phy carries the node's address (userspace tunnelling)
  expect(await topo.node('node2').exec('ip', ['-4', '-o', 'addr', 'show', 'br-phy'])).toContain(
    topo.node('node2').underlayIp,
  );
});

test('ovn-trace on the container central’s Southbound (northd ran in the container): across nodes delivered, subnet1 → ovn-default routed through ovn-cluster', async () => {
  await topo.central.nbctl('--wait=sb', 'sync');
  const rec = (n: string) => records.find((r) => r.name === n)!;
  const trace = async (dp: string, from: IpRecord, dstMac: string, to: IpRecord): Promise<string> =>
    (
      await execFileP('ovn-trace', [
        `--db=${topo.central.sb.tcp}`,
        '--minimal',
        dp,
        `inport == "${from.name}" && eth.src == ${from.mac.toLowerCase()} && eth.dst == ${dstMac} && ip4.src == ${from.ip} && ip4.dst == ${to.ip} && ip.ttl == 64 && icmp4`,
      ])
    ).stdout;
  const outputs = (out: string) => [...out.matchAll(/output\("([^"]+)"\)/g)].map((m) => m[1]);
  const [p1, p3] = [rec(`${P1}.default`), rec(`${P3}.default`)];
  expect(outputs(await trace('ovn-default', p1, p3.mac.toLowerCase(), p3))).toEqual([p3.name]);
  const q1 = rec(`${Q1}.ns1`);
  const gwMac = (await topo.central.nbctl('get', 'Logical_Router_Port', 'ovn-cluster-subnet1', 'mac'))
    .trim()
    .replace(/"/g, '');
  const routed = await trace('subnet1', q1, gwMac, rec(`${P2}.default`));
  expect(outputs(routed)).toEqual([`${P2}.default`]);
  expect(routed).toContain('ip.ttl--;');
});

test('same node: ovn-default-node1-pod1 → ovn-default-node1-pod2', async () => {
  await ping(pod(P1).exec, pod(P2).ip, 1);
  expect(await ping(pod(P1).exec, pod(P2).ip)).toBe(3);
});

test('across nodes over GENEVE: pod1 → pod3 and subnet1 → pod3 (routed); every captured frame decodes and names the right switch and ports', async () => {
  const n1 = topo.node('node1');
  const pcap = join(n1.vswitch.dir, 'underlay.pcap');
  // warm the tunnel and ARP first (the first packet on a new tunnel may be dropped)
  await ping(pod(P1).exec, pod(P3).ip, 1);
  await ping(pod(Q1).exec, pod(P3).ip, 1);
  const cap = await tcpdump(n1, `-i eth1 -w ${pcap} -c 500 udp port 6081`, pcap);
  expect(await ping(pod(P1).exec, pod(P3).ip)).toBe(3);
  expect(await ping(pod(Q1).exec, pod(P3).ip)).toBe(3);
  await cap.stop();

  const view = await readSbView(sb);
  const lines = explainTunnelCapture(readFileSync(pcap), logicalNamesFromSb(view));
  for (const l of lines) console.log(`${l.tcpdump}\n${l.logical}`);
  expect(lines.length).toBeGreaterThanOrEqual(12);
  const ends = topo.nodes.map((n) => n.underlayIp);
  for (const l of lines) {
    expect(ends).toContain(l.tcpdump.split(' ')[2]!.split('.').slice(0, 4).join('.'));
    expect(l.frame.udp.dstPort).toBe(6081);
    expect(l.explained.datapath, l.tcpdump).toBeDefined();
    expect(l.explained.ingress, l.tcpdump).toBeDefined();
    expect(l.explained.egress, l.tcpdump).toBeDefined();
    expect(view.datapathByKey(l.explained.vni)?.name).toBe(l.explained.datapath);
  }
  const ovnDefault = view.datapathByName('ovn-default')!;
  const lsp = (p: string) => pod(p).lsp;
  const find = (re: RegExp) => lines.filter((l) => re.test(l.explained.what));
  const [p1, p3, q1] = [pod(P1).ip, pod(P3).ip, pod(Q1).ip];
  const req = find(new RegExp(`^ICMP echo request ${p1} > ${p3}$`));
  const rep = find(new RegExp(`^ICMP echo reply ${p3} > ${p1}$`));
  expect(req.length).toBeGreaterThanOrEqual(3);
  expect(rep.length).toBeGreaterThanOrEqual(3);
  for (const l of req)
    expect([l.explained.vni, l.explained.ingress, l.explained.egress]).toEqual([
      ovnDefault.tunnelKey,
      lsp(P1),
      lsp(P3),
    ]);
  for (const l of rep)
    expect([l.explained.vni, l.explained.ingress, l.explained.egress]).toEqual([
      ovnDefault.tunnelKey,
      lsp(P3),
      lsp(P1),
    ]);
  const routed = find(new RegExp(`^ICMP echo request ${q1} > ${p3}$`));
  expect(routed.length).toBeGreaterThanOrEqual(3);
  for (const l of routed)
    expect([l.explained.datapath, l.explained.ingress, l.explained.egress]).toEqual([
      'ovn-default',
      'ovn-default-ovn-cluster',
      lsp(P3),
    ]);
});

/** Pings the outside host from a pod while tcpdump on the outside host records the sources it sees. */
async function egress(p: string): Promise<{ received: number; sources: string[] }> {
  const n1 = topo.node('node1');
  const file = join(n1.vswitch.dir, `egress-${p}`);
  const cap = await tcpdump(n1, `-l -i ${OUTSIDE.hostIf} -c 3 icmp and dst host ${OUTSIDE.hostIp}`, file, 'outside');
  const received = await ping(pod(p).exec, OUTSIDE.hostIp, 3);
  const out = await cap.stop();
  const sources = [...out.matchAll(/IP (\d+\.\d+\.\d+\.\d+) > /g)].map((m) => m[1]!);
  return { received, sources };
}

test('egress: node1 carries the rendered NAT rules; a natOutgoing pod reaches the outside host as node1', async () => {
  const n1 = topo.node('node1');
  const rules = (await n1.exec('iptables', ['-t', 'nat', '-S'])).split('\n');
  for (const line of natOutgoingRuleLines(natPlan)) expect(rules).toContain(line);
  expect(await n1.exec('ipset', ['list', 'ovn40subnets-nat'])).toMatch(/10\.66\.0\.0\/16/);
  await ping(pod(Q1).exec, OUTSIDE.hostIp, 1);
  const r = await egress(Q1);
  expect(r.received).toBe(3);
  expect(r.sources.length).toBeGreaterThan(0);
  expect(new Set(r.sources)).toEqual(new Set([OUTSIDE.nodeIp]));
});

test('egress: a pod of a subnet without natOutgoing (ovn-default) is not translated', async () => {
  await ping(pod(P1).exec, OUTSIDE.hostIp, 1);
  const r = await egress(P1);
  expect(r.received).toBe(3);
  expect(r.sources.length).toBeGreaterThan(0);
  expect(new Set(r.sources)).toEqual(new Set([pod(P1).ip]));
  expect(await ping(inOutside, pod(P1).ip, 1)).toBe(1); // and the outside host routes back to it
});

test('teardown removes every container, the network and the node dirs', async () => {
  const before = await harnessContainers();
  expect(before.filter((n) => /-(central|node1|node2)$/.test(n))).toHaveLength(3);
  const dirs = topo.nodes.map((n) => n.vswitch.dir);
  const nets = await harnessNetworks();
  expect(nets.filter((n) => /-(underlay|mgmt)$/.test(n))).toHaveLength(2);
  await nb.close();
  await sb.close();
  await topo.stop();
  expect(await harnessContainers()).toEqual([]);
  expect((await harnessNetworks()).filter((n) => /-(underlay|mgmt)$/.test(n))).toEqual([]);
  const { existsSync } = await import('node:fs');
  for (const d of dirs) expect(existsSync(d)).toBe(false);
});
