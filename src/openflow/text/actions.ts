/**
 * The action part of ovs-ofctl flow text, e.g. `ct(commit,zone=5,nat(src=10.0.0.1)),resubmit(,9)`,
 * and the instructions of `actions=` (write_actions, goto_table, …). The arrow forms (move:,
 * load:, set_field:, push:, pop:, check_pkt_larger(N)->) are syntax and come first; every other
 * action is found by name in ACTIONS, one handler per action.
 */
import type { OfVersion } from '../version.js';
import type { Action, FieldSlice, Instruction } from '../actions/types.js';
import { NX_HASH_FIELDS, NX_MP_ALG, NX_BD_ALG } from '../actions/constants.js';
import { encapToAction } from '../actions/encap.js';
import { ActionError } from '../actions/errors.js';
import { checkMatchConsistency, markClassicRewrite, markSetField } from '../actions/prereq.js';
import { fieldUsableExact, OFP_PROTO } from '../match/usable.js';
import { checkConjunctionAlone } from '../actions/validate.js';
import type { Match } from '../match/types.js';
import { fieldByName, type FieldDef } from '../match/fields.js';
import { setFieldValueValid } from '../match/widths.js';
import { bigIntToBytes, bytesToBigInt, bytesToNum, port11To10 } from '../match/text-values.js';
import { parseController, parseLearn, parseNatSpec } from './action-args.js';
import { parseEncap } from './encap.js';
import { FlowParseError } from './errors.js';
import { keyValue, splitTop, type Piece } from './lexer.js';
import { parseSetFieldValue, setFieldAction } from './set-field.js';
import { lookupField, parseSlice } from './slice.js';
import { parseFieldValue, parseIpv4, parseMac, parseNum, parsePort16, parsePort32, parseUint } from './values.js';

interface ActCtx {
  readonly version: OfVersion;
  readonly match: Match;
  /** The protocols the action text leaves usable (OVS ofpact_parse_params.usable_protocols), narrowed as it parses. */
  readonly usable: { bits: number };
  /** A meter keyword here is an instruction (allow_instructions), not an OpenFlow 1.5 action. */
  instruction?: boolean;
}

function hasVlan(m: Match): boolean {
  for (const f of m) {
    if (f.field === 'vlan_tci' && (bytesToNum(f.value) & 0x1000) !== 0) return true;
    if (f.field === 'vlan_vid' && (bytesToNum(f.value) & 0x1000) !== 0) return true;
  }
  return false;
}

function matchProto(m: Match): number | undefined {
  const f = m.find((x) => x.field === 'nw_proto');
  return f ? f.value[0] : undefined;
}

/** One action's text as its handler sees it: `key:value`, `key(value)` or a bare `key`. */
interface ActionText {
  /** The action name, lower-cased. */
  readonly key: string;
  /** The argument text, if any. */
  readonly v: string | undefined;
  /** Position of the argument text in the whole input. */
  readonly vp: number;
  /** Whether the argument came in parentheses. */
  readonly paren: boolean;
  readonly p: Piece;
  readonly ctx: ActCtx;
  /** Where the handler appends the action(s) it parsed. */
  readonly out: Action[];
  /** OpenFlow 1.1+. */
  readonly v13: boolean;
  /** The argument, which must be there. @throws FlowParseError OF_TEXT_SYNTAX */
  needV(): string;
}

type ActionHandler = (a: ActionText) => void;

/** drop */
function actDrop(): void {
  // no action: drop is the empty list
}

/** encap */
function actEncap({ v, vp, ctx, out }: ActionText): void {
  ctx.usable.bits &= OFP_PROTO.OF13_UP; // parse_ENCAP
  out.push(encapToAction(parseEncap('encap', v ?? '', vp)));
}

/** decap */
function actDecap({ v, vp, out }: ActionText): void {
  out.push(encapToAction(parseEncap('decap', v ?? '', vp)));
}

