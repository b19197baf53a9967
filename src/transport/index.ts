/**
 * transport/: remotes in OVSDB syntax and byte streams over tcp:, ssl:, unix: — the only layer that
 * touches sockets. Protocol layers see a {@link ByteStream}.
 */
export { SdkError } from '../errors.js';
export { parseRemote, parseRemotes } from './remote.js';
export type { Remote } from './remote.js';
export { connect, listen, isLoopback, DEFAULT_MAX_WRITE_QUEUE_BYTES } from './stream.js';
export type {
  ByteStream,
  ConnectOptions,
  ListenOptions,
  StreamOptions,
  TlsOptions,
  Listener,
  TransportLogger,
} from './stream.js';
export {
  RemoteSyntaxError,
  TransportConnectError,
  TransportConnectAbortedError,
  TransportTlsError,
  TransportWriteQueueFullError,
} from './errors.js';
