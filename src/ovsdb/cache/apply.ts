/**
 * Applying monitor updates, pure: table plans + an `update` (RFC 7047 §4.1.6), `update2` or `update3`
 * (ovsdb-server(7)) table-updates object → the rows of the plans' tables changed, and the row
 * events that describe it. No I/O and no cache state beyond the plans: the benchmark and the unit
 * tests drive it with JSON alone, `cache.ts` calls it for each notification.
 *
 * A row update that cannot be applied (bad notation, a modify or delete of a row not held) sets
 * that row aside in its plan's `rejected` map with the reason; nothing else is touched.
 */
import type { Logger } from '../../jsonrpc/index.js';
import type { Datum, MonitorEvent, TableUpdates, TableUpdates2, WireRow, WireValue } from '../protocol.js';
import { datumToWire } from '../notation.js';
import type { CacheRow } from './table.js';
import type { RowEvent } from './events.js';
import { asSdkError, type TablePlan } from './plan.js';
import type { SdkError } from '../../errors.js';
import { OvsdbValueError } from '../errors.js';
import { CacheProtocolError } from './errors.js';

/** What updates are applied to. */
export interface ApplyTarget {
  /** The plans (planTables), by table name. */
  readonly plans: ReadonlyMap<string, TablePlan>;
  readonly logger?: Logger | undefined;
  /** Called once per distinct key (an update for a table not monitored); default: nothing. */
  readonly note?: (key: string, obj: object, msg: string) => void;
}

/** The full row of an update2 row update (`initial` or `insert`), if it has one. */
export const pickUpdate2 = (ru: unknown): unknown => {
  const r = ru as { initial?: unknown; insert?: unknown } | null;
  return r ? (r.initial ?? r.insert) : undefined;
};
/** The full row of an RFC 7047 row update (`new`), if it has one. */
export const pickUpdate1 = (ru: unknown): unknown => (ru as { new?: unknown } | null)?.new;

/** Equality of two JS datums of one column: sets compare unordered, maps by their pairs. */
export function sameDatum(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    const s = new Set<unknown>(a);
    return b.every((x) => s.has(x));
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    return ka.every(
      (k) =>
        Object.prototype.hasOwnProperty.call(b, k) &&
        (a as Record<string, unknown>)[k] === (b as Record<string, unknown>)[k],
    );
  }
  return false;
}

function applyModify(p: TablePlan, old: CacheRow, diff: WireRow): CacheRow {
  const row: Record<string, Datum> = { ...old };
  // Walk the diff (usually a column or two), not the table's columns.
  for (const c in diff) {
    const i = p.columnIndex.get(c);
    if (i === undefined) continue; // a column we did not ask for
    row[c] = p.codecs[i]!.applyDiff(old[c], diff[c] as WireValue);
  }
  return row as CacheRow;
}

/** Why the model does not accept a row (empty when it does). */
function modelProblems(p: TablePlan, row: CacheRow): SdkError[] {
  const out: SdkError[] = [];
  for (const ch of p.checks) {
    const where = { table: p.name, column: ch.column };
    try {
      const w = datumToWire(ch.serverType, row[ch.column], where);
      // Re-read it with the model type: checks kind, atom types, enums and ranges.
      datumToWire(ch.modelType, ch.modelCodec.decode(w), where);
    } catch (e) {
      const m = (e as Error).message;
      const at = `${p.name}.${ch.column}`;
      out.push(
        e instanceof OvsdbValueError && m.startsWith(at)
          ? e
          : new OvsdbValueError(m.startsWith(at) ? m.slice(at.length + 2) : m, where, row[ch.column]),
      );
    }
  }
  return out;
}

/** Puts `next` (or nothing, for a delete) in place of the row's current state; records the event. */
function settle(
  t: ApplyTarget,
  p: TablePlan,
  uuid: string,
  next: CacheRow | undefined,
  events: RowEvent[] | null,
): void {
  const cur = p.table.get(uuid);
  const wasRejected = cur === undefined && p.rejected.has(uuid);
  let ok = next !== undefined;
  if (next && p.checks.length) {
    const errors = modelProblems(p, next);
    if (errors.length) {
      ok = false;
      const reasons = errors.map((e) => e.message);
      p.rejected.set(uuid, { row: next, reasons, errors });
      t.logger?.warn({ table: p.name, uuid, reasons }, 'ovsdb cache: row does not fit the model, set aside');
    }
  }
  if (ok && wasRejected) p.rejected.delete(uuid);
  if (!next && wasRejected) p.rejected.delete(uuid);
  if (cur) {
    if (ok) {
      p.table.replaceRow(cur, next!);
      events?.push({ type: 'update', table: p.name, uuid, old: cur, new: next! });
    } else {
      p.table.deleteRow(cur);
      events?.push({ type: 'delete', table: p.name, uuid, old: cur });
    }
  } else if (ok) {
    p.table.insertRow(next!);
    events?.push({ type: 'insert', table: p.name, uuid, new: next! });
  }
}

/** The row the table holds, or the one set aside. */
function current(p: TablePlan, uuid: string): CacheRow | undefined {
  return p.table.get(uuid) ?? p.rejected.get(uuid)?.row;
}

