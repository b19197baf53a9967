/**
 * The match field table: every field OVS 3.1 knows (ovs-fields(7)), with its canonical ovs-ofctl
 * name and aliases, width, whether it can be masked, its prerequisite and its NXM/OXM code points
 * (OpenFlow 1.5.1 §7.2.3.7 for OXM_OF_*, OVS nicira-ext for NXM_*; field numbers as ovs-fields(7)
 * lists them). `since` is the first OpenFlow wire version that carries an OXM code point.
 */

/** OXM classes (OpenFlow 1.5.1 §7.2.3.2) and the experimenter ids used under class 0xffff. */
export const OFPXMC = {
  NXM_0: 0x0000, // NXM_OF_*
  NXM_1: 0x0001, // NXM_NX_*
  ERICOXM_OF: 0x1000,
  OPENFLOW_BASIC: 0x8000, // OXM_OF_*
  PACKET_REGS: 0x8001, // OXM_OF_PKT_REG* (OpenFlow 1.5.1 §7.2.3.9)
  EXPERIMENTER: 0xffff,
} as const;

export const OXM_EXPERIMENTER = {
  NX_VENDOR_ID: 0x00002320, // NXOXM_ET_*
  NXOXM_NSH: 0x005ad650,
  ONF_VENDOR_ID: 0x4f4e4600, // ONFOXM_ET_*
} as const;

/** How a field's value is written in ovs-ofctl text. */
export type FieldFormat =
  | 'hex' | 'dec' | 'ipv4' | 'ipv6' | 'eth' | 'port10' | 'port'
  | 'ctState' | 'tunFlags' | 'frag' | 'tcpFlags' | 'packetType';

/** Prerequisite names as ovs-fields(7) lists them. */
export type Prereq =
  | 'none' | 'vlan' | 'mpls' | 'ipv4' | 'ipv6' | 'ip' | 'arp' | 'tcp' | 'udp' | 'sctp'
  | 'icmp' | 'icmpv6' | 'nd' | 'ndSolicit' | 'ndAdvert' | 'nsh' | 'ct';

export interface CodePoint {
  /** Spec name, e.g. `OXM_OF_ETH_SRC`, `NXM_NX_REG0`. */
  readonly name: string;
  readonly cls: number;
  readonly field: number;
  readonly experimenter?: number;
  /** First OpenFlow version carrying this OXM code point (absent: an NXM code point, any version). */
  readonly since?: number;
}

export interface FieldDef {
  readonly name: string;
  readonly aliases: readonly string[];
  /** Width in bytes (tun_metadata: maximum, 124). */
  readonly bytes: number;
  /** Bits that may be nonzero (the least significant ones). */
  readonly usedBits: number;
  readonly format: FieldFormat;
  readonly maskable: boolean;
  readonly prereq: Prereq;
  readonly codePoints: readonly CodePoint[];
}

