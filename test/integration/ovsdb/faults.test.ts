/**
 * Faults injected by a scripted fake peer (the only place a fake stands in for the server): each fails the
 * pending requests with a typed error and leaves the client closed, with no unhandled rejection.
 */
import { afterEach, describe, expect, test } from 'vitest';
import {
  startFakePeer,
  startOvsdbServer,
  startFaultProxy,
  type FakePeer,
  type FakeScript,
} from '../../../src/testing/index.js';
import { OvsdbClient, op } from '../../../src/ovsdb/index.js';

let peer: FakePeer | undefined;
const unhandled: unknown[] = [];
process.on('unhandledRejection', (e) => unhandled.push(e));
afterEach(async () => {
  await peer?.close();
  peer = undefined;
  expect(unhandled).toEqual([]);
});

async function clientAgainst(script: FakeScript, opts: Parameters<typeof OvsdbClient.connect>[1] = {}) {
  peer = await startFakePeer(script);
  const client = await OvsdbClient.connect(peer.remote, opts);
  const closedWith = new Promise<{ code: string }>((resolve) =>
    client.onClose((e) => resolve(e as unknown as { code: string })),
  );
  return { client, closedWith };
}

describe('faults from the server side', () => {
  test('a malformed message', async () => {
    const { client, closedWith } = await clientAgainst((m, s) =>
      s.write(`{"id":${JSON.stringify(m.id)},"result":[1,2,]}`),
    );
    await expect(client.listDbs()).rejects.toMatchObject({ code: 'JSONRPC_MALFORMED' });
    expect((await closedWith).code).toBe('JSONRPC_MALFORMED');
    expect(client.closed).toBe(true);
    await expect(client.listDbs()).rejects.toMatchObject({ code: 'OVSDB_CLIENT_CLOSED' });
  });

  test('garbage between messages', async () => {
    const { client } = await clientAgainst((_m, s) => s.write('hello, I am not JSON'));
    await expect(client.echo()).rejects.toMatchObject({ code: 'JSONRPC_MALFORMED' });
    expect(client.closed).toBe(true);
  });

  test('an oversized message', async () => {
    const { client } = await clientAgainst(
      (m, s) => s.write(JSON.stringify({ id: m.id, result: ['x'.repeat(100_000)], error: null })),
      { maxMessageBytes: 10_000 },
    );
    await expect(client.listDbs()).rejects.toMatchObject({ code: 'JSONRPC_MESSAGE_TOO_LARGE' });
    expect(client.closed).toBe(true);
  });

  test('a server that never answers our echo probe', async () => {
    const { client, closedWith } = await clientAgainst(() => {}, { inactivityProbeMs: 200 });
    const pending = client.listDbs();
    await expect(pending).rejects.toMatchObject({ code: 'JSONRPC_INACTIVITY_TIMEOUT' });
    expect((await closedWith).code).toBe('JSONRPC_INACTIVITY_TIMEOUT');
    expect(peer!.received.some((m) => (m as { method?: string }).method === 'echo')).toBe(true);
  });

  test('a connection cut in the middle of a message', async () => {
    const { client } = await clientAgainst((m, s) => {
      s.write(`{"id":${JSON.stringify(m.id)},"result":["OVN_Nor`);
      setTimeout(() => s.close(), 20);
    });
    const e = await client.listDbs().catch((x) => x);
    expect(e.code).toBe('OVSDB_CLIENT_CLOSED');
    expect(e.cause.message).toMatch(/middle of a message/);
  });

  test('a reply to an unknown id', async () => {
    const { client } = await clientAgainst((_m, s) => s.write('{"id":987654,"result":[],"error":null}'));
    await expect(client.listDbs()).rejects.toMatchObject({ code: 'JSONRPC_PROTOCOL' });
    expect(client.closed).toBe(true);
  });

  test('a transaction in flight when the connection drops has an unknown outcome', async () => {
    const { client } = await clientAgainst((m, s) => {
      if (m.method === 'get_schema') {
        // A tiny schema so that validation passes.
        s.write(
          JSON.stringify({
            id: m.id,
            error: null,
            result: { name: 'T', version: '1.0.0', tables: { A: { columns: { n: { type: 'integer' } } } } },
          }),
        );
      } else s.close();
    });
    await expect(client.transact('T', [op.insert('A', { n: 1 })])).rejects.toMatchObject({
      code: 'OVSDB_OUTCOME_UNKNOWN',
    });
  });

  test('a request timeout and an abort: typed, and the connection stays usable', async () => {
    let answer = false;
    const { client } = await clientAgainst((m, s) => {
      if (answer) s.write(JSON.stringify({ id: m.id, result: m.params, error: null }));
    });
    await expect(client.echo([1], { timeoutMs: 50 })).rejects.toMatchObject({ code: 'JSONRPC_TIMEOUT' });
    const ac = new AbortController();
    const p = client.echo([2], { signal: ac.signal });
    ac.abort();
    await expect(p).rejects.toMatchObject({ code: 'JSONRPC_ABORTED' });
    answer = true;
    expect(await client.echo([3])).toEqual([3]);
    expect(client.closed).toBe(false);
    await client.close();
  });

  test('an unreachable remote in a list: the next one is used; none reachable is a typed error naming each', async () => {
    const server = await startOvsdbServer({ schema: 'nb' });
    try {
      const c = await OvsdbClient.connect(`unix:/nonexistent/x.sock,${server.unix}`);
      expect(c.remote).toBe(server.unix);
      await c.close();
      const e = await OvsdbClient.connect('unix:/nonexistent/a.sock,tcp:127.0.0.1:1').catch((x) => x);
      expect(e.code).toBe('OVSDB_CONNECT_FAILED');
      expect(e.message).toContain('unix:/nonexistent/a.sock');
      expect(e.message).toContain('tcp:127.0.0.1:1');
    } finally {
      await server.stop();
    }
  });

  test('aborting a transact sends cancel; the outcome is reported unknown', async () => {
    const server = await startOvsdbServer({ schema: 'nb' });
    const proxy = await startFaultProxy(server.unix, { pieceSize: 65536 });
    try {
      const c = await OvsdbClient.connect(proxy.remote);
      const ac = new AbortController();
      // A wait that blocks until the row appears: the server holds the reply.
      const p = c.transact(
        'OVN_Northbound',
        [op.wait('Address_Set', [['name', '==', 'later']], ['name'], '==', [{ name: 'later' }])],
        { signal: ac.signal },
      );
      setTimeout(() => ac.abort(), 50);
      await expect(p).rejects.toMatchObject({ code: 'OVSDB_OUTCOME_UNKNOWN' });
      // The connection is still good afterwards.
      expect(await c.echo(['ok'])).toEqual(['ok']);
      await c.close();
    } finally {
      await proxy.close();
      await server.stop();
    }
  });
});
