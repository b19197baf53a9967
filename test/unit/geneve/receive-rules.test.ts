/**
 * RFC 8926 receive rules and the encode knobs that reproduce captured frames: reserved bits are
 * ignored on receipt unless `strict` is asked for; option R bits are optional on encode; a captured
 * frame is rebuilt byte for byte with its own UDP checksum; records read are written back as read;
 * OVN's reserved data bit never leaks into the 15-bit ingress key.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CaptureWriter,
  decapsulate,
  decodeGeneve,
  encapsulate,
  encodeGeneve,
  formatIp,
  GeneveView,
  LINKTYPE,
  ovnMetadataOption,
  ovnMetadataWord,
  parseCapture,
  parseOvnMetadata,
  type Tunnel,
} from '../../../src/geneve/index.js';
import { toHex } from '../../../src/wire/index.js';
import { externalPcaps, VECTORS } from '../../fixtures/geneve/vectors.js';

const codeOf = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    return (e as { code: string }).code;
  }
  return 'none';
};

const tunnel: Tunnel = {
  eth: { src: '02:00:00:00:00:01', dst: '02:00:00:00:00:02' },
  ip: { version: 4, src: '192.168.0.1', dst: '192.168.0.2' },
  // Every reserved field set: header Rsvd., the trailing Reserved byte and the option's R bits.
  geneve: {
    vni: 3,
    rsvd: 0x2a,
    reserved: 0xa5,
    options: [{ ...ovnMetadataOption({ ingressPort: 2, egressPort: 4 }), rsvd: 5 }],
  },
};

describe('RFC 8926 §3.4/§3.5: reserved bits are ignored on receipt', () => {
  it('a whole frame with every reserved field set decapsulates by default and reports the fields', () => {
    const frame = encapsulate(new Uint8Array(60), tunnel);
    const f = decapsulate(frame);
    expect(f.geneve.vni).toBe(3);
    expect(f.geneve.rsvd).toBe(0x2a);
    expect(f.geneve.reserved).toBe(0xa5);
    expect(f.geneve.options[0]!.rsvd).toBe(5);
    expect(parseOvnMetadata(f.geneve.options[0]!)).toMatchObject({ ingressPort: 2, egressPort: 4 });
    expect(f.geneve.warnings.map((w) => w.code)).toEqual(['GENEVE_RESERVED_SET', 'GENEVE_RESERVED_SET']);
    // the zero-allocation view takes the same frame the same way
    const v = new GeneveView().decode(frame, f.geneveOffset, frame.length);
    expect(ovnMetadataWord(v)).toBe(0x00020004);
    expect(v.warnings.length).toBe(2);
  });

  it('strict mode (for checking a sender) refuses the same frame in each decoder', () => {
    const frame = encapsulate(new Uint8Array(60), tunnel);
    const at = decapsulate(frame).geneveOffset;
    expect(codeOf(() => decapsulate(frame, { strict: true }))).toBe('GENEVE_RESERVED_SET');
    expect(codeOf(() => decodeGeneve(frame, at, frame.length, { strict: true }))).toBe('GENEVE_RESERVED_SET');
    expect(codeOf(() => new GeneveView().decode(frame, at, frame.length, { strict: true }))).toBe(
      'GENEVE_RESERVED_SET',
    );
  });

  it('a sound frame gives no warning and passes strict mode', () => {
    const frame = encapsulate(new Uint8Array(60), {
      ...tunnel,
      geneve: { vni: 3, options: [ovnMetadataOption({ ingressPort: 2, egressPort: 4 })] },
    });
    expect(decapsulate(frame, { strict: true }).geneve.warnings).toEqual([]);
    expect(decapsulate(frame).geneve.warnings).toEqual([]);
  });
});

describe('encode', () => {
  it('an option without rsvd encodes its R bits as 0', () => {
    const b = encodeGeneve({
      protocolType: 0x6558,
      vni: 1,
      options: [{ optionClass: 0x0102, type: 0x80, data: Uint8Array.of(0, 2, 0, 4) }],
    });
    expect(toHex(b)).toBe('02406558000001000102800100020004');
  });

  it('an explicit UDP checksum is written as given (IPv4 and IPv6), out of range is a typed error', () => {
    const v4 = encapsulate(new Uint8Array(20), { ...tunnel, udp: { checksum: 0x1234 } });
    const d4 = decapsulate(v4);
    expect(d4.udp.checksum).toBe(0x1234);
    expect(d4.udp.checksumStatus).toBe('bad');
    const v6 = encapsulate(new Uint8Array(20), {
      ...tunnel,
      ip: { version: 6, src: '2001:db8::1', dst: '2001:db8::2' },
      udp: { checksum: 0 },
    });
    expect(decapsulate(v6).udp.checksumStatus).toBe('none');
    expect(codeOf(() => encapsulate(new Uint8Array(20), { ...tunnel, udp: { checksum: 0x10000 } }))).toBe(
      'GENEVE_ENCAP_INVALID',
    );
  });

  it('every IPv4 GENEVE frame of the third-party captures is rebuilt byte for byte from its decoded fields', () => {
    let rebuilt = 0;
    for (const file of externalPcaps().files.filter((x) => x.geneve_frames.length > 0)) {
      const cap = parseCapture(readFileSync(VECTORS + file.file));
      for (const ef of file.geneve_frames) {
        const rec = cap.records[ef.frame - 1]!;
        const f = decapsulate(rec.data, { linkType: rec.linkType });
        if (rec.linkType !== LINKTYPE.ETHERNET || f.eth === undefined || f.ip.version !== 4 || f.truncated) continue;
        if (f.ip.ihl !== 5 || f.ip.fragmentOffset !== 0 || !f.ip.checksumValid) continue;
        const t: Tunnel = {
          eth: { src: f.eth.src, dst: f.eth.dst, vlans: f.eth.vlans },
          ip: {
            version: 4,
            src: f.ip.src,
            dst: f.ip.dst,
            tos: f.ip.tos,
            ttl: f.ip.ttl,
            identification: f.ip.identification,
            flags: f.ip.flags,
          },
          udp: { srcPort: f.udp.srcPort, dstPort: f.udp.dstPort, checksum: f.udp.checksum },
          geneve: f.geneve,
        };
        const out = encapsulate(f.inner, t);
        const wire = rec.data.subarray(0, f.geneveOffset - 28 + f.ip.totalLength);
        expect(toHex(out), `${file.file} frame ${ef.frame}`).toBe(toHex(wire));
        rebuilt++;
      }
    }
    expect(rebuilt).toBeGreaterThan(10);
  });
});

describe('capture records', () => {
  it('CaptureWriter.record takes records as the reader returns them: a pcap is written back identical', () => {
    const file = externalPcaps().files.find((x) => x.geneve_frames.length > 0 && x.file.endsWith('.pcap'))!;
    const bytes = readFileSync(VECTORS + file.file);
    const cap = parseCapture(bytes);
    const fmt = cap.format;
    if (fmt.kind !== 'pcap') throw new Error(`${file.file} is not a classic pcap`);
    const w = new CaptureWriter({
      linkType: fmt.linkType,
      snapLen: fmt.snapLen,
      nanosecond: fmt.nanosecond,
      littleEndian: fmt.littleEndian,
    });
    const parts = [w.header(), ...cap.records.map((r) => w.record(r))];
    const again = Buffer.concat(parts);
    const back = parseCapture(again);
    expect(back.records.length).toBe(cap.records.length);
    back.records.forEach((r, i) => {
      const o = cap.records[i]!;
      expect([r.tsSec, r.tsNsec, r.originalLength, toHex(r.data)]).toEqual([
        o.tsSec,
        o.tsNsec,
        o.originalLength,
        toHex(o.data),
      ]);
    });
    // the record part of the file is byte-identical (the header's version/zone fields may differ)
    expect(toHex(again.subarray(24))).toBe(toHex(bytes.subarray(24)));
  });
});

describe('addresses', () => {
  it('formatIp picks the family by length; other lengths are a typed error', () => {
    expect(formatIp(Uint8Array.of(10, 16, 0, 8))).toBe('10.16.0.8');
    expect(formatIp(Uint8Array.from([0x20, 0x01, 0x0d, 0xb8, ...new Array<number>(11).fill(0), 1]))).toBe(
      '2001:db8::1',
    );
    expect(codeOf(() => formatIp(new Uint8Array(6)))).toBe('GENEVE_ENCAP_INVALID');
  });
});

describe("OVN's option: the reserved top bit of the data word", () => {
  it('never changes the 15-bit ingress key or the 16-bit egress key (a 16-bit ingress read fails this)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0x7fff }),
        fc.integer({ min: 0, max: 0xffff }),
        fc.constantFrom(0, 1),
        (ingressPort, egressPort, rsvd) => {
          const frame = encapsulate(new Uint8Array(14), {
            ...tunnel,
            geneve: { vni: 7, options: [ovnMetadataOption({ ingressPort, egressPort, rsvd })] },
          });
          const f = decapsulate(frame, { strict: true });
          expect(parseOvnMetadata(f.geneve.options[0]!)).toEqual({
            ingressPort,
            egressPort,
            rsvd,
            multicast: egressPort >= 0x8000,
          });
          const word = ovnMetadataWord(new GeneveView().decode(frame, f.geneveOffset, frame.length));
          expect((word >>> 16) & 0x7fff).toBe(ingressPort);
          expect(word >>> 31).toBe(rsvd);
          expect(word & 0xffff).toBe(egressPort);
        },
      ),
      { numRuns: 500 },
    );
  });
});
