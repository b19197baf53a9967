/**
 * `ovn-sdk capture --node` as a process: with no harness topology for the node it stops with the typed
 * error that says where it works; on the running two-node scenario (src/testing) it captures node1's
 * tunnel while pod1 pings pod3 on node2 and names the frames from the live SB. Everything started is
 * stopped in afterAll.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseCapture } from '../../../src/geneve/index.js';
import { ping, startE2eScenario, type E2eScenario } from '../../../src/testing/e2e-scenario.js';

vi.setConfig({ testTimeout: 180_000 });

const root = join(import.meta.dirname, '..', '..', '..');
const main = join(root, 'src', 'cli', 'main.ts');
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const execFileP = promisify(execFile);

let work: string;
let s: E2eScenario | undefined;

async function cliProcess(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.OVN_SB_DB;
  try {
    const { stdout, stderr } = await execFileP(tsx, [main, ...args], { env, timeout: 120_000 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'cli-capture-'));
});
afterAll(async () => {
  await s?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('capture --node', () => {
  it('without a harness node: a typed error that says where it works; usage errors exit 2', async () => {
    const r = await cliProcess(['capture', '--node', 'no-such-node', '--sb', 'unix:/nonexistent']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'error: capture --node no-such-node: no harness node namespace no-such-node-<tag> on this machine\n' +
        '  hint: capture --node works where the src/testing topology is running (startTopology / startE2eScenario ' +
        'make a network namespace <node>-<tag> per node, with the tunnel interface ul0); elsewhere capture on the ' +
        "node itself (tcpdump -i <tunnel interface> -w FILE 'udp port 6081') and run ovn-sdk explain FILE [CLI_CAPTURE_UNAVAILABLE]\n",
    );
    const usage = await cliProcess(['capture', '--node', 'node1']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toBe('error: capture needs -w FILE, or --sb REMOTE (or $OVN_SB_DB) to explain the frames\n');
    expect((await cliProcess(['capture', '--node', 'node1', '-c', '0', '-w', 'x.pcap'])).code).toBe(2);
  });

  it("on the running scenario: node1's tunnel while pod1 pings pod3, frames named from SB", async () => {
    s = await startE2eScenario();
    const file = join(work, 'node1.pcap');
    const args = ['capture', '--node', 'node1', '--sb', s.topo.central.sb.unix, '-c', '4', '--duration', '60'];
    const child = spawn(tsx, [main, ...args, '-w', file], { env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    let exited = false;
    const code = new Promise<number>((resolve) =>
      child.on('exit', (c) => {
        exited = true;
        resolve(c ?? -1);
      }),
    );
    // Traffic until the capture has its frames (pod1 on node1 → pod3 on node2 crosses the tunnel).
    const p1 = s.pod('ovn-default-node1-pod1');
    const p3 = s.pod('ovn-default-node2-pod3');
    for (let i = 0; i < 60 && !exited; i++) await ping(p1.netns, p3.ip, 2);
    expect(await code, stderr).toBe(0);
    expect(stderr).toMatch(new RegExp(`^4 frames captured on node1's ul0 \\(node1-[0-9a-z]+\\) -> ${file}\\n$`));
    expect(existsSync(file)).toBe(true);
    expect(parseCapture(readFileSync(file)).records.length).toBe(4);
    const lines = stdout.trim().split('\n');
    expect(lines.length).toBe(8); // a tcpdump-like line and a logical line per frame
    const logical = lines.filter((_, i) => i % 2 === 1);
    for (const l of logical) {
      expect(l).toMatch(
        /^ {4}ovn-default \(vni 0x[0-9a-f]+\): ovn-default-node(1-pod1|2-pod3)\.default \(port 0x[0-9a-f]+\) → ovn-default-node(2-pod3|1-pod1)\.default \(port 0x[0-9a-f]+\): ICMP echo (request|reply) /,
      );
    }
    const ul = (n: string) => s!.topo.node(n).underlayIp.replaceAll('.', '\\.');
    expect(lines[0]).toMatch(
      new RegExp(
        `^\\d\\d:\\d\\d:\\d\\d\\.\\d{6} IP (${ul('node1')}|${ul('node2')})\\.\\d+ > (${ul('node2')}|${ul('node1')})\\.6081: Geneve`,
      ),
    );
  });
});
