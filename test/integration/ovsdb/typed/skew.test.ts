import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adaptOperations,
  compareSchemas,
  describeSkew,
  sharedColumns,
  transaction,
  type Transaction,
} from '../../../../src/ovsdb/typed/index.js';
import { parseSchema, type DatabaseSchema } from '../../../../src/ovsdb/schema.js';
import { readSchemaFile } from '../../../../src/codegen/index.js';
import {
  ovnNorthboundModel,
  ovnNorthboundSchema,
  type OVNNorthboundTables,
} from '../../../../src/ovn-nb/generated/ovn-northbound.gen.js';
import { ovnSouthboundSchema } from '../../../../src/ovn-sb/generated/ovn-southbound.gen.js';
import { openVSwitchSchema } from '../../../../src/vswitch/generated/open-vswitch.gen.js';
import { serverSchema } from '../../../../src/ovsdb/generated/server.gen.js';
import { SCHEMAS, startServer, type TestServer } from './servers.js';

/** The NB schema as raw JSON, edited to play an older or newer server. */
function nbVariant(
  edit: (raw: { version: string; tables: Record<string, { columns: Record<string, unknown> }> }) => void,
): DatabaseSchema {
  const raw = structuredClone(readSchemaFile(SCHEMAS.OVN_Northbound)) as {
    version: string;
    tables: Record<string, { columns: Record<string, unknown> }>;
  };
  edit(raw);
  return parseSchema(raw);
}

describe('schema skew against real servers', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.stop());
  it('the generated models match what ovsdb-server reports', async () => {
    for (const s of [ovnNorthboundSchema, ovnSouthboundSchema, openVSwitchSchema, serverSchema]) {
      const skew = compareSchemas(s, parseSchema(await server.getSchema(s.name)));
      expect(skew, describeSkew(skew).join('\n')).toMatchObject({ identical: true, compatible: true });
    }
  });
});

describe('compareSchemas', () => {
  it('reports a newer server: extra tables and columns, widened enums', () => {
    const newer = nbVariant((raw) => {
      raw.version = '7.1.0';
      raw.tables.Future_Table = { columns: { x: { type: 'string' } } };
      raw.tables.Logical_Switch!.columns.future_col = { type: { key: 'string', min: 0, max: 1 } };
      (raw.tables.ACL!.columns.action as { type: { key: { enum: unknown } } }).type.key.enum = [
        'set',
        ['allow', 'allow-related', 'allow-stateless', 'drop', 'reject', 'pass'],
      ];
    });
    const skew = compareSchemas(ovnNorthboundSchema, newer);
    expect(skew).toMatchObject({
      database: 'OVN_Northbound',
      modelVersion: '7.0.0',
      serverVersion: '7.1.0',
      extraTables: ['Future_Table'],
      missingTables: [],
      extraColumns: [{ table: 'Logical_Switch', column: 'future_col' }],
      missingColumns: [],
      identical: false,
      compatible: true,
    });
    expect(skew.changedColumns).toEqual([
      { table: 'ACL', column: 'action', compatible: true, reason: expect.stringContaining('key constraints') },
    ]);
    expect(describeSkew(skew)).toEqual([
      'OVN_Northbound: model 7.0.0, server 7.1.0: server table Future_Table is not in the model; ignored',
      'OVN_Northbound: model 7.0.0, server 7.1.0: server column Logical_Switch.future_col is not in the model; skipped when reading',
      expect.stringContaining('column ACL.action differs'),
    ]);
  });

  it('reports an older server: missing tables and columns, incompatible changes', () => {
    const older = nbVariant((raw) => {
      delete raw.tables.Static_MAC_Binding;
      delete raw.tables.Logical_Switch!.columns.copp; // optional
      delete raw.tables.ACL!.columns.priority; // required atom
      raw.tables.Logical_Switch!.columns.name = { type: 'integer' };
      // Keep the schema valid: nothing else references the removed table.
    });
    const skew = compareSchemas(ovnNorthboundSchema, older);
    expect(skew.missingTables).toEqual(['Static_MAC_Binding']);
    expect(skew.missingColumns).toEqual([
      { table: 'ACL', column: 'priority', optional: false },
      { table: 'Logical_Switch', column: 'copp', optional: true },
    ]);
    expect(skew.changedColumns).toEqual([
      { table: 'Logical_Switch', column: 'name', compatible: false, reason: 'key type string → integer' },
    ]);
    expect(skew.compatible).toBe(false);
    expect(describeSkew(skew)).toHaveLength(4);
  });
});

