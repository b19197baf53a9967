/** Action and instruction type numbers (OpenFlow 1.5.1 §7.2.5, §7.2.6; OpenFlow 1.0.0 §5.2.4). */
export const OFPAT = {
  OUTPUT: 0,
  COPY_TTL_OUT: 11,
  COPY_TTL_IN: 12,
  SET_MPLS_TTL: 15,
  DEC_MPLS_TTL: 16,
  PUSH_VLAN: 17,
  POP_VLAN: 18,
  PUSH_MPLS: 19,
  POP_MPLS: 20,
  SET_QUEUE: 21,
  GROUP: 22,
  SET_NW_TTL: 23,
  DEC_NW_TTL: 24,
  SET_FIELD: 25,
  PUSH_PBB: 26,
  POP_PBB: 27,
  COPY_FIELD: 28, // OpenFlow 1.5
  METER: 29, // OpenFlow 1.5
  EXPERIMENTER: 0xffff,
} as const;

/** OpenFlow 1.1 set-type actions that OF1.2+ replaced by set_field (OpenFlow 1.1.0 §A.2.5). */
export const OFPAT11 = {
  SET_VLAN_VID: 1,
  SET_VLAN_PCP: 2,
  SET_DL_SRC: 3,
  SET_DL_DST: 4,
  SET_NW_SRC: 5,
  SET_NW_DST: 6,
  SET_NW_TOS: 7,
  SET_NW_ECN: 8,
  SET_TP_SRC: 9,
  SET_TP_DST: 10,
  SET_MPLS_LABEL: 13,
  SET_MPLS_TC: 14,
} as const;

/** OpenFlow 1.0 action types (OpenFlow 1.0.0 §5.2.4). */
export const OFPAT10 = {
  OUTPUT: 0,
  SET_VLAN_VID: 1,
  SET_VLAN_PCP: 2,
  STRIP_VLAN: 3,
  SET_DL_SRC: 4,
  SET_DL_DST: 5,
  SET_NW_SRC: 6,
  SET_NW_DST: 7,
  SET_NW_TOS: 8,
  SET_TP_SRC: 9,
  SET_TP_DST: 10,
  ENQUEUE: 11,
  VENDOR: 0xffff,
} as const;

/** Instruction types (OpenFlow 1.5.1 §7.2.5). */
export const OFPIT = {
  GOTO_TABLE: 1,
  WRITE_METADATA: 2,
  WRITE_ACTIONS: 3,
  APPLY_ACTIONS: 4,
  CLEAR_ACTIONS: 5,
  METER: 6, // OpenFlow 1.3, 1.4 (an action in 1.5)
  STAT_TRIGGER: 7, // OpenFlow 1.5
  EXPERIMENTER: 0xffff,
} as const;

/** Nicira vendor id (OVS include/openflow/nicira-ext.h). */
export const NX_VENDOR_ID = 0x00002320;

/** ONF vendor id and its copy_field extension for OpenFlow 1.3 (ONF_ET_COPY_FIELD, EXT-320). */
export const ONF_VENDOR_ID = 0x4f4e4600;
export const ONF_ET_COPY_FIELD = 3200;

/** Nicira action subtypes (OVS lib/ofp-actions.c, enum ofp_raw_action_type NXAST_RAW_*). */
export const NXAST = {
  RESUBMIT: 1,
  SET_TUNNEL: 2,
  SET_QUEUE: 4,
  POP_QUEUE: 5,
  REG_MOVE: 6,
  REG_LOAD: 7,
  NOTE: 8,
  SET_TUNNEL64: 9,
  MULTIPATH: 10,
  BUNDLE: 12,
  BUNDLE_LOAD: 13,
  RESUBMIT_TABLE: 14,
  OUTPUT_REG: 15,
  LEARN: 16,
  EXIT: 17,
  DEC_TTL: 18,
  FIN_TIMEOUT: 19,
  CONTROLLER: 20,
  DEC_TTL_CNT_IDS: 21,
  WRITE_METADATA: 22,
  SET_MPLS_LABEL: 30,
  SET_MPLS_TC: 31,
  SET_MPLS_TTL: 25,
  DEC_MPLS_TTL: 26,
  PUSH_MPLS: 23,
  POP_MPLS: 24,
  STACK_PUSH: 27,
  STACK_POP: 28,
  SAMPLE: 29,
  OUTPUT_REG2: 32,
  REG_LOAD2: 33,
  CONJUNCTION: 34,
  CT: 35,
  NAT: 36,
  CONTROLLER2: 37,
  SAMPLE2: 38,
  OUTPUT_TRUNC: 39,
  GROUP: 40,
  SAMPLE3: 41,
  CLONE: 42,
  CT_CLEAR: 43,
  RESUBMIT_TABLE_CT: 44,
  LEARN2: 45,
  ENCAP: 46,
  DECAP: 47,
  DEC_NSH_TTL: 48,
  CHECK_PKT_LARGER: 49,
  DELETE_FIELD: 50,
} as const;

/** NXAST_CT flags. */
export const NX_CT_F = { COMMIT: 1, FORCE: 2 } as const;
/** NXAST_NAT flags and range-present bits. */
export const NX_NAT_F = { SRC: 1, DST: 2, PERSISTENT: 4, PROTO_HASH: 8, PROTO_RANDOM: 16 } as const;
export const NX_NAT_RANGE = {
  IPV4_MIN: 1,
  IPV4_MAX: 2,
  IPV6_MIN: 4,
  IPV6_MAX: 8,
  PROTO_MIN: 16,
  PROTO_MAX: 32,
} as const;
/** NXAST_CONTROLLER2 property types. */
export const NXAC2PT = { MAX_LEN: 0, CONTROLLER_ID: 1, REASON: 2, USERDATA: 3, PAUSE: 4, METER_ID: 5 } as const;
/** nx_learn flags. */
export const NX_LEARN_F = { SEND_FLOW_REM: 1, DELETE_LEARNED: 2, WRITE_RESULT: 4 } as const;
/** NX_CT_RECIRC_NONE: ct() without table=. */
export const NX_CT_RECIRC_NONE = 0xff;
/** NX_CTLR_NO_METER. */
export const NX_CTLR_NO_METER = 0;

/** ofp_packet_in_reason names as ovs-ofctl prints them. */
export const PACKET_IN_REASONS = ['no_match', 'action', 'invalid_ttl', 'action_set', 'group', 'packet_out'] as const;

/** nx_hash_fields names (multipath, bundle). */
export const NX_HASH_FIELDS = [
  'eth_src',
  'symmetric_l4',
  'symmetric_l3l4',
  'symmetric_l3l4+udp',
  'nw_src',
  'nw_dst',
  'symmetric_l3',
] as const;

export const NX_MP_ALG = ['modulo_n', 'hash_threshold', 'hrw', 'iter_hash'] as const;

export const NX_BD_ALG = ['active_backup', 'hrw'] as const;
