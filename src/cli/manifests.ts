/**
 * Manifests → resources: multi-document YAML (or JSON, which is YAML) read from files, directories or
 * stdin, checked field by field against the kinds the command line applies. Every problem is a
 * ManifestError naming the file, line and column, with a hint for the usual slips (a capitalised
 * `Kind:`, `key:value` without a space, broken indentation).
 *
 * Pure: text in, resources out. Reading paths is in {@link readManifestSources}.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Node as YamlNode, type YAMLMap } from 'yaml';
import type { Pod, SubnetInput } from '../kube/index.js';
import { parseAddress, parseIpRange } from '../ipam/index.js';
import { ManifestError, ManifestReadError, UnsupportedResourceError, type ManifestPosition } from './errors.js';

/** One manifest's text and the name to report it by (`-` for stdin). */
export interface ManifestSource {
  readonly file: string;
  readonly text: string;
}

interface Located {
  readonly pos: ManifestPosition;
}

/**
 * A Kube-OVN IP (`ips.kubeovn.io`) applied on its own: a reservation of `ipAddress` for the port
 * `<podName>.<namespace>`, held like a static pod address (Kube-OVN's InitIPAM GetStaticAddress for an IP
 * of a StatefulSet or VM pod). `ipAddress` is `v4`, `v6` or `v4,v6`.
 */
export interface IpSpec {
  readonly podName: string;
  readonly namespace: string;
  readonly subnet: string;
  readonly nodeName: string;
  readonly ipAddress: string;
  readonly macAddress?: string;
  readonly podType?: string;
  readonly containerID?: string;
}

/** A Kube-OVN IPPool (`ippools.kubeovn.io`): addresses, ranges `a..b` and CIDRs of one subnet. */
export interface IpPoolSpec {
  readonly subnet: string;
  readonly ips: readonly string[];
  readonly namespaces?: readonly string[];
}

/**
 * A Kube-OVN Vip (`vips.kubeovn.io`): addresses reserved in a subnet (one `virtual` port per address), or
 * with `type: switch_lb_vip` a port `<name>.<namespace>` answering ARP with the router port's MAC.
 */
export interface VipSpec {
  readonly subnet: string;
  readonly v4ip?: string;
  readonly v6ip?: string;
  readonly macAddress?: string;
  /** `''` (default) or `switch_lb_vip`; the model refuses others (`KUBE_VIP_INVALID_FIELD`). */
  readonly type?: string;
  readonly namespace?: string;
}

/** The resources the command line applies. Names are as written; namespaces default to `default`. */
export type Resource =
  | (Located & { readonly kind: 'Subnet'; readonly name: string; readonly spec: SubnetInput })
  | (Located & { readonly kind: 'Vpc'; readonly name: string })
  | (Located & { readonly kind: 'Namespace'; readonly name: string })
  | (Located & { readonly kind: 'Node'; readonly name: string })
  | (Located & { readonly kind: 'Pod'; readonly name: string; readonly pod: Pod })
  | (Located & { readonly kind: 'IP'; readonly name: string; readonly spec: IpSpec })
  | (Located & { readonly kind: 'IPPool'; readonly name: string; readonly spec: IpPoolSpec })
  | (Located & { readonly kind: 'Vip'; readonly name: string; readonly spec: VipSpec });

export type ResourceKind = Resource['kind'];

const KUBEOVN_KINDS: ReadonlySet<ResourceKind> = new Set(['Subnet', 'Vpc', 'IP', 'IPPool', 'Vip']);

/** `subnet.kubeovn.io` / `pod` — the resource type as kubectl prints it. */
export function resourceType(kind: ResourceKind): string {
  return KUBEOVN_KINDS.has(kind) ? `${kind.toLowerCase()}.kubeovn.io` : kind.toLowerCase();
}

/** `subnet.kubeovn.io/subnet1`, `pod/pod1` — as kubectl names objects in its output. */
export function resourceRef(kind: ResourceKind, name: string): string {
  return `${resourceType(kind)}/${name}`;
}

