/**
 * Explain: GENEVE frames as logical facts. The VNI is a logical datapath's tunnel key
 * (SB `Datapath_Binding.tunnel_key`); OVN's option carries the logical ingress and egress port keys
 * (SB `Port_Binding.tunnel_key`, or `Multicast_Group.tunnel_key` for egress keys ≥ 0x8000), both
 * scoped to that datapath.
 *
 * The names come through {@link LogicalNames}; {@link logicalNamesFromRows} builds one from plain
 * SB rows (a snapshot, or whatever the SB read helpers return).
 */
import { formatIpv4, formatIpv6 } from './addr.js';
import { ETHERTYPE, IP_PROTOCOL, OVN_GENEVE } from './constants.js';
import { GeneveError } from './errors.js';
import type { DecodedGeneve } from './header.js';
import { InnerView, summarizeInner } from './inner.js';
import { findOvnMetadata, type OvnMetadata } from './ovn-option.js';
import { decapsulate, type DecapsulateOptions } from './packet.js';
import { readCapture } from './pcap.js';

/** Resolves tunnel keys to logical names. */
export interface LogicalNames {
  /** Name of the logical datapath whose tunnel key is `vni`. */
  datapath(vni: number): string | undefined;
  /** Name of the logical port (or multicast group) with `portKey` on the datapath with `datapathKey`. */
  port(datapathKey: number, portKey: number): string | undefined;
}

/** A `Datapath_Binding` row, reduced: `name` is `external_ids:name`. */
export interface DatapathRow {
  readonly tunnel_key: number;
  readonly name: string;
}

/** A `Port_Binding` row, reduced: `datapath_key` is the tunnel key of its datapath. */
export interface PortRow {
  readonly datapath_key: number;
  readonly tunnel_key: number;
  readonly logical_port: string;
}

/** A `Multicast_Group` row, reduced. */
export interface MulticastGroupRow {
  readonly datapath_key: number;
  readonly tunnel_key: number;
  readonly name: string;
}

/**
 * Builds {@link LogicalNames} from plain rows.
 *
 * @example
 * ```ts
 * const names = logicalNamesFromRows(
 *   [{ tunnel_key: 3, name: 'ovn-default' }],
 *   [{ datapath_key: 3, tunnel_key: 2, logical_port: 'pod1.default' }],
 * );
 * ```
 */
export function logicalNamesFromRows(
  datapaths: readonly DatapathRow[],
  ports: readonly PortRow[],
  multicastGroups: readonly MulticastGroupRow[] = [],
): LogicalNames {
  const dps = new Map<number, string>();
  for (const d of datapaths) dps.set(d.tunnel_key, d.name);
  const key = (dp: number, p: number): number => dp * 0x10000 + p;
  const ps = new Map<number, string>();
  for (const p of ports) ps.set(key(p.datapath_key, p.tunnel_key), p.logical_port);
  for (const g of multicastGroups) ps.set(key(g.datapath_key, g.tunnel_key), g.name);
  return {
    datapath: (vni) => dps.get(vni),
    port: (dp, p) => ps.get(key(dp, p)),
  };
}

/** An OVSDB uuid as the JSON-RPC wire has it (`["uuid", "…"]`) or as a bare string. */
export type SbUuid = readonly ['uuid', string] | string;
/** An OVSDB map as the wire has it (`["map", [[k, v], …]]`) or as a plain record. */
export type SbStringMap = readonly ['map', readonly (readonly [string, string])[]] | Readonly<Record<string, string>>;

/**
 * Rows of an SB `select` (OVSDB JSON notation, RFC 7047 §5.1), e.g. the result of
 * `["OVN_Southbound", {"op":"select","table":"Datapath_Binding","where":[],"columns":["_uuid","tunnel_key","external_ids"]}, …]`.
 */
export interface SbSnapshot {
  readonly Datapath_Binding: readonly {
    readonly _uuid: SbUuid;
    readonly tunnel_key: number;
    readonly external_ids: SbStringMap;
  }[];
  readonly Port_Binding: readonly {
    readonly datapath: SbUuid;
    readonly tunnel_key: number;
    readonly logical_port: string;
  }[];
  readonly Multicast_Group?: readonly {
    readonly datapath: SbUuid;
    readonly tunnel_key: number;
    readonly name: string;
  }[];
}

function uuidOf(u: SbUuid): string {
  return typeof u === 'string' ? u : u[1];
}

function mapGet(m: SbStringMap, key: string): string | undefined {
  if (Array.isArray(m) && m[0] === 'map') {
    for (const [k, v] of m[1] as readonly (readonly [string, string])[]) if (k === key) return v;
    return undefined;
  }
  return (m as Readonly<Record<string, string>>)[key];
}

/**
 * Builds {@link LogicalNames} from SB rows in OVSDB notation: the datapath's name is
 * `external_ids:name` (falling back to its tunnel key), ports are joined to their datapath by uuid.
 */
export function logicalNamesFromSb(sb: SbSnapshot): LogicalNames {
  const keyOf = new Map<string, number>();
  const datapaths: DatapathRow[] = [];
  for (const d of sb.Datapath_Binding) {
    keyOf.set(uuidOf(d._uuid), d.tunnel_key);
    datapaths.push({ tunnel_key: d.tunnel_key, name: mapGet(d.external_ids, 'name') ?? `datapath ${d.tunnel_key}` });
  }
  const ports: PortRow[] = [];
  for (const p of sb.Port_Binding) {
    const dk = keyOf.get(uuidOf(p.datapath));
    if (dk !== undefined) ports.push({ datapath_key: dk, tunnel_key: p.tunnel_key, logical_port: p.logical_port });
  }
  const groups: MulticastGroupRow[] = [];
  for (const g of sb.Multicast_Group ?? []) {
    const dk = keyOf.get(uuidOf(g.datapath));
    if (dk !== undefined) groups.push({ datapath_key: dk, tunnel_key: g.tunnel_key, name: g.name });
  }
  return logicalNamesFromRows(datapaths, ports, groups);
}

