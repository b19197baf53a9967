/**
 * The gateway process: one HTTP server on one port serving the topology page (`GET /`) and, on
 * upgrade, a WebSocket that speaks JSON-RPC 2.0 (one request or batch per text message).
 *
 * Defences, in the order a message meets them: the upgrade is refused (403) for a browser `Origin`
 * that is neither this server nor listed; ws refuses a message over `maxPayload` (close 1009); a
 * message that is not JSON gets −32700, a request over the connection's rate −32002; write methods
 * need the token (−32001). Row events go out batched and wait while the client's send buffer holds
 * more than half of `maxBufferedBytes` (a fast client reading a large initial snapshot is paced, not
 * dropped); a client that does not read it down within `drainTimeoutMs`, or whose buffer goes over
 * `maxBufferedBytes`, is closed with 4000 and cut off. A client that does not read costs at most that
 * much memory (plus one batch).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  JSONRPCServer,
  createJSONRPCErrorResponse,
  type JSONRPCErrorResponse,
  type JSONRPCID,
  type JSONRPCRequest,
} from 'json-rpc-2.0';
import { SdkError } from '../errors.js';
import type { Logger } from '../ovsdb/index.js';
import type { EventStream, RowEvent } from '../ovsdb/cache/index.js';
import { Backend, startReplica, type Replica } from './backend.js';
import {
  GATEWAY_CLOSE_CODES,
  GATEWAY_RPC_CODES,
  GatewayInvalidParamsError,
  GatewayOptionError,
  GatewayRateLimitError,
  GatewayRpcError,
  GatewaySlowConsumerError,
  GatewayUnknownSubscriptionError,
} from './errors.js';
import { DEFAULT_LIMITS, TokenBucket, type GatewayLimits } from './limits.js';
import { buildMethods, paramsOf, type Params } from './methods.js';
import { GATEWAY_PAGE_HTML } from './page.js';

/** Options of {@link startGateway}. */
export interface GatewayOptions {
  /** Northbound remote(s), comma-separated (`tcp:127.0.0.1:6641`, `unix:/run/ovn/ovnnb_db.sock`). */
  readonly nb: string;
  /** Southbound remote: enables `trace`, `explain`, tunnel keys and chassis in `topology`. */
  readonly sb?: string;
  /** Address to bind (default `127.0.0.1`). */
  readonly host?: string;
  /** Port (default 0: any free port; see {@link Gateway.port}). */
  readonly port?: number;
  /** The token write methods (`apply`, `delete`) need; without one they are refused. */
  readonly token?: string;
  /** Browser origins allowed besides this server's own (`http://localhost:3000`). */
  readonly allowedOrigins?: readonly string[];
  /** Bounds; each missing one has its {@link DEFAULT_LIMITS} value. */
  readonly limits?: Partial<GatewayLimits>;
  /** A pino-compatible logger; silent without. */
  readonly logger?: Logger;
}

/** Counters a running gateway keeps (for tests and metrics). */
export interface GatewayStats {
  /** Open WebSocket connections. */
  readonly connections: number;
  /** Connections closed as slow consumers. */
  readonly dropped: number;
  /** The most bytes seen waiting in one connection's send buffer. */
  readonly peakBufferedBytes: number;
  /** Row-event notifications sent. */
  readonly notifications: number;
}

/** A running gateway. */
export interface Gateway {
  /** `http://host:port/`: the page. */
  readonly url: string;
  /** `ws://host:port/`: the JSON-RPC endpoint. */
  readonly wsUrl: string;
  readonly port: number;
  readonly limits: GatewayLimits;
  stats(): GatewayStats;
  /** Closes every connection (1001), the listener and the database connections. */
  close(): Promise<void>;
}

interface Subscription {
  readonly stream: EventStream;
  batch: RowEvent[];
  timer: NodeJS.Timeout | undefined;
}

interface Conn {
  readonly id: number;
  readonly ws: WebSocket;
  readonly bucket: TokenBucket;
  readonly subs: Map<string, Subscription>;
  dead: boolean;
}

/**
 * Parses `HOST:PORT`, `[V6]:PORT` or `:PORT`.
 * @throws {GatewayOptionError} `GATEWAY_INVALID_OPTION`
 */
