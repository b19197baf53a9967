/**
 * The OVSDB client against a scripted hostile server (src/testing/hostile-peer.ts) over real loopback
 * sockets: nested JSON in every position, duplicate and unknown replies, invalid UTF-8, garbage, a
 * trickled reply, a huge unfinished message, silence, and an echo flood while never reading. Each case
 * asserts the typed error, that every call settled, and (vitest fails the run on any uncaught exception
 * or unhandled rejection) that nothing escaped. Peak RSS under floods is measured in a child process:
 * rss.test.ts.
 */
import { afterEach, expect, test } from 'vitest';
import { startHostilePeer, type HostileConnection, type HostilePeer } from '../../../src/testing/index.js';
import { OvsdbClient, type ClientOptions } from '../../../src/ovsdb/index.js';
import { connect, type ByteStream } from '../../../src/transport/index.js';

const deep = (n: number, inner = '') => '['.repeat(n) + inner + ']'.repeat(n);
const N = 10_000; // ≈ 20 KB of brackets: far past what JSON.stringify survives (~6,000)

let peer: HostilePeer | undefined;
let client: OvsdbClient | undefined;
afterEach(async () => {
  await client?.close();
  await peer?.close();
  client = undefined;
  peer = undefined;
});

async function against(
  script: (c: HostileConnection) => void | Promise<void>,
  opts: ClientOptions = {},
): Promise<OvsdbClient> {
  peer = await startHostilePeer(script, { json: true });
  client = await OvsdbClient.connect(peer.remote, { inactivityProbeMs: 0, ...opts });
  return client;
}

/** Settles `p` and returns its outcome, so a test can assert on both kinds. */
async function outcome(
  p: Promise<unknown>,
): Promise<{ value?: unknown; code?: string; message?: string; cause?: { code?: string } }> {
  try {
    return { value: await p };
  } catch (e) {
    const err = e as { code?: string; message?: string; cause?: { code?: string } };
    expect(err.code, `untyped rejection: ${String(e)}`).toMatch(/^[A-Z][A-Z0-9_]+$/);
    return { code: err.code!, message: err.message!, ...(err.cause ? { cause: err.cause } : {}) };
  }
}

const idOf = (m: unknown) => (m as { id: unknown }).id;

test('a reply whose id is nested 10,000 deep: JSONRPC_PROTOCOL, every call settled', async () => {
  const c = await against(async (h) => {
    await h.nextMessage();
    await h.nextMessage();
    h.write(`{"id":${deep(N, '1')},"result":[],"error":null}`);
  });
  const [a, b] = await Promise.all([outcome(c.listDbs()), outcome(c.echo([1]))]);
  expect(a.code).toBe('JSONRPC_PROTOCOL');
  expect(b.code).toBe('JSONRPC_PROTOCOL');
  expect(a.message).toMatch(/response to unknown id \[nested deeper than 64 levels\]/);
  expect(c.closed).toBe(true);
});

test('a reply whose error is nested 10,000 deep: JSONRPC_VALUE_LIMIT for that call and the others', async () => {
  const c = await against(async (h) => {
    const m = await h.nextMessage();
    await h.nextMessage();
    h.write(`{"id":${JSON.stringify(idOf(m))},"result":null,"error":${deep(N)}}`);
  });
  const [a, b] = await Promise.all([outcome(c.listDbs()), outcome(c.getServerId())]);
  expect(a.code).toBe('JSONRPC_VALUE_LIMIT');
  expect(a.message).toMatch(
    new RegExp(`^${peer!.remote}: the error of the reply to "list_dbs" is nested deeper than 64 levels$`),
  );
  expect(b.code).toBe('JSONRPC_VALUE_LIMIT');
});

test('a reply whose result is nested 10,000 deep is delivered (never serialized again); the connection stays', async () => {
  const c = await against(async (h) => {
    for (;;) {
      const m = await h.nextMessage();
      h.write(`{"id":${JSON.stringify(idOf(m))},"result":${deep(N, '"x"')},"error":null}`);
    }
  });
  const r = await c.echo([]);
  let v: unknown = r;
  let depth = 0;
  while (Array.isArray(v)) {
    v = v[0];
    depth++;
  }
  expect([depth, v]).toEqual([N, 'x']);
  expect(c.closed).toBe(false);
});

