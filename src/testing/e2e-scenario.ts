/**
 * The seed's Kube-OVN scenario on a real two-node OVN data plane, configured through this SDK:
 * the kube model (VPC `ovn-cluster`, subnets `join`, `ovn-default`, `subnet1`), the pods as network
 * namespaces bound to the reconciler's switch ports, each node's `ovn0` management port on `join`, an
 * "outside" namespace joined to node1 by a veth, and node1's egress NAT from the kube model's rendered
 * ipset / iptables commands. Used by the end-to-end test and `examples/dataplane.ts`.
 *
 * Traffic stays inside the namespaces created here: pods, nodes, the underlay and the outside host.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { OvsdbClient } from '../ovsdb/index.js';
import { addPort } from '../vswitch/index.js';
import { NB_DATABASE, NbTxn, lrRouteAdd, readNbSnapshot } from '../ovn-nb/index.js';
import { readSbView, type SbView } from '../ovn-sb/index.js';
import { SdkError } from '../errors.js';
import {
  DEFAULT_VPC,
  defaultSubnets,
  natOutgoingCommands,
  nodePortName,
  reconcile,
  renderNatOutgoing,
  type IpRecord,
  type KubeDesiredState,
  type NatOutgoingPlan,
  type ReconcileResult,
  type Subnet,
  type SubnetInput,
} from '../kube/index.js';
import { parseCidrBlock } from '../ipam/index.js';
import { startTopology, type Topology, type TopoPod } from './topology.js';
import { createNetns, deleteNetns, run as runIn } from './vswitchd.js';
import { alive, terminate, track, untrack, waitFor } from './process.js';

/** A step of the end-to-end scenario failed (which step, and the command or check at fault). */
export class E2eStepError extends SdkError {
  constructor(
    readonly step: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super('E2E_STEP_FAILED', `${step}: ${message}`, options);
  }
}

/** A background helper (tshark, a TCP server) did not become ready or exited badly. */
export class E2eHelperError extends SdkError {
  constructor(
    readonly helper: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super('E2E_HELPER_FAILED', `${helper}: ${message}`, options);
  }
}

/** The outside network: a namespace joined to node1 by a veth. */
export const OUTSIDE = {
  nodeIp: '172.31.0.1',
  hostIp: '172.31.0.2',
  prefix: 24,
  nodeIf: 'out0',
  hostIf: 'eth0',
} as const;

/**
 * The subnets of the scenario: `join`, `ovn-default` (here *without* natOutgoing, so the test has a
 * subnet that is not translated) and `subnet1` (namespace ns1, excludeIps 10.66.0.1..10.66.0.10,
 * natOutgoing).
 */
export function scenarioSubnets(): (Subnet | SubnetInput)[] {
  const [join, ovnDefault] = defaultSubnets();
  return [
    join!,
    { ...ovnDefault!, natOutgoing: false },
    {
      name: 'subnet1',
      cidrBlock: '10.66.0.0/16',
      excludeIps: ['10.66.0.1..10.66.0.10'],
      gateway: '10.66.0.1',
      gatewayType: 'distributed',
      natOutgoing: true,
      namespaces: ['ns1'],
    },
  ];
}

/** The desired state of the seed's scenario. */
export const SCENARIO: KubeDesiredState = {
  subnets: scenarioSubnets(),
  nodes: ['node1', 'node2'],
  pods: [
    { name: 'ovn-default-node1-pod1', namespace: 'default', node: 'node1' },
    { name: 'ovn-default-node1-pod2', namespace: 'default', node: 'node1' },
    { name: 'ovn-default-node2-pod3', namespace: 'default', node: 'node2' },
    { name: 'subnet1-node1-pod1', namespace: 'ns1', node: 'node1' },
  ],
};

/** A pod of the scenario with its IP record. */
export interface ScenarioPod extends TopoPod {
  readonly record: IpRecord;
}

