/**
 * openflow/connection/: OpenFlow channels over the transport seam — controller (`listenController`)
 * and client (`connectSwitch`) roles, handshake, keepalive, request/reply, multipart, bundles.
 */
export { OfConnection, connectSwitch, listenController, hasMore, DEFAULT_READ_PAUSE_BYTES } from './connection.js';
export type { OfConnectionOptions, OfRequestOptions, OfLogger, Outgoing } from './connection.js';
export { OfConnectionError, OfRemoteError } from './errors.js';
export type { OfConnectionErrorCode } from './errors.js';
