/**
 * The flow differential, shared by the test and the fuzz script: random flow texts (gen-match.ts)
 * through parseFlow → flowModFromSpec → encodeMessage here and through ovs-ofctl parse-flows
 * (oracle.ts), compared byte for byte (xid aside). A text ovs-ofctl refuses must be refused here
 * with a typed error (an SdkError); any other exception is a crash. When bytes differ, both
 * messages are printed by `ovs-ofctl ofp-print` to tell "same flow, other bytes" from "other flow".
 *
 * OpenFlow 1.0: ovs-ofctl picks one protocol per batch, so the flows are grouped by the form chosen
 * here (ofp_flow_mod or NXT_FLOW_MOD, with or without a table id) and each group runs with that
 * `-F`; a flow whose form OVS cannot use makes the group fail and is found by splitting. A sample
 * of the NXT_FLOW_MOD flows also runs alone with OVS's own choice, which must be NXT_FLOW_MOD.
 */
import { SdkError } from '../../../../src/errors.js';
import { encodeMessage, flowModFromSpec } from '../../../../src/openflow/messages/index.js';
import { parseFlow } from '../../../../src/openflow/text/index.js';
import type { OfVersion } from '../../../../src/openflow/version.js';
import { toHex } from '../../../../src/wire/index.js';
import { randomActions } from '../actions-diff/gen-actions.js';
import { genFlow, Rng, type ActionGen, type GenOptions } from './gen-match.js';
import { ofctlParseFlows, ofctlPrintOne, VERSION_NAMES, type OracleResult } from './oracle.js';

/**
 * The full action generator (../openflow-actions-diff/gen-actions.ts: every action the SDK supports,
 * instructions in OpenFlow 1.1+) plugged into gen-match's flows, drawing from the flow's own rng.
 * Context '' (the actions do not see the random match): an action needing a prerequisite the match
 * lacks is drawn now and then, and both sides must refuse it alike.
 */
export const fullActions: ActionGen = (r, version) => randomActions(() => r.u32(), version, '');

export interface Mismatch {
  readonly version: number;
  readonly text: string;
  /** accept-reject: OVS accepted, we refused (or the reverse); bytes: both accepted, bytes differ; crash: untyped error. */
  readonly kind: 'ovs-accepts' | 'ovs-rejects' | 'bytes-same-text' | 'bytes-other-text' | 'crash' | 'form';
  readonly detail: string;
}

export interface VersionStats {
  cases: number;
  accepted: number;
  rejected: number;
  equal: number;
  /** Accepted by OVS only by dropping a field (missing prerequisite; nw_ecn in 1.1); refused here. */
  prereqRefused: number;
}

type Ours =
  | { ok: true; bytes: Buffer; nicira: boolean; tid: boolean }
  | { ok: false; error: string; typed: boolean; code?: string };

function ours(text: string, version: OfVersion): Ours {
  try {
    const spec = parseFlow(text, version);
    const fm = flowModFromSpec(spec, version);
    const bytes = Buffer.from(encodeMessage(fm));
    return { ok: true, bytes, nicira: fm.type === 'nxFlowMod', tid: spec.table !== undefined };
  } catch (e) {
    return { ok: false, error: (e as Error).message, typed: e instanceof SdkError, code: (e as SdkError).code };
  }
}

const noXid = (b: Buffer): Buffer => {
  const c = Buffer.from(b);
  if (c.length >= 8) c.fill(0, 4, 8);
  return c;
};
const stripHead = (t: string): string => t.split('\n')[0]!.replace(/\(xid=0x[0-9a-f]+\)/, '');

/** Runs `n` random flows per version; returns the figures and every disagreement. */
export function runFlowDiff(
  seed: number,
  n: number,
  versions: readonly OfVersion[],
  gen: GenOptions = {},
): { stats: Map<number, VersionStats>; mismatches: Mismatch[] } {
  const stats = new Map<number, VersionStats>();
  const mismatches: Mismatch[] = [];
  for (const v of versions) {
    const rng = new Rng((seed ^ (v * 0x9e3779b1)) >>> 0);
    const texts = Array.from({ length: n }, () => genFlow(rng, v, gen));
    const st: VersionStats = { cases: n, accepted: 0, rejected: 0, equal: 0, prereqRefused: 0 };
    stats.set(v, st);
    const mine = texts.map((t) => ours(t, v));
    const oracle: (OracleResult | undefined)[] = new Array(n);
    const groups = new Map<string, number[]>();
    mine.forEach((m, i) => {
      const key = !m.ok
        ? 'rejected'
        : v !== 1
          ? 'all'
          : `${m.nicira ? 'NXM' : 'OpenFlow10'}${m.tid ? '+' : '-'}table_id`;
      groups.set(key, [...(groups.get(key) ?? []), i]);
    });
    for (const [key, idx] of groups) {
      if (key === 'rejected') {
        // refusals expected: one process per flow (a batch would stop at each, or split on "no usable protocol")
        for (const i of idx) oracle[i] = ofctlParseFlows([texts[i]!], VERSION_NAMES[v]!)[0];
        continue;
      }
      const protocol = key === 'all' ? undefined : key;
      const res = ofctlParseFlows(
        idx.map((i) => texts[i]!),
        VERSION_NAMES[v]!,
        protocol ? { protocol } : {},
      );
      idx.forEach((i, k) => (oracle[i] = res[k]));
    }
    if (v === 1) {
      // OVS's own protocol choice for a sample of the NXM flows must be NXM too
      const nx = mine.flatMap((m, i) => (m.ok && m.nicira ? [i] : [])).slice(0, 10);
      for (const i of nx) {
        const [r] = ofctlParseFlows([texts[i]!], 'OpenFlow10');
        if (r?.ok && !r.text.startsWith('NXT_FLOW_MOD'))
          mismatches.push({ version: v, text: texts[i]!, kind: 'form', detail: `OVS chose ${r.text.slice(0, 40)}` });
      }
    }
    for (let i = 0; i < n; i++) {
      const m = mine[i]!;
      const o = oracle[i]!;
      const text = texts[i]!;
      if (!m.ok && !m.typed) {
        mismatches.push({ version: v, text, kind: 'crash', detail: m.error });
        continue;
      }
      if (!o.ok) {
        st.rejected++;
        if (m.ok) mismatches.push({ version: v, text, kind: 'ovs-rejects', detail: o.error });
        continue;
      }
      st.accepted++;
      if (!m.ok) {
        if (m.code === 'OF_TEXT_PREREQ' || (v === 0x02 && /nw_ecn/.test(m.error))) {
          // OVS drops a field whose prerequisite is missing ("normalization changed ofp_match"),
          // and nw_ecn in OpenFlow 1.1 (no room in ofp11_match), and sends the rest; the SDK
          // refuses such text instead of sending another flow (a documented policy)
          st.prereqRefused++;
          continue;
        }
        mismatches.push({ version: v, text, kind: 'ovs-accepts', detail: m.error });
        continue;
      }
      if (noXid(m.bytes).equals(noXid(o.bytes))) {
        st.equal++;
        continue;
      }
      const printed = ofctlPrintOne(toHex(m.bytes));
      const same = stripHead(printed) === stripHead(o.text);
      mismatches.push({
        version: v,
        text,
        kind: same ? 'bytes-same-text' : 'bytes-other-text',
        detail: `\n ovs ${toHex(noXid(o.bytes))}\n sdk ${toHex(noXid(m.bytes))}${same ? '' : `\n ovs: ${stripHead(o.text)}\n sdk: ${stripHead(printed)}`}`,
      });
    }
  }
  return { stats, mismatches };
}
