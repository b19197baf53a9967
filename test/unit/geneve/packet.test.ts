/** Outer packet: encapsulate / decapsulate both ways, checksums, errors; inner summaries; explain. */
import { describe, expect, it } from 'vitest';
import {
  decapsulate,
  encapsulate,
  Encapsulator,
  explainCapture,
  explainGeneve,
  CaptureWriter,
  formatIpv6,
  logicalNamesFromRows,
  logicalNamesFromSbSnapshot as logicalNamesFromSb,
  ovnMetadataOption,
  parseIpv6,
  summarizeGeneve,
  summarizeInner,
  type Tunnel,
} from '../../../src/geneve/index.js';
import { fromHex, toHex } from '../../../src/wire/index.js';

const code = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    return (e as { code: string }).code;
  }
  return 'none';
};

// Inner Ethernet + IPv4 + ICMP echo request 10.16.0.8 > 10.16.0.12, id 7, seq 1, 8 bytes of data.
function icmpFrame(src = [10, 16, 0, 8], dst = [10, 16, 0, 12], type = 8): Uint8Array {
  const ip = [0x45, 0, 0, 36, 0, 1, 0x40, 0, 64, 1, 0, 0, ...src, ...dst];
  const icmp = [type, 0, 0, 0, 0, 7, 0, 1, 1, 2, 3, 4, 5, 6, 7, 8];
  return Uint8Array.from([0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 1, 0x08, 0x00, ...ip, ...icmp]);
}

const tunnel: Tunnel = {
  eth: { src: '02:00:00:00:00:01', dst: '02:00:00:00:00:02' },
  ip: { version: 4, src: '192.168.0.1', dst: '192.168.0.2' },
  udp: { srcPort: 51000 },
  geneve: { vni: 3, options: [ovnMetadataOption({ ingressPort: 2, egressPort: 4 })] },
};

