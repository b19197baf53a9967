import { SdkError } from '../errors.js';

/** A remote string that is not valid OVSDB/OVS remote syntax. */
export class RemoteSyntaxError extends SdkError {
  constructor(
    readonly remote: string,
    reason: string,
  ) {
    super('TRANSPORT_BAD_REMOTE', `invalid remote ${JSON.stringify(remote)}: ${reason}`);
  }
}

/** Connecting to (or listening on) a remote failed. Names the remote. */
export class TransportConnectError extends SdkError {
  constructor(
    readonly remote: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super('TRANSPORT_CONNECT_FAILED', `${remote}: ${message}`, options);
  }
}

/** The caller's `AbortSignal` fired while connecting; the socket is destroyed. Names the remote; `cause` is the signal's reason. */
export class TransportConnectAbortedError extends SdkError {
  constructor(
    readonly remote: string,
    options?: { cause?: unknown },
  ) {
    super('TRANSPORT_CONNECT_ABORTED', `${remote}: connecting was aborted`, options);
  }
}

/** TLS options are missing or unreadable for an ssl:/pssl: remote. */
export class TransportTlsError extends SdkError {
  constructor(
    readonly remote: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super('TRANSPORT_TLS', `${remote}: ${message}`, options);
  }
}

/**
 * The peer does not read what we write: more than `limit` bytes were already waiting to be sent when
 * another write came. The stream is destroyed (memory stays bounded); names the remote.
 */
export class TransportWriteQueueFullError extends SdkError {
  constructor(
    readonly remote: string,
    readonly queued: number,
    readonly limit: number,
  ) {
    super(
      'TRANSPORT_WRITE_QUEUE_FULL',
      `${remote}: the peer is not reading: ${queued} bytes wait to be sent, over the limit of ${limit}`,
    );
  }
}
