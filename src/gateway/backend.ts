/**
 * What the gateway serves from: a Northbound connection with its replica (Kube-OVN tables), and when
 * given a Southbound one (chassis, datapath and port bindings). The kubectl views are the command
 * line's own (`getView … -o json`), memoised until the replica sees the next update.
 */
import type { OvsdbClient } from '../ovsdb/client.js';
import { ReplicaCache } from '../ovsdb/cache/index.js';
import type { Logger } from '../ovsdb/index.js';
import { ovnNorthboundModel } from '../ovn-nb/index.js';
import type { NbSnapshot } from '../ovn-nb/txn.js';
import { KUBE_NB_TABLES } from '../kube/index.js';
import { ovnSouthboundModel, SbView, SB_VIEW_TABLES } from '../ovn-sb/index.js';
import type {
  ChassisRow,
  DatapathBindingRow,
  EncapRow,
  MulticastGroupRow,
  PortBindingRow,
} from '../ovn-sb/generated/ovn-southbound.gen.js';
import { getView } from '../cli/get.js';
import { topologyFrom, type SubnetUsageCount, type Topology } from './topology.js';
import { connectRemotes } from '../cli/connect.js';

/** One database: its client and replica. */
export interface Replica {
  readonly client: OvsdbClient;
  readonly cache: ReplicaCache;
  close(): Promise<void>;
}

/** Connects and starts a replica of `tables`. */
export async function startReplica(
  remote: string,
  database: 'OVN_Northbound' | 'OVN_Southbound',
  logger: Logger | undefined,
): Promise<Replica> {
  const c = await connectRemotes(remote, database);
  try {
    const cache =
      database === 'OVN_Northbound'
        ? await ReplicaCache.start(c.client, database, {
            model: ovnNorthboundModel,
            // NB_Global's external_ids hold the command line's applied specs: a change there changes
            // the views, so it must bump the replica (the views' memo key) too.
            tables: {
              ...Object.fromEntries(KUBE_NB_TABLES.map((t) => [t, true] as const)),
              NB_Global: ['external_ids'],
            },
            ...(logger ? { logger } : {}),
          })
        : await ReplicaCache.start(c.client, database, {
            model: ovnSouthboundModel,
            tables: [...SB_VIEW_TABLES],
            ...(logger ? { logger } : {}),
          });
    return {
      client: c.client,
      cache: cache as unknown as ReplicaCache,
      close: async () => {
        await cache.close();
        await c.close();
      },
    };
  } catch (e) {
    await c.close();
    throw e;
  }
}

/** The `get -o json` list kinds the gateway serves. */
export type ViewKind = 'subnet' | 'ip' | 'vpc';

/** Reads views and the topology for the gateway's methods. */
export class Backend {
  private memo = new Map<string, { seq: number; value: unknown }>();

  constructor(
    readonly nb: Replica,
    readonly sb: Replica | undefined,
    readonly sbRemote: string | undefined,
  ) {}

  /** `ovn-sdk get <kind> [name] -o json`, parsed: a `List`'s items, or the one object named. */
  async view(kind: ViewKind, name?: string): Promise<unknown> {
    const key = `${kind}/${name ?? ''}`;
    const seq = this.nb.cache.updateCount;
    const hit = this.memo.get(key);
    if (hit && hit.seq === seq) return hit.value;
    const doc = JSON.parse(await getView(this.nb.client, kind, name, 'json')) as { kind?: string; items?: unknown[] };
    const value = name === undefined ? (doc.items ?? []) : doc;
    if (this.memo.size > 64) this.memo.clear();
    this.memo.set(key, { seq, value });
    return value;
  }

  /** Forgets memoised views (after a write through this gateway: read-your-writes on the next view). */
  invalidate(): void {
    this.memo.clear();
  }

  /** The NB replica's Kube-OVN tables as a snapshot (the rows are the replica's immutable rows, not copies). */
  nbSnapshot(): NbSnapshot {
    const out: Record<string, ReadonlyMap<string, unknown>> = {};
    for (const t of KUBE_NB_TABLES) out[t] = new Map([...this.nb.cache.table(t).values()].map((r) => [r._uuid, r]));
    return out as NbSnapshot;
  }

  /** The SB replica as an {@link SbView}, or undefined without a Southbound. */
  sbView(): SbView | undefined {
    if (!this.sb) return undefined;
    const rows = <R>(t: string) => [...this.sb!.cache.table(t).values()] as unknown as R[];
    return new SbView({
      chassis: rows<ChassisRow>('Chassis'),
      encaps: rows<EncapRow>('Encap'),
      datapaths: rows<DatapathBindingRow>('Datapath_Binding'),
      ports: rows<PortBindingRow>('Port_Binding'),
      groups: rows<MulticastGroupRow>('Multicast_Group'),
    });
  }

  /** The topology: the NB replica, the subnets' usage (from the subnet view), SB keys when present. */
  async topology(): Promise<Topology> {
    const subnets = (await this.view('subnet')) as {
      metadata: { name: string };
      status: { v4availableIPs: number; v4usingIPs: number; v6availableIPs: number; v6usingIPs: number };
    }[];
    const usage = new Map<string, SubnetUsageCount>(
      subnets.map((s) => [
        s.metadata.name,
        {
          used: s.status.v4usingIPs + s.status.v6usingIPs,
          available: s.status.v4availableIPs + s.status.v6availableIPs,
        },
      ]),
    );
    return topologyFrom(this.nbSnapshot(), usage, this.sbView());
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.nb.close(), this.sb?.close()]);
  }
}
