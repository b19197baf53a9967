/**
 * The Kube-OVN reconciler: desired VPCs, subnets, nodes and pods → Northbound, idempotently.
 *
 * - a VPC is a logical router;
 * - a subnet is a logical switch (`other_config` subnet / exclude_ips / gateway for ovn-northd), a
 *   router port `<vpc>-<subnet>` on its VPC's router carrying the gateway address, and the matching
 *   router-type switch port `<subnet>-<vpc>`;
 * - a node gets `node-<node>` in the join subnet, a pod gets `<pod>.<namespace>` in the subnet its
 *   namespace selects, with `addresses` and `port_security` `"MAC IP"` from the IPAM plan;
 * - ports whose pod is gone are removed (their IP is free again); a subnet no longer desired is
 *   removed, unless desired pods are still in it (`KUBE_SUBNET_IN_USE`).
 *
 * The reconciler keeps no state: IP records are read back from NB on every run (switch ports with
 * `external_ids:vendor=kube-ovn`), so after a restart IPAM is rebuilt from what NB holds. Planning is
 * pure ({@link planReconcile}: desired state + NB snapshot → operations); every check happens before
 * anything is sent, and all changes go in one transaction, so bad input never half-writes.
 */
import type { OvsdbClient } from '../ovsdb/client.js';
import type { Operation } from '../ovsdb/operations.js';
import { parseAddress, parseCidrBlock } from '../ipam/index.js';
import { NB_DATABASE, NbTxn, readNbSnapshot, type NbColumns, type NbSnapshot, type NbTable } from '../ovn-nb/txn.js';
import { lsAdd, lsDel, lspAdd, lspDel, lspAddresses } from '../ovn-nb/switch.js';
import { lrAdd, lrpAdd, lrpDel } from '../ovn-nb/router.js';
import {
  DEFAULT_VPC,
  defaultSubnets,
  defaultVpc,
  nodePortName,
  planIpam,
  type IpRecord,
  type IpamPlan,
  type Pod,
  type Subnet,
  type SubnetInput,
  type Vpc,
} from './subnet-model.js';
import { KubeNbRecordError } from './reconcile-errors.js';

/** `external_ids:vendor` on every row the reconciler owns. */
export const KUBE_VENDOR = 'kube-ovn';

/** Desired state. */
export interface KubeDesiredState {
  /** VPCs (logical routers). Default: `[ovn-cluster]`. */
  readonly vpcs?: readonly Vpc[];
  /** Every subnet that should exist, `join` and `ovn-default` included (see {@link withDefaultSubnets}). */
  readonly subnets: readonly (Subnet | SubnetInput)[];
  readonly pods: readonly Pod[];
  /** Nodes; each gets a `node-<name>` port in the join subnet. */
  readonly nodes?: readonly string[];
}

/** `defaultSubnets()` (join, ovn-default) followed by `extra`. */
export function withDefaultSubnets(extra: readonly (Subnet | SubnetInput)[] = []): (Subnet | SubnetInput)[] {
  return [...defaultSubnets(), ...extra];
}

/** The tables the reconciler reads. */
export const KUBE_NB_TABLES = ['Logical_Switch', 'Logical_Switch_Port', 'Logical_Router', 'Logical_Router_Port'] as const satisfies readonly NbTable[];

/**
 * The columns of {@link KUBE_NB_TABLES} the reconciler's builders set or follow — all it reads
 * (a restart with 10,000 ports reads far less than every column).
 */
export const KUBE_NB_COLUMNS = {
  Logical_Switch: ['name', 'ports', 'other_config', 'external_ids'],
  Logical_Switch_Port: ['name', 'addresses', 'port_security', 'type', 'options', 'external_ids'],
  Logical_Router: ['name', 'ports', 'external_ids'],
  Logical_Router_Port: ['name', 'mac', 'networks', 'external_ids'],
} as const satisfies NbColumns;

/** Router port of a subnet on its VPC router: `<vpc>-<subnet>` (Kube-OVN's name). */
export function routerPortName(vpc: string, subnet: string): string {
  return `${vpc}-${subnet}`;
}
/** Router-type switch port of a subnet: `<subnet>-<vpc>`. */
export function switchRouterPortName(subnet: string, vpc: string): string {
  return `${subnet}-${vpc}`;
}

/**
 * The gateway MAC of a subnet's router port: `0a:58` + the IPv4 gateway's four bytes (as
 * ovn-kubernetes derives it), or for IPv6-only subnets `0a:58` + the gateway's last four bytes.
 * Deterministic, so a re-run never changes it.
 */
