/**
 * The gateway's JSON-RPC 2.0 API with a plain `ws` client against a throwaway NB + SB + ovn-northd
 * holding the seed: every method, the typed errors (bad JSON, unknown method, bad params, missing
 * token, oversized message, foreign Origin, rate), and a client that stops reading being dropped with
 * its send buffer bounded.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { OvsdbClient } from '../../../src/ovsdb/client.js';
import { op } from '../../../src/ovsdb/operations.js';
import { waitFor, type OvnCentral } from '../../../src/testing/index.js';
import {
  GATEWAY_RPC_CODES,
  TokenBucket,
  originAllowed,
  parseListen,
  startGateway,
  tracePath,
  type Gateway,
  type Topology,
} from '../../../src/gateway/index.js';
import { cli, root, RpcClient, startSeeded } from './helpers.js';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const TOKEN = 'test-token-1';
let central: OvnCentral;
let gw: Gateway;
const clients: RpcClient[] = [];
const open = async (url = gw.wsUrl, headers?: Record<string, string>) => {
  const c = await RpcClient.open(url, headers);
  clients.push(c);
  return c;
};

beforeAll(async () => {
  central = await startSeeded();
  gw = await startGateway({ nb: central.nb.unix, sb: central.sb.unix, token: TOKEN });
});
afterAll(async () => {
  for (const c of clients) c.close();
  await gw?.close();
  await central?.stop();
});

describe('views', () => {
  it('subnets, ips and vpcs are the items of `ovn-sdk get … -o json`', async () => {
    const c = await open();
    for (const [method, type] of [
      ['subnets', 'subnet'],
      ['ips', 'ip'],
      ['vpcs', 'vpc'],
    ] as const) {
      const viaCli = JSON.parse((await cli(central.nb.unix, ['get', type, '-o', 'json'])).stdout) as {
        items: unknown[];
      };
      expect(await c.call(method)).toEqual(viaCli.items);
    }
    const subnets = await c.call<{ metadata: { name: string }; spec: { cidrBlock: string } }[]>('subnets');
    expect(subnets.map((s) => [s.metadata.name, s.spec.cidrBlock]).sort()).toEqual([
      ['join', '100.64.0.0/16'],
      ['ovn-default', '10.16.0.0/16'],
      ['subnet1', '10.66.0.0/16'],
    ]);
    const one = await c.call<{ kind: string; metadata: { name: string } }>('subnets', { name: 'subnet1' });
    expect([one.kind, one.metadata.name]).toEqual(['Subnet', 'subnet1']);
    const missing = await c.request('subnets', { name: 'nope' });
    expect(missing.error).toMatchObject({ code: GATEWAY_RPC_CODES.notFound, data: { code: 'CLI_NOT_FOUND' } });
    const ips = await c.call<{ spec: { podName: string; ipAddress: string; macAddress: string } }[]>('ips');
    expect(ips.find((i) => i.spec.podName === 'ovn-default-node1-pod1')?.spec).toMatchObject({
      ipAddress: '10.16.0.8',
      macAddress: '00:00:00:aa:0d:31',
    });
    expect((await c.call<{ metadata: { name: string } }[]>('vpcs')).map((v) => v.metadata.name)).toEqual([
      'ovn-cluster',
    ]);
  });

  it('topology: the router, the three subnets with usage, four pods with address and node, SB tunnel keys', async () => {
    const c = await open();
    // ovn-northd binds the ports in SB shortly after the seed: wait (bounded) for every pod's key.
    const t = await waitFor(
      'tunnel keys of the four pods',
      async () => {
        const x = await c.call<Topology>('topology');
        return x.pods.length === 4 && x.pods.every((p) => p.tunnelKey !== undefined) ? x : undefined;
      },
      20_000,
      100,
    );
    expect(t.southbound).toBe(true);
    expect(t.switches.map((s) => [s.name, s.cidr])).toEqual([
      ['join', '100.64.0.0/16'],
      ['ovn-default', '10.16.0.0/16'],
      ['subnet1', '10.66.0.0/16'],
    ]);
    const def = t.switches.find((s) => s.name === 'ovn-default')!;
    const subnets =
      await c.call<{ metadata: { name: string }; status: { v4usingIPs: number; v4availableIPs: number } }[]>('subnets');
    const st = subnets.find((s) => s.metadata.name === 'ovn-default')!.status;
    expect([def.used, def.available]).toEqual([st.v4usingIPs, st.v4availableIPs]);
    expect(def.used).toBeGreaterThanOrEqual(3);
    expect(def.routers).toEqual(['ovn-cluster']);
    expect(def.tunnelKey).toBeGreaterThan(0);
    expect(t.routers.map((r) => r.name)).toEqual(['ovn-cluster']);
    expect(t.routers[0]!.ports.map((p) => p.switch).sort()).toEqual(['join', 'ovn-default', 'subnet1']);
    expect(t.pods.map((p) => [p.namespace, p.name, p.node, p.switch])).toEqual([
      ['default', 'ovn-default-node1-pod1', 'node1', 'ovn-default'],
      ['default', 'ovn-default-node1-pod2', 'node1', 'ovn-default'],
      ['default', 'ovn-default-node2-pod3', 'node2', 'ovn-default'],
      ['ns1', 'subnet1-node1-pod1', 'node1', 'subnet1'],
    ]);
    expect(t.pods[0]).toMatchObject({
      ip: '10.16.0.8',
      mac: '00:00:00:aa:0d:31',
      port: 'ovn-default-node1-pod1.default',
    });
    expect(t.pods[1]).toMatchObject({ ip: '10.16.0.9', mac: '00:00:00:28:19:46' });
    expect(t.pods[3]!.ip).toMatch(/^10\.66\.0\.\d+$/);
    expect(t.nodes.map((n) => [n.name, n.switch])).toEqual([
      ['node1', 'join'],
      ['node2', 'join'],
    ]);
    expect(t.nodes[0]!.ip).toMatch(/^100\.64\.0\.\d+$/);
  });
});

describe('writes, events, trace, explain', () => {
  const POD4 = `apiVersion: v1
kind: Pod
metadata:
  name: gw-pod4
  namespace: default
  annotations:
    ovn.kubernetes.io/ip_address: 10.16.0.44
spec:
  nodeName: node2
`;

  it('apply and delete need the token', async () => {
    const c = await open();
    for (const params of [{ manifest: POD4 }, { manifest: POD4, token: 'wrong' }, { manifest: POD4, token: 1 }]) {
      const r = await c.request('apply', params);
      expect(r.error).toMatchObject({ code: GATEWAY_RPC_CODES.unauthorized, data: { code: 'GATEWAY_UNAUTHORIZED' } });
    }
    const d = await c.request('delete', { kind: 'Pod', name: 'ovn-default-node1-pod1' });
    expect(d.error?.code).toBe(GATEWAY_RPC_CODES.unauthorized);
    expect((await c.call<unknown[]>('ips')).length).toBe(6); // nothing changed: 4 pods + 2 nodes
  });

  it('subscribe: an applied pod arrives as a batched insert; delete as a delete; unsubscribe stops them', async () => {
    const c = await open();
    const sub = await c.call<{ subscription: string }>('subscribe', { tables: ['Logical_Switch_Port'] });
    const applied = await c.call<{ lines: { ref: string; status: string }[] }>('apply', {
      token: TOKEN,
      manifest: POD4,
    });
    expect(applied.lines).toEqual([{ ref: 'pod/gw-pod4', status: 'created' }]);
    type Batch = {
      subscription: string;
      events: { type: string; table: string; new?: { name: string }; old?: { name: string } }[];
    };
    const hasEvent = (type: string) => (m: { method?: string; params?: unknown }) =>
      m.method === 'rowEvents' &&
      (m.params as Batch).events.some(
        (e) => e.type === type && (e.new ?? e.old)?.name === 'gw-pod4.default' && e.table === 'Logical_Switch_Port',
      );
    const ins = await c.next(hasEvent('insert'));
    expect((ins.params as Batch).subscription).toBe(sub.subscription);
    const t = await c.call<Topology>('topology');
    expect(t.pods.find((p) => p.name === 'gw-pod4')).toMatchObject({ ip: '10.16.0.44', node: 'node2' });
    const del = await c.call<{ lines: unknown[] }>('delete', { token: TOKEN, kind: 'Pod', name: 'gw-pod4' });
    expect(del.lines).toEqual([{ ref: 'pod/gw-pod4', status: 'deleted' }]);
    await c.next(hasEvent('delete'));
    expect(await c.call('unsubscribe', { subscription: sub.subscription })).toEqual({ subscription: sub.subscription });
    const again = await c.request('unsubscribe', { subscription: sub.subscription });
    expect(again.error).toMatchObject({
      code: GATEWAY_RPC_CODES.notFound,
      data: { code: 'GATEWAY_UNKNOWN_SUBSCRIPTION' },
    });
    // SB, with the current rows first: northd's datapaths (three switches and the router)
    const sb = await c.call<{ subscription: string }>('subscribe', {
      database: 'sb',
      tables: ['Datapath_Binding'],
      initial: true,
    });
    const first = await c.next((m) => m.method === 'rowEvents' && (m.params as Batch).subscription === sb.subscription);
    const names = (first.params as Batch).events.map(
      (e) => (e.new as { external_ids?: { name?: string } }).external_ids?.name,
    );
    expect(names.sort()).toEqual(['join', 'ovn-cluster', 'ovn-default', 'subnet1']);
    const bad = await c.request('subscribe', { tables: ['No_Such_Table'] });
    expect(bad.error?.code).toBe(GATEWAY_RPC_CODES.invalidParams);
  });

  it('trace: pod → pod through ovn-northd’s flows, with the datapaths passed', async () => {
    const c = await open();
    await waitFor(
      'port bindings',
      async () =>
        (await c.call<Topology>('topology')).pods.every((p) => p.tunnelKey !== undefined) ? true : undefined,
      20_000,
      100,
    );
    const r = await c.call<{ path: string[]; output: string }>('trace', {
      from: 'ns1/subnet1-node1-pod1',
      to: 'ovn-default-node1-pod2',
    });
    expect(r.output).toContain('/* output to "ovn-default-node1-pod2.default", type "" */');
    expect(r.path).toEqual(['subnet1', 'ovn-cluster', 'ovn-default']);
    const missing = await c.request('trace', { from: 'nobody', to: '10.16.0.9' });
    expect(missing.error).toMatchObject({ code: GATEWAY_RPC_CODES.notFound, data: { code: 'CLI_NOT_FOUND' } });
    expect((await c.request('trace', { from: 'x' })).error?.code).toBe(GATEWAY_RPC_CODES.invalidParams);
  });

  it('explain: an uploaded capture comes back as its GENEVE frames; over the bound is refused', async () => {
    const c = await open();
    const pcap = readFileSync(join(root, 'test', 'fixtures', 'e2e', 'underlay.pcap'));
    const r = await c.call<{ frames: { tcpdump: string; vni: number; what: string }[] }>('explain', {
      capture: pcap.toString('base64'),
    });
    const expected = readFileSync(join(root, 'test', 'fixtures', 'e2e', 'underlay.txt'), 'utf8')
      .split('\n')
      .filter((l) => l !== '' && !l.startsWith(' '));
    expect(r.frames.map((f) => f.tcpdump)).toEqual(expected);
    expect(r.frames[0]!.what).toBe('ICMP echo request 10.16.0.2 > 10.16.0.4');
    const big = Buffer.alloc(gw.limits.maxCaptureBytes + 10).toString('base64');
    const tooBig = await c.request('explain', { capture: big });
    expect(tooBig.error).toMatchObject({ code: GATEWAY_RPC_CODES.tooLarge, data: { code: 'GATEWAY_TOO_LARGE' } });
    const notB64 = await c.request('explain', { capture: '***' });
    expect(notB64.error?.code).toBe(GATEWAY_RPC_CODES.invalidParams);
    const garbage = await c.request('explain', { capture: Buffer.from('not a capture at all').toString('base64') });
    expect(garbage.error?.code).toBe(GATEWAY_RPC_CODES.sdkError);
    expect(garbage.error?.data?.code).toMatch(/^PCAP_/);
  });
});

