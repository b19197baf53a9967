/** The checks the cluster fault tests make after every fault (the workload is in workload.ts). */
import { expect } from 'vitest';
import { waitFor } from '../../../../src/testing/index.js';
import { cacheSnapshot, expectSnapshotsEqual, serverSnapshot } from '../cache/helpers.js';
import { NB, TABLES, type Follower, type Writer } from './workload.js';

export * from './workload.js';

/**
 * With the writer paused: the cache holds exactly the server's Address_Set rows (read independently
 * from `oracle` with select), every committed name once.
 */
export async function expectCacheEqualsServer(f: Follower, writer: Writer, oracle: string): Promise<void> {
  await writer.pause();
  try {
    const committed = new Set(writer.committed.map((c) => c.name));
    // the cache may trail the server by the last update notification
    await waitFor(
      'cache to hold every committed name',
      () => {
        const names = new Set([...f.cache.table('Address_Set').values()].map((r) => r.name as string));
        for (const n of committed) if (!names.has(n)) return undefined;
        return true;
      },
      10_000,
      10,
    );
    const server = await serverSnapshot(oracle, NB, TABLES, (t) => f.cache.table(t).columns);
    expectSnapshotsEqual(cacheSnapshot(f.cache, TABLES), server);
    // every committed name exactly once (the wait guard prevents duplicates)
    const names = Object.values(server.Address_Set!).map((r) => (r as { name: string }).name);
    const counts = new Map<string, number>();
    for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
    for (const n of committed) expect(counts.get(n), `committed ${n} present once`).toBe(1);
  } finally {
    writer.resume();
  }
}

/**
 * The cache was kept, not rebuilt: every row event so far is the insert of a name the writer
 * committed (no delete, no update, no second insert of a row), and `sentinel`, a row read before
 * the faults, is still the same object.
 */
export function expectCacheKept(f: Follower, sentinel: { readonly _uuid: string }): void {
  const problems: string[] = [];
  const inserted = new Set<string>();
  for (const ev of f.events) {
    if (ev.type !== 'insert') problems.push(`${ev.type} ${ev.uuid}`);
    else if (inserted.has(ev.uuid)) problems.push(`second insert ${ev.uuid}`);
    else inserted.add(ev.uuid);
  }
  expect(problems).toEqual([]);
  expect(f.cache.table('Address_Set').get(sentinel._uuid)).toBe(sentinel);
}
