/**
 * The OpenFlow controller (listenController) against bad switches played by the hostile peer over
 * loopback: a header length below 8, a trickled or huge unfinished message, duplicate and unknown
 * replies, undecodable messages with throwing handlers, silence, and an echo flood while not reading.
 * Each case asserts the typed error, that every request settled and the channel state; vitest fails
 * the run on any uncaught exception. Peak RSS under the flood is measured in rss.test.ts.
 */
import { afterEach, expect, test } from 'vitest';
import { connectHostile, type HostileConnection } from '../../../src/testing/index.js';
import {
  decodeMessage,
  encodeMessage,
  listenController,
  OfFramer,
  type OfConnection,
  type OfConnectionOptions,
  type OfMessage,
} from '../../../src/openflow/index.js';
import type { Listener } from '../../../src/transport/index.js';

let listener: Listener | undefined;
const opened: (OfConnection | HostileConnection)[] = [];
afterEach(async () => {
  for (const c of opened.splice(0)) c.close();
  await listener?.close();
  listener = undefined;
});

/** A controller and one bad switch that has done the hello exchange (OF1.3); `got` collects what the switch received. */
async function badSwitch(opts: OfConnectionOptions & { maxWriteQueueBytes?: number } = {}) {
  let resolveConn!: (c: OfConnection) => void;
  const conn = new Promise<OfConnection>((r) => (resolveConn = r));
  listener = await listenController('ptcp:0:127.0.0.1', resolveConn, {
    echoIntervalMs: 0,
    fetchFeatures: false,
    ...opts,
  });
  const sw = await connectHostile(listener.address);
  opened.push(sw);
  const got: OfMessage[] = [];
  const framer = new OfFramer();
  const waiters: ((m: OfMessage) => void)[] = [];
  sw.stream.onData((chunk) => {
    for (const b of framer.push(chunk)) {
      const m = decodeMessage(b);
      const w = waiters.shift();
      if (w) w(m);
      else got.push(m);
    }
  });
  const next = () => (got.length ? Promise.resolve(got.shift()!) : new Promise<OfMessage>((r) => waiters.push(r)));
  sw.write(encodeMessage({ type: 'hello', version: 4, xid: 1, elements: [] }));
  expect((await next()).type).toBe('hello');
  const c = await conn;
  opened.push(c);
  const closed = new Promise<Error | undefined>((r) => c.onClose(r));
  return { c, sw, next, closed, got };
}

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: { code?: string }) => e.code ?? `untyped: ${String(e)}`,
  );

test('a header length below 8 closes the channel with OF_FRAME_BAD_LENGTH; pending requests settle', async () => {
  const { c, sw, next, closed } = await badSwitch();
  const p = codeOf(c.barrier());
  await next();
  sw.write(Uint8Array.of(4, 20, 0, 4, 0, 0, 0, 9));
  expect(await closed).toMatchObject({ code: 'OF_FRAME_BAD_LENGTH' });
  expect(await p).toBe('OF_CONN_CLOSED');
});

test('a reply trickled byte by byte fails with OF_CONN_MESSAGE_TIMEOUT although bytes keep coming', async () => {
  const { c, sw, next, closed } = await badSwitch({ maxMessageMs: 400, requestTimeoutMs: 60_000 });
  const p = codeOf(c.barrier());
  const req = await next();
  void sw.trickle(encodeMessage({ type: 'barrierReply', version: 4, xid: req.xid }), 100);
  const err = await closed;
  expect(err).toMatchObject({ code: 'OF_CONN_MESSAGE_TIMEOUT' });
  expect(err!.message).toBe(`${c.remote}: a message was begun but not finished within 400 ms`);
  expect(await p).toBe('OF_CONN_CLOSED');
});

test('a huge message (length 65535) that never finishes: OF_CONN_MESSAGE_TIMEOUT', async () => {
  const { c, sw, closed } = await badSwitch({ maxMessageMs: 300 });
  const head = Uint8Array.of(4, 10, 0xff, 0xff, 0, 0, 0, 7);
  sw.write(Buffer.concat([head, Buffer.alloc(30_000)]));
  expect(await closed).toMatchObject({ code: 'OF_CONN_MESSAGE_TIMEOUT' });
  expect(c.isClosed).toBe(true);
});

test('duplicate and unknown replies go to onMessage; the channel stays up', async () => {
  const { c, sw, next } = await badSwitch();
  const seen: string[] = [];
  c.onMessage((m) => seen.push(`${m.type}:${m.xid}`));
  const p = c.barrier();
  const req = await next();
  const reply = encodeMessage({ type: 'barrierReply', version: 4, xid: req.xid });
  sw.write(Buffer.concat([reply, reply, encodeMessage({ type: 'barrierReply', version: 4, xid: 0xdead })]));
  await p;
  const q = c.echo();
  const e = await next();
  sw.write(encodeMessage({ type: 'echoReply', version: 4, xid: e.xid, data: new Uint8Array(0) }));
  await q;
  expect(seen).toEqual([`barrierReply:${req.xid}`, 'barrierReply:57005']);
  expect(c.isClosed).toBe(false);
});

