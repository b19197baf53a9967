import { fieldByName } from '../match/fields.js';
import { formatFieldValue } from '../match/format.js';
import { fieldNBits } from '../match/widths.js';
import { formatEncapAction } from './encap.js';
import {
  bytesToBigInt,
  formatIpv4,
  formatIpv6,
  formatMac,
  formatPort11,
  hexAlt,
  isAllOnes,
  port11To10,
} from '../match/text-values.js';
import type { MatchField } from '../match/types.js';
import type { Action, Instruction, LearnSpec } from './types.js';
import { formatSlice } from './slices.js';
import { NX_BD_ALG, NX_HASH_FIELDS, NX_MP_ALG, PACKET_IN_REASONS } from './constants.js';

const dotHex = (b: Uint8Array): string => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('.');

function setFieldValue(f: MatchField): string {
  const def = fieldByName(f.field);
  if (!def) return `${hexAlt(bytesToBigInt(f.value))}`;
  const full = {
    v: f.value,
    m: f.mask ?? new Uint8Array(f.value.length).fill(0xff),
    exact: !f.mask || isAllOnes(f.mask),
  };
  if (def.format === 'dec' && full.exact) return bytesToBigInt(f.value).toString();
  if (f.mask && !full.exact && (def.format === 'dec' || def.format === 'hex')) {
    return `${hexAlt(bytesToBigInt(f.value))}/${hexAlt(bytesToBigInt(f.mask))}`;
  }
  if (f.mask && !full.exact && (def.format === 'eth' || def.format === 'ipv4' || def.format === 'ipv6')) {
    const fm = def.format === 'eth' ? formatMac : def.format === 'ipv4' ? formatIpv4 : formatIpv6;
    return `${fm(f.value)}/${fm(f.mask)}`;
  }
  return formatFieldValue(def, { ...full, v: full.exact ? f.value : f.value });
}

function outputPort(port: number): string {
  const p16 = port11To10(port);
  if (p16 < 0xff00) return `output:${p16}`;
  return formatPort11(port);
}

function resubmitPort(p: number | undefined): string {
  if (p === undefined || p === 0xfff8) return '';
  return formatPort11(p >= 0xff00 ? p + 0xffff0000 : p);
}

function natText(a: Extract<Action, { type: 'nat' }>): string {
  let s = 'nat';
  if (a.kind) {
    s += `(${a.kind}`;
    if (a.ipMin !== undefined) {
      const v6 = a.ipMin.includes(':');
      const ports = a.protoMin !== undefined;
      const br = (x: string): string => (v6 && ports ? `[${x}]` : x);
      s += `=${br(a.ipMin)}`;
      if (a.ipMax !== undefined && a.ipMax !== a.ipMin) s += `-${br(a.ipMax)}`;
      if (ports) {
        s += `:${a.protoMin}`;
        if (a.protoMax !== undefined && a.protoMax !== a.protoMin) s += `-${a.protoMax}`;
      }
    }
    for (const f of a.flags) s += `,${f}`;
    s += ')';
  }
  return s;
}

function learnSpecText(s: LearnSpec): string {
  const imm = (b: Uint8Array, dstField: string, nBits: number, ofs: number): string => {
    const def = fieldByName(dstField);
    if (
      def &&
      ofs === 0 &&
      nBits === fieldNBits(def) &&
      (def.format === 'eth' || def.format === 'ipv4' || def.format === 'ipv6')
    ) {
      const v = b.subarray(b.length - def.bytes);
      return def.format === 'eth' ? formatMac(v) : def.format === 'ipv4' ? formatIpv4(v) : formatIpv6(v);
    }
    return hexAlt(bytesToBigInt(b));
  };
  switch (s.kind) {
    case 'match':
      if (s.src instanceof Uint8Array) {
        // lib/learn.c learn_format: a whole field's immediate prints as `name=value` in the field's own syntax
        const def = fieldByName(s.dst.field);
        if (def && s.dst.ofs === 0 && s.dst.nBits === fieldNBits(def)) {
          const v = new Uint8Array(def.bytes);
          const src = s.src.subarray(Math.max(0, s.src.length - def.bytes));
          v.set(src, def.bytes - src.length);
          return `${def.name}=${formatFieldValue(def, { v, m: new Uint8Array(def.bytes).fill(0xff), exact: true })}`;
        }
        return `${formatSlice(s.dst)}=${imm(s.src, s.dst.field, s.dst.nBits, s.dst.ofs)}`;
      }
      if (s.src.field === s.dst.field && s.src.ofs === s.dst.ofs) return formatSlice(s.dst);
      return `${formatSlice(s.dst)}=${formatSlice(s.src)}`;
    case 'load':
      if (s.src instanceof Uint8Array)
        return `load:${imm(s.src, s.dst.field, s.dst.nBits, s.dst.ofs)}->${formatSlice(s.dst)}`;
      return `load:${formatSlice(s.src)}->${formatSlice(s.dst)}`;
    case 'output':
      return `output:${formatSlice(s.src)}`;
  }
}

