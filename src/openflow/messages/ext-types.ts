/**
 * Typed forms of the Nicira / ONF extension messages and the OF1.4 status messages that OVS
 * speaks besides the core set: flow monitor (NXST/ONFST/OFPST_FLOW_MONITOR and the NXT/ONFT
 * cancel / paused / resumed notices), role status, requestforward, NXT_FLOW_MOD / NXT_PACKET_IN /
 * NXT_FLOW_REMOVED (NXM matches in OpenFlow 1.0), NXT_CT_FLUSH, NXST_FLOW / NXST_AGGREGATE,
 * NXST_IPFIX_* and queue configuration. Byte payloads alias the decoded input.
 */
import type { Match } from '../match/index.js';
import type { Action } from '../actions/index.js';
import type {
  FlowMod,
  FlowStatsEntry,
  GroupDescEntry,
  GroupFeatures,
  GroupMod,
  GroupStatsEntry,
  MeterMod,
  OfHeaderFields,
  PacketIn,
  RawProperty,
} from './types.js';

/**
 * Which extension family carries a message that exists in several: Nicira (`'nx'`, OF1.0–1.2 in
 * OVS), ONF (`'onf'`, OF1.3) or the standard OF1.4+ form (`'of'`).
 */
export type ExtFlavor = 'nx' | 'onf' | 'of';

// ---- flow monitor (nicira-ext.h nx_flow_monitor_*, OpenFlow 1.4.1 §7.3.5.19) ---------------------

/** NXT/ONFT_FLOW_MONITOR_CANCEL: stop monitor `id`. */
export interface FlowMonitorCancel extends OfHeaderFields {
  readonly type: 'flowMonitorCancel';
  readonly flavor: 'nx' | 'onf';
  readonly id: number;
}
/** NXT/ONFT_FLOW_MONITOR_PAUSED / _RESUMED (no body). */
export interface FlowMonitorPause extends OfHeaderFields {
  readonly type: 'flowMonitorPaused' | 'flowMonitorResumed';
  readonly flavor: 'nx' | 'onf';
}

/**
 * One flow monitor request. `flags` are NXFMF_* (initial 1, add 2, delete 4, modify 8, actions 16,
 * own 32) in every flavor. `command` (OF1.4: add 0, modify 1, delete 2) and `outGroup` only in the
 * OF1.4 form; `outPort` is 16-bit in the Nicira form.
 */
export interface FlowMonitorRequestEntry {
  readonly id: number;
  readonly flags: number;
  readonly outPort: number;
  readonly outGroup?: number;
  readonly tableId: number;
  readonly command?: number;
  readonly match: Match;
}

/**
 * One flow update. `event`: added 0, deleted 1, modified 2, abbrev 3 (NXFME_*); the OF1.4 form
 * numbers them initial 0, added 1, removed 2, modified 3, abbrev 4, paused 5, resumed 6
 * (OFPFME_*) and this field keeps the wire number. Full updates carry the flow; abbrev only `xid`.
 */
export type FlowUpdate =
  | {
      readonly event: number;
      readonly reason: number;
      readonly priority: number;
      readonly idleTimeout: number;
      readonly hardTimeout: number;
      readonly tableId: number;
      readonly cookie: bigint;
      readonly match: Match;
      readonly actions: readonly Action[];
    }
  | { readonly event: number; readonly xid: number }
  | { readonly event: number };

// ---- role status / requestforward ----------------------------------------------------------------

/** OFPT_ROLE_STATUS (OF1.4) / ONFT_ROLE_STATUS (OF1.3). role: OFPCR_ROLE_*; reason: OFPCRR_*. */
export interface RoleStatus extends OfHeaderFields {
  readonly type: 'roleStatus';
  readonly role: number;
  readonly reason: number;
  readonly generationId: bigint;
  readonly properties?: readonly RawProperty[];
}

/**
 * OFPT_REQUESTFORWARD (OF1.4+), ONFT_REQUESTFORWARD (OF1.3), NXT_REQUESTFORWARD (OF1.0–1.2): a
 * group_mod or meter_mod another controller sent, forwarded whole. `request` carries its own xid.
 */
