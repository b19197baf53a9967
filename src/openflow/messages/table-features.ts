/**
 * Table capabilities as ovs-ofctl prints them (OVS 3.1 lib/ofp-table.c): OF1.3+ table-features
 * replies (OpenFlow 1.3.5 §7.3.5.5, properties decoded here from their raw TLVs) and the OF1.0
 * table-stats entry (name, wildcards, max_entries). Field sets print in OVS's internal field order,
 * with runs sharing a prefix folded (`eth_{src,dst}`, `reg0...reg7`).
 */
import { ByteReader } from '../../wire/index.js';
import { fieldByCode, OFPXMC } from '../match/fields.js';
import type { RawProperty, TableFeatures } from './types.js';

/** OFPTFPT_* property types (OpenFlow 1.3.5 §7.3.5.5.2); the _MISS variant is the next number. */
const OFPTFPT = {
  INSTRUCTIONS: 0,
  NEXT_TABLES: 2,
  WRITE_ACTIONS: 4,
  APPLY_ACTIONS: 6,
  MATCH: 8,
  WILDCARDS: 10,
  WRITE_SETFIELD: 12,
  APPLY_SETFIELD: 14,
} as const;

/**
 * OVS's field order (include/openvswitch/meta-flow.h enum mf_field_id), by the names this library
 * uses, which are OVS's. Table capabilities print in this order.
 */
const MFF_ORDER: readonly string[] = [
  'dp_hash',
  'recirc_id',
  'packet_type',
  'conj_id',
  'tun_id',
  'tun_src',
  'tun_dst',
  'tun_ipv6_src',
  'tun_ipv6_dst',
  'tun_flags',
  'tun_ttl',
  'tun_tos',
  'tun_gbp_id',
  'tun_gbp_flags',
  'tun_erspan_ver',
  'tun_erspan_idx',
  'tun_erspan_dir',
  'tun_erspan_hwid',
  'tun_gtpu_flags',
  'tun_gtpu_msgtype',
  ...Array.from({ length: 64 }, (_, i) => `tun_metadata${i}`),
  'metadata',
  'in_port',
  'in_port_oxm',
  'actset_output',
  'skb_priority',
  'pkt_mark',
  'ct_state',
  'ct_zone',
  'ct_mark',
  'ct_label',
  'ct_nw_proto',
  'ct_nw_src',
  'ct_nw_dst',
  'ct_ipv6_src',
  'ct_ipv6_dst',
  'ct_tp_src',
  'ct_tp_dst',
  ...Array.from({ length: 16 }, (_, i) => `reg${i}`),
  ...Array.from({ length: 8 }, (_, i) => `xreg${i}`),
  ...Array.from({ length: 4 }, (_, i) => `xxreg${i}`),
  'eth_src',
  'eth_dst',
  'eth_type',
  'vlan_tci',
  'dl_vlan',
  'vlan_vid',
  'dl_vlan_pcp',
  'vlan_pcp',
  'mpls_label',
  'mpls_tc',
  'mpls_bos',
  'mpls_ttl',
  'ip_src',
  'ip_dst',
  'ipv6_src',
  'ipv6_dst',
  'ipv6_label',
  'nw_proto',
  'nw_tos',
  'ip_dscp',
  'nw_ecn',
  'nw_ttl',
  'ip_frag',
  'arp_op',
  'arp_spa',
  'arp_tpa',
  'arp_sha',
  'arp_tha',
  'tcp_src',
  'tcp_dst',
  'tcp_flags',
  'udp_src',
  'udp_dst',
  'sctp_src',
  'sctp_dst',
  'icmp_type',
  'icmp_code',
  'icmpv6_type',
  'icmpv6_code',
  'nd_target',
  'nd_sll',
  'nd_tll',
  'nd_reserved',
  'nd_options_type',
  'nsh_flags',
  'nsh_ttl',
  'nsh_mdtype',
  'nsh_np',
  'nsh_spi',
  'nsh_si',
  'nsh_c1',
  'nsh_c2',
  'nsh_c3',
  'nsh_c4',
];
const MFF_INDEX = new Map(MFF_ORDER.map((n, i) => [n, i]));

/**
 * OF1.2+ action type bits (OFPAT_*) OVS knows, in the order it prints them (its internal action
 * order, checked against ovs-ofctl 3.1); other types (copy_ttl_*, pbb, …) are not printed.
 */
