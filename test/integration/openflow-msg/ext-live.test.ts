/**
 * Live, against a real ovs-vswitchd (netdev datapath): the extension messages of ext.ts as the
 * switch sends and accepts them — OpenFlow 1.4+ flow monitoring (initial flows, then an update
 * when ovs-ofctl adds a flow), Nicira flow monitoring and NXST_FLOW / NXST_AGGREGATE over
 * OpenFlow 1.0, role status when another controller takes the primary role, NXT_CT_FLUSH and the
 * queue-config request. This library connects as a client to the bridge's management socket.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startVswitchd } from '../../../src/testing/vswitchd.js';
import type { Vswitchd } from '../../../src/testing/vswitchd.js';
import { connectSwitch } from '../../../src/openflow/connection/index.js';
import type { OfConnection } from '../../../src/openflow/connection/index.js';
import { formatMessage } from '../../../src/openflow/messages/index.js';
import type { FlowUpdate, OfMessage } from '../../../src/openflow/messages/index.js';
import type { OfVersion } from '../../../src/openflow/version.js';

let sw: Vswitchd;
const open: OfConnection[] = [];

async function client(versions: OfVersion[]): Promise<OfConnection> {
  const c = await connectSwitch(`unix:${sw.dir}/br0.mgmt`, { versions });
  open.push(c);
  return c;
}

/** Resolves with the first message `pick` accepts (or rejects after `ms`). */
function next<T>(c: OfConnection, pick: (m: OfMessage) => T | undefined, ms = 5000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error('no such message from the switch'));
    }, ms);
    const off = c.onMessage((m) => {
      const v = pick(m);
      if (v === undefined) return;
      clearTimeout(timer);
      off();
      resolve(v);
    });
  });
}

beforeAll(async () => {
  sw = await startVswitchd({ prefix: `ofext-${process.pid}-` });
  await sw.vsctl(
    'add-br',
    'br0',
    '--',
    'set',
    'bridge',
    'br0',
    'datapath_type=netdev',
    'fail-mode=secure',
    'protocols=OpenFlow10,OpenFlow13,OpenFlow14,OpenFlow15',
  );
  await sw.ofctl('add-flow', 'br0', 'table=3,priority=7,reg0=0x5,actions=resubmit(,4)');
}, 30_000);

afterAll(async () => {
  for (const c of open) c.close();
  await sw?.stop();
});

describe('extension messages with a live ovs-vswitchd', () => {
  it('OF1.5 flow monitor: initial flows in the reply, then an ADDED update for a flow ovs-ofctl adds', async () => {
    const c = await client([0x06]);
    const body = await c.multipart({
      kind: 'flowMonitor',
      flavor: 'of',
      monitors: [
        { id: 7, flags: 0x1f, outPort: 0xffffffff, outGroup: 0xffffffff, tableId: 0xff, command: 0, match: [] },
      ],
    });
    if (body.kind !== 'flowMonitor') throw new Error(body.kind);
    const initial = body.updates.filter((u): u is Extract<FlowUpdate, { match: unknown }> => 'match' in u);
    expect(initial.map((u) => [u.event, u.tableId])).toEqual([[0, 3]]); // OFPFME_INITIAL for the flow already there
    const update = next(c, (m) => (m.type === 'multipartReply' && m.body.kind === 'flowMonitor' ? m : undefined));
    await sw.ofctl('add-flow', 'br0', 'table=9,priority=33,reg1=0x2a,actions=drop');
    const m = await update;
    if (m.type !== 'multipartReply' || m.body.kind !== 'flowMonitor') throw new Error(m.type);
    const u = m.body.updates[0]!;
    expect('match' in u && [u.event, u.tableId, u.priority]).toEqual([1, 9, 33]); // OFPFME_ADDED
    expect(formatMessage(m)).toContain('event=ADDED table=9 cookie=0 reg1=0x2a');
  });

  it('OF1.0 Nicira flow monitor, NXST_FLOW and NXST_AGGREGATE', async () => {
    const c = await client([0x01]);
    const mon = await c.multipart({
      kind: 'flowMonitor',
      flavor: 'nx',
      monitors: [{ id: 1, flags: 0x3f, outPort: 0xffff, tableId: 3, match: [] }],
    });
    if (mon.kind !== 'flowMonitor') throw new Error(mon.kind);
    expect(mon.updates.map((u) => u.event)).toEqual([0]); // NXFME_ADDED: the initial flow in table 3
    const flows = await c.multipart({ kind: 'nxFlow', outPort: 0xffff, tableId: 3, match: [] });
    if (flows.kind !== 'nxFlow') throw new Error(flows.kind);
    expect(flows.flows.map((f) => [f.tableId, f.priority, f.match.map((x) => x.field)])).toEqual([[3, 7, ['reg0']]]);
    const agg = await c.multipart({ kind: 'nxAggregate', outPort: 0xffff, tableId: 0xff, match: [] });
    expect(agg.kind === 'nxAggregate' && agg.flowCount).toBe(
      Number((await sw.ofctl('dump-aggregate', 'br0')).match(/flow_count=(\d+)/)![1]),
    );
  });

  it('role status: the old primary hears that another controller took over', async () => {
    const a = await client([0x06]);
    const b = await client([0x06]);
    const ra = await a.request({ type: 'roleRequest', role: 2, generationId: 1n });
    expect(ra.type === 'roleReply' && ra.role).toBe(2);
    const status = next(a, (m) => (m.type === 'roleStatus' ? m : undefined));
    await b.request({ type: 'roleRequest', role: 2, generationId: 2n });
    const s = await status;
    expect([s.role, s.reason, s.generationId]).toEqual([3, 0, 2n]); // now secondary, because of a primary request
    expect(formatMessage(s)).toMatch(
      /^OFPT_ROLE_STATUS \(OF1\.5\) \(xid=0x0\): role=secondary generation_id=2 reason=primary_request\n$/,
    );
  });

  it('NXT_CT_FLUSH with a zone and an original tuple is accepted', async () => {
    const c = await client([0x04]);
    const v4 = (a: number, b: number, x: number, y: number) =>
      Uint8Array.of(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, a, b, x, y);
    await c.sendChecked({
      type: 'nxCtFlush',
      ipProto: 6,
      properties: [
        {
          prop: 'origTuple',
          fields: [
            { field: 'src', addr: v4(10, 0, 0, 1) },
            { field: 'dst', addr: v4(10, 0, 0, 2) },
            { field: 'srcPort', value: 80 },
            { field: 'dstPort', value: 8080 },
          ],
        },
        { prop: 'zone', zoneId: 5 },
      ],
    });
  });

  it('queue get-config (OF1.3) answers for a port without queues', async () => {
    await sw.vsctl('add-port', 'br0', 'q1', '--', 'set', 'interface', 'q1', 'type=internal', 'ofport_request=1');
    const c = await client([0x04]);
    const r = await c.request({ type: 'queueGetConfigRequest', portNo: 1 });
    if (r.type !== 'queueGetConfigReply') throw new Error(r.type);
    expect([r.portNo, r.queues.length]).toEqual([1, 0]);
  });
});
