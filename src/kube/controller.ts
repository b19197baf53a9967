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
import { lrAdd, lrPolicyAdd, lrPolicyDelWhere, lrRouteAdd, lrpDel } from '../ovn-nb/router.js';
import { portGroupAdd, portGroupDel } from '../ovn-nb/security.js';
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
  defaultVpcRouting,
  subnetNodePortGroup,
  U2O_POLICY_PRIORITIES,
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
  /**
   * Write the default VPC's routing as Kube-OVN v1.12 does (as {@link reconcile}'s `defaultVpcRoutes`): the
   * default routes at start, node policies when a node is added, per-node port groups and gateway policies of
   * distributed subnets as pods, nodes and subnets come and go. Default false.
   */
  readonly defaultVpcRoutes?: boolean;
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
  /** Pod ports by `<subnet>\0<node>`: the members of Kube-OVN's per-node port group of a distributed subnet. */
  readonly #pairs = new Map<string, Map<string, IpRecord>>();
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
      else {
        c.#records.set(r.name, r);
        c.#pairAdd(r);
      }
    }
    // u2o addresses of underlay subnets that have none yet (Kube-OVN reconcileU2OInterconnectionIP); an
    // address of a subnet that no longer wants one is given back.
    for (const s of subnets) c.#syncU2o(s);
    if (subnets.length || c.#vpcs.length) {
      await nb.transact((tx) => {
        for (const v of c.#vpcs) lrAdd(tx, { name: v.name, externalIds: { vendor: KUBE_VENDOR } });
        for (const s of subnets) c.#planSubnet(tx, s);
        c.#planRouting(tx, [...c.#subnets.values()], c.#joinedNodes(), true);
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

  #pairAdd(rec: IpRecord): void {
    if (rec.node === '' || rec.subnet === JOIN_SUBNET) return;
    const k = `${rec.subnet}\0${rec.node}`;
    const m = this.#pairs.get(k) ?? new Map<string, IpRecord>();
    m.set(rec.name, rec);
    this.#pairs.set(k, m);
  }
  #pairDel(rec: IpRecord): void {
    this.#pairs.get(`${rec.subnet}\0${rec.node}`)?.delete(rec.name);
  }

  /** Nodes holding a join address (Kube-OVN: nodes with the allocated annotation). */
  #joinedNodes(): string[] {
    return [...this.#records.values()]
      .filter((r) => r.subnet === JOIN_SUBNET && r.name === nodePortName(r.node))
      .map((r) => r.node);
  }

  /**
   * The default VPC's routing rows for `subnets` × `nodes` (port groups, 29000 gateway policies, the nodes'
   * 30000 policies), as `defaultVpcRouting` computes them for the whole state; with `routes`, the default
   * routes too. Only when `defaultVpcRoutes` is on.
   */
  #planRouting(tx: NbTxn, subnets: readonly Subnet[], nodes: readonly string[], routes = false): void {
    const vpc = this.#vpcs.find((v) => v.name === DEFAULT_VPC);
    if (this.#opts.defaultVpcRoutes !== true || vpc === undefined) return;
    const want = new Set(nodes);
    const recs: IpRecord[] = [];
    for (const node of want) {
      const r = this.#records.get(nodePortName(node));
      if (r !== undefined && r.subnet === JOIN_SUBNET) recs.push(r);
    }
    for (const s of subnets)
      for (const node of want) for (const r of this.#pairs.get(`${s.name}\0${node}`)?.values() ?? []) recs.push(r);
    const join = this.#subnets.get(JOIN_SUBNET);
    const list = routes && join !== undefined ? [join, ...subnets] : subnets;
    const routing = defaultVpcRouting(vpc, list, recs, this.#opts.nodeAddresses ?? {});
    const ext = { vendor: KUBE_VENDOR };
    for (const r of routes ? routing.routes : [])
      lrRouteAdd(tx, { router: DEFAULT_VPC, prefix: r.prefix, nexthop: r.nexthop, policy: r.policy, externalIds: ext });
    for (const pg of routing.portGroups)
      portGroupAdd(tx, { name: pg.name, ports: pg.ports, externalIds: { np: pg.np } });
    for (const p of routing.policies)
      lrPolicyAdd(tx, {
        router: DEFAULT_VPC,
        priority: p.priority,
        match: p.match,
        action: p.action,
        ...(p.action === 'reroute' ? { nexthops: [p.nextHopIP!] } : {}),
        externalIds: p.externalIds!,
      });
  }

  /**
   * Adds (or removes) a pod's port to the per-node port group of its distributed subnet as a set mutation;
   * the whole group (and its gateway policy) is written when it does not exist yet and the node has joined.
   */
  #pgMember(tx: NbTxn, s: Subnet, rec: IpRecord, mutator: 'insert' | 'delete'): void {
    if (this.#opts.defaultVpcRoutes !== true || !this.#vpcs.some((v) => v.name === DEFAULT_VPC)) return;
    if (s.vpc !== DEFAULT_VPC || s.name === JOIN_SUBNET || hasPhysicalGateway(s) || s.gatewayType !== 'distributed')
      return;
    if (this.#records.get(nodePortName(rec.node))?.subnet !== JOIN_SUBNET) return;
    const pg = tx.findAll('Port_Group', 'name', subnetNodePortGroup(s.name, rec.node))[0];
    if (pg === undefined) {
      if (mutator === 'delete') return;
      this.#pairAdd(rec);
      try {
        this.#planRouting(tx, [s], [rec.node]);
      } finally {
        this.#pairDel(rec);
      }
      return;
    }
    const created = tx.created('Logical_Switch_Port', rec.name);
    const existing = tx.findAll('Logical_Switch_Port', 'name', rec.name)[0];
    const ref = created?.ref ?? (existing === undefined ? undefined : { uuid: existing._uuid });
    if (ref === undefined) return;
    const member = existing !== undefined && (pg.ports as readonly string[]).includes(existing._uuid);
    if (member === (mutator === 'insert')) return;
    tx.push(tx.setMutation('Port_Group', { uuid: pg._uuid }, 'ports', mutator, [ref]));
  }

  /** Removes a subnet's per-node port groups and gateway policies (it is gone, or no longer distributed). */
  #dropRouting(tx: NbTxn, s: Subnet): void {
    if (this.#opts.defaultVpcRoutes !== true || s.vpc !== DEFAULT_VPC) return;
    for (const node of this.#joinedNodes()) {
      const pg = subnetNodePortGroup(s.name, node);
      portGroupDel(tx, pg, { ifExists: true });
      for (const f of [4, 6])
        lrPolicyDelWhere(tx, DEFAULT_VPC, {
          priority: U2O_POLICY_PRIORITIES.gatewayRouter,
          match: `ip${f}.src == $${pg}_ip${f}`,
        });
    }
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
      const subnet = this.#subnets.get(rec.subnet);
      const previous = this.#records.get(name);
      const commit = await this.#nb.transact((tx) => {
        planPortRow(tx, rec, pod);
        if (subnet === undefined) return;
        // The per-node port group of the pod's subnet gains the port (a set mutation, so concurrent adds
        // commute); a pod that moved node leaves its old one.
        if (previous !== undefined && previous.node !== rec.node) this.#pgMember(tx, subnet, previous, 'delete');
        this.#pgMember(tx, subnet, rec, 'insert');
      }, this.#opts.transact);
      if (previous !== undefined) this.#pairDel(previous);
      this.#records.set(name, rec);
      this.#pairAdd(rec);
      this.#pods.set(name, pod);
      return { ...rec, commit };
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
          // Port_Group.ports references ports weakly: the port leaves its port group with it.
        }, this.#opts.transact);
      } catch (e) {
        alloc.allocate(name, { ip: rec.ip, mac: rec.mac });
        throw e;
      }
      this.#records.delete(name);
      this.#pairDel(rec);
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
      const known = this.#records.has(name);
      const commit = await this.#nb.transact((tx) => {
        planPortRow(tx, rec, undefined);
        // The node's policies and, for every distributed subnet, its port group and gateway policy.
        this.#records.set(name, rec);
        try {
          this.#planRouting(tx, [...this.#subnets.values()], [node]);
        } finally {
          if (!known) this.#records.delete(name);
        }
      }, this.#opts.transact);
      this.#records.set(name, rec);
      return { ...rec, commit };
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
        if (
          old &&
          (old.vpc !== s.vpc ||
            old.cidrBlock !== s.cidrBlock ||
            hasPhysicalGateway(old) !== hasPhysicalGateway(s) ||
            old.gatewayType !== s.gatewayType)
        )
          this.#dropRouting(tx, old);
        this.#planRouting(tx, [s], this.#joinedNodes());
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
      this.#dropRouting(tx, s);
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
