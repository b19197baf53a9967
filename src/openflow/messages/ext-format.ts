/**
 * ofp-print text of the extension messages (rank 3: may call the dispatchers and validateMessage,
 * e.g. to print the bytes of a message OVS refuses).
 */
import { formatActions } from '../actions/format.js';
import { formatMatch } from '../match/format.js';
import { formatMatchRaw } from '../match/index.js';
import type { OfVersion } from '../version.js';
import { formatCtFlushBody } from './ct-flush.js';
import { encodeMessage } from './encode.js';
import { OfValidationError } from './errors.js';
import type {
  ExtFlavor,
  ExtMessage,
  ExtMultipartReplyBody,
  ExtMultipartRequestBody,
  FlowMonitorRequestEntry,
  FlowUpdate,
  IpfixStats,
  NxFlowStatsRequest,
  QueueDesc,
  RoleStatus,
  TableDesc,
} from './ext-types.js';
import { isFull, monitorRequestError, NXFMF, OFPFMF14 } from './flow-monitor.js';
import { flowStatsLine, formatFlowModBody } from './flow-text.js';
import { OFPTR } from './status.js';
import { bitNames, head, hexDump, portName, statsCount } from './text-helpers.js';
import type { OfMessage } from './types.js';
import { validateMessage } from './validate.js';

/** The message text formatter (format.ts passes formatMessage in: this file sits below it). */
type Fmt = (m: OfMessage, verbosity?: number) => string;

/** The standard OF1.3 reply an NXST_GROUP / NXST_GROUP_FEATURES reply body is laid out as. */
export function stdGroupReply(b: ExtMultipartReplyBody, version: OfVersion, xid: number): OfMessage | null {
  if (b.kind === 'nxGroup')
    return { type: 'multipartReply', version, xid, flags: 0, body: { kind: 'group', groups: b.groups } };
  if (b.kind === 'nxGroupFeatures')
    return { type: 'multipartReply', version, xid, flags: 0, body: { ...b, kind: 'groupFeatures' } };
  return null;
}

// ---- text ----------------------------------------------------------------------------------------

export function flavorName(flavor: ExtFlavor, base: string, stats = false): string {
  if (flavor === 'nx') return `${stats ? 'NXST' : 'NXT'}_${base}`;
  if (flavor === 'onf') return `${stats ? 'ONFST' : 'ONFT'}_${base}`;
  return `${stats ? 'OFPST' : 'OFPT'}_${base}`;
}

/** Replaces the "NAME (OFx) (xid=…):" prefix of another message's text. */
export function reHead(text: string, name: string, v: number, xid: number): string {
  return head(name, v, xid) + text.slice(text.indexOf('):') + 2);
}

/** 16-bit (OF1.0 / Nicira) and 32-bit port names as ofp-print shows them. */
export const port16 = (p: number) => portName(p, 1);

export const port32 = (p: number) => portName(p, 4);

/** Nicira messages validateMessage may refuse, with the name ofp-print gives them. */
export const NX_REFUSABLE: Partial<Record<ExtMessage['type'], string>> = {
  nxCtFlush: 'NXT_CT_FLUSH',
  nxFlowMod: 'NXT_FLOW_MOD',
  nxPacketIn: 'NXT_PACKET_IN',
  nxFlowRemoved: 'NXT_FLOW_REMOVED',
};

