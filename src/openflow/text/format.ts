import { formatInstructions } from '../actions/format.js';
import { formatMatch } from '../match/format.js';
import type { FlowSpec } from './types.js';

/** OFP_DEFAULT_PRIORITY (OpenFlow 1.5.1 §7.3.4.2). */
export const OFP_DEFAULT_PRIORITY = 0x8000;

/**
 * Prints a flow the way `ovs-ofctl ofp-print` prints the body of a flow_mod after `ADD `:
 * `table:N priority=P,<match> cookie:0x… idle:N hard:N importance:N <flags> actions=<actions>`,
 * leaving out defaults (table 0, priority 32768, zero cookie and timeouts).
 * @example formatFlow({ table: 3, priority: 5, match: parseMatch('tcp'), instructions: [] })
 * // 'table:3 priority=5,tcp actions=drop'
 */
export function formatFlow(spec: FlowSpec): string {
  const out: string[] = [];
  if (spec.table !== undefined && spec.table !== 0) out.push(`table:${spec.table}`);
  const m = formatMatch(spec.match);
  const pri = spec.priority !== undefined && spec.priority !== OFP_DEFAULT_PRIORITY ? `priority=${spec.priority}` : '';
  const head = [pri, m].filter(Boolean).join(',');
  if (head) out.push(head);
  if (spec.cookie !== undefined && (spec.cookie !== 0n || (spec.cookieMask ?? 0n) !== 0n)) {
    out.push(
      spec.cookieMask !== undefined && spec.cookieMask !== 0n
        ? `cookie:0x${spec.cookie.toString(16)}/0x${spec.cookieMask.toString(16)}`
        : `cookie:0x${spec.cookie.toString(16)}`,
    );
  }
  if (spec.idleTimeout) out.push(`idle:${spec.idleTimeout}`);
  if (spec.hardTimeout) out.push(`hard:${spec.hardTimeout}`);
  if (spec.importance) out.push(`importance:${spec.importance}`);
  for (const f of spec.flags ?? []) out.push(f);
  out.push(`actions=${formatInstructions(spec.instructions)}`);
  return out.join(' ');
}
