/**
 * Records the fixtures of test/unit/openflow-msg/ofprint-recorded.test.ts with ovs-ofctl 3.1 as the
 * oracle (run by hand when they need refreshing: `npx tsx test/integration/openflow-msg/record-ofprint-vectors.ts`):
 *
 * - test/fixtures/openflow-msg/ryu-ofp-print.json: `ovs-ofctl ofp-print` of every Ryu packet_data
 *   message (../shared/vectors/openflow/ryu-packet_data), cut to its header length;
 * - test/fixtures/openflow-msg/ofprint-gaps.json: 12 samples (seed 1515) of each message family of
 *   ofprint-gaps-arbitraries.ts, their bytes and ovs-ofctl's text.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { encodeMessage } from '../../../src/openflow/messages/index.js';
import { KINDS } from './ofprint-gaps-arbitraries.js';

const root = join(import.meta.dirname, '../../..');
const out = join(root, 'test/fixtures/openflow-msg');
mkdirSync(out, { recursive: true });

function ofpPrint(hex: string): string {
  const r = spawnSync('ovs-ofctl', ['ofp-print', hex], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`ovs-ofctl ofp-print ${hex}: ${r.stderr}`);
  return r.stdout;
}

const ryuRoot = join(root, '../shared/vectors/openflow/ryu-packet_data');
const ryu = [];
for (const dir of readdirSync(ryuRoot).sort())
  for (const file of readdirSync(join(ryuRoot, dir)).sort()) {
    if (!file.endsWith('.packet')) continue;
    const b = readFileSync(join(ryuRoot, dir, file));
    const hex = b.subarray(0, Math.min(b.length, b.readUInt16BE(2))).toString('hex');
    ryu.push({ file: `${dir}/${file}`, hex, ovs31: ofpPrint(hex) });
  }
writeFileSync(
  join(out, 'ryu-ofp-print.json'),
  `${JSON.stringify({ tool: 'ovs-ofctl 3.1.0 ofp-print', vectors: ryu }, null, 1)}\n`,
);

const gaps = [];
for (const [kind, arb] of Object.entries(KINDS))
  for (const m of fc.sample(arb, { numRuns: 12, seed: 1515 })) {
    const hex = Buffer.from(encodeMessage(m)).toString('hex');
    gaps.push({ kind, hex, ovs31: ofpPrint(hex) });
  }
writeFileSync(
  join(out, 'ofprint-gaps.json'),
  `${JSON.stringify({ tool: 'ovs-ofctl 3.1.0 ofp-print', vectors: gaps }, null, 1)}\n`,
);
console.log(`recorded ${ryu.length} Ryu and ${gaps.length} gap vectors`);
