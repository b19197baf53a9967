/**
 * `apply` and `delete`: resources → the applied state → the Kube-OVN reconciler's plan → NB, with the
 * command line's own keys written in the same transaction (see state.ts). Pods go in batches, one
 * transaction each, so long work shows progress and an interrupt stops between transactions.
 */
import { NB_DATABASE } from '../ovn-nb/txn.js';
import type { OvsdbClient } from '../ovsdb/client.js';
import type { Operation } from '../ovsdb/operations.js';
import { DEFAULT_SUBNET, JOIN_SUBNET, planReconcile, type Pod } from '../kube/index.js';
import { CliUsageError, ImmutableFieldError, IpOwnedByPodError, NotFoundError } from './errors.js';
import { resourceRef, resourceType, type Resource } from './manifests.js';
import { desiredFrom, podKey, readState, stateOperations, type AppliedState } from './state.js';
import { sameAddresses } from '../kube/subnet-model.js';

export type ApplyStatus = 'created' | 'configured' | 'unchanged' | 'deleted';

/** One line of output: `subnet.kubeovn.io/subnet1 created`. */
export interface ApplyLine {
  readonly ref: string;
  readonly status: ApplyStatus;
}

export interface ApplyOptions {
  /** Plan only: return the operations instead of sending them. */
  readonly dryRun?: boolean;
  /** Pods per transaction (default 500). */
  readonly batchSize?: number;
  /** Called after each transaction with pods done / total. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Called with each batch's lines once its transaction committed. */
  readonly onLines?: (lines: readonly ApplyLine[]) => void;
  /** Stops between transactions when aborted (what was committed stays). */
  readonly signal?: AbortSignal;
  /** Re-plans after a concurrent writer made a guard fail (default 3). */
  readonly retries?: number;
}

export interface ApplyResult {
  readonly lines: readonly ApplyLine[];
  /** The operations of each transaction (sent, or planned with dryRun). */
  readonly transactions: readonly (readonly Operation[])[];
  /** True when the signal stopped the work before every batch was sent. */
  readonly interrupted: boolean;
  /** Resources whose transaction committed (or all of them, planned, with dryRun). */
  readonly applied: number;
  readonly total: number;
}

type Client = Pick<OvsdbClient, 'transact'>;

function clone(s: AppliedState): AppliedState {
  return {
    subnets: new Map(s.subnets),
    storedSubnets: new Set(s.storedSubnets),
    vpcs: new Set(s.vpcs),
    namespaces: new Set(s.namespaces),
    nodes: new Set(s.nodes),
    pods: new Map(s.pods),
    ips: new Map(s.ips),
    ippools: new Map(s.ippools),
    vips: new Map(s.vips),
    storedVips: new Set(s.storedVips),
  };
}

function immutable(ref: string, field: string, from: string | undefined, to: string | undefined): void {
  if ((from ?? '') !== (to ?? '')) throw new ImmutableFieldError(ref, field, from ?? '', to ?? '');
}

const sameText = (a: string | undefined, b: string | undefined): boolean =>
  (a ?? '').toLowerCase() === (b ?? '').toLowerCase();

