/**
 * natOutgoingPolicyRules against a reference of Kube-OVN's validator (pkg/util/validator.go
 * validateNatOutGoingPolicyRuleIPs: each comma-separated item an address or CIDR, one family per list,
 * src and dst of one family): random lists drawn from valid v4 / v6 items and garbage are accepted exactly
 * when the reference accepts them; otherwise the error is NatPolicyRuleError, never anything else.
 * Accepted rules render one MARK rule per rule in their family's subnet chain.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NatPolicyRuleError } from '../../../src/kube/model-errors.js';
import { renderNatOutgoing } from '../../../src/kube/nat-rules.js';
import { defineSubnet, type NatOutgoingPolicyRule } from '../../../src/kube/subnet-model.js';

type Item = { text: string; family: 4 | 6 | 'bad' };
const v4 = fc
  .tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.option(fc.integer({ min: 0, max: 32 })))
  .map(([a, b, p]): Item => ({ text: `10.${a}.${b}.1${p === null ? '' : `/${p}`}`, family: 4 }));
const v6 = fc
  .tuple(fc.integer({ min: 0, max: 0xffff }), fc.option(fc.integer({ min: 0, max: 128 })))
  .map(([a, p]): Item => ({ text: `fd00:${a.toString(16)}::1${p === null ? '' : `/${p}`}`, family: 6 }));
const bad = fc
  .constantFrom('', ' ', 'x', '10.0.0.256', '10.0.0.0/33', 'fd00::/129', '1.2.3', ':::', '10.0.0.1/', 'a,b')
  .map((text): Item => ({ text, family: 'bad' }));
const list = fc.array(fc.oneof({ weight: 3, arbitrary: v4 }, { weight: 3, arbitrary: v6 }, bad), { maxLength: 3 });

function familyOf(items: readonly Item[]): 4 | 6 | 'bad' | undefined {
  // An empty list text is no match at all (`if rule.Match.SrcIPs != ""`).
  if (items.map((i) => i.text).join(',') === '') return undefined;
  if (items.some((i) => i.family === 'bad')) return 'bad';
  return items.every((i) => i.family === items[0]!.family) ? (items[0]!.family as 4 | 6) : 'bad';
}

describe('natOutgoingPolicyRules (property)', () => {
  it('accepted exactly as the reference accepts; otherwise NatPolicyRuleError', () => {
    fc.assert(
      fc.property(list, list, fc.constantFrom('nat', 'forward'), (src, dst, action) => {
        const sf = familyOf(src);
        const df = familyOf(dst);
        const ok =
          sf !== 'bad' &&
          df !== 'bad' &&
          (sf ?? df) !== undefined &&
          (sf === undefined || df === undefined || sf === df);
        const rule: NatOutgoingPolicyRule = {
          match: {
            ...(src.length ? { srcIPs: src.map((i) => i.text).join(',') } : {}),
            ...(dst.length ? { dstIPs: dst.map((i) => i.text).join(',') } : {}),
            // (an empty string stays in the rule: it must count as no list)
          },
          action: action as 'nat' | 'forward',
        };
        let thrown: unknown;
        let subnet;
        try {
          subnet = defineSubnet({
            name: 's',
            cidrBlock: '10.1.0.0/16,fd00:1::/64',
            natOutgoing: true,
            natOutgoingPolicyRules: [rule],
          });
        } catch (e) {
          thrown = e;
        }
        if (!ok) {
          expect(thrown).toBeInstanceOf(NatPolicyRuleError);
          return;
        }
        expect(thrown).toBeUndefined();
        const fam = (sf ?? df) as 4 | 6;
        const plan = renderNatOutgoing([subnet!], { protocol: 'Dual' });
        const chains = plan.chains.filter((c) => c.name.startsWith('OVN-NAT-PSUBNET-'));
        expect(chains.map((c) => c.family).sort()).toEqual([4, 6]);
        const marks = plan.rules.filter((r) => r.chain.startsWith('OVN-NAT-PSUBNET-'));
        expect(marks.map((r) => r.family)).toEqual([fam]);
        expect(marks[0]!.spec.at(-1)).toBe(action === 'nat' ? '0x90001/0x90001' : '0x90002/0x90002');
      }),
      { numRuns: 500 },
    );
  });
});
