/**
 * Field names and subfields in flow text: `reg0`, `NXM_NX_REG0[4..31]`, `reg0[5]`, `reg0[]`
 * (ovs-fields(7)). Shared by the match and the action parsers.
 */
import { checkSlice } from '../actions/slices.js';
import { ActionError } from '../actions/errors.js';
import type { FieldSlice } from '../actions/types.js';
import { fieldByCodePointName, fieldByName, type FieldDef } from '../match/fields.js';
import { fieldNBits } from '../match/widths.js';
import { FlowParseError } from './errors.js';

/** Field lookup by ovs-ofctl name, alias or NXM/OXM name (`NXM_NX_REG0`). */
export function lookupField(name: string): FieldDef | undefined {
  return fieldByName(name) ?? fieldByCodePointName(name)?.def;
}

/** `NXM_NX_REG0[4..31]`, `reg0[5]`, `reg0[]` or a bare field name. */
export function parseSlice(text: string, pos: number): FieldSlice {
  const m = /^([A-Za-z0-9_]+)(?:\[(?:(\d+)(?:\.\.(\d+))?)?\])?$/.exec(text.trim());
  if (!m) throw new FlowParseError('OF_TEXT_SYNTAX', `${JSON.stringify(text)} is not a field or subfield`, pos);
  const def = lookupField(m[1]!);
  if (!def) throw new FlowParseError('OF_TEXT_UNKNOWN_FIELD', `unknown field ${JSON.stringify(m[1])}`, pos);
  const width = fieldNBits(def);
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