test('an echo request whose params or id are nested 10,000 deep closes with JSONRPC_VALUE_LIMIT, unanswered', async () => {
  for (const bad of [
    `{"id":"e","method":"echo","params":${deep(N)}}`,
    `{"id":${deep(N)},"method":"echo","params":[]}`,
  ]) {
    const c = await against(async (h) => {
      await h.nextMessage();
      h.write(bad);
      await h.closed;
      expect(h.messages).toEqual([]); // no answer was sent
    });
    const r = await outcome(c.listDbs());
    expect(r.code).toBe('JSONRPC_VALUE_LIMIT');
    await peer!.close();
  }
});

test('notifications nested deep (monitor id, rows, method) do not throw; the client goes on', async () => {
  const c = await against(async (h) => {
    const m = await h.nextMessage();
    h.write(`{"id":null,"method":"update2","params":[${deep(N)},{}]}`);
    h.write(`{"id":null,"method":"update","params":["m",{"T":{"u":{"new":{"c":${deep(N)}}}}}]}`);
    h.write(`{"id":null,"method":"update3","params":[${deep(N)},${deep(N)},${deep(N)}]}`);
    h.write(`{"id":null,"method":"locked","params":[${deep(N)}]}`);
    h.write(`{"id":${JSON.stringify(idOf(m))},"result":["ok"],"error":null}`);
  });
  expect(await c.listDbs()).toEqual(['ok']);
  expect(c.closed).toBe(false);
});

test('a message whose method is a nested array is not JSON-RPC: JSONRPC_PROTOCOL', async () => {
  const c = await against(async (h) => {
    await h.nextMessage();
    h.write(`{"id":1,"method":${deep(N)},"params":${deep(N)}}`);
  });
  expect((await outcome(c.listDbs())).code).toBe('JSONRPC_PROTOCOL');
});

test('a duplicate reply, then a reply to an id never sent: the first resolves, the rest fail JSONRPC_PROTOCOL', async () => {
  const c = await against(async (h) => {
    const m = await h.nextMessage();
    const reply = `{"id":${JSON.stringify(idOf(m))},"result":["a"],"error":null}`;
    h.write(reply);
    await h.nextMessage();
    h.write(reply);
  });
  expect(await c.listDbs()).toEqual(['a']);
  const second = await outcome(c.listDbs());
  expect(second.code).toBe('JSONRPC_PROTOCOL');
  expect(second.message).toMatch(/response to unknown id 1$/);
  const c2 = await against(async (h) => {
    await h.nextMessage();
    h.write('{"id":999,"result":[],"error":null}');
  });
  expect((await outcome(c2.listDbs())).code).toBe('JSONRPC_PROTOCOL');
});

test('invalid UTF-8 inside a reply, and garbage between messages: JSONRPC_MALFORMED', async () => {
  const c = await against(async (h) => {
    const m = await h.nextMessage();
    h.write(
      Buffer.concat([
        Buffer.from(`{"id":${JSON.stringify(idOf(m))},"result":["`),
        Buffer.from([0xed, 0xa0, 0x80, 0xff]),
        Buffer.from('"],"error":null}'),
      ]),
    );
  });
  expect((await outcome(c.listDbs())).code).toBe('JSONRPC_MALFORMED');
  const c2 = await against(async (h) => {
    await h.nextMessage();
    h.write('garbage{');
  });
  expect((await outcome(c2.listDbs())).code).toBe('JSONRPC_MALFORMED');
});

test('a reply trickled one byte at a time fails with JSONRPC_MESSAGE_TIMEOUT although bytes keep coming', async () => {
  const c = await against(
    async (h) => {
      const m = await h.nextMessage();
      await h.trickle(`{"id":${JSON.stringify(idOf(m))},"result":[${'"db",'.repeat(1000)}"x"],"error":null}`, 20);
    },
    { maxMessageMs: 400, requestTimeoutMs: 0 },
  );
  const r = await outcome(c.listDbs());
  expect(r.code).toBe('JSONRPC_MESSAGE_TIMEOUT');
  expect(r.message).toBe(`${peer!.remote}: a message was begun but not finished within 400 ms`);
  expect(peer!.connections[0]!.isClosed || (await peer!.connections[0]!.closed, true)).toBe(true);
});

