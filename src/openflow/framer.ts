/**
 * OpenFlow stream framing: splits a byte stream into whole messages using the 16-bit length in the
 * 8-byte ofp_header (OpenFlow 1.5.1 §7.1). Framing only; decoding is `messages/decodeMessage`.
 */
import { SdkError } from '../errors.js';

/** The framer met a header whose length field is below 8 (the stream cannot be resynchronised). */
export class OfFramingError extends SdkError {
  readonly offset: number;
  constructor(message: string, offset: number) {
    super('OF_FRAME_BAD_LENGTH', `${message} (at stream byte ${offset})`);
    this.offset = offset;
  }
}

/** ofp_header size (OpenFlow 1.5.1 §7.1.1). */
export const OFP_HEADER_LEN = 8;

/**
 * Incremental framer. Feed it chunks as they arrive from a socket; it returns every complete
 * message, each exactly `ofp_header.length` bytes, and keeps the partial tail.
 *
 * A returned message is either a view of the chunk passed in or a fresh buffer the framer never
 * reuses, so it stays valid after the next `push` (as long as the caller does not reuse its chunk).
 *
 * @example
 * const f = new OfFramer();
 * socket.on('data', (chunk) => { for (const m of f.push(chunk)) handle(decodeMessage(m)); });
 * @throws OfFramingError `OF_FRAME_BAD_LENGTH` when a header carries a length below 8; the stream
 * cannot be resynchronised after that, so the framer stays failed and rethrows on every push.
 */
export class OfFramer {
  private pending = new Uint8Array(0);
  private pendingLen = 0;
  /** Stream offset of the first byte not yet returned (for error messages). */
  private consumed = 0;
  private failed: OfFramingError | null = null;

  /** Bytes held waiting for the rest of a message. */
  get buffered(): number {
    return this.pendingLen;
  }

  push(chunk: Uint8Array): Uint8Array[] {
    if (this.failed) throw this.failed;
    const out: Uint8Array[] = [];
    let pos = 0;
    if (this.pendingLen > 0) {
      if (this.pendingLen < OFP_HEADER_LEN) {
        const take = Math.min(OFP_HEADER_LEN - this.pendingLen, chunk.length);
        this.append(chunk, 0, take, OFP_HEADER_LEN);
        pos = take;
        if (this.pendingLen < OFP_HEADER_LEN) return out;
      }
      const len = this.lengthAt(this.pending, 0);
      const take = Math.min(len - this.pendingLen, chunk.length - pos);
      this.append(chunk, pos, take, len);
      pos += take;
      if (this.pendingLen < len) return out;
      out.push(this.pending.subarray(0, len));
      this.consumed += len;
      this.pending = new Uint8Array(0);
      this.pendingLen = 0;
    }
    while (chunk.length - pos >= OFP_HEADER_LEN) {
      const len = this.lengthAt(chunk, pos);
      if (chunk.length - pos < len) break;
      out.push(chunk.subarray(pos, pos + len));
      pos += len;
      this.consumed += len;
    }
    if (pos < chunk.length) {
      const rest = chunk.length - pos;
      const cap = rest >= OFP_HEADER_LEN ? this.lengthAt(chunk, pos) : OFP_HEADER_LEN;
      this.pending = new Uint8Array(cap);
      this.pending.set(chunk.subarray(pos), 0);
      this.pendingLen = rest;
    }
    return out;
  }

  /** Appends chunk[from, from+n) to the pending buffer, growing it to at least `cap`. */
  private append(chunk: Uint8Array, from: number, n: number, cap: number): void {
    if (this.pending.length < cap) {
      const bigger = new Uint8Array(cap);
      bigger.set(this.pending.subarray(0, this.pendingLen), 0);
      this.pending = bigger;
    }
    this.pending.set(chunk.subarray(from, from + n), this.pendingLen);
    this.pendingLen += n;
  }

  private lengthAt(b: Uint8Array, at: number): number {
    const len = (b[at + 2]! << 8) | b[at + 3]!;
    if (len < OFP_HEADER_LEN) {
      this.failed = new OfFramingError(`ofp_header.length ${len} is below ${OFP_HEADER_LEN}`, this.consumed + 2);
      throw this.failed;
    }
    return len;
  }
}