/** output */
function actOutput({ v, vp, out, needV, paren }: ActionText): void {
  if (paren) {
    let port = 0;
    let maxLen = 0;
    for (const q of splitTop(v ?? '', vp, false)) {
      const a = keyValue(q, '=');
      if (a.key === 'port') port = parsePort32(a.value ?? '', a.valuePos);
      else if (a.key === 'max_len') maxLen = parseNum(a.value ?? '', 32, a.valuePos, 'max_len');
      else throw new FlowParseError('OF_TEXT_SYNTAX', `output: unknown argument ${a.key}`, q.pos);
    }
    // OVS parse_truncate_subfield: a physical port (at most OFPP_MAX), LOCAL or IN_PORT, and at least an
    // Ethernet header
    if ((port > 0xffffff00 || (port > 0xff00 && port <= 0xffff)) && port !== 0xfffffffe && port !== 0xfffffff8)
      throw new FlowParseError('OF_TEXT_BAD_VALUE', `output to unsupported truncate port: ${port11To10(port)}`, vp);
    if (maxLen < 14)
      throw new FlowParseError('OF_TEXT_BAD_VALUE', `max_len ${maxLen} is less than the minimum value 14`, vp);
    out.push({ type: 'outputTrunc', port, maxLen });
    return;
  }
  if (
    /[[]/.test(needV()) ||
    (lookupField(v!) && !/^(in_port|local|normal|flood|all|table|controller|any|none)$/i.test(v!))
  ) {
    out.push({ type: 'outputReg', src: parseSlice(v!, vp), maxLen: 0xffff });
    return;
  }
  out.push(outputTo(parsePort32(v!, vp), vp));
}

/** output:PORT as OVS parse_OUTPUT makes it: CONTROLLER gets max_len 65535; OF1.0's reserved range is refused. */
function outputTo(port: number, pos: number): Action {
  if (port >= 0xffffff00 && port <= 0xfffffff7)
    throw new FlowParseError('OF_TEXT_BAD_VALUE', `output to reserved port ${port11To10(port)}`, pos);
  return { type: 'output', port, maxLen: port === 0xfffffffd ? 0xffff : 0 };
}

/** controller */
function actController({ v, vp, out, paren }: ActionText): void {
  if (paren) out.push(parseController(v, vp));
  else out.push({ type: 'output', port: 0xfffffffd, maxLen: v ? parseNum(v, 16, vp, 'max_len') : 0xffff });
}

/** in_port, local, normal, flood, all, table: output to the port of that name */
function actOutputNamedPort({ key, p, out }: ActionText): void {
  out.push({ type: 'output', port: parsePort32(key, p.pos), maxLen: 0 });
}

/** enqueue */
function actEnqueue({ v, vp, ctx, out, paren }: ActionText): void {
  const parts = (v ?? '').split(paren ? ',' : ':');
  if (parts.length !== 2) throw new FlowParseError('OF_TEXT_SYNTAX', 'enqueue needs port and queue', vp);
  const port = parsePort32(parts[0]!, vp);
  // ofpact_check_output_port for enqueue: a physical port, IN_PORT or LOCAL
  if (port >= 0xffffff00 && port !== 0xfffffff8 && port !== 0xfffffffe)
    throw new FlowParseError('OF_TEXT_BAD_VALUE', `enqueue to port ${port11To10(port)}`, vp);
  const queueId = parseNum(parts[1]!, 32, vp, 'queue');
  // OpenFlow 1.1+ has no enqueue action: OVS encodes set_queue, output (max_len 0xffff), pop_queue
  if (ctx.version >= 0x02)
    out.push({ type: 'setQueue', queueId }, { type: 'output', port, maxLen: 0xffff }, { type: 'popQueue' });
  else out.push({ type: 'enqueue', port, queueId });
}

/** set_queue */
function actSetQueue({ vp, out, needV }: ActionText): void {
  out.push({ type: 'setQueue', queueId: parseNum(needV(), 32, vp, 'queue') });
}

/** pop_queue */
function actPopQueue({ out }: ActionText): void {
  out.push({ type: 'popQueue' });
}

/** group */
function actGroup({ vp, out, needV }: ActionText): void {
  out.push({ type: 'group', groupId: parseNum(needV(), 32, vp, 'group') });
}

/** meter */
function actMeter({ vp, ctx, out, needV }: ActionText): void {
  // ofpacts_parse__: meter as an action (not an instruction) is OpenFlow 1.5 only
  ctx.usable.bits &= ctx.instruction ? OFP_PROTO.OF13_UP : OFP_PROTO.OF15_UP;
  // encode_METER: only an OpenFlow 1.3/1.4 instruction (taken before this) or a 1.5 action; OVS
  // writes nothing elsewhere (reachable when a later clone() restores the usable protocols)
  if (ctx.version < 0x06) {
    parseNum(needV(), 32, vp, 'meter');
    return;
  }
  out.push({ type: 'meter', meterId: parseNum(needV(), 32, vp, 'meter') });
}

/** mod_vlan_vid */
function actModVlanVid({ vp, ctx, out, v13, needV }: ActionText): void {
  const vid = parseNum(needV(), 16, vp, 'vlan id');
  if (vid > 0xfff) throw new FlowParseError('OF_TEXT_BAD_WIDTH', `vlan id ${vid} is not 12 bits`, vp);
  if (!v13) {
    out.push({ type: 'setVlanVid', vid });
    return;
  }
  if (!hasVlan(ctx.match) && !out.some((a) => a.type === 'pushVlan')) out.push({ type: 'pushVlan', ethertype: 0x8100 });
  out.push(...setFieldAction(ctx, 'vlan_vid', bigIntToBytes(BigInt(0x1000 | vid), 2)));
}

/** mod_vlan_pcp */
function actModVlanPcp({ vp, ctx, out, v13, needV }: ActionText): void {
  const pcp = parseNum(needV(), 8, vp, 'vlan pcp');
  if (pcp > 7) throw new FlowParseError('OF_TEXT_BAD_WIDTH', `vlan pcp ${pcp} is not 0..7`, vp);
  if (!v13) {
    out.push({ type: 'setVlanPcp', pcp });
    return;
  }
  if (!hasVlan(ctx.match) && !out.some((a) => a.type === 'pushVlan')) out.push({ type: 'pushVlan', ethertype: 0x8100 });
  out.push(...setFieldAction(ctx, 'vlan_pcp', Uint8Array.of(pcp)));
}

/** strip_vlan */
function actStripVlan({ out, v13 }: ActionText): void {
  out.push(v13 ? { type: 'popVlan' } : { type: 'stripVlan' });
}

/** pop_vlan */
function actPopVlan({ out, v13 }: ActionText): void {
  out.push(v13 ? { type: 'popVlan' } : { type: 'stripVlan' });
}

/** push_vlan */
function actPushVlan({ vp, ctx, out, needV }: ActionText): void {
  ctx.usable.bits &= OFP_PROTO.OF11_UP; // parse_PUSH_VLAN
  out.push({ type: 'pushVlan', ethertype: parseNum(needV(), 16, vp, 'ethertype') });
}

/** push_mpls */
function actPushMpls({ vp, out, needV }: ActionText): void {
  out.push({ type: 'pushMpls', ethertype: parseNum(needV(), 16, vp, 'ethertype') });
}

/** pop_mpls */
function actPopMpls({ vp, out, needV }: ActionText): void {
  out.push({ type: 'popMpls', ethertype: parseNum(needV(), 16, vp, 'ethertype') });
}

/** set_mpls_label */
function actSetMplsLabel({ vp, ctx, out, v13, needV }: ActionText): void {
  if (v13 && ctx.version >= 0x03)
    out.push(...setFieldAction(ctx, 'mpls_label', bigIntToBytes(BigInt(parseNum(needV(), 20, vp, 'label')), 4)));
  else out.push({ type: 'setMplsLabel', label: parseNum(needV(), 20, vp, 'label') });
}

/** set_mpls_tc */
function actSetMplsTc({ vp, ctx, out, v13, needV }: ActionText): void {
  if (v13 && ctx.version >= 0x03)
    out.push(...setFieldAction(ctx, 'mpls_tc', Uint8Array.of(parseNum(needV(), 3, vp, 'tc'))));
  else out.push({ type: 'setMplsTc', tc: parseNum(needV(), 3, vp, 'tc') });
}

/** set_mpls_ttl */
function actSetMplsTtl({ vp, out, needV }: ActionText): void {
  out.push({ type: 'setMplsTtl', ttl: parseNum(needV(), 8, vp, 'ttl') });
}

/** dec_mpls_ttl */
function actDecMplsTtl({ out }: ActionText): void {
  out.push({ type: 'decMplsTtl' });
}

/** The set_field form of classic rewrite `classic`, checked as that rewrite (prereq.ts markClassicRewrite). */
function asRewrite(list: Action[], classic: Action): Action[] {
  return list.map((a) => markClassicRewrite(a, classic));
}

/** mod_nw_ttl */
function actModNwTtl({ vp, ctx, out, needV }: ActionText): void {
  const ttl = parseNum(needV(), 8, vp, 'ttl');
  // OpenFlow 1.0 has no set-TTL action: OVS loads NXM_NX_IP_TTL
  const classic = { type: 'setNwTtl', ttl } as const;
  if (ctx.version === 0x01)
    out.push(...setFieldAction(ctx, 'nw_ttl', Uint8Array.of(ttl)).map((a) => markClassicRewrite(a, classic)));
  else out.push({ type: 'setNwTtl', ttl });
}

/** dec_ttl */
function actDecTtl({ v, vp, out, v13, paren }: ActionText): void {
  if (paren && (v ?? '').trim() !== '')
    out.push({
      type: 'decTtl',
      ids: splitTop(v ?? '', vp, false).map((q) => parseNum(q.text, 16, q.pos, 'controller id')),
    });
  else out.push(v13 ? { type: 'decNwTtl' } : { type: 'decTtl' });
}

/** mod_dl_src, mod_dl_dst */
function actModDlSrc({ key, vp, ctx, out, v13, needV }: ActionText): void {
  const mac = parseMac(needV(), vp);
  const classic = { type: key === 'mod_dl_src' ? 'setDlSrc' : 'setDlDst', mac } as const;
  if (!v13) out.push(classic);
  else out.push(...asRewrite(setFieldAction(ctx, key === 'mod_dl_src' ? 'eth_src' : 'eth_dst', mac), classic));
}

/** mod_nw_src, mod_nw_dst */
function actModNwSrc({ key, vp, ctx, out, v13, needV }: ActionText): void {
  const addr = parseIpv4(needV(), vp);
  const classic = { type: key === 'mod_nw_src' ? 'setNwSrc' : 'setNwDst', addr } as const;
  if (!v13) out.push(classic);
  else out.push(...asRewrite(setFieldAction(ctx, key === 'mod_nw_src' ? 'ip_src' : 'ip_dst', addr), classic));
}

/** mod_nw_tos */
function actModNwTos({ vp, ctx, out, v13, needV }: ActionText): void {
  const tos = parseNum(needV(), 8, vp, 'tos');
  if (tos & 3) throw new FlowParseError('OF_TEXT_BAD_VALUE', 'mod_nw_tos: low 2 bits must be zero', vp);
  const classic = { type: 'setNwTos', tos } as const;
  if (v13) out.push(...asRewrite(setFieldAction(ctx, 'ip_dscp', Uint8Array.of(tos >> 2)), classic));
  else out.push(classic);
}

/** mod_nw_ecn */
function actModNwEcn({ vp, ctx, out, needV }: ActionText): void {
  const ecn = parseNum(needV(), 2, vp, 'ecn');
  const classic = { type: 'setNwEcn', ecn } as const;
  if (ctx.version === 0x02) out.push(classic);
  else out.push(...asRewrite(setFieldAction(ctx, 'nw_ecn', Uint8Array.of(ecn)), classic));
}

/** mod_tp_src, mod_tp_dst */
function actModTpSrc({ key, vp, ctx, out, v13, needV }: ActionText): void {
  const port = parseNum(needV(), 16, vp, 'port');
  if (!v13) {
    out.push({ type: key === 'mod_tp_src' ? 'setTpSrc' : 'setTpDst', port });
    return;
  }
  const proto = matchProto(ctx.match);
  const base = proto === 17 ? 'udp' : proto === 132 ? 'sctp' : 'tcp';
  const classic = { type: key === 'mod_tp_src' ? 'setTpSrc' : 'setTpDst', port } as const;
  out.push(
    ...asRewrite(
      setFieldAction(ctx, `${base}_${key === 'mod_tp_src' ? 'src' : 'dst'}`, bigIntToBytes(BigInt(port), 2)),
      classic,
    ),
  );
}

/** resubmit */
function actResubmit({ v, vp, out, needV, paren }: ActionText): void {
  if (!paren) {
    // OVS encode_RESUBMIT: only a decoded NXAST_RESUBMIT stays one; from text it is NXAST_RESUBMIT_TABLE, table 255
    out.push({ type: 'resubmit', inPort: parsePort16(needV(), vp), table: 0xff });
    return;
  }
  const args = (v ?? '').split(',');
  if (args.length < 1 || args.length > 3) throw new FlowParseError('OF_TEXT_SYNTAX', 'resubmit(port,table[,ct])', vp);
  const inPort = args[0] ? parsePort16(args[0], vp) : 0xfff8;
  const table = args[1] ? parseNum(args[1], 8, vp, 'table') : 0xff;
  if (args[2] !== undefined && args[2] !== 'ct')
    throw new FlowParseError('OF_TEXT_SYNTAX', `resubmit: unknown ${args[2]}`, vp);
  out.push({ type: 'resubmit', inPort, table, ...(args[2] === 'ct' ? { ct: true } : {}) });
}

/** set_tunnel, set_tunnel64 */
function actSetTunnel({ key, vp, ctx, out, needV }: ActionText): void {
  const id = parseUint(needV(), 64, vp, 'tunnel id');
  if (ctx.version >= 0x03) out.push({ type: 'setField', field: { field: 'tun_id', value: bigIntToBytes(id, 8) } });
  else out.push({ type: 'setTunnel', tunId: id, wide: key === 'set_tunnel64' || id > 0xffffffffn });
}

/** note */
function actNote({ v, vp, out }: ActionText): void {
  const hex = (v ?? '').replace(/[.:]/g, '');
  if (!/^([0-9a-fA-F]{2})*$/.test(hex)) throw new FlowParseError('OF_TEXT_BAD_VALUE', 'note: expected hex bytes', vp);
  const data = Uint8Array.from(Buffer.from(hex, 'hex'));
  // OVS pads the note so the action is a multiple of 8 bytes
  const len = (10 + data.length + 7) & ~7;
  const padded = new Uint8Array(len - 10);
  padded.set(data);
  out.push({ type: 'note', data: padded });
}

/** ct */
function actCt({ v, vp, p, ctx, out }: ActionText): void {
  let commit = false,
    force = false;
  let zone: number | undefined;
  let zoneSrc: FieldSlice | undefined;
  let table: number | undefined;
  let alg: number | undefined;
  const inner: Action[] = [];
  for (const q of splitTop(v ?? '', vp, false)) {
    const a = keyValue(q, '=');
    if (a.key === 'commit') commit = true;
    else if (a.key === 'force') force = true;
    else if (a.key === 'table') table = parseNum(a.value ?? '', 8, a.valuePos, 'table');
    else if (a.key === 'zone') {
      if (/^[0-9]/.test(a.value ?? '')) zone = parseNum(a.value ?? '', 16, a.valuePos, 'zone');
      else {
        zoneSrc = parseSlice(a.value ?? '', a.valuePos);
        if (zoneSrc.nBits !== 16)
          throw new FlowParseError(
            'OF_TEXT_BAD_WIDTH',
            `ct zone field must be 16 bits, ${zoneSrc.nBits} given`,
            a.valuePos,
          );
      }
    } else if (a.key === 'alg') {
      alg = a.value === 'ftp' ? 21 : a.value === 'tftp' ? 69 : parseNum(a.value ?? '', 16, a.valuePos, 'alg');
    } else if (a.key === 'nat') {
      // OVS parse_CONNTRACK keeps nat and exec(...) in the order written
      inner.push(parseNatSpec(a.value, a.valuePos));
    } else if (a.key === 'exec') {
      for (const e of splitTop(a.value ?? '', a.valuePos, false)) parseOneAction(e, ctx, inner);
    } else {
      throw new FlowParseError('OF_TEXT_SYNTAX', `ct: unknown argument ${JSON.stringify(a.key)}`, q.pos);
    }
  }
  if (force && !commit) throw new FlowParseError('OF_TEXT_SYNTAX', 'ct: force requires commit', p.pos);
  out.push({
    type: 'ct',
    commit,
    force,
    ...(zoneSrc ? { zoneSrc } : zone !== undefined ? { zone } : {}),
    ...(table !== undefined ? { table } : {}),
    ...(alg !== undefined ? { alg } : {}),
    actions: inner,
  });
}

/** ct_clear */
function actCtClear({ out }: ActionText): void {
  out.push({ type: 'ctClear' });
}

/** exit */
function actExit({ out }: ActionText): void {
  out.push({ type: 'exit' });
}

/** dec_nsh_ttl */
function actDecNshTtl({ out }: ActionText): void {
  out.push({ type: 'decNshTtl' });
}

/** clone */
function actClone({ v, vp, ctx, out }: ActionText): void {
  const inner: Action[] = [];
  // ofpacts_parse_copy starts clone's actions from every protocol, forgetting what came before
  ctx.usable.bits = OFP_PROTO.ANY;
  for (const e of splitTop(v ?? '', vp, false)) parseOneAction(e, ctx, inner);
  checkConjunctionAlone(inner); // ofpacts_verify on the nested list
  out.push({ type: 'clone', actions: inner });
}

/** conjunction */
function actConjunction({ v, vp, out }: ActionText): void {
  const m = /^\s*(\w+)\s*,\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(v ?? '');
  if (!m) throw new FlowParseError('OF_TEXT_SYNTAX', 'conjunction(id,k/n)', vp);
  const id = parseNum(m[1]!, 32, vp, 'conjunction id');
  const clause = Number(m[2]);
  const nClauses = Number(m[3]);
  if (nClauses < 2 || nClauses > 64 || clause < 1 || clause > nClauses) {
    throw new FlowParseError('OF_TEXT_BAD_VALUE', `conjunction: clause ${clause}/${nClauses} out of range`, vp);
  }
  out.push({ type: 'conjunction', id, clause, nClauses });
}

/** learn */
function actLearn({ v, vp, out }: ActionText): void {
  out.push(parseLearn(v ?? '', vp));
}

/** fin_timeout */
function actFinTimeout({ v, vp, out }: ActionText): void {
  let idle = 0,
    hard = 0;
  for (const q of splitTop(v ?? '', vp, false)) {
    const a = keyValue(q, '=');
    if (a.key === 'idle_timeout') idle = parseNum(a.value ?? '', 16, a.valuePos, a.key);
    else if (a.key === 'hard_timeout') hard = parseNum(a.value ?? '', 16, a.valuePos, a.key);
    else throw new FlowParseError('OF_TEXT_SYNTAX', `fin_timeout: unknown ${a.key}`, q.pos);
  }
  out.push({ type: 'finTimeout', idleTimeout: idle, hardTimeout: hard });
}

/** sample */
function actSample({ v, vp, out }: ActionText): void {
  const o: Record<string, number> = {};
  let direction: 'ingress' | 'egress' | undefined;
  for (const q of splitTop(v ?? '', vp, false)) {
    const a = keyValue(q, '=');
    if (a.key === 'ingress' || a.key === 'egress') direction = a.key;
    else if (['probability', 'collector_set_id', 'obs_domain_id', 'obs_point_id', 'sampling_port'].includes(a.key)) {
      o[a.key] = parseNum(
        a.value ?? '',
        a.key === 'probability' || a.key === 'sampling_port' ? 16 : 32,
        a.valuePos,
        a.key,
      );
    } else throw new FlowParseError('OF_TEXT_SYNTAX', `sample: unknown ${a.key}`, q.pos);
  }
  if (!o.probability) throw new FlowParseError('OF_TEXT_BAD_VALUE', 'sample: probability must be nonzero', vp);
  out.push({
    type: 'sample',
    probability: o.probability,
    collectorSetId: o.collector_set_id ?? 0,
    obsDomainId: o.obs_domain_id ?? 0,
    obsPointId: o.obs_point_id ?? 0,
    ...(o.sampling_port !== undefined ? { samplingPort: o.sampling_port } : {}),
    ...(direction ? { direction } : {}),
  });
}

/** multipath */
function actMultipath({ v, vp, out }: ActionText): void {
  const a = splitTop(v ?? '', vp, false);
  if (a.length !== 6)
    throw new FlowParseError('OF_TEXT_SYNTAX', 'multipath(fields,basis,algorithm,n_links,arg,dst)', vp);
  const fields = (NX_HASH_FIELDS as readonly string[]).indexOf(a[0]!.text);
  const algorithm = (NX_MP_ALG as readonly string[]).indexOf(a[2]!.text);
  if (fields < 0 || algorithm < 0)
    throw new FlowParseError('OF_TEXT_BAD_VALUE', 'multipath: unknown fields or algorithm', vp);
  out.push({
    type: 'multipath',
    fields,
    basis: parseNum(a[1]!.text, 16, a[1]!.pos),
    algorithm,
    maxLink: parseNum(a[3]!.text, 16, a[3]!.pos) - 1,
    arg: parseNum(a[4]!.text, 32, a[4]!.pos),
    dst: parseSlice(a[5]!.text, a[5]!.pos),
  });
}

/** bundle, bundle_load */
function actBundle({ key, v, vp, out }: ActionText): void {
  const a = splitTop(v ?? '', vp, false);
  const load = key === 'bundle_load';
  const fields = (NX_HASH_FIELDS as readonly string[]).indexOf(a[0]?.text ?? '');
  const algorithm = (NX_BD_ALG as readonly string[]).indexOf(a[2]?.text ?? '');
  const memIdx = load ? 5 : 4;
  const memText = a.slice(memIdx).map((x) => x.text);
  if (fields < 0 || algorithm < 0 || a[3]?.text !== 'ofport' || !memText[0]?.startsWith('members:')) {
    throw new FlowParseError(
      'OF_TEXT_SYNTAX',
      `${key}(fields,basis,algorithm,ofport,${load ? 'dst,' : ''}members:p1,p2,...)`,
      vp,
    );
  }
  memText[0] = memText[0].slice(8);
  const members = memText
    .join(',')
    .replace(/^\[|\]$/g, '')
    .split(',')
    .filter((m) => m.trim() !== '');
  out.push({
    type: 'bundle',
    algorithm,
    fields,
    basis: parseNum(a[1]!.text, 16, a[1]!.pos),
    slaveType: 2,
    members: members.map((m) => parsePort16(m.trim(), vp)),
    ...(load ? { dst: parseSlice(a[4]!.text, a[4]!.pos) } : {}),
  });
}

/** delete_field */
function actDeleteField({ v, vp, out, needV }: ActionText): void {
  const def = lookupField(needV());
  if (!def) throw new FlowParseError('OF_TEXT_UNKNOWN_FIELD', `unknown field ${JSON.stringify(v)}`, vp);
  out.push({ type: 'deleteField', field: def.name });
}

const ACTIONS: ReadonlyMap<string, ActionHandler> = new Map<string, ActionHandler>([
  ['drop', actDrop],
  ['encap', actEncap],
  ['decap', actDecap],
  ['output', actOutput],
  ['controller', actController],
  ['in_port', actOutputNamedPort],
  ['local', actOutputNamedPort],
  ['normal', actOutputNamedPort],
  ['flood', actOutputNamedPort],
  ['all', actOutputNamedPort],
  ['table', actOutputNamedPort],
  ['enqueue', actEnqueue],
  ['set_queue', actSetQueue],
  ['pop_queue', actPopQueue],
  ['group', actGroup],
  ['meter', actMeter],
  ['mod_vlan_vid', actModVlanVid],
  ['mod_vlan_pcp', actModVlanPcp],
  ['strip_vlan', actStripVlan],
  ['pop_vlan', actPopVlan],
  ['push_vlan', actPushVlan],
  ['push_mpls', actPushMpls],
  ['pop_mpls', actPopMpls],
  ['set_mpls_label', actSetMplsLabel],
  ['set_mpls_tc', actSetMplsTc],
  ['set_mpls_ttl', actSetMplsTtl],
  ['dec_mpls_ttl', actDecMplsTtl],
  ['mod_nw_ttl', actModNwTtl],
  ['dec_ttl', actDecTtl],
  ['mod_dl_src', actModDlSrc],
  ['mod_dl_dst', actModDlSrc],
  ['mod_nw_src', actModNwSrc],
  ['mod_nw_dst', actModNwSrc],
  ['mod_nw_tos', actModNwTos],
  ['mod_nw_ecn', actModNwEcn],
  ['mod_tp_src', actModTpSrc],
  ['mod_tp_dst', actModTpSrc],
  ['resubmit', actResubmit],
  ['set_tunnel', actSetTunnel],
  ['set_tunnel64', actSetTunnel],
  ['note', actNote],
  ['ct', actCt],
  ['ct_clear', actCtClear],
  ['exit', actExit],
  ['dec_nsh_ttl', actDecNshTtl],
  ['clone', actClone],
  ['conjunction', actConjunction],
  ['learn', actLearn],
  ['fin_timeout', actFinTimeout],
  ['sample', actSample],
  ['multipath', actMultipath],
  ['bundle', actBundle],
  ['bundle_load', actBundle],
  ['delete_field', actDeleteField],
]);

/** Parses one action piece into `out` (some texts become two actions, or none). */
function parseOneAction(p: Piece, ctx: ActCtx, out: Action[]): void {
  const t = p.text;
  // move:SRC->DST, load:V->DST, set_field:V->F (also written move(...), load(...), set_field(...))
  const paren = /^(move|load|set_field)\((.*)\)$/s.exec(t);
  if (paren) {
    parseOneAction({ text: `${paren[1]}:${paren[2]}`, pos: p.pos }, ctx, out);
    return;
  }
  for (const k of ['push:', 'pop:'] as const) {
    if (!t.startsWith(k)) continue;
    const slice = parseSlice(t.slice(k.length), p.pos + k.length);
    out.push({ type: k === 'push:' ? 'stackPush' : 'stackPop', slice });
    return;
  }
  const arrowKinds = ['move:', 'load:', 'set_field:'];
  for (const k of arrowKinds) {
    if (!t.startsWith(k)) continue;
    const body = t.slice(k.length);
    const arrow = body.lastIndexOf('->');
    if (arrow < 0) throw new FlowParseError('OF_TEXT_SYNTAX', `${k.slice(0, -1)}: missing ->`, p.pos);
    const lhs = body.slice(0, arrow);
    const rhsPos = p.pos + k.length + arrow + 2;
    const rhs = body.slice(arrow + 2);
    if (k === 'move:') {
      const src = parseSlice(lhs, p.pos + k.length);
      const dst = parseSlice(rhs, rhsPos);
      if (src.nBits !== dst.nBits)
        throw new FlowParseError(
          'OF_TEXT_BAD_WIDTH',
          `move: ${src.nBits}-bit source to ${dst.nBits}-bit destination`,
          p.pos,
        );
      out.push(ctx.version >= 0x06 ? { type: 'copyField', nBits: src.nBits, src, dst } : { type: 'regMove', src, dst });
    } else if (k === 'load:') {
      const dst = parseSlice(rhs, rhsPos);
      const def = fieldByName(dst.field)!;
      let v: bigint;
      if (/^(0x[0-9a-fA-F]+|[0-9]+)$/.test(lhs)) v = parseUint(lhs, dst.nBits, p.pos + k.length, 'load');
      else v = bytesToBigInt(parseFieldValue(def, lhs, p.pos + k.length).value);
      if (dst.nBits < 1024 && v >> BigInt(dst.nBits) !== 0n)
        throw new FlowParseError('OF_TEXT_BAD_WIDTH', `load: ${lhs} does not fit ${dst.nBits} bits`, p.pos + k.length);
      if (dst.nBits > 64 && ctx.version < 0x06) {
        // OVS splits a wide load into 64-bit NXAST_REG_LOADs, low bits first
        for (let ofs = 0; ofs < dst.nBits; ofs += 64) {
          const n = Math.min(64, dst.nBits - ofs);
          out.push({
            type: 'regLoad',
            dst: { field: dst.field, ofs: dst.ofs + ofs, nBits: n },
            value: (v >> BigInt(ofs)) & ((1n << BigInt(n)) - 1n),
          });
        }
        return;
      }
      if (dst.nBits < 64 && v >> BigInt(dst.nBits) !== 0n)
        throw new FlowParseError('OF_TEXT_BAD_WIDTH', `load: ${lhs} does not fit ${dst.nBits} bits`, p.pos + k.length);
      if (ctx.version >= 0x06) {
        const whole = dst.ofs === 0 && dst.nBits === def.bytes * 8;
        const m = ((1n << BigInt(dst.nBits)) - 1n) << BigInt(dst.ofs);
        out.push({
          type: 'setField',
          field: {
            field: def.name,
            value: bigIntToBytes(v << BigInt(dst.ofs), def.bytes),
            ...(whole ? {} : { mask: bigIntToBytes(m, def.bytes) }),
          },
        });
      } else {
        out.push({ type: 'regLoad', dst, value: v });
      }
    } else {
      // set_field names a field by its name or alias only (OVS mf_from_name), never NXM_*/OXM_*
      const def = fieldByName(rhs);
      if (!def) {
        const why = lookupField(rhs) ? 'is not a valid OXM field name' : 'is an unknown field';
        throw new FlowParseError('OF_TEXT_UNKNOWN_FIELD', `set_field: ${JSON.stringify(rhs)} ${why}`, rhsPos);
      }
      // in_port stays NXM_OF_IN_PORT: OVS's decoder refuses OXM_OF_IN_PORT in a set_field
      const v = parseSetFieldValue(def, lhs, p.pos + k.length);
      checkSetFieldValue(def, lhs, v.value, p.pos + k.length);
      ctx.usable.bits &= fieldUsableExact(def.name); // set_field_parse__: exact, even with a mask
      // check_SET_FIELD: vlan_vid needs a VLAN header (before OpenFlow 1.2 it becomes set_vlan_vid,
      // which prereq.ts cannot tell from mod_vlan_vid)
      if (
        def.name === 'vlan_vid' &&
        ctx.version < 0x03 &&
        !hasVlan(ctx.match) &&
        !out.some((a) => a.type === 'pushVlan')
      )
        throw new ActionError('OF_ACTION_MATCH_INCONSISTENT', 'set_field on vlan_vid is inconsistent with the match');
      out.push(...setFieldAction(ctx, def.name, v.value, v.mask, out).map((a) => markSetField(a, def.name)));
    }
    return;
  }
  if (t.startsWith('check_pkt_larger(')) {
    const m = /^check_pkt_larger\((\d+)\)->(.*)$/.exec(t);
    if (!m) throw new FlowParseError('OF_TEXT_SYNTAX', 'check_pkt_larger(N)->DST', p.pos);
    const dst = parseSlice(m[2]!, p.pos + t.indexOf('->') + 2);
    if (dst.nBits !== 1)
      throw new FlowParseError('OF_TEXT_BAD_WIDTH', 'check_pkt_larger: destination must be 1 bit', p.pos);
    out.push({ type: 'checkPktLarger', pktLen: parseNum(m[1]!, 16, p.pos, 'length'), dst });
    return;
  }
  const kv = keyValue(p, ':');
  const key = kv.key.toLowerCase();
  const handler = ACTIONS.get(key);
  if (handler) {
    const v = kv.value;
    handler({
      key,
      v,
      vp: kv.valuePos,
      paren: kv.paren,
      p,
      ctx,
      out,
      v13: ctx.version >= 0x02,
      needV: () => {
        if (v === undefined || v === '')
          throw new FlowParseError('OF_TEXT_SYNTAX', `${key} needs an argument`, p.pos + p.text.length);
        return v;
      },
    });
    return;
  }
  if (/^\d+$/.test(t)) {
    out.push(outputTo(parsePort32(t, p.pos), p.pos));
    return;
  }
  throw new FlowParseError('OF_TEXT_UNKNOWN_ACTION', `unknown action ${JSON.stringify(kv.key)}`, p.pos);
}

/**
 * Parses an ovs-ofctl action list (without `actions=`), e.g. `ct(commit,zone=5,nat(src=10.0.0.1)),resubmit(,9)`.
 * `match` lets mod_vlan_vid / mod_tp_* pick what OVS picks (push_vlan if untagged; tcp/udp/sctp port).
 * @throws FlowParseError OF_TEXT_UNKNOWN_ACTION, OF_TEXT_SYNTAX, OF_TEXT_BAD_VALUE, OF_TEXT_BAD_WIDTH
 */
export function parseActions(text: string, version: OfVersion, match: Match = [], base = 0): Action[] {
  const out: Action[] = [];
  const ctx: ActCtx = { version, match, usable: { bits: OFP_PROTO.ANY } };
  for (const p of splitTop(text, base, true)) parseOneAction(p, ctx, out);
  return out;
}

/**
 * mf_is_value_valid and OVS's number parsing for set_field: decimals beyond 64 bits are refused,
 * nw_tos keeps its ECN bits zero, a narrow field's value fits its n_bits (vlan_vid: 12 bits + CFI; arp_op
 * 8 bits and tcp_flags 12 though their fields are 16 bits wide).
 */
function checkSetFieldValue(def: FieldDef, text: string, value: Uint8Array, pos: number): void {
  const bad = (why: string): never => {
    throw new FlowParseError('OF_TEXT_BAD_VALUE', `${text}: ${why} for field ${def.name}`, pos);
  };
  if (/^[0-9]+$/.test(text) && BigInt(text) > 0xffffffffffffffffn && def.bytes > 8)
    bad(`value too large for ${def.bytes}-byte field`);
  if (!setFieldValueValid(def.name, bytesToBigInt(value))) bad('not a valid value');
}

/** OpenFlow 1.1 instruction order (OVS ovs_instruction_type), by the text keyword that starts each. */
const INSTRUCTION_RANK: ReadonlyMap<string, number> = new Map([
  ['meter', 0],
  ['apply_actions', 1],
  ['clear_actions', 2],
  ['write_actions', 3],
  ['write_metadata', 4],
  ['goto_table', 5],
]);

/**
 * Parses actions= text into OpenFlow 1.1+ instructions (OF1.0: one apply_actions), refusing what
 * ovs-ofctl refuses: instructions out of order or repeated, conjunction mixed with other actions,
 * actions inconsistent with `match`.
 * @throws FlowParseError as {@link parseActions}; ActionError OF_ACTION_MATCH_INCONSISTENT,
 *   OF_ACTION_BAD_ARGUMENT (conjunction), OF_ACTION_BAD_SET_ARGUMENT (pop to a read-only field)
 */
export function parseInstructions(text: string, version: OfVersion, match: Match = [], base = 0): Instruction[] {
  return parseInstructionsUsable(text, version, match, base, { bits: OFP_PROTO.ANY });
}

/**
 * {@link parseInstructions}, narrowing `usable.bits` (OFP_PROTO bits) to the protocols the text
 * leaves usable, as OVS's ofpacts_parse_instructions and ofpacts_check do: the flow parser refuses
 * a flow none of whose protocols belong to its version.
 * @internal
 */
export function parseInstructionsUsable(
  text: string,
  version: OfVersion,
  match: Match,
  base: number,
  usable: { bits: number },
): Instruction[] {
  const apply: Action[] = [];
  const ins: Instruction[] = [];
  const ctx: ActCtx = { version, match, usable };
  // ofpacts_verify: instructions in OpenFlow 1.1 order, each at most once (in every version, "for
  // OpenFlow 1.1+ compatibility"); a plain action counts as apply_actions
  let last = -1;
  let lastName = '';
  for (const p of splitTop(text, base, true)) {
    const kv = keyValue(p, ':');
    const rankName = INSTRUCTION_RANK.has(kv.key) ? kv.key : 'apply_actions';
    const rank = INSTRUCTION_RANK.get(rankName)!;
    if (rank < last)
      throw new FlowParseError(
        'OF_TEXT_SYNTAX',
        `invalid instruction ordering: ${rankName} must appear before ${lastName}, for OpenFlow 1.1+ compatibility`,
        p.pos,
      );
    if (rank === last && rankName !== 'apply_actions')
      throw new FlowParseError(
        'OF_TEXT_SYNTAX',
        `duplicate ${rankName} instruction not allowed, for OpenFlow 1.1+ compatibility`,
        p.pos,
      );
    last = rank;
    lastName = rankName;
    switch (kv.key) {
      case 'write_actions': {
        const inner: Action[] = [];
        for (const e of splitTop(kv.value ?? '', kv.valuePos, false)) parseOneAction(e, ctx, inner);
        // ovs-ofctl drops an empty write_actions(drop) when it parses text
        if (inner.length) ins.push({ type: 'writeActions', actions: inner });
        continue;
      }
      case 'clear_actions':
        ins.push({ type: 'clearActions' });
        continue;
      case 'goto_table':
        ins.push({ type: 'gotoTable', tableId: parseNum(kv.value ?? '', 8, kv.valuePos, 'goto_table') });
        continue;
      case 'write_metadata': {
        usable.bits &= OFP_PROTO.NXM_OF11_UP; // parse_WRITE_METADATA
        const [a, m] = (kv.value ?? '').split('/');
        ins.push({
          type: 'writeMetadata',
          metadata: parseUint(a!, 64, kv.valuePos, 'metadata'),
          mask: m === undefined ? 0xffffffffffffffffn : parseUint(m, 64, kv.valuePos, 'mask'),
        });
        continue;
      }
      case 'meter':
        usable.bits &= OFP_PROTO.OF13_UP; // parse_METER
        if (version < 0x06 && version >= 0x04) {
          ins.push({ type: 'meter', meterId: parseNum(kv.value ?? '', 32, kv.valuePos, 'meter') });
          continue;
        }
        ctx.instruction = true;
        parseOneAction(p, ctx, apply);
        ctx.instruction = false;
        continue;
      default:
        break;
    }
    parseOneAction(p, ctx, apply);
  }
  if (version === 0x01) {
    const list: Instruction[] = apply.length || ins.length === 0 ? [{ type: 'applyActions', actions: apply }] : ins;
    checkConjunctionAlone(apply);
    checkMatchConsistency(list, match, version, usable);
    return list;
  }
  const order = ['meter', 'applyActions', 'clearActions', 'writeActions', 'writeMetadata', 'gotoTable'];
  if (apply.length) ins.push({ type: 'applyActions', actions: apply });
  ins.sort((x, y) => order.indexOf(x.type) - order.indexOf(y.type));
  checkConjunctionAlone(apply);
  checkMatchConsistency(ins, match, version, usable);
  return ins;
}
