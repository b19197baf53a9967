/** GENEVE header: golden bytes, strict errors with offsets, default-mode warnings (RFC 8926 receive rules), encoder limits, OVN option. */
import { describe, expect, it } from 'vitest';
import {
  decodeGeneve,
  encodeGeneve,
  encodeGeneveInto,
  findOvnMetadata,
  GeneveView,
  ovnMetadataOption,
  ovnMetadataWord,
  parseOvnMetadata,
  PROTOCOL_TYPE,
} from '../../../src/geneve/index.js';
import { fromHex, toHex } from '../../../src/wire/index.js';
import { expectSdkError } from '../../helpers/errors.js';

// The example: vni 0x3, OVN option ingress 2 → egress 4 (OVS-LAB.md capture shows 00020004).
const OVN_FRAME_HEX = '02406558000003000102800100020004';

describe('golden bytes', () => {
  it('builds the OVN header byte for byte, setting C by itself', () => {
    const b = encodeGeneve({
      protocolType: PROTOCOL_TYPE.TRANSPARENT_ETHERNET_BRIDGING,
      vni: 3,
      options: [ovnMetadataOption({ ingressPort: 2, egressPort: 4 })],
    });
    expect(toHex(b)).toBe(OVN_FRAME_HEX);
  });
  it('parses it back', () => {
    const g = decodeGeneve(fromHex(OVN_FRAME_HEX));
    expect(g).toMatchObject({
      version: 0,
      optLen: 2,
      oam: false,
      critical: true,
      rsvd: 0,
      protocolType: 0x6558,
      vni: 3,
      reserved: 0,
      headerLength: 16,
    });
    expect(findOvnMetadata(g)).toEqual({ ingressPort: 2, egressPort: 4, rsvd: 0, multicast: false });
    const v = new GeneveView().decode(fromHex(OVN_FRAME_HEX));
    expect(ovnMetadataWord(v)).toBe(0x00020004);
  });
  it('OVN option: 15-bit ingress, 16-bit egress, multicast ≥ 0x8000, reserved bit kept', () => {
    const o = ovnMetadataOption({ ingressPort: 0x7fff, egressPort: 0x8001, rsvd: 1 });
    expect(toHex(o.data)).toBe('ffff8001');
    expect(parseOvnMetadata(o)).toEqual({ ingressPort: 0x7fff, egressPort: 0x8001, rsvd: 1, multicast: true });
    expect(expectSdkError(() => ovnMetadataOption({ ingressPort: 0x8000, egressPort: 1 })).code).toBe(
      'GENEVE_OVN_OPTION_INVALID',
    );
    expect(expectSdkError(() => ovnMetadataOption({ ingressPort: 1, egressPort: 0x10000 })).code).toBe(
      'GENEVE_OVN_OPTION_INVALID',
    );
    expect(
      expectSdkError(() => parseOvnMetadata({ optionClass: 0x0102, type: 0x80, rsvd: 0, data: new Uint8Array(8) }))
        .code,
    ).toBe('GENEVE_OVN_OPTION_INVALID');
    expect(
      expectSdkError(() => parseOvnMetadata({ optionClass: 0x0101, type: 0x80, rsvd: 0, data: new Uint8Array(4) }))
        .code,
    ).toBe('GENEVE_OVN_OPTION_INVALID');
  });
  it('encodes into a caller buffer at an offset', () => {
    const buf = new Uint8Array(40).fill(0xee);
    const n = encodeGeneveInto({ protocolType: 0x0800, vni: 0xabcdef, oam: true, rsvd: 0x3f, reserved: 0x5a }, buf, 5);
    expect(n).toBe(8);
    expect(toHex(buf.subarray(0, 14))).toBe('eeeeeeeeee' + '00bf0800abcdef5a' + 'ee');
  });
  it('decoded option data and payload alias the input', () => {
    const b = fromHex(OVN_FRAME_HEX + 'aabb');
    const g = decodeGeneve(b);
    b[12] = 0x77;
    b[16] = 0x99;
    expect(g.options[0]!.data[0]).toBe(0x77);
    expect(g.payload[0]).toBe(0x99);
  });
});

