/**
 * The README's five-minute tour (`npx tsx examples/quickstart.ts`; the consumer test runs it against the
 * packed tarball). The recommended path: a session (fails fast, reconnects, follows the cluster leader),
 * a replica cache that follows it, and the ovn-nb builders planned on that replica (NbReplica): no read per
 * write, guarded against concurrent writers, and the replica shows the change when `transact` resolves.
 * Uses OVN_NB_DB when set, else a throwaway Northbound ovsdb-server.
 */
import { OvsdbSession } from 'ovn-sdk/ovsdb';
import { ReplicaCache } from 'ovn-sdk/ovsdb/cache';
import { NB_DATABASE, NB_REPLICA_TABLES, NbReplica, lsAdd, lspAdd, ovnNorthboundModel } from 'ovn-sdk/ovn-nb';
import { startOvsdbServer } from 'ovn-sdk/testing';

const server = process.env.OVN_NB_DB ? undefined : await startOvsdbServer({ schema: 'nb' });
const remote = process.env.OVN_NB_DB ?? server!.unix;
try {
  // 1. Connect. A wrong database name fails at once (OVSDB_UNKNOWN_DATABASE); an unreachable remote is
  //    retried until timeoutMs (OVSDB_SESSION_NOT_READY names it and why).
  const session = await OvsdbSession.start(remote, { database: NB_DATABASE, timeoutMs: 10_000 });

  // 2. A typed, indexed replica of the builder tables, kept current across reconnects.
  const cache = await ReplicaCache.follow(session, { model: ovnNorthboundModel, tables: [...NB_REPLICA_TABLES] });
  const nb = NbReplica.on(cache);

  // 3. Write with the builders, planned on the replica: `ovn-nbctl --may-exist ls-add sw0 -- lsp-add sw0 sw0-p1
  //    -- lsp-set-addresses …`. A concurrent writer's change makes it re-plan (NB_CONFLICT after 5 tries);
  //    `{ wait: 'sb' }` would also wait for ovn-northd, like ovn-nbctl --wait=sb.
  await nb.transact((tx) => {
    lsAdd(tx, { name: 'sw0' });
    lspAdd(tx, { switch: 'sw0', name: 'sw0-p1', addresses: ['00:00:00:00:00:01 10.0.0.2'] });
  });

  // 4. Read it back: the replica already holds the change.
  for (const sw of cache.table('Logical_Switch').all()) console.log('switch', sw.name, 'ports', sw.ports.length);
  for (const p of cache.table('Logical_Switch_Port').all()) console.log('port', p.name, p.addresses.join(','));

  await cache.close();
  await session.close();
} finally {
  await server?.stop();
}
