/**
 * The `ovn.kubernetes.io/ip_pool` annotation on real OVN (NB + SB + ovn-northd + ovn-trace), issue #18
 * item 2, following Kube-OVN pkg/controller/pod.go acquireAddress: a Deployment's pods take the pool's
 * addresses in order (the first one no other pod holds), a StatefulSet pod takes the entry at its ordinal,
 * and a pod that comes back gets its address again; the ports carry those addresses and northd delivers
 * between them.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { OvsdbClient } from '../../../src/ovsdb/index.js';
import { run, startOvnCentral, type OvnCentral } from '../../../src/testing/index.js';
import {
  parseIpPool,
  planIpam,
  reconcile,
  withDefaultSubnets,
  type IpRecord,
  type KubeDesiredState,
  type Pod,
} from '../../../src/kube/index.js';

const POOL = '10.95.0.50,10.95.0.40,10.95.0.60';
const dep = (name: string): Pod => ({ name, namespace: 'app', node: 'node1', ipPool: POOL });
const sts = (i: number): Pod => ({
  name: `db-${i}`,
  namespace: 'app',
  node: 'node1',
  ipPool: '10.95.0.70;10.95.0.71;10.95.0.72',
  statefulSet: true,
});
const desired = (pods: Pod[]): KubeDesiredState => ({
  subnets: withDefaultSubnets([{ name: 'apps', cidrBlock: '10.95.0.0/24', namespaces: ['app'] }]),
  pods,
});

let central: OvnCentral;
let nb: OvsdbClient;
const ipOf = (records: readonly IpRecord[], name: string): string => records.find((r) => r.name === name)!.ip;

beforeAll(async () => {
  central = await startOvnCentral();
  nb = await OvsdbClient.connect(central.nb.unix);
});
afterAll(async () => {
  await nb?.close();
  await central?.stop();
});

describe('ip_pool', () => {
  test('the annotation splits as Kube-OVN splits it', () => {
    expect(parseIpPool('10.0.0.1, 10.0.0.2')).toEqual(['10.0.0.1', '10.0.0.2']);
    expect(parseIpPool('10.0.0.1,fd00::1')).toEqual(['10.0.0.1,fd00::1']);
    expect(parseIpPool('10.0.0.1,fd00::1;10.0.0.2,fd00::2')).toEqual(['10.0.0.1,fd00::1', '10.0.0.2,fd00::2']);
  });

  test('Deployment pods take the pool in order; StatefulSet pods by ordinal; ports carry the addresses', async () => {
    const r = await reconcile(
      nb,
      desired([dep('web-a'), dep('web-b'), sts(2), sts(0), { name: 'plain', namespace: 'app', node: 'node1' }]),
      { macSeed: 2 },
    );
    const recs = r.ipam.records;
    expect([ipOf(recs, 'web-a.app'), ipOf(recs, 'web-b.app')]).toEqual(['10.95.0.50', '10.95.0.40']);
    expect([ipOf(recs, 'db-2.app'), ipOf(recs, 'db-0.app')]).toEqual(['10.95.0.72', '10.95.0.70']);
    expect(ipOf(recs, 'plain.app')).toBe('10.95.0.2');
    const web = recs.find((x) => x.name === 'web-a.app')!;
    expect((await central.nbctl('get', 'Logical_Switch_Port', 'web-a.app', 'addresses')).trim()).toBe(
      `["${web.mac} 10.95.0.50"]`,
    );
    await central.nbctl('--wait=sb', 'sync');
    const db = recs.find((x) => x.name === 'db-2.app')!;
    const flow = `inport == "web-a.app" && eth.src == ${web.mac} && eth.dst == ${db.mac} && ip4.src == 10.95.0.50 && ip4.dst == 10.95.0.72 && ip.ttl == 64 && icmp4`;
    const out = (await run('ovn-trace', [`--db=${central.sb.unix}`, '--minimal', 'apps', flow])).stdout;
    expect([...out.matchAll(/output\("([^"]+)"\)/g)].map((m) => m[1])).toEqual(['db-2.app']);
  });

  test('a pod that returns gets its address back, ahead of never-used ones', async () => {
    await reconcile(nb, desired([dep('web-b'), sts(0), { name: 'plain', namespace: 'app', node: 'node1' }]));
    const r = await reconcile(
      nb,
      desired([dep('web-b'), sts(0), sts(2), dep('web-c'), { name: 'plain', namespace: 'app', node: 'node1' }]),
    );
    expect(ipOf(r.ipam.records, 'db-2.app')).toBe('10.95.0.72');
    expect(ipOf(r.ipam.records, 'web-c.app')).toBe('10.95.0.50'); // first pool entry nobody holds
  });

  test('bad pools: typed errors, NB unchanged', async () => {
    const before = await central.nb.client('dump', 'OVN_Northbound');
    const cases: [Pod[], Record<string, unknown>][] = [
      [[dep('web-b'), dep('x1'), dep('x2'), dep('x3')], { code: 'KUBE_IP_POOL_EXHAUSTED', pod: 'x3.app' }],
      [[sts(5)], { code: 'KUBE_IP_POOL_EXHAUSTED', pod: 'db-5.app' }],
      [[{ ...dep('y'), ipPool: '10.95.0.50,not-an-ip' }], { code: 'KUBE_POD_INVALID_FIELD', field: 'ipPool' }],
    ];
    for (const [pods, err] of cases) {
      await expect(reconcile(nb, desired(pods)), JSON.stringify(err)).rejects.toMatchObject(err);
    }
    expect(await central.nb.client('dump', 'OVN_Northbound')).toBe(before);
    // A StatefulSet entry held by another pod is the IPAM's conflict, naming the holder.
    expect(() =>
      planIpam({ ...desired([{ name: 'other', namespace: 'app', node: 'n', ip: '10.95.0.71' }, sts(1)]) }),
    ).toThrow(expect.objectContaining({ code: 'IPAM_ADDRESS_TAKEN', value: '10.95.0.71', owner: 'other.app' }));
  });
});
