/**
 * decodeMessage: one framed OpenFlow message (exactly ofp_header.length bytes) to a typed object.
 * OF1.3 / OF1.5 fully, OF1.4 likewise, OF1.0 for the messages a switch sends. Byte payloads alias
 * the input.
 *
 * Rank 2 of messages/: a dispatcher over the family bodies of rank 1 (flow-mod, group, meter, packet,
 * port, stats, ext, nicira-*); it never loads the text formatter.
 */
import { ByteReader, WireError } from '../../wire/index.js';
import { readActions } from '../actions/list.js';
import type { OfVersion } from '../version.js';
import { EXPERIMENTER_ID, NXT, OFPT } from './constants.js';
import { OfMessageError } from './errors.js';
import { decodeExtExperimenter, decodeExtMpReply, decodeExtMpRequest, decodeExtType } from './ext.js';
import { decodeFlowMod, decodeFlowMod10, decodeFlowRemoved } from './flow-mod.js';
import { decodeGroupMod } from './group.js';
import type { H } from './header.js';
import { done } from './header.js';
import { readBands } from './meter.js';
import { decodePacketIn, decodePacketOut, readPacketIn2Props, readTlvMaps } from './packet.js';
import { readPort } from './port.js';
import { expectBody, readRawProps, subByLength } from './props.js';
import { readMpReplyBody, readMpRequestBody } from './stats.js';
import type { AsyncProperty, HelloElement, OfMessage, Port } from './types.js';

/** OF1.0 message type numbers mapped onto the OF1.1+ numbering used for dispatch. */
const OF10_TYPE_MAP: readonly number[] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 16, 18, 19, 20, 21, 22, 23];

/**
 * Decodes one whole OpenFlow message.
 *
 * @example
 * const msg = decodeMessage(bytes); if (msg.type === 'packetIn') console.log(msg.data.length);
 * @throws OfMessageError `OF_MSG_TOO_SHORT`, `OF_MSG_BAD_LENGTH`, `OF_MSG_TRUNCATED`,
 *   `OF_MSG_BAD_VERSION`, `OF_MSG_BAD_VALUE`; MatchError / ActionError from the match and action
 *   codecs for bad fields inside.
 */
export function decodeMessage(bytes: Uint8Array): OfMessage {
  if (bytes.length < 8)
    throw new OfMessageError('OF_MSG_TOO_SHORT', `OpenFlow packet too short (only ${bytes.length} bytes)`);
  const len = (bytes[2]! << 8) | bytes[3]!;
  if (len < 8) throw new OfMessageError('OF_MSG_TOO_SHORT', `ofp_header.length ${len} is below 8`, 2);
  if (len > bytes.length) {
    throw new OfMessageError('OF_MSG_BAD_LENGTH', `message truncated to ${bytes.length} bytes from ${len}`, 2);
  }
  if (len < bytes.length) {
    throw new OfMessageError('OF_MSG_BAD_LENGTH', `message only uses ${len} bytes out of ${bytes.length}`, 2);
  }
  const r = new ByteReader(bytes);
  try {
    return decodeBody(r);
  } catch (e) {
    if (e instanceof WireError) {
      throw new OfMessageError('OF_MSG_TRUNCATED', `message body ends inside a field: ${e.message}`, e.offset, {
        cause: e,
      });
    }
    throw e;
  }
}

