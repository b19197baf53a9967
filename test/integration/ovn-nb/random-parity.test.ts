/**
 * Random command sequences, applied to one NB with ovn-nbctl (`--may-exist` / `--if-exists`) and to
 * another with the builders (one transaction per command, on a fresh snapshot): both refuse the same
 * commands, and the databases stay equal (`ovn-nbctl list`, UUIDs normalized). Bounded: 3 sequences of
 * up to 6 commands.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { OvsdbClient } from '../../../src/ovsdb/index.js';
import { startOvsdbServer, type OvsdbServer } from '../../../src/testing/index.js';
import {
  NB_DATABASE,
  NbTxn,
  aclAdd,
  lrAdd,
  lrNatAdd,
  lrRouteAdd,
  lsAdd,
  lsDel,
  lspAdd,
  lspDel,
  readNbSnapshot,
} from '../../../src/ovn-nb/index.js';
import { list, nbctl } from './normalize.js';

const TABLES = ['Logical_Switch', 'Logical_Switch_Port', 'Logical_Router', 'Logical_Router_Static_Route', 'NAT', 'ACL'];

type Cmd =
  | { k: 'ls-add'; s: number }
  | { k: 'ls-del'; s: number }
  | { k: 'lsp-add'; s: number; p: number; ip: number }
  | { k: 'lsp-del'; p: number }
  | { k: 'route'; n: number }
  | { k: 'nat'; n: number }
  | { k: 'acl'; s: number; prio: number; action: 'allow' | 'drop' };

const cmdArb: fc.Arbitrary<Cmd> = fc.oneof(
  fc.record({ k: fc.constant('ls-add' as const), s: fc.integer({ min: 0, max: 1 }) }),
  fc.record({ k: fc.constant('ls-del' as const), s: fc.integer({ min: 0, max: 1 }) }),
  fc.record({
    k: fc.constant('lsp-add' as const),
    s: fc.integer({ min: 0, max: 1 }),
    p: fc.integer({ min: 0, max: 3 }),
    ip: fc.integer({ min: 2, max: 250 }),
  }),
  fc.record({ k: fc.constant('lsp-del' as const), p: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ k: fc.constant('route' as const), n: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ k: fc.constant('nat' as const), n: fc.integer({ min: 0, max: 3 }) }),
  fc.record({
    k: fc.constant('acl' as const),
    s: fc.integer({ min: 0, max: 1 }),
    prio: fc.integer({ min: 1000, max: 1002 }),
    action: fc.constantFrom('allow' as const, 'drop' as const),
  }),
);

const mac = (ip: number): string => `00:00:00:00:01:${ip.toString(16).padStart(2, '0')}`;

/** The same command for ovn-nbctl. (Route nexthops and NAT external IPs follow from the prefix / logical IP, so ovn-nbctl's own identity rules and the builders' agree.) */
function nbctlArgs(c: Cmd): string[] {
  switch (c.k) {
    case 'ls-add':
      return ['--may-exist', 'ls-add', `s${c.s}`];
    case 'ls-del':
      return ['--if-exists', 'ls-del', `s${c.s}`];
    case 'lsp-add':
      return [
        '--may-exist',
        'lsp-add',
        `s${c.s}`,
        `p${c.p}`,
        '--',
        'lsp-set-addresses',
        `p${c.p}`,
        `${mac(c.ip)} 10.0.0.${c.ip}`,
      ];
    case 'lsp-del':
      return ['--if-exists', 'lsp-del', `p${c.p}`];
    case 'route':
      return ['--may-exist', 'lr-route-add', 'r0', `10.${c.n}.0.0/16`, `172.16.0.${c.n + 1}`];
    case 'nat':
      return ['--may-exist', 'lr-nat-add', 'r0', 'snat', `172.16.1.${c.n + 1}`, `10.${c.n}.0.0/16`];
    case 'acl':
      return [
        '--may-exist',
        'acl-add',
        `s${c.s}`,
        'to-lport',
        String(c.prio),
        `ip4.dst == 10.0.0.${c.prio - 999}`,
        c.action,
      ];
  }
}

function build(tx: NbTxn, c: Cmd): void {
  switch (c.k) {
    case 'ls-add':
      return void lsAdd(tx, { name: `s${c.s}` });
    case 'ls-del':
      return void lsDel(tx, `s${c.s}`);
    case 'lsp-add':
      return void lspAdd(tx, { switch: `s${c.s}`, name: `p${c.p}`, addresses: [`${mac(c.ip)} 10.0.0.${c.ip}`] });
    case 'lsp-del':
      return void lspDel(tx, `p${c.p}`);
    case 'route':
      return void lrRouteAdd(tx, { router: 'r0', prefix: `10.${c.n}.0.0/16`, nexthop: `172.16.0.${c.n + 1}` });
    case 'nat':
      return void lrNatAdd(tx, {
        router: 'r0',
        type: 'snat',
        externalIp: `172.16.1.${c.n + 1}`,
        logicalIp: `10.${c.n}.0.0/16`,
      });
    case 'acl':
      return void aclAdd(tx, {
        on: { switch: `s${c.s}` },
        direction: 'to-lport',
        priority: c.prio,
        match: `ip4.dst == 10.0.0.${c.prio - 999}`,
        action: c.action,
      });
  }
}

let a: OvsdbServer;
let b: OvsdbServer;
let client: OvsdbClient;
beforeAll(async () => {
  a = await startOvsdbServer({ schema: 'nb' });
  b = await startOvsdbServer({ schema: 'nb' });
  client = await OvsdbClient.connect(b.unix);
  await nbctl(a, 'lr-add', 'r0');
  const tx = new NbTxn(await readNbSnapshot(client));
  lrAdd(tx, { name: 'r0' });
  await client.transact(NB_DATABASE, tx.operations());
});
afterAll(async () => {
  await client?.close();
  await a?.stop();
  await b?.stop();
});

test('random ovn-nbctl command sequences and the builders agree on refusals and on the resulting database', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(cmdArb, { minLength: 1, maxLength: 6 }), async (cmds) => {
      for (const c of cmds) {
        const viaNbctl = await nbctl(a, ...nbctlArgs(c)).then(
          () => 'ok',
          () => 'refused',
        );
        let viaBuilders = 'ok';
        try {
          const tx = new NbTxn(await readNbSnapshot(client));
          build(tx, c);
          if (tx.size) await client.transact(NB_DATABASE, tx.operations());
        } catch {
          viaBuilders = 'refused';
        }
        expect(viaBuilders, JSON.stringify(c)).toBe(viaNbctl);
      }
      const [la, lb] = [await list(a, TABLES), await list(b, TABLES)];
      for (const t of TABLES) expect(lb[t], `${t} after ${JSON.stringify(cmds)}`).toEqual(la[t]);
    }),
    { numRuns: 3, seed: 7 },
  );
});
