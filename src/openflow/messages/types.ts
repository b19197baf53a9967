/**
 * Typed OpenFlow messages: plain readonly data discriminated by `type`. Every message carries the
 * wire `version` and `xid`. Byte payloads (`data`, packet bytes) alias the decoded input buffer.
 */
import type { SdkError } from '../../errors.js';
import type { OfVersion } from '../version.js';
import type { Match } from '../match/index.js';
import type { Action, Instruction } from '../actions/index.js';
import type { ExtMessage, ExtMultipartReplyBody, ExtMultipartRequestBody } from './ext-types.js';

/** Fields every message has. */
export interface OfHeaderFields {
  readonly version: OfVersion;
  readonly xid: number;
}

// ---- symmetric / handshake messages -------------------------------------------------------------

/** One hello element (OpenFlow 1.5.1 §7.5.1). */
export type HelloElement =
  | { readonly type: 'versionBitmap'; readonly versions: readonly number[] }
  | { readonly type: 'unknown'; readonly elemType: number; readonly data: Uint8Array };

/** OFPT_HELLO. `version` may be any byte here: it is the highest version the sender speaks. */
export interface Hello {
  readonly type: 'hello';
  readonly version: number;
  readonly xid: number;
  readonly elements: readonly HelloElement[];
  /** Bytes after the elements that are not a whole element (OF1.0 hello with trailing data). */
  readonly trailing?: Uint8Array;
}

/** OFPT_ERROR (OpenFlow 1.5.1 §7.5.4). `data` holds (a prefix of) the offending message. */
export interface ErrorMsg extends OfHeaderFields {
  readonly type: 'error';
  readonly errType: number;
  readonly code: number;
  /** OFPET_EXPERIMENTER errors: the experimenter id (errType 0xffff; `code` is then exp_code). */
  readonly experimenter?: number;
  /**
   * Nicira vendor error carried in OF1.0/1.1 as NXET_VENDOR (0xb0c2) / NXVC_VENDOR_ERROR: the
   * nx_vendor_error body. `data` is what follows it.
   */
  readonly nxVendor?: { readonly vendor: number; readonly type: number; readonly code: number };
  readonly data: Uint8Array;
}

export interface EchoRequest extends OfHeaderFields {
  readonly type: 'echoRequest';
  readonly data: Uint8Array;
}
export interface EchoReply extends OfHeaderFields {
  readonly type: 'echoReply';
  readonly data: Uint8Array;
}

/** OFPT_EXPERIMENTER (OF1.0 OFPT_VENDOR: `expType` absent) not otherwise decoded. */
export interface Experimenter extends OfHeaderFields {
  readonly type: 'experimenter';
  readonly experimenter: number;
  readonly expType?: number;
  readonly data: Uint8Array;
}

export interface FeaturesRequest extends OfHeaderFields {
  readonly type: 'featuresRequest';
}

/** OFPT_FEATURES_REPLY. `ports` only before OF1.3; `actions` only in OF1.0; `auxiliaryId` OF1.3+. */
export interface FeaturesReply extends OfHeaderFields {
  readonly type: 'featuresReply';
  readonly datapathId: bigint;
  readonly nBuffers: number;
  readonly nTables: number;
  readonly auxiliaryId: number;
  readonly capabilities: number;
  /** OF1.0 supported action bitmap; OF1.1+ reserved field. */
  readonly reserved: number;
  readonly ports: readonly Port[];
}

export interface GetConfigRequest extends OfHeaderFields {
  readonly type: 'getConfigRequest';
}
export interface SwitchConfig extends OfHeaderFields {
  readonly type: 'getConfigReply' | 'setConfig';
  readonly flags: number;
  readonly missSendLen: number;
}

export interface BarrierRequest extends OfHeaderFields {
  readonly type: 'barrierRequest';
}
export interface BarrierReply extends OfHeaderFields {
  readonly type: 'barrierReply';
}

// ---- ports ---------------------------------------------------------------------------------------

/** A port description (ofp_port; OF1.0 ofp_phy_port; OF1.4+ with the Ethernet property decoded). */
export interface Port {
  readonly portNo: number;
  readonly hwAddr: Uint8Array;
  readonly name: string;
  readonly config: number;
  readonly state: number;
  readonly curr: number;
  readonly advertised: number;
  readonly supported: number;
  readonly peer: number;
  readonly currSpeed: number;
  readonly maxSpeed: number;
  /** OF1.4+: properties other than Ethernet, raw (type, then body after the 4-byte prop header). */
  readonly otherProperties?: readonly RawProperty[];
}

