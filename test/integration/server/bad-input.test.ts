/**
 * Bad input from clients, sent byte for byte to ovsdb-server and to the embedded server: each must
 * answer the same (after uuid normalisation) or drop the connection the same way, and the embedded
 * server must keep serving other clients. Then a short seeded fuzz of mangled messages.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { connect, type ByteStream } from '../../../src/transport/index.js';
import {
  startEmbeddedOvsdb,
  startOvsdbServer,
  xorshift32,
  type EmbeddedOvsdb,
  type OvsdbServer,
} from '../../../src/testing/index.js';
import { EmbeddedOvsdbServer } from '../../../src/server/index.js';
import { OvsdbClient } from '../../../src/ovsdb/index.js';

let real: OvsdbServer;
let emb: EmbeddedOvsdb;
beforeAll(async () => {
  [real, emb] = await Promise.all([startOvsdbServer({ schema: 'nb' }), startEmbeddedOvsdb({ schema: 'nb' })]);
});
afterAll(async () => {
  await Promise.all([real?.stop(), emb?.stop()]);
});

/** Sends `input`, then waits until the connection closes or `ms` pass; returns what came back. */
async function exchange(remote: string, input: string, ms = 400): Promise<{ text: string; closed: boolean }> {
  const s: ByteStream = await connect(remote);
  let text = '';
  let closed = false;
  s.onData((c) => (text += c.toString()));
  const done = new Promise<void>((res) => s.onClose(() => ((closed = true), res())));
  s.write(input);
  await Promise.race([done, new Promise((r) => setTimeout(r, ms))]);
  s.close();
  return { text: text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, 'UUID'), closed };
}

const CASES: [string, string][] = [
  ['malformed JSON', '{"id":1,"method":"echo","params":[}'],
  ['not an object', '[1,2,3]'],
  ['params null', '{"id":1,"method":"echo","params":null}'],
  ['params an object', '{"id":1,"method":"echo","params":{}}'],
  ['unknown member', '{"id":1,"method":"echo","params":[],"x":1}'],
  ['method not a string', '{"id":1,"method":5,"params":[]}'],
  ['request without params', '{"id":1,"method":"echo"}'],
  ['unknown method', '{"id":1,"method":"frobnicate","params":[]}'],
  ['unknown database', '{"id":1,"method":"transact","params":["Nope",{"op":"comment","comment":"x"}]}'],
  ['transact without db', '{"id":1,"method":"transact","params":[]}'],
  ['get_schema of unknown db', '{"id":1,"method":"get_schema","params":["Nope"]}'],
  ['monitor_cancel unknown', '{"id":1,"method":"monitor_cancel","params":["zz"]}'],
  ['monitor_cond bad params', '{"id":1,"method":"monitor_cond","params":["OVN_Northbound"]}'],
  ['lock bad name', '{"id":1,"method":"lock","params":["1bad"]}'],
  ['unlock without lock', '{"id":1,"method":"unlock","params":["l"]}'],
  ['set_db_change_aware bad', '{"id":1,"method":"set_db_change_aware","params":["yes"]}'],
  [
    'notification of unknown method',
    '{"id":null,"method":"frob","params":[]}{"id":2,"method":"echo","params":["after"]}',
  ],
  ['reply to nothing', '{"id":77,"result":[],"error":null}{"id":2,"method":"echo","params":["after"]}'],
  [
    'duplicate transact id while blocked',
    '{"id":5,"method":"transact","params":["OVN_Northbound",{"op":"wait","table":"NB_Global","where":[],"until":"!=","rows":[],"timeout":1000}]}{"id":5,"method":"transact","params":["OVN_Northbound"]}',
  ],
  ['list_dbs with junk params', '{"id":1,"method":"list_dbs","params":[1,2]}'],
  // lib/json.c's maximum nesting depth, 1000: the outer object plus 998 arrays parse, one more does not.
  ['nesting 999 deep', `{"id":1,"method":"echo","params":${'['.repeat(998)}${']'.repeat(998)}}`],
  ['nesting 1001 deep', `{"id":1,"method":"echo","params":${'['.repeat(1000)}${']'.repeat(1000)}}`],
  ['nesting 100,000 deep', `{"id":1,"method":"echo","params":${'['.repeat(100_000)}${']'.repeat(100_000)}}`],
  ['echo with nested params', '{"id":"x","method":"echo","params":[{"a":[1,{"b":null}]},"é"]}'],
];

describe('bad input: the embedded server answers or disconnects as ovsdb-server does', () => {
  for (const [name, input] of CASES) {
    test(name, async () => {
      const [a, b] = await Promise.all([exchange(real.unix, input), exchange(emb.unix, input)]);
      const parse = (t: string) => (t ? t.split(/(?<=\})(?=\{)/).map((m) => JSON.parse(m) as unknown) : []);
      expect(b.closed).toBe(a.closed);
      expect(parse(b.text)).toEqual(parse(a.text));
    });
  }
});

test('a message over maxMessageBytes ends that connection only', async () => {
  const server = new EmbeddedOvsdbServer({ schemas: ['/usr/share/ovn/ovn-nb.ovsschema'], maxMessageBytes: 1024 });
  try {
    const big = `{"id":1,"method":"echo","params":["${'x'.repeat(5000)}"]}`;
    const s = await server.connectInMemory();
    let closed = false;
    s.onClose(() => (closed = true));
    s.write(big);
    await new Promise((r) => setTimeout(r, 50));
    expect(closed).toBe(true);
    const c = await OvsdbClient.connect('unix:embedded', { openStream: () => server.connectInMemory() });
    expect(await c.listDbs()).toContain('OVN_Northbound');
    await c.close();
  } finally {
    await server.stop();
  }
});

test('fuzz: 20,000 mangled messages never crash the server; it keeps answering', async () => {
  const server = new EmbeddedOvsdbServer({ schemas: ['/usr/share/ovn/ovn-nb.ovsschema'] });
  const seeds = [
    '{"id":1,"method":"transact","params":["OVN_Northbound",{"op":"insert","table":"Logical_Switch","row":{"name":"a","ports":["set",[]]}}]}',
    '{"id":2,"method":"monitor_cond","params":["OVN_Northbound",null,{"Logical_Switch":[{"columns":["name"],"where":[["name","==","a"]]}]}]}',
    '{"id":3,"method":"transact","params":["OVN_Northbound",{"op":"mutate","table":"Logical_Switch","where":[],"mutations":[["external_ids","insert",["map",[["k","v"]]]]]}]}',
    '{"id":4,"method":"lock","params":["l"]}',
  ];
  const next = xorshift32(1234);
  const alphabet = '{}[]",:0123456789-.eE truefalsnul\\"';
  try {
    let sent = 0;
    while (sent < 20_000) {
      const s = await server.connectInMemory();
      for (let i = 0; i < 200; i++, sent++) {
        const chars = [...seeds[next() % seeds.length]!];
        const edits = 1 + (next() % 4);
        for (let e = 0; e < edits; e++) {
          const p = next() % chars.length;
          const k = next() % 3;
          if (k === 0) chars[p] = alphabet[next() % alphabet.length]!;
          else if (k === 1) chars.splice(p, 1);
          else chars.splice(p, 0, alphabet[next() % alphabet.length]!);
        }
        s.write(chars.join(''));
      }
      await new Promise((r) => setTimeout(r, 0));
      s.close();
    }
    const c = await OvsdbClient.connect('unix:embedded', { openStream: () => server.connectInMemory() });
    expect(await c.listDbs()).toContain('OVN_Northbound');
    await c.close();
  } finally {
    await server.stop();
  }
}, 60_000);
