/**
 * Field widths in bits as OVS's meta-flow defines them (`n_bits`, include/openvswitch/meta-flow.h
 * "Type: be16 (low 12 bits)"): what a whole-field subfield `NXM_…[]` covers and how many bits a
 * load, move or learn writes. A field not listed here is as wide as its bytes.
 */
import type { FieldDef } from './fields.js';

/** Fields narrower than their bytes (OVS 3.1 meta-flow.h). */
export const FIELD_N_BITS: Readonly<Record<string, number>> = {
  tun_flags: 1, // be16 (low 1 bits)
  tun_erspan_idx: 20,
  tun_erspan_ver: 4,
  tun_erspan_dir: 1,
  tun_erspan_hwid: 6,
  dl_vlan: 12,
  vlan_vid: 12, // OXM_OF_VLAN_VID's CFI bit (0x1000) is not part of the subfield
  dl_vlan_pcp: 3,
  vlan_pcp: 3,
  mpls_label: 20,
  mpls_tc: 3,
  mpls_bos: 1,
  ipv6_label: 20,
  ip_dscp: 6,
  nw_ecn: 2,
  ip_frag: 2,
  tcp_flags: 12,
  nsh_spi: 24,
};

/** A field's width in bits as OVS counts it for subfields (`n_bits`). */
export function fieldNBits(def: FieldDef): number {
  return FIELD_N_BITS[def.name] ?? def.bytes * 8;
}

/**
 * Whether OVS accepts `value` for a set_field (or OXM value) on `field` (meta-flow.c mf_is_value_valid):
 * the value fits the field's n_bits, with OVS's exceptions — nw_tos keeps its ECN bits zero, OXM
 * vlan_vid carries the CFI bit (13 bits), arp_op takes 8 bits and tcp_flags 12 though both are 16
 * bits wide.
 */
export function setFieldValueValid(field: string, value: bigint): boolean {
  if (field === 'nw_tos') return (value & 3n) === 0n;
  const bits = field === 'vlan_vid' ? 13 : field === 'arp_op' ? 8 : field === 'tcp_flags' ? 12 : FIELD_N_BITS[field];
  return bits === undefined || value >> BigInt(bits) === 0n;
}
