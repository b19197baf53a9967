/** ofp-print text of a flow: the flow_mod body and a flow stats line (shared by format.ts and ext-format.ts). */

import type { Action, Instruction } from '../actions/index.js';
import { formatActions, formatInstructions } from '../actions/index.js';
import { formatMatch } from '../match/index.js';
import { OFPFC, OFPP, OFPP10 } from './constants.js';
import { hex, portName, statsCount } from './text-helpers.js';
import type { FlowStatValues, FlowStatsEntry, OfMessage } from './types.js';

/** ofp_print_duration: no decimals for whole seconds, 3 when exact milliseconds, else 9. */
export function durText(sec: number, nsec: number): string {
  if (nsec <= 0) return `${sec}s`;
  if (nsec % 1e6 === 0) return `${sec}.${String(nsec / 1e6).padStart(3, '0')}s`;
  // Sub-millisecond part: nine digits with trailing zeros dropped (as OVS 3.1 prints).
  return `${sec}.${String(nsec).padStart(9, '0').replace(/0+$/, '')}s`;
}

export function matchText(match: readonly { field: string }[], priority: number): string {
  const mt = formatMatch(match as never);
  const pr = priority !== 0x8000 ? `priority=${priority}` : '';
  return [pr, mt].filter(Boolean).join(',');
}

export function instructionsText(ins: readonly Instruction[]): string {
  const t = formatInstructions(ins);
  return t || 'drop';
}

export function actionsText(a: readonly Action[]): string {
  const t = formatActions(a);
  return t || 'drop';
}

/**
 * The flow_mod text after the header. `rawMatch`: the match as ofp-print shows it raw at verbosity ≥ 3
 * (NXT_FLOW_MOD), in which case the priority is printed apart as `pri:N`.
 */
export function formatFlowModBody(m: Extract<OfMessage, { type: 'flowMod' }>, rawMatch?: string): string {
  const cmd = ['ADD', 'MOD', 'MOD_STRICT', 'DEL', 'DEL_STRICT'][m.command] ?? `cmd:${m.command}`;
  let s = cmd;
  if (m.tableId !== 0 && !(m.tableId === 0xff && (m.command === OFPFC.DELETE || m.command === OFPFC.DELETE_STRICT)))
    s += ` table:${m.tableId}`;
  const mt = rawMatch ?? matchText(m.match, m.priority);
  if (mt) s += ` ${mt}`;
  // OF1.1+ (lib/ofp-flow.c): ADD shows the new cookie (unless 0 or all-ones) and ignores the mask;
  // the other commands show cookie/mask only when the mask is nonzero. OF1.0 has no mask.
  if (m.version === 1) {
    if (m.cookie) s += ` cookie:${hex(m.cookie)}`;
  } else if (m.command === OFPFC.ADD) {
    if (m.cookie && m.cookie !== 0xffffffffffffffffn) s += ` cookie:${hex(m.cookie)}`;
  } else if (m.cookieMask) {
    s += ` cookie:${hex(m.cookie)}/${hex(m.cookieMask)}`;
  }
  if (m.idleTimeout) s += ` idle:${m.idleTimeout}`;
  if (m.hardTimeout) s += ` hard:${m.hardTimeout}`;
  if (m.importance) s += ` importance:${m.importance}`;
  if (rawMatch !== undefined && m.priority !== 0x8000) s += ` pri:${m.priority}`;
  if (m.bufferId !== 0xffffffff) s += ` buf:0x${m.bufferId.toString(16)}`;
  if (m.outPort !== OFPP.ANY && !(m.version === 1 && m.outPort === OFPP10.NONE))
    s += ` out_port:${portName(m.outPort, m.version)}`;
  const flags = [
    ['send_flow_rem', 1],
    ['check_overlap', 2],
    ['reset_counts', 4],
    ['no_packet_counts', 8],
    ['no_byte_counts', 16],
  ] as const;
  for (const [n, b] of flags) if (m.flags & b) s += ` ${n}`;
  s += ` actions=${instructionsText(m.instructions)}`;
  return s;
}

/**
 * One flow of a flow stats reply as ofp-print shows it. `hardAge` (seconds since the last change,
 * NXST_FLOW only) is shown when it differs from the duration.
 */
export function flowStatsLine(f: FlowStatsEntry, hardAge?: number): string {
  const st: FlowStatValues = f.stats;
  let line = ` cookie=${hex(f.cookie)}, duration=${durText(st.durationSec ?? 0, st.durationNsec ?? 0)}, table=${f.tableId}, n_packets=${statsCount(st.packetCount ?? 0n)}, n_bytes=${statsCount(st.byteCount ?? 0n)}, `;
  if (f.idleTimeout) line += `idle_timeout=${f.idleTimeout}, `;
  if (f.hardTimeout) line += `hard_timeout=${f.hardTimeout}, `;
  const flagNames = [
    ['send_flow_rem', 1],
    ['check_overlap', 2],
    ['reset_counts', 4],
    ['no_packet_counts', 8],
    ['no_byte_counts', 16],
  ] as const;
  const fl = flagNames.filter(([, bit]) => f.flags & bit).map(([n]) => n);
  if (fl.length) line += `${fl.join(' ')} `;
  if (f.importance) line += `importance=${f.importance}, `;
  if (st.idleTimeSec !== undefined) line += `idle_age=${st.idleTimeSec}, `;
  if (hardAge !== undefined && hardAge !== st.durationSec) line += `hard_age=${hardAge}, `;
  const mt = matchText(f.match, f.priority);
  return `${line}${mt}${mt ? ' ' : ''}actions=${instructionsText(f.instructions)}`;
}
