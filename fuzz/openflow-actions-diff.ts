/**
 * Differential run of random action lists against `ovs-ofctl -mmmmm parse-flows` (not part of
 * `npm test`; the fixed-seed CI run is test/integration/openflow/actions-diff/actions-diff.test.ts).
 * Prints per version how many lists ovs-ofctl and the SDK both accept with equal bytes, and the
 * first mismatches.
 *
 *   npx tsx fuzz/openflow-actions-diff.ts [cases-per-version=2000] [seed=1] [show=10] [versions=10,11,12,13,14,15]
 *
 * OpenFlow 1.1 is slow: OVS encodes few flows in it, and each refusal without a line number bisects a batch.
 */
import { xorshift32 } from '../src/testing/random.js';
import { contextMatch, randomActions, randomContext } from '../test/integration/openflow/actions-diff/gen-actions.js';
import { diffBatch, VERSIONS } from '../test/integration/openflow/actions-diff/oracle.js';

const cases = Number(process.argv[2] ?? 2000);
const seed = Number(process.argv[3] ?? 1) >>> 0;
const show = Number(process.argv[4] ?? 10);
const only = (process.argv[5] ?? '10,11,12,13,14,15').split(',');
let failed = 0;
for (const [name, version] of VERSIONS) {
  if (!only.includes(name.slice(-2))) continue;
  const rng = xorshift32(seed ^ version);
  const lines: string[] = [];
  for (let i = 0; i < cases; i++) {
    const ctx = randomContext(rng);
    const m = contextMatch(ctx);
    lines.push(`priority=1${m ? ',' + m : ''} actions=${randomActions(rng, version, ctx)}`);
  }
  const r = diffBatch(lines, name, version);
  failed += r.mismatches.length;
  console.log(
    `${name}: ${r.equal} byte-equal, ${r.bothRejected} both rejected, ${r.mismatches.length} mismatches of ${cases}; ` +
      `${r.roundTripDiffers.length} of OVS's encodings not re-encoded byte for byte`,
  );
  for (const m of r.mismatches.slice(0, show)) console.log(`  ${m}`);
}
process.exitCode = failed ? 1 : 0;