export function gatewayMac(gateway: string): string {
  const first = gateway.split(',')[0]!;
  let bytes: number[];
  if (first.includes(':')) {
    const b = parseAddress(first).value;
    bytes = [24, 16, 8, 0].map((s) => Number((b >> BigInt(s)) & 0xffn));
  } else bytes = first.split('.').map(Number);
  return ['0a', '58', ...bytes.map((x) => x.toString(16).padStart(2, '0'))].join(':');
}

/** The IP records NB holds: kube-ovn switch ports with their addresses, node and subnet. */
export function recordsFromSnapshot(snapshot: NbSnapshot): IpRecord[] {
  const out: IpRecord[] = [];
  const switchOf = new Map<string, string>();
  for (const ls of snapshot.Logical_Switch?.values() ?? []) for (const p of ls.ports) switchOf.set(p, ls.name);
  for (const p of snapshot.Logical_Switch_Port?.values() ?? []) {
    const ext = p.external_ids;
    if (ext.vendor !== KUBE_VENDOR || ext.node === undefined) continue;
    const addr = p.addresses[0];
    const parts = addr?.split(' ') ?? [];
    if (parts.length < 2) throw new KubeNbRecordError(p.name, addr ?? '');
    const subnet = switchOf.get(p._uuid) ?? ext.ls;
    if (subnet === undefined) continue; // an orphan row; OVSDB collects it
    out.push({ name: p.name, mac: parts[0]!.toUpperCase(), ip: parts.slice(1).join(','), node: ext.node, subnet });
  }
  return out;
}

/** Result of {@link planReconcile}. */
export interface ReconcilePlan {
  /** The operations to send (empty when NB already matches). */
  readonly operations: readonly Operation[];
  /** The IPAM plan: subnets with defaults, records, allocated/released, usage per subnet. */
  readonly ipam: IpamPlan;
  /** Switch names removed. */
  readonly removedSubnets: readonly string[];
}

/** Options of {@link planReconcile} and {@link reconcile}. */
export interface ReconcileOptions {
  /** Seed for generated MACs (deterministic plans). */
  readonly macSeed?: number;
}

function podExternalIds(rec: IpRecord, pod: Pod | undefined): Record<string, string> {
  const ext: Record<string, string> = { vendor: KUBE_VENDOR, ls: rec.subnet, node: rec.node };
  if (pod) ext.pod = `${pod.namespace}/${pod.name}`;
  return ext;
}

/**
 * Plans the NB changes for `desired` against `snapshot` (pure). Throws before returning anything
 * when the input is bad, so nothing is half-written.
 * @throws every error of `planIpam` (docs/errors/kube-model.md, docs/errors/ipam.md), and KubeNbRecordError `KUBE_NB_RECORD_INVALID`
 *   for a kube-ovn switch port in NB whose addresses cannot be read back
 * @example
 * const snap = await readNbSnapshot(client, KUBE_NB_TABLES, KUBE_NB_COLUMNS);
 * const plan = planReconcile({ subnets: withDefaultSubnets(), pods: [{ name: 'pod1', namespace: 'default', node: 'node1' }], nodes: ['node1'] }, snap);
 * if (plan.operations.length) await client.transact(NB_DATABASE, plan.operations);
 */
