/** Each documented error code of the message layer, provoked on purpose (docs/errors/openflow-msg.md). */
import { describe, expect, it } from 'vitest';
import { decodeMessage, encodeMessage, OfMessageError } from '../../../src/openflow/messages/index.js';
import { fromHex } from '../../../src/wire/index.js';

function code(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(OfMessageError);
    return (e as OfMessageError).code;
  }
  return undefined;
}

describe('message error codes', () => {
  it('OF_MSG_TOO_SHORT: under 8 bytes, or a header length under 8', () => {
    expect(code(() => decodeMessage(fromHex('0400')))).toBe('OF_MSG_TOO_SHORT');
    expect(code(() => decodeMessage(fromHex('0400000400000000')))).toBe('OF_MSG_TOO_SHORT');
  });

  it('OF_MSG_BAD_LENGTH: header length disagrees with the buffer, with the offset of the length field', () => {
    expect(code(() => decodeMessage(fromHex('0414000900000001')))).toBe('OF_MSG_BAD_LENGTH');
    expect(code(() => decodeMessage(fromHex('041400080000000100')))).toBe('OF_MSG_BAD_LENGTH');
    try {
      decodeMessage(fromHex('041400080000000100'));
    } catch (e) {
      expect((e as OfMessageError).offset).toBe(2);
    }
  });

  it('OF_MSG_BAD_LENGTH: a port_status whose port is cut short', () => {
    expect(code(() => decodeMessage(fromHex('040c0018000000000200000000000000' + '0000000100000000')))).toBe(
      'OF_MSG_BAD_LENGTH',
    );
  });

  it('OF_MSG_BAD_LENGTH: a fixed body shorter than its structure (role request of 12 bytes)', () => {
    expect(code(() => decodeMessage(fromHex('04180014000000010000000200000000' + '00000000')))).toBe(
      'OF_MSG_BAD_LENGTH',
    );
  });

  it('OF_MSG_TRUNCATED: an OF1.5 aggregate reply that ends inside its ofp_stats header, with the offset', () => {
    const bytes = fromHex('06130012000000010002000000000000' + '0000');
    expect(code(() => decodeMessage(bytes))).toBe('OF_MSG_TRUNCATED');
    try {
      decodeMessage(bytes);
    } catch (e) {
      expect((e as OfMessageError).offset).toBe(18);
    }
  });

  it('OF_MSG_BAD_VERSION: version byte 7 on a non-hello message', () => {
    expect(code(() => decodeMessage(fromHex('0714000800000001')))).toBe('OF_MSG_BAD_VERSION');
  });

  it('OF_MSG_TOO_LONG: a packet-out whose data makes it exceed 65535 bytes', () => {
    expect(
      code(() =>
        encodeMessage({
          type: 'packetOut',
          version: 4,
          xid: 1,
          bufferId: 0xffffffff,
          inPort: 1,
          actions: [],
          data: new Uint8Array(70_000),
        }),
      ),
    ).toBe('OF_MSG_TOO_LONG');
  });

  it('OF_MSG_UNSUPPORTED: a group_mod in OpenFlow 1.0, NXT_SET_FLOW_FORMAT after 1.0', () => {
    expect(
      code(() =>
        encodeMessage({ type: 'groupMod', version: 1, xid: 1, command: 0, groupType: 0, groupId: 1, buckets: [] }),
      ),
    ).toBe('OF_MSG_UNSUPPORTED');
    expect(code(() => encodeMessage({ type: 'nxSetFlowFormat', version: 4, xid: 1, format: 2 }))).toBe(
      'OF_MSG_UNSUPPORTED',
    );
  });

  it('OF_MSG_BAD_VALUE: a field out of range, a hardware address of the wrong size', () => {
    expect(code(() => encodeMessage({ type: 'setConfig', version: 4, xid: 1, flags: 0x10000, missSendLen: 0 }))).toBe(
      'OF_MSG_BAD_VALUE',
    );
    expect(
      code(() =>
        encodeMessage({
          type: 'portMod',
          version: 4,
          xid: 1,
          portNo: 1,
          hwAddr: new Uint8Array(5),
          config: 0,
          mask: 0,
          advertise: 0,
        }),
      ),
    ).toBe('OF_MSG_BAD_VALUE');
  });

  it('an encoder failure leaves the shared scratch buffer usable for the next message', () => {
    expect(code(() => encodeMessage({ type: 'setConfig', version: 4, xid: 1, flags: -1, missSendLen: 0 }))).toBe(
      'OF_MSG_BAD_VALUE',
    );
    expect(Buffer.from(encodeMessage({ type: 'barrierRequest', version: 4, xid: 9 })).toString('hex')).toBe(
      '0414000800000009',
    );
  });
});
