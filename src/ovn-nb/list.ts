/**
 * Read helpers — ovn-nbctl's `*-list` commands and ovsdbapp's `*_list` / `*_get` — as pure functions of
 * an {@link NbSource} (a replica's `nb.source`, or `snapshotSource(await readNbSnapshot(client))`).
 * Lookups by name use the source's index; per-parent lists read only that parent's rows.
 */
import type { NbRow, NbSource, NbTable } from './txn.js';

function one<T extends NbTable>(src: NbSource, table: T, name: string): NbRow<T> | undefined {
  const u = src.named(table, name)[0];
  return u === undefined ? undefined : src.get(table, u);
}
function children<T extends NbTable>(src: NbSource, table: T, refs: readonly string[] | undefined): NbRow<T>[] {
  const out: NbRow<T>[] = [];
  for (const u of refs ?? []) {
    const r = src.get(table, u);
    if (r) out.push(r);
  }
  return out;
}

/** Every logical switch (`ovn-nbctl ls-list`). */
export const lsList = (src: NbSource): NbRow<'Logical_Switch'>[] => [...src.rows('Logical_Switch')];
/** Every logical router (`ovn-nbctl lr-list`). */
export const lrList = (src: NbSource): NbRow<'Logical_Router'>[] => [...src.rows('Logical_Router')];
/** A switch by name (ovsdbapp `ls_get`). */
export const lsGet = (src: NbSource, name: string): NbRow<'Logical_Switch'> | undefined =>
  one(src, 'Logical_Switch', name);
/** A router by name (ovsdbapp `lr_get`). */
export const lrGet = (src: NbSource, name: string): NbRow<'Logical_Router'> | undefined =>
  one(src, 'Logical_Router', name);
/** A switch port by name (ovsdbapp `lsp_get`). */
export const lspGet = (src: NbSource, name: string): NbRow<'Logical_Switch_Port'> | undefined =>
  one(src, 'Logical_Switch_Port', name);
/** A router port by name (ovsdbapp `lrp_get`). */
export const lrpGet = (src: NbSource, name: string): NbRow<'Logical_Router_Port'> | undefined =>
  one(src, 'Logical_Router_Port', name);
/** Ports of a switch (`ovn-nbctl lsp-list SWITCH`); every port without a switch name. */
export function lspList(src: NbSource, sw?: string): NbRow<'Logical_Switch_Port'>[] {
  return sw === undefined
    ? [...src.rows('Logical_Switch_Port')]
    : children(src, 'Logical_Switch_Port', lsGet(src, sw)?.ports);
}
/** Ports of a router (`ovn-nbctl lrp-list ROUTER`). */
export const lrpList = (src: NbSource, router: string): NbRow<'Logical_Router_Port'>[] =>
  children(src, 'Logical_Router_Port', lrGet(src, router)?.ports);
/** Static routes of a router (`ovn-nbctl lr-route-list`). */
export const lrRouteList = (src: NbSource, router: string): NbRow<'Logical_Router_Static_Route'>[] =>
  children(src, 'Logical_Router_Static_Route', lrGet(src, router)?.static_routes);
/** Routing policies of a router (`ovn-nbctl lr-policy-list`), highest priority first. */
export const lrPolicyList = (src: NbSource, router: string): NbRow<'Logical_Router_Policy'>[] =>
  children(src, 'Logical_Router_Policy', lrGet(src, router)?.policies).sort((a, b) => b.priority - a.priority);
/** NAT rules of a router (`ovn-nbctl lr-nat-list`). */
export const lrNatList = (src: NbSource, router: string): NbRow<'NAT'>[] =>
  children(src, 'NAT', lrGet(src, router)?.nat);
/** ACLs of a switch or a port group (`ovn-nbctl acl-list [--type=port-group]`). */
export function aclList(src: NbSource, on: { switch: string } | { portGroup: string }): NbRow<'ACL'>[] {
  const refs = 'switch' in on ? lsGet(src, on.switch)?.acls : one(src, 'Port_Group', on.portGroup)?.acls;
  return children(src, 'ACL', refs);
}
/** QoS rules of a switch (`ovn-nbctl qos-list`). */
export const qosList = (src: NbSource, sw: string): NbRow<'QoS'>[] => children(src, 'QoS', lsGet(src, sw)?.qos_rules);
/** Every load balancer (`ovn-nbctl lb-list`), or those of a switch / router (`ls-lb-list`, `lr-lb-list`). */
export function lbList(src: NbSource, on?: { switch: string } | { router: string }): NbRow<'Load_Balancer'>[] {
  if (on === undefined) return [...src.rows('Load_Balancer')];
  return children(
    src,
    'Load_Balancer',
    'switch' in on ? lsGet(src, on.switch)?.load_balancer : lrGet(src, on.router)?.load_balancer,
  );
}
/** Meters (`ovn-nbctl meter-list`). */
export const meterList = (src: NbSource): NbRow<'Meter'>[] => [...src.rows('Meter')];
/** An HA chassis group with its chassis (`ovn-nbctl ha-chassis-group-list`). */
export function haChassisGroupGet(
  src: NbSource,
  name: string,
): { group: NbRow<'HA_Chassis_Group'>; chassis: NbRow<'HA_Chassis'>[] } | undefined {
  const g = one(src, 'HA_Chassis_Group', name);
  return g
    ? { group: g, chassis: children(src, 'HA_Chassis', g.ha_chassis).sort((a, b) => b.priority - a.priority) }
    : undefined;
}
/** A port group by name (ovsdbapp `pg_get`). */
export const pgGet = (src: NbSource, name: string): NbRow<'Port_Group'> | undefined => one(src, 'Port_Group', name);
/** Address sets (ovsdbapp `address_set_list`). */
export const addressSetList = (src: NbSource): NbRow<'Address_Set'>[] => [...src.rows('Address_Set')];
/** DHCP options rows (`ovn-nbctl dhcp-options-list`). */
export const dhcpOptionsList = (src: NbSource): NbRow<'DHCP_Options'>[] => [...src.rows('DHCP_Options')];
/** DNS rows of a switch (ovsdbapp `ls_get(...).dns_records`). */
export const lsDnsList = (src: NbSource, sw: string): NbRow<'DNS'>[] =>
  children(src, 'DNS', lsGet(src, sw)?.dns_records);
