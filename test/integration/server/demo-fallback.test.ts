/**
 * `npm run demo` where OVN cannot run: as user nobody, with the OVS/OVN binaries off PATH, the demo
 * installs nothing, runs the NB part of the scenario on the embedded server, says what it skips, and
 * leaves no temp dir behind.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, symlinkSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';

const root = join(import.meta.dirname, '../../..');
const bin = mkdtempSync(join(tmpdir(), 'demo-path-'));
afterAll(() => rmSync(bin, { recursive: true, force: true }));

function runAsNobody(cmd: string[], env: Record<string, string>): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(
      'setpriv',
      [
        '--reuid=65534',
        '--regid=65534',
        '--clear-groups',
        'env',
        '-i',
        ...Object.entries(env).map(([k, v]) => `${k}=${v}`),
        ...cmd,
      ],
      { cwd: root, timeout: 120_000 },
      (err, stdout, stderr) =>
        resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, out: String(stdout) + String(stderr) }),
    );
  });
}

test('the demo falls back to the embedded server without OVS on PATH and without root', async () => {
  chmodSync(bin, 0o755);
  for (const b of ['node', 'sh', 'env'])
    symlinkSync(process.execPath.endsWith('/node') && b === 'node' ? process.execPath : `/usr/bin/${b}`, join(bin, b));
  const before = readdirSync(tmpdir()).filter((d) => d.startsWith('ovsdb-emb-')).length;
  const deps = await runAsNobody(['node', 'scripts/ensure-deps.mjs', '--demo'], { PATH: bin, HOME: bin });
  expect(deps.code).toBe(0);
  expect(deps.out).not.toContain('Installing');
  const r = await runAsNobody(['node', 'node_modules/tsx/dist/cli.mjs', 'examples/demo.ts'], { PATH: bin, HOME: bin });
  expect(r.out).toContain('running the NB part of the scenario on the embedded OVSDB server');
  expect(r.out).toMatch(/OVN cannot run here \(.*not installed\)/);
  expect(r.out).toContain('Skipped: ovn-northd and the SB bindings');
  expect(r.out).toMatch(/router \S+ \(ovn-cluster\)/);
  expect(r.out).toContain('second reconcile: 0 operations');
  expect(r.code).toBe(0);
  expect(readdirSync(tmpdir()).filter((d) => d.startsWith('ovsdb-emb-')).length).toBe(before);
}, 150_000);
