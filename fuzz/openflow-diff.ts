/**
 * The flow_mod differential at any size and seed (not part of `npm test`): random flows
 * (test/integration/openflow/diff/gen-match.ts) encoded here and by `ovs-ofctl -mmmmm parse-flows`,
 * compared byte for byte; refusals must agree (typed errors here). Prints the figures per version
 * and every disagreement; exits 1 when there is one.
 *
 *   npx tsx fuzz/openflow-diff.ts [cases-per-version=20000] [seed=1] [versions=1,2,3,4,5,6] [--actions]
 *
 * `--actions` draws every action the SDK supports (fullActions) instead of the simple ones.
 */
import { fullActions, runFlowDiff } from '../test/integration/openflow/diff/diff.js';
import { oracleStats } from '../test/integration/openflow/diff/oracle.js';
import type { OfVersion } from '../src/openflow/version.js';

const args = process.argv.slice(2).filter((a) => a !== '--actions');
const withActions = process.argv.includes('--actions');
const perVersion = Number(args[0] ?? 20_000);
const seed = Number(args[1] ?? 1) >>> 0;
const versions = (args[2] ?? '1,2,3,4,5,6').split(',').map((x) => Number(x) as OfVersion);

const t0 = Date.now();
const { stats, mismatches } = runFlowDiff(seed, perVersion, versions, withActions ? { actions: fullActions } : {});
for (const [v, s] of stats) {
  console.log(
    `OF1.${v - 1}: ${s.cases} cases, ${s.accepted} accepted by ovs-ofctl, ${s.equal} byte-equal, ${s.rejected} refused by both, ${s.prereqRefused} refused here where OVS drops a field`,
  );
}
for (const m of mismatches) console.log(`OF1.${m.version - 1} ${m.kind}: ${m.text}${m.detail}`);
console.log(
  `${mismatches.length} disagreements, ${oracleStats.processes} ovs-ofctl processes, ${Date.now() - t0} ms (seed ${seed})`,
);
process.exit(mismatches.length ? 1 : 0);
