/** IPv4 / IPv6 address text to bytes for action arguments (NAT ranges, set_field values). */
import { ipv4FromText, ipv6FromText } from '../../wire/address.js';
import { ActionError } from './errors.js';

const ipCache = new Map<string, Uint8Array>();

/** Address text → bytes (cached: NAT ranges repeat across flows). */
export function ipBytes(s: string): Uint8Array {
  let b = ipCache.get(s);
  if (b === undefined) {
    b = parseIp(s);
    if (ipCache.size > 4096) ipCache.clear();
    ipCache.set(s, b);
  }
  return b;
}

/** IPv4 or IPv6 text → bytes through the shared address codec. @throws ActionError `OF_ACTION_BAD_ARGUMENT` */
export function parseIp(s: string): Uint8Array {
  if (s.includes(':')) return ipv6Bytes(s);
  const b = ipv4FromText(s);
  if (b === undefined) throw new ActionError('OF_ACTION_BAD_ARGUMENT', `bad IPv4 address ${JSON.stringify(s)}`);
  return b;
}

/** IPv6 text → 16 bytes (RFC 4291 §2.2, as inet_pton and ovs-ofctl read it). @throws ActionError `OF_ACTION_BAD_ARGUMENT` */
export function ipv6Bytes(s: string): Uint8Array {
  const b = ipv6FromText(s);
  if (b === undefined) throw new ActionError('OF_ACTION_BAD_ARGUMENT', `bad IPv6 address ${JSON.stringify(s)}`);
  return b;
}
