/**
 * Property tests of the IPAM against a brute-force reference model: random small subnets of either
 * family anywhere in the address space, random exclude lists, random allocate / static / release
 * sequences. The model enumerates every address, so subnets stay small (≤ 1024 addresses).
 *
 * The model is Kube-OVN v1.12's IPAM (pkg/ipam/subnet.go): getV4RandomAddress takes the lowest
 * never-used address and only when none is left turns the released list into the free list;
 * GetStaticAddress grants an excluded address (V4Reserved) and takes a released one; releaseAddr puts an
 * address on the released list unless it is excluded; calcSubnetStatusIP does not count owners of
 * excluded addresses as used. (This IPAM refuses a static request for the gateway itself.)
 */
import fc from 'fast-check';
import { Address6 } from 'ip-address';
import { describe, expect, it } from 'vitest';
import {
  type IpFamily,
  IpamError,
  RunSet,
  SubnetAllocator,
  mergeRuns,
  formatAddress,
  parseAddress,
} from '../../../src/ipam/index.js';

const bigintOfBits = (bits: number) => fc.bigInt({ min: 0n, max: (1n << BigInt(bits)) - 1n });

interface Scenario {
  family: IpFamily;
  prefix: number;
  network: bigint;
  excludes: Array<[bigint, bigint]>; // offsets within the block
  gatewayOffset: number | undefined;
  ops: Array<{ kind: 'alloc' } | { kind: 'static'; offset: number } | { kind: 'release'; pick: number }>;
}

const scenario: fc.Arbitrary<Scenario> = fc
  .record({ family: fc.constantFrom<IpFamily>(4, 6), hostBits: fc.integer({ min: 1, max: 10 }) })
  .chain(({ family, hostBits }) => {
    const bits = family === 4 ? 32 : 128;
    const size = 1 << hostBits;
    return fc.record({
      family: fc.constant(family),
      prefix: fc.constant(bits - hostBits),
      network: bigintOfBits(bits - hostBits).map((n) => n << BigInt(hostBits)),
      excludes: fc.array(
        fc
          .tuple(fc.integer({ min: 0, max: size - 1 }), fc.integer({ min: 0, max: 8 }))
          .map(([a, len]) => [BigInt(a), BigInt(Math.min(size - 1, a + len))] as [bigint, bigint]),
        { maxLength: 5 },
      ),
      gatewayOffset: fc.option(fc.integer({ min: hostBits === 1 ? 0 : 1, max: hostBits === 1 ? 1 : size - 2 }), {
        nil: undefined,
      }),
      ops: fc.array(
        fc.oneof(
          { weight: 5, arbitrary: fc.constant({ kind: 'alloc' as const }) },
          {
            weight: 2,
            arbitrary: fc.integer({ min: 0, max: size - 1 }).map((offset) => ({ kind: 'static' as const, offset })),
          },
          { weight: 3, arbitrary: fc.nat().map((pick) => ({ kind: 'release' as const, pick })) },
        ),
        { maxLength: 120 },
      ),
    });
  });