describe('encapsulate / decapsulate', () => {
  it('IPv4: fields, lengths, checksums, then back', () => {
    const inner = icmpFrame();
    const f = encapsulate(inner, tunnel);
    expect(f.length).toBe(14 + 20 + 8 + 16 + inner.length);
    const d = decapsulate(f);
    expect(d.ip).toMatchObject({
      version: 4,
      ttl: 64,
      flags: 2,
      protocol: 17,
      checksumValid: true,
      totalLength: f.length - 14,
    });
    expect(d.udp).toMatchObject({ srcPort: 51000, dstPort: 6081, length: f.length - 34, checksumStatus: 'good' });
    expect(d.geneve.critical).toBe(true);
    expect(toHex(d.inner)).toBe(toHex(inner));
    expect(summarizeGeneve(d.geneve)).toBe(
      'Geneve, Flags [C], vni 0x3, options [8 bytes]: IP 10.16.0.8 > 10.16.0.12: ICMP echo request, id 7, seq 1, length 16',
    );
  });
  it('UDP checksum off (IPv4 only) reads as none; a flipped byte reads as bad', () => {
    const f = encapsulate(icmpFrame(), { ...tunnel, udp: { checksum: false } });
    expect(decapsulate(f).udp.checksumStatus).toBe('none');
    const g = encapsulate(icmpFrame(), tunnel);
    g[g.length - 1] = g[g.length - 1]! ^ 1;
    expect(decapsulate(g).udp.checksumStatus).toBe('bad');
    expect(
      code(() =>
        encapsulate(icmpFrame(), { ...tunnel, ip: { version: 6, src: '::1', dst: '::2' }, udp: { checksum: false } }),
      ),
    ).toBe('GENEVE_ENCAP_INVALID');
  });
  it('IPv6 with two tags; the reused-buffer path writes the same bytes as the one-shot path', () => {
    const t6: Tunnel = {
      eth: {
        src: '02:00:00:00:00:01',
        dst: '02:00:00:00:00:02',
        vlans: [
          { tpid: 0x88a8, vid: 100, pcp: 5 },
          { vid: 200, dei: 1 },
        ],
      },
      ip: {
        version: 6,
        src: 'fd00::1',
        dst: 'fd00::ffff:10.0.0.2',
        flowLabel: 0xabcde,
        trafficClass: 0x12,
        hopLimit: 9,
      },
      geneve: { vni: 0xffffff, protocolType: 0x0800 },
    };
    const inner = icmpFrame().subarray(14);
    const one = encapsulate(inner, t6);
    const out = new Uint8Array(4000).fill(0xcc);
    const enc = new Encapsulator(t6);
    expect(enc.encapsulateInto(inner, out, 100)).toBe(one.length);
    expect(toHex(out.subarray(100, 100 + one.length))).toBe(toHex(one));
    const d = decapsulate(one);
    expect(d.eth!.vlans).toEqual([
      { tpid: 0x88a8, pcp: 5, dei: 0, vid: 100 },
      { tpid: 0x8100, pcp: 0, dei: 1, vid: 200 },
    ]);
    expect(d.ip).toMatchObject({
      version: 6,
      flowLabel: 0xabcde,
      trafficClass: 0x12,
      hopLimit: 9,
      payloadLength: one.length - 22 - 40,
    });
    expect(formatIpv6(d.ip.dst)).toBe('fd00::ffff:a00:2');
    expect(d.udp.checksumStatus).toBe('good');
    expect(summarizeInner(d.inner, d.geneve.protocolType)).toBe(
      'IP 10.16.0.8 > 10.16.0.12: ICMP echo request, id 7, seq 1, length 16',
    );
  });
  it('odd-length inner frames checksum correctly', () => {
    for (let n = 0; n < 9; n++) {
      const d = decapsulate(encapsulate(new Uint8Array(n).fill(0xa5), tunnel));
      expect(d.udp.checksumStatus).toBe('good');
      expect(d.inner.length).toBe(n);
    }
  });
  it('errors: not GENEVE, truncated, malformed, link type, no room', () => {
    const f = encapsulate(icmpFrame(), tunnel);
    const other = Buffer.from(f);
    other[37] = 0x35; // dst port 0x17c1 → 0x1735
    expect(code(() => decapsulate(other))).toBe('GENEVE_NOT_GENEVE');
    expect(decapsulate(other, { ports: [0x1735] }).geneve.vni).toBe(3);
    expect(code(() => decapsulate(f.subarray(0, 20)))).toBe('GENEVE_PACKET_TRUNCATED');
    expect(code(() => decapsulate(f.subarray(0, 10)))).toBe('GENEVE_PACKET_TRUNCATED');
    const ihl = Buffer.from(f);
    ihl[14] = 0x44;
    expect(code(() => decapsulate(ihl))).toBe('GENEVE_PACKET_MALFORMED');
    const arp = Buffer.from(f);
    arp[12] = 0x08;
    arp[13] = 0x06;
    expect(code(() => decapsulate(arp))).toBe('GENEVE_NOT_GENEVE');
    expect(code(() => decapsulate(f, { linkType: 147 }))).toBe('GENEVE_UNSUPPORTED_LINKTYPE');
    expect(decapsulate(f.subarray(14), { linkType: 101 }).geneve.vni).toBe(3);
    expect(code(() => new Encapsulator(tunnel).encapsulateInto(icmpFrame(), new Uint8Array(50)))).toBe(
      'GENEVE_ENCAP_INVALID',
    );
    expect(code(() => encapsulate(icmpFrame(), { ...tunnel, ip: { version: 4, src: '1.2.3', dst: '1.2.3.4' } }))).toBe(
      'GENEVE_ENCAP_INVALID',
    );
    expect(code(() => encapsulate(new Uint8Array(65535), tunnel))).toBe('GENEVE_ENCAP_INVALID');
    // a capture cut short by snaplen: IP says more than was captured
    const cut = decapsulate(f.subarray(0, f.length - 10));
    expect(cut.truncated).toBe(true);
    expect(cut.udp.checksumStatus).toBe('unverified');
  });
  it('IPv6 text parsing', () => {
    expect(formatIpv6(parseIpv6('2001:db8::1'))).toBe('2001:db8::1');
    expect(formatIpv6(parseIpv6('::'))).toBe('::');
    expect(formatIpv6(parseIpv6('1:2:3:4:5:6:7:8'))).toBe('1:2:3:4:5:6:7:8');
    expect(formatIpv6(parseIpv6('::ffff:1.2.3.4'))).toBe('::ffff:1.2.3.4');
    expect(code(() => parseIpv6('1::2::3'))).toBe('GENEVE_ENCAP_INVALID');
    expect(code(() => parseIpv6('1:2:3:4:5:6:7:8:9'))).toBe('GENEVE_ENCAP_INVALID');
  });
});

describe('inner summaries', () => {
  it('ARP, TCP, UDP, IPv6 ICMP, unknown ethertype', () => {
    const arp = fromHex(
      'ffffffffffff 020000000001 0806 0001 0800 06 04 0001 020000000001 0a000001 000000000000 0a000002',
    );
    expect(summarizeInner(arp)).toBe('ARP, Request who-has 10.0.0.2 tell 10.0.0.1, length 28');
    const tcp = fromHex('4500002800000000400600000a0000010a00000204d2005000000064000000005002200000000000');
    expect(summarizeInner(tcp, 0x0800)).toBe('IP 10.0.0.1.1234 > 10.0.0.2.80: Flags [S], seq 100, win 8192, length 0');
    const udp = fromHex('4500002000000000401100000a0000010a0000020035d431000c0000aabbccdd');
    expect(summarizeInner(udp, 0x0800)).toBe('IP 10.0.0.1.53 > 10.0.0.2.54321: UDP, length 4');
    const v6 = fromHex(
      '6000000000083a40fe800000000000000000000000000001ff020000000000000000000000000001' + '8000000000010002',
    );
    expect(summarizeInner(v6, 0x86dd)).toBe('IP6 fe80::1 > ff02::1: ICMP6, echo request, id 1, seq 2, length 8');
    expect(summarizeInner(fromHex('1234'), 0x1234)).toBe('ethertype 0x1234, length 2');
    expect(summarizeInner(fromHex('00'))).toBe('[|ether] length 1');
  });
});

