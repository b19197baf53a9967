/**
 * Differential property test: random action lists (gen-actions.ts, fixed seed) in flows
 * `priority=1,<context> actions=…`, encoded by the SDK (parseFlow → action / instruction bytes) and
 * by `ovs-ofctl -O V -mmmmm parse-flows` (oracle.ts, one process per batch). For every list both must
 * accept with equal bytes or both refuse. 2,000 lists for each of OpenFlow 1.0, 1.2, 1.3, 1.4 and
 * 1.5 (OpenFlow 1.1 is left to the fuzz script: OVS encodes few flows in it and each refusal costs
 * a bisection). Any seed, any count: `npx tsx fuzz/openflow-actions-diff.ts`.
 *
 * Each of OVS's encodings is also decoded and re-encoded by the SDK, which must give OVS's bytes back.
 *
 * KNOWN lists the disagreements still open (by category, with the count at this seed): the test
 * fails when a version has more, so a fix can only lower them.
 */
import { describe, expect, it } from 'vitest';
import { xorshift32 } from '../../../../src/testing/random.js';
import { contextMatch, randomActions, randomContext } from './gen-actions.js';
import { diffBatch, VERSIONS } from './oracle.js';

const SEED = 0x15ac7;
const PER_VERSION = 2000;

/** Disagreements left at SEED (see the report in the commit that set them). */
const KNOWN: Readonly<Record<string, number>> = {
  OpenFlow10: 0,
  OpenFlow12: 0,
  OpenFlow13: 0,
  OpenFlow14: 0,
  OpenFlow15: 0,
};

/**
 * OVS's encodings the SDK does not decode and re-encode byte for byte, at SEED: mostly
 * ct(nat(…)) / ct(exec(…)) without commit, which OVS encodes from text but its own decoder refuses (as
 * the SDK's does), and pop to ct_mark outside ct(exec(…)).
 */
const KNOWN_ROUND_TRIP: Readonly<Record<string, number>> = {
  OpenFlow10: 17,
  OpenFlow12: 22,
  OpenFlow13: 27,
  OpenFlow14: 24,
  OpenFlow15: 25,
};

describe('random action lists: SDK bytes and acceptance equal ovs-ofctl parse-flows', () => {
  for (const [name, version] of VERSIONS) {
    if (name === 'OpenFlow11') continue;
    it(`${name}: ${PER_VERSION} lists`, { timeout: 300_000 }, () => {
      const rng = xorshift32(SEED ^ version);
      const lines: string[] = [];
      for (let i = 0; i < PER_VERSION; i++) {
        const ctx = randomContext(rng);
        const m = contextMatch(ctx);
        lines.push(`priority=1${m ? ',' + m : ''} actions=${randomActions(rng, version, ctx)}`);
      }
      const r = diffBatch(lines, name, version);
      expect(r.equal + r.bothRejected + r.mismatches.length).toBe(PER_VERSION);
      console.log(
        `${name}: ${r.equal} byte-equal, ${r.bothRejected} refused by both, ${r.mismatches.length} disagreements (allowed ${KNOWN[name]}), ${r.roundTripDiffers.length} not re-encoded exactly (allowed ${KNOWN_ROUND_TRIP[name]})`,
      );
      // most lists are valid: a broken oracle or generator would show as few equal encodings
      expect(r.equal).toBeGreaterThan(PER_VERSION * 0.85);
      if (r.mismatches.length > KNOWN[name]!) expect(r.mismatches.slice(0, 20).join('\n')).toBe('');
      // decode → encode of what OVS sends is byte-exact
      if (r.roundTripDiffers.length > KNOWN_ROUND_TRIP[name]!)
        expect(r.roundTripDiffers.slice(0, 20).join('\n')).toBe('');
    });
  }
});
