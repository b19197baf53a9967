/**
 * fast-check generators for matches, actions and instructions that OVS accepts, drawn over each
 * field's full range (values, masks, ports, prefixes), respecting prerequisites.
 */
import fc from 'fast-check';
import type { Action, Instruction } from '../../../src/openflow/actions/index.js';
import type { MatchField } from '../../../src/openflow/match/index.js';
import type { FlowSpec } from '../../../src/openflow/text/index.js';

const bytes = (n: number): fc.Arbitrary<Uint8Array> => fc.uint8Array({ minLength: n, maxLength: n });

function bitsOf(n: number, bits: number): fc.Arbitrary<Uint8Array> {
  // a value of `bits` significant bits in n bytes
  return fc.bigInt({ min: 0n, max: (1n << BigInt(bits)) - 1n }).map((v) => {
    const out = new Uint8Array(n);
    for (let i = n - 1; i >= 0; i--) {
      out[i] = Number(v & 0xffn);
      v >>= 8n;
    }
    return out;
  });
}

/** value / optional mask with value & mask, never an all-zero mask. */
function masked(field: string, n: number, bits = n * 8, maskable = true): fc.Arbitrary<MatchField> {
  return fc
    .record({
      v: bitsOf(n, bits),
      m: maskable ? fc.option(bitsOf(n, bits), { nil: undefined }) : fc.constant(undefined),
    })
    .map(({ v, m }) => {
      if (!m || m.every((x) => x === 0)) return { field, value: v };
      return { field, value: v.map((x, i) => x & m[i]!), mask: m };
    });
}

function exact(field: string, n: number, bits = n * 8): fc.Arbitrary<MatchField> {
  return bitsOf(n, bits).map((value) => ({ field, value }));
}

const u16 = (v: number): Uint8Array => Uint8Array.of(v >> 8, v & 0xff);
const u32 = (v: number): Uint8Array => Uint8Array.of(v >>> 24, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff);

const cidr = (field: string, n: number): fc.Arbitrary<MatchField> =>
  fc.oneof(
    masked(field, n),
    fc.tuple(bytes(n), fc.integer({ min: 1, max: n * 8 })).map(([v, len]) => {
      const m = new Uint8Array(n);
      for (let i = 0; i < n; i++) m[i] = (0xff00 >> Math.max(0, Math.min(8, len - 8 * i))) & 0xff;
      return len === n * 8 ? { field, value: v } : { field, value: v.map((x, i) => x & m[i]!), mask: m };
    }),
  );

/** OpenFlow 1.1+ in_port: a real port or a reserved one OVS accepts in a match. */
const inPort = fc
  .oneof(
    fc.integer({ min: 0, max: 0xfeff }),
    fc.constantFrom(0xfffffff8, 0xfffffffa, 0xfffffffb, 0xfffffffc, 0xfffffffd, 0xfffffffe),
  )
  .map((p) => ({ field: 'in_port_oxm', value: u32(p) }));

