/**
 * Random-message generators of the issue 15 "Printing" families (fixed shapes, full-range fields),
 * shared by ofprint-gaps.test.ts (ovs-ofctl oracle) and record-ofprint-vectors.ts (which records
 * samples of them, with ovs-ofctl's text, for the pure unit test).
 */
import fc from 'fast-check';
import type { OfMessage } from '../../../src/openflow/messages/index.js';

const u8 = fc.integer({ min: 0, max: 0xff });
const u16 = fc.integer({ min: 0, max: 0xffff });
const u32 = fc.integer({ min: 0, max: 0xffffffff });
const u64 = fc.bigInt({ min: 0n, max: 0xffffffffffffffffn });
const xid = u32;
const nsec = fc.integer({ min: 0, max: 999_999_999 });
/** A value that is often all-ones ("absent" / "unknown" to OVS). */
const u64orMax = fc.oneof(u64, fc.constant(0xffffffffffffffffn));

// ---- table stats / features: few distinct rows so that neighbours repeat --------------------------

const counters = fc.constantFrom(
  { activeCount: 4, lookupCount: 4n, matchedCount: 4n },
  { activeCount: 0, lookupCount: 0n, matchedCount: 0n },
  { activeCount: 0xffffffff, lookupCount: 0xffffffffffffffffn, matchedCount: 1n },
);
const tableIds = (n: number) => fc.uniqueArray(fc.integer({ min: 0, max: 254 }), { minLength: n, maxLength: n });

const tableStats13: fc.Arbitrary<OfMessage> = fc
  .record({
    version: fc.constantFrom(4, 5, 6) as fc.Arbitrary<4 | 5 | 6>,
    xid,
    rows: fc.array(counters, { minLength: 1, maxLength: 8 }),
  })
  .map(({ version, xid, rows }) => ({
    type: 'multipartReply',
    version,
    xid,
    flags: 0,
    body: { kind: 'table', tables: rows.map((c, i) => ({ tableId: i, ...c })) },
  }));

const tableStats10: fc.Arbitrary<OfMessage> = fc
  .record({
    xid,
    rows: fc.array(
      fc.record({
        c: counters,
        name: fc.constantFrom('', 'classifier'),
        wildcards: fc.constantFrom(0x3fffff, 0, 0x3820ff),
        maxEntries: fc.constantFrom(0, 1000000),
      }),
      { minLength: 1, maxLength: 6 },
    ),
  })
  .map(({ xid, rows }) => ({
    type: 'multipartReply',
    version: 1,
    xid,
    flags: 0,
    body: {
      kind: 'table',
      tables: rows.map((r, i) => ({
        tableId: i,
        ...r.c,
        name: r.name,
        wildcards: r.wildcards,
        maxEntries: r.maxEntries,
      })),
    },
  }));

const of12caps = fc.record({
  match: fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }),
  wildcards: fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }),
  writeActions: u32,
  applyActions: u32,
  writeSetfields: fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }),
  applySetfields: fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }),
  metadataMatch: u64,
  metadataWrite: u64,
  instructions: u32,
  config: fc.integer({ min: 0, max: 3 }),
});
const tableStats12: fc.Arbitrary<OfMessage> = fc
  .record({
    xid,
    caps: fc.array(of12caps, { minLength: 1, maxLength: 2 }),
    rows: fc.array(
      fc.record({ c: counters, k: fc.nat(), name: fc.constantFrom('', 't'), maxEntries: fc.constantFrom(0, 99) }),
      { minLength: 1, maxLength: 5 },
    ),
  })
  .map(({ xid, caps, rows }) => ({
    type: 'multipartReply',
    version: 3,
    xid,
    flags: 0,
    body: {
      kind: 'table',
      tables: rows.map((r, i) => ({
        tableId: i,
        ...r.c,
        name: r.name,
        maxEntries: r.maxEntries,
        of12: caps[r.k % caps.length]!,
      })),
    },
  }));