/** Reads `-` (stdin), files and directories (their *.yaml, *.yml, *.json files, sorted). */
export function readManifestSources(
  paths: readonly string[],
  stdin: () => string = () => readFileSync(0, 'utf8'),
): ManifestSource[] {
  const out: ManifestSource[] = [];
  for (const p of paths) {
    if (p === '-') {
      out.push({ file: '-', text: stdin() });
      continue;
    }
    try {
      if (statSync(p).isDirectory()) {
        for (const f of readdirSync(p)
          .filter((x) => /\.(ya?ml|json)$/.test(x))
          .sort())
          out.push({ file: join(p, f), text: readFileSync(join(p, f), 'utf8') });
      } else out.push({ file: p, text: readFileSync(p, 'utf8') });
    } catch (cause) {
      throw new ManifestReadError(p, { cause });
    }
  }
  return out;
}

type FieldType = 'string' | 'bool' | 'strings';

/** Kube-OVN v1.12 SubnetSpec fields: those the model applies, and the others (refused by name). */
const SUBNET_FIELDS: Record<string, FieldType> = {
  cidrBlock: 'string',
  protocol: 'string',
  vpc: 'string',
  gateway: 'string',
  excludeIps: 'strings',
  gatewayType: 'string',
  natOutgoing: 'bool',
  private: 'bool',
  default: 'bool',
  provider: 'string',
  namespaces: 'strings',
  u2oInterconnectionIP: 'string',
};
const SUBNET_FIELDS_NOT_YET = new Set([
  'gatewayNode',
  'externalEgressGateway',
  'policyRoutingPriority',
  'policyRoutingTableID',
  'mtu',
  'allowSubnets',
  'vlan',
  'vips',
  'logicalGateway',
  'disableGatewayCheck',
  'disableInterConnection',
  'enableDHCP',
  'dhcpV4Options',
  'dhcpV6Options',
  'enableIPv6RA',
  'ipv6RAConfigs',
  'acls',
  'u2oInterconnection',
  'enableLb',
  'enableEcmp',
  'enableMulticastSnoop',
  'routeTable',
  'namespaceSelectors',
  'natOutgoingPolicyRules',
]);

/** Kube-OVN's pod annotations the model reads. */
const ANN = {
  logicalSwitch: 'ovn.kubernetes.io/logical_switch',
  ip: 'ovn.kubernetes.io/ip_address',
  mac: 'ovn.kubernetes.io/mac_address',
  ipPool: 'ovn.kubernetes.io/ip_pool',
} as const;

/** Kube-OVN v1.12 IPSpec fields; the attachment lists are refused when not empty. */
const IP_FIELDS: Record<string, FieldType> = {
  podName: 'string',
  namespace: 'string',
  subnet: 'string',
  nodeName: 'string',
  ipAddress: 'string',
  v4IpAddress: 'string',
  v6IpAddress: 'string',
  macAddress: 'string',
  podType: 'string',
  containerID: 'string',
  attachSubnets: 'strings',
  attachIps: 'strings',
  attachMacs: 'strings',
};
/** Kube-OVN v1.12 IPPoolSpec fields. */
const IPPOOL_FIELDS: Record<string, FieldType> = { subnet: 'string', ips: 'strings', namespaces: 'strings' };
/** Kube-OVN v1.12 VipSpec fields: those the model applies, and the others (refused when set). */
const VIP_FIELDS: Record<string, FieldType> = {
  namespace: 'string',
  subnet: 'string',
  type: 'string',
  v4ip: 'string',
  v6ip: 'string',
  macAddress: 'string',
  parentV4ip: 'string',
  parentMac: 'string',
  parentV6ip: 'string',
  selector: 'strings',
  attachSubnets: 'strings',
};
const VIP_FIELDS_NOT_YET: Record<string, string> = {
  parentV4ip: 'parent ports of a Vip are not modelled',
  parentMac: 'parent ports of a Vip are not modelled',
  parentV6ip: 'parent ports of a Vip are not modelled',
  selector: 'Vip selectors are not modelled',
  attachSubnets: 'attachment subnets are not modelled',
};

const KINDS: Record<string, { apiVersion: string; kind: ResourceKind }> = {
  Subnet: { apiVersion: 'kubeovn.io/v1', kind: 'Subnet' },
  Vpc: { apiVersion: 'kubeovn.io/v1', kind: 'Vpc' },
  IP: { apiVersion: 'kubeovn.io/v1', kind: 'IP' },
  IPPool: { apiVersion: 'kubeovn.io/v1', kind: 'IPPool' },
  Vip: { apiVersion: 'kubeovn.io/v1', kind: 'Vip' },
  Namespace: { apiVersion: 'v1', kind: 'Namespace' },
  Node: { apiVersion: 'v1', kind: 'Node' },
  Pod: { apiVersion: 'v1', kind: 'Pod' },
};