/** Fields without prerequisites (registers on distinct indices, tunnel, ct, metadata, L2). */
const metaFields: fc.Arbitrary<MatchField[]> = fc
  .record({
    regs: fc.uniqueArray(fc.integer({ min: 0, max: 15 }), { maxLength: 4 }),
    xreg: fc.option(fc.integer({ min: 0, max: 7 }), { nil: undefined }),
    xxreg: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
    others: fc.subarray([
      'tun_id',
      'tun_src',
      'tun_dst',
      'tun_ipv6_src',
      'tun_ipv6_dst',
      'tun_flags',
      'tun_gbp_id',
      'tun_gbp_flags',
      'pkt_mark',
      'ct_state',
      'ct_zone',
      'ct_mark',
      'ct_label',
      'metadata',
      'in_port',
      'eth_src',
      'eth_dst',
      'vlan',
      'conj_id',
      'dp_hash',
      'recirc_id',
    ]),
  })
  .chain(({ regs, xreg, xxreg, others }) => {
    const arbs: fc.Arbitrary<MatchField>[] = [];
    const used = new Set<number>();
    if (xxreg !== undefined) {
      for (let i = 0; i < 4; i++) used.add(xxreg * 4 + i);
      arbs.push(masked(`xxreg${xxreg}`, 16));
    }
    if (xreg !== undefined && !used.has(xreg * 2) && !used.has(xreg * 2 + 1)) {
      used.add(xreg * 2);
      used.add(xreg * 2 + 1);
      arbs.push(masked(`xreg${xreg}`, 8));
    }
    for (const r of regs) if (!used.has(r)) arbs.push(masked(`reg${r}`, 4));
    for (const o of others) {
      switch (o) {
        case 'tun_id':
        case 'metadata':
          arbs.push(masked(o, 8));
          break;
        case 'tun_src':
        case 'tun_dst':
          arbs.push(cidr(o, 4));
          break;
        case 'tun_ipv6_src':
        case 'tun_ipv6_dst':
          arbs.push(cidr(o, 16));
          break;
        case 'tun_flags':
          arbs.push(fc.integer({ min: 0, max: 1 }).map((v) => ({ field: o, value: u16(v), mask: u16(1) })));
          break;
        case 'tun_gbp_id':
          arbs.push(masked(o, 2));
          break;
        case 'tun_gbp_flags':
          arbs.push(masked(o, 1));
          break;
        case 'pkt_mark':
        case 'ct_mark':
        case 'dp_hash':
          arbs.push(masked(o, 4));
          break;
        case 'ct_state':
          arbs.push(masked(o, 4, 8));
          break;
        case 'ct_zone':
          arbs.push(exact(o, 2));
          break;
        case 'ct_label':
          arbs.push(masked(o, 16));
          break;
        case 'in_port':
          arbs.push(inPort);
          break;
        case 'eth_src':
        case 'eth_dst':
          arbs.push(masked(o, 6));
          break;
        case 'conj_id':
        case 'recirc_id':
          arbs.push(exact(o, 4));
          break;
        case 'vlan':
          arbs.push(
            fc.oneof(
              fc.constant({ field: 'vlan_tci', value: u16(0) } as MatchField),
              fc.integer({ min: 0, max: 0xfff }).map((vid) => ({ field: 'vlan_vid', value: u16(0x1000 | vid) })),
              fc
                .tuple(fc.integer({ min: 0, max: 0xffff }), fc.integer({ min: 0, max: 0xffff }))
                .map(([v, m]) => ({ field: 'vlan_tci', value: u16((v & m) | 0x1000), mask: u16(m | 0x1000) })),
            ),
          );
          break;
      }
    }
    return arbs.length ? fc.tuple(...arbs) : fc.constant<MatchField[]>([]);
  });

const ETHERTYPE = (t: number): MatchField => ({ field: 'eth_type', value: u16(t) });
const PROTO = (p: number): MatchField => ({ field: 'nw_proto', value: Uint8Array.of(p) });

function l4(v6: boolean): fc.Arbitrary<MatchField[]> {
  const common = (prefix: string): fc.Arbitrary<MatchField[]> =>
    fc
      .tuple(
        fc.option(masked(`${prefix}_src`, 2), { nil: undefined }),
        fc.option(masked(`${prefix}_dst`, 2), { nil: undefined }),
      )
      .map((xs) => xs.filter((x): x is MatchField => x !== undefined));
  return fc.oneof(
    fc
      .tuple(common('tcp'), fc.option(masked('tcp_flags', 2, 12), { nil: undefined }))
      .map(([a, f]) => [PROTO(6), ...a, ...(f ? [f] : [])]),
    common('udp').map((a) => [PROTO(17), ...a]),
    common('sctp').map((a) => [PROTO(132), ...a]),
    v6
      ? fc.oneof(
          fc.tuple(exact('icmpv6_type', 1), exact('icmpv6_code', 1)).map(([t, c]) => [PROTO(58), t, c]),
          fc
            .tuple(fc.constantFrom(135, 136), masked('nd_target', 16), masked('nd_sll', 6), masked('nd_tll', 6))
            .map(([t, tgt, sll, tll]) => [
              PROTO(58),
              { field: 'icmpv6_type', value: Uint8Array.of(t) },
              { field: 'icmpv6_code', value: Uint8Array.of(0) },
              tgt,
              t === 135 ? sll : tll,
            ]),
        )
      : fc.tuple(exact('icmp_type', 1), exact('icmp_code', 1)).map(([t, c]) => [PROTO(1), t, c]),
    fc
      .integer({ min: 0, max: 255 })
      .filter((p) => ![1, 6, 17, 58, 132, 0, 43, 44, 60].includes(p))
      .map((p) => [PROTO(p)]),
    fc.constant<MatchField[]>([]),
  );
}

