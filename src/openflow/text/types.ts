import type { Instruction } from '../actions/types.js';
import type { Match } from '../match/types.js';

/** A flow as written in ovs-ofctl syntax: flow_mod parameters, match and instructions. */
export interface FlowSpec {
  table?: number;
  priority?: number;
  cookie?: bigint;
  cookieMask?: bigint;
  idleTimeout?: number;
  hardTimeout?: number;
  importance?: number;
  /** OFPFF_* words as ovs-ofctl writes them (`send_flow_rem`, `check_overlap`, `reset_counts`, `no_packet_counts`, `no_byte_counts`). */
  flags?: readonly FlowFlag[];
  outPort?: number;
  outGroup?: number;
  match: Match;
  instructions: Instruction[];
}

export type FlowFlag = 'send_flow_rem' | 'check_overlap' | 'reset_counts' | 'no_packet_counts' | 'no_byte_counts';