function decodeBody(r: ByteReader): OfMessage {
  const version = r.u8();
  const rawType = r.u8();
  r.skip(2);
  const xid = r.u32();
  if (rawType === OFPT.HELLO) return decodeHello(r, version, xid);
  if (version < 1 || version > 6) {
    throw new OfMessageError('OF_MSG_BAD_VERSION', `unsupported OpenFlow version 0x${version.toString(16)}`, 0);
  }
  const v = version as OfVersion;
  const type = v === 1 ? (OF10_TYPE_MAP[rawType] ?? 0x100 + rawType) : rawType;
  const h = { version: v, xid };
  switch (type) {
    case OFPT.ERROR:
      return decodeError(r, h);
    case OFPT.ECHO_REQUEST:
      return { type: 'echoRequest', ...h, data: r.bytes(r.remaining) };
    case OFPT.ECHO_REPLY:
      return { type: 'echoReply', ...h, data: r.bytes(r.remaining) };
    case OFPT.EXPERIMENTER:
      return decodeExperimenter(r, h);
    case OFPT.FEATURES_REQUEST:
      return { type: 'featuresRequest', ...h };
    case OFPT.FEATURES_REPLY:
      return decodeFeaturesReply(r, h);
    case OFPT.GET_CONFIG_REQUEST:
      return { type: 'getConfigRequest', ...h };
    case OFPT.GET_CONFIG_REPLY:
    case OFPT.SET_CONFIG:
      expectBody(r, 4, 'switch config');
      return {
        type: type === OFPT.SET_CONFIG ? 'setConfig' : 'getConfigReply',
        ...h,
        flags: r.u16(),
        missSendLen: r.u16(),
      };
    case OFPT.BARRIER_REQUEST:
      return { type: 'barrierRequest', ...h };
    case OFPT.BARRIER_REPLY:
      return { type: 'barrierReply', ...h };
    case OFPT.PORT_STATUS: {
      expectBody(r, 8, 'port_status');
      const reason = r.u8();
      r.skip(7);
      const port = readPort(r, v);
      return { type: 'portStatus', ...h, reason, port };
    }
    case OFPT.PACKET_IN:
      return decodePacketIn(r, h);
    case OFPT.FLOW_REMOVED:
      return decodeFlowRemoved(r, h);
    case OFPT.MULTIPART_REQUEST:
      return decodeMultipartRequest(r, h);
    case OFPT.MULTIPART_REPLY:
      return decodeMultipartReply(r, h);
    case OFPT.FLOW_MOD:
      if (v === 1) return decodeFlowMod10(r, h);
      break;
    case OFPT.ROLE_REQUEST:
    case OFPT.ROLE_REPLY:
      if (v === 3) {
        expectBody(r, 16, 'role');
        const role = r.u32();
        r.skip(4);
        return { type: type === OFPT.ROLE_REQUEST ? 'roleRequest' : 'roleReply', ...h, role, generationId: r.u64() };
      }
      break;
    case OFPT.PORT_MOD:
      if (v === 1) {
        // OpenFlow 1.0.0 §5.3.3 ofp_port_mod: port_no (16 bits), hw_addr, config, mask, advertise, pad.
        expectBody(r, 24, 'port_mod');
        const portNo = r.u16();
        const hwAddr = r.bytes(6);
        const config = r.u32();
        const mask = r.u32();
        const advertise = r.u32();
        r.skip(4);
        return { type: 'portMod', ...h, portNo, hwAddr, config, mask, advertise };
      }
      break;
    case OFPT.PACKET_OUT:
      if (v === 1) {
        expectBody(r, 8, 'packet_out');
        const bufferId = r.u32();
        const inPort = r.u16();
        const actionsLen = r.u16();
        expectBody(r, actionsLen, 'packet_out actions');
        const actions = readActions(r, actionsLen, v);
        return { type: 'packetOut', ...h, bufferId, inPort, actions, data: r.bytes(r.remaining) };
      }
      break;
  }
  if (v >= 2) {
    // OF1.1 / OF1.2 share these bodies with OF1.3 (OpenFlow 1.1 §A.3, 1.2 §A.3), except the match.
    switch (type) {
      case OFPT.PACKET_OUT:
        return decodePacketOut(r, h);
      case OFPT.FLOW_MOD:
        return decodeFlowMod(r, h);
      case OFPT.GROUP_MOD:
        return decodeGroupMod(r, h);
      case OFPT.PORT_MOD: {
        expectBody(r, 24, 'port_mod');
        const portNo = r.u32();
        r.skip(4);
        const hwAddr = r.bytes(6);
        r.skip(2);
        const config = r.u32();
        const mask = r.u32();
        if (v <= 4) {
          const advertise = r.u32();
          r.skip(4);
          return { type: 'portMod', ...h, portNo, hwAddr, config, mask, advertise };
        }
        const props = readRawProps(r);
        const eth = props[0]?.propType === 0 && props[0].data.length === 4 ? props[0] : undefined;
        const other = eth ? props.slice(1) : props;
        const pm = { type: 'portMod' as const, ...h, portNo, hwAddr, config, mask };
        const withEth = eth ? { ...pm, advertise: new ByteReader(eth.data).u32() } : pm;
        return other.length ? { ...withEth, otherProperties: other } : withEth;
      }
      case OFPT.TABLE_MOD: {
        expectBody(r, 8, 'table_mod');
        const tableId = r.u8();
        r.skip(3);
        const config = r.u32();
        if (v >= 5) return { type: 'tableMod', ...h, tableId, config, properties: readRawProps(r) };
        return { type: 'tableMod', ...h, tableId, config };
      }
      case OFPT.ROLE_REQUEST:
      case OFPT.ROLE_REPLY: {
        if (v < 4) break;
        expectBody(r, 16, 'role');
        const role = r.u32();
        const shortId = r.u16();
        r.skip(2);
        const t = type === OFPT.ROLE_REQUEST ? 'roleRequest' : 'roleReply';
        if (v >= 6) return { type: t, ...h, role, shortId, generationId: r.u64() };
        return { type: t, ...h, role, generationId: r.u64() };
      }
      case OFPT.GET_ASYNC_REQUEST:
        if (v < 4) break;
        return { type: 'getAsyncRequest', ...h };
      case OFPT.GET_ASYNC_REPLY:
      case OFPT.SET_ASYNC: {
        if (v < 4) break;
        const t = type === OFPT.SET_ASYNC ? 'setAsync' : 'getAsyncReply';
        if (v === 4) {
          expectBody(r, 24, 'async config');
          const masks = {
            packetIn: [r.u32(), r.u32()] as const,
            portStatus: [r.u32(), r.u32()] as const,
            flowRemoved: [r.u32(), r.u32()] as const,
          };
          return { type: t, ...h, masks };
        }
        const properties: AsyncProperty[] = [];
        for (const p of readRawProps(r)) {
          if (p.propType >= 0xfffe) properties.push(p);
          else if (p.data.length !== 4) {
            throw new OfMessageError(
              'OF_MSG_BAD_LENGTH',
              `async property ${p.propType} has ${p.data.length} bytes, want 4`,
              r.offset,
            );
          } else properties.push({ propType: p.propType, mask: new ByteReader(p.data).u32() });
        }
        return { type: t, ...h, properties };
      }
      case OFPT.METER_MOD: {
        if (v < 4) break;
        expectBody(r, 8, 'meter_mod');
        const command = r.u16();
        const flags = r.u16();
        const meterId = r.u32();
        return { type: 'meterMod', ...h, command, flags, meterId, bands: readBands(r) };
      }
    }
  }
  if (v >= 5 && (type === OFPT.BUNDLE_CONTROL || type === OFPT.BUNDLE_ADD_MESSAGE)) return decodeBundle(r, h, type);
  const ext = decodeExtType(r, h, type, decodeMessage);
  if (ext) return ext;
  return { type: 'unknown', ...h, msgType: rawType, body: r.bytes(r.remaining) };
}

