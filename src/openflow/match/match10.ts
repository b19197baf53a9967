import type { ByteReader, ByteWriter } from '../../wire/index.js';
import type { Match, MatchField } from './types.js';
import { MatchError } from './errors.js';

/** OFPFW_* wildcard bits of the OpenFlow 1.0 ofp_match (OpenFlow 1.0.0 §5.2.3). */
export const OFPFW10 = {
  IN_PORT: 1 << 0,
  DL_VLAN: 1 << 1,
  DL_SRC: 1 << 2,
  DL_DST: 1 << 3,
  DL_TYPE: 1 << 4,
  NW_PROTO: 1 << 5,
  TP_SRC: 1 << 6,
  TP_DST: 1 << 7,
  NW_SRC_SHIFT: 8,
  NW_DST_SHIFT: 14,
  DL_VLAN_PCP: 1 << 20,
  NW_TOS: 1 << 21,
} as const;

/** OFP_VLAN_NONE: match packets without a VLAN tag. */
const OFP_VLAN_NONE = 0xffff;

function prefixMask(bits: number): Uint8Array {
  const m = bits >= 32 ? 0xffffffff : bits <= 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  return Uint8Array.of(m >>> 24, (m >>> 16) & 0xff, (m >>> 8) & 0xff, m & 0xff);
}

const u16b = (v: number): Uint8Array => Uint8Array.of(v >>> 8, v & 0xff);

/**
 * Decodes the fixed 40-byte OpenFlow 1.0 ofp_match into NXM-style fields, as OVS does: the VLAN id
 * and PCP become `vlan_tci`, tp_src/tp_dst become the transport field of nw_proto (ICMP: type/code).
 * @throws MatchError OF_MATCH_BAD_LEN when fewer than 40 bytes remain
 */
