/**
 * formatMessage: the text `ovs-ofctl ofp-print` prints for a whole message (OVS 3.1 lib/ofp-print.c
 * and the ofp-*.c printers), using the match / action formatters of openflow/match and
 * openflow/actions inside. Messages whose text needs a packet parser (the flow extracted from
 * packet-in / packet-out data) print the header line and the fields OVS prints before that flow.
 */
import { ByteReader } from '../../wire/index.js';
import type { OfVersion } from '../version.js';
import { formatExtMessage, formatExtMpReply } from './ext-format.js';
import { formatMatch } from '../match/index.js';
import { FIELDS, fieldByName } from '../match/fields.js';
import { EXPERIMENTER_ID, OFPBCT, OFPGC, OFPMP, OFPP, OFPP10 } from './constants.js';
import { formatMac } from './props.js';
import { encodeMessage } from './encode.js';
import { decodeMessage } from './decode.js';
import { errorName } from './error-names.js';
import { actionBitsText, tableFeaturesText, tableStatsText } from './table-features.js';
import { OfValidationError } from './errors.js';
import { validateMessage } from './validate.js';
import { formatPacketFlow } from './packet-text.js';
import { isExtMessage, isExtMpKind } from './ext.js';
import { formatExtMpRequest, notIn31 } from './ext-format.js';
import type { ExtMessage, ExtMultipartReplyBody, ExtMultipartRequestBody } from './ext-types.js';
import type {
  Bucket,
  FeaturesReply,
  MeterBand,
  MultipartReplyBody,
  MultipartRequestBody,
  OfMessage,
  Port,
  RawProperty,
  SelectionMethod,
} from './types.js';
import { bitNames, head, hexDump, portName, statsCount } from './text-helpers.js';
import { durText, matchText, actionsText, formatFlowModBody, flowStatsLine } from './flow-text.js';

const TYPE_NAMES: Record<Exclude<OfMessage, ExtMessage>['type'], string> = {
  hello: 'OFPT_HELLO',
  error: 'OFPT_ERROR',
  echoRequest: 'OFPT_ECHO_REQUEST',
  echoReply: 'OFPT_ECHO_REPLY',
  experimenter: 'OFPT_EXPERIMENTER',
  featuresRequest: 'OFPT_FEATURES_REQUEST',
  featuresReply: 'OFPT_FEATURES_REPLY',
  getConfigRequest: 'OFPT_GET_CONFIG_REQUEST',
  getConfigReply: 'OFPT_GET_CONFIG_REPLY',
  setConfig: 'OFPT_SET_CONFIG',
  packetIn: 'OFPT_PACKET_IN',
  flowRemoved: 'OFPT_FLOW_REMOVED',
  portStatus: 'OFPT_PORT_STATUS',
  packetOut: 'OFPT_PACKET_OUT',
  flowMod: 'OFPT_FLOW_MOD',
  groupMod: 'OFPT_GROUP_MOD',
  portMod: 'OFPT_PORT_MOD',
  tableMod: 'OFPT_TABLE_MOD',
  multipartRequest: 'OFPST',
  multipartReply: 'OFPST',
  barrierRequest: 'OFPT_BARRIER_REQUEST',
  barrierReply: 'OFPT_BARRIER_REPLY',
  roleRequest: 'OFPT_ROLE_REQUEST',
  roleReply: 'OFPT_ROLE_REPLY',
  getAsyncRequest: 'OFPT_GET_ASYNC_REQUEST',
  getAsyncReply: 'OFPT_GET_ASYNC_REPLY',
  setAsync: 'OFPT_SET_ASYNC',
  meterMod: 'OFPT_METER_MOD',
  bundleControl: 'OFPT_BUNDLE_CONTROL',
  bundleAdd: 'OFPT_BUNDLE_ADD_MESSAGE',
  nxSetFlowFormat: 'NXT_SET_FLOW_FORMAT',
  nxSetPacketInFormat: 'NXT_SET_PACKET_IN_FORMAT',
  nxSetControllerId: 'NXT_SET_CONTROLLER_ID',
  nxCtFlushZone: 'NXT_CT_FLUSH_ZONE',
  nxRoleRequest: 'NXT_ROLE_REQUEST',
  nxRoleReply: 'NXT_ROLE_REPLY',
  nxSetAsyncConfig: 'NXT_SET_ASYNC_CONFIG',
  nxFlowModTableId: 'NXT_FLOW_MOD_TABLE_ID',
  nxTlvTableMod: 'NXT_TLV_TABLE_MOD',
  nxTlvTableRequest: 'NXT_TLV_TABLE_REQUEST',
  nxTlvTableReply: 'NXT_TLV_TABLE_REPLY',
  nxPacketIn2: 'NXT_PACKET_IN2',
  nxResume: 'NXT_RESUME',
  unknown: 'OFPT_UNKNOWN',
};

const MP_NAMES: Record<number, string> = {
  [OFPMP.DESC]: 'DESC',
  [OFPMP.FLOW_DESC]: 'FLOW',
  [OFPMP.AGGREGATE_STATS]: 'AGGREGATE',
  [OFPMP.TABLE_STATS]: 'TABLE',
  [OFPMP.PORT_STATS]: 'PORT',
  [OFPMP.QUEUE_STATS]: 'QUEUE',
  [OFPMP.GROUP_STATS]: 'GROUP',
  [OFPMP.GROUP_DESC]: 'GROUP_DESC',
  [OFPMP.GROUP_FEATURES]: 'GROUP_FEATURES',
  [OFPMP.METER_STATS]: 'METER',
  [OFPMP.METER_DESC]: 'METER_CONFIG',
  [OFPMP.METER_FEATURES]: 'METER_FEATURES',
  [OFPMP.TABLE_FEATURES]: 'TABLE_FEATURES',
  [OFPMP.PORT_DESC]: 'PORT_DESC',
  [OFPMP.FLOW_STATS]: 'FLOW',
};

const KIND_TO_MP: Record<string, number> = {
  desc: OFPMP.DESC,
  flow: OFPMP.FLOW_DESC,
  flowStats: OFPMP.FLOW_STATS,
  aggregate: OFPMP.AGGREGATE_STATS,
  table: OFPMP.TABLE_STATS,
  portStats: OFPMP.PORT_STATS,
  queue: OFPMP.QUEUE_STATS,
  group: OFPMP.GROUP_STATS,
  groupDesc: OFPMP.GROUP_DESC,
  groupFeatures: OFPMP.GROUP_FEATURES,
  meter: OFPMP.METER_STATS,
  meterConfig: OFPMP.METER_DESC,
  meterFeatures: OFPMP.METER_FEATURES,
  tableFeatures: OFPMP.TABLE_FEATURES,
  portDesc: OFPMP.PORT_DESC,
};

const hex = (n: number | bigint) => `0x${n.toString(16)}`;
/** What OVS reads an absent OF1.5 OXS counter as. */
const U32_MAX = 0xffffffff;
const U64_MAX = 0xffffffffffffffffn;
/** C's %#x: no 0x prefix for zero. */
const altHex = (n: number) => (n ? hex(n) : '0');

