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

const CIDR_FIELDS = new Set(['ip_src', 'ip_dst', 'arp_spa', 'arp_tpa']);
const EXACT_FIELDS = new Set([
  'in_port',
  'eth_src',
  'eth_dst',
  'eth_type',
  'nw_tos',
  'ip_dscp',
  'nw_proto',
  'arp_op',
  'tcp_src',
  'tcp_dst',
  'udp_src',
  'udp_dst',
  'icmp_type',
  'icmp_code',
]);

/** Whether OpenFlow 1.0's vlan fields say exactly what this vlan_tci value/mask says. */
function vlanFits10(v: number, mk: number): boolean {
  if (mk & 0x1000 && v === 0) return true; // OFP_VLAN_NONE: no tag
  return (v & 0x1000) !== 0 && (mk === 0x1fff || mk === 0xf000 || mk === 0xffff);
}

/**
 * Whether the fixed OpenFlow 1.0 ofp_match expresses `m` exactly (ovs-fields(7) "OF1.0" rows and
 * ofp-flow.c's IPv6 rule): in_port, MACs, eth_type, vlan_tci as dl_vlan / dl_vlan_pcp, the DSCP,
 * nw_proto / arp_op, CIDR IPv4 / ARP addresses, TCP / UDP ports and ICMP type / code, all exact
 * except the CIDR addresses; with IPv6 only the eth_type. A field with an all-zero mask matches
 * everything and fits. When this is false OVS sends NXT_FLOW_MOD with an NXM match instead.
 */
export function fitsOf10Match(m: Match): boolean {
  let ip6 = false;
  for (const f of m) if (f.field === 'eth_type' && f.value[0] === 0x86 && f.value[1] === 0xdd && !f.mask) ip6 = true;
  for (const f of m) {
    // a zero mask matches everything (tun_metadata excepted: it still says the option is present)
    if (f.mask && isZero(f.mask) && !f.field.startsWith('tun_metadata')) continue;
    if (f.field === 'packet_type' && isZero(f.value)) continue; // Ethernet: all OpenFlow 1.0 matches are
    const full = !f.mask || isOnes(f.mask);
    if (f.field === 'vlan_tci') {
      if (!vlanFits10(num(f.value), f.mask ? num(f.mask) : 0xffff)) return false;
      continue;
    }
    if (CIDR_FIELDS.has(f.field)) {
      if (!full && cidrBits(f.mask!) < 0) return false;
      continue;
    }
    if (!EXACT_FIELDS.has(f.field) || !full) return false;
    if (ip6 && f.field !== 'eth_type' && f.field !== 'in_port' && f.field !== 'eth_src' && f.field !== 'eth_dst')
      return false;
  }
  return true;
}

function num(b: Uint8Array): number {
  let v = 0;
  for (const x of b) v = v * 256 + x;
  return v;
}
function isZero(b: Uint8Array): boolean {
  for (const x of b) if (x !== 0) return false;
  return true;
}
function isOnes(b: Uint8Array): boolean {
  for (const x of b) if (x !== 0xff) return false;
  return true;
}
/** Prefix length of a 4-byte CIDR mask, or -1. */
function cidrBits(mask: Uint8Array): number {
  const v = num(mask);
  let n = 0;
  while (n < 32 && v & (2 ** (31 - n))) n++;
  return num(prefixMask(n)) === v ? n : -1;
}

/**
 * Encodes a match as the OpenFlow 1.0 ofp_match, as OVS does (lib/ofp-match.c
 * ofputil_match_to_ofp10_match). Only what OpenFlow 1.0 can express is accepted: in_port, exact
 * eth_src / eth_dst, vlan_tci as dl_vlan / dl_vlan_pcp (VID, PCP or both, or "no tag"), eth_type,
 * the DSCP (nw_tos / ip_dscp), nw_proto, CIDR ip_src / ip_dst / arp_spa / arp_tpa, arp_op, exact
 * transport ports and ICMP type / code. A field with an all-zero mask is wildcarded. Nothing is
 * dropped silently: use NXT_FLOW_MOD (NXM) for the rest.
 * @throws MatchError OF_MATCH_BAD_FIELD for a field OpenFlow 1.0 cannot carry, OF_MATCH_BAD_MASK
 *   for a mask it cannot express (a partial MAC / port mask, a non-CIDR address mask, a VLAN mask
 *   other than the VID / PCP halves)
 */
