/**
 * Random desired states, reconciled one after another on one real NB (bounded: ~40 steps): after each
 * step NB holds exactly the planned records, addresses are unique and inside their subnets, pods that
 * stay keep their address, and planning again on what NB holds gives no operation.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { OvsdbClient } from '../../../src/ovsdb/index.js';
import { startOvsdb, type EmbeddedOvsdb, type OvsdbServer } from '../../../src/testing/index.js';
import {
  KUBE_NB_TABLES,
  planReconcile,
  reconcile,
  recordsFromSnapshot,
  withDefaultSubnets,
  type IpRecord,
} from '../../../src/kube/index.js';
import { readNbSnapshot } from '../../../src/ovn-nb/index.js';
import { cidrContains, parseAddress, parseCidr } from '../../../src/ipam/index.js';

let srv: OvsdbServer | EmbeddedOvsdb;
let nb: OvsdbClient;
beforeAll(async () => {
  srv = await startOvsdb({ schema: 'nb' });
  nb = await OvsdbClient.connect(srv.unix);
});
afterAll(async () => {
  await nb?.close();
  await srv?.stop();
});

const SUBNETS = withDefaultSubnets([
  { name: 'subnet1', cidrBlock: '10.66.0.0/16', excludeIps: ['10.66.0.1..10.66.0.10'], namespaces: ['ns1'] },
  { name: 'small', cidrBlock: '192.168.7.0/28', namespaces: ['ns2'] },
]);
const CIDR: Record<string, string> = {
  join: '100.64.0.0/16',
  'ovn-default': '10.16.0.0/16',
  subnet1: '10.66.0.0/16',
  small: '192.168.7.0/28',
};

test('random sequences of pod sets converge, keep addresses, and re-plan to nothing', async () => {
  const podArb = fc.record({
    i: fc.integer({ min: 0, max: 29 }),
    ns: fc.constantFrom('default', 'ns1', 'ns2'),
    node: fc.constantFrom('node1', 'node2'),
  });
  const stepArb = fc.uniqueArray(podArb, { selector: (p) => `${p.i}.${p.ns}`, maxLength: 12 });
  let previous = new Map<string, IpRecord>();
  await fc.assert(
    fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 4 }), async (steps) => {
      for (const step of steps) {
        const pods = step.map((p) => ({ name: `pod${p.i}`, namespace: p.ns, node: p.node }));
        const r = await reconcile(nb, { subnets: SUBNETS, nodes: ['node1', 'node2'], pods });
        const snap = await readNbSnapshot(nb, KUBE_NB_TABLES);
        const held = recordsFromSnapshot(snap).sort((a, b) => a.name.localeCompare(b.name));
        const planned = [...r.ipam.records]
          .map((x) => ({ ...x, node: x.node }))
          .sort((a, b) => a.name.localeCompare(b.name));
        expect(held).toEqual(planned);
        expect(new Set(held.map((x) => x.ip)).size).toBe(held.length);
        for (const h of held)
          expect(cidrContains(parseCidr(CIDR[h.subnet]!), parseAddress(h.ip).value), `${h.name} ${h.ip}`).toBe(true);
        for (const h of held) {
          const before = previous.get(h.name);
          if (before) expect(h.ip, h.name).toBe(before.ip);
        }
        previous = new Map(held.map((h) => [h.name, h]));
        expect(planReconcile({ subnets: SUBNETS, nodes: ['node1', 'node2'], pods }, snap).operations).toEqual([]);
      }
    }),
    { numRuns: 10, seed: 4242 },
  );
});