const ACTION_BITS12: readonly (readonly [number, string])[] = [
  [0, 'output'],
  [22, 'group'],
  [25, 'set_field'],
  [18, 'strip_vlan'],
  [17, 'push_vlan'],
  [23, 'mod_nw_ttl'],
  [24, 'dec_ttl'],
  [15, 'set_mpls_ttl'],
  [16, 'dec_mpls_ttl'],
  [19, 'push_mpls'],
  [20, 'pop_mpls'],
  [21, 'set_queue'],
];

/** The action type bits OVS knows (it drops the others when decoding a bitmap). */
const KNOWN_ACTION_BITS = ACTION_BITS12.reduce((m, [bit]) => (m | (1 << bit)) >>> 0, 0);

/** A bitmap of OF1.2+ action types as OVS prints it (`<none>` when none it knows is set). */
export function actionBitsText(bits: number): string {
  const out = ACTION_BITS12.filter(([bit]) => (bits >>> bit) & 1).map(([, n]) => n);
  return out.length ? out.join(' ') : '<none>';
}

/** Instruction types (OFPIT_*) in the order OVS prints them, with its names. */
const INSTRUCTION_ORDER: readonly (readonly [number, string])[] = [
  [6, 'meter'],
  [4, 'apply_actions'],
  [5, 'clear_actions'],
  [3, 'write_actions'],
  [2, 'write_metadata'],
  [1, 'goto_table'],
];

/** Sorts field names into OVS's order (names it does not know are left out) and folds shared prefixes. */
export function fieldSetText(names: Iterable<string>): string {
  const list = [...new Set(names)]
    .filter((n) => MFF_INDEX.has(n))
    .sort((a, b) => MFF_INDEX.get(a)! - MFF_INDEX.get(b)!);
  return fold(list).join(' ');
}

/**
 * Folds a run of names sharing the text up to their first `_` into `prefix_{a,b}`, the prefix being
 * what the first two share up to a `_` (`ct_nw_{proto,src}`), the rest folded again
 * (`ct_{zone,nw_{proto,src}}`); three or more consecutive registers become `regA...regB`.
 */
function fold(list: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < list.length;) {
    const name = list[i]!;
    const reg = /^(x{0,2}reg)(\d+)$/.exec(name);
    if (reg) {
      let j = i + 1;
      while (j < list.length && list[j] === `${reg[1]}${Number(reg[2]) + (j - i)}`) j++;
      if (j - i >= 3) out.push(`${name}...${list[j - 1]}`);
      else out.push(...list.slice(i, j));
      i = j;
      continue;
    }
    const us = name.indexOf('_');
    const prefix = us > 0 ? name.slice(0, us + 1) : undefined;
    let j = i + 1;
    if (prefix) while (j < list.length && list[j]!.startsWith(prefix)) j++;
    if (j - i === 1) {
      out.push(name);
    } else {
      // As OVS does: the prefix is what the run's first two names share up to a "_"; every member
      // prints from that length on (so {ct_nw_proto, ct_nw_src, ct_tp_dst} is ct_nw_{proto,src,dst})
      const run = list.slice(i, j);
      let k = 0;
      while (k < run[0]!.length && run[0]![k] === run[1]![k]) k++;
      const lcp = run[0]!.slice(0, run[0]!.slice(0, k).lastIndexOf('_') + 1);
      out.push(`${lcp}{${fold(run.map((n) => n.slice(lcp.length))).join(',')}}`);
    }
    i = j;
  }
  return out;
}

/** One side (table miss or not) of the instruction capabilities. */
interface InstructionFeatures {
  next: number[];
  instructions: number;
  write: ActionFeatures;
  apply: ActionFeatures;
}
interface ActionFeatures {
  actions: number;
  setFields: Set<string>;
}

/** The decoded capabilities of one table. */
interface Features {
  nonmiss: InstructionFeatures;
  miss: InstructionFeatures;
  match: Set<string>;
  wildcard: Set<string>;
  mask: Set<string>;
}

function emptyIf(): InstructionFeatures {
  return {
    next: [],
    instructions: 0,
    write: { actions: 0, setFields: new Set() },
    apply: { actions: 0, setFields: new Set() },
  };
}

/**
 * OXM / NXM headers (4 bytes, experimenter ones 8) to field names; `masked` collects HM-bit ones.
 * As OVS's loose reading (nx-match.c nxm_field_by_header), a header whose length does not fit the
 * field (its width, twice that when masked, plus the experimenter id) names no field and is skipped;
 * the variable-length tun_metadata fields take any length.
 */
