/**
 * The outer packet around GENEVE: Ethernet (with 802.1Q / 802.1ad tags), IPv4 or IPv6, UDP to
 * port 6081, then the GENEVE header and the inner frame. {@link decapsulate} takes a captured
 * frame apart (views alias the input); {@link Encapsulator} / {@link encapsulate} build one.
 *
 * ```
 * Ethernet  dst(6) src(6) [TPID(2) TCI(2)]* EtherType(2)                 IEEE 802.3 / 802.1Q
 * IPv4      Ver/IHL TOS TotalLength Id Flags/FragOff TTL Proto Cksum Src Dst [Options]   RFC 791 §3.1
 * IPv6      Ver/TC/FlowLabel PayloadLength NextHeader HopLimit Src(16) Dst(16)           RFC 8200 §3
 * UDP       SrcPort DstPort Length Checksum                                  RFC 768
 * ```
 * UDP checksum: one's complement over the pseudo-header (RFC 768; RFC 8200 §8.1 for IPv6), the
 * UDP header and the payload. Zero means "none" for IPv4 (RFC 768); for IPv6 it is required
 * (RFC 8200 §8.1), so the encoder always computes it there.
 */
import { ByteReader } from '../wire/index.js';
import { parseIpv4, parseIpv6, parseMac, type IpInput, type MacInput } from './addr.js';
import { ETHERTYPE, GENEVE_UDP_PORT, IP_PROTOCOL, LINKTYPE, PROTOCOL_TYPE } from './constants.js';
import {
  EncapsulationError,
  NotGeneveError,
  PacketMalformedError,
  PacketTruncatedError,
  UnsupportedLinkTypeError,
} from './errors.js';
import {
  decodeGeneve,
  encodeGeneveInto,
  geneveHeaderLength,
  type DecodedGeneve,
  type GeneveDecodeOptions,
  type GeneveHeaderInput,
} from './header.js';

/** An 802.1Q / 802.1ad tag. */
export interface VlanTag {
  /** Tag protocol identifier (0x8100 or 0x88a8). */
  readonly tpid: number;
  /** Priority code point, 3 bits. */
  readonly pcp: number;
  /** Drop eligible indicator, 1 bit. */
  readonly dei: number;
  /** VLAN identifier, 12 bits. */
  readonly vid: number;
}

/** An Ethernet II header as decoded: address bytes as views into the frame, 802.1Q tags outermost first. */
export interface EthernetHeader {
  /** Destination MAC (view). */
  readonly dst: Uint8Array;
  /** Source MAC (view). */
  readonly src: Uint8Array;
  /** Tags, outermost first. */
  readonly vlans: readonly VlanTag[];
  /** EtherType after the tags. */
  readonly etherType: number;
}

/** An IPv4 header as decoded: every field, the header checksum's verdict, addresses and options as views. */
export interface Ipv4Header {
  readonly version: 4;
  /** Header length in 4-byte words. */
  readonly ihl: number;
  /** DSCP + ECN byte. */
  readonly tos: number;
  readonly totalLength: number;
  readonly identification: number;
  /** The 3 flag bits (0x2 = DF, 0x1 = MF). */
  readonly flags: number;
  readonly fragmentOffset: number;
  readonly ttl: number;
  readonly protocol: number;
  readonly checksum: number;
  /** True when the header checksum verifies. */
  readonly checksumValid: boolean;
  readonly src: Uint8Array;
  readonly dst: Uint8Array;
  /** IPv4 options (view; empty when IHL is 5). */
  readonly options: Uint8Array;
}

/** An IPv6 fixed header as decoded (addresses as views into the frame). */
export interface Ipv6Header {
  readonly version: 6;
  readonly trafficClass: number;
  readonly flowLabel: number;
  readonly payloadLength: number;
  readonly nextHeader: number;
  readonly hopLimit: number;
  readonly src: Uint8Array;
  readonly dst: Uint8Array;
}

