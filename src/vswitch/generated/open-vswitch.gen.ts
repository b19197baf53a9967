// generated — do not edit. Produced by ovsdb-codegen from the Open_vSwitch schema, version 8.3.1 (cksum 3012963480 26720).
// Regenerate with `ovsdb-codegen <schema.ovsschema> -o <dir>`.
/* eslint-disable */
import type { DatabaseModel, DatabaseSchema, Ref, Uuid } from '../../ovsdb/typed/index.js';

// ---- AutoAttach --------------------------------------------------------------------------------------

/** A row of `AutoAttach` as read from the server; non-root table (garbage-collected when unreferenced). */
export interface AutoAttachRow {
  readonly _uuid: Uuid<'AutoAttach'>;
  readonly _version: string;
  /** map integer 0..16777215 → integer 0..4095 */
  readonly mappings: Readonly<Record<number, number>>;
  /** string */
  readonly system_description: string;
  /** string */
  readonly system_name: string;
}

/** Columns of a new `AutoAttach` row; an omitted column takes its default (required: columns whose default the server would refuse). */
export interface AutoAttachInsert {
  readonly mappings?: Readonly<Record<number, number>>;
  readonly system_description?: string;
  readonly system_name?: string;
}

/** Columns an `update` of `AutoAttach` may set (immutable columns are not here). */
export interface AutoAttachUpdate {
  readonly mappings?: Readonly<Record<number, number>>;
  readonly system_description?: string;
  readonly system_name?: string;
}

/** Conditions on `AutoAttach` (RFC 7047 §5.1), restricted by column kind. */
export type AutoAttachCondition =
  | readonly ['_uuid', '==' | '!=', Ref<'AutoAttach'>]
  | readonly ['_version', '==' | '!=', string]
  | readonly ['mappings', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<number, number>>]
  | readonly ['system_description', '==' | '!=', string]
  | readonly ['system_name', '==' | '!=', string];

/** Mutations of `AutoAttach` (RFC 7047 §5.1), restricted by column kind; immutable columns excluded. */
export type AutoAttachMutation =
  | readonly ['mappings', 'insert', Readonly<Record<number, number>>]
  | readonly ['mappings', 'delete', Readonly<Record<number, number>> | readonly number[]];

// ---- Bridge ------------------------------------------------------------------------------------------

/** A row of `Bridge` as read from the server; non-root table (garbage-collected when unreferenced); indexes: (name). */
export interface BridgeRow {
  readonly _uuid: Uuid<'Bridge'>;
  readonly _version: string;
  /** optional strong reference to AutoAttach */
  readonly auto_attach: Uuid<'AutoAttach'> | undefined;
  /** set of 0..∞ strong reference to Controller */
  readonly controller: readonly Uuid<'Controller'>[];
  /** optional string; ephemeral */
  readonly datapath_id: string | undefined;
  /** string */
  readonly datapath_type: string;
  /** string */
  readonly datapath_version: string;
  /** map string → string */
  readonly external_ids: Readonly<Record<string, string>>;
  /** optional string */
  readonly fail_mode: 'standalone' | 'secure' | undefined;
  /** set of 0..4096 integer 0..4095 */
  readonly flood_vlans: readonly number[];
  /** map integer 0..254 → strong reference to Flow_Table */
  readonly flow_tables: Readonly<Record<number, Uuid<'Flow_Table'>>>;
  /** optional strong reference to IPFIX */
  readonly ipfix: Uuid<'IPFIX'> | undefined;
  /** boolean */
  readonly mcast_snooping_enable: boolean;
  /** set of 0..∞ strong reference to Mirror */
  readonly mirrors: readonly Uuid<'Mirror'>[];
  /** string; immutable */
  readonly name: string;
  /** optional strong reference to NetFlow */
  readonly netflow: Uuid<'NetFlow'> | undefined;
  /** map string → string */
  readonly other_config: Readonly<Record<string, string>>;
  /** set of 0..∞ strong reference to Port */
  readonly ports: readonly Uuid<'Port'>[];
  /** set of 0..∞ string */
  readonly protocols: readonly ('OpenFlow10' | 'OpenFlow11' | 'OpenFlow12' | 'OpenFlow13' | 'OpenFlow14' | 'OpenFlow15')[];
  /** boolean */
  readonly rstp_enable: boolean;
  /** map string → string; ephemeral */
  readonly rstp_status: Readonly<Record<string, string>>;
  /** optional strong reference to sFlow */
  readonly sflow: Uuid<'sFlow'> | undefined;
  /** map string → string; ephemeral */
  readonly status: Readonly<Record<string, string>>;
  /** boolean */
  readonly stp_enable: boolean;
}

/** Columns of a new `Bridge` row; an omitted column takes its default (required: columns whose default the server would refuse). */
export interface BridgeInsert {
  readonly auto_attach?: Ref<'AutoAttach'> | undefined;
  readonly controller?: readonly Ref<'Controller'>[];
  readonly datapath_id?: string | undefined;
  readonly datapath_type?: string;
  readonly datapath_version?: string;
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly fail_mode?: 'standalone' | 'secure' | undefined;
  readonly flood_vlans?: readonly number[];
  readonly flow_tables?: Readonly<Record<number, Ref<'Flow_Table'>>>;
  readonly ipfix?: Ref<'IPFIX'> | undefined;
  readonly mcast_snooping_enable?: boolean;
  readonly mirrors?: readonly Ref<'Mirror'>[];
  readonly name?: string;
  readonly netflow?: Ref<'NetFlow'> | undefined;
  readonly other_config?: Readonly<Record<string, string>>;
  readonly ports?: readonly Ref<'Port'>[];
  readonly protocols?: readonly ('OpenFlow10' | 'OpenFlow11' | 'OpenFlow12' | 'OpenFlow13' | 'OpenFlow14' | 'OpenFlow15')[];
  readonly rstp_enable?: boolean;
  readonly rstp_status?: Readonly<Record<string, string>>;
  readonly sflow?: Ref<'sFlow'> | undefined;
  readonly status?: Readonly<Record<string, string>>;
  readonly stp_enable?: boolean;
}

/** Columns an `update` of `Bridge` may set (immutable columns are not here). */
export interface BridgeUpdate {
  readonly auto_attach?: Ref<'AutoAttach'> | undefined;
  readonly controller?: readonly Ref<'Controller'>[];
  readonly datapath_id?: string | undefined;
  readonly datapath_type?: string;
  readonly datapath_version?: string;
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly fail_mode?: 'standalone' | 'secure' | undefined;
  readonly flood_vlans?: readonly number[];
  readonly flow_tables?: Readonly<Record<number, Ref<'Flow_Table'>>>;
  readonly ipfix?: Ref<'IPFIX'> | undefined;
  readonly mcast_snooping_enable?: boolean;
  readonly mirrors?: readonly Ref<'Mirror'>[];
  readonly netflow?: Ref<'NetFlow'> | undefined;
  readonly other_config?: Readonly<Record<string, string>>;
  readonly ports?: readonly Ref<'Port'>[];
  readonly protocols?: readonly ('OpenFlow10' | 'OpenFlow11' | 'OpenFlow12' | 'OpenFlow13' | 'OpenFlow14' | 'OpenFlow15')[];
  readonly rstp_enable?: boolean;
  readonly rstp_status?: Readonly<Record<string, string>>;
  readonly sflow?: Ref<'sFlow'> | undefined;
  readonly status?: Readonly<Record<string, string>>;
  readonly stp_enable?: boolean;
}

