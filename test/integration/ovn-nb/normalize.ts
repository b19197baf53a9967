/** Normalizers for comparing two NB databases through ovn-nbctl's own output (UUIDs blanked, sets sorted). */
import { run, type OvsdbServer } from '../../../src/testing/index.js';

export const nbctl = async (srv: Pick<OvsdbServer, 'unix'>, ...args: string[]): Promise<string> =>
  (await run('ovn-nbctl', [`--db=${srv.unix}`, ...args])).stdout;

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** `ovn-nbctl show` with UUIDs blanked and every level sorted (row order follows UUIDs). */
export async function show(srv: Pick<OvsdbServer, 'unix'>): Promise<string> {
  // Gateway chassis are listed in set (UUID) order: sort them too.
  const text = (await nbctl(srv, 'show'))
    .replace(UUID, 'UUID')
    .replace(/gateway chassis: \[([^\]]*)\]/g, (_, l: string) => `gateway chassis: [${l.split(' ').sort().join(' ')}]`);
  type Node = { line: string; kids: Node[] };
  const root: Node = { line: '', kids: [] };
  const stack: { indent: number; node: Node }[] = [{ indent: -1, node: root }];
  for (const line of text.split('\n').filter((l) => l.trim())) {
    const indent = line.length - line.trimStart().length;
    while (stack.at(-1)!.indent >= indent) stack.pop();
    const node = { line, kids: [] };
    stack.at(-1)!.node.kids.push(node);
    stack.push({ indent, node });
  }
  const print = (n: Node): string[] => [n.line, ...n.kids.map((k) => print(k).join('\n')).sort()];
  return print(root).slice(1).join('\n');
}

/**
 * Every table as `ovn-nbctl -f json list` prints it, with each UUID replaced by a label: the table and
 * name of a named row, else the row's own content (labels resolved bottom-up), rows sorted.
 */
export async function list(
  srv: Pick<OvsdbServer, 'unix'>,
  TABLES: readonly string[],
): Promise<Record<string, string[]>> {
  const raw: Record<string, Record<string, unknown>[]> = {};
  for (const t of TABLES) {
    const j = JSON.parse(await nbctl(srv, '-f', 'json', 'list', t)) as { headings: string[]; data: unknown[][] };
    raw[t] = j.data.map((row) => Object.fromEntries(j.headings.map((h, i) => [h, row[i]])));
  }
  const label = new Map<string, string>();
  for (const [t, rows] of Object.entries(raw)) {
    for (const r of rows) {
      const name = r.name;
      if (typeof name === 'string' && name !== '' && t !== 'ACL')
        label.set((r._uuid as [string, string])[1], `${t}:${name}`);
    }
  }
  const norm = (v: unknown): unknown => {
    if (Array.isArray(v) && v[0] === 'uuid') return label.get(v[1] as string) ?? '?';
    if (Array.isArray(v) && v[0] === 'set')
      return [
        'set',
        (v[1] as unknown[])
          .map(norm)
          .map((x) => JSON.stringify(x))
          .sort(),
      ];
    if (Array.isArray(v) && v[0] === 'map')
      return [
        'map',
        (v[1] as unknown[][])
          .map(([k, x]) => [norm(k), norm(x)])
          .sort((p, q) => JSON.stringify(p).localeCompare(JSON.stringify(q))),
      ];
    if (typeof v === 'object' && v !== null && !Array.isArray(v))
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, norm(x)]));
    return v;
  };
  // Unnamed rows get content labels; repeat until every reference resolves.
  for (let pass = 0; pass < 4; pass++) {
    for (const [t, rows] of Object.entries(raw)) {
      for (const r of rows) {
        const u = (r._uuid as [string, string])[1];
        if (label.has(u) && label.get(u)!.startsWith(`${t}:`) && !label.get(u)!.startsWith(`${t}:{`)) continue;
        const { _uuid, ...rest } = r;
        label.set(u, `${t}:${JSON.stringify(norm(rest))}`);
      }
    }
  }
  const out: Record<string, string[]> = {};
  for (const [t, rows] of Object.entries(raw)) {
    out[t] = rows.map(({ _uuid, ...rest }) => JSON.stringify(norm(rest))).sort();
  }
  return out;
}
