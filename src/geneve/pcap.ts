/**
 * Capture files, sans-I/O: classic pcap (both byte orders, micro- and nanosecond timestamps) and
 * pcapng (Section Header, Interface Description, Enhanced / Simple / obsolete Packet blocks; several
 * interfaces and sections). The parser is fed chunks and hands out records as they complete, so a
 * large capture is never held whole; record data are views into the chunks (aliasing them).
 *
 * ```
 * pcap file header (24 bytes)                          pcap record header (16 bytes)
 *   magic 0xa1b2c3d4 (µs) | 0xa1b23c4d (ns)             ts_sec, ts_usec|ts_nsec,
 *   version_major=2, version_minor=4, thiszone,         incl_len, orig_len, then incl_len bytes
 *   sigfigs, snaplen, network (LINKTYPE)
 *
 * pcapng block (draft-ietf-opsawg-pcapng §3.1)
 *   Block Type (4) | Block Total Length (4) | Block Body … | Block Total Length (4)
 *   SHB 0x0A0D0D0A: Byte-Order Magic 0x1A2B3C4D, Major 1, Minor 0, Section Length (8), options
 *   IDB 0x00000001: LinkType (2), Reserved (2), SnapLen (4), options (if_tsresol = code 9)
 *   EPB 0x00000006: Interface ID, Timestamp (High), Timestamp (Low), Captured Len, Original Len, data, options
 *   SPB 0x00000003: Original Len, data
 * ```
 */
import { PcapBlockError, PcapFormatError, PcapTruncatedError, PcapWriteError } from './errors.js';

/** One captured packet. */
export interface CaptureRecord {
  /** pcapng interface id (0 for classic pcap). */
  readonly interfaceId: number;
  /** LINKTYPE of the interface (1 = Ethernet). */
  readonly linkType: number;
  /** Seconds since the epoch. */
  readonly tsSec: number;
  /** Nanoseconds within the second. */
  readonly tsNsec: number;
  /** Length of the packet on the wire. */
  readonly originalLength: number;
  /** Captured bytes (a view aliasing the parser's input chunk). */
  readonly data: Uint8Array;
}

/** A pcapng interface (classic pcap has exactly one). */
export interface CaptureInterface {
  readonly linkType: number;
  readonly snapLen: number;
  /** Timestamp units per second (1e6 by default; 1e9 for nanosecond). */
  readonly unitsPerSecond: number;
  /** `if_name` option, if present. */
  readonly name?: string;
}

/** What the file turned out to be. */
export type CaptureFormat =
  | {
      readonly kind: 'pcap';
      readonly littleEndian: boolean;
      readonly nanosecond: boolean;
      readonly versionMajor: number;
      readonly versionMinor: number;
      readonly thiszone: number;
      readonly sigfigs: number;
      readonly snapLen: number;
      readonly linkType: number;
    }
  | { readonly kind: 'pcapng'; readonly littleEndian: boolean };

const PCAP_MAGIC_US = 0xa1b2c3d4;
const PCAP_MAGIC_NS = 0xa1b23c4d;
const PCAPNG_SHB = 0x0a0d0d0a;
const PCAPNG_BOM = 0x1a2b3c4d;
const BLOCK = { IDB: 1, PB: 2, SPB: 3, EPB: 6 } as const;
/** Refuse records and blocks larger than this (corrupt length fields). */
const MAX_RECORD = 256 * 1024 * 1024;
const EMPTY = new Uint8Array(0);

/**
 * Push parser. Feed chunks with {@link CaptureParser.push}, drain with {@link CaptureParser.next}
 * until it returns `undefined`, and call {@link CaptureParser.finish} at the end of input.
 */
export class CaptureParser {
  private buf: Uint8Array = EMPTY;
  private pos = 0;
  /** Bytes consumed before `buf` (for error offsets). */
  private base = 0;
  private le = true;
  private started = false;
  private classic = false;
  private nanosecond = false;
  private pcapLinkType = 0;
  private readonly queue: Uint8Array[] = [];
  private queued = 0;
  /** Detected format; undefined until the first header is complete. */
  format: CaptureFormat | undefined;
  /** Interfaces of the current pcapng section (classic pcap: one). */
  interfaces: CaptureInterface[] = [];

