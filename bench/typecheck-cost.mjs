#!/usr/bin/env node
/**
 * Measures what the full OVN_Southbound model costs the compiler. For bench/typecheck-cost.ts
 * (uses the model through the typed API) and bench/typecheck-cost.baseline.ts (the same API, no
 * model), each in a fresh process with the project's compiler options:
 *  - `tsc --noEmit --extendedDiagnostics`: files, lines, types, instantiations, memory, check time;
 *  - the TypeScript API in-process: CPU time (user+sys, `process.cpuUsage`) of building the program
 *    and of checking it — less disturbed than wall-clock time on a shared machine.
 * Prints a markdown table with medians and the difference. Usage: node bench/typecheck-cost.mjs [runs=3]
 */
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tscBin = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const FLAGS = [
  '--noEmit',
  '--strict',
  '--noUncheckedIndexedAccess',
  '--noImplicitOverride',
  '--verbatimModuleSyntax',
  '--target',
  'ES2022',
  '--lib',
  'ES2023',
  '--module',
  'nodenext',
  '--moduleResolution',
  'nodenext',
  '--skipLibCheck',
  '--types',
  'node',
];

if (process.argv[2] === '--child') {
  // In-process measurement of one file (run in a fresh process by the parent).
  const ts = (await import('typescript')).default;
  const { options } = ts.parseCommandLine(FLAGS);
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1e6;
  };
  const t0 = cpu();
  const program = ts.createProgram([process.argv[3]], options);
  const t1 = cpu();
  const diagnostics = ts.getPreEmitDiagnostics(program);
  const t2 = cpu();
  const checker = program.getTypeChecker();
  if (diagnostics.length) {
    console.error(
      ts.formatDiagnostics(diagnostics, {
        getCanonicalFileName: (f) => f,
        getCurrentDirectory: () => root,
        getNewLine: () => '\n',
      }),
    );
    process.exit(1);
  }
  console.log(
    JSON.stringify({
      programCpuS: t1 - t0,
      checkCpuS: t2 - t1,
      types: checker.getTypeCount(),
      instantiations: checker.getInstantiationCount(),
    }),
  );
  process.exit(0);
}

const runs = Number(process.argv[2] ?? 3);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function diagnostics(file) {
  const out = execFileSync(process.execPath, [tscBin, ...FLAGS, '--extendedDiagnostics', join(root, file)], {
    encoding: 'utf8',
    cwd: root,
  });
  const get = (label) => Number(out.match(new RegExp(`^${label}:\\s+([\\d.]+)`, 'm'))?.[1] ?? NaN);
  return {
    files: get('Files'),
    lines: get('Lines of TypeScript'),
    types: get('Types'),
    instantiations: get('Instantiations'),
    memoryK: get('Memory used'),
    checkS: get('Check time'),
  };
}
function cpu(file) {
  return JSON.parse(
    execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--child', join(root, file)], {
      encoding: 'utf8',
      cwd: root,
    }),
  );
}

const results = {};
for (const [name, file] of [
  ['baseline (API, no model)', 'bench/typecheck-cost.baseline.ts'],
  ['full SB model in use', 'bench/typecheck-cost.ts'],
]) {
  const d = Array.from({ length: runs }, () => diagnostics(file));
  const c = Array.from({ length: runs }, () => cpu(file));
  results[name] = {
    ...d[0],
    memoryK: median(d.map((r) => r.memoryK)),
    checkS: median(d.map((r) => r.checkS)),
    programCpuS: median(c.map((r) => r.programCpuS)),
    checkCpuS: median(c.map((r) => r.checkCpuS)),
  };
}
const [b, m] = Object.values(results);
const fmt = (r) =>
  `${r.files} | ${r.lines} | ${r.types} | ${r.instantiations} | ${(r.memoryK / 1024).toFixed(0)} | ${r.checkS.toFixed(2)} | ${r.programCpuS.toFixed(2)} | ${r.checkCpuS.toFixed(2)}`;
console.log(
  `tsc ${execFileSync(process.execPath, [tscBin, '--version'], { encoding: 'utf8' }).trim()}, node ${process.version}, ${runs} runs each (medians)`,
);
console.log(
  '| | files | lines | types | instantiations | memory (MB) | check time, wall (s) | parse+bind CPU (s) | check CPU (s) |',
);
console.log('|---|---|---|---|---|---|---|---|---|');
for (const [name, r] of Object.entries(results)) console.log(`| ${name} | ${fmt(r)} |`);
const diff = Object.fromEntries(Object.keys(m).map((k) => [k, m[k] - b[k]]));
console.log(`| difference (the model's cost) | ${fmt(diff)} |`);
