/**
 * Which wire forms can carry a match, as OVS decides it (lib/meta-flow.c mf_set's
 * usable_protocols and lib/ofp-flow.c parse_ofp_str__): the fixed OpenFlow 1.0 / 1.1 matches take
 * only some fields, most of them exactly. OVS decides from the flow text, and two texts that give
 * the same match can differ: `dl_vlan=5` fits OpenFlow 1.0 while `vlan_tci=0x1005/0x1fff` (a
 * bitwise vlan_tci) does not. The text parser records such matches here (by identity), so the
 * flow_mod builder and the OpenFlow 1.1 check decide as ovs-ofctl does.
 */
import type { Match } from './types.js';

const bitwiseVlan = new WeakSet<Match>();

/** Marks a parsed match whose text matched a VLAN field with a bitwise mask (NXM / OXM only). */
export function noteBitwiseVlan(m: Match): void {
  bitwiseVlan.add(m);
}

/** Whether {@link noteBitwiseVlan} marked `m`. */
export function hasBitwiseVlan(m: Match): boolean {
  return bitwiseVlan.has(m);
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
  if (hasBitwiseVlan(m)) return 'a bitwise VLAN match';
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