  // The current record, as left by advance() (zero-allocation access).
  /** Buffer holding the current record's bytes. */
  buffer: Uint8Array = EMPTY;
  /** Offset of the current record's bytes in `buffer`. */
  dataOffset = 0;
  /** Captured length of the current record. */
  dataLength = 0;
  interfaceId = 0;
  linkType = 0;
  tsSec = 0;
  tsNsec = 0;
  originalLength = 0;

  /**
   * Adds input. Chunks are queued, not copied: only a record that straddles two chunks is stitched
   * into a buffer of its own size.
   */
  push(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    if (this.pos >= this.buf.length && this.queue.length === 0) {
      this.base += this.buf.length;
      this.buf = chunk;
      this.pos = 0;
    } else {
      this.queue.push(chunk);
      this.queued += chunk.length;
    }
  }

  /** Makes `need` bytes contiguous at `pos` from the queued chunks; false when there are not enough yet. */
  private refill(need: number): boolean {
    let have = this.buf.length - this.pos;
    if (have + this.queued < need) return false;
    if (have === 0) {
      this.base += this.buf.length;
      const c = this.queue.shift()!;
      this.queued -= c.length;
      this.buf = c;
      this.pos = 0;
      if (c.length >= need) return true;
      have = c.length;
    }
    // A Buffer like the chunks a Node stream yields, so element access stays monomorphic.
    const out = Buffer.allocUnsafe(need);
    out.set(this.buf.subarray(this.pos), 0);
    this.base += this.pos;
    let filled = have;
    while (filled < need) {
      const c = this.queue[0]!;
      const take = Math.min(c.length, need - filled);
      out.set(take === c.length ? c : c.subarray(0, take), filled);
      filled += take;
      this.queued -= take;
      if (take === c.length) this.queue.shift();
      else this.queue[0] = c.subarray(take);
    }
    this.buf = out;
    this.pos = 0;
    return true;
  }

  /** Signals end of input. @throws PcapTruncatedError `PCAP_TRUNCATED` when bytes of a partial record remain. */
  finish(): void {
    const left = this.buf.length - this.pos + this.queued;
    if (left > 0) {
      throw new PcapTruncatedError(
        `capture ends inside a record or block (${left} bytes left over)`,
        this.base + this.pos,
      );
    }
    if (!this.started) throw new PcapFormatError('empty capture', 0);
  }

  /**
   * The next complete record, or `undefined` when more input is needed.
   * @throws PcapFormatError `PCAP_BAD_FORMAT`, PcapBlockError `PCAP_BAD_BLOCK`, PcapTruncatedError `PCAP_TRUNCATED`.
   */
  next(): CaptureRecord | undefined {
    if (!this.advance()) return undefined;
    return {
      interfaceId: this.interfaceId,
      linkType: this.linkType,
      tsSec: this.tsSec,
      tsNsec: this.tsNsec,
      originalLength: this.originalLength,
      // A plain Uint8Array view: Buffer#subarray goes through the species constructor and costs
      // more than the rest of the record (bench/geneve.ts, readCapture row).
      data: new Uint8Array(this.buffer.buffer, this.buffer.byteOffset + this.dataOffset, this.dataLength),
    };
  }

