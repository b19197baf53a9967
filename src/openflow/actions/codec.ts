import type { ByteReader, ByteWriter } from '../../wire/index.js';
import type { OfVersion } from '../version.js';
import type { Action, Instruction } from './types.js';
import { ActionError } from './errors.js';

const todo = (): never => { throw new ActionError('OF_ACTION_BAD_TYPE', 'not implemented yet'); };
export function actionsLength(list: readonly Action[], version: OfVersion): number { void list; void version; return todo(); }
export function writeActions(w: ByteWriter, list: readonly Action[], version: OfVersion): void { void w; void list; void version; todo(); }
export function readActions(r: ByteReader, byteLength: number, version: OfVersion): Action[] { void r; void byteLength; void version; return todo(); }
export function instructionsLength(list: readonly Instruction[], version: OfVersion): number { void list; void version; return todo(); }
export function writeInstructions(w: ByteWriter, list: readonly Instruction[], version: OfVersion): void { void w; void list; void version; todo(); }
export function readInstructions(r: ByteReader, byteLength: number, version: OfVersion): Instruction[] { void r; void byteLength; void version; return todo(); }