/** Table features with equal neighbours (no name, no properties) so that OVS folds them. */
const tableFeatures: fc.Arbitrary<OfMessage> = fc
  .record({
    // OF1.3 / 1.4 require every table-features property (OVS refuses the message otherwise: a
    // validation matter); OF1.5 takes a table without properties.
    version: fc.constant(6) as fc.Arbitrary<6>,
    xid,
    reply: fc.boolean(),
    ids: tableIds(6),
    rows: fc.array(
      fc.record({
        name: fc.constantFrom('', '', 'x'),
        maxEntries: fc.constantFrom(0, 1000),
        metadataMatch: fc.constantFrom(0n, 0xffffffffffffffffn),
        capabilities: fc.constantFrom(0, 4, 12),
      }),
      { minLength: 1, maxLength: 6 },
    ),
  })
  .map(({ version, xid, reply, ids, rows }) => {
    const sorted = ids.slice(0, rows.length).sort((a, b) => a - b);
    const tables = rows.map((r, i) => ({
      tableId: sorted[i]!,
      name: r.name,
      metadataMatch: r.metadataMatch,
      metadataWrite: r.metadataMatch,
      capabilities: version >= 5 ? r.capabilities : 0,
      maxEntries: r.maxEntries,
      properties: [],
      ...(version >= 6 ? { command: 0, features: 0 } : {}),
    }));
    return {
      type: reply ? 'multipartReply' : 'multipartRequest',
      version,
      xid,
      flags: 0,
      body: { kind: 'tableFeatures', tables },
    } as OfMessage;
  });

// ---- groups: OF1.5 selection method -------------------------------------------------------------

const hashField = fc.oneof(
  fc.constant({ field: 'eth_dst', value: new Uint8Array([255, 255, 255, 255, 255, 255]) }),
  fc.constant({ field: 'ip_dst', value: new Uint8Array([255, 255, 255, 0]) }),
  fc.constant({ field: 'nw_proto', value: new Uint8Array([255]) }),
  fc.constant({ field: 'tcp_src', value: new Uint8Array([255, 255]) }),
  fc.constant({ field: 'ipv6_src', value: new Uint8Array(16).fill(255) }),
  fc.constant({ field: 'eth_type', value: new Uint8Array([255, 255]) }),
);
const groupMod15: fc.Arbitrary<OfMessage> = fc
  .record({
    xid,
    groupId: fc.integer({ min: 0, max: 0xffffff00 }),
    method: fc.constantFrom('hash', 'dp_hash'),
    param: fc.oneof(fc.constant(0n), fc.bigInt({ min: 0n, max: 0xffffffffn })),
    fields: fc.uniqueArray(hashField, { maxLength: 4, selector: (f) => f.field }),
    weights: fc.array(fc.integer({ min: 1, max: 0xffff }), { minLength: 1, maxLength: 3 }),
    desc: fc.boolean(),
  })
  .map(({ xid, groupId, method, param, fields, weights, desc }) => {
    // dp_hash takes no fields in OVS (it refuses them)
    const selectionMethod = { method, param, fields: method === 'dp_hash' ? [] : fields };
    const properties: never[] = [];
    const buckets = weights.map((weight, i) => ({
      bucketId: i,
      weight,
      actions: [{ type: 'output' as const, port: i + 1, maxLen: 0 }],
    }));
    if (desc)
      return {
        type: 'multipartReply',
        version: 6,
        xid,
        flags: 0,
        body: { kind: 'groupDesc', groups: [{ groupType: 1, groupId, buckets, selectionMethod, properties }] },
      } as OfMessage;
    return {
      type: 'groupMod',
      version: 6,
      xid,
      command: 0,
      groupType: 1,
      groupId,
      commandBucketId: 0xffffffff,
      buckets,
      selectionMethod,
      properties,
    } as OfMessage;
  });

// ---- port stats with the Intel properties --------------------------------------------------------

