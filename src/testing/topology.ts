/**
 * A Kube-OVN-like OVN data plane on one machine, for tests: central NB + SB + ovn-northd; N nodes, each a
 * network namespace with its own Open_vSwitch ovsdb-server, `ovs-vswitchd` (netdev datapath) and
 * `ovn-controller`, joined by a veth underlay; pods as further namespaces whose veth host end is a br-int
 * port bound to the pod's logical switch port. Node configuration is written with this SDK's own OVSDB
 * client and Open_vSwitch builders, not with ovs-vsctl. Everything is torn down by `stop()` (processes,
 * namespaces, links, temp dirs), also after a failed start.
 *
 * Traffic stays inside the namespaces created here; the underlay uses 192.168.251.0/24 inside them.
 * The facts this relies on (userspace tunnelling through a netdev `br-phy`, arp_ignore, checksum offload)
 * are in the project's OVS lab notes.
 */
import { join } from 'node:path';
import { OvsdbClient } from '../ovsdb/index.js';
import { addBridge, addPort, setOpenvSwitchExternalIds } from '../vswitch/index.js';
import { startOvnCentral, type OvnCentral } from './ovsdb-server.js';
import { startVswitchd, createNetns, deleteNetns, run as runIn, type Vswitchd } from './vswitchd.js';
import { HarnessError, readPid, terminate, track, untrack, waitFor } from './process.js';
import { containerBackend, resolveRuntime, type RuntimeOptions } from './containers/runtime.js';

/** Options of {@link startTopology}: node names, an existing central, the runtime and images. */
export interface TopologyOptions extends RuntimeOptions {
  /** Node names (default `['node1', 'node2']`). */
  nodes?: readonly string[];
  /** Start from an existing central instead of starting one (it is not stopped by `stop()`). */
  central?: OvnCentral;
  /** Container runtime: the central's image (`image` is the nodes'). */
  centralImage?: string;
}

/** One hypervisor node of a {@link Topology}: its namespace, underlay address, chassis name and vswitchd. */
export interface TopoNode {
  readonly name: string;
  readonly netns: string;
  /** The node's underlay (tunnel endpoint) address. */
  readonly underlayIp: string;
  readonly chassis: string;
  readonly vswitch: Vswitchd;
  /** This SDK's client on the node's Open_vSwitch database. */
  readonly ovs: OvsdbClient;
  /** Runs a command inside the node's namespace. */
  exec(cmd: string, args: readonly string[], opts?: { timeoutMs?: number }): Promise<string>;
}

/** A pod to add to a running {@link Topology}: its node, the logical port it binds, its MAC and address. */
export interface PodSpec {
  readonly name: string;
  readonly node: string;
  /** The logical switch port this pod binds (`iface-id`). */
  readonly lsp: string;
  readonly mac: string;
  /** Address with prefix, e.g. `10.16.0.8/16`. */
  readonly cidr: string;
  readonly gateway?: string;
}

/** A pod running in a {@link Topology}: a network namespace bound to its logical port. */
export interface TopoPod extends PodSpec {
  readonly netns: string;
  readonly ip: string;
  exec(cmd: string, args: readonly string[], opts?: { timeoutMs?: number }): Promise<string>;
}

/** A running OVN topology: central, the underlay between nodes, the nodes; pods are added with `addPod`. */
export interface Topology {
  readonly central: OvnCentral;
  /** The underlay namespace: a Linux bridge `br0` there joins every node's `ul0` (capture tunnels on it). */
  readonly underlay: { readonly netns: string; readonly bridge: string };
  readonly nodes: readonly TopoNode[];
  node(name: string): TopoNode;
  addPod(spec: PodSpec): Promise<TopoPod>;
  stop(): Promise<void>;
}

const UNDERLAY = '192.168.251';

/** Starts OVN central and hypervisor nodes (each with ovs-vswitchd and ovn-controller, in a network namespace or a container) joined by GENEVE over an underlay bridge.
 * @example
 *   const topo = await startTopology({ nodes: ['node1', 'node2'] });
 *   const pod = await topo.addPod({ name: 'pod1', node: 'node1', lsp: 'pod1.default', mac: '00:00:00:00:00:01', cidr: '10.16.0.2/16' });
 *   await topo.stop();
 */
