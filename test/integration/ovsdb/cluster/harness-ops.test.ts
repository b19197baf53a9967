/**
 * The cluster-ops harness itself: a member added to a running cluster, `cluster/status` parsing, and
 * what `stop()` leaves behind (nothing: no process, temp dir, namespace or veth), also when the
 * veth namespace is used alone.
 */
import { existsSync } from 'node:fs';
import { expect, test } from 'vitest';
import {
  addMember,
  alive,
  makeLeader,
  createVethNamespace,
  parseClusterStatus,
  run,
  startOvsdbCluster,
  startPartitionableCluster,
  waitMemberReady,
} from '../../../../src/testing/index.js';
import { OvsdbClient, op } from '../../../../src/ovsdb/index.js';

const netnsExists = async (name: string) =>
  (await run('ip', ['netns', 'list'])).stdout.split('\n').some((l) => l.split(' ')[0] === name);
const linkExists = async (name: string) =>
  (await run('ip', ['-o', 'link', 'show'])).stdout.includes(` ${name}@`) ||
  (await run('ip', ['-o', 'link', 'show'])).stdout.includes(` ${name}:`);

test('addMember: a fourth member joins a running cluster, gets the data, and is stopped with it', async () => {
  const cluster = await startOvsdbCluster({ schema: 'nb' });
  let pid: number | undefined;
  try {
    const w = await OvsdbClient.connect(cluster.members[await cluster.leader()]!.tcp);
    await w.transact('OVN_Northbound', [op.insert('Address_Set', { name: 'before-join' })]);
    await w.close();
    const m = await addMember(cluster);
    pid = m.pid;
    expect(m.index).toBe(3);
    expect(cluster.members).toHaveLength(4);
    expect(cluster.remotes.split(',')).toContain(m.tcp);
    const st = await waitMemberReady(cluster, 3);
    expect(st.membership).toBe('cluster member');
    expect((await cluster.members[await cluster.leader()]!.status()).servers).toHaveLength(4);
    const c = await OvsdbClient.connect(m.unix);
    const [r] = await c.transact('OVN_Northbound', [op.select('Address_Set', [], ['name'])]);
    await c.close();
    expect(r.rows.map((x) => x.name)).toEqual(['before-join']);
  } finally {
    await cluster.stop();
  }
  expect(pid !== undefined && alive(pid)).toBe(false);
  expect(existsSync(cluster.dir)).toBe(false);
}, 60_000);

test('makeLeader: each member in turn becomes the leader', async () => {
  // a short election timer: the fallback elections are quicker
  const cluster = await startOvsdbCluster({ schema: 'nb', electionTimerMs: 250 });
  try {
    for (const i of [2, 1, 0]) {
      await makeLeader(cluster, i);
      expect(await cluster.leader()).toBe(i);
      expect((await cluster.members[i]!.status()).role).toBe('leader');
    }
  } finally {
    await cluster.stop();
  }
}, 120_000);

test('parseClusterStatus reads what ovsdb-server 3.1 prints', async () => {
  const cluster = await startOvsdbCluster({ schema: 'nb', size: 2 });
  try {
    // startOvsdbCluster returns once there is a leader; the second member may still be joining
    for (const m of cluster.members) await waitMemberReady(cluster, m.index);
    const l = await cluster.leader();
    const raw = await cluster.members[l]!.appctl('cluster/status', 'OVN_Northbound');
    const st = parseClusterStatus(raw);
    expect(st.role).toBe('leader');
    expect(st.leader).toBe('self');
    expect(st.membership).toBe('cluster member');
    expect(st.electionTimerMs).toBe(1000);
    expect(st.sid).toMatch(/^[0-9a-f]{4}$/);
    expect(st.servers.map((s) => s.address).sort()).toEqual(cluster.members.map((m) => m.raft).sort());
    expect(st.servers.map((s) => s.sid)).toContain(st.sid);
  } finally {
    await cluster.stop();
  }
}, 30_000);

test('a veth namespace: cut stops traffic, heal restores it, stop removes namespace and link', async () => {
  const link = await createVethNamespace();
  try {
    expect(link.netns).toContain(String(process.pid));
    await run('ping', ['-c1', '-W1', link.nsIp]);
    await link.cut();
    expect(link.isCut).toBe(true);
    await expect(run('ping', ['-c1', '-W1', link.nsIp])).rejects.toMatchObject({ code: 'HARNESS_COMMAND_FAILED' });
    await link.heal();
    await run('ping', ['-c1', '-W1', link.nsIp]);
    expect(await link.exec('ip', ['-o', '-4', 'addr', 'show', 'dev', link.nsIf])).toContain(link.nsIp);
  } finally {
    await link.stop();
  }
  expect(await netnsExists(link.netns)).toBe(false);
  expect(await linkExists(link.hostIf)).toBe(false);
}, 30_000);

test('a partitionable cluster stops leaving no process, namespace or link', async () => {
  const p = await startPartitionableCluster({ schema: 'nb' });
  const pids = p.cluster.members.map((m) => m.pid!);
  expect(p.cluster.members[p.isolated]!.netns).toBe(p.link.netns);
  await p.stop();
  for (const pid of pids) expect(alive(pid)).toBe(false);
  expect(await netnsExists(p.link.netns)).toBe(false);
  expect(await linkExists(p.link.hostIf)).toBe(false);
  expect(existsSync(p.cluster.dir)).toBe(false);
}, 30_000);

test('a partitionable cluster that fails to start leaves no namespace or link behind', async () => {
  const ours = async () =>
    (await run('ip', ['netns', 'list'])).stdout.split('\n').filter((l) => l.startsWith(`ovsdb-${process.pid}-`)).length;
  const before = await ours();
  await expect(startPartitionableCluster({ schema: '/nonexistent/none.ovsschema' })).rejects.toThrow();
  expect(await ours()).toBe(before);
}, 30_000);
