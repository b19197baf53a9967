/**
 * NbReplica against the real ovsdb-server and ovn-northd: builders planned on the replica (no select),
 * read-your-writes, conflicts with a concurrent writer re-planned from the updated replica, typed
 * errors with nothing half-written, and `wait: 'sb'`.
 *
 * To make "the replica is stale while another writer commits" deterministic, replica A talks to the
 * server through a framed fault proxy whose filter holds A's monitor notifications back and lets them
 * through (re-injected, in order) right after the next transaction reply reaches A.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { OvsdbClient } from '../../../src/ovsdb/index.js';
import { startFaultProxy, startOvnCentral, type FaultProxy, type OvnCentral } from '../../../src/testing/index.js';
import { NbReplica, lsAdd, lspAdd, lspDel, lsDel, NbTxn } from '../../../src/ovn-nb/index.js';

let central: OvnCentral;
let proxy: FaultProxy;
let ca: OvsdbClient;
let cb: OvsdbClient;
let a: NbReplica;
let b: NbReplica;

/** Holds notifications to A until the next reply to A has passed. */
let holding = false;
let held: unknown[] = [];
function hold(): void {
  holding = true;
  held = [];
}

beforeAll(async () => {
  central = await startOvnCentral();
  await central.nbctl('--wait=sb', 'sync');
  proxy = await startFaultProxy(central.nb.tcp, { pieceSize: 65536 }, { frames: true });
  proxy.setFilter('toClient', (m) => {
    const msg = m as { method?: string; id?: unknown; result?: unknown };
    if (!holding) return true;
    if (msg.method === 'update3' || msg.method === 'update2' || msg.method === 'update') {
      held.push(m);
      return false;
    }
    if (msg.id !== undefined && msg.id !== null && 'result' in msg && Array.isArray(msg.result)) {
      // A transaction reply: let it pass, then the held notifications.
      holding = false;
      const out = held;
      held = [];
      setImmediate(() => {
        for (const h of out) proxy.injectAfter('toClient', 0, JSON.stringify(h));
      });
    }
    return true;
  });
  ca = await OvsdbClient.connect(proxy.remote);
  cb = await OvsdbClient.connect(central.nb.unix);
  a = await NbReplica.start(ca);
  b = await NbReplica.start(cb);
});
afterAll(async () => {
  await a?.close();
  await b?.close();
  await ca?.close();
  await cb?.close();
  await proxy?.close();
  await central?.stop();
});

/** Resolves once `pred` holds on replica `r` (checked on each update it applies). */
async function until(r: NbReplica, pred: () => boolean): Promise<void> {
  while (!pred()) if (!(await r.cache.waitForUpdates(1, 5000))) throw new Error('replica did not catch up');
}

const lspNames = async (): Promise<string[]> =>
  (await central.nbctl('--bare', '--columns=name', 'list', 'Logical_Switch_Port')).split('\n').filter(Boolean).sort();

test('a write planned on the replica sends no select, and the replica reflects it when transact resolves', async () => {
  const c = await a.transact((tx) => {
    lsAdd(tx, { name: 'sw0' });
    lspAdd(tx, { switch: 'sw0', name: 'p1', addresses: ['0a:00:00:00:00:01 10.0.0.2'] });
    return 'ok';
  });
  expect(c.value).toBe('ok');
  expect(c.operations.some((o) => o.op === 'select')).toBe(false);
  // Read-your-writes: no await between the commit and these reads.
  const p1 = a.cache.table('Logical_Switch_Port').index('name').get('p1') as
    { _uuid: string; addresses: string[] } | undefined;
  expect(p1?.addresses).toEqual(['0a:00:00:00:00:01 10.0.0.2']);
  const sw0 = a.cache.table('Logical_Switch').values().next().value as { ports: string[] };
  expect(sw0.ports).toEqual([p1!._uuid]);
  expect(await lspNames()).toEqual(['p1']);

  // A second port on the existing switch: a mutate of the switch guarded by its existence — the wait
  // is O(1), not the switch's port set.
  const c2 = await a.transact((tx) => lspAdd(tx, { switch: 'sw0', name: 'p2' }));
  const waits = c2.operations.filter((o) => o.op === 'wait');
  expect(waits).toHaveLength(1);
  expect(JSON.stringify(waits[0])).not.toContain(p1!._uuid);
  expect(a.cache.table('Logical_Switch_Port').index('name').get('p2')).toBeDefined();

  // Nothing to change: nothing sent.
  const c3 = await a.transact((tx) => lspAdd(tx, { switch: 'sw0', name: 'p2' }));
  expect(c3.operations).toEqual([]);
});

