import { SdkError } from '../../errors.js';

/**
 * A whole OpenFlow message could not be decoded or encoded. `offset` is the byte offset inside the
 * message where the problem was found (0 when it concerns the header or the whole message).
 */
export class OfMessageError extends SdkError {
  readonly offset: number;
  constructor(code: OfMessageErrorCode, message: string, offset = 0, options?: { cause?: unknown }) {
    super(code, offset ? `${message} (at byte ${offset})` : message, options);
    this.offset = offset;
  }
}

/** Every code {@link OfMessageError} uses (docs/errors/openflow-msg.md). */
export type OfMessageErrorCode =
  | 'OF_MSG_TOO_SHORT' // fewer than 8 bytes, or ofp_header.length < 8
  | 'OF_MSG_BAD_LENGTH' // header length disagrees with the buffer, or a sub-structure length is inconsistent
  | 'OF_MSG_BAD_VERSION' // version byte this library does not decode for that message
  | 'OF_MSG_TRUNCATED' // the message body ends inside a field
  | 'OF_MSG_BAD_VALUE' // a field holds a value the spec does not allow
  | 'OF_MSG_TOO_LONG' // an encoded message would exceed 65535 bytes
  | 'OF_MSG_UNSUPPORTED'; // a message that cannot be encoded for the requested version

/** Version negotiation failed: no common version in the two hello messages. */
export class OfNegotiationError extends SdkError {
  readonly ours: readonly number[];
  readonly theirs: readonly number[];
  constructor(ours: readonly number[], theirs: readonly number[]) {
    super('OF_NO_COMMON_VERSION', `no common OpenFlow version: we offer ${fmt(ours)}, peer offers ${fmt(theirs)}`);
    this.ours = ours;
    this.theirs = theirs;
  }
}

/** A multipart reply stream broke its rules (type changed mid-stream, or a reply without request). */
export class OfMultipartError extends SdkError {
  readonly xid: number;
  constructor(message: string, xid: number) {
    super('OF_MULTIPART_MISMATCH', `${message} (xid=0x${xid.toString(16)})`);
    this.xid = xid;
  }
}

function fmt(v: readonly number[]): string {
  return v.length ? v.map((x) => `0x${x.toString(16).padStart(2, '0')}`).join(',') : '(none)';
}

/**
 * A well-formed message a switch would refuse (validateMessage). `ofpError` names the OpenFlow error
 * the switch answers with, e.g. `OFPMMFC_BAD_BAND`.
 */
export class OfValidationError extends SdkError {
  constructor(
    readonly ofpError: string,
    message: string,
  ) {
    super('OF_MSG_INVALID', `${ofpError}: ${message}`);
  }
}
