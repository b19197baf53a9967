/**
 * The Open vSwitch Python IDL (`ovs.db.idl`, Debian's python3-openvswitch, run by /usr/bin/python3)
 * against the embedded server, and the same script against ovsdb-server for comparison: it syncs every
 * NB table (register_all, so a monitor of all 30 tables and their columns), sees a switch this SDK
 * wrote, writes a switch with a port and modifies the existing one in one IDL transaction (the IDL
 * sends `wait`/`update`/`insert` with named uuids and checks the commit's results), and sees its own
 * write come back through its monitor. Then this SDK's client reads what the IDL wrote.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { OvsdbClient } from '../../../src/ovsdb/index.js';
import { run, startOvsdb, type OvsdbBackend } from '../../../src/testing/index.js';

const SCRIPT = fileURLToPath(new URL('./python/idl_client.py', import.meta.url));
const stops: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const s of stops.reverse()) await s();
});

const BACKENDS: readonly OvsdbBackend[] = ['embedded', 'ovsdb-server'];

describe.each(BACKENDS)('Python ovs.db.idl on %s', (backend) => {
  test('syncs all tables, writes through an IDL transaction, and the SDK client reads the write', async () => {
    const srv = await startOvsdb({ schema: 'nb', backend });
    stops.push(() => srv.stop());
    const client = await OvsdbClient.connect(srv.unix);
    stops.push(() => client.close());
    await client.transact('OVN_Northbound', [
      { op: 'insert', table: 'NB_Global', row: {} },
      { op: 'insert', table: 'Logical_Switch', row: { name: 'sdk-sw' } },
    ]);

    const out = (await run('/usr/bin/python3', [SCRIPT, srv.unix], { timeoutMs: 60_000 })).stdout;
    const lines = out
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[0]).toEqual({ synced: ['sdk-sw'], tables: 30 });
    const uuid = lines[1]!.inserted as string;
    expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(lines[2]).toEqual({ after: ['py-sw', 'sdk-sw'] });

    const [sw, lsp] = await client.transact('OVN_Northbound', [
      { op: 'select', table: 'Logical_Switch', where: [], columns: ['_uuid', 'name', 'ports', 'external_ids'] },
      {
        op: 'select',
        table: 'Logical_Switch_Port',
        where: [],
        columns: ['_uuid', 'name', 'addresses', 'external_ids'],
      },
    ]);
    const rows = (sw as { rows: Record<string, unknown>[] }).rows;
    const ports = (lsp as { rows: Record<string, unknown>[] }).rows;
    expect(ports).toHaveLength(1);
    const port = ports[0]!;
    expect(port.name).toBe('py-p1');
    expect(port.addresses).toBe('00:00:00:00:00:aa 10.99.0.2');
    expect(port.external_ids).toEqual(['map', [['writer', 'python-idl']]]);
    const py = rows.find((r) => r.name === 'py-sw')!;
    expect(py._uuid).toEqual(['uuid', uuid]);
    expect(py.ports).toEqual(port._uuid);
    expect(py.external_ids).toEqual(['map', []]);
    expect(rows.find((r) => r.name === 'sdk-sw')!.external_ids).toEqual(['map', [['py', 'yes']]]);
  });
});
