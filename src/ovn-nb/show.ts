/**
 * An `ovn-nbctl show`-like tree of a snapshot: switches with their ports (type, router-port,
 * addresses), routers with their ports (mac, networks, gateway chassis) and NAT rules. Sorted by name.
 */
import type { NbSnapshot } from './txn.js';

const q = (s: string): string => JSON.stringify(s);
const list = (a: readonly string[]): string => `[${a.map(q).join(', ')}]`;

/**
 * Renders the tree. `uuids: false` prints names only (stable output for docs and tests).
 * @example process.stdout.write(renderNbShow(await readNbSnapshot(client)))
 */
export function renderNbShow(snap: NbSnapshot, o: { uuids?: boolean } = {}): string {
  const lines: string[] = [];
  const id = (u: string, name: string): string => (o.uuids === false ? `(${name})` : `${u} (${name})`);
  const byName = <R extends { name: string }>(rows: Iterable<R>): R[] =>
    [...rows].sort((a, b) => a.name.localeCompare(b.name));
  const lsps = snap.Logical_Switch_Port;
  for (const ls of byName(snap.Logical_Switch?.values() ?? [])) {
    lines.push(`switch ${id(ls._uuid, ls.name)}`);
    const ports = byName(ls.ports.flatMap((u) => (lsps?.get(u) ? [lsps.get(u)!] : [])));
    for (const p of ports) {
      lines.push(`    port ${p.name}`);
      if (p.type) lines.push(`        type: ${p.type}`);
      if (p.options?.['router-port']) lines.push(`        router-port: ${p.options['router-port']}`);
      if (p.parent_name) lines.push(`        parent: ${p.parent_name}`);
      if (p.tag_request !== undefined) lines.push(`        tag_request: ${p.tag_request}`);
      if (p.addresses.length && !(p.type === 'router' && p.addresses.length === 1 && p.addresses[0] === 'router'))
        lines.push(`        addresses: ${list(p.addresses)}`);
    }
  }
  const lrps = snap.Logical_Router_Port;
  const gcs = snap.Gateway_Chassis;
  const nats = snap.NAT;
  for (const lr of byName(snap.Logical_Router?.values() ?? [])) {
    lines.push(`router ${id(lr._uuid, lr.name)}`);
    for (const p of byName(lr.ports.flatMap((u) => (lrps?.get(u) ? [lrps.get(u)!] : [])))) {
      lines.push(`    port ${p.name}`);
      lines.push(`        mac: ${q(p.mac)}`);
      lines.push(`        networks: ${list(p.networks)}`);
      const g = (p.gateway_chassis ?? [])
        .flatMap((u) => (gcs?.get(u) ? [gcs.get(u)!] : []))
        .sort((a, b) => b.priority - a.priority);
      if (g.length) lines.push(`        gateway chassis: [${g.map((x) => x.chassis_name).join(' ')}]`);
    }
    for (const n of (lr.nat ?? []).flatMap((u) => (nats?.get(u) ? [nats.get(u)!] : []))) {
      lines.push(`    nat ${o.uuids === false ? '' : n._uuid}`.trimEnd());
      lines.push(`        external ip: ${q(n.external_ip)}`);
      lines.push(`        logical ip: ${q(n.logical_ip)}`);
      lines.push(`        type: ${q(n.type)}`);
    }
  }
  return lines.map((l) => `${l}\n`).join('');
}
