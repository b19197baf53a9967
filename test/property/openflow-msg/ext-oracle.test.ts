/**
 * The extension messages (ext.ts: flow monitor, NXT_FLOW_MOD / PACKET_IN / FLOW_REMOVED,
 * NXT_CT_FLUSH, role status, requestforward, queue config / desc, NXST_FLOW / AGGREGATE / IPFIX)
 * with every field drawn over its range:
 * 1. decode(encode(m)) equals m;
 * 2. `ovs-ofctl ofp-parse` (OVS 3.1) prints the encoded batch exactly as formatMessage does (one
 *    ovs-ofctl run per batch of messages written back to back).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeMessage, encodeMessage, formatMessage } from '../../../src/openflow/messages/index.js';
import type { OfMessage } from '../../../src/openflow/messages/index.js';
import type { Match } from '../../../src/openflow/match/index.js';
import type { Action } from '../../../src/openflow/actions/index.js';
import { expectOfpParse, plain } from './oracle.js';

const u8 = fc.integer({ min: 0, max: 0xff });
const u16 = fc.integer({ min: 0, max: 0xffff });
const u32 = fc.integer({ min: 0, max: 0xffffffff });
const u64 = fc.bigInt({ min: 0n, max: 0xffffffffffffffffn });
const bytes = (n: number) => fc.uint8Array({ minLength: n, maxLength: n });
const xid = u32;
/** 32-bit port numbers OVS accepts (OpenFlow 1.1 range: 0..0xfeff and the reserved 0xffffff00 up). */
const port32 = fc.oneof(fc.integer({ min: 0, max: 0xfeff }), fc.integer({ min: 0xffffff00, max: 0xffffffff }));

/** NXM / OXM fields without prerequisites, over their full value range, each at most once. */
const field = fc.oneof(
  fc.record({ field: fc.constantFrom('reg0', 'reg1', 'reg2', 'reg3', 'reg7', 'pkt_mark'), value: bytes(4) }),
  fc.record({ field: fc.constant('tun_id'), value: bytes(8) }),
  fc.record({ field: fc.constantFrom('eth_src', 'eth_dst'), value: bytes(6) }),
);
const match: fc.Arbitrary<Match> = fc.uniqueArray(field, { maxLength: 4, selector: (f) => f.field });
/** 16-bit in_port (NXM_OF_IN_PORT) for the Nicira forms, physical ports only. */
const nxMatch: fc.Arbitrary<Match> = fc
  .tuple(match, fc.option(fc.integer({ min: 1, max: 0xfeff })))
  .map(([m, p]) => (p === null ? m : [...m, { field: 'in_port', value: Uint8Array.of(p >> 8, p & 0xff) }]));
/** OXM match with the 32-bit in_port for the ONF / OF1.4 forms. */
const oxmMatch: fc.Arbitrary<Match> = fc
  .tuple(match, fc.option(fc.integer({ min: 1, max: 0xfeff })))
  .map(([m, p]) => (p === null ? m : [...m, { field: 'in_port_oxm', value: Uint8Array.of(0, 0, p >> 8, p & 0xff) }]));
const actions: fc.Arbitrary<Action[]> = fc.array(
  fc.oneof(
    fc.record({
      type: fc.constant('output' as const),
      port: fc.integer({ min: 1, max: 0xfeff }),
      maxLen: fc.constant(0),
    }),
    fc.record({
      type: fc.constant('resubmit' as const),
      inPort: fc.integer({ min: 1, max: 0xfeff }),
      table: u8.filter((t) => t !== 0xff),
    }),
  ),
  { maxLength: 3 },
);
/** Ethernet frames with an ethertype the packet text shows as dl_type (IP, ARP, VLAN, MPLS, NSH and PBB are parsed further). */
const frame = fc
  .tuple(
    bytes(12),
    u16.filter(
      (t) =>
        t >= 0x600 && ![0x0800, 0x0806, 0x8035, 0x8100, 0x88a8, 0x86dd, 0x8847, 0x8848, 0x894f, 0x88e7].includes(t),
    ),
    fc.uint8Array({ maxLength: 30 }),
  )
  .map(([mac, et, rest]) => Uint8Array.from([...mac, et >> 8, et & 0xff, ...rest]));

