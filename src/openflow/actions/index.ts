/**
 * openflow/actions/: every action and instruction (standard and Nicira), binary both ways per
 * OpenFlow version, and the canonical text ovs-ofctl prints. Sans-I/O.
 */
export type { Action, Instruction, FieldSlice, NatSpec, LearnSpec } from './types.js';
export { actionsLength, writeActions, readActions } from './list.js';
export { instructionsLength, writeInstructions, readInstructions } from './instructions.js';
export { formatActions, formatInstructions } from './format.js';
export { ActionError } from './errors.js';
export type { ActionErrorCode } from './errors.js';
export { validateActions } from './validate.js';
export { formatAction } from './format.js';
export { formatSlice } from './slices.js';
export { readProgramLenient } from './lenient.js';
export type { LenientProgram } from './lenient.js';
