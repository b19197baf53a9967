/**
 * Full-range round trips and fuzzing (bounded here; `fuzz/geneve.ts` runs ≥ 10^6):
 * - encode → decode gives back every field; decode → encode gives back the same bytes;
 * - the object decoder and the zero-allocation view agree;
 * - random garbage and mutated valid frames only ever raise typed errors (SdkError with a code).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SdkError } from '../../../src/errors.js';
import {
  CaptureParser,
  decapsulate,
  decodeGeneve,
  encodeGeneve,
  encodeGeneveInto,
  Encapsulator,
  GeneveView,
  InnerView,
  summarizeGeneve,
} from '../../../src/geneve/index.js';
import { headerArb, innerArb, tunnelArb } from '../../fixtures/geneve/arbitraries.js';

const v0 = headerArb.map((h) => ({ ...h, version: 0 }));

function typedOnly(f: () => unknown): void {
  try {
    f();
  } catch (e) {
    if (!(e instanceof SdkError) || !/^[A-Z0-9_]+$/.test(e.code)) throw e;
  }
}

describe('GENEVE header round trips', () => {
  it('encode → decode (default receive rules) returns every field, over the full range', () => {
    fc.assert(
      fc.property(v0, innerArb, (h, payload) => {
        const bytes = encodeGeneve(h, payload);
        const d = decodeGeneve(bytes, 0, bytes.length);
        expect(d.version).toBe(0);
        expect(d.oam).toBe(h.oam);
        expect(d.critical).toBe(h.critical);
        expect(d.rsvd).toBe(h.rsvd);
        expect(d.protocolType).toBe(h.protocolType);
        expect(d.vni).toBe(h.vni);
        expect(d.reserved).toBe(h.reserved);
        expect(d.options.map((o) => ({ ...o, data: [...o.data] }))).toEqual(
          h.options.map((o) => ({ ...o, data: [...o.data] })),
        );
        expect([...d.payload]).toEqual([...payload]);
        // and back to the same bytes, reserved bits included
        expect(Buffer.compare(encodeGeneve(d, d.payload), bytes)).toBe(0);
        // strict mode accepts exactly the frames without warnings
        const strictOk = d.warnings.length === 0;
        let threw = false;
        try {
          decodeGeneve(bytes, 0, bytes.length, { strict: true });
        } catch (e) {
          threw = true;
          expect((e as SdkError).code).toBe(d.warnings[0]!.code);
        }
        expect(threw).toBe(!strictOk);
      }),
      { numRuns: 800 },
    );
  });

  it('the view agrees with the object decoder', () => {
    const view = new GeneveView();
    fc.assert(
      fc.property(v0, innerArb, fc.integer({ min: 0, max: 16 }), (h, payload, at) => {
        const buf = new Uint8Array(at + 300 + payload.length);
        const n = encodeGeneveInto(h, buf, at);
        buf.set(payload, at + n);
        const end = at + n + payload.length;
        const d = decodeGeneve(buf, at, end);
        view.decode(buf, at, end);
        expect([
          view.version,
          view.optLen,
          view.oam,
          view.critical,
          view.rsvd,
          view.protocolType,
          view.vni,
          view.reserved,
        ]).toEqual([d.version, d.optLen, d.oam, d.critical, d.rsvd, d.protocolType, d.vni, d.reserved]);
        expect(view.headerLength).toBe(d.headerLength);
        expect(view.optionCount).toBe(d.options.length);
        let i = 0;
        for (let p = view.firstOption(); p >= 0; p = view.nextOption(p), i++) {
          const o = d.options[i]!;
          expect([
            view.optionClassAt(p),
            view.optionTypeAt(p),
            view.optionRsvdAt(p),
            view.optionDataLengthAt(p),
          ]).toEqual([o.optionClass, o.type, o.rsvd, o.data.length]);
        }
        expect(view.warnings.map((w) => w.code)).toEqual(d.warnings.map((w) => w.code));
        expect([...view.payload()]).toEqual([...payload]);
      }),
      { numRuns: 400 },
    );
  });

  it('encapsulate → decapsulate returns the tunnel fields and the inner frame; checksums verify', () => {
    fc.assert(
      fc.property(tunnelArb, innerArb, (t, inner) => {
        const frame = new Encapsulator({ ...t, geneve: { ...t.geneve, version: 0 } }).encapsulate(inner);
        const f = decapsulate(frame);
        expect([...f.inner]).toEqual([...inner]);
        expect(f.udp.checksumStatus).toBe('good');
        expect(f.udp.srcPort).toBe(t.udp!.srcPort);
        expect(f.geneve.vni).toBe(t.geneve.vni);
        expect(f.eth!.vlans.map((v) => v.vid)).toEqual(t.eth!.vlans!.map((v) => v.vid));
        if (f.ip.version === 4) expect(f.ip.checksumValid).toBe(true);
        expect(typeof summarizeGeneve(f.geneve)).toBe('string');
      }),
      { numRuns: 400 },
    );
  });
});

describe('fuzz (bounded; the 10^6 run is fuzz/geneve.ts)', () => {
  it('random garbage: typed errors only', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), fc.constantFrom(1, 113, 101, 228, 229, 0, 147), (b, lt) => {
        typedOnly(() => decodeGeneve(b));
        typedOnly(() => decodeGeneve(b, 0, b.length, { strict: true }));
        typedOnly(() => new GeneveView().decode(b, 0, b.length));
        typedOnly(() => new GeneveView().decode(b, 0, b.length, { strict: true }));
        typedOnly(() => decapsulate(b, { linkType: lt }));
        typedOnly(() => decapsulate(b, { linkType: lt, strict: true }));
        new InnerView().decode(b, 0, b.length, 0x6558);
        typedOnly(() => {
          const p = new CaptureParser();
          p.push(b);
          while (p.next() !== undefined);
          p.finish();
        });
      }),
      { numRuns: 1500 },
    );
  });

  it('mutated valid frames: typed errors only, and every success re-encodes', () => {
    fc.assert(
      fc.property(
        tunnelArb,
        innerArb,
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 6 }),
        fc.nat(),
        (t, inner, flips, cut) => {
          const frame = new Encapsulator({ ...t, geneve: { ...t.geneve, version: 0 } }).encapsulate(inner);
          for (const [at, v] of flips) frame[at % frame.length] = v;
          const cutFrame = frame.subarray(0, frame.length - (cut % 8));
          for (const b of [frame, cutFrame]) {
            typedOnly(() => {
              const f = decapsulate(b);
              const again = encodeGeneve(f.geneve, f.geneve.payload);
              expect(Buffer.compare(again, b.subarray(f.geneveOffset, f.geneveOffset + again.length))).toBe(0);
            });
          }
        },
      ),
      { numRuns: 800 },
    );
  });
});
