/**
 * Named IPPools (Kube-OVN v1.12 `ippools.kubeovn.io`, issue #18 item 2), against the rules read at tag
 * v1.12.9: pkg/ipam/subnet.go (AddOrUpdateIPPool: a pool's addresses leave the default pool `""`; pools of
 * one subnet may not overlap; getV4RandomAddress draws from the named pool, free before released;
 * GetStaticAddress takes any address), pkg/controller/namespace.go (a namespace listed by a pool gets the
 * `ovn.kubernetes.io/ip_pool` annotation = the first such pool), pkg/controller/pod.go acquireAddress (the
 * pod's own ip_pool annotation first; one entry that is not an address is a pool name; a static ip wins),
 * dist/images/install.sh (the IPPool printer columns). Pure: no OVS binary.
 */
import { describe, expect, it } from 'vitest';
import {
  isIpPoolName,
  planIpam,
  renderIpPoolTable,
  withDefaultSubnets,
  type KubeIpPool,
  type KubeVip,
  type PlanInput,
  type Pod,
} from '../../../src/kube/index.js';

const pool: KubeIpPool = { name: 'web-pool', subnet: 'apps', ips: ['10.80.0.2..10.80.0.5'], namespaces: ['web'] };
const input = (pods: Pod[], o: Partial<PlanInput> = {}): PlanInput => ({
  subnets: withDefaultSubnets([{ name: 'apps', cidrBlock: '10.80.0.0/24', namespaces: ['web', 'db'] }]),
  pods,
  ippools: [pool],
  ...o,
});
const pod = (name: string, namespace: string, extra: Partial<Pod> = {}): Pod => ({
  name,
  namespace,
  node: 'node1',
  ...extra,
});
const ipOf = (plan: ReturnType<typeof planIpam>, name: string) => plan.records.find((r) => r.name === name)?.ip;

function thrown(fn: () => unknown): Record<string, unknown> {
  try {
    fn();
  } catch (e) {
    return e as Record<string, unknown>;
  }
  throw new Error('expected a throw');
}

