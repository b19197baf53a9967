#!/usr/bin/env node
/**
 * `ovn-sdk`: the Kube-OVN walkthrough as commands against a live Northbound.
 *
 *   ovn-sdk apply -f subnet.yaml            kubectl apply, reconciled into NB
 *   ovn-sdk get subnet                      kubectl get subnet, read from NB
 *   ovn-sdk nbctl show / vsctl show         the ovn-nbctl / ovs-vsctl trees
 *   ovn-sdk trace pod1 10.16.0.9            ovn-trace with the pod's port and addresses
 *   ovn-sdk explain underlay.pcap --sb …    GENEVE frames named by SB's datapaths and ports
 *   ovn-sdk capture --node node1 --sb …     tshark on a harness node's tunnel, explained the same way
 *
 * Exit codes: 0 success, 1 error, 2 usage error, 130 interrupted (Ctrl-C between transactions).
 */
import { mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError, Option } from 'commander';
import { SdkError } from '../errors.js';
import { readNbSnapshot } from '../ovn-nb/txn.js';
import { renderNbShow } from '../ovn-nb/show.js';
import { readVswitchShow, renderVswitchShow } from '../vswitch/show.js';
import {
  logicalNamesFromRows,
  parseCapture,
  type DatapathRow,
  type LogicalNames,
  type MulticastGroupRow,
  type PortRow,
} from '../geneve/index.js';
import { logicalNamesFromSb, readSbView } from '../ovn-sb/index.js';
import { explainTunnelCapture, renderTunnelLines } from '../testing/e2e-explain.js';
import { applyResources, deleteResources, formatLine, type ApplyLine, type DeleteTarget } from './apply.js';
import { captureTunnel, findNodeNetns, TUNNEL_IFACE } from './capture.js';
import { connectRemotes, type Connected } from './connect.js';
import { CliUsageError } from './errors.js';
import { getView, resourceTypeOf, type OutputFormat } from './get.js';
import { parseManifests, readManifestSources } from './manifests.js';
import { createProgress, useColor } from './progress.js';
import { runTrace, traceArgs } from './trace.js';

const VERSION = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
const DEFAULT_NB = 'unix:/var/run/ovn/ovnnb_db.sock';
const DEFAULT_SB = 'unix:/var/run/ovn/ovnsb_db.sock';
const DEFAULT_OVS = 'unix:/var/run/openvswitch/db.sock';

/** Where output goes; injectable so tests can run the program in process. */
export interface Io {
  readonly stdout: { write(s: string): unknown; isTTY?: boolean; columns?: number };
  readonly stderr: { write(s: string): unknown; isTTY?: boolean };
  readonly env: NodeJS.ProcessEnv;
  readonly stdin: () => string;
}

/** Datapath, port and multicast group names read from a live Southbound. */
async function sbNames(remote: string): Promise<LogicalNames> {
  const c = await connectRemotes(remote, 'OVN_Southbound');
  try {
    return logicalNamesFromSb(await readSbView(c.client));
  } finally {
    await c.close();
  }
}

function colorStatus(io: Io, l: ApplyLine): string {
  const text = formatLine(l);
  if (!useColor(io.stdout, io.env)) return text;
  const c = l.status === 'created' ? 32 : l.status === 'configured' ? 33 : l.status === 'deleted' ? 31 : 0;
  return c ? text.replace(/ (\S+)$/, ` \u001b[${c}m$1\u001b[0m`) : text;
}

