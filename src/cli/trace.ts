/**
 * `trace POD DEST`: runs `ovn-trace` on the Southbound with the pod's inport, MAC and address as the
 * microflow; DEST is another pod (`name` or `namespace/name`) or an IP address. ovn-trace prints the
 * logical path with switch, router and port names.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { OvsdbClient } from '../ovsdb/client.js';
import { planReconcile, routerPortName } from '../kube/index.js';
import { CliUsageError, NotFoundError, ToolError } from './errors.js';
import { desiredFrom, readState } from './state.js';

const run = promisify(execFile);

/** The `ovn-trace` arguments for a pod-to-destination trace, from what NB holds. */
export async function traceArgs(
  nb: Pick<OvsdbClient, 'transact'>,
  pod: string,
  dest: string,
): Promise<{ datapath: string; microflow: string }> {
  const { state, snapshot } = await readState(nb);
  const plan = planReconcile(desiredFrom(state), snapshot);
  const find = (ref: string) => {
    const [ns, name] = ref.includes('/') ? (ref.split('/') as [string, string]) : [undefined, ref];
    const hits = [...state.pods.values()].filter((p) => p.name === name && (ns === undefined || p.namespace === ns));
    if (hits.length > 1) throw new CliUsageError(`pod "${ref}" is in several namespaces: write namespace/name`);
    const p = hits[0];
    if (p === undefined) return undefined;
    const rec = plan.ipam.records.find((r) => r.name === `${p.name}.${p.namespace}`);
    return rec;
  };
  const src = find(pod);
  if (src === undefined) throw new NotFoundError('pod', pod);
  const v6 = (ip: string) => ip.includes(':');
  const srcIp = src.ip.split(',')[0]!;
  const dstPod = find(dest);
  let dstIp: string;
  let dstMac: string;
  if (dstPod !== undefined) {
    dstIp = dstPod.ip.split(',').find((x) => v6(x) === v6(srcIp)) ?? dstPod.ip.split(',')[0]!;
  } else if (/^[0-9.]+$/.test(dest) || dest.includes(':')) dstIp = dest;
  else throw new NotFoundError('pod', dest, 'DEST is a pod name or an IP address');
  if (dstPod !== undefined && dstPod.subnet === src.subnet) dstMac = dstPod.mac.toLowerCase();
  else {
    const subnet = plan.ipam.subnets.find((s) => s.name === src.subnet)!;
    const lrp = [...(snapshot.Logical_Router_Port?.values() ?? [])].find(
      (p) => p.name === routerPortName(subnet.vpc, subnet.name),
    );
    if (lrp === undefined) throw new NotFoundError('router port', routerPortName(subnet.vpc, subnet.name));
    dstMac = lrp.mac;
  }
  const fam = v6(srcIp) ? 'ip6' : 'ip4';
  // An ICMP echo request, as the seed's pings are.
  const icmp = fam === 'ip6' ? 'icmp6.type == 128' : 'icmp4.type == 8';
  const microflow = `inport == "${src.name}" && eth.src == ${src.mac.toLowerCase()} && eth.dst == ${dstMac} && ${fam}.src == ${srcIp} && ${fam}.dst == ${dstIp} && ip.ttl == 64 && ${icmp}`;
  return { datapath: src.subnet, microflow };
}

/** Runs ovn-trace against `sbRemote`; returns its output. @throws ToolError `CLI_TOOL_FAILED` */
export async function runTrace(
  sbRemote: string,
  datapath: string,
  microflow: string,
  extra: readonly string[] = [],
): Promise<string> {
  try {
    const { stdout } = await run('ovn-trace', [`--db=${sbRemote}`, ...extra, datapath, microflow], {
      timeout: 30_000,
      maxBuffer: 16 << 20,
    });
    return stdout;
  } catch (e) {
    const err = e as { code?: string; stderr?: string };
    if (err.code === 'ENOENT')
      throw new ToolError('ovn-trace', 'not found on PATH (Debian package ovn-central or ovn-common)', { cause: e });
    throw new ToolError('ovn-trace', (err.stderr ?? String(e)).trim(), { cause: e });
  }
}
