/**
 * Batched `ovs-ofctl -O V -mmmmm parse-flows FILE` as the oracle for action bytes, and the SDK's side
 * of the same comparison. ovs-ofctl parses the whole file before printing and stops at the first bad
 * line, so a rejected line is recorded and the batch is run again without it: one process per batch
 * plus one per rejection.
 */
import {
  actionsLength,
  instructionsLength,
  readActions,
  readInstructions,
  writeActions,
  writeInstructions,
} from '../../../../src/openflow/actions/index.js';
import { parseFlow } from '../../../../src/openflow/text/index.js';
import type { OfVersion } from '../../../../src/openflow/version.js';
import { ByteReader, ByteWriter } from '../../../../src/wire/index.js';
import { ofctlParseFlows, type OfctlVersionName } from '../diff/oracle.js';

export const VERSIONS = [
  ['OpenFlow10', 0x01],
  ['OpenFlow11', 0x02],
  ['OpenFlow12', 0x03],
  ['OpenFlow13', 0x04],
  ['OpenFlow14', 0x05],
  ['OpenFlow15', 0x06],
] as const;

export type Outcome = { readonly bytes: Buffer } | { readonly error: string };

/**
 * The action (OF1.0) or instruction (OF1.1+) bytes of a flow_mod as ovs-ofctl prints it: after the
 * fixed part and the padded match of OFPT_FLOW_MOD (OF1.0 ofp_match, OF1.1 ofp11_match, OF1.2+
 * OXM) or NXT_FLOW_MOD (NXM).
 */
export function flowModProgram(msg: Buffer): Buffer {
  const version = msg[0]!;
  const type = msg[1]!;
  if (version === 0x01 && type === 4) {
    // NXT_FLOW_MOD: ofp_header + vendor + subtype (16), nx_flow_mod (32), nx_match padded to 8
    const matchLen = msg.readUInt16BE(40);
    return msg.subarray(48 + ((matchLen + 7) & ~7));
  }
  if (version === 0x01) return msg.subarray(72);
  if (version === 0x02) return msg.subarray(48 + 88);
  const matchLen = msg.readUInt16BE(50);
  return msg.subarray(48 + ((matchLen + 7) & ~7));
}

/**
 * Runs ovs-ofctl over `lines` (flow texts) through the flow differential's batch oracle
 * (../diff/oracle.ts: one process per batch, a refused line dropped and the rest run again, a
 * batch no protocol fits split in two); one outcome per line: the action / instruction bytes, or
 * ovs-ofctl's error.
 */
export function ofctlFlows(lines: readonly string[], version: string): Outcome[] {
  return ofctlParseFlows(lines, version as OfctlVersionName).map((r) =>
    r.ok ? { bytes: flowModProgram(r.bytes) } : { error: r.error },
  );
}

/** The SDK's side: parseFlow (which checks the actions against the match), then the action / instruction bytes. */
export function sdkFlow(text: string, version: OfVersion): Outcome {
  try {
    const spec = parseFlow(text, version);
    if (version === 0x01) {
      // OF1.0 carries a bare action list
      const list = spec.instructions.flatMap((i) => (i.type === 'applyActions' ? i.actions : []));
      const w = ByteWriter.alloc(actionsLength(list, version));
      writeActions(w, list, version);
      return { bytes: Buffer.from(w.written()) };
    }
    const w = ByteWriter.alloc(instructionsLength(spec.instructions, version));
    writeInstructions(w, spec.instructions, version);
    return { bytes: Buffer.from(w.written()) };
  } catch (e) {
    return { error: e instanceof Error ? `${e.constructor.name}: ${e.message}` : String(e) };
  }
}

export interface DiffResult {
  readonly equal: number;
  readonly bothRejected: number;
  /** One line per disagreement: the flow text, then what each side did. */
  readonly mismatches: string[];
  /**
   * Lists ovs-ofctl encoded whose bytes the SDK does not decode and re-encode unchanged (including
   * ones OVS's own decoder refuses, e.g. ct(nat(dst=…)) without commit, which it encodes from text).
   */
  readonly roundTripDiffers: string[];
}

/** Decodes ovs-ofctl's action (OF1.0) or instruction bytes and encodes them again. */
export function roundTrip(bytes: Buffer, version: OfVersion): string {
  try {
    const r = new ByteReader(bytes);
    if (version === 0x01) {
      const l = readActions(r, bytes.length, version);
      const w = ByteWriter.alloc(actionsLength(l, version));
      writeActions(w, l, version);
      return Buffer.from(w.written()).toString('hex');
    }
    const l = readInstructions(r, bytes.length, version);
    const w = ByteWriter.alloc(instructionsLength(l, version));
    writeInstructions(w, l, version);
    return Buffer.from(w.written()).toString('hex');
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/** Compares the SDK with ovs-ofctl on every line, in batches of `batch` lines per process. */
export function diffBatch(lines: readonly string[], name: string, version: OfVersion, batch = 100): DiffResult {
  let equal = 0;
  let bothRejected = 0;
  const mismatches: string[] = [];
  const roundTripDiffers: string[] = [];
  for (let b = 0; b < lines.length; b += batch) {
    const chunk = lines.slice(b, b + batch);
    const ovs = ofctlFlows(chunk, name);
    chunk.forEach((line, i) => {
      const o = ovs[i]!;
      const s = sdkFlow(line, version);
      if ('bytes' in o) {
        const again = roundTrip(o.bytes, version);
        if (again !== o.bytes.toString('hex'))
          roundTripDiffers.push(`${line}\n      ovs: ${o.bytes.toString('hex')}\n      sdk: ${again}`);
      }
      if ('error' in o && 'error' in s) bothRejected++;
      else if ('bytes' in o && 'bytes' in s && o.bytes.equals(s.bytes)) equal++;
      else
        mismatches.push(
          `${line}\n      ovs: ${'error' in o ? o.error : o.bytes.toString('hex')}\n      sdk: ${'error' in s ? s.error : s.bytes.toString('hex')}`,
        );
    });
  }
  return { equal, bothRejected, mismatches, roundTripDiffers };
}
