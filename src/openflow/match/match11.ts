/**
 * The fixed 88-byte OpenFlow 1.1 ofp_match (OFPMT_STANDARD, OpenFlow 1.1.0 §A.2.3), mapped onto the
 * same NXM/OXM-style fields the rest of the library uses, with the meaning OVS 3.1 gives it
 * (lib/ofp-match.c): masks on the wire have 1-bits for "don't care", so they are inverted here;
 * dl_vlan / dl_vlan_pcp become `vlan_tci`; nw_src / nw_dst are ARP addresses for ARP; tp_src /
 * tp_dst become the ports of nw_proto (ICMP type / code for ICMP); MPLS fields only for MPLS
 * ethertypes.
 */
import type { ByteReader, ByteWriter } from '../../wire/index.js';
import type { Match, MatchField } from './types.js';
import { MatchError } from './errors.js';

/** OFPFW11_* wildcard bits (OpenFlow 1.1.0 §A.2.3). */
export const OFPFW11 = {
  IN_PORT: 1 << 0,
  DL_VLAN: 1 << 1,
  DL_VLAN_PCP: 1 << 2,
  DL_TYPE: 1 << 3,
  NW_TOS: 1 << 4,
  NW_PROTO: 1 << 5,
  TP_SRC: 1 << 6,
  TP_DST: 1 << 7,
  MPLS_LABEL: 1 << 8,
  MPLS_TC: 1 << 9,
} as const;

/** ofp_match.type OFPMT_STANDARD and its fixed length (OpenFlow 1.1.0 §A.2.3). */
export const OFPMT11_STANDARD = 0;
export const OFPMT11_STANDARD_LENGTH = 88;

/** ofp_vlan_id (OpenFlow 1.1.0 §A.2.3): OFPVID_ANY (any tagged packet), OFPVID_NONE (untagged). */
const OFPVID11 = { ANY: 0xfffe, NONE: 0xffff } as const;

const u16b = (v: number): Uint8Array => Uint8Array.of(v >>> 8, v & 0xff);
const u32b = (v: number): Uint8Array => Uint8Array.of(v >>> 24, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff);
const num = (b: Uint8Array): number => b.reduce((a, x) => a * 256 + x, 0);
const isOnes = (b: Uint8Array): boolean => b.every((x) => x === 0xff);

/** A value/"don't care" pair from the wire as a field: omitted when all wildcarded, mask dropped when exact. */
function masked(out: MatchField[], field: string, value: Uint8Array, dontCare: Uint8Array): void {
  if (isOnes(dontCare)) return;
  const mask = dontCare.map((x) => ~x & 0xff);
  const v = value.map((x, i) => x & mask[i]!);
  out.push(isOnes(mask) ? { field, value: v } : { field, value: v, mask });
}

/**
 * Decodes an OpenFlow 1.1 ofp_match (88 bytes, consumed whole).
 * @throws MatchError OF_MATCH_BAD_LEN (truncated or length ≠ 88), OF_MATCH_BAD_TYPE (not
 *   OFPMT_STANDARD), OF_MATCH_BAD_VALUE (VLAN id ≥ 4096 other than ANY/NONE, PCP > 7, ToS with ECN
 *   bits, ICMP type / code ≥ 256, in_port outside OVS's port range: the values OVS refuses)
 */