export interface RequestForward extends OfHeaderFields {
  readonly type: 'requestForward';
  readonly flavor: ExtFlavor;
  readonly request: GroupMod | MeterMod | NxGroupMod;
}

/**
 * NXT_GROUP_MOD: the OpenFlow 1.5 group_mod (bucket ids, properties, selection method) carried as
 * a Nicira message in OF1.0–1.4; bucket actions are of the message's version.
 */
export interface NxGroupMod extends Omit<GroupMod, 'type'> {
  readonly type: 'nxGroupMod';
}

// ---- table description / status (OpenFlow 1.4.1 §7.3.5.13, §7.4.5) -------------------------------

/**
 * One table-mod / table-desc property (ofp14_table_mod_prop_*): eviction flags (OFPTMPEF14_* : other
 * 1, importance 2, lifetime 4), vacancy thresholds in percent, others raw. Kept in wire order.
 */
export type TableDescProperty =
  | { readonly prop: 'eviction'; readonly flags: number }
  | { readonly prop: 'vacancy'; readonly vacancyDown: number; readonly vacancyUp: number; readonly vacancy: number }
  | { readonly prop: 'unknown'; readonly propType: number; readonly data: Uint8Array };

/** ofp14_table_desc: `config` holds OFPTC14_EVICTION (4) and OFPTC14_VACANCY_EVENTS (8). */
export interface TableDesc {
  readonly tableId: number;
  readonly config: number;
  readonly properties: readonly TableDescProperty[];
}

/** OFPT_TABLE_STATUS (OF1.4+): reason OFPTR_VACANCY_DOWN (3) / OFPTR_VACANCY_UP (4) and the table. */
export interface TableStatus extends OfHeaderFields {
  readonly type: 'tableStatus';
  readonly reason: number;
  readonly table: TableDesc;
}

// ---- controller status (OpenFlow 1.5.1 §7.3.5.18, §7.4.7) -----------------------------------------

/** One ofp_controller_status property: the controller's URI (OFPCSPT_URI), others raw. */
export type ControllerStatusProperty =
  | { readonly prop: 'uri'; readonly uri: string }
  | { readonly prop: 'unknown'; readonly propType: number; readonly data: Uint8Array };

/**
 * ofp_controller_status: `role` OFPCR_ROLE_*, `reason` OFPCSR_* (request 0, channel_status 1, role 2,
 * controller_added 3, controller_removed 4, short_id 5, experimenter 6), `channelStatus` OFPCT_STATUS_*
 * (up 0, down 1).
 */
export interface ControllerStatusEntry {
  readonly shortId: number;
  readonly role: number;
  readonly reason: number;
  readonly channelStatus: number;
  readonly properties: readonly ControllerStatusProperty[];
}

/** OFPT_CONTROLLER_STATUS (OF1.5): a controller connection changed. */
export interface ControllerStatus extends OfHeaderFields {
  readonly type: 'controllerStatus';
  readonly status: ControllerStatusEntry;
}

// ---- bundle features (OpenFlow 1.5.1 §7.3.5.20) ---------------------------------------------------

/** ofp_time: seconds and nanoseconds. */
export interface OfpTime {
  readonly sec: bigint;
  readonly nsec: number;
}

/** A bundle-features property: the scheduling capability (OFPTMPBF_TIME_CAPABILITY), others raw. */
export type BundleFeaturesProperty =
  | {
      readonly prop: 'time';
      readonly schedAccuracy: OfpTime;
      readonly schedMaxFuture: OfpTime;
      readonly schedMaxPast: OfpTime;
      readonly timestamp: OfpTime;
    }
  | { readonly prop: 'unknown'; readonly propType: number; readonly data: Uint8Array };

// ---- NXM-based flow messages (OpenFlow 1.0 with the nxm flow format) -----------------------------

/**
 * NXT_FLOW_MOD: an OF1.0-style flow_mod with an NXM match. `tableId` is the high byte of the
 * command (only meaningful after NXT_FLOW_MOD_TABLE_ID); `outPort` is 16-bit; the actions are one
 * apply_actions instruction.
 */
export interface NxFlowMod extends Omit<FlowMod, 'type'> {
  readonly type: 'nxFlowMod';
}

