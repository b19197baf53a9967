/**
 * Flow monitoring in its three encodings (OVS lib/ofp-monitor.c):
 *
 *   NXST_FLOW_MONITOR (Nicira, OF1.0–1.2), nicira-ext.h:
 *     request  nx_flow_monitor_request: id(32) flags(16) out_port(16) match_len(16) table_id(8)
 *              zeros(40), then an NXM match padded to 8
 *     update   nx_flow_update_full: length(16) event(16) reason(16) priority(16) idle(16) hard(16)
 *              match_len(16) table_id(8) pad(8) cookie(64), NXM match padded to 8, actions
 *              nx_flow_update_abbrev: length(16) event(16) xid(32)
 *   ONFST_FLOW_MONITOR (ONF extension 1870, OF1.3):
 *     request  id(32) flags(16) match_len(16, ignored by OVS) out_port(32) table_id(8) zeros(24),
 *              then an OXM ofp_match
 *     update   as the Nicira one with an OXM ofp_match in place of the NXM match
 *   OFPMP_FLOW_MONITOR (OpenFlow 1.4.1 §7.3.5.19):
 *     request  ofp14_flow_monitor_request: monitor_id(32) out_port(32) out_group(32) flags(16)
 *              table_id(8) command(8), ofp_match
 *     update   ofp14_flow_update_full: length(16) event(16) table_id(8) reason(8) idle(16) hard(16)
 *              priority(16) zeros(32) cookie(64) ofp_match instructions; abbrev: length event xid;
 *              paused / resumed: length event zeros(32)
 *
 * Plus NXT/ONFT_FLOW_MONITOR_CANCEL (id(32)) and _PAUSED / _RESUMED (no body).
 */
import type { ByteReader, ByteWriter } from '../../wire/index.js';
import { oxmFieldsLength, readMatch, writeMatch } from '../match/codec.js';
import { readActions, writeActions } from '../actions/list.js';
import { readInstructions, writeInstructions } from '../actions/instructions.js';
import type { Action, Instruction } from '../actions/index.js';
import type { OfVersion } from '../version.js';
import { OfMessageError, OfValidationError } from './errors.js';
import { readNxm, subByLength, writeNxm } from './props.js';
import type { ExtFlavor, FlowMonitorRequestEntry, FlowUpdate } from './ext-types.js';

/** nx_flow_monitor_flags (NXFMF_*). */
export const NXFMF = { INITIAL: 1, ADD: 2, DELETE: 4, MODIFY: 8, ACTIONS: 16, OWN: 32 } as const;
/** ofp14_flow_monitor_flags (OFPFMF14_*; OpenFlow 1.4.1 §7.3.5.19). */
export const OFPFMF14 = {
  INITIAL: 1,
  ADD: 2,
  REMOVED: 4,
  MODIFY: 8,
  INSTRUCTIONS: 16,
  NO_ABBREV: 32,
  ONLY_OWN: 64,
} as const;
/** nx_flow_update_event (NXFME_*). */
export const NXFME = { ADDED: 0, DELETED: 1, MODIFIED: 2, ABBREV: 3 } as const;
/** ofp_flow_update_event (OFPFME_*; OpenFlow 1.4.1 §7.3.5.19). */
export const OFPFME = { INITIAL: 0, ADDED: 1, REMOVED: 2, MODIFIED: 3, ABBREV: 4, PAUSED: 5, RESUMED: 6 } as const;

/** Entries carry the ONF match_len word only when it is not the match's own length (OVS ignores it). */
type OnfEntry = FlowMonitorRequestEntry & { readonly onfMatchLen?: number };

export const isFull = (u: FlowUpdate): u is Extract<FlowUpdate, { match: unknown }> => 'match' in u;

// ---- requests ------------------------------------------------------------------------------------

export function readMonitorRequests(r: ByteReader, v: OfVersion, flavor: ExtFlavor): FlowMonitorRequestEntry[] {
  const out: FlowMonitorRequestEntry[] = [];
  while (r.remaining) {
    if (r.remaining < 16)
      throw new OfMessageError('OF_MSG_BAD_LENGTH', `flow monitor request of ${r.remaining} bytes`, r.offset);
    const at = r.offset;
    if (flavor === 'nx') {
      const id = r.u32();
      const flags = r.u16();
      const outPort = r.u16();
      const matchLen = r.u16();
      const tableId = r.u8();
      mustBeZero(r, 5, at);
      const match = readNxm(r, matchLen);
      out.push({ id, flags, outPort, tableId, match });
    } else if (flavor === 'onf') {
      const id = r.u32();
      const flags = r.u16();
      const matchLenWord = r.u16();
      const outPort = r.u32();
      const tableId = r.u8();
      mustBeZero(r, 3, at);
      const mstart = r.offset;
      const match = readMatch(r, v);
      const e: OnfEntry = { id, flags, outPort, tableId, match };
      const natural = (r.buf[mstart + 2]! << 8) | r.buf[mstart + 3]!;
      out.push(matchLenWord === natural ? e : { ...e, onfMatchLen: matchLenWord });
    } else {
      const id = r.u32();
      const outPort = r.u32();
      const outGroup = r.u32();
      const flags = r.u16();
      const tableId = r.u8();
      const command = r.u8();
      out.push({ id, flags, outPort, outGroup, tableId, command, match: readMatch(r, v) });
    }
  }
  return out;
}

