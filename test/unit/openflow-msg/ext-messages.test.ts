/**
 * Extension messages (ext.ts): typed fields read from OVS's own test vectors, multipart
 * reassembly of the list-valued extension replies, and every truncation / byte flip of their
 * encodings failing with a typed error (never a built-in exception).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SdkError } from '../../../src/errors.js';
import {
  decodeMessage,
  encodeMessage,
  formatMessage,
  MultipartAssembler,
  validateMessage,
} from '../../../src/openflow/messages/index.js';
import type { MultipartReply, OfMessage } from '../../../src/openflow/messages/index.js';

interface Vector {
  title: string;
  hex: string;
  ovs31_stdout: string;
}
const FILE = join(import.meta.dirname, '../../../../shared/vectors/openflow/ovs-tests/ofp-print.json');
const VECTORS = (JSON.parse(readFileSync(FILE, 'utf8')) as { vectors: Vector[] }).vectors;
const vec = (i: number) => decodeMessage(Buffer.from(VECTORS[i]!.hex, 'hex'));

/** The corpus vectors of the extension messages (OVS tests/ofp-print.at). */
const EXT_VECTORS = [
  105, 107, 110, 113, 116, 118, 167, 191, 143, 144, 145, 146, 147, 148, 149, 150, 157, 158, 159, 160, 161, 162, 163,
  164, 165, 166, 168, 169, 171, 172, 179, 180, 181, 182, 183, 184, 185, 186, 187, 189, 195, 198, 199, 200, 201, 202,
  203, 204, 205, 206, 207, 223, 224, 225, 226, 228, 229, 230, 231, 232, 233, 234, 235, 236, 237, 238, 239, 240, 241,
];

describe('extension messages: typed fields', () => {
  it('NXT_FLOW_MOD: NXM match, 16-bit out_port, actions', () => {
    const m = vec(189);
    expect(m.type).toBe('nxFlowMod');
    if (m.type !== 'nxFlowMod') return;
    expect(m.outPort).toBe(16);
    expect(m.match.map((f) => f.field)).toEqual(['tun_id', 'reg0']);
    expect(m.instructions).toHaveLength(1);
  });

  it('NXT_PACKET_IN: table, cookie, metadata match and the frame', () => {
    const m = vec(171);
    expect(m.type).toBe('nxPacketIn');
    if (m.type !== 'nxPacketIn') return;
    expect([m.tableId, m.cookie, m.totalLen, m.data.length, m.reason]).toEqual([7, 9n, 64, 64, 1]);
    expect(m.match.map((f) => f.field)).toContain('metadata');
  });

  it('flow monitor in its three encodings', () => {
    const nx = vec(202);
    const onf = vec(203);
    const of = vec(204);
    for (const [m, flavor] of [
      [nx, 'nx'],
      [onf, 'onf'],
      [of, 'of'],
    ] as const) {
      expect(m.type).toBe('multipartRequest');
      if (m.type !== 'multipartRequest' || m.body.kind !== 'flowMonitor') throw new Error('not a flow monitor request');
      expect(m.body.flavor).toBe(flavor);
    }
    if (of.type === 'multipartRequest' && of.body.kind === 'flowMonitor') {
      expect(of.body.monitors.map((e) => [e.id, e.command, e.outGroup])).toEqual([
        [4096, 0, 0xffffffff],
        [8192, 1, 64],
        [16384, 2, 64],
      ]);
    }
    const upd = vec(205);
    if (upd.type !== 'multipartReply' || upd.body.kind !== 'flowMonitor') throw new Error('not a flow update');
    expect(upd.body.updates[1]).toEqual({ event: 3, xid: 100000 });
  });

  it('NXT_CT_FLUSH keeps properties in wire order, unknown ones raw', () => {
    const m = vec(240);
    if (m.type !== 'nxCtFlush') throw new Error(m.type);
    expect(m.ipProto).toBe(6);
    expect(m.properties.map((p) => p.prop)).toEqual(['zone', 'origTuple', 'replyTuple']);
    const unknown = vec(236);
    if (unknown.type !== 'nxCtFlush') throw new Error(unknown.type);
    expect(unknown.properties.map((p) => (p.prop === 'unknown' ? p.propType : p.prop))).toEqual([3, 5]);
  });

  it('NXT_CT_FLUSH mixing IPv4 and IPv6 addresses is refused as OVS refuses it', () => {
    const v4 = Uint8Array.from([...new Array(10).fill(0), 0xff, 0xff, 10, 0, 0, 1]);
    const v6 = Uint8Array.from([0xfd, ...new Array(14).fill(0), 1]);
    const m: OfMessage = {
      type: 'nxCtFlush',
      version: 4,
      xid: 1,
      ipProto: 6,
      properties: [
        {
          prop: 'origTuple',
          fields: [
            { field: 'src', addr: v4 },
            { field: 'dst', addr: v6 },
          ],
        },
      ],
    };
    expect(() => validateMessage(m)).toThrow(
      expect.objectContaining({ code: 'OF_MSG_INVALID', ofpError: 'OFPBPC_BAD_VALUE' }),
    );
    expect(formatMessage(m)).toMatch(
      /^NXT_CT_FLUSH \(OF1\.3\) \(xid=0x1\): \*\*\*decode error: OFPBPC_BAD_VALUE\*\*\*\n00000000 /,
    );
  });

  it('role status and requestforward', () => {
    const rs = vec(162);
    expect(rs).toMatchObject({ type: 'roleStatus', role: 2, reason: 1, generationId: 16n });
    const rf = vec(169);
    expect(rf).toMatchObject({ type: 'requestForward', flavor: 'onf', request: { type: 'meterMod', meterId: 5 } });
  });

  it('a requestforward inner message must have the outer version', () => {
    const bytes = Buffer.from(VECTORS[163]!.hex, 'hex');
    bytes[8] = 4; // inner version OF1.3 inside an OF1.4 message
    expect(() => decodeMessage(bytes)).toThrow(expect.objectContaining({ code: 'OF_MSG_BAD_VERSION' }));
  });
});

