/**
 * The validator differential: random schemas (gen.ts) through `ovsdb-tool create` and parseSchema;
 * for each schema both accept, one ovsdb-server (and the embedded server) and many random
 * operations, each sent as `[op, abort]` (so nothing commits: the database stays empty, and only the
 * request's own validity decides) and checked with validateOperations. Counts agreements and lists
 * every disagreement: the SDK must accept exactly what the server accepts, and where both refuse the
 * SDK's error must be one of its typed refusals (TYPED_REFUSALS).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from '../../../../src/transport/index.js';
import { JsonRpcPeer, JsonRpcErrorResponse } from '../../../../src/jsonrpc/index.js';
import { parseSchema, validateOperations, type DatabaseSchema, type Operation } from '../../../../src/ovsdb/index.js';
import {
  HarnessCommandError,
  run,
  startEmbeddedOvsdb,
  startOvsdbServer,
  type EmbeddedOvsdb,
  type OvsdbServer,
} from '../../../../src/testing/index.js';
import { randomOperation, randomSchema, rngOf, type RawSchema } from './gen.js';

/**
 * The SDK's typed refusals of a request. Where ovsdb-server refuses an operation, the SDK's error must
 * be one of these (never an untyped TypeError, never a transport error). Which one depends on which
 * fault the two check first when an operation has several (ovsdb-server reads an update's row before
 * its conditions, the SDK the other way round), so the pairs seen are reported, not matched one to one.
 */
export const TYPED_REFUSALS: ReadonlySet<string> = new Set([
  'OVSDB_INVALID_VALUE',
  'OVSDB_INVALID_ARGUMENT',
  'OVSDB_UNKNOWN_TABLE',
  'OVSDB_UNKNOWN_COLUMN',
  'OVSDB_IMMUTABLE_COLUMN',
  'OVSDB_CONDITION_NOT_ALLOWED',
  'OVSDB_MUTATOR_NOT_ALLOWED',
  'OVSDB_NAMED_UUID_UNDEFINED',
  'OVSDB_NAMED_UUID_WRONG_TABLE',
]);

export interface Disagreement {
  readonly kind: 'schema' | 'operation' | 'class' | 'embedded';
  readonly schema: RawSchema;
  readonly op?: unknown;
  readonly server: string;
  readonly sdk: string;
}

export interface DiffStats {
  schemas: number;
  schemasAccepted: number;
  operations: number;
  operationsAccepted: number;
  /** `<server error> / <sdk code>` → count, for the refusals both sides made. */
  refusals: Record<string, number>;
  disagreements: Disagreement[];
  /** Inserts the SDK refuses up front and the server at commit (checked by committing them). */
  commitTimeRefusals: number;
  /** Updates / mutates matching no row whose dangling strong reference the SDK refuses up front. */
  danglingStrongRefs: number;
  /** Operations where the embedded server's reply differs from ovsdb-server's (error string or acceptance). */
  embeddedDisagreements: number;
  /** The first few of those: the operation and both replies. */
  embeddedExamples: { op: unknown; server: string; embedded: string }[];
}

export interface DiffOptions {
  readonly seed: number;
  readonly schemas: number;
  readonly operationsPerSchema: number;
  /** Also send every operation to the embedded server (src/server) and compare its error strings. */
  readonly embedded?: boolean;
  readonly pBadSchema?: number;
  readonly pBadValue?: number;
}

const codeOf = (e: unknown) => (e as { code?: string }).code ?? `untyped ${(e as Error).name}: ${(e as Error).message}`;

async function open(remote: string): Promise<JsonRpcPeer> {
  const s = await connect(remote);
  const peer = new JsonRpcPeer({ write: (t) => s.write(t), close: () => s.close() }, { inactivityProbeMs: 0 });
  s.onData((c) => peer.receive(c));
  s.onClose((e) => peer.closed(e));
  return peer;
}

/** The server's error details per operation, for the report. */
const details = new WeakMap<object, string>();

/** The server's decision on `[op, abort]`: undefined when it accepts the operation, else its error string. */
async function serverDecision(peer: JsonRpcPeer, op: object, abort = true): Promise<string | undefined> {
  let res: unknown;
  try {
    res = await peer.request('transact', ['D', op, ...(abort ? [{ op: 'abort' }] : [])], { timeoutMs: 20_000 });
  } catch (e) {
    if (e instanceof JsonRpcErrorResponse) return `rpc ${JSON.stringify(e.error)}`;
    throw e;
  }
  const results = res as ({ error?: string } | null)[];
  const first = results[0];
  if (first && typeof first.error === 'string') {
    details.set(op, String((first as { details?: unknown }).details ?? ''));
    return first.error;
  }
  if (abort ? results[1]?.error === 'aborted' : results.length === 1) return undefined;
  if (!abort && results[1]?.error) {
    details.set(op, String((results[1] as { details?: unknown }).details ?? ''));
    return results[1].error;
  }
  return `unexpected ${JSON.stringify(results)}`;
}

function sdkDecision(schema: DatabaseSchema, op: unknown): string | undefined {
  try {
    validateOperations(schema, [op as Operation]);
    return undefined;
  } catch (e) {
    return codeOf(e);
  }
}