function mustBeZero(r: ByteReader, n: number, at: number): void {
  for (let i = 0; i < n; i++) {
    if (r.u8() !== 0)
      throw new OfMessageError(
        'OF_MSG_BAD_VALUE',
        'flow monitor request zero bytes are not zero (NXBRC_MUST_BE_ZERO)',
        at,
      );
  }
}

export function writeMonitorRequests(
  w: ByteWriter,
  list: readonly FlowMonitorRequestEntry[],
  v: OfVersion,
  flavor: ExtFlavor,
): void {
  for (const e of list) {
    if (flavor === 'nx') {
      const len = oxmFieldsLength(e.match, v);
      w.u32(e.id).u16(e.flags).u16(e.outPort).u16(len).u8(e.tableId).zeros(5);
      writeNxm(w, e.match, v, len);
    } else if (flavor === 'onf') {
      const natural = 4 + oxmFieldsLength(e.match, v);
      w.u32(e.id)
        .u16(e.flags)
        .u16((e as OnfEntry).onfMatchLen ?? natural)
        .u32(e.outPort)
        .u8(e.tableId)
        .zeros(3);
      writeMatch(w, e.match, v);
    } else {
      w.u32(e.id)
        .u32(e.outPort)
        .u32(e.outGroup ?? 0xffffffff)
        .u16(e.flags)
        .u8(e.tableId)
        .u8(e.command ?? 0);
      writeMatch(w, e.match, v);
    }
  }
}

// ---- updates -------------------------------------------------------------------------------------

export function readFlowUpdates(r: ByteReader, v: OfVersion, flavor: ExtFlavor): FlowUpdate[] {
  const out: FlowUpdate[] = [];
  while (r.remaining) {
    if (r.remaining < 8) throw new OfMessageError('OF_MSG_BAD_LENGTH', `flow update of ${r.remaining} bytes`, r.offset);
    const len = r.peekU16(0);
    if (len % 8)
      throw new OfMessageError('OF_MSG_BAD_LENGTH', `flow update length ${len} is not a multiple of 8`, r.offset);
    const ur = subByLength(r, len, 8, 'flow update');
    ur.skip(2);
    const event = ur.u16();
    const abbrev = flavor === 'of' ? OFPFME.ABBREV : NXFME.ABBREV;
    if (event === abbrev) {
      if (len !== 8)
        throw new OfMessageError('OF_MSG_BAD_LENGTH', `abbreviated flow update of ${len} bytes`, ur.offset);
      out.push({ event, xid: ur.u32() });
      continue;
    }
    if (flavor === 'of') {
      if (event === OFPFME.PAUSED || event === OFPFME.RESUMED) {
        if (len !== 8)
          throw new OfMessageError('OF_MSG_BAD_LENGTH', `paused/resumed flow update of ${len} bytes`, ur.offset);
        if (ur.u32() !== 0)
          throw new OfMessageError('OF_MSG_BAD_VALUE', 'paused/resumed flow update zero bytes are not zero', ur.offset);
        out.push({ event });
        continue;
      }
      if (event > OFPFME.MODIFIED)
        throw new OfMessageError('OF_MSG_BAD_VALUE', `flow update event ${event} unknown`, ur.offset);
      if (len < 24) throw new OfMessageError('OF_MSG_BAD_LENGTH', `flow update of ${len} bytes`, ur.offset);
      const tableId = ur.u8();
      const reason = ur.u8();
      const idleTimeout = ur.u16();
      const hardTimeout = ur.u16();
      const priority = ur.u16();
      ur.skip(4);
      const cookie = ur.u64();
      const match = readMatch(ur, v);
      const instructions = readInstructions(ur, ur.remaining, v);
      out.push({
        event,
        reason,
        priority,
        idleTimeout,
        hardTimeout,
        tableId,
        cookie,
        match,
        actions: insToActions(instructions),
      });
      continue;
    }
    if (event > NXFME.MODIFIED)
      throw new OfMessageError(
        'OF_MSG_BAD_VALUE',
        `flow update event ${event} unknown (NXBRC_FM_BAD_EVENT)`,
        ur.offset,
      );
    if (len < 24) throw new OfMessageError('OF_MSG_BAD_LENGTH', `flow update of ${len} bytes`, ur.offset);
    const reason = ur.u16();
    const priority = ur.u16();
    const idleTimeout = ur.u16();
    const hardTimeout = ur.u16();
    const matchLen = ur.u16();
    const tableId = ur.u8();
    ur.skip(1);
    const cookie = ur.u64();
    let match;
    if (flavor === 'nx') {
      match = readNxm(ur, matchLen);
    } else {
      match = readMatch(ur, v);
    }
    // The ONF form carries instructions (OVS accepts only apply_actions), the Nicira one actions.
    const actions =
      flavor === 'onf' ? insToActions(readInstructions(ur, ur.remaining, v)) : readActions(ur, ur.remaining, v);
    out.push({ event, reason, priority, idleTimeout, hardTimeout, tableId, cookie, match, actions });
  }
  return out;
}