/**
 * The text `ovs-ofctl ofp-print` prints for a message (without the trailing newline handling of
 * the hex input: the result ends with "\n" like ofp-print's output).
 *
 * @example
 * formatMessage(decodeMessage(fromHex('0414000800000001'))) // 'OFPT_BARRIER_REQUEST (OF1.3) (xid=0x1):\n'
 * @param verbosity like ofp-print's: 1 (default) prints payload hex dumps, 0 leaves them out.
 */
export function formatMessage(m: OfMessage, verbosity = 1): string {
  if (isExtMessage(m)) return formatExtMessage(m, verbosity, formatMessage);
  // extension multipart kinds print their own decode errors (with their NXST_/ONFST_ names)
  if (m.type === 'multipartRequest' && isExtMpKind(m.body.kind))
    return formatExtMpRequest(m.version, m.xid, m.flags, m.body as ExtMultipartRequestBody);
  if (m.type === 'multipartReply' && isExtMpKind(m.body.kind))
    return formatExtMpReply(m.version, m.xid, m.flags, m.body as ExtMultipartReplyBody, formatMessage);
  // Messages OVS's message table refuses before decoding (lib/ofp-msgs.c ofphdrs_decode /
  // ofpraw_from_ofphdrs): only the error and the bytes are printed.
  const refused = tableRefusal(m);
  if (refused) return notIn31(refused, m);
  // A well-formed message OVS refuses after decoding: it prints the OpenFlow error and the bytes.
  try {
    validateMessage(m, false);
  } catch (e) {
    if (!(e instanceof OfValidationError)) throw e;
    return `${head(TYPE_NAMES[m.type], m.version, m.xid)} ***decode error: ${e.ofpError}***\n${hexDump(encodeMessage(m), true)}`;
  }
  switch (m.type) {
    case 'hello': {
      let s = `${head('OFPT_HELLO', m.version, m.xid)}\n`;
      const bm = m.elements.find((e) => e.type === 'versionBitmap');
      const versions =
        bm && bm.type === 'versionBitmap'
          ? bm.versions
          : Array.from({ length: Math.min(m.version, 31) }, (_, i) => i + 1);
      s += ` version bitmap: ${versions
        .filter((v) => v > 0 && v < 32)
        .map((v) => `0x${v.toString(16).padStart(2, '0')}`)
        .join(', ')}\n`;
      if (m.trailing || m.elements.some((e) => e.type === 'unknown'))
        s += ` unknown data in hello:\n${hexDump(encodeMessage(m), true)}`;
      return s;
    }
    case 'echoRequest':
    case 'echoReply':
      return `${head(TYPE_NAMES[m.type], m.version, m.xid)} ${m.data.length} bytes of payload\n${verbosity > 0 ? hexDump(m.data, true) : ''}`;
    case 'featuresRequest':
    case 'getConfigRequest':
    case 'barrierRequest':
    case 'barrierReply':
    case 'getAsyncRequest':
    case 'nxTlvTableRequest':
      return `${head(TYPE_NAMES[m.type], m.version, m.xid)}\n`;
    case 'featuresReply':
      return formatFeatures(m);
    case 'getConfigReply':
    case 'setConfig': {
      const frag = ['normal', 'drop', 'reassemble', 'nx-match'][m.flags & 3]!;
      const rest = m.flags & ~3 ? ` ***unknown flags 0x${(m.flags & ~3).toString(16).padStart(4, '0')}***` : '';
      return `${head(TYPE_NAMES[m.type], m.version, m.xid)} frags=${frag}${rest} miss_send_len=${m.missSendLen}\n`;
    }
    case 'portStatus': {
      const reason = ['ADD', 'DEL', 'MOD'][m.reason] ?? `${m.reason}`;
      return `${head('OFPT_PORT_STATUS', m.version, m.xid)} ${reason}:${formatPort(m.port, m.version)}`;
    }
    case 'portMod': {
      let s = `${head('OFPT_PORT_MOD', m.version, m.xid)} port: ${portName(m.portNo, m.version)}: addr:${formatMac(m.hwAddr)}\n`;
      // OVS keeps only the config bits the mask selects (lib/ofp-port.c)
      s += `     config: ${bits(m.config & m.mask, configNames(m.version))}\n`;
      s += `     mask:   ${bits(m.mask, configNames(m.version))}\n`;
      s += `     advertise: ${m.advertise ? featureBits(m.advertise, m.version) : 'UNCHANGED'}\n`;
      return s;
    }
    case 'tableMod': {
      let s = `${head('OFPT_TABLE_MOD', m.version, m.xid)} ${m.tableId === 0xff ? 'table_id: ALL_TABLES' : `table_id=${m.tableId}`}`;
      // OF1.1 / OF1.2 OFPTC11_TABLE_MISS_* (OpenFlow 1.2 §A.3.3); OVS reads 3 as controller.
      if (m.version === 2 || m.version === 3)
        s += `, flow_miss_config=${['controller', 'continue', 'drop', 'controller'][m.config & 3]}`;
      if (m.version >= 5) {
        const t = tableMod14Text(m.config, m.properties ?? []);
        if (t.error)
          return `${head('OFPT_TABLE_MOD', m.version, m.xid)} ***decode error: ${t.error}***\n${hexDump(encodeMessage(m), true)}`;
        s += t.text;
      }
      return `${s}\n`;
    }
    case 'roleRequest':
    case 'roleReply': {
      const role = ['nochange', 'equal', 'primary', 'secondary'][m.role] ?? `${m.role}`;
      // OVS: the generation id is absent when all-ones, and a "nochange" request carries none.
      const hasGen = m.generationId !== 0xffffffffffffffffn && !(m.type === 'roleRequest' && m.role === 0);
      const gen = hasGen ? ` generation_id=${m.generationId}` : '';
      return `${head(TYPE_NAMES[m.type], m.version, m.xid)} role=${role}${gen}\n`;
    }
    case 'bundleControl': {
      const t = Object.entries(OFPBCT).find(([, v]) => v === m.ctrlType)?.[0] ?? `${m.ctrlType}`;
      const flags = [m.flags & 1 ? 'atomic' : '', m.flags & 2 ? 'ordered' : ''].filter(Boolean).join(' ');
      return `${head('OFPT_BUNDLE_CONTROL', m.version, m.xid)}\n bundle_id=${altHex(m.bundleId)} type=${t} flags=${flags || '0'}\n`;
    }
    case 'bundleAdd': {
      const flags = [m.flags & 1 ? 'atomic' : '', m.flags & 2 ? 'ordered' : ''].filter(Boolean).join(' ');
      return `${head('OFPT_BUNDLE_ADD_MESSAGE', m.version, m.xid)}\n bundle_id=${altHex(m.bundleId)}${flags ? ` flags=${flags}` : ''}\n${formatMessage(m.message)}`;
    }
    case 'nxSetFlowFormat':
      return `${nxHead('NXT_SET_FLOW_FORMAT', m.version, m.xid)} format=${['openflow10', 'openflow10+table_id', 'nxm'][m.format] ?? m.format}\n`;
    case 'nxSetPacketInFormat':
      return `${nxHead('NXT_SET_PACKET_IN_FORMAT', m.version, m.xid)} format=${['standard', 'nxt_packet_in', 'nxt_packet_in2'][m.format] ?? m.format}\n`;
    case 'nxSetControllerId':
      return `${nxHead('NXT_SET_CONTROLLER_ID', m.version, m.xid)} id=${m.controllerId}\n`;
    case 'nxRoleRequest':
    case 'nxRoleReply':
      return `${nxHead(TYPE_NAMES[m.type], m.version, m.xid)} role=${['equal', 'primary', 'secondary'][m.role] ?? m.role}\n`;
    case 'nxSetAsyncConfig':
      return `${nxHead('NXT_SET_ASYNC_CONFIG', m.version, m.xid)}\n${asyncText({ ...m, type: 'setAsync' })}`;
    case 'nxFlowModTableId':
      return `${nxHead('NXT_FLOW_MOD_TABLE_ID', m.version, m.xid)} ${m.enable ? 'enable' : 'disable'}\n`;
    case 'nxCtFlushZone':
      return `${nxHead('NXT_CT_FLUSH_ZONE', m.version, m.xid)} zone_id=${m.zoneId}\n`;
    case 'nxTlvTableMod': {
      const cmd = ['ADD', 'DEL', 'CLEAR'][m.command] ?? `${m.command}`;
      // CLEAR carries no mappings worth printing (OVS ignores them).
      if (m.command === 2) return `${nxHead('NXT_TLV_TABLE_MOD', m.version, m.xid)}\n ${cmd}\n`;
      return `${nxHead('NXT_TLV_TABLE_MOD', m.version, m.xid)}\n ${cmd}${tlvTable(m.mappings)}`;
    }
    case 'nxTlvTableReply': {
      let s = `${nxHead('NXT_TLV_TABLE_REPLY', m.version, m.xid)}\n max option space=${m.maxOptionSpace} max fields=${m.maxFields}\n`;
      s += ` allocated option space=${m.mappings.reduce((a, t) => a + t.optLen, 0)}\n\n`;
      return s + tlvTable(m.mappings).replace(/^ /, ' ');
    }
    case 'flowMod':
      return `${head('OFPT_FLOW_MOD', m.version, m.xid)} ${formatFlowModBody(m)}\n`;
    case 'flowRemoved': {
      const reason = ['idle', 'hard', 'delete', 'group_delete', 'meter_delete', 'eviction'][m.reason] ?? `${m.reason}`;
      const match = matchText(m.match, m.priority);
      let s = `${head('OFPT_FLOW_REMOVED', m.version, m.xid)} ${match} reason=${reason}`;
      if (m.version > 1) s += ` table_id=${m.tableId}`;
      if (m.cookie) s += ` cookie:${hex(m.cookie)}`;
      // An OF1.5 OXS counter the message leaves out reads as all-ones (ox-stat.c oxs_pull_stat).
      s += ` duration${durText(m.stats.durationSec ?? U32_MAX, m.stats.durationNsec ?? U32_MAX)}`;
      s += ` idle${m.idleTimeout}`;
      if (m.hardTimeout) s += ` hard${m.hardTimeout}`;
      s += ` pkts${m.stats.packetCount ?? U64_MAX} bytes${m.stats.byteCount ?? U64_MAX}`;
      return `${s}\n`;
    }
    case 'getAsyncReply':
    case 'setAsync':
      return `${head(TYPE_NAMES[m.type], m.version, m.xid)}\n${asyncText(m)}`;
    case 'meterMod': {
      const cmd = ['ADD', 'MOD', 'DEL'][m.command] ?? `cmd:${m.command}`;
      // OVS ignores flags and bands of a delete (ofputil_decode_meter_mod) and prints none.
      if (m.command === 2)
        return `${head('OFPT_METER_MOD', m.version, m.xid)} DEL meter=${meterId(m.meterId)} bands=\n`;
      return `${head('OFPT_METER_MOD', m.version, m.xid)} ${cmd} meter=${meterId(m.meterId)}${meterFlags(m.flags)} bands=\n${m.bands.map((b) => bandText(b, m.flags)).join('')}`;
    }
    case 'groupMod': {
      const cmd = ['ADD', 'MOD', 'DEL', 'INSERT_BUCKET', '', 'REMOVE_BUCKET'][m.command] ?? `${m.command}`;
      let s = `${head('OFPT_GROUP_MOD', m.version, m.xid)}\n ${cmd}`;
      if (m.command === OFPGC.INSERT_BUCKET || m.command === OFPGC.REMOVE_BUCKET) {
        s += ` command_bucket_id:${bucketIdName(m.commandBucketId ?? 0)},`;
      } else s += ' ';
      s += `group_id=${m.groupId}`;
      if (m.command !== OFPGC.INSERT_BUCKET && m.command !== OFPGC.REMOVE_BUCKET)
        s += `,type=${groupType(m.groupType)}`;
      s += selectionText(m.selectionMethod);
      s += bucketsText(m.buckets, m.version, m.groupType);
      return `${s}\n`;
    }
    case 'multipartRequest':
      return formatMpRequest(m.version, m.xid, m.flags, m.body);
    case 'multipartReply':
      return formatMpReply(m.version, m.xid, m.flags, m.body);
    case 'error':
      return formatError(m);
    case 'packetOut': {
      // unknown TLVs in the OF1.5 match are ones OVS's loose reading skipped: it does not print them
      const inPort =
        m.version >= 6 && m.match
          ? formatMatch(m.match.filter((f) => f.field !== 'unknown'))
          : `in_port=${portName(m.inPort, m.version)}`;
      const s = `${head('OFPT_PACKET_OUT', m.version, m.xid)} ${inPort} actions=${actionsText(m.actions)}`;
      if (m.bufferId !== 0xffffffff) return `${s} buffer=0x${m.bufferId.toString(16).padStart(8, '0')}\n`;
      return `${s} data_len=${m.data.length}\n${m.data.length ? packetText(m.data, verbosity) : ''}`;
    }
    case 'nxPacketIn2':
    case 'nxResume': {
      let s = nxHead(TYPE_NAMES[m.type], m.version, m.xid);
      if (m.tableId) s += ` table_id=${m.tableId}`;
      if (m.cookie !== undefined && m.cookie !== 0xffffffffffffffffn) s += ` cookie=${hex(m.cookie)}`;
      const data = m.packet ?? new Uint8Array(0);
      s += ` total_len=${m.fullLen ?? data.length}`;
      const md = m.metadata && m.metadata.length ? formatMatch(m.metadata) : '';
      if (md) s += ` ${md}`;
      s += ` (via ${['no_match', 'action', 'invalid_ttl', 'action_set', 'group', 'packet_out'][m.reason ?? 0] ?? m.reason})`;
      s += ` data_len=${data.length}`;
      const unbuffered = m.bufferId === undefined || m.bufferId === 0xffffffff;
      s += unbuffered ? ' (unbuffered)' : ` buffer=0x${m.bufferId!.toString(16).padStart(8, '0')}`;
      if (unbuffered && m.fullLen !== undefined && m.fullLen !== data.length) s += ' (***total_len != data_len***)';
      s += '\n';
      if (m.userdata) s += ` userdata=${[...m.userdata].map((b) => b.toString(16).padStart(2, '0')).join('.')}\n`;
      return s + packetText(data, verbosity);
    }
    case 'packetIn': {
      let s = `${head('OFPT_PACKET_IN', m.version, m.xid)}`;
      if (m.tableId) s += ` table_id=${m.tableId}`;
      // OVS shows the cookie unless it is all-ones (its "no cookie"); OF1.0 has none.
      if (m.version >= 4 && m.cookie !== 0xffffffffffffffffn) s += ` cookie=${hex(m.cookie)}`;
      s += ` total_len=${m.totalLen}`;
      const mt = m.version <= 2 ? `in_port=${portName(m.inPort ?? 0, m.version)}` : formatMatch(m.match);
      s += ` ${mt} (via ${['no_match', 'action', 'invalid_ttl', 'action_set', 'group', 'packet_out'][m.reason] ?? m.reason})`;
      s += ` data_len=${m.data.length}`;
      s += m.bufferId === 0xffffffff ? ' (unbuffered)' : ` buffer=0x${m.bufferId.toString(16).padStart(8, '0')}`;
      if (m.bufferId === 0xffffffff && m.totalLen !== m.data.length) s += ' (***total_len != data_len***)';
      return `${s}\n${packetText(m.data, verbosity)}`;
    }
    default:
      return `${head(TYPE_NAMES[m.type], m.version, m.xid)}\n`;
  }
}

