/**
 * Errors inside extension multipart bodies carry offsets into the real message (issue #20: ext.ts
 * used to re-decode NXST_GROUP / NXST_GROUP_FEATURES bodies from a synthesized buffer, so its
 * offsets pointed into bytes that never existed).
 */
import { describe, expect, test } from 'vitest';
import { decodeMessage, encodeMessage, OfMessageError } from '../../../src/openflow/index.js';
import type { OfMessage } from '../../../src/openflow/index.js';

function decodeTruncated(m: OfMessage, cut: number): unknown {
  const b = Uint8Array.from(encodeMessage(m)).subarray(0, -cut);
  b[2] = b.length >> 8;
  b[3] = b.length & 0xff;
  try {
    decodeMessage(b);
  } catch (e) {
    return e;
  }
  return undefined;
}

describe('NXST_GROUP_FEATURES / NXST_GROUP reply bodies are read in place', () => {
  const features: OfMessage = {
    type: 'multipartReply',
    version: 4,
    xid: 1,
    flags: 0,
    body: { kind: 'nxGroupFeatures', types: 0xf, capabilities: 7, maxGroups: [1, 2, 3, 4], actions: [5, 6, 7, 8] },
  } as OfMessage;

  test('round trip', () => {
    expect(decodeMessage(encodeMessage(features))).toEqual(features);
  });

  test('a short features body fails at its real offset (8 header + 8 multipart + 8 experimenter = 24)', () => {
    const e = decodeTruncated(features, 4);
    expect(e).toBeInstanceOf(OfMessageError);
    expect((e as OfMessageError).offset).toBe(24);
  });

  test('a group stats entry cut short fails inside the real message', () => {
    const groups: OfMessage = {
      type: 'multipartReply',
      version: 4,
      xid: 2,
      flags: 0,
      body: {
        kind: 'nxGroup',
        groups: [
          { groupId: 1, refCount: 0, packetCount: 1n, byteCount: 2n, durationSec: 3, durationNsec: 4, bucketStats: [] },
        ],
      },
    } as OfMessage;
    expect(decodeMessage(encodeMessage(groups))).toEqual(groups);
    const e = decodeTruncated(groups, 8);
    expect(e).toBeInstanceOf(OfMessageError);
    expect((e as OfMessageError).offset).toBeGreaterThanOrEqual(24);
  });
});
