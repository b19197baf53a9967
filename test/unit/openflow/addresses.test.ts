/**
 * The flow syntax reads addresses through the shared codec (src/wire/address.ts): malformed IPv6 and
 * IPv4 text gives the parser's typed error with its position — never a bare RangeError — and forms
 * ovs-ofctl refuses (`1:2:3:4:5:6:7::8`) are refused (issue #15 item 4).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFlow } from '../../../src/openflow/index.js';
import { expectSdkError } from '../../helpers/errors.js';

describe('addresses in flow text', () => {
  it('malformed IPv6 in a match and in a nat() range: OF_TEXT_BAD_VALUE with the position', () => {
    expect(expectSdkError(() => parseFlow('ipv6,ipv6_src=1:2:3:4:5:6:7:8::9,actions=drop', 4))).toMatchObject({
      code: 'OF_TEXT_BAD_VALUE',
    });
    expect(expectSdkError(() => parseFlow('ipv6,ipv6_src=1:2:3:4:5:6:7::8,actions=drop', 4))).toMatchObject({
      code: 'OF_TEXT_BAD_VALUE',
    });
    expect(expectSdkError(() => parseFlow('ip,actions=ct(commit,nat(src=1:2:3:4:5:6:7:8::9))', 4))).toMatchObject({
      code: 'OF_TEXT_BAD_VALUE',
    });
    expect(expectSdkError(() => parseFlow('ip,nw_src=1.2.3.256,actions=drop', 4))).toMatchObject({
      code: 'OF_TEXT_BAD_VALUE',
    });
    expect(expectSdkError(() => parseFlow('dl_src=00:00:00:00:00,actions=drop', 4))).toMatchObject({
      code: 'OF_TEXT_BAD_VALUE',
    });
  });

  it('forms ovs-ofctl reads are read the same way', () => {
    expect(() => parseFlow('ipv6,ipv6_src=::1.2.3.4,actions=drop', 4)).not.toThrow();
    expect(() => parseFlow('ip,nw_src=010.1.2.3,actions=drop', 4)).not.toThrow();
    expect(() => parseFlow('ipv6,ipv6_src=2001:DB8::A/64,actions=drop', 4)).not.toThrow();
  });

  it('random colon-and-hex texts as ipv6_src: a flow or a typed error, nothing else', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9a-f:.]{1,45}$/), (text) => {
        try {
          parseFlow(`ipv6,ipv6_src=${text},actions=drop`, 4);
        } catch (e) {
          expect((e as { code?: string }).code, text).toMatch(/^OF_/);
        }
      }),
      { numRuns: 3000, seed: 15 },
    );
  });
});
