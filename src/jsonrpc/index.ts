/**
 * jsonrpc/: JSON-RPC 1.0 as ovsdb-server speaks it — the incremental splitter (framing) and a
 * sans-I/O peer (correlation, echo, inactivity probe, timeouts, cancellation), and the sliced parse
 * of large messages that keeps the event loop running. No sockets here.
 */
export { JsonSplitter, parseMessage } from './splitter.js';
export type { SplitterOptions } from './splitter.js';
export { parseMessageSliced } from './sliced-parse.js';
export type { SlicedParseOptions } from './sliced-parse.js';
export { JsonRpcPeer, PEER_DEFAULTS } from './peer.js';
export { deeperThan, describeValue } from './limits.js';
export type { FrameSink, Logger, PeerOptions, RequestOptions, Notification, PeerState } from './peer.js';
export * from './errors.js';
