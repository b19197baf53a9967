/**
 * The match as OVS puts it on the wire (lib/nx-match.c `nx_put_raw`, OVS 3.1): OVS first folds a
 * match into its `struct flow` + wildcards, then writes the fields back in one fixed order, so the
 * bytes depend on neither the order nor the spelling of the flow text. This module does the same
 * fold and order for an OXM match (OpenFlow 1.2+) and for an NXM match (NXT_FLOW_MOD in 1.0):
 *
 *  - a field with an all-zero mask is left out (it matches everything; tun_metadata excepted, a
 *    wildcarded tun_metadata still says the option is present), an all-ones mask is an exact match;
 *  - fields that share one slot of the flow are merged: nw_tos / ip_dscp (written as OXM_OF_IP_DSCP
 *    in OXM, NXM_OF_IP_TOS in NXM), reg / xreg / xxreg (32-bit regs before OpenFlow 1.5, 64-bit
 *    xregs — OXM_OF_PKT_REG — in 1.5), in_port (32-bit OXM / 16-bit NXM), vlan_tci / vlan_vid /
 *    vlan_pcp (vlan_vid + vlan_pcp in OXM, vlan_tci in NXM), ip_frag (mask 3 is exact);
 *  - fields OVS only writes under their protocol (L4 by nw_proto, ND by ICMPv6 type, MPLS by
 *    eth_type) follow that rule; the prerequisites themselves were checked by the parser.
 * Fields OVS has no slot for (unknown headers, in_phy_port, pbb_*, ipv6_exthdr) keep their order
 * after the others.
 */
import type { Match, MatchField } from './types.js';
import { fieldByName } from './fields.js';
import { hasEthernet } from './usable.js';

const hex = (b: Uint8Array): bigint => {
  let v = 0n;
  for (const x of b) v = (v << 8n) | BigInt(x);
  return v;
};
const bytesOf = (v: bigint, n: number): Uint8Array => {
  const out = new Uint8Array(n);
  for (let i = n - 1; i >= 0; i--) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return out;
};
const ones = (n: number): bigint => (1n << BigInt(n * 8)) - 1n;

/** A field from a value and mask (masked value; no mask when all ones; undefined when all zero). */
function put(field: string, bytes: number, value: bigint, mask: bigint): MatchField | undefined {
  if (mask === 0n) return undefined;
  const v = bytesOf(value & mask, bytes);
  return mask === ones(bytes) ? { field, value: v } : { field, value: v, mask: bytesOf(mask, bytes) };
}

/** The order of nx_put_raw, by field; L3/L4 fields are placed by `l3Order`. */
const HEAD = [
  'packet_type',
  'dp_hash',
  'recirc_id',
  'conj_id',
  'in_port',
  'actset_output',
  'eth_src',
  'eth_dst',
  'eth_type',
];
const TAIL = [
  'tun_id',
  'tun_flags',
  'tun_src',
  'tun_dst',
  'tun_ipv6_src',
  'tun_ipv6_dst',
  'tun_gbp_id',
  'tun_gbp_flags',
  ...Array.from({ length: 64 }, (_, i) => `tun_metadata${i}`),
  'tun_erspan_idx',
  'tun_erspan_ver',
  'tun_erspan_dir',
  'tun_erspan_hwid',
  'tun_gtpu_flags',
  'tun_gtpu_msgtype',
  'nsh_flags',
  'nsh_ttl',
  'nsh_mdtype',
  'nsh_np',
  'nsh_spi',
  'nsh_si',
  'nsh_c1',
  'nsh_c2',
  'nsh_c3',
  'nsh_c4',
  'regs',
  'pkt_mark',
  'ct_state',
  'ct_zone',
  'ct_mark',
  'ct_label',
  'ct_nw_src',
  'ct_ipv6_src',
  'ct_nw_dst',
  'ct_ipv6_dst',
  'ct_nw_proto',
  'ct_tp_src',
  'ct_tp_dst',
  'metadata',
];
const REG_FIELD = /^(x{0,2})reg(\d+)$/;
/** Fields folded into a shared slot, placed by code below rather than by name. */
const FOLDED = new Set(['in_port', 'in_port_oxm', 'vlan_tci', 'vlan_vid', 'vlan_pcp', 'nw_tos', 'ip_dscp', 'ip_frag']);

/**
 * The fields of `m` folded and ordered as OVS writes them (see the module comment). `version` 1
 * means the NXM form (NXT_FLOW_MOD), 3..6 the OXM of that OpenFlow version.
 *
 * @example
 * ovsWireMatch(parseMatch('reg0=1,ip,metadata=2', 4), 4) // eth_type, reg0, metadata
 */
