/**
 * Hostile client messages against the embedded OVSDB server (src/server), in process over in-memory
 * streams, so a million messages take minutes:
 *   npx tsx fuzz/server-messages.ts [count=1000000] [seed=1]
 *
 * Rounds of 1–3 concurrent connections (so locks are contended and one session's commits reach
 * another's monitors). Most connections speak well-framed JSON-RPC with hostile content: every method
 * (and unknown ones) with random or null params, unknown databases, `transact` with random operations
 * over the NB and SB schemas' real tables and columns (values well-typed or not, named and real uuids,
 * conditions, mutations, waits with timeouts, commit, abort, assert), monitors of every version with
 * random requests, cond_change, cancel, lock/steal/unlock, replies and notifications. The rest send
 * raw garbage: malformed or truncated JSON, byte flips, invalid UTF-8, deep nesting and messages over
 * the size limit. Bytes are delivered in random chunks.
 *
 * Passes when: no exception escapes (uncaught or unhandled rejection), the server logs no internal
 * error (a request that threw is a bug: bad input must get an RFC 7047 error or a typed close), every
 * byte the server sends is a valid JSON-RPC message, no connection stays open after its client closed,
 * and the server answers a health check (echo and a select) after every round. Prints the count, time
 * and histograms of replies and close reasons; exits non-zero on a failure. A fixed-seed slice runs in
 * test/unit/server/fuzz-messages.test.ts.
 */
import { pathToFileURL } from 'node:url';
import { JsonSplitter, parseMessage } from '../src/jsonrpc/splitter.js';
import type { Logger } from '../src/jsonrpc/peer.js';
import { type BaseType, type ColumnType, type DatabaseSchema } from '../src/ovsdb/schema.js';
import { ovnNorthboundSchema } from '../src/ovn-nb/generated/ovn-northbound.gen.js';
import { ovnSouthboundSchema } from '../src/ovn-sb/generated/ovn-southbound.gen.js';
import { EmbeddedOvsdbServer } from '../src/server/server.js';
import { invalidMessage } from '../src/server/session.js';
import { xorshift32 } from '../src/testing/random.js';
import type { ByteStream } from '../src/transport/stream.js';

export interface ServerFuzzResult {
  readonly messages: number;
  readonly connections: number;
  readonly ms: number;
  /** What came back: `ok <method>`, `error <method>: <error>`, `op <error>` (per failed operation), `notify <method>`. */
  readonly replies: Readonly<Record<string, number>>;
  /** Why the server ended a connection (its warn log lines, reason up to the first colon). */
  readonly closes: Readonly<Record<string, number>>;
  readonly failures: readonly string[];
}

export interface ServerFuzzOptions {
  readonly count: number;
  readonly seed: number;
  /** A fresh server after this many messages (bounds the database's growth). Default 20,000. */
  readonly serverEvery?: number;
  readonly onProgress?: (messages: number) => void;
}

type Rnd = () => number;
const pick = <T>(r: Rnd, xs: readonly T[]): T => xs[r() % xs.length]!;
const MAX_MESSAGE = 64 * 1024;
const SCHEMAS: readonly DatabaseSchema[] = [ovnNorthboundSchema, ovnSouthboundSchema];
const DBS = SCHEMAS.map((s) => s.name);
const METHODS = [
  'transact',
  'transact',
  'transact',
  'transact',
  'monitor',
  'monitor_cond',
  'monitor_cond_since',
  'monitor_cond_change',
  'monitor_cancel',
  'get_schema',
  'list_dbs',
  'get_server_id',
  'lock',
  'steal',
  'unlock',
  'echo',
  'set_db_change_aware',
  'cancel',
  'frobnicate',
  'Transact',
  '',
] as const;

const hex = (r: Rnd, n: number) => Array.from({ length: n }, () => '0123456789abcdef'[r() % 16]).join('');
const uuidStr = (r: Rnd) => `${hex(r, 8)}-${hex(r, 4)}-${hex(r, 4)}-${hex(r, 4)}-${hex(r, 12)}`;

