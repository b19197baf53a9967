/**
 * How OVS encodes a field write from flow text, per OpenFlow version (ofp-actions.c
 * encode_SET_FIELD / encode_REG_LOAD): OFPAT_SET_FIELD, the legacy OF1.0/1.1 mod_* actions, or
 * NXAST_REG_LOAD(s) / NXAST_REG_LOAD2.
 */
import { fieldNBits } from '../match/widths.js';
import type { OfVersion } from '../version.js';
import type { Action } from '../actions/types.js';
import type { MatchField } from '../match/types.js';
import { fieldByName } from '../match/fields.js';
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
  // an unmasked set_field writes the field's n_bits (nw_ecn: 2, not 8), as OVS's mf exact mask
  const mask = f.mask ? bytesToBigInt(f.mask) : (1n << BigInt(Math.min(width, fieldNBits(def)))) - 1n;
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
