/**
 * The proof on a real 3-member RAFT cluster (OVN_Northbound): 10,000 idempotent transactions are
 * streamed through an OvsdbSession, 16 in flight, while the leader is SIGKILLed three times and
 * restarted; a ReplicaCache follows the session. Then, against an independent read of the server:
 * every transaction reported committed is present, every one re-sent after an unknown outcome is
 * present exactly once, no key is duplicated (Logical_Switch has no name index: only the `wait`
 * guard prevents a duplicate), nothing unexpected is there, the cache equals the server, and the
 * cache resumed with monitor_cond_since found=true at least once. The figures (longest write outage
 * included) are printed; bench/reliability.ts runs the same scenario standalone.
 */
import { describe, expect, test } from 'vitest';
import { runLeaderKillScenario, formatFigures } from '../../../../bench/reliability.js';

describe('leader SIGKILLed during a stream of 10,000 idempotent transactions', () => {
  test('nothing lost, nothing duplicated, cache == server, resumed with found=true', async () => {
    const f = await runLeaderKillScenario({ txns: 10_000, kills: 3, inFlight: 16 });
    console.log(`leader-kill figures:\n${formatFigures(f)}`);
    expect(f.problems).toEqual({ lost: [], duplicated: [], failed: [] });
    expect(f.committed).toBe(10_000);
    expect(f.lost).toBe(0);
    expect(f.duplicated).toBe(0);
    expect(f.unexpected).toBe(0);
    expect(f.unknownFinal).toBe(0);
    expect(f.failed).toBe(0);
    expect(f.serverRows).toBe(10_000);
    // The kills really cut transactions in flight, and each re-sent one landed exactly once.
    expect(f.retried).toBeGreaterThan(0);
    expect(f.retriedPresentOnce).toBe(f.retried);
    expect(f.committedOnRetry + f.committedEarlier).toBe(f.retried);
    expect(f.outagesMs).toHaveLength(3);
    expect(f.reconnects).toBeGreaterThanOrEqual(3);
    expect(f.cacheEqualsServer).toBe(true);
    expect(f.resumeHits).toBeGreaterThanOrEqual(1);
    expect(f.resumeHits + f.resumeMisses).toBe(f.reconnects);
  }, 600_000);
});
