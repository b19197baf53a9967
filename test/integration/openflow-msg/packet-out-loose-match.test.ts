/**
 * The OpenFlow 1.5 packet-out match is read as OVS reads it (nx-match.c oxm_pull_match_loose):
 * a TLV whose header names no field at its length (unknown class/field, or a known fixed-width
 * field at another length, such as a trailing all-zero header) is skipped, everything else is
 * checked as in a flow match, and then only pipeline fields and a valid in_port are accepted.
 * `ovs-ofctl ofp-print` (the local OVS) is the oracle for each crafted message.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { decodeMessage, encodeMessage, formatMessage } from '../../../src/openflow/messages/index.js';

/** An OF1.5 packet-out (buffer 0xffffff00, actions=FLOOD) whose match holds these TLV bytes. */
function packetOut(tlvHex: string): string {
  const tlvs = Buffer.from(tlvHex, 'hex');
  const match = Buffer.concat([Buffer.from([0, 1, (4 + tlvs.length) >> 8, (4 + tlvs.length) & 0xff]), tlvs]);
  const padded = Buffer.concat([match, Buffer.alloc((8 - (match.length % 8)) % 8)]);
  const actions = Buffer.from('00000010fffffffb05dc000000000000', 'hex');
  const body = Buffer.concat([Buffer.from('ffffff00', 'hex'), Buffer.from([0, actions.length, 0, 0]), padded, actions]);
  const len = 8 + body.length;
  return Buffer.concat([Buffer.from([6, 13, len >> 8, len & 0xff, 0x11, 0x22, 0x33, 0x44]), body]).toString('hex');
}

function ofctlPrint(hex: string): string {
  const r = spawnSync('ovs-ofctl', ['ofp-print', hex], { encoding: 'utf8' });
  return r.stdout;
}

const IN_PORT_1 = '8000000400000001';
const CASES: Record<string, string> = {
  'trailing all-zero header (NXM_OF_IN_PORT, length 0)': IN_PORT_1 + '00000000',
  'leading all-zero header': '00000000' + IN_PORT_1,
  'unknown NXM field': IN_PORT_1 + '0001ff0400000000',
  'OXM in_port at length 6': IN_PORT_1 + '80000006000000000000',
  'reg0 at length 2': IN_PORT_1 + '00010202abcd',
  'unknown experimenter OXM': IN_PORT_1 + 'ffff0e0500004e5c01',
  'pipeline fields: tun_id, metadata, xreg0, tun_flags':
    '80004c0800000000000000058000040800000000000000038001000800000000000000010001d0020001' + IN_PORT_1,
  'NXM in_port': '0000000200010000'.slice(0, 12),
  'in_port=LOCAL': '80000004fffffffe',
  'in_port=CONTROLLER': '80000004fffffffd',
  'in_port=ANY': '80000004ffffffff',
  'in_port=0': '8000000400000000',
  // refused by OVS, with the error validateMessage gives (printed by formatMessage)
  'no in_port': '0001000400000001',
  'in_port=IN_PORT (reserved)': '80000004fffffff8',
  'in_port 0xfffffff0': '80000004fffffff0',
  'in_port 0xff00 (outside the OpenFlow 1.1 port range)': '800000040000ff00',
  'pkt_mark (not a pipeline field)': IN_PORT_1 + '0001420400000001',
  'ct_state (not a pipeline field)': IN_PORT_1 + '0001d20400000001',
  'bad in_port value before a non-pipeline field': '800000040000ff00' + '0001420400000001',
  'non-pipeline field before a bad in_port value': '0001420400000001' + '800000040000ff00',
};

describe('OF1.5 packet-out match: read loosely, as ovs-ofctl does', () => {
  for (const [name, tlvs] of Object.entries(CASES)) {
    it(`${name}: prints as ovs-ofctl prints it and re-encodes byte for byte`, () => {
      const hex = packetOut(tlvs);
      const want = ofctlPrint(hex);
      expect(want).toMatch(/^OFPT_PACKET_OUT \(OF1\.5\)/);
      const m = decodeMessage(Buffer.from(hex, 'hex'));
      expect(formatMessage(m)).toBe(want);
      expect(Buffer.from(encodeMessage(m)).toString('hex')).toBe(hex);
    });
  }

  it('keeps a skipped TLV as an unknown field (so the bytes survive), not as the field it mis-sizes', () => {
    const m = decodeMessage(Buffer.from(packetOut(IN_PORT_1 + '00000000'), 'hex'));
    if (m.type !== 'packetOut' || !m.match) throw new Error('not a packet-out with a match');
    expect(m.match.map((f) => f.field)).toEqual(['in_port_oxm', 'unknown']);
    expect(m.match[1]!.header).toEqual({ cls: 0, field: 0 });
    expect(m.inPort).toBe(1);
  });

  it('reads a flow_mod match strictly: the same trailing zero header is a width error there', () => {
    // OF1.5 flow_mod, match = in_port=1 + 00000000, no instructions
    const fixed =
      '0000000000000000' + '0000000000000000' + '0000' + '00000000' + '8000' + 'ffffffff'.repeat(3) + '00000000';
    const body = `${fixed}0001001080000004000000010000000000`.slice(0, fixed.length + 32);
    const hex = `060e${(8 + body.length / 2).toString(16).padStart(4, '0')}00000001${body}`;
    expect(() => decodeMessage(Buffer.from(hex, 'hex'))).toThrow(
      expect.objectContaining({ code: 'OF_MATCH_BAD_WIDTH' }),
    );
    expect(ofctlPrint(hex)).toMatch(/decode error: OFPBMC_BAD_FIELD/);
  });

  it('still refuses what OVS refuses while reading: truncated experimenter header, duplicate field', () => {
    for (const [tlvs, ofp] of [
      [IN_PORT_1 + 'ffff0002abcd', 'OFPBMC_BAD_LEN'],
      [IN_PORT_1 + IN_PORT_1, 'OFPBMC_DUP_FIELD'],
    ] as const) {
      const hex = packetOut(tlvs);
      expect(ofctlPrint(hex)).toContain(`decode error: ${ofp}`);
      expect(() => decodeMessage(Buffer.from(hex, 'hex'))).toThrow(
        expect.objectContaining({ code: expect.stringMatching(/^OF_MATCH_/) }),
      );
    }
  });
});