function readFieldIds(data: Uint8Array, masked?: Set<string>): Set<string> {
  const out = new Set<string>();
  const r = new ByteReader(data);
  while (r.remaining >= 4) {
    const cls = r.u16();
    const fb = r.u8();
    const len = r.u8();
    const experimenter = cls === OFPXMC.EXPERIMENTER && r.remaining >= 4 ? r.u32() : undefined;
    const hit = fieldByCode(cls, fb >> 1, experimenter);
    if (!hit) continue;
    const payload = len - (experimenter !== undefined ? 4 : 0);
    const variable = hit.def.name.startsWith('tun_metadata');
    if (!variable && payload !== hit.def.bytes * (fb & 1 ? 2 : 1)) continue;
    out.add(hit.def.name);
    if (fb & 1) masked?.add(hit.def.name);
  }
  return out;
}

/** Instruction / action id lists: type, length (4, or more with padding / experimenter id). */
function readIdBits(data: Uint8Array): number {
  let bits = 0;
  const r = new ByteReader(data);
  while (r.remaining >= 4) {
    const type = r.u16();
    const len = r.u16();
    if (len < 4 || len - 4 > r.remaining) break;
    r.skip(len - 4);
    if (type < 32) bits |= 1 << type;
  }
  return bits >>> 0;
}

/** Non-miss property types whose _MISS twin defaults to them. */
const INHERITED = new Set<number>([
  OFPTFPT.INSTRUCTIONS,
  OFPTFPT.NEXT_TABLES,
  OFPTFPT.WRITE_ACTIONS,
  OFPTFPT.APPLY_ACTIONS,
  OFPTFPT.WRITE_SETFIELD,
  OFPTFPT.APPLY_SETFIELD,
]);

function decodeFeatures(props: readonly RawProperty[]): Features {
  const f: Features = { nonmiss: emptyIf(), miss: emptyIf(), match: new Set(), wildcard: new Set(), mask: new Set() };
  // A missing _MISS property means "same as the non-miss one" (OpenFlow 1.3.5 §7.3.5.5.2).
  const seen = new Set(props.map((p) => p.propType));
  const inherit = props
    .filter((p) => INHERITED.has(p.propType) && !seen.has(p.propType + 1))
    .map((p) => ({ ...p, propType: p.propType + 1 }));
  for (const p of [...props, ...inherit]) {
    const side = p.propType & 1 ? f.miss : f.nonmiss;
    switch (p.propType & ~1) {
      case OFPTFPT.INSTRUCTIONS:
        side.instructions = readIdBits(p.data);
        break;
      case OFPTFPT.NEXT_TABLES:
        side.next = [...p.data];
        break;
      case OFPTFPT.WRITE_ACTIONS:
        side.write.actions = (readIdBits(p.data) & KNOWN_ACTION_BITS) >>> 0;
        break;
      case OFPTFPT.APPLY_ACTIONS:
        side.apply.actions = (readIdBits(p.data) & KNOWN_ACTION_BITS) >>> 0;
        break;
      case OFPTFPT.WRITE_SETFIELD:
        side.write.setFields = readFieldIds(p.data);
        break;
      case OFPTFPT.APPLY_SETFIELD:
        side.apply.setFields = readFieldIds(p.data);
        break;
      case OFPTFPT.MATCH:
        if (!(p.propType & 1)) f.match = readFieldIds(p.data, f.mask);
        break;
      case OFPTFPT.WILDCARDS:
        if (!(p.propType & 1)) f.wildcard = readFieldIds(p.data);
        break;
    }
  }
  return f;
}

const setEq = (a: Set<string>, b: Set<string>): boolean => a.size === b.size && [...a].every((x) => b.has(x));
const afEq = (a: ActionFeatures, b: ActionFeatures): boolean =>
  a.actions === b.actions && setEq(a.setFields, b.setFields);
/**
 * table_instruction_features_next_equal: next-table sets are equal, except that table N+1 listing
 * everything table N lists but itself counts as equal (each table names the ones after it).
 */
function nextEq(a: readonly number[], aId: number, b: readonly number[], bId: number): boolean {
  const as = new Set(a.filter((x) => x < 255));
  const bs = new Set(b.filter((x) => x < 255));
  if (bId === aId + 1 && as.has(bId) && !bs.has(bId)) as.delete(bId);
  else if (aId === bId + 1 && bs.has(aId) && !as.has(aId)) bs.delete(aId);
  return as.size === bs.size && [...as].every((x) => bs.has(x));
}
const ifEq = (a: InstructionFeatures, b: InstructionFeatures, aId = 0, bId = aId): boolean =>
  a.instructions === b.instructions &&
  nextEq(a.next, aId, b.next, bId) &&
  afEq(a.write, b.write) &&
  afEq(a.apply, b.apply);
