/**
 * Progress of long work: a bar with rate and ETA redrawn in place on a terminal, plain lines otherwise
 * (logs, pipes, CI). Colour only on a terminal and only when NO_COLOR is unset.
 */

export interface ProgressStream {
  write(s: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

export interface Progress {
  update(done: number): void;
  finish(): void;
}

/** Whether to colour output written to `stream` (https://no-color.org). */
export function useColor(stream: ProgressStream, env: NodeJS.ProcessEnv = process.env): boolean {
  return stream.isTTY === true && (env.NO_COLOR === undefined || env.NO_COLOR === '') && env.TERM !== 'dumb';
}

function seconds(s: number): string {
  if (!Number.isFinite(s)) return '?';
  if (s < 60) return `${Math.ceil(s)}s`;
  return `${Math.floor(s / 60)}m${String(Math.ceil(s % 60)).padStart(2, '0')}s`;
}

/** A progress display for `total` items of `what`; `now` is injectable for tests. */
export function createProgress(
  stream: ProgressStream,
  total: number,
  what: string,
  now: () => number = () => performance.now(),
): Progress {
  const t0 = now();
  let last = -1;
  const line = (done: number): string => {
    const el = (now() - t0) / 1000;
    const rate = el > 0 ? done / el : 0;
    const eta = rate > 0 ? (total - done) / rate : Infinity;
    return `${done}/${total} ${what}, ${rate.toFixed(0)}/s, ETA ${done >= total ? '0s' : seconds(eta)}`;
  };
  return {
    update(done: number): void {
      if (done === last) return;
      last = done;
      if (stream.isTTY) {
        const text = line(done);
        const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - text.length - 4));
        const filled = total > 0 ? Math.round((done / total) * width) : width;
        stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${text}\u001b[K`);
      } else stream.write(`${line(done)}\n`);
    },
    finish(): void {
      if (stream.isTTY && last >= 0) stream.write('\n');
    },
  };
}
