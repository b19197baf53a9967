/**
 * The GENEVE header and its options (RFC 8926 §3.4, §3.5).
 *
 * ```
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |Ver|  Opt Len  |O|C|    Rsvd.  |          Protocol Type        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |        Virtual Network Identifier (VNI)       |    Reserved   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Variable-Length Options                    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * Option (RFC 8926 §3.5):
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          Option Class         |      Type     |R|R|R| Length  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                 Variable-Length Option Data                   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ```
 *
 * Two decoders share one validation routine:
 * - {@link decodeGeneve} returns a plain readonly object; option data and the payload are views
 *   (`subarray`) that ALIAS the input buffer — copy them if the buffer will be reused.
 * - {@link GeneveView} decodes in place with no allocation at all: fields are read from the buffer
 *   on demand and options are walked by offset. It is the fast path for capture processing.
 */
import { ByteReader, ByteWriter, WireError } from '../wire/index.js';
import {
  GENEVE_FIXED_HEADER_LENGTH,
  GENEVE_MAX_OPTION_DATA_LENGTH,
  GENEVE_MAX_OPTIONS_LENGTH,
  GENEVE_OPTION_CRITICAL,
} from './constants.js';
import {
  GeneveCriticalNotFlaggedError,
  GeneveCriticalWithoutOptionError,
  GeneveOptionDataLengthError,
  GeneveOptionOverrunError,
  GeneveOptionsPastEndError,
  GeneveOptionsTooLongError,
  GeneveReservedBitsError,
  GeneveTruncatedError,
  GeneveVersionError,
} from './errors.js';

/** One GENEVE option TLV. RFC 8926 §3.5 */
export interface GeneveOption {
  /** Option Class, 16 bits (e.g. 0x0102 for OVN). */
  readonly optionClass: number;
  /** Type, 8 bits; the high bit (0x80) is the critical bit. */
  readonly type: number;
  /** The three R bits between Type and Length (0..7); reserved, should be 0. */
  readonly rsvd: number;
  /** Option data; its length is Length × 4 (0..124 bytes). A view into the input when decoded. */
  readonly data: Uint8Array;
}

/** The header fields as on the wire (without the derived lengths). RFC 8926 §3.4 */
export interface GeneveHeader {
  /** Ver, 2 bits; must be 0. */
  readonly version: number;
  /** O: OAM packet. */
  readonly oam: boolean;
  /** C: critical options present. */
  readonly critical: boolean;
  /** Rsvd., the 6 reserved bits after O and C (0..63). */
  readonly rsvd: number;
  /** Protocol Type (an Ethertype; 0x6558 = Ethernet). */
  readonly protocolType: number;
  /** Virtual Network Identifier, 24 bits. */
  readonly vni: number;
  /** The trailing Reserved byte (0..255). */
  readonly reserved: number;
  /** Options in wire order. */
  readonly options: readonly GeneveOption[];
}

/** A decoded header: the fields plus its lengths, the payload view and any receive-rule warnings. */
export interface DecodedGeneve extends GeneveHeader {
  /** Opt Len as on the wire, in 4-byte words (0..63). */
  readonly optLen: number;
  /** Header length in bytes, 8 + optLen × 4. */
  readonly headerLength: number;
  /** Everything after the header up to the end given (a view into the input). */
  readonly payload: Uint8Array;
  /** Receive-rule findings the default mode reports instead of throwing (always empty in strict mode). */
  readonly warnings: readonly GeneveWarning[];
}

/** Warning codes reported by default-mode decoding (the same codes strict mode throws). */
export type GeneveWarningCode =
  'GENEVE_RESERVED_SET' | 'GENEVE_CRITICAL_NOT_FLAGGED' | 'GENEVE_CRITICAL_WITHOUT_OPTION';

/** A rule the sender broke, reported (not thrown) by default-mode decoding. */
export interface GeneveWarning {
  readonly code: GeneveWarningCode;
  readonly message: string;
  /** Byte offset in the input. */
  readonly offset: number;
}

/**
 * Decoding options, shared by {@link decodeGeneve}, {@link GeneveView.decode} and `decapsulate`.
 *
 * By default the receive rules of RFC 8926 apply: reserved bits (the header's Rsvd. and Reserved
 * fields, an option's R bits) "MUST be ignored on receipt" (§3.4, §3.5), and a C flag that disagrees
 * with the options does not stop the frame; both are reported in `warnings`. Structural errors
 * (truncation, version, lengths) always throw.
 */