/** The running scenario. */
export interface E2eScenario {
  readonly topo: Topology;
  /** This SDK's clients on NB and SB. */
  readonly nb: OvsdbClient;
  readonly sb: OvsdbClient;
  readonly reconciled: ReconcileResult;
  /** Pods by name (`ovn-default-node1-pod1`, …). */
  readonly pods: ReadonlyMap<string, ScenarioPod>;
  /** Each node's join (ovn0) address. */
  readonly nodeJoinIp: ReadonlyMap<string, string>;
  /** The outside host's namespace. */
  readonly outsideNetns: string;
  /** The NAT plan applied on node1. */
  readonly natPlan: NatOutgoingPlan;
  /** Runs a command in the outside namespace. */
  outsideExec(cmd: string, args: readonly string[], o?: { timeoutMs?: number }): Promise<string>;
  pod(name: string): ScenarioPod;
  /** A fresh SB view (datapath and port tunnel keys). */
  sbView(): Promise<SbView>;
  stop(): Promise<void>;
}

/** Options of {@link startE2eScenario}. */
export interface E2eScenarioOptions {
  /** Progress lines (default: none). */
  readonly log?: (line: string) => void;
}

function prefixOf(subnets: readonly Subnet[], name: string): { prefix: number; gateway: string } {
  const s = subnets.find((x) => x.name === name);
  if (!s) throw new E2eStepError('plan', `no subnet ${name}`);
  const c = parseCidrBlock(s.cidrBlock).find((x) => x.family === 4);
  if (!c) throw new E2eStepError('plan', `subnet ${name} has no IPv4 block`);
  return { prefix: c.prefix, gateway: s.gateway.split(',')[0]! };
}

/**
 * Starts the whole scenario: topology (central + node1 + node2), reconcile the kube model into NB,
 * a default route of `ovn-cluster` to node1's join address (node1 is the egress node), the pods, the
 * nodes' `ovn0` ports, the outside namespace and node1's NAT. Resolves once every port is bound in SB.
 * Everything is torn down by `stop()`, also when starting fails.
 * @throws E2eStepError `E2E_STEP_FAILED`, and the harness' errors (`HARNESS_*`)
 */