/** ofp-print text of an extension message. */
export function formatExtMessage(m: ExtMessage, verbosity: number, formatMessage: Fmt): string {
  const v = m.version;
  const nxName = NX_REFUSABLE[m.type];
  if (m.type === 'requestForward' || nxName) {
    // Well-formed but refused by OVS's decoder: it prints the error and the bytes.
    try {
      validateMessage(m);
    } catch (e) {
      if (!(e instanceof OfValidationError)) throw e;
      const name = m.type === 'requestForward' ? flavorName(m.flavor, 'REQUESTFORWARD') : nxName!;
      return `${head(name, v, m.xid)} ***decode error: ${e.ofpError}***\n${hexDump(encodeMessage(m), true)}`;
    }
  }
  switch (m.type) {
    case 'flowMonitorCancel':
      return `${head(flavorName(m.flavor, 'FLOW_MONITOR_CANCEL'), v, m.xid)} id=${m.id}\n`;
    case 'flowMonitorPaused':
    case 'flowMonitorResumed':
      return `${head(flavorName(m.flavor, m.type === 'flowMonitorPaused' ? 'FLOW_MONITOR_PAUSED' : 'FLOW_MONITOR_RESUMED'), v, m.xid)}\n`;
    case 'roleStatus':
      return `${head(v >= 5 ? 'OFPT_ROLE_STATUS' : 'ONFT_ROLE_STATUS', v, m.xid)}${formatRoleStatusBody(m)}\n`;
    case 'requestForward': {
      const inner = formatMessage(m.request, verbosity);
      const reason = m.request.type === 'meterMod' ? 'meter_mod' : 'group_mod';
      return `${head(flavorName(m.flavor, 'REQUESTFORWARD'), v, m.xid)} reason=${reason}${inner.slice(inner.indexOf('):') + 2)}`;
    }
    case 'nxGroupMod':
      return reHead(formatMessage({ ...m, type: 'groupMod', version: 6 }, verbosity), 'NXT_GROUP_MOD', v, m.xid);
    case 'nxFlowMod': {
      const fm = { ...m, type: 'flowMod', version: 1 } as const;
      // OVS prints the raw NXM match at verbosity ≥ 3
      if (verbosity >= 3)
        return `${head('NXT_FLOW_MOD', v, m.xid)} ${formatFlowModBody(fm, formatMatchRaw(m.match))}\n`;
      return reHead(formatMessage(fm, verbosity), 'NXT_FLOW_MOD', v, m.xid);
    }
    case 'nxPacketIn':
      return reHead(formatMessage({ ...m, type: 'packetIn', version: 4 }, verbosity), 'NXT_PACKET_IN', v, m.xid);
    case 'nxFlowRemoved': {
      const fr = {
        type: 'flowRemoved' as const,
        version: 4 as const,
        xid: m.xid,
        cookie: m.cookie,
        priority: m.priority,
        reason: m.reason,
        tableId: m.tableId ? m.tableId - 1 : 255,
        idleTimeout: m.idleTimeout,
        hardTimeout: 0,
        match: m.match,
        stats: {
          durationSec: m.durationSec,
          durationNsec: m.durationNsec,
          packetCount: m.packetCount,
          byteCount: m.byteCount,
        },
      };
      let s = reHead(formatMessage(fr, verbosity), 'NXT_FLOW_REMOVED', v, m.xid);
      if (!m.tableId) s = s.replace(' table_id=255', ''); // OVS omits an unknown table
      return s;
    }
    case 'nxCtFlush':
      return `${head('NXT_CT_FLUSH', v, m.xid)} ${formatCtFlushBody(m)}\n`;
    case 'tableStatus': {
      const h = head('OFPT_TABLE_STATUS', v, m.xid);
      // ofputil_decode_table_status refuses other reasons
      if (m.reason !== OFPTR.VACANCY_DOWN && m.reason !== OFPTR.VACANCY_UP)
        return `${h} ***decode error: OFPBPC_BAD_VALUE***\n${hexDump(encodeMessage(m), true)}`;
      const reason = m.reason === OFPTR.VACANCY_DOWN ? 'VACANCY_DOWN' : 'VACANCY_UP';
      return `${h} reason=${reason}\ntable_desc:-${formatTableDesc(m.table)}`;
    }
    case 'controllerStatus':
      return notIn31('OFPBRC_BAD_TYPE', m);
    case 'queueGetConfigRequest':
      return `${head('OFPT_QUEUE_GET_CONFIG_REQUEST', v, m.xid)} port=${v === 1 ? port16(m.portNo) : port32(m.portNo)}\n`;
    case 'queueGetConfigReply': {
      // OVS files every queue under the reply's port (the per-queue port of OF1.2+ is not shown).
      const h = head('OFPT_QUEUE_GET_CONFIG_REPLY', v, m.xid);
      return m.queues.length
        ? `${h} ${formatQueues(
            m.queues.map((q) => ({ ...q, portNo: m.portNo })),
            true,
            v === 1 ? port16 : port32,
          )}`
        : `${h}\n`;
    }
  }
}

export function mpName(v: number, b: { kind: string; flavor?: ExtFlavor }, dir: string): string {
  const base: Record<string, [ExtFlavor, string]> = {
    nxFlow: ['nx', 'FLOW'],
    nxAggregate: ['nx', 'AGGREGATE'],
    ipfixBridge: ['nx', 'IPFIX_BRIDGE'],
    ipfixFlow: ['nx', 'IPFIX_FLOW'],
    queueDesc: ['of', 'QUEUE_DESC'],
    tableDesc: ['of', 'TABLE_DESC'],
    flowMonitor: [b.flavor ?? 'of', 'FLOW_MONITOR'],
    nxGroup: ['nx', 'GROUP'],
    nxGroupDesc: ['nx', 'GROUP_DESC'],
    nxGroupFeatures: ['nx', 'GROUP_FEATURES'],
  };
  const [flavor, name] = base[b.kind]!;
  return `${flavorName(flavor, name, true)} ${dir}`;
}

