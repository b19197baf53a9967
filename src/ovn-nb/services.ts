/**
 * HA chassis groups, meters, QoS rules and logical-switch DNS records (ovn-nbctl `ha-chassis-group-*`,
 * `meter-add` / `meter-del`, `qos-add` / `qos-del`, and ovsdbapp's `dns_*` / `ls_set_dns_records`).
 */
import type { Operation } from '../ovsdb/operations.js';
import {
  ensureNamedRoot,
  ensureUnnamedChild,
  findNamed,
  removeNamedRoot,
  removeUnnamedChildren,
  requireParent,
  type ExistOptions,
  type RemoveOptions,
} from './common.js';
import { NbInvalidArgumentError, NbParentNotFoundError, NbRowExistsError } from './errors.js';
import type { JsRow, NbTxn } from './txn.js';

const prio = (table: string, key: string, p: number): void => {
  if (!Number.isInteger(p) || p < 0 || p > 32767)
    throw new NbInvalidArgumentError(table, key, 'priority', String(p), 'an integer 0..32767');
};

/** Ensures an HA chassis group (`ovn-nbctl ha-chassis-group-add`). */
export function haChassisGroupAdd(
  tx: NbTxn,
  name: string,
  o: ExistOptions & { externalIds?: Readonly<Record<string, string>> } = {},
): Operation[] {
  if (typeof name !== 'string' || name === '')
    throw new NbInvalidArgumentError('HA_Chassis_Group', String(name), 'name', String(name), 'a non-empty string');
  return ensureNamedRoot(tx, 'HA_Chassis_Group', name, o.externalIds ? { external_ids: o.externalIds } : {}, o);
}
/** Deletes an HA chassis group (`ovn-nbctl ha-chassis-group-del`). */
export function haChassisGroupDel(tx: NbTxn, name: string, o: RemoveOptions = {}): Operation[] {
  return removeNamedRoot(tx, 'HA_Chassis_Group', name, o);
}
/**
 * Adds a chassis to a group, or changes its priority (`ovn-nbctl ha-chassis-group-add-chassis GROUP CHASSIS PRIORITY`).
 * @throws NbParentNotFoundError `NB_PARENT_NOT_FOUND`, NbInvalidArgumentError `NB_INVALID_ARGUMENT`
 */
export function haChassisGroupAddChassis(tx: NbTxn, group: string, chassis: string, priority: number): Operation[] {
  const key = `${group} ${chassis}`;
  prio('HA_Chassis', key, priority);
  const g = requireParent(tx, 'HA_Chassis', key, 'HA_Chassis_Group', group);
  return ensureUnnamedChild(
    tx,
    'HA_Chassis',
    key,
    'HA_Chassis_Group',
    g,
    'ha_chassis',
    { chassis_name: chassis },
    { priority },
  );
}
/** Removes a chassis from a group (`ovn-nbctl ha-chassis-group-remove-chassis`). */
export function haChassisGroupDelChassis(
  tx: NbTxn,
  group: string,
  chassis: string,
  o: RemoveOptions = {},
): Operation[] {
  const key = `${group} ${chassis}`;
  const g = findNamed(tx, 'HA_Chassis_Group', group);
  if (!g) {
    if (o.ifExists === false) throw new NbParentNotFoundError('HA_Chassis', key, 'HA_Chassis_Group', group);
    return [];
  }
  return removeUnnamedChildren(
    tx,
    'HA_Chassis',
    key,
    'HA_Chassis_Group',
    g,
    'ha_chassis',
    { chassis_name: chassis },
    o,
  );
}

/** A meter with one drop band (`ovn-nbctl meter-add NAME drop RATE UNIT [BURST]`). */
export interface MeterSpec {
  readonly name: string;
  readonly unit: 'kbps' | 'pktps';
  readonly rate: number;
  readonly burstSize?: number;
  readonly fair?: boolean;
}
/**
 * Creates a meter (`ovn-nbctl meter-add`); an existing one of that name is left as is (or
 * `NB_ROW_EXISTS` with `mayExist: false`, as ovn-nbctl).
 */
export function meterAdd(tx: NbTxn, m: MeterSpec, o: ExistOptions = {}): Operation[] {
  const T = 'Meter';
  if (typeof m.name !== 'string' || m.name === '')
    throw new NbInvalidArgumentError(T, String(m.name), 'name', String(m.name), 'a non-empty string');
  if (m.unit !== 'kbps' && m.unit !== 'pktps')
    throw new NbInvalidArgumentError(T, m.name, 'unit', String(m.unit), 'kbps or pktps');
  if (!Number.isInteger(m.rate) || m.rate < 1 || m.rate > 4294967295)
    throw new NbInvalidArgumentError(T, m.name, 'rate', String(m.rate), 'an integer 1..4294967295');
  const burst = m.burstSize ?? 0;
  if (!Number.isInteger(burst) || burst < 0 || burst > 4294967295)
    throw new NbInvalidArgumentError(T, m.name, 'burstSize', String(burst), 'an integer 0..4294967295');
  if (findNamed(tx, T, m.name)) {
    if (o.mayExist === false) throw new NbRowExistsError(T, m.name);
    return [];
  }
  const band = tx.insert('Meter_Band', { action: 'drop', rate: m.rate, burst_size: burst }, `${m.name}/band`);
  tx.push(band.op);
  const want: Record<string, JsRow[string]> = { unit: m.unit, bands: [band.ref] };
  if (m.fair !== undefined) want.fair = m.fair;
  return [band.op, ...ensureNamedRoot(tx, T, m.name, want)];
}
/** Deletes a meter (`ovn-nbctl meter-del NAME`). */
export function meterDel(tx: NbTxn, name: string, o: RemoveOptions = {}): Operation[] {
  return removeNamedRoot(tx, 'Meter', name, o);
}