export async function startTopology(opts: TopologyOptions = {}): Promise<Topology> {
  // With runtime 'container' each node is a privileged container (containers/topology.ts).
  if (resolveRuntime(opts.runtime) === 'container') return (await containerBackend()).startTopologyContainer(opts);
  const names = opts.nodes ?? ['node1', 'node2'];
  const tag = `${process.pid.toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
  const cleanups: (() => Promise<void>)[] = [];
  const cleanup = async () => {
    for (const c of cleanups.splice(0).reverse()) await c().catch(() => undefined);
  };
  try {
    const central = opts.central ?? (await startOvnCentral({ runtime: 'process' }));
    if (!opts.central) cleanups.push(() => central.stop());
    const ul = `ul-${tag}`;
    await createNetns(ul);
    cleanups.push(() => deleteNetns(ul));
    await runIn('ip', ['link', 'add', 'br0', 'type', 'bridge'], { netns: ul });
    await runIn('ip', ['link', 'set', 'br0', 'up'], { netns: ul });

    const nodes: TopoNode[] = [];
    for (const [i, name] of names.entries()) {
      const netns = `${name}-${tag}`;
      await createNetns(netns);
      cleanups.push(() => deleteNetns(netns));
      const inNs = (cmd: string, args: readonly string[], o: { timeoutMs?: number } = {}) =>
        runIn(cmd, args, { netns, ...o });
      // Underlay link: ul0 in the node, u<i> on the underlay bridge.
      await runIn(
        'ip',
        ['link', 'add', `u${i}-${tag}`.slice(0, 15), 'type', 'veth', 'peer', 'name', 'ul0', 'netns', netns],
        { netns: ul },
      );
      await runIn('ip', ['link', 'set', `u${i}-${tag}`.slice(0, 15), 'master', 'br0', 'up'], { netns: ul });
      await inNs('sysctl', [
        '-qw',
        'net.ipv6.conf.all.disable_ipv6=1',
        'net.ipv6.conf.default.disable_ipv6=1',
        'net.ipv4.conf.ul0.arp_ignore=8',
        'net.ipv4.conf.ul0.rp_filter=1',
      ]);
      await inNs('ip', ['link', 'set', 'ul0', 'up']);

      const vswitch = await startVswitchd({ netns, prefix: `topo-${name}-` });
      cleanups.push(() => vswitch.stop());
      const ovs = await OvsdbClient.connect(vswitch.dbRemote);
      cleanups.push(() => ovs.close());
      const underlayIp = `${UNDERLAY}.${i + 1}`;
      const chassis = `${name}-chassis`;
      await ovs.transact('Open_vSwitch', [
        ...setOpenvSwitchExternalIds({
          'system-id': chassis,
          hostname: name,
          'ovn-remote': central.sb.unix,
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
        ...addBridge({ name: 'br-phy', datapathType: 'netdev' }),
        ...addPort('br-phy', { name: 'ul0' }),
      ]);
      // The tunnel endpoint address lives on br-phy (userspace tunnelling).
      await waitFor(`br-phy in ${netns}`, () => inNs('ip', ['link', 'show', 'br-phy']).then(() => true), 10_000, 50);
      await inNs('ip', ['addr', 'add', `${underlayIp}/24`, 'dev', 'br-phy']);
      await inNs('ip', ['link', 'set', 'br-phy', 'up']);

      const env = { ...vswitch.env, OVN_RUNDIR: vswitch.dir, OVN_LOGDIR: vswitch.dir, OVN_DBDIR: vswitch.dir };
      const pidfile = join(vswitch.dir, 'ovn-controller.pid');
      await runIn(
        'ovn-controller',
        [
          '--detach',
          '--no-chdir',
          `--pidfile=${pidfile}`,
          `--log-file=${join(vswitch.dir, 'ovn-controller.log')}`,
          vswitch.dbRemote,
        ],
        { netns, env },
      );
      const pid = readPid(pidfile);
      track(pid);
      cleanups.push(async () => {
        await terminate(pid);
        untrack(pid);
      });
      nodes.push({ name, netns, underlayIp, chassis, vswitch, ovs, exec: inNs });
    }
    // Ready when every chassis has registered with its geneve encap.
    await waitFor(
      'every chassis in SB',
      async () => {
        const out = await central.sbctl('--bare', '--columns=name', 'list', 'Chassis');
        return nodes.every((n) => out.includes(n.chassis)) ? true : undefined;
      },
      20_000,
      100,
    );

    const pods: TopoPod[] = [];
    const nodeByName = (name: string): TopoNode => {
      const n = nodes.find((x) => x.name === name);
      if (!n) throw new HarnessError(`no node ${name} in this topology`);
      return n;
    };
    return {
      central,
      underlay: { netns: ul, bridge: 'br0' },
      nodes,
      node: nodeByName,
      async addPod(spec) {
        const node = nodeByName(spec.node);
        const netns = `${spec.name}-${tag}`.slice(0, 40);
        const host = `v${pods.length}${tag}`.slice(0, 15);
        await createNetns(netns);
        cleanups.push(() => deleteNetns(netns));
        const inPod = (cmd: string, args: readonly string[], o: { timeoutMs?: number } = {}) =>
          runIn(cmd, args, { netns, ...o });
        await inPod('ip', ['link', 'add', 'eth0', 'type', 'veth', 'peer', 'name', host, 'netns', node.netns]);
        await inPod('ip', ['link', 'set', 'eth0', 'address', spec.mac, 'mtu', '1400', 'up']);
        await inPod('ip', ['addr', 'add', spec.cidr, 'dev', 'eth0']);
        if (spec.gateway) await inPod('ip', ['route', 'add', 'default', 'via', spec.gateway]);
        await inPod('ethtool', ['-K', 'eth0', 'tx', 'off']);
        await node.exec('ip', ['link', 'set', host, 'mtu', '1400', 'up']);
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
