/**
 * Semantic checks a switch applies after decoding (OpenFlow 1.5.1 error codes; the cases where OVS
 * 3.1 refuses a well-formed message). decodeMessage stays permissive so that any well-framed message
 * can be inspected and re-encoded; validateMessage says whether a switch would accept it.
 */
import { OfValidationError } from './errors.js';
import { ctFlushError } from './ct-flush.js';
import { validateMonitorRequests } from './flow-monitor.js';
import type { GroupMod, OfMessage } from './types.js';
import type { Match } from '../match/index.js';
import { setFieldValueValid } from '../match/widths.js';
import type { Action, Instruction } from '../actions/index.js';
import { bytesToBigInt } from '../match/text-values.js';

/** Mask bits defined per async-config property type (OpenFlow 1.5.1 §7.3.10), index = type >> 1. */
const ASYNC_BITS = [0x3f, 0x07, 0x3f, 0x07, 0x18, 0x03];

/** Fields an OpenFlow 1.5 packet-out match may set (OVS meta-flow.c mf_is_pipeline_field). */
const PIPELINE_FIELD =
  /^(?:tun_(?:id|src|dst|ipv6_src|ipv6_dst|flags|gbp_id|gbp_flags|erspan_(?:ver|idx|dir|hwid)|gtpu_(?:flags|msgtype)|metadata\d+)|metadata|in_port|in_port_oxm|x{0,2}reg\d+|packet_type)$/;

/**
 * OVS's checks on the OpenFlow 1.5 packet-out match (ofp-packet.c ofputil_decode_packet_out):
 * only pipeline fields, in entry order (an OXM in_port must be a valid OpenFlow 1.1 port number);
 * in_port must be present, and be a physical port, LOCAL, CONTROLLER or ANY (OFPP_NONE).
 * TLVs kept as `unknown` are the ones OVS's loose reading skips.
 */
/**
 * An OXM in_port as OVS reads it (ofputil_port_from_ofp11): OpenFlow 1.1+ ports 0..0xfeff or
 * 0xffffff00..0xffffffff, anything between refused (OFPBMC_BAD_VALUE); returns the 16-bit port.
 */
function oxmInPort(value: Uint8Array): number {
  const p = (value[0]! * 0x1000000 + ((value[1]! << 16) | (value[2]! << 8) | value[3]!)) >>> 0;
  if (p >= 0xff00 && p < 0xffffff00)
    throw new OfValidationError('OFPBMC_BAD_VALUE', `in_port 0x${p.toString(16)} is outside the OpenFlow port range`);
  return p >= 0xffffff00 ? p - 0xffff0000 : p;
}

function checkPacketOutMatch(match: Match): void {
  let port: number | undefined;
  for (const f of match) {
    if (f.field === 'unknown') continue;
    if (f.field === 'in_port_oxm' && f.value.length === 4) {
      port = oxmInPort(f.value);
    } else if (f.field === 'in_port' && f.value.length === 2) {
      port = (f.value[0]! << 8) | f.value[1]!;
    }
    if (!PIPELINE_FIELD.test(f.field))
      throw new OfValidationError(
        'OFPBRC_PIPELINE_FIELDS_ONLY',
        `packet-out match sets ${f.field}, not a pipeline field`,
      );
  }
  if (port === undefined) throw new OfValidationError('OFPBRC_BAD_PORT', 'packet-out match has no in_port');
  // OFPP_MAX (0xff00) and up: only LOCAL, CONTROLLER and NONE are valid input ports
  if (port >= 0xff00 && port !== 0xfffe && port !== 0xfffd && port !== 0xffff) {
    throw new OfValidationError('OFPBRC_BAD_PORT', `packet-out has bad input port 0x${port.toString(16)}`);
  }
}

/**
 * OVS ofp-group.c ofputil_check_group_mod: group type and command, an indirect group has one bucket,
 * only select buckets have weights, all / indirect buckets watch nothing, fast-failover buckets watch
 * something, remove_bucket carries no buckets.
 */
function checkGroupMod(m: GroupMod): void {
  const [INDIRECT, SELECT, FF] = [2, 1, 3];
  const [DELETE, INSERT_BUCKET, REMOVE_BUCKET] = [2, 3, 5];
  if (m.groupType > 3) throw new OfValidationError('OFPGMFC_BAD_TYPE', `group type ${m.groupType}`);
  if (m.groupType === INDIRECT && m.command !== DELETE && m.buckets.length !== 1)
    throw new OfValidationError('OFPGMFC_INVALID_GROUP', `indirect group with ${m.buckets.length} buckets`);
  if (![0, 1, DELETE, INSERT_BUCKET, REMOVE_BUCKET, 0x8000].includes(m.command))
    throw new OfValidationError('OFPGMFC_BAD_COMMAND', `group_mod command ${m.command}`);
  if (m.command === REMOVE_BUCKET && m.buckets.length)
    throw new OfValidationError('OFPGMFC_BAD_BUCKET', 'remove_bucket with buckets');
  for (const b of m.buckets) {
    if (b.weight && m.groupType !== SELECT && m.command !== INSERT_BUCKET)
      throw new OfValidationError('OFPGMFC_INVALID_GROUP', `weight ${b.weight} in a non-select group`);
    const live =
      (b.watchPort !== undefined && b.watchPort !== 0xffffffff) ||
      (b.watchGroup !== undefined && b.watchGroup !== 0xffffffff);
    if (live && m.groupType !== SELECT && m.groupType !== FF)
      throw new OfValidationError('OFPGMFC_WATCH_UNSUPPORTED', 'watch port / group in an all or indirect group');
    if (!live && m.groupType === FF)
      throw new OfValidationError('OFPGMFC_INVALID_GROUP', 'fast-failover bucket watches nothing');
  }
}

