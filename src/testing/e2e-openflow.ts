/**
 * OpenFlow side of the end-to-end scenario: a passive listener on a node's br-int added with this SDK's
 * Open_vSwitch client, a flow dump over it with this SDK's OpenFlow client (OpenFlow 1.5), printed in
 * `ovs-ofctl dump-flows` text, and the normalisation that makes two dumps comparable.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { OFP_VERSION, connectSwitch, formatMessage, type OfConnection } from '../openflow/index.js';
import { setController } from '../vswitch/index.js';
import type { TopoNode } from './topology.js';
import { waitFor } from './process.js';
import { E2eStepError } from './e2e-scenario.js';

/** The flow lines of a dump with what changes between two dumps (age, counters) taken out, sorted. */
export function normalizeDumpFlows(text: string): string[] {
  return text
    .split('\n')
    .filter((l) => l.startsWith(' cookie='))
    .map((l) =>
      l
        .replace(/duration=[\d.]+s, /, '')
        .replace(/n_packets=\d+, n_bytes=\d+, /, '')
        .replace(/idle_age=\d+, /, '')
        .replace(/hard_age=\d+, /, ''),
    )
    .sort();
}

/** A flow dump taken with this SDK. */
export interface SdkFlowDump {
  /** Flows in the reply. */
  readonly count: number;
  /** `ovs-ofctl dump-flows`-style text as the SDK's formatter prints it. */
  readonly text: string;
}

/** An OpenFlow 1.5 session with a node's br-int over a `punix:` listener in the node's run dir. */
export interface BrIntSession {
  readonly conn: OfConnection;
  readonly socket: string;
  /** Messages from the switch that did not decode (must stay empty). */
  readonly decodeErrors: readonly Error[];
  dumpFlows(): Promise<SdkFlowDump>;
  close(): void;
}

/**
 * Adds `punix:<run dir>/br-int.sdk.sock` as br-int's controller target (with this SDK's Open_vSwitch
 * client) and connects to it with this SDK's OpenFlow client, offering only OpenFlow 1.5. The socket is
 * a file, so it is reachable from outside the node's namespace.
 * @throws E2eStepError `E2E_STEP_FAILED` if the listener does not appear; the OpenFlow client's errors
 */
export async function openBrInt(node: TopoNode): Promise<BrIntSession> {
  const socket = join(node.vswitch.dir, 'br-int.sdk.sock');
  await node.ovs.transact('Open_vSwitch', setController('br-int', [`punix:${socket}`]));
  await waitFor(`br-int listener ${socket}`, () => (existsSync(socket) ? true : undefined), 10_000, 20).catch(
    (e: unknown) => {
      throw new E2eStepError('openflow', `ovs-vswitchd did not open ${socket}`, { cause: e });
    },
  );
  const conn = await connectSwitch(`unix:${socket}`, { versions: [OFP_VERSION.OF15] });
  const decodeErrors: Error[] = [];
  conn.onDecodeError((e) => decodeErrors.push(e));
  return {
    conn,
    socket,
    decodeErrors,
    async dumpFlows() {
      const body = await conn.multipart({
        kind: 'flow',
        tableId: 0xff,
        outPort: 0xffffffff,
        outGroup: 0xffffffff,
        cookie: 0n,
        cookieMask: 0n,
        match: [],
      });
      if (body.kind !== 'flow') throw new E2eStepError('openflow', `expected a flow stats reply, got ${body.kind}`);
      const text = formatMessage({ type: 'multipartReply', version: conn.version, xid: 0, flags: 0, body });
      return { count: body.flows.length, text };
    },
    close: () => conn.close(),
  };
}
