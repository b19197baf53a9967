/**
 * Two connected in-memory {@link ByteStream}s: what one writes the other receives (on a later
 * microtask, as a socket would deliver it). No socket, no port.
 */
import type { ByteStream } from '../transport/stream.js';

class MemoryStream implements ByteStream {
  other!: MemoryStream;
  private dataHandlers: ((c: Buffer) => void)[] = [];
  private closeHandlers: ((err?: Error) => void)[] = [];
  private closed = false;
  private pending: Buffer[] = [];
  private scheduled = false;

  constructor(readonly remote: string) {}

  write(data: Uint8Array | string): void {
    if (this.closed) return;
    this.other.deliver(typeof data === 'string' ? Buffer.from(data) : Buffer.from(data));
  }

  private deliver(b: Buffer): void {
    if (this.closed) return;
    this.pending.push(b);
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      const chunks = this.pending;
      this.pending = [];
      if (this.closed) return;
      const c = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
      for (const h of this.dataHandlers) h(c);
    });
  }

  close(): void {
    this.end();
    this.other.end();
  }

  private end(): void {
    if (this.closed) return;
    // Data already written is delivered before the end.
    queueMicrotask(() => {
      if (this.closed) return;
      this.closed = true;
      if (this.pending.length) {
        const c = Buffer.concat(this.pending);
        this.pending = [];
        for (const h of this.dataHandlers) h(c);
      }
      for (const h of this.closeHandlers) h();
    });
  }

  onData(h: (chunk: Buffer) => void): void {
    this.dataHandlers.push(h);
  }

  onClose(h: (err?: Error) => void): void {
    this.closeHandlers.push(h);
  }
}

/** A connected pair: `[clientSide, serverSide]`. */
export function memoryStreamPair(name = 'memory:embedded'): [ByteStream, ByteStream] {
  const a = new MemoryStream(name);
  const b = new MemoryStream(name);
  a.other = b;
  b.other = a;
  return [a, b];
}
