/** The sans-I/O peer, driven by hand: what it writes for what it receives. */
import { describe, expect, test, vi } from 'vitest';
import { JsonRpcPeer, type FrameSink } from '../../../src/jsonrpc/index.js';

function harness(opts: ConstructorParameters<typeof JsonRpcPeer>[1] = { inactivityProbeMs: 0 }) {
  const sent: unknown[] = [];
  let closed = false;
  const sink: FrameSink = { write: (t) => sent.push(JSON.parse(t)), close: () => (closed = true) };
  const peer = new JsonRpcPeer(sink, opts);
  const feed = (m: unknown) => peer.receive(Buffer.from(typeof m === 'string' ? m : JSON.stringify(m)));
  return { peer, sent, feed, isClosed: () => closed };
}

describe('JsonRpcPeer', () => {
  test('requests carry params as an array, never null, and no jsonrpc member', () => {
    const { peer, sent } = harness();
    void peer.request('list_dbs', []);
    void peer.request('get_schema', undefined as unknown as []);
    expect(sent).toEqual([
      { id: 1, method: 'list_dbs', params: [] },
      { id: 2, method: 'get_schema', params: [] },
    ]);
  });

  test('replies are matched by id, in any order; error:null beside result resolves', async () => {
    const { peer, feed } = harness();
    const a = peer.request('a', []);
    const b = peer.request('b', []);
    feed({ id: 2, result: 'B', error: null });
    feed({ id: 1, result: 'A', error: null });
    expect(await a).toBe('A');
    expect(await b).toBe('B');
  });

  test('an error reply rejects with the server error object', async () => {
    const { peer, feed } = harness();
    const p = peer.request('get_schema', ['Nope']);
    feed({ id: 1, result: null, error: { error: 'unknown database', details: 'Nope' } });
    await expect(p).rejects.toMatchObject({ code: 'JSONRPC_ERROR_RESPONSE', error: { error: 'unknown database' } });
  });

  test("the other side's echo is answered with its own params and id", () => {
    const { feed, sent } = harness();
    feed({ id: 'echo', method: 'echo', params: [1, 'x'] });
    expect(sent).toEqual([{ id: 'echo', result: [1, 'x'], error: null }]);
  });

  test('notifications reach subscribers; a throwing subscriber does not break the peer', () => {
    const { peer, feed } = harness();
    const got: unknown[] = [];
    peer.onNotification(() => {
      throw new Error('boom');
    });
    peer.onNotification((n) => got.push(n));
    feed('{"id":null,"method":"update2","params":["m",{}]}{"id":null,"method":"locked","params":["l"]}');
    expect(got).toEqual([
      { method: 'update2', params: ['m', {}] },
      { method: 'locked', params: ['l'] },
    ]);
    expect(peer.state).toBe('open');
  });

  test('a late reply to a timed-out request is ignored; an unknown id closes with a protocol error', async () => {
    vi.useFakeTimers();
    try {
      const { peer, feed } = harness();
      const p = peer.request('slow', [], { timeoutMs: 100 });
      vi.advanceTimersByTime(101);
      await expect(p).rejects.toMatchObject({ code: 'JSONRPC_TIMEOUT' });
      feed({ id: 1, result: 'late', error: null });
      expect(peer.state).toBe('open');
      const q = peer.request('x', []);
      feed({ id: 99, result: 'who?', error: null });
      await expect(q).rejects.toMatchObject({ code: 'JSONRPC_PROTOCOL' });
      expect(peer.state).toBe('closed');
    } finally {
      vi.useRealTimers();
    }
  });

  test('inactivity probe: echo after the idle time, close if still silent', async () => {
    vi.useFakeTimers();
    try {
      const { peer, sent, isClosed } = harness({ inactivityProbeMs: 1000 });
      const p = peer.request('x', []);
      sent.length = 0;
      vi.advanceTimersByTime(1001);
      expect(sent).toEqual([{ id: 'probe', method: 'echo', params: [] }]);
      vi.advanceTimersByTime(1100);
      await expect(p).rejects.toMatchObject({ code: 'JSONRPC_INACTIVITY_TIMEOUT' });
      expect(isClosed()).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  test('traffic keeps the probe quiet', () => {
    vi.useFakeTimers();
    try {
      const { peer, sent, feed } = harness({ inactivityProbeMs: 1000 });
      for (let i = 0; i < 5; i++) {
        vi.advanceTimersByTime(600);
        feed({ id: null, method: 'update', params: ['m', {}] });
      }
      expect(sent).toEqual([]);
      expect(peer.state).toBe('open');
    } finally {
      vi.useRealTimers();
    }
  });

  test('closing fails every pending request, and later calls fail at once', async () => {
    const { peer } = harness();
    const a = peer.request('a', []);
    const b = peer.request('b', []);
    peer.closed(new Error('reset'));
    await expect(a).rejects.toMatchObject({ code: 'JSONRPC_CONNECTION_CLOSED' });
    await expect(b).rejects.toMatchObject({ code: 'JSONRPC_CONNECTION_CLOSED' });
    await expect(peer.request('c', [])).rejects.toMatchObject({ code: 'JSONRPC_CONNECTION_CLOSED' });
  });

  test('a message that is not an object, or neither request nor response, is a protocol error', async () => {
    for (const bad of ['[1,2]', '{"id":1}']) {
      const { peer, feed } = harness();
      const p = peer.request('x', []);
      feed(bad);
      await expect(p).rejects.toMatchObject({ code: 'JSONRPC_PROTOCOL' });
    }
  });
});
