/**
 * The inner frame, decoded just far enough for a one-line summary in tcpdump's style:
 * Ethernet (with tags) → IPv4 / IPv6 / ARP → ICMP / ICMPv6 / TCP / UDP.
 *
 * {@link InnerView} does it with no allocation (numbers and offsets only); {@link summarizeInner}
 * and {@link summarizeGeneve} build the text.
 */
import { formatIpv4, formatIpv6, formatMac } from './addr.js';
import { ETHERTYPE, IP_PROTOCOL, PROTOCOL_TYPE } from './constants.js';
import type { DecodedGeneve } from './header.js';

/** What {@link InnerView} found at each layer. -1 means "not present / cut short". */
export class InnerView {
  buf: Uint8Array = new Uint8Array(0);
  end = 0;
  /** Offset of the inner Ethernet header, or -1 when the payload is not Ethernet. */
  ethOffset = -1;
  /** EtherType of the network layer (after tags); for non-Ethernet payloads, the GENEVE protocol type. */
  etherType = -1;
  /** Offset of the IPv4 / IPv6 / ARP header, or -1. */
  l3Offset = -1;
  /** IP protocol / IPv6 next header, or -1. */
  ipProtocol = -1;
  /** IPv4 total length or 40 + IPv6 payload length, or -1. */
  ipLength = -1;
  /** Offset of the transport header (ICMP / TCP / UDP), or -1 (also for non-first fragments). */
  l4Offset = -1;

  /**
   * Decodes the payload of a GENEVE header whose Protocol Type is `protocolType`. Never throws:
   * whatever is cut short is left at -1.
   */
  decode(buf: Uint8Array, offset: number, end: number, protocolType: number): this {
    this.buf = buf;
    this.end = end;
    this.ethOffset = -1;
    this.l3Offset = -1;
    this.ipProtocol = -1;
    this.ipLength = -1;
    this.l4Offset = -1;
    let p = offset;
    let et = protocolType;
    if (protocolType === PROTOCOL_TYPE.TRANSPARENT_ETHERNET_BRIDGING) {
      if (end - p < 14) {
        this.etherType = -1;
        return this;
      }
      this.ethOffset = p;
      p += 12;
      et = (buf[p]! << 8) | buf[p + 1]!;
      p += 2;
      while ((et === ETHERTYPE.VLAN || et === ETHERTYPE.QINQ) && end - p >= 4) {
        et = (buf[p + 2]! << 8) | buf[p + 3]!;
        p += 4;
      }
    }
    this.etherType = et;
    if (et === ETHERTYPE.IPV4) {
      if (end - p < 20 || buf[p]! >>> 4 !== 4) return this;
      this.l3Offset = p;
      this.ipProtocol = buf[p + 9]!;
      this.ipLength = (buf[p + 2]! << 8) | buf[p + 3]!;
      const hl = (buf[p]! & 0x0f) << 2;
      const frag = ((buf[p + 6]! & 0x1f) << 8) | buf[p + 7]!;
      if (hl >= 20 && frag === 0 && p + hl <= end) this.l4Offset = p + hl;
    } else if (et === ETHERTYPE.IPV6) {
      if (end - p < 40 || buf[p]! >>> 4 !== 6) return this;
      this.l3Offset = p;
      this.ipProtocol = buf[p + 6]!;
      this.ipLength = 40 + ((buf[p + 4]! << 8) | buf[p + 5]!);
      this.l4Offset = p + 40;
    } else if (et === ETHERTYPE.ARP) {
      if (end - p >= 8) this.l3Offset = p;
    }
    return this;
  }

