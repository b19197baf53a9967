/** CacheTable indexes (column tuples, external_ids keys, functions) and EventStream delivery/overflow. */
import { describe, expect, test } from 'vitest';
import { CacheTable, EventStream, type CacheRow, type RowEvent } from '../../../../src/ovsdb/cache/index.js';

function row(uuid: string, cols: Record<string, unknown>): CacheRow {
  return { _uuid: uuid, ...cols } as CacheRow;
}

describe('CacheTable indexes', () => {
  test('single column, tuple, external_ids key and function indexes follow inserts, changes and deletes', () => {
    const t = new CacheTable('Logical_Switch_Port', ['name', 'type', 'external_ids', 'addresses']);
    const byName = t.defineIndex('name', { columns: ['name'] });
    t.defineIndex('nameType', { columns: ['name', 'type'] });
    t.defineIndex('pod', { externalId: 'pod' });
    t.defineIndex('addrs', { columns: ['addresses'] });
    t.defineIndex('firstAddr', { key: (r) => (r.addresses as string[])[0] });
    const a = row('a', { name: 'p1', type: '', external_ids: { pod: 'ns/x' }, addresses: ['m1', 'm2'] });
    const b = row('b', { name: 'p2', type: 'router', external_ids: {}, addresses: ['m3'] });
    t.insertRow(a);
    t.insertRow(b);
    expect(byName.get('p1')).toBe(a);
    expect(t.index('nameType').get('p2', 'router')).toBe(b);
    expect(t.index('nameType').get('p2', '')).toBeUndefined();
    expect(t.index('pod').get('ns/x')).toBe(a);
    expect(t.index('pod').keys).toBe(1); // b has no pod key: not indexed
    expect(t.index('addrs').get(['m2', 'm1'])).toBe(a); // sets compare unordered
    expect(t.index('firstAddr').get('m3')).toBe(b);
    const a2 = row('a', { name: 'p9', type: '', external_ids: { pod: 'ns/y' }, addresses: ['m1'] });
    t.replaceRow(a, a2);
    expect(byName.get('p1')).toBeUndefined();
    expect(byName.get('p9')).toBe(a2);
    expect(t.index('pod').get('ns/x')).toBeUndefined();
    expect(t.index('pod').get('ns/y')).toBe(a2);
    const c = row('c', { name: 'p9', type: 'x', external_ids: {}, addresses: [] });
    t.insertRow(c);
    expect(
      byName
        .find('p9')
        .map((r) => r._uuid)
        .sort(),
    ).toEqual(['a', 'c']);
    t.deleteRow(a2);
    expect(byName.find('p9')).toEqual([c]);
    expect(byName.get('p9')).toBe(c);
    t.deleteRow(c);
    expect(byName.find('p9')).toEqual([]);
    expect(t.size).toBe(1);
  });

  test('an index defined after rows exist is built from them on first use', () => {
    const t = new CacheTable('T', ['n']);
    for (let i = 0; i < 100; i++) t.insertRow(row(`u${i}`, { n: i % 10 }));
    const ix = t.defineIndex('n', { columns: ['n'] });
    expect(ix.find(3)).toHaveLength(10);
    expect(ix.find('3')).toHaveLength(0); // types are not confused
    expect(ix.keys).toBe(10);
  });

  test('bad definitions and unknown names are typed errors', () => {
    const t = new CacheTable('T', ['n']);
    t.defineIndex('x', { columns: ['n'] });
    expect(() => t.defineIndex('x', { columns: ['n'] })).toThrowError(
      expect.objectContaining({ code: 'CACHE_INDEX_INVALID' }),
    );
    expect(() => t.defineIndex('y', { columns: ['nope'] })).toThrowError(
      expect.objectContaining({ code: 'CACHE_INDEX_INVALID' }),
    );
    expect(() => t.defineIndex('z', { columns: [] })).toThrowError(
      expect.objectContaining({ code: 'CACHE_INDEX_INVALID' }),
    );
    expect(() => t.defineIndex('w', { externalId: 'k' })).toThrowError(
      expect.objectContaining({ code: 'CACHE_INDEX_INVALID' }),
    );
    expect(() => t.index('missing')).toThrowError(expect.objectContaining({ code: 'CACHE_INDEX_INVALID' }));
  });
});

const ev = (i: number): RowEvent => ({ type: 'insert', table: 'T', uuid: `u${i}`, new: row(`u${i}`, {}) });

describe('EventStream', () => {
  test('delivers in order, waits for the consumer, ends cleanly', async () => {
    const s = new EventStream({}, () => {});
    const got: string[] = [];
    const consumer = (async () => {
      for await (const e of s) got.push(e.uuid);
    })();
    for (let i = 0; i < 5; i++) s.push(ev(i));
    await new Promise((r) => setTimeout(r, 5));
    for (let i = 5; i < 10; i++) s.push(ev(i));
    s.end();
    await consumer;
    expect(got).toEqual(Array.from({ length: 10 }, (_, i) => `u${i}`));
  });

  test('overflow: every queued event is delivered, then CACHE_EVENT_OVERFLOW; nothing later is taken', async () => {
    let ended = 0;
    const s = new EventStream({ maxBuffered: 3 }, () => ended++);
    for (let i = 0; i < 5; i++) s.push(ev(i));
    expect(ended).toBe(1);
    const got: string[] = [];
    await expect(
      (async () => {
        for await (const e of s) got.push(e.uuid);
      })(),
    ).rejects.toMatchObject({ code: 'CACHE_EVENT_OVERFLOW', maxBuffered: 3 });
    expect(got).toEqual(['u0', 'u1', 'u2']);
  });

  test('table filter and break', async () => {
    const s = new EventStream({ tables: ['A'] }, () => {});
    expect(s.wants('A')).toBe(true);
    expect(s.wants('B')).toBe(false);
    s.push(ev(1));
    for await (const _ of s) break;
    expect(s.wants('A')).toBe(false);
    await expect(s.next()).resolves.toEqual({ value: undefined, done: true });
  });
});