export const FIELDS: readonly FieldDef[] = [
  { name: 'conj_id', aliases: [], bytes: 4, usedBits: 32, format: 'dec', maskable: false, prereq: 'none', codePoints: [{ name: 'NXM_NX_CONJ_ID', cls: 0x0001, field: 37 }] },
  { name: 'tun_id', aliases: ['tunnel_id'], bytes: 8, usedBits: 64, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'OXM_OF_TUNNEL_ID', cls: 0x8000, field: 38, since: 0x04 },{ name: 'NXM_NX_TUN_ID', cls: 0x0001, field: 16 }] },
  { name: 'tun_src', aliases: [], bytes: 4, usedBits: 32, format: 'ipv4', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_TUN_IPV4_SRC', cls: 0x0001, field: 31 }] },
  { name: 'tun_dst', aliases: [], bytes: 4, usedBits: 32, format: 'ipv4', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_TUN_IPV4_DST', cls: 0x0001, field: 32 }] },
  { name: 'tun_ipv6_src', aliases: [], bytes: 16, usedBits: 128, format: 'ipv6', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_TUN_IPV6_SRC', cls: 0x0001, field: 109 }] },
  { name: 'tun_ipv6_dst', aliases: [], bytes: 16, usedBits: 128, format: 'ipv6', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_TUN_IPV6_DST', cls: 0x0001, field: 110 }] },
  { name: 'tun_gbp_id', aliases: [], bytes: 2, usedBits: 16, format: 'dec', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_TUN_GBP_ID', cls: 0x0001, field: 38 }] },
  { name: 'tun_gbp_flags', aliases: [], bytes: 1, usedBits: 8, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_TUN_GBP_FLAGS', cls: 0x0001, field: 39 }] },
  { name: 'tun_erspan_ver', aliases: [], bytes: 1, usedBits: 4, format: 'dec', maskable: true, prereq: 'none', codePoints: [{ name: 'NXOXM_ET_ERSPAN_VER', cls: 0xffff, experimenter: 0x00002320, field: 12 }] },
  { name: 'tun_erspan_idx', aliases: [], bytes: 4, usedBits: 20, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXOXM_ET_ERSPAN_IDX', cls: 0xffff, experimenter: 0x00002320, field: 11 }] },
  { name: 'tun_erspan_dir', aliases: [], bytes: 1, usedBits: 1, format: 'dec', maskable: true, prereq: 'none', codePoints: [{ name: 'NXOXM_ET_ERSPAN_DIR', cls: 0xffff, experimenter: 0x00002320, field: 13 }] },
  { name: 'tun_erspan_hwid', aliases: [], bytes: 1, usedBits: 6, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXOXM_ET_ERSPAN_HWID', cls: 0xffff, experimenter: 0x00002320, field: 14 }] },
  { name: 'tun_gtpu_flags', aliases: [], bytes: 1, usedBits: 8, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXOXM_ET_GTPU_FLAGS', cls: 0xffff, experimenter: 0x00002320, field: 15 }] },
  { name: 'tun_gtpu_msgtype', aliases: [], bytes: 1, usedBits: 8, format: 'dec', maskable: true, prereq: 'none', codePoints: [{ name: 'NXOXM_ET_GTPU_MSGTYPE', cls: 0xffff, experimenter: 0x00002320, field: 16 }] },
  { name: 'tun_metadata0', aliases: [], bytes: 124, usedBits: 992, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_TUN_METADATA0', cls: 0x0001, field: 40 }] },
  { name: 'tun_metadata1', aliases: [], bytes: 124, usedBits: 992, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_TUN_METADATA1', cls: 0x0001, field: 41 }] },
  { name: 'tun_metadata2', aliases: [], bytes: 124, usedBits: 992, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_TUN_METADATA2', cls: 0x0001, field: 42 }] },
  { name: 'tun_metadata3', aliases: [], bytes: 124, usedBits: 992, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_TUN_METADATA3', cls: 0x0001, field: 43 }] },
  { name: 'tun_metadata4', aliases: [], bytes: 124, usedBits: 992, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_TUN_METADATA4', cls: 0x0001, field: 44 }] },
  { name: 'tun_metadata5', aliases: [], bytes: 124, usedBits: 992, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_TUN_METADATA5', cls: 0x0001, field: 45 }] },
  { name: 'tun_metadata6', aliases: [], bytes: 124, usedBits: 992, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_TUN_METADATA6', cls: 0x0001, field: 46 }] },
  { name: 'tun_metadata7', aliases: [], bytes: 124, usedBits: 992, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_TUN_METADATA7', cls: 0x0001, field: 47 }] },
  { name: 'tun_metadata8', aliases: [], bytes: 124, usedBits: 992, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_TUN_METADATA8', cls: 0x0001, field: 48 }] },
  { name: 'tun_metadata9', aliases: [], bytes: 124, usedBits: 992, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_TUN_METADATA9', cls: 0x0001, field: 49 }] },
  { name: 'tun_metadata10', aliases: [], bytes: 124, usedBits: 992, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_TUN_METADATA10', cls: 0x0001, field: 50 }] },
  { name: 'tun_metadata11', aliases: [], bytes: 124, usedBits: 992, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_TUN_METADATA11', cls: 0x0001, field: 51 }] },
  { name: 'tun_metadata12', aliases: [], bytes: 124, usedBits: 992, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_TUN_METADATA12', cls: 0x0001, field: 52 }] },
  { name: 'tun_metadata13', aliases: [], bytes: 124, usedBits: 992, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_TUN_METADATA13', cls: 0x0001, field: 53 }] },
  { name: 'tun_metadata14', aliases: [], bytes: 124, usedBits: 992, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_TUN_METADATA14', cls: 0x0001, field: 54 }] },
  { name: 'tun_metadata15', aliases: [], bytes: 124, usedBits: 992, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_TUN_METADATA15', cls: 0x0001, field: 55 }] },
  { name: 'tun_metadata16', aliases: [], bytes: 124, usedBits: 992, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_TUN_METADATA16', cls: 0x0001, field: 56 }] },
  { name: 'tun_metadata17', aliases: [], bytes: 124, usedBits: 992, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_TUN_METADATA17', cls: 0x0001, field: 57 }] },
  { name: 'tun_metadata18', aliases: [], bytes: 124, usedBits: 992, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_TUN_METADATA18', cls: 0x0001, field: 58 }] },
  { name: 'tun_metadata19', aliases: [], bytes: 124, usedBits: 992, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_TUN_METADATA19', cls: 0x0001, field: 59 }] },
  { name: 'tun_metadata20', aliases: [], bytes: 124, usedBits: 992, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_TUN_METADATA20', cls: 0x0001, field: 60 }] },
  { name: 'tun_metadata21', aliases: [], bytes: 124, usedBits: 992, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_TUN_METADATA21', cls: 0x0001, field: 61 }] },
  { name: 'tun_metadata22', aliases: [], bytes: 124, usedBits: 992, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_TUN_METADATA22', cls: 0x0001, field: 62 }] },
  { name: 'tun_metadata23', aliases: [], bytes: 124, usedBits: 992, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_TUN_METADATA23', cls: 0x0001, field: 63 }] },
  { name: 'tun_metadata24', aliases: [], bytes: 124, usedBits: 992, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_TUN_METADATA24', cls: 0x0001, field: 64 }] },
  { name: 'tun_metadata25', aliases: [], bytes: 124, usedBits: 992, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_TUN_METADATA25', cls: 0x0001, field: 65 }] },
  { name: 'tun_metadata26', aliases: [], bytes: 124, usedBits: 992, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_TUN_METADATA26', cls: 0x0001, field: 66 }] },
  { name: 'tun_metadata27', aliases: [], bytes: 124, usedBits: 992, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_TUN_METADATA27', cls: 0x0001, field: 67 }] },
  { name: 'tun_metadata28', aliases: [], bytes: 124, usedBits: 992, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_TUN_METADATA28', cls: 0x0001, field: 68 }] },
  { name: 'tun_metadata29', aliases: [], bytes: 124, usedBits: 992, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_TUN_METADATA29', cls: 0x0001, field: 69 }] },
  { name: 'tun_metadata30', aliases: [], bytes: 124, usedBits: 992, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_TUN_METADATA30', cls: 0x0001, field: 70 }] },
  { name: 'tun_metadata31', aliases: [], bytes: 124, usedBits: 992, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_TUN_METADATA31', cls: 0x0001, field: 71 }] },
  { name: 'tun_metadata32', aliases: [], bytes: 124, usedBits: 992, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_TUN_METADATA32', cls: 0x0001, field: 72 }] },
  { name: 'tun_metadata33', aliases: [], bytes: 124, usedBits: 992, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_TUN_METADATA33', cls: 0x0001, field: 73 }] },
  { name: 'tun_metadata34', aliases: [], bytes: 124, usedBits: 992, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_TUN_METADATA34', cls: 0x0001, field: 74 }] },
  { name: 'tun_metadata35', aliases: [], bytes: 124, usedBits: 992, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_TUN_METADATA35', cls: 0x0001, field: 75 }] },
  { name: 'tun_metadata36', aliases: [], bytes: 124, usedBits: 992, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_TUN_METADATA36', cls: 0x0001, field: 76 }] },
  { name: 'tun_metadata37', aliases: [], bytes: 124, usedBits: 992, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_TUN_METADATA37', cls: 0x0001, field: 77 }] },
  { name: 'tun_metadata38', aliases: [], bytes: 124, usedBits: 992, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_TUN_METADATA38', cls: 0x0001, field: 78 }] },
  { name: 'tun_metadata39', aliases: [], bytes: 124, usedBits: 992, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_TUN_METADATA39', cls: 0x0001, field: 79 }] },
  { name: 'tun_metadata40', aliases: [], bytes: 124, usedBits: 992, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_TUN_METADATA40', cls: 0x0001, field: 80 }] },
  { name: 'tun_metadata41', aliases: [], bytes: 124, usedBits: 992, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_TUN_METADATA41', cls: 0x0001, field: 81 }] },
  { name: 'tun_metadata42', aliases: [], bytes: 124, usedBits: 992, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_TUN_METADATA42', cls: 0x0001, field: 82 }] },
  { name: 'tun_metadata43', aliases: [], bytes: 124, usedBits: 992, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_TUN_METADATA43', cls: 0x0001, field: 83 }] },
  { name: 'tun_metadata44', aliases: [], bytes: 124, usedBits: 992, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_TUN_METADATA44', cls: 0x0001, field: 84 }] },
  { name: 'tun_metadata45', aliases: [], bytes: 124, usedBits: 992, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_TUN_METADATA45', cls: 0x0001, field: 85 }] },
  { name: 'tun_metadata46', aliases: [], bytes: 124, usedBits: 992, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_TUN_METADATA46', cls: 0x0001, field: 86 }] },
  { name: 'tun_metadata47', aliases: [], bytes: 124, usedBits: 992, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_TUN_METADATA47', cls: 0x0001, field: 87 }] },
  { name: 'tun_metadata48', aliases: [], bytes: 124, usedBits: 992, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_TUN_METADATA48', cls: 0x0001, field: 88 }] },
  { name: 'tun_metadata49', aliases: [], bytes: 124, usedBits: 992, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_TUN_METADATA49', cls: 0x0001, field: 89 }] },
  { name: 'tun_metadata50', aliases: [], bytes: 124, usedBits: 992, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_TUN_METADATA50', cls: 0x0001, field: 90 }] },
  { name: 'tun_metadata51', aliases: [], bytes: 124, usedBits: 992, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_TUN_METADATA51', cls: 0x0001, field: 91 }] },
  { name: 'tun_metadata52', aliases: [], bytes: 124, usedBits: 992, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_TUN_METADATA52', cls: 0x0001, field: 92 }] },
  { name: 'tun_metadata53', aliases: [], bytes: 124, usedBits: 992, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_TUN_METADATA53', cls: 0x0001, field: 93 }] },
  { name: 'tun_metadata54', aliases: [], bytes: 124, usedBits: 992, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_TUN_METADATA54', cls: 0x0001, field: 94 }] },
  { name: 'tun_metadata55', aliases: [], bytes: 124, usedBits: 992, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_TUN_METADATA55', cls: 0x0001, field: 95 }] },
  { name: 'tun_metadata56', aliases: [], bytes: 124, usedBits: 992, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_TUN_METADATA56', cls: 0x0001, field: 96 }] },
  { name: 'tun_metadata57', aliases: [], bytes: 124, usedBits: 992, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_TUN_METADATA57', cls: 0x0001, field: 97 }] },
  { name: 'tun_metadata58', aliases: [], bytes: 124, usedBits: 992, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_TUN_METADATA58', cls: 0x0001, field: 98 }] },
  { name: 'tun_metadata59', aliases: [], bytes: 124, usedBits: 992, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_TUN_METADATA59', cls: 0x0001, field: 99 }] },
  { name: 'tun_metadata60', aliases: [], bytes: 124, usedBits: 992, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_TUN_METADATA60', cls: 0x0001, field: 100 }] },
  { name: 'tun_metadata61', aliases: [], bytes: 124, usedBits: 992, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_TUN_METADATA61', cls: 0x0001, field: 101 }] },
  { name: 'tun_metadata62', aliases: [], bytes: 124, usedBits: 992, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_TUN_METADATA62', cls: 0x0001, field: 102 }] },
  { name: 'tun_metadata63', aliases: [], bytes: 124, usedBits: 992, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_TUN_METADATA63', cls: 0x0001, field: 103 }] },
  { name: 'tun_flags', aliases: [], bytes: 2, usedBits: 1, format: 'tunFlags', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_TUN_FLAGS', cls: 0x0001, field: 104 }] },
  { name: 'in_port', aliases: [], bytes: 2, usedBits: 16, format: 'port10', maskable: false, prereq: 'none', codePoints: [{ name: 'NXM_OF_IN_PORT', cls: 0x0000, field: 0 }] },
  { name: 'in_port_oxm', aliases: [], bytes: 4, usedBits: 32, format: 'port', maskable: false, prereq: 'none', codePoints: [{ name: 'OXM_OF_IN_PORT', cls: 0x8000, field: 0, since: 0x03 }] },
  { name: 'pkt_mark', aliases: [], bytes: 4, usedBits: 32, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_PKT_MARK', cls: 0x0001, field: 33 }] },
  { name: 'actset_output', aliases: [], bytes: 4, usedBits: 32, format: 'port', maskable: false, prereq: 'none', codePoints: [{ name: 'ONFOXM_ET_ACTSET_OUTPUT', cls: 0xffff, experimenter: 0x4f4e4600, field: 43, since: 0x04 },{ name: 'OXM_OF_ACTSET_OUTPUT', cls: 0x8000, field: 43, since: 0x06 }] },
  { name: 'packet_type', aliases: [], bytes: 4, usedBits: 32, format: 'packetType', maskable: false, prereq: 'none', codePoints: [{ name: 'OXM_OF_PACKET_TYPE', cls: 0x8000, field: 44, since: 0x06 }] },
  { name: 'ct_state', aliases: [], bytes: 4, usedBits: 32, format: 'ctState', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_CT_STATE', cls: 0x0001, field: 105 }] },
  { name: 'ct_zone', aliases: [], bytes: 2, usedBits: 16, format: 'hex', maskable: false, prereq: 'none', codePoints: [{ name: 'NXM_NX_CT_ZONE', cls: 0x0001, field: 106 }] },
  { name: 'ct_mark', aliases: [], bytes: 4, usedBits: 32, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_CT_MARK', cls: 0x0001, field: 107 }] },
  { name: 'ct_label', aliases: [], bytes: 16, usedBits: 128, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_CT_LABEL', cls: 0x0001, field: 108 }] },
  { name: 'ct_nw_src', aliases: [], bytes: 4, usedBits: 32, format: 'ipv4', maskable: true, prereq: 'ct', codePoints: [{ name: 'NXM_NX_CT_NW_SRC', cls: 0x0001, field: 120 }] },
  { name: 'ct_nw_dst', aliases: [], bytes: 4, usedBits: 32, format: 'ipv4', maskable: true, prereq: 'ct', codePoints: [{ name: 'NXM_NX_CT_NW_DST', cls: 0x0001, field: 121 }] },
  { name: 'ct_ipv6_src', aliases: [], bytes: 16, usedBits: 128, format: 'ipv6', maskable: true, prereq: 'ct', codePoints: [{ name: 'NXM_NX_CT_IPV6_SRC', cls: 0x0001, field: 122 }] },
  { name: 'ct_ipv6_dst', aliases: [], bytes: 16, usedBits: 128, format: 'ipv6', maskable: true, prereq: 'ct', codePoints: [{ name: 'NXM_NX_CT_IPV6_DST', cls: 0x0001, field: 123 }] },
  { name: 'ct_nw_proto', aliases: [], bytes: 1, usedBits: 8, format: 'dec', maskable: false, prereq: 'ct', codePoints: [{ name: 'NXM_NX_CT_NW_PROTO', cls: 0x0001, field: 119 }] },
  { name: 'ct_tp_src', aliases: [], bytes: 2, usedBits: 16, format: 'dec', maskable: true, prereq: 'ct', codePoints: [{ name: 'NXM_NX_CT_TP_SRC', cls: 0x0001, field: 124 }] },
  { name: 'ct_tp_dst', aliases: [], bytes: 2, usedBits: 16, format: 'dec', maskable: true, prereq: 'ct', codePoints: [{ name: 'NXM_NX_CT_TP_DST', cls: 0x0001, field: 125 }] },
  { name: 'metadata', aliases: [], bytes: 8, usedBits: 64, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'OXM_OF_METADATA', cls: 0x8000, field: 2, since: 0x03 }] },
  { name: 'reg0', aliases: [], bytes: 4, usedBits: 32, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_REG0', cls: 0x0001, field: 0 }] },
  { name: 'reg1', aliases: [], bytes: 4, usedBits: 32, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_REG1', cls: 0x0001, field: 1 }] },
  { name: 'reg2', aliases: [], bytes: 4, usedBits: 32, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_REG2', cls: 0x0001, field: 2 }] },
  { name: 'reg3', aliases: [], bytes: 4, usedBits: 32, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_REG3', cls: 0x0001, field: 3 }] },
  { name: 'reg4', aliases: [], bytes: 4, usedBits: 32, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_REG4', cls: 0x0001, field: 4 }] },
  { name: 'reg5', aliases: [], bytes: 4, usedBits: 32, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_REG5', cls: 0x0001, field: 5 }] },
  { name: 'reg6', aliases: [], bytes: 4, usedBits: 32, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_REG6', cls: 0x0001, field: 6 }] },
  { name: 'reg7', aliases: [], bytes: 4, usedBits: 32, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_REG7', cls: 0x0001, field: 7 }] },
  { name: 'reg8', aliases: [], bytes: 4, usedBits: 32, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_REG8', cls: 0x0001, field: 8 }] },
  { name: 'reg9', aliases: [], bytes: 4, usedBits: 32, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_REG9', cls: 0x0001, field: 9 }] },
  { name: 'reg10', aliases: [], bytes: 4, usedBits: 32, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_REG10', cls: 0x0001, field: 10 }] },
  { name: 'reg11', aliases: [], bytes: 4, usedBits: 32, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_REG11', cls: 0x0001, field: 11 }] },
  { name: 'reg12', aliases: [], bytes: 4, usedBits: 32, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_REG12', cls: 0x0001, field: 12 }] },
  { name: 'reg13', aliases: [], bytes: 4, usedBits: 32, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_REG13', cls: 0x0001, field: 13 }] },
  { name: 'reg14', aliases: [], bytes: 4, usedBits: 32, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_REG14', cls: 0x0001, field: 14 }] },
  { name: 'reg15', aliases: [], bytes: 4, usedBits: 32, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_REG15', cls: 0x0001, field: 15 }] },
  { name: 'xreg0', aliases: [], bytes: 8, usedBits: 64, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'OXM_OF_PKT_REG0', cls: 0x8001, field: 0, since: 0x04 }] },
  { name: 'xreg1', aliases: [], bytes: 8, usedBits: 64, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'OXM_OF_PKT_REG1', cls: 0x8001, field: 1, since: 0x04 }] },
  { name: 'xreg2', aliases: [], bytes: 8, usedBits: 64, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'OXM_OF_PKT_REG2', cls: 0x8001, field: 2, since: 0x04 }] },
  { name: 'xreg3', aliases: [], bytes: 8, usedBits: 64, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'OXM_OF_PKT_REG3', cls: 0x8001, field: 3, since: 0x04 }] },
  { name: 'xreg4', aliases: [], bytes: 8, usedBits: 64, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'OXM_OF_PKT_REG4', cls: 0x8001, field: 4, since: 0x04 }] },
  { name: 'xreg5', aliases: [], bytes: 8, usedBits: 64, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'OXM_OF_PKT_REG5', cls: 0x8001, field: 5, since: 0x04 }] },
  { name: 'xreg6', aliases: [], bytes: 8, usedBits: 64, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'OXM_OF_PKT_REG6', cls: 0x8001, field: 6, since: 0x04 }] },
  { name: 'xreg7', aliases: [], bytes: 8, usedBits: 64, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'OXM_OF_PKT_REG7', cls: 0x8001, field: 7, since: 0x04 }] },
  { name: 'xxreg0', aliases: [], bytes: 16, usedBits: 128, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_XXREG0', cls: 0x0001, field: 111 }] },
  { name: 'xxreg1', aliases: [], bytes: 16, usedBits: 128, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_XXREG1', cls: 0x0001, field: 112 }] },
  { name: 'xxreg2', aliases: [], bytes: 16, usedBits: 128, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_XXREG2', cls: 0x0001, field: 113 }] },
  { name: 'xxreg3', aliases: [], bytes: 16, usedBits: 128, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_XXREG3', cls: 0x0001, field: 114 }] },
  { name: 'eth_src', aliases: ['dl_src'], bytes: 6, usedBits: 48, format: 'eth', maskable: true, prereq: 'none', codePoints: [{ name: 'OXM_OF_ETH_SRC', cls: 0x8000, field: 4, since: 0x03 },{ name: 'NXM_OF_ETH_SRC', cls: 0x0000, field: 2 }] },
  { name: 'eth_dst', aliases: ['dl_dst'], bytes: 6, usedBits: 48, format: 'eth', maskable: true, prereq: 'none', codePoints: [{ name: 'OXM_OF_ETH_DST', cls: 0x8000, field: 3, since: 0x03 },{ name: 'NXM_OF_ETH_DST', cls: 0x0000, field: 1 }] },
  { name: 'eth_type', aliases: ['dl_type'], bytes: 2, usedBits: 16, format: 'hex', maskable: false, prereq: 'none', codePoints: [{ name: 'OXM_OF_ETH_TYPE', cls: 0x8000, field: 5, since: 0x03 },{ name: 'NXM_OF_ETH_TYPE', cls: 0x0000, field: 3 }] },
  { name: 'vlan_vid', aliases: [], bytes: 2, usedBits: 13, format: 'dec', maskable: true, prereq: 'none', codePoints: [{ name: 'OXM_OF_VLAN_VID', cls: 0x8000, field: 6, since: 0x03 }] },
  { name: 'vlan_pcp', aliases: [], bytes: 1, usedBits: 3, format: 'dec', maskable: false, prereq: 'vlan', codePoints: [{ name: 'OXM_OF_VLAN_PCP', cls: 0x8000, field: 7, since: 0x03 }] },
  { name: 'vlan_tci', aliases: [], bytes: 2, usedBits: 16, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_OF_VLAN_TCI', cls: 0x0000, field: 4 }] },
  { name: 'mpls_label', aliases: [], bytes: 4, usedBits: 20, format: 'dec', maskable: false, prereq: 'mpls', codePoints: [{ name: 'OXM_OF_MPLS_LABEL', cls: 0x8000, field: 34, since: 0x03 }] },
  { name: 'mpls_tc', aliases: [], bytes: 1, usedBits: 3, format: 'dec', maskable: false, prereq: 'mpls', codePoints: [{ name: 'OXM_OF_MPLS_TC', cls: 0x8000, field: 35, since: 0x03 }] },
  { name: 'mpls_bos', aliases: [], bytes: 1, usedBits: 1, format: 'dec', maskable: false, prereq: 'mpls', codePoints: [{ name: 'OXM_OF_MPLS_BOS', cls: 0x8000, field: 36, since: 0x04 }] },
  { name: 'mpls_ttl', aliases: [], bytes: 1, usedBits: 8, format: 'dec', maskable: false, prereq: 'mpls', codePoints: [{ name: 'NXM_NX_MPLS_TTL', cls: 0x0001, field: 30 }] },
  { name: 'ip_src', aliases: ['nw_src'], bytes: 4, usedBits: 32, format: 'ipv4', maskable: true, prereq: 'ipv4', codePoints: [{ name: 'OXM_OF_IPV4_SRC', cls: 0x8000, field: 11, since: 0x03 },{ name: 'NXM_OF_IP_SRC', cls: 0x0000, field: 7 }] },
  { name: 'ip_dst', aliases: ['nw_dst'], bytes: 4, usedBits: 32, format: 'ipv4', maskable: true, prereq: 'ipv4', codePoints: [{ name: 'OXM_OF_IPV4_DST', cls: 0x8000, field: 12, since: 0x03 },{ name: 'NXM_OF_IP_DST', cls: 0x0000, field: 8 }] },
  { name: 'ipv6_src', aliases: [], bytes: 16, usedBits: 128, format: 'ipv6', maskable: true, prereq: 'ipv6', codePoints: [{ name: 'OXM_OF_IPV6_SRC', cls: 0x8000, field: 26, since: 0x03 },{ name: 'NXM_NX_IPV6_SRC', cls: 0x0001, field: 19 }] },
  { name: 'ipv6_dst', aliases: [], bytes: 16, usedBits: 128, format: 'ipv6', maskable: true, prereq: 'ipv6', codePoints: [{ name: 'OXM_OF_IPV6_DST', cls: 0x8000, field: 27, since: 0x03 },{ name: 'NXM_NX_IPV6_DST', cls: 0x0001, field: 20 }] },
  { name: 'ipv6_label', aliases: [], bytes: 4, usedBits: 20, format: 'hex', maskable: true, prereq: 'ipv6', codePoints: [{ name: 'OXM_OF_IPV6_FLABEL', cls: 0x8000, field: 28, since: 0x03 },{ name: 'NXM_NX_IPV6_LABEL', cls: 0x0001, field: 27 }] },
  { name: 'nw_proto', aliases: ['ip_proto'], bytes: 1, usedBits: 8, format: 'dec', maskable: false, prereq: 'ip', codePoints: [{ name: 'OXM_OF_IP_PROTO', cls: 0x8000, field: 10, since: 0x03 },{ name: 'NXM_OF_IP_PROTO', cls: 0x0000, field: 6 }] },
  { name: 'nw_ttl', aliases: [], bytes: 1, usedBits: 8, format: 'dec', maskable: false, prereq: 'ip', codePoints: [{ name: 'NXM_NX_IP_TTL', cls: 0x0001, field: 29 }] },
  { name: 'ip_frag', aliases: ['nw_frag'], bytes: 1, usedBits: 2, format: 'frag', maskable: true, prereq: 'ip', codePoints: [{ name: 'NXM_NX_IP_FRAG', cls: 0x0001, field: 26 }] },
  { name: 'nw_tos', aliases: [], bytes: 1, usedBits: 8, format: 'dec', maskable: false, prereq: 'ip', codePoints: [{ name: 'NXM_OF_IP_TOS', cls: 0x0000, field: 5 }] },
  { name: 'ip_dscp', aliases: [], bytes: 1, usedBits: 6, format: 'dec', maskable: false, prereq: 'ip', codePoints: [{ name: 'OXM_OF_IP_DSCP', cls: 0x8000, field: 8, since: 0x03 }] },
  { name: 'nw_ecn', aliases: ['ip_ecn'], bytes: 1, usedBits: 2, format: 'dec', maskable: false, prereq: 'ip', codePoints: [{ name: 'OXM_OF_IP_ECN', cls: 0x8000, field: 9, since: 0x03 },{ name: 'NXM_NX_IP_ECN', cls: 0x0001, field: 28 }] },
  { name: 'arp_op', aliases: [], bytes: 2, usedBits: 16, format: 'dec', maskable: false, prereq: 'arp', codePoints: [{ name: 'OXM_OF_ARP_OP', cls: 0x8000, field: 21, since: 0x03 },{ name: 'NXM_OF_ARP_OP', cls: 0x0000, field: 15 }] },
  { name: 'arp_spa', aliases: [], bytes: 4, usedBits: 32, format: 'ipv4', maskable: true, prereq: 'arp', codePoints: [{ name: 'OXM_OF_ARP_SPA', cls: 0x8000, field: 22, since: 0x03 },{ name: 'NXM_OF_ARP_SPA', cls: 0x0000, field: 16 }] },
  { name: 'arp_tpa', aliases: [], bytes: 4, usedBits: 32, format: 'ipv4', maskable: true, prereq: 'arp', codePoints: [{ name: 'OXM_OF_ARP_TPA', cls: 0x8000, field: 23, since: 0x03 },{ name: 'NXM_OF_ARP_TPA', cls: 0x0000, field: 17 }] },
  { name: 'arp_sha', aliases: [], bytes: 6, usedBits: 48, format: 'eth', maskable: true, prereq: 'arp', codePoints: [{ name: 'OXM_OF_ARP_SHA', cls: 0x8000, field: 24, since: 0x03 },{ name: 'NXM_NX_ARP_SHA', cls: 0x0001, field: 17 }] },
  { name: 'arp_tha', aliases: [], bytes: 6, usedBits: 48, format: 'eth', maskable: true, prereq: 'arp', codePoints: [{ name: 'OXM_OF_ARP_THA', cls: 0x8000, field: 25, since: 0x03 },{ name: 'NXM_NX_ARP_THA', cls: 0x0001, field: 18 }] },
  { name: 'nsh_flags', aliases: [], bytes: 1, usedBits: 8, format: 'dec', maskable: true, prereq: 'nsh', codePoints: [{ name: 'NXOXM_NSH_FLAGS', cls: 0xffff, experimenter: 0x005ad650, field: 1 }] },
  { name: 'nsh_ttl', aliases: [], bytes: 1, usedBits: 8, format: 'dec', maskable: false, prereq: 'nsh', codePoints: [{ name: 'NXOXM_NSH_TTL', cls: 0xffff, experimenter: 0x005ad650, field: 10 }] },
  { name: 'nsh_mdtype', aliases: [], bytes: 1, usedBits: 8, format: 'dec', maskable: false, prereq: 'nsh', codePoints: [{ name: 'NXOXM_NSH_MDTYPE', cls: 0xffff, experimenter: 0x005ad650, field: 2 }] },
  { name: 'nsh_np', aliases: [], bytes: 1, usedBits: 8, format: 'dec', maskable: false, prereq: 'nsh', codePoints: [{ name: 'NXOXM_NSH_NP', cls: 0xffff, experimenter: 0x005ad650, field: 3 }] },
  { name: 'nsh_spi', aliases: ['nsp'], bytes: 4, usedBits: 24, format: 'hex', maskable: false, prereq: 'nsh', codePoints: [{ name: 'NXOXM_NSH_SPI', cls: 0xffff, experimenter: 0x005ad650, field: 4 }] },
  { name: 'nsh_si', aliases: ['nsi'], bytes: 1, usedBits: 8, format: 'dec', maskable: false, prereq: 'nsh', codePoints: [{ name: 'NXOXM_NSH_SI', cls: 0xffff, experimenter: 0x005ad650, field: 5 }] },
  { name: 'nsh_c1', aliases: ['nshc1'], bytes: 4, usedBits: 32, format: 'hex', maskable: true, prereq: 'nsh', codePoints: [{ name: 'NXOXM_NSH_C1', cls: 0xffff, experimenter: 0x005ad650, field: 6 }] },
  { name: 'nsh_c2', aliases: ['nshc2'], bytes: 4, usedBits: 32, format: 'hex', maskable: true, prereq: 'nsh', codePoints: [{ name: 'NXOXM_NSH_C2', cls: 0xffff, experimenter: 0x005ad650, field: 7 }] },
  { name: 'nsh_c3', aliases: ['nshc3'], bytes: 4, usedBits: 32, format: 'hex', maskable: true, prereq: 'nsh', codePoints: [{ name: 'NXOXM_NSH_C3', cls: 0xffff, experimenter: 0x005ad650, field: 8 }] },
  { name: 'nsh_c4', aliases: ['nshc4'], bytes: 4, usedBits: 32, format: 'hex', maskable: true, prereq: 'nsh', codePoints: [{ name: 'NXOXM_NSH_C4', cls: 0xffff, experimenter: 0x005ad650, field: 9 }] },
  { name: 'tcp_src', aliases: ['tp_src'], bytes: 2, usedBits: 16, format: 'dec', maskable: true, prereq: 'tcp', codePoints: [{ name: 'OXM_OF_TCP_SRC', cls: 0x8000, field: 13, since: 0x03 },{ name: 'NXM_OF_TCP_SRC', cls: 0x0000, field: 9 }] },
  { name: 'tcp_dst', aliases: ['tp_dst'], bytes: 2, usedBits: 16, format: 'dec', maskable: true, prereq: 'tcp', codePoints: [{ name: 'OXM_OF_TCP_DST', cls: 0x8000, field: 14, since: 0x03 },{ name: 'NXM_OF_TCP_DST', cls: 0x0000, field: 10 }] },
  { name: 'tcp_flags', aliases: [], bytes: 2, usedBits: 12, format: 'tcpFlags', maskable: true, prereq: 'tcp', codePoints: [{ name: 'ONFOXM_ET_TCP_FLAGS', cls: 0xffff, experimenter: 0x4f4e4600, field: 42, since: 0x04 },{ name: 'OXM_OF_TCP_FLAGS', cls: 0x8000, field: 42, since: 0x06 },{ name: 'NXM_NX_TCP_FLAGS', cls: 0x0001, field: 34 }] },
  { name: 'udp_src', aliases: [], bytes: 2, usedBits: 16, format: 'dec', maskable: true, prereq: 'udp', codePoints: [{ name: 'OXM_OF_UDP_SRC', cls: 0x8000, field: 15, since: 0x03 },{ name: 'NXM_OF_UDP_SRC', cls: 0x0000, field: 11 }] },
  { name: 'udp_dst', aliases: [], bytes: 2, usedBits: 16, format: 'dec', maskable: true, prereq: 'udp', codePoints: [{ name: 'OXM_OF_UDP_DST', cls: 0x8000, field: 16, since: 0x03 },{ name: 'NXM_OF_UDP_DST', cls: 0x0000, field: 12 }] },
  { name: 'sctp_src', aliases: [], bytes: 2, usedBits: 16, format: 'dec', maskable: true, prereq: 'sctp', codePoints: [{ name: 'OXM_OF_SCTP_SRC', cls: 0x8000, field: 17, since: 0x03 }] },
  { name: 'sctp_dst', aliases: [], bytes: 2, usedBits: 16, format: 'dec', maskable: true, prereq: 'sctp', codePoints: [{ name: 'OXM_OF_SCTP_DST', cls: 0x8000, field: 18, since: 0x03 }] },
  { name: 'icmp_type', aliases: [], bytes: 1, usedBits: 8, format: 'dec', maskable: false, prereq: 'icmp', codePoints: [{ name: 'OXM_OF_ICMPV4_TYPE', cls: 0x8000, field: 19, since: 0x03 },{ name: 'NXM_OF_ICMP_TYPE', cls: 0x0000, field: 13 }] },
  { name: 'icmp_code', aliases: [], bytes: 1, usedBits: 8, format: 'dec', maskable: false, prereq: 'icmp', codePoints: [{ name: 'OXM_OF_ICMPV4_CODE', cls: 0x8000, field: 20, since: 0x03 },{ name: 'NXM_OF_ICMP_CODE', cls: 0x0000, field: 14 }] },
  { name: 'icmpv6_type', aliases: [], bytes: 1, usedBits: 8, format: 'dec', maskable: false, prereq: 'icmpv6', codePoints: [{ name: 'OXM_OF_ICMPV6_TYPE', cls: 0x8000, field: 29, since: 0x03 },{ name: 'NXM_NX_ICMPV6_TYPE', cls: 0x0001, field: 21 }] },
  { name: 'icmpv6_code', aliases: [], bytes: 1, usedBits: 8, format: 'dec', maskable: false, prereq: 'icmpv6', codePoints: [{ name: 'OXM_OF_ICMPV6_CODE', cls: 0x8000, field: 30, since: 0x03 },{ name: 'NXM_NX_ICMPV6_CODE', cls: 0x0001, field: 22 }] },
  { name: 'nd_target', aliases: [], bytes: 16, usedBits: 128, format: 'ipv6', maskable: true, prereq: 'nd', codePoints: [{ name: 'OXM_OF_IPV6_ND_TARGET', cls: 0x8000, field: 31, since: 0x03 },{ name: 'NXM_NX_ND_TARGET', cls: 0x0001, field: 23 }] },
  { name: 'nd_sll', aliases: [], bytes: 6, usedBits: 48, format: 'eth', maskable: true, prereq: 'ndSolicit', codePoints: [{ name: 'OXM_OF_IPV6_ND_SLL', cls: 0x8000, field: 32, since: 0x03 },{ name: 'NXM_NX_ND_SLL', cls: 0x0001, field: 24 }] },
  { name: 'nd_tll', aliases: [], bytes: 6, usedBits: 48, format: 'eth', maskable: true, prereq: 'ndAdvert', codePoints: [{ name: 'OXM_OF_IPV6_ND_TLL', cls: 0x8000, field: 33, since: 0x03 },{ name: 'NXM_NX_ND_TLL', cls: 0x0001, field: 25 }] },
  { name: 'nd_reserved', aliases: [], bytes: 4, usedBits: 32, format: 'dec', maskable: false, prereq: 'nd', codePoints: [{ name: 'ERICOXM_OF_ICMPV6_ND_RESERVED', cls: 0x1000, field: 1 }] },
  { name: 'nd_options_type', aliases: [], bytes: 1, usedBits: 8, format: 'dec', maskable: false, prereq: 'nd', codePoints: [{ name: 'ERICOXM_OF_ICMPV6_ND_OPTIONS_TYPE', cls: 0x1000, field: 2 }] },
  { name: 'dp_hash', aliases: [], bytes: 4, usedBits: 32, format: 'hex', maskable: true, prereq: 'none', codePoints: [{ name: 'NXM_NX_DP_HASH', cls: 0x0001, field: 35 }] },
  { name: 'recirc_id', aliases: [], bytes: 4, usedBits: 32, format: 'hex', maskable: false, prereq: 'none', codePoints: [{ name: 'NXM_NX_RECIRC_ID', cls: 0x0001, field: 36 }] },
  { name: 'in_phy_port', aliases: [], bytes: 4, usedBits: 32, format: 'port', maskable: false, prereq: 'none', codePoints: [{ name: 'OXM_OF_IN_PHY_PORT', cls: 0x8000, field: 1, since: 0x03 }] },
  { name: 'pbb_isid', aliases: [], bytes: 3, usedBits: 24, format: 'dec', maskable: true, prereq: 'none', codePoints: [{ name: 'OXM_OF_PBB_ISID', cls: 0x8000, field: 37, since: 0x04 }] },
  { name: 'ipv6_exthdr', aliases: [], bytes: 2, usedBits: 9, format: 'hex', maskable: true, prereq: 'ipv6', codePoints: [{ name: 'OXM_OF_IPV6_EXTHDR', cls: 0x8000, field: 39, since: 0x04 }] },
  { name: 'pbb_uca', aliases: [], bytes: 1, usedBits: 1, format: 'dec', maskable: false, prereq: 'none', codePoints: [{ name: 'OXM_OF_PBB_UCA', cls: 0x8000, field: 41, since: 0x05 }] },
];

const byName = new Map<string, FieldDef>();
for (const f of FIELDS) {
  byName.set(f.name, f);
  for (const a of f.aliases) byName.set(a, f);
}
/** A code point hit: the field, its code point, its index in FIELDS and whether it is variable-width. */
export interface CodePointHit {
  readonly def: FieldDef;
  readonly cp: CodePoint;
  readonly index: number;
  readonly variable: boolean;
}
const byCodePoint = new Map<number, CodePointHit>();
const byCpName = new Map<string, { def: FieldDef; cp: CodePoint }>();
/** Numeric key: class (16 bits) and field (7 bits), plus the experimenter id for class 0xffff. */
function cpKey(cls: number, field: number, experimenter: number | undefined): number {
  const base = cls * 128 + field;
  return cls === 0xffff ? base * 0x100000000 + (experimenter ?? 0) : base;
}

/** Position of each field in FIELDS (for allocation-free duplicate and prerequisite checks). */
export const FIELD_INDEX: ReadonlyMap<string, number> = new Map(FIELDS.map((f, i) => [f.name, i]));
for (const [index, def] of FIELDS.entries()) {
  for (const cp of def.codePoints) {
    byCodePoint.set(cpKey(cp.cls, cp.field, cp.experimenter), { def, cp, index, variable: def.name.startsWith('tun_metadata') });
    byCpName.set(cp.name, { def, cp });
  }
}

/** The field with this canonical name or alias (`dl_src` → `eth_src`), or undefined. */
export function fieldByName(name: string): FieldDef | undefined {
  return byName.get(name);
}

/** The field and code point for a wire class / field number (and experimenter id for class 0xffff). */
export function fieldByCode(cls: number, field: number, experimenter?: number): CodePointHit | undefined {
  return byCodePoint.get(cpKey(cls, field, experimenter));
}

/** The field for an NXM/OXM spec name such as `NXM_NX_REG0` or `OXM_OF_IPV4_SRC`. */
export function fieldByCodePointName(name: string): { def: FieldDef; cp: CodePoint } | undefined {
  return byCpName.get(name);
}

/**
 * The code point an encoder uses for a field in a given OpenFlow version when the match does not
 * say: the standard OXM code point if the version has it, else an experimenter OXM the version has,
 * else the NXM one. `version` 0x01 means "prefer NXM" (NXM-only contexts such as NXT_* messages).
 */
export function defaultCodePoint(def: FieldDef, version: number): CodePoint | undefined {
  let best: CodePoint | undefined;
  if (version >= 0x03) {
    for (const cp of def.codePoints) {
      if (cp.since === undefined || cp.since > version) continue;
      if (cp.cls !== OFPXMC.EXPERIMENTER) return cp;
      best ??= cp;
    }
    if (best) return best;
  }
  for (const cp of def.codePoints) if (cp.since === undefined) return cp;
  return def.codePoints[0];
}

/** Fields that actions may not write (ovs-fields(7) "Access: read-only"). */
export const READ_ONLY_FIELDS: ReadonlySet<string> = new Set([
  'conj_id', 'tun_gtpu_flags', 'tun_gtpu_msgtype', 'actset_output', 'packet_type', 'ct_state', 'ct_zone',
  'ct_nw_src', 'ct_nw_dst', 'ct_ipv6_src', 'ct_ipv6_dst', 'ct_nw_proto', 'ct_tp_src', 'ct_tp_dst', 'eth_type',
  'mpls_bos', 'nw_proto', 'ip_frag', 'nsh_mdtype', 'nsh_np', 'tcp_flags', 'dp_hash', 'recirc_id', 'in_phy_port',
]);
