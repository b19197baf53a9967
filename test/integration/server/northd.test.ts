/**
 * OVN's own C daemons against the embedded server: the Kube-OVN scenario (src/kube reconcile) written
 * by this SDK into an embedded NB, ovn-northd (holding the SB lock) translating it into an embedded
 * SB — compared with the same run on ovsdb-server: datapath and port bindings and logical flow counts
 * per datapath, pipeline and table. Then ovn-trace on the embedded SB, and ovn-nbctl / ovsdb-client
 * (transact, monitor, dump) against the embedded NB.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { OvsdbClient } from '../../../src/ovsdb/index.js';
import {
  run,
  SCENARIO,
  startEmbeddedCentral,
  startOvnCentral,
  type EmbeddedCentral,
  type OvnCentral,
} from '../../../src/testing/index.js';
import { reconcile } from '../../../src/kube/index.js';
import type { IpRecord } from '../../../src/kube/subnet-model.js';
import { spawn } from 'node:child_process';

interface SbFacts {
  datapaths: Record<string, number>;
  ports: Record<string, string>;
  lflows: Record<string, number>;
  lflowTotal: number;
}

async function sbJson(sbctl: (...a: string[]) => Promise<string>, table: string, cols: string): Promise<unknown[][]> {
  const out = JSON.parse(await sbctl('--format=json', `--columns=${cols}`, 'list', table)) as { data: unknown[][] };
  return out.data;
}

const mapGet = (m: unknown, k: string): unknown =>
  ((m as [string, [unknown, unknown][]])[1].find((p) => p[0] === k) ?? [])[1];

async function facts(sbctl: (...a: string[]) => Promise<string>): Promise<SbFacts> {
  const dps = await sbJson(sbctl, 'Datapath_Binding', '_uuid,external_ids,tunnel_key');
  const dpName = new Map<string, string>();
  const datapaths: Record<string, number> = {};
  for (const [u, ext, key] of dps) {
    const name = String(mapGet(ext, 'name'));
    dpName.set((u as [string, string])[1], name);
    datapaths[name] = key as number;
  }
  const ports: Record<string, string> = {};
  for (const [lp, dp, key] of await sbJson(sbctl, 'Port_Binding', 'logical_port,datapath,tunnel_key')) {
    ports[lp as string] = `${dpName.get((dp as [string, string])[1])}/${key}`;
  }
  const lflows: Record<string, number> = {};
  let lflowTotal = 0;
  for (const [dp, pipeline, table] of await sbJson(sbctl, 'Logical_Flow', 'logical_datapath,pipeline,table_id')) {
    const name = Array.isArray(dp) && dp[0] === 'uuid' ? dpName.get(dp[1] as string) : 'group';
    const k = `${name} ${pipeline} ${table}`;
    lflows[k] = (lflows[k] ?? 0) + 1;
    lflowTotal++;
  }
  return { datapaths, ports, lflows, lflowTotal };
}

async function scenarioOn(nbRemote: string, nbctl: (...a: string[]) => Promise<string>): Promise<readonly IpRecord[]> {
  const nb = await OvsdbClient.connect(nbRemote);
  try {
    const r = await reconcile(nb, SCENARIO, { macSeed: 7 });
    await nbctl('--wait=sb', 'sync');
    const again = await reconcile(nb, SCENARIO, { macSeed: 7 });
    expect(again.operations).toHaveLength(0);
    return r.ipam.records;
  } finally {
    await nb.close();
  }
}

let real: OvnCentral;
let emb: EmbeddedCentral;
let realFacts: SbFacts;
let embFacts: SbFacts;
let records: readonly IpRecord[];

beforeAll(async () => {
  [real, emb] = await Promise.all([startOvnCentral(), startEmbeddedCentral()]);
  await scenarioOn(real.nb.unix, real.nbctl);
  records = await scenarioOn(emb.nb.unix, emb.nbctl);
  [realFacts, embFacts] = await Promise.all([facts(real.sbctl), facts(emb.sbctl)]);
}, 60_000);

afterAll(async () => {
  await real?.stop();
  await emb?.stop();
});

describe('ovn-northd with NB and SB on embedded servers', () => {
  test('datapath bindings match the ovsdb-server run (same datapaths, same tunnel keys in use)', () => {
    // Keys go to datapaths in northd's hash order of NB rows: which gets which varies between runs.
    expect(Object.keys(embFacts.datapaths).sort()).toEqual(['join', 'ovn-cluster', 'ovn-default', 'subnet1']);
    expect(Object.keys(embFacts.datapaths).sort()).toEqual(Object.keys(realFacts.datapaths).sort());
    expect(Object.values(embFacts.datapaths).sort()).toEqual(Object.values(realFacts.datapaths).sort());
  });

  test('port bindings are identical: each port on the same datapath, each datapath with the same port keys', () => {
    // northd numbers the ports of a datapath in its hash order of NB rows (by uuid), so which port
    // gets which key differs from run to run on ovsdb-server too; the datapath and the key set do not.
    const byDp = (f: SbFacts) => {
      const m: Record<string, number[]> = {};
      for (const v of Object.values(f.ports)) {
        const [dp, key] = v.split('/') as [string, string];
        (m[dp] ??= []).push(Number(key));
      }
      for (const k of Object.keys(m)) m[k]!.sort((a, b) => a - b);
      return m;
    };
    const dpOf = (f: SbFacts) => Object.fromEntries(Object.entries(f.ports).map(([p, v]) => [p, v.split('/')[0]]));
    expect(Object.keys(embFacts.ports).length).toBe(12);
    expect(dpOf(embFacts)).toEqual(dpOf(realFacts));
    expect(byDp(embFacts)).toEqual(byDp(realFacts));
  });

  test('logical flow counts per datapath, pipeline and table are identical', () => {
    expect(embFacts.lflowTotal).toBeGreaterThan(100);
    expect(embFacts.lflows).toEqual(realFacts.lflows);
  });

  test('ovn-trace on the embedded SB delivers pod1 → pod2 to pod2’s port', async () => {
    const p1 = records.find((r) => r.name === 'ovn-default-node1-pod1.default')!;
    const p2 = records.find((r) => r.name === 'ovn-default-node1-pod2.default')!;
    const flow = `inport == "${p1.name}" && eth.src == ${p1.mac.toLowerCase()} && eth.dst == ${p2.mac.toLowerCase()} && ip4.src == ${p1.ip} && ip4.dst == ${p2.ip} && ip.ttl == 64 && icmp4`;
    const out = (await run('ovn-trace', [`--db=${emb.sb.unix}`, '--minimal', 'ovn-default', flow])).stdout;
    expect([...out.matchAll(/output\("([^"]+)"\)/g)].map((m) => m[1])).toEqual([p2.name]);
  });

  test('ovn-northd holds the SB lock on the embedded server', async () => {
    const out = await run('ovn-appctl', ['-t', `${emb.northd.dir}/northd.ctl`, 'status']);
    expect(out.stdout).toContain('Status: active');
  });
});

describe('OVS tools against the embedded NB', () => {
  test('ovn-nbctl show lists the scenario; ls-add / lsp-add / lsp-del work', async () => {
    expect(await emb.nbctl('show')).toMatch(/router \S+ \(ovn-cluster\)/);
    await emb.nbctl('ls-add', 'emb-sw');
    await emb.nbctl('lsp-add', 'emb-sw', 'emb-p1', '--', 'lsp-set-addresses', 'emb-p1', '00:00:00:00:00:01 10.9.0.2');
    expect(await emb.nbctl('lsp-list', 'emb-sw')).toContain('(emb-p1)');
    await emb.nbctl('lsp-del', 'emb-p1');
    await emb.nbctl('ls-del', 'emb-sw');
    expect(await emb.nbctl('ls-list')).not.toContain('emb-sw');
  });

  test('ovsdb-client dump, list-dbs, get-schema and transact', async () => {
    expect((await emb.nb.client('list-dbs')).split('\n').filter(Boolean).sort()).toEqual(['OVN_Northbound', '_Server']);
    const dump = await emb.nb.client('dump', 'OVN_Northbound', 'Logical_Switch', 'name');
    for (const s of ['join', 'ovn-default', 'subnet1']) expect(dump).toContain(s);
    expect(JSON.parse(await emb.nb.client('get-schema', 'OVN_Northbound')).name).toBe('OVN_Northbound');
    const res = JSON.parse(
      await emb.nb.client(
        'transact',
        JSON.stringify(['OVN_Northbound', { op: 'select', table: 'Logical_Router', where: [], columns: ['name'] }]),
      ),
    );
    expect(res).toEqual([{ rows: [{ name: 'ovn-cluster' }] }]);
  });

  test('ovsdb-client monitor prints an insert made by ovn-nbctl', async () => {
    await emb.nbctl('create', 'Address_Set', 'name=emb_as0');
    const child = spawn(
      'ovsdb-client',
      ['monitor', emb.nb.unix, 'OVN_Northbound', 'Address_Set', 'name', '--format=csv'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    try {
      // The monitor is up once its initial contents (one row, made before it started) have printed.
      await until(() => out.includes('emb_as0'));
      await emb.nbctl('create', 'Address_Set', 'name=emb_as1');
      await until(() => out.includes('emb_as1'));
      expect(out).toMatch(/initial,"?emb_as0"?/);
      expect(out).toMatch(/insert,"?emb_as1"?/);
    } finally {
      child.kill();
    }
  });
});

async function until(cond: () => boolean): Promise<void> {
  for (let i = 0; i < 400 && !cond(); i++) await new Promise((r) => setTimeout(r, 25));
  if (!cond()) throw new Error('condition not met');
}