  /**
   * Zero-allocation variant of {@link CaptureParser.next}: moves to the next complete record and
   * returns true, leaving it in `buffer` / `dataOffset` / `dataLength` / `tsSec` / … (valid until
   * the next call), or returns false when more input is needed.
   * @throws as {@link CaptureParser.next}.
   */
  advance(): boolean {
    for (;;) {
      const avail = this.buf.length - this.pos;
      if (this.classic) {
        const need = this.nextPcap(avail);
        if (need === 0) return true;
        if (!this.refill(need)) return false;
        continue;
      }
      if (!this.started) {
        if (avail < 4) {
          if (!this.refill(4)) return false;
          continue;
        }
        const m = this.u32be(this.pos);
        if (m === PCAPNG_SHB) {
          this.started = true;
          continue;
        }
        if (avail < 24) {
          if (!this.refill(24)) return false;
          continue;
        }
        this.readPcapHeader();
        this.started = true;
        continue;
      }
      // pcapng
      if (avail < 12) {
        if (!this.refill(12)) return false;
        continue;
      }
      const p = this.pos;
      const typeBe = this.u32be(p);
      if (typeBe === PCAPNG_SHB) {
        // The byte order of this section comes from the magic after the length.
        const bom = this.u32be(p + 8);
        if (bom === PCAPNG_BOM) this.le = false;
        else if (bom === 0x4d3c2b1a) this.le = true;
        else throw new PcapFormatError(`pcapng byte-order magic 0x${bom.toString(16)} is invalid`, this.base + p + 8);
        this.format = { kind: 'pcapng', littleEndian: this.le };
      } else if (this.format === undefined) {
        throw new PcapFormatError('not a pcap or pcapng file', this.base + p);
      }
      const type = this.u32(p);
      const total = this.u32(p + 4);
      if (total < 12 || total % 4 !== 0 || total > MAX_RECORD) {
        throw new PcapBlockError(
          `block type 0x${type.toString(16)} has invalid total length ${total}`,
          this.base + p + 4,
        );
      }
      if (avail < total) {
        if (!this.refill(total)) return false;
        continue;
      }
      if (this.u32(p + total - 4) !== total) {
        throw new PcapBlockError(
          `block type 0x${type.toString(16)} trailing length differs from ${total}`,
          this.base + p + total - 4,
        );
      }
      this.pos = p + total;
      const bodyEnd = p + total - 4;
      if (type === PCAPNG_SHB) {
        if (total < 28) throw new PcapBlockError('section header block shorter than 28 bytes', this.base + p);
        this.interfaces = [];
        continue;
      }
      if (type === BLOCK.IDB) {
        if (total < 20) throw new PcapBlockError('interface description block shorter than 20 bytes', this.base + p);
        this.interfaces.push(this.readIdb(p + 8, bodyEnd));
        continue;
      }
      if (type === BLOCK.EPB || type === BLOCK.PB) {
        if (total < 32) throw new PcapBlockError('packet block shorter than 32 bytes', this.base + p);
        const ifId = type === BLOCK.EPB ? this.u32(p + 8) : this.u16(p + 8);
        const iface = this.iface(ifId, p);
        const capLen = this.u32(p + 20);
        const origLen = this.u32(p + 24);
        if (p + 28 + capLen > bodyEnd)
          throw new PcapBlockError(`captured length ${capLen} runs past the block`, this.base + p + 20);
        this.setRecord(ifId, iface, this.u32(p + 12), this.u32(p + 16), origLen, p + 28, capLen);
        return true;
      }
      if (type === BLOCK.SPB) {
        const iface = this.iface(0, p);
        const origLen = this.u32(p + 8);
        const room = bodyEnd - (p + 12);
        const capLen = Math.min(origLen, iface.snapLen === 0 ? origLen : iface.snapLen, room);
        this.setRecord(0, iface, 0, 0, origLen, p + 12, capLen);
        return true;
      }
      // Any other block (name resolution, statistics, custom …) is skipped.
    }
  }

  private iface(id: number, p: number): CaptureInterface {
    const i = this.interfaces[id];
    if (i === undefined)
      throw new PcapBlockError(
        `packet names interface ${id}, but only ${this.interfaces.length} are described`,
        this.base + p + 8,
      );
    return i;
  }

  private setRecord(
    interfaceId: number,
    iface: CaptureInterface,
    hi: number,
    lo: number,
    originalLength: number,
    at: number,
    len: number,
  ): void {
    const u = iface.unitsPerSecond;
    if (hi < 0x200000) {
      const ts = hi * 0x100000000 + lo;
      const sec = Math.floor(ts / u);
      const rem = ts - sec * u;
      this.tsSec = sec;
      this.tsNsec = u === 1e9 ? rem : u === 1e6 ? rem * 1000 : Math.floor((rem * 1e9) / u);
    } else {
      const ts = (BigInt(hi) << 32n) | BigInt(lo);
      const bu = BigInt(u);
      this.tsSec = Number(ts / bu);
      this.tsNsec = Number(((ts % bu) * 1_000_000_000n) / bu);
    }
    this.interfaceId = interfaceId;
    this.linkType = iface.linkType;
    this.originalLength = originalLength;
    this.buffer = this.buf;
    this.dataOffset = at;
    this.dataLength = len;
  }

