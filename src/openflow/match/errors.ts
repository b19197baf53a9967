import { SdkError } from '../../errors.js';

/** Codes of {@link MatchError}; listed in docs/errors/openflow-flow.md. */
export type MatchErrorCode =
  | 'OF_MATCH_BAD_TYPE'
  | 'OF_MATCH_BAD_LEN'
  | 'OF_MATCH_BAD_FIELD'
  | 'OF_MATCH_UNKNOWN_FIELD'
  | 'OF_MATCH_BAD_WIDTH'
  | 'OF_MATCH_BAD_MASK'
  | 'OF_MATCH_DUP_FIELD'
  | 'OF_MATCH_BAD_PREREQ'
  | 'OF_MATCH_BAD_VALUE';

/** A match that cannot be decoded or encoded. `offset` is the byte offset when decoding, else -1. */
export class MatchError extends SdkError {
  declare readonly code: MatchErrorCode;
  readonly offset: number;
  constructor(code: MatchErrorCode, message: string, offset = -1, options?: { cause?: unknown }) {
    super(code, offset >= 0 ? `${message} (at byte ${offset})` : message, options);
    this.offset = offset;
  }
}
