/**
 * `ovn-sdk` with Kube-OVN's IP, IPPool and Vip kinds, against a throwaway NB: apply (and apply again),
 * `get ip|vip|ippool` tables and objects read back from NB (MACs the model drew are read with ovn-nbctl,
 * the oracle), an IP's reservation taken by its pod, delete, and the error cases with their exact text.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { run as runCli } from '../../../src/cli/main.js';
import { startOvnCentral, type OvnCentral } from '../../../src/testing/index.js';

vi.setConfig({ testTimeout: 120_000 });

const root = join(import.meta.dirname, '..', '..', '..');
const main = join(root, 'src', 'cli', 'main.ts');
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const fixtures = join(root, 'test', 'fixtures', 'cli');
const objects = join(fixtures, 'kube-objects');
const execFileP = promisify(execFile);

let central: OvnCentral;
let work: string;

interface Out {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(args: readonly string[], input?: string): Promise<Out> {
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

async function cliProcess(args: readonly string[]): Promise<Out> {
  try {
    const { stdout, stderr } = await execFileP(tsx, [main, '--db', central.nb.unix, ...args], {
      env: { ...process.env, NO_COLOR: '1' },
      timeout: 90_000,
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
}

/** ovn-nbctl on the same NB: the oracle for what the command line wrote. */
function nbctl(...args: string[]): string {
  return execFileSync('ovn-nbctl', [`--db=${central.nb.unix}`, ...args], {
    encoding: 'utf8',
    env: { ...process.env, OVN_RUNDIR: work },
    timeout: 20_000,
  }).trim();
}
const macOf = (port: string): string => nbctl('lsp-get-addresses', port).split(' ')[0]!;
const vipMacOf = (port: string): string =>
  JSON.parse(nbctl('get', 'Logical_Switch_Port', port, 'external_ids:"ovn-sdk/vip-mac"')) as string;