function intelRfc2819(vals: readonly bigint[]): { propType: number; data: Uint8Array } {
  const b = Buffer.alloc(180);
  b.writeUInt32BE(0x0000aa01, 0);
  b.writeUInt32BE(1, 4);
  vals.forEach((v, i) => b.writeBigUInt64BE(v, 12 + 8 * i));
  return { propType: 0xffff, data: b };
}
function intelCustom(list: readonly { name: string; value: bigint }[]): { propType: number; data: Uint8Array } {
  const parts = [Buffer.from([0, 0, 0xaa, 0x01, 0, 0, 0, 2, 0, 0, list.length >> 8, list.length & 0xff])];
  for (const c of list) {
    const v = Buffer.alloc(8);
    v.writeBigUInt64BE(c.value);
    parts.push(Buffer.from([c.name.length]), Buffer.from(c.name, 'latin1'), v);
  }
  return { propType: 0xffff, data: Buffer.concat(parts) };
}
const portStats14: fc.Arbitrary<OfMessage> = fc
  .record({
    version: fc.constantFrom(5, 6) as fc.Arbitrary<5 | 6>,
    xid,
    ports: fc.array(
      fc.record({
        portNo: fc.integer({ min: 1, max: 0xfeff }),
        c: fc.array(u64, { minLength: 12, maxLength: 12 }),
        durationSec: u32,
        durationNsec: nsec,
        rfc: fc.option(fc.array(u64orMax, { minLength: 21, maxLength: 21 })),
        custom: fc.option(
          fc.array(fc.record({ name: fc.stringMatching(/^[a-z_]{0,12}$/), value: u64 }), { maxLength: 7 }),
        ),
      }),
      { minLength: 1, maxLength: 3 },
    ),
  })
  .map(({ version, xid, ports }) => ({
    type: 'multipartReply',
    version,
    xid,
    flags: 0,
    body: {
      kind: 'portStats',
      ports: ports.map((p) => {
        const props = [...(p.rfc ? [intelRfc2819(p.rfc)] : []), ...(p.custom ? [intelCustom(p.custom)] : [])];
        const [rxPackets, txPackets, rxBytes, txBytes, rxDropped, txDropped, rxErrors, txErrors, a, b, c, d] = p.c;
        return {
          portNo: p.portNo,
          rxPackets: rxPackets!,
          txPackets: txPackets!,
          rxBytes: rxBytes!,
          txBytes: txBytes!,
          rxDropped: rxDropped!,
          txDropped: txDropped!,
          rxErrors: rxErrors!,
          txErrors: txErrors!,
          rxFrameErr: a!,
          rxOverErr: b!,
          rxCrcErr: c!,
          collisions: d!,
          durationSec: p.durationSec,
          durationNsec: p.durationNsec,
          ...(props.length ? { otherProperties: props } : {}),
        };
      }),
    },
  })) as fc.Arbitrary<OfMessage>;

// ---- async config and role status: reason names --------------------------------------------------

const asyncConfig: fc.Arbitrary<OfMessage> = fc
  .record({
    version: fc.constantFrom(5, 6) as fc.Arbitrary<5 | 6>,
    xid,
    reply: fc.boolean(),
    masks: fc.array(fc.integer({ min: 0, max: 0x3f }), { minLength: 12, maxLength: 12 }),
  })
  .map(({ version, xid, reply, masks }) => ({
    type: reply ? 'getAsyncReply' : 'setAsync',
    version,
    xid,
    // only the reasons each kind defines (packet-in 6, port status 3, flow removed 6, role status 3,
    // table status vacancy_down/up, requestforward 2): validateMessage refuses other bits
    properties: masks.map((mask, propType) => ({ propType, mask: mask & ASYNC_BITS[propType >> 1]! })),
  })) as fc.Arbitrary<OfMessage>;
const ASYNC_BITS = [0x3f, 0x7, 0x3f, 0x7, 0x18, 0x3];

const roleStatus: fc.Arbitrary<OfMessage> = fc
  .record({
    version: fc.constantFrom(4, 5, 6) as fc.Arbitrary<4 | 5 | 6>,
    xid,
    role: fc.integer({ min: 0, max: 3 }),
    reason: fc.integer({ min: 0, max: 2 }),
    generationId: u64orMax,
  })
  .map((r) => ({ type: 'roleStatus', ...r }));

// ---- absent OF1.5 OXS counters --------------------------------------------------------------------

