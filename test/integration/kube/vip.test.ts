/**
 * Vips on real OVN (NB + SB + ovn-northd), issue #18 item 2. Kube-OVN v1.12 pkg/controller/vip.go
 * handleAddVirtualIP reserves the address through the IPAM (acquireStaticIPAddress / acquireIPAddress),
 * calcSubnetStatusIP counts reserved Vips in usingIPs, and subnets attach Vip addresses as `virtual` ports
 * `<subnet>-vip-<ip>` with `options:virtual-ip` (pkg/ovs CreateVirtualLogicalSwitchPorts).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { OvsdbClient } from '../../../src/ovsdb/index.js';
import { startOvnCentral, type OvnCentral } from '../../../src/testing/index.js';
import { reconcile, withDefaultSubnets, type KubeDesiredState, type KubeVip } from '../../../src/kube/index.js';

const desired = (vips: KubeVip[], pods = ['p1']): KubeDesiredState => ({
  subnets: withDefaultSubnets([{ name: 'net1', cidrBlock: '10.97.0.0/24', namespaces: ['ns1'] }]),
  pods: pods.map((name) => ({ name, namespace: 'ns1', node: 'node1' })),
  vips,
});

let central: OvnCentral;
let nb: OvsdbClient;

beforeAll(async () => {
  central = await startOvnCentral();
  nb = await OvsdbClient.connect(central.nb.unix);
});
afterAll(async () => {
  await nb?.close();
  await central?.stop();
});

describe('Vips', () => {
  test('a Vip is reserved before dynamic pods, counted in V4USED, and attached as a virtual port northd binds', async () => {
    const r = await reconcile(
      nb,
      desired([
        { name: 'vip-a', subnet: 'net1' },
        { name: 'vip-b', subnet: 'net1', ip: '10.97.0.100' },
      ]),
      { macSeed: 6 },
    );
    expect(r.ipam.vips.map((v) => [v.name, v.ip])).toEqual([
      ['vip:vip-a', '10.97.0.2'],
      ['vip:vip-b', '10.97.0.100'],
    ]);
    expect(r.ipam.records.find((x) => x.name === 'p1.ns1')!.ip).toBe('10.97.0.3');
    expect(r.ipam.usage.get('net1')).toMatchObject({ v4Used: 3n, v4Available: 253n - 3n });
    expect((await central.nbctl('get', 'Logical_Switch_Port', 'net1-vip-10.97.0.100', 'type')).trim()).toBe('virtual');
    expect(
      (await central.nbctl('get', 'Logical_Switch_Port', 'net1-vip-10.97.0.100', 'options:virtual-ip')).trim(),
    ).toBe('"10.97.0.100"');
    await central.nbctl('--wait=sb', 'sync');
    expect(
      (
        await central.sbctl('--bare', '--columns=type', 'find', 'Port_Binding', 'logical_port=net1-vip-10.97.0.2')
      ).trim(),
    ).toBe('virtual');
  });

  test('the reservation survives a restart (read back from NB); a second reconcile changes nothing', async () => {
    const c2 = await OvsdbClient.connect(central.nb.unix);
    try {
      const again = await reconcile(
        c2,
        desired([
          { name: 'vip-a', subnet: 'net1' },
          { name: 'vip-b', subnet: 'net1', ip: '10.97.0.100' },
        ]),
        { macSeed: 99 },
      );
      expect(again.transactions).toBe(0);
      expect(again.ipam.vips.map((v) => v.ip)).toEqual(['10.97.0.2', '10.97.0.100']);
    } finally {
      await c2.close();
    }
  });

  test('a pod cannot take a Vip address; removing the Vip removes its port and frees the address', async () => {
    const vips = [
      { name: 'vip-a', subnet: 'net1' },
      { name: 'vip-b', subnet: 'net1', ip: '10.97.0.100' },
    ];
    const bad = {
      ...desired(vips),
      pods: [
        { name: 'p1', namespace: 'ns1', node: 'node1' },
        { name: 'st', namespace: 'ns1', node: 'node1', ip: '10.97.0.100' },
      ],
    };
    await expect(reconcile(nb, bad)).rejects.toMatchObject({
      code: 'IPAM_ADDRESS_TAKEN',
      value: '10.97.0.100',
      owner: 'vip:vip-b',
    });
    await expect(reconcile(nb, desired([{ name: 'x', subnet: 'gone' }]))).rejects.toMatchObject({
      code: 'KUBE_UNKNOWN_SUBNET',
      value: 'gone',
    });
    const r = await reconcile(nb, desired([vips[0]!]));
    expect(r.ipam.released.map((x) => x.name)).toEqual(['vip:vip-b']);
    await expect(central.nbctl('get', 'Logical_Switch_Port', 'net1-vip-10.97.0.100', 'type')).rejects.toThrow(/no row/);
    expect(r.ipam.usage.get('net1')!.v4Used).toBe(2n);
  });
});
