/**
 * The cache's pure steps with no daemon: plan (schema → table plans) and apply (plans + update /
 * update2 / update3 → row events), driven by JSON fixtures as ovsdb-server sends them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSchema, type MonitorEvent, type TableUpdates2 } from '../../../../src/ovsdb/index.js';
import {
  applyMonitorEvent,
  applyResync,
  applyUpdates2,
  planTables,
  type RowEvent,
} from '../../../../src/ovsdb/cache/index.js';

interface Fixture {
  schema: unknown;
  initial: TableUpdates2;
  steps: {
    name: string;
    event: MonitorEvent;
    events: { type: string; uuid: string; old?: object; new?: object }[];
    rejected?: string[];
  }[];
}
const F = JSON.parse(
  readFileSync(new URL('../../../fixtures/ovsdb/cache-updates.json', import.meta.url), 'utf8'),
) as Fixture;
const schema = parseSchema(F.schema);

/** `tag: null` in a fixture stands for an empty optional column (undefined in the row). */
const expectedRow = (o: object | undefined) =>
  o ? Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v === null ? undefined : v])) : o;

describe('plan', () => {
  it('plans every column of each table, with its schema index', () => {
    const plans = planTables(schema, { database: 'Demo' });
    const p = plans.get('Port')!;
    expect(p.wireColumns).toEqual(['name', 'tag', 'trunks', 'external_ids']);
    expect(p.table.columns).toEqual(['name', 'tag', 'trunks', 'external_ids']);
    expect(p.checks).toEqual([]);
  });
  it('refuses a table or column the schema does not have, with a typed error', () => {
    expect(() => planTables(schema, { database: 'Demo', tables: ['Nope'] })).toThrowError(
      expect.objectContaining({ code: 'CACHE_INVALID_OPTION' }),
    );
    expect(() => planTables(schema, { database: 'Demo', tables: { Port: ['nope'] } })).toThrowError(
      expect.objectContaining({ code: 'CACHE_INVALID_OPTION' }),
    );
    expect(() => planTables(schema, { database: 'Demo', conditionTables: ['Nope'] })).toThrowError(
      expect.objectContaining({ code: 'CACHE_UNKNOWN_TABLE' }),
    );
  });
});

describe('apply, step by step from the fixture', () => {
  const plans = planTables(schema, { database: 'Demo' });
  const target = { plans };
  const table = plans.get('Port')!.table;
  applyUpdates2(target, F.initial, true, null);

  it('initial contents, decoded on read (empty columns take their defaults)', () => {
    expect(table.size).toBe(2);
    expect(table.get('22222222-2222-2222-2222-222222222222')).toEqual({
      _uuid: '22222222-2222-2222-2222-222222222222',
      name: 'p2',
      tag: 7,
      trunks: [],
      external_ids: {},
    });
    expect(table.index('name').get('p1')?._uuid).toBe('11111111-1111-1111-1111-111111111111');
  });

  for (const step of F.steps) {
    it(step.name, () => {
      const events: RowEvent[] = [];
      applyMonitorEvent(target, step.event, events);
      expect(events.map((e) => ({ type: e.type, uuid: e.uuid }))).toEqual(
        step.events.map((e) => ({ type: e.type, uuid: e.uuid })),
      );
      step.events.forEach((want, i) => {
        const got = events[i]!;
        if (want.old) expect('old' in got ? got.old : undefined).toMatchObject(expectedRow(want.old)!);
        if (want.new) expect('new' in got ? got.new : undefined).toMatchObject(expectedRow(want.new)!);
        // The table holds what the event says.
        expect(table.get(got.uuid)).toBe(got.type === 'delete' ? undefined : (got as { new: unknown }).new);
      });
      for (const u of step.rejected ?? [])
        expect(plans.get('Port')!.rejected.get(u)?.reasons.join()).toMatch(/expected a string/);
    });
  }

  it('events are immutable snapshots: an old row is never changed by a later update', () => {
    const events: RowEvent[] = [];
    applyMonitorEvent(
      target,
      {
        method: 'update2',
        updates: { Port: { '44444444-4444-4444-4444-444444444444': { modify: { trunks: ['set', [9]] } } } },
      },
      events,
    );
    const ev = events[0]!;
    expect(ev.type).toBe('update');
    if (ev.type !== 'update') return;
    expect(ev.old.trunks).toEqual([]);
    expect(ev.new.trunks).toEqual([9]);
  });

  it('resync applies only the differences with full contents', () => {
    const full = Object.fromEntries(
      table.all().map((r) => [r._uuid, { initial: { name: r.name, trunks: ['set', r.trunks] } }]),
    );
    full['44444444-4444-4444-4444-444444444444']!.initial.name = 'p4-renamed';
    const events: RowEvent[] = [];
    applyResync(target, { Port: full }, (ru) => (ru as { initial: unknown }).initial, events);
    expect(events.map((e) => `${e.type} ${e.uuid}`)).toEqual(['update 44444444-4444-4444-4444-444444444444']);
  });
});
