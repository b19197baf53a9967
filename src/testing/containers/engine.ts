/**
 * The container engine seam of the harness: one testcontainers client per process (Ryuk off: its image
 * cannot be pulled everywhere, and the harness removes what it starts itself), containers started from
 * a shell script that first checks the image has the programs it needs, exec with typed failures, and
 * user-defined networks with a known subnet (so members keep fixed addresses across a disconnect).
 * Everything created carries the label `ovn-sdk.harness` and is removed by its owner's `stop()`; a
 * last-resort exit hook removes what is left when the process ends without stopping.
 */
import { spawnSync } from 'node:child_process';
import {
  GenericContainer,
  Wait,
  getContainerRuntimeClient,
  type ContainerRuntimeClient,
  type StartedTestContainer,
} from 'testcontainers';
import { HarnessCommandError, HarnessError } from '../process.js';
import { ContainerEngineError, ContainerImageError, ContainerNameClashError } from './errors.js';

export const LABEL = 'ovn-sdk.harness';
const READY = 'ovn-sdk: ready';
const MISSING = 'ovn-sdk: missing ';

let clientPromise: Promise<ContainerRuntimeClient> | undefined;

/**
 * The engine client (testcontainers finds it through `DOCKER_HOST`, the Docker socket or
 * `~/.testcontainers.properties`).
 * @throws {ContainerEngineError} `CONTAINER_ENGINE_UNAVAILABLE`
 */
export function engine(): Promise<ContainerRuntimeClient> {
  process.env.TESTCONTAINERS_RYUK_DISABLED ??= 'true';
  clientPromise ??= getContainerRuntimeClient().catch((e: unknown) => {
    clientPromise = undefined;
    const where = process.env.DOCKER_HOST ? `DOCKER_HOST=${process.env.DOCKER_HOST}` : 'the default Docker socket';
    throw new ContainerEngineError(
      `no container engine answered at ${where}: ${e instanceof Error ? e.message : String(e)}`,
      { cause: e },
    );
  });
  return clientPromise;
}

/** A started container with the few operations the harness needs. */
export interface Ctr {
  readonly id: string;
  readonly name: string;
  readonly image: string;
  /** Host pid of the container's first process (Linux engines; 0 when the engine does not say). */
  readonly hostPid: number;
  /**
   * Runs `argv` in the container; resolves with stdout.
   * @throws {HarnessCommandError} `HARNESS_COMMAND_FAILED` on a non-zero exit
   */
  exec(argv: readonly string[], opts?: { env?: Readonly<Record<string, string>> }): Promise<string>;
  /** Runs a shell script in the container (`sh -c`). */
  sh(script: string, opts?: { env?: Readonly<Record<string, string>> }): Promise<string>;
  /** The host port a published container port is reachable on (127.0.0.1). */
  mappedPort(port: number): number;
  /** Removes the container (SIGKILL, then remove). Idempotent. */
  remove(): Promise<void>;
}

export interface ContainerSpec {
  readonly image: string;
  readonly name: string;
  /** Programs the image must have; checked before `script` runs (`CONTAINER_IMAGE_INCOMPLETE`). */
  readonly needs: readonly string[];
  /** Shell script run once at start; the container is ready when it has finished. It then idles. */
  readonly script: string;
  /** Host directory mounted at the same path inside. */
  readonly bind?: string;
  /** Container ports published on 127.0.0.1 (a fixed host port, or one the engine picks). */
  readonly ports?: readonly { container: number; host?: number }[];
  /**
   * What a node needs from the kernel: NET_ADMIN, NET_RAW and SYS_ADMIN (namespaces, links, iptables,
   * `ip netns add`), /dev/net/tun (the userspace datapath's taps), writable /proc/sys, unconfined
   * seccomp and AppArmor. Deliberately not `--privileged`, which also asks for every capability and
   * fails where the engine runs with a smaller bounding set (as in some CI sandboxes).
   */
  readonly privileged?: boolean;
  /** A user-defined network and this container's fixed address on it. */
  readonly network?: { readonly name: string; readonly ip: string };
  readonly env?: Readonly<Record<string, string>>;
}

