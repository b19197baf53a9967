/**
 * Byte streams over tcp:, unix: and ssl: (the only module that imports node:net / node:tls).
 * A {@link ByteStream} is the seam the protocol layers sit on; a test can put any other
 * implementation (a fault-injecting peer) behind it.
 */
import * as net from 'node:net';
import * as tls from 'node:tls';
import { readFileSync } from 'node:fs';
import type { Remote } from './remote.js';
import { parseRemote } from './remote.js';
import {
  TransportConnectAbortedError,
  TransportConnectError,
  TransportTlsError,
  TransportWriteQueueFullError,
} from './errors.js';

/** Default {@link StreamOptions.maxWriteQueueBytes}: 16 MiB. */
export const DEFAULT_MAX_WRITE_QUEUE_BYTES = 16 * 1024 * 1024;

/** The part of a pino-compatible logger the transport uses. */
export interface TransportLogger {
  warn(obj: object, msg?: string): void;
}

/** Options of every stream, active or accepted. */
export interface StreamOptions {
  /**
   * Bytes that may wait to be sent (written by us, not yet taken by the peer) before another write
   * destroys the stream with `TRANSPORT_WRITE_QUEUE_FULL` (default 16 MiB,
   * {@link DEFAULT_MAX_WRITE_QUEUE_BYTES}). One write larger than the limit is still accepted onto a
   * queue below it, so a single large message always goes out. A peer that does not read can make us
   * hold at most about this much.
   */
  maxWriteQueueBytes?: number;
}

export interface ByteStream {
  /** The remote this stream is connected to, in remote syntax. */
  readonly remote: string;
  /**
   * Queues bytes for sending. Returns false when the queue is above the socket's high-water mark
   * (the caller may wait for the peer to read); a stream with a write-queue limit closes itself with
   * `TRANSPORT_WRITE_QUEUE_FULL` when a write finds the queue past the limit.
   */
  write(data: Uint8Array | string): boolean | void;
  /** Bytes written and not yet taken by the peer (0 when unknown). */
  readonly writableBytes?: number;
  /** Stops delivering received data until {@link resume}; the peer's bytes then wait in the kernel. */
  pause?(): void;
  resume?(): void;
  /**
   * Calls `h` each time the write queue has drained after a write found it above the high-water mark
   * (the socket's `drain`): a caller that stopped reading because the peer does not read resumes here.
   */
  onDrain?(h: () => void): void;
  /** Half-closes then destroys the stream; `close` handlers run once. */
  close(): void;
  onData(h: (chunk: Buffer) => void): void;
  /** Called once, when the stream ends, with the error if it failed. */
  onClose(h: (err?: Error) => void): void;
}

export interface TlsOptions {
  /** PEM or a file path (read when it does not look like PEM). */
  ca?: string | Buffer;
  cert?: string | Buffer;
  key?: string | Buffer;
  /**
   * `ssl:` — the name the server's certificate must carry (default: the host of the remote, a DNS
   * name or an IP address checked against the certificate's subjectAltName / CN).
   */
  servername?: string;
  /**
   * `ssl:` — verify that the server's certificate names the server (default true). Set false only for
   * certificates that name no host (as OVS's `ovs-pki` makes them); the chain is still verified.
   */
  verifyHostname?: boolean;
  /**
   * `pssl:` — require every client to present a certificate signed by `ca` (default true, as OVS does;
   * `ca` is then mandatory). Set false to accept clients without certificates.
   */
  requireClientCert?: boolean;
}

export interface ConnectOptions extends StreamOptions {
  tls?: TlsOptions;
  /** Give up connecting after this many ms (default 10 s). */
  timeoutMs?: number;
  /**
   * Aborts connecting (the TCP connect and, for `ssl:`, the TLS handshake): the socket is destroyed and
   * `connect` rejects with `TRANSPORT_CONNECT_ABORTED` (the signal's reason as `cause`). Ignored once connected.
   */
  signal?: AbortSignal;
}

function pem(remote: string, what: string, v: string | Buffer | undefined): Buffer | undefined {
  if (v === undefined) return undefined;
  if (Buffer.isBuffer(v)) return v;
  if (v.includes('-----BEGIN')) return Buffer.from(v);
  try {
    return readFileSync(v);
  } catch (e) {
    throw new TransportTlsError(remote, `cannot read ${what} file ${v}`, { cause: e });
  }
}

class SocketStream implements ByteStream {
  private closeHandlers: ((err?: Error) => void)[] = [];
  private done = false;
  private corked = false;
  private lastError: Error | undefined;
  private readonly maxQueue: number;

