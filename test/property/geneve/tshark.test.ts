/**
 * Oracle: frames this library encodes, with every field drawn over its full range, are written to
 * one pcap and dissected by `tshark -T json`; tshark's fields must equal ours, field by field.
 * Some frames get a corrupted UDP checksum, which tshark must flag as Bad too.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  CaptureWriter,
  Encapsulator,
  formatIpv4,
  formatIpv6,
  formatMacBytes as formatMac,
  type Tunnel,
} from '../../../src/geneve/index.js';
import { toHex } from '../../../src/wire/index.js';
import { innerArb, tunnelArb } from '../../fixtures/geneve/arbitraries.js';

const N = 300;
const dir = mkdtempSync(join(tmpdir(), `geneve-tshark-${process.pid}-`));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Json = Record<string, unknown>;
const colon = (b: Uint8Array): string => [...b].map((x) => x.toString(16).padStart(2, '0')).join(':');
const one = (v: unknown): Json => (Array.isArray(v) ? (v[0] as Json) : (v as Json));
const list = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

describe('tshark dissects what we encode', () => {
  it(`${N} random frames: every GENEVE, UDP, IP and Ethernet field agrees`, () => {
    const cases = fc.sample(fc.tuple(tunnelArb, innerArb, fc.integer({ min: 0, max: 9 })), {
      numRuns: N,
      seed: 0x6081,
    });
    const w = new CaptureWriter({ format: 'pcap', nanosecond: true });
    const chunks: Uint8Array[] = [w.header()];
    const frames: { t: Tunnel; frame: Uint8Array; badSum: boolean }[] = [];
    for (const [t, inner, k] of cases) {
      const frame = new Encapsulator(t).encapsulate(inner);
      const badSum = k === 0; // ~10 %: corrupt the UDP checksum
      if (badSum) {
        const at = 14 + 4 * t.eth!.vlans!.length + (t.ip.version === 4 ? 20 : 40) + 6;
        frame[at] = frame[at]! ^ 0x5a;
      }
      frames.push({ t, frame, badSum });
      chunks.push(w.record(frame, { sec: 1700000000 + frames.length, nsec: 123 }));
    }
    const file = join(dir, 'random.pcap');
    writeFileSync(file, Buffer.concat(chunks));
    // tshark tries the lower UDP port first; a random source port below 6081 may belong to another
    // dissector, so "Decode As" GENEVE for those ports too.
    const low = [...new Set(frames.map((f) => f.t.udp!.srcPort!).filter((p) => p < 6081))];
    const decodeAs = low.flatMap((p) => ['-d', `udp.port==${p},geneve`]);
    const r = spawnSync(
      'tshark',
      [
        ...decodeAs,
        '-r',
        file,
        '-T',
        'json',
        '--no-duplicate-keys',
        '-o',
        'udp.check_checksum:TRUE',
        '-o',
        'ip.check_checksum:TRUE',
        '-J',
        'eth vlan ieee8021ad ip ipv6 udp geneve',
      ],
      { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 },
    );
    expect(r.status, r.stderr).toBe(0);
    const pkts = JSON.parse(r.stdout) as { _source: { layers: Json } }[];
    expect(pkts.length).toBe(N);
    let badSeen = 0;
    pkts.forEach((p, i) => {
      const { t, frame, badSum } = frames[i]!;
      const L = p._source.layers;
      const g = one(L.geneve);
      const gh = t.geneve;
      const ctx = `frame ${i + 1}: ${toHex(frame)}`;
      // GENEVE header
      expect(Number(g['geneve.version']), ctx).toBe(gh.version ?? 0);
      const optBytes = (gh.options ?? []).reduce((n, o) => n + 4 + o.data.length, 0);
      expect(Number(g['geneve.option.length']), ctx).toBe(optBytes);
      expect(Number(g['geneve.flags']), ctx).toBe((gh.oam ? 0x80 : 0) | (gh.critical ? 0x40 : 0) | (gh.rsvd ?? 0));
      expect(Number(g['geneve.proto_type']), ctx).toBe(gh.protocolType);
      expect(Number(g['geneve.vni']), ctx).toBe(gh.vni);
      expect(Number(g['geneve.reserved']), ctx).toBe(gh.reserved ?? 0);
      // Options: tshark lists each one (raw bytes) with class, type, flags and length.
      const tree = (g['geneve.options_tree'] ?? {}) as Json;
      const raws = list(tree['geneve.option']);
      const subs = list(tree['geneve.option_tree']) as Json[];
      expect(raws.length, ctx).toBe((gh.options ?? []).length);
      (gh.options ?? []).forEach((o, j) => {
        const s = subs[j]!;
        expect(raws[j], ctx).toBe(
          colon(
            Uint8Array.from([
              o.optionClass >> 8,
              o.optionClass & 0xff,
              o.type,
              ((o.rsvd ?? 0) << 5) | (o.data.length >> 2),
              ...o.data,
            ]),
          ),
        );
        expect(Number(s['geneve.option.class']), ctx).toBe(o.optionClass);
        expect(Number(s['geneve.option.type']), ctx).toBe(o.type);
        expect(s['geneve.option.type.critical'], ctx).toBe(o.type & 0x80 ? '1' : '0');
        expect(Number(s['geneve.option.flags']), ctx).toBe(o.rsvd ?? 0); // tshark shows the 3 R bits shifted down
        expect(Number(s['geneve.option.length']), ctx).toBe(4 + o.data.length);
      });
      // UDP
      const u = one(L.udp);
      expect(Number(u['udp.srcport']), ctx).toBe(t.udp!.srcPort);
      expect(Number(u['udp.dstport']), ctx).toBe(6081);
      expect(Number(u['udp.length']), ctx).toBe(
        frame.length - 14 - 4 * t.eth!.vlans!.length - (t.ip.version === 4 ? 20 : 40),
      );
      const status = Number(u['udp.checksum.status']); // 0 Bad, 1 Good
      expect(status, ctx).toBe(badSum ? 0 : 1);
      if (badSum) badSeen++;
      // IP
      if (t.ip.version === 4) {
        const ip = one(L.ip);
        expect(ip['ip.src'], ctx).toBe(formatIpv4(t.ip.src as Uint8Array));
        expect(ip['ip.dst'], ctx).toBe(formatIpv4(t.ip.dst as Uint8Array));
        expect(Number(ip['ip.ttl']), ctx).toBe(t.ip.ttl);
        expect(Number(ip['ip.dsfield']), ctx).toBe(t.ip.tos);
        expect(Number(ip['ip.id']), ctx).toBe(t.ip.identification);
        expect(Number(ip['ip.flags']), ctx).toBe(t.ip.flags); // tshark shows the 3 flag bits shifted down
        expect(Number(ip['ip.checksum.status']), ctx).toBe(1);
      } else {
        const ip = one(L.ipv6);
        expect(ip['ipv6.src'], ctx).toBe(formatIpv6(t.ip.src as Uint8Array));
        expect(ip['ipv6.dst'], ctx).toBe(formatIpv6(t.ip.dst as Uint8Array));
        expect(Number(ip['ipv6.hlim']), ctx).toBe(t.ip.hopLimit);
        expect(Number(ip['ipv6.tclass']), ctx).toBe(t.ip.trafficClass);
        expect(Number(ip['ipv6.flow']), ctx).toBe(t.ip.flowLabel);
      }
      // Ethernet + tags
      const e = one(L.eth);
      expect(e['eth.dst'], ctx).toBe(formatMac(t.eth!.dst as Uint8Array));
      expect(e['eth.src'], ctx).toBe(formatMac(t.eth!.src as Uint8Array));
      const tags = t.eth!.vlans!;
      let cTags = tags;
      if (tags.length > 0 && tags[0]!.tpid === 0x88a8) {
        // S-tag: tshark's 802.1ad layer; the C-tag after it is a vlan layer.
        const ad = one(L.ieee8021ad);
        expect(Number(ad['ieee8021ad.id']), ctx).toBe(tags[0]!.vid);
        expect(Number(ad['ieee8021ad.priority']), ctx).toBe(tags[0]!.pcp);
        expect(Number(ad['ieee8021ad.dei']), ctx).toBe(tags[0]!.dei);
        cTags = tags.slice(1);
      }
      {
        const vl = list(L.vlan) as Json[];
        expect(vl.length, ctx).toBe(cTags.length);
        cTags.forEach((tag, j) => {
          expect(Number(vl[j]!['vlan.id']), ctx).toBe(tag.vid);
          expect(Number(vl[j]!['vlan.priority']), ctx).toBe(tag.pcp);
          expect(Number(vl[j]!['vlan.dei']), ctx).toBe(tag.dei);
        });
      }
    });
    expect(badSeen).toBeGreaterThan(10);
  });
});
