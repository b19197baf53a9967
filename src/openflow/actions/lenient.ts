/**
 * Lenient reading of one flow's actions (OF1.0) or instructions (OF1.1+), for flow dumps: a bad
 * action costs that flow its program (reported with the error and the raw bytes), not the whole
 * multipart reply. Pure: reads bytes.
 */
import { SdkError } from '../../errors.js';
import type { ByteReader } from '../../wire/index.js';
import type { OfVersion } from '../version.js';
import { readInstructions } from './instructions.js';
import { readActions } from './list.js';
import type { Instruction } from './types.js';

/** One flow's program as read leniently. */
export interface LenientProgram {
  readonly instructions: Instruction[];
  /** Why the program could not be decoded (then `instructions` is empty). */
  readonly error?: SdkError;
  /** The undecodable bytes, a view aliasing the input (set with `error`). */
  readonly raw?: Uint8Array;
}

/**
 * Reads `byteLength` bytes of actions (OF1.0, returned as one apply_actions) or instructions; on a
 * typed decode error, skips them and returns the error and the raw bytes instead of throwing.
 * @example
 * const p = readProgramLenient(r, r.remaining, 0x04);
 * if (p.error) console.warn(`flow kept undecoded: ${p.error.code}`);
 */
export function readProgramLenient(r: ByteReader, byteLength: number, version: OfVersion): LenientProgram {
  const start = r.offset;
  try {
    if (version === 0x01)
      return { instructions: [{ type: 'applyActions', actions: readActions(r, byteLength, version) }] };
    return { instructions: readInstructions(r, byteLength, version) };
  } catch (e) {
    if (!(e instanceof SdkError) || byteLength < 0 || start + byteLength > r.end) throw e;
    r.offset = start + byteLength;
    return { instructions: [], error: e, raw: r.buf.subarray(start, start + byteLength) };
  }
}