const nxFlowMod = fc.record({
  type: fc.constant('nxFlowMod' as const),
  version: fc.constant(1 as const),
  xid,
  cookie: u64.filter((c) => c !== 0xffffffffffffffffn), // all-ones: OVS's "no new cookie"
  cookieMask: fc.constant(0n),
  tableId: fc.constant(0),
  command: fc.integer({ min: 0, max: 4 }),
  idleTimeout: u16,
  hardTimeout: u16,
  priority: u16,
  bufferId: fc.oneof(fc.constant(0xffffffff), u32),
  outPort: u16,
  outGroup: fc.constant(0xffffffff),
  flags: fc.integer({ min: 0, max: 3 }),
  importance: fc.constant(0),
  match: nxMatch,
  instructions: actions.map((a) => [{ type: 'applyActions' as const, actions: a }]),
});

const nxPacketIn = fc
  .tuple(
    frame,
    u8.filter((r) => r <= 2),
    u8,
    u64,
    fc.oneof(fc.constant(0xffffffff), u32),
    nxMatch,
    xid,
  )
  .map(([data, reason, tableId, cookie, bufferId, m, x]) => ({
    type: 'nxPacketIn' as const,
    version: 1 as const,
    xid: x,
    bufferId,
    totalLen: data.length,
    reason,
    tableId,
    cookie,
    match: m,
    data,
  }));

const nxFlowRemoved = fc.record({
  type: fc.constant('nxFlowRemoved' as const),
  version: fc.constant(1 as const),
  xid,
  cookie: u64,
  priority: u16,
  reason: fc.integer({ min: 0, max: 5 }),
  tableId: u8,
  durationSec: u32,
  durationNsec: fc.integer({ min: 0, max: 999_999_999 }),
  idleTimeout: u16,
  packetCount: u64,
  byteCount: u64,
  match: nxMatch,
});

const v4 = fc
  .tuple(u8, u8, u8, u8)
  .map(([a, b, c, d]) => Uint8Array.of(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, a, b, c, d));
const v6 = bytes(16).map((b) => (b[0] === 0 ? Uint8Array.from([0xfd, ...b.subarray(1)]) : b));
const ctFlush = fc
  .tuple(
    fc.constantFrom(0, 6, 17, 1, 58, 132),
    fc.boolean(),
    fc.option(u16),
    fc.option(fc.boolean()),
    fc.option(fc.boolean()),
    v4,
    v4,
    v6,
    v6,
    u16,
    u16,
    u8,
    u8,
    xid,
    fc.constantFrom(1, 4),
  )
  .map(([ipProto, isV4, zone, orig, reply, a4, b4, a6, b6, p1, p2, t, c, x, version]) => {
    const icmp = ipProto === 1 || ipProto === 58;
    const tuple = (swap: boolean) => {
      const [src, dst] = isV4 ? [a4, b4] : [a6, b6];
      const f: { field: string; [k: string]: unknown }[] = [
        { field: 'src', addr: swap ? dst : src },
        { field: 'dst', addr: swap ? src : dst },
      ];
      if (icmp)
        f.push({ field: 'icmpId', value: p1 }, { field: 'icmpType', value: t }, { field: 'icmpCode', value: c });
      else if (ipProto)
        f.push({ field: 'srcPort', value: swap ? p2 : p1 }, { field: 'dstPort', value: swap ? p1 : p2 });
      return f;
    };
    const properties: unknown[] = [];
    if (orig !== null) properties.push({ prop: 'origTuple', fields: tuple(false) });
    if (reply !== null) properties.push({ prop: 'replyTuple', fields: tuple(true) });
    if (zone !== null) properties.push({ prop: 'zone', zoneId: zone });
    return { type: 'nxCtFlush', version, xid: x, ipProto, properties } as unknown as OfMessage;
  });

const roleStatus = fc.record({
  type: fc.constant('roleStatus' as const),
  version: fc.constantFrom(4, 5, 6) as fc.Arbitrary<4 | 5 | 6>,
  xid,
  role: fc.integer({ min: 0, max: 3 }),
  reason: fc.integer({ min: 0, max: 2 }),
  generationId: u64,
});