/** One frame in logical terms. */
export interface ExplainedFrame {
  readonly vni: number;
  readonly datapath: string | undefined;
  /** OVN's option, when present. */
  readonly metadata: OvnMetadata | undefined;
  readonly ingress: string | undefined;
  readonly egress: string | undefined;
  /** Short description of the inner packet, e.g. `ICMP echo request 10.16.0.8 > 10.16.0.12`. */
  readonly what: string;
  /** The whole line. */
  readonly text: string;
}

/** A short fact about the inner packet: protocol, then addresses. Never throws. */
export function describeInner(payload: Uint8Array, protocolType: number): string {
  const v = new InnerView().decode(payload, 0, payload.length, protocolType);
  const b = payload;
  const p = v.l3Offset;
  if ((v.etherType === ETHERTYPE.IPV4 || v.etherType === ETHERTYPE.IPV6) && p >= 0) {
    const v6 = v.etherType === ETHERTYPE.IPV6;
    const src = v6 ? formatIpv6(b, p + 8) : formatIpv4(b, p + 12);
    const dst = v6 ? formatIpv6(b, p + 24) : formatIpv4(b, p + 16);
    const proto = v.ipProtocol;
    if ((proto === IP_PROTOCOL.ICMP || proto === IP_PROTOCOL.ICMPV6) && v.icmpType >= 0) {
      const line = summarizeInner(payload, protocolType);
      // "… ICMP echo request, id 1, …" → "ICMP echo request"
      const m = /(ICMP6?),? ([^,]+)/.exec(line.slice(line.indexOf(': ') + 2));
      return `${m ? `${m[1]} ${m[2]}` : `ICMP type ${v.icmpType}`} ${src} > ${dst}`;
    }
    if (proto === IP_PROTOCOL.TCP && v.srcPort >= 0) return `TCP ${src}:${v.srcPort} > ${dst}:${v.dstPort}`;
    if (proto === IP_PROTOCOL.UDP && v.srcPort >= 0) return `UDP ${src}:${v.srcPort} > ${dst}:${v.dstPort}`;
    return `${v6 ? 'IPv6' : 'IPv4'} proto ${proto} ${src} > ${dst}`;
  }
  return summarizeInner(payload, protocolType);
}

/**
 * Explains one decoded GENEVE header:
 * `ovn-default: ovn-default-node1-pod1.default → ovn-default-node2-pod3.default ICMP echo request 10.16.0.8 > 10.16.0.12`.
 * Unknown keys print as `vni 0x3`, `port 5`, `multicast 0x8001`.
 * @throws OvnOptionError `GENEVE_OVN_OPTION_INVALID` when OVN's option is present with bad data.
 */
export function explainGeneve(g: DecodedGeneve, names: LogicalNames): ExplainedFrame {
  const datapath = names.datapath(g.vni);
  const metadata = findOvnMetadata(g);
  const portName = (key: number): string =>
    names.port(g.vni, key) ?? (key >= OVN_GENEVE.MULTICAST_KEY_MIN ? `multicast 0x${key.toString(16)}` : `port ${key}`);
  const ingress = metadata ? names.port(g.vni, metadata.ingressPort) : undefined;
  const egress = metadata ? names.port(g.vni, metadata.egressPort) : undefined;
  const what = describeInner(g.payload, g.protocolType);
  const dp = datapath ?? `vni 0x${g.vni.toString(16)}`;
  const ports = metadata ? `${portName(metadata.ingressPort)} → ${portName(metadata.egressPort)} ` : '';
  return { vni: g.vni, datapath, metadata, ingress, egress, what, text: `${dp}: ${ports}${what}` };
}

/** A capture record explained, or why it could not be. */
export type ExplainedRecord =
  | ({ readonly index: number; readonly ok: true } & ExplainedFrame)
  | { readonly index: number; readonly ok: false; readonly error: GeneveError };

/**
 * Streams a capture and explains every GENEVE frame in it. Frames that are not GENEVE are skipped;
 * GENEVE frames that fail to decode yield `{ ok: false, error }`. Decoding follows RFC 8926's receive rules
 * unless `strict: true` is given (see GeneveDecodeOptions).
 *
 * @example
 * ```ts
 * for await (const e of explainCapture(createReadStream('node1.pcap'), names)) {
 *   if (e.ok) console.log(e.text);
 * }
 * ```
 * @throws the capture reader's errors (`PCAP_*`).
 */
export async function* explainCapture(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  names: LogicalNames,
  opts: Omit<DecapsulateOptions, 'linkType'> = {},
): AsyncGenerator<ExplainedRecord, void, undefined> {
  let index = 0;
  for await (const rec of readCapture(chunks)) {
    index++;
    try {
      const f = decapsulate(rec.data, { ...opts, linkType: rec.linkType });
      yield { index, ok: true, ...explainGeneve(f.geneve, names) };
    } catch (e) {
      if (!(e instanceof GeneveError)) throw e;
      if (e.code === 'GENEVE_NOT_GENEVE' || e.code === 'GENEVE_UNSUPPORTED_LINKTYPE') continue;
      yield { index, ok: false, error: e };
    }
  }
}