/** Builds the program; `run` parses argv and returns the exit code. */
export function buildProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command('ovn-sdk')
    .description('Apply Kube-OVN manifests to OVN Northbound and read the kubectl views back from it')
    .version(VERSION)
    .option(
      '--db <remotes>',
      'Northbound remote(s), comma-separated (default: $OVN_NB_DB or unix:/var/run/ovn/ovnnb_db.sock)',
    )
    .showHelpAfterError()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .exitOverride();

  const nbRemote = (): string => (program.opts().db as string | undefined) ?? io.env.OVN_NB_DB ?? DEFAULT_NB;
  const withNb = async <T>(f: (c: Connected['client']) => Promise<T>): Promise<T> => {
    const c = await connectRemotes(nbRemote(), 'OVN_Northbound');
    try {
      return await f(c.client);
    } finally {
      await c.close();
    }
  };

  program
    .command('apply')
    .description('create or update the objects in the manifests (kubectl apply)')
    .requiredOption(
      '-f, --filename <path...>',
      'manifest files or directories (YAML or JSON, several documents each); - for stdin',
    )
    .option('--dry-run', 'print the OVSDB operations instead of sending them')
    .addOption(
      new Option('--batch-size <n>', 'pods per transaction')
        .default(500)
        .argParser((v) => positiveInt(v, '--batch-size')),
    )
    .addHelpText(
      'after',
      '\nExamples:\n  ovn-sdk apply -f subnet.yaml\n  ovn-sdk apply -f manifests/ --db tcp:127.0.0.1:6641\n  cat pods.yaml | ovn-sdk apply -f -\n',
    )
    .action(async (o: { filename: string[]; dryRun?: boolean; batchSize: number }) => {
      const resources = parseManifests(readManifestSources(o.filename, io.stdin));
      const ac = new AbortController();
      const onSigint = () => ac.abort();
      process.once('SIGINT', onSigint);
      const pods = resources.filter((r) => r.kind === 'Pod').length;
      const progress = pods > o.batchSize && !o.dryRun ? createProgress(io.stderr, pods, 'pods') : undefined;
      try {
        const r = await withNb((c) =>
          applyResources(c, resources, {
            dryRun: o.dryRun === true,
            batchSize: o.batchSize,
            signal: ac.signal,
            ...(progress ? { onProgress: (done: number) => progress.update(done) } : {}),
          }),
        );
        progress?.finish();
        if (o.dryRun) {
          for (const t of r.transactions) io.stdout.write(`${JSON.stringify(t, null, 2)}\n`);
          for (const l of r.lines) io.stdout.write(`${formatLine(l)} (dry run)\n`);
          return;
        }
        for (const l of r.lines) io.stdout.write(`${colorStatus(io, l)}\n`);
        if (r.interrupted) {
          io.stderr.write(
            `interrupted: ${r.applied} of ${r.total} objects applied (listed above); the rest were not sent\n`,
          );
          setExit(130);
        }
      } finally {
        process.off('SIGINT', onSigint);
      }
    });

  program
    .command('delete')
    .description("delete objects named in manifests, or TYPE NAME (Kube-OVN's guards apply: a subnet in use stays)")
    .argument('[type]', 'subnet, vpc, ip, ippool, vip, namespace, node or pod')
    .argument('[name]', 'the object')
    .option('-f, --filename <path...>', 'manifest files or directories; - for stdin')
    .option('-n, --namespace <ns>', 'namespace of a pod', 'default')
    .option('--dry-run', 'print the OVSDB operations instead of sending them')
    .addHelpText(
      'after',
      '\nExamples:\n  ovn-sdk delete subnet subnet1\n  ovn-sdk delete -f subnet.yaml\n  ovn-sdk delete pod pod1 -n ns1\n  ovn-sdk delete vip vip1\n',
    )
    .action(
      async (
        type: string | undefined,
        name: string | undefined,
        o: { filename?: string[]; namespace: string; dryRun?: boolean },
      ) => {
        let targets: DeleteTarget[];
        if (o.filename) {
          if (type !== undefined) throw new CliUsageError('give either -f FILE or TYPE NAME, not both');
          targets = parseManifests(readManifestSources(o.filename, io.stdin)).map((r) => ({
            kind: r.kind,
            name: r.name,
            ...(r.kind === 'Pod' ? { namespace: r.pod.namespace } : {}),
          }));
        } else {
          if (type === undefined || name === undefined) throw new CliUsageError('delete needs -f FILE or TYPE NAME');
          targets = [{ kind: deleteKind(type), name, namespace: o.namespace }];
        }
        const r = await withNb((c) => deleteResources(c, targets, { dryRun: o.dryRun === true }));
        if (o.dryRun) for (const t of r.transactions) io.stdout.write(`${JSON.stringify(t, null, 2)}\n`);
        for (const l of r.lines) io.stdout.write(`${o.dryRun ? `${formatLine(l)} (dry run)` : colorStatus(io, l)}\n`);
      },
    );

  program
    .command('get')
    .description('list objects as kubectl get prints them, read from the live Northbound')
    .argument('<type>', 'subnet | ip | vpc | ippool | vip')
    .argument('[name]', 'one object')
    .addOption(new Option('-o, --output <format>', 'output format').choices(['wide', 'json', 'yaml']))
    .addHelpText(
      'after',
      '\nExamples:\n  ovn-sdk get subnet\n  ovn-sdk get ips\n  ovn-sdk get subnet subnet1 -o yaml\n  ovn-sdk get vip vip1 -o json\n  ovn-sdk get ippool\n',
    )
    .action(async (type: string, name: string | undefined, o: { output?: 'wide' | 'json' | 'yaml' }) => {
      resourceTypeOf(type); // usage error before connecting
      const format: OutputFormat = o.output ?? 'table';
      const text = await withNb((c) => getView(c, type, name, format));
      if (text === '') io.stderr.write('No resources found\n');
      else io.stdout.write(text);
    });

  const nbctl = program.command('nbctl').description('ovn-nbctl views');
  nbctl
    .command('show')
    .description('the ovn-nbctl show tree of the Northbound')
    .addHelpText('after', '\nExamples:\n  ovn-sdk nbctl show\n  ovn-sdk nbctl show --db tcp:127.0.0.1:6641\n')
    .action(async () => {
      io.stdout.write(await withNb(async (c) => renderNbShow(await readNbSnapshot(c))));
    });

  const vsctl = program.command('vsctl').description('ovs-vsctl views');
  vsctl
    .command('show')
    .description(
      "the ovs-vsctl show tree of a node's Open_vSwitch database (--db names it; default unix:/var/run/openvswitch/db.sock)",
    )
    .addHelpText(
      'after',
      "\nExample (the seed's `kubectl ko vsctl node1 show`):\n  ovn-sdk vsctl show --db unix:/tmp/node1/db.sock\n",
    )
    .action(async () => {
      const c = await connectRemotes((program.opts().db as string | undefined) ?? DEFAULT_OVS, 'Open_vSwitch');
      try {
        io.stdout.write(renderVswitchShow(await readVswitchShow(c.client)));
      } finally {
        await c.close();
      }
    });

  program
    .command('trace')
    .description('ovn-trace an ICMP echo from a pod to another pod or an IP address, with logical names')
    .argument('<pod>', 'source pod: name or namespace/name')
    .argument('<dest>', 'destination pod or IP address')
    .option('--sb <remote>', 'Southbound remote (default: $OVN_SB_DB or unix:/var/run/ovn/ovnsb_db.sock)')
    .option('--summary', 'ovn-trace --summary output')
    .addHelpText(
      'after',
      '\nExamples:\n  ovn-sdk trace ovn-default-node1-pod1 ovn-default-node2-pod3 --sb tcp:127.0.0.1:6642\n  ovn-sdk trace ns1/subnet1-node1-pod1 10.16.0.9\n',
    )
    .action(async (pod: string, dest: string, o: { sb?: string; summary?: boolean }) => {
      const { datapath, microflow } = await withNb((c) => traceArgs(c, pod, dest));
      const sb = o.sb ?? io.env.OVN_SB_DB ?? DEFAULT_SB;
      io.stdout.write(await runTrace(sb, datapath, microflow, o.summary ? ['--summary'] : []));
    });

  program
    .command('explain')
    .description('explain the GENEVE frames of a capture with the logical datapath and port names')
    .argument('<capture>', 'a pcap or pcapng file')
    .option('--sb <remote>', 'Southbound remote to read the names from (default: $OVN_SB_DB)')
    .option('--names <file>', 'names saved as JSON ({datapaths, ports, multicastGroups}) instead of a live SB')
    .addHelpText('after', '\nExamples:\n  ovn-sdk explain underlay.pcap --sb unix:/var/run/ovn/ovnsb_db.sock\n')
    .action(async (capture: string, o: { sb?: string; names?: string }) => {
      const bytes = readFileSync(capture);
      let names;
      if (o.names) {
        const j = JSON.parse(readFileSync(o.names, 'utf8')) as {
          datapaths: DatapathRow[];
          ports: PortRow[];
          multicastGroups?: MulticastGroupRow[];
        };
        names = logicalNamesFromRows(j.datapaths, j.ports, j.multicastGroups ?? []);
      } else names = await sbNames(o.sb ?? io.env.OVN_SB_DB ?? DEFAULT_SB);
      io.stdout.write(renderTunnelLines(explainTunnelCapture(bytes, names)));
    });

  program
    .command('capture')
    .description(
      "capture GENEVE frames on a node's tunnel interface and explain them (where the src/testing topology runs)",
    )
    .requiredOption('--node <node>', 'the node (node1, node2, …)')
    .option('--netns <name>', "the node's network namespace, when several harness topologies run")
    .option('-w, --write <file>', 'keep the capture in this pcap file')
    .addOption(
      new Option('-c, --count <n>', 'stop after n frames').default(10).argParser((v) => positiveInt(v, '--count')),
    )
    .addOption(
      new Option('--duration <seconds>', 'stop after this long in any case')
        .default(10)
        .argParser((v) => positiveInt(v, '--duration')),
    )
    .option('--sb <remote>', 'Southbound remote that names datapaths and ports (default: $OVN_SB_DB)')
    .addHelpText(
      'after',
      '\nExamples:\n  ovn-sdk capture --node node1 --sb unix:/tmp/central/ovnsb_db.sock -c 4\n  ovn-sdk capture --node node2 -w node2.pcap --duration 30\n',
    )
    .action(
      async (o: { node: string; netns?: string; write?: string; count: number; duration: number; sb?: string }) => {
        const sb = o.sb ?? io.env.OVN_SB_DB;
        if (o.write === undefined && sb === undefined)
          throw new CliUsageError('capture needs -w FILE, or --sb REMOTE (or $OVN_SB_DB) to explain the frames');
        const netns = await findNodeNetns(o.node, o.netns);
        const dir = o.write === undefined ? mkdtempSync(join(tmpdir(), 'ovn-sdk-capture-')) : undefined;
        const file = o.write ?? join(dir!, 'tunnel.pcap');
        try {
          await captureTunnel({ netns, file, count: o.count, seconds: o.duration });
          const bytes = readFileSync(file);
          if (sb !== undefined) io.stdout.write(renderTunnelLines(explainTunnelCapture(bytes, await sbNames(sb))));
          const n = parseCapture(bytes).records.length;
          io.stderr.write(
            `${n} frames captured on ${o.node}'s ${TUNNEL_IFACE} (${netns})${o.write ? ` -> ${o.write}` : ''}\n`,
          );
        } finally {
          if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
        }
      },
    );

  // --- serve: the gateway (src/gateway; docs/gateway.md). Self-contained: loads src/gateway lazily. ---
  program
    .command('serve')
    .description('serve the JSON-RPC 2.0 gateway (WebSocket) and the live topology page on one port')
    .option('--sb <remote>', 'Southbound remote: enables trace, explain, tunnel keys (default: $OVN_SB_DB if set)')
    .option('--listen <host:port>', 'address to bind (loopback by default)', '127.0.0.1:8080')
    .option('--token <token>', 'token apply/delete need (default: $OVN_SDK_GATEWAY_TOKEN; none: writes refused)')
    .option('--allow-origin <origin...>', 'browser origins allowed besides the page itself')
    .addHelpText(
      'after',
      '\nExample:\n  ovn-sdk serve --db tcp:127.0.0.1:6641 --sb tcp:127.0.0.1:6642 --listen 127.0.0.1:8080\n',
    )
    .action(async (o: { sb?: string; listen: string; token?: string; allowOrigin?: string[] }) => {
      const { startGateway, parseListen } = await import('../gateway/index.js');
      const { host, port } = parseListen(o.listen);
      const sb = o.sb ?? io.env.OVN_SB_DB;
      const token = o.token ?? io.env.OVN_SDK_GATEWAY_TOKEN;
      const gw = await startGateway({
        nb: nbRemote(),
        host,
        port,
        ...(sb ? { sb } : {}),
        ...(token ? { token } : {}),
        ...(o.allowOrigin ? { allowedOrigins: o.allowOrigin } : {}),
      });
      io.stdout.write(`serving ${gw.url} (JSON-RPC 2.0 at ${gw.wsUrl}${token ? '' : '; read-only: no --token'})\n`);
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          resolve();
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
      await gw.close();
    });

  return program;
}

