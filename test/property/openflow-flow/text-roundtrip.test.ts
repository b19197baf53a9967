/**
 * Random flows printed as ovs-ofctl text (match and actions in canonical form): `ovs-ofctl
 * parse-flow` encodes that text, this library decodes OVS's bytes to the text OVS prints, and
 * this library's own parser reads the same text to the same printed flow.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeMessage, type FlowMod } from '../../../src/openflow/messages/index.js';
import { formatFlow, parseFlow } from '../../../src/openflow/text/index.js';
import { formatMatch, type MatchField } from '../../../src/openflow/match/index.js';
import { formatInstructions } from '../../../src/openflow/actions/index.js';
import { ofctlParseFlow } from '../../integration/openflow-flow/ofctl.js';
import { flowArb } from './arbitraries.js';

/** ovs-ofctl prints arbitrary IPv6 masks (`::/0:1::`) but its text parser only takes prefixes. */
function cidrOnlyV6(f: MatchField): MatchField {
  if (!f.mask || f.value.length !== 16) return f;
  let n = 0;
  while (n < 128 && f.mask[n >> 3]! & (0x80 >> (n & 7))) n++;
  for (let k = n; k < 128; k++) if (f.mask[k >> 3]! & (0x80 >> (k & 7))) return { field: f.field, value: f.value };
  return f;
}

const FLAG_WORDS = / (send_flow_rem|check_overlap|reset_counts|no_packet_counts|no_byte_counts)/g;
const RUNS = Number(process.env.OF_FLOW_RUNS ?? 20);

describe('random flow text: ovs-ofctl parse-flow vs this parser', () => {
  for (const [name, version] of [
    ['OpenFlow13', 0x04],
    ['OpenFlow15', 0x06],
  ] as const) {
    it(`${name}`, () => {
      fc.assert(
        fc.property(flowArb(version), (spec0) => {
          const spec = { ...spec0, match: spec0.match.map(cidrOnlyV6) };
          const m = formatMatch(spec.match);
          const text = `table=${spec.table},priority=${spec.priority}${m ? `,${m}` : ''} actions=${formatInstructions(spec.instructions)}`;
          const ovs = ofctlParseFlow(text, name);
          if ('error' in ovs) throw new Error(`ovs-ofctl rejected ${text}: ${ovs.error}`);
          const want = ovs.text.replace(FLAG_WORDS, '');
          const fm = decodeMessage(ovs.bytes) as FlowMod;
          const decoded = formatFlow({
            table: fm.tableId,
            priority: fm.priority,
            cookie: fm.cookie,
            idleTimeout: fm.idleTimeout,
            hardTimeout: fm.hardTimeout,
            importance: fm.importance,
            match: fm.match,
            instructions: [...(fm.instructions ?? [])],
          });
          expect(decoded).toBe(want);
          expect(formatFlow(parseFlow(text, version))).toBe(want);
        }),
        { numRuns: RUNS, seed: Number(process.env.OF_FLOW_SEED ?? 0x7e47) },
      );
    });
  }
});
