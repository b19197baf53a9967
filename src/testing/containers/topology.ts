/**
 * The container backend of `startTopology`: central (NB, SB, ovn-northd) in one container and each node
 * a privileged container running its own Open_vSwitch ovsdb-server, `ovs-vswitchd` (netdev datapath)
 * and `ovn-controller`, all on one user-defined network that is the underlay: each node's `eth0` becomes
 * a port of a netdev bridge `br-phy` that takes over the node's address (userspace tunnelling), so GENEVE
 * runs between the node containers. Pods are network namespaces inside their node's container, their
 * veth host end a br-int port bound to the pod's logical switch port. Node configuration goes through
 * this SDK's OVSDB client (on the node's published port 6640) and Open_vSwitch builders, as in the
 * process backend. `stop()` removes every container, the network and the temp dirs, also after a
 * failed start.
 *
 * Handles as in the process backend, with these meanings: `node.netns` and `pod.netns` are names
 * inside the node's container (`exec` runs there); `node.vswitch.dir` is a host temp dir mounted at the
 * same path in the node (sockets, logs, pidfiles); `underlay.netns` is `''` (the engine host's own) and
 * `underlay.bridge` the network's Linux bridge there (Linux engines only; or capture inside a node).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OvsdbClient } from '../../ovsdb/index.js';
import { addBridge, addPort, setOpenvSwitchExternalIds } from '../../vswitch/index.js';
import type { Topology, TopologyOptions, TopoNode, TopoPod } from '../topology.js';
import type { Vswitchd } from '../vswitchd.js';
import { HarnessError, waitFor } from '../process.js';
import { nodeImage } from './runtime.js';
import { containerName, createNetwork, startContainer, uniqueTag, type Ctr, type CtrNetwork } from './engine.js';
import { startOvnCentralContainer } from './central.js';

/** Programs a node image must have. */
export const NODE_PROGRAMS = [
  'ovsdb-server',
  'ovsdb-tool',
  'ovs-vsctl',
  'ovs-vswitchd',
  'ovs-appctl',
  'ovs-ofctl',
  'ovn-controller',
  'ip',
  'sysctl',
] as const;

/** Options of the container topology (the process options: `image` is the nodes', `centralImage` the central's). */
export type ContainerTopologyOptions = TopologyOptions;

const OVSDB_PORT = 6640;

function nodeScript(dir: string): string {
  const f = (x: string) => join(dir, x);
  const db = `unix:${f('db.sock')}`;
  return [
    'mkdir -p /var/run/openvswitch /var/run/ovn',
    `ovsdb-tool create ${f('conf.db')} /usr/share/openvswitch/vswitch.ovsschema`,
    `ovsdb-server --detach --no-chdir --pidfile=${f('ovsdb-server.pid')} --unixctl=${f('ovsdb-server.ctl')} --log-file=${f('ovsdb-server.log')} --remote=punix:${f('db.sock')} --remote=ptcp:${OVSDB_PORT}:0.0.0.0 ${f('conf.db')}`,
    `ovs-vsctl --db=${db} --no-wait init`,
    `ovs-vswitchd --detach --no-chdir --pidfile=${f('ovs-vswitchd.pid')} --unixctl=${f('ovs-vswitchd.ctl')} --log-file=${f('ovs-vswitchd.log')} ${db}`,
    `ovs-vsctl --db=${db} --timeout=20 set Open_vSwitch . other_config:harness=1`,
    // The lab's facts for a netdev underlay port: no IPv6, answer ARP only for the port's own address.
    'sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1 ',
  ].join('\n');
}