// What this process started and has not removed yet, for the exit hook.
const live = new Map<string, string>();
let hooked = false;
function track(id: string, name: string): void {
  live.set(id, name);
  if (hooked) return;
  hooked = true;
  process.once('exit', () => {
    if (live.size === 0) return;
    // Last resort only (stop() is the way): the docker CLI, if there is one, removes them.
    spawnSync('docker', ['rm', '-f', ...live.keys()], { stdio: 'ignore', timeout: 20_000 });
  });
}

/** Pins a container to a fixed address on a user-defined network (testcontainers has no option for it). */
class PinnedContainer extends GenericContainer {
  constructor(
    image: string,
    private readonly pin: { readonly name: string; readonly ip: string } | undefined,
    private readonly nodeLike = false,
  ) {
    super(image);
  }
  protected override async beforeContainerCreated(): Promise<void> {
    // An init as PID 1 reaps the daemons the harness kills inside the container (no zombies).
    this.hostConfig.Init = true;
    if (this.nodeLike) {
      this.hostConfig.CapAdd = ['NET_ADMIN', 'NET_RAW', 'SYS_ADMIN'];
      this.hostConfig.SecurityOpt = ['seccomp=unconfined', 'apparmor=unconfined'];
      // `--security-opt systempaths=unconfined` in API terms: /proc/sys writable, nothing masked.
      this.hostConfig.MaskedPaths = [];
      this.hostConfig.ReadonlyPaths = [];
      this.hostConfig.Devices = [
        { PathOnHost: '/dev/net/tun', PathInContainer: '/dev/net/tun', CgroupPermissions: 'rwm' },
      ];
    }
    if (!this.pin) return;
    this.createOpts.NetworkingConfig = {
      EndpointsConfig: { [this.pin.name]: { IPAMConfig: { IPv4Address: this.pin.ip } } },
    };
  }
}

function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/**
 * Starts a container running `spec.script` and resolves once the script has finished.
 * @throws {ContainerEngineError} `CONTAINER_ENGINE_UNAVAILABLE`
 * @throws {ContainerNameClashError} `CONTAINER_NAME_CLASH`
 * @throws {ContainerImageError} `CONTAINER_IMAGE_INCOMPLETE` (a program missing, or no such image)
 * @throws {HarnessError} `HARNESS_FAILED` when the script fails (its last output is in the message)
 */