const ifEmpty = (a: InstructionFeatures): boolean => ifEq(a, emptyIf());

function actionFeaturesText(a: ActionFeatures): string {
  let s = '';
  if (a.actions) s += `        actions: ${actionBitsText(a.actions)}\n`;
  if (a.setFields.size) s += `        supported on Set-Field: ${fieldSetText(a.setFields)}\n`;
  return s;
}

/** One side's instruction capabilities; `prev` is the same side of the table printed before. */
function instructionFeaturesText(t: InstructionFeatures, prev?: InstructionFeatures): string {
  let s = '';
  if (t.next.length) {
    const ids = [...new Set(t.next)].filter((x) => x < 255).sort((a, b) => a - b);
    const runs: string[] = [];
    for (let i = 0; i < ids.length;) {
      let j = i;
      while (j + 1 < ids.length && ids[j + 1] === ids[j]! + 1) j++;
      runs.push(j > i ? `${ids[i]}-${ids[j]}` : `${ids[i]}`);
      i = j + 1;
    }
    s += `      next tables: ${runs.length ? runs.join(',') : 'none'}\n`;
  }
  if (t.instructions && prev && prev.instructions === t.instructions) {
    s += '      (same instructions)\n';
  } else if (t.instructions) {
    const names = INSTRUCTION_ORDER.filter(([b]) => (t.instructions >>> b) & 1).map(([, n]) => n);
    s += `      instructions: ${names.join(' ')}\n`;
  }
  if (prev && afEq(t.write, prev.write) && afEq(t.apply, prev.apply) && t.write.setFields.size) {
    s += '      (same actions)\n';
  } else if (!afEq(t.write, t.apply)) {
    s += `      Write-Actions features:\n${actionFeaturesText(t.write)}      Apply-Actions features:\n${actionFeaturesText(t.apply)}`;
  } else if (t.write.actions || t.write.setFields.size) {
    s += `      Write-Actions and Apply-Actions features:\n${actionFeaturesText(t.write)}`;
  }
  return s;
}

function matchingText(f: Features): string {
  if (!f.match.size) return '';
  const mask = [...f.match].filter((n) => f.mask.has(n));
  const wild = [...f.match].filter((n) => !f.mask.has(n) && f.wildcard.has(n));
  const exact = [...f.match].filter((n) => !f.mask.has(n) && !f.wildcard.has(n));
  let s = '    matching:\n';
  if (mask.length) s += `      arbitrary mask: ${fieldSetText(mask)}\n`;
  if (wild.length) s += `      exact match or wildcard: ${fieldSetText(wild)}\n`;
  if (exact.length) s += `      must exact match: ${fieldSetText(exact)}\n`;
  return s;
}

interface Stats {
  readonly activeCount: number;
  readonly lookupCount: bigint;
  readonly matchedCount: bigint;
}

/** One table as ofputil_table_features_format sees it: its features, decoded capabilities and counters. */
interface TableItem {
  readonly t: TableFeatures;
  readonly f: Features;
  readonly stats?: Stats;
  /** OF1.1 / 1.2 table-miss config (OFPTC11_TABLE_MISS_*), printed as `config=`; absent = OVS's default. */
  readonly missConfig?: string;
  /** Whether the message says if the table supports eviction and vacancy events (OF1.4+ table features). */
  readonly evictionKnown?: boolean;
}

const statsEq = (a: Stats, b: Stats): boolean =>
  a.activeCount === b.activeCount && a.lookupCount === b.lookupCount && a.matchedCount === b.matchedCount;

/** table_features_equal (lib/ofp-table.c): everything but the table id, name and counters. */
function featuresEq(a: TableItem, b: TableItem): boolean {
  return (
    a.t.metadataMatch === b.t.metadataMatch &&
    a.t.metadataWrite === b.t.metadataWrite &&
    a.missConfig === b.missConfig &&
    a.t.maxEntries === b.t.maxEntries &&
    (!a.evictionKnown || (a.t.capabilities & 0xc) === (b.t.capabilities & 0xc)) &&
    ifEq(a.f.nonmiss, b.f.nonmiss, a.t.tableId, b.t.tableId) &&
    ifEq(a.f.miss, b.f.miss, a.t.tableId, b.t.tableId) &&
    setEq(a.f.match, b.f.match) &&
    setEq(a.f.wildcard, b.f.wildcard) &&
    setEq(a.f.mask, b.f.mask)
  );
}

