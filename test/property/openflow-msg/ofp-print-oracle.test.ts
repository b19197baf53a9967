/**
 * Full-range random messages, two properties:
 * 1. decode(encode(m)) equals m (every field drawn over its whole range);
 * 2. `ovs-ofctl ofp-parse` (OVS 3.1, the oracle) prints the encoded bytes exactly as formatMessage
 *    prints m. Messages are written back to back into one file so one ovs-ofctl run checks a batch.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeMessage, encodeMessage, formatMessage } from '../../../src/openflow/messages/index.js';
import type { MeterBand, OfMessage, Port } from '../../../src/openflow/messages/index.js';
import { expectOfpParse, plain } from './oracle.js';

const u32 = fc.integer({ min: 0, max: 0xffffffff });
const u16 = fc.integer({ min: 0, max: 0xffff });
const u8 = fc.integer({ min: 0, max: 0xff });
const u64 = fc.bigInt({ min: 0n, max: 0xfffffffffffffffen }); // all-ones prints as "?" in some places
const v13or15 = fc.constantFrom(4, 6) as fc.Arbitrary<4 | 6>;
const v13to15 = fc.constantFrom(4, 5, 6) as fc.Arbitrary<4 | 5 | 6>;
/** Physical ports, plus the reserved ones OVS prints by name. */
const portNo = fc.oneof(
  fc.integer({ min: 1, max: 0xfeff }),
  fc.constantFrom(0xfffffff8, 0xfffffffa, 0xfffffffb, 0xfffffffc, 0xfffffffd, 0xfffffffe),
);
const name = fc.stringMatching(/^[a-z][a-z0-9-]{0,14}$/);
const speed = fc.integer({ min: 0, max: 4_000_000_000 });

const port: fc.Arbitrary<Port> = fc.record({
  portNo: fc.integer({ min: 1, max: 0xfeff }),
  hwAddr: fc.uint8Array({ minLength: 6, maxLength: 6 }),
  name,
  config: fc.constantFrom(0, 1, 4, 32, 64, 101),
  state: fc.constantFrom(0, 1, 2, 4, 5),
  curr: fc.integer({ min: 0, max: 0xffff }),
  advertised: fc.integer({ min: 0, max: 0xffff }),
  supported: fc.integer({ min: 0, max: 0xffff }),
  peer: fc.integer({ min: 0, max: 0xffff }),
  currSpeed: speed,
  maxSpeed: speed,
});

const band: fc.Arbitrary<MeterBand> = fc.oneof(
  fc.record({ bandType: fc.constant(1), rate: fc.integer({ min: 1, max: 0xffffffff }), burstSize: u32 }),
  fc.record({ bandType: fc.constant(2), rate: fc.integer({ min: 1, max: 0xffffffff }), burstSize: u32, precLevel: u8 }),
);

const tlvMap = fc.record({
  optClass: u16,
  optType: u8,
  optLen: fc.integer({ min: 0, max: 31 }).map((n) => n * 4),
  index: fc.integer({ min: 0, max: 63 }),
});

/** Error type/code pairs OVS defines in both OF1.3 and OF1.5. */
const errorCode = fc.oneof(
  fc.tuple(fc.constant(1), fc.integer({ min: 0, max: 9 })),
  fc.tuple(fc.constant(2), fc.integer({ min: 0, max: 9 })),
  fc.tuple(fc.constant(5), fc.integer({ min: 0, max: 7 })),
  fc.tuple(fc.constant(6), fc.integer({ min: 0, max: 14 })),
  fc.tuple(fc.constant(12), fc.integer({ min: 0, max: 11 })),
);

