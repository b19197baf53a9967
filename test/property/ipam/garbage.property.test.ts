/**
 * Random garbage never escapes as a TypeError or RangeError: every parser and constructor either
 * accepts its input or throws a typed IpamError / KubeModelError carrying the input.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  IpamError,
  SubnetAllocator,
  parseAddress,
  parseCidr,
  parseCidrBlock,
  parseIpRange,
  parseMac,
} from '../../../src/ipam/index.js';
import { KubeModelError } from '../../../src/kube/model-errors.js';
import { defineSubnet } from '../../../src/kube/subnet-model.js';

// Strings built from the characters addresses are made of, so the parsers get past their first check.
const addrish = fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEF:./,-%x '.split('')), maxLength: 45 });
const anyText = fc.oneof(addrish, fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 20 }));

function typedOrOk(fn: () => unknown, cls: abstract new (...a: never[]) => Error, inputs: readonly string[]): void {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(cls);
    // the offending value is (part of) one of the inputs
    const value = (e as { value: string }).value;
    expect(inputs.some((i) => i.includes(value))).toBe(true);
  }
}

describe('garbage in, typed error out', () => {
  it('parsers', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        for (const f of [parseAddress, parseCidr, parseCidrBlock, parseIpRange, parseMac]) {
          try {
            f(s);
          } catch (e) {
            expect(e).toBeInstanceOf(IpamError);
            expect((e as IpamError).value).toBe(s);
          }
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('allocator constructor and requests', () => {
    fc.assert(
      fc.property(anyText, anyText, fc.array(anyText, { maxLength: 3 }), anyText, anyText, (cidr, gw, ex, ip, mac) => {
        typedOrOk(() => new SubnetAllocator({ cidr, gateway: gw, excludeIps: ex }), IpamError, [cidr, gw, ...ex]);
        const a = new SubnetAllocator({ cidr: '10.0.0.0/24,fd00::/120' }, { macSeed: 1 });
        typedOrOk(() => a.allocate('o', { ip, mac }), IpamError, [ip, mac]);
      }),
      { numRuns: 700 },
    );
  });

  it('defineSubnet', () => {
    fc.assert(
      fc.property(
        anyText,
        anyText,
        fc.array(anyText, { maxLength: 3 }),
        anyText,
        (cidrBlock, gateway, excludeIps, u2o) => {
          typedOrOk(
            () => defineSubnet({ name: 's', cidrBlock, gateway, excludeIps, u2oInterconnectionIP: u2o }),
            KubeModelError,
            [cidrBlock, gateway, ...excludeIps, u2o],
          );
        },
      ),
      { numRuns: 700 },
    );
  });
});
