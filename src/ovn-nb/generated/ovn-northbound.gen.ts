// generated — do not edit. Produced by ovsdb-codegen from the OVN_Northbound schema, version 7.0.0 (cksum 94023179 33468).
// Regenerate with `ovsdb-codegen <schema.ovsschema> -o <dir>`.
/* eslint-disable */
import type { DatabaseModel, DatabaseSchema, Ref, Uuid } from '../../ovsdb/typed/index.js';

// ---- ACL ---------------------------------------------------------------------------------------------

/** A row of `ACL` as read from the server; non-root table (garbage-collected when unreferenced). */
export interface ACLRow {
  readonly _uuid: Uuid<'ACL'>;
  readonly _version: string;
  /** string */
  readonly action: 'allow' | 'allow-related' | 'allow-stateless' | 'drop' | 'reject';
  /** string */
  readonly direction: 'from-lport' | 'to-lport';
  /** map string → string */
  readonly external_ids: Readonly<Record<string, string>>;
  /** integer 0..4294967295 */
  readonly label: number;
  /** boolean */
  readonly log: boolean;
  /** string */
  readonly match: string;
  /** optional string */
  readonly meter: string | undefined;
  /** optional string length 0..63 */
  readonly name: string | undefined;
  /** map string → string */
  readonly options: Readonly<Record<string, string>>;
  /** integer 0..32767 */
  readonly priority: number;
  /** optional string */
  readonly severity: 'alert' | 'warning' | 'notice' | 'info' | 'debug' | undefined;
}

/** Columns of a new `ACL` row; an omitted column takes its default (required: columns whose default the server would refuse). */
export interface ACLInsert {
  readonly action: 'allow' | 'allow-related' | 'allow-stateless' | 'drop' | 'reject';
  readonly direction: 'from-lport' | 'to-lport';
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly label?: number;
  readonly log?: boolean;
  readonly match?: string;
  readonly meter?: string | undefined;
  readonly name?: string | undefined;
  readonly options?: Readonly<Record<string, string>>;
  readonly priority?: number;
  readonly severity?: 'alert' | 'warning' | 'notice' | 'info' | 'debug' | undefined;
}

/** Columns an `update` of `ACL` may set (immutable columns are not here). */
export interface ACLUpdate {
  readonly action?: 'allow' | 'allow-related' | 'allow-stateless' | 'drop' | 'reject';
  readonly direction?: 'from-lport' | 'to-lport';
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly label?: number;
  readonly log?: boolean;
  readonly match?: string;
  readonly meter?: string | undefined;
  readonly name?: string | undefined;
  readonly options?: Readonly<Record<string, string>>;
  readonly priority?: number;
  readonly severity?: 'alert' | 'warning' | 'notice' | 'info' | 'debug' | undefined;
}

