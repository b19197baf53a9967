/**
 * Splits a byte stream of JSON values sent back to back with no delimiter (as ovsdb-server does)
 * into complete values. Incremental and linear: state carries across chunks, so no byte is scanned
 * again however the stream is chunked (the SIMD scanner re-reads at most the rest of one 64-byte block
 * after each message's end). It works on bytes, not characters: UTF-8 continuation bytes are all ≥ 0x80 and never look
 * like structure, so a multi-byte character split across chunks is simply carried over and decoded
 * once the whole message is there.
 *
 * The scanning is done 64 bytes at a time by a WebAssembly SIMD scanner (scanner.wat), with a plain
 * JavaScript scanner (scan-js.ts) where WebAssembly SIMD is unavailable; both follow the same rules
 * (see scan-js.ts), and on valid JSON they cut exactly where a JSON parser would.
 *
 * Only objects and arrays may stand at the top level (JSON-RPC messages are objects).
 */
import { JsonRpcFramingError, JsonRpcMessageTooLargeError } from './errors.js';
import { createJsScanner, SCAN_STATE, type Scanner } from './scan-js.js';
import { wasmScanner } from './scan-wasm.js';
import { parseExact } from './exact-int.js';

export interface SplitterOptions {
  /** Largest message accepted, in bytes (default 256 MiB). */
  maxMessageBytes?: number;
  /**
   * Which scanner to use: `'auto'` or `'wasm'` (the default: WebAssembly SIMD, or JavaScript where it is
   * unavailable) or `'js'` (always JavaScript). Meant for tests and benchmarks.
   * @internal
   */
  scanner?: 'auto' | 'wasm' | 'js';
}

let jsScanner: Scanner | undefined;

function pickScanner(which: SplitterOptions['scanner']): Scanner {
  if (which !== 'js') {
    const w = wasmScanner();
    if (w) return w;
  }
  return (jsScanner ??= createJsScanner());
}

/**
 * Incremental splitter of back-to-back JSON values.
 *
 * @example
 * ```ts
 * const splitter = new JsonSplitter();
 * socket.on('data', (chunk: Buffer) => {
 *   for (const bytes of splitter.feed(chunk)) handle(parseMessage(bytes));
 * });
 * ```
 */
export class JsonSplitter {
  private readonly max: number;
  private readonly scanner: Scanner;
  /** Chunks (or parts of chunks) belonging to the message being assembled. */
  private parts: Buffer[] = [];
  private partsBytes = 0;
  private depth = 0;
  private inString = 0;
  private escaped = 0;
  /** Total bytes consumed so far, for error offsets. */
  private consumed = 0;

  constructor(opts: SplitterOptions = {}) {
    this.max = opts.maxMessageBytes ?? 256 * 1024 * 1024;
    this.scanner = pickScanner(opts.scanner);
  }

  /** True while part of a message has been seen but not its end. */
  get pending(): boolean {
    return this.depth > 0 || this.partsBytes > 0;
  }

  /**
   * Feeds a chunk; returns the complete messages it finished, as raw UTF-8 byte buffers
   * (call {@link parseMessage} on each). A message that lies wholly in `chunk` is returned as a view
   * of it (aliasing `chunk`); one that spans chunks is copied into a new buffer.
   * @throws {JsonRpcFramingError} `JSONRPC_MALFORMED` on bytes outside any value
   * @throws {JsonRpcMessageTooLargeError} `JSONRPC_MESSAGE_TOO_LARGE`
   */
  feed(chunk: Buffer): Buffer[] {
    const out: Buffer[] = [];
    const n = chunk.length;
    if (n === 0) return out;
    const scanner = this.scanner;
    const { state, pairs } = scanner;
    const step = scanner.maxPiece;
    // Start (in chunk) of the message being assembled, -1 between messages.
    let start = this.depth > 0 ? 0 : -1;
    for (let off = 0; off < n; off += step) {
      const end = Math.min(n, off + step);
      const count = scanner.scan(chunk.subarray(off, end), this.depth, this.inString, this.escaped);
      for (let k = 0; k < count; k++) {
        const s = pairs[2 * k]!;
        const e = off + pairs[2 * k + 1]!;
        if (s >= 0) start = off + s;
        const size = this.partsBytes + e - start;
        if (size > this.max) {
          this.reset();
          throw new JsonRpcMessageTooLargeError(this.max);
        }
        if (this.partsBytes === 0) out.push(chunk.subarray(start, e));
        else {
          this.parts.push(chunk.subarray(start, e));
          out.push(Buffer.concat(this.parts, size));
          this.parts = [];
          this.partsBytes = 0;
        }
        start = -1;
      }
      const errorAt = state[SCAN_STATE.errorAt]!;
      if (errorAt >= 0) {
        const c = chunk[off + errorAt]!;
        this.reset();
        throw new JsonRpcFramingError(
          `unexpected byte 0x${c.toString(16).padStart(2, '0')} between messages`,
          this.consumed + off + errorAt,
        );
      }
      this.depth = state[SCAN_STATE.depth]!;
      this.inString = state[SCAN_STATE.inString]!;
      this.escaped = state[SCAN_STATE.escaped]!;
      const open = state[SCAN_STATE.start]!;
      if (open >= 0) start = off + open;
    }
    if (this.depth > 0) {
      const part = chunk.subarray(start, n);
      this.partsBytes += part.length;
      if (this.partsBytes > this.max) {
        this.reset();
        throw new JsonRpcMessageTooLargeError(this.max);
      }
      this.parts.push(part);
    }
    this.consumed += n;
    return out;
  }

  /** Forgets any partial message. */
  reset(): void {
    this.parts = [];
    this.partsBytes = 0;
    this.depth = 0;
    this.inString = 0;
    this.escaped = 0;
  }
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes one complete message (UTF-8 JSON). With `exactIntegers`, integer literals beyond 2⁵³ become
 * `bigint`s (see exact-int.ts).
 * @throws {JsonRpcFramingError} `JSONRPC_MALFORMED` on invalid UTF-8 or invalid JSON.
 */
export function parseMessage(bytes: Uint8Array, exactIntegers = false): unknown {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch (e) {
    throw new JsonRpcFramingError('message is not valid UTF-8', undefined, { cause: e });
  }
  try {
    return exactIntegers ? parseExact(text) : JSON.parse(text);
  } catch (e) {
    throw new JsonRpcFramingError(`message is not valid JSON: ${(e as Error).message}`, undefined, { cause: e });
  }
}