/** A TLV property kept as raw bytes (type + body without the 4-byte header, no padding). */
export interface RawProperty {
  readonly propType: number;
  readonly data: Uint8Array;
}

export interface PortStatus extends OfHeaderFields {
  readonly type: 'portStatus';
  readonly reason: number;
  readonly port: Port;
}

export interface PortMod extends OfHeaderFields {
  readonly type: 'portMod';
  readonly portNo: number;
  readonly hwAddr: Uint8Array;
  readonly config: number;
  readonly mask: number;
  /** OF1.3 advertise field; OF1.4+ the Ethernet property (absent = no such property). */
  readonly advertise?: number;
  /** OF1.4+: properties other than Ethernet, raw. */
  readonly otherProperties?: readonly RawProperty[];
}

// ---- packets ------------------------------------------------------------------------------------

/**
 * OFPT_PACKET_IN. OF1.3+: `tableId`, `cookie`, `match` set; OF1.0: `inPort` set instead.
 * `data` aliases the input.
 */
export interface PacketIn extends OfHeaderFields {
  readonly type: 'packetIn';
  readonly bufferId: number;
  readonly totalLen: number;
  readonly reason: number;
  readonly tableId: number;
  readonly cookie: bigint;
  readonly match: Match;
  /** OF1.0 and OF1.1 (where later versions carry it in `match`). */
  readonly inPort?: number;
  /** OF1.1 only, when it differs from `inPort` (ofp_packet_in.in_phy_port). */
  readonly inPhyPort?: number;
  readonly data: Uint8Array;
}

/** OFPT_PACKET_OUT. OF1.5 carries the in_port inside `match`; earlier versions in `inPort`. */
export interface PacketOut extends OfHeaderFields {
  readonly type: 'packetOut';
  readonly bufferId: number;
  readonly inPort: number;
  /** OF1.5 only (pipeline fields, at least in_port). */
  readonly match?: Match;
  readonly actions: readonly Action[];
  readonly data: Uint8Array;
}

// ---- flows --------------------------------------------------------------------------------------

/** OFPT_FLOW_MOD (OpenFlow 1.5.1 §7.3.4.2). */
export interface FlowMod extends OfHeaderFields {
  readonly type: 'flowMod';
  readonly cookie: bigint;
  readonly cookieMask: bigint;
  readonly tableId: number;
  readonly command: number;
  readonly idleTimeout: number;
  readonly hardTimeout: number;
  readonly priority: number;
  readonly bufferId: number;
  readonly outPort: number;
  readonly outGroup: number;
  readonly flags: number;
  /** OF1.4+ (0 before). */
  readonly importance: number;
  readonly match: Match;
  readonly instructions: readonly Instruction[];
}

/** OF1.5 OXS flow statistics, and their OF1.3 fixed-field equivalents. */
export interface FlowStatValues {
  readonly durationSec?: number;
  readonly durationNsec?: number;
  readonly idleTimeSec?: number;
  readonly idleTimeNsec?: number;
  readonly flowCount?: number;
  readonly packetCount?: bigint;
  readonly byteCount?: bigint;
}

/** OFPT_FLOW_REMOVED. */
export interface FlowRemoved extends OfHeaderFields {
  readonly type: 'flowRemoved';
  readonly cookie: bigint;
  readonly priority: number;
  readonly reason: number;
  readonly tableId: number;
  readonly idleTimeout: number;
  readonly hardTimeout: number;
  readonly match: Match;
  readonly stats: FlowStatValues;
}

// ---- groups, meters, tables ---------------------------------------------------------------------

/** A group bucket. OF1.5 fields `bucketId`; `weight`/`watchPort`/`watchGroup` optional properties there. */
export interface Bucket {
  readonly bucketId?: number;
  readonly weight?: number;
  readonly watchPort?: number;
  readonly watchGroup?: number;
  readonly actions: readonly Action[];
}

/**
 * The OVS group selection-method property (NTR experimenter 0x1540, type 1; OF1.5 group_mod and
 * group desc): `method` is `hash` or `dp_hash`, `fields` the hashed fields with their masks as
 * values (an all-ones value means the whole field).
 */
export interface SelectionMethod {
  readonly method: string;
  readonly param: bigint;
  readonly fields: Match;
}

