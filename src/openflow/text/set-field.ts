/**
 * How OVS encodes a field write from flow text, per OpenFlow version (ofp-actions.c
 * encode_SET_FIELD / encode_REG_LOAD): OFPAT_SET_FIELD, the legacy OF1.0/1.1 mod_* actions, or
 * NXAST_REG_LOAD(s) / NXAST_REG_LOAD2.
 */
import { fieldNBits } from '../match/widths.js';
import type { OfVersion } from '../version.js';
import type { Action } from '../actions/types.js';
import type { MatchField } from '../match/types.js';
import { fieldByName, OFPXMC } from '../match/fields.js';
import { bytesToBigInt, bytesToNum } from '../match/text-values.js';

/**
 * A set_field as OVS encodes it for the version (ofp-actions.c encode_SET_FIELD): OF1.5 always
 * OFPAT_SET_FIELD (masks allowed); OF1.2-1.4 OFPAT_SET_FIELD for whole fields, else NXAST_REG_LOAD
 * (contiguous mask) or NXAST_REG_LOAD2; OF1.0/1.1 the legacy mod_* action when one exists.
 */
export function setFieldAction(
  ctx: { readonly version: OfVersion },
  field: string,
  value: Uint8Array,
  mask?: Uint8Array,
): Action[] {
  // an all-ones mask is no mask (OVS keeps value/mask and drops an exact mask)
  if (mask && mask.every((b) => b === 0xff)) return setFieldAction(ctx, field, value);
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