/** Any JSON value, occasionally a hostile one (huge numbers, NUL, lone surrogates, deep nesting). */
function anyValue(r: Rnd, depth = 0): unknown {
  const k = r() % 100;
  if (k < 2 && depth === 0) {
    let v: unknown = 1;
    for (let i = 0, n = pick(r, [10, 100, 1000]); i < n; i++) v = [v];
    return v;
  }
  if (depth > 2 || k < 55)
    return pick(r, [
      0,
      -1,
      1.5,
      2 ** 63,
      -(2 ** 63),
      Number.MAX_SAFE_INTEGER + 2,
      1e300,
      true,
      false,
      null,
      '',
      'x',
      '\u0000',
      '\ud800',
      'é',
      'uuid',
      'set',
      'map',
      'named-uuid',
      uuidStr(r),
      r(),
    ]);
  if (k < 80) return Array.from({ length: r() % 4 }, () => anyValue(r, depth + 1));
  const o: Record<string, unknown> = {};
  for (let i = 0, n = r() % 4; i < n; i++)
    o[pick(r, ['a', 'name', 'op', 'table', 'where', 'rows', String(i)])] = anyValue(r, depth + 1);
  return o;
}

/** Per-connection state the generator draws on: uuids the server handed out, names declared so far. */
interface Ctx {
  readonly uuids: string[];
  names: string[];
  monitorIds: unknown[];
  /** This message is hostile in its details too (wrong types, names, shapes), not only in its choices. */
  noisy: boolean;
}

/** True now and then (1 in n) in a noisy message, never in a clean one. */
const bad = (r: Rnd, ctx: Ctx, n: number) => ctx.noisy && r() % n === 0;

function atom(r: Rnd, b: BaseType, ctx: Ctx): unknown {
  if (bad(r, ctx, 10)) return anyValue(r, 2);
  switch (b.type) {
    case 'integer': {
      const lo = b.minInteger ?? -5;
      const hi = b.maxInteger ?? 70000;
      return bad(r, ctx, 4)
        ? pick(r, [lo - 1, hi + 1, 2 ** 53, -(2 ** 63)])
        : lo + (r() % Math.max(1, Math.min(hi - lo + 1, 1e6)));
    }
    case 'real':
      return pick(r, [0, 0.5, -1e10, 1e308, b.minReal ?? 0, b.maxReal ?? 1]);
    case 'boolean':
      return r() % 2 === 0;
    case 'string':
      if (b.enum && (!ctx.noisy || r() % 4 !== 0)) return pick(r, b.enum);
      return pick(r, ['', 'a', 'sw0', 'lsp1', 'x'.repeat(1 + (r() % 40)), '\u0000', 'é', '10.0.0.1', uuidStr(r)]);
    case 'uuid': {
      const k = r() % 4;
      if (k === 0 && ctx.names.length) return ['named-uuid', pick(r, ctx.names)];
      if (k === 1 && ctx.noisy) return ['named-uuid', pick(r, ['n0', 'n1', 'undeclared', ''])];
      if ((k <= 2 || !ctx.noisy) && ctx.uuids.length) return ['uuid', pick(r, ctx.uuids)];
      if (!ctx.noisy && ctx.names.length) return ['named-uuid', pick(r, ctx.names)];
      return ['uuid', bad(r, ctx, 3) ? 'not-a-uuid' : uuidStr(r)];
    }
  }
}