const band = fc.record({ bandType: fc.constant(1), rate: fc.integer({ min: 1, max: 0xffffffff }), burstSize: u32 });
const requestForward = fc
  .tuple(
    fc.constantFrom(5, 6) as fc.Arbitrary<5 | 6>,
    xid,
    xid,
    fc.boolean(),
    fc.integer({ min: 0, max: 1 }),
    fc.constantFrom(0, 1, 2, 4, 5, 8, 12, 13),
    u32.filter((m) => m >= 1 && m <= 0xffff0000),
    fc.array(band, { maxLength: 2 }),
    fc.constantFrom(0, 1, 3),
    fc.integer({ min: 0, max: 0xffffff00 }),
  )
  .map(([version, x, ix, meter, cmd, flags, meterId, bands, gtype, groupId]) => ({
    type: 'requestForward' as const,
    version,
    xid: x,
    flavor: 'of' as const,
    request: meter
      ? { type: 'meterMod' as const, version, xid: ix, command: cmd, flags, meterId, bands }
      : version === 6
        ? {
            type: 'groupMod' as const,
            version,
            xid: ix,
            command: cmd,
            groupType: gtype,
            groupId,
            commandBucketId: 0xffffffff,
            buckets: [],
            properties: [],
          }
        : { type: 'groupMod' as const, version, xid: ix, command: cmd, groupType: gtype, groupId, buckets: [] },
  }));

/**
 * NXT_GROUP_MOD (OF1.0): OF1.5 group_mod layout, bucket ids and properties, OF1.0 output actions.
 * all / select groups only (fast-failover bucket rules and weight 0/1 text are the group codec's, not drawn here).
 */
const nxGroupMod = fc
  .tuple(
    xid,
    fc.integer({ min: 0, max: 1 }),
    fc.constantFrom(0, 1),
    fc.integer({ min: 0, max: 0xffffff00 }),
    fc.uniqueArray(
      fc.record({
        bucketId: fc.integer({ min: 0, max: 0xffffff00 }),
        weight: fc.option(fc.integer({ min: 2, max: 0xffff })),
        actions: fc.array(
          fc.record({
            type: fc.constant('output' as const),
            port: fc.integer({ min: 1, max: 0xfeff }),
            maxLen: fc.constant(0),
          }),
          { maxLength: 2 },
        ),
      }),
      { maxLength: 3, selector: (b) => b.bucketId },
    ),
  )
  .map(([x, command, groupType, groupId, bs]) => ({
    type: 'nxGroupMod' as const,
    version: 1 as const,
    xid: x,
    command,
    groupType,
    groupId,
    commandBucketId: 0xffffffff,
    properties: [],
    buckets: bs.map((b) => ({
      bucketId: b.bucketId,
      actions: b.actions,
      ...(b.weight !== null && groupType === 1 ? { weight: b.weight } : {}),
    })),
  }));
const nxGroupDesc = fc.tuple(xid, fc.array(nxGroupMod, { maxLength: 3 })).map(([x, gms]) => ({
  type: 'multipartReply' as const,
  version: 1 as const,
  xid: x,
  flags: 0,
  body: {
    kind: 'nxGroupDesc' as const,
    groups: gms.map((g) => ({ groupType: g.groupType, groupId: g.groupId, buckets: g.buckets, properties: [] })),
  },
}));
const nxRequestForward = fc.tuple(xid, nxGroupMod).map(([x, request]) => ({
  type: 'requestForward' as const,
  version: 1 as const,
  xid: x,
  flavor: 'nx' as const,
  request,
}));

const monitorCancel = fc
  .tuple(fc.boolean(), u32, xid)
  .map(
    ([nx, id, x]) =>
      ({ type: 'flowMonitorCancel' as const, version: nx ? 1 : 4, xid: x, flavor: nx ? 'nx' : 'onf', id }) as OfMessage,
  );
const monitorPause = fc.tuple(fc.boolean(), fc.boolean(), xid).map(
  ([nx, p, x]) =>
    ({
      type: p ? 'flowMonitorPaused' : 'flowMonitorResumed',
      version: nx ? 1 : 4,
      xid: x,
      flavor: nx ? 'nx' : 'onf',
    }) as OfMessage,
);