/** Parses every document of every source into resources; throws the first problem found. */
export function parseManifests(sources: readonly ManifestSource[]): Resource[] {
  const out: Resource[] = [];
  for (const src of sources) out.push(...parseManifest(src));
  return out;
}

/** Parses one source (any number of `---` separated documents). */
export function parseManifest(src: ManifestSource): Resource[] {
  const lc = new LineCounter();
  const docs = parseAllDocuments(src.text, { lineCounter: lc, uniqueKeys: true, prettyErrors: false });
  const at = (offset: number): ManifestPosition => {
    const p = lc.linePos(offset);
    return { file: src.file, line: p.line, col: p.col };
  };
  const lines = src.text.split('\n');
  const out: Resource[] = [];
  for (const doc of Array.isArray(docs) ? docs : [docs]) {
    const err = doc.errors[0];
    if (err) {
      const pos = at(err.pos[0]);
      throw new ManifestError(pos, `YAML: ${firstLine(err.message)}`, yamlHint(lines, pos.line, err.code));
    }
    const root = doc.contents;
    if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) continue; // empty document
    out.push(toResource(root as YamlNode, at, lines));
  }
  return out;
}

function firstLine(s: string): string {
  return s.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

/** A hint for the YAML slips seen in copied manifests. */
function yamlHint(lines: readonly string[], line: number, code: string): string | undefined {
  const near = [lines[line - 2], lines[line - 1], lines[line]].filter((l): l is string => l !== undefined);
  const glued = near
    .map((l) => /^\s*(?:-\s*)?([A-Za-z][\w.-]*):([^\s/].*)$/.exec(l))
    .find((m) => m && !/^\/\//.test(m[2]!));
  if (glued)
    return `"${glued[1]}:${glued[2]}" is one word to YAML: put a space after the colon ("${glued[1]}: ${glued[2]}")`;
  if (/INDENT|IMPLICIT_KEY|UNEXPECTED_TOKEN|MISSING_CHAR|BLOCK_AS/.test(code)) {
    return 'check the indentation: the keys of one mapping must start in the same column, and nested keys further right';
  }
  return undefined;
}

function toResource(root: YamlNode, at: (o: number) => ManifestPosition, lines: readonly string[]): Resource {
  const pos = (n: YamlNode | null | undefined): ManifestPosition => at(n?.range?.[0] ?? 0);
  if (!isMap(root))
    throw new ManifestError(pos(root), 'a manifest must be a mapping with apiVersion, kind and metadata');
  const top = fields(root, at, ['apiVersion', 'kind', 'metadata', 'spec', 'status'], 'the top level');
  void lines;
  const kindNode = top.get('kind');
  if (kindNode === undefined) throw new ManifestError(pos(root), 'missing "kind"');
  const kindText = str(kindNode, 'kind', at);
  const def = KINDS[kindText];
  if (def === undefined) {
    const fold = Object.keys(KINDS).find((k) => k.toLowerCase() === kindText.toLowerCase());
    throw new ManifestError(
      pos(kindNode),
      `unknown kind "${kindText}"`,
      fold ? `kinds are case-sensitive: "${fold}"` : `known kinds: ${Object.keys(KINDS).join(', ')}`,
    );
  }
  const apiNode = top.get('apiVersion');
  if (apiNode === undefined)
    throw new ManifestError(pos(root), `missing "apiVersion" (${def.apiVersion} for ${kindText})`);
  const api = str(apiNode, 'apiVersion', at);
  if (api !== def.apiVersion)
    throw new ManifestError(pos(apiNode), `apiVersion "${api}" is not ${def.apiVersion} (the version of ${kindText})`);
  const metaNode = top.get('metadata');
  if (metaNode === undefined || !isMap(metaNode))
    throw new ManifestError(pos(metaNode ?? root), 'missing "metadata" mapping with a name');
  const meta = fields(
    metaNode,
    at,
    ['name', 'namespace', 'annotations', 'labels', 'uid', 'resourceVersion', 'creationTimestamp', 'generation'],
    'metadata',
  );
  const nameNode = meta.get('name');
  if (nameNode === undefined) throw new ManifestError(pos(metaNode), 'missing metadata.name');
  const name = str(nameNode, 'metadata.name', at);
  const here = pos(root);
  const spec = top.get('spec');

  switch (def.kind) {
    case 'Subnet': {
      if (spec === undefined || !isMap(spec))
        throw new ManifestError(pos(spec ?? root), 'a Subnet needs a "spec" mapping with cidrBlock');
      const f = fields(spec, at, [...Object.keys(SUBNET_FIELDS), ...SUBNET_FIELDS_NOT_YET], 'Subnet spec');
      for (const [k, n] of f) {
        if (SUBNET_FIELDS_NOT_YET.has(k))
          throw new UnsupportedResourceError(pos(n), `Subnet spec.${k}`, 'the subnet model does not implement it yet');
      }
      const cidr = f.get('cidrBlock');
      if (cidr === undefined) throw new ManifestError(pos(spec), 'missing spec.cidrBlock');
      const input: Record<string, unknown> = { name };
      for (const [k, n] of f) input[k] = value(n, SUBNET_FIELDS[k]!, `spec.${k}`, at);
      return { kind: 'Subnet', name, spec: input as unknown as SubnetInput, pos: here };
    }
    case 'Vpc': {
      if (spec !== undefined && isMap(spec) && spec.items.length > 0) {
        const first = spec.items[0]!.key as YamlNode;
        throw new UnsupportedResourceError(
          pos(first),
          `Vpc spec.${String((first as { value?: unknown }).value)}`,
          'VPCs are routers only in this version (no namespaces, routes or gateways)',
        );
      }
      return { kind: 'Vpc', name, pos: here };
    }
    case 'Namespace':
    case 'Node':
      return { kind: def.kind, name, pos: here };
    case 'Pod': {
      const ns = meta.get('namespace');
      const namespace = ns === undefined ? 'default' : str(ns, 'metadata.namespace', at);
      const nodeNode =
        spec !== undefined && isMap(spec)
          ? spec.items.find((p) => isScalar(p.key) && p.key.value === 'nodeName')?.value
          : undefined;
      if (nodeNode === undefined || nodeNode === null)
        throw new ManifestError(pos(spec ?? root), 'a Pod needs spec.nodeName (the node its port is bound to)');
      const node = str(nodeNode as YamlNode, 'spec.nodeName', at);
      const ann = meta.get('annotations');
      const pod: { -readonly [K in keyof Pod]: Pod[K] } = { name, namespace, node };
      if (ann !== undefined) {
        if (!isMap(ann)) throw new ManifestError(pos(ann), 'metadata.annotations must be a mapping of strings');
        for (const p of ann.items) {
          const key = isScalar(p.key) ? String(p.key.value) : '';
          const v = p.value as YamlNode | null;
          if (key !== ANN.logicalSwitch && key !== ANN.ip && key !== ANN.mac && key !== ANN.ipPool) continue; // other annotations are Kubernetes' business
          if (v === null) throw new ManifestError(pos(p.key as YamlNode), `annotation ${key} has no value`);
          const text = str(v, `annotation ${key}`, at);
          if (key === ANN.logicalSwitch) pod.subnet = text;
          else if (key === ANN.ip) pod.ip = text;
          else if (key === ANN.ipPool) pod.ipPool = text;
          else pod.mac = text;
        }
      }
      return { kind: 'Pod', name, pod, pos: here };
    }
    case 'IP':
      return {
        kind: 'IP',
        name,
        spec: ipSpec(name, specMap(spec, root, 'an IP', 'subnet, podName, namespace, nodeName and ipAddress'), at),
        pos: here,
      };
    case 'IPPool':
      return {
        kind: 'IPPool',
        name,
        spec: ipPoolSpec(specMap(spec, root, 'an IPPool', 'subnet and ips'), at),
        pos: here,
      };
    case 'Vip':
      return { kind: 'Vip', name, spec: vipSpec(specMap(spec, root, 'a Vip', 'subnet'), at), pos: here };
  }

  function specMap(n: YamlNode | undefined, r: YamlNode, a: string, needs: string): YAMLMap {
    if (n === undefined || !isMap(n)) throw new ManifestError(pos(n ?? r), `${a} needs a "spec" mapping with ${needs}`);
    return n;
  }
}

/** Strings of a checked spec mapping, by field; a missing required field is named with the mapping's position. */
function specValues(
  map: YAMLMap,
  types: Record<string, FieldType>,
  where: string,
  required: readonly string[],
  at: (o: number) => ManifestPosition,
): { values: Map<string, string | string[]>; nodes: Map<string, YamlNode> } {
  const nodes = fields(map, at, Object.keys(types), where);
  const values = new Map<string, string | string[]>();
  for (const [k, n] of nodes) values.set(k, value(n, types[k]!, `spec.${k}`, at) as string | string[]);
  for (const k of required)
    if (values.get(k) === undefined || values.get(k) === '')
      throw new ManifestError(at(map.range?.[0] ?? 0), `missing spec.${k}`);
  return { values, nodes };
}

function checkAddress(
  text: string,
  family: 4 | 6 | undefined,
  what: string,
  n: YamlNode,
  at: (o: number) => ManifestPosition,
): void {
  try {
    parseAddress(text, family);
  } catch {
    throw new ManifestError(at(n.range?.[0] ?? 0), `${what} "${text}" is not an IPv${family ?? '4 or IPv6'} address`);
  }
}

/** An IP's spec: the port `<podName>.<namespace>` it reserves, the address from ipAddress or v4/v6IpAddress. */
function ipSpec(name: string, map: YAMLMap, at: (o: number) => ManifestPosition): IpSpec {
  const { values: v, nodes } = specValues(
    map,
    IP_FIELDS,
    'IP spec',
    ['subnet', 'podName', 'namespace', 'nodeName'],
    at,
  );
  const pos = (k: string): ManifestPosition => at(nodes.get(k)?.range?.[0] ?? map.range?.[0] ?? 0);
  for (const k of ['attachSubnets', 'attachIps', 'attachMacs'])
    if ((v.get(k) as string[] | undefined)?.length)
      throw new UnsupportedResourceError(pos(k), `IP spec.${k}`, 'attachment networks are not in the model');
  const s = (k: string): string | undefined => (v.get(k) as string | undefined) || undefined;
  const podName = s('podName')!;
  const namespace = s('namespace')!;
  if (name !== `${podName}.${namespace}`)
    throw new ManifestError(
      pos('podName'),
      `an IP of pod ${namespace}/${podName} is named "${podName}.${namespace}", not "${name}"`,
      "Kube-OVN names a pod's IP (and its switch port) <podName>.<namespace>",
    );
  const v4 = s('v4IpAddress');
  const v6 = s('v6IpAddress');
  if (v4 !== undefined) checkAddress(v4, 4, 'spec.v4IpAddress', nodes.get('v4IpAddress')!, at);
  if (v6 !== undefined) checkAddress(v6, 6, 'spec.v6IpAddress', nodes.get('v6IpAddress')!, at);
  let ip = s('ipAddress');
  if (ip !== undefined) {
    const parts = ip.split(',');
    for (const p of parts) checkAddress(p, undefined, 'spec.ipAddress', nodes.get('ipAddress')!, at);
    const p4 = parts.find((p) => !p.includes(':'));
    const p6 = parts.find((p) => p.includes(':'));
    if ((v4 !== undefined && v4 !== p4) || (v6 !== undefined && v6 !== p6))
      throw new ManifestError(
        pos('ipAddress'),
        `spec.ipAddress "${ip}" does not match spec.v4IpAddress / spec.v6IpAddress`,
        'ipAddress is the v4 address, the v6 address, or both joined by a comma',
      );
  } else {
    ip = [v4, v6].filter((x) => x !== undefined).join(',');
    if (ip === '')
      throw new ManifestError(
        at(map.range?.[0] ?? 0),
        'missing spec.ipAddress (or spec.v4IpAddress / spec.v6IpAddress)',
      );
  }
  const out: { -readonly [K in keyof IpSpec]: IpSpec[K] } = {
    podName,
    namespace,
    subnet: s('subnet')!,
    nodeName: s('nodeName')!,
    ipAddress: ip,
  };
  for (const k of ['macAddress', 'podType', 'containerID'] as const) {
    const x = s(k);
    if (x !== undefined) out[k] = x;
  }
  return out;
}

/**
 * An IPPool CIDR entry as Kube-OVN's NewIPRangeListFrom (and the kube model) reads it: an address and a
 * prefix length, host bits allowed (`10.66.1.1/30` stands for 10.66.1.0–10.66.1.3).
 */
function poolCidr(text: string): void {
  const slash = text.indexOf('/');
  const a = parseAddress(text.slice(0, slash));
  const len = text.slice(slash + 1);
  if (!/^(0|[1-9][0-9]{0,2})$/.test(len) || Number(len) > (a.family === 4 ? 32 : 128))
    throw new Error(`bad prefix length "${len}"`);
}

function ipPoolSpec(map: YAMLMap, at: (o: number) => ManifestPosition): IpPoolSpec {
  const { values: v, nodes } = specValues(map, IPPOOL_FIELDS, 'IPPool spec', ['subnet'], at);
  const ips = (v.get('ips') as string[] | undefined) ?? [];
  if (ips.length === 0)
    throw new ManifestError(
      at((nodes.get('ips') ?? map).range?.[0] ?? 0),
      'spec.ips must list at least one address, range or CIDR',
    );
  const items = (nodes.get('ips') as YamlNode & { items: YamlNode[] }).items;
  ips.forEach((text, i) => {
    try {
      if (text.includes('/')) poolCidr(text);
      else parseIpRange(text);
    } catch (e) {
      throw new ManifestError(
        at(items[i]?.range?.[0] ?? 0),
        `spec.ips entry "${text}" is not an address, a range a..b or a CIDR (${(e as Error).message})`,
      );
    }
  });
  const ns = v.get('namespaces') as string[] | undefined;
  return { subnet: v.get('subnet') as string, ips, ...(ns?.length ? { namespaces: ns } : {}) };
}

function vipSpec(map: YAMLMap, at: (o: number) => ManifestPosition): VipSpec {
  const { values: v, nodes } = specValues(map, VIP_FIELDS, 'Vip spec', ['subnet'], at);
  for (const [k, reason] of Object.entries(VIP_FIELDS_NOT_YET)) {
    const x = v.get(k);
    if (x !== undefined && x.length > 0)
      throw new UnsupportedResourceError(at(nodes.get(k)!.range?.[0] ?? 0), `Vip spec.${k}`, reason);
  }
  const str = (k: string) => (v.get(k) as string | undefined) || undefined;
  const v4 = str('v4ip');
  if (v4 !== undefined) checkAddress(v4, 4, 'spec.v4ip', nodes.get('v4ip')!, at);
  const v6 = str('v6ip');
  if (v6 !== undefined) checkAddress(v6, 6, 'spec.v6ip', nodes.get('v6ip')!, at);
  const mac = str('macAddress');
  const type = str('type');
  const ns = str('namespace');
  // The MAC and the type are the model's to check (KUBE_VIP_INVALID_FIELD), as it checks every Vip.
  return {
    subnet: v.get('subnet') as string,
    ...(v4 ? { v4ip: v4 } : {}),
    ...(v6 ? { v6ip: v6 } : {}),
    ...(mac ? { macAddress: mac } : {}),
    ...(type ? { type } : {}),
    ...(ns ? { namespace: ns } : {}),
  };
}

/** The pairs of a mapping by key, refusing keys not in `known` (with a hint for a case slip). */
function fields(
  map: YAMLMap,
  at: (o: number) => ManifestPosition,
  known: readonly string[],
  where: string,
): Map<string, YamlNode> {
  const out = new Map<string, YamlNode>();
  for (const p of map.items) {
    const keyNode = p.key as YamlNode;
    const key = isScalar(keyNode) ? String(keyNode.value) : '';
    const kpos = at(keyNode?.range?.[0] ?? 0);
    if (!known.includes(key)) {
      const fold = known.find((k) => k.toLowerCase() === key.toLowerCase());
      throw new ManifestError(
        kpos,
        `unknown field "${key}" in ${where}`,
        fold ? `field names are case-sensitive: "${fold}"` : undefined,
      );
    }
    out.set(key, (p.value ?? keyNode) as YamlNode);
  }
  return out;
}

function str(n: YamlNode, what: string, at: (o: number) => ManifestPosition): string {
  if (isScalar(n) && (typeof n.value === 'string' || typeof n.value === 'number')) return String(n.value);
  throw new ManifestError(at(n.range?.[0] ?? 0), `${what} must be a string`);
}

function value(n: YamlNode, t: FieldType, what: string, at: (o: number) => ManifestPosition): unknown {
  const p = at(n.range?.[0] ?? 0);
  if (t === 'bool') {
    if (isScalar(n) && typeof n.value === 'boolean') return n.value;
    throw new ManifestError(p, `${what} must be true or false`);
  }
  if (t === 'strings') {
    if (isSeq(n)) return n.items.map((i) => str(i as YamlNode, `${what} item`, at));
    throw new ManifestError(
      p,
      `${what} must be a list`,
      isScalar(n) ? `write it as a list: "${what.split('.').pop()}: [${String(n.value)}]"` : undefined,
    );
  }
  return str(n, what, at);
}
