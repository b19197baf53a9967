/**
 * Action lists built here from text, encoded per version, and decoded by `ovs-ofctl parse-actions`
 * (OVS's own action decoder) print the same as this library prints them — including the OpenFlow
 * 1.0 encodings (mod_*, NXAST_* MPLS, reg_load) that flow_mods in the other tests do not reach.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { actionsLength, formatActions, writeActions } from '../../../src/openflow/actions/index.js';
import { parseActions } from '../../../src/openflow/text/index.js';
import { ByteWriter, toHex } from '../../../src/wire/index.js';

function ovsParseActions(version: string, hex: string): string {
  const r = spawnSync('ovs-ofctl', ['parse-actions', version], { input: `${hex}\n`, encoding: 'utf8' });
  return (r.stdout.split('\n').find((l) => l.startsWith('actions=') || l.startsWith('bad ')) ?? r.stderr).trim();
}

const LISTS = [
  'output:1,LOCAL,IN_PORT,NORMAL,FLOOD,ALL,CONTROLLER:100,enqueue:3:7',
  'mod_vlan_vid:9,mod_vlan_pcp:6,strip_vlan,mod_dl_src:00:11:22:33:44:55,mod_dl_dst:10:20:30:40:50:60',
  'mod_nw_src:1.2.3.4,mod_nw_dst:192.168.0.1,mod_nw_tos:48,mod_tp_src:80,mod_tp_dst:443',
  'push_mpls:0x8847,set_mpls_ttl:3,dec_mpls_ttl,pop_mpls:0x0800',
  'resubmit:5,resubmit(,9),resubmit(3,10),resubmit(,11,ct),set_queue:5,pop_queue,exit',
  'load:0xf009->NXM_OF_VLAN_TCI[],move:NXM_OF_IN_PORT[]->NXM_NX_REG0[0..15],load:0x1->NXM_NX_REG13[3]',
  'set_field:0x5->tun_metadata1,set_field:10.0.0.1->ip_dst,set_field:0x1/0x1->reg3',
  'output:NXM_NX_REG1[5..10],output(port=1,max_len=100),group:5,dec_ttl,dec_ttl(1,2,3)',
  'note:01.02.03,controller(reason=no_match,max_len=128,id=7),controller(userdata=01.02,pause,meter_id=3)',
  'ct(commit,zone=NXM_NX_REG13[0..15],table=5,exec(load:0x1->NXM_NX_CT_MARK[],set_field:0x2/0x2->ct_label)),ct_clear',
  'ct(commit,nat(src=10.0.0.1-10.0.0.9:1000-2000,random)),ct(nat),ct(commit,nat(dst=[fe80::1]-[fe80::9]:80,persistent,hash))',
  'learn(table=9,idle_timeout=10,priority=5,cookie=0x9,NXM_OF_ETH_DST[]=NXM_OF_ETH_SRC[],NXM_NX_REG0[0..3]=0x5,load:NXM_NX_REG1[]->NXM_NX_REG2[],output:NXM_OF_IN_PORT[])',
  'learn(table=3,limit=10,result_dst=NXM_NX_REG0[5],NXM_OF_VLAN_TCI[0..11])',
  'clone(set_field:0x1->reg0,resubmit(,3)),check_pkt_larger(1500)->NXM_NX_REG0[6],fin_timeout(idle_timeout=5)',
  'sample(probability=100,collector_set_id=1,obs_domain_id=2,obs_point_id=3,sampling_port=4,egress)',
  'multipath(symmetric_l4,1024,hrw,4,0,NXM_NX_REG0[0..1]),bundle_load(eth_src,0,hrw,ofport,NXM_NX_REG0[],members:1,2)',
  'set_tunnel:0x5,set_tunnel64:0x123456789,delete_field:tun_metadata3',
  'conjunction(7,1/2),conjunction(8,2/3)',
  // NXAST_STACK_PUSH / POP, which ovn-controller installs.
  'push:NXM_NX_REG0[],push:NXM_NX_XXREG1[5..100],pop:NXM_NX_REG1[0..15],pop:NXM_OF_ETH_SRC[]',
];

describe('action lists through ovs-ofctl parse-actions', () => {
  for (const [name, version] of [
    ['OpenFlow10', 0x01],
    ['OpenFlow13', 0x04],
    ['OpenFlow15', 0x06],
  ] as const) {
    describe(name, () => {
      for (const text of LISTS) {
        it(text.slice(0, 100), () => {
          const list = parseActions(text, version);
          const w = ByteWriter.alloc(actionsLength(list, version));
          writeActions(w, list, version);
          expect(ovsParseActions(name, toHex(w.written()))).toBe(`actions=${formatActions(list)}`);
        });
      }
    });
  }
});