const ipCommon: fc.Arbitrary<MatchField[]> = fc
  .tuple(
    fc.option(
      fc.oneof(
        exact('ip_dscp', 1, 6),
        exact('nw_tos', 1, 8).map((f) => ({ ...f, value: Uint8Array.of(f.value[0]! & 0xfc) })),
      ),
      { nil: undefined },
    ),
    fc.option(exact('nw_ecn', 1, 2), { nil: undefined }),
    fc.option(exact('nw_ttl', 1), { nil: undefined }),
    // OVS: transport fields need nw_frag not to select later fragments, so "later" is left out here
    fc.option(
      fc
        .constantFrom([0, 3], [1, 3], [1, 1], [0, 1], [0, 2])
        .map(([v, m]) => ({ field: 'ip_frag', value: Uint8Array.of(v!), mask: Uint8Array.of(m!) })),
      { nil: undefined },
    ),
  )
  .map((xs) => xs.filter((x): x is MatchField => x !== undefined));

const l3: fc.Arbitrary<MatchField[]> = fc.oneof(
  fc.constant<MatchField[]>([]),
  fc
    .tuple(cidr('ip_src', 4), cidr('ip_dst', 4), ipCommon, l4(false))
    .map(([s, d, c, t]) => [ETHERTYPE(0x0800), s, d, ...c, ...t]),
  fc
    .tuple(cidr('ipv6_src', 16), cidr('ipv6_dst', 16), masked('ipv6_label', 4, 20), ipCommon, l4(true))
    .map(([s, d, l, c, t]) => [ETHERTYPE(0x86dd), s, d, l, ...c, ...t]),
  fc
    .tuple(
      fc.constantFrom(0x0806, 0x8035),
      cidr('arp_spa', 4),
      cidr('arp_tpa', 4),
      masked('arp_sha', 6),
      masked('arp_tha', 6),
      exact('arp_op', 2, 8),
    )
    .map(([t, ...f]) => [ETHERTYPE(t), ...f]),
  fc
    .tuple(
      fc.constantFrom(0x8847, 0x8848),
      exact('mpls_label', 4, 20),
      exact('mpls_tc', 1, 3),
      exact('mpls_bos', 1, 1),
      exact('mpls_ttl', 1),
    )
    .map(([t, ...f]) => [ETHERTYPE(t), ...f]),
  fc
    .integer({ min: 0x600, max: 0xffff })
    .filter((t) => ![0x0800, 0x0806, 0x8035, 0x86dd, 0x8847, 0x8848, 0x88cc, 0x894f].includes(t))
    .map((t) => [ETHERTYPE(t)]),
);

/** A match OVS accepts: prerequisite-free fields plus one L3/L4 profile, shuffled. */
export const matchArb: fc.Arbitrary<MatchField[]> = fc
  .tuple(metaFields, l3)
  .chain(([a, b]) => fc.shuffledSubarray([...a, ...b], { minLength: a.length + b.length }));

const regSlice = fc
  .tuple(fc.integer({ min: 0, max: 15 }), fc.integer({ min: 0, max: 31 }))
  .chain(([r, ofs]) => fc.integer({ min: 1, max: 32 - ofs }).map((nBits) => ({ field: `reg${r}`, ofs, nBits })));

/** Actions that need no match prerequisites. */
export const actionArb: fc.Arbitrary<Action> = fc.oneof(
  fc.integer({ min: 1, max: 0xfeff }).map((port): Action => ({ type: 'output', port, maxLen: 0 })),
  fc
    .constantFrom(0xfffffff8, 0xfffffffa, 0xfffffffb, 0xfffffffc, 0xfffffffe)
    .map((port): Action => ({ type: 'output', port, maxLen: 0 })),
  fc.integer({ min: 0, max: 0xffff }).map((maxLen): Action => ({ type: 'output', port: 0xfffffffd, maxLen })),
  fc.integer({ min: 0, max: 254 }).map((table): Action => ({ type: 'resubmit', inPort: 0xfff8, table })),
  fc
    .tuple(fc.integer({ min: 0, max: 0xfeff }), fc.integer({ min: 0, max: 254 }))
    .map(([inPort, table]): Action => ({ type: 'resubmit', inPort, table })),
  regSlice.chain((dst) =>
    fc
      .bigInt({ min: 0n, max: (1n << BigInt(dst.nBits)) - 1n })
      .map((value): Action => ({ type: 'regLoad', dst, value })),
  ),
  fc
    .tuple(regSlice, fc.integer({ min: 0, max: 15 }))
    .chain(([src, r]) =>
      fc
        .integer({ min: 0, max: 32 - src.nBits })
        .map((ofs): Action => ({ type: 'regMove', src, dst: { field: `reg${r}`, ofs, nBits: src.nBits } })),
    ),
  fc
    .oneof(
      exact('eth_src', 6),
      exact('eth_dst', 6),
      exact('tun_id', 8),
      exact('metadata', 8),
      exact('pkt_mark', 4),
      exact('reg3', 4),
    )
    .map((field): Action => ({ type: 'setField', field })),
  fc.integer({ min: 0, max: 0xfffffeff }).map((groupId): Action => ({ type: 'group', groupId })),
  fc.uint8Array({ minLength: 0, maxLength: 20 }).map((d): Action => {
    const data = new Uint8Array(((10 + d.length + 7) & ~7) - 10);
    data.set(d);
    return { type: 'note', data };
  }),
  fc
    .record({
      maxLen: fc.integer({ min: 0, max: 0xfffe }),
      id: fc.integer({ min: 1, max: 0xffff }),
      reason: fc.integer({ min: 0, max: 5 }),
    })
    .map((c): Action => ({ type: 'controller', ...c })),
  fc.integer({ min: 0, max: 0xffffffff }).map((queueId): Action => ({ type: 'setQueue', queueId })),
  fc.constant<Action>({ type: 'ctClear' }),
  fc.constant<Action>({ type: 'exit' }),
);

