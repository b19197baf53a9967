/**
 * ovs-ofctl as a batch oracle for flow text: many flows through ONE `ovs-ofctl -O VERSION -mmmmm
 * parse-flows FILE` process.
 *
 * Output framing (ovs-ofctl.c ofctl_parse_flows__): `usable protocols: …`, `chosen protocol: …`,
 * then per flow, in file order, one text line (`OFPT_FLOW_MOD (OF1.3) (xid=0xN): ADD …` or
 * `NXT_FLOW_MOD (xid=0xN): ADD …`) followed by its hex dump, whose offsets restart at 00000000.
 * ovs-ofctl parses every flow before printing, and stops at the first one it refuses
 * (`ovs-ofctl: FILE:LINE: error`, nothing printed): that flow is recorded as refused and the batch
 * runs again without it. The protocol is chosen once for the whole batch from the intersection of
 * the flows' usable protocols; when that is empty (`no usable protocol`) the batch is split in
 * halves until the flows that no protocol fits are found alone (refused too).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type OfctlVersionName = 'OpenFlow10' | 'OpenFlow11' | 'OpenFlow12' | 'OpenFlow13' | 'OpenFlow14' | 'OpenFlow15';

export const VERSION_NAMES: Readonly<Record<number, OfctlVersionName>> = {
  1: 'OpenFlow10',
  2: 'OpenFlow11',
  3: 'OpenFlow12',
  4: 'OpenFlow13',
  5: 'OpenFlow14',
  6: 'OpenFlow15',
};

/** ovs-ofctl's verdict on one flow text. */
export type OracleResult =
  { readonly ok: true; readonly bytes: Buffer; readonly text: string } | { readonly ok: false; readonly error: string };

export interface OracleOptions {
  /** `-F` flow format (OpenFlow 1.0 only): `OpenFlow10-table_id`, `OpenFlow10+table_id`, `NXM-table_id`, `NXM+table_id`. */
  readonly protocol?: string;
}

/** Statistics of the oracle's work (processes run), for the test's log. */
export const oracleStats = { processes: 0 };

interface Run {
  readonly rc: number;
  readonly stdout: string;
  readonly stderr: string;
}

function run(dir: string, texts: readonly string[], version: OfctlVersionName, opts: OracleOptions): Run {
  const file = join(dir, 'flows.txt');
  writeFileSync(file, texts.join('\n') + '\n');
  const args = ['-O', version, ...(opts.protocol ? ['-F', opts.protocol] : []), '-mmmmm', 'parse-flows', file];
  oracleStats.processes++;
  const r = spawnSync('ovs-ofctl', args, { encoding: 'utf8', maxBuffer: 1 << 28 });
  return { rc: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Splits parse-flows output into one {text, bytes} per flow, in order. */
export function splitParseFlowsOutput(stdout: string): { text: string; bytes: Buffer }[] {
  const out: { text: string; hex: string[] }[] = [];
  for (const line of stdout.split('\n')) {
    const m = /^([0-9a-f]{8}) {2}(.*?)(\|.*)?$/.exec(line);
    if (m) {
      const cur = out[out.length - 1];
      if (!cur) throw new Error(`hex dump before any message: ${line}`);
      cur.hex.push(m[2]!.replace(/[-\s]/g, ''));
      continue;
    }
    if (/^(OFPT_|NXT_)\S+ .*\(xid=0x[0-9a-f]+\): /.test(line)) out.push({ text: line, hex: [] });
  }
  return out.map((x) => ({ text: x.text, bytes: Buffer.from(x.hex.join(''), 'hex') }));
}

/**
 * ovs-ofctl's verdict for each text, in order, using as few processes as the refusals allow.
 * Texts must be single lines without `#` at the start.
 */
export function ofctlParseFlows(
  texts: readonly string[],
  version: OfctlVersionName,
  opts: OracleOptions = {},
): OracleResult[] {
  const dir = mkdtempSync(join(tmpdir(), 'ofdiff-'));
  try {
    const results: (OracleResult | undefined)[] = new Array(texts.length);
    const solve = (idx: number[]): void => {
      let pending = idx;
      while (pending.length) {
        const r = run(
          dir,
          pending.map((i) => texts[i]!),
          version,
          opts,
        );
        if (r.rc === 0) {
          const msgs = splitParseFlowsOutput(r.stdout);
          if (msgs.length !== pending.length)
            throw new Error(`ovs-ofctl printed ${msgs.length} flow_mods for ${pending.length} flows`);
          pending.forEach((i, k) => (results[i] = { ok: true, bytes: msgs[k]!.bytes, text: msgs[k]!.text }));
          return;
        }
        const line = /:(\d+): (.*)$/m.exec(r.stderr);
        if (line) {
          const k = Number(line[1]) - 1;
          if (k < 0 || k >= pending.length) throw new Error(`ovs-ofctl: bad line in ${r.stderr}`);
          results[pending[k]!] = { ok: false, error: line[2]!.trim() };
          pending = pending.filter((_, j) => j !== k);
          continue;
        }
        // an error naming no line (`no usable protocol`: no flow format fits every flow): split the batch
        if (pending.length === 1) {
          const error = /no usable protocol/.test(r.stderr)
            ? 'no usable protocol'
            : r.stderr.replace(/^ovs-ofctl: /, '');
          results[pending[0]!] = { ok: false, error: error.trim() };
          return;
        }
        const half = pending.length >> 1;
        solve(pending.slice(0, half));
        solve(pending.slice(half));
        return;
      }
    };
    solve(texts.map((_, i) => i));
    return results.map((x) => x!);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `ovs-ofctl ofp-print HEX` (one message per process: only for the few that differ). */
export function ofctlPrintOne(hex: string): string {
  oracleStats.processes++;
  const r = spawnSync('ovs-ofctl', ['ofp-print', hex], { encoding: 'utf8' });
  return (r.stdout + (r.status !== 0 ? r.stderr : '')).trim();
}
