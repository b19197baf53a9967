/**
 * Large messages in the peer: parsed in slices while the event loop runs, kept in order with what
 * follows them, the other side's echo answered meanwhile, errors and the end of the stream in order.
 */
import { describe, expect, test } from 'vitest';
import { JsonRpcPeer, type FrameSink, type PeerOptions } from '../../../src/jsonrpc/index.js';

const LARGE = 4096;

function harness(opts: PeerOptions = {}) {
  const sent: unknown[] = [];
  const events: string[] = [];
  const sink: FrameSink = {
    write: (t) => {
      const m = JSON.parse(t) as { id?: unknown };
      sent.push(m);
      events.push(`sent ${JSON.stringify(m.id)}`);
    },
    close: () => events.push('sink closed'),
  };
  // budgetMs 0: the parse yields to the event loop after every step, so a large message takes many turns.
  const peer = new JsonRpcPeer(sink, {
    inactivityProbeMs: 0,
    largeMessageBytes: LARGE,
    slicedParse: { pieceBytes: 256, budgetMs: 0 },
    ...opts,
  });
  peer.onNotification((n) => events.push(`notification ${JSON.stringify(n.params[0])} inFlight=${peer.inFlight}`));
  peer.onClose((e) => events.push(`closed ${e.code}`));
  const text = (m: unknown) => (typeof m === 'string' ? m : JSON.stringify(m));
  const feed = (...ms: unknown[]) => peer.receive(Buffer.from(ms.map(text).join('')));
  return { peer, sent, events, feed };
}

/** A monitor-reply-like result of about `rows` × 100 bytes, with strings that look like structure. */
function bigResult(rows: number): unknown {
  const t: Record<string, unknown> = {};
  for (let i = 0; i < rows; i++)
    t[`uuid-${i}`] = { initial: { name: `lsp${i} {"]`, addresses: ['set', [`00:00:00:00:00:${i % 100} \\ x`]], n: i } };
  return [false, 'txn', { Logical_Switch_Port: t }];
}

const turns = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise((r) => setImmediate(r));
};