describe('IPPool resources', () => {
  it('pods of the pool namespace take pool addresses; other pods never get one (the default pool "")', () => {
    const plan = planIpam(input([pod('d1', 'db'), pod('w1', 'web'), pod('d2', 'db'), pod('w2', 'web')]));
    expect(ipOf(plan, 'd1.db')).toBe('10.80.0.6');
    expect(ipOf(plan, 'd2.db')).toBe('10.80.0.7');
    expect(ipOf(plan, 'w1.web')).toBe('10.80.0.2');
    expect(ipOf(plan, 'w2.web')).toBe('10.80.0.3');
  });

  it('a pod naming the pool in ip_pool takes from it; a static ip wins over the pool (acquireAddress order)', () => {
    expect(isIpPoolName('web-pool')).toBe(true);
    expect(isIpPoolName('10.80.0.9')).toBe(false);
    expect(isIpPoolName('10.80.0.9,10.80.0.10')).toBe(false);
    const plan = planIpam(
      input([pod('d1', 'db', { ipPool: 'web-pool' }), pod('w1', 'web', { ip: '10.80.0.50' }), pod('w2', 'web')]),
    );
    expect(ipOf(plan, 'd1.db')).toBe('10.80.0.2');
    expect(ipOf(plan, 'w1.web')).toBe('10.80.0.50');
    expect(ipOf(plan, 'w2.web')).toBe('10.80.0.3');
  });

  it('a static address inside a pool is granted to any pod, as GetStaticAddress does in v1.12', () => {
    const plan = planIpam(input([pod('d1', 'db', { ip: '10.80.0.2' }), pod('w1', 'web')]));
    expect(ipOf(plan, 'd1.db')).toBe('10.80.0.2');
    expect(ipOf(plan, 'w1.web')).toBe('10.80.0.3');
  });

  it('within a pool, never-used addresses before released ones; a returning pod keeps its address', () => {
    const first = planIpam(input([pod('w1', 'web'), pod('w2', 'web')]));
    const again = planIpam(
      input([pod('w2', 'web'), pod('w3', 'web')], { records: first.records, releasedIps: first.releasedIps }),
    );
    expect(ipOf(again, 'w2.web')).toBe('10.80.0.3');
    expect(ipOf(again, 'w3.web')).toBe('10.80.0.4');
    const third = planIpam(
      input([pod('w2', 'web'), pod('w3', 'web'), pod('w4', 'web'), pod('w5', 'web')], {
        records: again.records,
        releasedIps: again.releasedIps,
      }),
    );
    expect(ipOf(third, 'w4.web')).toBe('10.80.0.5');
    expect(ipOf(third, 'w5.web')).toBe('10.80.0.2'); // the released one, once the never-used are gone
  });

  it('Vips draw from outside the pools too (handleAddVirtualIP uses the default pool)', () => {
    const vips: KubeVip[] = [{ name: 'v1', subnet: 'apps' }];
    const plan = planIpam(input([pod('w1', 'web')], { vips }));
    expect(plan.vips[0]!.ip).toBe('10.80.0.6');
  });

  it('counts: kubectl get ippool as IPPoolStatistics (excluded addresses neither used nor available)', () => {
    const pools: KubeIpPool[] = [
      { name: 'p1', subnet: 'apps', ips: ['10.80.0.0/29'], namespaces: ['web'] }, // .0–.7: .0 is the network, .1 the gateway
    ];
    const plan = planIpam(input([pod('w1', 'web'), pod('w2', 'web'), pod('d1', 'db')], { ippools: pools }));
    expect(plan.ippools.get('p1')).toEqual({ v4Used: 2n, v4Available: 4n, v6Used: 0n, v6Available: 0n });
    expect(plan.usage.get('apps')!.v4Used).toBe(3n);
    expect(renderIpPoolTable(pools, plan.ippools)).toBe(
      'NAME   SUBNET   IPS                V4USED   V4AVAILABLE   V6USED   V6AVAILABLE\n' +
        'p1     apps     ["10.80.0.0/29"]   2        4             0        0\n',
    );
  });

  it('dual stack: a pool with both families hands out one address of each', () => {
    const plan = planIpam({
      subnets: withDefaultSubnets([{ name: 'ds', cidrBlock: '10.81.0.0/24,fd00:81::/120', namespaces: ['web'] }]),
      pods: [pod('w1', 'web'), pod('x', 'web', { ipPool: '' })],
      ippools: [
        { name: 'dp', subnet: 'ds', ips: ['10.81.0.10..10.81.0.11', 'fd00:81::10..fd00:81::11'], namespaces: ['web'] },
      ],
    });
    expect(ipOf(plan, 'w1.web')).toBe('10.81.0.10,fd00:81::10');
    expect(plan.ippools.get('dp')).toMatchObject({ v4Used: 2n, v6Used: 2n, v4Available: 0n, v6Available: 0n });
  });

  it('full: a pool pod gets KUBE_IP_POOL_EXHAUSTED; an outside pod IPAM_SUBNET_EXHAUSTED when only pool addresses are left', () => {
    const pods = [1, 2, 3, 4, 5].map((i) => pod(`w${i}`, 'web'));
    expect(thrown(() => planIpam(input(pods)))).toMatchObject({ code: 'KUBE_IP_POOL_EXHAUSTED', pod: 'w5.web' });
    const small = input([pod('d1', 'db'), pod('d2', 'db')], {
      subnets: withDefaultSubnets([{ name: 'apps', cidrBlock: '10.80.0.0/29', namespaces: ['web', 'db'] }]),
    });
    // .2–.5 are the pool's, .6 the last other usable address.
    expect(thrown(() => planIpam(small))).toMatchObject({ code: 'IPAM_SUBNET_EXHAUSTED', requester: 'd2.db' });
  });

  it('bad pools and pool references: typed errors naming the field', () => {
    const cases: [Partial<PlanInput>, Pod[], Record<string, unknown>][] = [
      [
        { ippools: [{ ...pool, ips: ['10.80.0.2..10.80.0.1'] }] },
        [],
        { code: 'KUBE_IP_POOL_INVALID_FIELD', field: 'ips[0]' },
      ],
      [{ ippools: [{ ...pool, ips: ['nope'] }] }, [], { code: 'KUBE_IP_POOL_INVALID_FIELD', field: 'ips[0]' }],
      [{ ippools: [{ ...pool, ips: [] }] }, [], { code: 'KUBE_IP_POOL_INVALID_FIELD', field: 'ips' }],
      [{ ippools: [pool, { ...pool }] }, [], { code: 'KUBE_IP_POOL_INVALID_FIELD', field: 'name' }],
      [{ ippools: [{ ...pool, subnet: 'gone' }] }, [], { code: 'KUBE_UNKNOWN_SUBNET', value: 'gone' }],
      [{ ippools: [{ ...pool, name: 'Bad_Name' }] }, [], { code: 'KUBE_INVALID_NAME', field: 'ippool.name' }],
      [
        { ippools: [pool, { name: 'p2', subnet: 'apps', ips: ['10.80.0.5..10.80.0.9'] }] },
        [],
        { code: 'KUBE_IP_POOL_OVERLAP', pool: 'p2', other: 'web-pool', value: '10.80.0.5' },
      ],
      [
        {},
        [pod('d1', 'db', { ipPool: 'no-such-pool' })],
        { code: 'KUBE_UNKNOWN_IP_POOL', field: 'ipPool', value: 'no-such-pool' },
      ],
      [
        {},
        [pod('d1', 'other', { ipPool: 'web-pool' })],
        { code: 'KUBE_IP_POOL_WRONG_SUBNET', field: 'ipPool', value: 'web-pool', subnet: 'apps' },
      ],
    ];
    for (const [o, pods, err] of cases)
      expect(
        thrown(() => planIpam(input(pods, o))),
        JSON.stringify(err),
      ).toMatchObject(err);
    // Pools of two subnets may share addresses only when the subnets do not: different subnets never clash.
    expect(() =>
      planIpam(input([], { ippools: [pool, { name: 'p-join', subnet: 'join', ips: ['100.64.0.5'] }] })),
    ).not.toThrow();
  });
});
