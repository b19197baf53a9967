/**
 * Regression tests for issue #15 item 1 (OpenFlow actions), each against ovs-ofctl as the oracle:
 * the SDK's action bytes equal `ovs-ofctl -mmmmm parse-flows`, it refuses what ovs-ofctl refuses, and
 * decoding OVS's bytes prints what `ovs-ofctl parse-actions` prints.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  type ActionError,
  formatActions,
  readActions,
  actionsLength,
  writeActions,
} from '../../../../src/openflow/actions/index.js';
import type { OfVersion } from '../../../../src/openflow/version.js';
import { ByteReader, ByteWriter } from '../../../../src/wire/index.js';
import { ofctlFlows, sdkFlow, type Outcome } from './oracle.js';

const NAMES: Record<number, string> = { 0x01: 'OpenFlow10', 0x04: 'OpenFlow13', 0x06: 'OpenFlow15' };

function show(o: Outcome): string {
  return 'error' in o ? `refused: ${o.error}` : o.bytes.toString('hex');
}

/** Both accept with equal bytes, or both refuse. Returns ovs-ofctl's outcome. */
function agree(line: string, version: OfVersion): Outcome {
  const ovs = ofctlFlows([line], NAMES[version]!)[0]!;
  const sdk = sdkFlow(line, version);
  if ('error' in ovs) expect(show(sdk)).toMatch(/^refused/);
  else expect(show(sdk)).toBe(show(ovs));
  return ovs;
}

/** `ovs-ofctl parse-actions VERSION` on action bytes: its `actions=…` line or `bad …` line. */
function ovsDecode(version: OfVersion, hex: string): string {
  const r = spawnSync('ovs-ofctl', ['parse-actions', NAMES[version]!], { input: `${hex}\n`, encoding: 'utf8' });
  return (r.stdout.split('\n').find((l) => l.startsWith('actions=') || l.startsWith('bad ')) ?? r.stderr).trim();
}

/** The SDK's decoding of the same bytes, printed the same way. */
function sdkDecode(version: OfVersion, hex: string): string {
  const b = Buffer.from(hex, 'hex');
  try {
    return `actions=${formatActions(readActions(new ByteReader(b), b.length, version))}`;
  } catch (e) {
    return `bad: ${(e as ActionError).code}`;
  }
}

/** Action bytes of OVS's encoding of `actions`, in OF1.0 (a bare list, no instruction header). */
function ovsActions10(actions: string, match = ''): string {
  const o = ofctlFlows([`priority=1${match ? ',' + match : ''} actions=${actions}`], 'OpenFlow10')[0]!;
  if ('error' in o) throw new Error(o.error);
  return o.bytes.toString('hex');
}

describe('field widths are OVS n_bits, not byte sizes', () => {
  it('mod_nw_ecn in OF1.0 loads 2 bits (load:…->NXM_NX_IP_ECN[])', () => {
    agree('priority=1,ip actions=mod_nw_ecn:2', 0x01);
    agree('priority=1,ip actions=set_field:3->nw_ecn', 0x01);
  });
  it('learn load:…->OXM_OF_VLAN_VID[] writes 12 bits', () => {
    agree('priority=1 actions=learn(table=1,load:0x5->OXM_OF_VLAN_VID[])', 0x04);
  });
  it('whole narrow fields print as [] (ip_ecn, tun_flags, vlan_vid, mpls_label)', () => {
    for (const a of [
      'move:NXM_NX_IP_ECN[]->NXM_NX_REG0[0..1]',
      'push:NXM_NX_TUN_FLAGS[]',
      'push:OXM_OF_VLAN_VID[]',
      'move:OXM_OF_MPLS_LABEL[]->NXM_NX_REG1[0..19]',
    ]) {
      const match = a.includes('ECN') ? 'ip' : a.includes('MPLS') ? 'mpls' : '';
      const hex = ovsActions10(a, match);
      expect(sdkDecode(0x01, hex)).toBe(ovsDecode(0x01, hex));
      agree(`priority=1${match ? ',' + match : ''} actions=${a}`, 0x01);
    }
  });
  it('a slice past a narrow field is refused as OVS refuses it', () => {
    agree('priority=1 actions=move:NXM_NX_REG0[0..15]->NXM_NX_TUN_FLAGS[0..15]', 0x04);
    agree('priority=1,ip actions=load:0x3->NXM_NX_IP_ECN[0..7]', 0x01);
  });
});