/**
 * The OF1.4+ table-mod settings as ofputil_decode_table_mod / ofputil_table_mod_format give them:
 * eviction and vacancy from the config bits, then an eviction property's value read into the eviction
 * setting itself (0 default, not shown; 1 on; 2 off; else "***error***"), a vacancy property checked
 * (down ≤ up ≤ 100, current vacancy 0) and shown as " vacancy:down,up" when vacancy is on; any other
 * property type is refused (OFPBRC_BAD_TYPE).
 */
function tableMod14Text(config: number, props: readonly RawProperty[]): { text: string; error?: string } {
  let eviction = config & 4 ? 1 : 2;
  let down = 0;
  let up = 0;
  for (const p of props) {
    if (p.propType === 2) {
      if (p.data.length !== 4) return { text: '', error: 'OFPBPC_BAD_LEN' };
      eviction = new ByteReader(p.data).u32();
    } else if (p.propType === 3) {
      if (p.data.length !== 4) return { text: '', error: 'OFPBPC_BAD_LEN' };
      [down, up] = [p.data[0]!, p.data[1]!];
      if (down > up || up > 100 || p.data[2]) return { text: '', error: 'OFPBPC_BAD_VALUE' };
    } else return { text: '', error: 'OFPBRC_BAD_TYPE' };
  }
  let text = '';
  if (eviction !== 0) text += `, eviction=${eviction === 1 ? 'on' : eviction === 2 ? 'off' : '***error***'}`;
  text += `, vacancy=${config & 8 ? `on vacancy:${down},${up}` : 'off'}`;
  return { text };
}

