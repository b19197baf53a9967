/** Each transaction error ovsdb-server returns, provoked on a real server, surfaces as its typed error. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startOvsdb, type OvsdbServer, type EmbeddedOvsdb } from '../../../src/testing/index.js';
import {
  OvsdbClient,
  OvsdbTransactionError,
  op,
  cond,
  mutation,
  namedUuid,
  type Operation,
} from '../../../src/ovsdb/index.js';

const NB = 'OVN_Northbound';
// Backend: ovsdb-server, or the embedded server with OVN_SDK_BACKEND=embedded.
let server: OvsdbServer | EmbeddedOvsdb;
let client: OvsdbClient;

beforeAll(async () => {
  server = await startOvsdb({ schema: 'nb' });
  client = await OvsdbClient.connect(server.tcp);
  await client.transact(NB, [op.insert('NB_Global', {})]);
});
afterAll(async () => {
  await client?.close();
  await server?.stop();
});

async function failure(ops: readonly Operation[], validate = true): Promise<OvsdbTransactionError> {
  try {
    await client.transact(NB, ops, { validate });
  } catch (e) {
    expect(e).toBeInstanceOf(OvsdbTransactionError);
    return e as OvsdbTransactionError;
  }
  throw new Error('transaction unexpectedly succeeded');
}

describe('transaction errors from the real server', () => {
  test('constraint violation: duplicate value in a schema index', async () => {
    const ops = [op.insert('Address_Set', { name: 'dup' }), op.insert('Address_Set', { name: 'dup' })];
    const e = await failure(ops);
    expect(e.code).toBe('OVSDB_CONSTRAINT_VIOLATION');
    expect(e.error).toBe('constraint violation');
    // The commit-time error follows the last operation's result.
    expect(e.opIndex).toBe(2);
    expect(e.operation).toBeUndefined();
    expect(e.details).toMatch(/dup/);
  });

  test('constraint violation: maxRows of NB_Global', async () => {
    const e = await failure([op.insert('NB_Global', {})]);
    expect(e.code).toBe('OVSDB_CONSTRAINT_VIOLATION');
  });

  test('referential integrity violation: a strong reference to a missing row', async () => {
    const e = await failure([
      op.insert('Logical_Switch', { name: 'ri', ports: ['set', [['uuid', '11111111-2222-4333-8444-555555555555']]] }),
    ]);
    expect(e.code).toBe('OVSDB_REFERENTIAL_INTEGRITY_VIOLATION');
  });

  test('duplicate uuid-name (the client refuses it first; sent anyway, the server does too)', async () => {
    const ops = [op.insert('Address_Set', { name: 'u1' }, 'x'), op.insert('Address_Set', { name: 'u2' }, 'x')];
    await expect(client.transact(NB, ops)).rejects.toMatchObject({ code: 'OVSDB_NAMED_UUID_DUPLICATE' });
    const e = await failure(ops, false);
    expect(e.code).toBe('OVSDB_DUPLICATE_UUID_NAME');
    expect(e.opIndex).toBe(1);
    expect(e.operation).toMatchObject({ op: 'insert', table: 'Address_Set' });
  });

  test('domain error: integer division by zero (left to the server, which fails it when a row matches)', async () => {
    const ops = [op.mutate('NB_Global', [], [mutation('nb_cfg', '/=', 0)])];
    await expect(client.transact(NB, ops)).rejects.toMatchObject({ code: 'OVSDB_DOMAIN_ERROR' });
    const e = await failure(ops, false);
    expect(e.code).toBe('OVSDB_DOMAIN_ERROR');
    expect(e.opIndex).toBe(0);
  });

  test('range error: integer overflow', async () => {
    await client.transact(NB, [op.update('NB_Global', [], { nb_cfg: 9007199254740991 })]);
    const e = await failure([op.mutate('NB_Global', [], [mutation('nb_cfg', '*=', 9007199254740991)])]);
    expect(e.code).toBe('OVSDB_RANGE_ERROR');
    await client.transact(NB, [op.update('NB_Global', [], { nb_cfg: 0 })]);
  });

  test('constraint violation: a mutation that leaves a value out of its range', async () => {
    await client.transact(NB, [
      op.insert('Logical_Switch', { name: 'rng', acls: ['set', [namedUuid('acl')]] }),
      op.insert('ACL', { priority: 32000, direction: 'to-lport', match: '1', action: 'allow' }, 'acl'),
    ]);
    const e = await failure([op.mutate('ACL', [cond('priority', '==', 32000)], [mutation('priority', '+=', 1000)])]);
    expect(e.code).toBe('OVSDB_CONSTRAINT_VIOLATION');
    await client.transact(NB, [op.delete('Logical_Switch', [cond('name', '==', 'rng')])]);
  });

  test('timed out: a wait whose condition does not hold', async () => {
    const e = await failure([
      op.wait('Address_Set', [cond('name', '==', 'never')], ['name'], '==', [{ name: 'never' }], 0),
    ]);
    expect(e.code).toBe('OVSDB_TIMED_OUT');
    expect(e.operation?.op).toBe('wait');
  });

  test('aborted: the abort operation', async () => {
    const e = await failure([op.comment('then abort'), op.abort()]);
    expect(e.code).toBe('OVSDB_ABORTED');
    expect(e.opIndex).toBe(1);
  });

  test('not owner: assert on a lock not held', async () => {
    const e = await failure([op.assert('mylock')]);
    expect(e.code).toBe('OVSDB_NOT_OWNER');
  });

  test('syntax error / unknown column when validation is bypassed', async () => {
    const e1 = await failure([{ op: 'frobnicate' } as unknown as Operation], false);
    expect(e1.code).toMatch(/^OVSDB_/);
    expect(e1.error.length).toBeGreaterThan(0);
    const e2 = await failure([op.select('Address_Set', [], ['no_such_column'])], false);
    expect(['OVSDB_UNKNOWN_COLUMN', 'OVSDB_SYNTAX_ERROR']).toContain(e2.code);
  });

  test('nothing half-written: a failing transaction leaves no row behind', async () => {
    await failure(
      [
        op.insert('Address_Set', { name: 'half' }),
        op.insert('Address_Set', { name: 'half2' }, 'y'),
        op.insert('Address_Set', { name: 'half3' }, 'y'),
      ],
      false,
    );
    const [r] = await client.transact(NB, [op.select('Address_Set', [], ['name'])]);
    expect(r.rows.filter((x) => String(x.name).startsWith('half'))).toEqual([]);
  });
});

describe('invalid arguments are refused before anything is sent', () => {
  test('values that do not fit the column', async () => {
    const cases: [Operation, string][] = [
      [
        op.insert('ACL', { priority: 40000, direction: 'to-lport', match: '1', action: 'allow' }),
        'OVSDB_INVALID_VALUE',
      ],
      [op.insert('ACL', { priority: 1, direction: 'sideways', match: '1', action: 'allow' }), 'OVSDB_INVALID_VALUE'],
      [op.insert('Logical_Switch_Port', { name: 42 as unknown as string }), 'OVSDB_INVALID_VALUE'],
      [op.insert('Logical_Switch', { name: 'x', nope: 1 }), 'OVSDB_UNKNOWN_COLUMN'],
      [op.insert('No_Table', {}), 'OVSDB_UNKNOWN_TABLE'],
      [op.mutate('Logical_Switch', [], [mutation('name', 'insert', 'x')]), 'OVSDB_MUTATOR_NOT_ALLOWED'],
      [op.mutate('Logical_Switch', [], [mutation('ports', '+=', 1)]), 'OVSDB_MUTATOR_NOT_ALLOWED'],
      [op.select('Logical_Switch', [cond('name', '<', 'a')]), 'OVSDB_CONDITION_NOT_ALLOWED'],
      [op.insert('Logical_Switch', { name: 'bad\u0000nul' }), 'OVSDB_INVALID_VALUE'],
      [op.insert('Logical_Switch', { ports: ['set', [namedUuid('nowhere')]] }), 'OVSDB_NAMED_UUID_UNDEFINED'],
      [op.insert('Logical_Switch', { external_ids: ['map', [['k', 1]]] }), 'OVSDB_INVALID_VALUE'],
      [op.insert('Logical_Switch', { ports: ['set', [['uuid', 'not-a-uuid']]] }), 'OVSDB_INVALID_VALUE'],
    ];
    const before = (await client.transact(NB, [op.select('Logical_Switch', [])]))[0].rows.length;
    for (const [o, code] of cases) {
      await expect(client.transact(NB, [o]), JSON.stringify(o)).rejects.toMatchObject({ code });
    }
    expect((await client.transact(NB, [op.select('Logical_Switch', [])]))[0].rows.length).toBe(before);
  });

  test('a bad remote string', async () => {
    for (const r of ['', 'tcp:', 'tcp:host', 'tcp:1.2.3.4:99999', 'udp:1.2.3.4:1', 'tcp:::1:6641', 'unix:']) {
      await expect(OvsdbClient.connect(r), r).rejects.toMatchObject({ code: 'TRANSPORT_BAD_REMOTE' });
    }
  });

  test('a transaction on a closed client fails at once', async () => {
    const c = await OvsdbClient.connect(server.unix);
    await c.close();
    await expect(c.transact(NB, [op.select('NB_Global', [])])).rejects.toMatchObject({ code: 'OVSDB_CLIENT_CLOSED' });
  });
});
