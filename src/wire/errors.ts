import { SdkError } from '../errors.js';

/** A read past the end of a buffer, or a value that does not fit its field. Carries the byte offset. */
export class WireError extends SdkError {
  /** Byte offset (from the start of the reader's window) where the problem was found. */
  readonly offset: number;
  constructor(code: 'WIRE_TRUNCATED' | 'WIRE_RANGE', message: string, offset: number) {
    super(code, `${message} (at byte ${offset})`);
    this.offset = offset;
  }
}
