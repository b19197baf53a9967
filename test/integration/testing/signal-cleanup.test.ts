/**
 * The harness leaves nothing behind when the process running it is interrupted or crashes: a child
 * process starts NB + SB + ovn-northd, then is sent SIGTERM or SIGINT, or dies of an uncaught error;
 * afterwards none of its daemons runs and none of its temp dirs exists. (Namespaces are registered
 * the same way; they need root and are covered by the data-plane tests' own teardown.)
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { waitFor } from '../../../src/testing/index.js';

const CHILD = fileURLToPath(new URL('./child/harness-child.ts', import.meta.url));

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function runChild(mode: 'wait' | 'throw', signal?: NodeJS.Signals) {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, mode], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) =>
    child.on('exit', (code, sig) => r({ code, signal: sig })),
  );
  await waitFor(
    'the child reported what it started',
    () => (out.includes('\n') || child.exitCode !== null ? true : undefined),
    30_000,
  );
  const started = JSON.parse(out.split('\n')[0]!) as { pids: number[]; dirs: string[] };
  expect(started.pids.every(alive)).toBe(true);
  expect(started.dirs.every((d) => existsSync(d))).toBe(true);
  if (signal) child.kill(signal);
  const end = await exited;
  return { started, end, err };
}

describe('harness cleanup when the process running it ends abnormally', () => {
  test.each(['SIGTERM', 'SIGINT'] as const)(
    '%s: daemons killed, temp dirs removed, the process still dies of the signal',
    async (sig) => {
      const { started, end } = await runChild('wait', sig);
      expect(end.signal).toBe(sig);
      await waitFor('daemons gone', () => (started.pids.some(alive) ? undefined : true), 5000);
      expect(started.pids.filter(alive)).toEqual([]);
      expect(started.dirs.filter((d) => existsSync(d))).toEqual([]);
    },
  );

  test('an uncaught error: daemons killed, temp dirs removed, the error still reported with exit code 1', async () => {
    const { started, end, err } = await runChild('throw');
    expect(end.code).toBe(1);
    expect(err).toContain('boom');
    await waitFor('daemons gone', () => (started.pids.some(alive) ? undefined : true), 5000);
    expect(started.pids.filter(alive)).toEqual([]);
    expect(started.dirs.filter((d) => existsSync(d))).toEqual([]);
  });
});
