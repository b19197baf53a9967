/**
 * validateMessage refuses a set_field whose value its field cannot hold, as OVS's action decoder
 * does (meta-flow.c mf_is_value_valid → OFPBAC_BAD_SET_ARGUMENT, shown by `ovs-ofctl ofp-print` as a
 * decode error), and accepts every value OVS accepts. Random values over each narrow field's whole
 * byte width (fixed seed), set into a flow_mod built from text, checked against ovs-ofctl.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { OfValidationError } from '../../../../src/openflow/messages/errors.js';
import {
  decodeMessage,
  encodeMessage,
  flowModFromSpec,
  validateMessage,
} from '../../../../src/openflow/messages/index.js';
import { parseFlow } from '../../../../src/openflow/text/index.js';
import { xorshift32 } from '../../../../src/testing/random.js';
import { toHex } from '../../../../src/wire/index.js';

/** Field, a flow whose only action is a set_field on it, its byte width. */
const CASES: readonly [string, string, number][] = [
  ['arp_op', 'priority=1,arp actions=set_field:1->arp_op', 2],
  ['vlan_vid', 'priority=1,dl_vlan=5 actions=set_field:4097->vlan_vid', 2],
  ['vlan_pcp', 'priority=1,dl_vlan=5 actions=set_field:1->vlan_pcp', 1],
  ['ip_dscp', 'priority=1,ip actions=set_field:1->ip_dscp', 1],
  ['nw_ecn', 'priority=1,ip actions=set_field:1->nw_ecn', 1],
  ['mpls_label', 'priority=1,mpls actions=set_field:1->mpls_label', 4],
  ['mpls_tc', 'priority=1,mpls actions=set_field:1->mpls_tc', 1],
  ['ipv6_label', 'priority=1,ipv6 actions=set_field:1->ipv6_label', 4],
];

function flowWith(text: string, value: Uint8Array): Uint8Array {
  const spec = parseFlow(text, 0x04);
  const ins = spec.instructions[0] as unknown as { actions: { field: { value: Uint8Array } }[] };
  ins.actions[0]!.field = { ...ins.actions[0]!.field, value };
  return encodeMessage(flowModFromSpec(spec, 0x04));
}

describe('set_field values: validateMessage against ovs-ofctl ofp-print (OpenFlow 1.3)', () => {
  for (const [field, text, width] of CASES) {
    it(field, () => {
      const rng = xorshift32(0x5e7f1e1d ^ width ^ field.length);
      let refused = 0;
      for (let i = 0; i < 24; i++) {
        const v = new Uint8Array(width);
        // mostly small values (near the valid range), sometimes anything
        for (let k = 0; k < width; k++) v[k] = k < width - 1 && rng() % 4 !== 0 ? 0 : rng() & 0xff;
        if (i === 0) v.fill(0xff);
        const bytes = flowWith(text, v);
        const ovs = spawnSync('ovs-ofctl', ['ofp-print', toHex(bytes)], { encoding: 'utf8' }).stdout;
        const ovsRefuses = ovs.includes('OFPBAC_BAD_SET_ARGUMENT');
        let ours: unknown;
        try {
          validateMessage(decodeMessage(bytes));
        } catch (e) {
          ours = e;
        }
        if (ovsRefuses) {
          refused++;
          expect(ours, `${field}=${toHex(v)}`).toBeInstanceOf(OfValidationError);
          expect((ours as OfValidationError).ofpError).toBe('OFPBAC_BAD_SET_ARGUMENT');
        } else expect(ours, `${field}=${toHex(v)}: ${ovs.split('\n')[0]}`).toBeUndefined();
      }
      expect(refused).toBeGreaterThan(0); // all-ones is never valid for a narrow field
    });
  }
});

describe('OXM in_port in a flow_mod match: validateMessage against ovs-ofctl ofp-print (OpenFlow 1.3)', () => {
  it('ports between OFPP_MAX and the OpenFlow 1.1 reserved range are refused (OFPBMC_BAD_VALUE)', () => {
    const rng = xorshift32(0x1b9047);
    const ports = [0, 1, 0xfeff, 0xff00, 0xfff0, 0xffff, 0x10000, 0xfffffeff, 0xffffff00, 0xfffffffd, 0xffffffff];
    for (let i = 0; i < 20; i++) ports.push(rng() >>> 0, rng() & 0x1ffff);
    let refused = 0;
    for (const p of ports) {
      const spec = parseFlow('priority=1,in_port=5 actions=drop', 0x04);
      const value = Uint8Array.of(p >>> 24, (p >>> 16) & 255, (p >>> 8) & 255, p & 255);
      const match = spec.match.map((f) => (f.field.startsWith('in_port') ? { field: 'in_port_oxm', value } : f));
      const bytes = encodeMessage(flowModFromSpec({ ...spec, match }, 0x04));
      const ovs = spawnSync('ovs-ofctl', ['ofp-print', toHex(bytes)], { encoding: 'utf8' }).stdout;
      let ours: unknown;
      try {
        validateMessage(decodeMessage(bytes));
      } catch (e) {
        ours = e;
      }
      if (ovs.includes('OFPBMC_BAD_VALUE')) {
        refused++;
        expect((ours as OfValidationError | undefined)?.ofpError, `in_port 0x${p.toString(16)}`).toBe(
          'OFPBMC_BAD_VALUE',
        );
      } else expect(ours, `in_port 0x${p.toString(16)}: ${ovs.split('\n')[0]}`).toBeUndefined();
    }
    expect(refused).toBeGreaterThan(5);
  });
});