/** NXFMF flags: mostly ones OVS accepts (one of add / delete / modify, no unknown bit), sometimes any 16 bits. */
const monFlags = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 0x3f }).filter((f) => (f & 0xe) !== 0) },
  { weight: 1, arbitrary: u16 },
);
const anyPort32 = fc.oneof({ weight: 4, arbitrary: port32 }, { weight: 1, arbitrary: u32 });
const monitorRequest = fc.oneof(
  fc
    .tuple(
      xid,
      fc.array(fc.record({ id: u32, flags: monFlags, outPort: u16, tableId: u8, match: nxMatch }), {
        minLength: 1,
        maxLength: 3,
      }),
    )
    .map(([x, monitors]) => ({
      type: 'multipartRequest',
      version: 1,
      xid: x,
      flags: 0,
      body: { kind: 'flowMonitor', flavor: 'nx', monitors },
    })),
  fc
    .tuple(
      xid,
      fc.array(fc.record({ id: u32, flags: monFlags, outPort: anyPort32, tableId: u8, match: oxmMatch }), {
        minLength: 1,
        maxLength: 3,
      }),
    )
    .map(([x, monitors]) => ({
      type: 'multipartRequest',
      version: 4,
      xid: x,
      flags: 0,
      body: { kind: 'flowMonitor', flavor: 'onf', monitors },
    })),
  fc
    .tuple(
      fc.constantFrom(5, 6),
      xid,
      fc.array(
        fc.record({
          id: u32,
          flags: fc.oneof(
            { weight: 4, arbitrary: fc.integer({ min: 0, max: 0x7f }).filter((f) => (f & 0xe) !== 0 && !(f & 0x20)) },
            { weight: 1, arbitrary: u16 },
          ),
          outPort: anyPort32,
          outGroup: u32,
          tableId: u8,
          command: fc.oneof(fc.integer({ min: 0, max: 2 }), u8),
          match: oxmMatch,
        }),
        { minLength: 1, maxLength: 3 },
      ),
    )
    .map(([v, x, monitors]) => ({
      type: 'multipartRequest',
      version: v,
      xid: x,
      flags: 0,
      body: { kind: 'flowMonitor', flavor: 'of', monitors },
    })),
) as fc.Arbitrary<OfMessage>;

const fullUpdate = (m: fc.Arbitrary<Match>, events: number[]) =>
  fc.record({
    event: fc.constantFrom(...events),
    reason: fc.integer({ min: 0, max: 5 }),
    priority: u16,
    idleTimeout: u16,
    hardTimeout: u16,
    tableId: u8,
    cookie: u64,
    match: m,
    actions,
  });
const monitorReply = fc.oneof(
  fc
    .tuple(
      xid,
      fc.array(fc.oneof(fullUpdate(nxMatch, [0, 1, 2]), fc.record({ event: fc.constant(3), xid: u32 })), {
        minLength: 1,
        maxLength: 3,
      }),
    )
    .map(([x, updates]) => ({
      type: 'multipartReply',
      version: 1,
      xid: x,
      flags: 0,
      body: { kind: 'flowMonitor', flavor: 'nx', updates },
    })),
  fc
    .tuple(
      xid,
      fc.array(fc.oneof(fullUpdate(oxmMatch, [0, 1, 2]), fc.record({ event: fc.constant(3), xid: u32 })), {
        minLength: 1,
        maxLength: 3,
      }),
    )
    .map(([x, updates]) => ({
      type: 'multipartReply',
      version: 4,
      xid: x,
      flags: 0,
      body: { kind: 'flowMonitor', flavor: 'onf', updates },
    })),
  fc
    .tuple(
      fc.constantFrom(5, 6),
      xid,
      fc.array(
        fc.oneof(
          fullUpdate(oxmMatch, [0, 1, 2, 3]),
          fc.record({ event: fc.constant(4), xid: u32 }),
          fc.record({ event: fc.constantFrom(5, 6) }),
        ),
        { minLength: 1, maxLength: 3 },
      ),
    )
    .map(([v, x, updates]) => ({
      type: 'multipartReply',
      version: v,
      xid: x,
      flags: 0,
      body: { kind: 'flowMonitor', flavor: 'of', updates },
    })),
) as fc.Arbitrary<OfMessage>;