test('undecodable messages reach onDecodeError; throwing handlers neither close the channel nor escape', async () => {
  const { c, sw, next } = await badSwitch();
  const decodeErrors: string[] = [];
  c.onDecodeError((e) => {
    decodeErrors.push((e as { code?: string }).code ?? 'untyped');
    throw new Error('handler bug');
  });
  c.onMessage(() => {
    throw new RangeError('handler bug');
  });
  // A flow_removed and a features reply too short for their bodies, then a valid unsolicited message.
  sw.write(
    Buffer.concat([
      Buffer.from([4, 11, 0, 12, 0, 0, 0, 5, 1, 2, 3, 4]),
      Buffer.from([4, 6, 0, 8, 0, 0, 0, 6]),
      encodeMessage({ type: 'barrierReply', version: 4, xid: 77 }),
    ]),
  );
  const q = c.echo();
  const e = await next();
  sw.write(encodeMessage({ type: 'echoReply', version: 4, xid: e.xid, data: new Uint8Array(0) }));
  await q;
  expect(decodeErrors.length).toBe(2);
  expect(decodeErrors.every((d) => /^[A-Z][A-Z0-9_]+$/.test(d))).toBe(true);
  expect(c.isClosed).toBe(false);
});

test('silence: requests time out with OF_CONN_TIMEOUT naming the remote once; an AbortSignal ends a wait with OF_CONN_ABORTED', async () => {
  const { c } = await badSwitch({ requestTimeoutMs: 300 });
  const err = (await c.barrier().then(
    () => undefined,
    (x: Error) => x,
  ))!;
  expect(err).toMatchObject({ code: 'OF_CONN_TIMEOUT' });
  expect(err.message.split(c.remote).length - 1).toBe(1);
  const ac = new AbortController();
  const p = codeOf(c.echo(undefined, { signal: ac.signal, timeoutMs: 60_000 }));
  ac.abort();
  expect(await p).toBe('OF_CONN_ABORTED');
  expect(c.isClosed).toBe(false);
});

test('with a request of ours in flight reading is not paused: a switch that floods echo requests and never reads is dropped with TRANSPORT_WRITE_QUEUE_FULL', async () => {
  const { c, sw, closed } = await badSwitch({ maxWriteQueueBytes: 1024 * 1024 });
  const p = codeOf(c.barrier({ timeoutMs: 120_000 }));
  sw.stopReading();
  const data = new Uint8Array(200);
  void sw.flood((i) => encodeMessage({ type: 'echoRequest', version: 4, xid: i + 1, data }), 10_000_000);
  const err = await closed;
  expect(err).toMatchObject({ code: 'TRANSPORT_WRITE_QUEUE_FULL' });
  expect(err!.message).toMatch(/the peer is not reading/);
  expect(await p).toBe('OF_CONN_CLOSED');
});

const until = async (cond: () => boolean) => {
  while (!cond()) await new Promise((r) => setTimeout(r, 5));
};

test('reading pauses while the write queue is over readPauseBytes (a switch that floods and does not read), and resumes when it reads', async () => {
  const pauseAt = 256 * 1024;
  const { c, sw, got } = await badSwitch({ readPauseBytes: pauseAt, maxWriteQueueBytes: 64 * 1024 * 1024 });
  sw.stopReading();
  const data = new Uint8Array(1000);
  const N = 60_000; // ≈ 60 MB of echo requests: far more than the kernel buffers both ways hold
  const flooding = sw.flood((i) => encodeMessage({ type: 'echoRequest', version: 4, xid: i + 1, data }), N);
  // The controller stops reading: the switch's own writes back up (its flood keeps at most ~1 MiB queued).
  await until(() => (sw.stream.writableBytes ?? 0) > 1024 * 1024);
  expect(c.isClosed).toBe(false);
  // What the controller holds for the switch stays near the pause mark (plus the answers to one chunk read),
  // far below the 64 MiB limit that would drop it.
  const held = c.stream.writableBytes ?? 0;
  expect(held).toBeGreaterThan(pauseAt);
  expect(held).toBeLessThan(pauseAt + 512 * 1024);
  // The switch reads again: the controller's queue drains, reading resumes, every echo is answered.
  sw.stream.resume?.();
  expect(await flooding).toBe(N);
  await until(() => got.length >= N);
  expect(got.every((m) => m.type === 'echoReply')).toBe(true);
  expect(got[N - 1]!.xid).toBe(N);
  expect(c.isClosed).toBe(false);
}, 120_000);
