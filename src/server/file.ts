/**
 * Standalone database files (ovsdb/log.c, ovsdb/file.c): records `OVSDB JSON <length> <sha1>\n`
 * followed by `<length>` bytes of JSON and a newline. The first record is the schema, each later one
 * a transaction `{"<table>": {"<uuid>": <row> | null}, "_date": ms, "_comment"?, "_is_diff"?}` where
 * a modified row carries only changed columns (as diffs when `_is_diff`). Clustered files (`OVSDB
 * CLUSTER`) are refused: clustering is ovsdb-server's job.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, readFileSync } from 'node:fs';
import type { Datum, DType } from './datum.js';
import {
  cloneDatum,
  compareAtoms,
  datumDiff,
  datumFromJson,
  datumToJson,
  findKey,
  isComposite,
  isDefault,
  newUuid,
  sortDatum,
  UINT_MAX,
} from './datum.js';
import type { Database } from './database.js';
import { ServerDbFileError } from './errors.js';
import type { EmbeddedOvsdbServer } from './server.js';
import type { Row, Table } from './table.js';
import type { Commit } from './database.js';

/** Splits a log file into its JSON records, checking lengths and SHA-1 sums. */
export function readLogRecords(file: string, bytes: Buffer): unknown[] {
  const out: unknown[] = [];
  let off = 0;
  let line = 1;
  while (off < bytes.length) {
    const nl = bytes.indexOf(0x0a, off);
    if (nl < 0) throw new ServerDbFileError(file, 'truncated record header', line);
    const header = bytes.subarray(off, nl).toString('latin1');
    const m = /^OVSDB (\S+) (\d+) ([0-9a-f]{40})$/.exec(header);
    if (!m) throw new ServerDbFileError(file, `bad record header ${JSON.stringify(header.slice(0, 80))}`, line);
    if (m[1] !== 'JSON')
      throw new ServerDbFileError(
        file,
        `a ${m[1]} database is not supported (only standalone "OVSDB JSON" files)`,
        line,
      );
    const len = Number(m[2]);
    const data = bytes.subarray(nl + 1, nl + 1 + len);
    if (data.length < len) throw new ServerDbFileError(file, 'truncated record', line);
    const sum = createHash('sha1').update(data).digest('hex');
    if (sum !== m[3]) throw new ServerDbFileError(file, 'record checksum mismatch', line);
    try {
      out.push(JSON.parse(data.toString('utf8')));
    } catch (e) {
      throw new ServerDbFileError(file, `record is not JSON: ${(e as Error).message}`, line, { cause: e });
    }
    off = nl + 1 + len;
    line += 2;
  }
  return out;
}

/** One log record's bytes for `json`. */
export function composeLogRecord(json: unknown): string {
  const data = JSON.stringify(json) + '\n';
  const sum = createHash('sha1').update(data).digest('hex');
  return `OVSDB JSON ${Buffer.byteLength(data)} ${sum}\n${data}`;
}

const relaxed = (t: DType): DType => ({ ...t, min: 0, max: UINT_MAX });

/** `ovsdb_datum_apply_diff_in_place`: keys in the diff are added, changed (map value) or removed. */
function applyDiff(a: Datum, diff: Datum, t: DType): Datum {
  if (!isComposite(t)) return diff;
  const out = cloneDatum(a);
  const drop = new Set<number>();
  for (let i = 0; i < diff.keys.length; i++) {
    const j = findKey(a, diff.keys[i]!, t.key.type);
    if (j < 0) {
      out.keys.push(diff.keys[i]!);
      out.values?.push(diff.values![i]!);
    } else if (t.value && compareAtoms(a.values![j]!, diff.values![i]!, t.value.type) !== 0)
      out.values![j] = diff.values![i]!;
    else drop.add(j);
  }
  const keep = (_: unknown, k: number) => !drop.has(k);
  const res: Datum = out.values
    ? { keys: out.keys.filter(keep), values: out.values.filter(keep) }
    : { keys: out.keys.filter(keep) };
  sortDatum(res, relaxed(t));
  return res;
}