function run(sc: Scenario): void {
  const bits = sc.family === 4 ? 32 : 128;
  const hostBits = bits - sc.prefix;
  const size = 1n << BigInt(hostBits);
  const ptp = hostBits === 1;
  const first = ptp ? sc.network : sc.network + 1n;
  const last = ptp ? sc.network + size - 1n : sc.network + size - 2n;
  const fmt = (v: bigint) => formatAddress(sc.family, v);
  const cidr = `${fmt(sc.network)}/${sc.prefix}`;
  const gateway = sc.gatewayOffset === undefined ? first : sc.network + BigInt(sc.gatewayOffset);

  const excludeTexts = sc.excludes.map(([a, b]) =>
    a === b ? fmt(sc.network + a) : `${fmt(sc.network + a)}..${fmt(sc.network + b)}`,
  );
  const alloc = new SubnetAllocator(
    { cidr, excludeIps: excludeTexts, ...(sc.gatewayOffset === undefined ? {} : { gateway: fmt(gateway) }) },
    { macSeed: 1 },
  );

  // Reference model.
  const excluded = new Set<bigint>([gateway]);
  for (const [a, b] of sc.excludes) for (let x = a; x <= b; x++) excluded.add(sc.network + x);
  const held = new Map<string, bigint>();
  const heldBy = new Map<bigint, string>();
  const released = new Set<bigint>();
  const isFree = (v: bigint) => v >= first && v <= last && !excluded.has(v) && !heldBy.has(v);
  const isFresh = (v: bigint) => isFree(v) && !released.has(v);
  let excludedUsable = 0n;
  for (const v of excluded) if (v >= first && v <= last) excludedUsable++;
  const kubeTotal = ptp ? 2n : size - 2n;

  let n = 0;
  for (const op of sc.ops) {
    if (op.kind === 'alloc') {
      const owner = `o${n++}`;
      let want: bigint | undefined;
      const lowest = () => {
        for (let v = first; v <= last; v++) if (isFresh(v)) return v;
        return undefined;
      };
      want = lowest();
      if (want === undefined && released.size > 0) {
        released.clear(); // the released list becomes the free list
        want = lowest();
      }
      if (want === undefined) {
        expect(() => alloc.allocate(owner)).toThrowError(
          expect.objectContaining({ code: 'IPAM_SUBNET_EXHAUSTED', value: cidr }),
        );
      } else {
        expect(alloc.allocate(owner).ip).toBe(fmt(want));
        released.delete(want);
        held.set(owner, want);
        heldBy.set(want, owner);
      }
    } else if (op.kind === 'static') {
      const owner = `o${n++}`;
      const v = sc.network + BigInt(op.offset);
      const grantedExcluded = excluded.has(v) && v !== gateway && v >= first && v <= last && !heldBy.has(v);
      if (isFree(v) || grantedExcluded) {
        expect(alloc.allocate(owner, { ip: fmt(v) }).ip).toBe(fmt(v));
        released.delete(v);
        held.set(owner, v);
        heldBy.set(v, owner);
      } else {
        let err: unknown;
        try {
          alloc.allocate(owner, { ip: fmt(v) });
        } catch (e) {
          err = e;
        }
        expect(err).toBeInstanceOf(IpamError);
        const expected = heldBy.has(v)
          ? 'IPAM_ADDRESS_TAKEN'
          : v === gateway
            ? 'IPAM_ADDRESS_IS_GATEWAY'
            : 'IPAM_ADDRESS_EXCLUDED';
        expect((err as IpamError).code).toBe(expected);
        expect((err as IpamError).value).toBe(fmt(v));
        expect(alloc.has(owner)).toBe(false);
      }
    } else {
      const owners = [...held.keys()];
      if (owners.length === 0) continue;
      const owner = owners[op.pick % owners.length]!;
      const v = held.get(owner)!;
      expect(alloc.release(owner)?.ip).toBe(fmt(v));
      held.delete(owner);
      heldBy.delete(v);
      if (!excluded.has(v)) released.add(v);
    }

    // Counts always equal the Kube-OVN formula, and equal the model's free count.
    const used = BigInt([...held.values()].filter((v) => !excluded.has(v)).length);
    let modelFree = 0n;
    for (let v = first; v <= last; v++) if (isFree(v)) modelFree++;
    const formula = kubeTotal - excludedUsable - used;
    const u = alloc.usage();
    const [myUsed, myAvail, otherUsed, otherAvail] =
      sc.family === 4
        ? [u.v4Used, u.v4Available, u.v6Used, u.v6Available]
        : [u.v6Used, u.v6Available, u.v4Used, u.v4Available];
    expect(myUsed).toBe(used);
    expect(myAvail).toBe(formula < 0n ? 0n : formula);
    expect(myAvail).toBe(modelFree);
    expect([otherUsed, otherAvail]).toEqual([0n, 0n]);
  }

  // No duplicate address or MAC among live allocations.
  const all = [...alloc.allocations()];
  expect(new Set(all.map((a) => a.ip)).size).toBe(all.length);
  expect(new Set(all.map((a) => a.mac)).size).toBe(all.length);
  expect(all.length).toBe(held.size);
}

