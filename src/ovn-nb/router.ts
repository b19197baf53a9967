/**
 * Logical routers, router ports with gateway chassis, static routes, routing policies and NAT
 * (ovn-nbctl `lr-add`, `lrp-add`, `lrp-set-gateway-chassis`, `lr-route-add`, `lr-policy-add`,
 * `lr-nat-add` and their `-del`s).
 */
import type { Operation } from '../ovsdb/operations.js';
import {
  ensureNamedChild,
  ensureNamedRoot,
  ensureUnnamedChild,
  findNamed,
  removeNamedChild,
  removeNamedRoot,
  removeUnnamedChildren,
  requireParent,
  type ExistOptions,
  type RemoveOptions,
} from './common.js';
import { NbInvalidArgumentError, NbParentNotFoundError } from './errors.js';
import type { JsRow, NbTxn } from './txn.js';

const MAC_RE = /^[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}$/;
const NET_RE = /^[0-9a-fA-F.:]+\/\d{1,3}$/;
const IP_RE = /^[0-9a-fA-F.:]+$/;

function need(ok: boolean, table: string, key: string, field: string, value: unknown, expected: string): void {
  if (!ok) throw new NbInvalidArgumentError(table, key, field, String(value), expected);
}

/** The router a `…Del` works on; with `ifExists: false` a missing router is an error. */
function routerFor(
  tx: NbTxn,
  table: string,
  key: string,
  router: string,
  o: RemoveOptions,
): ReturnType<typeof findNamed> {
  const p = findNamed(tx, 'Logical_Router', router);
  if (!p && o.ifExists === false) throw new NbParentNotFoundError(table, key, 'Logical_Router', router);
  return p;
}

/** A logical router. Omitted fields are left as they are. */
export interface LogicalRouterSpec {
  readonly name: string;
  readonly options?: Readonly<Record<string, string>>;
  readonly externalIds?: Readonly<Record<string, string>>;
}

/**
 * Ensures a logical router (`ovn-nbctl --may-exist lr-add`). Pure function of (spec, snapshot); a new
 * router's insert is guarded by a `wait` that no router of that name exists.
 * @throws NbRowExistsError `NB_ROW_EXISTS`, NbDuplicateNameError `NB_DUPLICATE_NAME`, NbInvalidArgumentError `NB_INVALID_ARGUMENT`
 * @example lrAdd(tx, { name: 'ovn-cluster' })
 */
export function lrAdd(tx: NbTxn, spec: LogicalRouterSpec, o: ExistOptions = {}): Operation[] {
  need(
    typeof spec.name === 'string' && spec.name.length > 0,
    'Logical_Router',
    String(spec.name),
    'name',
    spec.name,
    'a non-empty string',
  );
  const want: Record<string, JsRow[string]> = {};
  if (spec.options !== undefined) want.options = spec.options;
  if (spec.externalIds !== undefined) want.external_ids = spec.externalIds;
  return ensureNamedRoot(tx, 'Logical_Router', spec.name, want, o);
}

/**
 * Deletes a logical router and everything under it (`ovn-nbctl --if-exists lr-del`).
 * @throws NbRowNotFoundError `NB_ROW_NOT_FOUND` (ifExists false)
 */
export function lrDel(tx: NbTxn, name: string, o: RemoveOptions = {}): Operation[] {
  return removeNamedRoot(tx, 'Logical_Router', name, o);
}

/** A logical router port. */
export interface LogicalRouterPortSpec {
  readonly router: string;
  readonly name: string;
  /** `00:00:00:00:00:01` */
  readonly mac: string;
  /** `["10.16.0.1/16"]` */
  readonly networks: readonly string[];
  readonly peer?: string;
  /** Gateway chassis (distributed gateway port): chassis name and priority. */
  readonly gatewayChassis?: readonly { readonly chassis: string; readonly priority: number }[];
  readonly options?: Readonly<Record<string, string>>;
  readonly externalIds?: Readonly<Record<string, string>>;
}

/**
 * Ensures a router port (`ovn-nbctl --may-exist lrp-add ROUTER PORT MAC NETWORK… [peer=PEER]`) and, when
 * given, its gateway chassis (`lrp-set-gateway-chassis`, rows named `<port>-<chassis>`). All in one
 * transaction, each row wired into its parent.
 * @throws NbParentNotFoundError `NB_PARENT_NOT_FOUND`, NbWrongParentError `NB_WRONG_PARENT`, NbRowExistsError `NB_ROW_EXISTS`, NbInvalidArgumentError `NB_INVALID_ARGUMENT`
 * @example lrpAdd(tx, { router: 'ovn-cluster', name: 'ovn-cluster-ovn-default', mac: '0a:58:0a:10:00:01', networks: ['10.16.0.1/16'] })
 */
