#!/usr/bin/env node
/**
 * `ovsdb-codegen <schema.ovsschema>... --out=DIR [--runtime-import=MODULE]`
 *
 * Writes one `<database>.gen.ts` per schema into DIR. `--runtime-import` names the module the
 * generated files import their types from (default `ovn-sdk/ovsdb/typed`). The command line is parsed
 * by `node:util` `parseArgs`; its errors become `CODEGEN_USAGE` (exit code 2).
 */
import { readFileSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs as parseNodeArgs } from 'node:util';
import { SdkError } from '../errors.js';
import { CodegenUsageError } from './errors.js';
import { generateFile } from './files.js';
import { DEFAULT_RUNTIME_IMPORT, type GenerateOptions } from './generate.js';

export const USAGE = `usage: ovsdb-codegen <schema.ovsschema>... --out=DIR [--runtime-import=MODULE]

Generates one TypeScript model (<database>.gen.ts) per OVSDB schema.

options:
  -o, --out=DIR              directory to write the generated files into (created if missing)
      --runtime-import=MOD   module the generated files import from (default ${DEFAULT_RUNTIME_IMPORT})
  -h, --help                 print this help and exit
  -v, --version              print the ovn-sdk version and exit`;

/** What the command line asks for. */
export type CliArgs =
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  | {
      readonly kind: 'generate';
      readonly schemas: readonly string[];
      readonly outDir: string;
      readonly options: GenerateOptions;
    };

/**
 * Parses the arguments (without `node` and the script).
 * @throws {CodegenUsageError} `CODEGEN_USAGE`
 */
export function parseArgs(argv: readonly string[]): CliArgs {
  let parsed;
  try {
    parsed = parseNodeArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        out: { type: 'string', short: 'o' },
        'runtime-import': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (e) {
    // node:util reports unknown options and missing values as TypeError with an ERR_PARSE_ARGS_* code.
    throw new CodegenUsageError(`${(e as Error).message}\n${USAGE}`, { cause: e });
  }
  const { values, positionals } = parsed;
  if (values.help === true) return { kind: 'help' };
  if (values.version === true) return { kind: 'version' };
  if (positionals.length === 0) throw new CodegenUsageError(`no schema given\n${USAGE}`);
  if (values.out === undefined || values.out === '')
    throw new CodegenUsageError(`no output directory (--out=DIR) given\n${USAGE}`);
  const runtimeImport = values['runtime-import'];
  return {
    kind: 'generate',
    schemas: positionals,
    outDir: values.out,
    options: runtimeImport !== undefined ? { runtimeImport } : {},
  };
}

/** The version in the package.json next to this module (src/ and dist/ are both two levels down). */
export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
  return typeof pkg.version === 'string' ? pkg.version : 'unknown';
}

/**
 * Runs the CLI; returns the process exit code (0 ok, 2 usage, 1 any other failure).
 * Writes the paths it generated (or the help / version) to `out`, errors to `err`.
 */
export function main(
  argv: readonly string[],
  out: (s: string) => void = (s) => process.stdout.write(s),
  err: (s: string) => void = (s) => process.stderr.write(s),
): number {
  try {
    const args = parseArgs(argv);
    if (args.kind === 'help') {
      out(`${USAGE}\n`);
      return 0;
    }
    if (args.kind === 'version') {
      out(`${packageVersion()}\n`);
      return 0;
    }
    for (const s of args.schemas) {
      const g = generateFile(s, args.outDir, args.options);
      out(`${g.path}\n`);
    }
    return 0;
  } catch (e) {
    if (e instanceof SdkError) {
      err(`ovsdb-codegen: ${e.code}: ${e.message}\n`);
      return e.code === 'CODEGEN_USAGE' ? 2 : 1;
    }
    throw e;
  }
}

const invokedDirectly = (() => {
  try {
    return (
      process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url))
    );
  } catch {
    return false;
  }
})();
if (invokedDirectly) process.exitCode = main(process.argv.slice(2));
