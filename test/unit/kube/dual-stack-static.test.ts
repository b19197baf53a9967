/**
 * A static request naming one family of a dual-stack owner (Kube-OVN v1.12 pkg/ipam/ipam.go
 * checkAndAppendIpsForDual: a one-address request in a dual-stack subnet gets the other family from
 * getV6RandomAddress / getV4RandomAddress, which return the address the NIC already holds). Planning
 * again from the previous plan's records must keep the other family's address, for a Vip with only
 * `v4ip` and for a pod whose `ip_address` names one family, also when that family's address moves.
 * Pure: no OVS binary.
 */
import { describe, expect, it } from 'vitest';
import { planIpam, withDefaultSubnets, type IpamPlan, type PlanInput, type Pod } from '../../../src/kube/index.js';

const base = (pods: Pod[], vipIp?: string): PlanInput => ({
  subnets: withDefaultSubnets([{ name: 'ds', cidrBlock: '10.77.0.0/24,fd00:77::/120', namespaces: ['ns'] }]),
  pods,
  vips: vipIp === undefined ? [] : [{ name: 'v1', subnet: 'ds', ip: vipIp }],
});
const again = (input: PlanInput, prev: IpamPlan): IpamPlan =>
  planIpam({ ...input, records: [...prev.records, ...prev.vips, ...prev.u2o], releasedIps: prev.releasedIps });

describe('dual-stack owners with a one-family static address', () => {
  it('a Vip with only v4ip keeps its IPv6 address from plan to plan', () => {
    const input = base([{ name: 'p0', namespace: 'ns', node: 'n1' }], '10.77.0.50');
    const first = planIpam(input);
    const vip = first.vips.find((r) => r.name === 'vip:v1')!;
    expect(vip.ip.split(',')[0]).toBe('10.77.0.50');
    expect(vip.ip.split(',')[1]).toMatch(/^fd00:77::/);
    let plan = first;
    for (let i = 0; i < 3; i++) {
      plan = again(input, plan);
      expect(plan.vips.find((r) => r.name === 'vip:v1')!.ip).toBe(vip.ip);
      expect(plan.vips.find((r) => r.name === 'vip:v1')!.mac).toBe(vip.mac);
    }
  });

  it('a pod moving its IPv4 static address keeps its IPv6 address and MAC', () => {
    const first = planIpam(base([{ name: 'p1', namespace: 'ns', node: 'n1', ip: '10.77.0.20' }]));
    const held = first.records.find((r) => r.name === 'p1.ns')!;
    const v6 = held.ip.split(',')[1]!;
    const moved = again(base([{ name: 'p1', namespace: 'ns', node: 'n1', ip: '10.77.0.21' }]), first);
    const now = moved.records.find((r) => r.name === 'p1.ns')!;
    expect(now.ip).toBe(`10.77.0.21,${v6}`);
    expect(now.mac).toBe(held.mac);
  });
});
