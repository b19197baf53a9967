/**
 * `npm run demo`: the main job on an embedded default.
 *
 * With OVN_NB_DB set (and OVN_SB_DB to see northd's bindings) it works on those databases; otherwise it
 * starts a throwaway NB + SB + ovn-northd with the project's harness. It creates the `ovn-default`
 * logical switch (10.16.0.0/16, excluding 10.16.0.1) with two pod ports, reads them back, waits for
 * ovn-northd to create their SB Port_Binding rows, prints everything, and stops what it started.
 */
import { OvsdbClient, op, cond, namedUuid, type MonitorEvent, type WireValue } from '../src/ovsdb/index.js';
import { startOvnCentral, type OvnCentral } from '../src/testing/index.js';

const SWITCH = 'ovn-default';
const PORTS = [
  { name: 'ovn-default-node1-pod1.default', addresses: '00:00:00:aa:0d:31 10.16.0.8' },
  { name: 'ovn-default-node1-pod2.default', addresses: '00:00:00:28:19:46 10.16.0.9' },
];

function show(v: WireValue | undefined): string {
  if (Array.isArray(v) && v[0] === 'set') return `[${(v[1] as unknown[]).map((x) => JSON.stringify(x)).join(', ')}]`;
  if (Array.isArray(v) && v[0] === 'map') return `{${(v[1] as [unknown, unknown][]).map(([k, x]) => `${k}=${x}`).join(', ')}}`;
  if (Array.isArray(v)) return String(v[1]);
  return JSON.stringify(v);
}

async function main(): Promise<void> {
  let central: OvnCentral | undefined;
  let nbRemote = process.env.OVN_NB_DB;
  let sbRemote = process.env.OVN_SB_DB;
  if (!nbRemote) {
    process.stdout.write('OVN_NB_DB is not set: starting a throwaway NB + SB + ovn-northd… ');
    const t0 = Date.now();
    central = await startOvnCentral();
    nbRemote = central.nb.unix;
    sbRemote = central.sb.unix;
    console.log(`ready in ${Date.now() - t0} ms`);
  }
  const nb = await OvsdbClient.connect(nbRemote);
  const sb = sbRemote ? await OvsdbClient.connect(sbRemote) : undefined;
  try {
    console.log(`NB: ${nb.remote}${sb ? `   SB: ${sb.remote}` : '   (OVN_SB_DB not set: northd bindings are not checked)'}`);

    // Watch SB for the ports' bindings before creating them, so nothing is missed.
    const bound = new Map<string, { tunnel_key: number; datapath: string }>();
    let onBound = () => {};
    if (sb) {
      const take = (rows: Record<string, { initial?: Record<string, WireValue>; insert?: Record<string, WireValue> }> | undefined) => {
        for (const r of Object.values(rows ?? {})) {
          const row = r.initial ?? r.insert;
          if (row) bound.set(String(row.logical_port), { tunnel_key: Number(row.tunnel_key), datapath: show(row.datapath) });
        }
        onBound();
      };
      const initial = await sb.monitorCond(
        'OVN_Southbound',
        'demo',
        { Port_Binding: { columns: ['logical_port', 'tunnel_key', 'datapath'], where: PORTS.map((p) => ['logical_port', '==', p.name] as const) } },
        (e: MonitorEvent) => {
          if (e.method !== 'update') take(e.updates.Port_Binding as never);
        },
      );
      take(initial.Port_Binding as never);
    }

    // Create the switch and its ports in one transaction, idempotently: a `wait` guards the switch insert
    // (Logical_Switch has no name index), and ports already present are left alone.
    const [existing] = await nb.transact('OVN_Northbound', [op.select('Logical_Switch', [cond('name', '==', SWITCH)], ['_uuid'])]);
    if (existing.rows.length === 0) {
      await nb.transact('OVN_Northbound', [
        op.wait('Logical_Switch', [cond('name', '==', SWITCH)], ['name'], '==', [], 0),
        op.insert(
          'Logical_Switch',
          {
            name: SWITCH,
            other_config: ['map', [['subnet', '10.16.0.0/16'], ['exclude_ips', '10.16.0.1']]],
            ports: ['set', PORTS.map((_, i) => namedUuid(`p${i}`))],
          },
          'ls',
        ),
        ...PORTS.map((p, i) => op.insert('Logical_Switch_Port', { name: p.name, addresses: p.addresses }, `p${i}`)),
      ]);
      console.log(`created logical switch ${SWITCH} with ${PORTS.length} ports`);
    } else {
      console.log(`logical switch ${SWITCH} already exists: reading it back`);
    }

    // Read back.
    const [ls] = await nb.transact('OVN_Northbound', [op.select('Logical_Switch', [cond('name', '==', SWITCH)], ['_uuid', 'name', 'other_config', 'ports'])]);
    const sw = ls.rows[0]!;
    console.log(`\nswitch ${show(sw._uuid)} (${sw.name})`);
    console.log(`    other_config: ${show(sw.other_config)}`);
    const portRows = await nb.transact(
      'OVN_Northbound',
      PORTS.map((p) => op.select('Logical_Switch_Port', [cond('name', '==', p.name)], ['_uuid', 'name', 'addresses'])),
    );
    for (const p of portRows.flatMap((r) => r.rows)) {
      console.log(`    port ${p.name}\n        addresses: ${show(p.addresses)}`);
    }

    if (sb) {
      const deadline = Date.now() + 10_000;
      await new Promise<void>((resolve, reject) => {
        const check = () => {
          if (PORTS.every((p) => bound.has(p.name))) resolve();
          else if (Date.now() > deadline) reject(new Error(`northd did not bind ${PORTS.filter((p) => !bound.has(p.name)).map((p) => p.name).join(', ')} within 10 s`));
        };
        onBound = check;
        const t = setInterval(() => {
          check();
          if (PORTS.every((p) => bound.has(p.name)) || Date.now() > deadline) clearInterval(t);
        }, 50);
        check();
      });
      console.log('\nSB Port_Binding rows created by ovn-northd:');
      for (const p of PORTS) {
        const b = bound.get(p.name)!;
        console.log(`    ${p.name}: tunnel_key ${b.tunnel_key}, datapath ${b.datapath}`);
      }
    }
  } finally {
    await nb.close();
    await sb?.close();
    if (central) {
      await central.stop();
      console.log('\nstopped the throwaway NB, SB and ovn-northd');
    }
  }
}

main().catch((e) => {
  console.error(`demo failed: ${e instanceof Error ? `${(e as { code?: string }).code ?? e.name}: ${e.message}` : e}`);
  process.exitCode = 1;
});
