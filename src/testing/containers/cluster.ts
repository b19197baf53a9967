/**
 * The container backend of `startOvsdbCluster`: one container per member on a user-defined network,
 * each member at a fixed address there (RAFT on port 6643, clients on 6641 published on 127.0.0.1 at a
 * fixed host port), its files in one host temp dir mounted in every member. `kill()` / `start()` stop and
 * start the member's ovsdb-server inside its container (same files, address and ports), so RAFT sees a
 * crashed and restarted server; `disconnect(i)` / `reconnect(i)` take a member off the network and put it
 * back at the same address (a partition: neither its peers nor clients reach it). `pid` is the
 * server's pid inside its container. The harness' cluster-ops (restartMember, addMember, …) are for
 * the process backend only.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  freePort,
  parseClusterStatus,
  setElectionTimer,
  waitClusterFormed,
  type ClusterMember,
  type OvsdbCluster,
  type StartClusterOptions,
} from '../ovsdb-server.js';
import { waitFor } from '../process.js';
import { centralImage, type RuntimeOptions } from './runtime.js';
import { containerName, createNetwork, startContainer, uniqueTag, type Ctr, type CtrNetwork } from './engine.js';
import { CENTRAL_PROGRAMS, envFor, schemaFor } from './central.js';

const RAFT_PORT = 6643;
const CLIENT_PORT = 6641;

/** A cluster whose members run in containers, with network partitions. */
export interface ContainerCluster extends OvsdbCluster {
  /** The members' network (e.g. `ovn-sdk-…-raft`). */
  readonly network: string;
  /** The container of each member (by index). */
  readonly containers: readonly string[];
  /** Disconnects member `index` from the network: a partition (its peers and clients lose it). */
  disconnect(index: number): Promise<void>;
  /** Connects member `index` again, at its address. */
  reconnect(index: number): Promise<void>;
}

/** Waits, inside the container, until process `pid` and all its threads are gone. */
function waitGoneScript(pid: string): string {
  return `p=${pid}; i=0; while [ $i -lt 1000 ]; do a=0; for t in /proc/$p/task/*/stat; do [ -r "$t" ] || continue; s=$(sed 's/.*) //' "$t" 2>/dev/null | cut -c1); case "$s" in Z|X|'') ;; *) a=1 ;; esac; done; [ $a = 0 ] && exit 0; sleep 0.01; i=$((i+1)); done; exit 1`;
}

/** The container backend of `startOvsdbCluster` (called through it with `runtime: 'container'`). */
export async function startOvsdbClusterContainer(
  opts: StartClusterOptions & RuntimeOptions,
): Promise<ContainerCluster> {
  const size = opts.size ?? 3;
  const tag = uniqueTag();
  const dir = mkdtempSync(join(tmpdir(), 'ovsdb-cluster-ctr-'));
  const env = envFor(dir);
  const ctrs: Ctr[] = [];
  let net: CtrNetwork | undefined;
  const cleanup = async () => {
    await Promise.all(ctrs.map((c) => c.remove()));
    await net?.remove();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const schema = schemaFor(dir, opts.schema);
    const database = schema.database;
    net = await createNetwork(containerName('raft', tag));
    const network = net;
    const ips = Array.from({ length: size }, (_, i) => network.address(i + 1));
    const hostPorts: number[] = [];
    for (let i = 0; i < size; i++) hostPorts.push(await freePort());
    const image = centralImage(opts.image);
    // The members' containers start in parallel; each only idles until its server is started.
    const started = await Promise.allSettled(
      ips.map((ip, i) =>
        startContainer({
          image,
          name: i === 0 && opts.containerName ? opts.containerName : containerName(`m${i}`, tag),
          needs: CENTRAL_PROGRAMS,
          bind: dir,
          env,
          network: { name: network.name, ip },
          ports: [{ container: CLIENT_PORT, host: hostPorts[i]! }],
          script: ':',
        }),
      ),
    );
    for (const r of started) if (r.status === 'fulfilled') ctrs.push(r.value);
    const failed = started.find((r) => r.status === 'rejected');
    if (failed) throw (failed as PromiseRejectedResult).reason;

    const raft = (i: number) => `tcp:${ips[i]}:${RAFT_PORT}`;
    const members: (ClusterMember & { ctr: Ctr })[] = ctrs.map((ctr, i) => {
      const name = `m${i}`;
      const f = (ext: string) => join(dir, `${name}.${ext}`);
      let pid: number | undefined;
      let running = false;
      const m = {
        index: i,
        ctr,
        dbFile: f('db'),
        raft: raft(i),
        unix: `unix:${f('sock')}`,
        tcp: `tcp:127.0.0.1:${hostPorts[i]}`,
        ctl: f('ctl'),
        host: ips[i]!,
        netns: undefined,
        get pid() {
          return pid;
        },
        get running() {
          return running;
        },
        async start() {
          if (running) return;
          await ctr.sh(
            `ovsdb-server --detach --no-chdir --pidfile=${f('pid')} --unixctl=${f('ctl')} --log-file=${f('log')} --remote=punix:${f('sock')} --remote=ptcp:${CLIENT_PORT}:0.0.0.0 ${f('db')}`,
            { env },
          );
          pid = Number((await ctr.exec(['cat', f('pid')])).trim());
          running = true;
        },
        async kill(signal: NodeJS.Signals = 'SIGKILL') {
          if (pid === undefined) return;
          const p = pid;
          pid = undefined;
          running = false;
          await ctr.sh(`kill -${signal.replace(/^SIG/, '')} ${p} 2>/dev/null || true; ${waitGoneScript(String(p))}`);
        },
        appctl: (...args: string[]) => ctr.exec(['ovs-appctl', '-t', f('ctl'), ...args], { env }),
        async status() {
          return parseClusterStatus(await m.appctl('cluster/status', database));
        },
      };
      return m;
    });
    await members[0]!.ctr.exec(['ovsdb-tool', 'create-cluster', members[0]!.dbFile, schema.path, raft(0)], { env });
    for (const m of members.slice(1))
      await m.ctr.exec(['ovsdb-tool', 'join-cluster', m.dbFile, database, raft(m.index), raft(0)], { env });
    await Promise.all(members.map((m) => m.start()));

    const cluster: ContainerCluster = {
      dir,
      database,
      members,
      network: network.name,
      containers: ctrs.map((c) => c.name),
      get remotes() {
        return members.map((m) => m.tcp).join(',');
      },
      async leader(timeoutMs = 15_000) {
        return waitFor(
          'a cluster leader',
          async () => {
            const roles = await Promise.all(
              members.map(async (m) => {
                if (!m.running) return false;
                try {
                  return (await m.status()).role === 'leader';
                } catch {
                  return false; /* member busy, restarting or removed */
                }
              }),
            );
            const i = roles.indexOf(true);
            return i >= 0 ? i : undefined;
          },
          timeoutMs,
          20,
        );
      },
      disconnect: (i) => network.disconnect(ctrs[i]!),
      reconnect: (i) => network.connect(ctrs[i]!, ips[i]!),
      async stop() {
        await cleanup();
      },
    };
    await cluster.leader(30_000);
    await waitClusterFormed(cluster);
    if (opts.electionTimerMs) await setElectionTimer(cluster, opts.electionTimerMs);
    return cluster;
  } catch (e) {
    await cleanup();
    throw e;
  }
}
