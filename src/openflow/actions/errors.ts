import { SdkError } from '../../errors.js';

/** Codes of {@link ActionError}; listed in docs/errors/openflow-flow.md. They mirror OVS's OFPBAC_/OFPBIC_ names. */
export type ActionErrorCode =
  | 'OF_ACTION_BAD_TYPE'
  | 'OF_ACTION_BAD_LEN'
  | 'OF_ACTION_BAD_ARGUMENT'
  | 'OF_ACTION_BAD_SET_ARGUMENT'
  | 'OF_ACTION_BAD_SET_LEN'
  | 'OF_ACTION_BAD_SET_MASK'
  | 'OF_ACTION_BAD_SET_TYPE'
  | 'OF_ACTION_BAD_OUT_PORT'
  | 'OF_ACTION_BAD_FOR_VERSION'
  | 'OF_ACTION_MATCH_INCONSISTENT'
  | 'OF_INSTRUCTION_UNKNOWN'
  | 'OF_INSTRUCTION_BAD_LEN'
  | 'OF_INSTRUCTION_UNSUP_ORDER'
  | 'OF_INSTRUCTION_DUP';

/** An action or instruction list that cannot be decoded or encoded. `offset`: byte offset when decoding, else -1. */
export class ActionError extends SdkError {
  declare readonly code: ActionErrorCode;
  readonly offset: number;
  constructor(code: ActionErrorCode, message: string, offset = -1, options?: { cause?: unknown }) {
    super(code, offset >= 0 ? `${message} (at byte ${offset})` : message, options);
    this.offset = offset;
  }
}
