/**
 * Southbound read helpers: chassis and their encapsulations, datapath bindings (tunnel key ↔ logical
 * switch/router name), port bindings (tunnel key ↔ logical port, bound chassis), multicast groups. A
 * snapshot is read in one transaction ({@link readSbView}) or decoded from select results
 * ({@link sbViewFromResults}); {@link SbView} answers the lookups, and {@link logicalNamesFromSb}
 * gives the `LogicalNames` that `geneve/explain` uses to turn a VNI and port keys into names.
 */
import type { OvsdbClient } from '../ovsdb/client.js';
import { op, type Operation, type SelectResult } from '../ovsdb/operations.js';
import type { TableSchema } from '../ovsdb/schema.js';
import { decodeRow } from '../ovsdb/typed/index.js';
import {
  ovnSouthboundSchema,
  type ChassisRow,
  type DatapathBindingRow,
  type EncapRow,
  type MulticastGroupRow,
  type PortBindingRow,
} from './generated/ovn-southbound.gen.js';

/** The Southbound database's name, `OVN_Southbound`. */
export const SB_DATABASE = 'OVN_Southbound';

/** The tables read, in the order of {@link sbSelects}. */
export const SB_VIEW_TABLES = ['Chassis', 'Encap', 'Datapath_Binding', 'Port_Binding', 'Multicast_Group'] as const;

/** A chassis with its encapsulations. */
export interface ChassisInfo {
  readonly uuid: string;
  readonly name: string;
  readonly hostname: string;
  readonly encaps: readonly {
    readonly type: string;
    readonly ip: string;
    readonly options: Readonly<Record<string, string>>;
  }[];
}

/** A datapath binding: `name` is `external_ids:name` (the NB switch or router name). */
export interface DatapathInfo {
  readonly uuid: string;
  readonly tunnelKey: number;
  readonly name: string;
  /** `switch` when NB's `logical-switch` is in external_ids, `router` for `logical-router`. */
  readonly kind: 'switch' | 'router' | 'unknown';
}

/** A port binding, with its datapath and (when bound) chassis resolved to names. */
export interface PortBindingInfo {
  readonly uuid: string;
  readonly logicalPort: string;
  readonly tunnelKey: number;
  readonly type: string;
  readonly datapath: DatapathInfo;
  readonly chassis: string | undefined;
  readonly mac: readonly string[];
}

/**
 * Selects of every table the view needs, for one transaction.
 * @example const res = await client.transact(SB_DATABASE, sbSelects()); const view = sbViewFromResults(res);
 */
export function sbSelects(): Operation[] {
  return SB_VIEW_TABLES.map((t) => op.select(t, []));
}

const table = (t: string): TableSchema => (ovnSouthboundSchema.tables as Record<string, TableSchema>)[t]!;

function decode<R>(t: string, res: unknown): R[] {
  return (res as SelectResult).rows.map((r) => decodeRow(ovnSouthboundSchema, table(t), r) as unknown as R);
}

/** Lookups over one consistent SB read. */
export class SbView {
  readonly chassis: readonly ChassisInfo[];
  readonly datapaths: readonly DatapathInfo[];
  readonly ports: readonly PortBindingInfo[];
  readonly multicastGroups: readonly {
    readonly name: string;
    readonly tunnelKey: number;
    readonly datapath: DatapathInfo;
  }[];
  readonly #dpByKey = new Map<number, DatapathInfo>();
  readonly #dpByName = new Map<string, DatapathInfo>();
  readonly #portByName = new Map<string, PortBindingInfo>();
  readonly #portByKey = new Map<string, PortBindingInfo>();

