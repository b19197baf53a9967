/** The write-queue limit, pause/resume, and the warning for unencrypted listeners on other hosts' reach. */
import { expect, test } from 'vitest';
import { connect, isLoopback, listen, type ByteStream } from '../../../src/transport/index.js';

test('a peer that does not read is dropped with TRANSPORT_WRITE_QUEUE_FULL once the queue passes the limit', async () => {
  let server: ByteStream | undefined;
  const l = await listen('ptcp:0:127.0.0.1', (s) => {
    server = s;
    s.pause!(); // never reads
  });
  const c = await connect(l.address, { maxWriteQueueBytes: 256 * 1024 });
  let isClosed = false;
  const closed = new Promise<Error | undefined>((resolve) =>
    c.onClose((e) => {
      isClosed = true;
      resolve(e);
    }),
  );
  const chunk = Buffer.alloc(64 * 1024, 0x61);
  let writes = 0;
  // Kernel buffers take a few MB first; then the queue grows in user space until the limit.
  while (!isClosed && writes < 10_000) {
    writes++;
    c.write(chunk);
    if (writes % 16 === 0) await new Promise((r) => setImmediate(r));
  }
  const err = await closed;
  expect(err).toMatchObject({ code: 'TRANSPORT_WRITE_QUEUE_FULL', limit: 256 * 1024 });
  expect(err!.message).toMatch(new RegExp(`^${l.address}: the peer is not reading`));
  expect(writes).toBeLessThan(10_000);
  server?.close();
  await l.close();
});

test('one write larger than the limit still goes out on an empty queue', async () => {
  const got: Buffer[] = [];
  let done!: () => void;
  const all = new Promise<void>((r) => (done = r));
  const l = await listen('ptcp:0:127.0.0.1', (s) => {
    s.onData((b) => {
      got.push(b);
      if (got.reduce((n, x) => n + x.length, 0) === 1024 * 1024) done();
    });
  });
  const c = await connect(l.address, { maxWriteQueueBytes: 1024 });
  c.write(Buffer.alloc(1024 * 1024, 0x62));
  await all;
  c.close();
  await l.close();
});

test('pause() holds received data until resume()', async () => {
  let server!: ByteStream;
  const accepted = new Promise<void>(
    (r) =>
      void listen('ptcp:0:127.0.0.1', (s) => {
        server = s;
        r();
      }).then(async (l) => {
        listener = l;
      }),
  );
  let listener: { address: string; close(): Promise<void> } | undefined;
  while (!listener) await new Promise((r) => setImmediate(r));
  const c = await connect(listener.address);
  await accepted;
  const got: string[] = [];
  server.pause!();
  server.onData((b) => got.push(b.toString()));
  c.write('abc');
  // A round trip the other way shows the bytes had time to arrive.
  const back = new Promise<void>((r) => c.onData(() => r()));
  server.write('x');
  await back;
  await new Promise((r) => setTimeout(r, 50));
  expect(got).toEqual([]);
  const arrived = new Promise<void>((r) => server.onData(() => r()));
  server.resume!();
  await arrived;
  expect(got.join('')).toBe('abc');
  c.close();
  await listener.close();
});

test('an unencrypted listener on a non-loopback address warns once; loopback and silent loggers do not', async () => {
  const warnings: unknown[][] = [];
  const logger = { warn: (...a: unknown[]) => void warnings.push(a) };
  const all = await listen('ptcp:0', () => undefined, { logger });
  const lo = await listen('ptcp:0:127.0.0.1', () => undefined, { logger });
  const silent = await listen('ptcp:0:0.0.0.0', () => undefined);
  expect(warnings.length).toBe(1);
  expect(String(warnings[0]![1])).toMatch(/unencrypted listener ptcp:0 accepts connections from other hosts/);
  await Promise.all([all.close(), lo.close(), silent.close()]);
  expect(['127.0.0.1', '127.3.2.1', '::1', '::ffff:127.0.0.1'].every(isLoopback)).toBe(true);
  expect(['0.0.0.0', '::', '10.0.0.1', '128.0.0.1'].some(isLoopback)).toBe(false);
});
