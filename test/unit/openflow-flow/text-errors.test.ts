/** Rejections of flow text: a typed FlowParseError with a stable code and the position of the fault. */
import { describe, expect, it } from 'vitest';
import { FlowParseError, parseFlow, parseMatch, formatFlow } from '../../../src/openflow/text/index.js';

function fault(text: string, version: 1 | 4 | 6 = 4): FlowParseError {
  try {
    parseFlow(text, version);
  } catch (e) {
    expect(e).toBeInstanceOf(FlowParseError);
    return e as FlowParseError;
  }
  throw new Error(`accepted: ${text}`);
}

describe('flow text rejections', () => {
  const cases: [string, FlowParseError['code'], string][] = [
    ['tcp,tp_dst=80,nw_dst=10.0.0.300 actions=drop', 'OF_TEXT_BAD_VALUE', '10.0.0.300'],
    ['tp_dst=80 actions=drop', 'OF_TEXT_PREREQ', 'tp_dst=80'],
    ['ip,nd_target=::1 actions=drop', 'OF_TEXT_PREREQ', 'nd_target'],
    ['ip,frobnicate=1 actions=drop', 'OF_TEXT_UNKNOWN_FIELD', 'frobnicate'],
    ['reg0=0x100000000 actions=drop', 'OF_TEXT_BAD_WIDTH', '0x100000000'],
    ['reg0[28..35]=1 actions=drop', 'OF_TEXT_BAD_WIDTH', 'reg0[28..35]'],
    ['ip actions=frob:3', 'OF_TEXT_UNKNOWN_ACTION', 'frob:3'],
    ['ip actions=resubmit(,9', 'OF_TEXT_SYNTAX', ''],
    ['ip actions=load:0x10->NXM_NX_REG0[0..3]', 'OF_TEXT_BAD_WIDTH', '0x10'],
    ['ip actions=move:NXM_NX_REG0[0..3]->NXM_NX_REG1[0..4]', 'OF_TEXT_BAD_WIDTH', 'move:'],
    ['ip actions=ct(zone=NXM_NX_REG0[0..7])', 'OF_TEXT_BAD_WIDTH', 'NXM_NX_REG0[0..7]'],
    ['ip actions=ct(force)', 'OF_TEXT_SYNTAX', 'ct(force)'],
    ['ip actions=conjunction(1,3/2)', 'OF_TEXT_BAD_VALUE', '1,3/2'],
    ['in_port=1', 'OF_TEXT_SYNTAX', ''],
    ['ct_state=+trk+bogus actions=drop', 'OF_TEXT_BAD_VALUE', '+bogus'],
    ['dl_vlan=0x10000 actions=drop', 'OF_TEXT_BAD_WIDTH', '0x10000'],
    ['ip,eth_type=0x800,nw_proto=6,ip_frag=later,tcp_dst=5 actions=drop', 'OF_TEXT_PREREQ', 'tcp_dst'],
    ['ip,nw_ecn=256 actions=drop', 'OF_TEXT_BAD_WIDTH', '256'],
  ];
  for (const [text, code, at] of cases) {
    it(`${code}: ${text}`, () => {
      const e = fault(text);
      expect(e.code).toBe(code);
      expect(e.message).toMatch(/\(at character \d+\)$/);
      if (at) expect(text.slice(e.position)).toContain(at.slice(0, 3));
      expect(e.position).toBeGreaterThanOrEqual(0);
      expect(e.position).toBeLessThanOrEqual(text.length);
    });
  }
  it('points at the offending field, not the start', () => {
    const text = 'table=3,priority=5,ip,nw_src=1.2.3.4,tcp_dst=80 actions=drop';
    expect(fault(text).position).toBe(text.indexOf('tcp_dst'));
  });
  it('aliases and shorthands normalise to the canonical text', () => {
    expect(
      formatFlow(
        parseFlow('ip,dl_src=01:02:03:04:05:06,nw_dst=10.0.0.0/8,tun_id=5,NXM_NX_REG0[4..7]=3 actions=drop', 4),
      ),
    ).toBe('ip,reg0=0x30/0xf0,tun_id=0x5,dl_src=01:02:03:04:05:06,nw_dst=10.0.0.0/8 actions=drop');
    expect(parseMatch('tcp6,tp_src=5', 6).map((f) => f.field)).toEqual(['eth_type', 'nw_proto', 'tcp_src']);
    expect(parseMatch('udp,tp_src=5', 6).map((f) => f.field)).toEqual(['eth_type', 'nw_proto', 'udp_src']);
    expect(parseMatch('icmp6,icmp_type=135', 6).map((f) => f.field)).toEqual(['eth_type', 'nw_proto', 'icmpv6_type']);
  });
});