/** OFPT_GROUP_MOD (OpenFlow 1.5.1 §7.3.4.3). */
export interface GroupMod extends OfHeaderFields {
  readonly type: 'groupMod';
  readonly command: number;
  readonly groupType: number;
  readonly groupId: number;
  /** OF1.5 command_bucket_id. */
  readonly commandBucketId?: number;
  readonly buckets: readonly Bucket[];
  /** OF1.5 selection method property (written before the other properties). */
  readonly selectionMethod?: SelectionMethod;
  /** OF1.5 group properties other than the selection method, raw. */
  readonly properties?: readonly RawProperty[];
}

/** A meter band (OpenFlow 1.5.1 §7.3.4.5). `precLevel` for dscp_remark, `experimenter` for 0xffff. */
export interface MeterBand {
  readonly bandType: number;
  readonly rate: number;
  readonly burstSize: number;
  readonly precLevel?: number;
  readonly experimenter?: number;
}

export interface MeterMod extends OfHeaderFields {
  readonly type: 'meterMod';
  readonly command: number;
  readonly flags: number;
  readonly meterId: number;
  readonly bands: readonly MeterBand[];
}

export interface TableMod extends OfHeaderFields {
  readonly type: 'tableMod';
  readonly tableId: number;
  readonly config: number;
  /** OF1.4+ table-mod properties, raw. */
  readonly properties?: readonly RawProperty[];
}

// ---- roles, async, bundles ----------------------------------------------------------------------

export interface RoleMsg extends OfHeaderFields {
  readonly type: 'roleRequest' | 'roleReply';
  readonly role: number;
  /** OF1.5 short_id (0 before). */
  readonly shortId?: number;
  readonly generationId: bigint;
}

/** One OF1.4+ async-config property: a 32-bit mask, or an experimenter property kept raw. */
export type AsyncProperty = { readonly propType: number; readonly mask: number } | RawProperty;

export interface GetAsyncRequest extends OfHeaderFields {
  readonly type: 'getAsyncRequest';
}

/**
 * OFPT_GET_ASYNC_REPLY / OFPT_SET_ASYNC. OF1.3 has fixed [master, slave] mask pairs (`masks`);
 * OF1.4+ has properties (`properties`: type and 32-bit mask).
 */
export interface AsyncConfig extends OfHeaderFields {
  readonly type: 'getAsyncReply' | 'setAsync';
  readonly masks?: {
    readonly packetIn: readonly [number, number];
    readonly portStatus: readonly [number, number];
    readonly flowRemoved: readonly [number, number];
  };
  readonly properties?: readonly AsyncProperty[];
}

export interface BundleControl extends OfHeaderFields {
  readonly type: 'bundleControl';
  readonly bundleId: number;
  readonly ctrlType: number;
  readonly flags: number;
  readonly properties?: readonly RawProperty[];
}

/** OFPT_BUNDLE_ADD_MESSAGE: `message` is the inner message (its xid must equal this one's). */
export interface BundleAdd extends OfHeaderFields {
  readonly type: 'bundleAdd';
  readonly bundleId: number;
  readonly flags: number;
  readonly message: OfMessage;
  readonly properties?: readonly RawProperty[];
  /**
   * Bytes after the bundled message that do not parse as properties (padding included). OVS
   * ignores whatever follows the inner message; kept so the message re-encodes unchanged.
   */
  readonly trailing?: Uint8Array;
}

// ---- Nicira extensions --------------------------------------------------------------------------

/** NXT_SET_FLOW_FORMAT (format: NXFF_*). */
export interface NxSetFlowFormat extends OfHeaderFields {
  readonly type: 'nxSetFlowFormat';
  readonly format: number;
}
/** NXT_SET_PACKET_IN_FORMAT (format: NXPIF_*). */
export interface NxSetPacketInFormat extends OfHeaderFields {
  readonly type: 'nxSetPacketInFormat';
  readonly format: number;
}
/** NXT_SET_CONTROLLER_ID. */
export interface NxSetControllerId extends OfHeaderFields {
  readonly type: 'nxSetControllerId';
  readonly controllerId: number;
}
/** NXT_CT_FLUSH_ZONE. */
export interface NxCtFlushZone extends OfHeaderFields {
  readonly type: 'nxCtFlushZone';
  readonly zoneId: number;
}

