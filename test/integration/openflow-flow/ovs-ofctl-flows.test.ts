/**
 * ovs-ofctl as the oracle for flow text, in both directions, on OVN/Antrea-like flows
 * (test/fixtures/openflow-flow/flows.txt):
 *  1. flow text encoded by `ovs-ofctl -O OpenFlow13|OpenFlow15 -mmmmm parse-flow` decodes here
 *     (decodeMessage → match/instructions) to the text ovs-ofctl printed;
 *  2. the same text parsed here (parseFlow) prints the same (formatFlow);
 *  3. the flow_mod built here (flowModFromSpec + encodeMessage) is printed by `ovs-ofctl ofp-print`
 *     to that same text.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeMessage, encodeMessage, flowModFromSpec, type FlowMod } from '../../../src/openflow/messages/index.js';
import { formatFlow, parseFlow, type FlowSpec } from '../../../src/openflow/text/index.js';
import { toHex } from '../../../src/wire/index.js';
import { ofctlParseFlow, ofctlPrint } from './ofctl.js';

const here = dirname(fileURLToPath(import.meta.url));
const flows = readFileSync(resolve(here, '../../fixtures/openflow-flow/flows.txt'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() && !l.startsWith('#'));

const FLAG_WORDS = / (send_flow_rem|check_overlap|reset_counts|no_packet_counts|no_byte_counts)/g;

/** The FlowSpec view of a decoded flow_mod (flags are printed by the message layer, not compared here). */
export function specOf(fm: FlowMod): FlowSpec {
  return {
    table: fm.tableId,
    priority: fm.priority,
    cookie: fm.cookie,
    idleTimeout: fm.idleTimeout,
    hardTimeout: fm.hardTimeout,
    importance: fm.importance,
    match: fm.match,
    instructions: [...(fm.instructions ?? [])],
  };
}

describe('flows through ovs-ofctl parse-flow / ofp-print', () => {
  it('has a corpus', () => expect(flows.length).toBeGreaterThan(30));
  for (const [name, version] of [
    ['OpenFlow13', 0x04],
    ['OpenFlow15', 0x06],
  ] as const) {
    describe(name, () => {
      flows.forEach((text, i) => {
        it(`#${i} ${text.slice(0, 90)}`, () => {
          const ovs = ofctlParseFlow(text, name);
          if ('error' in ovs) throw new Error(`ovs-ofctl rejected corpus flow: ${ovs.error}`);
          const want = ovs.text.replace(FLAG_WORDS, '');
          // 1. decode OVS's bytes
          const fm = decodeMessage(ovs.bytes) as FlowMod;
          expect(fm.type).toBe('flowMod');
          expect(formatFlow(specOf(fm))).toBe(want);
          // 2. parse the same text here
          const spec = parseFlow(text, version);
          expect(formatFlow({ ...spec, flags: [] })).toBe(want);
          // 3. encode here, print with OVS
          const bytes = encodeMessage(flowModFromSpec(spec, version));
          const printed = ofctlPrint(toHex(bytes))
            .split('\n')[0]!
            .replace(/^.*?: ADD /, '')
            .replace(FLAG_WORDS, '');
          expect(printed).toBe(want);
        });
      });
    });
  }
});
