/**
 * Property tests of the planner over random churn: pods come and go between plans, each plan starting
 * from the previous plan's records (as after a restart). Invariants: no duplicate IP or MAC, every
 * address inside its subnet and not excluded, kept pods keep their address, counts equal Kube-OVN's
 * formula, and re-planning from a plan's own records changes nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SubnetAllocator, kubeAddressCount, parseCidrBlock } from '../../../src/ipam/index.js';
import { type IpRecord, type Pod, type Subnet, defineSubnet, planIpam } from '../../../src/kube/subnet-model.js';

const subnets: Subnet[] = [
  defineSubnet({ name: 'join', cidrBlock: '100.64.0.0/26' }),
  defineSubnet({
    name: 'ovn-default',
    cidrBlock: '10.16.0.0/25,fd00:10:16::/121',
    default: true,
    natOutgoing: true,
    excludeIps: ['10.16.0.100..10.16.0.126'],
  }),
  defineSubnet({
    name: 'subnet1',
    cidrBlock: '10.66.0.0/26',
    excludeIps: ['10.66.0.1..10.66.0.10'],
    namespaces: ['ns1'],
    natOutgoing: true,
  }),
  defineSubnet({ name: 'v6only', cidrBlock: 'fd00:66::/122', namespaces: ['ns6'] }),
];

const NAMESPACES = ['default', 'ns1', 'ns6', 'other'];

const podArb = fc.record({
  name: fc.integer({ min: 0, max: 30 }).map((i) => `pod${i}`),
  namespace: fc.constantFrom(...NAMESPACES),
  node: fc.constantFrom('node1', 'node2'),
});

function dedupe(pods: Pod[]): Pod[] {
  const seen = new Set<string>();
  return pods.filter((p) => {
    const k = `${p.name}.${p.namespace}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function checkInvariants(
  records: readonly IpRecord[],
  usage: ReadonlyMap<string, { v4Used: bigint; v4Available: bigint; v6Used: bigint; v6Available: bigint }>,
): void {
  const ips = records.flatMap((r) => r.ip.split(','));
  expect(new Set(ips).size).toBe(ips.length);
  expect(new Set(records.map((r) => r.mac)).size).toBe(records.length);
  for (const s of subnets) {
    // An independent allocator of the same spec says whether each address is inside and not excluded.
    const probe = new SubnetAllocator({ cidr: s.cidrBlock, gateway: s.gateway, excludeIps: s.excludeIps });
    const mine = records.filter((r) => r.subnet === s.name);
    for (const r of mine) {
      for (const ip of r.ip.split(',')) {
        expect(probe.contains(ip)).toBe(true);
        expect(probe.isExcluded(ip)).toBe(false);
      }
      expect(r.ip.split(',').length).toBe(parseCidrBlock(s.cidrBlock).length);
    }
    // Formula: AddressCount − excluded(usable, merged) − used.
    const u = usage.get(s.name)!;
    const fresh = probe.usage();
    for (const c of parseCidrBlock(s.cidrBlock)) {
      const used = BigInt(mine.length);
      const total = kubeAddressCount(c);
      const excluded = total - (c.family === 4 ? fresh.v4Available : fresh.v6Available);
      const [gotUsed, gotAvail] = c.family === 4 ? [u.v4Used, u.v4Available] : [u.v6Used, u.v6Available];
      expect(gotUsed).toBe(used);
      const want = total - excluded - used;
      expect(gotAvail).toBe(want < 0n ? 0n : want);
    }
  }
}

describe('planIpam under churn', () => {
  it('keeps its invariants across a sequence of plans', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(podArb, { maxLength: 25 }), { minLength: 1, maxLength: 6 }),
        fc.integer(),
        (rounds, seed) => {
          let records: readonly IpRecord[] = [];
          for (const raw of rounds) {
            const pods = dedupe(raw);
            const plan = planIpam({ subnets, pods, nodes: ['node1', 'node2'], records, macSeed: seed });
            checkInvariants(plan.records, plan.usage);
            // pods that stayed keep their address and MAC
            const before = new Map(records.map((r) => [r.name, r]));
            for (const r of plan.records) {
              const old = before.get(r.name);
              if (old !== undefined) expect([r.ip, r.mac, r.subnet]).toEqual([old.ip, old.mac, old.subnet]);
            }
            // released = previous records whose owner is gone
            const names = new Set(plan.records.map((r) => r.name));
            expect(plan.released.map((r) => r.name).sort()).toEqual(
              records
                .filter((r) => !names.has(r.name))
                .map((r) => r.name)
                .sort(),
            );
            // re-planning from its own records is a no-op
            const again = planIpam({
              subnets,
              pods,
              nodes: ['node1', 'node2'],
              records: plan.records,
              macSeed: seed + 1,
            });
            expect(again.records).toEqual(plan.records);
            expect(again.allocated).toEqual([]);
            records = plan.records;
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
