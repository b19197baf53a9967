/**
 * validateMessage refuses the group_mods OVS refuses (ofputil_check_group_mod), with the same
 * OpenFlow error, and accepts the ones it accepts; `ovs-ofctl ofp-print` is the oracle.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { Bucket, GroupMod } from '../../../../src/openflow/messages/index.js';
import { decodeMessage, encodeMessage, OfValidationError } from '../../../../src/openflow/messages/index.js';
import { validateMessage } from '../../../../src/openflow/messages/validate.js';

const out: Bucket = { actions: [{ type: 'output', port: 1, maxLen: 0 }] };

function ovsVerdict(hex: string): string {
  const r = spawnSync('ovs-ofctl', ['ofp-print', hex], { encoding: 'utf8' });
  return /decode error: (\w+)/.exec(r.stdout)?.[1] ?? 'ok';
}

function sdkVerdict(bytes: Uint8Array): string {
  try {
    validateMessage(decodeMessage(bytes));
    return 'ok';
  } catch (e) {
    if (e instanceof OfValidationError) return e.ofpError;
    throw e;
  }
}

const CASES: [string, number, readonly Bucket[]][] = [
  ['indirect with two buckets', 2, [out, out]],
  ['indirect with one bucket', 2, [out]],
  ['weight in an all group', 0, [{ ...out, weight: 3 }]],
  ['watch port in an all group', 0, [{ ...out, watchPort: 3 }]],
  ['fast failover without a watch', 3, [out]],
  ['fast failover watching a port', 3, [{ ...out, watchPort: 3 }]],
  ['select with weight and watch', 1, [{ ...out, weight: 3, watchPort: 4 }]],
];

describe('validateMessage on group_mod agrees with ovs-ofctl', () => {
  for (const version of [0x04, 0x06] as const) {
    for (const [name, groupType, buckets] of CASES) {
      it(`OF 0x0${version}: ${name}`, () => {
        // OF1.5 buckets carry ids, which must differ
        const bs = version === 0x06 ? buckets.map((b, i) => ({ ...b, bucketId: i })) : buckets;
        const m: GroupMod = { type: 'groupMod', version, xid: 1, command: 0, groupType, groupId: 5, buckets: bs };
        const bytes = encodeMessage(m);
        expect(sdkVerdict(bytes)).toBe(ovsVerdict(Buffer.from(bytes).toString('hex')));
      });
    }
  }
});
