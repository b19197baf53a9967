/**
 * Errors of the GENEVE codec, the outer-packet codec and the pcap reader. Every one carries the
 * byte offset (from the start of the buffer passed in) where the problem was found.
 */
import { SdkError } from '../errors.js';

/** Base of every GENEVE-area error: a stable `code` and the byte `offset`. */
export abstract class GeneveError extends SdkError {
  /** Byte offset in the input where the problem was found. */
  readonly offset: number;
  constructor(code: string, message: string, offset: number, options?: { cause?: unknown }) {
    super(code, `${message} (at byte ${offset})`, options);
    this.offset = offset;
  }
}

/** Fewer than 8 bytes where a GENEVE header should start. RFC 8926 §3.4 */
export class GeneveTruncatedError extends GeneveError {
  constructor(message: string, offset: number) {
    super('GENEVE_TRUNCATED', message, offset);
  }
}

/** Ver is not 0. RFC 8926 §3.4: "Packets received by a tunnel endpoint with an unknown version MUST be dropped." */
export class GeneveVersionError extends GeneveError {
  constructor(
    readonly version: number,
    offset: number,
  ) {
    super('GENEVE_BAD_VERSION', `GENEVE version ${version}, only 0 is defined`, offset);
  }
}

/** Opt Len points past the end of the packet. */
export class GeneveOptionsPastEndError extends GeneveError {
  constructor(message: string, offset: number) {
    super('GENEVE_OPT_LEN_PAST_END', message, offset);
  }
}

/** An option's Length runs past the end of the options area. RFC 8926 §3.5 */
export class GeneveOptionOverrunError extends GeneveError {
  constructor(message: string, offset: number) {
    super('GENEVE_OPTION_OVERRUN', message, offset);
  }
}

/** Encoding: the options add up to more than 252 bytes (Opt Len is 6 bits of words). */
export class GeneveOptionsTooLongError extends GeneveError {
  constructor(message: string, offset: number) {
    super('GENEVE_OPTIONS_TOO_LONG', message, offset);
  }
}

/** Encoding: option data is not a multiple of 4 bytes or longer than 124 bytes. RFC 8926 §3.5 */
export class GeneveOptionDataLengthError extends GeneveError {
  constructor(message: string, offset: number) {
    super('GENEVE_OPTION_DATA_LENGTH', message, offset);
  }
}

/** Strict mode: a reserved field (header Rsvd, the trailing Reserved byte, or an option's R bits) is not zero. */
export class GeneveReservedBitsError extends GeneveError {
  constructor(message: string, offset: number) {
    super('GENEVE_RESERVED_SET', message, offset);
  }
}

/** Strict mode: a critical option is present but the header's C flag is clear. RFC 8926 §3.4 */
export class GeneveCriticalNotFlaggedError extends GeneveError {
  constructor(message: string, offset: number) {
    super('GENEVE_CRITICAL_NOT_FLAGGED', message, offset);
  }
}

/** Strict mode: the header's C flag is set but no option is critical. RFC 8926 §3.4 */
export class GeneveCriticalWithoutOptionError extends GeneveError {
  constructor(message: string, offset: number) {
    super('GENEVE_CRITICAL_WITHOUT_OPTION', message, offset);
  }
}

/** A GENEVE option is not OVN's metadata option, or its data is not 4 bytes. */
export class OvnOptionError extends GeneveError {
  constructor(message: string, offset: number) {
    super('GENEVE_OVN_OPTION_INVALID', message, offset);
  }
}

/** Outer packet: a header (Ethernet, VLAN, IP, UDP) is cut short. */
export class PacketTruncatedError extends GeneveError {
  constructor(message: string, offset: number) {
    super('GENEVE_PACKET_TRUNCATED', message, offset);
  }
}

/** Outer packet: not Ethernet→IPv4/IPv6→UDP to the GENEVE port (wrong ethertype, protocol or port). */
export class NotGeneveError extends GeneveError {
  constructor(message: string, offset: number) {
    super('GENEVE_NOT_GENEVE', message, offset);
  }
}

/** Outer packet: an IP or UDP header field is invalid (version, IHL, lengths). */
export class PacketMalformedError extends GeneveError {
  constructor(message: string, offset: number) {
    super('GENEVE_PACKET_MALFORMED', message, offset);
  }
}

/** Encapsulation input is invalid (bad address text, IPv6 without UDP checksum, size over 65535). */
export class EncapsulationError extends GeneveError {
  constructor(message: string, offset = 0) {
    super('GENEVE_ENCAP_INVALID', message, offset);
  }
}

/** A capture's link type is not one this library can take apart. */
export class UnsupportedLinkTypeError extends GeneveError {
  constructor(
    readonly linkType: number,
    offset = 0,
  ) {
    super('GENEVE_UNSUPPORTED_LINKTYPE', `unsupported link type ${linkType}`, offset);
  }
}

/** pcap / pcapng: the file does not start with a known magic number. */
export class PcapFormatError extends GeneveError {
  constructor(message: string, offset: number) {
    super('PCAP_BAD_FORMAT', message, offset);
  }
}

/** pcap / pcapng: a record or block is cut short, or its length field is invalid. */
export class PcapTruncatedError extends GeneveError {
  constructor(message: string, offset: number) {
    super('PCAP_TRUNCATED', message, offset);
  }
}

/** pcapng: a block is structurally wrong (length not a multiple of 4, trailing length mismatch, unknown interface). */
export class PcapBlockError extends GeneveError {
  constructor(message: string, offset: number) {
    super('PCAP_BAD_BLOCK', message, offset);
  }
}

/** pcap writer: invalid input (record over snaplen, unknown interface id, timestamp out of range). */
export class PcapWriteError extends GeneveError {
  constructor(message: string, offset = 0) {
    super('PCAP_WRITE_INVALID', message, offset);
  }
}