describe('SubnetAllocator vs reference model', () => {
  it('allocate/static/release sequences agree; counts equal the formula; no duplicate IP/MAC', () => {
    fc.assert(
      fc.property(scenario, (sc) => run(sc)),
      { numRuns: 100 },
    );
  });

  it('a dual-stack allocator behaves as two independent single-stack ones', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constant(-1), fc.nat(40)), { maxLength: 80 }), (ops) => {
        const dual = new SubnetAllocator({ cidr: '10.9.0.0/26,fd00:9::/122' }, { macSeed: 2 });
        const v4 = new SubnetAllocator({ cidr: '10.9.0.0/26' }, { macSeed: 2 });
        const v6 = new SubnetAllocator({ cidr: 'fd00:9::/122' }, { macSeed: 2 });
        const live: string[] = [];
        let n = 0;
        for (const op of ops) {
          if (op === -1 || live.length === 0) {
            const o = `o${n++}`;
            let a: string | undefined;
            let b: string | undefined;
            let c: string | undefined;
            try {
              a = dual.allocate(o).ip;
            } catch (e) {
              expect((e as IpamError).code).toBe('IPAM_SUBNET_EXHAUSTED');
            }
            try {
              b = v4.allocate(o).ip;
              c = v6.allocate(o).ip;
            } catch {
              v4.release(o);
            }
            expect(a).toBe(b === undefined || c === undefined ? undefined : `${b},${c}`);
            if (a !== undefined) live.push(o);
          } else {
            const o = live.splice(op % live.length, 1)[0]!;
            dual.release(o);
            v4.release(o);
            v6.release(o);
          }
          const d = dual.usage();
          expect(d.v4Used).toBe(d.v6Used);
          expect(d.v4Available).toBe(v4.usage().v4Available);
          expect(d.v6Available).toBe(v6.usage().v6Available);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('RunSet vs Set', () => {
  it('add/delete/takeLowest/has agree over full-range values', () => {
    fc.assert(
      fc.property(
        bigintOfBits(128),
        fc.integer({ min: 2, max: 6 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 63 }), { maxLength: 40 }),
        fc.array(fc.tuple(fc.constantFrom('add', 'del', 'low', 'has'), fc.integer({ min: 0, max: 63 })), {
          maxLength: 200,
        }),
        (base, blockMax, initial, ops) => {
          // Tiny blocks so splits, block removals and cross-block merges all happen.
          const ref = new Set<bigint>(initial.map((o) => base + BigInt(o)));
          const rs = RunSet.fromSortedRuns(mergeRuns([...ref].map((x) => [x, x] as const)), blockMax);
          for (const [k, off] of ops) {
            const x = base + BigInt(off);
            if (k === 'add') expect(rs.add(x)).toBe(!ref.has(x) && (ref.add(x), true));
            else if (k === 'del') expect(rs.delete(x)).toBe(ref.delete(x));
            else if (k === 'has') expect(rs.has(x)).toBe(ref.has(x));
            else {
              const min = ref.size === 0 ? undefined : [...ref].reduce((m, v) => (v < m ? v : m));
              expect(rs.takeLowest()).toBe(min);
              if (min !== undefined) ref.delete(min);
            }
            expect(rs.size).toBe(BigInt(ref.size));
            // runs are sorted, disjoint, non-adjacent, and cover exactly the set
            let prevEnd: bigint | undefined;
            let covered = 0n;
            for (const [a, b] of rs.runs()) {
              expect(a <= b).toBe(true);
              if (prevEnd !== undefined) expect(a > prevEnd + 1n).toBe(true);
              prevEnd = b;
              covered += b - a + 1n;
            }
            expect(covered).toBe(BigInt(ref.size));
            expect(rs.runCount).toBe([...rs.runs()].length);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('address text', () => {
  it('IPv6 formatting matches the WHATWG URL serializer (RFC 5952) over the full range', () => {
    fc.assert(
      fc.property(bigintOfBits(128), (v) => {
        const text = formatAddress(6, v);
        expect(new URL(`http://[${text}]/`).hostname).toBe(`[${text}]`);
        expect(text).toBe(Address6.fromBigInt(v).correctForm());
        expect(parseAddress(text)).toEqual({ family: 6, value: v });
      }),
      { numRuns: 1000 },
    );
  });

  it('IPv6 formatting agrees on zero-heavy values (every :: placement)', () => {
    const group = fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 0, max: 0xffff }));
    fc.assert(
      fc.property(fc.array(group, { minLength: 8, maxLength: 8 }), (gs) => {
        const v = gs.reduce((acc, g) => (acc << 16n) | BigInt(g), 0n);
        const text = formatAddress(6, v);
        expect(text).toBe(Address6.fromBigInt(v).correctForm());
        expect(new URL(`http://[${text}]/`).hostname).toBe(`[${text}]`);
      }),
      { numRuns: 2000 },
    );
  });

  it('IPv4 formatting round-trips and matches the WHATWG URL serializer over the full range', () => {
    fc.assert(
      fc.property(bigintOfBits(32), (v) => {
        const text = formatAddress(4, v);
        expect(new URL(`http://${text}/`).hostname).toBe(text);
        expect(parseAddress(text)).toEqual({ family: 4, value: v });
      }),
      { numRuns: 1000 },
    );
  });
});
