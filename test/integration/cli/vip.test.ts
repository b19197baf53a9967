/**
 * `ovn-sdk` with Kube-OVN Vips the model builds beyond the default IPv4 reservation: a dual-stack Vip with
 * a static MAC (one `virtual` port per address) and a `switch_lb_vip` (a port `<name>.<namespace>` with
 * the router port's MAC and `arp_proxy`), against a throwaway NB; ovn-nbctl is the oracle for the ports.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { run as runCli } from '../../../src/cli/main.js';
import { startOvnCentral, type OvnCentral } from '../../../src/testing/index.js';

vi.setConfig({ testTimeout: 120_000 });

let central: OvnCentral;
let work: string;

async function cli(args: readonly string[], input?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['--db', central.nb.unix, ...args], {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    env: { ...process.env, NO_COLOR: '1' },
    stdin: () => input ?? '',
  });
  return { code, stdout, stderr };
}

/** ovn-nbctl on the same NB: the oracle for what the command line wrote. */
function nbctl(...args: string[]): string {
  return execFileSync('ovn-nbctl', [`--db=${central.nb.unix}`, ...args], {
    encoding: 'utf8',
    env: { ...process.env, OVN_RUNDIR: work },
    timeout: 20_000,
  }).trim();
}

const SUBNET = `apiVersion: kubeovn.io/v1
kind: Subnet
metadata:
  name: ds1
spec:
  protocol: Dual
  cidrBlock: 10.77.0.0/24,fd00:77::/120
  gateway: 10.77.0.1,fd00:77::1
`;
const VIPS = `apiVersion: kubeovn.io/v1
kind: Vip
metadata:
  name: dual1
spec:
  subnet: ds1
  v4ip: 10.77.0.20
  v6ip: fd00:77::20
  macAddress: 00:00:00:12:34:56
---
apiVersion: kubeovn.io/v1
kind: Vip
metadata:
  name: lb1
spec:
  subnet: ds1
  namespace: ns9
  type: switch_lb_vip
  v4ip: 10.77.0.30
  v6ip: fd00:77::30
`;