const queueProp = fc.record({
  prop: fc.constantFrom('minRate', 'maxRate'),
  rate: fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1001, max: 0xffff })),
});
const queueConfig = fc.oneof(
  fc
    .tuple(fc.constantFrom(1, 2, 3, 4), xid, fc.integer({ min: 1, max: 0xfeff }))
    .map(([v, x, p]) => ({ type: 'queueGetConfigRequest', version: v, xid: x, portNo: p })),
  fc
    .tuple(
      fc.constantFrom(1, 2, 3, 4),
      xid,
      fc.integer({ min: 1, max: 0xfeff }),
      fc.uniqueArray(fc.record({ queueId: u32, properties: fc.array(queueProp, { maxLength: 2 }) }), {
        maxLength: 3,
        selector: (q) => q.queueId,
      }),
    )
    .map(([v, x, p, qs]) => ({
      type: 'queueGetConfigReply',
      version: v,
      xid: x,
      portNo: p,
      queues: qs.map((q) => ({ ...q, portNo: p })),
    })),
  fc.tuple(fc.constantFrom(5, 6), xid, fc.integer({ min: 1, max: 0xfeff }), u32).map(([v, x, p, q]) => ({
    type: 'multipartRequest',
    version: v,
    xid: x,
    flags: 0,
    body: { kind: 'queueDesc', portNo: p, queueId: q },
  })),
  fc
    .tuple(
      fc.constantFrom(5, 6),
      xid,
      fc.uniqueArray(
        fc.record({
          portNo: fc.integer({ min: 1, max: 0xfeff }),
          queueId: u32,
          properties: fc.array(queueProp, { maxLength: 2 }),
        }),
        { maxLength: 3, selector: (q) => `${q.portNo}/${q.queueId}` },
      ),
    )
    .map(([v, x, queues]) => ({
      type: 'multipartReply',
      version: v,
      xid: x,
      flags: 0,
      body: { kind: 'queueDesc', queues },
    })),
) as fc.Arbitrary<OfMessage>;

