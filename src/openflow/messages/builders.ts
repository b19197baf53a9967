/**
 * Builders from the ovs-ofctl flow syntax (openflow/text FlowSpec) to messages. They only build
 * values; sending is the connection's job.
 */
import type { FlowFlag, FlowSpec } from '../text/types.js';
import type { OfVersion } from '../version.js';
import { OFPFC, OFPFF, OFPG, OFPP, OFP_NO_BUFFER } from './constants.js';
import type { FlowMod } from './types.js';

const FLAG_BITS: Readonly<Record<FlowFlag, number>> = {
  send_flow_rem: OFPFF.SEND_FLOW_REM,
  check_overlap: OFPFF.CHECK_OVERLAP,
  reset_counts: OFPFF.RESET_COUNTS,
  no_packet_counts: OFPFF.NO_PKT_COUNTS,
  no_byte_counts: OFPFF.NO_BYT_COUNTS,
};

/**
 * A flow_mod for a parsed flow, with ovs-ofctl's defaults (priority 32768, table 0, no buffer,
 * out_port/out_group ANY).
 *
 * @example
 * const fm = flowModFromSpec(parseFlow('table=1,priority=5,ip actions=drop', 0x06), 0x06, OFPFC.ADD);
 * conn.send(fm);
 */
export function flowModFromSpec(spec: FlowSpec, version: OfVersion, command: number = OFPFC.ADD, xid = 0): FlowMod {
  let flags = 0;
  for (const f of spec.flags ?? []) flags |= FLAG_BITS[f];
  const del = command === OFPFC.DELETE || command === OFPFC.DELETE_STRICT;
  return {
    type: 'flowMod',
    version,
    xid,
    cookie: spec.cookie ?? 0n,
    cookieMask: spec.cookieMask ?? 0n,
    tableId: spec.table ?? (del ? 0xff : 0),
    command,
    idleTimeout: spec.idleTimeout ?? 0,
    hardTimeout: spec.hardTimeout ?? 0,
    priority: spec.priority ?? 0x8000,
    bufferId: OFP_NO_BUFFER,
    outPort: spec.outPort ?? OFPP.ANY,
    outGroup: spec.outGroup ?? OFPG.ANY,
    flags,
    importance: version >= 5 ? (spec.importance ?? 0) : 0,
    match: spec.match,
    instructions: spec.instructions,
  };
}
