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
  hasPhysicalGateway,
  nodePortName,
  podPortName,
  selectSubnet,
  u2oOwnerName,
  validateSubnets,
  validateVlans,
  type IpRecord,
  type KubeVlan,
  type Pod,
  type Subnet,
  type SubnetInput,
  type Vpc,
} from './subnet-model.js';
import { DuplicatePodError, SubnetInUseError, UnknownSubnetNameError, UnknownVlanError } from './model-errors.js';
import {
  KUBE_VENDOR,
  planPortRow,
  planSubnetRows,
  planU2oRows,
  subnetPolicies,
  u2oPolicies,
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
  /** Vlans that underlay subnets (`vlan`) name: their localnet ports (as {@link reconcile}'s `vlans`). */
  readonly vlans?: readonly KubeVlan[];
  /** Nodes' InternalIP addresses by node name, for the u2o exclude address sets (as {@link reconcile}'s `nodeAddresses`). */
  readonly nodeAddresses?: Readonly<Record<string, readonly string[]>>;
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
  /** Each u2o subnet's interconnection address (router port networks), by subnet name. */
  readonly #u2o = new Map<string, IpRecord>();
  readonly #vlans: ReadonlyMap<string, KubeVlan>;
  readonly #nodeIps: readonly string[];
  readonly #pods = new Map<string, Pod>();
  readonly #pending = new Set<string>();
  readonly #opts: KubeControllerOptions;

  private constructor(nb: NbReplica, o: KubeControllerOptions) {
    this.#nb = nb;
    this.#opts = o;
    this.#vpcs = o.vpcs ?? [{ name: DEFAULT_VPC }];
    this.#vlans = new Map(validateVlans(o.vlans ?? []).map((v) => [v.name, v]));
    this.#nodeIps = Object.values(o.nodeAddresses ?? {}).flat();
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
    for (const s of subnets) c.#checkVlan(s);
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
      Logical_Router_Port: new Map(
        nb.cache
          .table('Logical_Router_Port')
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
      if (r.node === '' && r.name.startsWith('u2o-interconnection.')) c.#u2o.set(r.subnet, r);
      else c.#records.set(r.name, r);
    }
    // u2o addresses of underlay subnets that have none yet (Kube-OVN reconcileU2OInterconnectionIP); an
    // address of a subnet that no longer wants one is given back.
    for (const s of subnets) c.#syncU2o(s);
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
    const u2o = this.#u2o.get(s.name);
    planSubnetRows(tx, s, {
      records: [...this.#records.values()],
      released,
      lrpMac: lrp?.mac,
      vlan: s.vlan === undefined ? undefined : this.#vlans.get(s.vlan),
      u2o,
    });
    planU2oRows(tx, s, u2o !== undefined, this.#nodeIps);
  }

  /** A subnet naming a Vlan needs it (as the reconciler: `KUBE_UNKNOWN_VLAN`). */
  #checkVlan(s: Subnet): void {
    if (s.vlan !== undefined && !this.#vlans.has(s.vlan)) throw new UnknownVlanError(s.name, s.vlan);
  }

  /**
   * Takes or gives back a subnet's u2o address in IPAM (before its rows are written): an underlay subnet
   * with u2oInterconnection holds one — the one written, else the next free one; any other gives it back.
   */
  #syncU2o(s: Subnet): void {
    const held = this.#u2o.get(s.name);
    const a = this.#ipam.subnet(s.name);
    const wants = hasPhysicalGateway(s) && s.u2oInterconnection === true;
    const owner = u2oOwnerName(s.vpc, s.name);
    if (held !== undefined && (!wants || held.name !== owner)) {
      a.release(held.name);
      this.#u2o.delete(s.name);
    }
    if (!wants || this.#u2o.has(s.name)) return;
    const got = a.allocate(owner, s.u2oInterconnectionIP === undefined ? {} : { ip: s.u2oInterconnectionIP });
    this.#u2o.set(s.name, { name: owner, ip: got.ip, mac: got.mac!, node: '', subnet: s.name });
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
   * An underlay subnet (`vlan`) gets its localnet port, and with `u2oInterconnection` its u2o address, router
   * port, policies and exclude address sets, as {@link reconcile} writes them.
   * @throws the subnet model's errors (`KUBE_SUBNET_*`, overlap…), `KUBE_SUBNET_IN_USE`, `KUBE_UNKNOWN_VLAN`,
   *   the IPAM's errors for the u2o address, NbReplica's errors
   */
  async upsertSubnet(input: Subnet | SubnetInput): Promise<NbCommit<unknown>> {
    const others = [...this.#subnets.values()].filter((s) => s.name !== input.name);
    const s = validateSubnets([...others, input], { vpcs: this.#vpcs }).find((x) => x.name === input.name)!;
    this.#checkVlan(s);
    const old = this.#subnets.get(s.name);
    const inIt = (): string[] => [...this.#records.values()].filter((r) => r.subnet === s.name).map((r) => r.name);
    if (old && (old.cidrBlock !== s.cidrBlock || old.vpc !== s.vpc || old.gateway !== s.gateway)) {
      const ports = inIt();
      if (ports.length) throw new SubnetInUseError(s.name, ports);
    }
    // IPAM first (the rows carry the u2o address), put back as it was when the write fails.
    const oldU2o = this.#u2o.get(s.name);
    const released = old ? this.#ipam.subnet(s.name).releasedRanges() : [];
    const restore = (): void => {
      const keep = [...this.#records.values()].filter((r) => r.subnet === s.name);
      this.#ipam.removeSubnet(s.name);
      this.#subnets.delete(s.name);
      this.#u2o.delete(s.name);
      if (!old) return;
      this.#addSubnetState(old);
      for (const r of keep) this.#ipam.subnet(s.name).allocate(r.name, { ip: r.ip, mac: r.mac });
      this.#ipam.subnet(s.name).markReleased(released);
      const u2o = oldU2o;
      if (u2o !== undefined && hasPhysicalGateway(old) && old.u2oInterconnection === true) {
        this.#ipam.subnet(s.name).allocate(u2o.name, { ip: u2o.ip, mac: u2o.mac });
        this.#u2o.set(s.name, u2o);
      }
    };
    if (old) {
      // Same CIDR: re-register with the new excludes keeping every allocation (none, or checked above).
      const keep = [...this.#records.values()].filter((r) => r.subnet === s.name);
      this.#ipam.removeSubnet(s.name);
      this.#subnets.delete(s.name);
      this.#u2o.delete(s.name);
      this.#addSubnetState(s);
      for (const r of keep) this.#ipam.subnet(s.name).allocate(r.name, { ip: r.ip, mac: r.mac });
      // Kube-OVN's order survives the update: released addresses stay behind the never-used ones.
      this.#ipam.subnet(s.name).markReleased(released);
      // The u2o address stays when it is still wanted and still fits.
      if (oldU2o !== undefined && oldU2o.name === u2oOwnerName(s.vpc, s.name)) {
        try {
          this.#ipam.subnet(s.name).allocate(oldU2o.name, {
            ip: s.u2oInterconnectionIP ?? oldU2o.ip,
            ...(s.u2oInterconnectionIP === undefined || s.u2oInterconnectionIP === oldU2o.ip
              ? { mac: oldU2o.mac }
              : {}),
          });
          const got = this.#ipam.subnet(s.name).get(oldU2o.name)!;
          this.#u2o.set(s.name, { ...oldU2o, ip: got.ip, mac: got.mac! });
        } catch {
          // outside the new CIDR or taken: a new one below
        }
      }
    } else this.#addSubnetState(s);
    let commit: NbCommit<unknown>;
    try {
      this.#syncU2o(s);
      commit = await this.#nb.transact((tx) => {
        if (old && old.vpc !== s.vpc) lrpDel(tx, routerPortName(old.vpc, s.name));
        if (old) {
          const still = new Set(
            [...subnetPolicies(s), ...u2oPolicies(s)].map((p) => `${s.vpc} ${p.priority} ${p.match}`),
          );
          const before = [...subnetPolicies(old), ...(oldU2o !== undefined ? u2oPolicies(old) : [])];
          for (const p of before)
            if (!still.has(`${old.vpc} ${p.priority} ${p.match}`))
              lrPolicyDelWhere(tx, old.vpc, { priority: p.priority, match: p.match });
        }
        this.#planSubnet(tx, s);
      }, this.#opts.transact);
    } catch (e) {
      restore();
      throw e;
    }
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
      if (this.#u2o.has(name)) planU2oRows(tx, s, false, []);
    }, this.#opts.transact);
    this.#ipam.removeSubnet(name);
    this.#subnets.delete(name);
    this.#u2o.delete(name);
    return commit;
  }

  /** The pods added through this controller (and still present). */
  get pods(): readonly Pod[] {
    return [...this.#pods.values()];
  }
}