/** Runs the differential; never throws for a disagreement (the caller asserts on the stats). */
export async function runValidatorDiff(o: DiffOptions): Promise<DiffStats> {
  const r = rngOf(o.seed);
  const dir = mkdtempSync(join(tmpdir(), 'vdiff-'));
  const stats: DiffStats = {
    schemas: 0,
    schemasAccepted: 0,
    operations: 0,
    operationsAccepted: 0,
    refusals: {},
    disagreements: [],
    embeddedDisagreements: 0,
    embeddedExamples: [],
    commitTimeRefusals: 0,
    danglingStrongRefs: 0,
  };
  try {
    for (let i = 0; i < o.schemas; i++) {
      const raw = randomSchema(r, o.pBadSchema);
      stats.schemas++;
      const file = join(dir, `s${i}.ovsschema`);
      const db = join(dir, `s${i}.db`);
      writeFileSync(file, JSON.stringify(raw));
      let tool: string | undefined;
      try {
        await run('ovsdb-tool', ['create', db, file]);
      } catch (e) {
        if (!(e instanceof HarnessCommandError)) throw e;
        tool = e.stderr.trim() || 'refused';
      }
      let schema: DatabaseSchema | undefined;
      let sdk: string | undefined;
      try {
        schema = parseSchema(raw);
      } catch (e) {
        sdk = `${codeOf(e)}: ${(e as Error).message}`;
      }
      if (
        (tool === undefined) !== (sdk === undefined) ||
        (sdk !== undefined && !sdk.startsWith('OVSDB_SCHEMA_INVALID'))
      ) {
        stats.disagreements.push({ kind: 'schema', schema: raw, server: tool ?? 'accepted', sdk: sdk ?? 'accepted' });
        continue;
      }
      if (!schema || tool !== undefined) continue;
      stats.schemasAccepted++;
      await runSchema(o, r, raw, schema, file, stats);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return stats;
}

async function runSchema(
  o: DiffOptions,
  r: () => number,
  raw: RawSchema,
  schema: DatabaseSchema,
  file: string,
  stats: DiffStats,
): Promise<void> {
  let server: OvsdbServer | undefined;
  let emb: EmbeddedOvsdb | undefined;
  const peers: JsonRpcPeer[] = [];
  try {
    server = await startOvsdbServer({ schema: file });
    const peer = await open(server.unix);
    peers.push(peer);
    let embPeer: JsonRpcPeer | undefined;
    if (o.embedded) {
      emb = await startEmbeddedOvsdb({ schema: file, txnHistory: false });
      embPeer = await open(emb.unix);
      peers.push(embPeer);
    }
    const ops = Array.from({ length: o.operationsPerSchema }, () => randomOperation(r, raw, o.pBadValue));
    // Pipelined on one session per server: one round trip's worth of waiting for the whole batch.
    const [fromServer, fromEmb] = await Promise.all([
      Promise.all(ops.map((op) => serverDecision(peer, op))),
      embPeer ? Promise.all(ops.map((op) => serverDecision(embPeer, op))) : undefined,
    ]);
    // Refusals the SDK makes up front that ovsdb-server makes only at commit, which `abort` skips: an
    // insert whose omitted column's default is a dangling strong reference. Such inserts are sent again,
    // alone and committed (nothing else has committed, so the database is still empty).
    const commitTime = new Map<number, string | undefined>();
    for (let i = 0; i < ops.length; i++) {
      if (fromServer[i] === undefined && ops[i]!.op === 'insert' && sdkDecision(schema, ops[i]) !== undefined)
        commitTime.set(i, await serverDecision(peer, ops[i]!, false));
    }
    ops.forEach((op, i) => {
      stats.operations++;
      const sdk = sdkDecision(schema, op);
      if (commitTime.has(i)) stats.commitTimeRefusals++;
      const srv = commitTime.has(i) ? commitTime.get(i) : fromServer[i];
      if (srv === undefined && (op.op === 'update' || op.op === 'mutate') && sdk?.startsWith('OVSDB_NAMED_UUID_')) {
        // A dangling strong reference written by an update or mutate that matched no row: the server
        // refuses it at commit whenever a row matches; the SDK refuses it up front.
        stats.danglingStrongRefs++;
        return;
      }
      if (fromEmb && fromEmb[i] !== fromServer[i]) {
        stats.embeddedDisagreements++;
        if (stats.embeddedExamples.length < 10)
          stats.embeddedExamples.push({ op, server: fromServer[i] ?? 'accepted', embedded: fromEmb[i] ?? 'accepted' });
      }
      if (srv === undefined) stats.operationsAccepted++;
      if ((srv === undefined) !== (sdk === undefined)) {
        const why = srv === undefined ? 'accepted' : `${srv}: ${details.get(op) ?? ''}`;
        stats.disagreements.push({ kind: 'operation', schema: raw, op, server: why, sdk: sdk ?? 'accepted' });
        return;
      }
      if (srv === undefined || sdk === undefined) return;
      const key = `${srv} / ${sdk}`;
      stats.refusals[key] = (stats.refusals[key] ?? 0) + 1;
      if (!TYPED_REFUSALS.has(sdk)) stats.disagreements.push({ kind: 'class', schema: raw, op, server: srv, sdk });
    });
  } finally {
    for (const p of peers) p.close();
    await Promise.all([server?.stop(), emb?.stop()]);
  }
}