/** table_features_empty: nothing OVS would print after the counters. */
function featuresEmpty(it: TableItem): boolean {
  return (
    !it.t.metadataMatch &&
    !it.t.metadataWrite &&
    it.missConfig === undefined &&
    !it.evictionKnown &&
    !it.t.maxEntries &&
    ifEmpty(it.f.nonmiss) &&
    ifEmpty(it.f.miss) &&
    !it.f.match.size
  );
}

const COMMANDS15 = ['replace', 'modify', 'enable', 'disable'];

/**
 * The tables of a table-stats or table-features message as ofp-print shows them (OVS 3.1
 * ofputil_table_features_format): each table starts with "\n"; a table equal to the one before
 * (features and counters; no name) is folded into "table N: ditto" / "tables N...M: ditto", a named one
 * prints "table N ("name"): ditto" on its own.
 */
function tablesText(items: readonly TableItem[]): string {
  let s = '';
  let first = -1;
  let last = -1;
  const finish = (): string => {
    if (first < 0) return '';
    const t = first === last ? `\n  table ${first}: ditto\n` : `\n  tables ${first}...${last}: ditto\n`;
    first = -1;
    return t;
  };
  let prev: TableItem | undefined;
  for (const it of items) {
    const { t, f, stats } = it;
    if (!prev && (t.command ?? 0) !== 0) s += `\n  command: ${COMMANDS15[t.command!] ?? '***bad command***'}`;
    const sameStats = !stats || (prev?.stats !== undefined && statsEq(stats, prev.stats));
    const sameFeatures = prev !== undefined && featuresEq(it, prev);
    const p = prev;
    prev = it;
    if (sameStats && sameFeatures && !t.name) {
      if (first < 0) first = t.tableId;
      last = t.tableId;
      continue;
    }
    s += finish();
    s += `\n  table ${t.tableId}${t.name ? ` ("${t.name}")` : ''}:`;
    if (sameStats && sameFeatures) {
      s += ' ditto';
      continue;
    }
    s += '\n';
    if (stats) s += `    active=${stats.activeCount}, lookup=${stats.lookupCount}, matched=${stats.matchedCount}\n`;
    if (sameFeatures) {
      if (!featuresEmpty(it)) s += '    (same features)\n';
      continue;
    }
    if (t.metadataMatch || t.metadataWrite) {
      s += `    metadata: match=${altHex64(t.metadataMatch)} write=${altHex64(t.metadataWrite)}\n`;
    }
    if (it.missConfig !== undefined) s += `    config=${it.missConfig}\n`;
    if (it.evictionKnown) {
      // OFPTC14_EVICTION / OFPTC14_VACANCY_EVENTS (OpenFlow 1.4.1 §7.3.5.6)
      s += `    eviction: ${t.capabilities & 4 ? '' : 'not '}supported\n`;
      s += `    vacancy events: ${t.capabilities & 8 ? '' : 'not '}supported\n`;
    }
    if (t.maxEntries) s += `    max_entries=${t.maxEntries}\n`;
    if (p && ifEq(f.nonmiss, p.f.nonmiss, t.tableId, p.t.tableId) && ifEq(f.miss, p.f.miss, t.tableId, p.t.tableId)) {
      if (!ifEmpty(f.nonmiss)) s += '    (same instructions)\n';
    } else if (!ifEq(f.nonmiss, f.miss)) {
      s += `    instructions (other than table miss):\n${instructionFeaturesText(f.nonmiss, p?.f.nonmiss)}`;
      s += `    instructions (table miss):\n${instructionFeaturesText(f.miss, p?.f.miss)}`;
    } else if (!ifEmpty(f.nonmiss)) {
      s += `    instructions (table miss and others):\n${instructionFeaturesText(f.nonmiss, p?.f.nonmiss)}`;
    }
    if (p && f.match.size && setEq(f.match, p.f.match)) s += '    (same matching)\n';
    else s += matchingText(f);
  }
  return s + finish();
}

const altHex64 = (n: bigint): string => (n ? `0x${n.toString(16)}` : '0');

