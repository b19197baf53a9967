/**
 * The sans-I/O peer against hostile input: deep nesting in every position that is serialized again or
 * described, a sink that throws, a message that never ends, invalid UTF-8. Nothing may throw out of
 * receive(); every pending call settles with a typed error.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { JsonRpcPeer, deeperThan, describeValue, type FrameSink } from '../../../src/jsonrpc/index.js';
import { SdkError } from '../../../src/errors.js';

const nest = (depth: number, inner = '0') => '['.repeat(depth) + inner + ']'.repeat(depth);

function harness(opts: ConstructorParameters<typeof JsonRpcPeer>[1] = {}, sinkOver: Partial<FrameSink> = {}) {
  const sent: string[] = [];
  let closed = false;
  const sink: FrameSink = { write: (t) => void sent.push(t), close: () => void (closed = true), ...sinkOver };
  const peer = new JsonRpcPeer(sink, { inactivityProbeMs: 0, remote: 'tcp:127.0.0.1:1', ...opts });
  const closeErrors: SdkError[] = [];
  peer.onClose((e) => closeErrors.push(e));
  const feed = (m: string | Buffer) => peer.receive(typeof m === 'string' ? Buffer.from(m) : m);
  return { peer, sent, feed, closeErrors, isClosed: () => closed };
}

afterEach(() => vi.useRealTimers());

describe('limits', () => {
  test('deeperThan walks 100,000 levels without recursion', () => {
    const v = JSON.parse(nest(100_000));
    expect(deeperThan(v, 64)).toBe(true);
    expect(deeperThan(JSON.parse(nest(64)), 64)).toBe(false);
    expect(deeperThan(JSON.parse(nest(65)), 64)).toBe(true);
    expect(deeperThan({ a: { b: [1, { c: 2 }] } }, 4)).toBe(false);
    expect(deeperThan({ a: { b: [1, { c: {} }] } }, 4)).toBe(true);
  });
  test('describeValue never throws and is bounded', () => {
    expect(describeValue(JSON.parse(nest(10_000)))).toBe('[nested deeper than 64 levels]');
    expect(describeValue('x'.repeat(10_000)).length).toBeLessThanOrEqual(501);
    expect(describeValue(10n)).toBe('10');
  });
});

describe('JsonRpcPeer against hostile input', () => {
  test('a reply whose id is nested 10,000 deep closes with JSONRPC_PROTOCOL and settles the pending call', async () => {
    const { peer, feed, closeErrors } = harness();
    const p = peer.request('transact', []);
    expect(() => feed(`{"id":${nest(10_000)},"result":null,"error":null}`)).not.toThrow();
    await expect(p).rejects.toMatchObject({ code: 'JSONRPC_PROTOCOL' });
    expect(closeErrors[0]!.message).toMatch(
      /^tcp:127\.0\.0\.1:1: response to unknown id \[nested deeper than 64 levels\]$/,
    );
  });

  test('a reply whose error is nested 10,000 deep settles that call and every other one with JSONRPC_VALUE_LIMIT', async () => {
    const { peer, feed } = harness();
    const a = peer.request('transact', []);
    const b = peer.request('echo', []);
    expect(() => feed(`{"id":1,"result":null,"error":${nest(10_000)}}`)).not.toThrow();
    await expect(a).rejects.toMatchObject({
      code: 'JSONRPC_VALUE_LIMIT',
      message: expect.stringMatching(/error of the reply to "transact" is nested deeper than 64/),
    });
    await expect(b).rejects.toMatchObject({ code: 'JSONRPC_VALUE_LIMIT' });
    expect(peer.inFlight).toBe(0);
    expect(peer.state).toBe('closed');
  });

  test('a shallow error object is described, however long', async () => {
    const { peer, feed } = harness();
    const a = peer.request('x', []);
    feed(JSON.stringify({ id: 1, result: null, error: { big: 'y'.repeat(100_000) } }));
    const e = await a.catch((x: Error) => x);
    expect(e).toMatchObject({ code: 'JSONRPC_ERROR_RESPONSE' });
    expect((e as Error).message.length).toBeLessThan(1000);
    expect(peer.state).toBe('open');
  });

  test('an echo request with params nested 10,000 deep is not answered; the connection closes with JSONRPC_VALUE_LIMIT', async () => {
    const { peer, feed, sent, closeErrors } = harness();
    const p = peer.request('monitor', []);
    sent.length = 0;
    expect(() => feed(`{"id":"e","method":"echo","params":${nest(10_000)}}`)).not.toThrow();
    expect(sent).toEqual([]);
    expect(closeErrors[0]).toMatchObject({ code: 'JSONRPC_VALUE_LIMIT' });
    await expect(p).rejects.toMatchObject({ code: 'JSONRPC_VALUE_LIMIT' });
  });

  test('a request whose id is nested deep, or too long, is refused; an unknown method is answered with a bounded details', () => {
    const deep = harness();
    deep.feed(`{"id":${nest(5000)},"method":"foo","params":[]}`);
    expect(deep.closeErrors[0]).toMatchObject({
      code: 'JSONRPC_VALUE_LIMIT',
      message: expect.stringContaining('a request id is nested deeper'),
    });
    const long = harness();
    long.feed(JSON.stringify({ id: 'i'.repeat(5000), method: 'echo', params: [] }));
    expect(long.closeErrors[0]).toMatchObject({
      code: 'JSONRPC_VALUE_LIMIT',
      message: expect.stringContaining('over the limit of 1024'),
    });
    const unknown = harness();
    unknown.feed(JSON.stringify({ id: 7, method: 'm'.repeat(10_000), params: [] }));
    expect(JSON.parse(unknown.sent[0]!)).toEqual({
      id: 7,
      result: null,
      error: { error: 'unknown method', details: 'm'.repeat(256) },
    });
    expect(unknown.peer.state).toBe('open');
  });

  test('a sink that throws while answering an echo closes with JSONRPC_DISPATCH_FAILED instead of throwing', async () => {
    const { peer, feed, closeErrors } = harness(
      {},
      {
        write: () => {
          throw new RangeError('boom');
        },
      },
    );
    expect(() => feed('{"id":1,"method":"echo","params":[]}')).not.toThrow();
    expect(closeErrors[0]).toMatchObject({ code: 'JSONRPC_DISPATCH_FAILED', cause: expect.any(RangeError) });
    expect(peer.state).toBe('closed');
  });

  test('params we cannot serialize reject the request and leave nothing pending', async () => {
    const { peer } = harness();
    await expect(peer.request('transact', [JSON.parse(nest(20_000))])).rejects.toMatchObject({
      code: 'JSONRPC_PROTOCOL',
    });
    expect(peer.inFlight).toBe(0);
    expect(peer.state).toBe('open');
  });

  test('invalid UTF-8 inside a message closes with JSONRPC_MALFORMED', async () => {
    const { peer, feed } = harness();
    const p = peer.request('x', []);
    feed(
      Buffer.concat([
        Buffer.from('{"id":1,"result":"'),
        Buffer.from([0xc3, 0x28, 0xff]),
        Buffer.from('","error":null}'),
      ]),
    );
    await expect(p).rejects.toMatchObject({ code: 'JSONRPC_MALFORMED' });
  });

  test('a message trickled byte by byte fails at maxMessageMs although bytes keep coming', async () => {
    vi.useFakeTimers();
    const { peer, feed, closeErrors } = harness({ maxMessageMs: 10_000 });
    const p = peer.request('transact', []);
    const settled = vi.fn();
    p.catch(settled);
    const text = `{"id":1,"result":[${'1,'.repeat(100)}1],"error":null}`;
    let i = 0;
    for (; i < 9; i++) {
      feed(text.slice(i, i + 1));
      await vi.advanceTimersByTimeAsync(1000);
    }
    expect(peer.state).toBe('open');
    for (; i < 12; i++) {
      feed(text.slice(i, i + 1));
      await vi.advanceTimersByTimeAsync(1000);
    }
    expect(closeErrors[0]).toMatchObject({
      code: 'JSONRPC_MESSAGE_TIMEOUT',
      message: 'tcp:127.0.0.1:1: a message was begun but not finished within 10000 ms',
    });
    await expect(p).rejects.toMatchObject({ code: 'JSONRPC_MESSAGE_TIMEOUT' });
  });

  test('whole messages arriving slowly are liveness: the clock restarts with each message', async () => {
    vi.useFakeTimers();
    const { peer, feed } = harness({ maxMessageMs: 10_000 });
    for (let k = 0; k < 5; k++) {
      // Each message takes 8 s to arrive, its end and the next one's start in one chunk.
      feed('{"id":null,"method":"n",');
      await vi.advanceTimersByTimeAsync(8000);
      feed('"params":[]}');
    }
    expect(peer.state).toBe('open');
  });

  test('request timeouts name the remote once and the method', async () => {
    vi.useFakeTimers();
    const { peer } = harness({ requestTimeoutMs: 500 });
    const p = peer.request('get_schema', ['x']);
    const check = expect(p).rejects.toMatchObject({
      code: 'JSONRPC_TIMEOUT',
      message: 'tcp:127.0.0.1:1: no reply to "get_schema" within 500 ms',
    });
    await vi.advanceTimersByTimeAsync(600);
    await check;
  });

  test('what queues behind a large message pauses the sink past maxQueuedBytes and resumes it after', async () => {
    const calls: string[] = [];
    const { peer, feed } = harness(
      { largeMessageBytes: 1000, maxQueuedBytes: 2000, slicedParse: { pieceBytes: 256, budgetMs: 0 } },
      { pause: () => void calls.push('pause'), resume: () => void calls.push('resume') },
    );
    const got: unknown[] = [];
    peer.onNotification((n) => got.push(n));
    const big = JSON.stringify({ id: null, method: 'big', params: ['x'.repeat(1500)] });
    const small = JSON.stringify({ id: null, method: 's', params: ['y'.repeat(100)] });
    feed(big + small.repeat(20));
    expect(calls).toEqual(['pause']);
    await vi.waitFor(() => expect(got.length).toBe(21));
    expect(calls).toEqual(['pause', 'resume']);
  });

  test('a transport close with a typed reason hands that reason to pending calls', async () => {
    const { peer } = harness();
    const p = peer.request('x', []);
    const reason = new SdkError('TRANSPORT_WRITE_QUEUE_FULL', 'full');
    peer.closed(reason);
    await expect(p).rejects.toBe(reason);
  });
});
