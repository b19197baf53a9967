/**
 * Process helpers for the harness: run a command, wait for a pid to exit, and a registry of what the
 * harness started (daemons, temp dirs, network namespaces) that is cleaned up when the Node process
 * exits, is interrupted (SIGINT, SIGTERM, SIGHUP) or dies of an uncaught error — so nothing is left behind.
 */
import { execFile, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { SdkError } from '../errors.js';

/** The harness could not bring something up (a daemon not ready in time, a bad pidfile, an unknown node). */
export class HarnessError extends SdkError {
  constructor(
    message: string,
    readonly stderr = '',
    options?: { cause?: unknown },
  ) {
    super(
      'HARNESS_FAILED',
      stderr ? `${message}: ${stderr.trim().split('\n').slice(-3).join(' | ')}` : message,
      options,
    );
  }
}

/** A command the harness ran exited non-zero; carries the command line and its stderr. */
export class HarnessCommandError extends HarnessError {
  override readonly code = 'HARNESS_COMMAND_FAILED';
  /** What the command wrote to stderr. */
  override readonly stderr: string;

  constructor(
    message: string,
    /** The command line that failed. */
    readonly command: readonly string[],
    stderr: string,
    options?: { cause?: unknown },
  ) {
    super(message, '', options);
    this.stderr = stderr;
  }
}

export interface RunResult {
  stdout: string;
  stderr: string;
}

/**
 * Runs a command to completion (inside network namespace `netns` when given); rejects with
 * {@link HarnessCommandError} (`HARNESS_COMMAND_FAILED`) on a non-zero exit.
 */
export function run(
  cmd: string,
  args: readonly string[],
  opts: { env?: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number; input?: string; netns?: string | undefined } = {},
): Promise<RunResult> {
  const argv = opts.netns ? ['ip', 'netns', 'exec', opts.netns, cmd, ...args] : [cmd, ...args];
  return new Promise((resolve, reject) => {
    const child = execFile(
      argv[0]!,
      argv.slice(1),
      { env: opts.env ?? process.env, cwd: opts.cwd, timeout: opts.timeoutMs ?? 30_000, maxBuffer: 512 * 1024 * 1024 },
      (err, stdout, stderr) => {
        if (err) {
          const msg = String(stderr).trim() || err.message;
          reject(
            new HarnessCommandError(
              `${argv.join(' ')} failed: ${msg.split('\n').slice(-3).join(' | ')}`,
              argv,
              String(stderr),
              { cause: err },
            ),
          );
        } else resolve({ stdout: String(stdout), stderr: String(stderr) });
      },
    );
    if (opts.input !== undefined) child.stdin?.end(opts.input);
  });
}

const live1 = (stat: string): boolean => {
  const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  return state !== 'Z' && state !== 'X';
};

/**
 * True while `pid` is a live (non-zombie) process. A multithreaded process killed by a signal shows
 * its main thread as a zombie while its other threads are still exiting (and still hold its files,
 * pidfile lock included): it counts as alive until every thread is gone.
 */
export function alive(pid: number): boolean {
  try {
    if (live1(readFileSync(`/proc/${pid}/stat`, 'utf8'))) return true;
    for (const t of readdirSync(`/proc/${pid}/task`)) {
      try {
        if (live1(readFileSync(`/proc/${pid}/task/${t}/stat`, 'utf8'))) return true;
      } catch {
        /* thread gone */
      }
    }
    return false;
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Sends `signal`, waits up to `graceMs` for the process to go, then SIGKILLs it. */
export async function terminate(pid: number, signal: NodeJS.Signals = 'SIGTERM', graceMs = 3000): Promise<void> {
  if (!alive(pid)) return;
  try {
    process.kill(pid, signal);
  } catch {
    return;
  }
  const until = Date.now() + graceMs;
  while (alive(pid) && Date.now() < until) await sleep(5);
  if (alive(pid)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* gone */
    }
    while (alive(pid)) await sleep(5);
  }
}

/** Polls `fn` every `stepMs` until it returns a value other than `undefined`, and resolves with it.
 * @throws {HarnessError} `HARNESS_FAILED` naming `what` when `timeoutMs` passes first
 */
export async function waitFor<T>(
  what: string,
  fn: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 10_000,
  stepMs = 10,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v !== undefined && v !== false) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > until) throw new HarnessError(`timed out waiting for ${what}`, '', { cause: last });
    await sleep(stepMs);
  }
}

export function readPid(pidfile: string): number {
  const pid = Number(readFileSync(pidfile, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0) throw new HarnessError(`bad pidfile ${pidfile}`);
  return pid;
}

// Everything the harness started in this process and has not stopped yet: the last-resort cleanup
// kills the daemons, deletes the namespaces, then removes the temp dirs (in that order: a daemon may
// still write into its dir). It is synchronous, so it can run in 'exit' and in signal handlers.
const live = new Set<number>();
const dirs = new Set<string>();
const namespaces = new Set<string>();
let hooked = false;
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Kills, deletes and removes everything still registered (synchronously). Safe to call twice. */
export function cleanupNow(): void {
  for (const p of live) {
    try {
      process.kill(p, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
  live.clear();
  for (const n of namespaces) spawnSync('ip', ['netns', 'delete', n], { stdio: 'ignore' });
  namespaces.clear();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs.clear();
}

function onSignal(sig: NodeJS.Signals): void {
  cleanupNow();
  // Nobody else handles the signal: behave as Node would without us (die of it, exit code 128+n).
  if (process.listenerCount(sig) === 1) {
    for (const s of SIGNALS) process.removeListener(s, onSignal);
    process.kill(process.pid, sig);
  }
}

function hook(): void {
  if (hooked) return;
  hooked = true;
  process.once('exit', cleanupNow);
  // The monitor runs before Node reports the error and exits, without changing what happens.
  process.on('uncaughtExceptionMonitor', cleanupNow);
  for (const s of SIGNALS) process.on(s, onSignal);
}

export function track(pid: number): void {
  live.add(pid);
  hook();
}
export function untrack(pid: number): void {
  live.delete(pid);
}
/** Registers a temp dir the harness created, removed by the last-resort cleanup unless untracked. */
export function trackDir(dir: string): void {
  dirs.add(dir);
  hook();
}
export function untrackDir(dir: string): void {
  dirs.delete(dir);
}
/** Registers a network namespace the harness created, deleted by the last-resort cleanup unless untracked. */
export function trackNetns(name: string): void {
  namespaces.add(name);
  hook();
}
export function untrackNetns(name: string): void {
  namespaces.delete(name);
}