beforeAll(async () => {
  central = await startOvnCentral();
  work = mkdtempSync(join(tmpdir(), 'cli-kube-objects-'));
  const seed = await cli(['apply', '-f', join(fixtures, 'seed')]);
  expect(seed.code, seed.stderr).toBe(0);
}, 60_000);
afterAll(async () => {
  await central?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

const CREATED = [
  'ippool.kubeovn.io/pool1 created',
  'ip.kubeovn.io/web-0.ns1 created',
  'vip.kubeovn.io/vip1 created',
  'vip.kubeovn.io/vip2 created',
  'namespace/ns2 created',
  'pod/pooled-a created',
  'pod/pooled-b created',
];

describe('IP, IPPool and Vip', () => {
  it('apply creates them; a second apply changes nothing', async () => {
    const r = await cliProcess(['apply', '-f', objects]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(CREATED.map((l) => `${l}\n`).join(''));
    const again = await cliProcess(['apply', '-f', objects]);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(CREATED.map((l) => `${l.replace(' created', ' unchanged')}\n`).join(''));
    const dry = await cli(['apply', '-f', objects, '--dry-run']);
    expect(dry.stdout).not.toContain('"op"');
    // What NB holds, by ovn-nbctl: the IP's reservation is a port with its address and MAC, each Vip a
    // virtual port named by its address, and the specs sit under the documented NB_Global keys.
    expect(nbctl('lsp-get-addresses', 'web-0.ns1')).toBe('00:00:00:11:22:33 10.66.0.50');
    expect(nbctl('lsp-get-type', 'subnet1-vip-10.66.0.12')).toBe('virtual');
    expect(nbctl('lsp-get-type', 'ovn-default-vip-10.16.0.100')).toBe('virtual');
    expect(nbctl('get', 'NB_Global', '.', 'external_ids:"ovn-sdk/vip/vip2"')).toBe(
      '"{\\"subnet\\":\\"ovn-default\\",\\"v4ip\\":\\"10.16.0.100\\",\\"namespace\\":\\"default\\"}"',
    );
    expect(nbctl('get', 'NB_Global', '.', 'external_ids:"ovn-sdk/ippool/pool1"')).toContain('10.66.1.0/30');
    expect(nbctl('get', 'NB_Global', '.', 'external_ids:"ovn-sdk/ip/web-0.ns1"')).toContain('StatefulSet');
  });

  it('get ip / vip / ippool print the v1.12 tables from NB', async () => {
    const m = macOf;
    const ips = await cli(['get', 'ips']);
    expect(ips.stderr).toBe('');
    expect(ips.stdout).toBe(
      [
        'NAME                             V4IP          V6IP   MAC                 NODE    SUBNET',
        `node-node1                       100.64.0.2           ${m('node-node1')}   node1   join`,
        `node-node2                       100.64.0.3           ${m('node-node2')}   node2   join`,
        'ovn-default-node1-pod1.default   10.16.0.8            00:00:00:AA:0D:31   node1   ovn-default',
        'ovn-default-node1-pod2.default   10.16.0.9            00:00:00:28:19:46   node1   ovn-default',
        `ovn-default-node2-pod3.default   10.16.0.2            ${m('ovn-default-node2-pod3.default')}   node2   ovn-default`,
        `pooled-a.ns1                     10.66.0.100          ${m('pooled-a.ns1')}   node1   subnet1`,
        `pooled-b.ns2                     10.66.0.101          ${m('pooled-b.ns2')}   node2   subnet1`,
        `subnet1-node1-pod1.ns1           10.66.0.11           ${m('subnet1-node1-pod1.ns1')}   node1   subnet1`,
        'web-0.ns1                        10.66.0.50           00:00:00:11:22:33   node2   subnet1',
        '',
      ].join('\n'),
    );
    expect((await cli(['get', 'ips', '-o', 'wide'])).stdout).toBe(ips.stdout);
    expect((await cli(['get', 'ip', 'web-0.ns1'])).stdout).toBe(
      [
        'NAME        V4IP         V6IP   MAC                 NODE    SUBNET',
        'web-0.ns1   10.66.0.50          00:00:00:11:22:33   node2   subnet1',
        '',
      ].join('\n'),
    );

    const vip1Mac = vipMacOf('subnet1-vip-10.66.0.12');
    const vip2Mac = vipMacOf('ovn-default-vip-10.16.0.100');
    const vips = await cli(['get', 'vips']);
    expect(vips.stdout).toBe(
      [
        'NAME   V4IP          V6IP   MAC                 PMAC   SUBNET        READY   TYPE',
        `vip1   10.66.0.12           ${vip1Mac}          subnet1       true    `,
        `vip2   10.16.0.100          ${vip2Mac}          ovn-default   true    `,
        '',
      ].join('\n'),
    );
    expect((await cli(['get', 'vip', 'vip2'])).stdout).toBe(
      [
        'NAME   V4IP          V6IP   MAC                 PMAC   SUBNET        READY   TYPE',
        `vip2   10.16.0.100          ${vip2Mac}          ovn-default   true    `,
        '',
      ].join('\n'),
    );

    // pooled-a names pool1 in its ip_pool annotation, pooled-b lives in ns2, which pool1 lists.
    const pools = await cli(['get', 'ippool']);
    expect(pools.stdout).toBe(
      [
        'NAME    SUBNET    IPS                                           V4USED   V4AVAILABLE   V6USED   V6AVAILABLE',
        'pool1   subnet1   ["10.66.0.100..10.66.0.103","10.66.1.0/30"]   2        6             0        0',
        '',
      ].join('\n'),
    );
    // subnet1 counts the pod, the IP's reservation, both pool pods and vip1
    const subnet1 = (await cli(['get', 'subnet', 'subnet1'])).stdout.split('\n')[1]!.split(/\s+/);
    expect(subnet1.slice(9, 11)).toEqual(['5', '65519']);
  });

  it('-o json / yaml give the Kubernetes objects', async () => {
    const vip = JSON.parse((await cli(['get', 'vip', 'vip1', '-o', 'json'])).stdout);
    expect(vip).toEqual({
      apiVersion: 'kubeovn.io/v1',
      kind: 'Vip',
      metadata: { name: 'vip1' },
      spec: {
        namespace: '',
        subnet: 'subnet1',
        type: '',
        v4ip: '',
        v6ip: '',
        macAddress: '',
        parentV4ip: '',
        parentMac: '',
        parentV6ip: '',
      },
      status: {
        ready: true,
        type: '',
        v4ip: '10.66.0.12',
        v6ip: '',
        mac: vipMacOf('subnet1-vip-10.66.0.12'),
        pv4ip: '',
        pv6ip: '',
        pmac: '',
      },
    });
    expect((await cli(['get', 'ippool', 'pool1', '-o', 'yaml'])).stdout).toBe(
      [
        'apiVersion: kubeovn.io/v1',
        'kind: IPPool',
        'metadata:',
        '  name: pool1',
        'spec:',
        '  subnet: subnet1',
        '  ips:',
        '    - 10.66.0.100..10.66.0.103',
        '    - 10.66.1.0/30',
        '  namespaces:',
        '    - ns2',
        'status:',
        '  v4AvailableIPs: 6',
        '  v4AvailableIPRange: 10.66.0.102-10.66.0.103,10.66.1.0-10.66.1.3',
        '  v4UsingIPs: 2',
        '  v4UsingIPRange: 10.66.0.100-10.66.0.101',
        '  v6AvailableIPs: 0',
        '  v6AvailableIPRange: ""',
        '  v6UsingIPs: 0',
        '  v6UsingIPRange: ""',
        '',
      ].join('\n'),
    );
    const ip = JSON.parse((await cli(['get', 'ip', 'web-0.ns1', '-o', 'json'])).stdout);
    expect(ip).toEqual({
      apiVersion: 'kubeovn.io/v1',
      kind: 'IP',
      metadata: { name: 'web-0.ns1' },
      spec: {
        podName: 'web-0',
        namespace: 'ns1',
        subnet: 'subnet1',
        nodeName: 'node2',
        ipAddress: '10.66.0.50',
        v4IpAddress: '10.66.0.50',
        v6IpAddress: '',
        macAddress: '00:00:00:11:22:33',
        podType: 'StatefulSet',
        attachSubnets: [],
        attachIps: [],
        attachMacs: [],
      },
    });
    const list = JSON.parse((await cli(['get', 'vips', '-o', 'json'])).stdout);
    expect(list.kind).toBe('List');
    expect(list.items.map((i: { metadata: { name: string } }) => i.metadata.name)).toEqual(['vip1', 'vip2']);
  });

  it('bad manifests and guarded changes fail with exact messages and leave NB alone', async () => {
    const before = [
      (await cli(['get', 'ips'])).stdout,
      (await cli(['get', 'vips'])).stdout,
      (await cli(['get', 'ippools'])).stdout,
    ];
    const apply = (text: string) => cli(['apply', '-f', '-'], text);
    const vip = (spec: string) =>
      `apiVersion: kubeovn.io/v1\nkind: Vip\nmetadata:\n  name: vip2\nspec:\n  subnet: ovn-default\n${spec}`;
    expect((await apply(vip('  v4ip: 10.16.0.101\n'))).stderr).toBe(
      'error: vip.kubeovn.io/vip2: spec.v4ip cannot change (from "10.16.0.100" to "10.16.0.101"); delete the object and apply it again [CLI_FIELD_IMMUTABLE]\n',
    );
    expect((await apply(vip('  parentMac: 00:00:00:01:02:03\n'))).stderr).toBe(
      'error: -:7:14: Vip spec.parentMac is not supported by this version: parent ports of a Vip are not modelled [CLI_UNSUPPORTED]\n',
    );
    expect((await apply(vip('  v4ip: 10.16.0.300\n'))).stderr).toBe(
      'error: -:7:9: spec.v4ip "10.16.0.300" is not an IPv4 address [CLI_MANIFEST_INVALID]\n',
    );
    const pool = (name: string, ips: string) =>
      `apiVersion: kubeovn.io/v1\nkind: IPPool\nmetadata:\n  name: ${name}\nspec:\n  subnet: subnet1\n  ips:\n${ips}`;
    // The model checks the pools (an entry outside the subnet holds no address, as Kube-OVN ignores it:
    // see 'IPPools placed by the model' below); its errors come out typed, with their codes.
    expect((await apply(pool('pool3', '  - 10.66.0.103..10.66.0.104\n'))).stderr).toBe(
      'error: ippool pool3 has conflict IPs with ippool pool1 in subnet subnet1: 10.66.0.103 [KUBE_IP_POOL_OVERLAP]\n',
    );
    expect((await apply(pool('pool3', '  - 10.66.0.300\n'))).stderr).toMatch(
      /^error: -:8:5: spec\.ips entry "10\.66\.0\.300" is not an address/,
    );
    expect((await apply(pool('pool3', '  - 10.66.0.0/33\n'))).stderr).toBe(
      'error: -:8:5: spec.ips entry "10.66.0.0/33" is not an address, a range a..b or a CIDR (bad prefix length "33") [CLI_MANIFEST_INVALID]\n',
    );
    expect((await apply(pool('pool4', '  - 10.66.0.9x\n'))).stderr).toMatch(
      /^error: -:8:5: spec\.ips entry "10\.66\.0\.9x" is not an address, a range a\.\.b or a CIDR \(.+\) \[CLI_MANIFEST_INVALID\]\n$/,
    );
    expect((await apply(pool('pool1', '  - 10.66.0.100\n').replace('subnet1', 'ovn-default'))).stderr).toBe(
      'error: ippool.kubeovn.io/pool1: spec.subnet cannot change (from "subnet1" to "ovn-default"); delete the object and apply it again [CLI_FIELD_IMMUTABLE]\n',
    );
    const pod = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p9\n  namespace: ns1\n  annotations:\n    ovn.kubernetes.io/ip_pool: nopool\nspec:\n  nodeName: node1\n`;
    expect((await apply(pod)).stderr).toBe(
      'error: pod p9.ns1: ipPool names no IPPool "nopool" [KUBE_UNKNOWN_IP_POOL]\n',
    );
    const ip = (name: string, spec: string) =>
      `apiVersion: kubeovn.io/v1\nkind: IP\nmetadata:\n  name: ${name}\nspec:\n  podName: db-0\n  namespace: ns1\n  subnet: subnet1\n  nodeName: node1\n${spec}`;
    expect((await apply(ip('db-0', '  ipAddress: 10.66.0.60\n'))).stderr).toBe(
      'error: -:6:12: an IP of pod ns1/db-0 is named "db-0.ns1", not "db-0"\n  hint: Kube-OVN names a pod\'s IP (and its switch port) <podName>.<namespace> [CLI_MANIFEST_INVALID]\n',
    );
    expect((await apply(ip('db-0.ns1', ''))).stderr).toBe(
      'error: -:6:3: missing spec.ipAddress (or spec.v4IpAddress / spec.v6IpAddress) [CLI_MANIFEST_INVALID]\n',
    );
    expect((await apply(ip('db-0.ns1', '  ipAddress: 10.66.0.60\n  v4IpAddress: 10.66.0.61\n'))).stderr).toBe(
      'error: -:10:14: spec.ipAddress "10.66.0.60" does not match spec.v4IpAddress / spec.v6IpAddress\n  hint: ipAddress is the v4 address, the v6 address, or both joined by a comma [CLI_MANIFEST_INVALID]\n',
    );
    expect((await apply(ip('db-0.ns1', '  ipAddress: 10.66.0.60\n  attachIps: [10.16.0.50]\n'))).stderr).toBe(
      'error: -:11:14: IP spec.attachIps is not supported by this version: attachment networks are not in the model [CLI_UNSUPPORTED]\n',
    );
    const taken = await apply(ip('db-0.ns1', '  ipAddress: 10.66.0.11\n'));
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain('10.66.0.11');
    expect(taken.stderr).toContain('[IPAM_ADDRESS_TAKEN]');
    // pod1's own IP object: applying it as it is changes nothing; another address is refused
    const own = `apiVersion: kubeovn.io/v1\nkind: IP\nmetadata:\n  name: subnet1-node1-pod1.ns1\nspec:\n  podName: subnet1-node1-pod1\n  namespace: ns1\n  subnet: subnet1\n  nodeName: node1\n  ipAddress: `;
    expect((await apply(`${own}10.66.0.11\n`)).stdout).toBe('ip.kubeovn.io/subnet1-node1-pod1.ns1 unchanged\n');
    expect((await apply(`${own}10.66.0.70\n`)).stderr).toBe(
      "error: ip subnet1-node1-pod1.ns1 is the address of pod ns1/subnet1-node1-pod1: it holds 10.66.0.11 on node1; change the pod's annotations instead [CLI_IP_OWNED_BY_POD]\n",
    );
    expect((await cli(['get', 'vip', 'nope'])).stderr).toBe(
      'error: vips.kubeovn.io "nope" not found [CLI_NOT_FOUND]\n',
    );
    expect((await cli(['delete', 'ippool', 'nope'])).stderr).toBe(
      'error: ippool.kubeovn.io "nope" not found [CLI_NOT_FOUND]\n',
    );
    expect([
      (await cli(['get', 'ips'])).stdout,
      (await cli(['get', 'vips'])).stdout,
      (await cli(['get', 'ippools'])).stdout,
    ]).toEqual(before);
  });

  it("delete ip frees the reservation; a pod takes its IP's address and the IP goes with the pod", async () => {
    expect((await cli(['delete', 'ip', 'web-0.ns1'])).stdout).toBe('ip.kubeovn.io "web-0.ns1" deleted\n');
    expect(nbctl('lsp-list', 'subnet1')).not.toContain('web-0.ns1');
    expect((await cli(['get', 'ip', 'web-0.ns1'])).code).toBe(1);
    expect((await cli(['apply', '-f', join(objects, '02-ip.yaml')])).stdout).toBe('ip.kubeovn.io/web-0.ns1 created\n');
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web-0\n  namespace: ns1\nspec:\n  nodeName: node2\n';
    expect((await cli(['apply', '-f', '-'], pod)).stdout).toBe('pod/web-0 created\n');
    expect(nbctl('lsp-get-addresses', 'web-0.ns1')).toBe('00:00:00:11:22:33 10.66.0.50');
    expect(nbctl('get', 'Logical_Switch_Port', 'web-0.ns1', 'external_ids:pod')).toBe('"ns1/web-0"');
    expect((await cli(['apply', '-f', join(objects, '02-ip.yaml')])).stdout).toBe(
      'ip.kubeovn.io/web-0.ns1 unchanged\n',
    );
    expect((await cli(['delete', 'ip', 'web-0.ns1'])).stderr).toBe(
      'error: ip web-0.ns1 is the address of pod ns1/web-0: it goes when the pod is deleted [CLI_IP_OWNED_BY_POD]\n',
    );
    expect((await cli(['delete', 'pod', 'web-0', '-n', 'ns1'])).stdout).toBe('pod "web-0" deleted\n');
    expect((await cli(['get', 'ip', 'web-0.ns1'])).stderr).toBe(
      'error: ips.kubeovn.io "web-0.ns1" not found [CLI_NOT_FOUND]\n',
    );
  });

  it('delete vips and the pool: their ports and keys go, the pool pods keep their addresses', async () => {
    const r = await cliProcess(['delete', '-f', join(objects, '03-vip.yaml')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('vip.kubeovn.io "vip1" deleted\nvip.kubeovn.io "vip2" deleted\n');
    expect(nbctl('lsp-list', 'subnet1')).not.toContain('vip');
    expect(nbctl('lsp-list', 'ovn-default')).not.toContain('vip');
    expect(nbctl('get', 'NB_Global', '.', 'external_ids')).not.toContain('ovn-sdk/vip/');
    const none = await cli(['get', 'vips']);
    expect(none).toEqual({ code: 0, stdout: '', stderr: 'No resources found\n' });
    expect((await cli(['delete', 'ippool', 'pool1'])).stdout).toBe('ippool.kubeovn.io "pool1" deleted\n');
    expect((await cli(['get', 'ippools'])).stderr).toBe('No resources found\n');
    expect(JSON.parse((await cli(['get', 'ippools', '-o', 'json'])).stdout).items).toEqual([]);
    expect(nbctl('lsp-get-addresses', 'pooled-a.ns1')).toMatch(/ 10\.66\.0\.100$/);
    expect(nbctl('lsp-get-addresses', 'pooled-b.ns2')).toMatch(/ 10\.66\.0\.101$/);
    // pooled-a still names pool1, but holds its address already: nothing to place, nothing changes
    expect((await cli(['apply', '-f', join(objects, '04-pods.yaml')])).stdout).toBe(
      'namespace/ns2 unchanged\npod/pooled-a unchanged\npod/pooled-b unchanged\n',
    );
  });
});

describe('IPPools placed by the model', () => {
  // subnet2 has five usable addresses (.2–.6 of 10.77.0.0/29; .1 is the gateway); pool-a keeps .2 and .3
  // for ns3. A pod of ns4 (same subnet, no pool) must skip them; a pod of ns3 takes .2.
  const SETUP = [
    'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ns3\n',
    'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ns4\n',
    'apiVersion: kubeovn.io/v1\nkind: Subnet\nmetadata:\n  name: subnet2\nspec:\n  protocol: IPv4\n  cidrBlock: 10.77.0.0/29\n  gateway: 10.77.0.1\n  namespaces: [ns3, ns4]\n',
    // 10.99.0.1/30 (host bits set, as Kube-OVN allows) is outside subnet2: Kube-OVN ignores such an
    // entry (it holds no address)
    'apiVersion: kubeovn.io/v1\nkind: IPPool\nmetadata:\n  name: pool-a\nspec:\n  subnet: subnet2\n  ips: [10.77.0.2..10.77.0.3, 10.99.0.1/30]\n  namespaces: [ns3]\n',
  ].join('---\n');
  const podIn = (name: string, ns: string) =>
    `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n  namespace: ${ns}\nspec:\n  nodeName: node1\n`;
  const addressOf = (port: string) => nbctl('lsp-get-addresses', port).split(' ')[1];
  const poolTable = (used: number, available: number) =>
    [
      'NAME     SUBNET    IPS                                       V4USED   V4AVAILABLE   V6USED   V6AVAILABLE',
      `pool-a   subnet2   ["10.77.0.2..10.77.0.3","10.99.0.1/30"]   ${used}        ${available}             0        0`,
      '',
    ].join('\n');

  it('a pod outside the pool never gets a pool address; a pod of the pool namespace does', async () => {
    const setup = await cli(['apply', '-f', '-'], SETUP);
    expect(setup.stderr).toBe('');
    expect(setup.stdout).toBe(
      'namespace/ns3 created\nnamespace/ns4 created\nsubnet.kubeovn.io/subnet2 created\nippool.kubeovn.io/pool-a created\n',
    );
    expect((await cli(['get', 'ippool', 'pool-a'])).stdout).toBe(poolTable(0, 2));

    // ns4 is not the pool's: its pod skips .2 and .3, the lowest free addresses of the subnet
    expect((await cli(['apply', '-f', '-'], podIn('out-1', 'ns4'))).stdout).toBe('pod/out-1 created\n');
    expect(addressOf('out-1.ns4')).toBe('10.77.0.4');
    expect((await cli(['apply', '-f', '-'], podIn('in-1', 'ns3'))).stdout).toBe('pod/in-1 created\n');
    expect(addressOf('in-1.ns3')).toBe('10.77.0.2');
    expect((await cli(['get', 'ippool', 'pool-a'])).stdout).toBe(poolTable(1, 1));

    // the rest of the subnet outside the pool: .5 and .6; then ns4 is out of addresses though .3 is free
    expect((await cli(['apply', '-f', '-'], [podIn('out-2', 'ns4'), podIn('out-3', 'ns4')].join('---\n'))).code).toBe(
      0,
    );
    expect([addressOf('out-2.ns4'), addressOf('out-3.ns4')].sort()).toEqual(['10.77.0.5', '10.77.0.6']);
    const full = await cli(['apply', '-f', '-'], podIn('out-4', 'ns4'));
    expect(full.code).toBe(1);
    expect(full.stderr).toContain('[IPAM_SUBNET_EXHAUSTED]');
    expect(nbctl('lsp-list', 'subnet2')).not.toContain('out-4');
    // a pod naming the pool in its annotation, from ns4, takes the pool's last address
    const named = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: named-1\n  namespace: ns4\n  annotations:\n    ovn.kubernetes.io/ip_pool: pool-a\nspec:\n  nodeName: node1\n`;
    expect((await cli(['apply', '-f', '-'], named)).stdout).toBe('pod/named-1 created\n');
    expect(addressOf('named-1.ns4')).toBe('10.77.0.3');
    expect((await cli(['get', 'ippools'])).stdout).toBe(poolTable(2, 0));
    const status = JSON.parse((await cli(['get', 'ippool', 'pool-a', '-o', 'json'])).stdout).status;
    expect(status).toEqual({
      v4AvailableIPs: 0,
      v4AvailableIPRange: '',
      v4UsingIPs: 2,
      v4UsingIPRange: '10.77.0.2-10.77.0.3',
      v6AvailableIPs: 0,
      v6AvailableIPRange: '',
      v6UsingIPs: 0,
      v6UsingIPRange: '',
    });
  });
});
