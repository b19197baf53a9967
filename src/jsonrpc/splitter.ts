/**
 * Splits a byte stream of JSON values sent back to back with no delimiter (as ovsdb-server does)
 * into complete values. Incremental and linear: every byte is scanned once, however the stream is
 * chunked. It works on bytes, not characters: UTF-8 continuation bytes are all ≥ 0x80 and never look
 * like structure, so a multi-byte character split across chunks is simply carried over and decoded
 * once the whole message is there.
 *
 * Only objects and arrays may stand at the top level (JSON-RPC messages are objects).
 */
import { JsonRpcFramingError, JsonRpcMessageTooLargeError } from './errors.js';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const LBRACE = 0x7b;
const RBRACE = 0x7d;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;

// Byte classes inside a value: 1 = quote, 2 = opening bracket, 3 = closing bracket, 0 = anything else.
const CLASS = new Uint8Array(256);
CLASS[QUOTE] = 1;
CLASS[LBRACE] = CLASS[LBRACKET] = 2;
CLASS[RBRACE] = CLASS[RBRACKET] = 3;
// 1 = whitespace allowed between top-level values.
const WS = new Uint8Array(256);
WS[0x20] = WS[0x09] = WS[0x0a] = WS[0x0d] = 1;

export interface SplitterOptions {
  /** Largest message accepted, in bytes (default 256 MiB). */
  maxMessageBytes?: number;
}

export class JsonSplitter {
  private readonly max: number;
  /** Chunks (or parts of chunks) belonging to the message being assembled. */
  private parts: Buffer[] = [];
  private partsBytes = 0;
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** Total bytes consumed so far, for error offsets. */
  private consumed = 0;

  constructor(opts: SplitterOptions = {}) {
    this.max = opts.maxMessageBytes ?? 256 * 1024 * 1024;
  }

  /** True while part of a message has been seen but not its end. */
  get pending(): boolean {
    return this.depth > 0 || this.partsBytes > 0;
  }

  /**
   * Feeds a chunk; returns the complete messages it finished, as raw UTF-8 byte buffers
   * (call {@link parseMessage} on each, or use {@link JsonSplitter.push}).
   * @throws {JsonRpcFramingError} `JSONRPC_MALFORMED` on bytes outside any value
   * @throws {JsonRpcMessageTooLargeError} `JSONRPC_MESSAGE_TOO_LARGE`
   */
  feed(chunk: Buffer): Buffer[] {
    const out: Buffer[] = [];
    const n = chunk.length;
    let i = 0;
    let start = this.depth > 0 ? 0 : -1;
    let depth = this.depth;
    let inString = this.inString;
    if (n === 0) return out;
    if (this.escaped) {
      // The previous chunk ended right after a backslash inside a string: skip the escaped byte.
      this.escaped = false;
      i = 1;
    }
    while (i < n) {
      if (inString) {
        // Tight scan to the end of the string; only a quote or a backslash matters here.
        let c = 0;
        while (i < n) {
          c = chunk[i]!;
          if (c === QUOTE || c === BACKSLASH) break;
          i++;
        }
        if (i >= n) break;
        if (c === BACKSLASH) {
          if (i + 1 >= n) {
            this.escaped = true;
            i = n;
            break;
          }
          i += 2;
          continue;
        }
        inString = false;
        i++;
        continue;
      }
      if (depth === 0) {
        const c = chunk[i]!;
        if (WS[c]) {
          i++;
          continue;
        }
        if (c !== LBRACE && c !== LBRACKET) {
          this.reset();
          throw new JsonRpcFramingError(`unexpected byte 0x${c.toString(16).padStart(2, '0')} between messages`, this.consumed + i);
        }
        start = i;
        depth = 1;
        i++;
        continue;
      }
      // Inside a value, outside strings: skip bytes that are not structure.
      let c = 0;
      let k = 0;
      while (i < n) {
        c = chunk[i]!;
        k = CLASS[c]!;
        if (k !== 0) break;
        i++;
      }
      if (i >= n) break;
      i++;
      if (k === 1) inString = true;
      else if (k === 2) depth++;
      else if (--depth === 0) {
        const size = this.partsBytes + i - start;
        if (size > this.max) {
          this.reset();
          throw new JsonRpcMessageTooLargeError(this.max);
        }
        if (this.partsBytes === 0) out.push(chunk.subarray(start, i));
        else {
          this.parts.push(chunk.subarray(start, i));
          out.push(Buffer.concat(this.parts, size));
          this.parts = [];
          this.partsBytes = 0;
        }
        start = -1;
      }
    }
    if (depth > 0 && start !== -1) {
      const part = chunk.subarray(start, n);
      this.partsBytes += part.length;
      if (this.partsBytes > this.max) {
        this.reset();
        throw new JsonRpcMessageTooLargeError(this.max);
      }
      this.parts.push(part);
    }
    this.depth = depth;
    this.inString = inString;
    this.consumed += n;
    return out;
  }

  /** Forgets any partial message. */
  reset(): void {
    this.parts = [];
    this.partsBytes = 0;
    this.depth = 0;
    this.inString = false;
    this.escaped = false;
  }
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes one complete message (UTF-8 JSON).
 * @throws {JsonRpcFramingError} `JSONRPC_MALFORMED` on invalid UTF-8 or invalid JSON.
 */
export function parseMessage(bytes: Uint8Array): unknown {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch (e) {
    throw new JsonRpcFramingError('message is not valid UTF-8', undefined, { cause: e });
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new JsonRpcFramingError(`message is not valid JSON: ${(e as Error).message}`, undefined, { cause: e });
  }
}