export function mpMore(flags: number): string {
  return flags & 1 ? ' flags=[more]' : '';
}

export function formatExtMpRequest(v: number, xid: number, flags: number, b: ExtMultipartRequestBody): string {
  if (b.kind === 'controllerStatus' || b.kind === 'bundleFeatures')
    return notIn31('OFPBRC_BAD_STAT', { type: 'multipartRequest', version: v as OfVersion, xid, flags, body: b });
  const name = head(mpName(v, b, 'request'), v, xid);
  if (b.kind === 'flowMonitor') {
    // OVS prints the entries before the one it refuses, then the error and the bytes.
    const err = monitorRequestError(b.monitors, b.flavor);
    if (err) {
      const m = { type: 'multipartRequest' as const, version: v as OfVersion, xid, flags, body: b };
      const before = err.index ? `${formatMonitorRequests(b.monitors.slice(0, err.index), b.flavor)}` : ' ';
      return `${name}${before}***decode error: ${err.ofpError}***\n${hexDump(encodeMessage(m), true)}`;
    }
  }
  const h = name + mpMore(flags);
  switch (b.kind) {
    case 'nxFlow':
    case 'nxAggregate':
      return `${h}${formatNxFlowRequest(b, port16)}\n`;
    case 'flowMonitor':
      return `${h}${formatMonitorRequests(b.monitors, b.flavor)}`;
    case 'queueDesc':
      return `${h} port=${port32(b.portNo)}${b.queueId === 0xffffffff ? '' : ` queue=${b.queueId}`}\n`; // OFPQ_ALL not shown
    case 'ipfixBridge':
    case 'ipfixFlow':
    case 'nxGroupFeatures':
    case 'tableDesc':
      return `${h}\n`;
    case 'nxGroup':
    case 'nxGroupDesc': {
      const id = b.groupId === 0xffffffff ? 'ANY' : b.groupId === 0xfffffffc ? 'ALL' : `${b.groupId}`;
      return `${h} group_id=${id}\n`;
    }
  }
}

export function formatExtMpReply(
  v: number,
  xid: number,
  flags: number,
  b: ExtMultipartReplyBody,
  formatMessage: Fmt,
): string {
  if (b.kind === 'controllerStatus' || b.kind === 'bundleFeatures')
    return notIn31('OFPBRC_BAD_STAT', { type: 'multipartReply', version: v as OfVersion, xid, flags, body: b });
  const h = head(mpName(v, b, 'reply'), v, xid) + mpMore(flags);
  switch (b.kind) {
    case 'tableDesc':
      // OVS's message table wants at least one ofp14_table_desc in a reply
      if (!b.tables.length)
        return notIn31('OFPBRC_BAD_LEN', { type: 'multipartReply', version: v as OfVersion, xid, flags, body: b });
      return `${h}${b.tables.map(formatTableDesc).join('')}`;
    case 'nxFlow':
      return `${h}\n${b.flows
        .map((f) => {
          const idle = f.idleAge ? f.idleAge - 1 : undefined;
          const e = { ...f, stats: idle === undefined ? f.stats : { ...f.stats, idleTimeSec: idle } };
          return `${flowStatsLine(e, f.hardAge ? f.hardAge - 1 : undefined)}\n`;
        })
        .join('')}`;
    case 'nxAggregate':
      return `${h} packet_count=${b.packetCount} byte_count=${b.byteCount} flow_count=${b.flowCount}\n`;
    case 'flowMonitor':
      return `${h}${formatFlowUpdates(b.updates, b.flavor)}`;
    case 'queueDesc':
      return b.queues.length ? `${h} ${formatQueues(b.queues, true)}` : `${h}\n`;
    case 'ipfixBridge':
      return `${h}\n  bridge ipfix: ${formatIpfix(b.stats, 16)}`;
    case 'nxGroupDesc': {
      const text = formatMessage({
        type: 'multipartReply',
        version: 6,
        xid,
        flags: 0,
        body: { kind: 'groupDesc', groups: b.groups },
      });
      return `${h}${text.slice(text.indexOf('):') + 2)}`;
    }
    case 'nxGroup':
    case 'nxGroupFeatures': {
      // OF1.3 layout; features use OF1.0 action numbers, so they print as OF1.0 (no version tag either way)
      const std = stdGroupReply(b, b.kind === 'nxGroup' ? 4 : 1, xid)!;
      const text = formatMessage(std);
      return `${h}${text.slice(text.indexOf('):') + 2)}`;
    }
    case 'ipfixFlow':
      return `${h} ${b.flows.length} ids\n${b.flows.map((s) => `  id ${String(s.collectorSetId).padStart(3)}: ${formatIpfix(s, 10)}`).join('')}`;
  }
}