function decodeBundle(r: ByteReader, h: H, type: number): OfMessage {
  if (type === OFPT.BUNDLE_CONTROL) {
    expectBody(r, 8, 'bundle_ctrl');
    const bundleId = r.u32();
    const ctrlType = r.u16();
    const flags = r.u16();
    return { type: 'bundleControl', ...h, bundleId, ctrlType, flags, properties: readRawProps(r) };
  }
  expectBody(r, 16, 'bundle_add_msg');
  const bundleId = r.u32();
  r.skip(2);
  const flags = r.u16();
  const innerLen = r.peekU16(2);
  const inner = subByLength(r, innerLen, 8, 'bundled message');
  const message = decodeMessage(inner.bytes(inner.remaining));
  const pad = Math.min((8 - (innerLen % 8)) % 8, r.remaining);
  if (r.remaining > pad) {
    const rest = r.offset;
    r.skip(pad);
    try {
      return { type: 'bundleAdd', ...h, bundleId, flags, message, properties: readRawProps(r) };
    } catch (e) {
      if (!(e instanceof OfMessageError) && !(e instanceof WireError)) throw e;
      // OVS does not parse what follows the inner message (ofp-bundle.c): keep it as it is.
      r.offset = rest;
      return { type: 'bundleAdd', ...h, bundleId, flags, message, trailing: r.bytes(r.remaining) };
    }
  }
  if (r.remaining)
    throw new OfMessageError('OF_MSG_BAD_LENGTH', `${r.remaining} stray bytes after bundled message`, r.offset);
  return { type: 'bundleAdd', ...h, bundleId, flags, message };
}