function checkWildcards(match: Match): void {
  for (const f of match) {
    if (!f.mask) continue;
    for (let i = 0; i < f.value.length; i++) {
      if (f.value[i]! & ~(f.mask[i] ?? 0))
        throw new OfValidationError('OFPBMC_BAD_WILDCARDS', `${f.field}: value has 1-bits where the mask is 0`);
    }
  }
}

/**
 * OVS's action decoder refuses a set_field whose value the field cannot hold (mf_is_value_valid:
 * OFPBAC_BAD_SET_ARGUMENT; an OXM vlan_vid without OFPVID_PRESENT too), at any depth (write_actions,
 * clone, ct).
 */
function checkSetFieldValues(list: readonly (Action | Instruction)[]): void {
  for (const a of list) {
    // decode_SET_FIELD: an OXM vlan_vid must carry OFPVID_PRESENT (0x1000)
    const bad = (f: string, v: bigint): boolean => !setFieldValueValid(f, v) || (f === 'vlan_vid' && !(v & 0x1000n));
    if (a.type === 'setField' && bad(a.field.field, bytesToBigInt(a.field.value)))
      throw new OfValidationError(
        'OFPBAC_BAD_SET_ARGUMENT',
        `set_field value 0x${bytesToBigInt(a.field.value).toString(16)} is not valid for ${a.field.field}`,
      );
    const nested = (a as { readonly actions?: readonly (Action | Instruction)[] }).actions;
    if (nested) checkSetFieldValues(nested);
  }
}

/**
 * Throws if a switch would reject the message; returns it otherwise.
 *
 * @example
 * validateMessage(decodeMessage(bytes)); // OfValidationError with ofpError 'OFPMMFC_BAD_BAND', …
 * @param nested whether a bundled message is checked too (default); OVS's decoder of the bundle
 *   itself checks only the outer rules (xid), which is what ofp-print reports.
 * @throws OfValidationError `OF_MSG_INVALID`, `ofpError` naming the OpenFlow error a switch sends
 */
export function validateMessage<M extends OfMessage>(m: M, nested = true): M {
  // NXM / OXM matches (OpenFlow 1.2+ and the Nicira messages): OVS's nx_pull_raw refuses a masked value with
  // 1-bits where the mask is 0 (OF1.0 / OF1.1 structured matches have no such bits)
  const match = (m as { readonly match?: unknown }).match;
  if (Array.isArray(match) && (m.version >= 3 || m.type.startsWith('nx'))) checkWildcards(match as Match);
  // an OXM in_port in any match (flow_mod, flow stats request, packet-in…): oxm_pull_match's port check
  // (a packet-out's match is checked field by field below, in entry order, as OVS reads it)
  if (Array.isArray(match) && m.type !== 'packetOut')
    for (const f of match as Match) if (f.field === 'in_port_oxm' && f.value.length === 4) oxmInPort(f.value);
  switch (m.type) {
    case 'flowMod':
    case 'nxFlowMod':
      checkSetFieldValues(m.instructions);
      break;
    case 'packetOut':
      checkSetFieldValues(m.actions);
      if (m.version >= 6 && m.match) checkPacketOutMatch(m.match);
      break;
    case 'groupMod':
      for (const b of m.buckets) checkSetFieldValues(b.actions);
      checkGroupMod(m);
      break;
    case 'meterMod':
      if (m.command > 2) throw new OfValidationError('OFPMMFC_BAD_COMMAND', `meter_mod command ${m.command}`);
      if ((m.flags & 3) === 3)
        throw new OfValidationError('OFPMMFC_BAD_FLAGS', `meter_mod flags 0x${m.flags.toString(16)}`);
      for (const b of m.bands) {
        if (b.bandType !== 1 && b.bandType !== 2 && b.bandType !== 0xffff)
          throw new OfValidationError('OFPMMFC_BAD_BAND', `meter band type ${b.bandType}`);
      }
      break;
    case 'setAsync':
    case 'getAsyncReply':
      for (const p of m.properties ?? []) {
        if (!('mask' in p)) continue;
        const allowed = ASYNC_BITS[p.propType >> 1];
        if (allowed === undefined)
          throw new OfValidationError('OFPACFC_UNSUPPORTED', `async property type ${p.propType}`);
        if (p.mask & ~allowed)
          throw new OfValidationError('OFPACFC_INVALID', `async property ${p.propType} mask 0x${p.mask.toString(16)}`);
      }
      break;
    case 'bundleAdd':
      if (m.message.xid !== m.xid) {
        throw new OfValidationError(
          'OFPBFC_MSG_BAD_XID',
          `bundled message xid 0x${m.message.xid.toString(16)} differs from 0x${m.xid.toString(16)}`,
        );
      }
      if (nested) validateMessage(m.message);
      break;
    case 'multipartRequest':
      if (m.body.kind === 'flowMonitor') validateMonitorRequests(m.body.monitors, m.body.flavor);
      break;
    case 'requestForward':
      validateMessage(m.request); // OVS decodes the forwarded group_mod / meter_mod in full
      break;
    case 'nxCtFlush': {
      const err = ctFlushError(m);
      if (err) throw new OfValidationError(err, 'NXT_CT_FLUSH tuples mix IPv4 and IPv6 addresses');
      break;
    }
  }
  return m;
}
