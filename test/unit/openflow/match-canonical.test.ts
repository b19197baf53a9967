/**
 * ovsWireMatch: the match folded and ordered as OVS writes it (nx-match.c nx_put_raw). The orders
 * and folds below are those ovs-ofctl 3.1 printed for the same texts (`-mmmmm parse-flow`); the
 * integration differential (test/integration/openflow/diff) checks them byte for byte at scale.
 */
import { describe, expect, it } from 'vitest';
import { ovsWireMatch } from '../../../src/openflow/match/canonical.js';
import { parseMatch } from '../../../src/openflow/text/index.js';
import { toHex } from '../../../src/wire/index.js';

const show = (text: string, v: number): string[] =>
  ovsWireMatch(parseMatch(text, v as 4), v).map(
    (f) => `${f.field}=${toHex(f.value)}${f.mask ? `/${toHex(f.mask)}` : ''}`,
  );

describe('ovsWireMatch', () => {
  it('writes eth_type before the L3 fields and regs / metadata after them, whatever the text order', () => {
    expect(show('metadata=0x1,reg14=0x5,ip,nw_src=10.244.0.5', 4)).toEqual([
      'eth_type=0800',
      'ip_src=0af40005',
      'reg14=00000005',
      'metadata=0000000000000001',
    ]);
  });
  it('drops zero masks, makes all-ones masks exact, writes nw_tos as OXM ip_dscp and as NXM ip tos', () => {
    expect(show('ip,nw_tos=80,reg1=0x5/0xffffffff,reg2=0x7/0', 4)).toEqual([
      'eth_type=0800',
      'ip_dscp=14',
      'reg1=00000005',
    ]);
    expect(show('ip,nw_tos=80', 1)).toEqual(['eth_type=0800', 'nw_tos=50']);
  });
  it('writes register pairs as xregs in OpenFlow 1.5 (reg 2N is the high half)', () => {
    expect(show('reg1=0x5,reg0=0x1/0xff', 6)).toEqual(['xreg0=0000000100000005/000000ffffffffff']);
    expect(show('xxreg0=0x5/0xff', 4)).toEqual(['reg3=00000005/000000ff']);
  });
  it('writes packet_type=eth when the text named Ethernet but no written field implies it', () => {
    expect(show('dl_src=00:00:00:00:00:01/00:00:00:00:00:00,reg0=1', 4)).toEqual([
      'packet_type=00000000',
      'reg0=00000001',
    ]);
  });
});
