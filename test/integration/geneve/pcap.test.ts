/**
 * pcap / pcapng: files we write are read by tshark with the same timestamps, lengths and
 * interfaces; files editcap / mergecap write (both formats, µs and ns, several interfaces) are
 * read by us with what tshark reports; the stream parser gives the same records at every split.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  CaptureParser,
  CaptureWriter,
  parseCapture,
  readCapture,
  type CaptureRecord,
} from '../../../src/geneve/index.js';
import { VECTORS } from '../../fixtures/geneve/vectors.js';

const dir = mkdtempSync(join(tmpdir(), `geneve-pcap-${process.pid}-`));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function tsharkFields(file: string): string[][] {
  const r = spawnSync(
    'tshark',
    [
      '-r',
      file,
      '-T',
      'fields',
      '-E',
      'separator=,',
      '-e',
      'frame.time_epoch',
      '-e',
      'frame.len',
      '-e',
      'frame.cap_len',
      '-e',
      'frame.interface_id',
      '-e',
      'frame.encap_type',
    ],
    {
      encoding: 'utf8',
    },
  );
  expect(r.status, r.stderr).toBe(0);
  return r.stdout
    .trim()
    .split('\n')
    .map((l) => l.split(','));
}

const epoch = (r: CaptureRecord, digits: number): string =>
  `${r.tsSec}.${String(r.tsNsec).padStart(9, '0').slice(0, digits).padEnd(9, '0')}`;

describe('CaptureWriter output read by tshark', () => {
  const frames = [
    new Uint8Array(60).fill(1),
    new Uint8Array(1).fill(2),
    new Uint8Array(1515).fill(3),
    new Uint8Array(0),
  ];
  for (const format of ['pcap', 'pcapng'] as const) {
    for (const littleEndian of [true, false]) {
      for (const nanosecond of [false, true]) {
        it(`${format} ${littleEndian ? 'LE' : 'BE'} ${nanosecond ? 'ns' : 'µs'}`, () => {
          const w = new CaptureWriter({ format, littleEndian, nanosecond, linkType: 1 });
          const parts: Uint8Array[] = [w.header()];
          let second = 0;
          if (format === 'pcapng') {
            const x = w.addInterface(101, { nanosecond: !nanosecond, name: 'underlay0' });
            second = x.id;
            parts.push(x.bytes);
          }
          frames.forEach((f, i) => {
            const iface = format === 'pcapng' && i % 2 === 1 ? second : 0;
            parts.push(
              w.record(
                f,
                { sec: 1700000000 + i, nsec: (123456789 * (i + 1)) % 1e9 },
                { interfaceId: iface, originalLength: f.length + i },
              ),
            );
          });
          const file = join(dir, `${format}-${littleEndian}-${nanosecond}.cap`);
          const bytes = Buffer.concat(parts);
          writeFileSync(file, bytes);
          const ts = tsharkFields(file);
          const ours = parseCapture(bytes);
          expect(ours.records.length).toBe(frames.length);
          expect(ts.length).toBe(frames.length);
          ours.records.forEach((r, i) => {
            const [time, len, capLen, ifId] = ts[i]!;
            const ns = format === 'pcapng' && i % 2 === 1 ? !nanosecond : nanosecond;
            expect(epoch(r, ns ? 9 : 6)).toBe(time);
            expect(r.originalLength).toBe(Number(len));
            expect(r.data.length).toBe(Number(capLen));
            expect([...r.data]).toEqual([...frames[i]!]);
            if (format === 'pcapng') expect(r.interfaceId).toBe(Number(ifId));
            expect(r.linkType).toBe(format === 'pcapng' && i % 2 === 1 ? 101 : 1);
          });
          if (format === 'pcapng') expect(ours.interfaces[1]!.name).toBe('underlay0');
        });
      }
    }
  }
});

describe('captures written by editcap / mergecap, read by us', () => {
  const src = VECTORS + 'pcap/tcpdump/geneve.pcap';
  for (const [fmt, digits] of [
    ['pcap', 6],
    ['nsecpcap', 9],
    ['pcapng', 6],
  ] as const) {
    it(`editcap -F ${fmt}`, () => {
      const file = join(dir, `edit-${fmt}`);
      const r = spawnSync('editcap', ['-F', fmt, src, file]);
      expect(r.status).toBe(0);
      // editcap copied the timestamps and bytes of the original: read both and compare.
      const orig = parseCapture(readFileSync(src)).records;
      const ours = parseCapture(readFileSync(file));
      expect(ours.format?.kind).toBe(fmt === 'pcapng' ? 'pcapng' : 'pcap');
      expect(ours.records.length).toBe(39);
      ours.records.forEach((rec, i) => {
        expect(epoch(rec, digits)).toBe(epoch(orig[i]!, 9));
        expect(Buffer.compare(rec.data, orig[i]!.data)).toBe(0);
        expect(rec.originalLength).toBe(orig[i]!.originalLength);
      });
    });
  }
  it('mergecap of two link types into one pcapng (two interfaces)', () => {
    const a = join(dir, 'a.pcapng');
    const sll = new CaptureWriter({ linkType: 113 });
    const sllFile = join(dir, 'sll.pcap');
    writeFileSync(
      sllFile,
      Buffer.concat([sll.header(), sll.record(new Uint8Array(40).fill(9), { sec: 1422828273, nsec: 900000000 })]),
    );
    const r = spawnSync('mergecap', ['-F', 'pcapng', '-w', a, src, sllFile]);
    expect(r.status).toBe(0);
    const ts = tsharkFields(a);
    const ours = parseCapture(readFileSync(a));
    expect(ours.records.length).toBe(40);
    expect(ours.interfaces.map((i) => i.linkType).sort()).toEqual([1, 113]);
    ours.records.forEach((rec, i) => {
      expect(rec.interfaceId).toBe(Number(ts[i]![3]));
      expect(rec.linkType).toBe(Number(ts[i]![4]) === 25 ? 113 : 1); // tshark encap 25 = SLL
    });
  });
});

describe('streaming', () => {
  it('splitting the input at every byte boundary gives the same records', () => {
    for (const file of ['pcap/zeek/geneve-truncated.pcapng', 'pcap/zeek/geneve.pcap']) {
      const bytes = readFileSync(VECTORS + file);
      const whole = parseCapture(bytes).records.map((r) => Buffer.from(r.data).toString('hex'));
      for (let cut = 1; cut < bytes.length; cut++) {
        const p = new CaptureParser();
        const got: string[] = [];
        for (const part of [bytes.subarray(0, cut), bytes.subarray(cut)]) {
          p.push(part);
          for (let r = p.next(); r; r = p.next()) got.push(Buffer.from(r.data).toString('hex'));
        }
        p.finish();
        expect(got).toEqual(whole);
      }
    }
  });
  it('one byte at a time through readCapture', async () => {
    const bytes = readFileSync(VECTORS + 'pcap/zeek/geneve-many-options.pcap');
    const chunks = [...bytes].map((b) => Uint8Array.of(b));
    let n = 0;
    for await (const r of readCapture(chunks)) {
      expect(r.linkType).toBe(1);
      n++;
    }
    expect(n).toBe(10);
  });
});

describe('errors', () => {
  const code = (b: Uint8Array): string => {
    try {
      parseCapture(b);
    } catch (e) {
      return (e as { code: string }).code;
    }
    return 'none';
  };
  it('bad magic, truncation, bad block lengths, unknown interface', () => {
    expect(code(new Uint8Array(24))).toBe('PCAP_BAD_FORMAT');
    expect(code(new Uint8Array(0))).toBe('PCAP_BAD_FORMAT');
    const good = readFileSync(VECTORS + 'pcap/zeek/geneve-arp.pcap');
    expect(code(good.subarray(0, good.length - 1))).toBe('PCAP_TRUNCATED');
    expect(code(good.subarray(0, 10))).toBe('PCAP_TRUNCATED');
    const ng = Buffer.from(readFileSync(VECTORS + 'pcap/zeek/geneve-truncated.pcapng'));
    const bad = Buffer.from(ng);
    bad.writeUInt32LE(13, 4); // SHB length not a multiple of 4
    expect(code(bad)).toBe('PCAP_BAD_BLOCK');
    const w = new CaptureWriter({ format: 'pcapng' });
    const noIdb = Buffer.concat([
      w.header().subarray(0, 28),
      new CaptureWriter({ format: 'pcapng' }).record.call(w, new Uint8Array(4)),
    ]);
    expect(code(noIdb)).toBe('PCAP_BAD_BLOCK');
    expect(() => new CaptureWriter().record(new Uint8Array(1))).toThrowError(
      expect.objectContaining({ code: 'PCAP_WRITE_INVALID' }),
    );
  });
});
