/**
 * The container backend of `startOvsdbServer` and `startOvnCentral`: the same handles as the process
 * backend, with the daemons in a container. The handle's `dir` is a host temp dir mounted at the same
 * path inside, so the database file, logs and unix sockets (`unix`, `ctl`) are at the same paths on both
 * sides (on Linux engines a host client can use `unix:`; with Docker Desktop use `tcp`). `tcp` is the
 * container port published on 127.0.0.1. `pid` is the host pid of the container's first process.
 * `appctl`, `client`, `nbctl` and `sbctl` run inside the container.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { OvnCentral, OvsdbServer, StartOvsdbOptions, Northd } from '../ovsdb-server.js';
import { centralImage, type RuntimeOptions } from './runtime.js';
import { containerName, startContainer, type Ctr } from './engine.js';

/** The schemas as Debian's packages install them (in the image), and their database names. */
const IMAGE_SCHEMAS: Readonly<Record<string, { path: string; database: string }>> = {
  nb: { path: '/usr/share/ovn/ovn-nb.ovsschema', database: 'OVN_Northbound' },
  sb: { path: '/usr/share/ovn/ovn-sb.ovsschema', database: 'OVN_Southbound' },
  vswitch: { path: '/usr/share/openvswitch/vswitch.ovsschema', database: 'Open_vSwitch' },
};

/** Programs a central image must have. */
export const CENTRAL_PROGRAMS = ['ovsdb-server', 'ovsdb-tool', 'ovsdb-client', 'ovs-appctl'] as const;
export const NORTHD_PROGRAMS = ['ovn-northd', 'ovn-nbctl', 'ovn-sbctl'] as const;

/** Container-side port of a server's TCP remote. */
const SERVER_PORT = 6640;

export function envFor(dir: string): Record<string, string> {
  return { OVS_RUNDIR: dir, OVS_DBDIR: dir, OVS_LOGDIR: dir, OVN_RUNDIR: dir, OVN_DBDIR: dir, OVN_LOGDIR: dir };
}

/** A schema given by name (from the image) or by host path (copied into `dir`). */
export function schemaFor(dir: string, schema: string): { path: string; database: string } {
  const named = IMAGE_SCHEMAS[schema];
  if (named) return named;
  const copy = join(dir, basename(schema));
  copyFileSync(schema, copy);
  return { path: copy, database: JSON.parse(readFileSync(schema, 'utf8')).name as string };
}

/** The shell lines that create (unless present) and start one ovsdb-server in `dir`. */
function serverScript(
  dir: string,
  name: string,
  schemaPath: string,
  port: number,
  extraRemotes: readonly string[],
  extraArgs: readonly string[],
): string {
  const f = (ext: string) => join(dir, `${name}.${ext}`);
  return [
    `[ -f ${f('db')} ] || ovsdb-tool create ${f('db')} ${schemaPath}`,
    [
      'ovsdb-server --detach --no-chdir',
      `--pidfile=${f('pid')} --unixctl=${f('ctl')} --log-file=${f('log')}`,
      `--remote=punix:${f('sock')} --remote=ptcp:${port}:0.0.0.0`,
      ...extraRemotes.map((r) => `--remote=${r}`),
      ...extraArgs,
      f('db'),
    ].join(' '),
  ].join('\n');
}

function serverHandle(
  ctr: Ctr,
  dir: string,
  name: string,
  database: string,
  port: number,
  stop: () => Promise<void>,
): OvsdbServer {
  const env = envFor(dir);
  const hostPort = ctr.mappedPort(port);
  return {
    dir,
    database,
    dbFile: join(dir, `${name}.db`),
    unix: `unix:${join(dir, `${name}.sock`)}`,
    tcp: `tcp:127.0.0.1:${hostPort}`,
    tcpPort: hostPort,
    pid: ctr.hostPid,
    ctl: join(dir, `${name}.ctl`),
    appctl: (...args) => ctr.exec(['ovs-appctl', '-t', join(dir, `${name}.ctl`), ...args], { env }),
    client: (cmd, ...args) => ctr.exec(['ovsdb-client', cmd, `unix:${join(dir, `${name}.sock`)}`, ...args], { env }),
    stop,
  };
}

