import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseSchema, OvsdbSchemaError, columnKind } from '../../../src/ovsdb/index.js';

const real = {
  nb: '/usr/share/ovn/ovn-nb.ovsschema',
  sb: '/usr/share/ovn/ovn-sb.ovsschema',
  vswitch: '/usr/share/openvswitch/vswitch.ovsschema',
};

describe('parseSchema on the installed OVN / OVS schemas', () => {
  test.each(Object.entries(real))('%s', (_n, path) => {
    const raw = JSON.parse(readFileSync(path, 'utf8'));
    const s = parseSchema(raw);
    expect(s.name).toBe(raw.name);
    expect(s.version).toBe(raw.version);
    expect(Object.keys(s.tables).sort()).toEqual(Object.keys(raw.tables).sort());
    for (const [tn, t] of Object.entries(raw.tables) as [
      string,
      { columns: Record<string, unknown>; isRoot?: boolean; indexes?: string[][]; maxRows?: number },
    ][]) {
      expect(Object.keys(s.tables[tn]!.columns).sort()).toEqual(Object.keys(t.columns).sort());
      expect(s.tables[tn]!.isRoot).toBe(t.isRoot === true);
      expect(s.tables[tn]!.indexes).toEqual(t.indexes ?? []);
      expect(s.tables[tn]!.maxRows).toBe(t.maxRows);
    }
  });

  test('constraints from the NB schema', () => {
    const s = parseSchema(JSON.parse(readFileSync(real.nb, 'utf8')));
    const lsp = s.tables.Logical_Switch_Port!;
    expect(lsp.columns.tag_request!.type).toEqual({
      key: { type: 'integer', minInteger: 0, maxInteger: 4095 },
      min: 0,
      max: 1,
    });
    expect(columnKind(lsp.columns.tag_request!.type)).toBe('optional');
    expect(columnKind(lsp.columns.addresses!.type)).toBe('set');
    expect(columnKind(lsp.columns.options!.type)).toBe('map');
    expect(columnKind(lsp.columns.name!.type)).toBe('atom');
    expect(s.tables.NB_Global!.maxRows).toBe(1);
    const nat = s.tables.NAT!.columns.type!.type.key;
    expect([...nat.enum!].sort()).toEqual(['dnat', 'dnat_and_snat', 'snat']);
    const ls = s.tables.Logical_Switch!.columns.load_balancer!.type.key;
    expect(ls).toMatchObject({ refTable: 'Load_Balancer', refType: 'weak' });
  });

  test('ephemeral and mutable flags', () => {
    const s = parseSchema({
      name: 'T',
      version: '1.2.3',
      tables: {
        A: {
          columns: {
            e: { type: 'integer', ephemeral: true },
            im: { type: 'string', mutable: false },
            d: { type: 'real' },
          },
        },
      },
    });
    expect(s.tables.A!.columns.e!.ephemeral).toBe(true);
    expect(s.tables.A!.columns.im!.mutable).toBe(false);
    expect(s.tables.A!.columns.d).toMatchObject({ ephemeral: false, mutable: true });
    // No table says isRoot: all are roots (backward compatibility).
    expect(s.tables.A!.isRoot).toBe(true);
  });
});

describe('parseSchema refuses bad schemas, naming the path', () => {
  const base = (t: unknown) => ({ name: 'T', version: '1.0.0', tables: { A: t } });
  test.each([
    [null, '$'],
    [{ name: '1bad', tables: {} }, '$.name'],
    [{ name: 'T', version: '1.0', tables: {} }, '$.version'],
    [base({ columns: { c: { type: 'float' } } }), '$.tables.A.columns.c.type'],
    [base({ columns: { c: { type: { key: 'integer', min: 2 } } } }), '$.tables.A.columns.c.type.min'],
    [base({ columns: { c: { type: { key: 'integer', max: 0 } } } }), '$.tables.A.columns.c.type.max'],
    [
      base({ columns: { c: { type: { key: { type: 'string', minInteger: 1 } } } } }),
      '$.tables.A.columns.c.type.key.minInteger',
    ],
    [base({ columns: { c: { type: { key: { type: 'uuid', refTable: 'Nope' } } } } }), '$.tables.A.columns.c'],
    [
      base({ columns: { c: { type: { key: { type: 'uuid', refTable: 'A', refType: 'soft' } } } } }),
      '$.tables.A.columns.c.type.key.refType',
    ],
    [
      base({ columns: { c: { type: { key: { type: 'integer', enum: ['set', [1, 'x']] } } } } }),
      '$.tables.A.columns.c.type.key.enum[1]',
    ],
    [base({ columns: { c: { type: 'integer' } }, indexes: [['d']] }), '$.tables.A.indexes[0]'],
    [base({ columns: { _c: { type: 'integer' } } }), '$.tables.A.columns._c'],
    [base({ columns: { c: { type: 'integer' } }, maxRows: 0 }), '$.tables.A.maxRows'],
  ])('%j', (raw, path) => {
    let err: unknown;
    try {
      parseSchema(raw);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(OvsdbSchemaError);
    expect((err as OvsdbSchemaError).code).toBe('OVSDB_SCHEMA_INVALID');
    expect((err as OvsdbSchemaError).path).toBe(path);
  });
});