  constructor(rows: {
    chassis: readonly ChassisRow[];
    encaps: readonly EncapRow[];
    datapaths: readonly DatapathBindingRow[];
    ports: readonly PortBindingRow[];
    groups: readonly MulticastGroupRow[];
  }) {
    const encapByUuid = new Map(rows.encaps.map((e) => [e._uuid as string, e]));
    const chassisByUuid = new Map<string, ChassisInfo>();
    this.chassis = rows.chassis.map((c) => {
      const info: ChassisInfo = {
        uuid: c._uuid,
        name: c.name,
        hostname: c.hostname,
        encaps: c.encaps.flatMap((u) => {
          const e = encapByUuid.get(u);
          return e ? [{ type: e.type, ip: e.ip, options: e.options }] : [];
        }),
      };
      chassisByUuid.set(c._uuid, info);
      return info;
    });
    const dpByUuid = new Map<string, DatapathInfo>();
    this.datapaths = rows.datapaths.map((d) => {
      const ext = d.external_ids;
      const info: DatapathInfo = {
        uuid: d._uuid,
        tunnelKey: d.tunnel_key,
        name: ext.name ?? ext.name2 ?? '',
        kind:
          ext['logical-switch'] !== undefined ? 'switch' : ext['logical-router'] !== undefined ? 'router' : 'unknown',
      };
      dpByUuid.set(d._uuid, info);
      this.#dpByKey.set(info.tunnelKey, info);
      if (info.name) this.#dpByName.set(info.name, info);
      return info;
    });
    const unknownDp = (u: string): DatapathInfo => ({ uuid: u, tunnelKey: -1, name: '', kind: 'unknown' });
    this.ports = rows.ports.map((p) => {
      const dp = dpByUuid.get(p.datapath) ?? unknownDp(p.datapath);
      const info: PortBindingInfo = {
        uuid: p._uuid,
        logicalPort: p.logical_port,
        tunnelKey: p.tunnel_key,
        type: p.type,
        datapath: dp,
        chassis: p.chassis === undefined ? undefined : chassisByUuid.get(p.chassis)?.name,
        mac: p.mac,
      };
      this.#portByName.set(info.logicalPort, info);
      this.#portByKey.set(`${dp.tunnelKey}/${info.tunnelKey}`, info);
      return info;
    });
    this.multicastGroups = rows.groups.map((g) => ({
      name: g.name,
      tunnelKey: g.tunnel_key,
      datapath: dpByUuid.get(g.datapath) ?? unknownDp(g.datapath),
    }));
  }

  /** The datapath with this tunnel key (a GENEVE VNI). */
  datapathByKey(tunnelKey: number): DatapathInfo | undefined {
    return this.#dpByKey.get(tunnelKey);
  }
  /** The datapath of the NB switch or router with this name. */
  datapathByName(name: string): DatapathInfo | undefined {
    return this.#dpByName.get(name);
  }
  /** The port binding of a logical port. */
  port(logicalPort: string): PortBindingInfo | undefined {
    return this.#portByName.get(logicalPort);
  }
  /** The port with `portKey` on the datapath with `datapathKey`. */
  portByKey(datapathKey: number, portKey: number): PortBindingInfo | undefined {
    return this.#portByKey.get(`${datapathKey}/${portKey}`);
  }
  /** Ports bound to the chassis named `chassis`. */
  portsOnChassis(chassis: string): PortBindingInfo[] {
    return this.ports.filter((p) => p.chassis === chassis);
  }
}

/** Builds an {@link SbView} from the results of {@link sbSelects}. */
export function sbViewFromResults(results: readonly unknown[]): SbView {
  return new SbView({
    chassis: decode<ChassisRow>('Chassis', results[0]),
    encaps: decode<EncapRow>('Encap', results[1]),
    datapaths: decode<DatapathBindingRow>('Datapath_Binding', results[2]),
    ports: decode<PortBindingRow>('Port_Binding', results[3]),
    groups: decode<MulticastGroupRow>('Multicast_Group', results[4]),
  });
}

/**
 * Reads chassis, encaps, datapath and port bindings and multicast groups in one transaction.
 * @example
 * const sb = await readSbView(client);
 * sb.datapathByKey(vni)?.name;              // 'ovn-default'
 * sb.portByKey(vni, 3)?.logicalPort;        // 'pod2.default'
 */
export async function readSbView(client: Pick<OvsdbClient, 'transact'>): Promise<SbView> {
  return sbViewFromResults((await client.transact(SB_DATABASE, sbSelects())) as readonly unknown[]);
}

/**
 * Resolves tunnel keys to names; the same shape as `LogicalNames` in `geneve/explain` (declared here
 * too, because ovn-sb does not depend on geneve), so the result can be passed to `explainFrame`.
 */
export interface LogicalNames {
  datapath(vni: number): string | undefined;
  port(datapathKey: number, portKey: number): string | undefined;
}

/**
 * The `LogicalNames` GENEVE explain expects, from an SB view: a VNI names a datapath, (VNI, port key)
 * a port binding or, for egress keys ≥ 0x8000, a multicast group.
 * @example explainFrame(frame, logicalNamesFromSb(await readSbView(sbClient)))
 */
export function logicalNamesFromSb(view: SbView): LogicalNames {
  const groups = new Map(view.multicastGroups.map((g) => [`${g.datapath.tunnelKey}/${g.tunnelKey}`, g.name]));
  return {
    datapath: (vni) => view.datapathByKey(vni)?.name,
    port: (dp, p) => view.portByKey(dp, p)?.logicalPort ?? groups.get(`${dp}/${p}`),
  };
}
