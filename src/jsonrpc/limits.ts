/**
 * Bounds on values received from a peer that we serialize again (an id we echo back, the params of
 * an `echo` we answer) or describe in an error message (a reply's `error`). `JSON.stringify` recurses,
 * so a value nested a few thousand levels deep (≈ 12 KB of brackets) overflows the stack; these checks
 * walk the value with an explicit stack and stop at the limit, so they cannot overflow themselves.
 */

/** True when `value` has arrays or objects nested more than `maxDepth` levels (a scalar has depth 0). */
export function deeperThan(value: unknown, maxDepth: number): boolean {
  if (typeof value !== 'object' || value === null) return false;
  // Explicit stack of [container, depth]; only containers are pushed.
  const stack: [object, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [v, d] = stack.pop()!;
    if (d > maxDepth) return true;
    const children: unknown[] = Array.isArray(v) ? v : Object.values(v);
    for (const c of children) if (typeof c === 'object' && c !== null) stack.push([c, d + 1]);
  }
  return false;
}

/**
 * JSON text of a value for an error message: never throws, at most `maxChars` characters (cut with
 * `…`), and `[nested deeper than N]` for a value too deep to serialize safely.
 */
export function describeValue(value: unknown, maxChars = 500, maxDepth = 64): string {
  if (deeperThan(value, maxDepth)) return `[nested deeper than ${maxDepth} levels]`;
  let s: string | undefined;
  try {
    s = JSON.stringify(value);
  } catch {
    s = undefined;
  }
  if (s === undefined) s = String(value);
  return s.length > maxChars ? `${s.slice(0, maxChars)}…` : s;
}