export function readMatch10(r: ByteReader): Match {
  const at = r.offset;
  if (r.remaining < 40) throw new MatchError('OF_MATCH_BAD_LEN', 'truncated OpenFlow 1.0 ofp_match', at);
  const wc = r.u32();
  const inPort = r.u16();
  const dlSrc = r.bytes(6);
  const dlDst = r.bytes(6);
  const dlVlan = r.u16();
  const dlVlanPcp = r.u8();
  r.skip(1);
  const dlType = r.u16();
  const nwTos = r.u8();
  const nwProto = r.u8();
  r.skip(2);
  const nwSrc = r.bytes(4);
  const nwDst = r.bytes(4);
  const tpSrc = r.u16();
  const tpDst = r.u16();
  const out: MatchField[] = [];
  if (!(wc & OFPFW10.IN_PORT)) out.push({ field: 'in_port', value: u16b(inPort) });
  if (!(wc & OFPFW10.DL_SRC)) out.push({ field: 'eth_src', value: dlSrc });
  if (!(wc & OFPFW10.DL_DST)) out.push({ field: 'eth_dst', value: dlDst });
  const vlanWild = (wc & OFPFW10.DL_VLAN) !== 0;
  const pcpWild = (wc & OFPFW10.DL_VLAN_PCP) !== 0;
  if (!vlanWild && dlVlan === OFP_VLAN_NONE) {
    out.push({ field: 'vlan_tci', value: u16b(0), mask: u16b(0xffff) });
  } else if (!vlanWild || !pcpWild) {
    let tci = 0x1000;
    let mask = 0x1000;
    if (!vlanWild) {
      tci |= dlVlan & 0x0fff;
      mask |= 0x0fff;
    }
    if (!pcpWild) {
      tci |= (dlVlanPcp & 7) << 13;
      mask |= 0xe000;
    }
    out.push({ field: 'vlan_tci', value: u16b(tci), ...(mask === 0xffff ? {} : { mask: u16b(mask) }) });
  }
  if (!(wc & OFPFW10.DL_TYPE)) out.push({ field: 'eth_type', value: u16b(dlType) });
  // OVS keeps every field OpenFlow 1.0 leaves unwildcarded, whatever dl_type / nw_proto say
  // (lib/ofp-match.c), and prints them (an ARP flow shows nw_tos=0,tp_src=0,tp_dst=0).
  const typed = !(wc & OFPFW10.DL_TYPE);
  const isIp = typed && dlType === 0x0800;
  const isIp6 = typed && dlType === 0x86dd;
  const isArp = typed && (dlType === 0x0806 || dlType === 0x8035);
  if (!(wc & OFPFW10.NW_TOS)) out.push({ field: 'nw_tos', value: Uint8Array.of(nwTos & 0xfc) });
  if (!(wc & OFPFW10.NW_PROTO)) {
    out.push(isArp ? { field: 'arp_op', value: u16b(nwProto) } : { field: 'nw_proto', value: Uint8Array.of(nwProto) });
  }
  if (!isIp6) {
    const srcBits = 32 - Math.min(32, (wc >>> OFPFW10.NW_SRC_SHIFT) & 0x3f);
    const dstBits = 32 - Math.min(32, (wc >>> OFPFW10.NW_DST_SHIFT) & 0x3f);
    const addr = (name: string, v: Uint8Array, bits: number): void => {
      if (bits <= 0) return;
      const m = prefixMask(bits);
      out.push(bits === 32 ? { field: name, value: v } : { field: name, value: v.map((x, i) => x & m[i]!), mask: m });
    };
    addr(isArp ? 'arp_spa' : 'ip_src', nwSrc, srcBits);
    addr(isArp ? 'arp_tpa' : 'ip_dst', nwDst, dstBits);
  }
  const proto = wc & OFPFW10.NW_PROTO ? -1 : nwProto;
  const icmp = (isIp && proto === 1) || (isIp6 && proto === 58);
  const pair: [string, string] =
    isIp && proto === 1
      ? ['icmp_type', 'icmp_code']
      : isIp6 && proto === 58
        ? ['icmpv6_type', 'icmpv6_code']
        : proto === 17
          ? ['udp_src', 'udp_dst']
          : proto === 132
            ? ['sctp_src', 'sctp_dst']
            : ['tcp_src', 'tcp_dst'];
  if (!(wc & OFPFW10.TP_SRC)) out.push({ field: pair[0], value: icmp ? Uint8Array.of(tpSrc & 0xff) : u16b(tpSrc) });
  if (!(wc & OFPFW10.TP_DST)) out.push({ field: pair[1], value: icmp ? Uint8Array.of(tpDst & 0xff) : u16b(tpDst) });
  return out;
}

/**
 * Encodes a match as the OpenFlow 1.0 ofp_match. Only fields OpenFlow 1.0 can express are allowed
 * (in_port, eth_src/dst, vlan_tci as dl_vlan/dl_vlan_pcp, eth_type, nw_tos, nw_proto, CIDR
 * ip_src/ip_dst/arp_spa/arp_tpa, arp_op, transport ports, ICMP type/code).
 * @throws MatchError OF_MATCH_BAD_FIELD for a field OpenFlow 1.0 cannot carry
 */