export function lrpAdd(tx: NbTxn, spec: LogicalRouterPortSpec, o: ExistOptions = {}): Operation[] {
  const T = 'Logical_Router_Port';
  need(
    typeof spec.name === 'string' && spec.name.length > 0,
    T,
    String(spec.name),
    'name',
    spec.name,
    'a non-empty string',
  );
  need(typeof spec.mac === 'string' && MAC_RE.test(spec.mac), T, spec.name, 'mac', spec.mac, 'a MAC xx:xx:xx:xx:xx:xx');
  need(
    Array.isArray(spec.networks) && spec.networks.length > 0,
    T,
    spec.name,
    'networks',
    spec.networks,
    'at least one network',
  );
  for (const n of spec.networks) need(NET_RE.test(n), T, spec.name, 'networks', n, 'an address/prefix');
  const want: Record<string, JsRow[string]> = { mac: spec.mac.toLowerCase(), networks: spec.networks };
  if (spec.peer !== undefined) want.peer = spec.peer;
  if (spec.options !== undefined) want.options = spec.options;
  if (spec.externalIds !== undefined) want.external_ids = spec.externalIds;
  const ops = ensureNamedChild(
    tx,
    T,
    spec.name,
    { table: 'Logical_Router', name: spec.router, column: 'ports' },
    want,
    o,
  );
  for (const gc of spec.gatewayChassis ?? []) ops.push(...lrpSetGatewayChassis(tx, spec.name, gc.chassis, gc.priority));
  return ops;
}

/**
 * Removes a router port (`ovn-nbctl --if-exists lrp-del`).
 * @throws NbRowNotFoundError `NB_ROW_NOT_FOUND` (ifExists false)
 */
export function lrpDel(tx: NbTxn, name: string, o: RemoveOptions = {}): Operation[] {
  return removeNamedChild(tx, 'Logical_Router_Port', name, 'Logical_Router', 'ports', o);
}

/**
 * Ensures a Gateway_Chassis `<port>-<chassis>` with `priority` on a router port
 * (`ovn-nbctl lrp-set-gateway-chassis PORT CHASSIS PRIORITY`).
 * @throws NbParentNotFoundError `NB_PARENT_NOT_FOUND`, NbInvalidArgumentError `NB_INVALID_ARGUMENT`
 */
export function lrpSetGatewayChassis(tx: NbTxn, port: string, chassis: string, priority = 0): Operation[] {
  need(
    Number.isInteger(priority) && priority >= 0 && priority <= 32767,
    'Gateway_Chassis',
    `${port}-${chassis}`,
    'priority',
    priority,
    'an integer 0..32767',
  );
  need(
    typeof chassis === 'string' && chassis.length > 0,
    'Gateway_Chassis',
    `${port}-${chassis}`,
    'chassis',
    chassis,
    'a non-empty string',
  );
  return ensureNamedChild(
    tx,
    'Gateway_Chassis',
    `${port}-${chassis}`,
    { table: 'Logical_Router_Port', name: port, column: 'gateway_chassis' },
    { chassis_name: chassis, priority },
  );
}

/** Removes a gateway chassis from a router port (`ovn-nbctl lrp-del-gateway-chassis`). */
export function lrpDelGatewayChassis(tx: NbTxn, port: string, chassis: string, o: RemoveOptions = {}): Operation[] {
  return removeNamedChild(tx, 'Gateway_Chassis', `${port}-${chassis}`, 'Logical_Router_Port', 'gateway_chassis', o);
}

/** A static route. */
export interface StaticRouteSpec {
  readonly router: string;
  /** `10.0.0.0/24`, or an address (a /32) */
  readonly prefix: string;
  readonly nexthop: string;
  readonly outputPort?: string;
  /** `dst-ip` (OVN's default when unset) or `src-ip`. */
  readonly policy?: 'dst-ip' | 'src-ip';
  readonly routeTable?: string;
  readonly externalIds?: Readonly<Record<string, string>>;
}

function routeIdentity(s: {
  prefix: string;
  nexthop: string;
  policy?: 'dst-ip' | 'src-ip' | undefined;
  routeTable?: string | undefined;
}): JsRow {
  return { ip_prefix: s.prefix, nexthop: s.nexthop, policy: s.policy, route_table: s.routeTable ?? '' };
}

