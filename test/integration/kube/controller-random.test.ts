/**
 * Property: a random sequence of pod / node / subnet events through the incremental KubeController
 * ends in the Northbound database the whole-state reconciler wants for the final state —
 * `planReconcile(final state, NB)` plans nothing — and holds the same switches, router ports and
 * ports (each in the same subnet) as `reconcile()` of the final state on a fresh database.
 * Addresses may differ from the fresh run (the incremental path reuses freed addresses), so the
 * fresh comparison is on names and placement; the fixed-point check covers the addresses. The subnets drawn
 * include underlay (VLAN) subnets with a physical gateway, with `logicalGateway`, and with u2o
 * interconnection turned on and off in place (Kube-OVN v1.12 handleAddOrUpdateSubnet / reconcileU2OInterconnectionIP),
 * and the default VPC's routing is on (default route, node policies, per-node port groups and gateway policies).
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { OvsdbClient } from '../../../src/ovsdb/index.js';
import { seededRandom, startOvsdb, type EmbeddedOvsdb, type OvsdbServer } from '../../../src/testing/index.js';
import { NbReplica, readNbSnapshot, type NbSnapshot } from '../../../src/ovn-nb/index.js';
import {
  KUBE_NB_COLUMNS,
  KUBE_NB_TABLES,
  KubeController,
  planReconcile,
  reconcile,
  withDefaultSubnets,
  type KubeVlan,
  type Pod,
  type SubnetInput,
} from '../../../src/kube/index.js';

const VLANS: KubeVlan[] = [
  { name: 'v100', id: 100, provider: 'phy' },
  { name: 'v200', id: 200, provider: 'phy2' },
];
const NODE_ADDRESSES = { n1: ['172.18.0.2'], n2: ['172.18.0.3', 'fc00::3'] };

let servers: (OvsdbServer | EmbeddedOvsdb)[] = [];
beforeAll(async () => {
  servers = [await startOvsdb({ schema: 'nb' }), await startOvsdb({ schema: 'nb' })];
});
afterAll(async () => {
  for (const s of servers) await s.stop();
});

/** Names of switches, router ports, and port → switch, from a snapshot. */
function shape(snap: NbSnapshot): { switches: string[]; lrps: string[]; ports: string[] } {
  const sw = new Map<string, string>();
  for (const ls of snap.Logical_Switch?.values() ?? []) for (const p of ls.ports) sw.set(p, ls.name);
  return {
    switches: [...(snap.Logical_Switch?.values() ?? [])].map((l) => l.name).sort(),
    lrps: [...(snap.Logical_Router_Port?.values() ?? [])].map((l) => l.name).sort(),
    ports: [...(snap.Logical_Switch_Port?.values() ?? [])].map((p) => `${p.name}@${sw.get(p._uuid)}`).sort(),
  };
}

async function wipe(c: OvsdbClient): Promise<void> {
  await c.transact('OVN_Northbound', [
    { op: 'delete', table: 'Logical_Switch', where: [] },
    { op: 'delete', table: 'Logical_Router', where: [] },
    { op: 'delete', table: 'Port_Group', where: [] },
    { op: 'delete', table: 'Address_Set', where: [] },
  ]);
}

