/**
 * The consistency rules OVS applies to an action list after decoding it (ofpacts_verify and the
 * decode-time checks): read-only fields, what ct(exec(...)) may hold, nat placement and ranges.
 * Pure: looks at decoded actions, reads no bytes.
 */
import { READ_ONLY_FIELDS } from '../match/fields.js';
import { ipBytes } from './addresses.js';
import { bad } from './bytes.js';
import type { Action } from './types.js';

/** The field an action writes, if it writes one. */
function writtenField(a: Action): string | undefined {
  switch (a.type) {
    case 'regLoad':
      return a.dst.field;
    case 'regLoad2':
    case 'setField':
      return a.field.field;
    case 'regMove':
    case 'copyField':
      return a.dst.field;
    case 'stackPop':
      return a.slice.field;
    default:
      return undefined;
  }
}

function cmpBytes(x: Uint8Array, y: Uint8Array): number {
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return 0;
}

/**
 * The consistency rules OVS applies to a decoded list (ofpacts_verify / decode checks): actions
 * may not write read-only fields; ct_mark / ct_label are written only inside ct(exec(...));
 * ct(exec(...)) holds only those writes and nat; nat ranges are ordered; a ct
 * without commit holds at most a bare nat.
 * @throws ActionError OF_ACTION_BAD_SET_ARGUMENT, OF_ACTION_BAD_ARGUMENT
 */
export function validateActions(list: readonly Action[], inCt: boolean, at = -1): void {
  if (!inCt) checkConjunctionAlone(list, at);
  for (let idx = 0; idx < list.length; idx++) {
    const a = list[idx]!;
    const f = writtenField(a);
    if (f !== undefined) {
      if (READ_ONLY_FIELDS.has(f)) bad('OF_ACTION_BAD_SET_ARGUMENT', `${a.type} writes read-only field ${f}`, at);
      const ctField = f === 'ct_mark' || f === 'ct_label';
      if (ctField && !inCt) bad('OF_ACTION_BAD_SET_ARGUMENT', `${f} may only be written inside ct(exec(...))`, at);
      if (inCt && !ctField)
        bad('OF_ACTION_BAD_ARGUMENT', `ct(exec(...)) may only write ct_mark and ct_label, not ${f}`, at);
      if (inCt && a.type === 'regMove') bad('OF_ACTION_BAD_ARGUMENT', 'ct(exec(...)) may not hold move', at);
      continue;
    }
    if (a.type === 'nat') {
      // ofpacts_verify: anywhere inside ct (OVS writes ct(exec(...),nat) in that order), nowhere else
      if (!inCt) bad('OF_ACTION_BAD_SET_ARGUMENT', 'nat is only valid inside ct(...)', at);
      if (a.ipMin !== undefined && a.ipMax !== undefined) {
        const x = ipBytes(a.ipMin);
        const y = ipBytes(a.ipMax);
        if (x.length !== y.length || cmpBytes(x, y) > 0)
          bad('OF_ACTION_BAD_ARGUMENT', `nat: address range ${a.ipMin}-${a.ipMax} is reversed`, at);
      }
      if (a.protoMin !== undefined && a.protoMax !== undefined && a.protoMin > a.protoMax) {
        bad('OF_ACTION_BAD_ARGUMENT', `nat: port range ${a.protoMin}-${a.protoMax} is reversed`, at);
      }
      continue;
    }
    if (inCt) bad('OF_ACTION_BAD_ARGUMENT', `ct(exec(...)) may not hold ${a.type}`, at);
    if (a.type === 'ct') {
      // decode_NXAST_RAW_CT: without commit, ct may hold only a nat with no arguments
      if (!a.commit && a.actions.some((x) => x.type !== 'nat' || x.kind !== undefined || x.flags.length > 0))
        bad('OF_ACTION_BAD_ARGUMENT', 'ct without commit may hold only nat without arguments', at);
      validateActions(a.actions, true, at);
    }
    if (a.type === 'clone') validateActions(a.actions, false, at);
  }
}

/**
 * ofpacts_verify: conjunction goes only with other conjunctions and note.
 * @throws ActionError OF_ACTION_BAD_ARGUMENT
 */
export function checkConjunctionAlone(list: readonly Action[], at = -1): void {
  if (!list.some((a) => a.type === 'conjunction')) return;
  const other = list.find((a) => a.type !== 'conjunction' && a.type !== 'note');
  if (other)
    bad(
      'OF_ACTION_BAD_ARGUMENT',
      `"conjunction" actions may be used along with "note" but not any other kind of action (such as ${other.type})`,
      at,
    );
}
