/**
 * encap() / decap() (NXAST_ENCAP / NXAST_DECAP) against ovs-ofctl 3.1:
 * - text → bytes: the flow text ovs-ofctl parses encodes to the same action bytes here, and both
 *   print the same text;
 * - bytes → text: random specs over full ranges (TLV class/type/value, packet-type namespace and
 *   type) encoded here are printed by `ovs-ofctl parse-actions` (one batched run per version) as
 *   formatActions prints them, and decode back to the same spec;
 * - rejections: header types and properties OVS refuses are typed errors here.
 */
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteReader, ByteWriter, toHex } from '../../../src/wire/index.js';
import { actionsLength, formatActions, readActions, writeActions } from '../../../src/openflow/actions/index.js';
import type { Action } from '../../../src/openflow/actions/index.js';
import { encapFromAction, encapToAction, formatEncap } from '../../../src/openflow/actions/encap.js';
import { parseEncap } from '../../../src/openflow/text/encap.js';
import type { DecapSpec, EncapSpec } from '../../../src/openflow/actions/encap.js';
import { FlowParseError, parseActions } from '../../../src/openflow/text/index.js';
import { SdkError } from '../../../src/errors.js';
import { ofctlParseFlow } from './ofctl.js';

const hexOf = (list: readonly Action[], v: 1 | 4 | 6): string => {
  const w = ByteWriter.alloc(actionsLength(list, v));
  writeActions(w, list, v);
  return toHex(w.written());
};

describe('encap / decap text against ovs-ofctl parse-flow', () => {
  const texts = [
    'encap(ethernet)',
    'encap(nsh)',
    'encap(mpls)',
    'encap(mpls_mc)',
    'encap(nsh(md_type=1))',
    'encap(nsh(md_type=2))',
    'encap(nsh(md_type=2,tlv(0x1000,10,0x12345678)))',
    'encap(nsh(tlv(0x1,2,0x01)))',
    'encap(nsh(md_type=2,tlv(0x1000,10,0x12345678),tlv(0x2000,20,0xfedcba9876543210)))',
    'encap(nsh(md_type=2,tlv(0xffff,255,0x0102030405060708090a)))',
    'encap(ethernet()),output:1',
    'decap()',
    'decap(packet_type(ns=0,type=0))',
    'decap(packet_type(ns=1,type=0x800))',
    'decap(packet_type(ns=1,type=0x894f))',
    'decap(packet_type(ns=4,type=0xffff))',
    'decap(),encap(mpls),output:2',
  ];
  for (const t of texts) {
    for (const [name, v] of [
      ['OpenFlow13', 4],
      ['OpenFlow15', 6],
    ] as const) {
      it(`${t} (${name})`, () => {
        const ovs = ofctlParseFlow(`actions=${t}`, name);
        if ('error' in ovs) throw new Error(ovs.error);
        const ours = parseActions(t, v);
        const hex = hexOf(ours, v);
        // the flow_mod ends with the apply_actions instruction holding exactly these actions
        expect(toHex(ovs.bytes).endsWith(hex)).toBe(true);
        expect(`actions=${formatActions(ours)}`).toBe(ovs.text);
        expect(
          `actions=${formatActions(readActions(new ByteReader(Buffer.from(hex, 'hex')), hex.length / 2, v))}`,
        ).toBe(ovs.text);
      });
    }
  }

  it('rejects what ovs-ofctl rejects, as typed errors', () => {
    for (const t of [
      'encap(nsh(md_type=3))',
      'encap(ipv4)',
      'encap(mpls(md_type=1))',
      'decap(packet_type(ns=1))',
      'encap(nsh(tlv(1,2)))',
      'decap(packet_type(ns=5,type=1))',
    ]) {
      expect('error' in ofctlParseFlow(`actions=${t}`, 'OpenFlow13'), t).toBe(true);
      expect(() => parseActions(t, 4), t).toThrow(FlowParseError);
    }
  });
});