/** A row update that could not be decoded: the row leaves the typed view and is logged; nothing else is touched. */
function rowFailure(t: ApplyTarget, p: TablePlan, uuid: string, e: unknown, events: RowEvent[] | null): void {
  const err = asSdkError(e);
  const reason = err.message;
  t.logger?.warn({ table: p.name, uuid, reason }, 'ovsdb cache: row update could not be applied; row set aside');
  const cur = p.table.get(uuid);
  if (cur) {
    p.table.deleteRow(cur);
    events?.push({ type: 'delete', table: p.name, uuid, old: cur });
    p.rejected.set(uuid, { row: cur, reasons: [reason], errors: [err] });
  } else if (!(e instanceof CacheProtocolError)) {
    const prev = p.rejected.get(uuid);
    if (prev)
      p.rejected.set(uuid, { row: prev.row, reasons: [...prev.reasons, reason], errors: [...prev.errors, err] });
  }
}

/**
 * Applies an update2 / update3 table-updates object (also monitor_cond / monitor_cond_since replies).
 * `initial`: the first contents (tables nobody watches are then kept as sent and decoded row by row
 * on first read). Events are appended to `events` unless it is null (nobody listens).
 */
export function applyUpdates2(
  t: ApplyTarget,
  updates: TableUpdates2,
  initial: boolean,
  events: RowEvent[] | null,
): void {
  for (const tname in updates) {
    const p = t.plans.get(tname);
    const rows = updates[tname]!;
    if (!p) {
      t.note?.(`unexpected:${tname}`, { table: tname }, 'ovsdb cache: update for a table not monitored, ignored');
      continue;
    }
    // Initial contents of an unchecked table nobody watches yet: keep the server's object as it is
    // and decode each row on its first read (rows are immutable snapshots: same result, later).
    if (initial && p.checks.length === 0 && p.table.size === 0 && p.rejected.size === 0 && events === null) {
      p.table.setBatch(rows as Record<string, unknown>, pickUpdate2);
      continue;
    }
    for (const uuid in rows) {
      const ru = rows[uuid]!;
      try {
        const full = ru.initial ?? ru.insert;
        if (full !== undefined) {
          settle(t, p, uuid, p.build(uuid, full), events);
        } else if (ru.modify !== undefined) {
          const old = current(p, uuid);
          if (!old) throw new CacheProtocolError(`modify of ${tname} row ${uuid}, which the cache does not have`);
          settle(t, p, uuid, applyModify(p, old, ru.modify), events);
        } else if ('delete' in ru) {
          if (!current(p, uuid))
            throw new CacheProtocolError(`delete of ${tname} row ${uuid}, which the cache does not have`);
          settle(t, p, uuid, undefined, events);
        } else throw new CacheProtocolError(`empty row update for ${tname} row ${uuid}`, ru);
      } catch (e) {
        rowFailure(t, p, uuid, e, events);
      }
    }
  }
}

/** Applies an RFC 7047 `update` table-updates object (also a `monitor` reply); see {@link applyUpdates2}. */
export function applyUpdates1(
  t: ApplyTarget,
  updates: TableUpdates,
  initial: boolean,
  events: RowEvent[] | null,
): void {
  for (const tname in updates) {
    const p = t.plans.get(tname);
    const rows = updates[tname]!;
    if (!p) continue;
    if (initial && p.checks.length === 0 && p.table.size === 0 && events === null) {
      p.table.setBatch(rows as Record<string, unknown>, pickUpdate1);
      continue;
    }
    for (const uuid in rows) {
      const ru = rows[uuid]!;
      try {
        if (ru.new !== undefined) {
          // RFC 7047 §4.1.6: `new` carries every monitored column.
          settle(t, p, uuid, p.build(uuid, ru.new), events);
        } else if (ru.old !== undefined) {
          if (current(p, uuid)) settle(t, p, uuid, undefined, events);
        }
      } catch (e) {
        rowFailure(t, p, uuid, e, events);
      }
    }
  }
}

/** Applies one monitor notification (update, update2 or update3). */
export function applyMonitorEvent(t: ApplyTarget, ev: MonitorEvent, events: RowEvent[] | null): void {
  if (ev.method === 'update') applyUpdates1(t, ev.updates, false, events);
  else applyUpdates2(t, ev.updates, false, events);
}

/**
 * Full contents after a reconnect, compared with what the plans' tables hold: only the differences
 * are applied (and become events); rows held but absent from `updates` are deleted.
 * `pick` takes the full row out of one row update ({@link pickUpdate1} / {@link pickUpdate2}).
 */
export function applyResync(
  t: ApplyTarget,
  updates: Readonly<Record<string, Readonly<Record<string, unknown>>>>,
  pick: (ru: unknown) => unknown,
  events: RowEvent[] | null,
): void {
  for (const p of t.plans.values()) {
    const rows = updates[p.name] ?? {};
    const seen = new Set<string>();
    for (const uuid in rows) {
      seen.add(uuid);
      const wire = pick(rows[uuid]) as WireRow | undefined;
      if (wire === undefined) continue;
      try {
        const next = p.build(uuid, wire);
        const cur = current(p, uuid);
        if (cur && p.wireColumns.every((c) => sameDatum(cur[c], next[c]))) continue;
        settle(t, p, uuid, next, events);
      } catch (e) {
        rowFailure(t, p, uuid, e, events);
      }
    }
    const gone: string[] = [];
    for (const r of p.table.values()) if (!seen.has(r._uuid)) gone.push(r._uuid);
    for (const u of p.rejected.keys()) if (!seen.has(u)) gone.push(u);
    for (const u of gone) settle(t, p, u, undefined, events);
  }
}
