/**
 * Connection behaviour against a small fake peer (a fault injector, not a model of a switch): it
 * speaks just enough OpenFlow over a real loopback socket to split frames, answer out of order, stay
 * silent, or send garbage. Real-switch behaviour is in live-vswitchd.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { listen } from '../../../src/transport/index.js';
import type { ByteStream, Listener } from '../../../src/transport/index.js';
import {
  connectSwitch,
  decodeMessage,
  encodeMessage,
  OfFramer,
  OfNegotiationError,
} from '../../../src/openflow/index.js';
import type { OfConnection, OfMessage } from '../../../src/openflow/index.js';

let listener: Listener | undefined;
const conns: OfConnection[] = [];
afterEach(async () => {
  for (const c of conns.splice(0)) c.close();
  await listener?.close();
  listener = undefined;
});

type Send = (m: OfMessage | Uint8Array) => void;
interface PeerOpts {
  /** Hello the peer sends (default OF1.3+1.5 bitmap); null = none. Sent split in 1-byte writes. */
  hello?: OfMessage | null;
  /** Answer features requests (default true). */
  features?: boolean;
}

async function fakeSwitch(
  onMsg: (m: OfMessage, send: Send, s: ByteStream) => void,
  opts: PeerOpts = {},
): Promise<{ addr: string; got: OfMessage[] }> {
  const got: OfMessage[] = [];
  listener = await listen('ptcp:0:127.0.0.1', (s) => {
    const f = new OfFramer();
    const send: Send = (m) => s.write(m instanceof Uint8Array ? m : encodeMessage(m));
    const hello =
      opts.hello === undefined
        ? ({ type: 'hello', version: 6, xid: 1, elements: [{ type: 'versionBitmap', versions: [4, 6] }] } as OfMessage)
        : opts.hello;
    if (hello) for (const b of encodeMessage(hello)) s.write(Uint8Array.of(b));
    s.onData((c) => {
      for (const b of f.push(c)) {
        const m = decodeMessage(b);
        got.push(m);
        if (m.type === 'featuresRequest' && opts.features !== false) {
          const reply = encodeMessage({
            type: 'featuresReply',
            version: m.version,
            xid: m.xid,
            datapathId: 0xabcn,
            nBuffers: 0,
            nTables: 254,
            auxiliaryId: 0,
            capabilities: 0,
            reserved: 0,
            ports: [],
          });
          for (const byte of reply) s.write(Uint8Array.of(byte)); // cut into single bytes
          continue;
        }
        onMsg(m, send, s);
      }
    });
    s.onClose(() => undefined);
  });
  return { addr: listener.address, got };
}

async function open(addr: string, opts: Parameters<typeof connectSwitch>[1] = {}): Promise<OfConnection> {
  const c = await connectSwitch(addr, { echoIntervalMs: 0, ...opts });
  conns.push(c);
  return c;
}