function decodeHello(r: ByteReader, version: number, xid: number): OfMessage {
  const elements: HelloElement[] = [];
  let trailing: Uint8Array | undefined;
  // OF1.0 peers may send a hello with arbitrary trailing data; elements only from OF1.3 on, but
  // OVS accepts them at any version. Stop at the first element that does not parse.
  while (r.remaining >= 4) {
    const elemType = r.peekU16(0);
    const len = r.peekU16(2);
    if (len < 4 || len > r.remaining) break;
    r.skip(4);
    const body = r.sub(len - 4);
    if (elemType === 1 && (len - 4) % 4 === 0) {
      const versions: number[] = [];
      for (let word = 0; body.remaining >= 4; word++) {
        const bits = body.u32();
        for (let b = 0; b < 32; b++) if ((bits >>> b) & 1) versions.push(word * 32 + b);
      }
      elements.push({ type: 'versionBitmap', versions });
    } else {
      elements.push({ type: 'unknown', elemType, data: body.bytes(body.remaining) });
    }
    const pad = Math.min(((len + 7) & ~7) - len, r.remaining);
    r.skip(pad);
  }
  if (r.remaining) trailing = r.bytes(r.remaining);
  return trailing ? { type: 'hello', version, xid, elements, trailing } : { type: 'hello', version, xid, elements };
}

function decodeError(r: ByteReader, h: H): OfMessage {
  expectBody(r, 4, 'error');
  const errType = r.u16();
  const code = r.u16();
  if (errType === 0xffff && h.version >= 3) {
    expectBody(r, 4, 'experimenter error');
    const experimenter = r.u32();
    return { type: 'error', ...h, errType, code, experimenter, data: r.bytes(r.remaining) };
  }
  if (errType === 0xb0c2 && code === 0 && r.remaining >= 8) {
    const nxVendor = { vendor: r.u32(), type: r.u16(), code: r.u16() };
    return { type: 'error', ...h, errType, code, nxVendor, data: r.bytes(r.remaining) };
  }
  return { type: 'error', ...h, errType, code, data: r.bytes(r.remaining) };
}

function decodeExperimenter(r: ByteReader, h: H): OfMessage {
  expectBody(r, 4, 'experimenter');
  const experimenter = r.u32();
  if (r.remaining < 4) return { type: 'experimenter', ...h, experimenter, data: r.bytes(r.remaining) };
  const expType = r.u32();
  if (experimenter === EXPERIMENTER_ID.ONF && h.version === 4 && (expType === 2300 || expType === 2301)) {
    // OF1.3 bundle extension (ONF EXT-230), same bodies as OF1.4 BUNDLE_CONTROL / BUNDLE_ADD_MESSAGE.
    return decodeBundle(r, h, expType === 2300 ? OFPT.BUNDLE_CONTROL : OFPT.BUNDLE_ADD_MESSAGE);
  }
  if (experimenter === EXPERIMENTER_ID.NX) {
    const start = r.offset;
    const nx = decodeNicira(r, h, expType);
    if (nx) return nx;
    r.offset = start;
  }
  const ext = decodeExtExperimenter(r, h, experimenter, expType, decodeMessage);
  if (ext) return ext;
  return { type: 'experimenter', ...h, experimenter, expType, data: r.bytes(r.remaining) };
}