export interface GeneveDecodeOptions {
  /**
   * When true, reserved bits set and an inconsistent C flag throw (`GENEVE_RESERVED_SET`,
   * `GENEVE_CRITICAL_NOT_FLAGGED`, `GENEVE_CRITICAL_WITHOUT_OPTION`) — for checking a sender. Default false.
   */
  readonly strict?: boolean;
}

/** An option to encode: as {@link GeneveOption}, with the R bits optional (default 0). */
export interface GeneveOptionInput {
  readonly optionClass: number;
  readonly type: number;
  /** The three R bits (0..7); default 0, as RFC 8926 §3.5 says a sender sets them. */
  readonly rsvd?: number;
  readonly data: Uint8Array;
}

/**
 * Header fields for encoding. Omitted fields are 0/false; `critical` defaults to "any option is
 * critical", so OVN's option sets C by itself.
 */
export interface GeneveHeaderInput {
  readonly version?: number;
  readonly oam?: boolean;
  readonly critical?: boolean;
  readonly rsvd?: number;
  readonly protocolType: number;
  readonly vni: number;
  readonly reserved?: number;
  readonly options?: readonly GeneveOptionInput[];
}

/** True when the option's Type has the critical bit set. RFC 8926 §3.5 */
export function isCriticalOption(o: { readonly type: number }): boolean {
  return (o.type & GENEVE_OPTION_CRITICAL) !== 0;
}

const TRUNCATED = 'GENEVE header needs 8 bytes';

/**
 * Checks the header at `off` and walks its options; returns the header length. The common case
 * (a sound header breaking no rule) is decided with a few aggregated checks; anything else goes
 * through {@link scanDetailed}, which finds the exact problem and its offset.
 */
function scan(buf: Uint8Array, off: number, end: number, strict: boolean, warnings: GeneveWarning[]): number {
  if (end - off >= GENEVE_FIXED_HEADER_LENGTH) {
    const b0 = buf[off]!;
    const b1 = buf[off + 1]!;
    const hdrLen = GENEVE_FIXED_HEADER_LENGTH + ((b0 & 0x3f) << 2);
    const optEnd = off + hdrLen;
    if (b0 < 0x40 && optEnd <= end) {
      // Option headers are 4-byte aligned inside a 4-byte-multiple area, so p + 3 < optEnd here.
      let p = off + GENEVE_FIXED_HEADER_LENGTH;
      let types = 0;
      let lens = 0;
      while (p < optEnd) {
        const lb = buf[p + 3]!;
        types |= buf[p + 2]!;
        lens |= lb;
        p += 4 + ((lb & 0x1f) << 2);
      }
      if (
        p === optEnd &&
        (b1 & 0x3f) === 0 &&
        buf[off + 7] === 0 &&
        (lens & 0xe0) === 0 &&
        ((types & GENEVE_OPTION_CRITICAL) !== 0) === ((b1 & 0x40) !== 0)
      ) {
        return hdrLen;
      }
    }
  }
  return scanDetailed(buf, off, end, strict, warnings);
}

/**
 * Checks the header at `off` and walks its options, one rule at a time. Returns the header length.
 * Throws on a broken rule in strict mode; pushes a warning otherwise.
 */