/**
 * Ensures a static route (`ovn-nbctl --may-exist lr-route-add [--policy=P] ROUTER PREFIX NEXTHOP [PORT]`),
 * identified by (prefix, nexthop, policy, route table) on the router. A new route is inserted, added to the
 * router's `static_routes`, and guarded by a `wait` on the routes with that identity.
 * @throws NbParentNotFoundError `NB_PARENT_NOT_FOUND`, NbRowExistsError `NB_ROW_EXISTS`, NbInvalidArgumentError `NB_INVALID_ARGUMENT`
 * @example lrRouteAdd(tx, { router: 'ovn-cluster', prefix: '0.0.0.0/0', nexthop: '100.64.0.1' })
 */
export function lrRouteAdd(tx: NbTxn, spec: StaticRouteSpec, o: ExistOptions = {}): Operation[] {
  const T = 'Logical_Router_Static_Route';
  const key = `${spec.router} ${spec.prefix} ${spec.nexthop}`;
  need(
    NET_RE.test(spec.prefix) || IP_RE.test(spec.prefix),
    T,
    key,
    'prefix',
    spec.prefix,
    'an address or address/prefix',
  );
  need(
    IP_RE.test(spec.nexthop) || spec.nexthop === 'discard',
    T,
    key,
    'nexthop',
    spec.nexthop,
    'an address or "discard"',
  );
  const p = requireParent(tx, T, key, 'Logical_Router', spec.router);
  const rest: Record<string, JsRow[string]> = {};
  if (spec.outputPort !== undefined) rest.output_port = spec.outputPort;
  if (spec.externalIds !== undefined) rest.external_ids = spec.externalIds;
  return ensureUnnamedChild(tx, T, key, 'Logical_Router', p, 'static_routes', routeIdentity(spec), rest, o);
}

/** Removes the static routes with this identity (`ovn-nbctl --if-exists lr-route-del ROUTER PREFIX NEXTHOP`). */
export function lrRouteDel(
  tx: NbTxn,
  spec: Omit<StaticRouteSpec, 'outputPort' | 'externalIds'>,
  o: RemoveOptions = {},
): Operation[] {
  const key = `${spec.router} ${spec.prefix} ${spec.nexthop}`;
  const p = routerFor(tx, 'Logical_Router_Static_Route', key, spec.router, o);
  if (!p) return [];
  return removeUnnamedChildren(
    tx,
    'Logical_Router_Static_Route',
    key,
    'Logical_Router',
    p,
    'static_routes',
    routeIdentity(spec),
    o,
  );
}

/** A routing policy. */
export interface RoutingPolicySpec {
  readonly router: string;
  /** 0..32767 */
  readonly priority: number;
  readonly match: string;
  readonly action: 'allow' | 'drop' | 'reroute';
  /** Next hops for `reroute`. */
  readonly nexthops?: readonly string[];
  readonly options?: Readonly<Record<string, string>>;
  readonly externalIds?: Readonly<Record<string, string>>;
}

/**
 * Ensures a routing policy (`ovn-nbctl --may-exist lr-policy-add ROUTER PRIORITY MATCH ACTION [NEXTHOP…]`),
 * identified by (priority, match) on the router.
 * @throws NbParentNotFoundError `NB_PARENT_NOT_FOUND`, NbRowExistsError `NB_ROW_EXISTS`, NbInvalidArgumentError `NB_INVALID_ARGUMENT`
 * @example lrPolicyAdd(tx, { router: 'ovn-cluster', priority: 31000, match: 'ip4.dst == 10.16.0.0/16', action: 'allow' })
 */
export function lrPolicyAdd(tx: NbTxn, spec: RoutingPolicySpec, o: ExistOptions = {}): Operation[] {
  const T = 'Logical_Router_Policy';
  const key = `${spec.router} ${spec.priority} ${spec.match}`;
  need(
    Number.isInteger(spec.priority) && spec.priority >= 0 && spec.priority <= 32767,
    T,
    key,
    'priority',
    spec.priority,
    'an integer 0..32767',
  );
  need(['allow', 'drop', 'reroute'].includes(spec.action), T, key, 'action', spec.action, 'allow, drop or reroute');
  need(
    spec.action !== 'reroute' || (spec.nexthops?.length ?? 0) > 0,
    T,
    key,
    'nexthops',
    spec.nexthops ?? [],
    'at least one next hop for reroute',
  );
  const p = requireParent(tx, T, key, 'Logical_Router', spec.router);
  const rest: Record<string, JsRow[string]> = { action: spec.action };
  if (spec.nexthops !== undefined) rest.nexthops = spec.nexthops;
  if (spec.options !== undefined) rest.options = spec.options;
  if (spec.externalIds !== undefined) rest.external_ids = spec.externalIds;
  return ensureUnnamedChild(
    tx,
    T,
    key,
    'Logical_Router',
    p,
    'policies',
    { priority: spec.priority, match: spec.match },
    rest,
    o,
  );
}

