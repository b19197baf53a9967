/**
 * Wire constants for whole OpenFlow messages, named as the specs name them. Values are per the
 * OpenFlow 1.3.5 / 1.5.1 specs and, for Nicira (NX) extensions, Open vSwitch's
 * include/openflow/nicira-ext.h and lib/ofp-msgs.c.
 */

/** ofp_type for OpenFlow 1.1 and later (OpenFlow 1.5.1 §7.1.1). */
export const OFPT = {
  HELLO: 0,
  ERROR: 1,
  ECHO_REQUEST: 2,
  ECHO_REPLY: 3,
  EXPERIMENTER: 4,
  FEATURES_REQUEST: 5,
  FEATURES_REPLY: 6,
  GET_CONFIG_REQUEST: 7,
  GET_CONFIG_REPLY: 8,
  SET_CONFIG: 9,
  PACKET_IN: 10,
  FLOW_REMOVED: 11,
  PORT_STATUS: 12,
  PACKET_OUT: 13,
  FLOW_MOD: 14,
  GROUP_MOD: 15,
  PORT_MOD: 16,
  TABLE_MOD: 17,
  MULTIPART_REQUEST: 18,
  MULTIPART_REPLY: 19,
  BARRIER_REQUEST: 20,
  BARRIER_REPLY: 21,
  QUEUE_GET_CONFIG_REQUEST: 22, // OF1.1–1.3
  QUEUE_GET_CONFIG_REPLY: 23, // OF1.1–1.3
  ROLE_REQUEST: 24,
  ROLE_REPLY: 25,
  GET_ASYNC_REQUEST: 26,
  GET_ASYNC_REPLY: 27,
  SET_ASYNC: 28,
  METER_MOD: 29,
  ROLE_STATUS: 30, // OF1.4
  TABLE_STATUS: 31, // OF1.4
  REQUESTFORWARD: 32, // OF1.4
  BUNDLE_CONTROL: 33, // OF1.4
  BUNDLE_ADD_MESSAGE: 34, // OF1.4
  CONTROLLER_STATUS: 35, // OF1.5
} as const;

/** ofp_type for OpenFlow 1.0 where it differs from {@link OFPT} (OpenFlow 1.0.0 §5.1). */
export const OFPT10 = {
  HELLO: 0,
  ERROR: 1,
  ECHO_REQUEST: 2,
  ECHO_REPLY: 3,
  VENDOR: 4,
  FEATURES_REQUEST: 5,
  FEATURES_REPLY: 6,
  GET_CONFIG_REQUEST: 7,
  GET_CONFIG_REPLY: 8,
  SET_CONFIG: 9,
  PACKET_IN: 10,
  FLOW_REMOVED: 11,
  PORT_STATUS: 12,
  PACKET_OUT: 13,
  FLOW_MOD: 14,
  PORT_MOD: 15,
  STATS_REQUEST: 16,
  STATS_REPLY: 17,
  BARRIER_REQUEST: 18,
  BARRIER_REPLY: 19,
  QUEUE_GET_CONFIG_REQUEST: 20,
  QUEUE_GET_CONFIG_REPLY: 21,
} as const;

/** ofp_multipart_type (OpenFlow 1.5.1 §7.3.5; OF1.0 ofp_stats_types share 0–5). */
export const OFPMP = {
  DESC: 0,
  FLOW_DESC: 1, // OFPMP_FLOW before 1.5
  AGGREGATE_STATS: 2,
  TABLE_STATS: 3,
  PORT_STATS: 4,
  QUEUE_STATS: 5,
  GROUP_STATS: 6,
  GROUP_DESC: 7,
  GROUP_FEATURES: 8,
  METER_STATS: 9,
  METER_DESC: 10, // OFPMP_METER_CONFIG before 1.5
  METER_FEATURES: 11,
  TABLE_FEATURES: 12,
  PORT_DESC: 13,
  TABLE_DESC: 14, // OF1.4
  QUEUE_DESC: 15, // OF1.4
  FLOW_MONITOR: 16, // OF1.4
  FLOW_STATS: 17, // OF1.5
  CONTROLLER_STATUS: 18, // OF1.5
  BUNDLE_FEATURES: 19, // OF1.5
  EXPERIMENTER: 0xffff,
} as const;

/** ofp_multipart_request_flags / reply flags (OpenFlow 1.5.1 §7.3.5). */
export const OFPMPF_MORE = 1 as const;

/** ofp_hello_elem_type (OpenFlow 1.5.1 §7.5.1). */
export const OFPHET_VERSIONBITMAP = 1 as const;

