/**
 * The match part of ovs-ofctl flow text: `tcp,reg0=5,nw_dst=10.0.0.0/8,ct_state=+trk-new`.
 * Pieces are applied one by one to a builder (protocol shorthands, subfield writes, the VLAN
 * helpers OVS folds into vlan_tci, version-dependent in_port), then the result is checked
 * against each field's prerequisites and normalized as OVS does (value & mask, vlan_tci as OXM).
 */
import type { OfVersion } from '../version.js';
import type { FieldSlice } from '../actions/types.js';
import type { Match, MatchField } from '../match/types.js';
import { fieldByName, type Prereq } from '../match/fields.js';
import { bigIntToBytes, bytesToBigInt, bytesToNum, port10To11 } from '../match/text-values.js';
import { prereqSatisfied } from '../match/validate.js';
import { noteEthernet, noteUsable, pieceUsable, type PieceUsable } from '../match/usable.js';
import { FlowParseError } from './errors.js';
import { keyValue, splitTop, type Piece } from './lexer.js';
import { lookupField, parseSlice } from './slice.js';
import { parseFieldValue, parseNum, parseUint } from './values.js';

const ETH = { IP: 0x0800, ARP: 0x0806, RARP: 0x8035, IPV6: 0x86dd, MPLS: 0x8847, MPLSM: 0x8848 } as const;

/** Protocol shorthands (ovs-fields(7) "Protocol shorthands"). */
const SHORTHANDS: Record<string, { ethType: number; proto?: number }> = {
  ip: { ethType: ETH.IP },
  ipv4: { ethType: ETH.IP },
  ipv6: { ethType: ETH.IPV6 },
  icmp: { ethType: ETH.IP, proto: 1 },
  icmp6: { ethType: ETH.IPV6, proto: 58 },
  tcp: { ethType: ETH.IP, proto: 6 },
  tcp6: { ethType: ETH.IPV6, proto: 6 },
  udp: { ethType: ETH.IP, proto: 17 },
  udp6: { ethType: ETH.IPV6, proto: 17 },
  sctp: { ethType: ETH.IP, proto: 132 },
  sctp6: { ethType: ETH.IPV6, proto: 132 },
  arp: { ethType: ETH.ARP },
  rarp: { ethType: ETH.RARP },
  mpls: { ethType: ETH.MPLS },
  mplsm: { ethType: ETH.MPLSM },
};

/** The fields parsed so far, by name, with the position of the piece that set each. */
export interface MatchBuilder {
  readonly fields: Map<string, { f: MatchField; pos: number }>;
  /** What the text's pieces allow, as OVS decides from the text (match/usable.ts). */
  usable?: PieceUsable;
  /** The text named an Ethernet-level field or shorthand: OVS then matches packet_type=eth (match/usable.ts). */
  ethernet?: boolean;
}

/**
 * Fields whose text value OVS takes at the field's byte width and then cuts to its used bits
 * (meta-flow.c mf_set_value: `ip_dscp=0x40` is 0, `vlan_pcp=9` is 1, `mpls_label=0x1fffff` is
 * 0xfffff); ipv6_label is kept whole (OVS sends the stray bits).
 */
const LENIENT: Readonly<Record<string, (v: bigint) => bigint>> = {
  ip_dscp: (v) => v & 0x3fn,
  nw_ecn: (v) => v & 3n,
  vlan_pcp: (v) => v & 7n,
  vlan_vid: (v) => v & 0x1fffn,
  mpls_tc: (v) => v & 7n,
  mpls_bos: (v) => v & 1n,
  mpls_label: (v) => v & 0xfffffn,
  ipv6_label: (v) => v,
};

/** Fields OVS gives an Ethernet prerequisite (meta-flow.h MFP_ETHERNET and above). */
function ethernetField(name: string): boolean {
  const def = fieldByName(name);
  if (!def) return false;
  return /^(eth_|vlan_)/.test(def.name) || (def.prereq !== 'none' && def.prereq !== 'ct');
}

function notePiece(b: MatchBuilder, name: string, mask: Uint8Array | undefined): void {
  const u = pieceUsable(name, mask);
  if (u.of10 && u.of11) return;
  const prev = b.usable ?? { of10: true, of11: true };
  b.usable = { of10: prev.of10 && u.of10, of11: prev.of11 && u.of11, why: prev.why ?? u.why };
}

function setField(b: MatchBuilder, f: MatchField, pos: number): void {
  b.fields.delete(f.field);
  b.fields.set(f.field, { f, pos });
}

function num(b: MatchBuilder, name: string): number | undefined {
  const x = b.fields.get(name);
  return x ? bytesToNum(x.f.value) : undefined;
}

