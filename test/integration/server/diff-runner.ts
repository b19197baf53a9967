/**
 * Runs random transactions (diff-gen.ts) against several OVSDB servers at once over unix sockets —
 * two ovsdb-servers (the reference and a control) and the embedded server — with v1, v2 and v3
 * monitors open on the same session, and compares replies and update streams after normalising uuids.
 * Where the two ovsdb-servers disagree with each other (hash-order choices: which of several errors
 * is reported, the order of the two rows in a duplicate-index message) the case is counted as
 * nondeterministic and not compared.
 */
import { connect } from '../../../src/transport/index.js';
import { JsonRpcPeer, JsonRpcErrorResponse } from '../../../src/jsonrpc/index.js';
import { UUID_RE } from '../../../src/ovsdb/notation.js';
import { ovsJsonText } from '../../../src/server/json-text.js';
import { FAKE_UUID_RE, TxnGenerator } from './diff-gen.js';

export interface DiffBackend {
  readonly name: string;
  readonly remote: string;
}

interface Conn {
  readonly name: string;
  readonly peer: JsonRpcPeer;
  readonly notes: unknown[];
  readonly tokens: Map<string, string>;
  readonly uuidOf: Map<number, string>;
}

export interface DiffResult {
  transactions: number;
  compared: number;
  nondeterministic: number;
  mismatches: { index: number; what: string; request: unknown; expected: unknown; actual: unknown }[];
  /** Replies that were errors / commits, for the report. */
  errors: number;
  opCounts: Record<string, number>;
}

async function open(b: DiffBackend): Promise<Conn> {
  const s = await connect(b.remote);
  const peer = new JsonRpcPeer({ write: (t) => s.write(t), close: () => s.close() }, { inactivityProbeMs: 0 });
  s.onData((c) => peer.receive(c));
  s.onClose((e) => peer.closed(e));
  const conn: Conn = { name: b.name, peer, notes: [], tokens: new Map(), uuidOf: new Map() };
  peer.onNotification((n) => conn.notes.push([n.method, ...n.params]));
  return conn;
}

async function call(c: Conn, method: string, params: unknown[]): Promise<unknown> {
  try {
    return { result: await c.peer.request(method, params, { timeoutMs: 20_000 }) };
  } catch (e) {
    if (e instanceof JsonRpcErrorResponse) return { error: e.error };
    throw new Error(`${c.name}: ${(e as Error).message} on ${method} ${JSON.stringify(params).slice(0, 2000)}`, {
      cause: e,
    });
  }
}

/** Replaces `{ $row: n }` with this server's uuid for token n. */
function bind(v: unknown, c: Conn): unknown {
  if (Array.isArray(v)) return v.map((x) => bind(x, c));
  if (v && typeof v === 'object') {
    if ('$row' in v)
      return ['uuid', c.uuidOf.get((v as { $row: number }).$row) ?? 'aaaaaaaa-0000-4000-8000-000000000099'];
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, bind(x, c)]));
  }
  return v;
}

const UUID_G = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

function normString(s: string, c: Conn): string {
  let out = s.replace(
    UUID_G,
    (u) => c.tokens.get(u) ?? (FAKE_UUID_RE.test(u) ? u : u === '00000000-0000-0000-0000-000000000000' ? u : 'UNKNOWN'),
  );
  // Which of several rows violating referential integrity is reported depends on ovsdb-server's
  // hash order of rows in the transaction: the row and its count are masked, table and column kept.
  out = out
    .replace(/^(Table \S+ column \S+ row )\S+( references nonexistent row )/, '$1ROW$2')
    .replace(/^(cannot delete \S+ row )\S+ because of \d+ remaining/, '$1ROW because of N remaining')
    // A mutation failing on several rows reports the first in ovsdb-server's hash order of rows.
    .replace(
      /^-?[\d.e+-]+( is (?:not in the valid range|less than minimum allowed value|greater than maximum allowed value) )/,
      'N$1',
    );
  // Which two of the rows sharing an index value are named depends on ovsdb-server's hash order of
  // the transaction's rows: keep the table and the index, mask the rows.
  const m =
    /^(Transaction causes multiple rows in \S+ table to have identical values )\(.*\)( for index on .*?\. {2})First row/.exec(
      out,
    );
  if (m) return `${m[1]}(…)${m[2]}ROWS`;
  return out;
}

const canon = (v: unknown) => ovsJsonText(v);

/** uuid tokens, `_version` masked, sets / maps / row lists in a canonical order. */
export function normalize(v: unknown, c: Conn): unknown {
  if (typeof v === 'string') return UUID_RE.test(v) || v.length > 30 || v.includes('-') ? normString(v, c) : v;
  if (Array.isArray(v)) {
    const arr = v.map((x) => normalize(x, c));
    if ((arr[0] === 'set' || arr[0] === 'map') && arr.length === 2 && Array.isArray(arr[1]))
      return [arr[0], [...(arr[1] as unknown[])].sort((a, b) => (canon(a) < canon(b) ? -1 : 1))];
    return arr;
  }
  if (v && typeof v === 'object') {
    const o: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      const nk = UUID_RE.test(k) ? normString(k, c) : k;
      if (k === '_version') o[nk] = 'V';
      else if (k === 'rows' && Array.isArray(x))
        o[nk] = (x.map((r) => normalize(r, c)) as unknown[]).sort((a, b) => (canon(a) < canon(b) ? -1 : 1));
      else o[nk] = normalize(x, c);
    }
    return o;
  }
  return v;
}