const oxs = fc.record(
  {
    durationSec: u32,
    durationNsec: nsec,
    flowCount: u32,
    packetCount: u64,
    byteCount: u64,
  },
  { requiredKeys: [] },
);
const oxsMessages: fc.Arbitrary<OfMessage> = fc.oneof(
  fc
    .record({
      xid,
      stats: oxs,
      priority: u16,
      reason: fc.integer({ min: 0, max: 5 }),
      tableId: fc.integer({ min: 0, max: 254 }),
      cookie: u64,
      idleTimeout: u16,
      hardTimeout: u16,
      inPort: fc.integer({ min: 1, max: 0xfeff }),
    })
    .map(({ stats, inPort, ...r }) => {
      // OVS writes duration seconds and nanoseconds together
      const s =
        stats.durationSec === undefined || stats.durationNsec === undefined
          ? { ...stats, durationSec: undefined, durationNsec: undefined }
          : stats;
      return {
        type: 'flowRemoved',
        version: 6,
        ...r,
        match: [{ field: 'in_port_oxm', value: new Uint8Array([0, 0, inPort >> 8, inPort & 0xff]) }],
        stats: Object.fromEntries(Object.entries(s).filter(([k, v]) => v !== undefined && k !== 'flowCount')),
      } as OfMessage;
    }),
  fc.record({ xid, stats: oxs }).map(({ xid, stats }) => {
    const { durationSec: _a, durationNsec: _b, ...rest } = stats;
    return {
      type: 'multipartReply',
      version: 6,
      xid,
      flags: 0,
      body: { kind: 'aggregate', ...rest },
    } as OfMessage;
  }),
);

// ---- queue config port ANY -------------------------------------------------------------------------

const queueConfig: fc.Arbitrary<OfMessage> = fc
  .record({
    version: fc.constantFrom(1, 2, 3, 4) as fc.Arbitrary<1 | 2 | 3 | 4>,
    xid,
    port: fc.oneof(fc.constant(-1), fc.integer({ min: 1, max: 0xfeff })),
    queues: fc.array(
      fc.record({ queueId: fc.integer({ min: 0, max: 0xfffffffe }), min: fc.integer({ min: 0, max: 1000 }) }),
      {
        minLength: 1,
        maxLength: 2,
      },
    ),
  })
  .map(({ version, xid, port, queues }) => {
    const portNo = port < 0 ? (version === 1 ? 0xffff : 0xffffffff) : port;
    return {
      type: 'queueGetConfigReply',
      version,
      xid,
      portNo,
      queues: queues.map((q) => ({
        queueId: q.queueId,
        portNo,
        properties: [{ prop: 'minRate' as const, rate: q.min }],
      })),
    } as OfMessage;
  });

// ---- table desc / status ---------------------------------------------------------------------------

const tableDescProp = fc.oneof(
  fc.record({ prop: fc.constant('eviction' as const), flags: fc.oneof(u32, fc.integer({ min: 0, max: 7 })) }),
  fc.record({ prop: fc.constant('vacancy' as const), vacancyDown: u8, vacancyUp: u8, vacancy: u8 }),
);
const tableDesc = fc.record({
  tableId: fc.integer({ min: 0, max: 254 }),
  config: fc.oneof(u32, fc.constantFrom(0, 4, 8, 12)),
  properties: fc.array(tableDescProp, { maxLength: 3 }),
});
const tableDescMsgs: fc.Arbitrary<OfMessage> = fc.oneof(
  fc
    .record({
      version: fc.constantFrom(5, 6) as fc.Arbitrary<5 | 6>,
      xid,
      tables: fc.array(tableDesc, { maxLength: 4 }),
    })
    .map(({ version, xid, tables }) => ({
      type: 'multipartReply',
      version,
      xid,
      flags: 0,
      body: { kind: 'tableDesc', tables },
    })) as fc.Arbitrary<OfMessage>,
  fc.record({ version: fc.constantFrom(5, 6) as fc.Arbitrary<5 | 6>, xid }).map(({ version, xid }) => ({
    type: 'multipartRequest',
    version,
    xid,
    flags: 0,
    body: { kind: 'tableDesc' },
  })) as fc.Arbitrary<OfMessage>,
  fc
    .record({
      version: fc.constantFrom(5, 6) as fc.Arbitrary<5 | 6>,
      xid,
      reason: fc.oneof(fc.constantFrom(3, 4), u8),
      table: tableDesc,
    })
    .map((r) => ({ type: 'tableStatus', ...r })) as fc.Arbitrary<OfMessage>,
);

