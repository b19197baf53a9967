/**
 * How OVS encodes a field write from flow text, per OpenFlow version (ofp-actions.c
 * encode_SET_FIELD / encode_REG_LOAD): OFPAT_SET_FIELD, the legacy OF1.0/1.1 mod_* actions, or
 * NXAST_REG_LOAD(s) / NXAST_REG_LOAD2.
 */
import { fieldNBits } from '../match/widths.js';
import type { OfVersion } from '../version.js';
import type { Action } from '../actions/types.js';
import type { Match, MatchField } from '../match/types.js';
import { fieldByName, OFPXMC, type FieldDef } from '../match/fields.js';
import { bigIntToBytes, bytesToBigInt, bytesToNum } from '../match/text-values.js';
import { parseFieldValue } from './values.js';

/**
 * The value (and mask) of a set_field's value text as OVS's mf_parse reads it: like a match value,
 * except that flags written without `+`/`-` (`oam`, `1`) set the whole field (lib/flow.c parse_flags
 * gives an all-ones mask), so `set_field:oam->tun_flags` is an unmasked OFPAT_SET_FIELD while
 * `set_field:+oam->tun_flags` is a masked write.
 */
export function parseSetFieldValue(def: FieldDef, text: string, pos: number): { value: Uint8Array; mask?: Uint8Array } {
  const v = parseFieldValue(def, text, pos);
  if (def.format === 'tunFlags' && !text.includes('/') && !/^[+-]/.test(text)) return { value: v.value };
  // an integer value keeps the bits its mask clears (OVS writes value and mask as written)
  if (v.mask && (def.format === 'dec' || def.format === 'hex')) {
    const whole = parseFieldValue(def, text.slice(0, text.indexOf('/')), pos);
    return { value: bigIntToBytes(bytesToBigInt(whole.value), v.value.length), mask: v.mask };
  }
  return v;
}

/**
 * Whether the flow has a VLAN header where the set_field stands, as OVS's check_SET_FIELD sees it:
 * the match's CFI bit, then the actions before it that push, pop or set a tag.
 */
function flowHasVlan(m: Match | undefined, prior: readonly Action[]): boolean {
  let has = false;
  for (const f of m ?? []) {
    if ((f.field === 'vlan_tci' || f.field === 'vlan_vid') && (bytesToNum(f.value) & 0x1000) !== 0) has = true;
  }
  for (const a of prior) {
    if (a.type === 'pushVlan' || a.type === 'setVlanVid' || a.type === 'setVlanPcp') has = true;
    else if (a.type === 'popVlan' || a.type === 'stripVlan') has = false;
  }
  return has;
}

/**
 * A set_field as OVS encodes it for the version (ofp-actions.c encode_SET_FIELD): OF1.5 always
 * OFPAT_SET_FIELD (masks allowed); OF1.2-1.4 OFPAT_SET_FIELD for whole fields, else NXAST_REG_LOAD
 * (contiguous mask) or NXAST_REG_LOAD2; OF1.0/1.1 the legacy mod_* action when one exists.
 * `prior` are the actions before it in its list (OF1.1 vlan_tci pushes a tag only if none is there).
 */
export function setFieldAction(
  ctx: { readonly version: OfVersion; readonly match?: Match },
  field: string,
  value: Uint8Array,
  mask?: Uint8Array,
  prior: readonly Action[] = [],
): Action[] {
  // an all-ones mask is no mask (OVS keeps value/mask and drops an exact mask)
  if (mask && mask.every((b) => b === 0xff)) return setFieldAction(ctx, field, value, undefined, prior);
  const f: MatchField = { field, value, ...(mask ? { mask } : {}) };
  if (ctx.version >= 0x06) return [{ type: 'setField', field: f }];
  if (ctx.version >= 0x03 && !mask) return [{ type: 'setField', field: f }];
  // set_field_to_legacy_openflow: vlan_tci in OpenFlow 1.0 is set_vlan_vid + set_vlan_pcp (CFI set) or strip_vlan
  if (ctx.version === 0x01 && !mask && field === 'vlan_tci') {
    const t = bytesToNum(value);
    return t & 0x1000
      ? [
          { type: 'setVlanVid', vid: t & 0xfff },
          { type: 'setVlanPcp', pcp: t >> 13 },
        ]
      : [{ type: 'stripVlan' }];
  }
  // OpenFlow 1.1 set_vlan_* only act on a tagged packet: OVS pushes a tag first unless the match
  // has one, and pops one for CFI=0 (ofp-actions.c set_field_to_legacy_openflow)
  if (ctx.version === 0x02 && !mask && field === 'vlan_tci') {
    const t = bytesToNum(value);
    if (!(t & 0x1000)) return [{ type: 'popVlan' }];
    return [
      ...(flowHasVlan(ctx.match, prior) ? [] : [{ type: 'pushVlan', ethertype: 0x8100 } as const]),
      { type: 'setVlanVid', vid: t & 0xfff, ofpat11: true },
      { type: 'setVlanPcp', pcp: t >> 13, ofpat11: true },
    ];
  }
  // encode_SET_IP_ECN: OFPAT11_SET_NW_ECN in OpenFlow 1.1 (a 2-bit load in 1.0)
  if (ctx.version === 0x02 && !mask && field === 'nw_ecn') return [{ type: 'setNwEcn', ecn: bytesToNum(value) & 3 }];
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

/**
 * ofp-actions.c set_field_to_nxast: NXAST_REG_LOAD2 for a field with no 4-byte NXM/OXM header or of
 * variable length (tun_metadata); otherwise one NXAST_REG_LOAD per run of 1-bits in the mask (at most
 * 64 bits each, low bits first, within the field's n_bits: next_load_segment).
 */
function loadFor(f: MatchField): Action[] {
  const def = fieldByName(f.field)!;
  const width = f.value.length * 8;
  const nBits = Math.min(width, fieldNBits(def));
  const hasHeader = def.codePoints.some((c) => c.cls !== OFPXMC.EXPERIMENTER);
  if (!hasHeader || f.field.startsWith('tun_metadata') || def.bytes * 8 !== width)
    return [{ type: 'regLoad2', field: f }];
  const mask = f.mask ? bytesToBigInt(f.mask) : (1n << BigInt(nBits)) - 1n;
  const v = bytesToBigInt(f.value);
  const out: Action[] = [];
  let ofs = 0;
  while (ofs < nBits) {
    if (((mask >> BigInt(ofs)) & 1n) === 0n) {
      ofs++;
      continue;
    }
    let n = 1;
    while (ofs + n < nBits && n < 64 && ((mask >> BigInt(ofs + n)) & 1n) === 1n) n++;
    out.push({
      type: 'regLoad',
      dst: { field: def.name, ofs, nBits: n },
      value: (v >> BigInt(ofs)) & ((1n << BigInt(n)) - 1n),
    });
    ofs += n;
  }
  return out;
}