/** Conditions on `Bridge` (RFC 7047 §5.1), restricted by column kind. */
export type BridgeCondition =
  | readonly ['_uuid', '==' | '!=', Ref<'Bridge'>]
  | readonly ['_version', '==' | '!=', string]
  | readonly ['auto_attach', '==' | '!=' | 'includes' | 'excludes', Ref<'AutoAttach'> | undefined]
  | readonly ['controller', '==' | '!=' | 'includes' | 'excludes', readonly Ref<'Controller'>[]]
  | readonly ['datapath_id', '==' | '!=' | 'includes' | 'excludes', string | undefined]
  | readonly ['datapath_type', '==' | '!=', string]
  | readonly ['datapath_version', '==' | '!=', string]
  | readonly ['external_ids', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['fail_mode', '==' | '!=' | 'includes' | 'excludes', 'standalone' | 'secure' | undefined]
  | readonly ['flood_vlans', '==' | '!=' | 'includes' | 'excludes', readonly number[]]
  | readonly ['flow_tables', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<number, Ref<'Flow_Table'>>>]
  | readonly ['ipfix', '==' | '!=' | 'includes' | 'excludes', Ref<'IPFIX'> | undefined]
  | readonly ['mcast_snooping_enable', '==' | '!=', boolean]
  | readonly ['mirrors', '==' | '!=' | 'includes' | 'excludes', readonly Ref<'Mirror'>[]]
  | readonly ['name', '==' | '!=', string]
  | readonly ['netflow', '==' | '!=' | 'includes' | 'excludes', Ref<'NetFlow'> | undefined]
  | readonly ['other_config', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['ports', '==' | '!=' | 'includes' | 'excludes', readonly Ref<'Port'>[]]
  | readonly ['protocols', '==' | '!=' | 'includes' | 'excludes', readonly ('OpenFlow10' | 'OpenFlow11' | 'OpenFlow12' | 'OpenFlow13' | 'OpenFlow14' | 'OpenFlow15')[]]
  | readonly ['rstp_enable', '==' | '!=', boolean]
  | readonly ['rstp_status', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['sflow', '==' | '!=' | 'includes' | 'excludes', Ref<'sFlow'> | undefined]
  | readonly ['status', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['stp_enable', '==' | '!=', boolean];

/** Mutations of `Bridge` (RFC 7047 §5.1), restricted by column kind; immutable columns excluded. */
export type BridgeMutation =
  | readonly ['auto_attach', 'insert' | 'delete', readonly Ref<'AutoAttach'>[]]
  | readonly ['controller', 'insert' | 'delete', readonly Ref<'Controller'>[]]
  | readonly ['datapath_id', 'insert' | 'delete', readonly string[]]
  | readonly ['external_ids', 'insert', Readonly<Record<string, string>>]
  | readonly ['external_ids', 'delete', Readonly<Record<string, string>> | readonly string[]]
  | readonly ['fail_mode', 'insert' | 'delete', readonly ('standalone' | 'secure')[]]
  | readonly ['flood_vlans', '+=' | '-=' | '*=' | '/=' | '%=', number]
  | readonly ['flood_vlans', 'insert' | 'delete', readonly number[]]
  | readonly ['flow_tables', 'insert', Readonly<Record<number, Ref<'Flow_Table'>>>]
  | readonly ['flow_tables', 'delete', Readonly<Record<number, Ref<'Flow_Table'>>> | readonly number[]]
  | readonly ['ipfix', 'insert' | 'delete', readonly Ref<'IPFIX'>[]]
  | readonly ['mirrors', 'insert' | 'delete', readonly Ref<'Mirror'>[]]
  | readonly ['netflow', 'insert' | 'delete', readonly Ref<'NetFlow'>[]]
  | readonly ['other_config', 'insert', Readonly<Record<string, string>>]
  | readonly ['other_config', 'delete', Readonly<Record<string, string>> | readonly string[]]
  | readonly ['ports', 'insert' | 'delete', readonly Ref<'Port'>[]]
  | readonly ['protocols', 'insert' | 'delete', readonly ('OpenFlow10' | 'OpenFlow11' | 'OpenFlow12' | 'OpenFlow13' | 'OpenFlow14' | 'OpenFlow15')[]]
  | readonly ['rstp_status', 'insert', Readonly<Record<string, string>>]
  | readonly ['rstp_status', 'delete', Readonly<Record<string, string>> | readonly string[]]
  | readonly ['sflow', 'insert' | 'delete', readonly Ref<'sFlow'>[]]
  | readonly ['status', 'insert', Readonly<Record<string, string>>]
  | readonly ['status', 'delete', Readonly<Record<string, string>> | readonly string[]];

// ---- CT_Timeout_Policy -------------------------------------------------------------------------------

/** A row of `CT_Timeout_Policy` as read from the server; non-root table (garbage-collected when unreferenced). */
export interface CTTimeoutPolicyRow {
  readonly _uuid: Uuid<'CT_Timeout_Policy'>;
  readonly _version: string;
  /** map string → string */
  readonly external_ids: Readonly<Record<string, string>>;
  /** map string → integer 0..4294967295 */
  readonly timeouts: Readonly<Partial<Record<'tcp_syn_sent' | 'tcp_syn_recv' | 'tcp_established' | 'tcp_fin_wait' | 'tcp_close_wait' | 'tcp_last_ack' | 'tcp_time_wait' | 'tcp_close' | 'tcp_syn_sent2' | 'tcp_retransmit' | 'tcp_unack' | 'udp_first' | 'udp_single' | 'udp_multiple' | 'icmp_first' | 'icmp_reply', number>>>;
}

/** Columns of a new `CT_Timeout_Policy` row; an omitted column takes its default (required: columns whose default the server would refuse). */
export interface CTTimeoutPolicyInsert {
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly timeouts?: Readonly<Partial<Record<'tcp_syn_sent' | 'tcp_syn_recv' | 'tcp_established' | 'tcp_fin_wait' | 'tcp_close_wait' | 'tcp_last_ack' | 'tcp_time_wait' | 'tcp_close' | 'tcp_syn_sent2' | 'tcp_retransmit' | 'tcp_unack' | 'udp_first' | 'udp_single' | 'udp_multiple' | 'icmp_first' | 'icmp_reply', number>>>;
}

/** Columns an `update` of `CT_Timeout_Policy` may set (immutable columns are not here). */
export interface CTTimeoutPolicyUpdate {
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly timeouts?: Readonly<Partial<Record<'tcp_syn_sent' | 'tcp_syn_recv' | 'tcp_established' | 'tcp_fin_wait' | 'tcp_close_wait' | 'tcp_last_ack' | 'tcp_time_wait' | 'tcp_close' | 'tcp_syn_sent2' | 'tcp_retransmit' | 'tcp_unack' | 'udp_first' | 'udp_single' | 'udp_multiple' | 'icmp_first' | 'icmp_reply', number>>>;
}

/** Conditions on `CT_Timeout_Policy` (RFC 7047 §5.1), restricted by column kind. */
export type CTTimeoutPolicyCondition =
  | readonly ['_uuid', '==' | '!=', Ref<'CT_Timeout_Policy'>]
  | readonly ['_version', '==' | '!=', string]
  | readonly ['external_ids', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['timeouts', '==' | '!=' | 'includes' | 'excludes', Readonly<Partial<Record<'tcp_syn_sent' | 'tcp_syn_recv' | 'tcp_established' | 'tcp_fin_wait' | 'tcp_close_wait' | 'tcp_last_ack' | 'tcp_time_wait' | 'tcp_close' | 'tcp_syn_sent2' | 'tcp_retransmit' | 'tcp_unack' | 'udp_first' | 'udp_single' | 'udp_multiple' | 'icmp_first' | 'icmp_reply', number>>>];

/** Mutations of `CT_Timeout_Policy` (RFC 7047 §5.1), restricted by column kind; immutable columns excluded. */
export type CTTimeoutPolicyMutation =
  | readonly ['external_ids', 'insert', Readonly<Record<string, string>>]
  | readonly ['external_ids', 'delete', Readonly<Record<string, string>> | readonly string[]]
  | readonly ['timeouts', 'insert', Readonly<Partial<Record<'tcp_syn_sent' | 'tcp_syn_recv' | 'tcp_established' | 'tcp_fin_wait' | 'tcp_close_wait' | 'tcp_last_ack' | 'tcp_time_wait' | 'tcp_close' | 'tcp_syn_sent2' | 'tcp_retransmit' | 'tcp_unack' | 'udp_first' | 'udp_single' | 'udp_multiple' | 'icmp_first' | 'icmp_reply', number>>>]
  | readonly ['timeouts', 'delete', Readonly<Partial<Record<'tcp_syn_sent' | 'tcp_syn_recv' | 'tcp_established' | 'tcp_fin_wait' | 'tcp_close_wait' | 'tcp_last_ack' | 'tcp_time_wait' | 'tcp_close' | 'tcp_syn_sent2' | 'tcp_retransmit' | 'tcp_unack' | 'udp_first' | 'udp_single' | 'udp_multiple' | 'icmp_first' | 'icmp_reply', number>>> | readonly ('tcp_syn_sent' | 'tcp_syn_recv' | 'tcp_established' | 'tcp_fin_wait' | 'tcp_close_wait' | 'tcp_last_ack' | 'tcp_time_wait' | 'tcp_close' | 'tcp_syn_sent2' | 'tcp_retransmit' | 'tcp_unack' | 'udp_first' | 'udp_single' | 'udp_multiple' | 'icmp_first' | 'icmp_reply')[]];

// ---- CT_Zone -----------------------------------------------------------------------------------------

/** A row of `CT_Zone` as read from the server; non-root table (garbage-collected when unreferenced). */
export interface CTZoneRow {
  readonly _uuid: Uuid<'CT_Zone'>;
  readonly _version: string;
  /** map string → string */
  readonly external_ids: Readonly<Record<string, string>>;
  /** optional strong reference to CT_Timeout_Policy */
  readonly timeout_policy: Uuid<'CT_Timeout_Policy'> | undefined;
}

/** Columns of a new `CT_Zone` row; an omitted column takes its default (required: columns whose default the server would refuse). */
export interface CTZoneInsert {
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly timeout_policy?: Ref<'CT_Timeout_Policy'> | undefined;
}

/** Columns an `update` of `CT_Zone` may set (immutable columns are not here). */
export interface CTZoneUpdate {
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly timeout_policy?: Ref<'CT_Timeout_Policy'> | undefined;
}

/** Conditions on `CT_Zone` (RFC 7047 §5.1), restricted by column kind. */
export type CTZoneCondition =
  | readonly ['_uuid', '==' | '!=', Ref<'CT_Zone'>]
  | readonly ['_version', '==' | '!=', string]
  | readonly ['external_ids', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['timeout_policy', '==' | '!=' | 'includes' | 'excludes', Ref<'CT_Timeout_Policy'> | undefined];

/** Mutations of `CT_Zone` (RFC 7047 §5.1), restricted by column kind; immutable columns excluded. */
export type CTZoneMutation =
  | readonly ['external_ids', 'insert', Readonly<Record<string, string>>]
  | readonly ['external_ids', 'delete', Readonly<Record<string, string>> | readonly string[]]
  | readonly ['timeout_policy', 'insert' | 'delete', readonly Ref<'CT_Timeout_Policy'>[]];

// ---- Controller --------------------------------------------------------------------------------------

/** A row of `Controller` as read from the server; non-root table (garbage-collected when unreferenced). */
export interface ControllerRow {
  readonly _uuid: Uuid<'Controller'>;
  readonly _version: string;
  /** optional string */
  readonly connection_mode: 'in-band' | 'out-of-band' | undefined;
  /** optional integer 25..∞ */
  readonly controller_burst_limit: number | undefined;
  /** optional integer 1..512 */
  readonly controller_queue_size: number | undefined;
  /** optional integer 100..∞ */
  readonly controller_rate_limit: number | undefined;
  /** optional boolean */
  readonly enable_async_messages: boolean | undefined;
  /** map string → string */
  readonly external_ids: Readonly<Record<string, string>>;
  /** optional integer */
  readonly inactivity_probe: number | undefined;
  /** boolean; ephemeral */
  readonly is_connected: boolean;
  /** optional string */
  readonly local_gateway: string | undefined;
  /** optional string */
  readonly local_ip: string | undefined;
  /** optional string */
  readonly local_netmask: string | undefined;
  /** optional integer 1000..∞ */
  readonly max_backoff: number | undefined;
  /** map string → string */
  readonly other_config: Readonly<Record<string, string>>;
  /** optional string; ephemeral */
  readonly role: 'other' | 'master' | 'slave' | undefined;
  /** map string → string; ephemeral */
  readonly status: Readonly<Record<string, string>>;
  /** string */
  readonly target: string;
  /** optional string */
  readonly type: 'primary' | 'service' | undefined;
}

/** Columns of a new `Controller` row; an omitted column takes its default (required: columns whose default the server would refuse). */
export interface ControllerInsert {
  readonly connection_mode?: 'in-band' | 'out-of-band' | undefined;
  readonly controller_burst_limit?: number | undefined;
  readonly controller_queue_size?: number | undefined;
  readonly controller_rate_limit?: number | undefined;
  readonly enable_async_messages?: boolean | undefined;
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly inactivity_probe?: number | undefined;
  readonly is_connected?: boolean;
  readonly local_gateway?: string | undefined;
  readonly local_ip?: string | undefined;
  readonly local_netmask?: string | undefined;
  readonly max_backoff?: number | undefined;
  readonly other_config?: Readonly<Record<string, string>>;
  readonly role?: 'other' | 'master' | 'slave' | undefined;
  readonly status?: Readonly<Record<string, string>>;
  readonly target?: string;
  readonly type?: 'primary' | 'service' | undefined;
}

/** Columns an `update` of `Controller` may set (immutable columns are not here). */
export interface ControllerUpdate {
  readonly connection_mode?: 'in-band' | 'out-of-band' | undefined;
  readonly controller_burst_limit?: number | undefined;
  readonly controller_queue_size?: number | undefined;
  readonly controller_rate_limit?: number | undefined;
  readonly enable_async_messages?: boolean | undefined;
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly inactivity_probe?: number | undefined;
  readonly is_connected?: boolean;
  readonly local_gateway?: string | undefined;
  readonly local_ip?: string | undefined;
  readonly local_netmask?: string | undefined;
  readonly max_backoff?: number | undefined;
  readonly other_config?: Readonly<Record<string, string>>;
  readonly role?: 'other' | 'master' | 'slave' | undefined;
  readonly status?: Readonly<Record<string, string>>;
  readonly target?: string;
  readonly type?: 'primary' | 'service' | undefined;
}

/** Conditions on `Controller` (RFC 7047 §5.1), restricted by column kind. */
export type ControllerCondition =
  | readonly ['_uuid', '==' | '!=', Ref<'Controller'>]
  | readonly ['_version', '==' | '!=', string]
  | readonly ['connection_mode', '==' | '!=' | 'includes' | 'excludes', 'in-band' | 'out-of-band' | undefined]
  | readonly ['controller_burst_limit', '==' | '!=' | 'includes' | 'excludes', number | undefined]
  | readonly ['controller_burst_limit', '<' | '<=' | '>' | '>=', number]
  | readonly ['controller_queue_size', '==' | '!=' | 'includes' | 'excludes', number | undefined]
  | readonly ['controller_queue_size', '<' | '<=' | '>' | '>=', number]
  | readonly ['controller_rate_limit', '==' | '!=' | 'includes' | 'excludes', number | undefined]
  | readonly ['controller_rate_limit', '<' | '<=' | '>' | '>=', number]
  | readonly ['enable_async_messages', '==' | '!=' | 'includes' | 'excludes', boolean | undefined]
  | readonly ['external_ids', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['inactivity_probe', '==' | '!=' | 'includes' | 'excludes', number | undefined]
  | readonly ['inactivity_probe', '<' | '<=' | '>' | '>=', number]
  | readonly ['is_connected', '==' | '!=', boolean]
  | readonly ['local_gateway', '==' | '!=' | 'includes' | 'excludes', string | undefined]
  | readonly ['local_ip', '==' | '!=' | 'includes' | 'excludes', string | undefined]
  | readonly ['local_netmask', '==' | '!=' | 'includes' | 'excludes', string | undefined]
  | readonly ['max_backoff', '==' | '!=' | 'includes' | 'excludes', number | undefined]
  | readonly ['max_backoff', '<' | '<=' | '>' | '>=', number]
  | readonly ['other_config', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['role', '==' | '!=' | 'includes' | 'excludes', 'other' | 'master' | 'slave' | undefined]
  | readonly ['status', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['target', '==' | '!=', string]
  | readonly ['type', '==' | '!=' | 'includes' | 'excludes', 'primary' | 'service' | undefined];

/** Mutations of `Controller` (RFC 7047 §5.1), restricted by column kind; immutable columns excluded. */
export type ControllerMutation =
  | readonly ['connection_mode', 'insert' | 'delete', readonly ('in-band' | 'out-of-band')[]]
  | readonly ['controller_burst_limit', '+=' | '-=' | '*=' | '/=' | '%=', number]
  | readonly ['controller_burst_limit', 'insert' | 'delete', readonly number[]]
  | readonly ['controller_queue_size', '+=' | '-=' | '*=' | '/=' | '%=', number]
  | readonly ['controller_queue_size', 'insert' | 'delete', readonly number[]]
  | readonly ['controller_rate_limit', '+=' | '-=' | '*=' | '/=' | '%=', number]
  | readonly ['controller_rate_limit', 'insert' | 'delete', readonly number[]]
  | readonly ['enable_async_messages', 'insert' | 'delete', readonly boolean[]]
  | readonly ['external_ids', 'insert', Readonly<Record<string, string>>]
  | readonly ['external_ids', 'delete', Readonly<Record<string, string>> | readonly string[]]
  | readonly ['inactivity_probe', '+=' | '-=' | '*=' | '/=' | '%=', number]
  | readonly ['inactivity_probe', 'insert' | 'delete', readonly number[]]
  | readonly ['local_gateway', 'insert' | 'delete', readonly string[]]
  | readonly ['local_ip', 'insert' | 'delete', readonly string[]]
  | readonly ['local_netmask', 'insert' | 'delete', readonly string[]]
  | readonly ['max_backoff', '+=' | '-=' | '*=' | '/=' | '%=', number]
  | readonly ['max_backoff', 'insert' | 'delete', readonly number[]]
  | readonly ['other_config', 'insert', Readonly<Record<string, string>>]
  | readonly ['other_config', 'delete', Readonly<Record<string, string>> | readonly string[]]
  | readonly ['role', 'insert' | 'delete', readonly ('other' | 'master' | 'slave')[]]
  | readonly ['status', 'insert', Readonly<Record<string, string>>]
  | readonly ['status', 'delete', Readonly<Record<string, string>> | readonly string[]]
  | readonly ['type', 'insert' | 'delete', readonly ('primary' | 'service')[]];

// ---- Datapath ----------------------------------------------------------------------------------------

/** A row of `Datapath` as read from the server; non-root table (garbage-collected when unreferenced). */
export interface DatapathRow {
  readonly _uuid: Uuid<'Datapath'>;
  readonly _version: string;
  /** map string → string */
  readonly capabilities: Readonly<Record<string, string>>;
  /** map integer 0..65535 → strong reference to CT_Zone */
  readonly ct_zones: Readonly<Record<number, Uuid<'CT_Zone'>>>;
  /** string */
  readonly datapath_version: string;
  /** map string → string */
  readonly external_ids: Readonly<Record<string, string>>;
}

/** Columns of a new `Datapath` row; an omitted column takes its default (required: columns whose default the server would refuse). */
export interface DatapathInsert {
  readonly capabilities?: Readonly<Record<string, string>>;
  readonly ct_zones?: Readonly<Record<number, Ref<'CT_Zone'>>>;
  readonly datapath_version?: string;
  readonly external_ids?: Readonly<Record<string, string>>;
}

/** Columns an `update` of `Datapath` may set (immutable columns are not here). */
export interface DatapathUpdate {
  readonly capabilities?: Readonly<Record<string, string>>;
  readonly ct_zones?: Readonly<Record<number, Ref<'CT_Zone'>>>;
  readonly datapath_version?: string;
  readonly external_ids?: Readonly<Record<string, string>>;
}

/** Conditions on `Datapath` (RFC 7047 §5.1), restricted by column kind. */
export type DatapathCondition =
  | readonly ['_uuid', '==' | '!=', Ref<'Datapath'>]
  | readonly ['_version', '==' | '!=', string]
  | readonly ['capabilities', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['ct_zones', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<number, Ref<'CT_Zone'>>>]
  | readonly ['datapath_version', '==' | '!=', string]
  | readonly ['external_ids', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>];

/** Mutations of `Datapath` (RFC 7047 §5.1), restricted by column kind; immutable columns excluded. */
export type DatapathMutation =
  | readonly ['capabilities', 'insert', Readonly<Record<string, string>>]
  | readonly ['capabilities', 'delete', Readonly<Record<string, string>> | readonly string[]]
  | readonly ['ct_zones', 'insert', Readonly<Record<number, Ref<'CT_Zone'>>>]
  | readonly ['ct_zones', 'delete', Readonly<Record<number, Ref<'CT_Zone'>>> | readonly number[]]
  | readonly ['external_ids', 'insert', Readonly<Record<string, string>>]
  | readonly ['external_ids', 'delete', Readonly<Record<string, string>> | readonly string[]];

// ---- Flow_Sample_Collector_Set -----------------------------------------------------------------------

/** A row of `Flow_Sample_Collector_Set` as read from the server; root table; indexes: (id, bridge). */
export interface FlowSampleCollectorSetRow {
  readonly _uuid: Uuid<'Flow_Sample_Collector_Set'>;
  readonly _version: string;
  /** strong reference to Bridge */
  readonly bridge: Uuid<'Bridge'>;
  /** map string → string */
  readonly external_ids: Readonly<Record<string, string>>;
  /** integer 0..4294967295 */
  readonly id: number;
  /** optional strong reference to IPFIX */
  readonly ipfix: Uuid<'IPFIX'> | undefined;
}

/** Columns of a new `Flow_Sample_Collector_Set` row; an omitted column takes its default (required: columns whose default the server would refuse). */
export interface FlowSampleCollectorSetInsert {
  readonly bridge: Ref<'Bridge'>;
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly id?: number;
  readonly ipfix?: Ref<'IPFIX'> | undefined;
}

/** Columns an `update` of `Flow_Sample_Collector_Set` may set (immutable columns are not here). */
export interface FlowSampleCollectorSetUpdate {
  readonly bridge?: Ref<'Bridge'>;
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly id?: number;
  readonly ipfix?: Ref<'IPFIX'> | undefined;
}

/** Conditions on `Flow_Sample_Collector_Set` (RFC 7047 §5.1), restricted by column kind. */
export type FlowSampleCollectorSetCondition =
  | readonly ['_uuid', '==' | '!=', Ref<'Flow_Sample_Collector_Set'>]
  | readonly ['_version', '==' | '!=', string]
  | readonly ['bridge', '==' | '!=', Ref<'Bridge'>]
  | readonly ['external_ids', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['id', '==' | '!=' | '<' | '<=' | '>' | '>=', number]
  | readonly ['ipfix', '==' | '!=' | 'includes' | 'excludes', Ref<'IPFIX'> | undefined];

/** Mutations of `Flow_Sample_Collector_Set` (RFC 7047 §5.1), restricted by column kind; immutable columns excluded. */
export type FlowSampleCollectorSetMutation =
  | readonly ['external_ids', 'insert', Readonly<Record<string, string>>]
  | readonly ['external_ids', 'delete', Readonly<Record<string, string>> | readonly string[]]
  | readonly ['id', '+=' | '-=' | '*=' | '/=' | '%=', number]
  | readonly ['ipfix', 'insert' | 'delete', readonly Ref<'IPFIX'>[]];

// ---- Flow_Table --------------------------------------------------------------------------------------

/** A row of `Flow_Table` as read from the server; non-root table (garbage-collected when unreferenced). */
export interface FlowTableRow {
  readonly _uuid: Uuid<'Flow_Table'>;
  readonly _version: string;
  /** map string → string */
  readonly external_ids: Readonly<Record<string, string>>;
  /** optional integer 0..∞ */
  readonly flow_limit: number | undefined;
  /** set of 0..∞ string */
  readonly groups: readonly string[];
  /** optional string */
  readonly name: string | undefined;
  /** optional string */
  readonly overflow_policy: 'refuse' | 'evict' | undefined;
  /** set of 0..3 string */
  readonly prefixes: readonly string[];
}

/** Columns of a new `Flow_Table` row; an omitted column takes its default (required: columns whose default the server would refuse). */
export interface FlowTableInsert {
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly flow_limit?: number | undefined;
  readonly groups?: readonly string[];
  readonly name?: string | undefined;
  readonly overflow_policy?: 'refuse' | 'evict' | undefined;
  readonly prefixes?: readonly string[];
}

/** Columns an `update` of `Flow_Table` may set (immutable columns are not here). */
export interface FlowTableUpdate {
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly flow_limit?: number | undefined;
  readonly groups?: readonly string[];
  readonly name?: string | undefined;
  readonly overflow_policy?: 'refuse' | 'evict' | undefined;
  readonly prefixes?: readonly string[];
}

/** Conditions on `Flow_Table` (RFC 7047 §5.1), restricted by column kind. */
export type FlowTableCondition =
  | readonly ['_uuid', '==' | '!=', Ref<'Flow_Table'>]
  | readonly ['_version', '==' | '!=', string]
  | readonly ['external_ids', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['flow_limit', '==' | '!=' | 'includes' | 'excludes', number | undefined]
  | readonly ['flow_limit', '<' | '<=' | '>' | '>=', number]
  | readonly ['groups', '==' | '!=' | 'includes' | 'excludes', readonly string[]]
  | readonly ['name', '==' | '!=' | 'includes' | 'excludes', string | undefined]
  | readonly ['overflow_policy', '==' | '!=' | 'includes' | 'excludes', 'refuse' | 'evict' | undefined]
  | readonly ['prefixes', '==' | '!=' | 'includes' | 'excludes', readonly string[]];

/** Mutations of `Flow_Table` (RFC 7047 §5.1), restricted by column kind; immutable columns excluded. */
export type FlowTableMutation =
  | readonly ['external_ids', 'insert', Readonly<Record<string, string>>]
  | readonly ['external_ids', 'delete', Readonly<Record<string, string>> | readonly string[]]
  | readonly ['flow_limit', '+=' | '-=' | '*=' | '/=' | '%=', number]
  | readonly ['flow_limit', 'insert' | 'delete', readonly number[]]
  | readonly ['groups', 'insert' | 'delete', readonly string[]]
  | readonly ['name', 'insert' | 'delete', readonly string[]]
  | readonly ['overflow_policy', 'insert' | 'delete', readonly ('refuse' | 'evict')[]]
  | readonly ['prefixes', 'insert' | 'delete', readonly string[]];

// ---- IPFIX -------------------------------------------------------------------------------------------

/** A row of `IPFIX` as read from the server; non-root table (garbage-collected when unreferenced). */
export interface IPFIXRow {
  readonly _uuid: Uuid<'IPFIX'>;
  readonly _version: string;
  /** optional integer 0..4200 */
  readonly cache_active_timeout: number | undefined;
  /** optional integer 0..4294967295 */
  readonly cache_max_flows: number | undefined;
  /** map string → string */
  readonly external_ids: Readonly<Record<string, string>>;
  /** optional integer 0..4294967295 */
  readonly obs_domain_id: number | undefined;
  /** optional integer 0..4294967295 */
  readonly obs_point_id: number | undefined;
  /** map string → string */
  readonly other_config: Readonly<Record<string, string>>;
  /** optional integer 1..4294967295 */
  readonly sampling: number | undefined;
  /** set of 0..∞ string */
  readonly targets: readonly string[];
}

/** Columns of a new `IPFIX` row; an omitted column takes its default (required: columns whose default the server would refuse). */
export interface IPFIXInsert {
  readonly cache_active_timeout?: number | undefined;
  readonly cache_max_flows?: number | undefined;
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly obs_domain_id?: number | undefined;
  readonly obs_point_id?: number | undefined;
  readonly other_config?: Readonly<Record<string, string>>;
  readonly sampling?: number | undefined;
  readonly targets?: readonly string[];
}

/** Columns an `update` of `IPFIX` may set (immutable columns are not here). */
export interface IPFIXUpdate {
  readonly cache_active_timeout?: number | undefined;
  readonly cache_max_flows?: number | undefined;
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly obs_domain_id?: number | undefined;
  readonly obs_point_id?: number | undefined;
  readonly other_config?: Readonly<Record<string, string>>;
  readonly sampling?: number | undefined;
  readonly targets?: readonly string[];
}

/** Conditions on `IPFIX` (RFC 7047 §5.1), restricted by column kind. */
export type IPFIXCondition =
  | readonly ['_uuid', '==' | '!=', Ref<'IPFIX'>]
  | readonly ['_version', '==' | '!=', string]
  | readonly ['cache_active_timeout', '==' | '!=' | 'includes' | 'excludes', number | undefined]
  | readonly ['cache_active_timeout', '<' | '<=' | '>' | '>=', number]
  | readonly ['cache_max_flows', '==' | '!=' | 'includes' | 'excludes', number | undefined]
  | readonly ['cache_max_flows', '<' | '<=' | '>' | '>=', number]
  | readonly ['external_ids', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['obs_domain_id', '==' | '!=' | 'includes' | 'excludes', number | undefined]
  | readonly ['obs_domain_id', '<' | '<=' | '>' | '>=', number]
  | readonly ['obs_point_id', '==' | '!=' | 'includes' | 'excludes', number | undefined]
  | readonly ['obs_point_id', '<' | '<=' | '>' | '>=', number]
  | readonly ['other_config', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['sampling', '==' | '!=' | 'includes' | 'excludes', number | undefined]
  | readonly ['sampling', '<' | '<=' | '>' | '>=', number]
  | readonly ['targets', '==' | '!=' | 'includes' | 'excludes', readonly string[]];

/** Mutations of `IPFIX` (RFC 7047 §5.1), restricted by column kind; immutable columns excluded. */
export type IPFIXMutation =
  | readonly ['cache_active_timeout', '+=' | '-=' | '*=' | '/=' | '%=', number]
  | readonly ['cache_active_timeout', 'insert' | 'delete', readonly number[]]
  | readonly ['cache_max_flows', '+=' | '-=' | '*=' | '/=' | '%=', number]
  | readonly ['cache_max_flows', 'insert' | 'delete', readonly number[]]
  | readonly ['external_ids', 'insert', Readonly<Record<string, string>>]
  | readonly ['external_ids', 'delete', Readonly<Record<string, string>> | readonly string[]]
  | readonly ['obs_domain_id', '+=' | '-=' | '*=' | '/=' | '%=', number]
  | readonly ['obs_domain_id', 'insert' | 'delete', readonly number[]]
  | readonly ['obs_point_id', '+=' | '-=' | '*=' | '/=' | '%=', number]
  | readonly ['obs_point_id', 'insert' | 'delete', readonly number[]]
  | readonly ['other_config', 'insert', Readonly<Record<string, string>>]
  | readonly ['other_config', 'delete', Readonly<Record<string, string>> | readonly string[]]
  | readonly ['sampling', '+=' | '-=' | '*=' | '/=' | '%=', number]
  | readonly ['sampling', 'insert' | 'delete', readonly number[]]
  | readonly ['targets', 'insert' | 'delete', readonly string[]];

// ---- Interface ---------------------------------------------------------------------------------------

/** A row of `Interface` as read from the server; non-root table (garbage-collected when unreferenced); indexes: (name). */
export interface InterfaceRow {
  readonly _uuid: Uuid<'Interface'>;
  readonly _version: string;
  /** optional string; ephemeral */
  readonly admin_state: 'up' | 'down' | undefined;
  /** map string → string */
  readonly bfd: Readonly<Record<string, string>>;
  /** map string → string; ephemeral */
  readonly bfd_status: Readonly<Record<string, string>>;
  /** optional boolean; ephemeral */
  readonly cfm_fault: boolean | undefined;
  /** set of 0..∞ string; ephemeral */
  readonly cfm_fault_status: readonly string[];
  /** optional integer */
  readonly cfm_flap_count: number | undefined;
  /** optional integer 0..100; ephemeral */
  readonly cfm_health: number | undefined;
  /** optional integer */
  readonly cfm_mpid: number | undefined;
  /** set of 0..∞ integer; ephemeral */
  readonly cfm_remote_mpids: readonly number[];
  /** optional string; ephemeral */
  readonly cfm_remote_opstate: 'up' | 'down' | undefined;
  /** optional string; ephemeral */
  readonly duplex: 'half' | 'full' | undefined;
  /** optional string */
  readonly error: string | undefined;
  /** map string → string */
  readonly external_ids: Readonly<Record<string, string>>;
  /** optional integer 0..4294967295; ephemeral */
  readonly ifindex: number | undefined;
  /** integer 0..∞ */
  readonly ingress_policing_burst: number;
  /** integer 0..∞ */
  readonly ingress_policing_kpkts_burst: number;
  /** integer 0..∞ */
  readonly ingress_policing_kpkts_rate: number;
  /** integer 0..∞ */
  readonly ingress_policing_rate: number;
  /** optional boolean; ephemeral */
  readonly lacp_current: boolean | undefined;
  /** optional integer; ephemeral */
  readonly link_resets: number | undefined;
  /** optional integer; ephemeral */
  readonly link_speed: number | undefined;
  /** optional string; ephemeral */
  readonly link_state: 'up' | 'down' | undefined;
  /** map string → string */
  readonly lldp: Readonly<Record<string, string>>;
  /** optional string */
  readonly mac: string | undefined;
  /** optional string; ephemeral */
  readonly mac_in_use: string | undefined;
  /** optional integer; ephemeral */
  readonly mtu: number | undefined;
  /** optional integer 1..∞ */
  readonly mtu_request: number | undefined;
  /** string; immutable */
  readonly name: string;
  /** optional integer */
  readonly ofport: number | undefined;
  /** optional integer 1..65279 */
  readonly ofport_request: number | undefined;
  /** map string → string */
  readonly options: Readonly<Record<string, string>>;
  /** map string → string */
  readonly other_config: Readonly<Record<string, string>>;
  /** map string → integer; ephemeral */
  readonly statistics: Readonly<Record<string, number>>;
  /** map string → string; ephemeral */
  readonly status: Readonly<Record<string, string>>;
  /** string */
  readonly type: string;
}

/** Columns of a new `Interface` row; an omitted column takes its default (required: columns whose default the server would refuse). */
export interface InterfaceInsert {
  readonly admin_state?: 'up' | 'down' | undefined;
  readonly bfd?: Readonly<Record<string, string>>;
  readonly bfd_status?: Readonly<Record<string, string>>;
  readonly cfm_fault?: boolean | undefined;
  readonly cfm_fault_status?: readonly string[];
  readonly cfm_flap_count?: number | undefined;
  readonly cfm_health?: number | undefined;
  readonly cfm_mpid?: number | undefined;
  readonly cfm_remote_mpids?: readonly number[];
  readonly cfm_remote_opstate?: 'up' | 'down' | undefined;
  readonly duplex?: 'half' | 'full' | undefined;
  readonly error?: string | undefined;
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly ifindex?: number | undefined;
  readonly ingress_policing_burst?: number;
  readonly ingress_policing_kpkts_burst?: number;
  readonly ingress_policing_kpkts_rate?: number;
  readonly ingress_policing_rate?: number;
  readonly lacp_current?: boolean | undefined;
  readonly link_resets?: number | undefined;
  readonly link_speed?: number | undefined;
  readonly link_state?: 'up' | 'down' | undefined;
  readonly lldp?: Readonly<Record<string, string>>;
  readonly mac?: string | undefined;
  readonly mac_in_use?: string | undefined;
  readonly mtu?: number | undefined;
  readonly mtu_request?: number | undefined;
  readonly name?: string;
  readonly ofport?: number | undefined;
  readonly ofport_request?: number | undefined;
  readonly options?: Readonly<Record<string, string>>;
  readonly other_config?: Readonly<Record<string, string>>;
  readonly statistics?: Readonly<Record<string, number>>;
  readonly status?: Readonly<Record<string, string>>;
  readonly type?: string;
}

/** Columns an `update` of `Interface` may set (immutable columns are not here). */
export interface InterfaceUpdate {
  readonly admin_state?: 'up' | 'down' | undefined;
  readonly bfd?: Readonly<Record<string, string>>;
  readonly bfd_status?: Readonly<Record<string, string>>;
  readonly cfm_fault?: boolean | undefined;
  readonly cfm_fault_status?: readonly string[];
  readonly cfm_flap_count?: number | undefined;
  readonly cfm_health?: number | undefined;
  readonly cfm_mpid?: number | undefined;
  readonly cfm_remote_mpids?: readonly number[];
  readonly cfm_remote_opstate?: 'up' | 'down' | undefined;
  readonly duplex?: 'half' | 'full' | undefined;
  readonly error?: string | undefined;
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly ifindex?: number | undefined;
  readonly ingress_policing_burst?: number;
  readonly ingress_policing_kpkts_burst?: number;
  readonly ingress_policing_kpkts_rate?: number;
  readonly ingress_policing_rate?: number;
  readonly lacp_current?: boolean | undefined;
  readonly link_resets?: number | undefined;
  readonly link_speed?: number | undefined;
  readonly link_state?: 'up' | 'down' | undefined;
  readonly lldp?: Readonly<Record<string, string>>;
  readonly mac?: string | undefined;
  readonly mac_in_use?: string | undefined;
  readonly mtu?: number | undefined;
  readonly mtu_request?: number | undefined;
  readonly ofport?: number | undefined;
  readonly ofport_request?: number | undefined;
  readonly options?: Readonly<Record<string, string>>;
  readonly other_config?: Readonly<Record<string, string>>;
  readonly statistics?: Readonly<Record<string, number>>;
  readonly status?: Readonly<Record<string, string>>;
  readonly type?: string;
}

/** Conditions on `Interface` (RFC 7047 §5.1), restricted by column kind. */
export type InterfaceCondition =
  | readonly ['_uuid', '==' | '!=', Ref<'Interface'>]
  | readonly ['_version', '==' | '!=', string]
  | readonly ['admin_state', '==' | '!=' | 'includes' | 'excludes', 'up' | 'down' | undefined]
  | readonly ['bfd', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['bfd_status', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['cfm_fault', '==' | '!=' | 'includes' | 'excludes', boolean | undefined]
  | readonly ['cfm_fault_status', '==' | '!=' | 'includes' | 'excludes', readonly string[]]
  | readonly ['cfm_flap_count', '==' | '!=' | 'includes' | 'excludes', number | undefined]
  | readonly ['cfm_flap_count', '<' | '<=' | '>' | '>=', number]
  | readonly ['cfm_health', '==' | '!=' | 'includes' | 'excludes', number | undefined]
  | readonly ['cfm_health', '<' | '<=' | '>' | '>=', number]
  | readonly ['cfm_mpid', '==' | '!=' | 'includes' | 'excludes', number | undefined]
  | readonly ['cfm_mpid', '<' | '<=' | '>' | '>=', number]
  | readonly ['cfm_remote_mpids', '==' | '!=' | 'includes' | 'excludes', readonly number[]]
  | readonly ['cfm_remote_opstate', '==' | '!=' | 'includes' | 'excludes', 'up' | 'down' | undefined]
  | readonly ['duplex', '==' | '!=' | 'includes' | 'excludes', 'half' | 'full' | undefined]
  | readonly ['error', '==' | '!=' | 'includes' | 'excludes', string | undefined]
  | readonly ['external_ids', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['ifindex', '==' | '!=' | 'includes' | 'excludes', number | undefined]
  | readonly ['ifindex', '<' | '<=' | '>' | '>=', number]
  | readonly ['ingress_policing_burst', '==' | '!=' | '<' | '<=' | '>' | '>=', number]
  | readonly ['ingress_policing_kpkts_burst', '==' | '!=' | '<' | '<=' | '>' | '>=', number]
  | readonly ['ingress_policing_kpkts_rate', '==' | '!=' | '<' | '<=' | '>' | '>=', number]
  | readonly ['ingress_policing_rate', '==' | '!=' | '<' | '<=' | '>' | '>=', number]
  | readonly ['lacp_current', '==' | '!=' | 'includes' | 'excludes', boolean | undefined]
  | readonly ['link_resets', '==' | '!=' | 'includes' | 'excludes', number | undefined]
  | readonly ['link_resets', '<' | '<=' | '>' | '>=', number]
  | readonly ['link_speed', '==' | '!=' | 'includes' | 'excludes', number | undefined]
  | readonly ['link_speed', '<' | '<=' | '>' | '>=', number]
  | readonly ['link_state', '==' | '!=' | 'includes' | 'excludes', 'up' | 'down' | undefined]
  | readonly ['lldp', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['mac', '==' | '!=' | 'includes' | 'excludes', string | undefined]
  | readonly ['mac_in_use', '==' | '!=' | 'includes' | 'excludes', string | undefined]
  | readonly ['mtu', '==' | '!=' | 'includes' | 'excludes', number | undefined]
  | readonly ['mtu', '<' | '<=' | '>' | '>=', number]
  | readonly ['mtu_request', '==' | '!=' | 'includes' | 'excludes', number | undefined]
  | readonly ['mtu_request', '<' | '<=' | '>' | '>=', number]
  | readonly ['name', '==' | '!=', string]
  | readonly ['ofport', '==' | '!=' | 'includes' | 'excludes', number | undefined]
  | readonly ['ofport', '<' | '<=' | '>' | '>=', number]
  | readonly ['ofport_request', '==' | '!=' | 'includes' | 'excludes', number | undefined]
  | readonly ['ofport_request', '<' | '<=' | '>' | '>=', number]
  | readonly ['options', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['other_config', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['statistics', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, number>>]
  | readonly ['status', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['type', '==' | '!=', string];

/** Mutations of `Interface` (RFC 7047 §5.1), restricted by column kind; immutable columns excluded. */
export type InterfaceMutation =
  | readonly ['admin_state', 'insert' | 'delete', readonly ('up' | 'down')[]]
  | readonly ['bfd', 'insert', Readonly<Record<string, string>>]
  | readonly ['bfd', 'delete', Readonly<Record<string, string>> | readonly string[]]
  | readonly ['bfd_status', 'insert', Readonly<Record<string, string>>]
  | readonly ['bfd_status', 'delete', Readonly<Record<string, string>> | readonly string[]]
  | readonly ['cfm_fault', 'insert' | 'delete', readonly boolean[]]
  | readonly ['cfm_fault_status', 'insert' | 'delete', readonly string[]]
  | readonly ['cfm_flap_count', '+=' | '-=' | '*=' | '/=' | '%=', number]
  | readonly ['cfm_flap_count', 'insert' | 'delete', readonly number[]]
  | readonly ['cfm_health', '+=' | '-=' | '*=' | '/=' | '%=', number]
  | readonly ['cfm_health', 'insert' | 'delete', readonly number[]]
  | readonly ['cfm_mpid', '+=' | '-=' | '*=' | '/=' | '%=', number]
  | readonly ['cfm_mpid', 'insert' | 'delete', readonly number[]]
  | readonly ['cfm_remote_mpids', '+=' | '-=' | '*=' | '/=' | '%=', number]
  | readonly ['cfm_remote_mpids', 'insert' | 'delete', readonly number[]]
  | readonly ['cfm_remote_opstate', 'insert' | 'delete', readonly ('up' | 'down')[]]
  | readonly ['duplex', 'insert' | 'delete', readonly ('half' | 'full')[]]
  | readonly ['error', 'insert' | 'delete', readonly string[]]
  | readonly ['external_ids', 'insert', Readonly<Record<string, string>>]
  | readonly ['external_ids', 'delete', Readonly<Record<string, string>> | readonly string[]]
  | readonly ['ifindex', '+=' | '-=' | '*=' | '/=' | '%=', number]
  | readonly ['ifindex', 'insert' | 'delete', readonly number[]]
  | readonly ['ingress_policing_burst', '+=' | '-=' | '*=' | '/=' | '%=', number]
  | readonly ['ingress_policing_kpkts_burst', '+=' | '-=' | '*=' | '/=' | '%=', number]
  | readonly ['ingress_policing_kpkts_rate', '+=' | '-=' | '*=' | '/=' | '%=', number]
  | readonly ['ingress_policing_rate', '+=' | '-=' | '*=' | '/=' | '%=', number]
  | readonly ['lacp_current', 'insert' | 'delete', readonly boolean[]]
  | readonly ['link_resets', '+=' | '-=' | '*=' | '/=' | '%=', number]
  | readonly ['link_resets', 'insert' | 'delete', readonly number[]]
  | readonly ['link_speed', '+=' | '-=' | '*=' | '/=' | '%=', number]
  | readonly ['link_speed', 'insert' | 'delete', readonly number[]]
  | readonly ['link_state', 'insert' | 'delete', readonly ('up' | 'down')[]]
  | readonly ['lldp', 'insert', Readonly<Record<string, string>>]
  | readonly ['lldp', 'delete', Readonly<Record<string, string>> | readonly string[]]
  | readonly ['mac', 'insert' | 'delete', readonly string[]]
  | readonly ['mac_in_use', 'insert' | 'delete', readonly string[]]
  | readonly ['mtu', '+=' | '-=' | '*=' | '/=' | '%=', number]
  | readonly ['mtu', 'insert' | 'delete', readonly number[]]
  | readonly ['mtu_request', '+=' | '-=' | '*=' | '/=' | '%=', number]
  | readonly ['mtu_request', 'insert' | 'delete', readonly number[]]
  | readonly ['ofport', '+=' | '-=' | '*=' | '/=' | '%=', number]
  | readonly ['ofport', 'insert' | 'delete', readonly number[]]
  | readonly ['ofport_request', '+=' | '-=' | '*=' | '/=' | '%=', number]
  | readonly ['ofport_request', 'insert' | 'delete', readonly number[]]
  | readonly ['options', 'insert', Readonly<Record<string, string>>]
  | readonly ['options', 'delete', Readonly<Record<string, string>> | readonly string[]]
  | readonly ['other_config', 'insert', Readonly<Record<string, string>>]
  | readonly ['other_config', 'delete', Readonly<Record<string, string>> | readonly string[]]
  | readonly ['statistics', 'insert', Readonly<Record<string, number>>]
  | readonly ['statistics', 'delete', Readonly<Record<string, number>> | readonly string[]]
  | readonly ['status', 'insert', Readonly<Record<string, string>>]
  | readonly ['status', 'delete', Readonly<Record<string, string>> | readonly string[]];

// ---- Manager -----------------------------------------------------------------------------------------

/** A row of `Manager` as read from the server; non-root table (garbage-collected when unreferenced); indexes: (target). */
export interface ManagerRow {
  readonly _uuid: Uuid<'Manager'>;
  readonly _version: string;
  /** optional string */
  readonly connection_mode: 'in-band' | 'out-of-band' | undefined;
  /** map string → string */
  readonly external_ids: Readonly<Record<string, string>>;
  /** optional integer */
  readonly inactivity_probe: number | undefined;
  /** boolean; ephemeral */
  readonly is_connected: boolean;
  /** optional integer 1000..∞ */
  readonly max_backoff: number | undefined;
  /** map string → string */
  readonly other_config: Readonly<Record<string, string>>;
  /** map string → string; ephemeral */
  readonly status: Readonly<Record<string, string>>;
  /** string */
  readonly target: string;
}

/** Columns of a new `Manager` row; an omitted column takes its default (required: columns whose default the server would refuse). */
export interface ManagerInsert {
  readonly connection_mode?: 'in-band' | 'out-of-band' | undefined;
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly inactivity_probe?: number | undefined;
  readonly is_connected?: boolean;
  readonly max_backoff?: number | undefined;
  readonly other_config?: Readonly<Record<string, string>>;
  readonly status?: Readonly<Record<string, string>>;
  readonly target?: string;
}

/** Columns an `update` of `Manager` may set (immutable columns are not here). */
export interface ManagerUpdate {
  readonly connection_mode?: 'in-band' | 'out-of-band' | undefined;
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly inactivity_probe?: number | undefined;
  readonly is_connected?: boolean;
  readonly max_backoff?: number | undefined;
  readonly other_config?: Readonly<Record<string, string>>;
  readonly status?: Readonly<Record<string, string>>;
  readonly target?: string;
}

/** Conditions on `Manager` (RFC 7047 §5.1), restricted by column kind. */
export type ManagerCondition =
  | readonly ['_uuid', '==' | '!=', Ref<'Manager'>]
  | readonly ['_version', '==' | '!=', string]
  | readonly ['connection_mode', '==' | '!=' | 'includes' | 'excludes', 'in-band' | 'out-of-band' | undefined]
  | readonly ['external_ids', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['inactivity_probe', '==' | '!=' | 'includes' | 'excludes', number | undefined]
  | readonly ['inactivity_probe', '<' | '<=' | '>' | '>=', number]
  | readonly ['is_connected', '==' | '!=', boolean]
  | readonly ['max_backoff', '==' | '!=' | 'includes' | 'excludes', number | undefined]
  | readonly ['max_backoff', '<' | '<=' | '>' | '>=', number]
  | readonly ['other_config', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['status', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['target', '==' | '!=', string];

/** Mutations of `Manager` (RFC 7047 §5.1), restricted by column kind; immutable columns excluded. */
export type ManagerMutation =
  | readonly ['connection_mode', 'insert' | 'delete', readonly ('in-band' | 'out-of-band')[]]
  | readonly ['external_ids', 'insert', Readonly<Record<string, string>>]
  | readonly ['external_ids', 'delete', Readonly<Record<string, string>> | readonly string[]]
  | readonly ['inactivity_probe', '+=' | '-=' | '*=' | '/=' | '%=', number]
  | readonly ['inactivity_probe', 'insert' | 'delete', readonly number[]]
  | readonly ['max_backoff', '+=' | '-=' | '*=' | '/=' | '%=', number]
  | readonly ['max_backoff', 'insert' | 'delete', readonly number[]]
  | readonly ['other_config', 'insert', Readonly<Record<string, string>>]
  | readonly ['other_config', 'delete', Readonly<Record<string, string>> | readonly string[]]
  | readonly ['status', 'insert', Readonly<Record<string, string>>]
  | readonly ['status', 'delete', Readonly<Record<string, string>> | readonly string[]];

// ---- Mirror ------------------------------------------------------------------------------------------

/** A row of `Mirror` as read from the server; non-root table (garbage-collected when unreferenced). */
export interface MirrorRow {
  readonly _uuid: Uuid<'Mirror'>;
  readonly _version: string;
  /** map string → string */
  readonly external_ids: Readonly<Record<string, string>>;
  /** string */
  readonly name: string;
  /** optional weak reference to Port */
  readonly output_port: Uuid<'Port'> | undefined;
  /** optional integer 1..4095 */
  readonly output_vlan: number | undefined;
  /** boolean */
  readonly select_all: boolean;
  /** set of 0..∞ weak reference to Port */
  readonly select_dst_port: readonly Uuid<'Port'>[];
  /** set of 0..∞ weak reference to Port */
  readonly select_src_port: readonly Uuid<'Port'>[];
  /** set of 0..4096 integer 0..4095 */
  readonly select_vlan: readonly number[];
  /** optional integer 14..65535 */
  readonly snaplen: number | undefined;
  /** map string → integer; ephemeral */
  readonly statistics: Readonly<Record<string, number>>;
}

/** Columns of a new `Mirror` row; an omitted column takes its default (required: columns whose default the server would refuse). */
export interface MirrorInsert {
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly name?: string;
  readonly output_port?: Ref<'Port'> | undefined;
  readonly output_vlan?: number | undefined;
  readonly select_all?: boolean;
  readonly select_dst_port?: readonly Ref<'Port'>[];
  readonly select_src_port?: readonly Ref<'Port'>[];
  readonly select_vlan?: readonly number[];
  readonly snaplen?: number | undefined;
  readonly statistics?: Readonly<Record<string, number>>;
}

/** Columns an `update` of `Mirror` may set (immutable columns are not here). */
export interface MirrorUpdate {
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly name?: string;
  readonly output_port?: Ref<'Port'> | undefined;
  readonly output_vlan?: number | undefined;
  readonly select_all?: boolean;
  readonly select_dst_port?: readonly Ref<'Port'>[];
  readonly select_src_port?: readonly Ref<'Port'>[];
  readonly select_vlan?: readonly number[];
  readonly snaplen?: number | undefined;
  readonly statistics?: Readonly<Record<string, number>>;
}

/** Conditions on `Mirror` (RFC 7047 §5.1), restricted by column kind. */
export type MirrorCondition =
  | readonly ['_uuid', '==' | '!=', Ref<'Mirror'>]
  | readonly ['_version', '==' | '!=', string]
  | readonly ['external_ids', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['name', '==' | '!=', string]
  | readonly ['output_port', '==' | '!=' | 'includes' | 'excludes', Ref<'Port'> | undefined]
  | readonly ['output_vlan', '==' | '!=' | 'includes' | 'excludes', number | undefined]
  | readonly ['output_vlan', '<' | '<=' | '>' | '>=', number]
  | readonly ['select_all', '==' | '!=', boolean]
  | readonly ['select_dst_port', '==' | '!=' | 'includes' | 'excludes', readonly Ref<'Port'>[]]
  | readonly ['select_src_port', '==' | '!=' | 'includes' | 'excludes', readonly Ref<'Port'>[]]
  | readonly ['select_vlan', '==' | '!=' | 'includes' | 'excludes', readonly number[]]
  | readonly ['snaplen', '==' | '!=' | 'includes' | 'excludes', number | undefined]
  | readonly ['snaplen', '<' | '<=' | '>' | '>=', number]
  | readonly ['statistics', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, number>>];

/** Mutations of `Mirror` (RFC 7047 §5.1), restricted by column kind; immutable columns excluded. */
export type MirrorMutation =
  | readonly ['external_ids', 'insert', Readonly<Record<string, string>>]
  | readonly ['external_ids', 'delete', Readonly<Record<string, string>> | readonly string[]]
  | readonly ['output_port', 'insert' | 'delete', readonly Ref<'Port'>[]]
  | readonly ['output_vlan', '+=' | '-=' | '*=' | '/=' | '%=', number]
  | readonly ['output_vlan', 'insert' | 'delete', readonly number[]]
  | readonly ['select_dst_port', 'insert' | 'delete', readonly Ref<'Port'>[]]
  | readonly ['select_src_port', 'insert' | 'delete', readonly Ref<'Port'>[]]
  | readonly ['select_vlan', '+=' | '-=' | '*=' | '/=' | '%=', number]
  | readonly ['select_vlan', 'insert' | 'delete', readonly number[]]
  | readonly ['snaplen', '+=' | '-=' | '*=' | '/=' | '%=', number]
  | readonly ['snaplen', 'insert' | 'delete', readonly number[]]
  | readonly ['statistics', 'insert', Readonly<Record<string, number>>]
  | readonly ['statistics', 'delete', Readonly<Record<string, number>> | readonly string[]];

// ---- NetFlow -----------------------------------------------------------------------------------------

/** A row of `NetFlow` as read from the server; non-root table (garbage-collected when unreferenced). */
export interface NetFlowRow {
  readonly _uuid: Uuid<'NetFlow'>;
  readonly _version: string;
  /** integer -1..∞ */
  readonly active_timeout: number;
  /** boolean */
  readonly add_id_to_interface: boolean;
  /** optional integer 0..255 */
  readonly engine_id: number | undefined;
  /** optional integer 0..255 */
  readonly engine_type: number | undefined;
  /** map string → string */
  readonly external_ids: Readonly<Record<string, string>>;
  /** set of 1..∞ string */
  readonly targets: readonly string[];
}

/** Columns of a new `NetFlow` row; an omitted column takes its default (required: columns whose default the server would refuse). */
export interface NetFlowInsert {
  readonly active_timeout?: number;
  readonly add_id_to_interface?: boolean;
  readonly engine_id?: number | undefined;
  readonly engine_type?: number | undefined;
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly targets?: readonly string[];
}

/** Columns an `update` of `NetFlow` may set (immutable columns are not here). */
export interface NetFlowUpdate {
  readonly active_timeout?: number;
  readonly add_id_to_interface?: boolean;
  readonly engine_id?: number | undefined;
  readonly engine_type?: number | undefined;
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly targets?: readonly string[];
}

/** Conditions on `NetFlow` (RFC 7047 §5.1), restricted by column kind. */
export type NetFlowCondition =
  | readonly ['_uuid', '==' | '!=', Ref<'NetFlow'>]
  | readonly ['_version', '==' | '!=', string]
  | readonly ['active_timeout', '==' | '!=' | '<' | '<=' | '>' | '>=', number]
  | readonly ['add_id_to_interface', '==' | '!=', boolean]
  | readonly ['engine_id', '==' | '!=' | 'includes' | 'excludes', number | undefined]
  | readonly ['engine_id', '<' | '<=' | '>' | '>=', number]
  | readonly ['engine_type', '==' | '!=' | 'includes' | 'excludes', number | undefined]
  | readonly ['engine_type', '<' | '<=' | '>' | '>=', number]
  | readonly ['external_ids', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['targets', '==' | '!=' | 'includes' | 'excludes', readonly string[]];

/** Mutations of `NetFlow` (RFC 7047 §5.1), restricted by column kind; immutable columns excluded. */
export type NetFlowMutation =
  | readonly ['active_timeout', '+=' | '-=' | '*=' | '/=' | '%=', number]
  | readonly ['engine_id', '+=' | '-=' | '*=' | '/=' | '%=', number]
  | readonly ['engine_id', 'insert' | 'delete', readonly number[]]
  | readonly ['engine_type', '+=' | '-=' | '*=' | '/=' | '%=', number]
  | readonly ['engine_type', 'insert' | 'delete', readonly number[]]
  | readonly ['external_ids', 'insert', Readonly<Record<string, string>>]
  | readonly ['external_ids', 'delete', Readonly<Record<string, string>> | readonly string[]]
  | readonly ['targets', 'insert' | 'delete', readonly string[]];

// ---- Open_vSwitch ------------------------------------------------------------------------------------

/** A row of `Open_vSwitch` as read from the server; root table; at most 1 rows. */
export interface OpenVSwitchRow {
  readonly _uuid: Uuid<'Open_vSwitch'>;
  readonly _version: string;
  /** set of 0..∞ strong reference to Bridge */
  readonly bridges: readonly Uuid<'Bridge'>[];
  /** integer */
  readonly cur_cfg: number;
  /** set of 0..∞ string */
  readonly datapath_types: readonly string[];
  /** map string → strong reference to Datapath */
  readonly datapaths: Readonly<Record<string, Uuid<'Datapath'>>>;
  /** optional string */
  readonly db_version: string | undefined;
  /** boolean */
  readonly dpdk_initialized: boolean;
  /** optional string */
  readonly dpdk_version: string | undefined;
  /** map string → string */
  readonly external_ids: Readonly<Record<string, string>>;
  /** set of 0..∞ string */
  readonly iface_types: readonly string[];
  /** set of 0..∞ strong reference to Manager */
  readonly manager_options: readonly Uuid<'Manager'>[];
  /** integer */
  readonly next_cfg: number;
  /** map string → string */
  readonly other_config: Readonly<Record<string, string>>;
  /** optional string */
  readonly ovs_version: string | undefined;
  /** optional strong reference to SSL */
  readonly ssl: Uuid<'SSL'> | undefined;
  /** map string → string; ephemeral */
  readonly statistics: Readonly<Record<string, string>>;
  /** optional string */
  readonly system_type: string | undefined;
  /** optional string */
  readonly system_version: string | undefined;
}

/** Columns of a new `Open_vSwitch` row; an omitted column takes its default (required: columns whose default the server would refuse). */
export interface OpenVSwitchInsert {
  readonly bridges?: readonly Ref<'Bridge'>[];
  readonly cur_cfg?: number;
  readonly datapath_types?: readonly string[];
  readonly datapaths?: Readonly<Record<string, Ref<'Datapath'>>>;
  readonly db_version?: string | undefined;
  readonly dpdk_initialized?: boolean;
  readonly dpdk_version?: string | undefined;
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly iface_types?: readonly string[];
  readonly manager_options?: readonly Ref<'Manager'>[];
  readonly next_cfg?: number;
  readonly other_config?: Readonly<Record<string, string>>;
  readonly ovs_version?: string | undefined;
  readonly ssl?: Ref<'SSL'> | undefined;
  readonly statistics?: Readonly<Record<string, string>>;
  readonly system_type?: string | undefined;
  readonly system_version?: string | undefined;
}

/** Columns an `update` of `Open_vSwitch` may set (immutable columns are not here). */
export interface OpenVSwitchUpdate {
  readonly bridges?: readonly Ref<'Bridge'>[];
  readonly cur_cfg?: number;
  readonly datapath_types?: readonly string[];
  readonly datapaths?: Readonly<Record<string, Ref<'Datapath'>>>;
  readonly db_version?: string | undefined;
  readonly dpdk_initialized?: boolean;
  readonly dpdk_version?: string | undefined;
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly iface_types?: readonly string[];
  readonly manager_options?: readonly Ref<'Manager'>[];
  readonly next_cfg?: number;
  readonly other_config?: Readonly<Record<string, string>>;
  readonly ovs_version?: string | undefined;
  readonly ssl?: Ref<'SSL'> | undefined;
  readonly statistics?: Readonly<Record<string, string>>;
  readonly system_type?: string | undefined;
  readonly system_version?: string | undefined;
}

/** Conditions on `Open_vSwitch` (RFC 7047 §5.1), restricted by column kind. */
export type OpenVSwitchCondition =
  | readonly ['_uuid', '==' | '!=', Ref<'Open_vSwitch'>]
  | readonly ['_version', '==' | '!=', string]
  | readonly ['bridges', '==' | '!=' | 'includes' | 'excludes', readonly Ref<'Bridge'>[]]
  | readonly ['cur_cfg', '==' | '!=' | '<' | '<=' | '>' | '>=', number]
  | readonly ['datapath_types', '==' | '!=' | 'includes' | 'excludes', readonly string[]]
  | readonly ['datapaths', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, Ref<'Datapath'>>>]
  | readonly ['db_version', '==' | '!=' | 'includes' | 'excludes', string | undefined]
  | readonly ['dpdk_initialized', '==' | '!=', boolean]
  | readonly ['dpdk_version', '==' | '!=' | 'includes' | 'excludes', string | undefined]
  | readonly ['external_ids', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['iface_types', '==' | '!=' | 'includes' | 'excludes', readonly string[]]
  | readonly ['manager_options', '==' | '!=' | 'includes' | 'excludes', readonly Ref<'Manager'>[]]
  | readonly ['next_cfg', '==' | '!=' | '<' | '<=' | '>' | '>=', number]
  | readonly ['other_config', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['ovs_version', '==' | '!=' | 'includes' | 'excludes', string | undefined]
  | readonly ['ssl', '==' | '!=' | 'includes' | 'excludes', Ref<'SSL'> | undefined]
  | readonly ['statistics', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['system_type', '==' | '!=' | 'includes' | 'excludes', string | undefined]
  | readonly ['system_version', '==' | '!=' | 'includes' | 'excludes', string | undefined];

/** Mutations of `Open_vSwitch` (RFC 7047 §5.1), restricted by column kind; immutable columns excluded. */
export type OpenVSwitchMutation =
  | readonly ['bridges', 'insert' | 'delete', readonly Ref<'Bridge'>[]]
  | readonly ['cur_cfg', '+=' | '-=' | '*=' | '/=' | '%=', number]
  | readonly ['datapath_types', 'insert' | 'delete', readonly string[]]
  | readonly ['datapaths', 'insert', Readonly<Record<string, Ref<'Datapath'>>>]
  | readonly ['datapaths', 'delete', Readonly<Record<string, Ref<'Datapath'>>> | readonly string[]]
  | readonly ['db_version', 'insert' | 'delete', readonly string[]]
  | readonly ['dpdk_version', 'insert' | 'delete', readonly string[]]
  | readonly ['external_ids', 'insert', Readonly<Record<string, string>>]
  | readonly ['external_ids', 'delete', Readonly<Record<string, string>> | readonly string[]]
  | readonly ['iface_types', 'insert' | 'delete', readonly string[]]
  | readonly ['manager_options', 'insert' | 'delete', readonly Ref<'Manager'>[]]
  | readonly ['next_cfg', '+=' | '-=' | '*=' | '/=' | '%=', number]
  | readonly ['other_config', 'insert', Readonly<Record<string, string>>]
  | readonly ['other_config', 'delete', Readonly<Record<string, string>> | readonly string[]]
  | readonly ['ovs_version', 'insert' | 'delete', readonly string[]]
  | readonly ['ssl', 'insert' | 'delete', readonly Ref<'SSL'>[]]
  | readonly ['statistics', 'insert', Readonly<Record<string, string>>]
  | readonly ['statistics', 'delete', Readonly<Record<string, string>> | readonly string[]]
  | readonly ['system_type', 'insert' | 'delete', readonly string[]]
  | readonly ['system_version', 'insert' | 'delete', readonly string[]];

// ---- Port --------------------------------------------------------------------------------------------

/** A row of `Port` as read from the server; non-root table (garbage-collected when unreferenced); indexes: (name). */
export interface PortRow {
  readonly _uuid: Uuid<'Port'>;
  readonly _version: string;
  /** optional string */
  readonly bond_active_slave: string | undefined;
  /** integer */
  readonly bond_downdelay: number;
  /** boolean */
  readonly bond_fake_iface: boolean;
  /** optional string */
  readonly bond_mode: 'balance-tcp' | 'balance-slb' | 'active-backup' | undefined;
  /** integer */
  readonly bond_updelay: number;
  /** set of 0..4096 integer 0..4095 */
  readonly cvlans: readonly number[];
  /** map string → string */
  readonly external_ids: Readonly<Record<string, string>>;
  /** boolean */
  readonly fake_bridge: boolean;
  /** set of 1..∞ strong reference to Interface */
  readonly interfaces: readonly Uuid<'Interface'>[];
  /** optional string */
  readonly lacp: 'active' | 'passive' | 'off' | undefined;
  /** optional string */
  readonly mac: string | undefined;
  /** string; immutable */
  readonly name: string;
  /** map string → string */
  readonly other_config: Readonly<Record<string, string>>;
  /** boolean */
  readonly protected: boolean;
  /** optional strong reference to QoS */
  readonly qos: Uuid<'QoS'> | undefined;
  /** map string → integer; ephemeral */
  readonly rstp_statistics: Readonly<Record<string, number>>;
  /** map string → string; ephemeral */
  readonly rstp_status: Readonly<Record<string, string>>;
  /** map string → integer; ephemeral */
  readonly statistics: Readonly<Record<string, number>>;
  /** map string → string; ephemeral */
  readonly status: Readonly<Record<string, string>>;
  /** optional integer 0..4095 */
  readonly tag: number | undefined;
  /** set of 0..4096 integer 0..4095 */
  readonly trunks: readonly number[];
  /** optional string */
  readonly vlan_mode: 'trunk' | 'access' | 'native-tagged' | 'native-untagged' | 'dot1q-tunnel' | undefined;
}

/** Columns of a new `Port` row; an omitted column takes its default (required: columns whose default the server would refuse). */
export interface PortInsert {
  readonly bond_active_slave?: string | undefined;
  readonly bond_downdelay?: number;
  readonly bond_fake_iface?: boolean;
  readonly bond_mode?: 'balance-tcp' | 'balance-slb' | 'active-backup' | undefined;
  readonly bond_updelay?: number;
  readonly cvlans?: readonly number[];
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly fake_bridge?: boolean;
  readonly interfaces: readonly Ref<'Interface'>[];
  readonly lacp?: 'active' | 'passive' | 'off' | undefined;
  readonly mac?: string | undefined;
  readonly name?: string;
  readonly other_config?: Readonly<Record<string, string>>;
  readonly protected?: boolean;
  readonly qos?: Ref<'QoS'> | undefined;
  readonly rstp_statistics?: Readonly<Record<string, number>>;
  readonly rstp_status?: Readonly<Record<string, string>>;
  readonly statistics?: Readonly<Record<string, number>>;
  readonly status?: Readonly<Record<string, string>>;
  readonly tag?: number | undefined;
  readonly trunks?: readonly number[];
  readonly vlan_mode?: 'trunk' | 'access' | 'native-tagged' | 'native-untagged' | 'dot1q-tunnel' | undefined;
}

/** Columns an `update` of `Port` may set (immutable columns are not here). */
export interface PortUpdate {
  readonly bond_active_slave?: string | undefined;
  readonly bond_downdelay?: number;
  readonly bond_fake_iface?: boolean;
  readonly bond_mode?: 'balance-tcp' | 'balance-slb' | 'active-backup' | undefined;
  readonly bond_updelay?: number;
  readonly cvlans?: readonly number[];
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly fake_bridge?: boolean;
  readonly interfaces?: readonly Ref<'Interface'>[];
  readonly lacp?: 'active' | 'passive' | 'off' | undefined;
  readonly mac?: string | undefined;
  readonly other_config?: Readonly<Record<string, string>>;
  readonly protected?: boolean;
  readonly qos?: Ref<'QoS'> | undefined;
  readonly rstp_statistics?: Readonly<Record<string, number>>;
  readonly rstp_status?: Readonly<Record<string, string>>;
  readonly statistics?: Readonly<Record<string, number>>;
  readonly status?: Readonly<Record<string, string>>;
  readonly tag?: number | undefined;
  readonly trunks?: readonly number[];
  readonly vlan_mode?: 'trunk' | 'access' | 'native-tagged' | 'native-untagged' | 'dot1q-tunnel' | undefined;
}

/** Conditions on `Port` (RFC 7047 §5.1), restricted by column kind. */
export type PortCondition =
  | readonly ['_uuid', '==' | '!=', Ref<'Port'>]
  | readonly ['_version', '==' | '!=', string]
  | readonly ['bond_active_slave', '==' | '!=' | 'includes' | 'excludes', string | undefined]
  | readonly ['bond_downdelay', '==' | '!=' | '<' | '<=' | '>' | '>=', number]
  | readonly ['bond_fake_iface', '==' | '!=', boolean]
  | readonly ['bond_mode', '==' | '!=' | 'includes' | 'excludes', 'balance-tcp' | 'balance-slb' | 'active-backup' | undefined]
  | readonly ['bond_updelay', '==' | '!=' | '<' | '<=' | '>' | '>=', number]
  | readonly ['cvlans', '==' | '!=' | 'includes' | 'excludes', readonly number[]]
  | readonly ['external_ids', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['fake_bridge', '==' | '!=', boolean]
  | readonly ['interfaces', '==' | '!=' | 'includes' | 'excludes', readonly Ref<'Interface'>[]]
  | readonly ['lacp', '==' | '!=' | 'includes' | 'excludes', 'active' | 'passive' | 'off' | undefined]
  | readonly ['mac', '==' | '!=' | 'includes' | 'excludes', string | undefined]
  | readonly ['name', '==' | '!=', string]
  | readonly ['other_config', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['protected', '==' | '!=', boolean]
  | readonly ['qos', '==' | '!=' | 'includes' | 'excludes', Ref<'QoS'> | undefined]
  | readonly ['rstp_statistics', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, number>>]
  | readonly ['rstp_status', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['statistics', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, number>>]
  | readonly ['status', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['tag', '==' | '!=' | 'includes' | 'excludes', number | undefined]
  | readonly ['tag', '<' | '<=' | '>' | '>=', number]
  | readonly ['trunks', '==' | '!=' | 'includes' | 'excludes', readonly number[]]
  | readonly ['vlan_mode', '==' | '!=' | 'includes' | 'excludes', 'trunk' | 'access' | 'native-tagged' | 'native-untagged' | 'dot1q-tunnel' | undefined];

/** Mutations of `Port` (RFC 7047 §5.1), restricted by column kind; immutable columns excluded. */
export type PortMutation =
  | readonly ['bond_active_slave', 'insert' | 'delete', readonly string[]]
  | readonly ['bond_downdelay', '+=' | '-=' | '*=' | '/=' | '%=', number]
  | readonly ['bond_mode', 'insert' | 'delete', readonly ('balance-tcp' | 'balance-slb' | 'active-backup')[]]
  | readonly ['bond_updelay', '+=' | '-=' | '*=' | '/=' | '%=', number]
  | readonly ['cvlans', '+=' | '-=' | '*=' | '/=' | '%=', number]
  | readonly ['cvlans', 'insert' | 'delete', readonly number[]]
  | readonly ['external_ids', 'insert', Readonly<Record<string, string>>]
  | readonly ['external_ids', 'delete', Readonly<Record<string, string>> | readonly string[]]
  | readonly ['interfaces', 'insert' | 'delete', readonly Ref<'Interface'>[]]
  | readonly ['lacp', 'insert' | 'delete', readonly ('active' | 'passive' | 'off')[]]
  | readonly ['mac', 'insert' | 'delete', readonly string[]]
  | readonly ['other_config', 'insert', Readonly<Record<string, string>>]
  | readonly ['other_config', 'delete', Readonly<Record<string, string>> | readonly string[]]
  | readonly ['qos', 'insert' | 'delete', readonly Ref<'QoS'>[]]
  | readonly ['rstp_statistics', 'insert', Readonly<Record<string, number>>]
  | readonly ['rstp_statistics', 'delete', Readonly<Record<string, number>> | readonly string[]]
  | readonly ['rstp_status', 'insert', Readonly<Record<string, string>>]
  | readonly ['rstp_status', 'delete', Readonly<Record<string, string>> | readonly string[]]
  | readonly ['statistics', 'insert', Readonly<Record<string, number>>]
  | readonly ['statistics', 'delete', Readonly<Record<string, number>> | readonly string[]]
  | readonly ['status', 'insert', Readonly<Record<string, string>>]
  | readonly ['status', 'delete', Readonly<Record<string, string>> | readonly string[]]
  | readonly ['tag', '+=' | '-=' | '*=' | '/=' | '%=', number]
  | readonly ['tag', 'insert' | 'delete', readonly number[]]
  | readonly ['trunks', '+=' | '-=' | '*=' | '/=' | '%=', number]
  | readonly ['trunks', 'insert' | 'delete', readonly number[]]
  | readonly ['vlan_mode', 'insert' | 'delete', readonly ('trunk' | 'access' | 'native-tagged' | 'native-untagged' | 'dot1q-tunnel')[]];

// ---- QoS ---------------------------------------------------------------------------------------------

/** A row of `QoS` as read from the server; root table. */
export interface QoSRow {
  readonly _uuid: Uuid<'QoS'>;
  readonly _version: string;
  /** map string → string */
  readonly external_ids: Readonly<Record<string, string>>;
  /** map string → string */
  readonly other_config: Readonly<Record<string, string>>;
  /** map integer 0..4294967295 → strong reference to Queue */
  readonly queues: Readonly<Record<number, Uuid<'Queue'>>>;
  /** string */
  readonly type: string;
}

/** Columns of a new `QoS` row; an omitted column takes its default (required: columns whose default the server would refuse). */
export interface QoSInsert {
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly other_config?: Readonly<Record<string, string>>;
  readonly queues?: Readonly<Record<number, Ref<'Queue'>>>;
  readonly type?: string;
}

/** Columns an `update` of `QoS` may set (immutable columns are not here). */
export interface QoSUpdate {
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly other_config?: Readonly<Record<string, string>>;
  readonly queues?: Readonly<Record<number, Ref<'Queue'>>>;
  readonly type?: string;
}

/** Conditions on `QoS` (RFC 7047 §5.1), restricted by column kind. */
export type QoSCondition =
  | readonly ['_uuid', '==' | '!=', Ref<'QoS'>]
  | readonly ['_version', '==' | '!=', string]
  | readonly ['external_ids', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['other_config', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['queues', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<number, Ref<'Queue'>>>]
  | readonly ['type', '==' | '!=', string];

/** Mutations of `QoS` (RFC 7047 §5.1), restricted by column kind; immutable columns excluded. */
export type QoSMutation =
  | readonly ['external_ids', 'insert', Readonly<Record<string, string>>]
  | readonly ['external_ids', 'delete', Readonly<Record<string, string>> | readonly string[]]
  | readonly ['other_config', 'insert', Readonly<Record<string, string>>]
  | readonly ['other_config', 'delete', Readonly<Record<string, string>> | readonly string[]]
  | readonly ['queues', 'insert', Readonly<Record<number, Ref<'Queue'>>>]
  | readonly ['queues', 'delete', Readonly<Record<number, Ref<'Queue'>>> | readonly number[]];

// ---- Queue -------------------------------------------------------------------------------------------

/** A row of `Queue` as read from the server; root table. */
export interface QueueRow {
  readonly _uuid: Uuid<'Queue'>;
  readonly _version: string;
  /** optional integer 0..63 */
  readonly dscp: number | undefined;
  /** map string → string */
  readonly external_ids: Readonly<Record<string, string>>;
  /** map string → string */
  readonly other_config: Readonly<Record<string, string>>;
}

/** Columns of a new `Queue` row; an omitted column takes its default (required: columns whose default the server would refuse). */
export interface QueueInsert {
  readonly dscp?: number | undefined;
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly other_config?: Readonly<Record<string, string>>;
}

/** Columns an `update` of `Queue` may set (immutable columns are not here). */
export interface QueueUpdate {
  readonly dscp?: number | undefined;
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly other_config?: Readonly<Record<string, string>>;
}

/** Conditions on `Queue` (RFC 7047 §5.1), restricted by column kind. */
export type QueueCondition =
  | readonly ['_uuid', '==' | '!=', Ref<'Queue'>]
  | readonly ['_version', '==' | '!=', string]
  | readonly ['dscp', '==' | '!=' | 'includes' | 'excludes', number | undefined]
  | readonly ['dscp', '<' | '<=' | '>' | '>=', number]
  | readonly ['external_ids', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['other_config', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>];

/** Mutations of `Queue` (RFC 7047 §5.1), restricted by column kind; immutable columns excluded. */
export type QueueMutation =
  | readonly ['dscp', '+=' | '-=' | '*=' | '/=' | '%=', number]
  | readonly ['dscp', 'insert' | 'delete', readonly number[]]
  | readonly ['external_ids', 'insert', Readonly<Record<string, string>>]
  | readonly ['external_ids', 'delete', Readonly<Record<string, string>> | readonly string[]]
  | readonly ['other_config', 'insert', Readonly<Record<string, string>>]
  | readonly ['other_config', 'delete', Readonly<Record<string, string>> | readonly string[]];

// ---- SSL ---------------------------------------------------------------------------------------------

/** A row of `SSL` as read from the server; non-root table (garbage-collected when unreferenced); at most 1 rows. */
export interface SSLRow {
  readonly _uuid: Uuid<'SSL'>;
  readonly _version: string;
  /** boolean */
  readonly bootstrap_ca_cert: boolean;
  /** string */
  readonly ca_cert: string;
  /** string */
  readonly certificate: string;
  /** map string → string */
  readonly external_ids: Readonly<Record<string, string>>;
  /** string */
  readonly private_key: string;
}

/** Columns of a new `SSL` row; an omitted column takes its default (required: columns whose default the server would refuse). */
export interface SSLInsert {
  readonly bootstrap_ca_cert?: boolean;
  readonly ca_cert?: string;
  readonly certificate?: string;
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly private_key?: string;
}

/** Columns an `update` of `SSL` may set (immutable columns are not here). */
export interface SSLUpdate {
  readonly bootstrap_ca_cert?: boolean;
  readonly ca_cert?: string;
  readonly certificate?: string;
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly private_key?: string;
}

/** Conditions on `SSL` (RFC 7047 §5.1), restricted by column kind. */
export type SSLCondition =
  | readonly ['_uuid', '==' | '!=', Ref<'SSL'>]
  | readonly ['_version', '==' | '!=', string]
  | readonly ['bootstrap_ca_cert', '==' | '!=', boolean]
  | readonly ['ca_cert', '==' | '!=', string]
  | readonly ['certificate', '==' | '!=', string]
  | readonly ['external_ids', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['private_key', '==' | '!=', string];

/** Mutations of `SSL` (RFC 7047 §5.1), restricted by column kind; immutable columns excluded. */
export type SSLMutation =
  | readonly ['external_ids', 'insert', Readonly<Record<string, string>>]
  | readonly ['external_ids', 'delete', Readonly<Record<string, string>> | readonly string[]];

// ---- sFlow -------------------------------------------------------------------------------------------

/** A row of `sFlow` as read from the server; non-root table (garbage-collected when unreferenced). */
export interface SFlowRow {
  readonly _uuid: Uuid<'sFlow'>;
  readonly _version: string;
  /** optional string */
  readonly agent: string | undefined;
  /** map string → string */
  readonly external_ids: Readonly<Record<string, string>>;
  /** optional integer */
  readonly header: number | undefined;
  /** optional integer */
  readonly polling: number | undefined;
  /** optional integer */
  readonly sampling: number | undefined;
  /** set of 1..∞ string */
  readonly targets: readonly string[];
}

/** Columns of a new `sFlow` row; an omitted column takes its default (required: columns whose default the server would refuse). */
export interface SFlowInsert {
  readonly agent?: string | undefined;
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly header?: number | undefined;
  readonly polling?: number | undefined;
  readonly sampling?: number | undefined;
  readonly targets?: readonly string[];
}

/** Columns an `update` of `sFlow` may set (immutable columns are not here). */
export interface SFlowUpdate {
  readonly agent?: string | undefined;
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly header?: number | undefined;
  readonly polling?: number | undefined;
  readonly sampling?: number | undefined;
  readonly targets?: readonly string[];
}

/** Conditions on `sFlow` (RFC 7047 §5.1), restricted by column kind. */
export type SFlowCondition =
  | readonly ['_uuid', '==' | '!=', Ref<'sFlow'>]
  | readonly ['_version', '==' | '!=', string]
  | readonly ['agent', '==' | '!=' | 'includes' | 'excludes', string | undefined]
  | readonly ['external_ids', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['header', '==' | '!=' | 'includes' | 'excludes', number | undefined]
  | readonly ['header', '<' | '<=' | '>' | '>=', number]
  | readonly ['polling', '==' | '!=' | 'includes' | 'excludes', number | undefined]
  | readonly ['polling', '<' | '<=' | '>' | '>=', number]
  | readonly ['sampling', '==' | '!=' | 'includes' | 'excludes', number | undefined]
  | readonly ['sampling', '<' | '<=' | '>' | '>=', number]
  | readonly ['targets', '==' | '!=' | 'includes' | 'excludes', readonly string[]];

/** Mutations of `sFlow` (RFC 7047 §5.1), restricted by column kind; immutable columns excluded. */
export type SFlowMutation =
  | readonly ['agent', 'insert' | 'delete', readonly string[]]
  | readonly ['external_ids', 'insert', Readonly<Record<string, string>>]
  | readonly ['external_ids', 'delete', Readonly<Record<string, string>> | readonly string[]]
  | readonly ['header', '+=' | '-=' | '*=' | '/=' | '%=', number]
  | readonly ['header', 'insert' | 'delete', readonly number[]]
  | readonly ['polling', '+=' | '-=' | '*=' | '/=' | '%=', number]
  | readonly ['polling', 'insert' | 'delete', readonly number[]]
  | readonly ['sampling', '+=' | '-=' | '*=' | '/=' | '%=', number]
  | readonly ['sampling', 'insert' | 'delete', readonly number[]]
  | readonly ['targets', 'insert' | 'delete', readonly string[]];

/** Every table of Open_vSwitch with its shapes; the type parameter of {@link openVSwitchModel}. */
export interface OpenVSwitchTables {
  readonly AutoAttach: {
    readonly row: AutoAttachRow;
    readonly insert: AutoAttachInsert;
    readonly update: AutoAttachUpdate;
    readonly condition: AutoAttachCondition;
    readonly mutation: AutoAttachMutation;
  };
  readonly Bridge: {
    readonly row: BridgeRow;
    readonly insert: BridgeInsert;
    readonly update: BridgeUpdate;
    readonly condition: BridgeCondition;
    readonly mutation: BridgeMutation;
  };
  readonly CT_Timeout_Policy: {
    readonly row: CTTimeoutPolicyRow;
    readonly insert: CTTimeoutPolicyInsert;
    readonly update: CTTimeoutPolicyUpdate;
    readonly condition: CTTimeoutPolicyCondition;
    readonly mutation: CTTimeoutPolicyMutation;
  };
  readonly CT_Zone: {
    readonly row: CTZoneRow;
    readonly insert: CTZoneInsert;
    readonly update: CTZoneUpdate;
    readonly condition: CTZoneCondition;
    readonly mutation: CTZoneMutation;
  };
  readonly Controller: {
    readonly row: ControllerRow;
    readonly insert: ControllerInsert;
    readonly update: ControllerUpdate;
    readonly condition: ControllerCondition;
    readonly mutation: ControllerMutation;
  };
  readonly Datapath: {
    readonly row: DatapathRow;
    readonly insert: DatapathInsert;
    readonly update: DatapathUpdate;
    readonly condition: DatapathCondition;
    readonly mutation: DatapathMutation;
  };
  readonly Flow_Sample_Collector_Set: {
    readonly row: FlowSampleCollectorSetRow;
    readonly insert: FlowSampleCollectorSetInsert;
    readonly update: FlowSampleCollectorSetUpdate;
    readonly condition: FlowSampleCollectorSetCondition;
    readonly mutation: FlowSampleCollectorSetMutation;
  };
  readonly Flow_Table: {
    readonly row: FlowTableRow;
    readonly insert: FlowTableInsert;
    readonly update: FlowTableUpdate;
    readonly condition: FlowTableCondition;
    readonly mutation: FlowTableMutation;
  };
  readonly IPFIX: {
    readonly row: IPFIXRow;
    readonly insert: IPFIXInsert;
    readonly update: IPFIXUpdate;
    readonly condition: IPFIXCondition;
    readonly mutation: IPFIXMutation;
  };
  readonly Interface: {
    readonly row: InterfaceRow;
    readonly insert: InterfaceInsert;
    readonly update: InterfaceUpdate;
    readonly condition: InterfaceCondition;
    readonly mutation: InterfaceMutation;
  };
  readonly Manager: {
    readonly row: ManagerRow;
    readonly insert: ManagerInsert;
    readonly update: ManagerUpdate;
    readonly condition: ManagerCondition;
    readonly mutation: ManagerMutation;
  };
  readonly Mirror: {
    readonly row: MirrorRow;
    readonly insert: MirrorInsert;
    readonly update: MirrorUpdate;
    readonly condition: MirrorCondition;
    readonly mutation: MirrorMutation;
  };
  readonly NetFlow: {
    readonly row: NetFlowRow;
    readonly insert: NetFlowInsert;
    readonly update: NetFlowUpdate;
    readonly condition: NetFlowCondition;
    readonly mutation: NetFlowMutation;
  };
  readonly Open_vSwitch: {
    readonly row: OpenVSwitchRow;
    readonly insert: OpenVSwitchInsert;
    readonly update: OpenVSwitchUpdate;
    readonly condition: OpenVSwitchCondition;
    readonly mutation: OpenVSwitchMutation;
  };
  readonly Port: {
    readonly row: PortRow;
    readonly insert: PortInsert;
    readonly update: PortUpdate;
    readonly condition: PortCondition;
    readonly mutation: PortMutation;
  };
  readonly QoS: {
    readonly row: QoSRow;
    readonly insert: QoSInsert;
    readonly update: QoSUpdate;
    readonly condition: QoSCondition;
    readonly mutation: QoSMutation;
  };
  readonly Queue: {
    readonly row: QueueRow;
    readonly insert: QueueInsert;
    readonly update: QueueUpdate;
    readonly condition: QueueCondition;
    readonly mutation: QueueMutation;
  };
  readonly SSL: {
    readonly row: SSLRow;
    readonly insert: SSLInsert;
    readonly update: SSLUpdate;
    readonly condition: SSLCondition;
    readonly mutation: SSLMutation;
  };
  readonly sFlow: {
    readonly row: SFlowRow;
    readonly insert: SFlowInsert;
    readonly update: SFlowUpdate;
    readonly condition: SFlowCondition;
    readonly mutation: SFlowMutation;
  };
}

/** The Open_vSwitch schema (version 8.3.1) as `parseSchema` returns it, for runtime checks. */
export const openVSwitchSchema = {
  name: 'Open_vSwitch',
  version: '8.3.1',
  cksum: '3012963480 26720',
  tables: {
    AutoAttach: {
      name: 'AutoAttach',
      columns: {
        mappings: {
          name: 'mappings',
          type: {
            key: { type: 'integer', minInteger: 0, maxInteger: 16777215 },
            value: { type: 'integer', minInteger: 0, maxInteger: 4095 },
            min: 0,
            max: 'unlimited',
          },
          ephemeral: false,
          mutable: true,
        },
        system_description: {
          name: 'system_description',
          type: { key: { type: 'string' }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        system_name: {
          name: 'system_name',
          type: { key: { type: 'string' }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
      },
      isRoot: false,
      indexes: [],
    },
    Bridge: {
      name: 'Bridge',
      columns: {
        auto_attach: {
          name: 'auto_attach',
          type: { key: { type: 'uuid', refTable: 'AutoAttach', refType: 'strong' }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        controller: {
          name: 'controller',
          type: { key: { type: 'uuid', refTable: 'Controller', refType: 'strong' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        datapath_id: {
          name: 'datapath_id',
          type: { key: { type: 'string' }, min: 0, max: 1 },
          ephemeral: true,
          mutable: true,
        },
        datapath_type: {
          name: 'datapath_type',
          type: { key: { type: 'string' }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        datapath_version: {
          name: 'datapath_version',
          type: { key: { type: 'string' }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        external_ids: {
          name: 'external_ids',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        fail_mode: {
          name: 'fail_mode',
          type: { key: { type: 'string', enum: ['standalone', 'secure'] }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        flood_vlans: {
          name: 'flood_vlans',
          type: { key: { type: 'integer', minInteger: 0, maxInteger: 4095 }, min: 0, max: 4096 },
          ephemeral: false,
          mutable: true,
        },
        flow_tables: {
          name: 'flow_tables',
          type: {
            key: { type: 'integer', minInteger: 0, maxInteger: 254 },
            value: { type: 'uuid', refTable: 'Flow_Table', refType: 'strong' },
            min: 0,
            max: 'unlimited',
          },
          ephemeral: false,
          mutable: true,
        },
        ipfix: {
          name: 'ipfix',
          type: { key: { type: 'uuid', refTable: 'IPFIX', refType: 'strong' }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        mcast_snooping_enable: {
          name: 'mcast_snooping_enable',
          type: { key: { type: 'boolean' }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        mirrors: {
          name: 'mirrors',
          type: { key: { type: 'uuid', refTable: 'Mirror', refType: 'strong' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        name: { name: 'name', type: { key: { type: 'string' }, min: 1, max: 1 }, ephemeral: false, mutable: false },
        netflow: {
          name: 'netflow',
          type: { key: { type: 'uuid', refTable: 'NetFlow', refType: 'strong' }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        other_config: {
          name: 'other_config',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        ports: {
          name: 'ports',
          type: { key: { type: 'uuid', refTable: 'Port', refType: 'strong' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        protocols: {
          name: 'protocols',
          type: {
            key: {
              type: 'string',
              enum: ['OpenFlow10', 'OpenFlow11', 'OpenFlow12', 'OpenFlow13', 'OpenFlow14', 'OpenFlow15'],
            },
            min: 0,
            max: 'unlimited',
          },
          ephemeral: false,
          mutable: true,
        },
        rstp_enable: {
          name: 'rstp_enable',
          type: { key: { type: 'boolean' }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        rstp_status: {
          name: 'rstp_status',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: true,
          mutable: true,
        },
        sflow: {
          name: 'sflow',
          type: { key: { type: 'uuid', refTable: 'sFlow', refType: 'strong' }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        status: {
          name: 'status',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: true,
          mutable: true,
        },
        stp_enable: {
          name: 'stp_enable',
          type: { key: { type: 'boolean' }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
      },
      isRoot: false,
      indexes: [['name']],
    },
    CT_Timeout_Policy: {
      name: 'CT_Timeout_Policy',
      columns: {
        external_ids: {
          name: 'external_ids',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        timeouts: {
          name: 'timeouts',
          type: {
            key: {
              type: 'string',
              enum: [
                'tcp_syn_sent',
                'tcp_syn_recv',
                'tcp_established',
                'tcp_fin_wait',
                'tcp_close_wait',
                'tcp_last_ack',
                'tcp_time_wait',
                'tcp_close',
                'tcp_syn_sent2',
                'tcp_retransmit',
                'tcp_unack',
                'udp_first',
                'udp_single',
                'udp_multiple',
                'icmp_first',
                'icmp_reply',
              ],
            },
            value: { type: 'integer', minInteger: 0, maxInteger: 4294967295 },
            min: 0,
            max: 'unlimited',
          },
          ephemeral: false,
          mutable: true,
        },
      },
      isRoot: false,
      indexes: [],
    },
    CT_Zone: {
      name: 'CT_Zone',
      columns: {
        external_ids: {
          name: 'external_ids',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        timeout_policy: {
          name: 'timeout_policy',
          type: { key: { type: 'uuid', refTable: 'CT_Timeout_Policy', refType: 'strong' }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
      },
      isRoot: false,
      indexes: [],
    },
    Controller: {
      name: 'Controller',
      columns: {
        connection_mode: {
          name: 'connection_mode',
          type: { key: { type: 'string', enum: ['in-band', 'out-of-band'] }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        controller_burst_limit: {
          name: 'controller_burst_limit',
          type: { key: { type: 'integer', minInteger: 25 }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        controller_queue_size: {
          name: 'controller_queue_size',
          type: { key: { type: 'integer', minInteger: 1, maxInteger: 512 }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        controller_rate_limit: {
          name: 'controller_rate_limit',
          type: { key: { type: 'integer', minInteger: 100 }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        enable_async_messages: {
          name: 'enable_async_messages',
          type: { key: { type: 'boolean' }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        external_ids: {
          name: 'external_ids',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        inactivity_probe: {
          name: 'inactivity_probe',
          type: { key: { type: 'integer' }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        is_connected: {
          name: 'is_connected',
          type: { key: { type: 'boolean' }, min: 1, max: 1 },
          ephemeral: true,
          mutable: true,
        },
        local_gateway: {
          name: 'local_gateway',
          type: { key: { type: 'string' }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        local_ip: {
          name: 'local_ip',
          type: { key: { type: 'string' }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        local_netmask: {
          name: 'local_netmask',
          type: { key: { type: 'string' }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        max_backoff: {
          name: 'max_backoff',
          type: { key: { type: 'integer', minInteger: 1000 }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        other_config: {
          name: 'other_config',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        role: {
          name: 'role',
          type: { key: { type: 'string', enum: ['other', 'master', 'slave'] }, min: 0, max: 1 },
          ephemeral: true,
          mutable: true,
        },
        status: {
          name: 'status',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: true,
          mutable: true,
        },
        target: { name: 'target', type: { key: { type: 'string' }, min: 1, max: 1 }, ephemeral: false, mutable: true },
        type: {
          name: 'type',
          type: { key: { type: 'string', enum: ['primary', 'service'] }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
      },
      isRoot: false,
      indexes: [],
    },
    Datapath: {
      name: 'Datapath',
      columns: {
        capabilities: {
          name: 'capabilities',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        ct_zones: {
          name: 'ct_zones',
          type: {
            key: { type: 'integer', minInteger: 0, maxInteger: 65535 },
            value: { type: 'uuid', refTable: 'CT_Zone', refType: 'strong' },
            min: 0,
            max: 'unlimited',
          },
          ephemeral: false,
          mutable: true,
        },
        datapath_version: {
          name: 'datapath_version',
          type: { key: { type: 'string' }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        external_ids: {
          name: 'external_ids',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
      },
      isRoot: false,
      indexes: [],
    },
    Flow_Sample_Collector_Set: {
      name: 'Flow_Sample_Collector_Set',
      columns: {
        bridge: {
          name: 'bridge',
          type: { key: { type: 'uuid', refTable: 'Bridge', refType: 'strong' }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        external_ids: {
          name: 'external_ids',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        id: {
          name: 'id',
          type: { key: { type: 'integer', minInteger: 0, maxInteger: 4294967295 }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        ipfix: {
          name: 'ipfix',
          type: { key: { type: 'uuid', refTable: 'IPFIX', refType: 'strong' }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
      },
      isRoot: true,
      indexes: [['id', 'bridge']],
    },
    Flow_Table: {
      name: 'Flow_Table',
      columns: {
        external_ids: {
          name: 'external_ids',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        flow_limit: {
          name: 'flow_limit',
          type: { key: { type: 'integer', minInteger: 0 }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        groups: {
          name: 'groups',
          type: { key: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        name: { name: 'name', type: { key: { type: 'string' }, min: 0, max: 1 }, ephemeral: false, mutable: true },
        overflow_policy: {
          name: 'overflow_policy',
          type: { key: { type: 'string', enum: ['refuse', 'evict'] }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        prefixes: {
          name: 'prefixes',
          type: { key: { type: 'string' }, min: 0, max: 3 },
          ephemeral: false,
          mutable: true,
        },
      },
      isRoot: false,
      indexes: [],
    },
    IPFIX: {
      name: 'IPFIX',
      columns: {
        cache_active_timeout: {
          name: 'cache_active_timeout',
          type: { key: { type: 'integer', minInteger: 0, maxInteger: 4200 }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        cache_max_flows: {
          name: 'cache_max_flows',
          type: { key: { type: 'integer', minInteger: 0, maxInteger: 4294967295 }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        external_ids: {
          name: 'external_ids',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        obs_domain_id: {
          name: 'obs_domain_id',
          type: { key: { type: 'integer', minInteger: 0, maxInteger: 4294967295 }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        obs_point_id: {
          name: 'obs_point_id',
          type: { key: { type: 'integer', minInteger: 0, maxInteger: 4294967295 }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        other_config: {
          name: 'other_config',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        sampling: {
          name: 'sampling',
          type: { key: { type: 'integer', minInteger: 1, maxInteger: 4294967295 }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        targets: {
          name: 'targets',
          type: { key: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
      },
      isRoot: false,
      indexes: [],
    },
    Interface: {
      name: 'Interface',
      columns: {
        admin_state: {
          name: 'admin_state',
          type: { key: { type: 'string', enum: ['up', 'down'] }, min: 0, max: 1 },
          ephemeral: true,
          mutable: true,
        },
        bfd: {
          name: 'bfd',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        bfd_status: {
          name: 'bfd_status',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: true,
          mutable: true,
        },
        cfm_fault: {
          name: 'cfm_fault',
          type: { key: { type: 'boolean' }, min: 0, max: 1 },
          ephemeral: true,
          mutable: true,
        },
        cfm_fault_status: {
          name: 'cfm_fault_status',
          type: { key: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: true,
          mutable: true,
        },
        cfm_flap_count: {
          name: 'cfm_flap_count',
          type: { key: { type: 'integer' }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        cfm_health: {
          name: 'cfm_health',
          type: { key: { type: 'integer', minInteger: 0, maxInteger: 100 }, min: 0, max: 1 },
          ephemeral: true,
          mutable: true,
        },
        cfm_mpid: {
          name: 'cfm_mpid',
          type: { key: { type: 'integer' }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        cfm_remote_mpids: {
          name: 'cfm_remote_mpids',
          type: { key: { type: 'integer' }, min: 0, max: 'unlimited' },
          ephemeral: true,
          mutable: true,
        },
        cfm_remote_opstate: {
          name: 'cfm_remote_opstate',
          type: { key: { type: 'string', enum: ['up', 'down'] }, min: 0, max: 1 },
          ephemeral: true,
          mutable: true,
        },
        duplex: {
          name: 'duplex',
          type: { key: { type: 'string', enum: ['half', 'full'] }, min: 0, max: 1 },
          ephemeral: true,
          mutable: true,
        },
        error: { name: 'error', type: { key: { type: 'string' }, min: 0, max: 1 }, ephemeral: false, mutable: true },
        external_ids: {
          name: 'external_ids',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        ifindex: {
          name: 'ifindex',
          type: { key: { type: 'integer', minInteger: 0, maxInteger: 4294967295 }, min: 0, max: 1 },
          ephemeral: true,
          mutable: true,
        },
        ingress_policing_burst: {
          name: 'ingress_policing_burst',
          type: { key: { type: 'integer', minInteger: 0 }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        ingress_policing_kpkts_burst: {
          name: 'ingress_policing_kpkts_burst',
          type: { key: { type: 'integer', minInteger: 0 }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        ingress_policing_kpkts_rate: {
          name: 'ingress_policing_kpkts_rate',
          type: { key: { type: 'integer', minInteger: 0 }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        ingress_policing_rate: {
          name: 'ingress_policing_rate',
          type: { key: { type: 'integer', minInteger: 0 }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        lacp_current: {
          name: 'lacp_current',
          type: { key: { type: 'boolean' }, min: 0, max: 1 },
          ephemeral: true,
          mutable: true,
        },
        link_resets: {
          name: 'link_resets',
          type: { key: { type: 'integer' }, min: 0, max: 1 },
          ephemeral: true,
          mutable: true,
        },
        link_speed: {
          name: 'link_speed',
          type: { key: { type: 'integer' }, min: 0, max: 1 },
          ephemeral: true,
          mutable: true,
        },
        link_state: {
          name: 'link_state',
          type: { key: { type: 'string', enum: ['up', 'down'] }, min: 0, max: 1 },
          ephemeral: true,
          mutable: true,
        },
        lldp: {
          name: 'lldp',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        mac: { name: 'mac', type: { key: { type: 'string' }, min: 0, max: 1 }, ephemeral: false, mutable: true },
        mac_in_use: {
          name: 'mac_in_use',
          type: { key: { type: 'string' }, min: 0, max: 1 },
          ephemeral: true,
          mutable: true,
        },
        mtu: { name: 'mtu', type: { key: { type: 'integer' }, min: 0, max: 1 }, ephemeral: true, mutable: true },
        mtu_request: {
          name: 'mtu_request',
          type: { key: { type: 'integer', minInteger: 1 }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        name: { name: 'name', type: { key: { type: 'string' }, min: 1, max: 1 }, ephemeral: false, mutable: false },
        ofport: { name: 'ofport', type: { key: { type: 'integer' }, min: 0, max: 1 }, ephemeral: false, mutable: true },
        ofport_request: {
          name: 'ofport_request',
          type: { key: { type: 'integer', minInteger: 1, maxInteger: 65279 }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        options: {
          name: 'options',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        other_config: {
          name: 'other_config',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        statistics: {
          name: 'statistics',
          type: { key: { type: 'string' }, value: { type: 'integer' }, min: 0, max: 'unlimited' },
          ephemeral: true,
          mutable: true,
        },
        status: {
          name: 'status',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: true,
          mutable: true,
        },
        type: { name: 'type', type: { key: { type: 'string' }, min: 1, max: 1 }, ephemeral: false, mutable: true },
      },
      isRoot: false,
      indexes: [['name']],
    },
    Manager: {
      name: 'Manager',
      columns: {
        connection_mode: {
          name: 'connection_mode',
          type: { key: { type: 'string', enum: ['in-band', 'out-of-band'] }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        external_ids: {
          name: 'external_ids',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        inactivity_probe: {
          name: 'inactivity_probe',
          type: { key: { type: 'integer' }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        is_connected: {
          name: 'is_connected',
          type: { key: { type: 'boolean' }, min: 1, max: 1 },
          ephemeral: true,
          mutable: true,
        },
        max_backoff: {
          name: 'max_backoff',
          type: { key: { type: 'integer', minInteger: 1000 }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        other_config: {
          name: 'other_config',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        status: {
          name: 'status',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: true,
          mutable: true,
        },
        target: { name: 'target', type: { key: { type: 'string' }, min: 1, max: 1 }, ephemeral: false, mutable: true },
      },
      isRoot: false,
      indexes: [['target']],
    },
    Mirror: {
      name: 'Mirror',
      columns: {
        external_ids: {
          name: 'external_ids',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        name: { name: 'name', type: { key: { type: 'string' }, min: 1, max: 1 }, ephemeral: false, mutable: true },
        output_port: {
          name: 'output_port',
          type: { key: { type: 'uuid', refTable: 'Port', refType: 'weak' }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        output_vlan: {
          name: 'output_vlan',
          type: { key: { type: 'integer', minInteger: 1, maxInteger: 4095 }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        select_all: {
          name: 'select_all',
          type: { key: { type: 'boolean' }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        select_dst_port: {
          name: 'select_dst_port',
          type: { key: { type: 'uuid', refTable: 'Port', refType: 'weak' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        select_src_port: {
          name: 'select_src_port',
          type: { key: { type: 'uuid', refTable: 'Port', refType: 'weak' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        select_vlan: {
          name: 'select_vlan',
          type: { key: { type: 'integer', minInteger: 0, maxInteger: 4095 }, min: 0, max: 4096 },
          ephemeral: false,
          mutable: true,
        },
        snaplen: {
          name: 'snaplen',
          type: { key: { type: 'integer', minInteger: 14, maxInteger: 65535 }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        statistics: {
          name: 'statistics',
          type: { key: { type: 'string' }, value: { type: 'integer' }, min: 0, max: 'unlimited' },
          ephemeral: true,
          mutable: true,
        },
      },
      isRoot: false,
      indexes: [],
    },
    NetFlow: {
      name: 'NetFlow',
      columns: {
        active_timeout: {
          name: 'active_timeout',
          type: { key: { type: 'integer', minInteger: -1 }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        add_id_to_interface: {
          name: 'add_id_to_interface',
          type: { key: { type: 'boolean' }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        engine_id: {
          name: 'engine_id',
          type: { key: { type: 'integer', minInteger: 0, maxInteger: 255 }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        engine_type: {
          name: 'engine_type',
          type: { key: { type: 'integer', minInteger: 0, maxInteger: 255 }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        external_ids: {
          name: 'external_ids',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        targets: {
          name: 'targets',
          type: { key: { type: 'string' }, min: 1, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
      },
      isRoot: false,
      indexes: [],
    },
    Open_vSwitch: {
      name: 'Open_vSwitch',
      columns: {
        bridges: {
          name: 'bridges',
          type: { key: { type: 'uuid', refTable: 'Bridge', refType: 'strong' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        cur_cfg: {
          name: 'cur_cfg',
          type: { key: { type: 'integer' }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        datapath_types: {
          name: 'datapath_types',
          type: { key: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        datapaths: {
          name: 'datapaths',
          type: {
            key: { type: 'string' },
            value: { type: 'uuid', refTable: 'Datapath', refType: 'strong' },
            min: 0,
            max: 'unlimited',
          },
          ephemeral: false,
          mutable: true,
        },
        db_version: {
          name: 'db_version',
          type: { key: { type: 'string' }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        dpdk_initialized: {
          name: 'dpdk_initialized',
          type: { key: { type: 'boolean' }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        dpdk_version: {
          name: 'dpdk_version',
          type: { key: { type: 'string' }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        external_ids: {
          name: 'external_ids',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        iface_types: {
          name: 'iface_types',
          type: { key: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        manager_options: {
          name: 'manager_options',
          type: { key: { type: 'uuid', refTable: 'Manager', refType: 'strong' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        next_cfg: {
          name: 'next_cfg',
          type: { key: { type: 'integer' }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        other_config: {
          name: 'other_config',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        ovs_version: {
          name: 'ovs_version',
          type: { key: { type: 'string' }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        ssl: {
          name: 'ssl',
          type: { key: { type: 'uuid', refTable: 'SSL', refType: 'strong' }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        statistics: {
          name: 'statistics',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: true,
          mutable: true,
        },
        system_type: {
          name: 'system_type',
          type: { key: { type: 'string' }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        system_version: {
          name: 'system_version',
          type: { key: { type: 'string' }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
      },
      maxRows: 1,
      isRoot: true,
      indexes: [],
    },
    Port: {
      name: 'Port',
      columns: {
        bond_active_slave: {
          name: 'bond_active_slave',
          type: { key: { type: 'string' }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        bond_downdelay: {
          name: 'bond_downdelay',
          type: { key: { type: 'integer' }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        bond_fake_iface: {
          name: 'bond_fake_iface',
          type: { key: { type: 'boolean' }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        bond_mode: {
          name: 'bond_mode',
          type: { key: { type: 'string', enum: ['balance-tcp', 'balance-slb', 'active-backup'] }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        bond_updelay: {
          name: 'bond_updelay',
          type: { key: { type: 'integer' }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        cvlans: {
          name: 'cvlans',
          type: { key: { type: 'integer', minInteger: 0, maxInteger: 4095 }, min: 0, max: 4096 },
          ephemeral: false,
          mutable: true,
        },
        external_ids: {
          name: 'external_ids',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        fake_bridge: {
          name: 'fake_bridge',
          type: { key: { type: 'boolean' }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        interfaces: {
          name: 'interfaces',
          type: { key: { type: 'uuid', refTable: 'Interface', refType: 'strong' }, min: 1, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        lacp: {
          name: 'lacp',
          type: { key: { type: 'string', enum: ['active', 'passive', 'off'] }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        mac: { name: 'mac', type: { key: { type: 'string' }, min: 0, max: 1 }, ephemeral: false, mutable: true },
        name: { name: 'name', type: { key: { type: 'string' }, min: 1, max: 1 }, ephemeral: false, mutable: false },
        other_config: {
          name: 'other_config',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        protected: {
          name: 'protected',
          type: { key: { type: 'boolean' }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        qos: {
          name: 'qos',
          type: { key: { type: 'uuid', refTable: 'QoS', refType: 'strong' }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        rstp_statistics: {
          name: 'rstp_statistics',
          type: { key: { type: 'string' }, value: { type: 'integer' }, min: 0, max: 'unlimited' },
          ephemeral: true,
          mutable: true,
        },
        rstp_status: {
          name: 'rstp_status',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: true,
          mutable: true,
        },
        statistics: {
          name: 'statistics',
          type: { key: { type: 'string' }, value: { type: 'integer' }, min: 0, max: 'unlimited' },
          ephemeral: true,
          mutable: true,
        },
        status: {
          name: 'status',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: true,
          mutable: true,
        },
        tag: {
          name: 'tag',
          type: { key: { type: 'integer', minInteger: 0, maxInteger: 4095 }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        trunks: {
          name: 'trunks',
          type: { key: { type: 'integer', minInteger: 0, maxInteger: 4095 }, min: 0, max: 4096 },
          ephemeral: false,
          mutable: true,
        },
        vlan_mode: {
          name: 'vlan_mode',
          type: {
            key: { type: 'string', enum: ['trunk', 'access', 'native-tagged', 'native-untagged', 'dot1q-tunnel'] },
            min: 0,
            max: 1,
          },
          ephemeral: false,
          mutable: true,
        },
      },
      isRoot: false,
      indexes: [['name']],
    },
    QoS: {
      name: 'QoS',
      columns: {
        external_ids: {
          name: 'external_ids',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        other_config: {
          name: 'other_config',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        queues: {
          name: 'queues',
          type: {
            key: { type: 'integer', minInteger: 0, maxInteger: 4294967295 },
            value: { type: 'uuid', refTable: 'Queue', refType: 'strong' },
            min: 0,
            max: 'unlimited',
          },
          ephemeral: false,
          mutable: true,
        },
        type: { name: 'type', type: { key: { type: 'string' }, min: 1, max: 1 }, ephemeral: false, mutable: true },
      },
      isRoot: true,
      indexes: [],
    },
    Queue: {
      name: 'Queue',
      columns: {
        dscp: {
          name: 'dscp',
          type: { key: { type: 'integer', minInteger: 0, maxInteger: 63 }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        external_ids: {
          name: 'external_ids',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        other_config: {
          name: 'other_config',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
      },
      isRoot: true,
      indexes: [],
    },
    SSL: {
      name: 'SSL',
      columns: {
        bootstrap_ca_cert: {
          name: 'bootstrap_ca_cert',
          type: { key: { type: 'boolean' }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        ca_cert: {
          name: 'ca_cert',
          type: { key: { type: 'string' }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        certificate: {
          name: 'certificate',
          type: { key: { type: 'string' }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        external_ids: {
          name: 'external_ids',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        private_key: {
          name: 'private_key',
          type: { key: { type: 'string' }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
      },
      maxRows: 1,
      isRoot: false,
      indexes: [],
    },
    sFlow: {
      name: 'sFlow',
      columns: {
        agent: { name: 'agent', type: { key: { type: 'string' }, min: 0, max: 1 }, ephemeral: false, mutable: true },
        external_ids: {
          name: 'external_ids',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        header: { name: 'header', type: { key: { type: 'integer' }, min: 0, max: 1 }, ephemeral: false, mutable: true },
        polling: {
          name: 'polling',
          type: { key: { type: 'integer' }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        sampling: {
          name: 'sampling',
          type: { key: { type: 'integer' }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        targets: {
          name: 'targets',
          type: { key: { type: 'string' }, min: 1, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
      },
      isRoot: false,
      indexes: [],
    },
  },
} as const satisfies DatabaseSchema;

/** The Open_vSwitch model: pass it to `transaction()` for typed operations. */
export const openVSwitchModel: DatabaseModel<OpenVSwitchTables> = { schema: openVSwitchSchema };