  constructor(
    private readonly sock: net.Socket,
    readonly remote: string,
    opts: StreamOptions = {},
  ) {
    this.maxQueue = opts.maxWriteQueueBytes ?? DEFAULT_MAX_WRITE_QUEUE_BYTES;
    sock.setNoDelay?.(true);
    sock.on('error', (e) => {
      this.lastError ??= e;
    });
    sock.on('close', () => {
      if (this.done) return;
      this.done = true;
      for (const h of this.closeHandlers) h(this.lastError);
    });
  }

  get writableBytes(): number {
    return this.sock.writableLength;
  }

  write(data: Uint8Array | string): boolean {
    if (this.done || this.sock.destroyed) return false;
    const queued = this.sock.writableLength;
    if (queued > this.maxQueue) {
      // The peer does not read: drop it rather than hold its backlog without bound.
      this.lastError = new TransportWriteQueueFullError(this.remote, queued, this.maxQueue);
      this.sock.destroy();
      return false;
    }
    // Writes issued in the same tick (e.g. 2,000 pipelined requests) leave in as few segments as
    // possible: cork on the first, uncork on the next tick.
    if (!this.corked) {
      this.corked = true;
      this.sock.cork();
      process.nextTick(() => {
        this.corked = false;
        if (!this.sock.destroyed) this.sock.uncork();
      });
    }
    return this.sock.write(data);
  }

  pause(): void {
    this.sock.pause();
  }

  resume(): void {
    this.sock.resume();
  }

  onDrain(h: () => void): void {
    this.sock.on('drain', h);
  }

  close(): void {
    if (this.sock.destroyed) return;
    // Flush what this tick wrote (e.g. an error message sent just before closing), then close.
    if (this.corked) {
      this.corked = false;
      this.sock.uncork();
    }
    this.sock.destroy();
  }

  onData(h: (chunk: Buffer) => void): void {
    this.sock.on('data', h);
  }

  onClose(h: (err?: Error) => void): void {
    if (this.done) queueMicrotask(() => h(this.lastError));
    else this.closeHandlers.push(h);
  }
}

/**
 * Opens a stream to an active remote (`tcp:`, `ssl:`, `unix:`).
 * @throws {TransportConnectError} `TRANSPORT_CONNECT_FAILED`, naming the remote
 * @throws {TransportTlsError} `TRANSPORT_TLS`
 * @throws {RemoteSyntaxError} `TRANSPORT_BAD_REMOTE`
 */
export function connect(remote: string | Remote, opts: ConnectOptions = {}): Promise<ByteStream> {
  const r = typeof remote === 'string' ? parseRemote(remote) : remote;
  if (r.kind !== 'tcp' && r.kind !== 'ssl' && r.kind !== 'unix') {
    return Promise.reject(new TransportConnectError(r.text, 'a passive remote cannot be connected to; use listen()'));
  }
  if (opts.signal?.aborted)
    return Promise.reject(new TransportConnectAbortedError(r.text, { cause: opts.signal.reason }));
  let sock: net.Socket;
  if (r.kind === 'ssl') {
    const t = opts.tls;
    if (!t?.ca)
      return Promise.reject(new TransportTlsError(r.text, 'ssl: needs a CA certificate to verify the server (tls.ca)'));
    try {
      sock = tls.connect({
        host: r.host,
        port: r.port,
        ca: pem(r.text, 'CA', t.ca),
        cert: pem(r.text, 'certificate', t.cert),
        key: pem(r.text, 'key', t.key),
        // SNI carries a DNS name only (RFC 6066 §3).
        servername: t.servername ?? (net.isIP(r.host) ? undefined : r.host),
        rejectUnauthorized: true,
        // The certificate must name the server: `servername`, else the remote's host (name or IP).
        checkServerIdentity:
          t.verifyHostname === false
            ? () => undefined
            : (_host, cert) => tls.checkServerIdentity(t.servername ?? r.host, cert),
      });
    } catch (e) {
      return Promise.reject(
        e instanceof TransportTlsError ? e : new TransportTlsError(r.text, (e as Error).message, { cause: e }),
      );
    }
  } else if (r.kind === 'tcp') sock = net.connect({ host: r.host, port: r.port });
  else sock = net.connect({ path: (r as { path: string }).path });
  const readyEvent = r.kind === 'ssl' ? 'secureConnect' : 'connect';
  return new Promise<ByteStream>((resolve, reject) => {
    const timeoutMs = opts.timeoutMs ?? 10_000;
    const timer = setTimeout(() => fail(new Error(`no connection within ${timeoutMs} ms`)), timeoutMs);
    const onAbort = () => fail(new TransportConnectAbortedError(r.text, { cause: opts.signal?.reason }));
    let settled = false;
    const fail = (e: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      sock.destroy();
      reject(
        e instanceof TransportConnectAbortedError ? e : new TransportConnectError(r.text, e.message, { cause: e }),
      );
    };
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    sock.once('error', fail);
    sock.once(readyEvent, () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      sock.off('error', fail);
      resolve(new SocketStream(sock, r.text, opts));
    });
  });
}