/** NXT_PACKET_IN: packet-in with an NXM match (the packet's metadata). */
export interface NxPacketIn extends Omit<PacketIn, 'type' | 'inPort'> {
  readonly type: 'nxPacketIn';
}

/** NXT_FLOW_REMOVED. `tableId` is the wire value (table + 1; 0 = unknown). */
export interface NxFlowRemoved extends OfHeaderFields {
  readonly type: 'nxFlowRemoved';
  readonly cookie: bigint;
  readonly priority: number;
  readonly reason: number;
  readonly tableId: number;
  readonly durationSec: number;
  readonly durationNsec: number;
  readonly idleTimeout: number;
  readonly packetCount: bigint;
  readonly byteCount: bigint;
  readonly match: Match;
}

// ---- NXT_CT_FLUSH (nicira-ext.h nx_ct_flush) -----------------------------------------------------

/** One field of a conntrack tuple property (NXT_CT_TUPLE_*), in wire order. */
export type CtTupleField =
  | { readonly field: 'src' | 'dst'; readonly addr: Uint8Array }
  | { readonly field: 'srcPort' | 'dstPort' | 'icmpId'; readonly value: number }
  | { readonly field: 'icmpType' | 'icmpCode'; readonly value: number }
  | { readonly field: 'unknown'; readonly propType: number; readonly data: Uint8Array };

/** One NXT_CT_FLUSH property, in wire order. */
export type CtFlushProperty =
  | { readonly prop: 'zone'; readonly zoneId: number }
  | { readonly prop: 'origTuple' | 'replyTuple'; readonly fields: readonly CtTupleField[] }
  | { readonly prop: 'unknown'; readonly propType: number; readonly data: Uint8Array };

/**
 * NXT_CT_FLUSH: flush conntrack entries matching `ipProto` and the tuples (addresses are 16 bytes,
 * IPv4 as v4-mapped IPv6), optionally in one zone. Properties are kept in wire order.
 */
export interface NxCtFlush extends OfHeaderFields {
  readonly type: 'nxCtFlush';
  readonly ipProto: number;
  readonly properties: readonly CtFlushProperty[];
}

// ---- queue configuration --------------------------------------------------------------------------

/** One queue property: min-rate (1) / max-rate (2) in tenths of a percent; others raw. */
export type QueueProperty =
  | { readonly prop: 'minRate' | 'maxRate'; readonly rate: number }
  | { readonly prop: 'unknown'; readonly propType: number; readonly data: Uint8Array };

/** ofp_packet_queue (OF1.0–1.3) / ofp14_queue_desc. `portNo` absent in OF1.0–1.2 queue config. */
export interface QueueDesc {
  readonly queueId: number;
  readonly portNo: number;
  readonly properties: readonly QueueProperty[];
}

export interface QueueGetConfigRequest extends OfHeaderFields {
  readonly type: 'queueGetConfigRequest';
  readonly portNo: number;
}
export interface QueueGetConfigReply extends OfHeaderFields {
  readonly type: 'queueGetConfigReply';
  readonly portNo: number;
  readonly queues: readonly QueueDesc[];
}

// ---- Nicira statistics ----------------------------------------------------------------------------

/** NXST_FLOW / NXST_AGGREGATE request (nx_flow_stats_request): 16-bit out_port, NXM match. */
export interface NxFlowStatsRequest {
  readonly outPort: number;
  readonly tableId: number;
  readonly match: Match;
}

/** One NXST_FLOW reply entry: the common entry plus the raw idle_age / hard_age (age + 1; 0 unknown). */
export interface NxFlowStatsEntry extends FlowStatsEntry {
  readonly idleAge: number;
  readonly hardAge: number;
}

/** NXST_IPFIX_BRIDGE / NXST_IPFIX_FLOW counters (nx_ipfix_stats_reply). */
export interface IpfixStats {
  /** collector set id (NXST_IPFIX_FLOW only; 0 in the bridge reply). */
  readonly collectorSetId: number;
  readonly totalFlows: bigint;
  readonly currentFlows: bigint;
  readonly packets: bigint;
  readonly ipv4Packets: bigint;
  readonly ipv6Packets: bigint;
  readonly errorPackets: bigint;
  readonly ipv4ErrorPackets: bigint;
  readonly ipv6ErrorPackets: bigint;
  readonly txPackets: bigint;
  readonly txErrors: bigint;
}

