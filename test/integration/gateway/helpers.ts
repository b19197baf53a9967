/**
 * Shared by the gateway tests: a throwaway NB + SB + ovn-northd with the seed applied through the
 * command line, and a plain `ws` JSON-RPC 2.0 client.
 */
import { join } from 'node:path';
import WebSocket from 'ws';
import { run as runCli } from '../../../src/cli/main.js';
import { startOvnCentral, type OvnCentral } from '../../../src/testing/index.js';

export const root = join(import.meta.dirname, '..', '..', '..');
export const seedDir = join(root, 'test', 'fixtures', 'cli', 'seed');

/** The command line in this process against `nb`. */
export async function cli(
  nb: string,
  args: readonly string[],
  input?: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['--db', nb, ...args], {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    env: { ...process.env, NO_COLOR: '1' },
    stdin: () => input ?? '',
  });
  return { code, stdout, stderr };
}

/** NB + SB + northd with the seed's namespace, subnet, two nodes and four pods applied. */
export async function startSeeded(): Promise<OvnCentral> {
  const central = await startOvnCentral();
  const r = await cli(central.nb.unix, ['apply', '-f', seedDir]);
  if (r.code !== 0) {
    await central.stop();
    throw new Error(`seed apply failed: ${r.stderr}`);
  }
  return central;
}

export interface RpcError {
  readonly code: number;
  readonly message: string;
  readonly data?: { readonly code?: string };
}

export interface RpcMessage {
  readonly jsonrpc: '2.0';
  readonly id?: number | string | null;
  readonly result?: unknown;
  readonly error?: RpcError;
  readonly method?: string;
  readonly params?: unknown;
}

/** A JSON-RPC 2.0 client on a plain ws socket: every message is kept, in order. */
export class RpcClient {
  readonly messages: RpcMessage[] = [];
  private nextId = 1;
  private waiters: { pred: (m: RpcMessage) => boolean; resolve: (m: RpcMessage) => void }[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (d: Buffer) => {
      const m = JSON.parse(d.toString('utf8')) as RpcMessage | RpcMessage[];
      for (const x of Array.isArray(m) ? m : [m]) {
        this.messages.push(x);
        this.waiters = this.waiters.filter((w) => (w.pred(x) ? (w.resolve(x), false) : true));
      }
    });
    this.closed = new Promise((r) => ws.on('close', (code, reason) => r({ code, reason: reason.toString() })));
  }

  static open(url: string, headers: Record<string, string> = {}): Promise<RpcClient> {
    const ws = new WebSocket(url, { headers });
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(new RpcClient(ws)));
      ws.once('error', reject);
      ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    });
  }

  /** The next message (already received or to come) matching `pred`. */
  next(pred: (m: RpcMessage) => boolean): Promise<RpcMessage> {
    const have = this.messages.find(pred);
    if (have) return Promise.resolve(have);
    return new Promise((resolve) => this.waiters.push({ pred, resolve }));
  }

  /** Sends one request; resolves with its response (result or error). */
  request(method: string, params?: unknown): Promise<RpcMessage> {
    const id = this.nextId++;
    this.ws.send(JSON.stringify({ jsonrpc: '2.0', id, method, ...(params === undefined ? {} : { params }) }));
    return this.next((m) => m.id === id);
  }

  /** The result, or throws the error response as an Error carrying it. */
  async call<T = unknown>(method: string, params?: unknown): Promise<T> {
    const m = await this.request(method, params);
    if (m.error) throw Object.assign(new Error(m.error.message), { rpc: m.error });
    return m.result as T;
  }

  close(): void {
    this.ws.terminate();
  }
}
