/**
 * OpenFlow 1.0 flow_mod bugs of issue #15, each against ovs-ofctl as the oracle: out_port
 * (OFPP_NONE), version-aware flags, masks the fixed 1.0 match cannot carry (NXT_FLOW_MOD as OVS,
 * or a typed refusal), goto_table as resubmit(,N), mod_nw_ttl as load:…->NXM_NX_IP_TTL[], and the
 * choice between ofp_flow_mod and NXT_FLOW_MOD.
 */
import { describe, expect, it } from 'vitest';
import { MatchError } from '../../../../src/openflow/match/index.js';
import { writeMatch10 } from '../../../../src/openflow/match/codec.js';
import { encodeMessage, flowModFromSpec } from '../../../../src/openflow/messages/index.js';
import { FlowParseError, parseFlow } from '../../../../src/openflow/text/index.js';
import { ByteWriter } from '../../../../src/wire/index.js';
import { ofctlParseFlows, type OracleOptions } from './oracle.js';

/** OVS's bytes for `text` in OpenFlow 1.0 (xid zeroed). */
function ovs(text: string, opts: OracleOptions = {}): Buffer {
  const [r] = ofctlParseFlows([text], 'OpenFlow10', opts);
  if (!r?.ok) throw new Error(`ovs-ofctl refused ${text}: ${r?.error}`);
  return noXid(r.bytes);
}
function noXid(b: Uint8Array): Buffer {
  const c = Buffer.from(b);
  c.fill(0, 4, 8);
  return c;
}
function ours(text: string, form?: 'auto' | 'openflow' | 'nicira'): Buffer {
  return noXid(encodeMessage(flowModFromSpec(parseFlow(text, 0x01), 0x01, form ? { form } : {})));
}