/** NXT_ROLE_REQUEST / NXT_ROLE_REPLY (nx_role_request): role 0 other (equal), 1 primary, 2 secondary. */
export interface NxRoleMsg extends OfHeaderFields {
  readonly type: 'nxRoleRequest' | 'nxRoleReply';
  readonly role: number;
}
/** NXT_SET_ASYNC_CONFIG: the OF1.3-style [primary, secondary] masks. */
export interface NxSetAsyncConfig extends OfHeaderFields {
  readonly type: 'nxSetAsyncConfig';
  readonly masks: NonNullable<AsyncConfig['masks']>;
}
/** NXT_FLOW_MOD_TABLE_ID: lets an OF1.0 flow_mod carry a table id in the command's high byte. */
export interface NxFlowModTableId extends OfHeaderFields {
  readonly type: 'nxFlowModTableId';
  readonly enable: boolean;
}

/** One tun_metadata mapping (nx_tlv_map). */
export interface TlvMap {
  readonly optClass: number;
  readonly optType: number;
  readonly optLen: number;
  /** tun_metadata index 0–63. */
  readonly index: number;
}
export interface NxTlvTableMod extends OfHeaderFields {
  readonly type: 'nxTlvTableMod';
  readonly command: number;
  readonly mappings: readonly TlvMap[];
}
export interface NxTlvTableRequest extends OfHeaderFields {
  readonly type: 'nxTlvTableRequest';
}
export interface NxTlvTableReply extends OfHeaderFields {
  readonly type: 'nxTlvTableReply';
  readonly maxOptionSpace: number;
  readonly maxFields: number;
  readonly mappings: readonly TlvMap[];
}

/**
 * NXT_PACKET_IN2 / NXT_RESUME (nicira-ext.h nx_packet_in2_prop_type). Known properties decoded;
 * the continuation is opaque (send it back unchanged in a resume). Unknown properties kept raw.
 */
export interface NxPacketIn2Fields {
  readonly packet?: Uint8Array;
  readonly fullLen?: number;
  readonly bufferId?: number;
  readonly tableId?: number;
  readonly cookie?: bigint;
  readonly reason?: number;
  readonly metadata?: Match;
  readonly userdata?: Uint8Array;
  readonly continuation?: Uint8Array;
  readonly otherProperties?: readonly RawProperty[];
}
export interface NxPacketIn2 extends OfHeaderFields, NxPacketIn2Fields {
  readonly type: 'nxPacketIn2';
}
export interface NxResume extends OfHeaderFields, NxPacketIn2Fields {
  readonly type: 'nxResume';
}

// ---- multipart ----------------------------------------------------------------------------------

/** Request selectors used by flow / aggregate requests. */
export interface FlowStatsRequestBody {
  readonly tableId: number;
  readonly outPort: number;
  readonly outGroup: number;
  readonly cookie: bigint;
  readonly cookieMask: bigint;
  readonly match: Match;
}

export type MultipartRequestBody =
  | { readonly kind: 'desc' }
  | ({ readonly kind: 'flow' } & FlowStatsRequestBody)
  /** OF1.5 OFPMP_FLOW_STATS (statistics only, no instructions). */
  | ({ readonly kind: 'flowStats' } & FlowStatsRequestBody)
  /** `statsRequest`: OF1.5 OXS fields the reply should carry (OVS sends flow_count, packet and byte counts). */
  | ({ readonly kind: 'aggregate'; readonly statsRequest?: FlowStatValues } & FlowStatsRequestBody)
  | { readonly kind: 'table' }
  | { readonly kind: 'portStats'; readonly portNo: number }
  | { readonly kind: 'queue'; readonly portNo: number; readonly queueId: number }
  | { readonly kind: 'group'; readonly groupId: number }
  /** `groupId` OF1.5 only. */
  | { readonly kind: 'groupDesc'; readonly groupId?: number }
  | { readonly kind: 'groupFeatures' }
  | { readonly kind: 'meter'; readonly meterId: number }
  | { readonly kind: 'meterConfig'; readonly meterId: number }
  | { readonly kind: 'meterFeatures' }
  | { readonly kind: 'tableFeatures'; readonly tables: readonly TableFeatures[] }
  /** `portNo` OF1.5 only. */
  | { readonly kind: 'portDesc'; readonly portNo?: number }
  | {
      readonly kind: 'experimenter';
      readonly experimenter: number;
      readonly expType: number;
      readonly data: Uint8Array;
    }
  | { readonly kind: 'unknown'; readonly mpType: number; readonly data: Uint8Array }
  | ExtMultipartRequestBody;

