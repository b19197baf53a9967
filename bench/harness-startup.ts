/**
 * How long the harness takes to give a test its own ovsdb-server (create the DB, start, stop).
 *   npx tsx bench/harness-startup.ts
 */
import { startOvsdbServer } from '../src/testing/index.js';
import { fmt, median } from './util.js';

const start: number[] = [];
const stop: number[] = [];
for (let i = 0; i < 21; i++) {
  const t0 = performance.now();
  const s = await startOvsdbServer({ schema: 'nb' });
  const t1 = performance.now();
  await s.stop();
  start.push(t1 - t0);
  stop.push(performance.now() - t1);
}
console.log(
  `startOvsdbServer (OVN_Northbound, unix + tcp): median ${fmt(median(start), 1)} ms [${fmt(Math.min(...start), 1)}–${fmt(Math.max(...start), 1)}]`,
);
console.log(
  `stop (process gone, dir removed): median ${fmt(median(stop), 1)} ms [${fmt(Math.min(...stop), 1)}–${fmt(Math.max(...stop), 1)}]`,
);
