import { describe, expect, it } from 'vitest';
import {
  InvalidAddressError,
  InvalidCidrError,
  InvalidRangeError,
  canonicalAddress,
  cidrsOverlap,
  formatAddress,
  formatRange,
  kubeAddressCount,
  parseAddress,
  parseCidr,
  parseCidrBlock,
  parseIpRange,
} from '../../../src/ipam/index.js';
import { expectSdkError } from '../../helpers/errors.js';

describe('parseCidr', () => {
  it('parses IPv4 and IPv6 blocks with usable bounds', () => {
    const c = parseCidr('10.16.0.0/16');
    expect(c).toMatchObject({ family: 4, prefix: 16, text: '10.16.0.0/16' });
    expect(formatAddress(4, c.firstUsable)).toBe('10.16.0.1');
    expect(formatAddress(4, c.lastUsable)).toBe('10.16.255.254');
    expect(formatAddress(4, c.last)).toBe('10.16.255.255');
    const v6 = parseCidr('FD00:10:16:0::/64');
    expect(v6.text).toBe('fd00:10:16::/64');
    expect(formatAddress(6, v6.firstUsable)).toBe('fd00:10:16::1');
    expect(formatAddress(6, v6.lastUsable)).toBe('fd00:10:16:0:ffff:ffff:ffff:fffe');
  });

  it('treats /31 and /127 as point-to-point (both addresses usable)', () => {
    const c = parseCidr('10.0.0.0/31');
    expect(c.firstUsable).toBe(c.network);
    expect(c.lastUsable).toBe(c.last);
    expect(kubeAddressCount(c)).toBe(2n);
    expect(kubeAddressCount(parseCidr('fd00::/127'))).toBe(2n);
  });

  it('counts as Kube-OVN AddressCount: 2^(bits-prefix) - 2 for both families', () => {
    expect(kubeAddressCount(parseCidr('10.16.0.0/16'))).toBe(65534n);
    expect(kubeAddressCount(parseCidr('10.0.0.0/24'))).toBe(254n);
    expect(kubeAddressCount(parseCidr('fd00:10:16::/64'))).toBe(2n ** 64n - 2n);
    expect(kubeAddressCount(parseCidr('0.0.0.0/0'))).toBe(2n ** 32n - 2n);
  });

  it.each([
    ['10.16.0.5/16', /host bits/],
    ['10.16.0.0', /ADDRESS\/PREFIX/],
    ['10.16.0.0/33', /exceeds/],
    ['10.16.0.1/32', /no usable/],
    ['fd00::1/128', /no usable/],
    ['10.16.0.0/016', /decimal/],
    ['10.16.0.0/-1', /decimal/],
    ['10.16.0/16', /./],
    ['10.16.0.0/16/1', /ADDRESS\/PREFIX/],
    ['fd00::/64x', /decimal/],
    ['', /./],
  ])('refuses %j with IPAM_INVALID_CIDR carrying the value', (text, reason) => {
    const e = expectSdkError(() => parseCidr(text));
    expect(e).toBeInstanceOf(InvalidCidrError);
    expect((e as InvalidCidrError).code).toBe('IPAM_INVALID_CIDR');
    expect((e as InvalidCidrError).value).toBe(text);
    expect((e as Error).message).toMatch(reason);
  });

  it('parses dual-stack blocks in either order, IPv4 first', () => {
    expect(parseCidrBlock('fd00:10:16::/64,10.16.0.0/16').map((c) => c.text)).toEqual([
      '10.16.0.0/16',
      'fd00:10:16::/64',
    ]);
  });

  it.each(['10.16.0.0/16,10.17.0.0/16', 'fd00::/64,fd01::/64', '10.0.0.0/8,fd00::/64,10.1.0.0/16', '10.16.0.0/16,'])(
    'refuses block %j',
    (text) => {
      const e = expectSdkError(() => parseCidrBlock(text));
      expect(e).toBeInstanceOf(InvalidCidrError);
    },
  );

  it('detects overlap only within a family', () => {
    expect(cidrsOverlap(parseCidr('10.0.0.0/8'), parseCidr('10.16.0.0/16'))).toBe(true);
    expect(cidrsOverlap(parseCidr('10.16.0.0/16'), parseCidr('10.17.0.0/16'))).toBe(false);
    expect(cidrsOverlap(parseCidr('10.16.0.0/16'), parseCidr('fd00::/8'))).toBe(false);
  });
});

describe('parseAddress', () => {
  it('parses and formats canonically', () => {
    expect(parseAddress('10.16.0.1')).toEqual({ family: 4, value: 0x0a100001n });
    expect(canonicalAddress('FD00:0010:0016:0000:0000:0000:0000:0001')).toBe('fd00:10:16::1');
    expect(formatAddress(4, 0xffffffffn)).toBe('255.255.255.255');
    expect(formatAddress(4, 0n)).toBe('0.0.0.0');
  });

  it.each([
    ['10.16.0.1/16', /prefix length/],
    ['fd00::1%eth0', /zone/],
    [' 10.16.0.1', /whitespace/],
    ['10.16.0.256', /./],
    ['010.16.0.1', /leading zero/],
    ['fd00:::1', /./],
    ['hello', /./],
    ['', /empty/],
  ])('refuses %j with IPAM_INVALID_ADDRESS', (text, reason) => {
    const e = expectSdkError(() => parseAddress(text));
    expect(e).toBeInstanceOf(InvalidAddressError);
    expect((e as InvalidAddressError).code).toBe('IPAM_INVALID_ADDRESS');
    expect((e as InvalidAddressError).value).toBe(text);
    expect((e as Error).message).toMatch(reason);
  });

  it('refuses the wrong family when one is required', () => {
    expect(expectSdkError(() => parseAddress('fd00::1', 4))).toBeInstanceOf(InvalidAddressError);
  });
});

describe('parseIpRange', () => {
  it('parses single addresses and ranges', () => {
    expect(parseIpRange('10.66.0.1..10.66.0.10')).toEqual({ family: 4, start: 0x0a420001n, end: 0x0a42000an });
    expect(parseIpRange('10.66.0.1')).toEqual({ family: 4, start: 0x0a420001n, end: 0x0a420001n });
    expect(formatRange(4, 0x0a420001n, 0x0a42000an)).toBe('10.66.0.1..10.66.0.10');
    expect(formatRange(6, 1n, 1n)).toBe('::1');
  });

  it.each([
    ['10.66.0.10..10.66.0.1', /start is after end/],
    ['10.66.0.1..fd00::1', /different families/],
    ['10.66.0.1..10.66.0.2..10.66.0.3', /more than one/],
    ['10.66.0.1..', /./],
    ['..10.66.0.1', /./],
    ['10.66.0.x', /./],
  ])('refuses %j with IPAM_INVALID_RANGE', (text, reason) => {
    const e = expectSdkError(() => parseIpRange(text));
    expect(e).toBeInstanceOf(InvalidRangeError);
    expect((e as InvalidRangeError).code).toBe('IPAM_INVALID_RANGE');
    expect((e as InvalidRangeError).value).toBe(text);
    expect((e as Error).message).toMatch(reason);
  });
});