/** Applies `r` to `s` (in place); returns what kubectl would say about it. */
function applyOne(s: AppliedState, r: Resource): ApplyStatus {
  switch (r.kind) {
    case 'Subnet': {
      const before = s.subnets.get(r.name);
      s.subnets.set(r.name, r.spec);
      const wasStored = s.storedSubnets.has(r.name);
      s.storedSubnets.add(r.name);
      if (before === undefined) return 'created';
      return wasStored && JSON.stringify(before) === JSON.stringify(r.spec) ? 'unchanged' : 'configured';
    }
    case 'Vpc':
      return addTo(s.vpcs, r.name);
    case 'Namespace':
      return addTo(s.namespaces, r.name);
    case 'Node':
      return addTo(s.nodes, r.name);
    case 'Pod': {
      const p = r.pod;
      if (
        p.namespace !== 'default' &&
        !s.namespaces.has(p.namespace) &&
        ![...s.pods.values()].some((x) => x.namespace === p.namespace)
      ) {
        throw new NotFoundError('namespace', p.namespace, `pod ${p.name} is in it: apply the Namespace first`);
      }
      const key = podKey(p.namespace, p.name);
      const reserved = s.ips.get(`${p.name}.${p.namespace}`);
      if (reserved !== undefined) {
        // The pod takes the address its IP object reserved (Kube-OVN: the IPAM entry of that port name).
        s.ips.delete(`${p.name}.${p.namespace}`);
        const mac = p.mac ?? reserved.macAddress;
        s.pods.set(key, {
          ...p,
          ip: p.ip ?? reserved.ipAddress,
          subnet: p.subnet ?? reserved.subnet,
          ...(mac === undefined ? {} : { mac }),
        });
        return 'created';
      }
      const before = s.pods.get(key);
      s.pods.set(key, p);
      if (before === undefined) return 'created';
      const same =
        before.node === p.node &&
        (p.subnet === undefined || p.subnet === before.subnet) &&
        (p.ip === undefined || p.ip === before.ip) &&
        (p.mac === undefined || sameText(p.mac, before.mac));
      if (same) s.pods.set(key, before); // keep the address it has
      return same ? 'unchanged' : 'configured';
    }
    case 'IP': {
      const sp = r.spec;
      const ref = resourceRef('IP', r.name);
      const pod = s.pods.get(podKey(sp.namespace, sp.podName));
      if (pod !== undefined) {
        // The pod's own IP object: it is there already, and changes with the pod.
        const same =
          pod.node === sp.nodeName &&
          pod.subnet === sp.subnet &&
          sameAddresses(pod.ip ?? '', sp.ipAddress ?? '') &&
          (sp.macAddress === undefined || sameText(sp.macAddress, pod.mac));
        if (!same)
          throw new IpOwnedByPodError(
            r.name,
            podKey(sp.namespace, sp.podName),
            `it holds ${pod.ip ?? 'no address yet'} on ${pod.node}; change the pod's annotations instead`,
          );
        return 'unchanged';
      }
      const before = s.ips.get(r.name);
      if (before !== undefined) immutable(ref, 'spec.subnet', before.subnet, sp.subnet);
      s.ips.set(r.name, sp);
      if (before === undefined) return 'created';
      return JSON.stringify(before) === JSON.stringify(sp) ? 'unchanged' : 'configured';
    }
    case 'IPPool': {
      const before = s.ippools.get(r.name);
      if (before !== undefined) immutable(resourceRef('IPPool', r.name), 'spec.subnet', before.subnet, r.spec.subnet);
      s.ippools.set(r.name, r.spec);
      if (before === undefined) return 'created';
      return JSON.stringify(before) === JSON.stringify(r.spec) ? 'unchanged' : 'configured';
    }
    case 'Vip': {
      const before = s.vips.get(r.name);
      const wasStored = s.storedVips.has(r.name);
      if (before !== undefined) {
        // The reservation's port is named by its address: Kube-OVN's webhook keeps subnet and v4ip.
        immutable(resourceRef('Vip', r.name), 'spec.subnet', before.subnet, r.spec.subnet);
        if (wasStored) immutable(resourceRef('Vip', r.name), 'spec.v4ip', before.v4ip, r.spec.v4ip);
      }
      s.vips.set(r.name, r.spec);
      s.storedVips.add(r.name);
      if (before === undefined) return 'created';
      return wasStored && JSON.stringify(before) === JSON.stringify(r.spec) ? 'unchanged' : 'configured';
    }
  }
}

function addTo(set: Set<string>, name: string): ApplyStatus {
  if (set.has(name)) return 'unchanged';
  set.add(name);
  return 'created';
}

/** Removes `r` from `s` (in place). @throws NotFoundError when it is not there. */
function deleteOne(s: AppliedState, kind: Resource['kind'], name: string, namespace = 'default'): void {
  const missing = (): never => {
    throw new NotFoundError(resourceType(kind), kind === 'Pod' ? `${namespace}/${name}` : name);
  };
  switch (kind) {
    case 'Subnet':
      if (name === JOIN_SUBNET || name === DEFAULT_SUBNET)
        throw new CliUsageError(`subnet "${name}" is Kube-OVN's own and cannot be deleted`);
      if (!s.subnets.delete(name)) missing();
      s.storedSubnets.delete(name);
      return;
    case 'Vpc':
      if (!s.vpcs.delete(name)) missing();
      return;
    case 'Namespace': {
      if (!s.namespaces.delete(name)) missing();
      for (const [k, p] of s.pods) if (p.namespace === name) s.pods.delete(k); // its pods go with it
      return;
    }
    case 'Node':
      if (!s.nodes.delete(name)) missing();
      return;
    case 'Pod':
      if (!s.pods.delete(podKey(namespace, name))) missing();
      return;
    case 'IP': {
      if (s.ips.delete(name)) return;
      const owner = [...s.pods.values()].find((p) => `${p.name}.${p.namespace}` === name);
      if (owner !== undefined)
        throw new IpOwnedByPodError(name, podKey(owner.namespace, owner.name), 'it goes when the pod is deleted');
      missing();
      return;
    }
    case 'IPPool':
      if (!s.ippools.delete(name)) missing();
      return;
    case 'Vip':
      if (!s.vips.delete(name)) missing();
      s.storedVips.delete(name);
      return;
  }
}

