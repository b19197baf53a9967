/**
 * Remotes in OVSDB / OVS syntax (ovsdb-server(1) "Remotes"):
 * active `tcp:host:port`, `tcp:[v6]:port`, `ssl:host:port`, `unix:path`; passive `ptcp:port[:ip]`,
 * `pssl:port[:ip]`, `punix:path`. A comma-separated list names several remotes.
 *
 * As in OVS, a passive remote without an address (`ptcp:6641`) listens on every address (0.0.0.0);
 * write the loopback address to stay local (`ptcp:6641:127.0.0.1`).
 */
import { isIP } from 'node:net';
import { RemoteSyntaxError } from './errors.js';

export type Remote =
  | { readonly kind: 'tcp' | 'ssl'; readonly host: string; readonly port: number; readonly text: string }
  | { readonly kind: 'unix'; readonly path: string; readonly text: string }
  | { readonly kind: 'ptcp' | 'pssl'; readonly port: number; readonly host: string; readonly text: string }
  | { readonly kind: 'punix'; readonly path: string; readonly text: string };

function port(s: string, remote: string, allowZero: boolean): number {
  if (!/^\d+$/.test(s)) throw new RemoteSyntaxError(remote, `port ${JSON.stringify(s)} is not a number`);
  const p = Number(s);
  if (p > 65535 || (!allowZero && p === 0)) throw new RemoteSyntaxError(remote, `port ${p} out of range`);
  return p;
}

function hostPort(rest: string, remote: string): [string, string] {
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    if (close < 0 || rest[close + 1] !== ':') throw new RemoteSyntaxError(remote, 'expected [ipv6]:port');
    const host = rest.slice(1, close);
    if (isIP(host) !== 6) throw new RemoteSyntaxError(remote, `${host} is not an IPv6 address`);
    return [host, rest.slice(close + 2)];
  }
  const colon = rest.lastIndexOf(':');
  if (colon <= 0) throw new RemoteSyntaxError(remote, 'expected host:port');
  const host = rest.slice(0, colon);
  if (host.includes(':')) throw new RemoteSyntaxError(remote, 'an IPv6 address must be written in brackets');
  if (!/^[A-Za-z0-9.-]+$/.test(host)) throw new RemoteSyntaxError(remote, `bad host ${JSON.stringify(host)}`);
  return [host, rest.slice(colon + 1)];
}

/**
 * Parses one remote.
 * @throws {RemoteSyntaxError} `TRANSPORT_BAD_REMOTE`
 */
export function parseRemote(text: string): Remote {
  const t = text.trim();
  const i = t.indexOf(':');
  if (i < 0) throw new RemoteSyntaxError(text, 'expected METHOD:ADDRESS (tcp:, ssl:, unix:, ptcp:, pssl:, punix:)');
  const method = t.slice(0, i);
  const rest = t.slice(i + 1);
  switch (method) {
    case 'tcp':
    case 'ssl': {
      const [host, p] = hostPort(rest, text);
      return { kind: method, host, port: port(p, text, false), text: t };
    }
    case 'unix':
    case 'punix':
      if (!rest) throw new RemoteSyntaxError(text, 'empty socket path');
      return { kind: method, path: rest, text: t };
    case 'ptcp':
    case 'pssl': {
      // ptcp:[port][:ip]
      const c = rest.indexOf(':');
      const p = c < 0 ? rest : rest.slice(0, c);
      let host = c < 0 ? '0.0.0.0' : rest.slice(c + 1);
      if (host.startsWith('[') && host.endsWith(']')) host = host.slice(1, -1);
      if (isIP(host) === 0) throw new RemoteSyntaxError(text, `${host} is not an IP address`);
      return { kind: method, port: p === '' ? 0 : port(p, text, true), host, text: t };
    }
    default:
      throw new RemoteSyntaxError(text, `unknown connection method "${method}"`);
  }
}

/**
 * Parses a comma-separated list of remotes (as `OVN_NB_DB` holds).
 * @throws {RemoteSyntaxError} `TRANSPORT_BAD_REMOTE`
 */
export function parseRemotes(list: string | readonly string[]): Remote[] {
  const items = (typeof list === 'string' ? list.split(',') : list).map((s) => s.trim()).filter(Boolean);
  if (items.length === 0) throw new RemoteSyntaxError(String(list), 'no remote given');
  return items.map(parseRemote);
}