/** Conditions on `ACL` (RFC 7047 §5.1), restricted by column kind. */
export type ACLCondition =
  | readonly ['_uuid', '==' | '!=', Ref<'ACL'>]
  | readonly ['_version', '==' | '!=', string]
  | readonly ['action', '==' | '!=', 'allow' | 'allow-related' | 'allow-stateless' | 'drop' | 'reject']
  | readonly ['direction', '==' | '!=', 'from-lport' | 'to-lport']
  | readonly ['external_ids', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['label', '==' | '!=' | '<' | '<=' | '>' | '>=', number]
  | readonly ['log', '==' | '!=', boolean]
  | readonly ['match', '==' | '!=', string]
  | readonly ['meter', '==' | '!=' | 'includes' | 'excludes', string | undefined]
  | readonly ['name', '==' | '!=' | 'includes' | 'excludes', string | undefined]
  | readonly ['options', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['priority', '==' | '!=' | '<' | '<=' | '>' | '>=', number]
  | readonly ['severity', '==' | '!=' | 'includes' | 'excludes', 'alert' | 'warning' | 'notice' | 'info' | 'debug' | undefined];

/** Mutations of `ACL` (RFC 7047 §5.1), restricted by column kind; immutable columns excluded. */
export type ACLMutation =
  | readonly ['external_ids', 'insert', Readonly<Record<string, string>>]
  | readonly ['external_ids', 'delete', Readonly<Record<string, string>> | readonly string[]]
  | readonly ['label', '+=' | '-=' | '*=' | '/=' | '%=', number]
  | readonly ['meter', 'insert' | 'delete', readonly string[]]
  | readonly ['name', 'insert' | 'delete', readonly string[]]
  | readonly ['options', 'insert', Readonly<Record<string, string>>]
  | readonly ['options', 'delete', Readonly<Record<string, string>> | readonly string[]]
  | readonly ['priority', '+=' | '-=' | '*=' | '/=' | '%=', number]
  | readonly ['severity', 'insert' | 'delete', readonly ('alert' | 'warning' | 'notice' | 'info' | 'debug')[]];

// ---- Address_Set -------------------------------------------------------------------------------------

/** A row of `Address_Set` as read from the server; root table; indexes: (name). */
export interface AddressSetRow {
  readonly _uuid: Uuid<'Address_Set'>;
  readonly _version: string;
  /** set of 0..∞ string */
  readonly addresses: readonly string[];
  /** map string → string */
  readonly external_ids: Readonly<Record<string, string>>;
  /** string */
  readonly name: string;
}

/** Columns of a new `Address_Set` row; an omitted column takes its default (required: columns whose default the server would refuse). */
export interface AddressSetInsert {
  readonly addresses?: readonly string[];
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly name?: string;
}

/** Columns an `update` of `Address_Set` may set (immutable columns are not here). */
export interface AddressSetUpdate {
  readonly addresses?: readonly string[];
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly name?: string;
}

/** Conditions on `Address_Set` (RFC 7047 §5.1), restricted by column kind. */
export type AddressSetCondition =
  | readonly ['_uuid', '==' | '!=', Ref<'Address_Set'>]
  | readonly ['_version', '==' | '!=', string]
  | readonly ['addresses', '==' | '!=' | 'includes' | 'excludes', readonly string[]]
  | readonly ['external_ids', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['name', '==' | '!=', string];

/** Mutations of `Address_Set` (RFC 7047 §5.1), restricted by column kind; immutable columns excluded. */
export type AddressSetMutation =
  | readonly ['addresses', 'insert' | 'delete', readonly string[]]
  | readonly ['external_ids', 'insert', Readonly<Record<string, string>>]
  | readonly ['external_ids', 'delete', Readonly<Record<string, string>> | readonly string[]];

// ---- BFD ---------------------------------------------------------------------------------------------

/** A row of `BFD` as read from the server; root table; indexes: (logical_port, dst_ip). */
export interface BFDRow {
  readonly _uuid: Uuid<'BFD'>;
  readonly _version: string;
  /** optional integer 1..∞ */
  readonly detect_mult: number | undefined;
  /** string */
  readonly dst_ip: string;
  /** map string → string */
  readonly external_ids: Readonly<Record<string, string>>;
  /** string */
  readonly logical_port: string;
  /** optional integer */
  readonly min_rx: number | undefined;
  /** optional integer 1..∞ */
  readonly min_tx: number | undefined;
  /** map string → string */
  readonly options: Readonly<Record<string, string>>;
  /** optional string */
  readonly status: 'down' | 'init' | 'up' | 'admin_down' | undefined;
}

/** Columns of a new `BFD` row; an omitted column takes its default (required: columns whose default the server would refuse). */
export interface BFDInsert {
  readonly detect_mult?: number | undefined;
  readonly dst_ip?: string;
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly logical_port?: string;
  readonly min_rx?: number | undefined;
  readonly min_tx?: number | undefined;
  readonly options?: Readonly<Record<string, string>>;
  readonly status?: 'down' | 'init' | 'up' | 'admin_down' | undefined;
}

/** Columns an `update` of `BFD` may set (immutable columns are not here). */
export interface BFDUpdate {
  readonly detect_mult?: number | undefined;
  readonly dst_ip?: string;
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly logical_port?: string;
  readonly min_rx?: number | undefined;
  readonly min_tx?: number | undefined;
  readonly options?: Readonly<Record<string, string>>;
  readonly status?: 'down' | 'init' | 'up' | 'admin_down' | undefined;
}

/** Conditions on `BFD` (RFC 7047 §5.1), restricted by column kind. */
export type BFDCondition =
  | readonly ['_uuid', '==' | '!=', Ref<'BFD'>]
  | readonly ['_version', '==' | '!=', string]
  | readonly ['detect_mult', '==' | '!=' | 'includes' | 'excludes', number | undefined]
  | readonly ['detect_mult', '<' | '<=' | '>' | '>=', number]
  | readonly ['dst_ip', '==' | '!=', string]
  | readonly ['external_ids', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['logical_port', '==' | '!=', string]
  | readonly ['min_rx', '==' | '!=' | 'includes' | 'excludes', number | undefined]
  | readonly ['min_rx', '<' | '<=' | '>' | '>=', number]
  | readonly ['min_tx', '==' | '!=' | 'includes' | 'excludes', number | undefined]
  | readonly ['min_tx', '<' | '<=' | '>' | '>=', number]
  | readonly ['options', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['status', '==' | '!=' | 'includes' | 'excludes', 'down' | 'init' | 'up' | 'admin_down' | undefined];

/** Mutations of `BFD` (RFC 7047 §5.1), restricted by column kind; immutable columns excluded. */
export type BFDMutation =
  | readonly ['detect_mult', '+=' | '-=' | '*=' | '/=' | '%=', number]
  | readonly ['detect_mult', 'insert' | 'delete', readonly number[]]
  | readonly ['external_ids', 'insert', Readonly<Record<string, string>>]
  | readonly ['external_ids', 'delete', Readonly<Record<string, string>> | readonly string[]]
  | readonly ['min_rx', '+=' | '-=' | '*=' | '/=' | '%=', number]
  | readonly ['min_rx', 'insert' | 'delete', readonly number[]]
  | readonly ['min_tx', '+=' | '-=' | '*=' | '/=' | '%=', number]
  | readonly ['min_tx', 'insert' | 'delete', readonly number[]]
  | readonly ['options', 'insert', Readonly<Record<string, string>>]
  | readonly ['options', 'delete', Readonly<Record<string, string>> | readonly string[]]
  | readonly ['status', 'insert' | 'delete', readonly ('down' | 'init' | 'up' | 'admin_down')[]];

// ---- Chassis_Template_Var ----------------------------------------------------------------------------

/** A row of `Chassis_Template_Var` as read from the server; root table; indexes: (chassis). */
export interface ChassisTemplateVarRow {
  readonly _uuid: Uuid<'Chassis_Template_Var'>;
  readonly _version: string;
  /** string */
  readonly chassis: string;
  /** map string → string */
  readonly external_ids: Readonly<Record<string, string>>;
  /** map string → string */
  readonly variables: Readonly<Record<string, string>>;
}

/** Columns of a new `Chassis_Template_Var` row; an omitted column takes its default (required: columns whose default the server would refuse). */
export interface ChassisTemplateVarInsert {
  readonly chassis?: string;
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly variables?: Readonly<Record<string, string>>;
}

/** Columns an `update` of `Chassis_Template_Var` may set (immutable columns are not here). */
export interface ChassisTemplateVarUpdate {
  readonly chassis?: string;
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly variables?: Readonly<Record<string, string>>;
}

/** Conditions on `Chassis_Template_Var` (RFC 7047 §5.1), restricted by column kind. */
export type ChassisTemplateVarCondition =
  | readonly ['_uuid', '==' | '!=', Ref<'Chassis_Template_Var'>]
  | readonly ['_version', '==' | '!=', string]
  | readonly ['chassis', '==' | '!=', string]
  | readonly ['external_ids', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['variables', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>];

/** Mutations of `Chassis_Template_Var` (RFC 7047 §5.1), restricted by column kind; immutable columns excluded. */
export type ChassisTemplateVarMutation =
  | readonly ['external_ids', 'insert', Readonly<Record<string, string>>]
  | readonly ['external_ids', 'delete', Readonly<Record<string, string>> | readonly string[]]
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

// ---- Copp --------------------------------------------------------------------------------------------

/** A row of `Copp` as read from the server; root table; indexes: (name). */
export interface CoppRow {
  readonly _uuid: Uuid<'Copp'>;
  readonly _version: string;
  /** map string → string */
  readonly external_ids: Readonly<Record<string, string>>;
  /** map string → string */
  readonly meters: Readonly<Record<string, string>>;
  /** string */
  readonly name: string;
}

/** Columns of a new `Copp` row; an omitted column takes its default (required: columns whose default the server would refuse). */
export interface CoppInsert {
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly meters?: Readonly<Record<string, string>>;
  readonly name?: string;
}

/** Columns an `update` of `Copp` may set (immutable columns are not here). */
export interface CoppUpdate {
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly meters?: Readonly<Record<string, string>>;
  readonly name?: string;
}

/** Conditions on `Copp` (RFC 7047 §5.1), restricted by column kind. */
export type CoppCondition =
  | readonly ['_uuid', '==' | '!=', Ref<'Copp'>]
  | readonly ['_version', '==' | '!=', string]
  | readonly ['external_ids', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['meters', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['name', '==' | '!=', string];

/** Mutations of `Copp` (RFC 7047 §5.1), restricted by column kind; immutable columns excluded. */
export type CoppMutation =
  | readonly ['external_ids', 'insert', Readonly<Record<string, string>>]
  | readonly ['external_ids', 'delete', Readonly<Record<string, string>> | readonly string[]]
  | readonly ['meters', 'insert', Readonly<Record<string, string>>]
  | readonly ['meters', 'delete', Readonly<Record<string, string>> | readonly string[]];

// ---- DHCP_Options ------------------------------------------------------------------------------------

/** A row of `DHCP_Options` as read from the server; root table. */
export interface DHCPOptionsRow {
  readonly _uuid: Uuid<'DHCP_Options'>;
  readonly _version: string;
  /** string */
  readonly cidr: string;
  /** map string → string */
  readonly external_ids: Readonly<Record<string, string>>;
  /** map string → string */
  readonly options: Readonly<Record<string, string>>;
}

/** Columns of a new `DHCP_Options` row; an omitted column takes its default (required: columns whose default the server would refuse). */
export interface DHCPOptionsInsert {
  readonly cidr?: string;
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly options?: Readonly<Record<string, string>>;
}

/** Columns an `update` of `DHCP_Options` may set (immutable columns are not here). */
export interface DHCPOptionsUpdate {
  readonly cidr?: string;
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly options?: Readonly<Record<string, string>>;
}

/** Conditions on `DHCP_Options` (RFC 7047 §5.1), restricted by column kind. */
export type DHCPOptionsCondition =
  | readonly ['_uuid', '==' | '!=', Ref<'DHCP_Options'>]
  | readonly ['_version', '==' | '!=', string]
  | readonly ['cidr', '==' | '!=', string]
  | readonly ['external_ids', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['options', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>];

/** Mutations of `DHCP_Options` (RFC 7047 §5.1), restricted by column kind; immutable columns excluded. */
export type DHCPOptionsMutation =
  | readonly ['external_ids', 'insert', Readonly<Record<string, string>>]
  | readonly ['external_ids', 'delete', Readonly<Record<string, string>> | readonly string[]]
  | readonly ['options', 'insert', Readonly<Record<string, string>>]
  | readonly ['options', 'delete', Readonly<Record<string, string>> | readonly string[]];

// ---- DNS ---------------------------------------------------------------------------------------------

/** A row of `DNS` as read from the server; root table. */
export interface DNSRow {
  readonly _uuid: Uuid<'DNS'>;
  readonly _version: string;
  /** map string → string */
  readonly external_ids: Readonly<Record<string, string>>;
  /** map string → string */
  readonly records: Readonly<Record<string, string>>;
}

/** Columns of a new `DNS` row; an omitted column takes its default (required: columns whose default the server would refuse). */
export interface DNSInsert {
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly records?: Readonly<Record<string, string>>;
}

/** Columns an `update` of `DNS` may set (immutable columns are not here). */
export interface DNSUpdate {
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly records?: Readonly<Record<string, string>>;
}

/** Conditions on `DNS` (RFC 7047 §5.1), restricted by column kind. */
export type DNSCondition =
  | readonly ['_uuid', '==' | '!=', Ref<'DNS'>]
  | readonly ['_version', '==' | '!=', string]
  | readonly ['external_ids', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['records', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>];

/** Mutations of `DNS` (RFC 7047 §5.1), restricted by column kind; immutable columns excluded. */
export type DNSMutation =
  | readonly ['external_ids', 'insert', Readonly<Record<string, string>>]
  | readonly ['external_ids', 'delete', Readonly<Record<string, string>> | readonly string[]]
  | readonly ['records', 'insert', Readonly<Record<string, string>>]
  | readonly ['records', 'delete', Readonly<Record<string, string>> | readonly string[]];

// ---- Forwarding_Group --------------------------------------------------------------------------------

/** A row of `Forwarding_Group` as read from the server; non-root table (garbage-collected when unreferenced). */
export interface ForwardingGroupRow {
  readonly _uuid: Uuid<'Forwarding_Group'>;
  readonly _version: string;
  /** set of 1..∞ string */
  readonly child_port: readonly string[];
  /** map string → string */
  readonly external_ids: Readonly<Record<string, string>>;
  /** boolean */
  readonly liveness: boolean;
  /** string */
  readonly name: string;
  /** string */
  readonly vip: string;
  /** string */
  readonly vmac: string;
}

/** Columns of a new `Forwarding_Group` row; an omitted column takes its default (required: columns whose default the server would refuse). */
export interface ForwardingGroupInsert {
  readonly child_port?: readonly string[];
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly liveness?: boolean;
  readonly name?: string;
  readonly vip?: string;
  readonly vmac?: string;
}

/** Columns an `update` of `Forwarding_Group` may set (immutable columns are not here). */
export interface ForwardingGroupUpdate {
  readonly child_port?: readonly string[];
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly liveness?: boolean;
  readonly name?: string;
  readonly vip?: string;
  readonly vmac?: string;
}

/** Conditions on `Forwarding_Group` (RFC 7047 §5.1), restricted by column kind. */
export type ForwardingGroupCondition =
  | readonly ['_uuid', '==' | '!=', Ref<'Forwarding_Group'>]
  | readonly ['_version', '==' | '!=', string]
  | readonly ['child_port', '==' | '!=' | 'includes' | 'excludes', readonly string[]]
  | readonly ['external_ids', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['liveness', '==' | '!=', boolean]
  | readonly ['name', '==' | '!=', string]
  | readonly ['vip', '==' | '!=', string]
  | readonly ['vmac', '==' | '!=', string];

/** Mutations of `Forwarding_Group` (RFC 7047 §5.1), restricted by column kind; immutable columns excluded. */
export type ForwardingGroupMutation =
  | readonly ['child_port', 'insert' | 'delete', readonly string[]]
  | readonly ['external_ids', 'insert', Readonly<Record<string, string>>]
  | readonly ['external_ids', 'delete', Readonly<Record<string, string>> | readonly string[]];

// ---- Gateway_Chassis ---------------------------------------------------------------------------------

/** A row of `Gateway_Chassis` as read from the server; non-root table (garbage-collected when unreferenced); indexes: (name). */
export interface GatewayChassisRow {
  readonly _uuid: Uuid<'Gateway_Chassis'>;
  readonly _version: string;
  /** string */
  readonly chassis_name: string;
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
  readonly chassis_name?: string;
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly name?: string;
  readonly options?: Readonly<Record<string, string>>;
  readonly priority?: number;
}

/** Columns an `update` of `Gateway_Chassis` may set (immutable columns are not here). */
export interface GatewayChassisUpdate {
  readonly chassis_name?: string;
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly name?: string;
  readonly options?: Readonly<Record<string, string>>;
  readonly priority?: number;
}

/** Conditions on `Gateway_Chassis` (RFC 7047 §5.1), restricted by column kind. */
export type GatewayChassisCondition =
  | readonly ['_uuid', '==' | '!=', Ref<'Gateway_Chassis'>]
  | readonly ['_version', '==' | '!=', string]
  | readonly ['chassis_name', '==' | '!=', string]
  | readonly ['external_ids', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['name', '==' | '!=', string]
  | readonly ['options', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['priority', '==' | '!=' | '<' | '<=' | '>' | '>=', number];

/** Mutations of `Gateway_Chassis` (RFC 7047 §5.1), restricted by column kind; immutable columns excluded. */
export type GatewayChassisMutation =
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
  /** string */
  readonly chassis_name: string;
  /** map string → string */
  readonly external_ids: Readonly<Record<string, string>>;
  /** integer 0..32767 */
  readonly priority: number;
}

/** Columns of a new `HA_Chassis` row; an omitted column takes its default (required: columns whose default the server would refuse). */
export interface HAChassisInsert {
  readonly chassis_name?: string;
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly priority?: number;
}

/** Columns an `update` of `HA_Chassis` may set (immutable columns are not here). */
export interface HAChassisUpdate {
  readonly chassis_name?: string;
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly priority?: number;
}

/** Conditions on `HA_Chassis` (RFC 7047 §5.1), restricted by column kind. */
export type HAChassisCondition =
  | readonly ['_uuid', '==' | '!=', Ref<'HA_Chassis'>]
  | readonly ['_version', '==' | '!=', string]
  | readonly ['chassis_name', '==' | '!=', string]
  | readonly ['external_ids', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['priority', '==' | '!=' | '<' | '<=' | '>' | '>=', number];

/** Mutations of `HA_Chassis` (RFC 7047 §5.1), restricted by column kind; immutable columns excluded. */
export type HAChassisMutation =
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
}

/** Columns of a new `HA_Chassis_Group` row; an omitted column takes its default (required: columns whose default the server would refuse). */
export interface HAChassisGroupInsert {
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly ha_chassis?: readonly Ref<'HA_Chassis'>[];
  readonly name?: string;
}

/** Columns an `update` of `HA_Chassis_Group` may set (immutable columns are not here). */
export interface HAChassisGroupUpdate {
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly ha_chassis?: readonly Ref<'HA_Chassis'>[];
  readonly name?: string;
}

/** Conditions on `HA_Chassis_Group` (RFC 7047 §5.1), restricted by column kind. */
export type HAChassisGroupCondition =
  | readonly ['_uuid', '==' | '!=', Ref<'HA_Chassis_Group'>]
  | readonly ['_version', '==' | '!=', string]
  | readonly ['external_ids', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['ha_chassis', '==' | '!=' | 'includes' | 'excludes', readonly Ref<'HA_Chassis'>[]]
  | readonly ['name', '==' | '!=', string];

/** Mutations of `HA_Chassis_Group` (RFC 7047 §5.1), restricted by column kind; immutable columns excluded. */
export type HAChassisGroupMutation =
  | readonly ['external_ids', 'insert', Readonly<Record<string, string>>]
  | readonly ['external_ids', 'delete', Readonly<Record<string, string>> | readonly string[]]
  | readonly ['ha_chassis', 'insert' | 'delete', readonly Ref<'HA_Chassis'>[]];

// ---- Load_Balancer -----------------------------------------------------------------------------------

/** A row of `Load_Balancer` as read from the server; root table. */
export interface LoadBalancerRow {
  readonly _uuid: Uuid<'Load_Balancer'>;
  readonly _version: string;
  /** map string → string */
  readonly external_ids: Readonly<Record<string, string>>;
  /** set of 0..∞ strong reference to Load_Balancer_Health_Check */
  readonly health_check: readonly Uuid<'Load_Balancer_Health_Check'>[];
  /** map string → string */
  readonly ip_port_mappings: Readonly<Record<string, string>>;
  /** string */
  readonly name: string;
  /** map string → string */
  readonly options: Readonly<Record<string, string>>;
  /** optional string */
  readonly protocol: 'tcp' | 'udp' | 'sctp' | undefined;
  /** set of 0..∞ string */
  readonly selection_fields: readonly ('eth_src' | 'eth_dst' | 'ip_src' | 'ip_dst' | 'tp_src' | 'tp_dst')[];
  /** map string → string */
  readonly vips: Readonly<Record<string, string>>;
}

/** Columns of a new `Load_Balancer` row; an omitted column takes its default (required: columns whose default the server would refuse). */
export interface LoadBalancerInsert {
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly health_check?: readonly Ref<'Load_Balancer_Health_Check'>[];
  readonly ip_port_mappings?: Readonly<Record<string, string>>;
  readonly name?: string;
  readonly options?: Readonly<Record<string, string>>;
  readonly protocol?: 'tcp' | 'udp' | 'sctp' | undefined;
  readonly selection_fields?: readonly ('eth_src' | 'eth_dst' | 'ip_src' | 'ip_dst' | 'tp_src' | 'tp_dst')[];
  readonly vips?: Readonly<Record<string, string>>;
}

/** Columns an `update` of `Load_Balancer` may set (immutable columns are not here). */
export interface LoadBalancerUpdate {
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly health_check?: readonly Ref<'Load_Balancer_Health_Check'>[];
  readonly ip_port_mappings?: Readonly<Record<string, string>>;
  readonly name?: string;
  readonly options?: Readonly<Record<string, string>>;
  readonly protocol?: 'tcp' | 'udp' | 'sctp' | undefined;
  readonly selection_fields?: readonly ('eth_src' | 'eth_dst' | 'ip_src' | 'ip_dst' | 'tp_src' | 'tp_dst')[];
  readonly vips?: Readonly<Record<string, string>>;
}

/** Conditions on `Load_Balancer` (RFC 7047 §5.1), restricted by column kind. */
export type LoadBalancerCondition =
  | readonly ['_uuid', '==' | '!=', Ref<'Load_Balancer'>]
  | readonly ['_version', '==' | '!=', string]
  | readonly ['external_ids', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['health_check', '==' | '!=' | 'includes' | 'excludes', readonly Ref<'Load_Balancer_Health_Check'>[]]
  | readonly ['ip_port_mappings', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['name', '==' | '!=', string]
  | readonly ['options', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['protocol', '==' | '!=' | 'includes' | 'excludes', 'tcp' | 'udp' | 'sctp' | undefined]
  | readonly ['selection_fields', '==' | '!=' | 'includes' | 'excludes', readonly ('eth_src' | 'eth_dst' | 'ip_src' | 'ip_dst' | 'tp_src' | 'tp_dst')[]]
  | readonly ['vips', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>];

/** Mutations of `Load_Balancer` (RFC 7047 §5.1), restricted by column kind; immutable columns excluded. */
export type LoadBalancerMutation =
  | readonly ['external_ids', 'insert', Readonly<Record<string, string>>]
  | readonly ['external_ids', 'delete', Readonly<Record<string, string>> | readonly string[]]
  | readonly ['health_check', 'insert' | 'delete', readonly Ref<'Load_Balancer_Health_Check'>[]]
  | readonly ['ip_port_mappings', 'insert', Readonly<Record<string, string>>]
  | readonly ['ip_port_mappings', 'delete', Readonly<Record<string, string>> | readonly string[]]
  | readonly ['options', 'insert', Readonly<Record<string, string>>]
  | readonly ['options', 'delete', Readonly<Record<string, string>> | readonly string[]]
  | readonly ['protocol', 'insert' | 'delete', readonly ('tcp' | 'udp' | 'sctp')[]]
  | readonly ['selection_fields', 'insert' | 'delete', readonly ('eth_src' | 'eth_dst' | 'ip_src' | 'ip_dst' | 'tp_src' | 'tp_dst')[]]
  | readonly ['vips', 'insert', Readonly<Record<string, string>>]
  | readonly ['vips', 'delete', Readonly<Record<string, string>> | readonly string[]];

// ---- Load_Balancer_Group -----------------------------------------------------------------------------

/** A row of `Load_Balancer_Group` as read from the server; root table; indexes: (name). */
export interface LoadBalancerGroupRow {
  readonly _uuid: Uuid<'Load_Balancer_Group'>;
  readonly _version: string;
  /** set of 0..∞ weak reference to Load_Balancer */
  readonly load_balancer: readonly Uuid<'Load_Balancer'>[];
  /** string */
  readonly name: string;
}

/** Columns of a new `Load_Balancer_Group` row; an omitted column takes its default (required: columns whose default the server would refuse). */
export interface LoadBalancerGroupInsert {
  readonly load_balancer?: readonly Ref<'Load_Balancer'>[];
  readonly name?: string;
}

/** Columns an `update` of `Load_Balancer_Group` may set (immutable columns are not here). */
export interface LoadBalancerGroupUpdate {
  readonly load_balancer?: readonly Ref<'Load_Balancer'>[];
  readonly name?: string;
}

/** Conditions on `Load_Balancer_Group` (RFC 7047 §5.1), restricted by column kind. */
export type LoadBalancerGroupCondition =
  | readonly ['_uuid', '==' | '!=', Ref<'Load_Balancer_Group'>]
  | readonly ['_version', '==' | '!=', string]
  | readonly ['load_balancer', '==' | '!=' | 'includes' | 'excludes', readonly Ref<'Load_Balancer'>[]]
  | readonly ['name', '==' | '!=', string];

/** Mutations of `Load_Balancer_Group` (RFC 7047 §5.1), restricted by column kind; immutable columns excluded. */
export type LoadBalancerGroupMutation =
  | readonly ['load_balancer', 'insert' | 'delete', readonly Ref<'Load_Balancer'>[]];

// ---- Load_Balancer_Health_Check ----------------------------------------------------------------------

/** A row of `Load_Balancer_Health_Check` as read from the server; non-root table (garbage-collected when unreferenced). */
export interface LoadBalancerHealthCheckRow {
  readonly _uuid: Uuid<'Load_Balancer_Health_Check'>;
  readonly _version: string;
  /** map string → string */
  readonly external_ids: Readonly<Record<string, string>>;
  /** map string → string */
  readonly options: Readonly<Record<string, string>>;
  /** string */
  readonly vip: string;
}

/** Columns of a new `Load_Balancer_Health_Check` row; an omitted column takes its default (required: columns whose default the server would refuse). */
export interface LoadBalancerHealthCheckInsert {
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly options?: Readonly<Record<string, string>>;
  readonly vip?: string;
}

/** Columns an `update` of `Load_Balancer_Health_Check` may set (immutable columns are not here). */
export interface LoadBalancerHealthCheckUpdate {
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly options?: Readonly<Record<string, string>>;
  readonly vip?: string;
}

/** Conditions on `Load_Balancer_Health_Check` (RFC 7047 §5.1), restricted by column kind. */
export type LoadBalancerHealthCheckCondition =
  | readonly ['_uuid', '==' | '!=', Ref<'Load_Balancer_Health_Check'>]
  | readonly ['_version', '==' | '!=', string]
  | readonly ['external_ids', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['options', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['vip', '==' | '!=', string];

/** Mutations of `Load_Balancer_Health_Check` (RFC 7047 §5.1), restricted by column kind; immutable columns excluded. */
export type LoadBalancerHealthCheckMutation =
  | readonly ['external_ids', 'insert', Readonly<Record<string, string>>]
  | readonly ['external_ids', 'delete', Readonly<Record<string, string>> | readonly string[]]
  | readonly ['options', 'insert', Readonly<Record<string, string>>]
  | readonly ['options', 'delete', Readonly<Record<string, string>> | readonly string[]];

// ---- Logical_Router ----------------------------------------------------------------------------------

/** A row of `Logical_Router` as read from the server; root table. */
export interface LogicalRouterRow {
  readonly _uuid: Uuid<'Logical_Router'>;
  readonly _version: string;
  /** optional weak reference to Copp */
  readonly copp: Uuid<'Copp'> | undefined;
  /** optional boolean */
  readonly enabled: boolean | undefined;
  /** map string → string */
  readonly external_ids: Readonly<Record<string, string>>;
  /** set of 0..∞ weak reference to Load_Balancer */
  readonly load_balancer: readonly Uuid<'Load_Balancer'>[];
  /** set of 0..∞ strong reference to Load_Balancer_Group */
  readonly load_balancer_group: readonly Uuid<'Load_Balancer_Group'>[];
  /** string */
  readonly name: string;
  /** set of 0..∞ strong reference to NAT */
  readonly nat: readonly Uuid<'NAT'>[];
  /** map string → string */
  readonly options: Readonly<Record<string, string>>;
  /** set of 0..∞ strong reference to Logical_Router_Policy */
  readonly policies: readonly Uuid<'Logical_Router_Policy'>[];
  /** set of 0..∞ strong reference to Logical_Router_Port */
  readonly ports: readonly Uuid<'Logical_Router_Port'>[];
  /** set of 0..∞ strong reference to Logical_Router_Static_Route */
  readonly static_routes: readonly Uuid<'Logical_Router_Static_Route'>[];
}

/** Columns of a new `Logical_Router` row; an omitted column takes its default (required: columns whose default the server would refuse). */
export interface LogicalRouterInsert {
  readonly copp?: Ref<'Copp'> | undefined;
  readonly enabled?: boolean | undefined;
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly load_balancer?: readonly Ref<'Load_Balancer'>[];
  readonly load_balancer_group?: readonly Ref<'Load_Balancer_Group'>[];
  readonly name?: string;
  readonly nat?: readonly Ref<'NAT'>[];
  readonly options?: Readonly<Record<string, string>>;
  readonly policies?: readonly Ref<'Logical_Router_Policy'>[];
  readonly ports?: readonly Ref<'Logical_Router_Port'>[];
  readonly static_routes?: readonly Ref<'Logical_Router_Static_Route'>[];
}

/** Columns an `update` of `Logical_Router` may set (immutable columns are not here). */
export interface LogicalRouterUpdate {
  readonly copp?: Ref<'Copp'> | undefined;
  readonly enabled?: boolean | undefined;
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly load_balancer?: readonly Ref<'Load_Balancer'>[];
  readonly load_balancer_group?: readonly Ref<'Load_Balancer_Group'>[];
  readonly name?: string;
  readonly nat?: readonly Ref<'NAT'>[];
  readonly options?: Readonly<Record<string, string>>;
  readonly policies?: readonly Ref<'Logical_Router_Policy'>[];
  readonly ports?: readonly Ref<'Logical_Router_Port'>[];
  readonly static_routes?: readonly Ref<'Logical_Router_Static_Route'>[];
}

/** Conditions on `Logical_Router` (RFC 7047 §5.1), restricted by column kind. */
export type LogicalRouterCondition =
  | readonly ['_uuid', '==' | '!=', Ref<'Logical_Router'>]
  | readonly ['_version', '==' | '!=', string]
  | readonly ['copp', '==' | '!=' | 'includes' | 'excludes', Ref<'Copp'> | undefined]
  | readonly ['enabled', '==' | '!=' | 'includes' | 'excludes', boolean | undefined]
  | readonly ['external_ids', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['load_balancer', '==' | '!=' | 'includes' | 'excludes', readonly Ref<'Load_Balancer'>[]]
  | readonly ['load_balancer_group', '==' | '!=' | 'includes' | 'excludes', readonly Ref<'Load_Balancer_Group'>[]]
  | readonly ['name', '==' | '!=', string]
  | readonly ['nat', '==' | '!=' | 'includes' | 'excludes', readonly Ref<'NAT'>[]]
  | readonly ['options', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['policies', '==' | '!=' | 'includes' | 'excludes', readonly Ref<'Logical_Router_Policy'>[]]
  | readonly ['ports', '==' | '!=' | 'includes' | 'excludes', readonly Ref<'Logical_Router_Port'>[]]
  | readonly ['static_routes', '==' | '!=' | 'includes' | 'excludes', readonly Ref<'Logical_Router_Static_Route'>[]];

/** Mutations of `Logical_Router` (RFC 7047 §5.1), restricted by column kind; immutable columns excluded. */
export type LogicalRouterMutation =
  | readonly ['copp', 'insert' | 'delete', readonly Ref<'Copp'>[]]
  | readonly ['enabled', 'insert' | 'delete', readonly boolean[]]
  | readonly ['external_ids', 'insert', Readonly<Record<string, string>>]
  | readonly ['external_ids', 'delete', Readonly<Record<string, string>> | readonly string[]]
  | readonly ['load_balancer', 'insert' | 'delete', readonly Ref<'Load_Balancer'>[]]
  | readonly ['load_balancer_group', 'insert' | 'delete', readonly Ref<'Load_Balancer_Group'>[]]
  | readonly ['nat', 'insert' | 'delete', readonly Ref<'NAT'>[]]
  | readonly ['options', 'insert', Readonly<Record<string, string>>]
  | readonly ['options', 'delete', Readonly<Record<string, string>> | readonly string[]]
  | readonly ['policies', 'insert' | 'delete', readonly Ref<'Logical_Router_Policy'>[]]
  | readonly ['ports', 'insert' | 'delete', readonly Ref<'Logical_Router_Port'>[]]
  | readonly ['static_routes', 'insert' | 'delete', readonly Ref<'Logical_Router_Static_Route'>[]];

// ---- Logical_Router_Policy ---------------------------------------------------------------------------

/** A row of `Logical_Router_Policy` as read from the server; non-root table (garbage-collected when unreferenced). */
export interface LogicalRouterPolicyRow {
  readonly _uuid: Uuid<'Logical_Router_Policy'>;
  readonly _version: string;
  /** string */
  readonly action: 'allow' | 'drop' | 'reroute';
  /** map string → string */
  readonly external_ids: Readonly<Record<string, string>>;
  /** string */
  readonly match: string;
  /** optional string */
  readonly nexthop: string | undefined;
  /** set of 0..∞ string */
  readonly nexthops: readonly string[];
  /** map string → string */
  readonly options: Readonly<Record<string, string>>;
  /** integer 0..32767 */
  readonly priority: number;
}

/** Columns of a new `Logical_Router_Policy` row; an omitted column takes its default (required: columns whose default the server would refuse). */
export interface LogicalRouterPolicyInsert {
  readonly action: 'allow' | 'drop' | 'reroute';
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly match?: string;
  readonly nexthop?: string | undefined;
  readonly nexthops?: readonly string[];
  readonly options?: Readonly<Record<string, string>>;
  readonly priority?: number;
}

/** Columns an `update` of `Logical_Router_Policy` may set (immutable columns are not here). */
export interface LogicalRouterPolicyUpdate {
  readonly action?: 'allow' | 'drop' | 'reroute';
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly match?: string;
  readonly nexthop?: string | undefined;
  readonly nexthops?: readonly string[];
  readonly options?: Readonly<Record<string, string>>;
  readonly priority?: number;
}

/** Conditions on `Logical_Router_Policy` (RFC 7047 §5.1), restricted by column kind. */
export type LogicalRouterPolicyCondition =
  | readonly ['_uuid', '==' | '!=', Ref<'Logical_Router_Policy'>]
  | readonly ['_version', '==' | '!=', string]
  | readonly ['action', '==' | '!=', 'allow' | 'drop' | 'reroute']
  | readonly ['external_ids', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['match', '==' | '!=', string]
  | readonly ['nexthop', '==' | '!=' | 'includes' | 'excludes', string | undefined]
  | readonly ['nexthops', '==' | '!=' | 'includes' | 'excludes', readonly string[]]
  | readonly ['options', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['priority', '==' | '!=' | '<' | '<=' | '>' | '>=', number];

/** Mutations of `Logical_Router_Policy` (RFC 7047 §5.1), restricted by column kind; immutable columns excluded. */
export type LogicalRouterPolicyMutation =
  | readonly ['external_ids', 'insert', Readonly<Record<string, string>>]
  | readonly ['external_ids', 'delete', Readonly<Record<string, string>> | readonly string[]]
  | readonly ['nexthop', 'insert' | 'delete', readonly string[]]
  | readonly ['nexthops', 'insert' | 'delete', readonly string[]]
  | readonly ['options', 'insert', Readonly<Record<string, string>>]
  | readonly ['options', 'delete', Readonly<Record<string, string>> | readonly string[]]
  | readonly ['priority', '+=' | '-=' | '*=' | '/=' | '%=', number];

// ---- Logical_Router_Port -----------------------------------------------------------------------------

/** A row of `Logical_Router_Port` as read from the server; non-root table (garbage-collected when unreferenced); indexes: (name). */
export interface LogicalRouterPortRow {
  readonly _uuid: Uuid<'Logical_Router_Port'>;
  readonly _version: string;
  /** optional boolean */
  readonly enabled: boolean | undefined;
  /** map string → string */
  readonly external_ids: Readonly<Record<string, string>>;
  /** set of 0..∞ strong reference to Gateway_Chassis */
  readonly gateway_chassis: readonly Uuid<'Gateway_Chassis'>[];
  /** optional strong reference to HA_Chassis_Group */
  readonly ha_chassis_group: Uuid<'HA_Chassis_Group'> | undefined;
  /** set of 0..∞ string */
  readonly ipv6_prefix: readonly string[];
  /** map string → string */
  readonly ipv6_ra_configs: Readonly<Record<string, string>>;
  /** string */
  readonly mac: string;
  /** string */
  readonly name: string;
  /** set of 1..∞ string */
  readonly networks: readonly string[];
  /** map string → string */
  readonly options: Readonly<Record<string, string>>;
  /** optional string */
  readonly peer: string | undefined;
}

/** Columns of a new `Logical_Router_Port` row; an omitted column takes its default (required: columns whose default the server would refuse). */
export interface LogicalRouterPortInsert {
  readonly enabled?: boolean | undefined;
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly gateway_chassis?: readonly Ref<'Gateway_Chassis'>[];
  readonly ha_chassis_group?: Ref<'HA_Chassis_Group'> | undefined;
  readonly ipv6_prefix?: readonly string[];
  readonly ipv6_ra_configs?: Readonly<Record<string, string>>;
  readonly mac?: string;
  readonly name?: string;
  readonly networks?: readonly string[];
  readonly options?: Readonly<Record<string, string>>;
  readonly peer?: string | undefined;
}

/** Columns an `update` of `Logical_Router_Port` may set (immutable columns are not here). */
export interface LogicalRouterPortUpdate {
  readonly enabled?: boolean | undefined;
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly gateway_chassis?: readonly Ref<'Gateway_Chassis'>[];
  readonly ha_chassis_group?: Ref<'HA_Chassis_Group'> | undefined;
  readonly ipv6_prefix?: readonly string[];
  readonly ipv6_ra_configs?: Readonly<Record<string, string>>;
  readonly mac?: string;
  readonly name?: string;
  readonly networks?: readonly string[];
  readonly options?: Readonly<Record<string, string>>;
  readonly peer?: string | undefined;
}

/** Conditions on `Logical_Router_Port` (RFC 7047 §5.1), restricted by column kind. */
export type LogicalRouterPortCondition =
  | readonly ['_uuid', '==' | '!=', Ref<'Logical_Router_Port'>]
  | readonly ['_version', '==' | '!=', string]
  | readonly ['enabled', '==' | '!=' | 'includes' | 'excludes', boolean | undefined]
  | readonly ['external_ids', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['gateway_chassis', '==' | '!=' | 'includes' | 'excludes', readonly Ref<'Gateway_Chassis'>[]]
  | readonly ['ha_chassis_group', '==' | '!=' | 'includes' | 'excludes', Ref<'HA_Chassis_Group'> | undefined]
  | readonly ['ipv6_prefix', '==' | '!=' | 'includes' | 'excludes', readonly string[]]
  | readonly ['ipv6_ra_configs', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['mac', '==' | '!=', string]
  | readonly ['name', '==' | '!=', string]
  | readonly ['networks', '==' | '!=' | 'includes' | 'excludes', readonly string[]]
  | readonly ['options', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['peer', '==' | '!=' | 'includes' | 'excludes', string | undefined];

/** Mutations of `Logical_Router_Port` (RFC 7047 §5.1), restricted by column kind; immutable columns excluded. */
export type LogicalRouterPortMutation =
  | readonly ['enabled', 'insert' | 'delete', readonly boolean[]]
  | readonly ['external_ids', 'insert', Readonly<Record<string, string>>]
  | readonly ['external_ids', 'delete', Readonly<Record<string, string>> | readonly string[]]
  | readonly ['gateway_chassis', 'insert' | 'delete', readonly Ref<'Gateway_Chassis'>[]]
  | readonly ['ha_chassis_group', 'insert' | 'delete', readonly Ref<'HA_Chassis_Group'>[]]
  | readonly ['ipv6_prefix', 'insert' | 'delete', readonly string[]]
  | readonly ['ipv6_ra_configs', 'insert', Readonly<Record<string, string>>]
  | readonly ['ipv6_ra_configs', 'delete', Readonly<Record<string, string>> | readonly string[]]
  | readonly ['networks', 'insert' | 'delete', readonly string[]]
  | readonly ['options', 'insert', Readonly<Record<string, string>>]
  | readonly ['options', 'delete', Readonly<Record<string, string>> | readonly string[]]
  | readonly ['peer', 'insert' | 'delete', readonly string[]];

// ---- Logical_Router_Static_Route ---------------------------------------------------------------------

/** A row of `Logical_Router_Static_Route` as read from the server; non-root table (garbage-collected when unreferenced). */
export interface LogicalRouterStaticRouteRow {
  readonly _uuid: Uuid<'Logical_Router_Static_Route'>;
  readonly _version: string;
  /** optional weak reference to BFD */
  readonly bfd: Uuid<'BFD'> | undefined;
  /** map string → string */
  readonly external_ids: Readonly<Record<string, string>>;
  /** string */
  readonly ip_prefix: string;
  /** string */
  readonly nexthop: string;
  /** map string → string */
  readonly options: Readonly<Record<string, string>>;
  /** optional string */
  readonly output_port: string | undefined;
  /** optional string */
  readonly policy: 'src-ip' | 'dst-ip' | undefined;
  /** string */
  readonly route_table: string;
}

/** Columns of a new `Logical_Router_Static_Route` row; an omitted column takes its default (required: columns whose default the server would refuse). */
export interface LogicalRouterStaticRouteInsert {
  readonly bfd?: Ref<'BFD'> | undefined;
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly ip_prefix?: string;
  readonly nexthop?: string;
  readonly options?: Readonly<Record<string, string>>;
  readonly output_port?: string | undefined;
  readonly policy?: 'src-ip' | 'dst-ip' | undefined;
  readonly route_table?: string;
}

/** Columns an `update` of `Logical_Router_Static_Route` may set (immutable columns are not here). */
export interface LogicalRouterStaticRouteUpdate {
  readonly bfd?: Ref<'BFD'> | undefined;
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly ip_prefix?: string;
  readonly nexthop?: string;
  readonly options?: Readonly<Record<string, string>>;
  readonly output_port?: string | undefined;
  readonly policy?: 'src-ip' | 'dst-ip' | undefined;
  readonly route_table?: string;
}

/** Conditions on `Logical_Router_Static_Route` (RFC 7047 §5.1), restricted by column kind. */
export type LogicalRouterStaticRouteCondition =
  | readonly ['_uuid', '==' | '!=', Ref<'Logical_Router_Static_Route'>]
  | readonly ['_version', '==' | '!=', string]
  | readonly ['bfd', '==' | '!=' | 'includes' | 'excludes', Ref<'BFD'> | undefined]
  | readonly ['external_ids', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['ip_prefix', '==' | '!=', string]
  | readonly ['nexthop', '==' | '!=', string]
  | readonly ['options', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['output_port', '==' | '!=' | 'includes' | 'excludes', string | undefined]
  | readonly ['policy', '==' | '!=' | 'includes' | 'excludes', 'src-ip' | 'dst-ip' | undefined]
  | readonly ['route_table', '==' | '!=', string];

/** Mutations of `Logical_Router_Static_Route` (RFC 7047 §5.1), restricted by column kind; immutable columns excluded. */
export type LogicalRouterStaticRouteMutation =
  | readonly ['bfd', 'insert' | 'delete', readonly Ref<'BFD'>[]]
  | readonly ['external_ids', 'insert', Readonly<Record<string, string>>]
  | readonly ['external_ids', 'delete', Readonly<Record<string, string>> | readonly string[]]
  | readonly ['options', 'insert', Readonly<Record<string, string>>]
  | readonly ['options', 'delete', Readonly<Record<string, string>> | readonly string[]]
  | readonly ['output_port', 'insert' | 'delete', readonly string[]]
  | readonly ['policy', 'insert' | 'delete', readonly ('src-ip' | 'dst-ip')[]];

// ---- Logical_Switch ----------------------------------------------------------------------------------

/** A row of `Logical_Switch` as read from the server; root table. */
export interface LogicalSwitchRow {
  readonly _uuid: Uuid<'Logical_Switch'>;
  readonly _version: string;
  /** set of 0..∞ strong reference to ACL */
  readonly acls: readonly Uuid<'ACL'>[];
  /** optional weak reference to Copp */
  readonly copp: Uuid<'Copp'> | undefined;
  /** set of 0..∞ weak reference to DNS */
  readonly dns_records: readonly Uuid<'DNS'>[];
  /** map string → string */
  readonly external_ids: Readonly<Record<string, string>>;
  /** set of 0..∞ strong reference to Forwarding_Group */
  readonly forwarding_groups: readonly Uuid<'Forwarding_Group'>[];
  /** set of 0..∞ weak reference to Load_Balancer */
  readonly load_balancer: readonly Uuid<'Load_Balancer'>[];
  /** set of 0..∞ strong reference to Load_Balancer_Group */
  readonly load_balancer_group: readonly Uuid<'Load_Balancer_Group'>[];
  /** string */
  readonly name: string;
  /** map string → string */
  readonly other_config: Readonly<Record<string, string>>;
  /** set of 0..∞ strong reference to Logical_Switch_Port */
  readonly ports: readonly Uuid<'Logical_Switch_Port'>[];
  /** set of 0..∞ strong reference to QoS */
  readonly qos_rules: readonly Uuid<'QoS'>[];
}

/** Columns of a new `Logical_Switch` row; an omitted column takes its default (required: columns whose default the server would refuse). */
export interface LogicalSwitchInsert {
  readonly acls?: readonly Ref<'ACL'>[];
  readonly copp?: Ref<'Copp'> | undefined;
  readonly dns_records?: readonly Ref<'DNS'>[];
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly forwarding_groups?: readonly Ref<'Forwarding_Group'>[];
  readonly load_balancer?: readonly Ref<'Load_Balancer'>[];
  readonly load_balancer_group?: readonly Ref<'Load_Balancer_Group'>[];
  readonly name?: string;
  readonly other_config?: Readonly<Record<string, string>>;
  readonly ports?: readonly Ref<'Logical_Switch_Port'>[];
  readonly qos_rules?: readonly Ref<'QoS'>[];
}

/** Columns an `update` of `Logical_Switch` may set (immutable columns are not here). */
export interface LogicalSwitchUpdate {
  readonly acls?: readonly Ref<'ACL'>[];
  readonly copp?: Ref<'Copp'> | undefined;
  readonly dns_records?: readonly Ref<'DNS'>[];
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly forwarding_groups?: readonly Ref<'Forwarding_Group'>[];
  readonly load_balancer?: readonly Ref<'Load_Balancer'>[];
  readonly load_balancer_group?: readonly Ref<'Load_Balancer_Group'>[];
  readonly name?: string;
  readonly other_config?: Readonly<Record<string, string>>;
  readonly ports?: readonly Ref<'Logical_Switch_Port'>[];
  readonly qos_rules?: readonly Ref<'QoS'>[];
}

/** Conditions on `Logical_Switch` (RFC 7047 §5.1), restricted by column kind. */
export type LogicalSwitchCondition =
  | readonly ['_uuid', '==' | '!=', Ref<'Logical_Switch'>]
  | readonly ['_version', '==' | '!=', string]
  | readonly ['acls', '==' | '!=' | 'includes' | 'excludes', readonly Ref<'ACL'>[]]
  | readonly ['copp', '==' | '!=' | 'includes' | 'excludes', Ref<'Copp'> | undefined]
  | readonly ['dns_records', '==' | '!=' | 'includes' | 'excludes', readonly Ref<'DNS'>[]]
  | readonly ['external_ids', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['forwarding_groups', '==' | '!=' | 'includes' | 'excludes', readonly Ref<'Forwarding_Group'>[]]
  | readonly ['load_balancer', '==' | '!=' | 'includes' | 'excludes', readonly Ref<'Load_Balancer'>[]]
  | readonly ['load_balancer_group', '==' | '!=' | 'includes' | 'excludes', readonly Ref<'Load_Balancer_Group'>[]]
  | readonly ['name', '==' | '!=', string]
  | readonly ['other_config', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['ports', '==' | '!=' | 'includes' | 'excludes', readonly Ref<'Logical_Switch_Port'>[]]
  | readonly ['qos_rules', '==' | '!=' | 'includes' | 'excludes', readonly Ref<'QoS'>[]];

/** Mutations of `Logical_Switch` (RFC 7047 §5.1), restricted by column kind; immutable columns excluded. */
export type LogicalSwitchMutation =
  | readonly ['acls', 'insert' | 'delete', readonly Ref<'ACL'>[]]
  | readonly ['copp', 'insert' | 'delete', readonly Ref<'Copp'>[]]
  | readonly ['dns_records', 'insert' | 'delete', readonly Ref<'DNS'>[]]
  | readonly ['external_ids', 'insert', Readonly<Record<string, string>>]
  | readonly ['external_ids', 'delete', Readonly<Record<string, string>> | readonly string[]]
  | readonly ['forwarding_groups', 'insert' | 'delete', readonly Ref<'Forwarding_Group'>[]]
  | readonly ['load_balancer', 'insert' | 'delete', readonly Ref<'Load_Balancer'>[]]
  | readonly ['load_balancer_group', 'insert' | 'delete', readonly Ref<'Load_Balancer_Group'>[]]
  | readonly ['other_config', 'insert', Readonly<Record<string, string>>]
  | readonly ['other_config', 'delete', Readonly<Record<string, string>> | readonly string[]]
  | readonly ['ports', 'insert' | 'delete', readonly Ref<'Logical_Switch_Port'>[]]
  | readonly ['qos_rules', 'insert' | 'delete', readonly Ref<'QoS'>[]];

// ---- Logical_Switch_Port -----------------------------------------------------------------------------

/** A row of `Logical_Switch_Port` as read from the server; non-root table (garbage-collected when unreferenced); indexes: (name). */
export interface LogicalSwitchPortRow {
  readonly _uuid: Uuid<'Logical_Switch_Port'>;
  readonly _version: string;
  /** set of 0..∞ string */
  readonly addresses: readonly string[];
  /** optional weak reference to DHCP_Options */
  readonly dhcpv4_options: Uuid<'DHCP_Options'> | undefined;
  /** optional weak reference to DHCP_Options */
  readonly dhcpv6_options: Uuid<'DHCP_Options'> | undefined;
  /** optional string */
  readonly dynamic_addresses: string | undefined;
  /** optional boolean */
  readonly enabled: boolean | undefined;
  /** map string → string */
  readonly external_ids: Readonly<Record<string, string>>;
  /** optional strong reference to HA_Chassis_Group */
  readonly ha_chassis_group: Uuid<'HA_Chassis_Group'> | undefined;
  /** set of 0..∞ weak reference to Mirror */
  readonly mirror_rules: readonly Uuid<'Mirror'>[];
  /** string */
  readonly name: string;
  /** map string → string */
  readonly options: Readonly<Record<string, string>>;
  /** optional string */
  readonly parent_name: string | undefined;
  /** set of 0..∞ string */
  readonly port_security: readonly string[];
  /** optional integer 1..4095 */
  readonly tag: number | undefined;
  /** optional integer 0..4095 */
  readonly tag_request: number | undefined;
  /** string */
  readonly type: string;
  /** optional boolean */
  readonly up: boolean | undefined;
}

/** Columns of a new `Logical_Switch_Port` row; an omitted column takes its default (required: columns whose default the server would refuse). */
export interface LogicalSwitchPortInsert {
  readonly addresses?: readonly string[];
  readonly dhcpv4_options?: Ref<'DHCP_Options'> | undefined;
  readonly dhcpv6_options?: Ref<'DHCP_Options'> | undefined;
  readonly dynamic_addresses?: string | undefined;
  readonly enabled?: boolean | undefined;
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly ha_chassis_group?: Ref<'HA_Chassis_Group'> | undefined;
  readonly mirror_rules?: readonly Ref<'Mirror'>[];
  readonly name?: string;
  readonly options?: Readonly<Record<string, string>>;
  readonly parent_name?: string | undefined;
  readonly port_security?: readonly string[];
  readonly tag?: number | undefined;
  readonly tag_request?: number | undefined;
  readonly type?: string;
  readonly up?: boolean | undefined;
}

/** Columns an `update` of `Logical_Switch_Port` may set (immutable columns are not here). */
export interface LogicalSwitchPortUpdate {
  readonly addresses?: readonly string[];
  readonly dhcpv4_options?: Ref<'DHCP_Options'> | undefined;
  readonly dhcpv6_options?: Ref<'DHCP_Options'> | undefined;
  readonly dynamic_addresses?: string | undefined;
  readonly enabled?: boolean | undefined;
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly ha_chassis_group?: Ref<'HA_Chassis_Group'> | undefined;
  readonly mirror_rules?: readonly Ref<'Mirror'>[];
  readonly name?: string;
  readonly options?: Readonly<Record<string, string>>;
  readonly parent_name?: string | undefined;
  readonly port_security?: readonly string[];
  readonly tag?: number | undefined;
  readonly tag_request?: number | undefined;
  readonly type?: string;
  readonly up?: boolean | undefined;
}

/** Conditions on `Logical_Switch_Port` (RFC 7047 §5.1), restricted by column kind. */
export type LogicalSwitchPortCondition =
  | readonly ['_uuid', '==' | '!=', Ref<'Logical_Switch_Port'>]
  | readonly ['_version', '==' | '!=', string]
  | readonly ['addresses', '==' | '!=' | 'includes' | 'excludes', readonly string[]]
  | readonly ['dhcpv4_options', '==' | '!=' | 'includes' | 'excludes', Ref<'DHCP_Options'> | undefined]
  | readonly ['dhcpv6_options', '==' | '!=' | 'includes' | 'excludes', Ref<'DHCP_Options'> | undefined]
  | readonly ['dynamic_addresses', '==' | '!=' | 'includes' | 'excludes', string | undefined]
  | readonly ['enabled', '==' | '!=' | 'includes' | 'excludes', boolean | undefined]
  | readonly ['external_ids', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['ha_chassis_group', '==' | '!=' | 'includes' | 'excludes', Ref<'HA_Chassis_Group'> | undefined]
  | readonly ['mirror_rules', '==' | '!=' | 'includes' | 'excludes', readonly Ref<'Mirror'>[]]
  | readonly ['name', '==' | '!=', string]
  | readonly ['options', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['parent_name', '==' | '!=' | 'includes' | 'excludes', string | undefined]
  | readonly ['port_security', '==' | '!=' | 'includes' | 'excludes', readonly string[]]
  | readonly ['tag', '==' | '!=' | 'includes' | 'excludes', number | undefined]
  | readonly ['tag', '<' | '<=' | '>' | '>=', number]
  | readonly ['tag_request', '==' | '!=' | 'includes' | 'excludes', number | undefined]
  | readonly ['tag_request', '<' | '<=' | '>' | '>=', number]
  | readonly ['type', '==' | '!=', string]
  | readonly ['up', '==' | '!=' | 'includes' | 'excludes', boolean | undefined];

/** Mutations of `Logical_Switch_Port` (RFC 7047 §5.1), restricted by column kind; immutable columns excluded. */
export type LogicalSwitchPortMutation =
  | readonly ['addresses', 'insert' | 'delete', readonly string[]]
  | readonly ['dhcpv4_options', 'insert' | 'delete', readonly Ref<'DHCP_Options'>[]]
  | readonly ['dhcpv6_options', 'insert' | 'delete', readonly Ref<'DHCP_Options'>[]]
  | readonly ['dynamic_addresses', 'insert' | 'delete', readonly string[]]
  | readonly ['enabled', 'insert' | 'delete', readonly boolean[]]
  | readonly ['external_ids', 'insert', Readonly<Record<string, string>>]
  | readonly ['external_ids', 'delete', Readonly<Record<string, string>> | readonly string[]]
  | readonly ['ha_chassis_group', 'insert' | 'delete', readonly Ref<'HA_Chassis_Group'>[]]
  | readonly ['mirror_rules', 'insert' | 'delete', readonly Ref<'Mirror'>[]]
  | readonly ['options', 'insert', Readonly<Record<string, string>>]
  | readonly ['options', 'delete', Readonly<Record<string, string>> | readonly string[]]
  | readonly ['parent_name', 'insert' | 'delete', readonly string[]]
  | readonly ['port_security', 'insert' | 'delete', readonly string[]]
  | readonly ['tag', '+=' | '-=' | '*=' | '/=' | '%=', number]
  | readonly ['tag', 'insert' | 'delete', readonly number[]]
  | readonly ['tag_request', '+=' | '-=' | '*=' | '/=' | '%=', number]
  | readonly ['tag_request', 'insert' | 'delete', readonly number[]]
  | readonly ['up', 'insert' | 'delete', readonly boolean[]];

// ---- Meter -------------------------------------------------------------------------------------------

/** A row of `Meter` as read from the server; root table; indexes: (name). */
export interface MeterRow {
  readonly _uuid: Uuid<'Meter'>;
  readonly _version: string;
  /** set of 1..∞ strong reference to Meter_Band */
  readonly bands: readonly Uuid<'Meter_Band'>[];
  /** map string → string */
  readonly external_ids: Readonly<Record<string, string>>;
  /** optional boolean */
  readonly fair: boolean | undefined;
  /** string */
  readonly name: string;
  /** string */
  readonly unit: 'kbps' | 'pktps';
}

/** Columns of a new `Meter` row; an omitted column takes its default (required: columns whose default the server would refuse). */
export interface MeterInsert {
  readonly bands: readonly Ref<'Meter_Band'>[];
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly fair?: boolean | undefined;
  readonly name?: string;
  readonly unit: 'kbps' | 'pktps';
}

/** Columns an `update` of `Meter` may set (immutable columns are not here). */
export interface MeterUpdate {
  readonly bands?: readonly Ref<'Meter_Band'>[];
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly fair?: boolean | undefined;
  readonly name?: string;
  readonly unit?: 'kbps' | 'pktps';
}

/** Conditions on `Meter` (RFC 7047 §5.1), restricted by column kind. */
export type MeterCondition =
  | readonly ['_uuid', '==' | '!=', Ref<'Meter'>]
  | readonly ['_version', '==' | '!=', string]
  | readonly ['bands', '==' | '!=' | 'includes' | 'excludes', readonly Ref<'Meter_Band'>[]]
  | readonly ['external_ids', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['fair', '==' | '!=' | 'includes' | 'excludes', boolean | undefined]
  | readonly ['name', '==' | '!=', string]
  | readonly ['unit', '==' | '!=', 'kbps' | 'pktps'];

/** Mutations of `Meter` (RFC 7047 §5.1), restricted by column kind; immutable columns excluded. */
export type MeterMutation =
  | readonly ['bands', 'insert' | 'delete', readonly Ref<'Meter_Band'>[]]
  | readonly ['external_ids', 'insert', Readonly<Record<string, string>>]
  | readonly ['external_ids', 'delete', Readonly<Record<string, string>> | readonly string[]]
  | readonly ['fair', 'insert' | 'delete', readonly boolean[]];

// ---- Meter_Band --------------------------------------------------------------------------------------

/** A row of `Meter_Band` as read from the server; non-root table (garbage-collected when unreferenced). */
export interface MeterBandRow {
  readonly _uuid: Uuid<'Meter_Band'>;
  readonly _version: string;
  /** string */
  readonly action: 'drop';
  /** integer 0..4294967295 */
  readonly burst_size: number;
  /** map string → string */
  readonly external_ids: Readonly<Record<string, string>>;
  /** integer 1..4294967295 */
  readonly rate: number;
}

/** Columns of a new `Meter_Band` row; an omitted column takes its default (required: columns whose default the server would refuse). */
export interface MeterBandInsert {
  readonly action: 'drop';
  readonly burst_size?: number;
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly rate: number;
}

/** Columns an `update` of `Meter_Band` may set (immutable columns are not here). */
export interface MeterBandUpdate {
  readonly action?: 'drop';
  readonly burst_size?: number;
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly rate?: number;
}

/** Conditions on `Meter_Band` (RFC 7047 §5.1), restricted by column kind. */
export type MeterBandCondition =
  | readonly ['_uuid', '==' | '!=', Ref<'Meter_Band'>]
  | readonly ['_version', '==' | '!=', string]
  | readonly ['action', '==' | '!=', 'drop']
  | readonly ['burst_size', '==' | '!=' | '<' | '<=' | '>' | '>=', number]
  | readonly ['external_ids', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['rate', '==' | '!=' | '<' | '<=' | '>' | '>=', number];

/** Mutations of `Meter_Band` (RFC 7047 §5.1), restricted by column kind; immutable columns excluded. */
export type MeterBandMutation =
  | readonly ['burst_size', '+=' | '-=' | '*=' | '/=' | '%=', number]
  | readonly ['external_ids', 'insert', Readonly<Record<string, string>>]
  | readonly ['external_ids', 'delete', Readonly<Record<string, string>> | readonly string[]]
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

// ---- NAT ---------------------------------------------------------------------------------------------

/** A row of `NAT` as read from the server; non-root table (garbage-collected when unreferenced). */
export interface NATRow {
  readonly _uuid: Uuid<'NAT'>;
  readonly _version: string;
  /** optional strong reference to Address_Set */
  readonly allowed_ext_ips: Uuid<'Address_Set'> | undefined;
  /** optional strong reference to Address_Set */
  readonly exempted_ext_ips: Uuid<'Address_Set'> | undefined;
  /** map string → string */
  readonly external_ids: Readonly<Record<string, string>>;
  /** string */
  readonly external_ip: string;
  /** optional string */
  readonly external_mac: string | undefined;
  /** string */
  readonly external_port_range: string;
  /** optional weak reference to Logical_Router_Port */
  readonly gateway_port: Uuid<'Logical_Router_Port'> | undefined;
  /** string */
  readonly logical_ip: string;
  /** optional string */
  readonly logical_port: string | undefined;
  /** map string → string */
  readonly options: Readonly<Record<string, string>>;
  /** string */
  readonly type: 'dnat' | 'snat' | 'dnat_and_snat';
}

/** Columns of a new `NAT` row; an omitted column takes its default (required: columns whose default the server would refuse). */
export interface NATInsert {
  readonly allowed_ext_ips?: Ref<'Address_Set'> | undefined;
  readonly exempted_ext_ips?: Ref<'Address_Set'> | undefined;
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly external_ip?: string;
  readonly external_mac?: string | undefined;
  readonly external_port_range?: string;
  readonly gateway_port?: Ref<'Logical_Router_Port'> | undefined;
  readonly logical_ip?: string;
  readonly logical_port?: string | undefined;
  readonly options?: Readonly<Record<string, string>>;
  readonly type: 'dnat' | 'snat' | 'dnat_and_snat';
}

/** Columns an `update` of `NAT` may set (immutable columns are not here). */
export interface NATUpdate {
  readonly allowed_ext_ips?: Ref<'Address_Set'> | undefined;
  readonly exempted_ext_ips?: Ref<'Address_Set'> | undefined;
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly external_ip?: string;
  readonly external_mac?: string | undefined;
  readonly external_port_range?: string;
  readonly gateway_port?: Ref<'Logical_Router_Port'> | undefined;
  readonly logical_ip?: string;
  readonly logical_port?: string | undefined;
  readonly options?: Readonly<Record<string, string>>;
  readonly type?: 'dnat' | 'snat' | 'dnat_and_snat';
}

/** Conditions on `NAT` (RFC 7047 §5.1), restricted by column kind. */
export type NATCondition =
  | readonly ['_uuid', '==' | '!=', Ref<'NAT'>]
  | readonly ['_version', '==' | '!=', string]
  | readonly ['allowed_ext_ips', '==' | '!=' | 'includes' | 'excludes', Ref<'Address_Set'> | undefined]
  | readonly ['exempted_ext_ips', '==' | '!=' | 'includes' | 'excludes', Ref<'Address_Set'> | undefined]
  | readonly ['external_ids', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['external_ip', '==' | '!=', string]
  | readonly ['external_mac', '==' | '!=' | 'includes' | 'excludes', string | undefined]
  | readonly ['external_port_range', '==' | '!=', string]
  | readonly ['gateway_port', '==' | '!=' | 'includes' | 'excludes', Ref<'Logical_Router_Port'> | undefined]
  | readonly ['logical_ip', '==' | '!=', string]
  | readonly ['logical_port', '==' | '!=' | 'includes' | 'excludes', string | undefined]
  | readonly ['options', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['type', '==' | '!=', 'dnat' | 'snat' | 'dnat_and_snat'];

/** Mutations of `NAT` (RFC 7047 §5.1), restricted by column kind; immutable columns excluded. */
export type NATMutation =
  | readonly ['allowed_ext_ips', 'insert' | 'delete', readonly Ref<'Address_Set'>[]]
  | readonly ['exempted_ext_ips', 'insert' | 'delete', readonly Ref<'Address_Set'>[]]
  | readonly ['external_ids', 'insert', Readonly<Record<string, string>>]
  | readonly ['external_ids', 'delete', Readonly<Record<string, string>> | readonly string[]]
  | readonly ['external_mac', 'insert' | 'delete', readonly string[]]
  | readonly ['gateway_port', 'insert' | 'delete', readonly Ref<'Logical_Router_Port'>[]]
  | readonly ['logical_port', 'insert' | 'delete', readonly string[]]
  | readonly ['options', 'insert', Readonly<Record<string, string>>]
  | readonly ['options', 'delete', Readonly<Record<string, string>> | readonly string[]];

// ---- NB_Global ---------------------------------------------------------------------------------------

/** A row of `NB_Global` as read from the server; root table; at most 1 rows. */
export interface NBGlobalRow {
  readonly _uuid: Uuid<'NB_Global'>;
  readonly _version: string;
  /** set of 0..∞ strong reference to Connection */
  readonly connections: readonly Uuid<'Connection'>[];
  /** map string → string */
  readonly external_ids: Readonly<Record<string, string>>;
  /** integer */
  readonly hv_cfg: number;
  /** integer */
  readonly hv_cfg_timestamp: number;
  /** boolean */
  readonly ipsec: boolean;
  /** string */
  readonly name: string;
  /** integer */
  readonly nb_cfg: number;
  /** integer */
  readonly nb_cfg_timestamp: number;
  /** map string → string */
  readonly options: Readonly<Record<string, string>>;
  /** integer */
  readonly sb_cfg: number;
  /** integer */
  readonly sb_cfg_timestamp: number;
  /** optional strong reference to SSL */
  readonly ssl: Uuid<'SSL'> | undefined;
}

/** Columns of a new `NB_Global` row; an omitted column takes its default (required: columns whose default the server would refuse). */
export interface NBGlobalInsert {
  readonly connections?: readonly Ref<'Connection'>[];
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly hv_cfg?: number;
  readonly hv_cfg_timestamp?: number;
  readonly ipsec?: boolean;
  readonly name?: string;
  readonly nb_cfg?: number;
  readonly nb_cfg_timestamp?: number;
  readonly options?: Readonly<Record<string, string>>;
  readonly sb_cfg?: number;
  readonly sb_cfg_timestamp?: number;
  readonly ssl?: Ref<'SSL'> | undefined;
}

/** Columns an `update` of `NB_Global` may set (immutable columns are not here). */
export interface NBGlobalUpdate {
  readonly connections?: readonly Ref<'Connection'>[];
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly hv_cfg?: number;
  readonly hv_cfg_timestamp?: number;
  readonly ipsec?: boolean;
  readonly name?: string;
  readonly nb_cfg?: number;
  readonly nb_cfg_timestamp?: number;
  readonly options?: Readonly<Record<string, string>>;
  readonly sb_cfg?: number;
  readonly sb_cfg_timestamp?: number;
  readonly ssl?: Ref<'SSL'> | undefined;
}

/** Conditions on `NB_Global` (RFC 7047 §5.1), restricted by column kind. */
export type NBGlobalCondition =
  | readonly ['_uuid', '==' | '!=', Ref<'NB_Global'>]
  | readonly ['_version', '==' | '!=', string]
  | readonly ['connections', '==' | '!=' | 'includes' | 'excludes', readonly Ref<'Connection'>[]]
  | readonly ['external_ids', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['hv_cfg', '==' | '!=' | '<' | '<=' | '>' | '>=', number]
  | readonly ['hv_cfg_timestamp', '==' | '!=' | '<' | '<=' | '>' | '>=', number]
  | readonly ['ipsec', '==' | '!=', boolean]
  | readonly ['name', '==' | '!=', string]
  | readonly ['nb_cfg', '==' | '!=' | '<' | '<=' | '>' | '>=', number]
  | readonly ['nb_cfg_timestamp', '==' | '!=' | '<' | '<=' | '>' | '>=', number]
  | readonly ['options', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['sb_cfg', '==' | '!=' | '<' | '<=' | '>' | '>=', number]
  | readonly ['sb_cfg_timestamp', '==' | '!=' | '<' | '<=' | '>' | '>=', number]
  | readonly ['ssl', '==' | '!=' | 'includes' | 'excludes', Ref<'SSL'> | undefined];

/** Mutations of `NB_Global` (RFC 7047 §5.1), restricted by column kind; immutable columns excluded. */
export type NBGlobalMutation =
  | readonly ['connections', 'insert' | 'delete', readonly Ref<'Connection'>[]]
  | readonly ['external_ids', 'insert', Readonly<Record<string, string>>]
  | readonly ['external_ids', 'delete', Readonly<Record<string, string>> | readonly string[]]
  | readonly ['hv_cfg', '+=' | '-=' | '*=' | '/=' | '%=', number]
  | readonly ['hv_cfg_timestamp', '+=' | '-=' | '*=' | '/=' | '%=', number]
  | readonly ['nb_cfg', '+=' | '-=' | '*=' | '/=' | '%=', number]
  | readonly ['nb_cfg_timestamp', '+=' | '-=' | '*=' | '/=' | '%=', number]
  | readonly ['options', 'insert', Readonly<Record<string, string>>]
  | readonly ['options', 'delete', Readonly<Record<string, string>> | readonly string[]]
  | readonly ['sb_cfg', '+=' | '-=' | '*=' | '/=' | '%=', number]
  | readonly ['sb_cfg_timestamp', '+=' | '-=' | '*=' | '/=' | '%=', number]
  | readonly ['ssl', 'insert' | 'delete', readonly Ref<'SSL'>[]];

// ---- Port_Group --------------------------------------------------------------------------------------

/** A row of `Port_Group` as read from the server; root table; indexes: (name). */
export interface PortGroupRow {
  readonly _uuid: Uuid<'Port_Group'>;
  readonly _version: string;
  /** set of 0..∞ strong reference to ACL */
  readonly acls: readonly Uuid<'ACL'>[];
  /** map string → string */
  readonly external_ids: Readonly<Record<string, string>>;
  /** string */
  readonly name: string;
  /** set of 0..∞ weak reference to Logical_Switch_Port */
  readonly ports: readonly Uuid<'Logical_Switch_Port'>[];
}

/** Columns of a new `Port_Group` row; an omitted column takes its default (required: columns whose default the server would refuse). */
export interface PortGroupInsert {
  readonly acls?: readonly Ref<'ACL'>[];
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly name?: string;
  readonly ports?: readonly Ref<'Logical_Switch_Port'>[];
}

/** Columns an `update` of `Port_Group` may set (immutable columns are not here). */
export interface PortGroupUpdate {
  readonly acls?: readonly Ref<'ACL'>[];
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly name?: string;
  readonly ports?: readonly Ref<'Logical_Switch_Port'>[];
}

/** Conditions on `Port_Group` (RFC 7047 §5.1), restricted by column kind. */
export type PortGroupCondition =
  | readonly ['_uuid', '==' | '!=', Ref<'Port_Group'>]
  | readonly ['_version', '==' | '!=', string]
  | readonly ['acls', '==' | '!=' | 'includes' | 'excludes', readonly Ref<'ACL'>[]]
  | readonly ['external_ids', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['name', '==' | '!=', string]
  | readonly ['ports', '==' | '!=' | 'includes' | 'excludes', readonly Ref<'Logical_Switch_Port'>[]];

/** Mutations of `Port_Group` (RFC 7047 §5.1), restricted by column kind; immutable columns excluded. */
export type PortGroupMutation =
  | readonly ['acls', 'insert' | 'delete', readonly Ref<'ACL'>[]]
  | readonly ['external_ids', 'insert', Readonly<Record<string, string>>]
  | readonly ['external_ids', 'delete', Readonly<Record<string, string>> | readonly string[]]
  | readonly ['ports', 'insert' | 'delete', readonly Ref<'Logical_Switch_Port'>[]];

// ---- QoS ---------------------------------------------------------------------------------------------

/** A row of `QoS` as read from the server; non-root table (garbage-collected when unreferenced). */
export interface QoSRow {
  readonly _uuid: Uuid<'QoS'>;
  readonly _version: string;
  /** map string → integer 0..63 */
  readonly action: Readonly<Partial<Record<'dscp', number>>>;
  /** map string → integer 1..4294967295 */
  readonly bandwidth: Readonly<Partial<Record<'rate' | 'burst', number>>>;
  /** string */
  readonly direction: 'from-lport' | 'to-lport';
  /** map string → string */
  readonly external_ids: Readonly<Record<string, string>>;
  /** string */
  readonly match: string;
  /** integer 0..32767 */
  readonly priority: number;
}

/** Columns of a new `QoS` row; an omitted column takes its default (required: columns whose default the server would refuse). */
export interface QoSInsert {
  readonly action?: Readonly<Partial<Record<'dscp', number>>>;
  readonly bandwidth?: Readonly<Partial<Record<'rate' | 'burst', number>>>;
  readonly direction: 'from-lport' | 'to-lport';
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly match?: string;
  readonly priority?: number;
}

/** Columns an `update` of `QoS` may set (immutable columns are not here). */
export interface QoSUpdate {
  readonly action?: Readonly<Partial<Record<'dscp', number>>>;
  readonly bandwidth?: Readonly<Partial<Record<'rate' | 'burst', number>>>;
  readonly direction?: 'from-lport' | 'to-lport';
  readonly external_ids?: Readonly<Record<string, string>>;
  readonly match?: string;
  readonly priority?: number;
}

/** Conditions on `QoS` (RFC 7047 §5.1), restricted by column kind. */
export type QoSCondition =
  | readonly ['_uuid', '==' | '!=', Ref<'QoS'>]
  | readonly ['_version', '==' | '!=', string]
  | readonly ['action', '==' | '!=' | 'includes' | 'excludes', Readonly<Partial<Record<'dscp', number>>>]
  | readonly ['bandwidth', '==' | '!=' | 'includes' | 'excludes', Readonly<Partial<Record<'rate' | 'burst', number>>>]
  | readonly ['direction', '==' | '!=', 'from-lport' | 'to-lport']
  | readonly ['external_ids', '==' | '!=' | 'includes' | 'excludes', Readonly<Record<string, string>>]
  | readonly ['match', '==' | '!=', string]
  | readonly ['priority', '==' | '!=' | '<' | '<=' | '>' | '>=', number];

/** Mutations of `QoS` (RFC 7047 §5.1), restricted by column kind; immutable columns excluded. */
export type QoSMutation =
  | readonly ['action', 'insert', Readonly<Partial<Record<'dscp', number>>>]
  | readonly ['action', 'delete', Readonly<Partial<Record<'dscp', number>>> | readonly 'dscp'[]]
  | readonly ['bandwidth', 'insert', Readonly<Partial<Record<'rate' | 'burst', number>>>]
  | readonly ['bandwidth', 'delete', Readonly<Partial<Record<'rate' | 'burst', number>>> | readonly ('rate' | 'burst')[]]
  | readonly ['external_ids', 'insert', Readonly<Record<string, string>>]
  | readonly ['external_ids', 'delete', Readonly<Record<string, string>> | readonly string[]]
  | readonly ['priority', '+=' | '-=' | '*=' | '/=' | '%=', number];

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

// ---- Static_MAC_Binding ------------------------------------------------------------------------------

/** A row of `Static_MAC_Binding` as read from the server; root table; indexes: (logical_port, ip). */
export interface StaticMACBindingRow {
  readonly _uuid: Uuid<'Static_MAC_Binding'>;
  readonly _version: string;
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
  readonly ip?: string;
  readonly logical_port?: string;
  readonly mac?: string;
  readonly override_dynamic_mac?: boolean;
}

/** Columns an `update` of `Static_MAC_Binding` may set (immutable columns are not here). */
export interface StaticMACBindingUpdate {
  readonly ip?: string;
  readonly logical_port?: string;
  readonly mac?: string;
  readonly override_dynamic_mac?: boolean;
}

/** Conditions on `Static_MAC_Binding` (RFC 7047 §5.1), restricted by column kind. */
export type StaticMACBindingCondition =
  | readonly ['_uuid', '==' | '!=', Ref<'Static_MAC_Binding'>]
  | readonly ['_version', '==' | '!=', string]
  | readonly ['ip', '==' | '!=', string]
  | readonly ['logical_port', '==' | '!=', string]
  | readonly ['mac', '==' | '!=', string]
  | readonly ['override_dynamic_mac', '==' | '!=', boolean];

/** Mutations of `Static_MAC_Binding` (RFC 7047 §5.1), restricted by column kind; immutable columns excluded. */
export type StaticMACBindingMutation = never;

/** Every table of OVN_Northbound with its shapes; the type parameter of {@link ovnNorthboundModel}. */
export interface OVNNorthboundTables {
  readonly ACL: {
    readonly row: ACLRow;
    readonly insert: ACLInsert;
    readonly update: ACLUpdate;
    readonly condition: ACLCondition;
    readonly mutation: ACLMutation;
  };
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
  readonly Copp: {
    readonly row: CoppRow;
    readonly insert: CoppInsert;
    readonly update: CoppUpdate;
    readonly condition: CoppCondition;
    readonly mutation: CoppMutation;
  };
  readonly DHCP_Options: {
    readonly row: DHCPOptionsRow;
    readonly insert: DHCPOptionsInsert;
    readonly update: DHCPOptionsUpdate;
    readonly condition: DHCPOptionsCondition;
    readonly mutation: DHCPOptionsMutation;
  };
  readonly DNS: {
    readonly row: DNSRow;
    readonly insert: DNSInsert;
    readonly update: DNSUpdate;
    readonly condition: DNSCondition;
    readonly mutation: DNSMutation;
  };
  readonly Forwarding_Group: {
    readonly row: ForwardingGroupRow;
    readonly insert: ForwardingGroupInsert;
    readonly update: ForwardingGroupUpdate;
    readonly condition: ForwardingGroupCondition;
    readonly mutation: ForwardingGroupMutation;
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
  readonly Load_Balancer: {
    readonly row: LoadBalancerRow;
    readonly insert: LoadBalancerInsert;
    readonly update: LoadBalancerUpdate;
    readonly condition: LoadBalancerCondition;
    readonly mutation: LoadBalancerMutation;
  };
  readonly Load_Balancer_Group: {
    readonly row: LoadBalancerGroupRow;
    readonly insert: LoadBalancerGroupInsert;
    readonly update: LoadBalancerGroupUpdate;
    readonly condition: LoadBalancerGroupCondition;
    readonly mutation: LoadBalancerGroupMutation;
  };
  readonly Load_Balancer_Health_Check: {
    readonly row: LoadBalancerHealthCheckRow;
    readonly insert: LoadBalancerHealthCheckInsert;
    readonly update: LoadBalancerHealthCheckUpdate;
    readonly condition: LoadBalancerHealthCheckCondition;
    readonly mutation: LoadBalancerHealthCheckMutation;
  };
  readonly Logical_Router: {
    readonly row: LogicalRouterRow;
    readonly insert: LogicalRouterInsert;
    readonly update: LogicalRouterUpdate;
    readonly condition: LogicalRouterCondition;
    readonly mutation: LogicalRouterMutation;
  };
  readonly Logical_Router_Policy: {
    readonly row: LogicalRouterPolicyRow;
    readonly insert: LogicalRouterPolicyInsert;
    readonly update: LogicalRouterPolicyUpdate;
    readonly condition: LogicalRouterPolicyCondition;
    readonly mutation: LogicalRouterPolicyMutation;
  };
  readonly Logical_Router_Port: {
    readonly row: LogicalRouterPortRow;
    readonly insert: LogicalRouterPortInsert;
    readonly update: LogicalRouterPortUpdate;
    readonly condition: LogicalRouterPortCondition;
    readonly mutation: LogicalRouterPortMutation;
  };
  readonly Logical_Router_Static_Route: {
    readonly row: LogicalRouterStaticRouteRow;
    readonly insert: LogicalRouterStaticRouteInsert;
    readonly update: LogicalRouterStaticRouteUpdate;
    readonly condition: LogicalRouterStaticRouteCondition;
    readonly mutation: LogicalRouterStaticRouteMutation;
  };
  readonly Logical_Switch: {
    readonly row: LogicalSwitchRow;
    readonly insert: LogicalSwitchInsert;
    readonly update: LogicalSwitchUpdate;
    readonly condition: LogicalSwitchCondition;
    readonly mutation: LogicalSwitchMutation;
  };
  readonly Logical_Switch_Port: {
    readonly row: LogicalSwitchPortRow;
    readonly insert: LogicalSwitchPortInsert;
    readonly update: LogicalSwitchPortUpdate;
    readonly condition: LogicalSwitchPortCondition;
    readonly mutation: LogicalSwitchPortMutation;
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
  readonly NAT: {
    readonly row: NATRow;
    readonly insert: NATInsert;
    readonly update: NATUpdate;
    readonly condition: NATCondition;
    readonly mutation: NATMutation;
  };
  readonly NB_Global: {
    readonly row: NBGlobalRow;
    readonly insert: NBGlobalInsert;
    readonly update: NBGlobalUpdate;
    readonly condition: NBGlobalCondition;
    readonly mutation: NBGlobalMutation;
  };
  readonly Port_Group: {
    readonly row: PortGroupRow;
    readonly insert: PortGroupInsert;
    readonly update: PortGroupUpdate;
    readonly condition: PortGroupCondition;
    readonly mutation: PortGroupMutation;
  };
  readonly QoS: {
    readonly row: QoSRow;
    readonly insert: QoSInsert;
    readonly update: QoSUpdate;
    readonly condition: QoSCondition;
    readonly mutation: QoSMutation;
  };
  readonly SSL: {
    readonly row: SSLRow;
    readonly insert: SSLInsert;
    readonly update: SSLUpdate;
    readonly condition: SSLCondition;
    readonly mutation: SSLMutation;
  };
  readonly Static_MAC_Binding: {
    readonly row: StaticMACBindingRow;
    readonly insert: StaticMACBindingInsert;
    readonly update: StaticMACBindingUpdate;
    readonly condition: StaticMACBindingCondition;
    readonly mutation: StaticMACBindingMutation;
  };
}

/** The OVN_Northbound schema (version 7.0.0) as `parseSchema` returns it, for runtime checks. */
export const ovnNorthboundSchema = {
  name: 'OVN_Northbound',
  version: '7.0.0',
  cksum: '94023179 33468',
  tables: {
    ACL: {
      name: 'ACL',
      columns: {
        action: {
          name: 'action',
          type: {
            key: { type: 'string', enum: ['allow', 'allow-related', 'allow-stateless', 'drop', 'reject'] },
            min: 1,
            max: 1,
          },
          ephemeral: false,
          mutable: true,
        },
        direction: {
          name: 'direction',
          type: { key: { type: 'string', enum: ['from-lport', 'to-lport'] }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        external_ids: {
          name: 'external_ids',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        label: {
          name: 'label',
          type: { key: { type: 'integer', minInteger: 0, maxInteger: 4294967295 }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        log: { name: 'log', type: { key: { type: 'boolean' }, min: 1, max: 1 }, ephemeral: false, mutable: true },
        match: { name: 'match', type: { key: { type: 'string' }, min: 1, max: 1 }, ephemeral: false, mutable: true },
        meter: { name: 'meter', type: { key: { type: 'string' }, min: 0, max: 1 }, ephemeral: false, mutable: true },
        name: {
          name: 'name',
          type: { key: { type: 'string', maxLength: 63 }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
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
        severity: {
          name: 'severity',
          type: { key: { type: 'string', enum: ['alert', 'warning', 'notice', 'info', 'debug'] }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
      },
      isRoot: false,
      indexes: [],
    },
    Address_Set: {
      name: 'Address_Set',
      columns: {
        addresses: {
          name: 'addresses',
          type: { key: { type: 'string' }, min: 0, max: 'unlimited' },
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
      },
      isRoot: true,
      indexes: [['name']],
    },
    BFD: {
      name: 'BFD',
      columns: {
        detect_mult: {
          name: 'detect_mult',
          type: { key: { type: 'integer', minInteger: 1 }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
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
        min_rx: { name: 'min_rx', type: { key: { type: 'integer' }, min: 0, max: 1 }, ephemeral: false, mutable: true },
        min_tx: {
          name: 'min_tx',
          type: { key: { type: 'integer', minInteger: 1 }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        options: {
          name: 'options',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        status: {
          name: 'status',
          type: { key: { type: 'string', enum: ['down', 'init', 'up', 'admin_down'] }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
      },
      isRoot: true,
      indexes: [['logical_port', 'dst_ip']],
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
        external_ids: {
          name: 'external_ids',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
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
    Copp: {
      name: 'Copp',
      columns: {
        external_ids: {
          name: 'external_ids',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        meters: {
          name: 'meters',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        name: { name: 'name', type: { key: { type: 'string' }, min: 1, max: 1 }, ephemeral: false, mutable: true },
      },
      isRoot: true,
      indexes: [['name']],
    },
    DHCP_Options: {
      name: 'DHCP_Options',
      columns: {
        cidr: { name: 'cidr', type: { key: { type: 'string' }, min: 1, max: 1 }, ephemeral: false, mutable: true },
        external_ids: {
          name: 'external_ids',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        options: {
          name: 'options',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
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
    Forwarding_Group: {
      name: 'Forwarding_Group',
      columns: {
        child_port: {
          name: 'child_port',
          type: { key: { type: 'string' }, min: 1, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        external_ids: {
          name: 'external_ids',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        liveness: {
          name: 'liveness',
          type: { key: { type: 'boolean' }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        name: { name: 'name', type: { key: { type: 'string' }, min: 1, max: 1 }, ephemeral: false, mutable: true },
        vip: { name: 'vip', type: { key: { type: 'string' }, min: 1, max: 1 }, ephemeral: false, mutable: true },
        vmac: { name: 'vmac', type: { key: { type: 'string' }, min: 1, max: 1 }, ephemeral: false, mutable: true },
      },
      isRoot: false,
      indexes: [],
    },
    Gateway_Chassis: {
      name: 'Gateway_Chassis',
      columns: {
        chassis_name: {
          name: 'chassis_name',
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
        chassis_name: {
          name: 'chassis_name',
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
      },
      isRoot: true,
      indexes: [['name']],
    },
    Load_Balancer: {
      name: 'Load_Balancer',
      columns: {
        external_ids: {
          name: 'external_ids',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        health_check: {
          name: 'health_check',
          type: {
            key: { type: 'uuid', refTable: 'Load_Balancer_Health_Check', refType: 'strong' },
            min: 0,
            max: 'unlimited',
          },
          ephemeral: false,
          mutable: true,
        },
        ip_port_mappings: {
          name: 'ip_port_mappings',
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
        selection_fields: {
          name: 'selection_fields',
          type: {
            key: { type: 'string', enum: ['eth_src', 'eth_dst', 'ip_src', 'ip_dst', 'tp_src', 'tp_dst'] },
            min: 0,
            max: 'unlimited',
          },
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
    Load_Balancer_Group: {
      name: 'Load_Balancer_Group',
      columns: {
        load_balancer: {
          name: 'load_balancer',
          type: { key: { type: 'uuid', refTable: 'Load_Balancer', refType: 'weak' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        name: { name: 'name', type: { key: { type: 'string' }, min: 1, max: 1 }, ephemeral: false, mutable: true },
      },
      isRoot: true,
      indexes: [['name']],
    },
    Load_Balancer_Health_Check: {
      name: 'Load_Balancer_Health_Check',
      columns: {
        external_ids: {
          name: 'external_ids',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        options: {
          name: 'options',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        vip: { name: 'vip', type: { key: { type: 'string' }, min: 1, max: 1 }, ephemeral: false, mutable: true },
      },
      isRoot: false,
      indexes: [],
    },
    Logical_Router: {
      name: 'Logical_Router',
      columns: {
        copp: {
          name: 'copp',
          type: { key: { type: 'uuid', refTable: 'Copp', refType: 'weak' }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        enabled: {
          name: 'enabled',
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
        load_balancer: {
          name: 'load_balancer',
          type: { key: { type: 'uuid', refTable: 'Load_Balancer', refType: 'weak' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        load_balancer_group: {
          name: 'load_balancer_group',
          type: { key: { type: 'uuid', refTable: 'Load_Balancer_Group', refType: 'strong' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        name: { name: 'name', type: { key: { type: 'string' }, min: 1, max: 1 }, ephemeral: false, mutable: true },
        nat: {
          name: 'nat',
          type: { key: { type: 'uuid', refTable: 'NAT', refType: 'strong' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        options: {
          name: 'options',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        policies: {
          name: 'policies',
          type: {
            key: { type: 'uuid', refTable: 'Logical_Router_Policy', refType: 'strong' },
            min: 0,
            max: 'unlimited',
          },
          ephemeral: false,
          mutable: true,
        },
        ports: {
          name: 'ports',
          type: { key: { type: 'uuid', refTable: 'Logical_Router_Port', refType: 'strong' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        static_routes: {
          name: 'static_routes',
          type: {
            key: { type: 'uuid', refTable: 'Logical_Router_Static_Route', refType: 'strong' },
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
    Logical_Router_Policy: {
      name: 'Logical_Router_Policy',
      columns: {
        action: {
          name: 'action',
          type: { key: { type: 'string', enum: ['allow', 'drop', 'reroute'] }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        external_ids: {
          name: 'external_ids',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        match: { name: 'match', type: { key: { type: 'string' }, min: 1, max: 1 }, ephemeral: false, mutable: true },
        nexthop: {
          name: 'nexthop',
          type: { key: { type: 'string' }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        nexthops: {
          name: 'nexthops',
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
    Logical_Router_Port: {
      name: 'Logical_Router_Port',
      columns: {
        enabled: {
          name: 'enabled',
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
        ipv6_prefix: {
          name: 'ipv6_prefix',
          type: { key: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        ipv6_ra_configs: {
          name: 'ipv6_ra_configs',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        mac: { name: 'mac', type: { key: { type: 'string' }, min: 1, max: 1 }, ephemeral: false, mutable: true },
        name: { name: 'name', type: { key: { type: 'string' }, min: 1, max: 1 }, ephemeral: false, mutable: true },
        networks: {
          name: 'networks',
          type: { key: { type: 'string' }, min: 1, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        options: {
          name: 'options',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        peer: { name: 'peer', type: { key: { type: 'string' }, min: 0, max: 1 }, ephemeral: false, mutable: true },
      },
      isRoot: false,
      indexes: [['name']],
    },
    Logical_Router_Static_Route: {
      name: 'Logical_Router_Static_Route',
      columns: {
        bfd: {
          name: 'bfd',
          type: { key: { type: 'uuid', refTable: 'BFD', refType: 'weak' }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        external_ids: {
          name: 'external_ids',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        ip_prefix: {
          name: 'ip_prefix',
          type: { key: { type: 'string' }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        nexthop: {
          name: 'nexthop',
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
        output_port: {
          name: 'output_port',
          type: { key: { type: 'string' }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        policy: {
          name: 'policy',
          type: { key: { type: 'string', enum: ['src-ip', 'dst-ip'] }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        route_table: {
          name: 'route_table',
          type: { key: { type: 'string' }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
      },
      isRoot: false,
      indexes: [],
    },
    Logical_Switch: {
      name: 'Logical_Switch',
      columns: {
        acls: {
          name: 'acls',
          type: { key: { type: 'uuid', refTable: 'ACL', refType: 'strong' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        copp: {
          name: 'copp',
          type: { key: { type: 'uuid', refTable: 'Copp', refType: 'weak' }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        dns_records: {
          name: 'dns_records',
          type: { key: { type: 'uuid', refTable: 'DNS', refType: 'weak' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        external_ids: {
          name: 'external_ids',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        forwarding_groups: {
          name: 'forwarding_groups',
          type: { key: { type: 'uuid', refTable: 'Forwarding_Group', refType: 'strong' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        load_balancer: {
          name: 'load_balancer',
          type: { key: { type: 'uuid', refTable: 'Load_Balancer', refType: 'weak' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        load_balancer_group: {
          name: 'load_balancer_group',
          type: { key: { type: 'uuid', refTable: 'Load_Balancer_Group', refType: 'strong' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        name: { name: 'name', type: { key: { type: 'string' }, min: 1, max: 1 }, ephemeral: false, mutable: true },
        other_config: {
          name: 'other_config',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        ports: {
          name: 'ports',
          type: { key: { type: 'uuid', refTable: 'Logical_Switch_Port', refType: 'strong' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        qos_rules: {
          name: 'qos_rules',
          type: { key: { type: 'uuid', refTable: 'QoS', refType: 'strong' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
      },
      isRoot: true,
      indexes: [],
    },
    Logical_Switch_Port: {
      name: 'Logical_Switch_Port',
      columns: {
        addresses: {
          name: 'addresses',
          type: { key: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        dhcpv4_options: {
          name: 'dhcpv4_options',
          type: { key: { type: 'uuid', refTable: 'DHCP_Options', refType: 'weak' }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        dhcpv6_options: {
          name: 'dhcpv6_options',
          type: { key: { type: 'uuid', refTable: 'DHCP_Options', refType: 'weak' }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        dynamic_addresses: {
          name: 'dynamic_addresses',
          type: { key: { type: 'string' }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        enabled: {
          name: 'enabled',
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
        ha_chassis_group: {
          name: 'ha_chassis_group',
          type: { key: { type: 'uuid', refTable: 'HA_Chassis_Group', refType: 'strong' }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        mirror_rules: {
          name: 'mirror_rules',
          type: { key: { type: 'uuid', refTable: 'Mirror', refType: 'weak' }, min: 0, max: 'unlimited' },
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
        parent_name: {
          name: 'parent_name',
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
        tag: {
          name: 'tag',
          type: { key: { type: 'integer', minInteger: 1, maxInteger: 4095 }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        tag_request: {
          name: 'tag_request',
          type: { key: { type: 'integer', minInteger: 0, maxInteger: 4095 }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        type: { name: 'type', type: { key: { type: 'string' }, min: 1, max: 1 }, ephemeral: false, mutable: true },
        up: { name: 'up', type: { key: { type: 'boolean' }, min: 0, max: 1 }, ephemeral: false, mutable: true },
      },
      isRoot: false,
      indexes: [['name']],
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
        external_ids: {
          name: 'external_ids',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        fair: { name: 'fair', type: { key: { type: 'boolean' }, min: 0, max: 1 }, ephemeral: false, mutable: true },
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
        external_ids: {
          name: 'external_ids',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
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
    NAT: {
      name: 'NAT',
      columns: {
        allowed_ext_ips: {
          name: 'allowed_ext_ips',
          type: { key: { type: 'uuid', refTable: 'Address_Set', refType: 'strong' }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        exempted_ext_ips: {
          name: 'exempted_ext_ips',
          type: { key: { type: 'uuid', refTable: 'Address_Set', refType: 'strong' }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        external_ids: {
          name: 'external_ids',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        external_ip: {
          name: 'external_ip',
          type: { key: { type: 'string' }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        external_mac: {
          name: 'external_mac',
          type: { key: { type: 'string' }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        external_port_range: {
          name: 'external_port_range',
          type: { key: { type: 'string' }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        gateway_port: {
          name: 'gateway_port',
          type: { key: { type: 'uuid', refTable: 'Logical_Router_Port', refType: 'weak' }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        logical_ip: {
          name: 'logical_ip',
          type: { key: { type: 'string' }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        logical_port: {
          name: 'logical_port',
          type: { key: { type: 'string' }, min: 0, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        options: {
          name: 'options',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        type: {
          name: 'type',
          type: { key: { type: 'string', enum: ['dnat', 'snat', 'dnat_and_snat'] }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
      },
      isRoot: false,
      indexes: [],
    },
    NB_Global: {
      name: 'NB_Global',
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
        hv_cfg: { name: 'hv_cfg', type: { key: { type: 'integer' }, min: 1, max: 1 }, ephemeral: false, mutable: true },
        hv_cfg_timestamp: {
          name: 'hv_cfg_timestamp',
          type: { key: { type: 'integer' }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        ipsec: { name: 'ipsec', type: { key: { type: 'boolean' }, min: 1, max: 1 }, ephemeral: false, mutable: true },
        name: { name: 'name', type: { key: { type: 'string' }, min: 1, max: 1 }, ephemeral: false, mutable: true },
        nb_cfg: { name: 'nb_cfg', type: { key: { type: 'integer' }, min: 1, max: 1 }, ephemeral: false, mutable: true },
        nb_cfg_timestamp: {
          name: 'nb_cfg_timestamp',
          type: { key: { type: 'integer' }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        options: {
          name: 'options',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        sb_cfg: { name: 'sb_cfg', type: { key: { type: 'integer' }, min: 1, max: 1 }, ephemeral: false, mutable: true },
        sb_cfg_timestamp: {
          name: 'sb_cfg_timestamp',
          type: { key: { type: 'integer' }, min: 1, max: 1 },
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
    Port_Group: {
      name: 'Port_Group',
      columns: {
        acls: {
          name: 'acls',
          type: { key: { type: 'uuid', refTable: 'ACL', refType: 'strong' }, min: 0, max: 'unlimited' },
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
        ports: {
          name: 'ports',
          type: { key: { type: 'uuid', refTable: 'Logical_Switch_Port', refType: 'weak' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
      },
      isRoot: true,
      indexes: [['name']],
    },
    QoS: {
      name: 'QoS',
      columns: {
        action: {
          name: 'action',
          type: {
            key: { type: 'string', enum: ['dscp'] },
            value: { type: 'integer', minInteger: 0, maxInteger: 63 },
            min: 0,
            max: 'unlimited',
          },
          ephemeral: false,
          mutable: true,
        },
        bandwidth: {
          name: 'bandwidth',
          type: {
            key: { type: 'string', enum: ['rate', 'burst'] },
            value: { type: 'integer', minInteger: 1, maxInteger: 4294967295 },
            min: 0,
            max: 'unlimited',
          },
          ephemeral: false,
          mutable: true,
        },
        direction: {
          name: 'direction',
          type: { key: { type: 'string', enum: ['from-lport', 'to-lport'] }, min: 1, max: 1 },
          ephemeral: false,
          mutable: true,
        },
        external_ids: {
          name: 'external_ids',
          type: { key: { type: 'string' }, value: { type: 'string' }, min: 0, max: 'unlimited' },
          ephemeral: false,
          mutable: true,
        },
        match: { name: 'match', type: { key: { type: 'string' }, min: 1, max: 1 }, ephemeral: false, mutable: true },
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
    Static_MAC_Binding: {
      name: 'Static_MAC_Binding',
      columns: {
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

/** The OVN_Northbound model: pass it to `transaction()` for typed operations. */
export const ovnNorthboundModel: DatabaseModel<OVNNorthboundTables> = { schema: ovnNorthboundSchema };