describe('adaptOperations and sharedColumns', () => {
  const older = nbVariant((raw) => {
    delete raw.tables.Logical_Switch!.columns.copp;
    delete raw.tables.Logical_Switch!.columns.other_config;
    delete raw.tables.ACL!.columns.priority;
    delete raw.tables.Static_MAC_Binding;
  });
  const skew = compareSchemas(ovnNorthboundSchema, older);

  it('drops optional columns the server lacks from writes and column lists, once each', () => {
    const tx = transaction(ovnNorthboundModel);
    tx.insert('Logical_Switch', { name: 'a', other_config: { k: 'v' } });
    tx.update('Logical_Switch', [['name', '==', 'a']], { other_config: {}, name: 'b' });
    tx.select('Logical_Switch', [], ['name', 'other_config']);
    tx.wait('Logical_Switch', [], ['name', 'other_config'], '==', [{ name: 'b', other_config: {} }], 0);
    tx.insert('Logical_Router', { name: 'r' });
    const ops = tx.operations();
    const { operations, dropped } = adaptOperations(skew, ops);
    expect(dropped).toEqual([{ table: 'Logical_Switch', column: 'other_config' }]);
    expect(operations[0]).toMatchObject({ row: { name: 'a' } });
    expect(operations[0]).not.toHaveProperty('row.other_config');
    expect(operations[1]).toEqual({
      op: 'update',
      table: 'Logical_Switch',
      where: [['name', '==', 'a']],
      row: { name: 'b' },
    });
    expect(operations[2]).toMatchObject({ columns: ['name'] });
    expect(operations[3]).toMatchObject({ columns: ['name'], rows: [{ name: 'b' }] });
    expect(operations[4]).toBe(ops[4]);
    // The input is not modified.
    expect(ops[0]).toHaveProperty('row.other_config');
  });

  it('refuses what cannot be sent', () => {
    const refuse = (build: (tx: Transaction<OVNNorthboundTables>) => void, expected: object) => {
      const tx = transaction(ovnNorthboundModel);
      build(tx);
      expect(() => adaptOperations(skew, tx.operations())).toThrow(
        expect.objectContaining({ code: 'OVSDB_SCHEMA_SKEW', ...expected }),
      );
    };
    refuse((tx) => tx.insert('Static_MAC_Binding', { ip: '1.1.1.1', logical_port: 'p', mac: '00:00:00:00:00:01' }), {
      table: 'Static_MAC_Binding',
      column: undefined,
    });
    refuse((tx) => tx.insert('ACL', { action: 'drop', direction: 'to-lport', priority: 5 }), {
      table: 'ACL',
      column: 'priority',
    });
    refuse((tx) => tx.select('Logical_Switch', [['other_config', 'includes', { k: 'v' }]]), { column: 'other_config' });
    refuse((tx) => tx.mutate('Logical_Switch', [], [['other_config', 'insert', { k: 'v' }]]), {
      column: 'other_config',
    });
  });

  it('lists the columns to monitor', () => {
    expect(sharedColumns(ovnNorthboundSchema, skew, 'Logical_Switch')).toEqual(
      Object.keys(ovnNorthboundSchema.tables.Logical_Switch.columns)
        .filter((c) => c !== 'copp' && c !== 'other_config')
        .sort(),
    );
    expect(sharedColumns(ovnNorthboundSchema, skew, 'Static_MAC_Binding')).toEqual([]);
    expect(adaptOperations(compareSchemas(ovnNorthboundSchema, ovnNorthboundSchema), []).dropped).toEqual([]);
  });
});