/** `good`/`bad`: verified; `none`: checksum field 0; `unverified`: the capture is cut short. */
export type ChecksumStatus = 'good' | 'bad' | 'none' | 'unverified';

/** A UDP header as decoded, with the checksum's verdict over the pseudo-header (see {@link ChecksumStatus}). */
export interface UdpHeader {
  readonly srcPort: number;
  readonly dstPort: number;
  readonly length: number;
  readonly checksum: number;
  readonly checksumStatus: ChecksumStatus;
}

/** A GENEVE frame taken apart. All byte fields are views into the input frame. */
export interface GeneveFrame {
  /** Outer Ethernet header; absent for raw-IP link types. */
  readonly eth: EthernetHeader | undefined;
  readonly ip: Ipv4Header | Ipv6Header;
  readonly udp: UdpHeader;
  readonly geneve: DecodedGeneve;
  /** The inner frame / packet (same bytes as `geneve.payload`). */
  readonly inner: Uint8Array;
  /** Offset of the GENEVE header in the frame. */
  readonly geneveOffset: number;
  /** True when the capture holds fewer bytes than the IP header says (snaplen). */
  readonly truncated: boolean;
}

/** Options for {@link decapsulate}. */
export interface DecapsulateOptions extends GeneveDecodeOptions {
  /** pcap LINKTYPE of the frame: 1 Ethernet (default), 113 Linux SLL, 101/228/229 raw IP. */
  readonly linkType?: number;
  /** UDP destination ports taken as GENEVE. Default `[6081]`. */
  readonly ports?: readonly number[];
}

/**
 * One's complement sum of 16-bit big-endian words in `buf[start..end)` added to `acc`, not folded.
 * An odd last byte is padded with zero. (RFC 1071)
 */
export function onesSum(buf: Uint8Array, start: number, end: number, acc = 0): number {
  let s = acc;
  let i = start;
  const last = end - 1;
  for (; i < last; i += 2) s += (buf[i]! << 8) | buf[i + 1]!;
  if (i === last) s += buf[i]! << 8;
  return s;
}

/** Folds a sum to 16 bits and complements it: the value to put in a checksum field. */
export function foldChecksum(sum: number): number {
  let s = sum;
  while (s > 0xffff) s = (s & 0xffff) + Math.floor(s / 0x10000);
  return ~s & 0xffff;
}

/** UDP checksum over pseudo-header + UDP segment (RFC 768 / RFC 8200 §8.1), with the checksum field taken as it is. */
function udpSum(buf: Uint8Array, src: number, dst: number, addrLen: number, udpStart: number, udpLen: number): number {
  let s = onesSum(buf, src, src + addrLen);
  s = onesSum(buf, dst, dst + addrLen, s);
  s += IP_PROTOCOL.UDP + udpLen;
  return onesSum(buf, udpStart, udpStart + udpLen, s);
}

/**
 * Takes a captured frame apart down to the GENEVE payload.
 *
 * @example
 * ```ts
 * const f = decapsulate(record.data, { linkType: record.linkType });
 * f.geneve.vni; f.udp.checksumStatus; summarizeInner(f.inner, f.geneve.protocolType);
 * ```
 * @throws PacketTruncatedError `GENEVE_PACKET_TRUNCATED`, NotGeneveError `GENEVE_NOT_GENEVE`,
 *   PacketMalformedError `GENEVE_PACKET_MALFORMED`, UnsupportedLinkTypeError `GENEVE_UNSUPPORTED_LINKTYPE`,
 *   and every error of {@link decodeGeneve}.
 */