function controllerText(a: {
  maxLen?: number;
  id?: number;
  reason?: number;
  userdata?: Uint8Array;
  pause?: boolean;
  meterId?: number;
}): string {
  const maxLen = a.maxLen ?? 0xffff;
  const reason = a.reason ?? 1;
  const id = a.id ?? 0;
  if (reason === 1 && id === 0 && !a.userdata && !a.pause && !a.meterId) return `CONTROLLER:${maxLen}`;
  const parts: string[] = [];
  if (reason !== 1) parts.push(`reason=${PACKET_IN_REASONS[reason] ?? reason}`);
  if (maxLen !== 0xffff) parts.push(`max_len=${maxLen}`);
  if (id !== 0) parts.push(`id=${id}`);
  if (a.userdata) parts.push(`userdata=${dotHex(a.userdata)}`);
  if (a.pause) parts.push('pause');
  if (a.meterId) parts.push(`meter_id=${a.meterId}`);
  return `controller(${parts.join(',')})`;
}

/** The ovs-ofctl text of one action. */
export function formatAction(a: Action): string {
  switch (a.type) {
    case 'output':
      return port11To10(a.port) === 0xfffd ? `CONTROLLER:${a.maxLen}` : outputPort(a.port);
    case 'group':
      return `group:${a.groupId}`;
    case 'setQueue':
      return `set_queue:${a.queueId}`;
    case 'enqueue':
      return `enqueue:${formatPort11(a.port)}:${a.queueId}`;
    case 'pushVlan':
      return `push_vlan:0x${a.ethertype.toString(16)}`;
    case 'popVlan':
      return 'pop_vlan';
    case 'pushMpls':
      return `push_mpls:0x${a.ethertype.toString(16)}`;
    case 'popMpls':
      return `pop_mpls:0x${a.ethertype.toString(16).padStart(4, '0')}`;
    case 'pushPbb':
      return `push_pbb:0x${a.ethertype.toString(16)}`;
    case 'popPbb':
      return 'pop_pbb';
    case 'setMplsTtl':
      return `set_mpls_ttl(${a.ttl})`;
    case 'decMplsTtl':
      return 'dec_mpls_ttl';
    case 'setNwTtl':
      return `mod_nw_ttl:${a.ttl}`;
    case 'decNwTtl':
      return 'dec_ttl';
    case 'copyTtlOut':
      return 'copy_ttl_out';
    case 'copyTtlIn':
      return 'copy_ttl_in';
    case 'setField':
    case 'regLoad2':
      return `set_field:${setFieldValue(a.field)}->${a.field.field}`;
    case 'copyField':
      return `move:${formatSlice(a.src)}->${formatSlice(a.dst)}`;
    case 'meter':
      return `meter:${a.meterId}`;
    case 'setVlanVid':
      return `${a.ofpat11 ? 'set' : 'mod'}_vlan_vid:${a.vid}`;
    case 'setVlanPcp':
      return `${a.ofpat11 ? 'set' : 'mod'}_vlan_pcp:${a.pcp}`;
    case 'stripVlan':
      return 'strip_vlan';
    case 'setDlSrc':
      return `mod_dl_src:${formatMac(a.mac)}`;
    case 'setDlDst':
      return `mod_dl_dst:${formatMac(a.mac)}`;
    case 'setNwSrc':
      return `mod_nw_src:${formatIpv4(a.addr)}`;
    case 'setNwDst':
      return `mod_nw_dst:${formatIpv4(a.addr)}`;
    case 'setNwTos':
      return `mod_nw_tos:${a.tos}`;
    case 'setNwEcn':
      return `mod_nw_ecn:${a.ecn}`;
    case 'outputTrunc':
      return `output(port=${formatPort11(a.port)},max_len=${a.maxLen})`;
    case 'setTpSrc':
      return `mod_tp_src:${a.port}`;
    case 'setTpDst':
      return `mod_tp_dst:${a.port}`;
    case 'resubmit':
      if ((a.table === undefined || a.table === 0xff) && !a.ct)
        return `resubmit:${resubmitPort(a.inPort) || 'IN_PORT'}`;
      return `resubmit(${resubmitPort(a.inPort)},${a.table === undefined || a.table === 0xff ? '' : a.table}${a.ct ? ',ct' : ''})`;
    case 'regLoad':
      return `load:${hexAlt(a.value)}->${formatSlice(a.dst)}`;
    case 'regMove':
      return `move:${formatSlice(a.src)}->${formatSlice(a.dst)}`;
    case 'stackPush':
      return `push:${formatSlice(a.slice)}`;
    case 'stackPop':
      return `pop:${formatSlice(a.slice)}`;
    case 'note':
      return `note:${dotHex(a.data)}`;
    case 'outputReg':
      return `output:${formatSlice(a.src)}`;
    case 'ct': {
      const p: string[] = [];
      if (a.commit) p.push('commit');
      if (a.force) p.push('force');
      if (a.table !== undefined && a.table !== 0xff) p.push(`table=${a.table}`);
      if (a.zoneSrc) p.push(`zone=${formatSlice(a.zoneSrc)}`);
      else if (a.zone) p.push(`zone=${a.zone}`);
      let rest = a.actions;
      if (rest[0]?.type === 'nat') {
        p.push(natText(rest[0]));
        rest = rest.slice(1);
      }
      if (rest.length) p.push(`exec(${formatActions(rest)})`);
      if (a.alg) p.push(`alg=${a.alg === 21 ? 'ftp' : a.alg === 69 ? 'tftp' : a.alg}`);
      return `ct(${p.join(',')})`;
    }
    case 'nat':
      return natText(a);
    case 'ctClear':
      return 'ct_clear';
    case 'conjunction':
      return `conjunction(${a.id},${a.clause}/${a.nClauses})`;
    case 'learn': {
      const p: string[] = [`table=${a.table}`];
      if (a.idleTimeout) p.push(`idle_timeout=${a.idleTimeout}`);
      if (a.hardTimeout) p.push(`hard_timeout=${a.hardTimeout}`);
      if (a.finIdleTimeout) p.push(`fin_idle_timeout=${a.finIdleTimeout}`);
      if (a.finHardTimeout) p.push(`fin_hard_timeout=${a.finHardTimeout}`);
      if (a.priority !== 0x8000) p.push(`priority=${a.priority}`);
      if (a.flags & 1) p.push('send_flow_rem');
      if (a.flags & 2) p.push('delete_learned');
      if (a.cookie) p.push(`cookie=0x${a.cookie.toString(16)}`);
      if (a.limit) p.push(`limit=${a.limit}`);
      if (a.resultDst) p.push(`result_dst=${formatSlice(a.resultDst)}`);
      for (const s of a.specs) p.push(learnSpecText(s));
      return `learn(${p.join(',')})`;
    }
    case 'decTtl':
      return a.ids ? `dec_ttl(${a.ids.join(',')})` : 'dec_ttl';
    case 'controller':
      return controllerText(a);
    case 'controller2':
      return controllerText(a);
    case 'exit':
      return 'exit';
    case 'clone':
      return `clone(${formatActions(a.actions)})`;
    case 'checkPktLarger':
      return `check_pkt_larger(${a.pktLen})->${formatSlice(a.dst)}`;
    case 'sample': {
      let s = `sample(probability=${a.probability},collector_set_id=${a.collectorSetId},obs_domain_id=${a.obsDomainId},obs_point_id=${a.obsPointId}`;
      if (a.samplingPort !== undefined && a.samplingPort !== 0xffff) s += `,sampling_port=${a.samplingPort}`;
      if (a.direction) s += `,${a.direction}`;
      return `${s})`;
    }
    case 'setTunnel':
      return a.wide || a.tunId > 0xffffffffn
        ? `set_tunnel64:0x${a.tunId.toString(16)}`
        : `set_tunnel:0x${a.tunId.toString(16)}`;
    case 'popQueue':
      return 'pop_queue';
    case 'finTimeout': {
      const p: string[] = [];
      if (a.idleTimeout) p.push(`idle_timeout=${a.idleTimeout}`);
      if (a.hardTimeout) p.push(`hard_timeout=${a.hardTimeout}`);
      return `fin_timeout(${p.join(',')})`;
    }
    case 'multipath':
      return `multipath(${NX_HASH_FIELDS[a.fields] ?? a.fields},${a.basis},${NX_MP_ALG[a.algorithm] ?? a.algorithm},${a.maxLink + 1},${a.arg},${formatSlice(a.dst)})`;
    case 'bundle': {
      const head = `${NX_HASH_FIELDS[a.fields] ?? a.fields},${a.basis},${NX_BD_ALG[a.algorithm] ?? a.algorithm},ofport`;
      const mem = `members:${a.members.join(',')}`;
      return a.dst ? `bundle_load(${head},${formatSlice(a.dst)},${mem})` : `bundle(${head},${mem})`;
    }
    case 'deleteField':
      return `delete_field:${a.field}`;
    case 'setMplsLabel':
      return `set_mpls_label(${a.label})`;
    case 'setMplsTc':
      return `set_mpls_tc(${a.tc})`;
    case 'decNshTtl':
      return 'dec_nsh_ttl';
    case 'experimenter':
      return formatEncapAction(a) ?? `experimenter(0x${a.experimenter.toString(16)},${dotHex(a.data)})`;
    case 'unknown':
      return `unknown(${a.actionType},${dotHex(a.data)})`;
  }
}

