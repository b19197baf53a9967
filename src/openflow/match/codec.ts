import type { ByteReader, ByteWriter } from '../../wire/index.js';
import type { OfVersion } from '../version.js';
import type { Match } from './types.js';
import { MatchError } from './errors.js';

const todo = (): never => { throw new MatchError('OF_MATCH_BAD_TYPE', 'not implemented yet'); };
/** Bytes of a whole ofp_match: 4-byte header, fields, padding to 8. */
export function matchLength(m: Match, version: OfVersion): number { void m; void version; return todo(); }
/** Writes a whole ofp_match (OXM type) including padding. */
export function writeMatch(w: ByteWriter, m: Match, version: OfVersion): void { void w; void m; void version; todo(); }
/** Reads a whole ofp_match, consuming header, fields and padding. */
export function readMatch(r: ByteReader, version: OfVersion): Match { void r; void version; return todo(); }
/** Bytes of the raw OXM/NXM TLVs (no header, no padding). */
export function oxmFieldsLength(m: Match): number { void m; return todo(); }
export function writeOxmFields(w: ByteWriter, m: Match, version?: OfVersion): void { void w; void m; void version; todo(); }
export function readOxmFields(r: ByteReader, byteLength: number): Match { void r; void byteLength; return todo(); }
/** OF1.0 fixed 40-byte ofp_match. */
export function readMatch10(r: ByteReader): Match { void r; return todo(); }
export function writeMatch10(w: ByteWriter, m: Match): void { void w; void m; todo(); }
