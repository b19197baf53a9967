import type { Match, MatchField } from './types.js';
import { defaultCodePoint, fieldByName, type FieldDef } from './fields.js';
import { toHex } from '../../wire/index.js';
import {
  bytesToBigInt,
  bytesToNum,
  cidrLength,
  CT_STATE_NAMES,
  formatFlagsMasked,
  formatIpv4,
  formatIpv6,
  formatMac,
  formatPort10,
  formatPort11,
  hexAlt,
  isAllOnes,
  isZero,
  TCP_FLAG_NAMES,
  TUN_FLAG_NAMES,
} from './text-values.js';

const ETH_TYPE = { IP: 0x0800, ARP: 0x0806, RARP: 0x8035, IPV6: 0x86dd, MPLS: 0x8847, MPLSM: 0x8848 } as const;
const IPPROTO = { ICMP: 1, IGMP: 2, TCP: 6, UDP: 17, SCTP: 132, ICMPV6: 58 } as const;

/** Value and mask of one field, with absent mask = all ones. */
interface Vm {
  readonly v: Uint8Array;
  readonly m: Uint8Array;
  readonly exact: boolean;
}

function vm(f: MatchField): Vm {
  if (f.mask && f.field.startsWith('tun_metadata')) {
    // OVS shows a tun_metadata mask of 00..00ff..ff as a shorter exact value
    let i = 0;
    while (i < f.mask.length && f.mask[i] === 0) i++;
    if (isAllOnes(f.mask.subarray(i))) return vm({ field: f.field, value: f.value.subarray(i) });
  }
  if (!f.mask) return { v: f.value, m: new Uint8Array(f.value.length).fill(0xff), exact: true };
  // OVS keeps value & mask
  const v = f.value.map((x, i) => x & f.mask![i]!);
  return { v, m: f.mask, exact: isAllOnes(f.mask) };
}

/** Generic rendering of a value/mask pair by the field's format. */
export function formatFieldValue(def: FieldDef, x: Vm): string {
  switch (def.format) {
    case 'eth':
      return x.exact ? formatMac(x.v) : `${formatMac(x.v)}/${formatMac(x.m)}`;
    case 'ipv4': {
      if (x.exact) return formatIpv4(x.v);
      const n = cidrLength(x.m);
      return `${formatIpv4(x.v)}/${n >= 0 ? n : formatIpv4(x.m)}`;
    }
    case 'ipv6': {
      if (x.exact) return formatIpv6(x.v);
      const n = cidrLength(x.m);
      return `${formatIpv6(x.v)}/${n >= 0 ? n : formatIpv6(x.m)}`;
    }
    case 'dec':
      // lib/match.c format_be16_masked: decimal when exact, else "0x%x/0x%x"
      return x.exact
        ? bytesToBigInt(x.v).toString(10)
        : `0x${bytesToBigInt(x.v).toString(16)}/0x${bytesToBigInt(x.m).toString(16)}`;
    case 'port10':
      return formatPort10(bytesToNum(x.v));
    case 'port':
      return formatPort11(bytesToNum(x.v));
    case 'ctState':
      return formatFlagsMasked(bytesToNum(x.v), bytesToNum(x.m), CT_STATE_NAMES, 0xff);
    case 'tcpFlags':
      return formatFlagsMasked(bytesToNum(x.v), bytesToNum(x.m) & 0x0fff, TCP_FLAG_NAMES, 0x0fff);
    case 'tunFlags':
      return formatFlagsMasked(bytesToNum(x.v), bytesToNum(x.m) & 0x1, TUN_FLAG_NAMES, 0);
    case 'frag': {
      const v = x.v[0]! & 3;
      const m = x.m[0]! & 3;
      // OVS nw_frag words (lib/match.c)
      if (m === 3) return ['no', 'first', '<error>', 'later'][v]!;
      if (m === 1) return v ? 'yes' : 'no';
      if (m === 2) return v ? 'later' : 'not_later';
      return 'no';
    }
    case 'packetType': {
      const ns = (x.v[0]! << 8) | x.v[1]!;
      const t = (x.v[2]! << 8) | x.v[3]!;
      return `(${ns},${hexAlt(t)})`;
    }
    case 'hex':
    default:
      return x.exact ? hexAlt(bytesToBigInt(x.v)) : `${hexAlt(bytesToBigInt(x.v))}/${hexAlt(bytesToBigInt(x.m))}`;
  }
}

