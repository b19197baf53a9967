/**
 * transport/: remotes in OVSDB syntax and byte streams over tcp:, ssl:, unix: — the only layer that
 * touches sockets. Protocol layers see a {@link ByteStream}.
 */
export { SdkError } from '../errors.js';
export { parseRemote, parseRemotes } from './remote.js';
export type { Remote } from './remote.js';
export { connect, listen } from './stream.js';
export type { ByteStream, ConnectOptions, TlsOptions, Listener } from './stream.js';
export { RemoteSyntaxError, TransportConnectError, TransportTlsError } from './errors.js';
