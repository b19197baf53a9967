/**
 * `ovsdb-codegen` as a library: `.ovsschema` → TypeScript model (row shapes, typed conditions and
 * mutations, embedded schema). The CLI is `cli.ts`.
 */
export { SdkError } from '../errors.js';
export type { GenerateOptions, GeneratedModel } from './generate.js';
export { DEFAULT_RUNTIME_IMPORT, generateFromSchemaJson, generateModel } from './generate.js';
export { generateFile, readSchemaFile } from './files.js';
export { CodegenIoError, CodegenNameCollisionError, CodegenUnrepresentableError, CodegenUsageError } from './errors.js';