  private readIdb(p: number, end: number): CaptureInterface {
    const linkType = this.u16(p);
    const snapLen = this.u32(p + 4);
    let unitsPerSecond = 1e6;
    let name: string | undefined;
    let o = p + 8;
    while (o + 4 <= end) {
      const code = this.u16(o);
      const len = this.u16(o + 2);
      if (code === 0) break;
      if (o + 4 + len > end) throw new PcapBlockError(`option ${code} runs past the block`, this.base + o);
      if (code === 9 && len >= 1) {
        const r = this.buf[o + 4]!;
        const e = r & 0x7f;
        unitsPerSecond = r & 0x80 ? 2 ** e : 10 ** e;
        if (!Number.isFinite(unitsPerSecond) || unitsPerSecond < 1)
          throw new PcapBlockError(`if_tsresol 0x${r.toString(16)} is unusable`, this.base + o + 4);
      } else if (code === 2) {
        name = Buffer.from(this.buf.buffer, this.buf.byteOffset + o + 4, len)
          .toString('utf8')
          .replace(/\0+$/, '');
      }
      o += 4 + ((len + 3) & ~3);
    }
    return name === undefined ? { linkType, snapLen, unitsPerSecond } : { linkType, snapLen, unitsPerSecond, name };
  }

  private readPcapHeader(): void {
    const p = this.pos;
    const be = this.u32be(p);
    let le: boolean;
    let ns: boolean;
    if (be === PCAP_MAGIC_US || be === PCAP_MAGIC_NS) {
      le = false;
      ns = be === PCAP_MAGIC_NS;
    } else {
      this.le = true;
      const l = this.u32(p);
      if (l !== PCAP_MAGIC_US && l !== PCAP_MAGIC_NS)
        throw new PcapFormatError(`unknown capture magic 0x${be.toString(16).padStart(8, '0')}`, this.base + p);
      le = true;
      ns = l === PCAP_MAGIC_NS;
    }
    this.le = le;
    const thiszone = this.u32(p + 8) | 0;
    const network = this.u32(p + 20);
    this.format = {
      kind: 'pcap',
      littleEndian: le,
      nanosecond: ns,
      versionMajor: this.u16(p + 4),
      versionMinor: this.u16(p + 6),
      thiszone,
      sigfigs: this.u32(p + 12),
      snapLen: this.u32(p + 16),
      linkType: network,
    };
    this.interfaces = [{ linkType: network & 0xffff, snapLen: this.u32(p + 16), unitsPerSecond: ns ? 1e9 : 1e6 }];
    this.nanosecond = ns;
    this.pcapLinkType = network & 0xffff;
    this.classic = true;
    this.pos = p + 24;
  }

  /** Reads one classic record; returns 0 when done, else the number of contiguous bytes it needs. */
  private nextPcap(avail: number): number {
    if (avail < 16) return 16;
    const p = this.pos;
    const b = this.buf;
    let sec: number;
    let frac: number;
    let capLen: number;
    let orig: number;
    // Inline reads: this is the per-record hot path of a large capture.
    if (this.le) {
      sec = (b[p]! | (b[p + 1]! << 8) | (b[p + 2]! << 16)) + b[p + 3]! * 0x1000000;
      frac = (b[p + 4]! | (b[p + 5]! << 8) | (b[p + 6]! << 16)) + b[p + 7]! * 0x1000000;
      capLen = (b[p + 8]! | (b[p + 9]! << 8) | (b[p + 10]! << 16)) + b[p + 11]! * 0x1000000;
      orig = (b[p + 12]! | (b[p + 13]! << 8) | (b[p + 14]! << 16)) + b[p + 15]! * 0x1000000;
    } else {
      sec = b[p]! * 0x1000000 + ((b[p + 1]! << 16) | (b[p + 2]! << 8) | b[p + 3]!);
      frac = b[p + 4]! * 0x1000000 + ((b[p + 5]! << 16) | (b[p + 6]! << 8) | b[p + 7]!);
      capLen = b[p + 8]! * 0x1000000 + ((b[p + 9]! << 16) | (b[p + 10]! << 8) | b[p + 11]!);
      orig = b[p + 12]! * 0x1000000 + ((b[p + 13]! << 16) | (b[p + 14]! << 8) | b[p + 15]!);
    }
    if (capLen > MAX_RECORD) throw new PcapBlockError(`record length ${capLen} is implausible`, this.base + p + 8);
    if (avail < 16 + capLen) return 16 + capLen;
    this.pos = p + 16 + capLen;
    this.tsSec = sec;
    this.tsNsec = this.nanosecond ? frac : frac * 1000;
    this.originalLength = orig;
    this.interfaceId = 0;
    this.linkType = this.pcapLinkType;
    this.buffer = b;
    this.dataOffset = p + 16;
    this.dataLength = capLen;
    return 0;
  }