/** A datum for a column type: usually well-formed for it, sometimes subtly or wholly wrong. */
function datum(r: Rnd, t: ColumnType, ctx: Ctx): unknown {
  const k = ctx.noisy ? r() % 20 : 4 + (r() % 16);
  if (k === 0) return anyValue(r);
  const max = t.max === 'unlimited' ? 4 : Math.min(t.max + (k === 1 ? 1 : 0), 4);
  const n = Math.max(0, Math.min(max, (t.min === 0 ? 0 : t.min) + (r() % (max + 1))));
  if (t.value) {
    const pairs = Array.from({ length: n }, () => [atom(r, t.key, ctx), atom(r, t.value!, ctx)]);
    return k === 2 ? ['map', pairs.map((p) => [p[0]])] : ['map', pairs];
  }
  if (t.max === 1 && t.min === 1 && k > 5) return atom(r, t.key, ctx);
  const elems = Array.from({ length: n }, () => atom(r, t.key, ctx));
  if (k === 3 && elems.length) elems.push(elems[0]);
  return ['set', elems];
}

const FUNCS = ['==', '!=', '<', '<=', '>', '>=', 'includes', 'excludes', '=~'];
const MUTATORS = ['+=', '-=', '*=', '/=', '%=', 'insert', 'delete', 'append'];

// Root tables: a row inserted there is not collected as garbage at once.
const FOCUS = ['Logical_Switch', 'Address_Set', 'Logical_Router', 'Chassis', 'Datapath_Binding', 'SB_Global'];

function tableOf(r: Rnd, s: DatabaseSchema, ctx: Ctx): { name: unknown; cols: [string, ColumnType][] } {
  const names = Object.keys(s.tables);
  if (bad(r, ctx, 12)) return { name: pick(r, ['Nope', '', 5, null, '_Server', 'logical_switch']), cols: [] };
  // Mostly a few tables per schema, so that monitors see the commits of other messages.
  const focus = names.filter((n) => FOCUS.includes(n));
  const t = s.tables[r() % 10 < 7 && focus.length ? pick(r, focus) : pick(r, names)]!;
  return { name: t.name, cols: Object.values(t.columns).map((c) => [c.name, c.type]) };
}

function colName(r: Rnd, cols: [string, ColumnType][], ctx: Ctx): [unknown, ColumnType | undefined] {
  if (cols.length === 0 || bad(r, ctx, 10)) return [pick(r, ['_uuid', '_version', 'nope', 7, null]), undefined];
  const c = pick(r, cols);
  return [c[0], c[1]];
}

function where(r: Rnd, cols: [string, ColumnType][], ctx: Ctx): unknown {
  if (bad(r, ctx, 15)) return anyValue(r);
  return Array.from({ length: r() % 3 }, () => {
    if (bad(r, ctx, 12)) return pick(r, [true, false, ['name'], [1, 2, 3], 'x']);
    if (r() % 6 === 0 && ctx.uuids.length) return ['_uuid', pick(r, ['==', '!=']), ['uuid', pick(r, ctx.uuids)]];
    const [c, t] = colName(r, cols, ctx);
    return [c, pick(r, FUNCS), t ? datum(r, t, ctx) : anyValue(r)];
  });
}

function row(r: Rnd, cols: [string, ColumnType][], ctx: Ctx): unknown {
  if (bad(r, ctx, 20)) return anyValue(r);
  const o: Record<string, unknown> = {};
  for (let i = 0, n = r() % 4; i < n; i++) {
    const [c, t] = colName(r, cols, ctx);
    o[String(c)] = t ? datum(r, t, ctx) : anyValue(r);
  }
  return o;
}

