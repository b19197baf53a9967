/**
 * Differential test of the flow_mod byte form against ovs-ofctl (the oracle): random flows with a
 * FIXED seed — random matches over the fields OVS knows (prerequisites, masks zero / all-ones /
 * CIDR / arbitrary, full value ranges), table, priority, cookie, timeouts, importance, flags and
 * simple actions — for OpenFlow 1.0 … 1.5, each version's flows through ONE `ovs-ofctl -O v
 * -mmmmm parse-flows` process per batch (oracle.ts). Each text ovs-ofctl accepts must encode here
 * to the same bytes (xid aside; same bytes imply the same `ofp-print` text); each text it refuses
 * must be refused here with a typed error. One documented exception: ovs-ofctl accepts a field
 * whose prerequisite is missing by dropping it ("normalization changed ofp_match"), and nw_ecn in
 * OpenFlow 1.1 likewise; the SDK refuses such text instead of sending another flow (counted, not
 * a failure).
 *
 * OFDIFF_CASES (per version, default 1700 → 10,200 cases) and OFDIFF_SEED override the defaults;
 * fuzz/openflow-diff.ts runs more with any seed.
 */
import { describe, expect, it } from 'vitest';
import type { OfVersion } from '../../../../src/openflow/version.js';
import { runFlowDiff } from './diff.js';
import { oracleStats } from './oracle.js';

const SEED = Number(process.env.OFDIFF_SEED ?? 20261207);
const PER_VERSION = Number(process.env.OFDIFF_CASES ?? 1700);
const VERSIONS: readonly OfVersion[] = [0x01, 0x02, 0x03, 0x04, 0x05, 0x06];

describe(`flow_mod bytes against ovs-ofctl parse-flows (seed ${SEED})`, () => {
  it(`${PER_VERSION * VERSIONS.length} random flows: same bytes, same refusals`, { timeout: 600_000 }, () => {
    const { stats, mismatches } = runFlowDiff(SEED, PER_VERSION, VERSIONS);
    let total = 0;
    for (const [v, s] of stats) {
      total += s.cases;
      // the figures, for the log: accepted by OVS / byte-equal / refused by both / prerequisite policy
      console.log(
        `OF1.${v - 1}: ${s.cases} cases, ${s.accepted} accepted by ovs-ofctl, ${s.equal} byte-equal, ${s.rejected} refused by both, ${s.prereqRefused} refused here where OVS drops a field`,
      );
      // the generator must exercise both outcomes in every version
      expect(s.accepted).toBeGreaterThan(s.cases / 2);
      expect(s.rejected).toBeGreaterThan(0);
    }
    console.log(`${oracleStats.processes} ovs-ofctl processes`);
    expect(total).toBe(PER_VERSION * VERSIONS.length);
    expect(mismatches.map((m) => `OF1.${m.version - 1} ${m.kind}: ${m.text}${m.detail}`)).toEqual([]);
  });
});
