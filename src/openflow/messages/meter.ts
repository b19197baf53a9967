/** Meter bands (rank 1), read and written side by side. OpenFlow 1.5.1 §7.3.4.4. */
import { type ByteReader, type ByteWriter } from '../../wire/index.js';
import { subByLength } from './props.js';
import type { MeterBand } from './types.js';

export function readBands(r: ByteReader): MeterBand[] {
  const out: MeterBand[] = [];
  while (r.remaining) {
    const bandType = r.peekU16(0);
    const br = subByLength(r, r.peekU16(2), 16, 'meter band');
    br.skip(4);
    const rate = br.u32();
    const burstSize = br.u32();
    if (bandType === 2) {
      const precLevel = br.u8();
      out.push({ bandType, rate, burstSize, precLevel });
    } else if (bandType === 0xffff) {
      out.push({ bandType, rate, burstSize, experimenter: br.u32() });
    } else {
      out.push({ bandType, rate, burstSize });
    }
  }
  return out;
}

export function writeBands(w: ByteWriter, bands: readonly MeterBand[]): void {
  for (const b of bands) {
    w.u16(b.bandType).u16(16).u32(b.rate).u32(b.burstSize);
    if (b.bandType === 2) w.u8(b.precLevel ?? 0).zeros(3);
    else if (b.bandType === 0xffff) w.u32(b.experimenter ?? 0);
    else w.zeros(4);
  }
}
