/**
 * validateSubnets against a brute-force reference: random subnet sets in two VPCs with CIDRs drawn so
 * that overlaps are common, random namespace lists and default flags. The reference checks overlap by
 * enumerating address ranges as integers; the first problem (in subnet order: overlap, then
 * default; namespaces listed twice are allowed, as in Kube-OVN) must be the one reported, with the same value.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KubeModelError } from '../../../src/kube/model-errors.js';
import { type SubnetInput, validateSubnets } from '../../../src/kube/subnet-model.js';

interface Gen {
  vpc: string;
  prefix: number;
  index: number;
  namespaces: string[];
  isDefault: boolean;
}

const subnetGen: fc.Arbitrary<Gen> = fc.record({
  vpc: fc.constantFrom('a', 'b'),
  prefix: fc.integer({ min: 20, max: 28 }),
  index: fc.nat(),
  namespaces: fc.uniqueArray(fc.constantFrom('n1', 'n2', 'n3', 'n4', 'n5'), { maxLength: 2 }),
  isDefault: fc.boolean(),
});

function toInput(g: Gen, i: number): SubnetInput & { lo: number; hi: number } {
  const size = 2 ** (32 - g.prefix);
  const count = 2 ** (g.prefix - 16); // blocks of this size inside 10.0.0.0/16
  const lo = ((10 << 24) >>> 0) + (g.index % count) * size;
  const hi = lo + size - 1;
  const ip = `${lo >>> 24}.${(lo >>> 16) & 255}.${(lo >>> 8) & 255}.${lo & 255}`;
  return {
    name: `s${i}`,
    vpc: g.vpc,
    cidrBlock: `${ip}/${g.prefix}`,
    namespaces: g.namespaces,
    default: g.isDefault,
    lo,
    hi,
  };
}

function reference(inputs: ReturnType<typeof toInput>[]): { code: string; value: string } | undefined {
  const ns = new Map<string, string>();
  let def: string | undefined;
  for (let i = 0; i < inputs.length; i++) {
    const s = inputs[i]!;
    for (let j = 0; j < i; j++) {
      const o = inputs[j]!;
      if (o.vpc === s.vpc && s.lo <= o.hi && o.lo <= s.hi) return { code: 'KUBE_SUBNET_OVERLAP', value: s.cidrBlock };
    }
    // A namespace may be listed by several subnets (Kube-OVN tries them in turn): never a conflict.
    for (const n of s.namespaces ?? []) ns.set(n, s.name);
    if (s.default) {
      if (def !== undefined) return { code: 'KUBE_MULTIPLE_DEFAULT_SUBNETS', value: s.name };
      def = s.name;
    }
  }
  return undefined;
}

describe('validateSubnets vs reference', () => {
  it('reports exactly the first conflict, or accepts', () => {
    fc.assert(
      fc.property(fc.array(subnetGen, { minLength: 1, maxLength: 6 }), (gens) => {
        const inputs = gens.map(toInput);
        const want = reference(inputs);
        let got: { code: string; value: string } | undefined;
        try {
          const out = validateSubnets(inputs.map(({ lo: _lo, hi: _hi, ...rest }) => rest));
          expect(out.map((s) => s.name)).toEqual(inputs.map((s) => s.name));
        } catch (e) {
          expect(e).toBeInstanceOf(KubeModelError);
          got = { code: (e as KubeModelError).code, value: (e as KubeModelError).value };
        }
        expect(got).toEqual(want);
      }),
      { numRuns: 500 },
    );
  });
});