  private u16(p: number): number {
    const b = this.buf;
    return this.le ? b[p]! | (b[p + 1]! << 8) : (b[p]! << 8) | b[p + 1]!;
  }
  private u32(p: number): number {
    const b = this.buf;
    return this.le
      ? (b[p]! | (b[p + 1]! << 8) | (b[p + 2]! << 16)) + b[p + 3]! * 0x1000000
      : b[p]! * 0x1000000 + ((b[p + 1]! << 16) | (b[p + 2]! << 8) | b[p + 3]!);
  }
  private u32be(p: number): number {
    const b = this.buf;
    return b[p]! * 0x1000000 + ((b[p + 1]! << 16) | (b[p + 2]! << 8) | b[p + 3]!);
  }
}

/**
 * Streams records out of a capture given as chunks (e.g. `fs.createReadStream(path)`), holding at
 * most one chunk plus one partial record in memory. Leaving the loop early (`break`, `return`, a
 * throw) closes the source (its iterator's `return()`), as a generator would.
 *
 * @example
 * ```ts
 * for await (const rec of readCapture(createReadStream('trace.pcapng'))) {
 *   const f = decapsulate(rec.data, { linkType: rec.linkType });
 * }
 * ```
 * @throws PcapFormatError `PCAP_BAD_FORMAT`, PcapBlockError `PCAP_BAD_BLOCK`, PcapTruncatedError `PCAP_TRUNCATED`.
 */
export function readCapture(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
): AsyncIterableIterator<CaptureRecord> {
  return new CaptureIterator(chunks);
}

/**
 * The iterator behind {@link readCapture}. Written out rather than as an async generator: records
 * already parsed from the current chunk are handed out as resolved promises without resuming a
 * generator, which roughly doubles the records per second a `for await` loop sees (bench/geneve.ts).
 */
class CaptureIterator implements AsyncIterableIterator<CaptureRecord> {
  private readonly parser = new CaptureParser();
  private readonly source: AsyncIterator<Uint8Array> | Iterator<Uint8Array>;
  private ended = false;

  constructor(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>) {
    this.source =
      Symbol.asyncIterator in chunks
        ? (chunks as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]()
        : (chunks as Iterable<Uint8Array>)[Symbol.iterator]();
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<CaptureRecord> {
    return this;
  }

  next(): Promise<IteratorResult<CaptureRecord, undefined>> {
    if (!this.ended) {
      try {
        const r = this.parser.next();
        if (r !== undefined) return Promise.resolve({ value: r, done: false });
      } catch (e) {
        return this.fail(e);
      }
    }
    return this.pull();
  }

  async return(): Promise<IteratorResult<CaptureRecord, undefined>> {
    if (!this.ended) {
      this.ended = true;
      await this.source.return?.();
    }
    return { value: undefined, done: true };
  }

  private async pull(): Promise<IteratorResult<CaptureRecord, undefined>> {
    try {
      while (!this.ended) {
        const c = await this.source.next();
        if (c.done === true) {
          this.ended = true;
          this.parser.finish();
          break;
        }
        this.parser.push(c.value);
        const r = this.parser.next();
        if (r !== undefined) return { value: r, done: false };
      }
      return { value: undefined, done: true };
    } catch (e) {
      return this.fail(e);
    }
  }

  /** A parse error ends the iteration and closes the source before it reaches the caller. */
  private async fail(e: unknown): Promise<never> {
    if (!this.ended) {
      this.ended = true;
      try {
        await this.source.return?.();
      } catch {
        /* the parse error is the one to report */
      }
    }
    throw e;
  }
}

/** Parses a whole capture held in memory. @throws as {@link readCapture}. */
export function parseCapture(bytes: Uint8Array): {
  format: CaptureFormat;
  interfaces: CaptureInterface[];
  records: CaptureRecord[];
} {
  const p = new CaptureParser();
  p.push(bytes);
  const records: CaptureRecord[] = [];
  for (let r = p.next(); r !== undefined; r = p.next()) records.push(r);
  p.finish();
  return { format: p.format!, interfaces: p.interfaces, records };
}

/** Options for {@link CaptureWriter}. */
export interface CaptureWriterOptions {
  /** Default `'pcap'`. */
  readonly format?: 'pcap' | 'pcapng';
  /** Default true (the byte order of x86 writers). */
  readonly littleEndian?: boolean;
  /** Nanosecond timestamps (pcap magic 0xa1b23c4d; pcapng if_tsresol 9). Default false. */
  readonly nanosecond?: boolean;
  /** LINKTYPE of the first interface. Default 1 (Ethernet). */
  readonly linkType?: number;
  /** Default 262144. */
  readonly snapLen?: number;
}

/**
 * Sans-I/O capture writer: each method returns the bytes to append. For pcapng, `header()` emits
 * the Section Header and the first interface; `addInterface()` describes more.
 *
 * @example
 * ```ts
 * const w = new CaptureWriter({ format: 'pcapng', nanosecond: true });
 * out.write(w.header());
 * out.write(w.record(frame, { sec: 1700000000, nsec: 5 }));
 * ```
 */
export class CaptureWriter {
  private readonly le: boolean;
  private readonly ng: boolean;
  private readonly ns: boolean;
  private readonly ifaces: { snapLen: number; ns: boolean }[] = [];
  private readonly linkType: number;
  private readonly snapLen: number;