/** Removes the policy with (priority, match) (`ovn-nbctl --if-exists lr-policy-del ROUTER PRIORITY MATCH`). */
export function lrPolicyDel(
  tx: NbTxn,
  router: string,
  priority: number,
  match: string,
  o: RemoveOptions = {},
): Operation[] {
  const p = routerFor(tx, 'Logical_Router_Policy', `${router} ${priority} ${match}`, router, o);
  if (!p) return [];
  return removeUnnamedChildren(
    tx,
    'Logical_Router_Policy',
    `${router} ${priority} ${match}`,
    'Logical_Router',
    p,
    'policies',
    { priority, match },
    o,
  );
}

/** NAT types (ovn-nb(5) NAT `type`). */
export const NAT_TYPES = ['snat', 'dnat', 'dnat_and_snat'] as const;
/** A NAT rule type: `snat`, `dnat` or `dnat_and_snat`. */
export type NatType = (typeof NAT_TYPES)[number];

/** A NAT rule. */
export interface NatSpec {
  readonly router: string;
  readonly type: NatType;
  readonly externalIp: string;
  /** An address, or for `snat` a network (`10.16.0.0/16`). */
  readonly logicalIp: string;
  /** `dnat_and_snat` only: distributed NAT on this logical port, with `externalMac`. */
  readonly logicalPort?: string;
  readonly externalMac?: string;
  /** Default `{ stateless: 'false' }`, as ovn-nbctl writes it. */
  readonly options?: Readonly<Record<string, string>>;
  readonly externalIds?: Readonly<Record<string, string>>;
}

/**
 * Ensures a NAT rule (`ovn-nbctl --may-exist lr-nat-add ROUTER TYPE EXTERNAL_IP LOGICAL_IP [PORT MAC]`),
 * identified by (type, external IP, logical IP) on the router; a new rule is wired into `nat` and
 * guarded by a `wait`.
 * @throws NbParentNotFoundError `NB_PARENT_NOT_FOUND`, NbRowExistsError `NB_ROW_EXISTS`, NbInvalidArgumentError `NB_INVALID_ARGUMENT`
 * @example lrNatAdd(tx, { router: 'ovn-cluster', type: 'snat', externalIp: '172.18.0.2', logicalIp: '10.16.0.0/16' })
 */
export function lrNatAdd(tx: NbTxn, spec: NatSpec, o: ExistOptions = {}): Operation[] {
  const T = 'NAT';
  const key = `${spec.router} ${spec.type} ${spec.externalIp} ${spec.logicalIp}`;
  need((NAT_TYPES as readonly string[]).includes(spec.type), T, key, 'type', spec.type, NAT_TYPES.join(', '));
  need(IP_RE.test(spec.externalIp), T, key, 'externalIp', spec.externalIp, 'an address');
  need(
    IP_RE.test(spec.logicalIp) || (spec.type === 'snat' && NET_RE.test(spec.logicalIp)),
    T,
    key,
    'logicalIp',
    spec.logicalIp,
    spec.type === 'snat' ? 'an address or network' : 'an address',
  );
  need(
    (spec.logicalPort === undefined) === (spec.externalMac === undefined),
    T,
    key,
    'logicalPort',
    spec.logicalPort ?? '',
    'given together with externalMac',
  );
  need(
    spec.logicalPort === undefined || spec.type === 'dnat_and_snat',
    T,
    key,
    'logicalPort',
    spec.logicalPort ?? '',
    'only for dnat_and_snat',
  );
  need(
    spec.externalMac === undefined || MAC_RE.test(spec.externalMac),
    T,
    key,
    'externalMac',
    spec.externalMac ?? '',
    'a MAC',
  );
  const p = requireParent(tx, T, key, 'Logical_Router', spec.router);
  const rest: Record<string, JsRow[string]> = {};
  if (spec.logicalPort !== undefined) rest.logical_port = spec.logicalPort;
  if (spec.externalMac !== undefined) rest.external_mac = spec.externalMac;
  // ovn-nbctl writes options:stateless=false unless told --stateless; do the same so rows match.
  rest.options = spec.options ?? { stateless: 'false' };
  if (spec.externalIds !== undefined) rest.external_ids = spec.externalIds;
  return ensureUnnamedChild(
    tx,
    T,
    key,
    'Logical_Router',
    p,
    'nat',
    { type: spec.type, external_ip: spec.externalIp, logical_ip: spec.logicalIp },
    rest,
    o,
  );
}