describe('OpenFlow 1.0 flow_mod, as ovs-ofctl encodes it', () => {
  it('out_port defaults to OFPP_NONE (0xffff), not the 32-bit OFPP_ANY', () => {
    const text = 'priority=7,ip,nw_src=10.0.0.0/8 actions=output:3';
    const fm = flowModFromSpec(parseFlow(text, 0x01), 0x01);
    expect(fm.outPort).toBe(0xffff);
    expect(ours(text).toString('hex')).toBe(ovs(text).toString('hex'));
  });

  it('flags are the version’s bits: reset_counts is not OFPFF_EMERG in 1.0', () => {
    // ovs-ofctl refuses reset_counts / no_*_counts in OpenFlow 1.0 (no usable protocol); so does parseFlow
    expect(ofctlParseFlows(['reset_counts,ip actions=drop'], 'OpenFlow10')[0]!.ok).toBe(false);
    expect(() => parseFlow('reset_counts,ip actions=drop', 0x01)).toThrow(FlowParseError);
    expect(() => parseFlow('no_byte_counts,ip actions=drop', 0x01)).toThrow(FlowParseError);
    // a spec carrying reset_counts (built by hand, or parsed for another version): an add in 1.0
    // resets counters anyway, so nothing is sent — never bit 2, OFPFF_EMERG
    const spec = {
      ...parseFlow('send_flow_rem,ip actions=drop', 0x01),
      flags: ['send_flow_rem', 'reset_counts'] as const,
    };
    const bytes = noXid(encodeMessage(flowModFromSpec(spec, 0x01)));
    expect(bytes.readUInt16BE(8 + 40 + 22)).toBe(0x0001);
    expect(bytes.toString('hex')).toBe(ovs('send_flow_rem,ip actions=drop').toString('hex'));
    // other commands cannot carry it in 1.0: a typed refusal
    expect(() => flowModFromSpec(spec, 0x01, { command: 1 })).toThrow(/reset_counts/);
  });

  it.each([
    'dl_src=00:00:00:00:00:01/01:00:00:00:00:00 actions=drop',
    'tcp,tp_src=0x100/0xff00 actions=drop',
    'udp,tp_dst=53/0xfff0,nw_dst=10.1.0.0/255.255.0.255 actions=output:2',
    'ip,nw_ecn=1 actions=drop',
  ])('a match the 1.0 ofp_match cannot carry goes out as NXT_FLOW_MOD: %s', (text) => {
    const fm = flowModFromSpec(parseFlow(text, 0x01), 0x01);
    expect(fm.type).toBe('nxFlowMod');
    expect(ours(text).toString('hex')).toBe(ovs(text).toString('hex'));
    // forced into the fixed 1.0 match: refused, never a different flow
    expect(() => ours(text, 'openflow')).toThrow(MatchError);
  });

  it('a bitwise vlan_tci text goes out as NXT_FLOW_MOD as in ovs-ofctl; forced, the 1.0 match says the same', () => {
    const text = 'vlan_tci=0x1005/0x1fff actions=drop';
    expect(ours(text).toString('hex')).toBe(ovs(text).toString('hex'));
    expect(ours(text, 'openflow').toString('hex')).toBe(ovs('dl_vlan=5 actions=drop').toString('hex'));
  });

  it('an all-zero mask is a wildcard (not an exact match) and keeps the plain ofp_flow_mod', () => {
    const text = 'dl_src=00:00:00:00:00:01/00:00:00:00:00:00,tcp,tp_dst=80/0 actions=drop';
    const fm = flowModFromSpec(parseFlow(text, 0x01), 0x01);
    expect(fm.type).toBe('flowMod');
    expect(ours(text).toString('hex')).toBe(ovs(text).toString('hex'));
  });

  it('writeMatch10 refuses masks it cannot express and wildcards zero masks', () => {
    const w = new ByteWriter(new Uint8Array(40));
    expect(() =>
      writeMatch10(w, [{ field: 'eth_src', value: new Uint8Array(6), mask: Uint8Array.of(1, 0, 0, 0, 0, 0) }]),
    ).toThrow(expect.objectContaining({ code: 'OF_MATCH_BAD_MASK' }));
    expect(() =>
      writeMatch10(new ByteWriter(new Uint8Array(40)), [
        { field: 'tcp_src', value: Uint8Array.of(1, 0), mask: Uint8Array.of(0xff, 0) },
      ]),
    ).toThrow(expect.objectContaining({ code: 'OF_MATCH_BAD_MASK' }));
    const z = new ByteWriter(new Uint8Array(40));
    writeMatch10(z, [{ field: 'eth_src', value: Uint8Array.of(0, 0, 0, 0, 0, 1), mask: new Uint8Array(6) }]);
    // OFPFW10_DL_SRC stays set: the zero-masked MAC is wildcarded
    expect(z.buf[3]! & 0x4).toBe(0x4);
  });

  it('goto_table:N is sent as resubmit(,N), as OVS does', () => {
    for (const text of ['ip actions=goto_table:5', 'table=2,ip actions=output:1,goto_table:9']) {
      expect(ours(text).toString('hex')).toBe(ovs(text).toString('hex'));
    }
  });

  it('mod_nw_ttl is sent as load:N->NXM_NX_IP_TTL[], as OVS does', () => {
    const text = 'ip actions=mod_nw_ttl:9,output:2';
    expect(ours(text).toString('hex')).toBe(ovs(text).toString('hex'));
  });

  it('form chooses ofp_flow_mod or NXT_FLOW_MOD; auto picks as ovs-ofctl', () => {
    const text = 'table=3,priority=9,ip,nw_src=10.0.0.1 actions=output:1';
    expect(flowModFromSpec(parseFlow(text, 0x01), 0x01).type).toBe('flowMod');
    expect(ours(text).toString('hex')).toBe(ovs(text).toString('hex'));
    expect(ours(text, 'openflow').toString('hex')).toBe(ovs(text, { protocol: 'OpenFlow10+table_id' }).toString('hex'));
    expect(ours(text, 'nicira').toString('hex')).toBe(ovs(text, { protocol: 'NXM+table_id' }).toString('hex'));
  });
});