describe('strict validation: typed errors with the byte offset', () => {
  it('truncated header', () => {
    expect(expectSdkError(() => decodeGeneve(fromHex('02406558000003')))).toMatchObject({
      code: 'GENEVE_TRUNCATED',
      offset: 0,
    });
    expect(expectSdkError(() => decodeGeneve(fromHex('ffff' + OVN_FRAME_HEX), 2, 9))).toMatchObject({
      code: 'GENEVE_TRUNCATED',
      offset: 2,
    });
  });
  it('version ≠ 0', () => {
    for (const v of [1, 2, 3]) {
      const b = fromHex(OVN_FRAME_HEX);
      b[0] = (v << 6) | 2;
      expect(expectSdkError(() => decodeGeneve(b))).toMatchObject({ code: 'GENEVE_BAD_VERSION', offset: 0 });
      expect(expectSdkError(() => decodeGeneve(b, 0, b.length, { strict: true })).code).toBe('GENEVE_BAD_VERSION');
    }
  });
  it('Opt Len past the end of the packet', () => {
    expect(expectSdkError(() => decodeGeneve(fromHex('03406558000003000102800100020004')))).toMatchObject({
      code: 'GENEVE_OPT_LEN_PAST_END',
      offset: 0,
    });
    expect(expectSdkError(() => decodeGeneve(fromHex('3f006558000003000102800100020004')))).toMatchObject({
      code: 'GENEVE_OPT_LEN_PAST_END',
      offset: 0,
    });
  });
  it('an option overrunning the options area (scapy geneve.uts case)', () => {
    expect(expectSdkError(() => decodeGeneve(fromHex('0240655800000000000181020a0a0b0b0001')))).toMatchObject({
      code: 'GENEVE_OPTION_OVERRUN',
      offset: 8,
    });
    // second option overruns
    expect(expectSdkError(() => decodeGeneve(fromHex('03006558000000000001000000010002aaaa0000')))).toMatchObject({
      code: 'GENEVE_OPTION_OVERRUN',
      offset: 12,
    });
  });
  it('reserved bits, C clear with a critical option, C set with none — strict throws, the default (RFC 8926 receive rules) warns', () => {
    const cases: [string, string, number][] = [
      ['00016558000003000000', 'GENEVE_RESERVED_SET', 0],
      ['00006558000003010000', 'GENEVE_RESERVED_SET', 0],
      ['0100655800000300010200200000', 'GENEVE_RESERVED_SET', 11],
      ['02006558000003000102800100020004', 'GENEVE_CRITICAL_NOT_FLAGGED', 1],
      ['00406558000003000000', 'GENEVE_CRITICAL_WITHOUT_OPTION', 1],
    ];
    for (const [hex, code, offset] of cases) {
      const b = fromHex(hex);
      expect(
        expectSdkError(() => decodeGeneve(b, 0, b.length, { strict: true })),
        hex,
      ).toMatchObject({ code, offset });
      expect(
        expectSdkError(() => new GeneveView().decode(b, 0, b.length, { strict: true })),
        hex,
      ).toMatchObject({ code, offset });
      const d = decodeGeneve(b);
      expect(d.warnings, hex).toEqual([expect.objectContaining({ code, offset })]);
      const v = new GeneveView().decode(b);
      expect(v.warnings, hex).toEqual([expect.objectContaining({ code, offset })]);
      expect(toHex(encodeGeneve(d, d.payload))).toBe(hex);
    }
  });
});

describe('encoder limits', () => {
  const opt = (words: number) => ({ optionClass: 1, type: 1, rsvd: 0, data: new Uint8Array(words * 4) });
  it('options over 252 bytes', () => {
    // 2 × (4 + 124) = 256 bytes
    expect(
      expectSdkError(() => encodeGeneve({ protocolType: 0x6558, vni: 1, options: [opt(31), opt(31)] })),
    ).toMatchObject({ code: 'GENEVE_OPTIONS_TOO_LONG' });
    // exactly 252 fits: Opt Len 63 (the value scapy 2.5 corrupts to 47)
    const b = encodeGeneve({ protocolType: 0x6558, vni: 1, options: [opt(31), opt(30)] });
    expect(b[0]! & 0x3f).toBe(63);
    expect(decodeGeneve(b).options.map((o) => o.data.length)).toEqual([124, 120]);
  });
  it('option data not a multiple of 4 or over 124 bytes', () => {
    expect(
      expectSdkError(() =>
        encodeGeneve({
          protocolType: 1,
          vni: 1,
          options: [{ optionClass: 1, type: 1, rsvd: 0, data: new Uint8Array(3) }],
        }),
      ).code,
    ).toBe('GENEVE_OPTION_DATA_LENGTH');
    expect(expectSdkError(() => encodeGeneve({ protocolType: 1, vni: 1, options: [opt(32)] })).code).toBe(
      'GENEVE_OPTION_DATA_LENGTH',
    );
  });
  it('fields out of range', () => {
    expect(expectSdkError(() => encodeGeneve({ protocolType: 1, vni: 0x1000000 })).code).toBe('WIRE_RANGE');
    expect(expectSdkError(() => encodeGeneve({ protocolType: 1, vni: 1, version: 4 })).code).toBe('WIRE_RANGE');
    expect(expectSdkError(() => encodeGeneve({ protocolType: 1, vni: 1, rsvd: 64 })).code).toBe('WIRE_RANGE');
    expect(expectSdkError(() => encodeGeneveInto({ protocolType: 1, vni: 1 }, new Uint8Array(7))).code).toBe(
      'WIRE_RANGE',
    );
  });
  it('option lengths 16–31 and Opt Len 16–63 survive (the widths gopacket and scapy get wrong)', () => {
    for (const w of [15, 16, 17, 23, 31]) {
      const b = encodeGeneve({
        protocolType: 0x6558,
        vni: 7,
        options: [{ optionClass: 0xffff, type: 0xff, rsvd: 7, data: new Uint8Array(w * 4).fill(w) }],
      });
      const d = decodeGeneve(b);
      expect(d.optLen).toBe(w + 1);
      expect(d.options[0]!.data.length).toBe(w * 4);
      expect(d.options[0]!.rsvd).toBe(7);
      expect(d.critical).toBe(true);
    }
  });
});