/** Multipart request bodies added by the extensions (members of MultipartRequestBody). */
export type ExtMultipartRequestBody =
  | ({ readonly kind: 'nxFlow' } & NxFlowStatsRequest)
  | ({ readonly kind: 'nxAggregate' } & NxFlowStatsRequest)
  | { readonly kind: 'flowMonitor'; readonly flavor: ExtFlavor; readonly monitors: readonly FlowMonitorRequestEntry[] }
  | { readonly kind: 'queueDesc'; readonly portNo: number; readonly queueId: number }
  | { readonly kind: 'ipfixBridge' }
  | { readonly kind: 'ipfixFlow' }
  /** NXST_GROUP / NXST_GROUP_DESC / NXST_GROUP_FEATURES: OF1.1+ group statistics asked in OF1.0. */
  | { readonly kind: 'nxGroup'; readonly groupId: number }
  | { readonly kind: 'nxGroupDesc'; readonly groupId: number }
  | { readonly kind: 'nxGroupFeatures' }
  /** OFPMP_TABLE_DESC (OF1.4+). */
  | { readonly kind: 'tableDesc' }
  /** OFPMP_CONTROLLER_STATUS (OF1.5). */
  | { readonly kind: 'controllerStatus' }
  /** OFPMP_BUNDLE_FEATURES (OF1.5): flags OFPBF_TIMESTAMP 1, OFPBF_TIME_SET_SCHED 2. */
  | {
      readonly kind: 'bundleFeatures';
      readonly featureRequestFlags: number;
      readonly properties: readonly BundleFeaturesProperty[];
    };

/** Multipart reply bodies added by the extensions (members of MultipartReplyBody). */
export type ExtMultipartReplyBody =
  | { readonly kind: 'nxFlow'; readonly flows: readonly NxFlowStatsEntry[] }
  | {
      readonly kind: 'nxAggregate';
      readonly packetCount: bigint;
      readonly byteCount: bigint;
      readonly flowCount: number;
    }
  | { readonly kind: 'flowMonitor'; readonly flavor: ExtFlavor; readonly updates: readonly FlowUpdate[] }
  | { readonly kind: 'queueDesc'; readonly queues: readonly QueueDesc[] }
  | { readonly kind: 'ipfixBridge'; readonly stats: IpfixStats }
  | { readonly kind: 'ipfixFlow'; readonly flows: readonly IpfixStats[] }
  /** NXST_GROUP reply: OF1.3 ofp_group_stats entries. */
  | { readonly kind: 'nxGroup'; readonly groups: readonly GroupStatsEntry[] }
  /** NXST_GROUP_DESC reply: OF1.5 group desc entries whose bucket actions are of the message's version. */
  | { readonly kind: 'nxGroupDesc'; readonly groups: readonly GroupDescEntry[] }
  /** NXST_GROUP_FEATURES reply; action bits are OF1.0 action numbers. */
  | ({ readonly kind: 'nxGroupFeatures' } & GroupFeatures)
  | { readonly kind: 'tableDesc'; readonly tables: readonly TableDesc[] }
  | { readonly kind: 'controllerStatus'; readonly controllers: readonly ControllerStatusEntry[] }
  /** capabilities: OFPBF_* (atomic 1, ordered 2, time 4). */
  | {
      readonly kind: 'bundleFeatures';
      readonly capabilities: number;
      readonly properties: readonly BundleFeaturesProperty[];
    };

/** Top-level messages added by the extensions (members of OfMessage). */
export type ExtMessage =
  | FlowMonitorCancel
  | FlowMonitorPause
  | RoleStatus
  | RequestForward
  | NxGroupMod
  | NxFlowMod
  | NxPacketIn
  | NxFlowRemoved
  | NxCtFlush
  | QueueGetConfigRequest
  | QueueGetConfigReply
  | TableStatus
  | ControllerStatus;
