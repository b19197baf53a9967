/**
 * Builders from the ovs-ofctl flow syntax (openflow/text FlowSpec) to messages. They only build
 * values; sending is the connection's job.
 */
import { ovsWireMatch } from '../match/canonical.js';
import { fitsOf10Match } from '../match/match10.js';
import { usableOf } from '../match/usable.js';
import type { Match } from '../match/types.js';
import type { Action, Instruction } from '../actions/types.js';
import type { FlowFlag, FlowSpec } from '../text/types.js';
import type { OfVersion } from '../version.js';
import { OFPFC, OFPG, OFPP, OFPP10, OFP_NO_BUFFER } from './constants.js';
import { OfMessageError } from './errors.js';
import type { NxFlowMod } from './ext-types.js';
import type { FlowMod } from './types.js';

/**
 * Flow flag bits by OpenFlow version (lib/ofp-flow.c ofputil_flow_mod_flags): OFPFF_EMERG (bit 2)
 * exists only in 1.0, OFPFF12_RESET_COUNTS (bit 2) from 1.2, OFPFF13_NO_*_COUNTS from 1.3.
 */
const FLAG_BITS: Readonly<Record<FlowFlag, { bit: number; since: number }>> = {
  send_flow_rem: { bit: 1 << 0, since: 0x01 },
  check_overlap: { bit: 1 << 1, since: 0x01 },
  reset_counts: { bit: 1 << 2, since: 0x03 }, // OpenFlow 1.2 §A.3.4.1
  no_packet_counts: { bit: 1 << 3, since: 0x04 }, // OpenFlow 1.3 §A.3.4.1
  no_byte_counts: { bit: 1 << 4, since: 0x04 },
};

/**
 * The wire form of an OpenFlow 1.0 flow_mod: `'openflow'` is ofp_flow_mod with the fixed 40-byte
 * match, `'nicira'` is NXT_FLOW_MOD with an NXM match, `'auto'` picks as ovs-ofctl does (the plain
 * ofp_flow_mod when the match fits OpenFlow 1.0, else NXT_FLOW_MOD).
 */
export type FlowModForm = 'auto' | 'openflow' | 'nicira';

/** Options of {@link flowModFromSpec}. */
export interface FlowModOptions {
  /** OFPFC_* command (default ADD). */
  readonly command?: number;
  readonly xid?: number;
  /** OpenFlow 1.0 only: ofp_flow_mod or NXT_FLOW_MOD (default `'auto'`, as ovs-ofctl). */
  readonly form?: FlowModForm;
}

/**
 * A flow_mod for a parsed flow, with ovs-ofctl's defaults (priority 32768, table 0, no buffer,
 * out_port/out_group ANY — OFPP_NONE in OpenFlow 1.0) and the match folded and ordered as OVS
 * writes it (lib/nx-match.c nx_put_raw), so the encoded bytes equal `ovs-ofctl parse-flow`'s.
 *
 * In OpenFlow 1.0 the result is an ofp_flow_mod when the match fits the fixed OpenFlow 1.0 match,
 * else an NXT_FLOW_MOD (`nxFlowMod`) with an NXM match; `opts.form` forces one or the other.
 *
 * @example
 * const fm = flowModFromSpec(parseFlow('table=1,priority=5,ip actions=drop', 0x06), 0x06, OFPFC.ADD);
 * conn.send(fm);
 * const nx = flowModFromSpec(parseFlow('dl_src=00:00:00:00:00:01/01:00:00:00:00:00 actions=drop', 1), 1, { form: 'auto' }); // nxFlowMod
 * @throws OfMessageError OF_MSG_UNSUPPORTED for a flag the version has no bit for
 * @throws MatchError OF_MATCH_BAD_FIELD / OF_MATCH_BAD_MASK with `form: 'openflow'` and a match OpenFlow 1.0 cannot carry
 */
