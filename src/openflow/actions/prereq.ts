/**
 * The match-consistency checks OVS makes on an action list (lib/ofp-actions.c ofpacts_check): each
 * action sees the packet as the match and the actions before it leave it (push_mpls makes it MPLS,
 * pop_mpls gives it the popped ethertype, push_vlan tags it, strip_vlan untags it).
 * - A field written or read (set_field, load, move, push/pop, output:FIELD) must have its
 *   prerequisites: refused in every version (OFPBAC_MATCH_INCONSISTENT).
 * - The classic rewrites (mod_nw_*, dec_ttl, mod_tp_*, MPLS and VLAN edits, ct, fin_timeout) on a
 *   packet that lacks the header are tolerated only in OpenFlow 1.0 (OVS's inconsistent_match
 *   narrows the usable protocols to OF1.0), refused from OpenFlow 1.1 on.
 * Pure: looks at decoded actions and the match.
 */
import type { OfVersion } from '../version.js';
import type { Match } from '../match/types.js';
import { fieldByName, READ_ONLY_FIELDS, type Prereq } from '../match/fields.js';
import { ActionError } from './errors.js';
import type { Action, Instruction } from './types.js';

interface Pkt {
  dlType: number | undefined;
  nwProto: number | undefined;
  vlan: boolean;
}

const isIp = (p: Pkt): boolean => p.dlType === 0x0800 || p.dlType === 0x86dd;
const isMpls = (p: Pkt): boolean => p.dlType === 0x8847 || p.dlType === 0x8848;

function prereqOk(p: Pkt, pre: Prereq): boolean {
  switch (pre) {
    case 'vlan':
      return p.vlan;
    case 'mpls':
      return isMpls(p);
    case 'ipv4':
      return p.dlType === 0x0800;
    case 'ipv6':
      return p.dlType === 0x86dd;
    case 'ip':
      return isIp(p);
    case 'arp':
      return p.dlType === 0x0806 || p.dlType === 0x8035;
    case 'tcp':
      return isIp(p) && p.nwProto === 6;
    case 'udp':
      return isIp(p) && p.nwProto === 17;
    case 'sctp':
      return isIp(p) && p.nwProto === 132;
    case 'icmp':
      return p.dlType === 0x0800 && p.nwProto === 1;
    case 'icmpv6':
    case 'nd':
    case 'ndSolicit':
    case 'ndAdvert':
      return p.dlType === 0x86dd && p.nwProto === 58;
    case 'nsh':
      return p.dlType === 0x894f;
    default:
      return true;
  }
}

function num(b: Uint8Array): number {
  let v = 0;
  for (const x of b) v = v * 256 + x;
  return v;
}

function fromMatch(m: Match): Pkt {
  const p: Pkt = { dlType: undefined, nwProto: undefined, vlan: false };
  for (const f of m) {
    if (f.field === 'eth_type') p.dlType = num(f.value);
    else if (f.field === 'nw_proto') p.nwProto = num(f.value);
    else if ((f.field === 'vlan_vid' || f.field === 'vlan_tci') && (num(f.value) & 0x1000) !== 0) p.vlan = true;
  }
  return p;
}

function fieldsRead(a: Action): string[] {
  switch (a.type) {
    case 'regLoad':
      return [a.dst.field];
    case 'regLoad2':
    case 'setField':
      return [a.field.field];
    case 'regMove':
    case 'copyField':
      return [a.src.field, a.dst.field];
    case 'stackPush':
    case 'stackPop':
      return [a.slice.field];
    case 'outputReg':
      return [a.src.field];
    case 'multipath':
    case 'checkPktLarger':
      return [a.dst.field];
    default:
      return [];
  }
}

/** What the classic rewrites need, for the OF1.1+ check (undefined: nothing). */
function needs(a: Action, p: Pkt): boolean {
  switch (a.type) {
    case 'setNwSrc':
    case 'setNwDst':
      return p.dlType === 0x0800;
    case 'setNwTos':
    case 'setNwEcn':
    case 'setNwTtl':
    case 'decNwTtl':
    case 'decTtl':
    case 'ct':
      return isIp(p);
    case 'setTpSrc':
    case 'setTpDst':
      return isIp(p) && (p.nwProto === 6 || p.nwProto === 17 || p.nwProto === 132);
    case 'setMplsLabel':
    case 'setMplsTc':
    case 'setMplsTtl':
    case 'decMplsTtl':
    case 'popMpls':
      return isMpls(p);
    case 'stripVlan':
    case 'popVlan':
      return p.vlan;
    case 'finTimeout':
      return p.nwProto === 6;
    default:
      return true;
  }
}

function inconsistent(what: string): never {
  throw new ActionError('OF_ACTION_MATCH_INCONSISTENT', `${what} is inconsistent with the match`);
}

function walk(list: readonly Action[], p: Pkt, version: OfVersion): void {
  for (const a of list) {
    const written = a.type === 'stackPop' ? a.slice.field : undefined;
    if (written !== undefined && READ_ONLY_FIELDS.has(written))
      throw new ActionError('OF_ACTION_BAD_SET_ARGUMENT', `pop writes read-only field ${written}`);
    for (const name of fieldsRead(a)) {
      const def = fieldByName(name);
      if (def && !prereqOk(p, def.prereq)) inconsistent(`${a.type} on ${name}`);
    }
    if (version >= 0x02 && !needs(a, p)) inconsistent(a.type);
    if (a.type === 'ct') {
      // check_CT: a helper for the wrong protocol is refused in every version
      if (a.alg === 21 && p.nwProto !== 6) inconsistent('ct(alg=ftp)');
      if (a.alg === 69 && p.nwProto !== 17) inconsistent('ct(alg=tftp)');
      walk(a.actions, { ...p }, version);
    }
    if (a.type === 'clone') walk(a.actions, { ...p }, version);
    if (a.type === 'pushMpls') p.dlType = a.ethertype;
    else if (a.type === 'popMpls') p.dlType = a.ethertype;
    else if (a.type === 'pushVlan') p.vlan = true;
    else if (a.type === 'stripVlan' || a.type === 'popVlan') p.vlan = false;
  }
}

/**
 * Refuses an instruction list whose actions do not fit the match, as OVS does (see the file header).
 * @throws ActionError OF_ACTION_MATCH_INCONSISTENT
 */
export function checkMatchConsistency(list: readonly Instruction[], match: Match, version: OfVersion): void {
  const p = fromMatch(match);
  for (const ins of list) {
    if (ins.type === 'applyActions') walk(ins.actions, p, version);
    else if (ins.type === 'writeActions') walk(ins.actions, { ...fromMatch(match) }, version);
  }
}
