/** validateMatch: what OVS accepts passes, what OVS refuses (checked with ovs-ofctl) is refused. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MatchError, validateMatch, type Match } from '../../../src/openflow/match/index.js';
import { parseMatch } from '../../../src/openflow/text/index.js';
import { matchArb } from '../../property/openflow-flow/arbitraries.js';

describe('validateMatch', () => {
  it('accepts the generated matches that OVS accepts (see ofp-print-roundtrip)', () => {
    fc.assert(
      fc.property(matchArb, (m) => validateMatch(m)),
      { numRuns: 300, seed: 11 },
    );
  });
  it('accepts parsed text', () => {
    validateMatch(parseMatch('icmp6,icmp_type=135,nd_target=::1,nd_sll=00:00:00:00:00:01,reg0=5,ct_state=+trk', 6));
  });
  const bad: [string, Match, MatchError['code']][] = [
    ['tcp_dst without tcp', [{ field: 'tcp_dst', value: Uint8Array.of(0, 80) }], 'OF_MATCH_BAD_PREREQ'],
    ['ip_src without eth_type', [{ field: 'ip_src', value: Uint8Array.of(1, 2, 3, 4) }], 'OF_MATCH_BAD_PREREQ'],
    [
      'nd_sll on a neighbour advertisement',
      [...parseMatch('icmp6,icmp_type=136', 6), { field: 'nd_sll', value: new Uint8Array(6) }],
      'OF_MATCH_BAD_PREREQ',
    ],
    ['vlan_pcp without vlan_vid', [{ field: 'vlan_pcp', value: Uint8Array.of(1) }], 'OF_MATCH_BAD_PREREQ'],
    [
      'mpls_label over 20 bits',
      [...parseMatch('mpls', 6), { field: 'mpls_label', value: Uint8Array.of(0, 0x10, 0, 0) }],
      'OF_MATCH_BAD_VALUE',
    ],
    [
      'value outside its mask',
      [{ field: 'reg0', value: Uint8Array.of(0, 0, 0, 3), mask: Uint8Array.of(0, 0, 0, 1) }],
      'OF_MATCH_BAD_VALUE',
    ],
  ];
  for (const [name, m, code] of bad) {
    it(`refuses ${name}`, () => {
      try {
        validateMatch(m);
        throw new Error('accepted');
      } catch (e) {
        expect(e).toBeInstanceOf(MatchError);
        expect((e as MatchError).code).toBe(code);
      }
    });
  }
});
