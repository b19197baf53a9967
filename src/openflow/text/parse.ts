import type { OfVersion } from '../version.js';
import type { Action, FieldSlice, Instruction, LearnSpec, NatSpec } from '../actions/types.js';
import type { Match, MatchField } from '../match/types.js';
import { fieldByCodePointName, fieldByName, type FieldDef, type Prereq } from '../match/fields.js';
import { bigIntToBytes, bytesToBigInt, bytesToNum, port10To11 } from '../match/text-values.js';
import { prereqSatisfied } from '../match/validate.js';
import { PACKET_IN_REASONS, NX_HASH_FIELDS, NX_MP_ALG, NX_BD_ALG } from '../actions/constants.js';
import { checkSlice } from '../actions/slices.js';
import { ActionError } from '../actions/errors.js';
import { encapToAction } from '../actions/encap.js';
import { parseEncap } from './encap.js';
import type { FlowFlag, FlowSpec } from './types.js';
import { FlowParseError } from './errors.js';
import { keyValue, splitTop, type Piece } from './lexer.js';
import {
  parseFieldValue,
  parseIpv4,
  parseIpv6,
  parseMac,
  parseNum,
  parsePort16,
  parsePort32,
  parseUint,
} from './values.js';

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

const FLOW_FLAGS: readonly FlowFlag[] = [
  'send_flow_rem',
  'check_overlap',
  'reset_counts',
  'no_packet_counts',
  'no_byte_counts',
];

/** Field lookup by ovs-ofctl name, alias or NXM/OXM name (`NXM_NX_REG0`). */
function lookupField(name: string): FieldDef | undefined {
  return fieldByName(name) ?? fieldByCodePointName(name)?.def;
}

/** `NXM_NX_REG0[4..31]`, `reg0[5]`, `reg0[]` or a bare field name. */
export function parseSlice(text: string, pos: number): FieldSlice {
  const m = /^([A-Za-z0-9_]+)(?:\[(?:(\d+)(?:\.\.(\d+))?)?\])?$/.exec(text.trim());
  if (!m) throw new FlowParseError('OF_TEXT_SYNTAX', `${JSON.stringify(text)} is not a field or subfield`, pos);
  const def = lookupField(m[1]!);
  if (!def) throw new FlowParseError('OF_TEXT_UNKNOWN_FIELD', `unknown field ${JSON.stringify(m[1])}`, pos);
  const width = def.bytes * 8;
  let ofs = 0;
  let nBits = width;
  if (m[2] !== undefined) {
    ofs = Number(m[2]);
    const end = m[3] !== undefined ? Number(m[3]) : ofs;
    if (end < ofs) throw new FlowParseError('OF_TEXT_BAD_WIDTH', `${text}: end bit before start bit`, pos);
    nBits = end - ofs + 1;
  }
  const s = { field: def.name, ofs, nBits };
  try {
    checkSlice(s);
  } catch (e) {
    if (e instanceof ActionError) throw new FlowParseError('OF_TEXT_BAD_WIDTH', e.message, pos, { cause: e });
    throw e;
  }
  return s;
}

// ---------------------------------------------------------------------------------------------
// match

