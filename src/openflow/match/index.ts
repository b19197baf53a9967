/**
 * openflow/match/: OXM / NXM match fields (the field table with names, widths, masks and
 * prerequisites), the ofp_match encoder/decoder (OpenFlow 1.5.1 §7.2.3), raw OXM/NXM TLV lists
 * (Nicira messages and set_field), the OF1.0 fixed ofp_match, and the canonical ovs-ofctl text.
 * Sans-I/O: everything works on ByteReader / ByteWriter.
 */
export type { Match, MatchField } from './types.js';
export {
  matchLength,
  writeMatch,
  readMatch,
  oxmFieldsLength,
  writeOxmFields,
  readOxmFields,
  readMatch10,
  writeMatch10,
} from './codec.js';
export { formatMatch, formatMatchRaw } from './format.js';
export { validateMatch } from './validate.js';
export { orderForPrereqs } from './codec.js';
export { FIELDS, fieldByName, fieldByCode, fieldByCodePointName, OFPXMC, OXM_EXPERIMENTER } from './fields.js';
export type { FieldDef, CodePoint, FieldFormat, Prereq } from './fields.js';
export { MatchError } from './errors.js';
export type { MatchErrorCode } from './errors.js';
