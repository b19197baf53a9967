/**
 * The fault proxy's injection features, between two loopback sockets of the project's own transport:
 * cut after a byte offset (each direction), inject bytes at an offset, per-direction delay, echo
 * requests dropped in framed mode while everything else passes, and re-chunking still exact.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { connect, listen, type ByteStream, type Listener } from '../../../src/transport/stream.js';
import { startFaultProxy, isEchoRequest, type FaultProxy } from '../../../src/testing/fault-proxy.js';
import { seededRandom } from '../../../src/testing/random.js';
import { waitFor } from '../../../src/testing/index.js';

interface End {
  stream: ByteStream;
  got: Buffer[];
  closed: boolean;
  text(): string;
}

function track(stream: ByteStream): End {
  const e: End = { stream, got: [], closed: false, text: () => Buffer.concat(e.got).toString() };
  stream.onData((c) => e.got.push(Buffer.from(c)));
  stream.onClose(() => {
    e.closed = true;
  });
  return e;
}

let target: Listener | undefined;
let proxy: FaultProxy | undefined;
let client: End | undefined;
afterEach(async () => {
  client?.stream.close();
  await proxy?.close();
  await target?.close();
  client = proxy = target = undefined;
});

/** target ← proxy ← client, resolving with both ends once the proxy has connected them. */
async function setup(opts: { frames?: boolean; pieceSize?: number | (() => number) } = {}) {
  let server: End | undefined;
  target = await listen('ptcp:0:127.0.0.1', (s) => {
    server = track(s);
  });
  proxy = await startFaultProxy(
    target.address,
    { pieceSize: opts.pieceSize ?? 65536 },
    { frames: opts.frames ?? false },
  );
  client = track(await connect(proxy.remote));
  await waitFor('the proxied connection', () => server !== undefined && proxy!.open === 1);
  return { server: server!, client, proxy };
}