export function planReconcile(desired: KubeDesiredState, snapshot: NbSnapshot, o: ReconcileOptions = {}): ReconcilePlan {
  const vpcs = desired.vpcs ?? [defaultVpc()];
  const records = recordsFromSnapshot(snapshot);
  const ipam = planIpam({
    subnets: desired.subnets,
    vpcs,
    pods: desired.pods,
    ...(desired.nodes ? { nodes: desired.nodes } : {}),
    records,
    ...(o.macSeed === undefined ? {} : { macSeed: o.macSeed }),
  });
  const tx = new NbTxn(snapshot);
  const ext = { vendor: KUBE_VENDOR };

  for (const v of vpcs) lrAdd(tx, { name: v.name, externalIds: ext });

  for (const s of ipam.subnets) {
    const block = parseCidrBlock(s.cidrBlock);
    const v4 = block.find((c) => c.family === 4);
    const v4Gw = s.gateway.split(',').find((g) => !g.includes(':'));
    const otherConfig: Record<string, string> = {};
    if (v4) {
      otherConfig.subnet = v4.text;
      const ex = s.excludeIps.filter((e) => !e.includes(':'));
      if (ex.length) otherConfig.exclude_ips = ex.join(' ');
      if (v4Gw) otherConfig.gateway = v4Gw;
    }
    lsAdd(tx, {
      name: s.name,
      otherConfig,
      externalIds: { ...ext, vpc: s.vpc, cidr: s.cidrBlock, gateway: s.gateway, exclude_ips: s.excludeIps.join(','), nat_outgoing: String(s.natOutgoing) },
    });
    const gws = s.gateway.split(',');
    const networks = gws.map((g) => {
      const c = block.find((x) => x.family === (g.includes(':') ? 6 : 4))!;
      return `${g}/${c.prefix}`;
    });
    const lrp = routerPortName(s.vpc, s.name);
    lrpAdd(tx, { router: s.vpc, name: lrp, mac: gatewayMac(s.gateway), networks, externalIds: ext });
    lspAdd(tx, {
      switch: s.name,
      name: switchRouterPortName(s.name, s.vpc),
      type: 'router',
      addresses: ['router'],
      options: { 'router-port': lrp },
      externalIds: ext,
    });
  }

  const podByPort = new Map(desired.pods.map((p) => [`${p.name}.${p.namespace}`, p]));
  for (const r of ipam.released) lspDel(tx, r.name);
  // Node management ports (node-<name> on join) carry no port security, as Kube-OVN creates them: the
  // cluster router sends egress traffic to a node whose destination is not the node itself.
  const nodePorts = new Set((desired.nodes ?? []).map(nodePortName));
  for (const rec of ipam.records) {
    const addr = lspAddresses(rec.mac.toLowerCase(), rec.ip);
    const portSecurity = nodePorts.has(rec.name) ? [] : [addr];
    lspAdd(tx, { switch: rec.subnet, name: rec.name, addresses: [addr], portSecurity, externalIds: podExternalIds(rec, podByPort.get(rec.name)) });
  }

  // Subnets (kube-ovn switches) no longer desired: planIpam already refused when desired pods are in them.
  const wanted = new Set(ipam.subnets.map((s) => s.name));
  const removed: string[] = [];
  for (const ls of snapshot.Logical_Switch?.values() ?? []) {
    if (ls.external_ids.vendor !== KUBE_VENDOR || wanted.has(ls.name)) continue;
    removed.push(ls.name);
    lsDel(tx, ls.name);
    lrpDel(tx, routerPortName(ls.external_ids.vpc ?? DEFAULT_VPC, ls.name));
  }
  // IPAM was planned from the ports NB holds: if another writer adds or removes ports on a kube-ovn
  // switch meanwhile, the transaction must fail (OVSDB_TIMED_OUT) and be re-planned, not hand out an
  // address twice. Each such switch's `_version` is therefore guarded.
  const ops = tx.operations();
  if (ops.length === 0) return { operations: [], ipam, removedSubnets: removed };
  const guards = [...(snapshot.Logical_Switch?.values() ?? [])].filter((ls) => ls.external_ids.vendor === KUBE_VENDOR).map((ls) => tx.guardVersion('Logical_Switch', ls._uuid, ls._version));
  return { operations: [...guards, ...ops], ipam, removedSubnets: removed };
}

/** Result of {@link reconcile}. */
export interface ReconcileResult extends ReconcilePlan {
  /** Transactions sent (0 when nothing changed; more than 1 when a concurrent writer forced a retry). */
  readonly transactions: number;
}

/**
 * Reads NB, plans ({@link planReconcile}) and applies the plan in one transaction. When a `wait` guard
 * fails because another writer changed the same rows meanwhile (`OVSDB_TIMED_OUT`), it re-reads and
 * re-plans, up to `retries` times (default 3).
 * @throws everything {@link planReconcile} throws, and the client's transaction errors
 * @example
 * await reconcile(client, { subnets: withDefaultSubnets([{ name: 'subnet1', cidrBlock: '10.66.0.0/16', namespaces: ['ns1'] }]), pods, nodes: ['node1'] });
 */
export async function reconcile(
  client: Pick<OvsdbClient, 'transact'>,
  desired: KubeDesiredState,
  o: ReconcileOptions & {
    retries?: number;
    /**
     * Have the client validate the operations against the server's schema again before sending.
     * Default false: the builders already encoded every value against the generated NB schema.
     */
    validate?: boolean;
  } = {},
): Promise<ReconcileResult> {
  let sent = 0;
  for (let attempt = 0; ; attempt++) {
    const snap = await readNbSnapshot(client, KUBE_NB_TABLES, KUBE_NB_COLUMNS);
    const plan = planReconcile(desired, snap, o);
    if (plan.operations.length === 0) return { ...plan, transactions: sent };
    try {
      sent++;
      await client.transact(NB_DATABASE, plan.operations, { validate: o.validate ?? false });
      return { ...plan, transactions: sent };
    } catch (e) {
      if ((e as { code?: string }).code === 'OVSDB_TIMED_OUT' && attempt < (o.retries ?? 3)) continue;
      throw e;
    }
  }
}

export { nodePortName };