/** Removes the NAT rules with (type, external IP, logical IP) (`ovn-nbctl --if-exists lr-nat-del`). */
export function lrNatDel(
  tx: NbTxn,
  spec: Pick<NatSpec, 'router' | 'type' | 'externalIp' | 'logicalIp'>,
  o: RemoveOptions = {},
): Operation[] {
  const p = routerFor(tx, 'NAT', `${spec.router} ${spec.type} ${spec.externalIp} ${spec.logicalIp}`, spec.router, o);
  if (!p) return [];
  return removeUnnamedChildren(
    tx,
    'NAT',
    `${spec.router} ${spec.type} ${spec.externalIp} ${spec.logicalIp}`,
    'Logical_Router',
    p,
    'nat',
    { type: spec.type, external_ip: spec.externalIp, logical_ip: spec.logicalIp },
    o,
  );
}

/**
 * Removes every static route of the router matching the fields given (`ovn-nbctl lr-route-del ROUTER
 * [PREFIX [NEXTHOP [PORT]]]`, `--policy`, `--route-table`); none given: all of them. Nothing when none match.
 * @example lrRouteDelWhere(tx, 'lr0', { prefix: '10.1.0.0/16' })
 */
export function lrRouteDelWhere(
  tx: NbTxn,
  router: string,
  f: { prefix?: string; nexthop?: string; outputPort?: string; policy?: 'dst-ip' | 'src-ip'; routeTable?: string } = {},
): Operation[] {
  const T = 'Logical_Router_Static_Route';
  const p = routerFor(tx, T, router, router, {});
  if (!p) return [];
  const id: Record<string, JsRow[string]> = {};
  if (f.prefix !== undefined) id.ip_prefix = f.prefix;
  if (f.nexthop !== undefined) id.nexthop = f.nexthop;
  if (f.outputPort !== undefined) id.output_port = f.outputPort;
  if (f.policy !== undefined) id.policy = f.policy;
  if (f.routeTable !== undefined) id.route_table = f.routeTable;
  return removeUnnamedChildren(tx, T, `${router} ${JSON.stringify(f)}`, 'Logical_Router', p, 'static_routes', id, {
    ifExists: true,
  });
}

/** Removes the router's policies matching what is given (`ovn-nbctl lr-policy-del ROUTER [PRIORITY [MATCH]]`). */
export function lrPolicyDelWhere(
  tx: NbTxn,
  router: string,
  f: { priority?: number; match?: string } = {},
): Operation[] {
  const T = 'Logical_Router_Policy';
  const p = routerFor(tx, T, router, router, {});
  if (!p) return [];
  const id: Record<string, JsRow[string]> = {};
  if (f.priority !== undefined) id.priority = f.priority;
  if (f.match !== undefined) id.match = f.match;
  return removeUnnamedChildren(tx, T, `${router} ${JSON.stringify(f)}`, 'Logical_Router', p, 'policies', id, {
    ifExists: true,
  });
}

/** Removes the router's NAT rules matching what is given (`ovn-nbctl lr-nat-del ROUTER [TYPE [IP]]`; `ip` is the external IP for dnat*, the logical IP for snat). */
export function lrNatDelWhere(tx: NbTxn, router: string, f: { type?: NatType; ip?: string } = {}): Operation[] {
  const p = routerFor(tx, 'NAT', router, router, {});
  if (!p) return [];
  const id: Record<string, JsRow[string]> = {};
  if (f.type !== undefined) id.type = f.type;
  if (f.ip !== undefined) {
    if (f.type === undefined)
      throw new NbInvalidArgumentError('NAT', router, 'type', '', 'given when ip is (as ovn-nbctl lr-nat-del)');
    if (f.type === 'snat') id.logical_ip = f.ip;
    else id.external_ip = f.ip;
  }
  return removeUnnamedChildren(tx, 'NAT', `${router} ${JSON.stringify(f)}`, 'Logical_Router', p, 'nat', id, {
    ifExists: true,
  });
}