describe('JsonRpcPeer with large messages', () => {
  test('a large reply is parsed over many event-loop turns and equals the sent value', async () => {
    const { peer, feed } = harness();
    const result = bigResult(400);
    const p = peer.request('monitor_cond_since', []);
    let ticks = 0;
    let done = false;
    const tick = () => {
      if (done) return;
      ticks++;
      setImmediate(tick);
    };
    setImmediate(tick);
    feed({ id: 1, result, error: null });
    expect(await p).toEqual(result);
    done = true;
    // The event loop ran many times while the reply was being parsed.
    expect(ticks).toBeGreaterThan(20);
  });

  test('what arrives after a large reply is delivered after it, in order; an echo request is answered at once', async () => {
    const { peer, feed, events } = harness();
    const p = peer.request('monitor_cond_since', []).then(() => events.push('reply resolved'));
    feed(
      { id: 1, result: bigResult(200), error: null },
      { id: null, method: 'update3', params: ['n1'] },
      { id: 'e1', method: 'echo', params: [] },
    );
    feed({ id: null, method: 'update3', params: ['n2'] }, { id: 'e2', method: 'echo', params: [] });
    // Both echo requests are answered before any turn of the event loop, before the reply is parsed.
    expect(events).toEqual(['sent 1', 'sent "e1"', 'sent "e2"']);
    await p;
    expect(events).toEqual([
      'sent 1',
      'sent "e1"',
      'sent "e2"',
      // The reply was dispatched (inFlight 0) before the notifications that followed it.
      'notification "n1" inFlight=0',
      'notification "n2" inFlight=0',
      'reply resolved',
    ]);
    expect(peer.state).toBe('open');
  });

  test('many messages, small and large in any mix, come out in the order they were sent', async () => {
    const { peer } = harness();
    const got: number[] = [];
    peer.onNotification((n) => got.push(n.params[0] as number));
    const sizes = [0, 50, 0, 0, 80, 3, 0, 60, 60, 0, 1, 0];
    const msgs = sizes.map((rows, i) => ({ id: null, method: 'update3', params: [i, rows ? bigResult(rows) : {}] }));
    // Fed in uneven chunks so that messages also span chunks.
    const all = Buffer.from(msgs.map((m) => JSON.stringify(m)).join(''));
    for (let off = 0; off < all.length; off += 7777) peer.receive(all.subarray(off, off + 7777));
    while (got.length < sizes.length) await turns(1);
    expect(got).toEqual(sizes.map((_, i) => i));
  });

  test('the end of the stream after a large reply: the reply is still delivered, then the peer closes', async () => {
    const { peer, feed, events } = harness();
    const p = peer.request('monitor_cond_since', []);
    const q = peer.request('transact', []);
    feed({ id: 1, result: bigResult(100), error: null });
    peer.closed();
    expect(peer.state).toBe('open');
    await expect(p).resolves.toBeTruthy();
    await expect(q).rejects.toMatchObject({ code: 'JSONRPC_CONNECTION_CLOSED' });
    expect(peer.state).toBe('closed');
    expect(events.at(-1)).toBe('closed JSONRPC_CONNECTION_CLOSED');
  });

  test('a malformed large message closes the connection with JSONRPC_MALFORMED after the messages before it', async () => {
    const { peer, feed, events } = harness();
    const p = peer.request('monitor_cond_since', []);
    const text = JSON.stringify({ id: 1, result: bigResult(100), error: null });
    // A value missing where one is required, deep inside: the splitter cannot see it, the parse can.
    const bad = text.replace('"n":57', '"n":');
    feed({ id: null, method: 'update3', params: ['before'] }, bad, { id: null, method: 'update3', params: ['after'] });
    await expect(p).rejects.toMatchObject({ code: 'JSONRPC_MALFORMED' });
    expect(peer.state).toBe('closed');
    expect(events.filter((e) => e.startsWith('notification'))).toEqual(['notification "before" inFlight=1']);
    expect(events).toContain('closed JSONRPC_MALFORMED');
  });

  test('a malformed small message behind a large one closes the connection only after the large one is delivered', async () => {
    const { peer, feed, events } = harness();
    const p = peer.request('monitor_cond_since', []);
    feed({ id: 1, result: bigResult(100), error: null }, '{"id":null,"method":"update3","params":[1,]}');
    await expect(p).resolves.toBeTruthy();
    await turns(1);
    expect(peer.state).toBe('closed');
    expect(events).toContain('closed JSONRPC_MALFORMED');
  });

  test('closing while a large message is parsed: pending requests fail, nothing is delivered afterwards', async () => {
    const { peer, feed, events } = harness();
    const p = peer.request('monitor_cond_since', []);
    feed({ id: 1, result: bigResult(300), error: null }, { id: null, method: 'update3', params: ['late'] });
    await turns(3);
    peer.close();
    await expect(p).rejects.toMatchObject({ code: 'JSONRPC_CONNECTION_CLOSED' });
    await turns(50);
    expect(events.some((e) => e.startsWith('notification'))).toBe(false);
  });

  test('largeMessageBytes: Infinity parses every message at once (the reply is dispatched inside receive)', () => {
    const { peer, feed, events } = harness({ largeMessageBytes: Infinity });
    void peer.request('monitor_cond_since', []);
    feed({ id: 1, result: bigResult(100), error: null }, { id: null, method: 'update3', params: ['n'] });
    expect(events).toEqual(['sent 1', 'notification "n" inFlight=0']);
  });
});

describe('parseMessageSliced on a monitor-reply-like message', () => {
  test('no single JSON.parse sees much more than a piece: the big tables are cut at their rows', async () => {
    const { parseSlicedSync } = await import('../../../src/jsonrpc/sliced-parse.js');
    const msg = { id: 1, result: bigResult(3000), error: null };
    const bytes = Buffer.from(JSON.stringify(msg));
    const orig = JSON.parse;
    let largest = 0;
    let count = 0;
    JSON.parse = ((t: string, r?: Parameters<typeof JSON.parse>[1]) => {
      largest = Math.max(largest, t.length);
      count++;
      return orig(t, r);
    }) as typeof JSON.parse;
    let v: unknown;
    try {
      v = parseSlicedSync(bytes, { pieceBytes: 8192, noFallback: true });
    } finally {
      JSON.parse = orig;
    }
    expect(v).toEqual(msg);
    expect(bytes.length).toBeGreaterThan(280_000);
    // A run stops at the first member that reaches the piece size: at most a piece plus one row.
    expect(largest).toBeLessThan(8192 + 200);
    expect(count).toBeGreaterThan(bytes.length / (8192 + 200));
  });
});

test('a large message that lay in one chunk is parsed from its own copy (the caller may reuse the chunk)', async () => {
  const { peer } = harness();
  const result = bigResult(200);
  const p = peer.request('monitor_cond_since', []);
  const chunk = Buffer.from(`  ${JSON.stringify({ id: 1, result, error: null })}`);
  peer.receive(chunk);
  chunk.fill(0x20); // the transport reuses its buffer
  expect(await p).toEqual(result);
});
