/**
 * Which wire forms can carry a match, as OVS decides it (lib/meta-flow.c mf_set's
 * usable_protocols and lib/ofp-flow.c parse_ofp_str__): the fixed OpenFlow 1.0 / 1.1 matches take
 * only some fields, most of them exactly. OVS decides from the flow text, and two texts that give
 * the same match can differ: `dl_vlan=5` fits OpenFlow 1.0 while `vlan_tci=0x1005/0x1fff` (a
 * bitwise vlan_tci) does not, and a field set then wildcarded still counts. The text parser records
 * what each match's text allows here (by identity), so the flow_mod builder and the OpenFlow 1.1
 * check decide as ovs-ofctl does.
 */
import type { Match } from './types.js';

/** What one piece of match text allows (meta-flow.c mf_set's usable_protocols). */
export interface PieceUsable {
  /** The fixed OpenFlow 1.0 match can carry it (else OVS sends NXT_FLOW_MOD). */
  readonly of10: boolean;
  /** The fixed OpenFlow 1.1 match can carry it (else ovs-ofctl -O OpenFlow11 refuses the flow). */
  readonly of11: boolean;
  /** The first piece that could not, for error messages. */
  readonly why?: string;
}

const textUsable = new WeakMap<Match, PieceUsable>();

/** Records what a parsed match's text allows (by identity of the match the parser returned). */
export function noteUsable(m: Match, u: PieceUsable): void {
  textUsable.set(m, u);
}

/** What {@link noteUsable} recorded for `m` (everything, when nothing was). */
export function usableOf(m: Match): PieceUsable {
  return textUsable.get(m) ?? { of10: true, of11: true };
}

const OF10_EXACT = new Set([
  'in_port',
  'in_port_oxm',
  'eth_type',
  'vlan_tci',
  'vlan_vid',
  'vlan_pcp',
  'nw_proto',
  'nw_tos',
  'ip_dscp',
  'arp_op',
  'tcp_src',
  'tcp_dst',
  'udp_src',
  'udp_dst',
  'icmp_type',
  'icmp_code',
  'eth_src',
  'eth_dst',
]);
const OF10_CIDR = new Set(['ip_src', 'ip_dst', 'arp_spa', 'arp_tpa']);

/** Whether the mask is ones then zeros (a prefix). */
function isCidr(mask: Uint8Array): boolean {
  let v = 0n;
  for (const x of mask) v = (v << 8n) | BigInt(x);
  const inv = ~v & ((1n << BigInt(mask.length * 8)) - 1n);
  return (inv & (inv + 1n)) === 0n;
}

/**
 * What OVS's parser allows for one `field=value[/mask]` piece: an all-zero mask allows everything
 * (the field is not set; tun_metadata excepted), an all-ones mask is exact, others are bitwise
 * (or CIDR for the IPv4 addresses).
 */
export function pieceUsable(name: string, mask: Uint8Array | undefined): PieceUsable {
  const zero = mask !== undefined && isZero(mask);
  if (zero && !name.startsWith('tun_metadata')) return { of10: true, of11: true };
  const exact = mask === undefined || isOnes(mask);
  const of10 = exact ? OF10_EXACT.has(name) || OF10_CIDR.has(name) : OF10_CIDR.has(name) && isCidr(mask!);
  const of11 = exact ? OF11_EXACT.has(name) || OF11_BITWISE.has(name) : OF11_BITWISE.has(name);
  return of10 && of11 ? { of10, of11 } : { of10, of11, why: exact ? name : `${name} with a mask` };
}

const ethernetText = new WeakSet<Match>();

/**
 * Marks a parsed match whose text named an Ethernet-level field (even one with a zero mask) or a
 * protocol shorthand: OVS then matches packet_type=eth, and writes it when no field it writes says
 * Ethernet by itself (nx-match.c nx_put_raw, "implied_ethernet").
 */
export function noteEthernet(m: Match): void {
  ethernetText.add(m);
}

/** Whether {@link noteEthernet} marked `m`. */
export function hasEthernet(m: Match): boolean {
  return ethernetText.has(m);
}

const OF11_EXACT = new Set([
  'in_port',
  'in_port_oxm',
  'eth_type',
  'vlan_tci',
  'vlan_vid',
  'vlan_pcp',
  'nw_proto',
  'nw_tos',
  'ip_dscp',
  'nw_ecn',
  'arp_op',
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
]);
const OF11_BITWISE = new Set(['metadata', 'eth_src', 'eth_dst', 'ip_src', 'ip_dst', 'arp_spa', 'arp_tpa']);

const isZero = (b: Uint8Array): boolean => b.every((x) => x === 0);
const isOnes = (b: Uint8Array): boolean => b.every((x) => x === 0xff);

/**
 * The first field of a parsed match that the OpenFlow 1.1 standard match cannot carry as OVS
 * sees it (ovs-fields(7) "OF1.1" rows, and with IPv6 only eth_type), or undefined when it fits.
 */
export function of11Misfit(m: Match): string | undefined {
  const u = usableOf(m);
  if (!u.of11) return u.why ?? 'a field';
  const ip6 = m.some((f) => f.field === 'eth_type' && !f.mask && f.value[0] === 0x86 && f.value[1] === 0xdd);
  for (const f of m) {
    if (f.mask && isZero(f.mask)) continue;
    if (OF11_BITWISE.has(f.field)) continue;
    if (!OF11_EXACT.has(f.field)) return f.field;
    if (f.mask && !isOnes(f.mask) && !f.field.startsWith('vlan')) return `${f.field} with a mask`;
    if (ip6 && ['nw_proto', 'nw_tos', 'ip_dscp', 'nw_ecn'].includes(f.field)) return `${f.field} with ipv6`;
    if (ip6 && /^(tcp|udp|sctp)_/.test(f.field)) return `${f.field} with ipv6`;
  }
  return undefined;
}

/**
 * OVS's protocol set (ofp-protocol.h enum ofputil_protocol) without the table-id variants, as bits:
 * a flow is sent in version V only if the set its match and actions leave holds a protocol of V.
 */
export const OFP_PROTO = {
  OF10_STD: 0x01,
  OF10_NXM: 0x02,
  OF11: 0x04,
  OF12: 0x08,
  OF13: 0x10,
  OF14: 0x20,
  OF15: 0x40,
  ANY: 0x7f,
  OF10_ANY: 0x03,
  NXM_OXM_ANY: 0x7a,
  NXM_OF11_UP: 0x7e,
  OF11_UP: 0x7c,
  OF13_UP: 0x70,
  OF15_UP: 0x40,
} as const;

/** The protocols of one OpenFlow version (ovs-ofctl -O V: ofputil_protocols_from_version_bitmap). */
export function protocolsOfVersion(version: number): number {
  return version === 0x01 ? OFP_PROTO.OF10_ANY : 1 << version;
}

/**
 * mf->usable_protocols_exact (build-aux/extract-ofp-fields): fields with an OF1.0 and OF1.1 column
 * go everywhere, those with only OF1.1 everywhere but the fixed OF1.0 match, the rest only as NXM/OXM.
 */
export function fieldUsableExact(name: string): number {
  if (OF10_EXACT.has(name) || OF10_CIDR.has(name))
    return name === 'in_port_oxm' ? OFP_PROTO.NXM_OF11_UP : OFP_PROTO.ANY;
  if (OF11_EXACT.has(name) || OF11_BITWISE.has(name)) return OFP_PROTO.NXM_OF11_UP;
  return OFP_PROTO.NXM_OXM_ANY;
}
