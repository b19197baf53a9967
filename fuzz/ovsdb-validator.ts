/**
 * The OVSDB validator differential (test/integration/ovsdb/validator-diff) at any seed and size:
 *   npx tsx fuzz/ovsdb-validator.ts [schemas=200] [seed=1] [operationsPerSchema=100] [--embedded]
 *     [--bad-schema=0.02] [--bad-value=0.1]   (chance of a fault per decision point)
 *
 * Random schemas go through `ovsdb-tool create` and parseSchema; for each schema both accept, one
 * ovsdb-server takes random operations (each as `[op, abort]`) that validateOperations also judges.
 * Prints the counts, the refusal classes seen and up to 20 disagreements (schema or operation, the
 * server's error and the SDK's error code); exits non-zero when there is any. With --embedded, the
 * embedded server (src/server) answers every operation too and its differing replies are counted.
 */
import { pathToFileURL } from 'node:url';
import { runValidatorDiff } from '../test/integration/ovsdb/validator-diff/runner.js';

async function main(): Promise<number> {
  const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const schemas = Number(args[0] ?? 200);
  const seed = Number(args[1] ?? 1);
  const operationsPerSchema = Number(args[2] ?? 100);
  const embedded = process.argv.includes('--embedded');
  const opt = (name: string) => {
    const a = process.argv.find((x) => x.startsWith(`--${name}=`));
    return a === undefined ? undefined : Number(a.slice(name.length + 3));
  };
  const pBadSchema = opt('bad-schema');
  const pBadValue = opt('bad-value');
  const t0 = Date.now();
  const s = await runValidatorDiff({
    seed,
    schemas,
    operationsPerSchema,
    embedded,
    ...(pBadSchema !== undefined ? { pBadSchema } : {}),
    ...(pBadValue !== undefined ? { pBadValue } : {}),
  });
  const { disagreements, embeddedExamples, ...counts } = s;
  console.log(JSON.stringify(counts, null, 1));
  for (const e of embeddedExamples)
    console.log(`embedded: ${e.embedded} / ovsdb-server: ${e.server}: ${JSON.stringify(e.op)}`);
  const by: Record<string, number> = {};
  for (const d of disagreements) {
    const k = `${d.kind}: server=${d.server.slice(0, 160)} | sdk=${d.sdk.slice(0, 160)}`;
    by[k] = (by[k] ?? 0) + 1;
  }
  console.log(by);
  for (const d of disagreements.slice(0, 20)) {
    console.log(JSON.stringify(d.op ?? d.schema));
    console.log(`  server: ${d.server.slice(0, 400)}\n  sdk:    ${d.sdk.slice(0, 400)}`);
    if (d.op) console.log(`  schema: ${JSON.stringify(d.schema)}`);
  }
  console.log(
    `${s.schemas} schemas, ${s.operations} operations, ${disagreements.length} disagreements, ${Date.now() - t0} ms`,
  );
  return disagreements.length === 0 ? 0 : 1;
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) process.exitCode = await main();
