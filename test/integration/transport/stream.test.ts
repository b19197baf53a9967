/** Byte streams over real sockets: what is written just before close() still arrives. */
import { expect, test } from 'vitest';
import { connect, listen, type ByteStream } from '../../../src/transport/index.js';

test('writes of the same tick are sent before close()', async () => {
  let server: ByteStream | undefined;
  const received: Buffer[] = [];
  const ended = new Promise<void>((resolve) => {
    void listen('ptcp:0:127.0.0.1', (s) => {
      server = s;
      s.onData((c) => received.push(c));
      s.onClose(() => resolve());
    }).then(async (l) => {
      const c = await connect(l.address);
      for (let i = 0; i < 100; i++) c.write(`{"n":${i}}`);
      c.close();
      await ended;
      await l.close();
    });
  });
  await ended;
  expect(server).toBeDefined();
  const text = Buffer.concat(received).toString();
  expect(text.startsWith('{"n":0}')).toBe(true);
  expect(text.endsWith('{"n":99}')).toBe(true);
});
