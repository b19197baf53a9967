/**
 * Dual-stack Vips, static Vip MACs and `switch_lb_vip` on real OVN (NB + SB + ovn-northd + ovn-trace), issue
 * #18 item 2. Kube-OVN (read at v1.12.9 and v1.14.0): handleAddVirtualIP reserves one address per family of
 * the subnet (GetRandomAddress / GetStaticAddress + checkAndAppendIpsForDual), counted in usingIPs per family
 * (calcDualSubnetStatusIP); subnets attach addresses as `virtual` ports `<subnet>-vip-<ip>`, one per address
 * (CreateVirtualLogicalSwitchPorts); `spec.v6ip` and `spec.macAddress` are honoured from v1.14 (v1.12 reads
 * only `v4ip` and draws the MAC); a `switch_lb_vip` Vip is a switch port `<vip>.<namespace>` with the
 * subnet's router-port MAC and `options:arp_proxy=true` (v1.12 handleAddVirtualIP), so ARP for it is
 * answered with the gateway's MAC.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { OvsdbClient } from '../../../src/ovsdb/index.js';
import { run, startOvnCentral, type OvnCentral } from '../../../src/testing/index.js';
import { reconcile, withDefaultSubnets, type KubeDesiredState, type KubeVip } from '../../../src/kube/index.js';

const VIPS: KubeVip[] = [
  { name: 'dv', subnet: 'ds' },
  { name: 'sv', subnet: 'ds', ip: '10.98.0.100', v6ip: 'fd00:98::64', macAddress: '00:00:00:aa:bb:cc' },
];
const desired = (vips: KubeVip[], o: Partial<KubeDesiredState> = {}): KubeDesiredState => ({
  subnets: withDefaultSubnets([{ name: 'ds', cidrBlock: '10.98.0.0/24,fd00:98::/120', namespaces: ['ns1'] }]),
  pods: [{ name: 'p1', namespace: 'ns1', node: 'node1' }],
  vips,
  ...o,
});

let central: OvnCentral;
let nb: OvsdbClient;
const get = async (...args: string[]) => (await central.nbctl('get', 'Logical_Switch_Port', ...args)).trim();

beforeAll(async () => {
  central = await startOvnCentral();
  nb = await OvsdbClient.connect(central.nb.unix);
});
afterAll(async () => {
  await nb?.close();
  await central?.stop();
});

describe('dual-stack Vips', () => {
  test('one address per family, counted in V4USED and V6USED, one virtual port per address; the static MAC kept', async () => {
    const r = await reconcile(nb, desired(VIPS), { macSeed: 8 });
    expect(r.ipam.vips.map((v) => [v.name, v.ip])).toEqual([
      ['vip:dv', '10.98.0.2,fd00:98::2'],
      ['vip:sv', '10.98.0.100,fd00:98::64'],
    ]);
    expect(r.ipam.vips[1]!.mac).toBe('00:00:00:aa:bb:cc');
    expect(r.ipam.records.find((x) => x.name === 'p1.ns1')!.ip).toBe('10.98.0.3,fd00:98::3');
    expect(r.ipam.usage.get('ds')).toMatchObject({ v4Used: 3n, v6Used: 3n });
    for (const ip of ['10.98.0.2', 'fd00:98::2', '10.98.0.100', 'fd00:98::64']) {
      expect(await get(`ds-vip-${ip}`, 'type')).toBe('virtual');
      expect(await get(`ds-vip-${ip}`, 'options:virtual-ip')).toBe(`"${ip}"`);
    }
    await central.nbctl('--wait=sb', 'sync');
    expect(
      (
        await central.sbctl('--bare', '--columns=type', 'find', 'Port_Binding', 'logical_port=ds-vip-10.98.0.100')
      ).trim(),
    ).toBe('virtual');
    expect(
      (
        await central.sbctl('--bare', '--columns=type', 'find', 'Port_Binding', 'logical_port="ds-vip-fd00:98::64"')
      ).trim(),
    ).toBe('virtual');
  });

  test('read back after a restart: nothing to write; a pod cannot take the static MAC', async () => {
    const c2 = await OvsdbClient.connect(central.nb.unix);
    try {
      const again = await reconcile(c2, desired(VIPS), { macSeed: 99 });
      expect(again.transactions).toBe(0);
      expect(again.ipam.vips.map((v) => v.ip)).toEqual(['10.98.0.2,fd00:98::2', '10.98.0.100,fd00:98::64']);
      await expect(
        reconcile(c2, {
          ...desired(VIPS),
          pods: [
            { name: 'p1', namespace: 'ns1', node: 'node1' },
            { name: 'p2', namespace: 'ns1', node: 'node1', mac: '00:00:00:AA:BB:CC' },
          ],
        }),
      ).rejects.toMatchObject({ code: 'IPAM_MAC_TAKEN', owner: 'vip:sv' });
    } finally {
      await c2.close();
    }
  });

  test('switch_lb_vip: a port with the gateway MAC and arp_proxy; ARP for the Vip is answered with that MAC', async () => {
    const vips: KubeVip[] = [...VIPS, { name: 'lbv', subnet: 'ds', type: 'switch_lb_vip', namespace: 'ns1' }];
    const r = await reconcile(nb, desired(vips));
    const lb = r.ipam.vips.find((v) => v.name === 'vip:lbv')!;
    expect(lb.ip).toBe('10.98.0.4,fd00:98::4');
    const lrpMac = JSON.parse((await central.nbctl('get', 'Logical_Router_Port', 'ovn-cluster-ds', 'mac')).trim());
    expect(await get('lbv.ns1', 'addresses')).toBe(`["${lrpMac} 10.98.0.4 fd00:98::4"]`);
    expect(await get('lbv.ns1', 'options:arp_proxy')).toBe('"true"');
    expect(await get('lbv.ns1', 'external_ids:pod')).toBe('"ns1/lbv"');
    await expect(get('ds-vip-10.98.0.4', 'type')).rejects.toThrow(/no row/);
    await central.nbctl('--wait=sb', 'sync');
    const p1 = r.ipam.records.find((x) => x.name === 'p1.ns1')!;
    const flow = `inport == "p1.ns1" && eth.src == ${p1.mac} && eth.dst == ff:ff:ff:ff:ff:ff && arp.op == 1 && arp.sha == ${p1.mac} && arp.spa == 10.98.0.3 && arp.tha == 00:00:00:00:00:00 && arp.tpa == 10.98.0.4`;
    const out = (await run('ovn-trace', [`--db=${central.sb.unix}`, 'ds', flow])).stdout;
    expect(out).toContain(`eth.src = ${lrpMac.toLowerCase()}`);
    expect(out).toContain('arp.op = 2');
    expect(out).toMatch(/output\("p1\.ns1"\)|outport = inport/);
    // The type changed back to the default: the switch_lb_vip port goes, virtual ports come.
    await reconcile(nb, desired([...VIPS, { name: 'lbv', subnet: 'ds', namespace: 'ns1' }]));
    await expect(get('lbv.ns1', 'type')).rejects.toThrow(/no row/);
    expect(await get('ds-vip-fd00:98::4', 'type')).toBe('virtual');
  });

  test('bad Vips: typed errors naming the field, NB unchanged', async () => {
    const before = await central.nb.client('dump', 'OVN_Northbound');
    const under = {
      subnets: withDefaultSubnets([
        { name: 'ds', cidrBlock: '10.98.0.0/24,fd00:98::/120', namespaces: ['ns1'] },
        { name: 'ul', cidrBlock: '10.99.0.0/24', vlan: 'v100' },
      ]),
      vlans: [{ name: 'v100', id: 100, provider: 'phy' }],
    };
    const cases: [KubeDesiredState, Record<string, unknown>][] = [
      [desired([{ name: 'x', subnet: 'ds', ip: 'fd00:98::9' }]), { code: 'KUBE_VIP_INVALID_FIELD', field: 'ip' }],
      [desired([{ name: 'x', subnet: 'ds', v6ip: '10.98.0.9' }]), { code: 'KUBE_VIP_INVALID_FIELD', field: 'v6ip' }],
      [desired([{ name: 'x', subnet: 'ds', v6ip: 'FD00:98::9' }]), { code: 'KUBE_VIP_INVALID_FIELD', field: 'v6ip' }],
      [
        desired([{ name: 'x', subnet: 'ds', macAddress: 'zz' }]),
        { code: 'KUBE_VIP_INVALID_FIELD', field: 'macAddress' },
      ],
      [
        desired([{ name: 'x', subnet: 'ds', type: 'other' as never }]),
        { code: 'KUBE_VIP_INVALID_FIELD', field: 'type', value: 'other' },
      ],
      [
        desired([...VIPS, { name: 'x', subnet: 'ds', macAddress: '00:00:00:AA:BB:CC' }]),
        { code: 'IPAM_MAC_TAKEN', owner: 'vip:sv' },
      ],
      [
        desired([{ name: 'x', subnet: 'ul', type: 'switch_lb_vip' }], under),
        { code: 'KUBE_VIP_INVALID_FIELD', field: 'type', vip: 'x' },
      ],
    ];
    for (const [state, err] of cases)
      await expect(reconcile(nb, state), JSON.stringify(err)).rejects.toMatchObject(err);
    expect(await central.nb.client('dump', 'OVN_Northbound')).toBe(before);
  });
});