export function writeMatch10(w: ByteWriter, m: Match): void {
  let wc = 0x3fffff & ~((0x3f << OFPFW10.NW_SRC_SHIFT) | (0x3f << OFPFW10.NW_DST_SHIFT));
  wc |= (32 << OFPFW10.NW_SRC_SHIFT) | (32 << OFPFW10.NW_DST_SHIFT);
  let inPort = 0,
    dlVlan = 0,
    dlVlanPcp = 0,
    dlType = 0,
    nwTos = 0,
    nwProto = 0,
    tpSrc = 0,
    tpDst = 0;
  let dlSrc: Uint8Array = new Uint8Array(6),
    dlDst: Uint8Array = new Uint8Array(6);
  let nwSrc: Uint8Array = new Uint8Array(4),
    nwDst: Uint8Array = new Uint8Array(4);
  const num = (b: Uint8Array): number => b.reduce((a, x) => a * 256 + x, 0);
  const cidr = (f: MatchField): number => {
    if (!f.mask) return 32;
    const v = num(f.mask);
    let n = 0;
    while (n < 32 && v & (2 ** (31 - n))) n++;
    if (num(prefixMask(n)) !== v)
      throw new MatchError('OF_MATCH_BAD_MASK', `${f.field}: OpenFlow 1.0 needs a CIDR mask`);
    return n;
  };
  for (const f of m) {
    switch (f.field) {
      case 'in_port':
        inPort = num(f.value);
        wc &= ~OFPFW10.IN_PORT;
        break;
      case 'eth_src':
        dlSrc = f.value;
        wc &= ~OFPFW10.DL_SRC;
        break;
      case 'eth_dst':
        dlDst = f.value;
        wc &= ~OFPFW10.DL_DST;
        break;
      case 'vlan_tci': {
        const v = num(f.value);
        const mk = f.mask ? num(f.mask) : 0xffff;
        if (v === 0 && (mk === 0xffff || mk === 0x1fff)) {
          dlVlan = OFP_VLAN_NONE;
          wc &= ~OFPFW10.DL_VLAN;
          break;
        }
        if ((mk & 0x0fff) === 0x0fff) {
          dlVlan = v & 0xfff;
          wc &= ~OFPFW10.DL_VLAN;
        }
        if ((mk & 0xe000) === 0xe000) {
          dlVlanPcp = v >>> 13;
          wc &= ~OFPFW10.DL_VLAN_PCP;
        }
        break;
      }
      case 'eth_type':
        dlType = num(f.value);
        wc &= ~OFPFW10.DL_TYPE;
        break;
      case 'nw_tos':
        nwTos = f.value[0]! & 0xfc;
        wc &= ~OFPFW10.NW_TOS;
        break;
      case 'nw_proto':
        nwProto = f.value[0]!;
        wc &= ~OFPFW10.NW_PROTO;
        break;
      case 'arp_op':
        nwProto = num(f.value) & 0xff;
        wc &= ~OFPFW10.NW_PROTO;
        break;
      case 'ip_src':
      case 'arp_spa':
        nwSrc = f.value;
        wc = (wc & ~(0x3f << OFPFW10.NW_SRC_SHIFT)) | ((32 - cidr(f)) << OFPFW10.NW_SRC_SHIFT);
        break;
      case 'ip_dst':
      case 'arp_tpa':
        nwDst = f.value;
        wc = (wc & ~(0x3f << OFPFW10.NW_DST_SHIFT)) | ((32 - cidr(f)) << OFPFW10.NW_DST_SHIFT);
        break;
      case 'tcp_src':
      case 'udp_src':
      case 'sctp_src':
      case 'icmp_type':
      case 'icmpv6_type':
        tpSrc = num(f.value);
        wc &= ~OFPFW10.TP_SRC;
        break;
      case 'tcp_dst':
      case 'udp_dst':
      case 'sctp_dst':
      case 'icmp_code':
      case 'icmpv6_code':
        tpDst = num(f.value);
        wc &= ~OFPFW10.TP_DST;
        break;
      default:
        throw new MatchError('OF_MATCH_BAD_FIELD', `${f.field} cannot be expressed in an OpenFlow 1.0 match`);
    }
  }
  w.u32(wc >>> 0)
    .u16(inPort)
    .bytes(dlSrc)
    .bytes(dlDst)
    .u16(dlVlan)
    .u8(dlVlanPcp)
    .zeros(1)
    .u16(dlType)
    .u8(nwTos)
    .u8(nwProto)
    .zeros(2)
    .bytes(nwSrc)
    .bytes(nwDst)
    .u16(tpSrc)
    .u16(tpDst);
}
