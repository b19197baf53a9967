/**
 * Wire constants for GENEVE (RFC 8926) and the outer / inner headers around it, named as the
 * specs name them. `as const` tables, no enums.
 */

/** IANA UDP destination port for GENEVE. RFC 8926 §3.3 */
export const GENEVE_UDP_PORT = 6081;

/** Fixed part of the GENEVE header, bytes. RFC 8926 §3.4 */
export const GENEVE_FIXED_HEADER_LENGTH = 8;

/** Largest options area: Opt Len is 6 bits of 4-byte words. RFC 8926 §3.4 */
export const GENEVE_MAX_OPTIONS_LENGTH = 63 * 4;

/** Largest option data: Length is 5 bits of 4-byte words. RFC 8926 §3.5 */
export const GENEVE_MAX_OPTION_DATA_LENGTH = 31 * 4;

/** The only defined version. RFC 8926 §3.4 */
export const GENEVE_VERSION = 0;

/** High bit of an option's Type: the option is critical. RFC 8926 §3.5 */
export const GENEVE_OPTION_CRITICAL = 0x80;

/** Protocol Type values (Ethertypes) a GENEVE header commonly carries. RFC 8926 §3.4 */
export const PROTOCOL_TYPE = {
  /** Transparent Ethernet Bridging: the payload is an Ethernet frame. */
  TRANSPARENT_ETHERNET_BRIDGING: 0x6558,
  IPV4: 0x0800,
  IPV6: 0x86dd,
  ARP: 0x0806,
} as const;

/** Ethertypes of the outer and inner Ethernet frames. IEEE 802.3 / IEEE 802.1Q */
export const ETHERTYPE = {
  IPV4: 0x0800,
  ARP: 0x0806,
  /** IEEE 802.1Q C-tag */
  VLAN: 0x8100,
  /** IEEE 802.1ad S-tag */
  QINQ: 0x88a8,
  IPV6: 0x86dd,
  TRANSPARENT_ETHERNET_BRIDGING: 0x6558,
} as const;

/** IP protocol numbers (IPv4 Protocol / IPv6 Next Header). IANA "Assigned Internet Protocol Numbers" */
export const IP_PROTOCOL = {
  ICMP: 1,
  TCP: 6,
  UDP: 17,
  ICMPV6: 58,
} as const;

/**
 * OVN's GENEVE option: class 0x0102 ("Open Virtual Networking"), type 0x80 (critical), 4 data
 * bytes: 1 reserved bit, 15-bit logical ingress port key, 16-bit logical egress port key.
 * ovn-architecture(7) "Tunnel Encapsulations"; ovn/lib/ovn-util.h OVN_GENEVE_*.
 */
export const OVN_GENEVE = {
  CLASS: 0x0102,
  TYPE: 0x80,
  /** Data length in 4-byte words. */
  LEN: 1,
  /** Egress port keys at or above this are logical multicast groups. */
  MULTICAST_KEY_MIN: 0x8000,
  /** Largest logical ingress port key (15 bits). */
  MAX_INGRESS_KEY: 0x7fff,
  /** Largest logical egress port key (16 bits). */
  MAX_EGRESS_KEY: 0xffff,
} as const;

/** pcap / pcapng LINKTYPE_ values. https://www.tcpdump.org/linktypes.html */
export const LINKTYPE = {
  ETHERNET: 1,
  RAW: 101,
  LINUX_SLL: 113,
  IPV4: 228,
  IPV6: 229,
} as const;