function deleteKind(type: string): DeleteTarget['kind'] {
  const t = type
    .toLowerCase()
    .replace(/\.kubeovn\.io$/, '')
    .replace(/s$/, '');
  const k = (
    {
      subnet: 'Subnet',
      vpc: 'Vpc',
      namespace: 'Namespace',
      node: 'Node',
      pod: 'Pod',
      po: 'Pod',
      n: 'Namespace',
      no: 'Node',
      ip: 'IP',
      ippool: 'IPPool',
      vip: 'Vip',
    } as const
  )[t];
  if (k === undefined)
    throw new CliUsageError(`cannot delete "${type}": give subnet, vpc, ip, ippool, vip, namespace, node or pod`);
  return k;
}

function positiveInt(v: string, what: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new CliUsageError(`${what} must be a positive integer, got "${v}"`);
  return n;
}

/** Runs the command line; resolves with the exit code. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  let exit = 0;
  const program = buildProgram(io, (c) => (exit = c));
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exit;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2; // help/version: 0; usage: 2
    if (e instanceof CliUsageError) {
      io.stderr.write(`error: ${e.message}\n`);
      return 2;
    }
    if (e instanceof SdkError) {
      io.stderr.write(`error: ${e.message} [${e.code}]\n`);
      return 1;
    }
    io.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}

// Run when executed, not when imported. npm's bin is a symlink (node_modules/.bin/ovn-sdk), so compare real paths.
const isMain = (() => {
  const argv1 = process.argv[1];
  if (argv1 === undefined) return false;
  try {
    return realpathSync(argv1) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
})();
if (isMain || process.env.OVN_SDK_CLI_MAIN === '1') {
  void run(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    stdin: () => readFileSync(0, 'utf8'),
  }).then((code) => {
    process.exitCode = code;
  });
}
