/**
 * The checked-in models are exactly what the generator makes from the installed schemas: they are
 * regenerated into a temp dir and compared byte for byte, and the installed schema versions are
 * the ones the files were generated from (OVN 23.03, Open vSwitch 3.1).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CHECKED_IN_MODELS, regenerateAll } from '../../../scripts/codegen-all.js';
import { readSchemaFile } from '../../../src/codegen/index.js';
import { parseSchema } from '../../../src/ovsdb/schema.js';
import { kebabCase } from '../../../src/codegen/names.js';
import { startServer, type TestServer } from '../ovsdb/typed/servers.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const EXPECTED_VERSIONS: Record<string, string> = {
  OVN_Northbound: '7.0.0', // OVN 23.03
  OVN_Southbound: '20.27.0', // OVN 23.03
  Open_vSwitch: '8.3.1', // Open vSwitch 3.1
  _Server: '1.2.0', // ovsdb-server 3.1
};

describe('checked-in generated models', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), `codegen-checked-in-${process.pid}-`));
    regenerateAll(dir);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  for (const m of CHECKED_IN_MODELS) {
    it(`${m.database}: regenerating gives the checked-in file`, () => {
      const file = readdirName(m.outDir);
      const fresh = readFileSync(join(dir, m.outDir, file), 'utf8');
      const checkedIn = readFileSync(join(ROOT, m.outDir, file), 'utf8');
      expect(
        fresh === checkedIn,
        `${m.outDir}/${file} differs from the generator's output: run npx tsx scripts/codegen-all.ts`,
      ).toBe(true);
    });

    it(`${m.database}: the installed schema is the version the model was generated from`, () => {
      const schema = parseSchema(readSchemaFile(m.schemaPath));
      expect(schema.name).toBe(m.database);
      expect(schema.version).toBe(EXPECTED_VERSIONS[m.database]);
      const file = readFileSync(join(ROOT, m.outDir, readdirName(m.outDir)), 'utf8');
      expect(file.split('\n', 1)[0]).toContain(`from the ${m.database} schema, version ${schema.version}`);
    });
  }

  describe('the _Server fixture', () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startServer(['/usr/share/openvswitch/vswitch.ovsschema']);
    });
    afterAll(() => server.stop());
    it('is the schema a running ovsdb-server reports', async () => {
      const live = parseSchema(await server.getSchema('_Server'));
      const fixture = parseSchema(readSchemaFile(join(ROOT, 'src/ovsdb/generated/_server.ovsschema')));
      expect(fixture).toEqual(live);
    });
  });
});

function readdirName(outDir: string): string {
  const m = CHECKED_IN_MODELS.find((x) => x.outDir === outDir)!;
  return `${kebabCase(m.database)}.gen.ts`;
}
