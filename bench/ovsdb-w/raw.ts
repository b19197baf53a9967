/**
 * The raw floor's transport: JSON-RPC over a unix socket with node:net and nothing else — a byte-level
 * splitter of back-to-back JSON objects (depth counting, string/escape aware) and pre-serialized requests.
 * Benchmark code only (node:net is allowed in bench/); also used to build the templates and as the W4 writer.
 */
import * as net from 'node:net';

const LBRACE = 0x7b;
const RBRACE = 0x7d;
const LBRACK = 0x5b;
const RBRACK = 0x5d;
const QUOTE = 0x22;
const BSLASH = 0x5c;

/** A minimal JSON-RPC connection: write text, get each complete message as bytes. */
export class RawConn {
  private parts: Buffer[] = [];
  private depth = 0;
  private inStr = false;
  private esc = false;
  private handler: (msg: Buffer) => void = () => {};
  private closedCb: ((e?: Error) => void) | undefined;

  private constructor(readonly sock: net.Socket) {
    sock.setNoDelay(true);
    sock.on('data', (c: Buffer) => this.feed(c));
    sock.on('close', () => this.closedCb?.());
    sock.on('error', (e) => this.closedCb?.(e));
  }

  /** `unix:/path` or a bare path. */
  static connect(remote: string): Promise<RawConn> {
    const path = remote.startsWith('unix:') ? remote.slice(5) : remote;
    return new Promise((resolve, reject) => {
      const s = net.connect({ path });
      s.once('error', reject);
      s.once('connect', () => {
        s.off('error', reject);
        resolve(new RawConn(s));
      });
    });
  }

  onMessage(h: (msg: Buffer) => void): void {
    this.handler = h;
  }
  onClose(h: (e?: Error) => void): void {
    this.closedCb = h;
  }

  send(text: string | Buffer): void {
    this.sock.write(text);
  }

  close(): void {
    this.sock.destroy();
  }

  private feed(c: Buffer): void {
    let depth = this.depth;
    let inStr = this.inStr;
    let esc = this.esc;
    let start = depth > 0 ? 0 : -1;
    const n = c.length;
    for (let i = 0; i < n; i++) {
      const b = c[i]!;
      if (inStr) {
        if (esc) esc = false;
        else if (b === BSLASH) esc = true;
        else if (b === QUOTE) inStr = false;
        continue;
      }
      if (b === QUOTE) inStr = true;
      else if (b === LBRACE || b === LBRACK) {
        if (depth++ === 0) start = i;
      } else if (b === RBRACE || b === RBRACK) {
        if (--depth === 0) {
          let msg: Buffer;
          if (this.parts.length === 0) msg = c.subarray(start, i + 1);
          else {
            this.parts.push(c.subarray(start, i + 1));
            msg = Buffer.concat(this.parts);
            this.parts = [];
          }
          start = -1;
          this.depth = 0;
          this.handler(msg);
        }
      }
    }
    if (depth > 0) this.parts.push(start >= 0 ? c.subarray(start) : c);
    this.depth = depth;
    this.inStr = inStr;
    this.esc = esc;
  }
}

/** Sends one request and resolves with the parsed reply (only when no other request is in flight). */
export function rawCall(conn: RawConn, text: string): Promise<{ id: unknown; result: unknown; error: unknown }> {
  return new Promise((resolve) => {
    conn.onMessage((m) => {
      const v = JSON.parse(m.toString('utf8')) as { id: unknown; method?: string; result: unknown; error: unknown };
      if (v.method === 'echo') {
        conn.send(JSON.stringify({ id: v.id, result: [], error: null }));
        return;
      }
      resolve(v);
    });
    conn.send(text);
  });
}