export async function startContainer(spec: ContainerSpec): Promise<Ctr> {
  const client = await engine();
  const docker = client.container.dockerode;
  const existing = await docker
    .getContainer(spec.name)
    .inspect()
    .catch(() => undefined);
  if (existing) throw new ContainerNameClashError(spec.name, existing.Id);
  // The check runs before anything else, so a wrong image fails fast and says what it lacks.
  const check = spec.needs
    .map((p) => `command -v ${shellQuote(p)} >/dev/null 2>&1 || missing="$missing ${p}"`)
    .join('; ');
  const script = [
    'missing=""',
    check || ':',
    `if [ -n "$missing" ]; then echo "${MISSING}$missing"; exit 3; fi`,
    'set -e',
    spec.script,
    `echo "${READY}"`,
    'exec sleep infinity',
  ].join('\n');
  let c = new PinnedContainer(spec.image, spec.network, spec.privileged === true)
    .withName(spec.name)
    .withLabels({ [LABEL]: 'true', 'ovn-sdk.owner-pid': String(process.pid) })
    .withEntrypoint(['sh', '-c', script])
    .withCommand([])
    .withWaitStrategy(Wait.forLogMessage(new RegExp(`${READY}|${MISSING}`)))
    .withStartupTimeout(120_000);
  if (spec.bind) c = c.withBindMounts([{ source: spec.bind, target: spec.bind, mode: 'rw' }]);
  if (spec.ports?.length)
    c = c.withExposedPorts(...spec.ports.map((p) => (p.host ? { container: p.container, host: p.host } : p.container)));
  if (spec.network) c = c.withNetworkMode(spec.network.name);
  if (spec.env) c = c.withEnvironment({ ...spec.env });
  let started: StartedTestContainer;
  try {
    started = await c.start();
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    // A failed start may leave the created container behind: read its output, then remove it.
    const left = docker.getContainer(spec.name);
    const logs = await left
      .logs({ stdout: true, stderr: true, tail: 20 })
      .then((b) => stripDockerLog(b as unknown as Buffer))
      .catch(() => '');
    await left.remove({ force: true }).catch(() => undefined);
    // The image check may have failed before the log wait attached (the container exits at once).
    const lacking = new RegExp(`${MISSING}(.*)`).exec(logs);
    if (lacking) {
      const list = lacking[1]!.trim().split(/\s+/);
      throw new ContainerImageError(
        spec.image,
        list,
        `image ${spec.image} lacks ${list.join(', ')} (see docs/containers.md for what an image must contain)`,
        { cause: e },
      );
    }
    const clash = /already in use by container "?([0-9a-f]+)/.exec(msg);
    if (clash) throw new ContainerNameClashError(spec.name, clash[1]!, { cause: e });
    if (/No such image|pull access denied|not found: manifest unknown|failed to resolve reference|404/i.test(msg))
      throw new ContainerImageError(spec.image, ['the image itself'], `image ${spec.image} is not available: ${msg}`, {
        cause: e,
      });
    if (/executable file not found|no such file or directory/.test(msg))
      throw new ContainerImageError(spec.image, ['sh'], `image ${spec.image} has no /bin/sh: ${msg}`, { cause: e });
    throw new HarnessError(`container ${spec.name} (${spec.image}) did not start: ${msg}`, logs, { cause: e });
  }
  track(started.getId(), spec.name);
  const out = await started
    .logs({ tail: 5 })
    .then(readStream)
    .catch(() => '');
  const missing = new RegExp(`${MISSING}(.*)`).exec(out);
  if (missing) {
    await started.stop({ timeout: 0, remove: true }).catch(() => undefined);
    live.delete(started.getId());
    const list = missing[1]!.trim().split(/\s+/);
    throw new ContainerImageError(
      spec.image,
      list,
      `image ${spec.image} lacks ${list.join(', ')} (see docs/containers.md for what an image must contain)`,
    );
  }
  const info = await docker.getContainer(started.getId()).inspect();
  let removed = false;
  const ctr: Ctr = {
    id: started.getId(),
    name: spec.name,
    image: spec.image,
    hostPid: info.State.Pid ?? 0,
    async exec(argv, o = {}) {
      const r = await started.exec([...argv], o.env ? { env: { ...o.env } } : {});
      if (r.exitCode !== 0) {
        throw new HarnessCommandError(
          `${argv.join(' ')} failed in container ${spec.name} (exit ${r.exitCode}): ${(r.stderr || r.stdout).trim().split('\n').slice(-3).join(' | ')}`,
          [...argv],
          r.stderr,
        );
      }
      return r.stdout;
    },
    sh: (s, o) => ctr.exec(['sh', '-c', s], o),
    mappedPort: (p) => started.getMappedPort(p),
    async remove() {
      if (removed) return;
      removed = true;
      await started.stop({ timeout: 0, remove: true, removeVolumes: true }).catch(async () => {
        await docker
          .getContainer(started.getId())
          .remove({ force: true })
          .catch(() => undefined);
      });
      live.delete(started.getId());
    },
  };
  return ctr;
}

function readStream(s: NodeJS.ReadableStream): Promise<string> {
  return new Promise((resolve) => {
    let out = '';
    const t = setTimeout(() => resolve(out), 1000);
    s.on('data', (d: Buffer) => (out += d.toString()));
    s.on('end', () => {
      clearTimeout(t);
      resolve(out);
    });
    s.on('error', () => resolve(out));
  });
}