  /** @throws PcapWriteError `PCAP_WRITE_INVALID` on a bad link type or snap length. */
  constructor(opts: CaptureWriterOptions = {}) {
    this.le = opts.littleEndian ?? true;
    this.ng = opts.format === 'pcapng';
    this.ns = opts.nanosecond ?? false;
    this.linkType = checkInt(opts.linkType ?? 1, 0xffff, 'link type');
    this.snapLen = checkInt(opts.snapLen ?? 262144, 0xffffffff, 'snap length');
  }

  /** The file header (pcap) or Section Header + first Interface Description (pcapng). */
  header(): Uint8Array {
    if (!this.ng) {
      const b = new Uint8Array(24);
      this.w32(b, 0, this.ns ? PCAP_MAGIC_NS : PCAP_MAGIC_US);
      this.w16(b, 4, 2);
      this.w16(b, 6, 4);
      this.w32(b, 8, 0);
      this.w32(b, 12, 0);
      this.w32(b, 16, this.snapLen);
      this.w32(b, 20, this.linkType);
      this.ifaces.length = 0;
      this.ifaces.push({ snapLen: this.snapLen, ns: this.ns });
      return b;
    }
    const shb = new Uint8Array(28);
    this.w32(shb, 0, PCAPNG_SHB);
    this.w32(shb, 4, 28);
    this.w32(shb, 8, PCAPNG_BOM);
    this.w16(shb, 12, 1);
    this.w16(shb, 14, 0);
    this.w32(shb, 16, 0xffffffff); // section length unknown (-1)
    this.w32(shb, 20, 0xffffffff);
    this.w32(shb, 24, 28);
    this.ifaces.length = 0;
    const idb = this.addInterface(this.linkType, { snapLen: this.snapLen, nanosecond: this.ns }).bytes;
    const out = new Uint8Array(shb.length + idb.length);
    out.set(shb, 0);
    out.set(idb, shb.length);
    return out;
  }

  /**
   * pcapng only: describes another interface; returns its id and the block to append.
   * @throws PcapWriteError `PCAP_WRITE_INVALID` for classic pcap.
   */
  addInterface(
    linkType: number,
    opts: { snapLen?: number; nanosecond?: boolean; name?: string } = {},
  ): { id: number; bytes: Uint8Array } {
    if (!this.ng) throw new PcapWriteError('classic pcap has a single interface');
    checkInt(linkType, 0xffff, 'link type');
    const ns = opts.nanosecond ?? false;
    const name = opts.name === undefined ? undefined : Buffer.from(opts.name, 'utf8');
    const nameLen = name === undefined ? 0 : 4 + ((name.length + 3) & ~3);
    const optLen = (ns ? 8 : 0) + nameLen + (ns || name ? 4 : 0);
    const total = 20 + optLen;
    const b = new Uint8Array(total);
    this.w32(b, 0, BLOCK.IDB);
    this.w32(b, 4, total);
    this.w16(b, 8, linkType);
    this.w16(b, 10, 0);
    const snapLen = checkInt(opts.snapLen ?? this.snapLen, 0xffffffff, 'snap length');
    this.w32(b, 12, snapLen);
    let o = 16;
    if (ns) {
      this.w16(b, o, 9);
      this.w16(b, o + 2, 1);
      b[o + 4] = 9;
      o += 8;
    }
    if (name) {
      this.w16(b, o, 2);
      this.w16(b, o + 2, name.length);
      b.set(name, o + 4);
      o += nameLen;
    }
    if (ns || name) o += 4; // opt_endofopt (zeros)
    this.w32(b, o, total);
    this.ifaces.push({ snapLen, ns });
    return { id: this.ifaces.length - 1, bytes: b };
  }

