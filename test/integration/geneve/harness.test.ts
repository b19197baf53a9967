/** src/testing/vswitchd.ts: starts both daemons (with and without a namespace) and leaves nothing behind. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createNetns, deleteNetns, pidAlive, startVswitchd } from '../../../src/testing/vswitchd.js';

describe('startVswitchd', () => {
  for (const mode of ['root', 'given', 'own'] as const) {
    it(`${mode} namespace: bridges, flows, appctl; stop removes everything`, async () => {
      const ns = `gnvh-${process.pid}`;
      const useNs = mode === 'given';
      if (useNs) await createNetns(ns);
      const sw = await startVswitchd(mode === 'given' ? { netns: ns } : mode === 'own' ? { netns: true } : {});
      let pids: number[] = [];
      try {
        pids = ['ovs-vswitchd.pid', 'ovsdb-server.pid'].map((f) =>
          Number(readFileSync(join(sw.dir, f), 'utf8').trim()),
        );
        expect(pids.every(pidAlive)).toBe(true);
        // netdev bridges only in a namespace of our own: the root namespace's ovs-netdev tap may
        // belong to another test's vswitchd.
        if (mode !== 'root') {
          if (mode === 'own') expect(sw.netns).toMatch(/^ovs-/);
          const br = `brh${process.pid % 10000}`;
          await sw.vsctl('add-br', br, '--', 'set', 'bridge', br, 'datapath_type=netdev');
          await sw.ofctl('add-flow', br, 'priority=5,ip,actions=drop');
          expect(await sw.ofctl('dump-flows', br)).toContain('priority=5,ip actions=drop');
        }
        expect(await sw.appctl('version')).toContain('ovs-vswitchd');
        await expect(sw.vsctl('no-such-command')).rejects.toMatchObject({ code: 'HARNESS_COMMAND_FAILED' });
      } finally {
        await sw.stop();
        if (useNs) await deleteNetns(ns);
      }
      expect(pids.some(pidAlive)).toBe(false);
      expect(existsSync(sw.dir)).toBe(false);
      if (useNs) expect(existsSync(`/run/netns/${ns}`)).toBe(false);
      if (mode === 'own') expect(existsSync(`/run/netns/${sw.netns!}`)).toBe(false);
      await sw.stop(); // idempotent
    });
  }
});