// ---- OF1.5 controller status and bundle features (not decoded by OVS 3.1) ---------------------------

const controllerStatus = fc.record({
  shortId: u16,
  role: u32,
  reason: u8,
  channelStatus: u8,
  properties: fc.array(
    fc.oneof(
      fc.record({ prop: fc.constant('uri' as const), uri: fc.stringMatching(/^(tcp|ssl):[0-9.]{7,15}:[0-9]{1,5}$/) }),
      fc.record({
        prop: fc.constant('unknown' as const),
        propType: fc.integer({ min: 1, max: 0xfffe }),
        data: fc.uint8Array({ maxLength: 12 }),
      }),
    ),
    { maxLength: 2 },
  ),
});
const time = fc.record({ sec: u64, nsec: u32 });
const bundleProp = fc.record({
  prop: fc.constant('time' as const),
  schedAccuracy: time,
  schedMaxFuture: time,
  schedMaxPast: time,
  timestamp: time,
});
const of15Status: fc.Arbitrary<OfMessage> = fc.oneof(
  fc
    .record({ xid, status: controllerStatus })
    .map((r) => ({ type: 'controllerStatus', version: 6, ...r })) as fc.Arbitrary<OfMessage>,
  fc.record({ xid, controllers: fc.array(controllerStatus, { maxLength: 3 }) }).map(({ xid, controllers }) => ({
    type: 'multipartReply',
    version: 6,
    xid,
    flags: 0,
    body: { kind: 'controllerStatus', controllers },
  })) as fc.Arbitrary<OfMessage>,
  xid.map((xid) => ({
    type: 'multipartRequest',
    version: 6,
    xid,
    flags: 0,
    body: { kind: 'controllerStatus' },
  })) as fc.Arbitrary<OfMessage>,
  fc
    .record({ xid, featureRequestFlags: u32, properties: fc.array(bundleProp, { maxLength: 1 }) })
    .map(({ xid, ...b }) => ({
      type: 'multipartRequest',
      version: 6,
      xid,
      flags: 0,
      body: { kind: 'bundleFeatures', ...b },
    })) as fc.Arbitrary<OfMessage>,
  fc.record({ xid, capabilities: u16, properties: fc.array(bundleProp, { maxLength: 1 }) }).map(({ xid, ...b }) => ({
    type: 'multipartReply',
    version: 6,
    xid,
    flags: 0,
    body: { kind: 'bundleFeatures', ...b },
  })) as fc.Arbitrary<OfMessage>,
);

// ---- ONF experimenter OXMs in OF1.3 matches, and the ONF flow monitor ------------------------------

