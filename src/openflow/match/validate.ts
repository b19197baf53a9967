import type { Match } from './types.js';
import { MatchError } from './errors.js';
import { fieldByName, type Prereq } from './fields.js';
import { bytesToNum } from './text-values.js';

const ETH = { IP: 0x0800, ARP: 0x0806, RARP: 0x8035, IPV6: 0x86dd, MPLS: 0x8847, MPLSM: 0x8848, NSH: 0x894f } as const;

/**
 * Whether one prerequisite (ovs-fields(7)) holds, given the match's eth_type, nw_proto, icmpv6_type and
 * whether it has a field. Shared by {@link validateMatch} and the flow-text parser.
 */
export function prereqSatisfied(
  p: Prereq,
  ethType: number | undefined,
  proto: number | undefined,
  icmp6: number | undefined,
  has: (field: string) => boolean,
): boolean {
  const ip = ethType === ETH.IP || ethType === ETH.IPV6;
  switch (p) {
    case 'none':
      return true;
    case 'vlan':
      return has('vlan_vid') || has('vlan_tci');
    case 'mpls':
      return ethType === ETH.MPLS || ethType === ETH.MPLSM;
    case 'ipv4':
      return ethType === ETH.IP;
    case 'ipv6':
      return ethType === ETH.IPV6;
    case 'ip':
      return ip;
    case 'arp':
      return ethType === ETH.ARP || ethType === ETH.RARP;
    case 'tcp':
      return ip && proto === 6;
    case 'udp':
      return ip && proto === 17;
    case 'sctp':
      return ip && proto === 132;
    case 'icmp':
      return ethType === ETH.IP && proto === 1;
    case 'icmpv6':
      return ethType === ETH.IPV6 && proto === 58;
    case 'nd':
      return ethType === ETH.IPV6 && proto === 58 && (icmp6 === 135 || icmp6 === 136);
    case 'ndSolicit':
      return ethType === ETH.IPV6 && proto === 58 && icmp6 === 135;
    case 'ndAdvert':
      return ethType === ETH.IPV6 && proto === 58 && icmp6 === 136;
    case 'nsh':
      return ethType === ETH.NSH;
    case 'ct':
      return has('ct_state');
  }
}

/**
 * Checks a match the way a switch does before accepting it (OVS OFPBMC_BAD_PREREQ /
 * OFPBMC_BAD_VALUE / OFPBMC_BAD_WILDCARDS): every field's prerequisite is present (ovs-fields(7)),
 * values use only the field's defined bits, masked values have no bits outside the mask.
 * Decoders do not call this (they keep whatever the peer sent); builders may.
 * @throws MatchError OF_MATCH_BAD_PREREQ, OF_MATCH_BAD_VALUE
 */
export function validateMatch(m: Match): void {
  const by = new Map(m.map((f) => [fieldByName(f.field)?.name ?? f.field, f]));
  const num = (n: string): number | undefined => {
    const f = by.get(n);
    return f ? bytesToNum(f.value) : undefined;
  };
  const ethType = num('eth_type');
  const proto = num('nw_proto');
  const icmp6 = num('icmpv6_type');
  const ok = (p: Prereq): boolean => prereqSatisfied(p, ethType, proto, icmp6, (f) => by.has(f));
  for (const f of m) {
    const def = fieldByName(f.field);
    if (!def) continue;
    if (!ok(def.prereq))
      throw new MatchError('OF_MATCH_BAD_PREREQ', `${def.name} requires its prerequisite (${def.prereq})`);
    const unused = def.bytes * 8 - def.usedBits;
    if (unused > 0 && !def.name.startsWith('tun_metadata')) {
      // the high `unused` bits must be zero
      for (let bit = 0; bit < unused; bit++) {
        const byte = f.value[bit >> 3]!;
        if (byte & (0x80 >> (bit & 7)))
          throw new MatchError('OF_MATCH_BAD_VALUE', `${def.name} uses only ${def.usedBits} bits`);
      }
    }
    if (f.mask) {
      for (let i = 0; i < f.value.length; i++) {
        if (f.value[i]! & ~f.mask[i]!)
          throw new MatchError('OF_MATCH_BAD_VALUE', `${def.name}: value has bits outside the mask`);
      }
    }
  }
}
