#!/usr/bin/env node
/**
 * `ovsdb-codegen <schema.ovsschema>... -o <dir> [--runtime-import <module>]`
 *
 * Writes one `<database>.gen.ts` per schema into `<dir>`. `--runtime-import` names the module the
 * generated files import their types from (default `ovn-sdk/ovsdb/typed`).
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SdkError } from '../errors.js';
import { CodegenUsageError } from './errors.js';
import { generateFile } from './files.js';
import type { GenerateOptions } from './generate.js';

export const USAGE = 'usage: ovsdb-codegen <schema.ovsschema>... -o <dir> [--runtime-import <module>]';

/** Parsed command line of `ovsdb-codegen`. */
export interface CliArgs {
  readonly schemas: readonly string[];
  readonly outDir: string;
  readonly options: GenerateOptions;
}

/**
 * Parses the arguments (without `node` and the script).
 * @throws {CodegenUsageError} `CODEGEN_USAGE`
 */
export function parseArgs(argv: readonly string[]): CliArgs {
  const schemas: string[] = [];
  let outDir: string | undefined;
  let runtimeImport: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('-')) throw new CodegenUsageError(`${a} needs a value\n${USAGE}`);
      return v;
    };
    if (a === '-o' || a === '--out') outDir = value();
    else if (a === '--runtime-import') runtimeImport = value();
    else if (a.startsWith('-')) throw new CodegenUsageError(`unknown option ${a}\n${USAGE}`);
    else schemas.push(a);
  }
  if (schemas.length === 0) throw new CodegenUsageError(`no schema given\n${USAGE}`);
  if (outDir === undefined) throw new CodegenUsageError(`no output directory (-o) given\n${USAGE}`);
  return { schemas, outDir, options: runtimeImport !== undefined ? { runtimeImport } : {} };
}

/**
 * Runs the CLI; returns the process exit code (0 ok, 2 usage, 1 any other failure).
 * Writes the paths it generated to `out`, errors to `err`.
 */
export function main(argv: readonly string[], out: (s: string) => void = (s) => process.stdout.write(s), err: (s: string) => void = (s) => process.stderr.write(s)): number {
  try {
    const args = parseArgs(argv);
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
    return process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
})();
if (invokedDirectly) process.exitCode = main(process.argv.slice(2));
