/**
 * Compile-cost probe: a file that uses the full OVN_Southbound model through the typed API
 * (inserts, references, conditions, mutations, selects and typed results on several tables).
 * Measured with `node bench/typecheck-cost.mjs` (tsc --extendedDiagnostics against a baseline
 * file that does not import the model); results in bench/RESULTS-codegen.md.
 */
import { transaction } from '../src/ovsdb/typed/index.js';
import { ovnSouthboundModel } from '../src/ovn-sb/generated/ovn-southbound.gen.js';

export function buildSouthboundTransaction() {
  const tx = transaction(ovnSouthboundModel);
  const encap = tx.insert('Encap', { chassis_name: 'ch0', ip: '192.0.2.1', type: 'geneve', options: { csum: 'true' } });
  const ch = tx.insert('Chassis', { name: 'ch0', hostname: 'host0', encaps: [encap], external_ids: {} });
  tx.insert('Chassis_Private', { name: 'ch0', chassis: ch, nb_cfg: 1 });
  const dp = tx.insert('Datapath_Binding', { tunnel_key: 5, external_ids: { 'logical-switch': 'x' } });
  const pb = tx.insert('Port_Binding', {
    datapath: dp,
    logical_port: 'lp0',
    tunnel_key: 1,
    mac: ['00:00:00:00:00:01 10.0.0.2'],
    chassis: ch,
  });
  tx.insert('Logical_Flow', {
    logical_datapath: dp,
    pipeline: 'ingress',
    table_id: 0,
    priority: 100,
    match: 'ip4',
    actions: 'next;',
  });
  tx.insert('Multicast_Group', { datapath: dp, name: '_MC_flood', tunnel_key: 32768, ports: [pb] });
  tx.insert('MAC_Binding', { datapath: dp, ip: '10.0.0.3', logical_port: 'lp0', mac: '00:00:00:00:00:03' });
  tx.update('Port_Binding', [['_uuid', '==', pb]], { up: true, options: { 'requested-chassis': 'ch0' } });
  tx.mutate(
    'Chassis',
    [['name', '==', 'ch0']],
    [
      ['external_ids', 'insert', { a: 'b' }],
      ['transport_zones', 'insert', ['tz1']],
    ],
  );
  tx.mutate('Datapath_Binding', [['tunnel_key', '>=', 1]], [['external_ids', 'delete', ['logical-switch']]]);
  tx.delete('FDB', [
    ['dp_key', '==', 5],
    ['port_key', '<', 10],
  ]);
  const flows = tx.select('Logical_Flow', [['pipeline', '==', 'egress']], ['match', 'actions', 'priority']);
  const bindings = tx.select('Port_Binding', [['chassis', 'includes', ch]]);
  tx.wait('SB_Global', [], ['nb_cfg'], '==', [{ nb_cfg: 1 }], 0);
  const results = tx.decodeResults([]);
  const f = results.get(flows);
  const b = results.get(bindings);
  return { f: f[0]?.priority, b: b[0]?.logical_port, chassis: results.get(ch) };
}
