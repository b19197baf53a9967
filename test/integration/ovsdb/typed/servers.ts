/**
 * Real ovsdb-servers for the typed-layer oracle tests, through the one harness (src/testing): one
 * server per schema, and `ovsdb-client` as the oracle (not the SDK's client, which is under test).
 */
import { SCHEMAS as HARNESS_SCHEMAS, startOvsdbServer, type OvsdbServer } from '../../../../src/testing/index.js';

export const SCHEMAS = {
  OVN_Northbound: HARNESS_SCHEMAS.nb,
  OVN_Southbound: HARNESS_SCHEMAS.sb,
  Open_vSwitch: HARNESS_SCHEMAS.vswitch,
} as const;

export interface TestServer {
  /** `ovsdb-client transact` — the raw result array. */
  transact(database: string, ops: readonly unknown[]): Promise<unknown[]>;
  /** `ovsdb-client get-schema`. */
  getSchema(database: string): Promise<unknown>;
  stop(): Promise<void>;
}

/** Starts one ovsdb-server per schema file; requests are routed by database name. */
export async function startServer(schemas: readonly string[] = Object.values(SCHEMAS)): Promise<TestServer> {
  const servers: OvsdbServer[] = [];
  const stop = async () => {
    await Promise.all(servers.map((s) => s.stop()));
  };
  try {
    for (const schema of schemas) servers.push(await startOvsdbServer({ schema }));
  } catch (e) {
    await stop();
    throw e;
  }
  const byDb = new Map<string, OvsdbServer>();
  for (const s of servers) {
    byDb.set(s.database, s);
    // Every server also serves _Server.
    if (!byDb.has('_Server')) byDb.set('_Server', s);
  }
  const of = (db: string): OvsdbServer => {
    const s = byDb.get(db);
    if (!s) throw new Error(`no test server for ${db}`);
    return s;
  };
  return {
    async transact(database, ops) {
      return JSON.parse(await of(database).client('transact', JSON.stringify([database, ...ops]))) as unknown[];
    },
    async getSchema(database) {
      return JSON.parse(await of(database).client('get-schema', database)) as unknown;
    },
    stop,
  };
}
