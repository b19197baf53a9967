/**
 * The shared address codec (src/wire/address.ts) against oracles that need no daemon: libuv's
 * inet_pton (node:net isIPv6) decides which IPv6 texts are addresses, the WHATWG URL parser decides
 * their bytes, and every byte string survives format → parse. ovs-ofctl's printing is compared in
 * test/integration/wire/address-ovs-ofctl.test.ts.
 */
import { isIPv6 } from 'node:net';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatIp,
  formatIpv4,
  formatIpv6,
  formatMac,
  ipFromText,
  ipv4FromText,
  ipv6FromText,
  macFromText,
} from '../../../src/wire/address.js';
import { toHex } from '../../../src/wire/index.js';

/** Bytes of an IPv6 text as the URL standard parses it, or undefined when it refuses it. */
function urlBytes(text: string): string | undefined {
  let host: string;
  try {
    host = new URL(`http://[${text}]/`).hostname;
  } catch {
    return undefined;
  }
  const b = ipv6FromText(host.slice(1, -1));
  return b === undefined ? 'unparsable-canonical' : toHex(b);
}

const group = fc
  .integer({ min: 0, max: 0xffff })
  .chain((v) => fc.constantFrom(v.toString(16), v.toString(16).toUpperCase(), v.toString(16).padStart(4, '0')));
const octet = fc.integer({ min: 0, max: 255 });

/** IPv6-like texts: valid forms and near misses (group counts off by one, ':::' , 5-digit groups, zero-padded tails). */
const ipv6ish = fc
  .record({
    groups: fc.array(group, { minLength: 0, maxLength: 9 }),
    dbl: fc.option(fc.integer({ min: 0, max: 9 }), { nil: undefined }),
    tail: fc.option(fc.tuple(octet, octet, octet, octet), { nil: undefined }),
    padTail: fc.boolean(),
    noise: fc.constantFrom('', '', '', ':', ':::', '12345', '.', 'g', '%eth0', ' '),
    noiseAt: fc.nat(),
  })
  .map(({ groups, dbl, tail, padTail, noise, noiseAt }) => {
    const parts = groups.slice();
    let s: string;
    if (dbl === undefined) s = parts.join(':');
    else {
      const at = Math.min(dbl, parts.length);
      s = `${parts.slice(0, at).join(':')}::${parts.slice(at).join(':')}`;
    }
    if (tail !== undefined) {
      const t = tail.map((x, i) => (padTail && i === 1 ? String(x).padStart(3, '0') : String(x))).join('.');
      s = s.endsWith(':') || s === '' ? `${s}${s === '' ? '::' : ''}${t}` : `${s}:${t}`;
    }
    if (noise !== '') {
      const k = noiseAt % (s.length + 1);
      s = s.slice(0, k) + noise + s.slice(k);
    }
    return s;
  });

describe('IPv6 text', () => {
  it('accepts exactly what inet_pton (libuv) accepts, with the bytes the URL parser gives', () => {
    let accepted = 0;
    fc.assert(
      fc.property(ipv6ish, (text) => {
        const ours = ipv6FromText(text);
        const theirs = isIPv6(text) && !text.includes('%');
        expect(ours !== undefined, text).toBe(theirs);
        if (ours !== undefined) {
          accepted++;
          expect(toHex(ours), text).toBe(urlBytes(text));
        }
      }),
      { numRuns: 20_000, seed: 4291 },
    );
    expect(accepted).toBeGreaterThan(2000);
  });

  it('the cases the five old parsers disagreed on', () => {
    expect(ipv6FromText('1:2:3:4:5:6:7::8')).toBeUndefined();
    expect(ipv6FromText('1:2:3:4:5:6:7:8:9')).toBeUndefined();
    expect(ipv6FromText('::01.2.3.4')).toBeUndefined();
    expect(ipv6FromText('fe80::1%eth0')).toBeUndefined();
    expect(ipv6FromText('1::2::3')).toBeUndefined();
    expect(toHex(ipv6FromText('1:2:3:4:5:6:1.2.3.4')!)).toBe('00010002000300040005000601020304');
    expect(toHex(ipv6FromText('::')!)).toBe('0'.repeat(32));
  });

  it("format → parse gives the same 16 bytes, with inet_ntop's dotted forms", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 16, maxLength: 16 }), fc.integer({ min: 0, max: 15 }), (b, zeros) => {
        b.fill(0, 0, zeros); // long zero runs at the start exercise the compressed and dotted forms
        const text = formatIpv6(b);
        expect(toHex(ipv6FromText(text)!), text).toBe(toHex(b));
        expect(text).toBe(text.toLowerCase());
      }),
      { numRuns: 5000 },
    );
    expect(formatIpv6(ipv6FromText('::ffff:1.2.3.4')!)).toBe('::ffff:1.2.3.4');
    expect(formatIpv6(ipv6FromText('::102:304')!)).toBe('::1.2.3.4');
    expect(formatIpv6(ipv6FromText('::1')!)).toBe('::1');
    expect(formatIpv6(ipv6FromText('1:0:0:2:0:0:0:3')!)).toBe('1:0:0:2::3');
    expect(formatIpv6(ipv6FromText('1:0:2:3:4:5:6:7')!)).toBe('1:0:2:3:4:5:6:7');
  });
});

describe('IPv4 and MAC text', () => {
  it('IPv4: four decimal parts 0..255 (leading zeros decimal, as OVS reads them)', () => {
    expect([...ipv4FromText('010.1.2.255')!]).toEqual([10, 1, 2, 255]);
    for (const bad of [
      '1.2.3',
      '1.2.3.4.5',
      '256.1.1.1',
      '1.2.3.-1',
      '1.2.3.0x1',
      '1..2.3',
      '',
      ' 1.2.3.4',
      '1.2.3.4 ',
    ]) {
      expect(ipv4FromText(bad), bad).toBeUndefined();
    }
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 4, maxLength: 4 }), (b) => {
        expect(toHex(ipv4FromText(formatIpv4(b))!)).toBe(toHex(b));
      }),
    );
  });

  it('MAC: six hex bytes separated by colons', () => {
    expect(formatMac(macFromText('0:A:bc:DE:f:01')!)).toBe('00:0a:bc:de:0f:01');
    for (const bad of [
      '00-00-00-00-00-01',
      '00:00:00:00:00',
      '00:00:00:00:00:00:00',
      '000:00:00:00:00:01',
      'gg:00:00:00:00:01',
    ]) {
      expect(macFromText(bad), bad).toBeUndefined();
    }
  });

  it('ipFromText / formatIp pick the family; nothing throws on any string', () => {
    expect(formatIp(ipFromText('2001:db8::1')!)).toBe('2001:db8::1');
    expect(formatIp(ipFromText('10.16.0.8')!)).toBe('10.16.0.8');
    expect(formatIp(new Uint8Array(5))).toBeUndefined();
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (s) => {
        ipFromText(s);
        macFromText(s);
      }),
      { numRuns: 5000 },
    );
  });
});
