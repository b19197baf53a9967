/**
 * Schema skew and bad input against real ovsdb-servers started from edited copies of the NB schema:
 * a server newer than the generated model (an extra table and column, a wider enum, a column of
 * another type) and an older one (a model column and table it lacks). What was skipped is logged
 * once; rows the model cannot hold are set aside with a reason, never put in the typed tables.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startOvsdbServer, SCHEMAS, type OvsdbServer } from '../../../../src/testing/index.js';
import { OvsdbClient, op, cond, byUuid } from '../../../../src/ovsdb/index.js';
import { ovnNorthboundModel } from '../../../../src/ovn-nb/generated/ovn-northbound.gen.js';
import { ReplicaCache } from '../../../../src/ovsdb/cache/index.js';
import type { Logger } from '../../../../src/jsonrpc/index.js';

const NB = 'OVN_Northbound';
const dir = mkdtempSync(join(tmpdir(), `cache-skew-${process.pid}-`));
const started: OvsdbServer[] = [];
const clients: OvsdbClient[] = [];

interface Logged {
  level: string;
  obj: Record<string, unknown>;
  msg: string | undefined;
}
function capture(): Logger & { lines: Logged[] } {
  const lines: Logged[] = [];
  const at = (level: string) => (obj: object, msg?: string) =>
    void lines.push({ level, obj: obj as Record<string, unknown>, msg });
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

function editedSchema(
  name: string,
  edit: (s: {
    tables: Record<string, { columns: Record<string, unknown>; isRoot?: boolean; indexes?: unknown }>;
  }) => void,
): string {
  const s = JSON.parse(readFileSync(SCHEMAS.nb, 'utf8'));
  edit(s);
  const p = join(dir, `${name}.ovsschema`);
  writeFileSync(p, JSON.stringify(s));
  return p;
}

async function serve(schema: string): Promise<OvsdbClient> {
  const s = await startOvsdbServer({ schema });
  started.push(s);
  const c = await OvsdbClient.connect(s.unix);
  clients.push(c);
  return c;
}

let newer: OvsdbClient;
let older: OvsdbClient;

beforeAll(async () => {
  newer = await serve(
    editedSchema('newer', (s) => {
      s.tables.Extra_Table = { columns: { name: { type: 'string' } }, isRoot: true };
      s.tables.Logical_Switch!.columns.new_col = { type: { key: 'string', min: 0, max: 1 } };
      s.tables.ACL!.columns.action = {
        type: {
          key: {
            type: 'string',
            enum: ['set', ['allow', 'allow-related', 'allow-stateless', 'drop', 'reject', 'pass']],
          },
        },
      };
      s.tables.NB_Global!.columns.nb_cfg = { type: 'string' };
    }),
  );
  older = await serve(
    editedSchema('older', (s) => {
      delete s.tables.Logical_Switch_Port!.columns.mirror_rules;
      delete s.tables.Static_MAC_Binding;
    }),
  );
});
afterAll(async () => {
  for (const c of clients) await c.close();
  for (const s of started) await s.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('server newer than the model', () => {
  test('extra table and column skipped and logged once; a wider enum and another type set rows aside with a reason', async () => {
    const log = capture();
    await newer.transact(NB, [
      op.insert('Extra_Table', { name: 'x' }),
      op.insert('Logical_Switch', { name: 'sw', new_col: 'v' }),
      op.insert('NB_Global', { nb_cfg: 'not-a-number' }),
    ]);
    const cache = await ReplicaCache.start(newer, NB, { model: ovnNorthboundModel, logger: log });
    expect(cache.tableNames()).not.toContain('Extra_Table');
    expect(cache.tableNames()).toContain('ACL');
    const sw = cache.table('Logical_Switch').all()[0]!;
    expect(sw.name).toBe('sw');
    expect('new_col' in sw).toBe(false);
    expect(cache.table('Logical_Switch').columns).not.toContain('new_col');
    // NB_Global.nb_cfg is a string on this server, an integer in the model.
    expect(cache.table('NB_Global').size).toBe(0);
    const [bad] = [...cache.rejected('NB_Global').values()];
    expect(bad!.row.nb_cfg).toBe('not-a-number');
    expect(bad!.reasons.join()).toMatch(/nb_cfg/);

    const events: string[] = [];
    const sub = cache.subscribe((ev) => void events.push(`${ev.type}:${ev.table}`), { tables: ['ACL'] });
    const [ins] = await newer.transact(NB, [
      op.insert('ACL', { action: 'pass', direction: 'to-lport', match: '1', priority: 1 }, 'acl'),
      op.mutate('Logical_Switch', [cond('name', '==', 'sw')], [['acls', 'insert', ['set', [['named-uuid', 'acl']]]]]),
    ]);
    const aclUuid = ins!.uuid[1];
    expect(cache.table('ACL').get(aclUuid)).toBeUndefined();
    expect(cache.rejected('ACL').get(aclUuid)!.reasons.join()).toMatch(/pass/);
    // the rest of the cache is untouched and the reference to the set-aside row is still there
    expect(cache.table('Logical_Switch').all()[0]!.acls).toEqual([aclUuid]);
    await newer.transact(NB, [op.update('ACL', [byUuid(aclUuid)], { action: 'drop' })]);
    expect(cache.table('ACL').get(aclUuid)!.action).toBe('drop');
    expect(cache.rejected('ACL').size).toBe(0);
    await newer.transact(NB, [op.update('ACL', [byUuid(aclUuid)], { action: 'pass', priority: 2 })]);
    expect(cache.table('ACL').get(aclUuid)).toBeUndefined();
    expect(cache.rejected('ACL').get(aclUuid)!.row.priority).toBe(2);
    await newer.transact(NB, [
      op.mutate('Logical_Switch', [cond('name', '==', 'sw')], [['acls', 'delete', ['set', [['uuid', aclUuid]]]]]),
    ]);
    expect(cache.rejected('ACL').size).toBe(0);
    await new Promise((r) => setTimeout(r, 10));
    expect(events).toEqual(['insert:ACL', 'delete:ACL']);

    // more traffic touching the skipped table and column logs nothing new about them
    await newer.transact(NB, [
      op.insert('Extra_Table', { name: 'y' }),
      op.update('Logical_Switch', [], { new_col: 'w' }),
    ]);
    const skipped = (what: string) => log.lines.filter((l) => l.msg?.includes(what));
    expect(skipped('server table not in the model').map((l) => l.obj.table)).toEqual(['Extra_Table']);
    expect(skipped('server column not in the model').map((l) => l.obj.column)).toEqual(['new_col']);
    expect(
      skipped('column type differs')
        .map((l) => l.obj.column)
        .sort(),
    ).toEqual(['action', 'nb_cfg']);
    expect(skipped('set aside').length).toBeGreaterThanOrEqual(2);
    sub.stop();
    await cache.close();
  });

  test('silent by default: no logger, no output, same behaviour', async () => {
    const cache = await ReplicaCache.start(newer, NB, { model: ovnNorthboundModel, tables: ['Logical_Switch'] });
    expect(cache.table('Logical_Switch').size).toBe(1);
    await cache.close();
  });
});

describe('server older than the model', () => {
  test('a model column the server lacks reads as its default; a model table it lacks is skipped; both logged once', async () => {
    const log = capture();
    await older.transact(NB, [
      op.insert('Logical_Switch', { name: 'old', ports: ['set', [['named-uuid', 'p']]] }),
      op.insert('Logical_Switch_Port', { name: 'p', addresses: 'a' }, 'p'),
    ]);
    const cache = await ReplicaCache.start(older, NB, { model: ovnNorthboundModel, logger: log });
    expect(cache.tableNames()).not.toContain('Static_MAC_Binding');
    const lsp = cache.table('Logical_Switch_Port').index('name').get('p')!;
    expect(lsp.mirror_rules).toEqual([]);
    expect(lsp.addresses).toEqual(['a']);
    await older.transact(NB, [
      op.update('Logical_Switch_Port', [cond('name', '==', 'p')], { addresses: ['set', ['b']] }),
    ]);
    expect(cache.table('Logical_Switch_Port').index('name').get('p')!.mirror_rules).toEqual([]);
    expect(cache.table('Logical_Switch_Port').index('name').get('p')!.addresses).toEqual(['b']);
    // a verified read leaves out what the server does not have
    const [w] = cache.verifyOps([
      { table: 'Logical_Switch_Port', row: cache.table('Logical_Switch_Port').index('name').get('p') },
    ]);
    expect(w!.columns).not.toContain('mirror_rules');
    const out = await cache.transact((r) => {
      r.verify('Logical_Switch_Port', cache.table('Logical_Switch_Port').index('name').get('p')!);
      return [op.update('Logical_Switch_Port', [cond('name', '==', 'p')], { type: 'router' })];
    });
    expect(out.attempts).toEqual([]);
    expect(log.lines.filter((l) => l.msg?.includes('model column not on the server')).map((l) => l.obj.column)).toEqual(
      ['mirror_rules'],
    );
    expect(log.lines.filter((l) => l.msg?.includes('model table not on the server')).map((l) => l.obj.table)).toEqual([
      'Static_MAC_Binding',
    ]);
    await cache.close();
  });
});
