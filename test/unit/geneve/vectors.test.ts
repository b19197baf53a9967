/**
 * Third-party vectors (../shared/vectors/geneve): every GENEVE frame in the tcpdump, Zeek and Ryu
 * captures decodes to the fields tshark reports and re-encodes to the same bytes; the gopacket and
 * scapy byte arrays too; tcpdump's own printer output for the same captures matches our summary.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  decapsulate,
  decodeGeneve,
  encodeGeneve,
  GeneveError,
  LINKTYPE,
  parseCapture,
  summarizeGeneve,
  type DecodedGeneve,
} from '../../../src/geneve/index.js';
import { toHex } from '../../../src/wire/index.js';
import { externalPcaps, transcribed, VECTORS, type TsharkGeneve } from '../../fixtures/geneve/vectors.js';

function expectTsharkFields(g: DecodedGeneve, t: TsharkGeneve): void {
  expect(g.version).toBe(t.version);
  expect(g.optLen).toBe(t.opt_len_words);
  expect(g.optLen * 4).toBe(t.opt_len_bytes);
  expect(g.headerLength).toBe(t.size);
  expect((g.oam ? 0x80 : 0) | (g.critical ? 0x40 : 0) | g.rsvd).toBe(t.flags_byte);
  expect(g.oam).toBe(t.oam);
  expect(g.critical).toBe(t.critical);
  expect(g.rsvd).toBe(t.reserved_flag_bits);
  expect(g.protocolType).toBe(t.protocol_type);
  expect(g.vni).toBe(t.vni);
  expect(g.reserved).toBe(t.reserved_byte);
  expect(g.options.length).toBe(t.options.length);
  g.options.forEach((o, i) => {
    const e = t.options[i]!;
    expect(o.optionClass).toBe(e.class);
    expect(o.type).toBe(e.type);
    expect((o.type & 0x80) !== 0).toBe(e.type_critical_bit);
    expect(o.rsvd).toBe(e.reserved_flag_bits);
    expect(o.data.length / 4).toBe(e.length_words_data);
    expect(4 + o.data.length).toBe(e.length_bytes_incl_header);
    expect(toHex(o.data)).toBe(e.data_hex);
  });
}

const CHECKSUM: Record<string, string> = { Good: 'good', Bad: 'bad', 'Not present': 'none', Unverified: 'unverified' };

describe('external captures vs tshark (external-pcaps.json)', () => {
  const { files } = externalPcaps();
  const withFrames = files.filter((f) => f.geneve_frames.length > 0);
  it('covers the 96 frames the README lists', () => {
    expect(withFrames.reduce((n, f) => n + f.geneve_frames.length, 0)).toBe(96);
  });
  for (const f of withFrames) {
    it(`${f.file}: ${f.geneve_frames.length} frames decode to tshark's fields and re-encode byte for byte`, () => {
      const cap = parseCapture(readFileSync(VECTORS + f.file));
      expect(cap.records.length).toBe(f.frames_total);
      for (const ef of f.geneve_frames) {
        const rec = cap.records[ef.frame - 1]!;
        expect(rec.linkType).toBe(LINKTYPE.ETHERNET);
        const frame = decapsulate(rec.data, { linkType: rec.linkType });
        expect(frame.geneveOffset).toBe(ef.geneve_offset);
        const t = ef.tshark.geneve_layers[0]!;
        expectTsharkFields(frame.geneve, t);
        expect(frame.geneve.warnings).toEqual([]);
        expect(frame.udp.checksumStatus).toBe(CHECKSUM[ef.tshark.udp_checksum_status]);
        // Bytes: what the JSON inlines, and the whole UDP payload re-encoded.
        const udpPayload = rec.data.subarray(frame.geneveOffset, frame.geneveOffset + frame.udp.length - 8);
        if (ef.note === undefined) expect(toHex(rec.data.subarray(ef.geneve_offset))).toBe(ef.geneve_hex);
        expect(toHex(udpPayload.subarray(0, t.size))).toBe(ef.geneve_header_hex);
        const again = encodeGeneve(frame.geneve, frame.geneve.payload);
        expect(toHex(again)).toBe(toHex(rec.data.subarray(frame.geneveOffset, frame.geneveOffset + again.length)));
        expect(again.length).toBe(frame.truncated ? rec.data.length - frame.geneveOffset : udpPayload.length);
      }
    });
  }

  it('decodes the BIG TCP captures tshark cannot (IPv4 total length 0) as tcpdump does', () => {
    for (const name of [
      'bigtcp-ipv4-geneve-ipv4',
      'bigtcp-ipv4-geneve-ipv6',
      'bigtcp-ipv6-geneve-ipv4',
      'bigtcp-ipv6-geneve-ipv6',
    ]) {
      const cap = parseCapture(readFileSync(`${VECTORS}pcap/tcpdump/${name}.pcap`));
      const out = readFileSync(`${VECTORS}pcap/tcpdump/${name}.out`, 'utf8');
      const f = decapsulate(cap.records[0]!.data);
      expect(out).toContain(`.${f.udp.srcPort} > `);
      expect(out).toContain(`Geneve, Flags [none], vni 0x${f.geneve.vni.toString(16)}`);
      expect(f.geneve.vni).toBe(0x1389);
    }
  });
});

describe("tcpdump's printer output (geneve-vni.out, geneve-tcp.out)", () => {
  const cap = parseCapture(readFileSync(VECTORS + 'pcap/tcpdump/geneve.pcap'));
  const stamp = (sec: number, nsec: number): string =>
    `${new Date(sec * 1000).toISOString().slice(0, 19).replace('T', ' ')}.${String(Math.floor(nsec / 1000)).padStart(6, '0')}`;
  const byStamp = new Map<string, string>();
  for (const name of ['geneve-vni.out', 'geneve-tcp.out']) {
    for (const line of readFileSync(`${VECTORS}pcap/tcpdump/${name}`, 'utf8').split('\n')) {
      const m = /^\s*\d+\s+(\S+ \S+) (.*)$/.exec(line);
      if (m) byStamp.set(m[1]!, m[2]!);
    }
  }
  it('our one-line summary equals tcpdump for ICMP, and matches its prefix for TCP', () => {
    let icmp = 0;
    let tcp = 0;
    for (const rec of cap.records) {
      const want = byStamp.get(stamp(rec.tsSec, rec.tsNsec));
      if (want === undefined) continue;
      const f = decapsulate(rec.data);
      const ip = f.ip;
      const outer = `IP ${[...ip.src].join('.')}.${f.udp.srcPort} > ${[...ip.dst].join('.')}.${f.udp.dstPort}: `;
      const ours = outer + summarizeGeneve(f.geneve);
      if (ours.includes('ICMP')) {
        expect(ours).toBe(want);
        icmp++;
      } else {
        // tcpdump adds TCP options and relative sequence numbers; the flags and the start agree.
        const cut = ours.indexOf('Flags [', ours.indexOf('Geneve') + 30);
        const head = ours.slice(0, ours.indexOf(']', cut) + 1);
        expect(want.startsWith(head)).toBe(true);
        tcp++;
      }
    }
    expect(icmp).toBe(3);
    expect(tcp).toBeGreaterThanOrEqual(20);
  });
});

describe('gopacket and scapy byte arrays (transcribed-gopacket-scapy.json)', () => {
  const sets = transcribed().sets;
  const all = sets.flatMap((s) => s.vectors);
  it('has 3 gopacket + 5 scapy vectors', () => {
    expect(all.length).toBe(8);
  });
  for (const v of all) {
    const name = v.name ?? v.title!;
    it(`${name}: decode matches tshark, or fails as tshark says`, () => {
      const hex = v.frame_hex ?? v.packet_hex!;
      const bytes = Buffer.from(hex, 'hex');
      expect(toHex(bytes.subarray(v.geneve_offset))).toBe(v.geneve_hex);
      const linkType = v.linktype?.startsWith('LINUX_SLL')
        ? LINKTYPE.LINUX_SLL
        : v.packet_starts_with === 'IPv4'
          ? LINKTYPE.RAW
          : LINKTYPE.ETHERNET;
      const t = v.tshark.geneve;
      const overrun = v.tshark.expert.some((e) => e.includes('past end of options'));
      if (overrun) {
        // scapy's "GENEVE with options": the option claims 8 data bytes while Opt Len leaves 4.
        let err: unknown;
        try {
          decapsulate(bytes, { linkType });
        } catch (e) {
          err = e;
        }
        expect(err).toBeInstanceOf(GeneveError);
        expect((err as GeneveError).code).toBe('GENEVE_OPTION_OVERRUN');
        expect((err as GeneveError).offset).toBe(v.geneve_offset + 8);
        return;
      }
      const f = decapsulate(bytes, { linkType });
      expect(f.geneveOffset).toBe(v.geneve_offset);
      expectTsharkFields(f.geneve, t);
      expect(toHex(encodeGeneve(f.geneve, f.geneve.payload))).toBe(v.geneve_hex);
      // gopacket's own expectations, in its units (bytes, option length incl. header).
      const pe = v.project_expected;
      if (pe && 'VNI' in pe) {
        expect(f.geneve.vni).toBe(pe.VNI);
        expect(f.geneve.optLen * 4).toBe(pe.OptionsLength);
        expect(f.geneve.critical).toBe(pe.CriticalOption);
        expect(f.geneve.payload.length).toBe((pe.payload as number[])[1]! - (pe.payload as number[])[0]!);
      }
    });
  }
  it("scapy's OVN metadata vector: C clear with a critical option fails strict, warns by default", () => {
    const v = all.find((x) => (x.title ?? '').includes('metadata'))!;
    const g = Buffer.from(v.geneve_hex, 'hex');
    expect(() => decodeGeneve(g, 0, g.length, { strict: true })).toThrowError(
      expect.objectContaining({ code: 'GENEVE_CRITICAL_NOT_FLAGGED', offset: 1 }),
    );
    const d = decodeGeneve(g);
    expect(d.warnings.map((w) => w.code)).toEqual(['GENEVE_CRITICAL_NOT_FLAGGED']);
    expect(d.options[0]!.optionClass).toBe(0x0102);
  });
});