/** Registers as OVS holds them: 16 × 32-bit value/mask, merged from reg/xreg/xxreg fields. */
function collectRegs(fields: Map<string, MatchField>): Array<{ v: number; m: number } | undefined> {
  const regs: Array<{ v: number; m: number } | undefined> = new Array(16).fill(undefined);
  const put = (i: number, v: number, m: number): void => {
    if (i < 0 || i >= 16 || m === 0) return;
    const cur = regs[i] ?? { v: 0, m: 0 };
    regs[i] = { v: ((cur.v & ~m) | (v & m)) >>> 0, m: (cur.m | m) >>> 0 };
  };
  const words = (b: Uint8Array): number[] => {
    const out: number[] = [];
    for (let i = 0; i < b.length; i += 4)
      out.push(((b[i]! << 24) | (b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!) >>> 0);
    return out;
  };
  for (const [name, f] of fields) {
    let base = -1;
    let m = /^reg(\d+)$/.exec(name);
    if (m) base = Number(m[1]);
    else if ((m = /^xreg(\d+)$/.exec(name))) base = Number(m[1]) * 2;
    else if ((m = /^xxreg(\d+)$/.exec(name))) base = Number(m[1]) * 4;
    else continue;
    const x = vm(f);
    const vs = words(x.v);
    const ms = words(x.m);
    vs.forEach((v, k) => put(base + k, v, ms[k]!));
  }
  return regs;
}

function u32Masked(name: string, v: number, m: number): string {
  return m === 0xffffffff ? `${name}=${hexAlt(v)}` : `${name}=${hexAlt(v)}/${hexAlt(m)}`;
}

const PROTO_NAMES_V4: Record<number, string> = {
  [IPPROTO.ICMP]: 'icmp',
  [IPPROTO.TCP]: 'tcp',
  [IPPROTO.UDP]: 'udp',
  [IPPROTO.SCTP]: 'sctp',
};
const PROTO_NAMES_V6: Record<number, string> = {
  [IPPROTO.ICMPV6]: 'icmp6',
  [IPPROTO.TCP]: 'tcp6',
  [IPPROTO.UDP]: 'udp6',
  [IPPROTO.SCTP]: 'sctp6',
};

/**
 * The ovs-ofctl canonical text of a match (lib/match.c order), e.g. `tcp,reg0=0x5,nw_dst=10.0.0.1`.
 * Registers are printed as `regN` whichever of reg / xreg / xxreg carried them, VLAN fields as
 * `dl_vlan` / `dl_vlan_pcp` / `vlan_tci`, `ip_dscp` as `nw_tos`, as OVS does.
 * Returns `''` for an empty match.
 */
export function formatMatch(m: Match): string {
  const fields = new Map<string, MatchField>();
  const unknown: MatchField[] = [];
  for (const f of m) {
    // OVS drops a field whose mask is all zeros (a full wildcard)
    if (f.mask && isZero(f.mask)) continue;
    if (f.field === 'unknown' || !fieldByName(f.field)) unknown.push(f);
    else fields.set(fieldByName(f.field)!.name, f);
  }
  const out: string[] = [];
  const done = new Set<string>();
  const has = (n: string): boolean => fields.has(n);
  const emit = (n: string, label = n): void => {
    const f = fields.get(n);
    if (!f) return;
    done.add(n);
    out.push(`${label}=${formatFieldValue(fieldByName(n)!, vm(f))}`);
  };
  const num = (n: string): number | undefined => {
    const f = fields.get(n);
    return f ? bytesToNum(vm(f).v) : undefined;
  };

  emit('pkt_mark');
  emit('recirc_id');
  emit('dp_hash');
  emit('conj_id');
  emit('actset_output');
  emit('ct_state');
  emit('ct_zone');
  if (has('ct_zone')) out[out.length - 1] = `ct_zone=${num('ct_zone')}`;
  emit('ct_mark');
  emit('ct_label');
  emit('ct_nw_src');
  emit('ct_nw_dst');
  emit('ct_ipv6_src');
  emit('ct_ipv6_dst');
  emit('ct_nw_proto');
  emit('ct_tp_src');
  emit('ct_tp_dst');

  // packet_type / protocol shorthand
  const dlType = num('eth_type');
  const nwProto = num('nw_proto');
  let skipType = false;
  let skipProto = false;
  const l2 =
    has('eth_type') || has('eth_src') || has('eth_dst') || has('vlan_vid') || has('vlan_tci') || has('vlan_pcp');
  if (has('packet_type')) {
    done.add('packet_type');
    const pt = num('packet_type')!;
    if (pt !== 0 || has('recirc_id')) {
      out.push(
        pt === 0
          ? 'eth'
          : `packet_type=${formatFieldValue(fieldByName('packet_type')!, vm(fields.get('packet_type')!))}`,
      );
      if (pt >>> 16 === 1) skipType = true;
    }
  } else if (has('recirc_id') && l2) {
    out.push('eth');
  }
  if (dlType !== undefined) {
    let word: string | undefined;
    if (dlType === ETH_TYPE.IP) {
      word = nwProto !== undefined && PROTO_NAMES_V4[nwProto] ? PROTO_NAMES_V4[nwProto] : 'ip';
    } else if (dlType === ETH_TYPE.IPV6) {
      word = nwProto !== undefined && PROTO_NAMES_V6[nwProto] ? PROTO_NAMES_V6[nwProto] : 'ipv6';
    } else if (dlType === ETH_TYPE.ARP) word = 'arp';
    else if (dlType === ETH_TYPE.RARP) word = 'rarp';
    else if (dlType === ETH_TYPE.MPLS) word = 'mpls';
    else if (dlType === ETH_TYPE.MPLSM) word = 'mplsm';
    if (word) {
      out.push(word);
      skipType = true;
      if (
        word !== 'ip' &&
        word !== 'ipv6' &&
        nwProto !== undefined &&
        (dlType === ETH_TYPE.IP || dlType === ETH_TYPE.IPV6)
      )
        skipProto = true;
    }
  }

  const regs = collectRegs(fields);
  regs.forEach((r, i) => {
    if (r) out.push(u32Masked(`reg${i}`, r.v, r.m));
  });

  emit('tun_id');
  emit('tun_src');
  emit('tun_dst');
  emit('tun_ipv6_src');
  emit('tun_ipv6_dst');
  // lib/match.c format_flow_tunnel prints tun_gbp_flags' value only, whatever the mask
  emit('tun_gbp_id');
  if (has('tun_gbp_flags')) {
    done.add('tun_gbp_flags');
    out.push(`tun_gbp_flags=${hexAlt(bytesToNum(vm(fields.get('tun_gbp_flags')!).v))}`);
  }
  emit('tun_erspan_ver');
  emit('tun_erspan_idx');
  emit('tun_erspan_dir');
  emit('tun_erspan_hwid');
  emit('tun_gtpu_flags');
  emit('tun_gtpu_msgtype');
  emit('tun_flags');
  for (let i = 0; i < 64; i++) emit(`tun_metadata${i}`);
  emit('metadata');
  if (has('in_port')) emit('in_port');
  else if (has('in_port_oxm')) emit('in_port_oxm', 'in_port');

  // VLAN: OVS keeps one TCI value/mask (lib/match.c)
  if (has('vlan_tci') || has('vlan_vid') || has('vlan_pcp')) {
    let tci = 0;
    let tm = 0;
    const t = fields.get('vlan_tci');
    if (t) {
      const x = vm(t);
      tci = bytesToNum(x.v);
      tm = bytesToNum(x.m);
    }
    const vid = fields.get('vlan_vid');
    if (vid) {
      const x = vm(vid);
      const mm = bytesToNum(x.m) & 0x1fff;
      tci = (tci & ~mm) | (bytesToNum(x.v) & mm);
      tm |= mm;
    }
    const pcp = fields.get('vlan_pcp');
    if (pcp) {
      tci = (tci & ~0xf000) | ((pcp.value[0]! & 7) << 13) | 0x1000;
      tm |= 0xf000;
    }
    const vidMask = tm & 0x0fff;
    const pcpMask = tm & 0xe000;
    const cfi = tm & 0x1000;
    if (
      cfi &&
      tci & 0x1000 &&
      (!vidMask || vidMask === 0x0fff) &&
      (!pcpMask || pcpMask === 0xe000) &&
      (vidMask || pcpMask)
    ) {
      if (vidMask) out.push(`dl_vlan=${tci & 0xfff}`);
      if (pcpMask) out.push(`dl_vlan_pcp=${tci >>> 13}`);
    } else if (tm === 0xffff) {
      out.push(`vlan_tci=0x${tci.toString(16).padStart(4, '0')}`);
    } else if (tm !== 0) {
      out.push(`vlan_tci=0x${tci.toString(16).padStart(4, '0')}/0x${tm.toString(16).padStart(4, '0')}`);
    }
  }
  emit('eth_src', 'dl_src');
  emit('eth_dst', 'dl_dst');
  if (dlType !== undefined && !skipType) out.push(`dl_type=0x${dlType.toString(16).padStart(4, '0')}`);
  const isArp = dlType === ETH_TYPE.ARP || dlType === ETH_TYPE.RARP;
  if (dlType === ETH_TYPE.IPV6) {
    emit('ipv6_src');
    emit('ipv6_dst');
    const l = fields.get('ipv6_label');
    if (l) {
      done.add('ipv6_label');
      const x = vm(l);
      const v = bytesToNum(x.v);
      const mm = bytesToNum(x.m);
      out.push(
        mm === 0xffffffff || mm === 0xfffff
          ? `ipv6_label=0x${v.toString(16).padStart(5, '0')}`
          : `ipv6_label=0x${v.toString(16).padStart(5, '0')}/0x${mm.toString(16).padStart(5, '0')}`,
      );
    }
  } else if (isArp) {
    emit('arp_spa');
    emit('arp_tpa');
  } else {
    emit('ip_src', 'nw_src');
    emit('ip_dst', 'nw_dst');
  }
  if (!skipProto) {
    if (isArp) emit('arp_op');
    else if (nwProto !== undefined) out.push(`nw_proto=${nwProto}`);
  }
  if (isArp) {
    emit('arp_sha');
    emit('arp_tha');
  }
  // nw_tos: DSCP bits from nw_tos or ip_dscp; ECN from nw_ecn
  if (has('nw_tos')) out.push(`nw_tos=${num('nw_tos')! & 0xfc}`);
  else if (has('ip_dscp')) out.push(`nw_tos=${(num('ip_dscp')! & 0x3f) << 2}`);
  if (has('nw_ecn')) out.push(`nw_ecn=${num('nw_ecn')! & 3}`);
  emit('nw_ttl');
  emit('mpls_label');
  emit('mpls_tc');
  emit('mpls_ttl');
  emit('mpls_bos');
  emit('ip_frag', 'nw_frag');
  if (nwProto === IPPROTO.ICMP && dlType === ETH_TYPE.IP) {
    emit('icmp_type');
    emit('icmp_code');
  } else if (nwProto === IPPROTO.ICMPV6 && dlType === ETH_TYPE.IPV6) {
    emit('icmpv6_type', 'icmp_type');
    emit('icmpv6_code', 'icmp_code');
    emit('nd_target');
    emit('nd_sll');
    emit('nd_tll');
    emit('nd_reserved');
    emit('nd_options_type');
  } else {
    for (const p of ['tcp', 'udp', 'sctp']) {
      emit(`${p}_src`, 'tp_src');
      emit(`${p}_dst`, 'tp_dst');
    }
  }
  emit('tcp_flags');
  // anything left (fields OVS would not print in this position, or without their prerequisite)
  const special = new Set([
    'nw_tos',
    'ip_dscp',
    'nw_ecn',
    'eth_type',
    'nw_proto',
    'vlan_tci',
    'vlan_vid',
    'vlan_pcp',
    'packet_type',
    'ct_zone',
  ]);
  for (const [name, f] of fields) {
    if (done.has(name) || special.has(name) || /^x{0,2}reg\d+$/.test(name)) continue;
    if (name === 'in_port' || name === 'in_port_oxm') continue;
    out.push(`${name}=${formatFieldValue(fieldByName(name)!, vm(f))}`);
  }
  for (const f of unknown) {
    const h = f.header;
    const id = h
      ? `OXM(0x${h.cls.toString(16)},${h.field}${h.experimenter !== undefined ? `,0x${h.experimenter.toString(16)}` : ''})`
      : f.field;
    const x = vm(f);
    out.push(`${id}=${hexAlt(bytesToBigInt(x.v))}${x.exact ? '' : `/${hexAlt(bytesToBigInt(x.m))}`}`);
  }
  return out.join(',');
}

/**
 * The match as ovs-ofctl prints a raw NXM match at verbosity ≥ 3 (OVS's nx_match_to_string): each field
 * in wire order as `NAME(value)` or, masked, `NAME_W(value/mask)`, in hex without `0x`, joined by `, `;
 * `<any>` for an empty match. NAME is the code point the field came with (e.g. `NXM_NX_REG0`).
 */
export function formatMatchRaw(m: Match): string {
  if (m.length === 0) return '<any>';
  return m
    .map((f) => {
      const def = f.field === 'unknown' ? undefined : fieldByName(f.field);
      const name =
        f.codePoint ??
        (def && defaultCodePoint(def, 0x01)?.name) ??
        `unknown(${f.header?.cls ?? 0}:${f.header?.field ?? 0})`;
      return f.mask ? `${name}_W(${toHex(f.value)}/${toHex(f.mask)})` : `${name}(${toHex(f.value)})`;
    })
    .join(', ');
}