export function decapsulate(frame: Uint8Array, opts: DecapsulateOptions = {}): GeneveFrame {
  const linkType = opts.linkType ?? LINKTYPE.ETHERNET;
  const r = new ByteReader(frame);
  let eth: EthernetHeader | undefined;
  let etherType: number;
  try {
    if (linkType === LINKTYPE.ETHERNET) {
      const dst = r.bytes(6);
      const src = r.bytes(6);
      const vlans: VlanTag[] = [];
      etherType = r.u16();
      while (etherType === ETHERTYPE.VLAN || etherType === ETHERTYPE.QINQ) {
        const tci = r.u16();
        vlans.push({ tpid: etherType, pcp: tci >>> 13, dei: (tci >>> 12) & 1, vid: tci & 0xfff });
        etherType = r.u16();
      }
      eth = { dst, src, vlans, etherType };
    } else if (linkType === LINKTYPE.LINUX_SLL) {
      r.skip(14, 'SLL header');
      etherType = r.u16();
    } else if (linkType === LINKTYPE.RAW || linkType === LINKTYPE.IPV4 || linkType === LINKTYPE.IPV6) {
      const v = r.peekU8() >>> 4;
      etherType = v === 4 ? ETHERTYPE.IPV4 : v === 6 ? ETHERTYPE.IPV6 : -1;
    } else {
      throw new UnsupportedLinkTypeError(linkType);
    }
  } catch (e) {
    throw rethrowTruncated(e, 'link-layer header');
  }

  const ipStart = r.offset;
  let ip: Ipv4Header | Ipv6Header;
  let ipEnd: number;
  let srcAt: number;
  let dstAt: number;
  let addrLen: number;
  let truncated = false;
  if (etherType === ETHERTYPE.IPV4) {
    if (frame.length - ipStart < 20) throw new PacketTruncatedError('IPv4 header needs 20 bytes', ipStart);
    const vihl = frame[ipStart]!;
    const ihl = vihl & 0x0f;
    if (vihl >>> 4 !== 4) throw new PacketMalformedError(`IP version ${vihl >>> 4} where IPv4 was expected`, ipStart);
    if (ihl < 5) throw new PacketMalformedError(`IPv4 IHL ${ihl} is below 5`, ipStart);
    if (frame.length - ipStart < ihl * 4)
      throw new PacketTruncatedError(`IPv4 header with IHL ${ihl} is cut short`, ipStart);
    r.skip(1);
    const tos = r.u8();
    const totalLength = r.u16();
    const identification = r.u16();
    const ff = r.u16();
    const ttl = r.u8();
    const protocol = r.u8();
    const checksum = r.u16();
    srcAt = r.offset;
    const src = r.bytes(4);
    dstAt = r.offset;
    const dst = r.bytes(4);
    const options = r.bytes(ihl * 4 - 20);
    addrLen = 4;
    // Total length 0 is what Linux GSO / BIG TCP captures carry: take the captured length.
    let len = totalLength === 0 ? frame.length - ipStart : totalLength;
    if (len < ihl * 4)
      throw new PacketMalformedError(`IPv4 total length ${totalLength} is shorter than its header`, ipStart + 2);
    if (ipStart + len > frame.length) {
      truncated = true;
      len = frame.length - ipStart;
    }
    ipEnd = ipStart + len;
    ip = {
      version: 4,
      ihl,
      tos,
      totalLength,
      identification,
      flags: ff >>> 13,
      fragmentOffset: ff & 0x1fff,
      ttl,
      protocol,
      checksum,
      checksumValid: foldChecksum(onesSum(frame, ipStart, ipStart + ihl * 4)) === 0,
      src,
      dst,
      options,
    };
    if (protocol !== IP_PROTOCOL.UDP) throw new NotGeneveError(`IPv4 protocol ${protocol} is not UDP`, ipStart + 9);
    if ((ff & 0x3fff) !== 0)
      throw new NotGeneveError('IPv4 fragment: GENEVE over fragments is not reassembled', ipStart + 6);
  } else if (etherType === ETHERTYPE.IPV6) {
    if (frame.length - ipStart < 40) throw new PacketTruncatedError('IPv6 header needs 40 bytes', ipStart);
    const w0 = r.u32();
    if (w0 >>> 28 !== 6) throw new PacketMalformedError(`IP version ${w0 >>> 28} where IPv6 was expected`, ipStart);
    const payloadLength = r.u16();
    const nextHeader = r.u8();
    const hopLimit = r.u8();
    srcAt = r.offset;
    const src = r.bytes(16);
    dstAt = r.offset;
    const dst = r.bytes(16);
    addrLen = 16;
    let len = payloadLength === 0 ? frame.length - ipStart : 40 + payloadLength;
    if (ipStart + len > frame.length) {
      truncated = true;
      len = frame.length - ipStart;
    }
    ipEnd = ipStart + len;
    ip = {
      version: 6,
      trafficClass: (w0 >>> 20) & 0xff,
      flowLabel: w0 & 0xfffff,
      payloadLength,
      nextHeader,
      hopLimit,
      src,
      dst,
    };
    if (nextHeader !== IP_PROTOCOL.UDP)
      throw new NotGeneveError(`IPv6 next header ${nextHeader} is not UDP`, ipStart + 6);
  } else {
    throw new NotGeneveError(`EtherType 0x${etherType.toString(16).padStart(4, '0')} is not IPv4 or IPv6`, ipStart - 2);
  }

  const udpStart = r.offset;
  if (ipEnd - udpStart < 8) throw new PacketTruncatedError('UDP header needs 8 bytes', udpStart);
  const ur = new ByteReader(frame, udpStart, ipEnd);
  const srcPort = ur.u16();
  const dstPort = ur.u16();
  const length = ur.u16();
  const checksum = ur.u16();
  const ports = opts.ports ?? DEFAULT_PORTS;
  if (!ports.includes(dstPort))
    throw new NotGeneveError(`UDP destination port ${dstPort} is not a GENEVE port`, udpStart + 2);
  let udpEnd: number;
  if (length === 0) udpEnd = ipEnd;
  else {
    if (length < 8) throw new PacketMalformedError(`UDP length ${length} is below 8`, udpStart + 4);
    udpEnd = udpStart + length;
    if (udpEnd > ipEnd) {
      if (!truncated) throw new PacketMalformedError(`UDP length ${length} runs past the IP packet`, udpStart + 4);
      udpEnd = ipEnd;
    }
  }
  let checksumStatus: ChecksumStatus;
  if (checksum === 0) checksumStatus = 'none';
  else if (truncated || length === 0) checksumStatus = 'unverified';
  else checksumStatus = foldChecksum(udpSum(frame, srcAt, dstAt, addrLen, udpStart, length)) === 0 ? 'good' : 'bad';

  const geneveOffset = udpStart + 8;
  const geneve = decodeGeneve(frame, geneveOffset, udpEnd, opts);
  return {
    eth,
    ip,
    udp: { srcPort, dstPort, length, checksum, checksumStatus },
    geneve,
    inner: geneve.payload,
    geneveOffset,
    truncated,
  };
}