/** Docker's multiplexed log format: 8-byte frame headers before each chunk. */
function stripDockerLog(b: Buffer): string {
  if (!Buffer.isBuffer(b)) return String(b);
  const parts: string[] = [];
  let o = 0;
  while (o + 8 <= b.length) {
    const n = b.readUInt32BE(o + 4);
    parts.push(b.subarray(o + 8, o + 8 + n).toString());
    o += 8 + n;
  }
  return parts.join('') || b.toString();
}

/** A user-defined bridge network with a subnet the engine chose, and addresses handed out in order. */
export interface CtrNetwork {
  readonly name: string;
  readonly id: string;
  /** The Linux bridge on the engine's host that carries this network (capture on it). */
  readonly bridge: string;
  readonly subnet: string;
  /** The n-th free address (n ≥ 1; .1 is the gateway, so n = 1 gives .10). */
  address(n: number): string;
  /** Disconnects a container (a network partition for it). */
  disconnect(ctr: Ctr): Promise<void>;
  /** Connects a container again at the same address. */
  connect(ctr: Ctr, ip: string): Promise<void>;
  remove(): Promise<void>;
}

/**
 * Creates a bridge network `name` on a /24 of 10.213.0.0/16 that no other network uses (fixed member
 * addresses need a subnet chosen by the user, not the engine). With the engine's --iptables=false
 * there is no NAT out of it.
 */
export async function createNetwork(name: string): Promise<CtrNetwork> {
  const client = await engine();
  const docker = client.container.dockerode;
  const existing = await docker
    .getNetwork(name)
    .inspect()
    .catch(() => undefined);
  if (existing) throw new ContainerNameClashError(name, (existing as { Id: string }).Id);
  let id12: string | undefined;
  let subnet = '';
  let lastError: unknown;
  for (let attempt = 0; attempt < 8 && !id12; attempt++) {
    subnet = `10.213.${Math.floor(Math.random() * 256)}.0/24`;
    try {
      id12 = (
        await client.network.create({
          Name: name,
          Driver: 'bridge',
          CheckDuplicate: true,
          Labels: { [LABEL]: 'true' },
          IPAM: { Driver: 'default', Config: [{ Subnet: subnet, Gateway: subnet.replace(/0\/24$/, '1') }] },
        })
      ).id;
    } catch (e) {
      lastError = e;
      if (!/overlap/i.test(String((e as Error).message))) break;
    }
  }
  if (!id12)
    throw new HarnessError(
      `network ${name} could not be created: ${String((lastError as Error)?.message ?? lastError)}`,
      '',
      { cause: lastError },
    );
  const net = docker.getNetwork(id12);
  const info = (await net.inspect()) as { Id: string };
  const base = subnet.split('/')[0]!.split('.').slice(0, 3).join('.');
  let removed = false;
  return {
    name,
    id: info.Id,
    bridge: `br-${info.Id.slice(0, 12)}`,
    subnet,
    address: (n) => `${base}.${9 + n}`,
    disconnect: async (ctr) => {
      await net.disconnect({ Container: ctr.id, Force: true });
    },
    connect: async (ctr, ip) => {
      await net.connect({ Container: ctr.id, EndpointConfig: { IPAMConfig: { IPv4Address: ip } } });
    },
    async remove() {
      if (removed) return;
      removed = true;
      await net.remove().catch(() => undefined);
    },
  };
}

/** A name for a harness container: `ovn-sdk-<pid>-<random>-<role>`. */
export function containerName(role: string, tag = uniqueTag()): string {
  return `ovn-sdk-${tag}-${role}`;
}

export function uniqueTag(): string {
  return `${process.pid.toString(36)}${Math.floor(Math.random() * 36 ** 4)
    .toString(36)
    .padStart(4, '0')}`;
}
