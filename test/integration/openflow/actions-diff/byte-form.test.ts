/**
 * The byte form OVS picks for one action, against `ovs-ofctl -O V -mmmmm parse-flows` (oracle.ts):
 * each case is a flow text where the SDK once encoded other bytes than OVS 3.1. The SDK's bytes must
 * equal OVS's, and decoding OVS's bytes and encoding them again must give them back.
 */
import { describe, expect, it } from 'vitest';
import type { OfVersion } from '../../../../src/openflow/version.js';
import { ofctlFlows, roundTrip, sdkFlow } from './oracle.js';

const CASES: readonly (readonly [name: string, version: OfVersion, flows: readonly string[]])[] = [
  // set_field on in_port is NXM_OF_IN_PORT (16 bits): OVS refuses OXM_OF_IN_PORT in a set_field
  ['OpenFlow12', 0x03, ['priority=1 actions=set_field:66->in_port', 'priority=1 actions=set_field:65527->in_port']],
  ['OpenFlow13', 0x04, ['priority=1 actions=clone(pop_queue,set_field:12->in_port),pop_queue']],
  ['OpenFlow15', 0x06, ['priority=1 actions=set_field:69->in_port,set_queue:4294967295']],
  // tun_flags without +/- sets the whole field: OFPAT_SET_FIELD, not NXAST_REG_LOAD
  [
    'OpenFlow13',
    0x04,
    [
      'priority=1 actions=set_field:1->tun_flags',
      'priority=1 actions=set_field:oam->tun_flags',
      'priority=1 actions=set_field:+oam->tun_flags',
      'priority=1 actions=set_field:-oam->tun_flags',
    ],
  ],
  ['OpenFlow14', 0x05, ['priority=1 actions=push_mpls:0x8848,set_field:1->tun_flags']],
  // OpenFlow 1.1: vlan_tci with CFI is push_vlan (unless tagged) + set_vlan_vid + set_vlan_pcp
  [
    'OpenFlow11',
    0x02,
    [
      'priority=1 actions=pop_queue,output:100,set_field:0xd1ed->vlan_tci',
      'priority=1,dl_vlan=5 actions=set_field:0xd1ed->vlan_tci',
      'priority=1 actions=push_vlan:0x8100,set_field:0x3001->vlan_tci',
      'priority=1 actions=set_field:0xd1ed->vlan_tci,set_field:0x1005->vlan_tci',
    ],
  ],
  // a masked set_field keeps the value bits its mask clears (OVS writes value and mask as written)
  [
    'OpenFlow15',
    0x06,
    [
      'priority=1,ip actions=ct(commit,exec(set_field:0x46be/0x19d5->ct_mark))',
      'priority=1 actions=set_field:0xff/0x1->reg3',
      'priority=1 actions=set_field:0xffff/0x1->tun_metadata3',
    ],
  ],
  ['OpenFlow13', 0x04, ['priority=1 actions=set_field:0xffff/0x1->tun_metadata3']],
  // OpenFlow 1.2 has no meter: when OVS encodes the flow it leaves the meter out (encode_METER)
  [
    'OpenFlow12',
    0x03,
    ['priority=1,udp6 actions=meter:1,output:13,enqueue:65279:4294967295,clone(enqueue:7:488,exit)'],
  ],
  // OpenFlow 1.5 masks a set_field on fields a match cannot mask; OVS decodes it back
  [
    'OpenFlow15',
    0x06,
    [
      'priority=1,tcp6 actions=load:0x1->NXM_NX_IP_TTL[4..4]',
      'priority=1,ip actions=load:0x0->in_port[1..15]',
      'priority=1,ipv6 actions=load:0x1->nw_ecn[1..1]',
      'priority=1,tcp6 actions=load:0x1->ip_dscp[1..5]',
      'priority=1,ip actions=load:0x1->NXM_OF_IP_TOS[2..3]',
    ],
  ],
  // OpenFlow 1.1 has its own set_mpls_label / set_mpls_tc / set_nw_ecn actions
  [
    'OpenFlow11',
    0x02,
    [
      'priority=1,mpls actions=set_mpls_label:744626,set_mpls_tc:5,output:0',
      'priority=1,ip actions=set_field:1->nw_ecn,output:1',
    ],
  ],
];

describe('action byte forms equal ovs-ofctl parse-flows', () => {
  for (const [name, version, flows] of CASES) {
    it(`${name}: ${flows.join(' | ')}`, () => {
      const ovs = ofctlFlows(flows, name);
      flows.forEach((flow, i) => {
        const o = ovs[i]!;
        if (!('bytes' in o)) throw new Error(`ovs-ofctl refused ${flow}: ${o.error}`);
        const s = sdkFlow(flow, version);
        expect('bytes' in s ? s.bytes.toString('hex') : s.error, flow).toBe(o.bytes.toString('hex'));
        expect(roundTrip(o.bytes, version), `${flow} decode → encode`).toBe(o.bytes.toString('hex'));
      });
    });
  }
});