const DEFAULT_PORTS: readonly number[] = [GENEVE_UDP_PORT];

function rethrowTruncated(e: unknown, what: string): unknown {
  if (e instanceof Error && (e as { code?: string }).code === 'WIRE_TRUNCATED') {
    return new PacketTruncatedError(`${what} is cut short`, (e as unknown as { offset: number }).offset);
  }
  return e;
}

/** Outer Ethernet of a tunnel. */
export interface TunnelEthernet {
  readonly src: MacInput;
  readonly dst: MacInput;
  /** Tags, outermost first; `tpid` defaults to 0x8100. */
  readonly vlans?: readonly {
    readonly tpid?: number;
    readonly pcp?: number;
    readonly dei?: number;
    readonly vid: number;
  }[];
}

/** Outer IPv4 of a tunnel. */
export interface TunnelIpv4 {
  readonly version: 4;
  readonly src: IpInput;
  readonly dst: IpInput;
  readonly tos?: number;
  /** Default 64. */
  readonly ttl?: number;
  /** Default 0. */
  readonly identification?: number;
  /** The 3 flag bits; default 0x2 (DF), as OVS sends. */
  readonly flags?: number;
}

/** Outer IPv6 of a tunnel. */
export interface TunnelIpv6 {
  readonly version: 6;
  readonly src: IpInput;
  readonly dst: IpInput;
  readonly trafficClass?: number;
  readonly flowLabel?: number;
  /** Default 64. */
  readonly hopLimit?: number;
}

