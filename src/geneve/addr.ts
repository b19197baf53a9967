/**
 * Address text <-> bytes for the packet codec: MAC, IPv4, IPv6, through the shared codec in
 * src/wire/address.ts; this file only turns its refusals into GENEVE's typed error.
 */
import {
  formatIp as formatIpOrUndefined,
  formatIpv4,
  formatIpv6,
  formatMac,
  ipv4FromText,
  ipv6FromText,
  macFromText,
} from '../wire/address.js';
import { EncapsulationError } from './errors.js';

export { formatIpv4, formatIpv6, formatMac };

/** A MAC as `aa:bb:cc:dd:ee:ff` or 6 bytes. */
export type MacInput = string | Uint8Array;
/** An IP address as text or bytes (4 for IPv4, 16 for IPv6). */
export type IpInput = string | Uint8Array;

/**
 * Formats an address by its length: 4 bytes as IPv4, 16 as IPv6 (as inet_ntop prints it).
 * @throws EncapsulationError `GENEVE_ENCAP_INVALID` for any other length.
 */
export function formatIp(b: Uint8Array): string {
  const s = formatIpOrUndefined(b);
  if (s === undefined) throw new EncapsulationError(`an IP address is 4 or 16 bytes, got ${b.length}`);
  return s;
}

/** Parses a MAC. @throws EncapsulationError `GENEVE_ENCAP_INVALID`. */
export function parseMac(m: MacInput): Uint8Array {
  if (typeof m !== 'string') {
    if (m.length !== 6) throw new EncapsulationError(`MAC must be 6 bytes, got ${m.length}`);
    return m;
  }
  return macFromText(m) ?? fail(`bad MAC ${JSON.stringify(m)}`);
}

/** Parses an IPv4 address. @throws EncapsulationError `GENEVE_ENCAP_INVALID`. */
export function parseIpv4(a: IpInput): Uint8Array {
  if (typeof a !== 'string') {
    if (a.length !== 4) throw new EncapsulationError(`IPv4 address must be 4 bytes, got ${a.length}`);
    return a;
  }
  return ipv4FromText(a) ?? fail(`bad IPv4 address ${JSON.stringify(a)}`);
}

/** Parses an IPv6 address (with `::` and an optional dotted IPv4 tail). @throws EncapsulationError `GENEVE_ENCAP_INVALID`. */
export function parseIpv6(a: IpInput): Uint8Array {
  if (typeof a !== 'string') {
    if (a.length !== 16) throw new EncapsulationError(`IPv6 address must be 16 bytes, got ${a.length}`);
    return a;
  }
  return ipv6FromText(a) ?? fail(`bad IPv6 address ${JSON.stringify(a)}`);
}

function fail(message: string): never {
  throw new EncapsulationError(message);
}