describe('extension multipart replies reassemble', () => {
  it('NXST_FLOW and flow updates split with the MORE flag are joined', () => {
    const whole = vec(199) as MultipartReply;
    if (whole.body.kind !== 'nxFlow') throw new Error(whole.body.kind);
    const a: MultipartReply = { ...whole, flags: 1, body: { kind: 'nxFlow', flows: whole.body.flows.slice(0, 5) } };
    const b: MultipartReply = { ...whole, flags: 0, body: { kind: 'nxFlow', flows: whole.body.flows.slice(5) } };
    const asm = new MultipartAssembler();
    expect(asm.push(decodeMessage(encodeMessage(a)) as MultipartReply)).toBeNull();
    const joined = asm.push(decodeMessage(encodeMessage(b)) as MultipartReply)!;
    expect(Buffer.from(encodeMessage(joined)).toString('hex')).toBe(VECTORS[199]!.hex);

    const upd = vec(207) as MultipartReply;
    if (upd.body.kind !== 'flowMonitor') throw new Error(upd.body.kind);
    const u1: MultipartReply = { ...upd, flags: 1, body: { ...upd.body, updates: upd.body.updates.slice(0, 1) } };
    const u2: MultipartReply = { ...upd, flags: 0, body: { ...upd.body, updates: upd.body.updates.slice(1) } };
    expect(asm.push(u1)).toBeNull();
    expect(Buffer.from(encodeMessage(asm.push(u2)!)).toString('hex')).toBe(VECTORS[207]!.hex);
  });
});

describe('extension messages: malformed input gives typed errors', () => {
  /** Decoding must either succeed (then re-encode, and print when `print`) or throw an SdkError with a code. */
  function tryDecode(b: Uint8Array, print: boolean): void {
    let m: OfMessage;
    try {
      m = decodeMessage(b);
    } catch (e) {
      expect(e).toBeInstanceOf(SdkError);
      expect((e as SdkError).code).toMatch(/^(OF|WIRE)_/);
      return;
    }
    encodeMessage(m);
    if (!print) return;
    try {
      formatMessage(m);
    } catch (e) {
      expect(e).toBeInstanceOf(SdkError);
    }
  }

  it('every truncation of every vector (length field adjusted)', () => {
    let n = 0;
    for (const i of EXT_VECTORS) {
      const full = Buffer.from(VECTORS[i]!.hex, 'hex');
      // every length of the short messages, every 3rd of the longer ones, every 16th of NXST_FLOW's 2 KiB
      for (let len = 8; len < full.length; len += full.length > 300 ? 16 : full.length > 100 ? 3 : 1) {
        const b = Buffer.from(full.subarray(0, len));
        b.writeUInt16BE(len, 2);
        tryDecode(b, len % 4 === 0);
        n++;
      }
    }
    expect(n).toBeGreaterThan(1000);
  });

  it('every single-byte corruption of the bodies (deterministic values)', () => {
    let n = 0;
    for (const i of EXT_VECTORS) {
      const full = Buffer.from(VECTORS[i]!.hex, 'hex');
      for (let at = 8; at < Math.min(full.length, 80); at++) {
        for (const x of [0x00, 0xff]) {
          const b = Buffer.from(full);
          b[at] = x;
          tryDecode(b, false);
          n++;
        }
      }
    }
    expect(n).toBeGreaterThan(4500);
  });
});
