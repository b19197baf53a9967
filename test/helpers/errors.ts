/** Assertions on the SDK's typed errors, shared by every test (instead of a thrown()/err() per file). */
import { expect } from 'vitest';
import { SdkError } from '../../src/errors.js';

/**
 * Runs `fn`, asserts that it throws an {@link SdkError} (never a bare TypeError/RangeError) with
 * `code` and, when given, `offset` (codec errors carry the byte offset), and returns the error for
 * further checks.
 * @example
 *   expectSdkError(() => decodeGeneve(bytes), 'GENEVE_TRUNCATED', 0);
 */
export function expectSdkError(fn: () => unknown, code?: string, offset?: number): SdkError {
  let caught: unknown;
  let threw = false;
  try {
    fn();
  } catch (e) {
    threw = true;
    caught = e;
  }
  if (!threw) expect.fail(`expected an SdkError${code ? ` ${code}` : ''}, nothing was thrown`);
  expect(caught, `expected an SdkError, got ${String(caught)}`).toBeInstanceOf(SdkError);
  const e = caught as SdkError;
  if (code !== undefined) expect(e.code).toBe(code);
  if (offset !== undefined) expect((e as SdkError & { offset?: number }).offset).toBe(offset);
  return e;
}
