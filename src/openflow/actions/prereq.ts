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
import { OFP_PROTO } from '../match/usable.js';
import { ActionError } from './errors.js';
import type { Action, Instruction } from './types.js';

interface Pkt {
  dlType: number | undefined;
  nwProto: number | undefined;
  vlan: boolean;
  /** VLAN headers the packet has (OVS tracks FLOW_MAX_VLAN_HEADERS = 2). */
  vlans: number;
  /** The match says the packet went through conntrack (flow.c is_ct_valid). */
  ctValid: boolean;
  /** The match's ct_state has +inv. */
  ctInvalid?: boolean;
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
  const p: Pkt = { dlType: undefined, nwProto: undefined, vlan: false, vlans: 0, ctValid: false };
  for (const f of m) {
    if (f.field === 'ct_state') {
      // is_ct_valid: a bit that implies a conntrack entry, or +trk with an explicit -inv
      const v = num(f.value) & (f.mask ? num(f.mask) : 0xffffffff);
      const mask = f.mask ? num(f.mask) : 0xffffffff;
      p.ctInvalid = (v & 0x10) !== 0;
      p.ctValid = (v & 0xcf) !== 0 || ((v & 0x20) !== 0 && (mask & 0x10) !== 0 && (v & 0x10) === 0);
    }
    if (f.field === 'eth_type') p.dlType = num(f.value);
    else if (f.field === 'nw_proto') p.nwProto = num(f.value);
    else if ((f.field === 'vlan_vid' || f.field === 'vlan_tci') && (num(f.value) & 0x1000) !== 0) p.vlan = true;
  }
  p.vlans = p.vlan ? 1 : 0;
  return p;
}

/** Actions that carry a classic rewrite in another form, with the classic action they stand for. */
const classicOf = new WeakMap<Action, Action>();
/** Actions that carry a set_field in a legacy form (OpenFlow 1.0/1.1), with the field set. */
const setFieldOf = new WeakMap<Action, string>();

/**
 * Marks an action that carries a classic rewrite in another form (OpenFlow 1.0 mod_nw_ttl is a load
 * to nw_ttl; from OpenFlow 1.2 mod_nw_tos, mod_dl_src, mod_tp_src… are set_fields): OVS checks the
 * rewrite `stands` (inconsistent_match, tolerated in OpenFlow 1.0 and inside write_actions), not a
 * field write (a hard error).
 */
export function markClassicRewrite<A extends Action>(a: A, stands: Action): A {
  classicOf.set(a, stands);
  return a;
}

/**
 * Marks an action that carries a set_field in a legacy form (OpenFlow 1.0/1.1: set_field:…->ip_src
 * is mod_nw_src, set_field:0->vlan_tci is pop_vlan): OVS checks the set_field (the field's
 * prerequisites, a hard error), not the classic action it becomes.
 */
export function markSetField<A extends Action>(a: A, field: string): A {
  setFieldOf.set(a, field);
  return a;
}