/** Ethernet frames: optional VLAN tag, then ARP, IPv4 (TCP/UDP/ICMP/other, maybe fragmented or cut short) or other. */
const frame: fc.Arbitrary<Uint8Array> = fc
  .record({
    dst: fc.uint8Array({ minLength: 6, maxLength: 6 }),
    src: fc.uint8Array({ minLength: 6, maxLength: 6 }),
    vlan: fc.option(u16),
    kind: fc.constantFrom('arp', 'rarp', 'tcp', 'udp', 'icmp', 'ipother', 'other'),
    body: fc.uint8Array({ minLength: 40, maxLength: 60 }),
    proto: u8,
    tos: u8,
    ttl: u8,
    frag: fc.constantFrom(0, 0x2000, 0x0010, 0x4000),
    cut: fc.option(fc.integer({ min: 0, max: 30 })),
    etherType: fc.integer({ min: 0x0600, max: 0xffff }),
  })
  .map((f) => {
    const b: number[] = [...f.dst, ...f.src];
    if (f.vlan !== null) b.push(0x81, 0x00, f.vlan >> 8, f.vlan & 0xff);
    const body = [...f.body];
    if (f.kind === 'arp' || f.kind === 'rarp') {
      b.push(
        ...(f.kind === 'arp' ? [0x08, 0x06] : [0x80, 0x35]),
        0,
        1,
        8,
        0,
        6,
        4,
        0,
        body[0]! % 3,
        ...body.slice(1, 21),
      );
    } else if (f.kind === 'other') {
      const et =
        f.etherType === 0x0800 ||
        f.etherType === 0x0806 ||
        f.etherType === 0x8035 ||
        f.etherType === 0x8100 ||
        f.etherType === 0x88a8 ||
        f.etherType === 0x86dd ||
        f.etherType === 0x8847 ||
        f.etherType === 0x8848
          ? 0x1234
          : f.etherType;
      b.push(et >> 8, et & 0xff, ...body.slice(0, 10));
    } else {
      const proto =
        f.kind === 'tcp'
          ? 6
          : f.kind === 'udp'
            ? 17
            : f.kind === 'icmp'
              ? 1
              : [6, 17, 1, 132, 58].includes(f.proto)
                ? 47
                : f.proto;
      const l4 = body.slice(0, 20);
      const tot = 20 + l4.length;
      b.push(
        0x08,
        0x00,
        0x45,
        f.tos,
        tot >> 8,
        tot & 0xff,
        0,
        0,
        f.frag >> 8,
        f.frag & 0xff,
        f.ttl,
        proto,
        0,
        0,
        ...body.slice(20, 28),
        ...l4,
      );
    }
    const out = Uint8Array.from(b);
    return f.cut !== null ? out.subarray(0, Math.max(14, out.length - f.cut)) : out;
  });