export function readMatch11(r: ByteReader): Match {
  const at = r.offset;
  if (r.remaining < OFPMT11_STANDARD_LENGTH)
    throw new MatchError('OF_MATCH_BAD_LEN', 'truncated OpenFlow 1.1 ofp_match', at);
  const type = r.u16();
  const len = r.u16();
  if (type !== OFPMT11_STANDARD)
    throw new MatchError('OF_MATCH_BAD_TYPE', `OpenFlow 1.1 ofp_match type ${type} is not OFPMT_STANDARD`, at);
  if (len !== OFPMT11_STANDARD_LENGTH)
    throw new MatchError('OF_MATCH_BAD_LEN', `OpenFlow 1.1 ofp_match length ${len}, want 88`, at);
  const inPort = r.u32();
  const wc = r.u32();
  const dlSrc = r.bytes(6);
  const dlSrcMask = r.bytes(6);
  const dlDst = r.bytes(6);
  const dlDstMask = r.bytes(6);
  const dlVlan = r.u16();
  const dlVlanPcp = r.u8();
  r.skip(1);
  const dlType = r.u16();
  const nwTos = r.u8();
  const nwProto = r.u8();
  const nwSrc = r.bytes(4);
  const nwSrcMask = r.bytes(4);
  const nwDst = r.bytes(4);
  const nwDstMask = r.bytes(4);
  const tpSrc = r.u16();
  const tpDst = r.u16();
  const mplsLabel = r.u32();
  const mplsTc = r.u8();
  r.skip(3);
  const metadata = r.bytes(8);
  const metadataMask = r.bytes(8);
  const bad = (what: string): never => {
    throw new MatchError('OF_MATCH_BAD_VALUE', `OpenFlow 1.1 ofp_match: ${what}`, at);
  };

  const out: MatchField[] = [];
  if (!(wc & OFPFW11.IN_PORT)) {
    // OVS maps OF1.1 ports onto its 16-bit ones: 0..0xfeff and 0xffffff00.. only (lib/ofp-port.c)
    if (inPort >= 0xff00 && inPort < 0xffffff00)
      bad(`in_port 0x${inPort.toString(16)} outside 0..0xfeff and 0xffffff00..`);
    out.push({ field: 'in_port_oxm', value: u32b(inPort) });
  }
  masked(out, 'eth_src', dlSrc, dlSrcMask);
  masked(out, 'eth_dst', dlDst, dlDstMask);
  if (!(wc & OFPFW11.DL_VLAN)) {
    if (dlVlan === OFPVID11.NONE) {
      out.push({ field: 'vlan_tci', value: u16b(0), mask: u16b(0xffff) });
    } else {
      let tci: number;
      let mask: number;
      if (dlVlan === OFPVID11.ANY) [tci, mask] = [0x1000, 0x1000];
      else if (dlVlan < 4096) [tci, mask] = [0x1000 | dlVlan, 0x1fff];
      else return bad(`dl_vlan ${dlVlan}`);
      if (!(wc & OFPFW11.DL_VLAN_PCP)) {
        if (dlVlanPcp > 7) bad(`dl_vlan_pcp ${dlVlanPcp}`);
        tci |= dlVlanPcp << 13;
        mask |= 0xe000;
      }
      out.push(
        mask === 0xffff
          ? { field: 'vlan_tci', value: u16b(tci) }
          : { field: 'vlan_tci', value: u16b(tci), mask: u16b(mask) },
      );
    }
  }
  const typed = !(wc & OFPFW11.DL_TYPE);
  if (typed) out.push({ field: 'eth_type', value: u16b(dlType) });
  const ipv4 = typed && dlType === 0x0800;
  const arp = typed && (dlType === 0x0806 || dlType === 0x8035); // ARP and RARP share the fields
  if (ipv4 && !(wc & OFPFW11.NW_TOS)) {
    if (nwTos & 0x03) bad(`nw_tos ${nwTos} has ECN bits`);
    out.push({ field: 'nw_tos', value: Uint8Array.of(nwTos) });
  }
  if (ipv4 || arp) {
    if (!(wc & OFPFW11.NW_PROTO)) {
      out.push(arp ? { field: 'arp_op', value: u16b(nwProto) } : { field: 'nw_proto', value: Uint8Array.of(nwProto) });
    }
    masked(out, arp ? 'arp_spa' : 'ip_src', nwSrc, nwSrcMask);
    masked(out, arp ? 'arp_tpa' : 'ip_dst', nwDst, nwDstMask);
  }
  if (ipv4 && !(wc & OFPFW11.NW_PROTO)) {
    if (nwProto === 1) {
      if (!(wc & OFPFW11.TP_SRC)) {
        if (tpSrc > 0xff) bad(`ICMP type ${tpSrc}`);
        out.push({ field: 'icmp_type', value: Uint8Array.of(tpSrc) });
      }
      if (!(wc & OFPFW11.TP_DST)) {
        if (tpDst > 0xff) bad(`ICMP code ${tpDst}`);
        out.push({ field: 'icmp_code', value: Uint8Array.of(tpDst) });
      }
    } else {
      const pair = (
        { 6: ['tcp_src', 'tcp_dst'], 17: ['udp_src', 'udp_dst'], 132: ['sctp_src', 'sctp_dst'] } as Record<
          number,
          [string, string]
        >
      )[nwProto];
      if (pair) {
        if (!(wc & OFPFW11.TP_SRC)) out.push({ field: pair[0], value: u16b(tpSrc) });
        if (!(wc & OFPFW11.TP_DST)) out.push({ field: pair[1], value: u16b(tpDst) });
      }
    }
  }
  if (typed && (dlType === 0x8847 || dlType === 0x8848)) {
    if (!(wc & OFPFW11.MPLS_LABEL)) out.push({ field: 'mpls_label', value: u32b(mplsLabel & 0xfffff) });
    if (!(wc & OFPFW11.MPLS_TC)) out.push({ field: 'mpls_tc', value: Uint8Array.of(mplsTc & 7) });
  }
  masked(out, 'metadata', metadata, metadataMask);
  return out;
}