/** Everything around the inner frame. */
export interface Tunnel {
  /** Outer Ethernet; omit for a raw IP packet (no link-layer header). */
  readonly eth?: TunnelEthernet;
  readonly ip: TunnelIpv4 | TunnelIpv6;
  readonly udp?: {
    /** Default 0xc000 (OVS derives it from a flow hash; any value is valid). */
    readonly srcPort?: number;
    /** Default 6081. */
    readonly dstPort?: number;
    /**
     * `true` (default): compute the UDP checksum; `false`: send 0 ("none", IPv4 only, RFC 768); a
     * number 0..65535: write exactly that value, e.g. to reproduce a captured frame byte for byte.
     */
    readonly checksum?: boolean | number;
  };
  /** GENEVE header; `protocolType` defaults to 0x6558 (Ethernet). */
  readonly geneve: Omit<GeneveHeaderInput, 'protocolType'> & { readonly protocolType?: number };
}

/**
 * Builds GENEVE frames for one tunnel. The outer headers are laid out once in the constructor;
 * each frame then costs a copy of them, a copy of the inner frame, the length fields and the two
 * checksums (the UDP one sums only the inner bytes; the rest is precomputed).
 *
 * @example
 * ```ts
 * const enc = new Encapsulator({ eth: { src: '02:00:00:00:00:01', dst: '02:00:00:00:00:02' },
 *   ip: { version: 4, src: '192.168.0.1', dst: '192.168.0.2' },
 *   geneve: { vni: 3, options: [ovnMetadataOption({ ingressPort: 2, egressPort: 4 })] } });
 * const out = Buffer.alloc(2048);
 * const n = enc.encapsulateInto(inner, out, 0); // out[0..n) is the frame
 * ```
 */
export class Encapsulator {
  /** Outer headers + GENEVE header, with lengths and checksums zero. */
  readonly template: Uint8Array;
  private readonly ipOff: number;
  private readonly udpOff: number;
  private readonly v4: boolean;
  private readonly udpChecksum: boolean;
  /** A checksum value given by the caller, written as is; -1 when none was given. */
  private readonly udpChecksumValue: number;
  /** IPv4 header sum without the total length (checksum field zero). */
  private readonly ipSum: number;
  /** Pseudo-header (addresses + protocol) + UDP ports + GENEVE header, without lengths. */
  private readonly udpSumBase: number;