test('a huge unfinished message stops at maxMessageBytes: JSONRPC_MESSAGE_TOO_LARGE', async () => {
  const c = await against(
    async (h) => {
      await h.nextMessage();
      h.write('{"id":1,"result":"');
      await h.flood(() => 'a'.repeat(64 * 1024), 64); // 4 MiB, never finished
    },
    { maxMessageBytes: 1024 * 1024 },
  );
  expect((await outcome(c.listDbs())).code).toBe('JSONRPC_MESSAGE_TOO_LARGE');
});

test('silence: the default request timeout bounds a call; the error names the remote once and the method', async () => {
  const c = await against(() => undefined, { requestTimeoutMs: 300 });
  const r = await outcome(c.listDbs());
  expect(r.code).toBe('JSONRPC_TIMEOUT');
  expect(r.message).toBe(`${peer!.remote}: no reply to "list_dbs" within 300 ms`);
  const t = await outcome(c.transact('X', [{ op: 'comment', comment: 'x' }], { validate: false }));
  expect(t.code).toBe('OVSDB_OUTCOME_UNKNOWN');
  expect(t.cause?.code).toBe('JSONRPC_TIMEOUT');
});

test('silence: an AbortSignal ends the wait with JSONRPC_ABORTED', async () => {
  const c = await against(() => undefined);
  const ac = new AbortController();
  const p = outcome(c.listDbs({ signal: ac.signal }));
  ac.abort();
  expect((await p).code).toBe('JSONRPC_ABORTED');
  expect(c.closed).toBe(false);
});

test('a server that floods echo requests and never reads: dropped with TRANSPORT_WRITE_QUEUE_FULL, calls settled', async () => {
  const c = await against(
    async (h) => {
      await h.nextMessage();
      h.stopReading();
      await h.flood((i) => `{"id":${i},"method":"echo","params":["${'p'.repeat(200)}"]}`, 5_000_000);
    },
    { maxWriteQueueBytes: 1024 * 1024 },
  );
  const r = await outcome(c.listDbs());
  expect(r.code).toBe('TRANSPORT_WRITE_QUEUE_FULL');
  expect(r.message).toMatch(new RegExp(`^${peer!.remote}: the peer is not reading`));
  expect(c.closed).toBe(true);
});

test('an echo flood while not reading, with no call in flight: reading pauses near 1 MiB queued; every echo is answered once the server reads', async () => {
  const M = 50_000; // ≈ 11 MB of echo requests, ≈ 10 MB of answers: past the kernel buffers both ways
  let server!: HostileConnection;
  let flooding!: Promise<number>;
  let ours: ByteStream | undefined;
  const started = new Promise<void>((resolve) => {
    void against(
      (h) => {
        server = h;
        h.stopReading();
        flooding = h.flood((i) => `{"id":${i},"method":"echo","params":["${'p'.repeat(200)}"]}`, M);
        resolve();
      },
      {
        // Keep the client's stream in hand, to see what it holds for the server.
        openStream: async (r) => (ours = await connect(r, { maxWriteQueueBytes: 64 * 1024 * 1024 })),
      },
    );
  });
  await started;
  const until = async (cond: () => boolean) => {
    while (!cond()) await new Promise((r) => setTimeout(r, 5));
  };
  // The client stops reading: the server's own writes back up behind it.
  await until(() => (server.stream.writableBytes ?? 0) > 1024 * 1024);
  await until(() => client !== undefined);
  expect(client!.closed).toBe(false);
  // What the client holds for the server stays near the pause mark (plus the answers to one chunk read),
  // far below the ≈ 10 MB it would hold if it kept reading.
  const held = ours!.writableBytes ?? 0;
  expect(held).toBeGreaterThan(1024 * 1024);
  expect(held).toBeLessThan(1024 * 1024 + 512 * 1024);
  // The server reads again: the client's queue drains, reading resumes, every echo is answered in order.
  server.stream.resume?.();
  expect(await flooding).toBe(M);
  await until(() => server.messages.length >= M);
  const last = server.messages[M - 1] as { id: number; result: unknown[]; error: null };
  expect(last).toEqual({ id: M - 1, result: ['p'.repeat(200)], error: null });
  expect(client!.closed).toBe(false);
}, 120_000);
