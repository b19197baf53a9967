/**
 * Byte-level helpers shared by the action and instruction codecs (standard.ts, nicira.ts, list.ts,
 * instructions.ts): padding, length checks, the typed throw, and the one-OXM read of set_field /
 * NXAST_REG_LOAD2. No action knowledge lives here.
 */
import type { ByteReader, ByteWriter } from '../../wire/index.js';
import { readOxmFields } from '../match/codec.js';
import { MatchError } from '../match/errors.js';
import type { MatchField } from '../match/types.js';
import { ActionError } from './errors.js';

/** `n` rounded up to a multiple of 8 (actions and instructions are 8-byte aligned). */
export const pad8 = (n: number): number => (n + 7) & ~7;

/** Zero padding without Buffer#fill (slow for a few bytes). */
export function pad(w: ByteWriter, n: number): ByteWriter {
  if (n <= 0) return w;
  if (w.offset + n > w.end)
    throw new ActionError('OF_ACTION_BAD_LEN', `write of ${n} padding bytes past the end of the buffer`, w.offset);
  const b = w.buf;
  let o = w.offset;
  for (let i = 0; i < n; i++) b[o++] = 0;
  w.offset = o;
  return w;
}

/** Throws the ActionError `code` at byte `at`. */
export function bad(code: ConstructorParameters<typeof ActionError>[0], msg: string, at: number): never {
  throw new ActionError(code, msg, at);
}

/** An action of exactly `n` bytes. @throws ActionError OF_ACTION_BAD_LEN */
export function need(len: number, n: number, at: number): void {
  if (len !== n) bad('OF_ACTION_BAD_LEN', `action must be ${n} bytes, is ${len}`, at);
}

/** An action of at least `n` bytes. @throws ActionError OF_ACTION_BAD_LEN */
export function atLeast(len: number, n: number, at: number): void {
  if (len < n) bad('OF_ACTION_BAD_LEN', `action must be at least ${n} bytes, is ${len}`, at);
}

/** `n` bytes of OXM fields; a match error becomes OF_ACTION_BAD_SET_ARGUMENT at the action. */
export function readOxmFieldsWrapped(r: ByteReader, n: number, at: number): readonly MatchField[] {
  try {
    return readOxmFields(r, n);
  } catch (e) {
    if (e instanceof MatchError)
      throw new ActionError('OF_ACTION_BAD_SET_ARGUMENT', `set_field: ${e.message}`, at, { cause: e });
    throw e;
  }
}

/** Whether the bytes up to `end` are all zero (consumes them). */
export function isZeroRange(r: ByteReader, end: number): boolean {
  while (r.offset < end) if (r.u8() !== 0) return false;
  return true;
}