function decodeNicira(r: ByteReader, h: H, subtype: number): OfMessage | null {
  switch (subtype) {
    case NXT.SET_FLOW_FORMAT:
      expectBody(r, 4, 'NXT_SET_FLOW_FORMAT');
      return done(r, { type: 'nxSetFlowFormat', ...h, format: r.u32() });
    case NXT.SET_PACKET_IN_FORMAT:
      expectBody(r, 4, 'NXT_SET_PACKET_IN_FORMAT');
      return done(r, { type: 'nxSetPacketInFormat', ...h, format: r.u32() });
    case NXT.SET_CONTROLLER_ID:
      expectBody(r, 8, 'NXT_SET_CONTROLLER_ID');
      r.skip(6);
      return done(r, { type: 'nxSetControllerId', ...h, controllerId: r.u16() });
    case NXT.CT_FLUSH_ZONE:
      expectBody(r, 8, 'NXT_CT_FLUSH_ZONE');
      r.skip(6);
      return done(r, { type: 'nxCtFlushZone', ...h, zoneId: r.u16() });
    case NXT.TLV_TABLE_REQUEST:
      return done(r, { type: 'nxTlvTableRequest', ...h });
    case NXT.ROLE_REQUEST:
    case NXT.ROLE_REPLY:
      expectBody(r, 4, 'NXT_ROLE');
      return done(r, { type: subtype === NXT.ROLE_REQUEST ? 'nxRoleRequest' : 'nxRoleReply', ...h, role: r.u32() });
    case NXT.SET_ASYNC_CONFIG: {
      expectBody(r, 24, 'NXT_SET_ASYNC_CONFIG');
      const masks = {
        packetIn: [r.u32(), r.u32()] as const,
        portStatus: [r.u32(), r.u32()] as const,
        flowRemoved: [r.u32(), r.u32()] as const,
      };
      return done(r, { type: 'nxSetAsyncConfig', ...h, masks });
    }
    case NXT.FLOW_MOD_TABLE_ID: {
      expectBody(r, 8, 'NXT_FLOW_MOD_TABLE_ID');
      const set = r.u8();
      r.skip(7);
      if (set > 1)
        throw new OfMessageError('OF_MSG_BAD_VALUE', `NXT_FLOW_MOD_TABLE_ID set=${set}, want 0 or 1`, r.offset - 8);
      return done(r, { type: 'nxFlowModTableId', ...h, enable: set === 1 });
    }
    case NXT.TLV_TABLE_MOD: {
      expectBody(r, 8, 'NXT_TLV_TABLE_MOD');
      const command = r.u16();
      r.skip(6);
      return { type: 'nxTlvTableMod', ...h, command, mappings: readTlvMaps(r) };
    }
    case NXT.TLV_TABLE_REPLY: {
      expectBody(r, 16, 'NXT_TLV_TABLE_REPLY');
      const maxOptionSpace = r.u32();
      const maxFields = r.u16();
      r.skip(10);
      return { type: 'nxTlvTableReply', ...h, maxOptionSpace, maxFields, mappings: readTlvMaps(r) };
    }
    case NXT.PACKET_IN2:
      return { type: 'nxPacketIn2', ...h, ...readPacketIn2Props(r) };
    case NXT.RESUME:
      return { type: 'nxResume', ...h, ...readPacketIn2Props(r) };
  }
  return null;
}

function decodeFeaturesReply(r: ByteReader, h: H): OfMessage {
  expectBody(r, 24, 'features_reply');
  const datapathId = r.u64();
  const nBuffers = r.u32();
  const nTables = r.u8();
  const auxiliaryId = h.version >= 4 ? r.u8() : (r.skip(1), 0);
  r.skip(2);
  const capabilities = r.u32();
  const reserved = r.u32();
  const ports: Port[] = [];
  if (h.version < 4) {
    const size = h.version === 1 ? 48 : 64;
    if (r.remaining % size) {
      throw new OfMessageError(
        'OF_MSG_BAD_LENGTH',
        `features_reply port list of ${r.remaining} bytes is not a multiple of ${size}`,
        r.offset,
      );
    }
    while (r.remaining) ports.push(readPort(r, h.version));
  }
  return { type: 'featuresReply', ...h, datapathId, nBuffers, nTables, auxiliaryId, capabilities, reserved, ports };
}

/**
 * Whether a multipart type exists in the version: OF1.1 stats 0–7 (OpenFlow 1.1 §A.3.5), OF1.2 adds
 * group features (8); OF1.0 and OF1.3+ are decoded for every type (OVS's OF1.0 extensions).
 */

function mpHeader(r: ByteReader, v: OfVersion): { mpType: number; flags: number } {
  expectBody(r, v === 1 ? 4 : 8, 'multipart header');
  const mpType = r.u16();
  const flags = r.u16();
  if (v !== 1) r.skip(4);
  return { mpType, flags };
}

function decodeMultipartRequest(r: ByteReader, h: H): OfMessage {
  const { mpType, flags } = mpHeader(r, h.version);
  const v = h.version;
  const body = decodeExtMpRequest(r, v, mpType) ?? readMpRequestBody(r, v, mpType);
  if (r.remaining && body.kind !== 'unknown' && body.kind !== 'experimenter') {
    throw new OfMessageError(
      'OF_MSG_BAD_LENGTH',
      `${r.remaining} unexpected bytes after ${body.kind} request`,
      r.offset,
    );
  }
  return { type: 'multipartRequest', ...h, flags, body };
}

function decodeMultipartReply(r: ByteReader, h: H): OfMessage {
  const { mpType, flags } = mpHeader(r, h.version);
  const v = h.version;
  const body = decodeExtMpReply(r, v, mpType) ?? readMpReplyBody(r, v, mpType);
  if (r.remaining)
    throw new OfMessageError('OF_MSG_BAD_LENGTH', `${r.remaining} unexpected bytes after ${body.kind} reply`, r.offset);
  return { type: 'multipartReply', ...h, flags, body };
}
