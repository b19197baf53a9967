/**
 * `capture --node NODE`: tshark on a node's tunnel interface, where the harness topology of src/testing
 * is running (each node is a network namespace `<node>-<tag>` whose underlay link `ul0` carries the GENEVE
 * traffic; startTopology / startE2eScenario make them). There is no way to reach a node's interfaces
 * outside that harness, so anywhere else the command stops with CaptureUnavailableError saying so.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { promisify } from 'node:util';
import { CaptureUnavailableError, ToolError } from './errors.js';

const run = promisify(execFile);

/** Where `ip netns` keeps named namespaces. */
export const NETNS_DIR = '/run/netns';
/** The harness node's underlay (tunnel) interface. */
export const TUNNEL_IFACE = 'ul0';
/** The capture filter: GENEVE (RFC 8926 §3.3, UDP port 6081). */
export const GENEVE_FILTER = 'udp port 6081';

const HOW =
  'capture --node works where the src/testing topology is running (startTopology / startE2eScenario make ' +
  `a network namespace <node>-<tag> per node, with the tunnel interface ${TUNNEL_IFACE}); elsewhere capture on ` +
  `the node itself (tcpdump -i <tunnel interface> -w FILE '${GENEVE_FILTER}') and run ovn-sdk explain FILE`;

async function hasTunnel(netns: string): Promise<boolean> {
  try {
    await run('ip', ['-n', netns, 'link', 'show', TUNNEL_IFACE], { timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
}

/**
 * The network namespace of harness node `node`: `netns` when given (checked), else the one namespace
 * `<node>-<tag>` with a tunnel interface.
 * @throws CaptureUnavailableError `CLI_CAPTURE_UNAVAILABLE` when there is none, or several
 */
export async function findNodeNetns(node: string, netns?: string, dir = NETNS_DIR): Promise<string> {
  if (netns !== undefined) {
    if (!existsSync(`${dir}/${netns}`) || !(await hasTunnel(netns)))
      throw new CaptureUnavailableError(
        node,
        `network namespace ${netns} does not exist or has no ${TUNNEL_IFACE}`,
        HOW,
      );
    return netns;
  }
  const pattern = new RegExp(`^${node.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-[0-9a-z]+$`);
  const names = existsSync(dir) ? readdirSync(dir).filter((n) => pattern.test(n)) : [];
  const found: string[] = [];
  for (const n of names.sort()) if (await hasTunnel(n)) found.push(n);
  if (found.length === 0)
    throw new CaptureUnavailableError(node, `no harness node namespace ${node}-<tag> on this machine`, HOW);
  if (found.length > 1)
    throw new CaptureUnavailableError(
      node,
      `several harness topologies are running (${found.join(', ')})`,
      'pick one with --netns',
    );
  return found[0]!;
}

/** Options of {@link captureTunnel}. */
export interface CaptureOptions {
  readonly netns: string;
  /** The pcap file to write. */
  readonly file: string;
  /** Stop after this many frames. */
  readonly count: number;
  /** Stop after this many seconds in any case. */
  readonly seconds: number;
}

/**
 * Runs tshark in the node's namespace on its tunnel interface until `count` GENEVE frames or `seconds`
 * passed, writing a classic pcap.
 * @throws ToolError `CLI_TOOL_FAILED` when tshark (or ip) is missing or fails
 */
export async function captureTunnel(o: CaptureOptions): Promise<void> {
  const args = [
    'netns',
    'exec',
    o.netns,
    'tshark',
    '-n',
    '-q',
    '-i',
    TUNNEL_IFACE,
    '-f',
    GENEVE_FILTER,
    '-F',
    'pcap',
    '-w',
    o.file,
    '-c',
    String(o.count),
    '-a',
    `duration:${o.seconds}`,
  ];
  try {
    await run('ip', args, { timeout: (o.seconds + 30) * 1000, maxBuffer: 16 << 20 });
  } catch (e) {
    const err = e as { code?: string; stderr?: string };
    if (err.code === 'ENOENT') throw new ToolError('ip', 'not found on PATH (Debian package iproute2)', { cause: e });
    const text = (err.stderr ?? String(e)).trim();
    if (/tshark.*No such file|exec of "tshark" failed/i.test(text))
      throw new ToolError('tshark', 'not found on PATH (Debian package tshark)', { cause: e });
    throw new ToolError('tshark', text, { cause: e });
  }
}
