/**
 * Builds src/jsonrpc/scan-wasm.gen.ts (the JSON splitter's WebAssembly SIMD scanner, as base64) from
 * src/jsonrpc/scanner.wat with wabt's `wat2wasm` (Debian package `wabt`). Only this script needs wabt:
 * the generated module is checked in, and test/unit/jsonrpc/splitter-scanner.test.ts verifies it still
 * matches its source.
 *   npx tsx scripts/build-scanner.ts           # regenerate
 *   npx tsx scripts/build-scanner.ts --check   # exit 1 if the checked-in module is stale
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const WAT_PATH = join(root, 'src/jsonrpc/scanner.wat');
export const GEN_PATH = join(root, 'src/jsonrpc/scan-wasm.gen.ts');

export function sha256(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex');
}

/** True when `wat2wasm` can be run. */
export function haveWat2Wasm(): boolean {
  try {
    execFileSync('wat2wasm', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Assembles the .wat source with wat2wasm. */
export function assemble(watPath = WAT_PATH): Buffer {
  const dir = mkdtempSync(join(tmpdir(), `build-scanner-${process.pid}-`));
  try {
    const out = join(dir, 'scanner.wasm');
    execFileSync('wat2wasm', [watPath, '-o', out], { stdio: ['ignore', 'ignore', 'inherit'] });
    return readFileSync(out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of scan-wasm.gen.ts for this source and its assembled bytes. */
export function render(watText: string, wasm: Uint8Array): string {
  const b64 = Buffer.from(wasm).toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < b64.length; i += 96) lines.push(`  '${b64.slice(i, i + 96)}'`);
  return [
    '// generated — do not edit. Source: src/jsonrpc/scanner.wat; rebuild with `npx tsx scripts/build-scanner.ts`.',
    '',
    '/** SHA-256 (hex) of the scanner.wat text these bytes were assembled from. */',
    `export const SCANNER_WAT_SHA256 = '${sha256(watText)}';`,
    '',
    `/** The assembled scanner module (${wasm.length} bytes), base64. */`,
    `export const SCANNER_WASM_BASE64 =\n${lines.join(' +\n')};`,
    '',
  ].join('\n');
}

function main(): void {
  const watText = readFileSync(WAT_PATH, 'utf8');
  const text = render(watText, assemble());
  if (process.argv.includes('--check')) {
    if (readFileSync(GEN_PATH, 'utf8') !== text) {
      console.error(`${GEN_PATH} is stale: run npx tsx scripts/build-scanner.ts`);
      process.exit(1);
    }
    console.log('scan-wasm.gen.ts is up to date');
    return;
  }
  writeFileSync(GEN_PATH, text);
  console.log(`wrote ${GEN_PATH}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