/** Experimenter ids (OpenFlow 1.5.1 §7.2.5; ONF and Nicira registered ids). */
export const EXPERIMENTER_ID = {
  NX: 0x00002320, // Nicira
  ONF: 0x4f4e4600,
} as const;

/** Nicira extension message subtypes (OVS include/openflow/nicira-ext.h, lib/ofp-msgs.c). */
export const NXT = {
  ROLE_REQUEST: 10,
  ROLE_REPLY: 11,
  SET_FLOW_FORMAT: 12,
  FLOW_MOD: 13,
  FLOW_REMOVED: 14,
  FLOW_MOD_TABLE_ID: 15,
  SET_PACKET_IN_FORMAT: 16,
  PACKET_IN: 17,
  FLOW_AGE: 18,
  SET_ASYNC_CONFIG: 19,
  SET_CONTROLLER_ID: 20,
  FLOW_MONITOR_CANCEL: 21,
  FLOW_MONITOR_PAUSED: 22,
  FLOW_MONITOR_RESUMED: 23,
  TLV_TABLE_MOD: 24,
  TLV_TABLE_REQUEST: 25,
  TLV_TABLE_REPLY: 26,
  RESUME: 28,
  CT_FLUSH_ZONE: 29,
  PACKET_IN2: 30,
  CT_FLUSH: 32,
} as const;

/** nx_flow_format for NXT_SET_FLOW_FORMAT (nicira-ext.h). */
export const NXFF = { OPENFLOW10: 0, NXM: 2 } as const;

/** nx_packet_in_format for NXT_SET_PACKET_IN_FORMAT (nicira-ext.h). */
export const NXPIF = { STANDARD: 0, NXT_PACKET_IN: 1, NXT_PACKET_IN2: 2 } as const;

/** NXT_PACKET_IN2 / NXT_RESUME property types (nicira-ext.h, enum nx_packet_in2_prop_type). */
export const NXPINT = {
  PACKET: 0,
  FULL_LEN: 1,
  BUFFER_ID: 2,
  TABLE_ID: 3,
  COOKIE: 4,
  REASON: 5,
  METADATA: 6,
  USERDATA: 7,
  CONTINUATION: 8,
} as const;

/** nx_tlv_table_mod_command (nicira-ext.h). */
export const NXTTMC = { ADD: 0, DELETE: 1, CLEAR: 2 } as const;

/** ofp_flow_mod_command (OpenFlow 1.5.1 §7.3.4.2). */
export const OFPFC = { ADD: 0, MODIFY: 1, MODIFY_STRICT: 2, DELETE: 3, DELETE_STRICT: 4 } as const;

/** ofp_group_mod_command (OpenFlow 1.5.1 §7.3.4.3). */
export const OFPGC = { ADD: 0, MODIFY: 1, DELETE: 2, INSERT_BUCKET: 3, REMOVE_BUCKET: 5 } as const;

/** ofp_meter_mod_command (OpenFlow 1.5.1 §7.3.4.5). */
export const OFPMC = { ADD: 0, MODIFY: 1, DELETE: 2 } as const;

/** ofp_controller_role (OpenFlow 1.5.1 §7.3.9). */
export const OFPCR_ROLE = { NOCHANGE: 0, EQUAL: 1, MASTER: 2, SLAVE: 3 } as const;

/** ofp_bundle_ctrl_type (OpenFlow 1.5.1 §7.3.9.1). */
export const OFPBCT = {
  OPEN_REQUEST: 0,
  OPEN_REPLY: 1,
  CLOSE_REQUEST: 2,
  CLOSE_REPLY: 3,
  COMMIT_REQUEST: 4,
  COMMIT_REPLY: 5,
  DISCARD_REQUEST: 6,
  DISCARD_REPLY: 7,
} as const;

/** ofp_bundle_flags (OpenFlow 1.5.1 §7.3.9.1). */
export const OFPBF = { ATOMIC: 1, ORDERED: 2, TIME: 4 } as const;

/** ofp_packet_in_reason (OpenFlow 1.5.1 §7.4.1). */
export const OFPR = { TABLE_MISS: 0, APPLY_ACTION: 1, INVALID_TTL: 2, ACTION_SET: 3, GROUP: 4, PACKET_OUT: 5 } as const;

/** ofp_port_reason (OpenFlow 1.5.1 §7.4.3). */
export const OFPPR = { ADD: 0, DELETE: 1, MODIFY: 2 } as const;

/** ofp_flow_removed_reason (OpenFlow 1.5.1 §7.4.2). */
export const OFPRR = {
  IDLE_TIMEOUT: 0,
  HARD_TIMEOUT: 1,
  DELETE: 2,
  GROUP_DELETE: 3,
  METER_DELETE: 4,
  EVICTION: 5,
} as const;