/** Bitwise complement of a mask (absent = exact = all ones), as the wire's "don't care" bits. */
function dontCare(f: MatchField | undefined, n: number): Uint8Array {
  if (!f) return new Uint8Array(n).fill(0xff);
  return f.mask ? f.mask.map((x) => ~x & 0xff) : new Uint8Array(n);
}

function valueAnd(f: MatchField | undefined, n: number): Uint8Array {
  if (!f) return new Uint8Array(n);
  return f.mask ? f.value.map((x, i) => x & f.mask![i]!) : f.value;
}

const FIELDS11 = new Set([
  'in_port_oxm',
  'in_port',
  'eth_src',
  'eth_dst',
  'vlan_tci',
  'vlan_vid',
  'vlan_pcp',
  'eth_type',
  'nw_tos',
  'ip_dscp',
  'nw_proto',
  'arp_op',
  'ip_src',
  'ip_dst',
  'arp_spa',
  'arp_tpa',
  'tcp_src',
  'tcp_dst',
  'udp_src',
  'udp_dst',
  'sctp_src',
  'sctp_dst',
  'icmp_type',
  'icmp_code',
  'mpls_label',
  'mpls_tc',
  'metadata',
]);

/**
 * Encodes a match as the OpenFlow 1.1 ofp_match, as OVS does (lib/ofp-match.c
 * ofputil_match_to_ofp11_match): unused bytes zero, masks inverted, MPLS fields written when
 * present.
 * @throws MatchError OF_MATCH_BAD_FIELD for a field OpenFlow 1.1 cannot carry, OF_MATCH_BAD_MASK
 *   for a mask the fixed layout cannot express (vlan_tci other than VID / PCP halves; ToS bits)
 */