describe('views stay current', () => {
  it('a subnet spec changed through the gateway is in the next `subnets` answer (read-your-writes)', async () => {
    const c = await open();
    const before = await c.call<{ spec: { natOutgoing: boolean } }>('subnets', { name: 'subnet1' });
    expect(before.spec.natOutgoing).toBe(true);
    const manifest = readFileSync(join(root, 'test', 'fixtures', 'cli', 'seed', '02-subnet.yaml'), 'utf8').replace(
      'natOutgoing: true',
      'natOutgoing: false',
    );
    const r = await c.call<{ lines: unknown[] }>('apply', { token: TOKEN, manifest });
    expect(r.lines).toEqual([{ ref: 'subnet.kubeovn.io/subnet1', status: 'configured' }]);
    // read-your-writes: the next view after a write through the gateway is read afresh
    const after = await c.call('subnets', { name: 'subnet1' });
    const viaCli = JSON.parse(
      (await cli(central.nb.unix, ['get', 'subnet', 'subnet1', '-o', 'json'])).stdout,
    ) as object;
    expect(after).toEqual(viaCli);
  });
});

describe('pure parts', () => {
  it('parseListen takes HOST:PORT, [V6]:PORT and :PORT, and nothing else', () => {
    expect(parseListen('127.0.0.1:8080')).toEqual({ host: '127.0.0.1', port: 8080 });
    expect(parseListen('[::1]:0')).toEqual({ host: '::1', port: 0 });
    expect(parseListen(':9')).toEqual({ host: '127.0.0.1', port: 9 });
    for (const bad of ['8080', 'host', 'h:99999', 'h:-1', ''])
      expect(() => parseListen(bad), bad).toThrow(expect.objectContaining({ code: 'GATEWAY_INVALID_OPTION' }));
  });

  it('the token bucket allows the burst, then the rate', () => {
    let now = 0;
    const b = new TokenBucket(2, 3, () => now);
    expect([b.take(), b.take(), b.take(), b.take()]).toEqual([true, true, true, false]);
    now = 500; // half a second: one token
    expect([b.take(), b.take()]).toEqual([true, false]);
    now = 100_000; // never more than the burst
    expect(b.take(3)).toBe(true);
    expect(b.take()).toBe(false);
  });

  it('originAllowed: none, the same host:port, or a listed one', () => {
    const listed = new Set(['http://dash.example:3000']);
    expect(originAllowed(undefined, '127.0.0.1:8080', listed)).toBe(true);
    expect(originAllowed('http://127.0.0.1:8080', '127.0.0.1:8080', listed)).toBe(true);
    expect(originAllowed('http://127.0.0.1:8081', '127.0.0.1:8080', listed)).toBe(false);
    expect(originAllowed('http://dash.example:3000', '127.0.0.1:8080', listed)).toBe(true);
    expect(originAllowed('null', '127.0.0.1:8080', listed)).toBe(false);
  });

  it('tracePath lists the datapaths of ovn-trace output in order, once per stretch', () => {
    const out = [
      'ingress(dp="subnet1", inport="p1")',
      '  0. ls_in_check_port_sec',
      'egress(dp="subnet1", inport="p1", outport="r")',
      '    ingress(dp="ovn-cluster", inport="r")',
      '        ingress(dp="ovn-default", inport="x")',
    ].join('\n');
    expect(tracePath(out)).toEqual(['subnet1', 'ovn-cluster', 'ovn-default']);
  });
});

