/**
 * jsonrpc/: JSON-RPC 1.0 as ovsdb-server speaks it — the incremental splitter (framing) and a
 * sans-I/O peer (correlation, echo, inactivity probe, timeouts, cancellation). No sockets here.
 */
export { JsonSplitter, parseMessage } from './splitter.js';
export type { SplitterOptions } from './splitter.js';
export { JsonRpcPeer } from './peer.js';
export type { FrameSink, Logger, PeerOptions, RequestOptions, Notification, PeerState } from './peer.js';
export * from './errors.js';
