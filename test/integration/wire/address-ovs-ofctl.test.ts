/**
 * The shared address codec against ovs-ofctl: the addresses we print are the ones ovs-ofctl prints
 * (inet_ntop) after reading our text back, for random IPv6 and IPv4 addresses over the full range,
 * and both read the same forms (leading-zero IPv4 parts, dotted IPv6 tails).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../../src/testing/random.js';
import { formatIpv4, formatIpv6, ipv4FromText, ipv6FromText } from '../../../src/wire/address.js';

const dir = mkdtempSync(join(tmpdir(), 'addr-ofctl-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `ovs-ofctl parse-flows` over one flow per line; returns the printed match text per flow. */
function ofctlMatches(flows: readonly string[]): string[] {
  const f = join(dir, 'flows.txt');
  writeFileSync(f, flows.join('\n') + '\n');
  const out = execFileSync('ovs-ofctl', ['parse-flows', f], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return out
    .split('\n')
    .filter((l) => l.includes('FLOW_MOD'))
    .map((l) => l.replace(/^.*ADD /, '').replace(/ actions=.*$/, ''));
}

describe("addresses: our text equals ovs-ofctl's", () => {
  it('2,000 random IPv6 addresses (zero runs of every length) print as ovs-ofctl prints them', () => {
    const rnd = seededRandom(8200);
    const addrs: Uint8Array[] = [];
    for (let i = 0; i < 2000; i++) {
      const b = new Uint8Array(16);
      for (let j = 0; j < 16; j++) b[j] = rnd() < 0.5 ? 0 : Math.floor(rnd() * 256);
      if (i % 7 === 0) b.fill(0, 0, 10 + (i % 6)); // IPv4-compatible / mapped shapes
      if (i % 11 === 0) b.set([0xff, 0xff], 10);
      addrs.push(b);
    }
    const printed = ofctlMatches(addrs.map((b) => `ipv6,ipv6_src=${formatIpv6(b)},actions=drop`));
    expect(printed.length).toBe(addrs.length);
    addrs.forEach((b, i) => {
      expect(printed[i]).toBe(`ipv6,ipv6_src=${formatIpv6(b)}`);
    });
  });

  it('IPv4 with leading zeros and IPv6 with dotted tails are read alike', () => {
    const texts = ['010.001.000.255', '1.2.3.4', '255.255.255.255'];
    const printed = ofctlMatches(texts.map((t) => `ip,nw_src=${t},actions=drop`));
    texts.forEach((t, i) => expect(printed[i]).toBe(`ip,nw_src=${formatIpv4(ipv4FromText(t)!)}`));
    const v6 = ['::ffff:10.1.2.3', '1:2:3:4:5:6:1.2.3.4', '::1.2.3.4', '2001:DB8::A'];
    const printed6 = ofctlMatches(v6.map((t) => `ipv6,ipv6_src=${t},actions=drop`));
    v6.forEach((t, i) => expect(printed6[i]).toBe(`ipv6,ipv6_src=${formatIpv6(ipv6FromText(t)!)}`));
  });

  it('what ovs-ofctl refuses we refuse', () => {
    for (const bad of ['1:2:3:4:5:6:7::8', '1::2::3', '::01.2.3.4', '1:2:3:4:5:6:7:8:9']) {
      let refused = false;
      try {
        execFileSync('ovs-ofctl', ['parse-flow', `ipv6,ipv6_src=${bad},actions=drop`], { stdio: 'pipe' });
      } catch {
        refused = true;
      }
      expect(refused, bad).toBe(true);
      expect(ipv6FromText(bad), bad).toBeUndefined();
    }
  });
});