/** Reserved port numbers, 32-bit form (OpenFlow 1.5.1 §7.2.1). */
export const OFPP = {
  MAX: 0xffffff00,
  UNSET: 0xfffffff7,
  IN_PORT: 0xfffffff8,
  TABLE: 0xfffffff9,
  NORMAL: 0xfffffffa,
  FLOOD: 0xfffffffb,
  ALL: 0xfffffffc,
  CONTROLLER: 0xfffffffd,
  LOCAL: 0xfffffffe,
  ANY: 0xffffffff,
} as const;

/** OF1.0 16-bit reserved ports (OpenFlow 1.0.0 §5.2.1). */
export const OFPP10 = {
  MAX: 0xff00,
  IN_PORT: 0xfff8,
  TABLE: 0xfff9,
  NORMAL: 0xfffa,
  FLOOD: 0xfffb,
  ALL: 0xfffc,
  CONTROLLER: 0xfffd,
  LOCAL: 0xfffe,
  NONE: 0xffff,
} as const;

/** Group ids (OpenFlow 1.5.1 §7.3.4.3). */
export const OFPG = { MAX: 0xffffff00, ALL: 0xfffffffc, ANY: 0xffffffff } as const;

/** Table ids (OpenFlow 1.5.1 §7.3.4.1). */
export const OFPTT = { MAX: 0xfe, ALL: 0xff } as const;

/** ofp_no_buffer (OpenFlow 1.5.1 §7.2.6.1). */
export const OFP_NO_BUFFER = 0xffffffff;

/** ofp_error_type (OpenFlow 1.5.1 §7.5.4). */
export const OFPET = {
  HELLO_FAILED: 0,
  BAD_REQUEST: 1,
  BAD_ACTION: 2,
  BAD_INSTRUCTION: 3,
  BAD_MATCH: 4,
  FLOW_MOD_FAILED: 5,
  GROUP_MOD_FAILED: 6,
  PORT_MOD_FAILED: 7,
  TABLE_MOD_FAILED: 8,
  QUEUE_OP_FAILED: 9,
  SWITCH_CONFIG_FAILED: 10,
  ROLE_REQUEST_FAILED: 11,
  METER_MOD_FAILED: 12,
  TABLE_FEATURES_FAILED: 13,
  BAD_PROPERTY: 14,
  ASYNC_CONFIG_FAILED: 15,
  FLOW_MONITOR_FAILED: 16,
  BUNDLE_FAILED: 17,
  EXPERIMENTER: 0xffff,
} as const;

/** ofp_port_config bits (OpenFlow 1.5.1 §7.2.1). */
export const OFPPC = { PORT_DOWN: 1 << 0, NO_RECV: 1 << 2, NO_FWD: 1 << 5, NO_PACKET_IN: 1 << 6 } as const;

/** ofp_port_state bits (OpenFlow 1.5.1 §7.2.1). */
export const OFPPS = { LINK_DOWN: 1 << 0, BLOCKED: 1 << 1, LIVE: 1 << 2 } as const;

/** ofp_flow_mod_flags (OpenFlow 1.5.1 §7.3.4.2). */
export const OFPFF = {
  SEND_FLOW_REM: 1 << 0,
  CHECK_OVERLAP: 1 << 1,
  RESET_COUNTS: 1 << 2,
  NO_PKT_COUNTS: 1 << 3,
  NO_BYT_COUNTS: 1 << 4,
} as const;

/** ofp_config_flags (OpenFlow 1.5.1 §7.3.2). */
export const OFPC_FRAG = { NORMAL: 0, DROP: 1, REASM: 2, MASK: 3 } as const;

/** ofp_table_feature_prop_type (OpenFlow 1.5.1 §7.3.5.18.2). */
export const OFPTFPT = {
  INSTRUCTIONS: 0,
  INSTRUCTIONS_MISS: 1,
  NEXT_TABLES: 2,
  NEXT_TABLES_MISS: 3,
  WRITE_ACTIONS: 4,
  WRITE_ACTIONS_MISS: 5,
  APPLY_ACTIONS: 6,
  APPLY_ACTIONS_MISS: 7,
  MATCH: 8,
  WILDCARDS: 10,
  WRITE_SETFIELD: 12,
  WRITE_SETFIELD_MISS: 13,
  APPLY_SETFIELD: 14,
  APPLY_SETFIELD_MISS: 15,
  EXPERIMENTER: 0xfffe,
  EXPERIMENTER_MISS: 0xffff,
} as const;
