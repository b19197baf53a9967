// generated — do not edit. Produced by ovsdb-codegen from the OVN_Southbound schema, version 20.27.0 (cksum 4078371916 30328).
// Regenerate with `ovsdb-codegen <schema.ovsschema> -o <dir>`.
/* eslint-disable */
import type { DatabaseModel, DatabaseSchema, Ref, Uuid } from '../../ovsdb/typed/index.js';

// ---- Address_Set -------------------------------------------------------------------------------------

/** A row of `Address_Set` as read from the server; root table; indexes: (name). */
export interface AddressSetRow {
  readonly _uuid: Uuid<'Address_Set'>;
  readonly _version: string;
  /** set of 0..∞ string */
  readonly addresses: readonly string[];
  /** string */
  readonly name: string;
}

/** Columns of a new `Address_Set` row; an omitted column takes its default (required: columns whose default the server would refuse). */
export interface AddressSetInsert {
  readonly addresses?: readonly string[];
  readonly name?: string;
}

/** Columns an `update` of `Address_Set` may set (immutable columns are not here). */
export interface AddressSetUpdate {
  readonly addresses?: readonly string[];
  readonly name?: string;
}

/** Conditions on `Address_Set` (RFC 7047 §5.1), restricted by column kind. */
export type AddressSetCondition =
  | readonly ['_uuid', '==' | '!=', Ref<'Address_Set'>]
  | readonly ['_version', '==' | '!=', string]
  | readonly ['addresses', '==' | '!=' | 'includes' | 'excludes', readonly string[]]
  | readonly ['name', '==' | '!=', string];

/** Mutations of `Address_Set` (RFC 7047 §5.1), restricted by column kind; immutable columns excluded. */
export type AddressSetMutation =
  | readonly ['addresses', 'insert' | 'delete', readonly string[]];

// ---- BFD ---------------------------------------------------------------------------------------------

/** A row of `BFD` as read from the server; root table; indexes: (logical_port, dst_ip, src_port, disc). */
export interface BFDRow {
  readonly _uuid: Uuid<'BFD'>;
  readonly _version: string;
  /** integer */
  readonly detect_mult: number;
  /** integer */
  readonly disc: number;
  /** string */
  readonly dst_ip: string;
  /** map string → string */
  readonly external_ids: Readonly<Record<string, string>>;
  /** string */
  readonly logical_port: string;
  /** integer */
  readonly min_rx: number;
  /** integer */
  readonly min_tx: number;
  /** map string → string */
  readonly options: Readonly<Record<string, string>>;
  /** integer 49152..65535 */
  readonly src_port: number;
  /** string */
  readonly status: 'down' | 'init' | 'up' | 'admin_down';
}

/** Columns of a new `BFD` row; an omitted column takes its default (required: columns whose default the server would refuse). */
export interface BFDInsert {
  readonly detect_mult?: number;
  readonly disc?: number;
  readonly dst_ip?: string;
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly logical_port?: string;
  readonly min_rx?: number;
  readonly min_tx?: number;
  readonly options?: Readonly<Record<string, string>>;
  readonly src_port: number;
  readonly status: 'down' | 'init' | 'up' | 'admin_down';
}

/** Columns an `update` of `BFD` may set (immutable columns are not here). */
export interface BFDUpdate {
  readonly detect_mult?: number;
  readonly disc?: number;
  readonly dst_ip?: string;
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly logical_port?: string;
  readonly min_rx?: number;
  readonly min_tx?: number;
  readonly options?: Readonly<Record<string, string>>;
  readonly src_port?: number;
  readonly status?: 'down' | 'init' | 'up' | 'admin_down';
}

