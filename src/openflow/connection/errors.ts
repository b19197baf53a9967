import { SdkError } from '../../errors.js';
import type { ErrorMsg } from '../messages/types.js';
import { errorName } from '../messages/error-names.js';

/** Codes of {@link OfConnectionError} (docs/errors/openflow-msg.md). */
export type OfConnectionErrorCode =
  | 'OF_CONN_CLOSED' // the channel closed (by us, the peer, or a failure) before the operation finished
  | 'OF_CONN_TIMEOUT' // no hello / no reply within the timeout
  | 'OF_CONN_ECHO_TIMEOUT' // the peer did not answer our keepalive echo
  | 'OF_CONN_PROTOCOL' // the peer sent something the protocol does not allow there
  | 'OF_CONN_ABORTED' // the caller's AbortSignal fired before the reply
  | 'OF_CONN_MESSAGE_TIMEOUT' // a message was begun but not finished within maxMessageMs
  | 'OF_CONN_DISPATCH_FAILED'; // handling a received message failed unexpectedly (cause); the channel is closed

/** The OpenFlow channel failed or an operation on it could not complete. */
export class OfConnectionError extends SdkError {
  constructor(code: OfConnectionErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
  }
}

/** The switch answered a request with OFPT_ERROR. `error` is the decoded message (type, code, data). */
export class OfRemoteError extends SdkError {
  constructor(
    readonly error: ErrorMsg,
    readonly remote: string,
  ) {
    super(
      'OF_REMOTE_ERROR',
      `${remote} replied with OFPT_ERROR ${errorName(error.errType, error.code, error.version) ?? ''} (type ${error.errType} code ${error.code})` +
        (error.experimenter !== undefined ? ` (experimenter 0x${error.experimenter.toString(16)})` : ''),
    );
  }
}