/** Applies `field[ofs..end]=value` onto the field's current value/mask. */
function setSubfield(b: MatchBuilder, s: FieldSlice, v: bigint, pos: number): void {
  const def = fieldByName(s.field)!;
  if (s.nBits < 1024 && v >> BigInt(s.nBits) !== 0n)
    throw new FlowParseError('OF_TEXT_BAD_WIDTH', `value does not fit ${s.nBits} bits`, pos);
  const cur = b.fields.get(def.name)?.f;
  let value = cur ? bytesToBigInt(cur.value) : 0n;
  let mask = cur ? (cur.mask ? bytesToBigInt(cur.mask) : (1n << BigInt(def.bytes * 8)) - 1n) : 0n;
  const m = ((1n << BigInt(s.nBits)) - 1n) << BigInt(s.ofs);
  value = (value & ~m) | (v << BigInt(s.ofs));
  mask |= m;
  const full = (1n << BigInt(def.bytes * 8)) - 1n;
  setField(
    b,
    {
      field: def.name,
      value: bigIntToBytes(value, def.bytes),
      ...(mask === full ? {} : { mask: bigIntToBytes(mask, def.bytes) }),
    },
    pos,
  );
}

function prereqOk(
  p: Prereq,
  ethType: number | undefined,
  proto: number | undefined,
  icmpType: number | undefined,
  b: MatchBuilder,
): boolean {
  return prereqSatisfied(p, ethType, proto, icmpType, (f) => b.fields.has(f));
}

const PREREQ_TEXT: Record<Prereq, string> = {
  none: '',
  vlan: 'a VLAN match (dl_vlan / vlan_tci)',
  mpls: 'mpls or mplsm',
  ipv4: 'ip',
  ipv6: 'ipv6',
  ip: 'ip or ipv6',
  arp: 'arp or rarp',
  tcp: 'tcp or tcp6',
  udp: 'udp or udp6',
  sctp: 'sctp or sctp6',
  icmp: 'icmp',
  icmpv6: 'icmp6',
  nd: 'icmp6 with icmp_type 135 or 136',
  ndSolicit: 'icmp6,icmp_type=135',
  ndAdvert: 'icmp6,icmp_type=136',
  nsh: 'dl_type=0x894f',
  ct: 'ct_state',
};

/**
 * Parses the match part of ovs-ofctl flow text (comma or space separated), e.g.
 * `tcp,reg0=5,nw_dst=10.0.0.0/8,ct_state=+trk-new,NXM_NX_REG1[0..15]=0x7`.
 * @throws FlowParseError OF_TEXT_UNKNOWN_FIELD, OF_TEXT_BAD_VALUE, OF_TEXT_BAD_WIDTH, OF_TEXT_PREREQ (with the position)
 */
export function parseMatch(text: string, version: OfVersion = 0x04, base = 0): Match {
  const b: MatchBuilder = { fields: new Map() };
  applyMatchPieces(b, splitTop(text, base, true), version);
  return finishMatch(b, version);
}

function applyMatchPieces(b: MatchBuilder, pieces: readonly Piece[], version: OfVersion): void {
  for (const p of pieces) applyMatchPiece(b, p, version);
}

/**
 * Applies one `key=value` (or shorthand) piece of match text to `b`.
 * @throws FlowParseError OF_TEXT_UNKNOWN_FIELD, OF_TEXT_BAD_VALUE, OF_TEXT_BAD_WIDTH
 */
