/**
 * The action list codec: sizes, writes and reads a list of actions for one OpenFlow version,
 * choosing per action between the standard encoding (standard.ts) and the Nicira / experimenter
 * one (nicira.ts), and checks a decoded list (validate.ts). ct and clone nest lists: nicira.ts gets
 * this file's functions as a parameter (NESTED) instead of importing them back.
 */
import type { ByteReader, ByteWriter } from '../../wire/index.js';
import { WireError } from '../../wire/errors.js';
import type { OfVersion } from '../version.js';
import { bad } from './bytes.js';
import { NX_VENDOR_ID, OFPAT, ONF_ET_COPY_FIELD, ONF_VENDOR_ID } from './constants.js';
import { encapFromAction } from './encap.js';
import { ActionError } from './errors.js';
import { nxLen, readNx, writeClone, writeCt, writeNx, type NestedActions } from './nicira.js';
import { for15, readOnfCopyField, readStd, stdLength10, stdLength11, writeStd } from './standard.js';
import type { Action } from './types.js';
import { validateActions } from './validate.js';

/** This file's list functions, handed to the Nicira codec for the lists ct and clone nest. */
const NESTED: NestedActions = { length: actionsLength, write: writeActions, read: readActionsRaw };

function actionLength(a: Action, version: OfVersion): number {
  if (version >= 0x06 && (a.type === 'regLoad' || a.type === 'regMove')) return actionLength(for15(a), version);
  const n = version === 0x01 ? stdLength10(a) : stdLength11(a, version);
  if (n >= 0) return n;
  return nonStdLength(a, version);
}

/** Length of an unknown or Nicira action. @throws ActionError OF_ACTION_BAD_FOR_VERSION */
function nonStdLength(a: Action, version: OfVersion): number {
  if (a.type === 'unknown') return 4 + a.data.length;
  const n = nxLen(a, version, NESTED);
  if (n < 0)
    throw new ActionError(
      'OF_ACTION_BAD_FOR_VERSION',
      `action ${a.type} cannot be encoded for OpenFlow version 0x0${version}`,
    );
  return n;
}

/**
 * Bytes an action list takes in `version` (each action padded to 8 as the spec requires).
 * @throws ActionError OF_ACTION_BAD_FOR_VERSION for an action the version cannot carry
 */
export function actionsLength(list: readonly Action[], version: OfVersion): number {
  let n = 0;
  for (const a of list) n += actionLength(a, version);
  return n;
}

/**
 * Writes an action list for `version`. Standard actions use the version's own encoding (OF1.0
 * 8-byte output, OF1.1+ 16-byte output, set_field as OXM); Nicira actions use NXAST_*.
 * @throws ActionError OF_ACTION_BAD_FOR_VERSION, OF_ACTION_BAD_ARGUMENT
 */
export function writeActions(w: ByteWriter, list: readonly Action[], version: OfVersion): void {
  for (const a of list) {
    if (a.type === 'ct' || a.type === 'clone') {
      // a fixed header and the nested list, unpadded: the length is what was written, patched
      // afterwards (sizing the nested list first would walk it twice)
      const at = w.offset;
      if (a.type === 'ct') writeCt(w, a, version, 0, NESTED);
      else writeClone(w, a, version, 0, NESTED);
      w.patchU16(at + 2, w.offset - at);
      continue;
    }
    if (version !== 0x01 && !(version >= 0x06 && (a.type === 'regLoad' || a.type === 'regMove'))) {
      // OpenFlow 1.1+: one switch decides standard or not, and sizes the action
      const start = w.offset;
      let len = stdLength11(a, version);
      if (len >= 0) {
        writeStd(w, a, version, len);
      } else {
        len = nonStdLength(a, version);
        if (a.type === 'unknown') {
          w.u16(a.actionType).u16(len).bytes(a.data);
          continue;
        }
        writeNx(w, a, version, len, NESTED);
      }
      if (w.offset - start !== len)
        throw new ActionError('OF_ACTION_BAD_LEN', `internal: ${a.type} wrote ${w.offset - start} of ${len} bytes`);
      continue;
    }
    const len = actionLength(a, version);
    if (a.type === 'unknown') {
      w.u16(a.actionType).u16(len).bytes(a.data);
      continue;
    }
    const start = w.offset;
    if (version >= 0x06 && (a.type === 'regLoad' || a.type === 'regMove')) {
      writeStd(w, for15(a), version, len);
    } else if (!writeStd(w, a, version, len)) writeNx(w, a, version, len, NESTED);
    if (w.offset - start !== len)
      throw new ActionError('OF_ACTION_BAD_LEN', `internal: ${a.type} wrote ${w.offset - start} of ${len} bytes`);
  }
}

/**
 * Reads `byteLength` bytes of actions for `version`. Unknown experimenter actions come back as
 * `{ type: 'experimenter' }` with their bytes; unknown standard types as `{ type: 'unknown' }`.
 * Views alias the input.
 * @throws ActionError OF_ACTION_BAD_LEN (lengths not a multiple of 8, overruns), OF_ACTION_BAD_ARGUMENT,
 *   OF_ACTION_BAD_OUT_PORT, OF_ACTION_BAD_SET_ARGUMENT, OF_ACTION_BAD_SET_LEN, OF_ACTION_BAD_SET_MASK
 */
export function readActions(r: ByteReader, byteLength: number, version: OfVersion): Action[] {
  const at = r.offset;
  const list = readActionsRaw(r, byteLength, version);
  validateActions(list, false, at);
  return list;
}

/** readActions without the list checks (a nested list is checked with its parent). */
function readActionsRaw(r: ByteReader, byteLength: number, version: OfVersion): Action[] {
  if (byteLength < 0 || byteLength > r.remaining)
    bad('OF_ACTION_BAD_LEN', `action list of ${byteLength} bytes, ${r.remaining} left`, r.offset);
  const end = r.offset + byteLength;
  const out: Action[] = [];
  try {
    while (r.offset < end) {
      const at = r.offset;
      if (end - at < 8) bad('OF_ACTION_BAD_LEN', `${end - at} trailing bytes in action list`, at);
      const type = r.u16();
      const len = r.u16();
      if (len < 8 || len % 8 !== 0 || at + len > end) bad('OF_ACTION_BAD_LEN', `action length ${len}`, at);
      let a: Action | undefined;
      if (type === OFPAT.EXPERIMENTER) {
        const exp = r.u32();
        if (exp === NX_VENDOR_ID && len >= 10) {
          a = readNx(r, len, at, version, NESTED);
          // encap / decap travel as raw Nicira actions (typed view: encapFromAction); refuse what OVS refuses
          if (a.type === 'experimenter') encapFromAction(a);
        } else if (exp === ONF_VENDOR_ID && len === 32 && r.peekU16() === ONF_ET_COPY_FIELD) {
          a = readOnfCopyField(r, at);
        } else a = { type: 'experimenter', experimenter: exp, data: r.bytes(len - 8) };
      } else {
        a = readStd(r, type, len, at, version);
        if (!a) bad('OF_ACTION_BAD_TYPE', `unknown action type ${type}`, at);
      }
      r.offset = at + len;
      out.push(a);
    }
  } catch (e) {
    if (e instanceof WireError)
      throw new ActionError('OF_ACTION_BAD_LEN', e.message.replace(/ \(at byte \d+\)$/, ''), e.offset, { cause: e });
    throw e;
  }
  return out;
}
