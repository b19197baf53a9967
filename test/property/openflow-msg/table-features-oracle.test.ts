/**
 * Table capabilities against `ovs-ofctl ofp-parse` (OVS 3.1): random OF1.3–1.5 table-features
 * replies (instruction, next-table, action and field-set properties over their whole ranges; miss
 * and non-miss sides equal or not; consecutive tables equal or not, for OVS's "ditto" / "(same …)")
 * and random OF1.0 table-stats replies (any wildcard bits, names, counters) print as ovs-ofctl
 * prints them, and decode(encode(m)) gives m back.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeMessage, encodeMessage, formatMessage } from '../../../src/openflow/messages/index.js';
import type { OfMessage, RawProperty, TableFeatures } from '../../../src/openflow/messages/index.js';
import { FIELDS } from '../../../src/openflow/match/index.js';
import { expectOfpParse, plain } from './oracle.js';

const u32 = fc.integer({ min: 0, max: 0xffffffff });
const u64 = fc.bigInt({ min: 0n, max: (1n << 64n) - 1n });

/** Fixed-width NXM / OXM fields (no experimenter class, no variable-length tun_metadata). */
const HEADERS = FIELDS.flatMap((d) =>
  d.codePoints
    .filter((cp) => cp.cls !== 0xffff && !d.name.startsWith('tun_metadata'))
    .map((cp) => ({ cls: cp.cls, field: cp.field, len: d.bytes })),
);

function be(n: number, bytes: number): number[] {
  return Array.from({ length: bytes }, (_, i) => (n >>> (8 * (bytes - 1 - i))) & 0xff);
}
const fieldIds = (hs: readonly { cls: number; field: number; len: number; hm?: boolean }[]): Uint8Array =>
  Uint8Array.from(hs.flatMap((h) => [...be(h.cls, 2), (h.field << 1) | (h.hm ? 1 : 0), h.hm ? h.len * 2 : h.len]));
const typeIds = (types: readonly number[]): Uint8Array => Uint8Array.from(types.flatMap((t) => [...be(t, 2), 0, 4]));

const sub = <T>(xs: readonly T[], max?: number) => fc.subarray([...xs], max === undefined ? {} : { maxLength: max });
const side = fc.record({
  instructions: sub([1, 2, 3, 4, 5, 6]),
  next: sub(Array.from({ length: 254 }, (_, i) => i + 1)),
  write: sub(Array.from({ length: 28 }, (_, i) => i)),
  apply: sub(Array.from({ length: 28 }, (_, i) => i)),
  writeSet: sub(HEADERS, 40),
  applySet: sub(HEADERS, 40),
  sameActions: fc.boolean(),
});

type Side = typeof side extends fc.Arbitrary<infer T> ? T : never;

function sideProps(s: Side, miss: 0 | 1): RawProperty[] {
  const apply = s.sameActions ? s.write : s.apply;
  const applySet = s.sameActions ? s.writeSet : s.applySet;
  return [
    { propType: 0 + miss, data: typeIds(s.instructions) },
    { propType: 2 + miss, data: Uint8Array.from(s.next) },
    { propType: 4 + miss, data: typeIds(s.write) },
    { propType: 6 + miss, data: typeIds(apply) },
    { propType: 12 + miss, data: fieldIds(s.writeSet) },
    { propType: 14 + miss, data: fieldIds(applySet) },
  ].filter((p) => p.data.length > 0 || !miss); // OVS wants every non-miss property (OFPTFFC_BAD_FEATURES otherwise)
}

const table: fc.Arbitrary<Omit<TableFeatures, 'tableId'>> = fc
  .record({
    name: fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/),
    metadataMatch: fc.oneof(u64, fc.constant(0n)),
    metadataWrite: fc.oneof(u64, fc.constant(0n)),
    maxEntries: fc.oneof(u32, fc.constant(0)),
    nonmiss: side,
    miss: fc.option(side, { nil: undefined }),
    match: sub(HEADERS, 60),
    wildcardEvery: fc.integer({ min: 1, max: 3 }),
    maskEvery: fc.integer({ min: 1, max: 4 }),
  })
  .map((t) => {
    const match = t.match.map((h, i) => ({ ...h, hm: i % t.maskEvery === 1 }));
    const wild = match.filter((_, i) => i % t.wildcardEvery === 0).map(({ cls, field, len }) => ({ cls, field, len }));
    const properties: RawProperty[] = [
      ...sideProps(t.nonmiss, 0),
      ...sideProps(t.miss ?? t.nonmiss, 1),
      { propType: 8, data: fieldIds(match) },
      { propType: 10, data: fieldIds(wild) },
    ];
    return {
      name: t.name,
      metadataMatch: t.metadataMatch,
      metadataWrite: t.metadataWrite,
      capabilities: 0,
      maxEntries: t.maxEntries,
      properties,
    };
  });

const reply: fc.Arbitrary<OfMessage> = fc
  .record({
    version: fc.constantFrom(4, 5) as fc.Arbitrary<4 | 5>,
    xid: u32,
    tables: fc.array(fc.tuple(table, fc.boolean()), { minLength: 1, maxLength: 3 }),
  })
  .map(({ version, xid, tables }) => {
    const list: TableFeatures[] = [];
    tables.forEach(([t, repeat], i) => {
      const prev = list[list.length - 1];
      list.push(repeat && prev ? { ...prev, tableId: i } : { ...t, tableId: i });
    });
    return {
      type: 'multipartReply',
      version,
      xid,
      flags: 0,
      body: { kind: 'tableFeatures', tables: list },
    } as OfMessage;
  });

const stats10: fc.Arbitrary<OfMessage> = fc
  .record({
    xid: u32,
    tables: fc.array(
      fc.record({
        tableId: fc.integer({ min: 0, max: 254 }),
        name: fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/),
        wildcards: fc.integer({ min: 0, max: 0x3fffff }),
        maxEntries: u32,
        activeCount: u32,
        lookupCount: u64,
        matchedCount: u64,
      }),
      { minLength: 1, maxLength: 3 },
    ),
  })
  .map(
    ({ xid, tables }) =>
      ({ type: 'multipartReply', version: 1, xid, flags: 0, body: { kind: 'table', tables } }) as OfMessage,
  );

describe('table capabilities against ovs-ofctl', () => {
  const batch = [...fc.sample(reply, { numRuns: 150, seed: 13 }), ...fc.sample(stats10, { numRuns: 150, seed: 14 })];

  it('decode(encode(m)) deep-equals m', () => {
    for (const m of batch) expect(plain(decodeMessage(encodeMessage(m)))).toEqual(plain(m));
  });

  it('ovs-ofctl ofp-parse prints each message as formatMessage does', () => {
    expectOfpParse(
      batch.map((m) => {
        const bytes = encodeMessage(m);
        return { bytes, text: formatMessage(decodeMessage(bytes)), label: m.type };
      }),
    );
  });
});
