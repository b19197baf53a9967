/**
 * Where a Node client's time goes on one workload: runs it once under `node --cpu-prof` against a
 * fresh server (W4 with the writer), then prints the functions with the most self time.
 *
 *   npx tsx bench/ovsdb-w/profile.ts <sdk|replica|floor> <w1|w2seq|w2pipe|w3|w4> [--quick] [--top N] [--keep DIR]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { startOvsdbServer } from '../../src/testing/index.js';
import { buildTemplate } from './templates.js';
import type { TemplateName } from './templates.js';
import { FULL_SIZES, QUICK_SIZES } from './rows.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const [client, wl] = argv;
if (!client || !wl)
  throw new Error('usage: profile.ts <sdk|replica|floor> <w1|w2seq|w2pipe|w3|w4> [--quick] [--top N] [--keep DIR]');
const sizes = argv.includes('--quick') ? QUICK_SIZES : FULL_SIZES;
const top = argv.includes('--top') ? Number(argv[argv.indexOf('--top') + 1]) : 25;
const keep = argv.includes('--keep') ? argv[argv.indexOf('--keep') + 1] : undefined;
const tpl: TemplateName = wl === 'w1' ? 'empty' : wl.startsWith('w2') ? 'w2' : (wl as TemplateName);
const n = { w1: sizes.w1Lsp, w2seq: sizes.w2Txns, w2pipe: sizes.w2Txns, w3: 0, w4: sizes.w4Lsp }[wl] ?? 0;

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

function summarize(file: string): string {
  const p = JSON.parse(readFileSync(file, 'utf8')) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  const byId = new Map(p.nodes.map((x) => [x.id, x]));
  const self = new Map<string, number>();
  let total = 0;
  p.samples.forEach((id, i) => {
    const cf = byId.get(id)!.callFrame;
    const k = `${cf.functionName || '(anonymous)'}  ${cf.url.split('/').pop() ?? ''}:${cf.lineNumber + 1}`;
    const dt = p.timeDeltas[i] ?? 0;
    self.set(k, (self.get(k) ?? 0) + dt);
    total += dt;
  });
  const lines = [...self].sort((a, b) => b[1] - a[1]).slice(0, top);
  return [
    `total sampled ${(total / 1000).toFixed(0)} ms`,
    ...lines.map(
      ([k, t]) => `${(t / 1000).toFixed(1).padStart(8)} ms ${((100 * t) / total).toFixed(1).padStart(5)} %  ${k}`,
    ),
  ].join('\n');
}

function waitFor(stream: NodeJS.ReadableStream, text: string): Promise<void> {
  return new Promise((resolve) => {
    let buf = '';
    stream.on('data', (d) => {
      buf += String(d);
      if (buf.includes(text)) resolve();
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), `ovsdb-w-prof-${process.pid}-`));
try {
  const js = join(dir, 'js');
  const prof = keep ?? join(dir, 'prof');
  mkdirSync(prof, { recursive: true });
  // keepNames so that the profile shows the source's function names.
  await build({
    entryPoints: [client, 'writer'].map((x) => join(HERE, 'clients', `${x}.ts`)),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outdir: js,
    outExtension: { '.js': '.mjs' },
    keepNames: true,
    logLevel: 'error',
  });
  const template = await buildTemplate(join(dir, 'tpl'), sizes, tpl);
  const srv = await startOvsdbServer({ schema: 'nb', fromDb: template });
  try {
    const before = new Set(readdirSync(prof));
    let writer: ReturnType<typeof spawn> | undefined;
    if (wl === 'w4') {
      writer = spawn('node', [join(js, 'writer.mjs'), srv.unix, String(n)], { stdio: ['pipe', 'pipe', 'inherit'] });
      await waitFor(writer.stdout!, 'PREPARED');
    }
    const c = spawn(
      'node',
      ['--cpu-prof', `--cpu-prof-dir=${prof}`, join(js, `${client}.mjs`), wl, srv.unix, String(srv.pid), String(n)],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    c.stdout!.on('data', (d) => {
      out += String(d);
      if (writer && out.includes('READY')) writer.stdin!.write('go\n');
    });
    const code = await new Promise<number | null>((r) => c.on('close', r));
    writer?.kill('SIGKILL');
    process.stdout.write(out);
    if (code !== 0) throw new Error(`${client} ${wl} exited ${code}`);
    const file = readdirSync(prof).find((f) => !before.has(f) && f.endsWith('.cpuprofile'));
    if (!file) throw new Error('no .cpuprofile written');
    console.log(summarize(join(prof, file)));
    if (keep) console.log(`profile kept: ${join(prof, file)}`);
  } finally {
    await srv.stop();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
