/**
 * Helpers that run the real `ovs-ofctl` as an oracle (parse-flow, ofp-print, parse-actions).
 * No daemons: these subcommands are pure encode/decode.
 */
import { execFileSync, spawnSync } from 'node:child_process';

export type OfctlVersion = 'OpenFlow10' | 'OpenFlow13' | 'OpenFlow15';

/** Bytes from `ovs-ofctl -mmmmm` hex dump lines (`00000000  04 0e 00 98 …-… |…|`). */
export function parseHexDump(lines: readonly string[]): Buffer {
  const parts: string[] = [];
  for (const l of lines) {
    const m = /^[0-9a-f]{8} {2}(.*?)(\|.*)?$/.exec(l);
    if (!m) continue;
    parts.push(m[1]!.replace(/[-\s]/g, ''));
  }
  return Buffer.from(parts.join(''), 'hex');
}

export interface ParsedFlow {
  /** The flow_mod bytes ovs-ofctl encoded. */
  readonly bytes: Buffer;
  /** The text ovs-ofctl prints for it, after `OFPT_FLOW_MOD (OF1.x) (xid=0x1): ADD `. */
  readonly text: string;
}

/** `ovs-ofctl -O VERSION -mmmmm parse-flow TEXT`; returns undefined when ovs-ofctl rejects it. */
export function ofctlParseFlow(text: string, version: OfctlVersion): ParsedFlow | { error: string } {
  const r = spawnSync('ovs-ofctl', ['-O', version, '-mmmmm', 'parse-flow', text], { encoding: 'utf8' });
  if (r.status !== 0) return { error: r.stderr.trim() };
  const lines = r.stdout.split('\n');
  const head = lines.findIndex((l) => l.startsWith('OFPT_FLOW_MOD') || l.startsWith('NXT_FLOW_MOD'));
  if (head < 0) return { error: `no flow_mod in output: ${r.stdout}` };
  const t = lines[head]!.replace(/^.*?: ADD /, '');
  return { bytes: parseHexDump(lines.slice(head + 1)), text: t };
}

/** Batch `ovs-ofctl ofp-print` of many messages: one process per hex (ofp-print takes one). */
export function ofctlPrint(hex: string, verbosity = 1): string {
  const r = spawnSync('ovs-ofctl', ['ofp-print', hex, String(verbosity)], { encoding: 'utf8' });
  return (r.stdout + (r.status !== 0 ? r.stderr : '')).trim();
}

/** `ovs-ofctl --version` first line, for test titles. */
export function ofctlVersion(): string {
  return execFileSync('ovs-ofctl', ['--version'], { encoding: 'utf8' }).split('\n')[0]!;
}