test('a column changed behind the plan’s back: the transaction conflicts, is re-planned on the updated replica and commits', async () => {
  await b.transact((tx) => lspAdd(tx, { switch: 'sw0', name: 'p3', addresses: ['0a:00:00:00:00:03 10.0.0.3'] }));
  await until(a, () => a.cache.table('Logical_Switch_Port').index('name').get('p3') !== undefined);
  hold();
  await b.transact((tx) => lspAdd(tx, { switch: 'sw0', name: 'p3', addresses: ['0a:00:00:00:00:33 10.0.0.33'] }));
  let plans = 0;
  const c = await a.transact((tx) => {
    plans++;
    return lspAdd(tx, {
      switch: 'sw0',
      name: 'p3',
      addresses: ['0a:00:00:00:00:30 10.0.0.30'],
      externalIds: { by: 'a' },
    });
  });
  expect(plans).toBe(2);
  expect(c.conflicts).toHaveLength(1);
  expect(c.conflicts[0]!.table).toBe('Logical_Switch_Port');
  expect((await central.nbctl('get', 'Logical_Switch_Port', 'p3', 'addresses')).trim()).toBe(
    '["0a:00:00:00:00:30 10.0.0.30"]',
  );
  expect(
    (a.cache.table('Logical_Switch_Port').index('name').get('p3') as { external_ids: Record<string, string> })
      .external_ids,
  ).toEqual({ by: 'a' });
});

test('a builder naming a switch another writer just deleted: typed NB_PARENT_NOT_FOUND after the re-plan, nothing written', async () => {
  await b.transact((tx) => lsAdd(tx, { name: 'doomed' }));
  await until(
    a,
    () => a.cache.table('Logical_Switch').filter((r) => (r as { name: string }).name === 'doomed').length === 1,
  );
  hold();
  await b.transact((tx) => lsDel(tx, 'doomed'));
  let plans = 0;
  await expect(
    a.transact((tx) => {
      plans++;
      lspAdd(tx, { switch: 'doomed', name: 'orphan' });
    }),
  ).rejects.toMatchObject({ code: 'NB_PARENT_NOT_FOUND', parent: 'doomed' });
  expect(plans).toBe(2);
  expect(await lspNames()).not.toContain('orphan');
});

test('a port deleted by its own builder after another writer moved it: the membership guard conflicts', async () => {
  hold();
  await b.transact((tx) => lspDel(tx, 'p2'));
  const c = await a.transact((tx) => lspDel(tx, 'p2'));
  // The first plan's mutate would be harmless, but it relied on sw0 holding p2: conflict, re-plan, nothing left to do.
  expect(c.conflicts).toHaveLength(1);
  expect(c.operations).toEqual([]);
  expect(await lspNames()).not.toContain('p2');
});

test('two replicas adding the same new port at once: one port, both resolve', async () => {
  const [x, y] = await Promise.all([
    a.transact((tx) => lspAdd(tx, { switch: 'sw0', name: 'race', addresses: ['0a:00:00:00:00:44 10.0.0.44'] })),
    b.transact((tx) => lspAdd(tx, { switch: 'sw0', name: 'race', addresses: ['0a:00:00:00:00:44 10.0.0.44'] })),
  ]);
  expect(x.conflicts.length + y.conflicts.length).toBeLessThanOrEqual(1);
  expect((await lspNames()).filter((n) => n === 'race')).toHaveLength(1);
});

test('every attempt conflicting ends in NB_CONFLICT with what changed each time', async () => {
  let n = 0;
  await expect(
    a.transact(
      (tx) => {
        n++;
        // A plan relying on a row that does not exist: its existence wait fails every time.
        tx.dependOn('Logical_Switch', '00000000-0000-0000-0000-00000000dead');
        lsAdd(tx, { name: `never-${n}` });
      },
      { maxAttempts: 2, conflictWaitMs: 50 },
    ),
  ).rejects.toMatchObject({
    code: 'NB_CONFLICT',
    conflicts: [{ attempt: 1, table: 'Logical_Switch' }, { attempt: 2 }],
  });
  expect(
    (await central.nbctl('--bare', '--columns=name', 'list', 'Logical_Switch'))
      .split('\n')
      .filter((s) => s.startsWith('never')),
  ).toEqual([]);
});

test('wait: "sb" bumps nb_cfg in the same transaction and resolves once northd has processed it', async () => {
  const c = await a.transact((tx) => lspAdd(tx, { switch: 'sw0', name: 'p9' }), { wait: 'sb' });
  expect(c.nbCfg).toBeGreaterThan(0);
  expect(a.cfg()!.sb).toBeGreaterThanOrEqual(c.nbCfg!);
  // northd has written the binding by now.
  expect(
    (await central.sbctl('--bare', '--columns=logical_port', 'find', 'Port_Binding', 'logical_port=p9')).trim(),
  ).toBe('p9');
});

test('wait: "hv" with no chassis is a typed error (after the commit), and the snapshot path still works', async () => {
  await expect(a.transact((tx) => lspAdd(tx, { switch: 'sw0', name: 'p10' }), { wait: 'hv' })).rejects.toMatchObject({
    code: 'NB_NO_CHASSIS',
  });
  expect(await lspNames()).toContain('p10');
  const tx = new NbTxn(a.source);
  lspAdd(tx, { switch: 'sw0', name: 'p10' });
  expect(tx.operations()).toEqual([]);
});

test('a write on a closed replica is NB_REPLICA_NOT_SYNCED and sends nothing', async () => {
  const c = await OvsdbClient.connect(central.nb.unix);
  const r = await NbReplica.start(c);
  await r.close();
  await expect(r.transact((tx) => lsAdd(tx, { name: 'late' }))).rejects.toMatchObject({
    code: 'NB_REPLICA_NOT_SYNCED',
  });
  await c.close();
  expect((await central.nbctl('--bare', '--columns=name', 'list', 'Logical_Switch')).split('\n')).not.toContain('late');
});