function applyTxnRecord(db: Database, file: string, rec: unknown, n: number): void {
  if (typeof rec !== 'object' || rec === null || Array.isArray(rec))
    throw new ServerDbFileError(file, `transaction ${n} is not an object`);
  const r = rec as Record<string, unknown>;
  const isDiff = r._is_diff === true;
  for (const [tname, rows] of Object.entries(r)) {
    if (tname === '_date' || tname === '_comment' || tname === '_is_diff') continue;
    const t = db.tables.get(tname);
    if (!t) throw new ServerDbFileError(file, `transaction ${n}: no table named ${tname}`);
    if (typeof rows !== 'object' || rows === null)
      throw new ServerDbFileError(file, `transaction ${n}: table ${tname} is not an object`);
    for (const [uuid, row] of Object.entries(rows as Record<string, unknown>)) {
      const cur = t.rows.get(uuid);
      if (row === null) {
        if (!cur) throw new ServerDbFileError(file, `transaction deletes row ${uuid} that does not exist`);
        t.rows.delete(uuid);
        continue;
      }
      const nu: Row = cur
        ? { uuid, version: newUuid(), fields: cur.fields.slice(), nRefs: 0 }
        : t.newRow(uuid, newUuid());
      for (const [cname, v] of Object.entries(row as Record<string, unknown>)) {
        const col = t.byName.get(cname);
        if (!col || col.index < 0)
          throw new ServerDbFileError(file, `transaction ${n}: no column ${cname} in table ${tname}`);
        let d: Datum;
        try {
          d = datumFromJson(relaxed(col.type), v, undefined);
        } catch (e) {
          throw new ServerDbFileError(file, `transaction ${n}: ${(e as Error).message}`, undefined, { cause: e });
        }
        const old = nu.fields[col.index]!;
        const next = isDiff && !isDefault(old, col.type) ? applyDiff(old, d, col.type) : d;
        // ovsdb_datum_apply_diff: the datum a diff makes must have the column's size.
        if (isDiff && (next.keys.length < col.type.min || next.keys.length > col.type.max))
          throw new ServerDbFileError(
            file,
            `transaction ${n}: ${tname} ${uuid} column ${cname}: Datum crated by diff has size error (${next.keys.length} elements, allowed ${col.type.min}..${col.type.max})`,
          );
        nu.fields[col.index] = next;
      }
      db.loadRow(t, nu);
    }
  }
}

function rowRecord(t: Table, old: Row | null, nu: Row | null): unknown {
  if (!nu) return null;
  const out: Record<string, unknown> = {};
  for (const c of t.columns) {
    if (c.ephemeral) continue;
    const n = nu.fields[c.index]!;
    if (old) {
      const o = old.fields[c.index]!;
      if (o === n) continue;
      const d = datumDiff(o, n, c.type);
      if (!isComposite(c.type) && isDefault(o, c.type) && isDefault(n, c.type)) continue;
      if (isComposite(c.type) && d.keys.length === 0) continue;
      if (!isComposite(c.type) && JSON.stringify(datumToJson(o, c.type)) === JSON.stringify(datumToJson(n, c.type)))
        continue;
      out[c.name] = datumToJson(d, c.type);
    } else if (!isDefault(n, c.type)) out[c.name] = datumToJson(n, c.type);
  }
  return out;
}

/** The file record of a commit (`_is_diff` form, as ovsdb-server 3.x writes). */
export function commitRecord(c: Commit, comments: readonly string[] = []): unknown {
  const rec: Record<string, unknown> = {};
  for (const ch of c.changes) {
    const tr = ((rec[ch.table.name] as Record<string, unknown> | undefined) ??= {});
    tr[ch.uuid] = rowRecord(ch.table, ch.old, ch.new);
  }
  if (comments.length) rec._comment = comments.join('\n');
  rec._is_diff = true;
  rec._date = Date.now();
  return rec;
}

export interface OpenDbFileOptions {
  /** Append every commit to the file so ovsdb-tool / ovsdb-server can read it back (default false). */
  append?: boolean;
}

/**
 * Loads a standalone database file (written by `ovsdb-tool create` or ovsdb-server) into `server`
 * as a new database; returns it.
 * @throws {ServerDbFileError} `SERVER_DB_FILE`
 * @throws {ServerConfigError} `SERVER_BAD_CONFIG` when the server already has that database
 */
export function openDbFile(server: EmbeddedOvsdbServer, file: string, opts: OpenDbFileOptions = {}): Database {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new ServerDbFileError(file, (e as Error).message, undefined, { cause: e });
  }
  const recs = readLogRecords(file, bytes);
  if (recs.length === 0) throw new ServerDbFileError(file, 'file holds no schema record');
  let db: Database;
  try {
    db = server.addDatabase(recs[0] as object);
  } catch (e) {
    if ((e as { code?: string }).code === 'OVSDB_SCHEMA_INVALID')
      throw new ServerDbFileError(file, `bad schema: ${(e as Error).message}`, 1, { cause: e });
    throw e;
  }
  for (let i = 1; i < recs.length; i++) applyTxnRecord(db, file, recs[i], i);
  db.finishLoad();
  if (opts.append) {
    db.onCommitted = (c, txn) => appendFileSync(file, composeLogRecord(commitRecord(c, txn.comments)));
  }
  return db;
}
