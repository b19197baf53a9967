/**
 * The incremental Kube-OVN controller: IPAM rebuilt from Northbound once at start, kept in memory
 * after, and each event (pod, subnet, node) written as one small transaction through an
 * {@link NbReplica} — O(the change), never a re-read or re-plan of the cluster.
 *
 * It writes exactly what the whole-state {@link reconcile} writes for the same state (same switch,
 * router port and pod port columns, same `external_ids`), so `planReconcile(state, NB)` after any
 * sequence of events plans nothing (test/integration/kube/controller-random.test.ts checks this).
 *
 * Concurrency: calls may overlap freely. Addresses are taken from the in-memory IPAM synchronously,
 * before any await, so two calls never get the same address; NB changes are set mutations and
 * row inserts, which commute, so none is lost. A failed write gives its address back (an `addPod`)
 * or keeps it (a `deletePod`: the address is freed only once the port is gone). One controller per
 * Northbound database is assumed, as Kube-OVN runs one leader: rows another writer adds to kube-ovn
 * switches afterwards are not in this IPAM.
 */
import { Ipam } from '../ipam/index.js';
import type { NbCommit, NbReplica, NbTransactOptions } from '../ovn-nb/replica.js';
import type { NbTxn } from '../ovn-nb/txn.js';
import { lsDel, lspDel } from '../ovn-nb/switch.js';
import { lrAdd, lrPolicyDelWhere, lrpDel } from '../ovn-nb/router.js';
import {
  DEFAULT_VPC,
  JOIN_SUBNET,
  nodePortName,
  podPortName,
  selectSubnet,
  validateSubnets,
  type IpRecord,
  type Pod,
  type Subnet,
  type SubnetInput,
  type Vpc,
} from './subnet-model.js';
import { DuplicatePodError, SubnetFieldError, SubnetInUseError, UnknownSubnetNameError } from './model-errors.js';
import {
  KUBE_VENDOR,
  planPortRow,
  planSubnetRows,
  subnetPolicies,
  recordsFromSnapshot,
  releasedFromSnapshot,
  routerPortName,
} from './reconcile.js';
import type { NbSnapshot } from '../ovn-nb/txn.js';
import { KubePodNotFoundError } from './controller-errors.js';

/** Options of {@link KubeController.start}. */
export interface KubeControllerOptions {
  /** The subnets as the Kubernetes API defines them (namespaces are not stored in NB). Default: none yet. */
  readonly subnets?: readonly (Subnet | SubnetInput)[];
  /** VPCs (logical routers). Default `[ovn-cluster]`. */
  readonly vpcs?: readonly Vpc[];
  /** Seed of the MAC generator (deterministic MACs in tests). */
  readonly macSeed?: number;
  /** Passed to every `NbReplica.transact` (attempts, `wait: 'sb'`, …). */
  readonly transact?: NbTransactOptions;
}

/** What a pod or node write returns: the record as written. */
export interface KubeAllocation extends IpRecord {
  /** The transaction's commit (nothing sent when the port already matched). */
  readonly commit: NbCommit<unknown>;
}

/** Underlay subnets need their Vlan (localnet port) and u2o state: only the whole-state reconciler has them. */
function refuseUnderlay(s: Subnet): void {
  if (s.vlan !== undefined)
    throw new SubnetFieldError(
      s.name,
      'vlan',
      s.vlan,
      'supported by KubeController (use reconcile for underlay subnets)',
    );
}

/**
 * Incremental Kube-OVN controller over an {@link NbReplica}.
 * @example
 * const nb = await NbReplica.start(client);
 * const ctl = await KubeController.start(nb, { subnets: withDefaultSubnets() });
 * await ctl.addNode('node1');
 * const { ip, mac } = await ctl.addPod({ name: 'web-0', namespace: 'default', node: 'node1' });
 * await ctl.deletePod('default', 'web-0');
 */
export class KubeController {
  readonly #nb: NbReplica;
  readonly #ipam: Ipam;
  readonly #subnets = new Map<string, Subnet>();
  readonly #vpcs: readonly Vpc[];
  readonly #records = new Map<string, IpRecord>();
  readonly #pods = new Map<string, Pod>();
  readonly #pending = new Set<string>();
  readonly #opts: KubeControllerOptions;