/**
 * The Nicira / ONF message subtypes OVS 3.1's message table has, by version
 * (include/openvswitch/ofp-msgs.h "NXT 1.0+ (N)" / "ONFT 1.3 (N)" entries).
 */
function ovsKnowsSubtype(experimenter: number, sub: number, v: number): boolean {
  if (experimenter === EXPERIMENTER_ID.ONF) return v === 4 && [1870, 1871, 1872, 1911, 2300, 2301, 2350].includes(sub);
  if ([10, 11, 13, 14, 15, 16, 17, 18, 19, 20, 24, 25, 26, 28, 29, 30, 32].includes(sub)) return true;
  if (sub === 12 || sub === 31) return v === 1;
  if (sub === 132 || sub === 21 || sub === 22 || sub === 23) return v <= 3;
  if (sub === 27) return v <= 4;
  return false;
}

/** The NXST / ONFST statistics subtypes OVS 3.1 has, by version ("NXST 1.0 (N)" entries of ofp-msgs.h). */
function ovsKnowsStatSubtype(experimenter: number, sub: number, v: number): boolean {
  if (experimenter === EXPERIMENTER_ID.ONF) return v === 4 && sub === 1870;
  if (sub === 3 || sub === 4) return true;
  if (sub === 0 || sub === 1 || sub === 7 || sub === 8) return v === 1;
  if (sub === 9) return v <= 2;
  if (sub === 2) return v <= 3;
  return false;
}

/** Experimenter ids OVS's message table knows (NX_VENDOR_ID, ONF_VENDOR_ID). */
const KNOWN_VENDORS: ReadonlySet<number> = new Set([EXPERIMENTER_ID.NX, EXPERIMENTER_ID.ONF]);

/**
 * The error OVS's message-table lookup gives for a message this library keeps raw: an experimenter
 * id it does not know (OFPBRC_BAD_VENDOR), a message type (OFPBRC_BAD_TYPE) or multipart type
 * (OFPBRC_BAD_STAT) it has no entry for — OF1.5 OFPMP_FLOW_STATS among them.
 */
function tableRefusal(m: OfMessage): string | undefined {
  if (m.type === 'experimenter' && !KNOWN_VENDORS.has(m.experimenter)) return 'OFPBRC_BAD_VENDOR';
  if (m.type === 'experimenter' && !ovsKnowsSubtype(m.experimenter, m.expType ?? -1, m.version))
    return 'OFPBRC_BAD_SUBTYPE';
  if (m.type === 'unknown') return 'OFPBRC_BAD_TYPE';
  if (m.type === 'multipartRequest' || m.type === 'multipartReply') {
    const b = m.body;
    if (
      b.kind === 'experimenter' &&
      !(m.version === 1 ? b.experimenter === EXPERIMENTER_ID.NX : KNOWN_VENDORS.has(b.experimenter))
    )
      return 'OFPBRC_BAD_VENDOR';
    if (b.kind === 'experimenter' && !ovsKnowsStatSubtype(b.experimenter, b.expType, m.version))
      return 'OFPBRC_BAD_SUBTYPE';
    if (b.kind === 'unknown' || b.kind === 'flowStats') return 'OFPBRC_BAD_STAT';
  }
  return undefined;
}

/** The tun_metadata mapping table as ovs-ofctl prints it (right-aligned columns). */
function tlvTable(maps: readonly { optClass: number; optType: number; optLen: number; index: number }[]): string {
  let s = ' mapping table:\n  class  type  length  match field\n ------  ----  ------  --------------\n';
  for (const t of maps) {
    s += ` ${altHex(t.optClass).padStart(6)}  ${altHex(t.optType).padStart(4)}  ${String(t.optLen).padStart(6)}  tun_metadata${t.index}\n`;
  }
  return s;
}

/** The packet's flow line (and, at verbosity ≥ 3, a hex dump), as ofp-print appends to packet-in/out. */
function packetText(data: Uint8Array, verbosity: number): string {
  // OVS extracts no field from a frame shorter than an Ethernet header: it prints the all-zero flow
  const flow = formatPacketFlow(data.length < 14 ? new Uint8Array(14) : data);
  let s = flow ? `${flow}\n` : '';
  if (verbosity >= 3) s += hexDump(data, false);
  return s;
}

function versionTag(v: number): string {
  return v === 1 ? '' : ` (OF1.${v - 1})`;
}

function nxHead(name: string, version: number, xid: number): string {
  return `${name}${versionTag(version)} (xid=${hex(xid)}):`;
}