/**
 * The ovs-ofctl canonical text of an action list, without the `actions=` prefix; `drop` when empty.
 * @example formatActions([{ type: 'resubmit', table: 9 }]) // 'resubmit(,9)'
 */
export function formatActions(list: readonly Action[]): string {
  if (list.length === 0) return 'drop';
  return list.map(formatAction).join(',');
}

/**
 * OpenFlow 1.1+ instructions as ovs-ofctl prints them inside `actions=` (meter, applied actions
 * inline, clear_actions, write_actions(…), write_metadata, goto_table — in that order).
 */
export function formatInstructions(list: readonly Instruction[]): string {
  const order = [
    'meter',
    'applyActions',
    'clearActions',
    'writeActions',
    'writeMetadata',
    'gotoTable',
    'statTrigger',
    'experimenter',
  ];
  const sorted = [...list].sort((x, y) => order.indexOf(x.type) - order.indexOf(y.type));
  const p: string[] = [];
  for (const i of sorted) {
    switch (i.type) {
      case 'meter':
        p.push(`meter:${i.meterId}`);
        break;
      case 'applyActions':
        if (i.actions.length) p.push(formatActions(i.actions));
        break;
      case 'clearActions':
        p.push('clear_actions');
        break;
      case 'writeActions':
        p.push(`write_actions(${formatActions(i.actions)})`);
        break;
      case 'writeMetadata':
        p.push(
          i.mask === 0xffffffffffffffffn
            ? `write_metadata:${hexAlt(i.metadata)}`
            : `write_metadata:${hexAlt(i.metadata)}/${hexAlt(i.mask)}`,
        );
        break;
      case 'gotoTable':
        p.push(`goto_table:${i.tableId}`);
        break;
      case 'statTrigger':
        p.push(`stat_trigger(flags=${i.flags},${i.thresholds.join(',')})`);
        break;
      case 'experimenter':
        p.push(`experimenter(0x${i.experimenter.toString(16)},${dotHex(i.data)})`);
        break;
    }
  }
  return p.length ? p.join(',') : 'drop';
}
