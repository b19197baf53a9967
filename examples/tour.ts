/**
 * The README's API tour as a program that runs (`npx tsx examples/tour.ts`) and type-checks in `npm test`.
 * Uses OVN_NB_DB when set, else a throwaway NB + SB + ovn-northd.
 */
import { OvsdbClient, OvsdbSession, op, namedUuid, OvsdbTransactionError } from 'ovn-sdk/ovsdb';
import { ReplicaCache } from 'ovn-sdk/ovsdb/cache';
import { transaction } from 'ovn-sdk/ovsdb/typed';
import { ovnNorthboundModel } from 'ovn-sdk/ovn-nb';
import { startOvnCentral } from 'ovn-sdk/testing';
import { reconcile, renderSubnetTable, withDefaultSubnets } from 'ovn-sdk/kube';
import { encapsulate, decapsulate, findOvnMetadata, ovnMetadataOption } from 'ovn-sdk/geneve';

const central = process.env.OVN_NB_DB ? undefined : await startOvnCentral();
const nb = await OvsdbClient.connect(process.env.OVN_NB_DB ?? central!.nb.unix);
try {
  // 1. Plain RFC 7047 operations, validated against the schema before they are sent.
  await nb.transact('OVN_Northbound', [
    op.insert('Logical_Switch', { name: 'sw0', ports: ['set', [namedUuid('p')]] }),
    op.insert('Logical_Switch_Port', { name: 'sw0-p1', addresses: '00:00:00:aa:0d:31 10.16.0.8' }, 'p'),
  ]);

  // 2. The same through the generated model: wrong tables, columns and value types do not compile.
  const tx = transaction(ovnNorthboundModel);
  const port = tx.insert('Logical_Switch_Port', { name: 'sw0-p2', addresses: ['00:00:00:28:19:46 10.16.0.9'] });
  tx.mutate('Logical_Switch', [['name', '==', 'sw0']], [['ports', 'insert', [port]]]);
  const sel = tx.select('Logical_Switch', [['name', '==', 'sw0']], ['name', 'ports']);
  const results = tx.decodeResults(await nb.transact(tx.database, tx.operations()));
  console.log('sw0 has', results.get(sel)[0]!.ports.length, 'ports');

  // 3. A replica cache with indexes and row events.
  const cache = await ReplicaCache.start(nb, 'OVN_Northbound', { tables: ['Logical_Switch', 'Logical_Switch_Port'] });
  console.log('cached ports:', cache.table('Logical_Switch_Port').size);

  // 4. Every server error is its own class with a stable code (docs/errors.md).
  try {
    await nb.transact('OVN_Northbound', [
      op.insert('Address_Set', { name: 'as1' }),
      op.insert('Address_Set', { name: 'as1' }),
    ]);
  } catch (e) {
    if (e instanceof OvsdbTransactionError) console.log(e.code, 'at operation', e.opIndex); // OVSDB_CONSTRAINT_VIOLATION
  }
  await cache.close();

  // 5. The Kube-OVN model: VPC ovn-cluster, join and ovn-default, a custom subnet, pods with IPAM.
  const r = await reconcile(nb, {
    subnets: withDefaultSubnets([
      {
        name: 'subnet1',
        cidrBlock: '10.66.0.0/16',
        excludeIps: ['10.66.0.1..10.66.0.10'],
        natOutgoing: true,
        namespaces: ['ns1'],
      },
    ]),
    nodes: ['node1'],
    pods: [{ name: 'pod1', namespace: 'ns1', node: 'node1' }],
  });
  process.stdout.write(renderSubnetTable(r.ipam.subnets, r.ipam.usage));

  // 6. GENEVE with OVN's option: ingress port key 2, egress port key 4, VNI = the datapath's tunnel key.
  const inner = Buffer.alloc(64, 0);
  const frame = encapsulate(inner, {
    eth: { src: '02:00:00:00:00:01', dst: '02:00:00:00:00:02' },
    ip: { version: 4, src: '192.168.251.1', dst: '192.168.251.2' },
    geneve: { vni: 1, options: [ovnMetadataOption({ ingressPort: 2, egressPort: 4 })] },
  });
  const d = decapsulate(frame);
  console.log('vni', d.geneve.vni, findOvnMetadata(d.geneve));

  // 7. A leader-aware session over a cluster's remotes (here one server) and a cache that follows it:
  //    reconnects resume with monitor_cond_since; a transaction cut in flight is OVSDB_OUTCOME_UNKNOWN,
  //    and with `idempotent: true` it is sent again after the reconnect (the wait makes it safe).
  const session = await OvsdbSession.start([process.env.OVN_NB_DB ?? central!.nb.unix], { database: 'OVN_Northbound' });
  const followed = await ReplicaCache.follow(session, { tables: ['Logical_Switch'] });
  await session.transact(
    [
      op.wait('Logical_Switch', [['name', '==', 'sw-tour']], ['name'], '==', [], 0),
      op.insert('Logical_Switch', { name: 'sw-tour' }),
    ],
    { idempotent: true },
  );
  console.log(
    'session on',
    session.remote,
    'state',
    session.state,
    'switches cached',
    followed.table('Logical_Switch').size,
  );
  await followed.close();
  await session.close();
} finally {
  await nb.close();
  await central?.stop();
}