describe('hostile or careless clients', () => {
  it('bad JSON, not a request, an unknown method, positional params, an empty batch: typed errors', async () => {
    const c = await open();
    c.ws.send('{"jsonrpc": "2.0", "id": 1, "method": ');
    const parse = await c.next((m) => m.error?.code === GATEWAY_RPC_CODES.parseError);
    expect(parse.id).toBeNull();
    c.ws.send(JSON.stringify({ hello: 'world', id: 7 }));
    expect((await c.next((m) => m.error?.code === GATEWAY_RPC_CODES.invalidRequest)).error).toBeDefined();
    expect((await c.request('no.such.method')).error?.code).toBe(GATEWAY_RPC_CODES.methodNotFound);
    expect((await c.request('subnets', ['positional'])).error).toMatchObject({
      code: GATEWAY_RPC_CODES.invalidParams,
      data: { code: 'GATEWAY_INVALID_PARAMS' },
    });
    c.ws.send('[]');
    await c.next((m) => m.error?.message === 'empty batch');
    // a batch is answered as a batch; notifications get no answer
    c.ws.send(
      JSON.stringify([
        { jsonrpc: '2.0', id: 'a', method: 'vpcs' },
        { jsonrpc: '2.0', method: 'vpcs' },
        { jsonrpc: '2.0', id: 'b', method: 'nope' },
      ]),
    );
    const b = await c.next((m) => m.id === 'b');
    expect(b.error?.code).toBe(GATEWAY_RPC_CODES.methodNotFound);
    expect((await c.next((m) => m.id === 'a')).result).toHaveLength(1);
    // the connection is still usable
    expect(await c.call('info')).toMatchObject({ southbound: true, writable: true });
  });

  it('a foreign Origin is refused at the upgrade; the own origin and none are accepted', async () => {
    await expect(open(gw.wsUrl, { Origin: 'http://evil.example' })).rejects.toThrow('HTTP 403');
    const own = await open(gw.wsUrl, { Origin: gw.url.replace(/\/$/, '') });
    expect(await own.call('vpcs')).toHaveLength(1);
  });

  it('a message over maxPayload closes the connection with 1009; the server goes on', async () => {
    const small = await startGateway({ nb: central.nb.unix, limits: { maxPayload: 1024 } });
    try {
      const c = await open(small.wsUrl);
      c.ws.send(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'vpcs', params: { pad: 'x'.repeat(4096) } }));
      expect((await c.closed).code).toBe(1009);
      const d = await open(small.wsUrl);
      expect(await d.call('vpcs')).toHaveLength(1);
      // without SB, trace and explain say so
      expect((await d.request('trace', { from: 'a', to: 'b' })).error?.code).toBe(GATEWAY_RPC_CODES.noSouthbound);
      // without a token, writes are refused
      expect((await d.request('apply', { manifest: 'x', token: 'x' })).error?.code).toBe(
        GATEWAY_RPC_CODES.unauthorized,
      );
    } finally {
      await small.close();
    }
  });

  it('connections beyond maxConnections are refused (503) until one closes', async () => {
    const two = await startGateway({ nb: central.nb.unix, limits: { maxConnections: 2 } });
    try {
      const a = await open(two.wsUrl);
      await open(two.wsUrl);
      await expect(open(two.wsUrl)).rejects.toThrow('HTTP 503');
      a.close();
      await waitFor('a connection closed', () => (two.stats().connections === 1 ? true : undefined), 5_000, 10);
      expect(await (await open(two.wsUrl)).call('vpcs')).toHaveLength(1);
    } finally {
      await two.close();
    }
  });

  it('over the rate: −32002 for each request beyond the burst', async () => {
    const slow = await startGateway({ nb: central.nb.unix, limits: { rateBurst: 3, ratePerSecond: 0.001 } });
    try {
      const c = await open(slow.wsUrl);
      const rs = await Promise.all(Array.from({ length: 10 }, () => c.request('vpcs')));
      expect(rs.filter((r) => r.result !== undefined)).toHaveLength(3);
      expect(rs.filter((r) => r.error?.code === GATEWAY_RPC_CODES.rateLimited)).toHaveLength(7);
      expect(rs.find((r) => r.error)?.error?.data?.code).toBe('GATEWAY_RATE_LIMITED');
    } finally {
      await slow.close();
    }
  });

  it('a subscriber that stops reading is dropped (4000) with its send buffer bounded', async () => {
    const limit = 64 << 10;
    const warnings: { obj: { code?: string }; msg: string | undefined }[] = [];
    const logger = {
      debug: () => {},
      info: () => {},
      warn: (obj: object, msg?: string) => warnings.push({ obj, msg }),
      error: () => {},
    };
    const g = await startGateway({
      nb: central.nb.unix,
      limits: { maxBufferedBytes: limit, maxBatchEvents: 50, drainTimeoutMs: 500 },
      logger,
    });
    const writer = await OvsdbClient.connect(central.nb.unix);
    try {
      const c = await open(g.wsUrl);
      await c.call('subscribe', { tables: ['Logical_Switch'] });
      // Stop reading: the kernel buffers fill, then the server's send buffer.
      (c.ws as unknown as { _socket: { pause(): void } })._socket.pause();
      const blob = 'x'.repeat(4000);
      let batches = 0;
      // Bounded: at most 400 transactions of 50 rows (≈ 80 MB of notifications); stops when dropped.
      while (g.stats().dropped === 0 && batches < 400) {
        const ops = Array.from({ length: 50 }, (_, i) =>
          op.insert('Logical_Switch', { name: `churn-${batches}-${i}`, external_ids: ['map', [['blob', blob]]] }),
        );
        await writer.transact('OVN_Northbound', ops);
        batches++;
        if (batches % 10 === 0) await new Promise((r) => setTimeout(r, 20));
      }
      await waitFor('the slow consumer dropped', () => (g.stats().dropped === 1 ? true : undefined), 20_000, 50);
      await waitFor('its connection gone', () => (g.stats().connections === 0 ? true : undefined), 5_000, 20);
      expect(warnings.map((w) => w.obj.code)).toContain('GATEWAY_SLOW_CONSUMER');
      // One notification (≤ 50 rows of ~4 KB) may go past the bound before the next send sees it.
      expect(g.stats().peakBufferedBytes).toBeLessThan(limit + 50 * 4500);
      // Other clients are served as before, and one that reads gets a snapshot many times the bound
      // (paced at half the bound, not dropped).
      const other = await open(g.wsUrl);
      expect(await other.call('vpcs')).toHaveLength(1);
      const [sel] = (await writer.transact('OVN_Northbound', [op.select('Logical_Switch', [], ['name'])])) as [
        { rows: unknown[] },
      ];
      const rows = sel.rows.length;
      expect(rows * 4000).toBeGreaterThan(4 * limit);
      const sub = await other.call<{ subscription: string }>('subscribe', {
        tables: ['Logical_Switch'],
        initial: true,
      });
      let got = 0;
      const all = other.next((m) => {
        const p = m.params as { subscription?: string; events?: unknown[] } | undefined;
        if (m.method === 'rowEvents' && p?.subscription === sub.subscription) got += p.events!.length;
        return got >= rows;
      });
      // fails at once (not by the test's timeout) if the reader is dropped instead of paced
      const closedEarly = other.closed.then((x) => {
        throw new Error(`the reading client was closed: ${x.code} ${x.reason}`);
      });
      closedEarly.catch(() => {}); // it closes anyway at the end of the file
      await Promise.race([all, closedEarly]);
      expect(got).toBe(rows);
      expect(g.stats().dropped).toBe(1);
    } finally {
      await writer.close();
      await g.close();
    }
  });
});