function bits(v: number, names: readonly string[]): string {
  if (!v) return '0';
  const out: string[] = [];
  for (let i = 0; i < 32; i++) if (v & (1 << i)) out.push(names[i] ?? `0x${((1 << i) >>> 0).toString(16)}`);
  return out.join(' ');
}

/** Intel's experimenter id for the OF1.4 port-stats properties (openflow-common.h INTEL_VENDOR_ID). */
const INTEL_VENDOR_ID = 0x0000aa01;
const RFC2819_RX = ['1_to_64', '65_to_127', '128_to_255', '256_to_511', '512_to_1023', '1024_to_1522', '1523_to_max'];

/**
 * The Intel port-stats experimenter properties (intel-ext.h) as ofputil_format_port_stats prints them:
 * RFC 2819 counters (all-ones ones left out) and the CUSTOM counters, three to a row. OVS keeps the
 * last property of each kind.
 */
function intelPortStatsText(props: readonly RawProperty[]): string {
  let rfc: bigint[] | undefined;
  let custom: { name: string; value: bigint }[] | undefined;
  for (const p of props) {
    if (p.propType !== 0xffff || p.data.length < 8) continue;
    const r = new ByteReader(p.data);
    if (r.u32() !== INTEL_VENDOR_ID) continue;
    const expType = r.u32();
    if (expType === 1 && p.data.length === 180) {
      r.skip(4);
      rfc = Array.from({ length: 21 }, () => r.u64());
    } else if (expType === 2 && p.data.length >= 12) {
      r.skip(2);
      const n = r.u16();
      const list: { name: string; value: bigint }[] = [];
      for (let i = 0; i < n; i++) {
        if (r.remaining < 1) return ''; // OFPBPC_BAD_LEN: OVS refuses the entry
        const len = r.u8();
        if (r.remaining < len + 8) return '';
        const name = Buffer.from(r.bytes(len)).toString('latin1').slice(0, 63).replace(/\0.*$/s, '');
        list.push({ name, value: r.u64() });
      }
      custom = list;
    }
  }
  let s = '';
  if (rfc) {
    const cond = (names: readonly string[], vals: readonly bigint[]) =>
      names.map((n, i) => (vals[i] !== U64_MAX ? `${n}=${vals[i]}, ` : '')).join('');
    // layout: rx 7 sizes, tx 7 sizes, tx multicast, rx broadcast, tx broadcast, rx undersized, oversize, fragmented, jabber
    const rx = cond(
      [
        ...RFC2819_RX.map((x) => `${x}_packets`),
        'broadcast_packets',
        'undersized_errors',
        'oversize_errors',
        'rx_fragmented_errors',
        'rx_jabber_errors',
      ],
      [...rfc.slice(0, 7), rfc[15]!, rfc[17]!, rfc[18]!, rfc[19]!, rfc[20]!],
    );
    const tx = cond(
      [...RFC2819_RX.map((x) => `${x}_packets`), 'multicast_packets', 'broadcast_packets'],
      [...rfc.slice(7, 14), rfc[14]!, rfc[16]!],
    );
    if (rx) s += `           rx rfc2819 ${rx}\n`;
    if (tx) s += `           tx rfc2819 ${tx}\n`;
  }
  if (custom?.length) {
    s += '           CUSTOM Statistics';
    custom.forEach((c, i) => {
      if (!c.name) return;
      s += i % 3 === 0 ? `\n${' '.repeat(22)}` : ' ';
      s += `${c.name}=${c.value},`;
    });
    s += '\n';
  }
  return s;
}

/** OFPMBT_* bits (1 << type) as ofp_print_bit_names shows them. */
function bandTypeBits(v: number): string {
  return bitNames(v, (i) => (i === 1 ? 'drop' : i === 2 ? 'dscp_remark' : undefined), ' ');
}

function configNames(v: number): string[] {
  return v === 1
    ? ['PORT_DOWN', 'NO_STP', 'NO_RECV', 'NO_RECV_STP', 'NO_FLOOD', 'NO_FWD', 'NO_PACKET_IN']
    : ['PORT_DOWN', '', 'NO_RECV', '', '', 'NO_FWD', 'NO_PACKET_IN'];
}

const FEATURES11 = [
  '10MB-HD',
  '10MB-FD',
  '100MB-HD',
  '100MB-FD',
  '1GB-HD',
  '1GB-FD',
  '10GB-FD',
  '40GB-FD',
  '100GB-FD',
  '1TB-FD',
  'OTHER',
  'COPPER',
  'FIBER',
  'AUTO_NEG',
  'AUTO_PAUSE',
  'AUTO_PAUSE_ASYM',
];
const SPEEDS11 = [10, 10, 100, 100, 1000, 1000, 10000, 40000, 100000, 1000000];

/** OF1.0 feature bits mapped to the OF1.1 layout (OpenFlow 1.0.0 §5.2.1 vs 1.1 §A.2.1). */
function features11(v: number, version: number): number {
  if (version !== 1) return v;
  return (v & 0x7f) | ((v & 0xf80) << 4);
}

function featureBits(v: number, version: number): string {
  const f = features11(v, version);
  const out: string[] = [];
  for (let i = 0; i < 16; i++) if (f & (1 << i)) out.push(FEATURES11[i]!);
  return out.join(' ');
}

function speedOf(features: number, version: number): number {
  const f = features11(features, version);
  let best = 0;
  for (let i = 0; i < SPEEDS11.length; i++) if (f & (1 << i)) best = Math.max(best, SPEEDS11[i]!);
  return best;
}

function formatPort(p: Port, version: number): string {
  // OVS cuts the name at its first non-printable character (lib/ofp-port.c).
  const name = /^[\x20-\x7e]*/.exec(p.name)![0];
  let s = ` ${portName(p.portNo, version)}(${name}): addr:${formatMac(p.hwAddr)}\n`;
  s += `     config:     ${bits(p.config, configNames(version))}\n`;
  const state = version === 1 ? p.state & 1 : p.state;
  s += `     state:      ${bits(state, ['LINK_DOWN', 'BLOCKED', 'LIVE'])}\n`;
  if (p.curr) s += `     current:    ${featureBits(p.curr, version)}\n`;
  if (p.advertised) s += `     advertised: ${featureBits(p.advertised, version)}\n`;
  if (p.supported) s += `     supported:  ${featureBits(p.supported, version)}\n`;
  if (p.peer) s += `     peer:       ${featureBits(p.peer, version)}\n`;
  const now = version === 1 ? speedOf(p.curr, version) : Math.floor(p.currSpeed / 1000);
  const max = version === 1 ? speedOf(p.supported, version) : Math.floor(p.maxSpeed / 1000);
  s += `     speed: ${now} Mbps now, ${max} Mbps max\n`;
  return s;
}

