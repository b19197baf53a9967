/**
 * server/: an OVSDB server in TypeScript (RFC 7047 with ovsdb-server's extensions and exact error
 * strings) for any schema, in process — over in-memory streams or `punix:` / `ptcp:` / `pssl:` —
 * with monitors (v1, v2, v3 with resume), locks, blocking `wait`, the `_Server` database, and
 * standalone database files. Clustering is out of scope: clustered deployments use ovsdb-server.
 */
export { EmbeddedOvsdbServer } from './server.js';
export type { EmbeddedServerOptions } from './server.js';
export { Database } from './database.js';
export type { DatabaseOptions, Commit } from './database.js';
export { memoryStreamPair } from './memory-stream.js';
export { OvsdbError, ServerConfigError, ServerDbFileError, ServerStateError } from './errors.js';
export { ovsJsonText } from './json-text.js';
export { openDbFile, readLogRecords, composeLogRecord } from './file.js';
export type { OpenDbFileOptions } from './file.js';