function scanDetailed(buf: Uint8Array, off: number, end: number, strict: boolean, warnings: GeneveWarning[]): number {
  if (end - off < GENEVE_FIXED_HEADER_LENGTH) {
    throw new GeneveTruncatedError(`${TRUNCATED}, have ${end - off < 0 ? 0 : end - off}`, off);
  }
  const b0 = buf[off]!;
  const b1 = buf[off + 1]!;
  const version = b0 >>> 6;
  if (version !== 0) throw new GeneveVersionError(version, off);
  const optBytes = (b0 & 0x3f) << 2;
  const hdrLen = GENEVE_FIXED_HEADER_LENGTH + optBytes;
  if (off + hdrLen > end) {
    throw new GeneveOptionsPastEndError(
      `Opt Len ${optBytes >>> 2} words (${optBytes} bytes) runs past the end of the packet (${end - off - 8} bytes after the fixed header)`,
      off,
    );
  }
  // Options: walk the TLVs; each is 4 + 4×Length bytes and must end inside the options area.
  const optEnd = off + hdrLen;
  let p = off + GENEVE_FIXED_HEADER_LENGTH;
  let anyCritical = false;
  let optRsvd = -1;
  while (p < optEnd) {
    const lenByte = buf[p + 3]!;
    const next = p + 4 + ((lenByte & 0x1f) << 2);
    if (next > optEnd) {
      throw new GeneveOptionOverrunError(
        `option of class 0x${((buf[p]! << 8) | buf[p + 1]!).toString(16)} type 0x${buf[p + 2]!.toString(16)} claims ${(lenByte & 0x1f) * 4} data bytes but only ${optEnd - p - 4} remain in the options area`,
        p,
      );
    }
    if ((buf[p + 2]! & GENEVE_OPTION_CRITICAL) !== 0) anyCritical = true;
    if ((lenByte & 0xe0) !== 0 && optRsvd < 0) optRsvd = p;
    p = next;
  }
  // Sender rules: strict mode throws; by default they are reported and otherwise ignored (RFC 8926 §3.4).
  if ((b1 & 0x3f) !== 0 || buf[off + 7]! !== 0) {
    const msg = 'reserved header bits are set';
    if (strict) throw new GeneveReservedBitsError(msg, off);
    warnings.push({ code: 'GENEVE_RESERVED_SET', message: msg, offset: off });
  }
  if (optRsvd >= 0) {
    const msg = 'an option has reserved R bits set';
    if (strict) throw new GeneveReservedBitsError(msg, optRsvd + 3);
    warnings.push({ code: 'GENEVE_RESERVED_SET', message: msg, offset: optRsvd + 3 });
  }
  const cFlag = (b1 & 0x40) !== 0;
  if (anyCritical && !cFlag) {
    const msg = 'a critical option is present but the C flag is clear';
    if (strict) throw new GeneveCriticalNotFlaggedError(msg, off + 1);
    warnings.push({ code: 'GENEVE_CRITICAL_NOT_FLAGGED', message: msg, offset: off + 1 });
  } else if (!anyCritical && cFlag) {
    const msg = 'the C flag is set but no option is critical';
    if (strict) throw new GeneveCriticalWithoutOptionError(msg, off + 1);
    warnings.push({ code: 'GENEVE_CRITICAL_WITHOUT_OPTION', message: msg, offset: off + 1 });
  }
  return hdrLen;
}

/**
 * Decodes a GENEVE header (and its options) starting at `offset`; the payload runs to `end`.
 * Option data and `payload` are views that alias `buf`.
 *
 * @example
 * ```ts
 * const g = decodeGeneve(udpPayload);
 * g.vni; g.options[0]?.optionClass; g.payload; // the inner frame
 * ```
 * @throws GeneveTruncatedError `GENEVE_TRUNCATED`, GeneveVersionError `GENEVE_BAD_VERSION`,
 *   GeneveOptionsPastEndError `GENEVE_OPT_LEN_PAST_END`, GeneveOptionOverrunError `GENEVE_OPTION_OVERRUN`;
 *   with `strict: true` also `GENEVE_RESERVED_SET`, `GENEVE_CRITICAL_NOT_FLAGGED`, `GENEVE_CRITICAL_WITHOUT_OPTION`.
 */
export function decodeGeneve(
  buf: Uint8Array,
  offset = 0,
  end = buf.length,
  opts: GeneveDecodeOptions = {},
): DecodedGeneve {
  if (offset < 0 || end > buf.length || offset > end) {
    throw new GeneveTruncatedError(`bad window ${offset}..${end} over ${buf.length} bytes`, offset);
  }
  const warnings: GeneveWarning[] = [];
  const headerLength = scan(buf, offset, end, opts.strict === true, warnings);
  // The structure is known to be sound now; the reader only slices.
  const r = new ByteReader(buf, offset, end);
  const b0 = r.u8();
  const b1 = r.u8();
  const protocolType = r.u16();
  const vni = r.u24();
  const reserved = r.u8();
  const options: GeneveOption[] = [];
  const optEnd = offset + headerLength;
  while (r.offset < optEnd) {
    const optionClass = r.u16();
    const type = r.u8();
    const lb = r.u8();
    options.push({ optionClass, type, rsvd: lb >>> 5, data: r.bytes((lb & 0x1f) << 2, 'option data') });
  }
  return {
    version: b0 >>> 6,
    optLen: b0 & 0x3f,
    oam: (b1 & 0x80) !== 0,
    critical: (b1 & 0x40) !== 0,
    rsvd: b1 & 0x3f,
    protocolType,
    vni,
    reserved,
    options,
    headerLength,
    payload: r.bytes(end - optEnd, 'payload'),
    warnings,
  };
}