  /** Bytes available at the transport header. */
  get l4Available(): number {
    return this.l4Offset < 0 ? 0 : this.end - this.l4Offset;
  }
  /** TCP/UDP source port, or -1. */
  get srcPort(): number {
    return this.isPorts() ? (this.buf[this.l4Offset]! << 8) | this.buf[this.l4Offset + 1]! : -1;
  }
  /** TCP/UDP destination port, or -1. */
  get dstPort(): number {
    return this.isPorts() ? (this.buf[this.l4Offset + 2]! << 8) | this.buf[this.l4Offset + 3]! : -1;
  }
  /** ICMP / ICMPv6 type, or -1. */
  get icmpType(): number {
    const ok =
      (this.ipProtocol === IP_PROTOCOL.ICMP || this.ipProtocol === IP_PROTOCOL.ICMPV6) && this.l4Available >= 4;
    return ok ? this.buf[this.l4Offset]! : -1;
  }
  /** ICMP / ICMPv6 code, or -1. */
  get icmpCode(): number {
    const ok =
      (this.ipProtocol === IP_PROTOCOL.ICMP || this.ipProtocol === IP_PROTOCOL.ICMPV6) && this.l4Available >= 4;
    return ok ? this.buf[this.l4Offset + 1]! : -1;
  }
  private isPorts(): boolean {
    return (this.ipProtocol === IP_PROTOCOL.TCP || this.ipProtocol === IP_PROTOCOL.UDP) && this.l4Available >= 4;
  }
}

const ICMP_NAMES: Readonly<Record<number, string>> = {
  0: 'echo reply',
  3: 'unreachable',
  5: 'redirect',
  8: 'echo request',
  11: 'time exceeded',
  13: 'time stamp request',
  14: 'time stamp reply',
};

const ICMP6_NAMES: Readonly<Record<number, string>> = {
  1: 'destination unreachable',
  2: 'packet too big',
  3: 'time exceeded',
  128: 'echo request',
  129: 'echo reply',
  133: 'router solicitation',
  134: 'router advertisement',
  135: 'neighbor solicitation',
  136: 'neighbor advertisement',
};

function tcpFlags(f: number): string {
  let s = '';
  if (f & 0x01) s += 'F';
  if (f & 0x02) s += 'S';
  if (f & 0x04) s += 'R';
  if (f & 0x08) s += 'P';
  if (f & 0x20) s += 'U';
  if (f & 0x40) s += 'E';
  if (f & 0x80) s += 'W';
  if (f & 0x10) s += '.';
  return s === '' ? 'none' : s;
}

