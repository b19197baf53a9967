/**
 * The tree `ovs-vsctl show` prints, from an Open_vSwitch database: the Open_vSwitch row (by uuid),
 * its managers and bridges, each bridge's controllers, fail mode, datapath type and ports, each port's
 * tag, trunks and interfaces, each interface's type, options, error and bfd_status. As ovs-vsctl:
 * rows in the order of their uuids, columns with their default value left out, strings quoted unless
 * they read as a bare identifier.
 */
import type { OvsdbClient } from '../ovsdb/client.js';
import { op } from '../ovsdb/operations.js';

type Wire = unknown;
type Row = Record<string, Wire> & { _uuid: ['uuid', string] };

interface ShowTable {
  readonly name: string;
  /** Column printed after the table name; the uuid for the root table. */
  readonly nameColumn: string | undefined;
  /** Columns in print order; a column naming another show table prints its rows nested. */
  readonly columns: readonly (readonly [column: string, child?: string])[];
}

/** ovs-vsctl's show tables (utilities/ovs-vsctl.c, OVS 3.1). */
const TABLES: readonly ShowTable[] = [
  {
    name: 'Open_vSwitch',
    nameColumn: undefined,
    columns: [['manager_options', 'Manager'], ['bridges', 'Bridge'], ['ovs_version']],
  },
  {
    name: 'Bridge',
    nameColumn: 'name',
    columns: [['controller', 'Controller'], ['fail_mode'], ['datapath_type'], ['ports', 'Port']],
  },
  { name: 'Port', nameColumn: 'name', columns: [['tag'], ['trunks'], ['interfaces', 'Interface']] },
  { name: 'Interface', nameColumn: 'name', columns: [['type'], ['options'], ['error'], ['bfd_status']] },
  { name: 'Controller', nameColumn: 'target', columns: [['is_connected']] },
  { name: 'Manager', nameColumn: 'target', columns: [['is_connected']] },
];

/** Reads the tables `ovs-vsctl show` prints. */
export async function readVswitchShow(
  client: Pick<OvsdbClient, 'transact'>,
  database = 'Open_vSwitch',
): Promise<Map<string, Map<string, Row>>> {
  const results = await client.transact(
    database,
    TABLES.map((t) => op.select(t.name, [])),
  );
  const out = new Map<string, Map<string, Row>>();
  TABLES.forEach((t, i) => {
    const rows = (results[i] as { rows: Row[] }).rows;
    out.set(t.name, new Map(rows.map((r) => [r._uuid[1], r])));
  });
  return out;
}

/**
 * Renders the show tree.
 * @example
 * process.stdout.write(renderVswitchShow(await readVswitchShow(client)));
 */
export function renderVswitchShow(db: ReadonlyMap<string, ReadonlyMap<string, Row>>): string {
  const lines: string[] = [];
  const root = db.get('Open_vSwitch');
  for (const uuid of [...(root?.keys() ?? [])].sort()) row('Open_vSwitch', uuid, 0);
  return lines.map((l) => `${l}\n`).join('');

  function row(tableName: string, uuid: string, level: number): void {
    const t = TABLES.find((x) => x.name === tableName)!;
    const r = db.get(tableName)?.get(uuid);
    if (r === undefined) return;
    const pad = ' '.repeat(level * 4);
    lines.push(t.nameColumn === undefined ? `${pad}${uuid}` : `${pad}${tableName} ${datumText(r[t.nameColumn])}`);
    for (const [col, child] of t.columns) {
      const v = r[col];
      if (child !== undefined) {
        for (const ref of uuidsOf(v).sort()) row(child, ref, level + 1);
        continue;
      }
      if (isDefault(v)) continue;
      lines.push(`${' '.repeat((level + 1) * 4)}${col}: ${datumText(v)}`);
    }
  }
}

function uuidsOf(v: Wire): string[] {
  if (Array.isArray(v) && v[0] === 'uuid') return [v[1] as string];
  if (Array.isArray(v) && v[0] === 'set') return (v[1] as ['uuid', string][]).map((x) => x[1]);
  return [];
}

function isDefault(v: Wire): boolean {
  if (v === '' || v === false || v === 0) return true;
  if (Array.isArray(v) && (v[0] === 'set' || v[0] === 'map')) return (v[1] as unknown[]).length === 0;
  return false;
}

/** ovsdb_datum_to_string: a set of one as its atom, `[a, b]` for more, `{k=v, …}` for a map (sorted). */
function datumText(v: Wire): string {
  if (Array.isArray(v) && v[0] === 'map') {
    const pairs = (v[1] as [Wire, Wire][]).map(([k, x]) => [atomText(k), atomText(x)] as const);
    pairs.sort((a, b) =>
      compareAtoms(
        (v[1] as [Wire, Wire][]).find((p) => atomText(p[0]) === a[0])![0],
        (v[1] as [Wire, Wire][]).find((p) => atomText(p[0]) === b[0])![0],
      ),
    );
    return `{${pairs.map(([k, x]) => `${k}=${x}`).join(', ')}}`;
  }
  if (Array.isArray(v) && v[0] === 'set') {
    const atoms = [...(v[1] as Wire[])].sort(compareAtoms);
    return atoms.length === 1 ? atomText(atoms[0]) : `[${atoms.map(atomText).join(', ')}]`;
  }
  return atomText(v);
}

function compareAtoms(a: Wire, b: Wire): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const sa = Array.isArray(a) ? String(a[1]) : String(a);
  const sb = Array.isArray(b) ? String(b[1]) : String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

const UUID_RE = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

function atomText(a: Wire): string {
  if (typeof a === 'string') return needsQuotes(a) ? JSON.stringify(a) : a;
  if (Array.isArray(a) && a[0] === 'uuid') return String(a[1]);
  return String(a);
}

/** lib/ovsdb-data.c string_needs_quotes: bare only for an identifier that is not true/false/a uuid. */
function needsQuotes(s: string): boolean {
  if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(s)) return true;
  return s === 'true' || s === 'false' || UUID_RE.test(s);
}