/** The container backend of `startTopology` (called through it with `runtime: 'container'`). */
export async function startTopologyContainer(opts: ContainerTopologyOptions = {}): Promise<Topology> {
  if (opts.central)
    throw new HarnessError(
      'a container topology starts its own central (the `central` option is for the process backend)',
    );
  const names = opts.nodes ?? ['node1', 'node2'];
  const tag = uniqueTag();
  const cleanups: (() => Promise<void>)[] = [];
  const cleanup = async () => {
    for (const c of cleanups.splice(0).reverse()) await c().catch(() => undefined);
  };
  try {
    // Two networks: `mgmt` (the central's SB and the nodes' published OVSDB port: plain kernel
    // interfaces) and `underlay` (each node's eth1, taken over by br-phy: only GENEVE crosses it, as
    // the userspace datapath mangles host TCP with offloaded checksums).
    const mgmt: CtrNetwork = await createNetwork(containerName('mgmt', tag));
    cleanups.push(() => mgmt.remove());
    const net: CtrNetwork = await createNetwork(containerName('underlay', tag));
    cleanups.push(() => net.remove());
    const centralIp = mgmt.address(1);
    const image = nodeImage(opts.image);
    // Central and nodes start in parallel.
    const dirs = names.map(() => mkdtempSync(join(tmpdir(), 'ovn-node-ctr-')));
    cleanups.push(async () => {
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
    });
    const [centralR, ...nodeRs] = await Promise.allSettled([
      startOvnCentralContainer({
        ...(opts.centralImage ? { image: opts.centralImage } : {}),
        containerName: containerName('central', tag),
        network: { name: mgmt.name, ip: centralIp },
      }),
      ...names.map((name, i) =>
        startContainer({
          image,
          name: i === 0 && opts.containerName ? opts.containerName : containerName(name, tag),
          needs: NODE_PROGRAMS,
          bind: dirs[i]!,
          privileged: true,
          network: { name: mgmt.name, ip: mgmt.address(i + 2) },
          ports: [{ container: OVSDB_PORT }],
          env: {
            OVS_RUNDIR: dirs[i]!,
            OVS_DBDIR: dirs[i]!,
            OVS_LOGDIR: dirs[i]!,
            OVN_RUNDIR: dirs[i]!,
            OVN_DBDIR: dirs[i]!,
            OVN_LOGDIR: dirs[i]!,
          },
          script: nodeScript(dirs[i]!),
        }),
      ),
    ]);
    if (centralR!.status === 'fulfilled') cleanups.push(() => centralR!.value.stop());
    for (const r of nodeRs) if (r.status === 'fulfilled') cleanups.push(() => r.value.remove());
    const failed = [centralR!, ...nodeRs].find((r) => r.status === 'rejected');
    if (failed) throw (failed as PromiseRejectedResult).reason;
    const central = (centralR as PromiseFulfilledResult<Awaited<ReturnType<typeof startOvnCentralContainer>>>).value;
    const ctrs = (nodeRs as PromiseFulfilledResult<Ctr>[]).map((r) => r.value);

    const nodes: TopoNode[] = [];
    for (const [i, name] of names.entries()) {
      const ctr = ctrs[i]!;
      const dir = dirs[i]!;
      const env = {
        OVS_RUNDIR: dir,
        OVS_DBDIR: dir,
        OVS_LOGDIR: dir,
        OVS_SYSCONFDIR: dir,
        OVS_PKGDATADIR: '/usr/share/openvswitch',
        OVN_RUNDIR: dir,
        OVN_LOGDIR: dir,
        OVN_DBDIR: dir,
      };
      const exec = (cmd: string, args: readonly string[]) => ctr.exec([cmd, ...args], { env });
      const dbRemote = `unix:${join(dir, 'db.sock')}`;
      const vswitch: Vswitchd = {
        dir,
        netns: undefined,
        dbRemote,
        env,
        vsctl: (...args) => exec('ovs-vsctl', [`--db=${dbRemote}`, '--timeout=10', ...args]),
        ofctl: (...args) => exec('ovs-ofctl', args),
        appctl: (...args) => exec('ovs-appctl', ['-t', join(dir, 'ovs-vswitchd.ctl'), ...args]),
        exec,
        log: async () => {
          try {
            return readFileSync(join(dir, 'ovs-vswitchd.log'), 'utf8');
          } catch {
            return '';
          }
        },
        stop: () => ctr.remove(),
      };
      // The underlay: eth1 on `underlay`, made a port of the netdev bridge br-phy, which takes over its
      // address and MAC (userspace tunnelling; the lab's arp_ignore / rp_filter facts apply to eth1).
      await net.connect(ctr, net.address(i + 2));
      await ctr.sh(
        [
          'sysctl -qw net.ipv4.conf.eth1.arp_ignore=8 net.ipv4.conf.eth1.rp_filter=1',
          "ip=$(ip -4 -o addr show dev eth1 | awk '{print $4}'); mac=$(cat /sys/class/net/eth1/address)",
          `ovs-vsctl --db=unix:${join(dir, 'db.sock')} --timeout=20 add-br br-phy -- set bridge br-phy datapath_type=netdev other-config:hwaddr=$mac -- add-port br-phy eth1`,
          'i=0; until ip link show br-phy >/dev/null 2>&1; do i=$((i+1)); [ $i -lt 400 ] || exit 1; sleep 0.05; done',
          'ip addr del $ip dev eth1 && ip addr add $ip dev br-phy && ip link set br-phy up',
        ].join(' && '),
        { env },
      );
      const ovs = await OvsdbClient.connect(`tcp:127.0.0.1:${ctr.mappedPort(OVSDB_PORT)}`);
      cleanups.push(() => ovs.close());
      const underlayIp = net.address(i + 2);
      const chassis = `${name}-chassis`;
      await ovs.transact('Open_vSwitch', [
        ...setOpenvSwitchExternalIds({
          'system-id': chassis,
          hostname: name,
          'ovn-remote': `tcp:${centralIp}:6642`,
          'ovn-encap-type': 'geneve',
          'ovn-encap-ip': underlayIp,
          'ovn-bridge-datapath-type': 'netdev',
        }),
        ...addBridge({
          name: 'br-int',
          datapathType: 'netdev',
          failMode: 'secure',
          otherConfig: { 'disable-in-band': 'true' },
        }),
      ]);
      await ctr.sh(
        `ovn-controller --detach --no-chdir --pidfile=${join(dir, 'ovn-controller.pid')} --log-file=${join(dir, 'ovn-controller.log')} ${dbRemote}`,
        { env },
      );
      nodes.push({ name, netns: ctr.name, underlayIp, chassis, vswitch, ovs, exec: (cmd, args) => exec(cmd, args) });
    }
    await waitFor(
      'every chassis in SB',
      async () => {
        const out = await central.sbctl('--bare', '--columns=name', 'list', 'Chassis');
        return nodes.every((n) => out.includes(n.chassis)) ? true : undefined;
      },
      60_000,
      200,
    );

    const pods: TopoPod[] = [];
    const nodeByName = (name: string): TopoNode => {
      const n = nodes.find((x) => x.name === name);
      if (!n) throw new HarnessError(`no node ${name} in this topology`);
      return n;
    };
    return {
      central,
      underlay: { netns: '', bridge: net.bridge },
      nodes,
      node: nodeByName,
      async addPod(spec) {
        const node = nodeByName(spec.node);
        const ctr = ctrs[nodes.indexOf(node)]!;
        const netns = spec.name.slice(0, 40);
        const host = `v${pods.length}${tag}`.slice(0, 15);
        const inPod = (cmd: string, args: readonly string[]) => ctr.exec(['ip', 'netns', 'exec', netns, cmd, ...args]);
        await ctr.sh(
          [
            `ip netns add ${netns}`,
            `ip netns exec ${netns} ip link set lo up`,
            `ip link add ${host} type veth peer name eth0 netns ${netns}`,
            `ip netns exec ${netns} ip link set eth0 address ${spec.mac} mtu 1400 up`,
            `ip netns exec ${netns} ip addr add ${spec.cidr} dev eth0`,
            ...(spec.gateway ? [`ip netns exec ${netns} ip route add default via ${spec.gateway}`] : []),
            // veth checksum offload breaks TCP/UDP through the userspace datapath
            `ip netns exec ${netns} ethtool -K eth0 tx off >/dev/null 2>&1 || true`,
            `ip link set ${host} mtu 1400 up`,
          ].join(' && '),
        );
        await node.ovs.transact(
          'Open_vSwitch',
          addPort('br-int', { name: host, externalIds: { 'iface-id': spec.lsp } }),
        );
        const pod: TopoPod = { ...spec, netns, ip: spec.cidr.split('/')[0]!, exec: inPod };
        pods.push(pod);
        return pod;
      },
      stop: cleanup,
    };
  } catch (e) {
    await cleanup();
    throw e;
  }
}
