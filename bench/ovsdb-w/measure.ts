/**
 * Measurements shared by the benchmark's client processes: server CPU from /proc/PID/stat, this
 * process's peak RSS (VmHWM), and the result line the runner reads.
 */
import { readFileSync } from 'node:fs';

/** utime+stime of `pid` in clock ticks (USER_HZ = 100 on Linux: 10 ms resolution). */
export function cpuTicks(pid: number): number {
  const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
  // fields after the comm: state(3) … utime(14) stime(15); index = field - 3
  return Number(f[11]) + Number(f[12]);
}

export const TICK_S = 0.01;

/** Current resident set (VmRSS) of `pid`, KiB; 0 when the process is gone. */
export function rssKiB(pid: number | 'self' = 'self'): number {
  try {
    return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** Peak resident set of this process, MiB. */
export function peakRssMiB(pid: number | 'self' = 'self'): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

export interface ClientArgs {
  workload: string;
  remote: string;
  serverPid: number;
  n: number;
}

/** `<workload> <remote> <serverPid> <n>` */
export function parseClientArgs(argv: readonly string[]): ClientArgs {
  const [workload, remote, pid, n] = argv;
  if (!workload || !remote || !pid || !n) throw new Error('usage: <workload> <remote> <server-pid> <n>');
  return { workload, remote, serverPid: Number(pid), n: Number(n) };
}

/** What every client prints last, as `RESULT {json}`. */
export interface ClientResult {
  /** Timed section, seconds. */
  seconds: number;
  serverCpuS?: number;
  /** CPU time of the client process itself during the timed section (Node clients). */
  clientCpuS?: number;
  rssMiB: number;
  /** W2: transactions per second; latencies in ms. */
  txnPerS?: number;
  p50Ms?: number;
  p99Ms?: number;
  /** W3: longest event-loop stall, ms. */
  stallMs?: number;
  /** W4: monitor CPU µs per update, and updates counted. */
  cpuUsPerUpdate?: number;
  updates?: number;
  /** Rows the client itself saw (W3 check), by table. */
  rows?: Record<string, number>;
  note?: string;
}

export function emit(r: ClientResult): void {
  process.stdout.write(`RESULT ${JSON.stringify(r)}\n`);
}

export function pct(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Longest gap between ticks of a 1 ms interval timer (the event-loop stall), ms. */
export function stallMeter(): { stop(): number } {
  let last = performance.now();
  let max = 0;
  const t = setInterval(() => {
    const now = performance.now();
    if (now - last > max) max = now - last;
    last = now;
  }, 1);
  return {
    stop() {
      clearInterval(t);
      const now = performance.now();
      if (now - last > max) max = now - last;
      return max;
    },
  };
}
