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
import { TransportConnectError, TransportTlsError } from './errors.js';

export interface ByteStream {
  /** The remote this stream is connected to, in remote syntax. */
  readonly remote: string;
  write(data: Uint8Array | string): void;
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
  /** Server name to verify (default: the host of the remote). */
  servername?: string;
}

export interface ConnectOptions {
  tls?: TlsOptions;
  /** Give up connecting after this many ms (default 10 s). */
  timeoutMs?: number;
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

  constructor(
    private readonly sock: net.Socket,
    readonly remote: string,
  ) {
    sock.setNoDelay?.(true);
    sock.on('error', (e) => {
      this.lastError = e;
    });
    sock.on('close', () => {
      if (this.done) return;
      this.done = true;
      for (const h of this.closeHandlers) h(this.lastError);
    });
  }

  write(data: Uint8Array | string): void {
    if (this.done || this.sock.destroyed) return;
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
    this.sock.write(data);
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
  let sock: net.Socket;
  if (r.kind === 'ssl') {
    const t = opts.tls;
    if (!t?.ca) return Promise.reject(new TransportTlsError(r.text, 'ssl: needs a CA certificate to verify the server (tls.ca)'));
    try {
      sock = tls.connect({
        host: r.host,
        port: r.port,
        ca: pem(r.text, 'CA', t.ca),
        cert: pem(r.text, 'certificate', t.cert),
        key: pem(r.text, 'key', t.key),
        servername: t.servername ?? (net.isIP(r.host) ? undefined : r.host),
        rejectUnauthorized: true,
        // OVS certificates usually name no host; verify the chain, and the name only when asked.
        checkServerIdentity: t.servername ? tls.checkServerIdentity : () => undefined,
      });
    } catch (e) {
      return Promise.reject(e instanceof TransportTlsError ? e : new TransportTlsError(r.text, (e as Error).message, { cause: e }));
    }
  } else if (r.kind === 'tcp') sock = net.connect({ host: r.host, port: r.port });
  else sock = net.connect({ path: (r as { path: string }).path });
  const readyEvent = r.kind === 'ssl' ? 'secureConnect' : 'connect';
  return new Promise<ByteStream>((resolve, reject) => {
    const timeoutMs = opts.timeoutMs ?? 10_000;
    const timer = setTimeout(() => fail(new Error(`no connection within ${timeoutMs} ms`)), timeoutMs);
    const onAbort = () => fail(new Error('aborted'));
    const fail = (e: Error) => {
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      sock.destroy();
      reject(new TransportConnectError(r.text, e.message, { cause: e }));
    };
    if (opts.signal?.aborted) return fail(new Error('aborted'));
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    sock.once('error', fail);
    sock.once(readyEvent, () => {
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      sock.off('error', fail);
      resolve(new SocketStream(sock, r.text));
    });
  });
}

export interface Listener {
  /** The bound address in remote syntax, e.g. `tcp:127.0.0.1:41234` (what a peer connects to). */
  readonly address: string;
  readonly port?: number;
  close(): Promise<void>;
}

/**
 * Listens on a passive remote (`ptcp:`, `pssl:`, `punix:`) and hands each accepted stream to `onStream`.
 * @throws {TransportConnectError} `TRANSPORT_CONNECT_FAILED`
 */
export function listen(remote: string | Remote, onStream: (s: ByteStream) => void, opts: { tls?: TlsOptions } = {}): Promise<Listener> {
  const r = typeof remote === 'string' ? parseRemote(remote) : remote;
  if (r.kind !== 'ptcp' && r.kind !== 'pssl' && r.kind !== 'punix') {
    return Promise.reject(new TransportConnectError(r.text, 'listen() needs a passive remote (ptcp:, pssl:, punix:)'));
  }
  let server: net.Server;
  const accept = (s: net.Socket) => {
    const peer = s.remoteAddress ? `tcp:${s.remoteAddress.includes(':') ? `[${s.remoteAddress}]` : s.remoteAddress}:${s.remotePort}` : `unix:${(r as { path?: string }).path}`;
    onStream(new SocketStream(s, peer));
  };
  if (r.kind === 'pssl') {
    const t = opts.tls;
    if (!t?.cert || !t.key) return Promise.reject(new TransportTlsError(r.text, 'pssl: needs tls.cert and tls.key'));
    server = tls.createServer({ cert: pem(r.text, 'certificate', t.cert), key: pem(r.text, 'key', t.key), ca: pem(r.text, 'CA', t.ca), requestCert: !!t.ca, rejectUnauthorized: !!t.ca }, accept);
  } else server = net.createServer(accept);
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