export function applyMatchPiece(b: MatchBuilder, p: Piece, version: OfVersion): void {
  const kv = keyValue(p, '=');
  const key = kv.key;
  if (kv.value === undefined) {
    const sh = SHORTHANDS[key];
    if (sh) {
      b.ethernet = true;
      setField(b, { field: 'eth_type', value: bigIntToBytes(BigInt(sh.ethType), 2) }, p.pos);
      if (sh.proto !== undefined) setField(b, { field: 'nw_proto', value: Uint8Array.of(sh.proto) }, p.pos);
      return;
    }
    if (key === 'eth') {
      b.ethernet = true; // packet_type=(0,0), the default
      return;
    }
    throw new FlowParseError('OF_TEXT_UNKNOWN_FIELD', `unknown keyword ${JSON.stringify(key)}`, p.pos);
  }
  const value = kv.value;
  const vp = kv.valuePos;
  if (key.includes('[')) {
    const s = parseSlice(key, p.pos);
    if (ethernetField(s.field)) b.ethernet = true;
    setSubfield(b, s, parseUint(value, s.nBits, vp, key), vp);
    const def = fieldByName(s.field);
    if (def) {
      const full = (1n << BigInt(def.bytes * 8)) - 1n;
      const m = ((1n << BigInt(s.nBits)) - 1n) << BigInt(s.ofs);
      notePiece(b, def.name, m === full ? undefined : bigIntToBytes(m, def.bytes));
    }
    return;
  }
  // VLAN helpers that OVS folds into vlan_tci
  if (key === 'dl_vlan' || key === 'dl_vlan_pcp') {
    b.ethernet = true;
    const cur = b.fields.get('vlan_tci')?.f;
    let tci = cur ? bytesToNum(cur.value) : 0;
    let mask = cur ? (cur.mask ? bytesToNum(cur.mask) : 0xffff) : 0;
    if (key === 'dl_vlan') {
      // meta-flow.c / match.c: OFP10_VLAN_NONE (0xffff) zeroes the TCI, other values keep 12 bits
      const vid = parseNum(value, 16, vp, key);
      tci = vid === 0xffff ? 0 : (tci & ~0x1fff) | 0x1000 | (vid & 0xfff);
      mask |= 0x1fff;
    } else {
      const pcp = parseNum(value, 8, vp, key) & 7; // OVS keeps the low 3 bits
      tci = (tci & ~0xe000) | 0x1000 | (pcp << 13);
      mask |= 0xf000;
    }
    setField(
      b,
      {
        field: 'vlan_tci',
        value: bigIntToBytes(BigInt(tci), 2),
        ...(mask === 0xffff ? {} : { mask: bigIntToBytes(BigInt(mask), 2) }),
      },
      p.pos,
    );
    return;
  }
  const def = lookupField(contextualName(b, key));
  if (!def) throw new FlowParseError('OF_TEXT_UNKNOWN_FIELD', `unknown field ${JSON.stringify(key)}`, p.pos);
  let name = def.name;
  if (ethernetField(def.name)) b.ethernet = true;
  const lenient = LENIENT[def.name];
  if (def.format === 'ipv6' && /\/\d+[^\d]/.test(value))
    // lib/packets.c ipv6_parse_masked reads "/%d" first: a mask starting with decimal digits then ':' fails
    throw new FlowParseError('OF_TEXT_BAD_VALUE', `${value}: invalid IPv6 address`, vp);
  let parsed = parseFieldValue(lenient ? { ...def, usedBits: def.bytes * 8 } : def, value, vp);
  if (lenient) {
    const v = lenient(bytesToBigInt(parsed.value));
    const m = parsed.mask ? lenient(bytesToBigInt(parsed.mask)) : undefined;
    parsed =
      m === undefined
        ? { value: bigIntToBytes(v, def.bytes) }
        : { value: bigIntToBytes(v & m, def.bytes), mask: bigIntToBytes(m, def.bytes) };
  }
  if (def.name === 'in_port' && version >= 0x03) {
    name = 'in_port_oxm';
    parsed = { value: bigIntToBytes(BigInt(port10To11(bytesToNum(parsed.value))), 4) };
  } else if (def.name === 'in_port_oxm' && version < 0x03) {
    name = 'in_port';
    parsed = {
      value: bigIntToBytes(
        BigInt(
          bytesToNum(parsed.value) >= 0xffffff00 ? bytesToNum(parsed.value) - 0xffff0000 : bytesToNum(parsed.value),
        ),
        2,
      ),
    };
  }
  notePiece(b, name, parsed.mask);
  if (name === 'nw_tos') parsed = { value: Uint8Array.of(parsed.value[0]! & 0xfc) };
  setField(b, { field: name, value: parsed.value, ...(parsed.mask ? { mask: parsed.mask } : {}) }, p.pos);
}

/**
 * ovs-ofctl's context-dependent names: icmp_type / icmp_code mean ICMPv6 after ipv6, tp_src /
 * tp_dst mean the UDP or SCTP port after udp / sctp (the protocol must come first, as in OVS).
 */
function contextualName(b: MatchBuilder, key: string): string {
  const ethType = num(b, 'eth_type');
  const proto = num(b, 'nw_proto');
  if ((key === 'icmp_type' || key === 'icmp_code') && ethType === ETH.IPV6)
    return key === 'icmp_type' ? 'icmpv6_type' : 'icmpv6_code';
  if (key === 'tp_src' || key === 'tp_dst') {
    const side = key.slice(3);
    if (proto === 17) return `udp_${side}`;
    if (proto === 132) return `sctp_${side}`;
  }
  return key;
}

