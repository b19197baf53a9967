/**
 * The gateway's request/response methods (everything but `subscribe` / `unsubscribe`, which live
 * with the connection in server.ts): params checked, answered from the {@link Backend}, writes
 * through the command line's apply/delete, traces through its ovn-trace runner, captures through the
 * GENEVE explainer.
 */
import { timingSafeEqual } from 'node:crypto';
import { applyResources, deleteResources, type ApplyLine, type DeleteTarget } from '../cli/apply.js';
import { parseManifests } from '../cli/manifests.js';
import { runTrace, traceArgs } from '../cli/trace.js';
import { logicalNamesFromSb } from '../ovn-sb/index.js';
import { explainTunnelCapture } from '../testing/e2e-explain.js';
import type { Backend, ViewKind } from './backend.js';
import {
  GatewayInvalidParamsError,
  GatewayNoSouthboundError,
  GatewayTooLargeError,
  GatewayUnauthorizedError,
} from './errors.js';
import type { GatewayLimits } from './limits.js';

/** One request's params, as a record (a missing `params` is `{}`). */
export type Params = Readonly<Record<string, unknown>>;

/** A method: params in, a JSON-able result out. */
export type Method = (params: Params) => Promise<unknown>;

/** Names of the methods that write (they need the token). */
export const WRITE_METHODS = ['apply', 'delete'] as const;

/** The params object of a request. @throws {GatewayInvalidParamsError} for an array or a scalar */
export function paramsOf(method: string, p: unknown): Params {
  if (p === undefined || p === null) return {};
  if (typeof p !== 'object' || Array.isArray(p))
    throw new GatewayInvalidParamsError(method, 'params must be an object (by-name parameters)');
  return p as Params;
}

function str(method: string, p: Params, key: string): string;
function str(method: string, p: Params, key: string, optional: true): string | undefined;
function str(method: string, p: Params, key: string, optional?: true): string | undefined {
  const v = p[key];
  if (v === undefined && optional) return undefined;
  if (typeof v !== 'string' || v === '')
    throw new GatewayInvalidParamsError(method, `"${key}" must be a non-empty string`);
  return v;
}

/** Checks `params.token` against the server's (constant time). */
export function requireToken(method: string, p: Params, token: string | undefined): void {
  if (token === undefined) throw new GatewayUnauthorizedError(method, false);
  const given = p.token;
  const ok =
    typeof given === 'string' &&
    Buffer.byteLength(given) === Buffer.byteLength(token) &&
    timingSafeEqual(Buffer.from(given), Buffer.from(token));
  if (!ok) throw new GatewayUnauthorizedError(method, true);
}

/** The datapaths an ovn-trace output passes through, in order (`ingress(dp="ovn-default", …)`). */
export function tracePath(output: string): string[] {
  const out: string[] = [];
  for (const m of output.matchAll(/^\s*(?:ingress|egress)\(dp="([^"]+)"/gm)) {
    if (out[out.length - 1] !== m[1]) out.push(m[1]!);
  }
  return out;
}

/** One GENEVE frame of an explained capture. */
export interface ExplainedLine {
  readonly index: number;
  readonly tcpdump: string;
  readonly logical: string;
  readonly vni: number;
  readonly datapath: string | undefined;
  readonly ingress: string | undefined;
  readonly egress: string | undefined;
  readonly what: string;
}

/** Builds the method table. */
export function buildMethods(backend: Backend, limits: GatewayLimits, token: string | undefined): Map<string, Method> {
  const m = new Map<string, Method>();
  const view = (kind: ViewKind, method: string) => async (p: Params) =>
    backend.view(kind, str(method, p, 'name', true));
  m.set('info', async () => ({
    southbound: backend.sb !== undefined,
    writable: token !== undefined,
    methods: [...m.keys(), 'subscribe', 'unsubscribe'].sort(),
    limits,
  }));
  m.set('subnets', view('subnet', 'subnets'));
  m.set('ips', view('ip', 'ips'));
  m.set('vpcs', view('vpc', 'vpcs'));
  m.set('topology', async () => backend.topology());

  m.set('trace', async (p) => {
    const from = str('trace', p, 'from');
    const to = str('trace', p, 'to');
    if (backend.sbRemote === undefined) throw new GatewayNoSouthboundError('trace');
    const { datapath, microflow } = await traceArgs(backend.nb.client, from, to);
    const output = await runTrace(backend.sbRemote, datapath, microflow, p.summary === true ? ['--summary'] : []);
    return { datapath, microflow, path: tracePath(output), output };
  });

  m.set('explain', async (p) => {
    const b64 = str('explain', p, 'capture');
    // base64: 4 characters per 3 bytes; refuse before decoding anything large.
    const approx = Math.floor((b64.length * 3) / 4);
    if (approx > limits.maxCaptureBytes + 3) throw new GatewayTooLargeError('capture', approx, limits.maxCaptureBytes);
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(b64)) throw new GatewayInvalidParamsError('explain', '"capture" is not base64');
    const bytes = Buffer.from(b64, 'base64');
    if (bytes.length > limits.maxCaptureBytes)
      throw new GatewayTooLargeError('capture', bytes.length, limits.maxCaptureBytes);
    const sb = backend.sbView();
    if (sb === undefined) throw new GatewayNoSouthboundError('explain');
    const frames: ExplainedLine[] = explainTunnelCapture(bytes, logicalNamesFromSb(sb)).map((l) => ({
      index: l.index,
      tcpdump: l.tcpdump,
      logical: l.logical,
      vni: l.explained.vni,
      datapath: l.explained.datapath,
      ingress: l.explained.ingress,
      egress: l.explained.egress,
      what: l.explained.what,
    }));
    return { frames };
  });

  const manifest = (method: string, p: Params) => {
    const text = str(method, p, 'manifest');
    const size = Buffer.byteLength(text);
    if (size > limits.maxManifestBytes) throw new GatewayTooLargeError('manifest', size, limits.maxManifestBytes);
    return parseManifests([{ file: typeof p.file === 'string' ? p.file : '<request>', text }]);
  };
  const lines = (ls: readonly ApplyLine[]) => ls.map((l) => ({ ref: l.ref, status: l.status }));

  m.set('apply', async (p) => {
    requireToken('apply', p, token);
    const r = await applyResources(backend.nb.client, manifest('apply', p), { dryRun: p.dryRun === true });
    backend.invalidate();
    return { lines: lines(r.lines), applied: r.applied, total: r.total };
  });

  m.set('delete', async (p) => {
    requireToken('delete', p, token);
    let targets: DeleteTarget[];
    if (p.manifest !== undefined) {
      targets = manifest('delete', p).map((r) => ({
        kind: r.kind,
        name: r.name,
        ...(r.kind === 'Pod' ? { namespace: r.pod.namespace } : {}),
      }));
    } else {
      const kinds: readonly DeleteTarget['kind'][] = [
        'Subnet',
        'Vpc',
        'IP',
        'IPPool',
        'Vip',
        'Namespace',
        'Node',
        'Pod',
      ];
      const kind = str('delete', p, 'kind') as DeleteTarget['kind'];
      if (!kinds.includes(kind))
        throw new GatewayInvalidParamsError('delete', `"kind" must be one of ${kinds.join(', ')}`);
      targets = [{ kind, name: str('delete', p, 'name'), namespace: str('delete', p, 'namespace', true) ?? 'default' }];
    }
    const r = await deleteResources(backend.nb.client, targets, { dryRun: p.dryRun === true });
    backend.invalidate();
    return { lines: lines(r.lines) };
  });
  return m;
}
