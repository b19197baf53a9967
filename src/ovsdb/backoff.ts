/**
 * Reconnect backoff as an injectable policy: exponential growth with full jitter (AWS style), capped.
 * A policy maps the attempt number (1, 2, …) to a delay in ms, or `undefined` to give up.
 */
export type BackoffPolicy = (attempt: number) => number | undefined;

export interface ExponentialBackoffOptions {
  /** First delay, ms (default 100). */
  initialMs?: number;
  /** Largest delay, ms (default 8000). */
  maxMs?: number;
  /** Growth per attempt (default 2). */
  factor?: number;
  /** 0 = none, 1 = full jitter: the delay is drawn uniformly from [d·(1−jitter), d] (default 1). */
  jitter?: number;
  /** Give up after this many attempts (default: never). */
  maxAttempts?: number;
  /** Random source in [0, 1) (default Math.random; inject a seeded one in tests). */
  random?: () => number;
}

export function exponentialBackoff(o: ExponentialBackoffOptions = {}): BackoffPolicy {
  const initial = o.initialMs ?? 100;
  const max = o.maxMs ?? 8000;
  const factor = o.factor ?? 2;
  const jitter = Math.min(1, Math.max(0, o.jitter ?? 1));
  const random = o.random ?? Math.random;
  return (attempt) => {
    if (o.maxAttempts !== undefined && attempt > o.maxAttempts) return undefined;
    // initial 0 stays 0 (0 · ∞ would be NaN once factor^n overflows on a very long outage).
    const d = initial === 0 ? 0 : Math.min(max, initial * factor ** Math.max(0, attempt - 1));
    return Math.round(d * (1 - jitter * random()));
  };
}
