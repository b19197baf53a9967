/**
 * A throwaway ovsdb-server for the typed-layer tests: `ovsdb-tool create` + `ovsdb-server
 * --remote=punix:` in a temp dir, and `ovsdb-client transact` as the oracle. (The lead's harness
 * in src/testing/ will replace this.)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const SCHEMAS = {
  OVN_Northbound: '/usr/share/ovn/ovn-nb.ovsschema',
  OVN_Southbound: '/usr/share/ovn/ovn-sb.ovsschema',
  Open_vSwitch: '/usr/share/openvswitch/vswitch.ovsschema',
} as const;

export interface TestServer {
  readonly socket: string;
  /** `ovsdb-client transact` — the raw result array. */
  transact(database: string, ops: readonly unknown[]): unknown[];
  /** `ovsdb-client get-schema`. */
  getSchema(database: string): unknown;
  stop(): void;
}

export function startServer(schemas: readonly string[] = Object.values(SCHEMAS)): TestServer {
  const dir = mkdtempSync(join(tmpdir(), `typed-${process.pid}-`));
  const socket = join(dir, 'db.sock');
  let pid: number | undefined;
  const stop = () => {
    if (pid !== undefined) {
      try {
        process.kill(pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
      pid = undefined;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const dbs = schemas.map((s, i) => {
      const db = join(dir, `db${i}.db`);
      execFileSync('ovsdb-tool', ['create', db, s]);
      return db;
    });
    execFileSync('ovsdb-server', [
      `--remote=punix:${socket}`,
      `--pidfile=${join(dir, 'pid')}`,
      `--unixctl=${join(dir, 'ctl')}`,
      `--log-file=${join(dir, 'log')}`,
      '--detach',
      '--no-chdir',
      ...dbs,
    ]);
    pid = Number(readFileSync(join(dir, 'pid'), 'utf8').trim());
  } catch (e) {
    stop();
    throw e;
  }
  return {
    socket,
    transact(database, ops) {
      const out = execFileSync('ovsdb-client', ['transact', `unix:${socket}`, JSON.stringify([database, ...ops])], { encoding: 'utf8' });
      return JSON.parse(out) as unknown[];
    },
    getSchema(database) {
      return JSON.parse(execFileSync('ovsdb-client', ['get-schema', `unix:${socket}`, database], { encoding: 'utf8' })) as unknown;
    },
    stop,
  };
}
