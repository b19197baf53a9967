#!/usr/bin/env node
/**
 * Measures what the full OVN_Southbound model costs the compiler: runs
 * `tsc --noEmit --extendedDiagnostics` on bench/typecheck-cost.ts (uses the model) and on
 * bench/typecheck-cost.baseline.ts (same API, no model), each with the project's compiler options,
 * and prints both and the difference. Usage: node bench/typecheck-cost.mjs [runs=3]
 */
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.argv[2] ?? 3);
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const FLAGS = ['--noEmit', '--extendedDiagnostics', '--strict', '--noUncheckedIndexedAccess', '--noImplicitOverride', '--verbatimModuleSyntax',
  '--target', 'ES2022', '--lib', 'ES2023', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--skipLibCheck', '--types', 'node'];

function measure(file) {
  const out = execFileSync(process.execPath, [tsc, ...FLAGS, join(root, file)], { encoding: 'utf8', cwd: root });
  const get = (label) => {
    const m = out.match(new RegExp(`^${label}:\\s+([\\d.]+)`, 'm'));
    return m ? Number(m[1]) : NaN;
  };
  return { files: get('Files'), lines: get('Lines of TypeScript'), types: get('Types'), instantiations: get('Instantiations'), memoryK: get('Memory used'), checkS: get('Check time'), totalS: get('Total time') };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const results = {};
for (const [name, file] of [['baseline', 'bench/typecheck-cost.baseline.ts'], ['sb-model', 'bench/typecheck-cost.ts']]) {
  const rs = Array.from({ length: runs }, () => measure(file));
  results[name] = { ...rs[0], checkS: median(rs.map((r) => r.checkS)), totalS: median(rs.map((r) => r.totalS)), memoryK: median(rs.map((r) => r.memoryK)) };
}
const b = results.baseline;
const m = results['sb-model'];
console.log(`tsc ${execFileSync(process.execPath, [tsc, '--version'], { encoding: 'utf8' }).trim()}, node ${process.version}, ${runs} runs (median times)`);
console.log('| | files | lines | types | instantiations | memory (MB) | check time (s) | total time (s) |');
console.log('|---|---|---|---|---|---|---|---|');
for (const [name, r] of Object.entries(results)) {
  console.log(`| ${name} | ${r.files} | ${r.lines} | ${r.types} | ${r.instantiations} | ${(r.memoryK / 1024).toFixed(0)} | ${r.checkS.toFixed(2)} | ${r.totalS.toFixed(2)} |`);
}
console.log(`| model cost (difference) | ${m.files - b.files} | ${m.lines - b.lines} | ${m.types - b.types} | ${m.instantiations - b.instantiations} | ${((m.memoryK - b.memoryK) / 1024).toFixed(0)} | ${(m.checkS - b.checkS).toFixed(2)} | ${(m.totalS - b.totalS).toFixed(2)} |`);
