/**
 * testing/vswitchd: an ephemeral Open vSwitch for tests — an `Open_vSwitch` ovsdb-server plus an
 * `ovs-vswitchd` (userspace / netdev datapath only; no kernel module needed), in a fresh temp dir,
 * optionally inside a network namespace. Helpers run `ovs-vsctl`, `ovs-ofctl` and `ovs-appctl`
 * against it; `stop()` kills both daemons by pid and removes the temp dir.
 *
 * Every path the daemons touch (`OVS_RUNDIR`, `OVS_DBDIR`, `OVS_LOGDIR`) points into the temp dir,
 * so several instances run side by side and nothing under /var/run is used.
 *
 * @example
 * ```ts
 * const sw = await startVswitchd({ netns: 'node1-1234' });
 * try {
 *   await sw.vsctl('add-br', 'br0', '--', 'set', 'bridge', 'br0', 'datapath_type=netdev');
 *   await sw.ofctl('add-flow', 'br0', 'actions=drop');
 * } finally {
 *   await sw.stop();
 * }
 * ```
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  HarnessCommandError,
  alive,
  run as runCommand,
  terminate,
  trackDir,
  trackNetns,
  untrackNetns,
} from './process.js';

export { HarnessCommandError };

/** Options for {@link startVswitchd}. */
export interface VswitchdOptions {
  /**
   * Run both daemons (and every helper command) inside this existing network namespace, or `true`
   * to create a fresh one (deleted again by `stop()`). Recommended whenever the test creates netdev
   * bridges: a userspace datapath creates a tap device `ovs-netdev` that only one vswitchd per
   * namespace can own (a second one fails with "Device or resource busy").
   */
  readonly netns?: string | true;
  /** Prefix of the temp dir name (a unique suffix is added). Default `ovs-<pid>-`. */
  readonly prefix?: string;
  /** Extra arguments for ovs-vswitchd (e.g. `['-vdpif_netdev:dbg']`). */
  readonly vswitchdArgs?: readonly string[];
}

/** A running ovsdb-server + ovs-vswitchd pair. */
export interface Vswitchd {
  /** The temp dir holding the database, sockets, pidfiles and logs. */
  readonly dir: string;
  /** The namespace the daemons run in, if any. */
  readonly netns: string | undefined;
  /** `unix:<dir>/db.sock`, the database remote for ovs-vsctl / OVSDB clients. */
  readonly dbRemote: string;
  /** Environment (OVS_RUNDIR etc.) used for every daemon and helper command. */
  readonly env: Readonly<Record<string, string>>;
  /** Runs `ovs-vsctl --db=… --timeout=10 ARGS`; resolves with stdout. */
  vsctl(...args: string[]): Promise<string>;
  /** Runs `ovs-ofctl ARGS` with OVS_RUNDIR set, so a bare bridge name finds `<dir>/<br>.mgmt`. */
  ofctl(...args: string[]): Promise<string>;
  /** Runs `ovs-appctl -t <dir>/ovs-vswitchd.ctl ARGS`. */
  appctl(...args: string[]): Promise<string>;
  /** Runs any command in the same namespace and environment; resolves with stdout. */
  exec(cmd: string, args: readonly string[], opts?: { timeoutMs?: number }): Promise<string>;
  /** Reads ovs-vswitchd's log (handy in a failing test's message). */
  log(): Promise<string>;
  /** Stops both daemons by pid, waits until they are gone, removes the temp dir. Idempotent. */
  stop(): Promise<void>;
}

/**
 * Runs a command (inside `netns` when given); resolves with stdout, rejects with
 * {@link HarnessCommandError} (`HARNESS_COMMAND_FAILED`) carrying stderr.
 */
export async function run(
  cmd: string,
  args: readonly string[],
  opts: { env?: Readonly<Record<string, string>>; netns?: string | undefined; timeoutMs?: number } = {},
): Promise<string> {
  return (
    await runCommand(cmd, args, {
      env: { ...process.env, ...opts.env },
      netns: opts.netns,
      timeoutMs: opts.timeoutMs ?? 20_000,
    })
  ).stdout;
}

/** True while `pid` is a live (non-zombie) process. */
export const pidAlive = alive;

/** Sends SIGTERM, then SIGKILL after `graceMs`, and waits until the process is gone. */
export function killPid(pid: number, graceMs = 3000): Promise<void> {
  return terminate(pid, 'SIGTERM', graceMs);
}

async function readPid(file: string): Promise<number | undefined> {
  try {
    const n = Number.parseInt((await readFile(file, 'utf8')).trim(), 10);
    return Number.isInteger(n) && n > 0 ? n : undefined;
  } catch {
    return undefined;
  }
}