/** Plans `after` against what `read` saw, with the state keys; retries on a failed guard. */
async function commit(
  client: Client,
  mutate: (s: AppliedState) => void,
  o: ApplyOptions,
  transactions: Operation[][],
): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const read = await readState(client);
    const after = clone(read.state);
    mutate(after);
    const plan = planReconcile(desiredFrom(after), read.snapshot);
    const ops = [...plan.operations, ...stateOperations(read.state, after, read.nbGlobal)];
    if (ops.length === 0) return;
    if (o.dryRun) {
      transactions.push(ops);
      return;
    }
    try {
      await client.transact(NB_DATABASE, ops, { validate: false });
      transactions.push(ops);
      return;
    } catch (e) {
      if ((e as { code?: string }).code === 'OVSDB_TIMED_OUT' && attempt < (o.retries ?? 3)) continue;
      throw e;
    }
  }
}

/**
 * Applies resources: everything but pods in the first transaction, then pods `batchSize` at a time.
 * A second apply of the same resources sends nothing and reports every object `unchanged`.
 * @throws ManifestError-free: the resources are already parsed; NotFoundError (a pod's namespace), the
 *   kube model's errors (docs/errors/kube-model.md) and the client's transaction errors
 */
export async function applyResources(
  client: Client,
  resources: readonly Resource[],
  o: ApplyOptions = {},
): Promise<ApplyResult> {
  const size = Math.max(1, o.batchSize ?? 500);
  const others = resources.filter((r) => r.kind !== 'Pod');
  const pods = resources.filter((r) => r.kind === 'Pod');
  const batches: Resource[][] = [];
  if (o.dryRun) batches.push([...others, ...pods]);
  else {
    batches.push([...others, ...pods.slice(0, size)]);
    for (let i = size; i < pods.length; i += size) batches.push(pods.slice(i, i + size));
  }
  const lines: ApplyLine[] = [];
  const transactions: Operation[][] = [];
  let applied = 0;
  let podsDone = 0;
  for (const batch of batches) {
    if (o.signal?.aborted) return { lines, transactions, interrupted: true, applied, total: resources.length };
    let statuses: ApplyLine[] = [];
    await commit(
      client,
      (s) => {
        statuses = batch.map((r) => ({ ref: resourceRef(r.kind, r.name), status: applyOne(s, r) }));
      },
      o,
      transactions,
    );
    lines.push(...statuses);
    applied += batch.length;
    podsDone += batch.filter((r) => r.kind === 'Pod').length;
    o.onLines?.(statuses);
    o.onProgress?.(podsDone, pods.length);
  }
  return { lines, transactions, interrupted: false, applied, total: resources.length };
}

/** What `delete` names: a resource from a file, or `kind name` from the command line. */
export interface DeleteTarget {
  readonly kind: Resource['kind'];
  readonly name: string;
  readonly namespace?: string;
}

/** Deletes objects in one transaction (Kube-OVN's guards apply: a subnet with pods stays). */
export async function deleteResources(
  client: Client,
  targets: readonly DeleteTarget[],
  o: Pick<ApplyOptions, 'dryRun' | 'retries'> = {},
): Promise<ApplyResult> {
  const transactions: Operation[][] = [];
  await commit(
    client,
    (s) => {
      for (const t of targets) deleteOne(s, t.kind, t.name, t.namespace);
    },
    o,
    transactions,
  );
  const lines = targets.map((t) => ({ ref: resourceRef(t.kind, t.name), status: 'deleted' as const }));
  return { lines, transactions, interrupted: false, applied: targets.length, total: targets.length };
}

/** `subnet.kubeovn.io/subnet1 created` / `subnet.kubeovn.io "subnet1" deleted`, as kubectl prints them. */
export function formatLine(l: ApplyLine): string {
  if (l.status !== 'deleted') return `${l.ref} ${l.status}`;
  const slash = l.ref.lastIndexOf('/');
  return `${l.ref.slice(0, slash)} "${l.ref.slice(slash + 1)}" deleted`;
}

export type { Pod };