  /**
   * One packet record (pcap) or Enhanced Packet Block (pcapng). Takes the captured bytes with a
   * timestamp, or a {@link CaptureRecord} exactly as the readers return it (its timestamp, original
   * length and interface id are kept), so a capture can be filtered and written back.
   * @throws PcapWriteError `PCAP_WRITE_INVALID` (unknown interface, data over snap length, bad timestamp).
   */
  record(
    packet: Uint8Array | CaptureRecord,
    ts: { sec: number; nsec?: number } = { sec: 0 },
    opts: { interfaceId?: number; originalLength?: number } = {},
  ): Uint8Array {
    if (!(packet instanceof Uint8Array)) {
      const r = packet;
      return this.record(
        r.data,
        { sec: r.tsSec, nsec: r.tsNsec },
        { interfaceId: r.interfaceId, originalLength: r.originalLength },
      );
    }
    const data = packet;
    const ifId = opts.interfaceId ?? 0;
    const iface = this.ifaces[ifId];
    if (iface === undefined)
      throw new PcapWriteError(`interface ${ifId} is not described (call header() / addInterface() first)`);
    if (iface.snapLen !== 0 && data.length > iface.snapLen)
      throw new PcapWriteError(`${data.length} bytes exceed the snap length ${iface.snapLen}`);
    const orig = checkInt(opts.originalLength ?? data.length, 0xffffffff, 'original length');
    const sec = checkInt(ts.sec, 0xffffffff, 'timestamp seconds');
    const nsec = checkInt(ts.nsec ?? 0, 999_999_999, 'timestamp nanoseconds');
    if (!this.ng) {
      const b = new Uint8Array(16 + data.length);
      this.w32(b, 0, sec);
      this.w32(b, 4, iface.ns ? nsec : Math.floor(nsec / 1000));
      this.w32(b, 8, data.length);
      this.w32(b, 12, orig);
      b.set(data, 16);
      return b;
    }
    const padded = (data.length + 3) & ~3;
    const total = 32 + padded;
    const b = new Uint8Array(total);
    const t = iface.ns
      ? BigInt(sec) * 1_000_000_000n + BigInt(nsec)
      : BigInt(sec) * 1_000_000n + BigInt(Math.floor(nsec / 1000));
    this.w32(b, 0, BLOCK.EPB);
    this.w32(b, 4, total);
    this.w32(b, 8, ifId);
    this.w32(b, 12, Number(t >> 32n));
    this.w32(b, 16, Number(t & 0xffffffffn));
    this.w32(b, 20, data.length);
    this.w32(b, 24, orig);
    b.set(data, 28);
    this.w32(b, total - 4, total);
    return b;
  }

  private w16(b: Uint8Array, at: number, v: number): void {
    if (this.le) {
      b[at] = v & 0xff;
      b[at + 1] = v >>> 8;
    } else {
      b[at] = v >>> 8;
      b[at + 1] = v & 0xff;
    }
  }
  private w32(b: Uint8Array, at: number, v: number): void {
    if (this.le) {
      b[at] = v & 0xff;
      b[at + 1] = (v >>> 8) & 0xff;
      b[at + 2] = (v >>> 16) & 0xff;
      b[at + 3] = v >>> 24;
    } else {
      b[at] = v >>> 24;
      b[at + 1] = (v >>> 16) & 0xff;
      b[at + 2] = (v >>> 8) & 0xff;
      b[at + 3] = v & 0xff;
    }
  }
}

function checkInt(v: number, max: number, what: string): number {
  if (!Number.isInteger(v) || v < 0 || v > max) throw new PcapWriteError(`${what} ${v} out of range 0..${max}`);
  return v;
}
