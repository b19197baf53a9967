/**
 * The one-line flow summary ofp-print shows for packet data in packet-in / packet-out messages:
 * Ethernet, up to two VLAN tags, ARP/RARP, IPv4 with TCP/UDP/ICMP (IEEE 802.3, RFC 826, RFC 791,
 * RFC 793, RFC 768, RFC 792). Other payloads print their Ethernet part and `dl_type`. Pure: reads
 * the bytes, returns text.
 */
import { formatMac } from './props.js';

const hex4 = (n: number) => `0x${n.toString(16).padStart(4, '0')}`;
const ip4 = (b: Uint8Array, o: number) => `${b[o]}.${b[o + 1]}.${b[o + 2]}.${b[o + 3]}`;
const u16 = (b: Uint8Array, o: number) => (b[o]! << 8) | b[o + 1]!;

const TCP_FLAG_NAMES = ['fin', 'syn', 'rst', 'psh', 'ack', 'urg', 'ece', 'cwr', 'ns'];

/**
 * The flow line for a packet (without trailing newline), e.g.
 * `tcp,vlan_tci=0x0000,dl_src=…,dl_dst=…,nw_src=…,…,tcp_flags=syn tcp_csum:26e8`.
 * Returns '' for data shorter than an Ethernet header.
 */
export function formatPacketFlow(p: Uint8Array): string {
  if (p.length < 14) return '';
  const dst = p.subarray(0, 6);
  const src = p.subarray(6, 12);
  let off = 12;
  let type = u16(p, off);
  off += 2;
  const tcis: number[] = [];
  while ((type === 0x8100 || type === 0x88a8) && tcis.length < 2 && p.length >= off + 4) {
    tcis.push(u16(p, off) | 0x1000); // CFI/"present" bit as OVS stores it
    type = u16(p, off + 2);
    off += 4;
  }
  const vlan = (): string[] => {
    if (tcis.length === 0) return ['vlan_tci=0x0000'];
    const t = tcis[0]!;
    const out = [`dl_vlan=${t & 0xfff}`, `dl_vlan_pcp=${t >> 13}`];
    out.push(`vlan_tci1=${hex4(tcis[1] ?? 0)}`);
    return out;
  };
  const eth = [`dl_src=${formatMac(src)}`, `dl_dst=${formatMac(dst)}`];

  if (type === 0x0806 || type === 0x8035) {
    const parts = [type === 0x0806 ? 'arp' : 'rarp', ...vlan(), ...eth];
    if (
      p.length >= off + 28 &&
      u16(p, off) === 1 &&
      u16(p, off + 2) === 0x0800 &&
      p[off + 4] === 6 &&
      p[off + 5] === 4
    ) {
      const op = u16(p, off + 6);
      parts.push(`arp_spa=${ip4(p, off + 14)}`, `arp_tpa=${ip4(p, off + 24)}`, `arp_op=${op}`);
      parts.push(
        `arp_sha=${formatMac(p.subarray(off + 8, off + 14))}`,
        `arp_tha=${formatMac(p.subarray(off + 18, off + 24))}`,
      );
    } else {
      parts.push(
        'arp_spa=0.0.0.0',
        'arp_tpa=0.0.0.0',
        'arp_op=0',
        'arp_sha=00:00:00:00:00:00',
        'arp_tha=00:00:00:00:00:00',
      );
    }
    return parts.join(',');
  }
  if (type !== 0x0800) return [...vlan(), ...eth, `dl_type=${hex4(type)}`].join(',');

  // IPv4: only a complete header whose total length fits the data is parsed (as OVS does).
  const ihl = p.length > off ? (p[off]! & 0x0f) * 4 : 0;
  const totLen = p.length >= off + 4 ? u16(p, off + 2) : 0;
  const valid = p.length >= off + 20 && p[off]! >> 4 === 4 && ihl >= 20 && totLen >= ihl && off + totLen <= p.length;
  if (!valid) {
    return [
      'ip',
      ...vlan(),
      ...eth,
      'nw_src=0.0.0.0',
      'nw_dst=0.0.0.0',
      'nw_proto=0',
      'nw_tos=0',
      'nw_ecn=0',
      'nw_ttl=0',
      'nw_frag=no',
    ].join(',');
  }
  const tos = p[off + 1]!;
  const fragWord = u16(p, off + 6);
  const fragOff = fragWord & 0x1fff;
  const more = (fragWord & 0x2000) !== 0;
  const frag = fragOff ? 'later' : more ? 'first' : 'no';
  const ttl = p[off + 8]!;
  const proto = p[off + 9]!;
  const l4 = off + ihl;
  const l4end = off + totLen;
  const shorthand = proto === 6 ? 'tcp' : proto === 17 ? 'udp' : proto === 1 ? 'icmp' : proto === 132 ? 'sctp' : 'ip';
  const parts = [shorthand, ...vlan(), ...eth, `nw_src=${ip4(p, off + 12)}`, `nw_dst=${ip4(p, off + 16)}`];
  if (shorthand === 'ip') parts.push(`nw_proto=${proto}`);
  parts.push(`nw_tos=${tos & 0xfc}`, `nw_ecn=${tos & 3}`, `nw_ttl=${ttl}`, `nw_frag=${frag}`);
  // L4 fields come from whole packets and first fragments (a later fragment has none); a header
  // that does not fit shows zeros. The checksum is shown whenever its bytes are present.
  const avail = Math.min(p.length, l4end) - l4;
  const parsed = frag !== 'later';
  let tail = '';
  if (proto === 6) {
    const doff = avail >= 13 ? (p[l4 + 12]! >> 4) * 4 : 0;
    const ok = parsed && avail >= 20 && doff >= 20 && doff <= avail;
    const flags = ok ? u16(p, l4 + 12) & 0x1ff : 0;
    const names = TCP_FLAG_NAMES.filter((_, i) => flags & (1 << i));
    if (frag !== 'later')
      parts.push(
        `tp_src=${ok ? u16(p, l4) : 0}`,
        `tp_dst=${ok ? u16(p, l4 + 2) : 0}`,
        `tcp_flags=${names.length ? names.join('|') : '0'}`,
      );
    if (avail >= 18) tail = ` tcp_csum:${u16(p, l4 + 16).toString(16)}`;
  } else if (proto === 17) {
    const ok = parsed && avail >= 8;
    if (frag !== 'later') parts.push(`tp_src=${ok ? u16(p, l4) : 0}`, `tp_dst=${ok ? u16(p, l4 + 2) : 0}`);
    if (avail >= 8) tail = ` udp_csum:${u16(p, l4 + 6).toString(16)}`;
  } else if (proto === 132) {
    const ok = parsed && avail >= 12;
    if (frag !== 'later') parts.push(`tp_src=${ok ? u16(p, l4) : 0}`, `tp_dst=${ok ? u16(p, l4 + 2) : 0}`);
    if (avail >= 12)
      tail = ` sctp_csum:${(((p[l4 + 8]! << 24) >>> 0) + ((p[l4 + 9]! << 16) | (p[l4 + 10]! << 8) | p[l4 + 11]!)).toString(16)}`;
  } else if (proto === 1) {
    const ok = parsed && avail >= 4;
    if (frag !== 'later') parts.push(`icmp_type=${ok ? p[l4] : 0}`, `icmp_code=${ok ? p[l4 + 1] : 0}`);
    if (avail >= 4) tail = ` icmp_csum:${u16(p, l4 + 2).toString(16)}`;
  }
  return parts.join(',') + tail;
}