const onfMatch = fc.record({
  flags: fc.integer({ min: 0, max: 0xfff }),
  mask: fc.option(fc.integer({ min: 0, max: 0xfff })),
  actset: fc.option(fc.integer({ min: 1, max: 0xfeff })),
});
function onfFields(m: { flags: number; mask: number | null; actset: number | null }) {
  const f: { field: string; value: Uint8Array; mask?: Uint8Array }[] = [
    { field: 'eth_type', value: new Uint8Array([8, 0]) },
    { field: 'nw_proto', value: new Uint8Array([6]) },
  ];
  const flags = m.mask === null ? m.flags : m.flags & m.mask;
  f.push({
    field: 'tcp_flags',
    value: new Uint8Array([flags >> 8, flags & 0xff]),
    ...(m.mask !== null ? { mask: new Uint8Array([m.mask >> 8, m.mask & 0xff]) } : {}),
  });
  if (m.actset !== null)
    f.push({ field: 'actset_output', value: new Uint8Array([0, 0, m.actset >> 8, m.actset & 0xff]) });
  return f;
}
const onfOf13: fc.Arbitrary<OfMessage> = fc.oneof(
  fc.record({ xid, m: onfMatch, priority: u16, cookie: u64 }).map(
    ({ xid, m, priority, cookie }) =>
      ({
        type: 'flowMod',
        version: 4,
        xid,
        cookie,
        cookieMask: 0n,
        tableId: 0,
        command: 0,
        idleTimeout: 0,
        hardTimeout: 0,
        priority,
        bufferId: 0xffffffff,
        outPort: 0xffffffff,
        outGroup: 0xffffffff,
        flags: 0,
        importance: 0,
        match: onfFields(m),
        instructions: [],
      }) as OfMessage,
  ),
  fc
    .record({
      xid,
      monitors: fc.array(
        fc.record({
          id: u32,
          flags: fc.integer({ min: 1, max: 0x3f }).map((f) => f | 2),
          outPort: fc.oneof(fc.constant(0xffffffff), fc.integer({ min: 1, max: 0xfeff })),
          tableId: fc.oneof(fc.constant(0xff), fc.integer({ min: 0, max: 254 })),
          m: onfMatch,
        }),
        { minLength: 1, maxLength: 2 },
      ),
    })
    .map(
      ({ xid, monitors }) =>
        ({
          type: 'multipartRequest',
          version: 4,
          xid,
          flags: 0,
          body: {
            kind: 'flowMonitor',
            flavor: 'onf',
            monitors: monitors.map(({ m, ...e }) => ({ ...e, match: onfFields(m) })),
          },
        }) as OfMessage,
    ),
);

// ---- meter features band types ----------------------------------------------------------------------

const meterFeatures: fc.Arbitrary<OfMessage> = fc
  .record({
    version: fc.constantFrom(4, 5) as fc.Arbitrary<4 | 5>,
    xid,
    bandTypes: u32,
    maxMeter: u32,
    maxBands: u8,
    maxColor: u8,
  })
  .map(({ version, xid, ...b }) => ({
    type: 'multipartReply',
    version,
    xid,
    flags: 0,
    body: { kind: 'meterFeatures', ...b, capabilities: 0xf },
  }));

// ---- OF1.4+ table mod properties ----------------------------------------------------------------

function u32Bytes(v: number): Uint8Array {
  return new Uint8Array([v >>> 24, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff]);
}
const tableMod14: fc.Arbitrary<OfMessage> = fc
  .record({
    version: fc.constantFrom(5, 6) as fc.Arbitrary<5 | 6>,
    xid,
    tableId: fc.integer({ min: 0, max: 255 }),
    config: fc.oneof(u32, fc.constantFrom(0, 4, 8, 12)),
    props: fc.array(
      fc.oneof(
        fc.oneof(u32, fc.integer({ min: 0, max: 3 })).map((v) => ({ propType: 2, data: u32Bytes(v) })),
        fc
          .record({
            down: fc.integer({ min: 0, max: 110 }),
            up: fc.integer({ min: 0, max: 110 }),
            vac: fc.constantFrom(0, 0, 1),
          })
          .map(({ down, up, vac }) => ({ propType: 3, data: new Uint8Array([down, up, vac, 0]) })),
        fc.constant({ propType: 0xfffe, data: new Uint8Array([0, 0, 0, 1, 0, 0, 0, 2]) }),
      ),
      { maxLength: 2 },
    ),
  })
  .map(({ props, ...m }) => ({ type: 'tableMod', ...m, properties: props }));

// ---- what OVS's message table refuses; OFPT_ERROR codes it cannot name -------------------------------