function fieldsRead(a: Action): string[] {
  if (classicOf.has(a)) return [];
  const set = setFieldOf.get(a);
  if (set !== undefined) return [set];
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

/**
 * learn_check (lib/learn.c): a source field needs its prerequisites in the flow's match; a match or
 * load destination needs them in the learned match built so far (only immediates write it).
 */
function checkLearn(a: Extract<Action, { type: 'learn' }>, p: Pkt): void {
  const dst: Pkt = { dlType: undefined, nwProto: undefined, vlan: false, vlans: 0, ctValid: false };
  for (const s of a.specs) {
    if (!(s.src instanceof Uint8Array)) {
      const def = fieldByName(s.src.field);
      if (def && !prereqOk(p, def.prereq)) inconsistent(`learn source ${s.src.field}`);
    }
    if (s.kind === 'output') continue;
    const def = fieldByName(s.dst.field);
    if (def && !prereqOk(dst, def.prereq)) inconsistent(`learn destination ${s.dst.field}`);
    if (s.kind === 'match' && s.src instanceof Uint8Array) {
      const v = num(s.src) * 2 ** s.dst.ofs;
      if (s.dst.field === 'eth_type') dst.dlType = v;
      else if (s.dst.field === 'nw_proto') dst.nwProto = v;
      else if ((s.dst.field === 'vlan_tci' || s.dst.field === 'vlan_vid') && (v & 0x1000) !== 0) dst.vlan = true;
    }
  }
}

/**
 * `tolerant`: an inconsistent classic rewrite only narrows the usable protocols to OpenFlow 1.0
 * (OVS inconsistent_match) instead of refusing the flow; `usable` gets that narrowing.
 */
function walk(list: readonly Action[], p: Pkt, version: OfVersion, tolerant: boolean, usable: { bits: number }): void {
  for (const a of list) {
    const written = a.type === 'stackPop' ? a.slice.field : undefined;
    if (written !== undefined && READ_ONLY_FIELDS.has(written))
      throw new ActionError('OF_ACTION_BAD_SET_ARGUMENT', `pop writes read-only field ${written}`);
    for (const name of fieldsRead(a)) {
      const def = fieldByName(name);
      if (def && !prereqOk(p, def.prereq)) inconsistent(`${a.type} on ${name}`);
    }
    const classic = classicOf.get(a);
    if (!setFieldOf.has(a) && !needs(classic ?? a, p)) {
      if (!tolerant) inconsistent(a.type);
      usable.bits &= OFP_PROTO.OF10_ANY;
    }
    // check_SET_FIELD: vlan_vid needs a VLAN header; check_RESUBMIT: resubmit(,T,ct) a tracked packet
    const loaded =
      a.type === 'setField' || a.type === 'regLoad2' ? a.field.field : a.type === 'regLoad' ? a.dst.field : '';
    if (loaded === 'vlan_vid' && !p.vlan) inconsistent('set_field on vlan_vid');
    if (a.type === 'resubmit' && a.ct && !p.ctValid) inconsistent('resubmit with ct');
    if (a.type === 'learn') checkLearn(a, p);
    // check_NAT: an IP packet, of the family of the address range
    if (a.type === 'nat') {
      const fam = a.ipMin === undefined ? undefined : a.ipMin.includes(':') ? 0x86dd : 0x0800;
      if (!isIp(p) || (fam !== undefined && p.dlType !== fam)) inconsistent('nat');
    }
    // check_PUSH_VLAN: OVS tracks two VLAN headers (OFPBAC_BAD_TAG beyond)
    if (a.type === 'pushVlan' && p.vlans >= 2)
      throw new ActionError('OF_ACTION_BAD_ARGUMENT', 'push_vlan: a third VLAN header (OFPBAC_BAD_TAG)');
    if (a.type === 'ct') {
      // check_CT: not IP is a hard error in every version (not inconsistent_match)
      if (!isIp(p)) inconsistent('ct');
      // check_CT: a helper for the wrong protocol is refused in every version
      if (a.alg === 21 && p.nwProto !== 6) inconsistent('ct(alg=ftp)');
      if (a.alg === 69 && p.nwProto !== 17) inconsistent('ct(alg=tftp)');
      if (a.commit && p.ctInvalid) inconsistent('ct(commit) on +inv');
      // a zone taken from a field: check_CT returns mf_check_src's verdict and skips the nested actions
      if (a.zoneSrc) {
        const def = fieldByName(a.zoneSrc.field);
        if (def && !prereqOk(p, def.prereq)) inconsistent(`ct zone ${a.zoneSrc.field}`);
      } else walk(a.actions, { ...p }, version, tolerant, usable);
    }
    if (a.type === 'clone') walk(a.actions, { ...p }, version, tolerant, usable);
    if (a.type === 'pushMpls') p.dlType = a.ethertype;
    else if (a.type === 'popMpls') p.dlType = a.ethertype;
    else if (a.type === 'pushVlan') {
      p.vlan = true;
      p.vlans++;
    } else if (a.type === 'stripVlan' || a.type === 'popVlan') {
      p.vlans = Math.max(0, p.vlans - 1);
      p.vlan = p.vlans > 0;
    } else if (a.type === 'setField' && a.field.field === 'vlan_tci' && !a.field.mask)
      p.vlan = (num(a.field.value) & 0x1000) !== 0;
    else if (a.type === 'regLoad' && a.dst.field === 'vlan_tci' && a.dst.ofs <= 12 && a.dst.ofs + a.dst.nBits > 12)
      // a load over the CFI bit (12) tags or untags the packet for what follows (OVS runs it on the flow)
      p.vlan = ((a.value >> BigInt(12 - a.dst.ofs)) & 1n) === 1n;
  }
}

/**
 * Refuses an instruction list whose actions do not fit the match, as OVS does (see the file header).
 * `usable` (OFP_PROTO bits), when given, is narrowed as OVS's ofpacts_check narrows the usable
 * protocols; inside write_actions OVS drops that narrowing (check_WRITE_ACTIONS checks a copy), so
 * an inconsistent rewrite there is accepted in every version.
 * @throws ActionError OF_ACTION_MATCH_INCONSISTENT
 */
export function checkMatchConsistency(
  list: readonly Instruction[],
  match: Match,
  version: OfVersion,
  usable: { bits: number } = { bits: OFP_PROTO.ANY },
): void {
  const p = fromMatch(match);
  for (const ins of list) {
    if (ins.type === 'applyActions') walk(ins.actions, p, version, version === 0x01, usable);
    // ofpacts_check walks the instructions in order on one flow: write_actions sees what apply_actions did
    else if (ins.type === 'writeActions') walk(ins.actions, { ...p }, version, true, { bits: 0 });
  }
}
