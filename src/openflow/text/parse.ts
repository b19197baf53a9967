import type { OfVersion } from '../version.js';
import type { Action } from '../actions/types.js';
import type { Match } from '../match/types.js';
import type { FlowSpec } from './types.js';
import { FlowParseError } from './errors.js';

const todo = (): never => { throw new FlowParseError('OF_TEXT_SYNTAX', 'not implemented yet', 0); };
/** Parses ovs-ofctl flow text. Throws FlowParseError with the character position. */
export function parseFlow(text: string, version: OfVersion): FlowSpec { void text; void version; return todo(); }
export function parseMatch(text: string): Match { void text; return todo(); }
export function parseActions(text: string, version: OfVersion): Action[] { void text; void version; return todo(); }
