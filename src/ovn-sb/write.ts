/**
 * Southbound write helpers for tests and simulations, where ovsdbapp's OVN_Southbound API has them:
 * registering a chassis with its encapsulations (`ovn-sbctl chassis-add`, ovsdbapp `chassis_add`) and
 * removing it (`chassis-del`). In a real deployment ovn-controller writes these rows itself. They
 * return operations; the client sends them (`client.transact(SB_DATABASE, …)`).
 */
import { op, namedUuid, type Operation, type WireValue } from '../ovsdb/index.js';
import { SdkError } from '../errors.js';

/** A chassis argument the Southbound schema would refuse (empty name, no encap, unknown encap type). */
export class SbInvalidArgumentError extends SdkError {
  readonly field: string;
  constructor(field: string, value: string, expected: string) {
    super('SB_INVALID_ARGUMENT', `chassis ${field} ${JSON.stringify(value)} is not ${expected}`);
    this.field = field;
  }
}

/** A chassis to register in the Southbound (as ovn-controller would): its name, hostname and tunnel encapsulations. */
export interface ChassisSpec {
  readonly name: string;
  readonly hostname?: string;
  /** One Encap row per type, all on `ip` (as `ovn-sbctl chassis-add NAME TYPES IP`). */
  readonly encaps: readonly {
    readonly type: 'geneve' | 'stt' | 'vxlan';
    readonly ip: string;
    readonly options?: Readonly<Record<string, string>>;
  }[];
  readonly externalIds?: Readonly<Record<string, string>>;
  readonly otherConfig?: Readonly<Record<string, string>>;
}

const map = (m: Readonly<Record<string, string>>): WireValue => [
  'map',
  Object.entries(m).map(([k, v]) => [k, v] as const),
];

/**
 * Registers a chassis, its encaps and its Chassis_Private row, as ovn-controller does on start (ovsdbapp
 * `chassis_add` writes the first two). Its `nb_cfg` stays 0 until something acknowledges. Chassis has a name index, so a second
 * registration of the same name fails with a constraint violation and nothing is written.
 * @throws {SbInvalidArgumentError} `SB_INVALID_ARGUMENT`
 * @example await sb.transact(SB_DATABASE, chassisAdd({ name: 'hv1', encaps: [{ type: 'geneve', ip: '192.168.0.11' }] }))
 */
export function chassisAdd(c: ChassisSpec): Operation[] {
  if (typeof c.name !== 'string' || c.name === '')
    throw new SbInvalidArgumentError('name', String(c.name), 'a non-empty string');
  if (!Array.isArray(c.encaps) || c.encaps.length === 0)
    throw new SbInvalidArgumentError('encaps', JSON.stringify(c.encaps), 'at least one encap');
  const ops: Operation[] = [];
  c.encaps.forEach((e, i) => {
    if (!['geneve', 'stt', 'vxlan'].includes(e.type))
      throw new SbInvalidArgumentError('encap type', String(e.type), 'geneve, stt or vxlan');
    if (typeof e.ip !== 'string' || e.ip === '')
      throw new SbInvalidArgumentError('encap ip', String(e.ip), 'an address');
    ops.push(
      op.insert(
        'Encap',
        { type: e.type, ip: e.ip, chassis_name: c.name, options: map(e.options ?? { csum: 'true' }) },
        `encap${i}`,
      ),
    );
  });
  ops.push(
    op.insert(
      'Chassis',
      {
        name: c.name,
        hostname: c.hostname ?? c.name,
        encaps: ['set', c.encaps.map((_, i) => namedUuid(`encap${i}`))],
        ...(c.externalIds ? { external_ids: map(c.externalIds) } : {}),
        ...(c.otherConfig ? { other_config: map(c.otherConfig) } : {}),
      },
      'chassis',
    ),
    // ovn-controller writes this row next to its Chassis; ovn-northd computes hv_cfg from these rows.
    op.insert('Chassis_Private', { name: c.name, chassis: ['set', [namedUuid('chassis')]], nb_cfg: 0 }),
  );
  return ops;
}

/** Removes a chassis (its encaps go with it) and its Chassis_Private row (`ovn-sbctl chassis-del`). */
export function chassisDel(name: string): Operation[] {
  return [op.delete('Chassis_Private', [['name', '==', name]]), op.delete('Chassis', [['name', '==', name]])];
}
