/**
 * Differential test: ≥ 5,000 random transactions per schema (NB, SB, Open_vSwitch; every operation,
 * valid and invalid, conditions, mutations, waits, references) sent to ovsdb-server and to the
 * embedded server, with v1/v2/v3 monitors and condition changes on the same session; replies, error
 * strings and update streams must be equal after uuid normalisation. A second ovsdb-server is the
 * control: cases where the two ovsdb-servers disagree (their hash order) are not compared, and must
 * stay rare. Fixed seeds; `test/integration/server/diff-fuzz.ts` runs more with other seeds.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  SCHEMAS,
  startEmbeddedOvsdb,
  startOvsdbServer,
  type EmbeddedOvsdb,
  type OvsdbServer,
} from '../../../src/testing/index.js';
import { runDifferential } from './diff-runner.js';
import { DIFF_TABLES } from './diff-tables.js';

const N = Number(process.env.OVN_SDK_DIFF_TXNS ?? 5000);

for (const schema of (process.env.OVN_SDK_DIFF_SCHEMAS?.split(',') ?? ['nb', 'sb', 'vswitch']) as (
  'nb' | 'sb' | 'vswitch'
)[]) {
  describe(`differential: ${schema}`, () => {
    let ref: OvsdbServer;
    let ctl: OvsdbServer;
    let emb: EmbeddedOvsdb;
    beforeAll(async () => {
      [ref, ctl, emb] = await Promise.all([
        startOvsdbServer({ schema }),
        startOvsdbServer({ schema }),
        startEmbeddedOvsdb({ schema, txnHistory: false }),
      ]);
    });
    afterAll(async () => {
      await Promise.all([ref?.stop(), ctl?.stop(), emb?.stop()]);
    });

    test(`${N} random transactions: replies and monitor updates equal ovsdb-server's`, async () => {
      const res = await runDifferential({
        schema: JSON.parse(readFileSync(SCHEMAS[schema], 'utf8')) as object,
        tables: DIFF_TABLES[schema],
        seed: 7 + schema.length,
        transactions: N,
        backends: [
          { name: 'ovsdb-server', remote: ref.unix },
          { name: 'control', remote: ctl.unix },
          { name: 'embedded', remote: emb.unix },
        ],
        maxMismatches: 3,
      });
      if (res.mismatches.length) console.log(JSON.stringify(res.mismatches, null, 1).slice(0, 6000));
      console.log(
        `${schema}: ${res.transactions} txns, ${res.compared} compared, ${res.nondeterministic} nondeterministic, ${res.errors} with errors, ops ${JSON.stringify(res.opCounts)}`,
      );
      expect(res.mismatches).toEqual([]);
      expect(res.transactions).toBe(N);
      // The generator must exercise failures and commits alike.
      expect(res.errors).toBeGreaterThan(N / 10);
      expect(res.errors).toBeLessThan(N * 0.9);
      expect(res.nondeterministic).toBeLessThan(N * 0.05);
    }, 180_000);
  });
}