const msg: fc.Arbitrary<OfMessage> = fc.oneof(
  fc.record({
    type: fc.constant('packetIn'),
    version: v13or15,
    xid: u32,
    bufferId: fc.constant(0xffffffff),
    totalLen: u16,
    reason: fc.integer({ min: 0, max: 2 }),
    tableId: u8,
    cookie: fc.bigInt({ min: 0n, max: (1n << 64n) - 2n }),
    match: fc.constant([{ field: 'in_port_oxm', value: Uint8Array.of(0, 0, 0, 7) }]),
    data: frame,
  }) as fc.Arbitrary<OfMessage>,
  fc
    .tuple(v13or15, u32, errorCode, u32, fc.integer({ min: 0, max: 20 }))
    .map(([version, xid, [errType, code], innerXid, cut]) => {
      // The offending message: a barrier request, whole or cut short (switches send a prefix).
      const inner = encodeMessage({ type: 'echoRequest', version, xid: innerXid, data: new Uint8Array(12).fill(0x5a) });
      const data = cut >= 8 && cut < inner.length ? inner.subarray(0, cut) : inner;
      return { type: 'error', version, xid, errType, code, data: Uint8Array.from(data) } as OfMessage;
    }),
  fc.record({
    type: fc.constantFrom('barrierRequest', 'barrierReply', 'featuresRequest', 'getConfigRequest'),
    version: v13to15,
    xid: u32,
  }),
  fc.record({
    type: fc.constantFrom('echoRequest', 'echoReply'),
    version: v13to15,
    xid: u32,
    data: fc.uint8Array({ maxLength: 40 }),
  }),
  fc.record({
    type: fc.constantFrom('getConfigReply', 'setConfig'),
    version: v13to15,
    xid: u32,
    flags: fc.integer({ min: 0, max: 2 }),
    missSendLen: u16,
  }),
  fc.record({
    type: fc.constant('featuresReply'),
    version: v13or15,
    xid: u32,
    datapathId: fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }),
    nBuffers: u32,
    nTables: u8,
    auxiliaryId: u8,
    capabilities: fc.integer({ min: 0, max: 0x7ff }).map((c) => c & ~0x90),
    reserved: fc.constant(0),
    ports: fc.constant([]),
  }),
  fc.record({
    type: fc.constantFrom('roleRequest', 'roleReply'),
    version: v13to15,
    xid: u32,
    role: fc.integer({ min: 0, max: 3 }),
    generationId: fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }),
  }),
  fc.record({
    type: fc.constant('bundleControl'),
    version: fc.constantFrom(5, 6) as fc.Arbitrary<5 | 6>,
    xid: u32,
    bundleId: u32,
    ctrlType: fc.integer({ min: 0, max: 7 }),
    flags: fc.integer({ min: 0, max: 3 }),
    properties: fc.constant([]),
  }),
  fc.record({
    type: fc.constant('portStatus'),
    version: v13to15,
    xid: u32,
    reason: fc.integer({ min: 0, max: 2 }),
    port,
  }),
  fc.record({
    type: fc.constant('nxSetFlowFormat'),
    version: fc.constant(1) as fc.Arbitrary<1>,
    xid: u32,
    format: fc.constantFrom(0, 2),
  }),
  fc.record({
    type: fc.constant('nxSetPacketInFormat'),
    version: v13to15,
    xid: u32,
    format: fc.integer({ min: 0, max: 2 }),
  }),
  fc.record({ type: fc.constant('nxSetControllerId'), version: v13to15, xid: u32, controllerId: u16 }),
  fc.record({ type: fc.constant('nxCtFlushZone'), version: v13to15, xid: u32, zoneId: u16 }),
  fc.record({ type: fc.constant('nxTlvTableRequest'), version: v13to15, xid: u32 }),
  fc.record({
    type: fc.constantFrom('nxRoleRequest', 'nxRoleReply'),
    version: fc.constant(1) as fc.Arbitrary<1>,
    xid: u32,
    role: fc.integer({ min: 0, max: 2 }),
  }),
  fc.record({
    type: fc.constant('nxFlowModTableId'),
    version: fc.constant(1) as fc.Arbitrary<1>,
    xid: u32,
    enable: fc.boolean(),
  }),
  fc.record({
    type: fc.constant('nxSetAsyncConfig'),
    version: fc.constant(1) as fc.Arbitrary<1>,
    xid: u32,
    masks: fc.record({
      packetIn: fc.tuple(fc.integer({ min: 0, max: 7 }), fc.integer({ min: 0, max: 7 })),
      portStatus: fc.tuple(fc.integer({ min: 0, max: 7 }), fc.integer({ min: 0, max: 7 })),
      flowRemoved: fc.tuple(fc.integer({ min: 0, max: 15 }), fc.integer({ min: 0, max: 15 })),
    }),
  }),
  fc.record({
    type: fc.constant('nxTlvTableMod'),
    version: v13to15,
    xid: u32,
    command: fc.integer({ min: 0, max: 2 }),
    mappings: fc.array(tlvMap, { maxLength: 3 }),
  }),
  fc.record({
    type: fc.constant('nxTlvTableReply'),
    version: v13to15,
    xid: u32,
    maxOptionSpace: u32,
    maxFields: fc.integer({ min: 64, max: 0xffff }),
    mappings: fc.array(tlvMap, { maxLength: 3 }),
  }),
  fc.record({
    type: fc.constant('meterMod'),
    version: v13or15,
    xid: u32,
    command: fc.integer({ min: 0, max: 2 }),
    flags: fc.constantFrom(1, 2, 5, 6, 9, 10, 13, 14),
    meterId: fc.integer({ min: 1, max: 0xffff0000 }),
    bands: fc.array(band, { minLength: 1, maxLength: 3 }),
  }),
  fc.record({
    type: fc.constant('multipartRequest'),
    version: v13to15,
    xid: u32,
    flags: fc.constant(0),
    body: fc.oneof(
      fc.constant({ kind: 'desc' as const }),
      fc.constant({ kind: 'table' as const }),
      fc.constant({ kind: 'groupFeatures' as const }),
      fc.constant({ kind: 'meterFeatures' as const }),
      fc.record({ kind: fc.constant('portStats' as const), portNo: fc.oneof(portNo, fc.constant(0xffffffff)) }),
      fc.record({
        kind: fc.constant('queue' as const),
        portNo: fc.oneof(portNo, fc.constant(0xffffffff)),
        queueId: u32,
      }),
      fc.record({
        kind: fc.constantFrom('meter' as const, 'meterConfig' as const),
        meterId: fc.integer({ min: 1, max: 0xffff0000 }),
      }),
    ),
  }),
  fc.record({
    type: fc.constant('multipartReply'),
    version: v13to15,
    xid: u32,
    flags: fc.constant(0),
    body: fc.oneof(
      fc.record({
        kind: fc.constant('desc' as const),
        mfrDesc: name,
        hwDesc: name,
        swDesc: name,
        serialNum: name,
        dpDesc: name,
      }),
      fc.record({
        kind: fc.constant('table' as const),
        tables: fc.array(
          fc.record({
            tableId: fc.integer({ min: 0, max: 253 }),
            activeCount: u32,
            lookupCount: u64,
            matchedCount: u64,
          }),
          { maxLength: 3 },
        ),
      }),
      fc.record({ kind: fc.constant('portDesc' as const), ports: fc.array(port, { maxLength: 3 }) }),
      fc.record({
        kind: fc.constant('meter' as const),
        meters: fc.array(
          fc.record({
            meterId: fc.integer({ min: 1, max: 0xffff0000 }),
            flowCount: u32,
            packetInCount: u64,
            byteInCount: u64,
            durationSec: u32,
            durationNsec: fc.integer({ min: 0, max: 999_999_999 }),
            bandStats: fc.array(fc.record({ packetBandCount: u64, byteBandCount: u64 }), { maxLength: 3 }),
          }),
          { maxLength: 2 },
        ),
      }),
      fc.record({ kind: fc.constant('aggregate' as const), packetCount: u64, byteCount: u64, flowCount: u32 }),
      fc.record({
        kind: fc.constant('portStats' as const),
        ports: fc.array(
          fc.record({
            portNo: portNo,
            rxPackets: u64,
            txPackets: u64,
            rxBytes: u64,
            txBytes: u64,
            rxDropped: u64,
            txDropped: u64,
            rxErrors: u64,
            txErrors: u64,
            rxFrameErr: u64,
            rxOverErr: u64,
            rxCrcErr: u64,
            collisions: u64,
            durationSec: u32,
            durationNsec: fc.integer({ min: 0, max: 999_999_999 }),
          }),
          { maxLength: 3 },
        ),
      }),
      fc.record({
        kind: fc.constant('queue' as const),
        queues: fc.array(
          fc.record({
            portNo: portNo,
            queueId: u32,
            txBytes: u64,
            txPackets: u64,
            txErrors: u64,
            durationSec: u32,
            durationNsec: fc.integer({ min: 0, max: 999_999_999 }),
          }),
          { maxLength: 3 },
        ),
      }),
      fc.record({
        kind: fc.constant('group' as const),
        groups: fc.array(
          fc.record({
            groupId: fc.integer({ min: 0, max: 0xffffff00 }),
            refCount: u32,
            packetCount: u64,
            byteCount: u64,
            durationSec: u32,
            durationNsec: fc.integer({ min: 0, max: 999_999_999 }),
            bucketStats: fc.array(fc.record({ packetCount: u64, byteCount: u64 }), { maxLength: 3 }),
          }),
          { maxLength: 2 },
        ),
      }),
      fc.record({
        kind: fc.constant('meterConfig' as const),
        meters: fc.array(
          fc.record({
            flags: fc.constantFrom(1, 2, 5, 6, 9, 10, 13, 14),
            meterId: fc.integer({ min: 1, max: 0xffff0000 }),
            bands: fc.array(band, { minLength: 1, maxLength: 3 }),
          }),
          { maxLength: 2 },
        ),
      }),
    ),
  }),
) as fc.Arbitrary<OfMessage>;

describe('random messages', () => {
  it('round-trip: decode(encode(m)) deep-equals m', () => {
    fc.assert(
      fc.property(msg, (m) => {
        const back = decodeMessage(encodeMessage(m));
        expect(JSON.stringify(plain(back))).toBe(JSON.stringify(plain(normalise(m))));
      }),
      { numRuns: 1500, seed: 42 },
    );
  });

  it('ovs-ofctl ofp-parse prints the encoded batch exactly as formatMessage does', () => {
    fc.assert(
      fc.property(fc.array(msg, { minLength: 100, maxLength: 150 }), (batch) => {
        expectOfpParse(batch.map((m) => ({ bytes: encodeMessage(m), text: formatMessage(m), label: m.type })));
      }),
      { numRuns: 4, seed: 7, endOnFailure: true },
    );
  });
});

/** The shape decode produces for a generated message (fields that are version-dependent). */
function normalise(m: OfMessage): OfMessage {
  if (m.type === 'featuresReply') return { ...m, ports: [] };
  if ((m.type === 'roleRequest' || m.type === 'roleReply') && m.version >= 6) return { ...m, shortId: 0 };
  if (m.type === 'multipartReply' && m.body.kind === 'portDesc' && m.version >= 5) return m;
  return m;
}