interface MatchBuilder {
  readonly fields: Map<string, { f: MatchField; pos: number }>;
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

function applyMatchPiece(b: MatchBuilder, p: Piece, version: OfVersion): void {
  const kv = keyValue(p, '=');
  const key = kv.key;
  if (kv.value === undefined) {
    const sh = SHORTHANDS[key];
    if (sh) {
      setField(b, { field: 'eth_type', value: bigIntToBytes(BigInt(sh.ethType), 2) }, p.pos);
      if (sh.proto !== undefined) setField(b, { field: 'nw_proto', value: Uint8Array.of(sh.proto) }, p.pos);
      return;
    }
    if (key === 'eth') return; // packet_type=(0,0), the default
    throw new FlowParseError('OF_TEXT_UNKNOWN_FIELD', `unknown keyword ${JSON.stringify(key)}`, p.pos);
  }
  const value = kv.value;
  const vp = kv.valuePos;
  if (key.includes('[')) {
    const s = parseSlice(key, p.pos);
    setSubfield(b, s, parseUint(value, s.nBits, vp, key), vp);
    return;
  }
  // VLAN helpers that OVS folds into vlan_tci
  if (key === 'dl_vlan' || key === 'dl_vlan_pcp') {
    const cur = b.fields.get('vlan_tci')?.f;
    let tci = cur ? bytesToNum(cur.value) : 0;
    let mask = cur ? (cur.mask ? bytesToNum(cur.mask) : 0xffff) : 0;
    if (key === 'dl_vlan') {
      const vid = parseNum(value, 16, vp, key);
      if (vid === 0xffff) {
        tci = 0;
        mask = 0xffff;
      } else {
        if (vid > 0xfff) throw new FlowParseError('OF_TEXT_BAD_WIDTH', `dl_vlan ${vid} is not a 12-bit VLAN id`, vp);
        tci = (tci & ~0x1fff) | 0x1000 | vid;
        mask |= 0x1fff;
      }
    } else {
      const pcp = parseNum(value, 8, vp, key);
      if (pcp > 7) throw new FlowParseError('OF_TEXT_BAD_WIDTH', `dl_vlan_pcp ${pcp} is not 0..7`, vp);
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
  let parsed = parseFieldValue(def, value, vp);
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
  if (name === 'nw_tos') parsed = { value: Uint8Array.of(parsed.value[0]! & 0xfc) };
  if (name === 'ip_dscp' && parsed.value[0]! > 0x3f)
    throw new FlowParseError('OF_TEXT_BAD_WIDTH', 'ip_dscp must be 0..63', vp);
  if (name === 'nw_ecn' && parsed.value[0]! > 3)
    throw new FlowParseError('OF_TEXT_BAD_WIDTH', 'nw_ecn must be 0..3', vp);
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
  if (m & 0xe000 && v & 0x1000)
    b.fields.set('vlan_pcp', { f: { field: 'vlan_pcp', value: Uint8Array.of(v >>> 13) }, pos: t.pos });
}

function finishMatch(b: MatchBuilder, version: OfVersion): Match {
  if (version >= 0x03) vlanTciToOxm(b);
  const ethType = num(b, 'eth_type');
  const proto = num(b, 'nw_proto');
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
  return out;
}

// ---------------------------------------------------------------------------------------------
// actions

interface ActCtx {
  readonly version: OfVersion;
  readonly match: Match;
}

function hasVlan(m: Match): boolean {
  for (const f of m) {
    if (f.field === 'vlan_tci' && (bytesToNum(f.value) & 0x1000) !== 0) return true;
    if (f.field === 'vlan_vid' && (bytesToNum(f.value) & 0x1000) !== 0) return true;
  }
  return false;
}

function matchProto(m: Match): number | undefined {
  const f = m.find((x) => x.field === 'nw_proto');
  return f ? f.value[0] : undefined;
}

/**
 * A set_field as OVS encodes it for the version (ofp-actions.c encode_SET_FIELD): OF1.5 always
 * OFPAT_SET_FIELD (masks allowed); OF1.2-1.4 OFPAT_SET_FIELD for whole fields, else NXAST_REG_LOAD
 * (contiguous mask) or NXAST_REG_LOAD2; OF1.0/1.1 the legacy mod_* action when one exists.
 */
function setFieldAction(ctx: ActCtx, field: string, value: Uint8Array, mask?: Uint8Array): Action[] {
  const f: MatchField = { field, value, ...(mask ? { mask } : {}) };
  if (ctx.version >= 0x06) return [{ type: 'setField', field: f }];
  if (ctx.version >= 0x03 && !mask) return [{ type: 'setField', field: f }];
  if (ctx.version < 0x03 && !mask) {
    const legacy = legacySetField(field, value);
    if (legacy) return [legacy];
  }
  return loadFor(f);
}

function legacySetField(field: string, value: Uint8Array): Action | undefined {
  const n = bytesToNum(value);
  switch (field) {
    case 'eth_src':
      return { type: 'setDlSrc', mac: value };
    case 'eth_dst':
      return { type: 'setDlDst', mac: value };
    case 'ip_src':
      return { type: 'setNwSrc', addr: value };
    case 'ip_dst':
      return { type: 'setNwDst', addr: value };
    case 'ip_dscp':
      return { type: 'setNwTos', tos: (n & 0x3f) << 2 };
    case 'tcp_src':
    case 'udp_src':
      return { type: 'setTpSrc', port: n };
    case 'tcp_dst':
    case 'udp_dst':
      return { type: 'setTpDst', port: n };
    case 'vlan_vid':
      return { type: 'setVlanVid', vid: n & 0xfff };
    case 'vlan_pcp':
      return { type: 'setVlanPcp', pcp: n & 7 };
    default:
      return undefined;
  }
}

/** NXAST_REG_LOAD when the mask is one contiguous run of at most 64 bits, else NXAST_REG_LOAD2. */
function loadFor(f: MatchField): Action[] {
  const def = fieldByName(f.field)!;
  const width = f.value.length * 8;
  const mask = f.mask ? bytesToBigInt(f.mask) : (1n << BigInt(width)) - 1n;
  if (mask !== 0n && !f.field.startsWith('tun_metadata')) {
    let ofs = 0;
    while (((mask >> BigInt(ofs)) & 1n) === 0n) ofs++;
    const run = mask >> BigInt(ofs);
    const nBits = run.toString(2).length;
    if ((run & (run + 1n)) === 0n && def.bytes * 8 === width) {
      // OVS splits a wide contiguous write into 64-bit NXAST_REG_LOADs, low bits first
      const v = (bytesToBigInt(f.value) & mask) >> BigInt(ofs);
      const out: Action[] = [];
      for (let o = 0; o < nBits; o += 64) {
        const n = Math.min(64, nBits - o);
        out.push({
          type: 'regLoad',
          dst: { field: def.name, ofs: ofs + o, nBits: n },
          value: (v >> BigInt(o)) & ((1n << BigInt(n)) - 1n),
        });
      }
      return out;
    }
  }
  return [{ type: 'regLoad2', field: f }];
}

function parseNatSpec(text: string | undefined, pos: number): NatSpec & { type: 'nat' } {
  if (text === undefined) return { type: 'nat', flags: [] };
  const parts = splitTop(text, pos, false);
  let kind: 'src' | 'dst' | undefined;
  const flags: ('persistent' | 'hash' | 'random')[] = [];
  const o: { ipMin?: string; ipMax?: string; protoMin?: number; protoMax?: number } = {};
  for (const p of parts) {
    const kv = keyValue(p, '=');
    if (kv.key === 'src' || kv.key === 'dst') {
      kind = kv.key;
      if (kv.value !== undefined) {
        let v = kv.value;
        // [v6]-[v6]:ports, v4-v4:ports, v6-v6, v4:ports
        let ports: string | undefined;
        const br = /^\[([^\]]+)\](?:-\[([^\]]+)\])?(?::(.*))?$/.exec(v);
        let lo: string;
        let hi: string | undefined;
        if (br) {
          lo = br[1]!;
          hi = br[2];
          ports = br[3];
        } else if (v.includes('.')) {
          const c = v.indexOf(':');
          if (c >= 0) {
            ports = v.slice(c + 1);
            v = v.slice(0, c);
          }
          [lo, hi] = v.split('-') as [string, string | undefined];
        } else {
          [lo, hi] = v.split('-') as [string, string | undefined];
        }
        const six = lo.includes(':');
        const check = (x: string): string => {
          const bytes = six ? parseIpv6(x, kv.valuePos) : parseIpv4(x, kv.valuePos);
          void bytes;
          return x;
        };
        o.ipMin = check(lo);
        if (hi !== undefined) o.ipMax = check(hi);
        if (ports !== undefined) {
          const [a, c] = ports.split('-');
          o.protoMin = parseNum(a!, 16, kv.valuePos, 'nat port');
          if (c !== undefined) o.protoMax = parseNum(c, 16, kv.valuePos, 'nat port');
        }
      }
    } else if (kv.key === 'persistent' || kv.key === 'hash' || kv.key === 'random') {
      flags.push(kv.key);
    } else {
      throw new FlowParseError('OF_TEXT_SYNTAX', `nat: unknown argument ${JSON.stringify(kv.key)}`, p.pos);
    }
  }
  const order = ['persistent', 'hash', 'random'] as const;
  return { type: 'nat', ...(kind ? { kind } : {}), ...o, flags: order.filter((x) => flags.includes(x)) };
}

function immBytes(dst: FieldSlice, text: string, pos: number): Uint8Array {
  const n = 2 * Math.ceil(dst.nBits / 16);
  const def = fieldByName(dst.field)!;
  if (dst.ofs === 0 && dst.nBits === def.bytes * 8 && !/^(0x)?[0-9a-fA-F]+$/.test(text)) {
    const v = parseFieldValue(def, text, pos).value;
    const out = new Uint8Array(n);
    out.set(v, n - v.length);
    return out;
  }
  if (!/^(0x[0-9a-fA-F]+|[0-9]+)$/.test(text)) {
    const v = parseFieldValue(def, text, pos).value;
    const out = new Uint8Array(n);
    out.set(v.subarray(Math.max(0, v.length - n)), Math.max(0, n - v.length));
    return out;
  }
  return bigIntToBytes(parseUint(text, dst.nBits, pos, 'learn'), n);
}

function parseLearn(text: string, pos: number): Action {
  let table = 1;
  let idleTimeout = 0,
    hardTimeout = 0,
    finIdleTimeout = 0,
    finHardTimeout = 0,
    priority = 0x8000,
    flags = 0;
  let cookie = 0n;
  let limit: number | undefined;
  let resultDst: FieldSlice | undefined;
  const specs: LearnSpec[] = [];
  for (const p of splitTop(text, pos, false)) {
    const t = p.text;
    if (t.startsWith('load:')) {
      const body = t.slice(5);
      const arrow = body.indexOf('->');
      if (arrow < 0) throw new FlowParseError('OF_TEXT_SYNTAX', 'learn load: missing ->', p.pos);
      const dst = parseSlice(body.slice(arrow + 2), p.pos + 5 + arrow + 2);
      const srcText = body.slice(0, arrow);
      const src =
        /^[A-Za-z_]/.test(srcText) && lookupField(srcText.replace(/\[.*$/, ''))
          ? parseSlice(srcText, p.pos + 5)
          : immBytes(dst, srcText, p.pos + 5);
      specs.push({ kind: 'load', dst, src });
      continue;
    }
    if (t.startsWith('output:')) {
      specs.push({ kind: 'output', src: parseSlice(t.slice(7), p.pos + 7) });
      continue;
    }
    const kv = keyValue(p, '=');
    const v = kv.value;
    switch (kv.key) {
      case 'table':
        table = parseNum(v ?? '', 8, kv.valuePos, 'table');
        continue;
      case 'idle_timeout':
        idleTimeout = parseNum(v ?? '', 16, kv.valuePos, kv.key);
        continue;
      case 'hard_timeout':
        hardTimeout = parseNum(v ?? '', 16, kv.valuePos, kv.key);
        continue;
      case 'fin_idle_timeout':
        finIdleTimeout = parseNum(v ?? '', 16, kv.valuePos, kv.key);
        continue;
      case 'fin_hard_timeout':
        finHardTimeout = parseNum(v ?? '', 16, kv.valuePos, kv.key);
        continue;
      case 'priority':
        priority = parseNum(v ?? '', 16, kv.valuePos, kv.key);
        continue;
      case 'cookie':
        cookie = parseUint(v ?? '', 64, kv.valuePos, kv.key);
        continue;
      case 'limit':
        limit = parseNum(v ?? '', 32, kv.valuePos, kv.key);
        continue;
      case 'result_dst':
        resultDst = parseSlice(v ?? '', kv.valuePos);
        continue;
      case 'send_flow_rem':
        flags |= 1;
        continue;
      case 'delete_learned':
        flags |= 2;
        continue;
      default:
        break;
    }
    const dst = parseSlice(kv.key, p.pos);
    if (v === undefined) {
      specs.push({ kind: 'match', dst, src: dst });
    } else if (/^[A-Za-z_]/.test(v) && lookupField(v.replace(/\[.*$/, ''))) {
      const src = parseSlice(v, kv.valuePos);
      if (src.nBits !== dst.nBits)
        throw new FlowParseError('OF_TEXT_BAD_WIDTH', `learn: ${kv.key} and ${v} differ in width`, p.pos);
      specs.push({ kind: 'match', dst, src });
    } else {
      specs.push({ kind: 'match', dst, src: immBytes(dst, v, kv.valuePos) });
    }
  }
  return {
    type: 'learn',
    idleTimeout,
    hardTimeout,
    priority,
    cookie,
    flags,
    table,
    finIdleTimeout,
    finHardTimeout,
    specs,
    ...(limit !== undefined ? { limit } : {}),
    ...(resultDst ? { resultDst } : {}),
  };
}

function parseController(text: string | undefined, pos: number): Action {
  const o: { maxLen?: number; id?: number; reason?: number; userdata?: Uint8Array; pause?: boolean; meterId?: number } =
    {};
  for (const p of splitTop(text ?? '', pos, false)) {
    const kv = keyValue(p, '=');
    const v = kv.value ?? '';
    switch (kv.key) {
      case 'max_len':
        o.maxLen = parseNum(v, 16, kv.valuePos, 'max_len');
        break;
      case 'id':
        o.id = parseNum(v, 16, kv.valuePos, 'id');
        break;
      case 'reason': {
        const i = (PACKET_IN_REASONS as readonly string[]).indexOf(v);
        if (i < 0)
          throw new FlowParseError('OF_TEXT_BAD_VALUE', `unknown controller reason ${JSON.stringify(v)}`, kv.valuePos);
        o.reason = i;
        break;
      }
      case 'userdata':
        o.userdata = Uint8Array.from(
          v
            .split('.')
            .filter(Boolean)
            .map((x) => parseInt(x, 16)),
        );
        break;
      case 'pause':
        o.pause = true;
        break;
      case 'meter_id':
        o.meterId = parseNum(v, 32, kv.valuePos, 'meter_id');
        break;
      default:
        throw new FlowParseError('OF_TEXT_SYNTAX', `controller: unknown argument ${JSON.stringify(kv.key)}`, p.pos);
    }
  }
  if (o.userdata || o.pause || o.meterId) return { type: 'controller2', ...o };
  return { type: 'controller', maxLen: o.maxLen ?? 0xffff, id: o.id ?? 0, reason: o.reason ?? 1 };
}

function parseOneAction(p: Piece, ctx: ActCtx, out: Action[]): void {
  const t = p.text;
  // move:SRC->DST, load:V->DST, set_field:V->F (also written move(...), load(...), set_field(...))
  const paren = /^(move|load|set_field)\((.*)\)$/s.exec(t);
  if (paren) {
    parseOneAction({ text: `${paren[1]}:${paren[2]}`, pos: p.pos }, ctx, out);
    return;
  }
  for (const k of ['push:', 'pop:'] as const) {
    if (!t.startsWith(k)) continue;
    const slice = parseSlice(t.slice(k.length), p.pos + k.length);
    out.push({ type: k === 'push:' ? 'stackPush' : 'stackPop', slice });
    return;
  }
  const arrowKinds = ['move:', 'load:', 'set_field:'];
  for (const k of arrowKinds) {
    if (!t.startsWith(k)) continue;
    const body = t.slice(k.length);
    const arrow = body.lastIndexOf('->');
    if (arrow < 0) throw new FlowParseError('OF_TEXT_SYNTAX', `${k.slice(0, -1)}: missing ->`, p.pos);
    const lhs = body.slice(0, arrow);
    const rhsPos = p.pos + k.length + arrow + 2;
    const rhs = body.slice(arrow + 2);
    if (k === 'move:') {
      const src = parseSlice(lhs, p.pos + k.length);
      const dst = parseSlice(rhs, rhsPos);
      if (src.nBits !== dst.nBits)
        throw new FlowParseError(
          'OF_TEXT_BAD_WIDTH',
          `move: ${src.nBits}-bit source to ${dst.nBits}-bit destination`,
          p.pos,
        );
      out.push(ctx.version >= 0x06 ? { type: 'copyField', nBits: src.nBits, src, dst } : { type: 'regMove', src, dst });
    } else if (k === 'load:') {
      const dst = parseSlice(rhs, rhsPos);
      const def = fieldByName(dst.field)!;
      let v: bigint;
      if (/^(0x[0-9a-fA-F]+|[0-9]+)$/.test(lhs)) v = parseUint(lhs, dst.nBits, p.pos + k.length, 'load');
      else v = bytesToBigInt(parseFieldValue(def, lhs, p.pos + k.length).value);
      if (dst.nBits < 1024 && v >> BigInt(dst.nBits) !== 0n)
        throw new FlowParseError('OF_TEXT_BAD_WIDTH', `load: ${lhs} does not fit ${dst.nBits} bits`, p.pos + k.length);
      if (dst.nBits > 64 && ctx.version < 0x06) {
        // OVS splits a wide load into 64-bit NXAST_REG_LOADs, low bits first
        for (let ofs = 0; ofs < dst.nBits; ofs += 64) {
          const n = Math.min(64, dst.nBits - ofs);
          out.push({
            type: 'regLoad',
            dst: { field: dst.field, ofs: dst.ofs + ofs, nBits: n },
            value: (v >> BigInt(ofs)) & ((1n << BigInt(n)) - 1n),
          });
        }
        return;
      }
      if (dst.nBits < 64 && v >> BigInt(dst.nBits) !== 0n)
        throw new FlowParseError('OF_TEXT_BAD_WIDTH', `load: ${lhs} does not fit ${dst.nBits} bits`, p.pos + k.length);
      if (ctx.version >= 0x06) {
        const whole = dst.ofs === 0 && dst.nBits === def.bytes * 8;
        const m = ((1n << BigInt(dst.nBits)) - 1n) << BigInt(dst.ofs);
        out.push({
          type: 'setField',
          field: {
            field: def.name,
            value: bigIntToBytes(v << BigInt(dst.ofs), def.bytes),
            ...(whole ? {} : { mask: bigIntToBytes(m, def.bytes) }),
          },
        });
      } else {
        out.push({ type: 'regLoad', dst, value: v });
      }
    } else {
      const def = lookupField(rhs);
      if (!def) throw new FlowParseError('OF_TEXT_UNKNOWN_FIELD', `unknown field ${JSON.stringify(rhs)}`, rhsPos);
      const v = parseFieldValue(def, lhs, p.pos + k.length);
      let name = def.name;
      let value = v.value;
      if (name === 'in_port' && ctx.version >= 0x03) {
        name = 'in_port_oxm';
        value = bigIntToBytes(BigInt(port10To11(bytesToNum(value))), 4);
      }
      out.push(...setFieldAction(ctx, name, value, v.mask));
    }
    return;
  }
  if (t.startsWith('check_pkt_larger(')) {
    const m = /^check_pkt_larger\((\d+)\)->(.*)$/.exec(t);
    if (!m) throw new FlowParseError('OF_TEXT_SYNTAX', 'check_pkt_larger(N)->DST', p.pos);
    const dst = parseSlice(m[2]!, p.pos + t.indexOf('->') + 2);
    if (dst.nBits !== 1)
      throw new FlowParseError('OF_TEXT_BAD_WIDTH', 'check_pkt_larger: destination must be 1 bit', p.pos);
    out.push({ type: 'checkPktLarger', pktLen: parseNum(m[1]!, 16, p.pos, 'length'), dst });
    return;
  }
  const kv = keyValue(p, ':');
  const key = kv.key.toLowerCase();
  const v = kv.value;
  const vp = kv.valuePos;
  const needV = (): string => {
    if (v === undefined || v === '')
      throw new FlowParseError('OF_TEXT_SYNTAX', `${key} needs an argument`, p.pos + p.text.length);
    return v;
  };
  const v13 = ctx.version >= 0x02;
  switch (key) {
    case 'drop':
      return;
    case 'encap':
    case 'decap':
      out.push(encapToAction(parseEncap(key, v ?? '', vp)));
      return;
    case 'output':
      if (kv.paren) {
        let port = 0;
        let maxLen = 0;
        for (const q of splitTop(v ?? '', vp, false)) {
          const a = keyValue(q, '=');
          if (a.key === 'port') port = parsePort32(a.value ?? '', a.valuePos);
          else if (a.key === 'max_len') maxLen = parseNum(a.value ?? '', 32, a.valuePos, 'max_len');
          else throw new FlowParseError('OF_TEXT_SYNTAX', `output: unknown argument ${a.key}`, q.pos);
        }
        out.push({ type: 'outputTrunc', port, maxLen });
        return;
      }
      if (
        /[[]/.test(needV()) ||
        (lookupField(v!) && !/^(in_port|local|normal|flood|all|table|controller|any|none)$/i.test(v!))
      ) {
        out.push({ type: 'outputReg', src: parseSlice(v!, vp), maxLen: 0xffff });
        return;
      }
      out.push({ type: 'output', port: parsePort32(v!, vp), maxLen: 0 });
      return;
    case 'controller':
      if (kv.paren) out.push(parseController(v, vp));
      else out.push({ type: 'output', port: 0xfffffffd, maxLen: v ? parseNum(v, 16, vp, 'max_len') : 0xffff });
      return;
    case 'in_port':
    case 'local':
    case 'normal':
    case 'flood':
    case 'all':
    case 'table':
      out.push({ type: 'output', port: parsePort32(key, p.pos), maxLen: 0 });
      return;
    case 'enqueue': {
      const parts = (v ?? '').split(kv.paren ? ',' : ':');
      if (parts.length !== 2) throw new FlowParseError('OF_TEXT_SYNTAX', 'enqueue needs port and queue', vp);
      const port = parsePort32(parts[0]!, vp);
      const queueId = parseNum(parts[1]!, 32, vp, 'queue');
      // OpenFlow 1.1+ has no enqueue action: set_queue then output, as OVS encodes it
      if (ctx.version >= 0x02) out.push({ type: 'setQueue', queueId }, { type: 'output', port, maxLen: 0 });
      else out.push({ type: 'enqueue', port, queueId });
      return;
    }
    case 'set_queue':
      out.push({ type: 'setQueue', queueId: parseNum(needV(), 32, vp, 'queue') });
      return;
    case 'pop_queue':
      out.push({ type: 'popQueue' });
      return;
    case 'group':
      out.push({ type: 'group', groupId: parseNum(needV(), 32, vp, 'group') });
      return;
    case 'meter':
      out.push({ type: 'meter', meterId: parseNum(needV(), 32, vp, 'meter') });
      return;
    case 'mod_vlan_vid': {
      const vid = parseNum(needV(), 16, vp, 'vlan id');
      if (vid > 0xfff) throw new FlowParseError('OF_TEXT_BAD_WIDTH', `vlan id ${vid} is not 12 bits`, vp);
      if (!v13) {
        out.push({ type: 'setVlanVid', vid });
        return;
      }
      if (!hasVlan(ctx.match) && !out.some((a) => a.type === 'pushVlan'))
        out.push({ type: 'pushVlan', ethertype: 0x8100 });
      out.push(...setFieldAction(ctx, 'vlan_vid', bigIntToBytes(BigInt(0x1000 | vid), 2)));
      return;
    }
    case 'mod_vlan_pcp': {
      const pcp = parseNum(needV(), 8, vp, 'vlan pcp');
      if (pcp > 7) throw new FlowParseError('OF_TEXT_BAD_WIDTH', `vlan pcp ${pcp} is not 0..7`, vp);
      if (!v13) {
        out.push({ type: 'setVlanPcp', pcp });
        return;
      }
      if (!hasVlan(ctx.match) && !out.some((a) => a.type === 'pushVlan'))
        out.push({ type: 'pushVlan', ethertype: 0x8100 });
      out.push(...setFieldAction(ctx, 'vlan_pcp', Uint8Array.of(pcp)));
      return;
    }
    case 'strip_vlan':
      out.push(v13 ? { type: 'popVlan' } : { type: 'stripVlan' });
      return;
    case 'pop_vlan':
      out.push(v13 ? { type: 'popVlan' } : { type: 'stripVlan' });
      return;
    case 'push_vlan':
      out.push({ type: 'pushVlan', ethertype: parseNum(needV(), 16, vp, 'ethertype') });
      return;
    case 'push_mpls':
      out.push({ type: 'pushMpls', ethertype: parseNum(needV(), 16, vp, 'ethertype') });
      return;
    case 'pop_mpls':
      out.push({ type: 'popMpls', ethertype: parseNum(needV(), 16, vp, 'ethertype') });
      return;
    case 'set_mpls_label':
      if (v13 && ctx.version >= 0x03)
        out.push(...setFieldAction(ctx, 'mpls_label', bigIntToBytes(BigInt(parseNum(needV(), 20, vp, 'label')), 4)));
      else out.push({ type: 'setMplsLabel', label: parseNum(needV(), 20, vp, 'label') });
      return;
    case 'set_mpls_tc':
      if (v13 && ctx.version >= 0x03)
        out.push(...setFieldAction(ctx, 'mpls_tc', Uint8Array.of(parseNum(needV(), 3, vp, 'tc'))));
      else out.push({ type: 'setMplsTc', tc: parseNum(needV(), 3, vp, 'tc') });
      return;
    case 'set_mpls_ttl':
      out.push({ type: 'setMplsTtl', ttl: parseNum(needV(), 8, vp, 'ttl') });
      return;
    case 'dec_mpls_ttl':
      out.push({ type: 'decMplsTtl' });
      return;
    case 'mod_nw_ttl':
      out.push({ type: 'setNwTtl', ttl: parseNum(needV(), 8, vp, 'ttl') });
      return;
    case 'dec_ttl':
      if (kv.paren && (v ?? '').trim() !== '')
        out.push({
          type: 'decTtl',
          ids: splitTop(v ?? '', vp, false).map((q) => parseNum(q.text, 16, q.pos, 'controller id')),
        });
      else out.push(v13 ? { type: 'decNwTtl' } : { type: 'decTtl' });
      return;
    case 'mod_dl_src':
    case 'mod_dl_dst': {
      const mac = parseMac(needV(), vp);
      if (!v13) out.push({ type: key === 'mod_dl_src' ? 'setDlSrc' : 'setDlDst', mac });
      else out.push(...setFieldAction(ctx, key === 'mod_dl_src' ? 'eth_src' : 'eth_dst', mac));
      return;
    }
    case 'mod_nw_src':
    case 'mod_nw_dst': {
      const addr = parseIpv4(needV(), vp);
      if (!v13) out.push({ type: key === 'mod_nw_src' ? 'setNwSrc' : 'setNwDst', addr });
      else out.push(...setFieldAction(ctx, key === 'mod_nw_src' ? 'ip_src' : 'ip_dst', addr));
      return;
    }
    case 'mod_nw_tos': {
      const tos = parseNum(needV(), 8, vp, 'tos');
      if (tos & 3) throw new FlowParseError('OF_TEXT_BAD_VALUE', 'mod_nw_tos: low 2 bits must be zero', vp);
      if (v13) out.push(...setFieldAction(ctx, 'ip_dscp', Uint8Array.of(tos >> 2)));
      else out.push({ type: 'setNwTos', tos });
      return;
    }
    case 'mod_nw_ecn': {
      const ecn = parseNum(needV(), 2, vp, 'ecn');
      if (ctx.version === 0x02) out.push({ type: 'setNwEcn', ecn });
      else out.push(...setFieldAction(ctx, 'nw_ecn', Uint8Array.of(ecn)));
      return;
    }
    case 'mod_tp_src':
    case 'mod_tp_dst': {
      const port = parseNum(needV(), 16, vp, 'port');
      if (!v13) {
        out.push({ type: key === 'mod_tp_src' ? 'setTpSrc' : 'setTpDst', port });
        return;
      }
      const proto = matchProto(ctx.match);
      const base = proto === 17 ? 'udp' : proto === 132 ? 'sctp' : 'tcp';
      out.push(
        ...setFieldAction(ctx, `${base}_${key === 'mod_tp_src' ? 'src' : 'dst'}`, bigIntToBytes(BigInt(port), 2)),
      );
      return;
    }
    case 'resubmit': {
      if (!kv.paren) {
        out.push({ type: 'resubmit', inPort: parsePort16(needV(), vp) });
        return;
      }
      const args = (v ?? '').split(',');
      if (args.length < 1 || args.length > 3)
        throw new FlowParseError('OF_TEXT_SYNTAX', 'resubmit(port,table[,ct])', vp);
      const inPort = args[0] ? parsePort16(args[0], vp) : 0xfff8;
      const table = args[1] ? parseNum(args[1], 8, vp, 'table') : 0xff;
      if (args[2] !== undefined && args[2] !== 'ct')
        throw new FlowParseError('OF_TEXT_SYNTAX', `resubmit: unknown ${args[2]}`, vp);
      out.push({ type: 'resubmit', inPort, table, ...(args[2] === 'ct' ? { ct: true } : {}) });
      return;
    }
    case 'set_tunnel':
    case 'set_tunnel64': {
      const id = parseUint(needV(), 64, vp, 'tunnel id');
      if (ctx.version >= 0x03) out.push({ type: 'setField', field: { field: 'tun_id', value: bigIntToBytes(id, 8) } });
      else out.push({ type: 'setTunnel', tunId: id, wide: key === 'set_tunnel64' || id > 0xffffffffn });
      return;
    }
    case 'note': {
      const hex = (v ?? '').replace(/[.:]/g, '');
      if (!/^([0-9a-fA-F]{2})*$/.test(hex))
        throw new FlowParseError('OF_TEXT_BAD_VALUE', 'note: expected hex bytes', vp);
      const data = Uint8Array.from(Buffer.from(hex, 'hex'));
      // OVS pads the note so the action is a multiple of 8 bytes
      const len = (10 + data.length + 7) & ~7;
      const padded = new Uint8Array(len - 10);
      padded.set(data);
      out.push({ type: 'note', data: padded });
      return;
    }
    case 'ct': {
      let commit = false,
        force = false;
      let zone: number | undefined;
      let zoneSrc: FieldSlice | undefined;
      let table: number | undefined;
      let alg: number | undefined;
      const inner: Action[] = [];
      for (const q of splitTop(v ?? '', vp, false)) {
        const a = keyValue(q, '=');
        if (a.key === 'commit') commit = true;
        else if (a.key === 'force') force = true;
        else if (a.key === 'table') table = parseNum(a.value ?? '', 8, a.valuePos, 'table');
        else if (a.key === 'zone') {
          if (/^[0-9]/.test(a.value ?? '')) zone = parseNum(a.value ?? '', 16, a.valuePos, 'zone');
          else {
            zoneSrc = parseSlice(a.value ?? '', a.valuePos);
            if (zoneSrc.nBits !== 16)
              throw new FlowParseError(
                'OF_TEXT_BAD_WIDTH',
                `ct zone field must be 16 bits, ${zoneSrc.nBits} given`,
                a.valuePos,
              );
          }
        } else if (a.key === 'alg') {
          alg = a.value === 'ftp' ? 21 : a.value === 'tftp' ? 69 : parseNum(a.value ?? '', 16, a.valuePos, 'alg');
        } else if (a.key === 'nat') {
          inner.unshift(parseNatSpec(a.value, a.valuePos));
        } else if (a.key === 'exec') {
          for (const e of splitTop(a.value ?? '', a.valuePos, false)) parseOneAction(e, ctx, inner);
        } else {
          throw new FlowParseError('OF_TEXT_SYNTAX', `ct: unknown argument ${JSON.stringify(a.key)}`, q.pos);
        }
      }
      if (force && !commit) throw new FlowParseError('OF_TEXT_SYNTAX', 'ct: force requires commit', p.pos);
      out.push({
        type: 'ct',
        commit,
        force,
        ...(zoneSrc ? { zoneSrc } : zone !== undefined ? { zone } : {}),
        ...(table !== undefined ? { table } : {}),
        ...(alg !== undefined ? { alg } : {}),
        actions: inner,
      });
      return;
    }
    case 'ct_clear':
      out.push({ type: 'ctClear' });
      return;
    case 'exit':
      out.push({ type: 'exit' });
      return;
    case 'dec_nsh_ttl':
      out.push({ type: 'decNshTtl' });
      return;
    case 'clone': {
      const inner: Action[] = [];
      for (const e of splitTop(v ?? '', vp, false)) parseOneAction(e, ctx, inner);
      out.push({ type: 'clone', actions: inner });
      return;
    }
    case 'conjunction': {
      const m = /^\s*(\w+)\s*,\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(v ?? '');
      if (!m) throw new FlowParseError('OF_TEXT_SYNTAX', 'conjunction(id,k/n)', vp);
      const id = parseNum(m[1]!, 32, vp, 'conjunction id');
      const clause = Number(m[2]);
      const nClauses = Number(m[3]);
      if (nClauses < 2 || nClauses > 64 || clause < 1 || clause > nClauses) {
        throw new FlowParseError('OF_TEXT_BAD_VALUE', `conjunction: clause ${clause}/${nClauses} out of range`, vp);
      }
      out.push({ type: 'conjunction', id, clause, nClauses });
      return;
    }
    case 'learn':
      out.push(parseLearn(v ?? '', vp));
      return;
    case 'fin_timeout': {
      let idle = 0,
        hard = 0;
      for (const q of splitTop(v ?? '', vp, false)) {
        const a = keyValue(q, '=');
        if (a.key === 'idle_timeout') idle = parseNum(a.value ?? '', 16, a.valuePos, a.key);
        else if (a.key === 'hard_timeout') hard = parseNum(a.value ?? '', 16, a.valuePos, a.key);
        else throw new FlowParseError('OF_TEXT_SYNTAX', `fin_timeout: unknown ${a.key}`, q.pos);
      }
      out.push({ type: 'finTimeout', idleTimeout: idle, hardTimeout: hard });
      return;
    }
    case 'sample': {
      const o: Record<string, number> = {};
      let direction: 'ingress' | 'egress' | undefined;
      for (const q of splitTop(v ?? '', vp, false)) {
        const a = keyValue(q, '=');
        if (a.key === 'ingress' || a.key === 'egress') direction = a.key;
        else if (
          ['probability', 'collector_set_id', 'obs_domain_id', 'obs_point_id', 'sampling_port'].includes(a.key)
        ) {
          o[a.key] = parseNum(
            a.value ?? '',
            a.key === 'probability' || a.key === 'sampling_port' ? 16 : 32,
            a.valuePos,
            a.key,
          );
        } else throw new FlowParseError('OF_TEXT_SYNTAX', `sample: unknown ${a.key}`, q.pos);
      }
      if (!o.probability) throw new FlowParseError('OF_TEXT_BAD_VALUE', 'sample: probability must be nonzero', vp);
      out.push({
        type: 'sample',
        probability: o.probability,
        collectorSetId: o.collector_set_id ?? 0,
        obsDomainId: o.obs_domain_id ?? 0,
        obsPointId: o.obs_point_id ?? 0,
        ...(o.sampling_port !== undefined ? { samplingPort: o.sampling_port } : {}),
        ...(direction ? { direction } : {}),
      });
      return;
    }
    case 'multipath': {
      const a = splitTop(v ?? '', vp, false);
      if (a.length !== 6)
        throw new FlowParseError('OF_TEXT_SYNTAX', 'multipath(fields,basis,algorithm,n_links,arg,dst)', vp);
      const fields = (NX_HASH_FIELDS as readonly string[]).indexOf(a[0]!.text);
      const algorithm = (NX_MP_ALG as readonly string[]).indexOf(a[2]!.text);
      if (fields < 0 || algorithm < 0)
        throw new FlowParseError('OF_TEXT_BAD_VALUE', 'multipath: unknown fields or algorithm', vp);
      out.push({
        type: 'multipath',
        fields,
        basis: parseNum(a[1]!.text, 16, a[1]!.pos),
        algorithm,
        maxLink: parseNum(a[3]!.text, 16, a[3]!.pos) - 1,
        arg: parseNum(a[4]!.text, 32, a[4]!.pos),
        dst: parseSlice(a[5]!.text, a[5]!.pos),
      });
      return;
    }
    case 'bundle':
    case 'bundle_load': {
      const a = splitTop(v ?? '', vp, false);
      const load = key === 'bundle_load';
      const fields = (NX_HASH_FIELDS as readonly string[]).indexOf(a[0]?.text ?? '');
      const algorithm = (NX_BD_ALG as readonly string[]).indexOf(a[2]?.text ?? '');
      const memIdx = load ? 5 : 4;
      const memText = a.slice(memIdx).map((x) => x.text);
      if (fields < 0 || algorithm < 0 || a[3]?.text !== 'ofport' || !memText[0]?.startsWith('members:')) {
        throw new FlowParseError(
          'OF_TEXT_SYNTAX',
          `${key}(fields,basis,algorithm,ofport,${load ? 'dst,' : ''}members:p1,p2,...)`,
          vp,
        );
      }
      memText[0] = memText[0].slice(8);
      const members = memText
        .join(',')
        .replace(/^\[|\]$/g, '')
        .split(',')
        .filter((m) => m.trim() !== '');
      out.push({
        type: 'bundle',
        algorithm,
        fields,
        basis: parseNum(a[1]!.text, 16, a[1]!.pos),
        slaveType: 2,
        members: members.map((m) => parsePort16(m.trim(), vp)),
        ...(load ? { dst: parseSlice(a[4]!.text, a[4]!.pos) } : {}),
      });
      return;
    }
    case 'delete_field': {
      const def = lookupField(needV());
      if (!def) throw new FlowParseError('OF_TEXT_UNKNOWN_FIELD', `unknown field ${JSON.stringify(v)}`, vp);
      out.push({ type: 'deleteField', field: def.name });
      return;
    }
    default:
      break;
  }
  if (/^\d+$/.test(t)) {
    out.push({ type: 'output', port: parsePort32(t, p.pos), maxLen: 0 });
    return;
  }
  throw new FlowParseError('OF_TEXT_UNKNOWN_ACTION', `unknown action ${JSON.stringify(kv.key)}`, p.pos);
}

/**
 * Parses an ovs-ofctl action list (without `actions=`), e.g. `ct(commit,zone=5,nat(src=10.0.0.1)),resubmit(,9)`.
 * `match` lets mod_vlan_vid / mod_tp_* pick what OVS picks (push_vlan if untagged; tcp/udp/sctp port).
 * @throws FlowParseError OF_TEXT_UNKNOWN_ACTION, OF_TEXT_SYNTAX, OF_TEXT_BAD_VALUE, OF_TEXT_BAD_WIDTH
 */
export function parseActions(text: string, version: OfVersion, match: Match = [], base = 0): Action[] {
  const out: Action[] = [];
  const ctx: ActCtx = { version, match };
  for (const p of splitTop(text, base, true)) parseOneAction(p, ctx, out);
  return out;
}

/** Parses actions= text into OpenFlow 1.1+ instructions (OF1.0: one apply_actions). */
export function parseInstructions(text: string, version: OfVersion, match: Match = [], base = 0): Instruction[] {
  const apply: Action[] = [];
  const ins: Instruction[] = [];
  const ctx: ActCtx = { version, match };
  for (const p of splitTop(text, base, true)) {
    const kv = keyValue(p, ':');
    switch (kv.key) {
      case 'write_actions': {
        const inner: Action[] = [];
        for (const e of splitTop(kv.value ?? '', kv.valuePos, false)) parseOneAction(e, ctx, inner);
        // ovs-ofctl drops an empty write_actions(drop) when it parses text
        if (inner.length) ins.push({ type: 'writeActions', actions: inner });
        continue;
      }
      case 'clear_actions':
        ins.push({ type: 'clearActions' });
        continue;
      case 'goto_table':
        ins.push({ type: 'gotoTable', tableId: parseNum(kv.value ?? '', 8, kv.valuePos, 'goto_table') });
        continue;
      case 'write_metadata': {
        const [a, m] = (kv.value ?? '').split('/');
        ins.push({
          type: 'writeMetadata',
          metadata: parseUint(a!, 64, kv.valuePos, 'metadata'),
          mask: m === undefined ? 0xffffffffffffffffn : parseUint(m, 64, kv.valuePos, 'mask'),
        });
        continue;
      }
      case 'meter':
        if (version < 0x06 && version >= 0x04) {
          ins.push({ type: 'meter', meterId: parseNum(kv.value ?? '', 32, kv.valuePos, 'meter') });
          continue;
        }
        break;
      default:
        break;
    }
    parseOneAction(p, ctx, apply);
  }
  if (version === 0x01) return apply.length || ins.length === 0 ? [{ type: 'applyActions', actions: apply }] : ins;
  const order = ['meter', 'applyActions', 'clearActions', 'writeActions', 'writeMetadata', 'gotoTable'];
  if (apply.length) ins.push({ type: 'applyActions', actions: apply });
  return ins.sort((x, y) => order.indexOf(x.type) - order.indexOf(y.type));
}

/**
 * Parses one line of ovs-ofctl flow syntax: `table=…,priority=…,cookie=…,<match> actions=<actions>`.
 *
 * @example
 * parseFlow('table=9,priority=100,tcp,reg0=0x5,nw_dst=10.0.0.0/8 actions=ct(commit,zone=5),resubmit(,10)', OFP_VERSION.OF15)
 * @throws FlowParseError with `position` (0-based character index) and a code:
 *   OF_TEXT_SYNTAX, OF_TEXT_UNKNOWN_FIELD, OF_TEXT_BAD_VALUE, OF_TEXT_BAD_WIDTH, OF_TEXT_PREREQ, OF_TEXT_UNKNOWN_ACTION
 */
export function parseFlow(text: string, version: OfVersion): FlowSpec {
  const m = /(^|[\s,])actions?=/.exec(text);
  const head = m ? text.slice(0, m.index + m[1]!.length) : text;
  const actText = m ? text.slice(m.index + m[0].length) : undefined;
  const actPos = m ? m.index + m[0].length : text.length;
  const spec: FlowSpec = { match: [], instructions: [] };
  const flags: FlowFlag[] = [];
  const mb: MatchBuilder = { fields: new Map() };
  for (const p of splitTop(head, 0, true)) {
    const kv = keyValue(p, '=');
    const v = kv.value ?? '';
    switch (kv.key) {
      case 'table':
        spec.table = parseNum(v, 8, kv.valuePos, 'table');
        continue;
      case 'priority':
        spec.priority = parseNum(v, 16, kv.valuePos, 'priority');
        continue;
      case 'idle_timeout':
        spec.idleTimeout = parseNum(v, 16, kv.valuePos, 'idle_timeout');
        continue;
      case 'hard_timeout':
        spec.hardTimeout = parseNum(v, 16, kv.valuePos, 'hard_timeout');
        continue;
      case 'importance':
        spec.importance = parseNum(v, 16, kv.valuePos, 'importance');
        continue;
      case 'out_port':
        spec.outPort = parsePort32(v, kv.valuePos);
        continue;
      case 'out_group':
        spec.outGroup = parseNum(v, 32, kv.valuePos, 'out_group');
        continue;
      case 'cookie': {
        const [c, mask] = v.split('/');
        spec.cookie = parseUint(c!, 64, kv.valuePos, 'cookie');
        if (mask !== undefined) spec.cookieMask = parseUint(mask, 64, kv.valuePos, 'cookie mask');
        continue;
      }
      default:
        break;
    }
    if (kv.value === undefined && (FLOW_FLAGS as readonly string[]).includes(kv.key)) {
      flags.push(kv.key as FlowFlag);
      continue;
    }
    applyMatchPiece(mb, p, version);
  }
  spec.match = finishMatch(mb, version);
  if (flags.length) spec.flags = flags;
  if (actText === undefined) throw new FlowParseError('OF_TEXT_SYNTAX', 'missing actions=', text.length);
  spec.instructions = parseInstructions(actText, version, spec.match, actPos);
  return spec;
}