function operation(r: Rnd, s: DatabaseSchema, ctx: Ctx): unknown {
  const { name: table, cols } = tableOf(r, s, ctx);
  const op = pick(r, [
    'insert',
    'insert',
    'insert',
    'select',
    'update',
    'mutate',
    'mutate',
    'delete',
    'commit',
    'comment',
    // These fail or block a transaction more often than not: fewer in clean messages.
    ...(ctx.noisy || r() % 4 === 0 ? ['wait', 'assert'] : []),
    ...(ctx.noisy ? ['abort', 'frob'] : []),
  ]);
  const o: Record<string, unknown> = { op };
  if (!['commit', 'abort', 'comment', 'assert'].includes(op) || bad(r, ctx, 5)) o.table = table;
  switch (op) {
    case 'insert':
      o.row = row(r, cols, ctx);
      if (r() % 2 === 0) {
        const n = pick(r, ctx.noisy ? ['n0', 'n1', 'row', '0bad', ''] : ['n0', 'n1', 'n2', 'row']);
        o['uuid-name'] = n;
        ctx.names.push(n);
      }
      if (bad(r, ctx, 10)) o.uuid = r() % 2 ? uuidStr(r) : 'bad';
      break;
    case 'select':
      o.where = where(r, cols, ctx);
      if (r() % 2 === 0) o.columns = Array.from({ length: r() % 3 }, () => colName(r, cols, ctx)[0]);
      break;
    case 'update':
      o.where = where(r, cols, ctx);
      o.row = row(r, cols, ctx);
      break;
    case 'mutate':
      o.where = where(r, cols, ctx);
      o.mutations = Array.from({ length: r() % 3 }, () => {
        const [c, t] = colName(r, cols, ctx);
        return [c, pick(r, MUTATORS), t ? (r() % 3 ? datum(r, t, ctx) : atom(r, t.key, ctx)) : anyValue(r)];
      });
      break;
    case 'delete':
      o.where = where(r, cols, ctx);
      break;
    case 'wait':
      o.where = where(r, cols, ctx);
      o.columns = Array.from({ length: r() % 3 }, () => colName(r, cols, ctx)[0]);
      o.until = ctx.noisy ? pick(r, ['==', '!=', '<', 5]) : pick(r, ['==', '!=']);
      o.rows = Array.from({ length: r() % 2 }, () => row(r, cols, ctx));
      if (r() % 3) o.timeout = ctx.noisy ? pick(r, [0, 1, 5, -1, 1.5, 'x']) : pick(r, [0, 0, 1, 5]);
      break;
    case 'commit':
      o.durable = ctx.noisy ? pick(r, [true, false, 'yes', null]) : r() % 2 === 0;
      break;
    case 'comment':
      o.comment = ctx.noisy ? pick(r, ['c', 5, '\u0000']) : 'c';
      break;
    case 'assert':
      o.lock = ctx.noisy ? pick(r, ['l0', 'l1', '', 3]) : pick(r, ['l0', 'l1']);
      break;
  }
  if (bad(r, ctx, 25)) delete o[pick(r, Object.keys(o))];
  if (bad(r, ctx, 25)) o[pick(r, ['extra', 'row', 'where'])] = anyValue(r);
  return o;
}

function monitorRequests(r: Rnd, s: DatabaseSchema, ctx: Ctx, cond: boolean): unknown {
  if (bad(r, ctx, 12)) return anyValue(r);
  const reqs: Record<string, unknown> = {};
  for (let i = 0, n = 1 + (r() % 3); i < n; i++) {
    const { name, cols } = tableOf(r, s, ctx);
    const one = () => {
      const m: Record<string, unknown> = {};
      if (r() % 2) {
        const c = Array.from({ length: r() % 3 }, () => colName(r, cols, ctx)[0]);
        m.columns = ctx.noisy ? c : [...new Set(c)];
      }
      if (r() % 3 === 0)
        m.select = { initial: r() % 2 === 0, insert: r() % 2 === 0, delete: bad(r, ctx, 4) ? 'x' : true, modify: true };
      if (cond && r() % 2) m.where = where(r, cols, ctx);
      return m;
    };
    // Two requests for one table must not share a column (ovsdb-server refuses the monitor): noisy only.
    reqs[String(name)] = r() % 2 ? one() : ctx.noisy ? [one(), one()] : [one()];
  }
  return reqs;
}