  /** @throws EncapsulationError `GENEVE_ENCAP_INVALID`, and the GENEVE encoder's errors. */
  constructor(t: Tunnel) {
    const vlans = t.eth?.vlans ?? [];
    const ethLen = t.eth ? 14 + 4 * vlans.length : 0;
    const v4 = t.ip.version === 4;
    const ipLen = v4 ? 20 : 40;
    const gh: GeneveHeaderInput = {
      ...t.geneve,
      protocolType: t.geneve.protocolType ?? PROTOCOL_TYPE.TRANSPARENT_ETHERNET_BRIDGING,
    };
    const gLen = geneveHeaderLength(gh);
    const tpl = new Uint8Array(ethLen + ipLen + 8 + gLen);
    const put16 = (at: number, v: number, what: string): void => {
      if (!Number.isInteger(v) || v < 0 || v > 0xffff)
        throw new EncapsulationError(`${what} ${v} out of range 0..65535`);
      tpl[at] = v >>> 8;
      tpl[at + 1] = v & 0xff;
    };
    const check = (v: number, max: number, what: string): number => {
      if (!Number.isInteger(v) || v < 0 || v > max) throw new EncapsulationError(`${what} ${v} out of range 0..${max}`);
      return v;
    };
    if (t.eth) {
      tpl.set(parseMac(t.eth.dst), 0);
      tpl.set(parseMac(t.eth.src), 6);
      let p = 12;
      for (const v of vlans) {
        put16(p, v.tpid ?? ETHERTYPE.VLAN, 'VLAN TPID');
        put16(
          p + 2,
          (check(v.pcp ?? 0, 7, 'VLAN PCP') << 13) |
            (check(v.dei ?? 0, 1, 'VLAN DEI') << 12) |
            check(v.vid, 0xfff, 'VLAN VID'),
          'TCI',
        );
        p += 4;
      }
      put16(p, v4 ? ETHERTYPE.IPV4 : ETHERTYPE.IPV6, 'EtherType');
    }
    const ipOff = ethLen;
    let src: Uint8Array;
    let dst: Uint8Array;
    if (t.ip.version === 4) {
      src = parseIpv4(t.ip.src);
      dst = parseIpv4(t.ip.dst);
      tpl[ipOff] = 0x45;
      tpl[ipOff + 1] = check(t.ip.tos ?? 0, 0xff, 'TOS');
      put16(ipOff + 4, t.ip.identification ?? 0, 'identification');
      put16(ipOff + 6, check(t.ip.flags ?? 0x2, 7, 'IPv4 flags') << 13, 'flags');
      tpl[ipOff + 8] = check(t.ip.ttl ?? 64, 0xff, 'TTL');
      tpl[ipOff + 9] = IP_PROTOCOL.UDP;
      tpl.set(src, ipOff + 12);
      tpl.set(dst, ipOff + 16);
    } else if (t.ip.version === 6) {
      src = parseIpv6(t.ip.src);
      dst = parseIpv6(t.ip.dst);
      const tc = check(t.ip.trafficClass ?? 0, 0xff, 'traffic class');
      const fl = check(t.ip.flowLabel ?? 0, 0xfffff, 'flow label');
      tpl[ipOff] = 0x60 | (tc >>> 4);
      tpl[ipOff + 1] = ((tc & 0xf) << 4) | (fl >>> 16);
      put16(ipOff + 2, fl & 0xffff, 'flow label');
      tpl[ipOff + 6] = IP_PROTOCOL.UDP;
      tpl[ipOff + 7] = check(t.ip.hopLimit ?? 64, 0xff, 'hop limit');
      tpl.set(src, ipOff + 8);
      tpl.set(dst, ipOff + 24);
    } else {
      throw new EncapsulationError(`IP version ${(t.ip as { version: unknown }).version} is not 4 or 6`);
    }
    const udpOff = ipOff + ipLen;
    put16(udpOff, t.udp?.srcPort ?? 0xc000, 'UDP source port');
    put16(udpOff + 2, t.udp?.dstPort ?? GENEVE_UDP_PORT, 'UDP destination port');
    const udpChecksum = t.udp?.checksum ?? true;
    if (!v4 && udpChecksum === false) throw new EncapsulationError('IPv6 requires the UDP checksum (RFC 8200 §8.1)');
    const udpChecksumValue = typeof udpChecksum === 'number' ? check(udpChecksum, 0xffff, 'UDP checksum') : -1;
    encodeGeneveInto(gh, tpl, udpOff + 8);

    this.template = tpl;
    this.ipOff = ipOff;
    this.udpOff = udpOff;
    this.v4 = v4;
    this.udpChecksum = udpChecksum !== false;
    this.udpChecksumValue = udpChecksumValue;
    this.ipSum = v4 ? onesSum(tpl, ipOff, ipOff + 20) : 0;
    let s = onesSum(src, 0, src.length);
    s = onesSum(dst, 0, dst.length, s);
    s += IP_PROTOCOL.UDP;
    this.udpSumBase = onesSum(tpl, udpOff, tpl.length, s);
  }

  /** Length of the frame for an inner frame of `innerLength` bytes. */
  frameLength(innerLength: number): number {
    return this.template.length + innerLength;
  }