describe('sample, output:0, ct without commit, actions inconsistent with the match', () => {
  it('sample() without sampling_port sends OFPP_NONE and prints nothing', () => {
    agree('priority=1 actions=sample(probability=5,collector_set_id=1,obs_domain_id=2,obs_point_id=3,egress)', 0x04);
    agree(
      'priority=1 actions=sample(probability=5,collector_set_id=1,obs_domain_id=2,obs_point_id=3,sampling_port=65535)',
      0x04,
    );
    const hex = 'ffff002000002320002900050000000100000002000000030000ffff00000000'.replace('0000ffff', 'ffff0200');
    expect(sdkDecode(0x04, hex)).toBe(ovsDecode(0x04, hex));
  });
  it('output:0 decodes in OF1.1+ as OVS decodes it', () => {
    expect(sdkDecode(0x04, '00000010000000000000000000000000')).toBe(
      ovsDecode(0x04, '00000010000000000000000000000000'),
    );
    expect(sdkDecode(0x06, '00000010000000000000000000000000')).toBe('actions=output:0');
  });
  it('ct(nat(dst=…)) without commit is refused on decode (OFPBAC_BAD_ARGUMENT); a bare nat is not', () => {
    const natDst = 'ffff00300000232000230000000000000000ff0000000000ffff00180000232000240000000200010a00000100000000';
    expect(ovsDecode(0x04, natDst)).toMatch(/^bad .*OFPBAC_BAD_ARGUMENT/);
    expect(sdkDecode(0x04, natDst)).toBe('bad: OF_ACTION_BAD_ARGUMENT');
    const bare = 'ffff00280000232000230000000000000000ff0000000000ffff0010000023200024000000000000';
    expect(sdkDecode(0x04, bare)).toBe(ovsDecode(0x04, bare));
  });
  it('mpls,actions=dec_ttl is refused from OF1.1 on and accepted in OF1.0', () => {
    expect('error' in agree('priority=1,mpls actions=dec_ttl', 0x04)).toBe(true);
    expect('error' in agree('priority=1,mpls actions=dec_ttl', 0x06)).toBe(true);
    expect('bytes' in agree('priority=1,mpls actions=dec_ttl', 0x01)).toBe(true);
    expect('error' in agree('priority=1 actions=mod_nw_src:1.2.3.4', 0x04)).toBe(true);
    expect('bytes' in agree('priority=1,ip actions=push_mpls:0x8847,dec_mpls_ttl', 0x04)).toBe(true);
    expect('error' in agree('priority=1,ip actions=push_mpls:0x8847,dec_ttl', 0x04)).toBe(true);
  });
});

describe('printing learn immediates', () => {
  it('whole-field immediates print as name=value', () => {
    const hex = ovsActions10(
      'learn(table=1,eth_type=0x800,ip_dst=10.1.2.3,eth_src=00:11:22:33:44:55,in_port=5,nw_ecn=2,NXM_OF_VLAN_TCI[0..11]=0x5)',
    );
    expect(sdkDecode(0x01, hex)).toBe(ovsDecode(0x01, hex));
  });
});