/** A QoS rule on a switch (`ovn-nbctl qos-add SWITCH DIRECTION PRIORITY MATCH [rate=R] [burst=B] [dscp=D]`). */
export interface QosSpec {
  readonly switch: string;
  readonly direction: 'from-lport' | 'to-lport';
  readonly priority: number;
  readonly match: string;
  readonly rate?: number;
  readonly burst?: number;
  readonly dscp?: number;
  readonly externalIds?: Readonly<Record<string, string>>;
}
/** Ensures a QoS rule identified by (direction, priority, match) on the switch; rate/burst/dscp are updated in place. */
export function qosAdd(tx: NbTxn, q: QosSpec, o: ExistOptions = {}): Operation[] {
  const key = `${q.switch} ${q.direction} ${q.priority} ${q.match}`;
  prio('QoS', key, q.priority);
  if (q.direction !== 'from-lport' && q.direction !== 'to-lport')
    throw new NbInvalidArgumentError('QoS', key, 'direction', String(q.direction), 'from-lport or to-lport');
  if (q.dscp !== undefined && (!Number.isInteger(q.dscp) || q.dscp < 0 || q.dscp > 63))
    throw new NbInvalidArgumentError('QoS', key, 'dscp', String(q.dscp), 'an integer 0..63');
  if (q.rate === undefined && q.dscp === undefined)
    throw new NbInvalidArgumentError('QoS', key, 'rate', '', 'a rate or a dscp (ovn-nbctl needs one)');
  const p = requireParent(tx, 'QoS', key, 'Logical_Switch', q.switch);
  const bandwidth: Record<string, number> = {};
  if (q.rate !== undefined) bandwidth.rate = q.rate;
  if (q.burst !== undefined) bandwidth.burst = q.burst;
  const rest: Record<string, JsRow[string]> = { bandwidth, action: q.dscp !== undefined ? { dscp: q.dscp } : {} };
  if (q.externalIds !== undefined) rest.external_ids = q.externalIds;
  return ensureUnnamedChild(
    tx,
    'QoS',
    key,
    'Logical_Switch',
    p,
    'qos_rules',
    { direction: q.direction, priority: q.priority, match: q.match },
    rest,
    o,
  );
}
/** Removes QoS rules of a switch matching what is given (`ovn-nbctl qos-del SWITCH [DIRECTION [PRIORITY MATCH]]`). */
export function qosDel(
  tx: NbTxn,
  sw: string,
  f: { direction?: 'from-lport' | 'to-lport'; priority?: number; match?: string } = {},
  o: RemoveOptions = {},
): Operation[] {
  const p = findNamed(tx, 'Logical_Switch', sw);
  if (!p) {
    if (o.ifExists === false) throw new NbParentNotFoundError('QoS', sw, 'Logical_Switch', sw);
    return [];
  }
  const id: Record<string, JsRow[string]> = {};
  if (f.direction !== undefined) id.direction = f.direction;
  if (f.priority !== undefined) id.priority = f.priority;
  if (f.match !== undefined) id.match = f.match;
  return removeUnnamedChildren(tx, 'QoS', `${sw} ${JSON.stringify(f)}`, 'Logical_Switch', p, 'qos_rules', id, {
    ifExists: o.ifExists ?? true,
  });
}

/**
 * Sets a switch's DNS records (hostname → space-separated IPs), as ovsdbapp's `dns_add` +
 * `ls_set_dns_records`: the switch's one DNS row is updated, or created and attached.
 * @throws NbParentNotFoundError `NB_PARENT_NOT_FOUND`
 * @example lsDnsSet(tx, 'sw0', { 'vm1.ovn.test': '10.0.0.5' })
 */
export function lsDnsSet(tx: NbTxn, sw: string, records: Readonly<Record<string, string>>): Operation[] {
  const p = requireParent(tx, 'DNS', sw, 'Logical_Switch', sw);
  const refs = (p.row?.dns_records as readonly string[] | undefined) ?? [];
  const existing =
    refs.length === 1 ? (tx.row('DNS', refs[0]!) as { records: Record<string, string> } | undefined) : undefined;
  if (existing) {
    tx.dependOn('DNS', refs[0]!, ['records']);
    const same =
      JSON.stringify(Object.entries(existing.records).sort()) === JSON.stringify(Object.entries(records).sort());
    return same ? [] : tx.push(tx.update('DNS', { uuid: refs[0]! }, { records }));
  }
  const ops: Operation[] = [];
  if (refs.length) ops.push(...lsDnsClear(tx, sw));
  const ins = tx.insert('DNS', { records, external_ids: { ls: sw } }, `dns/${sw}`);
  return [...ops, ...tx.push(ins.op, tx.setMutation('Logical_Switch', p.ref, 'dns_records', 'insert', [ins.ref]))];
}
/** Detaches and deletes a switch's DNS rows (ovsdbapp `ls_clear_dns_records` + `dns_del`). */
export function lsDnsClear(tx: NbTxn, sw: string): Operation[] {
  const p = findNamed(tx, 'Logical_Switch', sw);
  const refs = (p?.row?.dns_records as readonly string[] | undefined) ?? [];
  if (!p || refs.length === 0) return [];
  return tx.push(
    tx.setMutation(
      'Logical_Switch',
      p.ref,
      'dns_records',
      'delete',
      refs.map((uuid) => ({ uuid })),
    ),
    ...refs.map((u) => tx.delete('DNS', u)),
  );
}
