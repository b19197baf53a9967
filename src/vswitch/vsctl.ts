/**
 * Open_vSwitch builders at ovs-vsctl's level that need no prior read: `del-br`, `del-port`,
 * `set-fail-mode`, `set-manager`, `del-controller`, `br-set-external-id` / `other_config` keys,
 * interface options and external_ids — each addressed by name through the name indexes — and
 * `list` / `find` as pure functions over rows (a ReplicaCache table or a `select` result).
 * They return operations; the client sends them.
 */
import { op, mutation, namedUuid, type Operation, type WireValue } from '../ovsdb/index.js';

const map = (m: Readonly<Record<string, string>>): WireValue => [
  'map',
  Object.entries(m).map(([k, v]) => [k, v] as const),
];
const keys = (ks: readonly string[]): WireValue => ['set', [...ks]];
const byName = (name: string) => [['name', '==', name] as const] as never;

/**
 * Deletes a bridge and its ports (`ovs-vsctl del-br`): the bridge leaves `Open_vSwitch.bridges` and OVSDB
 * garbage-collects it with its ports and interfaces. `bridgeUuid` from a read (e.g. `cache.table('Bridge').index('name').get(name)._uuid`).
 */
export function delBridge(bridgeUuid: string): Operation[] {
  return [op.mutate('Open_vSwitch', [], [mutation('bridges', 'delete', ['set', [['uuid', bridgeUuid]]])])];
}

/** `ovs-vsctl set-fail-mode BRIDGE secure|standalone`, or `del-fail-mode` with `undefined`. */
export function setFailMode(bridge: string, mode: 'secure' | 'standalone' | undefined): Operation[] {
  return [op.update('Bridge', byName(bridge), { fail_mode: ['set', mode === undefined ? [] : [mode]] })];
}

/** `ovs-vsctl del-controller BRIDGE`. */
export function delController(bridge: string): Operation[] {
  return [op.update('Bridge', byName(bridge), { controller: ['set', []] })];
}

/** `ovs-vsctl set-manager TARGET…`: the Manager rows are replaced (old ones are garbage-collected). */
export function setManager(targets: readonly string[]): Operation[] {
  const ops: Operation[] = targets.map((t, k) => op.insert('Manager', { target: t }, `m${k}`));
  ops.push(op.update('Open_vSwitch', [], { manager_options: ['set', targets.map((_, k) => namedUuid(`m${k}`))] }));
  return ops;
}

type KeyedTable = 'Bridge' | 'Port' | 'Interface';

/**
 * Sets keys of a map column of a bridge, port or interface by name (other keys stay): `ovs-vsctl set
 * Bridge br0 other_config:k=v`, `br-set-external-id`, `set Interface eth0 options:remote_ip=…`.
 */
export function setMapKeys(
  table: KeyedTable,
  name: string,
  column: 'external_ids' | 'other_config' | 'options',
  values: Readonly<Record<string, string>>,
): Operation[] {
  return [
    op.mutate(table, byName(name), [mutation(column, 'delete', keys(Object.keys(values)))]),
    op.mutate(table, byName(name), [mutation(column, 'insert', map(values))]),
  ];
}

/** Removes keys of a map column (`ovs-vsctl remove Bridge br0 other_config k`). */
export function removeMapKeys(
  table: KeyedTable,
  name: string,
  column: 'external_ids' | 'other_config' | 'options',
  ks: readonly string[],
): Operation[] {
  return [op.mutate(table, byName(name), [mutation(column, 'delete', keys(ks))])];
}

/**
 * Deletes a port by name from its bridge (`ovs-vsctl del-port BRIDGE PORT`). `portUuid` from a read.
 */
export function delPortByName(bridge: string, portUuid: string): Operation[] {
  return [op.mutate('Bridge', byName(bridge), [mutation('ports', 'delete', ['set', [['uuid', portUuid]]])])];
}

/** `ovs-vsctl find TABLE COLUMN=VALUE…` over rows you hold: rows whose given columns equal the values (maps: the given keys). */
export function vsFind<R extends Readonly<Record<string, unknown>>>(
  rows: Iterable<R>,
  where: Readonly<Record<string, unknown>>,
): R[] {
  const out: R[] = [];
  for (const r of rows) {
    let ok = true;
    for (const [k, v] of Object.entries(where)) {
      const have = r[k];
      if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
        const hm = (have ?? {}) as Record<string, unknown>;
        if (!Object.entries(v).every(([mk, mv]) => hm[mk] === mv)) ok = false;
      } else if (Array.isArray(v)) {
        const hs = Array.isArray(have) ? have : have === undefined ? [] : [have];
        if (hs.length !== v.length || !v.every((x) => hs.includes(x))) ok = false;
      } else if (have !== v) ok = false;
      if (!ok) break;
    }
    if (ok) out.push(r);
  }
  return out;
}
