/**
 * The scenario harness tears down everything it started when starting fails half way: here a step
 * fails after the nodes, pods, ovn0 ports, the outside namespace and node1's NAT exist. Every namespace
 * this process created is gone afterwards, and every process that ran in one of them has exited.
 */
import { expect, test } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { startE2eScenario } from '../../../src/testing/e2e-scenario.js';

const tag = process.pid.toString(36);
const ourNamespaces = () =>
  execFileSync('ip', ['netns', 'list'])
    .toString()
    .split('\n')
    .map((l) => l.split(' ')[0]!)
    .filter((n) => n.includes(`-${tag}`));

/** True while `pid` runs (not a zombie). */
function running(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^[ZX]$/.test(stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3));
  } catch {
    return false;
  }
}

test('a failure after node1 NAT is applied leaves no namespace and no process behind', async () => {
  expect(ourNamespaces()).toEqual([]);
  let seen: { namespaces: string[]; pids: number[] } | undefined;
  const failing = startE2eScenario({
    log: (line) => {
      if (!line.startsWith('node1 NAT applied')) return;
      const namespaces = ourNamespaces();
      const pids = namespaces.flatMap((ns) =>
        execFileSync('ip', ['netns', 'pids', ns]).toString().split('\n').filter(Boolean).map(Number),
      );
      seen = { namespaces, pids };
      throw new Error('injected failure');
    },
  });
  await expect(failing).rejects.toThrow('injected failure');
  // At the failure: underlay, two nodes, four pods, outside — and the daemons running inside the nodes.
  expect(seen!.namespaces.length).toBe(8);
  expect(seen!.pids.length).toBeGreaterThanOrEqual(4); // ovsdb-server, ovs-vswitchd, ovn-controller per node
  expect(ourNamespaces()).toEqual([]);
  for (const pid of seen!.pids) expect(running(pid), `pid ${pid}`).toBe(false);
}, 60_000);