/** Bytes the header (fixed part + options) takes on the wire. @throws like {@link encodeGeneveInto}. */
export function geneveHeaderLength(h: GeneveHeaderInput): number {
  return GENEVE_FIXED_HEADER_LENGTH + optionsLength(h.options ?? []);
}

function optionsLength(options: readonly GeneveOptionInput[]): number {
  let n = 0;
  for (let i = 0; i < options.length; i++) {
    const d = options[i]!.data.length;
    if ((d & 3) !== 0 || d > GENEVE_MAX_OPTION_DATA_LENGTH) {
      throw new GeneveOptionDataLengthError(
        `option ${i} data is ${d} bytes; must be a multiple of 4 and at most ${GENEVE_MAX_OPTION_DATA_LENGTH}`,
        GENEVE_FIXED_HEADER_LENGTH + n,
      );
    }
    n += 4 + d;
  }
  if (n > GENEVE_MAX_OPTIONS_LENGTH) {
    throw new GeneveOptionsTooLongError(
      `options total ${n} bytes, at most ${GENEVE_MAX_OPTIONS_LENGTH} fit`,
      GENEVE_FIXED_HEADER_LENGTH,
    );
  }
  return n;
}

/**
 * Writes the header into `buf` at `offset`; returns the number of bytes written. C defaults to
 * "some option is critical". Every byte of the header is assigned (safe on `allocUnsafe` memory).
 *
 * @throws GeneveOptionDataLengthError `GENEVE_OPTION_DATA_LENGTH`, GeneveOptionsTooLongError
 *   `GENEVE_OPTIONS_TOO_LONG`, WireError `WIRE_RANGE` (a field out of range or no room in `buf`).
 */
export function encodeGeneveInto(h: GeneveHeaderInput, buf: Uint8Array, offset = 0): number {
  const options = h.options ?? [];
  const optBytes = optionsLength(options);
  const w = new ByteWriter(buf, offset);
  let critical = h.critical;
  if (critical === undefined) {
    critical = false;
    for (const o of options) if (isCriticalOption(o)) critical = true;
  }
  const version = h.version ?? 0;
  const rsvd = h.rsvd ?? 0;
  w.u8((checkBits(version, 2, 'version', offset) << 6) | (optBytes >>> 2));
  w.u8((h.oam === true ? 0x80 : 0) | (critical ? 0x40 : 0) | checkBits(rsvd, 6, 'rsvd', offset + 1));
  w.u16(h.protocolType);
  w.u24(h.vni);
  w.u8(h.reserved ?? 0);
  for (const o of options) {
    w.u16(o.optionClass);
    w.u8(o.type);
    w.u8((checkBits(o.rsvd ?? 0, 3, 'option rsvd', w.offset) << 5) | (o.data.length >>> 2));
    w.bytes(o.data);
  }
  return w.offset - offset;
}

function checkBits(v: number, bits: number, what: string, at: number): number {
  if (!Number.isInteger(v) || v < 0 || v >= 1 << bits) {
    throw new WireError('WIRE_RANGE', `${what} value ${v} does not fit in ${bits} bits`, at);
  }
  return v;
}

/**
 * Encodes the header followed by `payload` into one newly allocated buffer.
 *
 * @example
 * ```ts
 * const bytes = encodeGeneve({ protocolType: PROTOCOL_TYPE.TRANSPARENT_ETHERNET_BRIDGING, vni: 3,
 *   options: [ovnMetadataOption({ ingressPort: 2, egressPort: 4 })] }, innerFrame);
 * ```
 * @throws as {@link encodeGeneveInto}.
 */
export function encodeGeneve(h: GeneveHeaderInput, payload: Uint8Array = EMPTY): Uint8Array {
  const len = geneveHeaderLength(h);
  const out = Buffer.allocUnsafe(len + payload.length);
  encodeGeneveInto(h, out, 0);
  out.set(payload, len);
  return out;
}

const EMPTY = new Uint8Array(0);

/**
 * Zero-allocation, in-place GENEVE decoder. `decode()` validates exactly as {@link decodeGeneve}
 * and keeps only offsets; fields are read from the buffer when asked for. Reuse one instance.
 * The view aliases the buffer: it is only valid while the buffer's bytes stay unchanged.
 *
 * Options are walked by offset:
 * ```ts
 * const v = new GeneveView();
 * v.decode(buf, off, end);
 * for (let p = v.firstOption(); p >= 0; p = v.nextOption(p)) {
 *   if (v.optionClassAt(p) === 0x0102) console.log(v.optionDataOffset(p));
 * }
 * ```
 */
