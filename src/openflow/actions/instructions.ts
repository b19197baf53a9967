/**
 * The OpenFlow 1.1+ instruction list codec (OpenFlow 1.5.1 §7.2.5): goto_table, write_metadata,
 * write/apply_actions (whose action lists list.ts codes), clear_actions, meter, stat_trigger and
 * experimenter instructions; sizes, writes and reads, each type at most once per list.
 */
import type { ByteReader, ByteWriter } from '../../wire/index.js';
import { WireError } from '../../wire/errors.js';
import type { OfVersion } from '../version.js';
import { bad, pad, pad8 } from './bytes.js';
import { OFPIT } from './constants.js';
import { ActionError } from './errors.js';
import { actionsLength, readActions, writeActions } from './list.js';
import type { Instruction } from './types.js';

/** An instruction of exactly `n` bytes. @throws ActionError OF_INSTRUCTION_BAD_LEN */
function needIns(len: number, n: number, at: number): void {
  if (len !== n) bad('OF_INSTRUCTION_BAD_LEN', `instruction must be ${n} bytes, is ${len}`, at);
}

function instructionLength(i: Instruction, version: OfVersion): number {
  switch (i.type) {
    case 'gotoTable':
      return 8;
    case 'writeMetadata':
      return 24;
    case 'writeActions':
    case 'applyActions':
      return 8 + actionsLength(i.actions, version);
    case 'clearActions':
      return 8;
    case 'meter':
      // ofp-actions.c encode_METER: an instruction in OF1.3/1.4 only; OVS writes nothing before
      return version >= 0x04 ? 8 : 0;
    case 'statTrigger':
      return pad8(8 + 8 * i.thresholds.length);
    case 'experimenter':
      return 8 + i.data.length;
  }
}

/** Bytes of an instruction list (OpenFlow 1.1+). */
export function instructionsLength(list: readonly Instruction[], version: OfVersion): number {
  let n = 0;
  for (const i of list) n += instructionLength(i, version);
  return n;
}

/**
 * Writes an OpenFlow 1.1+ instruction list.
 * `meter` before OpenFlow 1.3 is left out, as OVS's encode_METER does.
 * @throws ActionError OF_INSTRUCTION_UNKNOWN for `meter` in OF1.5 (an action there) and actions errors
 */
export function writeInstructions(w: ByteWriter, list: readonly Instruction[], version: OfVersion): void {
  for (const i of list) {
    const len = i.type === 'writeActions' || i.type === 'applyActions' ? 0 : instructionLength(i, version);
    switch (i.type) {
      case 'gotoTable':
        w.u16(OFPIT.GOTO_TABLE).u16(8).u8(i.tableId).u8(0).u16(0);
        break;
      case 'writeMetadata':
        w.u16(OFPIT.WRITE_METADATA).u16(24).u32(0).u64(i.metadata).u64(i.mask);
        break;
      case 'writeActions':
      case 'applyActions': {
        // length patched afterwards: the action list is sized once, by the caller's instructionsLength
        const at = w.offset;
        w.u16(i.type === 'writeActions' ? OFPIT.WRITE_ACTIONS : OFPIT.APPLY_ACTIONS)
          .u16(0)
          .u32(0);
        writeActions(w, i.actions, version);
        w.patchU16(at + 2, w.offset - at);
        break;
      }
      case 'clearActions':
        w.u16(OFPIT.CLEAR_ACTIONS).u16(8).u32(0);
        break;
      case 'meter':
        if (version >= 0x04) w.u16(OFPIT.METER).u16(8).u32(i.meterId);
        break;
      case 'statTrigger': {
        const s = w.offset;
        w.u16(OFPIT.STAT_TRIGGER)
          .u16(8 + 8 * i.thresholds.length)
          .u32(i.flags);
        for (const t of i.thresholds) w.u64(t);
        pad(w, len - (w.offset - s));
        break;
      }
      case 'experimenter':
        w.u16(OFPIT.EXPERIMENTER).u16(len).u32(i.experimenter).bytes(i.data);
        break;
    }
  }
}

/**
 * Reads an OpenFlow 1.1+ instruction list. Each instruction type may appear once (OFPBIC_DUP_INST).
 * @throws ActionError OF_INSTRUCTION_UNKNOWN, OF_INSTRUCTION_BAD_LEN, OF_INSTRUCTION_DUP, and action errors
 */
export function readInstructions(r: ByteReader, byteLength: number, version: OfVersion): Instruction[] {
  if (byteLength < 0 || byteLength > r.remaining)
    bad('OF_INSTRUCTION_BAD_LEN', `instruction list of ${byteLength} bytes, ${r.remaining} left`, r.offset);
  const end = r.offset + byteLength;
  const out: Instruction[] = [];
  let seen = 0;
  try {
    while (r.offset < end) {
      const at = r.offset;
      if (end - at < 8) bad('OF_INSTRUCTION_BAD_LEN', `${end - at} trailing bytes in instruction list`, at);
      const type = r.u16();
      const len = r.u16();
      if (len < 8 || len % 8 !== 0 || at + len > end) bad('OF_INSTRUCTION_BAD_LEN', `instruction length ${len}`, at);
      let ins: Instruction;
      switch (type) {
        case OFPIT.GOTO_TABLE:
          needIns(len, 8, at);
          ins = { type: 'gotoTable', tableId: r.u8() };
          break;
        case OFPIT.WRITE_METADATA:
          needIns(len, 24, at);
          r.skip(4);
          ins = { type: 'writeMetadata', metadata: r.u64(), mask: r.u64() };
          break;
        case OFPIT.WRITE_ACTIONS:
        case OFPIT.APPLY_ACTIONS:
          r.skip(4);
          ins = {
            type: type === OFPIT.WRITE_ACTIONS ? 'writeActions' : 'applyActions',
            actions: readActions(r, len - 8, version),
          };
          break;
        case OFPIT.CLEAR_ACTIONS:
          needIns(len, 8, at);
          ins = { type: 'clearActions' };
          break;
        case OFPIT.METER:
          if (version < 0x04 || version >= 0x06)
            bad('OF_INSTRUCTION_UNKNOWN', `meter instruction in OpenFlow version 0x0${version}`, at);
          needIns(len, 8, at);
          ins = { type: 'meter', meterId: r.u32() };
          break;
        case OFPIT.STAT_TRIGGER: {
          if (version < 0x06) bad('OF_INSTRUCTION_UNKNOWN', 'stat_trigger before OpenFlow 1.5', at);
          const flags = r.u32();
          const th: bigint[] = [];
          while (r.offset + 8 <= at + len) th.push(r.u64());
          ins = { type: 'statTrigger', flags, thresholds: th };
          break;
        }
        case OFPIT.EXPERIMENTER:
          ins = { type: 'experimenter', experimenter: r.u32(), data: r.bytes(len - 8) };
          break;
        default:
          bad('OF_INSTRUCTION_UNKNOWN', `unknown instruction type ${type}`, at);
      }
      const bit = type === OFPIT.EXPERIMENTER ? 0 : 1 << type;
      if (seen & bit) bad('OF_INSTRUCTION_DUP', `instruction type ${type} appears twice`, at);
      seen |= bit;
      r.offset = at + len;
      out.push(ins);
    }
  } catch (e) {
    if (e instanceof WireError)
      throw new ActionError('OF_INSTRUCTION_BAD_LEN', e.message.replace(/ \(at byte \d+\)$/, ''), e.offset, {
        cause: e,
      });
    throw e;
  }
  return out;
}