/** Conditions on `BFD` (RFC 7047 §5.1), restricted by column kind. */
export type BFDCondition =
  | readonly ['_uuid', '==' | '!=', Ref<'BFD'>]
  | readonly ['_version', '==' | '!=', string]
  | readonly ['detect_mult', '==' | '!=' | '<' | '<=' | '>' | '>=', number]
  | readonly ['disc', '==' | '!=' | '<' | '<=' | '>' | '>=', number]
  | readonly ['dst_ip', '==' | '!=', string]
  | readonly ['external_ids', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['logical_port', '==' | '!=', string]
  | readonly ['min_rx', '==' | '!=' | '<' | '<=' | '>' | '>=', number]
  | readonly ['min_tx', '==' | '!=' | '<' | '<=' | '>' | '>=', number]
  | readonly ['options', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['src_port', '==' | '!=' | '<' | '<=' | '>' | '>=', number]
  | readonly ['status', '==' | '!=', 'down' | 'init' | 'up' | 'admin_down'];

/** Mutations of `BFD` (RFC 7047 §5.1), restricted by column kind; immutable columns excluded. */
export type BFDMutation =
  | readonly ['detect_mult', '+=' | '-=' | '*=' | '/=' | '%=', number]
  | readonly ['disc', '+=' | '-=' | '*=' | '/=' | '%=', number]
  | readonly ['external_ids', 'insert', Readonly<Record<string, string>>]
  | readonly ['external_ids', 'delete', Readonly<Record<string, string>> | readonly string[]]
  | readonly ['min_rx', '+=' | '-=' | '*=' | '/=' | '%=', number]
  | readonly ['min_tx', '+=' | '-=' | '*=' | '/=' | '%=', number]
  | readonly ['options', 'insert', Readonly<Record<string, string>>]
  | readonly ['options', 'delete', Readonly<Record<string, string>> | readonly string[]]
  | readonly ['src_port', '+=' | '-=' | '*=' | '/=' | '%=', number];

// ---- Chassis -----------------------------------------------------------------------------------------

/** A row of `Chassis` as read from the server; root table; indexes: (name). */
export interface ChassisRow {
  readonly _uuid: Uuid<'Chassis'>;
  readonly _version: string;
  /** set of 1..∞ strong reference to Encap */
  readonly encaps: readonly Uuid<'Encap'>[];
  /** map string → string */
  readonly external_ids: Readonly<Record<string, string>>;
  /** string */
  readonly hostname: string;
  /** string */
  readonly name: string;
  /** integer */
  readonly nb_cfg: number;
  /** map string → string */
  readonly other_config: Readonly<Record<string, string>>;
  /** set of 0..∞ string */
  readonly transport_zones: readonly string[];
  /** set of 0..∞ string */
  readonly vtep_logical_switches: readonly string[];
}

/** Columns of a new `Chassis` row; an omitted column takes its default (required: columns whose default the server would refuse). */
export interface ChassisInsert {
  readonly encaps: readonly Ref<'Encap'>[];
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly hostname?: string;
  readonly name?: string;
  readonly nb_cfg?: number;
  readonly other_config?: Readonly<Record<string, string>>;
  readonly transport_zones?: readonly string[];
  readonly vtep_logical_switches?: readonly string[];
}

/** Columns an `update` of `Chassis` may set (immutable columns are not here). */
export interface ChassisUpdate {
  readonly encaps?: readonly Ref<'Encap'>[];
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly hostname?: string;
  readonly name?: string;
  readonly nb_cfg?: number;
  readonly other_config?: Readonly<Record<string, string>>;
  readonly transport_zones?: readonly string[];
  readonly vtep_logical_switches?: readonly string[];
}

/** Conditions on `Chassis` (RFC 7047 §5.1), restricted by column kind. */
export type ChassisCondition =
  | readonly ['_uuid', '==' | '!=', Ref<'Chassis'>]
  | readonly ['_version', '==' | '!=', string]
  | readonly ['encaps', '==' | '!=' | 'includes' | 'excludes', readonly Ref<'Encap'>[]]
  | readonly ['external_ids', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['hostname', '==' | '!=', string]
  | readonly ['name', '==' | '!=', string]
  | readonly ['nb_cfg', '==' | '!=' | '<' | '<=' | '>' | '>=', number]
  | readonly ['other_config', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['transport_zones', '==' | '!=' | 'includes' | 'excludes', readonly string[]]
  | readonly ['vtep_logical_switches', '==' | '!=' | 'includes' | 'excludes', readonly string[]];

/** Mutations of `Chassis` (RFC 7047 §5.1), restricted by column kind; immutable columns excluded. */
export type ChassisMutation =
  | readonly ['encaps', 'insert' | 'delete', readonly Ref<'Encap'>[]]
  | readonly ['external_ids', 'insert', Readonly<Record<string, string>>]
  | readonly ['external_ids', 'delete', Readonly<Record<string, string>> | readonly string[]]
  | readonly ['nb_cfg', '+=' | '-=' | '*=' | '/=' | '%=', number]
  | readonly ['other_config', 'insert', Readonly<Record<string, string>>]
  | readonly ['other_config', 'delete', Readonly<Record<string, string>> | readonly string[]]
  | readonly ['transport_zones', 'insert' | 'delete', readonly string[]]
  | readonly ['vtep_logical_switches', 'insert' | 'delete', readonly string[]];

// ---- Chassis_Private ---------------------------------------------------------------------------------

/** A row of `Chassis_Private` as read from the server; root table; indexes: (name). */
export interface ChassisPrivateRow {
  readonly _uuid: Uuid<'Chassis_Private'>;
  readonly _version: string;
  /** optional weak reference to Chassis */
  readonly chassis: Uuid<'Chassis'> | undefined;
  /** map string → string */
  readonly external_ids: Readonly<Record<string, string>>;
  /** string */
  readonly name: string;
  /** integer */
  readonly nb_cfg: number;
  /** integer */
  readonly nb_cfg_timestamp: number;
}

/** Columns of a new `Chassis_Private` row; an omitted column takes its default (required: columns whose default the server would refuse). */
export interface ChassisPrivateInsert {
  readonly chassis?: Ref<'Chassis'> | undefined;
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly name?: string;
  readonly nb_cfg?: number;
  readonly nb_cfg_timestamp?: number;
}

/** Columns an `update` of `Chassis_Private` may set (immutable columns are not here). */
export interface ChassisPrivateUpdate {
  readonly chassis?: Ref<'Chassis'> | undefined;
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly name?: string;
  readonly nb_cfg?: number;
  readonly nb_cfg_timestamp?: number;
}

/** Conditions on `Chassis_Private` (RFC 7047 §5.1), restricted by column kind. */
export type ChassisPrivateCondition =
  | readonly ['_uuid', '==' | '!=', Ref<'Chassis_Private'>]
  | readonly ['_version', '==' | '!=', string]
  | readonly ['chassis', '==' | '!=' | 'includes' | 'excludes', Ref<'Chassis'> | undefined]
  | readonly ['external_ids', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['name', '==' | '!=', string]
  | readonly ['nb_cfg', '==' | '!=' | '<' | '<=' | '>' | '>=', number]
  | readonly ['nb_cfg_timestamp', '==' | '!=' | '<' | '<=' | '>' | '>=', number];

/** Mutations of `Chassis_Private` (RFC 7047 §5.1), restricted by column kind; immutable columns excluded. */
export type ChassisPrivateMutation =
  | readonly ['chassis', 'insert' | 'delete', readonly Ref<'Chassis'>[]]
  | readonly ['external_ids', 'insert', Readonly<Record<string, string>>]
  | readonly ['external_ids', 'delete', Readonly<Record<string, string>> | readonly string[]]
  | readonly ['nb_cfg', '+=' | '-=' | '*=' | '/=' | '%=', number]
  | readonly ['nb_cfg_timestamp', '+=' | '-=' | '*=' | '/=' | '%=', number];

// ---- Chassis_Template_Var ----------------------------------------------------------------------------

/** A row of `Chassis_Template_Var` as read from the server; root table; indexes: (chassis). */
export interface ChassisTemplateVarRow {
  readonly _uuid: Uuid<'Chassis_Template_Var'>;
  readonly _version: string;
  /** string */
  readonly chassis: string;
  /** map string → string */
  readonly variables: Readonly<Record<string, string>>;
}

/** Columns of a new `Chassis_Template_Var` row; an omitted column takes its default (required: columns whose default the server would refuse). */
export interface ChassisTemplateVarInsert {
  readonly chassis?: string;
  readonly variables?: Readonly<Record<string, string>>;
}

/** Columns an `update` of `Chassis_Template_Var` may set (immutable columns are not here). */
export interface ChassisTemplateVarUpdate {
  readonly chassis?: string;
  readonly variables?: Readonly<Record<string, string>>;
}

/** Conditions on `Chassis_Template_Var` (RFC 7047 §5.1), restricted by column kind. */
export type ChassisTemplateVarCondition =
  | readonly ['_uuid', '==' | '!=', Ref<'Chassis_Template_Var'>]
  | readonly ['_version', '==' | '!=', string]
  | readonly ['chassis', '==' | '!=', string]
  | readonly ['variables', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>];

/** Mutations of `Chassis_Template_Var` (RFC 7047 §5.1), restricted by column kind; immutable columns excluded. */
export type ChassisTemplateVarMutation =
  | readonly ['variables', 'insert', Readonly<Record<string, string>>]
  | readonly ['variables', 'delete', Readonly<Record<string, string>> | readonly string[]];

// ---- Connection --------------------------------------------------------------------------------------

/** A row of `Connection` as read from the server; non-root table (garbage-collected when unreferenced); indexes: (target). */
export interface ConnectionRow {
  readonly _uuid: Uuid<'Connection'>;
  readonly _version: string;
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
  /** boolean */
  readonly read_only: boolean;
  /** string */
  readonly role: string;
  /** map string → string; ephemeral */
  readonly status: Readonly<Record<string, string>>;
  /** string */
  readonly target: string;
}

/** Columns of a new `Connection` row; an omitted column takes its default (required: columns whose default the server would refuse). */
export interface ConnectionInsert {
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly inactivity_probe?: number | undefined;
  readonly is_connected?: boolean;
  readonly max_backoff?: number | undefined;
  readonly other_config?: Readonly<Record<string, string>>;
  readonly read_only?: boolean;
  readonly role?: string;
  readonly status?: Readonly<Record<string, string>>;
  readonly target?: string;
}

/** Columns an `update` of `Connection` may set (immutable columns are not here). */
export interface ConnectionUpdate {
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly inactivity_probe?: number | undefined;
  readonly is_connected?: boolean;
  readonly max_backoff?: number | undefined;
  readonly other_config?: Readonly<Record<string, string>>;
  readonly read_only?: boolean;
  readonly role?: string;
  readonly status?: Readonly<Record<string, string>>;
  readonly target?: string;
}

/** Conditions on `Connection` (RFC 7047 §5.1), restricted by column kind. */
export type ConnectionCondition =
  | readonly ['_uuid', '==' | '!=', Ref<'Connection'>]
  | readonly ['_version', '==' | '!=', string]
  | readonly ['external_ids', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['inactivity_probe', '==' | '!=' | 'includes' | 'excludes', number | undefined]
  | readonly ['inactivity_probe', '<' | '<=' | '>' | '>=', number]
  | readonly ['is_connected', '==' | '!=', boolean]
  | readonly ['max_backoff', '==' | '!=' | 'includes' | 'excludes', number | undefined]
  | readonly ['max_backoff', '<' | '<=' | '>' | '>=', number]
  | readonly ['other_config', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['read_only', '==' | '!=', boolean]
  | readonly ['role', '==' | '!=', string]
  | readonly ['status', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['target', '==' | '!=', string];

/** Mutations of `Connection` (RFC 7047 §5.1), restricted by column kind; immutable columns excluded. */
export type ConnectionMutation =
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

// ---- Controller_Event --------------------------------------------------------------------------------

/** A row of `Controller_Event` as read from the server; root table. */
export interface ControllerEventRow {
  readonly _uuid: Uuid<'Controller_Event'>;
  readonly _version: string;
  /** optional weak reference to Chassis */
  readonly chassis: Uuid<'Chassis'> | undefined;
  /** map string → string */
  readonly event_info: Readonly<Record<string, string>>;
  /** string */
  readonly event_type: 'empty_lb_backends';
  /** integer */
  readonly seq_num: number;
}

/** Columns of a new `Controller_Event` row; an omitted column takes its default (required: columns whose default the server would refuse). */
export interface ControllerEventInsert {
  readonly chassis?: Ref<'Chassis'> | undefined;
  readonly event_info?: Readonly<Record<string, string>>;
  readonly event_type: 'empty_lb_backends';
  readonly seq_num?: number;
}

/** Columns an `update` of `Controller_Event` may set (immutable columns are not here). */
export interface ControllerEventUpdate {
  readonly chassis?: Ref<'Chassis'> | undefined;
  readonly event_info?: Readonly<Record<string, string>>;
  readonly event_type?: 'empty_lb_backends';
  readonly seq_num?: number;
}

/** Conditions on `Controller_Event` (RFC 7047 §5.1), restricted by column kind. */
export type ControllerEventCondition =
  | readonly ['_uuid', '==' | '!=', Ref<'Controller_Event'>]
  | readonly ['_version', '==' | '!=', string]
  | readonly ['chassis', '==' | '!=' | 'includes' | 'excludes', Ref<'Chassis'> | undefined]
  | readonly ['event_info', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['event_type', '==' | '!=', 'empty_lb_backends']
  | readonly ['seq_num', '==' | '!=' | '<' | '<=' | '>' | '>=', number];

/** Mutations of `Controller_Event` (RFC 7047 §5.1), restricted by column kind; immutable columns excluded. */
export type ControllerEventMutation =
  | readonly ['chassis', 'insert' | 'delete', readonly Ref<'Chassis'>[]]
  | readonly ['event_info', 'insert', Readonly<Record<string, string>>]
  | readonly ['event_info', 'delete', Readonly<Record<string, string>> | readonly string[]]
  | readonly ['seq_num', '+=' | '-=' | '*=' | '/=' | '%=', number];

// ---- DHCP_Options ------------------------------------------------------------------------------------

/** A row of `DHCP_Options` as read from the server; root table. */
export interface DHCPOptionsRow {
  readonly _uuid: Uuid<'DHCP_Options'>;
  readonly _version: string;
  /** integer 0..254 */
  readonly code: number;
  /** string */
  readonly name: string;
  /** string */
  readonly type: 'bool' | 'uint8' | 'uint16' | 'uint32' | 'ipv4' | 'static_routes' | 'str' | 'host_id' | 'domains';
}

/** Columns of a new `DHCP_Options` row; an omitted column takes its default (required: columns whose default the server would refuse). */
export interface DHCPOptionsInsert {
  readonly code?: number;
  readonly name?: string;
  readonly type: 'bool' | 'uint8' | 'uint16' | 'uint32' | 'ipv4' | 'static_routes' | 'str' | 'host_id' | 'domains';
}

/** Columns an `update` of `DHCP_Options` may set (immutable columns are not here). */
export interface DHCPOptionsUpdate {
  readonly code?: number;
  readonly name?: string;
  readonly type?: 'bool' | 'uint8' | 'uint16' | 'uint32' | 'ipv4' | 'static_routes' | 'str' | 'host_id' | 'domains';
}

/** Conditions on `DHCP_Options` (RFC 7047 §5.1), restricted by column kind. */
export type DHCPOptionsCondition =
  | readonly ['_uuid', '==' | '!=', Ref<'DHCP_Options'>]
  | readonly ['_version', '==' | '!=', string]
  | readonly ['code', '==' | '!=' | '<' | '<=' | '>' | '>=', number]
  | readonly ['name', '==' | '!=', string]
  | readonly ['type', '==' | '!=', 'bool' | 'uint8' | 'uint16' | 'uint32' | 'ipv4' | 'static_routes' | 'str' | 'host_id' | 'domains'];

/** Mutations of `DHCP_Options` (RFC 7047 §5.1), restricted by column kind; immutable columns excluded. */
export type DHCPOptionsMutation =
  | readonly ['code', '+=' | '-=' | '*=' | '/=' | '%=', number];

// ---- DHCPv6_Options ----------------------------------------------------------------------------------

/** A row of `DHCPv6_Options` as read from the server; root table. */
export interface DHCPv6OptionsRow {
  readonly _uuid: Uuid<'DHCPv6_Options'>;
  readonly _version: string;
  /** integer 0..254 */
  readonly code: number;
  /** string */
  readonly name: string;
  /** string */
  readonly type: 'ipv6' | 'str' | 'mac';
}

/** Columns of a new `DHCPv6_Options` row; an omitted column takes its default (required: columns whose default the server would refuse). */
export interface DHCPv6OptionsInsert {
  readonly code?: number;
  readonly name?: string;
  readonly type: 'ipv6' | 'str' | 'mac';
}

/** Columns an `update` of `DHCPv6_Options` may set (immutable columns are not here). */
export interface DHCPv6OptionsUpdate {
  readonly code?: number;
  readonly name?: string;
  readonly type?: 'ipv6' | 'str' | 'mac';
}

/** Conditions on `DHCPv6_Options` (RFC 7047 §5.1), restricted by column kind. */
export type DHCPv6OptionsCondition =
  | readonly ['_uuid', '==' | '!=', Ref<'DHCPv6_Options'>]
  | readonly ['_version', '==' | '!=', string]
  | readonly ['code', '==' | '!=' | '<' | '<=' | '>' | '>=', number]
  | readonly ['name', '==' | '!=', string]
  | readonly ['type', '==' | '!=', 'ipv6' | 'str' | 'mac'];

/** Mutations of `DHCPv6_Options` (RFC 7047 §5.1), restricted by column kind; immutable columns excluded. */
export type DHCPv6OptionsMutation =
  | readonly ['code', '+=' | '-=' | '*=' | '/=' | '%=', number];

// ---- DNS ---------------------------------------------------------------------------------------------

/** A row of `DNS` as read from the server; root table. */
export interface DNSRow {
  readonly _uuid: Uuid<'DNS'>;
  readonly _version: string;
  /** set of 1..∞ strong reference to Datapath_Binding */
  readonly datapaths: readonly Uuid<'Datapath_Binding'>[];
  /** map string → string */
  readonly external_ids: Readonly<Record<string, string>>;
  /** map string → string */
  readonly records: Readonly<Record<string, string>>;
}

/** Columns of a new `DNS` row; an omitted column takes its default (required: columns whose default the server would refuse). */
export interface DNSInsert {
  readonly datapaths: readonly Ref<'Datapath_Binding'>[];
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly records?: Readonly<Record<string, string>>;
}

/** Columns an `update` of `DNS` may set (immutable columns are not here). */
export interface DNSUpdate {
  readonly datapaths?: readonly Ref<'Datapath_Binding'>[];
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly records?: Readonly<Record<string, string>>;
}

/** Conditions on `DNS` (RFC 7047 §5.1), restricted by column kind. */
export type DNSCondition =
  | readonly ['_uuid', '==' | '!=', Ref<'DNS'>]
  | readonly ['_version', '==' | '!=', string]
  | readonly ['datapaths', '==' | '!=' | 'includes' | 'excludes', readonly Ref<'Datapath_Binding'>[]]
  | readonly ['external_ids', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['records', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>];

/** Mutations of `DNS` (RFC 7047 §5.1), restricted by column kind; immutable columns excluded. */
export type DNSMutation =
  | readonly ['datapaths', 'insert' | 'delete', readonly Ref<'Datapath_Binding'>[]]
  | readonly ['external_ids', 'insert', Readonly<Record<string, string>>]
  | readonly ['external_ids', 'delete', Readonly<Record<string, string>> | readonly string[]]
  | readonly ['records', 'insert', Readonly<Record<string, string>>]
  | readonly ['records', 'delete', Readonly<Record<string, string>> | readonly string[]];

// ---- Datapath_Binding --------------------------------------------------------------------------------

/** A row of `Datapath_Binding` as read from the server; root table; indexes: (tunnel_key). */
export interface DatapathBindingRow {
  readonly _uuid: Uuid<'Datapath_Binding'>;
  readonly _version: string;
  /** map string → string */
  readonly external_ids: Readonly<Record<string, string>>;
  /** set of 0..∞ uuid */
  readonly load_balancers: readonly string[];
  /** integer 1..16777215 */
  readonly tunnel_key: number;
}

/** Columns of a new `Datapath_Binding` row; an omitted column takes its default (required: columns whose default the server would refuse). */
export interface DatapathBindingInsert {
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly load_balancers?: readonly string[];
  readonly tunnel_key: number;
}

/** Columns an `update` of `Datapath_Binding` may set (immutable columns are not here). */
export interface DatapathBindingUpdate {
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly load_balancers?: readonly string[];
  readonly tunnel_key?: number;
}

/** Conditions on `Datapath_Binding` (RFC 7047 §5.1), restricted by column kind. */
export type DatapathBindingCondition =
  | readonly ['_uuid', '==' | '!=', Ref<'Datapath_Binding'>]
  | readonly ['_version', '==' | '!=', string]
  | readonly ['external_ids', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['load_balancers', '==' | '!=' | 'includes' | 'excludes', readonly string[]]
  | readonly ['tunnel_key', '==' | '!=' | '<' | '<=' | '>' | '>=', number];

/** Mutations of `Datapath_Binding` (RFC 7047 §5.1), restricted by column kind; immutable columns excluded. */
export type DatapathBindingMutation =
  | readonly ['external_ids', 'insert', Readonly<Record<string, string>>]
  | readonly ['external_ids', 'delete', Readonly<Record<string, string>> | readonly string[]]
  | readonly ['load_balancers', 'insert' | 'delete', readonly string[]]
  | readonly ['tunnel_key', '+=' | '-=' | '*=' | '/=' | '%=', number];

// ---- Encap -------------------------------------------------------------------------------------------

/** A row of `Encap` as read from the server; non-root table (garbage-collected when unreferenced); indexes: (type, ip). */
export interface EncapRow {
  readonly _uuid: Uuid<'Encap'>;
  readonly _version: string;
  /** string */
  readonly chassis_name: string;
  /** string */
  readonly ip: string;
  /** map string → string */
  readonly options: Readonly<Record<string, string>>;
  /** string */
  readonly type: 'geneve' | 'stt' | 'vxlan';
}

/** Columns of a new `Encap` row; an omitted column takes its default (required: columns whose default the server would refuse). */
export interface EncapInsert {
  readonly chassis_name?: string;
  readonly ip?: string;
  readonly options?: Readonly<Record<string, string>>;
  readonly type: 'geneve' | 'stt' | 'vxlan';
}

/** Columns an `update` of `Encap` may set (immutable columns are not here). */
export interface EncapUpdate {
  readonly chassis_name?: string;
  readonly ip?: string;
  readonly options?: Readonly<Record<string, string>>;
  readonly type?: 'geneve' | 'stt' | 'vxlan';
}

/** Conditions on `Encap` (RFC 7047 §5.1), restricted by column kind. */
export type EncapCondition =
  | readonly ['_uuid', '==' | '!=', Ref<'Encap'>]
  | readonly ['_version', '==' | '!=', string]
  | readonly ['chassis_name', '==' | '!=', string]
  | readonly ['ip', '==' | '!=', string]
  | readonly ['options', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['type', '==' | '!=', 'geneve' | 'stt' | 'vxlan'];

/** Mutations of `Encap` (RFC 7047 §5.1), restricted by column kind; immutable columns excluded. */
export type EncapMutation =
  | readonly ['options', 'insert', Readonly<Record<string, string>>]
  | readonly ['options', 'delete', Readonly<Record<string, string>> | readonly string[]];

// ---- FDB ---------------------------------------------------------------------------------------------

/** A row of `FDB` as read from the server; root table; indexes: (mac, dp_key). */
export interface FDBRow {
  readonly _uuid: Uuid<'FDB'>;
  readonly _version: string;
  /** integer 1..16777215 */
  readonly dp_key: number;
  /** string */
  readonly mac: string;
  /** integer 1..16777215 */
  readonly port_key: number;
}

/** Columns of a new `FDB` row; an omitted column takes its default (required: columns whose default the server would refuse). */
export interface FDBInsert {
  readonly dp_key: number;
  readonly mac?: string;
  readonly port_key: number;
}

/** Columns an `update` of `FDB` may set (immutable columns are not here). */
export interface FDBUpdate {
  readonly dp_key?: number;
  readonly mac?: string;
  readonly port_key?: number;
}

/** Conditions on `FDB` (RFC 7047 §5.1), restricted by column kind. */
export type FDBCondition =
  | readonly ['_uuid', '==' | '!=', Ref<'FDB'>]
  | readonly ['_version', '==' | '!=', string]
  | readonly ['dp_key', '==' | '!=' | '<' | '<=' | '>' | '>=', number]
  | readonly ['mac', '==' | '!=', string]
  | readonly ['port_key', '==' | '!=' | '<' | '<=' | '>' | '>=', number];

/** Mutations of `FDB` (RFC 7047 §5.1), restricted by column kind; immutable columns excluded. */
export type FDBMutation =
  | readonly ['dp_key', '+=' | '-=' | '*=' | '/=' | '%=', number]
  | readonly ['port_key', '+=' | '-=' | '*=' | '/=' | '%=', number];

// ---- Gateway_Chassis ---------------------------------------------------------------------------------

/** A row of `Gateway_Chassis` as read from the server; non-root table (garbage-collected when unreferenced); indexes: (name). */
export interface GatewayChassisRow {
  readonly _uuid: Uuid<'Gateway_Chassis'>;
  readonly _version: string;
  /** optional weak reference to Chassis */
  readonly chassis: Uuid<'Chassis'> | undefined;
  /** map string → string */
  readonly external_ids: Readonly<Record<string, string>>;
  /** string */
  readonly name: string;
  /** map string → string */
  readonly options: Readonly<Record<string, string>>;
  /** integer 0..32767 */
  readonly priority: number;
}

/** Columns of a new `Gateway_Chassis` row; an omitted column takes its default (required: columns whose default the server would refuse). */
export interface GatewayChassisInsert {
  readonly chassis?: Ref<'Chassis'> | undefined;
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly name?: string;
  readonly options?: Readonly<Record<string, string>>;
  readonly priority?: number;
}

/** Columns an `update` of `Gateway_Chassis` may set (immutable columns are not here). */
export interface GatewayChassisUpdate {
  readonly chassis?: Ref<'Chassis'> | undefined;
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly name?: string;
  readonly options?: Readonly<Record<string, string>>;
  readonly priority?: number;
}

/** Conditions on `Gateway_Chassis` (RFC 7047 §5.1), restricted by column kind. */
export type GatewayChassisCondition =
  | readonly ['_uuid', '==' | '!=', Ref<'Gateway_Chassis'>]
  | readonly ['_version', '==' | '!=', string]
  | readonly ['chassis', '==' | '!=' | 'includes' | 'excludes', Ref<'Chassis'> | undefined]
  | readonly ['external_ids', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['name', '==' | '!=', string]
  | readonly ['options', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['priority', '==' | '!=' | '<' | '<=' | '>' | '>=', number];

/** Mutations of `Gateway_Chassis` (RFC 7047 §5.1), restricted by column kind; immutable columns excluded. */
export type GatewayChassisMutation =
  | readonly ['chassis', 'insert' | 'delete', readonly Ref<'Chassis'>[]]
  | readonly ['external_ids', 'insert', Readonly<Record<string, string>>]
  | readonly ['external_ids', 'delete', Readonly<Record<string, string>> | readonly string[]]
  | readonly ['options', 'insert', Readonly<Record<string, string>>]
  | readonly ['options', 'delete', Readonly<Record<string, string>> | readonly string[]]
  | readonly ['priority', '+=' | '-=' | '*=' | '/=' | '%=', number];

// ---- HA_Chassis --------------------------------------------------------------------------------------

/** A row of `HA_Chassis` as read from the server; non-root table (garbage-collected when unreferenced). */
export interface HAChassisRow {
  readonly _uuid: Uuid<'HA_Chassis'>;
  readonly _version: string;
  /** optional weak reference to Chassis */
  readonly chassis: Uuid<'Chassis'> | undefined;
  /** map string → string */
  readonly external_ids: Readonly<Record<string, string>>;
  /** integer 0..32767 */
  readonly priority: number;
}

/** Columns of a new `HA_Chassis` row; an omitted column takes its default (required: columns whose default the server would refuse). */
export interface HAChassisInsert {
  readonly chassis?: Ref<'Chassis'> | undefined;
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly priority?: number;
}

/** Columns an `update` of `HA_Chassis` may set (immutable columns are not here). */
export interface HAChassisUpdate {
  readonly chassis?: Ref<'Chassis'> | undefined;
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly priority?: number;
}

/** Conditions on `HA_Chassis` (RFC 7047 §5.1), restricted by column kind. */
export type HAChassisCondition =
  | readonly ['_uuid', '==' | '!=', Ref<'HA_Chassis'>]
  | readonly ['_version', '==' | '!=', string]
  | readonly ['chassis', '==' | '!=' | 'includes' | 'excludes', Ref<'Chassis'> | undefined]
  | readonly ['external_ids', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['priority', '==' | '!=' | '<' | '<=' | '>' | '>=', number];

/** Mutations of `HA_Chassis` (RFC 7047 §5.1), restricted by column kind; immutable columns excluded. */
export type HAChassisMutation =
  | readonly ['chassis', 'insert' | 'delete', readonly Ref<'Chassis'>[]]
  | readonly ['external_ids', 'insert', Readonly<Record<string, string>>]
  | readonly ['external_ids', 'delete', Readonly<Record<string, string>> | readonly string[]]
  | readonly ['priority', '+=' | '-=' | '*=' | '/=' | '%=', number];

// ---- HA_Chassis_Group --------------------------------------------------------------------------------

/** A row of `HA_Chassis_Group` as read from the server; root table; indexes: (name). */
export interface HAChassisGroupRow {
  readonly _uuid: Uuid<'HA_Chassis_Group'>;
  readonly _version: string;
  /** map string → string */
  readonly external_ids: Readonly<Record<string, string>>;
  /** set of 0..∞ strong reference to HA_Chassis */
  readonly ha_chassis: readonly Uuid<'HA_Chassis'>[];
  /** string */
  readonly name: string;
  /** set of 0..∞ weak reference to Chassis */
  readonly ref_chassis: readonly Uuid<'Chassis'>[];
}

/** Columns of a new `HA_Chassis_Group` row; an omitted column takes its default (required: columns whose default the server would refuse). */
export interface HAChassisGroupInsert {
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly ha_chassis?: readonly Ref<'HA_Chassis'>[];
  readonly name?: string;
  readonly ref_chassis?: readonly Ref<'Chassis'>[];
}

/** Columns an `update` of `HA_Chassis_Group` may set (immutable columns are not here). */
export interface HAChassisGroupUpdate {
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly ha_chassis?: readonly Ref<'HA_Chassis'>[];
  readonly name?: string;
  readonly ref_chassis?: readonly Ref<'Chassis'>[];
}

/** Conditions on `HA_Chassis_Group` (RFC 7047 §5.1), restricted by column kind. */
export type HAChassisGroupCondition =
  | readonly ['_uuid', '==' | '!=', Ref<'HA_Chassis_Group'>]
  | readonly ['_version', '==' | '!=', string]
  | readonly ['external_ids', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['ha_chassis', '==' | '!=' | 'includes' | 'excludes', readonly Ref<'HA_Chassis'>[]]
  | readonly ['name', '==' | '!=', string]
  | readonly ['ref_chassis', '==' | '!=' | 'includes' | 'excludes', readonly Ref<'Chassis'>[]];

/** Mutations of `HA_Chassis_Group` (RFC 7047 §5.1), restricted by column kind; immutable columns excluded. */
export type HAChassisGroupMutation =
  | readonly ['external_ids', 'insert', Readonly<Record<string, string>>]
  | readonly ['external_ids', 'delete', Readonly<Record<string, string>> | readonly string[]]
  | readonly ['ha_chassis', 'insert' | 'delete', readonly Ref<'HA_Chassis'>[]]
  | readonly ['ref_chassis', 'insert' | 'delete', readonly Ref<'Chassis'>[]];

// ---- IGMP_Group --------------------------------------------------------------------------------------

/** A row of `IGMP_Group` as read from the server; root table; indexes: (address, datapath, chassis). */
export interface IGMPGroupRow {
  readonly _uuid: Uuid<'IGMP_Group'>;
  readonly _version: string;
  /** string */
  readonly address: string;
  /** optional weak reference to Chassis */
  readonly chassis: Uuid<'Chassis'> | undefined;
  /** optional weak reference to Datapath_Binding */
  readonly datapath: Uuid<'Datapath_Binding'> | undefined;
  /** set of 0..∞ weak reference to Port_Binding */
  readonly ports: readonly Uuid<'Port_Binding'>[];
}

/** Columns of a new `IGMP_Group` row; an omitted column takes its default (required: columns whose default the server would refuse). */
export interface IGMPGroupInsert {
  readonly address?: string;
  readonly chassis?: Ref<'Chassis'> | undefined;
  readonly datapath?: Ref<'Datapath_Binding'> | undefined;
  readonly ports?: readonly Ref<'Port_Binding'>[];
}

/** Columns an `update` of `IGMP_Group` may set (immutable columns are not here). */
export interface IGMPGroupUpdate {
  readonly address?: string;
  readonly chassis?: Ref<'Chassis'> | undefined;
  readonly datapath?: Ref<'Datapath_Binding'> | undefined;
  readonly ports?: readonly Ref<'Port_Binding'>[];
}

/** Conditions on `IGMP_Group` (RFC 7047 §5.1), restricted by column kind. */
export type IGMPGroupCondition =
  | readonly ['_uuid', '==' | '!=', Ref<'IGMP_Group'>]
  | readonly ['_version', '==' | '!=', string]
  | readonly ['address', '==' | '!=', string]
  | readonly ['chassis', '==' | '!=' | 'includes' | 'excludes', Ref<'Chassis'> | undefined]
  | readonly ['datapath', '==' | '!=' | 'includes' | 'excludes', Ref<'Datapath_Binding'> | undefined]
  | readonly ['ports', '==' | '!=' | 'includes' | 'excludes', readonly Ref<'Port_Binding'>[]];

/** Mutations of `IGMP_Group` (RFC 7047 §5.1), restricted by column kind; immutable columns excluded. */
export type IGMPGroupMutation =
  | readonly ['chassis', 'insert' | 'delete', readonly Ref<'Chassis'>[]]
  | readonly ['datapath', 'insert' | 'delete', readonly Ref<'Datapath_Binding'>[]]
  | readonly ['ports', 'insert' | 'delete', readonly Ref<'Port_Binding'>[]];

// ---- IP_Multicast ------------------------------------------------------------------------------------

/** A row of `IP_Multicast` as read from the server; root table; indexes: (datapath). */
export interface IPMulticastRow {
  readonly _uuid: Uuid<'IP_Multicast'>;
  readonly _version: string;
  /** weak reference to Datapath_Binding */
  readonly datapath: Uuid<'Datapath_Binding'>;
  /** optional boolean */
  readonly enabled: boolean | undefined;
  /** string */
  readonly eth_src: string;
  /** optional integer */
  readonly idle_timeout: number | undefined;
  /** string */
  readonly ip4_src: string;
  /** string */
  readonly ip6_src: string;
  /** optional boolean */
  readonly querier: boolean | undefined;
  /** optional integer */
  readonly query_interval: number | undefined;
  /** optional integer */
  readonly query_max_resp: number | undefined;
  /** integer */
  readonly seq_no: number;
  /** optional integer */
  readonly table_size: number | undefined;
}

/** Columns of a new `IP_Multicast` row; an omitted column takes its default (required: columns whose default the server would refuse). */
export interface IPMulticastInsert {
  readonly datapath: Ref<'Datapath_Binding'>;
  readonly enabled?: boolean | undefined;
  readonly eth_src?: string;
  readonly idle_timeout?: number | undefined;
  readonly ip4_src?: string;
  readonly ip6_src?: string;
  readonly querier?: boolean | undefined;
  readonly query_interval?: number | undefined;
  readonly query_max_resp?: number | undefined;
  readonly seq_no?: number;
  readonly table_size?: number | undefined;
}

/** Columns an `update` of `IP_Multicast` may set (immutable columns are not here). */
export interface IPMulticastUpdate {
  readonly datapath?: Ref<'Datapath_Binding'>;
  readonly enabled?: boolean | undefined;
  readonly eth_src?: string;
  readonly idle_timeout?: number | undefined;
  readonly ip4_src?: string;
  readonly ip6_src?: string;
  readonly querier?: boolean | undefined;
  readonly query_interval?: number | undefined;
  readonly query_max_resp?: number | undefined;
  readonly seq_no?: number;
  readonly table_size?: number | undefined;
}

/** Conditions on `IP_Multicast` (RFC 7047 §5.1), restricted by column kind. */
export type IPMulticastCondition =
  | readonly ['_uuid', '==' | '!=', Ref<'IP_Multicast'>]
  | readonly ['_version', '==' | '!=', string]
  | readonly ['datapath', '==' | '!=', Ref<'Datapath_Binding'>]
  | readonly ['enabled', '==' | '!=' | 'includes' | 'excludes', boolean | undefined]
  | readonly ['eth_src', '==' | '!=', string]
  | readonly ['idle_timeout', '==' | '!=' | 'includes' | 'excludes', number | undefined]
  | readonly ['idle_timeout', '<' | '<=' | '>' | '>=', number]
  | readonly ['ip4_src', '==' | '!=', string]
  | readonly ['ip6_src', '==' | '!=', string]
  | readonly ['querier', '==' | '!=' | 'includes' | 'excludes', boolean | undefined]
  | readonly ['query_interval', '==' | '!=' | 'includes' | 'excludes', number | undefined]
  | readonly ['query_interval', '<' | '<=' | '>' | '>=', number]
  | readonly ['query_max_resp', '==' | '!=' | 'includes' | 'excludes', number | undefined]
  | readonly ['query_max_resp', '<' | '<=' | '>' | '>=', number]
  | readonly ['seq_no', '==' | '!=' | '<' | '<=' | '>' | '>=', number]
  | readonly ['table_size', '==' | '!=' | 'includes' | 'excludes', number | undefined]
  | readonly ['table_size', '<' | '<=' | '>' | '>=', number];

/** Mutations of `IP_Multicast` (RFC 7047 §5.1), restricted by column kind; immutable columns excluded. */
export type IPMulticastMutation =
  | readonly ['enabled', 'insert' | 'delete', readonly boolean[]]
  | readonly ['idle_timeout', '+=' | '-=' | '*=' | '/=' | '%=', number]
  | readonly ['idle_timeout', 'insert' | 'delete', readonly number[]]
  | readonly ['querier', 'insert' | 'delete', readonly boolean[]]
  | readonly ['query_interval', '+=' | '-=' | '*=' | '/=' | '%=', number]
  | readonly ['query_interval', 'insert' | 'delete', readonly number[]]
  | readonly ['query_max_resp', '+=' | '-=' | '*=' | '/=' | '%=', number]
  | readonly ['query_max_resp', 'insert' | 'delete', readonly number[]]
  | readonly ['seq_no', '+=' | '-=' | '*=' | '/=' | '%=', number]
  | readonly ['table_size', '+=' | '-=' | '*=' | '/=' | '%=', number]
  | readonly ['table_size', 'insert' | 'delete', readonly number[]];

// ---- Load_Balancer -----------------------------------------------------------------------------------

/** A row of `Load_Balancer` as read from the server; root table. */
export interface LoadBalancerRow {
  readonly _uuid: Uuid<'Load_Balancer'>;
  readonly _version: string;
  /** optional strong reference to Logical_DP_Group */
  readonly datapath_group: Uuid<'Logical_DP_Group'> | undefined;
  /** set of 0..∞ strong reference to Datapath_Binding */
  readonly datapaths: readonly Uuid<'Datapath_Binding'>[];
  /** map string → string */
  readonly external_ids: Readonly<Record<string, string>>;
  /** string */
  readonly name: string;
  /** map string → string */
  readonly options: Readonly<Record<string, string>>;
  /** optional string */
  readonly protocol: 'tcp' | 'udp' | 'sctp' | undefined;
  /** map string → string */
  readonly vips: Readonly<Record<string, string>>;
}

/** Columns of a new `Load_Balancer` row; an omitted column takes its default (required: columns whose default the server would refuse). */
export interface LoadBalancerInsert {
  readonly datapath_group?: Ref<'Logical_DP_Group'> | undefined;
  readonly datapaths?: readonly Ref<'Datapath_Binding'>[];
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly name?: string;
  readonly options?: Readonly<Record<string, string>>;
  readonly protocol?: 'tcp' | 'udp' | 'sctp' | undefined;
  readonly vips?: Readonly<Record<string, string>>;
}

/** Columns an `update` of `Load_Balancer` may set (immutable columns are not here). */
export interface LoadBalancerUpdate {
  readonly datapath_group?: Ref<'Logical_DP_Group'> | undefined;
  readonly datapaths?: readonly Ref<'Datapath_Binding'>[];
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly name?: string;
  readonly options?: Readonly<Record<string, string>>;
  readonly protocol?: 'tcp' | 'udp' | 'sctp' | undefined;
  readonly vips?: Readonly<Record<string, string>>;
}

/** Conditions on `Load_Balancer` (RFC 7047 §5.1), restricted by column kind. */
export type LoadBalancerCondition =
  | readonly ['_uuid', '==' | '!=', Ref<'Load_Balancer'>]
  | readonly ['_version', '==' | '!=', string]
  | readonly ['datapath_group', '==' | '!=' | 'includes' | 'excludes', Ref<'Logical_DP_Group'> | undefined]
  | readonly ['datapaths', '==' | '!=' | 'includes' | 'excludes', readonly Ref<'Datapath_Binding'>[]]
  | readonly ['external_ids', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['name', '==' | '!=', string]
  | readonly ['options', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['protocol', '==' | '!=' | 'includes' | 'excludes', 'tcp' | 'udp' | 'sctp' | undefined]
  | readonly ['vips', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>];

/** Mutations of `Load_Balancer` (RFC 7047 §5.1), restricted by column kind; immutable columns excluded. */
export type LoadBalancerMutation =
  | readonly ['datapath_group', 'insert' | 'delete', readonly Ref<'Logical_DP_Group'>[]]
  | readonly ['datapaths', 'insert' | 'delete', readonly Ref<'Datapath_Binding'>[]]
  | readonly ['external_ids', 'insert', Readonly<Record<string, string>>]
  | readonly ['external_ids', 'delete', Readonly<Record<string, string>> | readonly string[]]
  | readonly ['options', 'insert', Readonly<Record<string, string>>]
  | readonly ['options', 'delete', Readonly<Record<string, string>> | readonly string[]]
  | readonly ['protocol', 'insert' | 'delete', readonly ('tcp' | 'udp' | 'sctp')[]]
  | readonly ['vips', 'insert', Readonly<Record<string, string>>]
  | readonly ['vips', 'delete', Readonly<Record<string, string>> | readonly string[]];

// ---- Logical_DP_Group --------------------------------------------------------------------------------

/** A row of `Logical_DP_Group` as read from the server; non-root table (garbage-collected when unreferenced). */
export interface LogicalDPGroupRow {
  readonly _uuid: Uuid<'Logical_DP_Group'>;
  readonly _version: string;
  /** set of 0..∞ weak reference to Datapath_Binding */
  readonly datapaths: readonly Uuid<'Datapath_Binding'>[];
}

/** Columns of a new `Logical_DP_Group` row; an omitted column takes its default (required: columns whose default the server would refuse). */
export interface LogicalDPGroupInsert {
  readonly datapaths?: readonly Ref<'Datapath_Binding'>[];
}

/** Columns an `update` of `Logical_DP_Group` may set (immutable columns are not here). */
export interface LogicalDPGroupUpdate {
  readonly datapaths?: readonly Ref<'Datapath_Binding'>[];
}

/** Conditions on `Logical_DP_Group` (RFC 7047 §5.1), restricted by column kind. */
export type LogicalDPGroupCondition =
  | readonly ['_uuid', '==' | '!=', Ref<'Logical_DP_Group'>]
  | readonly ['_version', '==' | '!=', string]
  | readonly ['datapaths', '==' | '!=' | 'includes' | 'excludes', readonly Ref<'Datapath_Binding'>[]];

/** Mutations of `Logical_DP_Group` (RFC 7047 §5.1), restricted by column kind; immutable columns excluded. */
export type LogicalDPGroupMutation =
  | readonly ['datapaths', 'insert' | 'delete', readonly Ref<'Datapath_Binding'>[]];

// ---- Logical_Flow ------------------------------------------------------------------------------------

/** A row of `Logical_Flow` as read from the server; root table. */
export interface LogicalFlowRow {
  readonly _uuid: Uuid<'Logical_Flow'>;
  readonly _version: string;
  /** string */
  readonly actions: string;
  /** optional string */
  readonly controller_meter: string | undefined;
  /** map string → string */
  readonly external_ids: Readonly<Record<string, string>>;
  /** optional strong reference to Datapath_Binding */
  readonly logical_datapath: Uuid<'Datapath_Binding'> | undefined;
  /** optional strong reference to Logical_DP_Group */
  readonly logical_dp_group: Uuid<'Logical_DP_Group'> | undefined;
  /** string */
  readonly match: string;
  /** string */
  readonly pipeline: 'ingress' | 'egress';
  /** integer 0..65535 */
  readonly priority: number;
  /** integer 0..32 */
  readonly table_id: number;
  /** map string → string */
  readonly tags: Readonly<Record<string, string>>;
}

/** Columns of a new `Logical_Flow` row; an omitted column takes its default (required: columns whose default the server would refuse). */
export interface LogicalFlowInsert {
  readonly actions?: string;
  readonly controller_meter?: string | undefined;
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly logical_datapath?: Ref<'Datapath_Binding'> | undefined;
  readonly logical_dp_group?: Ref<'Logical_DP_Group'> | undefined;
  readonly match?: string;
  readonly pipeline: 'ingress' | 'egress';
  readonly priority?: number;
  readonly table_id?: number;
  readonly tags?: Readonly<Record<string, string>>;
}

/** Columns an `update` of `Logical_Flow` may set (immutable columns are not here). */
export interface LogicalFlowUpdate {
  readonly actions?: string;
  readonly controller_meter?: string | undefined;
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly logical_datapath?: Ref<'Datapath_Binding'> | undefined;
  readonly logical_dp_group?: Ref<'Logical_DP_Group'> | undefined;
  readonly match?: string;
  readonly pipeline?: 'ingress' | 'egress';
  readonly priority?: number;
  readonly table_id?: number;
  readonly tags?: Readonly<Record<string, string>>;
}

/** Conditions on `Logical_Flow` (RFC 7047 §5.1), restricted by column kind. */
export type LogicalFlowCondition =
  | readonly ['_uuid', '==' | '!=', Ref<'Logical_Flow'>]
  | readonly ['_version', '==' | '!=', string]
  | readonly ['actions', '==' | '!=', string]
  | readonly ['controller_meter', '==' | '!=' | 'includes' | 'excludes', string | undefined]
  | readonly ['external_ids', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['logical_datapath', '==' | '!=' | 'includes' | 'excludes', Ref<'Datapath_Binding'> | undefined]
  | readonly ['logical_dp_group', '==' | '!=' | 'includes' | 'excludes', Ref<'Logical_DP_Group'> | undefined]
  | readonly ['match', '==' | '!=', string]
  | readonly ['pipeline', '==' | '!=', 'ingress' | 'egress']
  | readonly ['priority', '==' | '!=' | '<' | '<=' | '>' | '>=', number]
  | readonly ['table_id', '==' | '!=' | '<' | '<=' | '>' | '>=', number]
  | readonly ['tags', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>];

/** Mutations of `Logical_Flow` (RFC 7047 §5.1), restricted by column kind; immutable columns excluded. */
export type LogicalFlowMutation =
  | readonly ['controller_meter', 'insert' | 'delete', readonly string[]]
  | readonly ['external_ids', 'insert', Readonly<Record<string, string>>]
  | readonly ['external_ids', 'delete', Readonly<Record<string, string>> | readonly string[]]
  | readonly ['logical_datapath', 'insert' | 'delete', readonly Ref<'Datapath_Binding'>[]]
  | readonly ['logical_dp_group', 'insert' | 'delete', readonly Ref<'Logical_DP_Group'>[]]
  | readonly ['priority', '+=' | '-=' | '*=' | '/=' | '%=', number]
  | readonly ['table_id', '+=' | '-=' | '*=' | '/=' | '%=', number]
  | readonly ['tags', 'insert', Readonly<Record<string, string>>]
  | readonly ['tags', 'delete', Readonly<Record<string, string>> | readonly string[]];

// ---- MAC_Binding -------------------------------------------------------------------------------------

/** A row of `MAC_Binding` as read from the server; root table; indexes: (logical_port, ip). */
export interface MACBindingRow {
  readonly _uuid: Uuid<'MAC_Binding'>;
  readonly _version: string;
  /** strong reference to Datapath_Binding */
  readonly datapath: Uuid<'Datapath_Binding'>;
  /** string */
  readonly ip: string;
  /** string */
  readonly logical_port: string;
  /** string */
  readonly mac: string;
  /** integer */
  readonly timestamp: number;
}

/** Columns of a new `MAC_Binding` row; an omitted column takes its default (required: columns whose default the server would refuse). */
export interface MACBindingInsert {
  readonly datapath: Ref<'Datapath_Binding'>;
  readonly ip?: string;
  readonly logical_port?: string;
  readonly mac?: string;
  readonly timestamp?: number;
}

/** Columns an `update` of `MAC_Binding` may set (immutable columns are not here). */
export interface MACBindingUpdate {
  readonly datapath?: Ref<'Datapath_Binding'>;
  readonly ip?: string;
  readonly logical_port?: string;
  readonly mac?: string;
  readonly timestamp?: number;
}

/** Conditions on `MAC_Binding` (RFC 7047 §5.1), restricted by column kind. */
export type MACBindingCondition =
  | readonly ['_uuid', '==' | '!=', Ref<'MAC_Binding'>]
  | readonly ['_version', '==' | '!=', string]
  | readonly ['datapath', '==' | '!=', Ref<'Datapath_Binding'>]
  | readonly ['ip', '==' | '!=', string]
  | readonly ['logical_port', '==' | '!=', string]
  | readonly ['mac', '==' | '!=', string]
  | readonly ['timestamp', '==' | '!=' | '<' | '<=' | '>' | '>=', number];

/** Mutations of `MAC_Binding` (RFC 7047 §5.1), restricted by column kind; immutable columns excluded. */
export type MACBindingMutation =
  | readonly ['timestamp', '+=' | '-=' | '*=' | '/=' | '%=', number];

// ---- Meter -------------------------------------------------------------------------------------------

/** A row of `Meter` as read from the server; root table; indexes: (name). */
export interface MeterRow {
  readonly _uuid: Uuid<'Meter'>;
  readonly _version: string;
  /** set of 1..∞ strong reference to Meter_Band */
  readonly bands: readonly Uuid<'Meter_Band'>[];
  /** string */
  readonly name: string;
  /** string */
  readonly unit: 'kbps' | 'pktps';
}

/** Columns of a new `Meter` row; an omitted column takes its default (required: columns whose default the server would refuse). */
export interface MeterInsert {
  readonly bands: readonly Ref<'Meter_Band'>[];
  readonly name?: string;
  readonly unit: 'kbps' | 'pktps';
}

/** Columns an `update` of `Meter` may set (immutable columns are not here). */
export interface MeterUpdate {
  readonly bands?: readonly Ref<'Meter_Band'>[];
  readonly name?: string;
  readonly unit?: 'kbps' | 'pktps';
}

/** Conditions on `Meter` (RFC 7047 §5.1), restricted by column kind. */
export type MeterCondition =
  | readonly ['_uuid', '==' | '!=', Ref<'Meter'>]
  | readonly ['_version', '==' | '!=', string]
  | readonly ['bands', '==' | '!=' | 'includes' | 'excludes', readonly Ref<'Meter_Band'>[]]
  | readonly ['name', '==' | '!=', string]
  | readonly ['unit', '==' | '!=', 'kbps' | 'pktps'];

/** Mutations of `Meter` (RFC 7047 §5.1), restricted by column kind; immutable columns excluded. */
export type MeterMutation =
  | readonly ['bands', 'insert' | 'delete', readonly Ref<'Meter_Band'>[]];

// ---- Meter_Band --------------------------------------------------------------------------------------

/** A row of `Meter_Band` as read from the server; non-root table (garbage-collected when unreferenced). */
export interface MeterBandRow {
  readonly _uuid: Uuid<'Meter_Band'>;
  readonly _version: string;
  /** string */
  readonly action: 'drop';
  /** integer 0..4294967295 */
  readonly burst_size: number;
  /** integer 1..4294967295 */
  readonly rate: number;
}

/** Columns of a new `Meter_Band` row; an omitted column takes its default (required: columns whose default the server would refuse). */
export interface MeterBandInsert {
  readonly action: 'drop';
  readonly burst_size?: number;
  readonly rate: number;
}

/** Columns an `update` of `Meter_Band` may set (immutable columns are not here). */
export interface MeterBandUpdate {
  readonly action?: 'drop';
  readonly burst_size?: number;
  readonly rate?: number;
}

/** Conditions on `Meter_Band` (RFC 7047 §5.1), restricted by column kind. */
export type MeterBandCondition =
  | readonly ['_uuid', '==' | '!=', Ref<'Meter_Band'>]
  | readonly ['_version', '==' | '!=', string]
  | readonly ['action', '==' | '!=', 'drop']
  | readonly ['burst_size', '==' | '!=' | '<' | '<=' | '>' | '>=', number]
  | readonly ['rate', '==' | '!=' | '<' | '<=' | '>' | '>=', number];

/** Mutations of `Meter_Band` (RFC 7047 §5.1), restricted by column kind; immutable columns excluded. */
export type MeterBandMutation =
  | readonly ['burst_size', '+=' | '-=' | '*=' | '/=' | '%=', number]
  | readonly ['rate', '+=' | '-=' | '*=' | '/=' | '%=', number];

// ---- Mirror ------------------------------------------------------------------------------------------

/** A row of `Mirror` as read from the server; root table; indexes: (name). */
export interface MirrorRow {
  readonly _uuid: Uuid<'Mirror'>;
  readonly _version: string;
  /** map string → string */
  readonly external_ids: Readonly<Record<string, string>>;
  /** string */
  readonly filter: 'from-lport' | 'to-lport';
  /** integer */
  readonly index: number;
  /** string */
  readonly name: string;
  /** string */
  readonly sink: string;
  /** string */
  readonly type: 'gre' | 'erspan';
}

/** Columns of a new `Mirror` row; an omitted column takes its default (required: columns whose default the server would refuse). */
export interface MirrorInsert {
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly filter: 'from-lport' | 'to-lport';
  readonly index?: number;
  readonly name?: string;
  readonly sink?: string;
  readonly type: 'gre' | 'erspan';
}

/** Columns an `update` of `Mirror` may set (immutable columns are not here). */
export interface MirrorUpdate {
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly filter?: 'from-lport' | 'to-lport';
  readonly index?: number;
  readonly name?: string;
  readonly sink?: string;
  readonly type?: 'gre' | 'erspan';
}

/** Conditions on `Mirror` (RFC 7047 §5.1), restricted by column kind. */
export type MirrorCondition =
  | readonly ['_uuid', '==' | '!=', Ref<'Mirror'>]
  | readonly ['_version', '==' | '!=', string]
  | readonly ['external_ids', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['filter', '==' | '!=', 'from-lport' | 'to-lport']
  | readonly ['index', '==' | '!=' | '<' | '<=' | '>' | '>=', number]
  | readonly ['name', '==' | '!=', string]
  | readonly ['sink', '==' | '!=', string]
  | readonly ['type', '==' | '!=', 'gre' | 'erspan'];

/** Mutations of `Mirror` (RFC 7047 §5.1), restricted by column kind; immutable columns excluded. */
export type MirrorMutation =
  | readonly ['external_ids', 'insert', Readonly<Record<string, string>>]
  | readonly ['external_ids', 'delete', Readonly<Record<string, string>> | readonly string[]]
  | readonly ['index', '+=' | '-=' | '*=' | '/=' | '%=', number];

// ---- Multicast_Group ---------------------------------------------------------------------------------

/** A row of `Multicast_Group` as read from the server; root table; indexes: (datapath, tunnel_key), (datapath, name). */
export interface MulticastGroupRow {
  readonly _uuid: Uuid<'Multicast_Group'>;
  readonly _version: string;
  /** strong reference to Datapath_Binding */
  readonly datapath: Uuid<'Datapath_Binding'>;
  /** string */
  readonly name: string;
  /** set of 0..∞ weak reference to Port_Binding */
  readonly ports: readonly Uuid<'Port_Binding'>[];
  /** integer 32768..65535 */
  readonly tunnel_key: number;
}

/** Columns of a new `Multicast_Group` row; an omitted column takes its default (required: columns whose default the server would refuse). */
export interface MulticastGroupInsert {
  readonly datapath: Ref<'Datapath_Binding'>;
  readonly name?: string;
  readonly ports?: readonly Ref<'Port_Binding'>[];
  readonly tunnel_key: number;
}

/** Columns an `update` of `Multicast_Group` may set (immutable columns are not here). */
export interface MulticastGroupUpdate {
  readonly datapath?: Ref<'Datapath_Binding'>;
  readonly name?: string;
  readonly ports?: readonly Ref<'Port_Binding'>[];
  readonly tunnel_key?: number;
}

/** Conditions on `Multicast_Group` (RFC 7047 §5.1), restricted by column kind. */
export type MulticastGroupCondition =
  | readonly ['_uuid', '==' | '!=', Ref<'Multicast_Group'>]
  | readonly ['_version', '==' | '!=', string]
  | readonly ['datapath', '==' | '!=', Ref<'Datapath_Binding'>]
  | readonly ['name', '==' | '!=', string]
  | readonly ['ports', '==' | '!=' | 'includes' | 'excludes', readonly Ref<'Port_Binding'>[]]
  | readonly ['tunnel_key', '==' | '!=' | '<' | '<=' | '>' | '>=', number];

/** Mutations of `Multicast_Group` (RFC 7047 §5.1), restricted by column kind; immutable columns excluded. */
export type MulticastGroupMutation =
  | readonly ['ports', 'insert' | 'delete', readonly Ref<'Port_Binding'>[]]
  | readonly ['tunnel_key', '+=' | '-=' | '*=' | '/=' | '%=', number];

// ---- Port_Binding ------------------------------------------------------------------------------------

/** A row of `Port_Binding` as read from the server; root table; indexes: (datapath, tunnel_key), (logical_port). */
export interface PortBindingRow {
  readonly _uuid: Uuid<'Port_Binding'>;
  readonly _version: string;
  /** set of 0..∞ weak reference to Chassis */
  readonly additional_chassis: readonly Uuid<'Chassis'>[];
  /** set of 0..∞ weak reference to Encap */
  readonly additional_encap: readonly Uuid<'Encap'>[];
  /** optional weak reference to Chassis */
  readonly chassis: Uuid<'Chassis'> | undefined;
  /** strong reference to Datapath_Binding */
  readonly datapath: Uuid<'Datapath_Binding'>;
  /** optional weak reference to Encap */
  readonly encap: Uuid<'Encap'> | undefined;
  /** map string → string */
  readonly external_ids: Readonly<Record<string, string>>;
  /** set of 0..∞ strong reference to Gateway_Chassis */
  readonly gateway_chassis: readonly Uuid<'Gateway_Chassis'>[];
  /** optional strong reference to HA_Chassis_Group */
  readonly ha_chassis_group: Uuid<'HA_Chassis_Group'> | undefined;
  /** string */
  readonly logical_port: string;
  /** set of 0..∞ string */
  readonly mac: readonly string[];
  /** set of 0..∞ weak reference to Mirror */
  readonly mirror_rules: readonly Uuid<'Mirror'>[];
  /** set of 0..∞ string */
  readonly nat_addresses: readonly string[];
  /** map string → string */
  readonly options: Readonly<Record<string, string>>;
  /** optional string */
  readonly parent_port: string | undefined;
  /** set of 0..∞ string */
  readonly port_security: readonly string[];
  /** set of 0..∞ weak reference to Chassis */
  readonly requested_additional_chassis: readonly Uuid<'Chassis'>[];
  /** optional weak reference to Chassis */
  readonly requested_chassis: Uuid<'Chassis'> | undefined;
  /** optional integer 1..4095 */
  readonly tag: number | undefined;
  /** integer 1..32767 */
  readonly tunnel_key: number;
  /** string */
  readonly type: string;
  /** optional boolean */
  readonly up: boolean | undefined;
  /** optional string */
  readonly virtual_parent: string | undefined;
}

/** Columns of a new `Port_Binding` row; an omitted column takes its default (required: columns whose default the server would refuse). */
export interface PortBindingInsert {
  readonly additional_chassis?: readonly Ref<'Chassis'>[];
  readonly additional_encap?: readonly Ref<'Encap'>[];
  readonly chassis?: Ref<'Chassis'> | undefined;
  readonly datapath: Ref<'Datapath_Binding'>;
  readonly encap?: Ref<'Encap'> | undefined;
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly gateway_chassis?: readonly Ref<'Gateway_Chassis'>[];
  readonly ha_chassis_group?: Ref<'HA_Chassis_Group'> | undefined;
  readonly logical_port?: string;
  readonly mac?: readonly string[];
  readonly mirror_rules?: readonly Ref<'Mirror'>[];
  readonly nat_addresses?: readonly string[];
  readonly options?: Readonly<Record<string, string>>;
  readonly parent_port?: string | undefined;
  readonly port_security?: readonly string[];
  readonly requested_additional_chassis?: readonly Ref<'Chassis'>[];
  readonly requested_chassis?: Ref<'Chassis'> | undefined;
  readonly tag?: number | undefined;
  readonly tunnel_key: number;
  readonly type?: string;
  readonly up?: boolean | undefined;
  readonly virtual_parent?: string | undefined;
}

/** Columns an `update` of `Port_Binding` may set (immutable columns are not here). */
export interface PortBindingUpdate {
  readonly additional_chassis?: readonly Ref<'Chassis'>[];
  readonly additional_encap?: readonly Ref<'Encap'>[];
  readonly chassis?: Ref<'Chassis'> | undefined;
  readonly datapath?: Ref<'Datapath_Binding'>;
  readonly encap?: Ref<'Encap'> | undefined;
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly gateway_chassis?: readonly Ref<'Gateway_Chassis'>[];
  readonly ha_chassis_group?: Ref<'HA_Chassis_Group'> | undefined;
  readonly logical_port?: string;
  readonly mac?: readonly string[];
  readonly mirror_rules?: readonly Ref<'Mirror'>[];
  readonly nat_addresses?: readonly string[];
  readonly options?: Readonly<Record<string, string>>;
  readonly parent_port?: string | undefined;
  readonly port_security?: readonly string[];
  readonly requested_additional_chassis?: readonly Ref<'Chassis'>[];
  readonly requested_chassis?: Ref<'Chassis'> | undefined;
  readonly tag?: number | undefined;
  readonly tunnel_key?: number;
  readonly type?: string;
  readonly up?: boolean | undefined;
  readonly virtual_parent?: string | undefined;
}

/** Conditions on `Port_Binding` (RFC 7047 §5.1), restricted by column kind. */
export type PortBindingCondition =
  | readonly ['_uuid', '==' | '!=', Ref<'Port_Binding'>]
  | readonly ['_version', '==' | '!=', string]
  | readonly ['additional_chassis', '==' | '!=' | 'includes' | 'excludes', readonly Ref<'Chassis'>[]]
  | readonly ['additional_encap', '==' | '!=' | 'includes' | 'excludes', readonly Ref<'Encap'>[]]
  | readonly ['chassis', '==' | '!=' | 'includes' | 'excludes', Ref<'Chassis'> | undefined]
  | readonly ['datapath', '==' | '!=', Ref<'Datapath_Binding'>]
  | readonly ['encap', '==' | '!=' | 'includes' | 'excludes', Ref<'Encap'> | undefined]
  | readonly ['external_ids', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['gateway_chassis', '==' | '!=' | 'includes' | 'excludes', readonly Ref<'Gateway_Chassis'>[]]
  | readonly ['ha_chassis_group', '==' | '!=' | 'includes' | 'excludes', Ref<'HA_Chassis_Group'> | undefined]
  | readonly ['logical_port', '==' | '!=', string]
  | readonly ['mac', '==' | '!=' | 'includes' | 'excludes', readonly string[]]
  | readonly ['mirror_rules', '==' | '!=' | 'includes' | 'excludes', readonly Ref<'Mirror'>[]]
  | readonly ['nat_addresses', '==' | '!=' | 'includes' | 'excludes', readonly string[]]
  | readonly ['options', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['parent_port', '==' | '!=' | 'includes' | 'excludes', string | undefined]
  | readonly ['port_security', '==' | '!=' | 'includes' | 'excludes', readonly string[]]
  | readonly ['requested_additional_chassis', '==' | '!=' | 'includes' | 'excludes', readonly Ref<'Chassis'>[]]
  | readonly ['requested_chassis', '==' | '!=' | 'includes' | 'excludes', Ref<'Chassis'> | undefined]
  | readonly ['tag', '==' | '!=' | 'includes' | 'excludes', number | undefined]
  | readonly ['tag', '<' | '<=' | '>' | '>=', number]
  | readonly ['tunnel_key', '==' | '!=' | '<' | '<=' | '>' | '>=', number]
  | readonly ['type', '==' | '!=', string]
  | readonly ['up', '==' | '!=' | 'includes' | 'excludes', boolean | undefined]
  | readonly ['virtual_parent', '==' | '!=' | 'includes' | 'excludes', string | undefined];

/** Mutations of `Port_Binding` (RFC 7047 §5.1), restricted by column kind; immutable columns excluded. */
export type PortBindingMutation =
  | readonly ['additional_chassis', 'insert' | 'delete', readonly Ref<'Chassis'>[]]
  | readonly ['additional_encap', 'insert' | 'delete', readonly Ref<'Encap'>[]]
  | readonly ['chassis', 'insert' | 'delete', readonly Ref<'Chassis'>[]]
  | readonly ['encap', 'insert' | 'delete', readonly Ref<'Encap'>[]]
  | readonly ['external_ids', 'insert', Readonly<Record<string, string>>]
  | readonly ['external_ids', 'delete', Readonly<Record<string, string>> | readonly string[]]
  | readonly ['gateway_chassis', 'insert' | 'delete', readonly Ref<'Gateway_Chassis'>[]]
  | readonly ['ha_chassis_group', 'insert' | 'delete', readonly Ref<'HA_Chassis_Group'>[]]
  | readonly ['mac', 'insert' | 'delete', readonly string[]]
  | readonly ['mirror_rules', 'insert' | 'delete', readonly Ref<'Mirror'>[]]
  | readonly ['nat_addresses', 'insert' | 'delete', readonly string[]]
  | readonly ['options', 'insert', Readonly<Record<string, string>>]
  | readonly ['options', 'delete', Readonly<Record<string, string>> | readonly string[]]
  | readonly ['parent_port', 'insert' | 'delete', readonly string[]]
  | readonly ['port_security', 'insert' | 'delete', readonly string[]]
  | readonly ['requested_additional_chassis', 'insert' | 'delete', readonly Ref<'Chassis'>[]]
  | readonly ['requested_chassis', 'insert' | 'delete', readonly Ref<'Chassis'>[]]
  | readonly ['tag', '+=' | '-=' | '*=' | '/=' | '%=', number]
  | readonly ['tag', 'insert' | 'delete', readonly number[]]
  | readonly ['tunnel_key', '+=' | '-=' | '*=' | '/=' | '%=', number]
  | readonly ['up', 'insert' | 'delete', readonly boolean[]]
  | readonly ['virtual_parent', 'insert' | 'delete', readonly string[]];

// ---- Port_Group --------------------------------------------------------------------------------------

/** A row of `Port_Group` as read from the server; root table; indexes: (name). */
export interface PortGroupRow {
  readonly _uuid: Uuid<'Port_Group'>;
  readonly _version: string;
  /** string */
  readonly name: string;
  /** set of 0..∞ string */
  readonly ports: readonly string[];
}

/** Columns of a new `Port_Group` row; an omitted column takes its default (required: columns whose default the server would refuse). */
export interface PortGroupInsert {
  readonly name?: string;
  readonly ports?: readonly string[];
}

/** Columns an `update` of `Port_Group` may set (immutable columns are not here). */
export interface PortGroupUpdate {
  readonly name?: string;
  readonly ports?: readonly string[];
}

/** Conditions on `Port_Group` (RFC 7047 §5.1), restricted by column kind. */
export type PortGroupCondition =
  | readonly ['_uuid', '==' | '!=', Ref<'Port_Group'>]
  | readonly ['_version', '==' | '!=', string]
  | readonly ['name', '==' | '!=', string]
  | readonly ['ports', '==' | '!=' | 'includes' | 'excludes', readonly string[]];

/** Mutations of `Port_Group` (RFC 7047 §5.1), restricted by column kind; immutable columns excluded. */
export type PortGroupMutation =
  | readonly ['ports', 'insert' | 'delete', readonly string[]];

// ---- RBAC_Permission ---------------------------------------------------------------------------------

/** A row of `RBAC_Permission` as read from the server; root table. */
export interface RBACPermissionRow {
  readonly _uuid: Uuid<'RBAC_Permission'>;
  readonly _version: string;
  /** set of 0..∞ string */
  readonly authorization: readonly string[];
  /** boolean */
  readonly insert_delete: boolean;
  /** string */
  readonly table: string;
  /** set of 0..∞ string */
  readonly update: readonly string[];
}

/** Columns of a new `RBAC_Permission` row; an omitted column takes its default (required: columns whose default the server would refuse). */
export interface RBACPermissionInsert {
  readonly authorization?: readonly string[];
  readonly insert_delete?: boolean;
  readonly table?: string;
  readonly update?: readonly string[];
}

/** Columns an `update` of `RBAC_Permission` may set (immutable columns are not here). */
export interface RBACPermissionUpdate {
  readonly authorization?: readonly string[];
  readonly insert_delete?: boolean;
  readonly table?: string;
  readonly update?: readonly string[];
}

/** Conditions on `RBAC_Permission` (RFC 7047 §5.1), restricted by column kind. */
export type RBACPermissionCondition =
  | readonly ['_uuid', '==' | '!=', Ref<'RBAC_Permission'>]
  | readonly ['_version', '==' | '!=', string]
  | readonly ['authorization', '==' | '!=' | 'includes' | 'excludes', readonly string[]]
  | readonly ['insert_delete', '==' | '!=', boolean]
  | readonly ['table', '==' | '!=', string]
  | readonly ['update', '==' | '!=' | 'includes' | 'excludes', readonly string[]];

/** Mutations of `RBAC_Permission` (RFC 7047 §5.1), restricted by column kind; immutable columns excluded. */
export type RBACPermissionMutation =
  | readonly ['authorization', 'insert' | 'delete', readonly string[]]
  | readonly ['update', 'insert' | 'delete', readonly string[]];

// ---- RBAC_Role ---------------------------------------------------------------------------------------

/** A row of `RBAC_Role` as read from the server; root table. */
export interface RBACRoleRow {
  readonly _uuid: Uuid<'RBAC_Role'>;
  readonly _version: string;
  /** string */
  readonly name: string;
  /** map string → weak reference to RBAC_Permission */
  readonly permissions: Readonly<Record<string, Uuid<'RBAC_Permission'>>>;
}

/** Columns of a new `RBAC_Role` row; an omitted column takes its default (required: columns whose default the server would refuse). */
export interface RBACRoleInsert {
  readonly name?: string;
  readonly permissions?: Readonly<Record<string, Ref<'RBAC_Permission'>>>;
}

/** Columns an `update` of `RBAC_Role` may set (immutable columns are not here). */
export interface RBACRoleUpdate {
  readonly name?: string;
  readonly permissions?: Readonly<Record<string, Ref<'RBAC_Permission'>>>;
}

/** Conditions on `RBAC_Role` (RFC 7047 §5.1), restricted by column kind. */
export type RBACRoleCondition =
  | readonly ['_uuid', '==' | '!=', Ref<'RBAC_Role'>]
  | readonly ['_version', '==' | '!=', string]
  | readonly ['name', '==' | '!=', string]
  | readonly ['permissions', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, Ref<'RBAC_Permission'>>>];

/** Mutations of `RBAC_Role` (RFC 7047 §5.1), restricted by column kind; immutable columns excluded. */
export type RBACRoleMutation =
  | readonly ['permissions', 'insert', Readonly<Record<string, Ref<'RBAC_Permission'>>>]
  | readonly ['permissions', 'delete', Readonly<Record<string, Ref<'RBAC_Permission'>>> | readonly string[]];

// ---- SB_Global ---------------------------------------------------------------------------------------

/** A row of `SB_Global` as read from the server; root table; at most 1 rows. */
export interface SBGlobalRow {
  readonly _uuid: Uuid<'SB_Global'>;
  readonly _version: string;
  /** set of 0..∞ strong reference to Connection */
  readonly connections: readonly Uuid<'Connection'>[];
  /** map string → string */
  readonly external_ids: Readonly<Record<string, string>>;
  /** boolean */
  readonly ipsec: boolean;
  /** integer */
  readonly nb_cfg: number;
  /** map string → string */
  readonly options: Readonly<Record<string, string>>;
  /** optional strong reference to SSL */
  readonly ssl: Uuid<'SSL'> | undefined;
}

/** Columns of a new `SB_Global` row; an omitted column takes its default (required: columns whose default the server would refuse). */
export interface SBGlobalInsert {
  readonly connections?: readonly Ref<'Connection'>[];
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly ipsec?: boolean;
  readonly nb_cfg?: number;
  readonly options?: Readonly<Record<string, string>>;
  readonly ssl?: Ref<'SSL'> | undefined;
}

/** Columns an `update` of `SB_Global` may set (immutable columns are not here). */
export interface SBGlobalUpdate {
  readonly connections?: readonly Ref<'Connection'>[];
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly ipsec?: boolean;
  readonly nb_cfg?: number;
  readonly options?: Readonly<Record<string, string>>;
  readonly ssl?: Ref<'SSL'> | undefined;
}

/** Conditions on `SB_Global` (RFC 7047 §5.1), restricted by column kind. */
export type SBGlobalCondition =
  | readonly ['_uuid', '==' | '!=', Ref<'SB_Global'>]
  | readonly ['_version', '==' | '!=', string]
  | readonly ['connections', '==' | '!=' | 'includes' | 'excludes', readonly Ref<'Connection'>[]]
  | readonly ['external_ids', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['ipsec', '==' | '!=', boolean]
  | readonly ['nb_cfg', '==' | '!=' | '<' | '<=' | '>' | '>=', number]
  | readonly ['options', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['ssl', '==' | '!=' | 'includes' | 'excludes', Ref<'SSL'> | undefined];

/** Mutations of `SB_Global` (RFC 7047 §5.1), restricted by column kind; immutable columns excluded. */
export type SBGlobalMutation =
  | readonly ['connections', 'insert' | 'delete', readonly Ref<'Connection'>[]]
  | readonly ['external_ids', 'insert', Readonly<Record<string, string>>]
  | readonly ['external_ids', 'delete', Readonly<Record<string, string>> | readonly string[]]
  | readonly ['nb_cfg', '+=' | '-=' | '*=' | '/=' | '%=', number]
  | readonly ['options', 'insert', Readonly<Record<string, string>>]
  | readonly ['options', 'delete', Readonly<Record<string, string>> | readonly string[]]
  | readonly ['ssl', 'insert' | 'delete', readonly Ref<'SSL'>[]];

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
  /** string */
  readonly ssl_ciphers: string;
  /** string */
  readonly ssl_protocols: string;
}

/** Columns of a new `SSL` row; an omitted column takes its default (required: columns whose default the server would refuse). */
export interface SSLInsert {
  readonly bootstrap_ca_cert?: boolean;
  readonly ca_cert?: string;
  readonly certificate?: string;
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly private_key?: string;
  readonly ssl_ciphers?: string;
  readonly ssl_protocols?: string;
}

/** Columns an `update` of `SSL` may set (immutable columns are not here). */
export interface SSLUpdate {
  readonly bootstrap_ca_cert?: boolean;
  readonly ca_cert?: string;
  readonly certificate?: string;
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly private_key?: string;
  readonly ssl_ciphers?: string;
  readonly ssl_protocols?: string;
}

/** Conditions on `SSL` (RFC 7047 §5.1), restricted by column kind. */
export type SSLCondition =
  | readonly ['_uuid', '==' | '!=', Ref<'SSL'>]
  | readonly ['_version', '==' | '!=', string]
  | readonly ['bootstrap_ca_cert', '==' | '!=', boolean]
  | readonly ['ca_cert', '==' | '!=', string]
  | readonly ['certificate', '==' | '!=', string]
  | readonly ['external_ids', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['private_key', '==' | '!=', string]
  | readonly ['ssl_ciphers', '==' | '!=', string]
  | readonly ['ssl_protocols', '==' | '!=', string];

/** Mutations of `SSL` (RFC 7047 §5.1), restricted by column kind; immutable columns excluded. */
export type SSLMutation =
  | readonly ['external_ids', 'insert', Readonly<Record<string, string>>]
  | readonly ['external_ids', 'delete', Readonly<Record<string, string>> | readonly string[]];

// ---- Service_Monitor ---------------------------------------------------------------------------------

/** A row of `Service_Monitor` as read from the server; root table; indexes: (logical_port, ip, port, protocol). */
export interface ServiceMonitorRow {
  readonly _uuid: Uuid<'Service_Monitor'>;
  readonly _version: string;
  /** map string → string */
  readonly external_ids: Readonly<Record<string, string>>;
  /** string */
  readonly ip: string;
  /** string */
  readonly logical_port: string;
  /** map string → string */
  readonly options: Readonly<Record<string, string>>;
  /** integer 0..65535 */
  readonly port: number;
  /** optional string */
  readonly protocol: 'tcp' | 'udp' | undefined;
  /** string */
  readonly src_ip: string;
  /** string */
  readonly src_mac: string;
  /** optional string */
  readonly status: 'online' | 'offline' | 'error' | undefined;
}

/** Columns of a new `Service_Monitor` row; an omitted column takes its default (required: columns whose default the server would refuse). */
export interface ServiceMonitorInsert {
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly ip?: string;
  readonly logical_port?: string;
  readonly options?: Readonly<Record<string, string>>;
  readonly port?: number;
  readonly protocol?: 'tcp' | 'udp' | undefined;
  readonly src_ip?: string;
  readonly src_mac?: string;
  readonly status?: 'online' | 'offline' | 'error' | undefined;
}

/** Columns an `update` of `Service_Monitor` may set (immutable columns are not here). */
export interface ServiceMonitorUpdate {
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly ip?: string;
  readonly logical_port?: string;
  readonly options?: Readonly<Record<string, string>>;
  readonly port?: number;
  readonly protocol?: 'tcp' | 'udp' | undefined;
  readonly src_ip?: string;
  readonly src_mac?: string;
  readonly status?: 'online' | 'offline' | 'error' | undefined;
}

/** Conditions on `Service_Monitor` (RFC 7047 §5.1), restricted by column kind. */
export type ServiceMonitorCondition =
  | readonly ['_uuid', '==' | '!=', Ref<'Service_Monitor'>]
  | readonly ['_version', '==' | '!=', string]
  | readonly ['external_ids', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['ip', '==' | '!=', string]
  | readonly ['logical_port', '==' | '!=', string]
  | readonly ['options', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['port', '==' | '!=' | '<' | '<=' | '>' | '>=', number]
  | readonly ['protocol', '==' | '!=' | 'includes' | 'excludes', 'tcp' | 'udp' | undefined]
  | readonly ['src_ip', '==' | '!=', string]
  | readonly ['src_mac', '==' | '!=', string]
  | readonly ['status', '==' | '!=' | 'includes' | 'excludes', 'online' | 'offline' | 'error' | undefined];

/** Mutations of `Service_Monitor` (RFC 7047 §5.1), restricted by column kind; immutable columns excluded. */
export type ServiceMonitorMutation =
  | readonly ['external_ids', 'insert', Readonly<Record<string, string>>]
  | readonly ['external_ids', 'delete', Readonly<Record<string, string>> | readonly string[]]
  | readonly ['options', 'insert', Readonly<Record<string, string>>]
  | readonly ['options', 'delete', Readonly<Record<string, string>> | readonly string[]]
  | readonly ['port', '+=' | '-=' | '*=' | '/=' | '%=', number]
  | readonly ['protocol', 'insert' | 'delete', readonly ('tcp' | 'udp')[]]
  | readonly ['status', 'insert' | 'delete', readonly ('online' | 'offline' | 'error')[]];

// ---- Static_MAC_Binding ------------------------------------------------------------------------------

/** A row of `Static_MAC_Binding` as read from the server; root table; indexes: (logical_port, ip). */
export interface StaticMACBindingRow {
  readonly _uuid: Uuid<'Static_MAC_Binding'>;
  readonly _version: string;
  /** strong reference to Datapath_Binding */
  readonly datapath: Uuid<'Datapath_Binding'>;
  /** string */
  readonly ip: string;
  /** string */
  readonly logical_port: string;
  /** string */
  readonly mac: string;
  /** boolean */
  readonly override_dynamic_mac: boolean;
}

/** Columns of a new `Static_MAC_Binding` row; an omitted column takes its default (required: columns whose default the server would refuse). */
export interface StaticMACBindingInsert {
  readonly datapath: Ref<'Datapath_Binding'>;
  readonly ip?: string;
  readonly logical_port?: string;
  readonly mac?: string;
  readonly override_dynamic_mac?: boolean;
}

/** Columns an `update` of `Static_MAC_Binding` may set (immutable columns are not here). */
export interface StaticMACBindingUpdate {
  readonly datapath?: Ref<'Datapath_Binding'>;
  readonly ip?: string;
  readonly logical_port?: string;
  readonly mac?: string;
  readonly override_dynamic_mac?: boolean;
}

/** Conditions on `Static_MAC_Binding` (RFC 7047 §5.1), restricted by column kind. */
export type StaticMACBindingCondition =
  | readonly ['_uuid', '==' | '!=', Ref<'Static_MAC_Binding'>]
  | readonly ['_version', '==' | '!=', string]
  | readonly ['datapath', '==' | '!=', Ref<'Datapath_Binding'>]
  | readonly ['ip', '==' | '!=', string]
  | readonly ['logical_port', '==' | '!=', string]
  | readonly ['mac', '==' | '!=', string]
  | readonly ['override_dynamic_mac', '==' | '!=', boolean];

/** Mutations of `Static_MAC_Binding` (RFC 7047 §5.1), restricted by column kind; immutable columns excluded. */
export type StaticMACBindingMutation = never;

/** Every table of OVN_Southbound with its shapes; the type parameter of {@link ovnSouthboundModel}. */
export interface OVNSouthboundTables {
  readonly Address_Set: {
    readonly row: AddressSetRow;
    readonly insert: AddressSetInsert;
    readonly update: AddressSetUpdate;
    readonly condition: AddressSetCondition;
    readonly mutation: AddressSetMutation;
  };
  readonly BFD: {
    readonly row: BFDRow;
    readonly insert: BFDInsert;
    readonly update: BFDUpdate;
    readonly condition: BFDCondition;
    readonly mutation: BFDMutation;
  };
  readonly Chassis: {
    readonly row: ChassisRow;
    readonly insert: ChassisInsert;
    readonly update: ChassisUpdate;
    readonly condition: ChassisCondition;
    readonly mutation: ChassisMutation;
  };
  readonly Chassis_Private: {
    readonly row: ChassisPrivateRow;
    readonly insert: ChassisPrivateInsert;
    readonly update: ChassisPrivateUpdate;
    readonly condition: ChassisPrivateCondition;
    readonly mutation: ChassisPrivateMutation;
  };
  readonly Chassis_Template_Var: {
    readonly row: ChassisTemplateVarRow;
    readonly insert: ChassisTemplateVarInsert;
    readonly update: ChassisTemplateVarUpdate;
    readonly condition: ChassisTemplateVarCondition;
    readonly mutation: ChassisTemplateVarMutation;
  };
  readonly Connection: {
    readonly row: ConnectionRow;
    readonly insert: ConnectionInsert;
    readonly update: ConnectionUpdate;
    readonly condition: ConnectionCondition;
    readonly mutation: ConnectionMutation;
  };
  readonly Controller_Event: {
    readonly row: ControllerEventRow;
    readonly insert: ControllerEventInsert;
    readonly update: ControllerEventUpdate;
    readonly condition: ControllerEventCondition;
    readonly mutation: ControllerEventMutation;
  };
  readonly DHCP_Options: {
    readonly row: DHCPOptionsRow;
    readonly insert: DHCPOptionsInsert;
    readonly update: DHCPOptionsUpdate;
    readonly condition: DHCPOptionsCondition;
    readonly mutation: DHCPOptionsMutation;
  };
  readonly DHCPv6_Options: {
    readonly row: DHCPv6OptionsRow;
    readonly insert: DHCPv6OptionsInsert;
    readonly update: DHCPv6OptionsUpdate;
    readonly condition: DHCPv6OptionsCondition;
    readonly mutation: DHCPv6OptionsMutation;
  };
  readonly DNS: {
    readonly row: DNSRow;
    readonly insert: DNSInsert;
    readonly update: DNSUpdate;
    readonly condition: DNSCondition;
    readonly mutation: DNSMutation;
  };
  readonly Datapath_Binding: {
    readonly row: DatapathBindingRow;
    readonly insert: DatapathBindingInsert;
    readonly update: DatapathBindingUpdate;
    readonly condition: DatapathBindingCondition;
    readonly mutation: DatapathBindingMutation;
  };
  readonly Encap: {
    readonly row: EncapRow;
    readonly insert: EncapInsert;
    readonly update: EncapUpdate;
    readonly condition: EncapCondition;
    readonly mutation: EncapMutation;
  };
  readonly FDB: {
    readonly row: FDBRow;
    readonly insert: FDBInsert;
    readonly update: FDBUpdate;
    readonly condition: FDBCondition;
    readonly mutation: FDBMutation;
  };
  readonly Gateway_Chassis: {
    readonly row: GatewayChassisRow;
    readonly insert: GatewayChassisInsert;
    readonly update: GatewayChassisUpdate;
    readonly condition: GatewayChassisCondition;
    readonly mutation: GatewayChassisMutation;
  };
  readonly HA_Chassis: {
    readonly row: HAChassisRow;
    readonly insert: HAChassisInsert;
    readonly update: HAChassisUpdate;
    readonly condition: HAChassisCondition;
    readonly mutation: HAChassisMutation;
  };
  readonly HA_Chassis_Group: {
    readonly row: HAChassisGroupRow;
    readonly insert: HAChassisGroupInsert;
    readonly update: HAChassisGroupUpdate;
    readonly condition: HAChassisGroupCondition;
    readonly mutation: HAChassisGroupMutation;
  };
  readonly IGMP_Group: {
    readonly row: IGMPGroupRow;
    readonly insert: IGMPGroupInsert;
    readonly update: IGMPGroupUpdate;
    readonly condition: IGMPGroupCondition;
    readonly mutation: IGMPGroupMutation;
  };
  readonly IP_Multicast: {
    readonly row: IPMulticastRow;
    readonly insert: IPMulticastInsert;
    readonly update: IPMulticastUpdate;
    readonly condition: IPMulticastCondition;
    readonly mutation: IPMulticastMutation;
  };
  readonly Load_Balancer: {
    readonly row: LoadBalancerRow;
    readonly insert: LoadBalancerInsert;
    readonly update: LoadBalancerUpdate;
    readonly condition: LoadBalancerCondition;
    readonly mutation: LoadBalancerMutation;
  };
  readonly Logical_DP_Group: {
    readonly row: LogicalDPGroupRow;
    readonly insert: LogicalDPGroupInsert;
    readonly update: LogicalDPGroupUpdate;
    readonly condition: LogicalDPGroupCondition;
    readonly mutation: LogicalDPGroupMutation;
  };
  readonly Logical_Flow: {
    readonly row: LogicalFlowRow;
    readonly insert: LogicalFlowInsert;
    readonly update: LogicalFlowUpdate;
    readonly condition: LogicalFlowCondition;
    readonly mutation: LogicalFlowMutation;
  };
  readonly MAC_Binding: {
    readonly row: MACBindingRow;
    readonly insert: MACBindingInsert;
    readonly update: MACBindingUpdate;
    readonly condition: MACBindingCondition;
    readonly mutation: MACBindingMutation;
  };
  readonly Meter: {
    readonly row: MeterRow;
    readonly insert: MeterInsert;
    readonly update: MeterUpdate;
    readonly condition: MeterCondition;
    readonly mutation: MeterMutation;
  };
  readonly Meter_Band: {
    readonly row: MeterBandRow;
    readonly insert: MeterBandInsert;
    readonly update: MeterBandUpdate;
    readonly condition: MeterBandCondition;
    readonly mutation: MeterBandMutation;
  };
  readonly Mirror: {
    readonly row: MirrorRow;
    readonly insert: MirrorInsert;
    readonly update: MirrorUpdate;
    readonly condition: MirrorCondition;
    readonly mutation: MirrorMutation;
  };
  readonly Multicast_Group: {
    readonly row: MulticastGroupRow;
    readonly insert: MulticastGroupInsert;
    readonly update: MulticastGroupUpdate;
    readonly condition: MulticastGroupCondition;
    readonly mutation: MulticastGroupMutation;
  };
  readonly Port_Binding: {
    readonly row: PortBindingRow;
    readonly insert: PortBindingInsert;
    readonly update: PortBindingUpdate;
    readonly condition: PortBindingCondition;
    readonly mutation: PortBindingMutation;
  };
  readonly Port_Group: {
    readonly row: PortGroupRow;
    readonly insert: PortGroupInsert;
    readonly update: PortGroupUpdate;
    readonly condition: PortGroupCondition;
    readonly mutation: PortGroupMutation;
  };
  readonly RBAC_Permission: {
    readonly row: RBACPermissionRow;
    readonly insert: RBACPermissionInsert;
    readonly update: RBACPermissionUpdate;
    readonly condition: RBACPermissionCondition;
    readonly mutation: RBACPermissionMutation;
  };
  readonly RBAC_Role: {
    readonly row: RBACRoleRow;
    readonly insert: RBACRoleInsert;
    readonly update: RBACRoleUpdate;
    readonly condition: RBACRoleCondition;
    readonly mutation: RBACRoleMutation;
  };
  readonly SB_Global: {
    readonly row: SBGlobalRow;
    readonly insert: SBGlobalInsert;
    readonly update: SBGlobalUpdate;
    readonly condition: SBGlobalCondition;
    readonly mutation: SBGlobalMutation;
  };
  readonly SSL: {
    readonly row: SSLRow;
    readonly insert: SSLInsert;
    readonly update: SSLUpdate;
    readonly condition: SSLCondition;
    readonly mutation: SSLMutation;
  };
  readonly Service_Monitor: {
    readonly row: ServiceMonitorRow;
    readonly insert: ServiceMonitorInsert;
    readonly update: ServiceMonitorUpdate;
    readonly condition: ServiceMonitorCondition;
    readonly mutation: ServiceMonitorMutation;
  };
  readonly Static_MAC_Binding: {
    readonly row: StaticMACBindingRow;
    readonly insert: StaticMACBindingInsert;
    readonly update: StaticMACBindingUpdate;
    readonly condition: StaticMACBindingCondition;
    readonly mutation: StaticMACBindingMutation;
  };
}

/** The OVN_Southbound schema (version 20.27.0) as `parseSchema` returns it, for runtime checks. */
export const ovnSouthboundSchema = {
  name: 'OVN_Southbound',
  version: '20.27.0',
  cksum: '4078371916 30328',
  tables: {
    Address_Set: {
      name: 'Address_Set',
      columns: {
        addresses: {
          name: 'addresses',
          type: { key: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        name: { name: 'name', type: { key: { type: 'string' }, min: 1, max: 1 }, ephemeral: false, mutable: true },
      },
      isRoot: true,
      indexes: [['name']],
    },
    BFD: {
      name: 'BFD',
      columns: {
        detect_mult: {
          name: 'detect_mult',
          type: { key: { type: 'integer' }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        disc: { name: 'disc', type: { key: { type: 'integer' }, min: 1, max: 1 }, ephemeral: false, mutable: true },
        dst_ip: { name: 'dst_ip', type: { key: { type: 'string' }, min: 1, max: 1 }, ephemeral: false, mutable: true },
        external_ids: {
          name: 'external_ids',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        logical_port: {
          name: 'logical_port',
          type: { key: { type: 'string' }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        min_rx: { name: 'min_rx', type: { key: { type: 'integer' }, min: 1, max: 1 }, ephemeral: false, mutable: true },
        min_tx: { name: 'min_tx', type: { key: { type: 'integer' }, min: 1, max: 1 }, ephemeral: false, mutable: true },
        options: {
          name: 'options',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        src_port: {
          name: 'src_port',
          type: { key: { type: 'integer', minInteger: 49152, maxInteger: 65535 }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        status: {
          name: 'status',
          type: { key: { type: 'string', enum: ['down', 'init', 'up', 'admin_down'] }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
      },
      isRoot: true,
      indexes: [['logical_port', 'dst_ip', 'src_port', 'disc']],
    },
    Chassis: {
      name: 'Chassis',
      columns: {
        encaps: {
          name: 'encaps',
          type: { key: { type: 'uuid', refTable: 'Encap', refType: 'strong' }, min: 1, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        external_ids: {
          name: 'external_ids',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        hostname: {
          name: 'hostname',
          type: { key: { type: 'string' }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        name: { name: 'name', type: { key: { type: 'string' }, min: 1, max: 1 }, ephemeral: false, mutable: true },
        nb_cfg: { name: 'nb_cfg', type: { key: { type: 'integer' }, min: 1, max: 1 }, ephemeral: false, mutable: true },
        other_config: {
          name: 'other_config',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        transport_zones: {
          name: 'transport_zones',
          type: { key: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        vtep_logical_switches: {
          name: 'vtep_logical_switches',
          type: { key: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
      },
      isRoot: true,
      indexes: [['name']],
    },
    Chassis_Private: {
      name: 'Chassis_Private',
      columns: {
        chassis: {
          name: 'chassis',
          type: { key: { type: 'uuid', refTable: 'Chassis', refType: 'weak' }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        external_ids: {
          name: 'external_ids',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        name: { name: 'name', type: { key: { type: 'string' }, min: 1, max: 1 }, ephemeral: false, mutable: true },
        nb_cfg: { name: 'nb_cfg', type: { key: { type: 'integer' }, min: 1, max: 1 }, ephemeral: false, mutable: true },
        nb_cfg_timestamp: {
          name: 'nb_cfg_timestamp',
          type: { key: { type: 'integer' }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
      },
      isRoot: true,
      indexes: [['name']],
    },
    Chassis_Template_Var: {
      name: 'Chassis_Template_Var',
      columns: {
        chassis: {
          name: 'chassis',
          type: { key: { type: 'string' }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        variables: {
          name: 'variables',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
      },
      isRoot: true,
      indexes: [['chassis']],
    },
    Connection: {
      name: 'Connection',
      columns: {
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
        read_only: {
          name: 'read_only',
          type: { key: { type: 'boolean' }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        role: { name: 'role', type: { key: { type: 'string' }, min: 1, max: 1 }, ephemeral: false, mutable: true },
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
    Controller_Event: {
      name: 'Controller_Event',
      columns: {
        chassis: {
          name: 'chassis',
          type: { key: { type: 'uuid', refTable: 'Chassis', refType: 'weak' }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        event_info: {
          name: 'event_info',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        event_type: {
          name: 'event_type',
          type: { key: { type: 'string', enum: ['empty_lb_backends'] }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        seq_num: {
          name: 'seq_num',
          type: { key: { type: 'integer' }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
      },
      isRoot: true,
      indexes: [],
    },
    DHCP_Options: {
      name: 'DHCP_Options',
      columns: {
        code: {
          name: 'code',
          type: { key: { type: 'integer', minInteger: 0, maxInteger: 254 }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        name: { name: 'name', type: { key: { type: 'string' }, min: 1, max: 1 }, ephemeral: false, mutable: true },
        type: {
          name: 'type',
          type: {
            key: {
              type: 'string',
              enum: ['bool', 'uint8', 'uint16', 'uint32', 'ipv4', 'static_routes', 'str', 'host_id', 'domains'],
            },
            min: 1,
            max: 1,
          },
          ephemeral: false,
          mutable: true,
        },
      },
      isRoot: true,
      indexes: [],
    },
    DHCPv6_Options: {
      name: 'DHCPv6_Options',
      columns: {
        code: {
          name: 'code',
          type: { key: { type: 'integer', minInteger: 0, maxInteger: 254 }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        name: { name: 'name', type: { key: { type: 'string' }, min: 1, max: 1 }, ephemeral: false, mutable: true },
        type: {
          name: 'type',
          type: { key: { type: 'string', enum: ['ipv6', 'str', 'mac'] }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
      },
      isRoot: true,
      indexes: [],
    },
    DNS: {
      name: 'DNS',
      columns: {
        datapaths: {
          name: 'datapaths',
          type: { key: { type: 'uuid', refTable: 'Datapath_Binding', refType: 'strong' }, min: 1, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        external_ids: {
          name: 'external_ids',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        records: {
          name: 'records',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
      },
      isRoot: true,
      indexes: [],
    },
    Datapath_Binding: {
      name: 'Datapath_Binding',
      columns: {
        external_ids: {
          name: 'external_ids',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        load_balancers: {
          name: 'load_balancers',
          type: { key: { type: 'uuid' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        tunnel_key: {
          name: 'tunnel_key',
          type: { key: { type: 'integer', minInteger: 1, maxInteger: 16777215 }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
      },
      isRoot: true,
      indexes: [['tunnel_key']],
    },
    Encap: {
      name: 'Encap',
      columns: {
        chassis_name: {
          name: 'chassis_name',
          type: { key: { type: 'string' }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        ip: { name: 'ip', type: { key: { type: 'string' }, min: 1, max: 1 }, ephemeral: false, mutable: true },
        options: {
          name: 'options',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        type: {
          name: 'type',
          type: { key: { type: 'string', enum: ['geneve', 'stt', 'vxlan'] }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
      },
      isRoot: false,
      indexes: [['type', 'ip']],
    },
    FDB: {
      name: 'FDB',
      columns: {
        dp_key: {
          name: 'dp_key',
          type: { key: { type: 'integer', minInteger: 1, maxInteger: 16777215 }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        mac: { name: 'mac', type: { key: { type: 'string' }, min: 1, max: 1 }, ephemeral: false, mutable: true },
        port_key: {
          name: 'port_key',
          type: { key: { type: 'integer', minInteger: 1, maxInteger: 16777215 }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
      },
      isRoot: true,
      indexes: [['mac', 'dp_key']],
    },
    Gateway_Chassis: {
      name: 'Gateway_Chassis',
      columns: {
        chassis: {
          name: 'chassis',
          type: { key: { type: 'uuid', refTable: 'Chassis', refType: 'weak' }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        external_ids: {
          name: 'external_ids',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        name: { name: 'name', type: { key: { type: 'string' }, min: 1, max: 1 }, ephemeral: false, mutable: true },
        options: {
          name: 'options',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        priority: {
          name: 'priority',
          type: { key: { type: 'integer', minInteger: 0, maxInteger: 32767 }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
      },
      isRoot: false,
      indexes: [['name']],
    },
    HA_Chassis: {
      name: 'HA_Chassis',
      columns: {
        chassis: {
          name: 'chassis',
          type: { key: { type: 'uuid', refTable: 'Chassis', refType: 'weak' }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        external_ids: {
          name: 'external_ids',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        priority: {
          name: 'priority',
          type: { key: { type: 'integer', minInteger: 0, maxInteger: 32767 }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
      },
      isRoot: false,
      indexes: [],
    },
    HA_Chassis_Group: {
      name: 'HA_Chassis_Group',
      columns: {
        external_ids: {
          name: 'external_ids',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        ha_chassis: {
          name: 'ha_chassis',
          type: { key: { type: 'uuid', refTable: 'HA_Chassis', refType: 'strong' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        name: { name: 'name', type: { key: { type: 'string' }, min: 1, max: 1 }, ephemeral: false, mutable: true },
        ref_chassis: {
          name: 'ref_chassis',
          type: { key: { type: 'uuid', refTable: 'Chassis', refType: 'weak' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
      },
      isRoot: true,
      indexes: [['name']],
    },
    IGMP_Group: {
      name: 'IGMP_Group',
      columns: {
        address: {
          name: 'address',
          type: { key: { type: 'string' }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        chassis: {
          name: 'chassis',
          type: { key: { type: 'uuid', refTable: 'Chassis', refType: 'weak' }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        datapath: {
          name: 'datapath',
          type: { key: { type: 'uuid', refTable: 'Datapath_Binding', refType: 'weak' }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        ports: {
          name: 'ports',
          type: { key: { type: 'uuid', refTable: 'Port_Binding', refType: 'weak' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
      },
      isRoot: true,
      indexes: [['address', 'datapath', 'chassis']],
    },
    IP_Multicast: {
      name: 'IP_Multicast',
      columns: {
        datapath: {
          name: 'datapath',
          type: { key: { type: 'uuid', refTable: 'Datapath_Binding', refType: 'weak' }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        enabled: {
          name: 'enabled',
          type: { key: { type: 'boolean' }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        eth_src: {
          name: 'eth_src',
          type: { key: { type: 'string' }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        idle_timeout: {
          name: 'idle_timeout',
          type: { key: { type: 'integer' }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        ip4_src: {
          name: 'ip4_src',
          type: { key: { type: 'string' }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        ip6_src: {
          name: 'ip6_src',
          type: { key: { type: 'string' }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        querier: {
          name: 'querier',
          type: { key: { type: 'boolean' }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        query_interval: {
          name: 'query_interval',
          type: { key: { type: 'integer' }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        query_max_resp: {
          name: 'query_max_resp',
          type: { key: { type: 'integer' }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        seq_no: { name: 'seq_no', type: { key: { type: 'integer' }, min: 1, max: 1 }, ephemeral: false, mutable: true },
        table_size: {
          name: 'table_size',
          type: { key: { type: 'integer' }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
      },
      isRoot: true,
      indexes: [['datapath']],
    },
    Load_Balancer: {
      name: 'Load_Balancer',
      columns: {
        datapath_group: {
          name: 'datapath_group',
          type: { key: { type: 'uuid', refTable: 'Logical_DP_Group', refType: 'strong' }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        datapaths: {
          name: 'datapaths',
          type: { key: { type: 'uuid', refTable: 'Datapath_Binding', refType: 'strong' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        external_ids: {
          name: 'external_ids',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        name: { name: 'name', type: { key: { type: 'string' }, min: 1, max: 1 }, ephemeral: false, mutable: true },
        options: {
          name: 'options',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        protocol: {
          name: 'protocol',
          type: { key: { type: 'string', enum: ['tcp', 'udp', 'sctp'] }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        vips: {
          name: 'vips',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
      },
      isRoot: true,
      indexes: [],
    },
    Logical_DP_Group: {
      name: 'Logical_DP_Group',
      columns: {
        datapaths: {
          name: 'datapaths',
          type: { key: { type: 'uuid', refTable: 'Datapath_Binding', refType: 'weak' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
      },
      isRoot: false,
      indexes: [],
    },
    Logical_Flow: {
      name: 'Logical_Flow',
      columns: {
        actions: {
          name: 'actions',
          type: { key: { type: 'string' }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        controller_meter: {
          name: 'controller_meter',
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
        logical_datapath: {
          name: 'logical_datapath',
          type: { key: { type: 'uuid', refTable: 'Datapath_Binding', refType: 'strong' }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        logical_dp_group: {
          name: 'logical_dp_group',
          type: { key: { type: 'uuid', refTable: 'Logical_DP_Group', refType: 'strong' }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        match: { name: 'match', type: { key: { type: 'string' }, min: 1, max: 1 }, ephemeral: false, mutable: true },
        pipeline: {
          name: 'pipeline',
          type: { key: { type: 'string', enum: ['ingress', 'egress'] }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        priority: {
          name: 'priority',
          type: { key: { type: 'integer', minInteger: 0, maxInteger: 65535 }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        table_id: {
          name: 'table_id',
          type: { key: { type: 'integer', minInteger: 0, maxInteger: 32 }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        tags: {
          name: 'tags',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
      },
      isRoot: true,
      indexes: [],
    },
    MAC_Binding: {
      name: 'MAC_Binding',
      columns: {
        datapath: {
          name: 'datapath',
          type: { key: { type: 'uuid', refTable: 'Datapath_Binding', refType: 'strong' }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        ip: { name: 'ip', type: { key: { type: 'string' }, min: 1, max: 1 }, ephemeral: false, mutable: true },
        logical_port: {
          name: 'logical_port',
          type: { key: { type: 'string' }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        mac: { name: 'mac', type: { key: { type: 'string' }, min: 1, max: 1 }, ephemeral: false, mutable: true },
        timestamp: {
          name: 'timestamp',
          type: { key: { type: 'integer' }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
      },
      isRoot: true,
      indexes: [['logical_port', 'ip']],
    },
    Meter: {
      name: 'Meter',
      columns: {
        bands: {
          name: 'bands',
          type: { key: { type: 'uuid', refTable: 'Meter_Band', refType: 'strong' }, min: 1, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        name: { name: 'name', type: { key: { type: 'string' }, min: 1, max: 1 }, ephemeral: false, mutable: true },
        unit: {
          name: 'unit',
          type: { key: { type: 'string', enum: ['kbps', 'pktps'] }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
      },
      isRoot: true,
      indexes: [['name']],
    },
    Meter_Band: {
      name: 'Meter_Band',
      columns: {
        action: {
          name: 'action',
          type: { key: { type: 'string', enum: ['drop'] }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        burst_size: {
          name: 'burst_size',
          type: { key: { type: 'integer', minInteger: 0, maxInteger: 4294967295 }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        rate: {
          name: 'rate',
          type: { key: { type: 'integer', minInteger: 1, maxInteger: 4294967295 }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
      },
      isRoot: false,
      indexes: [],
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
        filter: {
          name: 'filter',
          type: { key: { type: 'string', enum: ['from-lport', 'to-lport'] }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        index: { name: 'index', type: { key: { type: 'integer' }, min: 1, max: 1 }, ephemeral: false, mutable: true },
        name: { name: 'name', type: { key: { type: 'string' }, min: 1, max: 1 }, ephemeral: false, mutable: true },
        sink: { name: 'sink', type: { key: { type: 'string' }, min: 1, max: 1 }, ephemeral: false, mutable: true },
        type: {
          name: 'type',
          type: { key: { type: 'string', enum: ['gre', 'erspan'] }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
      },
      isRoot: true,
      indexes: [['name']],
    },
    Multicast_Group: {
      name: 'Multicast_Group',
      columns: {
        datapath: {
          name: 'datapath',
          type: { key: { type: 'uuid', refTable: 'Datapath_Binding', refType: 'strong' }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        name: { name: 'name', type: { key: { type: 'string' }, min: 1, max: 1 }, ephemeral: false, mutable: true },
        ports: {
          name: 'ports',
          type: { key: { type: 'uuid', refTable: 'Port_Binding', refType: 'weak' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        tunnel_key: {
          name: 'tunnel_key',
          type: { key: { type: 'integer', minInteger: 32768, maxInteger: 65535 }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
      },
      isRoot: true,
      indexes: [['datapath', 'tunnel_key'], ['datapath', 'name']],
    },
    Port_Binding: {
      name: 'Port_Binding',
      columns: {
        additional_chassis: {
          name: 'additional_chassis',
          type: { key: { type: 'uuid', refTable: 'Chassis', refType: 'weak' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        additional_encap: {
          name: 'additional_encap',
          type: { key: { type: 'uuid', refTable: 'Encap', refType: 'weak' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        chassis: {
          name: 'chassis',
          type: { key: { type: 'uuid', refTable: 'Chassis', refType: 'weak' }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        datapath: {
          name: 'datapath',
          type: { key: { type: 'uuid', refTable: 'Datapath_Binding', refType: 'strong' }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        encap: {
          name: 'encap',
          type: { key: { type: 'uuid', refTable: 'Encap', refType: 'weak' }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        external_ids: {
          name: 'external_ids',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        gateway_chassis: {
          name: 'gateway_chassis',
          type: { key: { type: 'uuid', refTable: 'Gateway_Chassis', refType: 'strong' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        ha_chassis_group: {
          name: 'ha_chassis_group',
          type: { key: { type: 'uuid', refTable: 'HA_Chassis_Group', refType: 'strong' }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        logical_port: {
          name: 'logical_port',
          type: { key: { type: 'string' }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        mac: {
          name: 'mac',
          type: { key: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        mirror_rules: {
          name: 'mirror_rules',
          type: { key: { type: 'uuid', refTable: 'Mirror', refType: 'weak' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        nat_addresses: {
          name: 'nat_addresses',
          type: { key: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        options: {
          name: 'options',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        parent_port: {
          name: 'parent_port',
          type: { key: { type: 'string' }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        port_security: {
          name: 'port_security',
          type: { key: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        requested_additional_chassis: {
          name: 'requested_additional_chassis',
          type: { key: { type: 'uuid', refTable: 'Chassis', refType: 'weak' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        requested_chassis: {
          name: 'requested_chassis',
          type: { key: { type: 'uuid', refTable: 'Chassis', refType: 'weak' }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        tag: {
          name: 'tag',
          type: { key: { type: 'integer', minInteger: 1, maxInteger: 4095 }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        tunnel_key: {
          name: 'tunnel_key',
          type: { key: { type: 'integer', minInteger: 1, maxInteger: 32767 }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        type: { name: 'type', type: { key: { type: 'string' }, min: 1, max: 1 }, ephemeral: false, mutable: true },
        up: { name: 'up', type: { key: { type: 'boolean' }, min: 0, max: 1 }, ephemeral: false, mutable: true },
        virtual_parent: {
          name: 'virtual_parent',
          type: { key: { type: 'string' }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
      },
      isRoot: true,
      indexes: [['datapath', 'tunnel_key'], ['logical_port']],
    },
    Port_Group: {
      name: 'Port_Group',
      columns: {
        name: { name: 'name', type: { key: { type: 'string' }, min: 1, max: 1 }, ephemeral: false, mutable: true },
        ports: {
          name: 'ports',
          type: { key: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
      },
      isRoot: true,
      indexes: [['name']],
    },
    RBAC_Permission: {
      name: 'RBAC_Permission',
      columns: {
        authorization: {
          name: 'authorization',
          type: { key: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        insert_delete: {
          name: 'insert_delete',
          type: { key: { type: 'boolean' }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        table: { name: 'table', type: { key: { type: 'string' }, min: 1, max: 1 }, ephemeral: false, mutable: true },
        update: {
          name: 'update',
          type: { key: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
      },
      isRoot: true,
      indexes: [],
    },
    RBAC_Role: {
      name: 'RBAC_Role',
      columns: {
        name: { name: 'name', type: { key: { type: 'string' }, min: 1, max: 1 }, ephemeral: false, mutable: true },
        permissions: {
          name: 'permissions',
          type: {
            key: { type: 'string' },
            value: { type: 'uuid', refTable: 'RBAC_Permission', refType: 'weak' },
            min: 0,
            max: 'unlimited',
          },
          ephemeral: false,
          mutable: true,
        },
      },
      isRoot: true,
      indexes: [],
    },
    SB_Global: {
      name: 'SB_Global',
      columns: {
        connections: {
          name: 'connections',
          type: { key: { type: 'uuid', refTable: 'Connection', refType: 'strong' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        external_ids: {
          name: 'external_ids',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        ipsec: { name: 'ipsec', type: { key: { type: 'boolean' }, min: 1, max: 1 }, ephemeral: false, mutable: true },
        nb_cfg: { name: 'nb_cfg', type: { key: { type: 'integer' }, min: 1, max: 1 }, ephemeral: false, mutable: true },
        options: {
          name: 'options',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        ssl: {
          name: 'ssl',
          type: { key: { type: 'uuid', refTable: 'SSL', refType: 'strong' }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
      },
      maxRows: 1,
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
        ssl_ciphers: {
          name: 'ssl_ciphers',
          type: { key: { type: 'string' }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        ssl_protocols: {
          name: 'ssl_protocols',
          type: { key: { type: 'string' }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
      },
      maxRows: 1,
      isRoot: false,
      indexes: [],
    },
    Service_Monitor: {
      name: 'Service_Monitor',
      columns: {
        external_ids: {
          name: 'external_ids',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        ip: { name: 'ip', type: { key: { type: 'string' }, min: 1, max: 1 }, ephemeral: false, mutable: true },
        logical_port: {
          name: 'logical_port',
          type: { key: { type: 'string' }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        options: {
          name: 'options',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        port: {
          name: 'port',
          type: { key: { type: 'integer', minInteger: 0, maxInteger: 65535 }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        protocol: {
          name: 'protocol',
          type: { key: { type: 'string', enum: ['tcp', 'udp'] }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        src_ip: { name: 'src_ip', type: { key: { type: 'string' }, min: 1, max: 1 }, ephemeral: false, mutable: true },
        src_mac: {
          name: 'src_mac',
          type: { key: { type: 'string' }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        status: {
          name: 'status',
          type: { key: { type: 'string', enum: ['online', 'offline', 'error'] }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
      },
      isRoot: true,
      indexes: [['logical_port', 'ip', 'port', 'protocol']],
    },
    Static_MAC_Binding: {
      name: 'Static_MAC_Binding',
      columns: {
        datapath: {
          name: 'datapath',
          type: { key: { type: 'uuid', refTable: 'Datapath_Binding', refType: 'strong' }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        ip: { name: 'ip', type: { key: { type: 'string' }, min: 1, max: 1 }, ephemeral: false, mutable: true },
        logical_port: {
          name: 'logical_port',
          type: { key: { type: 'string' }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        mac: { name: 'mac', type: { key: { type: 'string' }, min: 1, max: 1 }, ephemeral: false, mutable: true },
        override_dynamic_mac: {
          name: 'override_dynamic_mac',
          type: { key: { type: 'boolean' }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
      },
      isRoot: true,
      indexes: [['logical_port', 'ip']],
    },
  },
} as const satisfies DatabaseSchema;

/** The OVN_Southbound model: pass it to `transaction()` for typed operations. */
export const ovnSouthboundModel: DatabaseModel<OVNSouthboundTables> = { schema: ovnSouthboundSchema };