/** A ct() action, valid for an IP match. */
export const ctArb: fc.Arbitrary<Action> = fc
  .record({
    commit: fc.boolean(),
    zone: fc.integer({ min: 0, max: 0xffff }),
    table: fc.option(fc.integer({ min: 0, max: 254 }), { nil: undefined }),
    mark: fc.option(fc.integer({ min: 0, max: 0xffffffff }), { nil: undefined }),
  })
  .map(({ commit, zone, table, mark }): Action => ({
    type: 'ct',
    commit,
    force: false,
    zone,
    ...(table !== undefined ? { table } : {}),
    actions: commit && mark !== undefined ? [{ type: 'setField', field: { field: 'ct_mark', value: u32(mark) } }] : [],
  }));

export function instructionsArb(version: number): fc.Arbitrary<Instruction[]> {
  return fc
    .record({
      apply: fc.array(actionArb, { maxLength: 6 }),
      write: fc.option(
        fc.array(
          actionArb.filter((a) => a.type === 'output' || a.type === 'group' || a.type === 'setQueue'),
          { maxLength: 2 },
        ),
        { nil: undefined },
      ),
      clear: fc.boolean(),
      meta: fc.option(
        fc.tuple(fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }), fc.bigInt({ min: 1n, max: (1n << 64n) - 1n })),
        { nil: undefined },
      ),
      goto: fc.option(fc.integer({ min: 1, max: 254 }), { nil: undefined }),
      meter: fc.option(fc.integer({ min: 1, max: 0xffff0000 }), { nil: undefined }),
    })
    .map(({ apply, write, clear, meta, goto, meter }) => {
      const out: Instruction[] = [];
      let acts = apply;
      if (meter !== undefined) {
        if (version >= 6) acts = [{ type: 'meter', meterId: meter }, ...acts];
        else out.push({ type: 'meter', meterId: meter });
      }
      if (acts.length) out.push({ type: 'applyActions', actions: acts });
      if (clear) out.push({ type: 'clearActions' });
      if (write) out.push({ type: 'writeActions', actions: write });
      if (meta) out.push({ type: 'writeMetadata', metadata: meta[0] & meta[1], mask: meta[1] });
      if (goto !== undefined) out.push({ type: 'gotoTable', tableId: goto });
      return out;
    });
}

export function flowArb(version: number): fc.Arbitrary<FlowSpec> {
  return fc
    .record({
      table: fc.integer({ min: 0, max: 254 }),
      priority: fc.integer({ min: 0, max: 0xffff }),
      cookie: fc.bigInt({ min: 0n, max: (1n << 64n) - 2n }),
      idleTimeout: fc.integer({ min: 0, max: 0xffff }),
      hardTimeout: fc.integer({ min: 0, max: 0xffff }),
      importance: version >= 5 ? fc.integer({ min: 0, max: 0xffff }) : fc.constant(0),
      match: matchArb,
      instructions: instructionsArb(version),
    })
    .map((f) => ({
      ...f,
      instructions: f.instructions
        .map((i) =>
          i.type === 'gotoTable' && i.tableId <= f.table ? { ...i, tableId: Math.min(254, f.table + 1) } : i,
        )
        .filter((i) => !(i.type === 'gotoTable' && f.table === 254)),
    }));
}