export function writeMatch10(w: ByteWriter, m: Match): void {
  let wc =
    OFPFW10.IN_PORT |
    OFPFW10.DL_VLAN |
    OFPFW10.DL_SRC |
    OFPFW10.DL_DST |
    OFPFW10.DL_TYPE |
    OFPFW10.NW_PROTO |
    OFPFW10.TP_SRC |
    OFPFW10.TP_DST |
    OFPFW10.DL_VLAN_PCP |
    OFPFW10.NW_TOS |
    (32 << OFPFW10.NW_SRC_SHIFT) |
    (32 << OFPFW10.NW_DST_SHIFT);
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
  const exact = (f: MatchField): void => {
    if (f.mask && !isOnes(f.mask))
      throw new MatchError('OF_MATCH_BAD_MASK', `${f.field}: OpenFlow 1.0 matches it exactly or not at all`);
  };
  const cidr = (f: MatchField): number => {
    if (!f.mask) return 32;
    const n = cidrBits(f.mask);
    if (n < 0) throw new MatchError('OF_MATCH_BAD_MASK', `${f.field}: OpenFlow 1.0 needs a CIDR mask`);
    return n;
  };
  for (const f of m) {
    if (f.mask && isZero(f.mask)) continue; // matches everything: wildcarded
    if (f.field === 'packet_type' && !f.mask && isZero(f.value)) continue; // Ethernet, as every 1.0 match
    switch (f.field) {
      case 'in_port':
        exact(f);
        inPort = num(f.value);
        wc &= ~OFPFW10.IN_PORT;
        break;
      case 'eth_src':
        exact(f);
        dlSrc = f.value;
        wc &= ~OFPFW10.DL_SRC;
        break;
      case 'eth_dst':
        exact(f);
        dlDst = f.value;
        wc &= ~OFPFW10.DL_DST;
        break;
      case 'vlan_tci': {
        const v = num(f.value);
        const mk = f.mask ? num(f.mask) : 0xffff;
        if (!vlanFits10(v, mk))
          throw new MatchError(
            'OF_MATCH_BAD_MASK',
            `vlan_tci=0x${v.toString(16)}/0x${mk.toString(16)}: OpenFlow 1.0 matches the VID and PCP whole, or no tag`,
          );
        if (v === 0) {
          // ofp-match.c: "no tag" leaves both VLAN wildcard bits clear (dl_vlan_pcp 0)
          dlVlan = OFP_VLAN_NONE;
          wc &= ~(OFPFW10.DL_VLAN | OFPFW10.DL_VLAN_PCP);
          break;
        }
        if (mk & 0x0fff) {
          dlVlan = v & 0xfff;
          wc &= ~OFPFW10.DL_VLAN;
        }
        if (mk & 0xe000) {
          dlVlanPcp = v >>> 13;
          wc &= ~OFPFW10.DL_VLAN_PCP;
        }
        break;
      }
      case 'eth_type':
        exact(f);
        dlType = num(f.value);
        wc &= ~OFPFW10.DL_TYPE;
        break;
      case 'nw_tos':
        exact(f);
        nwTos = f.value[0]! & 0xfc;
        wc &= ~OFPFW10.NW_TOS;
        break;
      case 'ip_dscp':
        exact(f);
        nwTos = (f.value[0]! & 0x3f) << 2;
        wc &= ~OFPFW10.NW_TOS;
        break;
      case 'nw_proto':
        exact(f);
        nwProto = f.value[0]!;
        wc &= ~OFPFW10.NW_PROTO;
        break;
      case 'arp_op':
        exact(f);
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
        exact(f);
        tpSrc = num(f.value);
        wc &= ~OFPFW10.TP_SRC;
        break;
      case 'tcp_dst':
      case 'udp_dst':
      case 'sctp_dst':
      case 'icmp_code':
      case 'icmpv6_code':
        exact(f);
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