// ---- text ----------------------------------------------------------------------------------------

export const FLAG_NAMES = ['initial', 'add', 'delete', 'modify', 'actions', 'own'] as const;

/** OF1.4 flags in NXFMF terms, as OVS converts them (no_abbrev has no NX equivalent). */
export function nxFlags(flags: number, flavor: ExtFlavor): number {
  if (flavor !== 'of') return flags;
  let f = flags & 0x1f;
  if (flags & OFPFMF14.ONLY_OWN) f |= NXFMF.OWN;
  return f;
}

export function formatMonitorRequests(list: readonly FlowMonitorRequestEntry[], flavor: ExtFlavor): string {
  let s = '';
  const wide = flavor !== 'nx';
  for (const e of list) {
    if (flavor === 'of' && e.command === 2) {
      s += `\n id=${e.id} command=delete`;
      continue;
    }
    const f = nxFlags(e.flags, flavor);
    const names: string[] = FLAG_NAMES.flatMap((n, i) => (f & (1 << i) ? [n] : []));
    for (let i = FLAG_NAMES.length; i < 16; i++) if (f & (1 << i)) names.push(`0x${(1 << i).toString(16)}`);
    s += `\n id=${e.id} flags=${names.join(',')}`;
    // OVS holds the port in 16 bits (0xffffff00.. maps to 0xff00..) and prints the group as signed.
    const port = wide && e.outPort >= 0xffffff00 ? e.outPort - 0xffff0000 : e.outPort;
    if (port !== 0xffff) s += ` out_port=${portName(port, 1)}`;
    if (flavor === 'of' && e.outGroup && e.outGroup !== 0xffffffff) s += ` out_group=${e.outGroup | 0}`; // neither 0 nor OFPG_ANY shown
    if (e.tableId !== 0xff) s += ` table=${e.tableId}`;
    const mt = formatMatch(e.match);
    if (mt) s += ` ${mt}`;
  }
  return `${s}\n`;
}

export const REMOVED_REASONS = ['idle', 'hard', 'delete', 'group_delete', 'meter_delete', 'eviction'];

export function formatFlowUpdates(list: readonly FlowUpdate[], flavor: ExtFlavor): string {
  let s = '';
  for (const u of list) {
    // Event names as OVS prints them (OF1.4 adds INITIAL, PAUSED, RESUMED).
    const ev =
      flavor === 'of'
        ? ['INITIAL', 'ADDED', 'DELETED', 'MODIFIED', 'ABBREV', 'PAUSED', 'RESUMED'][u.event]
        : ['ADDED', 'DELETED', 'MODIFIED', 'ABBREV'][u.event];
    s += `\n event=${ev ?? u.event}`;
    if ('xid' in u) {
      s += ` xid=0x${u.xid.toString(16)}`;
      continue;
    }
    if (!isFull(u)) continue;
    if (ev === 'DELETED') s += ` reason=${REMOVED_REASONS[u.reason] ?? u.reason}`;
    s += ` table=${u.tableId}`;
    if (u.idleTimeout) s += ` idle_timeout=${u.idleTimeout}`;
    if (u.hardTimeout) s += ` hard_timeout=${u.hardTimeout}`;
    s += ` cookie=${u.cookie ? `0x${u.cookie.toString(16)}` : '0'}`; // C %#x
    // OVS prints the update's match at the default priority: the priority itself is not shown.
    const mt = formatMatch(u.match);
    s += ` ${mt}`;
    if (u.actions.length) s += `${mt ? ' ' : ''}actions=${formatActions(u.actions)}`;
  }
  // Only the very end is chomped: an empty match leaves a space before the next update.
  return `${s.replace(/ +$/, '')}\n`;
}