describe('fault proxy', () => {
  test('cutAfter toClient forwards exactly that many bytes, then both sides are closed', async () => {
    const { server, client, proxy } = await setup();
    expect(proxy.cutAfter('toClient', 7)).toBe(1);
    server.stream.write('0123456789abcdef');
    await waitFor('client closed', () => client.closed);
    expect(client.text()).toBe('0123456');
    await waitFor('server closed', () => server.closed);
    expect(proxy.open).toBe(0);
    expect(proxy.bytesToClient).toBe(7);
  });

  test('cutAfter toServer, across several writes and 1-byte pieces', async () => {
    const { server, client, proxy } = await setup({ pieceSize: 1 });
    proxy.cutAfter('toServer', 12);
    client.stream.write('hello ');
    await waitFor('first part', () => server.text() === 'hello ');
    client.stream.write('world, and more');
    await waitFor('server closed', () => server.closed);
    expect(server.text()).toBe('hello world,');
    await waitFor('client closed', () => client.closed);
  });

  test('injectAfter puts bytes at the offset; injectAfter 0 between pieces already queued and the next', async () => {
    const { server, client, proxy } = await setup();
    proxy.injectAfter('toClient', 3, '<X>');
    server.stream.write('abcdef');
    await waitFor('data', () => client.text().length === 9);
    expect(client.text()).toBe('abc<X>def');
    proxy.injectAfter('toServer', 0, Buffer.from([0xff, 0x00]));
    client.stream.write('z');
    await waitFor('data', () => server.got.length > 0 && Buffer.concat(server.got).length === 3);
    expect([...Buffer.concat(server.got)]).toEqual([0xff, 0x00, 0x7a]);
    expect(client.closed).toBe(false);
  });

  test('delay holds one direction only, keeping order', async () => {
    const { server, client, proxy } = await setup();
    proxy.delay('toClient', 150);
    const t0 = Date.now();
    server.stream.write('a');
    server.stream.write('b');
    client.stream.write('up');
    await waitFor('upstream not delayed', () => server.text() === 'up');
    expect(client.text()).toBe(''); // the delayed direction has delivered nothing yet
    await waitFor('downstream', () => client.text() === 'ab');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(145); // a lower bound: the delay is at least what was asked
    proxy.delay('toClient', 0);
    server.stream.write('c');
    await waitFor('no delay any more', () => client.text() === 'abc');
  });

  test('framed mode: echo requests dropped in one direction, everything else forwarded whole', async () => {
    const { server, client, proxy } = await setup({ frames: true, pieceSize: 3 });
    proxy.dropEcho('toServer', true);
    const msgs = [
      { id: 'probe', method: 'echo', params: [] },
      { id: 1, method: 'list_dbs', params: [] },
      { id: null, method: 'echo', params: [] }, // a notification: not a request, kept
      { id: 7, method: 'echo', params: ['x'] },
      { id: 2, result: [], error: null },
    ];
    const text = msgs.map((m) => JSON.stringify(m)).join('');
    // byte by byte: framing must not depend on the chunks
    for (let i = 0; i < text.length; i++) client.stream.write(text[i]!);
    const expected = msgs
      .filter((m) => !isEchoRequest(m))
      .map((m) => JSON.stringify(m))
      .join('');
    await waitFor('kept messages', () => server.text() === expected);
    expect(proxy.dropped).toBe(2);
    // the other direction is untouched
    server.stream.write(JSON.stringify(msgs[0]));
    await waitFor('echo to client', () => client.text() === JSON.stringify(msgs[0]));
    proxy.dropEcho('toServer', false);
    client.stream.write(JSON.stringify(msgs[3]));
    await waitFor('echo forwarded again', () => server.text() === expected + JSON.stringify(msgs[3]));
  });

  test('framed mode falls back to raw forwarding when the stream is not JSON', async () => {
    const { server, client } = await setup({ frames: true });
    server.stream.write('{"a":1}');
    await waitFor('a message', () => client.text() === '{"a":1}');
    server.stream.write('garbage!');
    await waitFor('garbage forwarded raw', () => client.text() === '{"a":1}garbage!');
  });

  test('cutNextAfter arms the next connections, in order, counted from their start', async () => {
    const ends: End[] = [];
    target = await listen('ptcp:0:127.0.0.1', (s) => ends.push(track(s)));
    proxy = await startFaultProxy(target.address, { pieceSize: 1 });
    proxy.cutNextAfter('toClient', 4);
    proxy.cutNextAfter('toServer', 2);
    const first = track(await connect(proxy.remote));
    await waitFor('first connection', () => ends.length === 1 && proxy!.open === 1);
    ends[0]!.stream.write('abcdefgh');
    await waitFor('cut after 4', () => first.closed);
    expect(first.text()).toBe('abcd');
    const second = track(await connect(proxy.remote));
    await waitFor('second connection', () => ends.length === 2 && proxy!.open === 1);
    second.stream.write('xyz');
    await waitFor('cut after 2', () => ends[1]!.closed);
    expect(ends[1]!.text()).toBe('xy');
    client = track(await connect(proxy.remote));
    await waitFor('third connection', () => ends.length === 3 && proxy!.open === 1);
    client.stream.write('free');
    await waitFor('not armed', () => ends[2]!.text() === 'free');
    expect(proxy.accepted).toBe(3);
  });

  test('filters need framed mode (typed error)', async () => {
    const { proxy } = await setup();
    expect(() => proxy.dropEcho('toClient', true)).toThrow(expect.objectContaining({ code: 'HARNESS_FAILED' }));
  });

  test('seeded random re-chunking delivers the exact bytes', async () => {
    const r = seededRandom(42);
    const { server, client } = await setup({ frames: true, pieceSize: () => 1 + r() * 5 });
    const msgs = Array.from({ length: 50 }, (_, i) =>
      JSON.stringify({ id: i, method: 'm', params: ['é', 'x'.repeat(i)] }),
    ).join('');
    client.stream.write(msgs);
    await waitFor('all bytes', () => server.text() === msgs);
  });
});