export interface FlowStatsEntry {
  readonly tableId: number;
  readonly priority: number;
  readonly idleTimeout: number;
  readonly hardTimeout: number;
  readonly flags: number;
  readonly importance: number;
  readonly cookie: bigint;
  readonly match: Match;
  readonly stats: FlowStatValues;
  readonly instructions: readonly Instruction[];
  /**
   * Set when this flow's actions could not be decoded (flow stats replies are read leniently: one bad
   * action flags its flow, the rest of the dump is kept); `instructions` is then empty.
   */
  readonly actionsError?: SdkError;
  /** With `actionsError`: the undecoded action / instruction bytes (a view aliasing the input). */
  readonly rawInstructions?: Uint8Array;
}

/** OF1.5 ofp_flow_stats (OFPMP_FLOW_STATS reply entry). */
export interface FlowStatsOnlyEntry {
  readonly tableId: number;
  readonly reason: number;
  readonly priority: number;
  readonly match: Match;
  readonly stats: FlowStatValues;
}

export interface TableStatsEntry {
  readonly tableId: number;
  readonly activeCount: number;
  readonly lookupCount: bigint;
  readonly matchedCount: bigint;
  /** OF1.0 ofp_table_stats only: table name, OFPFW10_* wildcards supported, max_entries. */
  readonly name?: string;
  readonly wildcards?: number;
  readonly maxEntries?: number;
  /** OF1.2 ofp12_table_stats only (with `name` and `maxEntries`): the table's capabilities. */
  readonly of12?: TableStats12;
}

/**
 * The capability fields of an OpenFlow 1.2 ofp12_table_stats entry (OpenFlow 1.2 §A.3.5.4). Field
 * bitmaps have bit N set for OXM_OF_* field N; action bitmaps bit N for OFPAT_* N; `instructions`
 * bit N for OFPIT_* N; `config` holds OFPTC11_TABLE_MISS_* (0 controller, 1 continue, 2 drop).
 */
export interface TableStats12 {
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
}

export interface PortStatsEntry {
  readonly portNo: number;
  readonly rxPackets: bigint;
  readonly txPackets: bigint;
  readonly rxBytes: bigint;
  readonly txBytes: bigint;
  readonly rxDropped: bigint;
  readonly txDropped: bigint;
  readonly rxErrors: bigint;
  readonly txErrors: bigint;
  readonly rxFrameErr: bigint;
  readonly rxOverErr: bigint;
  readonly rxCrcErr: bigint;
  readonly collisions: bigint;
  readonly durationSec: number;
  readonly durationNsec: number;
  /** OF1.4+: properties other than the Ethernet one, raw. */
  readonly otherProperties?: readonly RawProperty[];
}

export interface QueueStatsEntry {
  readonly portNo: number;
  readonly queueId: number;
  readonly txBytes: bigint;
  readonly txPackets: bigint;
  readonly txErrors: bigint;
  readonly durationSec: number;
  readonly durationNsec: number;
  readonly otherProperties?: readonly RawProperty[];
}

export interface GroupStatsEntry {
  readonly groupId: number;
  readonly refCount: number;
  readonly packetCount: bigint;
  readonly byteCount: bigint;
  readonly durationSec: number;
  readonly durationNsec: number;
  readonly bucketStats: readonly { readonly packetCount: bigint; readonly byteCount: bigint }[];
}

export interface GroupDescEntry {
  readonly groupType: number;
  readonly groupId: number;
  readonly buckets: readonly Bucket[];
  readonly selectionMethod?: SelectionMethod;
  readonly properties?: readonly RawProperty[];
}

export interface GroupFeatures {
  readonly types: number;
  readonly capabilities: number;
  readonly maxGroups: readonly [number, number, number, number];
  readonly actions: readonly [number, number, number, number];
}

export interface MeterStatsEntry {
  readonly meterId: number;
  readonly flowCount: number;
  readonly packetInCount: bigint;
  readonly byteInCount: bigint;
  readonly durationSec: number;
  readonly durationNsec: number;
  readonly bandStats: readonly { readonly packetBandCount: bigint; readonly byteBandCount: bigint }[];
}

export interface MeterConfigEntry {
  readonly flags: number;
  readonly meterId: number;
  readonly bands: readonly MeterBand[];
}

