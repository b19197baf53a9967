/**
 * One line of ovs-ofctl flow syntax: the flow's own fields (table, priority, timeouts, cookie,
 * flags), its match (match.ts) and `actions=` (actions.ts).
 */
import type { OfVersion } from '../version.js';
import { noteUsable, of11Misfit, OFP_PROTO, protocolsOfVersion, usableOf } from '../match/usable.js';
import { FlowParseError } from './errors.js';
import { keyValue, splitTop } from './lexer.js';
import { applyMatchPiece, finishMatch, type MatchBuilder } from './match.js';
import { parseInstructionsUsable } from './actions.js';
import type { FlowFlag, FlowSpec } from './types.js';
import { parseNum, parsePort32, parseUint } from './values.js';

const FLOW_FLAGS: readonly FlowFlag[] = [
  'send_flow_rem',
  'check_overlap',
  'reset_counts',
  'no_packet_counts',
  'no_byte_counts',
];

/** The flow's own `key=value` fields, by name (anything else is match or a flag). */
const FLOW_FIELDS: ReadonlyMap<string, (spec: FlowSpec, v: string, vp: number) => void> = new Map([
  ['table', (spec, v, vp) => (spec.table = parseNum(v, 8, vp, 'table'))],
  ['priority', (spec, v, vp) => (spec.priority = parseNum(v, 16, vp, 'priority'))],
  ['idle_timeout', (spec, v, vp) => (spec.idleTimeout = parseNum(v, 16, vp, 'idle_timeout'))],
  ['hard_timeout', (spec, v, vp) => (spec.hardTimeout = parseNum(v, 16, vp, 'hard_timeout'))],
  ['importance', (spec, v, vp) => (spec.importance = parseNum(v, 16, vp, 'importance'))],
  ['out_port', (spec, v, vp) => (spec.outPort = parsePort32(v, vp))],
  ['out_group', (spec, v, vp) => (spec.outGroup = parseNum(v, 32, vp, 'out_group'))],
  [
    'cookie',
    (spec, v, vp) => {
      const [c, mask] = v.split('/');
      spec.cookie = parseUint(c!, 64, vp, 'cookie');
      if (mask !== undefined) spec.cookieMask = parseUint(mask, 64, vp, 'cookie mask');
    },
  ],
]);

/**
 * Parses one line of ovs-ofctl flow syntax: `table=…,priority=…,cookie=…,<match> actions=<actions>`.
 *
 * @example
 * parseFlow('table=9,priority=100,tcp,reg0=0x5,nw_dst=10.0.0.0/8 actions=ct(commit,zone=5),resubmit(,10)', OFP_VERSION.OF15)
 * @throws FlowParseError with `position` (0-based character index) and a code:
 *   OF_TEXT_SYNTAX, OF_TEXT_UNKNOWN_FIELD, OF_TEXT_BAD_VALUE, OF_TEXT_BAD_WIDTH, OF_TEXT_PREREQ, OF_TEXT_UNKNOWN_ACTION
 */
