/**
 * Start-up and stop time of each harness piece per backend: local processes vs containers
 * (testcontainers on the engine DOCKER_HOST points at, images already built).
 *   bash scripts/containers-test.sh npx tsx bench/harness-startup-backends.ts      # private engine
 *   DOCKER_HOST=unix:///…/docker.sock npx tsx bench/harness-startup-backends.ts    # an engine of yours
 * BENCH_REPS=N overrides the repetitions (default: 5 for servers and centrals, 3 for clusters, 2 for topologies).
 */
import {
  startOvnCentral,
  startOvsdbCluster,
  startOvsdbServer,
  startTopology,
  type HarnessRuntime,
} from '../src/testing/index.js';
import { fmt, median } from './util.js';

process.env.TESTCONTAINERS_RYUK_DISABLED ??= 'true';
const reps = (n: number) => Number(process.env.BENCH_REPS ?? n);

async function measure(
  what: string,
  runtime: HarnessRuntime,
  n: number,
  start: () => Promise<{ stop(): Promise<void> }>,
): Promise<string> {
  const up: number[] = [];
  const down: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const h = await start();
    const t1 = performance.now();
    await h.stop();
    up.push(t1 - t0);
    down.push(performance.now() - t1);
  }
  const r = (xs: number[]) => `${fmt(median(xs), 0)} ms [${fmt(Math.min(...xs), 0)}–${fmt(Math.max(...xs), 0)}]`;
  const line = `| ${what} | ${runtime} | ${n} | ${r(up)} | ${r(down)} |`;
  console.log(line);
  return line;
}

console.log('| piece | runtime | runs | start (median [min–max]) | stop (median [min–max]) |');
console.log('| --- | --- | --- | --- | --- |');
for (const runtime of ['process', 'container'] as const) {
  // one warm-up each (module loading, first engine connection)
  await (await startOvsdbServer({ schema: 'nb', runtime })).stop();
  await measure('startOvsdbServer (OVN_Northbound)', runtime, reps(5), () =>
    startOvsdbServer({ schema: 'nb', runtime }),
  );
  await measure('startOvnCentral (NB + SB + northd)', runtime, reps(5), () => startOvnCentral({ runtime }));
  await measure('startOvsdbCluster (3 members, leader elected)', runtime, reps(3), () =>
    startOvsdbCluster({ schema: 'nb', runtime }),
  );
  await measure('startTopology (central + 2 nodes, chassis registered)', runtime, reps(2), () =>
    startTopology({ runtime }),
  );
}
