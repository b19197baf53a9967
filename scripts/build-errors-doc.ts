/**
 * Builds docs/errors.md from the per-area fragments in docs/errors/*.md (core first, then by name).
 *   npx tsx scripts/build-errors-doc.ts         # write
 *   npx tsx scripts/build-errors-doc.ts --check # exit 1 when docs/errors.md is stale
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function buildErrorsDoc(root: string): string {
  const dir = join(root, 'docs', 'errors');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort((a, b) => (a === 'core.md' ? -1 : b === 'core.md' ? 1 : a.localeCompare(b)));
  const parts = files.map((f) => readFileSync(join(dir, f), 'utf8').trim());
  return `# Error codes\n\n<!-- generated from docs/errors/*.md by scripts/build-errors-doc.ts — edit the fragments -->\n\nEvery error this SDK throws is a subclass of \`SdkError\` with a stable \`code\`. Catch by class or switch on \`code\`.\n\n${parts.join('\n\n')}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = join(import.meta.dirname ?? '.', '..');
  const out = buildErrorsDoc(root);
  const path = join(root, 'docs', 'errors.md');
  if (process.argv.includes('--check')) {
    const cur = readFileSync(path, 'utf8');
    if (cur !== out) {
      console.error('docs/errors.md is stale: run npx tsx scripts/build-errors-doc.ts');
      process.exit(1);
    }
  } else writeFileSync(path, out);
}