  private constructor(nb: NbReplica, o: KubeControllerOptions) {
    this.#nb = nb;
    this.#opts = o;
    this.#vpcs = o.vpcs ?? [{ name: DEFAULT_VPC }];
    this.#ipam = new Ipam(o.macSeed === undefined ? {} : { macSeed: o.macSeed });
  }

  /**
   * Rebuilds IPAM from the replica (kube-ovn switch ports) and writes the given subnets (and VPCs)
   * where NB differs. The one O(cluster) step; everything after is incremental.
   * @throws the subnet model's and IPAM's errors for bad subnets or records, `KUBE_NB_RECORD_INVALID`, and NbReplica's errors
   */
  static async start(nb: NbReplica, o: KubeControllerOptions = {}): Promise<KubeController> {
    const c = new KubeController(nb, o);
    const subnets = validateSubnets(o.subnets ?? [], { vpcs: c.#vpcs });
    for (const s of subnets) refuseUnderlay(s);
    const snapshot = {
      Logical_Switch: new Map(
        nb.cache
          .table('Logical_Switch')
          .all()
          .map((r) => [r._uuid, r]),
      ),
      Logical_Switch_Port: new Map(
        nb.cache
          .table('Logical_Switch_Port')
          .all()
          .map((r) => [r._uuid, r]),
      ),
    } as unknown as NbSnapshot;
    const records = recordsFromSnapshot(snapshot);
    for (const s of subnets) c.#addSubnetState(s);
    // The released lists NB keeps (Kube-OVN's order: never-used addresses before released ones).
    for (const [sub, list] of releasedFromSnapshot(snapshot))
      if (c.#ipam.hasSubnet(sub)) c.#ipam.subnet(sub).markReleased(list);
    // Records of switches not (yet) among the subnets are kept too: their subnet is rebuilt from NB's
    // external_ids when it exists there, so deleting or re-adding a pod there works.
    for (const r of records) {
      if (!c.#ipam.hasSubnet(r.subnet)) {
        const ls = [...nb.cache.table('Logical_Switch').values()].find((x) => x.name === r.subnet);
        const e = ls?.external_ids ?? {};
        if (!e.cidr) continue;
        c.#addSubnetState(
          validateSubnets(
            [
              {
                name: r.subnet,
                cidrBlock: e.cidr,
                vpc: e.vpc ?? DEFAULT_VPC,
                ...(e.gateway ? { gateway: e.gateway } : {}),
                excludeIps: e.exclude_ips ? e.exclude_ips.split(',') : [],
                natOutgoing: e.nat_outgoing === 'true',
              },
            ],
            { vpcs: c.#vpcs },
          )[0]!,
        );
      }
      c.#ipam.subnet(r.subnet).allocate(r.name, { ip: r.ip, mac: r.mac });
      c.#records.set(r.name, r);
    }
    if (subnets.length || c.#vpcs.length) {
      await nb.transact((tx) => {
        for (const v of c.#vpcs) lrAdd(tx, { name: v.name, externalIds: { vendor: KUBE_VENDOR } });
        for (const s of subnets) c.#planSubnet(tx, s);
      }, o.transact);
    }
    return c;
  }

  #addSubnetState(s: Subnet): void {
    this.#ipam.addSubnet(s.name, {
      cidr: s.cidrBlock,
      ...(s.gateway ? { gateway: s.gateway } : {}),
      excludeIps: s.excludeIps,
      excludeOutside: 'clip',
      scope: s.vpc,
    });
    this.#subnets.set(s.name, s);
  }

  /** A subnet's rows exactly as `planReconcile` writes them, with this controller's records and released list. */
  #planSubnet(tx: NbTxn, s: Subnet): void {
    const lrp = this.#nb.cache
      .table('Logical_Router_Port')
      .index('name')
      .get(routerPortName(s.vpc, s.name)) as unknown as { mac?: string } | undefined;
    const released = this.#ipam.hasSubnet(s.name) ? this.#ipam.subnet(s.name).releasedRanges() : [];
    planSubnetRows(tx, s, { records: [...this.#records.values()], released, lrpMac: lrp?.mac });
  }

  /** The subnets known, defaults filled in. */
  get subnets(): readonly Subnet[] {
    return [...this.#subnets.values()];
  }
  /** Every IP record held (pods and nodes). */
  get records(): readonly IpRecord[] {
    return [...this.#records.values()];
  }
  /** The record of a port (`<pod>.<namespace>` or `node-<node>`). */
  record(port: string): IpRecord | undefined {
    return this.#records.get(port);
  }

  /** Claims a port name for one call at a time: overlapping calls for the same pod would race. */
  #claim(name: string): void {
    if (this.#pending.has(name)) throw new DuplicatePodError(name);
    this.#pending.add(name);
  }

  /** Writes a pod's or node's port (a node has no pod: no port security, as Kube-OVN). */
  async #write(rec: IpRecord, pod: Pod | undefined): Promise<KubeAllocation> {
    const commit = await this.#nb.transact((tx) => planPortRow(tx, rec, pod), this.#opts.transact);
    return { ...rec, commit };
  }

  /**
   * Adds a pod: takes an address (its static `ip` / `mac` if given) in the subnet its `subnet` field or
   * namespace selects, and writes its port. Idempotent: a pod already known keeps its record.
   * @throws `KUBE_UNKNOWN_SUBNET`, `KUBE_NO_SUBNET_FOR_NAMESPACE`, `KUBE_DUPLICATE_POD` (a call for this pod is in flight),
   *   the IPAM's `IPAM_*` errors (address taken / excluded / exhausted …), NbReplica's errors — nothing is kept when it throws
   */
  async addPod(pod: Pod): Promise<KubeAllocation> {
    const name = podPortName(pod.name, pod.namespace);
    this.#claim(name);
    let allocated: string | undefined;
    try {
      const known = this.#records.get(name);
      let rec: IpRecord;
      if (known) rec = { ...known, node: pod.node };
      else {
        const subnet =
          pod.subnet !== undefined
            ? this.#subnets.get(pod.subnet)
            : selectSubnet([...this.#subnets.values()], pod.namespace);
        if (!subnet) throw new UnknownSubnetNameError(pod.subnet ?? '', `pod ${name}`);
        const a = this.#ipam
          .subnet(subnet.name)
          .allocate(name, { ...(pod.ip ? { ip: pod.ip } : {}), ...(pod.mac ? { mac: pod.mac } : {}) });
        allocated = subnet.name;
        rec = { name, ip: a.ip, mac: a.mac!, node: pod.node, subnet: subnet.name };
      }
      const out = await this.#write(rec, pod);
      this.#records.set(name, rec);
      this.#pods.set(name, pod);
      return out;
    } catch (e) {
      if (allocated !== undefined) this.#ipam.subnet(allocated).release(name);
      throw e;
    } finally {
      this.#pending.delete(name);
    }
  }

  /**
   * Deletes a pod's port; its address is free again once the port is gone.
   * @throws {KubePodNotFoundError} `KUBE_POD_NOT_FOUND` (with `ifExists: false`), NbReplica's errors
   */
  async deletePod(
    namespace: string,
    pod: string,
    o: { ifExists?: boolean } = {},
  ): Promise<NbCommit<unknown> | undefined> {
    const name = podPortName(pod, namespace);
    this.#claim(name);
    try {
      const rec = this.#records.get(name);
      if (!rec) {
        if (o.ifExists === false) throw new KubePodNotFoundError(name);
        return undefined;
      }
      // The address goes onto the subnet's released list, which NB keeps on the switch (as the reconciler does).
      const alloc = this.#ipam.subnet(rec.subnet);
      alloc.release(name);
      let commit: NbCommit<unknown>;
      try {
        commit = await this.#nb.transact((tx) => {
          lspDel(tx, name);
          const s = this.#subnets.get(rec.subnet);
          if (s) this.#planSubnet(tx, s);
        }, this.#opts.transact);
      } catch (e) {
        alloc.allocate(name, { ip: rec.ip, mac: rec.mac });
        throw e;
      }
      this.#records.delete(name);
      this.#pods.delete(name);
      return commit;
    } finally {
      this.#pending.delete(name);
    }
  }

  /**
   * Adds a node: its `node-<name>` port in the join subnet (no port security, as Kube-OVN).
   * @throws `KUBE_UNKNOWN_SUBNET` when there is no join subnet, the IPAM's errors, NbReplica's errors
   */
  async addNode(node: string): Promise<KubeAllocation> {
    const name = nodePortName(node);
    this.#claim(name);
    let allocated = false;
    try {
      let rec = this.#records.get(name);
      if (!rec) {
        if (!this.#subnets.has(JOIN_SUBNET)) throw new UnknownSubnetNameError(JOIN_SUBNET, `node ${node}`);
        const a = this.#ipam.subnet(JOIN_SUBNET).allocate(name);
        allocated = true;
        rec = { name, ip: a.ip, mac: a.mac!, node, subnet: JOIN_SUBNET };
      }
      const out = await this.#write(rec, undefined);
      this.#records.set(name, rec);
      return out;
    } catch (e) {
      if (allocated) this.#ipam.subnet(JOIN_SUBNET).release(name);
      throw e;
    } finally {
      this.#pending.delete(name);
    }
  }

  /**
   * Creates a subnet, or rewrites an existing one's switch, router port and router-type port when its
   * definition (gateway, exclude_ips, nat_outgoing, namespaces) changed. A changed `cidrBlock` or `vpc` is
   * refused while pods are in it.
   * @throws the subnet model's errors (`KUBE_SUBNET_*`, overlap…), `KUBE_SUBNET_IN_USE`, NbReplica's errors;
   *   `KUBE_SUBNET_INVALID_FIELD` for an underlay subnet (`vlan`), which only {@link reconcile} handles
   */
  async upsertSubnet(input: Subnet | SubnetInput): Promise<NbCommit<unknown>> {
    const others = [...this.#subnets.values()].filter((s) => s.name !== input.name);
    const s = validateSubnets([...others, input], { vpcs: this.#vpcs }).find((x) => x.name === input.name)!;
    // Underlay subnets need their Vlan (localnet port) and u2o state: only the whole-state reconciler has them.
    if (s.vlan !== undefined)
      throw new SubnetFieldError(
        s.name,
        'vlan',
        s.vlan,
        'supported by KubeController (use reconcile for underlay subnets)',
      );
    const old = this.#subnets.get(s.name);
    const inIt = (): string[] => [...this.#records.values()].filter((r) => r.subnet === s.name).map((r) => r.name);
    if (old && (old.cidrBlock !== s.cidrBlock || old.vpc !== s.vpc || old.gateway !== s.gateway)) {
      const ports = inIt();
      if (ports.length) throw new SubnetInUseError(s.name, ports);
    }
    const commit = await this.#nb.transact((tx) => {
      if (old && old.vpc !== s.vpc) lrpDel(tx, routerPortName(old.vpc, s.name));
      if (old && (old.vpc !== s.vpc || old.cidrBlock !== s.cidrBlock))
        for (const p of subnetPolicies(old)) lrPolicyDelWhere(tx, old.vpc, { priority: p.priority, match: p.match });
      this.#planSubnet(tx, s);
    }, this.#opts.transact);
    if (old) {
      // Same CIDR: re-register with the new excludes keeping every allocation (none, or checked above).
      const keep = [...this.#records.values()].filter((r) => r.subnet === s.name);
      this.#ipam.removeSubnet(s.name);
      this.#subnets.delete(s.name);
      this.#addSubnetState(s);
      for (const r of keep) this.#ipam.subnet(s.name).allocate(r.name, { ip: r.ip, mac: r.mac });
    } else this.#addSubnetState(s);
    return commit;
  }

  /**
   * Deletes a subnet's switch and router port. Refused while pods or nodes are in it.
   * @throws `KUBE_SUBNET_IN_USE`, NbReplica's errors
   */
  async deleteSubnet(name: string): Promise<NbCommit<unknown> | undefined> {
    const s = this.#subnets.get(name);
    if (!s) return undefined;
    const ports = [...this.#records.values()].filter((r) => r.subnet === name).map((r) => r.name);
    if (ports.length) throw new SubnetInUseError(name, ports);
    const commit = await this.#nb.transact((tx) => {
      lsDel(tx, name);
      lrpDel(tx, routerPortName(s.vpc, name));
      for (const p of subnetPolicies(s)) lrPolicyDelWhere(tx, s.vpc, { priority: p.priority, match: p.match });
    }, this.#opts.transact);
    this.#ipam.removeSubnet(name);
    this.#subnets.delete(name);
    return commit;
  }

  /** The pods added through this controller (and still present). */
  get pods(): readonly Pod[] {
    return [...this.#pods.values()];
  }
}
