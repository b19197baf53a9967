/**
 * Issue 15 item 1, "Printing" for messages, with `ovs-ofctl ofp-parse` (OVS 3.1) as the oracle: random
 * messages (fixed seeds, fields over their full range) of the kinds the SDK printed differently or kept
 * raw — table stats with equal tables ("ditto"), OF1.2 table stats, table features folding, the OF1.5
 * group selection method, the Intel OF1.4 port-stats properties, async config / role status reason
 * names, absent OF1.5 OXS counters, queue config port ANY, TABLE_DESC / TABLE_STATUS,
 * CONTROLLER_STATUS / BUNDLE_FEATURES (which 3.1 does not decode), ONF experimenter OXMs in OF1.3
 * matches and the ONF flow monitor — must each decode(encode(m)) to m and print exactly as
 * ovs-ofctl prints the encoded bytes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeMessage, encodeMessage, formatMessage } from '../../../src/openflow/messages/index.js';
import { expectOfpParse, plain } from '../../property/openflow-msg/oracle.js';
import { KINDS } from './ofprint-gaps-arbitraries.js';

describe('ofp-print gaps of issue 15 (ovs-ofctl 3.1 oracle)', () => {
  for (const [title, arb] of Object.entries(KINDS)) {
    it(`${title}: decode(encode(m)) is m`, () => {
      fc.assert(
        fc.property(arb, (m) => {
          expect(JSON.stringify(plain(decodeMessage(encodeMessage(m))))).toBe(JSON.stringify(plain(m)));
        }),
        { numRuns: 300, seed: 1515 },
      );
    });
    it(`${title}: ovs-ofctl prints the bytes as formatMessage does`, () => {
      fc.assert(
        fc.property(fc.array(arb, { minLength: 60, maxLength: 80 }), (batch) => {
          expectOfpParse(batch.map((m) => ({ bytes: encodeMessage(m), text: formatMessage(m), label: m.type })));
        }),
        { numRuns: 3, seed: 1515, endOnFailure: true },
      );
    });
  }
});