const refused: fc.Arbitrary<OfMessage> = fc.oneof(
  fc
    .record({
      version: fc.constantFrom(4, 5, 6) as fc.Arbitrary<4 | 5 | 6>,
      xid,
      experimenter: u32.filter((e) => e !== 0x2320 && e !== 0x4f4e4600),
      expType: u32,
      data: fc.uint8Array({ maxLength: 16 }),
    })
    .map((r) => ({ type: 'experimenter', ...r })) as fc.Arbitrary<OfMessage>,
  // Nicira / ONF statistics subtypes OVS 3.1 has no entry for (OFPBRC_BAD_SUBTYPE)
  fc
    .record({
      version: fc.constantFrom(4, 5, 6) as fc.Arbitrary<4 | 5 | 6>,
      xid,
      reply: fc.boolean(),
      experimenter: fc.constantFrom(0x2320, 0x4f4e4600),
      expType: fc.oneof(fc.integer({ min: 10, max: 1869 }), fc.integer({ min: 1871, max: 0x7fffffff })),
      data: fc.uint8Array({ maxLength: 16 }),
    })
    .map(({ reply, experimenter, expType, data, ...r }) => ({
      type: reply ? 'multipartReply' : 'multipartRequest',
      ...r,
      flags: 0,
      body: { kind: 'experimenter', experimenter, expType, data },
    })) as fc.Arbitrary<OfMessage>,
  // Nicira / ONF subtypes OVS 3.1 has no message for (OFPBRC_BAD_SUBTYPE)
  fc
    .record({
      version: fc.constantFrom(1, 4, 5, 6) as fc.Arbitrary<1 | 4 | 5 | 6>,
      xid,
      experimenter: fc.constantFrom(0x2320, 0x4f4e4600),
      expType: fc.oneof(
        fc.integer({ min: 33, max: 131 }),
        fc.integer({ min: 133, max: 1869 }),
        fc.integer({ min: 2351, max: 0x7fffffff }),
      ),
      data: fc.uint8Array({ maxLength: 16 }),
    })
    .map((r) => ({ type: 'experimenter', ...r })) as fc.Arbitrary<OfMessage>,
  fc
    .record({
      version: fc.constantFrom(4, 5, 6) as fc.Arbitrary<4 | 5 | 6>,
      xid,
      msgType: fc.integer({ min: 36, max: 255 }),
      body: fc.uint8Array({ maxLength: 16 }),
    })
    .map((r) => ({ type: 'unknown', ...r })) as fc.Arbitrary<OfMessage>,
  fc
    .record({
      version: fc.constantFrom(4, 5, 6) as fc.Arbitrary<4 | 5 | 6>,
      xid,
      reply: fc.boolean(),
      mpType: fc.integer({ min: 20, max: 0xfffe }),
      data: fc.uint8Array({ maxLength: 16 }).map((d) => d.subarray(0, d.length & ~7)),
    })
    .map(({ reply, mpType, data, ...r }) => ({
      type: reply ? 'multipartReply' : 'multipartRequest',
      ...r,
      flags: 0,
      body: { kind: 'unknown', mpType, data },
    })) as fc.Arbitrary<OfMessage>,
  fc
    .record({
      version: fc.constantFrom(4, 5, 6) as fc.Arbitrary<4 | 5 | 6>,
      xid,
      errType: fc.integer({ min: 14, max: 0xfffe }),
      code: u16,
      data: fc.uint8Array({ maxLength: 16 }),
    })
    .map((r) => ({ type: 'error', ...r })) as fc.Arbitrary<OfMessage>,
);

export const KINDS: Record<string, fc.Arbitrary<OfMessage>> = {
  'table stats OF1.3+ (ditto)': tableStats13,
  'table stats OF1.0 (ditto, names)': tableStats10,
  'table stats OF1.2 (capabilities, ditto)': tableStats12,
  'table features (tables N...M: ditto)': tableFeatures,
  'OF1.5 group selection method': groupMod15,
  'OF1.4 Intel port-stats properties': portStats14,
  'async config reason names': asyncConfig,
  'role status': roleStatus,
  'absent OF1.5 OXS counters': oxsMessages,
  'queue config port ANY': queueConfig,
  'table desc / table status': tableDescMsgs,
  'OF1.5 controller status / bundle features': of15Status,
  'ONF OXM and ONF flow monitor in OF1.3': onfOf13,
  'meter features band types': meterFeatures,
  'OF1.4+ table mod properties': tableMod14,
  'message-table refusals and unnamed error codes': refused,
};