const underlaySeen = new Set<string>();
for (const seed of [1, 2, 3, 4, 5, 6]) {
  test(`seed ${seed}: 60 random events incrementally = reconcile of the final state`, async () => {
    const rnd = seededRandom(seed);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
    const [ca, cb] = [await OvsdbClient.connect(servers[0]!.unix), await OvsdbClient.connect(servers[1]!.unix)];
    await wipe(ca);
    await wipe(cb);
    const nb = await NbReplica.start(ca);
    try {
      const ctl = await KubeController.start(nb, {
        subnets: withDefaultSubnets(),
        macSeed: seed,
        vlans: VLANS,
        nodeAddresses: NODE_ADDRESSES,
        defaultVpcRoutes: true,
      });
      const pods = new Map<string, Pod>();
      const nodes = new Set<string>();
      const extra = new Map<string, SubnetInput>();
      const candidates: SubnetInput[] = [
        { name: 'subnet1', cidrBlock: '10.66.0.0/24', namespaces: ['ns1'] },
        { name: 'subnet2', cidrBlock: '10.67.0.0/24', namespaces: ['ns2'], excludeIps: ['10.67.0.2..10.67.0.9'] },
        // Underlay: a physical gateway (no router port), a logical gateway, u2o on and off, another Vlan.
        { name: 'vlan1', cidrBlock: '10.68.0.0/24', namespaces: ['ns3'], vlan: 'v100' },
        { name: 'vlan1', cidrBlock: '10.68.0.0/24', namespaces: ['ns3'], vlan: 'v100', logicalGateway: true },
        { name: 'vlan2', cidrBlock: '10.69.0.0/24', namespaces: ['ns4'], vlan: 'v200', u2oInterconnection: true },
        { name: 'vlan2', cidrBlock: '10.69.0.0/24', namespaces: ['ns4'], vlan: 'v100' },
        {
          name: 'vlan2',
          cidrBlock: '10.69.0.0/24',
          namespaces: ['ns4'],
          vlan: 'v200',
          u2oInterconnection: true,
          u2oInterconnectionIP: '10.69.0.200',
        },
      ];
      let n = 0;
      for (let step = 0; step < 60; step++) {
        const r = rnd();
        const batch: Promise<unknown>[] = [];
        if (r < 0.45) {
          // A burst of concurrent pod adds.
          for (let k = 1 + Math.floor(rnd() * 3); k > 0; k--) {
            const p: Pod = {
              name: `p${n++}`,
              namespace: pick(['default', 'ns1', 'ns2', 'ns3', 'ns4']),
              node: pick(['n1', 'n2']),
            };
            batch.push(ctl.addPod(p).then(() => pods.set(`${p.name}.${p.namespace}`, p)));
          }
        } else if (r < 0.7 && pods.size) {
          const key = pick([...pods.keys()]);
          const p = pods.get(key)!;
          pods.delete(key);
          batch.push(ctl.deletePod(p.namespace, p.name));
        } else if (r < 0.8) {
          const node = pick(['n1', 'n2', 'n3']);
          batch.push(ctl.addNode(node).then(() => nodes.add(node)));
        } else if (r < 0.9) {
          const s = pick(candidates);
          batch.push(ctl.upsertSubnet(s).then(() => extra.set(s.name, s)));
        } else {
          const s = pick(candidates);
          const inUse = [...pods.values()].some((p) => ctl.record(`${p.name}.${p.namespace}`)?.subnet === s.name);
          if (inUse) await expect(ctl.deleteSubnet(s.name)).rejects.toMatchObject({ code: 'KUBE_SUBNET_IN_USE' });
          else batch.push(ctl.deleteSubnet(s.name).then(() => extra.delete(s.name)));
        }
        await Promise.all(batch);
      }
      const final = {
        subnets: withDefaultSubnets([...extra.values()]),
        pods: [...pods.values()],
        nodes: [...nodes],
        vlans: VLANS,
        nodeAddresses: NODE_ADDRESSES,
        defaultVpcRoutes: true,
      };
      const mine = await readNbSnapshot(ca, KUBE_NB_TABLES, KUBE_NB_COLUMNS);
      // The underlay subnets of the final state as the reconciler writes them: the localnet port with the
      // Vlan's tag; a u2o subnet's router port carrying the u2o address, a physical-gateway one none.
      for (const sub of extra.values()) {
        if (sub.vlan === undefined) continue;
        const vlan = VLANS.find((v) => v.name === sub.vlan)!;
        const lsp = [...(mine.Logical_Switch_Port?.values() ?? [])].find((p) => p.name === `localnet.${sub.name}`);
        expect(lsp?.tag, sub.name).toBe(vlan.id);
        const lrp = [...(mine.Logical_Router_Port?.values() ?? [])].find((p) => p.name === `ovn-cluster-${sub.name}`);
        if (sub.u2oInterconnection === true) {
          underlaySeen.add('u2o');
          expect(lrp?.external_ids['ovn-sdk/u2o'], sub.name).toBe(sub.name);
          if (sub.u2oInterconnectionIP) expect(lrp?.networks).toEqual([`${sub.u2oInterconnectionIP}/24`]);
        } else if (sub.logicalGateway === true) {
          underlaySeen.add('logical');
          expect(lrp?.networks).toEqual(['10.68.0.1/24']);
        } else {
          underlaySeen.add('physical');
          expect(lrp, sub.name).toBeUndefined();
        }
      }
      // Fixed point: the whole-state planner wants nothing changed.
      // The default VPC's routing was written: a port group per joined node of ovn-default at least.
      if (nodes.size > 0) expect(mine.Port_Group?.size ?? 0).toBeGreaterThanOrEqual(nodes.size);
      expect(planReconcile(final, mine).operations).toEqual([]);
      // Same rows and placement as a fresh whole-state reconcile. A pod created before its namespace's
      // subnet existed stays where it was put (as in Kube-OVN), so the fresh run gets each pod's subnet
      // explicitly (the logical_switch annotation).
      await reconcile(cb, {
        ...final,
        pods: final.pods.map((p) => ({ ...p, subnet: ctl.record(`${p.name}.${p.namespace}`)!.subnet })),
      });
      const fresh = await readNbSnapshot(cb, KUBE_NB_TABLES, KUBE_NB_COLUMNS);
      expect(shape(mine)).toEqual(shape(fresh));
      // No address twice.
      const ips = [...(mine.Logical_Switch_Port?.values() ?? [])]
        .filter((p) => p.external_ids.vendor === 'kube-ovn' && p.type === '')
        .map((p) => p.addresses[0]!.split(' ')[1]);
      expect(new Set(ips).size).toBe(ips.length);
    } finally {
      await nb.close();
      await ca.close();
      await cb.close();
    }
  }, 120_000);
}

test('the seeds ended in every kind of underlay subnet (physical gateway, logical gateway, u2o)', () => {
  expect([...underlaySeen].sort()).toEqual(['logical', 'physical', 'u2o']);
});