export function ovsWireMatch(m: Match, version: number): Match {
  const oxm = version >= 0x03;
  const by = new Map<string, MatchField>();
  const regV = new Array<bigint>(16).fill(0n);
  const regM = new Array<bigint>(16).fill(0n);
  let haveRegs = false;
  const extra: MatchField[] = [];
  for (const f of m) {
    const r = REG_FIELD.exec(f.field);
    if (r && f.value.length === [4, 8, 16][r[1]!.length]) {
      // regs: reg N is 32 bits; xreg N is reg 2N (high) and 2N+1; xxreg N is reg 4N (high) .. 4N+3
      const words = f.value.length / 4;
      const base = Number(r[2]) * words;
      const v = hex(f.value);
      const mk = f.mask ? hex(f.mask) : ones(f.value.length);
      for (let i = 0; i < words; i++) {
        const sh = BigInt(32 * (words - 1 - i));
        if (base + i < 16) {
          regV[base + i] = (v >> sh) & 0xffffffffn;
          regM[base + i] = (mk >> sh) & 0xffffffffn;
        }
      }
      haveRegs = true;
      continue;
    }
    if (f.field === 'unknown' || !fieldByName(f.field)) {
      extra.push(f);
      continue;
    }
    by.set(f.field, f);
  }
  const out: MatchField[] = [];
  const push = (f: MatchField | undefined): void => {
    if (f) out.push(f);
  };
  const take = (name: string): void => {
    const f = by.get(name);
    if (!f) return;
    if (f.mask === undefined) out.push(f);
    else if (name.startsWith('tun_metadata')) out.push(f);
    else push(put(f.field, f.value.length, hex(f.value), hex(f.mask)));
  };
  const num = (name: string): number | undefined => {
    const f = by.get(name);
    return f && !f.mask ? Number(hex(f.value)) : undefined;
  };

  for (const name of HEAD) {
    if (name === 'in_port') {
      const p16 = by.get('in_port');
      const p32 = by.get('in_port_oxm');
      if (p16 || p32) {
        let port = Number(hex((p32 ?? p16)!.value));
        if (oxm && !p32) port = port >= 0xff00 ? (port + 0xffff0000) >>> 0 : port;
        if (!oxm && p32 && !p16) port = port >= 0xffffff00 ? port - 0xffff0000 : port;
        out.push(
          oxm
            ? { field: 'in_port_oxm', value: bytesOf(BigInt(port), 4) }
            : { field: 'in_port', value: bytesOf(BigInt(port), 2) },
        );
      }
      continue;
    }
    take(name);
  }
  // 802.1Q: vlan_tci (TCI with the CFI bit as "tag present") folded from whichever fields were given
  const tciField = by.get('vlan_tci');
  const vid = by.get('vlan_vid');
  const pcp = by.get('vlan_pcp');
  if (tciField || vid || pcp) {
    let tci = 0n;
    let tmask = 0n;
    if (tciField) {
      tci = hex(tciField.value);
      tmask = tciField.mask ? hex(tciField.mask) : 0xffffn;
    }
    if (vid) {
      const vm = (vid.mask ? hex(vid.mask) : 0x1fffn) & 0x1fffn;
      tci = (tci & ~vm) | (hex(vid.value) & vm);
      tmask |= vm;
    }
    if (pcp) {
      // match.c match_set_vlan_pcp also sets the CFI bit; with a VID given, that bit is the VID's
      const cfi = vid || tciField ? 0n : 0x1000n;
      tci = (tci & ~0xe000n) | cfi | ((hex(pcp.value) & 7n) << 13n);
      tmask |= 0xe000n | cfi;
    }
    tci &= tmask;
    if (oxm) {
      const vm = tmask & 0x1fffn;
      const vv = tci & 0x1fffn;
      push(vm === 0x1fffn ? { field: 'vlan_vid', value: bytesOf(vv, 2) } : put('vlan_vid', 2, vv, vm));
      if (vv !== 0n && (tmask & 0xe000n) !== 0n)
        out.push({ field: 'vlan_pcp', value: Uint8Array.of(Number(tci >> 13n) & 7) });
    } else {
      push(put('vlan_tci', 2, tci, tmask));
    }
  }
  const ethType = num('eth_type');
  if (ethType === 0x8847 || ethType === 0x8848)
    for (const n of ['mpls_tc', 'mpls_bos', 'mpls_ttl', 'mpls_label']) take(n);
  if (ethType === 0x0800 || ethType === 0x86dd) {
    if (ethType === 0x0800) {
      take('ip_src');
      take('ip_dst');
    } else {
      take('ipv6_src');
      take('ipv6_dst');
    }
    const frag = by.get('ip_frag');
    if (frag) {
      const fm = (frag.mask ? frag.mask[0]! : 0xff) & 3;
      push(put('ip_frag', 1, BigInt(frag.value[0]! & fm), fm === 3 ? 0xffn : BigInt(fm)));
    }
    const tos = by.get('nw_tos');
    const dscp = by.get('ip_dscp');
    if (tos || dscp) {
      // both set the DSCP bits of one nw_tos: the later one wins
      const useDscp = dscp !== undefined && (tos === undefined || m.indexOf(dscp) > m.indexOf(tos));
      const d = useDscp ? dscp.value[0]! & 0x3f : tos!.value[0]! >>> 2;
      out.push(oxm ? { field: 'ip_dscp', value: Uint8Array.of(d) } : { field: 'nw_tos', value: Uint8Array.of(d << 2) });
    }
    take('nw_ecn');
    take('nw_ttl');
    const label = by.get('ipv6_label');
    if (label) {
      // meta-flow.c: a mask covering the 20 label bits is an exact match (stray value bits kept)
      const lm = label.mask ? hex(label.mask) & 0xfffffn : 0xfffffn;
      push(lm === 0xfffffn ? { field: 'ipv6_label', value: label.value } : put('ipv6_label', 4, hex(label.value), lm));
    }
    const proto = num('nw_proto');
    if (proto !== undefined) {
      take('nw_proto');
      if (proto === 6) for (const n of ['tcp_src', 'tcp_dst', 'tcp_flags']) take(n);
      else if (proto === 17) for (const n of ['udp_src', 'udp_dst']) take(n);
      else if (proto === 132) for (const n of ['sctp_src', 'sctp_dst']) take(n);
      else if (proto === 1 && ethType === 0x0800) for (const n of ['icmp_type', 'icmp_code']) take(n);
      else if (proto === 58 && ethType === 0x86dd) {
        take('icmpv6_type');
        take('icmpv6_code');
        const t = num('icmpv6_type');
        if ((t === 135 || t === 136) && (num('icmpv6_code') ?? 0) === 0) {
          take('nd_reserved');
          take('nd_target');
          take('nd_options_type');
          if (t === 135) take('nd_sll');
          if (t === 136) take('nd_tll');
        }
      }
    }
  } else if (ethType === 0x0806 || ethType === 0x8035) {
    const op = by.get('arp_op'); // OVS keeps the ARP opcode in the 8-bit nw_proto
    if (op) out.push({ field: 'arp_op', value: Uint8Array.of(0, op.value[op.value.length - 1]!) });
    for (const n of ['arp_spa', 'arp_tpa', 'arp_sha', 'arp_tha']) take(n);
  }
  for (const name of TAIL) {
    if (name !== 'regs') {
      take(name);
      continue;
    }
    if (!haveRegs) continue;
    if (version < 0x06) {
      for (let i = 0; i < 16; i++) push(put(`reg${i}`, 4, regV[i]!, regM[i]!));
    } else {
      for (let i = 0; i < 8; i++) {
        const v = (regV[2 * i]! << 32n) | regV[2 * i + 1]!;
        const mk = (regM[2 * i]! << 32n) | regM[2 * i + 1]!;
        push(put(`xreg${i}`, 8, v, mk));
      }
    }
  }
  // fields OVS has no slot for keep their relative order, at the end
  const placed = new Set(out.map((f) => f.field));
  for (const f of m) {
    if (FOLDED.has(f.field) || REG_FIELD.test(f.field) || placed.has(f.field) || f.field === 'unknown') continue;
    if (!PLACED_BY_NAME.has(f.field)) out.push(f);
  }
  out.push(...extra);
  if (hasEthernet(m) && !by.has('packet_type') && !out.some((f) => ETHERNET_WRITTEN(f.field)))
    out.unshift({ field: 'packet_type', value: new Uint8Array(4) });
  return out;
}