function formatFeatures(m: FeaturesReply): string {
  let s = `${head('OFPT_FEATURES_REPLY', m.version, m.xid)} dpid:${m.datapathId.toString(16).padStart(16, '0')}\n`;
  s += `n_tables:${m.nTables}, n_buffers:${m.nBuffers}${m.auxiliaryId ? `, auxiliary_id:${m.auxiliaryId}` : ''}\n`;
  const capNames =
    m.version === 1
      ? ['FLOW_STATS', 'TABLE_STATS', 'PORT_STATS', 'STP', 'RESERVED', 'IP_REASM', 'QUEUE_STATS', 'ARP_MATCH_IP']
      : m.version === 2 // OpenFlow 1.1 §A.3.1: bit 7 is ARP_MATCH_IP, PORT_BLOCKED comes with 1.2
        ? ['FLOW_STATS', 'TABLE_STATS', 'PORT_STATS', 'GROUP_STATS', '', 'IP_REASM', 'QUEUE_STATS', 'ARP_MATCH_IP']
        : [
            'FLOW_STATS',
            'TABLE_STATS',
            'PORT_STATS',
            'GROUP_STATS',
            '',
            'IP_REASM',
            'QUEUE_STATS',
            '',
            'PORT_BLOCKED',
            'BUNDLES',
            'FLOW_MONITORING',
          ];
  // BUNDLES and FLOW_MONITORING exist from OF1.4 on; OVS ignores those bits before.
  const known = m.version >= 5 ? capNames.length : 9;
  const caps = capNames.slice(0, known).flatMap((n, i) => (m.capabilities & (1 << i) && n ? [n] : []));
  s += `capabilities: ${caps.length ? caps.join(' ') : '0'}\n`;
  if (m.version === 1) {
    const an = [
      'output',
      'set_vlan_vid',
      'set_vlan_pcp',
      'strip_vlan',
      'mod_dl_src',
      'mod_dl_dst',
      'mod_nw_src',
      'mod_nw_dst',
      'mod_nw_tos',
      'mod_tp_src',
      'mod_tp_dst',
      'enqueue',
    ];
    const order = [0, 11, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    s += `actions: ${order
      .filter((i) => m.reserved & (1 << i))
      .map((i) => an[i])
      .join(' ')}\n`;
  }
  const ports = [...m.ports].sort((a, b) => a.portNo - b.portNo);
  for (const p of ports) s += formatPort(p, m.version);
  return s;
}

function meterId(id: number): string {
  if (id === 0xffffffff) return 'all';
  if (id === 0xfffffffe) return 'controller';
  if (id === 0xfffffffd) return 'slowpath';
  return `${id}`;
}

function meterFlags(f: number): string {
  let s = '';
  if (f & 1) s += ' kbps';
  if (f & 2) s += ' pktps';
  if (f & 4) s += ' burst';
  if (f & 8) s += ' stats';
  if (f & 0x7ff0) s += ` flags:0x${(f & 0x7ff0).toString(16)}`; // OVS shows other bits but 0x8000 raw
  return s;
}

function bandText(b: MeterBand, flags: number): string {
  const t =
    b.bandType === 1
      ? 'drop'
      : b.bandType === 2
        ? 'dscp_remark'
        : b.bandType === 0xffff
          ? 'experimenter'
          : `${b.bandType}`;
  let s = `type=${t} rate=${b.rate}`;
  if (flags & 4) s += ` burst_size=${b.burstSize}`; // printed only for OFPMF_BURST meters
  if (b.bandType === 2) s += ` prec_level=${b.precLevel ?? 0}`;
  return `${s}\n`;
}

function groupType(t: number): string {
  return ['all', 'select', 'indirect', 'ff'][t] ?? 'unknown';
}

/** `,selection_method=hash,selection_method_param=7,fields(ip_dst=255.255.255.0,nw_proto)` as OVS prints it. */
function selectionText(sm: SelectionMethod | undefined): string {
  if (!sm) return '';
  let s = `,selection_method=${sm.method}`;
  if (sm.param) s += `,selection_method_param=${sm.param}`;
  if (sm.fields.length) {
    // OVS keeps these as a field bitmap and prints them in its field order (the field table's order).
    const order = (name: string) => {
      const d = fieldByName(name);
      return d ? FIELDS.indexOf(d) : 1e9;
    };
    const sorted = [...sm.fields].sort((a, b) => order(a.field) - order(b.field));
    const parts = sorted.map((f) => {
      if (f.value.every((b) => b === 0xff)) return f.field;
      const text = formatMatch([f]);
      return `${f.field}=${text.slice(text.indexOf('=') + 1)}`;
    });
    // one field prints as fields=F, several as fields(F,G)
    s += parts.length === 1 ? `,fields=${parts[0]}` : `,fields(${parts.join(',')})`;
  }
  return s;
}

function bucketIdName(id: number): string {
  if (id === 0xffffffff) return 'all';
  if (id === 0xfffffffd) return 'first';
  if (id === 0xfffffffe) return 'last';
  return `${id}`;
}

function bucketsText(buckets: readonly Bucket[], version: number, type: number): string {
  let s = '';
  // OVS's default weight (an OF1.5 bucket without the property) is 1 in a select group, else 0; it
  // prints the weight only when it differs from that default (lib/ofp-group.c ofp_print_group).
  const dflt = type === 1 ? 1 : 0;
  for (const b of buckets) {
    const parts: string[] = [];
    if (version >= 6 && b.bucketId !== undefined) parts.push(`bucket_id:${b.bucketId}`);
    if ((b.weight ?? dflt) !== dflt) parts.push(`weight:${b.weight ?? dflt}`);
    if (b.watchPort !== undefined && b.watchPort !== OFPP.ANY)
      parts.push(`watch_port:${portName(b.watchPort, version)}`);
    if (b.watchGroup !== undefined && b.watchGroup !== 0xffffffff) parts.push(`watch_group:${b.watchGroup}`);
    parts.push(`actions=${actionsText(b.actions)}`);
    s += `,bucket=${parts.join(',')}`;
  }
  return s;
}

function mpHead(dir: 'request' | 'reply', version: number, xid: number, kind: string, mpType?: number): string {
  const t = mpType ?? KIND_TO_MP[kind];
  const name = t !== undefined ? MP_NAMES[t] : undefined;
  return `OFPST_${name ?? 'UNKNOWN'} ${dir}${versionTag(version)} (xid=${hex(xid)}):`;
}

function moreFlag(flags: number): string {
  return flags & 1 ? ' flags=[more]' : '';
}

function formatMpRequest(version: number, xid: number, flags: number, b: MultipartRequestBody): string {
  if (isExtMpKind(b.kind)) return formatExtMpRequest(version, xid, flags, b as ExtMultipartRequestBody);
  const h = mpHead('request', version, xid, b.kind, b.kind === 'unknown' ? b.mpType : undefined) + moreFlag(flags);
  switch (b.kind) {
    case 'portStats':
      return `${h} port_no=${portName(b.portNo, version)}\n`;
    case 'queue':
      // OVS reads OF1.0's OFPP_ALL here as OFPP_ANY (lib/ofp-queue.c).
      return `${h} port=${version === 1 && b.portNo === OFPP10.ALL ? 'ANY' : portName(b.portNo, version)} queue=${b.queueId === 0xffffffff ? 'ALL' : b.queueId}\n`;
    case 'group':
      return `${h} group_id=${b.groupId === 0xffffffff ? 'ANY' : b.groupId === 0xfffffffc ? 'ALL' : b.groupId}\n`;
    case 'groupDesc':
      return `${h} group_id=${b.groupId === undefined || b.groupId === 0xfffffffc ? 'ALL' : b.groupId === 0xffffffff ? 'ANY' : b.groupId}\n`;
    case 'meter':
    case 'meterConfig':
      return `${h} meter=${meterId(b.meterId)}\n`;
    case 'portDesc':
      return `${h} port=${portName(b.portNo ?? (version === 1 ? OFPP10.NONE : OFPP.ANY), version)}\n`;
    case 'tableFeatures':
      return addNewline(`${h}${tableFeaturesText(version, b.tables)}`);
    case 'flow':
    case 'flowStats':
    case 'aggregate': {
      const parts: string[] = [];
      if (b.tableId !== 0xff) parts.push(`table=${b.tableId}`);
      if (b.outPort !== OFPP.ANY && !(version === 1 && b.outPort === OFPP10.NONE))
        parts.push(`out_port=${portName(b.outPort, version)}`);
      const mt = formatMatch(b.match);
      if (mt) parts.push(mt);
      return parts.length ? `${h} ${parts.join(' ')}\n` : `${h}\n`;
    }
    default:
      return `${h}\n`;
  }
}

function formatMpReply(version: number, xid: number, flags: number, b: MultipartReplyBody): string {
  if (isExtMpKind(b.kind)) return formatExtMpReply(version, xid, flags, b as ExtMultipartReplyBody, formatMessage);
  const h = mpHead('reply', version, xid, b.kind, b.kind === 'unknown' ? b.mpType : undefined) + moreFlag(flags);
  switch (b.kind) {
    case 'desc':
      return `${h}\nManufacturer: ${b.mfrDesc}\nHardware: ${b.hwDesc}\nSoftware: ${b.swDesc}\nSerial Num: ${b.serialNum}\nDP Description: ${b.dpDesc}\n`;
    case 'aggregate':
      return `${h} packet_count=${b.packetCount ?? U64_MAX} byte_count=${b.byteCount ?? U64_MAX} flow_count=${b.flowCount ?? U32_MAX}\n`;
    case 'table':
      return addNewline(`${h}${tableStatsText(b.tables)}`);
    case 'tableFeatures':
      // OVS's message table wants at least one ofp13_table_features in a reply
      if (!b.tables.length)
        return notIn31('OFPBRC_BAD_LEN', {
          type: 'multipartReply',
          version: version as OfVersion,
          xid,
          flags,
          body: b,
        });
      return addNewline(`${h}${tableFeaturesText(version, b.tables)}`);
    case 'portStats': {
      let s = `${h} ${b.ports.length} ports\n`;
      for (const p of b.ports) {
        const name = portName(p.portNo, version);
        s += `  port ${name.length < 3 ? name.padStart(2) : name}: rx pkts=${statsCount(p.rxPackets)}, bytes=${statsCount(p.rxBytes)}, drop=${statsCount(p.rxDropped)}, errs=${statsCount(p.rxErrors)}, frame=${statsCount(p.rxFrameErr)}, over=${statsCount(p.rxOverErr)}, crc=${statsCount(p.rxCrcErr)}\n`;
        s += `           tx pkts=${statsCount(p.txPackets)}, bytes=${statsCount(p.txBytes)}, drop=${statsCount(p.txDropped)}, errs=${statsCount(p.txErrors)}, coll=${statsCount(p.collisions)}\n`;
        if (version > 1 && p.durationSec !== 0xffffffff && version >= 4)
          s += `           duration=${durText(p.durationSec, p.durationNsec)}\n`;
        if (p.otherProperties) s += intelPortStatsText(p.otherProperties);
      }
      return s;
    }
    case 'queue': {
      let s = `${h} ${b.queues.length} queues\n`;
      for (const q of b.queues) {
        const d = version >= 4 && q.durationSec !== 0xffffffff ? durText(q.durationSec, q.durationNsec) : '?';
        s += `  port ${portName(q.portNo, version)} queue ${q.queueId}: bytes=${statsCount(q.txBytes)}, pkts=${statsCount(q.txPackets)}, errors=${statsCount(q.txErrors)}, duration=${d}\n`;
      }
      return s;
    }
    case 'portDesc':
      return `${h}\n${[...b.ports]
        .sort((x, y) => x.portNo - y.portNo)
        .map((p) => formatPort(p, version))
        .join('')}`; // OVS prints ports sorted by number
    case 'meterFeatures':
      return `${h}\nmax_meter:${b.maxMeter} max_bands:${b.maxBands} max_color:${b.maxColor}\nband_types: ${bandTypeBits(b.bandTypes)}\ncapabilities:${meterFlags(b.capabilities)}\n`;
    case 'meterConfig':
      return `${h}\n${b.meters.map((m) => `meter=${meterId(m.meterId)}${meterFlags(m.flags)} bands=\n${m.bands.map((b) => bandText(b, m.flags)).join('')}`).join('\n')}`;
    case 'meter':
      return `${h}\n${b.meters
        .map(
          (m) =>
            `meter:${meterId(m.meterId)} flow_count:${m.flowCount} packet_in_count:${m.packetInCount} byte_in_count:${m.byteInCount} duration:${durText(m.durationSec, m.durationNsec)} bands:\n${m.bandStats.map((s, i) => `${i}: packet_count:${s.packetBandCount} byte_count:${s.byteBandCount}\n`).join('')}`,
        )
        .join('\n')}`;
    case 'group': {
      let s = `${h}\n`;
      for (const g of b.groups) {
        s += ` group_id=${g.groupId}`;
        if (version >= 4 && g.durationSec !== 0xffffffff) s += `,duration=${durText(g.durationSec, g.durationNsec)}`;
        s += `,ref_count=${g.refCount},packet_count=${g.packetCount},byte_count=${g.byteCount}`;
        g.bucketStats.forEach(
          (bs, i) => (s += `,bucket${i}:packet_count=${bs.packetCount},byte_count=${bs.byteCount}`),
        );
        s += '\n';
      }
      return s;
    }
    case 'groupDesc':
      return `${h}\n${b.groups.map((g) => ` group_id=${g.groupId},type=${groupType(g.groupType)}${selectionText(g.selectionMethod)}${bucketsText(g.buckets, version, g.groupType)}\n`).join('')}`;
    case 'groupFeatures': {
      let s = `${h}\n Group table:\n    Types:  ${hex(b.types)}\n    Capabilities:  ${hex(b.capabilities)}\n`;
      const names = ['all', 'select', 'indirect', 'fast failover'];
      for (let i = 0; i < 4; i++) {
        if (!(b.types & (1 << i))) continue;
        s += `    ${names[i]} group:\n       max_groups=${altHex(b.maxGroups[i]!)}\n       actions: ${groupActionBits(b.actions[i]!, version)}\n`;
      }
      return s;
    }
    case 'flow':
      return `${h}\n${b.flows.map((f) => `${flowStatsLine(f)}\n`).join('')}`;
    default:
      return `${h}\n`;
  }
}

/** OVS's add_newline: ends the text with "\n" unless it is empty or does already. */
function addNewline(s: string): string {
  return s && !s.endsWith('\n') ? `${s}\n` : s;
}

function groupActionBits(v: number, version: number): string {
  if (version >= 3) return actionBitsText(v);
  const names11: Record<number, string> = {};
  const names10 = [
    'output',
    'set_vlan_vid',
    'set_vlan_pcp',
    'strip_vlan',
    'mod_dl_src',
    'mod_dl_dst',
    'mod_nw_src',
    'mod_nw_dst',
    'mod_nw_tos',
    'mod_tp_src',
    'mod_tp_dst',
    'enqueue',
  ];
  const out: string[] = [];
  // OVS lists OF1.0 actions in its own order: enqueue comes right after output.
  const order = version === 1 ? [0, 11, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] : Array.from({ length: 32 }, (_, i) => i);
  for (const i of order) {
    if (!(v & (1 << i))) continue;
    const n = version === 1 ? names10[i] : names11[i];
    if (n) out.push(n);
  }
  return out.length ? out.join(' ') : '<none>';
}

function asyncText(m: Extract<OfMessage, { type: 'setAsync' | 'getAsyncReply' }>): string {
  // [primary, secondary] masks per message kind; OF1.4+ properties: even type = secondary? No:
  // OFPACPT_*_SLAVE = even, *_MASTER = odd (OpenFlow 1.5.1 §7.3.10).
  const masks: Record<string, [number, number]> = {
    PACKET_IN: [0, 0],
    PORT_STATUS: [0, 0],
    FLOW_REMOVED: [0, 0],
    ROLE_STATUS: [0, 0],
    TABLE_STATUS: [0, 0],
    REQUESTFORWARD: [0, 0],
  };
  if (m.masks) {
    masks.PACKET_IN = [m.masks.packetIn[0], m.masks.packetIn[1]];
    masks.PORT_STATUS = [m.masks.portStatus[0], m.masks.portStatus[1]];
    masks.FLOW_REMOVED = [m.masks.flowRemoved[0], m.masks.flowRemoved[1]];
  }
  const order = ['PACKET_IN', 'PORT_STATUS', 'FLOW_REMOVED', 'ROLE_STATUS', 'TABLE_STATUS', 'REQUESTFORWARD'];
  for (const p of m.properties ?? []) {
    if (!('mask' in p)) continue;
    const kind = order[p.propType >> 1];
    if (kind) masks[kind]![p.propType & 1 ? 0 : 1] = p.mask;
  }
  const names: Record<string, string[]> = {
    PACKET_IN: ['no_match', 'action', 'invalid_ttl', 'action_set', 'group', 'packet_out'],
    PORT_STATUS: ['add', 'delete', 'modify'],
    FLOW_REMOVED: ['idle', 'hard', 'delete', 'group_delete', 'meter_delete', 'eviction'],
    ROLE_STATUS: ['primary_request', 'configuration_changed', 'experimenter_data_changed'], // OVS 3.1 names
    TABLE_STATUS: ['', '', '', 'vacancy_down', 'vacancy_up'],
    REQUESTFORWARD: ['group_mod_request', 'meter_mod_request'],
  };
  let s = '';
  for (const [i, who] of (['primary', 'secondary'] as const).entries()) {
    s += ` ${who}:\n`;
    for (const k of order) {
      const v = masks[k]![i]!;
      const on = names[k]!.flatMap((n, b) => (v & (1 << b) && n ? [n] : []));
      s += `${k.padStart(16)}: ${on.length ? on.join(' ') : '(off)'}\n`;
    }
    if (i === 0) s += '\n';
  }
  return s;
}

/** OFPT_ERROR as ofp-print shows it: the error name, then the offending message (or its prefix). */
function formatError(m: Extract<OfMessage, { type: 'error' }>): string {
  const name = m.experimenter === undefined && !m.nxVendor ? errorName(m.errType, m.code, m.version) : undefined;
  // An error code OVS cannot name makes ofperr_decode_msg fail: ofp-print reports OFPBRC_BAD_LEN.
  if (name === undefined && !m.nxVendor && m.experimenter !== EXPERIMENTER_ID.NX)
    return `${head('OFPT_ERROR', m.version, m.xid)} ***decode error: OFPBRC_BAD_LEN***\n${hexDump(encodeMessage(m), true)}`;
  let s = `${head('OFPT_ERROR', m.version, m.xid)} ${name ?? `type=${m.errType},code=${m.code}`}\n`;
  if (m.errType === 0) return `${s}${String.fromCharCode(...m.data)}\n`; // HELLO_FAILED carries text
  const d = m.data;
  if (d.length < 8) return s + hexDump(d, true);
  const len = (d[2]! << 8) | d[3]!;
  if (len <= d.length && len >= 8) {
    try {
      return s + formatMessage(decodeMessage(d.subarray(0, len)), 0); // OVS prints the inner message one verbosity level down
    } catch (e) {
      // a whole inner message too short for its type: OVS's decoder says OFPBRC_BAD_LEN
      const code = (e as { code?: string }).code;
      if (code === 'OF_MSG_BAD_LENGTH' || code === 'OF_MSG_TRUNCATED' || code === 'OF_MSG_TOO_SHORT')
        return `${s}***decode error: OFPBRC_BAD_LEN***\n${hexDump(d.subarray(0, len), true)}`;
      // else fall through to the truncated form
    }
  }
  const innerType = innerTypeName(d[0]!, d[1]!);
  // OVS names the inner message only when its header decodes (a known version and type)
  if (d[0]! >= 1 && d[0]! <= 6 && innerType !== 'OFPT_UNKNOWN')
    s += `${head(innerType, d[0]!, (d[4]! * 0x1000000 + ((d[5]! << 16) | (d[6]! << 8) | d[7]!)) >>> 0)}\n`;
  return `${s}(***truncated to ${d.length} bytes from ${len}***)\n${hexDump(d, true)}`;
}

function innerTypeName(version: number, t: number): string {
  const names11 = [
    'HELLO',
    'ERROR',
    'ECHO_REQUEST',
    'ECHO_REPLY',
    'EXPERIMENTER',
    'FEATURES_REQUEST',
    'FEATURES_REPLY',
    'GET_CONFIG_REQUEST',
    'GET_CONFIG_REPLY',
    'SET_CONFIG',
    'PACKET_IN',
    'FLOW_REMOVED',
    'PORT_STATUS',
    'PACKET_OUT',
    'FLOW_MOD',
    'GROUP_MOD',
    'PORT_MOD',
    'TABLE_MOD',
    'MULTIPART_REQUEST',
    'MULTIPART_REPLY',
    'BARRIER_REQUEST',
    'BARRIER_REPLY',
    'QUEUE_GET_CONFIG_REQUEST',
    'QUEUE_GET_CONFIG_REPLY',
    'ROLE_REQUEST',
    'ROLE_REPLY',
    'GET_ASYNC_REQUEST',
    'GET_ASYNC_REPLY',
    'SET_ASYNC',
    'METER_MOD',
  ];
  const names10 = [
    'HELLO',
    'ERROR',
    'ECHO_REQUEST',
    'ECHO_REPLY',
    'VENDOR',
    'FEATURES_REQUEST',
    'FEATURES_REPLY',
    'GET_CONFIG_REQUEST',
    'GET_CONFIG_REPLY',
    'SET_CONFIG',
    'PACKET_IN',
    'FLOW_REMOVED',
    'PORT_STATUS',
    'PACKET_OUT',
    'FLOW_MOD',
    'PORT_MOD',
    'STATS_REQUEST',
    'STATS_REPLY',
    'BARRIER_REQUEST',
    'BARRIER_REPLY',
  ];
  const n = (version === 1 ? names10 : names11)[t];
  return n ? `OFPT_${n}` : `OFPT_UNKNOWN`;
}
