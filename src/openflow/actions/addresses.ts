/** IPv4 / IPv6 address text to bytes for action arguments (NAT ranges, set_field values). */
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

export function parseIp(s: string): Uint8Array {
  if (s.includes(':')) return ipv6Bytes(s);
  const p = s.split('.');
  if (p.length !== 4 || p.some((x) => !/^\d{1,3}$/.test(x) || Number(x) > 255)) {
    throw new ActionError('OF_ACTION_BAD_ARGUMENT', `bad IPv4 address ${JSON.stringify(s)}`);
  }
  return Uint8Array.from(p.map(Number));
}

export function ipv6Bytes(s: string): Uint8Array {
  let text = s;
  const out = new Uint8Array(16);
  let tail4: number[] | undefined;
  const m = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (m) {
    tail4 = Array.from(parseIp(m[2]!));
    text = `${m[1]}0:0`;
  }
  const halves = text.split('::');
  if (halves.length > 2) throw new ActionError('OF_ACTION_BAD_ARGUMENT', `bad IPv6 address ${JSON.stringify(s)}`);
  const parse = (h: string): number[] => (h === '' ? [] : h.split(':').map((g) => {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) throw new ActionError('OF_ACTION_BAD_ARGUMENT', `bad IPv6 address ${JSON.stringify(s)}`);
    return parseInt(g, 16);
  }));
  const a = parse(halves[0]!);
  const b = halves.length === 2 ? parse(halves[1]!) : [];
  const groups = halves.length === 2 ? [...a, ...new Array(8 - a.length - b.length).fill(0), ...b] : a;
  if (groups.length !== 8) throw new ActionError('OF_ACTION_BAD_ARGUMENT', `bad IPv6 address ${JSON.stringify(s)}`);
  groups.forEach((g, i) => {
    out[2 * i] = g >>> 8;
    out[2 * i + 1] = g & 0xff;
  });
  if (tail4) out.set(tail4, 12);
  return out;
}