/** Whether OVS counts a written field as saying "Ethernet" (its prerequisite is not MFP_NONE). */
function ETHERNET_WRITTEN(name: string): boolean {
  const def = fieldByName(name);
  if (!def) return false;
  return /^(eth_|vlan_)/.test(name) || (def.prereq !== 'none' && def.prereq !== 'ct');
}

/** Every field name the order above can place (others are kept at the end). */
const PLACED_BY_NAME = new Set([
  ...HEAD,
  ...TAIL,
  'mpls_tc',
  'mpls_bos',
  'mpls_ttl',
  'mpls_label',
  'ip_src',
  'ip_dst',
  'ipv6_src',
  'ipv6_dst',
  'nw_ecn',
  'nw_ttl',
  'ipv6_label',
  'nw_proto',
  'tcp_src',
  'tcp_dst',
  'tcp_flags',
  'udp_src',
  'udp_dst',
  'sctp_src',
  'sctp_dst',
  'icmp_type',
  'icmp_code',
  'icmpv6_type',
  'icmpv6_code',
  'nd_reserved',
  'nd_target',
  'nd_options_type',
  'nd_sll',
  'nd_tll',
  'arp_op',
  'arp_spa',
  'arp_tpa',
  'arp_sha',
  'arp_tha',
]);