const ipfix = fc.record({
  collectorSetId: u32,
  totalFlows: u64,
  currentFlows: u64,
  packets: u64,
  ipv4Packets: u64,
  ipv6Packets: u64,
  errorPackets: u64,
  ipv4ErrorPackets: u64,
  ipv6ErrorPackets: u64,
  txPackets: u64,
  txErrors: u64,
});
const nxFlowEntry = fc.record({
  tableId: u8,
  priority: u16,
  idleTimeout: u16,
  hardTimeout: u16,
  flags: fc.constant(0),
  importance: fc.constant(0),
  cookie: u64,
  match: nxMatch,
  stats: fc.record({
    durationSec: u32,
    durationNsec: fc.integer({ min: 0, max: 999_999_999 }),
    packetCount: u64,
    byteCount: u64,
  }),
  instructions: actions.map((a) => [{ type: 'applyActions' as const, actions: a }]),
  idleAge: u16,
  hardAge: u16,
});
const nxStats = fc.oneof(
  fc.tuple(fc.constantFrom('nxFlow', 'nxAggregate'), xid, u16, u8, nxMatch).map(([kind, x, outPort, tableId, m]) => ({
    type: 'multipartRequest',
    version: 1,
    xid: x,
    flags: 0,
    body: { kind, outPort, tableId, match: m },
  })),
  fc
    .tuple(xid, fc.array(nxFlowEntry, { maxLength: 3 }))
    .map(([x, flows]) => ({ type: 'multipartReply', version: 1, xid: x, flags: 0, body: { kind: 'nxFlow', flows } })),
  fc.tuple(xid, u64, u64, u32).map(([x, packetCount, byteCount, flowCount]) => ({
    type: 'multipartReply',
    version: 1,
    xid: x,
    flags: 0,
    body: { kind: 'nxAggregate', packetCount, byteCount, flowCount },
  })),
  fc
    .tuple(fc.constantFrom('ipfixBridge', 'ipfixFlow'), xid)
    .map(([kind, x]) => ({ type: 'multipartRequest', version: 1, xid: x, flags: 0, body: { kind } })),
  fc.tuple(xid, ipfix).map(([x, stats]) => ({
    type: 'multipartReply',
    version: 1,
    xid: x,
    flags: 0,
    body: { kind: 'ipfixBridge', stats: { ...stats, collectorSetId: 0 } },
  })),
  fc.tuple(xid, fc.array(ipfix, { maxLength: 3 })).map(([x, flows]) => ({
    type: 'multipartReply',
    version: 1,
    xid: x,
    flags: 0,
    body: { kind: 'ipfixFlow', flows },
  })),
  fc
    .tuple(fc.constantFrom('nxGroup', 'nxGroupDesc'), xid, u32)
    .map(([kind, x, groupId]) => ({ type: 'multipartRequest', version: 1, xid: x, flags: 0, body: { kind, groupId } })),
  xid.map((x) => ({ type: 'multipartRequest', version: 1, xid: x, flags: 0, body: { kind: 'nxGroupFeatures' } })),
  fc
    .tuple(
      xid,
      fc.array(
        fc.record({
          groupId: u32.filter((g) => g <= 0xffffff00),
          refCount: u32,
          packetCount: u64,
          byteCount: u64,
          durationSec: u32.filter((d) => d !== 0xffffffff),
          durationNsec: fc.integer({ min: 0, max: 999_999_999 }),
          bucketStats: fc.array(fc.record({ packetCount: u64, byteCount: u64 }), { maxLength: 3 }),
        }),
        { maxLength: 3 },
      ),
    )
    .map(([x, groups]) => ({
      type: 'multipartReply',
      version: 1,
      xid: x,
      flags: 0,
      body: { kind: 'nxGroup', groups },
    })),
  fc
    .tuple(
      xid,
      fc.integer({ min: 0, max: 15 }),
      fc.integer({ min: 0, max: 15 }),
      fc.tuple(u32, u32, u32, u32),
      fc.tuple(
        fc.integer({ min: 0, max: 0xfff }),
        fc.integer({ min: 0, max: 0xfff }),
        fc.integer({ min: 0, max: 0xfff }),
        fc.integer({ min: 0, max: 0xfff }),
      ),
    )
    .map(([x, types, capabilities, maxGroups, acts]) => ({
      type: 'multipartReply',
      version: 1,
      xid: x,
      flags: 0,
      body: { kind: 'nxGroupFeatures', types, capabilities, maxGroups, actions: acts },
    })),
) as fc.Arbitrary<OfMessage>;

const msg: fc.Arbitrary<OfMessage> = fc.oneof(
  nxFlowMod as fc.Arbitrary<OfMessage>,
  nxPacketIn as fc.Arbitrary<OfMessage>,
  nxFlowRemoved as fc.Arbitrary<OfMessage>,
  ctFlush,
  roleStatus as fc.Arbitrary<OfMessage>,
  requestForward as fc.Arbitrary<OfMessage>,
  monitorCancel,
  monitorPause,
  monitorRequest,
  monitorReply,
  queueConfig,
  nxStats,
  nxGroupMod as fc.Arbitrary<OfMessage>,
  nxRequestForward as fc.Arbitrary<OfMessage>,
  nxGroupDesc as fc.Arbitrary<OfMessage>,
);

describe('extension messages, random', () => {
  it('round-trip: decode(encode(m)) deep-equals m', () => {
    fc.assert(
      fc.property(msg, (m) => {
        expect(JSON.stringify(plain(decodeMessage(encodeMessage(m))))).toBe(JSON.stringify(plain(m)));
      }),
      { numRuns: 1500, seed: 11 },
    );
  });

  it('ovs-ofctl ofp-parse prints the encoded batch exactly as formatMessage does', () => {
    fc.assert(
      fc.property(fc.array(msg, { minLength: 150, maxLength: 200 }), (batch) => {
        expectOfpParse(
          batch.map((m) => ({
            bytes: encodeMessage(m),
            text: formatMessage(m),
            label: `${m.type} ${'body' in m ? (m.body as { kind: string }).kind : ''}`,
          })),
        );
      }),
      { numRuns: 4, seed: 5, endOnFailure: true },
    );
  });
});
