/**
 * The full flow differential of issue #15 item 1 against ovs-ofctl (the oracle), FIXED seed: random
 * flows whose match comes from gen-match.ts (every field OVS knows, prerequisites, masks, table,
 * priority, cookie, timeouts, importance, flags) and whose actions come from
 * ../openflow-actions-diff/gen-actions.ts (every action the SDK supports, arguments over their full
 * ranges, instructions in OpenFlow 1.1+), for OpenFlow 1.0 … 1.5, through one `ovs-ofctl -O v -mmmmm
 * parse-flows` process per batch. A text ovs-ofctl accepts must encode here to the same bytes (xid
 * aside); a text it refuses must be refused here with a typed error; bytes that differ are printed by
 * `ovs-ofctl ofp-print` to tell "same flow, other bytes" from "other flow". The policy exception is
 * the one of match-diff.test.ts (a field whose prerequisite is missing: OVS drops it, the SDK refuses).
 *
 * The random actions do not see the random match (context ''), so an action touching a field whose
 * prerequisite the match happens to lack is drawn now and then: both sides must refuse it alike.
 *
 * OFDIFF_SEED and OFDIFF_FLOW_CASES (per version, default 3,400 → 20,400 cases) override the defaults;
 * `npx tsx fuzz/openflow-diff.ts N SEED 1,2,3,4,5,6 --actions` runs it at any size.
 */
import { describe, expect, it } from 'vitest';
import type { OfVersion } from '../../../../src/openflow/version.js';
import { fullActions, runFlowDiff } from './diff.js';
import { oracleStats } from './oracle.js';

const SEED = Number(process.env.OFDIFF_SEED ?? 20261208);
const PER_VERSION = Number(process.env.OFDIFF_FLOW_CASES ?? 3400);
const VERSIONS: readonly OfVersion[] = [0x01, 0x02, 0x03, 0x04, 0x05, 0x06];

describe(`flows with random matches and random actions against ovs-ofctl parse-flows (seed ${SEED})`, () => {
  it(`${PER_VERSION * VERSIONS.length} random flows: same bytes, same refusals`, { timeout: 900_000 }, () => {
    const { stats, mismatches } = runFlowDiff(SEED, PER_VERSION, VERSIONS, { actions: fullActions });
    let total = 0;
    for (const [v, s] of stats) {
      total += s.cases;
      console.log(
        `OF1.${v - 1}: ${s.cases} cases, ${s.accepted} accepted by ovs-ofctl, ${s.equal} byte-equal, ${s.rejected} refused by both, ${s.prereqRefused} refused here where OVS drops a field`,
      );
      expect(s.accepted).toBeGreaterThan(s.cases / 3);
      expect(s.rejected).toBeGreaterThan(0);
    }
    console.log(`${oracleStats.processes} ovs-ofctl processes`);
    expect(total).toBeGreaterThanOrEqual(20_000);
    expect(mismatches.map((m) => `OF1.${m.version - 1} ${m.kind}: ${m.text}${m.detail}`)).toEqual([]);
  });
});