/** The body of an OF1.3+ table-features request or reply, one block per table (each starting with "\n"). */
export function tableFeaturesText(version: number, tables: readonly TableFeatures[]): string {
  return tablesText(tables.map((t) => ({ t, f: decodeFeatures(t.properties), evictionKnown: version >= 5 })));
}

/** OFPFW10_* bits and the fields they stand for, in OVS's mapping (lib/ofp-table.c). */
const OF10_WILDCARD_FIELDS: readonly (readonly [number, string])[] = [
  [1 << 0, 'in_port'],
  [1 << 1, 'vlan_vid'],
  [1 << 2, 'eth_src'],
  [1 << 3, 'eth_dst'],
  [1 << 4, 'eth_type'],
  [1 << 5, 'nw_proto'],
  [1 << 6, 'tcp_src'],
  [1 << 7, 'tcp_dst'],
  [0x3f << 8, 'ip_src'],
  [0x3f << 14, 'ip_dst'],
  [1 << 20, 'vlan_pcp'],
  [1 << 21, 'nw_tos'],
];

/**
 * OXM_OF_* field numbers an OpenFlow 1.2 bitmap may name (OpenFlow 1.2 §A.2.3.7: 0–35); OVS has no
 * field for in_phy_port (1).
 */
function oxmBitmapFields(bits: bigint): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i <= 35; i++) {
    if (i === 1 || !((bits >> BigInt(i)) & 1n)) continue;
    const hit = fieldByCode(OFPXMC.OPENFLOW_BASIC, i);
    if (hit) out.add(hit.def.name);
  }
  return out;
}

/** OFPIT_* bits OpenFlow 1.1 / 1.2 define (goto_table … clear_actions; meter came with 1.3). */
const INSTRUCTIONS12 = 0b111110;

/** One table-stats entry's capabilities as OVS derives them (ofputil_decode_ofp1{0,2,3}_table_stats). */
export interface TableStatsLike extends Stats {
  readonly tableId: number;
  readonly name?: string;
  readonly wildcards?: number;
  readonly maxEntries?: number;
  readonly of12?: {
    readonly match: bigint;
    readonly wildcards: bigint;
    readonly writeActions: number;
    readonly applyActions: number;
    readonly writeSetfields: bigint;
    readonly applySetfields: bigint;
    readonly metadataMatch: bigint;
    readonly metadataWrite: bigint;
    readonly instructions: number;
    readonly config: number;
  };
}

function tableStatsItem(e: TableStatsLike): TableItem {
  const t: TableFeatures = {
    tableId: e.tableId,
    name: e.name ?? '',
    metadataMatch: e.of12?.metadataMatch ?? 0n,
    metadataWrite: e.of12?.metadataWrite ?? 0n,
    capabilities: 0,
    maxEntries: e.maxEntries ?? 0,
    properties: [],
  };
  if (e.of12) {
    const x = e.of12;
    const side: InstructionFeatures = {
      next: [],
      instructions: x.instructions & INSTRUCTIONS12,
      write: { actions: (x.writeActions & KNOWN_ACTION_BITS) >>> 0, setFields: oxmBitmapFields(x.writeSetfields) },
      apply: { actions: (x.applyActions & KNOWN_ACTION_BITS) >>> 0, setFields: oxmBitmapFields(x.applySetfields) },
    };
    const wildcard = oxmBitmapFields(x.wildcards);
    const match = new Set([...oxmBitmapFields(x.match), ...wildcard]);
    // OFPTC11_TABLE_MISS_*: 0 controller, 1 continue, 2 drop (OVS reads 3 as controller).
    const missConfig = ['controller', 'continue', 'drop', 'controller'][x.config & 3]!;
    return { t, f: { nonmiss: side, miss: side, match, wildcard, mask: new Set() }, stats: e, missConfig };
  }
  // OF1.0: OVS lists only the fields whose wildcard bit is set, as "exact match or wildcard"
  const wild =
    e.wildcards === undefined
      ? new Set<string>()
      : new Set(OF10_WILDCARD_FIELDS.filter(([bit]) => e.wildcards! & bit).map(([, n]) => n));
  return { t, f: { nonmiss: emptyIf(), miss: emptyIf(), match: wild, wildcard: wild, mask: new Set() }, stats: e };
}

/** The body of a table-stats reply (OF1.0, 1.2, 1.3+), with OVS's "ditto" folding of equal tables. */
export function tableStatsText(tables: readonly TableStatsLike[]): string {
  return tablesText(tables.map(tableStatsItem));
}
