/**
 * File-level helpers of the generator: read a schema file, write the generated model beside
 * others. Kept apart from `generate.ts` so that generation itself stays a pure function.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CodegenIoError } from './errors.js';
import type { GenerateOptions, GeneratedModel } from './generate.js';
import { generateFromSchemaJson } from './generate.js';

/**
 * Reads and JSON-parses an `.ovsschema` file.
 * @throws {CodegenIoError} `CODEGEN_IO` when the file cannot be read or is not JSON.
 */
export function readSchemaFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new CodegenIoError(`cannot read ${path}: ${(e as Error).message}`, path, { cause: e });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new CodegenIoError(`${path} is not JSON: ${(e as Error).message}`, path, { cause: e });
  }
}

/**
 * Generates the model of a schema file and writes it into `outDir` (created if missing).
 * @returns the generated model and the path written.
 * @throws {CodegenIoError} `CODEGEN_IO`; {OvsdbSchemaError} `OVSDB_SCHEMA_INVALID`; see {@link generateFromSchemaJson}.
 */
export function generateFile(
  schemaPath: string,
  outDir: string,
  options: GenerateOptions = {},
): GeneratedModel & { readonly path: string } {
  const model = generateFromSchemaJson(readSchemaFile(schemaPath), options);
  const path = join(outDir, model.fileName);
  try {
    mkdirSync(outDir, { recursive: true });
    writeFileSync(path, model.source);
  } catch (e) {
    throw new CodegenIoError(`cannot write ${path}: ${(e as Error).message}`, path, { cause: e });
  }
  return { ...model, path };
}
