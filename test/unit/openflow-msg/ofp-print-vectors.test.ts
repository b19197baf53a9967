/**
 * OVS tests/ofp-print.at vectors (../shared/vectors/openflow/ovs-tests/ofp-print.json): the text
 * `ovs-ofctl ofp-print` (OVS 3.1, the local oracle) prints for each message must equal
 * formatMessage(decodeMessage(hex)).
 *
 * NOT_YET lists the vectors this library does not print identically yet, by index, with the reason.
 * The test fails if one of them starts to match (so the list only shrinks) and if any other vector
 * differs.
 *
 * REJECTED lists the malformed vectors OVS itself refuses (it prints a decode / truncation error and
 * a hex dump instead of a message): decodeMessage must refuse them too, with the typed error given.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeMessage, encodeMessage, formatMessage, validateMessage } from '../../../src/openflow/messages/index.js';

interface Vector {
  title: string;
  hex: string;
  ofctl_options: string[];
  verbosity: number | null;
  ovs31_stdout: string;
}
const FILE = join(import.meta.dirname, '../../../../shared/vectors/openflow/ovs-tests/ofp-print.json');
const VECTORS = (JSON.parse(readFileSync(FILE, 'utf8')) as { vectors: Vector[] }).vectors;

/** Vectors not printed identically yet, by index, with the reason (empty now: keep it so a regression can be listed honestly). */
const NOT_YET: Record<number, string> = {};

/** Malformed vectors OVS rejects (its text says so), with the error decodeMessage throws for them. */
const REJECTED: Record<number, string> = {
  0: 'OF_MSG_TOO_SHORT', // "OpenFlow message is empty"
  1: 'OF_MSG_TOO_SHORT', // "OpenFlow packet too short (only 2 bytes)"
  2: 'OF_MSG_BAD_LENGTH', // "(***truncated to 8 bytes from 52445***)"
  3: 'OF_MSG_BAD_LENGTH', // "(***only uses 9 bytes out of 10***)"
  17: 'OF_MSG_BAD_LENGTH', // "***decode error: OFPBRC_BAD_LEN***" (OF1.0 port cut off)
  19: 'OF_MSG_BAD_LENGTH', // "***decode error: OFPBRC_BAD_LEN***" (OF1.1 port cut off)
  21: 'OF_MSG_BAD_LENGTH', // "(***truncated to 144 bytes from 160***)"
};

function print(v: Vector): string {
  try {
    return formatMessage(decodeMessage(Buffer.from(v.hex, 'hex')), v.verbosity ?? 1);
  } catch (e) {
    return `ERROR ${(e as Error).message}`;
  }
}

describe('ovs-ofctl ofp-print vectors', () => {
  const plain = VECTORS.map((v, i) => ({ v, i })).filter(({ v }) => v.ofctl_options.length === 0);

  it('covers the corpus', () => {
    expect(VECTORS.length).toBe(242);
  });

  for (const { v, i } of plain) {
    if (REJECTED[i]) {
      it(`#${i} ${v.title}: rejected as OVS rejects it (${REJECTED[i]})`, () => {
        expect(v.ovs31_stdout).toMatch(/decode error|truncated to|too short|is empty|only uses/);
        expect(() => decodeMessage(Buffer.from(v.hex, 'hex'))).toThrow(expect.objectContaining({ code: REJECTED[i] }));
      });
    } else if (NOT_YET[i]) {
      it(`#${i} ${v.title}: known gap (${NOT_YET[i]})`, () => {
        expect(print(v)).not.toBe(v.ovs31_stdout);
      });
    } else {
      it(`#${i} ${v.title}: prints as ovs-ofctl 3.1 does`, () => {
        expect(print(v)).toBe(v.ovs31_stdout);
      });
    }
  }
});

/**
 * Every vector that decodes must re-encode to the same bytes. Vectors that do not decode must be ones
 * OVS also rejects (its output says so), except those listed with a reason.
 */
const MATCH10_CANONICAL = new Set([38, 67, 71, 74]); // OF1.0 wildcard bits re-encoded canonically by writeMatch10 (openflow/match)
const REJECT_ALLOWED: Record<number, string> = {};

describe('ovs ofp-print corpus: decode / re-encode', () => {
  VECTORS.forEach((v, i) => {
    it(`#${i} ${v.title}`, () => {
      const bytes = Buffer.from(v.hex, 'hex');
      let m;
      try {
        m = decodeMessage(bytes);
      } catch (e) {
        expect((e as { code?: string }).code).toMatch(/^OF_/);
        if (!REJECT_ALLOWED[i])
          expect(v.ovs31_stdout + (v as unknown as { expected_stderr: string }).expected_stderr).toMatch(
            /decode error|truncated|too short|is empty|only uses/,
          );
        return;
      }
      const again = Buffer.from(encodeMessage(m)).toString('hex');
      if (MATCH10_CANONICAL.has(i)) expect(again.length).toBe(v.hex.length);
      else expect(again).toBe(v.hex);
    });
  });
});

/** Vectors OVS rejects after decoding: validateMessage must reject them with the same OpenFlow error. */
describe('ovs ofp-print corpus: semantic rejections', () => {
  VECTORS.forEach((v, i) => {
    const m = /\*\*\*decode error: (OF[A-Z]+_[A-Z_]+)\*\*\*/.exec(v.ovs31_stdout);
    if (!m) return;
    let msg;
    try {
      msg = decodeMessage(Buffer.from(v.hex, 'hex'));
    } catch {
      return; // rejected while decoding already (checked above)
    }
    if (REJECT_ALLOWED[i]) return;
    it(`#${i} ${v.title}: rejected with ${m[1]}`, () => {
      expect(() => validateMessage(msg)).toThrow(expect.objectContaining({ code: 'OF_MSG_INVALID', ofpError: m[1] }));
    });
  });

  it('accepts every vector OVS prints without a decode error', () => {
    let n = 0;
    VECTORS.forEach((v) => {
      if (/decode error/.test(v.ovs31_stdout)) return;
      let msg;
      try {
        msg = decodeMessage(Buffer.from(v.hex, 'hex'));
      } catch {
        return;
      }
      validateMessage(msg);
      n++;
    });
    expect(n).toBeGreaterThan(200);
  });
});