/** True for addresses that only this host can reach (127.0.0.0/8, ::1, their IPv4-mapped form). */
export function isLoopback(host: string): boolean {
  const h = host.toLowerCase().replace(/^::ffff:/, '');
  return h === '::1' || (net.isIPv4(h) && h.startsWith('127.'));
}

export interface ListenOptions extends StreamOptions {
  tls?: TlsOptions;
  /** Logs (once, at listen) a warning when an unencrypted listener binds a non-loopback address. Silent without one. */
  logger?: TransportLogger;
}

export interface Listener {
  /** The bound address in remote syntax, e.g. `tcp:127.0.0.1:41234` (what a peer connects to). */
  readonly address: string;
  readonly port?: number;
  close(): Promise<void>;
}

/**
 * Listens on a passive remote (`ptcp:`, `pssl:`, `punix:`) and hands each accepted stream to `onStream`.
 * As in OVS, `ptcp:PORT` with no address listens on every address (0.0.0.0); name the loopback address
 * to stay local: `ptcp:6641:127.0.0.1`. An unencrypted listener on a non-loopback address logs a
 * warning once through `opts.logger`.
 *
 * `pssl:` requires client certificates signed by `tls.ca` unless `tls.requireClientCert` is false.
 * @example const l = await listen('ptcp:0:127.0.0.1', (s) => s.onData((b) => s.write(b)));
 * @throws {TransportConnectError} `TRANSPORT_CONNECT_FAILED`
 * @throws {TransportTlsError} `TRANSPORT_TLS` (pssl: without cert/key, or without a CA while client certificates are required)
 */
export function listen(
  remote: string | Remote,
  onStream: (s: ByteStream) => void,
  opts: ListenOptions = {},
): Promise<Listener> {
  const r = typeof remote === 'string' ? parseRemote(remote) : remote;
  if (r.kind !== 'ptcp' && r.kind !== 'pssl' && r.kind !== 'punix') {
    return Promise.reject(new TransportConnectError(r.text, 'listen() needs a passive remote (ptcp:, pssl:, punix:)'));
  }
  let server: net.Server;
  const accept = (s: net.Socket) => {
    const peer = s.remoteAddress
      ? `tcp:${s.remoteAddress.includes(':') ? `[${s.remoteAddress}]` : s.remoteAddress}:${s.remotePort}`
      : `unix:${(r as { path?: string }).path}`;
    onStream(new SocketStream(s, peer, opts));
  };
  if (r.kind === 'pssl') {
    const t = opts.tls;
    if (!t?.cert || !t.key) return Promise.reject(new TransportTlsError(r.text, 'pssl: needs tls.cert and tls.key'));
    const requireClientCert = t.requireClientCert !== false;
    if (requireClientCert && !t.ca) {
      return Promise.reject(
        new TransportTlsError(
          r.text,
          'pssl: needs tls.ca to verify client certificates (or tls.requireClientCert: false to accept clients without one)',
        ),
      );
    }
    try {
      server = tls.createServer(
        {
          cert: pem(r.text, 'certificate', t.cert),
          key: pem(r.text, 'key', t.key),
          ca: pem(r.text, 'CA', t.ca),
          requestCert: requireClientCert,
          rejectUnauthorized: requireClientCert,
        },
        accept,
      );
    } catch (e) {
      return Promise.reject(
        e instanceof TransportTlsError ? e : new TransportTlsError(r.text, (e as Error).message, { cause: e }),
      );
    }
  } else {
    server = net.createServer(accept);
    if (r.kind === 'ptcp' && !isLoopback(r.host)) {
      opts.logger?.warn(
        { remote: r.text, host: r.host },
        `transport: unencrypted listener ${r.text} accepts connections from other hosts (bind 127.0.0.1 or use pssl:)`,
      );
    }
  }
  return new Promise<Listener>((resolve, reject) => {
    server.once('error', (e) => reject(new TransportConnectError(r.text, e.message, { cause: e })));
    const done = () => {
      const a = server.address();
      const close = () => new Promise<void>((res) => server.close(() => res()));
      if (a && typeof a === 'object') {
        const host = a.address.includes(':') ? `[${a.address}]` : a.address;
        resolve({ address: `${r.kind === 'pssl' ? 'ssl' : 'tcp'}:${host}:${a.port}`, port: a.port, close });
      } else resolve({ address: `unix:${(r as { path: string }).path}`, close });
    };
    if (r.kind === 'punix') server.listen(r.path, done);
    else server.listen(r.port, r.host, done);
  });
}