export class GeneveView {
  /** The buffer last decoded. */
  buf: Uint8Array = EMPTY;
  /** Offset of the GENEVE header in `buf`. */
  start = 0;
  /** End of the packet (exclusive). */
  end = 0;
  /** Header length in bytes (8 + options). */
  headerLength = 0;
  /** Warnings of the last decode (cleared by each decode; never filled in strict mode). */
  readonly warnings: GeneveWarning[] = [];

  /**
   * Validates the header at `offset` and points the view at it. Returns `this`.
   * @throws the same errors as {@link decodeGeneve}.
   */
  decode(buf: Uint8Array, offset = 0, end = buf.length, opts: GeneveDecodeOptions = {}): this {
    if (offset < 0 || end > buf.length || offset > end) {
      throw new GeneveTruncatedError(`bad window ${offset}..${end} over ${buf.length} bytes`, offset);
    }
    if (this.warnings.length !== 0) this.warnings.length = 0;
    // Fast path: version 0, no options, no flags, reserved byte 0 — nothing else to check.
    if (
      end - offset >= GENEVE_FIXED_HEADER_LENGTH &&
      buf[offset] === 0 &&
      buf[offset + 1] === 0 &&
      buf[offset + 7] === 0
    ) {
      this.headerLength = GENEVE_FIXED_HEADER_LENGTH;
    } else {
      this.headerLength = scan(buf, offset, end, opts.strict === true, this.warnings);
    }
    this.buf = buf;
    this.start = offset;
    this.end = end;
    return this;
  }

  get version(): number {
    return this.buf[this.start]! >>> 6;
  }
  /** Opt Len in 4-byte words. */
  get optLen(): number {
    return this.buf[this.start]! & 0x3f;
  }
  get oam(): boolean {
    return (this.buf[this.start + 1]! & 0x80) !== 0;
  }
  get critical(): boolean {
    return (this.buf[this.start + 1]! & 0x40) !== 0;
  }
  get rsvd(): number {
    return this.buf[this.start + 1]! & 0x3f;
  }
  get protocolType(): number {
    return (this.buf[this.start + 2]! << 8) | this.buf[this.start + 3]!;
  }
  get vni(): number {
    const b = this.buf;
    const o = this.start;
    return (b[o + 4]! << 16) | (b[o + 5]! << 8) | b[o + 6]!;
  }
  get reserved(): number {
    return this.buf[this.start + 7]!;
  }
  /** Offset of the payload (inner frame) in `buf`. */
  get payloadOffset(): number {
    return this.start + this.headerLength;
  }
  /** The payload as a view (allocates the view object). */
  payload(): Uint8Array {
    return this.buf.subarray(this.start + this.headerLength, this.end);
  }
  /** Offset of the first option, or -1 when there are none. */
  firstOption(): number {
    return this.headerLength > GENEVE_FIXED_HEADER_LENGTH ? this.start + GENEVE_FIXED_HEADER_LENGTH : -1;
  }
  /** Offset of the option after the one at `at`, or -1 at the end. */
  nextOption(at: number): number {
    const n = at + 4 + ((this.buf[at + 3]! & 0x1f) << 2);
    return n < this.start + this.headerLength ? n : -1;
  }
  optionClassAt(at: number): number {
    return (this.buf[at]! << 8) | this.buf[at + 1]!;
  }
  optionTypeAt(at: number): number {
    return this.buf[at + 2]!;
  }
  optionRsvdAt(at: number): number {
    return this.buf[at + 3]! >>> 5;
  }
  /** Option data length in bytes. */
  optionDataLengthAt(at: number): number {
    return (this.buf[at + 3]! & 0x1f) << 2;
  }
  optionDataOffset(at: number): number {
    return at + 4;
  }
  /** Offset of the first option with this class and type, or -1. */
  findOption(optionClass: number, type: number): number {
    for (let p = this.firstOption(); p >= 0; p = this.nextOption(p)) {
      if (this.buf[p + 2] === type && ((this.buf[p]! << 8) | this.buf[p + 1]!) === optionClass) return p;
    }
    return -1;
  }
  /** Number of options (walks them). */
  get optionCount(): number {
    let n = 0;
    for (let p = this.firstOption(); p >= 0; p = this.nextOption(p)) n++;
    return n;
  }
}
