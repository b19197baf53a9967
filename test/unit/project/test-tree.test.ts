/**
 * The test tree mirrors src/ and says what each test needs (vitest.config.ts, test/projects.ts):
 * nothing in the `unit` project starts a daemon, an OVS binary or a namespace.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ORACLE, ORACLE_HELPERS } from '../../projects.js';

const root = join(import.meta.dirname, '..', '..', '..');
const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.ts') ? [p] : [];
  });
const glob = (pattern: string) =>
  new RegExp(
    '^' +
      pattern
        .replace(/[.]/g, '\\.')
        .replace(/\*\*\//g, '(?:.*/)?')
        .replace(/\*/g, '[^/]*') +
      '$',
  );
const notUnit = [...ORACLE, ...ORACLE_HELPERS].map(glob);

/** What only an integration or oracle test may do. */
const NEEDS_MORE = [
  /\bstart(OvsdbServer|Northd|OvnCentral|OvsdbCluster|Vswitchd|Topology|E2eScenario)\b/,
  /\bcreateNetns\b/,
  /from '[^']*\/testing\/(ovsdb-server|process|vswitchd|topology|cluster-ops|e2e-[a-z]+)\.js'/,
];
const CHILD = /(?<![.\w])(execFileSync|execFile|spawnSync|spawn|execSync|exec)\(\s*([^,)]*)/g;

describe('the unit project', () => {
  const files = [...walk(join(root, 'test', 'unit')), ...walk(join(root, 'test', 'property'))]
    .map((f) => relative(root, f))
    .filter((f) => !notUnit.some((re) => re.test(f)));

  test('starts no daemon, namespace or external program (node itself aside)', () => {
    const bad: string[] = [];
    for (const f of files) {
      const src = readFileSync(join(root, f), 'utf8');
      for (const re of NEEDS_MORE) if (re.test(src)) bad.push(`${f}: ${re}`);
      for (const m of src.matchAll(CHILD)) if (m[2]!.trim() !== 'process.execPath') bad.push(`${f}: ${m[1]}(${m[2]}`);
    }
    expect(bad).toEqual([]);
  });
});

describe('test/ mirrors src/', () => {
  const srcFolders = new Set(
    readdirSync(join(root, 'src')).filter((d) => statSync(join(root, 'src', d)).isDirectory()),
  );
  // project: repo-wide checks; e2e: the cross-area scenario; hostile: the hostile-peer suite (OVSDB client and OpenFlow
  // connection against scripted bad peers); openflow-*: until the OpenFlow work of #20 renames them.
  const extra = new Set(['project', 'e2e', 'hostile', 'openflow-flow', 'openflow-msg']);
  for (const kind of ['unit', 'integration', 'property']) {
    test(`test/${kind}/<src folder>/…`, () => {
      const dirs = readdirSync(join(root, 'test', kind)).filter((d) =>
        statSync(join(root, 'test', kind, d)).isDirectory(),
      );
      expect(dirs.filter((d) => !srcFolders.has(d) && !extra.has(d))).toEqual([]);
    });
  }
});