function learnInserts(c: Conn, txn: unknown[], reply: unknown, index: number): void {
  const res = (reply as { result?: unknown }).result;
  if (!Array.isArray(res)) return;
  txn.slice(1).forEach((op, j) => {
    const r = res[j] as { uuid?: [string, string] } | null;
    if (r && Array.isArray(r.uuid) && (op as { op?: string }).op === 'insert') {
      const token = index * 10 + j;
      c.tokens.set(r.uuid[1], `#${token}`);
      c.uuidOf.set(token, r.uuid[1]);
    }
  });
}

export interface DiffOptions {
  /** The schema document. */
  schema: object;
  /** Tables the transactions work on. */
  tables: readonly string[];
  seed: number;
  transactions: number;
  /** [reference, control, candidate]. */
  backends: readonly [DiffBackend, DiffBackend, DiffBackend];
  /** Stop collecting after this many mismatches (default 20). */
  maxMismatches?: number;
}

/** Runs the comparison; resolves with counts and the first mismatches. */
export async function runDifferential(o: DiffOptions): Promise<DiffResult> {
  const conns = await Promise.all(o.backends.map(open));
  const gen = new TxnGenerator(o.schema, o.seed, undefined, o.tables);
  const db = gen.schema.name;
  const out: DiffResult = {
    transactions: 0,
    compared: 0,
    nondeterministic: 0,
    mismatches: [],
    errors: 0,
    opCounts: {},
  };
  const max = o.maxMismatches ?? 20;
  const mon = o.tables.slice(0, 6);
  const monReq = (v: 1 | 2 | 3) =>
    Object.fromEntries(
      mon.map((t, i) => [
        t,
        v === 1 ? {} : i % 2 ? [{ where: gen.condition(gen.schema.tables[t]!, false, true) }] : [{}],
      ]),
    );

  /** Sends the same request to every server, compares; returns the normalised replies. */
  const step = async (
    index: number,
    what: string,
    method: string,
    params: unknown[],
    after?: (c: Conn, reply: unknown) => void,
  ): Promise<unknown[]> => {
    const replies = await Promise.all(conns.map((c) => call(c, method, bind(params, c) as unknown[])));
    conns.forEach((c, i) => after?.(c, replies[i]));
    // The reference server's "live" monitor says which rows exist (for the generator's references).
    for (const n of conns[0]!.notes as unknown[][]) {
      if (n[0] !== 'update' || n[1] !== 'live') continue;
      for (const [t, rows] of Object.entries(
        n[2] as Record<string, Record<string, { old?: unknown; new?: unknown }>>,
      )) {
        for (const [u, ru] of Object.entries(rows)) {
          const tok = conns[0]!.tokens.get(u);
          if (!tok) continue;
          const token = Number(tok.slice(1));
          const l = gen.state.rows.get(t) ?? [];
          if (ru.new && !ru.old && !l.includes(token)) l.push(token);
          if (ru.old && !ru.new) l.splice(l.indexOf(token) >>> 0, l.includes(token) ? 1 : 0);
          gen.state.rows.set(t, l);
        }
      }
    }
    const norm = conns.map((c, i) => {
      const notes = c.notes
        .splice(0)
        .map((n) => normalize(n, c))
        .sort((a, b) => (canon(a) < canon(b) ? -1 : 1));
      return { reply: normalize(replies[i], c), notes };
    });
    const [ref, ctl, cand] = norm as [unknown, unknown, unknown];
    if (canon(ref) !== canon(ctl)) out.nondeterministic++;
    else {
      out.compared++;
      if (canon(ref) !== canon(cand) && out.mismatches.length < max)
        out.mismatches.push({ index, what, request: params, expected: ref, actual: cand });
    }
    return replies;
  };

  try {
    await step(-1, 'monitor v1', 'monitor', [db, 'm1', monReq(1)]);
    await step(-1, 'monitor_cond v2', 'monitor_cond', [db, 'm2', monReq(2)]);
    await step(-1, 'monitor v1 (live rows)', 'monitor', [
      db,
      'live',
      Object.fromEntries(o.tables.map((t) => [t, { columns: [] }])),
    ]);
    await step(-1, 'monitor_cond_since v3', 'monitor_cond_since', [
      db,
      'm3',
      monReq(3),
      '00000000-0000-0000-0000-000000000000',
    ]);
    for (let i = 0; i < o.transactions; i++) {
      if (i % 250 === 249)
        await step(i, 'monitor_cond_change', 'monitor_cond_change', [
          i % 500 === 249 ? 'm2' : 'm3',
          i % 500 === 249 ? 'm2' : 'm3',
          gen.condChange(mon.filter((_, k) => k % 2 === 1).length ? mon.filter((_, k) => k % 2 === 1) : mon),
        ]);
      const txn = gen.transaction();
      for (const op of txn.slice(1)) {
        const name = typeof op === 'object' && op && 'op' in op ? String((op as { op: unknown }).op) : 'malformed';
        out.opCounts[name] = (out.opCounts[name] ?? 0) + 1;
      }
      const replies = await step(i, 'transact', 'transact', txn, (c, r) => learnInserts(c, txn, r, i));
      const res = (replies[0] as { result?: unknown[] }).result;
      if (Array.isArray(res) && res.some((r) => r && typeof r === 'object' && 'error' in (r as object))) out.errors++;
      out.transactions++;
      if (out.mismatches.length >= max) break;
    }
  } finally {
    for (const c of conns) c.peer.close();
  }
  return out;
}