/** One well-framed JSON-RPC message with hostile content. */
function request(r: Rnd, ctx: Ctx): string {
  ctx.noisy = r() % 2 === 0;
  const method = pick(r, METHODS);
  const s = pick(r, SCHEMAS);
  const db = bad(r, ctx, 15) ? pick(r, ['Nope', '_Server', '', 1, null]) : s.name;
  const id = bad(r, ctx, 10) ? pick(r, [null, 'x', [1], { a: 1 }, 0, 1e300]) : 1 + (r() % 8);
  let params: unknown;
  switch (method) {
    case 'transact':
      ctx.names = [];
      params = [db, ...Array.from({ length: r() % 4 }, () => operation(r, s, ctx))];
      break;
    case 'monitor':
    case 'monitor_cond':
    case 'monitor_cond_since': {
      const mid = pick(r, [null, 'm', 1, ['m', 2], uuidStr(r)]);
      ctx.monitorIds.push(mid);
      params = [db, mid, monitorRequests(r, s, ctx, method !== 'monitor')];
      if (method === 'monitor_cond_since') params = [...(params as unknown[]), pick(r, [uuidStr(r), 'x', 0, null])];
      break;
    }
    case 'monitor_cond_change': {
      const old = ctx.monitorIds.length ? pick(r, ctx.monitorIds) : 'm';
      params = [old, pick(r, [old, 'm2', null]), monitorRequests(r, s, ctx, true)];
      break;
    }
    case 'monitor_cancel':
      params = [ctx.monitorIds.length && r() % 2 ? pick(r, ctx.monitorIds) : anyValue(r)];
      break;
    case 'get_schema':
      params = [db];
      break;
    case 'lock':
    case 'steal':
    case 'unlock':
      params = [pick(r, ['l0', 'l1', 'l0', '', '1bad', 5, null])];
      break;
    case 'cancel':
      params = [pick(r, [1, 2, 3, 'x', null])];
      break;
    case 'set_db_change_aware':
      params = [pick(r, [true, false, 'yes', 1])];
      break;
    default:
      params = Array.from({ length: r() % 3 }, () => anyValue(r));
  }
  // Shape damage at the JSON-RPC level: params null / not an array / absent, extra members, no id.
  const m: Record<string, unknown> = { id, method, params };
  // Each of these ends the connection (except the notification), so they are rarer than the rest.
  const k = ctx.noisy ? r() % 100 : 100;
  if (k === 0) m.params = null;
  else if (k === 1) m.params = anyValue(r);
  else if (k === 2) delete m.params;
  else if (k === 3) m.extra = 1;
  else if (k === 4) m.method = anyValue(r);
  else if (k === 5)
    m.id = null; // a notification
  else if (k === 6) return JSON.stringify({ id, result: anyValue(r), error: null });
  else if (k === 7)
    return JSON.stringify({ id: 'echo', result: [], error: null }); // a probe reply
  else if (k === 8) return JSON.stringify({ id, error: anyValue(r) });
  return JSON.stringify(m);
}

/** Raw garbage: malformed, truncated or oversized JSON, invalid UTF-8, byte flips, deep nesting. */
function garbage(r: Rnd, ctx: Ctx): Buffer {
  switch (r() % 9) {
    case 0: {
      const t = request(r, ctx);
      return Buffer.from(t.slice(0, r() % Math.max(1, t.length)));
    }
    case 1: {
      const b = Buffer.from(request(r, ctx));
      for (let i = 0, n = 1 + (r() % 3); i < n; i++) b[r() % b.length] = r() & 0xff;
      return b;
    }
    case 2:
      return Buffer.from(Array.from({ length: 1 + (r() % 40) }, () => r() & 0xff));
    case 3:
      return Buffer.concat([
        Buffer.from('{"id":1,"method":"echo","params":["'),
        Buffer.from([pick(r, [0xc3, 0xed, 0xf4, 0xff, 0x80]), pick(r, [0x28, 0xa0, 0x90, 0xff])]),
        Buffer.from('"]}'),
      ]);
    case 4:
      return Buffer.from(`{"id":1,"method":"echo","params":["${'x'.repeat(MAX_MESSAGE + (r() % 1000))}"]}`);
    case 5: {
      const n = pick(r, [100, 1000, 10_000, 100_000]);
      return Buffer.from(`{"id":1,"method":"echo","params":${'['.repeat(n)}${']'.repeat(n)}}`);
    }
    case 6:
      return Buffer.from(
        pick(r, ['[]', '1', '"s"', 'null', '{}', '}{', ']', 'nul', '{"id":1,"method":"echo","params":[]}}']),
      );
    case 7:
      return Buffer.from(
        `{"id":1,"method":"transact","params":["${pick(r, DBS)}",${'{"op":"comment","comment":"c"},'.repeat(2000 + (r() % 200))}{"op":"comment"}]}`,
      );
    default:
      return Buffer.from(JSON.stringify(anyValue(r)));
  }
}