/** Creates a network namespace (with `lo` up). Throws `HARNESS_COMMAND_FAILED` if it exists. */
export async function createNetns(name: string): Promise<void> {
  await run('ip', ['netns', 'add', name]);
  trackNetns(name);
  await run('ip', ['link', 'set', 'lo', 'up'], { netns: name });
}

/** Deletes a network namespace; no error if it is already gone. */
export async function deleteNetns(name: string): Promise<void> {
  untrackNetns(name);
  if (!existsSync(`/run/netns/${name}`)) return;
  await run('ip', ['netns', 'del', name]).catch(() => undefined);
}

/**
 * Starts an ovsdb-server with a fresh `Open_vSwitch` database and an ovs-vswitchd on it.
 * Bridges must be created with `datapath_type=netdev` (there is no kernel datapath).
 * On any failure everything started so far is stopped and the temp dir removed.
 *
 * @throws HarnessCommandError `HARNESS_COMMAND_FAILED` when a daemon does not start.
 */
export async function startVswitchd(opts: VswitchdOptions = {}): Promise<Vswitchd> {
  const dir = await mkdtemp(join(tmpdir(), opts.prefix ?? `ovs-${process.pid}-`));
  trackDir(dir);
  const env = {
    OVS_RUNDIR: dir,
    OVS_DBDIR: dir,
    OVS_LOGDIR: dir,
    OVS_SYSCONFDIR: dir,
    OVS_PKGDATADIR: '/usr/share/openvswitch',
  };
  let ownNetns: string | undefined;
  if (opts.netns === true) {
    ownNetns = `ovs-${process.pid}-${dir.slice(-6).replace(/[^A-Za-z0-9]/g, 'x')}`;
    try {
      await createNetns(ownNetns);
    } catch (e) {
      await rm(dir, { recursive: true, force: true });
      throw e;
    }
  }
  const netns = ownNetns ?? (typeof opts.netns === 'string' ? opts.netns : undefined);
  const db = join(dir, 'conf.db');
  const sock = join(dir, 'db.sock');
  const dbRemote = `unix:${sock}`;
  const pids: { file: string }[] = [{ file: join(dir, 'ovs-vswitchd.pid') }, { file: join(dir, 'ovsdb-server.pid') }];
  let stopped = false;

  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    for (const p of pids) {
      const pid = await readPid(p.file);
      if (pid !== undefined) await killPid(pid);
    }
    await rm(dir, { recursive: true, force: true });
    if (ownNetns !== undefined) await deleteNetns(ownNetns);
  };

  const exec = (cmd: string, args: readonly string[], o: { timeoutMs?: number } = {}): Promise<string> =>
    run(cmd, args, { env, netns, ...(o.timeoutMs !== undefined ? { timeoutMs: o.timeoutMs } : {}) });

  try {
    await run('ovsdb-tool', ['create', db, '/usr/share/openvswitch/vswitch.ovsschema'], { env });
    await exec('ovsdb-server', [
      '--detach',
      '--no-chdir',
      `--pidfile=${join(dir, 'ovsdb-server.pid')}`,
      `--unixctl=${join(dir, 'ovsdb-server.ctl')}`,
      `--log-file=${join(dir, 'ovsdb-server.log')}`,
      `--remote=punix:${sock}`,
      db,
    ]);
    await exec('ovs-vsctl', [`--db=${dbRemote}`, '--no-wait', 'init']);
    await exec('ovs-vswitchd', [
      '--detach',
      '--no-chdir',
      `--pidfile=${join(dir, 'ovs-vswitchd.pid')}`,
      `--unixctl=${join(dir, 'ovs-vswitchd.ctl')}`,
      `--log-file=${join(dir, 'ovs-vswitchd.log')}`,
      ...(opts.vswitchdArgs ?? []),
      dbRemote,
    ]);
    // vswitchd is up once it has acknowledged the current configuration.
    await exec('ovs-vsctl', [`--db=${dbRemote}`, '--timeout=10', 'set', 'Open_vSwitch', '.', 'other_config:harness=1']);
  } catch (e) {
    await stop();
    throw e;
  }

  return {
    dir,
    netns,
    dbRemote,
    env,
    vsctl: (...args) => exec('ovs-vsctl', [`--db=${dbRemote}`, '--timeout=10', ...args]),
    ofctl: (...args) => exec('ovs-ofctl', args),
    appctl: (...args) => exec('ovs-appctl', ['-t', join(dir, 'ovs-vswitchd.ctl'), ...args]),
    exec,
    log: () => readFile(join(dir, 'ovs-vswitchd.log'), 'utf8').catch(() => ''),
    stop,
  };
}
