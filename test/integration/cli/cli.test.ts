/**
 * `ovn-sdk` driven as a process against a throwaway NB + SB + ovn-northd: the seed's walkthrough
 * (apply, apply again, get subnet / ips / vpc, trace, delete with Kube-OVN's guards), the seed's
 * manifests as printed (errors with file:line:col and a hint, NB untouched), usage errors (exit 2),
 * --dry-run, progress (plain and on a real terminal under tmux), and Ctrl-C between transactions.
 */
import { execFile, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// Several tests start `tsx` processes (a second or more each on a loaded machine).
vi.setConfig({ testTimeout: 180_000 });
import { run as runCli } from '../../../src/cli/main.js';
import { startOvnCentral, startOvsdbServer, type OvnCentral } from '../../../src/testing/index.js';

const root = join(import.meta.dirname, '..', '..', '..');
const main = join(root, 'src', 'cli', 'main.ts');
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const fixtures = join(root, 'test', 'fixtures', 'cli');
const run = promisify(execFile);

let central: OvnCentral;
let work: string;

interface Out {
  code: number;
  stdout: string;
  stderr: string;
}

/** The command line run in this process (same argv, same output), for the many small checks. */
async function cli(args: readonly string[], env: NodeJS.ProcessEnv = {}, input?: string): Promise<Out> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['--db', central.nb.unix, ...args], {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    env: { ...process.env, NO_COLOR: '1', ...env },
    stdin: () => input ?? '',
  });
  return { code, stdout, stderr };
}

