/**
 * jsonrpc/: JSON-RPC 1.0 as ovsdb-server speaks it — the incremental splitter (framing) and a
 * sans-I/O peer (correlation, echo, inactivity probe, timeouts, cancellation), and the sliced parse
 * of large messages that keeps the event loop running. No sockets here.
 *
 * Published as `ovn-sdk/internal/jsonrpc`: an implementation layer of the OVSDB client, outside the
 * semver promise (its errors and the `Logger` type are exported from `ovn-sdk/ovsdb`).
 */
export { JsonSplitter, parseMessage } from './splitter.js';
export type { SplitterOptions } from './splitter.js';
export { parseMessageSliced } from './sliced-parse.js';
export type { SlicedParseOptions } from './sliced-parse.js';
export { JsonRpcPeer, PEER_DEFAULTS } from './peer.js';
export { deeperThan, describeValue } from './limits.js';
export type { FrameSink, Logger, PeerOptions, RequestOptions, Notification, PeerState } from './peer.js';
export {
  JsonRpcFramingError,
  JsonRpcMessageTooLargeError,
  JsonRpcProtocolError,
  JsonRpcConnectionClosedError,
  JsonRpcTimeoutError,
  JsonRpcAbortedError,
  JsonRpcInactivityError,
  JsonRpcErrorResponse,
  describeRpcError,
} from './errors.js';
