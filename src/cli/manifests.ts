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
import { ManifestError, ManifestReadError, UnsupportedResourceError, type ManifestPosition } from './errors.js';

/** One manifest's text and the name to report it by (`-` for stdin). */
export interface ManifestSource {
  readonly file: string;
  readonly text: string;
}

interface Located {
  readonly pos: ManifestPosition;
}

/** The resources the command line applies. Names are as written; namespaces default to `default`. */
export type Resource =
  | (Located & { readonly kind: 'Subnet'; readonly name: string; readonly spec: SubnetInput })
  | (Located & { readonly kind: 'Vpc'; readonly name: string })
  | (Located & { readonly kind: 'Namespace'; readonly name: string })
  | (Located & { readonly kind: 'Node'; readonly name: string })
  | (Located & { readonly kind: 'Pod'; readonly name: string; readonly pod: Pod });

export type ResourceKind = Resource['kind'];

/** `subnet.kubeovn.io` / `pod` — the resource type as kubectl prints it. */
export function resourceType(kind: ResourceKind): string {
  return kind === 'Subnet' || kind === 'Vpc' ? `${kind.toLowerCase()}.kubeovn.io` : kind.toLowerCase();
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

const KINDS: Record<string, { apiVersion: string; kind: ResourceKind | 'IP' | 'IPPool' | 'Vip' }> = {
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
          if (key === ANN.ipPool)
            throw new UnsupportedResourceError(
              pos(p.key as YamlNode),
              `annotation ${key}`,
              'IP pools are not in the subnet model yet',
            );
          if (key !== ANN.logicalSwitch && key !== ANN.ip && key !== ANN.mac) continue; // other annotations are Kubernetes' business
          if (v === null) throw new ManifestError(pos(p.key as YamlNode), `annotation ${key} has no value`);
          const text = str(v, `annotation ${key}`, at);
          if (key === ANN.logicalSwitch) pod.subnet = text;
          else if (key === ANN.ip) pod.ip = text;
          else pod.mac = text;
        }
      }
      return { kind: 'Pod', name, pod, pos: here };
    }
    default:
      throw new UnsupportedResourceError(
        pos(kindNode),
        def.kind,
        `${def.kind} needs the IP pool / VIP model, which this version does not have`,
      );
  }
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