/** OF1.4 updates carry instructions; OVS shows (and sends) only an apply_actions list. */
function insToActions(ins: readonly Instruction[]): readonly Action[] {
  const out: Action[] = [];
  for (const i of ins) {
    if (i.type === 'applyActions') out.push(...i.actions);
    else
      throw new OfMessageError(
        'OF_MSG_BAD_VALUE',
        `flow update instruction ${i.type} is not supported (only apply_actions)`,
      );
  }
  return out;
}

export function writeFlowUpdates(w: ByteWriter, list: readonly FlowUpdate[], v: OfVersion, flavor: ExtFlavor): void {
  for (const u of list) {
    const start = w.offset;
    w.u16(0).u16(u.event);
    if ('xid' in u) w.u32(u.xid);
    else if (!isFull(u)) w.u32(0);
    else if (flavor === 'of') {
      w.u8(u.tableId).u8(u.reason).u16(u.idleTimeout).u16(u.hardTimeout).u16(u.priority).zeros(4).u64(u.cookie);
      writeMatch(w, u.match, v);
      if (u.actions.length) writeInstructions(w, [{ type: 'applyActions', actions: u.actions }], v);
    } else {
      const mlen = flavor === 'nx' ? oxmFieldsLength(u.match, v) : 4 + oxmFieldsLength(u.match, v);
      w.u16(u.reason).u16(u.priority).u16(u.idleTimeout).u16(u.hardTimeout).u16(mlen).u8(u.tableId).u8(0).u64(u.cookie);
      if (flavor === 'nx') {
        writeNxm(w, u.match, v, mlen);
        writeActions(w, u.actions, v);
      } else {
        writeMatch(w, u.match, v);
        if (u.actions.length) writeInstructions(w, [{ type: 'applyActions', actions: u.actions }], v);
      }
    }
    w.patchU16(start, w.offset - start);
  }
}

/**
 * OVS's checks on flow monitor requests (ofputil_decode_flow_monitor_request): flags must ask for
 * at least one of add / delete / modify and carry no unknown bit (Nicira / ONF: 0x3f; OF1.4:
 * 0x5f, no_abbrev is refused); a 32-bit out_port must be an OpenFlow 1.1 port number.
 * @returns the first refused entry and the OpenFlow error OVS answers with, or undefined.
 */
export function monitorRequestError(
  list: readonly FlowMonitorRequestEntry[],
  flavor: ExtFlavor,
): { index: number; ofpError: string; why: string } | undefined {
  for (const [index, e] of list.entries()) {
    if (flavor === 'of' && e.command === 2) continue; // a delete names only the monitor id
    const allowed = flavor === 'of' ? 0x5f : 0x3f;
    if (!(e.flags & 0x0e) || e.flags & ~allowed)
      return { index, ofpError: 'OFPMOFC_BAD_FLAGS', why: `flow monitor ${e.id} flags 0x${e.flags.toString(16)}` };
    if (flavor !== 'nx' && e.outPort >= 0xff00 && e.outPort < 0xffffff00) {
      return {
        index,
        ofpError: 'OFPBAC_BAD_OUT_PORT',
        why: `flow monitor ${e.id} out_port 0x${e.outPort.toString(16)} outside the OpenFlow 1.1 range`,
      };
    }
  }
  return undefined;
}

/**
 * Throws if OVS would refuse the request (see {@link monitorRequestError}).
 * @throws OfValidationError `OFPMOFC_BAD_FLAGS`, `OFPBAC_BAD_OUT_PORT`
 */
export function validateMonitorRequests(list: readonly FlowMonitorRequestEntry[], flavor: ExtFlavor): void {
  const err = monitorRequestError(list, flavor);
  if (err) throw new OfValidationError(err.ofpError, err.why);
}