/** The container backend of `startOvsdbServer` (called through it with `runtime: 'container'`). */
export async function startOvsdbServerContainer(opts: StartOvsdbOptions & RuntimeOptions): Promise<OvsdbServer> {
  const own = !opts.dir;
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'ovsdb-ctr-'));
  const name = opts.name ?? 'db';
  let ctr: Ctr | undefined;
  try {
    const schema = schemaFor(dir, opts.schema);
    if (opts.fromDb) copyFileSync(opts.fromDb, join(dir, `${name}.db`));
    ctr = await startContainer({
      image: centralImage(opts.image),
      name: opts.containerName ?? containerName(name),
      needs: CENTRAL_PROGRAMS,
      bind: dir,
      env: envFor(dir),
      ports: [{ container: SERVER_PORT, ...(opts.tcpPort ? { host: opts.tcpPort } : {}) }],
      script: serverScript(dir, name, schema.path, SERVER_PORT, opts.extraRemotes ?? [], opts.extraArgs ?? []),
    });
    const c = ctr;
    let stopped = false;
    return serverHandle(c, dir, name, schema.database, SERVER_PORT, async () => {
      if (stopped) return;
      stopped = true;
      await c.remove();
      if (own) rmSync(dir, { recursive: true, force: true });
    });
  } catch (e) {
    await ctr?.remove();
    if (own) rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}

/**
 * The container backend of `startOvnCentral`: one container holding the NB server (TCP 6641), the SB
 * server (6642) and ovn-northd between them over unix sockets. `nb.stop()` / `sb.stop()` stop that
 * server inside the container; `stop()` removes the container and the dir.
 */
export async function startOvnCentralContainer(
  opts: RuntimeOptions & { readonly network?: { readonly name: string; readonly ip: string } } = {},
): Promise<OvnCentral> {
  const dir = mkdtempSync(join(tmpdir(), 'ovn-ctr-'));
  let ctr: Ctr | undefined;
  try {
    const sock = (n: string) => `unix:${join(dir, `${n}.sock`)}`;
    ctr = await startContainer({
      image: centralImage(opts.image),
      name: opts.containerName ?? containerName('central'),
      needs: [...CENTRAL_PROGRAMS, ...NORTHD_PROGRAMS],
      bind: dir,
      env: envFor(dir),
      ports: [{ container: 6641 }, { container: 6642 }],
      ...(opts.network ? { network: opts.network } : {}),
      script: [
        serverScript(dir, 'nb', IMAGE_SCHEMAS.nb!.path, 6641, [], []),
        serverScript(dir, 'sb', IMAGE_SCHEMAS.sb!.path, 6642, [], []),
        `ovn-northd --detach --no-chdir --pidfile=${join(dir, 'northd.pid')} --log-file=${join(dir, 'northd.log')} --unixctl=${join(dir, 'northd.ctl')} --ovnnb-db=${sock('nb')} --ovnsb-db=${sock('sb')}`,
      ].join('\n'),
    });
    const c = ctr;
    const env = envFor(dir);
    const stopInside = (n: string) => {
      let done = false;
      return async () => {
        if (done) return;
        done = true;
        await c
          .sh(`[ -f ${join(dir, `${n}.pid`)} ] && kill $(cat ${join(dir, `${n}.pid`)}) || true`)
          .catch(() => undefined);
      };
    };
    const nb = serverHandle(c, dir, 'nb', 'OVN_Northbound', 6641, stopInside('nb'));
    const sb = serverHandle(c, dir, 'sb', 'OVN_Southbound', 6642, stopInside('sb'));
    const northd: Northd = { pid: c.hostPid, dir, stop: stopInside('northd') };
    let stopped = false;
    return {
      nb,
      sb,
      northd,
      nbctl: (...args) => c.exec(['ovn-nbctl', `--db=${sock('nb')}`, ...args], { env }),
      sbctl: (...args) => c.exec(['ovn-sbctl', `--db=${sock('sb')}`, ...args], { env }),
      async stop() {
        if (stopped) return;
        stopped = true;
        await c.remove();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    await ctr?.remove();
    if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}