  /**
   * Writes the frame for `inner` into `out` at `offset`; returns its length. Every byte of the
   * frame is assigned.
   * @throws EncapsulationError `GENEVE_ENCAP_INVALID` when `out` has no room or the packet exceeds 65535 bytes.
   */
  encapsulateInto(inner: Uint8Array, out: Uint8Array, offset = 0): number {
    const tpl = this.template;
    const tl = tpl.length;
    const n = inner.length;
    const total = tl + n;
    if (offset < 0 || offset + total > out.length)
      throw new EncapsulationError(`no room for a ${total}-byte frame at offset ${offset}`, offset);
    const ipOff = offset + this.ipOff;
    const udpOff = offset + this.udpOff;
    const udpLen = total - this.udpOff;
    const ipLen = total - this.ipOff;
    if ((this.v4 ? ipLen : udpLen) > 0xffff)
      throw new EncapsulationError(`packet of ${ipLen} bytes does not fit the IP length field`, offset);
    out.set(tpl, offset);
    const innerOff = offset + tl;
    out.set(inner, innerOff);
    // The inner frame starts at an even distance from the UDP header, so its bytes alternate
    // high / low halves of 16-bit words: sum them separately, unrolled (RFC 1071 §2).
    let hi = 0;
    let lo = 0;
    let i = 0;
    for (; i + 8 <= n; i += 8) {
      hi += inner[i]! + inner[i + 2]! + inner[i + 4]! + inner[i + 6]!;
      lo += inner[i + 1]! + inner[i + 3]! + inner[i + 5]! + inner[i + 7]!;
    }
    for (; i + 2 <= n; i += 2) {
      hi += inner[i]!;
      lo += inner[i + 1]!;
    }
    if (i < n) hi += inner[i]!;
    const sum = this.udpSumBase + hi * 256 + lo;
    if (this.v4) {
      out[ipOff + 2] = ipLen >>> 8;
      out[ipOff + 3] = ipLen & 0xff;
      const c = foldChecksum(this.ipSum + ipLen);
      out[ipOff + 10] = c >>> 8;
      out[ipOff + 11] = c & 0xff;
    } else {
      out[ipOff + 4] = udpLen >>> 8;
      out[ipOff + 5] = udpLen & 0xff;
    }
    out[udpOff + 4] = udpLen >>> 8;
    out[udpOff + 5] = udpLen & 0xff;
    if (this.udpChecksumValue >= 0) {
      out[udpOff + 6] = this.udpChecksumValue >>> 8;
      out[udpOff + 7] = this.udpChecksumValue & 0xff;
    } else if (this.udpChecksum) {
      // udpLen appears twice: in the pseudo-header and in the UDP header.
      let c = foldChecksum(sum + udpLen + udpLen);
      if (c === 0) c = 0xffff; // RFC 768: a computed zero is sent as all ones
      out[udpOff + 6] = c >>> 8;
      out[udpOff + 7] = c & 0xff;
    }
    return total;
  }

  /** Allocates one buffer and writes the frame into it. @throws as {@link Encapsulator.encapsulateInto}. */
  encapsulate(inner: Uint8Array): Uint8Array {
    const out = Buffer.allocUnsafe(this.template.length + inner.length);
    this.encapsulateInto(inner, out, 0);
    return out;
  }
}

/**
 * Wraps `inner` in GENEVE, UDP, IP and (optionally) Ethernet, with both checksums; one allocation
 * for the result. For many frames on one tunnel, keep an {@link Encapsulator}.
 *
 * @example
 * ```ts
 * const frame = encapsulate(innerEthernetFrame, {
 *   eth: { src: '02:00:00:00:00:01', dst: '02:00:00:00:00:02' },
 *   ip: { version: 4, src: '192.168.0.1', dst: '192.168.0.2' },
 *   geneve: { vni: 3, options: [ovnMetadataOption({ ingressPort: 2, egressPort: 4 })] },
 * });
 * ```
 * @throws EncapsulationError `GENEVE_ENCAP_INVALID`, GeneveOptionDataLengthError, GeneveOptionsTooLongError, WireError `WIRE_RANGE`.
 */
export function encapsulate(inner: Uint8Array, tunnel: Tunnel): Uint8Array {
  return new Encapsulator(tunnel).encapsulate(inner);
}