/** The command line as a separate process (`tsx src/cli/main.ts`), as a user runs it. */
async function cliProcess(args: readonly string[], env: NodeJS.ProcessEnv = {}, input?: string): Promise<Out> {
  const p = run(tsx, [main, '--db', central.nb.unix, ...args], {
    env: { ...process.env, NO_COLOR: '1', ...env },
    maxBuffer: 64 << 20,
    timeout: 120_000,
  });
  if (input !== undefined) {
    p.child.stdin!.end(input);
  }
  try {
    const { stdout, stderr } = await p;
    return { code: 0, stdout, stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
}

beforeAll(async () => {
  central = await startOvnCentral();
  work = mkdtempSync(join(tmpdir(), 'cli-test-'));
}, 60_000);
afterAll(async () => {
  await central?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

const SEED_LINES = [
  'namespace/ns1 created',
  'subnet.kubeovn.io/subnet1 created',
  'node/node1 created',
  'node/node2 created',
  'pod/ovn-default-node1-pod1 created',
  'pod/ovn-default-node1-pod2 created',
  'pod/ovn-default-node2-pod3 created',
  'pod/subnet1-node1-pod1 created',
];

describe('the seed walkthrough', () => {
  it("the seed's manifests as the blog prints them fail with file:line:col and a hint, and leave NB alone", async () => {
    const before = await cli(['get', 'subnet']);
    const r = await cliProcess(['apply', '-f', join(fixtures, 'seed-as-printed', 'subnet.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('seed-as-printed/subnet.yaml:6:3: YAML: Implicit keys need to be on a single line');
    expect(r.stderr).toContain(
      'hint: "protocol:IPv4" is one word to YAML: put a space after the colon ("protocol: IPv4")',
    );
    expect(r.stderr).toContain('[CLI_MANIFEST_INVALID]');
    const indent = await cli(['apply', '-f', join(fixtures, 'seed-as-printed', 'subnet-indent.yaml')]);
    expect(indent.code).toBe(1);
    expect(indent.stderr).toMatch(/subnet-indent\.yaml:\d+:\d+: YAML: /);
    expect(indent.stderr).toContain('hint: check the indentation');
    // with the spacing fixed, the capitalised Kind is the next thing named
    const fixed = readFileSync(join(fixtures, 'seed-as-printed', 'subnet.yaml'), 'utf8').replace(
      'protocol:IPv4',
      'protocol: IPv4',
    );
    const k = await cli(['apply', '-f', '-'], {}, fixed);
    expect(k.code).toBe(1);
    expect(k.stderr).toContain('-:2:1: unknown field "Kind" in the top level');
    expect(k.stderr).toContain('hint: field names are case-sensitive: "kind"');
    expect((await cli(['get', 'subnet'])).stdout).toBe(before.stdout);
  });

  it('apply creates every object; a second apply changes nothing', async () => {
    const r = await cliProcess(['apply', '-f', join(fixtures, 'seed')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual(SEED_LINES);
    const again = await cliProcess(['apply', '-f', join(fixtures, 'seed')]);
    expect(again.stdout.trim().split('\n')).toEqual(SEED_LINES.map((l) => l.replace(' created', ' unchanged')));
    const dry = await cli(['apply', '-f', join(fixtures, 'seed'), '--dry-run']);
    expect(dry.stdout).not.toContain('"op"'); // nothing to send
  });

  it("get subnet / ips / vpc read the live NB: the seed's figures", async () => {
    const s = await cli(['get', 'subnet']);
    const rows = s.stdout
      .trim()
      .split('\n')
      .map((l) => l.split(/\s{2,}/));
    expect(rows[0]).toEqual([
      'NAME',
      'PROVIDER',
      'VPC',
      'PROTOCOL',
      'CIDR',
      'PRIVATE',
      'NAT',
      'DEFAULT',
      'GATEWAYTYPE',
      'V4USED',
      'V4AVAILABLE',
      'V6USED',
      'V6AVAILABLE',
      'EXCLUDEIPS',
      'U2OINTERCONNECTIONIP',
    ]);
    const subnet1 = rows.find((r) => r[0] === 'subnet1')!;
    // 65536 − network − broadcast − 10 excluded = 65524; pod1 holds 10.66.0.11
    expect(subnet1.slice(0, 13)).toEqual([
      'subnet1',
      'ovn',
      'ovn-cluster',
      'IPv4',
      '10.66.0.0/16',
      'false',
      'true',
      'false',
      'distributed',
      '1',
      '65523',
      '0',
      '0',
    ]);
    const ips = await cli(['get', 'ips']);
    expect(ips.stdout).toMatch(/subnet1-node1-pod1\.ns1\s+10\.66\.0\.11\s/);
    expect(ips.stdout).toMatch(/ovn-default-node1-pod1\.default\s+10\.16\.0\.8\s+00:00:00:AA:0D:31/);
    expect(ips.stdout).toMatch(/ovn-default-node1-pod2\.default\s+10\.16\.0\.9\s+00:00:00:28:19:46/);
    const vpc = await cli(['get', 'vpc']);
    expect(vpc.stdout.split('\n')[1]).toMatch(
      /^ovn-cluster\s+false\s+false\s+true\s+\["join","ovn-default","subnet1"\]/,
    );
    const json = JSON.parse((await cli(['get', 'subnet', 'subnet1', '-o', 'json'])).stdout);
    expect(json).toMatchObject({
      apiVersion: 'kubeovn.io/v1',
      kind: 'Subnet',
      metadata: { name: 'subnet1' },
      spec: { cidrBlock: '10.66.0.0/16', namespaces: ['ns1'] },
      status: { v4usingIPs: 1, v4availableIPs: 65523 },
    });
    const list = JSON.parse((await cli(['get', 'ips', '-o', 'json'])).stdout);
    expect(list.kind).toBe('List');
    expect(
      list.items.find((i: { metadata: { name: string } }) => i.metadata.name === 'subnet1-node1-pod1.ns1').spec,
    ).toMatchObject({
      podName: 'subnet1-node1-pod1',
      namespace: 'ns1',
      v4IpAddress: '10.66.0.11',
      nodeName: 'node1',
      subnet: 'subnet1',
    });
    const yaml = await cli(['get', 'subnet', 'subnet1', '-o', 'yaml']);
    expect(yaml.stdout).toContain('v4availableIPs: 65523');
    const missing = await cli(['get', 'subnet', 'nope']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('subnets.kubeovn.io "nope" not found [CLI_NOT_FOUND]');
  });

  it('nbctl show prints the switches and routers', async () => {
    const r = await cli(['nbctl', 'show']);
    expect(r.stdout).toContain('switch');
    expect(r.stdout).toContain('(subnet1)');
    expect(r.stdout).toContain('router');
  });

  it("trace: pod1 → pod3 through ovn-northd's flows, with logical names", async () => {
    execFileSync('ovn-nbctl', [`--db=${central.nb.unix}`, '--wait=sb', 'sync'], {
      env: { ...process.env, OVN_RUNDIR: work },
      timeout: 20_000,
    });
    const r = await cli(['trace', 'ovn-default-node1-pod1', 'ovn-default-node2-pod3', '--sb', central.sb.unix]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('ingress(dp="ovn-default", inport="ovn-default-node1-pod1.default")');
    expect(r.stdout).toContain('/* output to "ovn-default-node2-pod3.default", type "" */');
    const routed = await cli(['trace', 'ns1/subnet1-node1-pod1', '10.16.0.9', '--sb', central.sb.unix]);
    expect(routed.stdout).toContain('ingress(dp="ovn-cluster"');
    expect(routed.stdout).toContain('/* output to "ovn-default-node1-pod2.default", type "" */');
  });

  it("delete keeps Kube-OVN's guard: a subnet with a pod stays; after the pod, it goes", async () => {
    const guarded = await cli(['delete', 'subnet', 'subnet1']);
    expect(guarded.code).toBe(1);
    expect(guarded.stderr).toContain('[KUBE_SUBNET_IN_USE]');
    expect((await cli(['get', 'subnet', 'subnet1'])).code).toBe(0);
    expect((await cli(['delete', 'pod', 'subnet1-node1-pod1', '-n', 'ns1'])).stdout).toBe(
      'pod "subnet1-node1-pod1" deleted\n',
    );
    const dry = await cli(['delete', 'subnet', 'subnet1', '--dry-run']);
    expect(dry.stdout).toContain('"op": "delete"');
    expect((await cli(['get', 'subnet', 'subnet1'])).code).toBe(0);
    expect((await cli(['delete', '-f', join(fixtures, 'seed', '02-subnet.yaml')])).stdout).toBe(
      'subnet.kubeovn.io "subnet1" deleted\n',
    );
    expect((await cli(['get', 'subnet', 'subnet1'])).code).toBe(1);
    expect((await cli(['delete', 'subnet', 'ovn-default'])).code).toBe(2);
    // and back, for the tests after this one
    expect((await cli(['apply', '-f', join(fixtures, 'seed')])).code).toBe(0);
  });
});

describe('usage and bad input', () => {
  it('usage errors exit 2; help has examples; unknown fields and kinds are named with their position', async () => {
    expect((await cli(['get', 'pods'])).code).toBe(2);
    expect((await cliProcess(['frobnicate'])).code).toBe(2);
    expect((await cli(['apply'])).code).toBe(2);
    const help = await cli(['apply', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Examples:');
    const f = join(work, 'bad.yaml');
    writeFileSync(
      f,
      'apiVersion: kubeovn.io/v1\nkind: Subnet\nmetadata:\n  name: s2\nspec:\n  cidrBlock: 10.70.0.0/16\n  cidrblocks: x\n',
    );
    const r = await cli(['apply', '-f', f]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('bad.yaml:7:3: unknown field "cidrblocks" in Subnet spec');
    writeFileSync(f, 'apiVersion: kubeovn.io/v1\nkind: subnet\nmetadata:\n  name: s2\n');
    expect((await cli(['apply', '-f', f])).stderr).toContain(
      'bad.yaml:2:7: unknown kind "subnet"\n  hint: kinds are case-sensitive: "Subnet"',
    );
    writeFileSync(
      f,
      'apiVersion: kubeovn.io/v1\nkind: Subnet\nmetadata:\n  name: s2\nspec:\n  cidrBlock: 10.70.0.0/16\n  natOutgoing: "yes"\n',
    );
    expect((await cli(['apply', '-f', f])).stderr).toContain('bad.yaml:7:16: spec.natOutgoing must be true or false');
    writeFileSync(
      f,
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  namespace: nowhere\nspec:\n  nodeName: node1\n',
    );
    expect((await cli(['apply', '-f', f])).stderr).toContain('namespace "nowhere" not found');
    expect((await cli(['apply', '-f', join(work, 'missing.yaml')])).stderr).toContain('[CLI_MANIFEST_UNREADABLE]');
  });
});

describe('long work', () => {
  function podsYaml(n: number, prefix: string): string {
    return Array.from(
      { length: n },
      (_, i) =>
        `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${prefix}-${i}\n  namespace: default\nspec:\n  nodeName: node${(i % 2) + 1}\n`,
    ).join('---\n');
  }

  it('many pods: plain progress lines off a terminal, one transaction per batch', async () => {
    const f = join(work, 'many.yaml');
    writeFileSync(f, podsYaml(600, 'bulk'));
    const r = await cliProcess(['apply', '-f', f, '--batch-size', '200']);
    expect(r.code).toBe(0);
    expect(
      r.stderr
        .trim()
        .split('\n')
        .map((l) => l.split(',')[0]),
    ).toEqual(['200/600 pods', '400/600 pods', '600/600 pods']);
    expect(r.stdout.trim().split('\n').length).toBe(600);
    expect((await cli(['get', 'ips'])).stdout.split('\n').filter((l) => l.startsWith('bulk-')).length).toBe(600);
  });

  it('a progress bar on a real terminal (tmux)', async () => {
    const f = join(work, 'tty.yaml');
    writeFileSync(f, podsYaml(300, 'tty'));
    const session = `ovnsdk-${process.pid}`;
    const done = join(work, 'tty.done');
    execFileSync('tmux', [
      'new-session',
      '-d',
      '-s',
      session,
      '-x',
      '120',
      '-y',
      '20',
      `${tsx} ${main} --db ${central.nb.unix} apply -f ${f} --batch-size 100 >/dev/null; echo $? > ${done}; sleep 30`,
    ]);
    try {
      const deadline = Date.now() + 90_000;
      while (Date.now() < deadline) {
        try {
          readFileSync(done);
          break;
        } catch {
          await new Promise((res) => setTimeout(res, 200));
        }
      }
      expect(readFileSync(done, 'utf8').trim()).toBe('0');
      const screen = execFileSync('tmux', ['capture-pane', '-p', '-t', session], { encoding: 'utf8' });
      expect(screen).toMatch(/\[#+\] 300\/300 pods, \d+\/s, ETA 0s/);
    } finally {
      execFileSync('tmux', ['kill-session', '-t', session]);
    }
  });

  it('Ctrl-C stops between transactions and says what was applied', async () => {
    const f = join(work, 'int.yaml');
    writeFileSync(f, podsYaml(2000, 'intr'));
    // One process (node with tsx's loader), so the signal reaches the command line itself.
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', main, '--db', central.nb.unix, 'apply', '-f', f, '--batch-size', '50'],
      { cwd: root, env: { ...process.env, NO_COLOR: '1' } },
    );
    let stderr = '';
    let stdout = '';
    let sent = false;
    child.stdout.on('data', (d) => (stdout += d));
    const code = await new Promise<number>((resolve) => {
      child.stderr.on('data', (d) => {
        stderr += d;
        if (!sent && /^100\/2000 pods/m.test(stderr)) {
          sent = true;
          child.kill('SIGINT');
        }
      });
      child.on('exit', (c) => resolve(c ?? -1));
    });
    expect(code, stderr).toBe(130);
    const m = /interrupted: (\d+) of 2000 objects applied/.exec(stderr);
    expect(m).not.toBeNull();
    const applied = Number(m![1]);
    expect(applied).toBeGreaterThanOrEqual(100);
    expect(applied).toBeLessThan(2000);
    expect(applied % 50).toBe(0); // whole transactions only
    expect(stdout.trim().split('\n').length).toBe(applied);
    const inNb = (await cli(['get', 'ips'])).stdout.split('\n').filter((l) => l.startsWith('intr-')).length;
    expect(inNb).toBe(applied);
  });
});

describe('views of other databases', () => {
  it('explain: the kept underlay capture with the kept SB names gives the kept text', async () => {
    const e2e = join(root, 'test', 'fixtures', 'e2e');
    const r = await cli(['explain', join(e2e, 'underlay.pcap'), '--names', join(e2e, 'sb-names.json')]);
    expect(r.stdout).toBe(readFileSync(join(e2e, 'underlay.txt'), 'utf8'));
  });

  it('vsctl show equals ovs-vsctl show on a node database', async () => {
    const vs = await startOvsdbServer({ schema: 'vswitch' });
    let out = '';
    try {
      const v = (...a: string[]) =>
        execFileSync('ovs-vsctl', [`--db=${vs.unix}`, '--no-wait', ...a], { encoding: 'utf8' });
      v('init');
      v('add-br', 'br-int', '--', 'set', 'bridge', 'br-int', 'fail-mode=secure', 'datapath_type=netdev');
      v(
        'add-port',
        'br-int',
        'ovn-node2-0',
        '--',
        'set',
        'interface',
        'ovn-node2-0',
        'type=geneve',
        'options:remote_ip=192.168.251.2',
        'options:key=flow',
      );
      const r = await runCli(['vsctl', 'show', '--db', vs.unix], {
        stdout: { write: (s: string) => (out += s) },
        stderr: process.stderr,
        env: {},
        stdin: () => '',
      });
      expect(r).toBe(0);
      expect(out).toBe(v('show'));
    } finally {
      await vs.stop();
    }
  });
});
