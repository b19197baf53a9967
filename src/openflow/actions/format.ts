import type { Action, Instruction } from './types.js';
/** ovs-ofctl canonical action text (without `actions=`). */
export function formatActions(list: readonly Action[]): string { void list; return ''; }
/** OF1.1+ instructions as ovs-ofctl prints them inside `actions=`. */
export function formatInstructions(list: readonly Instruction[]): string { void list; return ''; }