export function parseListen(text: string): { host: string; port: number } {
  const m = /^(?:\[([^\]]+)\]|([^:]*)):(\d{1,5})$/.exec(text);
  const port = m ? Number(m[3]) : NaN;
  if (!m || port > 65535) throw new GatewayOptionError(`--listen "${text}": give HOST:PORT, [IPV6]:PORT or :PORT`);
  return { host: m[1] ?? (m[2] || '127.0.0.1'), port };
}

const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; img-src data:",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

/**
 * Whether a WebSocket upgrade's `Origin` may connect: none (not a browser), one listed, or this
 * server's own (same host and port as the request's `Host`).
 */
export function originAllowed(
  origin: string | undefined,
  host: string | undefined,
  allowed: ReadonlySet<string>,
): boolean {
  if (origin === undefined || origin === '' || allowed.has(origin)) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

function rpcError(id: JSONRPCID, e: unknown): JSONRPCErrorResponse {
  if (e instanceof GatewayRpcError) return createJSONRPCErrorResponse(id, e.rpcCode, e.message, { code: e.code });
  if (e instanceof SdkError) {
    const code = e.code.endsWith('_NOT_FOUND')
      ? GATEWAY_RPC_CODES.notFound
      : e.code === 'CLI_USAGE'
        ? GATEWAY_RPC_CODES.invalidParams
        : GATEWAY_RPC_CODES.sdkError;
    return createJSONRPCErrorResponse(id, code, e.message, { code: e.code });
  }
  return createJSONRPCErrorResponse(id, GATEWAY_RPC_CODES.internalError, e instanceof Error ? e.message : String(e));
}

/**
 * Starts the gateway: connects to NB (and SB), starts their replicas, then listens.
 * @example
 *   const gw = await startGateway({ nb: 'tcp:127.0.0.1:6641', sb: 'tcp:127.0.0.1:6642', port: 8080, token: 's3cret' });
 *   // open gw.url in a browser; JSON-RPC 2.0 at gw.wsUrl
 *   await gw.close();
 * @throws {GatewayOptionError} `GATEWAY_INVALID_OPTION` for a bad bound
 * @throws the OVSDB client's errors (`TRANSPORT_*`, `OVSDB_*`) when a database cannot be reached
 */
export async function startGateway(opts: GatewayOptions): Promise<Gateway> {
  const limits: GatewayLimits = { ...DEFAULT_LIMITS, ...opts.limits };
  for (const [k, v] of Object.entries(limits))
    if (typeof v !== 'number' || !(v > 0)) throw new GatewayOptionError(`limits.${k} must be a positive number`);
  const log = opts.logger;
  const nb = await startReplica(opts.nb, 'OVN_Northbound', log);
  let sb: Replica | undefined;
  try {
    sb = opts.sb === undefined ? undefined : await startReplica(opts.sb, 'OVN_Southbound', log);
  } catch (e) {
    await nb.close();
    throw e;
  }
  const backend = new Backend(nb, sb, opts.sb);
  const methods = buildMethods(backend, limits, opts.token);
  const conns = new Set<Conn>();
  let nextConn = 1;
  let dropped = 0;
  let peakBuffered = 0;
  let notifications = 0;

  const rpc = new JSONRPCServer<Conn>({
    errorListener: (message, data) => log?.debug({ err: (data as Error | undefined)?.message }, message),
  });
  rpc.mapErrorToJSONRPCErrorResponse = rpcError;
  for (const [name, fn] of methods) rpc.addMethod(name, (p: unknown) => fn(paramsOf(name, p)));
  rpc.addMethod('subscribe', (p: unknown, c: Conn) => subscribe(c, paramsOf('subscribe', p)));
  rpc.addMethod('unsubscribe', (p: unknown, c: Conn) => {
    const id = paramsOf('unsubscribe', p).subscription;
    const s = typeof id === 'string' ? c.subs.get(id) : undefined;
    if (s === undefined) throw new GatewayUnknownSubscriptionError(String(id));
    endSub(c, id as string, s);
    return { subscription: id };
  });

  /** Sends; drops the connection when its send buffer is over the bound. */
  function send(c: Conn, msg: unknown): boolean {
    if (c.dead) return false;
    const before = c.ws.bufferedAmount;
    if (before > limits.maxBufferedBytes) {
      drop(c, new GatewaySlowConsumerError(before, limits.maxBufferedBytes));
      return false;
    }
    c.ws.send(JSON.stringify(msg));
    peakBuffered = Math.max(peakBuffered, c.ws.bufferedAmount);
    return true;
  }

  function drop(c: Conn, err: GatewaySlowConsumerError): void {
    if (c.dead) return;
    dropped++;
    log?.warn({ conn: c.id, code: err.code, err: err.message }, 'gateway: dropping a slow consumer');
    cleanup(c);
    c.ws.close(GATEWAY_CLOSE_CODES.slowConsumer, err.code);
    // A client that does not read never completes the close handshake: cut it off so its buffer is freed.
    c.ws.terminate();
  }

  function cleanup(c: Conn): void {
    c.dead = true;
    for (const [id, s] of c.subs) endSub(c, id, s);
    conns.delete(c);
  }

  function endSub(c: Conn, id: string, s: Subscription): void {
    if (s.timer) clearTimeout(s.timer);
    s.stream.close();
    c.subs.delete(id);
  }

  function flush(c: Conn, id: string, s: Subscription): void {
    if (s.timer) clearTimeout(s.timer);
    s.timer = undefined;
    if (s.batch.length === 0) return;
    const events = s.batch;
    s.batch = [];
    if (send(c, { jsonrpc: '2.0', method: 'rowEvents', params: { subscription: id, events } })) notifications++;
  }

  /** Waits until `c` has read its send buffer down to half the bound; drops it (false) after `drainTimeoutMs`. */
  async function drained(c: Conn): Promise<boolean> {
    const until = Date.now() + limits.drainTimeoutMs;
    while (!c.dead && c.ws.bufferedAmount > limits.maxBufferedBytes / 2) {
      if (Date.now() > until) {
        drop(c, new GatewaySlowConsumerError(c.ws.bufferedAmount, limits.maxBufferedBytes));
        return false;
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    return !c.dead;
  }

  function subscribe(c: Conn, p: Params): { subscription: string; database: string; tables: readonly string[] } {
    const db = p.database ?? 'nb';
    if (db !== 'nb' && db !== 'sb') throw new GatewayInvalidParamsError('subscribe', '"database" is "nb" or "sb"');
    const replica = db === 'nb' ? nb : sb;
    if (replica === undefined) throw new GatewayInvalidParamsError('subscribe', 'the server has no Southbound');
    const known = replica.cache.tableNames();
    const tables = p.tables ?? known;
    if (!Array.isArray(tables) || !tables.every((t) => typeof t === 'string' && known.includes(t)))
      throw new GatewayInvalidParamsError('subscribe', `"tables" must list tables of ${known.join(', ')}`);
    if (c.subs.size >= limits.maxSubscriptions)
      throw new GatewayInvalidParamsError(
        'subscribe',
        `at most ${limits.maxSubscriptions} subscriptions per connection`,
      );
    const id = randomUUID();
    // Our own pump reads every event at once, so the cache-side queue stays short; the bound that
    // matters is the socket's (send()). A pump that cannot keep up ends with CACHE_EVENT_OVERFLOW.
    const stream = replica.cache.events({
      tables: tables as string[],
      initial: p.initial === true,
      maxBuffered: 100_000,
    });
    const s: Subscription = { stream, batch: [], timer: undefined };
    c.subs.set(id, s);
    // Start pumping after the response is sent, so the client knows the id before the first batch.
    setImmediate(() => {
      void (async () => {
        try {
          for await (const ev of stream) {
            if (c.dead) break;
            s.batch.push(ev);
            if (s.batch.length >= limits.maxBatchEvents) {
              flush(c, id, s);
              if (c.ws.bufferedAmount > limits.maxBufferedBytes / 2 && !(await drained(c))) break;
            } else s.timer ??= setTimeout(() => flush(c, id, s), limits.batchMs);
          }
          flush(c, id, s);
        } catch (e) {
          log?.warn({ conn: c.id, err: (e as Error).message }, 'gateway: subscription ended');
          if (!c.dead) drop(c, new GatewaySlowConsumerError(c.ws.bufferedAmount, limits.maxBufferedBytes));
        }
      })();
    });
    return { subscription: id, database: db, tables: tables as string[] };
  }

  async function onMessage(c: Conn, data: Buffer): Promise<void> {
    let payload: unknown;
    try {
      payload = JSON.parse(data.toString('utf8'));
    } catch (e) {
      send(
        c,
        createJSONRPCErrorResponse(null, GATEWAY_RPC_CODES.parseError, `parse error: ${(e as Error).message}`, {
          code: 'GATEWAY_PARSE_ERROR',
        }),
      );
      return;
    }
    const batch = Array.isArray(payload);
    const reqs = (batch ? payload : [payload]) as unknown[];
    if (batch && reqs.length === 0) {
      send(c, createJSONRPCErrorResponse(null, GATEWAY_RPC_CODES.invalidRequest, 'empty batch'));
      return;
    }
    const idOf = (r: unknown): JSONRPCID => {
      const id = (r as { id?: unknown } | null)?.id;
      return typeof id === 'string' || typeof id === 'number' ? id : null;
    };
    if (!c.bucket.take(reqs.length)) {
      const err = new GatewayRateLimitError(limits.ratePerSecond, limits.rateBurst);
      const out = reqs.map((r) => rpcError(idOf(r), err));
      send(c, batch ? out : out[0]);
      return;
    }
    const out = await rpc.receive(reqs as JSONRPCRequest[], c);
    if (out === null || (Array.isArray(out) && out.length === 0)) return;
    send(c, batch || !Array.isArray(out) ? out : out[0]);
  }

  const serveHttp = (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'GET' && (path === '/' || path === '/index.html')) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...SECURITY_HEADERS });
      res.end(GATEWAY_PAGE_HTML);
    } else if (req.method === 'GET' && path === '/healthz') {
      res.writeHead(200, { 'content-type': 'text/plain', ...SECURITY_HEADERS });
      res.end(nb.cache.connected ? 'ok\n' : 'nb disconnected\n');
    } else {
      res.writeHead(404, { 'content-type': 'text/plain', ...SECURITY_HEADERS });
      res.end('not found\n');
    }
  };
  const http: Server = createServer(serveHttp);
  const allowed = new Set(opts.allowedOrigins ?? []);
  const wss = new WebSocketServer({
    server: http,
    maxPayload: limits.maxPayload,
    verifyClient: (
      info: { origin: string | undefined; req: IncomingMessage },
      done: (ok: boolean, status?: number, message?: string) => void,
    ) => {
      const ok = originAllowed(info.origin, info.req.headers.host, allowed);
      if (!ok) log?.warn({ origin: info.origin }, 'gateway: refused a WebSocket from another origin');
      if (ok && conns.size >= limits.maxConnections) {
        log?.warn({ connections: conns.size }, 'gateway: refused a WebSocket over maxConnections');
        done(false, 503, 'Service Unavailable: too many connections');
        return;
      }
      done(ok, 403, 'Forbidden: origin not allowed');
    },
  });
  wss.on('connection', (ws: WebSocket) => {
    const c: Conn = {
      id: nextConn++,
      ws,
      bucket: new TokenBucket(limits.ratePerSecond, limits.rateBurst),
      subs: new Map(),
      dead: false,
    };
    conns.add(c);
    log?.debug({ conn: c.id }, 'gateway: connection');
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      if (isBinary) {
        send(c, createJSONRPCErrorResponse(null, GATEWAY_RPC_CODES.invalidRequest, 'send JSON-RPC as text messages'));
        return;
      }
      onMessage(c, data).catch((e: unknown) => log?.error({ conn: c.id, err: (e as Error).message }, 'gateway'));
    });
    ws.on('close', () => cleanup(c));
    ws.on('error', (e) => log?.debug({ conn: c.id, err: e.message }, 'gateway: connection error'));
  });

  const host = opts.host ?? '127.0.0.1';
  try {
    await new Promise<void>((resolve, reject) => {
      http.once('error', reject);
      http.listen(opts.port ?? 0, host, () => {
        http.off('error', reject);
        resolve();
      });
    });
  } catch (e) {
    await backend.close();
    throw e;
  }
  const port = (http.address() as { port: number }).port;
  const hostInUrl = host.includes(':') ? `[${host}]` : host;
  log?.info({ host, port, southbound: sb !== undefined, writable: opts.token !== undefined }, 'gateway: listening');

  return {
    url: `http://${hostInUrl}:${port}/`,
    wsUrl: `ws://${hostInUrl}:${port}/`,
    port,
    limits,
    stats: () => ({ connections: conns.size, dropped, peakBufferedBytes: peakBuffered, notifications }),
    async close() {
      for (const c of [...conns]) {
        cleanup(c);
        c.ws.close(GATEWAY_CLOSE_CODES.shuttingDown, 'server shutting down');
        c.ws.terminate();
      }
      await new Promise<void>((r) => wss.close(() => r()));
      await new Promise<void>((r) => http.close(() => r()));
      await backend.close();
    },
  };
}