describe('byte form of actions as OVS picks it', () => {
  it('resubmit:N from text is NXAST_RESUBMIT_TABLE; a decoded NXAST_RESUBMIT re-encodes as itself', () => {
    agree('priority=1 actions=resubmit:5,resubmit(,3),resubmit(1,2)', 0x04);
    const raw = Buffer.from('ffff00100000232000010005000000000000000800000000'.slice(0, 32), 'hex');
    const list = readActions(new ByteReader(raw), raw.length, 0x04);
    const w = ByteWriter.alloc(actionsLength(list, 0x04));
    writeActions(w, list, 0x04);
    expect(Buffer.from(w.written()).toString('hex')).toBe(raw.toString('hex'));
    expect(sdkDecode(0x04, raw.toString('hex'))).toBe(ovsDecode(0x04, raw.toString('hex')));
  });
  it('controller(): output, NXAST_CONTROLLER or NXAST_CONTROLLER2 with only non-default properties', () => {
    for (const c of [
      'controller()',
      'controller(max_len=100)',
      'controller(id=3)',
      'controller(reason=no_match,max_len=65535)',
      'controller(userdata=01.02,max_len=65535,reason=action)',
      'controller(pause,id=7,reason=invalid_ttl,max_len=9)',
      'controller(meter_id=4294967295)',
      'controller(meter_id=0)',
    ]) {
      for (const v of [0x01, 0x04, 0x06] as const) agree(`priority=1 actions=${c}`, v);
    }
  });
  it('masked set_field in OF1.0-1.4 is one NXAST_REG_LOAD per run of mask bits', () => {
    agree('priority=1 actions=set_field:0x91/0x91->reg9', 0x04);
    agree('priority=1 actions=set_field:0x0/0xc2bcf5->xreg3', 0x04);
    agree('priority=1 actions=set_field:0x10/0xff00ff->metadata', 0x01);
  });
  it('ct keeps exec(...) and nat in the order written', () => {
    agree('priority=1,ip actions=ct(commit,exec(load:0x1->NXM_NX_CT_MARK[0..15]),nat)', 0x04);
    agree('priority=1,ip actions=ct(commit,nat(src=10.0.0.1),exec(set_field:1->ct_mark))', 0x06);
  });
  it('enqueue in OF1.1+ is set_queue, output (max_len 0xffff), pop_queue', () => {
    agree('priority=1 actions=enqueue:43:11', 0x04);
  });
  it('OpenFlow 1.0: mod_nw_ttl loads NXM_NX_IP_TTL, set_field on vlan_tci is set_vlan_vid/pcp or strip_vlan', () => {
    agree('priority=1,ip actions=mod_nw_ttl:248', 0x01);
    agree('priority=1 actions=set_field:11->vlan_tci', 0x01);
    agree('priority=1 actions=set_field:0x3005->vlan_tci', 0x01);
  });
});

describe('refusals OVS makes when it parses actions', () => {
  it('conjunction with an action other than note', () => {
    expect('error' in agree('priority=1 actions=conjunction(1,1/2),output:1', 0x04)).toBe(true);
    expect('bytes' in agree('priority=1 actions=conjunction(1,1/2),note:01,conjunction(2,2/2)', 0x04)).toBe(true);
  });
  it('instructions out of order or repeated, in every version', () => {
    for (const v of [0x01, 0x04, 0x06] as const) {
      expect('error' in agree('priority=1 actions=output:1,meter:2', v)).toBe(true);
      expect('error' in agree('priority=1 actions=output:1,goto_table:3,goto_table:4', v)).toBe(true);
    }
  });
  it('reversed nat ranges; set_field with an NXM name', () => {
    expect('error' in agree('priority=1,ip actions=ct(commit,nat(src=10.0.0.9-10.0.0.1))', 0x04)).toBe(true);
    expect('error' in agree('priority=1,ip actions=ct(commit,nat(src=10.0.0.1:90-80))', 0x04)).toBe(true);
    expect('error' in agree('priority=1 actions=set_field:1->NXM_NX_REG1', 0x04)).toBe(true);
    expect('error' in agree('priority=1,ip actions=ct(commit,nat(src=10.0.0.1,hash,random))', 0x04)).toBe(true);
  });
});