export interface MeterFeatures {
  readonly maxMeter: number;
  readonly bandTypes: number;
  readonly capabilities: number;
  readonly maxBands: number;
  readonly maxColor: number;
  /** OF1.5 only. */
  readonly features?: number;
}

/** ofp_table_features; properties kept raw (type + body). */
export interface TableFeatures {
  readonly tableId: number;
  readonly name: string;
  readonly metadataMatch: bigint;
  readonly metadataWrite: bigint;
  /** OF1.3 config / OF1.4+ capabilities. */
  readonly capabilities: number;
  readonly maxEntries: number;
  /** OF1.5 command (0 before). */
  readonly command?: number;
  /** OF1.5 features (0 before). */
  readonly features?: number;
  readonly properties: readonly RawProperty[];
}

export interface DescStats {
  readonly mfrDesc: string;
  readonly hwDesc: string;
  readonly swDesc: string;
  readonly serialNum: string;
  readonly dpDesc: string;
}

export type MultipartReplyBody =
  | ({ readonly kind: 'desc' } & DescStats)
  | { readonly kind: 'flow'; readonly flows: readonly FlowStatsEntry[] }
  | { readonly kind: 'flowStats'; readonly flows: readonly FlowStatsOnlyEntry[] }
  | ({ readonly kind: 'aggregate' } & FlowStatValues)
  | { readonly kind: 'table'; readonly tables: readonly TableStatsEntry[] }
  | { readonly kind: 'portStats'; readonly ports: readonly PortStatsEntry[] }
  | { readonly kind: 'queue'; readonly queues: readonly QueueStatsEntry[] }
  | { readonly kind: 'group'; readonly groups: readonly GroupStatsEntry[] }
  | { readonly kind: 'groupDesc'; readonly groups: readonly GroupDescEntry[] }
  | ({ readonly kind: 'groupFeatures' } & GroupFeatures)
  | { readonly kind: 'meter'; readonly meters: readonly MeterStatsEntry[] }
  | { readonly kind: 'meterConfig'; readonly meters: readonly MeterConfigEntry[] }
  | ({ readonly kind: 'meterFeatures' } & MeterFeatures)
  | { readonly kind: 'tableFeatures'; readonly tables: readonly TableFeatures[] }
  | { readonly kind: 'portDesc'; readonly ports: readonly Port[] }
  | {
      readonly kind: 'experimenter';
      readonly experimenter: number;
      readonly expType: number;
      readonly data: Uint8Array;
    }
  | { readonly kind: 'unknown'; readonly mpType: number; readonly data: Uint8Array }
  | ExtMultipartReplyBody;

export interface MultipartRequest extends OfHeaderFields {
  readonly type: 'multipartRequest';
  readonly flags: number;
  readonly body: MultipartRequestBody;
}
export interface MultipartReply extends OfHeaderFields {
  readonly type: 'multipartReply';
  readonly flags: number;
  readonly body: MultipartReplyBody;
}

/** A message of a type this library does not decode; kept raw so it re-encodes unchanged. */
export interface UnknownMsg extends OfHeaderFields {
  readonly type: 'unknown';
  readonly msgType: number;
  readonly body: Uint8Array;
}

/** Every OpenFlow message, discriminated by `type`. */
export type OfMessage =
  | Hello
  | ErrorMsg
  | EchoRequest
  | EchoReply
  | Experimenter
  | FeaturesRequest
  | FeaturesReply
  | GetConfigRequest
  | SwitchConfig
  | PacketIn
  | FlowRemoved
  | PortStatus
  | PacketOut
  | FlowMod
  | GroupMod
  | PortMod
  | TableMod
  | MultipartRequest
  | MultipartReply
  | BarrierRequest
  | BarrierReply
  | RoleMsg
  | GetAsyncRequest
  | AsyncConfig
  | MeterMod
  | BundleControl
  | BundleAdd
  | NxSetFlowFormat
  | NxSetPacketInFormat
  | NxSetControllerId
  | NxCtFlushZone
  | NxRoleMsg
  | NxSetAsyncConfig
  | NxFlowModTableId
  | NxTlvTableMod
  | NxTlvTableRequest
  | NxTlvTableReply
  | NxPacketIn2
  | NxResume
  | ExtMessage
  | UnknownMsg;

/** The `type` tags of {@link OfMessage}. */
export type OfMessageType = OfMessage['type'];
