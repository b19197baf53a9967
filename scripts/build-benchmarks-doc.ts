/**
 * Builds BENCHMARKS.md from the per-area results in bench/RESULTS-*.md (each written by the run that
 * measured it, with its command).
 *   npx tsx scripts/build-benchmarks-doc.ts
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const dir = join(root, 'bench');
const order = [
  'jsonrpc',
  'jsonrpc-large',
  'ovsdb-w',
  'cache',
  'reliability',
  'reliability-ops',
  'reliability-faults',
  'codegen',
  'kube',
  'ipam',
  'geneve',
  'openflow-msg',
  'openflow-flow',
  'harness-startup',
];
const files = readdirSync(dir)
  .filter((f) => /^RESULTS-.*\.md$/.test(f))
  .sort((a, b) => {
    const ka = order.indexOf(a.slice(8, -3));
    const kb = order.indexOf(b.slice(8, -3));
    return (ka < 0 ? 99 : ka) - (kb < 0 ? 99 : kb) || a.localeCompare(b);
  });
const body = files
  .map((f) =>
    readFileSync(join(dir, f), 'utf8')
      .trim()
      .replace(/^(#+) /gm, '#$1 '),
  )
  .join('\n\n---\n\n');
writeFileSync(
  join(root, 'BENCHMARKS.md'),
  `# Benchmarks\n\n<!-- generated from bench/RESULTS-*.md by scripts/build-benchmarks-doc.ts -->\n\nEvery figure below was measured on this project's machine kind (2 vCPUs, shared) with the command given beside it; the\nreference implementations ran in the same run, so the ratios are the figures to read. Goals that were not met are\nsaid so, with where the time goes.\n\n${body}\n`,
);
console.log(`BENCHMARKS.md from ${files.join(', ')}`);