beforeAll(async () => {
  central = await startOvnCentral();
  work = mkdtempSync(join(tmpdir(), 'cli-vip-'));
}, 60_000);
afterAll(async () => {
  await central?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('dual-stack, static-MAC and switch_lb_vip Vips', () => {
  it('apply builds their ports; a second apply changes nothing', async () => {
    const s = await cli(['apply', '-f', '-'], SUBNET);
    expect(s.stderr).toBe('');
    const r = await cli(['apply', '-f', '-'], VIPS);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('vip.kubeovn.io/dual1 created\nvip.kubeovn.io/lb1 created\n');
    const ports = () =>
      nbctl(
        '--bare',
        '--columns=name,addresses,options',
        'find',
        'Logical_Switch_Port',
        'external_ids:"ovn-sdk/vip"!=""',
      );
    const first = ports();
    const again = await cli(['apply', '-f', '-'], VIPS);
    expect(ports()).toBe(first);
    expect(again.stdout).toBe('vip.kubeovn.io/dual1 unchanged\nvip.kubeovn.io/lb1 unchanged\n');

    // The dual-stack Vip: one virtual port per address, its static MAC as the reservation's.
    for (const ip of ['10.77.0.20', 'fd00:77::20']) {
      const port = `ds1-vip-${ip}`;
      expect(nbctl('lsp-get-type', port)).toBe('virtual');
      expect(nbctl('get', 'Logical_Switch_Port', port, 'options:"virtual-ip"')).toBe(JSON.stringify(ip));
      expect(nbctl('get', 'Logical_Switch_Port', port, 'external_ids:"ovn-sdk/vip-mac"')).toBe('"00:00:00:12:34:56"');
      expect(nbctl('lsp-get-ls', port)).toContain('(ds1)');
    }
    // The switch_lb_vip: port <name>.<namespace> with the router port's MAC and arp_proxy.
    const routerMac = nbctl('get', 'Logical_Router_Port', 'ovn-cluster-ds1', 'mac').replace(/"/g, '');
    expect(routerMac).toMatch(/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/i);
    expect(nbctl('lsp-get-type', 'lb1.ns9')).toBe('');
    expect(nbctl('lsp-get-addresses', 'lb1.ns9')).toBe(`${routerMac} 10.77.0.30 fd00:77::30`);
    expect(nbctl('get', 'Logical_Switch_Port', 'lb1.ns9', 'options:arp_proxy')).toBe('"true"');
    expect(nbctl('get', 'Logical_Switch_Port', 'lb1.ns9', 'external_ids:pod')).toBe('"ns9/lb1"');
  });

  it('get vips shows the v6 address, the MACs and the type', async () => {
    const routerMac = nbctl('get', 'Logical_Router_Port', 'ovn-cluster-ds1', 'mac').replace(/"/g, '');
    const t = await cli(['get', 'vips']);
    expect(t.stderr).toBe('');
    expect(t.stdout).toBe(
      [
        'NAME    V4IP         V6IP          MAC                 PMAC   SUBNET   READY   TYPE',
        'dual1   10.77.0.20   fd00:77::20   00:00:00:12:34:56          ds1      true    ',
        `lb1     10.77.0.30   fd00:77::30   ${routerMac}          ds1      true    switch_lb_vip`,
        '',
      ].join('\n'),
    );
    const o = JSON.parse((await cli(['get', 'vip', 'dual1', '-o', 'json'])).stdout);
    expect(o.spec).toMatchObject({
      v4ip: '10.77.0.20',
      v6ip: 'fd00:77::20',
      macAddress: '00:00:00:12:34:56',
      type: '',
    });
    expect(o.status).toMatchObject({
      ready: true,
      v4ip: '10.77.0.20',
      v6ip: 'fd00:77::20',
      mac: '00:00:00:12:34:56',
    });
    const lb = JSON.parse((await cli(['get', 'vip', 'lb1', '-o', 'json'])).stdout);
    expect(lb.spec).toMatchObject({ type: 'switch_lb_vip', namespace: 'ns9' });
    expect(lb.status).toMatchObject({
      ready: true,
      type: 'switch_lb_vip',
      v4ip: '10.77.0.30',
      v6ip: 'fd00:77::30',
      mac: routerMac,
    });
  });

  it('fields still not modelled are refused; bad ones fail with their codes', async () => {
    const vip = (spec: string) =>
      `apiVersion: kubeovn.io/v1\nkind: Vip\nmetadata:\n  name: bad\nspec:\n  subnet: ds1\n${spec}`;
    expect((await cli(['apply', '-f', '-'], vip('  parentMac: 00:00:00:01:02:03\n'))).stderr).toBe(
      'error: -:7:14: Vip spec.parentMac is not supported by this version: parent ports of a Vip are not modelled [CLI_UNSUPPORTED]\n',
    );
    expect((await cli(['apply', '-f', '-'], vip('  v6ip: 10.77.0.9\n'))).stderr).toBe(
      'error: -:7:9: spec.v6ip "10.77.0.9" is not an IPv6 address [CLI_MANIFEST_INVALID]\n',
    );
    const badType = await cli(['apply', '-f', '-'], vip('  type: lb\n'));
    expect(badType.code).not.toBe(0);
    expect(badType.stderr).toContain('[KUBE_VIP_INVALID_FIELD]');
    const dupMac = await cli(['apply', '-f', '-'], vip('  macAddress: 00:00:00:12:34:56\n'));
    expect(dupMac.stderr).toBe(
      'error: MAC 00:00:00:12:34:56 requested by vip:bad is already held by vip:dual1 [IPAM_MAC_TAKEN]\n',
    );
    expect(nbctl('--bare', '--columns=name', 'find', 'Logical_Switch_Port', 'external_ids:"ovn-sdk/vip"=bad')).toBe('');
  });

  it('a switch_lb_vip whose spec NB no longer stores is read back from its port and kept', async () => {
    const before = nbctl('lsp-get-addresses', 'lb1.ns9');
    nbctl('remove', 'NB_Global', '.', 'external_ids', '"ovn-sdk/vip/lb1"');
    const r = await cli(['apply', '-f', '-'], SUBNET);
    expect(r.stderr).toBe('');
    expect(nbctl('lsp-get-addresses', 'lb1.ns9')).toBe(before);
    expect(nbctl('get', 'Logical_Switch_Port', 'lb1.ns9', 'options:arp_proxy')).toBe('"true"');
    expect(nbctl('--bare', '--columns=name', 'find', 'Logical_Switch_Port', 'external_ids:"ovn-sdk/vip"=lb1')).toBe(
      'lb1.ns9',
    );
    const lb = JSON.parse((await cli(['get', 'vip', 'lb1', '-o', 'json'])).stdout);
    expect(lb.spec).toMatchObject({ type: 'switch_lb_vip', namespace: 'ns9', subnet: 'ds1' });
    expect(lb.status).toMatchObject({ ready: true, type: 'switch_lb_vip', v4ip: '10.77.0.30', v6ip: 'fd00:77::30' });
  });
});