/**
 * OXM has no vlan_tci: OVS sends the VID part (with the CFI bit as OFPVID_PRESENT) as vlan_vid and
 * an exact PCP as vlan_pcp (nx-match.c). Done here so the match is what the switch will see.
 */
function vlanTciToOxm(b: MatchBuilder): void {
  const t = b.fields.get('vlan_tci');
  if (!t) return;
  const v = bytesToNum(t.f.value);
  const m = t.f.mask ? bytesToNum(t.f.mask) : 0xffff;
  b.fields.delete('vlan_tci');
  const vm = m & 0x1fff;
  if (vm) {
    const f: MatchField =
      vm === 0x1fff
        ? { field: 'vlan_vid', value: bigIntToBytes(BigInt(v & 0x1fff), 2) }
        : { field: 'vlan_vid', value: bigIntToBytes(BigInt(v & vm), 2), mask: bigIntToBytes(BigInt(vm), 2) };
    b.fields.set('vlan_vid', { f, pos: t.pos });
  }
  // nx-match.c nx_put_raw: the PCP goes out (exactly) when the VID part is nonzero and PCP bits are matched
  if (m & 0xe000 && v & m & 0x1fff)
    b.fields.set('vlan_pcp', { f: { field: 'vlan_pcp', value: Uint8Array.of(v >>> 13) }, pos: t.pos });
}

/**
 * The match `b` describes: vlan_tci as OXM for OpenFlow 1.2+, prerequisites checked, value & mask.
 * @throws FlowParseError OF_TEXT_PREREQ
 */
export function finishMatch(b: MatchBuilder, version: OfVersion): Match {
  // a field with an all-zero mask matches everything: OVS does not set it (meta-flow.c mf_set), so
  // it has no prerequisite either (tun_metadata excepted: it still says the option is present)
  for (const [name, { f }] of [...b.fields]) {
    const def = fieldByName(name);
    // (fields without prerequisite stay: a zero-mask reg clears what an xreg / xxreg set before it)
    if (f.mask && f.mask.every((x) => x === 0) && def && def.prereq !== 'none' && !name.startsWith('tun_metadata'))
      b.fields.delete(name);
  }
  const proto = num(b, 'nw_proto');
  // OVS keeps one tp_src / tp_dst for TCP, UDP and SCTP: `udp,tcp_dst=53` is udp_dst=53
  const l4 = proto === 6 ? 'tcp' : proto === 17 ? 'udp' : proto === 132 ? 'sctp' : undefined;
  if (l4) {
    const order = [...b.fields.keys()];
    for (const [name, x] of [...b.fields]) {
      const m = /^(tcp|udp|sctp)_(src|dst)$/.exec(name);
      if (!m || m[1] === l4) continue;
      const to = `${l4}_${m[2]}`;
      b.fields.delete(name);
      // the later of the two writes of the one port wins
      if (b.fields.has(to) && order.indexOf(to) > order.indexOf(name)) continue;
      b.fields.set(to, { f: { ...x.f, field: to }, pos: x.pos });
    }
  }
  if (version >= 0x03) vlanTciToOxm(b);
  const ethType = num(b, 'eth_type');
  const icmpType = num(b, 'icmpv6_type');
  for (const [name, { pos }] of b.fields) {
    const def = fieldByName(name);
    if (!def) continue;
    if (!prereqOk(def.prereq, ethType, proto, icmpType, b)) {
      throw new FlowParseError('OF_TEXT_PREREQ', `${name} requires ${PREREQ_TEXT[def.prereq]}`, pos);
    }
    const frag = b.fields.get('ip_frag')?.f;
    if (frag && ['tcp', 'udp', 'sctp', 'icmp', 'icmpv6', 'nd', 'ndSolicit', 'ndAdvert'].includes(def.prereq)) {
      const fm = frag.mask ? frag.mask[0]! : 0xff;
      if (fm & 2 && frag.value[0]! & 2)
        throw new FlowParseError('OF_TEXT_PREREQ', `${name} cannot be matched on later fragments (ip_frag=later)`, pos);
    }
    if (name === 'nw_proto' && ethType !== ETH.IP && ethType !== ETH.IPV6) {
      throw new FlowParseError('OF_TEXT_PREREQ', 'nw_proto requires ip or ipv6', pos);
    }
  }
  // OVS keeps value & mask
  const out: MatchField[] = [];
  for (const { f } of b.fields.values()) {
    out.push(f.mask ? { ...f, value: f.value.map((x, i) => x & f.mask![i]!) } : f);
  }
  if (b.usable) noteUsable(out, b.usable);
  if (b.ethernet) noteEthernet(out);
  return out;
}
