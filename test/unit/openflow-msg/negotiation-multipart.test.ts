import { describe, expect, it } from 'vitest';
import {
  decodeMessage,
  encodeMessage,
  helloFor,
  helloVersions,
  MultipartAssembler,
  negotiateVersion,
  OfMultipartError,
  OfNegotiationError,
} from '../../../src/openflow/messages/index.js';
import type { Hello, MultipartReply } from '../../../src/openflow/messages/index.js';
import { fromHex } from '../../../src/wire/index.js';

const hello = (hex: string) => decodeMessage(fromHex(hex)) as Hello;

describe('hello version negotiation (OpenFlow 1.5.1 §6.3.1)', () => {
  it('encodes our hello with bitmap 0x04, 0x06 (ovs-ofctl reads it: test/integration/openflow-msg/hello-ofctl.test.ts)', () => {
    const hex = Buffer.from(encodeMessage(helloFor([0x06, 0x04], 0))).toString('hex');
    expect(hex).toBe('06000010000000000001000800000050');
  });

  it('reads the bitmap of the OVS "hello with version bitmap" vector', () => {
    expect(helloVersions(hello('010000100000000000010008000000f0'))).toEqual([4, 5, 6, 7]);
  });

  it('without a bitmap, the peer speaks every version up to its header version', () => {
    expect(helloVersions(hello('0400000800000000'))).toEqual([1, 2, 3, 4]);
  });

  it('picks the highest common version when both sides send bitmaps', () => {
    expect(negotiateVersion([0x04, 0x06], hello('010000100000000000010008000000f0'))).toBe(0x06);
    expect(negotiateVersion([0x01, 0x04], hello('0600001000000000000100080000005a'))).toBe(0x04);
  });

  it('without a peer bitmap, picks min(our max, peer version) if we speak it', () => {
    expect(negotiateVersion([0x01, 0x04, 0x06], hello('0400000800000000'))).toBe(0x04);
    expect(negotiateVersion([0x01, 0x04], hello('0600000800000000'))).toBe(0x04);
    expect(() => negotiateVersion([0x01, 0x04, 0x06], hello('0500000800000000'))).toThrow(OfNegotiationError);
  });

  it('fails with OF_NO_COMMON_VERSION when nothing is shared', () => {
    expect(() => negotiateVersion([0x06], hello('0100001000000000000100080000001a'))).toThrow(OfNegotiationError);
    try {
      negotiateVersion([0x04], hello('0100000800000000'));
    } catch (e) {
      expect((e as OfNegotiationError).code).toBe('OF_NO_COMMON_VERSION');
    }
  });
});

function part(xid: number, more: boolean, ports: number[]): MultipartReply {
  return {
    type: 'multipartReply',
    version: 0x04,
    xid,
    flags: more ? 1 : 0,
    body: {
      kind: 'portDesc',
      ports: ports.map((p) => ({
        portNo: p,
        hwAddr: new Uint8Array(6),
        name: `p${p}`,
        config: 0,
        state: 0,
        curr: 0,
        advertised: 0,
        supported: 0,
        peer: 0,
        currSpeed: 0,
        maxSpeed: 0,
      })),
    },
  };
}

describe('MultipartAssembler', () => {
  it('joins MORE parts per xid, interleaved streams kept apart', () => {
    const a = new MultipartAssembler();
    expect(a.push(part(1, true, [1, 2]))).toBeNull();
    expect(a.push(part(2, true, [10]))).toBeNull();
    expect(a.pending).toBe(2);
    const one = a.push(part(1, false, [3]));
    expect(one?.body.kind === 'portDesc' && one.body.ports.map((p) => p.portNo)).toEqual([1, 2, 3]);
    expect(one?.flags).toBe(0);
    const two = a.push(part(2, false, []));
    expect(two?.body.kind === 'portDesc' && two.body.ports.map((p) => p.portNo)).toEqual([10]);
    expect(a.pending).toBe(0);
  });

  it('rejects a stream whose kind changes midway', () => {
    const a = new MultipartAssembler();
    a.push(part(5, true, [1]));
    const bad: MultipartReply = {
      type: 'multipartReply',
      version: 4,
      xid: 5,
      flags: 0,
      body: { kind: 'table', tables: [] },
    };
    expect(() => a.push(bad)).toThrow(OfMultipartError);
    expect(a.pending).toBe(0);
  });
});