export async function startE2eScenario(opts: E2eScenarioOptions = {}): Promise<E2eScenario> {
  const log = opts.log ?? (() => undefined);
  const cleanups: (() => Promise<void>)[] = [];
  const cleanup = async () => {
    for (const c of cleanups.splice(0).reverse()) await c().catch(() => undefined);
  };
  try {
    const t0 = Date.now();
    const topo = await startTopology({ nodes: ['node1', 'node2'] });
    cleanups.push(() => topo.stop());
    log(`topology up (central, node1, node2) in ${Date.now() - t0} ms`);
    const nb = await OvsdbClient.connect(topo.central.nb.unix);
    cleanups.push(() => nb.close());
    const sb = await OvsdbClient.connect(topo.central.sb.unix);
    cleanups.push(() => sb.close());

    const reconciled = await reconcile(nb, SCENARIO, { macSeed: 8 });
    log(`reconciled the kube model: ${reconciled.operations.length} NB operations`);
    const subnets = reconciled.ipam.subnets;
    const records = reconciled.ipam.records;
    const nodeJoinIp = new Map<string, string>();
    for (const n of SCENARIO.nodes ?? []) {
      const r = records.find((x) => x.name === nodePortName(n));
      if (!r) throw new E2eStepError('reconcile', `no join record for ${n}`);
      nodeJoinIp.set(n, r.ip);
    }
    // Egress: node1 is the gateway node; the cluster router sends everything it has no route for to
    // node1's ovn0 (the kube reconciler writes no gateway routes, so this uses the NB builders).
    {
      const tx = new NbTxn(await readNbSnapshot(nb));
      lrRouteAdd(tx, { router: DEFAULT_VPC, prefix: '0.0.0.0/0', nexthop: nodeJoinIp.get('node1')! });
      await nb.transact(NB_DATABASE, tx.operations());
    }

    // Pods.
    const pods = new Map<string, ScenarioPod>();
    for (const p of SCENARIO.pods) {
      const lsp = `${p.name}.${p.namespace}`;
      const record = records.find((r) => r.name === lsp);
      if (!record) throw new E2eStepError('reconcile', `no IP record for ${lsp}`);
      const { prefix, gateway } = prefixOf(subnets, record.subnet);
      const pod = await topo.addPod({
        name: p.name,
        node: p.node,
        lsp,
        mac: record.mac.toLowerCase(),
        cidr: `${record.ip}/${prefix}`,
        gateway,
      });
      pods.set(p.name, { ...pod, record });
    }
    // Node management ports: ovn0 on br-int bound to node-<name>, with the join address and routes to
    // the pod subnets via the join gateway (Kube-OVN's ovn0).
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
      await waitFor(
        `ovn0 in ${node.netns}`,
        () => node.exec('ip', ['link', 'show', 'ovn0']).then(() => true),
        10_000,
        50,
      );
      await node.exec('ip', ['link', 'set', 'ovn0', 'address', rec.mac.toLowerCase(), 'mtu', '1400', 'up']);
      await node.exec('ip', ['addr', 'add', `${rec.ip}/${join.prefix}`, 'dev', 'ovn0']);
      for (const c of podCidrs) await node.exec('ip', ['route', 'add', c, 'via', join.gateway, 'dev', 'ovn0']);
    }
    log('pods and ovn0 ports attached');

    // The outside host, joined to node1 by a veth.
    const outsideNetns = `outside-${process.pid.toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
    await createNetns(outsideNetns);
    cleanups.push(() => deleteNetns(outsideNetns));
    const outsideExec = (cmd: string, args: readonly string[], o: { timeoutMs?: number } = {}) =>
      runIn(cmd, args, { netns: outsideNetns, ...o });
    const node1 = topo.node('node1');
    await node1.exec('ip', [
      'link',
      'add',
      OUTSIDE.nodeIf,
      'type',
      'veth',
      'peer',
      'name',
      OUTSIDE.hostIf,
      'netns',
      outsideNetns,
    ]);
    await node1.exec('ip', ['addr', 'add', `${OUTSIDE.nodeIp}/${OUTSIDE.prefix}`, 'dev', OUTSIDE.nodeIf]);
    await node1.exec('ip', ['link', 'set', OUTSIDE.nodeIf, 'up']);
    await node1.exec('sysctl', ['-qw', 'net.ipv4.ip_forward=1']);
    await outsideExec('ip', ['addr', 'add', `${OUTSIDE.hostIp}/${OUTSIDE.prefix}`, 'dev', OUTSIDE.hostIf]);
    await outsideExec('ip', ['link', 'set', OUTSIDE.hostIf, 'up']);
    // The outside host can answer untranslated pod addresses too (so the no-NAT check sees a reply
    // path, and only the source address tells the two cases apart).
    await outsideExec('ip', ['route', 'add', '10.0.0.0/8', 'via', OUTSIDE.nodeIp]);

    // Egress NAT on node1, as the kube model renders it.
    const natPlan = renderNatOutgoing(subnets);
    for (const argv of natOutgoingCommands(natPlan)) await node1.exec(argv[0]!, argv.slice(1));
    log(`node1 NAT applied: ${natOutgoingCommands(natPlan).length} ipset/iptables commands`);

    // Ready when every port is bound to its chassis.
    const want = [...records.map((r) => r.name)];
    await waitFor(
      'every pod and node port bound in SB',
      async () => {
        const v = await readSbView(sb);
        return want.every((p) => v.port(p)?.chassis !== undefined) ? true : undefined;
      },
      20_000,
      100,
    );
    log(`all ${want.length} ports bound in SB, ${Date.now() - t0} ms after start`);

    return {
      topo,
      nb,
      sb,
      reconciled,
      pods,
      nodeJoinIp,
      outsideNetns,
      natPlan,
      outsideExec,
      pod(name) {
        const p = pods.get(name);
        if (!p) throw new E2eStepError('lookup', `no pod ${name}`);
        return p;
      },
      sbView: () => readSbView(sb),
      stop: cleanup,
    };
  } catch (e) {
    await cleanup();
    throw e;
  }
}

/** `ping -c count` from a namespace; resolves with the received count (never throws on loss). */
export async function ping(netns: string, to: string, count = 3): Promise<{ received: number; output: string }> {
  try {
    const out = await runIn('ping', ['-c', String(count), '-i', '0.2', '-W', '2', to], {
      netns,
      timeoutMs: 5_000 + count * 2_500,
    });
    return { received: Number(/(\d+) received/.exec(out)?.[1] ?? 0), output: out };
  } catch (e) {
    const out =
      String((e as { stderr?: string }).stderr ?? '') +
      String((e as { cause?: { stdout?: string } }).cause?.stdout ?? '');
    return { received: Number(/(\d+) received/.exec(out)?.[1] ?? 0), output: out };
  }
}

/** A background process started in a namespace, stopped by its pid. */
export interface Background {
  readonly pid: number;
  readonly stdout: () => string;
  readonly stderr: () => string;
  /** Resolves with the exit code (or signal name) once the process has exited. */
  readonly exited: Promise<number | string>;
  /** Sends `signal` (default SIGTERM), SIGKILL after a grace period; resolves once it is gone. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * Starts `cmd` inside `netns` (`ip netns exec` execs into it, so the pid is the command's own) and
 * resolves once `ready` matches its stdout or stderr.
 * @throws E2eHelperError `E2E_HELPER_FAILED` when it exits or does not get ready within `timeoutMs`
 */
export async function startBackground(
  netns: string,
  cmd: string,
  args: readonly string[],
  ready: RegExp,
  timeoutMs = 10_000,
): Promise<Background> {
  const child: ChildProcess = spawn('ip', ['netns', 'exec', netns, cmd, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | string>((res) => child.on('exit', (code, sig) => res(code ?? sig ?? -1)));
  const pid = child.pid;
  if (pid === undefined) throw new E2eHelperError(cmd, 'could not be spawned');
  track(pid);
  let gone = false;
  void exited.then(() => {
    gone = true;
    untrack(pid);
  });
  const bg: Background = {
    pid,
    stdout: () => out,
    stderr: () => err,
    exited,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (!gone && alive(pid)) await terminate(pid, signal, 5000);
      await Promise.race([exited, new Promise((r) => setTimeout(r, 2000))]);
      untrack(pid);
    },
  };
  try {
    await waitFor(
      `${cmd} ready`,
      () => {
        if (ready.test(out) || ready.test(err)) return true;
        if (gone) throw new E2eHelperError(cmd, `exited before ready: ${err.trim().slice(-300)}`);
        return undefined;
      },
      timeoutMs,
      20,
    );
  } catch (e) {
    await bg.stop('SIGINT');
    throw e instanceof E2eHelperError
      ? e
      : new E2eHelperError(cmd, `not ready within ${timeoutMs} ms: ${err.trim().slice(-300)}`, { cause: e });
  }
  return bg;
}

/**
 * Starts tshark in `netns` on `iface`, bounded by `maxPackets` and `maxSeconds`, writing a classic pcap
 * to `file`. Resolves once tshark is capturing.
 */
export function startTshark(
  netns: string,
  iface: string,
  filter: string,
  file: string,
  maxPackets: number,
  maxSeconds: number,
): Promise<Background> {
  return startBackground(
    netns,
    'tshark',
    [
      '-n',
      '-q',
      '-i',
      iface,
      '-f',
      filter,
      '-F',
      'pcap',
      '-w',
      file,
      '-c',
      String(maxPackets),
      '-a',
      `duration:${maxSeconds}`,
    ],
    /Capturing on/,
  );
}

/** Stops a capture (SIGINT lets tshark flush) and waits for the file. */
export async function stopTshark(bg: Background, file: string): Promise<void> {
  await bg.stop('SIGINT');
  await waitFor(`capture ${file}`, () => (existsSync(file) ? true : undefined), 5_000, 20);
}

/** Source of the TCP echo server run with `node -e` inside a pod (exits by itself after `lifeMs`). */
export function echoServerScript(host: string, port: number, lifeMs: number): string {
  return `const s=require('net').createServer(c=>{c.pipe(c);c.on('error',()=>{})});s.listen(${port},'${host}',()=>console.log('listening'));setTimeout(()=>process.exit(0),${lifeMs}).unref();`;
}

/** Source of a TCP client: sends the file `inFile`, writes what comes back to `outFile`. */
export function echoClientScript(host: string, port: number, inFile: string, outFile: string): string {
  return (
    `const fs=require('fs');const data=fs.readFileSync(${JSON.stringify(inFile)});const parts=[];` +
    `const c=require('net').connect(${port},'${host}',()=>c.end(data));c.on('data',d=>parts.push(d));` +
    `c.on('end',()=>{fs.writeFileSync(${JSON.stringify(outFile)},Buffer.concat(parts));process.exit(0)});` +
    `c.on('error',e=>{console.error(e.message);process.exit(2)});setTimeout(()=>{console.error('timeout');process.exit(3)},15000).unref();`
  );
}