export function flowModFromSpec(spec: FlowSpec, version: Exclude<OfVersion, 0x01>, opts?: FlowModOptions): FlowMod;
export function flowModFromSpec(
  spec: FlowSpec,
  version: Exclude<OfVersion, 0x01>,
  command?: number,
  xid?: number,
): FlowMod;
export function flowModFromSpec(spec: FlowSpec, version: OfVersion, opts?: FlowModOptions): FlowMod | NxFlowMod;
export function flowModFromSpec(
  spec: FlowSpec,
  version: OfVersion,
  command?: number,
  xid?: number,
): FlowMod | NxFlowMod;
export function flowModFromSpec(
  spec: FlowSpec,
  version: OfVersion,
  commandOrOpts: number | FlowModOptions = OFPFC.ADD,
  xid = 0,
): FlowMod | NxFlowMod {
  const opts: FlowModOptions = typeof commandOrOpts === 'number' ? { command: commandOrOpts, xid } : commandOrOpts;
  const command = opts.command ?? OFPFC.ADD;
  let flags = 0;
  for (const f of spec.flags ?? []) {
    const b = FLAG_BITS[f];
    if (version < b.since) {
      // OpenFlow 1.0 and 1.1 reset the counters on every add (ofp-flow.c): nothing to send
      if (f === 'reset_counts' && command === OFPFC.ADD) continue;
      throw new OfMessageError(
        'OF_MSG_UNSUPPORTED',
        `flow flag ${f} needs a newer OpenFlow version than 0x0${version}`,
      );
    }
    flags |= b.bit;
  }
  const del = command === OFPFC.DELETE || command === OFPFC.DELETE_STRICT;
  const base = {
    version,
    xid: opts.xid ?? 0,
    cookie: spec.cookie ?? 0n,
    cookieMask: spec.cookieMask ?? 0n,
    tableId: spec.table ?? (del ? 0xff : 0),
    command,
    idleTimeout: spec.idleTimeout ?? 0,
    hardTimeout: spec.hardTimeout ?? 0,
    priority: spec.priority ?? 0x8000,
    bufferId: OFP_NO_BUFFER,
    outGroup: spec.outGroup ?? OFPG.ANY,
    flags,
    importance: version >= 5 && command === OFPFC.ADD ? (spec.importance ?? 0) : 0,
    instructions: spec.instructions,
  };
  if (version === 0x01) {
    const outPort = spec.outPort === undefined || spec.outPort === OFPP.ANY ? OFPP10.NONE : of10Port(spec.outPort);
    const nxm = ovsWireMatch(spec.match, 0x01);
    const ins10: FlowMod['instructions'] = [{ type: 'applyActions', actions: of10Actions(spec.instructions) }];
    const form = opts.form ?? 'auto';
    if (
      form === 'nicira' ||
      (form === 'auto' && (!fitsOf10Match(nxm) || !usableOf(spec.match).of10 || (spec.cookieMask ?? 0n) !== 0n))
    ) {
      return { ...base, type: 'nxFlowMod', outPort, match: nxm, instructions: ins10 };
    }
    return { ...base, type: 'flowMod', outPort, match: nxm, instructions: ins10 };
  }
  const match: Match =
    version >= 0x03
      ? ovsWireMatch(spec.match, version)
      : spec.match.filter((f) => !(f.mask?.every((x) => x === 0) && !f.field.startsWith('tun_metadata')));
  return { ...base, type: 'flowMod', outPort: spec.outPort ?? OFPP.ANY, match };
}

/** A 32-bit (OpenFlow 1.1+) port number as OpenFlow 1.0's 16 bits (reserved ports 0xffffff00.. → 0xff00..). */
function of10Port(p: number): number {
  if (p >= 0xffffff00) return p - 0xffff0000;
  if (p > 0xffff) throw new OfMessageError('OF_MSG_UNSUPPORTED', `out_port ${p} does not fit OpenFlow 1.0's 16 bits`);
  return p;
}

/**
 * OpenFlow 1.0 has no instructions: a flow_mod carries one action list. Instructions become actions
 * as OVS encodes them for 1.0 (lib/ofp-actions.c): apply_actions' actions in order, goto_table:N
 * as NXAST_RESUBMIT_TABLE `resubmit(,N)` at the end, and mod_nw_ttl (OFPAT11_SET_NW_TTL, which 1.0
 * lacks) as `load:N->NXM_NX_IP_TTL[]`. clear_actions and write_actions have no 1.0 form and OVS
 * writes nothing for them; write_metadata (NXAST_WRITE_METADATA), meter and the others are refused.
 * @throws OfMessageError OF_MSG_UNSUPPORTED for an instruction OpenFlow 1.0 cannot carry
 */
export function of10Actions(ins: readonly Instruction[]): readonly Action[] {
  if (ins.length === 1 && ins[0]!.type === 'applyActions' && !ins[0]!.actions.some((a) => a.type === 'setNwTtl'))
    return ins[0]!.actions;
  const out: Action[] = [];
  let goto: number | undefined;
  for (const i of ins) {
    switch (i.type) {
      case 'applyActions':
        for (const a of i.actions) {
          out.push(
            a.type === 'setNwTtl'
              ? { type: 'regLoad', dst: { field: 'nw_ttl', ofs: 0, nBits: 8 }, value: BigInt(a.ttl) }
              : a,
          );
        }
        break;
      case 'gotoTable':
        goto = i.tableId;
        break;
      case 'clearActions':
      case 'writeActions':
        break; // ofp-actions.c encode_CLEAR_ACTIONS / encode_WRITE_ACTIONS: nothing in OpenFlow 1.0
      default:
        throw new OfMessageError('OF_MSG_UNSUPPORTED', `OpenFlow 1.0 flow_mod cannot carry a ${i.type} instruction`);
    }
  }
  if (goto !== undefined) out.push({ type: 'resubmit', inPort: 0xfff8, table: goto });
  return out;
}
