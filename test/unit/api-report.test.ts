/**
 * The checked-in API report (api/*.api.md) matches the sources: any change of a subpath's exports or
 * of an exported signature fails here until `npm run api:update` is run and the diff reviewed. Also:
 * no `export *` in a public entry, and every export carries a doc comment except those listed in
 * api/UNDOCUMENTED.txt (which may only shrink).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { API_DIR, buildReports, undocumented } from '../../scripts/api-report.js';

const reports = buildReports();

describe('API report', () => {
  it('matches api/*.api.md (update: npm run api:update)', { timeout: 120_000 }, () => {
    const files = readdirSync(API_DIR)
      .filter((f) => f.endsWith('.api.md'))
      .sort();
    expect(files).toEqual([...reports.keys()].sort());
    for (const [f, text] of reports) expect(readFileSync(join(API_DIR, f), 'utf8'), f).toBe(text);
  });

  it('has no export without a doc comment beyond the recorded backlog', () => {
    const backlog = new Set(
      readFileSync(join(API_DIR, 'UNDOCUMENTED.txt'), 'utf8')
        .split('\n')
        .filter((l) => l && !l.startsWith('#')),
    );
    expect(undocumented(reports).filter((u) => !backlog.has(u))).toEqual([]);
  });
});