describe('OfConnection against a fault-injecting peer', () => {
  it('handshakes over byte-split frames and negotiates OF1.5; features come back', async () => {
    const { addr, got } = await fakeSwitch(() => undefined);
    const c = await open(addr);
    expect(c.version).toBe(6);
    expect(c.features?.datapathId).toBe(0xabcn);
    expect(got[0]?.type).toBe('hello');
  });

  it('matches replies to requests by xid even when the peer answers out of order', async () => {
    const held: Extract<OfMessage, { type: 'echoRequest' }>[] = [];
    const { addr } = await fakeSwitch((m, send) => {
      if (m.type !== 'echoRequest') return;
      held.push(m);
      if (held.length === 3)
        for (const h of [held[2]!, held[0]!, held[1]!])
          send({ type: 'echoReply', version: 6, xid: h.xid, data: h.data });
    });
    const c = await open(addr);
    const replies = await Promise.all([1, 2, 3].map((n) => c.request({ type: 'echoRequest', data: Uint8Array.of(n) })));
    expect(replies.map((r) => (r.type === 'echoReply' ? r.data[0] : -1))).toEqual([1, 2, 3]);
  });

  it('answers the peer echo requests with the same xid and payload', async () => {
    let reply!: (m: OfMessage) => void;
    const answered = new Promise<OfMessage>((r) => (reply = r));
    const { addr } = await fakeSwitch((m, send) => {
      // After our barrier, the peer pings us, then answers the barrier.
      if (m.type === 'barrierRequest') {
        send({ type: 'echoRequest', version: 6, xid: 0x77, data: Uint8Array.of(9, 8, 7) });
        send({ type: 'barrierReply', version: 6, xid: m.xid });
      }
      if (m.type === 'echoReply') reply(m);
    });
    const c = await open(addr);
    await c.barrier();
    const r = await answered;
    expect(r.type === 'echoReply' && [r.xid, [...r.data]]).toEqual([0x77, [9, 8, 7]]);
  });

  it('closes with OF_CONN_ECHO_TIMEOUT when the peer stops answering keepalives, rejecting pending requests', async () => {
    const { addr } = await fakeSwitch(() => undefined); // never answers echo or barrier
    const c = await open(addr, { echoIntervalMs: 50, echoTimeoutMs: 100, requestTimeoutMs: 5000 });
    const pending = c.barrier().catch((e: unknown) => e);
    const closed = new Promise<Error | undefined>((r) => c.onClose(r));
    const why = await closed;
    expect((why as { code?: string }).code).toBe('OF_CONN_ECHO_TIMEOUT');
    expect(((await pending) as { code?: string }).code).toBe('OF_CONN_CLOSED');
    expect(c.isClosed).toBe(true);
  });

  it('times out a request with OF_CONN_TIMEOUT and keeps the channel up', async () => {
    const { addr } = await fakeSwitch(() => undefined);
    const c = await open(addr, { requestTimeoutMs: 150 });
    await expect(c.barrier()).rejects.toMatchObject({ code: 'OF_CONN_TIMEOUT' });
    expect(c.isClosed).toBe(false);
  });

  it('fails the handshake with OF_CONN_TIMEOUT when the peer never says hello', async () => {
    const { addr } = await fakeSwitch(() => undefined, { hello: null });
    await expect(connectSwitch(addr, { requestTimeoutMs: 200, echoIntervalMs: 0 })).rejects.toMatchObject({
      code: 'OF_CONN_TIMEOUT',
    });
  });

  it('fails with OF_NO_COMMON_VERSION against an OF1.0-only peer, and tells the peer with OFPT_ERROR hello_failed', async () => {
    const { addr, got } = await fakeSwitch(() => undefined, {
      hello: { type: 'hello', version: 1, xid: 1, elements: [] },
    });
    await expect(connectSwitch(addr, { requestTimeoutMs: 2000, echoIntervalMs: 0 })).rejects.toBeInstanceOf(
      OfNegotiationError,
    );
    for (let i = 0; i < 50 && !got.some((m) => m.type === 'error'); i++) await new Promise((r) => setTimeout(r, 10));
    const err = got.find((m) => m.type === 'error');
    expect(err && err.type === 'error' && [err.errType, err.code]).toEqual([0, 0]);
  });

  it('closes with OF_FRAME_BAD_LENGTH when the peer sends a header with length < 8', async () => {
    const { addr } = await fakeSwitch((m, send) => {
      if (m.type === 'barrierRequest') send(Buffer.from('0614000400000000', 'hex'));
    });
    const c = await open(addr);
    const closed = new Promise<Error | undefined>((r) => c.onClose(r));
    await expect(c.barrier()).rejects.toMatchObject({ code: 'OF_CONN_CLOSED' });
    expect(((await closed) as { code?: string }).code).toBe('OF_FRAME_BAD_LENGTH');
  });

  it('reports undecodable messages without dropping the channel', async () => {
    const { addr } = await fakeSwitch((m, send) => {
      if (m.type === 'barrierRequest') {
        send(Buffer.from('060c000c00000000aabbccdd', 'hex')); // port_status cut short
        send({ type: 'barrierReply', version: 6, xid: m.xid });
      }
    });
    const c = await open(addr);
    const errs: Error[] = [];
    const off = c.onDecodeError((e) => errs.push(e));
    await c.barrier();
    expect(errs.map((e) => (e as { code?: string }).code)).toEqual(['OF_MSG_BAD_LENGTH']);
    off(); // removed handlers are not called again
    await c.barrier();
    expect(errs).toHaveLength(1);
  });

  it('joins a multipart reply sent in three MORE parts', async () => {
    const port = (n: number) => ({
      portNo: n,
      hwAddr: new Uint8Array(6),
      name: `p${n}`,
      config: 0,
      state: 0,
      curr: 0,
      advertised: 0,
      supported: 0,
      peer: 0,
      currSpeed: 0,
      maxSpeed: 0,
    });
    const { addr } = await fakeSwitch((m, send) => {
      if (m.type !== 'multipartRequest') return;
      [[1, 2], [3], [4, 5]].forEach((ports, i, all) =>
        send({
          type: 'multipartReply',
          version: 6,
          xid: m.xid,
          flags: i < all.length - 1 ? 1 : 0,
          body: { kind: 'portDesc', ports: ports.map(port) },
        }),
      );
    });
    const c = await open(addr);
    const body = await c.multipart({ kind: 'portDesc' });
    expect(body.kind === 'portDesc' && body.ports.map((p) => p.portNo)).toEqual([1, 2, 3, 4, 5]);
  });

  it('close() rejects pending requests with OF_CONN_CLOSED and later sends throw', async () => {
    const { addr } = await fakeSwitch(() => undefined);
    const c = await open(addr);
    const p = c.barrier();
    c.close();
    await expect(p).rejects.toMatchObject({ code: 'OF_CONN_CLOSED' });
    expect(() => c.send({ type: 'barrierRequest' })).toThrow(expect.objectContaining({ code: 'OF_CONN_CLOSED' }));
  });
});