export function parseFlow(text: string, version: OfVersion): FlowSpec {
  const m = /(^|[\s,])actions?=/.exec(text);
  const head = m ? text.slice(0, m.index + m[1]!.length) : text;
  const actText = m ? text.slice(m.index + m[0].length) : undefined;
  const actPos = m ? m.index + m[0].length : text.length;
  const spec: FlowSpec = { match: [], instructions: [] };
  const flags: FlowFlag[] = [];
  const mb: MatchBuilder = { fields: new Map() };
  for (const p of splitTop(head, 0, true)) {
    const kv = keyValue(p, '=');
    const v = kv.value ?? '';
    const setter = FLOW_FIELDS.get(kv.key);
    if (setter) {
      setter(spec, v, kv.valuePos);
      continue;
    }
    if (kv.value === undefined && (FLOW_FLAGS as readonly string[]).includes(kv.key)) {
      const since = kv.key === 'reset_counts' ? 0x03 : kv.key.startsWith('no_') ? 0x04 : 0x01;
      if (version < since)
        throw new FlowParseError('OF_TEXT_BAD_VALUE', `${kv.key} needs OpenFlow 1.${since - 1} or later`, p.pos);
      flags.push(kv.key as FlowFlag);
      continue;
    }
    applyMatchPiece(mb, p, version);
  }
  spec.match = finishMatch(mb, version);
  if (version === 0x02) {
    // ovs-ofctl -O OpenFlow11 has only the fixed OpenFlow 1.1 match ("no usable protocol" otherwise)
    const misfit = of11Misfit(spec.match);
    if (misfit !== undefined)
      throw new FlowParseError('OF_TEXT_BAD_VALUE', `the OpenFlow 1.1 match cannot carry ${misfit}`, 0);
  }
  if (flags.length) spec.flags = flags;
  if (actText === undefined) throw new FlowParseError('OF_TEXT_SYNTAX', 'missing actions=', text.length);
  const usable = { bits: OFP_PROTO.ANY as number };
  if (version === 0x01) {
    // OpenFlow 1.0 has no goto_table; OVS sends resubmit(,N) (ofp-actions.c encode_GOTO_TABLE), which
    // flowModFromSpec does from the gotoTable instruction: keep it instead of letting the action
    // list parser fold the instructions into one apply_actions list.
    const pieces = splitTop(actText, actPos, false);
    const gotos = pieces.filter((p) => /^goto_table\s*[:=(]/.test(p.text));
    if (gotos.length && gotos.length < pieces.length) {
      const rest = pieces.filter((p) => !gotos.includes(p));
      const ins = parseInstructionsUsable(rest.map((p) => p.text).join(','), version, spec.match, rest[0]!.pos, usable);
      const g = parseInstructionsUsable(gotos.map((p) => p.text).join(','), version, spec.match, gotos[0]!.pos, usable);
      spec.instructions = [...ins, ...g];
      checkUsable(spec, version, usable.bits, actPos);
      checkGoto(spec, actPos);
      return spec;
    }
  }
  spec.instructions = parseInstructionsUsable(actText, version, spec.match, actPos, usable);
  checkUsable(spec, version, usable.bits, actPos);
  checkGoto(spec, actPos);
  return spec;
}

/**
 * ofp-flow.c parse_ofp_str__ and ovs-ofctl: the actions narrow the usable protocols (set_field to a
 * field the fixed matches lack, push_vlan, meter, encap, write_metadata, an inconsistent rewrite);
 * a flow none of whose protocols belong to `version` is refused ("no usable protocol"), and in
 * OpenFlow 1.0 one the ofp10 flow_mod cannot carry goes as NXT_FLOW_MOD.
 */
function checkUsable(spec: FlowSpec, version: OfVersion, bits: number, pos: number): void {
  if ((bits & protocolsOfVersion(version)) === 0)
    throw new FlowParseError(
      'OF_TEXT_BAD_VALUE',
      `no usable protocol: the actions cannot be sent in this OpenFlow version`,
      pos,
    );
  if (version === 0x01 && (bits & OFP_PROTO.OF10_STD) === 0 && usableOf(spec.match).of10)
    noteUsable(spec.match, { ...usableOf(spec.match), of10: false, why: 'an action' });
}

/** ofp-actions.c ofpacts_check: goto_table must go to a later table (OFPBIC_BAD_TABLE_ID) when the table is given. */
function checkGoto(spec: FlowSpec, pos: number): void {
  if (spec.table === undefined || spec.table === 0xff) return;
  for (const i of spec.instructions) {
    if (i.type === 'gotoTable' && i.tableId <= spec.table)
      throw new FlowParseError(
        'OF_TEXT_BAD_VALUE',
        `goto_table:${i.tableId} must name a table after ${spec.table}`,
        pos,
      );
  }
}