/** The two counter lines ofp-print shows for one IPFIX stats record (second line indented by `indent`). */
export function formatIpfix(st: IpfixStats, indent: number): string {
  // All-ones counters are "unknown" and shown as "?".
  const s = Object.fromEntries(
    Object.entries(st).map(([k, v]) => [k, typeof v === 'bigint' ? statsCount(v) : `${v}`]),
  ) as Record<keyof IpfixStats, string>;
  return (
    `flows=${s.totalFlows}, current flows=${s.currentFlows}, sampled pkts=${s.packets}, ipv4 ok=${s.ipv4Packets}, ipv6 ok=${s.ipv6Packets}, tx pkts=${s.txPackets}\n` +
    `${' '.repeat(indent)}pkts errs=${s.errorPackets}, ipv4 errs=${s.ipv4ErrorPackets}, ipv6 errs=${s.ipv6ErrorPackets}, tx errs=${s.txErrors}\n`
  );
}

/** `table=…,out_port=…,<match>` of a flow / aggregate request (16-bit ports). */
export function formatNxFlowRequest(b: NxFlowStatsRequest, port: (p: number) => string): string {
  const parts: string[] = [];
  if (b.tableId !== 0xff) parts.push(`table=${b.tableId}`);
  if (b.outPort !== 0xffff) parts.push(`out_port=${port(b.outPort)}`);
  const mt = formatMatch(b.match);
  if (mt) parts.push(mt);
  return parts.length ? ` ${parts.join(' ')}` : '';
}

/**
 * A message OVS 3.1's message table refuses (OF1.5 controller status and bundle features, which it
 * does not know; a reply too short for its type): ofp-print shows only that error and the bytes.
 */
export function notIn31(ofpError: string, m: OfMessage): string {
  return `***decode error: ${ofpError}***\n${hexDump(encodeMessage(m), true)}`;
}

const EVICTION_FLAGS: Readonly<Record<number, string>> = { 0: 'OTHER', 1: 'IMPORTANCE', 2: 'LIFETIME' };

/**
 * One table as ofputil_table_desc_format prints it. OVS keeps the last eviction / vacancy property
 * and ignores unknown ones; without a vacancy property the thresholds read 0.
 */
export function formatTableDesc(t: TableDesc): string {
  let flags: number | undefined;
  let vac = { vacancyDown: 0, vacancyUp: 0, vacancy: 0 };
  for (const p of t.properties) {
    if (p.prop === 'eviction') flags = p.flags;
    else if (p.prop === 'vacancy') vac = p;
  }
  const ef = flags === undefined || flags === 0xffffffff ? '(default)' : bitNames(flags, (i) => EVICTION_FLAGS[i], '|');
  let s = `\n  table ${t.tableId}:\n   eviction=${t.config & 4 ? 'on' : 'off'} eviction_flags=${ef}\n`;
  s += `   vacancy=${t.config & 8 ? 'on' : 'off'}`;
  if (t.config & 8) s += ` vacancy_down=${vac.vacancyDown}% vacancy_up=${vac.vacancyUp}% vacancy=${vac.vacancy}%`;
  return `${s}\n`;
}

export function formatRoleStatusBody(m: RoleStatus): string {
  const role = ['nochange', 'equal', 'primary', 'secondary'][m.role] ?? `${m.role}`;
  const reason = ['primary_request', 'configuration_changed', 'experimenter_data_changed'][m.reason] ?? `${m.reason}`;
  const gen = m.generationId !== 0xffffffffffffffffn ? ` generation_id=${m.generationId}` : '';
  return ` role=${role}${gen} reason=${reason}`;
}

export function rateText(name: string, rate: number): string {
  if (rate <= 1000) return ` ${name}:${Math.floor(rate / 10)}.${rate % 10}%`;
  if (rate < 0xffff) return ` ${name}:(disabled)`;
  return '';
}

/** Queues as ofp-print lists them: sorted by port and queue id; with `perPort`, a `port=N` line per port. */
export function formatQueues(
  queues: readonly QueueDesc[],
  perPort: boolean,
  port: (p: number) => string = port32,
): string {
  const sorted = [...queues].sort((a, b) => a.portNo - b.portNo || a.queueId - b.queueId);
  let s = '';
  let last: number | undefined;
  for (const q of sorted) {
    if (perPort && q.portNo !== last) s += `port=${port(q.portNo)}\n`;
    last = q.portNo;
    // OVS keeps one min and one max rate (the last of each; 0xffff = none) and prints min first.
    let min = 0xffff;
    let max = 0xffff;
    for (const p of q.properties) {
      if (p.prop === 'minRate') min = p.rate;
      else if (p.prop === 'maxRate') max = p.rate;
    }
    s += `queue ${q.queueId}:${rateText('min_rate', min)}${rateText('max_rate', max)}\n`;
  }
  return s;
}
