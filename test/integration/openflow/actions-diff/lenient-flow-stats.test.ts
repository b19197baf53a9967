/**
 * A flow dump with one bad action: the SDK keeps every other flow and flags that one
 * (`actionsError`, `rawInstructions`), where a strict decoder (and ovs-ofctl ofp-print) stops at the
 * bad action. ovs-ofctl decides that the action is bad.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { decodeMessage, encodeMessage, type FlowStatsEntry } from '../../../../src/openflow/messages/index.js';
import { ActionError } from '../../../../src/openflow/actions/index.js';

function entry(port: number, cookie: bigint): FlowStatsEntry {
  return {
    tableId: 0,
    priority: 100,
    idleTimeout: 0,
    hardTimeout: 0,
    flags: 0,
    importance: 0,
    cookie,
    match: [],
    stats: { durationSec: 1, durationNsec: 2, packetCount: 3n, byteCount: 4n },
    // OF1.0 stats carry a bare action list, decoded as one apply_actions
    instructions: [{ type: 'applyActions', actions: [{ type: 'output', port, maxLen: 0 }] }],
  };
}

describe('flow stats replies are read leniently', () => {
  for (const version of [0x01, 0x04, 0x06] as const) {
    it(`OpenFlow 0x0${version}: one bad action flags its flow, the others are kept`, () => {
      const flows = [entry(1, 0x11n), entry(0x2222, 0x22n), entry(3, 0x33n)];
      const bytes = Buffer.from(
        encodeMessage({ type: 'multipartReply', version, xid: 7, flags: 0, body: { kind: 'flow', flows } }),
      );
      // turn the second flow's output port into OFPP_NONE / ANY, which OVS refuses on decode
      const at = bytes.indexOf(version === 1 ? Buffer.from('2222', 'hex') : Buffer.from('00002222', 'hex'));
      expect(at).toBeGreaterThan(0);
      if (version === 1) bytes.writeUInt16BE(0xffff, at);
      else bytes.writeUInt32BE(0xffffffff, at);
      const actionHex = version === 1 ? bytes.subarray(at - 4, at + 4) : bytes.subarray(at - 4, at + 12);
      const ovs = spawnSync(
        'ovs-ofctl',
        ['parse-actions', version === 1 ? 'OpenFlow10' : version === 4 ? 'OpenFlow13' : 'OpenFlow15'],
        {
          input: `${actionHex.toString('hex')}\n`,
          encoding: 'utf8',
        },
      );
      expect(ovs.stdout).toMatch(/bad .*OFPBAC_BAD_OUT_PORT/);

      const msg = decodeMessage(bytes);
      if (msg.type !== 'multipartReply' || msg.body.kind !== 'flow') throw new Error(`decoded ${msg.type}`);
      const got = msg.body.flows;
      expect(got.map((f) => f.cookie)).toEqual([0x11n, 0x22n, 0x33n]);
      expect(got[0]!.actionsError).toBeUndefined();
      expect(got[0]!.instructions).toEqual(flows[0]!.instructions);
      expect(got[2]!.instructions).toEqual(flows[2]!.instructions);
      expect(got[1]!.instructions).toEqual([]);
      expect(got[1]!.actionsError).toBeInstanceOf(ActionError);
      expect(got[1]!.actionsError!.code).toBe('OF_ACTION_BAD_OUT_PORT');
      expect(Buffer.from(got[1]!.rawInstructions!).includes(Buffer.from('ffff', 'hex'))).toBe(true);
      // the flagged flow goes back out unchanged
      expect(Buffer.from(encodeMessage(msg)).toString('hex')).toBe(bytes.toString('hex'));
    });
  }
});
