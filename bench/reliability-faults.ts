/**
 * Reliability under injected faults: runs test/integration/ovsdb/session-faults.test.ts (a session and
 * a following replica cache behind the fault proxy, on a standalone ovsdb-server and on a 3-member RAFT
 * cluster, with a writer of idempotent transactions) several times with different seeds and more cuts,
 * collects the figures each fault logs (FAULTS_REPORT JSON lines), and prints them per fault kind:
 * reconnects, outage (the session's down → live time), transactions whose outcome was unknown and how
 * their single retry ended, resume hits (monitor_cond_since found) and misses. The test itself asserts
 * that nothing reported committed is missing, nothing is duplicated and the cache equals the server,
 * so a passing run means lost = 0 and duplicated = 0.
 *
 *   npx tsx bench/reliability-faults.ts [--runs 3] [--rounds 8] [--seed 72026]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median } from './util.js';

function arg(name: string, dflt: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
}
const runs = arg('runs', 3);
const rounds = arg('rounds', 8);
const seed0 = arg('seed', 72026);

interface Line {
  rig: string;
  fault: string;
  dir?: string;
  bytes?: string;
  committed: number;
  outcomeUnknown: number;
  retriedApplied: number;
  retriedFoundCommitted: number;
  notSentResent: number;
  reconnects: number;
  rejected: number;
  writeGapMs?: number;
  detectMs?: number;
  closedBy?: string;
  resumeFound: number;
  resumeFull: number;
  outageMaxMs: number;
  outagesMs: number[];
}

const dir = mkdtempSync(join(tmpdir(), `faults-${process.pid}-`));
const lines: Line[] = [];
let failedRuns = 0;
let passedTests = 0;
try {
  for (let r = 0; r < runs; r++) {
    const report = join(dir, `run${r}.jsonl`);
    const seed = seed0 + r;
    const t0 = Date.now();
    const res = spawnSync('npx', ['vitest', 'run', 'test/integration/ovsdb/session-faults.test.ts'], {
      env: { ...process.env, FAULTS_REPORT: report, FAULTS_SEED: String(seed), FAULTS_ROUNDS: String(rounds) },
      encoding: 'utf8',
    });
    const out = `${res.stdout}${res.stderr}`;
    const passed = /Tests\s+(\d+) passed/.exec(out)?.[1];
    if (res.status !== 0) {
      failedRuns++;
      console.log(
        out
          .split('\n')
          .filter((l) => /FAIL|×|Error|expected/.test(l))
          .slice(0, 20)
          .join('\n'),
      );
    } else passedTests += Number(passed ?? 0);
    console.log(
      `run ${r + 1}/${runs}: seed ${seed}, ${rounds} cuts per direction, ${res.status === 0 ? `passed (${passed} tests)` : 'FAILED'} in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
    );
    if (existsSync(report))
      for (const l of readFileSync(report, 'utf8').split('\n')) if (l.trim()) lines.push(JSON.parse(l) as Line);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const kind = (rig: string) => (rig.startsWith('cl') ? 'RAFT cluster' : 'standalone');
const groups = new Map<string, Line[]>();
for (const l of lines) {
  const key = `${kind(l.rig)} | ${l.fault}${l.dir ? ` ${l.dir}` : ''}${l.bytes ? ` (${l.bytes})` : ''}`;
  if (!groups.has(key)) groups.set(key, []);
  groups.get(key)!.push(l);
}
const gaps = (ls: Line[]) => {
  const g = ls.map((l) => l.writeGapMs).filter((x): x is number => x !== undefined);
  return g.length ? String(Math.max(...g)) : '–';
};
const closed = (ls: Line[]) => {
  const n = new Map<string, number>();
  for (const l of ls) if (l.closedBy) n.set(l.closedBy, (n.get(l.closedBy) ?? 0) + 1);
  return [...n].map(([k, v]) => `${k} ×${v}`).join(', ') || '–';
};
const sum = (ls: Line[], k: keyof Line) => ls.reduce((a, l) => a + (l[k] as number), 0);
console.log(
  '\n| server | fault | faults | reconnects | handshakes cut | detection ms (max) | outage median / max ms | longest write gap ms | txns committed | outcome unknown | retry applied | retry found committed | resume found / full | client saw |',
);
console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
for (const [key, ls] of [...groups].sort()) {
  const outages = ls.flatMap((l) => l.outagesMs);
  const detect = ls.map((l) => l.detectMs).filter((x): x is number => x !== undefined);
  const [server, fault] = key.split(' | ');
  console.log(
    `| ${server} | ${fault} | ${ls.length} | ${sum(ls, 'reconnects')} | ${sum(ls, 'rejected')} | ${detect.length ? Math.max(...detect) : '–'} | ${outages.length ? `${median(outages).toFixed(0)} / ${Math.max(...outages)}` : '–'} | ${gaps(ls)} | ${sum(ls, 'committed')} | ${sum(ls, 'outcomeUnknown')} | ${sum(ls, 'retriedApplied')} | ${sum(ls, 'retriedFoundCommitted')} | ${sum(ls, 'resumeFound')} / ${sum(ls, 'resumeFull')} | ${closed(ls)} |`,
  );
}
const all = lines.flatMap((l) => l.outagesMs);
console.log(
  `\ntotal: ${lines.length} faults, ${sum(lines, 'reconnects')} reconnects, ${sum(lines, 'committed')} transactions committed, ${sum(lines, 'outcomeUnknown')} outcome unknown (all resolved by one retry: ${sum(lines, 'retriedApplied')} applied, ${sum(lines, 'retriedFoundCommitted')} found committed), longest outage ${all.length ? Math.max(...all) : 0} ms; ` +
    `${sum(lines, 'notSentResent')} not-sent transactions sent again; runs failed: ${failedRuns}/${runs}${failedRuns ? '' : ' (so lost = 0, duplicated = 0, cache == server after every fault)'}; tests passed: ${passedTests}`,
);
process.exitCode = failedRuns ? 1 : 0;