function u16(b: Uint8Array, at: number): number {
  return (b[at]! << 8) | b[at + 1]!;
}
function u32(b: Uint8Array, at: number): number {
  return (b[at]! * 0x1000000 + ((b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!)) >>> 0;
}

/**
 * One line for the inner frame, in the style of tcpdump without `-v`, e.g.
 * `IP 10.16.0.8 > 10.16.0.11: ICMP echo request, id 1, seq 2, length 64`,
 * `IP 30.0.0.2.51225 > 30.0.0.1.22: Flags [S], seq 397610159, win 14600, length 0`,
 * `ARP, Request who-has 10.0.0.2 tell 10.0.0.1, length 28`. Never throws.
 */
export function summarizeInner(
  payload: Uint8Array,
  protocolType: number = PROTOCOL_TYPE.TRANSPARENT_ETHERNET_BRIDGING,
): string {
  const v = new InnerView().decode(payload, 0, payload.length, protocolType);
  const b = payload;
  const et = v.etherType;
  if (et < 0) return `[|ether] length ${payload.length}`;
  if (et === ETHERTYPE.ARP) {
    const p = v.l3Offset;
    if (p < 0 || v.end - p < 28) return `ARP, [|arp] length ${payload.length - (p < 0 ? 0 : p)}`;
    const op = u16(b, p + 6);
    const len = v.end - p;
    if (op === 1) return `ARP, Request who-has ${formatIpv4(b, p + 24)} tell ${formatIpv4(b, p + 14)}, length ${len}`;
    if (op === 2) return `ARP, Reply ${formatIpv4(b, p + 14)} is-at ${formatMac(b, p + 8)}, length ${len}`;
    return `ARP, opcode ${op}, length ${len}`;
  }
  if (et !== ETHERTYPE.IPV4 && et !== ETHERTYPE.IPV6) {
    return `ethertype 0x${et.toString(16).padStart(4, '0')}, length ${payload.length}`;
  }
  const p = v.l3Offset;
  const v6 = et === ETHERTYPE.IPV6;
  if (p < 0) return `${v6 ? 'IP6' : 'IP'} [|ip] length ${payload.length}`;
  const src = v6 ? formatIpv6(b, p + 8) : formatIpv4(b, p + 12);
  const dst = v6 ? formatIpv6(b, p + 24) : formatIpv4(b, p + 16);
  const tag = v6 ? 'IP6' : 'IP';
  const l4 = v.l4Offset;
  const l4len = v.ipLength - (l4 - p);
  const proto = v.ipProtocol;
  if (l4 < 0) return `${tag} ${src} > ${dst}: ip-proto-${proto}`;
  const avail = v.end - l4;
  if (proto === IP_PROTOCOL.ICMP || proto === IP_PROTOCOL.ICMPV6) {
    if (avail < 4) return `${tag} ${src} > ${dst}: [|icmp]`;
    const t = b[l4]!;
    const echo = v6 ? t === 128 || t === 129 : t === 0 || t === 8;
    const name = (v6 ? ICMP6_NAMES : ICMP_NAMES)[t] ?? `type ${t}, code ${b[l4 + 1]!}`;
    const id = echo && avail >= 8 ? `, id ${u16(b, l4 + 4)}, seq ${u16(b, l4 + 6)}` : '';
    return v6
      ? `${tag} ${src} > ${dst}: ICMP6, ${name}${id}, length ${l4len}`
      : `${tag} ${src} > ${dst}: ICMP ${name}${id}, length ${l4len}`;
  }
  if (proto === IP_PROTOCOL.TCP) {
    if (avail < 20) return `${tag} ${src}.${v.srcPort} > ${dst}.${v.dstPort}: [|tcp]`;
    const doff = (b[l4 + 12]! >>> 4) << 2;
    const flags = b[l4 + 13]!;
    const seq = u32(b, l4 + 4);
    const ack = u32(b, l4 + 8);
    const dataLen = l4len - doff;
    const seqText = dataLen > 0 ? `seq ${seq}:${(seq + dataLen) >>> 0}` : `seq ${seq}`;
    const ackText = flags & 0x10 ? `, ack ${ack}` : '';
    return `${tag} ${src}.${v.srcPort} > ${dst}.${v.dstPort}: Flags [${tcpFlags(flags)}], ${seqText}${ackText}, win ${u16(b, l4 + 14)}, length ${dataLen}`;
  }
  if (proto === IP_PROTOCOL.UDP) {
    if (avail < 8) return `${tag} ${src} > ${dst}: [|udp]`;
    return `${tag} ${src}.${v.srcPort} > ${dst}.${v.dstPort}: UDP, length ${u16(b, l4 + 4) - 8}`;
  }
  return `${tag} ${src} > ${dst}: ip-proto-${proto} ${l4len}`;
}

/**
 * The GENEVE part of a tcpdump line plus the inner summary:
 * `Geneve, Flags [C], vni 0x3, options [8 bytes]: IP 10.16.0.8 > 10.16.0.11: ICMP echo request, …`
 */
export function summarizeGeneve(g: DecodedGeneve): string {
  const flags = [g.oam ? 'O' : '', g.critical ? 'C' : ''].filter((x) => x !== '').join(', ') || 'none';
  const opts = g.optLen > 0 ? `, options [${g.optLen * 4} bytes]` : '';
  return `Geneve, Flags [${flags}], vni 0x${g.vni.toString(16)}${opts}: ${summarizeInner(g.payload, g.protocolType)}`;
}