describe('explain', () => {
  const names = logicalNamesFromRows(
    [{ tunnel_key: 3, name: 'ovn-default' }],
    [
      { datapath_key: 3, tunnel_key: 2, logical_port: 'ovn-default-node1-pod1.default' },
      { datapath_key: 3, tunnel_key: 4, logical_port: 'ovn-default-node2-pod3.default' },
    ],
    [{ datapath_key: 3, tunnel_key: 0x8000, name: '_MC_flood' }],
  );
  it('prints the issue example line', () => {
    const f = decapsulate(encapsulate(icmpFrame(), tunnel));
    expect(explainGeneve(f.geneve, names).text).toBe(
      'ovn-default: ovn-default-node1-pod1.default → ovn-default-node2-pod3.default ICMP echo request 10.16.0.8 > 10.16.0.12',
    );
  });
  it('multicast groups, unknown keys, frames without the option', () => {
    const mc = decapsulate(
      encapsulate(icmpFrame(), {
        ...tunnel,
        geneve: { vni: 3, options: [ovnMetadataOption({ ingressPort: 2, egressPort: 0x8000 })] },
      }),
    );
    expect(explainGeneve(mc.geneve, names).text).toBe(
      'ovn-default: ovn-default-node1-pod1.default → _MC_flood ICMP echo request 10.16.0.8 > 10.16.0.12',
    );
    const unk = decapsulate(
      encapsulate(icmpFrame(), {
        ...tunnel,
        geneve: { vni: 9, options: [ovnMetadataOption({ ingressPort: 5, egressPort: 0x8001 })] },
      }),
    );
    expect(explainGeneve(unk.geneve, names).text).toBe(
      'vni 0x9: port 5 → multicast 0x8001 ICMP echo request 10.16.0.8 > 10.16.0.12',
    );
    const none = decapsulate(encapsulate(icmpFrame(), { ...tunnel, geneve: { vni: 3 } }));
    expect(explainGeneve(none.geneve, names).text).toBe('ovn-default: ICMP echo request 10.16.0.8 > 10.16.0.12');
  });
  it('logicalNamesFromSb takes wire notation and plain forms alike', () => {
    const n = logicalNamesFromSb({
      Datapath_Binding: [
        {
          _uuid: ['uuid', 'u-1'],
          tunnel_key: 3,
          external_ids: [
            'map',
            [
              ['name', 'ovn-default'],
              ['name2', 'x'],
            ],
          ],
        },
        { _uuid: 'u-2', tunnel_key: 4, external_ids: { name: 'join' } },
        { _uuid: 'u-3', tunnel_key: 5, external_ids: {} },
      ],
      Port_Binding: [
        { datapath: ['uuid', 'u-1'], tunnel_key: 2, logical_port: 'pod1' },
        { datapath: 'u-2', tunnel_key: 2, logical_port: 'node1' },
        { datapath: 'u-missing', tunnel_key: 9, logical_port: 'orphan' },
      ],
    });
    expect([n.datapath(3), n.datapath(4), n.datapath(5), n.datapath(6)]).toEqual([
      'ovn-default',
      'join',
      'datapath 5',
      undefined,
    ]);
    expect([n.port(3, 2), n.port(4, 2), n.port(3, 9)]).toEqual(['pod1', 'node1', undefined]);
  });
  it('explains a capture, skipping non-GENEVE frames and reporting broken ones', async () => {
    const w = new CaptureWriter();
    const good = encapsulate(icmpFrame(), tunnel);
    const notGeneve = icmpFrame();
    const broken = Buffer.from(encapsulate(icmpFrame(), tunnel));
    broken[42] = 0x42; // GENEVE version 1
    const cap = Buffer.concat([w.header(), w.record(good), w.record(notGeneve), w.record(broken)]);
    const out = [];
    for await (const e of explainCapture([cap], names)) out.push(e);
    expect(out.length).toBe(2);
    expect(out[0]).toMatchObject({
      index: 1,
      ok: true,
      ingress: 'ovn-default-node1-pod1.default',
      egress: 'ovn-default-node2-pod3.default',
    });
    expect(out[1]).toMatchObject({ index: 3, ok: false });
    expect(out[1]!.ok === false && out[1]!.error.code).toBe('GENEVE_BAD_VERSION');
  });
});