const tlv = fc.record({
  tlvClass: fc.integer({ min: 0, max: 0xffff }),
  tlvType: fc.integer({ min: 0, max: 0xff }),
  // OVS prints the value as one hex number: a leading zero byte would not survive its text
  value: fc
    .uint8Array({ minLength: 1, maxLength: 40 })
    .map((b) => (b[0] === 0 ? Uint8Array.of(1, ...b.subarray(1)) : b)),
});
/** Any header with NSH properties (OVS decodes and prints them on any header), md_type any byte. */
const encap: fc.Arbitrary<EncapSpec> = fc
  .record({
    header: fc.constantFrom('ethernet', 'mpls', 'mpls_mc', 'nsh', 'nsh', 'nsh'),
    md: fc.option(fc.integer({ min: 0, max: 255 }), { nil: undefined }),
    tlvs: fc.array(tlv, { maxLength: 4 }),
  })
  .map(({ header, md, tlvs }) => {
    const s: { -readonly [K in keyof EncapSpec]: EncapSpec[K] } = { kind: 'encap', header };
    if (md !== undefined) s.mdType = md;
    if (tlvs.length) s.tlvs = tlvs;
    return s;
  });
const decap: fc.Arbitrary<DecapSpec> = fc.oneof(
  fc.constant({ kind: 'decap' as const }),
  fc
    .record({ ns: fc.integer({ min: 0, max: 0xffff }), type: fc.integer({ min: 0, max: 0xffff }) })
    .filter((p) => !(p.ns === 0 && p.type === 0xfffe))
    .map((packetType) => ({ kind: 'decap' as const, packetType })),
);

describe('random encap / decap against ovs-ofctl parse-actions', () => {
  for (const [name, v] of [
    ['OpenFlow13', 4],
    ['OpenFlow15', 6],
  ] as const) {
    it(`${name}: ovs-ofctl prints the encoded batch as formatActions does; decode gives the spec back`, () => {
      const batch = fc.sample(fc.oneof(encap, decap), { numRuns: 300, seed: v });
      const hexes = batch.map((s) => hexOf([encapToAction(s)], v));
      const r = spawnSync('ovs-ofctl', ['parse-actions', name], { input: hexes.join('\n') + '\n', encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      const theirs = r.stdout.split('\n').filter((l) => l.startsWith('actions='));
      expect(theirs).toHaveLength(batch.length);
      batch.forEach((s, i) => {
        const list = readActions(new ByteReader(Buffer.from(hexes[i]!, 'hex')), hexes[i]!.length / 2, v);
        expect(`actions=${formatActions(list)}`).toBe(theirs[i]);
        expect(formatEncap(s)).toBe(theirs[i]!.slice('actions='.length));
        expect(plain(encapFromAction(list[0]!))).toEqual(plain(s));
        // the text parser takes what ovs-ofctl's does: properties on nsh only, md_type 1 or 2
        const textOk =
          s.kind === 'decap'
            ? (s.packetType?.ns ?? 0) <= 4
            : s.header === 'nsh'
              ? s.mdType === undefined || s.mdType === 1 || s.mdType === 2
              : !s.mdType && !s.tlvs;
        const args = theirs[i]!.slice(s.kind.length + 'actions='.length + 1, -1);
        if (textOk) expect(plain(parseEncap(s.kind, args))).toEqual(plain(s));
        else expect(() => parseEncap(s.kind, args)).toThrow(SdkError);
      });
    });
  }

  it('bytes OVS refuses are refused by readActions with a typed error, as ovs-ofctl refuses them', () => {
    const bad = [
      'ffff001000002320002e000000010800', // header type IPv4: NXBAC_BAD_HEADER_TYPE
      'ffff001800002320002e00000001894f0005010501000000', // property class 5
      'ffff001800002320002e00000001894f0004030801000000', // unknown NSH property type
    ];
    for (const h of bad) {
      const bytes = Buffer.from(h, 'hex');
      expect(() => readActions(new ByteReader(bytes), bytes.length, 4)).toThrow(SdkError);
      const raw = { type: 'experimenter', experimenter: 0x2320, data: bytes.subarray(8) } as const;
      expect(() => encapFromAction(raw)).toThrow(SdkError);
      const r = spawnSync('ovs-ofctl', ['parse-actions', 'OpenFlow13'], {
        input: `${toHex(bytes)}\n`,
        encoding: 'utf8',
      });
      expect(r.stdout).toMatch(/^bad OpenFlow13 actions/m);
    }
  });
});

/** Byte arrays as plain arrays (Buffer and Uint8Array compare equal). */
function plain(v: unknown): unknown {
  if (v instanceof Uint8Array) return [...v];
  if (Array.isArray(v)) return v.map(plain);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
  return v;
}