export function writeMatch11(w: ByteWriter, m: Match): void {
  const by = new Map<string, MatchField>();
  for (const f of m) {
    if (!FIELDS11.has(f.field))
      throw new MatchError('OF_MATCH_BAD_FIELD', `${f.field} cannot be expressed in an OpenFlow 1.1 match`);
    by.set(f.field, f);
  }
  let wc = 0;
  let inPort = 0;
  const ip = by.get('in_port_oxm') ?? by.get('in_port');
  if (!ip) wc |= OFPFW11.IN_PORT;
  else {
    inPort = num(ip.value);
    // OF1.0-numbered reserved ports (16-bit in_port) become their OF1.1 values.
    if (ip.field === 'in_port' && inPort >= 0xff00) inPort = (inPort + 0xffff0000) >>> 0;
  }

  let dlVlan = 0;
  let dlVlanPcp = 0;
  const vt = by.get('vlan_tci');
  const vid = by.get('vlan_vid');
  const pcp = by.get('vlan_pcp');
  let tci = 0;
  let tciMask = 0;
  if (vt) {
    tci = num(vt.value);
    tciMask = vt.mask ? num(vt.mask) : 0xffff;
  } else if (vid) {
    // OXM vlan_vid carries OFPVID_PRESENT (0x1000) like the CFI bit of vlan_tci.
    tci = num(vid.value) & 0x1fff;
    tciMask = vid.mask ? num(vid.mask) & 0x1fff : 0x1fff;
  }
  if (pcp) {
    tci |= 0x1000 | ((pcp.value[0]! & 7) << 13);
    tciMask |= 0x1000 | 0xe000;
  }
  tci &= tciMask;
  if (tciMask === 0) wc |= OFPFW11.DL_VLAN | OFPFW11.DL_VLAN_PCP;
  else if (tciMask & 0x1000 && !(tci & 0x1000)) {
    dlVlan = OFPVID11.NONE;
    wc |= OFPFW11.DL_VLAN_PCP;
  } else {
    const vidMask = tciMask & 0x0fff;
    if (vidMask !== 0 && vidMask !== 0x0fff)
      throw new MatchError('OF_MATCH_BAD_MASK', 'OpenFlow 1.1 matches a whole VLAN id or none');
    const pcpMask = tciMask & 0xe000;
    if (pcpMask !== 0 && pcpMask !== 0xe000)
      throw new MatchError('OF_MATCH_BAD_MASK', 'OpenFlow 1.1 matches a whole VLAN PCP or none');
    dlVlan = vidMask ? tci & 0x0fff : OFPVID11.ANY;
    if (pcpMask) dlVlanPcp = tci >>> 13;
    else wc |= OFPFW11.DL_VLAN_PCP;
  }

  let dlType = 0;
  const et = by.get('eth_type');
  if (et) dlType = num(et.value);
  else wc |= OFPFW11.DL_TYPE;

  let nwTos = 0;
  const tos = by.get('nw_tos');
  const dscp = by.get('ip_dscp');
  // both set the DSCP bits of one nw_tos: the later one wins (as OVS parses them)
  if (tos && (!dscp || m.indexOf(tos) > m.indexOf(dscp))) nwTos = tos.value[0]! & 0xfc;
  else if (dscp) nwTos = (dscp.value[0]! & 0x3f) << 2;
  else wc |= OFPFW11.NW_TOS;

  let nwProto = 0;
  const np = by.get('nw_proto') ?? by.get('arp_op');
  if (np) nwProto = num(np.value) & 0xff;
  else wc |= OFPFW11.NW_PROTO;

  const src = by.get('ip_src') ?? by.get('arp_spa');
  const dst = by.get('ip_dst') ?? by.get('arp_tpa');
  const tps = by.get('tcp_src') ?? by.get('udp_src') ?? by.get('sctp_src') ?? by.get('icmp_type');
  const tpd = by.get('tcp_dst') ?? by.get('udp_dst') ?? by.get('sctp_dst') ?? by.get('icmp_code');
  for (const f of [tps, tpd]) {
    if (f?.mask && !isOnes(f.mask))
      throw new MatchError('OF_MATCH_BAD_MASK', `${f.field}: OpenFlow 1.1 matches whole transport ports only`);
  }
  if (!tps) wc |= OFPFW11.TP_SRC;
  if (!tpd) wc |= OFPFW11.TP_DST;
  const label = by.get('mpls_label');
  const tc = by.get('mpls_tc');
  if (!label) wc |= OFPFW11.MPLS_LABEL;
  if (!tc) wc |= OFPFW11.MPLS_TC;
  const md = by.get('metadata');

  w.u16(OFPMT11_STANDARD).u16(OFPMT11_STANDARD_LENGTH).u32(inPort).u32(wc);
  w.bytes(valueAnd(by.get('eth_src'), 6)).bytes(dontCare(by.get('eth_src'), 6));
  w.bytes(valueAnd(by.get('eth_dst'), 6)).bytes(dontCare(by.get('eth_dst'), 6));
  w.u16(dlVlan).u8(dlVlanPcp).zeros(1).u16(dlType).u8(nwTos).u8(nwProto);
  w.bytes(valueAnd(src, 4)).bytes(dontCare(src, 4)).bytes(valueAnd(dst, 4)).bytes(dontCare(dst, 4));
  w.u16(tps ? num(tps.value) : 0).u16(tpd ? num(tpd.value) : 0);
  w.u32(label ? num(label.value) : 0)
    .u8(tc ? tc.value[0]! : 0)
    .zeros(3);
  w.bytes(valueAnd(md, 8)).bytes(dontCare(md, 8));
}
