/**
 * Open_vSwitch builders: operations for the node configuration an OVN chassis needs (external_ids,
 * bridges, ports, interfaces). They return operations; the client sends them. Bridge, Port and Interface
 * have name indexes, so a duplicate insert fails with a constraint violation instead of duplicating.
 */
import { op, mutation, namedUuid, type Operation, type WireValue } from '../ovsdb/index.js';

const map = (m: Readonly<Record<string, string>>): WireValue => [
  'map',
  Object.entries(m).map(([k, v]) => [k, v] as const),
];
const set = (keys: readonly string[]): WireValue => ['set', keys];

/** Sets keys of `Open_vSwitch.external_ids` (other keys stay). */
export function setOpenvSwitchExternalIds(ids: Readonly<Record<string, string>>): Operation[] {
  return [
    op.mutate('Open_vSwitch', [], [mutation('external_ids', 'delete', set(Object.keys(ids)))]),
    op.mutate('Open_vSwitch', [], [mutation('external_ids', 'insert', map(ids))]),
  ];
}

/** An interface for `addPort` (ovs-vsctl add-port … -- set Interface …): type, options, external_ids, MTU request. */
export interface InterfaceSpec {
  readonly name: string;
  /** `internal`, `geneve`, `patch`, … (default: a system device). */
  readonly type?: string;
  readonly options?: Readonly<Record<string, string>>;
  readonly externalIds?: Readonly<Record<string, string>>;
  readonly mtuRequest?: number;
}

/** A bridge for `addBridge` (ovs-vsctl add-br): name, datapath type, fail mode, OpenFlow versions, external_ids / other_config. */
export interface BridgeSpec {
  readonly name: string;
  /** `netdev` for the userspace datapath, `system` for the kernel one. */
  readonly datapathType?: string;
  readonly failMode?: 'secure' | 'standalone';
  readonly protocols?: readonly string[];
  readonly externalIds?: Readonly<Record<string, string>>;
  readonly otherConfig?: Readonly<Record<string, string>>;
}

function interfaceRow(i: InterfaceSpec): Record<string, WireValue> {
  return {
    name: i.name,
    ...(i.type ? { type: i.type } : {}),
    ...(i.options ? { options: map(i.options) } : {}),
    ...(i.externalIds ? { external_ids: map(i.externalIds) } : {}),
    ...(i.mtuRequest !== undefined ? { mtu_request: i.mtuRequest } : {}),
  };
}

/** Inserts a bridge with its local (internal) port, and adds it to `Open_vSwitch.bridges`. */
export function addBridge(b: BridgeSpec): Operation[] {
  const id = b.name.replace(/[^A-Za-z0-9_]/g, '_');
  return [
    op.insert('Interface', interfaceRow({ name: b.name, type: 'internal' }), `bi_${id}`),
    op.insert('Port', { name: b.name, interfaces: ['set', [namedUuid(`bi_${id}`)]] }, `bp_${id}`),
    op.insert(
      'Bridge',
      {
        name: b.name,
        ports: ['set', [namedUuid(`bp_${id}`)]],
        ...(b.datapathType ? { datapath_type: b.datapathType } : {}),
        ...(b.failMode ? { fail_mode: b.failMode } : {}),
        ...(b.protocols ? { protocols: set(b.protocols) } : {}),
        ...(b.externalIds ? { external_ids: map(b.externalIds) } : {}),
        ...(b.otherConfig ? { other_config: map(b.otherConfig) } : {}),
      },
      `b_${id}`,
    ),
    op.mutate('Open_vSwitch', [], [mutation('bridges', 'insert', ['set', [namedUuid(`b_${id}`)]])]),
  ];
}

/** Adds a port with one interface of the same name to a bridge. */
export function addPort(
  bridge: string,
  i: InterfaceSpec & { readonly portExternalIds?: Readonly<Record<string, string>> },
): Operation[] {
  const id = i.name.replace(/[^A-Za-z0-9_]/g, '_');
  return [
    op.insert('Interface', interfaceRow(i), `i_${id}`),
    op.insert(
      'Port',
      {
        name: i.name,
        interfaces: ['set', [namedUuid(`i_${id}`)]],
        ...(i.portExternalIds ? { external_ids: map(i.portExternalIds) } : {}),
      },
      `p_${id}`,
    ),
    op.mutate('Bridge', [['name', '==', bridge]], [mutation('ports', 'insert', ['set', [namedUuid(`p_${id}`)]])]),
  ];
}

/** Sets a bridge's controller targets (e.g. `ptcp:6653:127.0.0.1`); the Controller rows are replaced. */
export function setController(bridge: string, targets: readonly string[]): Operation[] {
  const ops: Operation[] = targets.map((t, k) => op.insert('Controller', { target: t }, `c${k}`));
  ops.push(
    op.update('Bridge', [['name', '==', bridge]], { controller: ['set', targets.map((_, k) => namedUuid(`c${k}`))] }),
  );
  return ops;
}

/** Removes a port (its Interface rows are garbage-collected with it). */
export function deletePort(bridge: string, portUuid: string): Operation[] {
  return [op.mutate('Bridge', [['name', '==', bridge]], [mutation('ports', 'delete', ['set', [['uuid', portUuid]]])])];
}
