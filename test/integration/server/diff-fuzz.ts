/**
 * More of the differential test: `npx tsx test/integration/server/diff-fuzz.ts [transactions] [seed] [nb|sb|vswitch]`
 * (defaults 20000, a time-based seed, all three schemas). Prints mismatches and exits 1 if any.
 */
import { readFileSync } from 'node:fs';
import { SCHEMAS, startEmbeddedOvsdb, startOvsdbServer } from '../../../src/testing/index.js';
import { runDifferential } from './diff-runner.js';
import { DIFF_TABLES } from './diff-tables.js';

const n = Number(process.argv[2] ?? 20000);
const seed = Number(process.argv[3] ?? Date.now() % 1e9);
const schemas = (process.argv[4]?.split(',') ?? ['nb', 'sb', 'vswitch']) as ('nb' | 'sb' | 'vswitch')[];
let bad = 0;
for (const schema of schemas) {
  const [ref, ctl, emb] = await Promise.all([
    startOvsdbServer({ schema }),
    startOvsdbServer({ schema }),
    startEmbeddedOvsdb({ schema, txnHistory: false }),
  ]);
  try {
    const res = await runDifferential({
      schema: JSON.parse(readFileSync(SCHEMAS[schema], 'utf8')) as object,
      tables: DIFF_TABLES[schema],
      seed,
      transactions: n,
      backends: [
        { name: 'ovsdb-server', remote: ref.unix },
        { name: 'control', remote: ctl.unix },
        { name: 'embedded', remote: emb.unix },
      ],
    });
    console.log(
      `${schema} seed ${seed}: ${res.transactions} txns, ${res.compared} compared, ${res.nondeterministic} nondeterministic, ${res.mismatches.length} mismatches`,
    );
    for (const m of res.mismatches) console.log(JSON.stringify(m));
    bad += res.mismatches.length;
  } finally {
    await Promise.all([ref.stop(), ctl.stop(), emb.stop()]);
  }
}
process.exit(bad ? 1 : 0);
