import { SdkError } from '../../errors.js';

/** Codes of {@link FlowParseError}; listed in docs/errors/openflow-flow.md. */
export type FlowParseErrorCode =
  | 'OF_TEXT_SYNTAX'
  | 'OF_TEXT_UNKNOWN_FIELD'
  | 'OF_TEXT_BAD_VALUE'
  | 'OF_TEXT_BAD_WIDTH'
  | 'OF_TEXT_PREREQ'
  | 'OF_TEXT_UNKNOWN_ACTION';

/** Flow text that cannot be parsed. `position` is the 0-based character index in the text. */
export class FlowParseError extends SdkError {
  declare readonly code: FlowParseErrorCode;
  readonly position: number;
  constructor(code: FlowParseErrorCode, message: string, position: number, options?: { cause?: unknown }) {
    super(code, `${message} (at character ${position})`, options);
    this.position = position;
  }
}
