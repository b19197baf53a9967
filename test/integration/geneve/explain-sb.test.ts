/**
 * Explain against a real Southbound database: NB + SB ovsdb-servers and ovn-northd in a temp dir;
 * a logical switch with two ports and a router port in NB; northd assigns tunnel keys in SB. An
 * OVSDB `select` of Datapath_Binding / Port_Binding / Multicast_Group feeds logicalNamesFromSb, and
 * frames built with those keys are explained in logical names.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  decapsulate,
  encapsulate,
  explainGeneve,
  logicalNamesFromSbSnapshot as logicalNamesFromSb,
  ovnMetadataOption,
  type LogicalNames,
  type SbSnapshot,
} from '../../../src/geneve/index.js';
import { killPid, run } from '../../../src/testing/vswitchd.js';

let dir = '';
const pidfiles: string[] = [];
let sb: SbSnapshot;
let names: LogicalNames;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), `geneve-sb-${process.pid}-`));
  const env = { OVS_RUNDIR: dir, OVS_DBDIR: dir, OVS_LOGDIR: dir, OVN_RUNDIR: dir };
  for (const [db, schema] of [
    ['nb', '/usr/share/ovn/ovn-nb.ovsschema'],
    ['sb', '/usr/share/ovn/ovn-sb.ovsschema'],
  ] as const) {
    await run('ovsdb-tool', ['create', join(dir, `${db}.db`), schema], { env });
    pidfiles.push(join(dir, `${db}.pid`));
    await run(
      'ovsdb-server',
      [
        '--detach',
        '--no-chdir',
        `--pidfile=${join(dir, `${db}.pid`)}`,
        `--unixctl=${join(dir, `${db}.ctl`)}`,
        `--log-file=${join(dir, `${db}.log`)}`,
        `--remote=punix:${join(dir, `${db}.sock`)}`,
        join(dir, `${db}.db`),
      ],
      { env },
    );
  }
  const nb = `unix:${join(dir, 'nb.sock')}`;
  const sbRemote = `unix:${join(dir, 'sb.sock')}`;
  pidfiles.unshift(join(dir, 'northd.pid'));
  await run(
    'ovn-northd',
    [
      '--detach',
      '--no-chdir',
      `--pidfile=${join(dir, 'northd.pid')}`,
      `--unixctl=${join(dir, 'northd.ctl')}`,
      `--log-file=${join(dir, 'northd.log')}`,
      `--ovnnb-db=${nb}`,
      `--ovnsb-db=${sbRemote}`,
    ],
    { env },
  );
  const nbctl = (...a: string[]): Promise<string> => run('ovn-nbctl', [`--db=${nb}`, '--timeout=20', ...a], { env });
  await nbctl('ls-add', 'ovn-default');
  await nbctl('lsp-add', 'ovn-default', 'ovn-default-node1-pod1.default');
  await nbctl('lsp-add', 'ovn-default', 'ovn-default-node2-pod3.default');
  await nbctl('ls-add', 'join');
  await nbctl('lsp-add', 'join', 'node-node1');
  await nbctl('--wait=sb', 'sync');
  const q = JSON.stringify([
    'OVN_Southbound',
    { op: 'select', table: 'Datapath_Binding', where: [], columns: ['_uuid', 'tunnel_key', 'external_ids'] },
    { op: 'select', table: 'Port_Binding', where: [], columns: ['datapath', 'tunnel_key', 'logical_port'] },
    { op: 'select', table: 'Multicast_Group', where: [], columns: ['datapath', 'tunnel_key', 'name'] },
  ]);
  const res = JSON.parse(await run('ovsdb-client', ['transact', sbRemote, q], { env })) as { rows: unknown[] }[];
  sb = {
    Datapath_Binding: res[0]!.rows,
    Port_Binding: res[1]!.rows,
    Multicast_Group: res[2]!.rows,
  } as unknown as SbSnapshot;
  names = logicalNamesFromSb(sb);
}, 60_000);

afterAll(async () => {
  for (const f of pidfiles) {
    try {
      await killPid(Number(readFileSync(f, 'utf8').trim()));
    } catch {
      /* never started */
    }
  }
  if (dir) await rm(dir, { recursive: true, force: true });
});

function keys(lsName: string, port: string): { dp: number; port: number } {
  const d = sb.Datapath_Binding.find((x) => JSON.stringify(x.external_ids).includes(`"${lsName}"`))!;
  const uuid = (d._uuid as readonly string[])[1];
  const p = sb.Port_Binding.find((x) => x.logical_port === port && (x.datapath as readonly string[])[1] === uuid)!;
  return { dp: d.tunnel_key, port: p.tunnel_key };
}

// Inner Ethernet + IPv4 ICMP echo request 10.16.0.8 > 10.16.0.12.
const INNER = Buffer.from(
  '0000000000020000000000010800450000240001400040010000' + '0a1000080a10000c' + '0800000000070001' + '0102030405060708',
  'hex',
);

describe('explain with names from a real SB (ovn-northd assigned the keys)', () => {
  it('northd gave both switches and their ports tunnel keys', () => {
    expect(sb.Datapath_Binding.length).toBe(2);
    expect(sb.Port_Binding.length).toBe(3);
    expect(sb.Multicast_Group!.length).toBeGreaterThan(0);
  });
  it('prints the issue example line from SB keys', () => {
    const a = keys('ovn-default', 'ovn-default-node1-pod1.default');
    const b = keys('ovn-default', 'ovn-default-node2-pod3.default');
    const frame = encapsulate(INNER, {
      eth: { src: '02:00:00:00:00:01', dst: '02:00:00:00:00:02' },
      ip: { version: 4, src: '172.31.0.1', dst: '172.31.0.2' },
      geneve: { vni: a.dp, options: [ovnMetadataOption({ ingressPort: a.port, egressPort: b.port })] },
    });
    expect(explainGeneve(decapsulate(frame).geneve, names).text).toBe(
      'ovn-default: ovn-default-node1-pod1.default → ovn-default-node2-pod3.default ICMP echo request 10.16.0.8 > 10.16.0.12',
    );
  });
  it('multicast egress keys resolve to the SB Multicast_Group name; keys are per datapath', () => {
    const a = keys('ovn-default', 'ovn-default-node1-pod1.default');
    const flood = sb.Multicast_Group!.find(
      (g) =>
        g.name === '_MC_flood' &&
        JSON.stringify(g.datapath) === JSON.stringify(sb.Datapath_Binding.find((d) => d.tunnel_key === a.dp)!._uuid),
    )!;
    expect(flood.tunnel_key).toBeGreaterThanOrEqual(0x8000);
    const frame = encapsulate(INNER, {
      ip: { version: 4, src: '172.31.0.1', dst: '172.31.0.2' },
      geneve: { vni: a.dp, options: [ovnMetadataOption({ ingressPort: a.port, egressPort: flood.tunnel_key })] },
    });
    const e = explainGeneve(decapsulate(frame, { linkType: 101 }).geneve, names);
    expect(e.egress).toBe('_MC_flood');
    expect(e.metadata?.multicast).toBe(true);
    const j = keys('join', 'node-node1');
    expect(names.port(j.dp, j.port)).toBe('node-node1');
    expect(names.datapath(j.dp)).toBe('join');
  });
});