const inc = (h: Record<string, number>, k: string) => void (h[k] = (h[k] ?? 0) + 1);
const tick = () => new Promise<void>((res) => setImmediate(res));

/** Runs the fuzzer; see the file header. */
export async function fuzzServer(opts: ServerFuzzOptions): Promise<ServerFuzzResult> {
  const r = xorshift32(opts.seed);
  const replies: Record<string, number> = {};
  const closes: Record<string, number> = {};
  const failures: string[] = [];
  const escaped: unknown[] = [];
  const onUncaught = (e: unknown) => escaped.push(e);
  process.on('uncaughtException', onUncaught);
  process.on('unhandledRejection', onUncaught);
  const logger: Logger = {
    debug: () => {},
    info: () => {},
    warn: (o) => inc(closes, String((o as { reason?: unknown }).reason ?? 'no reason').split(':')[0]!),
    error: (o, msg) => {
      const e = (o as { err?: Error }).err;
      failures.push(`server error log: ${msg}: ${e?.stack?.split('\n').slice(0, 12).join('\n') ?? JSON.stringify(o)}`);
    },
  };
  const every = opts.serverEvery ?? 20_000;
  let server: EmbeddedOvsdbServer | undefined;
  let sinceNew = Infinity;
  let messages = 0;
  let connections = 0;
  let lastProgress = 0;
  const t0 = performance.now();

  /** Reads the server's output on one connection: every frame must be a valid JSON-RPC message. */
  const watch = (s: ByteStream, ctx: Ctx, label: string) => {
    const split = new JsonSplitter({ maxMessageBytes: 1 << 30 });
    let bad = false;
    s.onData((chunk) => {
      if (bad) return;
      try {
        for (const f of split.feed(chunk)) {
          const m = parseMessage(f) as Record<string, unknown>;
          const why = invalidMessage(m);
          if (why) throw new Error(`invalid JSON-RPC from the server (${why}): ${f.toString().slice(0, 200)}`);
          if (typeof m.method === 'string') {
            inc(replies, `notify ${m.method}`);
            continue;
          }
          if (m.error !== undefined && m.error !== null) {
            const e = m.error as { error?: unknown } | string;
            inc(replies, `error: ${typeof e === 'string' ? e : String(e.error)}`);
            continue;
          }
          inc(replies, 'ok');
          if (Array.isArray(m.result)) {
            for (const o of m.result as unknown[]) {
              if (o && typeof o === 'object' && 'error' in o)
                inc(replies, `op ${String((o as { error: unknown }).error)}`);
              const u = (o as { uuid?: unknown } | null)?.uuid;
              if (Array.isArray(u) && typeof u[1] === 'string' && ctx.uuids.length < 64) ctx.uuids.push(u[1]);
            }
          }
        }
      } catch (e) {
        bad = true;
        failures.push(`${label}: ${(e as Error).message}`);
      }
    });
  };

  const health = async (srv: EmbeddedOvsdbServer, label: string) => {
    if (srv.connections !== 0) failures.push(`${label}: ${srv.connections} connection(s) still open on the server`);
    const s = await srv.connectInMemory();
    const got: string[] = [];
    const split = new JsonSplitter();
    s.onData((c) => {
      for (const f of split.feed(c)) got.push(f.toString());
    });
    s.write('{"id":"h1","method":"echo","params":["alive"]}');
    s.write(`{"id":"h2","method":"transact","params":["${DBS[0]}",{"op":"select","table":"NB_Global","where":[]}]}`);
    for (let i = 0; i < 50 && got.length < 2; i++) await tick();
    if (
      got[0] !== '{"id":"h1","result":["alive"],"error":null}' ||
      !got[1]?.startsWith('{"id":"h2","result":[{"rows":')
    )
      failures.push(`${label}: health check failed: ${JSON.stringify(got).slice(0, 300)}`);
    s.close();
    await tick();
  };

  try {
    while (messages < opts.count && failures.length === 0) {
      if (!server || sinceNew >= every) {
        await server?.stop();
        server = new EmbeddedOvsdbServer({
          schemas: SCHEMAS,
          logger,
          maxMessageBytes: MAX_MESSAGE,
          inactivityProbeMs: 0,
          txnHistory: r() % 2 === 0,
        });
        sinceNew = 0;
      }
      const srv = server;
      const round = connections;
      const conns = await Promise.all(
        Array.from({ length: 1 + (r() % 3) }, async () => {
          const s = await srv.connectInMemory();
          const ctx: Ctx = { uuids: [], names: [], monitorIds: [], noisy: false };
          watch(s, ctx, `connection ${connections++} (seed ${opts.seed})`);
          return { s, ctx, hostile: r() % 5 === 0 };
        }),
      );
      for (let i = 0, n = 1 + (r() % 30); i < n && messages < opts.count; i++) {
        const c = pick(r, conns);
        const bytes = c.hostile && r() % 3 === 0 ? garbage(r, c.ctx) : Buffer.from(request(r, c.ctx));
        messages++;
        sinceNew++;
        // Random chunking: the pieces reach the server in separate reads.
        let off = 0;
        while (off < bytes.length) {
          const len = r() % 4 === 0 ? 1 + (r() % Math.max(1, bytes.length - off)) : bytes.length - off;
          c.s.write(bytes.subarray(off, off + len));
          off += len;
          if (off < bytes.length) await tick();
        }
        if (r() % 4 === 0) await tick();
      }
      await tick();
      for (const c of conns) c.s.close();
      await tick();
      await tick();
      if (escaped.length)
        failures.push(`round ${round}: escaped ${String((escaped[0] as Error)?.stack ?? escaped[0])}`);
      await health(srv, `round ${round}`);
      if (opts.onProgress && messages - lastProgress >= 50_000) {
        lastProgress = messages;
        opts.onProgress(messages);
      }
    }
  } finally {
    await server?.stop();
    process.off('uncaughtException', onUncaught);
    process.off('unhandledRejection', onUncaught);
  }
  return { messages, connections, ms: performance.now() - t0, replies, closes, failures };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const count = Number(process.argv[2] ?? 1_000_000);
  const seed = Number(process.argv[3] ?? 1) >>> 0;
  const res = await fuzzServer({
    count,
    seed,
    onProgress: (n) => process.stderr.write(`${n} messages, ${(performance.now() / 1000) | 0} s\n`),
  });
  const top = (h: Record<string, number>) => Object.fromEntries(Object.entries(h).sort((a, b) => b[1] - a[1]));
  console.log(
    JSON.stringify(
      {
        seed,
        messages: res.messages,
        connections: res.connections,
        seconds: +(res.ms / 1000).toFixed(1),
        failures: res.failures.length,
        replies: top(res.replies),
        closes: top(res.closes),
      },
      null,
      1,
    ),
  );
  if (res.failures.length > 0) {
    console.error(res.failures.slice(0, 20).join('\n'));
    process.exit(1);
  }
}
